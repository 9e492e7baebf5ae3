//! Changing a published single slot: its seats (never below those taken)
//! or its time. A new time for a booked slot never moves anyone silently:
//! the old slot is retired like a removal (each client gets a sealed
//! message naming the new time, their booking is cancelled and the seat
//! freed) and the new time is published free, in one transaction.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::plan::{Problem, capacity, clock, date, minutes};
use super::remove::{Removal, retire};
use super::{RawPublish, done};
use crate::app::AppState;
use crate::booking::store::{self, SlotRow};
use crate::booking::time::{self, Stretch};
use crate::booking::{find_service, show_when};
use crate::config::Service;
use crate::i18n::Tr;
use crate::staff::store::audit;
use crate::staff::views::StaffPage;
use crate::staff::{StaffForm, StaffSession};
use crate::web::{PageError, html};

#[derive(Template)]
#[template(path = "staff_slot_edit.html")]
pub struct EditView {
    pub page: StaffPage,
    pub csrf: String,
    pub action: String,
    pub when: String,
    pub booked: usize,
    pub raw: RawPublish,
    pub error: Option<String>,
}

/// The slot if it is a single slot of the reader's services.
async fn find(state: &AppState, session: &StaffSession, id: &str) -> Result<SlotRow, PageError> {
    let mut conn = state.db.pool.acquire().await?;
    store::member_slot(&mut conn, &session.staff.id, id)
        .await?
        .ok_or(PageError::Forbidden)
}

fn show(
    state: &AppState,
    session: &StaffSession,
    slot: &SlotRow,
    raw: RawPublish,
    error: Option<Problem>,
) -> Result<Response, PageError> {
    let lang = session.lang;
    let t = Tr::new(lang);
    let service = service_of(state, slot)?;
    let mut page = StaffPage::titled(
        lang,
        "avail-edit-title",
        "staff/availability",
        Some(session),
    );
    if error.is_some() {
        page.title = t.t1("title-with-error", "title", &page.title);
    }
    let view = EditView {
        page,
        csrf: session.csrf.clone(),
        action: format!("/{}/staff/availability/slots/{}/edit", lang.code(), slot.id),
        when: show_when(&t, &service, slot.starts_at, slot.ends_at),
        booked: usize::try_from(slot.taken).unwrap_or(0),
        raw,
        error: error.map(|e| t.t(e)),
    };
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok(html(status, &view))
}

fn service_of(state: &AppState, slot: &SlotRow) -> Result<Arc<Service>, PageError> {
    find_service(state, &slot.service).ok_or_else(|| PageError::internal("unknown service"))
}

/// The slot as the form shows it, in its service's zone.
fn current(service: &Service, slot: &SlotRow) -> RawPublish {
    let local = time::local(&service.time_zone, slot.starts_at);
    RawPublish {
        date: local.map(|d| d.date().to_string()).unwrap_or_default(),
        start: local
            .map(|d| d.strftime("%H:%M").to_string())
            .unwrap_or_default(),
        minutes: ((slot.ends_at - slot.starts_at) / 60).to_string(),
        capacity: slot.capacity.to_string(),
        ..RawPublish::default()
    }
}

pub async fn edit_page(
    State(state): State<AppState>,
    session: StaffSession,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let slot = find(&state, &session, &id).await?;
    let raw = current(&*service_of(&state, &slot)?, &slot);
    show(&state, &session, &slot, raw, None)
}

fn parse(raw: &RawPublish, service: &Service) -> Result<(Stretch, i32), Problem> {
    let new = time::one_slot(
        &service.time_zone,
        date(&raw.date)?,
        clock(&raw.start)?,
        minutes(raw)?,
    )
    .ok_or("avail-error-no-such-time")?;
    if new.starts_at <= time::now_unix() {
        return Err("avail-error-past");
    }
    Ok((new, capacity(raw)?))
}

pub async fn edit(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, String)>,
    StaffForm { session, form: raw }: StaffForm<RawPublish>,
) -> Result<Response, PageError> {
    let slot = find(&state, &session, &id).await?;
    let service = service_of(&state, &slot)?;
    // Day, start and length as shown: only the seats change.
    let shown = current(&service, &slot);
    let unchanged = shown.date == raw.date.trim()
        && shown.start == raw.start.trim()
        && shown.minutes == raw.minutes.trim();
    if unchanged {
        let seats = match capacity(&raw) {
            Ok(c) => c,
            Err(problem) => return show(&state, &session, &slot, raw, Some(problem)),
        };
        if !set_seats(&state, &session, &slot, seats).await? {
            let problem = Some("avail-error-below-taken");
            return show(&state, &session, &slot, raw, problem);
        }
        return Ok(done(&session, "edited"));
    }
    let (new, seats) = match parse(&raw, &service) {
        Ok(v) => v,
        Err(problem) => return show(&state, &session, &slot, raw, Some(problem)),
    };
    let problem = match retire(&state, &session, &slot, Some((new, seats))).await? {
        Removal::Removed(0) => return Ok(done(&session, "edited")),
        Removal::Removed(_) => return Ok(done(&session, "edited_booked")),
        Removal::NotFound => return Err(PageError::Forbidden),
        Removal::Raced => "avail-error-raced",
        Removal::Unreadable => "avail-error-unreadable",
        // Only a removal asks for it (`remove_slot`); an edit keeps the
        // time's clients, with a message of the new time.
        Removal::NotConfirmed => "avail-error-confirm",
    };
    show(&state, &session, &slot, raw, Some(problem))
}

async fn set_seats(
    state: &AppState,
    session: &StaffSession,
    slot: &SlotRow,
    seats: i32,
) -> Result<bool, sqlx::Error> {
    let mut tx = state.db.pool.begin().await?;
    let ok = store::set_capacity(&mut tx, &slot.id, seats).await?;
    if ok {
        audit(
            &mut tx,
            &session.staff.id,
            "edit_slot",
            Some(&slot.service),
            None,
        )
        .await?;
    }
    tx.commit().await.map(|()| ok)
}
