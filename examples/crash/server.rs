//! The server under test: its folder, config and keys, a fresh database, and
//! the `suoja serve` process that is started, killed and started again.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use age::x25519;
use secrecy::ExposeSecret;
use sqlx::Connection;

use crate::BoxError;

pub const SLUG: &str = "crash";

/// `target/<profile>/examples/crash` -> `target/<profile>/suoja`.
pub fn server_binary() -> Result<PathBuf, BoxError> {
    let exe = std::env::current_exe()?;
    let profile_dir = exe
        .parent()
        .and_then(Path::parent)
        .ok_or("cannot tell the target folder from this program's path")?;
    let binary = profile_dir.join(format!("suoja{}", std::env::consts::EXE_SUFFIX));
    if !binary.is_file() {
        return Err(format!(
            "{} not found: build it first (cargo build --release, or cargo test for the debug one)",
            binary.display()
        )
        .into());
    }
    Ok(binary)
}

/// The database the run uses: a SQLite file in the run's folder, or a
/// database made for the run beside the one a PostgreSQL URL names.
pub struct Database {
    pub url: String,
    /// (server URL, database name) to drop at the end.
    postgres: Option<(String, String)>,
}

impl Database {
    pub async fn fresh(dir: &Path, postgres: Option<&str>) -> Result<Database, BoxError> {
        let Some(server) = postgres else {
            return Ok(Database {
                url: format!("sqlite://{}", dir.join("crash.db").display()),
                postgres: None,
            });
        };
        let name = format!("suoja_crash_{:016x}", rand::random::<u64>());
        let mut admin = connect(server).await?;
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("create database {name}")))
            .execute(&mut admin)
            .await?;
        admin.close().await?;
        Ok(Database {
            url: with_database(server, &name),
            postgres: Some((server.to_owned(), name)),
        })
    }

    pub fn is_postgres(&self) -> bool {
        self.postgres.is_some()
    }

    /// Drops a PostgreSQL database made for the run (SQLite's file goes
    /// with the run's folder).
    pub async fn drop_database(&self) -> Result<(), BoxError> {
        if let Some((server, name)) = &self.postgres {
            let mut admin = connect(server).await?;
            sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                "drop database if exists {name} with (force)"
            )))
            .execute(&mut admin)
            .await?;
            admin.close().await?;
        }
        Ok(())
    }
}

async fn connect(url: &str) -> Result<sqlx::AnyConnection, BoxError> {
    sqlx::any::install_default_drivers();
    sqlx::AnyConnection::connect(url)
        .await
        .map_err(|e| format!("PostgreSQL does not answer at the URL given: {e}").into())
}

/// The URL of database `name` on the server of `server`.
fn with_database(server: &str, name: &str) -> String {
    let (base, query) = match server.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (server, String::new()),
    };
    let authority_end = base
        .find("://")
        .map(|i| i + 3)
        .and_then(|start| base[start..].find('/').map(|j| start + j))
        .unwrap_or(base.len());
    format!("{}/{name}{query}", &base[..authority_end])
}

/// The counsellor's identity: the one key the checks open items with.
pub struct Keys {
    pub counsellor: x25519::Identity,
}

/// Writes the config (one service sealed to a counsellor and a recovery
/// key, limits out of the way) and the counsellor's identity file.
pub fn write_config(dir: &Path, database_url: &str) -> Result<(PathBuf, Keys), BoxError> {
    let counsellor = x25519::Identity::generate();
    let recovery = x25519::Identity::generate().to_public();
    std::fs::write(
        dir.join("counsellor.key"),
        format!("{}\n", counsellor.to_string().expose_secret()),
    )?;
    let config = format!(
        r#"listen = "127.0.0.1:0"
database_url = "{database_url}"
pepper_file = "{pepper}"
recovery_recipient = "{recovery}"
quick_exit_url = "https://yle.fi/"

[form]
min_fill_seconds = 0
max_age_seconds = 14400

[limits]
submissions_per_client_per_hour = 100000000
submissions_per_service_per_minute = 100000000
lookups_per_client_per_hour = 100000000
lookups_per_minute = 100000000
chat_messages_per_minute = 100000000
chat_messages_per_client_per_minute = 100000000
ipv4_prefix = 32

[[services]]
slug = "{SLUG}"
recipients = ["{counsellor_public}"]
topics = ["general"]
[services.name]
fi = "Kaatumiskoe"
sv = "Kraschprov"
en = "Crash test"
[services.description]
fi = "Palvelu kaatumiskokeelle."
sv = "Tjänst för kraschprovet."
en = "Service for the crash harness."
"#,
        pepper = dir.join("pepper").display(),
        counsellor_public = counsellor.to_public(),
    );
    let path = dir.join("crash.toml");
    std::fs::write(&path, config)?;
    Ok((path, Keys { counsellor }))
}

pub struct Server {
    child: Child,
    pub base: String,
}

impl Server {
    /// Starts `suoja serve` and waits until it says where it listens.
    pub fn start(binary: &Path, config: &Path, log: &Path) -> Result<Server, BoxError> {
        let log_file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)?;
        let mut command = Command::new(binary);
        command
            .arg("serve")
            .arg("--config")
            .arg(config)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(log_file);
        // Keep the caller's SUOJA_* overrides out, all but the log filter.
        for (name, _) in std::env::vars_os() {
            let text = name.to_string_lossy();
            if text.starts_with("SUOJA_") && text != "SUOJA_LOG" {
                command.env_remove(name);
            }
        }
        let mut child = command
            .spawn()
            .map_err(|e| format!("{}: {e}", binary.display()))?;
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut lines = BufReader::new(stdout).lines();
            for line in lines.by_ref().map_while(Result::ok) {
                if let Some(rest) = line.strip_prefix("suoja listening on ") {
                    let _ = tx.send(rest.trim_end_matches('/').to_owned());
                    break;
                }
            }
            // Keep draining so the server never blocks on a full pipe.
            for _ in lines {}
        });
        match rx.recv_timeout(Duration::from_secs(120)) {
            Ok(base) => Ok(Server { child, base }),
            Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                Err(format!("the server did not start; its log: {}", tail(log)).into())
            }
        }
    }

    /// SIGKILL (what `Child::kill` sends on Unix), and reap the process.
    pub fn kill(&mut self) -> Result<Instant, BoxError> {
        self.child.kill()?;
        let at = Instant::now();
        self.child.wait()?;
        Ok(at)
    }

    /// The process id, for its `/proc` entries. The scaling benchmark
    /// (`examples/scale`) shares this file and reads the server's RSS.
    #[allow(dead_code)]
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// SIGTERM at the end of the run, and wait for a clean exit.
    pub fn stop(mut self) -> Result<(), BoxError> {
        let sent = Command::new("kill")
            .arg("-TERM")
            .arg(self.child.id().to_string())
            .status();
        if !sent.as_ref().is_ok_and(|s| s.success()) {
            let _ = self.child.kill();
        }
        let status = self.child.wait()?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("the server exited with {status}").into())
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The last lines of the server's log, for an error message.
pub fn tail(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.len().saturating_sub(20);
    format!("\n{}", lines[start..].join("\n"))
}
