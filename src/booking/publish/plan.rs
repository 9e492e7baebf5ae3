//! The publishing forms checked into plans: the slots to store, with
//! times cut in the service's zone. Every problem is a message id.

use jiff::civil::{Date, Time, Weekday};

use super::RawPublish;
use crate::app::AppState;
use crate::booking::find_service;
use crate::booking::time::{self, Stretch, Weekly};
use crate::config::Service;
use crate::staff::StaffSession;

pub(super) type Problem = &'static str;

fn number(raw: &str, min: i64, max: i64, problem: Problem) -> Result<i64, Problem> {
    raw.trim()
        .parse::<i64>()
        .ok()
        .filter(|n| (min..=max).contains(n))
        .ok_or(problem)
}

pub(super) fn date(raw: &str) -> Result<Date, Problem> {
    raw.trim().parse().map_err(|_| "avail-error-date")
}

pub(super) fn clock(raw: &str) -> Result<Time, Problem> {
    raw.trim().parse().map_err(|_| "avail-error-time")
}

fn weekday(raw: &str) -> Result<Weekday, Problem> {
    let n = number(raw, 1, 7, "avail-error-weekday")?;
    Weekday::from_monday_one_offset(n as i8).map_err(|_| "avail-error-weekday")
}

fn member_service(
    state: &AppState,
    session: &StaffSession,
    raw: &RawPublish,
) -> Result<std::sync::Arc<Service>, Problem> {
    find_service(state, &raw.service)
        .filter(|s| session.is_member(&s.slug))
        .ok_or("avail-error-service")
}

pub(super) fn capacity(raw: &RawPublish) -> Result<i32, Problem> {
    Ok(number(&raw.capacity, 1, 500, "avail-error-capacity")? as i32)
}

pub(super) fn minutes(raw: &RawPublish) -> Result<i64, Problem> {
    number(&raw.minutes, 5, 600, "avail-error-minutes")
}

/// What a publishing form asks for, checked.
pub(super) struct Plan {
    pub service: std::sync::Arc<Service>,
    pub slots: Vec<Stretch>,
    pub capacity: i32,
    pub origin: &'static str,
}

pub(super) fn plan_oneoff(
    state: &AppState,
    session: &StaffSession,
    raw: &RawPublish,
) -> Result<Plan, Problem> {
    let service = member_service(state, session, raw)?;
    let slot = time::one_slot(
        &service.time_zone,
        date(&raw.date)?,
        clock(&raw.start)?,
        minutes(raw)?,
    )
    .ok_or("avail-error-no-such-time")?;
    if slot.starts_at <= time::now_unix() {
        return Err("avail-error-past");
    }
    Ok(Plan {
        service,
        slots: vec![slot],
        capacity: capacity(raw)?,
        origin: "oneoff",
    })
}

pub(super) fn plan_weekly(
    state: &AppState,
    session: &StaffSession,
    raw: &RawPublish,
) -> Result<Plan, Problem> {
    let service = member_service(state, session, raw)?;
    let today = jiff::Timestamp::now()
        .to_zoned(service.time_zone.clone())
        .date();
    let first_day = if raw.date.trim().is_empty() {
        today
    } else {
        date(&raw.date)?
    };
    let weekly = Weekly {
        weekday: weekday(&raw.weekday)?,
        from: clock(&raw.start)?,
        until: clock(&raw.until)?,
        slot_minutes: minutes(raw)?,
        first_day,
        weeks: number(&raw.weeks, 1, time::MAX_WEEKS, "avail-error-weeks")?,
    };
    if weekly.until <= weekly.from {
        return Err("avail-error-until");
    }
    let now = time::now_unix();
    let slots: Vec<_> = time::weekly_slots(&weekly, &service.time_zone)
        .into_iter()
        .filter(|s| s.starts_at > now)
        .collect();
    if slots.is_empty() {
        return Err("avail-error-no-slots");
    }
    Ok(Plan {
        service,
        slots,
        capacity: capacity(raw)?,
        origin: "weekly",
    })
}

pub(super) fn plan_group(
    state: &AppState,
    session: &StaffSession,
    raw: &RawPublish,
) -> Result<Plan, Problem> {
    let service = member_service(state, session, raw)?;
    for name in [&raw.name_fi, &raw.name_sv, &raw.name_en] {
        if name.trim().is_empty() || name.chars().count() > 100 {
            return Err("avail-error-group-name");
        }
    }
    let first = date(&raw.date)?;
    let start = clock(&raw.start)?;
    let length = minutes(raw)?;
    let meetings = number(&raw.meetings, 1, 52, "avail-error-meetings")?;
    let every = number(&raw.every_days, 1, 366, "avail-error-every")?;
    let mut slots = Vec::new();
    for n in 0..meetings {
        let day = first
            .checked_add(jiff::Span::new().days(n * every))
            .map_err(|_| "avail-error-date")?;
        slots.push(
            time::one_slot(&service.time_zone, day, start, length)
                .ok_or("avail-error-no-such-time")?,
        );
    }
    if slots
        .first()
        .is_none_or(|s| s.starts_at <= time::now_unix())
    {
        return Err("avail-error-past");
    }
    Ok(Plan {
        service,
        slots,
        capacity: capacity(raw)?,
        origin: "group",
    })
}
