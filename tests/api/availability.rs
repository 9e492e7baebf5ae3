//! Changing and removing published times over real HTTP: a booked time is
//! never dropped silently (each client gets a sealed message, the booking
//! is cancelled and the seat freed), seats never go below those taken, and
//! a counsellor of another service changes nothing.

use crate::booking::insert_slot;
use crate::helpers::*;
use crate::schedule::{ANNA, OLLI, book_slot};
use crate::staff_helpers::*;

#[tokio::test]
async fn removing_a_booked_time_of_another_service_is_refused_like_a_missing_one() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[ANNA, OLLI]).await;
    let slot = insert_slot(&app, 30, 1).await;
    book_slot(&app, &slot, &[("call", "you_call")]).await;
    let olli = Staff::first_login(&app, "olli", &pw[1]).await;
    let csrf = olli.csrf().await;
    let refused = olli
        .post(
            &format!("/en/staff/availability/slots/{slot}/remove"),
            &[("csrf", &csrf)],
        )
        .await;
    assert_eq!(refused.status, 403);
    let missing = olli
        .post(
            &format!("/en/staff/availability/slots/{:032x}/remove", 9),
            &[("csrf", &csrf)],
        )
        .await;
    assert_eq!(missing.status, 403);
    assert_eq!(
        app.count("select count(*) from seats where state = 'booked'")
            .await,
        1
    );
    assert_eq!(app.count("select taken from slots").await, 1);
    // Its own counsellor can remove it; the client is told.
    let anna = Staff::first_login(&app, "anna", &pw[0]).await;
    let csrf = anna.csrf().await;
    let removed = anna
        .post(
            &format!("/en/staff/availability/slots/{slot}/remove"),
            &[("csrf", &csrf), ("confirm", "yes")],
        )
        .await;
    assert_eq!(removed.status, 303);
    assert_eq!(
        app.count("select count(*) from messages where author = 'staff'")
            .await,
        1
    );
}

#[tokio::test]
async fn changing_a_booked_time_cancels_the_booking_with_the_new_time_and_keeps_seats_above_those_taken()
 {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[ANNA, OLLI]).await;
    let slot = insert_slot(&app, 30, 2).await;
    let (receipt, _) = book_slot(&app, &slot, &[("call", "you_call")]).await;
    book_slot(&app, &slot, &[("call", "you_call")]).await;
    let anna = Staff::first_login(&app, "anna", &pw[0]).await;
    let listed = anna.get("/en/staff/availability").await;
    assert!(
        listed
            .body
            .contains(&format!("/en/staff/availability/slots/{slot}/edit"))
    );
    let form = anna
        .get(&format!("/en/staff/availability/slots/{slot}/edit"))
        .await;
    assert_eq!(form.status, 200);
    assert!(form.body.contains("2 people have booked this time."));
    let csrf = csrf_in(&form.body);
    let date = between(&form.body, r#"name="date" value=""#, "\"").unwrap();
    let start = between(&form.body, r#"name="start" value=""#, "\"").unwrap();
    let path = format!("/en/staff/availability/slots/{slot}/edit");

    // Seats: never below those taken; more is fine and keeps the booking.
    let fields = |capacity: &'static str, start: String| {
        vec![
            ("csrf", csrf.clone()),
            ("date", date.clone()),
            ("start", start),
            ("minutes", "30".to_owned()),
            ("capacity", capacity.to_owned()),
        ]
    };
    let below = fields("1", start.clone());
    let r = anna.post(&path, &pairs(&below)).await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("fewer seats than are already booked"));
    let more = fields("3", start.clone());
    let r = anna.post(&path, &pairs(&more)).await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert!(r.location.contains("done=edited"));
    assert_eq!(app.count("select capacity from slots").await, 3);
    assert_eq!(
        app.count("select count(*) from seats where state = 'booked'")
            .await,
        2
    );

    // A counsellor of another service cannot touch it.
    let olli = Staff::first_login(&app, "olli", &pw[1]).await;
    let olli_csrf = olli.csrf().await;
    let mut foreign = fields("3", "23:30".to_owned());
    foreign[0].1 = olli_csrf;
    let r = olli.post(&path, &pairs(&foreign)).await;
    assert_eq!(r.status, 403);
    assert_eq!(
        anna.get(&path).await.status,
        200,
        "unchanged for its own counsellor"
    );

    // A new time: the booking is cancelled and the client told the new time.
    let later = if start.as_str() < "22:00" {
        "23:00"
    } else {
        "06:00"
    };
    let moved = fields("3", later.to_owned());
    let r = anna.post(&path, &pairs(&moved)).await;
    if r.status == 422 {
        // 06:00 of that day may already have passed; nothing changed then.
        assert!(r.body.contains("already passed"));
        return;
    }
    assert_eq!(r.status, 303, "{}", r.body);
    assert!(r.location.contains("done=edited_booked"));
    assert_eq!(
        app.count("select count(*) from seats where state = 'cancelled'")
            .await,
        2
    );
    assert_eq!(
        app.count("select count(*) from slots where cancelled = 0 and taken = 0")
            .await,
        1,
        "the new time is published free"
    );
    let (_, thread) = app.check("en", &receipt).await;
    assert!(thread.contains("the time was changed to"), "{thread}");
    assert!(thread.contains(&format!("{later}–")), "{thread}");
}

fn pairs<'a>(fields: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    fields.iter().map(|(k, v)| (*k, v.as_str())).collect()
}
