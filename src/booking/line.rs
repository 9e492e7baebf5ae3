//! The booking line of a booking case's first message, worded for who
//! reads it. The sealed booking (`BookingDoc`) holds the facts; the
//! sentence is made when a page shows it, so a client reads "we call you"
//! where a counsellor reads "we call the client", also for bookings sealed
//! before this wording existed.

use jiff::tz::TimeZone;

use super::{show_day, show_when_in, time};
use crate::i18n::Tr;
use crate::intake::BookingDoc;

/// Who a page is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// The client, with their receipt.
    Client,
    /// Staff of the service.
    Staff,
}

impl Audience {
    fn code(self) -> &'static str {
        match self {
            Audience::Client => "client",
            Audience::Staff => "staff",
        }
    }
}

fn unix(rfc3339: &str) -> Option<i64> {
    rfc3339
        .parse::<jiff::Timestamp>()
        .ok()
        .map(|t| t.as_second())
}

/// "to 10.12.2026 18.00": a meeting's day and start.
fn show_start(t: &Tr, tz: &TimeZone, at: i64) -> String {
    let Some(local) = time::local(tz, at) else {
        return String::new();
    };
    let clock = crate::i18n::format::clock(t.lang, local);
    format!("{} {clock}", show_day(t, local.date()))
}

/// The sentence for `doc`, or none if its times do not read.
pub fn booking_line(t: &Tr, audience: Audience, doc: &BookingDoc) -> Option<String> {
    let tz = TimeZone::get(&doc.time_zone).unwrap_or(TimeZone::UTC);
    let (starts_at, ends_at) = (unix(&doc.starts_at)?, unix(&doc.ends_at)?);
    let who = audience.code();
    Some(match &doc.group {
        Some(group) => t.ta(
            &format!("booking-line-group-{who}"),
            &[
                ("group", group),
                ("first", &show_start(t, &tz, starts_at)),
                ("last", &show_start(t, &tz, ends_at)),
            ],
        ),
        None => {
            let call = if doc.call == "we_call" {
                "we_call"
            } else {
                "you_call"
            };
            let when = show_when_in(t, &tz, starts_at, ends_at);
            t.t1(&format!("booking-line-{call}-{who}"), "when", &when)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn doc(call: &str, group: Option<&str>) -> BookingDoc {
        BookingDoc {
            call: call.into(),
            starts_at: "2026-12-10T16:00:00Z".into(),
            ends_at: "2026-12-31T16:00:00Z".into(),
            time_zone: "Europe/Helsinki".into(),
            group: group.map(Into::into),
        }
    }

    #[test]
    fn the_client_reads_we_call_you_and_staff_read_we_call_the_client() {
        let t = Tr::new(Lang::Fi);
        let client = booking_line(&t, Audience::Client, &doc("we_call", None)).unwrap();
        let staff = booking_line(&t, Audience::Staff, &doc("we_call", None)).unwrap();
        assert!(client.contains("Soitamme sinulle"), "{client}");
        assert!(!client.contains("asiakkaalle"), "{client}");
        assert!(staff.contains("asiakkaalle"), "{staff}");
    }

    #[test]
    fn a_group_line_names_the_group_and_its_first_and_last_meeting() {
        let t = Tr::new(Lang::En);
        let line = booking_line(&t, Audience::Client, &doc("group", Some("Peers"))).unwrap();
        assert!(line.contains("Peers"), "{line}");
        assert!(line.contains("Thu 10 Dec 2026 18:00"), "{line}");
        assert!(line.contains("Thu 31 Dec 2026 18:00"), "{line}");
        assert!(!line.contains("call"), "{line}");
    }
}
