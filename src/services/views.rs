//! The service pages' views.

use askama::Template;

use super::draft::{Draft, Problem};
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
        let name = s.name.get(t.lang).to_owned();
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
}

impl Field {
    /// The field `name` holding `value`, `(rows, max)` big, with its label,
    /// hint and problem (if any) in `t`'s language.
    fn new(
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
                t.t1("services-edit-title", "name", s.name.get(lang)),
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
        }
    }
}
