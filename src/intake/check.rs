//! The client's return: a receipt in a POST form (never in a URL) opens their
//! case for the length of one request. With it they read the thread (their
//! messages and the replies), see whether something is new, and write back.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::Deserialize;

use super::payload::MessageDoc;
use super::store::{self, CaseRow};
use super::views::{CheckView, Thread, ThreadMessage};
use super::{message_text, now_secs};
use crate::abuse::TokenCheck;
use crate::app::AppState;
use crate::i18n::Lang;
use crate::queue::store::{Author, add_message};
use crate::seal::{self, ClientKey, Place, Receipt, SenderKey};
use crate::web::{Form, PageError, html};

/// Scope of the form token on the write-back form.
pub const REPLY_SCOPE: &str = "client-reply";

/// No `Debug`: it may hold the message a client writes back.
#[derive(Default, Deserialize)]
pub struct RawCheck {
    #[serde(default)]
    pub receipt: String,
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub token: String,
}

crate::seal::wipe_on_drop!(RawCheck: receipt, message, token);

pub async fn form(State(state): State<AppState>, lang: Lang) -> Response {
    html(
        StatusCode::OK,
        &CheckView::new(&state, lang, String::new(), None, None),
    )
}

/// The receipt form again with what was typed, and why; a client writing
/// back keeps their message, to send again.
fn form_again(
    state: &AppState,
    lang: Lang,
    status: StatusCode,
    error: &'static str,
    raw: &mut RawCheck,
    writing: bool,
) -> Response {
    let typed = std::mem::take(&mut raw.receipt);
    let mut view = CheckView::new(state, lang, typed, Some(error), None);
    if writing {
        view.resend = true;
        view.reply_text = std::mem::take(&mut raw.message);
        view.reply_token = state.form_key.issue(REPLY_SCOPE, now_secs());
    }
    html(status, &view)
}

/// The receipt a form carries, once the look-up rate limit allows it; else
/// why not, for [`form_again`].
fn admit(
    state: &AppState,
    peer: SocketAddr,
    headers: &HeaderMap,
    raw: &mut RawCheck,
) -> Result<Receipt, (StatusCode, &'static str)> {
    if let Some((at, _)) = raw.receipt.char_indices().nth(64) {
        raw.receipt.truncate(at);
    }
    if !state.limits.allow_lookup(state.client_net(peer, headers)) {
        tracing::debug!("receipt look-up over the rate limit");
        return Err((StatusCode::TOO_MANY_REQUESTS, "notice-too-many"));
    }
    let unreadable = (StatusCode::UNPROCESSABLE_ENTITY, "error-receipt-format");
    Receipt::parse(&raw.receipt).ok_or(unreadable)
}

pub async fn lookup(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    lang: Lang,
    Form(mut raw): Form<RawCheck>,
) -> Result<Response, PageError> {
    let receipt = match admit(&state, peer, &headers, &mut raw) {
        Ok(receipt) => receipt,
        Err((status, error)) => {
            return Ok(form_again(&state, lang, status, error, &mut raw, false));
        }
    };
    show(&state, lang, &receipt, &raw.receipt, Reply::default()).await
}

/// What the write-back form shows: the text kept, an error or a notice.
#[derive(Default)]
pub struct Reply {
    pub text: String,
    pub error: Option<&'static str>,
    pub notice: Option<&'static str>,
}

impl Reply {
    /// The text the client wrote, kept, with why it was not sent.
    fn kept(text: &str, error: &'static str) -> Reply {
        Reply {
            text: text.to_owned(),
            error: Some(error),
            notice: None,
        }
    }
}

/// Renders the thread a receipt opens, or the "no such request" answer
/// with the receipt as `typed`.
async fn show(
    state: &AppState,
    lang: Lang,
    receipt: &Receipt,
    typed: &str,
    reply: Reply,
) -> Result<Response, PageError> {
    let Some(thread) = open_thread(state, receipt).await? else {
        let error = Some("error-receipt-unknown");
        let view = CheckView::new(state, lang, typed.to_owned(), error, None);
        return Ok(html(StatusCode::NOT_FOUND, &view));
    };
    if thread.case.client_unread {
        store::mark_read_by_client(&state.db, &thread.case.id).await?;
    }
    let status = if reply.error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok(html(
        status,
        &thread_view(state, lang, receipt, thread, reply),
    ))
}

/// The thread with the write-back form under it.
fn thread_view<'a>(
    state: &'a AppState,
    lang: Lang,
    receipt: &Receipt,
    thread: Thread,
    reply: Reply,
) -> CheckView<'a> {
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
    view
}

fn token_refusal(state: &AppState, token: &str) -> Option<&'static str> {
    match state.form_key.check(REPLY_SCOPE, token, now_secs()) {
        TokenCheck::Valid => None,
        TokenCheck::TooFast => Some("notice-too-fast"),
        TokenCheck::Invalid => Some("notice-expired"),
    }
}

/// The client writes back: sealed to the service's keys and their own.
pub async fn write_back(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    lang: Lang,
    Form(mut raw): Form<RawCheck>,
) -> Result<Response, PageError> {
    let receipt = match admit(&state, peer, &headers, &mut raw) {
        Ok(receipt) => receipt,
        Err((status, error)) => {
            return Ok(form_again(&state, lang, status, error, &mut raw, true));
        }
    };
    let typed = raw.receipt.as_str();
    if let Some(notice) = token_refusal(&state, &raw.token) {
        let reply = Reply::kept(&raw.message, notice);
        return show(&state, lang, &receipt, typed, reply).await;
    }
    let text = match message_text(&raw.message) {
        Ok(text) => text,
        Err(error) => {
            let reply = Reply::kept(&raw.message, error);
            return show(&state, lang, &receipt, typed, reply).await;
        }
    };
    let key = receipt.client_key(&state.pepper)?;
    let Some(case) = store::find_by_lookup(&state.db, &key.lookup_hash).await? else {
        let status = StatusCode::NOT_FOUND;
        let error = "error-receipt-unknown";
        return Ok(form_again(&state, lang, status, error, &mut raw, true));
    };
    if let Some(refusal) = refusal(&state, peer, &headers, &case).await? {
        let reply = Reply::kept(&raw.message, refusal);
        return show(&state, lang, &receipt, typed, reply).await;
    }
    store_client_message(&state, &case, &key, text).await?;
    let sent = Reply {
        notice: Some("check-sent"),
        ..Reply::default()
    };
    show(&state, lang, &receipt, "", sent).await
}

/// Why a client's message to `case` is not taken now: the thread is full,
/// or they are writing too fast.
async fn refusal(
    state: &AppState,
    peer: SocketAddr,
    headers: &HeaderMap,
    case: &CaseRow,
) -> Result<Option<&'static str>, PageError> {
    let most = state.config.limits.messages_per_case;
    if crate::queue::store::thread_full(&state.db, &case.id, most).await? {
        return Ok(Some("error-thread-full-client"));
    }
    let client = state.client_net(peer, headers);
    if !state.limits.allow_submission(client, &case.service) {
        tracing::debug!("client message over the rate limit");
        return Ok(Some("notice-too-many"));
    }
    Ok(None)
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
    let mut tx = state.db.pool.begin().await?;
    let rules = state.services.retention_of(&case.service);
    add_message(
        &mut tx,
        &case.id,
        Author::Client,
        keys.epoch,
        &sealed,
        rules,
    )
    .await?;
    tx.commit().await?;
    state.notifier.activity(&case.service);
    Ok(())
}

/// The case behind a receipt, with the messages the client's key opens:
/// theirs and the replies. Internal notes are not sealed to them.
async fn open_thread(state: &AppState, receipt: &Receipt) -> Result<Option<Thread>, PageError> {
    let key = receipt.client_key(&state.pepper)?;
    let Some(case) = store::find_by_lookup(&state.db, &key.lookup_hash).await? else {
        return Ok(None);
    };
    let sealed = store::messages(&state.db, &case.id).await?;
    let keys = [&key.identity as &dyn age::Identity];
    let sender = SenderKey::new(&state.pepper);
    let mut messages = Vec::with_capacity(sealed.len());
    let mut refused = 0;
    for m in sealed
        .into_iter()
        .filter(|m| m.author != Author::Note.as_str())
    {
        // What the client may read is sealed to their key: anything else
        // here is damage, not a message to skip.
        let mut doc: MessageDoc = seal::open_case_doc(&m.sealed, &keys, &case.id)?
            .ok_or(seal::SealError::NotForThisKey)?;
        let place = Place {
            case: &case.id,
            message: &m.id,
            author: &m.author,
        };
        // A reply the service did not write (sealed to the client's public
        // key by someone with only the database) is shown nowhere.
        if !sender.accepts(place, &mut doc) {
            refused += 1;
            continue;
        }
        let from_client = m.author == Author::Client.as_str();
        // A reply's day is the one its MAC covers, not the stored column.
        let day = match doc.written_at.get(..10) {
            Some(day) if !from_client => day.to_owned(),
            _ => m.written_on,
        };
        messages.push(ThreadMessage {
            from_client,
            day,
            doc,
        });
    }
    SenderKey::log_refused(refused);
    Ok(Some(Thread { case, messages }))
}
