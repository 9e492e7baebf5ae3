//! The promise's part of the service form: the working days a service
//! promises to answer in, and its automatic first reply in each client
//! language (`auto_reply_<code>` fields of [`Draft::more`]).

use std::collections::BTreeMap;

use crate::config::{AUTO_REPLY_CHARS, MAX_ANSWER_DAYS, Service};
use crate::i18n::{Lang, Tr};
use crate::services::draft::{Draft, Problem};
use crate::services::views::{Field, language_label};

/// The client languages in the form's order: the staff languages first.
const FORM_ORDER: [Lang; 11] = [
    Lang::Fi,
    Lang::Sv,
    Lang::En,
    Lang::FiSelko,
    Lang::SvLattlast,
    Lang::Ar,
    Lang::Fa,
    Lang::Ckb,
    Lang::So,
    Lang::Uk,
    Lang::Ru,
];

/// The automatic reply's field of each language of `FORM_ORDER`.
pub const AUTO_REPLY_FIELDS: [&str; 11] = [
    "auto_reply_fi",
    "auto_reply_sv",
    "auto_reply_en",
    "auto_reply_fi-selko",
    "auto_reply_sv-lattlast",
    "auto_reply_ar",
    "auto_reply_fa",
    "auto_reply_ckb",
    "auto_reply_so",
    "auto_reply_uk",
    "auto_reply_ru",
];

fn fields() -> impl Iterator<Item = (Lang, &'static str)> {
    FORM_ORDER.into_iter().zip(AUTO_REPLY_FIELDS)
}

/// `answer_days`: empty for no promise, else 1 to [`MAX_ANSWER_DAYS`].
pub fn parse_answer_days(text: &str, problems: &mut Vec<Problem>) -> Option<u32> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let n = text
        .parse::<u32>()
        .ok()
        .filter(|n| (1..=MAX_ANSWER_DAYS).contains(n));
    if n.is_none() {
        problems.push(Problem {
            field: "answer_days",
            message: "promise-error-answer-days",
        });
    }
    n
}

/// The automatic reply's texts as typed, blank ones left out, in
/// [`Lang::CLIENT`] order (as stored and read back).
pub fn parse_auto_reply(d: &Draft, problems: &mut Vec<Problem>) -> Vec<(Lang, String)> {
    let mut out = vec![];
    for (lang, field) in fields() {
        let text = d.more(field).trim();
        if !crate::config::auto_reply_fits(text) {
            problems.push(Problem {
                field,
                message: "promise-error-auto-reply",
            });
        } else if !text.is_empty() {
            out.push((lang, text.to_owned()));
        }
    }
    out.sort_by_key(|(l, _)| Lang::CLIENT.iter().position(|c| c == l));
    out
}

/// The `more` fields of a stored service's automatic reply.
pub fn more_of(s: &Service, more: &mut BTreeMap<String, String>) {
    for (lang, field) in fields() {
        if let Some((_, text)) = s.auto_reply.iter().find(|(l, _)| *l == lang) {
            more.insert(field.to_owned(), text.clone());
        }
    }
}

/// The form's fields: the days, then a text area for each language.
pub fn form_fields(t: &Tr, problems: &[Problem], d: &Draft) -> Vec<Field> {
    let mut out = vec![Field::new(
        t,
        problems,
        "answer_days",
        d.answer_days.clone(),
        (0, 3),
    )];
    for (lang, field) in fields() {
        out.push(Field {
            name: field,
            label: t.t1(
                "promise-field-auto-reply-in",
                "language",
                &language_label(t, lang),
            ),
            hint: None,
            value: d.more(field).to_owned(),
            error: problems
                .iter()
                .find(|p| p.field == field)
                .map(|p| p.text(t.lang)),
            rows: 4,
            max: AUTO_REPLY_CHARS,
            text_lang: Some(lang.html_lang()),
            dir: Some(lang.dir()),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_field_is_named_after_its_language_and_every_client_language_has_one() {
        for (lang, field) in fields() {
            assert_eq!(field, format!("auto_reply_{}", lang.code()));
        }
        for lang in Lang::CLIENT {
            assert!(FORM_ORDER.contains(&lang), "{lang:?}");
        }
    }

    #[test]
    fn replies_typed_come_back_in_stored_order_and_a_long_one_is_refused() {
        let mut d = Draft::blank();
        d.more.insert("auto_reply_en".into(), " Thanks. ".into());
        d.more
            .insert("auto_reply_fi-selko".into(), "Kiitos.".into());
        d.more
            .insert("auto_reply_ar".into(), "x".repeat(AUTO_REPLY_CHARS + 1));
        let mut problems = vec![];
        let replies = parse_auto_reply(&d, &mut problems);
        assert_eq!(
            replies,
            [
                (Lang::FiSelko, "Kiitos.".to_owned()),
                (Lang::En, "Thanks.".to_owned())
            ]
        );
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, "auto_reply_ar");
        assert_eq!(parse_answer_days(" 5 ", &mut problems), Some(5));
        assert_eq!(parse_answer_days("", &mut problems), None);
        assert_eq!(parse_answer_days("61", &mut problems), None);
        assert_eq!(problems.len(), 2);
    }
}
