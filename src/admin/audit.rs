//! The audit log page: what staff did and when, newest first, filtered by
//! person, action, service and day. Admins only. It holds ids we minted and
//! staff actions, never anything about a client.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::views::{AuditRow, AuditView};
use crate::app::AppState;
use crate::i18n::Tr;
use crate::queue::views::Filter as Choice;
use crate::staff::Admin;
use crate::staff::store::{self, AuditEntry, AuditFilter};
use crate::staff::views::StaffPage;
use crate::web::{PageError, html};

/// Entries shown per page.
const PAGE: usize = 100;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawFilter {
    staff: String,
    action: String,
    service: String,
    from: String,
    to: String,
    before: String,
}

/// A day typed as YYYY-MM-DD: its first second (UTC), or the error to show.
fn day_start(text: &str) -> Result<Option<i64>, ()> {
    if text.is_empty() {
        return Ok(None);
    }
    let date: jiff::civil::Date = text.parse().map_err(|_| ())?;
    let at = date
        .to_zoned(jiff::tz::TimeZone::UTC)
        .map_err(|_| ())?
        .timestamp()
        .as_second();
    Ok(Some(at))
}

/// What to fix in a filter: (field id, message).
type FilterErrors = Vec<(&'static str, String)>;

/// The filter the query asks for, and what to fix in it.
fn parse<'a>(raw: &'a RawFilter, t: &Tr) -> (AuditFilter<'a>, FilterErrors) {
    let mut errors = vec![];
    let from = day_start(&raw.from).unwrap_or_else(|()| {
        errors.push(("from", t.t("audit-error-from")));
        None
    });
    let to = day_start(&raw.to).unwrap_or_else(|()| {
        errors.push(("to", t.t("audit-error-to")));
        None
    });
    let filter = AuditFilter {
        staff_id: (!raw.staff.is_empty()).then_some(raw.staff.as_str()),
        action: (!raw.action.is_empty()).then_some(raw.action.as_str()),
        service: (!raw.service.is_empty()).then_some(raw.service.as_str()),
        from,
        // Up to the end of the day typed.
        to: to.map(|at| at + 86_400),
        before: raw
            .before
            .split_once('.')
            .and_then(|(at, id)| Some((at.parse().ok()?, id))),
        limit: PAGE + 1,
    };
    (filter, errors)
}

pub async fn page(
    State(state): State<AppState>,
    Admin(session): Admin,
    Query(raw): Query<RawFilter>,
) -> Result<Response, PageError> {
    let lang = session.lang;
    let t = Tr::new(lang);
    let (filter, errors) = parse(&raw, &t);
    let mut entries = if errors.is_empty() {
        store::audit_entries(&state.db, &filter).await?
    } else {
        vec![]
    };
    let people = store::all(&state.db).await?;
    let actions = store::audit_actions(&state.db).await?;
    let older = (entries.len() > PAGE).then(|| {
        entries.truncate(PAGE);
        let last = entries
            .last()
            .map_or(String::new(), |e| format!("{}.{}", e.at, e.id));
        older_link(lang.code(), &raw, &last)
    });
    let services = state.services.current();
    let view = AuditView {
        page: StaffPage::titled(lang, "audit-title", "staff/audit", Some(&session)),
        people: people
            .iter()
            .map(|p| choice(&p.id, p.username.clone(), &raw.staff))
            .collect(),
        actions: actions
            .iter()
            .map(|a| choice(a, action_label(&t, a), &raw.action))
            .collect(),
        services: services
            .iter()
            .map(|s| choice(&s.slug, s.name_in(lang).to_owned(), &raw.service))
            .collect(),
        from: raw.from.clone(),
        to: raw.to.clone(),
        rows: entries.iter().map(|e| row(&t, e)).collect(),
        older,
        errors,
    };
    let status = if view.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(html(status, &view))
}

fn choice(value: &str, label: String, selected: &str) -> Choice {
    Choice {
        selected: value == selected,
        value: value.to_owned(),
        label,
    }
}

/// An action's name in the page's language, or its code when it has none.
fn action_label(t: &Tr, code: &str) -> String {
    t.t_or(&format!("audit-action-{}", code.replace('_', "-")), code)
}

fn row(t: &Tr, e: &AuditEntry) -> AuditRow {
    AuditRow {
        at: jiff::Timestamp::from_second(e.at)
            .map(|ts| ts.strftime("%Y-%m-%d %H:%M").to_string())
            .unwrap_or_default(),
        who: e.username.clone().unwrap_or_else(|| e.staff_id.clone()),
        action: match &e.subject {
            Some(subject) => format!("{}: {subject}", action_label(t, &e.action)),
            None => action_label(t, &e.action),
        },
        service: e.service.clone().unwrap_or_default(),
        case_id: e.case_id.clone().unwrap_or_default(),
    }
}

/// The same filters, one page further back.
fn older_link(lang: &str, raw: &RawFilter, before: &str) -> String {
    let mut query = vec![];
    for (name, value) in [
        ("staff", &raw.staff),
        ("action", &raw.action),
        ("service", &raw.service),
        ("from", &raw.from),
        ("to", &raw.to),
    ] {
        if !value.is_empty() {
            query.push(format!("{name}={}", crate::web::percent(value)));
        }
    }
    query.push(format!("before={before}"));
    format!("/{lang}/staff/audit?{}", query.join("&"))
}
