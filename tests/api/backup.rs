//! `suoja export` and `suoja import`: a backup holds what the database
//! stores and nothing decrypted, and restores into an empty database so that
//! receipts, staff logins and sealed threads all work again.

use std::process::Command;

use crate::helpers::*;
use crate::staff_helpers::*;

const MESSAGE: &str = "the quiet larch counts its rings";
const REPLY: &str = "the patient badger answers in spring";

fn export_to(app: &TestApp, file: &std::path::Path) {
    let (ok, out, err) = run(Command::new(bin())
        .args(["export", "--config"])
        .arg(&app.config)
        .arg("--output")
        .arg(file));
    assert!(ok, "export failed: {out}{err}");
    assert!(err.contains("exported"), "{err}");
    for secret in [MESSAGE, REPLY, NEW_PASSWORD] {
        assert!(
            !out.contains(secret) && !err.contains(secret),
            "export printed {secret:?}"
        );
    }
}

fn import_from(app: &TestApp, file: &std::path::Path) -> (bool, String) {
    let (ok, out, err) = run(Command::new(bin())
        .args(["import", "--config"])
        .arg(&app.config)
        .arg("--input")
        .arg(file));
    (ok, format!("{out}{err}"))
}

#[tokio::test]
async fn an_export_restores_into_an_empty_database_and_everything_works_again() {
    let mut app = spawn_app().await;
    let pw = app.with_staff(&[("anna", "counsellor", &[SERVICE])]).await;
    let receipt = app.submit_ok(MESSAGE).await;
    let anna = Staff::first_login(&app, "anna", &pw[0]).await;
    let case = anna.newest_case().await;
    let csrf = anna.csrf().await;
    let replied = anna
        .post(
            &format!("/en/staff/cases/{case}/reply"),
            &[("csrf", &csrf), ("text", REPLY)],
        )
        .await;
    assert_eq!(replied.status, 303, "{}", replied.body);
    let cases = app.count("select count(*) from cases").await;
    let messages = app.count("select count(*) from messages").await;
    let audits = app.count("select count(*) from audit_log").await;
    app.stop().await;

    let file = app.path("backup.jsonl");
    export_to(&app, &file);
    let text = std::fs::read_to_string(&file).unwrap();
    for secret in [
        MESSAGE,
        REPLY,
        &receipt,
        &receipt.replace('-', ""),
        NEW_PASSWORD,
    ] {
        assert!(!text.contains(secret), "the export holds {secret:?}");
    }
    assert!(text.lines().next().unwrap().contains("suoja-export"));
    assert!(text.contains(r#""t":"cases""#) && text.contains(r#""t":"messages""#));
    assert!(
        !text.contains(r#""t":"sessions""#),
        "sessions are not exported"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "the export is owner-only");
    }
    // An export never overwrites a file.
    let (ok, _, err) = run(Command::new(bin())
        .args(["export", "--config"])
        .arg(&app.config)
        .arg("--output")
        .arg(&file));
    assert!(!ok && err.contains("exists"), "{err}");

    // Into the same, non-empty database: refused, nothing doubled.
    let (ok, said) = import_from(&app, &file);
    assert!(!ok && said.contains("not empty"), "{said}");
    assert_eq!(app.count("select count(*) from cases").await, cases);

    // A cut-off file and a file naming a table this database lacks are
    // refused, and leave the new database empty.
    app.database.wipe().await;
    let cut: String = text
        .lines()
        .take(text.lines().count() - 2)
        .map(|l| format!("{l}\n"))
        .collect();
    let cut_file = app.path("cut.jsonl");
    std::fs::write(&cut_file, cut).unwrap();
    let (ok, said) = import_from(&app, &cut_file);
    assert!(!ok && said.contains("cut off"), "{said}");
    let forged = text.replacen(
        r#""t":"messages""#,
        r#""t":"messages; drop table cases""#,
        1,
    );
    let forged_file = app.path("forged.jsonl");
    std::fs::write(&forged_file, forged).unwrap();
    let (ok, said) = import_from(&app, &forged_file);
    assert!(!ok && said.contains("not in this database"), "{said}");
    assert_eq!(app.count("select count(*) from cases").await, 0);

    let (ok, said) = import_from(&app, &file);
    assert!(ok, "{said}");
    for secret in [MESSAGE, REPLY, &receipt, NEW_PASSWORD] {
        assert!(!said.contains(secret), "import printed {secret:?}");
    }
    assert_eq!(app.count("select count(*) from cases").await, cases);
    assert_eq!(app.count("select count(*) from messages").await, messages);
    assert_eq!(app.count("select count(*) from audit_log").await, audits);

    // The restored instance: the client's receipt finds the thread, anna
    // logs in with her password and reads it with her key, and new rows
    // keep coming after the restored ones.
    app.start().await;
    let (status, page) = app.check("en", &receipt).await;
    assert_eq!(status, 200);
    assert!(page.contains(MESSAGE) && page.contains(REPLY), "{page}");
    let anna = Staff::new(&app);
    let login = anna.login("anna", NEW_PASSWORD, "").await;
    assert_eq!(login.status, 303, "{}", login.body);
    let opened = anna.get(&format!("/en/staff/cases/{case}")).await;
    assert!(opened.body.contains(MESSAGE) && opened.body.contains(REPLY));
    app.submit_ok("a request after the restore").await;
    assert_eq!(app.count("select count(*) from cases").await, cases + 1);
}
