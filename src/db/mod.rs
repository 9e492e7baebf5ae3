//! The database: backend chosen by URL scheme, pragmas, migrations, the
//! group-commit writer and small shared helpers. SQL lives in each feature's
//! `store.rs`; it uses `$1` placeholders, which both backends accept.

mod writer;

pub use writer::{WriteBatch, WriteFuture, Writer, placeholders, start as start_writer};

use std::str::FromStr;
use std::time::Duration;

use rand::RngCore;
use rand::rngs::OsRng;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, ConnectOptions, Executor, Row};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A connection pool and which backend it talks to.
#[derive(Debug, Clone)]
pub struct Db {
    pub pool: AnyPool,
    pub backend: Backend,
}

/// SQLite: the size the WAL file is cut back to when it starts over (after
/// a checkpoint copied all of it), set on every connection. Without it the
/// file keeps the largest size it ever reached. The writer's checkpoint
/// (`writer.rs`) makes it start over under sustained intake.
pub const WAL_LIMIT_BYTES: i64 = 64 * 1024 * 1024;

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

impl Db {
    /// Connects, sets durability pragmas on every SQLite connection, and runs
    /// the backend's migrations.
    pub async fn connect(url: &str) -> Result<Db, sqlx::Error> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else {
            Backend::Postgres
        };
        let url = match backend {
            Backend::Sqlite => sqlite_url(url)?,
            Backend::Postgres => url.to_owned(),
        };
        // Statement logging would only show SQL text, but keep logs to events.
        let options = AnyConnectOptions::from_str(&url)?.disable_statement_logging();
        let pool = AnyPoolOptions::new()
            .max_connections(if backend == Backend::Sqlite { 8 } else { 16 })
            .acquire_timeout(Duration::from_secs(10))
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        conn.execute(
                            "pragma journal_mode = wal; pragma synchronous = full; \
                             pragma foreign_keys = on; pragma busy_timeout = 5000; \
                             pragma secure_delete = on;",
                        )
                        .await?;
                        // Only a number the code sets is formatted in.
                        let limit = format!("pragma journal_size_limit = {WAL_LIMIT_BYTES}");
                        conn.execute(sqlx::AssertSqlSafe(limit)).await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await?;
        let migrator = match backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator.run(&pool).await?;
        Ok(Db { pool, backend })
    }

    /// Records `fingerprint` (of the pepper) if the database has none yet;
    /// whether it matches the one recorded.
    pub async fn pepper_matches(&self, fingerprint: &str) -> Result<bool, sqlx::Error> {
        sqlx::query(
            "insert into pepper_check (id, fingerprint) values (1, $1) on conflict do nothing",
        )
        .bind(fingerprint)
        .execute(&self.pool)
        .await?;
        let recorded: String = sqlx::query("select fingerprint from pepper_check where id = 1")
            .fetch_one(&self.pool)
            .await?
            .try_get(0)?;
        Ok(recorded == fingerprint)
    }

    /// Copies committed pages from the WAL into the database file without
    /// blocking writers or readers (SQLite only; a no-op elsewhere).
    pub async fn checkpoint(&self) -> Result<(), sqlx::Error> {
        if self.backend == Backend::Sqlite {
            sqlx::query("pragma wal_checkpoint(passive)")
                .execute(&self.pool)
                .await?;
        }
        Ok(())
    }

    /// Makes deleted rows gone from the files for good (SQLite; true
    /// elsewhere, where there is no such file to cut). With `secure_delete`
    /// on, SQLite overwrites deleted rows and freed pages with zeros, but in
    /// WAL mode the zeroed pages are new frames in the WAL: the database file
    /// keeps the old page until a checkpoint, and the WAL keeps older frames
    /// (the ciphertext as it was written) until they are overwritten. A
    /// TRUNCATE checkpoint copies every frame into the database file and
    /// cuts the WAL to zero bytes. It waits (the busy timeout) for readers of
    /// older snapshots; false if it still could not finish after retries.
    pub async fn truncate_wal(&self) -> Result<bool, sqlx::Error> {
        if self.backend != Backend::Sqlite {
            return Ok(true);
        }
        for _ in 0..20 {
            let busy: i64 = sqlx::query("pragma wal_checkpoint(truncate)")
                .fetch_one(&self.pool)
                .await?
                .try_get(0)?;
            if busy == 0 {
                return Ok(true);
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
        Ok(false)
    }

    /// SQLite's journal mode and synchronous level, as a connection sees them.
    pub async fn sqlite_durability(&self) -> Result<(String, i64), sqlx::Error> {
        let mut conn = self.pool.acquire().await?;
        let mode: String = sqlx::query("pragma journal_mode")
            .fetch_one(&mut *conn)
            .await?
            .try_get(0)?;
        let sync: i64 = sqlx::query("pragma synchronous")
            .fetch_one(&mut *conn)
            .await?
            .try_get(0)?;
        Ok((mode, sync))
    }

    /// PostgreSQL's `fsync` and `synchronous_commit`, as this connection
    /// sees them: whether a commit waits for the disk.
    pub async fn postgres_durability(&self) -> Result<(String, String), sqlx::Error> {
        let mut conn = self.pool.acquire().await?;
        let fsync: String = sqlx::query("show fsync")
            .fetch_one(&mut *conn)
            .await?
            .try_get(0)?;
        let commit: String = sqlx::query("show synchronous_commit")
            .fetch_one(&mut *conn)
            .await?
            .try_get(0)?;
        Ok((fsync, commit))
    }
}

/// Creates the folder of a SQLite file and asks for the file to be created.
fn sqlite_url(url: &str) -> Result<String, sqlx::Error> {
    let path = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:");
    let file = path.split('?').next().unwrap_or("");
    if let Some(dir) = std::path::Path::new(file)
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
    {
        std::fs::create_dir_all(dir).map_err(sqlx::Error::Io)?;
    }
    // Create the file owner-only; SQLite gives its -wal and -shm files the
    // same permissions.
    if !file.is_empty() && !file.starts_with(':') {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(false);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        options.open(file).map_err(sqlx::Error::Io)?;
    }
    Ok(if url.contains('?') {
        url.to_owned()
    } else {
        format!("{url}?mode=rwc")
    })
}

/// A new random id: 128 bits, hex, with no time in it.
pub fn new_id() -> String {
    let mut bytes = [0u8; 16];
    OsRng.fill_bytes(&mut bytes);
    crate::seal::hex(&bytes)
}

/// Today's date in UTC: the only time a plaintext column holds.
pub fn today() -> jiff::civil::Date {
    jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date()
}

/// The day-granular form stored in plaintext columns.
pub fn day(date: jiff::civil::Date) -> String {
    date.strftime("%Y-%m-%d").to_string()
}
