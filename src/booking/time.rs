//! Time for booking: slots are stored as UTC unix seconds and shown in the
//! service's zone. Weekly duty hours are civil times ("Tuesdays 10:00–12:00")
//! cut into slots day by day with zoned arithmetic, so that a slot at 10:00
//! is at 10:00 local time on both sides of a daylight-saving change.

use jiff::civil::{Date, DateTime, Time, Weekday};
use jiff::tz::{AmbiguousOffset, TimeZone};
use jiff::{Span, Timestamp, ToSpan};

/// One bookable stretch of time, in UTC unix seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stretch {
    pub starts_at: i64,
    pub ends_at: i64,
}

/// Weekly duty hours: on `weekday`, from `from` to `until` local time, cut
/// into slots of `slot_minutes`, for `weeks` weeks from `first_day` on.
#[derive(Debug, Clone)]
pub struct Weekly {
    pub weekday: Weekday,
    pub from: Time,
    pub until: Time,
    pub slot_minutes: i64,
    pub first_day: Date,
    pub weeks: i64,
}

/// Most weeks duty hours may be published for at once.
pub const MAX_WEEKS: i64 = 52;

/// The instant a local date and time names in `tz`, or `None` when the
/// clock skips it (spring forward) or shows it twice (fall back): a slot is
/// never published at a time that does not name one instant.
pub fn instant(tz: &TimeZone, at: DateTime) -> Option<Timestamp> {
    match tz.to_ambiguous_zoned(at).offset() {
        AmbiguousOffset::Unambiguous { offset } => offset.to_timestamp(at).ok(),
        AmbiguousOffset::Gap { .. } | AmbiguousOffset::Fold { .. } => None,
    }
}

/// One slot from a local date, start time and length.
pub fn one_slot(tz: &TimeZone, day: Date, start: Time, minutes: i64) -> Option<Stretch> {
    let begins = day.to_datetime(start);
    let ends = begins.checked_add(minutes.minutes()).ok()?;
    stretch(tz, begins, ends)
}

fn stretch(tz: &TimeZone, begins: DateTime, ends: DateTime) -> Option<Stretch> {
    let starts_at = instant(tz, begins)?.as_second();
    let ends_at = instant(tz, ends)?.as_second();
    (ends_at > starts_at).then_some(Stretch { starts_at, ends_at })
}

/// The slots of weekly duty hours. Slots whose start or end does not name
/// one instant (inside a skipped or repeated hour) are left out.
pub fn weekly_slots(w: &Weekly, tz: &TimeZone) -> Vec<Stretch> {
    let mut out = Vec::new();
    if w.slot_minutes <= 0 || w.until <= w.from || !(1..=MAX_WEEKS).contains(&w.weeks) {
        return out;
    }
    let Ok(first) = on_or_after(w.first_day, w.weekday) else {
        return out;
    };
    let step = Span::new().minutes(w.slot_minutes);
    for week in 0..w.weeks {
        let Ok(day) = first.checked_add((week * 7).days()) else {
            break;
        };
        let end_of_duty = day.to_datetime(w.until);
        let mut begins = day.to_datetime(w.from);
        while let Ok(ends) = begins.checked_add(step) {
            if ends > end_of_duty {
                break;
            }
            if let Some(s) = stretch(tz, begins, ends) {
                out.push(s);
            }
            begins = ends;
        }
    }
    out
}

/// `day` if it is a `weekday`, else the next `weekday`.
fn on_or_after(day: Date, weekday: Weekday) -> Result<Date, jiff::Error> {
    if day.weekday() == weekday {
        Ok(day)
    } else {
        day.nth_weekday(1, weekday)
    }
}

/// The local date and time of a stored instant in `tz`.
pub fn local(tz: &TimeZone, unix: i64) -> Option<DateTime> {
    Timestamp::from_second(unix)
        .ok()
        .map(|t| t.to_zoned(tz.clone()).datetime())
}

pub fn now_unix() -> i64 {
    Timestamp::now().as_second()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::{date, time};

    fn helsinki() -> TimeZone {
        TimeZone::get("Europe/Helsinki").unwrap()
    }

    fn utc_hm(unix: i64) -> String {
        Timestamp::from_second(unix)
            .unwrap()
            .strftime("%Y-%m-%d %H:%M")
            .to_string()
    }

    fn local_hm(unix: i64) -> String {
        local(&helsinki(), unix)
            .unwrap()
            .strftime("%Y-%m-%d %H:%M")
            .to_string()
    }

    #[test]
    fn tuesday_duty_hours_stay_at_ten_local_across_the_march_change() {
        // Clocks go forward on Sunday 29 March 2026 (UTC+2 → UTC+3).
        let w = Weekly {
            weekday: Weekday::Tuesday,
            from: time(10, 0, 0, 0),
            until: time(12, 0, 0, 0),
            slot_minutes: 30,
            first_day: date(2026, 3, 20),
            weeks: 2,
        };
        let slots = weekly_slots(&w, &helsinki());
        assert_eq!(slots.len(), 8);
        assert_eq!(utc_hm(slots[0].starts_at), "2026-03-24 08:00");
        assert_eq!(utc_hm(slots[4].starts_at), "2026-03-31 07:00");
        for s in &slots {
            assert_eq!(s.ends_at - s.starts_at, 1800);
        }
        let local: Vec<_> = slots[4..].iter().map(|s| local_hm(s.starts_at)).collect();
        assert_eq!(
            local,
            [
                "2026-03-31 10:00",
                "2026-03-31 10:30",
                "2026-03-31 11:00",
                "2026-03-31 11:30"
            ]
        );
    }

    #[test]
    fn tuesday_duty_hours_stay_at_ten_local_across_the_october_change() {
        // Clocks go back on Sunday 25 October 2026 (UTC+3 → UTC+2).
        let w = Weekly {
            weekday: Weekday::Tuesday,
            from: time(10, 0, 0, 0),
            until: time(11, 0, 0, 0),
            slot_minutes: 60,
            first_day: date(2026, 10, 20),
            weeks: 2,
        };
        let slots = weekly_slots(&w, &helsinki());
        let utc: Vec<_> = slots.iter().map(|s| utc_hm(s.starts_at)).collect();
        assert_eq!(utc, ["2026-10-20 07:00", "2026-10-27 08:00"]);
        let local: Vec<_> = slots.iter().map(|s| local_hm(s.starts_at)).collect();
        assert_eq!(local, ["2026-10-20 10:00", "2026-10-27 10:00"]);
    }

    #[test]
    fn slots_in_the_skipped_hour_of_march_are_left_out() {
        // 29 March 2026: 03:00 local does not exist; it is 04:00 at once.
        let w = Weekly {
            weekday: Weekday::Sunday,
            from: time(2, 0, 0, 0),
            until: time(5, 0, 0, 0),
            slot_minutes: 30,
            first_day: date(2026, 3, 29),
            weeks: 1,
        };
        let local: Vec<_> = weekly_slots(&w, &helsinki())
            .iter()
            .map(|s| local_hm(s.starts_at))
            .collect();
        assert_eq!(
            local,
            ["2026-03-29 02:00", "2026-03-29 04:00", "2026-03-29 04:30"]
        );
    }

    #[test]
    fn slots_in_the_repeated_hour_of_october_are_left_out() {
        // 25 October 2026: 03:00–04:00 local happens twice.
        let w = Weekly {
            weekday: Weekday::Sunday,
            from: time(2, 0, 0, 0),
            until: time(5, 0, 0, 0),
            slot_minutes: 60,
            first_day: date(2026, 10, 25),
            weeks: 1,
        };
        let slots = weekly_slots(&w, &helsinki());
        let local: Vec<_> = slots.iter().map(|s| local_hm(s.starts_at)).collect();
        assert_eq!(local, ["2026-10-25 04:00"]);
        assert_eq!(slots[0].ends_at - slots[0].starts_at, 3600);
    }

    #[test]
    fn a_one_off_slot_names_one_instant_or_none() {
        let tz = helsinki();
        let s = one_slot(&tz, date(2026, 6, 1), time(9, 0, 0, 0), 45).unwrap();
        assert_eq!(utc_hm(s.starts_at), "2026-06-01 06:00");
        assert_eq!(s.ends_at - s.starts_at, 45 * 60);
        assert!(one_slot(&tz, date(2026, 3, 29), time(3, 15, 0, 0), 30).is_none());
        assert!(one_slot(&tz, date(2026, 10, 25), time(3, 15, 0, 0), 30).is_none());
    }

    #[test]
    fn nonsense_duty_hours_give_no_slots() {
        let mut w = Weekly {
            weekday: Weekday::Monday,
            from: time(12, 0, 0, 0),
            until: time(10, 0, 0, 0),
            slot_minutes: 30,
            first_day: date(2026, 1, 1),
            weeks: 1,
        };
        assert!(weekly_slots(&w, &helsinki()).is_empty());
        w.until = time(13, 0, 0, 0);
        w.weeks = MAX_WEEKS + 1;
        assert!(weekly_slots(&w, &helsinki()).is_empty());
        w.weeks = 1;
        w.slot_minutes = 0;
        assert!(weekly_slots(&w, &helsinki()).is_empty());
    }
}
