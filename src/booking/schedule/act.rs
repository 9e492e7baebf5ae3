//! What a counsellor does to a booking on the schedule: mark it done or
//! missed, or cancel it with a message sealed to the client's key (and the
//! service's), which the client reads with their receipt. Each is a
//! conditional update on a current booking, so two counsellors acting at
//! once change it (and free its seat) only once. Every action is audited.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::{RawWindow, Typed, Window, home_zone, show};
use crate::app::AppState;
use crate::booking::cancel::{end_with_notice, seal_notice};
use crate::booking::seats::{self, StaffBooking};
use crate::booking::store::{self, StaffSeat};
use crate::booking::{find_service, show_when};
use crate::i18n::Tr;
use crate::intake::message_text;
use crate::staff::store::audit;
use crate::staff::{StaffForm, StaffSession};
use crate::web::PageError;

/// The outcome and cancel forms; every field defaults to empty.
#[derive(Default, Deserialize)]
#[serde(default)]
pub struct RawAct {
    pub csrf: String,
    pub outcome: String,
    pub text: String,
    pub day: String,
    pub span: String,
    /// `yes` when the "I am sure" box of the cancel form is ticked.
    pub confirm: String,
}

crate::staff::guard::csrf_forms!(RawAct);

impl RawAct {
    fn window(&self, state: &AppState, session: &StaffSession) -> Window {
        let raw = RawWindow {
            day: self.day.clone(),
            span: self.span.clone(),
            done: String::new(),
        };
        Window::parse(&raw, &home_zone(state, session))
    }
}

fn back(session: &StaffSession, window: Window, done: &str) -> Response {
    let to = format!(
        "/{}/staff/schedule?{}&done={done}",
        session.lang.code(),
        window.query()
    );
    Redirect::to(&to).into_response()
}

/// The seat if the reader is a member of its service.
async fn find(state: &AppState, session: &StaffSession, id: &str) -> Result<StaffSeat, PageError> {
    store::seat_for_staff(&state.db, &session.staff.id, id)
        .await?
        .ok_or(PageError::Forbidden)
}

pub async fn outcome(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, String)>,
    StaffForm { session, form: raw }: StaffForm<RawAct>,
) -> Result<Response, PageError> {
    let booking = find(&state, &session, &id).await?;
    let outcome = match raw.outcome.as_str() {
        "done" => "done",
        "no_show" => "no_show",
        _ => return Err(PageError::BadRequest),
    };
    let window = raw.window(&state, &session);
    let mut tx = state.db.pool.begin().await?;
    let changed = store::end_seat(&mut tx, &booking.id, outcome).await?;
    if changed {
        // No case id: a mark made just after a slot ends, to the second,
        // would date the case's booked time.
        let action = format!("booking_{outcome}");
        let service = Some(booking.service.as_str());
        audit(&mut tx, &session.staff.id, &action, service, None).await?;
    }
    tx.commit().await?;
    if changed && outcome == "no_show" {
        state.stats.count(
            &booking.service,
            crate::stats::Metric::NoShows,
            crate::stats::ALL,
        );
    }
    Ok(back(
        &session,
        window,
        if changed { "done" } else { "stale" },
    ))
}

pub async fn cancel(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, String)>,
    StaffForm { session, form: raw }: StaffForm<RawAct>,
) -> Result<Response, PageError> {
    let seat = find(&state, &session, &id).await?;
    let window = raw.window(&state, &session);
    let cases = seats::seat_cases(&state, &session).await?;
    let Some(booking) = seats::with_case(&cases, seat) else {
        return Ok(back(&session, window, "unreadable"));
    };
    // Cancelling cannot be undone: only with the box ticked (the browser
    // requires it; this is for any other client). The text typed is kept.
    let checked = message_text(&raw.text).and_then(|text| {
        if raw.confirm == "yes" {
            Ok(text)
        } else {
            Err("schedule-error-confirm")
        }
    });
    let text = match checked {
        Ok(text) => text,
        Err(error) => {
            let typed = Typed {
                booking_id: booking.id,
                text: raw.text,
                error: Some(error),
            };
            return show(&state, &session, window, None, typed).await;
        }
    };
    let cancelled = cancel_with_message(&state, &session, &booking, text).await?;
    Ok(back(
        &session,
        window,
        if cancelled { "cancelled" } else { "stale" },
    ))
}

/// The message the client reads: which time was cancelled, then the
/// counsellor's own words.
async fn cancel_text(
    state: &AppState,
    session: &StaffSession,
    booking: &StaffBooking,
    text: &str,
) -> Result<String, PageError> {
    let t = Tr::new(session.lang);
    let service = find_service(state, &booking.service)
        .ok_or_else(|| PageError::internal("unknown service"))?;
    let times = match &booking.target {
        store::Target::Slot(id) => store::slot_of_service(&state.db, id, &service.slug)
            .await?
            .map(|s| (s.starts_at, s.ends_at)),
        store::Target::Group(id) => store::group_by_id(&state.db, id)
            .await?
            .map(|g| (g.first_at, g.last_at)),
    };
    let when = times
        .map(|(a, b)| show_when(&t, &service, a, b))
        .unwrap_or_default();
    let line = t.t1("schedule-doc-cancelled", "when", &when);
    Ok(format!("{line}\n\n{text}"))
}

/// Ends the booking, frees its seat and adds the sealed message, in one
/// transaction; false if the booking was no longer current.
async fn cancel_with_message(
    state: &AppState,
    session: &StaffSession,
    booking: &StaffBooking,
    text: String,
) -> Result<bool, PageError> {
    let full = cancel_text(state, session, booking, &text).await?;
    let notice = seal_notice(state, session, booking, full).await?;
    let mut tx = state.db.pool.begin().await?;
    let rules = state.services.retention_of(&booking.service);
    if !end_with_notice(&mut tx, &session.staff.id, booking, &notice, rules).await? {
        tx.rollback().await?;
        return Ok(false);
    }
    tx.commit().await?;
    Ok(true)
}
