//! Rotation jobs the web starts, run in the background of this instance
//! with the keys unlocked here: an admin's change to who is in a service's
//! key set, a service's new recipients, a counsellor's new key, and a
//! login that brings the key a stalled job waits for.

use std::collections::HashSet;
use std::sync::Mutex;

use super::{DEFAULT_BATCH, Job, Request};
use crate::app::AppState;
use crate::seal::IdentityFile;
use crate::staff::StaffSession;
use crate::staff::store as staff_store;
use crate::web::PageError;

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

    pub(super) fn runs(&self, id: &str) -> bool {
        self.lock().contains(id)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashSet<String>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Runs `job` in the background with `keys`, unless it runs here already.
pub(super) fn spawn(state: &AppState, job: Job, keys: IdentityFile) {
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
        let members = member_ids(state, &service, None).await?;
        if let Some(keys) = keys_that_open(state, &job, &members).await? {
            tracing::info!(job = %job.id, service = %job.service, "rotation job resumed after a login");
            spawn(state, job, keys);
        }
    }
    Ok(())
}

/// The ids of a service's active members, but `except`.
async fn member_ids(
    state: &AppState,
    service: &str,
    except: Option<&str>,
) -> Result<Vec<String>, sqlx::Error> {
    Ok(staff_store::members_of(&state.db, service)
        .await?
        .into_iter()
        .map(|(id, _)| id)
        .filter(|id| Some(id.as_str()) != except)
        .collect())
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
pub async fn keys_for(
    state: &AppState,
    session: &StaffSession,
    service: &str,
) -> Result<IdentityFile, PageError> {
    let others = member_ids(state, service, Some(&session.staff.id)).await?;
    let mut keys = vec![(*session.identity).clone()];
    keys.extend(state.staff.sessions.unlocked_of(&others));
    Ok(IdentityFile::from_identities(keys))
}

/// The service's running job for its current key epoch, resumed or new;
/// `None` when nothing of the service is outside that epoch.
async fn job_for(
    state: &AppState,
    service: &str,
    kind: &str,
    started_by: &str,
) -> Result<Option<Job>, PageError> {
    let req = Request {
        kind,
        service,
        target_epoch: state.service_keys(service)?.epoch,
        started_by,
    };
    super::start_or_resume(&state.db, &req)
        .await
        .map_err(PageError::internal)
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
    state.reload_keys().await?;
    for service in services {
        if let Some(job) = job_for(state, service, kind, started_by).await? {
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
    state.reload_keys().await?;
    let mut all_run = true;
    for service in services {
        let Some(job) = job_for(state, service, kind, started_by).await? else {
            continue;
        };
        let members = member_ids(state, service, Some(without)).await?;
        match keys_that_open(state, &job, &members).await? {
            Some(keys) => spawn(state, job, keys),
            None => all_run = false,
        }
    }
    Ok(all_run)
}
