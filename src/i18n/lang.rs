//! The languages of the pages: which exist, what each is called in
//! itself, which way it is written, how far its translation has come, and
//! the choice of one from an `Accept-Language` header.
//!
//! Client pages exist in every language of [`Lang::CLIENT`]; staff pages
//! only in [`Lang::STAFF`] (fi, sv, en). Plain Finnish (selkosuomi) and
//! easy Swedish (lättläst svenska) are languages of their own in the menu
//! and the path, with their own Fluent bundles (`locales/fi-selko`,
//! `locales/sv-lattlast`: a language with a variant subtag), but their
//! pages are marked `lang="fi"` and `lang="sv"`.

use std::sync::LazyLock;

use fluent_templates::{LanguageIdentifier, langid};

static FI: LanguageIdentifier = langid!("fi");
static SV: LanguageIdentifier = langid!("sv");
static EN: LanguageIdentifier = langid!("en");
// A variant subtag is kept in a box: these two are made on first use.
static FI_SELKO: LazyLock<LanguageIdentifier> = LazyLock::new(|| langid!("fi-selko"));
static SV_LATTLAST: LazyLock<LanguageIdentifier> = LazyLock::new(|| langid!("sv-lattlast"));
static AR: LanguageIdentifier = langid!("ar");
static FA: LanguageIdentifier = langid!("fa");
static CKB: LanguageIdentifier = langid!("ckb");
static SO: LanguageIdentifier = langid!("so");
static UK: LanguageIdentifier = langid!("uk");
static RU: LanguageIdentifier = langid!("ru");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Fi,
    Sv,
    En,
    /// Selkosuomi: plain Finnish.
    FiSelko,
    /// Lättläst svenska: easy Swedish.
    SvLattlast,
    Ar,
    /// Persian, written so that Dari readers understand it.
    Fa,
    /// Central Kurdish (Sorani).
    Ckb,
    So,
    Uk,
    Ru,
}

/// How far a locale's translation has come, as admins see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Written or checked by a native speaker.
    Reviewed,
    /// Complete, but needs review by a native speaker.
    Draft,
    /// No translation yet: its pages show the fallback language's text,
    /// and it is not offered in the menu or chosen for a browser.
    Missing,
}

impl Status {
    /// The message id that names the status on the admins' page.
    pub fn message_id(self) -> &'static str {
        match self {
            Status::Reviewed => "languages-status-reviewed",
            Status::Draft => "languages-status-draft",
            Status::Missing => "languages-status-missing",
        }
    }
}

impl Lang {
    /// Every language a client page exists in, in the menu's order.
    pub const CLIENT: [Lang; 11] = [
        Lang::Fi,
        Lang::FiSelko,
        Lang::Sv,
        Lang::SvLattlast,
        Lang::En,
        Lang::Ar,
        Lang::Fa,
        Lang::Ckb,
        Lang::So,
        Lang::Uk,
        Lang::Ru,
    ];

    /// The languages staff pages (and the e-mails to staff) exist in.
    pub const STAFF: [Lang; 3] = [Lang::Fi, Lang::Sv, Lang::En];

    /// The languages a service may answer in: every client language but
    /// plain Finnish and easy Swedish, which a Finnish or Swedish answer
    /// serves ([`Lang::base`]).
    pub const SPOKEN: [Lang; 9] = [
        Lang::Fi,
        Lang::Sv,
        Lang::En,
        Lang::Ar,
        Lang::Fa,
        Lang::Ckb,
        Lang::So,
        Lang::Uk,
        Lang::Ru,
    ];

    /// The client languages an admin may give a service's name and
    /// description in besides fi, sv and en (which are required).
    pub const TRANSLATED: [Lang; 8] = [
        Lang::FiSelko,
        Lang::SvLattlast,
        Lang::Ar,
        Lang::Fa,
        Lang::Ckb,
        Lang::So,
        Lang::Uk,
        Lang::Ru,
    ];

    /// The path segment and the name of its directory under `locales/`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fi => "fi",
            Lang::Sv => "sv",
            Lang::En => "en",
            Lang::FiSelko => "fi-selko",
            Lang::SvLattlast => "sv-lattlast",
            Lang::Ar => "ar",
            Lang::Fa => "fa",
            Lang::Ckb => "ckb",
            Lang::So => "so",
            Lang::Uk => "uk",
            Lang::Ru => "ru",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::CLIENT.into_iter().find(|l| l.code() == code)
    }

    /// The `lang` attribute of its pages: plain language is still Finnish
    /// or Swedish to a screen reader or a hyphenator.
    pub fn html_lang(self) -> &'static str {
        match self {
            Lang::FiSelko => "fi",
            Lang::SvLattlast => "sv",
            other => other.code(),
        }
    }

    pub fn is_rtl(self) -> bool {
        matches!(self, Lang::Ar | Lang::Fa | Lang::Ckb)
    }

    /// The `dir` attribute of its pages.
    pub fn dir(self) -> &'static str {
        if self.is_rtl() { "rtl" } else { "ltr" }
    }

    /// Whether staff pages exist in it.
    pub fn is_staff(self) -> bool {
        Lang::STAFF.contains(&self)
    }

    /// The staff language closest to it: its own base language for plain
    /// Finnish and easy Swedish, English for the others. Texts that exist
    /// only in the staff languages (service names written by admins) are
    /// shown in it, and a staff page asked for in a client-only language
    /// is sent to it.
    pub fn fallback(self) -> Lang {
        match self {
            Lang::Fi | Lang::FiSelko => Lang::Fi,
            Lang::Sv | Lang::SvLattlast => Lang::Sv,
            _ => Lang::En,
        }
    }

    /// The spoken language behind it: Finnish for plain Finnish, Swedish
    /// for easy Swedish, itself otherwise. What "answers in" compares.
    pub fn base(self) -> Lang {
        match self {
            Lang::FiSelko => Lang::Fi,
            Lang::SvLattlast => Lang::Sv,
            other => other,
        }
    }

    /// The name of the language in itself, for the language menu.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Fi => "Suomeksi",
            Lang::Sv => "På svenska",
            Lang::En => "In English",
            Lang::FiSelko => "Selkosuomi",
            Lang::SvLattlast => "Lättläst svenska",
            Lang::Ar => "العربية",
            Lang::Fa => "فارسی",
            Lang::Ckb => "کوردی (سۆرانی)",
            Lang::So => "Soomaali",
            Lang::Uk => "Українська",
            Lang::Ru => "Русский",
        }
    }

    /// How far its translation has come. A volunteer who has reviewed a
    /// locale changes its line here (TRANSLATING.md); a locale directory
    /// merged for the first time turns `Missing` into `Draft` (the catalog
    /// test `every_locale_directory_matches_its_status` insists).
    pub fn status(self) -> Status {
        match self {
            Lang::Fi | Lang::Sv | Lang::En => Status::Reviewed,
            Lang::FiSelko
            | Lang::SvLattlast
            | Lang::Ar
            | Lang::Fa
            | Lang::Ckb
            | Lang::So
            | Lang::Uk
            | Lang::Ru => Status::Draft,
        }
    }

    /// Whether it is offered: in the language menu, and to browsers.
    pub fn offered(self) -> bool {
        self.status() != Status::Missing
    }

    pub(super) fn id(self) -> &'static LanguageIdentifier {
        match self {
            Lang::Fi => &FI,
            Lang::Sv => &SV,
            Lang::En => &EN,
            Lang::FiSelko => &FI_SELKO,
            Lang::SvLattlast => &SV_LATTLAST,
            Lang::Ar => &AR,
            Lang::Fa => &FA,
            Lang::Ckb => &CKB,
            Lang::So => &SO,
            Lang::Uk => &UK,
            Lang::Ru => &RU,
        }
    }

    /// The best offered language for an `Accept-Language` header; Finnish
    /// when the header names none of them. A browser asks for a language
    /// (`ar-SY`, `fa-AF`); plain language is never chosen for it, only
    /// from the menu, since no browser tag says "plain Finnish".
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
            // Dari (prs) is read in the Persian pages.
            let primary = if primary == "prs" { "fa" } else { primary };
            if let Some(lang) = Lang::from_code(primary)
                && lang.offered()
                && q > 0.0
                && best.is_none_or(|(bq, _)| q > bq)
            {
                best = Some((q, lang));
            }
        }
        best.map_or(Lang::Fi, |(_, lang)| lang)
    }
}
