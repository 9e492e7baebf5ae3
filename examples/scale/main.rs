//! How each cost grows with the database: a scaling benchmark (issue 16).
//!
//! For each size it makes a fresh database, starts the release binary
//! (`target/release/suoja serve`), adds a counsellor with `suoja staff add`
//! and logs them in over HTTP, fills `cases` and `messages` straight through
//! SQL (fast: see `fill.rs`), and then measures, against the serving binary:
//! the queue (page 1, a page deep down the "older" links, each filter), a
//! case page, `suoja purge --dry-run` and `suoja purge` with the intake p99
//! of light concurrent submissions during each, the WAL after a burst of
//! sustained intake, the server's RSS, and a rotation's items a second
//! (`suoja rotate`, for at most `--rotate-seconds`: it is kill-safe).
//!
//! ```text
//! cargo build --release --bin suoja --example scale
//! cargo run --release --example scale -- [--sizes 1000,10000,100000]
//!     [--requests 20] [--rotate-seconds 30] [--burst-seconds 10]
//!     [--database-url postgres://USER@HOST/DATABASE] [--server-log FILE]
//! ```
//!
//! With `--database-url` each size gets a new PostgreSQL database beside
//! the one named (dropped at the end). Nothing a client wrote is printed:
//! the cases are synthetic and only timings, counts and sizes are shown.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod fill;
mod measure;
#[path = "../common/staff_web.rs"]
mod staff_web;
// The crash harness's database and server handling, shared; its config
// writer and SIGKILL are not used here.
#[allow(dead_code)]
#[path = "../crash/server.rs"]
mod server;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

struct Args {
    sizes: Vec<usize>,
    requests: usize,
    rotate_seconds: u64,
    burst_seconds: u64,
    database_url: Option<String>,
    server_log: Option<PathBuf>,
}

const USAGE: &str = "usage: cargo run --release --example scale -- \
[--sizes 1000,10000,100000] [--requests 20] [--rotate-seconds 30] \
[--burst-seconds 10] [--database-url postgres://…] [--server-log FILE]";

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        sizes: vec![1_000, 10_000, 100_000],
        requests: 20,
        rotate_seconds: 30,
        burst_seconds: 10,
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
        let bad = |_| format!("{flag}: cannot read {value:?}\n{USAGE}");
        match flag.as_str() {
            "--sizes" => {
                args.sizes = value
                    .split(',')
                    .map(|s| s.trim().replace('_', "").parse::<usize>())
                    .collect::<Result<_, _>>()
                    .map_err(bad)?;
            }
            "--requests" => args.requests = value.parse().map_err(bad)?,
            "--rotate-seconds" => args.rotate_seconds = value.parse().map_err(bad)?,
            "--burst-seconds" => args.burst_seconds = value.parse().map_err(bad)?,
            "--server-log" => args.server_log = Some(PathBuf::from(value)),
            "--database-url" if value.starts_with("postgres") => args.database_url = Some(value),
            _ => return Err(format!("unknown argument {flag} {value}\n{USAGE}")),
        }
    }
    if args.sizes.is_empty() || args.sizes.contains(&0) || args.requests == 0 {
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
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a tokio runtime");
    match runtime.block_on(run(&args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("scale: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: &Args) -> Result<(), BoxError> {
    let binary = server::server_binary()?;
    println!(
        "scale: {} on {}, sizes {:?}, {} timed requests per view; load average {}",
        binary.display(),
        if args.database_url.is_some() {
            "PostgreSQL"
        } else {
            "SQLite"
        },
        args.sizes,
        args.requests,
        measure::load_average()
    );
    let mut results = Vec::new();
    for &size in &args.sizes {
        let started = Instant::now();
        let figures = one_size(args, &binary, size).await?;
        println!(
            "-- {size} cases measured in {:.0} s (load average {})",
            started.elapsed().as_secs_f64(),
            measure::load_average()
        );
        results.push((size, figures));
    }
    print_table(&results);
    Ok(())
}

/// A fresh database of `size` cases, served, measured, then dropped.
async fn one_size(
    args: &Args,
    binary: &std::path::Path,
    size: usize,
) -> Result<measure::Figures, BoxError> {
    let dir = tempfile::tempdir()?;
    let db = server::Database::fresh(dir.path(), args.database_url.as_deref()).await?;
    let log = args
        .server_log
        .clone()
        .unwrap_or_else(|| dir.path().join("server.log"));
    let outcome = async {
        let setup = fill::Setup::make(binary, dir.path(), &db.url, &log).await?;
        println!("-- {size} cases: filling");
        let filled = fill::fill(&setup, size).await?;
        println!(
            "   filled {} cases, {} messages ({} sealed for real) in {:.1} s",
            filled.cases, filled.messages, filled.real, filled.seconds
        );
        let figures = measure::all(args, &setup, filled).await;
        setup.stop();
        figures
    }
    .await;
    if let Err(e) = &outcome {
        eprintln!(
            "scale: {size} cases: {e}; server log: {}",
            server::tail(&log)
        );
    }
    db.drop_database().await?;
    outcome
}

/// Each cost by size, and how it grew from the smallest size to the largest.
fn print_table(results: &[(usize, measure::Figures)]) {
    let (Some(first), Some(last)) = (results.first(), results.last()) else {
        return;
    };
    print!("\n{:<34}", "cost");
    for (size, _) in results {
        print!(" {:>12}", size);
    }
    println!(
        " {:>10}",
        format!("×{:.0} size", last.0 as f64 / first.0 as f64)
    );
    for (row, name) in measure::Figures::NAMES.iter().enumerate() {
        print!("{name:<34}");
        for (_, f) in results {
            print!(" {:>12}", shown(f.values()[row]));
        }
        let growth = last.1.values()[row] / first.1.values()[row];
        println!(" {:>10}", format!("{growth:.2}×"));
    }
    println!(
        "(growth: the largest size's figure over the smallest's; flat ≈ 1×, linear ≈ the size ratio)"
    );
}

fn shown(value: f64) -> String {
    if value.is_nan() {
        "n/a".to_owned()
    } else if value >= 100.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.2}")
    }
}
