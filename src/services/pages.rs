//! The admins' service pages: the list, a form to create a service, a form
//! to edit one (its slug is fixed once made), and retiring one. Every
//! change is audited, seen by this instance at once and by the others within
//! the reload interval. A change of recipients starts a rotation job that
//! reseals the service's earlier items to the new set, with the keys in hand
//! here (as taking a member out of a service does).

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use super::draft::{Draft, Problem};
use super::store;
use super::views::{FormView, ListView, Row};
use crate::app::AppState;
use crate::config::Service;
use crate::i18n::{Lang, Tr};
use crate::staff::guard::csrf_forms;
use crate::staff::store as staff_store;
use crate::staff::views::StaffPage;
use crate::staff::{Admin, AdminForm, StaffSession};
use crate::web::{PageError, html};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/{lang}/staff/services", get(list))
        .route("/{lang}/staff/services/new", get(new_form).post(create))
        .route("/{lang}/staff/services/{slug}", get(edit_form).post(update))
        .route("/{lang}/staff/services/{slug}/retire", post(retire))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Notice {
    notice: String,
}

/// The notices the list shows after a change.
const NOTICES: &[&str] = &["created", "updated", "retired", "restored", "not-confirmed"];

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawForm {
    csrf: String,
    #[serde(flatten)]
    draft: Draft,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawRetire {
    csrf: String,
    /// `1`: retire; `0`: bring back.
    retired: String,
    /// `yes` when the "I am sure" box is ticked: needed to retire.
    confirm: String,
}

csrf_forms!(RawForm, RawRetire);

async fn list(
    State(state): State<AppState>,
    Admin(session): Admin,
    Query(q): Query<Notice>,
) -> Response {
    let lang = session.lang;
    let t = Tr::new(lang);
    let rows = state
        .services
        .current()
        .iter()
        .map(|s| Row::new(&t, s))
        .collect();
    let view = ListView {
        page: StaffPage::titled(lang, "services-title", "staff/services", Some(&session)),
        csrf: session.csrf.clone(),
        rows,
        notice: NOTICES
            .contains(&q.notice.as_str())
            .then(|| t.t(&format!("services-notice-{}", q.notice))),
        languages: super::views::LanguageRow::all(&t),
    };
    html(StatusCode::OK, &view)
}

fn form_page(
    session: &StaffSession,
    status: StatusCode,
    editing: Option<&Service>,
    draft: Draft,
    problems: &[Problem],
) -> Response {
    html(status, &FormView::new(session, editing, draft, problems))
}

fn to_list(lang: Lang, notice: &str) -> Response {
    Redirect::to(&format!("/{}/staff/services?notice={notice}", lang.code())).into_response()
}

async fn new_form(Admin(session): Admin) -> Response {
    form_page(&session, StatusCode::OK, None, Draft::blank(), &[])
}

async fn create(
    State(state): State<AppState>,
    AdminForm { session, form: raw }: AdminForm<RawForm>,
) -> Result<Response, PageError> {
    let status = StatusCode::UNPROCESSABLE_ENTITY;
    let has_recovery = state.config.recovery_recipient.is_some();
    let service = match raw.draft.parse(has_recovery) {
        Ok(service) => service,
        Err(problems) => return Ok(form_page(&session, status, None, raw.draft, &problems)),
    };
    if !insert(&state, &session, &service).await? {
        let taken = [Problem {
            field: "slug",
            message: "service-error-slug-taken",
        }];
        return Ok(form_page(&session, status, None, raw.draft, &taken));
    }
    tracing::info!(service = %service.slug, staff = %session.staff.id, "service created");
    Ok(to_list(session.lang, "created"))
}

/// Writes a new service, audits it and reloads; false if the slug is taken.
async fn insert(
    state: &AppState,
    session: &StaffSession,
    service: &Service,
) -> Result<bool, PageError> {
    if !store::insert(&state.db, service, None).await? {
        return Ok(false);
    }
    let (by, slug) = (&session.staff.id, Some(service.slug.as_str()));
    staff_store::audit_now(&state.db, by, "service_created", slug, None).await?;
    state.refresh_services(true).await?;
    Ok(true)
}

async fn edit_form(
    State(state): State<AppState>,
    Admin(session): Admin,
    Path((_, slug)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let service = state.services.get(&slug).ok_or(PageError::NotFound)?;
    let draft = Draft::of(&service);
    Ok(form_page(
        &session,
        StatusCode::OK,
        Some(&service),
        draft,
        &[],
    ))
}

async fn update(
    State(state): State<AppState>,
    Path((_, slug)): Path<(String, String)>,
    AdminForm { session, form: raw }: AdminForm<RawForm>,
) -> Result<Response, PageError> {
    let lang = session.lang;
    let old = state.services.get(&slug).ok_or(PageError::NotFound)?;
    // The slug is the one in the address, whatever the form says.
    let draft = Draft { slug, ..raw.draft };
    let mut service = match draft.parse(state.config.recovery_recipient.is_some()) {
        Ok(service) => service,
        Err(problems) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return Ok(form_page(&session, status, Some(&old), draft, &problems));
        }
    };
    service.retired = old.retired;
    let rotate = recipients_changed(&old, &service);
    save(&state, &session, &service, rotate).await?;
    Ok(if rotate {
        Redirect::to(&format!("/{}/staff/rotation", lang.code())).into_response()
    } else {
        to_list(lang, "updated")
    })
}

/// Whether the new recipients differ from the old, as a set.
fn recipients_changed(old: &Service, new: &Service) -> bool {
    let set = |s: &Service| {
        let mut v: Vec<String> = s.recipients.iter().map(ToString::to_string).collect();
        v.sort();
        v
    };
    set(old) != set(new)
}

/// Writes an edit, audits it, reloads; with `rotate`, reseals the service's
/// items to its new key set with the keys gathered here.
async fn save(
    state: &AppState,
    session: &StaffSession,
    service: &Service,
    rotate: bool,
) -> Result<(), PageError> {
    // Gathered before the change, as for a member leaving: the old set's
    // keys are the ones that open the items.
    let keys = if rotate {
        Some(crate::rotation::background::keys_for(state, session, &service.slug).await?)
    } else {
        None
    };
    if !store::update(&state.db, service).await? {
        return Err(PageError::NotFound);
    }
    let (by, slug) = (&session.staff.id, Some(service.slug.as_str()));
    staff_store::audit_now(&state.db, by, "service_updated", slug, None).await?;
    state.refresh_services(true).await?;
    tracing::info!(service = %service.slug, staff = %session.staff.id, rotate, "service updated");
    match keys {
        Some(keys) => {
            let slugs = std::slice::from_ref(&service.slug);
            crate::rotation::background::start(state, slugs, "recipients", &session.staff.id, &keys)
                .await
        }
        None => Ok(()),
    }
}

async fn retire(
    State(state): State<AppState>,
    Path((_, slug)): Path<(String, String)>,
    AdminForm { session, form: raw }: AdminForm<RawRetire>,
) -> Result<Response, PageError> {
    let retired = match raw.retired.as_str() {
        "1" => true,
        "0" => false,
        _ => return Err(PageError::BadRequest),
    };
    if state.services.get(&slug).is_none() {
        return Err(PageError::NotFound);
    }
    // Retiring hides the service from clients at once: only with the box
    // ticked (the browser requires it; this is for any other client).
    if retired && raw.confirm != "yes" {
        return Ok(to_list(session.lang, "not-confirmed"));
    }
    let action = if retired {
        "service_retired"
    } else {
        "service_restored"
    };
    if store::set_retired(&state.db, &slug, retired).await? {
        staff_store::audit_now(&state.db, &session.staff.id, action, Some(&slug), None).await?;
        state.refresh_services(true).await?;
    }
    let notice = if retired { "retired" } else { "restored" };
    Ok(to_list(session.lang, notice))
}
