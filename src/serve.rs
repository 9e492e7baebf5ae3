//! `suoja serve`: open the database, check durability, start the writer and
//! the HTTP server; on SIGTERM or Ctrl-C stop taking requests, finish those
//! in flight, commit everything acknowledged, then exit.

use std::time::Duration;

use tokio::net::TcpListener;

mod background;

use crate::abuse::{FormKey, Limiters};
use crate::app::{AppState, Inner, router};
use crate::config::Config;
use crate::db::{Backend, Db};
use crate::keys::Keys;
use crate::notify::NotifyTask;
use crate::seal::Pepper;
use crate::services::Services;
use crate::staff::StaffState;

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

type WriterTask = tokio::task::JoinHandle<()>;

/// SQLite's `synchronous = full`.
const SYNCHRONOUS_FULL: i64 = 2;

pub async fn serve(config: Config) -> Result<(), BoxError> {
    let pepper = Pepper::load_or_create(&config.pepper_file)
        .map_err(|e| format!("pepper file {}: {e}", config.pepper_file.display()))?;
    let db = open_database(&config, &pepper).await?;
    let (state, writer_task, notify_task) = build_state(config, pepper, &db).await?;
    let setup_token = state.setup.start(&db).await?;
    let listener = TcpListener::bind(state.config.listen)
        .await
        .map_err(|e| format!("listen on {}: {e}", state.config.listen))?;
    let addr = listener.local_addr()?;
    let tasks = background::start(&state);
    let app = router(state.clone());
    let timeouts = crate::listen::Timeouts {
        header: Duration::from_secs(state.config.limits.header_timeout_seconds),
        body: Duration::from_secs(state.config.limits.body_timeout_seconds),
    };
    let services = state.services.current().len();
    tracing::info!(%addr, services, "listening");
    let shutdown = shutdown_signal();
    println!("suoja listening on http://{addr}/");
    if let Some(token) = setup_token {
        print_setup_link(&state.config, addr, &token);
    }
    crate::listen::serve(listener, app, timeouts, shutdown).await;
    tasks.stop().await;
    state.stats.stop().await;
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

/// Connects, refuses a database that would not keep an acknowledged write
/// through a power cut, and checks the pepper is the one it was served with.
async fn open_database(config: &Config, pepper: &Pepper) -> Result<Db, BoxError> {
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
    Ok(db)
}

/// Everything a request may need, and the two tasks that must be drained
/// at shutdown: the group-commit writer and the notifier.
async fn build_state(
    config: Config,
    pepper: Pepper,
    db: &Db,
) -> Result<(AppState, WriterTask, Option<NotifyTask>), BoxError> {
    let limits = Limiters::start(&config.limits).await?;
    let services = Services::open(db, &config).await?;
    if crate::accessibility::store::apply_config(db, &config.accessibility).await? {
        tracing::info!("accessibility statement seeded from the config");
    }
    let keys = Keys::load(db, &config, &services.current()).await?;
    let staff = StaffState::new(&config, &pepper)?;
    // Spent nonces and cases share one writer task: two lanes, two
    // transactions, one connection (see `db::start_writer`).
    let (spent, writer, writer_task) = crate::db::start_writer(db).await?;
    let form_key = FormKey::new(
        pepper.derive("form-token"),
        config.form.min_fill_seconds,
        config.form.max_age_seconds,
    )?;
    let (notifier, notify_task) =
        crate::notify::start(&config, db, &services).map_err(|e| format!("smtp: {e}"))?;
    let cores = std::thread::available_parallelism().map_or(2, usize::from);
    let chat = crate::chat::ChatState::new(&config, &pepper);
    let state = AppState::new(Inner {
        config,
        db: db.clone(),
        writer,
        spent,
        pepper,
        form_key,
        limits,
        keys,
        services,
        staff,
        sealing: tokio::sync::Semaphore::new(cores),
        notifier,
        stats: crate::stats::Tally::start(db),
        setup: crate::admin::Setup::default(),
        rotation: crate::rotation::pages::Runners::default(),
        chat,
    });
    Ok((state, writer_task, notify_task))
}

/// Printed, never logged: the link makes an admin, once, for a day.
fn print_setup_link(config: &Config, addr: std::net::SocketAddr, token: &str) {
    let base = match config.public_url.as_str() {
        url if url.ends_with(":0") => format!("http://{addr}"),
        url => url.to_owned(),
    };
    println!(
        "first run: no administrator yet. Create one, within 24 hours, at\n  \
         {base}/en/staff/setup?token={token}\n\
         (the link works once; restarting prints a new one)"
    );
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
