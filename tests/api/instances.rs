//! Several `suoja serve` instances on one database, as behind a load
//! balancer: whatever one accepts, the other serves. On PostgreSQL
//! (`SUOJA_TEST_DATABASE=postgres`) this is the deployment of
//! docs/DEPLOYMENT.md; on SQLite it is two processes on one file, which
//! works on one machine only.
//!
//! Not here yet: a key rotation job running on one instance while the other
//! serves (rotation is not built).

use crate::booking::{exactly_one_winner, insert_slot, race};
use crate::helpers::*;
use crate::staff_helpers::*;

const ANNA: (&str, &str, &[&str]) = ("anna", "counsellor", &[SERVICE]);
const FIRST: &str = "Sent through the first instance, about Ollilainen";
const SECOND: &str = "Sent through the second instance, about Pyykkönen";
const REPLY: &str = "Answered from the second instance, Vartiainen";

/// The case whose preview (topic · text) in a queue page holds `text`.
fn case_with(queue: &str, text: &str) -> String {
    queue
        .split(r#"href="/en/staff/cases/"#)
        .skip(1)
        .find(|part| {
            part.split_once("\">").is_some_and(|(_, rest)| {
                rest.split("</a>").next().is_some_and(|p| p.contains(text))
            })
        })
        .and_then(|part| part.split('"').next())
        .unwrap_or_else(|| panic!("no case with {text:?} in the queue:\n{queue}"))
        .to_owned()
}

#[tokio::test]
async fn requests_receipts_and_replies_cross_between_two_instances() {
    let mut first = spawn_app().await;
    let pw = first.with_staff(&[ANNA]).await;
    let second = first.another_instance().await;
    assert_ne!(first.base, second.base);

    // A request through each; each receipt opens its thread on the other.
    let on_first = first.submit_ok(FIRST).await;
    let on_second = second.submit_ok(SECOND).await;
    let (status, page) = second.check("en", &on_first).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains(FIRST));
    let (status, page) = first.check("en", &on_second).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains(SECOND));
    assert_eq!(first.count("select count(*) from cases").await, 2);

    // Anna sets her password on the first instance; her session there does
    // not carry her unlocked key to the second, which asks her to log in.
    let anna = Staff::first_login(&first, "anna", &pw[0]).await;
    let elsewhere = Staff {
        http: anna.http.clone(),
        base: second.base.clone(),
    };
    let r = elsewhere.get("/en/staff").await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert!(r.location.contains("notice=locked"), "{}", r.location);

    // Logged in on the second, she sees both requests decrypted there and
    // answers the one that came through the first.
    let anna = Staff::new(&second);
    assert_eq!(anna.login("anna", NEW_PASSWORD, "").await.status, 303);
    let queue = anna.get("/en/staff").await;
    assert_eq!(queue.status, 200);
    assert!(queue.body.contains(SECOND));
    let case = case_with(&queue.body, FIRST);
    let page = anna.get(&format!("/en/staff/cases/{case}")).await;
    assert!(page.body.contains(FIRST));
    let reply = anna
        .post(
            &format!("/en/staff/cases/{case}/reply"),
            &[("csrf", &csrf_in(&page.body)), ("text", REPLY)],
        )
        .await;
    assert_eq!(reply.status, 303, "{}", reply.body);

    // The client reads the answer where they started.
    let (status, thread) = first.check("en", &on_first).await;
    assert_eq!(status, 200);
    assert!(thread.contains(REPLY) && thread.contains("There is a new reply"));

    // Neither instance logged what was written, nor a receipt.
    for instance in [&first, &second] {
        let logs = instance.logs();
        assert!(logs.contains("request"), "{logs}");
        for secret in [FIRST, SECOND, REPLY, &on_first, &on_second, NEW_PASSWORD] {
            assert!(!logs.contains(secret), "the logs hold {secret:?}:\n{logs}");
        }
    }
}

#[tokio::test]
async fn the_last_seat_goes_to_one_client_across_two_instances() {
    let first = spawn_app().await;
    let second = first.another_instance().await;
    let slot = insert_slot(&first, 30, 1).await;
    let answers = race(&[first.base.clone(), second.base.clone()], &slot, 40).await;
    exactly_one_winner(&first, &slot, &answers).await;
    for instance in [&first, &second] {
        assert!(instance.logs().contains("status=409"), "both took part");
    }
}
