//! Days and times as each language writes them. The choices, for every
//! client language (TRANSLATING.md repeats them for reviewers):
//!
//! - a 24-hour clock everywhere: Finnish and Swedish (and their plain
//!   forms) write `10.00`, the other languages `10:00`;
//! - Western digits 0–9 in every language, Arabic, Persian and Kurdish too:
//!   they are the digits of the receipt codes, phone numbers and counts on
//!   the same page, and of every time and sign the reader meets in Finland;
//! - the Gregorian calendar, day before month: `31.3.2026` (fi, sv),
//!   `31.03.2026` (uk, ru), `31/03/2026` (ar, fa, ckb, so), and
//!   `31 Mar 2026` in English;
//! - the weekday's name comes from the locale (`booking-weekday-N`);
//! - in a right-to-left language a time span (`10:00–10:30`) is isolated
//!   left to right (U+2066 … U+2069), so that it reads as one span, start
//!   first, inside Arabic, Persian or Kurdish text.

use jiff::civil::{Date, DateTime};

use super::Lang;

/// Left-to-right isolate and pop directional isolate.
const LRI: char = '\u{2066}';
const PDI: char = '\u{2069}';

/// `10.00` or `10:00`.
pub fn clock(lang: Lang, at: DateTime) -> String {
    let format = match lang {
        Lang::Fi | Lang::FiSelko | Lang::Sv | Lang::SvLattlast => "%H.%M",
        _ => "%H:%M",
    };
    at.strftime(format).to_string()
}

/// `31.3.2026`, `31.03.2026`, `31/03/2026` or `31 Mar 2026`.
pub fn date(lang: Lang, day: Date) -> String {
    let format = match lang {
        Lang::Fi | Lang::FiSelko | Lang::Sv | Lang::SvLattlast => "%-d.%-m.%Y",
        Lang::Uk | Lang::Ru => "%d.%m.%Y",
        Lang::Ar | Lang::Fa | Lang::Ckb | Lang::So => "%d/%m/%Y",
        Lang::En => "%-d %b %Y",
    };
    day.strftime(format).to_string()
}

/// `text` kept left to right inside a right-to-left language's text;
/// unchanged in the others.
pub fn ltr(lang: Lang, text: &str) -> String {
    if lang.is_rtl() {
        format!("{LRI}{text}{PDI}")
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date as day;

    use super::*;

    #[test]
    fn each_language_writes_a_day_and_a_time_its_own_way() {
        let d = day(2026, 3, 31);
        let at = d.at(9, 5, 0, 0);
        assert_eq!(
            (date(Lang::Fi, d), clock(Lang::Fi, at)),
            ("31.3.2026".into(), "09.05".into())
        );
        assert_eq!(date(Lang::SvLattlast, d), "31.3.2026");
        assert_eq!(
            (date(Lang::Ru, d), clock(Lang::Ru, at)),
            ("31.03.2026".into(), "09:05".into())
        );
        assert_eq!(
            (date(Lang::Ar, d), clock(Lang::Ar, at)),
            ("31/03/2026".into(), "09:05".into())
        );
        assert_eq!(date(Lang::En, d), "31 Mar 2026");
        assert_eq!(ltr(Lang::Fa, "09:05–10:00"), "\u{2066}09:05–10:00\u{2069}");
        assert_eq!(ltr(Lang::Uk, "09:05–10:00"), "09:05–10:00");
    }
}
