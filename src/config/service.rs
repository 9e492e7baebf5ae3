//! A service as the config file's `[[services]]` seed it: names and
//! descriptions in each language, topics, recipients, retention, time zone.

use std::collections::HashSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{KeyError, parse_recipient};
use crate::i18n::Lang;
use crate::retention::{MAX_DAYS, Retention};

/// A text in each of the three staff languages, written by admins. A
/// client page in another language shows the text of its fallback
/// language ([`Lang::fallback`]), marked with that language's `lang`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Localized {
    pub fi: String,
    pub sv: String,
    pub en: String,
}

impl Localized {
    pub fn get(&self, lang: Lang) -> &str {
        match lang.fallback() {
            Lang::Fi => &self.fi,
            Lang::Sv => &self.sv,
            _ => &self.en,
        }
    }

    /// The `lang` attribute the text needs on a page in `lang`: none when
    /// it is written in the page's own language.
    pub fn lang_mark(lang: Lang) -> Option<&'static str> {
        let shown = lang.fallback().html_lang();
        (shown != lang.html_lang()).then_some(shown)
    }
}

/// A topic a client may pick: an id, with names when the id is not one of the
/// common topics that the locale files already name.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(untagged)]
pub enum Topic {
    Common(String),
    Named {
        id: String,
        #[serde(flatten)]
        name: Localized,
    },
}

impl Topic {
    pub fn id(&self) -> &str {
        match self {
            Topic::Common(id) | Topic::Named { id, .. } => id,
        }
    }
}

/// A service's name and description in a client language besides fi, sv
/// and en, written by an admin: both, or neither.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Translation {
    pub name: String,
    pub description: String,
}

/// What a service answers in when nobody said: the staff languages.
pub const DEFAULT_ANSWERS: [Lang; 3] = Lang::STAFF;

#[derive(Debug, Clone)]
pub struct Service {
    pub slug: String,
    pub name: Localized,
    pub description: Localized,
    pub topics: Vec<Topic>,
    /// Every recipient configured for the service, from strings and files.
    pub recipients: Vec<age::x25519::Recipient>,
    /// When its cases are deleted.
    pub retention: Retention,
    /// Where the service's duty hours and slots are, and how they are shown.
    pub time_zone: jiff::tz::TimeZone,
    /// The line's number, shown to clients who call in at a booked time.
    pub phone: Option<String>,
    /// Hidden from clients; its cases are kept until their retention ends.
    pub retired: bool,
    /// Its name and description in other client languages
    /// ([`Lang::TRANSLATED`]), where an admin gave them.
    pub translations: Vec<(Lang, Translation)>,
    /// The languages its counsellors answer in ([`Lang::SPOKEN`]), in
    /// that order; never empty.
    pub answers_in: Vec<Lang>,
    /// The working days it promises to answer a new case in
    /// ([`crate::promise`]); none: no promise.
    pub answer_days: Option<u32>,
    /// Its automatic first reply to a written contact request, in the
    /// client languages an admin wrote it in ([`Lang::CLIENT`] order).
    pub auto_reply: Vec<(Lang, String)>,
}

impl Service {
    fn translation(&self, lang: Lang) -> Option<&Translation> {
        self.translations
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, t)| t)
    }

    /// Its name on a page in `lang`: the admins' own text in that
    /// language, or the fallback's ([`Lang::fallback`]).
    pub fn name_in(&self, lang: Lang) -> &str {
        self.translation(lang)
            .map_or_else(|| self.name.get(lang), |t| &t.name)
    }

    pub fn description_in(&self, lang: Lang) -> &str {
        self.translation(lang)
            .map_or_else(|| self.description.get(lang), |t| &t.description)
    }

    /// The `lang` its name and description need on a page in `lang`: none
    /// when written in that language, the fallback's otherwise.
    pub fn text_mark(&self, lang: Lang) -> Option<&'static str> {
        match self.translation(lang) {
            Some(_) => None,
            None => Localized::lang_mark(lang),
        }
    }

    /// Whether its counsellors answer a client writing from a page in
    /// `lang` in that client's language.
    pub fn answers(&self, lang: Lang) -> bool {
        self.answers_in.contains(&lang.base())
    }

    /// The automatic first reply for a client writing from a page in
    /// `lang`, with the language it is written in: in that language, else
    /// in its fallback ([`Lang::fallback`]), else in English, Finnish,
    /// Swedish or the first there is. A service with any automatic reply
    /// sends one to every client: whether a case holds one (its row's
    /// author is in the clear) says nothing of the client's language.
    pub fn auto_reply_for(&self, lang: Lang) -> Option<(Lang, &str)> {
        let preferred = [lang, lang.fallback(), Lang::En, Lang::Fi, Lang::Sv];
        preferred
            .into_iter()
            .find_map(|l| self.auto_reply.iter().find(|(r, _)| *r == l))
            .or_else(|| self.auto_reply.first())
            .map(|(r, text)| (*r, text.as_str()))
    }

    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id() == id)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawService {
    pub(super) slug: String,
    name: RawText,
    description: RawText,
    topics: Vec<Topic>,
    /// Codes of the languages its counsellors answer in; fi, sv, en when
    /// not given.
    answers_in: Option<Vec<String>>,
    #[serde(default)]
    recipients: Vec<String>,
    #[serde(default = "default_retention")]
    retention_days: u32,
    closed_retention_days: Option<u32>,
    #[serde(default = "default_time_zone")]
    time_zone: String,
    phone: Option<String>,
    /// Working days it promises to answer in.
    answer_days: Option<u32>,
    /// The automatic first reply, by client language code.
    #[serde(default)]
    auto_reply: std::collections::BTreeMap<String, String>,
}

/// A name or description in the config: fi, sv and en, and any other
/// client language by its code (`ar = "…"`, `fi-selko = "…"`).
#[derive(Debug, Deserialize)]
struct RawText {
    fi: String,
    sv: String,
    en: String,
    #[serde(flatten)]
    more: std::collections::BTreeMap<String, String>,
}

impl RawText {
    fn staff(&self) -> Localized {
        Localized {
            fi: self.fi.clone(),
            sv: self.sv.clone(),
            en: self.en.clone(),
        }
    }
}

/// The `name` and `description` given in other client languages, each
/// language with both or neither.
fn translations(
    name: &RawText,
    description: &RawText,
    key: &dyn Fn(&str) -> String,
) -> Result<Vec<(Lang, Translation)>, KeyError> {
    for (field, text) in [("name", name), ("description", description)] {
        for code in text.more.keys() {
            if !Lang::from_code(code).is_some_and(|l| Lang::TRANSLATED.contains(&l)) {
                return Err((
                    key(&format!("{field}.{code}")),
                    "not a client language: use fi-selko, sv-lattlast, ar, fa, ckb, so, uk or ru"
                        .into(),
                ));
            }
        }
    }
    let mut out = vec![];
    for lang in Lang::TRANSLATED {
        let code = lang.code();
        let n = name
            .more
            .get(code)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty());
        let d = description
            .more
            .get(code)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty());
        match (n, d) {
            (Some(n), Some(d)) => out.push((
                lang,
                Translation {
                    name: n.to_owned(),
                    description: d.to_owned(),
                },
            )),
            (None, None) => {}
            (Some(_), None) => {
                return Err((
                    key(&format!("description.{code}")),
                    "give the description in every language the name is given in".into(),
                ));
            }
            (None, Some(_)) => {
                return Err((
                    key(&format!("name.{code}")),
                    "give the name in every language the description is given in".into(),
                ));
            }
        }
    }
    Ok(out)
}

/// `answers_in`: codes of [`Lang::SPOKEN`], at least one; the default
/// when not given.
fn answers_in(
    codes: Option<&[String]>,
    key: &dyn Fn(&str) -> String,
) -> Result<Vec<Lang>, KeyError> {
    let Some(codes) = codes else {
        return Ok(DEFAULT_ANSWERS.to_vec());
    };
    let mut found = vec![];
    for (i, code) in codes.iter().enumerate() {
        match Lang::from_code(code.trim()).filter(|l| Lang::SPOKEN.contains(l)) {
            Some(l) => found.push(l),
            None => {
                return Err((
                    key(&format!("answers_in[{i}]")),
                    "use fi, sv, en, ar, fa, ckb, so, uk or ru".into(),
                ));
            }
        }
    }
    let ordered: Vec<Lang> = Lang::SPOKEN
        .into_iter()
        .filter(|l| found.contains(l))
        .collect();
    if ordered.is_empty() {
        return Err((key("answers_in"), "list at least one language".into()));
    }
    Ok(ordered)
}

fn default_time_zone() -> String {
    "Europe/Helsinki".to_owned()
}

fn default_retention() -> u32 {
    Retention::default().days
}

impl RawService {
    pub(super) fn validate(
        self,
        key: &dyn Fn(&str) -> String,
        has_recovery: bool,
    ) -> Result<Service, KeyError> {
        if !is_slug(&self.slug) {
            return Err((key("slug"), "use 1–40 of a-z, 0-9 and -".into()));
        }
        let translations = translations(&self.name, &self.description, key)?;
        let answers_in = answers_in(self.answers_in.as_deref(), key)?;
        let (name, description) = (self.name.staff(), self.description.staff());
        for (field, text) in [("name", &name), ("description", &description)] {
            for (lang, value) in [("fi", &text.fi), ("sv", &text.sv), ("en", &text.en)] {
                if value.trim().is_empty() {
                    return Err((key(&format!("{field}.{lang}")), "must not be empty".into()));
                }
            }
        }
        if self.topics.is_empty() {
            return Err((key("topics"), "list at least one topic".into()));
        }
        let mut topic_ids = HashSet::new();
        for (t, topic) in self.topics.iter().enumerate() {
            if topic.id().is_empty() || !topic_ids.insert(topic.id()) {
                return Err((
                    key(&format!("topics[{t}]")),
                    "empty or repeated topic".into(),
                ));
            }
        }
        let mut recipients = Vec::new();
        for (r, entry) in self.recipients.iter().enumerate() {
            let found = if entry.starts_with("age1") {
                vec![parse_recipient(entry).map_err(|m| (key(&format!("recipients[{r}]")), m))?]
            } else {
                crate::seal::read_recipients_file(Path::new(entry))
                    .map_err(|m| (key(&format!("recipients[{r}]")), m))?
            };
            recipients.extend(found);
        }
        if recipients.is_empty() && !has_recovery {
            return Err((
                key("recipients"),
                "nobody could read this service's requests: give recipients or a recovery_recipient"
                    .into(),
            ));
        }
        let time_zone = jiff::tz::TimeZone::get(&self.time_zone).map_err(|_| {
            (
                key("time_zone"),
                format!("`{}` is not a known IANA time zone", self.time_zone),
            )
        })?;
        let phone = self
            .phone
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty());
        if let Some(p) = &phone
            && !is_phone_number(p)
        {
            return Err((
                key("phone"),
                "expected a phone number: digits, spaces and + - ( )".into(),
            ));
        }
        let retention = retention_rules(self.retention_days, self.closed_retention_days, key)?;
        let answer_days = match self.answer_days {
            Some(n) if !(1..=MAX_ANSWER_DAYS).contains(&n) => {
                return Err((
                    key("answer_days"),
                    format!("expected 1 to {MAX_ANSWER_DAYS} working days"),
                ));
            }
            n => n,
        };
        let auto_reply = auto_reply(&self.auto_reply, key)?;
        Ok(Service {
            slug: self.slug,
            name,
            description,
            topics: self.topics,
            recipients,
            retention,
            time_zone,
            phone,
            retired: false,
            translations,
            answers_in,
            answer_days,
            auto_reply,
        })
    }
}

/// The most working days a service may promise.
pub const MAX_ANSWER_DAYS: u32 = 60;
/// The longest automatic reply, in characters.
pub const AUTO_REPLY_CHARS: usize = 1000;
/// The most bytes an automatic reply's text may take in its sealed
/// document (as JSON): with the document's other fields it stays within
/// the smallest padding size (`seal::PAD_BUCKETS`), in any script, so the
/// sealed size says nothing of the language it is in.
const AUTO_REPLY_JSON_BYTES: usize = 3000;

/// Whether `text` may be an automatic reply: at most [`AUTO_REPLY_CHARS`]
/// characters, and small enough to seal at the smallest size.
pub fn auto_reply_fits(text: &str) -> bool {
    let json = serde_json::to_string(text).map_or(usize::MAX, |j| j.len());
    text.chars().count() <= AUTO_REPLY_CHARS && json <= AUTO_REPLY_JSON_BYTES
}

/// `auto_reply`: texts by client language code, blank ones left out, in
/// [`Lang::CLIENT`] order.
fn auto_reply(
    texts: &std::collections::BTreeMap<String, String>,
    key: &dyn Fn(&str) -> String,
) -> Result<Vec<(Lang, String)>, KeyError> {
    for (code, text) in texts {
        if Lang::from_code(code).is_none() {
            return Err((
                key(&format!("auto_reply.{code}")),
                "not a client language: use fi, sv, en, fi-selko, sv-lattlast, ar, fa, ckb, so, uk or ru"
                    .into(),
            ));
        }
        if !auto_reply_fits(text.trim()) {
            return Err((
                key(&format!("auto_reply.{code}")),
                format!("at most {AUTO_REPLY_CHARS} characters"),
            ));
        }
    }
    Ok(Lang::CLIENT
        .into_iter()
        .filter_map(|l| {
            let text = texts.get(l.code())?.trim();
            (!text.is_empty()).then(|| (l, text.to_owned()))
        })
        .collect())
}

/// A service's slug: 1–40 of a-z, 0-9 and -.
pub fn is_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 40
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// `retention_days` and `closed_retention_days`: 1 to 3650 days each, a
/// closed case kept no longer than an open one. Without
/// `closed_retention_days`, the default (30), or `retention_days` if shorter.
pub fn retention_rules(
    days: u32,
    closed: Option<u32>,
    key: &dyn Fn(&str) -> String,
) -> Result<Retention, KeyError> {
    let in_range = |name: &str, n: u32| {
        if (1..=MAX_DAYS).contains(&n) {
            Ok(n)
        } else {
            Err((key(name), format!("expected 1 to {MAX_DAYS} days")))
        }
    };
    let days = in_range("retention_days", days)?;
    let closed_days = match closed {
        Some(n) => in_range("closed_retention_days", n)?,
        None => Retention::default().closed_days.min(days),
    };
    if closed_days > days {
        return Err((
            key("closed_retention_days"),
            format!("a closed case cannot be kept longer than retention_days ({days})"),
        ));
    }
    Ok(Retention { days, closed_days })
}

/// 5–20 digits, with spaces, `+`, `-` and parentheses between them.
pub fn is_phone_number(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    (5..=20).contains(&digits)
        && s.len() <= 32
        && s.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c))
}
