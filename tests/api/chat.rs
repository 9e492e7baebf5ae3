//! Live chat through the real binary: a client starts a chat from a
//! service's page and gets the receipt at once, waits with an honest place
//! in the queue, chats with a counsellor who took them, by buttons and by
//! the event stream (which resumes after `Last-Event-ID` without
//! duplicates), ends it, and reads it later with the receipt. Two
//! counsellors never take the same client; a service may keep no
//! transcript; a closed or full chat says so; on PostgreSQL the client
//! and the counsellor may be on different instances.

use std::time::Duration;

use sqlx::Row;

use crate::helpers::{SERVICE, TestApp, between, is_postgres, receipt_in, spawn_app};
use crate::staff_helpers::{Staff, csrf_in};

/// A client's browser: its own cookie jar (the chat cookie), no redirects.
pub(crate) fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .build()
        .unwrap()
}

/// Chat hours every day, all day, set by an admin on the settings page.
pub(crate) async fn open_all_week(admin: &Staff, queue_max: &str, keep: bool) {
    let page = admin
        .get(&format!("/en/staff/chat/settings/{SERVICE}"))
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    let csrf = csrf_in(&page.body);
    let mut form: Vec<(String, String)> = vec![
        ("csrf".into(), csrf),
        ("queue_max".into(), queue_max.into()),
    ];
    if keep {
        form.push(("keep".into(), "on".into()));
    }
    for d in 1..=7 {
        form.push((format!("from{d}"), "00:00".into()));
        form.push((format!("until{d}"), "24:00".into()));
    }
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let saved = admin
        .post(&format!("/en/staff/chat/settings/{SERVICE}"), &form)
        .await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    assert!(saved.body.contains("The chat settings were saved."));
}

pub(crate) async fn on_duty(staff: &Staff) {
    let csrf = staff.csrf().await;
    let duty = staff
        .post(
            "/en/staff/chat/duty",
            &[
                ("csrf", &csrf),
                (&format!("duty-{SERVICE}"), "on"),
                ("capacity", "2"),
            ],
        )
        .await;
    assert_eq!(duty.status, 303, "{}", duty.body);
}

/// Starts a chat from the service page; returns the page it answers with.
pub(crate) async fn start_chat(
    app: &TestApp,
    client: &reqwest::Client,
    name: &str,
) -> (u16, String, String) {
    let page = client
        .get(app.url(&format!("/en/services/{SERVICE}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let form = between(&page, "class=\"chat-offer\"", "</section>").expect("a chat offer");
    let token = between(&form, r#"name="token" value=""#, "\"").expect("the chat is open");
    let r = client
        .post(app.url(&format!("/en/services/{SERVICE}/chat")))
        .form(&[("token", token.as_str()), ("name", name)])
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    let cookie = r
        .headers()
        .get("set-cookie")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, cookie, r.text().await.unwrap())
}

async fn say(app: &TestApp, client: &reqwest::Client, what: &str, text: &str) -> (u16, String) {
    let r = client
        .post(app.url("/en/chat"))
        .form(&[("do", what), ("message", text)])
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

async fn chat_page(app: &TestApp, client: &reqwest::Client) -> String {
    let r = client.get(app.url("/en/chat")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    r.text().await.unwrap()
}

/// Takes the next client; the chat's path.
pub(crate) async fn take(staff: &Staff) -> Option<String> {
    let csrf = staff.csrf().await;
    let took = staff.post("/en/staff/chat/take", &[("csrf", &csrf)]).await;
    assert_eq!(took.status, 303, "{}", took.body);
    took.location
        .starts_with("/en/staff/chat/")
        .then_some(took.location)
}

async fn staff_say(staff: &Staff, chat: &str, what: &str, field: &str, text: &str) -> u16 {
    let csrf = staff.csrf().await;
    staff
        .post(chat, &[("csrf", &csrf), ("do", what), (field, text)])
        .await
        .status
}

/// Reads an event stream until `until` is in what arrived (or 10 s pass);
/// everything read.
async fn read_events(mut r: reqwest::Response, until: &str) -> String {
    let mut seen = String::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while !seen.contains(until) {
        let chunk = tokio::time::timeout_at(deadline, r.chunk()).await;
        match chunk {
            Ok(Ok(Some(bytes))) => seen.push_str(&String::from_utf8_lossy(&bytes)),
            _ => break,
        }
    }
    seen
}

async fn events(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    last_id: Option<&str>,
) -> reqwest::Response {
    let mut request = client.get(app.url(path));
    if let Some(id) = last_id {
        request = request.header("last-event-id", id);
    }
    let r = request.send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(
        r.headers().get("content-type").unwrap().to_str().unwrap(),
        "text/event-stream"
    );
    r
}

async fn ready(app: &mut TestApp) -> (Staff, Staff) {
    let pw = app
        .with_staff(&[
            ("pia", "counsellor", &[SERVICE]),
            ("ada", "admin", &[SERVICE]),
        ])
        .await;
    let pia = Staff::first_login(app, "pia", &pw[0]).await;
    let ada = Staff::first_login(app, "ada", &pw[1]).await;
    (pia, ada)
}

/// A chat in progress: chat hours set (transcript kept or not), Pia on
/// duty, a client's chat started and taken by her.
struct Live {
    app: TestApp,
    pia: Staff,
    client: reqwest::Client,
    chat: String,
    receipt: String,
}

async fn live_chat(keep: bool) -> Live {
    let mut app = spawn_app().await;
    let (pia, ada) = ready(&mut app).await;
    open_all_week(&ada, "5", keep).await;
    on_duty(&pia).await;
    let client = browser();
    let (_, _, started) = start_chat(&app, &client, "").await;
    let receipt = receipt_in(&started);
    let chat = take(&pia).await.unwrap();
    Live {
        app,
        pia,
        client,
        chat,
        receipt,
    }
}

#[tokio::test]
async fn a_client_chats_live_with_a_counsellor_and_reads_it_later_with_the_receipt() {
    let mut app = spawn_app().await;
    let (pia, ada) = ready(&mut app).await;
    open_all_week(&ada, "5", true).await;

    // In the hours, but nobody on duty: said, and no start form.
    let (_, page) = app.get(&format!("/en/services/{SERVICE}")).await;
    assert!(page.contains("no counsellor is free right now"), "{page}");
    assert!(!page.contains(&format!("/en/services/{SERVICE}/chat\"")));

    on_duty(&pia).await;
    let client = browser();
    let (status, cookie, started) = start_chat(&app, &client, "Mika").await;
    assert_eq!(status, 200, "{started}");
    let receipt = receipt_in(&started);
    assert!(started.contains("You are next in the queue."), "{started}");
    // A session cookie: HttpOnly, SameSite=Strict, no lifetime.
    assert!(cookie.starts_with("suoja-chat="), "{cookie}");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));
    assert!(!cookie.contains("Max-Age") && !cookie.contains("Expires"));

    // Written while waiting; read by the counsellor once taken.
    assert_eq!(say(&app, &client, "send", "I am waiting here").await.0, 303);
    let console = pia.get("/en/staff/chat").await;
    assert!(
        console.body.contains("waited 0 minutes"),
        "{}",
        console.body
    );
    let chat = take(&pia).await.expect("a client to take");
    let seen = pia.get(&chat).await;
    assert!(seen.body.contains("I am waiting here"), "{}", seen.body);
    assert!(seen.body.contains("Chat with Mika"));
    assert!(
        chat_page(&app, &client)
            .await
            .contains("You are chatting with Pia.")
    );

    // The client's stream, from the start: the counsellor's line arrives.
    let stream = events(&app, &client, "/en/chat/events?after=0", None).await;
    assert_eq!(
        staff_say(&pia, &chat, "send", "message", "hello from pia").await,
        303
    );
    let got = read_events(stream, "hello from pia").await;
    assert!(got.contains("event: line"), "{got}");
    assert!(got.contains("I am waiting here"), "{got}");
    let last_id = got
        .lines()
        .rev()
        .find_map(|l| l.strip_prefix("id: "))
        .expect("lines carry ids")
        .to_owned();

    // A note is the counsellors' only.
    assert_eq!(
        staff_say(&pia, &chat, "note", "note", "private thought").await,
        303
    );
    // A reconnect with Last-Event-ID gets what it missed, nothing twice.
    assert_eq!(
        staff_say(&pia, &chat, "send", "message", "second line").await,
        303
    );
    let again = events(&app, &client, "/en/chat/events", Some(&last_id)).await;
    let got = read_events(again, "second line").await;
    assert!(got.contains("second line"), "{got}");
    assert!(!got.contains("hello from pia"), "a duplicate: {got}");
    assert!(
        !got.contains("private thought"),
        "a note reached the client: {got}"
    );

    // Without the script: "check" keeps the text being typed.
    let (status, page) = say(&app, &client, "check", "half typed").await;
    assert_eq!(status, 200);
    assert!(page.contains(">half typed</textarea>"), "{page}");
    assert!(page.contains("second line"));
    // An empty line is refused, the page kept.
    let (status, page) = say(&app, &client, "send", "   ").await;
    assert_eq!(status, 422);
    assert!(page.contains("error-summary"));

    // Nothing said is stored in the clear.
    let stored = app.stored_contents().await;
    for text in [
        "I am waiting here",
        "hello from pia",
        "private thought",
        "Mika",
    ] {
        assert!(!stored.contains(text), "{text} stored in the clear");
    }
    // The chat is counted for the statistics, by the page's language, in a
    // counter of its own (written within about a second).
    let started = std::time::Instant::now();
    while app
        .count("select count(*) from stats_counts where metric = 'chats' and category = 'en'")
        .await
        == 0
    {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "no chat counted"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }

    // The client ends it: the cookie goes, and the row with it.
    let r = client
        .post(app.url("/en/chat"))
        .form(&[("do", "end"), ("message", "")])
        .send()
        .await
        .unwrap();
    let cleared = r
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cleared.contains("Max-Age=0"), "{cleared}");
    let page = r.text().await.unwrap();
    assert!(page.contains("The chat has ended"), "{page}");
    assert_eq!(app.count("select count(*) from chats").await, 0);
    let after = pia.get(&chat).await;
    assert_eq!(
        after.status, 403,
        "an ended chat is not the counsellor's page any more"
    );

    // Later, with the receipt: the whole conversation, without the note.
    let (status, thread) = app.check("en", &receipt).await;
    assert_eq!(status, 200, "{thread}");
    for text in ["I am waiting here", "hello from pia", "second line"] {
        assert!(thread.contains(text), "{text} missing: {thread}");
    }
    assert!(!thread.contains("private thought"));
}

#[tokio::test]
async fn two_counsellors_taking_at_once_never_get_the_same_client() {
    let mut app = spawn_app().await;
    let pw = app
        .with_staff(&[
            ("pia", "counsellor", &[SERVICE]),
            ("olli", "counsellor", &[SERVICE]),
            ("ada", "admin", &[SERVICE]),
        ])
        .await;
    let pia = Staff::first_login(&app, "pia", &pw[0]).await;
    let olli = Staff::first_login(&app, "olli", &pw[1]).await;
    let ada = Staff::first_login(&app, "ada", &pw[2]).await;
    open_all_week(&ada, "5", true).await;
    on_duty(&pia).await;
    on_duty(&olli).await;
    for round in 0..5 {
        let client = browser();
        let (status, _, page) = start_chat(&app, &client, "").await;
        assert_eq!(status, 200, "{page}");
        let (a, b) = tokio::join!(take(&pia), take(&olli));
        assert!(a.is_some() != b.is_some(), "round {round}: {a:?} {b:?}");
        // Hand it back by ending it, so both have room again.
        let (who, chat) = match (a, b) {
            (Some(c), None) => (&pia, c),
            (None, Some(c)) => (&olli, c),
            _ => unreachable!(),
        };
        assert_eq!(staff_say(who, &chat, "end", "message", "").await, 303);
    }
    // A hand-over moves a chat to the other counsellor on duty.
    let client = browser();
    start_chat(&app, &client, "").await;
    let chat = take(&pia).await.unwrap();
    let page = pia.get(&chat).await;
    let olli_id = between(&page.body, r#"<option value=""#, "\"").expect("olli to hand to");
    let csrf = csrf_in(&page.body);
    let moved = pia
        .post(
            &chat,
            &[("csrf", &csrf), ("do", "handover"), ("to", &olli_id)],
        )
        .await;
    assert_eq!(moved.status, 303);
    assert_eq!(pia.get(&chat).await.status, 403);
    assert_eq!(olli.get(&chat).await.status, 200);
    assert!(
        chat_page(&app, &client)
            .await
            .contains("You are chatting with Olli.")
    );
}

#[tokio::test]
async fn without_a_kept_transcript_the_lines_go_when_the_chat_ends() {
    let Live {
        app,
        pia,
        client,
        chat,
        receipt,
    } = live_chat(false).await;
    say(&app, &client, "send", "forget me").await;
    staff_say(&pia, &chat, "send", "message", "forgotten too").await;
    let case = app.case_of(&receipt).await;
    assert_eq!(count_messages(&app, &case).await, 3);
    assert_eq!(staff_say(&pia, &chat, "end", "message", "").await, 303);
    assert_eq!(
        count_messages(&app, &case).await,
        1,
        "only the case's first message stays"
    );
    // The client is told, and that the conversation cannot be read again.
    let page = chat_page(&app, &client).await;
    assert!(page.contains("The counsellor ended the chat."), "{page}");
    assert!(page.contains("does not keep chat conversations"), "{page}");
}

#[tokio::test]
async fn a_full_queue_or_closed_hours_say_so_and_leave_the_written_way_open() {
    let mut app = spawn_app().await;
    let (pia, ada) = ready(&mut app).await;
    open_all_week(&ada, "1", true).await;
    on_duty(&pia).await;
    let first = browser();
    assert_eq!(start_chat(&app, &first, "").await.0, 200);
    let (_, page) = app.get(&format!("/en/services/{SERVICE}")).await;
    assert!(page.contains("The chat queue is full right now."), "{page}");
    assert!(page.contains("name=\"message\""), "the contact form stays");
    // The waiting client turns the wait into a written request.
    let (status, page) = say(&app, &first, "written", "please write to me").await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("will answer in writing"), "{page}");
    assert_eq!(app.count("select count(*) from chats").await, 0);
    // Closed hours name when the chat opens next.
    let page = ada.get(&format!("/en/staff/chat/settings/{SERVICE}")).await;
    let csrf = csrf_in(&page.body);
    let saved = ada
        .post(
            &format!("/en/staff/chat/settings/{SERVICE}"),
            &[
                ("csrf", &csrf),
                ("queue_max", "5"),
                ("keep", "on"),
                ("from3", "25:00"),
                ("until3", "26:00"),
            ],
        )
        .await;
    assert_eq!(saved.status, 422, "a bad time is refused");
    assert!(
        saved.body.contains("value=\"25:00\""),
        "what was typed is kept"
    );
    let tomorrow = jiff::Zoned::now()
        .with_time_zone(jiff::tz::TimeZone::get("Europe/Helsinki").unwrap())
        .tomorrow()
        .unwrap();
    let d = tomorrow.weekday().to_monday_one_offset().to_string();
    let (from, until) = (format!("from{d}"), format!("until{d}"));
    let saved = ada
        .post(
            &format!("/en/staff/chat/settings/{SERVICE}"),
            &[
                ("csrf", &csrf),
                ("queue_max", "5"),
                (&from, "00:00"),
                (&until, "00:30"),
            ],
        )
        .await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    let (_, page) = app.get(&format!("/en/services/{SERVICE}")).await;
    assert!(
        page.contains("The chat is closed now. It opens next on"),
        "{page}"
    );
    assert!(page.contains("00:00"));
}

#[tokio::test]
async fn on_postgresql_the_client_and_the_counsellor_may_be_on_different_instances() {
    if !is_postgres() {
        return;
    }
    let mut app = spawn_app().await;
    let (pia, ada) = ready(&mut app).await;
    open_all_week(&ada, "5", true).await;
    let other = app.another_instance().await;
    // The counsellor works on the other instance.
    let pia_there = Staff {
        http: pia.http.clone(),
        base: other.base.clone(),
    };
    on_duty(&pia_there).await;
    let client = browser();
    start_chat(&app, &client, "").await;
    let chat = take(&pia_there).await.unwrap();
    let stream = events(&app, &client, "/en/chat/events?after=0", None).await;
    let started = std::time::Instant::now();
    assert_eq!(
        staff_say(&pia_there, &chat, "send", "message", "across instances").await,
        303
    );
    let got = read_events(stream, "across instances").await;
    assert!(got.contains("across instances"), "{got}");
    // Well within the stream's own poll interval: the notify carried it.
    assert!(started.elapsed() < Duration::from_secs(5));
    // And back: the counsellor's stream on the other instance.
    let staff_stream = events(
        &other,
        &pia_there.http,
        &format!("{chat}/events?after=0"),
        None,
    )
    .await;
    assert_eq!(say(&app, &client, "send", "client to other").await.0, 303);
    let got = read_events(staff_stream, "client to other").await;
    assert!(got.contains("client to other"), "{got}");
}

async fn count_messages(app: &TestApp, case: &str) -> i64 {
    let pool = app.pool().await;
    sqlx::query("select count(*) from messages where case_id = $1")
        .bind(case)
        .fetch_one(&pool)
        .await
        .unwrap()
        .try_get::<i64, _>(0)
        .unwrap()
}

#[tokio::test]
async fn the_quick_exit_ends_the_chat_and_the_counsellor_is_told() {
    let Live {
        app,
        pia,
        client,
        chat,
        ..
    } = live_chat(true).await;
    let staff_stream = events(&app, &pia.http, &format!("{chat}/events?after=0"), None).await;
    let r = client
        .get(app.url("/exit"))
        .header("sec-fetch-site", "same-origin")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    assert!(r.headers().contains_key("clear-site-data"));
    let got = read_events(staff_stream, "quick exit").await;
    assert!(
        got.contains("The client left with the quick exit."),
        "{got}"
    );
    let pool = app.pool().await;
    let row = sqlx::query("select state, ended_by, length(sealed_key) as key from chats")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(row.get::<String, _>("state"), "ended");
    assert_eq!(row.get::<String, _>("ended_by"), "exit");
    assert_eq!(row.get::<i32, _>("key"), 0, "the client's key is wiped");
    // A browser that kept the cookie anyway finds the chat ended.
    assert!(
        chat_page(&app, &client)
            .await
            .contains("The chat has ended")
    );
}

#[tokio::test]
async fn a_counsellor_s_event_stream_ends_with_their_session() {
    let Live {
        app,
        pia,
        client,
        chat,
        ..
    } = live_chat(true).await;
    let stream = events(&app, &pia.http, &format!("{chat}/events?after=0"), None).await;
    let csrf = pia.csrf().await;
    assert_eq!(
        pia.post("/en/staff/logout", &[("csrf", &csrf)])
            .await
            .status,
        303
    );
    // A line after the logout wakes the stream: it ends instead of
    // opening the line with the ended session's key.
    assert_eq!(say(&app, &client, "send", "after the logout").await.0, 303);
    let started = std::time::Instant::now();
    let got = read_events(stream, "after the logout").await;
    assert!(!got.contains("after the logout"), "{got}");
    assert!(
        started.elapsed() < Duration::from_secs(9),
        "the stream ended"
    );
}
