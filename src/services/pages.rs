//! The admins' service pages: the list, a form to create a service, a form
//! to edit one (its slug is fixed once made), and retiring one. Every
//! change is audited, seen by this instance at once and by the others within
//! the reload interval. A change of recipients starts a rotation job that
//! reseals the service's earlier items to the new set, with the keys in hand
//! here (as taking a member out of a service does).

use axum::Router;
use axum::extract::{Form, Path, Query, State};
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
use crate::staff::StaffSession;
use crate::staff::store as staff_store;
use crate::staff::views::StaffPage;
use crate::web::{PageError, render};

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
const NOTICES: &[&str] = &["created", "updated", "retired", "restored"];

async fn list(
    State(state): State<AppState>,
    session: StaffSession,
    Query(q): Query<Notice>,
) -> Response {
    let lang = session.lang;
    let exit = &state.config.quick_exit_url;
    if !session.staff.is_admin() {
        return PageError::Forbidden.render(lang, exit);
    }
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
    };
    render(StatusCode::OK, &view, lang, exit)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawForm {
    csrf: String,
    #[serde(flatten)]
    draft: Draft,
}

fn form_page(
    session: &StaffSession,
    status: StatusCode,
    editing: Option<&Service>,
    draft: Draft,
    problems: &[Problem],
    exit: &str,
) -> Response {
    let lang = session.lang;
    let view = FormView::new(session, editing, draft, problems);
    render(status, &view, lang, exit)
}

async fn new_form(State(state): State<AppState>, session: StaffSession) -> Response {
    let exit = &state.config.quick_exit_url;
    if !session.staff.is_admin() {
        return PageError::Forbidden.render(session.lang, exit);
    }
    form_page(&session, StatusCode::OK, None, Draft::blank(), &[], exit)
}

async fn create(
    State(state): State<AppState>,
    session: StaffSession,
    Form(raw): Form<RawForm>,
) -> Response {
    let lang = session.lang;
    let exit = &state.config.quick_exit_url;
    if let Some(refused) = session.refuse_admin_action(&raw.csrf, exit) {
        return refused;
    }
    let has_recovery = state.config.recovery_recipient.is_some();
    let service = match raw.draft.parse(has_recovery) {
        Ok(service) => service,
        Err(problems) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return form_page(&session, status, None, raw.draft, &problems, exit);
        }
    };
    let done = async {
        let made = store::insert(&state.db, &service, None).await?;
        if made {
            staff_store::audit_now(
                &state.db,
                &session.staff.id,
                "service_created",
                Some(&service.slug),
                None,
            )
            .await?;
            state.refresh_services(true).await?;
        }
        Ok::<_, sqlx::Error>(made)
    };
    match done.await {
        Ok(true) => {
            tracing::info!(service = %service.slug, staff = %session.staff.id, "service created");
            to_list(lang, "created")
        }
        Ok(false) => {
            let taken = [Problem {
                field: "slug",
                message: "service-error-slug-taken",
            }];
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            form_page(&session, status, None, raw.draft, &taken, exit)
        }
        Err(e) => PageError::internal(e).render(lang, exit),
    }
}

fn to_list(lang: Lang, notice: &str) -> Response {
    Redirect::to(&format!("/{}/staff/services?notice={notice}", lang.code())).into_response()
}

async fn edit_form(
    State(state): State<AppState>,
    session: StaffSession,
    Path((_, slug)): Path<(String, String)>,
) -> Response {
    let exit = &state.config.quick_exit_url;
    if !session.staff.is_admin() {
        return PageError::Forbidden.render(session.lang, exit);
    }
    let Some(service) = state.services.get(&slug) else {
        return PageError::NotFound.render(session.lang, exit);
    };
    let draft = Draft::of(&service);
    form_page(&session, StatusCode::OK, Some(&service), draft, &[], exit)
}

async fn update(
    State(state): State<AppState>,
    session: StaffSession,
    Path((_, slug)): Path<(String, String)>,
    Form(raw): Form<RawForm>,
) -> Response {
    let lang = session.lang;
    let exit = &state.config.quick_exit_url;
    if let Some(refused) = session.refuse_admin_action(&raw.csrf, exit) {
        return refused;
    }
    let Some(old) = state.services.get(&slug) else {
        return PageError::NotFound.render(lang, exit);
    };
    // The slug is the one in the address, whatever the form says.
    let draft = Draft { slug, ..raw.draft };
    let mut service = match draft.parse(state.config.recovery_recipient.is_some()) {
        Ok(service) => service,
        Err(problems) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return form_page(&session, status, Some(&old), draft, &problems, exit);
        }
    };
    service.retired = old.retired;
    let rotate = recipients_changed(&old, &service);
    match save(&state, &session, &service, rotate).await {
        Ok(()) if rotate => {
            Redirect::to(&format!("/{}/staff/rotation", lang.code())).into_response()
        }
        Ok(()) => to_list(lang, "updated"),
        Err(e) => e.render(lang, exit),
    }
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
        Some(crate::rotation::pages::keys_for(state, session, &service.slug).await?)
    } else {
        None
    };
    let db = &state.db;
    if !store::update(db, service)
        .await
        .map_err(PageError::internal)?
    {
        return Err(PageError::NotFound);
    }
    staff_store::audit_now(
        db,
        &session.staff.id,
        "service_updated",
        Some(&service.slug),
        None,
    )
    .await
    .map_err(PageError::internal)?;
    state
        .refresh_services(true)
        .await
        .map_err(PageError::internal)?;
    tracing::info!(service = %service.slug, staff = %session.staff.id, rotate, "service updated");
    match keys {
        Some(keys) => {
            let slugs = std::slice::from_ref(&service.slug);
            crate::rotation::pages::start(state, slugs, "recipients", &session.staff.id, &keys)
                .await
        }
        None => Ok(()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawRetire {
    csrf: String,
    /// `1`: retire; `0`: bring back.
    retired: String,
}

async fn retire(
    State(state): State<AppState>,
    session: StaffSession,
    Path((_, slug)): Path<(String, String)>,
    Form(raw): Form<RawRetire>,
) -> Response {
    let lang = session.lang;
    let exit = &state.config.quick_exit_url;
    if let Some(refused) = session.refuse_admin_action(&raw.csrf, exit) {
        return refused;
    }
    let retired = match raw.retired.as_str() {
        "1" => true,
        "0" => false,
        _ => return PageError::BadRequest.render(lang, exit),
    };
    if state.services.get(&slug).is_none() {
        return PageError::NotFound.render(lang, exit);
    }
    let action = if retired {
        "service_retired"
    } else {
        "service_restored"
    };
    let done = async {
        if store::set_retired(&state.db, &slug, retired).await? {
            staff_store::audit_now(&state.db, &session.staff.id, action, Some(&slug), None).await?;
            state.refresh_services(true).await?;
        }
        Ok::<_, sqlx::Error>(())
    };
    match done.await {
        Ok(()) => to_list(lang, if retired { "retired" } else { "restored" }),
        Err(e) => PageError::internal(e).render(lang, exit),
    }
}
