//! People, through the real binary: invitations mailed by a real SMTP
//! server (aiosmtpd) and accepted, refused links, roles and the last admin,
//! deactivation, a member added to a service, and password resets.

use std::process::Command;

use crate::helpers::*;
use crate::rotation::{age_opens, jobs_end, messages, staff_key};
use crate::staff_helpers::*;

const INVITEE: &str = "nea.invitee@staff-mail.example";
const NEW: &str = "a brand new passphrase 42";

/// The people page's CSRF token, as an admin.
async fn people_csrf(admin: &Staff) -> String {
    let page = admin.get("/en/staff/people").await;
    assert_eq!(page.status, 200, "{}", page.location);
    csrf_in(&page.body)
}

/// An account's id.
async fn id_of(app: &TestApp, username: &str) -> String {
    let pool = app.pool().await;
    let (id,): (String,) = sqlx::query_as("select id from staff where username = $1")
        .bind(username)
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    id
}

/// Sends an invitation from the people page.
async fn invite(admin: &Staff, email: &str, role: &str, services: &[&str]) -> Answer {
    let csrf = people_csrf(admin).await;
    let mut form = vec![("csrf", csrf.as_str()), ("email", email), ("role", role)];
    for s in services {
        form.push(("service", s));
    }
    admin.post("/en/staff/people/invite", &form).await
}

/// An action on a person from the people page.
async fn act(admin: &Staff, action: &str, staff_id: &str, extra: &[(&str, &str)]) -> Answer {
    let csrf = people_csrf(admin).await;
    let mut form = vec![("csrf", csrf.as_str()), ("staff", staff_id)];
    // What cannot be undone is confirmed with the "I am sure" box.
    if matches!(action, "deactivate" | "reset") {
        form.push(("confirm", "yes"));
    }
    form.extend_from_slice(extra);
    admin
        .post(&format!("/en/staff/people/{action}"), &form)
        .await
}

/// The token of a link in a text (a mail, a page, a command's output).
fn token_in(text: &str, page: &str) -> String {
    let marker = format!("/en/staff/{page}?token=");
    let at = text
        .find(&marker)
        .unwrap_or_else(|| panic!("no {page} link in:\n{text}"));
    let token: String = text[at + marker.len()..]
        .chars()
        .take_while(char::is_ascii_hexdigit)
        .collect();
    assert_eq!(token.len(), 64, "256 bits as hex: {token}");
    token
}

/// Accepts an invitation as its invitee would: the GET, then the form.
async fn accept(app: &TestApp, token: &str, username: &str, password: &str) -> Answer {
    let browser = Staff::new(app);
    let page = browser
        .get(&format!("/en/staff/invite?token={token}"))
        .await;
    if page.status != 200 {
        return page;
    }
    let carried = between(&page.body, r#"name="token" value=""#, "\"").unwrap();
    assert_eq!(
        carried, token,
        "the form carries the token on in a POST field"
    );
    browser
        .post(
            "/en/staff/invite",
            &[
                ("token", token),
                ("username", username),
                ("name", &display_name(username)),
                ("password", password),
                ("repeat", password),
            ],
        )
        .await
}

async fn set_email(app: &TestApp, username: &str, email: &str) {
    let pool = app.pool().await;
    sqlx::query("update staff set email = $1 where username = $2")
        .bind(email)
        .bind(username)
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
}

/// The mail whose subject holds `subject` (activity notices may come too).
async fn link_mail(smtp: &SmtpServer, subject: &str) -> Mail {
    for _ in 0..300 {
        if let Some(mail) = smtp
            .mails()
            .into_iter()
            .find(|m| m.subject.contains(subject))
        {
            return mail;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("no mail about {subject:?}: {:#?}", smtp.mails());
}

#[tokio::test]
async fn an_invitation_mailed_by_real_smtp_makes_an_account_that_works_the_queue() {
    let smtp = SmtpServer::start().await;
    let mut app = spawn_with(Options {
        smtp_port: Some(smtp.port),
        ..Options::default()
    })
    .await;
    let pw = app.with_staff(&[("root", "admin", &[SERVICE])]).await;
    app.submit_ok("the tidal clock before she joined").await;
    let root = Staff::first_login(&app, "root", &pw[0]).await;

    let sent = invite(&root, INVITEE, "counsellor", &[SERVICE]).await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    assert_eq!(sent.location, "/en/staff/people?notice=invited");
    let page = root.get("/en/staff/people").await;
    assert!(page.body.contains(INVITEE), "the open invitation is listed");

    // The mail: to the address, and nothing but the link and its expiry.
    let mails = smtp.wait_for(1).await;
    assert_eq!(mails.len(), 1);
    let mail = &mails[0];
    assert_eq!(mail.to, INVITEE);
    assert_eq!(
        mail.subject, "suoja: kutsu · inbjudan · invitation",
        "{mail:#?}"
    );
    let token = token_in(&mail.body, "invite");
    let link = mail.body.lines().next().unwrap();
    // `public_url` is not set in the tests: the link names the listen address.
    assert!(
        link.starts_with("http://127.0.0.1:")
            && link.ends_with(&format!("/en/staff/invite?token={token}")),
        "{link}"
    );
    let until = between(&mail.body, "until ", ".").unwrap();
    assert!(
        until.ends_with(":00 UTC"),
        "the expiry to the hour: {until}"
    );
    for line in mail.body.lines().skip(1).filter(|l| !l.is_empty()) {
        assert!(line.contains(&until), "a line without the expiry: {line}");
    }
    for absent in [
        "helpline",
        "Support line",
        "Tukilinja",
        "Root",
        "root",
        "ounsellor",
        "dmin",
        "@",
    ] {
        assert!(!mail.body.contains(absent), "the mail holds {absent:?}");
    }

    // A mistake keeps what was typed; then the account is made, once.
    let browser = Staff::new(&app);
    let wrong = browser
        .post(
            "/en/staff/invite",
            &[
                ("token", &token),
                ("username", "nea"),
                ("name", "Nea"),
                ("password", NEW),
                ("repeat", "something else entirely"),
            ],
        )
        .await;
    assert_eq!(wrong.status, 422);
    assert!(wrong.body.contains(r#"value="nea""#), "{}", wrong.body);
    let made = accept(&app, &token, "nea", NEW).await;
    assert_eq!(made.status, 303, "{}", made.body);
    assert_eq!(made.location, "/en/staff/login?notice=invite-done");
    let again = accept(&app, &token, "nea2", NEW).await;
    assert_eq!(again.status, 410, "a link works once");
    assert!(again.body.contains("does not work"));

    // The new counsellor logs in and reads the case sent before she was
    // invited, once the job has sealed it again to her key.
    jobs_end(&app, 1).await;
    let nea = Staff::new(&app);
    let login = nea.login("nea", NEW, "").await;
    assert_eq!(login.status, 303);
    assert_eq!(
        login.location, "/en/staff",
        "no forced change: she chose it"
    );
    let case = nea.newest_case().await;
    let opened = nea.get(&format!("/en/staff/cases/{case}")).await;
    assert!(opened.body.contains("the tidal clock before she joined"));
    assert_eq!(
        app.count("select count(*) from staff where username = 'nea' and role = 'counsellor' and email is not null")
            .await,
        1
    );
    for action in ["invite_sent", "invite_accepted"] {
        let pool = app.pool().await;
        let (n,): (i64,) = sqlx::query_as("select count(*) from audit_log where action = $1")
            .bind(action)
            .fetch_one(&pool)
            .await
            .unwrap();
        pool.close().await;
        assert_eq!(n, 1, "{action}");
    }
    assert_eq!(
        app.count("select count(*) from staff_links where state = 'used'")
            .await,
        1
    );
}

#[tokio::test]
async fn revoked_and_expired_invitations_are_refused_and_without_mail_the_link_is_shown_once() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[("root", "admin", &[])]).await;
    let root = Staff::first_login(&app, "root", &pw[0]).await;

    // No [smtp]: the page shows the link, once.
    let shown = invite(&root, "first@example.org", "counsellor", &[SERVICE]).await;
    assert_eq!(shown.status, 200, "{}", shown.body);
    let first = token_in(&shown.body, "invite");
    assert!(!root.get("/en/staff/people").await.body.contains(&first));

    // Bad input comes back with what was typed.
    let bad = invite(&root, "not an address", "admin", &[SERVICE, "nope"]).await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains(r#"value="not an address""#));
    // The same check as a client's address (notify::address).
    let bad = invite(&root, "new@example.org<script>", "counsellor", &[]).await;
    assert_eq!(bad.status, 422);
    assert!(
        bad.body.contains("Write one e-mail address"),
        "{}",
        bad.body
    );
    assert!(
        bad.body
            .contains(r#"value="new@example.org&#60;script&#62;""#)
    );

    // Revoked.
    let page = root.get("/en/staff/people").await;
    let invite_id = between(&page.body, r#"name="invite" value=""#, "\"").unwrap();
    let revoked = root
        .post(
            "/en/staff/people/revoke",
            &[("csrf", &csrf_in(&page.body)), ("invite", &invite_id)],
        )
        .await;
    assert_eq!(revoked.location, "/en/staff/people?notice=revoked");
    assert_eq!(accept(&app, &first, "eve", NEW).await.status, 410);
    let post = Staff::new(&app)
        .post(
            "/en/staff/invite",
            &[
                ("token", first.as_str()),
                ("username", "eve"),
                ("name", "Eve"),
                ("password", NEW),
                ("repeat", NEW),
            ],
        )
        .await;
    assert_eq!(post.status, 410, "a revoked link is refused on POST too");

    // Expired.
    let shown = invite(&root, "second@example.org", "counsellor", &[]).await;
    let second = token_in(&shown.body, "invite");
    let pool = app.pool().await;
    sqlx::query("update staff_links set expires_at = 1 where state = 'pending'")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    assert_eq!(accept(&app, &second, "eve", NEW).await.status, 410);
    // A made-up token is the same.
    assert_eq!(accept(&app, &"ab".repeat(32), "eve", NEW).await.status, 410);
    assert_eq!(app.count("select count(*) from staff").await, 1);

    // `suoja staff invite` without [smtp] prints the link, which works.
    let (ok, out, err) = run(Command::new(bin())
        .args(["staff", "invite", "--config"])
        .arg(&app.config)
        .args([
            "--email",
            "third@example.org",
            "--service",
            SERVICE,
            "--lang",
            "en",
        ]));
    assert!(ok, "{out}{err}");
    let third = token_in(&out, "invite");
    assert_eq!(accept(&app, &third, "tove", NEW).await.status, 303);
    assert_eq!(Staff::new(&app).login("tove", NEW, "").await.status, 303);
}

#[tokio::test]
async fn an_admin_changes_roles_but_the_last_active_admin_stays() {
    let mut app = spawn_app().await;
    let pw = app
        .with_staff(&[("root", "admin", &[]), ("anna", "counsellor", &[SERVICE])])
        .await;
    let root = Staff::first_login(&app, "root", &pw[0]).await;
    let anna = Staff::first_login(&app, "anna", &pw[1]).await;
    let (root_id, anna_id) = (id_of(&app, "root").await, id_of(&app, "anna").await);
    assert_eq!(anna.get("/en/staff/people").await.status, 403);

    // The last admin cannot be made a counsellor or deactivated.
    let kept = act(&root, "role", &root_id, &[("role", "counsellor")]).await;
    assert_eq!(kept.location, "/en/staff/people?notice=last-admin");
    let kept = act(&root, "deactivate", &root_id, &[]).await;
    assert_eq!(kept.location, "/en/staff/people?notice=last-admin");
    let (ok, _, err) = run(Command::new(bin())
        .args(["staff", "role", "--config"])
        .arg(&app.config)
        .args(["--username", "root", "--role", "counsellor"]));
    assert!(!ok && err.contains("last active admin"), "{err}");
    let (ok, _, err) = run(Command::new(bin())
        .args(["staff", "deactivate", "--config"])
        .arg(&app.config)
        .args(["--username", "root"]));
    assert!(!ok && err.contains("last active admin"), "{err}");
    assert_eq!(
        app.count("select count(*) from staff where role = 'admin' and active = 1")
            .await,
        1
    );

    // Anna becomes an admin at once; then root may step down, and she may not.
    let made = act(&root, "role", &anna_id, &[("role", "admin")]).await;
    assert_eq!(made.location, "/en/staff/people?notice=role-changed");
    assert_eq!(anna.get("/en/staff/people").await.status, 200);
    let down = act(&root, "role", &root_id, &[("role", "counsellor")]).await;
    assert_eq!(down.location, "/en/staff/people?notice=role-changed");
    assert_eq!(root.get("/en/staff/people").await.status, 403);
    let kept = act(&anna, "role", &anna_id, &[("role", "counsellor")]).await;
    assert_eq!(kept.location, "/en/staff/people?notice=last-admin");
    assert_eq!(
        app.count("select count(*) from audit_log where action like 'role_%'")
            .await,
        2
    );
    // The audit log says who did it and to whom.
    let log = anna.get("/en/staff/audit?action=role_admin").await;
    assert!(
        log.body.contains("Made an administrator: anna"),
        "{}",
        log.body
    );
}

#[tokio::test]
async fn deactivation_ends_sessions_at_once_and_reactivation_lets_them_back() {
    let mut app = spawn_app().await;
    let pw = app
        .with_staff(&[
            ("root", "admin", &[SERVICE]),
            ("bea", "counsellor", &[SERVICE]),
        ])
        .await;
    let root = Staff::first_login(&app, "root", &pw[0]).await;
    let bea = Staff::first_login(&app, "bea", &pw[1]).await;
    app.submit_ok("the moss on the north wall").await;
    let bea_key = staff_key(&app, "bea", NEW_PASSWORD).await;
    let bea_id = id_of(&app, "bea").await;

    // Without the "I am sure" box ticked, neither a deactivation nor a
    // reset changes anything (the form requires the box; the server checks).
    let csrf = people_csrf(&root).await;
    for action in ["deactivate", "reset"] {
        let form = [("csrf", csrf.as_str()), ("staff", bea_id.as_str())];
        let unsure = root
            .post(&format!("/en/staff/people/{action}"), &form)
            .await;
        assert_eq!(
            unsure.location, "/en/staff/people?notice=not-confirmed",
            "{action}"
        );
    }
    assert_eq!(bea.get("/en/staff").await.status, 200, "still logged in");
    let page = root.get("/en/staff/people?notice=not-confirmed").await;
    assert!(
        page.body
            .contains("Nothing changed: tick “I am sure” to confirm.")
    );
    assert_eq!(
        page.body
            .matches(r#"name="confirm" value="yes" required"#)
            .count(),
        4
    );

    let off = act(&root, "deactivate", &bea_id, &[]).await;
    assert_eq!(off.location, "/en/staff/people?notice=deactivated");
    let gone = bea.get("/en/staff").await;
    assert_eq!(gone.status, 303);
    assert!(
        gone.location.starts_with("/en/staff/login"),
        "{}",
        gone.location
    );
    assert_eq!(
        Staff::new(&app).login("bea", NEW_PASSWORD, "").await.status,
        401
    );
    // Her key leaves the service: the job reseals without it.
    jobs_end(&app, 1).await;
    app.submit_ok("sent while she was away").await;
    for m in messages(&app).await {
        assert!(!age_opens(&app, &bea_key, &m.5), "her key still opens");
    }

    let on = act(&root, "reactivate", &bea_id, &[]).await;
    assert_eq!(on.location, "/en/staff/people?notice=reactivated");
    jobs_end(&app, 2).await;
    let back = Staff::new(&app);
    assert_eq!(back.login("bea", NEW_PASSWORD, "").await.status, 303);
    for m in messages(&app).await {
        assert!(age_opens(&app, &bea_key, &m.5), "resealed to her again");
    }
}

#[tokio::test]
async fn a_member_added_to_a_service_opens_its_older_cases_after_the_rotation_job() {
    let mut app = spawn_app().await;
    let pw = app
        .with_staff(&[
            ("root", "admin", &[SERVICE]),
            ("carl", "counsellor", &[OTHER_SERVICE]),
        ])
        .await;
    app.submit_ok("the lantern by the ferry").await;
    app.submit_ok("the second lantern").await;
    let root = Staff::first_login(&app, "root", &pw[0]).await;
    let carl = Staff::first_login(&app, "carl", &pw[1]).await;
    let carl_key = staff_key(&app, "carl", NEW_PASSWORD).await;
    assert!(
        messages(&app)
            .await
            .iter()
            .all(|m| !age_opens(&app, &carl_key, &m.5))
    );
    let carl_id = id_of(&app, "carl").await;
    let carl_csrf = carl.csrf().await;
    let refused = carl
        .post(
            "/en/staff/people/service",
            &[
                ("csrf", &carl_csrf),
                ("staff", &carl_id),
                ("service", SERVICE),
            ],
        )
        .await;
    assert_eq!(refused.status, 403, "a counsellor may not");

    let added = act(&root, "service", &carl_id, &[("service", SERVICE)]).await;
    assert_eq!(added.location, "/en/staff/people?notice=added");
    jobs_end(&app, 1).await;
    for m in messages(&app).await {
        assert!(age_opens(&app, &carl_key, &m.5), "resealed to Carl");
    }
    let case = carl.newest_case().await;
    let page = carl.get(&format!("/en/staff/cases/{case}")).await;
    assert!(page.body.contains("lantern"), "{}", page.body);
    assert_eq!(
        app.count("select count(*) from audit_log where action = 'membership_added'")
            .await,
        1
    );
}

#[tokio::test]
async fn a_password_reset_by_mailed_link_ends_sessions_and_gives_a_new_key() {
    let smtp = SmtpServer::start().await;
    let mut app = spawn_with(Options {
        smtp_port: Some(smtp.port),
        ..Options::default()
    })
    .await;
    let pw = app
        .with_staff(&[
            ("root", "admin", &[SERVICE]),
            ("dana", "counsellor", &[SERVICE]),
        ])
        .await;
    set_email(&app, "dana", "dana@staff-mail.example").await;
    app.submit_ok("the heron at the weir").await;
    let root = Staff::first_login(&app, "root", &pw[0]).await;
    let dana = Staff::first_login(&app, "dana", &pw[1]).await;
    let old_key = app.path("dana-old.key");
    std::fs::rename(staff_key(&app, "dana", NEW_PASSWORD).await, &old_key).unwrap();
    let dana_id = id_of(&app, "dana").await;

    let reset = act(&root, "reset", &dana_id, &[]).await;
    assert_eq!(reset.location, "/en/staff/people?notice=reset-mailed");
    // Her session ended at once, and the old password no longer works.
    let gone = dana.get("/en/staff").await;
    assert!(
        gone.location.starts_with("/en/staff/login"),
        "{}",
        gone.location
    );
    assert_eq!(
        Staff::new(&app)
            .login("dana", NEW_PASSWORD, "")
            .await
            .status,
        401
    );
    let mail = link_mail(&smtp, "new password").await;
    assert_eq!(mail.to, "dana@staff-mail.example");
    let token = token_in(&mail.body, "reset");
    for absent in ["dana", "Dana", "root", "helpline", "@"] {
        assert!(!mail.body.contains(absent), "the mail holds {absent:?}");
    }

    let browser = Staff::new(&app);
    let form = browser.get(&format!("/en/staff/reset?token={token}")).await;
    assert_eq!(form.status, 200);
    let short = browser
        .post(
            "/en/staff/reset",
            &[
                ("token", &token),
                ("password", "short"),
                ("repeat", "short"),
            ],
        )
        .await;
    assert_eq!(short.status, 422);
    let done = browser
        .post(
            "/en/staff/reset",
            &[("token", &token), ("password", NEW), ("repeat", NEW)],
        )
        .await;
    assert_eq!(done.status, 200, "{}", done.body);
    assert!(done.body.contains("new key"), "{}", done.body);
    let again = browser
        .post(
            "/en/staff/reset",
            &[("token", &token), ("password", NEW), ("repeat", NEW)],
        )
        .await;
    assert_eq!(again.status, 410);

    assert_eq!(
        Staff::new(&app)
            .login("dana", NEW_PASSWORD, "")
            .await
            .status,
        401
    );
    let back = Staff::new(&app);
    assert_eq!(back.login("dana", NEW, "").await.status, 303);
    // Root is logged in here: the jobs reseal without the old key and with
    // the new one.
    jobs_end(&app, 2).await;
    let new_key = staff_key(&app, "dana", NEW).await;
    for m in messages(&app).await {
        assert!(!age_opens(&app, &old_key, &m.5), "the old key still opens");
        assert!(age_opens(&app, &new_key, &m.5), "the new key does not open");
    }
    let case = back.newest_case().await;
    let page = back.get(&format!("/en/staff/cases/{case}")).await;
    assert!(page.body.contains("the heron at the weir"));
    for action in ["reset_started", "reset_done"] {
        let pool = app.pool().await;
        let (n,): (i64,) = sqlx::query_as("select count(*) from audit_log where action = $1")
            .bind(action)
            .fetch_one(&pool)
            .await
            .unwrap();
        pool.close().await;
        assert_eq!(n, 1, "{action}");
    }
}

#[tokio::test]
async fn without_mail_a_reset_shows_a_one_time_password_once() {
    let mut app = spawn_app().await;
    let pw = app
        .with_staff(&[("root", "admin", &[]), ("erik", "counsellor", &[SERVICE])])
        .await;
    let root = Staff::first_login(&app, "root", &pw[0]).await;
    let erik = Staff::first_login(&app, "erik", &pw[1]).await;
    let erik_id = id_of(&app, "erik").await;
    let reset = act(&root, "reset", &erik_id, &[]).await;
    assert_eq!(reset.status, 200);
    let one_time = between(&reset.body, r#"<code class="code wrap">"#, "<").unwrap();
    assert_eq!(one_time.len(), 20);
    assert!(!root.get("/en/staff/people").await.body.contains(&one_time));
    assert!(
        erik.get("/en/staff")
            .await
            .location
            .starts_with("/en/staff/login")
    );
    assert_eq!(
        Staff::new(&app)
            .login("erik", NEW_PASSWORD, "")
            .await
            .status,
        401
    );
    Staff::first_login(&app, "erik", &one_time).await;

    // The command line does the same and prints it.
    let (ok, out, err) = run(Command::new(bin())
        .args(["staff", "reset", "--config"])
        .arg(&app.config)
        .args(["--username", "erik"]));
    assert!(ok, "{out}{err}");
    let printed = between(&out, "one-time password for erik: ", "\n").unwrap();
    assert_eq!(
        Staff::new(&app)
            .login("erik", NEW_PASSWORD, "")
            .await
            .status,
        401
    );
    Staff::first_login(&app, "erik", &printed).await;
}

/// Every control on an HTML page: each `<input>` (but hidden ones) and
/// `<select>` has an id that a `<label for>` names.
fn unlabelled(body: &str) -> Vec<String> {
    let mut missing = vec![];
    for tag in ["<input ", "<select "] {
        for (at, _) in body.match_indices(tag) {
            let rest = &body[at..];
            let element = &rest[..rest.find('>').unwrap()];
            if element.contains(r#"type="hidden""#) {
                continue;
            }
            let id = between(element, r#"id=""#, "\"").unwrap_or_default();
            if id.is_empty() || !body.contains(&format!(r#"<label for="{id}">"#)) {
                missing.push(element.to_owned());
            }
        }
    }
    missing
}

#[tokio::test]
async fn the_people_and_link_pages_are_translated_and_every_field_has_a_label() {
    let mut app = spawn_app().await;
    let pw = app
        .with_staff(&[("root", "admin", &[SERVICE]), ("anna", "counsellor", &[])])
        .await;
    let root = Staff::first_login(&app, "root", &pw[0]).await;
    let shown = invite(&root, "someone@example.org", "counsellor", &[SERVICE]).await;
    let token = token_in(&shown.body, "invite");
    let browser = Staff::new(&app);
    for lang in ["fi", "sv", "en"] {
        let pages = [
            (root.get(&format!("/{lang}/staff/people")).await, 200),
            (
                browser
                    .get(&format!("/{lang}/staff/invite?token={token}"))
                    .await,
                200,
            ),
            (
                browser
                    .get(&format!("/{lang}/staff/reset?token={token}"))
                    .await,
                410,
            ),
        ];
        for (page, status) in pages {
            assert_eq!(page.status, status, "{lang}: {}", page.body);
            assert!(
                page.body.contains(&format!(r#"<html lang="{lang}">"#)),
                "{lang}"
            );
            for id in ["people-", "link-", "setup-", "staff-"] {
                assert!(
                    !page.body.contains(&format!(">{id}"))
                        && !page.body.contains(&format!("label=\"{id}")),
                    "{lang}: an untranslated {id}… id:\n{}",
                    page.body
                );
            }
            assert!(
                unlabelled(&page.body).is_empty(),
                "{lang}: {:?}",
                unlabelled(&page.body)
            );
            assert!(!page.body.contains("<script"), "no script");
        }
    }
}
