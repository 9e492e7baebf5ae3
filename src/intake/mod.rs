//! Contact requests: the landing page, the contact form, sealing and storing
//! a request, the receipt page, and the client's return with a receipt.

pub(crate) mod check;
pub(crate) mod form;
mod payload;
pub mod store;
pub(crate) mod views;

pub use form::{ContactRequest, ContactWay, RawContact, message_text};
pub use payload::{BookingDoc, MessageDoc, VERSION as DOC_VERSION};

use axum::Router;
use axum::extract::rejection::FormRejection;
use axum::extract::{ConnectInfo, Form, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use std::net::SocketAddr;
use std::sync::Arc;

use crate::abuse::TokenCheck;
use crate::app::AppState;
use crate::config::Service;
use crate::db::{day, new_id, today};
use crate::i18n::Lang;
use crate::seal::Receipt;
use crate::web::{PageError, render};
use form::FieldError;
use store::NewCase;
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
}

pub(crate) fn now_secs() -> u64 {
    jiff::Timestamp::now().as_second().max(0) as u64
}

/// The page for a path whose language segment is not one of ours.
pub(crate) fn no_such_language(state: &AppState) -> Response {
    PageError::NotFound.render(Lang::Fi, &state.config.quick_exit_url)
}

/// `/sv` → `/sv/`; only for our languages, so no path can redirect elsewhere.
async fn to_language_root(State(state): State<AppState>, Path(code): Path<String>) -> Response {
    match Lang::from_code(&code) {
        Some(lang) => Redirect::to(&format!("/{}/", lang.code())).into_response(),
        None => no_such_language(&state),
    }
}

async fn landing(State(state): State<AppState>, Path(code): Path<String>) -> Response {
    let Some(lang) = Lang::from_code(&code) else {
        return no_such_language(&state);
    };
    let view = Landing::new(&state, lang);
    render(StatusCode::OK, &view, lang, &state.config.quick_exit_url)
}

/// A service clients may write to: known and not retired.
fn find_service(state: &AppState, slug: &str) -> Option<Arc<Service>> {
    state.services.open_one(slug)
}

async fn contact_form(
    State(state): State<AppState>,
    Path((code, slug)): Path<(String, String)>,
) -> Response {
    let Some(lang) = Lang::from_code(&code) else {
        return no_such_language(&state);
    };
    let Some(service) = find_service(&state, &slug) else {
        return PageError::NotFound.render(lang, &state.config.quick_exit_url);
    };
    let view = ContactView::new(&state, lang, &service, RawContact::default(), vec![], None);
    render(StatusCode::OK, &view, lang, &state.config.quick_exit_url)
}

async fn submit(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path((code, slug)): Path<(String, String)>,
    form: Result<Form<RawContact>, FormRejection>,
) -> Response {
    let Some(lang) = Lang::from_code(&code) else {
        return no_such_language(&state);
    };
    let exit = &state.config.quick_exit_url;
    let Some(service) = find_service(&state, &slug) else {
        return PageError::NotFound.render(lang, exit);
    };
    let raw = match form {
        Ok(Form(raw)) => raw,
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return PageError::TooLarge.render(lang, exit);
        }
        Err(_) => return PageError::BadRequest.render(lang, exit),
    };
    // Every refusal below hands the form back with what the person typed.
    let again = |status, errors: Vec<FieldError>, notice: Option<&'static str>, raw| {
        let view = ContactView::new(&state, lang, &service, raw, errors, notice);
        render(status, &view, lang, exit)
    };
    let client = state.client_net(peer, &headers);
    if !state.limits.allow_submission(client, &service.slug) {
        tracing::debug!(service = %service.slug, "submission over the rate limit");
        return again(
            StatusCode::TOO_MANY_REQUESTS,
            vec![],
            Some("notice-too-many"),
            raw,
        );
    }
    match state
        .form_key
        .check(&token_scope(&service), &raw.token, now_secs())
    {
        TokenCheck::Valid => {}
        TokenCheck::TooFast => {
            tracing::debug!(service = %service.slug, "form sent back too fast");
            return again(
                StatusCode::UNPROCESSABLE_ENTITY,
                vec![],
                Some("notice-too-fast"),
                raw,
            );
        }
        TokenCheck::Invalid => {
            return again(
                StatusCode::UNPROCESSABLE_ENTITY,
                vec![],
                Some("notice-expired"),
                raw,
            );
        }
    }
    let request = match ContactRequest::parse(&raw, &service) {
        Ok(r) => r,
        Err(errors) => return again(StatusCode::UNPROCESSABLE_ENTITY, errors, None, raw),
    };
    match accept(&state, &service, request).await {
        Ok(receipt) => {
            let view = ReceiptView::new(&state, lang, &service, &receipt);
            render(StatusCode::OK, &view, lang, exit)
        }
        Err(e) => e.render(lang, exit),
    }
}

pub(crate) fn token_scope(service: &Service) -> String {
    format!("contact:{}", service.slug)
}

/// Seals the request to the service's keys and the client's own key, stores
/// it, and returns the receipt only once the write is durable.
async fn accept(
    state: &AppState,
    service: &Service,
    request: ContactRequest,
) -> Result<Receipt, PageError> {
    let keys = state.service_keys(&service.slug)?;
    let receipt = Receipt::generate();
    let client = receipt
        .client_key(&state.pepper)
        .map_err(PageError::internal)?;
    let case_id = new_id();
    let opened = today();
    let doc = MessageDoc::client_request(&case_id, service, request);
    let client_recipient = client.recipient();
    let client_recipient_text = client_recipient.to_string();
    let envelope = keys.envelope.with(client_recipient);
    let sealed = state.seal(&envelope, &doc).await?;
    let retain = crate::retention::deadline(service.retention, false, opened, None);
    let new_case = NewCase {
        id: case_id,
        service: service.slug.clone(),
        kind: "contact",
        opened_on: day(opened),
        retain_until: day(retain),
        lookup_hash: client.lookup_hash,
        client_recipient: client_recipient_text,
        message_id: new_id(),
        key_epoch: keys.epoch,
        sealed,
    };
    state
        .writer
        .write(new_case)
        .await
        .map_err(PageError::internal)?;
    state.notifier.activity(&service.slug);
    Ok(receipt)
}
