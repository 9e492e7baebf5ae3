//! The availability page: what is published, and the three forms.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::{DoneQuery, Line, Problem, RawPublish, group_lines, slot_lines};
use crate::app::AppState;
use crate::i18n::Tr;
use crate::staff::StaffSession;
use crate::staff::views::StaffPage;
use crate::web::{PageError, html};

pub struct Pick {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "staff_availability.html")]
pub struct AvailabilityView {
    pub page: StaffPage,
    pub csrf: String,
    pub services: Vec<Pick>,
    pub weekdays: Vec<Pick>,
    pub raw: RawPublish,
    pub slots: Vec<Line>,
    pub groups: Vec<Line>,
    pub error: Option<String>,
    pub notice: Option<String>,
    pub no_services: bool,
}

pub async fn page(
    State(state): State<AppState>,
    session: StaffSession,
    Query(q): Query<DoneQuery>,
) -> Result<Response, PageError> {
    let notice = match q.done.as_str() {
        "published" => Some("avail-done-published"),
        "removed" => Some("avail-done-removed"),
        "removed_booked" => Some("avail-done-removed-booked"),
        "edited" => Some("avail-done-edited"),
        "edited_booked" => Some("avail-done-edited-booked"),
        _ => None,
    };
    render_page(&state, &session, RawPublish::default(), None, notice).await
}

pub async fn render_page(
    state: &AppState,
    session: &StaffSession,
    raw: RawPublish,
    error: Option<Problem>,
    notice: Option<&'static str>,
) -> Result<Response, PageError> {
    let lang = session.lang;
    let t = Tr::new(lang);
    let now = crate::booking::time::now_unix();
    let staff = &session.staff.id;
    let slots = crate::booking::store::slots_for_staff(&state.db, staff, now).await?;
    let groups = crate::booking::store::groups_for_staff(&state.db, staff, now).await?;
    let view = AvailabilityView {
        page: StaffPage::titled(lang, "avail-title", "staff/availability", Some(session)),
        csrf: session.csrf.clone(),
        services: session
            .services
            .iter()
            .filter_map(|slug| crate::booking::find_service(state, slug))
            .map(|s| Pick {
                value: s.slug.clone(),
                label: s.name_in(lang).to_owned(),
                selected: s.slug == raw.service,
            })
            .collect(),
        weekdays: (1..=7)
            .map(|n| Pick {
                value: n.to_string(),
                label: t.t(&format!("booking-weekday-long-{n}")),
                selected: raw.weekday == n.to_string(),
            })
            .collect(),
        slots: slot_lines(state, lang, &slots),
        groups: group_lines(state, lang, &groups),
        error: error.map(|e| t.t(e)),
        notice: notice.map(|n| t.t(n)),
        no_services: session.services.is_empty(),
        raw,
    };
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok(html(status, &view))
}
