//! Booking over real HTTP against the real binary: counsellors publish
//! times, clients book, see, move and cancel with the receipt, groups are
//! booked as a whole, and the last seat goes to exactly one of many
//! concurrent clients, also across two server processes on one database.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::helpers::*;
use crate::staff_helpers::*;

const ANNA: (&str, &str, &[&str]) = ("anna", "counsellor", &[SERVICE]);
const TAKEN: &str = "someone else just took that time";

/// A single slot of `SERVICE` starting `hours` from now, straight in the
/// database (as a counsellor would publish it).
pub async fn insert_slot(app: &TestApp, hours: i64, capacity: i64) -> String {
    let id = format!("{:032x}", rand::random::<u128>());
    let starts = jiff::Timestamp::now().as_second() + hours * 3600;
    let pool = app.pool().await;
    sqlx::query(
        "insert into slots (id, service, starts_at, ends_at, capacity, origin) \
         values ($1, $2, $3, $4, $5, 'oneoff')",
    )
    .bind(&id)
    .bind(SERVICE)
    .bind(starts)
    .bind(starts + 1800)
    .bind(capacity)
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;
    id
}

pub async fn booking_token(base: &str) -> String {
    let r = client()
        .get(format!("{base}/en/services/{SERVICE}/book"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let body = r.text().await.unwrap();
    between(&body, r#"name="token" value=""#, "\"").expect("token on the booking form")
}

/// Posts the booking form at `base` with `token` and `fields`.
pub async fn book_at(
    http: &reqwest::Client,
    base: &str,
    token: &str,
    fields: &[(&str, &str)],
) -> (u16, String) {
    let mut form: Vec<(&str, &str)> = vec![("token", token)];
    form.extend_from_slice(fields);
    let r = http
        .post(format!("{base}/en/services/{SERVICE}/book"))
        .form(&form)
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

pub async fn book(app: &TestApp, fields: &[(&str, &str)]) -> (u16, String) {
    let token = booking_token(&app.base).await;
    book_at(&client(), &app.base, &token, fields).await
}

async fn post(app: &TestApp, path: &str, form: &[(&str, &str)]) -> (u16, String) {
    let r = client()
        .post(app.url(path))
        .form(form)
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

async fn taken_of(app: &TestApp, slot: &str) -> i64 {
    let pool = app.pool().await;
    let (n,): (i64,) = sqlx::query_as("select taken from slots where id = $1")
        .bind(slot)
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    n
}

fn slot_ids(page: &str) -> Vec<String> {
    page.split(r#"name="choice" value="slot:"#)
        .skip(1)
        .filter_map(|p| p.split('"').next().map(str::to_owned))
        .collect()
}

/// A day `days` from now in Helsinki, as a date field wants it.
pub fn day_in(days: i64) -> (String, i8) {
    let tz = jiff::tz::TimeZone::get("Europe/Helsinki").unwrap();
    let day = jiff::Timestamp::now()
        .to_zoned(tz)
        .date()
        .checked_add(jiff::Span::new().days(days))
        .unwrap();
    (
        day.strftime("%Y-%m-%d").to_string(),
        day.weekday().to_monday_one_offset(),
    )
}

#[tokio::test]
async fn a_counsellor_publishes_weekly_hours_and_a_one_off_slot_and_clients_see_them() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[ANNA]).await;
    let anna = Staff::first_login(&app, "anna", &pw[0]).await;
    let page = anna.get("/en/staff/availability").await;
    assert_eq!(page.status, 200, "{}", page.location);
    let csrf = csrf_in(&page.body);

    let (tomorrow, weekday) = day_in(1);
    let weekday = weekday.to_string();
    let weekly = anna
        .post(
            "/en/staff/availability/weekly",
            &[
                ("csrf", &csrf),
                ("service", SERVICE),
                ("weekday", &weekday),
                ("start", "10:00"),
                ("until", "12:00"),
                ("minutes", "30"),
                ("capacity", "1"),
                ("date", &tomorrow),
                ("weeks", "2"),
            ],
        )
        .await;
    assert_eq!(weekly.status, 303, "{}", weekly.body);
    let (later, _) = day_in(3);
    let oneoff = anna
        .post(
            "/en/staff/availability/oneoff",
            &[
                ("csrf", &csrf),
                ("service", SERVICE),
                ("date", &later),
                ("start", "14:15"),
                ("minutes", "45"),
                ("capacity", "3"),
            ],
        )
        .await;
    assert_eq!(oneoff.status, 303, "{}", oneoff.body);
    assert_eq!(app.count("select count(*) from slots").await, 9);

    // Without the CSRF token nothing is published.
    let forged = anna
        .post(
            "/en/staff/availability/oneoff",
            &[("service", SERVICE), ("date", &later), ("start", "9:00")],
        )
        .await;
    assert_eq!(forged.status, 403);
    // Bad input comes back with a clear message and the values kept.
    let bad = anna
        .post(
            "/en/staff/availability/oneoff",
            &[
                ("csrf", &csrf),
                ("service", SERVICE),
                ("date", &later),
                ("start", "25:99"),
                ("minutes", "45"),
                ("capacity", "1"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("Give the time as HH:MM."));
    assert!(bad.body.contains("25:99"));

    let listed = anna.get("/en/staff/availability?done=published").await;
    assert!(listed.body.contains("Published."));
    assert!(listed.body.contains("10:00–10:30"), "{}", listed.body);
    assert!(listed.body.contains("14:15–15:00"));

    let (status, page) = app.get(&format!("/en/services/{SERVICE}/book")).await;
    assert_eq!(status, 200);
    assert_eq!(slot_ids(&page).len(), 9);
    assert!(page.contains("10:00–10:30"));
    assert!(page.contains("14:15–15:00 (3 places free)"));
    // The clock as people say it, not a tz database name.
    assert!(page.contains("Times are in Finnish time."));
    assert!(!page.contains("Europe/Helsinki"));
    let (_, fi) = app.get(&format!("/fi/services/{SERVICE}/book")).await;
    assert!(fi.contains("10.00–10.30"), "Finnish clock times");

    // A slot nobody booked is removed; removing a booked one cancels the
    // booking, with a sealed message the client reads with the receipt.
    let ids = slot_ids(&page);
    let (status, booked) = book(
        &app,
        &[
            ("choice", &format!("slot:{}", ids[0])),
            ("call", "you_call"),
        ],
    )
    .await;
    assert_eq!(status, 200);
    let receipt = receipt_in(&booked);
    let listed = anna.get("/en/staff/availability").await;
    assert!(listed.body.contains("Remove and cancel its bookings"));
    let forged = anna
        .post(
            &format!("/en/staff/availability/slots/{}/remove", ids[0]),
            &[],
        )
        .await;
    assert_eq!(forged.status, 403);
    // A booked time goes only with the "I am sure" box ticked.
    let unsure = anna
        .post(
            &format!("/en/staff/availability/slots/{}/remove", ids[0]),
            &[("csrf", &csrf)],
        )
        .await;
    assert_eq!(unsure.status, 422, "{}", unsure.body);
    assert!(
        unsure
            .body
            .contains("Nothing was removed: this time is booked")
    );
    assert_eq!(
        app.count("select count(*) from seats where state = 'booked'")
            .await,
        1
    );
    let cancelled = anna
        .post(
            &format!("/en/staff/availability/slots/{}/remove", ids[0]),
            &[("csrf", &csrf), ("confirm", "yes")],
        )
        .await;
    assert_eq!(cancelled.status, 303, "{}", cancelled.body);
    assert!(cancelled.location.contains("done=removed_booked"));
    assert_eq!(
        app.count("select count(*) from seats where state = 'cancelled'")
            .await,
        1
    );
    let (_, thread) = app.check("en", &receipt).await;
    assert!(
        thread.contains("the time is no longer available"),
        "{thread}"
    );
    let notice = anna.get(&cancelled.location).await;
    assert!(notice.body.contains("each client has a message"));
    let removed = anna
        .post(
            &format!("/en/staff/availability/slots/{}/remove", ids[1]),
            &[("csrf", &csrf)],
        )
        .await;
    assert_eq!(removed.status, 303);
    let (_, page) = app.get(&format!("/en/services/{SERVICE}/book")).await;
    assert_eq!(
        slot_ids(&page).len(),
        7,
        "booked and removed slots are gone"
    );
}

#[tokio::test]
async fn a_client_books_sees_moves_and_cancels_with_the_receipt() {
    let app = spawn_app().await;
    let first = insert_slot(&app, 30, 1).await;
    let second = insert_slot(&app, 54, 1).await;

    // Bad input keeps everything typed.
    let choice = format!("slot:{first}");
    let (status, page) = book(
        &app,
        &[
            ("choice", &choice),
            ("call", "we_call"),
            ("phone", "call me maybe"),
            ("name", "Robin <b>"),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(page.contains("Give a phone number we can call"));
    assert!(page.contains("call me maybe") && page.contains("Robin &#60;b&#62;"));
    assert!(page.contains(&format!(r#"value="{choice}" checked"#)));

    let (status, page) = book(
        &app,
        &[
            ("choice", &choice),
            ("call", "we_call"),
            ("phone", "+358 40 123 4567"),
            ("name", "Robin"),
            ("topic", "general"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Your time is booked"));
    assert!(page.contains("We call you at +358 40 123 4567"));
    let when = between(&page, r#"<strong class="booked-time">"#, "</strong>").unwrap();
    let receipt = receipt_in(&page);
    assert_eq!(taken_of(&app, &first).await, 1);

    // The check page offers the booking; the manage page shows its time.
    let (status, thread) = app.check("en", &receipt).await;
    assert_eq!(status, 200);
    assert!(thread.contains("See, move or cancel the booking"));
    // The client's own thread words the booking for the client.
    assert!(thread.contains(&format!("Your time: {when}.")), "{thread}");
    assert!(!thread.contains("the client") && !thread.contains("The client"));
    let (status, manage) = app.manage("en", &receipt).await;
    assert_eq!(status, 200, "{manage}");
    assert!(manage.contains(&when) && manage.contains("Booked"));
    let token = between(&manage, r#"name="token" value=""#, "\"").unwrap();

    let target = format!("slot:{second}");
    let (status, moved) = post(
        &app,
        "/en/bookings/move",
        &[
            ("receipt", &receipt),
            ("token", &token),
            ("choice", &target),
        ],
    )
    .await;
    assert_eq!(status, 200, "{moved}");
    assert!(moved.contains("Your booking is moved."));
    assert!(!moved.contains(&format!(r#"<strong class="booked-time">{when}"#)));
    assert_eq!(taken_of(&app, &first).await, 0, "the old seat is free");
    assert_eq!(taken_of(&app, &second).await, 1);
    // The move spent its page's token: the cancel form of the page it
    // answered with carries a fresh one.
    let token = token_of_form(&moved, "/bookings/cancel");

    let (status, cancelled) = post(
        &app,
        "/en/bookings/cancel",
        &[("receipt", &receipt), ("token", &token)],
    )
    .await;
    assert_eq!(status, 200, "{cancelled}");
    assert!(cancelled.contains("Your booking is cancelled."));
    assert!(cancelled.contains("Cancelled"));
    assert_eq!(taken_of(&app, &second).await, 0);
    // Cancelling twice frees nothing twice.
    let (status, _) = post(
        &app,
        "/en/bookings/cancel",
        &[("receipt", &receipt), ("token", &token)],
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(taken_of(&app, &second).await, 0);
    // The case stays, with what happened in its thread.
    let (status, thread) = app.check("en", &receipt).await;
    assert_eq!(status, 200);
    assert!(thread.contains("The booking was moved to"));
    assert!(thread.contains("The booking was cancelled."));
    assert_eq!(
        app.count("select count(*) from cases where kind = 'booking'")
            .await,
        1
    );
}

#[tokio::test]
async fn you_call_us_shows_the_line_number_on_the_receipt() {
    let mut app = spawn_app().await;
    // Give the service a line number and a zone, as the example config does.
    let text = std::fs::read_to_string(&app.config).unwrap().replacen(
        &format!("slug = \"{SERVICE}\"\n"),
        &format!(
            "slug = \"{SERVICE}\"\nphone = \"+358 9 555 0101\"\ntime_zone = \"Europe/Stockholm\"\n"
        ),
        1,
    );
    std::fs::write(&app.config, text).unwrap();
    app.stop().await;
    app.start().await;
    let slot = insert_slot(&app, 30, 1).await;
    let (_, form) = app.get(&format!("/en/services/{SERVICE}/book")).await;
    assert!(form.contains("Times are local time (Stockholm)."));
    assert!(form.contains("number: +358 9 555 0101"));
    let (status, page) = book(
        &app,
        &[("choice", &format!("slot:{slot}")), ("call", "you_call")],
    )
    .await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("You call us"));
    assert!(page.contains(r#"<strong class="line-phone" dir="ltr">+358 9 555 0101</strong>"#));
}

/// Fires `n` bookings for `slot` at once, spread over `bases`; returns
/// every answer.
pub async fn race(bases: &[String], slot: &str, n: usize) -> Vec<(u16, String, String)> {
    // A form of its own for each client, fetched before any is sent: a
    // form token is taken once.
    let mut tokens = Vec::new();
    for i in 0..n {
        tokens.push(booking_token(&bases[i % bases.len()]).await);
    }
    let mut tasks = Vec::new();
    for (i, token) in tokens.into_iter().enumerate() {
        let base = bases[i % bases.len()].clone();
        let choice = format!("slot:{slot}");
        tasks.push(tokio::spawn(async move {
            let name = format!("Racer{i:03}");
            let (status, body) = book_at(
                &client(),
                &base,
                &token,
                &[
                    ("choice", &choice),
                    ("call", "we_call"),
                    ("phone", "+358 40 000 0000"),
                    ("name", &name),
                ],
            )
            .await;
            (status, body, name)
        }));
    }
    let mut out = Vec::new();
    for t in tasks {
        out.push(t.await.unwrap());
    }
    out
}

pub async fn exactly_one_winner(app: &TestApp, slot: &str, answers: &[(u16, String, String)]) {
    let winners: Vec<_> = answers.iter().filter(|a| a.0 == 200).collect();
    assert_eq!(winners.len(), 1, "exactly one receipt");
    assert!(winners[0].1.contains(r#"<p class="code" dir="ltr">"#));
    for (status, body, _) in answers.iter().filter(|a| a.0 != 200) {
        assert_eq!(*status, 409, "{body}");
        assert!(body.contains(TAKEN), "a clear message");
        // Nothing else is free: no form to fill in for nothing, but where
        // to write instead (input kept when something is left to book is
        // `booking_taken_keeps_the_input_while_something_is_left`).
        assert!(body.contains("send a message"), "the alternative");
        assert!(!body.contains(r#"name="choice""#), "no empty form");
    }
    assert_eq!(taken_of(app, slot).await, 1);
    assert_eq!(app.count("select count(*) from seats").await, 1);
    assert_eq!(
        app.count("select count(*) from cases where kind = 'booking'")
            .await,
        1
    );
}

#[tokio::test]
async fn double_booking_the_last_seat_gives_one_winner() {
    let app = spawn_app().await;
    let slot = insert_slot(&app, 30, 1).await;
    let answers = race(std::slice::from_ref(&app.base), &slot, 60).await;
    exactly_one_winner(&app, &slot, &answers).await;
}

/// A second `suoja serve` on the same config and database.
struct Second {
    child: Child,
    base: String,
}

impl Drop for Second {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn second_server(app: &TestApp) -> Second {
    let mut child = Command::new(bin())
        .args(["serve", "--config"])
        .arg(&app.config)
        .env("SUOJA_LISTEN", "127.0.0.1:0")
        .env("SUOJA_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(rest) = line.strip_prefix("suoja listening on ") {
                let _ = tx.send(rest.trim_end_matches('/').to_owned());
            }
        }
    });
    let base = tokio::task::spawn_blocking(move || rx.recv_timeout(Duration::from_secs(60)))
        .await
        .unwrap()
        .expect("second server started");
    Second { child, base }
}

#[tokio::test]
async fn the_last_seat_goes_to_one_client_across_two_server_processes() {
    let app = spawn_app().await;
    let second = second_server(&app).await;
    assert_ne!(second.base, app.base);
    let slot = insert_slot(&app, 30, 1).await;
    let answers = race(&[app.base.clone(), second.base.clone()], &slot, 60).await;
    exactly_one_winner(&app, &slot, &answers).await;
}

/// "Tue 8 Dec 2026 17:00–18:30": a meeting `days` from now as English
/// pages write it.
fn meeting_en(days: i64) -> String {
    let tz = jiff::tz::TimeZone::get("Europe/Helsinki").unwrap();
    let day = jiff::Timestamp::now()
        .to_zoned(tz)
        .date()
        .checked_add(jiff::Span::new().days(days))
        .unwrap();
    format!("{} 17:00–18:30", day.strftime("%a %-d %b %Y"))
}

#[tokio::test]
async fn a_group_is_booked_as_a_whole_and_its_last_seat_once() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[ANNA]).await;
    let anna = Staff::first_login(&app, "anna", &pw[0]).await;
    let csrf = anna.csrf().await;
    let (first, _) = day_in(7);
    let published = anna
        .post(
            "/en/staff/availability/group",
            &[
                ("csrf", &csrf),
                ("service", SERVICE),
                ("name_fi", "Läheisten ryhmä"),
                ("name_sv", "Gruppen för anhöriga"),
                ("name_en", "Group for relatives"),
                ("date", &first),
                ("start", "17:00"),
                ("minutes", "90"),
                ("meetings", "3"),
                ("every_days", "14"),
                ("capacity", "1"),
            ],
        )
        .await;
    assert_eq!(published.status, 303, "{}", published.body);
    assert_eq!(
        app.count("select count(*) from slots where origin = 'group'")
            .await,
        3
    );
    let (_, page) = app.get(&format!("/sv/services/{SERVICE}/book")).await;
    assert!(page.contains("Gruppen för anhöriga"));
    assert!(page.contains("3 träffar"));
    assert!(slot_ids(&page).is_empty(), "meetings are not booked alone");
    let group = between(&page, r#"name="choice" value="group:"#, "\"").unwrap();

    // A group sign-up asks only what a group needs: the group, a name
    // and a topic. Nobody calls, so no "who calls" and no phone number;
    // each meeting is listed with its day and time.
    let (_, page) = app.get(&format!("/en/services/{SERVICE}/book")).await;
    assert!(!page.contains("Who calls") && !page.contains(r#"name="phone""#));
    assert!(!page.contains(r#"name="call""#), "{page}");
    for days in [7, 21, 35] {
        assert!(page.contains(&meeting_en(days)), "{days}: {page}");
    }
    assert!(page.contains("Sign up for the group"));

    let choice = format!("group:{group}");
    let later = booking_token(&app.base).await;
    let (status, booked) = book(&app, &[("choice", &choice), ("name", "Sam")]).await;
    assert_eq!(status, 200, "a sign-up without `call` is valid: {booked}");
    assert!(booked.contains("You have a place in the group"), "{booked}");
    assert!(booked.contains("Group for relatives"));
    for days in [7, 21, 35] {
        assert!(booked.contains(&meeting_en(days)), "{days}: {booked}");
    }
    for phone_words in [
        "Your time is booked",
        "Who calls",
        "You call us",
        "Time</dt>",
    ] {
        assert!(!booked.contains(phone_words), "{phone_words}: {booked}");
    }
    let receipt = receipt_in(&booked);
    let (status, full) = book_at(&client(), &app.base, &later, &[("choice", &choice)]).await;
    assert_eq!(status, 409);
    assert!(
        full.contains("the last place in that group has just gone"),
        "{full}"
    );
    assert_eq!(
        app.count("select taken from series").await,
        1,
        "one seat of the group"
    );
    let (_, manage) = app.manage("en", &receipt).await;
    assert!(manage.contains("Your place in the group"), "{manage}");
    assert!(manage.contains("Group for relatives"));
    assert!(manage.contains(&meeting_en(21)));
    assert!(manage.contains("Cancel my place") && !manage.contains("Move"));
    let (_, thread) = app.check("en", &receipt).await;
    assert!(
        thread.contains("You have a place in the group Group for relatives."),
        "{thread}"
    );
    assert!(
        !thread.contains("We call") && !thread.contains("You call"),
        "{thread}"
    );

    // The counsellor sees the booking case, decrypted with their key.
    let queue = anna.get("/en/staff").await;
    assert!(queue.body.contains("Booking"));
    assert!(queue.body.contains("Sam"), "{}", queue.body);
}

#[tokio::test]
async fn a_booking_page_with_nothing_to_book_shows_no_form_but_where_to_write() {
    let app = spawn_app().await;
    let (status, page) = app.get(&format!("/en/services/{SERVICE}/book")).await;
    assert_eq!(status, 200);
    assert!(page.contains("There are no free times or groups right now"));
    assert!(page.contains("look again in a few days"));
    assert!(
        page.contains(&format!(r#"href="/en/services/{SERVICE}">"#)),
        "a link to the contact form: {page}"
    );
    assert!(
        !page.contains("<form") && !page.contains("Book this time"),
        "{page}"
    );
}

#[tokio::test]
async fn booking_taken_keeps_the_input_while_something_is_left() {
    let app = spawn_app().await;
    let slot = insert_slot(&app, 30, 1).await;
    insert_slot(&app, 54, 1).await;
    let token = booking_token(&app.base).await;
    let choice = format!("slot:{slot}");
    let fields = [
        ("choice", choice.as_str()),
        ("call", "you_call"),
        ("name", "Robin"),
    ];
    let (status, _) = book(&app, &fields).await;
    assert_eq!(status, 200);
    let (status, page) = book_at(&client(), &app.base, &token, &fields).await;
    assert_eq!(status, 409);
    assert!(
        page.contains(TAKEN) && page.contains(r#"value="Robin""#),
        "{page}"
    );
}

#[tokio::test]
async fn the_counsellor_reads_the_booking_sealed_to_their_key() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[ANNA]).await;
    let slot = insert_slot(&app, 30, 1).await;
    let (status, page) = book(
        &app,
        &[
            ("choice", &format!("slot:{slot}")),
            ("call", "we_call"),
            ("phone", "+358 50 111 2222"),
            ("name", "Kim"),
            ("topic", "crisis"),
        ],
    )
    .await;
    assert_eq!(status, 200);
    let when = between(&page, r#"<strong class="booked-time">"#, "</strong>").unwrap();
    let anna = Staff::first_login(&app, "anna", &pw[0]).await;
    let queue = anna.get("/en/staff").await;
    assert!(queue.body.contains("Kim"));
    assert!(queue.body.contains(&format!("Booked time: {when}")));
    let case = anna.newest_case().await;
    let case_page = anna.get(&format!("/en/staff/cases/{case}")).await;
    assert_eq!(case_page.status, 200);
    assert!(case_page.body.contains("+358 50 111 2222"));
    assert!(case_page.body.contains("Booking"));
    // The time is exact only inside the seal: the case row holds a day.
    assert_eq!(
        app.count("select count(*) from cases where length(opened_on) = 10")
            .await,
        1
    );
}

#[tokio::test]
async fn error_summary_links_lead_to_the_first_button_of_a_group_not_the_fieldset() {
    let app = spawn_app().await;
    let first = insert_slot(&app, 30, 1).await;
    let later = insert_slot(&app, 54, 1).await;
    // Neither a time nor who calls: both errors link to a radio button,
    // which takes focus, not to its fieldset, which does not.
    let (status, page) = book(&app, &[("name", "Robin")]).await;
    assert_eq!(status, 422);
    let summary = between(&page, r#"class="error-summary""#, "</div>").unwrap();
    assert!(
        summary.contains(&format!(r##"href="#c-slot:{first}""##)),
        "{summary}"
    );
    assert!(summary.contains(r##"href="#call-"##), "{summary}");
    assert!(!summary.contains(r##"href="#choice""##) && !summary.contains(r##"href="#call""##));
    assert!(page.contains(&format!(r#"id="c-slot:{first}""#)));
    assert!(page.contains(r#"aria-describedby="choice-error""#));

    // On the client's own booking page, a move without a time likewise.
    let (_, page) = book(
        &app,
        &[("choice", &format!("slot:{first}")), ("call", "you_call")],
    )
    .await;
    let receipt = receipt_in(&page);
    let (_, manage) = app.manage("en", &receipt).await;
    let token = between(&manage, r#"name="token" value=""#, "\"").unwrap();
    let (status, page) = post(
        &app,
        "/en/bookings/move",
        &[("receipt", &receipt), ("token", &token)],
    )
    .await;
    assert_eq!(status, 422);
    let summary = between(&page, r#"class="error-summary""#, "</div>").unwrap();
    assert!(
        summary.contains(&format!(r##"href="#c-slot:{later}""##)),
        "{summary}"
    );
}

/// Follows a receipt page's language form to `lang`: a POST carrying the
/// receipt, never a link.
async fn switch_language(app: &TestApp, page: &str, lang: &str) -> (u16, String) {
    let action = format!("/{lang}/receipt");
    let token = token_of_form(page, &action);
    let receipt = receipt_in(page);
    post(app, &action, &[("receipt", &receipt), ("token", &token)]).await
}

#[tokio::test]
async fn switching_language_on_a_receipt_page_keeps_the_receipt() {
    let app = spawn_app().await;
    // A contact request's receipt.
    let (status, page) = app
        .submit(
            "en",
            SERVICE,
            &[
                ("topic", "general"),
                ("message", "hello there"),
                ("way", "none"),
            ],
        )
        .await;
    assert_eq!(status, 200);
    let receipt = receipt_in(&page);
    assert!(
        !page.contains(r#"href="/fi/services"#),
        "no link that loses the receipt"
    );
    assert!(!page.contains("href=\"/fi/receipt"));
    let (status, fi) = switch_language(&app, &page, "fi").await;
    assert_eq!(status, 200, "{fi}");
    assert!(fi.contains(r#"<html lang="fi" dir="ltr">"#));
    assert_eq!(receipt_in(&fi), receipt, "the same receipt, in Finnish");
    // And on, to a third language, from the page just shown.
    let (status, sv) = switch_language(&app, &fi, "sv").await;
    assert_eq!(status, 200);
    assert_eq!(receipt_in(&sv), receipt);
    // A language form sent again shows no receipt.
    let token = token_of_form(&page, "/fi/receipt");
    let (status, again) = post(
        &app,
        "/fi/receipt",
        &[("receipt", &receipt), ("token", &token)],
    )
    .await;
    assert_eq!(status, 422);
    assert!(!again.contains(&receipt));

    // A booking's receipt comes back with its time and who calls.
    let slot = insert_slot(&app, 30, 1).await;
    let (status, booked) = book(
        &app,
        &[
            ("choice", &format!("slot:{slot}")),
            ("call", "we_call"),
            ("phone", "040 123 4567"),
        ],
    )
    .await;
    assert_eq!(status, 200);
    let (status, fi) = switch_language(&app, &booked, "fi").await;
    assert_eq!(status, 200, "{fi}");
    assert_eq!(receipt_in(&fi), receipt_in(&booked));
    assert!(fi.contains("Aikasi on varattu"), "{fi}");
    assert!(fi.contains("Soitamme numeroon 040 123 4567"), "{fi}");
}
