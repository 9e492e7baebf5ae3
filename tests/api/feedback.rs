//! Client feedback (issue 20) through the real binary: once a case has a
//! reply (or is closed), or a chat with a counsellor has ended, the client
//! may rate the help from 1 to 5 with an optional comment, once. The
//! rating is a counter linked to no case ("< 5" until five); the rating and
//! the comment are sealed into the case, read by the counsellor's key.

use sqlx::Row;

use crate::helpers::*;
use crate::staff_helpers::*;

const PIA: (&str, &str, &[&str]) = ("pia", "counsellor", &[SERVICE]);
const ADA: (&str, &str, &[&str]) = ("ada", "admin", &[SERVICE]);
const COMMENT: &str = "the tangerine giraffe listened well";

fn this_month() -> String {
    jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .strftime("%Y-%m")
        .to_string()
}

/// The ratings counter of SERVICE for `rating` this month.
async fn ratings(app: &TestApp, rating: &str) -> i64 {
    let key = (
        SERVICE.to_owned(),
        this_month(),
        "ratings".to_owned(),
        rating.to_owned(),
    );
    crate::stats::counters(app)
        .await
        .get(&key)
        .copied()
        .unwrap_or(0)
}

/// Waits for the tally to write the ratings counter (within a second).
async fn wait_for_ratings(app: &TestApp, rating: &str, n: i64) {
    let started = std::time::Instant::now();
    loop {
        let now = ratings(app, rating).await;
        if now == n {
            return;
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(15),
            "ratings/{rating} is {now}, not {n}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// A request sent, and its case id.
async fn request(app: &TestApp, text: &str) -> (String, String) {
    let receipt = app.submit_ok(text).await;
    let case = app.case_of(&receipt).await;
    (receipt, case)
}

async fn reply(pia: &Staff, case: &str, text: &str) {
    let csrf = pia.csrf().await;
    let sent = pia
        .post(
            &format!("/en/staff/cases/{case}/reply"),
            &[("csrf", &csrf), ("text", text)],
        )
        .await;
    assert_eq!(sent.status, 303, "{}", sent.body);
}

async fn close(pia: &Staff, case: &str) {
    let csrf = pia.csrf().await;
    let done = pia
        .post(
            &format!("/en/staff/cases/{case}/status"),
            &[("csrf", &csrf), ("status", "closed")],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.body);
}

/// The check page of `receipt`, then its feedback form sent.
pub(crate) async fn rate(
    app: &TestApp,
    lang: &str,
    receipt: &str,
    rating: &str,
    comment: &str,
) -> (u16, String) {
    let (status, page) = app.check(lang, receipt).await;
    assert_eq!(status, 200, "{page}");
    let token = token_of_form(&page, "/check/feedback");
    post_rating(app, lang, receipt, &token, rating, comment).await
}

async fn post_rating(
    app: &TestApp,
    lang: &str,
    receipt: &str,
    token: &str,
    rating: &str,
    comment: &str,
) -> (u16, String) {
    let r = client()
        .post(app.url(&format!("/{lang}/check/feedback")))
        .form(&[
            ("receipt", receipt),
            ("token", token),
            ("rating", rating),
            ("comment", comment),
        ])
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

/// A case's row and its messages' plaintext columns, as text.
async fn case_state(app: &TestApp, case: &str) -> (String, i64, i64) {
    let pool = app.pool().await;
    let row = sqlx::query("select status, staff_unread from cases where id = $1")
        .bind(case)
        .fetch_one(&pool)
        .await
        .unwrap();
    let messages: i64 = sqlx::query("select count(*) from messages where case_id = $1")
        .bind(case)
        .fetch_one(&pool)
        .await
        .unwrap()
        .get(0);
    let unread: i32 = row.get("staff_unread");
    pool.close().await;
    (row.get("status"), i64::from(unread), messages)
}

#[tokio::test]
async fn a_rating_with_a_comment_after_a_reply_is_sealed_counted_and_taken_once() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[PIA, ADA]).await;
    let pia = Staff::first_login(&app, "pia", &pw[0]).await;
    let ada = Staff::first_login(&app, "ada", &pw[1]).await;
    let (receipt, case) = request(&app, "a question about the group").await;
    let (other_receipt, other) = request(&app, "another question").await;
    reply(&pia, &other, "an answer to the other").await;

    // Before any reply: no form, and a form posted anyway (with a token
    // from another case's page) is refused and changes nothing.
    let (_, page) = app.check("en", &receipt).await;
    assert!(!page.contains("/check/feedback"), "no form before a reply");
    assert!(!page.contains("Rate the help"));
    let (_, other_page) = app.check("en", &other_receipt).await;
    let token = token_of_form(&other_page, "/check/feedback");
    let before = case_state(&app, &case).await;
    let (status, page) = post_rating(&app, "en", &receipt, &token, "5", COMMENT).await;
    assert_eq!(status, 422, "{page}");
    assert!(page.contains("You can give feedback once the service has answered."));
    assert_eq!(case_state(&app, &case).await, before);

    reply(&pia, &case, "here is what we know about the group").await;
    pia.get(&format!("/en/staff/cases/{case}")).await;
    let (_, page) = app.check("en", &receipt).await;
    for part in [
        "<legend>How helpful was the help you got?</legend>",
        r#"type="radio" id="rating-1" name="rating" value="1""#,
        "1 – not at all helpful",
        "5 – very helpful",
        r#"<label for="feedback-comment">Comment (optional)</label>"#,
    ] {
        assert!(page.contains(part), "{part} missing");
    }
    assert!(
        !page.contains(&format!("value=\"{case}\"")),
        "the case id is not on the page"
    );
    let (status_before, _, messages_before) = case_state(&app, &case).await;
    assert_eq!(status_before, "waiting");

    let (status, page) = rate(&app, "en", &receipt, "4", COMMENT).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Thank you for your feedback."));
    assert!(
        page.contains("Your feedback"),
        "the client reads what they sent"
    );
    assert!(page.contains(COMMENT));
    assert!(page.contains("You rated the help: 4 – helpful."));
    assert!(!page.contains("/check/feedback\""), "no form any more");
    // A comment is for staff to read: unread, but the status stays.
    assert_eq!(
        case_state(&app, &case).await,
        ("waiting".to_owned(), 1, messages_before + 1)
    );

    // A second rating is refused politely, and nothing moves.
    let (_, other_page) = app.check("en", &other_receipt).await;
    let token = token_of_form(&other_page, "/check/feedback");
    let (status, page) = post_rating(&app, "en", &receipt, &token, "1", "again").await;
    assert_eq!(status, 422, "{page}");
    assert!(page.contains("You have already given feedback on this case."));
    assert_eq!(case_state(&app, &case).await.2, messages_before + 1);

    // The counsellor reads it with their key on the case page.
    let seen = pia.get(&format!("/en/staff/cases/{case}")).await;
    assert!(seen.body.contains("Feedback from the client"));
    assert!(seen.body.contains("4 – helpful"));
    assert!(seen.body.contains(COMMENT));

    // Counted once, shown as "< 5" on the page and in the export.
    wait_for_ratings(&app, "4", 1).await;
    assert_eq!(ratings(&app, "1").await, 0);
    let stats = ada.get("/en/staff/stats").await;
    assert_eq!(stats.status, 200);
    assert!(stats.body.contains("Ratings of the help by clients (1–5)"));
    assert!(
        stats
            .body
            .contains("<th scope=\"row\">4 – helpful</th><td>&#60; 5</td>"),
        "the year's cell is suppressed"
    );
    let year = &this_month()[..4];
    let csv = ada.get(&format!("/en/staff/stats/csv?year={year}")).await;
    let line = format!("{SERVICE},");
    assert!(
        csv.body
            .lines()
            .any(|l| l.starts_with(&line) && l.contains(",ratings,4,4 – helpful,< 5,1,4")),
        "{}",
        csv.body
    );
    assert!(!csv.body.contains(",ratings,4,4 – helpful,1,"));

    // Nothing of it in the clear: not the comment anywhere, no rating
    // beside the case, no column for it.
    let stored = app.stored_contents().await;
    assert!(!stored.contains(COMMENT), "the comment is sealed");
    for (table, row) in crate::stats::rows_in_the_clear(&app).await {
        if row.contains(&case) {
            assert!(
                !row.contains("ratings") && !row.contains("helpful"),
                "{table} links the case to a rating: {row}"
            );
        }
        if table.starts_with("stats_") || table == "spent_form_nonces" {
            assert!(!row.contains(&case), "{table} names the case: {row}");
        }
    }
    let pool = app.pool().await;
    let columns: Vec<(String,)> = if is_postgres() {
        sqlx::query_as(
            "select column_name::text from information_schema.columns \
             where table_schema = 'public'",
        )
        .fetch_all(&pool)
        .await
        .unwrap()
    } else {
        sqlx::query_as(
            "select p.name from sqlite_master m join pragma_table_info(m.name) p \
             where m.type = 'table'",
        )
        .fetch_all(&pool)
        .await
        .unwrap()
    };
    pool.close().await;
    for (column,) in columns {
        // (`feedback_service` is the accessibility feedback's: another form.)
        assert!(!column.contains("rating"), "a column {column}");
    }
}

#[tokio::test]
async fn a_bare_rating_reopens_nothing_and_shows_as_small_until_five() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[PIA, ADA]).await;
    let pia = Staff::first_login(&app, "pia", &pw[0]).await;
    let ada = Staff::first_login(&app, "ada", &pw[1]).await;
    let row = "<th scope=\"row\">5 – very helpful</th><td>";
    for n in 1..=5 {
        let (receipt, case) = request(&app, &format!("request number {n}")).await;
        // Closed without a reply: a closed case may be rated too.
        close(&pia, &case).await;
        let before = case_state(&app, &case).await;
        assert_eq!(before.0, "closed");
        let (status, page) = rate(&app, "en", &receipt, "5", "  ").await;
        assert_eq!(status, 200, "{page}");
        let after = case_state(&app, &case).await;
        assert_eq!(
            after,
            ("closed".to_owned(), before.1, before.2 + 1),
            "a bare rating leaves the case closed and read"
        );
        wait_for_ratings(&app, "5", n).await;
        let stats = ada.get("/en/staff/stats").await;
        let shown = if n < 5 { "&#60; 5" } else { "5" };
        assert!(
            stats.body.contains(&format!("{row}{shown}</td>")),
            "after {n}: {}",
            between(&stats.body, "Ratings of the help", "</tbody>").unwrap_or_default()
        );
    }
}

#[tokio::test]
async fn bad_input_gets_a_clear_message_in_the_clients_language_and_keeps_the_comment() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[PIA]).await;
    let pia = Staff::first_login(&app, "pia", &pw[0]).await;
    let (receipt, case) = request(&app, "a request").await;
    reply(&pia, &case, "an answer").await;
    let (_, _, messages) = case_state(&app, &case).await;
    let long = "ä".repeat(2001);
    let cases: [(&str, &str, &str, &str); 5] = [
        (
            "fi",
            "7",
            COMMENT,
            "Valitse, kuinka hyödyllistä apu oli, asteikolla 1–5.",
        ),
        (
            "sv",
            "",
            COMMENT,
            "Välj hur mycket hjälpen hjälpte, från 1 till 5.",
        ),
        (
            "en",
            "five",
            COMMENT,
            "Choose how helpful the help was, from 1 to 5.",
        ),
        (
            "fi",
            "3",
            &long,
            "Kommentti on liian pitkä: enintään 2000 merkkiä.",
        ),
        ("ar", "9", COMMENT, "اختر مدى فائدة المساعدة، من 1 إلى 5."),
    ];
    for (lang, rating, comment, message) in cases {
        let (status, page) = rate(&app, lang, &receipt, rating, comment).await;
        assert_eq!(status, 422, "{lang} {rating}");
        assert!(page.contains(message), "{lang}: {message}");
        assert!(page.contains("class=\"error-summary\""), "{lang}");
        assert!(page.contains("aria-invalid=\"true\""), "{lang}");
        assert!(
            page.contains(&format!("{comment}</textarea>")),
            "{lang}: the comment is kept"
        );
        if rating == "3" {
            assert!(page.contains("value=\"3\" checked"), "the choice is kept");
        }
    }
    assert_eq!(case_state(&app, &case).await.2, messages, "nothing stored");
    // Then a good one still goes through.
    let (status, page) = rate(&app, "fi", &receipt, "2", COMMENT).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Kiitos palautteestasi."));
    wait_for_ratings(&app, "2", 1).await;
    for r in ["1", "3", "4", "5"] {
        assert_eq!(ratings(&app, r).await, 0);
    }
}

/// A chat of SERVICE that pia took and said a line in; the client's
/// browser and its receipt.
async fn chat_with_pia(app: &TestApp, pia: &Staff) -> (reqwest::Client, String) {
    let client = crate::chat::browser();
    let (status, _, page) = crate::chat::start_chat(app, &client, "").await;
    assert_eq!(status, 200, "{page}");
    let receipt = receipt_in(&page);
    let chat = crate::chat::take(pia).await.expect("a chat to take");
    let csrf = pia.csrf().await;
    let said = pia
        .post(
            &chat,
            &[("csrf", &csrf), ("do", "send"), ("message", "hello there")],
        )
        .await;
    assert_eq!(said.status, 303);
    (client, receipt)
}

async fn end_chat(app: &TestApp, client: &reqwest::Client) -> String {
    let r = client
        .post(app.url("/en/chat"))
        .form(&[("do", "end"), ("message", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    r.text().await.unwrap()
}

#[tokio::test]
async fn a_chat_that_ended_can_be_rated_once_from_its_ended_page() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[PIA, ADA]).await;
    let pia = Staff::first_login(&app, "pia", &pw[0]).await;
    let ada = Staff::first_login(&app, "ada", &pw[1]).await;
    crate::chat::open_all_week(&ada, "5", false).await;
    crate::chat::on_duty(&pia).await;

    // A wait that ended before anyone took it: nothing to rate.
    let waiting = crate::chat::browser();
    let (status, _, _) = crate::chat::start_chat(&app, &waiting, "").await;
    assert_eq!(status, 200);
    let ended = end_chat(&app, &waiting).await;
    assert!(
        !ended.contains("/chat/feedback"),
        "no form after a bare wait"
    );

    let (client, receipt) = chat_with_pia(&app, &pia).await;
    let case = app.case_of(&receipt).await;
    let ended = end_chat(&app, &client).await;
    assert!(ended.contains("How helpful was the help you got?"));
    let ticket = between(&ended, r#"name="ticket" value=""#, "\"").expect("a ticket");
    let token = token_of_form(&ended, "/chat/feedback");
    assert!(
        !ticket.contains(&case) && !ended.contains(&case),
        "no case id"
    );
    let send = |ticket: String, token: String, rating: &'static str, comment: String| {
        let url = app.url("/en/chat/feedback");
        async move {
            let r = crate::helpers::client()
                .post(url)
                .form(&[
                    ("ticket", ticket.as_str()),
                    ("token", token.as_str()),
                    ("rating", rating),
                    ("comment", comment.as_str()),
                ])
                .send()
                .await
                .unwrap();
            (r.status().as_u16(), r.text().await.unwrap())
        }
    };
    // Bad input first: the form comes back with a fresh token, text kept.
    let (status, page) = send(ticket.clone(), token.clone(), "", COMMENT.into()).await;
    assert_eq!(status, 422, "{page}");
    assert!(page.contains("Choose how helpful the help was, from 1 to 5."));
    assert!(page.contains(&format!("{COMMENT}</textarea>")));
    let token = token_of_form(&page, "/chat/feedback");
    // A forged ticket is refused, its comment kept to copy.
    let forged = format!("{}00", &ticket[..ticket.len() - 2]);
    let forged = if forged == ticket {
        format!("{}11", &ticket[..ticket.len() - 2])
    } else {
        forged
    };
    let (status, page) = send(forged, token.clone(), "3", COMMENT.into()).await;
    assert_eq!(status, 422);
    assert!(page.contains("already sent or is too old"));
    assert!(page.contains(COMMENT), "kept to copy");

    // The chat kept no transcript; the feedback is a message of its own.
    let (status, page) = send(ticket.clone(), token.clone(), "3", COMMENT.into()).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Thank you for your feedback."));
    // Sent again (Back, Reload): refused, the comment kept to copy.
    let (status, page) = send(ticket.clone(), token.clone(), "3", COMMENT.into()).await;
    assert_eq!(status, 422);
    assert!(page.contains("already sent or is too old"));
    assert!(page.contains(COMMENT));
    // The ended page is shown once: the chat is forgotten.
    let page = client
        .get(app.url("/en/chat"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!page.contains("/chat/feedback"));
    wait_for_ratings(&app, "3", 1).await;

    // The client reads it with the receipt, and cannot rate again there.
    let (_, thread) = app.check("en", &receipt).await;
    assert!(thread.contains("Your feedback") && thread.contains(COMMENT));
    assert!(thread.contains("You rated the help: 3 – somewhat helpful."));
    assert!(!thread.contains("/check/feedback\""));
    let seen = pia.get(&format!("/en/staff/cases/{case}")).await;
    assert!(seen.body.contains("Feedback from the client"));
    assert!(seen.body.contains("3 – somewhat helpful"));
    assert!(seen.body.contains(COMMENT));
    assert!(!app.stored_contents().await.contains(COMMENT));
}

#[tokio::test]
async fn feedback_posts_without_a_valid_token_are_refused_and_change_nothing() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[PIA]).await;
    let pia = Staff::first_login(&app, "pia", &pw[0]).await;
    let (receipt, case) = request(&app, "a request").await;
    reply(&pia, &case, "an answer").await;
    let (_, page) = app.check("en", &receipt).await;
    let good = token_of_form(&page, "/check/feedback");
    let reply_token = token_of_form(&page, "/check/reply");
    let before = case_state(&app, &case).await;
    let wrong = format!("1.{}.{}", "0".repeat(32), "0".repeat(64));
    for token in ["", wrong.as_str(), reply_token.as_str()] {
        let (status, page) = post_rating(&app, "en", &receipt, token, "5", COMMENT).await;
        assert_eq!(status, 422, "{token}");
        assert!(!page.contains("Thank you for your feedback."));
        assert!(page.contains(COMMENT), "the comment comes back to send");
    }
    // A receipt that is not this case's, with a good token: nothing found.
    let (status, _) = post_rating(&app, "en", "AAAA-BBBB-CCCC-DDDD", &good, "5", "").await;
    assert_ne!(status, 200);
    for (ticket, token) in [("", ""), ("00ff", wrong.as_str()), ("zz", good.as_str())] {
        let r = client()
            .post(app.url("/en/chat/feedback"))
            .form(&[
                ("ticket", ticket),
                ("token", token),
                ("rating", "5"),
                ("comment", COMMENT),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains(COMMENT), "kept to copy");
    }
    assert_eq!(case_state(&app, &case).await, before);
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    assert!(
        crate::stats::counters(&app)
            .await
            .keys()
            .all(|(_, _, metric, _)| metric != "ratings")
    );
}
