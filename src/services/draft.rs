//! A service as an admin types it, on the web form or the command line,
//! parsed into a `Service` or into a list of what to fix. The same rules as
//! the config's `[[services]]` (`crate::config`).

use std::collections::{BTreeMap, HashSet};

use serde::Deserialize;

use crate::config::{
    DEFAULT_ANSWERS, Localized, Service, Topic, Translation, is_phone_number, is_slug,
};
use crate::i18n::{Lang, Tr};
use crate::retention::{MAX_DAYS, Retention};

/// Longest name, in characters.
const NAME_CHARS: usize = 120;
/// Longest description, in characters.
const DESCRIPTION_CHARS: usize = 2000;
/// Most topics and recipients a service may have.
const MAX_TOPICS: usize = 30;
const MAX_RECIPIENTS: usize = 100;

/// The fields of the name and the description in each of
/// [`Lang::TRANSLATED`], in that order.
pub const NAME_FIELDS: [&str; 8] = [
    "name_fi-selko",
    "name_sv-lattlast",
    "name_ar",
    "name_fa",
    "name_ckb",
    "name_so",
    "name_uk",
    "name_ru",
];
pub const DESCRIPTION_FIELDS: [&str; 8] = [
    "description_fi-selko",
    "description_sv-lattlast",
    "description_ar",
    "description_fa",
    "description_ckb",
    "description_so",
    "description_uk",
    "description_ru",
];
/// The boxes of the languages it answers in, one for each of
/// [`Lang::SPOKEN`], in that order; ticked: `yes`.
pub const ANSWER_FIELDS: [&str; 9] = [
    "answers_fi",
    "answers_sv",
    "answers_en",
    "answers_ar",
    "answers_fa",
    "answers_ckb",
    "answers_so",
    "answers_uk",
    "answers_ru",
];

/// The form's fields, as typed: kept whole to hand the form back.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Draft {
    pub slug: String,
    pub name_fi: String,
    pub name_sv: String,
    pub name_en: String,
    pub description_fi: String,
    pub description_sv: String,
    pub description_en: String,
    /// One topic a line: a common id (`general`), or `id | Finnish | Swedish
    /// | English` for a topic of this service's own.
    pub topics: String,
    pub time_zone: String,
    pub retention_days: String,
    pub closed_retention_days: String,
    pub phone: String,
    /// An age recipients file: one `age1…` a line, `#` comments.
    pub recipients: String,
    /// Working days it promises to answer in; empty: no promise.
    pub answer_days: String,
    /// The name and description in the other client languages
    /// ([`NAME_FIELDS`], [`DESCRIPTION_FIELDS`]) and the languages it
    /// answers in ([`ANSWER_FIELDS`]); anything else is ignored.
    #[serde(flatten)]
    pub more: BTreeMap<String, String>,
}

/// A field to fix, and the message (a Fluent id) saying how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub field: &'static str,
    pub message: &'static str,
}

impl Problem {
    /// The message in `lang`, for a page or (in English) the command line.
    pub fn text(&self, lang: Lang) -> String {
        Tr::new(lang).t(self.message)
    }
}

fn problem(field: &'static str, message: &'static str) -> Problem {
    Problem { field, message }
}

impl Draft {
    /// The form filled in from a stored service, for editing.
    pub fn of(s: &Service) -> Draft {
        Draft {
            slug: s.slug.clone(),
            name_fi: s.name.fi.clone(),
            name_sv: s.name.sv.clone(),
            name_en: s.name.en.clone(),
            description_fi: s.description.fi.clone(),
            description_sv: s.description.sv.clone(),
            description_en: s.description.en.clone(),
            topics: s
                .topics
                .iter()
                .map(topic_line)
                .collect::<Vec<_>>()
                .join("\n"),
            time_zone: s.time_zone.iana_name().unwrap_or("UTC").to_owned(),
            retention_days: s.retention.days.to_string(),
            closed_retention_days: s.retention.closed_days.to_string(),
            phone: s.phone.clone().unwrap_or_default(),
            recipients: super::store::recipients_text(s),
            answer_days: s.answer_days.map(|n| n.to_string()).unwrap_or_default(),
            more: more_of(s),
        }
    }

    /// What was typed in the field `name` of [`Draft::more`].
    pub fn more(&self, name: &str) -> &str {
        self.more.get(name).map_or("", String::as_str)
    }

    /// A new service's defaults: Helsinki time, the default retention.
    pub fn blank() -> Draft {
        let r = Retention::default();
        Draft {
            time_zone: "Europe/Helsinki".into(),
            retention_days: r.days.to_string(),
            closed_retention_days: r.closed_days.to_string(),
            topics: "general".into(),
            more: answers_more(&DEFAULT_ANSWERS),
            ..Draft::default()
        }
    }

    /// Every problem at once, so one round trip shows them all.
    /// `has_recovery`: the organisation's recovery key reads every service,
    /// so a service may start with no recipient of its own.
    pub fn parse(&self, has_recovery: bool) -> Result<Service, Vec<Problem>> {
        let mut problems = vec![];
        let slug = self.slug.trim();
        if !is_slug(slug) {
            problems.push(problem("slug", "service-error-slug"));
        }
        let name = localized(
            [&self.name_fi, &self.name_sv, &self.name_en],
            NAME_CHARS,
            ["name_fi", "name_sv", "name_en"],
            "service-error-name",
            &mut problems,
        );
        let description = localized(
            [
                &self.description_fi,
                &self.description_sv,
                &self.description_en,
            ],
            DESCRIPTION_CHARS,
            ["description_fi", "description_sv", "description_en"],
            "service-error-description",
            &mut problems,
        );
        let translations = self.translations(&mut problems);
        let answers_in = self.answers_in();
        let answer_days = crate::promise::form::parse_answer_days(&self.answer_days, &mut problems);
        let auto_reply = crate::promise::form::parse_auto_reply(self, &mut problems);
        let topics = parse_topics(&self.topics)
            .map_err(|m| problems.push(problem("topics", m)))
            .unwrap_or_default();
        let time_zone = jiff::tz::TimeZone::get(self.time_zone.trim())
            .ok()
            .filter(|_| !self.time_zone.trim().is_empty())
            .ok_or_else(|| problems.push(problem("time_zone", "service-error-time-zone")))
            .ok();
        let retention = parse_retention(&self.retention_days, &self.closed_retention_days)
            .map_err(|p| problems.push(p))
            .ok();
        let phone = self.phone.trim();
        if !phone.is_empty() && !is_phone_number(phone) {
            problems.push(problem("phone", "service-error-phone"));
        }
        let recipients = parse_recipients(&self.recipients)
            .map_err(|m| problems.push(problem("recipients", m)))
            .unwrap_or_default();
        if recipients.is_empty()
            && !has_recovery
            && !problems.iter().any(|p| p.field == "recipients")
        {
            problems.push(problem("recipients", "service-error-no-reader"));
        }
        match (time_zone, retention) {
            (Some(time_zone), Some(retention)) if problems.is_empty() => Ok(Service {
                slug: slug.to_owned(),
                name,
                description,
                topics,
                recipients,
                retention,
                time_zone,
                phone: (!phone.is_empty()).then(|| phone.to_owned()),
                retired: false,
                translations,
                answers_in,
                answer_days,
                auto_reply,
            }),
            _ => Err(problems),
        }
    }
}

impl Draft {
    /// The name and description given in other languages: both or neither
    /// in each, as long as the fi, sv and en ones may be.
    fn translations(&self, problems: &mut Vec<Problem>) -> Vec<(Lang, Translation)> {
        let mut out = vec![];
        let fields = NAME_FIELDS.into_iter().zip(DESCRIPTION_FIELDS);
        for (lang, (name_field, description_field)) in Lang::TRANSLATED.into_iter().zip(fields) {
            let name = self.more(name_field).trim();
            let description = self.more(description_field).trim();
            let (n, d) = (name.chars().count(), description.chars().count());
            if n > NAME_CHARS {
                problems.push(problem(name_field, "service-error-name"));
            }
            if d > DESCRIPTION_CHARS {
                problems.push(problem(description_field, "service-error-description"));
            }
            match (n, d) {
                (0, 0) => {}
                (0, _) => problems.push(problem(name_field, "service-error-translation-name")),
                (_, 0) => problems.push(problem(
                    description_field,
                    "service-error-translation-description",
                )),
                _ => out.push((
                    lang,
                    Translation {
                        name: name.to_owned(),
                        description: description.to_owned(),
                    },
                )),
            }
        }
        out
    }

    /// The languages ticked; none ticked is read as the default (fi, sv,
    /// en), as a form sent without the boxes is: a service answers in some
    /// language.
    fn answers_in(&self) -> Vec<Lang> {
        let ticked: Vec<Lang> = Lang::SPOKEN
            .into_iter()
            .zip(ANSWER_FIELDS)
            .filter(|(_, field)| self.more(field) == "yes")
            .map(|(l, _)| l)
            .collect();
        if ticked.is_empty() {
            DEFAULT_ANSWERS.to_vec()
        } else {
            ticked
        }
    }
}

/// The `more` fields of a stored service.
fn more_of(s: &Service) -> BTreeMap<String, String> {
    let mut more = answers_more(&s.answers_in);
    crate::promise::form::more_of(s, &mut more);
    let fields = NAME_FIELDS.into_iter().zip(DESCRIPTION_FIELDS);
    for (lang, (name_field, description_field)) in Lang::TRANSLATED.into_iter().zip(fields) {
        if let Some((_, t)) = s.translations.iter().find(|(l, _)| *l == lang) {
            more.insert(name_field.to_owned(), t.name.clone());
            more.insert(description_field.to_owned(), t.description.clone());
        }
    }
    more
}

fn answers_more(answers: &[Lang]) -> BTreeMap<String, String> {
    Lang::SPOKEN
        .into_iter()
        .zip(ANSWER_FIELDS)
        .filter(|(l, _)| answers.contains(l))
        .map(|(_, field)| (field.to_owned(), "yes".to_owned()))
        .collect()
}

fn localized(
    values: [&String; 3],
    max: usize,
    fields: [&'static str; 3],
    message: &'static str,
    problems: &mut Vec<Problem>,
) -> Localized {
    for (value, field) in values.iter().zip(fields) {
        let n = value.trim().chars().count();
        if n == 0 || n > max {
            problems.push(problem(field, message));
        }
    }
    let [fi, sv, en] = values.map(|v| v.trim().to_owned());
    Localized { fi, sv, en }
}

fn topic_line(t: &Topic) -> String {
    match t {
        Topic::Common(id) => id.clone(),
        Topic::Named { id, name } => format!("{id} | {} | {} | {}", name.fi, name.sv, name.en),
    }
}

/// One topic a line: a common id the locale files name, or `id | fi | sv | en`.
fn parse_topics(text: &str) -> Result<Vec<Topic>, &'static str> {
    let t = Tr::new(Lang::En);
    let mut topics = vec![];
    let mut ids = HashSet::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let parts: Vec<&str> = line.split('|').map(str::trim).collect();
        let topic = match parts.as_slice() {
            [id] if t.has(&format!("topic-{id}")) => Topic::Common((*id).to_owned()),
            [_] => return Err("service-error-topic-unknown"),
            [id, fi, sv, en] if is_slug(id) && [fi, sv, en].iter().all(|n| valid_name(n)) => {
                Topic::Named {
                    id: (*id).to_owned(),
                    name: Localized {
                        fi: (*fi).to_owned(),
                        sv: (*sv).to_owned(),
                        en: (*en).to_owned(),
                    },
                }
            }
            _ => return Err("service-error-topic-line"),
        };
        if !ids.insert(topic.id().to_owned()) {
            return Err("service-error-topic-twice");
        }
        topics.push(topic);
    }
    match topics.len() {
        0 => Err("service-error-topics"),
        n if n > MAX_TOPICS => Err("service-error-topics"),
        _ => Ok(topics),
    }
}

fn valid_name(n: &str) -> bool {
    (1..=NAME_CHARS).contains(&n.chars().count())
}

fn parse_retention(days: &str, closed: &str) -> Result<Retention, Problem> {
    let number = |text: &str, field| {
        text.trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=MAX_DAYS).contains(n))
            .ok_or(problem(field, "service-error-days"))
    };
    let days = number(days, "retention_days")?;
    let closed_days = number(closed, "closed_retention_days")?;
    if closed_days > days {
        return Err(problem(
            "closed_retention_days",
            "service-error-closed-longer",
        ));
    }
    Ok(Retention { days, closed_days })
}

/// An age recipients file, as `age -R` reads it: one recipient a line,
/// blank lines and `#` comments skipped. X25519 recipients only.
pub fn parse_recipients(text: &str) -> Result<Vec<age::x25519::Recipient>, &'static str> {
    let mut found: Vec<age::x25519::Recipient> = vec![];
    for r in crate::seal::parse_recipients(text).map_err(|_| "service-error-recipient")? {
        if !found.iter().any(|f| f.to_string() == r.to_string()) {
            found.push(r);
        }
    }
    if found.len() > MAX_RECIPIENTS {
        return Err("service-error-recipients-many");
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled() -> Draft {
        Draft {
            slug: "night-line".into(),
            name_fi: "Yölinja".into(),
            name_sv: "Nattlinjen".into(),
            name_en: "Night line".into(),
            description_fi: "Kirjoita meille yöllä.".into(),
            description_sv: "Skriv till oss på natten.".into(),
            description_en: "Write to us at night.".into(),
            recipients: format!(
                "# counsellors\n{}\n",
                age::x25519::Identity::generate().to_public()
            ),
            ..Draft::blank()
        }
    }

    #[test]
    fn a_filled_form_parses_and_round_trips_through_the_edit_form() {
        let mut d = filled();
        d.topics = "general\nnight | Yö | Natt | Night".into();
        let s = d.parse(false).unwrap();
        assert_eq!(s.topics.len(), 2);
        assert_eq!(s.recipients.len(), 1);
        let again = Draft::of(&s);
        assert_eq!(again.topics, d.topics);
        assert_eq!(again.parse(false).unwrap().slug, "night-line");
    }

    #[test]
    fn every_mistake_is_named_at_once() {
        let d = Draft {
            slug: "Night Line".into(),
            time_zone: "Europe/Atlantis".into(),
            retention_days: "30".into(),
            closed_retention_days: "60".into(),
            phone: "call me".into(),
            recipients: "age1notakey".into(),
            topics: "nosuchtopic".into(),
            ..filled()
        };
        let fields: Vec<_> = d.parse(true).unwrap_err().iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            [
                "slug",
                "topics",
                "time_zone",
                "closed_retention_days",
                "phone",
                "recipients"
            ]
        );
    }

    #[test]
    fn without_recipients_only_a_recovery_key_reads_it() {
        let d = Draft {
            recipients: String::new(),
            ..filled()
        };
        assert_eq!(
            d.parse(false).unwrap_err(),
            [problem("recipients", "service-error-no-reader")]
        );
        assert!(d.parse(true).is_ok());
    }
}
