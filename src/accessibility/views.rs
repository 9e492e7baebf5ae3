//! Page models of the statement and the admins' form. Admin-written parts
//! are plain text, escaped by askama; a part missing in the page's
//! language is shown in its fallback language, marked with that `lang`.

use askama::Template;

use super::feedback::{SCOPE, Typed, feedback_service};
use super::store::Statement;
use crate::app::AppState;
use crate::config::{Localized, PartTexts};
use crate::i18n::{Lang, Tr};
use crate::intake::now_secs;
use crate::intake::views::show_day;
use crate::web::Page;

/// An admin's text as a page shows it, with the `lang` it needs when it is
/// not in the page's own language.
pub struct Shown {
    pub text: String,
    pub lang: Option<&'static str>,
}

/// The text of `texts` for a page in `lang`: its own, else its fallback's.
pub fn shown(texts: &PartTexts, lang: Lang) -> Option<Shown> {
    let own = |code: &str| texts.get(code).filter(|t| !t.trim().is_empty());
    if let Some(text) = own(lang.code()) {
        return Some(Shown {
            text: text.clone(),
            lang: None,
        });
    }
    let fallback = lang.fallback();
    own(fallback.code()).map(|text| Shown {
        text: text.clone(),
        lang: Localized::lang_mark(lang),
    })
}

/// The feedback form, when the statement names a service.
pub struct FeedbackForm {
    pub action: String,
    pub token: String,
    pub message: String,
    pub message_max: usize,
    pub error: Option<String>,
    pub notice: Option<String>,
}

#[derive(Template)]
#[template(path = "accessibility.html")]
pub struct StatementView {
    pub page: Page,
    pub organisation: Option<Shown>,
    pub statement_date: Option<String>,
    pub answers: Option<Shown>,
    /// The admins' reply time, or none: the page's own words for 14 days.
    pub reply_time: Option<Shown>,
    pub contact: Option<Shown>,
    /// The admins' text about the authority, or none: the default.
    pub authority: Option<Shown>,
    pub form: Option<FeedbackForm>,
    pub check_href: String,
}

impl StatementView {
    pub fn new(state: &AppState, lang: Lang, stored: &Statement, typed: Typed) -> StatementView {
        let t = Tr::new(lang);
        let mut page = Page::new(lang, "a11y-title", "accessibility");
        if typed.error.is_some() || typed.notice.is_some() {
            let title = t.t1("title-with-error", "title", &page.title);
            page = page.with_title(title);
        }
        let part = |name: &str| shown(&stored.part(name), lang);
        let form = feedback_service(state, stored).map(|_| FeedbackForm {
            action: format!("/{}/accessibility", lang.code()),
            token: state.form_key.issue(SCOPE, now_secs()),
            message: typed.message.clone(),
            message_max: crate::intake::form::MESSAGE_MAX,
            error: typed.error.map(|e| t.t(e)),
            notice: typed.notice.map(|n| t.t(n)),
        });
        StatementView {
            organisation: part("organisation"),
            statement_date: (!stored.statement_date.is_empty())
                .then(|| show_day(lang, &stored.statement_date)),
            answers: part("answers"),
            reply_time: part("reply_time"),
            contact: part("contact"),
            authority: part("authority"),
            form,
            check_href: format!("/{}/check", lang.code()),
            page,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_missing_in_a_language_is_shown_in_its_fallback_marked() {
        let texts: PartTexts = [
            ("fi", "Yhdistys"),
            ("sv", "Föreningen"),
            ("en", "The society"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
        let en = shown(&texts, Lang::En).unwrap();
        assert_eq!((en.text.as_str(), en.lang), ("The society", None));
        let ar = shown(&texts, Lang::Ar).unwrap();
        assert_eq!((ar.text.as_str(), ar.lang), ("The society", Some("en")));
        // Plain Finnish reads the Finnish text, which needs no mark.
        let selko = shown(&texts, Lang::FiSelko).unwrap();
        assert_eq!((selko.text.as_str(), selko.lang), ("Yhdistys", None));
        assert!(shown(&PartTexts::new(), Lang::Fi).is_none());
    }
}
