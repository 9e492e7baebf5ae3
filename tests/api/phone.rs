//! Phone intake over real HTTP: a counsellor records a call as a sealed
//! case of kind `phone` and reads the receipt shown once to the caller, who
//! then continues in writing with it.

use crate::helpers::*;
use crate::staff_helpers::*;

const ANNA: (&str, &str, &[&str]) = ("anna", "counsellor", &[SERVICE]);

#[tokio::test]
async fn a_phone_call_is_recorded_as_a_sealed_case_and_the_caller_continues_with_the_code() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[ANNA]).await;
    let anna = Staff::first_login(&app, "anna", &pw[0]).await;
    let form = anna.get("/en/staff/phone").await;
    assert_eq!(form.status, 200, "{}", form.location);
    assert!(form.body.contains("Record a phone call"));
    let csrf = csrf_in(&form.body);
    let text = "Caller worries about a friend and wants to write later.";

    let forged = anna
        .post(
            "/en/staff/phone",
            &[("service", SERVICE), ("text", text), ("name", "Alex")],
        )
        .await;
    assert_eq!(forged.status, 403);
    // Problems come back with everything typed.
    let empty = anna
        .post(
            "/en/staff/phone",
            &[("csrf", &csrf), ("service", SERVICE), ("name", "Alex")],
        )
        .await;
    assert_eq!(empty.status, 422);
    assert!(empty.body.contains("Write a message before sending."));
    assert!(empty.body.contains(r#"value="Alex""#));
    let foreign = anna
        .post(
            "/en/staff/phone",
            &[("csrf", &csrf), ("service", OTHER_SERVICE), ("text", text)],
        )
        .await;
    assert_eq!(foreign.status, 422);
    assert!(foreign.body.contains("Choose one of your services."));
    assert!(foreign.body.contains(text));
    assert_eq!(app.count("select count(*) from cases").await, 0);

    let saved = anna
        .post(
            "/en/staff/phone",
            &[
                ("csrf", &csrf),
                ("service", SERVICE),
                ("topic", "crisis"),
                ("name", "Alex"),
                ("text", text),
            ],
        )
        .await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    assert!(saved.body.contains("Read this code to the caller"));
    assert!(saved.body.contains("shown only this once"));
    let receipt = receipt_in(&saved.body);
    assert_eq!(
        app.count("select count(*) from cases where kind = 'phone'")
            .await,
        1
    );
    assert_eq!(
        app.count("select count(*) from audit_log where action = 'phone_intake'")
            .await,
        1
    );

    // The counsellors see it in the queue, marked as a phone call.
    let queue = anna.get("/en/staff").await;
    assert!(queue.body.contains("Phone call") && queue.body.contains("Alex"));
    // The caller reads it with the code and writes back.
    let (status, thread) = app.check("en", &receipt).await;
    assert_eq!(status, 200, "{thread}");
    assert!(thread.contains(text));
    assert!(thread.contains("Your phone call, written down by Anna"));
    let token = between(&thread, r#"name="token" value=""#, "\"").unwrap();
    let r = client()
        .post(app.url("/en/check/reply"))
        .form(&[
            ("receipt", receipt.as_str()),
            ("token", &token),
            ("message", "Thank you, here is more."),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let case = anna.newest_case().await;
    let page = anna.get(&format!("/en/staff/cases/{case}")).await;
    assert!(page.body.contains("Thank you, here is more."));
    assert!(page.body.contains("Phone call, written down by Anna"));
}
