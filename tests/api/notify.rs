//! Privacy rule 4: activity notices, sent through a real SMTP server
//! (aiosmtpd), say only that a service has new activity, to its active
//! members with an address, one mail per person per batch.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use crate::helpers::*;

const SUBJECT: &str = "suoja: uutta toimintaa · ny aktivitet · new activity";
const HELPLINE_NAMES: [&str; 3] = ["Tukilinja", "Stödlinjen", "Support line"];
const RAINBOW_NAMES: [&str; 3] = ["Sateenkaarilinja", "Regnbågslinjen", "Rainbow line"];

/// Inserts an account (placeholders in every required column) and its
/// memberships; returns its id.
pub async fn add_staff(
    pool: &sqlx::AnyPool,
    email: Option<&str>,
    active: bool,
    services: &[&str],
) -> String {
    let id = suoja::db::new_id();
    sqlx::query(
        "insert into staff (id, username, display_name, email, role, active, password_hash, \
         recipient, wrapped_identity, created_on) \
         values ($1, $2, $3, $4, 'counsellor', $5, $6, $7, $8, '2026-01-01')",
    )
    .bind(&id)
    .bind(format!("user-{id}"))
    .bind("Placeholder Person")
    .bind(email)
    .bind(i64::from(active))
    .bind("$argon2id$v=19$placeholder")
    .bind("age1placeholder")
    .bind(vec![0u8; 16])
    .execute(pool)
    .await
    .unwrap();
    for service in services {
        sqlx::query("insert into memberships (staff_id, service) values ($1, $2)")
            .bind(&id)
            .bind(*service)
            .execute(pool)
            .await
            .unwrap();
    }
    id
}

async fn spawn_with_smtp(smtp: &SmtpServer, batch_seconds: u64) -> TestApp {
    spawn_with(Options {
        smtp_port: Some(smtp.port),
        smtp_batch_seconds: batch_seconds,
        ..Options::default()
    })
    .await
}

fn recipients(mails: &[Mail]) -> BTreeSet<String> {
    mails.iter().map(|m| m.to.clone()).collect()
}

fn mail_to<'a>(mails: &'a [Mail], address: &str) -> &'a Mail {
    let found: Vec<&Mail> = mails.iter().filter(|m| m.to == address).collect();
    assert_eq!(found.len(), 1, "one mail to {address}: {mails:#?}");
    found[0]
}

/// The body names these services in Finnish, Swedish and English, in that
/// order, and no other service.
fn assert_lists(mail: &Mail, listed: &[[&str; 3]], not_listed: &[[&str; 3]]) {
    for names in listed {
        let at: Vec<usize> = names
            .iter()
            .map(|n| {
                mail.body
                    .find(&format!("- {n}\n"))
                    .unwrap_or_else(|| panic!("{n} missing:\n{}", mail.body))
            })
            .collect();
        assert!(at[0] < at[1] && at[1] < at[2], "fi, sv, en:\n{}", mail.body);
    }
    for names in not_listed {
        for n in names {
            assert!(!mail.body.contains(n), "{n} listed:\n{}", mail.body);
        }
    }
}

#[tokio::test]
async fn a_request_notifies_each_active_member_of_its_service_with_an_address_once() {
    let smtp = SmtpServer::start().await;
    let mut app = spawn_with_smtp(&smtp, 1).await;
    let pool = app.pool().await;
    add_staff(&pool, Some("alice@example.org"), true, &[SERVICE]).await;
    add_staff(
        &pool,
        Some("bob@example.org"),
        true,
        &[SERVICE, OTHER_SERVICE],
    )
    .await;
    add_staff(&pool, Some("carol@example.org"), true, &[OTHER_SERVICE]).await;
    add_staff(&pool, Some("dave@example.org"), false, &[SERVICE]).await;
    add_staff(&pool, None, true, &[SERVICE]).await;
    pool.close().await;

    app.submit_ok("a first request").await;
    smtp.wait_for(2).await;
    // Two more batches pass with nothing new: nobody hears twice.
    tokio::time::sleep(Duration::from_millis(2500)).await;
    app.stop().await;

    let mails = smtp.mails();
    assert_eq!(mails.len(), 2, "{mails:#?}");
    assert_eq!(
        recipients(&mails),
        BTreeSet::from(["alice@example.org".to_owned(), "bob@example.org".to_owned()])
    );
    for mail in &mails {
        assert_eq!(mail.subject, SUBJECT);
        assert_lists(mail, &[HELPLINE_NAMES], &[RAINBOW_NAMES]);
        assert!(mail.body.starts_with("Suojassa on uutta toimintaa"));
    }
    assert!(app.logs().contains("notifications on"));
}

#[tokio::test]
async fn several_requests_in_one_batch_give_each_person_one_mail_listing_every_service() {
    let smtp = SmtpServer::start().await;
    // A batch longer than the test: only the flush at shutdown sends.
    let mut app = spawn_with_smtp(&smtp, 3600).await;
    let pool = app.pool().await;
    add_staff(&pool, Some("alice@example.org"), true, &[SERVICE]).await;
    add_staff(
        &pool,
        Some("bob@example.org"),
        true,
        &[SERVICE, OTHER_SERVICE],
    )
    .await;
    add_staff(&pool, Some("carol@example.org"), true, &[OTHER_SERVICE]).await;
    pool.close().await;

    for i in 0..3 {
        app.submit_ok(&format!("request {i}")).await;
    }
    for i in 0..2 {
        let fields = [
            ("topic", "general"),
            ("message", &*format!("rainbow {i}")),
            ("way", "none"),
        ];
        assert_eq!(app.submit("fi", OTHER_SERVICE, &fields).await.0, 200);
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(smtp.mails().is_empty(), "nothing before the batch ends");
    app.stop().await;

    let mails = smtp.mails();
    assert_eq!(mails.len(), 3, "{mails:#?}");
    assert_lists(
        mail_to(&mails, "alice@example.org"),
        &[HELPLINE_NAMES],
        &[RAINBOW_NAMES],
    );
    assert_lists(
        mail_to(&mails, "bob@example.org"),
        &[HELPLINE_NAMES, RAINBOW_NAMES],
        &[],
    );
    assert_lists(
        mail_to(&mails, "carol@example.org"),
        &[RAINBOW_NAMES],
        &[HELPLINE_NAMES],
    );
    let bob = mail_to(&mails, "bob@example.org");
    let helpline = bob.body.find("- Tukilinja").unwrap();
    let rainbow = bob.body.find("- Sateenkaarilinja").unwrap();
    assert!(helpline < rainbow, "services in config order");
}

#[tokio::test]
async fn a_notice_holds_nothing_of_the_request_and_its_date_is_on_the_hour() {
    const MESSAGE: &str = "the copper lantern hums in the fog";
    const NAME: &str = "Orsolya Venkataraman";
    const EMAIL: &str = "orsolya.v@client.example";
    const CLIENT_IP: &str = "127.0.0.77";
    let smtp = SmtpServer::start().await;
    let mut app = spawn_with_smtp(&smtp, 1).await;
    let pool = app.pool().await;
    add_staff(&pool, Some("alice@example.org"), true, &[SERVICE]).await;

    let fields = [
        ("topic", "crisis"),
        ("message", MESSAGE),
        ("name", NAME),
        ("way", "email"),
        ("detail", EMAIL),
    ];
    let (status, page) = app
        .submit_as(&client_from(CLIENT_IP), "en", SERVICE, &fields)
        .await;
    assert_eq!(status, 200, "{page}");
    let receipt = receipt_in(&page);
    let (case_id,): (String,) = sqlx::query_as("select id from cases")
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    let mails = smtp.wait_for(1).await;
    app.stop().await;

    let mail = &mails[0];
    assert_eq!(mail.to, "alice@example.org");
    for secret in [
        MESSAGE,
        "copper lantern",
        NAME,
        "Venkataraman",
        EMAIL,
        "client.example",
        CLIENT_IP,
        "crisis",
        &receipt,
        &receipt.replace('-', ""),
        &receipt.to_lowercase(),
        &case_id,
    ] {
        assert!(!mail.raw.contains(secret), "the mail holds {secret:?}");
        assert!(!mail.body.contains(secret), "the body holds {secret:?}");
        assert!(
            !mail.subject.contains(secret),
            "the subject holds {secret:?}"
        );
    }
    assert!(
        !mail.body.chars().any(|c| c.is_ascii_digit()),
        "no count and no time in the body:\n{}",
        mail.body
    );
    assert!(
        mail.time_of_day().ends_with(":00:00"),
        "Date on the hour: {}",
        mail.date
    );
    assert!(mail.date.ends_with("+0000"), "{}", mail.date);
}

#[tokio::test]
async fn a_failed_send_is_logged_without_the_address_and_retried_in_the_next_batch() {
    // Nothing listens on the port until the first batch has failed.
    let port = free_port();
    let mut app = spawn_with(Options {
        smtp_port: Some(port),
        ..Options::default()
    })
    .await;
    let pool = app.pool().await;
    add_staff(&pool, Some("alice@example.org"), true, &[SERVICE]).await;
    pool.close().await;
    app.submit_ok("while the mail server is down").await;
    let started = Instant::now();
    while !app.logs().contains("a notice was not sent") {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "{}",
            app.logs()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    let smtp = SmtpServer::start_on(port).await;
    let mails = smtp.wait_for(1).await;
    app.stop().await;
    assert_eq!(mails[0].to, "alice@example.org");
    assert_lists(&mails[0], &[HELPLINE_NAMES], &[RAINBOW_NAMES]);
    let logs = app.logs();
    assert!(logs.contains("kind="), "{logs}");
    assert!(!logs.contains("alice"), "{logs}");
    assert!(!logs.contains("example.org"), "{logs}");
}

#[tokio::test]
async fn without_smtp_the_log_warns_once_and_requests_still_work() {
    let mut app = spawn_app().await;
    app.submit_ok("no mail for this one").await;
    app.submit_ok("nor for this one").await;
    assert_eq!(app.count("select count(*) from cases").await, 2);
    app.stop().await;
    let logs = app.logs();
    assert_eq!(
        logs.matches("notifications are off: no [smtp] in the config")
            .count(),
        1,
        "{logs}"
    );
    assert!(logs.contains("WARN"), "{logs}");
}
