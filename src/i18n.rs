//! The three languages every page exists in, their Fluent bundles under
//! `locales/`, and the choice of language from a request.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Mutex;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid, static_loader};

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static FI: LanguageIdentifier = langid!("fi");
static SV: LanguageIdentifier = langid!("sv");
static EN: LanguageIdentifier = langid!("en");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Fi,
    Sv,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Fi, Lang::Sv, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fi => "fi",
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "fi" => Some(Lang::Fi),
            "sv" => Some(Lang::Sv),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The name of the language in itself, for the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Fi => "Suomeksi",
            Lang::Sv => "På svenska",
            Lang::En => "In English",
        }
    }

    fn id(self) -> &'static LanguageIdentifier {
        match self {
            Lang::Fi => &FI,
            Lang::Sv => &SV,
            Lang::En => &EN,
        }
    }

    /// The best of our languages for an `Accept-Language` header; Finnish
    /// when the header names none of them.
    pub fn negotiate(accept_language: Option<&str>) -> Lang {
        let mut best: Option<(f32, Lang)> = None;
        for item in accept_language.unwrap_or("").split(',') {
            let mut parts = item.trim().split(';');
            let tag = parts.next().unwrap_or("").trim().to_ascii_lowercase();
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            let primary = tag.split('-').next().unwrap_or("");
            if let Some(lang) = Lang::from_code(primary)
                && q > 0.0
                && best.is_none_or(|(bq, _)| q > bq)
            {
                best = Some((q, lang));
            }
        }
        best.map_or(Lang::Fi, |(_, lang)| lang)
    }
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
        LOCALES.try_lookup(self.lang.id(), id).unwrap_or_else(|| {
            warn_missing_once(self.lang, id);
            id.to_owned()
        })
    }

    /// The message `id`, or `fallback` where there is none (for ids made
    /// from data, such as audit actions added after the translations).
    pub fn t_or(&self, id: &str, fallback: &str) -> String {
        LOCALES
            .try_lookup(self.lang.id(), id)
            .unwrap_or_else(|| fallback.to_owned())
    }

    /// The message `id` with one argument.
    pub fn t1(&self, id: &str, name: &'static str, value: &str) -> String {
        let mut args: HashMap<Cow<'static, str>, FluentValue> = HashMap::new();
        args.insert(Cow::Borrowed(name), FluentValue::from(value.to_owned()));
        LOCALES
            .try_lookup_with_args(self.lang.id(), id, &args)
            .unwrap_or_else(|| id.to_owned())
    }

    /// The message `id` with a count, for plural forms.
    pub fn tn(&self, id: &str, name: &'static str, count: usize) -> String {
        let mut args: HashMap<Cow<'static, str>, FluentValue> = HashMap::new();
        args.insert(Cow::Borrowed(name), FluentValue::from(count));
        LOCALES
            .try_lookup_with_args(self.lang.id(), id, &args)
            .unwrap_or_else(|| id.to_owned())
    }

    /// The message `id` with several arguments.
    pub fn ta(&self, id: &str, args: &[(&'static str, &str)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), FluentValue::from((*v).to_owned())))
            .collect();
        LOCALES
            .try_lookup_with_args(self.lang.id(), id, &args)
            .unwrap_or_else(|| id.to_owned())
    }

    /// The message `id` with text arguments and counts: a count goes to
    /// Fluent as a number, so its plural selector picks the right form.
    pub fn tc(
        &self,
        id: &str,
        texts: &[(&'static str, &str)],
        counts: &[(&'static str, i64)],
    ) -> String {
        let mut args: HashMap<Cow<'static, str>, FluentValue> = texts
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), FluentValue::from((*v).to_owned())))
            .collect();
        for (k, n) in counts {
            args.insert(Cow::Borrowed(*k), FluentValue::from(*n));
        }
        LOCALES
            .try_lookup_with_args(self.lang.id(), id, &args)
            .unwrap_or_else(|| id.to_owned())
    }

    /// Whether `id` exists in this language (for optional names, e.g. topics).
    pub fn has(&self, id: &str) -> bool {
        LOCALES.try_lookup(self.lang.id(), id).is_some()
    }
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
    fn accept_language_picks_the_highest_quality_language_we_have() {
        assert_eq!(Lang::negotiate(Some("de, sv;q=0.8, en;q=0.9")), Lang::En);
        assert_eq!(Lang::negotiate(Some("sv-FI")), Lang::Sv);
        assert_eq!(Lang::negotiate(Some("en;q=0, de")), Lang::Fi);
        assert_eq!(Lang::negotiate(None), Lang::Fi);
    }
}
