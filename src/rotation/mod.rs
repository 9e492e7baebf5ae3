//! Key rotation: a job reseals every item of a service that is not sealed in
//! the service's current key epoch. Each item is opened with a key in hand
//! (the recovery identity or a counsellor's key), sealed to the epoch's
//! recipients (and the case's client key where the client may read it), and
//! written back only if it still holds the ciphertext it was read with. A
//! batch is resealed on every core and committed in one transaction with
//! the job's cursor and counts, so a job killed at any moment resumes where
//! it stopped. Items the key in
//! hand cannot open are counted and reported, and stay as they were for
//! another key. The job ends with a check of every item of the service.

pub mod background;
pub mod pages;
pub mod store;
mod views;

use std::sync::Arc;

use crate::db::Db;
use crate::seal::{self, Envelope, IdentityFile, SealError};

pub use store::Job;

/// Items read per batch unless the caller asks otherwise.
pub const DEFAULT_BATCH: i64 = 100;

#[derive(Debug, thiserror::Error)]
pub enum RotationError {
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    #[error("service `{0}` has no key epoch")]
    NoEpoch(String),
    #[error("key epoch {0}: its recipients do not parse")]
    BadEpoch(i64),
    #[error("another job of service `{0}` started meanwhile; run again")]
    Busy(String),
    #[error("the server is shutting down")]
    Closed,
}

/// What a job is asked to do.
pub struct Request<'a> {
    pub kind: &'a str,
    pub service: &'a str,
    pub target_epoch: i64,
    /// A staff id, or `cli`.
    pub started_by: &'a str,
}

/// The running job of the service for this epoch (resumed), or a new one;
/// `None` when nothing of the service is outside the epoch. A running job
/// for an older epoch is superseded: the new one covers its items too.
pub async fn start_or_resume(db: &Db, req: &Request<'_>) -> Result<Option<Job>, RotationError> {
    if let Some(job) = store::running(db, req.service).await? {
        if job.target_epoch == req.target_epoch {
            return Ok(Some(job));
        }
        store::finish(db, &job, "superseded", 0, 0, None).await?;
    }
    let total = store::count_outside(db, req.service, req.target_epoch).await?;
    if total == 0 {
        return Ok(None);
    }
    let id = store::create(
        db,
        req.kind,
        req.service,
        req.target_epoch,
        req.started_by,
        total,
    )
    .await?
    .ok_or_else(|| RotationError::Busy(req.service.to_owned()))?;
    store::job(db, &id)
        .await?
        .ok_or_else(|| RotationError::Busy(req.service.to_owned()))
        .map(Some)
}

/// The recipients of an epoch, as an envelope.
pub async fn epoch_envelope(db: &Db, epoch: i64) -> Result<Envelope, RotationError> {
    let text = store::epoch_recipients(db, epoch)
        .await?
        .ok_or(RotationError::BadEpoch(epoch))?;
    Envelope::from_recipients_file(&text).map_err(|_| RotationError::BadEpoch(epoch))
}

/// Who an item is sealed to in `envelope`'s epoch: the staff set, plus the
/// case's client key unless it is an internal note.
fn envelope_for(envelope: &Envelope, item: &store::Item) -> Result<Envelope, SealError> {
    if item.author == "note" {
        return Ok(envelope.clone());
    }
    let client = item
        .client_recipient
        .parse()
        .map_err(|_| SealError::Malformed)?;
    Ok(envelope.with(client))
}

/// Runs `job` to its end: every batch, then the final check. `progress` is
/// called after each batch with the job's counts so far. A batch is
/// resealed on every core (`Resealer::reseal_all`) and committed in one
/// transaction. In a server, `sealing` is its per-core permits: a batch
/// takes one per core it uses, so requests wait at most for a share of
/// one batch.
pub async fn run(
    db: &Db,
    job: Job,
    keys: &IdentityFile,
    batch: i64,
    sealing: Option<&tokio::sync::Semaphore>,
    progress: &mut (dyn FnMut(&Job) + Send),
) -> Result<(Job, Check), RotationError> {
    let envelope = epoch_envelope(db, job.target_epoch).await?;
    let resealer = Resealer {
        envelope: Arc::new(envelope.clone()),
        keys: Arc::new(keys.clone()),
        sealing,
    };
    let mut job = job;
    loop {
        let (service, epoch) = (&job.service, job.target_epoch);
        let items = store::items(db, service, epoch, &job.after_id, batch.max(1)).await?;
        if items.is_empty() {
            break;
        }
        let (items, resealed) = resealer.reseal_all(items).await?;
        match store::commit_batch(db, &job.id, &items, &resealed, epoch).await? {
            Some(counts) => bump(&mut job, &items, counts),
            // Another run of this job is ahead: catch up with it.
            None => match store::job(db, &job.id).await? {
                Some(fresh) if fresh.state == "running" => job = fresh,
                _ => return Err(RotationError::Busy(job.service.clone())),
            },
        }
        progress(&job);
    }
    let check = check(db, &job.service, job.target_epoch, &envelope, keys).await?;
    finish_checked(db, &mut job, &check).await?;
    Ok((job, check))
}

/// What resealing needs: the epoch's envelope, the keys in hand, and the
/// server's sealing permits, if any.
struct Resealer<'a> {
    envelope: Arc<Envelope>,
    keys: Arc<IdentityFile>,
    sealing: Option<&'a tokio::sync::Semaphore>,
}

impl Resealer<'_> {
    /// Reseals a batch on every core: the items, and for each its new
    /// ciphertext, or None when the keys in hand do not open it. Opening
    /// and sealing are CPU work, so each share runs on a blocking thread.
    async fn reseal_all(
        &self,
        items: Vec<store::Item>,
    ) -> Result<(Vec<store::Item>, Vec<Option<Vec<u8>>>), RotationError> {
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        let items = Arc::new(items);
        let share = items.len().div_ceil(cores);
        let mut permits = vec![];
        let mut tasks = vec![];
        for start in (0..items.len()).step_by(share) {
            if let Some(s) = self.sealing {
                permits.push(s.acquire().await.map_err(|_| RotationError::Closed)?);
            }
            let (items, envelope, keys) = (items.clone(), self.envelope.clone(), self.keys.clone());
            let end = (start + share).min(items.len());
            tasks.push(tokio::task::spawn_blocking(move || {
                items[start..end]
                    .iter()
                    .map(|item| reseal_one(&envelope, &keys, item))
                    .collect::<Vec<_>>()
            }));
        }
        let mut resealed = Vec::with_capacity(items.len());
        for task in tasks {
            resealed.extend(task.await.map_err(|_| RotationError::Closed)?);
        }
        drop(permits);
        let items = Arc::try_unwrap(items).map_err(|_| RotationError::Closed)?;
        Ok((items, resealed))
    }
}

/// One item sealed anew for its epoch, or None when the keys in hand do
/// not open it (a key of another epoch is needed: counted, not logged).
fn reseal_one(envelope: &Envelope, keys: &IdentityFile, item: &store::Item) -> Option<Vec<u8>> {
    let resealed = envelope_for(envelope, item).and_then(|to| keys.reseal(&item.sealed, &to));
    match resealed {
        Ok(new) => Some(new),
        Err(e) => {
            if !matches!(e, SealError::NotForThisKey) {
                tracing::warn!(item = %item.id, error = %e, "an item does not open");
            }
            None
        }
    }
}

/// Ends a job with the state its final check gives it.
async fn finish_checked(db: &Db, job: &mut Job, check: &Check) -> Result<(), RotationError> {
    let state = if check.failed > 0 {
        "failed"
    } else if check.outside > 0 {
        "incomplete"
    } else {
        "done"
    };
    let audit_as = Some("rotation_finished");
    store::finish(db, job, state, check.passed, check.failed, audit_as).await?;
    job.state = state.to_owned();
    job.checked = check.passed;
    job.check_failed = check.failed;
    Ok(())
}

fn bump(job: &mut Job, items: &[store::Item], counts: store::Counts) {
    if let Some(last) = items.last() {
        job.after_id = last.cursor.clone();
    }
    job.done += counts.done;
    job.unreadable += counts.unreadable;
    job.skipped += counts.skipped;
    job.total = job.total.max(job.done + job.unreadable + job.skipped);
}

/// The final check over every item of a service.
#[derive(Debug, Clone, Default)]
pub struct Check {
    /// Items in the target epoch whose header holds one X25519 stanza per
    /// recipient of the set (and the client key where it belongs), and that
    /// open with a key in hand when one is in the set.
    pub passed: i64,
    /// Items in the target epoch that failed that.
    pub failed: i64,
    /// Items still sealed in another epoch (unreadable with the key in hand,
    /// or sealed meanwhile by an instance with an older keyring).
    pub outside: i64,
    /// Whether a key in hand is in the new set, so each item was opened.
    pub opened: bool,
}

/// Checks every item of `service` against the epoch's set `envelope`.
pub async fn check(
    db: &Db,
    service: &str,
    target: i64,
    envelope: &Envelope,
    keys: &IdentityFile,
) -> Result<Check, RotationError> {
    let opened = keys.recipients().iter().any(|r| envelope.contains(r));
    let mut check = Check {
        opened,
        ..Check::default()
    };
    let mut after = String::new();
    loop {
        let items = store::items(db, service, store::EVERY_EPOCH, &after, DEFAULT_BATCH).await?;
        let Some(last) = items.last() else { break };
        after = last.cursor.clone();
        for item in &items {
            if item.key_epoch != target {
                check.outside += 1;
                continue;
            }
            let ok = envelope_for(envelope, item).is_ok_and(|to| {
                seal::x25519_stanzas(&item.sealed).is_ok_and(|n| n == to.len())
                    && (!opened || keys.opens(&item.sealed))
            });
            if ok {
                check.passed += 1;
            } else {
                check.failed += 1;
            }
        }
    }
    Ok(check)
}
