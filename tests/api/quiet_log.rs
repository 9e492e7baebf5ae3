//! The log policy for clients' acts: at the default level (`info`), no line
//! follows anything a client does, so the log is no record of when people
//! wrote, booked or came back. A whole client flow, with every refusal a
//! client can meet and a phone call a counsellor records, must leave the
//! log exactly as it was.

use crate::helpers::*;
use crate::staff_helpers::*;

/// What the log holds once start-up has finished writing.
async fn settled_log(app: &TestApp) -> usize {
    let mut last = usize::MAX;
    loop {
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        let now = app.logs().len();
        if now == last {
            return now;
        }
        last = now;
    }
}

async fn post(
    http: &reqwest::Client,
    app: &TestApp,
    path: &str,
    form: &[(&str, &str)],
) -> (u16, String) {
    let r = http.post(app.url(path)).form(form).send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

fn token_in(page: &str) -> String {
    between(page, r#"name="token" value=""#, "\"").expect("a form token")
}

#[tokio::test]
async fn a_whole_client_flow_leaves_no_line_in_the_log_at_the_default_level() {
    let smtp = SmtpServer::start().await;
    let mut app = spawn_with(Options {
        log: "info",
        smtp_port: Some(smtp.port),
        ..Options::default()
    })
    .await;
    let pw = app.with_staff(&[("pia", "counsellor", &[SERVICE])]).await;
    let pool = app.pool().await;
    sqlx::query("update staff set email = 'duty@staff.example' where username = 'pia'")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    let pia = Staff::first_login(&app, "pia", &pw[0]).await;
    let csrf = pia.csrf().await;
    let (date, _) = crate::booking::day_in(7);
    let group = [
        ("csrf", csrf.as_str()),
        ("service", SERVICE),
        ("name_fi", "Vertaisryhmä"),
        ("name_sv", "Kamratgruppen"),
        ("name_en", "Peer group"),
        ("date", &date),
        ("start", "17:00"),
        ("minutes", "90"),
        ("meetings", "3"),
        ("every_days", "14"),
        ("capacity", "5"),
    ];
    assert_eq!(
        pia.post("/en/staff/availability/group", &group)
            .await
            .status,
        303
    );
    let first = crate::booking::insert_slot(&app, 30, 1).await;
    let second = crate::booking::insert_slot(&app, 32, 1).await;
    crate::phone::slot_around_now(&app, SERVICE, "weekly", -10, 20).await;
    let before = settled_log(&app).await;
    let http = client();

    // Contact: the pages, a refusal, a request, the check, a write-back.
    assert_eq!(app.get("/fi/").await.0, 200);
    let bad = [("topic", "general"), ("message", " "), ("way", "none")];
    assert_eq!(app.submit("fi", SERVICE, &bad).await.0, 422);
    let receipt = app.submit_ok("a whole flow, quietly").await;
    assert_eq!(app.check("en", "ZZZZ-ZZZZ-ZZZZ-ZZZZ").await.0, 404);
    let (status, thread) = app.check("en", &receipt).await;
    assert_eq!(status, 200);
    let back = [
        ("receipt", receipt.as_str()),
        ("token", &token_in(&thread)),
        ("message", "and one more thing"),
    ];
    assert_eq!(post(&http, &app, "/en/check/reply", &back).await.0, 200);

    // Booking: the form, a refusal, a booking, its page, a move, a cancel.
    let token = crate::booking::booking_token(&app.base).await;
    let slot = format!("slot:{first}");
    let mut fields = vec![
        ("choice", slot.as_str()),
        ("call", "we_call"),
        ("phone", "not a number"),
    ];
    let (status, refused) = crate::booking::book_at(&http, &app.base, &token, &fields).await;
    assert_eq!(status, 422);
    let token = token_in(&refused);
    fields[2].1 = "+358 40 123 4567";
    let (status, booked) = crate::booking::book_at(&http, &app.base, &token, &fields).await;
    assert_eq!(status, 200, "{booked}");
    let booking = receipt_in(&booked);
    let (status, manage) = app.manage("en", &booking).await;
    assert_eq!(status, 200);
    let manage_token = token_in(&manage);
    let to = format!("slot:{second}");
    let moved = [
        ("receipt", booking.as_str()),
        ("token", &manage_token),
        ("choice", &to),
    ];
    let (status, moved) = post(&http, &app, "/en/bookings/move", &moved).await;
    assert_eq!(status, 200);
    let manage_token = token_of_form(&moved, "/bookings/cancel");
    let cancel = [("receipt", booking.as_str()), ("token", &manage_token)];
    assert_eq!(
        post(&http, &app, "/en/bookings/cancel", &cancel).await.0,
        200
    );

    // A group sign-up.
    let (_, page) = app.get(&format!("/en/services/{SERVICE}/book")).await;
    let choice = format!(
        "group:{}",
        between(&page, r#"name="choice" value="group:"#, "\"").unwrap()
    );
    let token = crate::booking::booking_token(&app.base).await;
    let signup = [("choice", choice.as_str()), ("call", "you_call")];
    let (status, joined) = crate::booking::book_at(&http, &app.base, &token, &signup).await;
    assert_eq!(status, 200, "{joined}");

    // A call the counsellor records for a client.
    let call = [
        ("csrf", csrf.as_str()),
        ("service", SERVICE),
        ("topic", "general"),
        ("text", "a caller asked about the group"),
    ];
    let recorded = pia.post("/en/staff/phone", &call).await;
    assert_eq!(recorded.status, 200, "{}", recorded.body);
    smtp.wait_for(1).await;

    let after = settled_log(&app).await;
    let logs = app.logs();
    assert_eq!(
        before,
        after,
        "client acts were logged at the default level:\n{}",
        &logs[before.min(logs.len())..]
    );
    app.stop().await;
}
