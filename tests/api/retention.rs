//! Retention through the real binary: deadlines set at intake and moved by
//! activity and closing, the deletion day on the case page and the queue's
//! "deleted soon" filter, `suoja purge --dry-run --as-of`, a real purge by
//! the command line and by `suoja serve`, booked times expiring by their
//! own time, the deleted ciphertext gone from the database and WAL files,
//! and the counts that remain. Deadlines are moved into the past by editing
//! the database of a stopped server.

use std::process::Command;
use std::time::{Duration, Instant};

use crate::helpers::*;
use crate::staff_helpers::*;

fn today() -> jiff::civil::Date {
    jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date()
}

fn in_days(days: i64) -> String {
    today()
        .checked_add(jiff::Span::new().days(days))
        .unwrap()
        .to_string()
}

fn purge(app: &TestApp, args: &[&str]) -> (bool, String, String) {
    run(Command::new(bin())
        .args(["purge", "--config"])
        .arg(&app.config)
        .args(args))
}

/// The numbers on the report's `total` line: cases, messages, bookings,
/// slots, groups.
fn totals(report: &str) -> Vec<i64> {
    let line = report
        .lines()
        .find(|l| l.starts_with("total"))
        .unwrap_or_else(|| panic!("no total in:\n{report}"));
    line.split_whitespace()
        .skip(1)
        .map(|n| n.parse().unwrap())
        .collect()
}

/// Every case id, in the order of the ids (random: no order of opening).
async fn case_ids(app: &TestApp) -> Vec<String> {
    let pool = app.pool().await;
    let rows: Vec<(String,)> = sqlx::query_as("select id from cases order by id")
        .fetch_all(&pool)
        .await
        .unwrap();
    pool.close().await;
    rows.into_iter().map(|r| r.0).collect()
}

async fn retain_until(app: &TestApp, case: &str) -> String {
    let pool = app.pool().await;
    let (day,): (String,) = sqlx::query_as("select retain_until from cases where id = $1")
        .bind(case)
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    day
}

/// On a stopped server: sets a case's deadline.
async fn set_deadline(app: &TestApp, case: &str, day: &str) {
    let pool = app.pool().await;
    sqlx::query("update cases set retain_until = $1 where id = $2")
        .bind(day)
        .bind(case)
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
}

async fn sealed_of(app: &TestApp, case: &str) -> Vec<Vec<u8>> {
    let pool = app.pool().await;
    let rows: Vec<(Vec<u8>,)> =
        sqlx::query_as("select sealed from messages where case_id = $1 order by n")
            .bind(case)
            .fetch_all(&pool)
            .await
            .unwrap();
    pool.close().await;
    rows.into_iter().map(|r| r.0).collect()
}

/// What the database stores, as bytes. SQLite: the database and its WAL
/// and shared-memory files as they are on disk. PostgreSQL: every live row
/// (its dead tuples stay on disk until vacuum, as SECURITY.md says; these
/// tests cannot see them).
async fn stored_bytes(app: &TestApp) -> Vec<u8> {
    app.stored_bytes().await
}

/// How many 32-byte pieces of a sealed message (past the header line every
/// age file shares) occur in `stored`. A message in overflow pages is split
/// at page borders, so pieces are counted rather than the whole searched.
fn pieces_found(sealed: &[u8], stored: &[u8]) -> usize {
    sealed[64..]
        .chunks_exact(32)
        .filter(|piece| stored.windows(32).any(|w| w == *piece))
        .count()
}

#[tokio::test]
async fn a_dry_run_reports_what_would_go_by_a_day_and_deletes_nothing() {
    let app = spawn_app().await;
    app.submit_ok("first request to keep for now").await;
    app.submit_ok("second request to keep for now").await;

    let (ok, out, err) = purge(&app, &["--dry-run"]);
    assert!(ok, "{err}");
    assert!(out.contains("dry run"), "{out}");
    assert_eq!(totals(&out), [0, 0, 0, 0, 0], "nothing is due today");

    // The services keep open cases 180 days after their last activity.
    let (ok, out, err) = purge(&app, &["--dry-run", "--as-of", &in_days(179)]);
    assert!(ok, "{err}");
    assert_eq!(totals(&out), [0, 0, 0, 0, 0], "{out}");
    let (ok, out, err) = purge(&app, &["--dry-run", "--as-of", &in_days(180)]);
    assert!(ok, "{err}");
    assert_eq!(totals(&out), [2, 2, 0, 0, 0], "{out}");
    assert!(
        out.contains(SERVICE) && out.contains(OTHER_SERVICE),
        "{out}"
    );

    assert_eq!(app.count("select count(*) from cases").await, 2);
    assert_eq!(app.count("select count(*) from messages").await, 2);
    assert_eq!(app.count("select count(*) from retention_counts").await, 0);

    // A real purge is always for today; a dry run looks forward only.
    let (ok, _, err) = purge(&app, &["--as-of", &in_days(180)]);
    assert!(!ok && err.contains("--dry-run"), "{err}");
    let (ok, _, err) = purge(&app, &["--dry-run", "--as-of", &in_days(-1)]);
    assert!(!ok && err.contains("today or later"), "{err}");
    let (ok, _, err) = purge(&app, &["--dry-run", "--as-of", "31.12.2026"]);
    assert!(!ok && err.contains("YYYY-MM-DD"), "{err}");
}

#[tokio::test]
async fn activity_moves_the_deadline_on_and_closing_moves_it_to_the_shorter_rule() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[("pia", "counsellor", &[SERVICE])]).await;
    let receipt = app.submit_ok("please do not lose this").await;
    app.submit_ok("another case, not due soon").await;
    let case = app.case_of(&receipt).await;
    assert_eq!(retain_until(&app, &case).await, in_days(180));

    let pia = Staff::first_login(&app, "pia", &pw[0]).await;
    let page = pia.get(&format!("/en/staff/cases/{case}")).await;
    assert!(page.body.contains("Deleted on"), "{}", page.body);
    assert!(page.body.contains(&in_days(180)));
    assert!(page.body.contains("180 days after its last activity"));
    let csrf = csrf_in(&page.body);
    let closed = pia
        .post(
            &format!("/en/staff/cases/{case}/status"),
            &[("csrf", &csrf), ("status", "closed")],
        )
        .await;
    assert_eq!(closed.status, 303);
    assert_eq!(retain_until(&app, &case).await, in_days(30));
    let page = pia.get(&format!("/en/staff/cases/{case}")).await;
    assert!(page.body.contains(&in_days(30)));

    // Three days left: the queue shows it among those deleted soon.
    app.stop().await;
    set_deadline(&app, &case, &in_days(3)).await;
    app.start().await;
    let pia = Staff::new(&app);
    assert_eq!(pia.login("pia", NEW_PASSWORD, "").await.status, 303);
    let soon = pia.get("/en/staff?deleted=14").await;
    assert_eq!(soon.status, 200);
    assert!(soon.body.contains(&format!("/en/staff/cases/{case}")));
    assert_eq!(soon.body.matches(r#"href="/en/staff/cases/"#).count(), 1);
    assert!(soon.body.contains(&format!("Deleted on {}", in_days(3))));
    let all = pia.get("/en/staff").await;
    assert_eq!(all.body.matches(r#"href="/en/staff/cases/"#).count(), 2);
    assert!(
        all.body
            .contains("Deleted within 14 days: <strong>1</strong>")
    );
    for (lang, label) in [
        ("fi", "Poistetaan 14 päivän sisällä"),
        ("sv", "Raderas inom 14 dagar"),
    ] {
        let page = pia.get(&format!("/{lang}/staff?deleted=14")).await;
        assert!(page.body.contains(label), "{lang}");
    }

    // A note on the closed case: the closed rule, counted from today.
    let csrf = pia.csrf().await;
    let noted = pia
        .post(
            &format!("/en/staff/cases/{case}/note"),
            &[("csrf", &csrf), ("text", "called back, no answer")],
        )
        .await;
    assert_eq!(noted.status, 303);
    assert_eq!(retain_until(&app, &case).await, in_days(30));
    // The client writes back: the case reopens, under the longer rule.
    let (status, _) = crate::staff::client_writes_back(&app, &receipt, "still here").await;
    assert_eq!(status, 200);
    assert_eq!(retain_until(&app, &case).await, in_days(180));
    let soon = pia.get("/en/staff?deleted=14").await;
    assert!(!soon.body.contains(&format!("/en/staff/cases/{case}")));
}

#[tokio::test]
async fn the_purge_command_deletes_expired_cases_for_good_and_keeps_the_counts() {
    let mut app = spawn_app().await;
    let expired_receipt = app.submit_ok("this one has had its time").await;
    let kept_receipt = app.submit_ok("this one stays").await;
    let slot = crate::booking::insert_slot(&app, 30, 2).await;
    let (booked_receipt, _) =
        crate::schedule::book_slot(&app, &slot, &[("call", "you_call")]).await;
    let (expired, kept, booked) = (
        &app.case_of(&expired_receipt).await,
        &app.case_of(&kept_receipt).await,
        &app.case_of(&booked_receipt).await,
    );
    // A booking is kept after its time as long as after activity.
    let ends: i64 = {
        let pool = app.pool().await;
        let (e,): (i64,) = sqlx::query_as("select ends_at from slots where id = $1")
            .bind(&slot)
            .fetch_one(&pool)
            .await
            .unwrap();
        pool.close().await;
        e
    };
    let slot_day = jiff::Timestamp::from_second(ends)
        .unwrap()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date();
    let expected = slot_day.checked_add(jiff::Span::new().days(180)).unwrap();
    assert_eq!(retain_until(&app, booked).await, expected.to_string());

    let gone = sealed_of(&app, expired).await;
    let stays = sealed_of(&app, kept).await;
    app.stop().await;
    set_deadline(&app, expired, "2001-01-01").await;
    // The booked time ended long ago: its booking row and slot go by their
    // own time, while the booking's case keeps its deadline.
    let pool = app.pool().await;
    let past = jiff::Timestamp::now().as_second() - 400 * 86_400;
    sqlx::query("update slots set starts_at = $1, ends_at = $2 where id = $3")
        .bind(past)
        .bind(past + 1800)
        .bind(&slot)
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    assert!(
        pieces_found(&gone[0], &stored_bytes(&app).await) > 10,
        "present before"
    );

    let (ok, out, err) = purge(&app, &["--dry-run"]);
    assert!(ok, "{err}");
    assert_eq!(totals(&out), [1, 1, 1, 1, 0], "{out}");
    let (ok, out, err) = purge(&app, &[]);
    assert!(ok, "{err}");
    assert!(out.contains("purged on"), "{out}");
    assert_eq!(totals(&out), [1, 1, 1, 1, 0], "{out}");
    if !is_postgres() {
        assert!(out.contains("WAL checkpointed and truncated"), "{out}");
    }
    assert!(
        err.contains("retention purge") && err.contains("cases=1"),
        "{err}"
    );

    let mut left = vec![kept.clone(), booked.clone()];
    left.sort();
    assert_eq!(case_ids(&app).await, left);
    assert_eq!(app.count("select count(*) from messages").await, 2);
    assert_eq!(app.count("select count(*) from seats").await, 0);
    assert_eq!(app.count("select count(*) from slots").await, 0);
    let pool = app.pool().await;
    let counts: Vec<(String, String, String, i64, i64)> = sqlx::query_as(
        "select service, kind, month, cases, messages from retention_counts order by kind",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    pool.close().await;
    let month = today().strftime("%Y-%m").to_string();
    assert_eq!(counts, [(SERVICE.into(), "contact".into(), month, 1, 1)]);

    // Gone from the database file and the WAL; the kept case is still
    // found the same way.
    if !is_postgres() {
        let wal = std::fs::metadata(app.path("suoja.db-wal")).map_or(0, |m| m.len());
        assert_eq!(wal, 0, "the WAL was truncated");
    }
    let stored = stored_bytes(&app).await;
    assert_eq!(
        pieces_found(&gone[0], &stored),
        0,
        "deleted ciphertext remains"
    );
    assert!(pieces_found(&stays[0], &stored) > 10);

    // Nothing is due any more; the receipt finds nothing.
    let (ok, out, _) = purge(&app, &[]);
    assert!(ok);
    assert_eq!(totals(&out), [0, 0, 0, 0, 0]);
    app.start().await;
    assert_eq!(app.check("en", &expired_receipt).await.0, 404);
}

#[tokio::test]
async fn serve_purges_expired_cases_at_start_and_cuts_the_wal_while_it_runs() {
    let mut app = spawn_with(Options {
        extra_top: "[retention]\npurge_interval_minutes = 1".into(),
        ..Options::default()
    })
    .await;
    let due = app.submit_ok("due for deletion").await;
    let not_due = app.submit_ok("not due").await;
    let ids = [app.case_of(&due).await, app.case_of(&not_due).await];
    let gone = sealed_of(&app, &ids[0]).await;
    app.stop().await;
    set_deadline(&app, &ids[0], &in_days(-1)).await;
    app.start().await;
    // The run's one event, with counts only, comes after the WAL is cut.
    let started = Instant::now();
    while !app.logs().contains("cases=1 messages=1") {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "no purge:\n{}",
            app.logs()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(app.logs().contains("retention purge"));
    // While the server runs: gone from the database file and the WAL.
    assert_eq!(pieces_found(&gone[0], &stored_bytes(&app).await), 0);
    app.stop().await;
    assert_eq!(case_ids(&app).await, [ids[1].clone()]);
    assert_eq!(
        app.count("select count(*) from retention_counts where cases = 1 and messages = 1")
            .await,
        1
    );
    assert_eq!(pieces_found(&gone[0], &stored_bytes(&app).await), 0);
}

#[tokio::test]
async fn cases_stored_before_retention_get_a_deadline_from_their_plaintext() {
    let mut app = spawn_app().await;
    app.submit_ok("an older closed case").await;
    app.submit_ok("an older open case").await;
    let ids = case_ids(&app).await;
    app.stop().await;
    // As migration 0005 finds them: listed, with the old deadline (opened
    // + retention), whatever their status and activity.
    let pool = app.pool().await;
    for (id, status, updated) in [(&ids[0], "closed", -10), (&ids[1], "waiting", -5)] {
        sqlx::query(
            "update cases set status = $1, updated_on = $2, retain_until = '2999-01-01' \
             where id = $3",
        )
        .bind(status)
        .bind(in_days(updated))
        .bind(id)
        .execute(&pool)
        .await
        .unwrap();
        sqlx::query("insert into retention_pending (case_id) values ($1)")
            .bind(id)
            .execute(&pool)
            .await
            .unwrap();
    }
    pool.close().await;
    let (ok, _, err) = purge(&app, &["--dry-run"]);
    assert!(ok, "{err}");
    assert_eq!(retain_until(&app, &ids[0]).await, in_days(-10 + 30));
    assert_eq!(retain_until(&app, &ids[1]).await, in_days(-5 + 180));
    assert_eq!(app.count("select count(*) from retention_pending").await, 0);
}

async fn post_form(app: &TestApp, path: &str, form: &[(&str, &str)]) -> (u16, String) {
    let r = client()
        .post(app.url(path))
        .form(form)
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

async fn end_day_of_slot(app: &TestApp, slot: &str) -> jiff::civil::Date {
    let pool = app.pool().await;
    let (ends,): (i64,) = sqlx::query_as("select ends_at from slots where id = $1")
        .bind(slot)
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    jiff::Timestamp::from_second(ends)
        .unwrap()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date()
}

#[tokio::test]
async fn a_booking_case_is_kept_past_the_services_latest_time_which_hides_its_own() {
    let app = spawn_app().await;
    let soon = crate::booking::insert_slot(&app, 30, 1).await;
    let mid = crate::booking::insert_slot(&app, 24 * 20, 1).await;
    // Seven months ahead: past the 180 days counted from today.
    let later = crate::booking::insert_slot(&app, 24 * 210, 1).await;
    let (receipt, _) = crate::schedule::book_slot(&app, &soon, &[("call", "you_call")]).await;
    crate::schedule::book_slot(&app, &mid, &[("call", "you_call")]).await;
    let cases = case_ids(&app).await;
    assert_eq!(cases.len(), 2);
    let after = |d: jiff::civil::Date| {
        d.checked_add(jiff::Span::new().days(180))
            .unwrap()
            .to_string()
    };
    // Both count from the service's latest time, not their own: the
    // deadline says nothing of which time a case holds.
    let horizon = after(end_day_of_slot(&app, &later).await);
    for case in &cases {
        assert_eq!(retain_until(&app, case).await, horizon);
    }
    let case = &app.case_of(&receipt).await;
    let first = retain_until(&app, case).await;

    let (status, manage) = app.manage("en", &receipt).await;
    assert_eq!(status, 200, "{manage}");
    let token = between(&manage, r#"name="token" value=""#, "\"").unwrap();
    let choice = format!("slot:{later}");
    let (status, moved) = post_form(
        &app,
        "/en/bookings/move",
        &[
            ("receipt", &receipt),
            ("token", &token),
            ("choice", &choice),
        ],
    )
    .await;
    assert_eq!(status, 200, "{moved}");
    assert_eq!(retain_until(&app, case).await, first);
    let (ok, out, _) = purge(&app, &["--dry-run", "--as-of", &in_days(200)]);
    assert!(ok);
    assert_eq!(totals(&out)[0], 0, "not before its time has passed: {out}");

    // A later time published afterwards reaches the case at its next
    // activity (here a cancellation). A cancelled booking is closed, so the
    // shorter rule (30 days) counts from that latest time.
    let further = crate::booking::insert_slot(&app, 24 * 300, 1).await;
    let token = token_of_form(&moved, "/bookings/cancel");
    let (status, _) = post_form(
        &app,
        "/en/bookings/cancel",
        &[("receipt", &receipt), ("token", &token)],
    )
    .await;
    assert_eq!(status, 200);
    let closed_after = |d: jiff::civil::Date| {
        d.checked_add(jiff::Span::new().days(30))
            .unwrap()
            .to_string()
    };
    assert_eq!(
        retain_until(&app, case).await,
        closed_after(end_day_of_slot(&app, &further).await)
    );
}

#[tokio::test]
async fn a_changed_rule_in_the_config_reaches_cases_without_activity() {
    let mut app = spawn_app().await;
    let receipt = app.submit_ok("kept by the old rule").await;
    let case = app.case_of(&receipt).await;
    assert_eq!(retain_until(&app, &case).await, in_days(180));
    app.stop().await;
    let text = std::fs::read_to_string(&app.config).unwrap();
    let shorter = text.replacen(
        &format!("slug = \"{SERVICE}\"\n"),
        &format!("slug = \"{SERVICE}\"\nretention_days = 20\n"),
        1,
    );
    assert_ne!(text, shorter);
    std::fs::write(&app.config, shorter).unwrap();
    let (ok, out, err) = purge(&app, &["--dry-run", "--as-of", &in_days(20)]);
    assert!(ok, "{err}");
    assert!(err.contains("retention rules changed"), "{err}");
    assert_eq!(totals(&out)[0], 1, "{out}");
    assert_eq!(retain_until(&app, &case).await, in_days(20));
    // Unchanged rules leave the (edited) deadlines alone.
    set_deadline(&app, &case, &in_days(2)).await;
    let (ok, _, err) = purge(&app, &["--dry-run"]);
    assert!(ok && !err.contains("retention rules changed"), "{err}");
    assert_eq!(retain_until(&app, &case).await, in_days(2));
}

#[tokio::test]
async fn a_retention_changed_on_the_web_moves_every_deletion_day_at_once() {
    let mut app = spawn_app().await;
    let pw = app
        .with_staff(&[("boss", "admin", &[]), ("pia", "counsellor", &[SERVICE])])
        .await;
    let open = app.submit_ok("kept by the rule in force").await;
    let closed = app.submit_ok("closed, kept for the shorter time").await;
    let (open, closed) = (app.case_of(&open).await, app.case_of(&closed).await);
    let pia = Staff::first_login(&app, "pia", &pw[1]).await;
    let csrf = pia.csrf().await;
    let done = pia
        .post(
            &format!("/en/staff/cases/{closed}/status"),
            &[("csrf", &csrf), ("status", "closed")],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.body);
    assert_eq!(retain_until(&app, &open).await, in_days(180));

    // The admin shortens the service's retention to 90 and 14 days.
    let boss = Staff::first_login(&app, "boss", &pw[0]).await;
    let page = boss.get(&format!("/en/staff/services/{SERVICE}")).await;
    assert_eq!(page.status, 200, "{}", page.body);
    let mut form = crate::services::form_of(&page.body);
    crate::services::set(&mut form, "retention_days", "90");
    crate::services::set(&mut form, "closed_retention_days", "14");
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let saved = boss
        .post(&format!("/en/staff/services/{SERVICE}"), &fields)
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);

    // Without any activity, both cases follow the rule in force, and the
    // case page says the same rule and day.
    let started = Instant::now();
    while retain_until(&app, &open).await != in_days(90) {
        assert!(started.elapsed() < Duration::from_secs(10), "not moved");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(retain_until(&app, &closed).await, in_days(14));
    let page = pia.get(&format!("/en/staff/cases/{open}")).await;
    assert!(page.body.contains(&in_days(90)), "{}", page.body);
    assert!(page.body.contains("90 days"), "{}", page.body);
}

/// The report's table rows (each service, then `total`) and its spent
/// nonces line: what a dry run and the purge after it must agree on.
fn report_rows(report: &str) -> Vec<String> {
    report
        .lines()
        .skip_while(|l| !l.starts_with("service"))
        .skip(1)
        .take_while(|l| !l.is_empty() && !l.starts_with("freed") && !l.starts_with("WARNING"))
        .map(str::to_owned)
        .collect()
}

/// On a stopped server: rows due today (two cases, three messages, booked
/// times long past, an ended group, a spent nonce) beside rows that are not.
async fn due_and_not_due(app: &mut TestApp) {
    let receipt = app.submit_ok("due, and written back to").await;
    let (status, _) = crate::staff::client_writes_back(app, &receipt, "a second message").await;
    assert_eq!(status, 200);
    let one = app.submit_ok("due, one message").await;
    app.submit_ok("not due").await;
    let ids = [app.case_of(&receipt).await, app.case_of(&one).await];
    let past = crate::booking::insert_slot(app, 30, 2).await;
    crate::schedule::book_slot(app, &past, &[("call", "you_call")]).await;
    let future = crate::booking::insert_slot(app, 60, 2).await;
    crate::schedule::book_slot(app, &future, &[("call", "you_call")]).await;
    let empty = crate::booking::insert_slot(app, 90, 1).await;
    app.stop().await;
    set_deadline(app, &ids[0], "2001-01-01").await;
    set_deadline(app, &ids[1], &in_days(-1)).await;
    let pool = app.pool().await;
    let long_ago = jiff::Timestamp::now().as_second() - 400 * 86_400;
    for slot in [&past, &empty] {
        sqlx::query("update slots set starts_at = $1, ends_at = $2 where id = $3")
            .bind(long_ago)
            .bind(long_ago + 1800)
            .bind(slot)
            .execute(&pool)
            .await
            .unwrap();
    }
    // A group whose meetings all ended long ago, and one still meeting.
    for (group, last_meeting) in [("ended", long_ago + 86_400), ("running", 30 * 86_400)] {
        add_group(&pool, group, &[long_ago, last_meeting]).await;
    }
    sqlx::query(
        "update spent_form_nonces set expires_on = '2001-01-01' \
         where nonce_hash in (select nonce_hash from spent_form_nonces \
                              order by nonce_hash limit 2)",
    )
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;
}

/// A group of `SERVICE` with a meeting at each of `starts` (unix seconds,
/// or seconds from now when small) and one seat taken.
async fn add_group(pool: &sqlx::AnyPool, id: &str, starts: &[i64]) {
    sqlx::query(
        "insert into series (id, service, name_fi, name_sv, name_en, capacity, taken) \
         values ($1, $2, 'ryhmä', 'grupp', 'group', 5, 1)",
    )
    .bind(id)
    .bind(SERVICE)
    .execute(pool)
    .await
    .unwrap();
    for (n, start) in starts.iter().enumerate() {
        let start = if *start < 1_000_000_000 {
            jiff::Timestamp::now().as_second() + start
        } else {
            *start
        };
        sqlx::query(
            "insert into slots (id, service, starts_at, ends_at, capacity, series_id, origin) \
             values ($1, $2, $3, $4, 5, $5, 'group')",
        )
        .bind(format!("{id}-{n}"))
        .bind(SERVICE)
        .bind(start)
        .bind(start + 3600)
        .bind(id)
        .execute(pool)
        .await
        .unwrap();
    }
    sqlx::query("insert into seats (id, series_id, state) values ($1, $2, 'booked')")
        .bind(format!("{id}-seat"))
        .bind(id)
        .execute(pool)
        .await
        .unwrap();
}

/// Rows of every table a purge deletes from: cases, messages, seats,
/// slots, groups, spent nonces.
async fn table_counts(app: &TestApp) -> [i64; 6] {
    [
        app.count("select count(*) from cases").await,
        app.count("select count(*) from messages").await,
        app.count("select count(*) from seats").await,
        app.count("select count(*) from slots").await,
        app.count("select count(*) from series").await,
        app.count("select count(*) from spent_form_nonces").await,
    ]
}

#[tokio::test]
async fn a_dry_run_reports_exactly_what_the_purge_then_deletes() {
    let mut app = spawn_app().await;
    due_and_not_due(&mut app).await;
    let before = table_counts(&app).await;

    let (ok, dry, err) = purge(&app, &["--dry-run"]);
    assert!(ok, "{err}");
    assert_eq!(
        table_counts(&app).await,
        before,
        "a dry run deletes nothing"
    );
    // Two cases with three messages; the booked slot's seat and the ended
    // group's; that slot, the empty one and the group's two meetings; the
    // group. The running group's past meeting stays with it.
    assert_eq!(totals(&dry), [2, 3, 2, 4, 1], "{dry}");
    assert!(dry.contains("spent form nonces: 2"), "{dry}");

    let (ok, purged, err) = purge(&app, &[]);
    assert!(ok, "{err}");
    assert_eq!(report_rows(&purged), report_rows(&dry), "{dry}\n{purged}");
    let after = table_counts(&app).await;
    let gone: Vec<i64> = before.iter().zip(after).map(|(b, a)| b - a).collect();
    assert_eq!(gone, [2, 3, 2, 4, 1, 2], "{purged}");
}

/// Holds the write lock (SQLite: `begin immediate`) and, on both backends,
/// row locks on the cases due `today`, as a long write would.
async fn hold_write_lock(app: &TestApp) -> sqlx::AnyConnection {
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    let mut conn = sqlx::AnyConnection::connect(app.database_url())
        .await
        .unwrap();
    let begin = if is_postgres() {
        "begin"
    } else {
        "begin immediate"
    };
    sqlx::raw_sql(begin).execute(&mut conn).await.unwrap();
    sqlx::query("update cases set retain_until = retain_until where retain_until <= $1")
        .bind(today().to_string())
        .execute(&mut conn)
        .await
        .unwrap();
    conn
}

/// Whether a write to the due cases waits: tried once with a short wait.
async fn writes_wait(app: &TestApp) -> bool {
    use sqlx::Connection;
    let mut conn = sqlx::AnyConnection::connect(app.database_url())
        .await
        .unwrap();
    let short_wait = if is_postgres() {
        "set lock_timeout = '200ms'"
    } else {
        "pragma busy_timeout = 200"
    };
    sqlx::raw_sql(short_wait).execute(&mut conn).await.unwrap();
    let write =
        sqlx::query("update cases set retain_until = retain_until where retain_until <= $1")
            .bind(today().to_string())
            .execute(&mut conn)
            .await;
    write.is_err()
}

#[tokio::test]
async fn a_dry_run_takes_no_write_lock_and_finishes_while_another_write_holds_it() {
    let mut app = spawn_app().await;
    app.submit_ok("due while a write is under way").await;
    app.submit_ok("not due").await;
    let ids = case_ids(&app).await;
    app.stop().await;
    set_deadline(&app, &ids[0], "2001-01-01").await;

    let holder = hold_write_lock(&app).await;
    assert!(writes_wait(&app).await, "the lock is held");
    let mut dry_run = Command::new(bin())
        .args(["purge", "--dry-run", "--config"])
        .arg(&app.config)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Well below the 5 s busy timeout a write would wait for on SQLite
    // (PostgreSQL would wait on the row locks for ever).
    let deadline = Instant::now() + Duration::from_secs(3);
    while dry_run.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = dry_run.kill();
            panic!("the dry run waited for the write lock");
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let out = dry_run.wait_with_output().unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(totals(&report), [1, 1, 0, 0, 0], "{report}");
    // Finished while the lock was still held.
    assert!(writes_wait(&app).await, "the lock is still held");
    let mut holder = holder;
    sqlx::raw_sql("rollback")
        .execute(&mut holder)
        .await
        .unwrap();
    assert!(!writes_wait(&app).await);
}
