//! Contact requests: the landing page, the contact form, sealing and storing
//! a request, the receipt page, and the client's return with a receipt.

mod again;
pub(crate) mod check;
pub(crate) mod form;
pub(crate) mod new_case;
mod payload;
pub mod store;
mod thread;
pub(crate) mod views;

pub use again::receipt_switch;
pub use form::{ContactRequest, ContactWay, RawContact, message_text};
pub use payload::{BookingDoc, Handed, MessageDoc, VERSION as DOC_VERSION};
pub(crate) use thread::open_thread;

use axum::Router;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Redirect, Response};
use axum::routing::get;
use std::net::SocketAddr;
use std::sync::Arc;

use crate::abuse::{Filled, take_form};
use crate::app::AppState;
use crate::config::Service;
use crate::i18n::Lang;
use crate::web::{Form, PageError, html};
use form::FieldError;
use views::{ContactView, Landing, ReceiptView};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/{lang}", get(to_language_root))
        .route("/{lang}/", get(landing))
        .route("/{lang}/services/{slug}", get(contact_form).post(submit))
        .route("/{lang}/check", get(check::form).post(check::lookup))
        .route(
            "/{lang}/check/reply",
            axum::routing::post(check::write_back),
        )
        .route("/{lang}/receipt", axum::routing::post(again::show))
}

pub(crate) fn now_secs() -> u64 {
    jiff::Timestamp::now().as_second().max(0) as u64
}

/// `/sv` → `/sv/`; only for our languages, so no path can redirect elsewhere.
async fn to_language_root(lang: Lang) -> Redirect {
    Redirect::to(&format!("/{}/", lang.code()))
}

async fn landing(State(state): State<AppState>, lang: Lang) -> Response {
    html(StatusCode::OK, &Landing::new(&state, lang))
}

/// A service clients may write to: known and not retired.
fn find_service(state: &AppState, slug: &str) -> Result<Arc<Service>, PageError> {
    state.services.open_one(slug).ok_or(PageError::NotFound)
}

async fn contact_form(
    State(state): State<AppState>,
    lang: Lang,
    Path((_, slug)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let service = find_service(&state, &slug)?;
    let mut view = ContactView::new(&state, lang, &service, RawContact::default(), vec![], None);
    view.chat = crate::chat::offer(&state, lang, &service).await?;
    Ok(html(StatusCode::OK, &view))
}

async fn submit(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    lang: Lang,
    Path((_, slug)): Path<(String, String)>,
    Form(raw): Form<RawContact>,
) -> Result<Response, PageError> {
    let service = find_service(&state, &slug)?;
    // Every refusal below hands the form back with what the person typed.
    let again = |status, errors: Vec<FieldError>, notice: Option<&'static str>, raw| {
        let view = ContactView::new(&state, lang, &service, raw, errors, notice);
        Ok(html(status, &view))
    };
    let client = state.client_net(peer, &headers);
    if !state.limits.allow_submission(client, &service.slug).await {
        let notice = Some("notice-too-many");
        return again(StatusCode::TOO_MANY_REQUESTS, vec![], notice, raw);
    }
    // Spent before anything else is looked at: a form sent again (Back,
    // Reload) is refused, and one refused below comes back with a fresh
    // token, so no body is ever taken twice.
    let scope = token_scope(&service);
    let notice = take_form(
        &state.spent,
        &state.form_key,
        &scope,
        &raw.token,
        Filled::ByHand,
    )
    .await?;
    if notice.is_some() {
        return again(StatusCode::UNPROCESSABLE_ENTITY, vec![], notice, raw);
    }
    let request = match ContactRequest::parse(&raw, &service) {
        Ok(r) => r,
        Err(errors) => return again(StatusCode::UNPROCESSABLE_ENTITY, errors, None, raw),
    };
    // Sealed to the service's keys and the client's own key, stored, and
    // the receipt shown only once the write is durable.
    let first = |case: &str| MessageDoc::client_request(case, &service, request).written_from(lang);
    let (receipt, _) = new_case::open_contact(&state, &service, lang, first).await?;
    state
        .stats
        .count(&service.slug, crate::stats::Metric::Contacts, lang.code());
    let view = ReceiptView::new(&state, lang, &service, &receipt);
    Ok(html(StatusCode::OK, &view))
}

pub(crate) fn token_scope(service: &Service) -> String {
    format!("contact:{}", service.slug)
}
