//! Security matrices over every staff route. The routes are read from the
//! source that builds the router (`src/**/*.rs`, every `.route(path,
//! method(...))`), not listed here, so a route added later is in the
//! matrices at once; a route whose path has a placeholder this file cannot
//! fill makes the test fail until it learns it.

use std::path::Path;

use crate::helpers::*;
use crate::staff_helpers::*;

/// One route as the router's source declares it.
#[derive(Debug, Clone)]
struct Route {
    path: String,
    methods: Vec<&'static str>,
}

/// Every `.route("…", get(…).post(…))` in the crate's source.
fn routes() -> Vec<Route> {
    let mut files = vec![];
    collect(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("src").as_path(),
        &mut files,
    );
    let mut routes = vec![];
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let mut rest = text.as_str();
        while let Some(at) = rest.find(".route(") {
            rest = &rest[at + ".route(".len()..];
            // The call's arguments, up to its closing parenthesis.
            let mut depth = 1;
            let end = rest
                .char_indices()
                .find(|&(_, c)| {
                    depth += match c {
                        '(' => 1,
                        ')' => -1,
                        _ => 0,
                    };
                    depth == 0
                })
                .map(|(i, _)| i)
                .unwrap();
            let args = &rest[..end];
            let Some(path) = between(args, "\"", "\"") else {
                continue;
            };
            let methods = ["get", "post", "put", "patch", "delete"]
                .into_iter()
                .filter(|m| {
                    args.match_indices(&format!("{m}(")).any(|(i, _)| {
                        i == 0
                            || !args[..i]
                                .ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':')
                    })
                })
                .collect();
            routes.push(Route { path, methods });
        }
    }
    routes.sort_by(|a, b| a.path.cmp(&b.path));
    routes
}

fn collect(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

/// Routes under `/{lang}/staff` that come before any session: the login,
/// the first-run setup, and the pages one-time links open (an invitation,
/// a password reset), whose POST carries the link's 256-bit token, which
/// no other site can know.
const BEFORE_SESSION: &[&str] = &[
    "/{lang}/staff/login",
    "/{lang}/staff/setup",
    "/{lang}/staff/invite",
    "/{lang}/staff/reset",
];

/// Routes a staff session is needed for: all under `/{lang}/staff` but
/// those that come before one.
fn session_routes() -> Vec<Route> {
    let all = routes();
    assert!(all.len() >= 25, "the scan found too few routes: {all:?}");
    all.into_iter()
        .filter(|r| r.path.starts_with("/{lang}/staff"))
        .filter(|r| !BEFORE_SESSION.contains(&r.path.as_str()))
        .collect()
}

/// Routes only admins may use.
const ADMIN_ONLY: &[&str] = &[
    "/{lang}/staff/audit",
    "/{lang}/staff/members",
    "/{lang}/staff/members/remove",
    "/{lang}/staff/services",
    "/{lang}/staff/services/new",
    "/{lang}/staff/services/{slug}",
    "/{lang}/staff/services/{slug}/retire",
    "/{lang}/staff/stats",
    "/{lang}/staff/stats/csv",
    "/{lang}/staff/stats/categories",
    "/{lang}/staff/stats/categories/{category}",
    "/{lang}/staff/stats/categories/{category}/move",
    "/{lang}/staff/stats/categories/{category}/retire",
    "/{lang}/staff/people",
    "/{lang}/staff/people/invite",
    "/{lang}/staff/people/revoke",
    "/{lang}/staff/people/role",
    "/{lang}/staff/people/service",
    "/{lang}/staff/people/deactivate",
    "/{lang}/staff/people/reactivate",
    "/{lang}/staff/people/reset",
    "/{lang}/staff/chat/settings/{slug}",
    "/{lang}/staff/accessibility",
];

/// Routes of a service's canned replies: its members and admins keep them;
/// to a counsellor of another service they are not there (404).
const CANNED_OF_A_SERVICE: &str = "/{lang}/staff/canned/{slug}";

/// Routes that act on the service named in the form: only its members.
const MEMBERS_OF_THE_FORMS_SERVICE: &[&str] = &["/{lang}/staff/rotation/resume"];

/// What a route's placeholders stand for in the fixture.
struct Ids {
    case: String,
    /// A live chat anna has taken.
    chat: String,
    slot: String,
    seat: String,
    /// A canned reply of SERVICE.
    canned: String,
}

fn fill(path: &str, ids: &Ids) -> String {
    let filled = path
        .replace("{lang}", "en")
        .replace("{slug}", SERVICE)
        .replace("{category}", "loneliness")
        .replace("{canned}", &ids.canned)
        .replace("/cases/{id}", &format!("/cases/{}", ids.case))
        .replace("/chat/{id}", &format!("/chat/{}", ids.chat))
        .replace("/slots/{id}", &format!("/slots/{}", ids.slot))
        .replace("/bookings/{id}", &format!("/bookings/{}", ids.seat));
    assert!(
        !filled.contains('{'),
        "{path}: a placeholder this matrix does not know; teach `fill` what it is"
    );
    filled
}

/// A service with a case, a published time, and a booked seat (all of
/// SERVICE), and these accounts: anna and anja work SERVICE, bob works the
/// other service, boss is an admin of none.
struct Fixture {
    app: TestApp,
    ids: Ids,
    anna: Staff,
    anja: Staff,
    bob: Staff,
    boss: Staff,
}

async fn fixture() -> Fixture {
    let mut app = spawn_app().await;
    let pw = app
        .with_staff(&[
            ("anna", "counsellor", &[SERVICE]),
            ("anja", "counsellor", &[SERVICE]),
            ("bob", "counsellor", &[OTHER_SERVICE]),
            ("boss", "admin", &[]),
        ])
        .await;
    app.submit_ok("a request the matrix must not change").await;
    let slot = crate::booking::insert_slot(&app, 48, 2).await;
    crate::schedule::book_slot(&app, &slot, &[("call", "you_call")]).await;
    let free = crate::booking::insert_slot(&app, 72, 1).await;
    let pool = app.pool().await;
    let one = |sql: &'static str| {
        let pool = pool.clone();
        async move { sqlx::Row::get::<String, _>(&sqlx::query(sql).fetch_one(&pool).await.unwrap(), 0) }
    };
    let case = one("select id from cases where kind = 'contact'").await;
    let seat = one("select id from seats").await;
    let canned = "0badc0ffee0badc0ffee0badc0ffee00".to_owned();
    sqlx::query(
        "insert into canned_replies (id, service, lang, title, body) \
         values ($1, $2, 'en', 'Matrix title', 'A canned text the matrix must not change')",
    )
    .bind(&canned)
    .bind(SERVICE)
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;
    let _ = slot;
    let anna = Staff::first_login(&app, "anna", &pw[0]).await;
    let anja = Staff::first_login(&app, "anja", &pw[1]).await;
    let bob = Staff::first_login(&app, "bob", &pw[2]).await;
    let boss = Staff::first_login(&app, "boss", &pw[3]).await;
    let chat = taken_chat(&app, &anna).await;
    Fixture {
        app,
        ids: Ids {
            case,
            chat,
            slot: free,
            seat,
            canned,
        },
        anna,
        anja,
        bob,
        boss,
    }
}

/// A chat of SERVICE that anna took (hours set straight in the database:
/// the matrix has no admin of SERVICE).
async fn taken_chat(app: &TestApp, anna: &Staff) -> String {
    let pool = app.pool().await;
    let hours = (1..=7)
        .map(|d| format!("{d} 00:00 24:00"))
        .collect::<Vec<_>>()
        .join(";");
    sqlx::query("insert into chat_settings (service, hours) values ($1, $2)")
        .bind(SERVICE)
        .bind(hours)
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    crate::chat::on_duty(anna).await;
    let client = crate::chat::browser();
    let (status, _, page) = crate::chat::start_chat(app, &client, "").await;
    assert_eq!(status, 200, "{page}");
    let path = crate::chat::take(anna).await.expect("a chat to take");
    path.rsplit('/').next().unwrap().to_owned()
}

/// What any staff action could change, as numbers.
async fn state_of(app: &TestApp) -> Vec<i64> {
    let mut out = vec![];
    for sql in [
        "select count(*) from messages",
        "select count(*) from cases where status = 'new' and assignee is null",
        "select count(*) from slots where cancelled = 0",
        "select count(*) from seats where state = 'booked'",
        "select count(*) from series",
        "select count(*) from cases",
        "select count(*) from staff where totp_sealed is null and must_change_password = 0",
        "select count(*) from services",
        "select cast(coalesce(sum(revision), 0) as bigint) from services",
        "select count(*) from staff where role = 'admin'",
        "select count(*) from staff where active = 1 and recipient <> ''",
        "select count(*) from memberships",
        "select count(*) from staff_links",
        "select count(*) from stats_categories where retired = 0",
        "select cast(coalesce(sum(position), 0) as bigint) from stats_categories",
        "select count(*) from stats_categories where name_en = 'Loneliness'",
        "select cast(coalesce(sum(count), 0) as bigint) from stats_counts \
         where metric in ('reasons', 'outcomes')",
        "select count(*) from cases where assignee is not null",
        "select count(*) from canned_replies",
        "select count(*) from canned_replies where title = 'Matrix title' \
         and body = 'A canned text the matrix must not change' and lang = 'en'",
    ] {
        out.push(app.count(sql).await);
    }
    out
}

/// A form a route would accept but for its CSRF token: every field any
/// staff form reads, filled with something plausible.
fn form_with(csrf: Option<&str>) -> Vec<(&str, String)> {
    let mut form = vec![
        ("text", "a forged text".to_owned()),
        ("status", "closed".to_owned()),
        ("assignee", String::new()),
        ("outcome", "done".to_owned()),
        ("message", "a forged message".to_owned()),
        ("service", SERVICE.to_owned()),
        ("date", "2031-01-07".to_owned()),
        ("start", "10:00".to_owned()),
        ("minutes", "30".to_owned()),
        ("capacity", "1".to_owned()),
        ("current", "not the current password".to_owned()),
        ("new", "a forged new password".to_owned()),
        ("repeat", "a forged new password".to_owned()),
        ("notes", "a forged call".to_owned()),
        ("reason", "loneliness".to_owned()),
    ];
    if let Some(token) = csrf {
        form.push(("csrf", token.to_owned()));
    }
    form
}

/// A way to send a request without this session's consent: what it is, the
/// token it carries, and extra headers.
type Variant<'a> = (&'a str, Option<&'a str>, Vec<(&'a str, &'a str)>);

#[tokio::test]
async fn every_state_changing_staff_route_refuses_every_csrf_variant() {
    let f = fixture().await;
    let own = f.anna.csrf().await;
    let others = f.anja.csrf().await;
    let before = state_of(&f.app).await;
    let posts: Vec<Route> = session_routes()
        .into_iter()
        .filter(|r| r.methods.contains(&"post"))
        .collect();
    assert!(posts.len() >= 15, "{posts:?}");
    let wrong = "0".repeat(64);
    let variants: [Variant; 6] = [
        ("no token", None, vec![]),
        ("a wrong token", Some(&wrong), vec![]),
        ("another session's token", Some(&others), vec![]),
        (
            "a foreign Origin",
            Some(&own),
            vec![("origin", "http://evil.example")],
        ),
        (
            "a cross-site fetch",
            Some(&own),
            vec![("sec-fetch-site", "cross-site")],
        ),
        (
            "a same-site fetch",
            Some(&own),
            vec![("sec-fetch-site", "same-site")],
        ),
    ];
    let mut accepted = vec![];
    let mut tried = 0;
    for route in &posts {
        // An admin-only route is tried with the admin's session, whose own
        // token is the one the variants carry.
        let path = fill(&route.path, &f.ids);
        for (what, token, headers) in &variants {
            let form = form_with(*token);
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let answer = f.anna.post_with(&path, &form, headers).await;
            tried += 1;
            if answer.status != 403 {
                accepted.push(format!(
                    "{path} with {what}: {} {}",
                    answer.status, answer.location
                ));
            }
        }
    }
    println!(
        "CSRF matrix: {} routes x {} variants = {tried} requests, {} accepted",
        posts.len(),
        variants.len(),
        accepted.len()
    );
    assert!(accepted.is_empty(), "accepted:\n{}", accepted.join("\n"));
    assert_eq!(state_of(&f.app).await, before, "nothing changed");
    assert_eq!(f.anna.get("/en/staff").await.status, 200, "still logged in");
}

/// Who asks.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Role {
    Anonymous,
    LoggedOut,
    Deactivated,
    Member,
    OtherService,
    AdminNotMember,
}

/// The answer a role must get from a route: a status, and for redirects
/// where they lead.
fn intended(route: &Route, method: &str, role: Role) -> (u16, Option<&'static str>) {
    let has_id = route.path.contains("{id}")
        || (method == "post" && MEMBERS_OF_THE_FORMS_SERVICE.contains(&route.path.as_str()));
    let admin_only = ADMIN_ONLY.contains(&route.path.as_str());
    let writes_text = route.path.ends_with("/reply")
        || route.path.ends_with("/note")
        || route.path.ends_with("/insert");
    let canned = route.path.starts_with(CANNED_OF_A_SERVICE);
    match role {
        // A reply or note typed without a session comes back to copy.
        Role::Anonymous | Role::LoggedOut | Role::Deactivated
            if method == "post" && writes_text =>
        {
            (401, None)
        }
        Role::Anonymous | Role::LoggedOut | Role::Deactivated => (303, Some("/en/staff/login")),
        _ if route.path.ends_with("/logout") => (303, Some("/en/staff/login?notice=out")),
        Role::Member if admin_only => (403, None),
        Role::OtherService if admin_only => (403, None),
        Role::AdminNotMember if admin_only && method == "get" => (200, None),
        Role::AdminNotMember if admin_only => (0, None),
        // Another service's canned replies are not there.
        Role::OtherService if canned => (404, None),
        // Another service's case, time or seat is the same 403 as none.
        Role::OtherService | Role::AdminNotMember if has_id => (403, None),
        // Everyone else reaches the page; the POST outcomes are checked in
        // their own tests, here only that nothing is refused as if foreign.
        _ => (0, None),
    }
}

#[tokio::test]
async fn every_staff_route_answers_each_role_as_intended() {
    let f = fixture().await;
    let anna_csrf = f.anna.csrf().await;
    let bob_csrf = f.bob.csrf().await;
    let boss_csrf = f.boss.csrf().await;
    // A session ended by logout, and one ended by deactivation, each with
    // the cookie (and token) it had.
    let gone = Staff::new(&f.app);
    assert_eq!(gone.login("anja", NEW_PASSWORD, "").await.status, 303);
    let gone_csrf = gone.csrf().await;
    f.app.deactivate_staff("anja");
    let quitter = Staff::new(&f.app);
    let quitter_login = quitter.login("anna", NEW_PASSWORD, "").await;
    assert_eq!(quitter_login.status, 303);
    let quitter_csrf = quitter.csrf().await;
    assert_eq!(
        quitter
            .post("/en/staff/logout", &[("csrf", &quitter_csrf)])
            .await
            .status,
        303
    );
    let anonymous = Staff::new(&f.app);
    let before = state_of(&f.app).await;

    let who: [(Role, &Staff, &str); 6] = [
        (Role::Anonymous, &anonymous, ""),
        (Role::LoggedOut, &quitter, &quitter_csrf),
        (Role::Deactivated, &gone, &gone_csrf),
        (Role::Member, &f.anna, &anna_csrf),
        (Role::OtherService, &f.bob, &bob_csrf),
        (Role::AdminNotMember, &f.boss, &boss_csrf),
    ];
    let mut wrong = vec![];
    let mut tried = 0;
    // Logout last: it ends the session the later requests need.
    let mut all = session_routes();
    all.sort_by_key(|r| r.path.ends_with("/logout"));
    for route in all {
        let path = fill(&route.path, &f.ids);
        for method in &route.methods {
            for (role, staff, csrf) in &who {
                // The member's own POSTs would change things; their
                // outcomes have tests of their own.
                if *role == Role::Member && *method == "post" {
                    continue;
                }
                // An admin keeps canned replies as a member does (tools.rs).
                if *role == Role::AdminNotMember
                    && *method == "post"
                    && route.path.starts_with(CANNED_OF_A_SERVICE)
                {
                    continue;
                }
                let (status, location) = intended(&route, method, *role);
                let answer = if *method == "get" && path.ends_with("/events") {
                    // An event stream does not end: its head is the answer.
                    let r = staff
                        .http
                        .get(format!("{}{path}", staff.base))
                        .send()
                        .await
                        .unwrap();
                    Answer {
                        status: r.status().as_u16(),
                        location: r
                            .headers()
                            .get("location")
                            .map(|v| v.to_str().unwrap().to_owned())
                            .unwrap_or_default(),
                        body: String::new(),
                    }
                } else if *method == "get" {
                    staff.get(&path).await
                } else {
                    let form = form_with(Some(csrf));
                    let form: Vec<(&str, &str)> =
                        form.iter().map(|(k, v)| (*k, v.as_str())).collect();
                    staff.post(&path, &form).await
                };
                tried += 1;
                let ok = match (status, location) {
                    (0, _) => {
                        ![401, 403, 404].contains(&answer.status)
                            && answer.status < 500
                            && !answer.location.contains("/staff/login")
                    }
                    (s, Some(to)) => answer.status == s && answer.location.starts_with(to),
                    (s, None) => answer.status == s,
                };
                if !ok {
                    wrong.push(format!(
                        "{method} {path} as {role:?}: {} {} (intended {status} {location:?})",
                        answer.status, answer.location
                    ));
                }
            }
        }
    }
    println!(
        "role matrix: {tried} requests, {} not as intended",
        wrong.len()
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert_eq!(
        state_of(&f.app).await,
        before,
        "no refused request changed anything"
    );
}

#[test]
fn the_route_scan_finds_the_routes_the_router_serves() {
    let all = routes();
    let find = |p: &str| {
        all.iter()
            .find(|r| r.path == p)
            .unwrap_or_else(|| panic!("{p} not found"))
    };
    assert_eq!(find("/{lang}/staff/phone").methods, ["get", "post"]);
    assert_eq!(find("/{lang}/staff/cases/{id}/reply").methods, ["post"]);
    assert_eq!(
        find("/{lang}/staff/availability/slots/{id}/edit").methods,
        ["get", "post"],
        "a route split over lines by rustfmt"
    );
    assert_eq!(find("/health").methods, ["get"]);
    // The quick exit: outside `/{lang}/staff`, so in neither matrix; its
    // clearing is refused to other sites (headers.rs).
    assert_eq!(find("/exit").methods, ["get"]);
    // Client feedback: outside `/{lang}/staff`, so in neither matrix; a
    // post without the form's single-use token (and, after a chat, its
    // sealed ticket) is refused and changes nothing (feedback.rs).
    assert_eq!(find("/{lang}/check/feedback").methods, ["post"]);
    assert_eq!(find("/{lang}/chat/feedback").methods, ["post"]);
    for path in ADMIN_ONLY.iter().chain(BEFORE_SESSION) {
        find(path);
    }
}
