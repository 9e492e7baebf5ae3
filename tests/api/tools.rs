//! The counsellor's working day (issue 20): taking a case (one winner of
//! two at once), giving it back, the queue's mine / untaken / all filter in
//! both orders over pages, and canned replies kept per service and
//! inserted into a reply without JavaScript.

use std::collections::HashSet;

use sqlx::Row;

use crate::helpers::*;
use crate::queue::{Planted, in_days, lines, plant, recipient_of, walk};
use crate::staff_helpers::*;

/// Posts `action` (take or release) on `case` as `who`.
async fn act(who: &Staff, case: &str, action: &str) -> Answer {
    let csrf = who.csrf().await;
    who.post(
        &format!("/en/staff/cases/{case}/{action}"),
        &[("csrf", &csrf)],
    )
    .await
}

async fn assignee_of(app: &TestApp, case: &str) -> Option<String> {
    let pool = app.pool().await;
    let row = sqlx::query(
        "select s.username from cases c left join staff s on s.id = c.assignee where c.id = $1",
    )
    .bind(case)
    .fetch_one(&pool)
    .await
    .unwrap();
    pool.close().await;
    row.try_get(0).unwrap()
}

async fn audited(app: &TestApp, action: &str) -> i64 {
    let pool = app.pool().await;
    let n: i64 = sqlx::query_scalar("select count(*) from audit_log where action = $1")
        .bind(action)
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    n
}

#[tokio::test]
async fn two_counsellors_taking_one_case_at_once_give_exactly_one_winner() {
    let mut app = spawn_app().await;
    let pw = app
        .with_staff(&[
            ("anna", "counsellor", &[SERVICE]),
            ("anja", "counsellor", &[SERVICE]),
        ])
        .await;
    let anna = Staff::first_login(&app, "anna", &pw[0]).await;
    let anja = Staff::first_login(&app, "anja", &pw[1]).await;
    let (anna_csrf, anja_csrf) = (anna.csrf().await, anja.csrf().await);
    let mut cases = vec![];
    for i in 0..6 {
        let receipt = app.submit_ok(&format!("a request to race for {i}")).await;
        cases.push(app.case_of(&receipt).await);
    }
    for case in &cases {
        let path = format!("/en/staff/cases/{case}/take");
        let (fa, fb) = (
            [("csrf", anna_csrf.as_str())],
            [("csrf", anja_csrf.as_str())],
        );
        let (a, b) = tokio::join!(anna.post(&path, &fa), anja.post(&path, &fb));
        assert_eq!((a.status, b.status), (303, 303));
        let won: Vec<&Answer> = [&a, &b]
            .into_iter()
            .filter(|x| x.location.contains("done=taken#"))
            .collect();
        let lost: Vec<&Answer> = [&a, &b]
            .into_iter()
            .filter(|x| x.location.contains("done=already-taken"))
            .collect();
        assert_eq!(
            (won.len(), lost.len()),
            (1, 1),
            "{} / {}",
            a.location,
            b.location
        );
        let holder = assignee_of(&app, case).await.expect("one of them has it");
        let (winner, loser) = if holder == "anna" {
            (&anna, &anja)
        } else {
            (&anja, &anna)
        };
        // The loser is told who has it; the winner that it is theirs.
        let loser_page = loser.get(&lost[0].location).await;
        let name = display_name(&holder);
        assert!(
            loser_page
                .body
                .contains(&format!("{name} took this case first.")),
            "{}",
            loser_page.body
        );
        assert!(!loser_page.body.contains("Take this case"));
        let winner_page = winner.get(&won[0].location).await;
        assert!(winner_page.body.contains("You have taken this case."));
        assert!(winner_page.body.contains("Give the case back"));
    }
    assert_eq!(
        audited(&app, "take").await,
        cases.len() as i64,
        "one entry a take"
    );

    // Giving back: only the holder's own; then it is free to take again.
    let case = &cases[0];
    let holder = assignee_of(&app, case).await.unwrap();
    let (holder_s, other) = if holder == "anna" {
        (&anna, &anja)
    } else {
        (&anja, &anna)
    };
    let refused = act(other, case, "release").await;
    assert!(
        refused.location.contains("done=not-yours"),
        "{}",
        refused.location
    );
    assert_eq!(
        assignee_of(&app, case).await.as_deref(),
        Some(holder.as_str())
    );
    let released = act(holder_s, case, "release").await;
    assert!(released.location.contains("done=released"));
    assert_eq!(assignee_of(&app, case).await, None);
    assert_eq!(audited(&app, "release").await, 1, "only the real give-back");
    let page = other.get(&format!("/en/staff/cases/{case}")).await;
    assert!(page.body.contains("Take this case"));
    let taken = act(other, case, "take").await;
    assert!(taken.location.contains("done=taken#"));
    // Taking one's own case again changes nothing and says it is theirs.
    let again = act(other, case, "take").await;
    assert!(again.location.contains("done=taken#"));
    assert_eq!(audited(&app, "take").await, cases.len() as i64 + 1);

    // The queue: "You" on the reader's own lines, a Take button on free ones.
    let queue = other.get("/en/staff?who=mine").await;
    let mine = lines(&queue.body).0.len();
    assert!(mine >= 1);
    assert_eq!(
        queue
            .body
            .matches("<strong class=\"mine\">You</strong>")
            .count(),
        mine
    );
    let free = app.submit_ok("a request nobody has").await;
    let free = app.case_of(&free).await;
    let queue = other.get("/en/staff?who=untaken").await;
    let ids: Vec<String> = lines(&queue.body).0.into_iter().map(|(id, _)| id).collect();
    assert_eq!(ids, vec![free.clone()]);
    assert!(
        queue
            .body
            .contains(&format!("action=\"/en/staff/cases/{free}/take\""))
    );
}

/// The ids the queue must show for a view, read straight from the table.
async fn expected(
    app: &TestApp,
    me: &str,
    who: &str,
    status: &str,
    deleted: bool,
) -> HashSet<String> {
    let pool = app.pool().await;
    let rows = sqlx::query(
        "select c.id, coalesce(s.username, '') as holder, c.status, c.retain_until \
         from cases c left join staff s on s.id = c.assignee where c.service = $1",
    )
    .bind(SERVICE)
    .fetch_all(&pool)
    .await
    .unwrap();
    pool.close().await;
    let soon = in_days(14);
    rows.iter()
        .filter(|r| {
            let holder: String = r.get("holder");
            let s: String = r.get("status");
            let until: String = r.get("retain_until");
            (match who {
                "mine" => holder == me,
                "untaken" => holder.is_empty(),
                _ => true,
            }) && (status.is_empty() || s == status)
                && (!deleted || until <= soon)
        })
        .map(|r| r.get("id"))
        .collect()
}

#[tokio::test]
async fn the_queue_filters_mine_untaken_and_all_in_both_orders_over_pages() {
    let mut app = spawn_app().await;
    let pw = app
        .with_staff(&[
            ("pia", "counsellor", &[SERVICE]),
            ("ola", "counsellor", &[SERVICE]),
        ])
        .await;
    app.submit_ok("the first request").await;
    let to = [
        recipient_of(&app, "pia").await,
        recipient_of(&app, "ola").await,
    ];
    let days: Vec<String> = (0..6).map(|d| in_days(d - 5)).collect();
    let mut planted = vec![];
    for (d, day) in days.iter().enumerate() {
        for i in 0..26 {
            let minute = (i * 17) % 26;
            planted.push(Planted {
                day,
                at: format!("{day}T10:{minute:02}:00Z"),
                text: format!("day {d} minute {minute:02}"),
                status: if i % 3 == 0 { "closed" } else { "new" },
                retain_until: if i % 7 == 2 {
                    days[1].as_str()
                } else {
                    "2999-01-01"
                },
            });
        }
    }
    let ids = plant(&app, &to, &planted).await;
    // Even lines are pia's, some odd ones ola's, the rest nobody's.
    let pool = app.pool().await;
    for (n, id) in ids.iter().enumerate() {
        let i = n % 26;
        let who = match (i % 2, i % 5) {
            (0, _) => "pia",
            (_, 1) => "ola",
            _ => continue,
        };
        sqlx::query(
            "update cases set assignee = (select id from staff where username = $1) where id = $2",
        )
        .bind(who)
        .bind(id)
        .execute(&pool)
        .await
        .unwrap();
    }
    pool.close().await;
    let pia = Staff::first_login(&app, "pia", &pw[0]).await;

    for who in ["", "mine", "untaken"] {
        for order in ["", "newest", "oldest"] {
            for status in ["", "closed"] {
                for deleted in ["", "14"] {
                    let path = format!(
                        "/en/staff?who={who}&order={order}&status={status}&deleted={deleted}"
                    );
                    let pages = walk(&pia, &path).await;
                    let seen: Vec<&(String, String)> = pages.iter().flatten().collect();
                    let unique: HashSet<String> = seen.iter().map(|(id, _)| id.clone()).collect();
                    assert_eq!(seen.len(), unique.len(), "{path}: a case twice");
                    let want = expected(&app, "pia", who, status, !deleted.is_empty()).await;
                    assert_eq!(unique, want, "{path}: not the cases asked for");
                    if status.is_empty() && deleted.is_empty() {
                        assert!(pages.len() >= 2, "{path}: more than a page");
                    }
                    if !deleted.is_empty() {
                        continue; // soonest deletion first, whatever the order
                    }
                    // Oldest first: asked so, or by default for mine and untaken.
                    let oldest = order == "oldest" || (order.is_empty() && !who.is_empty());
                    let keys: Vec<&str> = seen
                        .iter()
                        .map(|(_, p)| p.as_str())
                        .filter(|p| p.starts_with("day "))
                        .collect();
                    // Days never turn back across pages; within a page a
                    // day's lines go by their sealed time.
                    let day_of = |k: &str| k[..5].to_owned();
                    let days_seen: Vec<String> = keys.iter().map(|k| day_of(k)).collect();
                    let mut sorted_days = days_seen.clone();
                    sorted_days.sort();
                    if !oldest {
                        sorted_days.reverse();
                    }
                    assert_eq!(days_seen, sorted_days, "{path}: days out of order");
                    for page in &pages {
                        let keys: Vec<&str> = page
                            .iter()
                            .map(|(_, p)| p.as_str())
                            .filter(|p| p.starts_with("day "))
                            .collect();
                        let mut sorted = keys.clone();
                        sorted.sort();
                        if !oldest {
                            sorted.reverse();
                        }
                        assert_eq!(keys, sorted, "{path}: a page out of order");
                    }
                }
            }
        }
    }
    // The link to the next page says where it goes.
    let page = pia.get("/en/staff?who=mine").await;
    assert!(page.body.contains("Newer cases") && page.body.contains("oldest first"));
    let page = pia.get("/en/staff").await;
    assert!(page.body.contains("Older cases"));
    // The counts: pia's 78 and the 61 nobody has.
    assert!(
        page.body.contains("Mine: <strong>78</strong>"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Untaken: <strong>61</strong>"));
}

/// The plan SQLite makes for each "who" view: a seek on its own index,
/// never a sort of the rows found.
#[tokio::test]
async fn the_who_views_seek_their_indexes() {
    if is_postgres() {
        return; // EXPLAIN QUERY PLAN is SQLite's; the indexes are the same.
    }
    let app = spawn_app().await;
    let pool = app.pool().await;
    let head = "select c.id from cases c left join staff a on a.id = c.assignee \
                where c.service = 'x'";
    for (clause, tail, index) in [
        (
            "c.assignee = 'p'",
            "(c.opened_on, c.id) > ('d', 'i') order by c.opened_on, c.id",
            "cases_queue_who",
        ),
        (
            "c.assignee is null",
            "(c.opened_on, c.id) < ('d', 'i') order by c.opened_on desc, c.id desc",
            "cases_queue_who",
        ),
        (
            "c.assignee = 'p' and c.status = 'new'",
            "(c.opened_on, c.id) > ('d', 'i') order by c.opened_on, c.id",
            "cases_queue_who_status",
        ),
        (
            "c.assignee is null and c.status = 'new'",
            "(c.opened_on, c.id) < ('d', 'i') order by c.opened_on desc, c.id desc",
            "cases_queue_who_status",
        ),
        (
            "c.assignee = 'p' and c.retain_until <= 'd'",
            "(c.retain_until, c.id) > ('d', 'i') order by c.retain_until, c.id",
            "cases_queue_who_deleted",
        ),
    ] {
        let sql = format!("explain query plan {head} and {clause} and {tail} limit 51");
        let plan: Vec<String> = sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
            .fetch_all(&pool)
            .await
            .unwrap()
            .iter()
            .map(|r| r.get::<String, _>(3))
            .collect();
        let plan = plan.join("\n");
        assert!(
            plan.contains(&format!("INDEX {index} (")),
            "{clause}: {plan}"
        );
        assert!(!plan.contains("TEMP B-TREE"), "{clause}: sorts: {plan}");
    }
    pool.close().await;
}

const ARABIC_TITLE: &str = "ترحيب";
const ARABIC_BODY: &str = "مرحبا، نحن هنا من أجلك. اكتب لنا متى شئت.";

/// The id of the canned reply titled `title`.
async fn canned_id(app: &TestApp, title: &str) -> String {
    let pool = app.pool().await;
    let id: String = sqlx::query_scalar("select id from canned_replies where title = $1")
        .bind(title)
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    id
}

#[tokio::test]
async fn canned_replies_are_kept_by_the_services_members_and_not_there_for_others() {
    let mut app = spawn_app().await;
    let pw = app
        .with_staff(&[
            ("anna", "counsellor", &[SERVICE]),
            ("bob", "counsellor", &[OTHER_SERVICE]),
            ("boss", "admin", &[]),
        ])
        .await;
    let anna = Staff::first_login(&app, "anna", &pw[0]).await;
    let bob = Staff::first_login(&app, "bob", &pw[1]).await;
    let boss = Staff::first_login(&app, "boss", &pw[2]).await;
    let list = format!("/en/staff/canned/{SERVICE}");
    let csrf = anna.csrf().await;

    // Bad input: the form comes back with what was typed.
    let typed = "Thank you for writing. Typed text kept: 1234";
    let bad = anna
        .post(
            &list,
            &[
                ("csrf", &csrf),
                ("lang", "en"),
                ("title", "  "),
                ("body", typed),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains(typed) && bad.body.contains("Write a title of 1–100 characters."));
    assert!(bad.body.contains("aria-invalid=\"true\""));
    let bad = anna
        .post(
            &list,
            &[
                ("csrf", &csrf),
                ("lang", "xx"),
                ("title", "Welcome"),
                ("body", typed),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(
        bad.body.contains("Choose the text&#39;s language.")
            || bad.body.contains("Choose the text")
    );
    let long = "x".repeat(5001);
    let bad = anna
        .post(
            &list,
            &[
                ("csrf", &csrf),
                ("lang", "en"),
                ("title", "Welcome"),
                ("body", &long),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert_eq!(app.count("select count(*) from canned_replies").await, 0);

    // Added in English and in Arabic; the Arabic one is shown right to left.
    for (lang, title, body) in [("en", "Welcome", typed), ("ar", ARABIC_TITLE, ARABIC_BODY)] {
        let added = anna
            .post(
                &list,
                &[
                    ("csrf", &csrf),
                    ("lang", lang),
                    ("title", title),
                    ("body", body),
                ],
            )
            .await;
        assert_eq!(added.status, 303, "{}", added.body);
        assert!(added.location.ends_with("?notice=added"));
    }
    let page = anna.get(&list).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains(&format!(
        "<div class=\"message\" lang=\"ar\" dir=\"rtl\">{ARABIC_BODY}</div>"
    )));
    assert!(
        page.body.contains("In Arabic (\u{2068}العربية\u{2069})"),
        "{}",
        page.body
    );
    let arabic = canned_id(&app, ARABIC_TITLE).await;
    let english = canned_id(&app, "Welcome").await;
    let edit = format!("{list}/{english}");

    // Edited: bad input keeps what was typed; good input is saved.
    let changed = "Thank you for writing to us. We answer within three days.";
    let bad = anna
        .post(
            &edit,
            &[
                ("csrf", &csrf),
                ("lang", "en"),
                ("title", &"t".repeat(101)),
                ("body", changed),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains(changed));
    let saved = anna
        .post(
            &edit,
            &[
                ("csrf", &csrf),
                ("lang", "en"),
                ("title", "Welcome"),
                ("body", changed),
            ],
        )
        .await;
    assert_eq!(saved.status, 303);
    assert!(anna.get(&list).await.body.contains(changed));

    // Another service's counsellor: not there, whatever the way in.
    let bob_csrf = bob.csrf().await;
    assert_eq!(bob.get(&list).await.status, 404);
    assert_eq!(bob.get(&edit).await.status, 404);
    assert_eq!(
        bob.get(&format!("/en/staff/canned/{OTHER_SERVICE}/{english}"))
            .await
            .status,
        404
    );
    let forged = [
        ("csrf", bob_csrf.as_str()),
        ("lang", "en"),
        ("title", "Mine now"),
        ("body", "forged"),
    ];
    assert_eq!(bob.post(&edit, &forged).await.status, 404);
    assert_eq!(bob.post(&list, &forged).await.status, 404);
    assert_eq!(
        bob.post(&format!("{edit}/delete"), &forged).await.status,
        404
    );
    assert_eq!(
        bob.post(
            &format!("/en/staff/canned/{OTHER_SERVICE}/{english}/delete"),
            &forged
        )
        .await
        .status,
        404
    );
    assert!(!bob.get("/en/staff/canned").await.body.contains(&list));
    // …nor usable from a case of his own service.
    let fields = [
        ("topic", "general"),
        ("message", "a rainbow request"),
        ("way", "none"),
    ];
    assert_eq!(app.submit("en", OTHER_SERVICE, &fields).await.0, 200);
    let his = bob.newest_case().await;
    let used = bob
        .post(
            &format!("/en/staff/cases/{his}/insert"),
            &[("csrf", &bob_csrf), ("text", "typed"), ("canned", &english)],
        )
        .await;
    assert_eq!(used.status, 404);
    assert!(!used.body.contains(changed));
    assert_eq!(
        app.count("select count(*) from canned_replies where title = 'Mine now'")
            .await,
        0
    );
    assert_eq!(app.count("select count(*) from canned_replies").await, 2);

    // An admin of no service may keep them too.
    assert_eq!(boss.get(&list).await.status, 200);
    assert!(boss.get("/en/staff/canned").await.body.contains(&list));

    // Deleted by a member; each change audited with the service.
    let deleted = anna
        .post(&format!("{list}/{arabic}/delete"), &[("csrf", &csrf)])
        .await;
    assert_eq!(deleted.status, 303);
    assert!(!anna.get(&list).await.body.contains(ARABIC_BODY));
    assert_eq!(anna.get(&format!("{list}/{arabic}")).await.status, 404);
    assert_eq!(
        audited(&app, "canned_reply").await,
        4,
        "two adds, a save, a delete"
    );
    // A missing CSRF token is refused.
    let refused = anna
        .post(
            &list,
            &[("lang", "en"), ("title", "No token"), ("body", "x")],
        )
        .await;
    assert_eq!(refused.status, 403);
}

#[tokio::test]
async fn inserting_a_canned_reply_keeps_the_typed_text_and_sends_nothing() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[("anna", "counsellor", &[SERVICE])]).await;
    let anna = Staff::first_login(&app, "anna", &pw[0]).await;
    let csrf = anna.csrf().await;
    let receipt = app.submit_ok("please help me").await;
    let case = app.case_of(&receipt).await;
    let list = format!("/en/staff/canned/{SERVICE}");
    for (lang, title, body) in [
        ("en", "Welcome", "We are here for you."),
        ("ar", ARABIC_TITLE, ARABIC_BODY),
    ] {
        let added = anna
            .post(
                &list,
                &[
                    ("csrf", &csrf),
                    ("lang", lang),
                    ("title", title),
                    ("body", body),
                ],
            )
            .await;
        assert_eq!(added.status, 303);
    }
    let arabic = canned_id(&app, ARABIC_TITLE).await;
    let english = canned_id(&app, "Welcome").await;

    // The case page offers them, grouped by language, the Arabic one marked.
    let page = anna.get(&format!("/en/staff/cases/{case}")).await;
    assert!(
        page.body.contains(&format!(
            "<option value=\"{arabic}\" lang=\"ar\" dir=\"rtl\">{ARABIC_TITLE}</option>"
        )),
        "{}",
        page.body
    );
    assert!(page.body.contains("formaction=\"/en/staff/cases/"));
    assert!(page.body.contains("formnovalidate"));

    let messages = app.count("select count(*) from messages").await;
    let insert = format!("/en/staff/cases/{case}/insert");
    let typed = "Hello,\n  thank you for your message";
    let answer = anna
        .post(
            &insert,
            &[("csrf", &csrf), ("text", typed), ("canned", &english)],
        )
        .await;
    assert_eq!(answer.status, 200);
    let field = between(
        &answer.body,
        "aria-describedby=\"reply-hint\">",
        "</textarea>",
    )
    .unwrap();
    assert_eq!(field, format!("{typed}\n\nWe are here for you."));
    assert!(answer.body.contains("nothing has been sent yet"));
    assert!(answer.body.contains(&format!(
        "<option value=\"{english}\" lang=\"en\" dir=\"ltr\" selected>"
    )));
    // Twice: the second canned text follows the first.
    let answer = anna
        .post(
            &insert,
            &[("csrf", &csrf), ("text", &field), ("canned", &arabic)],
        )
        .await;
    let field = between(
        &answer.body,
        "aria-describedby=\"reply-hint\">",
        "</textarea>",
    )
    .unwrap();
    assert_eq!(
        field,
        format!("{typed}\n\nWe are here for you.\n\n{ARABIC_BODY}")
    );
    assert_eq!(
        app.count("select count(*) from messages").await,
        messages,
        "nothing sent"
    );
    assert_eq!(audited(&app, "reply").await, 0);

    // Refused: no token, a canned reply not there; an ended session hands
    // the typed text back to copy.
    let refused = anna
        .post(&insert, &[("text", typed), ("canned", &english)])
        .await;
    assert_eq!(refused.status, 403);
    let missing = anna
        .post(
            &insert,
            &[("csrf", &csrf), ("text", typed), ("canned", "0123")],
        )
        .await;
    assert_eq!(missing.status, 404);
    let ended = Staff::new(&app)
        .post(
            &insert,
            &[
                ("csrf", &csrf),
                ("text", "keep these words"),
                ("canned", &english),
            ],
        )
        .await;
    assert_eq!(ended.status, 401);
    assert!(ended.body.contains("keep these words"));

    // Sent as edited: one reply, which the client reads.
    let edited = format!("{field}\n\nAnna");
    let sent = anna
        .post(
            &format!("/en/staff/cases/{case}/reply"),
            &[("csrf", &csrf), ("text", &edited)],
        )
        .await;
    assert_eq!(sent.status, 303);
    assert_eq!(
        app.count("select count(*) from messages").await,
        messages + 1
    );
    let (_, thread) = app.check("en", &receipt).await;
    assert!(thread.contains("We are here for you.") && thread.contains(ARABIC_BODY));
}
