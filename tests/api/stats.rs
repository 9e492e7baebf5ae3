//! Statistics without surveillance (issue 20): counters per service and
//! month, written when something happens and when a counsellor marks a
//! case, never linked to the case; the admins' page and CSV export, where
//! a count from 1 to 4 never leaves the server and no total gives one away
//! by subtraction.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use sqlx::Row;

use crate::helpers::*;
use crate::staff_helpers::*;

const PIA: (&str, &str, &[&str]) = ("pia", "counsellor", &[SERVICE]);
const ADA: (&str, &str, &[&str]) = ("ada", "admin", &[]);

/// The month counters are written in now.
fn this_month() -> String {
    jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .strftime("%Y-%m")
        .to_string()
}

/// Every counter: (service, month, metric, category) → count.
pub async fn counters(app: &TestApp) -> BTreeMap<(String, String, String, String), i64> {
    let pool = app.pool().await;
    let rows = sqlx::query("select service, month, metric, category, count from stats_counts")
        .fetch_all(&pool)
        .await
        .unwrap();
    pool.close().await;
    rows.iter()
        .map(|r| {
            let key = (r.get(0), r.get(1), r.get(2), r.get(3));
            (key, r.get::<i64, _>(4))
        })
        .collect()
}

/// The counter of SERVICE this month, 0 if there is none.
async fn counter(app: &TestApp, metric: &str, category: &str) -> i64 {
    let key = (
        SERVICE.to_owned(),
        this_month(),
        metric.to_owned(),
        category.to_owned(),
    );
    counters(app).await.get(&key).copied().unwrap_or(0)
}

/// Waits for a counter the tally writes within a second.
async fn wait_for(app: &TestApp, metric: &str, category: &str, n: i64) {
    let started = Instant::now();
    loop {
        let now = counter(app, metric, category).await;
        if now == n {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "{metric}/{category} is {now}, not {n}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Posts the marking form of `case`.
async fn mark(staff: &Staff, case: &str, reasons: &[&str], outcome: &str) -> Answer {
    let csrf = staff.csrf().await;
    let mut form = vec![("csrf", csrf.as_str()), ("outcome", outcome)];
    form.extend(reasons.iter().map(|r| ("reason", *r)));
    staff
        .post(&format!("/en/staff/cases/{case}/mark"), &form)
        .await
}

#[tokio::test]
async fn marking_a_case_counts_each_reason_once_and_marking_again_moves_only_the_change() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[PIA]).await;
    app.submit_ok("a request to be marked").await;
    let pia = Staff::first_login(&app, "pia", &pw[0]).await;
    let case = pia.newest_case().await;

    // The form is on the case page, every active reason and outcome.
    let page = pia.get(&format!("/en/staff/cases/{case}")).await;
    assert!(
        page.body
            .contains(r#"<h2 id="marks">For the statistics</h2>"#)
    );
    assert!(
        page.body
            .contains(&format!(r#"action="/en/staff/cases/{case}/mark""#))
    );
    assert!(page.body.contains("Loneliness") && page.body.contains("Referred elsewhere"));
    let messages = app.count("select count(*) from messages").await;

    let done = mark(&pia, &case, &["family", "loneliness"], "answered").await;
    assert_eq!(done.status, 303, "{}", done.body);
    assert_eq!(
        done.location,
        format!("/en/staff/cases/{case}?done=marked#marks")
    );
    assert_eq!(counter(&app, "reasons", "family").await, 1);
    assert_eq!(counter(&app, "reasons", "loneliness").await, 1);
    assert_eq!(counter(&app, "outcomes", "answered").await, 1);
    assert_eq!(
        app.count("select count(*) from messages").await,
        messages + 1
    );

    // Shown back, ticked, and as a note in the thread.
    let page = pia.get(&done.location).await;
    assert!(page.body.contains("Saved for the statistics."));
    assert!(page.body.contains(
        "Marked for the statistics: Family and relationships, Loneliness. Outcome: Answered."
    ));
    assert!(
        page.body.contains(r#"value="family" checked"#),
        "{}",
        page.body
    );
    assert!(page.body.contains(r#"value="answered" checked"#));

    // The same marks again: nothing moves, no note is added.
    let again = mark(&pia, &case, &["loneliness", "family"], "answered").await;
    assert_eq!(again.status, 303);
    assert_eq!(counter(&app, "reasons", "family").await, 1);
    assert_eq!(
        app.count("select count(*) from messages").await,
        messages + 1
    );

    // Changed marks move only the difference, in the first marking's month.
    let changed = mark(&pia, &case, &["loneliness", "violence"], "referred").await;
    assert_eq!(changed.status, 303);
    assert_eq!(counter(&app, "reasons", "family").await, 0);
    assert_eq!(counter(&app, "reasons", "loneliness").await, 1);
    assert_eq!(counter(&app, "reasons", "violence").await, 1);
    assert_eq!(counter(&app, "outcomes", "answered").await, 0);
    assert_eq!(counter(&app, "outcomes", "referred").await, 1);
    let changed = mark(&pia, &case, &["loneliness", "violence"], "").await;
    assert_eq!(changed.status, 303);
    assert_eq!(counter(&app, "outcomes", "referred").await, 0);
    let reasons: i64 = counters(&app)
        .await
        .iter()
        .filter(|(k, _)| k.2 == "reasons")
        .map(|(_, n)| n)
        .sum();
    assert_eq!(reasons, 2, "one case, two reasons, however often marked");

    // No reason: the case page again with the error; an unknown id: 400.
    let none = mark(&pia, &case, &[], "answered").await;
    assert_eq!(none.status, 422, "{}", none.body);
    assert!(none.body.contains("Choose at least one contact reason."));
    assert!(none.body.contains(r##"href="#mark-first""##));
    assert!(none.body.contains(r#"id="mark-first""#));
    let unknown = mark(&pia, &case, &["no-such-reason"], "").await;
    assert_eq!(unknown.status, 400);
    let forged = pia
        .post(
            &format!("/en/staff/cases/{case}/mark"),
            &[("csrf", "0"), ("reason", "family")],
        )
        .await;
    assert_eq!(forged.status, 403);
    assert_eq!(counter(&app, "reasons", "family").await, 0);
    assert_eq!(counter(&app, "outcomes", "answered").await, 0);

    // Every language has the form.
    for (lang, legend) in [
        ("fi", "Yhteydenoton syyt (valitse yksi tai useampi)"),
        ("sv", "Kontaktorsaker (välj en eller flera)"),
    ] {
        let page = pia.get(&format!("/{lang}/staff/cases/{case}")).await;
        assert!(page.body.contains(legend), "{lang}");
    }
}

#[tokio::test]
async fn contacts_calls_bookings_groups_no_shows_and_first_replies_are_counted_by_month() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[PIA]).await;
    for (lang, n) in [("fi", 2), ("sv", 1), ("en", 1)] {
        for _ in 0..n {
            let fields = [
                ("topic", "general"),
                ("message", "counted"),
                ("way", "none"),
            ];
            assert_eq!(app.submit(lang, SERVICE, &fields).await.0, 200);
        }
    }
    wait_for(&app, "contacts", "fi", 2).await;
    wait_for(&app, "contacts", "sv", 1).await;
    wait_for(&app, "contacts", "en", 1).await;

    // A time booked on the Swedish page, then marked as missed.
    let slot = crate::booking::insert_slot(&app, 30, 1).await;
    let token = crate::booking::booking_token(&app.base).await;
    let choice = format!("slot:{slot}");
    let booked = client()
        .post(app.url(&format!("/sv/services/{SERVICE}/book")))
        .form(&[
            ("token", token.as_str()),
            ("choice", &choice),
            ("call", "you_call"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(booked.status().as_u16(), 200);
    wait_for(&app, "bookings", "sv", 1).await;
    let pia = Staff::first_login(&app, "pia", &pw[0]).await;
    let csrf = pia.csrf().await;
    let pool = app.pool().await;
    let seat: String = sqlx::query("select id from seats")
        .fetch_one(&pool)
        .await
        .unwrap()
        .get(0);
    pool.close().await;
    let path = format!("/en/staff/schedule/bookings/{seat}/outcome");
    let missed = pia
        .post(&path, &[("csrf", &csrf), ("outcome", "no_show")])
        .await;
    assert_eq!(missed.status, 303);
    wait_for(&app, "no_shows", "all", 1).await;
    // Marked again (stale): not counted twice.
    pia.post(&path, &[("csrf", &csrf), ("outcome", "no_show")])
        .await;

    // A group sign-up.
    let (first, _) = crate::booking::day_in(7);
    let published = pia
        .post(
            "/en/staff/availability/group",
            &[
                ("csrf", &csrf),
                ("service", SERVICE),
                ("name_fi", "Ryhmä"),
                ("name_sv", "Grupp"),
                ("name_en", "Group"),
                ("date", &first),
                ("start", "17:00"),
                ("minutes", "90"),
                ("meetings", "2"),
                ("every_days", "14"),
                ("capacity", "3"),
            ],
        )
        .await;
    assert_eq!(published.status, 303, "{}", published.body);
    let (_, page) = app.get(&format!("/en/services/{SERVICE}/book")).await;
    let group = between(&page, r#"name="choice" value="group:"#, "\"").unwrap();
    let choice = format!("group:{group}");
    let (status, _) = crate::booking::book(&app, &[("choice", &choice), ("name", "Sam")]).await;
    assert_eq!(status, 200);
    wait_for(&app, "group_signups", "en", 1).await;

    // A phone call recorded on duty.
    crate::phone::slot_around_now(&app, SERVICE, "weekly", -10, 20).await;
    let call = pia
        .post(
            "/en/staff/phone",
            &[("csrf", &csrf), ("service", SERVICE), ("text", "a call")],
        )
        .await;
    assert_eq!(call.status, 200, "{}", call.body);
    wait_for(&app, "calls", "all", 1).await;

    // A first reply counts; a second on the same case does not; a note
    // does not either.
    let case = pia.newest_case().await;
    for (action, text) in [("note", "a note"), ("reply", "first"), ("reply", "second")] {
        let done = pia
            .post(
                &format!("/en/staff/cases/{case}/{action}"),
                &[("csrf", &csrf), ("text", text)],
            )
            .await;
        assert_eq!(done.status, 303);
    }
    wait_for(&app, "answered", "all", 1).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(counter(&app, "answered", "all").await, 1);
    assert_eq!(counter(&app, "no_shows", "all").await, 1);

    // Nothing else was counted, and every month is this one.
    let all = counters(&app).await;
    assert!(all.keys().all(|k| k.0 == SERVICE && k.1 == this_month()));
    assert_eq!(all.values().sum::<i64>(), 2 + 1 + 1 + 1 + 1 + 1 + 1 + 1);
}

#[tokio::test]
async fn counts_taken_just_before_a_shutdown_are_written_before_the_process_exits() {
    let mut app = spawn_app().await;
    let fields = [("topic", "general"), ("message", "last"), ("way", "none")];
    assert_eq!(app.submit("sv", SERVICE, &fields).await.0, 200);
    app.stop().await;
    assert_eq!(counter(&app, "contacts", "sv").await, 1);
}

/// Every row of every table, as text, with the name of its table; blobs
/// (the sealed items) left out: what is in the clear.
pub(crate) async fn rows_in_the_clear(app: &TestApp) -> Vec<(String, String)> {
    let pool = app.pool().await;
    let columns: Vec<(String, String, String)> = if is_postgres() {
        sqlx::query_as(
            "select table_name::text, column_name::text, data_type::text \
             from information_schema.columns where table_schema = 'public'",
        )
        .fetch_all(&pool)
        .await
        .unwrap()
    } else {
        sqlx::query_as(
            "select m.name, p.name, lower(p.type) from sqlite_master m \
             join pragma_table_info(m.name) p where m.type = 'table'",
        )
        .fetch_all(&pool)
        .await
        .unwrap()
    };
    let mut tables: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (table, column, kind) in columns {
        if kind != "blob" && kind != "bytea" {
            tables.entry(table).or_default().push(column);
        }
    }
    let mut out = vec![];
    for (table, columns) in tables {
        let text: Vec<String> = columns
            .iter()
            .map(|c| format!("coalesce(cast(\"{c}\" as text), '')"))
            .collect();
        let sql = format!("select {} from \"{table}\"", text.join(" || '|' || "));
        let rows: Vec<(String,)> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .fetch_all(&pool)
            .await
            .unwrap();
        out.extend(rows.into_iter().map(|(r,)| (table.clone(), r)));
    }
    pool.close().await;
    out
}

#[tokio::test]
async fn after_marking_no_row_in_the_clear_links_a_reason_to_the_case() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[PIA]).await;
    app.submit_ok("a request about something").await;
    let pia = Staff::first_login(&app, "pia", &pw[0]).await;
    let case = pia.newest_case().await;
    let csrf = pia.csrf().await;
    let note = pia
        .post(
            &format!("/en/staff/cases/{case}/note"),
            &[("csrf", &csrf), ("text", "an ordinary note")],
        )
        .await;
    assert_eq!(note.status, 303);
    let done = mark(
        &pia,
        &case,
        &["substances", "asylum_migration"],
        "could_not_help",
    )
    .await;
    assert_eq!(done.status, 303);
    wait_for(&app, "contacts", "en", 1).await;

    // The tables this feature adds: counters, and the list of categories.
    // A counter row is a service, a month, a metric, a category and a count.
    let pool = app.pool().await;
    let counts = sqlx::query("select * from stats_counts")
        .fetch_all(&pool)
        .await
        .unwrap();
    pool.close().await;
    assert_eq!(counts.len(), 4, "contacts/en, two reasons, an outcome");
    for row in &counts {
        let columns: Vec<&str> = row.columns().iter().map(sqlx::Column::name).collect();
        assert_eq!(columns, ["service", "month", "metric", "category", "count"]);
        let month: String = row.get("month");
        assert_eq!(month, this_month(), "a month, nothing finer");
    }
    let marked = ["substances", "asylum_migration", "could_not_help"];
    let names = ["Substance use", "Asylum", "We could not help"];
    for (table, row) in rows_in_the_clear(&app).await {
        if row.contains(&case) {
            for word in marked.iter().chain(&names) {
                assert!(
                    !row.contains(word),
                    "{table} links the case to {word:?}: {row}"
                );
            }
        }
        if table.starts_with("stats_") {
            assert!(!row.contains(&case), "{table} names the case: {row}");
        }
    }

    // The marks are a note like any other: the same author, the same audit
    // action, the same sealed size; only a key of the service opens them.
    let pool = app.pool().await;
    let notes: Vec<(Vec<u8>,)> = sqlx::query_as(
        "select sealed from messages where case_id = $1 and author = 'note' order by n",
    )
    .bind(&case)
    .fetch_all(&pool)
    .await
    .unwrap();
    pool.close().await;
    assert_eq!(notes.len(), 2);
    let audited = app
        .count("select count(*) from audit_log where action = 'note'")
        .await;
    assert_eq!(audited, 2);
    assert_eq!(
        app.count("select count(*) from audit_log where action like 'stats%'")
            .await,
        0
    );
    let stored = app.stored_contents().await;
    assert!(stored.contains("substances"), "the list and the counters");
    let recovery = std::fs::read_to_string(app.path("recovery.key")).unwrap();
    let identity: age::x25519::Identity = recovery.trim().parse().unwrap();
    let open = |sealed: &[u8]| {
        suoja::seal::open_bytes(sealed, &[&identity as &dyn age::Identity]).unwrap()
    };
    assert_eq!(open(&notes[0].0).len(), 4096, "the note, padded");
    assert_eq!(open(&notes[1].0).len(), 4096, "the marks, padded alike");
    let opened = open(&notes[1].0);
    let opened = String::from_utf8_lossy(&opened);
    assert!(
        opened.contains(r#""reasons":["asylum_migration","substances"]"#),
        "{opened}"
    );
}

/// Counters of 2025 planted straight into the database: a year of their
/// own, with counts from 1 to 4 in rows, columns and sums.
const PLANTED: &[(&str, &str, [i64; 12])] = &[
    ("contacts", "fi", [12, 3, 0, 7, 5, 9, 0, 0, 6, 8, 10, 11]),
    ("contacts", "sv", [2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
    ("contacts", "en", [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4]),
    ("calls", "all", [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 1]),
    (
        "reasons",
        "loneliness",
        [1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0],
    ),
    ("reasons", "family", [6, 4, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
    ("outcomes", "answered", [5, 2, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
    ("outcomes", "referred", [3, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
];

async fn plant_2025(app: &TestApp) {
    let pool = app.pool().await;
    for (metric, category, months) in PLANTED {
        for (m, n) in months.iter().enumerate().filter(|(_, n)| **n > 0) {
            sqlx::query(
                "insert into stats_counts (service, month, metric, category, count) \
                 values ($1, $2, $3, $4, $5)",
            )
            .bind(SERVICE)
            .bind(format!("2025-{:02}", m + 1))
            .bind(*metric)
            .bind(*category)
            .bind(*n)
            .execute(&pool)
            .await
            .unwrap();
        }
    }
    pool.close().await;
}

/// One row of the export.
#[derive(Debug, Clone)]
struct Exported {
    service: String,
    month: String,
    metric: String,
    category: String,
    count: String,
    at_least: i64,
    at_most: i64,
}

fn parse_csv(body: &str) -> Vec<Exported> {
    let mut lines = body.split("\r\n").filter(|l| !l.is_empty());
    assert_eq!(
        lines.next(),
        Some("service,service_name,month,metric,category,label,count,at_least,at_most")
    );
    lines
        .map(|line| {
            let f = csv_fields(line);
            assert_eq!(f.len(), 9, "{line}");
            Exported {
                service: f[0].clone(),
                month: f[2].clone(),
                metric: f[3].clone(),
                category: f[4].clone(),
                count: f[6].clone(),
                at_least: f[7].parse().unwrap(),
                at_most: f[8].parse().unwrap(),
            }
        })
        .collect()
}

/// The fields of one CSV line (RFC 4180 quoting).
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().unwrap().push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(String::new()),
            (c, _) => fields.last_mut().unwrap().push(c),
        }
    }
    fields
}

/// Whether a number as shown says nothing below 5 but "< 5".
fn safe(shown: &str) -> bool {
    if shown == "< 5" {
        return true;
    }
    if let Some((low, high)) = shown.split_once('–') {
        let (low, high): (i64, i64) = (low.parse().unwrap(), high.parse().unwrap());
        return high - low >= 3;
    }
    let n: i64 = shown.parse().unwrap_or(-1);
    n == 0 || n >= 5
}

#[tokio::test]
async fn small_counts_never_leave_the_server_in_the_page_or_the_export() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[ADA]).await;
    plant_2025(&app).await;
    let ada = Staff::first_login(&app, "ada", &pw[0]).await;

    let csv = ada
        .http
        .get(app.url("/en/staff/stats/csv?year=2025"))
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status().as_u16(), 200);
    assert_eq!(csv.headers()["content-type"], "text/csv; charset=utf-8");
    assert!(
        csv.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("suoja-statistics-2025.csv")
    );
    let rows = parse_csv(&csv.text().await.unwrap());
    assert!(rows.len() > 100, "{}", rows.len());
    for r in &rows {
        assert!(safe(&r.count), "{r:?}");
        assert!(
            r.at_least == r.at_most || r.at_most - r.at_least >= 3,
            "{r:?}"
        );
        if r.count == "< 5" {
            assert_eq!((r.at_least, r.at_most), (1, 4), "{r:?}");
        }
    }
    let cell = |metric: &str, category: &str, month: &str| -> String {
        rows.iter()
            .find(|r| {
                r.service == SERVICE
                    && r.metric == metric
                    && r.category == category
                    && r.month == month
            })
            .unwrap_or_else(|| panic!("{metric} {category} {month}"))
            .count
            .clone()
    };
    assert_eq!(cell("contacts", "fi", "2025-01"), "12");
    assert_eq!(cell("contacts", "fi", "2025-02"), "< 5");
    assert_eq!(cell("contacts", "fi", "2025"), "69–72");
    assert_eq!(cell("contacts", "sv", "2025"), "< 5");
    assert_eq!(cell("contacts", "total", "2025-02"), "2–8");
    assert_eq!(cell("reasons", "loneliness", "2025"), "5–20");
    assert_eq!(cell("calls", "all", "2025"), "56–59");

    // The page shows the same, every number a cell of a table, and no
    // attribute carries one.
    for lang in ["fi", "sv", "en"] {
        let page = ada.get(&format!("/{lang}/staff/stats?year=2025")).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains(&format!(r#"<html lang="{lang}">"#)));
        let tables: Vec<&str> = page.body.split("<table").skip(1).collect();
        assert_eq!(tables.len(), 4, "two services, two tables each");
        for table in &tables {
            let table = table.split("</table>").next().unwrap();
            assert!(!table.contains("data-") && !table.contains("title="));
            for cell in table.split("<td>").skip(1) {
                let shown = cell.split("</td>").next().unwrap().replace("&#60;", "<");
                assert!(safe(&shown), "{lang}: {shown:?}");
            }
        }
    }
    let page = ada.get("/en/staff/stats?year=2025").await;
    let monthly = page
        .body
        .split(r#"<caption id="months-helpline">"#)
        .nth(1)
        .unwrap();
    let fi_row = monthly
        .split(r#"<th scope="row">Finnish</th>"#)
        .nth(1)
        .unwrap()
        .split("</tr>")
        .next()
        .unwrap();
    assert_eq!(
        fi_row,
        "<td>12</td><td>&#60; 5</td><td>0</td><td>7</td><td>5</td><td>9</td><td>0</td>\
         <td>0</td><td>6</td><td>8</td><td>10</td><td>11</td><td>69–72</td>"
    );
    assert!(page.body.contains("a count from 1 to 4 is shown as"));
}

/// Every shown number by name (`metric/category/period`).
type Cells = BTreeMap<String, Bounds>;
/// A statement of the tables: these cells add up to that one.
type Sum = (Vec<String>, String);

/// What the shown numbers allow a cell to be: its least and greatest value.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Bounds(i64, i64);

fn bounds(shown: &str) -> Bounds {
    match shown {
        "< 5" => Bounds(1, 4),
        s => match s.split_once('–') {
            Some((a, b)) => Bounds(a.parse().unwrap(), b.parse().unwrap()),
            None => {
                let n = s.parse().unwrap();
                Bounds(n, n)
            }
        },
    }
}

/// An attacker's best: every "parts add up to a total" the tables state
/// (each line's months to its year; each month's lines to the total line;
/// every cell of a group to its total's year), tightened by interval
/// propagation until nothing moves. Returns the cells shown hidden that
/// end up with one possible value.
fn attack(cells: &mut Cells, sums: &[Sum]) -> Vec<String> {
    let hidden: Vec<String> = cells
        .iter()
        .filter(|(_, b)| b.0 != b.1)
        .map(|(k, _)| k.clone())
        .collect();
    loop {
        let mut moved = false;
        for (parts, total) in sums {
            let t = cells[total];
            let lows: i64 = parts.iter().map(|p| cells[p].0).sum();
            let highs: i64 = parts.iter().map(|p| cells[p].1).sum();
            for p in parts {
                let b = cells[p];
                let low = b.0.max(t.0 - (highs - b.1));
                let high = b.1.min(t.1 - (lows - b.0));
                if (low, high) != (b.0, b.1) {
                    cells.insert(p.clone(), Bounds(low, high));
                    moved = true;
                }
            }
            let tight = Bounds(t.0.max(lows), t.1.min(highs));
            if tight != t {
                cells.insert(total.clone(), tight);
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
    hidden
        .into_iter()
        .filter(|k| cells[k].0 == cells[k].1)
        .collect()
}

/// The cells of SERVICE's groups and the sums the tables state between
/// them, from the export's rows.
fn cells_and_sums(rows: &[Exported]) -> (Cells, Vec<Sum>) {
    let mine: Vec<&Exported> = rows.iter().filter(|r| r.service == SERVICE).collect();
    let key = |r: &Exported| format!("{}/{}/{}", r.metric, r.category, r.month);
    let cells = mine.iter().map(|r| (key(r), bounds(&r.count))).collect();
    let months: Vec<String> = (1..=12).map(|m| format!("2025-{m:02}")).collect();
    let mut sums = vec![];
    let lines: Vec<(String, String)> = mine
        .iter()
        .map(|r| (r.metric.clone(), r.category.clone()))
        .fold(vec![], |mut v, l| {
            if !v.contains(&l) {
                v.push(l);
            }
            v
        });
    for (metric, category) in &lines {
        let parts = months
            .iter()
            .map(|m| format!("{metric}/{category}/{m}"))
            .collect();
        sums.push((parts, format!("{metric}/{category}/2025")));
    }
    for (metric, _) in lines.iter().filter(|(_, c)| c == "total") {
        let parts: Vec<&String> = lines
            .iter()
            .filter(|(m, c)| m == metric && c != "total")
            .map(|(_, c)| c)
            .collect();
        for month in months.iter().chain([&"2025".to_owned()]) {
            let p = parts
                .iter()
                .map(|c| format!("{metric}/{c}/{month}"))
                .collect();
            sums.push((p, format!("{metric}/total/{month}")));
        }
        let every = parts
            .iter()
            .flat_map(|c| months.iter().map(move |m| format!("{metric}/{c}/{m}")))
            .collect();
        sums.push((every, format!("{metric}/total/2025")));
    }
    (cells, sums)
}

#[tokio::test]
async fn subtracting_shown_cells_from_totals_recovers_no_hidden_count() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[ADA]).await;
    plant_2025(&app).await;
    let ada = Staff::first_login(&app, "ada", &pw[0]).await;
    let csv = ada.get("/en/staff/stats/csv?year=2025").await;
    assert_eq!(csv.status, 200);
    let rows = parse_csv(&csv.body);
    let (cells, sums) = cells_and_sums(&rows);
    let hidden = cells.values().filter(|b| b.0 != b.1).count();
    assert!(hidden >= 20, "{hidden} hidden cells to attack");
    assert!(
        sums.len() >= 40,
        "rows, columns and year sums: {}",
        sums.len()
    );

    let recovered = attack(&mut cells.clone(), &sums);
    assert!(recovered.is_empty(), "recovered: {recovered:?}");

    // The same attack, had the totals been the true sums, recovers counts:
    // the attack works, the method is what stops it.
    let mut with_true_totals = cells.clone();
    for (metric, category, months) in PLANTED {
        let year: i64 = months.iter().sum();
        with_true_totals.insert(format!("{metric}/{category}/2025"), Bounds(year, year));
    }
    let recovered = attack(&mut with_true_totals, &sums);
    for pinned in [
        "contacts/fi/2025-02",
        "contacts/sv/2025-01",
        "reasons/loneliness/2025-03",
    ] {
        assert!(recovered.contains(&pinned.to_owned()), "{recovered:?}");
    }
}

#[tokio::test]
async fn only_admins_see_the_statistics_and_edit_the_reasons() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[PIA, ADA]).await;
    app.submit_ok("a case to mark").await;
    let pia = Staff::first_login(&app, "pia", &pw[0]).await;
    let ada = Staff::first_login(&app, "ada", &pw[1]).await;
    let anonymous = Staff::new(&app);
    for path in [
        "/en/staff/stats",
        "/en/staff/stats/csv",
        "/en/staff/stats/categories",
        "/en/staff/stats/categories/loneliness",
    ] {
        assert_eq!(pia.get(path).await.status, 403, "{path}");
        let away = anonymous.get(path).await;
        assert_eq!(
            (away.status, away.location.as_str()),
            (303, "/en/staff/login")
        );
        assert_eq!(ada.get(path).await.status, 200, "{path}");
    }
    assert!(
        !pia.get("/en/staff")
            .await
            .body
            .contains("/en/staff/stats\"")
    );
    assert!(
        ada.get("/en/staff/stats")
            .await
            .body
            .contains("Contact reasons and outcomes")
    );
    let pia_csrf = pia.csrf().await;
    let refused = pia
        .post(
            "/en/staff/stats/categories",
            &[
                ("csrf", &pia_csrf),
                ("kind", "reason"),
                ("name_fi", "x"),
                ("name_sv", "x"),
                ("name_en", "x"),
            ],
        )
        .await;
    assert_eq!(refused.status, 403);

    // Adding: bad input comes back with what was typed; then it is added,
    // last of the reasons, and offered on the case page.
    let csrf = ada.csrf().await;
    let add = |fi: &'static str| {
        vec![
            ("csrf", csrf.clone()),
            ("kind", "reason".to_owned()),
            ("name_fi", fi.to_owned()),
            ("name_sv", "Spel och pengar".to_owned()),
            ("name_en", "Gambling".to_owned()),
        ]
    };
    let form = add("  ");
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let bad = ada.post("/sv/staff/stats/categories", &form).await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("Skriv namnet på finska"));
    assert!(bad.body.contains(r#"value="Spel och pengar""#));
    let form = add("Rahapelit");
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let added = ada.post("/en/staff/stats/categories", &form).await;
    assert_eq!(added.status, 303);
    assert_eq!(added.location, "/en/staff/stats/categories?notice=added");
    let pool = app.pool().await;
    let id: String = sqlx::query("select id from stats_categories where name_en = 'Gambling'")
        .fetch_one(&pool)
        .await
        .unwrap()
        .get(0);
    pool.close().await;
    let case = pia.newest_case().await;
    let page = pia.get(&format!("/fi/staff/cases/{case}")).await;
    assert!(page.body.contains("Rahapelit"));

    // Renamed, moved up past "Something else", retired and restored.
    let path = format!("/en/staff/stats/categories/{id}");
    let saved = ada
        .post(
            &path,
            &[
                ("csrf", &csrf),
                ("name_fi", "Rahapelaaminen"),
                ("name_sv", "Spel om pengar"),
                ("name_en", "Gambling"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303);
    let moved = ada
        .post(
            &format!("{path}/move"),
            &[("csrf", &csrf), ("direction", "up")],
        )
        .await;
    assert_eq!(moved.status, 303);
    let list = ada.get("/en/staff/stats/categories").await.body;
    let gambling = list.find("Spel om pengar").unwrap();
    let other = list.find("Något annat").unwrap();
    assert!(gambling < other, "moved up past the last default");
    assert_eq!(
        ada.post(
            &format!("{path}/move"),
            &[("csrf", &csrf), ("direction", "sideways")]
        )
        .await
        .status,
        400
    );
    let retired = ada
        .post(
            &format!("{path}/retire"),
            &[("csrf", &csrf), ("retired", "1")],
        )
        .await;
    assert_eq!(retired.status, 303);
    let page = pia.get(&format!("/fi/staff/cases/{case}")).await;
    assert!(
        !page.body.contains("Rahapelaaminen"),
        "a retired reason is not offered"
    );
    assert_eq!(mark(&pia, &case, &[&id], "").await.status, 400);
    let restored = ada
        .post(
            &format!("{path}/retire"),
            &[("csrf", &csrf), ("retired", "0")],
        )
        .await;
    assert_eq!(
        restored.location,
        "/en/staff/stats/categories?notice=restored"
    );
    assert_eq!(mark(&pia, &case, &[&id], "").await.status, 303);
    assert_eq!(
        app.count("select count(*) from audit_log where action = 'stats_category'")
            .await,
        5
    );
    assert_eq!(
        ada.get("/en/staff/stats/categories/no-such-category")
            .await
            .status,
        404
    );
}
