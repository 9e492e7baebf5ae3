//! The client's return: a receipt in a POST form (never in a URL) opens their
//! case for the length of one request. With it they read the thread (their
//! messages and the replies), see whether something is new, and write back.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::Deserialize;
use zeroize::Zeroize;

use super::store::{self, CaseRow};
use super::thread::{open_thread, store_client_message};
use super::views::{CheckView, Thread};
use super::{message_text, now_secs};
use crate::abuse::{Filled, take_form};
use crate::app::AppState;
use crate::i18n::Lang;
use crate::seal::Receipt;
use crate::web::{Form, PageError, html};

/// Scope of the form token on the write-back form.
pub const REPLY_SCOPE: &str = "client-reply";
/// Scope of the form token on the receipt form (the look-up).
pub const CHECK_SCOPE: &str = "client-check";

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
pub(crate) fn form_again(
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
pub(crate) async fn admit(
    state: &AppState,
    peer: SocketAddr,
    headers: &HeaderMap,
    raw: &mut RawCheck,
) -> Result<Receipt, (StatusCode, &'static str)> {
    if let Some((at, _)) = raw.receipt.char_indices().nth(64) {
        raw.receipt.truncate(at);
    }
    if !state
        .limits
        .allow_lookup(state.client_net(peer, headers))
        .await
    {
        tracing::debug!("receipt look-up over the rate limit");
        return Err((StatusCode::TOO_MANY_REQUESTS, "notice-too-many"));
    }
    let unreadable = (StatusCode::UNPROCESSABLE_ENTITY, "error-receipt-format");
    Receipt::parse(&raw.receipt).ok_or(unreadable)
}

/// A check or write-back form admitted (limit, receipt) and its token
/// spent: the receipt, or the form to hand back. `writing` tells the
/// write-back form (typed by hand) from the look-up (one click).
async fn taken(
    state: &AppState,
    (peer, headers): (SocketAddr, &HeaderMap),
    lang: Lang,
    raw: &mut RawCheck,
    writing: bool,
) -> Result<Result<Receipt, Response>, PageError> {
    let receipt = match admit(state, peer, headers, raw).await {
        Ok(receipt) => receipt,
        Err((status, error)) => {
            return Ok(Err(form_again(state, lang, status, error, raw, writing)));
        }
    };
    let (scope, filled) = if writing {
        (REPLY_SCOPE, Filled::ByHand)
    } else {
        (CHECK_SCOPE, Filled::AtOnce)
    };
    let key = &state.form_key;
    match take_form(&state.spent, key, scope, &raw.token, filled).await? {
        Some(notice) => Ok(Err(expired(state, lang, notice, raw, writing))),
        None => Ok(Ok(receipt)),
    }
}

pub async fn lookup(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    lang: Lang,
    Form(mut raw): Form<RawCheck>,
) -> Result<Response, PageError> {
    let receipt = match taken(&state, (peer, &headers), lang, &mut raw, false).await? {
        Ok(receipt) => receipt,
        Err(again) => return Ok(again),
    };
    show(&state, lang, &receipt, &raw.receipt, Reply::default()).await
}

/// An expired form whose receipt is not given back asks for the receipt
/// again (not "your text is still here").
fn receipt_again(notice: &'static str) -> &'static str {
    match notice {
        "notice-expired" => "notice-expired-receipt",
        other => other,
    }
}

/// The empty receipt form with `notice` (a booking's form sent again, or
/// too old), without the booking and without the receipt.
pub(crate) fn expired_page(state: &AppState, lang: Lang, notice: &'static str) -> Response {
    let error = Some(receipt_again(notice));
    let view = CheckView::new(state, lang, String::new(), error, None);
    html(StatusCode::UNPROCESSABLE_ENTITY, &view)
}

/// A receipt form sent again (Back, Reload), or with a token too old:
/// the empty receipt form, never the thread, and the receipt not given
/// back (whoever holds the device now may not be who wrote it down). A
/// message being written back is kept, to send again.
pub(crate) fn expired(
    state: &AppState,
    lang: Lang,
    notice: &'static str,
    raw: &mut RawCheck,
    writing: bool,
) -> Response {
    raw.receipt.zeroize();
    let status = StatusCode::UNPROCESSABLE_ENTITY;
    form_again(state, lang, status, receipt_again(notice), raw, writing)
}

/// What the write-back form shows: the text kept, an error or a notice.
#[derive(Default)]
pub struct Reply {
    pub text: String,
    pub error: Option<&'static str>,
    pub notice: Option<&'static str>,
    /// The notice says why something was not taken (422).
    pub refused: bool,
    /// The feedback form's rating and comment, kept, with what to fix.
    pub feedback: crate::feedback::Typed,
}

impl Reply {
    /// The text the client wrote, kept, with why it was not sent.
    fn kept(text: &str, error: &'static str) -> Reply {
        Reply {
            text: text.to_owned(),
            error: Some(error),
            ..Reply::default()
        }
    }

    /// The feedback form with what was typed and what to fix.
    pub fn feedback(typed: crate::feedback::Typed) -> Reply {
        Reply {
            feedback: typed,
            ..Reply::default()
        }
    }

    /// A notice that all went well.
    pub fn done(notice: &'static str) -> Reply {
        Reply {
            notice: Some(notice),
            ..Reply::default()
        }
    }

    /// A notice of why something was not taken.
    pub fn refused(notice: &'static str) -> Reply {
        Reply {
            notice: Some(notice),
            refused: true,
            ..Reply::default()
        }
    }
}

/// Renders the thread a receipt opens, or the "no such request" answer
/// with the receipt as `typed`.
pub(crate) async fn show(
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
    let status = if reply.error.is_some() || reply.refused || !reply.feedback.errors.is_empty() {
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
fn thread_view(
    state: &AppState,
    lang: Lang,
    receipt: &Receipt,
    thread: Thread,
    reply: Reply,
) -> CheckView {
    let receipt = receipt.to_string();
    let feedback = crate::feedback::check_form(state, lang, &thread, &receipt, &reply.feedback);
    let mut view = CheckView::new(state, lang, String::new(), None, Some(thread));
    view.feedback = feedback;
    view.receipt = receipt;
    view.reply_token = state.form_key.issue(REPLY_SCOPE, now_secs());
    view.reply_text = reply.text;
    view.reply_error = reply.error.map(|e| view.page.t.t(e));
    let feedback_error = view
        .feedback
        .as_ref()
        .is_some_and(|f| !f.summary.is_empty());
    if view.reply_error.is_some() || feedback_error {
        let title = view
            .page
            .t
            .t1("title-with-error", "title", &view.page.title);
        view.page.title = title;
    }
    view.reply_notice = reply.notice.map(|n| view.page.t.t(n));
    view
}

/// The client writes back: sealed to the service's keys and their own.
pub async fn write_back(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    lang: Lang,
    Form(mut raw): Form<RawCheck>,
) -> Result<Response, PageError> {
    let receipt = match taken(&state, (peer, &headers), lang, &mut raw, true).await? {
        Ok(receipt) => receipt,
        Err(again) => return Ok(again),
    };
    let typed = raw.receipt.as_str();
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
    store_client_message(&state, &case, &key, text, lang).await?;
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
    if !state.limits.allow_submission(client, &case.service).await {
        tracing::debug!("client message over the rate limit");
        return Ok(Some("notice-too-many"));
    }
    Ok(None)
}
