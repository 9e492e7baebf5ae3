//! The promise's part of the service form: the working days a service
//! promises to answer in, and its automatic first reply in each client
//! language (`auto_reply_<code>` fields of [`Draft::more`]).

use std::collections::BTreeMap;

use crate::config::{AUTO_REPLY_CHARS, MAX_ANSWER_DAYS, Service};
use crate::i18n::{Lang, Tr};
use crate::services::draft::{Draft, Problem};
use crate::services::views::{Field, language_label};

/// The automatic reply's field of each of [`Lang::CLIENT`], in that order.
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
    Lang::CLIENT.into_iter().zip(AUTO_REPLY_FIELDS)
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

/// The automatic reply's texts as typed, blank ones left out.
pub fn parse_auto_reply(d: &Draft, problems: &mut Vec<Problem>) -> Vec<(Lang, String)> {
    let mut out = vec![];
    for (lang, field) in fields() {
        let text = d.more(field).trim();
        if text.chars().count() > AUTO_REPLY_CHARS {
            problems.push(Problem {
                field,
                message: "promise-error-auto-reply",
            });
        } else if !text.is_empty() {
            out.push((lang, text.to_owned()));
        }
    }
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
        let mut f = Field::new(t, problems, field, d.more(field).to_owned(), (4, 2000));
        f.label = t.t1(
            "promise-field-auto-reply-in",
            "language",
            &language_label(t, lang),
        );
        f.hint = None;
        f.text_lang = Some(lang.html_lang());
        f.dir = Some(lang.dir());
        out.push(f);
    }
    out
}
