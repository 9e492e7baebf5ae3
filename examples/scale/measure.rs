//! The costs measured at one size, against the serving binary: timings as
//! the client sees them over loopback, from the first byte sent to the last
//! byte of the body read.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::fill::{Filled, SLUG, Setup, between};
use crate::{Args, BoxError};

/// How deep the deep page is: the page reached after following "older"
/// this many times from page 1.
const DEEP: usize = 5;
/// Light intake beside a purge: clients, each fetching a form and posting
/// it, one after another.
const LIGHT_CLIENTS: usize = 4;
/// Items a `suoja rotate` batch reads (its default): a progress line each.
const BATCH: f64 = 100.0;
/// Sustained intake before the WAL is measured.
const BURST_CLIENTS: usize = 16;

/// Every figure of one size, in the order of [`Figures::NAMES`].
pub struct Figures {
    views: Vec<Timing>,
    fill_seconds: f64,
    dry_run: Purge,
    purge: Purge,
    wal_mib: f64,
    burst_rate: f64,
    rotation: f64,
    rss_mib: f64,
    hwm_mib: f64,
}

/// Median and p95 of a view, in milliseconds.
#[derive(Clone, Copy)]
struct Timing {
    median: f64,
    p95: f64,
}

/// A purge run's wall time, and the intake p99 (ms) while it ran.
#[derive(Clone, Copy)]
struct Purge {
    seconds: f64,
    intake_p99: f64,
}

/// The queue views timed, with their row names.
const VIEWS: [(&str, &str); 7] = [
    ("queue page 1", "/en/staff"),
    ("queue deep page (6)", ""),
    ("queue ?status=new", "/en/staff?status=new"),
    ("queue ?status=closed", "/en/staff?status=closed"),
    ("queue ?status=waiting (none)", "/en/staff?status=waiting"),
    ("queue ?deleted=14", "/en/staff?deleted=14"),
    ("case page", ""),
];

impl Figures {
    pub const NAMES: [&'static str; 24] = [
        "queue page 1 median ms",
        "queue page 1 p95 ms",
        "deep page (6) median ms",
        "deep page (6) p95 ms",
        "?status=new median ms",
        "?status=new p95 ms",
        "?status=closed median ms",
        "?status=closed p95 ms",
        "?status=waiting median ms",
        "?status=waiting p95 ms",
        "?deleted=14 median ms",
        "?deleted=14 p95 ms",
        "case page median ms",
        "case page p95 ms",
        "fill s",
        "purge --dry-run s",
        "intake p99 during dry run ms",
        "purge s",
        "intake p99 during purge ms",
        "burst intake submissions/s",
        "WAL after burst MiB",
        "rotation items/s",
        "server VmRSS MiB",
        "server VmHWM MiB",
    ];

    pub fn values(&self) -> Vec<f64> {
        let mut v: Vec<f64> = self.views.iter().flat_map(|t| [t.median, t.p95]).collect();
        v.extend([
            self.fill_seconds,
            self.dry_run.seconds,
            self.dry_run.intake_p99,
            self.purge.seconds,
            self.purge.intake_p99,
            self.burst_rate,
            self.wal_mib,
            self.rotation,
            self.rss_mib,
            self.hwm_mib,
        ]);
        v
    }
}

/// Everything at one size, in an order that keeps one step from skewing
/// the next: reads first, then the purges, the burst, and rotation last
/// (it runs in a process of its own and may be cut short).
pub async fn all(args: &Args, setup: &Setup, filled: Filled) -> Result<Figures, BoxError> {
    let views = time_views(setup, args.requests).await?;
    let dry_run = purge_with_intake(setup, true).await?;
    let purge = purge_with_intake(setup, false).await?;
    println!(
        "   purge --dry-run {:.2} s (intake p99 {:.1} ms); purge {:.2} s (intake p99 {:.1} ms)",
        dry_run.seconds, dry_run.intake_p99, purge.seconds, purge.intake_p99
    );
    let wal_before = wal_size(setup);
    let (burst_rate, wal_mib) = burst(setup, args.burst_seconds).await?;
    println!(
        "   burst of {} s: {burst_rate:.0} submissions/s; WAL {wal_before:.1} MiB before, \
         {wal_mib:.1} MiB after",
        args.burst_seconds
    );
    let (rss_mib, hwm_mib) = rss(setup.server.pid());
    let rotation = rotate(setup, args.rotate_seconds)?;
    Ok(Figures {
        views,
        fill_seconds: filled.seconds,
        dry_run,
        purge,
        wal_mib,
        burst_rate,
        rotation,
        rss_mib,
        hwm_mib,
    })
}

/// The load average as `uptime` shows it (1, 5, 15 minutes).
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".to_owned())
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// Each view: two untimed requests, then `requests` timed ones.
async fn time_views(setup: &Setup, requests: usize) -> Result<Vec<Timing>, BoxError> {
    let base = setup.base();
    let page1 = get(&setup.staff, &format!("{base}/en/staff")).await?.1;
    let case = between(&page1, r#"href="/en/staff/cases/"#, "\"").ok_or("no case on page 1")?;
    let deep = deep_page(setup).await?;
    let mut out = Vec::new();
    for (name, path) in VIEWS {
        let url = match name {
            "queue deep page (6)" => format!("{base}{deep}"),
            "case page" => format!("{base}/en/staff/cases/{case}"),
            _ => format!("{base}{path}"),
        };
        let mut took = Vec::with_capacity(requests);
        for i in 0..requests + 2 {
            let (ms, _) = get(&setup.staff, &url).await?;
            if i >= 2 {
                took.push(ms);
            }
        }
        took.sort_by(f64::total_cmp);
        let t = Timing {
            median: percentile(&took, 50.0),
            p95: percentile(&took, 95.0),
        };
        println!(
            "   {name:<30} median {:>8.2} ms  p95 {:>8.2} ms",
            t.median, t.p95
        );
        out.push(t);
    }
    Ok(out)
}

/// The path of the page [`DEEP`] "older" links down from page 1.
async fn deep_page(setup: &Setup) -> Result<String, BoxError> {
    let mut path = "/en/staff".to_owned();
    for _ in 0..DEEP {
        let (_, body) = get(&setup.staff, &format!("{}{path}", setup.base())).await?;
        let older = body
            .split("<a href=\"")
            .filter_map(|p| p.split('"').next())
            .find(|h| h.contains("after="))
            .ok_or("fewer pages than the deep page's depth")?;
        path = older.replace("&#38;", "&").replace("&amp;", "&");
    }
    Ok(path)
}

/// A staff GET: milliseconds to the end of the body, and the body; any
/// answer but 200 is an error.
async fn get(client: &reqwest::Client, url: &str) -> Result<(f64, String), BoxError> {
    let sent = Instant::now();
    let response = client.get(url).send().await?;
    let status = response.status().as_u16();
    let body = response.text().await?;
    let ms = sent.elapsed().as_secs_f64() * 1e3;
    if status != 200 {
        return Err(format!("GET {url}: HTTP {status}").into());
    }
    Ok((ms, body))
}

/// One contact request through the form, as a client sends it: the
/// submission's milliseconds (the form fetch is not timed).
pub async fn submit_once(client: &reqwest::Client, base: &str) -> Result<f64, BoxError> {
    let url = format!("{base}/en/services/{SLUG}");
    let page = client.get(&url).send().await?.text().await?;
    let token = between(&page, r#"name="token" value=""#, "\"").ok_or("no form token")?;
    let form = [
        ("token", token.as_str()),
        ("topic", "general"),
        ("message", "A synthetic request of the scaling benchmark."),
        ("name", ""),
        ("way", "reply_here"),
        ("detail", ""),
    ];
    let sent = Instant::now();
    let response = client.post(&url).form(&form).send().await?;
    let status = response.status().as_u16();
    let body = response.text().await?;
    let ms = sent.elapsed().as_secs_f64() * 1e3;
    if status != 200 || !body.contains(r#"class="code""#) {
        return Err(format!("a submission got HTTP {status} and no receipt").into());
    }
    Ok(ms)
}

/// `clients` submitting one after another until `stop`: each
/// submission's start (since `zero`) and milliseconds, and the failures.
async fn submit_until(
    base: String,
    clients: usize,
    zero: Instant,
    stop: Arc<AtomicBool>,
) -> (Vec<(f64, f64)>, usize) {
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..clients {
        let (base, stop) = (base.clone(), stop.clone());
        tasks.spawn(async move {
            let client = reqwest::Client::new();
            let (mut done, mut failed) = (Vec::new(), 0);
            while !stop.load(Ordering::Relaxed) {
                let at = zero.elapsed().as_secs_f64();
                match submit_once(&client, &base).await {
                    Ok(ms) => done.push((at, ms)),
                    Err(_) => failed += 1,
                }
            }
            (done, failed)
        });
    }
    let (mut all, mut failed) = (Vec::new(), 0);
    while let Some(Ok((done, f))) = tasks.join_next().await {
        all.extend(done);
        failed += f;
    }
    (all, failed)
}

/// `suoja purge` (or its dry run) timed, with light intake running: the
/// p99 of the submissions sent while it ran.
async fn purge_with_intake(setup: &Setup, dry_run: bool) -> Result<Purge, BoxError> {
    let stop = Arc::new(AtomicBool::new(false));
    let zero = Instant::now();
    let intake = tokio::spawn(submit_until(
        setup.base().to_owned(),
        LIGHT_CLIENTS,
        zero,
        stop.clone(),
    ));
    tokio::time::sleep(Duration::from_millis(500)).await;
    let start = zero.elapsed().as_secs_f64();
    let mut command = Command::new(&setup.binary);
    command.arg("purge").arg("--config").arg(&setup.config);
    if dry_run {
        command.arg("--dry-run");
    }
    // Its report is counts only, but the benchmark prints its own figures.
    let out = tokio::task::spawn_blocking(move || command.output()).await??;
    let end = zero.elapsed().as_secs_f64();
    tokio::time::sleep(Duration::from_millis(200)).await;
    stop.store(true, Ordering::Relaxed);
    let (done, failed) = intake.await?;
    if !out.status.success() {
        return Err(format!("purge: {}", String::from_utf8_lossy(&out.stderr)).into());
    }
    let mut during: Vec<f64> = done
        .iter()
        .filter(|(at, ms)| *at + ms / 1e3 >= start && *at <= end)
        .map(|(_, ms)| *ms)
        .collect();
    during.sort_by(f64::total_cmp);
    if failed > 0 {
        println!("   {failed} submission(s) failed during the purge");
    }
    println!(
        "   {}: {} submissions during it",
        if dry_run { "purge --dry-run" } else { "purge" },
        during.len()
    );
    Ok(Purge {
        seconds: end - start,
        intake_p99: percentile(&during, 99.0),
    })
}

/// [`BURST_CLIENTS`] submitting as fast as they can for `seconds`: the
/// rate, and the WAL file's size right after (SQLite; NaN on PostgreSQL).
async fn burst(setup: &Setup, seconds: u64) -> Result<(f64, f64), BoxError> {
    let stop = Arc::new(AtomicBool::new(false));
    let zero = Instant::now();
    let intake = tokio::spawn(submit_until(
        setup.base().to_owned(),
        BURST_CLIENTS,
        zero,
        stop.clone(),
    ));
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    stop.store(true, Ordering::Relaxed);
    let (done, failed) = intake.await?;
    let rate = done.len() as f64 / zero.elapsed().as_secs_f64();
    if failed > 0 {
        return Err(format!("{failed} submission(s) failed in the burst").into());
    }
    Ok((rate, wal_size(setup)))
}

/// The SQLite write-ahead log's size in MiB (NaN on PostgreSQL).
fn wal_size(setup: &Setup) -> f64 {
    setup
        .database_url
        .strip_prefix("sqlite://")
        .and_then(|path| std::fs::metadata(format!("{path}-wal")).ok())
        .map_or(f64::NAN, |m| m.len() as f64 / 1_048_576.0)
}

/// VmRSS and VmHWM of the server, in MiB.
fn rss(pid: u32) -> (f64, f64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
            .map_or(f64::NAN, |kib| kib / 1024.0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// `suoja rotate` with the recovery identity, for at most `seconds` (then
/// SIGKILL: a job resumes where it stopped): items a second between its
/// first progress line and its last, so the start-up count is left out.
fn rotate(setup: &Setup, seconds: u64) -> Result<f64, BoxError> {
    let mut child = Command::new(&setup.binary)
        .args(["rotate", "--service", SLUG, "--config"])
        .arg(&setup.config)
        .arg("--identity")
        .arg(&setup.recovery_key)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let started = Instant::now();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            // "scale: 300/13334 items (…)": the items handled so far.
            let handled = line
                .split_once(": ")
                .and_then(|(_, rest)| rest.split_once('/'))
                .and_then(|(n, _)| n.parse::<f64>().ok());
            if let Some(n) = handled {
                let _ = tx.send((Instant::now(), n));
            }
        }
    });
    let deadline = started + Duration::from_secs(seconds);
    let mut marks = Vec::new();
    while let Ok(mark) = rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
        marks.push(mark);
    }
    let finished = child.try_wait()?.is_some();
    if !finished {
        child.kill()?;
    }
    child.wait()?;
    let rate = match (marks.first(), marks.last()) {
        (Some(a), Some(b)) if b.0 > a.0 => (b.1 - a.1) / (b.0 - a.0).as_secs_f64(),
        _ => f64::NAN,
    };
    let total = marks.last().map_or(0.0, |m| m.1);
    let took = started.elapsed().as_secs_f64();
    let cut = if finished { "" } else { " (cut off)" };
    if marks.len() < 2 {
        // Not even two batches: only a bound can be said.
        println!(
            "   rotation: {total:.0} items in {took:.1} s{cut}: under {:.1} items/s \
             (the first batches of {} did not end in time)",
            (total + BATCH) / took,
            BATCH
        );
    } else {
        println!("   rotation: {total:.0} items in {took:.1} s, {rate:.0} items/s{cut}");
    }
    Ok(rate)
}
