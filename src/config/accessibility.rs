//! `[accessibility]`: the organisation's parts of the accessibility
//! statement, which seed the database (`crate::accessibility::store`);
//! admins edit them on the web from then on. Every part is plain text per
//! client language; a part given at all is given in fi, sv and en.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{KeyError, is_slug};
use crate::i18n::Lang;

/// The longest a part may be in one language, in characters.
pub const PART_MAX: usize = 2000;

/// The parts an organisation writes, in the statement's order.
pub const PARTS: [&str; 5] = [
    "organisation",
    "answers",
    "reply_time",
    "contact",
    "authority",
];

/// One part: its text in each client language that has one.
pub type PartTexts = BTreeMap<String, String>;

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct AccessibilityConfig {
    /// The service feedback is sealed to (its members read it); none: the
    /// statement shows no form.
    pub feedback_service: Option<String>,
    /// When the statement was made or last reviewed, `YYYY-MM-DD`.
    pub statement_date: Option<String>,
    pub organisation: PartTexts,
    /// Who answers feedback.
    pub answers: PartTexts,
    /// How fast they answer (the page says 14 days when this is empty).
    pub reply_time: PartTexts,
    /// Other ways to reach them.
    pub contact: PartTexts,
    /// The supervising authority, when it differs from the default text.
    pub authority: PartTexts,
}

impl AccessibilityConfig {
    /// Whether the file has the section at all (a default one seeds nothing).
    pub fn is_empty(&self) -> bool {
        *self == AccessibilityConfig::default()
    }

    /// Each part by its name.
    pub fn parts(&self) -> [(&'static str, &PartTexts); 5] {
        [
            (PARTS[0], &self.organisation),
            (PARTS[1], &self.answers),
            (PARTS[2], &self.reply_time),
            (PARTS[3], &self.contact),
            (PARTS[4], &self.authority),
        ]
    }

    pub(super) fn check(&self) -> Result<(), KeyError> {
        if let Some(slug) = &self.feedback_service
            && !is_slug(slug)
        {
            return Err((
                "accessibility.feedback_service".into(),
                "expected a service's slug".into(),
            ));
        }
        if let Some(day) = &self.statement_date
            && parse_day(day).is_none()
        {
            return Err((
                "accessibility.statement_date".into(),
                "expected a date like 2026-12-20".into(),
            ));
        }
        for (name, texts) in self.parts() {
            check_part(texts).map_err(|m| (format!("accessibility.{name}"), m))?;
        }
        Ok(())
    }
}

/// A `YYYY-MM-DD` day.
pub fn parse_day(text: &str) -> Option<jiff::civil::Date> {
    let text = text.trim();
    (text.len() == 10).then(|| text.parse().ok()).flatten()
}

/// A part is empty, or has fi, sv and en; every language is a client
/// language; no text is longer than [`PART_MAX`].
pub fn check_part(texts: &PartTexts) -> Result<(), String> {
    for (code, text) in texts {
        if Lang::from_code(code).is_none() {
            return Err(format!("`{code}` is not a client language"));
        }
        if text.chars().count() > PART_MAX {
            return Err(format!("{code}: at most {PART_MAX} characters"));
        }
    }
    let given = texts.values().any(|t| !t.trim().is_empty());
    let staff = ["fi", "sv", "en"]
        .iter()
        .all(|c| texts.get(*c).is_some_and(|t| !t.trim().is_empty()));
    if given && !staff {
        return Err("expected fi, sv and en (the other languages are optional)".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(pairs: &[(&str, &str)]) -> PartTexts {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn a_part_is_empty_or_written_in_finnish_swedish_and_english() {
        assert!(check_part(&part(&[])).is_ok());
        assert!(check_part(&part(&[("fi", "a"), ("sv", "b"), ("en", "c")])).is_ok());
        let with_ar = part(&[("fi", "a"), ("sv", "b"), ("en", "c"), ("ar", "د")]);
        assert!(check_part(&with_ar).is_ok());
        assert!(check_part(&part(&[("fi", "a"), ("en", "c")])).is_err());
        assert!(check_part(&part(&[("ar", "د")])).is_err());
        let unknown = part(&[("fi", "a"), ("sv", "b"), ("en", "c"), ("de", "d")]);
        assert!(check_part(&unknown).is_err());
        let long = "x".repeat(PART_MAX + 1);
        assert!(check_part(&part(&[("fi", &long), ("sv", "b"), ("en", "c")])).is_err());
    }

    #[test]
    fn a_statement_date_is_a_day() {
        assert!(parse_day("2026-12-20").is_some());
        assert!(parse_day("20.12.2026").is_none());
        assert!(parse_day("2026-13-01").is_none());
    }
}
