//! Which database the integration tests run on. `SUOJA_TEST_DATABASE` picks
//! it: `sqlite` (the default) gives each app a file in its folder;
//! `postgres` gives each app a fresh database with a random name on the
//! server at `SUOJA_TEST_POSTGRES_URL`, dropped when the app is.

use sqlx::Connection;

/// The server the PostgreSQL tests use when `SUOJA_TEST_POSTGRES_URL` is unset.
const DEFAULT_POSTGRES_URL: &str = "postgres://postgres@127.0.0.1:5432/test";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The backend this test run uses. Anything but `sqlite`, `postgres` or
/// nothing fails loudly rather than quietly testing SQLite.
pub fn backend() -> Backend {
    match std::env::var("SUOJA_TEST_DATABASE").as_deref() {
        Err(_) | Ok("") | Ok("sqlite") => Backend::Sqlite,
        Ok("postgres") => Backend::Postgres,
        Ok(other) => panic!("SUOJA_TEST_DATABASE={other:?}: expected sqlite or postgres"),
    }
}

pub fn is_postgres() -> bool {
    backend() == Backend::Postgres
}

/// The database of one test app.
pub struct TestDatabase {
    /// What goes into the config's `database_url`.
    pub url: String,
    /// The PostgreSQL database to drop at the end; none for SQLite.
    postgres: Option<Dropped>,
}

struct Dropped {
    server: String,
    name: String,
}

impl TestDatabase {
    /// A database for an app whose files live in `dir`.
    pub async fn create(dir: &std::path::Path) -> TestDatabase {
        match backend() {
            Backend::Sqlite => TestDatabase {
                url: format!("sqlite://{}/suoja.db", dir.display()),
                postgres: None,
            },
            Backend::Postgres => TestDatabase::postgres().await,
        }
    }

    /// A fresh PostgreSQL database whichever backend the run uses (for the
    /// tests that compare the two backends).
    pub async fn postgres() -> TestDatabase {
        let server = std::env::var("SUOJA_TEST_POSTGRES_URL")
            .ok()
            .filter(|u| !u.is_empty())
            .unwrap_or_else(|| DEFAULT_POSTGRES_URL.to_owned());
        let name = format!("suoja_test_{:024x}", rand::random::<u128>() >> 32);
        let mut admin = admin(&server).await;
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("create database {name}")))
            .execute(&mut admin)
            .await
            .unwrap();
        admin.close().await.unwrap();
        TestDatabase {
            url: with_database(&server, &name),
            postgres: Some(Dropped { server, name }),
        }
    }
}

impl TestDatabase {
    /// Empties the database (no server may be running on it): SQLite's
    /// files are removed, a PostgreSQL database is dropped and made anew
    /// under the same name. The next start or import finds nothing.
    pub async fn wipe(&self) {
        match &self.postgres {
            None => {
                let file = self.url.trim_start_matches("sqlite://");
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{file}{suffix}"));
                }
            }
            Some(Dropped { server, name }) => {
                let mut admin = admin(server).await;
                for sql in [
                    format!("drop database if exists {name} with (force)"),
                    format!("create database {name}"),
                ] {
                    sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
                        .execute(&mut admin)
                        .await
                        .unwrap();
                }
                admin.close().await.unwrap();
            }
        }
    }

    /// Which backend's migrations folder this database takes.
    pub fn migrations(&self) -> &'static str {
        if self.postgres.is_some() {
            "migrations/postgres"
        } else {
            "migrations/sqlite"
        }
    }
}

async fn admin(server: &str) -> sqlx::AnyConnection {
    sqlx::any::install_default_drivers();
    sqlx::AnyConnection::connect(server)
        .await
        .unwrap_or_else(|e| {
            panic!(
                "the PostgreSQL server {server} does not answer ({e}); the PostgreSQL suite \
                 and tests/api/schema.rs need one: scripts/test installs and starts one, \
                 SUOJA_TEST_POSTGRES_URL names another"
            )
        })
}

/// `server` with its database name replaced by `name`, query kept.
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

impl Drop for TestDatabase {
    /// Drops the PostgreSQL database, ending any connection still open to
    /// it. Drop cannot await, so a short-lived runtime on its own thread
    /// does the work while this one waits.
    fn drop(&mut self) {
        let Some(Dropped { server, name }) = self.postgres.take() else {
            return;
        };
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async move {
                let mut admin = admin(&server).await;
                sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                    "drop database if exists {name} with (force)"
                )))
                .execute(&mut admin)
                .await
                .map(|_| ())
            })
        })
        .join();
        if let Ok(Err(e)) = dropped {
            eprintln!("could not drop a test database: {e}");
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_database_name_is_replaced_and_the_query_kept() {
        assert_eq!(
            super::with_database("postgres://u@h:5432/test?sslmode=disable", "x"),
            "postgres://u@h:5432/x?sslmode=disable"
        );
        assert_eq!(
            super::with_database("postgres://u@h", "x"),
            "postgres://u@h/x"
        );
    }
}
