//! The client's return: a receipt in a POST form (never in a URL) opens their
//! case for the length of one request.

use std::net::SocketAddr;

use axum::extract::rejection::FormRejection;
use axum::extract::{ConnectInfo, Form, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::Deserialize;

use super::no_such_language;
use super::payload::MessageDoc;
use super::store;
use super::views::{CheckView, Thread, ThreadMessage};
use crate::app::AppState;
use crate::i18n::Lang;
use crate::seal::{self, Receipt};
use crate::web::{PageError, render};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawCheck {
    pub receipt: String,
}

pub async fn form(State(state): State<AppState>, Path(code): Path<String>) -> Response {
    let Some(lang) = Lang::from_code(&code) else {
        return no_such_language(&state);
    };
    let view = CheckView::new(&state, lang, String::new(), None, None);
    render(StatusCode::OK, &view, lang, &state.config.quick_exit_url)
}

pub async fn lookup(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path(code): Path<String>,
    form: Result<Form<RawCheck>, FormRejection>,
) -> Response {
    let Some(lang) = Lang::from_code(&code) else {
        return no_such_language(&state);
    };
    let exit = &state.config.quick_exit_url;
    let raw = match form {
        Ok(Form(raw)) => raw,
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return PageError::TooLarge.render(lang, exit);
        }
        Err(_) => return PageError::BadRequest.render(lang, exit),
    };
    let typed = raw.receipt.chars().take(64).collect::<String>();
    let again = |status, error: &'static str, typed: String| {
        let view = CheckView::new(&state, lang, typed, Some(error), None);
        render(status, &view, lang, exit)
    };
    if !state.limits.allow_lookup(state.client_net(peer, &headers)) {
        tracing::debug!("receipt look-up over the rate limit");
        return again(StatusCode::TOO_MANY_REQUESTS, "notice-too-many", typed);
    }
    let Some(receipt) = Receipt::parse(&typed) else {
        return again(
            StatusCode::UNPROCESSABLE_ENTITY,
            "error-receipt-format",
            typed,
        );
    };
    match open_thread(&state, &receipt).await {
        Ok(Some(thread)) => {
            let view = CheckView::new(&state, lang, String::new(), None, Some(thread));
            render(StatusCode::OK, &view, lang, exit)
        }
        Ok(None) => again(StatusCode::NOT_FOUND, "error-receipt-unknown", typed),
        Err(e) => e.render(lang, exit),
    }
}

/// The case behind a receipt, with the messages the client's key opens.
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
    let mut messages = Vec::with_capacity(sealed.len());
    for m in sealed {
        let doc: MessageDoc = seal::open(&m.sealed, &[&key.identity as &dyn age::Identity])
            .map_err(PageError::internal)?;
        if doc.case != case.id {
            return Err(PageError::internal(
                "sealed message belongs to another case",
            ));
        }
        messages.push(ThreadMessage {
            from_client: m.author == "client",
            day: m.written_on,
            doc,
        });
    }
    Ok(Some(Thread { case, messages }))
}
