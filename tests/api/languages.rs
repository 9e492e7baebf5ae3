//! The client languages: the page's `lang` and `dir`, the language menu,
//! the choice of a language from the browser, staff pages that exist in
//! fi, sv and en only, texts admins wrote only in those three marked with
//! their own `lang`, and no English sentence on a page in another language.
//!
//! Which languages are offered comes from `Lang::status` in the library: a
//! language whose translation has not arrived (`Missing`) is routable but
//! not offered, and the English check covers every offered language but
//! English, so it takes each language in as its `locales/` directory is
//! merged and its status set.

use std::collections::BTreeSet;

use suoja::i18n::Lang;

use crate::helpers::*;

fn offered() -> Vec<Lang> {
    Lang::CLIENT.into_iter().filter(|l| l.offered()).collect()
}

#[tokio::test]
async fn each_client_language_marks_its_pages_with_its_lang_and_direction() {
    let app = spawn_app().await;
    for lang in Lang::CLIENT {
        let (status, body) = app.get(&format!("/{}/", lang.code())).await;
        assert_eq!(status, 200, "{lang:?}");
        let dir = if matches!(lang, Lang::Ar | Lang::Fa | Lang::Ckb) {
            "rtl"
        } else {
            "ltr"
        };
        assert!(
            body.contains(&format!(
                r#"<html lang="{}" dir="{dir}">"#,
                lang.html_lang()
            )),
            "{lang:?}"
        );
        // Every link of the page stays in its language.
        assert!(body.contains(&format!(r#"href="/{}/services/{SERVICE}""#, lang.code())));
    }
    assert_eq!(Lang::FiSelko.html_lang(), "fi");
    assert_eq!(Lang::SvLattlast.html_lang(), "sv");
}

#[tokio::test]
async fn the_language_menu_names_every_other_offered_language_in_itself() {
    let app = spawn_app().await;
    let langs = offered();
    for lang in &langs {
        let (_, body) = app.get(&format!("/{}/check", lang.code())).await;
        let menu = between(&body, r#"class="lang-menu">"#, "</nav>").unwrap();
        assert_eq!(menu.matches("<li>").count(), langs.len() - 1, "{lang:?}");
        for other in langs.iter().filter(|o| *o != lang) {
            let link = format!(
                r#"<a href="/{code}/check" lang="{l}" hreflang="{l}" dir="{d}">{name}</a>"#,
                code = other.code(),
                l = other.html_lang(),
                d = other.dir(),
                name = other.native_name(),
            );
            assert!(menu.contains(&link), "{lang:?} lacks {link}");
        }
    }
    // The names as their readers write them.
    let names: Vec<_> = Lang::CLIENT.iter().map(|l| l.native_name()).collect();
    for name in [
        "Suomeksi",
        "På svenska",
        "In English",
        "العربية",
        "فارسی",
        "کوردی (سۆرانی)",
        "Soomaali",
        "Українська",
        "Русский",
        "Selkosuomi",
        "Lättläst svenska",
    ] {
        assert!(names.contains(&name), "{name}");
    }
}

#[tokio::test]
async fn root_picks_an_offered_client_language_from_the_browser() {
    let app = spawn_app().await;
    let or_fi = |l: Lang| if l.offered() { l.code() } else { "fi" };
    for (accept, lang) in [
        ("ar-SY,ar;q=0.9", or_fi(Lang::Ar)),
        ("prs-AF", or_fi(Lang::Fa)),
        ("ckb-IQ", or_fi(Lang::Ckb)),
        ("so", or_fi(Lang::So)),
        ("uk-UA", or_fi(Lang::Uk)),
        ("de, ru;q=0.5", or_fi(Lang::Ru)),
        ("sv-FI", "sv"),
    ] {
        let r = client()
            .get(app.url("/"))
            .header("accept-language", accept)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 303);
        assert_eq!(r.headers()["location"], format!("/{lang}/"), "{accept}");
    }
}

#[tokio::test]
async fn a_staff_page_in_a_client_only_language_is_sent_to_a_staff_language() {
    let app = spawn_app().await;
    for (from, to) in [
        ("/ar/staff/login", "/en/staff/login"),
        (
            "/fi-selko/staff/login?notice=ended",
            "/fi/staff/login?notice=ended",
        ),
        ("/sv-lattlast/staff", "/sv/staff"),
        ("/ru/staff/queue", "/en/staff/queue"),
    ] {
        let r = client().get(app.url(from)).send().await.unwrap();
        assert_eq!(r.status().as_u16(), 303, "{from}");
        assert_eq!(r.headers()["location"], to, "{from}");
    }
    let r = client()
        .post(app.url("/uk/staff/logout"))
        .form(&[("csrf", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 404);
    // A client page whose path only starts like one is not touched.
    assert_eq!(app.get("/ar/staffing").await.0, 404);
}

#[tokio::test]
async fn a_service_written_only_in_english_is_marked_english_on_other_pages() {
    let app = spawn_app().await;
    let (_, ar) = app.get("/ar/").await;
    assert!(ar.contains(r#"lang="en">Support line</a>"#), "{ar}");
    assert!(ar.contains(r#"<p lang="en">Tell us anonymously.</p>"#));
    let (_, contact) = app.get(&format!("/so/services/{SERVICE}")).await;
    assert!(contact.contains(r#"<h1 lang="en">Support line</h1>"#));
    // Plain Finnish shows the Finnish text, which needs no mark.
    let (_, selko) = app.get("/fi-selko/").await;
    assert!(selko.contains(r#"">Tukilinja</a>"#));
    let (_, en) = app.get("/en/").await;
    assert!(en.contains(r#"">Support line</a>"#));
}

/// The literal parts of 20 characters or more of each English message of
/// the client pages' files: what a page in another language must not show.
fn english_sentences() -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for file in suoja::i18n::CLIENT_FILES {
        let path = format!("{}/locales/en/{file}", env!("CARGO_MANIFEST_DIR"));
        for line in std::fs::read_to_string(path).unwrap().lines() {
            let value = match line.split_once(" = ") {
                Some((key, value)) if !key.starts_with([' ', '#']) => value,
                _ if line.starts_with("    ") || line.starts_with("   *") => line,
                _ => continue,
            };
            for part in value.split(['{', '}']).step_by(2) {
                let part = part.trim_start_matches(['[', ']', '*']).trim();
                let part = part.split_once("] ").map_or(part, |(_, rest)| rest).trim();
                if part.chars().count() >= 20 {
                    out.insert(part.to_owned());
                }
            }
        }
    }
    out
}

/// The text of a page with askama's escapes undone.
fn unescaped(body: &str) -> String {
    body.replace("&#39;", "'")
        .replace("&#34;", "\"")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[tokio::test]
async fn no_page_in_another_language_shows_an_english_sentence() {
    let app = spawn_app().await;
    let english = english_sentences();
    assert!(english.len() > 150, "{}", english.len());
    let pages = [
        String::new(),
        format!("services/{SERVICE}"),
        "check".to_owned(),
        format!("services/{SERVICE}/book"),
        "chat".to_owned(),
        "accessibility".to_owned(),
        "no-such-page".to_owned(),
    ];
    let mut found = vec![];
    let langs: Vec<_> = offered().into_iter().filter(|l| *l != Lang::En).collect();
    assert!(langs.contains(&Lang::Fi) && langs.contains(&Lang::Sv));
    for lang in &langs {
        for page in &pages {
            let path = format!("/{}/{page}", lang.code());
            let (status, body) = app.get(&path).await;
            assert!(status == 200 || status == 404, "{path}: {status}");
            let text = unescaped(&body);
            found.extend(
                english
                    .iter()
                    .filter(|s| text.contains(s.as_str()))
                    .map(|s| format!("{path}: {s}")),
            );
        }
    }
    assert!(
        found.is_empty(),
        "English on other pages:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_stylesheet_mirrors_for_right_to_left_pages() {
    let css =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/static/suoja.css")).unwrap();
    // The rules without their comments.
    let rules: String = css
        .split("/*")
        .map(|part| part.split_once("*/").map_or(part, |(_, after)| after))
        .collect();
    for physical in ["left", "right", "float"] {
        assert!(
            !rules.contains(physical),
            "suoja.css has `{physical}`: use a logical property (inline-start/end)"
        );
    }
    assert!(
        !rules.contains("@import") && !rules.contains("url("),
        "fonts from the system only"
    );
}
