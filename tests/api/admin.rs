//! Admins: the first-run link that makes the first administrator, and the
//! audit log page.

use std::time::{Duration, Instant};

use crate::helpers::*;
use crate::staff_helpers::*;

const ADMIN_PASSWORD: &str = "a long and quite unguessable admin phrase";

/// Waits for the first-run link on the server's output; its token.
async fn setup_token(app: &TestApp) -> String {
    let started = Instant::now();
    loop {
        let logs = app.logs();
        if let Some(token) = between(&logs, "/en/staff/setup?token=", "\n") {
            return token;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "no first-run link printed:\n{logs}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn setup_form<'a>(token: &'a str, username: &'a str, password: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("token", token),
        ("username", username),
        ("name", "Aino Admin"),
        ("email", ""),
        ("password", password),
        ("repeat", password),
    ]
}

#[tokio::test]
async fn first_run_link_makes_one_admin_once() {
    let mut app = spawn_app().await;
    let token = setup_token(&app).await;
    let browser = Staff::new(&app);

    // A wrong token and a missing one get nowhere.
    for query in ["?token=0123", ""] {
        let page = browser.get(&format!("/en/staff/setup{query}")).await;
        assert_eq!(page.status, 303);
        assert_eq!(page.location, "/en/staff/login?notice=setup-closed");
    }
    let wrong = browser
        .post(
            "/fi/staff/setup",
            &setup_form("0123", "aino", ADMIN_PASSWORD),
        )
        .await;
    assert_eq!(wrong.location, "/fi/staff/login?notice=setup-closed");

    // The form, in each language.
    for lang in ["fi", "sv", "en"] {
        let page = browser
            .get(&format!("/{lang}/staff/setup?token={token}"))
            .await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains(&format!(r#"<html lang="{lang}">"#)));
        assert!(
            page.body
                .contains(&format!(r#"name="token" value="{token}""#))
        );
    }

    // Bad input: the page says what is wrong and keeps what was typed; the
    // link keeps working.
    let mut bad = setup_form(&token, "Aino Admin!", "short");
    bad[2] = ("name", "Aino <b>Admin</b>");
    let refused = browser.post("/sv/staff/setup", &bad).await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(
        refused.body.contains("Välj ett användarnamn"),
        "{}",
        refused.body
    );
    assert!(refused.body.contains("för kort"), "{}", refused.body);
    assert!(refused.body.contains(r#"value="Aino Admin!""#));
    assert!(
        refused.body.contains("Aino &#60;b&#62;Admin&#60;/b&#62;"),
        "escaped"
    );

    let made = browser
        .post(
            "/en/staff/setup",
            &setup_form(&token, "aino", ADMIN_PASSWORD),
        )
        .await;
    assert_eq!(made.status, 303, "{}", made.body);
    assert_eq!(made.location, "/en/staff/login?notice=setup-done");

    // The link is spent.
    let again = browser
        .post(
            "/en/staff/setup",
            &setup_form(&token, "eino", ADMIN_PASSWORD),
        )
        .await;
    assert_eq!(again.location, "/en/staff/login?notice=setup-closed");
    let page = browser.get(&format!("/en/staff/setup?token={token}")).await;
    assert_eq!(page.status, 303);

    // The admin logs in with the password they chose (no forced change) and
    // sees the audit log, which starts with their own setup.
    let admin = Staff::new(&app);
    let login = admin.login("aino", ADMIN_PASSWORD, "").await;
    assert_eq!(login.status, 303, "{}", login.body);
    assert_eq!(login.location, "/en/staff");
    let audit = admin.get("/en/staff/audit").await;
    assert_eq!(audit.status, 200, "{}", audit.body);
    assert!(audit.body.contains("Created the first administrator"));
    assert!(audit.body.contains("Logged in"));
    assert_eq!(
        app.count("select count(*) from staff where role = 'admin'")
            .await,
        1
    );

    // With an admin in the database, a restart prints no link.
    app.stop().await;
    let before = app.logs().matches("first run").count();
    app.start().await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(app.logs().matches("first run").count(), before);
    assert!(
        !app.logs().contains(ADMIN_PASSWORD),
        "the chosen password is never printed"
    );
}

#[tokio::test]
async fn an_admin_made_on_the_command_line_closes_the_link() {
    let app = spawn_app().await;
    let token = setup_token(&app).await;
    app.add_staff("cli-admin", "admin", &[]);
    let browser = Staff::new(&app);
    let late = browser
        .post(
            "/en/staff/setup",
            &setup_form(&token, "aino", ADMIN_PASSWORD),
        )
        .await;
    assert_eq!(late.location, "/en/staff/login?notice=setup-closed");
    assert_eq!(
        app.count("select count(*) from staff where role = 'admin'")
            .await,
        1
    );
}

#[tokio::test]
async fn audit_log_is_for_admins_and_filters() {
    let mut app = spawn_app().await;
    let passwords = app
        .with_staff(&[("boss", "admin", &[]), ("aada", "counsellor", &[SERVICE])])
        .await;
    let admin = Staff::first_login(&app, "boss", &passwords[0]).await;
    let counsellor = Staff::first_login(&app, "aada", &passwords[1]).await;
    let failed = Staff::new(&app).login("aada", "not her password", "").await;
    assert_eq!(failed.status, 401, "{}", failed.body);

    // A counsellor gets the same answer as for a page that is not there.
    let refused = counsellor.get("/en/staff/audit").await;
    assert_eq!(refused.status, 403);
    assert!(
        !counsellor
            .get("/en/staff")
            .await
            .body
            .contains("/staff/audit")
    );
    assert!(
        admin
            .get("/en/staff")
            .await
            .body
            .contains("/en/staff/audit")
    );

    // The failed login is written after the answer: wait for it.
    let started = Instant::now();
    let page = loop {
        let page = admin.get("/fi/staff/audit?action=login_failed").await;
        if page.body.contains("Epäonnistunut kirjautuminen</td>")
            || started.elapsed() > Duration::from_secs(5)
        {
            break page;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("<td data-label=\"Henkilö\">aada</td>"),
        "{}",
        page.body
    );
    assert!(
        !page.body.contains("Kirjautui sisään</td>"),
        "filtered to failed logins"
    );

    let aada_id = between(&page.body, r#"<option value=""#, r#"">aada<"#)
        .and_then(|s| s.rsplit('"').next().map(str::to_owned))
        .expect("aada in the person filter");
    let hers = admin
        .get(&format!(
            "/en/staff/audit?staff={aada_id}&action=password_change"
        ))
        .await;
    assert!(hers.body.contains("Changed password</td>"), "{}", hers.body);
    assert!(!hers.body.contains(">boss</td>"), "only her entries");

    // Days: today finds entries, a day long past none, and a bad day says so.
    let today = jiff::Timestamp::now().strftime("%Y-%m-%d").to_string();
    let now = admin
        .get(&format!("/en/staff/audit?from={today}&to={today}"))
        .await;
    assert!(now.body.contains("Logged in</td>"));
    let past = admin.get("/en/staff/audit?to=2001-01-01").await;
    assert!(past.body.contains("No entries match."));
    let bad = admin.get("/sv/staff/audit?from=yesterday").await;
    assert_eq!(bad.status, 422);
    assert!(
        bad.body.contains("Startdagen är inte ett datum"),
        "{}",
        bad.body
    );
    assert!(
        bad.body.contains(r#"value="yesterday""#),
        "what was typed stays"
    );
}
