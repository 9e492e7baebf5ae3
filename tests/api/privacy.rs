//! Privacy rule 1: nothing that identifies a client or holds what they wrote
//! reaches any log line, at the most verbose level, in any flow; and nothing
//! they wrote is in the database file in the clear.

use crate::helpers::*;
use crate::staff_helpers::*;

const AGENT: &str = "SuojaProbe/7.3 (zebra-umbrella-agent)";
const MESSAGE: &str = "the violet heron sings at midnight";
const NAME: &str = "Quillon Marwick";
const EMAIL: &str = "quillon.marwick@example.org";
const REFERER: &str = "https://referrer.example/secret-referrer-path";
const QUERY: &str = "secret-query-value";
const CLIENT_IP: &str = "127.0.0.77";
const FORWARDED: &str = "203.0.113.77";
const STAFF_EMAIL: &str = "notice.probe@staff-mail.example";
const FOLLOW_UP: &str = "the amber lighthouse blinks twice";
const REPLY: &str = "the copper kettle whistles softly";
const NOTE: &str = "the granite owl keeps a ledger";
const WRONG_PASSWORD: &str = "marzipan-avalanche-99";
const BOOKING_PHONE: &str = "+358 44 987 6543";
const BOOKING_NAME: &str = "Ottilie Brackenridge";
const CANCEL_TEXT: &str = "the saffron tram leaves at dawn";
const CALLER_NAME: &str = "Peregrine Ashcombe";
const CALL_NOTES: &str = "the cobalt orchard hums in winter";
const OFF_DUTY_NOTES: &str = "the quartz heron waits past closing";
const FORGED: &str = "the forged walrus asks for a callback";
const FEEDBACK: &str = "the indigo ramp is too steep for my chair";

fn probe_client() -> reqwest::Client {
    probe_client_from(CLIENT_IP)
}

fn probe_client_from(ip: &str) -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .local_address(ip.parse::<std::net::IpAddr>().ok())
        .user_agent(AGENT)
        .default_headers(
            [
                ("referer", REFERER),
                ("x-forwarded-for", FORWARDED),
                ("cookie", "tracking=secret-cookie-value"),
            ]
            .into_iter()
            .map(|(k, v)| (k.parse().unwrap(), v.parse().unwrap()))
            .collect(),
        )
        .build()
        .unwrap()
}

#[tokio::test]
async fn nothing_identifying_reaches_the_logs_or_the_database_in_the_clear() {
    // Notifications are on, to a staff member of the service, and client
    // pages name an onion address (their path and query go in a header).
    let smtp = SmtpServer::start().await;
    let mut app = spawn_with(Options {
        extra_top: "onion_location = \"http://suojaexampleonionservicenamenotarealaddresszzzzzzzzzzzzz.onion\"".into(),
        log: "trace",
        extra_limits: "lookups_per_client_per_hour = 4\nipv4_prefix = 32".into(),
        smtp_port: Some(smtp.port),
        ..Options::default()
    })
    .await;
    let pool = app.pool().await;
    crate::notify::add_staff(&pool, Some(STAFF_EMAIL), true, &[SERVICE]).await;
    pool.close().await;
    let one_time = app
        .with_staff(&[("pia", "counsellor", &[SERVICE]), ("ada", "admin", &[])])
        .await;
    let client = probe_client();

    // A valid request, then every refusal a client can meet.
    let fields = [
        ("topic", "crisis"),
        ("message", MESSAGE),
        ("name", NAME),
        ("way", "email"),
        ("detail", EMAIL),
    ];
    let (status, body) = app.submit_as(&client, "en", SERVICE, &fields).await;
    assert_eq!(status, 200);
    let receipt = receipt_in(&body);
    // The receipt page shown again in another language (a POST carrying
    // the receipt), as its language buttons do; from another address, so
    // the look-up limits below stay this client's.
    let form = body
        .split("action=\"/sv/receipt\"")
        .nth(1)
        .expect("a Swedish button");
    let token = between(form, r#"name="token" value=""#, "\"").unwrap();
    let again = probe_client_from("127.0.0.84")
        .post(app.url("/sv/receipt"))
        .form(&[("receipt", receipt.as_str()), ("token", &token)])
        .send()
        .await
        .unwrap();
    assert_eq!(again.status().as_u16(), 200);
    assert!(again.text().await.unwrap().contains(&receipt));
    let invalid = [
        ("topic", "nope"),
        ("message", MESSAGE),
        ("name", NAME),
        ("way", "email"),
        ("detail", "not-an-address"),
    ];
    assert_eq!(app.submit_as(&client, "fi", SERVICE, &invalid).await.0, 422);
    let forged = client
        .post(app.url(&format!("/en/services/{SERVICE}?q={QUERY}")))
        .form(&[("token", "1.00"), ("message", MESSAGE), ("name", NAME)])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status().as_u16(), 422);
    let onion = forged.headers()["onion-location"].to_str().unwrap();
    assert!(onion.ends_with(&format!("/en/services/{SERVICE}?q={QUERY}")));
    let huge = format!("{MESSAGE}{}", "x".repeat(300 * 1024));
    // Its own connection: the server closes it without reading the body.
    let big = probe_client()
        .post(app.url(&format!("/en/services/{SERVICE}")))
        .form(&[("message", huge.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(big.status().as_u16(), 413);

    // The client returns with the receipt, mistypes it, and hits the limit.
    let (status, page) = app.check_as(&client, "sv", &receipt).await;
    assert_eq!(status, 200);
    assert!(page.contains(MESSAGE));
    assert_eq!(
        app.check_as(&client, "en", &receipt.to_lowercase()).await.0,
        200
    );
    assert_eq!(
        app.check_as(&client, "en", "ZZZZ-ZZZZ-ZZZZ-ZZZZ").await.0,
        404
    );
    assert_eq!(
        app.check_as(&client, "en", &format!("{receipt}!")).await.0,
        422
    );
    assert_eq!(app.check_as(&client, "en", &receipt).await.0, 429);
    let r = client
        .get(app.url(&format!("/en/nowhere?q={QUERY}")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 404);

    // Staff: a failed login, the first login and password change, the queue,
    // the case, a reply and a note; the client writes back; logout.
    let pia = Staff::new(&app);
    assert_eq!(pia.login("pia", WRONG_PASSWORD, "").await.status, 401);
    let pia = Staff::first_login(&app, "pia", &one_time[0]).await;
    let case = pia.newest_case().await;
    let page = pia.get(&format!("/en/staff/cases/{case}")).await;
    assert!(page.body.contains(MESSAGE));
    let csrf = csrf_in(&page.body);
    for (action, text) in [("reply", REPLY), ("note", NOTE)] {
        let done = pia
            .post(
                &format!("/en/staff/cases/{case}/{action}"),
                &[("csrf", &csrf), ("text", text)],
            )
            .await;
        assert_eq!(done.status, 303);
    }
    // The case marked for the statistics, and marked again differently.
    for (reasons, outcome) in [
        (["substances", "asylum_migration"], "referred"),
        (["substances", "sexual_violence"], "could_not_help"),
    ] {
        let mut form = vec![("csrf", csrf.as_str()), ("outcome", outcome)];
        form.extend(reasons.iter().map(|r| ("reason", *r)));
        let marked = pia
            .post(&format!("/en/staff/cases/{case}/mark"), &form)
            .await;
        assert_eq!(marked.status, 303);
        let page = pia.get(&marked.location).await;
        assert!(page.body.contains("Saved for the statistics."));
    }
    let writer = probe_client_from("127.0.0.79");
    let (_, thread) = app.check_as(&writer, "en", &receipt).await;
    assert!(thread.contains(REPLY));
    let token = between(&thread, r#"name="token" value=""#, "\"").unwrap();
    let sent = writer
        .post(app.url("/en/check/reply"))
        .form(&[
            ("receipt", receipt.as_str()),
            ("token", &token),
            ("message", FOLLOW_UP),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status().as_u16(), 200);
    // Back and Reload: the same write-back form sent again is refused as
    // expired, with the text kept, and makes no second message.
    let again = writer
        .post(app.url("/en/check/reply"))
        .form(&[
            ("receipt", receipt.as_str()),
            ("token", &token),
            ("message", FOLLOW_UP),
        ])
        .send()
        .await
        .unwrap();
    let again = again.text().await.unwrap();
    assert!(
        again.contains("expired") && again.contains(FOLLOW_UP),
        "{again}"
    );
    // A "reply" written straight into the database, without the service's
    // MAC: refused, shown nowhere, and logged with an error id only.
    let envelope = crate::reply_auth::stored_envelope(&app, &case).await;
    let mut forged = crate::reply_auth::forged_doc(&case, None);
    forged.text = FORGED.into();
    crate::reply_auth::plant(&app, &case, &envelope.seal(&forged).unwrap(), "staff").await;
    let (_, thread) = app
        .check_as(&probe_client_from("127.0.0.80"), "en", &receipt)
        .await;
    assert!(!thread.contains(FORGED), "{thread}");
    assert_eq!(
        pia.post("/en/staff/logout", &[("csrf", &csrf)])
            .await
            .status,
        303
    );

    // A booking: a refused one (bad phone), a good one, one for a full
    // slot, the client's look at it with the receipt, and a move.
    let first_slot = crate::booking::insert_slot(&app, 30, 1).await;
    let slot = crate::booking::insert_slot(&app, 32, 1).await;
    let token = crate::booking::booking_token(&app.base).await;
    let choice = format!("slot:{first_slot}");
    let mut fields = vec![
        ("choice", choice.as_str()),
        ("call", "we_call"),
        ("phone", "not a number 77"),
        ("name", BOOKING_NAME),
        ("topic", "crisis"),
    ];
    let booker = probe_client_from("127.0.0.81");
    let (status, refused) = crate::booking::book_at(&booker, &app.base, &token, &fields).await;
    assert_eq!(status, 422);
    fields[2].1 = BOOKING_PHONE;
    let token = between(&refused, r#"name="token" value=""#, "\"").unwrap();
    let (status, booked) = crate::booking::book_at(&booker, &app.base, &token, &fields).await;
    assert_eq!(status, 200);
    let booking_receipt = receipt_in(&booked);
    let token = crate::booking::booking_token(&app.base).await;
    let (status, _) = crate::booking::book_at(&booker, &app.base, &token, &fields).await;
    assert_eq!(status, 409);
    let (status, manage) = app.manage("en", &booking_receipt).await;
    assert_eq!(status, 200);
    let manage_token = between(&manage, r#"name="token" value=""#, "\"").unwrap();
    let move_to = format!("slot:{slot}");
    let moved = booker
        .post(app.url("/en/bookings/move"))
        .form(&[
            ("receipt", booking_receipt.as_str()),
            ("token", &manage_token),
            ("choice", &move_to),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(moved.status().as_u16(), 200);
    let page = pia.get("/en/staff").await;
    assert_eq!(page.status, 303, "logged out");
    let mails = smtp.wait_for(1).await;

    // The counsellor again: the schedule, a cancel with a message, and a
    // phone call recorded; the caller reads it with the code.
    let pia = Staff::new(&app);
    assert_eq!(pia.login("pia", NEW_PASSWORD, "").await.status, 303);
    let day = crate::schedule::slot_day(&app, &slot).await;
    let schedule = pia
        .get(&format!("/en/staff/schedule?day={day}&span=week"))
        .await;
    assert!(schedule.body.contains(BOOKING_PHONE) && schedule.body.contains(BOOKING_NAME));
    let csrf = csrf_in(&schedule.body);
    let booking = between(
        &schedule.body,
        r#"action="/en/staff/schedule/bookings/"#,
        "/",
    )
    .unwrap();
    let cancelled = pia
        .post(
            &format!("/en/staff/schedule/bookings/{booking}/cancel"),
            &[("csrf", &csrf), ("text", CANCEL_TEXT), ("confirm", "yes")],
        )
        .await;
    assert_eq!(cancelled.status, 303);
    // A call outside duty hours is refused with the notes kept; then duty
    // hours run and it is recorded.
    let refused = pia
        .post(
            "/en/staff/phone",
            &[
                ("csrf", &csrf),
                ("service", SERVICE),
                ("name", CALLER_NAME),
                ("text", OFF_DUTY_NOTES),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains(OFF_DUTY_NOTES));
    crate::phone::slot_around_now(&app, SERVICE, "weekly", -10, 20).await;
    let call = pia
        .post(
            "/en/staff/phone",
            &[
                ("csrf", &csrf),
                ("service", SERVICE),
                ("topic", "crisis"),
                ("name", CALLER_NAME),
                ("text", CALL_NOTES),
            ],
        )
        .await;
    assert_eq!(call.status, 200);
    let phone_receipt = receipt_in(&call.body);
    let caller = probe_client_from("127.0.0.83");
    let (status, thread) = app.check_as(&caller, "en", &phone_receipt).await;
    assert_eq!(status, 200);
    assert!(thread.contains(CALL_NOTES));
    let (_, thread) = app.check_as(&caller, "en", &booking_receipt).await;
    assert!(thread.contains(CANCEL_TEXT));
    // Accessibility feedback, from an Arabic page: sealed like a request.
    let (status, body) = crate::accessibility::send_feedback(&app, &client, "ar", FEEDBACK).await;
    assert_eq!(status, 200);
    let feedback_receipt = receipt_in(&body);

    // An admin reads the statistics, in each language, and exports them.
    let ada = Staff::first_login(&app, "ada", &one_time[1]).await;
    for path in [
        "/en/staff/stats",
        "/fi/staff/stats?year=2026",
        "/sv/staff/stats/categories",
    ] {
        assert_eq!(ada.get(path).await.status, 200, "{path}");
    }
    let csv = ada.get("/sv/staff/stats/csv").await;
    assert_eq!(csv.status, 200);
    assert!(csv.body.contains(",reasons,substances,"), "{}", csv.body);

    app.stop().await;

    // Retention: every case is due; the server purges them at start, and
    // the command line reports (nothing left) in its own log.
    let pool = app.pool().await;
    sqlx::query("update cases set retain_until = '2001-01-01'")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    app.start().await;
    let started = std::time::Instant::now();
    while !app.logs().contains("retention purge") || !app.logs().contains("cases=4") {
        assert!(
            started.elapsed().as_secs() < 30,
            "no purge:\n{}",
            app.logs()
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    app.stop().await;
    let (ok, out, err) = run(std::process::Command::new(bin())
        .args(["purge", "--config"])
        .arg(&app.config)
        .env("SUOJA_LOG", "trace"));
    assert!(ok && err.contains("retention purge"), "{err}");
    assert_eq!(app.count("select count(*) from cases").await, 0);

    let logs = app.logs() + &out + &err;
    assert!(
        logs.contains("DEBUG") && logs.contains("batch committed"),
        "verbose logging was on"
    );
    assert!(logs.contains("notifications on") && logs.contains("notification batch"));
    // One notice, or more when the write-back and the booking fall into
    // later batch windows (batches are 1 s here; a slow run spreads them).
    assert!(!mails.is_empty(), "a notice was sent");
    // Neither the staff member's address nor anything of the mail is logged.
    for secret in [
        STAFF_EMAIL,
        "notice.probe",
        "staff-mail.example",
        "uutta toimintaa",
        "ny aktivitet",
        "new activity",
        "Tukilinja",
        "Stödlinjen",
        "Support line",
    ] {
        assert!(
            !logs.contains(secret),
            "the logs contain {secret:?}:\n{logs}"
        );
    }
    assert!(logs.contains("receipt look-up over the rate limit"));
    assert!(logs.contains("request"), "requests are logged, as events");
    let receipt_compact = receipt.replace('-', "");
    for secret in [
        AGENT,
        "zebra-umbrella",
        MESSAGE,
        "violet heron",
        NAME,
        "Marwick",
        EMAIL,
        "not-an-address",
        REFERER,
        "secret-referrer-path",
        QUERY,
        "secret-cookie-value",
        CLIENT_IP,
        FORWARDED,
        &receipt,
        &receipt_compact,
        &receipt.to_lowercase(),
        FOLLOW_UP,
        REPLY,
        NOTE,
        // What the case was marked with, and that it was.
        "substances",
        "asylum_migration",
        "sexual_violence",
        "could_not_help",
        "Marked for the statistics",
        FORGED,
        "forged walrus",
        WRONG_PASSWORD,
        &one_time[0],
        NEW_PASSWORD,
        &csrf,
        "127.0.0.79",
        BOOKING_PHONE,
        "987 6543",
        "not a number 77",
        BOOKING_NAME,
        "Brackenridge",
        &booking_receipt,
        "127.0.0.81",
        CANCEL_TEXT,
        CALLER_NAME,
        "Ashcombe",
        CALL_NOTES,
        OFF_DUTY_NOTES,
        &phone_receipt,
        &phone_receipt.replace('-', ""),
        "127.0.0.83",
        "127.0.0.84",
        FEEDBACK,
        &feedback_receipt,
    ] {
        assert!(
            !logs.contains(secret),
            "the logs contain {secret:?}:\n{logs}"
        );
    }
    assert!(logs.contains("staff logged in") && logs.contains("staff login refused"));
    assert!(logs.contains("messages without the service's MAC were not shown"));
    // Seat ids never reach the logs: with a case id from a staff page they
    // would tie the case to its time.
    let pool = app.pool().await;
    let seats: Vec<(String,)> = sqlx::query_as("select id from seats")
        .fetch_all(&pool)
        .await
        .unwrap();
    pool.close().await;
    assert_eq!(seats.len(), 2, "the first seat, and the one moved to");
    for (seat,) in &seats {
        assert!(!logs.contains(seat.as_str()), "the logs contain a seat id");
    }

    // The SQLite files as on disk, or every PostgreSQL row as text. The
    // services' topic lists are public configuration stored in the clear
    // (`services.topics`): they are blanked first, so that the topic the
    // client chose is looked for only in what the flows above stored.
    blank_service_topics(&app).await;
    let stored = app.stored_contents().await;
    assert!(stored.len() > 4096);
    for secret in [
        MESSAGE,
        NAME,
        EMAIL,
        AGENT,
        CLIENT_IP,
        &receipt,
        &receipt_compact,
        "crisis",
        FOLLOW_UP,
        REPLY,
        NOTE,
        "Marked for the statistics",
        "Substance use and addictions, Sexual violence",
        &one_time[0],
        NEW_PASSWORD,
        WRONG_PASSWORD,
        BOOKING_PHONE,
        "987 6543",
        BOOKING_NAME,
        "Brackenridge",
        &booking_receipt,
        CANCEL_TEXT,
        CALLER_NAME,
        "Ashcombe",
        CALL_NOTES,
        OFF_DUTY_NOTES,
        &phone_receipt,
        &phone_receipt.replace('-', ""),
        FEEDBACK,
        &feedback_receipt,
    ] {
        assert!(
            !stored.contains(secret),
            "the database holds {secret:?} in the clear"
        );
    }
}

/// Sets every service's topics to none, leaving no copy of the old list on
/// disk (SQLite: `secure_delete`, then the WAL truncated).
async fn blank_service_topics(app: &TestApp) {
    let pool = app.pool().await;
    let mut conn = pool.acquire().await.unwrap();
    if !is_postgres() {
        sqlx::query("pragma secure_delete = on")
            .execute(&mut *conn)
            .await
            .unwrap();
    }
    sqlx::query("update services set topics = '[]'")
        .execute(&mut *conn)
        .await
        .unwrap();
    if !is_postgres() {
        sqlx::query("pragma wal_checkpoint(truncate)")
            .execute(&mut *conn)
            .await
            .unwrap();
    }
    drop(conn);
    pool.close().await;
}

#[tokio::test]
async fn client_pages_set_no_cookie_and_load_nothing_from_elsewhere() {
    let app = spawn_app().await;
    let c = client();
    let token = app.form_token("en", SERVICE).await;
    let mut responses = Vec::new();
    for path in [
        "/",
        "/en/",
        "/fi/services/helpline",
        "/sv/services/helpline/book",
        "/sv/check",
        "/en/missing",
    ] {
        responses.push(c.get(app.url(path)).send().await.unwrap());
    }
    responses.push(
        c.post(app.url("/en/services/helpline"))
            .form(&[
                ("token", token.as_str()),
                ("topic", "general"),
                ("message", "m"),
            ])
            .send()
            .await
            .unwrap(),
    );
    responses.push(
        c.post(app.url("/en/check"))
            .form(&[("receipt", "x")])
            .send()
            .await
            .unwrap(),
    );
    for r in responses {
        assert!(r.headers().get("set-cookie").is_none(), "{}", r.url());
        let body = r.text().await.unwrap();
        assert!(!body.contains("<script"), "no JavaScript");
        assert!(!body.contains(" src="), "nothing embedded");
        for part in body.split("href=\"").skip(1) {
            let url = part.split('"').next().unwrap();
            // The quick exit too: it goes through `/exit`.
            assert!(
                url.starts_with('/') || url.starts_with('#'),
                "link elsewhere: {url}"
            );
        }
    }
}

/// The admin flows: the first-run link and the audit log. The link's token
/// is printed once, on purpose (it is how the operator gets it), and never
/// logged; the chosen password and e-mail address appear nowhere.
#[tokio::test]
async fn admin_setup_and_audit_log_nothing_secret() {
    const ADMIN_PASSWORD: &str = "tangerine-glacier-orchestra-41";
    const ADMIN_EMAIL: &str = "ilmari.probe@admin-mail.example";
    let mut app = spawn_with(Options {
        log: "trace",
        ..Options::default()
    })
    .await;
    let token = loop {
        if let Some(t) = between(&app.logs(), "/en/staff/setup?token=", "\n") {
            break t;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    let browser = Staff::new(&app);
    let form = |password: &'static str| {
        [
            ("token", token.as_str()),
            ("username", "ilmari"),
            ("name", "Ilmari Probe"),
            ("email", ADMIN_EMAIL),
            ("password", password),
            ("repeat", password),
        ]
    };
    let short = browser.post("/en/staff/setup", &form("tiny-77")).await;
    assert_eq!(short.status, 422);
    let made = browser.post("/en/staff/setup", &form(ADMIN_PASSWORD)).await;
    assert_eq!(made.status, 303);
    let admin = Staff::new(&app);
    assert_eq!(admin.login("ilmari", ADMIN_PASSWORD, "").await.status, 303);
    let audit = admin
        .get("/en/staff/audit?action=setup_admin&from=2020-01-01&to=not-a-day")
        .await;
    assert_eq!(audit.status, 422);
    app.stop().await;

    let logs = app.logs();
    assert!(logs.contains("first admin created"));
    assert_eq!(
        logs.matches(&token).count(),
        1,
        "printed once, never logged"
    );
    for secret in [
        ADMIN_PASSWORD,
        "tiny-77",
        ADMIN_EMAIL,
        "admin-mail",
        "not-a-day",
    ] {
        assert!(!logs.contains(secret), "the logs contain {secret:?}");
    }
}

#[tokio::test]
async fn rotation_logs_and_prints_nothing_secret() {
    const TEXT: &str = "the indigo ferry waits at the pier";
    let mut app = spawn_with(Options {
        log: "trace",
        ..Options::default()
    })
    .await;
    let one_time = app
        .with_staff(&[
            ("ilse", "counsellor", &[SERVICE]),
            ("jon", "counsellor", &[SERVICE]),
            ("kai", "admin", &[SERVICE]),
        ])
        .await;
    let receipt = app.submit_ok(TEXT).await;
    // On the web: Jon replaces his key, the admin removes Ilse.
    let jon = Staff::first_login(&app, "jon", &one_time[1]).await;
    let csrf = jon.csrf().await;
    let replaced = jon
        .post(
            "/en/staff/account/key",
            &[("csrf", &csrf), ("current", NEW_PASSWORD)],
        )
        .await;
    assert_eq!(replaced.status, 303);
    let admin = Staff::first_login(&app, "kai", &one_time[2]).await;
    let page = admin.get("/en/staff/members").await;
    let ilse_id = between(&page.body, r#"name="staff" value=""#, "\"").unwrap();
    let removed = admin
        .post(
            "/en/staff/members/remove",
            &[
                ("csrf", &csrf_in(&page.body)),
                ("staff", &ilse_id),
                ("service", SERVICE),
                ("confirm", "yes"),
            ],
        )
        .await;
    assert_eq!(removed.status, 303);
    app.deactivate_staff("ilse");
    let recovery = std::fs::read_to_string(app.path("recovery.key")).unwrap();
    let (ok, out, err) = crate::rotation::rotate(&app, &app.path("recovery.key"), &[]);
    assert!(ok, "{out}{err}");
    app.stop().await;
    let all = format!("{out}{err}{}", app.logs());
    for secret in [
        TEXT,
        "indigo ferry",
        &receipt,
        &receipt.replace('-', ""),
        recovery.trim(),
        "AGE-SECRET-KEY",
        &one_time[0],
        &one_time[1],
        &one_time[2],
        NEW_PASSWORD,
    ] {
        assert!(
            !all.contains(secret),
            "rotation output or logs hold {secret:?}"
        );
    }
}

/// Services made, refused, edited (with new recipients: a rotation) and
/// written to: the logs name slugs and staff ids only, never what a client
/// wrote, a receipt, a password or a secret key.
#[tokio::test]
async fn service_pages_and_commands_log_nothing_secret() {
    const TEXT: &str = "the ochre lantern drifts downstream";
    const TYPO: &str = "Europe/Atlantis-probe";
    let mut app = spawn_with(Options {
        log: "trace",
        ..Options::default()
    })
    .await;
    let one_time = app
        .with_staff(&[("mia", "counsellor", &[SERVICE]), ("oona", "admin", &[])])
        .await;
    let receipt = app.submit_ok(TEXT).await;
    let _mia = Staff::first_login(&app, "mia", &one_time[0]).await;
    let admin = Staff::first_login(&app, "oona", &one_time[1]).await;
    let csrf = admin.csrf().await;
    let fresh = age::x25519::Identity::generate();
    let recipient = fresh.to_public().to_string();
    let form = |zone: &'static str| {
        vec![
            ("csrf", csrf.clone()),
            ("slug", "probe-line".to_owned()),
            ("name_fi", "Koetinlinja".to_owned()),
            ("name_sv", "Sondlinjen".to_owned()),
            ("name_en", "Probe line".to_owned()),
            ("description_fi", "Kuvaus.".to_owned()),
            ("description_sv", "Beskrivning.".to_owned()),
            ("description_en", "Description.".to_owned()),
            ("topics", "general".to_owned()),
            ("time_zone", zone.to_owned()),
            ("retention_days", "30".to_owned()),
            ("closed_retention_days", "10".to_owned()),
            ("recipients", recipient.clone()),
        ]
    };
    let send = |f: Vec<(&'static str, String)>| {
        let admin = &admin;
        async move {
            let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
            admin.post("/en/staff/services/new", &f).await.status
        }
    };
    assert_eq!(send(form(TYPO)).await, 422);
    assert_eq!(send(form("Europe/Helsinki")).await, 303);
    // New recipients for the helpline: its earlier item is resealed.
    let page = admin.get(&format!("/en/staff/services/{SERVICE}")).await;
    let mut edit: Vec<(&str, String)> = form("Europe/Helsinki")
        .into_iter()
        .filter(|(k, _)| *k != "slug")
        .collect();
    edit.retain(|(k, _)| *k != "csrf");
    edit.push(("csrf", csrf_in(&page.body)));
    let edit: Vec<(&str, &str)> = edit.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let saved = admin
        .post(&format!("/en/staff/services/{SERVICE}"), &edit)
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    crate::rotation::jobs_end(&app, 1).await;
    let (ok, out, err) = run(std::process::Command::new(bin())
        .args(["service", "list", "--config"])
        .arg(&app.config)
        .env("SUOJA_LOG", "trace"));
    assert!(ok, "{err}");
    app.stop().await;
    let all = format!("{out}{err}{}", app.logs());
    assert!(all.contains("service created") && all.contains("service updated"));
    for secret in [
        TEXT,
        "ochre lantern",
        &receipt,
        &receipt.replace('-', ""),
        TYPO,
        "AGE-SECRET-KEY",
        &one_time[0],
        &one_time[1],
        NEW_PASSWORD,
    ] {
        assert!(!all.contains(secret), "service flows logged {secret:?}");
    }
}

/// People: an invitation and a password reset, each mailed through a real
/// SMTP server, accepted and finished. Neither link's token, nor an address,
/// nor a chosen password reaches a log line, at the most verbose level.
#[tokio::test]
async fn invitations_and_resets_log_no_token_address_or_password() {
    const INVITED: &str = "saga.probe@invite-mail.example";
    const RESET_TO: &str = "ronja.probe@reset-mail.example";
    const CHOSEN: &str = "periwinkle-harbour-ledger-63";
    const RESET_PASSWORD: &str = "juniper-quarry-nocturne-18";
    let smtp = SmtpServer::start().await;
    let mut app = spawn_with(Options {
        log: "trace",
        smtp_port: Some(smtp.port),
        ..Options::default()
    })
    .await;
    let one_time = app
        .with_staff(&[
            ("root", "admin", &[SERVICE]),
            ("ronja", "counsellor", &[SERVICE]),
        ])
        .await;
    let pool = app.pool().await;
    sqlx::query("update staff set email = $1 where username = 'ronja'")
        .bind(RESET_TO)
        .execute(&pool)
        .await
        .unwrap();
    let (ronja_id,): (String,) = sqlx::query_as("select id from staff where username = 'ronja'")
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    let root = Staff::first_login(&app, "root", &one_time[0]).await;
    let csrf = csrf_in(&root.get("/en/staff/people").await.body);
    let invited = root
        .post(
            "/en/staff/people/invite",
            &[
                ("csrf", &csrf),
                ("email", INVITED),
                ("role", "counsellor"),
                ("service", SERVICE),
            ],
        )
        .await;
    assert_eq!(invited.status, 303);
    let reset = root
        .post(
            "/en/staff/people/reset",
            &[("csrf", &csrf), ("staff", &ronja_id), ("confirm", "yes")],
        )
        .await;
    assert_eq!(reset.status, 303);
    let mails = smtp.wait_for(2).await;
    let token_of = |to: &str, page: &str| {
        let mail = mails.iter().find(|m| m.to == to).unwrap();
        between(&mail.body, &format!("/en/staff/{page}?token="), "\n").unwrap()
    };
    let (invite_token, reset_token) = (token_of(INVITED, "invite"), token_of(RESET_TO, "reset"));
    let browser = Staff::new(&app);
    assert_eq!(
        browser
            .get(&format!("/en/staff/invite?token={invite_token}"))
            .await
            .status,
        200
    );
    let made = browser
        .post(
            "/en/staff/invite",
            &[
                ("token", invite_token.as_str()),
                ("username", "saga"),
                ("name", "Saga Probe"),
                ("password", CHOSEN),
                ("repeat", CHOSEN),
            ],
        )
        .await;
    assert_eq!(made.status, 303);
    let done = browser
        .post(
            "/en/staff/reset",
            &[
                ("token", reset_token.as_str()),
                ("password", RESET_PASSWORD),
                ("repeat", RESET_PASSWORD),
            ],
        )
        .await;
    assert_eq!(done.status, 200);
    // Used links, tried again, are refused without logging them either.
    assert_eq!(
        browser
            .get(&format!("/en/staff/reset?token={reset_token}"))
            .await
            .status,
        410
    );
    assert_eq!(Staff::new(&app).login("saga", CHOSEN, "").await.status, 303);
    assert_eq!(
        Staff::new(&app)
            .login("ronja", RESET_PASSWORD, "")
            .await
            .status,
        303
    );
    app.stop().await;
    let logs = app.logs();
    assert!(logs.contains("invitation accepted"), "the flows ran");
    for secret in [
        invite_token.as_str(),
        &invite_token[..16],
        reset_token.as_str(),
        &reset_token[..16],
        INVITED,
        "invite-mail",
        RESET_TO,
        "reset-mail",
        CHOSEN,
        RESET_PASSWORD,
        &one_time[1],
        "Saga Probe",
    ] {
        assert!(!logs.contains(secret), "the logs contain {secret:?}");
    }
}

#[tokio::test]
async fn slow_oversized_and_refused_requests_log_nothing_of_the_client() {
    use crate::slow_clients::{addr, trickle};
    use std::time::Duration;
    const SLOW_IP: &str = "127.0.0.91";
    const SLOW_TEXT: &str = "the indigo walrus reads slowly";
    let app = spawn_with(Options {
        log: "trace",
        extra_limits: "header_timeout_seconds = 1\nbody_timeout_seconds = 1\n\
                       logins_per_client_per_hour = 1\nsubmissions_per_client_per_hour = 1"
            .into(),
        ..Options::default()
    })
    .await;
    let token = app.form_token("en", SERVICE).await;
    // A head that never ends, and a body that never ends, both carrying
    // what a client might send.
    let head = format!(
        "POST /en/services/{SERVICE}?q={QUERY} HTTP/1.1\r\nhost: x\r\nuser-agent: {AGENT}\r\n\
         x-forwarded-for: {FORWARDED}\r\nreferer: {REFERER}\r\nx-slow: "
    );
    let body = format!(
        "POST /en/services/{SERVICE}?q={QUERY} HTTP/1.1\r\nhost: x\r\nuser-agent: {AGENT}\r\n\
         content-type: application/x-www-form-urlencoded\r\ncontent-length: 9000\r\n\r\n\
         token={token}&topic=general&way=none&name={}&message={}",
        NAME.replace(' ', "+"),
        SLOW_TEXT.replace(' ', "+")
    );
    let every = Duration::from_millis(100);
    let give_up = Duration::from_secs(15);
    let (slow_head, slow_body) = tokio::join!(
        trickle(
            addr(&app),
            SLOW_IP,
            head.into_bytes(),
            b"ab".to_vec(),
            every,
            give_up
        ),
        trickle(
            addr(&app),
            SLOW_IP,
            body.into_bytes(),
            b"cd".to_vec(),
            every,
            give_up
        ),
    );
    assert!(slow_head.unwrap().answer.is_none());
    assert!(
        slow_body
            .unwrap()
            .answer
            .unwrap()
            .starts_with("HTTP/1.1 400")
    );
    // Over the submission and login limits, from the same address.
    let client = probe_client_from(SLOW_IP);
    let fields = [("topic", "general"), ("message", SLOW_TEXT), ("name", NAME)];
    assert_eq!(app.submit_as(&client, "en", SERVICE, &fields).await.0, 200);
    assert_eq!(app.submit_as(&client, "en", SERVICE, &fields).await.0, 429);
    for expected in [401, 429] {
        let page = client
            .get(app.url("/en/staff/login"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let token = between(&page, r#"name="token" value=""#, "\"").unwrap();
        let r = client
            .post(app.url("/en/staff/login"))
            .form(&[
                ("token", token.as_str()),
                ("username", NAME),
                ("password", WRONG_PASSWORD),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), expected);
    }
    // The log is read from the server's stderr as it comes: wait for the
    // last refusal's line.
    let mut logs = app.logs();
    for _ in 0..50 {
        if logs.contains("staff login over the rate limit") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        logs = app.logs();
    }
    assert!(logs.contains("staff login over the rate limit"), "{logs}");
    for secret in [
        SLOW_IP,
        SLOW_TEXT,
        "indigo walrus",
        NAME,
        "Quillon",
        AGENT,
        "zebra-umbrella",
        FORWARDED,
        REFERER,
        QUERY,
        WRONG_PASSWORD,
        &token,
    ] {
        assert!(
            !logs.contains(secret),
            "the logs contain {secret:?}:\n{logs}"
        );
    }
}

const CHAT_NAME: &str = "Wendeline Farthingale";
const CHAT_WAITING: &str = "the tangerine glacier drifts north";
const CHAT_CLIENT: &str = "the walnut carousel turns slowly";
const CHAT_STAFF: &str = "the indigo ferry sails at noon";
const CHAT_NOTE: &str = "the pewter badger counts the stars";
const CHAT_DRAFT: &str = "the half-written velvet sentence";
const CHAT_WRITTEN: &str = "the lilac bicycle waits for an answer";

/// A client's browser for the chat: the probe's headers, and a cookie jar.
fn chat_probe(ip: &str) -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .local_address(ip.parse::<std::net::IpAddr>().ok())
        .user_agent(AGENT)
        .default_headers(
            [("referer", REFERER), ("x-forwarded-for", FORWARDED)]
                .into_iter()
                .map(|(k, v)| (k.parse().unwrap(), v.parse().unwrap()))
                .collect(),
        )
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_whole_chat_logs_nothing_of_the_client_or_what_was_said() {
    let mut app = spawn_with(Options {
        log: "trace",
        extra_limits: "ipv4_prefix = 32\nchat_messages_per_minute = 4".into(),
        ..Options::default()
    })
    .await;
    let pw = app
        .with_staff(&[
            ("pia", "counsellor", &[SERVICE]),
            ("ada", "admin", &[SERVICE]),
        ])
        .await;
    let pia = Staff::first_login(&app, "pia", &pw[0]).await;
    let ada = Staff::first_login(&app, "ada", &pw[1]).await;
    crate::chat::open_all_week(&ada, "5", true).await;
    crate::chat::on_duty(&pia).await;

    let client = chat_probe(CLIENT_IP);
    let (status, cookie, page) = crate::chat::start_chat(&app, &client, CHAT_NAME).await;
    assert_eq!(status, 200, "{page}");
    let receipt = receipt_in(&page);
    let token = between(&cookie, "suoja-chat=", ";").unwrap();
    let say = |what: &'static str, text: &'static str| {
        let client = client.clone();
        let url = app.url("/en/chat");
        async move {
            let r = client
                .post(url)
                .form(&[("do", what), ("message", text)])
                .send()
                .await
                .unwrap();
            (r.status().as_u16(), r.text().await.unwrap())
        }
    };
    assert_eq!(say("send", CHAT_WAITING).await.0, 303);
    let chat = crate::chat::take(&pia).await.unwrap();
    let chat_id = chat.rsplit('/').next().unwrap().to_owned();
    // The client's event stream, and the counsellor's.
    let stream = client
        .get(app.url("/en/chat/events?after=0"))
        .send()
        .await
        .unwrap();
    let staff_stream = pia
        .http
        .get(format!("{}{chat}/events", pia.base))
        .send()
        .await
        .unwrap();
    assert_eq!(say("send", CHAT_CLIENT).await.0, 303);
    let csrf = pia.csrf().await;
    for (what, field, text) in [("send", "message", CHAT_STAFF), ("note", "note", CHAT_NOTE)] {
        let done = pia
            .post(&chat, &[("csrf", &csrf), ("do", what), (field, text)])
            .await;
        assert_eq!(done.status, 303);
    }
    // Check keeps a draft; sending too fast is refused with the text kept.
    let (status, page) = say("check", CHAT_DRAFT).await;
    assert_eq!(status, 200);
    assert!(page.contains(CHAT_DRAFT));
    let mut refused = None;
    for _ in 0..4 {
        let (status, page) = say("send", CHAT_DRAFT).await;
        if status == 422 {
            refused = Some(page);
            break;
        }
    }
    assert!(
        refused
            .expect("the chat limit refuses")
            .contains(CHAT_DRAFT)
    );
    drop((stream, staff_stream));
    // Another client turns the wait into a written message.
    let other = chat_probe("127.0.0.85");
    let (status, _, _) = crate::chat::start_chat(&app, &other, "").await;
    assert_eq!(status, 200);
    let r = other
        .post(app.url("/en/chat"))
        .form(&[("do", "written"), ("message", CHAT_WRITTEN)])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    // The client ends the chat; the case is read with the receipt.
    assert_eq!(say("end", "").await.0, 200);
    let (status, thread) = app.check_as(&client, "en", &receipt).await;
    assert_eq!(status, 200);
    assert!(thread.contains(CHAT_STAFF));

    let stored = app.stored_contents().await;
    let logs = app.logs();
    assert!(
        logs.contains("TRACE") || logs.contains("DEBUG"),
        "verbose logging was on"
    );
    assert!(
        logs.contains("chat ended by the client"),
        "the chat's debug lines are there"
    );
    for secret in [
        CHAT_NAME,
        "Farthingale",
        CHAT_WAITING,
        CHAT_CLIENT,
        CHAT_STAFF,
        CHAT_NOTE,
        CHAT_DRAFT,
        CHAT_WRITTEN,
        &receipt,
        &receipt.replace('-', ""),
        token.as_str(),
        chat_id.as_str(),
        AGENT,
        REFERER,
        FORWARDED,
        CLIENT_IP,
        "127.0.0.85",
    ] {
        assert!(
            !logs.contains(secret),
            "the logs contain {secret:?}:\n{logs}"
        );
        if secret != chat_id && secret != AGENT && secret != REFERER {
            assert!(
                !stored.contains(secret),
                "{secret:?} is stored in the clear"
            );
        }
    }
    // Nothing about a chat above debug.
    for line in logs.lines() {
        let loud = line.contains("INFO") || line.contains("WARN") || line.contains("ERROR");
        assert!(
            !(loud && line.contains("chat")),
            "a chat line above debug: {line}"
        );
    }
}

const RATING_COMMENT: &str = "the saffron kite remembers the counsellor";
const CHAT_RATING_COMMENT: &str = "the mossy lantern thanks the chat";

/// Client feedback (issue 20): a rating with a comment from the check page
/// (one refused as too long first) and one from a chat's ended page log
/// nothing of the comment, the receipt, the ticket, the case or the
/// rating, at trace.
#[tokio::test]
async fn a_rating_with_a_comment_logs_nothing_of_the_comment_the_receipt_or_the_rating() {
    let mut app = spawn_with(Options {
        log: "trace",
        ..Options::default()
    })
    .await;
    let pw = app
        .with_staff(&[
            ("pia", "counsellor", &[SERVICE]),
            ("ada", "admin", &[SERVICE]),
        ])
        .await;
    let pia = Staff::first_login(&app, "pia", &pw[0]).await;
    let ada = Staff::first_login(&app, "ada", &pw[1]).await;
    let receipt = app.submit_ok("a request to be rated").await;
    let case = app.case_of(&receipt).await;
    let csrf = pia.csrf().await;
    let sent = pia
        .post(
            &format!("/en/staff/cases/{case}/reply"),
            &[("csrf", &csrf), ("text", "an answer")],
        )
        .await;
    assert_eq!(sent.status, 303);
    let long = format!("{RATING_COMMENT} {}", "x".repeat(2100));
    let (status, _) = crate::feedback::rate(&app, "en", &receipt, "4", &long).await;
    assert_eq!(status, 422);
    let (status, page) = crate::feedback::rate(&app, "en", &receipt, "4", RATING_COMMENT).await;
    assert_eq!(status, 200, "{page}");

    // A chat with a counsellor, ended and rated from its ended page.
    crate::chat::open_all_week(&ada, "5", true).await;
    crate::chat::on_duty(&pia).await;
    let client = chat_probe(CLIENT_IP);
    let (status, _, page) = crate::chat::start_chat(&app, &client, "").await;
    assert_eq!(status, 200);
    let chat_receipt = receipt_in(&page);
    let chat_case = app.case_of(&chat_receipt).await;
    crate::chat::take(&pia).await.unwrap();
    let ended = client
        .post(app.url("/en/chat"))
        .form(&[("do", "end"), ("message", "")])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let ticket = between(&ended, r#"name="ticket" value=""#, "\"").unwrap();
    let token = token_of_form(&ended, "/chat/feedback");
    let r = client
        .post(app.url("/en/chat/feedback"))
        .form(&[
            ("ticket", ticket.as_str()),
            ("token", token.as_str()),
            ("rating", "2"),
            ("comment", CHAT_RATING_COMMENT),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let stats = ada.get("/en/staff/stats").await;
    assert_eq!(stats.status, 200);

    let logs = app.logs();
    assert!(logs.contains("TRACE") || logs.contains("DEBUG"));
    let stored = app.stored_contents().await;
    for secret in [
        RATING_COMMENT,
        CHAT_RATING_COMMENT,
        receipt.as_str(),
        &receipt.replace('-', ""),
        chat_receipt.as_str(),
        ticket.as_str(),
        case.as_str(),
        chat_case.as_str(),
        AGENT,
        REFERER,
        FORWARDED,
        CLIENT_IP,
        "rating=",
        "rating: ",
        "\"feedback\":",
    ] {
        assert!(
            !logs.contains(secret),
            "the logs contain {secret:?}:\n{logs}"
        );
    }
    for secret in [RATING_COMMENT, CHAT_RATING_COMMENT, ticket.as_str()] {
        assert!(
            !stored.contains(secret),
            "{secret:?} is stored in the clear"
        );
    }
}

const TOOLS_REQUEST: &str = "the walnut ferry leaves without me";
const TOOLS_TYPED: &str = "the pewter lantern flickers on the stair";
const CANNED_TITLE: &str = "Greeting of the juniper tide";
const CANNED_BODY: &str = "the juniper tide returns every evening";
const CANNED_ARABIC: &str = "المد يعود كل مساء";

/// The working day's tools: a case taken by one counsellor while another
/// loses the race, given back, canned replies added in English and Arabic,
/// one inserted into a typed reply (and refused to another service). The
/// logs hold no case id, nothing typed, no canned title or text.
#[tokio::test]
async fn taking_a_case_and_inserting_a_canned_reply_log_nothing_of_them() {
    let mut app = spawn_with(Options {
        log: "trace",
        ..Options::default()
    })
    .await;
    let pw = app
        .with_staff(&[
            ("pia", "counsellor", &[SERVICE]),
            ("pio", "counsellor", &[SERVICE]),
            ("bob", "counsellor", &[OTHER_SERVICE]),
        ])
        .await;
    let pia = Staff::first_login(&app, "pia", &pw[0]).await;
    let pio = Staff::first_login(&app, "pio", &pw[1]).await;
    let bob = Staff::first_login(&app, "bob", &pw[2]).await;
    let receipt = app.submit_ok(TOOLS_REQUEST).await;
    let case = app.case_of(&receipt).await;
    let (csrf, pio_csrf, bob_csrf) = (pia.csrf().await, pio.csrf().await, bob.csrf().await);
    let take = format!("/en/staff/cases/{case}/take");
    assert_eq!(pia.post(&take, &[("csrf", &csrf)]).await.status, 303);
    let lost = pio.post(&take, &[("csrf", &pio_csrf)]).await;
    assert!(lost.location.contains("already-taken"));
    assert_eq!(pio.get(&lost.location).await.status, 200);
    assert_eq!(pia.get("/en/staff?who=mine").await.status, 200);
    assert_eq!(
        pia.get("/en/staff?who=untaken&order=newest").await.status,
        200
    );

    let list = format!("/en/staff/canned/{SERVICE}");
    for (lang, body) in [("en", CANNED_BODY), ("ar", CANNED_ARABIC)] {
        let title = format!("{CANNED_TITLE} {lang}");
        let form = [
            ("csrf", csrf.as_str()),
            ("lang", lang),
            ("title", &title),
            ("body", body),
        ];
        assert_eq!(pia.post(&list, &form).await.status, 303);
    }
    let bad = [
        ("csrf", csrf.as_str()),
        ("lang", "en"),
        ("title", ""),
        ("body", CANNED_BODY),
    ];
    assert_eq!(pia.post(&list, &bad).await.status, 422);
    let pool = app.pool().await;
    let canned: String = sqlx::query_scalar("select id from canned_replies where lang = 'en'")
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    let insert = format!("/en/staff/cases/{case}/insert");
    let form = [
        ("csrf", csrf.as_str()),
        ("text", TOOLS_TYPED),
        ("canned", &canned),
    ];
    let inserted = pia.post(&insert, &form).await;
    assert!(inserted.body.contains(CANNED_BODY) && inserted.body.contains(TOOLS_TYPED));
    assert_eq!(bob.get(&format!("{list}/{canned}")).await.status, 404);
    let form = [
        ("csrf", bob_csrf.as_str()),
        ("text", TOOLS_TYPED),
        ("canned", &canned),
    ];
    assert_eq!(bob.post(&insert, &form).await.status, 403);
    let ended = Staff::new(&app).post(&insert, &form).await;
    assert_eq!(ended.status, 401);
    let release = format!("/en/staff/cases/{case}/release");
    assert_eq!(pia.post(&release, &[("csrf", &csrf)]).await.status, 303);
    app.stop().await;

    let logs = app.logs();
    assert!(
        logs.contains("TRACE") || logs.contains("DEBUG"),
        "verbose logging was on"
    );
    for secret in [
        case.as_str(),
        canned.as_str(),
        &receipt,
        TOOLS_REQUEST,
        TOOLS_TYPED,
        CANNED_TITLE,
        CANNED_BODY,
        CANNED_ARABIC,
        "juniper",
        "pewter",
        &csrf,
    ] {
        assert!(
            !logs.contains(secret),
            "the logs contain {secret:?}:\n{logs}"
        );
    }
}

const HANDED_MESSAGE: &str = "the lilac barge drifts past the mill";
const HANDED_REPLY: &str = "the pewter finch nests in the gutter";
const HANDED_NOTE: &str = "the saffron lantern flickers in the loft";
const HANDED_TO_CLIENT: &str = "the walnut ferry waits for the tide";
const HANDED_BACK: &str = "the ochre kite snags on the birch";

#[tokio::test]
async fn a_hand_over_logs_nothing_of_the_case_the_receipt_or_the_texts() {
    let mut app = spawn_with(Options {
        log: "trace",
        extra_limits: "ipv4_prefix = 32".into(),
        ..Options::default()
    })
    .await;
    let client = probe_client();
    let (status, page) = app
        .submit_as(
            &client,
            "en",
            SERVICE,
            &[
                ("topic", "general"),
                ("message", HANDED_MESSAGE),
                ("way", "none"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{page}");
    let receipt = receipt_in(&page);
    let pw = app
        .with_staff(&[
            ("pia", "counsellor", &[SERVICE]),
            ("bo", "counsellor", &[OTHER_SERVICE]),
        ])
        .await;
    // Pia's key is in the set once the request is resealed to it.
    let (ok, out, err) =
        crate::rotation::rotate(&app, &app.path("counsellor.key"), &["--service", SERVICE]);
    assert!(ok, "{out}{err}");
    let pia = Staff::first_login(&app, "pia", &pw[0]).await;
    let bo = Staff::first_login(&app, "bo", &pw[1]).await;
    let case = pia.newest_case().await;
    let csrf = csrf_in(&pia.get(&format!("/en/staff/cases/{case}")).await.body);
    for (action, text) in [("reply", HANDED_REPLY), ("note", HANDED_NOTE)] {
        let path = format!("/en/staff/cases/{case}/{action}");
        let done = pia.post(&path, &[("csrf", &csrf), ("text", text)]).await;
        assert_eq!(done.status, 303);
    }
    let form = [
        ("csrf", csrf.as_str()),
        ("to", OTHER_SERVICE),
        ("message", HANDED_TO_CLIENT),
    ];
    let base = format!("/en/staff/cases/{case}/handover");
    assert_eq!(pia.post(&base, &form).await.status, 200);
    let done = pia.post(&format!("{base}/confirm"), &form).await;
    assert_eq!(done.status, 303, "{}", done.body);
    assert_eq!(
        pia.get(&format!("/en/staff/cases/{case}")).await.status,
        403
    );
    let page = bo.get(&format!("/en/staff/cases/{case}")).await;
    assert!(page.body.contains(HANDED_NOTE) && page.body.contains(HANDED_TO_CLIENT));
    let (status, thread) = app.check_as(&client, "en", &receipt).await;
    assert_eq!(status, 200);
    assert!(thread.contains(HANDED_TO_CLIENT));
    let token = between(&thread, r#"name="token" value=""#, "\"").unwrap();
    let sent = client
        .post(app.url("/en/check/reply"))
        .form(&[
            ("receipt", receipt.as_str()),
            ("token", &token),
            ("message", HANDED_BACK),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status().as_u16(), 200);

    let logs = app.logs();
    assert!(logs.contains("TRACE") || logs.contains("DEBUG"));
    let stored = app.stored_contents().await;
    for secret in [
        HANDED_MESSAGE,
        HANDED_REPLY,
        HANDED_NOTE,
        HANDED_TO_CLIENT,
        HANDED_BACK,
        receipt.as_str(),
        &receipt.replace('-', ""),
        case.as_str(),
        AGENT,
        REFERER,
        FORWARDED,
        CLIENT_IP,
    ] {
        assert!(
            !logs.contains(secret),
            "the logs contain {secret:?}:\n{logs}"
        );
        if ![case.as_str(), AGENT, REFERER].contains(&secret) {
            assert!(
                !stored.contains(secret),
                "{secret:?} is stored in the clear"
            );
        }
    }
}

#[tokio::test]
async fn an_automatic_reply_and_a_reminder_log_and_mail_nothing_of_the_client() {
    use crate::promise::{AUTO_EN, LATE_SUBJECT, promise_in_config, set_opened_on};
    let smtp = SmtpServer::start().await;
    let mut app = spawn_with(Options {
        log: "trace",
        extra_limits: "ipv4_prefix = 32".into(),
        smtp_port: Some(smtp.port),
        ..Options::default()
    })
    .await;
    promise_in_config(&app, 1);
    let pw = app.with_staff(&[("pia", "counsellor", &[SERVICE])]).await;
    let pool = app.pool().await;
    sqlx::query("update staff set email = $1 where username = 'pia'")
        .bind(STAFF_EMAIL)
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    let pia = Staff::first_login(&app, "pia", &pw[0]).await;

    // A request that gets the automatic reply, read back by the client.
    let client = probe_client();
    let fields = [
        ("topic", "crisis"),
        ("message", MESSAGE),
        ("name", NAME),
        ("way", "email"),
        ("detail", EMAIL),
    ];
    let (status, body) = app.submit_as(&client, "en", SERVICE, &fields).await;
    assert_eq!(status, 200);
    let receipt = receipt_in(&body);
    let (status, thread) = app.check_as(&client, "en", &receipt).await;
    assert_eq!(status, 200);
    assert!(thread.contains(AUTO_EN) && thread.contains(MESSAGE));
    let case = app.case_of(&receipt).await;

    // Waiting past the promise: the mail, the queue's mark and filter, the
    // case page, and a reply.
    set_opened_on(&app, &case, "2026-01-05").await;
    let started = std::time::Instant::now();
    while !smtp.mails().iter().any(|m| m.subject == LATE_SUBJECT) {
        assert!(started.elapsed() < std::time::Duration::from_secs(20));
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let queue = pia.get("/en/staff?late=yes").await;
    assert!(queue.body.contains(r#"<strong class="late">"#));
    let page = pia.get(&format!("/en/staff/cases/{case}")).await;
    assert!(page.body.contains(AUTO_EN) && page.body.contains(MESSAGE));
    let csrf = pia.csrf().await;
    let done = pia
        .post(
            &format!("/en/staff/cases/{case}/reply"),
            &[("csrf", &csrf), ("text", REPLY)],
        )
        .await;
    assert_eq!(done.status, 303);
    app.stop().await;

    let logs = app.logs();
    assert!(logs.contains("TRACE") || logs.contains("DEBUG"));
    let mails: String = smtp.mails().iter().map(|m| m.raw.clone()).collect();
    let stored = app.stored_contents().await;
    for secret in [
        MESSAGE,
        NAME,
        EMAIL,
        REPLY,
        AUTO_EN,
        STAFF_EMAIL,
        &receipt,
        &receipt.replace('-', ""),
        case.as_str(),
        AGENT,
        REFERER,
        FORWARDED,
        CLIENT_IP,
    ] {
        assert!(!logs.contains(secret), "the logs contain {secret:?}");
        if secret != STAFF_EMAIL {
            assert!(!mails.contains(secret), "a mail contains {secret:?}");
        }
        // The automatic reply is the service's own text, kept in the clear
        // with the service; the case id is a row id.
        if ![AUTO_EN, STAFF_EMAIL, case.as_str(), AGENT, REFERER].contains(&secret) {
            assert!(
                !stored.contains(secret),
                "{secret:?} is stored in the clear"
            );
        }
    }
}
