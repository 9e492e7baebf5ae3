//! Several instances behind a load balancer without sticky sessions: a
//! small HTTP proxy of the test's own sends each request to the next
//! instance in turn, and a counsellor's whole day and every client flow
//! work through it. A session begun on one instance works on the others
//! and after a restart; a logout or a deactivation on one instance is
//! refused on another at its next request (well within 5 seconds), and a
//! deactivated member's key stops being sealed to at once on the instance
//! that did it and within `reload_seconds` on the others.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::response::Response;

use crate::booking::{book_at, booking_token, insert_slot};
use crate::helpers::*;
use crate::instances::case_with;
use crate::rotation::{age_opens, jobs_end, messages, staff_key};
use crate::schedule::slot_day;
use crate::staff_helpers::*;

const ANNA: (&str, &str, &[&str]) = ("anna", "counsellor", &[SERVICE]);
const ROOT: (&str, &str, &[&str]) = ("root", "admin", &[SERVICE]);

/// Headers that belong to one hop, not to the request forwarded.
const HOP: &[&str] = &[
    "host",
    "connection",
    "keep-alive",
    "content-length",
    "transfer-encoding",
];

struct Targets {
    bases: Vec<String>,
    next: AtomicUsize,
    served: Vec<AtomicUsize>,
    http: reqwest::Client,
}

/// A round-robin HTTP proxy in front of some instances: every request,
/// on a kept-alive connection too, goes to the next instance in turn.
struct RoundRobin {
    base: String,
    targets: Arc<Targets>,
    task: tokio::task::JoinHandle<()>,
}

impl RoundRobin {
    async fn start(instances: &[&TestApp]) -> RoundRobin {
        let targets = Arc::new(Targets {
            bases: instances.iter().map(|i| i.base.clone()).collect(),
            next: AtomicUsize::new(0),
            served: instances.iter().map(|_| AtomicUsize::new(0)).collect(),
            http: client(),
        });
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let router = axum::Router::new()
            .fallback(forward)
            .with_state(targets.clone());
        let task = tokio::spawn(async move {
            axum::serve(listener, router).await.unwrap();
        });
        RoundRobin {
            base,
            targets,
            task,
        }
    }

    /// How many requests each instance answered.
    fn served(&self) -> Vec<usize> {
        let served = &self.targets.served;
        served.iter().map(|n| n.load(Ordering::SeqCst)).collect()
    }
}

impl Drop for RoundRobin {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn forward(State(targets): State<Arc<Targets>>, request: Request) -> Response {
    let turn = targets.next.fetch_add(1, Ordering::SeqCst) % targets.bases.len();
    let (parts, body) = request.into_parts();
    let body = axum::body::to_bytes(body, 1 << 24).await.unwrap();
    let path = parts.uri.path_and_query().map_or("/", |p| p.as_str());
    let url = format!("{}{path}", targets.bases[turn]);
    let mut out = targets.http.request(parts.method, url).body(body);
    for (name, value) in &parts.headers {
        if !HOP.contains(&name.as_str()) {
            out = out.header(name, value);
        }
    }
    let answer = out.send().await.unwrap();
    targets.served[turn].fetch_add(1, Ordering::SeqCst);
    let mut back = Response::builder().status(answer.status());
    for (name, value) in answer.headers() {
        if !HOP.contains(&name.as_str()) {
            back = back.header(name, value);
        }
    }
    let bytes = answer.bytes().await.unwrap();
    back.body(Body::from(bytes)).unwrap()
}

fn token_in(page: &str) -> String {
    between(page, r#"name="token" value=""#, "\"").expect("a form token")
}

async fn post(
    http: &reqwest::Client,
    base: &str,
    path: &str,
    form: &[(&str, &str)],
) -> (u16, String) {
    let r = http
        .post(format!("{base}{path}"))
        .form(form)
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

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

/// Anna's browser, pointed at another address with the same cookies.
fn at(staff: &Staff, base: &str) -> Staff {
    Staff {
        http: staff.http.clone(),
        base: base.to_owned(),
    }
}

fn sent_to_login(answer: &Answer) -> bool {
    answer.status == 303 && answer.location.starts_with("/en/staff/login")
}

#[tokio::test]
async fn a_counsellors_whole_day_and_every_client_flow_work_through_round_robin_over_three_instances()
 {
    let mut first = spawn_app().await;
    let pw = first.with_staff(&[ANNA]).await;
    let second = first.another_instance().await;
    let third = first.another_instance().await;
    crate::phone::slot_around_now(&first, SERVICE, "weekly", -10, 20).await;
    let early = insert_slot(&first, 30, 1).await;
    let later = insert_slot(&first, 32, 1).await;
    let kept = insert_slot(&first, 34, 1).await;
    let proxy = RoundRobin::start(&[&first, &second, &third]).await;
    let via = first.behind(&proxy.base);
    let base = proxy.base.as_str();
    let http = client();

    // A client writes; the receipt opens the thread on whichever answers.
    let receipt = via.submit_ok("a question about Vartiolahti").await;
    let (status, thread) = via.check("en", &receipt).await;
    assert_eq!(status, 200, "{thread}");
    assert!(thread.contains("a question about Vartiolahti"));

    // Anna's day: first login, the queue, the case, a reply.
    let anna = Staff::first_login(&via, "anna", &pw[0]).await;
    let queue = anna.get("/en/staff").await;
    assert_eq!(queue.status, 200, "{}", queue.location);
    let case = case_with(&queue.body, "a question about Vartiolahti");
    let page = anna.get(&format!("/en/staff/cases/{case}")).await;
    assert_eq!(page.status, 200, "{}", page.location);
    assert!(page.body.contains("a question about Vartiolahti"));
    let csrf = csrf_in(&page.body);
    let reply = [("csrf", csrf.as_str()), ("text", "an answer from Anna")];
    let replied = anna
        .post(&format!("/en/staff/cases/{case}/reply"), &reply)
        .await;
    assert_eq!(replied.status, 303, "{}", replied.body);

    // The client reads the answer and writes back.
    let (status, thread) = via.check("en", &receipt).await;
    assert_eq!(status, 200);
    assert!(thread.contains("an answer from Anna"), "{thread}");
    let back = [
        ("receipt", receipt.as_str()),
        ("token", &token_in(&thread)),
        ("message", "and a word more"),
    ];
    let (status, sent) = post(&http, base, "/en/check/reply", &back).await;
    assert_eq!(status, 200, "{sent}");

    // Anna reads it, notes, sets the status and takes the case.
    let page = anna.get(&format!("/en/staff/cases/{case}")).await;
    assert!(page.body.contains("and a word more"), "{}", page.body);
    let note = [("csrf", csrf.as_str()), ("text", "a note for the team")];
    let noted = anna
        .post(&format!("/en/staff/cases/{case}/note"), &note)
        .await;
    assert_eq!(noted.status, 303, "{}", noted.body);
    let status = [("csrf", csrf.as_str()), ("status", "closed")];
    let closed = anna
        .post(&format!("/en/staff/cases/{case}/status"), &status)
        .await;
    assert_eq!(closed.status, 303, "{}", closed.body);
    let select = &page.body[page.body.find(r#"name="assignee""#).unwrap()..];
    let after_nobody = &select[select.find("</option>").unwrap()..];
    let anna_id = between(after_nobody, r#"<option value=""#, "\"").unwrap();
    let assign = [("csrf", csrf.as_str()), ("assignee", &anna_id)];
    let assigned = anna
        .post(&format!("/en/staff/cases/{case}/assign"), &assign)
        .await;
    assert_eq!(assigned.status, 303, "{}", assigned.body);
    let page = anna.get(&format!("/en/staff/cases/{case}")).await;
    assert!(page.body.contains("a note for the team"), "{}", page.body);

    // Bookings: book, see, move, cancel; one more that stays.
    let book = |slot: String, phone: &'static str| {
        let http = http.clone();
        async move {
            let token = booking_token(base).await;
            let choice = format!("slot:{slot}");
            let fields = [
                ("choice", choice.as_str()),
                ("call", "we_call"),
                ("phone", phone),
            ];
            let (status, page) = book_at(&http, base, &token, &fields).await;
            assert_eq!(status, 200, "{page}");
            receipt_in(&page)
        }
    };
    let booking = book(early.clone(), "+358 40 111 2222").await;
    let manage = async |receipt: &str| {
        let (status, page) = via.manage("en", receipt).await;
        assert_eq!(status, 200, "{page}");
        token_of_form(&page, "/bookings/move")
    };
    let to = format!("slot:{later}");
    let token = manage(&booking).await;
    let moved = [
        ("receipt", booking.as_str()),
        ("token", &token),
        ("choice", &to),
    ];
    assert_eq!(post(&http, base, "/en/bookings/move", &moved).await.0, 200);
    let token = manage(&booking).await;
    let cancel = [("receipt", booking.as_str()), ("token", &token)];
    assert_eq!(
        post(&http, base, "/en/bookings/cancel", &cancel).await.0,
        200
    );
    book(kept.clone(), "+358 40 333 4444").await;

    // Anna's schedule shows the booking that stayed.
    let day = slot_day(&first, &kept).await;
    let schedule = anna
        .get(&format!("/en/staff/schedule?day={day}&span=day"))
        .await;
    assert_eq!(schedule.status, 200, "{}", schedule.location);
    assert!(
        schedule.body.contains("+358 40 333 4444"),
        "{}",
        schedule.body
    );

    // A call she records; the caller's code opens it.
    let form = anna.get("/en/staff/phone").await;
    assert_eq!(form.status, 200, "{}", form.location);
    let call = [
        ("csrf", csrf_in(&form.body)),
        ("service", SERVICE.to_owned()),
        ("topic", "general".to_owned()),
        ("text", "a caller from Kuopio".to_owned()),
    ];
    let call: Vec<(&str, &str)> = call.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let saved = anna.post("/en/staff/phone", &call).await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    let (status, thread) = via.check("en", &receipt_in(&saved.body)).await;
    assert_eq!(status, 200);
    assert!(thread.contains("a caller from Kuopio"));

    // Logout: every instance sends her to log in.
    let out = anna.post("/en/staff/logout", &[("csrf", &csrf)]).await;
    assert_eq!(out.status, 303);
    for _ in 0..3 {
        assert!(sent_to_login(&anna.get("/en/staff").await));
    }

    let served = proxy.served();
    assert!(served.iter().all(|n| *n >= 10), "{served:?}");
    assert!(served.iter().max().unwrap() - served.iter().min().unwrap() <= 1);
}

#[tokio::test]
async fn a_session_works_on_every_instance_and_after_each_restarts() {
    let mut first = spawn_app().await;
    let pw = first.with_staff(&[ANNA]).await;
    let mut second = first.another_instance().await;
    first.submit_ok("written before the restarts").await;
    let anna = Staff::first_login(&first, "anna", &pw[0]).await;
    let case = at(&anna, &second.base).newest_case().await;
    second.stop().await;
    second.start().await;
    let page = at(&anna, &second.base)
        .get(&format!("/en/staff/cases/{case}"))
        .await;
    assert_eq!(page.status, 200, "{}", page.location);
    assert!(page.body.contains("written before the restarts"));
    first.stop().await;
    first.start().await;
    let page = at(&anna, &first.base)
        .get(&format!("/en/staff/cases/{case}"))
        .await;
    assert_eq!(page.status, 200, "{}", page.location);
    assert!(page.body.contains("written before the restarts"));
}

#[tokio::test]
async fn a_logout_on_one_instance_is_refused_on_another_at_once() {
    let mut first = spawn_app().await;
    let pw = first.with_staff(&[ANNA]).await;
    let second = first.another_instance().await;
    let anna = Staff::first_login(&first, "anna", &pw[0]).await;
    let elsewhere = at(&anna, &second.base);
    assert_eq!(elsewhere.get("/en/staff").await.status, 200);
    let csrf = anna.csrf().await;
    let out = anna.post("/en/staff/logout", &[("csrf", &csrf)]).await;
    assert_eq!(out.status, 303);
    let ended = Instant::now();
    let refused = elsewhere.get("/en/staff").await;
    assert!(sent_to_login(&refused), "{}", refused.location);
    assert!(ended.elapsed() < Duration::from_secs(5));
    // The cookie as a thief kept it opens nothing anywhere.
    let replay = elsewhere
        .post(
            "/en/staff/cases/0123/note",
            &[("csrf", &csrf), ("text", "")],
        )
        .await;
    assert!(sent_to_login(&replay), "{}", replay.location);
}

#[tokio::test]
async fn a_deactivation_on_one_instance_ends_sessions_everywhere_and_stops_sealing_to_the_key() {
    let mut first = spawn_app().await;
    let pw = first.with_staff(&[ROOT, ANNA]).await;
    let second = first.another_instance().await;
    let root = Staff::first_login(&first, "root", &pw[0]).await;
    // Anna logged in on the first; her requests go to the second.
    let anna = at(
        &Staff::first_login(&first, "anna", &pw[1]).await,
        &second.base,
    );
    let anna_key = staff_key(&first, "anna", NEW_PASSWORD).await;
    assert_eq!(anna.get("/en/staff").await.status, 200);
    first.submit_ok("sent before, resealed without her").await;

    let people = root.get("/en/staff/people").await;
    let form = [
        ("csrf", csrf_in(&people.body)),
        ("staff", id_of(&first, "anna").await),
        ("confirm", "yes".to_owned()),
    ];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let off = root.post("/en/staff/people/deactivate", &form).await;
    assert_eq!(off.location, "/en/staff/people?notice=deactivated");
    let ended = Instant::now();
    let refused = anna.get("/en/staff").await;
    assert!(sent_to_login(&refused), "{}", refused.location);
    assert!(ended.elapsed() < Duration::from_secs(5));

    // The instance that deactivated her seals without her key at once.
    first.submit_ok("sent right after, here").await;
    let newest = messages(&first).await.pop().unwrap();
    assert!(!age_opens(&first, &anna_key, &newest.5), "sealed to her");
    // The other re-reads the keys within reload_seconds (1 in tests).
    jobs_end(&first, 1).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    second.submit_ok("sent a moment after, there").await;
    let newest = messages(&first).await.pop().unwrap();
    assert!(
        !age_opens(&first, &anna_key, &newest.5),
        "sealed to her there"
    );
}
