//! Rate limits, form tokens and what a refused client gets back.

use std::time::Duration;

use crate::helpers::*;

fn fields(message: &str) -> Vec<(&str, &str)> {
    vec![("topic", "general"), ("message", message), ("way", "none")]
}

#[tokio::test]
async fn a_client_past_its_quota_gets_429_with_its_text_kept_while_another_is_served() {
    let app = spawn_with(Options {
        extra_limits: "submissions_per_client_per_hour = 2\nipv4_prefix = 32".into(),
        ..Options::default()
    })
    .await;
    let a = client_from("127.0.0.2");
    let b = client_from("127.0.0.3");
    for _ in 0..2 {
        assert_eq!(app.submit_as(&a, "en", SERVICE, &fields("ok")).await.0, 200);
    }
    let (status, body) = app
        .submit_as(
            &a,
            "fi",
            SERVICE,
            &fields("this text must survive the refusal"),
        )
        .await;
    assert_eq!(status, 429);
    assert!(
        body.contains("Verkostasi on juuri lähetetty liian monta pyyntöä"),
        "{body}"
    );
    assert!(body.contains("this text must survive the refusal"));
    assert_eq!(app.submit_as(&b, "en", SERVICE, &fields("ok")).await.0, 200);
    assert_eq!(app.count("select count(*) from cases").await, 3);
}

#[tokio::test]
async fn a_spoofed_forwarded_header_gives_no_extra_quota_unless_a_proxy_is_trusted() {
    let limits = "submissions_per_client_per_hour = 1\nipv4_prefix = 32".to_owned();
    let app = spawn_with(Options {
        extra_limits: limits.clone(),
        ..Options::default()
    })
    .await;
    let mut statuses = Vec::new();
    for i in 0..3 {
        let spoof = reqwest::Client::builder()
            .default_headers(
                [(
                    "x-forwarded-for".parse().unwrap(),
                    format!("198.51.100.{i}").parse().unwrap(),
                )]
                .into_iter()
                .collect(),
            )
            .build()
            .unwrap();
        statuses.push(app.submit_as(&spoof, "en", SERVICE, &fields("m")).await.0);
    }
    assert_eq!(statuses, [200, 429, 429]);

    let trusting = spawn_with(Options {
        extra_limits: limits,
        extra_top: "trusted_proxy_header = \"X-Forwarded-For\"".into(),
        ..Options::default()
    })
    .await;
    let mut statuses = Vec::new();
    for ip in ["198.51.100.1", "198.51.100.2", "198.51.100.1"] {
        let via_proxy = reqwest::Client::builder()
            .default_headers(
                [(
                    "x-forwarded-for".parse().unwrap(),
                    format!("10.9.9.9, {ip}").parse().unwrap(),
                )]
                .into_iter()
                .collect(),
            )
            .build()
            .unwrap();
        statuses.push(
            trusting
                .submit_as(&via_proxy, "en", SERVICE, &fields("m"))
                .await
                .0,
        );
    }
    assert_eq!(
        statuses,
        [200, 200, 429],
        "the proxy's last hop names the client"
    );
}

#[tokio::test]
async fn a_service_wide_limit_backs_up_clients_that_share_an_address() {
    let app = spawn_with(Options {
        extra_limits: "submissions_per_service_per_minute = 2\nipv4_prefix = 32".into(),
        ..Options::default()
    })
    .await;
    for ip in ["127.0.0.2", "127.0.0.3"] {
        assert_eq!(
            app.submit_as(&client_from(ip), "en", SERVICE, &fields("m"))
                .await
                .0,
            200
        );
    }
    assert_eq!(
        app.submit_as(&client_from("127.0.0.4"), "en", SERVICE, &fields("m"))
            .await
            .0,
        429
    );
    assert_eq!(
        app.submit_as(&client_from("127.0.0.4"), "en", OTHER_SERVICE, &fields("m"))
            .await
            .0,
        200,
        "another service is not affected"
    );
}

#[tokio::test]
async fn receipt_lookups_are_limited_per_client_with_a_page_in_the_clients_language() {
    let app = spawn_with(Options {
        extra_limits: "lookups_per_client_per_hour = 3\nipv4_prefix = 32".into(),
        ..Options::default()
    })
    .await;
    let receipt = app.submit_ok("m").await;
    let guesser = client_from("127.0.0.5");
    for _ in 0..3 {
        assert_eq!(
            app.check_as(&guesser, "sv", "AAAA-AAAA-AAAA-AAAA").await.0,
            404
        );
    }
    let (status, body) = app.check_as(&guesser, "sv", &receipt).await;
    assert_eq!(status, 429, "even the right receipt waits");
    assert!(body.contains("För många förfrågningar"), "{body}");
    assert_eq!(
        app.check_as(&client_from("127.0.0.6"), "en", &receipt)
            .await
            .0,
        200
    );
}

#[tokio::test]
async fn a_form_sent_back_too_fast_is_asked_again_with_everything_kept() {
    let app = spawn_with(Options {
        min_fill_seconds: 2,
        ..Options::default()
    })
    .await;
    let (status, body) = app.submit("en", SERVICE, &fields("typed in a hurry")).await;
    assert_eq!(status, 422);
    assert!(body.contains("The form was sent very quickly"));
    assert!(body.contains("typed in a hurry"));
    let token = between(&body, r#"name="token" value=""#, "\"").unwrap();
    tokio::time::sleep(Duration::from_millis(2100)).await;
    let r = client()
        .post(app.url(&format!("/en/services/{SERVICE}")))
        .form(&[
            ("token", token.as_str()),
            ("topic", "general"),
            ("message", "typed in a hurry"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.status().as_u16(),
        200,
        "the fresh token from the refusal works"
    );
}

#[tokio::test]
async fn forged_missing_and_other_service_tokens_are_refused_with_the_text_kept() {
    let app = spawn_app().await;
    let other = app.form_token("en", OTHER_SERVICE).await;
    let mine = app.form_token("en", SERVICE).await;
    let last = if mine.ends_with('0') { '1' } else { '0' };
    let tampered = format!("{}{last}", &mine[..mine.len() - 1]);
    for token in ["", "123.abc", other.as_str(), tampered.as_str()] {
        let r = client()
            .post(app.url(&format!("/en/services/{SERVICE}")))
            .form(&[
                ("token", token),
                ("topic", "general"),
                ("message", "keep me"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 422, "token {token:?}");
        let body = r.text().await.unwrap();
        assert!(body.contains("The form had expired") && body.contains("keep me"));
    }
    assert_eq!(app.count("select count(*) from cases").await, 0);
}

/// Tries to log in as `username` from `client`; the status answered.
async fn login_from(app: &TestApp, client: &reqwest::Client, username: &str) -> u16 {
    let page = client
        .get(app.url("/en/staff/login"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = between(&page, r#"name="token" value=""#, "\"").unwrap();
    client
        .post(app.url("/en/staff/login"))
        .form(&[
            ("token", token.as_str()),
            ("username", username),
            ("password", "a guess at a password"),
            ("code", ""),
        ])
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test]
async fn a_client_guessing_across_many_names_is_capped_and_so_are_all_logins_together() {
    // Per client: 4 guesses an hour, whatever the names; another client
    // still gets its answer.
    let app = spawn_with(Options {
        extra_limits: "logins_per_client_per_hour = 4\nipv4_prefix = 32".into(),
        ..Options::default()
    })
    .await;
    let guesser = client_from("127.0.0.7");
    let mut statuses = Vec::new();
    for name in ["anna", "bea", "cleo", "dan", "eve", "fay"] {
        statuses.push(login_from(&app, &guesser, name).await);
    }
    assert_eq!(statuses, [401, 401, 401, 401, 429, 429]);
    assert_eq!(
        login_from(&app, &client_from("127.0.0.8"), "anna").await,
        401,
        "another client is not held back"
    );
    // In all: 5 a minute from everywhere, so a flood from many networks
    // cannot buy more argon2 work than that.
    let app = spawn_with(Options {
        extra_limits: "logins_per_minute = 5\nipv4_prefix = 32".into(),
        ..Options::default()
    })
    .await;
    let mut statuses = Vec::new();
    for i in 0..7 {
        let client = client_from(&format!("127.0.1.{}", i + 1));
        statuses.push(login_from(&app, &client, &format!("name{i}")).await);
    }
    assert_eq!(statuses, [401, 401, 401, 401, 401, 429, 429]);
}

#[tokio::test]
async fn by_default_an_ipv4_24_is_one_client_and_shares_one_quota() {
    assert_eq!(suoja::config::Limits::default().ipv4_prefix, 24);
    let app = spawn_with(Options {
        extra_limits: "submissions_per_client_per_hour = 2".into(),
        ..Options::default()
    })
    .await;
    let mut statuses = Vec::new();
    for ip in ["127.0.0.2", "127.0.0.3", "127.0.0.4"] {
        statuses.push(
            app.submit_as(&client_from(ip), "en", SERVICE, &fields("m"))
                .await
                .0,
        );
    }
    assert_eq!(statuses, [200, 200, 429], "one /24, one quota");
    assert_eq!(
        app.submit_as(&client_from("127.0.1.2"), "en", SERVICE, &fields("m"))
            .await
            .0,
        200,
        "another /24 is another client"
    );
}

/// A browser with a cookie jar on another loopback address.
fn staff_from(app: &TestApp, ip: &str) -> crate::staff_helpers::Staff {
    crate::staff_helpers::Staff {
        http: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_store(true)
            .local_address(ip.parse::<std::net::IpAddr>().ok())
            .build()
            .unwrap(),
        base: app.base.clone(),
    }
}

#[tokio::test]
async fn a_stranger_guessing_cannot_lock_a_counsellor_out_and_guesses_at_a_name_stay_capped() {
    use crate::staff_helpers::NEW_PASSWORD;
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[("anna", "counsellor", &[SERVICE])]).await;
    crate::staff_helpers::Staff::first_login(&app, "anna", &pw[0]).await;
    // 30 wrong passwords for anna from one network, then 30 from another:
    // more than the name's cap of 15 an hour.
    let mut guesses = 0;
    let mut refused = 0;
    for network in ["127.0.1.1", "127.0.2.1"] {
        let stranger = staff_from(&app, network);
        for _ in 0..30 {
            match stranger.login("anna", "a wrong guess", "").await.status {
                401 => guesses += 1,
                429 => refused += 1,
                other => panic!("status {other}"),
            }
        }
    }
    assert!(
        guesses <= 15 && refused >= 45,
        "{guesses} guesses, {refused} refused"
    );
    // Anna, from her own network, still gets in.
    let anna = staff_from(&app, "127.0.3.1");
    let login = anna.login("anna", NEW_PASSWORD, "").await;
    assert_eq!(login.status, 303, "{}", login.body);
    // A stranger with many networks, three tries from each: the cap and the
    // allowance for fresh networks, 40 in an hour at the very most.
    for i in 10..40 {
        let stranger = staff_from(&app, &format!("127.0.{i}.1"));
        for _ in 0..3 {
            match stranger.login("anna", "a wrong guess", "").await.status {
                401 => guesses += 1,
                429 => refused += 1,
                other => panic!("status {other}"),
            }
        }
    }
    assert!(guesses <= 40, "{guesses} guesses in all");
    assert_eq!(guesses + refused, 150);
}
