//! The service pages' views.

use askama::Template;

use super::draft::{ANSWER_FIELDS, DESCRIPTION_FIELDS, Draft, NAME_FIELDS, Problem};
use crate::config::Service;
use crate::i18n::{Lang, Tr};
use crate::staff::StaffSession;
use crate::staff::views::StaffPage;

/// One service in the list.
pub struct Row {
    pub slug: String,
    pub name: String,
    pub retired: bool,
    pub recipients: String,
    pub retention: String,
    /// "Edit Support line": each link and button names its service.
    pub edit_label: String,
    pub retire_label: String,
}

impl Row {
    pub fn new(t: &Tr, s: &Service) -> Row {
        let name = s.name_in(t.lang).to_owned();
        let retire_id = if s.retired {
            "services-restore"
        } else {
            "services-retire"
        };
        Row {
            slug: s.slug.clone(),
            recipients: t.tn("services-recipient-count", "count", s.recipients.len()),
            retention: t.tc(
                "services-retention-summary",
                &[],
                &[
                    ("days", i64::from(s.retention.days)),
                    ("closed", i64::from(s.retention.closed_days)),
                ],
            ),
            edit_label: t.t1("services-edit", "name", &name),
            retire_label: t.t1(retire_id, "name", &name),
            retired: s.retired,
            name,
        }
    }
}

/// A client language as the admins' list shows it: its name in itself,
/// its path segment, how far its translation has come.
pub struct LanguageRow {
    pub name: &'static str,
    pub html_lang: &'static str,
    pub dir: &'static str,
    pub code: &'static str,
    pub status: String,
    pub coverage: String,
}

impl LanguageRow {
    pub fn all(t: &Tr) -> Vec<LanguageRow> {
        Lang::CLIENT
            .into_iter()
            .map(|l| {
                let (have, all) = crate::i18n::coverage(l);
                LanguageRow {
                    name: l.native_name(),
                    html_lang: l.html_lang(),
                    dir: l.dir(),
                    code: l.code(),
                    status: t.t(l.status().message_id()),
                    coverage: t.ta(
                        "languages-coverage",
                        &[("have", &have.to_string()), ("all", &all.to_string())],
                    ),
                }
            })
            .collect()
    }
}

#[derive(Template)]
#[template(path = "admin_services.html")]
pub struct ListView {
    pub page: StaffPage,
    pub csrf: String,
    pub rows: Vec<Row>,
    pub notice: Option<String>,
    pub languages: Vec<LanguageRow>,
}

/// One field of the service form.
pub struct Field {
    pub name: &'static str,
    pub label: String,
    pub hint: Option<String>,
    pub value: String,
    pub error: Option<String>,
    /// A text area of this many rows; 0: one line.
    pub rows: usize,
    pub max: usize,
    /// The `lang` of what is typed in it, for a field in one language.
    pub text_lang: Option<&'static str>,
    /// Its `dir`, for a field in a right-to-left language.
    pub dir: Option<&'static str>,
}

/// A box of a language the service answers in.
pub struct AnswerBox {
    pub name: &'static str,
    pub label: String,
    pub checked: bool,
}

/// A language's name in the staff page's language, with its name in
/// itself for the languages staff pages are not in: "Arabic (العربية)".
pub fn language_label(t: &Tr, lang: Lang) -> String {
    let name = t.t(&format!("language-name-{}", lang.code()));
    if lang.is_staff() {
        name
    } else {
        format!("{name} (\u{2068}{}\u{2069})", lang.native_name())
    }
}

impl Field {
    /// The field `name` holding `value`, `(rows, max)` big, with its label,
    /// hint and problem (if any) in `t`'s language.
    pub(crate) fn new(
        t: &Tr,
        problems: &[Problem],
        name: &'static str,
        value: String,
        (rows, max): (usize, usize),
    ) -> Field {
        let id = name.replace('_', "-");
        let hint = format!("services-hint-{id}");
        Field {
            label: t.t(&format!("services-field-{id}")),
            hint: t.has(&hint).then(|| t.t(&hint)),
            error: problems
                .iter()
                .find(|p| p.field == name)
                .map(|p| p.text(t.lang)),
            text_lang: ["_fi", "_sv", "_en"]
                .iter()
                .find(|suffix| name.ends_with(*suffix))
                .and_then(|suffix| Lang::from_code(&suffix[1..]))
                .map(Lang::code),
            dir: None,
            name,
            value,
            rows,
            max,
        }
    }
}

#[derive(Template)]
#[template(path = "admin_service_form.html")]
pub struct FormView {
    pub page: StaffPage,
    pub csrf: String,
    pub action: String,
    /// Editing: the fixed slug; creating: none (the slug is a field).
    pub fixed_slug: Option<String>,
    pub fields: Vec<Field>,
    /// Every problem, for the summary at the top, with its field's id.
    pub errors: Vec<(String, &'static str)>,
    /// The name and description in the other client languages (optional).
    pub translations: Vec<Field>,
    pub answers: Vec<AnswerBox>,
    /// The promised answer time and the automatic reply.
    pub promise: Vec<Field>,
}

/// The optional name and description fields of each other client language.
fn translation_fields(t: &Tr, problems: &[Problem], d: &Draft) -> Vec<Field> {
    let fields = NAME_FIELDS.into_iter().zip(DESCRIPTION_FIELDS);
    let mut out = vec![];
    for (lang, (name, description)) in Lang::TRANSLATED.into_iter().zip(fields) {
        let language = language_label(t, lang);
        for (field, label, size) in [
            (name, "services-field-name-in", (0, 120)),
            (description, "services-field-description-in", (4, 2000)),
        ] {
            let mut f = Field::new(t, problems, field, d.more(field).to_owned(), size);
            f.label = t.t1(label, "language", &language);
            f.hint = None;
            f.text_lang = Some(lang.html_lang());
            f.dir = Some(lang.dir());
            out.push(f);
        }
    }
    out
}

fn answer_boxes(t: &Tr, d: &Draft) -> Vec<AnswerBox> {
    Lang::SPOKEN
        .into_iter()
        .zip(ANSWER_FIELDS)
        .map(|(lang, name)| AnswerBox {
            name,
            label: language_label(t, lang),
            checked: d.more(name) == "yes",
        })
        .collect()
}

impl FormView {
    pub fn new(
        session: &StaffSession,
        editing: Option<&Service>,
        d: Draft,
        problems: &[Problem],
    ) -> FormView {
        let lang = session.lang;
        let t = Tr::new(lang);
        let (title, rest, action) = match editing {
            Some(s) => (
                t.t1("services-edit-title", "name", s.name_in(lang)),
                format!("staff/services/{}", s.slug),
                format!("/{}/staff/services/{}", lang.code(), s.slug),
            ),
            None => (
                t.t("services-new-title"),
                "staff/services/new".to_owned(),
                format!("/{}/staff/services/new", lang.code()),
            ),
        };
        let mut page = StaffPage::new(lang, title, &rest, Some(session));
        if !problems.is_empty() {
            page.title = t.t1("title-with-error", "title", &page.title);
        }
        let translations = translation_fields(&t, problems, &d);
        let answers = answer_boxes(&t, &d);
        let promise = crate::promise::form::form_fields(&t, problems, &d);
        let field = |name, value, rows, max| Field::new(&t, problems, name, value, (rows, max));
        let mut fields = vec![];
        if editing.is_none() {
            fields.push(field("slug", d.slug, 0, 40));
        }
        fields.extend([
            field("name_fi", d.name_fi, 0, 120),
            field("name_sv", d.name_sv, 0, 120),
            field("name_en", d.name_en, 0, 120),
            field("description_fi", d.description_fi, 4, 2000),
            field("description_sv", d.description_sv, 4, 2000),
            field("description_en", d.description_en, 4, 2000),
            field("topics", d.topics, 6, 4000),
            field("time_zone", d.time_zone, 0, 64),
            field("retention_days", d.retention_days, 0, 5),
            field("closed_retention_days", d.closed_retention_days, 0, 5),
            field("phone", d.phone, 0, 32),
            field("recipients", d.recipients, 6, 16000),
        ]);
        FormView {
            page,
            csrf: session.csrf.clone(),
            action,
            fixed_slug: editing.map(|s| s.slug.clone()),
            errors: problems.iter().map(|p| (p.text(lang), p.field)).collect(),
            fields,
            translations,
            answers,
            promise,
        }
    }
}
