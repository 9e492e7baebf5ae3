//! The client's return: a receipt in a POST form (never in a URL) opens their
//! case for the length of one request. With it they read the thread (their
//! messages and the replies), see whether something is new, and write back.

use std::net::SocketAddr;

use axum::extract::rejection::FormRejection;
use axum::extract::{ConnectInfo, Form, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::Deserialize;

use super::payload::MessageDoc;
use super::store::{self, CaseRow};
use super::views::{CheckView, Thread, ThreadMessage};
use super::{message_text, no_such_language, now_secs};
use crate::abuse::TokenCheck;
use crate::app::AppState;
use crate::i18n::Lang;
use crate::queue::store::{Author, add_message};
use crate::seal::{self, ClientKey, Receipt};
use crate::web::{PageError, render};

/// Scope of the form token on the write-back form.
pub const REPLY_SCOPE: &str = "client-reply";

/// No `Debug`: it may hold the message a client writes back.
#[derive(Default, Deserialize)]
#[serde(default)]
pub struct RawCheck {
    pub receipt: String,
    pub message: String,
    pub token: String,
}

pub async fn form(State(state): State<AppState>, Path(code): Path<String>) -> Response {
    let Some(lang) = Lang::from_code(&code) else {
        return no_such_language(&state);
    };
    let view = CheckView::new(&state, lang, String::new(), None, None);
    render(StatusCode::OK, &view, lang, &state.config.quick_exit_url)
}

/// The parts both handlers share: language, form, rate limit, receipt.
enum Opened {
    Done(Response),
    Case(Lang, RawCheck, Receipt),
}

async fn open_request(
    state: &AppState,
    peer: SocketAddr,
    headers: &HeaderMap,
    code: &str,
    form: Result<Form<RawCheck>, FormRejection>,
    writing: bool,
) -> Opened {
    let Some(lang) = Lang::from_code(code) else {
        return Opened::Done(no_such_language(state));
    };
    let exit = &state.config.quick_exit_url;
    let mut raw = match form {
        Ok(Form(raw)) => raw,
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return Opened::Done(PageError::TooLarge.render(lang, exit));
        }
        Err(_) => return Opened::Done(PageError::BadRequest.render(lang, exit)),
    };
    raw.receipt = raw.receipt.chars().take(64).collect();
    let again = |status, error: &'static str, raw: RawCheck| {
        let mut view = CheckView::new(state, lang, raw.receipt, Some(error), None);
        if writing {
            // A client writing back keeps their message, to send again.
            view.resend = true;
            view.reply_text = raw.message;
            view.reply_token = state.form_key.issue(REPLY_SCOPE, now_secs());
        }
        Opened::Done(render(status, &view, lang, exit))
    };
    let client = state.client_net(peer, headers);
    if !state.limits.allow_lookup(client) {
        tracing::debug!("receipt look-up over the rate limit");
        return again(StatusCode::TOO_MANY_REQUESTS, "notice-too-many", raw);
    }
    match Receipt::parse(&raw.receipt) {
        Some(receipt) => Opened::Case(lang, raw, receipt),
        None => again(
            StatusCode::UNPROCESSABLE_ENTITY,
            "error-receipt-format",
            raw,
        ),
    }
}

pub async fn lookup(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path(code): Path<String>,
    form: Result<Form<RawCheck>, FormRejection>,
) -> Response {
    let (lang, raw, receipt) = match open_request(&state, peer, &headers, &code, form, false).await
    {
        Opened::Done(r) => return r,
        Opened::Case(lang, raw, receipt) => (lang, raw, receipt),
    };
    show(&state, lang, &receipt, raw.receipt, Reply::default()).await
}

/// What the write-back form shows: the text kept, an error or a notice.
#[derive(Default)]
pub struct Reply {
    pub text: String,
    pub error: Option<&'static str>,
    pub notice: Option<&'static str>,
}

/// Renders the thread a receipt opens, or the "no such request" answer.
async fn show(
    state: &AppState,
    lang: Lang,
    receipt: &Receipt,
    typed: String,
    reply: Reply,
) -> Response {
    let exit = &state.config.quick_exit_url;
    let status = if reply.error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    match open_thread(state, receipt).await {
        Ok(Some(thread)) => {
            if thread.case.client_unread
                && let Err(e) = store::mark_read_by_client(&state.db, &thread.case.id).await
            {
                return PageError::internal(e).render(lang, exit);
            }
            let mut view = CheckView::new(state, lang, String::new(), None, Some(thread));
            view.receipt = receipt.to_string();
            view.reply_token = state.form_key.issue(REPLY_SCOPE, now_secs());
            view.reply_text = reply.text;
            view.reply_error = reply.error.map(|e| view.page.t.t(e));
            if view.reply_error.is_some() {
                let title = view
                    .page
                    .t
                    .t1("title-with-error", "title", &view.page.title);
                view.page.title = title;
            }
            view.reply_notice = reply.notice.map(|n| view.page.t.t(n));
            render(status, &view, lang, exit)
        }
        Ok(None) => {
            let view = CheckView::new(state, lang, typed, Some("error-receipt-unknown"), None);
            render(StatusCode::NOT_FOUND, &view, lang, exit)
        }
        Err(e) => e.render(lang, exit),
    }
}

/// The client writes back: sealed to the service's keys and their own.
pub async fn write_back(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path(code): Path<String>,
    form: Result<Form<RawCheck>, FormRejection>,
) -> Response {
    let (lang, raw, receipt) = match open_request(&state, peer, &headers, &code, form, true).await {
        Opened::Done(r) => return r,
        Opened::Case(lang, raw, receipt) => (lang, raw, receipt),
    };
    let exit = &state.config.quick_exit_url;
    let keep = |error| Reply {
        text: raw.message.clone(),
        error: Some(error),
        notice: None,
    };
    let refusal = match state.form_key.check(REPLY_SCOPE, &raw.token, now_secs()) {
        TokenCheck::Valid => None,
        TokenCheck::TooFast => Some("notice-too-fast"),
        TokenCheck::Invalid => Some("notice-expired"),
    };
    if let Some(notice) = refusal {
        return show(&state, lang, &receipt, raw.receipt.clone(), keep(notice)).await;
    }
    let text = match message_text(&raw.message) {
        Ok(text) => text,
        Err(error) => return show(&state, lang, &receipt, raw.receipt.clone(), keep(error)).await,
    };
    let key = match receipt.client_key(&state.pepper) {
        Ok(k) => k,
        Err(e) => return PageError::internal(e).render(lang, exit),
    };
    let case = match store::find_by_lookup(&state.db, &key.lookup_hash).await {
        Ok(Some(case)) => case,
        Ok(None) => {
            let mut view = CheckView::new(
                &state,
                lang,
                raw.receipt,
                Some("error-receipt-unknown"),
                None,
            );
            view.resend = true;
            view.reply_text = raw.message;
            view.reply_token = state.form_key.issue(REPLY_SCOPE, now_secs());
            return render(StatusCode::NOT_FOUND, &view, lang, exit);
        }
        Err(e) => return PageError::internal(e).render(lang, exit),
    };
    match crate::queue::store::thread_full(
        &state.db,
        &case.id,
        state.config.limits.messages_per_case,
    )
    .await
    {
        Ok(false) => {}
        Ok(true) => {
            let full = keep("error-thread-full-client");
            return show(&state, lang, &receipt, raw.receipt.clone(), full).await;
        }
        Err(e) => return PageError::internal(e).render(lang, exit),
    }
    let client = state.client_net(peer, &headers);
    if !state.limits.allow_submission(client, &case.service) {
        tracing::debug!(service = %case.service, "client message over the rate limit");
        return show(
            &state,
            lang,
            &receipt,
            raw.receipt.clone(),
            keep("notice-too-many"),
        )
        .await;
    }
    if let Err(e) = store_client_message(&state, &case, &key, text).await {
        return e.render(lang, exit);
    }
    let sent = Reply {
        notice: Some("check-sent"),
        ..Reply::default()
    };
    show(&state, lang, &receipt, String::new(), sent).await
}

async fn store_client_message(
    state: &AppState,
    case: &CaseRow,
    key: &ClientKey,
    text: String,
) -> Result<(), PageError> {
    let keys = state.service_keys(&case.service)?;
    let doc = MessageDoc::follow_up(&case.id, &case.service, None, text);
    let envelope = keys.envelope.with(key.recipient());
    let sealed = state.seal(&envelope, &doc).await?;
    let mut tx = state.db.pool.begin().await.map_err(PageError::internal)?;
    let rules = state.services.retention_of(&case.service);
    add_message(
        &mut tx,
        &case.id,
        Author::Client,
        keys.epoch,
        &sealed,
        rules,
    )
    .await
    .map_err(PageError::internal)?;
    tx.commit().await.map_err(PageError::internal)?;
    state.notifier.activity(&case.service);
    Ok(())
}

/// The case behind a receipt, with the messages the client's key opens:
/// theirs and the replies. Internal notes are not sealed to them.
async fn open_thread(state: &AppState, receipt: &Receipt) -> Result<Option<Thread>, PageError> {
    let key = receipt
        .client_key(&state.pepper)
        .map_err(PageError::internal)?;
    let Some(case) = store::find_by_lookup(&state.db, &key.lookup_hash)
        .await
        .map_err(PageError::internal)?
    else {
        return Ok(None);
    };
    let sealed = store::messages(&state.db, &case.id)
        .await
        .map_err(PageError::internal)?;
    let keys = [&key.identity as &dyn age::Identity];
    let mut messages = Vec::with_capacity(sealed.len());
    for m in sealed
        .into_iter()
        .filter(|m| m.author != Author::Note.as_str())
    {
        // What the client may read is sealed to their key: anything else
        // here is damage, not a message to skip.
        let doc: MessageDoc = seal::open_case_doc(&m.sealed, &keys, &case.id)?
            .ok_or(seal::SealError::NotForThisKey)?;
        messages.push(ThreadMessage {
            from_client: m.author == Author::Client.as_str(),
            day: m.written_on,
            doc,
        });
    }
    Ok(Some(Thread { case, messages }))
}
