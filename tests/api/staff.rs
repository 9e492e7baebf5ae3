//! Counsellors over real HTTP with a cookie jar: login with an unlocked key,
//! the decrypted queue, replies and notes, the client's side of the thread,
//! and the refusals: CSRF, session fixation and reuse, another service,
//! inactive accounts, TOTP, login limits.

use std::process::{Command, Stdio};
use std::time::Duration;

use crate::helpers::*;
use crate::staff_helpers::*;

const ANNA: (&str, &str, &[&str]) = ("anna", "counsellor", &[SERVICE]);
const BOB: (&str, &str, &[&str]) = ("bob", "counsellor", &[OTHER_SERVICE]);
const CARL: (&str, &str, &[&str]) = ("carl", "admin", &[]);

pub async fn client_writes_back(app: &TestApp, receipt: &str, message: &str) -> (u16, String) {
    let (status, page) = app.check("en", receipt).await;
    assert_eq!(status, 200, "{page}");
    let token = between(&page, r#"name="token" value=""#, "\"").expect("reply form token");
    let r = client()
        .post(app.url("/en/check/reply"))
        .form(&[
            ("receipt", receipt),
            ("token", &token),
            ("message", message),
        ])
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

#[tokio::test]
async fn a_client_and_a_counsellor_talk_through_sealed_messages_end_to_end() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[ANNA]).await;
    let (status, body) = app
        .submit(
            "en",
            SERVICE,
            &[
                ("topic", "general"),
                ("message", "I need to talk <b>now</b>"),
                ("name", "Robin"),
                ("way", "reply_here"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let receipt = receipt_in(&body);

    let anna = Staff::first_login(&app, "anna", &pw[0]).await;
    let queue = anna.get("/en/staff").await;
    assert_eq!(queue.status, 200);
    assert!(
        queue.body.contains("Robin"),
        "queue shows the decrypted name"
    );
    assert!(
        queue
            .body
            .contains("I need to talk &#60;b&#62;now&#60;/b&#62;"),
        "preview is decrypted and escaped: {}",
        queue.body
    );
    assert!(queue.body.contains("New activity"));
    let case = anna.newest_case().await;
    let page = anna.get(&format!("/en/staff/cases/{case}")).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body
            .contains("I need to talk &#60;b&#62;now&#60;/b&#62;")
    );
    assert!(
        !page.body.contains("<b>now</b>"),
        "client content is never markup"
    );
    let csrf = csrf_in(&page.body);

    let reply = anna
        .post(
            &format!("/en/staff/cases/{case}/reply"),
            &[("csrf", &csrf), ("text", "We are here. Tell us more.")],
        )
        .await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    let note = anna
        .post(
            &format!("/en/staff/cases/{case}/note"),
            &[("csrf", &csrf), ("text", "internal: call back on Tuesday")],
        )
        .await;
    assert_eq!(note.status, 303);
    let page = anna.get(&reply.location.replace("#thread", "")).await;
    assert!(page.body.contains("Reply sent."));
    assert!(page.body.contains("We are here. Tell us more."));
    assert!(page.body.contains("internal: call back on Tuesday"));
    assert!(
        page.body.contains("Waiting for client"),
        "a reply waits for the client"
    );

    // The client reads the reply (not the note) with nothing but the receipt.
    let (status, thread) = app.check("en", &receipt).await;
    assert_eq!(status, 200);
    assert!(thread.contains("We are here. Tell us more."));
    assert!(thread.contains("Counsellor Anna"));
    assert!(thread.contains("There is a new reply"));
    assert!(
        !thread.contains("call back on Tuesday"),
        "notes are staff only"
    );
    assert!(thread.contains("<strong>Answered</strong>"));
    let (_, again) = app.check("en", &receipt).await;
    assert!(
        !again.contains("There is a new reply"),
        "seen replies are not new"
    );

    // The client writes back; the counsellor sees it as new activity.
    let (status, sent) = client_writes_back(&app, &receipt, "Thank you, here is more").await;
    assert_eq!(status, 200, "{sent}");
    assert!(sent.contains("Your message was sent."));
    assert!(sent.contains("Thank you, here is more"));
    let queue = anna.get("/en/staff").await;
    assert!(queue.body.contains("New activity"));
    assert!(
        queue.body.contains("In progress"),
        "a client's message brings the case back to work"
    );
    let page = anna.get(&format!("/en/staff/cases/{case}")).await;
    assert!(page.body.contains("Thank you, here is more"));

    // An empty write-back keeps the client on the thread with a clear message.
    let (status, refused) = client_writes_back(&app, &receipt, "   ").await;
    assert_eq!(status, 422);
    assert!(refused.contains("Write a message before sending."));
    assert_eq!(app.count("select count(*) from messages").await, 4);

    // Status and assignment.
    let csrf = csrf_in(&page.body);
    let closed = anna
        .post(
            &format!("/en/staff/cases/{case}/status"),
            &[("csrf", &csrf), ("status", "closed")],
        )
        .await;
    assert_eq!(closed.status, 303);
    let assignee_select = &page.body[page.body.find(r#"name="assignee""#).unwrap()..];
    let after_nobody = &assignee_select[assignee_select.find("</option>").unwrap()..];
    let anna_id = between(after_nobody, r#"<option value=""#, "\"").unwrap();
    let assigned = anna
        .post(
            &format!("/en/staff/cases/{case}/assign"),
            &[("csrf", &csrf), ("assignee", &anna_id)],
        )
        .await;
    assert_eq!(assigned.status, 303);
    let queue = anna.get("/en/staff?status=closed").await;
    assert!(
        // Her own case says "You" (tools.rs: taking a case).
        queue.body.contains("Robin") && queue.body.contains("<strong class=\"mine\">You</strong>"),
        "{}",
        queue.body
    );
    let open_only = anna.get("/en/staff?status=new").await;
    assert!(!open_only.body.contains("Robin"));
    let audit = app.count("select count(*) from audit_log where action in ('reply', 'note', 'status', 'assign', 'open_case')").await;
    assert!(audit >= 5, "staff actions are audited");
}

#[tokio::test]
async fn a_reply_and_a_note_open_with_the_reference_age_cli_for_exactly_their_readers() {
    let mut app = spawn_app().await;
    // The client writes before Anna joins.
    let receipt = app.submit_ok("interop of replies").await;
    let pw = app.with_staff(&[ANNA]).await;
    let anna = Staff::first_login(&app, "anna", &pw[0]).await;
    let case = anna.newest_case().await;
    let csrf = anna.csrf().await;
    anna.post(
        &format!("/en/staff/cases/{case}/reply"),
        &[("csrf", &csrf), ("text", "reply for the client")],
    )
    .await;
    anna.post(
        &format!("/en/staff/cases/{case}/note"),
        &[("csrf", &csrf), ("text", "note for staff")],
    )
    .await;

    // Anna's key, as stored, unwraps with her password in the reference CLI.
    let pool = app.pool().await;
    let (wrapped,): (Vec<u8>,) =
        sqlx::query_as("select wrapped_identity from staff where username = 'anna'")
            .fetch_one(&pool)
            .await
            .unwrap();
    std::fs::write(app.path("anna.key.age"), &wrapped).unwrap();
    let anna_key = age_decrypt_with_passphrase(&app.path("anna.key.age"), NEW_PASSWORD);
    assert!(
        anna_key.contains("AGE-SECRET-KEY-1"),
        "unwrapped: {anna_key}"
    );
    std::fs::write(app.path("anna.key"), &anna_key).unwrap();

    let pepper = suoja::seal::Pepper::load_or_create(&app.path("pepper")).unwrap();
    let client = suoja::seal::Receipt::parse(&receipt)
        .unwrap()
        .client_key(&pepper)
        .unwrap();
    std::fs::write(
        app.path("client.key"),
        secrecy::ExposeSecret::expose_secret(&client.identity.to_string()),
    )
    .unwrap();
    let rows: Vec<(String, Vec<u8>)> =
        sqlx::query_as("select author, sealed from messages order by written_on, case_id, n")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(rows.len(), 3);
    for (author, sealed) in rows {
        let file = app.path(&format!("{author}.age"));
        std::fs::write(&file, sealed).unwrap();
        for (key, should_open) in [
            ("anna.key", author != "client"),
            ("counsellor.key", true),
            ("recovery.key", true),
            ("client.key", author != "note"),
        ] {
            let (ok, out, _) = run(Command::new("age")
                .arg("-d")
                .arg("-i")
                .arg(app.path(key))
                .arg(&file));
            assert_eq!(ok, should_open, "{author} with {key}");
            if ok {
                assert!(
                    out.contains(&format!("\"case\":\"{case}\"")),
                    "the case id is sealed inside"
                );
            }
        }
    }
    // Anna joined after the client wrote: their first message is not hers to
    // open until rotation reseals it, and the case page says so.
    let page = anna.get(&format!("/en/staff/cases/{case}")).await;
    assert!(
        page.body
            .contains("One message was sealed before you had access"),
        "{}",
        page.body
    );
}

/// `age -d` reads a passphrase only from a terminal: give it one.
fn age_decrypt_with_passphrase(file: &std::path::Path, passphrase: &str) -> String {
    use std::io::Write;
    let out = file.with_extension("out");
    let mut child = Command::new("script")
        .args([
            "-qec",
            &format!("age -d -o {} {}", out.display(), file.display()),
            "/dev/null",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("`script` (util-linux) runs the age CLI on a terminal");
    let mut stdin = child.stdin.take().unwrap();
    std::thread::sleep(Duration::from_millis(500));
    writeln!(stdin, "{passphrase}").unwrap();
    let status = child.wait().unwrap();
    assert!(status.success());
    std::fs::read_to_string(out).unwrap_or_default()
}

#[tokio::test]
async fn another_services_counsellor_or_an_admin_gets_the_same_403_as_for_no_case() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[ANNA, BOB, CARL]).await;
    app.submit_ok("only for the helpline").await;
    let anna = Staff::first_login(&app, "anna", &pw[0]).await;
    let case = anna.newest_case().await;
    let bob = Staff::first_login(&app, "bob", &pw[1]).await;
    let carl = Staff::first_login(&app, "carl", &pw[2]).await;
    let missing = "0123456789abcdef0123456789abcdef";
    for who in [&bob, &carl] {
        let queue = who.get("/en/staff").await;
        assert_eq!(queue.status, 200);
        assert!(
            !queue.body.contains(&case),
            "the queue holds only their services"
        );
        assert!(
            queue.body.contains("New: <strong>0</strong>"),
            "counts are of their services only"
        );
        let theirs = who.get(&format!("/en/staff/cases/{case}")).await;
        let nothing = who.get(&format!("/en/staff/cases/{missing}")).await;
        assert_eq!(theirs.status, 403);
        assert_eq!(nothing.status, 403);
        assert_eq!(
            theirs.body, nothing.body,
            "a foreign case looks exactly like no case"
        );
        assert!(!theirs.body.contains("only for the helpline"));
        let csrf = who.csrf().await;
        for action in ["reply", "note"] {
            let r = who
                .post(
                    &format!("/en/staff/cases/{case}/{action}"),
                    &[("csrf", &csrf), ("text", "intrusion")],
                )
                .await;
            assert_eq!(r.status, 403);
        }
        let r = who
            .post(
                &format!("/en/staff/cases/{case}/status"),
                &[("csrf", &csrf), ("status", "closed")],
            )
            .await;
        assert_eq!(r.status, 403);
    }
    assert_eq!(app.count("select count(*) from messages").await, 1);
    assert_eq!(
        app.count("select count(*) from cases where status = 'new'")
            .await,
        1
    );
    // Assigning to someone outside the service is refused too.
    let csrf = anna.csrf().await;
    let bob_id: String = {
        let pool = app.pool().await;
        sqlx::query_as::<_, (String,)>("select id from staff where username = 'bob'")
            .fetch_one(&pool)
            .await
            .unwrap()
            .0
    };
    let r = anna
        .post(
            &format!("/en/staff/cases/{case}/assign"),
            &[("csrf", &csrf), ("assignee", &bob_id)],
        )
        .await;
    assert_eq!(r.status, 400);
    assert_eq!(
        app.count("select count(*) from cases where assignee is not null")
            .await,
        0
    );
}

#[tokio::test]
async fn state_changing_requests_without_this_sessions_csrf_token_or_from_elsewhere_are_refused() {
    let mut app = spawn_app().await;
    let pw = app
        .with_staff(&[ANNA, ("anja", "counsellor", &[SERVICE])])
        .await;
    app.submit_ok("csrf target").await;
    let anna = Staff::first_login(&app, "anna", &pw[0]).await;
    let anja = Staff::first_login(&app, "anja", &pw[1]).await;
    let case = anna.newest_case().await;
    let own = anna.csrf().await;
    let others = anja.csrf().await;
    assert_ne!(own, others);
    let path = format!("/en/staff/cases/{case}/reply");
    let text = ("text", "forged reply");
    for (form, headers) in [
        (vec![text], vec![]),
        (vec![("csrf", "0".repeat(64).as_str()), text], vec![]),
        (vec![("csrf", others.as_str()), text], vec![]),
        (
            vec![("csrf", own.as_str()), text],
            vec![("origin", "http://evil.example")],
        ),
        (
            vec![("csrf", own.as_str()), text],
            vec![("sec-fetch-site", "cross-site")],
        ),
    ] {
        let r = anna.post_with(&path, &form, &headers).await;
        assert_eq!(r.status, 403, "accepted: {form:?} {headers:?}");
    }
    let r = anna
        .post_with("/en/staff/logout", &[("csrf", &others)], &[])
        .await;
    assert_eq!(r.status, 403, "logout needs this session's token too");
    assert_eq!(
        app.count("select count(*) from messages").await,
        1,
        "no forged reply stored"
    );
    let r = anna
        .post_with(
            &path,
            &[("csrf", &own), text],
            &[("sec-fetch-site", "same-site")],
        )
        .await;
    assert_eq!(r.status, 403, "a sibling site is another site");
    assert_eq!(
        app.count("select count(*) from messages").await,
        1,
        "no forged reply stored"
    );
    // What a browser sends under Referrer-Policy: no-referrer: `Origin: null`.
    let r = anna
        .post_with(
            &path,
            &[("csrf", &own), text],
            &[("origin", "null"), ("sec-fetch-site", "same-origin")],
        )
        .await;
    assert_eq!(r.status, 303, "a same-origin browser POST is accepted");
    let r = anna
        .post_with(&path, &[("csrf", &own), text], &[("origin", "null")])
        .await;
    assert_eq!(
        r.status, 303,
        "Origin: null alone leaves the decision to the token"
    );
    assert_eq!(app.count("select count(*) from messages").await, 3);
    // The genuine request, from this site, goes through.
    let origin = app.base.clone();
    let r = anna
        .post_with(
            &path,
            &[("csrf", &own), text],
            &[("origin", &origin), ("sec-fetch-site", "same-origin")],
        )
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(app.count("select count(*) from messages").await, 4);

    // Login CSRF: a login posted from another site is refused.
    let page = Staff::new(&app).get("/en/staff/login").await;
    let token = between(&page.body, r#"name="token" value=""#, "\"").unwrap();
    let r = Staff::new(&app)
        .post_with(
            "/en/staff/login",
            &[
                ("token", &token),
                ("username", "anna"),
                ("password", NEW_PASSWORD),
                ("code", ""),
            ],
            &[("sec-fetch-site", "cross-site")],
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
}

#[tokio::test]
async fn a_password_change_ends_every_other_session_of_that_person() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[ANNA]).await;
    let laptop = Staff::first_login(&app, "anna", &pw[0]).await;
    let phone = Staff::new(&app);
    assert_eq!(phone.login("anna", NEW_PASSWORD, "").await.status, 303);
    assert_eq!(phone.get("/en/staff").await.status, 200);
    let csrf = laptop.csrf().await;
    let newer = "a newer passphrase for anna";
    let changed = laptop
        .post(
            "/en/staff/account/password",
            &[
                ("csrf", &csrf),
                ("current", NEW_PASSWORD),
                ("new", newer),
                ("repeat", newer),
            ],
        )
        .await;
    assert_eq!(changed.status, 200, "{}", changed.body);
    assert_eq!(
        laptop.get("/en/staff").await.status,
        200,
        "this session goes on"
    );
    assert_eq!(
        phone.get("/en/staff").await.status,
        303,
        "the other one ended"
    );
    assert_eq!(
        Staff::new(&app)
            .login("anna", NEW_PASSWORD, "")
            .await
            .status,
        401
    );
    assert_eq!(
        Staff::new(&app).login("anna", newer, "").await.status,
        303,
        "the key unwraps with the new password"
    );
}

#[tokio::test]
async fn login_mints_a_new_session_and_a_session_ended_by_logout_cannot_be_reused() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[ANNA]).await;
    let anna = Staff::first_login(&app, "anna", &pw[0]).await;
    let csrf = anna.csrf().await;
    anna.post("/en/staff/logout", &[("csrf", &csrf)]).await;

    // An attacker plants a session id; logging in must not adopt it.
    let planted = "ab".repeat(32);
    let victim = Staff::new(&app);
    let plain = client();
    let login_page = victim.get("/en/staff/login").await;
    let token = between(&login_page.body, r#"name="token" value=""#, "\"").unwrap();
    let r = plain
        .post(app.url("/en/staff/login"))
        .header("cookie", format!("suoja-staff={planted}"))
        .form(&[
            ("token", token.as_str()),
            ("username", "anna"),
            ("password", NEW_PASSWORD),
            ("code", ""),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 303);
    let cookie = r
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Strict")
            && cookie.contains("Path=/")
    );
    let session = between(&cookie, "suoja-staff=", ";").unwrap();
    assert_eq!(session.len(), 64);
    assert_ne!(session, planted);
    let with = |value: &str| {
        let value = value.to_owned();
        let url = app.url("/en/staff");
        async move {
            client()
                .get(url)
                .header("cookie", format!("suoja-staff={value}"))
                .send()
                .await
                .unwrap()
        }
    };
    assert_eq!(
        with(&planted).await.status().as_u16(),
        303,
        "the planted id is not a session"
    );
    assert_eq!(with(&session).await.status().as_u16(), 200);

    // Logout ends it for good: the same cookie, replayed, is refused.
    let page = with(&session).await.text().await.unwrap();
    let csrf = csrf_in(&page);
    let out = plain
        .post(app.url("/en/staff/logout"))
        .header("cookie", format!("suoja-staff={session}"))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(out.status().as_u16(), 303);
    assert!(
        out.headers()
            .get("set-cookie")
            .unwrap()
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
    let replay = with(&session).await;
    assert_eq!(replay.status().as_u16(), 303);
    assert!(
        replay.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/en/staff/login")
    );
    assert_eq!(app.count("select count(*) from sessions").await, 0);
}

#[tokio::test]
async fn a_deactivated_account_loses_its_session_at_once_and_cannot_log_in() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[ANNA]).await;
    let anna = Staff::first_login(&app, "anna", &pw[0]).await;
    assert_eq!(anna.get("/en/staff").await.status, 200);
    app.deactivate_staff("anna");
    let r = anna.get("/en/staff").await;
    assert_eq!(r.status, 303, "the session ended with the account");
    let login = anna.login("anna", NEW_PASSWORD, "").await;
    assert_eq!(login.status, 401);
    assert!(login.body.contains("or the account is not in use"));
    assert!(
        login.body.contains(r#"value="anna""#),
        "the name typed is kept"
    );
    assert_eq!(app.count("select count(*) from sessions").await, 0);
}

#[tokio::test]
async fn wrong_passwords_and_unknown_names_get_one_answer_and_attempts_per_account_are_capped() {
    let mut app = spawn_with(Options {
        extra_limits: "logins_per_account_per_hour = 3".into(),
        ..Options::default()
    })
    .await;
    let pw = app.with_staff(&[ANNA]).await;
    let someone = Staff::new(&app);
    let unknown = someone.login("nobody", "whatever password", "").await;
    let wrong = someone.login("anna", "not her password", "").await;
    assert_eq!((unknown.status, wrong.status), (401, 401));
    let message = |b: &str| between(b, r#"role="alert"><p>"#, "</p>").unwrap();
    assert_eq!(message(&unknown.body), message(&wrong.body));
    // Three attempts on anna are allowed an hour; the fourth is refused,
    // from any client, even with the right password.
    for _ in 0..2 {
        let again = someone.login("anna", "still not it", "").await;
        assert_eq!(again.status, 401);
    }
    let capped = Staff::new(&app).login("anna", &pw[0], "").await;
    assert_eq!(capped.status, 429, "{}", capped.body);
    assert!(capped.body.contains("Too many login attempts"));
    // Failed logins are audited after the answer (so a known name answers no
    // slower than an unknown one): wait for the last entry.
    let mut failed = 0;
    for _ in 0..50 {
        failed = app
            .count("select count(*) from audit_log where action = 'login_failed'")
            .await;
        if failed >= 3 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(failed, 3);
}

#[tokio::test]
async fn with_totp_on_a_login_needs_a_fresh_code_and_a_code_works_once() {
    use suoja::staff::totp::TotpSecret;
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[ANNA]).await;
    let anna = Staff::first_login(&app, "anna", &pw[0]).await;
    let csrf = anna.csrf().await;
    let setup = anna
        .post("/en/staff/account/totp/start", &[("csrf", &csrf)])
        .await;
    assert_eq!(setup.status, 200);
    let seed = between(&setup.body, r#"<code class="code wrap">"#, "</code>").unwrap();
    let pending = between(&setup.body, r#"name="pending" value=""#, "\"").unwrap();
    let secret = TotpSecret::from_base32(&seed).unwrap();
    let step = jiff::Timestamp::now().as_second() as u64 / 30;
    let code = |s: u64| format!("{:06}", secret.code_at(s));
    let wrong = anna
        .post(
            "/en/staff/account/totp/confirm",
            &[
                ("csrf", &csrf),
                ("pending", &pending),
                ("code", "000000"),
                ("current", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(wrong.status, 422, "a wrong code does not turn it on");
    let no_password = anna
        .post(
            "/en/staff/account/totp/confirm",
            &[
                ("csrf", &csrf),
                ("pending", &pending),
                ("code", &code(step)),
                ("current", "wrong password!"),
            ],
        )
        .await;
    assert_eq!(
        no_password.status, 422,
        "a stolen session cannot enrol its own seed"
    );
    let on = anna
        .post(
            "/en/staff/account/totp/confirm",
            &[
                ("csrf", &csrf),
                ("pending", &pending),
                ("code", &code(step)),
                ("current", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(on.status, 303, "{}", on.body);
    assert!(
        anna.get("/en/staff/account")
            .await
            .body
            .contains("Two-step verification is on.")
    );
    anna.post("/en/staff/logout", &[("csrf", &csrf)]).await;

    let again = Staff::new(&app);
    assert_eq!(
        again.login("anna", NEW_PASSWORD, "").await.status,
        401,
        "no code"
    );
    assert_eq!(
        again.login("anna", NEW_PASSWORD, &code(step)).await.status,
        401,
        "a used code"
    );
    let ok = again.login("anna", NEW_PASSWORD, &code(step + 1)).await;
    assert_eq!(ok.status, 303, "the next code works: {}", ok.body);
    let replay = Staff::new(&app)
        .login("anna", NEW_PASSWORD, &code(step + 1))
        .await;
    assert_eq!(replay.status, 401, "and only once");
    let stored: Vec<(Vec<u8>,)> = {
        let pool = app.pool().await;
        sqlx::query_as("select totp_sealed from staff")
            .fetch_all(&pool)
            .await
            .unwrap()
    };
    let raw_seed = secret.as_bytes().to_vec();
    assert!(
        !stored[0].0.windows(raw_seed.len()).any(|w| w == raw_seed),
        "the seed is stored sealed"
    );
}

#[tokio::test]
async fn a_restart_keeps_every_session_and_its_key_and_a_reply_typed_after_logout_is_kept() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[ANNA]).await;
    app.submit_ok("written before the restart").await;
    let anna = Staff::first_login(&app, "anna", &pw[0]).await;
    assert_eq!(anna.get("/en/staff").await.status, 200);
    app.stop().await;
    app.start().await;
    let anna = Staff {
        base: app.base.clone(),
        ..anna
    };
    // The restarted instance opens her key from the row with her cookie.
    let case = anna.newest_case().await;
    let page = anna.get(&format!("/en/staff/cases/{case}")).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("written before the restart"),
        "{}",
        page.body
    );
    // Her session ends (on another instance, say): a reply typed across
    // the end is shown back, not dropped.
    let pool = app.pool().await;
    sqlx::query("delete from sessions")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    let lost = anna
        .post(
            &format!("/en/staff/cases/{case}/reply"),
            &[
                ("csrf", &csrf_in(&page.body)),
                ("text", "a long careful reply"),
            ],
        )
        .await;
    assert_eq!(lost.status, 401);
    assert!(lost.body.contains("a long careful reply") && lost.body.contains("nothing was saved"));
    assert_eq!(anna.login("anna", NEW_PASSWORD, "").await.status, 303);
    assert_eq!(anna.get("/en/staff").await.status, 200);
}

#[tokio::test]
async fn a_counsellor_added_while_the_server_runs_gets_new_cases_sealed_to_them() {
    let app = spawn_app().await;
    let password = app.add_staff("anna", "counsellor", &[SERVICE]);
    // The keyring is re-read every few seconds.
    tokio::time::sleep(Duration::from_secs(2)).await;
    app.submit_ok("after anna joined").await;
    let anna = Staff::first_login(&app, "anna", &password).await;
    let case = anna.newest_case().await;
    let page = anna.get(&format!("/en/staff/cases/{case}")).await;
    assert!(page.body.contains("after anna joined"), "{}", page.body);
}

#[tokio::test]
async fn a_client_writing_back_past_the_look_up_limit_keeps_their_message() {
    let app = spawn_with(Options {
        extra_limits: "lookups_per_client_per_hour = 2".into(),
        ..Options::default()
    })
    .await;
    let receipt = app.submit_ok("first words").await;
    let (status, page) = app.check("en", &receipt).await;
    assert_eq!(status, 200);
    let token = between(&page, r#"name="token" value=""#, "\"").unwrap();
    let write = |message: &'static str| {
        let (receipt, token, url) = (receipt.clone(), token.clone(), app.url("/en/check/reply"));
        async move {
            let r = client()
                .post(url)
                .form(&[
                    ("receipt", receipt.as_str()),
                    ("token", &token),
                    ("message", message),
                ])
                .send()
                .await
                .unwrap();
            (r.status().as_u16(), r.text().await.unwrap())
        }
    };
    assert_eq!(write("second words").await.0, 200);
    let (status, refused) = write("third words, typed with care").await;
    assert_eq!(status, 429);
    assert!(
        refused.contains("third words, typed with care"),
        "the message is kept: {refused}"
    );
    assert!(
        refused.contains(r#"action="/en/check/reply""#),
        "and can be sent again from the page"
    );
    assert_eq!(app.count("select count(*) from messages").await, 2);
}

#[tokio::test]
async fn an_idle_or_too_old_session_ends_and_takes_the_key_with_it() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[ANNA]).await;
    let anna = Staff::first_login(&app, "anna", &pw[0]).await;
    assert_eq!(anna.get("/en/staff").await.status, 200);
    let pool = app.pool().await;
    let now = jiff::Timestamp::now().as_second();
    // Unused for 31 minutes (idle timeout 30).
    sqlx::query("update sessions set seen_at = $1")
        .bind(now - 31 * 60)
        .execute(&pool)
        .await
        .unwrap();
    let r = anna.get("/en/staff").await;
    assert_eq!(r.status, 303);
    assert!(r.location.contains("notice=ended"), "{}", r.location);
    assert_eq!(app.count("select count(*) from sessions").await, 0);

    // Busy, but logged in 13 hours ago (absolute timeout 12 h).
    assert_eq!(anna.login("anna", NEW_PASSWORD, "").await.status, 303);
    assert_eq!(anna.get("/en/staff").await.status, 200);
    sqlx::query("update sessions set created_at = $1, seen_at = $2")
        .bind(now - 13 * 3600)
        .bind(now)
        .execute(&pool)
        .await
        .unwrap();
    assert_eq!(anna.get("/en/staff").await.status, 303);
    assert_eq!(app.count("select count(*) from sessions").await, 0);
}

#[tokio::test]
async fn over_https_the_session_cookie_is_secure_and_host_prefixed() {
    let mut app = spawn_with(Options {
        extra_top: r#"public_url = "https://apu.example.fi""#.into(),
        ..Options::default()
    })
    .await;
    let pw = app.with_staff(&[ANNA]).await;
    let page = Staff::new(&app).get("/en/staff/login").await;
    let token = between(&page.body, r#"name="token" value=""#, "\"").unwrap();
    let r = client()
        .post(app.url("/en/staff/login"))
        .form(&[
            ("token", token.as_str()),
            ("username", "anna"),
            ("password", pw[0].as_str()),
            ("code", ""),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 303);
    let cookie = r.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.starts_with("__Host-suoja-staff="), "{cookie}");
    for attribute in ["Secure", "HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(cookie.contains(attribute), "{cookie}");
    }
    assert!(!cookie.contains("Domain"), "{cookie}");
}

#[tokio::test]
async fn until_the_one_time_password_is_changed_no_action_is_taken() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[("anna", "counsellor", &[SERVICE])]).await;
    app.submit_ok("a request waiting for a counsellor").await;
    let pool = app.pool().await;
    let case: String = sqlx::Row::get(
        &sqlx::query("select id from cases")
            .fetch_one(&pool)
            .await
            .unwrap(),
        0,
    );
    pool.close().await;
    let anna = Staff::new(&app);
    let login = anna.login("anna", &pw[0], "").await;
    assert_eq!(login.location, "/en/staff/account");
    let csrf = anna.csrf().await;
    let messages = app.count("select count(*) from messages").await;
    let slots = app.count("select count(*) from slots").await;
    let cases = app.count("select count(*) from cases").await;

    // Every state-changing route, with a valid CSRF token, goes to the
    // account page and changes nothing; so do the pages.
    let reply = format!("/en/staff/cases/{case}/reply");
    let status = format!("/en/staff/cases/{case}/status");
    // A reply is not taken either; its text comes back to copy, as when a
    // session ends while typing.
    let answer = anna
        .post(
            &reply,
            &[("csrf", &csrf), ("text", "a reply kept for later")],
        )
        .await;
    assert_eq!(answer.status, 401);
    assert!(answer.body.contains("a reply kept for later"));
    let attempts: [(&str, Vec<(&str, &str)>); 3] = [
        (status.as_str(), vec![("csrf", &csrf), ("status", "closed")]),
        (
            "/en/staff/availability/oneoff",
            vec![
                ("csrf", &csrf),
                ("service", SERVICE),
                ("date", "2031-01-07"),
                ("start", "10:00"),
                ("minutes", "30"),
                ("capacity", "1"),
            ],
        ),
        (
            "/en/staff/phone",
            vec![("csrf", &csrf), ("service", SERVICE), ("notes", "a call")],
        ),
    ];
    for (path, form) in &attempts {
        let answer = anna.post(path, form).await;
        assert_eq!(
            (answer.status, answer.location.as_str()),
            (303, "/en/staff/account"),
            "{path}"
        );
    }
    for path in [
        "/fi/staff",
        "/sv/staff/schedule",
        &format!("/en/staff/cases/{case}"),
    ] {
        let answer = anna.get(path).await;
        assert_eq!(answer.status, 303, "{path}");
        assert!(answer.location.ends_with("/staff/account"), "{path}");
    }
    assert_eq!(app.count("select count(*) from messages").await, messages);
    assert_eq!(app.count("select count(*) from slots").await, slots);
    assert_eq!(app.count("select count(*) from cases").await, cases);
    let unchanged = app
        .count("select count(*) from cases where status = 'new'")
        .await;
    assert_eq!(unchanged, cases);
    // The account page itself works, and logging out too.
    assert_eq!(anna.get("/sv/staff/account").await.status, 200);
    let out = anna.post("/en/staff/logout", &[("csrf", &csrf)]).await;
    assert_eq!(out.status, 303);
    assert!(out.location.contains("notice=out"), "{}", out.location);
}

#[tokio::test]
async fn a_thread_at_its_cap_takes_no_more_messages_and_keeps_what_was_typed() {
    let mut app = spawn_with(Options {
        extra_limits: "messages_per_case = 3\n".into(),
        ..Options::default()
    })
    .await;
    let pw = app.with_staff(&[ANNA]).await;
    let receipt = app.submit_ok("the first message").await;
    let (status, _) = client_writes_back(&app, &receipt, "the second message").await;
    assert_eq!(status, 200);
    let anna = Staff::first_login(&app, "anna", &pw[0]).await;
    let case = anna.newest_case().await;
    let page = anna.get(&format!("/en/staff/cases/{case}")).await;
    let csrf = csrf_in(&page.body);
    let reply = anna
        .post(
            &format!("/en/staff/cases/{case}/reply"),
            &[("csrf", &csrf), ("text", "the third, a reply")],
        )
        .await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    let count = "select count(*) from messages";
    assert_eq!(app.count(count).await, 3);

    // The client's fourth is refused, in their language, with the text kept.
    let (status, refused) = client_writes_back(&app, &receipt, "a fourth, kept <here>").await;
    assert_eq!(status, 422, "{refused}");
    assert!(refused.contains("reached its length limit"), "{refused}");
    assert!(
        refused.contains("a fourth, kept &#60;here&#62;"),
        "{refused}"
    );
    assert!(!refused.contains("Your message was sent."));
    let (_, sv) = app.check("sv", &receipt).await;
    let token = between(&sv, r#"name="token" value=""#, "\"").unwrap();
    let r = client()
        .post(app.url("/sv/check/reply"))
        .form(&[
            ("receipt", receipt.as_str()),
            ("token", &token),
            ("message", "x"),
        ])
        .send()
        .await
        .unwrap();
    assert!(r.text().await.unwrap().contains("maximala längd"));

    // Neither a reply nor a note goes in; the counsellor's text is kept.
    for what in ["reply", "note"] {
        let refused = anna
            .post(
                &format!("/en/staff/cases/{case}/{what}"),
                &[("csrf", &csrf), ("text", "one more from staff")],
            )
            .await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        assert!(refused.body.contains("reached its length limit"));
        assert!(refused.body.contains("one more from staff"));
    }
    assert_eq!(app.count(count).await, 3, "nothing went past the cap");

    // Another case is not affected.
    let other = app.submit_ok("a new contact request").await;
    let (status, sent) = client_writes_back(&app, &other, "and a follow-up").await;
    assert_eq!(status, 200);
    assert!(sent.contains("Your message was sent."));
}
