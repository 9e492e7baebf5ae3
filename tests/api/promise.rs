//! A service's promise (issue 20): the answer time it promises, shown on
//! the client's check page; its automatic first reply, sealed like a
//! counsellor's reply but leaving the case new and uncounted; the queue's
//! mark, count and filter of cases waiting past the promise; the daily
//! mail that says only that some wait; and the "answered within the
//! promised time" counter.

use std::time::{Duration, Instant};

use crate::helpers::*;
use crate::services::{form_of, set};
use crate::staff_helpers::*;

const BOSS: (&str, &str, &[&str]) = ("boss", "admin", &[]);
const PIA: (&str, &str, &[&str]) = ("pia", "counsellor", &[SERVICE]);
pub(crate) const AUTO_EN: &str = "Thank you for writing: we read every message.";
const AUTO_FI: &str = "Kiitos viestistäsi: luemme jokaisen viestin.";
const AUTO_SV: &str = "Tack för ditt meddelande: vi läser varje meddelande.";
pub(crate) const LATE_SUBJECT: &str = "suoja: luvattu vastausaika ylittynyt · ärenden väntar efter utlovad tid · cases waiting past the promised time";

/// The counter of SERVICE this month, 0 if there is none.
async fn counter(app: &TestApp, metric: &str) -> i64 {
    let month = jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .strftime("%Y-%m")
        .to_string();
    let key = (SERVICE.into(), month, metric.into(), "all".into());
    crate::stats::counters(app)
        .await
        .get(&key)
        .copied()
        .unwrap_or(0)
}

async fn wait_for_counter(app: &TestApp, metric: &str, n: i64) {
    let started = Instant::now();
    while counter(app, metric).await != n {
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "{metric} is not {n}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Sets SERVICE's promise and automatic reply on the admins' form.
async fn set_promise(boss: &Staff, days: &str) -> Answer {
    let page = boss.get(&format!("/en/staff/services/{SERVICE}")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Answer time and automatic reply"));
    assert!(page.body.contains("Promised answer time, in working days"));
    assert!(
        page.body
            .contains("Automatic reply in Arabic (\u{2068}العربية\u{2069})")
    );
    let mut form = form_of(&page.body);
    set(&mut form, "answer_days", days);
    set(&mut form, "auto_reply_en", AUTO_EN);
    set(&mut form, "auto_reply_fi", AUTO_FI);
    set(&mut form, "auto_reply_sv", AUTO_SV);
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    boss.post(&format!("/en/staff/services/{SERVICE}"), &fields)
        .await
}

pub(crate) async fn submit(app: &TestApp, lang: &str, slug: &str, message: &str) -> String {
    let fields = [("topic", "general"), ("message", message), ("way", "none")];
    let (status, body) = app.submit(lang, slug, &fields).await;
    assert_eq!(status, 200, "{body}");
    receipt_in(&body)
}

/// The stored rows of a case's thread: (n, author).
async fn thread_rows(app: &TestApp, case: &str) -> Vec<(i32, String)> {
    let pool = app.pool().await;
    let rows: Vec<(i32, String)> =
        sqlx::query_as("select n, author from messages where case_id = $1 order by n")
            .bind(case)
            .fetch_all(&pool)
            .await
            .unwrap();
    pool.close().await;
    rows
}

async fn case_flags(app: &TestApp, case: &str) -> (String, i32, i32) {
    let pool = app.pool().await;
    let row: (String, i32, i32) =
        sqlx::query_as("select status, staff_unread, client_unread from cases where id = $1")
            .bind(case)
            .fetch_one(&pool)
            .await
            .unwrap();
    pool.close().await;
    row
}

#[tokio::test]
async fn the_promise_and_the_automatic_reply_reach_the_client_in_their_language_and_leave_the_case_new()
 {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[BOSS, PIA]).await;
    let boss = Staff::first_login(&app, "boss", &pw[0]).await;
    let pia = Staff::first_login(&app, "pia", &pw[1]).await;

    // A promise that is not a number comes back with what was typed.
    let bad = set_promise(&boss, "three").await;
    assert_eq!(bad.status, 422, "{}", bad.body);
    assert!(bad.body.contains("Give the answer time as a whole number"));
    assert!(bad.body.contains(r#"value="three""#));
    assert!(bad.body.contains(AUTO_EN), "the replies typed are kept");
    let saved = set_promise(&boss, "3").await;
    assert_eq!(saved.status, 303, "{}", saved.body);

    // English: the promise, the day it waits since, the automatic reply
    // from the service (not a counsellor), and no "new reply" notice.
    let en_receipt = submit(&app, "en", SERVICE, "an english request").await;
    let (status, page) = app.check("en", &en_receipt).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("We answer within 3 working days."), "{page}");
    assert!(page.contains("Waiting for an answer since"));
    assert!(page.contains("Received, waiting for a counsellor"));
    assert!(page.contains("Automatic reply from the service"), "{page}");
    assert!(
        page.contains(&format!(
            r#"<div class="message" dir="auto">{AUTO_EN}</div>"#
        )),
        "{page}"
    );
    assert!(!page.contains("A counsellor"), "{page}");
    assert!(!page.contains("New reply"), "{page}");
    let case = app.case_of(&en_receipt).await;
    assert_eq!(
        thread_rows(&app, &case).await,
        [(0, "client".to_owned()), (1, "auto".to_owned())]
    );
    assert_eq!(case_flags(&app, &case).await, ("new".to_owned(), 1, 0));

    // Finnish and Swedish in their own words; Arabic gets the English
    // reply, marked as English.
    for (lang, within, who, text) in [
        (
            "fi",
            "Vastaamme 3 arkipäivän kuluessa.",
            "Palvelun automaattinen vastaus",
            AUTO_FI,
        ),
        (
            "sv",
            "Vi svarar inom 3 vardagar.",
            "Automatiskt svar från tjänsten",
            AUTO_SV,
        ),
    ] {
        let receipt = submit(&app, lang, SERVICE, "a request").await;
        let (_, page) = app.check(lang, &receipt).await;
        assert!(page.contains(within), "{lang}: {page}");
        assert!(page.contains(who), "{lang}: {page}");
        assert!(
            page.contains(&format!(r#"dir="auto">{text}</div>"#)),
            "{lang}: {page}"
        );
    }
    let receipt = submit(&app, "ar", SERVICE, "a request").await;
    let (_, page) = app.check("ar", &receipt).await;
    assert!(
        page.contains(&format!(
            r#"<div class="message" dir="auto" lang="en">{AUTO_EN}</div>"#
        )),
        "{page}"
    );

    // A service without a promise or a reply: neither is shown.
    let other = submit(&app, "en", OTHER_SERVICE, "another service").await;
    let (_, page) = app.check("en", &other).await;
    assert!(!page.contains("We answer within") && !page.contains("Automatic reply"));
    assert!(page.contains("Waiting for an answer since"), "a new case");
    let other_case = app.case_of(&other).await;
    assert_eq!(thread_rows(&app, &other_case).await.len(), 1);

    // The counsellor reads it, from the service, with the answer-by day.
    let staff_page = pia.get(&format!("/en/staff/cases/{case}")).await;
    assert_eq!(staff_page.status, 200);
    assert!(staff_page.body.contains("Automatic reply of the service"));
    assert!(staff_page.body.contains(AUTO_EN));
    assert!(staff_page.body.contains("Answer by"));
    assert!(
        staff_page
            .body
            .contains("The service promises to answer within 3 working days")
    );
    let queue = pia.get("/en/staff").await;
    assert!(queue.body.contains("Answer by"), "{}", queue.body);
    assert!(
        queue
            .body
            .contains("Past the promised time: <strong>0</strong>")
    );

    // No first reply counted for it; the counsellor's own reply, in time,
    // counts in both; the client then sees the case answered.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(counter(&app, "answered").await, 0);
    let csrf = pia.csrf().await;
    let reply = pia
        .post(
            &format!("/en/staff/cases/{case}/reply"),
            &[("csrf", &csrf), ("text", "a counsellor's reply")],
        )
        .await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    wait_for_counter(&app, "answered", 1).await;
    wait_for_counter(&app, "answered_in_time", 1).await;
    let (_, page) = app.check("en", &en_receipt).await;
    assert!(page.contains("<strong>Answered</strong>"), "{page}");
    assert!(!page.contains("Waiting for an answer since"));
    let stats = boss.get("/en/staff/stats").await;
    assert!(
        stats
            .body
            .contains("Cases answered within the promised time")
    );
    let csv = boss.get("/en/staff/stats/csv").await;
    assert!(csv.body.contains(",answered_in_time,all,"), "{}", csv.body);
}

/// SERVICE promises `days` in the config file (read at the next start).
pub(crate) fn promise_in_config(app: &TestApp, days: u32) {
    let text = std::fs::read_to_string(&app.config).unwrap();
    let text = text
        .replacen(
            &format!("slug = \"{SERVICE}\"\n"),
            &format!("slug = \"{SERVICE}\"\nanswer_days = {days}\n"),
            1,
        )
        .replacen(
            &format!("\n[[services]]\nslug = \"{OTHER_SERVICE}\""),
            &format!(
                "[services.auto_reply]\nen = \"{AUTO_EN}\"\n\n[[services]]\nslug = \"{OTHER_SERVICE}\""
            ),
            1,
        );
    std::fs::write(&app.config, text).unwrap();
}

pub(crate) async fn set_opened_on(app: &TestApp, case: &str, day: &str) {
    let pool = app.pool().await;
    sqlx::query("update cases set opened_on = $1 where id = $2")
        .bind(day)
        .bind(case)
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
}

#[tokio::test]
async fn a_case_past_the_promise_is_marked_counted_filtered_and_mailed_once_a_day_without_a_count()
{
    let smtp = SmtpServer::start().await;
    let mut app = spawn_with(Options {
        smtp_port: Some(smtp.port),
        smtp_batch_seconds: 1,
        ..Options::default()
    })
    .await;
    promise_in_config(&app, 2);
    let pw = app.with_staff(&[PIA]).await;
    let pool = app.pool().await;
    sqlx::query("update staff set email = 'pia@example.org' where username = 'pia'")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    let pia = Staff::first_login(&app, "pia", &pw[0]).await;

    // The config's automatic reply is there too.
    let late_receipt = app.submit_ok("a request left waiting").await;
    let (_, page) = app.check("en", &late_receipt).await;
    assert!(page.contains("We answer within 2 working days.") && page.contains(AUTO_EN));
    let fresh_receipt = app.submit_ok("a request of today").await;
    let late = app.case_of(&late_receipt).await;
    let fresh = app.case_of(&fresh_receipt).await;
    set_opened_on(&app, &late, "2026-01-05").await;
    // A call recorded as long ago is no written request: never late.
    set_opened_on(&app, &fresh, "2026-01-05").await;
    let pool = app.pool().await;
    sqlx::query("update cases set kind = 'phone' where id = $1")
        .bind(&fresh)
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;

    // One mail, whatever the number of late cases, with no count, no case
    // and no day in it.
    let started = Instant::now();
    let late_mails = || {
        smtp.mails()
            .into_iter()
            .filter(|m| m.subject == LATE_SUBJECT)
            .collect::<Vec<_>>()
    };
    while late_mails().is_empty() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{:#?}",
            smtp.mails()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(2500)).await;
    let mails = late_mails();
    assert_eq!(mails.len(), 1, "{mails:#?}");
    let mail = &mails[0];
    assert_eq!(mail.to, "pia@example.org");
    for name in ["- Tukilinja\n", "- Stödlinjen\n", "- Support line\n"] {
        assert!(mail.body.contains(name), "{}", mail.body);
    }
    assert!(mail.body.contains("wait past the promised answer time"));
    assert!(!mail.body.contains("Rainbow line"));
    assert!(
        !mail.body.chars().any(|c| c.is_ascii_digit()),
        "no count, no day: {}",
        mail.body
    );
    for secret in [late.as_str(), fresh.as_str(), "a request"] {
        assert!(!mail.raw.contains(secret), "{}", mail.raw);
    }

    // The queue: the mark on the late case only, a count, and the filter.
    let queue = pia.get("/en/staff").await;
    assert!(
        queue
            .body
            .contains("Past the promised time: <strong>1</strong>"),
        "{}",
        queue.body
    );
    assert_eq!(queue.body.matches(r#"<strong class="late">"#).count(), 1);
    assert!(queue.body.contains(r#"href="/en/staff?late=yes""#));
    let filtered = pia.get("/en/staff?late=yes").await;
    assert!(filtered.body.contains(&format!("/en/staff/cases/{late}")));
    assert!(!filtered.body.contains(&format!("/en/staff/cases/{fresh}")));
    let fi = pia.get("/fi/staff").await;
    assert!(
        fi.body
            .contains("Luvattu aika ylittynyt: <strong>1</strong>"),
        "{}",
        fi.body
    );
    let sv = pia.get("/sv/staff").await;
    assert!(
        sv.body
            .contains("Utlovad tid har gått ut: <strong>1</strong>")
    );
    let case_page = pia.get(&format!("/en/staff/cases/{late}")).await;
    assert!(case_page.body.contains("Answer by</dt><dd><strong>2026-01-08</strong> <strong class=\"late\">Past the promised time</strong>"), "{}", case_page.body);

    // Restarted the same day: nobody is told again.
    app.stop().await;
    app.start().await;
    tokio::time::sleep(Duration::from_millis(2500)).await;
    assert_eq!(late_mails().len(), 1);

    // A late reply counts as answered, not as answered in time, and the
    // case is no longer late.
    let pia = Staff::new(&app);
    assert_eq!(pia.login("pia", NEW_PASSWORD, "").await.status, 303);
    let csrf = pia.csrf().await;
    let reply = pia
        .post(
            &format!("/en/staff/cases/{late}/reply"),
            &[("csrf", &csrf), ("text", "sorry for the wait")],
        )
        .await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    wait_for_counter(&app, "answered", 1).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(counter(&app, "answered_in_time").await, 0);
    let queue = pia.get("/en/staff").await;
    assert!(
        queue
            .body
            .contains("Past the promised time: <strong>0</strong>")
    );
    app.stop().await;
}

#[test]
fn the_example_config_documents_the_promise_and_a_bad_one_names_its_key() {
    use suoja::config::Config;
    use suoja::i18n::Lang;
    let Ok(config) = Config::load("suoja.example.toml".as_ref(), vec![]) else {
        panic!("the example config does not load")
    };
    let s = &config.services[0];
    assert_eq!(s.answer_days, Some(3));
    let langs: Vec<Lang> = s.auto_reply.iter().map(|(l, _)| *l).collect();
    assert_eq!(langs, [Lang::Fi, Lang::Sv, Lang::En]);
    assert_eq!(
        s.auto_reply_for(Lang::FiSelko).map(|(l, _)| l),
        Some(Lang::Fi)
    );
    assert_eq!(s.auto_reply_for(Lang::Ar).map(|(l, _)| l), Some(Lang::En));

    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string("suoja.example.toml").unwrap();
    for (from, to, key) in [
        (
            "answer_days = 3",
            "answer_days = 0",
            "services[0].answer_days",
        ),
        (
            "[services.auto_reply]\n",
            "[services.auto_reply]\nde = \"Danke\"\n",
            "services[0].auto_reply.de",
        ),
    ] {
        assert!(text.contains(from), "{from}");
        let path = dir.path().join("bad.toml");
        std::fs::write(&path, text.replace(from, to)).unwrap();
        match Config::load(&path, vec![]) {
            Ok(_) => panic!("{to} loaded"),
            Err(e) => assert!(e.to_string().contains(key), "{e}"),
        }
    }
}
