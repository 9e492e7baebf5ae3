//! `suoja serve`: open the database, check durability, start the writer and
//! the HTTP server; on SIGTERM or Ctrl-C stop taking requests, finish those
//! in flight, commit everything acknowledged, then exit.

use std::time::Duration;

use tokio::net::TcpListener;

use crate::abuse::{FormKey, Limiters};
use crate::app::{AppState, Inner, router};
use crate::config::Config;
use crate::db::{Backend, Db, Writer};
use crate::keys::Keys;
use crate::seal::Pepper;
use crate::services::Services;
use crate::staff::StaffState;

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// How often the services and the counsellors' keys are re-read from the
/// database (services only when their version moved).
const KEY_RELOAD_SECONDS: u64 = 5;
/// How often timed-out sessions (and their keys) are dropped.
const SESSION_SWEEP_SECONDS: u64 = 15;

/// SQLite's `synchronous = full`.
const SYNCHRONOUS_FULL: i64 = 2;

pub async fn serve(config: Config) -> Result<(), BoxError> {
    let pepper = Pepper::load_or_create(&config.pepper_file)
        .map_err(|e| format!("pepper file {}: {e}", config.pepper_file.display()))?;
    let db = Db::connect(&config.database_url)
        .await
        .map_err(|e| format!("database: {e}"))?;
    if db.backend == Backend::Sqlite {
        let (mode, sync) = db.sqlite_durability().await?;
        if mode != "wal" || sync != SYNCHRONOUS_FULL {
            return Err(
                format!("SQLite is not durable: journal_mode={mode} synchronous={sync}").into(),
            );
        }
        tracing::info!(journal_mode = %mode, synchronous = "full", "sqlite durability");
    } else {
        // A commit must be on disk before a receipt is shown. `local`,
        // `remote_write` and `remote_apply` wait for the local disk too.
        let (fsync, commit) = db.postgres_durability().await?;
        if fsync != "on" || commit == "off" {
            return Err(format!(
                "PostgreSQL is not durable: fsync={fsync} synchronous_commit={commit}"
            )
            .into());
        }
        tracing::info!(%fsync, synchronous_commit = %commit, "postgres durability");
    }
    // Instances that share a database must share its pepper too: under
    // another one no receipt is found and no TOTP seed opens.
    if !db.pepper_matches(&pepper.fingerprint()).await? {
        return Err(format!(
            "pepper file {}: it is not the pepper this database was first served with; \
             copy the pepper file of the first instance (docs/DEPLOYMENT.md)",
            config.pepper_file.display()
        )
        .into());
    }
    let services = Services::open(&db, &config).await?;
    let keys = Keys::load(&db, &config, &services.current()).await?;
    let staff = StaffState::new(&config, &pepper)?;
    let (writer, writer_task) = Writer::start(&db).await?;
    let form_key = FormKey::new(
        pepper.derive("form-token"),
        config.form.min_fill_seconds,
        config.form.max_age_seconds,
    )?;
    let limits = Limiters::new(&config.limits);
    let (notifier, notify_task) =
        crate::notify::start(&config, &db, &services).map_err(|e| format!("smtp: {e}"))?;
    let listener = TcpListener::bind(config.listen)
        .await
        .map_err(|e| format!("listen on {}: {e}", config.listen))?;
    let addr = listener.local_addr()?;
    let service_count = services.current().len();
    let state = AppState::new(Inner {
        config,
        db: db.clone(),
        writer,
        pepper,
        form_key,
        limits,
        keys,
        services,
        staff,
        sealing: tokio::sync::Semaphore::new(
            std::thread::available_parallelism().map_or(2, usize::from),
        ),
        notifier,
        setup: crate::admin::Setup::default(),
        rotation: crate::rotation::pages::Runners::default(),
    });
    let setup_token = state.setup.start(&db).await?;
    let cleaner = tokio::spawn({
        let state = state.clone();
        async move {
            loop {
                tokio::time::sleep(Duration::from_secs(60)).await;
                state.limits.forget_idle();
            }
        }
    });
    // Counsellors join, leave and change keys, and services are edited,
    // while we run, possibly on another instance or from the command line:
    // re-read the services if they changed, then the keys.
    let key_reloader = tokio::spawn({
        let state = state.clone();
        async move {
            loop {
                tokio::time::sleep(Duration::from_secs(KEY_RELOAD_SECONDS)).await;
                if let Err(e) = state.refresh_services(false).await {
                    tracing::warn!(error = %e, "reloading services and keys failed");
                }
            }
        }
    });
    let session_sweeper = tokio::spawn({
        let state = state.clone();
        async move {
            loop {
                tokio::time::sleep(Duration::from_secs(SESSION_SWEEP_SECONDS)).await;
                if let Err(e) = state.staff.sessions.sweep(&state.db).await {
                    tracing::warn!(error = %e, "sweeping sessions failed");
                }
            }
        }
    });
    let checkpointer = tokio::spawn({
        let db = db.clone();
        async move {
            loop {
                tokio::time::sleep(Duration::from_millis(500)).await;
                if let Err(e) = db.checkpoint().await {
                    tracing::warn!(error = %e, "checkpoint failed");
                }
            }
        }
    });
    // Retention: at start, then every interval. A failed run is retried at
    // the next tick. At shutdown a run under way is finished, not cut off,
    // so its last step (truncating the WAL) is never skipped.
    let (stop_purging, mut stopping) = tokio::sync::watch::channel(false);
    let purger = tokio::spawn({
        let state = state.clone();
        let every = Duration::from_secs(state.config.retention.purge_interval_minutes * 60);
        async move {
            loop {
                let today = crate::db::today();
                if let Err(e) =
                    crate::retention::run(&state.db, &state.services.current(), today, false).await
                {
                    tracing::warn!(error = %e, "retention purge failed");
                }
                tokio::select! {
                    () = tokio::time::sleep(every) => {}
                    _ = stopping.changed() => break,
                }
            }
        }
    });
    let app = router(state.clone());
    let timeouts = crate::listen::Timeouts {
        header: Duration::from_secs(state.config.limits.header_timeout_seconds),
        body: Duration::from_secs(state.config.limits.body_timeout_seconds),
    };
    tracing::info!(%addr, services = service_count, "listening");
    let shutdown = shutdown_signal();
    println!("suoja listening on http://{addr}/");
    if let Some(token) = setup_token {
        // Printed, never logged: the link makes an admin, once, for a day.
        let base = match state.config.public_url.as_str() {
            url if url.ends_with(":0") => format!("http://{addr}"),
            url => url.to_owned(),
        };
        println!(
            "first run: no administrator yet. Create one, within 24 hours, at\n  \
             {base}/en/staff/setup?token={token}\n\
             (the link works once; restarting prints a new one)"
        );
    }
    crate::listen::serve(listener, app, timeouts, shutdown).await;
    for task in [cleaner, checkpointer, key_reloader, session_sweeper] {
        task.abort();
        let _ = task.await;
    }
    let _ = stop_purging.send(true);
    if purger.await.is_err() {
        tracing::error!("retention purge task failed");
    }
    // Unlocked counsellor keys are zeroized as they are dropped.
    state.staff.sessions.forget_all();
    if let Some(task) = notify_task {
        task.shutdown().await;
    }
    drop(state);
    // Every request that got an answer was committed; this drains any write
    // still queued by a request that was cut off.
    if writer_task.await.is_err() {
        tracing::error!("writer task failed");
    }
    let _ = db.checkpoint().await;
    db.pool.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// Listens for SIGTERM and Ctrl-C from the moment it is called (before the
/// "listening" line is printed), so a signal sent right after start is not
/// lost; the returned future ends when one arrives.
fn shutdown_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    let term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate());
    let ctrl_c = tokio::signal::ctrl_c();
    async move {
        #[cfg(unix)]
        let term = async {
            match term {
                Ok(mut s) => {
                    s.recv().await;
                }
                Err(_) => std::future::pending::<()>().await,
            }
        };
        #[cfg(not(unix))]
        let term = std::future::pending::<()>();
        tokio::select! {
            _ = ctrl_c => {},
            () = term => {},
        }
        tracing::info!("shutting down");
    }
}
