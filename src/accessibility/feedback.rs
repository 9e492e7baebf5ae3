//! Accessibility feedback: an anonymous contact request to the service the
//! statement names, sealed like any other, with a receipt shown once.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::Deserialize;

use super::views::StatementView;
use super::{KIND, store};
use crate::abuse::{Filled, take_form};
use crate::app::AppState;
use crate::config::Service;
use crate::i18n::Lang;
use crate::intake::views::ReceiptView;
use crate::intake::{ContactWay, MessageDoc, message_text};
use crate::seal::wipe_on_drop;
use crate::web::{Form, PageError, html};

/// The topic sealed into feedback: the check page and the queue name it
/// through `topic-accessibility`.
pub const TOPIC: &str = "accessibility";

/// The form token's scope.
pub const SCOPE: &str = "accessibility-feedback";

/// The feedback form as posted. No `Debug`, wiped when dropped.
#[derive(Default, Deserialize)]
pub struct RawFeedback {
    #[serde(default)]
    pub token: String,
    #[serde(default)]
    pub message: String,
}

wipe_on_drop!(RawFeedback: token, message);

/// What the person typed and what went wrong, handed back on the page.
#[derive(Default)]
pub struct Typed {
    pub message: String,
    pub error: Option<&'static str>,
    pub notice: Option<&'static str>,
}

wipe_on_drop!(Typed: message);

/// The service feedback is sealed to: the one the statement names, if it
/// still exists (retired too: an organisation's internal service need not
/// be on the landing page).
pub fn feedback_service(state: &AppState, statement: &store::Statement) -> Option<Arc<Service>> {
    let slug = statement.feedback_service.as_str();
    (!slug.is_empty())
        .then(|| state.services.get(slug))
        .flatten()
}

pub async fn submit(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    lang: Lang,
    Form(mut raw): Form<RawFeedback>,
) -> Result<Response, PageError> {
    let stored = store::load(&state.db).await?;
    let service = feedback_service(&state, &stored).ok_or(PageError::NotFound)?;
    let again = |status, error, notice, raw: &mut RawFeedback| {
        let typed = Typed {
            message: std::mem::take(&mut raw.message),
            error,
            notice,
        };
        Ok(html(
            status,
            &StatementView::new(&state, lang, &stored, typed),
        ))
    };
    let client = state.client_net(peer, &headers);
    if !state.limits.allow_submission(client, &service.slug).await {
        let notice = Some("notice-too-many");
        return again(StatusCode::TOO_MANY_REQUESTS, None, notice, &mut raw);
    }
    // Spent first, as the contact form's: a form sent twice is refused.
    let notice = take_form(
        &state.spent,
        &state.form_key,
        SCOPE,
        &raw.token,
        Filled::ByHand,
    )
    .await?;
    if notice.is_some() {
        return again(StatusCode::UNPROCESSABLE_ENTITY, None, notice, &mut raw);
    }
    let text = match message_text(&raw.message) {
        Ok(text) => text,
        Err(e) => return again(StatusCode::UNPROCESSABLE_ENTITY, Some(e), None, &mut raw),
    };
    let first = |case: &str| {
        let mut doc = MessageDoc::follow_up(case, &service.slug, None, text);
        doc.topic = Some(TOPIC.to_owned());
        doc.contact = Some(ContactWay::ReplyHere);
        doc
    };
    let (receipt, _) = crate::intake::new_case::open_case(&state, &service, KIND, first).await?;
    tracing::info!(service = %service.slug, "accessibility feedback received");
    Ok(html(
        StatusCode::OK,
        &ReceiptView::new(&state, lang, &service, &receipt),
    ))
}
