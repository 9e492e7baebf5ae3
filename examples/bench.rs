//! Throughput benchmark for contact requests, end to end.
//!
//! Drives the release binary (`target/release/suoja serve`) over HTTP/1.1
//! keep-alive: each submission is parsed, checked, sealed to five X25519
//! recipients (three counsellors, the recovery key and the client's own key)
//! and committed to SQLite with `synchronous = full` (or, with
//! `--database-url postgres://…`, to that PostgreSQL database) before the
//! receipt page is sent. Also times sealing in-process, per recipient.
//!
//! ```text
//! cargo build --release
//! cargo run --release --example bench -- [--seconds N] [--concurrency 1,8,64]
//!     [--warmup N] [--client-threads N] [--seal-iterations N] [--server-log FILE]
//!     [--database-url postgres://USER@HOST/DATABASE]
//! ```
//!
//! A PostgreSQL database named with `--database-url` gets the schema if it
//! has none, and keeps the benchmark's cases afterwards: use a database of
//! its own.
//!
//! The server's log (stderr) goes to a temporary file unless `--server-log`
//! names one; `SUOJA_LOG` is passed through (e.g. `SUOJA_LOG=suoja=debug`),
//! every other `SUOJA_*` variable is kept from the server.
//!
//! Exits non-zero if any request fails or the database did not gain exactly
//! one case per receipt handed out.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::error::Error;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use age::x25519;

type BoxError = Box<dyn Error + Send + Sync>;

const SLUG: &str = "bench";
const MESSAGE_BYTES: usize = 2048;

struct Args {
    seconds: u64,
    warmup: u64,
    concurrency: Vec<usize>,
    client_threads: usize,
    seal_iterations: u32,
    server_log: Option<PathBuf>,
    /// Another database than a fresh SQLite file.
    database_url: Option<String>,
}

const USAGE: &str = "usage: cargo run --release --example bench -- \
[--seconds N] [--concurrency 1,8,32,64,128] [--warmup N] [--client-threads N] \
[--seal-iterations N] [--server-log FILE] [--database-url URL]";

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        seconds: 5,
        warmup: 2,
        concurrency: vec![1, 8, 32, 64, 128],
        client_threads: 2,
        seal_iterations: 2000,
        server_log: None,
        database_url: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        if flag == "--help" || flag == "-h" {
            return Err(USAGE.to_owned());
        }
        const FLAGS: &[&str] = &[
            "--seconds",
            "--warmup",
            "--client-threads",
            "--seal-iterations",
            "--server-log",
            "--concurrency",
            "--database-url",
        ];
        if !FLAGS.contains(&flag.as_str()) {
            return Err(format!("unknown argument {flag}\n{USAGE}"));
        }
        let value = it
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        let bad = |_| format!("{flag}: cannot read {value:?}\n{USAGE}");
        match flag.as_str() {
            "--seconds" => args.seconds = value.parse().map_err(bad)?,
            "--warmup" => args.warmup = value.parse().map_err(bad)?,
            "--client-threads" => args.client_threads = value.parse().map_err(bad)?,
            "--seal-iterations" => args.seal_iterations = value.parse().map_err(bad)?,
            "--server-log" => args.server_log = Some(PathBuf::from(value)),
            "--database-url" if value.starts_with("postgres") => args.database_url = Some(value),
            "--database-url" => {
                return Err(format!(
                    "{flag}: expected postgres://… (SQLite is the default)\n{USAGE}"
                ));
            }
            "--concurrency" => {
                args.concurrency = value
                    .split(',')
                    .map(|c| c.trim().parse::<usize>())
                    .collect::<Result<_, _>>()
                    .map_err(|_| format!("{flag}: cannot read {value:?}\n{USAGE}"))?;
            }
            _ => return Err(format!("unknown argument {flag}\n{USAGE}")),
        }
    }
    if args.seconds == 0
        || args.client_threads == 0
        || args.seal_iterations == 0
        || args.concurrency.is_empty()
        || args.concurrency.contains(&0)
    {
        return Err(format!("values must be positive\n{USAGE}"));
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(msg) => {
            eprintln!("{msg}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("bench: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Returns whether every request succeeded and the database agrees.
fn run(args: &Args) -> Result<bool, BoxError> {
    let binary = server_binary()?;
    seal_costs(args.seal_iterations)?;

    let dir = tempfile::tempdir()?;
    let database_url = match &args.database_url {
        Some(url) => url.clone(),
        None => format!("sqlite://{}", dir.path().join("bench.db").display()),
    };
    let config = write_config(dir.path(), &database_url)?;
    let log_path = args
        .server_log
        .clone()
        .unwrap_or_else(|| dir.path().join("server.log"));
    let server = Server::start(&binary, &config, &log_path)?;
    println!(
        "\nserver: {} (pid {}), listening on {}",
        binary.display(),
        server.pid(),
        server.addr
    );
    println!(
        "{} seconds per level after a {} s warm-up; {} client thread(s); \
         ~{MESSAGE_BYTES}-byte messages, 5 recipients each; database: {}",
        args.seconds,
        args.warmup,
        args.client_threads,
        if args.database_url.is_some() {
            "PostgreSQL"
        } else {
            "SQLite"
        }
    );

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(args.client_threads)
        .enable_all()
        .build()?;
    // The server has run the migrations; a PostgreSQL database may already
    // hold cases from earlier runs.
    let before = runtime.block_on(count_rows(&database_url));
    let outcome = runtime.block_on(drive(args, &server));
    let peak_rss = server.peak_rss_kib();
    let stopped = server.stop();
    let (results, warmup_ok) = match outcome {
        Ok(r) => r,
        Err(e) => {
            eprintln!("server log: {}", tail(&log_path));
            return Err(e);
        }
    };
    print_table(&results);
    if let Some(kib) = peak_rss {
        println!("\nserver peak RSS (VmHWM): {:.1} MiB", kib as f64 / 1024.0);
    }
    let errors: u64 = results.iter().map(|r| r.errors).sum();
    let successes = warmup_ok + results.iter().map(|r| r.ok()).sum::<u64>();
    let mut good = errors == 0;
    if errors > 0 {
        println!("FAILED: {errors} request(s) failed");
    }
    if let Err(e) = stopped {
        println!("FAILED: the server did not stop cleanly: {e}");
        good = false;
    }
    let after = runtime.block_on(count_rows(&database_url));
    match (before, after) {
        (Ok((cases0, messages0)), Ok((cases1, messages1))) => {
            let cases = (cases1 - cases0) as u64;
            let messages = (messages1 - messages0) as u64;
            let agrees = cases == successes && messages == successes;
            println!(
                "database: {cases} cases, {messages} messages added; {successes} receipts \
                 handed out (warm-up included): {}",
                if agrees { "match" } else { "MISMATCH" }
            );
            good &= agrees;
        }
        (Err(e), _) | (_, Err(e)) => {
            println!("database: could not count rows: {e}");
            good = false;
        }
    }
    if let Some(r) = results.iter().find(|r| r.concurrency == 64) {
        let met = r.rate() >= 2500.0 && r.p99_ms() < 50.0;
        println!(
            "target at 64 clients (>= 2500/s, p99 < 50 ms): {}",
            if met { "met" } else { "missed" }
        );
    }
    if !good {
        eprintln!("server log: {}", tail(&log_path));
    }
    Ok(good)
}

/// `target/release/examples/bench` -> `target/release/suoja`.
fn server_binary() -> Result<PathBuf, BoxError> {
    let exe = std::env::current_exe()?;
    let profile_dir = exe
        .parent()
        .and_then(Path::parent)
        .ok_or("cannot tell the target folder from this program's path")?;
    let binary = profile_dir.join(format!("suoja{}", std::env::consts::EXE_SUFFIX));
    if !binary.is_file() {
        return Err(format!(
            "{} not found: run `cargo build --release` first",
            binary.display()
        )
        .into());
    }
    if profile_dir.file_name().is_some_and(|n| n != "release") {
        println!("note: not a release build; figures will not be representative");
    }
    let built = std::fs::metadata(&binary)?.modified()?;
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    if newest_mtime(&src).is_some_and(|t| t > built) {
        println!(
            "note: {} is older than src/: run `cargo build --release` to measure the current code",
            binary.display()
        );
    }
    Ok(binary)
}

fn newest_mtime(path: &Path) -> Option<SystemTime> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_dir() {
        return meta.modified().ok();
    }
    std::fs::read_dir(path)
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|e| newest_mtime(&e.path()))
        .max()
}

fn recipient() -> String {
    x25519::Identity::generate().to_public().to_string()
}

fn write_config(dir: &Path, database_url: &str) -> Result<PathBuf, BoxError> {
    let counsellors = [recipient(), recipient(), recipient()];
    let config = format!(
        r#"listen = "127.0.0.1:0"
database_url = "{database_url}"
pepper_file = "{pepper}"
recovery_recipient = "{recovery}"
quick_exit_url = "https://yle.fi/"

[form]
min_fill_seconds = 0
max_age_seconds = 14400

[limits]
submissions_per_client_per_hour = 10000000
submissions_per_service_per_minute = 10000000
lookups_per_client_per_hour = 10000000
lookups_per_minute = 10000000
ipv4_prefix = 32
max_body_bytes = 131072

[[services]]
slug = "{SLUG}"
recipients = ["{c0}", "{c1}", "{c2}"]
topics = ["general"]
retention_days = 180
[services.name]
fi = "Mittaus"
sv = "Mätning"
en = "Benchmark"
[services.description]
fi = "Kuormitusmittauksen palvelu."
sv = "Tjänst för belastningsmätning."
en = "Service for the load benchmark."
"#,
        pepper = dir.join("pepper").display(),
        recovery = recipient(),
        c0 = counsellors[0],
        c1 = counsellors[1],
        c2 = counsellors[2],
    );
    let path = dir.join("bench.toml");
    std::fs::write(&path, config)?;
    Ok(path)
}

struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start(binary: &Path, config: &Path, log: &Path) -> Result<Server, BoxError> {
        let mut command = Command::new(binary);
        command
            .arg("serve")
            .arg("--config")
            .arg(config)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(log)?);
        // The server reads SUOJA_* overrides: keep the caller's out of it,
        // all but the log filter.
        for (name, _) in std::env::vars_os() {
            let name_text = name.to_string_lossy();
            if name_text.starts_with("SUOJA_") && name_text != "SUOJA_LOG" {
                command.env_remove(name);
            }
        }
        let mut child = command
            .spawn()
            .map_err(|e| format!("{}: {e}", binary.display()))?;
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut lines = BufReader::new(stdout).lines();
            for line in lines.by_ref().map_while(Result::ok) {
                if let Some(rest) = line.strip_prefix("suoja listening on http://") {
                    let _ = tx.send(rest.trim_end_matches('/').to_owned());
                    break;
                }
            }
            // Keep draining so the server never blocks on a full pipe.
            for _ in lines {}
        });
        match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(addr) => Ok(Server { child, addr }),
            Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                Err(format!(
                    "the server did not report its address; its log: {}",
                    tail(log)
                )
                .into())
            }
        }
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }

    fn peak_rss_kib(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid())).ok()?;
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
    }

    /// SIGTERM, then wait: the server commits what it acknowledged and exits.
    fn stop(mut self) -> Result<(), BoxError> {
        let sent = Command::new("kill")
            .arg("-TERM")
            .arg(self.pid().to_string())
            .status();
        if !sent.as_ref().is_ok_and(|s| s.success()) {
            let _ = self.child.kill();
        }
        let status = self.child.wait()?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("the server exited with {status}").into())
        }
    }
}

fn tail(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.len().saturating_sub(20);
    format!("\n{}", lines[start..].join("\n"))
}

/// Cases and messages in the database, via the `sqlite3` CLI when present.
/// (cases, messages) in the database, read through sqlx as the server does.
async fn count_rows(url: &str) -> Result<(i64, i64), String> {
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(url)
        .await
        .map_err(|e| e.to_string())?;
    let counted: Result<(i64, i64), sqlx::Error> =
        sqlx::query_as("select (select count(*) from cases), (select count(*) from messages)")
            .fetch_one(&pool)
            .await;
    pool.close().await;
    counted.map_err(|e| e.to_string())
}

// ---- seal cost, in-process ----

fn seal_costs(iterations: u32) -> Result<(), BoxError> {
    let text = message_text(0);
    let doc = serde_json::json!({
        "v": 1,
        "case": "0123456789abcdef0123456789abcdef",
        "service": SLUG,
        "written_at": "2025-01-01T12:00:00Z",
        "topic": "general",
        "name": "Bench",
        "contact": { "way": "reply_here" },
        "text": text,
    });
    let json_len = serde_json::to_vec(&doc)?.len();
    println!(
        "seal cost, in-process, one thread: {json_len}-byte JSON document, {iterations} seals each"
    );
    println!(
        "{:>10} {:>12} {:>16} {:>10}",
        "recipients", "µs/seal", "µs/recipient", "bytes"
    );
    let keys: Vec<x25519::Recipient> = (0..5)
        .map(|_| x25519::Identity::generate().to_public())
        .collect();
    let mut per_seal = Vec::new();
    for n in [1usize, 2, 3, 5] {
        let envelope = suoja::seal::Envelope::new(keys[..n].iter().cloned());
        let mut size = 0;
        for _ in 0..iterations.div_ceil(10) {
            size = envelope.seal(&doc)?.len();
        }
        let start = Instant::now();
        for _ in 0..iterations {
            std::hint::black_box(envelope.seal(std::hint::black_box(&doc))?);
        }
        let us = start.elapsed().as_secs_f64() * 1e6 / f64::from(iterations);
        per_seal.push((n as f64, us));
        println!("{n:>10} {us:>12.1} {:>16.1} {size:>10}", us / n as f64);
    }
    let (slope, intercept) = fit(&per_seal);
    let five = slope * 5.0 + intercept;
    println!(
        "least squares: {slope:.1} µs per recipient + {intercept:.1} µs fixed; \
         at 5 recipients {five:.0} µs, so 2 cores seal at most ~{:.0}/s",
        2.0 * 1e6 / five
    );
    Ok(())
}

fn fit(points: &[(f64, f64)]) -> (f64, f64) {
    let n = points.len() as f64;
    let mx = points.iter().map(|p| p.0).sum::<f64>() / n;
    let my = points.iter().map(|p| p.1).sum::<f64>() / n;
    let sxy: f64 = points.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let sxx: f64 = points.iter().map(|p| (p.0 - mx).powi(2)).sum();
    let slope = sxy / sxx;
    (slope, my - slope * mx)
}

// ---- HTTP load ----

/// About [`MESSAGE_BYTES`] of plain prose-like text, varied by `seed`.
fn message_text(seed: usize) -> String {
    const WORDS: &[&str] = &[
        "hei", "minulla", "on", "ollut", "vaikea", "viikko", "and", "I", "would", "like", "to",
        "talk", "with", "someone", "about", "it", "soon", "please", "kiitos", "tack",
    ];
    let mut text = format!("Message {seed}. ");
    let mut i = seed;
    while text.len() < MESSAGE_BYTES {
        text.push_str(WORDS[i % WORDS.len()]);
        text.push(if i % 13 == 12 { '\n' } else { ' ' });
        i = i.wrapping_mul(31).wrapping_add(7);
    }
    text.truncate(MESSAGE_BYTES);
    text
}

struct Level {
    concurrency: usize,
    elapsed: Duration,
    /// Latencies of successful submissions, in microseconds, sorted.
    latencies: Vec<u32>,
    errors: u64,
    cpu: CpuUse,
}

impl Level {
    fn ok(&self) -> u64 {
        self.latencies.len() as u64
    }
    fn rate(&self) -> f64 {
        self.ok() as f64 / self.elapsed.as_secs_f64()
    }
    fn percentile_ms(&self, p: f64) -> f64 {
        if self.latencies.is_empty() {
            return f64::NAN;
        }
        let rank = ((p / 100.0) * self.latencies.len() as f64).ceil() as usize;
        let i = rank.clamp(1, self.latencies.len()) - 1;
        f64::from(self.latencies[i]) / 1000.0
    }
    fn p99_ms(&self) -> f64 {
        self.percentile_ms(99.0)
    }
}

struct Outcome {
    latencies: Vec<u32>,
    errors: u64,
    first_error: Option<String>,
}

async fn drive(args: &Args, server: &Server) -> Result<(Vec<Level>, u64), BoxError> {
    let target = Target {
        addr: server.addr.clone(),
        path: format!("/en/services/{SLUG}"),
    };
    let target = Arc::new(target);
    let pid = server.pid();

    let mut warmed = 0;
    if args.warmup > 0 {
        let warm = load(&target, 8, Duration::from_secs(args.warmup), pid).await?;
        if warm.errors > 0 {
            return Err(format!("{} request(s) failed during the warm-up", warm.errors).into());
        }
        println!(
            "warm-up: {} submissions at 8 clients ({:.0}/s)",
            warm.ok(),
            warm.rate()
        );
        warmed = warm.ok();
    }
    let mut results = Vec::new();
    for &concurrency in &args.concurrency {
        let level = load(&target, concurrency, Duration::from_secs(args.seconds), pid).await?;
        println!(
            "  {concurrency:>4} clients: {:.0}/s, p99 {:.1} ms, {} error(s)",
            level.rate(),
            level.p99_ms(),
            level.errors
        );
        results.push(level);
        // Let the server settle between levels.
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    Ok((results, warmed))
}

/// `concurrency` clients, each on its own keep-alive connection, submitting
/// back to back for `duration`.
async fn load(
    target: &Arc<Target>,
    concurrency: usize,
    duration: Duration,
    server_pid: u32,
) -> Result<Level, BoxError> {
    // Each client connects, fetches its form tokens (single use: one per
    // request, enough for the most this machine could take in `duration`)
    // and prepares its request bodies before the clock starts.
    let per_client = (duration.as_secs() as usize * MOST_PER_SECOND)
        .div_ceil(concurrency)
        .max(BODIES_PER_CLIENT);
    let mut setups = tokio::task::JoinSet::new();
    for worker in 0..concurrency {
        let target = target.clone();
        setups.spawn(async move { Client::prepare(&target, worker, per_client).await });
    }
    let mut clients = Vec::with_capacity(concurrency);
    while let Some(client) = setups.join_next().await {
        clients.push(client??);
    }

    let before = CpuSnapshot::take(server_pid);
    let start = Instant::now();
    let deadline = start + duration;
    let mut workers = tokio::task::JoinSet::new();
    for client in clients {
        workers.spawn(async move { client.submit_until(deadline).await });
    }
    let mut latencies = Vec::new();
    let mut errors = 0;
    let mut first_error = None;
    while let Some(outcome) = workers.join_next().await {
        let outcome = outcome?;
        latencies.extend(outcome.latencies);
        errors += outcome.errors;
        first_error = first_error.or(outcome.first_error);
    }
    let elapsed = start.elapsed();
    let cpu = CpuSnapshot::take(server_pid).since(&before, elapsed);
    if let Some(e) = first_error {
        eprintln!("first failure at {concurrency} clients: {e}");
    }
    latencies.sort_unstable();
    Ok(Level {
        concurrency,
        elapsed,
        latencies,
        errors,
        cpu,
    })
}

/// Where the form lives.
struct Target {
    addr: String,
    path: String,
}

/// The fewest request bodies a client prepares.
const BODIES_PER_CLIENT: usize = 16;

/// More submissions a second than the server has ever taken: form tokens
/// are single use, so each client fetches one per request it may send
/// (a client that runs out stops, and the run says so).
const MOST_PER_SECOND: usize = 6_000;

/// A minimal HTTP/1.1 client on one keep-alive connection. The load
/// generator shares the machine's two cores with the server, so it does as
/// little as it can per request: whole requests are prepared up front and
/// each response is read by its `content-length`.
struct Client {
    stream: tokio::net::TcpStream,
    buffer: Vec<u8>,
    requests: Vec<Vec<u8>>,
}

impl Client {
    async fn prepare(target: &Target, worker: usize, bodies: usize) -> Result<Client, BoxError> {
        let stream = tokio::net::TcpStream::connect(&target.addr).await?;
        stream.set_nodelay(true)?;
        let mut client = Client {
            stream,
            buffer: Vec::with_capacity(16 * 1024),
            requests: Vec::new(),
        };
        let get = format!(
            "GET {} HTTP/1.1\r\nhost: {}\r\n\r\n",
            target.path, target.addr
        );
        for i in 0..bodies {
            let (status, body) = client.exchange(get.as_bytes()).await?;
            if status != 200 {
                return Err(format!("GET {}: HTTP {status}", target.path).into());
            }
            let token = form_token(&body).ok_or("no form token in the contact page")?;
            let message = message_text(worker * 1_000_003 + i);
            let body = form_body(&[
                ("token", &token),
                ("topic", "general"),
                ("message", &message),
                ("name", "Bench"),
                ("way", "reply_here"),
                ("detail", ""),
            ]);
            let mut request = format!(
                "POST {} HTTP/1.1\r\nhost: {}\r\n\
                 content-type: application/x-www-form-urlencoded\r\n\
                 content-length: {}\r\n\r\n",
                target.path,
                target.addr,
                body.len()
            )
            .into_bytes();
            request.extend_from_slice(body.as_bytes());
            client.requests.push(request);
        }
        Ok(client)
    }

    async fn submit_until(mut self, deadline: Instant) -> Outcome {
        let mut outcome = Outcome {
            latencies: Vec::new(),
            errors: 0,
            first_error: None,
        };
        let requests = std::mem::take(&mut self.requests);
        let mut next = 0;
        while Instant::now() < deadline {
            let Some(request) = requests.get(next) else {
                eprintln!("a client used all {next} of its form tokens before the deadline");
                break;
            };
            let sent = Instant::now();
            let result = self.exchange(request).await;
            next += 1;
            let took = sent.elapsed();
            let failure = match result {
                Ok((200, body)) if contains(&body, br#"class="code""#) => None,
                Ok((status, body)) => Some(format!(
                    "HTTP {status}: {}",
                    String::from_utf8_lossy(&body[..body.len().min(300)])
                )),
                Err(e) => Some(e.to_string()),
            };
            match failure {
                None => outcome
                    .latencies
                    .push(u32::try_from(took.as_micros()).unwrap_or(u32::MAX)),
                Some(e) => {
                    outcome.errors += 1;
                    outcome.first_error.get_or_insert(e);
                    // The connection may be in an unknown state: stop here.
                    break;
                }
            }
        }
        outcome
    }

    /// Sends one request and reads one response: its status and body.
    async fn exchange(&mut self, request: &[u8]) -> Result<(u16, Vec<u8>), BoxError> {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let timeout = Duration::from_secs(30);
        tokio::time::timeout(timeout, async {
            self.stream.write_all(request).await?;
            self.buffer.clear();
            let head_end = loop {
                if let Some(i) = find(&self.buffer, b"\r\n\r\n") {
                    break i + 4;
                }
                if self.stream.read_buf(&mut self.buffer).await? == 0 {
                    return Err::<_, BoxError>("the server closed the connection".into());
                }
            };
            let head = std::str::from_utf8(&self.buffer[..head_end])?;
            let status: u16 = head
                .split(' ')
                .nth(1)
                .and_then(|s| s.parse().ok())
                .ok_or("malformed status line")?;
            let length: usize = head
                .lines()
                .find_map(|line| {
                    let (name, value) = line.split_once(':')?;
                    name.eq_ignore_ascii_case("content-length")
                        .then(|| value.trim().parse().ok())?
                })
                .ok_or("response without content-length")?;
            while self.buffer.len() < head_end + length {
                if self.stream.read_buf(&mut self.buffer).await? == 0 {
                    return Err("the server closed the connection mid-body".into());
                }
            }
            Ok((status, self.buffer[head_end..head_end + length].to_vec()))
        })
        .await
        .map_err(|_| "no response within 30 s")?
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    find(haystack, needle).is_some()
}

fn form_token(page: &[u8]) -> Option<String> {
    let page = std::str::from_utf8(page).ok()?;
    let marker = r#"name="token" value=""#;
    let start = page.find(marker)? + marker.len();
    let len = page[start..].find('"')?;
    Some(page[start..start + len].to_owned())
}

/// `application/x-www-form-urlencoded`, as a browser sends it.
fn form_body(fields: &[(&str, &str)]) -> String {
    let mut out = String::new();
    for (i, (name, value)) in fields.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(name);
        out.push('=');
        for b in value.bytes() {
            match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'*' => {
                    out.push(char::from(b));
                }
                b' ' => out.push('+'),
                _ => out.push_str(&format!("%{b:02X}")),
            }
        }
    }
    out
}

// ---- CPU accounting from /proc ----

/// Where the machine's CPU went during a level, in percent of one core.
#[derive(Default)]
struct CpuUse {
    server: f64,
    bench: f64,
    other: f64,
}

struct CpuSnapshot {
    server: Option<u64>,
    bench: Option<u64>,
    machine_busy: Option<u64>,
}

impl CpuSnapshot {
    fn take(server_pid: u32) -> CpuSnapshot {
        CpuSnapshot {
            server: process_ticks(&format!("/proc/{server_pid}/stat")),
            bench: process_ticks("/proc/self/stat"),
            machine_busy: machine_busy_ticks(),
        }
    }

    fn since(&self, before: &CpuSnapshot, elapsed: Duration) -> CpuUse {
        let hz = clock_ticks_per_second();
        let pct = |a: Option<u64>, b: Option<u64>| match (a, b) {
            (Some(a), Some(b)) => a.saturating_sub(b) as f64 / hz / elapsed.as_secs_f64() * 100.0,
            _ => f64::NAN,
        };
        let server = pct(self.server, before.server);
        let bench = pct(self.bench, before.bench);
        let busy = pct(self.machine_busy, before.machine_busy);
        CpuUse {
            server,
            bench,
            other: (busy - server - bench).max(0.0),
        }
    }
}

/// utime + stime of a process, in clock ticks.
fn process_ticks(stat_path: &str) -> Option<u64> {
    let stat = std::fs::read_to_string(stat_path).ok()?;
    // Fields after the command name, which is in parentheses: state is 3rd,
    // utime the 14th and stime the 15th field of the whole line.
    let rest = &stat[stat.rfind(')')? + 1..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some(utime + stime)
}

/// Busy ticks of all CPUs together (everything but idle and iowait).
fn machine_busy_ticks() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/stat").ok()?;
    let line = stat.lines().next()?.strip_prefix("cpu ")?;
    let ticks: Vec<u64> = line
        .split_whitespace()
        .filter_map(|v| v.parse().ok())
        .collect();
    // user nice system idle iowait irq softirq steal (guest is inside user).
    let total: u64 = ticks.iter().take(8).sum();
    Some(total - ticks.get(3)? - ticks.get(4)?)
}

fn clock_ticks_per_second() -> f64 {
    static HZ: std::sync::OnceLock<f64> = std::sync::OnceLock::new();
    *HZ.get_or_init(|| {
        Command::new("getconf")
            .arg("CLK_TCK")
            .output()
            .ok()
            .and_then(|o| String::from_utf8(o.stdout).ok())
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(100.0)
    })
}

fn print_table(results: &[Level]) {
    println!(
        "\n{:>11} {:>14} {:>8} {:>8} {:>7} {:>11} {:>10} {:>10}",
        "concurrency",
        "submissions/s",
        "p50 ms",
        "p99 ms",
        "errors",
        "server CPU",
        "bench CPU",
        "other CPU"
    );
    for r in results {
        println!(
            "{:>11} {:>14.0} {:>8.2} {:>8.2} {:>7} {:>10.0}% {:>9.0}% {:>9.0}%",
            r.concurrency,
            r.rate(),
            r.percentile_ms(50.0),
            r.p99_ms(),
            r.errors,
            r.cpu.server,
            r.cpu.bench,
            r.cpu.other
        );
    }
    println!(
        "(CPU in percent of one core; this machine has {} cores)",
        cores()
    );
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}
