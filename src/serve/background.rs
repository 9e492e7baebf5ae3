//! The loops `suoja serve` runs beside the requests: forgetting idle rate
//! limit entries, re-reading services and keys, sweeping timed-out
//! sessions, checkpointing the SQLite WAL, and the retention purge.

use std::future::Future;
use std::time::Duration;

use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::app::AppState;

/// How often keys whose session ended elsewhere are dropped (see
/// `Sessions::sweep`: a few seconds at most) and timed-out sessions too.
const SESSION_SWEEP_SECONDS: u64 = 2;

pub struct Tasks {
    /// Stopped by aborting: each step of theirs is safe to cut off.
    loops: Vec<JoinHandle<()>>,
    /// The purge: a run under way is finished, not cut off, so its last
    /// step (truncating the WAL) is never skipped.
    stop_purging: watch::Sender<bool>,
    purger: JoinHandle<()>,
}

/// Runs `step` every `every`, for as long as the task is not aborted.
fn every<F, Fut>(every: Duration, mut step: F) -> JoinHandle<()>
where
    F: FnMut() -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send,
{
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(every).await;
            step().await;
        }
    })
}

pub fn start(state: &AppState) -> Tasks {
    let s = state.clone();
    let cleaner = every(Duration::from_secs(60), move || {
        s.limits.forget_idle();
        async {}
    });
    // Counsellors join, leave and change keys, and services are edited,
    // while we run, possibly on another instance or from the command line:
    // re-read the services if they changed, then the keys.
    let s = state.clone();
    let reload = Duration::from_secs(state.config.reload_seconds);
    let key_reloader = every(reload, move || {
        let s = s.clone();
        async move {
            if let Err(e) = s.refresh_services(false).await {
                tracing::warn!(error = %e, "reloading services and keys failed");
            }
        }
    });
    let s = state.clone();
    let session_sweeper = every(Duration::from_secs(SESSION_SWEEP_SECONDS), move || {
        let s = s.clone();
        async move {
            if let Err(e) = s.staff.sessions.sweep(&s.db).await {
                tracing::warn!(error = %e, "sweeping sessions failed");
            }
        }
    });
    let db = state.db.clone();
    let checkpointer = every(Duration::from_millis(500), move || {
        let db = db.clone();
        async move {
            if let Err(e) = db.checkpoint().await {
                tracing::warn!(error = %e, "checkpoint failed");
            }
        }
    });
    let (stop_purging, stopping) = watch::channel(false);
    let mut loops = vec![cleaner, key_reloader, session_sweeper, checkpointer];
    loops.push(crate::chat::start_sweep(state.clone()));
    if state.db.backend == crate::db::Backend::Postgres {
        let url = state.config.database_url.clone();
        loops.push(crate::chat::hub::listen(state.chat.hub.clone(), url));
    }
    Tasks {
        loops,
        stop_purging,
        purger: tokio::spawn(purge(state.clone(), stopping)),
    }
}

/// Retention: at start, then every interval. A failed run is retried at the
/// next tick.
async fn purge(state: AppState, mut stopping: watch::Receiver<bool>) {
    let every = Duration::from_secs(state.config.retention.purge_interval_minutes * 60);
    loop {
        let today = crate::db::today();
        let services = state.services.current();
        if let Err(e) = crate::retention::run(&state.db, &services, today, false).await {
            tracing::warn!(error = %e, "retention purge failed");
        }
        tokio::select! {
            () = tokio::time::sleep(every) => {}
            _ = stopping.changed() => break,
        }
    }
}

impl Tasks {
    pub async fn stop(self) {
        for task in self.loops {
            task.abort();
            let _ = task.await;
        }
        let _ = self.stop_purging.send(true);
        if self.purger.await.is_err() {
            tracing::error!("retention purge task failed");
        }
    }
}
