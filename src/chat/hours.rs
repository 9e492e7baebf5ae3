//! A service's weekly chat hours: at most one window per weekday, in the
//! service's time zone, stored as `weekday from until` entries separated by
//! `;` (ISO weekday 1–7, `HH:MM`, `24:00` allowed as an end).

use jiff::Zoned;
use jiff::civil::Time;
use jiff::tz::TimeZone;

/// One weekly window, in minutes of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// ISO weekday, Monday = 1.
    pub weekday: i8,
    pub from: u16,
    pub until: u16,
}

/// `HH:MM` → minutes of the day (`24:00` is 1440).
pub fn parse_time(text: &str) -> Option<u16> {
    let (h, m) = text.trim().split_once(':')?;
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    let minutes = h.checked_mul(60)?.checked_add(m)?;
    (h <= 24 && m < 60 && minutes <= 1440).then_some(minutes)
}

pub fn format_time(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// The stored text's windows; an entry that does not parse is left out.
pub fn parse(stored: &str) -> Vec<Window> {
    stored
        .split(';')
        .filter_map(|entry| {
            let mut parts = entry.split_whitespace();
            let weekday: i8 = parts.next()?.parse().ok()?;
            let from = parse_time(parts.next()?)?;
            let until = parse_time(parts.next()?)?;
            ((1..=7).contains(&weekday) && from < until).then_some(Window {
                weekday,
                from,
                until,
            })
        })
        .collect()
}

pub fn format(windows: &[Window]) -> String {
    windows
        .iter()
        .map(|w| {
            format!(
                "{} {} {}",
                w.weekday,
                format_time(w.from),
                format_time(w.until)
            )
        })
        .collect::<Vec<_>>()
        .join(";")
}

fn minute_of(now: &Zoned) -> u16 {
    (now.hour() as u16) * 60 + now.minute() as u16
}

/// Whether `now` falls in one of the windows.
pub fn is_open(windows: &[Window], now: &Zoned) -> bool {
    let weekday = now.weekday().to_monday_one_offset();
    let minute = minute_of(now);
    windows
        .iter()
        .any(|w| w.weekday == weekday && w.from <= minute && minute < w.until)
}

/// When the chat opens next after `now` (within a week), in `zone`.
pub fn next_opening(windows: &[Window], now: &Zoned, zone: &TimeZone) -> Option<Zoned> {
    let today = now.date();
    let minute = minute_of(now);
    (0..8).find_map(|ahead| {
        let date = today.checked_add(jiff::Span::new().days(ahead)).ok()?;
        let weekday = date.weekday().to_monday_one_offset();
        let w = windows
            .iter()
            .filter(|w| w.weekday == weekday && (ahead > 0 || w.from > minute))
            .min_by_key(|w| w.from)?;
        let time = Time::new((w.from / 60) as i8, (w.from % 60) as i8, 0, 0).ok()?;
        date.to_datetime(time).to_zoned(zone.clone()).ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Zoned {
        text.parse().unwrap_or_else(|_| Zoned::now())
    }

    #[test]
    fn windows_round_trip_and_bad_entries_are_left_out() {
        let w = parse("1 09:00 16:00;3 18:00 24:00;8 09:00 10:00;2 12:00 11:00;x");
        assert_eq!(w.len(), 2);
        assert_eq!(format(&w), "1 09:00 16:00;3 18:00 24:00");
        assert_eq!(parse_time("24:01"), None);
        assert_eq!(parse_time("7:05"), Some(425));
    }

    #[test]
    fn open_and_next_opening_follow_the_service_zone() {
        let zone = TimeZone::get("Europe/Helsinki").unwrap_or(TimeZone::UTC);
        let w = parse("3 18:00 24:00");
        // Wednesday 2026-12-09.
        let inside = at("2026-12-09T19:30[Europe/Helsinki]");
        assert!(is_open(&w, &inside));
        let before = at("2026-12-09T17:59[Europe/Helsinki]");
        assert!(!is_open(&w, &before));
        let next = next_opening(&w, &before, &zone).map(|z| z.to_string());
        assert_eq!(
            next.as_deref(),
            Some("2026-12-09T18:00:00+02:00[Europe/Helsinki]")
        );
        let after = at("2026-12-09T18:00[Europe/Helsinki]");
        let next = next_opening(&w, &after, &zone).map(|z| z.date().to_string());
        assert_eq!(next.as_deref(), Some("2026-12-16"));
        assert!(next_opening(&[], &after, &zone).is_none());
    }
}
