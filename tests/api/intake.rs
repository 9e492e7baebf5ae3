//! The client's whole path: landing page, form, receipt, return with it.

use crate::helpers::*;

#[tokio::test]
async fn a_client_sends_a_request_and_reads_it_back_with_the_receipt() {
    let app = spawn_app().await;
    let (status, body) = app
        .submit(
            "fi",
            SERVICE,
            &[
                ("topic", "peer-group"),
                ("message", "Tarvitsen jonkun, jolle puhua.\r\nToinen rivi."),
                ("name", "Aino"),
                ("way", "email"),
                ("detail", "aino@example.fi"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(
        body.contains("Yhteydenottosi on lähetetty"),
        "Finnish receipt page"
    );
    let receipt = receipt_in(&body);
    assert_eq!(receipt.len(), 19, "four groups of four: {receipt}");

    // Typed sloppily: lower case, spaces instead of dashes.
    let typed = receipt.to_lowercase().replace('-', " ");
    let (status, page) = app.check("fi", &typed).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Tarvitsen jonkun, jolle puhua.\nToinen rivi."));
    assert!(page.contains("Aino"));
    assert!(page.contains("aino@example.fi"));
    assert!(page.contains("Vertaisryhmä"), "named topic in Finnish");
    assert!(
        page.contains("Vastaanotettu, odottaa työntekijää"),
        "status in Finnish"
    );
    assert!(page.contains("Tukilinja"));
    assert_eq!(app.count("select count(*) from cases").await, 1);
}

#[tokio::test]
async fn the_receipt_is_never_put_in_a_url_and_a_get_does_not_look_it_up() {
    let app = spawn_app().await;
    let (_, body) = app
        .submit(
            "en",
            SERVICE,
            &[("topic", "general"), ("message", "hello"), ("way", "none")],
        )
        .await;
    let receipt = receipt_in(&body);
    // Shown once; else only in the POST bodies of the language forms,
    // which show the same receipt page in another language.
    let hidden = body
        .matches(&format!(r#"name="receipt" value="{receipt}""#))
        .count();
    let offered = suoja::i18n::Lang::CLIENT
        .iter()
        .filter(|l| l.offered())
        .count();
    assert_eq!(hidden, offered - 1, "one form per other language");
    assert_eq!(
        body.matches(&receipt).count(),
        1 + hidden,
        "shown once, in no link"
    );
    assert!(!body.contains(r#"method="get""#));
    for attr in ["href=\"", "action=\""] {
        for part in body.split(attr).skip(1) {
            let url = part.split('"').next().unwrap();
            assert!(!url.contains(&receipt[..4]), "receipt in {url}");
        }
    }
    let (status, page) = app.get(&format!("/en/check?receipt={receipt}")).await;
    assert_eq!(status, 200);
    assert!(!page.contains("hello"), "a GET never opens a case");
    assert!(page.contains(r#"method="post""#));
}

#[tokio::test]
async fn validation_errors_return_the_form_with_everything_typed_in_the_clients_language() {
    let app = spawn_app().await;
    let (status, body) = app
        .submit(
            "sv",
            SERVICE,
            &[
                ("topic", "general"),
                ("message", "   "),
                ("name", "Kim <Robin>"),
                ("way", "phone"),
                ("detail", "ring mig"),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(
        body.contains("Skriv ett meddelande innan du skickar."),
        "{body}"
    );
    assert!(body.contains("Ange ett telefonnummer med 5–20 siffror."));
    assert!(
        body.contains(r#"value="Kim &#60;Robin&#62;""#),
        "name kept, escaped: {body}"
    );
    assert!(body.contains(r#"value="ring mig""#));
    assert!(body.contains(r#"value="phone" checked"#), "choice kept");
    assert!(body.contains(r#"aria-invalid="true""#));
    assert!(body.contains("<title>Fel: "));
    assert_eq!(app.count("select count(*) from cases").await, 0);
}

#[tokio::test]
async fn an_address_with_markup_comes_back_with_the_message_and_a_clear_message() {
    let app = spawn_app().await;
    let message = "Voitteko kirjoittaa minulle?\nToinen rivi.";
    let (status, body) = app
        .submit(
            "fi",
            SERVICE,
            &[
                ("topic", "general"),
                ("message", message),
                ("name", "Matti"),
                ("way", "email"),
                ("detail", "xss@example.org<script>"),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(
        body.contains("Anna sähköpostiosoite muodossa nimi@esimerkki.fi."),
        "{body}"
    );
    assert!(
        body.contains(r#"value="xss@example.org&#60;script&#62;""#),
        "address kept, escaped: {body}"
    );
    assert!(body.contains(message), "message kept: {body}");
    assert!(body.contains(r#"value="Matti""#));
    assert!(body.contains(r#"value="email" checked"#), "choice kept");
    assert!(!body.contains("<script>"));
    assert_eq!(app.count("select count(*) from cases").await, 0);
    // An ordinary address, with a domain in Unicode, is taken.
    let (status, _) = app
        .submit(
            "fi",
            SERVICE,
            &[
                ("topic", "general"),
                ("message", message),
                ("way", "email"),
                ("detail", " matti+apu@posti.müller.fi "),
            ],
        )
        .await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn an_overlong_message_comes_back_whole_with_a_clear_message() {
    let app = spawn_app().await;
    let long = format!("{}END-OF-TEXT", "a".repeat(10_000));
    let (status, body) = app
        .submit(
            "en",
            SERVICE,
            &[("topic", "general"), ("message", &long), ("way", "none")],
        )
        .await;
    assert_eq!(status, 422);
    assert!(body.contains("The message is too long"));
    assert!(
        body.contains(&long),
        "every character typed is back in the form"
    );
}

#[tokio::test]
async fn a_body_over_the_size_limit_gets_a_clear_page_in_the_clients_language() {
    let app = spawn_app().await;
    let token = app.form_token("fi", SERVICE).await;
    let huge = "x".repeat(200 * 1024);
    let r = client()
        .post(app.url(&format!("/fi/services/{SERVICE}")))
        .form(&[
            ("token", token.as_str()),
            ("topic", "general"),
            ("message", &huge),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 413);
    let body = r.text().await.unwrap();
    assert!(body.contains("Viesti on liian suuri"), "{body}");
    // The server keeps serving.
    assert_eq!(app.get("/fi/").await.0, 200);
}

#[tokio::test]
async fn wrong_and_malformed_receipts_get_clear_messages_and_keep_what_was_typed() {
    let app = spawn_app().await;
    app.submit_ok("there is a case").await;
    let (status, body) = app.check("en", "ABCD-EFGH-JKMN-PQRS").await;
    assert_eq!(status, 404);
    assert!(body.contains("No request matches this code"));
    assert!(body.contains(r#"value="ABCD-EFGH-JKMN-PQRS""#));
    assert!(!body.contains("there is a case"));
    let (status, body) = app.check("sv", "ABC!").await;
    assert_eq!(status, 422);
    assert!(body.contains("En kvittokod har 16 bokstäver och siffror"));
    assert!(body.contains(r#"value="ABC!""#));
}

#[tokio::test]
async fn the_landing_page_lists_services_in_each_language_and_root_follows_accept_language() {
    let app = spawn_app().await;
    for (lang, name, other) in [
        ("fi", "Tukilinja", "Sateenkaarilinja"),
        ("sv", "Stödlinjen", "Regnbågslinjen"),
        ("en", "Support line", "Rainbow line"),
    ] {
        let (status, body) = app.get(&format!("/{lang}/")).await;
        assert_eq!(status, 200);
        assert!(body.contains(&format!(r#"<html lang="{lang}" dir="ltr">"#)));
        assert!(body.contains(name) && body.contains(other), "{lang}");
        assert!(body.contains(&format!("/{lang}/services/{SERVICE}")));
    }
    for (accept, lang) in [("sv-FI,sv;q=0.9", "sv"), ("en-GB", "en"), ("de", "fi")] {
        let r = client()
            .get(app.url("/"))
            .header("accept-language", accept)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 303);
        assert_eq!(r.headers()["location"], format!("/{lang}/"));
    }
}

#[tokio::test]
async fn every_page_links_to_itself_in_the_other_two_languages() {
    let app = spawn_app().await;
    for path in ["/fi/", "/sv/services/helpline", "/en/check"] {
        let (_, body) = app.get(path).await;
        let lang = &path[1..3];
        let rest = &path[4..];
        for other in ["fi", "sv", "en"].into_iter().filter(|l| *l != lang) {
            let link = format!(r#"href="/{other}/{rest}" lang="{other}""#);
            assert!(body.contains(&link), "{path} lacks {link}");
        }
    }
}

#[tokio::test]
async fn unknown_services_languages_and_paths_get_a_404_page() {
    let app = spawn_app().await;
    let (status, body) = app.get("/sv/services/nope").await;
    assert_eq!(status, 404);
    assert!(body.contains("Sidan hittades inte"));
    assert_eq!(app.get("/de/").await.0, 404);
    let (status, body) = app.get("/en/no/such/page").await;
    assert_eq!(status, 404);
    assert!(body.contains("Page not found"));
}

#[tokio::test]
async fn client_content_is_shown_as_text_never_as_markup() {
    let app = spawn_app().await;
    let (_, body) = app
        .submit(
            "en",
            SERVICE,
            &[
                ("topic", "general"),
                (
                    "message",
                    "<script>alert(1)</script><img src=x onerror=alert(2)>",
                ),
                ("name", "\"><b>bold</b>"),
                ("way", "reply_here"),
            ],
        )
        .await;
    let (_, page) = app.check("en", &receipt_in(&body)).await;
    assert!(!page.contains("<script>alert"));
    assert!(!page.contains("<img src=x"));
    assert!(!page.contains("<b>bold"));
    assert!(page.contains("&#60;script&#62;alert(1)&#60;/script&#62;"));
}
