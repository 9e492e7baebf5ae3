//! A form sent again (Back and Reload after a quick exit, or any replay of
//! the same body) is refused as expired: it never shows a thread again,
//! never makes a second case, a second message or a second booking, and
//! keeps what the person wrote when it is their own text. Form tokens are
//! single use across instances: the spent nonces live in the database.

use crate::booking::{book_at, booking_token, insert_slot};
use crate::helpers::*;

const EXPIRED: &str = "The form had expired. Your text is still here";
const EXPIRED_RECEIPT: &str = "This form has expired. Please enter your receipt code again.";

async fn post(app: &TestApp, path: &str, form: &[(&str, &str)]) -> (u16, String) {
    let r = client()
        .post(app.url(path))
        .form(form)
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

fn contact_body<'a>(token: &'a str, message: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("token", token),
        ("topic", "general"),
        ("message", message),
        ("way", "none"),
    ]
}

#[tokio::test]
async fn a_contact_form_sent_twice_makes_one_case_and_the_second_answer_is_expired_with_the_text_kept()
 {
    let app = spawn_app().await;
    let token = app.form_token("en", SERVICE).await;
    let message = "I wrote this once and pressed Back and Reload.";
    let path = format!("/en/services/{SERVICE}");
    let (status, first) = post(&app, &path, &contact_body(&token, message)).await;
    assert_eq!(status, 200, "{first}");
    assert!(first.contains(r#"<p class="code" dir="ltr">"#));

    let (status, again) = post(&app, &path, &contact_body(&token, message)).await;
    assert_eq!(status, 422, "{again}");
    assert!(again.contains(EXPIRED), "{again}");
    assert!(
        !again.contains(r#"<p class="code" dir="ltr">"#),
        "no receipt"
    );
    assert!(again.contains(message), "the text is kept");
    assert_eq!(app.count("select count(*) from cases").await, 1);
    // The page handed back carries a fresh token that is taken once.
    let fresh = between(&again, r#"name="token" value=""#, "\"").unwrap();
    assert_ne!(fresh, token);
    let (status, _) = post(&app, &path, &contact_body(&fresh, message)).await;
    assert_eq!(status, 200);
    assert_eq!(app.count("select count(*) from cases").await, 2);
}

#[tokio::test]
async fn a_form_refused_for_its_input_is_spent_and_comes_back_with_a_fresh_token() {
    let app = spawn_app().await;
    let token = app.form_token("en", SERVICE).await;
    let path = format!("/en/services/{SERVICE}");
    let (status, refused) = post(&app, &path, &contact_body(&token, " ")).await;
    assert_eq!(status, 422);
    assert!(
        refused.contains("Write a message before sending."),
        "{refused}"
    );
    let fresh = between(&refused, r#"name="token" value=""#, "\"").unwrap();
    assert_ne!(fresh, token, "a fresh token");
    // The same body again is expired, not refused for its input again,
    // and a corrected one with the spent token makes no case either.
    let (status, again) = post(&app, &path, &contact_body(&token, " ")).await;
    assert_eq!(status, 422);
    assert!(again.contains(EXPIRED), "{again}");
    let (status, _) = post(&app, &path, &contact_body(&token, "now a message")).await;
    assert_eq!(status, 422);
    assert_eq!(app.count("select count(*) from cases").await, 0);
    let (status, _) = post(&app, &path, &contact_body(&fresh, "now a message")).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn a_check_form_sent_again_shows_no_thread_and_not_the_receipt() {
    let app = spawn_app().await;
    let message = "the thread only the writer should see again";
    let receipt = app.submit_ok(message).await;
    let token = app.check_token_as(&client(), "en").await;
    let body = [("receipt", receipt.as_str()), ("token", &token)];
    let (status, thread) = post(&app, "/en/check", &body).await;
    assert_eq!(status, 200, "{thread}");
    assert!(thread.contains(message));

    let (status, again) = post(&app, "/en/check", &body).await;
    assert_eq!(status, 422, "{again}");
    assert!(again.contains(EXPIRED_RECEIPT), "{again}");
    assert!(!again.contains(message), "never the thread");
    assert!(!again.contains(&receipt), "nor the receipt");
    // Without a token (a form from before) the thread is not shown either.
    let (status, bare) = post(&app, "/en/check", &[("receipt", receipt.as_str())]).await;
    assert_eq!(status, 422);
    assert!(!bare.contains(message));
    // Looked up afresh, it opens.
    let (status, fresh) = app.check("en", &receipt).await;
    assert_eq!(status, 200);
    assert!(fresh.contains(message));
}

#[tokio::test]
async fn a_message_written_back_and_sent_again_is_stored_once_and_shows_no_thread() {
    let app = spawn_app().await;
    let first = "the first message of the case";
    let receipt = app.submit_ok(first).await;
    let (_, thread) = app.check("en", &receipt).await;
    let token = token_of_form(&thread, "/check/reply");
    let more = "and a follow-up, sent once";
    let body = [
        ("receipt", receipt.as_str()),
        ("token", &token),
        ("message", more),
    ];
    let (status, sent) = post(&app, "/en/check/reply", &body).await;
    assert_eq!(status, 200, "{sent}");
    assert!(sent.contains(more));

    let (status, again) = post(&app, "/en/check/reply", &body).await;
    assert_eq!(status, 422, "{again}");
    assert!(again.contains(EXPIRED_RECEIPT), "{again}");
    assert!(!again.contains(first), "never the thread");
    assert!(!again.contains(&receipt), "nor the receipt");
    assert!(again.contains(more), "their message is kept, to send again");
    assert_eq!(app.count("select count(*) from messages").await, 2);
}

#[tokio::test]
async fn a_booking_form_sent_twice_books_once_and_its_manage_forms_once() {
    let app = spawn_app().await;
    let slot = insert_slot(&app, 30, 5).await;
    let choice = format!("slot:{slot}");
    let fields = [
        ("choice", choice.as_str()),
        ("call", "we_call"),
        ("phone", "+358 40 123 4567"),
        ("name", "Robin"),
    ];
    let token = booking_token(&app.base).await;
    let (status, booked) = book_at(&client(), &app.base, &token, &fields).await;
    assert_eq!(status, 200, "{booked}");
    let receipt = receipt_in(&booked);
    let (status, again) = book_at(&client(), &app.base, &token, &fields).await;
    assert_eq!(status, 422, "{again}");
    assert!(again.contains(EXPIRED), "{again}");
    assert!(
        !again.contains(r#"<p class="code" dir="ltr">"#),
        "no receipt"
    );
    assert!(again.contains(r#"value="Robin""#), "the input is kept");
    let bookings = "select count(*) from cases where kind = 'booking'";
    assert_eq!(app.count(bookings).await, 1);
    assert_eq!(app.count("select count(*) from seats").await, 1);

    // The manage form sent again shows nothing of the booking.
    let (_, thread) = app.check("en", &receipt).await;
    let token = token_of_form(&thread, "/bookings/manage");
    let body = [("receipt", receipt.as_str()), ("token", &token)];
    let (status, manage) = post(&app, "/en/bookings/manage", &body).await;
    assert_eq!(status, 200, "{manage}");
    assert!(
        manage.contains("Robin") || manage.contains("Booked"),
        "{manage}"
    );
    let (status, again) = post(&app, "/en/bookings/manage", &body).await;
    assert_eq!(status, 422, "{again}");
    assert!(again.contains(EXPIRED_RECEIPT), "{again}");
    assert!(!again.contains("Booked") && !again.contains(&receipt));

    // A cancel sent again cancels nothing twice and shows nothing.
    let token = token_of_form(&manage, "/bookings/cancel");
    let body = [("receipt", receipt.as_str()), ("token", &token)];
    let (status, cancelled) = post(&app, "/en/bookings/cancel", &body).await;
    assert_eq!(status, 200, "{cancelled}");
    let (status, again) = post(&app, "/en/bookings/cancel", &body).await;
    assert_eq!(status, 422);
    assert!(!again.contains("Cancelled") && !again.contains(&receipt));
    let lines = "select count(*) from messages where author = 'client'";
    assert_eq!(app.count(lines).await, 2, "the booking and one cancel");
}

#[tokio::test]
async fn a_form_token_spent_on_one_instance_is_refused_on_another() {
    let first = spawn_app().await;
    let second = first.another_instance().await;
    let token = first.form_token("en", SERVICE).await;
    let message = "sent to one instance, then again to the other";
    let path = format!("/en/services/{SERVICE}");
    let (status, _) = post(&first, &path, &contact_body(&token, message)).await;
    assert_eq!(status, 200);
    let (status, again) = post(&second, &path, &contact_body(&token, message)).await;
    assert_eq!(status, 422, "{again}");
    assert!(again.contains(EXPIRED));
    assert_eq!(first.count("select count(*) from cases").await, 1);

    // The look-up too: spent on the second, refused on the first.
    let receipt = receipt_in(
        &post(
            &first,
            &path,
            &contact_body(&first.form_token("en", SERVICE).await, message),
        )
        .await
        .1,
    );
    let token = second.check_token_as(&client(), "en").await;
    let body = [("receipt", receipt.as_str()), ("token", &token)];
    assert_eq!(post(&second, "/en/check", &body).await.0, 200);
    let (status, again) = post(&first, "/en/check", &body).await;
    assert_eq!(status, 422);
    assert!(!again.contains(message));
}

#[tokio::test]
async fn spent_nonces_hold_a_keyed_hash_and_a_day_and_the_purge_drops_those_past_it() {
    let app = spawn_app().await;
    app.submit_ok("one spent form").await;
    let pool = app.pool().await;
    let rows: Vec<(String, String)> =
        sqlx::query_as("select nonce_hash, expires_on from spent_form_nonces")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(rows.len(), 1);
    let (hash, day) = &rows[0];
    assert_eq!(hash.len(), 64);
    assert!(
        jiff::civil::Date::strptime("%Y-%m-%d", day).is_ok(),
        "{day}"
    );
    sqlx::query(
        "insert into spent_form_nonces (nonce_hash, expires_on) values ('old', '2020-01-01')",
    )
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;
    let (ok, out, err) = run(std::process::Command::new(bin())
        .args(["purge", "--config"])
        .arg(&app.config));
    assert!(ok, "{out}{err}");
    let left = "select count(*) from spent_form_nonces";
    assert_eq!(
        app.count(left).await,
        1,
        "the old row is gone, today's stays"
    );
}
