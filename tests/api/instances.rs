//! Several `suoja serve` instances on one database, as behind a load
//! balancer: whatever one accepts, the other serves. On PostgreSQL
//! (`SUOJA_TEST_DATABASE=postgres`) this is the deployment of
//! docs/DEPLOYMENT.md; on SQLite it is two processes on one file, which
//! works on one machine only.

use std::process::Command;

use crate::booking::{exactly_one_winner, insert_slot, race};
use crate::helpers::*;
use crate::staff_helpers::*;

const ANNA: (&str, &str, &[&str]) = ("anna", "counsellor", &[SERVICE]);
const FIRST: &str = "Sent through the first instance, about Ollilainen";
const SECOND: &str = "Sent through the second instance, about Pyykkönen";
const REPLY: &str = "Answered from the second instance, Vartiainen";

/// The case whose preview (topic · text) in a queue page holds `text`.
pub fn case_with(queue: &str, text: &str) -> String {
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

    // Anna sets her password on the first instance; her session works on
    // the second too, which opens her key from the session's row.
    let anna = Staff::first_login(&first, "anna", &pw[0]).await;
    let anna = Staff {
        http: anna.http.clone(),
        base: second.base.clone(),
    };

    // On the second, she sees both requests decrypted there and answers
    // the one that came through the first.
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

#[tokio::test]
async fn a_rotation_job_on_one_instance_while_the_other_serves_loses_nothing() {
    use crate::rotation::{age_opens, jobs_end, messages, staff_key, submit_to};
    let mut first = spawn_app().await;
    let one_time = first
        .with_staff(&[
            ("root", "admin", &[SERVICE]),
            ("bea", "counsellor", &[SERVICE]),
        ])
        .await;
    let second = first.another_instance().await;
    let admin = Staff::first_login(&first, "root", &one_time[0]).await;
    let _bea = Staff::first_login(&second, "bea", &one_time[1]).await;
    for i in 0..40 {
        let base = if i % 2 == 0 {
            &first.base
        } else {
            &second.base
        };
        assert_eq!(submit_to(base.clone(), format!("before {i}")).await, 200);
    }
    let bea_key = staff_key(&first, "bea", NEW_PASSWORD).await;
    let pool = first.pool().await;
    let (bea_id,): (String,) = sqlx::query_as("select id from staff where username = 'bea'")
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;

    // The admin removes Bea on the first instance; its job reseals there
    // with the admin's key while the second instance keeps taking requests.
    let page = admin.get("/en/staff/members").await;
    let csrf = csrf_in(&page.body);
    let writers = tokio::spawn({
        let base = second.base.clone();
        async move {
            for i in 0..30 {
                assert_eq!(submit_to(base.clone(), format!("during {i}")).await, 200);
            }
        }
    });
    let removed = admin
        .http
        .post(format!("{}/en/staff/members/remove", admin.base))
        .form(&[
            ("csrf", csrf.as_str()),
            ("staff", bea_id.as_str()),
            ("service", SERVICE),
            ("confirm", "yes"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(removed.status(), 303);
    writers.await.unwrap();
    jobs_end(&first, 1).await;
    // The second instance sealed to the old set until its keyring caught up
    // (within `reload_seconds`, 1 s here): a later job, here from the
    // progress page, takes those.
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    let left = first
        .count("select count(*) from messages m join cases c on c.id = m.case_id \
                where m.key_epoch <> (select max(id) from key_epochs e where e.service = c.service)")
        .await;
    if left > 0 {
        let (ok, out, err) =
            crate::rotation::rotate(&first, &first.path("recovery.key"), &["--service", SERVICE]);
        assert!(ok, "{out}{err}");
    }
    let all = messages(&first).await;
    assert_eq!(all.len(), 70, "every acknowledged request, once");
    for m in &all {
        assert!(
            !age_opens(&first, &bea_key, &m.5),
            "the removed key still opens"
        );
        assert!(age_opens(&first, &first.path("counsellor.key"), &m.5));
    }
    assert!(second.logs().contains("listening"));
}

#[tokio::test]
async fn five_hundred_clients_race_for_ten_seats_across_two_instances() {
    let first = spawn_app().await;
    let second = first.another_instance().await;
    let slot = insert_slot(&first, 30, 10).await;
    let started = std::time::Instant::now();
    let answers = race(&[first.base.clone(), second.base.clone()], &slot, 500).await;
    let winners = answers.iter().filter(|a| a.0 == 200).count();
    println!(
        "500 clients, 10 seats, two instances: {winners} bookings in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    assert_eq!(winners, 10, "exactly the seats there are");
    for (status, body, _) in answers.iter().filter(|a| a.0 != 200) {
        assert_eq!(*status, 409, "{body}");
        // The seats are gone and nothing else is free: no form to fill in
        // for nothing, but where to write instead.
        assert!(
            body.contains("send a message") && !body.contains(r#"name="choice""#),
            "the alternative, no empty form"
        );
    }
    assert_eq!(first.count("select count(*) from seats").await, 10);
    assert_eq!(
        first
            .count("select count(*) from cases where kind = 'booking'")
            .await,
        10
    );
    assert_eq!(
        first
            .count("select count(*) from slots where taken = 10 and capacity = 10")
            .await,
        1
    );
}

#[tokio::test]
async fn concurrent_replies_notes_and_status_changes_on_one_case_lose_no_write() {
    let mut first = spawn_app().await;
    let pw = first
        .with_staff(&[ANNA, ("aada", "counsellor", &[SERVICE])])
        .await;
    let second = first.another_instance().await;
    first.submit_ok("one case, many hands").await;
    let anna = Staff::first_login(&first, "anna", &pw[0]).await;
    let aada = Staff::first_login(&second, "aada", &pw[1]).await;
    let case = anna.newest_case().await;
    let (anna_csrf, aada_csrf) = (anna.csrf().await, aada.csrf().await);
    const EACH: usize = 20;
    let work = |who: Staff, csrf: String, tag: &'static str| {
        let case = case.clone();
        tokio::spawn(async move {
            for i in 0..EACH {
                let kind = if i % 2 == 0 { "reply" } else { "note" };
                let text = format!("{tag} {kind} {i}");
                let r = who
                    .post(
                        &format!("/en/staff/cases/{case}/{kind}"),
                        &[("csrf", &csrf), ("text", &text)],
                    )
                    .await;
                assert_eq!(r.status, 303, "{}", r.body);
                let status = ["in_progress", "waiting", "closed", "new"][i % 4];
                let r = who
                    .post(
                        &format!("/en/staff/cases/{case}/status"),
                        &[("csrf", &csrf), ("status", status)],
                    )
                    .await;
                assert_eq!(r.status, 303, "{}", r.body);
            }
        })
    };
    let a = work(anna, anna_csrf, "anna");
    let b = work(aada, aada_csrf, "aada");
    a.await.unwrap();
    b.await.unwrap();
    assert_eq!(
        first.count("select count(*) from messages").await,
        1 + 2 * EACH as i64,
        "every reply and note stored once"
    );
    assert_eq!(
        first
            .count("select count(*) from audit_log where action = 'status'")
            .await,
        2 * EACH as i64
    );
    assert_eq!(
        first
            .count("select count(*) from audit_log where action in ('reply', 'note')")
            .await,
        2 * EACH as i64
    );
    // Each text opens for a member, once.
    let anna = Staff::new(&first);
    assert_eq!(anna.login("anna", NEW_PASSWORD, "").await.status, 303);
    let page = anna.get(&format!("/en/staff/cases/{case}")).await;
    for tag in ["anna", "aada"] {
        for i in 0..EACH {
            let kind = if i % 2 == 0 { "reply" } else { "note" };
            let text = format!("{tag} {kind} {i}<");
            assert_eq!(page.body.matches(&text).count(), 1, "{text}");
        }
    }
}

#[tokio::test]
async fn an_instance_with_another_pepper_refuses_to_start_on_a_shared_database() {
    let app = spawn_app().await;
    let receipt = app.submit_ok("written through the first instance").await;
    let pepper = std::fs::read_to_string(app.path("pepper")).unwrap();

    // A second config on the same database, with a pepper of its own.
    let config = std::fs::read_to_string(&app.config).unwrap();
    let other_config = app.path("other.toml");
    let other_pepper = app.path("other-pepper");
    std::fs::write(
        &other_config,
        config.replace(
            &format!("pepper_file = \"{}\"", app.path("pepper").display()),
            &format!("pepper_file = \"{}\"", other_pepper.display()),
        ),
    )
    .unwrap();
    assert_ne!(std::fs::read_to_string(&other_config).unwrap(), config);
    // Under `timeout`: a serve that wrongly starts is stopped, and fails below.
    let (ok, out, err) = run(Command::new("timeout")
        .args(["30", bin(), "serve", "--config"])
        .arg(&other_config)
        .env("SUOJA_LOG", "trace"));
    assert!(!ok, "a second pepper must not serve: {out}{err}");
    assert!(
        err.contains("not the pepper this database was first served with"),
        "{err}"
    );
    let made = std::fs::read_to_string(&other_pepper).unwrap();
    assert_ne!(made, pepper);
    assert!(!format!("{out}{err}").contains(made.trim()));
    assert!(!format!("{out}{err}").contains(pepper.trim()));

    // The refused start changed nothing: the first instance still finds the
    // receipt, and a second one with the same pepper serves it too.
    let (status, page) = app.check("en", &receipt).await;
    assert_eq!(status, 200);
    assert!(page.contains("written through the first instance"));
    let other = app.another_instance().await;
    let (status, _) = other.check("en", &receipt).await;
    assert_eq!(status, 200);
}
