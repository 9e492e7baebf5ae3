//! The admins' page for the statement's organisation-specific parts: plain
//! text per client language (fi, sv and en for any part given), the date,
//! and the service feedback is sealed to. Every save is audited; every
//! instance reads the new text on its next statement page.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::store::{self, Statement};
use crate::app::AppState;
use crate::config::{PART_MAX, PARTS, PartTexts, check_part, parse_day};
use crate::i18n::{Lang, Tr};
use crate::staff::guard::csrf_forms;
use crate::staff::store as staff_store;
use crate::staff::views::StaffPage;
use crate::staff::{Admin, AdminForm, StaffSession};
use crate::web::{PageError, html};

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Saved {
    saved: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawStatement {
    csrf: String,
    statement_date: String,
    feedback_service: String,
    /// `{part}-{lang}`: each part's text in each client language.
    #[serde(flatten)]
    texts: HashMap<String, String>,
}

csrf_forms!(RawStatement);

/// One language's box of one part.
pub struct LangBox {
    pub name: String,
    pub label: &'static str,
    pub lang: &'static str,
    pub dir: &'static str,
    pub value: String,
}

pub struct PartGroup {
    pub name: &'static str,
    pub legend: String,
    pub error: Option<String>,
    /// fi, sv and en.
    pub staff: Vec<LangBox>,
    /// The other client languages, optional.
    pub others: Vec<LangBox>,
}

pub struct ServiceChoice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "admin_accessibility.html")]
pub struct AdminView {
    pub page: StaffPage,
    pub action: String,
    pub csrf: String,
    pub statement_date: String,
    pub date_error: Option<String>,
    pub services: Vec<ServiceChoice>,
    pub service_error: Option<String>,
    pub parts: Vec<PartGroup>,
    pub part_max: usize,
    pub errors: Vec<(String, String)>,
    pub notice: Option<String>,
}

/// What went wrong with a posted statement: (field id, message id).
type Problems = Vec<(String, &'static str)>;

fn view(
    state: &AppState,
    session: &StaffSession,
    statement: &Statement,
    problems: &Problems,
    notice: Option<&str>,
) -> AdminView {
    let lang = session.lang;
    let t = Tr::new(lang);
    let problem = |field: &str| {
        problems
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, m)| t.t(m))
    };
    let lang_box = |part: &str, texts: &PartTexts, l: Lang| LangBox {
        name: format!("{part}-{}", l.code()),
        label: l.native_name(),
        lang: l.html_lang(),
        dir: l.dir(),
        value: texts.get(l.code()).cloned().unwrap_or_default(),
    };
    let parts = PARTS
        .iter()
        .map(|part| {
            let texts = statement.part(part);
            let (staff, others) = Lang::CLIENT
                .iter()
                .partition::<Vec<Lang>, _>(|l| l.is_staff());
            PartGroup {
                name: part,
                legend: t.t(&format!("a11y-admin-part-{}", part.replace('_', "-"))),
                error: problem(&format!("{part}-fi")),
                staff: staff
                    .into_iter()
                    .map(|l| lang_box(part, &texts, l))
                    .collect(),
                others: others
                    .into_iter()
                    .map(|l| lang_box(part, &texts, l))
                    .collect(),
            }
        })
        .collect();
    let chosen = statement.feedback_service.as_str();
    let services = std::iter::once(ServiceChoice {
        value: String::new(),
        label: t.t("a11y-admin-service-none"),
        selected: chosen.is_empty(),
    })
    .chain(state.services.current().iter().map(|s| ServiceChoice {
        value: s.slug.clone(),
        label: s.name.get(lang).to_owned(),
        selected: s.slug == chosen,
    }))
    .collect();
    AdminView {
        page: StaffPage::titled(
            lang,
            "a11y-admin-title",
            "staff/accessibility",
            Some(session),
        ),
        action: format!("/{}/staff/accessibility", lang.code()),
        csrf: session.csrf.clone(),
        statement_date: statement.statement_date.clone(),
        date_error: problem("statement_date"),
        services,
        service_error: problem("feedback_service"),
        parts,
        part_max: PART_MAX,
        errors: problems
            .iter()
            .map(|(field, m)| (field.clone(), t.t(m)))
            .collect(),
        notice: notice.map(|n| t.t(n)),
    }
}

pub async fn form(
    State(state): State<AppState>,
    Admin(session): Admin,
    Query(q): Query<Saved>,
) -> Result<Response, PageError> {
    let statement = store::load(&state.db).await?;
    let notice = (q.saved == "1").then_some("a11y-admin-saved");
    let view = view(&state, &session, &statement, &vec![], notice);
    Ok(html(StatusCode::OK, &view))
}

/// Line breaks as `\n`, no other control characters, no blank ends.
fn plain(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter(|c| !c.is_control() || *c == '\n')
        .collect::<String>()
        .trim()
        .to_owned()
}

/// The posted form as a statement, and what is wrong with it.
fn parse(state: &AppState, raw: &RawStatement) -> (Statement, Problems) {
    let mut problems = Problems::new();
    let mut statement = Statement {
        statement_date: raw.statement_date.trim().to_owned(),
        feedback_service: raw.feedback_service.trim().to_owned(),
        ..Statement::default()
    };
    if !statement.statement_date.is_empty() && parse_day(&statement.statement_date).is_none() {
        problems.push(("statement_date".into(), "a11y-admin-error-date"));
    }
    let service = &statement.feedback_service;
    if !service.is_empty() && state.services.get(service).is_none() {
        problems.push(("feedback_service".into(), "a11y-admin-error-service"));
    }
    for part in PARTS {
        let texts: PartTexts = Lang::CLIENT
            .iter()
            .filter_map(|l| {
                let text = plain(raw.texts.get(&format!("{part}-{}", l.code()))?);
                (!text.is_empty()).then(|| (l.code().to_owned(), text))
            })
            .collect();
        if check_part(&texts).is_err() {
            problems.push((format!("{part}-fi"), "a11y-admin-error-part"));
        }
        statement.parts.insert(part.to_owned(), texts);
    }
    (statement, problems)
}

pub async fn save(
    State(state): State<AppState>,
    AdminForm { session, form: raw }: AdminForm<RawStatement>,
) -> Result<Response, PageError> {
    let (statement, problems) = parse(&state, &raw);
    if !problems.is_empty() {
        let view = view(&state, &session, &statement, &problems, None);
        return Ok(html(StatusCode::UNPROCESSABLE_ENTITY, &view));
    }
    store::save(&state.db, &statement).await?;
    let by = &session.staff.id;
    staff_store::audit_now(&state.db, by, "accessibility_updated", None, None).await?;
    tracing::info!(staff = %session.staff.id, "accessibility statement updated");
    let to = format!("/{}/staff/accessibility?saved=1", session.lang.code());
    Ok(Redirect::to(&to).into_response())
}
