//! Handing a case to another service, through the real binary: the case is
//! resealed to the receiving service's epoch in one transaction, the
//! sender loses it, the receiver and the client read all they should, and
//! what cannot be moved is refused with nothing changed.

use std::path::Path;

use secrecy::ExposeSecret;
use suoja::seal::{Pepper, Receipt};

use crate::helpers::*;
use crate::rotation::staff_key;
use crate::staff_helpers::*;

const FIRST: &str = "My first words to the support line";
const REPLY: &str = "Anna answers the first words";
const NOTE: &str = "An internal note by Anna on the case";
const BACK: &str = "The client writes back once";
const TO_CLIENT: &str = "Rainbow line knows this subject best";

/// Whether `identity` (an identity file) opens `sealed`, with the
/// reference `age` command-line tool.
fn opens(app: &TestApp, identity: &Path, sealed: &[u8]) -> bool {
    crate::rotation::age_opens(app, identity, sealed)
}

/// The client's identity, derived from the receipt and the pepper.
fn client_identity(app: &TestApp, receipt: &str) -> std::path::PathBuf {
    let pepper = Pepper::load_or_create(&app.path("pepper")).unwrap();
    let key = Receipt::parse(receipt)
        .unwrap()
        .client_key(&pepper)
        .unwrap();
    let path = app.path("client-handover.key");
    std::fs::write(&path, key.identity.to_string().expose_secret()).unwrap();
    path
}

/// (id, author, key_epoch, sealed) of every message of a case.
async fn rows(app: &TestApp, case: &str) -> Vec<(String, String, i64, Vec<u8>)> {
    let pool = app.pool().await;
    let rows = sqlx::query_as(
        "select id, author, key_epoch, sealed from messages where case_id = $1 order by n",
    )
    .bind(case)
    .fetch_all(&pool)
    .await
    .unwrap();
    pool.close().await;
    rows
}

async fn service_of(app: &TestApp, case: &str) -> String {
    let pool = app.pool().await;
    let (s,): (String,) = sqlx::query_as("select service from cases where id = $1")
        .bind(case)
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    s
}

/// The newest key epoch of `service`.
async fn epoch_of(app: &TestApp, service: &str) -> i64 {
    let pool = app.pool().await;
    let (e,): (i64,) = sqlx::query_as("select max(id) from key_epochs where service = $1")
        .bind(service)
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    e
}

/// The client writes back with the receipt, as a person does.
pub async fn write_back(app: &TestApp, receipt: &str, text: &str) -> (u16, String) {
    let http = client();
    let (status, thread) = app.check_as(&http, "en", receipt).await;
    assert_eq!(status, 200, "{thread}");
    let token = between(&thread, r#"name="token" value=""#, "\"").unwrap();
    let r = http
        .post(app.url("/en/check/reply"))
        .form(&[("receipt", receipt), ("token", &token), ("message", text)])
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

/// Two counsellors, anna of SERVICE and bob of OTHER_SERVICE, and a case of
/// SERVICE with the client's request, anna's reply and note, the client's
/// message back, and anna's statistics marks.
struct Setup {
    app: TestApp,
    anna: Staff,
    bob: Staff,
    receipt: String,
    case: String,
    passwords: Vec<String>,
}

async fn setup() -> Setup {
    let mut app = spawn_app().await;
    let receipt = app.submit_ok(FIRST).await;
    let passwords = app
        .with_staff(&[
            ("anna", "counsellor", &[SERVICE]),
            ("bob", "counsellor", &[OTHER_SERVICE]),
        ])
        .await;
    // The request was sealed before anna had a key: reseal it to her set.
    let (ok, out, err) =
        crate::rotation::rotate(&app, &app.path("counsellor.key"), &["--service", SERVICE]);
    assert!(ok, "{out}{err}");
    let anna = Staff::first_login(&app, "anna", &passwords[0]).await;
    let bob = Staff::first_login(&app, "bob", &passwords[1]).await;
    let case = app.case_of(&receipt).await;
    let page = anna.get(&format!("/en/staff/cases/{case}")).await;
    assert_eq!(page.status, 200);
    let csrf = csrf_in(&page.body);
    for (action, text) in [("reply", REPLY), ("note", NOTE)] {
        let path = format!("/en/staff/cases/{case}/{action}");
        let done = anna.post(&path, &[("csrf", &csrf), ("text", text)]).await;
        assert_eq!(done.status, 303, "{}", done.body);
    }
    let form = [
        ("csrf", csrf.as_str()),
        ("reason", "substances"),
        ("outcome", ""),
    ];
    let marked = anna
        .post(&format!("/en/staff/cases/{case}/mark"), &form)
        .await;
    assert_eq!(marked.status, 303, "{}", marked.body);
    assert_eq!(write_back(&app, &receipt, BACK).await.0, 200);
    Setup {
        app,
        anna,
        bob,
        receipt,
        case,
        passwords,
    }
}

#[tokio::test]
async fn a_case_handed_over_is_sealed_to_the_receiver_and_gone_from_the_sender() {
    let s = setup().await;
    let (app, anna, bob, case) = (&s.app, &s.anna, &s.bob, &s.case);
    let page = anna.get(&format!("/en/staff/cases/{case}")).await;
    assert!(page.body.contains("Hand over to another service"));
    assert!(
        page.body
            .contains(r#"<option value="rainbow">Rainbow line</option>"#)
    );
    assert!(
        !page.body.contains(r#"<option value="helpline">"#),
        "not its own"
    );
    let csrf = csrf_in(&page.body);
    let before = rows(app, case).await;
    assert_eq!(
        before.len(),
        5,
        "request, reply, note, marks note, message back"
    );

    // The first step asks again, plainly, and changes nothing.
    let base = format!("/en/staff/cases/{case}/handover");
    let form = [
        ("csrf", csrf.as_str()),
        ("to", OTHER_SERVICE),
        ("message", TO_CLIENT),
    ];
    let asked = anna.post(&base, &form).await;
    assert_eq!(asked.status, 200, "{}", asked.body);
    assert!(
        asked.body.contains("Hand the case over to Rainbow line?"),
        "{}",
        asked.body
    );
    assert!(
        asked
            .body
            .contains("will no longer be able to read this case")
    );
    assert!(asked.body.contains(TO_CLIENT));
    assert_eq!(rows(app, case).await, before);
    assert_eq!(service_of(app, case).await, SERVICE);

    // Confirmed: moved.
    let done = anna.post(&format!("{base}/confirm"), &form).await;
    assert_eq!(done.status, 303, "{}", done.body);
    assert_eq!(done.location, "/en/staff/handed-over");
    let after_page = anna.get(&done.location).await;
    assert!(after_page.body.contains("The case was handed over"));

    // The sender: not found, and gone from the queue.
    assert_eq!(
        anna.get(&format!("/en/staff/cases/{case}")).await.status,
        403
    );
    assert!(!anna.get("/en/staff").await.body.contains(case.as_str()));
    let again = anna.post(&format!("{base}/confirm"), &form).await;
    assert_eq!(again.status, 403, "cannot hand it over twice");

    // The receiver: a new, unread case with the whole thread.
    assert_eq!(
        app.count(
            "select count(*) from cases where status = 'new' and staff_unread = 1 \
                   and assignee is null and service = 'rainbow'"
        )
        .await,
        1
    );
    let queue = bob.get("/en/staff").await;
    assert!(queue.body.contains(case.as_str()), "{}", queue.body);
    let page = bob.get(&format!("/en/staff/cases/{case}")).await;
    assert_eq!(page.status, 200);
    for text in [FIRST, REPLY, NOTE, BACK, TO_CLIENT] {
        assert!(page.body.contains(text), "{text} not on bob's page");
    }
    assert!(page.body.contains("Handed over from Support line"));
    assert!(
        page.body
            .contains("Your request was passed to Rainbow line")
    );
    // The sender's statistics marks stayed with the sender.
    assert!(!page.body.contains(r#"value="substances" checked"#));
    assert_eq!(
        app.count(
            "select count(*) from stats_counts where service = 'rainbow' and metric = 'reasons'"
        )
        .await,
        0
    );

    // The rows: one more (the line), each sealed to the receiver's epoch,
    // none opened by the sender's key any more, all by the receiver's.
    let after = rows(app, case).await;
    assert_eq!(after.len(), before.len() + 1);
    let epoch = epoch_of(app, OTHER_SERVICE).await;
    let anna_key = staff_key(app, "anna", NEW_PASSWORD).await;
    let bob_key = staff_key(app, "bob", NEW_PASSWORD).await;
    let client_key = client_identity(app, &s.receipt);
    for old in &before {
        assert!(
            opens(app, &anna_key, &old.3),
            "the sender's key opened it before"
        );
    }
    for (i, (id, author, key_epoch, sealed)) in after.iter().enumerate() {
        assert_eq!(*key_epoch, epoch, "{author}");
        assert!(!opens(app, &anna_key, sealed), "{author}");
        assert!(opens(app, &bob_key, sealed), "{author}");
        assert_eq!(
            opens(app, &client_key, sealed),
            author != "note",
            "{author}"
        );
        if let Some(old) = before.get(i) {
            assert_eq!((&old.0, &old.1), (id, author), "place and author kept");
            assert_ne!(&old.3, sealed, "the old ciphertext is replaced");
        }
    }
    assert!(!app.stored_contents().await.contains(TO_CLIENT));
    assert_eq!(
        app.count(
            "select count(*) from audit_log where action = 'handover' and service = 'helpline'"
        )
        .await,
        1
    );

    // The client: the same receipt, the new service named, the line.
    let (status, thread) = app.check("en", &s.receipt).await;
    assert_eq!(status, 200);
    assert!(thread.contains("Rainbow line"));
    assert!(thread.contains("Your request was passed to Rainbow line"));
    for text in [FIRST, REPLY, BACK, TO_CLIENT] {
        assert!(thread.contains(text), "{text} not on the client's page");
    }
    assert!(!thread.contains(NOTE));
    // Writing back reaches the receiver, sealed to its keys.
    assert_eq!(
        write_back(app, &s.receipt, "After the hand-over").await.0,
        200
    );
    let page = bob.get(&format!("/en/staff/cases/{case}")).await;
    assert!(page.body.contains("After the hand-over"));
    let last = rows(app, case).await.pop().unwrap();
    assert_eq!(last.2, epoch);
    // Bob marks it: counted for his service alone.
    let csrf = csrf_in(&page.body);
    let form = [
        ("csrf", csrf.as_str()),
        ("reason", "substances"),
        ("outcome", ""),
    ];
    let marked = bob
        .post(&format!("/en/staff/cases/{case}/mark"), &form)
        .await;
    assert_eq!(marked.status, 303, "{}", marked.body);
    assert_eq!(
        app.count(
            "select cast(coalesce(sum(count), 0) as bigint) from stats_counts \
             where service = 'rainbow' and metric = 'reasons'"
        )
        .await,
        1
    );
    let _ = &s.passwords;
}

#[tokio::test]
async fn a_bad_choice_comes_back_with_the_text_kept_and_changes_nothing() {
    let s = setup().await;
    let (app, anna, case) = (&s.app, &s.anna, &s.case);
    let csrf = anna.csrf().await;
    let before = rows(app, case).await;
    let base = format!("/en/staff/cases/{case}/handover");
    for to in ["", SERVICE, "no-such-service"] {
        for path in [base.clone(), format!("{base}/confirm")] {
            let form = [("csrf", csrf.as_str()), ("to", to), ("message", TO_CLIENT)];
            let answer = anna.post(&path, &form).await;
            assert_eq!(answer.status, 422, "{path} {to}");
            assert!(
                answer
                    .body
                    .contains("Choose the service to hand the case to.")
            );
            assert!(answer.body.contains(TO_CLIENT), "the message is kept");
            assert!(answer.body.contains(r#"aria-invalid="true""#));
        }
    }
    let long = "x".repeat(10_001);
    let form = [
        ("csrf", csrf.as_str()),
        ("to", OTHER_SERVICE),
        ("message", long.as_str()),
    ];
    let answer = anna.post(&base, &form).await;
    assert_eq!(answer.status, 422);
    assert!(answer.body.contains("too long"));
    assert_eq!(rows(app, case).await, before);
    assert_eq!(service_of(app, case).await, SERVICE);
}

#[tokio::test]
async fn a_message_the_key_cannot_open_refuses_the_hand_over_and_changes_nothing() {
    let mut app = spawn_app().await;
    let receipt = app.submit_ok(FIRST).await;
    // Carl joins after the request was sealed; no rotation since.
    let pw = app.with_staff(&[("carl", "counsellor", &[SERVICE])]).await;
    let carl = Staff::first_login(&app, "carl", &pw[0]).await;
    let case = app.case_of(&receipt).await;
    let page = carl.get(&format!("/en/staff/cases/{case}")).await;
    assert_eq!(page.status, 200);
    let csrf = csrf_in(&page.body);
    let before = rows(&app, &case).await;
    let form = [
        ("csrf", csrf.as_str()),
        ("to", OTHER_SERVICE),
        ("message", TO_CLIENT),
    ];
    let path = format!("/en/staff/cases/{case}/handover/confirm");
    let answer = carl.post(&path, &form).await;
    assert_eq!(answer.status, 409, "{}", answer.body);
    assert!(answer.body.contains("messages your key cannot open"));
    assert!(answer.body.contains("Nothing was handed over"));
    assert!(answer.body.contains(TO_CLIENT), "the message is kept");
    assert_eq!(rows(&app, &case).await, before);
    assert_eq!(service_of(&app, &case).await, SERVICE);
    assert_eq!(
        app.count("select count(*) from audit_log where action = 'handover'")
            .await,
        0
    );
}

#[tokio::test]
async fn a_booking_and_a_chat_stay_with_their_service() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[("anna", "counsellor", &[SERVICE])]).await;
    let anna = Staff::first_login(&app, "anna", &pw[0]).await;
    let slot = crate::booking::insert_slot(&app, 48, 1).await;
    let (receipt, _) = crate::schedule::book_slot(&app, &slot, &[("call", "you_call")]).await;
    let case = app.case_of(&receipt).await;
    let page = anna.get(&format!("/en/staff/cases/{case}")).await;
    assert!(page.body.contains("A booking stays with this service"));
    assert!(!page.body.contains(&format!("/cases/{case}/handover\"")));
    let csrf = csrf_in(&page.body);
    let before = rows(&app, &case).await;
    let form = [
        ("csrf", csrf.as_str()),
        ("to", OTHER_SERVICE),
        ("message", ""),
    ];
    for path in ["handover", "handover/confirm"] {
        let answer = anna
            .post(&format!("/en/staff/cases/{case}/{path}"), &form)
            .await;
        assert_eq!(answer.status, 422, "{path}");
        assert!(answer.body.contains("A booking stays with this service"));
    }
    assert_eq!(rows(&app, &case).await, before);
    assert_eq!(service_of(&app, &case).await, SERVICE);

    // A live chat, taken by anna.
    let pool = app.pool().await;
    let hours = (1..=7)
        .map(|d| format!("{d} 00:00 24:00"))
        .collect::<Vec<_>>()
        .join(";");
    sqlx::query("insert into chat_settings (service, hours) values ($1, $2)")
        .bind(SERVICE)
        .bind(hours)
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    crate::chat::on_duty(&anna).await;
    let (status, _, page) = crate::chat::start_chat(&app, &crate::chat::browser(), "").await;
    assert_eq!(status, 200, "{page}");
    crate::chat::take(&anna).await.expect("a chat to take");
    let pool = app.pool().await;
    let (chat_case,): (String,) = sqlx::query_as("select id from cases where kind = 'chat'")
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    let page = anna.get(&format!("/en/staff/cases/{chat_case}")).await;
    assert!(
        page.body.contains("A chat stays with this service"),
        "{}",
        page.body
    );
    let path = format!("/en/staff/cases/{chat_case}/handover/confirm");
    let answer = anna.post(&path, &form).await;
    assert_eq!(answer.status, 422);
    assert_eq!(service_of(&app, &chat_case).await, SERVICE);
}

#[tokio::test]
async fn the_client_writing_during_a_hand_over_loses_nothing() {
    let s = setup().await;
    let (app, anna, bob, case) = (&s.app, &s.anna, &s.bob, &s.case);
    let csrf = anna.csrf().await;
    let form = [
        ("csrf", csrf.as_str()),
        ("to", OTHER_SERVICE),
        ("message", TO_CLIENT),
    ];
    let path = format!("/en/staff/cases/{case}/handover/confirm");
    let texts: Vec<String> = (0..4)
        .map(|i| format!("Written at once, number {i}"))
        .collect();
    let writes =
        futures_util::future::join_all(texts.iter().map(|t| write_back(app, &s.receipt, t)));
    let (handed, written) = tokio::join!(anna.post(&path, &form), writes);
    let summary = between(&handed.body, "error-summary", "</div>").unwrap_or_default();
    assert_eq!(handed.status, 303, "{summary}");
    for (status, body) in &written {
        assert_eq!(*status, 200, "{body}");
        assert!(body.contains("Your message was sent."), "{body}");
    }
    let epoch = epoch_of(app, OTHER_SERVICE).await;
    let all = rows(app, case).await;
    assert_eq!(all.len(), 5 + texts.len() + 1);
    assert!(
        all.iter().all(|r| r.2 == epoch),
        "every message sealed to the receiver"
    );
    let page = bob.get(&format!("/en/staff/cases/{case}")).await;
    for t in &texts {
        assert!(page.body.contains(t.as_str()), "{t} lost");
    }
}

#[tokio::test]
async fn a_message_sealed_to_the_sender_after_the_hand_over_is_refused() {
    // What a reply read before the hand-over and written after would do:
    // add a message under the sender's epoch to the moved case.
    let s = setup().await;
    let (app, anna, case) = (&s.app, &s.anna, &s.case);
    let old_epoch = epoch_of(app, SERVICE).await;
    let csrf = anna.csrf().await;
    let form = [
        ("csrf", csrf.as_str()),
        ("to", OTHER_SERVICE),
        ("message", ""),
    ];
    let path = format!("/en/staff/cases/{case}/handover/confirm");
    assert_eq!(anna.post(&path, &form).await.status, 303);
    let before = rows(app, case).await;
    let pool = app.pool().await;
    let mut conn = pool.acquire().await.unwrap();
    let rules = suoja::retention::Retention {
        days: 30,
        closed_days: 30,
    };
    let late = suoja::queue::store::add_message(
        &mut conn,
        case,
        suoja::queue::store::Author::Client,
        old_epoch,
        b"sealed to the sender",
        rules,
    )
    .await;
    assert!(matches!(late, Err(sqlx::Error::RowNotFound)), "{late:?}");
    // Under the receiver's epoch it is taken.
    let new_epoch = epoch_of(app, OTHER_SERVICE).await;
    let ok = suoja::queue::store::add_message(
        &mut conn,
        case,
        suoja::queue::store::Author::Client,
        new_epoch,
        b"sealed to the receiver",
        rules,
    )
    .await;
    assert!(ok.is_ok(), "{ok:?}");
    drop(conn);
    pool.close().await;
    assert_eq!(rows(app, case).await.len(), before.len() + 1);
}
