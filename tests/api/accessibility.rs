//! The accessibility statement and its feedback channel: the footer link
//! on every client page, the statement in each language with the admins'
//! parts and the supervising authority, editing them on the web and
//! seeding them from the config, and feedback sent from an Arabic page
//! reaching the chosen service's queue with its answer-by day, answered,
//! and the answer read with the receipt.

use crate::helpers::*;
use crate::staff_helpers::*;

/// The statement page's feedback form, filled and sent by `client`.
pub async fn send_feedback(
    app: &TestApp,
    client: &reqwest::Client,
    lang: &str,
    text: &str,
) -> (u16, String) {
    let page = client
        .get(app.url(&format!("/{lang}/accessibility")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = token_of_form(&page, "/accessibility");
    let r = client
        .post(app.url(&format!("/{lang}/accessibility")))
        .form(&[("token", token.as_str()), ("message", text)])
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

/// The organisation's parts as the config seeds them in these tests.
const SEEDED: &str = r#"
[accessibility]
feedback_service = "helpline"
statement_date = "2026-12-01"
[accessibility.organisation]
fi = "Kotiapu ry"
sv = "Hemhjälpen rf"
en = "Home Help Association"
ar = "جمعية المساعدة المنزلية"
[accessibility.answers]
fi = "Saavutettavuusvastaava Aino"
sv = "Tillgänglighetsansvariga Aino"
en = "Aino, our accessibility contact"
"#;

#[tokio::test]
async fn every_client_page_links_to_the_statement_in_its_own_language() {
    let app = spawn_app().await;
    for lang in suoja::i18n::Lang::CLIENT {
        let code = lang.code();
        for page in ["", "check", &format!("services/{SERVICE}"), "no-such-page"] {
            let (_, body) = app.get(&format!("/{code}/{page}")).await;
            assert!(
                body.contains(&format!(r#"<a href="/{code}/accessibility">"#)),
                "/{code}/{page} has no link to the statement"
            );
        }
        let (status, body) = app.get(&format!("/{code}/accessibility")).await;
        assert_eq!(status, 200, "{code}: {body}");
        assert!(body.contains("www.saavutettavuusvaatimukset.fi"), "{code}");
        assert!(body.contains("WCAG") && body.contains("2.2"), "{code}");
    }
}

#[tokio::test]
async fn the_config_seeds_the_statement_in_each_language_with_the_authority() {
    let app = spawn_with(Options {
        extra_top: SEEDED.into(),
        ..Options::default()
    })
    .await;
    let (_, fi) = app.get("/fi/accessibility").await;
    assert!(fi.contains("Kotiapu ry") && fi.contains("Saavutettavuusvastaava Aino"));
    assert!(fi.contains("Liikenne- ja viestintävirasto Traficom"));
    assert!(fi.contains("1.12.2026"));
    let (_, sv) = app.get("/sv/accessibility").await;
    assert!(sv.contains("Hemhjälpen rf") && sv.contains("Tillgänglighetsansvariga Aino"));
    assert!(sv.contains("Transport- och kommunikationsverket Traficom"));
    let (_, en) = app.get("/en/accessibility").await;
    assert!(en.contains("Home Help Association"));
    assert!(en.contains("Finnish Transport and Communications Agency Traficom"));
    let (_, ar) = app.get("/ar/accessibility").await;
    assert!(ar.contains(r#"<html lang="ar" dir="rtl">"#));
    // Its own text where the admins wrote one, else English marked so.
    assert!(ar.contains("جمعية المساعدة المنزلية"));
    assert!(ar.contains(r#"lang="en" class="message">Aino, our accessibility contact</dd>"#));
    assert!(ar.contains("الهيئة الفنلندية للنقل والاتصالات"));
    // Plain Finnish reads the Finnish text, unmarked.
    let (_, selko) = app.get("/fi-selko/accessibility").await;
    assert!(selko.contains(r#"<dd class="message">Kotiapu ry</dd>"#));
}

#[tokio::test]
async fn an_admin_edits_the_statement_on_the_web_and_clients_see_it_escaped() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[("boss", "admin", &[])]).await;
    let boss = Staff::first_login(&app, "boss", &pw[0]).await;
    let page = boss.get("/en/staff/accessibility").await;
    assert_eq!(page.status, 200, "{}", page.body);
    let csrf = csrf_in(&page.body);
    // A part in English only is refused, with everything typed kept.
    let half = boss
        .post(
            "/en/staff/accessibility",
            &[("csrf", &csrf), ("organisation-en", "Only English")],
        )
        .await;
    assert_eq!(half.status, 422);
    assert!(half.body.contains("Only English"));
    let form = [
        ("csrf", csrf.as_str()),
        ("statement_date", "2026-12-06"),
        ("feedback_service", OTHER_SERVICE),
        ("organisation-fi", "Tukiyhdistys <b>ry</b>"),
        ("organisation-sv", "Stödföreningen rf"),
        ("organisation-en", "Support Society"),
        ("reply_time-fi", "Viiden arkipäivän kuluessa."),
        ("reply_time-sv", "Inom fem vardagar."),
        ("reply_time-en", "Within five working days."),
        ("reply_time-uk", "Протягом п'яти робочих днів."),
        ("contact-fi", "saavutettavuus@example.org"),
        ("contact-sv", "saavutettavuus@example.org"),
        ("contact-en", "saavutettavuus@example.org"),
    ];
    let saved = boss.post("/en/staff/accessibility", &form).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let after = boss.get(&saved.location).await;
    assert!(after.body.contains("The statement was saved."));
    let (_, fi) = app.get("/fi/accessibility").await;
    assert!(
        fi.contains("Tukiyhdistys &#60;b&#62;ry&#60;/b&#62;")
            || fi.contains("Tukiyhdistys &lt;b&gt;ry&lt;/b&gt;"),
        "{fi}"
    );
    assert!(fi.contains("Viiden arkipäivän kuluessa.") && fi.contains("6.12.2026"));
    let (_, uk) = app.get("/uk/accessibility").await;
    assert!(uk.contains("Протягом п&#39;яти робочих днів.") || uk.contains("Протягом п'яти"));
    assert_eq!(
        app.count("select count(*) from audit_log where action = 'accessibility_updated'")
            .await,
        1
    );
    // Feedback now goes to the other service.
    let (status, _) = send_feedback(&app, &client(), "en", "the menu is hard to reach").await;
    assert_eq!(status, 200);
    assert_eq!(
        app.count("select count(*) from cases where kind = 'feedback' and service = 'rainbow'")
            .await,
        1
    );
}

#[tokio::test]
async fn feedback_from_an_arabic_page_reaches_the_queue_with_its_answer_by_day_and_is_answered() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[("pia", "counsellor", &[SERVICE])]).await;
    let text = "زر الإرسال صغير جدًا على هاتفي";
    let (status, body) = send_feedback(&app, &client(), "ar", text).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains(r#"dir="rtl""#));
    let receipt = receipt_in(&body);
    // Refused: an empty message keeps the form; a spent token is refused.
    let (status, empty) = send_feedback(&app, &client(), "ar", "  ").await;
    assert_eq!(status, 422);
    assert!(empty.contains(r#"aria-invalid="true""#));
    assert_eq!(
        app.count("select count(*) from cases where kind = 'feedback'")
            .await,
        1
    );
    let opened = app
        .count("select count(*) from cases where kind = 'feedback' and opened_on <> ''")
        .await;
    assert_eq!(opened, 1);

    let pia = Staff::first_login(&app, "pia", &pw[0]).await;
    let queue = pia.get("/en/staff").await;
    assert!(
        queue.body.contains("Accessibility feedback"),
        "{}",
        queue.body
    );
    let pool = app.pool().await;
    let (id, day): (String, String) =
        sqlx::query_as("select id, opened_on from cases where kind = 'feedback'")
            .fetch_one(&pool)
            .await
            .unwrap();
    pool.close().await;
    let by = suoja::accessibility::answer_by(&day).unwrap();
    assert!(
        queue.body.contains(&format!("Answer by {by}")),
        "{}",
        queue.body
    );
    let case = pia.get(&format!("/en/staff/cases/{id}")).await;
    assert!(case.body.contains(text), "the counsellor reads it");
    assert!(case.body.contains(&format!("<strong>{by}</strong>")));
    let fi_case = pia.get(&format!("/fi/staff/cases/{id}")).await;
    let (y, m, d) = (
        &by[..4],
        by[5..7].trim_start_matches('0'),
        by[8..].trim_start_matches('0'),
    );
    assert!(fi_case.body.contains(&format!("{d}.{m}.{y}")));

    let csrf = csrf_in(&case.body);
    let reply = "Kiitos, korjaamme painikkeen koon.";
    let sent = pia
        .post(
            &format!("/en/staff/cases/{id}/reply"),
            &[("csrf", &csrf), ("text", reply)],
        )
        .await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    let (status, thread) = app.check("ar", &receipt).await;
    assert_eq!(status, 200);
    assert!(thread.contains(reply) && thread.contains(text));
    assert!(
        thread.contains("ملاحظات حول إمكانية الوصول"),
        "the topic, in Arabic"
    );
}

#[tokio::test]
async fn without_a_feedback_service_the_statement_shows_no_form_and_refuses_a_post() {
    let app = spawn_with(Options {
        extra_top: "[accessibility]\nstatement_date = \"2026-12-01\"".into(),
        ..Options::default()
    })
    .await;
    let (status, page) = app.get("/en/accessibility").await;
    assert_eq!(status, 200);
    assert!(!page.contains(r#"name="message""#));
    let r = client()
        .post(app.url("/en/accessibility"))
        .form(&[("token", "1.00"), ("message", "hello")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 404);
}

#[tokio::test]
async fn feedback_with_a_forged_or_spent_token_is_refused_with_its_text_kept() {
    let app = spawn_app().await;
    let c = client();
    let forged = c
        .post(app.url("/sv/accessibility"))
        .form(&[("token", "1.00"), ("message", "det röda fältet syns inte")])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status().as_u16(), 422);
    assert!(
        forged
            .text()
            .await
            .unwrap()
            .contains("det röda fältet syns inte")
    );
    let page = app.get("/sv/accessibility").await.1;
    let token = token_of_form(&page, "/accessibility");
    for expected in [200, 422] {
        let r = c
            .post(app.url("/sv/accessibility"))
            .form(&[("token", token.as_str()), ("message", "en gång")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), expected);
    }
    assert_eq!(
        app.count("select count(*) from cases where kind = 'feedback'")
            .await,
        1
    );
}
