//! `suoja demo` as a new user meets it: something to book on every
//! service, commands printed as they can be run, and the first password
//! named only until it is changed.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use crate::helpers::*;

struct Demo(Child);

impl Drop for Demo {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts the demo in `dir` and returns it with what it printed before
/// serving.
fn start(dir: &std::path::Path, port: u16) -> (Demo, String) {
    let mut child = Command::new(bin())
        .args(["demo", "--dir"])
        .arg(dir.join("data"))
        .args(["--listen", &format!("127.0.0.1:{port}")])
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let out = BufReader::new(child.stdout.take().unwrap());
    // Read to the end, so a line printed later never meets a closed pipe.
    std::thread::spawn(move || {
        for line in out.lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let mut printed = String::new();
    while let Ok(line) = rx.recv_timeout(std::time::Duration::from_secs(30)) {
        printed.push_str(&line);
        printed.push('\n');
        if line.contains("demo counsellor login") {
            // The last line comes a moment later, if at all.
            while let Ok(more) = rx.recv_timeout(std::time::Duration::from_millis(300)) {
                printed.push_str(&more);
                printed.push('\n');
            }
            break;
        }
    }
    (Demo(child), printed)
}

async fn page(port: u16, path: &str) -> String {
    for _ in 0..100 {
        if let Ok(r) = client()
            .get(format!("http://127.0.0.1:{port}{path}"))
            .send()
            .await
        {
            return r.text().await.unwrap();
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the demo did not answer");
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[tokio::test]
async fn the_demo_has_times_to_book_prints_runnable_commands_and_forgets_a_changed_password() {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let (demo, printed) = start(dir.path(), port);
    assert!(printed.contains("first password in"), "{printed}");
    assert!(
        printed.contains(&format!("{} open --identity", bin())),
        "a command that runs as printed: {printed}"
    );
    assert!(!printed.contains("with: suoja open"), "{printed}");
    let booking = page(port, "/en/services/prevention-line/book").await;
    assert!(
        booking.contains(r#"name="choice" value="slot:"#),
        "duty hours"
    );
    let booking = page(port, "/en/services/rainbow-staff/book").await;
    assert!(
        booking.contains(r#"name="choice" value="group:"#),
        "a group"
    );
    drop(demo);

    // The password changed at the first login: no longer named, and the
    // file with the one-time password is gone.
    let db = format!("sqlite://{}", dir.path().join("data/suoja.db").display());
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&db).await.unwrap();
    sqlx::query("update staff set must_change_password = 0 where username = 'demo'")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    let (_demo, printed) = start(dir.path(), port);
    assert!(!printed.contains("first password"), "{printed}");
    assert!(!dir.path().join("data/counsellor-password.txt").exists());
    assert!(
        !printed.contains("published demo times"),
        "times ahead are kept: {printed}"
    );
}
