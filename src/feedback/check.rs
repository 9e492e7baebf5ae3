//! Feedback from the check page: the form carries the receipt in its POST
//! body, as the write-back form does, with a single-use token.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::Deserialize;

use super::views::{FeedbackForm, ThreadState, thread_state};
use super::{CHECK_SCOPE, Rated, Recorded, Typed, record};
use crate::abuse::{Filled, take_form};
use crate::app::AppState;
use crate::i18n::{Lang, Tr};
use crate::intake::check::{self as page, RawCheck, Reply};
use crate::intake::views::Thread;
use crate::web::{Form, PageError};

/// No `Debug`: it holds the receipt and the comment.
#[derive(Default, Deserialize)]
pub struct RawSend {
    #[serde(default)]
    receipt: String,
    #[serde(default)]
    token: String,
    #[serde(default)]
    rating: String,
    #[serde(default)]
    comment: String,
}

crate::seal::wipe_on_drop!(RawSend: receipt, token, rating, comment);

/// The form under a thread the receipt opened, or what was sent.
pub fn form_for(
    state: &AppState,
    lang: Lang,
    thread: &Thread,
    receipt: &str,
    typed: &Typed,
) -> Option<FeedbackForm> {
    let t = Tr::new(lang);
    match thread_state(thread) {
        ThreadState::NotYet => None,
        ThreadState::Rated(rating) => Some(FeedbackForm::rated(&t, rating)),
        ThreadState::Open => {
            let token = state.form_key.issue(CHECK_SCOPE, crate::intake::now_secs());
            let hidden = vec![("receipt", receipt.to_owned()), ("token", token)];
            let action = format!("/{}/check/feedback", lang.code());
            Some(FeedbackForm::new(&t, action, hidden, typed))
        }
    }
}

/// The check page again after a rating, with `reply` (a notice, or the
/// form with what was typed and why not).
async fn again(
    state: &AppState,
    lang: Lang,
    receipt: &crate::seal::Receipt,
    reply: Reply,
) -> Result<Response, PageError> {
    page::show(state, lang, receipt, "", reply).await
}

pub async fn send(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    lang: Lang,
    Form(mut raw): Form<RawSend>,
) -> Result<Response, PageError> {
    // The receipt form's checks (limit, format), then the token spent.
    let mut as_check = RawCheck {
        receipt: std::mem::take(&mut raw.receipt),
        message: std::mem::take(&mut raw.comment),
        token: std::mem::take(&mut raw.token),
    };
    // A comment that cannot be taken as feedback is not lost: it comes
    // back in the receipt form's message box, to send as a message.
    let writing = !as_check.message.trim().is_empty();
    let receipt = match page::admit(&state, peer, &headers, &mut as_check).await {
        Ok(receipt) => receipt,
        Err((status, error)) => {
            return Ok(page::form_again(
                &state,
                lang,
                status,
                error,
                &mut as_check,
                writing,
            ));
        }
    };
    let key = &state.form_key;
    if let Some(notice) = take_form(
        &state.spent,
        key,
        CHECK_SCOPE,
        &as_check.token,
        Filled::ByHand,
    )
    .await?
    {
        return Ok(page::expired(&state, lang, notice, &mut as_check, writing));
    }
    let typed = Typed {
        rating: std::mem::take(&mut raw.rating),
        comment: std::mem::take(&mut as_check.message),
        errors: vec![],
    };
    let entry = match typed.parse() {
        Ok(entry) => entry,
        Err(errors) => {
            let typed = typed.with_errors(errors);
            return again(&state, lang, &receipt, Reply::feedback(typed)).await;
        }
    };
    let client = receipt.client_key(&state.pepper)?;
    let Some(thread) = crate::intake::open_thread(&state, &receipt).await? else {
        let status = StatusCode::NOT_FOUND;
        let error = "error-receipt-unknown";
        return Ok(page::form_again(
            &state,
            lang,
            status,
            error,
            &mut as_check,
            writing,
        ));
    };
    let notice = match thread_state(&thread) {
        ThreadState::NotYet => Some("feedback-not-yet"),
        ThreadState::Rated(_) => Some("feedback-already"),
        ThreadState::Open => None,
    };
    if let Some(notice) = notice {
        return again(&state, lang, &receipt, Reply::refused(notice)).await;
    }
    let case = Rated {
        case_id: &thread.case.id,
        service: &thread.case.service,
        client: client.recipient(),
    };
    let notice = match record(&state, case, entry, lang).await? {
        Recorded::Done => Reply::done("feedback-thanks"),
        Recorded::Already => Reply::refused("feedback-already"),
        Recorded::Gone => Reply::refused("error-receipt-unknown"),
    };
    again(&state, lang, &receipt, notice).await
}
