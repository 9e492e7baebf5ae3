//! Privacy rule 3: hardening headers on every response, no caching of client
//! pages, and a quick exit on every page, through `/exit`, which clears what
//! the browser keeps for this site when the person asks from here.

use crate::helpers::*;
use crate::staff_helpers::*;

/// The quick-exit link as every page has it: first in the header, to the
/// same-origin step that clears the site's data (`web::exit`).
const QUICK_EXIT_LINK: &str = r#"<a class="quick-exit" href="/exit" rel="noreferrer">"#;

#[tokio::test]
async fn every_client_page_has_strict_headers_and_a_quick_exit() {
    let app = spawn_with(Options {
        extra_limits: "lookups_per_client_per_hour = 1".into(),
        ..Options::default()
    })
    .await;
    let c = client();
    let token = app.form_token("fi", SERVICE).await;
    let pages = vec![
        c.get(app.url("/fi/")).send().await.unwrap(),
        c.get(app.url("/sv/services/helpline"))
            .send()
            .await
            .unwrap(),
        c.get(app.url("/en/check")).send().await.unwrap(),
        c.get(app.url("/en/nothing-here")).send().await.unwrap(),
        c.get(app.url("/en/services/helpline/book"))
            .send()
            .await
            .unwrap(),
        c.post(app.url("/fi/services/helpline"))
            .form(&[
                ("token", token.as_str()),
                ("topic", "general"),
                ("message", "m"),
            ])
            .send()
            .await
            .unwrap(),
        c.post(app.url("/en/check"))
            .form(&[("receipt", "x")])
            .send()
            .await
            .unwrap(),
        c.post(app.url("/en/check"))
            .form(&[("receipt", "x")])
            .send()
            .await
            .unwrap(),
    ];
    let mut statuses = Vec::new();
    for r in pages {
        statuses.push(r.status().as_u16());
        let h = r.headers().clone();
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"));
        assert!(!csp.contains("unsafe"));
        assert_eq!(h["referrer-policy"], "no-referrer");
        assert_eq!(h["x-content-type-options"], "nosniff");
        assert_eq!(h["x-frame-options"], "DENY");
        assert_eq!(h["cache-control"], "no-store");
        let body = r.text().await.unwrap();
        assert!(body.contains(QUICK_EXIT_LINK), "{body}");
        assert!(!body.contains("yle.fi"), "no page names the exit's target");
    }
    assert_eq!(statuses, [200, 200, 200, 404, 200, 200, 422, 429]);
    let css = c.get(app.url("/static/suoja.css")).send().await.unwrap();
    assert_eq!(css.headers()["x-content-type-options"], "nosniff");
    assert!(
        css.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/css")
    );
}

#[tokio::test]
async fn no_path_redirects_off_the_site_and_unknown_languages_still_offer_a_quick_exit() {
    let app = spawn_app().await;
    for path in [
        "/%2Fevil.example",
        "/%5Cevil.example",
        "/xx",
        "/xx/",
        "/%0d%0aSet-Cookie:x",
    ] {
        let r = client().get(app.url(path)).send().await.unwrap();
        assert_eq!(r.status().as_u16(), 404, "{path}");
        assert!(r.headers().get("location").is_none(), "{path}");
        let body = r.text().await.unwrap();
        assert!(body.contains(QUICK_EXIT_LINK), "{path}");
    }
    let r = client().get(app.url("/sv")).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(r.headers()["location"], "/sv/");
}

/// `GET /exit` with `Sec-Fetch-Site: site` (none: the header left out),
/// and a user agent, referrer and query the log must not hold.
async fn exit_from(app: &TestApp, site: Option<&str>) -> reqwest::Response {
    let mut request = client()
        .get(app.url("/exit?who=exit-query-marker"))
        .header("user-agent", "exit-agent-marker")
        .header("referer", "https://exit-referrer-marker.example/");
    if let Some(site) = site {
        request = request.header("sec-fetch-site", site);
    }
    request.send().await.unwrap()
}

#[tokio::test]
async fn the_quick_exit_clears_the_site_only_when_asked_from_this_site() {
    let mut app = spawn_app().await;
    for (site, clears) in [
        (Some("same-origin"), true),
        (Some("none"), true),
        (None, true),
        (Some("cross-site"), false),
        (Some("same-site"), false),
    ] {
        let r = exit_from(&app, site).await;
        assert_eq!(r.status().as_u16(), 303, "{site:?}");
        let h = r.headers();
        assert_eq!(h["location"], "https://yle.fi/", "{site:?}");
        assert_eq!(
            h.get("clear-site-data").map(|v| v.to_str().unwrap()),
            clears.then_some(r#""cache", "cookies", "storage""#),
            "{site:?}"
        );
        assert_eq!(h["cache-control"], "no-store");
        assert_eq!(h["referrer-policy"], "no-referrer");
        assert_eq!(h["x-content-type-options"], "nosniff");
        assert_eq!(h["x-frame-options"], "DENY");
        assert!(h.get("set-cookie").is_none());
    }
    app.stop().await;
    // Logged at debug here, as every request: the route, never the client.
    let logs = app.logs();
    assert!(logs.contains("/exit"), "{logs}");
    for marker in ["exit-query-marker", "exit-agent-marker", "exit-referrer"] {
        assert!(!logs.contains(marker), "{marker} in the log:\n{logs}");
    }
    for site in ["same-origin", "cross-site", "same-site"] {
        assert!(!logs.contains(site), "{site} in the log:\n{logs}");
    }
}

#[tokio::test]
async fn staff_pages_offer_the_same_quick_exit_and_it_tells_the_browser_to_drop_cookies() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[("anna", "counsellor", &[SERVICE])]).await;
    let login = Staff::new(&app).get("/en/staff/login").await;
    assert!(login.body.contains(QUICK_EXIT_LINK), "{}", login.body);
    let anna = Staff::first_login(&app, "anna", &pw[0]).await;
    for path in ["/en/staff", "/fi/staff/account", "/sv/staff/nothing-here"] {
        let page = anna.get(path).await;
        assert!(page.body.contains(QUICK_EXIT_LINK), "{path}: {}", page.body);
    }
    // The link, as a browser follows it from a staff page: one answer that
    // leaves the site and tells the browser to drop the session cookie.
    let exit = anna
        .http
        .get(app.url("/exit"))
        .header("sec-fetch-site", "same-origin")
        .send()
        .await
        .unwrap();
    assert_eq!(exit.status().as_u16(), 303);
    assert_eq!(exit.headers()["location"], "https://yle.fi/");
    assert!(
        exit.headers()["clear-site-data"]
            .to_str()
            .unwrap()
            .contains(r#""cookies""#)
    );
}

#[tokio::test]
async fn a_booking_s_manage_page_offers_the_same_quick_exit() {
    let app = spawn_app().await;
    let slot = crate::booking::insert_slot(&app, 48, 1).await;
    let (receipt, _) = crate::schedule::book_slot(&app, &slot, &[("call", "you_call")]).await;
    let (status, page) = app.manage("en", &receipt).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains(QUICK_EXIT_LINK), "{page}");
}

#[tokio::test]
async fn with_an_onion_address_client_pages_name_the_same_page_there() {
    const ONION: &str = "http://suojaexampleonionservicenamenotarealaddresszzzzzzzzzzzzz.onion";
    let app = spawn_with(Options {
        extra_top: format!("onion_location = \"{ONION}/\""),
        ..Options::default()
    })
    .await;
    let c = client();
    let onion_location = |r: &reqwest::Response| {
        r.headers()
            .get("onion-location")
            .map(|v| v.to_str().unwrap().to_owned())
    };
    for path in [
        "/",
        "/fi/",
        "/sv/services/helpline",
        "/en/services/helpline/book?week=1",
        "/en/check",
        "/en/nothing-here",
    ] {
        let r = c.get(app.url(path)).send().await.unwrap();
        assert_eq!(onion_location(&r), Some(format!("{ONION}{path}")), "{path}");
    }
    let r = c
        .post(app.url("/fi/check"))
        .form(&[("receipt", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(onion_location(&r), Some(format!("{ONION}/fi/check")));
    // Staff pages, the stylesheet and the health check do not offer it.
    for path in [
        "/en/staff/login",
        "/fi/staff",
        "/static/suoja.css",
        "/health",
    ] {
        let r = c.get(app.url(path)).send().await.unwrap();
        assert_eq!(onion_location(&r), None, "{path}");
    }
    // Nor does a page asked for on the onion address itself.
    let host = ONION.trim_start_matches("http://");
    let r = c
        .get(app.url("/en/check"))
        .header("host", host)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(onion_location(&r), None);

    // Without the key, no page sends it.
    let plain = spawn_app().await;
    let r = c.get(plain.url("/en/check")).send().await.unwrap();
    assert_eq!(onion_location(&r), None);
}

#[tokio::test]
async fn errors_under_static_are_not_cached_and_every_429_says_when_to_retry() {
    let app = spawn_with(Options {
        extra_limits: "submissions_per_client_per_hour = 1".into(),
        ..Options::default()
    })
    .await;
    let c = client();
    let missing = c.get(app.url("/static/nothing.css")).send().await.unwrap();
    assert_eq!(missing.status().as_u16(), 404);
    assert_eq!(missing.headers()["cache-control"], "no-store");
    let wrong_method = c.post(app.url("/static/suoja.css")).send().await.unwrap();
    assert_eq!(wrong_method.status().as_u16(), 405);
    assert_eq!(wrong_method.headers()["cache-control"], "no-store");
    let css = c.get(app.url("/static/suoja.css")).send().await.unwrap();
    assert_ne!(css.headers()["cache-control"], "no-store");
    // The contact form handed back over the limit is a 429 page of its own.
    let fields = [("topic", "general"), ("message", "m"), ("way", "none")];
    assert_eq!(app.submit("en", SERVICE, &fields).await.0, 200);
    let token = app.form_token("en", SERVICE).await;
    let over = c
        .post(app.url(&format!("/en/services/{SERVICE}")))
        .form(&[
            ("token", token.as_str()),
            ("topic", "general"),
            ("message", "kept"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(over.status().as_u16(), 429);
    assert!(over.headers().contains_key("retry-after"));
    assert!(over.text().await.unwrap().contains("kept"));
}

#[tokio::test]
async fn the_icon_is_served_and_cached_and_favicon_ico_leads_to_it() {
    let app = spawn_app().await;
    let c = client();
    let (_, page) = app.get("/en/").await;
    assert!(page.contains(r#"<link rel="icon" href="/static/favicon.svg""#));
    let icon = c.get(app.url("/static/favicon.svg")).send().await.unwrap();
    assert_eq!(icon.status().as_u16(), 200);
    assert_eq!(icon.headers()["content-type"], "image/svg+xml");
    assert_eq!(icon.headers()["cache-control"], "public, max-age=3600");
    assert_eq!(icon.headers()["x-content-type-options"], "nosniff");
    assert!(icon.text().await.unwrap().starts_with("<svg"));
    let ico = c.get(app.url("/favicon.ico")).send().await.unwrap();
    assert_eq!(ico.status().as_u16(), 308);
    assert_eq!(ico.headers()["location"], "/static/favicon.svg");
    assert_eq!(ico.headers()["cache-control"], "no-store");
    assert_eq!(ico.headers()["x-frame-options"], "DENY");
}
