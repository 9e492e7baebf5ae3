//! Phone intake over real HTTP: a counsellor records a call as a sealed
//! case of kind `phone` and reads the receipt shown once to the caller, who
//! then continues in writing with it.

use crate::helpers::*;
use crate::staff_helpers::*;

const ANNA: (&str, &str, &[&str]) = ("anna", "counsellor", &[SERVICE]);
const OFF_DUTY: &str = "None of your services has duty hours running now";
const REFUSED: &str = "This service has no duty hours running now";

/// A slot of `service` from `from` to `until` minutes from now (negative:
/// in the past), straight in the database, as published duty hours
/// (`weekly`) or a one-off time.
pub async fn slot_around_now(app: &TestApp, service: &str, origin: &str, from: i64, until: i64) {
    let now = jiff::Timestamp::now().as_second();
    let pool = app.pool().await;
    sqlx::query(
        "insert into slots (id, service, starts_at, ends_at, capacity, origin) \
         values ($1, $2, $3, $4, 1, $5)",
    )
    .bind(format!("{:032x}", rand::random::<u128>()))
    .bind(service)
    .bind(now + from * 60)
    .bind(now + until * 60)
    .bind(origin)
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;
}

#[tokio::test]
async fn a_phone_call_is_a_sealed_case_audited_by_day_without_its_id_and_the_caller_continues_with_the_code()
 {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[ANNA]).await;
    slot_around_now(&app, SERVICE, "weekly", -10, 20).await;
    let anna = Staff::first_login(&app, "anna", &pw[0]).await;
    let form = anna.get("/en/staff/phone").await;
    assert_eq!(form.status, 200, "{}", form.location);
    assert!(form.body.contains("Record a phone call"));
    assert!(form.body.contains("Duty hours running now: Support line."));
    let csrf = csrf_in(&form.body);
    let text = "Caller worries about a friend and wants to write later.";

    let forged = anna
        .post(
            "/en/staff/phone",
            &[("service", SERVICE), ("text", text), ("name", "Alex")],
        )
        .await;
    assert_eq!(forged.status, 403);
    // Problems come back with everything typed.
    let empty = anna
        .post(
            "/en/staff/phone",
            &[("csrf", &csrf), ("service", SERVICE), ("name", "Alex")],
        )
        .await;
    assert_eq!(empty.status, 422);
    assert!(empty.body.contains("Write a message before sending."));
    assert!(empty.body.contains(r#"value="Alex""#));
    let foreign = anna
        .post(
            "/en/staff/phone",
            &[("csrf", &csrf), ("service", OTHER_SERVICE), ("text", text)],
        )
        .await;
    assert_eq!(foreign.status, 422);
    assert!(foreign.body.contains("Choose one of your services."));
    assert!(foreign.body.contains(text));
    assert_eq!(app.count("select count(*) from cases").await, 0);

    let saved = anna
        .post(
            "/en/staff/phone",
            &[
                ("csrf", &csrf),
                ("service", SERVICE),
                ("topic", "crisis"),
                ("name", "Alex"),
                ("text", text),
            ],
        )
        .await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    assert!(saved.body.contains("Read this code to the caller"));
    assert!(saved.body.contains("shown only this once"));
    let receipt = receipt_in(&saved.body);
    assert_eq!(
        app.count("select count(*) from cases where kind = 'phone'")
            .await,
        1
    );
    assert_eq!(
        app.count("select count(*) from audit_log where action = 'phone_intake'")
            .await,
        1
    );

    // The audit row dates the call to its day and names no case: with the
    // phone company's records a second and a case id would tie the caller
    // to the case.
    let pool = app.pool().await;
    let (at, case_id): (i64, Option<String>) =
        sqlx::query_as("select at, case_id from audit_log where action = 'phone_intake'")
            .fetch_one(&pool)
            .await
            .unwrap();
    pool.close().await;
    assert_eq!(case_id, None);
    assert_eq!(at % 86_400, 0, "the audit row has a time of day");

    // The counsellors see it in the queue, marked as a phone call.
    let queue = anna.get("/en/staff").await;
    assert!(queue.body.contains("Phone call") && queue.body.contains("Alex"));
    // The caller reads it with the code and writes back.
    let (status, thread) = app.check("en", &receipt).await;
    assert_eq!(status, 200, "{thread}");
    assert!(thread.contains(text));
    assert!(thread.contains("Your phone call, written down by Anna"));
    let token = between(&thread, r#"name="token" value=""#, "\"").unwrap();
    let r = client()
        .post(app.url("/en/check/reply"))
        .form(&[
            ("receipt", receipt.as_str()),
            ("token", &token),
            ("message", "Thank you, here is more."),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let case = anna.newest_case().await;
    let page = anna.get(&format!("/en/staff/cases/{case}")).await;
    assert!(page.body.contains("Thank you, here is more."));
    assert!(page.body.contains("Phone call, written down by Anna"));
}

#[tokio::test]
async fn a_call_is_recorded_only_during_duty_hours_or_just_after_and_refused_otherwise_with_the_text_kept()
 {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[ANNA]).await;
    let anna = Staff::first_login(&app, "anna", &pw[0]).await;
    let text = "Caller asked about the peer group; wants to write more tonight.";
    let record = |csrf: String| {
        let anna = &anna;
        async move {
            anna.post(
                "/en/staff/phone",
                &[
                    ("csrf", csrf.as_str()),
                    ("service", SERVICE),
                    ("name", "Robin"),
                    ("text", text),
                ],
            )
            .await
        }
    };

    // Nothing is running: the form says so, and a post is refused with
    // everything typed kept.
    let form = anna.get("/en/staff/phone").await;
    assert!(form.body.contains(OFF_DUTY), "{}", form.body);
    assert!(form.body.contains("up to 15 minutes after they end"));
    let csrf = csrf_in(&form.body);
    let refused = record(csrf.clone()).await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains(REFUSED), "{}", refused.body);
    assert!(refused.body.contains(text));
    assert!(refused.body.contains(r#"value="Robin""#));
    assert!(refused.body.contains(r##"href="#service""##));

    // Neither a one-off time running now, nor another service's duty
    // hours, nor duty hours that ended longer ago than the grace period.
    slot_around_now(&app, SERVICE, "oneoff", -10, 20).await;
    slot_around_now(&app, OTHER_SERVICE, "weekly", -10, 20).await;
    slot_around_now(&app, SERVICE, "weekly", -60, -20).await;
    slot_around_now(&app, SERVICE, "weekly", 10, 40).await;
    let refused = record(csrf.clone()).await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains(REFUSED));
    assert_eq!(app.count("select count(*) from cases").await, 0);

    // Duty hours that ended five minutes ago: the call ran over, and is
    // recorded.
    slot_around_now(&app, SERVICE, "weekly", -35, -5).await;
    let form = anna.get("/en/staff/phone").await;
    assert!(!form.body.contains(OFF_DUTY));
    assert!(form.body.contains("Duty hours running now: Support line."));
    let saved = record(csrf).await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    assert!(saved.body.contains("Read this code to the caller"));
    assert_eq!(
        app.count("select count(*) from cases where kind = 'phone'")
            .await,
        1
    );

    // In Finnish, too.
    let fi = anna.get("/fi/staff/phone").await;
    assert!(
        fi.body.contains("Päivystys käynnissä nyt: Tukilinja."),
        "{}",
        fi.body
    );
}

#[tokio::test]
async fn a_failed_audit_write_still_gives_the_caller_their_receipt() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[ANNA]).await;
    slot_around_now(&app, SERVICE, "weekly", -10, 20).await;
    let anna = Staff::first_login(&app, "anna", &pw[0]).await;
    let csrf = csrf_in(&anna.get("/en/staff/phone").await.body);
    // The audit row has a transaction of its own, after the case's: make
    // it fail.
    let pool = app.pool().await;
    sqlx::query("alter table audit_log rename to audit_log_away")
        .execute(&pool)
        .await
        .unwrap();
    let text = "Caller will write tonight.";
    let saved = anna
        .post(
            "/en/staff/phone",
            &[("csrf", &csrf), ("service", SERVICE), ("text", text)],
        )
        .await;
    sqlx::query("alter table audit_log_away rename to audit_log")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    let receipt = receipt_in(&saved.body);
    let (status, thread) = app.check("en", &receipt).await;
    assert_eq!(status, 200, "{thread}");
    assert!(thread.contains(text));
    // Logged once, as an internal error with its id, and nothing of the call.
    let logs = app.logs();
    assert_eq!(logs.matches("internal error").count(), 1, "{logs}");
    assert!(!logs.contains(text) && !logs.contains(&receipt), "{logs}");
}
