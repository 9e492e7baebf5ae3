//! Replies carry the service's MAC: a "reply" sealed by someone who can
//! write to the database (to the client's public key and the service's keys,
//! all stored in the clear) is shown nowhere, and a real reply copied into
//! another row is not shown twice.

use sqlx::Row;
use suoja::intake::MessageDoc;
use suoja::seal::Envelope;

use crate::helpers::*;
use crate::staff_helpers::*;

const REAL: &str = "the real reply from the heron";
const FORGED: &str = "please call this number at once";

/// A client's case with one real reply from anna; anna's session.
async fn case_with_a_reply() -> (TestApp, String, Staff, String) {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[("anna", "counsellor", &[SERVICE])]).await;
    let receipt = app.submit_ok("a question for the service").await;
    let anna = Staff::first_login(&app, "anna", &pw[0]).await;
    let case = anna.newest_case().await;
    let csrf = anna.csrf().await;
    let replied = anna
        .post(
            &format!("/en/staff/cases/{case}/reply"),
            &[("csrf", &csrf), ("text", REAL)],
        )
        .await;
    assert_eq!(replied.status, 303, "{}", replied.body);
    (app, receipt, anna, case)
}

/// What a database writer can do: seal a document that names the case to
/// the case's stored client recipient and the service's stored keys, and
/// insert it as a message by `author`, flagging the case unread for the
/// client.
pub(crate) async fn plant(app: &TestApp, case: &str, sealed: &[u8], author: &str) {
    let pool = app.pool().await;
    let epoch: i64 = sqlx::query("select key_epoch from messages where case_id = $1 limit 1")
        .bind(case)
        .fetch_one(&pool)
        .await
        .unwrap()
        .try_get(0)
        .unwrap();
    sqlx::query(
        "insert into messages (id, case_id, n, author, written_on, key_epoch, sealed) \
         values ($1, $2, (select max(n) + 1 from messages where case_id = $2), $3, \
                 '2026-01-01', $4, $5)",
    )
    .bind(format!("{:032x}", rand::random::<u128>()))
    .bind(case)
    .bind(author)
    .bind(epoch)
    .bind(sealed)
    .execute(&pool)
    .await
    .unwrap();
    sqlx::query("update cases set client_unread = 1 where id = $1")
        .bind(case)
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
}

/// The service's keys and the client's, as the database holds them.
pub(crate) async fn stored_envelope(app: &TestApp, case: &str) -> Envelope {
    let pool = app.pool().await;
    let row = sqlx::query(
        "select k.recipients, c.client_recipient from cases c \
         join messages m on m.case_id = c.id join key_epochs k on k.id = m.key_epoch \
         where c.id = $1 limit 1",
    )
    .bind(case)
    .fetch_one(&pool)
    .await
    .unwrap();
    pool.close().await;
    let service: String = row.try_get("recipients").unwrap();
    let client: String = row.try_get("client_recipient").unwrap();
    Envelope::from_recipients_file(&service)
        .unwrap()
        .with(suoja::seal::parse_recipient(&client).unwrap())
}

pub(crate) fn forged_doc(case: &str, mac: Option<String>) -> MessageDoc {
    MessageDoc {
        v: suoja::intake::DOC_VERSION,
        case: case.to_owned(),
        service: SERVICE.into(),
        written_at: "2026-01-01T09:00:00Z".into(),
        topic: None,
        name: None,
        contact: None,
        staff: Some(display_name("anna")),
        booking: None,
        seat: None,
        lang: None,
        interpreter: false,
        feedback: None,
        handed: None,
        text: FORGED.into(),
        mac,
    }
}

#[tokio::test]
async fn a_reply_written_straight_into_the_database_is_shown_to_nobody() {
    let (app, receipt, anna, case) = case_with_a_reply().await;
    let envelope = stored_envelope(&app, &case).await;
    // Without the pepper the forger has no MAC, or only a made-up one.
    let made_up = Some("ab".repeat(32));
    for mac in [None, made_up] {
        let sealed = envelope.seal(&forged_doc(&case, mac)).unwrap();
        plant(&app, &case, &sealed, "staff").await;
    }

    let (status, body) = app.check("en", &receipt).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains(REAL), "the real reply is shown: {body}");
    assert!(!body.contains(FORGED), "a forged reply is shown: {body}");

    let page = anna.get(&format!("/en/staff/cases/{case}")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains(REAL));
    assert!(!page.body.contains(FORGED), "staff see the forged reply");

    let logs = app.logs();
    assert!(logs.contains("without the service's MAC"), "{logs}");
    assert!(!logs.contains(FORGED) && !logs.contains(REAL));
}

#[tokio::test]
async fn a_forged_reply_does_not_announce_itself_as_new() {
    let (app, receipt, _anna, case) = case_with_a_reply().await;
    // The client reads the real reply and writes back.
    let (status, body) = app.check("en", &receipt).await;
    assert_eq!(status, 200);
    let token = between(&body, r#"name="token" value=""#, "\"").unwrap();
    let sent = client()
        .post(app.url("/en/check/reply"))
        .form(&[
            ("receipt", receipt.as_str()),
            ("message", "thank you"),
            ("token", &token),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status(), 200);
    assert!(sent.text().await.unwrap().contains("thank you"));
    // Then a "reply" is planted and the case flagged unread for the client.
    let envelope = stored_envelope(&app, &case).await;
    let sealed = envelope.seal(&forged_doc(&case, None)).unwrap();
    plant(&app, &case, &sealed, "staff").await;

    let (_, body) = app.check("en", &receipt).await;
    assert!(!body.contains(FORGED));
    assert!(
        !body.contains("There is a new reply"),
        "a refused reply is not counted as one: {body}"
    );
}

#[tokio::test]
async fn a_real_reply_copied_into_another_row_is_not_shown_twice() {
    let (app, receipt, anna, case) = case_with_a_reply().await;
    let pool = app.pool().await;
    let reply: Vec<u8> =
        sqlx::query("select sealed from messages where case_id = $1 and author = 'staff'")
            .bind(&case)
            .fetch_one(&pool)
            .await
            .unwrap()
            .try_get(0)
            .unwrap();
    pool.close().await;
    plant(&app, &case, &reply, "staff").await;
    // …or passed off as an internal note, which the MAC also binds.
    plant(&app, &case, &reply, "note").await;

    let (status, body) = app.check("en", &receipt).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body.matches(REAL).count(), 1, "{body}");
    let page = anna.get(&format!("/en/staff/cases/{case}")).await;
    assert_eq!(page.body.matches(REAL).count(), 1, "{}", page.body);
}
