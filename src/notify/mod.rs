//! Activity notices by e-mail. A request handler calls
//! `Notifier::activity(slug)`, which only marks the service in a pending set;
//! a background task, every `smtp.batch_seconds`, sends each active member
//! of the marked services one mail saying that those services have new
//! activity. Never a case, a count, a time or anything a client sent.
//!
//! Pending marks live in memory: a crash loses at most one batch of notices.
//! A failed send keeps its services pending for the next batch.
//!
//! The same task checks, at each batch, for cases waiting past a service's
//! promised answer time, and tells members so at most once a day (`late`).

mod address;
mod late;
pub mod links;
mod mail;
pub mod store;

pub use address::is_email_address;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, SystemTime};

use lettre::AsyncTransport;
use lettre::message::Mailbox;
use tokio::sync::Notify;
use tokio::task::JoinHandle;

use crate::config::{Config, Localized};
use crate::db::Db;
use crate::services::Services;

/// The longest the final batch may take at shutdown.
const FINAL_FLUSH: Duration = Duration::from_secs(5);

type Pending = Arc<Mutex<BTreeSet<String>>>;

/// A cheap handle on the pending set; a no-op when notifications are off.
#[derive(Clone, Default)]
pub struct Notifier {
    pending: Option<Pending>,
}

impl Notifier {
    /// A notifier that never sends anything.
    pub fn off() -> Notifier {
        Notifier::default()
    }

    /// Marks `service` as having new activity. Never blocks on I/O, never fails.
    pub fn activity(&self, service: &str) {
        if let Some(pending) = &self.pending {
            let mut set = lock(pending);
            if !set.contains(service) {
                set.insert(service.to_owned());
            }
        }
    }

    fn take(&self) -> BTreeSet<String> {
        self.pending
            .as_ref()
            .map(|p| std::mem::take(&mut *lock(p)))
            .unwrap_or_default()
    }

    fn put_back(&self, services: BTreeSet<String>) {
        if let Some(pending) = &self.pending {
            lock(pending).extend(services);
        }
    }
}

/// A panic elsewhere while holding the lock leaves a set that is still valid.
fn lock(pending: &Pending) -> MutexGuard<'_, BTreeSet<String>> {
    pending.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The running batch task; `shutdown` sends what is pending, once.
pub struct NotifyTask {
    stop: Arc<Notify>,
    handle: JoinHandle<()>,
}

/// Starts the batch task when the config has `[smtp]`; otherwise warns once
/// and hands out a no-op notifier.
pub fn start(
    config: &Config,
    db: &Db,
    services: &Services,
) -> Result<(Notifier, Option<NotifyTask>), lettre::transport::smtp::Error> {
    let Some(smtp) = &config.smtp else {
        tracing::warn!("notifications are off: no [smtp] in the config");
        return Ok((Notifier::off(), None));
    };
    let notifier = Notifier {
        pending: Some(Pending::default()),
    };
    let batcher = Batcher {
        notifier: notifier.clone(),
        transport: mail::transport(smtp)?,
        from: smtp.from.clone(),
        services: services.clone(),
        db: db.clone(),
    };
    let stop = Arc::new(Notify::new());
    let every = Duration::from_secs(smtp.batch_seconds);
    let handle = tokio::spawn(run(batcher, every, stop.clone()));
    tracing::info!(
        batch_seconds = smtp.batch_seconds,
        security = ?smtp.security,
        "notifications on"
    );
    Ok((notifier, Some(NotifyTask { stop, handle })))
}

impl NotifyTask {
    /// Stops the timer, sends what is pending (bounded by a few seconds),
    /// and closes the SMTP connections.
    pub async fn shutdown(mut self) {
        self.stop.notify_one();
        let limit = FINAL_FLUSH + Duration::from_secs(2);
        if tokio::time::timeout(limit, &mut self.handle).await.is_err() {
            self.handle.abort();
            tracing::warn!("notification task did not stop in time; pending notices dropped");
        }
    }
}

async fn run(batcher: Batcher, every: Duration, stop: Arc<Notify>) {
    let mut ticks = tokio::time::interval(every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    ticks.tick().await;
    let mut late = late::Done::default();
    loop {
        tokio::select! {
            _ = ticks.tick() => {
                batcher.flush().await;
                late::check(&batcher, &mut late).await;
            }
            () = stop.notified() => break,
        }
    }
    if tokio::time::timeout(FINAL_FLUSH, batcher.flush())
        .await
        .is_err()
    {
        tracing::warn!("last notification batch timed out; pending notices dropped");
    }
    batcher.transport.shutdown().await;
}

struct Batcher {
    notifier: Notifier,
    transport: mail::Transport,
    from: Mailbox,
    /// The services, for their names.
    services: Services,
    db: Db,
}

impl Batcher {
    /// Sends one mail per address for the services marked since the last
    /// batch. Services whose look-up or mail failed stay pending.
    async fn flush(&self) {
        let services = self.notifier.take();
        if services.is_empty() {
            return;
        }
        let mut retry = BTreeSet::new();
        let by_address = self.recipients(&services, &mut retry).await;
        let now = SystemTime::now();
        let mut sent = 0usize;
        for (mailbox, slugs) in by_address.into_values() {
            let catalog = self.services.current();
            let names: Vec<&Localized> = catalog
                .iter()
                .filter(|s| slugs.contains(&s.slug))
                .map(|s| &s.name)
                .collect();
            let mail = match mail::compose(&self.from, mailbox, &names, now) {
                Ok(mail) => mail,
                Err(_) => {
                    tracing::warn!("a notice could not be composed");
                    continue;
                }
            };
            match self.transport.send(mail).await {
                Ok(_) => sent += 1,
                Err(e) => {
                    tracing::warn!(
                        kind = mail::error_kind(&e),
                        code = e.status().map(|c| c.to_string()),
                        "a notice was not sent; its services stay pending"
                    );
                    retry.extend(slugs);
                }
            }
        }
        tracing::debug!(
            services = services.len(),
            mails = sent,
            retry = retry.len(),
            "notification batch"
        );
        self.notifier.put_back(retry);
    }

    /// Whom to tell about which of `services`: one entry per address.
    async fn recipients(
        &self,
        services: &BTreeSet<String>,
        retry: &mut BTreeSet<String>,
    ) -> BTreeMap<String, (Mailbox, BTreeSet<String>)> {
        let mut by_address: BTreeMap<String, (Mailbox, BTreeSet<String>)> = BTreeMap::new();
        for slug in services {
            let found = match store::recipients(&self.db, slug).await {
                Ok(found) => found,
                Err(e) => {
                    tracing::warn!(service = %slug, error = %e, "could not find whom to notify");
                    retry.insert(slug.clone());
                    continue;
                }
            };
            for r in found {
                let Ok(mailbox) = r.email.trim().parse::<Mailbox>() else {
                    tracing::warn!(staff = %r.staff_id, "staff e-mail address is not valid; no notice");
                    continue;
                };
                by_address
                    .entry(mailbox.email.to_string())
                    .or_insert_with(|| (mailbox, BTreeSet::new()))
                    .1
                    .insert(slug.clone());
            }
        }
        by_address
    }
}
