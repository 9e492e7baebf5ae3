//! The working day's parts together, through the real binary: a case with
//! an automatic reply, taken by a counsellor and answered, is handed to
//! another service; the automatic reply and the answer travel with it, the
//! taking does not, and the client reads all of it and rates the help, the
//! rating counted for the service that answers now.

use std::time::{Duration, Instant};

use crate::helpers::*;
use crate::promise::{AUTO_EN, promise_in_config};
use crate::staff_helpers::*;

const REQUEST: &str = "A request that will travel between services";
const ANSWER: &str = "Anna answers before passing it on";
const COMMENT: &str = "The second line understood me";

/// The `ratings` counter of `service` for `stars`, as stored now.
async fn rating_count(app: &TestApp, service: &str, stars: &str) -> i64 {
    let pool = app.pool().await;
    let n: i64 = sqlx::query_scalar(
        "select cast(coalesce(sum(count), 0) as bigint) from stats_counts \
         where service = $1 and metric = 'ratings' and category = $2",
    )
    .bind(service)
    .bind(stars)
    .fetch_one(&pool)
    .await
    .unwrap();
    pool.close().await;
    n
}

#[tokio::test]
async fn an_automatic_reply_and_an_answer_travel_with_a_hand_over_and_the_rating_counts_for_the_receiver()
 {
    let mut app = spawn_app().await;
    promise_in_config(&app, 3);
    let pw = app
        .with_staff(&[
            ("anna", "counsellor", &[SERVICE]),
            ("bob", "counsellor", &[OTHER_SERVICE]),
        ])
        .await;
    let anna = Staff::first_login(&app, "anna", &pw[0]).await;
    let bob = Staff::first_login(&app, "bob", &pw[1]).await;
    let receipt = app.submit_ok(REQUEST).await;
    let case = app.case_of(&receipt).await;

    // The service has an automatic reply in English only: a request from
    // the Swedish page gets it too, marked as English, so whether a case
    // holds one says nothing of the client's language.
    let swedish = crate::promise::submit(&app, "sv", SERVICE, "en fråga på svenska").await;
    let (status, page) = app.check("sv", &swedish).await;
    assert_eq!(status, 200, "{page}");
    assert!(
        page.contains(&format!(r#"lang="en">{AUTO_EN}</div>"#)),
        "{page}"
    );
    // An automatic reply is no answer: nothing to rate yet.
    assert!(!page.contains("/check/feedback"), "{page}");

    // Anna takes the case and answers it.
    let page = anna.get(&format!("/en/staff/cases/{case}")).await;
    assert!(page.body.contains(AUTO_EN), "{}", page.body);
    let csrf = csrf_in(&page.body);
    let path = format!("/en/staff/cases/{case}");
    let taken = anna.post(&format!("{path}/take"), &[("csrf", &csrf)]).await;
    assert_eq!(taken.status, 303, "{}", taken.body);
    let form = [("csrf", csrf.as_str()), ("text", ANSWER)];
    assert_eq!(anna.post(&format!("{path}/reply"), &form).await.status, 303);

    // Handed to the rainbow line: confirmed in two steps.
    let form = [
        ("csrf", csrf.as_str()),
        ("to", OTHER_SERVICE),
        ("message", ""),
    ];
    let asked = anna.post(&format!("{path}/handover"), &form).await;
    assert_eq!(asked.status, 200, "{}", asked.body);
    let done = anna.post(&format!("{path}/handover/confirm"), &form).await;
    assert_eq!(done.status, 303, "{}", done.body);

    // Bob reads the automatic reply and the answer; nobody has the case.
    let page = bob.get(&path).await;
    assert_eq!(page.status, 200);
    for text in [REQUEST, AUTO_EN, ANSWER] {
        assert!(page.body.contains(text), "{text} not on bob's page");
    }
    assert_eq!(
        app.count("select count(*) from cases where assignee is null and service = 'rainbow'")
            .await,
        1
    );
    let untaken = bob.get("/en/staff?who=untaken").await;
    assert!(untaken.body.contains(case.as_str()), "{}", untaken.body);

    // The client reads all of it under the new service, and rates.
    let (status, thread) = app.check("en", &receipt).await;
    assert_eq!(status, 200, "{thread}");
    for text in [
        REQUEST,
        AUTO_EN,
        ANSWER,
        "Your request was passed to Rainbow line",
    ] {
        assert!(thread.contains(text), "{text} not on the client's page");
    }
    assert!(
        !thread.contains("We answer within 3 working days"),
        "the rainbow line promises nothing"
    );
    let (status, page) = crate::feedback::rate(&app, "en", &receipt, "5", COMMENT).await;
    assert_eq!(status, 200, "{page}");
    // The tally writes within a second.
    let started = Instant::now();
    while rating_count(&app, OTHER_SERVICE, "5").await == 0 {
        assert!(started.elapsed() < Duration::from_secs(10), "never counted");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(rating_count(&app, OTHER_SERVICE, "5").await, 1);
    assert_eq!(rating_count(&app, SERVICE, "5").await, 0);
    assert!(bob.get(&path).await.body.contains(COMMENT));
}
