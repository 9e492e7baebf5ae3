//! Counsellors publish availability for their services: a one-off slot,
//! weekly duty hours cut into slots, and a group series; they see what is
//! published and remove a slot; removing a booked one cancels its bookings
//! with a sealed message to each client (`publish/remove.rs`).

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::store::{self, GroupNames};
use super::views::group_name;
use super::{find_service, show_when};
use crate::app::AppState;
use crate::i18n::{Lang, Tr};
use crate::staff::store::audit;
use crate::staff::{StaffForm, StaffSession};
use crate::web::PageError;

mod edit;
mod page;
mod plan;
mod remove;

pub use edit::{edit, edit_page};
pub use page::{Pick, page};
use plan::{Plan, Problem, plan_group, plan_oneoff, plan_weekly};
use remove::Removal;

/// Every field of the three publishing forms; each defaults to empty.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct RawPublish {
    pub csrf: String,
    pub form: String,
    pub service: String,
    pub date: String,
    pub start: String,
    pub until: String,
    pub minutes: String,
    pub capacity: String,
    pub weekday: String,
    pub weeks: String,
    pub meetings: String,
    pub every_days: String,
    pub name_fi: String,
    pub name_sv: String,
    pub name_en: String,
    /// "yes" when the "I am sure" box of a booked time's removal is ticked.
    pub confirm: String,
}

crate::staff::guard::csrf_forms!(RawPublish);
async fn store_plan(
    state: &AppState,
    session: &StaffSession,
    plan: &Plan,
    raw: &RawPublish,
) -> Result<(), sqlx::Error> {
    let mut tx = state.db.pool.begin().await?;
    let series = if plan.origin == "group" {
        let id = crate::db::new_id();
        let names = GroupNames {
            fi: raw.name_fi.trim(),
            sv: raw.name_sv.trim(),
            en: raw.name_en.trim(),
        };
        store::insert_series(&mut tx, &id, &plan.service.slug, &names, plan.capacity).await?;
        Some(id)
    } else {
        None
    };
    store::insert_slots(
        &mut tx,
        &plan.service.slug,
        &plan.slots,
        plan.capacity,
        plan.origin,
        series.as_deref(),
    )
    .await?;
    let action = format!("publish_{}", plan.origin);
    audit(
        &mut tx,
        &session.staff.id,
        &action,
        Some(&plan.service.slug),
        None,
    )
    .await?;
    tx.commit().await
}

type Planner = fn(&AppState, &StaffSession, &RawPublish) -> Result<Plan, Problem>;

async fn publish(
    state: AppState,
    session: StaffSession,
    raw: RawPublish,
    plan: Planner,
) -> Result<Response, PageError> {
    match plan(&state, &session, &raw) {
        Ok(p) => {
            store_plan(&state, &session, &p, &raw).await?;
            Ok(done(&session, "published"))
        }
        Err(problem) => page::render_page(&state, &session, raw, Some(problem), None).await,
    }
}

fn done(session: &StaffSession, what: &str) -> Response {
    Redirect::to(&format!(
        "/{}/staff/availability?done={what}",
        session.lang.code()
    ))
    .into_response()
}

pub async fn oneoff(
    State(state): State<AppState>,
    StaffForm { session, form }: StaffForm<RawPublish>,
) -> Result<Response, PageError> {
    publish(state, session, form, plan_oneoff).await
}

pub async fn weekly(
    State(state): State<AppState>,
    StaffForm { session, form }: StaffForm<RawPublish>,
) -> Result<Response, PageError> {
    publish(state, session, form, plan_weekly).await
}

pub async fn group(
    State(state): State<AppState>,
    StaffForm { session, form }: StaffForm<RawPublish>,
) -> Result<Response, PageError> {
    publish(state, session, form, plan_group).await
}

pub async fn remove(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, String)>,
    StaffForm { session, form }: StaffForm<RawPublish>,
) -> Result<Response, PageError> {
    let confirmed = form.confirm == "yes";
    let error = match remove::remove_slot(&state, &session, &id, confirmed).await? {
        Removal::Removed(0) => return Ok(done(&session, "removed")),
        Removal::Removed(_) => return Ok(done(&session, "removed_booked")),
        Removal::NotFound => return Err(PageError::Forbidden),
        Removal::Raced => "avail-error-raced",
        Removal::Unreadable => "avail-error-unreadable",
        Removal::NotConfirmed => "avail-error-confirm",
    };
    page::render_page(&state, &session, RawPublish::default(), Some(error), None).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DoneQuery {
    done: String,
}

/// A published slot or group as the staff list shows it.
pub struct Line {
    pub service: String,
    pub when: String,
    pub seats: String,
    pub remove: Option<String>,
    pub edit: Option<String>,
    /// Someone holds a seat: removing it cancels their booking.
    pub booked: bool,
}

fn slot_lines(state: &AppState, lang: Lang, slots: &[store::SlotRow]) -> Vec<Line> {
    let t = Tr::new(lang);
    slots
        .iter()
        .filter_map(|s| {
            let service = find_service(state, &s.service)?;
            Some(Line {
                service: service.name_in(lang).to_owned(),
                when: show_when(&t, &service, s.starts_at, s.ends_at),
                seats: format!("{}/{}", s.taken, s.capacity),
                remove: Some(format!(
                    "/{}/staff/availability/slots/{}/remove",
                    lang.code(),
                    s.id
                )),
                edit: Some(format!(
                    "/{}/staff/availability/slots/{}/edit",
                    lang.code(),
                    s.id
                )),
                booked: s.taken > 0,
            })
        })
        .collect()
}

fn group_lines(state: &AppState, lang: Lang, groups: &[store::GroupRow]) -> Vec<Line> {
    let t = Tr::new(lang);
    groups
        .iter()
        .filter_map(|g| {
            let service = find_service(state, &g.service)?;
            Some(Line {
                service: service.name_in(lang).to_owned(),
                when: format!(
                    "{} · {}",
                    group_name(lang, g),
                    super::views::group_detail(&t, &service, g)
                ),
                seats: format!("{}/{}", g.taken, g.capacity),
                remove: None,
                edit: None,
                booked: g.taken > 0,
            })
        })
        .collect()
}
