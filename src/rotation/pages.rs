//! The web side of rotation: an admin takes a member out of a service (its
//! items are resealed without that key, with the keys of the admin and of
//! the service's members logged in here), a counsellor's new key (see
//! `staff::account`) starts jobs the same way, and a progress page that needs
//! no JavaScript: it lists the jobs and links to itself to reload.

use std::collections::HashSet;
use std::sync::Mutex;

use axum::Router;
use axum::extract::{Form, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use super::views::{JobRow, JobsView, MemberRow, MembersView, ServiceMembers};
use super::{DEFAULT_BATCH, Job, Request};
use crate::app::AppState;
use crate::i18n::{Lang, Tr};
use crate::seal::IdentityFile;
use crate::staff::StaffSession;
use crate::staff::store as staff_store;
use crate::staff::views::StaffPage;
use crate::web::{PageError, render};

/// Jobs running in this instance, so a page can offer to resume the others.
#[derive(Default)]
pub struct Runners(Mutex<HashSet<String>>);

impl Runners {
    fn claim(&self, id: &str) -> bool {
        self.lock().insert(id.to_owned())
    }

    fn release(&self, id: &str) {
        self.lock().remove(id);
    }

    fn runs(&self, id: &str) -> bool {
        self.lock().contains(id)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashSet<String>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/{lang}/staff/rotation", get(jobs_page))
        .route("/{lang}/staff/rotation/resume", post(resume))
        .route("/{lang}/staff/members", get(members_page))
        .route("/{lang}/staff/members/remove", post(remove_member))
}

/// Runs `job` in the background with `keys`, unless it runs here already.
fn spawn(state: &AppState, job: Job, keys: IdentityFile) {
    if !state.rotation.claim(&job.id) {
        return;
    }
    let state = state.clone();
    tokio::spawn(async move {
        let id = job.id.clone();
        let mut quiet = |_: &Job| {};
        let sealing = Some(&state.sealing);
        match super::run(&state.db, job, &keys, DEFAULT_BATCH, sealing, &mut quiet).await {
            Ok((job, _)) => tracing::info!(
                job = %job.id, service = %job.service, state = %job.state,
                done = job.done, unreadable = job.unreadable, "rotation job ended"
            ),
            // Another run took it over, or a newer job superseded it.
            Err(e @ super::RotationError::Busy(_)) => {
                tracing::info!(job = %id, error = %e, "rotation job left to another run")
            }
            Err(e) => tracing::error!(job = %id, error = %e, "rotation job stopped"),
        }
        state.rotation.release(&id);
    });
}

/// After a login: resumes, in the background, each running job of the
/// person's services that does not run here, once the keys unlocked here
/// (theirs and other members') include one of every recipient set its
/// remaining items are sealed to. Keys that open none of them would only
/// count the items unreadable, so such a job waits for a member who can.
/// The login does not wait for any of it.
pub fn resume_after_login(state: &AppState, staff_id: &str) {
    let state = state.clone();
    let staff_id = staff_id.to_owned();
    tokio::spawn(async move {
        if let Err(e) = resume_waiting(&state, &staff_id).await {
            tracing::warn!(error = %e, "rotation jobs not resumed after a login");
        }
    });
}

async fn resume_waiting(state: &AppState, staff_id: &str) -> Result<(), sqlx::Error> {
    for service in staff_store::services_of(&state.db, staff_id).await? {
        let Some(job) = super::store::running(&state.db, &service).await? else {
            continue;
        };
        if state.rotation.runs(&job.id) {
            continue;
        }
        let members: Vec<String> = staff_store::members_of(&state.db, &service)
            .await?
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        if let Some(keys) = keys_that_open(state, &job, &members).await? {
            tracing::info!(job = %job.id, service = %job.service, "rotation job resumed after a login");
            spawn(state, job, keys);
        }
    }
    Ok(())
}

/// The keys of `members` unlocked in this instance, if they hold one of
/// every recipient set the job's remaining items are sealed to; `None`
/// otherwise, so a job is never run with keys that would only count its
/// items unreadable.
async fn keys_that_open(
    state: &AppState,
    job: &Job,
    members: &[String],
) -> Result<Option<IdentityFile>, sqlx::Error> {
    let keys = state.staff.sessions.unlocked_of(members);
    if keys.is_empty() {
        return Ok(None);
    }
    let held: HashSet<String> = keys.iter().map(|k| k.to_public().to_string()).collect();
    let sets = super::store::remaining_recipients(&state.db, job).await?;
    let opens = sets
        .iter()
        .all(|set| set.lines().any(|r| held.contains(r.trim())));
    Ok(opens.then(|| IdentityFile::from_identities(keys)))
}

/// The keys this instance holds that may open a service's items: the
/// person's own and those of the service's members logged in here.
pub(crate) async fn keys_for(
    state: &AppState,
    session: &StaffSession,
    service: &str,
) -> Result<IdentityFile, PageError> {
    let mut ids: Vec<String> = staff_store::members_of(&state.db, service)
        .await
        .map_err(PageError::internal)?
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    ids.retain(|id| id != &session.staff.id);
    let mut keys = vec![(*session.identity).clone()];
    keys.extend(state.staff.sessions.unlocked_of(&ids));
    Ok(IdentityFile::from_identities(keys))
}

/// Re-reads the keyring (a set just changed) and starts, or resumes, a job
/// per service with `keys`; each runs in the background.
pub async fn start(
    state: &AppState,
    services: &[String],
    kind: &str,
    started_by: &str,
    keys: &IdentityFile,
) -> Result<(), PageError> {
    state.reload_keys().await.map_err(PageError::internal)?;
    for service in services {
        let target = state.service_keys(service)?.epoch;
        let req = Request {
            kind,
            service,
            target_epoch: target,
            started_by,
        };
        if let Some(job) = super::start_or_resume(&state.db, &req)
            .await
            .map_err(PageError::internal)?
        {
            spawn(state, job, keys.clone());
        }
    }
    Ok(())
}

/// After an admin changed who is in a service's key set (a member added,
/// deactivated or reactivated, a password reset): re-reads the keyring and
/// starts, or resumes, a job per service. A job runs at once with the keys
/// unlocked in this instance of the service's members other than `without`
/// (the person whose key changed); with none in hand it waits, running but
/// stalled, for a member to resume it on the rotation page or for `suoja
/// rotate` with the recovery identity. Returns whether every job runs.
pub async fn start_with_members(
    state: &AppState,
    services: &[String],
    kind: &str,
    started_by: &str,
    without: &str,
) -> Result<bool, PageError> {
    state.reload_keys().await.map_err(PageError::internal)?;
    let mut all_run = true;
    for service in services {
        let target = state.service_keys(service)?.epoch;
        let req = Request {
            kind,
            service,
            target_epoch: target,
            started_by,
        };
        let Some(job) = super::start_or_resume(&state.db, &req)
            .await
            .map_err(PageError::internal)?
        else {
            continue;
        };
        let members: Vec<String> = staff_store::members_of(&state.db, service)
            .await
            .map_err(PageError::internal)?
            .into_iter()
            .map(|(id, _)| id)
            .filter(|id| id != without)
            .collect();
        match keys_that_open(state, &job, &members)
            .await
            .map_err(PageError::internal)?
        {
            Some(keys) => spawn(state, job, keys),
            None => all_run = false,
        }
    }
    Ok(all_run)
}

fn to_jobs(lang: Lang) -> Response {
    Redirect::to(&format!("/{}/staff/rotation", lang.code())).into_response()
}

async fn jobs_page(State(state): State<AppState>, session: StaffSession) -> Response {
    let lang = session.lang;
    let t = Tr::new(lang);
    let jobs = match super::store::recent(&state.db, 50).await {
        Ok(jobs) => jobs,
        Err(e) => return PageError::internal(e).render(lang, &state.config.quick_exit_url),
    };
    let rows: Vec<JobRow> = jobs
        .into_iter()
        .filter(|j| session.staff.is_admin() || session.is_member(&j.service))
        .map(|j| {
            let here = state.rotation.runs(&j.id);
            JobRow::new(&t, &j, here)
        })
        .collect();
    let view = JobsView {
        page: StaffPage::titled(lang, "rotation-title", "staff/rotation", Some(&session)),
        csrf: session.csrf.clone(),
        running: rows.iter().any(|r| r.running),
        rows,
    };
    render(StatusCode::OK, &view, lang, &state.config.quick_exit_url)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawJob {
    csrf: String,
    job: String,
}

/// Resumes a job interrupted by a restart, with the keys in hand here.
async fn resume(
    State(state): State<AppState>,
    session: StaffSession,
    Form(raw): Form<RawJob>,
) -> Response {
    if let Err(refused) = session.check_csrf(&raw.csrf) {
        return refused.into_response();
    }
    let lang = session.lang;
    let job = match super::store::job(&state.db, &raw.job).await {
        Ok(Some(job)) if session.staff.is_admin() || session.is_member(&job.service) => job,
        Ok(_) => return PageError::Forbidden.render(lang, &state.config.quick_exit_url),
        Err(e) => return PageError::internal(e).render(lang, &state.config.quick_exit_url),
    };
    if job.state == "running" {
        let keys = match keys_for(&state, &session, &job.service).await {
            Ok(keys) => keys,
            Err(e) => return e.render(lang, &state.config.quick_exit_url),
        };
        spawn(&state, job, keys);
    }
    to_jobs(lang)
}

async fn members_page(State(state): State<AppState>, session: StaffSession) -> Response {
    let lang = session.lang;
    if !session.staff.is_admin() {
        return PageError::Forbidden.render(lang, &state.config.quick_exit_url);
    }
    let t = Tr::new(lang);
    let mut services = vec![];
    for service in state.services.current().iter() {
        let service_name = service.name.get(lang);
        let members = match staff_store::members_of(&state.db, &service.slug).await {
            Ok(m) => m,
            Err(e) => return PageError::internal(e).render(lang, &state.config.quick_exit_url),
        };
        services.push(ServiceMembers {
            slug: service.slug.clone(),
            name: service_name.to_owned(),
            members: members
                .into_iter()
                .map(|(id, name)| MemberRow {
                    remove_label: t.ta(
                        "members-remove",
                        &[("name", &name), ("service", service_name)],
                    ),
                    id,
                    name,
                })
                .collect(),
        });
    }
    let view = MembersView {
        page: StaffPage::titled(lang, "members-title", "staff/members", Some(&session)),
        csrf: session.csrf.clone(),
        services,
    };
    render(StatusCode::OK, &view, lang, &state.config.quick_exit_url)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawRemove {
    csrf: String,
    staff: String,
    service: String,
}

/// Takes a member out of a service and reseals its items without their key.
async fn remove_member(
    State(state): State<AppState>,
    session: StaffSession,
    Form(raw): Form<RawRemove>,
) -> Response {
    let lang = session.lang;
    let exit = state.config.quick_exit_url.clone();
    if let Some(refused) = session.refuse_admin_action(&raw.csrf, &exit) {
        return refused;
    }
    if state.services.get(&raw.service).is_none() {
        return PageError::BadRequest.render(lang, &exit);
    }
    let done = async {
        // The keys are gathered before the member leaves: theirs may be
        // among those that open the items.
        let keys = keys_for(&state, &session, &raw.service).await?;
        let removed = staff_store::remove_membership(&state.db, &raw.staff, &raw.service)
            .await
            .map_err(PageError::internal)?;
        if removed {
            staff_store::audit_now(
                &state.db,
                &session.staff.id,
                "membership_removed",
                Some(&raw.service),
                None,
            )
            .await
            .map_err(PageError::internal)?;
            start(
                &state,
                std::slice::from_ref(&raw.service),
                "membership",
                &session.staff.id,
                &keys,
            )
            .await?;
        }
        Ok::<_, PageError>(())
    };
    match done.await {
        Ok(()) => to_jobs(lang),
        Err(e) => e.render(lang, &exit),
    }
}
