//! Working days: Monday to Friday, less the Finnish public holidays that
//! fall on one (New Year's Day, Epiphany, Good Friday, Easter Monday, May
//! Day, Ascension Day, Midsummer Eve, Independence Day, Christmas Eve,
//! Christmas Day and St Stephen's Day). A promise counts them from the
//! case's UTC day: nothing finer is stored.

use jiff::civil::{Date, Weekday};

use crate::retention::add_days;

/// Easter Sunday of `year` (Gregorian; the anonymous algorithm, as in
/// Meeus, *Astronomical Algorithms*).
pub fn easter(year: i16) -> Option<Date> {
    let y = i32::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

/// Whether `date` is a Finnish public holiday that a working day could
/// fall on (the ones always on a Saturday or Sunday are left out).
pub fn is_holiday(date: Date) -> bool {
    let fixed = matches!(
        (date.month(), date.day()),
        (1, 1) | (1, 6) | (5, 1) | (12, 6) | (12, 24) | (12, 25) | (12, 26)
    );
    // Midsummer Eve: the Friday from 19 to 25 June.
    let midsummer_eve =
        date.month() == 6 && (19..=25).contains(&date.day()) && date.weekday() == Weekday::Friday;
    let moving = easter(date.year()).is_some_and(|easter| {
        [-2, 1, 39]
            .into_iter()
            .any(|offset| add_days(easter, offset) == date)
    });
    fixed || midsummer_eve || moving
}

pub fn is_working_day(date: Date) -> bool {
    !matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday) && !is_holiday(date)
}

/// The `n`th working day after `from` (not counting `from` itself): the
/// day a case opened on `from` is to be answered by.
pub fn add_working_days(from: Date, n: u32) -> Date {
    let mut day = from;
    let mut left = n;
    while left > 0 {
        day = add_days(day, 1);
        if day == Date::MAX {
            return day;
        }
        if is_working_day(day) {
            left -= 1;
        }
    }
    day
}

/// The last opening day whose answer-by day (`n` working days on) is
/// before `today`: cases opened on it or earlier wait past the promise.
pub fn late_if_opened_by(today: Date, n: u32) -> Date {
    let mut day = add_days(today, -1);
    while add_working_days(day, n) >= today && day > Date::MIN {
        day = add_days(day, -1);
    }
    day
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn easter_falls_on_its_known_sundays() {
        assert_eq!(easter(2024), Some(date(2024, 3, 31)));
        assert_eq!(easter(2025), Some(date(2025, 4, 20)));
        assert_eq!(easter(2026), Some(date(2026, 4, 5)));
        assert_eq!(easter(2027), Some(date(2027, 3, 28)));
        assert_eq!(easter(2038), Some(date(2038, 4, 25)));
    }

    #[test]
    fn a_case_opened_on_the_thursday_before_easter_skips_the_easter_holidays() {
        // Good Friday 3 April 2026, Easter Monday 6 April.
        let thursday = date(2026, 4, 2);
        assert_eq!(add_working_days(thursday, 1), date(2026, 4, 7));
        assert_eq!(add_working_days(thursday, 3), date(2026, 4, 9));
        assert!(!is_working_day(date(2026, 4, 3)));
        assert!(!is_working_day(date(2026, 4, 6)));
    }

    #[test]
    fn weekends_christmas_midsummer_and_ascension_are_not_working_days() {
        // Friday 4 December 2026, then Independence Day on a Sunday.
        assert_eq!(add_working_days(date(2026, 12, 4), 1), date(2026, 12, 7));
        // Wednesday 23 December 2026: 24, 25 (Thu, Fri), the weekend, 28.
        assert_eq!(add_working_days(date(2026, 12, 23), 1), date(2026, 12, 28));
        assert!(!is_working_day(date(2026, 6, 19))); // Midsummer Eve
        assert!(is_working_day(date(2026, 6, 18)));
        assert!(!is_working_day(date(2026, 5, 14))); // Ascension Day
        assert!(!is_working_day(date(2027, 1, 6))); // Epiphany
        assert!(!is_working_day(date(2027, 5, 1))); // a Saturday anyway
        assert_eq!(add_working_days(date(2026, 12, 30), 2), date(2027, 1, 4));
        assert_eq!(add_working_days(date(2026, 12, 30), 0), date(2026, 12, 30));
    }

    #[test]
    fn the_late_cut_off_is_the_last_day_whose_promise_has_passed() {
        // On Friday 10 April 2026, with 3 working days: a case opened on
        // Easter Monday (6 April) was to be answered by Thursday 9 April,
        // one opened on Tuesday 7 April has until today.
        let today = date(2026, 4, 10);
        let cut = late_if_opened_by(today, 3);
        assert!(add_working_days(cut, 3) < today);
        assert!(add_working_days(add_days(cut, 1), 3) >= today);
        assert_eq!(cut, date(2026, 4, 6));
    }
}
