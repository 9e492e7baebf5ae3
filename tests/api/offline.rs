//! What is stored is standard age: it opens with the reference `age` CLI and
//! with `suoja open`, for the counsellor, the recovery key and the client key.

use std::process::Command;

use secrecy::ExposeSecret;
use suoja::seal::{Pepper, Receipt};

use crate::helpers::*;

fn age_cli() -> &'static str {
    let found = Command::new("age").arg("--version").output();
    assert!(
        found.is_ok_and(|o| o.status.success()),
        "the reference `age` CLI is missing: run scripts/test, which installs it (Debian package `age`)"
    );
    "age"
}

#[tokio::test]
async fn stored_messages_open_with_the_reference_age_cli_for_every_intended_key() {
    let app = spawn_app().await;
    let receipt = app.submit_ok("interop with the Go implementation").await;
    let sealed = app.sealed_messages().await;
    assert_eq!(sealed.len(), 1);
    let file = app.path("message.age");
    std::fs::write(&file, &sealed[0]).unwrap();

    // The client's key, derived from the receipt and the pepper, is an
    // ordinary age identity too.
    let pepper = Pepper::load_or_create(&app.path("pepper")).unwrap();
    let client = Receipt::parse(&receipt)
        .unwrap()
        .client_key(&pepper)
        .unwrap();
    let client_key = app.path("client.key");
    std::fs::write(&client_key, client.identity.to_string().expose_secret()).unwrap();

    for key in ["counsellor.key", "recovery.key", "client.key"] {
        let (ok, out, err) = run(Command::new(age_cli())
            .args(["--decrypt", "--identity"])
            .arg(app.path(key))
            .arg(&file));
        assert!(ok, "{key}: {err}");
        let doc: serde_json::Value = serde_json::from_str(out.trim_end()).unwrap();
        assert_eq!(doc["v"], 1);
        assert_eq!(doc["text"], "interop with the Go implementation");
        assert_eq!(doc["service"], SERVICE);
        assert_eq!(out.len(), 4096, "padded to the 4 KiB bucket");
    }
    let stranger = app.path("stranger.key");
    let (ok, _, _) = run(Command::new("age-keygen").arg("-o").arg(&stranger));
    assert!(ok);
    let (ok, _, _) = run(Command::new("age")
        .args(["-d", "-i"])
        .arg(&stranger)
        .arg(&file));
    assert!(!ok, "a stranger's key opens nothing");
}

#[tokio::test]
async fn suoja_open_lists_and_decrypts_what_an_identity_can_open() {
    let app = spawn_app().await;
    app.submit_ok("first request").await;
    // Cases are put in order by the time sealed in them (to the second):
    // the database keeps no order of insertion.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    app.submit_ok("second request").await;
    let (ok, out, err) = run(Command::new(bin())
        .args(["open", "--identity"])
        .arg(app.path("counsellor.key"))
        .arg("--config")
        .arg(&app.config));
    assert!(ok, "{err}");
    assert!(
        out.contains("first request") && out.contains("second request"),
        "{out}"
    );
    assert!(err.contains("2 of 2 cases opened"), "{err}");

    let (ok, out, _) = run(Command::new(bin())
        .args(["open", "--json", "--identity"])
        .arg(app.path("recovery.key"))
        .env("SUOJA_DATABASE_URL", app.database_url()));
    assert!(ok);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(
        lines[0]["messages"][0]["doc"]["text"], "second request",
        "newest first"
    );
    // A database URL may hold a password: never an argument.
    let (ok, _, err) = run(Command::new(bin())
        .args(["open", "--identity"])
        .arg(app.path("recovery.key"))
        .arg("--database")
        .arg(app.database_url()));
    assert!(!ok && err.contains("--database"), "{err}");

    let stranger = app.path("stranger.key");
    run(Command::new(bin())
        .args(["keygen", "--output"])
        .arg(&stranger));
    let (ok, out, err) = run(Command::new(bin())
        .args(["open", "--identity"])
        .arg(&stranger)
        .arg("--config")
        .arg(&app.config));
    assert!(ok);
    assert!(out.is_empty());
    assert!(err.contains("0 of 2 cases opened"));
}

#[tokio::test]
async fn plaintext_columns_hold_only_random_ids_days_and_routing() {
    let app = spawn_app().await;
    app.submit_ok("ten bytes.").await;
    app.submit_ok("b".repeat(3000).as_str()).await;
    let pool = app.pool().await;
    let rows: Vec<(String, String, String, String, String)> = sqlx::query_as(
        "select id, service, status, opened_on, retain_until from cases order by id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    for (id, service, status, opened, retain) in &rows {
        assert_eq!(id.len(), 32);
        assert!(id.chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(service, SERVICE);
        assert_eq!(status, "new");
        for day in [opened, retain] {
            assert_eq!(day.len(), 10, "day only: {day}");
            assert!(jiff::civil::Date::strptime("%Y-%m-%d", day).is_ok());
        }
    }
    assert_ne!(rows[0].0[..8], rows[1].0[..8], "ids share no time prefix");
    let sealed = app.sealed_messages().await;
    // age may add a random "grease" stanza to the header; the payload after
    // the header is what carries the (padded) plaintext.
    let payload = |file: &[u8]| {
        let mac = file.windows(5).position(|w| w == b"\n--- ").unwrap();
        let end = mac + 1 + file[mac + 1..].iter().position(|b| *b == b'\n').unwrap();
        file.len() - end - 1
    };
    assert_eq!(
        payload(&sealed[0]),
        payload(&sealed[1]),
        "10 and 3,000 characters: one bucket"
    );
    assert_eq!(
        payload(&sealed[0]),
        16 + 4096 + 16,
        "nonce, one 4 KiB chunk, its tag"
    );
}

#[tokio::test]
async fn a_sealed_message_moved_to_another_case_is_refused_not_shown() {
    let app = spawn_app().await;
    let receipt = app.submit_ok("the real message").await;
    // Someone with write access plants a message that opens for this client
    // but was sealed for another case (as a message moved between cases is).
    let pepper = Pepper::load_or_create(&app.path("pepper")).unwrap();
    let client = Receipt::parse(&receipt)
        .unwrap()
        .client_key(&pepper)
        .unwrap();
    let planted = suoja::intake::MessageDoc {
        v: 1,
        case: "0123456789abcdef0123456789abcdef".into(),
        service: SERVICE.into(),
        written_at: "2026-01-01T00:00:00Z".into(),
        topic: None,
        name: None,
        contact: None,
        staff: None,
        booking: None,
        seat: None,
        lang: None,
        interpreter: false,
        feedback: None,
        handed: None,
        text: "planted text".into(),
        mac: None,
    };
    let sealed = suoja::seal::Envelope::new([client.recipient()])
        .seal(&planted)
        .unwrap();
    let pool = app.pool().await;
    sqlx::query("update messages set sealed = $1")
        .bind(&sealed[..])
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    let (status, body) = app.check("en", &receipt).await;
    assert_eq!(status, 500);
    assert!(!body.contains("planted text"), "{body}");
    assert!(body.contains("If you contact the service about this error"));
}
