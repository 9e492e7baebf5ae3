//! What a counsellor does to a booking on the schedule: mark it done or
//! missed, or cancel it with a message sealed to the client's key (and the
//! service's), which the client reads with their receipt. Each is a
//! conditional update on a current booking, so two counsellors acting at
//! once change it (and free its seat) only once. Every action is audited.

use axum::extract::{Form, Path, State};
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
use crate::staff::StaffSession;
use crate::staff::session::forbidden;
use crate::staff::store::audit;
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
}

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

/// The seat if the reader is a member of its service; else the answer.
async fn find(state: &AppState, session: &StaffSession, id: &str) -> Result<StaffSeat, Response> {
    match store::seat_for_staff(&state.db, &session.staff.id, id).await {
        Ok(Some(b)) => Ok(b),
        Ok(None) => Err(forbidden(session.lang)),
        Err(e) => Err(PageError::internal(e).render(session.lang, "/")),
    }
}

pub async fn outcome(
    State(state): State<AppState>,
    session: StaffSession,
    Path((_, id)): Path<(String, String)>,
    Form(raw): Form<RawAct>,
) -> Response {
    if let Err(refused) = session.check_csrf(&raw.csrf) {
        return refused.into_response();
    }
    let booking = match find(&state, &session, &id).await {
        Ok(b) => b,
        Err(r) => return r,
    };
    let outcome = match raw.outcome.as_str() {
        "done" => "done",
        "no_show" => "no_show",
        _ => return PageError::BadRequest.render(session.lang, "/"),
    };
    let window = raw.window(&state, &session);
    let changed = async {
        let mut tx = state.db.pool.begin().await?;
        let ok = store::end_seat(&mut tx, &booking.id, outcome).await?;
        if ok {
            // No case id: a mark made just after a slot ends, to the
            // second, would date the case's booked time.
            let action = format!("booking_{outcome}");
            audit(
                &mut tx,
                &session.staff.id,
                &action,
                Some(&booking.service),
                None,
            )
            .await?;
        }
        tx.commit().await.map(|()| ok)
    };
    match changed.await {
        Ok(true) => back(&session, window, "done"),
        Ok(false) => back(&session, window, "stale"),
        Err(e) => PageError::internal(e).render(session.lang, "/"),
    }
}

pub async fn cancel(
    State(state): State<AppState>,
    session: StaffSession,
    Path((_, id)): Path<(String, String)>,
    Form(raw): Form<RawAct>,
) -> Response {
    if let Err(refused) = session.check_csrf(&raw.csrf) {
        return refused.into_response();
    }
    let seat = match find(&state, &session, &id).await {
        Ok(b) => b,
        Err(r) => return r,
    };
    let window = raw.window(&state, &session);
    let booking = match seats::seat_cases(&state, &session).await {
        Ok(cases) => match seats::with_case(&cases, seat) {
            Some(b) => b,
            None => return back(&session, window, "unreadable"),
        },
        Err(e) => return e.render(session.lang, "/"),
    };
    let text = match message_text(&raw.text) {
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
    match cancel_with_message(&state, &session, &booking, text).await {
        Ok(true) => back(&session, window, "cancelled"),
        Ok(false) => back(&session, window, "stale"),
        Err(e) => e.render(session.lang, "/"),
    }
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
            .await
            .map_err(PageError::internal)?
            .map(|s| (s.starts_at, s.ends_at)),
        store::Target::Group(id) => store::group_by_id(&state.db, id)
            .await
            .map_err(PageError::internal)?
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
    let mut tx = state.db.pool.begin().await.map_err(PageError::internal)?;
    let rules = state.services.retention_of(&booking.service);
    let ended = end_with_notice(&mut tx, &session.staff.id, booking, &notice, rules)
        .await
        .map_err(PageError::internal)?;
    if !ended {
        tx.rollback().await.map_err(PageError::internal)?;
        return Ok(false);
    }
    tx.commit().await.map_err(PageError::internal)?;
    tracing::info!(service = %booking.service, "booking cancelled by staff");
    Ok(true)
}
