//! `spawn_app()`: the real binary, a temporary folder with its config, keys,
//! pepper and database, and a client that talks to it.

use std::io::{BufRead, BufReader, Read};
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use secrecy::ExposeSecret;

mod database;
mod smtp;
pub use database::{Backend, TestDatabase, backend, is_postgres};
pub use smtp::{Mail, SmtpServer, free_port};

pub const SERVICE: &str = "helpline";
pub const OTHER_SERVICE: &str = "rainbow";

/// Settings a test may change; everything else is fixed by the harness.
#[derive(Clone)]
pub struct Options {
    pub min_fill_seconds: u64,
    pub extra_limits: String,
    pub extra_top: String,
    pub log: &'static str,
    /// Port of a test SMTP server (`SmtpServer`); none: no `[smtp]` table.
    pub smtp_port: Option<u16>,
    pub smtp_batch_seconds: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            min_fill_seconds: 0,
            extra_limits: String::new(),
            extra_top: String::new(),
            log: "debug",
            smtp_port: None,
            smtp_batch_seconds: 1,
        }
    }
}

/// One running `suoja serve` and its folder. Further instances on the same
/// config and database (`another_instance`) share the folder and database,
/// which go when the last of them is dropped.
pub struct TestApp {
    pub base: String,
    pub dir: Arc<tempfile::TempDir>,
    pub config: PathBuf,
    pub options: Options,
    /// The app's own database: a SQLite file in `dir`, or a PostgreSQL
    /// database dropped with the app.
    pub database: Arc<TestDatabase>,
    child: Option<Child>,
    output: Arc<Mutex<String>>,
}

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_suoja")
}

pub async fn spawn_app() -> TestApp {
    spawn_with(Options::default()).await
}

pub async fn spawn_with(options: Options) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let counsellor = age::x25519::Identity::generate();
    let recovery = age::x25519::Identity::generate();
    std::fs::write(
        dir.path().join("counsellor.key"),
        format!("{}\n", counsellor.to_string().expose_secret()),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("recovery.key"),
        format!("{}\n", recovery.to_string().expose_secret()),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("counsellors.txt"),
        format!("# test counsellors\n{}\n", counsellor.to_public()),
    )
    .unwrap();
    let database = TestDatabase::create(dir.path()).await;
    let config = dir.path().join("suoja.toml");
    std::fs::write(
        &config,
        config_text(dir.path(), &database.url, &recovery, &options),
    )
    .unwrap();
    let mut app = TestApp {
        base: String::new(),
        dir: Arc::new(dir),
        config,
        options,
        database: Arc::new(database),
        child: None,
        output: Arc::new(Mutex::new(String::new())),
    };
    app.start().await;
    app
}

fn config_text(
    dir: &Path,
    database_url: &str,
    recovery: &age::x25519::Identity,
    o: &Options,
) -> String {
    let d = dir.display();
    let smtp = o.smtp_port.map_or(String::new(), |port| {
        format!(
            "\n[smtp]\nhost = \"127.0.0.1\"\nport = {port}\nsecurity = \"none\"\n\
             from = \"suoja <suoja@example.org>\"\nbatch_seconds = {}\n",
            o.smtp_batch_seconds
        )
    });
    let text = format!(
        r#"
listen = "127.0.0.1:0"
database_url = "{database_url}"
pepper_file = "{d}/pepper"
recovery_recipient = "{recovery}"
reload_seconds = 1
{extra_top}

[form]
min_fill_seconds = {min_fill}

[limits]
{limits}

[[services]]
slug = "{SERVICE}"
recipients = ["{d}/counsellors.txt"]
topics = ["general", "crisis", {{ id = "peer-group", fi = "Vertaisryhmä", sv = "Kamratgrupp", en = "Peer group" }}]
[services.name]
fi = "Tukilinja"
sv = "Stödlinjen"
en = "Support line"
[services.description]
fi = "Kerro meille nimettömästi."
sv = "Berätta för oss anonymt."
en = "Tell us anonymously."

[[services]]
slug = "{OTHER_SERVICE}"
recipients = ["{d}/counsellors.txt"]
topics = ["general", "gender"]
[services.name]
fi = "Sateenkaarilinja"
sv = "Regnbågslinjen"
en = "Rainbow line"
[services.description]
fi = "Kysy mitä vain."
sv = "Fråga vad som helst."
en = "Ask anything."
"#,
        recovery = recovery.to_public(),
        extra_top = o.extra_top,
        min_fill = o.min_fill_seconds,
        limits = limits(&o.extra_limits),
    );
    // Feedback on the accessibility statement goes to SERVICE, unless a
    // test writes its own [accessibility].
    let accessibility = if o.extra_top.contains("[accessibility]") {
        String::new()
    } else {
        format!("\n[accessibility]\nfeedback_service = \"{SERVICE}\"\n")
    };
    text + &accessibility + &smtp
}

/// Generous limits, except those a test sets in `extra`.
fn limits(extra: &str) -> String {
    let mut out = extra.to_owned();
    for key in [
        "submissions_per_client_per_hour",
        "submissions_per_service_per_minute",
        "lookups_per_client_per_hour",
        "lookups_per_minute",
    ] {
        if !extra.contains(key) {
            out.push_str(&format!("\n{key} = 1000"));
        }
    }
    out
}

impl TestApp {
    /// A second `suoja serve` on this app's config and database, on a port
    /// of its own, with its own logs: what a second instance behind a load
    /// balancer is.
    pub async fn another_instance(&self) -> TestApp {
        let mut other = TestApp {
            base: String::new(),
            dir: self.dir.clone(),
            config: self.config.clone(),
            options: self.options.clone(),
            database: self.database.clone(),
            child: None,
            output: Arc::new(Mutex::new(String::new())),
        };
        other.start().await;
        other
    }

    /// This app as reached at `base` (a proxy in front of it): the same
    /// folder and database, no process of its own.
    pub fn behind(&self, base: &str) -> TestApp {
        TestApp {
            base: base.to_owned(),
            dir: self.dir.clone(),
            config: self.config.clone(),
            options: self.options.clone(),
            database: self.database.clone(),
            child: None,
            output: Arc::new(Mutex::new(String::new())),
        }
    }

    /// Starts (or restarts) the binary on this app's folder.
    pub async fn start(&mut self) {
        let mut child = Command::new(bin())
            .args(["serve", "--config"])
            .arg(&self.config)
            .env("SUOJA_LOG", self.options.log)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let stdout = child.stdout.take().unwrap();
        let out = self.output.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(rest) = line.strip_prefix("suoja listening on ") {
                    let _ = tx.send(rest.trim_end_matches('/').to_owned());
                }
                let mut o = out.lock().unwrap();
                o.push_str(&line);
                o.push('\n');
            }
        });
        let mut stderr = child.stderr.take().unwrap();
        let out = self.output.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = stderr.read(&mut buf) {
                if n == 0 {
                    break;
                }
                out.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        let base = tokio::task::spawn_blocking(move || rx.recv_timeout(Duration::from_secs(60)))
            .await
            .unwrap();
        match base {
            Ok(base) => self.base = base,
            Err(_) => panic!("server did not start:\n{}", self.logs()),
        }
        self.child = Some(child);
    }

    /// Everything the process printed so far, stdout and stderr.
    pub fn logs(&self) -> String {
        self.output.lock().unwrap().clone()
    }

    /// SIGTERM, then wait for a clean exit.
    pub async fn stop(&mut self) {
        let Some(mut child) = self.child.take() else {
            return;
        };
        signal(&child, "TERM");
        let started = Instant::now();
        loop {
            if let Some(status) = child.try_wait().unwrap() {
                assert!(status.success(), "server exit {status}:\n{}", self.logs());
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "server did not stop"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        // Let the reader threads catch the last lines.
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    /// Waits for a process that was killed, whatever its exit status.
    pub fn reap(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.wait();
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.as_ref().unwrap().id()
    }

    /// The SQLite file (SQLite runs only).
    pub fn db_path(&self) -> PathBuf {
        assert_eq!(backend(), Backend::Sqlite, "a SQLite file is wanted");
        self.dir.path().join("suoja.db")
    }

    /// The URL the app's config names, for a second process or `suoja open`.
    pub fn database_url(&self) -> &str {
        &self.database.url
    }

    pub fn path(&self, file: &str) -> PathBuf {
        self.dir.path().join(file)
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn get(&self, path: &str) -> (u16, String) {
        let r = client().get(self.url(path)).send().await.unwrap();
        (r.status().as_u16(), r.text().await.unwrap())
    }

    pub async fn form_token(&self, lang: &str, slug: &str) -> String {
        let (status, body) = self.get(&format!("/{lang}/services/{slug}")).await;
        assert_eq!(status, 200, "{body}");
        between(&body, r#"name="token" value=""#, "\"").expect("token in form")
    }

    /// Posts the contact form of `slug` with a fresh token and `fields`.
    pub async fn submit_as(
        &self,
        client: &reqwest::Client,
        lang: &str,
        slug: &str,
        fields: &[(&str, &str)],
    ) -> (u16, String) {
        let token = self.form_token(lang, slug).await;
        let mut form: Vec<(&str, &str)> = vec![("token", &token)];
        form.extend_from_slice(fields);
        let r = client
            .post(self.url(&format!("/{lang}/services/{slug}")))
            .form(&form)
            .send()
            .await
            .unwrap();
        (r.status().as_u16(), r.text().await.unwrap())
    }

    pub async fn submit(&self, lang: &str, slug: &str, fields: &[(&str, &str)]) -> (u16, String) {
        self.submit_as(&client(), lang, slug, fields).await
    }

    /// Submits a valid request and returns the receipt shown.
    pub async fn submit_ok(&self, message: &str) -> String {
        let (status, body) = self
            .submit(
                "en",
                SERVICE,
                &[("topic", "general"), ("message", message), ("way", "none")],
            )
            .await;
        assert_eq!(status, 200, "{body}");
        receipt_in(&body)
    }

    /// The single-use token of the receipt form, from a fresh check page.
    pub async fn check_token_as(&self, client: &reqwest::Client, lang: &str) -> String {
        let r = client
            .get(self.url(&format!("/{lang}/check")))
            .send()
            .await
            .unwrap();
        let body = r.text().await.unwrap();
        between(&body, r#"name="token" value=""#, "\"").expect("token in the check form")
    }

    /// Looks `receipt` up as a person does: the check page, then its form.
    pub async fn check_as(
        &self,
        client: &reqwest::Client,
        lang: &str,
        receipt: &str,
    ) -> (u16, String) {
        let token = self.check_token_as(client, lang).await;
        let r = client
            .post(self.url(&format!("/{lang}/check")))
            .form(&[("receipt", receipt), ("token", &token)])
            .send()
            .await
            .unwrap();
        (r.status().as_u16(), r.text().await.unwrap())
    }

    /// Opens the booking `receipt` holds as a person does: the thread page,
    /// then its "manage the booking" form with that form's token.
    pub async fn manage(&self, lang: &str, receipt: &str) -> (u16, String) {
        let (status, thread) = self.check(lang, receipt).await;
        assert_eq!(status, 200, "{thread}");
        let token = token_of_form(&thread, "/bookings/manage");
        let r = client()
            .post(self.url(&format!("/{lang}/bookings/manage")))
            .form(&[("receipt", receipt), ("token", &token)])
            .send()
            .await
            .unwrap();
        (r.status().as_u16(), r.text().await.unwrap())
    }

    pub async fn check(&self, lang: &str, receipt: &str) -> (u16, String) {
        self.check_as(&client(), lang, receipt).await
    }

    /// A pool on this app's database, as a second process would open it.
    pub async fn pool(&self) -> sqlx::AnyPool {
        sqlx::any::install_default_drivers();
        sqlx::AnyPool::connect(self.database_url()).await.unwrap()
    }

    /// Every sealed message in the database: by day, then case, then each
    /// in its thread's order. Nothing stored orders cases finer than a day
    /// (no insertion order), so a test that needs "the one just made"
    /// among several cases of a day finds it by its receipt (`case_of`).
    pub async fn sealed_messages(&self) -> Vec<Vec<u8>> {
        let pool = self.pool().await;
        let rows: Vec<(Vec<u8>,)> =
            sqlx::query_as("select sealed from messages order by written_on, case_id, n")
                .fetch_all(&pool)
                .await
                .unwrap();
        pool.close().await;
        rows.into_iter().map(|r| r.0).collect()
    }

    /// Everything the database stores, as text, to search for what must
    /// never be there in the clear. SQLite: the database file with its WAL
    /// and shared-memory files, bytes as they are on disk. PostgreSQL: every
    /// row of every table of the app's database (`select t::text from t`),
    /// and each `bytea` value once more as its raw bytes, since the text
    /// form shows bytes as hex.
    pub async fn stored_contents(&self) -> String {
        String::from_utf8_lossy(&self.stored_bytes().await).into_owned()
    }

    /// `stored_contents` as the bytes they are, for binary searches.
    pub async fn stored_bytes(&self) -> Vec<u8> {
        let mut stored = Vec::new();
        if !is_postgres() {
            for file in ["suoja.db", "suoja.db-wal", "suoja.db-shm"] {
                if let Ok(bytes) = std::fs::read(self.path(file)) {
                    stored.extend(bytes);
                }
            }
            return stored;
        }
        let pool = self.pool().await;
        let tables: Vec<(String,)> = sqlx::query_as(
            "select table_name::text from information_schema.tables \
             where table_schema = 'public' and table_type = 'BASE TABLE'",
        )
        .fetch_all(&pool)
        .await
        .unwrap();
        for (table,) in &tables {
            let rows: Vec<(String,)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "select t::text from {table} t"
            )))
            .fetch_all(&pool)
            .await
            .unwrap();
            for (row,) in rows {
                stored.extend(row.into_bytes());
                stored.push(b'\n');
            }
        }
        let blobs: Vec<(String, String)> = sqlx::query_as(
            "select table_name::text, column_name::text from information_schema.columns \
             where table_schema = 'public' and data_type = 'bytea'",
        )
        .fetch_all(&pool)
        .await
        .unwrap();
        for (table, column) in &blobs {
            let values: Vec<(Option<Vec<u8>>,)> =
                sqlx::query_as(sqlx::AssertSqlSafe(format!("select {column} from {table}")))
                    .fetch_all(&pool)
                    .await
                    .unwrap();
            for value in values.into_iter().filter_map(|v| v.0) {
                stored.extend(value);
            }
        }
        pool.close().await;
        assert!(
            tables.len() >= 5 && blobs.len() >= 3,
            "{tables:?} {blobs:?}"
        );
        stored
    }

    /// The id of the case a receipt opens (found by its look-up hash, as
    /// the server finds it).
    pub async fn case_of(&self, receipt: &str) -> String {
        let pepper = suoja::seal::Pepper::load_or_create(&self.path("pepper")).unwrap();
        let key = suoja::seal::Receipt::parse(receipt)
            .expect("a receipt")
            .client_key(&pepper)
            .unwrap();
        let pool = self.pool().await;
        let (id,): (String,) = sqlx::query_as("select id from cases where lookup_hash = $1")
            .bind(&key.lookup_hash[..])
            .fetch_one(&pool)
            .await
            .expect("the receipt's case");
        pool.close().await;
        id
    }

    pub async fn count(&self, sql: &'static str) -> i64 {
        let pool = self.pool().await;
        let (n,): (i64,) = sqlx::query_as(sql).fetch_one(&pool).await.unwrap();
        pool.close().await;
        n
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

pub fn signal(child: &Child, name: &str) {
    let status = Command::new("kill")
        .arg(format!("-{name}"))
        .arg(child.id().to_string())
        .status()
        .unwrap();
    assert!(status.success());
}

/// A client with no cookie store that follows no redirects.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// A client whose connections come from another loopback address, so it is
/// another "network" for the rate limits and its address is recognisable.
pub fn client_from(ip: &str) -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .local_address(ip.parse::<IpAddr>().ok())
        .build()
        .unwrap()
}

pub fn between(text: &str, start: &str, end: &str) -> Option<String> {
    let from = text.find(start)? + start.len();
    let len = text[from..].find(end)?;
    Some(text[from..from + len].to_owned())
}

/// The token of the form on `page` whose action ends with `action`.
pub fn token_of_form(page: &str, action: &str) -> String {
    let form = page
        .split("<form ")
        .find(|f| {
            f.split('>')
                .next()
                .is_some_and(|tag| tag.contains(&format!("{action}\"")))
        })
        .unwrap_or_else(|| panic!("no form to {action}"));
    between(form, r#"name="token" value=""#, "\"").expect("a token in the form")
}

pub fn receipt_in(body: &str) -> String {
    between(body, r#"<p class="code" dir="ltr"><strong>"#, "</strong>")
        .expect("receipt on the page")
}

/// Runs a command, returning (success, stdout, stderr).
pub fn run(cmd: &mut Command) -> (bool, String, String) {
    let out = cmd.output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// SQLite's integrity check, or on PostgreSQL amcheck over every B-tree
/// index of the app's tables, each checked against its table's rows.
pub async fn database_is_intact(app: &TestApp) {
    let pool = app.pool().await;
    if is_postgres() {
        sqlx::query("create extension if not exists amcheck")
            .execute(&pool)
            .await
            .unwrap();
        let indexes: Vec<(String,)> = sqlx::query_as(
            "select c.relname::text from pg_index i \
             join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam \
             join pg_namespace n on n.oid = c.relnamespace \
             where a.amname = 'btree' and n.nspname = 'public'",
        )
        .fetch_all(&pool)
        .await
        .unwrap();
        for (index,) in &indexes {
            sqlx::query("select bt_index_check($1::regclass, true)::text")
                .bind(index)
                .execute(&pool)
                .await
                .unwrap_or_else(|e| panic!("index {index}: {e}"));
        }
        let checked = indexes.len();
        assert!(checked >= 5, "{checked} indexes checked");
    } else {
        let (integrity,): (String,) = sqlx::query_as("pragma integrity_check")
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(integrity, "ok");
    }
    pool.close().await;
}
