//! The hand-over's pages: choose (and check), confirm, done.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::views::{HandedView, HandoverView, choices};
use super::{Refused, hand_over, refusal};
use crate::app::AppState;
use crate::intake::form::MESSAGE_MAX;
use crate::queue::find_case;
use crate::queue::service_name;
use crate::queue::store::CaseMeta;
use crate::staff::guard::csrf_forms;
use crate::staff::views::StaffPage;
use crate::staff::{StaffForm, StaffSession};
use crate::web::{PageError, html};

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawHandover {
    csrf: String,
    /// The receiving service's slug.
    to: String,
    /// To the client; may be empty.
    message: String,
}

csrf_forms!(RawHandover);

/// What was sent, checked: the receiving service and the message.
struct Checked {
    to: String,
    to_name: String,
    message: String,
}

/// The receiving service must be another open one with keys; the message
/// may be empty, or at most a message's length.
fn check(
    state: &AppState,
    session: &StaffSession,
    meta: &CaseMeta,
    raw: &RawHandover,
) -> Result<Checked, (&'static str, &'static str)> {
    if let Some(why) = refusal(&meta.kind) {
        return Err((why, ""));
    }
    let to = raw.to.trim();
    let service = state
        .services
        .open_one(to)
        .filter(|s| s.slug != meta.service && state.service_keys(&s.slug).is_ok())
        .ok_or(("handover-error-service", "to"))?;
    let message = if raw.message.trim().is_empty() {
        String::new()
    } else {
        crate::intake::message_text(&raw.message).map_err(|_| ("handover-error-long", "message"))?
    };
    Ok(Checked {
        to: service.slug.clone(),
        to_name: service.name_in(session.lang).to_owned(),
        message,
    })
}

/// The form page (`confirm` false) or the confirmation step.
fn view(
    state: &AppState,
    session: &StaffSession,
    meta: &CaseMeta,
    raw: RawHandover,
    confirm: Option<&Checked>,
    error: Option<(&'static str, &'static str)>,
) -> HandoverView {
    let lang = session.lang;
    let t = crate::i18n::Tr::new(lang);
    let title = match confirm {
        Some(c) => t.t1("handover-confirm-title", "service", &c.to_name),
        None => t.t("handover-title"),
    };
    let title = match error {
        Some(_) => t.t1("title-with-error", "title", &title),
        None => title,
    };
    let case_href = format!("/{}/staff/cases/{}", lang.code(), meta.id);
    HandoverView {
        page: StaffPage::new(
            lang,
            title,
            &format!("staff/cases/{}", meta.id),
            Some(session),
        ),
        action: format!("{case_href}/handover"),
        csrf: session.csrf.clone(),
        case_href,
        from_name: service_name(state, lang, &meta.service),
        confirm: confirm.is_some(),
        to: confirm.map_or_else(|| raw.to.clone(), |c| c.to.clone()),
        to_name: confirm.map(|c| c.to_name.clone()).unwrap_or_default(),
        services: choices(state, lang, &meta.service, raw.to.trim()),
        message: confirm.map_or(raw.message, |c| c.message.clone()),
        message_max: MESSAGE_MAX,
        error: error.map(|(id, _)| t.t(id)),
        error_field: error.map_or("", |(_, field)| field),
    }
}

/// The first step: checks the choice and asks again, saying plainly what
/// the sender loses; changes nothing.
pub async fn choose(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, String)>,
    StaffForm { session, form }: StaffForm<RawHandover>,
) -> Result<Response, PageError> {
    let meta = find_case(&state, &session, &id).await?;
    Ok(match check(&state, &session, &meta, &form) {
        Ok(checked) => html(
            StatusCode::OK,
            &view(&state, &session, &meta, form, Some(&checked), None),
        ),
        Err(error) => html(
            StatusCode::UNPROCESSABLE_ENTITY,
            &view(&state, &session, &meta, form, None, Some(error)),
        ),
    })
}

/// The second step: hands the case over, or says why not with the form
/// and what was typed.
pub async fn confirm(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, String)>,
    StaffForm { session, form }: StaffForm<RawHandover>,
) -> Result<Response, PageError> {
    let meta = find_case(&state, &session, &id).await?;
    let checked = match check(&state, &session, &meta, &form) {
        Ok(checked) => checked,
        Err(error) => {
            let page = view(&state, &session, &meta, form, None, Some(error));
            return Ok(html(StatusCode::UNPROCESSABLE_ENTITY, &page));
        }
    };
    let message = checked.message.clone();
    match hand_over(&state, &session, &meta, &checked.to, message).await? {
        Ok(()) => {
            let to = format!("/{}/staff/handed-over", session.lang.code());
            Ok(Redirect::to(&to).into_response())
        }
        Err(refused) => {
            let error = match refused {
                Refused::Unreadable => ("handover-error-unreadable", ""),
                Refused::Busy => ("handover-error-busy", ""),
            };
            let page = view(&state, &session, &meta, form, None, Some(error));
            Ok(html(StatusCode::CONFLICT, &page))
        }
    }
}

/// After a hand-over: what happened, and the way back to the queue.
pub async fn handed(session: StaffSession) -> Response {
    let page = StaffPage::titled(
        session.lang,
        "handover-done-title",
        "staff/handed-over",
        Some(&session),
    );
    html(StatusCode::OK, &HandedView { page })
}
