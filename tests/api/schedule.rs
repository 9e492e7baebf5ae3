//! The counsellor's schedule over real HTTP: a day and a week of bookings
//! decrypted with their key, done and missed, and cancelling with a message
//! the client reads with their receipt; a member of another service sees
//! and changes nothing.

use crate::booking::{book, insert_slot};
use crate::helpers::*;
use crate::staff_helpers::*;

pub const ANNA: (&str, &str, &[&str]) = ("anna", "counsellor", &[SERVICE]);
pub const OLLI: (&str, &str, &[&str]) = ("olli", "counsellor", &[OTHER_SERVICE]);

/// The Helsinki day a slot starts on, as the schedule's `day` wants it.
pub async fn slot_day(app: &TestApp, slot: &str) -> String {
    let pool = app.pool().await;
    let (starts,): (i64,) = sqlx::query_as("select starts_at from slots where id = $1")
        .bind(slot)
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    let tz = jiff::tz::TimeZone::get("Europe/Helsinki").unwrap();
    jiff::Timestamp::from_second(starts)
        .unwrap()
        .to_zoned(tz)
        .date()
        .to_string()
}

pub async fn state_of_booking(app: &TestApp, id: &str) -> String {
    let pool = app.pool().await;
    let (state,): (String,) = sqlx::query_as("select state from seats where id = $1")
        .bind(id)
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    state
}

/// Books `slot` and returns the receipt and the time as the client saw it.
pub async fn book_slot(app: &TestApp, slot: &str, fields: &[(&str, &str)]) -> (String, String) {
    let choice = format!("slot:{slot}");
    let mut form = vec![("choice", choice.as_str())];
    form.extend_from_slice(fields);
    let (status, page) = book(app, &form).await;
    assert_eq!(status, 200, "{page}");
    let when = between(&page, r#"<strong class="booked-time">"#, "</strong>").unwrap();
    (receipt_in(&page), when)
}

/// The ids of the bookings a schedule page offers to act on, in order.
fn booking_ids(page: &str) -> Vec<String> {
    page.split(r#"action="/en/staff/schedule/bookings/"#)
        .skip(1)
        .filter_map(|p| p.split('/').next().map(str::to_owned))
        .fold(Vec::new(), |mut ids, id| {
            if !ids.contains(&id) {
                ids.push(id);
            }
            ids
        })
}

#[tokio::test]
async fn a_counsellor_sees_a_day_and_a_week_of_bookings_with_the_details_decrypted() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[ANNA, OLLI]).await;
    let first = insert_slot(&app, 30, 1).await;
    let second = insert_slot(&app, 31, 1).await;
    let (_, when) = book_slot(
        &app,
        &first,
        &[
            ("call", "we_call"),
            ("phone", "+358 50 123 9876"),
            ("name", "Kim"),
            ("topic", "crisis"),
        ],
    )
    .await;
    let (_, when2) = book_slot(&app, &second, &[("call", "you_call"), ("name", "Sam")]).await;
    let anna = Staff::first_login(&app, "anna", &pw[0]).await;

    let day = slot_day(&app, &first).await;
    let page = anna
        .get(&format!("/en/staff/schedule?day={day}&span=day"))
        .await;
    assert_eq!(page.status, 200, "{}", page.location);
    for shown in [
        when.as_str(),
        "Kim",
        "+358 50 123 9876",
        "We call the client",
        "Crisis or acute worry",
        "Booked",
    ] {
        assert!(
            page.body.contains(shown),
            "{shown} on the day:\n{}",
            page.body
        );
    }
    assert!(page.body.contains("Mark as done") && page.body.contains("Mark as missed"));
    let day2 = slot_day(&app, &second).await;
    let week = anna
        .get(&format!("/en/staff/schedule?day={day2}&span=week"))
        .await;
    assert_eq!(week.status, 200);
    assert!(week.body.contains(&when2) && week.body.contains("Sam"));
    assert!(week.body.contains("The client calls us"));
    assert!(week.body.contains("Week "), "a week heading");
    // Today's page opens without a day; nonsense falls back to today.
    assert_eq!(anna.get("/en/staff/schedule").await.status, 200);
    assert_eq!(
        anna.get("/fi/staff/schedule?day=nonsense").await.status,
        200
    );
    let fi = anna
        .get(&format!("/fi/staff/schedule?day={day}&span=day"))
        .await;
    assert!(fi.body.contains("Me soitamme asiakkaalle"));

    // A counsellor of another service sees none of it.
    let olli = Staff::first_login(&app, "olli", &pw[1]).await;
    let theirs = olli
        .get(&format!("/en/staff/schedule?day={day}&span=week"))
        .await;
    assert_eq!(theirs.status, 200);
    assert!(!theirs.body.contains("Kim") && !theirs.body.contains("+358 50 123 9876"));
    assert!(theirs.body.contains("No bookings in this time."));
}

#[tokio::test]
async fn marking_a_booking_done_or_missed_needs_the_csrf_token_and_a_member() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[ANNA, OLLI]).await;
    let slot = insert_slot(&app, 30, 1).await;
    book_slot(&app, &slot, &[("call", "you_call"), ("name", "Robin")]).await;
    let anna = Staff::first_login(&app, "anna", &pw[0]).await;
    let day = slot_day(&app, &slot).await;
    let page = anna
        .get(&format!("/en/staff/schedule?day={day}&span=day"))
        .await;
    let ids = booking_ids(&page.body);
    assert_eq!(ids.len(), 1, "{}", page.body);
    let csrf = csrf_in(&page.body);
    let path = format!("/en/staff/schedule/bookings/{}/outcome", ids[0]);

    let forged = anna.post(&path, &[("outcome", "done")]).await;
    assert_eq!(forged.status, 403);
    let olli = Staff::first_login(&app, "olli", &pw[1]).await;
    let olli_csrf = olli.csrf().await;
    let foreign = olli
        .post(&path, &[("csrf", &olli_csrf), ("outcome", "done")])
        .await;
    assert_eq!(foreign.status, 403, "a foreign booking looks like none");
    let missing = olli
        .post(
            &format!("/en/staff/schedule/bookings/{:032x}/outcome", 7),
            &[("csrf", &olli_csrf), ("outcome", "done")],
        )
        .await;
    assert_eq!(missing.status, 403);
    assert_eq!(state_of_booking(&app, &ids[0]).await, "booked");

    let done = anna
        .post(
            &path,
            &[
                ("csrf", &csrf),
                ("outcome", "no_show"),
                ("day", &day),
                ("span", "day"),
            ],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.body);
    assert!(done.location.contains("done=done") && done.location.contains(&day));
    assert_eq!(state_of_booking(&app, &ids[0]).await, "no_show");
    let again = anna
        .post(&path, &[("csrf", &csrf), ("outcome", "done")])
        .await;
    assert!(again.location.contains("done=stale"));
    assert_eq!(state_of_booking(&app, &ids[0]).await, "no_show");
    let shown = anna.get(&done.location).await;
    assert!(shown.body.contains("The booking is marked."));
    assert!(shown.body.contains("Missed") && !shown.body.contains("Mark as done"));
    assert_eq!(
        app.count("select count(*) from audit_log where action = 'booking_no_show'")
            .await,
        1
    );
}

#[tokio::test]
async fn a_counsellor_cancels_a_booking_and_the_client_reads_the_message_with_the_receipt() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[ANNA, OLLI]).await;
    let slot = insert_slot(&app, 30, 1).await;
    let (receipt, when) = book_slot(&app, &slot, &[("call", "you_call")]).await;
    let anna = Staff::first_login(&app, "anna", &pw[0]).await;
    let day = slot_day(&app, &slot).await;
    let page = anna
        .get(&format!("/en/staff/schedule?day={day}&span=week"))
        .await;
    let id = booking_ids(&page.body).remove(0);
    let csrf = csrf_in(&page.body);
    let path = format!("/en/staff/schedule/bookings/{id}/cancel");

    // Without a message nothing is cancelled, and the page says why.
    let empty = anna
        .post(&path, &[("csrf", &csrf), ("text", "  "), ("day", &day)])
        .await;
    assert_eq!(empty.status, 422);
    assert!(empty.body.contains("Write a message before sending."));
    let olli = Staff::first_login(&app, "olli", &pw[1]).await;
    let olli_csrf = olli.csrf().await;
    let foreign = olli
        .post(&path, &[("csrf", &olli_csrf), ("text", "gone")])
        .await;
    assert_eq!(foreign.status, 403);
    assert_eq!(state_of_booking(&app, &id).await, "booked");

    let message = "Our counsellor is ill that day; please book another time.";
    // Without the "I am sure" box ticked nothing is cancelled, and the
    // message typed is kept.
    let unsure = anna
        .post(&path, &[("csrf", &csrf), ("text", message), ("day", &day)])
        .await;
    assert_eq!(unsure.status, 422);
    assert!(
        unsure
            .body
            .contains("Tick “I am sure” to cancel the booking.")
    );
    assert!(unsure.body.contains(message), "the message is kept");
    assert_eq!(state_of_booking(&app, &id).await, "booked");
    let sure = [
        ("csrf", csrf.as_str()),
        ("text", message),
        ("day", &day),
        ("confirm", "yes"),
    ];
    let done = anna.post(&path, &sure).await;
    assert_eq!(done.status, 303, "{}", done.body);
    assert!(done.location.contains("done=cancelled"));
    assert_eq!(state_of_booking(&app, &id).await, "cancelled");
    assert_eq!(
        app.count("select taken from slots").await,
        0,
        "the seat is free"
    );
    let (_, form) = app.get(&format!("/en/services/{SERVICE}/book")).await;
    assert!(form.contains(&format!("slot:{slot}")), "bookable again");
    // Cancelling twice sends nothing twice.
    let again = anna.post(&path, &sure).await;
    assert!(again.location.contains("done=stale"));

    let (status, thread) = app.check("en", &receipt).await;
    assert_eq!(status, 200);
    assert!(thread.contains(message), "{thread}");
    assert!(thread.contains(&format!("We had to cancel your booking for {when}.")));
    assert!(thread.contains("Anna"), "who wrote it");
    let (_, manage) = app.manage("en", &receipt).await;
    assert!(manage.contains("Cancelled"));
    assert_eq!(
        app.count("select count(*) from messages where author = 'staff'")
            .await,
        1
    );
}

#[tokio::test]
async fn a_booked_group_shows_on_each_meeting_day_and_cancelling_frees_its_seat() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[ANNA]).await;
    let anna = Staff::first_login(&app, "anna", &pw[0]).await;
    let csrf = anna.csrf().await;
    let tz = jiff::tz::TimeZone::get("Europe/Helsinki").unwrap();
    let first = jiff::Timestamp::now()
        .to_zoned(tz)
        .date()
        .checked_add(jiff::Span::new().days(7))
        .unwrap();
    let second = first.checked_add(jiff::Span::new().days(7)).unwrap();
    let published = anna
        .post(
            "/en/staff/availability/group",
            &[
                ("csrf", &csrf),
                ("service", SERVICE),
                ("name_fi", "Ryhmä"),
                ("name_sv", "Grupp"),
                ("name_en", "Group"),
                ("date", &first.to_string()),
                ("start", "17:00"),
                ("minutes", "90"),
                ("meetings", "2"),
                ("every_days", "7"),
                ("capacity", "2"),
            ],
        )
        .await;
    assert_eq!(published.status, 303, "{}", published.body);
    let (_, page) = app.get(&format!("/en/services/{SERVICE}/book")).await;
    let group = between(&page, r#"name="choice" value="group:"#, "\"").unwrap();
    let (status, booked) = book(
        &app,
        &[
            ("choice", &format!("group:{group}")),
            ("call", "you_call"),
            ("name", "Noor"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{booked}");
    let receipt = receipt_in(&booked);

    for day in [first, second] {
        let page = anna
            .get(&format!("/en/staff/schedule?day={day}&span=day"))
            .await;
        assert!(page.body.contains("Noor"), "{day}: {}", page.body);
        assert!(
            !page.body.contains("Mark as done"),
            "a group is not one call"
        );
    }
    let page = anna
        .get(&format!("/en/staff/schedule?day={first}&span=day"))
        .await;
    let id = booking_ids(&page.body).remove(0);
    let done = anna
        .post(
            &format!("/en/staff/schedule/bookings/{id}/cancel"),
            &[
                ("csrf", &csrf),
                ("confirm", "yes"),
                (
                    "text",
                    "Two of our counsellors are ill, so the group cannot meet.",
                ),
            ],
        )
        .await;
    assert_eq!(done.status, 303);
    assert_eq!(app.count("select taken from series").await, 0);
    let (_, thread) = app.check("en", &receipt).await;
    assert!(thread.contains("Two of our counsellors are ill, so the group cannot meet."));
    assert!(thread.contains("We had to cancel your booking for"));
}
