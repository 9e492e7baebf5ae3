//! Rate limits shared by several instances through Redis
//! (`limits.shared_store`): one network gets one quota over all of them,
//! Redis must keep nothing on disk, holds nothing that names a client, and
//! an instance whose Redis is gone still serves, on limits of its own.
//!
//! Each test starts its own throwaway `redis-server` (on a free port, with
//! its own folder), so tests do not share counters; `scripts/test` fails
//! when `redis-server` is missing, and so do these tests, saying why.

use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::helpers::*;

/// A `redis-server` of the test's own, killed when dropped.
pub struct Redis {
    pub port: u16,
    child: Child,
    _dir: tempfile::TempDir,
}

impl Redis {
    /// A Redis that keeps nothing on disk, as a deployment must run it.
    pub fn start() -> Redis {
        Redis::start_with(free_port(), &["--save", "", "--appendonly", "no"])
    }

    pub fn start_with(port: u16, persistence: &[&str]) -> Redis {
        let dir = tempfile::tempdir().unwrap();
        let child = Command::new("redis-server")
            .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
            .args(persistence)
            .arg("--dir")
            .arg(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "redis-server cannot be started ({e}): these tests need it \
                     (Debian: apt-get install redis-server; scripts/test checks for it)"
                )
            });
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "redis-server on port {port} does not answer"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        Redis {
            port,
            child,
            _dir: dir,
        }
    }

    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}", self.port)
    }

    /// `redis-cli` against this server; its output.
    pub fn cli(&self, args: &[&str]) -> String {
        let (ok, out, err) = run(Command::new("redis-cli")
            .args(["-p", &self.port.to_string()])
            .args(args));
        assert!(ok, "redis-cli {args:?}: {err}");
        out
    }

    /// Every key and every value, as text.
    pub fn everything(&self) -> String {
        let mut all = String::new();
        for key in self.cli(&["--scan"]).lines() {
            all.push_str(key);
            all.push('\n');
            all.push_str(&self.cli(&["GET", key]));
        }
        all
    }
}

impl Drop for Redis {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn fields() -> Vec<(&'static str, &'static str)> {
    vec![("topic", "general"), ("message", "m"), ("way", "none")]
}

fn with_store(url: &str, limits: &str) -> Options {
    Options {
        extra_limits: format!("shared_store = \"{url}\"\n{limits}"),
        ..Options::default()
    }
}

async fn submit(app: &TestApp, from: &str) -> u16 {
    app.submit_as(&client_from(from), "en", SERVICE, &fields())
        .await
        .0
}

/// What a store must never hold of a client at 127.0.0.2 (its /24 too):
/// the address and network as text, as hex and as raw bytes.
fn address_forms() -> Vec<String> {
    let mut forms: Vec<String> = ["127.0.0.2", "127.0.0.0", "7f000002", "7f000000", "7F000002"]
        .map(String::from)
        .to_vec();
    forms.push(String::from_utf8_lossy(&[127, 0, 0, 2]).into_owned());
    forms.push(String::from_utf8_lossy(&[127, 0, 0, 0]).into_owned());
    forms
}

#[tokio::test]
async fn two_instances_sharing_redis_give_one_network_one_quota_and_redis_holds_no_address() {
    let redis = Redis::start();
    let first = spawn_with(with_store(
        &redis.url(),
        "submissions_per_client_per_hour = 3",
    ))
    .await;
    let second = first.another_instance().await;
    // 2 on the first, 1 on the second: the quota of 3 is spent over both.
    assert_eq!(submit(&first, "127.0.0.2").await, 200);
    assert_eq!(submit(&first, "127.0.0.2").await, 200);
    assert_eq!(submit(&second, "127.0.0.3").await, 200, "the same /24");
    assert_eq!(submit(&second, "127.0.0.2").await, 429);
    assert_eq!(submit(&first, "127.0.0.4").await, 429);
    assert_eq!(submit(&second, "127.0.1.2").await, 200, "another network");
    assert_eq!(first.count("select count(*) from cases").await, 4);

    let stored = redis.everything();
    assert!(
        stored.contains("suoja:rl:"),
        "the counters are in Redis: {stored}"
    );
    for form in address_forms() {
        assert!(!stored.contains(&form), "Redis holds {form:?}:\n{stored}");
    }
    // Every key expires: the daily secret within a day and an hour, the
    // counters within their window (an hour here).
    for key in redis.cli(&["--scan"]).lines() {
        // Milliseconds left; -2: gone since the scan; -1 would be never.
        let ttl: i64 = redis.cli(&["PTTL", key]).trim().parse().unwrap();
        assert!(
            ttl == -2 || (0..=25 * 3_600_000).contains(&ttl),
            "{key} expires in {ttl} ms"
        );
        if !key.contains("secret") {
            assert!(ttl <= 3_600_000, "{key} outlives its window: {ttl} ms");
        }
    }
    for app in [&first, &second] {
        let logs = app.logs();
        let client = logs.contains("127.0.0.2") || logs.contains("127.0.0.0");
        assert!(!client && !logs.contains("rate-limit store"), "{logs}");
    }
}

#[tokio::test]
async fn without_its_redis_an_instance_serves_on_its_own_limits_says_so_once_and_shares_again_when_back()
 {
    let port = free_port();
    let app = spawn_with(with_store(
        &format!("redis://127.0.0.1:{port}"),
        "submissions_per_client_per_hour = 2",
    ))
    .await;
    let statuses = [
        submit(&app, "127.0.0.2").await,
        submit(&app, "127.0.0.2").await,
        submit(&app, "127.0.0.2").await,
    ];
    assert_eq!(statuses, [200, 200, 429], "per-instance limits");
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(
        submit(&app, "127.0.0.2").await,
        429,
        "still down, still limited"
    );
    let logs = app.logs();
    assert_eq!(
        logs.matches("shared rate-limit store unusable").count(),
        1,
        "said once per outage:\n{logs}"
    );

    // Redis comes up: after the retry pause the instance counts there (a
    // fresh count), and says so once.
    let redis = Redis::start_with(port, &["--save", "", "--appendonly", "no"]);
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(submit(&app, "127.0.0.2").await, 200, "counted in Redis now");
    assert_eq!(submit(&app, "127.0.0.2").await, 200);
    assert_eq!(submit(&app, "127.0.0.2").await, 429);
    assert!(redis.everything().contains("suoja:rl:"));
    let logs = app.logs();
    assert_eq!(
        logs.matches("shared rate-limit store is back").count(),
        1,
        "{logs}"
    );
    assert_eq!(logs.matches("shared rate-limit store unusable").count(), 1);
    assert!(
        !logs.contains("127.0.0.2") && !logs.contains("127.0.0.0"),
        "{logs}"
    );
    assert!(
        !logs.contains("suoja:rl:"),
        "no limiter key in the log: {logs}"
    );
}

/// Tries to log in as `username` from `ip` on `app`; the status answered.
async fn login_from(app: &TestApp, ip: &str, username: &str) -> u16 {
    let client = client_from(ip);
    let page = client.get(app.url("/en/staff/login")).send().await.unwrap();
    let page = page.text().await.unwrap();
    let token = between(&page, r#"name="token" value=""#, "\"").unwrap();
    let form = [
        ("token", token.as_str()),
        ("username", username),
        ("password", "a guess"),
        ("code", ""),
    ];
    let r = client
        .post(app.url("/en/staff/login"))
        .form(&form)
        .send()
        .await;
    r.unwrap().status().as_u16()
}

#[tokio::test]
async fn login_guesses_at_a_name_are_counted_once_over_two_instances() {
    let redis = Redis::start();
    let first = spawn_with(with_store(
        &redis.url(),
        "logins_per_account_per_network_per_hour = 4",
    ))
    .await;
    let second = first.another_instance().await;
    let mut statuses = Vec::new();
    for i in 0..8 {
        let app = if i % 2 == 0 { &first } else { &second };
        statuses.push(login_from(app, "127.0.1.1", "anna").await);
    }
    assert_eq!(statuses, [401, 401, 401, 401, 429, 429, 429, 429]);
}

/// `suoja serve` on the app's config with `shared_store` pointing at
/// `redis`: its exit success and everything it printed.
fn serve_against(app: &TestApp, redis: &Redis) -> (bool, String) {
    let text = std::fs::read_to_string(&app.config).unwrap();
    let text = text.replacen(
        "[limits]\n",
        &format!("[limits]\nshared_store = \"{}\"\n", redis.url()),
        1,
    );
    let config = app.path("persisting-redis.toml");
    std::fs::write(&config, text).unwrap();
    let mut child = Command::new(bin())
        .args(["serve", "--config"])
        .arg(&config)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("suoja serve started against a Redis that keeps data on disk");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), printed)
}

#[tokio::test]
async fn a_redis_that_keeps_data_on_disk_is_refused_at_start() {
    let app = spawn_app().await;
    for persistence in [
        ["--save", "3600 1", "--appendonly", "no"],
        ["--save", "", "--appendonly", "yes"],
    ] {
        let redis = Redis::start_with(free_port(), &persistence);
        let (ok, printed) = serve_against(&app, &redis);
        assert!(!ok, "{persistence:?}: {printed}");
        assert!(
            printed.contains("limits.shared_store") && printed.contains("keeps data on disk"),
            "{persistence:?}: {printed}"
        );
        assert!(!printed.contains("suoja listening"), "{printed}");
    }
}
