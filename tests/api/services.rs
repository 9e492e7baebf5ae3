//! Services in the database: admins create, edit and retire them on the web
//! and with `suoja service`; clients see the change at once on the instance
//! that made it, and within seconds on the others; what clients write to a
//! new service opens with its recipients' keys (the reference `age` CLI).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use secrecy::ExposeSecret;

use crate::helpers::*;
use crate::rotation::{age_opens, jobs_end};
use crate::staff_helpers::*;

const NEW: &str = "night-line";

/// A new age identity in `file` under the app's folder; its recipient.
fn new_key(app: &TestApp, file: &str) -> (PathBuf, String) {
    let identity = age::x25519::Identity::generate();
    let path = app.path(file);
    std::fs::write(&path, format!("{}\n", identity.to_string().expose_secret())).unwrap();
    (path, identity.to_public().to_string())
}

/// A filled-in form for the night line, sealed to `recipient`.
fn night_line<'a>(csrf: &'a str, recipients: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("csrf", csrf),
        ("slug", NEW),
        ("name_fi", "Yölinja"),
        ("name_sv", "Nattlinjen"),
        ("name_en", "Night line"),
        ("description_fi", "Kirjoita meille yöllä."),
        ("description_sv", "Skriv till oss på natten."),
        ("description_en", "Write to us at night."),
        ("topics", "general\nsleep | Uni | Sömn | Sleep"),
        ("time_zone", "Europe/Stockholm"),
        ("retention_days", "90"),
        ("closed_retention_days", "20"),
        ("phone", ""),
        ("recipients", recipients),
    ]
}

/// An admin (of no service) logged in, on a fresh app.
async fn app_with_admin() -> (TestApp, Staff) {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[("boss", "admin", &[])]).await;
    let boss = Staff::first_login(&app, "boss", &pw[0]).await;
    (app, boss)
}

async fn create(boss: &Staff, lang: &str, form: &[(&str, &str)]) -> Answer {
    boss.post(&format!("/{lang}/staff/services/new"), form)
        .await
}

/// Waits until `path` on `app` holds `text`.
async fn shows(app: &TestApp, path: &str, text: &str) {
    let started = Instant::now();
    loop {
        let (_, body) = app.get(path).await;
        if body.contains(text) {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "{path} never showed {text:?}:\n{body}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn submit_night(app: &TestApp, message: &str) -> String {
    let (status, body) = app
        .submit(
            "sv",
            NEW,
            &[("topic", "sleep"), ("message", message), ("way", "none")],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    receipt_in(&body)
}

#[tokio::test]
async fn a_service_made_on_the_web_is_offered_in_three_languages_and_sealed_to_its_keys() {
    let (app, boss) = app_with_admin().await;
    let (key, recipient) = new_key(&app, "night.key");
    let page = boss.get("/en/staff/services/new").await;
    assert_eq!(page.status, 200, "{}", page.location);
    let pasted = format!("# night counsellors\n{recipient}\n");
    let made = create(&boss, "en", &night_line(&csrf_in(&page.body), &pasted)).await;
    assert_eq!(made.status, 303, "{}", made.body);
    assert_eq!(made.location, "/en/staff/services?notice=created");

    for (lang, name, description) in [
        ("fi", "Yölinja", "Kirjoita meille yöllä."),
        ("sv", "Nattlinjen", "Skriv till oss på natten."),
        ("en", "Night line", "Write to us at night."),
    ] {
        let (status, landing) = app.get(&format!("/{lang}/")).await;
        assert_eq!(status, 200);
        assert!(landing.contains(name), "{lang}: {landing}");
        assert!(landing.contains(description), "{lang}: {landing}");
        let (status, form) = app.get(&format!("/{lang}/services/{NEW}")).await;
        assert_eq!(status, 200);
        assert!(form.contains(
            ["Uni", "Sömn", "Sleep"][["fi", "sv", "en"].iter().position(|l| *l == lang).unwrap()]
        ));
    }

    submit_night(&app, "a request to the night line").await;
    let sealed = app.sealed_messages().await.pop().unwrap();
    assert!(age_opens(&app, &key, &sealed), "its own key opens it");
    assert!(age_opens(&app, &app.path("recovery.key"), &sealed));
    assert!(
        !age_opens(&app, &app.path("counsellor.key"), &sealed),
        "another service's key does not"
    );
    let list = boss.get(&made.location).await;
    assert!(
        list.body.contains("The service was created"),
        "{}",
        list.body
    );
    assert!(list.body.contains(NEW) && list.body.contains("one key"));
    assert_eq!(
        app.count("select count(*) from audit_log where action = 'service_created'")
            .await,
        1
    );
    let audit = boss.get("/en/staff/audit").await;
    assert!(audit.body.contains("Created a service"), "{}", audit.body);
}

#[tokio::test]
async fn an_edit_shows_at_once_and_outlives_a_restart_until_the_config_entry_changes() {
    let (mut app, boss) = app_with_admin().await;
    let page = boss.get(&format!("/en/staff/services/{SERVICE}")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Tukilinja"), "filled in from the config");
    let mut form = form_of(&page.body);
    set(&mut form, "name_en", "Listening line");
    set(&mut form, "time_zone", "Europe/Stockholm");
    set(&mut form, "slug", "renamed");
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let saved = boss
        .post(&format!("/en/staff/services/{SERVICE}"), &fields)
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let (_, landing) = app.get("/en/").await;
    assert!(landing.contains("Listening line") && !landing.contains("Support line"));
    assert!(
        app.get("/en/services/renamed").await.0 == 404,
        "the slug is fixed"
    );
    crate::booking::insert_slot(&app, 30, 1).await;
    let (_, booking) = app.get(&format!("/en/services/{SERVICE}/book")).await;
    assert!(booking.contains("local time (Stockholm)"), "{booking}");

    // The config's entry, unchanged, does not undo the edit at start...
    app.stop().await;
    app.start().await;
    let (_, landing) = app.get("/en/").await;
    assert!(landing.contains("Listening line"), "{landing}");
    // ...but an entry changed in the file since is applied.
    app.stop().await;
    let text = std::fs::read_to_string(&app.config).unwrap().replacen(
        &format!("slug = \"{SERVICE}\"\n"),
        &format!("slug = \"{SERVICE}\"\nphone = \"+358 9 555 0101\"\n"),
        1,
    );
    std::fs::write(&app.config, text).unwrap();
    app.start().await;
    let (_, landing) = app.get("/en/").await;
    assert!(landing.contains("Support line"), "{landing}");
    assert_eq!(
        app.count("select count(*) from audit_log where action = 'service_updated'")
            .await,
        1
    );
}

/// The named inputs and text areas of the form in a page's main part, with
/// their values as shown (what an admin's browser would send back).
pub(crate) fn form_of(body: &str) -> Vec<(String, String)> {
    let main = between(body, "<main", "</main>").expect("a main part");
    let mut fields = vec![];
    for tag in main.split('<').skip(1) {
        let Some(name) = between(tag, "name=\"", "\"") else {
            continue;
        };
        let value = if tag.starts_with("textarea") {
            tag.split_once('>').map(|(_, v)| v.to_owned())
        } else if tag.starts_with("input") {
            between(tag, "value=\"", "\"")
        } else {
            None
        };
        fields.push((name, unescape(&value.unwrap_or_default())));
    }
    fields
}

fn unescape(text: &str) -> String {
    text.replace("&#x2f;", "/")
        .replace("&#47;", "/")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

pub(crate) fn set(form: &mut Vec<(String, String)>, name: &str, value: &str) {
    form.retain(|(k, _)| k != name);
    form.push((name.to_owned(), value.to_owned()));
}

#[tokio::test]
async fn bad_input_comes_back_in_the_admins_language_with_everything_typed() {
    let (app, boss) = app_with_admin().await;
    let csrf = boss.csrf().await;
    let mut form = night_line(&csrf, "age1notakey");
    form.retain(|(k, _)| !["time_zone", "closed_retention_days", "name_sv"].contains(k));
    form.extend([
        ("time_zone", "Europe/Atlantis"),
        ("closed_retention_days", "120"),
        ("name_sv", ""),
    ]);
    let refused = create(&boss, "fi", &form).await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    for message in [
        "Tätä aikavyöhykettä ei tunneta",
        "Suljettuja asioita ei voi säilyttää pidempään",
        "Anna nimi jokaisella kielellä",
        "Jokin rivi ei ole age X25519 -vastaanottaja",
    ] {
        assert!(
            refused.body.contains(message),
            "{message}: {}",
            refused.body
        );
    }
    assert!(refused.body.contains(r#"aria-invalid="true""#));
    for typed in [
        "Yölinja",
        "Kirjoita meille yöllä.",
        "Atlantis",
        "age1notakey",
        "sleep | Uni | Sömn | Sleep",
    ] {
        assert!(
            refused.body.contains(typed),
            "{typed} kept: {}",
            refused.body
        );
    }
    // The same address twice: the second is refused, the first kept.
    let (_, recipient) = new_key(&app, "night.key");
    assert_eq!(
        create(&boss, "sv", &night_line(&csrf, &recipient))
            .await
            .status,
        303
    );
    let again = create(&boss, "sv", &night_line(&csrf, &recipient)).await;
    assert_eq!(again.status, 422);
    assert!(
        again
            .body
            .contains("Det finns redan en tjänst med den här adressen")
    );
    assert_eq!(app.count("select count(*) from services").await, 3);
}

#[tokio::test]
async fn a_counsellor_is_refused_every_service_page_and_changes_nothing() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[("anna", "counsellor", &[SERVICE])]).await;
    let anna = Staff::first_login(&app, "anna", &pw[0]).await;
    let csrf = anna.csrf().await;
    let (_, recipient) = new_key(&app, "night.key");
    for path in [
        "/en/staff/services".to_owned(),
        "/en/staff/services/new".to_owned(),
        format!("/en/staff/services/{SERVICE}"),
    ] {
        assert_eq!(anna.get(&path).await.status, 403, "{path}");
    }
    let form = night_line(&csrf, &recipient);
    for path in [
        "/en/staff/services/new".to_owned(),
        format!("/en/staff/services/{SERVICE}"),
    ] {
        assert_eq!(anna.post(&path, &form).await.status, 403, "{path}");
    }
    let retire = [("csrf", csrf.as_str()), ("retired", "1")];
    let path = format!("/en/staff/services/{SERVICE}/retire");
    assert_eq!(anna.post(&path, &retire).await.status, 403);
    assert_eq!(app.count("select count(*) from services").await, 2);
    assert_eq!(
        app.count("select count(*) from services where revision > 1")
            .await,
        0
    );
    let (_, landing) = app.get("/en/").await;
    assert!(landing.contains("Support line"));
}

#[tokio::test]
async fn a_retired_service_is_hidden_from_clients_and_its_cases_stay() {
    let (app, boss) = app_with_admin().await;
    app.submit_ok("written before the line closed").await;
    let csrf = boss.csrf().await;
    let path = format!("/en/staff/services/{SERVICE}/retire");
    // Not without the "I am sure" box ticked.
    let unsure = boss.post(&path, &[("csrf", &csrf), ("retired", "1")]).await;
    assert_eq!(unsure.location, "/en/staff/services?notice=not-confirmed");
    assert_eq!(app.get(&format!("/en/services/{SERVICE}")).await.0, 200);
    let sure = [
        ("csrf", csrf.as_str()),
        ("retired", "1"),
        ("confirm", "yes"),
    ];
    let retired = boss.post(&path, &sure).await;
    assert_eq!(retired.status, 303);
    let (_, landing) = app.get("/fi/").await;
    assert!(!landing.contains("Tukilinja") && landing.contains("Sateenkaarilinja"));
    assert_eq!(app.get(&format!("/en/services/{SERVICE}")).await.0, 404);
    assert_eq!(
        app.get(&format!("/en/services/{SERVICE}/book")).await.0,
        404
    );
    assert_eq!(app.count("select count(*) from cases").await, 1);
    let list = boss.get("/en/staff/services").await;
    assert!(
        list.body.contains("Open Support line again"),
        "{}",
        list.body
    );
    // Under the services, the client languages and how far each has come.
    let languages = list.body.split(r#"<tr class="language">"#).skip(1);
    assert_eq!(languages.count(), 11);
    assert!(
        list.body
            .contains(r#"<th scope="row" lang="ar" dir="rtl">العربية</th>"#)
    );
    assert!(
        list.body
            .contains("<td data-label=\"Status\">Reviewed</td>")
    );
    let back = boss.post(&path, &[("csrf", &csrf), ("retired", "0")]).await;
    assert_eq!(back.status, 303);
    shows(&app, "/fi/", "Tukilinja").await;
    assert_eq!(
        app.count(
            "select count(*) from audit_log where action in ('service_retired', 'service_restored')"
        )
        .await,
        2
    );
}

#[tokio::test]
async fn new_recipients_start_a_rotation_that_moves_earlier_items_to_the_new_set() {
    let mut app = spawn_app().await;
    let pw = app
        .with_staff(&[("anna", "counsellor", &[SERVICE]), ("boss", "admin", &[])])
        .await;
    app.submit_ok("sealed to the first key").await;
    // Anna, logged in, holds a key that opens the earlier item.
    let _anna = Staff::first_login(&app, "anna", &pw[0]).await;
    let boss = Staff::first_login(&app, "boss", &pw[1]).await;
    let (key, recipient) = new_key(&app, "new-counsellors.key");
    let page = boss.get(&format!("/en/staff/services/{SERVICE}")).await;
    assert!(
        page.body.contains("a rotation job starts"),
        "said on the page"
    );
    let mut form = form_of(&page.body);
    set(&mut form, "recipients", &recipient);
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let saved = boss
        .post(&format!("/en/staff/services/{SERVICE}"), &fields)
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(saved.location, "/en/staff/rotation");
    jobs_end(&app, 1).await;
    let jobs = boss.get("/en/staff/rotation").await;
    assert!(
        jobs.body.contains("The service&#39;s keys changed") || jobs.body.contains("keys changed"),
        "{}",
        jobs.body
    );
    app.submit_ok("sealed to the new key").await;
    for sealed in app.sealed_messages().await {
        assert!(age_opens(&app, &key, &sealed));
        assert!(!age_opens(&app, &app.path("counsellor.key"), &sealed));
    }
}

fn service_cli(app: &TestApp, args: &[&str]) -> (bool, String, String) {
    run(Command::new(bin())
        .args(["service"])
        .args(args)
        .arg("--config")
        .arg(&app.config))
}

fn recipients_file(app: &TestApp, name: &str, recipient: &str) -> PathBuf {
    let path = app.path(name);
    std::fs::write(&path, format!("# from age-keygen\n\n{recipient}\n")).unwrap();
    path
}

fn path_str(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[tokio::test]
async fn the_command_line_creates_edits_lists_and_retires_and_a_running_server_follows() {
    let app = spawn_app().await;
    let (key, recipient) = new_key(&app, "night.key");
    let file = recipients_file(&app, "night.txt", &recipient);
    let base = [
        "--name-fi",
        "Yölinja",
        "--name-sv",
        "Nattlinjen",
        "--name-en",
        "Night line",
        "--description-fi",
        "Kirjoita yöllä.",
        "--description-sv",
        "Skriv på natten.",
        "--description-en",
        "Write at night.",
        "--topic",
        "general",
        "--topic",
        "sleep|Uni|Sömn|Sleep",
    ];
    let mut bad = vec!["create", "--slug", NEW, "--time-zone", "Mars/Olympus"];
    bad.extend(base);
    let (ok, _, err) = service_cli(&app, &bad);
    assert!(!ok);
    assert!(
        err.contains("--time-zone: This is not a time zone we know"),
        "{err}"
    );
    let (ok, _, err) = service_cli(
        &app,
        &[
            "create",
            "--slug",
            NEW,
            "--recipients-file",
            "/nonexistent/keys.txt",
        ],
    );
    assert!(!ok && err.contains("/nonexistent/keys.txt"), "{err}");

    let mut good = vec![
        "create",
        "--slug",
        NEW,
        "--recipients-file",
        path_str(&file),
    ];
    good.extend(base);
    let (ok, out, err) = service_cli(&app, &good);
    assert!(ok, "{out}{err}");
    let (ok, again, _) = service_cli(&app, &good);
    assert!(!ok, "{again}");
    // The running server picks the new service up within its reload.
    shows(&app, "/sv/", "Nattlinjen").await;
    submit_night(&app, "to the line made on the command line").await;
    let sealed = app.sealed_messages().await.pop().unwrap();
    assert!(age_opens(&app, &key, &sealed));

    let (ok, out, err) = service_cli(
        &app,
        &[
            "edit",
            "--slug",
            NEW,
            "--name-en",
            "Late line",
            "--phone",
            "+358 9 555 0199",
        ],
    );
    assert!(ok, "{out}{err}");
    shows(&app, "/en/", "Late line").await;
    // The other client languages: a name, and the languages it answers in.
    let (ok, _, err) = service_cli(&app, &["edit", "--slug", NEW, "--name", "de=Nachtlinie"]);
    assert!(!ok && err.contains("--name: `de` is not one of"), "{err}");
    let (ok, _, err) = service_cli(&app, &["edit", "--slug", NEW, "--answers-in", "fi xx"]);
    assert!(!ok && err.contains("--answers-in: `xx`"), "{err}");
    let (ok, out, err) = service_cli(
        &app,
        &[
            "edit",
            "--slug",
            NEW,
            "--name",
            "ar=الخط الليلي",
            "--description",
            "ar=اكتب في الليل.",
            "--answers-in",
            "fi ar",
        ],
    );
    assert!(ok, "{out}{err}");
    shows(&app, "/ar/", "الخط الليلي").await;
    let pool = app.pool().await;
    let stored: String = sqlx::query_scalar("select answers_in from services where slug = $1")
        .bind(NEW)
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    assert_eq!(stored, "fi ar");
    let (ok, out, _) = service_cli(&app, &["list"]);
    assert!(ok);
    let line = out.lines().find(|l| l.starts_with(NEW)).unwrap();
    assert!(
        line.contains("Late line") && line.contains("1 recipients") && line.contains("open"),
        "{out}"
    );
    assert!(out.lines().any(|l| l.starts_with(SERVICE)), "{out}");

    let (ok, out, err) = service_cli(&app, &["retire", "--slug", NEW]);
    assert!(ok, "{out}{err}");
    let started = Instant::now();
    while app.get(&format!("/en/services/{NEW}")).await.0 != 404 {
        assert!(started.elapsed() < Duration::from_secs(15), "never retired");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let (ok, _, err) = service_cli(&app, &["edit", "--slug", "no-such-line", "--name-en", "x"]);
    assert!(!ok && err.contains("no service `no-such-line`"), "{err}");
    assert_eq!(
        app.count(
            "select count(*) from audit_log where staff_id = 'cli' and action like 'service_%'"
        )
        .await,
        4
    );
}

#[tokio::test]
async fn an_edit_on_one_instance_reaches_the_other_within_seconds() {
    let (first, boss) = app_with_admin().await;
    let second = first.another_instance().await;
    let (key, recipient) = new_key(&first, "night.key");
    let csrf = boss.csrf().await;
    assert_eq!(
        create(&boss, "en", &night_line(&csrf, &recipient))
            .await
            .status,
        303
    );
    shows(&second, "/en/", "Night line").await;
    // A request through the other instance is sealed to the new key.
    submit_night(&second, "through the second instance").await;
    let sealed = second.sealed_messages().await.pop().unwrap();
    assert!(age_opens(&second, &key, &sealed));
    let page = boss.get(&format!("/en/staff/services/{NEW}")).await;
    let mut form = form_of(&page.body);
    set(&mut form, "name_en", "Moonlight line");
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(
        boss.post(&format!("/en/staff/services/{NEW}"), &fields)
            .await
            .status,
        303
    );
    shows(&second, "/en/", "Moonlight line").await;
}
