//! Counting events as they happen, without a write on the request's path.
//!
//! A contact request is answered at thousands a second through the
//! group-commit writer; a counter written in a transaction of its own per
//! request would add an fsync to each. So [`Tally::count`] adds one to a
//! counter in memory and wakes a task that, a second later, writes every
//! counter that moved, merged, in one transaction of its own: never the
//! case's, and never one per event. A write that fails is kept and tried
//! again with the next; at shutdown the last ones are written before the
//! process exits. What a crash loses is at most that second's counts.
//!
//! In memory a counter is a service, a month, a metric and a category with
//! a number, exactly what the table holds: nothing of the case or the
//! client is kept here either.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use tokio::sync::{Notify, watch};
use tokio::task::JoinHandle;

use super::{Metric, store};
use crate::db::Db;

/// How long the task gathers counts after the first before writing them.
const GATHER: Duration = Duration::from_secs(1);

/// One counter: what `stats_counts` keys a row by.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Key {
    pub service: String,
    /// `YYYY-MM`, UTC.
    pub month: String,
    pub metric: Metric,
    pub category: String,
}

/// Changes to counters, in key order (so two writers lock rows in the
/// same order).
pub type Deltas = BTreeMap<Key, i64>;

/// Counters not yet written, and the task that writes them.
pub struct Tally {
    shared: Arc<Shared>,
    stop: watch::Sender<bool>,
    task: Mutex<Option<JoinHandle<()>>>,
}

struct Shared {
    pending: Mutex<Deltas>,
    wake: Notify,
}

fn lock(pending: &Mutex<Deltas>) -> MutexGuard<'_, Deltas> {
    pending.lock().unwrap_or_else(|e| e.into_inner())
}

impl Tally {
    /// Starts the task that writes counts to `db`.
    pub fn start(db: &Db) -> Tally {
        let shared = Arc::new(Shared {
            pending: Mutex::new(Deltas::new()),
            wake: Notify::new(),
        });
        let (stop, stopping) = watch::channel(false);
        let task = tokio::spawn(run(shared.clone(), db.clone(), stopping));
        Tally {
            shared,
            stop,
            task: Mutex::new(Some(task)),
        }
    }

    /// Adds one to `metric`'s `category` of `service` this month. It never
    /// waits and never fails: the count is written within a second.
    pub fn count(&self, service: &str, metric: Metric, category: &str) {
        let key = Key {
            service: service.to_owned(),
            month: super::this_month(),
            metric,
            category: category.to_owned(),
        };
        *lock(&self.shared.pending).entry(key).or_insert(0) += 1;
        self.shared.wake.notify_one();
    }

    /// Writes what is pending now (the statistics page calls this first,
    /// so it shows this instance's latest counts).
    pub async fn flush(&self, db: &Db) -> Result<(), sqlx::Error> {
        flush(&self.shared, db).await
    }

    /// Writes what is pending and stops the task (at shutdown, once no
    /// request can count any more).
    pub async fn stop(&self) {
        let _ = self.stop.send(true);
        let task = self.task.lock().unwrap_or_else(|e| e.into_inner()).take();
        if let Some(task) = task
            && task.await.is_err()
        {
            tracing::error!("statistics task failed");
        }
    }
}

async fn run(shared: Arc<Shared>, db: Db, mut stopping: watch::Receiver<bool>) {
    // A new installation's reasons and outcomes, before anyone asks for them
    // (each reader writes them too, if this has not yet).
    if let Err(e) = store::seed_defaults(&db).await {
        tracing::warn!(error = %e, "writing the default contact reasons failed");
    }
    loop {
        tokio::select! {
            () = shared.wake.notified() => {}
            _ = stopping.changed() => break,
        }
        let stop = tokio::select! {
            () = tokio::time::sleep(GATHER) => false,
            _ = stopping.changed() => true,
        };
        if let Err(e) = flush(&shared, &db).await {
            tracing::warn!(error = %e, "writing statistics failed; they are kept for the next try");
        }
        if stop {
            break;
        }
    }
    if let Err(e) = flush(&shared, &db).await {
        tracing::error!(error = %e, "writing statistics at shutdown failed");
    }
}

/// Takes what is pending and writes it; on failure puts it back.
async fn flush(shared: &Shared, db: &Db) -> Result<(), sqlx::Error> {
    let taken = std::mem::take(&mut *lock(&shared.pending));
    if taken.is_empty() {
        return Ok(());
    }
    let written = store::add(db, &taken).await;
    if written.is_err() {
        let mut pending = lock(&shared.pending);
        for (key, n) in taken {
            *pending.entry(key).or_insert(0) += n;
        }
    }
    written
}
