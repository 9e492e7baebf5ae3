//! The languages pages exist in (`lang.rs`), their Fluent bundles under
//! `locales/<code>/`, and the translations of one request's language.
//!
//! A message missing from a language is looked up in the language's
//! fallback (plain Finnish in Finnish, easy Swedish in Swedish, the other
//! client languages in English), then in English, and the first time is
//! logged: never silently. The catalog test in `i18n/catalog.rs` fails CI
//! before that can happen on a client page.

pub mod format;
mod lang;

pub use lang::{Lang, Status};

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Mutex;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, static_loader};

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Right-to-left bundles keep Fluent's isolation marks around each
        // argument, so a code, a number or a Latin service name inside
        // Arabic, Persian or Kurdish text keeps its own direction.
        customise: |bundle| bundle.set_use_isolating(rtl_bundle(&bundle.locales)),
    };
}

fn rtl_bundle(locales: &[LanguageIdentifier]) -> bool {
    locales
        .first()
        .map(|l| l.language.as_str())
        .is_some_and(|l| matches!(l, "ar" | "fa" | "ckb"))
}

/// The files of messages client pages use: every client language has them
/// all (the catalog test checks), the staff-only files are fi, sv and en.
pub const CLIENT_FILES: [&str; 7] = [
    "main.ftl",
    "booking.ftl",
    "chat.ftl",
    "accessibility.ftl",
    "workday-feedback.ftl",
    "workday-handover.ftl",
    "workday-promise.ftl",
];

type Args = HashMap<Cow<'static, str>, FluentValue<'static>>;

/// The message `id` in `lang`, else in its fallback, else in English.
fn lookup(lang: Lang, id: &str, args: Option<&Args>) -> Option<String> {
    if let Ok(text) = LOCALES.lookup_single_language(lang.id(), id, args) {
        return Some(text);
    }
    let found = [lang.fallback(), Lang::En]
        .into_iter()
        .filter(|l| *l != lang)
        .find_map(|l| LOCALES.lookup_single_language(l.id(), id, args).ok());
    if found.is_some() && lang.offered() {
        warn_missing_once(lang, id);
    }
    found
}

/// Translations for one request's language; templates call `t` and `t1`.
#[derive(Debug, Clone, Copy)]
pub struct Tr {
    pub lang: Lang,
}

impl Tr {
    pub fn new(lang: Lang) -> Tr {
        Tr { lang }
    }

    /// The message `id`, or the id itself when it is missing. A missing
    /// message is a mistake of ours: it is logged the first time only, so
    /// the log never becomes a record of when pages were asked for.
    pub fn t(&self, id: &str) -> String {
        lookup(self.lang, id, None).unwrap_or_else(|| {
            warn_missing_once(self.lang, id);
            id.to_owned()
        })
    }

    /// The message `id`, or `fallback` where there is none (for ids made
    /// from data, such as audit actions added after the translations).
    pub fn t_or(&self, id: &str, fallback: &str) -> String {
        lookup(self.lang, id, None).unwrap_or_else(|| fallback.to_owned())
    }

    /// The message `id` with one argument.
    pub fn t1(&self, id: &str, name: &'static str, value: &str) -> String {
        let mut args: Args = HashMap::new();
        args.insert(Cow::Borrowed(name), FluentValue::from(value.to_owned()));
        lookup(self.lang, id, Some(&args)).unwrap_or_else(|| id.to_owned())
    }

    /// The message `id` with a count, for plural forms.
    pub fn tn(&self, id: &str, name: &'static str, count: usize) -> String {
        let mut args: Args = HashMap::new();
        args.insert(Cow::Borrowed(name), FluentValue::from(count));
        lookup(self.lang, id, Some(&args)).unwrap_or_else(|| id.to_owned())
    }

    /// The message `id` with several arguments.
    pub fn ta(&self, id: &str, args: &[(&'static str, &str)]) -> String {
        let args: Args = args
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), FluentValue::from((*v).to_owned())))
            .collect();
        lookup(self.lang, id, Some(&args)).unwrap_or_else(|| id.to_owned())
    }

    /// The message `id` with text arguments and counts: a count goes to
    /// Fluent as a number, so its plural selector picks the right form.
    pub fn tc(
        &self,
        id: &str,
        texts: &[(&'static str, &str)],
        counts: &[(&'static str, i64)],
    ) -> String {
        let mut args: Args = texts
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), FluentValue::from((*v).to_owned())))
            .collect();
        for (k, n) in counts {
            args.insert(Cow::Borrowed(*k), FluentValue::from(*n));
        }
        lookup(self.lang, id, Some(&args)).unwrap_or_else(|| id.to_owned())
    }

    /// Whether `id` exists in this language (for optional names, e.g. topics).
    pub fn has(&self, id: &str) -> bool {
        lookup(self.lang, id, None).is_some()
    }
}

/// The English client messages, with the variables each needs.
static CLIENT_EN: [&str; 7] = [
    include_str!("../locales/en/main.ftl"),
    include_str!("../locales/en/booking.ftl"),
    include_str!("../locales/en/chat.ftl"),
    include_str!("../locales/en/accessibility.ftl"),
    include_str!("../locales/en/workday-feedback.ftl"),
    include_str!("../locales/en/workday-handover.ftl"),
    include_str!("../locales/en/workday-promise.ftl"),
];

/// How many of the client pages' messages `lang` has of its own, and how
/// many there are: what the admins' list of languages shows.
pub fn coverage(lang: Lang) -> (usize, usize) {
    let mut all = 0;
    let mut have = 0;
    let mut current: Option<(&str, String)> = None;
    let mut count = |entry: Option<(&str, String)>| {
        let Some((id, text)) = entry else { return };
        let args: Args = text
            .split('$')
            .skip(1)
            .map(|rest| {
                let end = rest
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
                    .unwrap_or(rest.len());
                (Cow::Owned(rest[..end].to_owned()), FluentValue::from(1))
            })
            .collect();
        all += 1;
        if LOCALES
            .lookup_single_language(lang.id(), id, Some(&args))
            .is_ok()
        {
            have += 1;
        }
    };
    for line in CLIENT_EN.iter().flat_map(|f| f.lines()) {
        let starts = line.chars().next().is_some_and(|c| c.is_ascii_lowercase());
        if starts && let Some((id, value)) = line.split_once(" =") {
            count(current.take());
            current = Some((id.trim(), value.to_owned()));
        } else if line.starts_with([' ', '}']) {
            if let Some((_, text)) = current.as_mut() {
                text.push_str(line);
            }
        } else {
            count(current.take());
        }
    }
    count(current);
    (have, all)
}

fn warn_missing_once(lang: Lang, id: &str) {
    static SEEN: Mutex<Vec<(Lang, String)>> = Mutex::new(Vec::new());
    let mut seen = SEEN.lock().unwrap_or_else(|e| e.into_inner());
    if !seen.iter().any(|(l, i)| *l == lang && i == id) {
        seen.push((lang, id.to_owned()));
        tracing::warn!(lang = lang.code(), message_id = id, "missing translation");
    }
}

#[cfg(test)]
mod catalog;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_languages_load_as_languages_with_a_variant() {
        assert_eq!(Lang::FiSelko.id().to_string(), "fi-selko");
        assert_eq!(Lang::SvLattlast.id().to_string(), "sv-lattlast");
        for lang in Lang::CLIENT {
            let parsed: LanguageIdentifier = lang.code().parse().unwrap();
            assert_eq!(&parsed, lang.id(), "{lang:?}");
        }
    }

    #[test]
    fn the_staff_languages_have_every_client_message_and_a_missing_one_falls_back() {
        for lang in Lang::STAFF {
            let (have, all) = coverage(lang);
            assert!(all > 200 && have == all, "{lang:?}: {have}/{all}");
        }
        for lang in Lang::CLIENT.into_iter().filter(|l| !l.offered()) {
            // Not arrived yet: its pages read in its fallback language.
            let t = Tr::new(lang);
            assert_eq!(
                t.t("check-title"),
                Tr::new(lang.fallback()).t("check-title")
            );
        }
    }

    #[test]
    fn staff_pages_and_fallbacks_keep_to_fi_sv_and_en() {
        assert_eq!(Lang::STAFF.to_vec(), vec![Lang::Fi, Lang::Sv, Lang::En]);
        for lang in Lang::CLIENT {
            assert!(lang.fallback().is_staff());
            assert_eq!(lang.is_rtl(), lang.dir() == "rtl");
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::FiSelko.fallback(), Lang::Fi);
        assert_eq!(Lang::Ckb.fallback(), Lang::En);
    }

    #[test]
    fn accept_language_picks_the_highest_quality_language_we_have() {
        assert_eq!(Lang::negotiate(Some("de, sv;q=0.8, en;q=0.9")), Lang::En);
        assert_eq!(Lang::negotiate(Some("sv-FI")), Lang::Sv);
        assert_eq!(Lang::negotiate(Some("en;q=0, de")), Lang::Fi);
        assert_eq!(Lang::negotiate(None), Lang::Fi);
        // Plain language is chosen from the menu, never for a browser.
        assert_eq!(Lang::negotiate(Some("fi-selko")), Lang::Fi);
        let ar = if Lang::Ar.offered() {
            Lang::Ar
        } else {
            Lang::En
        };
        assert_eq!(Lang::negotiate(Some("ar-IQ, en;q=0.1")), ar);
    }
}
