//! The counsellor's schedule: a day or a week of their services' bookings,
//! each decrypted with their own key (the time in the service's zone, who
//! calls whom, the phone number, name and topic), with forms to mark a
//! booking done or missed, or to cancel it with a message the client reads
//! with their receipt.

mod act;
mod view;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use jiff::civil::Date;
use serde::Deserialize;

use super::{seats, store};
use crate::app::AppState;
use crate::staff::StaffSession;
use crate::web::{PageError, html};

pub use act::{cancel, outcome};

/// Which day or week to show; every field defaults to empty.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct RawWindow {
    pub day: String,
    pub span: String,
    pub done: String,
}

/// A day, or the week (Monday to Sunday) around a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub first: Date,
    pub week: bool,
}

impl Window {
    /// The window asked for; today in `zone` when the day is missing or
    /// not a date.
    pub fn parse(raw: &RawWindow, zone: &jiff::tz::TimeZone) -> Window {
        let day = raw
            .day
            .trim()
            .parse::<Date>()
            .unwrap_or_else(|_| jiff::Timestamp::now().to_zoned(zone.clone()).date());
        let week = raw.span == "week";
        let first = if week {
            let back = i64::from(day.weekday().to_monday_zero_offset());
            day.checked_sub(jiff::Span::new().days(back)).unwrap_or(day)
        } else {
            day
        };
        Window { first, week }
    }

    pub fn days(&self) -> i64 {
        if self.week { 7 } else { 1 }
    }

    pub fn last(&self) -> Date {
        self.shifted(self.days() - 1)
    }

    /// The first day moved by `days`.
    pub fn shifted(&self, days: i64) -> Date {
        self.first
            .checked_add(jiff::Span::new().days(days))
            .unwrap_or(self.first)
    }

    /// The UTC seconds to query: wide enough for every zone on earth; rows
    /// are then kept by their local day in their own service's zone.
    pub fn query_range(&self) -> (i64, i64) {
        let start = self
            .first
            .to_zoned(jiff::tz::TimeZone::UTC)
            .map(|z| z.timestamp().as_second())
            .unwrap_or(0);
        let margin = 15 * 3600;
        (start - margin, start + self.days() * 86_400 + margin)
    }

    /// `?day=…&span=…` for a link to this window.
    pub fn query(&self) -> String {
        let span = if self.week { "week" } else { "day" };
        format!("day={}&span={span}", self.first)
    }
}

/// The zone a counsellor's schedule starts from: their first service's.
fn home_zone(state: &AppState, session: &StaffSession) -> jiff::tz::TimeZone {
    session
        .services
        .iter()
        .find_map(|slug| super::find_service(state, slug))
        .map(|s| s.time_zone.clone())
        .unwrap_or(jiff::tz::TimeZone::UTC)
}

/// What a form on the schedule sent back: its booking, text and problem.
/// No `Debug`: the text is a message to a client.
#[derive(Default)]
pub struct Typed {
    pub booking_id: String,
    pub text: String,
    pub error: Option<&'static str>,
}

pub async fn page(
    State(state): State<AppState>,
    session: StaffSession,
    Query(raw): Query<RawWindow>,
) -> Result<Response, PageError> {
    let window = Window::parse(&raw, &home_zone(&state, &session));
    let notice = match raw.done.as_str() {
        "done" => Some("schedule-done-outcome"),
        "cancelled" => Some("schedule-done-cancelled"),
        "stale" => Some("schedule-not-current"),
        "unreadable" => Some("schedule-unreadable"),
        _ => None,
    };
    show(&state, &session, window, notice, Typed::default()).await
}

/// Renders the schedule of `window`, with a notice or a form's problem.
pub(super) async fn show(
    state: &AppState,
    session: &StaffSession,
    window: Window,
    notice: Option<&'static str>,
    typed: Typed,
) -> Result<Response, PageError> {
    let (from, until) = window.query_range();
    let rows = entries(state, session, from, until).await?;
    let status = if typed.error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let view = view::ScheduleView::new(state, session, window, rows, notice, typed)?;
    Ok(html(status, &view))
}

/// The seats of the window, each with its case (when the reader's key can
/// tell) and that case's sealed first message.
async fn entries(
    state: &AppState,
    session: &StaffSession,
    from: i64,
    until: i64,
) -> Result<Vec<view::Row>, PageError> {
    let rows = store::schedule_for(&state.db, &session.staff.id, from, until).await?;
    if rows.is_empty() {
        return Ok(vec![]);
    }
    let cases = seats::seat_cases(state, session).await?;
    let held: Vec<&str> = rows
        .iter()
        .filter_map(|r| cases.get(&r.seat_id))
        .map(|c| c.case_id.as_str())
        .collect();
    let first = crate::intake::store::first_messages(&state.db, &held).await?;
    Ok(rows
        .into_iter()
        .map(|seat| {
            let case = cases
                .get(&seat.seat_id)
                .filter(|c| c.service == seat.service)
                .map(|c| c.case_id.clone());
            let sealed = case.as_ref().and_then(|c| first.get(c).cloned());
            view::Row {
                seat,
                case,
                first: sealed,
            }
        })
        .collect())
}
