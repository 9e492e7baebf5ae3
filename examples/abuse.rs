//! Abuse figures against the real binary: what other clients get while one
//! floods past its quota or many hold slow connections, how many password
//! guesses the login limits let through, and whether a login for an unknown
//! user answers as fast as one for a known user. Prints figures; asserts
//! nothing about time (it exits non-zero only if a request fails in a way
//! no load explains, such as a wrong status).
//!
//! ```text
//! cargo build --release
//! cargo run --release --example abuse -- [quota] [slowloris] [brute] [timing]
//!     [loginflood] [instances] [--seconds N] [--attempts N]
//! ```
//!
//! With no scenario named it runs the first four (`loginflood` and
//! `instances` only when named; `instances` needs `redis-server`). Each starts its own
//! `suoja serve` (the binary beside this example: `target/release/suoja`
//! for `--release`) on a fresh SQLite file. Clients come from different
//! loopback addresses (127.0.0.2, 127.0.1.x, …), which Linux accepts
//! without set-up, so the server sees different networks.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::error::Error;
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

type BoxError = Box<dyn Error + Send + Sync>;

const SLUG: &str = "helpline";
const FORM: &str = "/en/services/helpline";
const LOGIN: &str = "/en/staff/login";

struct Args {
    scenarios: Vec<String>,
    seconds: u64,
    attempts: usize,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        scenarios: Vec::new(),
        seconds: 10,
        attempts: 300,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "quota" | "slowloris" | "brute" | "timing" | "loginflood" | "instances" => {
                args.scenarios.push(a)
            }
            "--seconds" | "--attempts" => {
                let v: u64 = it
                    .next()
                    .and_then(|v| v.parse().ok())
                    .filter(|v| *v > 0)
                    .ok_or(format!("{a} needs a positive number"))?;
                if a == "--seconds" {
                    args.seconds = v;
                } else {
                    args.attempts = v as usize;
                }
            }
            _ => return Err(format!("unknown argument {a}")),
        }
    }
    if args.scenarios.is_empty() {
        args.scenarios = ["quota", "slowloris", "brute", "timing"]
            .map(String::from)
            .to_vec();
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!(
                "{e}\nusage: abuse [quota] [slowloris] [brute] [timing] [loginflood] [instances] [--seconds N] [--attempts N]"
            );
            return ExitCode::from(2);
        }
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let mut good = true;
    for scenario in &args.scenarios {
        let result = runtime.block_on(async {
            match scenario.as_str() {
                "quota" => quota(&args).await,
                "slowloris" => slowloris(&args).await,
                "brute" => brute().await,
                "loginflood" => login_flood(&args).await,
                "instances" => instances(&args).await,
                _ => timing(&args).await,
            }
        });
        if let Err(e) = result {
            println!("{scenario}: FAILED: {e}");
            good = false;
        }
    }
    if good {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

// ---- the server ----

struct Server {
    child: Child,
    addr: String,
    _dir: std::sync::Arc<tempfile::TempDir>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn binary() -> Result<PathBuf, BoxError> {
    let exe = std::env::current_exe()?;
    let dir = exe
        .parent()
        .and_then(Path::parent)
        .ok_or("cannot find the target folder")?;
    let bin = dir.join("suoja");
    if !bin.is_file() {
        return Err(format!("{} is missing: cargo build first", bin.display()).into());
    }
    if dir.file_name().is_some_and(|n| n != "release") {
        println!("note: {} is not a release build", bin.display());
    }
    Ok(bin)
}

/// Starts `suoja serve` with `limits` (TOML lines for `[limits]`), after
/// adding a counsellor `anna` when `staff` is set. Each loopback address is
/// a client (`ipv4_prefix = 32`) unless `limits` says otherwise.
fn start(limits: &str, staff: bool) -> Result<Server, BoxError> {
    let limits = if limits.contains("ipv4_prefix") {
        limits.to_owned()
    } else {
        format!("ipv4_prefix = 32\n{limits}")
    };
    let (dir, config) = configure(&limits, staff)?;
    serve(&std::sync::Arc::new(dir), &config)
}

fn clean(c: &mut Command) {
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("SUOJA_") {
            c.env_remove(name);
        }
    }
}

/// A folder with a config (and `anna` when `staff` is set) for `serve`.
fn configure(limits: &str, staff: bool) -> Result<(tempfile::TempDir, PathBuf), BoxError> {
    let bin = binary()?;
    let dir = tempfile::tempdir()?;
    let d = dir.path().display();
    let key = || age::x25519::Identity::generate().to_public().to_string();
    let config = dir.path().join("suoja.toml");
    std::fs::write(
        &config,
        format!(
            r#"listen = "127.0.0.1:0"
database_url = "sqlite://{d}/suoja.db"
pepper_file = "{d}/pepper"
recovery_recipient = "{recovery}"
[form]
min_fill_seconds = 0
[limits]
{limits}
[[services]]
slug = "{SLUG}"
recipients = ["{counsellor}"]
topics = ["general"]
[services.name]
fi = "Tukilinja"
sv = "Stödlinjen"
en = "Support line"
[services.description]
fi = "Kerro."
sv = "Berätta."
en = "Tell us."
"#,
            recovery = key(),
            counsellor = key(),
        ),
    )?;
    if staff {
        let mut add = Command::new(&bin);
        add.args(["staff", "add", "--config"]).arg(&config).args([
            "--username",
            "anna",
            "--name",
            "Anna",
            "--service",
            SLUG,
        ]);
        clean(&mut add);
        let out = add.output()?;
        if !out.status.success() {
            return Err("suoja staff add failed".into());
        }
    }
    Ok((dir, config))
}

/// One `suoja serve` on `config` in `dir`; several may share one folder.
fn serve(dir: &std::sync::Arc<tempfile::TempDir>, config: &Path) -> Result<Server, BoxError> {
    let mut serve = Command::new(binary()?);
    serve
        .args(["serve", "--config"])
        .arg(config)
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    clean(&mut serve);
    let mut child = serve.spawn()?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(a) = line.strip_prefix("suoja listening on http://") {
                let _ = tx.send(a.trim_end_matches('/').to_owned());
            }
        }
    });
    let addr = rx.recv_timeout(Duration::from_secs(60))?;
    Ok(Server {
        child,
        addr,
        _dir: dir.clone(),
    })
}

// ---- a small HTTP/1.1 client from a chosen loopback address ----

struct Conn {
    stream: TcpStream,
    buf: Vec<u8>,
    host: String,
}

impl Conn {
    async fn open(addr: &str, from: &str) -> Result<Conn, BoxError> {
        let socket = tokio::net::TcpSocket::new_v4()?;
        socket.bind(format!("{from}:0").parse()?)?;
        let stream = socket.connect(addr.parse::<SocketAddr>()?).await?;
        stream.set_nodelay(true)?;
        Ok(Conn {
            stream,
            buf: Vec::with_capacity(16 * 1024),
            host: addr.to_owned(),
        })
    }

    async fn get(&mut self, path: &str) -> Result<(u16, String), BoxError> {
        let req = format!("GET {path} HTTP/1.1\r\nhost: {}\r\n\r\n", self.host);
        self.exchange(req.into_bytes()).await
    }

    async fn post(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
    ) -> Result<(u16, String), BoxError> {
        let body = encode(fields);
        let mut req = format!(
            "POST {path} HTTP/1.1\r\nhost: {}\r\ncontent-type: application/x-www-form-urlencoded\r\n\
             content-length: {}\r\n\r\n",
            self.host,
            body.len()
        )
        .into_bytes();
        req.extend_from_slice(body.as_bytes());
        self.exchange(req).await
    }

    async fn exchange(&mut self, req: Vec<u8>) -> Result<(u16, String), BoxError> {
        tokio::time::timeout(Duration::from_secs(30), async {
            self.stream.write_all(&req).await?;
            self.buf.clear();
            let head_end = loop {
                if let Some(i) = self.buf.windows(4).position(|w| w == b"\r\n\r\n") {
                    break i + 4;
                }
                if self.stream.read_buf(&mut self.buf).await? == 0 {
                    return Err::<_, BoxError>("closed".into());
                }
            };
            let head = String::from_utf8_lossy(&self.buf[..head_end]).to_string();
            let status = head
                .split(' ')
                .nth(1)
                .and_then(|s| s.parse().ok())
                .ok_or("bad status")?;
            let length: usize = head
                .lines()
                .find_map(|l| {
                    let (k, v) = l.split_once(':')?;
                    k.eq_ignore_ascii_case("content-length")
                        .then(|| v.trim().parse().ok())?
                })
                .ok_or("no content-length")?;
            while self.buf.len() < head_end + length {
                if self.stream.read_buf(&mut self.buf).await? == 0 {
                    return Err("closed mid-body".into());
                }
            }
            let body = String::from_utf8_lossy(&self.buf[head_end..head_end + length]).to_string();
            Ok((status, body))
        })
        .await
        .map_err(|_| "no answer within 30 s")?
    }
}

fn encode(fields: &[(&str, &str)]) -> String {
    let mut out = String::new();
    for (i, (k, v)) in fields.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(k);
        out.push('=');
        for b in v.bytes() {
            if b.is_ascii_alphanumeric() {
                out.push(char::from(b));
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

fn token(page: &str) -> Option<String> {
    let marker = r#"name="token" value=""#;
    let start = page.find(marker)? + marker.len();
    Some(page[start..start + page[start..].find('"')?].to_owned())
}

// ---- figures ----

/// Latencies in µs of successful requests, and how many failed.
#[derive(Default)]
struct Tally {
    ok: Vec<u64>,
    failed: u64,
}

impl Tally {
    fn merge(&mut self, other: Tally) {
        self.ok.extend(other.ok);
        self.failed += other.failed;
    }
    fn percentile_ms(&mut self, p: f64) -> f64 {
        self.ok.sort_unstable();
        if self.ok.is_empty() {
            return f64::NAN;
        }
        let rank = ((p / 100.0) * self.ok.len() as f64).ceil() as usize;
        self.ok[rank.clamp(1, self.ok.len()) - 1] as f64 / 1000.0
    }
    fn line(&mut self, who: &str) -> String {
        let total = self.ok.len() as u64 + self.failed;
        format!(
            "{who}: {} requests, {:.2}% success, p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
            total,
            100.0 * self.ok.len() as f64 / total.max(1) as f64,
            self.percentile_ms(50.0),
            self.percentile_ms(99.0),
            self.percentile_ms(100.0),
        )
    }
}

/// A well-behaved client at `from`: a form page, then a submission, then a
/// pause, until `until`, at most `max_submissions` times.
async fn polite(
    addr: String,
    from: String,
    until: Instant,
    pause: Duration,
    max_submissions: usize,
) -> Tally {
    let mut tally = Tally::default();
    let Ok(mut conn) = Conn::open(&addr, &from).await else {
        tally.failed += 1;
        return tally;
    };
    let mut sent = 0;
    while Instant::now() < until && sent < max_submissions {
        let t = Instant::now();
        let page = conn.get(FORM).await;
        let Some(tok) = page
            .as_ref()
            .ok()
            .filter(|(s, _)| *s == 200)
            .and_then(|(_, b)| token(b))
        else {
            tally.failed += 1;
            break;
        };
        tally.ok.push(t.elapsed().as_micros() as u64);
        let t = Instant::now();
        let fields = [
            ("token", tok.as_str()),
            ("topic", "general"),
            ("message", "a polite request"),
            ("way", "none"),
        ];
        match conn.post(FORM, &fields).await {
            Ok((200, body)) if body.contains(r#"class="code""#) => {
                tally.ok.push(t.elapsed().as_micros() as u64)
            }
            _ => {
                tally.failed += 1;
                break;
            }
        }
        sent += 1;
        tokio::time::sleep(pause).await;
    }
    tally
}

/// Runs `clients` polite clients from 127.0.1.x for `seconds`.
async fn polite_crowd(
    addr: &str,
    clients: usize,
    seconds: u64,
    pause: Duration,
    max: usize,
) -> Tally {
    let until = Instant::now() + Duration::from_secs(seconds);
    let mut set = tokio::task::JoinSet::new();
    for i in 0..clients {
        let from = format!("127.0.{}.{}", 1 + i / 250, 1 + i % 250);
        set.spawn(polite(addr.to_owned(), from, until, pause, max));
    }
    let mut all = Tally::default();
    while let Some(t) = set.join_next().await {
        all.merge(t.unwrap_or_default());
    }
    all
}

/// One client (127.0.0.2) on `connections` connections, submitting back to
/// back: (accepted, refused with 429, other answers).
async fn flood(addr: &str, connections: usize, until: Instant) -> (u64, u64, u64) {
    flood_over(
        &[addr.to_owned()],
        &["127.0.0.2".to_owned()],
        connections,
        until,
    )
    .await
}

/// A flood on `connections` connections, the i-th to instance `i % n` from
/// source `i % m`, each submitting back to back: (accepted, refused with
/// 429, other answers).
async fn flood_over(
    instances: &[String],
    sources: &[String],
    connections: usize,
    until: Instant,
) -> (u64, u64, u64) {
    let mut set = tokio::task::JoinSet::new();
    for i in 0..connections {
        let addr = instances[i % instances.len()].clone();
        let from = sources[i % sources.len()].clone();
        set.spawn(async move {
            let mut counts = (0, 0, 0);
            let Ok(mut conn) = Conn::open(&addr, &from).await else {
                return counts;
            };
            let Some(mut tok) = conn.get(FORM).await.ok().and_then(|(_, b)| token(&b)) else {
                return counts;
            };
            while Instant::now() < until {
                let fields = [
                    ("token", tok.as_str()),
                    ("topic", "general"),
                    ("message", "flood"),
                    ("way", "none"),
                ];
                match conn.post(FORM, &fields).await {
                    // A form token is taken once: the next request needs
                    // another (a 429 comes before the token is looked at).
                    Ok((200, body)) => {
                        counts.0 += 1;
                        let next = match token(&body) {
                            Some(t) => Some(t),
                            None => conn.get(FORM).await.ok().and_then(|(_, b)| token(&b)),
                        };
                        match next {
                            Some(t) => tok = t,
                            None => break,
                        }
                    }
                    Ok((429, _)) => counts.1 += 1,
                    _ => {
                        counts.2 += 1;
                        break;
                    }
                }
            }
            counts
        });
    }
    let mut total = (0, 0, 0);
    while let Some(Ok(c)) = set.join_next().await {
        total = (total.0 + c.0, total.1 + c.1, total.2 + c.2);
    }
    total
}

/// One client floods past its quota (20 an hour) on 16 connections while
/// 64 others each send a request every 500 ms: first the 64 alone, then
/// with the flood.
async fn quota(args: &Args) -> Result<(), BoxError> {
    println!("\n== quota: one client past its quota, 64 others served");
    let server = start(
        "submissions_per_client_per_hour = 20\nsubmissions_per_service_per_minute = 1000000",
        false,
    )?;
    let pause = Duration::from_millis(500);
    let max = 19;
    let mut alone = polite_crowd(&server.addr, 64, args.seconds, pause, max).await;
    println!("{}", alone.line("others alone  "));
    // The others must come from new addresses: those above used their quota.
    let server = start(
        "submissions_per_client_per_hour = 20\nsubmissions_per_service_per_minute = 1000000",
        false,
    )?;
    let until = Instant::now() + Duration::from_secs(args.seconds);
    let addr = server.addr.clone();
    let flooder = tokio::spawn(async move { flood(&addr, 16, until).await });
    let mut others = polite_crowd(&server.addr, 64, args.seconds, pause, max).await;
    let (accepted, refused, other) = flooder.await?;
    println!("{}", others.line("others, flood "));
    println!(
        "flooder (127.0.0.2, 16 connections): {accepted} accepted, {refused} refused with 429 \
         ({:.0}/s), {other} other",
        refused as f64 / args.seconds as f64
    );
    let success = others.ok.len() as f64 / (others.ok.len() as u64 + others.failed).max(1) as f64;
    println!(
        "target (others >= 99.9% success, p99 < 200 ms): {}",
        if success >= 0.999 && others.percentile_ms(99.0) < 200.0 {
            "met"
        } else {
            "missed"
        }
    );
    if accepted != 20 || other != 0 {
        return Err(format!(
            "the flooder got {accepted} accepted (expected its quota, 20) and {other} other answers"
        )
        .into());
    }
    Ok(())
}

/// Opens a connection from `from`, sends `head`, then a byte of `drip`
/// every second; returns when the server closed it, from the start.
async fn slow_one(
    addr: String,
    from: String,
    head: Vec<u8>,
    give_up: Duration,
) -> Option<(Duration, bool)> {
    let start = Instant::now();
    let socket = tokio::net::TcpSocket::new_v4().ok()?;
    socket.bind(format!("{from}:0").parse().ok()?).ok()?;
    let mut stream = socket.connect(addr.parse().ok()?).await.ok()?;
    stream.write_all(&head).await.ok()?;
    let mut buf = [0u8; 4096];
    let mut answered = false;
    while start.elapsed() < give_up {
        tokio::select! {
            r = stream.read(&mut buf) => match r {
                Ok(0) | Err(_) => return Some((start.elapsed(), answered)),
                Ok(_) => answered = true,
            },
            () = tokio::time::sleep(Duration::from_secs(1)) => {
                if stream.write_all(b"a").await.is_err() {
                    return Some((start.elapsed(), answered));
                }
            }
        }
    }
    None
}

/// 1,000 connections send their headers a byte a second and 200 their
/// bodies, with the default timeouts (10 s and 30 s), while 16 clients
/// keep using the service.
async fn slowloris(args: &Args) -> Result<(), BoxError> {
    println!("\n== slowloris: 1000 slow heads and 200 slow bodies, 16 clients served");
    let server = start(
        "submissions_per_client_per_hour = 1000000\nsubmissions_per_service_per_minute = 1000000",
        false,
    )?;
    let give_up = Duration::from_secs(90);
    let mut slow = tokio::task::JoinSet::new();
    for i in 0..1200 {
        let from = format!("127.0.{}.{}", 100 + i / 250, 1 + i % 250);
        let head = if i < 1000 {
            "GET /en/ HTTP/1.1\r\nhost: x\r\nx-slow: ".to_owned()
        } else {
            format!(
                "POST {FORM} HTTP/1.1\r\nhost: x\r\ncontent-type: application/x-www-form-urlencoded\r\n\
                 content-length: 100000\r\n\r\nmessage="
            )
        };
        slow.spawn(slow_one(
            server.addr.clone(),
            from,
            head.into_bytes(),
            give_up,
        ));
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    let seconds = args.seconds.max(35);
    let mut others = polite_crowd(
        &server.addr,
        16,
        seconds,
        Duration::from_millis(100),
        usize::MAX,
    )
    .await;
    println!("{}", others.line("others during the attack"));
    let (mut heads, mut bodies, mut open) = (Vec::new(), Vec::new(), 0);
    let mut i = 0;
    while let Some(r) = slow.join_next().await {
        match r.ok().flatten() {
            Some((after, answered)) if !answered => heads.push(after.as_secs_f64()),
            Some((after, _)) => bodies.push(after.as_secs_f64()),
            None => open += 1,
        }
        i += 1;
    }
    for (what, v) in [
        ("slow heads closed without an answer", &mut heads),
        ("slow bodies answered and closed", &mut bodies),
    ] {
        v.sort_by(f64::total_cmp);
        if v.is_empty() {
            println!("{what}: 0");
        } else {
            println!(
                "{what}: {}, after {:.1} s (first) / {:.1} s (median) / {:.1} s (last)",
                v.len(),
                v[0],
                v[v.len() / 2],
                v[v.len() - 1]
            );
        }
    }
    println!(
        "slow connections still open after {} s: {open} of {i}",
        give_up.as_secs()
    );
    if open > 0 {
        return Err("slow connections were not closed".into());
    }
    Ok(())
}

/// Tries a login from `from`; the status.
async fn login(
    conn: &mut Conn,
    username: &str,
    password: &str,
) -> Result<(u16, Duration), BoxError> {
    let (_, page) = conn.get(LOGIN).await?;
    let tok = token(&page).ok_or("no login token")?;
    let t = Instant::now();
    let (status, _) = conn
        .post(
            LOGIN,
            &[
                ("token", &tok),
                ("username", username),
                ("password", password),
                ("code", ""),
            ],
        )
        .await?;
    Ok((status, t.elapsed()))
}

/// Password guesses the default login limits let through, counted.
async fn brute() -> Result<(), BoxError> {
    println!("\n== brute force: guesses let through by the default login limits");
    // One client against one account.
    let server = start("", true)?;
    let mut conn = Conn::open(&server.addr, "127.0.0.2").await?;
    let mut n = 0;
    while login(&mut conn, "anna", "a wrong guess").await?.0 == 401 {
        n += 1;
    }
    println!("one client, one account: {n} guesses before 429");
    // Many clients against one account.
    let server = start("", true)?;
    let mut n = 0;
    for i in 0..100 {
        let mut conn = Conn::open(&server.addr, &format!("127.0.3.{}", i + 1)).await?;
        if login(&mut conn, "anna", "a wrong guess").await?.0 != 401 {
            break;
        }
        n += 1;
    }
    println!("100 clients, one account: {n} guesses before 429");
    // One client against many names.
    let server = start("", true)?;
    let mut conn = Conn::open(&server.addr, "127.0.0.2").await?;
    let mut n = 0;
    while login(&mut conn, &format!("name{n}"), "a wrong guess")
        .await?
        .0
        == 401
    {
        n += 1;
    }
    println!("one client, many names: {n} guesses before 429");
    // Many clients, many names: the global limit.
    let server = start("", true)?;
    let mut n = 0;
    for i in 0..200 {
        let mut conn = Conn::open(
            &server.addr,
            &format!("127.0.{}.{}", 4 + i / 250, 1 + i % 250),
        )
        .await?;
        if login(&mut conn, &format!("name{i}"), "a wrong guess")
            .await?
            .0
            != 401
        {
            break;
        }
        n += 1;
    }
    println!(
        "200 clients, 200 names: {n} guesses before 429 (all logins: a burst of \
         logins_per_minute, refilled continuously while the run lasts)"
    );
    Ok(())
}

/// Median answer time of a refused login for a known and an unknown user,
/// alternating, over `attempts` each.
async fn timing(args: &Args) -> Result<(), BoxError> {
    println!("\n== login timing: known user (wrong password) against unknown user");
    let server = start(
        "logins_per_client_per_hour = 1000000\nlogins_per_account_per_hour = 1000000\nlogins_per_minute = 1000000",
        true,
    )?;
    let mut conn = Conn::open(&server.addr, "127.0.0.2").await?;
    for _ in 0..10 {
        login(&mut conn, "anna", "warming up").await?;
    }
    let (mut known, mut unknown) = (Vec::new(), Vec::new());
    for i in 0..args.attempts {
        let order: [bool; 2] = if i % 2 == 0 {
            [true, false]
        } else {
            [false, true]
        };
        for is_known in order {
            let name = if is_known {
                "anna".to_owned()
            } else {
                format!("nobody{i}")
            };
            let (status, took) = login(&mut conn, &name, "a wrong guess").await?;
            if status != 401 {
                return Err(format!("a wrong login got {status}").into());
            }
            if is_known { &mut known } else { &mut unknown }.push(took.as_secs_f64() * 1000.0);
        }
    }
    // Each known attempt beside the unknown one made just before or after
    // it: the machine's load drifts, and pairs cancel most of that drift.
    let mut paired: Vec<f64> = known.iter().zip(&unknown).map(|(k, u)| k - u).collect();
    paired.sort_by(f64::total_cmp);
    let paired_median = paired[paired.len() / 2];
    let stats = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        let mean = v.iter().sum::<f64>() / v.len() as f64;
        (v[v.len() / 2], mean, v[v.len() / 10], v[v.len() * 9 / 10])
    };
    let (km, kmean, k10, k90) = stats(&mut known);
    let (um, umean, u10, u90) = stats(&mut unknown);
    println!(
        "known   : median {km:.2} ms, mean {kmean:.2} ms, p10 {k10:.2}, p90 {k90:.2} ({} attempts)",
        known.len()
    );
    println!(
        "unknown : median {um:.2} ms, mean {umean:.2} ms, p10 {u10:.2}, p90 {u90:.2} ({} attempts)",
        unknown.len()
    );
    println!(
        "median of paired differences (known - unknown): {paired_median:+.2} ms, {:+.2}% of the unknown median",
        paired_median / um * 100.0
    );
    let diff = (km - um) / um * 100.0;
    println!(
        "difference of medians: {diff:+.2}% (target: within 5%): {}",
        if diff.abs() <= 5.0 { "met" } else { "missed" }
    );
    Ok(())
}

/// 64 networks send login guesses back to back while 16 clients use the
/// client side: with the default limits, and with no global login limit
/// (only the blocking pool's two permits bound the argon2 work).
async fn login_flood(args: &Args) -> Result<(), BoxError> {
    println!("\n== login flood: 64 networks guessing, 16 clients served");
    for (label, limits) in [
        ("default login limits", ""),
        (
            "no login limits",
            "logins_per_client_per_hour = 100000000\nlogins_per_account_per_hour = 100000000\n\
             logins_per_minute = 100000000",
        ),
    ] {
        let limits = format!(
            "submissions_per_client_per_hour = 100000000\n\
             submissions_per_service_per_minute = 100000000\n{limits}"
        );
        let server = start(&limits, true)?;
        let until = Instant::now() + Duration::from_secs(args.seconds);
        let mut guessers = tokio::task::JoinSet::new();
        for i in 0..64 {
            let addr = server.addr.clone();
            guessers.spawn(async move {
                let mut counts = (0u64, 0u64);
                let Ok(mut conn) = Conn::open(&addr, &format!("127.0.5.{}", i + 1)).await else {
                    return counts;
                };
                while Instant::now() < until {
                    match login(&mut conn, &format!("name{i}"), "a guess").await {
                        Ok((401, _)) => counts.0 += 1,
                        Ok((429, _)) => counts.1 += 1,
                        _ => break,
                    }
                }
                counts
            });
        }
        let mut others = polite_crowd(
            &server.addr,
            16,
            args.seconds,
            Duration::from_millis(100),
            usize::MAX,
        )
        .await;
        let (mut checked, mut refused) = (0, 0);
        while let Some(Ok((c, r))) = guessers.join_next().await {
            checked += c;
            refused += r;
        }
        println!("{}", others.line(&format!("others, {label}")));
        println!(
            "guesses: {checked} checked with argon2 ({:.1}/s), {refused} refused with 429",
            checked as f64 / args.seconds as f64
        );
    }
    Ok(())
}

// ---- several instances, one network ----

/// A throwaway `redis-server` that keeps nothing on disk.
struct Redis(Child, u16);

impl Drop for Redis {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn redis() -> Result<Redis, BoxError> {
    let port = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let child = Command::new("redis-server")
        .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
        .args(["--save", "", "--appendonly", "no"])
        .stdout(Stdio::null())
        .spawn()
        .map_err(|e| format!("redis-server: {e}"))?;
    let redis = Redis(child, port);
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if started.elapsed() > Duration::from_secs(10) {
            return Err("redis-server does not answer".into());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Ok(redis)
}

/// Three instances on one SQLite file behind no balancer: one network
/// (16 addresses of 127.0.0.0/24, the default prefix) floods all three on
/// 48 connections while 64 others (each its own /24) send a request every
/// 500 ms, round robin over the instances; once with each instance
/// limiting on its own, once sharing Redis.
async fn instances(args: &Args) -> Result<(), BoxError> {
    const N: usize = 3;
    const QUOTA: u64 = 20;
    println!("\n== instances: one network floods {N} instances, 64 others served");
    let sources: Vec<String> = (2..18).map(|i| format!("127.0.0.{i}")).collect();
    for shared in [false, true] {
        let redis = if shared { Some(redis()?) } else { None };
        let store = redis.as_ref().map_or(String::new(), |r| {
            format!("shared_store = \"redis://127.0.0.1:{}\"\n", r.1)
        });
        let limits = format!(
            "{store}ipv4_prefix = 24\nsubmissions_per_client_per_hour = {QUOTA}\n\
             submissions_per_service_per_minute = 1000000"
        );
        let (dir, config) = configure(&limits, false)?;
        let dir = std::sync::Arc::new(dir);
        let servers = (0..N)
            .map(|_| serve(&dir, &config))
            .collect::<Result<Vec<_>, _>>()?;
        let addrs: Vec<String> = servers.iter().map(|s| s.addr.clone()).collect();
        let until = Instant::now() + Duration::from_secs(args.seconds);
        let flood_addrs = addrs.clone();
        let flood_sources = sources.clone();
        let flooder =
            tokio::spawn(async move { flood_over(&flood_addrs, &flood_sources, 48, until).await });
        let mut set = tokio::task::JoinSet::new();
        for i in 0..64 {
            let addr = addrs[i % N].clone();
            let from = format!("127.0.{}.1", 1 + i);
            set.spawn(polite(addr, from, until, Duration::from_millis(500), 19));
        }
        let mut others = Tally::default();
        while let Some(t) = set.join_next().await {
            others.merge(t.unwrap_or_default());
        }
        let (accepted, refused, other) = flooder.await?;
        let mode = if shared {
            "shared (Redis)    "
        } else {
            "per instance      "
        };
        println!(
            "{mode}: flooding network got {accepted} accepted over {N} instances \
             (configured quota {QUOTA}), {refused} refused with 429, {other} other"
        );
        println!("{}", others.line(&format!("{mode} others")));
        let expected = if shared { QUOTA } else { QUOTA * N as u64 };
        if accepted != expected || other != 0 {
            return Err(format!(
                "{mode}: {accepted} accepted (expected {expected}), {other} other answers"
            )
            .into());
        }
    }
    Ok(())
}
