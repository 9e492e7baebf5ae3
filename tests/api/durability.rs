//! Privacy rule 6 and durability: SQLite in WAL with synchronous=FULL (or
//! PostgreSQL with fsync and synchronous commits), every acknowledged request
//! committed, also across a graceful shutdown or a kill.

use std::collections::HashSet;

use crate::helpers::*;

/// SQLite only: WAL and `synchronous` are SQLite pragmas. On PostgreSQL
/// `postgres_commits_wait_for_the_disk` checks the server's equivalent.
#[tokio::test]
async fn sqlite_runs_in_wal_mode_with_full_synchronous_commits() {
    if is_postgres() {
        return;
    }
    let mut app = spawn_app().await;
    app.submit_ok("durable").await;
    assert!(
        app.logs()
            .contains(r#"sqlite durability journal_mode=wal synchronous="full""#)
    );
    assert!(app.path("suoja.db-wal").exists(), "WAL file in use");
    let db = suoja::db::Db::connect(&format!("sqlite://{}", app.db_path().display()))
        .await
        .unwrap();
    assert_eq!(db.sqlite_durability().await.unwrap(), ("wal".to_owned(), 2));
    db.pool.close().await;
    app.stop().await;
}

/// PostgreSQL only (SQLite's check is the test above): `serve` reads the
/// server's `fsync` and `synchronous_commit` and logs them, and refuses to
/// start when either is off.
#[tokio::test]
async fn postgres_commits_wait_for_the_disk() {
    if !is_postgres() {
        return;
    }
    let mut app = spawn_app().await;
    app.submit_ok("durable").await;
    assert!(
        app.logs()
            .contains("postgres durability fsync=on synchronous_commit=on"),
        "{}",
        app.logs()
    );
    app.stop().await;
    // A server that would acknowledge before the disk has the commit is
    // refused. The setting is made for this database only.
    let pool = app.pool().await;
    let name: (String,) = sqlx::query_as("select current_database()::text")
        .fetch_one(&pool)
        .await
        .unwrap();
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
        "alter database {} set synchronous_commit = off",
        name.0
    )))
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;
    let (ok, _, err) = run(std::process::Command::new(bin())
        .args(["serve", "--config"])
        .arg(&app.config));
    assert!(!ok);
    assert!(
        err.contains("PostgreSQL is not durable: fsync=on synchronous_commit=off"),
        "{err}"
    );
}

/// PostgreSQL only: a server restart or fail-over ends every connection.
/// The group-commit writer and the pool connect again, so the next request
/// is served (SQLite has no server to lose).
#[tokio::test]
async fn requests_are_served_again_after_the_database_ends_every_connection() {
    if !is_postgres() {
        return;
    }
    let app = spawn_app().await;
    app.submit_ok("before the connections ended").await;
    let pool = app.pool().await;
    let (ended,): (i64,) = sqlx::query_as(
        "select count(pg_terminate_backend(pid)) from pg_stat_activity \
         where datname = current_database() and pid <> pg_backend_pid()",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    pool.close().await;
    assert!(
        ended >= 2,
        "the writer's and the pool's connections: {ended}"
    );
    let receipt = app.submit_ok("after the connections ended").await;
    let (status, page) = app.check("en", &receipt).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("after the connections ended"));
}

#[tokio::test]
async fn many_concurrent_requests_are_each_committed_exactly_once() {
    let app = std::sync::Arc::new(spawn_app().await);
    let mut tasks = Vec::new();
    for i in 0..120 {
        let app = app.clone();
        tasks.push(tokio::spawn(async move {
            app.submit_ok(&format!("request {i}")).await
        }));
    }
    let mut receipts = HashSet::new();
    for t in tasks {
        receipts.insert(t.await.unwrap());
    }
    assert_eq!(receipts.len(), 120, "every receipt is distinct");
    assert_eq!(app.count("select count(*) from cases").await, 120);
    assert_eq!(app.count("select count(*) from messages").await, 120);
    for r in receipts.iter().take(10) {
        assert_eq!(app.check("en", r).await.0, 200);
    }
}

#[tokio::test]
async fn a_graceful_shutdown_keeps_every_acknowledged_request() {
    acknowledged_requests_survive("TERM").await;
}

#[tokio::test]
async fn a_killed_server_loses_no_acknowledged_request() {
    acknowledged_requests_survive("KILL").await;
}

/// Sends `signal` while requests are arriving; after a restart every receipt
/// that was handed out must open its case.
async fn acknowledged_requests_survive(signal: &str) {
    let mut app = spawn_app().await;
    let app_ref = std::sync::Arc::new(app.base.clone());
    // A form each: a form is taken once, so a shared token would give one
    // receipt and 119 refusals.
    let mut tokens = Vec::new();
    for _ in 0..120 {
        tokens.push(app.form_token("en", SERVICE).await);
    }
    let done = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut tasks = Vec::new();
    for (i, token) in (0..120u64).zip(tokens) {
        let base = app_ref.clone();
        let done = done.clone();
        tasks.push(tokio::spawn(async move {
            // Spread the requests out so that some are in flight at the signal.
            tokio::time::sleep(std::time::Duration::from_millis(2 * i)).await;
            let r = client()
                .post(format!("{base}/en/services/{SERVICE}"))
                .form(&[
                    ("token", token.as_str()),
                    ("topic", "general"),
                    ("message", &format!("m{i}")),
                ])
                .send()
                .await
                .ok()?;
            let body = r.text().await.ok()?;
            let receipt = between(&body, r#"<p class="code" dir="ltr"><strong>"#, "</strong>");
            done.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            receipt
        }));
    }
    // SIGTERM once some requests are answered and others still arriving.
    while done.load(std::sync::atomic::Ordering::SeqCst) < 20 {
        tokio::time::sleep(std::time::Duration::from_millis(1)).await;
    }
    send_signal(app.pid(), signal);
    let mut acknowledged = Vec::new();
    for t in tasks {
        if let Some(receipt) = t.await.unwrap() {
            acknowledged.push(receipt);
        }
    }
    if signal == "KILL" {
        app.reap();
    } else {
        app.stop().await;
    }
    assert!(
        acknowledged.len() >= 10,
        "{} receipts before the signal",
        acknowledged.len()
    );
    app.start().await;
    for receipt in &acknowledged {
        assert_eq!(
            app.check("en", receipt).await.0,
            200,
            "acknowledged but lost"
        );
    }
    let stored = app.count("select count(*) from cases").await;
    assert!(stored >= acknowledged.len() as i64);
    database_is_intact(&app).await;
}

fn send_signal(pid: u32, signal: &str) {
    let ok = std::process::Command::new("kill")
        .args([&format!("-{signal}"), &pid.to_string()])
        .status()
        .unwrap()
        .success();
    assert!(ok);
}

/// On PostgreSQL the database files are the server's (its data directory
/// is its owner's only); the pepper file is ours on both.
#[cfg(unix)]
#[tokio::test]
async fn the_database_and_pepper_files_are_readable_by_their_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let app = spawn_app().await;
    app.submit_ok("private").await;
    let files: &[&str] = if is_postgres() {
        &["pepper"]
    } else {
        &["suoja.db", "suoja.db-wal", "pepper"]
    };
    for file in files {
        let mode = std::fs::metadata(app.path(file))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "{file} is {mode:o}");
    }
}
