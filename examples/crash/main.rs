//! Crash-safety harness: kills the server with SIGKILL under load, again and
//! again, and proves after each restart that nothing it acknowledged is lost.
//!
//! It starts `suoja serve` (the binary beside this program: the release one
//! for the long run, the debug one `cargo test` built for CI) on a fresh
//! database, publishes bookable slots, and each cycle drives concurrent
//! clients (contact requests, and bookings that race for the seats), kills
//! the server at a random moment, starts it again on the same database and
//! checks the database: every acknowledged request (a receipt on the page)
//! is found by its receipt, exactly once, and opens with the counsellor's
//! key; no seat is taken twice or beyond its slot's capacity; `pragma
//! integrity_check` (SQLite) or amcheck (PostgreSQL) passes. A few receipts
//! a cycle are also checked through the client's check page.
//!
//! Live chats run through the same kills (`chat.rs`): counsellors on duty,
//! clients taken, both sides sending lines; after each restart the clients
//! reconnect with their cookie, the counsellors with their session, and
//! every acknowledged line must be in the transcript on both sides' pages,
//! once, in the order it was sent.
//!
//! ```text
//! cargo build --release --bin suoja --example crash
//! target/release/examples/crash [--cycles 50] [--clients 400] [--bookers 100]
//!     [--kill-after-ms 300..3000] [--slots 5] [--capacity 2] [--chats 8]
//!     [--database-url postgres://USER@HOST/DATABASE] [--server-log FILE]
//! ```
//!
//! `--clients` is the number of concurrent clients, `--bookers` how many of
//! them book (the others submit contact requests). With `--database-url` a
//! fresh database is made beside the one named, and dropped at the end.
//! Exits non-zero if any check fails.

mod chat;
mod load;
mod server;
#[path = "../common/staff_web.rs"]
mod staff_web;
mod verify;

use std::error::Error;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use load::{Answer, Plan, Sent};
use rand::Rng;
use server::{Database, SLUG, Server};
use verify::{Checker, Findings, Opened};

type BoxError = Box<dyn Error + Send + Sync>;

struct Args {
    cycles: usize,
    clients: usize,
    bookers: usize,
    kill_after_ms: (u64, u64),
    slots: usize,
    capacity: i64,
    chats: usize,
    database_url: Option<String>,
    server_log: Option<PathBuf>,
}

const USAGE: &str = "usage: crash [--cycles N] [--clients N] [--bookers N] \
[--kill-after-ms MIN..MAX] [--slots N] [--capacity N] [--chats N] [--database-url postgres://…] \
[--server-log FILE]";

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        cycles: 50,
        clients: 400,
        bookers: 100,
        kill_after_ms: (300, 3000),
        slots: 5,
        capacity: 2,
        chats: 8,
        database_url: None,
        server_log: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        if flag == "--help" || flag == "-h" {
            return Err(USAGE.to_owned());
        }
        let value = it
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        let bad = || format!("{flag}: cannot read {value:?}\n{USAGE}");
        match flag.as_str() {
            "--cycles" => args.cycles = value.parse().map_err(|_| bad())?,
            "--clients" => args.clients = value.parse().map_err(|_| bad())?,
            "--bookers" => args.bookers = value.parse().map_err(|_| bad())?,
            "--slots" => args.slots = value.parse().map_err(|_| bad())?,
            "--capacity" => args.capacity = value.parse().map_err(|_| bad())?,
            "--chats" => args.chats = value.parse().map_err(|_| bad())?,
            "--kill-after-ms" => {
                let (a, b) = value.split_once("..").ok_or_else(bad)?;
                args.kill_after_ms = (a.parse().map_err(|_| bad())?, b.parse().map_err(|_| bad())?);
            }
            "--database-url" if value.starts_with("postgres") => args.database_url = Some(value),
            "--server-log" => args.server_log = Some(PathBuf::from(value)),
            _ => return Err(format!("unknown argument {flag} {value}\n{USAGE}")),
        }
    }
    let (min, max) = args.kill_after_ms;
    if args.cycles == 0
        || args.clients == 0
        || args.bookers > args.clients
        || args.slots == 0
        || args.capacity <= 0
        || min > max
    {
        return Err(format!("values out of range\n{USAGE}"));
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
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("crash: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(&args)) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("crash: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Totals over the run.
#[derive(Default)]
struct Totals {
    sent: usize,
    acknowledged: usize,
    bookings: usize,
    refused: usize,
    cut_off: usize,
    /// Chat lines: the last check's counts cover the whole run.
    chat_lines: chat::LineCounts,
    recoveries: Vec<Duration>,
}

async fn run(args: &Args) -> Result<bool, BoxError> {
    let binary = server::server_binary()?;
    let dir = tempfile::tempdir()?;
    let database = Database::fresh(dir.path(), args.database_url.as_deref()).await?;
    let outcome = cycles(args, &binary, dir.path(), &database).await;
    if let Err(e) = database.drop_database().await {
        eprintln!("crash: could not drop the run's database: {e}");
    }
    outcome
}

async fn cycles(
    args: &Args,
    binary: &std::path::Path,
    dir: &std::path::Path,
    database: &Database,
) -> Result<bool, BoxError> {
    let (config, keys) = server::write_config(dir, &database.url)?;
    let log = args
        .server_log
        .clone()
        .unwrap_or_else(|| dir.join("server.log"));
    let mut server = Server::start(binary, &config, &log)?;
    let profile = binary
        .parent()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    println!(
        "crash: {} cycles on {}, {profile} binary {}; {} concurrent clients ({} booking), \
         SIGKILL {}..{} ms into each cycle",
        args.cycles,
        if database.is_postgres() {
            "PostgreSQL"
        } else {
            "SQLite"
        },
        binary.display(),
        args.clients,
        args.bookers,
        args.kill_after_ms.0,
        args.kill_after_ms.1,
    );
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&database.url).await?;
    let pepper = suoja::seal::Pepper::load_or_create(&dir.join("pepper"))?;
    let mut chats = if args.chats > 0 {
        // Counsellors are added beside the running server, which then
        // starts again so its keyring holds them (as in production).
        let passwords = chat::add_counsellors(binary, &config, chat::counsellors_for(args.chats))?;
        chat::open_all_week(&pool).await?;
        server.stop()?;
        server = Server::start(binary, &config, &log)?;
        Some(chat::Chats::start(&server.base, &passwords, args.chats).await?)
    } else {
        None
    };
    let checker = Checker {
        pool: &pool,
        postgres: database.is_postgres(),
        counsellor: &keys.counsellor,
        pepper: &pepper,
    };
    let mut sent: Vec<Sent> = Vec::new();
    let mut opened = Opened::default();
    let mut totals = Totals::default();
    let mut all_clean = true;
    let mut committed_before = 0;
    let started = Instant::now();
    for cycle in 1..=args.cycles {
        let plan = Plan {
            cycle,
            submitters: args.clients - args.bookers,
            bookers: args.bookers,
            slots: publish_slots(&pool, cycle, args.slots, args.capacity).await?,
            kill_after: Duration::from_millis(
                rand::thread_rng().gen_range(args.kill_after_ms.0..=args.kill_after_ms.1),
            ),
        };
        let base = server.base.clone();
        let killing = Arc::new(AtomicBool::new(false));
        let sending = chats
            .as_mut()
            .map(|c| c.spawn_cycle(&base, killing.clone()));
        let (load, killed_at) = load::run_cycle(&base, &plan, || {
            killing.store(true, Ordering::SeqCst);
            server.kill()
        })
        .await?;
        let (chat_sent, chat_acked, chat_unexpected) = match (chats.as_mut(), sending) {
            (Some(c), Some(tasks)) => c.collect(tasks).await?,
            _ => (0, 0, Vec::new()),
        };
        let restarted = Instant::now();
        server = Server::start(binary, &config, &log)?;
        wait_until_serving(&server.base).await?;
        let recovery = restarted.elapsed();
        let waited = restarted - killed_at;
        let new = &load.sent;
        let acknowledged = new
            .iter()
            .filter(|s| matches!(s.answer, Answer::Acknowledged(_)));
        let page_checks = check_pages(&server.base, acknowledged.clone().take(5)).await;
        // The chats reconnect (cookie, session) and read their transcripts.
        let chat_check = match &chats {
            Some(c) => c.check(&server.base).await.map_err(|e| e.to_string()),
            None => Ok(chat::LineCounts::default()),
        };
        let chat_problem = match &chat_check {
            Ok(counts) if counts.clean() && chat_unexpected.is_empty() => None,
            Ok(counts) => Some(format!(
                "chat lines lost {}, duplicated {}, out of order or unsent {}{}",
                counts.lost,
                counts.duplicated,
                counts.disordered,
                chat_unexpected
                    .first()
                    .map(|u| format!("; {} unexpected answers, first: {u}", chat_unexpected.len()))
                    .unwrap_or_default(),
            )),
            Err(e) => Some(format!("chat check: {e}")),
        };
        if let Ok(counts) = chat_check {
            totals.chat_lines = counts;
        }
        sent.extend(load.sent.iter().cloned());
        let findings = checker
            .check(&sent, &mut opened, cycle == args.cycles)
            .await?;
        let stats = CycleStats::of(new);
        totals.sent += new.len();
        totals.acknowledged += stats.acknowledged;
        totals.bookings += stats.bookings;
        totals.refused += stats.refused;
        totals.cut_off += stats.cut_off;
        totals.recoveries.push(recovery);
        let clean = findings.clean()
            && load.unexpected.is_empty()
            && page_checks.is_ok()
            && chat_problem.is_none();
        all_clean &= clean;
        println!(
            "cycle {cycle:>3}: killed at {:>5} ms; sent {:>5}, acknowledged {:>5} ({} bookings), \
             refused {:>4} (seat taken), cut off {:>3} ({} committed); chat lines sent {:>4}, \
             acknowledged {:>4}; restarted after {} ms, serving in {} ms; {}",
            plan.kill_after.as_millis(),
            new.len(),
            stats.acknowledged,
            stats.bookings,
            stats.refused,
            stats.cut_off,
            findings.committed_unacknowledged - committed_before,
            chat_sent,
            chat_acked,
            waited.as_millis(),
            recovery.as_millis(),
            verdict(
                &findings,
                &load.unexpected,
                &page_checks,
                chat_problem.as_deref()
            ),
        );
        committed_before = findings.committed_unacknowledged;
        if !clean {
            eprintln!("server log: {}", server::tail(&log));
            break;
        }
    }
    if totals.acknowledged == 0 {
        println!(
            "FAILED: no request was acknowledged, so nothing was tested: kill later (--kill-after-ms)"
        );
        all_clean = false;
    } else if args.chats > 0 && totals.chat_lines.acknowledged == 0 {
        println!("FAILED: no chat line was acknowledged, so the chats tested nothing");
        all_clean = false;
    } else if args.bookers > 0 && totals.bookings == 0 {
        println!(
            "note: no booking was acknowledged in this run; only contact requests were tested"
        );
    }
    pool.close().await;
    server.stop()?;
    print_totals(&totals, started.elapsed(), all_clean);
    Ok(all_clean)
}

struct CycleStats {
    acknowledged: usize,
    bookings: usize,
    refused: usize,
    cut_off: usize,
}

impl CycleStats {
    fn of(sent: &[Sent]) -> CycleStats {
        let acked = |s: &&Sent| matches!(s.answer, Answer::Acknowledged(_));
        CycleStats {
            acknowledged: sent.iter().filter(acked).count(),
            bookings: sent
                .iter()
                .filter(acked)
                .filter(|s| s.slot.is_some())
                .count(),
            refused: sent.iter().filter(|s| s.answer == Answer::Refused).count(),
            cut_off: sent.iter().filter(|s| s.answer == Answer::CutOff).count(),
        }
    }
}

fn verdict(
    found: &Findings,
    unexpected: &[String],
    pages: &Result<(), String>,
    chat: Option<&str>,
) -> String {
    if found.clean() && unexpected.is_empty() && pages.is_ok() && chat.is_none() {
        return "checks passed".to_owned();
    }
    let mut text = format!(
        "FAILED: lost {}, duplicates {}, double-booked {}, unreadable {}, phantoms {}",
        found.lost, found.duplicates, found.double_booked, found.unreadable, found.phantoms
    );
    for problem in &found.integrity {
        text.push_str(&format!("; integrity: {problem}"));
    }
    if let Some(first) = unexpected.first() {
        text.push_str(&format!(
            "; {} unexpected answers, first: {first}",
            unexpected.len()
        ));
    }
    if let Err(e) = pages {
        text.push_str(&format!("; check page: {e}"));
    }
    if let Some(problem) = chat {
        text.push_str(&format!("; {problem}"));
    }
    text
}

fn print_totals(t: &Totals, elapsed: Duration, clean: bool) {
    let mut recoveries = t.recoveries.clone();
    recoveries.sort();
    let ms = |d: Option<&Duration>| d.map_or(0, Duration::as_millis);
    println!(
        "\ncrash totals: {} cycles in {:.0} s; requests sent {}, acknowledged {} ({} bookings), \
         refused {} (seat taken), cut off by the kills {}",
        t.recoveries.len(),
        elapsed.as_secs_f64(),
        t.sent,
        t.acknowledged,
        t.bookings,
        t.refused,
        t.cut_off,
    );
    println!(
        "time to recover (restart to first answer): median {} ms, max {} ms",
        ms(recoveries.get(recoveries.len() / 2)),
        ms(recoveries.last()),
    );
    let c = &t.chat_lines;
    println!(
        "chat lines: sent {}, acknowledged {}, found {} (on both sides' pages), lost {}, \
         duplicated {}, out of order or unsent {}; cut off but stored {}",
        c.sent,
        c.acknowledged,
        c.found,
        c.lost,
        c.duplicated,
        c.disordered,
        c.committed_unacknowledged,
    );
    if clean {
        println!(
            "lost 0, duplicates 0, double-booked 0, unreadable 0; integrity check passed every cycle"
        );
    } else {
        println!("FAILED: see the cycle above");
    }
}

/// `n` slots of `capacity` seats, some days ahead, straight in the database
/// (as a counsellor's publishing stores them).
async fn publish_slots(
    pool: &sqlx::AnyPool,
    cycle: usize,
    n: usize,
    capacity: i64,
) -> Result<Vec<String>, BoxError> {
    let start = jiff::Timestamp::now().as_second() + 86_400;
    let mut ids = Vec::with_capacity(n);
    for i in 0..n {
        let id = format!("{:032x}", rand::random::<u128>());
        let starts = start + (cycle * n + i) as i64 * 600;
        sqlx::query(
            "insert into slots (id, service, starts_at, ends_at, capacity, origin) \
             values ($1, $2, $3, $4, $5, 'oneoff')",
        )
        .bind(&id)
        .bind(SLUG)
        .bind(starts)
        .bind(starts + 1800)
        .bind(capacity)
        .execute(pool)
        .await?;
        ids.push(id);
    }
    Ok(ids)
}

/// Polls the landing page until it answers 200.
async fn wait_until_serving(base: &str) -> Result<(), BoxError> {
    let http = reqwest::Client::new();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Ok(r) = http.get(format!("{base}/en/")).send().await
            && r.status().is_success()
        {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err("the restarted server did not answer within 60 s".into());
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// The client's own way back: the check page opens the case for a receipt
/// and shows the message it holds.
async fn check_pages<'a>(base: &str, sample: impl Iterator<Item = &'a Sent>) -> Result<(), String> {
    let http = reqwest::Client::new();
    for s in sample {
        let Answer::Acknowledged(receipt) = &s.answer else {
            continue;
        };
        // Each check form is single-use: take a fresh one from the page.
        let page = http
            .get(format!("{base}/en/check"))
            .send()
            .await
            .map_err(|e| e.to_string())?
            .text()
            .await
            .map_err(|e| e.to_string())?;
        let token = load::between(&page, r#"name="token" value=""#, "\"")
            .ok_or("no token on the check page")?;
        let r = http
            .post(format!("{base}/en/check"))
            .form(&[("receipt", receipt.as_str()), ("token", token.as_str())])
            .send()
            .await
            .map_err(|e| e.to_string())?;
        let status = r.status().as_u16();
        let body = r.text().await.map_err(|e| e.to_string())?;
        if status != 200 || (s.slot.is_none() && !body.contains(&s.marker)) {
            return Err(format!("status {status} for an acknowledged receipt"));
        }
    }
    Ok(())
}
