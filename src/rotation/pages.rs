//! The rotation pages: the jobs and their progress, which needs no
//! JavaScript (it links to itself to reload), resuming a job a restart
//! interrupted, and an admin's list of service members, where taking a
//! member out of a service reseals its items without that key (with the
//! keys of the admin and of the service's members logged in here).

use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use super::background::{keys_for, spawn, start};
use super::views::{JobRow, JobsView, MemberRow, MembersView, ServiceMembers};
use crate::app::AppState;
use crate::i18n::{Lang, Tr};
use crate::staff::guard::csrf_forms;
use crate::staff::store as staff_store;
use crate::staff::views::StaffPage;
use crate::staff::{Admin, AdminForm, StaffForm, StaffSession};
use crate::web::{PageError, html};

// Where the app and `serve` have always found it.
pub use super::background::Runners;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/{lang}/staff/rotation", get(jobs_page))
        .route("/{lang}/staff/rotation/resume", post(resume))
        .route("/{lang}/staff/members", get(members_page))
        .route("/{lang}/staff/members/remove", post(remove_member))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawJob {
    csrf: String,
    job: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawRemove {
    csrf: String,
    staff: String,
    service: String,
    /// "yes" when the "I am sure" box is ticked: taking someone out of a
    /// service reseals its items without their key.
    confirm: String,
}

csrf_forms!(RawJob, RawRemove);

fn to_jobs(lang: Lang) -> Response {
    Redirect::to(&format!("/{}/staff/rotation", lang.code())).into_response()
}

/// Whether a person may see and resume the jobs of `service`.
fn may_see(session: &StaffSession, service: &str) -> bool {
    session.staff.is_admin() || session.is_member(service)
}

async fn jobs_page(
    State(state): State<AppState>,
    session: StaffSession,
) -> Result<Response, PageError> {
    let lang = session.lang;
    let t = Tr::new(lang);
    let rows: Vec<JobRow> = super::store::recent(&state.db, 50)
        .await?
        .into_iter()
        .filter(|j| may_see(&session, &j.service))
        .map(|j| {
            // The service's name, as every staff page names it; the slug
            // for one no longer configured.
            let name = state
                .services
                .get(&j.service)
                .map(|s| s.name_in(lang).to_owned());
            JobRow::new(&t, &j, state.rotation.runs(&j.id), name)
        })
        .collect();
    let view = JobsView {
        page: StaffPage::titled(lang, "rotation-title", "staff/rotation", Some(&session)),
        csrf: session.csrf.clone(),
        running: rows.iter().any(|r| r.running),
        rows,
    };
    Ok(html(StatusCode::OK, &view))
}

/// Resumes a job interrupted by a restart, with the keys in hand here.
async fn resume(
    State(state): State<AppState>,
    StaffForm { session, form: raw }: StaffForm<RawJob>,
) -> Result<Response, PageError> {
    let job = super::store::job(&state.db, &raw.job)
        .await?
        .filter(|job| may_see(&session, &job.service))
        .ok_or(PageError::Forbidden)?;
    if job.state == "running" {
        let keys = keys_for(&state, &session, &job.service).await?;
        spawn(&state, job, keys);
    }
    Ok(to_jobs(session.lang))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MembersQuery {
    notice: String,
}

async fn members_page(
    State(state): State<AppState>,
    Admin(session): Admin,
    Query(q): Query<MembersQuery>,
) -> Result<Response, PageError> {
    let lang = session.lang;
    let t = Tr::new(lang);
    let mut services = vec![];
    for service in state.services.current().iter() {
        let service_name = service.name_in(lang);
        let remove_label = |name: &str| {
            t.ta(
                "members-remove",
                &[("name", name), ("service", service_name)],
            )
        };
        let members = staff_store::members_of(&state.db, &service.slug)
            .await?
            .into_iter()
            .map(|(id, name)| MemberRow {
                remove_label: remove_label(&name),
                id,
                name,
            })
            .collect();
        services.push(ServiceMembers {
            slug: service.slug.clone(),
            name: service_name.to_owned(),
            members,
        });
    }
    let view = MembersView {
        page: StaffPage::titled(lang, "members-title", "staff/members", Some(&session)),
        csrf: session.csrf.clone(),
        services,
        not_confirmed: q.notice == "not-confirmed",
    };
    Ok(html(StatusCode::OK, &view))
}

/// Takes a member out of a service and reseals its items without their key.
async fn remove_member(
    State(state): State<AppState>,
    AdminForm { session, form: raw }: AdminForm<RawRemove>,
) -> Result<Response, PageError> {
    if state.services.get(&raw.service).is_none() {
        return Err(PageError::BadRequest);
    }
    if raw.confirm != "yes" {
        let to = format!(
            "/{}/staff/members?notice=not-confirmed",
            session.lang.code()
        );
        return Ok(axum::response::Redirect::to(&to).into_response());
    }
    // The keys are gathered before the member leaves: theirs may be among
    // those that open the items.
    let keys = keys_for(&state, &session, &raw.service).await?;
    let removed = staff_store::remove_membership(&state.db, &raw.staff, &raw.service).await?;
    if removed {
        let (by, service) = (&session.staff.id, Some(raw.service.as_str()));
        staff_store::audit_now(&state.db, by, "membership_removed", service, None).await?;
        let services = std::slice::from_ref(&raw.service);
        start(&state, services, "membership", by, &keys).await?;
    }
    Ok(to_jobs(session.lang))
}
