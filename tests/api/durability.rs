//! Privacy rule 6 and durability: SQLite in WAL with synchronous=FULL, every
//! acknowledged request committed, also across a graceful shutdown.

use std::collections::HashSet;

use crate::helpers::*;

#[tokio::test]
async fn sqlite_runs_in_wal_mode_with_full_synchronous_commits() {
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
    let token = app.form_token("en", SERVICE).await;
    let done = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut tasks = Vec::new();
    for i in 0..120 {
        let base = app_ref.clone();
        let token = token.clone();
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
            let receipt = between(&body, r#"<p class="code"><strong>"#, "</strong>");
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
    assert!(!acknowledged.is_empty());
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
    let pool = app.pool().await;
    let (integrity,): (String,) = sqlx::query_as("pragma integrity_check")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(integrity, "ok");
    pool.close().await;
}

fn send_signal(pid: u32, signal: &str) {
    let ok = std::process::Command::new("kill")
        .args([&format!("-{signal}"), &pid.to_string()])
        .status()
        .unwrap()
        .success();
    assert!(ok);
}

#[cfg(unix)]
#[tokio::test]
async fn the_database_and_pepper_files_are_readable_by_their_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let app = spawn_app().await;
    app.submit_ok("private").await;
    for file in ["suoja.db", "suoja.db-wal", "pepper"] {
        let mode = std::fs::metadata(app.path(file))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "{file} is {mode:o}");
    }
}
