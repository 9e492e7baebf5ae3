//! Retention: every case carries a plaintext, day-granular deadline
//! (`cases.retain_until`, the day it is deleted on). Activity moves it on; a
//! closed case falls under the service's shorter rule; a booking case is
//! kept at least as long after its booked time as after its last activity.
//! The purge (`purge.rs`) deletes what is due, with its messages and booking
//! rows, and leaves only counts per service, kind and month.
//!
//! The deadline is computed here, from explicit dates, so that the rules are
//! tested without a clock; `store.rs` applies them to rows.

pub mod purge;
pub mod store;

use jiff::ToSpan;
use jiff::civil::Date;

pub use purge::{Report, run};

/// A service's retention rules, in days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    /// Any case is deleted this many days after its last activity (or after
    /// its booked time, whichever is later).
    pub days: u32,
    /// A closed case is deleted this many days after it was closed (or last
    /// touched while closed). Never more than `days`.
    pub closed_days: u32,
}

impl Default for Retention {
    fn default() -> Self {
        Retention {
            days: 180,
            closed_days: 30,
        }
    }
}

/// The most days either rule may keep a case: ten years.
pub const MAX_DAYS: u32 = 3650;

/// The day a case is deleted on: `days` (or `closed_days`) after the later of
/// its last activity and the end of its booked time.
pub fn deadline(
    rules: Retention,
    closed: bool,
    last_activity: Date,
    booked_until: Option<Date>,
) -> Date {
    let days = if closed {
        rules.closed_days
    } else {
        rules.days
    };
    let from = booked_until.map_or(last_activity, |b| b.max(last_activity));
    add_days(from, i64::from(days))
}

/// `date + days`, saturating at the ends of the calendar instead of failing.
pub fn add_days(date: Date, days: i64) -> Date {
    date.checked_add(days.days())
        .unwrap_or(if days < 0 { Date::MIN } else { Date::MAX })
}

/// The UTC day a unix time falls on.
pub fn day_of(unix: i64) -> Date {
    jiff::Timestamp::from_second(unix)
        .map(|t| t.to_zoned(jiff::tz::TimeZone::UTC).date())
        .unwrap_or(Date::MIN)
}

/// Booked times that ended before this instant (unix seconds) have passed
/// their retention by `as_of`: a time ending on day D goes on D + `days`.
pub fn booking_cutoff(days: u32, as_of: Date) -> i64 {
    let first_kept_day = add_days(as_of, 1 - i64::from(days));
    first_kept_day
        .to_zoned(jiff::tz::TimeZone::UTC)
        .map(|z| z.timestamp().as_second())
        .unwrap_or(i64::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const RULES: Retention = Retention {
        days: 180,
        closed_days: 30,
    };

    #[test]
    fn an_open_case_goes_days_after_its_last_activity() {
        assert_eq!(
            deadline(RULES, false, date(2026, 1, 10), None),
            date(2026, 7, 9)
        );
    }

    #[test]
    fn a_closed_case_goes_closed_days_after_closing() {
        assert_eq!(
            deadline(RULES, true, date(2026, 2, 15), None),
            date(2026, 3, 17)
        );
        // Across a leap day.
        assert_eq!(
            deadline(RULES, true, date(2028, 2, 10), None),
            date(2028, 3, 11)
        );
    }

    #[test]
    fn activity_later_moves_the_deadline_later() {
        let before = deadline(RULES, false, date(2026, 3, 1), None);
        let after = deadline(RULES, false, date(2026, 3, 20), None);
        assert_eq!(after, add_days(before, 19));
    }

    #[test]
    fn a_booking_is_kept_after_its_time_even_when_booked_long_before() {
        // Booked on 1 January for a time on 1 December: counted from December.
        assert_eq!(
            deadline(RULES, false, date(2026, 1, 1), Some(date(2026, 12, 1))),
            date(2027, 5, 30)
        );
        // Closed early, it still waits for its time to pass.
        assert_eq!(
            deadline(RULES, true, date(2026, 1, 1), Some(date(2026, 12, 1))),
            date(2026, 12, 31)
        );
        // A time long past does not shorten anything.
        assert_eq!(
            deadline(RULES, false, date(2026, 6, 1), Some(date(2026, 1, 1))),
            date(2026, 11, 28)
        );
    }

    #[test]
    fn a_booked_time_expires_retention_days_after_the_day_it_ended() {
        // With 30 days, on 31 January a time that ended on 1 January (any
        // hour) is gone; one that ended on 2 January is not yet.
        let cutoff = booking_cutoff(30, date(2026, 1, 31));
        let start_of_2nd = date(2026, 1, 2)
            .to_zoned(jiff::tz::TimeZone::UTC)
            .unwrap()
            .timestamp()
            .as_second();
        assert_eq!(cutoff, start_of_2nd);
        assert_eq!(day_of(cutoff - 1), date(2026, 1, 1));
        assert_eq!(add_days(day_of(cutoff - 1), 30), date(2026, 1, 31));
    }

    #[test]
    fn dates_saturate_instead_of_failing() {
        assert_eq!(add_days(Date::MAX, 1), Date::MAX);
        assert_eq!(add_days(Date::MIN, -1), Date::MIN);
    }
}
