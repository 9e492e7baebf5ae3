//! Key rotation through the real binary: `suoja rotate` reseals a service's
//! items to its current recipient set, and the reference `age` CLI and
//! `suoja open` show who can open them afterwards.

use std::path::{Path, PathBuf};
use std::process::Command;

use secrecy::{ExposeSecret, SecretString};
use suoja::seal::{Pepper, Receipt};

use crate::helpers::*;
use crate::staff_helpers::*;

/// `suoja rotate` with an identity file and extra arguments.
pub fn rotate(app: &TestApp, identity: &Path, extra: &[&str]) -> (bool, String, String) {
    run(Command::new(bin())
        .args(["rotate", "--config"])
        .arg(&app.config)
        .arg("--identity")
        .arg(identity)
        .args(extra)
        .env("SUOJA_LOG", "trace"))
}

/// Whether the reference `age` CLI opens `sealed` with `identity`.
pub fn age_opens(app: &TestApp, identity: &Path, sealed: &[u8]) -> bool {
    let file = app.path("item.age");
    std::fs::write(&file, sealed).unwrap();
    let (ok, _, _) = run(Command::new("age")
        .args(["--decrypt", "--identity"])
        .arg(identity)
        .arg(&file));
    ok
}

/// A staff member's identity, unwrapped from the database with their
/// password and written to an identity file (what they could export).
pub async fn staff_key(app: &TestApp, username: &str, password: &str) -> PathBuf {
    let pool = app.pool().await;
    let (wrapped,): (Vec<u8>,) =
        sqlx::query_as("select wrapped_identity from staff where username = $1")
            .bind(username)
            .fetch_one(&pool)
            .await
            .unwrap();
    pool.close().await;
    let identity =
        suoja::seal::identity::unwrap(&wrapped, &SecretString::from(password.to_owned())).unwrap();
    let path = app.path(&format!("{username}.key"));
    std::fs::write(&path, format!("{}\n", identity.to_string().expose_secret())).unwrap();
    path
}

/// The client's identity file, derived from a receipt and the pepper.
fn client_key(app: &TestApp, receipt: &str) -> PathBuf {
    let pepper = Pepper::load_or_create(&app.path("pepper")).unwrap();
    let key = Receipt::parse(receipt)
        .unwrap()
        .client_key(&pepper)
        .unwrap();
    let path = app.path("client.key");
    std::fs::write(&path, key.identity.to_string().expose_secret()).unwrap();
    path
}

/// A message row: (place in its thread, id, written_on, author, key_epoch,
/// sealed).
pub type MessageRow = (i32, String, String, String, i64, Vec<u8>);

/// Every message: by day, case, and place in the thread.
pub async fn messages(app: &TestApp) -> Vec<MessageRow> {
    let pool = app.pool().await;
    let rows = sqlx::query_as(
        "select n, id, written_on, author, key_epoch, sealed from messages \
         order by written_on, case_id, n",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    pool.close().await;
    rows
}

/// What must not change when an item is resealed.
fn identity_columns(rows: &[MessageRow]) -> Vec<(i32, String, String, String)> {
    rows.iter()
        .map(|r| (r.0, r.1.clone(), r.2.clone(), r.3.clone()))
        .collect()
}

fn assert_no_secret(out: &str, secrets: &[&str]) {
    assert!(!out.contains("AGE-SECRET-KEY"), "an identity in the output");
    for s in secrets {
        assert!(!out.contains(s), "the output holds {s:?}:\n{out}");
    }
}

#[tokio::test]
async fn a_deactivated_counsellors_key_no_longer_opens_items_after_rotate() {
    let mut app = spawn_app().await;
    let one_time = app
        .with_staff(&[
            ("anna", "counsellor", &[SERVICE]),
            ("ben", "counsellor", &[SERVICE]),
        ])
        .await;
    let anna = Staff::first_login(&app, "anna", &one_time[0]).await;
    let receipt = app.submit_ok("the ochre kite drifts north").await;
    let case = anna.newest_case().await;
    let page = anna.get(&format!("/en/staff/cases/{case}")).await;
    let csrf = csrf_in(&page.body);
    for (path, text) in [
        ("reply", "the quiet fern answers"),
        ("note", "internal only"),
    ] {
        let r = anna
            .post(
                &format!("/en/staff/cases/{case}/{path}"),
                &[("csrf", &csrf), ("text", text)],
            )
            .await;
        assert_eq!(r.status, 303, "{}", r.body);
    }
    let anna_key = staff_key(&app, "anna", NEW_PASSWORD).await;
    let ben_key = staff_key(&app, "ben", &one_time[1]).await;
    let client = client_key(&app, &receipt);
    let before = messages(&app).await;
    assert_eq!(before.len(), 3);
    assert!(before.iter().all(|m| age_opens(&app, &anna_key, &m.5)));

    // Anna leaves; a running server stops sealing to her within seconds, and
    // rotate (with the offline recovery identity) reseals what she had.
    app.deactivate_staff("anna");
    let (ok, out, err) = rotate(&app, &app.path("recovery.key"), &[]);
    assert!(ok, "{out}{err}");
    assert!(out.contains("helpline: resealing 3 items"), "{out}");
    assert!(
        out.contains("helpline: check: 3 items pass (right number of recipients, opened"),
        "{out}"
    );
    assert!(out.contains("0 fail, 0 still in an older epoch"), "{out}");
    assert_no_secret(&(out + &err), &["ochre kite", "quiet fern", &receipt]);

    let after = messages(&app).await;
    assert_eq!(identity_columns(&after), identity_columns(&before));
    let epochs: std::collections::BTreeSet<i64> = after.iter().map(|m| m.4).collect();
    assert_eq!(epochs.len(), 1, "one epoch for all");
    assert_ne!(after[0].4, before[0].4, "a new epoch");
    for (i, m) in after.iter().enumerate() {
        assert_ne!(m.5, before[i].5, "resealed");
        assert!(
            !age_opens(&app, &anna_key, &m.5),
            "anna's key opens item {i}"
        );
        for key in [
            &ben_key,
            &app.path("counsellor.key"),
            &app.path("recovery.key"),
        ] {
            assert!(
                age_opens(&app, key, &m.5),
                "{} cannot open item {i}",
                key.display()
            );
        }
        // The client's key opens their message and the reply, not the note.
        assert_eq!(
            age_opens(&app, &client, &m.5),
            m.3 != "note",
            "client, {}",
            m.3
        );
    }
    let (status, thread) = app.check("en", &receipt).await;
    assert_eq!(status, 200);
    assert!(thread.contains("the ochre kite drifts north"));
    assert!(thread.contains("the quiet fern answers"));

    // Nothing left to do: a second run changes nothing and says so.
    let (ok, out, err) = rotate(&app, &app.path("recovery.key"), &[]);
    assert!(ok, "{out}{err}");
    assert!(out.contains("helpline: every item is in the current key epoch"));
    assert_eq!(messages(&app).await, after);
    let audit = app
        .count("select count(*) from audit_log where action = 'rotation_finished'")
        .await;
    assert_eq!(audit, 1);
    assert_eq!(
        app.count("select count(*) from rotation_jobs where state = 'done' and done = 3 and total = 3 and checked = 3")
            .await,
        1
    );
}

#[tokio::test]
async fn a_new_member_opens_older_items_once_rotated_and_unopenable_items_are_reported() {
    let mut app = spawn_app().await;
    for text in ["first of three", "second of three", "third of three"] {
        app.submit_ok(text).await;
    }
    let one_time = app.with_staff(&[("carl", "counsellor", &[SERVICE])]).await;
    let carl_key = staff_key(&app, "carl", &one_time[0]).await;
    let before = messages(&app).await;
    assert!(before.iter().all(|m| !age_opens(&app, &carl_key, &m.5)));

    // Carl's own key is not among the old recipients: nothing opens, and
    // every item is counted and reported, none silently skipped.
    let (ok, out, err) = rotate(&app, &carl_key, &["--service", SERVICE]);
    assert!(!ok, "{out}");
    assert!(
        out.contains("3/3 items (0 resealed, 3 unreadable, 0 skipped)"),
        "{out}"
    );
    assert!(out.contains("0 items pass"), "{out}");
    assert!(out.contains("3 still in an older epoch"), "{out}");
    assert!(
        err.contains("run again with an identity that opens them"),
        "{err}"
    );
    assert_eq!(messages(&app).await, before);
    assert_eq!(
        app.count(
            "select count(*) from rotation_jobs where state = 'incomplete' and unreadable = 3"
        )
        .await,
        1
    );

    // A counsellor's key file that was in the old set does it.
    let (ok, out, err) = rotate(&app, &app.path("counsellor.key"), &["--service", SERVICE]);
    assert!(ok, "{out}{err}");
    assert!(out.contains("3 items pass"), "{out}");
    for m in messages(&app).await {
        assert!(age_opens(&app, &carl_key, &m.5));
    }
    let (ok, out, err) = run(Command::new(bin())
        .args(["open", "--identity"])
        .arg(&carl_key)
        .arg("--config")
        .arg(&app.config));
    assert!(ok, "{err}");
    assert!(out.contains("second of three"), "{out}");
    assert!(err.contains("3 of 3 cases opened"), "{err}");
}

#[tokio::test]
async fn replacing_the_recovery_key_reseals_every_service_with_the_old_one() {
    let mut app = spawn_app().await;
    app.submit_ok("to the helpline").await;
    let (status, _) = app
        .submit(
            "en",
            OTHER_SERVICE,
            &[
                ("topic", "general"),
                ("message", "to the rainbow line"),
                ("way", "none"),
            ],
        )
        .await;
    assert_eq!(status, 200);
    app.stop().await;
    let old = app.path("recovery.key");
    let new = app.path("recovery-2026.key");
    let (ok, recipient, err) = run(Command::new(bin()).args(["keygen", "--output"]).arg(&new));
    assert!(ok, "{err}");
    let config = std::fs::read_to_string(&app.config).unwrap();
    let config: String = config
        .lines()
        .map(|l| {
            if l.starts_with("recovery_recipient") {
                format!("recovery_recipient = \"{}\"\n", recipient.trim())
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    std::fs::write(&app.config, config).unwrap();

    let (ok, out, err) = rotate(&app, &old, &[]);
    assert!(ok, "{out}{err}");
    for slug in [SERVICE, OTHER_SERVICE] {
        assert!(
            out.contains(&format!(
                "{slug}: check: 1 items pass (right number of recipients; the identity is not in the new set"
            )),
            "{out}"
        );
    }
    for m in messages(&app).await {
        assert!(age_opens(&app, &new, &m.5));
        assert!(!age_opens(&app, &old, &m.5));
    }
    let open = |key: &Path| {
        run(Command::new(bin())
            .args(["open", "--identity"])
            .arg(key)
            .arg("--config")
            .arg(&app.config))
    };
    let (_, out, err) = open(&new);
    assert!(out.contains("to the rainbow line") && out.contains("to the helpline"));
    assert!(err.contains("2 of 2 cases opened"), "{err}");
    let (_, out, err) = open(&old);
    assert!(out.is_empty());
    assert!(err.contains("0 of 2 cases opened"), "{err}");
    app.start().await;
    let receipt = app.submit_ok("after the change").await;
    assert!(!receipt.is_empty());
    let last = messages(&app).await.pop().unwrap();
    assert!(age_opens(&app, &new, &last.5));
}

/// SIGKILLs `suoja rotate` after it has printed `lines` progress lines (or,
/// with `lines == 0`, after `delay_ms`); true if it finished first.
fn rotate_until_killed(app: &TestApp, identity: &Path, lines: usize, delay_ms: u64) -> bool {
    use std::io::{BufRead, BufReader};
    let mut child = Command::new(bin())
        .args(["rotate", "--batch", "7", "--service", SERVICE, "--config"])
        .arg(&app.config)
        .arg("--identity")
        .arg(identity)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    if lines == 0 {
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
    } else {
        let stdout = child.stdout.take().unwrap();
        let mut seen = 0;
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if line.contains(" items (") {
                seen += 1;
                if seen >= lines {
                    break;
                }
            }
        }
    }
    let finished = matches!(child.try_wait(), Ok(Some(s)) if s.success());
    let _ = child.kill(); // SIGKILL
    let _ = child.wait();
    finished
}

#[tokio::test]
async fn a_rotation_killed_again_and_again_resumes_and_loses_or_doubles_nothing() {
    const ITEMS: usize = 300;
    let mut app = spawn_app().await;
    for i in 0..ITEMS {
        app.submit_ok(&format!("item number {i}")).await;
    }
    let one_time = app.with_staff(&[("dora", "counsellor", &[SERVICE])]).await;
    let dora = staff_key(&app, "dora", &one_time[0]).await;
    app.stop().await;
    let before = messages(&app).await;
    assert_eq!(before.len(), ITEMS);

    // Kill it at different points: after a few progress lines (mid-batch,
    // since a line is printed every 7 items and the process runs on), and
    // after short delays (while it connects, loads keys or starts the job).
    let recovery = app.path("recovery.key");
    let mut kills = 0;
    let plan = [
        (0, 30),
        (1, 0),
        (0, 80),
        (3, 0),
        (2, 0),
        (0, 150),
        (5, 0),
        (1, 0),
    ];
    for (lines, delay) in plan.iter().cycle().take(200) {
        if rotate_until_killed(&app, &recovery, *lines, *delay) {
            break;
        }
        kills += 1;
        let pool = app.pool().await;
        let progress: Option<(i64, i64)> =
            sqlx::query_as("select done, total from rotation_jobs where state = 'running'")
                .fetch_optional(&pool)
                .await
                .unwrap();
        eprintln!("kill {kills}: job at {progress:?}");
        pool.close().await;
        database_is_intact(&app).await;
    }
    assert!(
        kills >= 5,
        "only {kills} kills: the rotation was too quick to test"
    );
    // The last run (or this one) finishes and checks.
    let (ok, out, err) = rotate(&app, &recovery, &["--service", SERVICE]);
    assert!(ok, "{out}{err}");
    eprintln!("{out}");
    assert!(
        out.contains(&format!("helpline: check: {ITEMS} items pass")),
        "{out}"
    );

    let after = messages(&app).await;
    assert_eq!(
        identity_columns(&after),
        identity_columns(&before),
        "nothing lost, moved or doubled"
    );
    let epochs: std::collections::BTreeSet<i64> = after.iter().map(|m| m.4).collect();
    assert_eq!(epochs.len(), 1);
    let dora_id = suoja::seal::IdentityFile::read(&dora).unwrap();
    let mut texts = std::collections::BTreeSet::new();
    for (i, m) in after.iter().enumerate() {
        let plain = suoja::seal::open_bytes(&m.5, &dora_id.as_identities())
            .unwrap_or_else(|e| panic!("item {i}: {e}"));
        let doc: serde_json::Value = serde_json::from_slice(&plain).unwrap();
        texts.insert(doc["text"].as_str().unwrap().to_owned());
    }
    let planted: std::collections::BTreeSet<String> = (0..after.len())
        .map(|i| format!("item number {i}"))
        .collect();
    assert_eq!(texts, planted, "every item once, each with its own text");
    for m in after.iter().step_by(60) {
        assert!(age_opens(&app, &dora, &m.5));
        assert!(age_opens(&app, &app.path("counsellor.key"), &m.5));
    }
    let pool = app.pool().await;
    let (state, total, done, unreadable, skipped): (String, i64, i64, i64, i64) = sqlx::query_as(
        "select state, total, done, unreadable, skipped from rotation_jobs where service = $1",
    )
    .bind(SERVICE)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        (state.as_str(), total, done, unreadable, skipped),
        ("done", ITEMS as i64, ITEMS as i64, 0, 0),
        "one job, every item counted once"
    );
    pool.close().await;
    database_is_intact(&app).await;
    for action in ["rotation_started", "rotation_finished"] {
        let pool = app.pool().await;
        let (n,): (i64,) = sqlx::query_as("select count(*) from audit_log where action = $1")
            .bind(action)
            .fetch_one(&pool)
            .await
            .unwrap();
        pool.close().await;
        assert_eq!(n, 1, "one {action} entry, whatever the kills");
    }
}

/// Waits until no rotation job runs and `jobs` have ended.
pub async fn jobs_end(app: &TestApp, jobs: i64) {
    for _ in 0..400 {
        let ended = app
            .count("select count(*) from rotation_jobs where state <> 'running'")
            .await;
        if ended >= jobs {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the rotation jobs did not end:\n{}", app.logs());
}

#[tokio::test]
async fn a_counsellor_replaces_their_own_key_and_their_items_follow_it() {
    let mut app = spawn_app().await;
    let one_time = app
        .with_staff(&[("anna", "counsellor", &[SERVICE, OTHER_SERVICE])])
        .await;
    let anna = Staff::first_login(&app, "anna", &one_time[0]).await;
    app.submit_ok("the slate harbour at dusk").await;
    let second = app.submit_ok("the second lantern").await;
    let old_key = staff_key(&app, "anna", NEW_PASSWORD).await;
    std::fs::rename(&old_key, app.path("anna-old.key")).unwrap();
    let old_key = app.path("anna-old.key");

    let csrf = anna.csrf().await;
    let wrong = anna
        .post(
            "/en/staff/account/key",
            &[("csrf", &csrf), ("current", "not my password at all")],
        )
        .await;
    assert_eq!(wrong.status, 422);
    let forged = anna
        .post(
            "/en/staff/account/key",
            &[("csrf", "0"), ("current", NEW_PASSWORD)],
        )
        .await;
    assert_eq!(forged.status, 403);
    assert_eq!(app.count("select count(*) from rotation_jobs").await, 0);

    let replaced = anna
        .post(
            "/en/staff/account/key",
            &[("csrf", &csrf), ("current", NEW_PASSWORD)],
        )
        .await;
    assert_eq!(replaced.status, 303, "{}", replaced.body);
    assert_eq!(replaced.location, "/en/staff/rotation");
    jobs_end(&app, 1).await;
    let page = anna.get("/en/staff/rotation").await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("A counsellor replaced their key"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Done"));
    assert!(page.body.contains("2 items pass, 0 fail"));

    let new_key = staff_key(&app, "anna", NEW_PASSWORD).await;
    assert_ne!(
        std::fs::read_to_string(&new_key).unwrap(),
        std::fs::read_to_string(&old_key).unwrap()
    );
    for m in messages(&app).await {
        assert!(age_opens(&app, &new_key, &m.5));
        assert!(!age_opens(&app, &old_key, &m.5), "the old key still opens");
        assert!(age_opens(&app, &app.path("recovery.key"), &m.5));
    }
    // The session reads with the new key, and so does a new login.
    let case = app.case_of(&second).await;
    assert!(
        anna.get(&format!("/en/staff/cases/{case}"))
            .await
            .body
            .contains("the second lantern")
    );
    let again = Staff::new(&app);
    assert_eq!(again.login("anna", NEW_PASSWORD, "").await.status, 303);
    let queue = again.get("/en/staff").await;
    assert!(
        queue.body.contains("the slate harbour at dusk"),
        "{}",
        queue.body
    );
    assert_eq!(
        app.count("select count(*) from audit_log where action = 'key_replaced'")
            .await,
        1
    );
}

#[tokio::test]
async fn an_admin_removes_a_member_and_a_logged_in_key_reseals_without_theirs() {
    let mut app = spawn_app().await;
    let one_time = app
        .with_staff(&[
            ("root", "admin", &[SERVICE]),
            ("bea", "counsellor", &[SERVICE]),
        ])
        .await;
    let admin = Staff::first_login(&app, "root", &one_time[0]).await;
    let bea = Staff::first_login(&app, "bea", &one_time[1]).await;
    app.submit_ok("the hollow reed").await;
    app.submit_ok("the pale comet").await;
    let bea_key = staff_key(&app, "bea", NEW_PASSWORD).await;
    let admin_key = staff_key(&app, "root", NEW_PASSWORD).await;
    let pool = app.pool().await;
    let (bea_id,): (String,) = sqlx::query_as("select id from staff where username = 'bea'")
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;

    // Only admins see the page and may remove, with the session's token.
    assert_eq!(bea.get("/en/staff/members").await.status, 403);
    let bea_csrf = bea.csrf().await;
    let form = |csrf: &str| {
        vec![
            ("csrf".to_owned(), csrf.to_owned()),
            ("staff".to_owned(), bea_id.clone()),
            ("service".to_owned(), SERVICE.to_owned()),
            ("confirm".to_owned(), "yes".to_owned()),
        ]
    };
    let post = |who: &Staff, f: Vec<(String, String)>| {
        who.http
            .post(format!("{}/en/staff/members/remove", who.base))
            .form(&f)
            .send()
    };
    assert_eq!(post(&bea, form(&bea_csrf)).await.unwrap().status(), 403);
    let page = admin.get("/en/staff/members").await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("Remove Bea from Support line"),
        "{}",
        page.body
    );
    let csrf = csrf_in(&page.body);
    assert_eq!(post(&admin, form("0")).await.unwrap().status(), 403);
    assert_eq!(
        app.count("select count(*) from memberships where service = 'helpline'")
            .await,
        2
    );

    // Without the "I am sure" box ticked nothing changes.
    let mut unsure = form(&csrf);
    unsure.retain(|(k, _)| k != "confirm");
    let refused = post(&admin, unsure).await.unwrap();
    assert_eq!(refused.status(), 303);
    let back = admin.get("/en/staff/members?notice=not-confirmed").await;
    assert!(back.body.contains("Nothing changed: tick"), "{}", back.body);
    assert_eq!(
        app.count("select count(*) from memberships where service = 'helpline'")
            .await,
        2
    );

    let removed = post(&admin, form(&csrf)).await.unwrap();
    assert_eq!(removed.status(), 303);
    jobs_end(&app, 1).await;
    let page = admin.get("/en/staff/rotation").await;
    assert!(
        page.body.contains("A member left the service"),
        "{}",
        page.body
    );
    assert!(page.body.contains("2 items pass, 0 fail"), "{}", page.body);
    for m in messages(&app).await {
        assert!(
            !age_opens(&app, &bea_key, &m.5),
            "the removed key still opens"
        );
        for key in [
            &admin_key,
            &app.path("counsellor.key"),
            &app.path("recovery.key"),
        ] {
            assert!(age_opens(&app, key, &m.5));
        }
    }
    // Bea no longer sees the service's cases.
    let queue = bea.get("/en/staff").await;
    assert!(!queue.body.contains("the pale comet"));
    assert_eq!(
        app.count("select count(*) from audit_log where action = 'membership_removed'")
            .await,
        1
    );
}

#[tokio::test]
async fn a_job_cut_off_by_a_crash_resumes_when_a_member_who_can_open_it_logs_in() {
    let mut app = spawn_app().await;
    let one_time = app.with_staff(&[("anna", "counsellor", &[SERVICE])]).await;
    Staff::first_login(&app, "anna", &one_time[0]).await;
    for i in 0..100 {
        app.submit_ok(&format!("before the crash {i}")).await;
    }
    let ben = app.with_staff(&[("ben", "counsellor", &[SERVICE])]).await;
    let ben_key = staff_key(&app, "ben", &ben[0]).await;
    // The command line starts the job and is killed early in it.
    assert!(!rotate_until_killed(&app, &app.path("recovery.key"), 1, 0));
    let job_row = async |app: &TestApp| -> (String, i64, i64, i64) {
        let pool = app.pool().await;
        let row = sqlx::query_as("select state, done, total, unreadable from rotation_jobs")
            .fetch_one(&pool)
            .await
            .unwrap();
        pool.close().await;
        row
    };
    let (state, done, total, _) = job_row(&app).await;
    assert_eq!(state, "running");
    assert!(done > 0 && done < total, "{done} of {total}");

    // After a restart Ben, whose key came after the items were sealed,
    // logs in: his key opens none of them, so the job waits.
    app.stop().await;
    app.start().await;
    let ben_session = Staff::first_login(&app, "ben", &ben[0]).await;
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    assert_eq!(job_row(&app).await, (state.clone(), done, total, 0));
    let page = ben_session.get("/en/staff/rotation").await;
    assert!(page.body.contains("Resume with my key"), "{}", page.body);
    let job = between(&page.body, r#"name="job" value=""#, "\"").unwrap();
    let forged = ben_session
        .post("/en/staff/rotation/resume", &[("csrf", "0"), ("job", &job)])
        .await;
    assert_eq!(forged.status, 403);

    // Anna's key opens them: her login alone resumes the job, no button.
    let anna = Staff::new(&app);
    assert_eq!(anna.login("anna", NEW_PASSWORD, "").await.status, 303);
    jobs_end(&app, 1).await;
    assert_eq!(
        job_row(&app).await,
        ("done".to_owned(), 100, 100, 0),
        "the job went on from where the crash left it, losing nothing"
    );
    let ben_id = suoja::seal::IdentityFile::read(&ben_key).unwrap();
    for m in messages(&app).await {
        assert!(ben_id.opens(&m.5));
    }
    assert!(
        !anna
            .get("/en/staff/rotation")
            .await
            .body
            .contains("Resume with my key")
    );
}

#[tokio::test]
async fn rotate_draws_a_bar_on_a_terminal_and_plain_lines_otherwise() {
    let mut app = spawn_app().await;
    for i in 0..12 {
        app.submit_ok(&format!("bar item {i}")).await;
    }
    app.with_staff(&[("dora", "counsellor", &[SERVICE])]).await;
    // `script` gives the command a pseudo-terminal.
    let cmd = format!(
        "{} rotate --batch 5 --service {SERVICE} --config {} --identity {}",
        bin(),
        app.config.display(),
        app.path("recovery.key").display()
    );
    let (ok, out, err) = run(Command::new("script").args(["-qec", &cmd, "/dev/null"]));
    assert!(ok, "{out}{err}");
    assert!(out.contains("\rhelpline: [###"), "{out:?}");
    assert!(out.contains("] 12/12 (0 unreadable)"), "{out:?}");
    assert!(
        !out.contains("5/12 items"),
        "no plain lines on a terminal: {out:?}"
    );

    app.add_staff("eve", "counsellor", &[SERVICE]);
    let (ok, out, err) = rotate(
        &app,
        &app.path("recovery.key"),
        &["--batch", "5", "--service", SERVICE],
    );
    assert!(ok, "{out}{err}");
    assert!(!out.contains('\r') && !err.contains('\r'));
    for line in [
        "helpline: 5/12 items",
        "helpline: 10/12 items",
        "helpline: 12/12 items (12 resealed",
    ] {
        assert!(out.contains(line), "{out}");
    }
}

#[tokio::test]
async fn a_counsellor_taken_out_of_one_service_on_the_command_line_loses_only_its_items() {
    let mut app = spawn_app().await;
    let one_time = app
        .with_staff(&[("anna", "counsellor", &[SERVICE, OTHER_SERVICE])])
        .await;
    let anna_key = staff_key(&app, "anna", &one_time[0]).await;
    app.submit_ok("for the helpline").await;
    let (status, _) = app
        .submit(
            "en",
            OTHER_SERVICE,
            &[
                ("topic", "general"),
                ("message", "for the rainbow line"),
                ("way", "none"),
            ],
        )
        .await;
    assert_eq!(status, 200);
    let staff = |args: &[&str]| {
        run(Command::new(bin())
            .args(["staff"])
            .args(args)
            .arg("--config")
            .arg(&app.config))
    };
    let (ok, out, err) = staff(&["remove-service", "--username", "anna", "--service", SERVICE]);
    assert!(ok, "{out}{err}");
    assert!(out.contains("run suoja rotate"), "{out}");
    let (ok, _, err) = staff(&["remove-service", "--username", "anna", "--service", SERVICE]);
    assert!(!ok && err.contains("not a member"), "{err}");

    let (ok, out, err) = rotate(&app, &app.path("recovery.key"), &[]);
    assert!(ok, "{out}{err}");
    assert!(
        out.contains("rainbow: every item is in the current key epoch"),
        "{out}"
    );
    let pool = app.pool().await;
    let rows: Vec<(String, Vec<u8>)> = sqlx::query_as(
        "select c.service, m.sealed from messages m join cases c on c.id = m.case_id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    pool.close().await;
    assert_eq!(rows.len(), 2);
    for (service, sealed) in &rows {
        assert_eq!(
            age_opens(&app, &anna_key, sealed),
            service == OTHER_SERVICE,
            "{service}"
        );
        assert!(age_opens(&app, &app.path("counsellor.key"), sealed));
    }
    assert_eq!(
        app.count("select count(*) from audit_log where action = 'membership_removed'")
            .await,
        1
    );
}

/// A contact request sent with nothing but the server's address.
pub async fn submit_to(base: String, message: String) -> u16 {
    let http = client();
    let form = http
        .get(format!("{base}/en/services/{SERVICE}"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = between(&form, r#"name="token" value=""#, "\"").unwrap();
    http.post(format!("{base}/en/services/{SERVICE}"))
        .form(&[
            ("token", token.as_str()),
            ("topic", "general"),
            ("message", message.as_str()),
            ("way", "none"),
        ])
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test]
async fn rotating_while_clients_keep_writing_leaves_every_item_in_the_new_set() {
    let mut app = spawn_app().await;
    let one_time = app.with_staff(&[("anna", "counsellor", &[SERVICE])]).await;
    let anna_key = staff_key(&app, "anna", &one_time[0]).await;
    for i in 0..100 {
        app.submit_ok(&format!("early {i}")).await;
    }
    app.deactivate_staff("anna");
    // Clients keep writing while the job runs; until its keyring is re-read
    // (`reload_seconds`, 1 s here) the server may
    // still seal to the old set.
    let writers = tokio::spawn({
        let base = app.base.clone();
        async move {
            for i in 0..60 {
                assert_eq!(submit_to(base.clone(), format!("during {i}")).await, 200);
            }
        }
    });
    let mut runs = 0;
    loop {
        runs += 1;
        let (ok, out, err) = rotate(&app, &app.path("recovery.key"), &["--batch", "10"]);
        if ok && writers.is_finished() {
            break;
        }
        assert!(runs < 10, "{out}{err}");
        tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    }
    writers.await.unwrap();
    // The keyring has caught up by now: one more run finds nothing to do.
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    let (ok, out, err) = rotate(&app, &app.path("recovery.key"), &[]);
    assert!(ok, "{out}{err}");
    let all = messages(&app).await;
    assert_eq!(all.len(), 160, "nothing lost or doubled");
    let epochs: std::collections::BTreeSet<i64> = all.iter().map(|m| m.4).collect();
    assert_eq!(epochs.len(), 1, "one epoch");
    let anna = suoja::seal::IdentityFile::read(&anna_key).unwrap();
    let counsellor = suoja::seal::IdentityFile::read(&app.path("counsellor.key")).unwrap();
    for m in &all {
        assert!(!anna.opens(&m.5), "the deactivated key opens an item");
        assert!(counsellor.opens(&m.5));
    }
}
