//! The languages of a service, over real HTTP: names and descriptions an
//! admin gives in the client languages (each fallback marked with its own
//! `lang`), the languages a service answers in (told before writing), and
//! the client's language sealed into what they send, seen by counsellors
//! and never stored in the clear.

use sqlx::{Column, Row};

use crate::helpers::*;
use crate::phone::slot_around_now;
use crate::staff_helpers::*;

const NIGHT: &str = "night-line";
const ANNA: (&str, &str, &[&str]) = ("anna", "counsellor", &[SERVICE]);

/// The night line with an Arabic name and description, answering in
/// Finnish and Arabic; sealed to the recovery key only.
fn night_line(csrf: &str) -> Vec<(&str, &str)> {
    vec![
        ("csrf", csrf),
        ("slug", NIGHT),
        ("name_fi", "Yölinja"),
        ("name_sv", "Nattlinjen"),
        ("name_en", "Night line"),
        ("description_fi", "Kirjoita meille yöllä."),
        ("description_sv", "Skriv till oss på natten."),
        ("description_en", "Write to us at night."),
        ("name_ar", "خط الليل"),
        ("description_ar", "اكتب لنا في الليل."),
        ("answers_fi", "yes"),
        ("answers_ar", "yes"),
        ("topics", "general"),
        ("time_zone", "Europe/Helsinki"),
        ("retention_days", "90"),
        ("closed_retention_days", "20"),
        ("recipients", ""),
    ]
}

async fn app_with_night_line() -> TestApp {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[("boss", "admin", &[])]).await;
    let boss = Staff::first_login(&app, "boss", &pw[0]).await;
    let csrf = csrf_in(&boss.get("/en/staff/services/new").await.body);
    let made = boss
        .post("/en/staff/services/new", &night_line(&csrf))
        .await;
    assert_eq!(made.status, 303, "{}", made.body);
    // The edit form gives back what was stored.
    let edit = boss.get(&format!("/en/staff/services/{NIGHT}")).await.body;
    assert!(edit.contains(r#"value="خط الليل""#), "{edit}");
    assert!(edit.contains(r#"lang="ar""#) && edit.contains(r#"dir="rtl""#));
    assert!(edit.contains(r#"name="answers_ar" value="yes" checked"#));
    assert!(!edit.contains(r#"name="answers_sv" value="yes" checked"#));
    app
}

#[tokio::test]
async fn a_name_given_in_arabic_is_shown_unmarked_and_a_missing_one_falls_back_marked() {
    let app = app_with_night_line().await;
    let (_, ar) = app.get("/ar/").await;
    assert!(
        ar.contains(r#"<a href="/ar/services/night-line">خط الليل</a>"#),
        "{ar}"
    );
    assert!(ar.contains("<p>اكتب لنا في الليل.</p>"));
    assert!(ar.contains(r#"lang="en">Support line</a>"#));
    let (_, contact) = app.get(&format!("/ar/services/{NIGHT}")).await;
    assert!(contact.contains("<h1>خط الليل</h1>"), "{contact}");
    // No Ukrainian name: the English one, marked.
    let (_, uk) = app.get("/uk/").await;
    assert!(uk.contains(r#"<a href="/uk/services/night-line" lang="en">Night line</a>"#));
    // Plain Finnish falls back to Finnish, which needs no mark there.
    let (_, selko) = app.get("/fi-selko/").await;
    assert!(selko.contains(r#"<a href="/fi-selko/services/night-line">Yölinja</a>"#));
}

#[tokio::test]
async fn a_service_not_answering_in_arabic_says_so_before_writing_and_links_one_that_does() {
    let app = app_with_night_line().await;
    for page in [
        format!("/ar/services/{SERVICE}"),
        format!("/ar/services/{SERVICE}/book"),
    ] {
        let (status, body) = app.get(&page).await;
        assert_eq!(status, 200, "{page}");
        let notice = between(&body, r#"id="answers-notice">"#, "</div>").expect(&page);
        assert!(
            notice.contains("الفنلندية، السويدية، الإنجليزية"),
            "{notice}"
        );
        assert!(notice.contains(r#"<a href="/ar/services/night-line">خط الليل</a>"#));
        // Above the form, which still takes the request.
        let form = body.find(r#"name="token""#).unwrap_or(body.len());
        assert!(body.find("answers-notice").unwrap() < form);
    }
    let (_, night) = app.get(&format!("/ar/services/{NIGHT}")).await;
    assert!(!night.contains("answers-notice"));
    // The night line answers in Finnish, not Swedish: no service to offer
    // on the Swedish page but the helpline, which answers in Swedish.
    let (_, sv) = app.get(&format!("/sv/services/{NIGHT}")).await;
    let notice = between(&sv, r#"id="answers-notice">"#, "</div>").unwrap();
    assert!(notice.contains("finska, arabiska"), "{notice}");
    assert!(notice.contains(r#"href="/sv/services/helpline""#));
    for page in [
        "/fi/services/helpline",
        "/fi-selko/services/helpline",
        "/en/",
    ] {
        assert!(!app.get(page).await.1.contains("answers-notice"), "{page}");
    }
    // The request may still be sent.
    let (status, body) = app
        .submit(
            "ar",
            SERVICE,
            &[("topic", "general"), ("message", "مرحبا"), ("way", "none")],
        )
        .await;
    assert_eq!(status, 200, "{body}");
}

/// Each text value in every column of `table` (integers and bytes left out).
async fn text_values(app: &TestApp, table: &str) -> Vec<(String, String)> {
    let pool = app.pool().await;
    let sql = format!("select * from {table}");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .fetch_all(&pool)
        .await
        .unwrap();
    let mut out = vec![];
    for row in &rows {
        for column in row.columns() {
            if let Ok(Some(value)) = row.try_get::<Option<String>, _>(column.ordinal()) {
                out.push((column.name().to_owned(), value));
            }
        }
    }
    pool.close().await;
    out
}

#[tokio::test]
async fn the_language_a_request_was_written_in_is_sealed_and_shown_to_the_counsellor() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[ANNA]).await;
    let anna = Staff::first_login(&app, "anna", &pw[0]).await;
    let (status, body) = app
        .submit(
            "ar",
            SERVICE,
            &[
                ("topic", "general"),
                ("message", "أحتاج إلى المساعدة"),
                ("way", "none"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let case = anna.newest_case().await;
    let page = anna.get(&format!("/en/staff/cases/{case}")).await.body;
    assert!(page.contains("Written in"), "{page}");
    assert!(page.contains("Arabic (\u{2068}العربية\u{2069})"), "{page}");

    // Nothing in the clear names the language: no column of the case or
    // its messages holds a language code or name.
    for table in ["cases", "messages"] {
        for (column, value) in text_values(&app, table).await {
            let lower = value.to_lowercase();
            assert!(
                !["ar", "\"ar\"", "arabic", "العربية"].contains(&lower.as_str())
                    && !lower.contains("\"lang\""),
                "{table}.{column} holds {value:?}"
            );
        }
    }
    let stored = app.stored_contents().await;
    assert!(!stored.contains("\"lang\":\"ar\""));
}

#[tokio::test]
async fn a_phone_call_records_that_an_interpreter_is_needed_and_the_language_sealed() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[ANNA]).await;
    slot_around_now(&app, SERVICE, "weekly", -10, 20).await;
    let anna = Staff::first_login(&app, "anna", &pw[0]).await;
    let form = anna.get("/en/staff/phone").await.body;
    assert!(
        form.contains("<option value=\"so\">Somali (\u{2068}Soomaali\u{2069})</option>"),
        "{form}"
    );
    let csrf = csrf_in(&form);
    let text = "Caller needs help with housing; speaks Somali.";
    // An interpreter needs a language.
    let missing = anna
        .post(
            "/en/staff/phone",
            &[
                ("csrf", &csrf),
                ("service", SERVICE),
                ("text", text),
                ("interpreter", "yes"),
            ],
        )
        .await;
    assert_eq!(missing.status, 422);
    assert!(
        missing
            .body
            .contains("Choose the language the interpreter is needed for.")
    );
    assert!(missing.body.contains(r#"value="yes" checked"#));
    let saved = anna
        .post(
            "/en/staff/phone",
            &[
                ("csrf", &csrf),
                ("service", SERVICE),
                ("text", text),
                ("lang", "so"),
                ("interpreter", "yes"),
            ],
        )
        .await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    let case = anna.newest_case().await;
    let page = anna.get(&format!("/en/staff/cases/{case}")).await.body;
    assert!(page.contains("Somali (\u{2068}Soomaali\u{2069})"), "{page}");
    assert!(page.contains("Interpreter"));
    assert!(page.contains("Needed"));
    for (column, value) in text_values(&app, "cases").await {
        assert_ne!(value, "so", "cases.{column}");
    }
}
