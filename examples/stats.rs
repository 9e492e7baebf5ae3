//! How long the admins' statistics page takes for a busy service (issue
//! 20): three years of one service's counters, 60,000 cases' worth of
//! increments over 20 contact reasons, then the page (and the CSV export)
//! asked for over HTTP from the release binary, timed. It prints figures;
//! it is not a test and passes or fails nothing (target: page under 100 ms).
//!
//! ```text
//! cargo build --release --bin suoja --example stats
//! cargo run --release --example stats -- [--cases 60000] [--requests 50]
//!     [--database-url postgres://USER@HOST/DATABASE]
//! ```
//!
//! The counters are written through `stats::store::add`, the function the
//! server's tally and the marking use, one merged transaction per month.
//! Each synthetic case adds one contact (by language), a first reply (nine
//! in ten), one to three contact reasons and an outcome (four in five); a
//! tenth of the cases are booked times, some of them missed, and group
//! sign-ups and recorded calls come on top. The database holds about 1,400
//! counter rows at the end: what a busy service gathers in three years.
#![allow(clippy::unwrap_used, clippy::expect_used)]

// The crash harness's database and server handling, shared.
#[allow(dead_code)]
#[path = "crash/server.rs"]
mod server;
#[path = "common/staff_web.rs"]
mod staff_web;

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use suoja::stats::store;
use suoja::stats::{Category, Kind, Metric};

use staff_web::{browser, first_login, staff_add};

type BoxError = Box<dyn std::error::Error + Send + Sync>;

const USERNAME: &str = "statsadmin";
const PASSWORD: &str = "a long admin password for the benchmark";
/// The months filled: three whole years, ending with this one.
const YEARS: i32 = 3;

struct Args {
    cases: usize,
    requests: usize,
    database_url: Option<String>,
}

const USAGE: &str = "usage: cargo run --release --example stats -- \
[--cases 60000] [--requests 50] [--database-url postgres://…]";

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        cases: 60_000,
        requests: 50,
        database_url: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().ok_or_else(|| USAGE.to_owned())?;
        let bad = |_| format!("{flag}: cannot read {value:?}\n{USAGE}");
        match flag.as_str() {
            "--cases" => args.cases = value.replace('_', "").parse().map_err(bad)?,
            "--requests" => args.requests = value.parse().map_err(bad)?,
            "--database-url" if value.starts_with("postgres") => args.database_url = Some(value),
            _ => return Err(USAGE.to_owned()),
        }
    }
    if args.requests == 0 {
        return Err(USAGE.to_owned());
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
            eprintln!("stats: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: &Args) -> Result<(), BoxError> {
    let binary = server::server_binary()?;
    let dir = tempfile::tempdir()?;
    let db = server::Database::fresh(dir.path(), args.database_url.as_deref()).await?;
    let outcome = measure(args, &binary, dir.path(), &db.url).await;
    db.drop_database().await?;
    outcome
}

async fn measure(args: &Args, binary: &Path, dir: &Path, url: &str) -> Result<(), BoxError> {
    let (config, _) = server::write_config(dir, url)?;
    let admin = [
        "--username",
        USERNAME,
        "--name",
        "Stats Admin",
        "--role",
        "admin",
    ];
    let one_time = staff_add(binary, &config, &admin)?;
    let this_year = i32::from(jiff::Zoned::now().year());
    let started = Instant::now();
    let (increments, rows) = fill(url, args.cases, this_year).await?;
    println!(
        "stats: {} on {}; {} cases' worth of counters ({increments} increments, {rows} rows, \
         20 reasons) over {YEARS} years, written in {:.1} s",
        binary.display(),
        if url.starts_with("postgres") {
            "PostgreSQL"
        } else {
            "SQLite"
        },
        args.cases,
        started.elapsed().as_secs_f64()
    );
    let log = dir.join("server.log");
    let server = server::Server::start(binary, &config, &log)?;
    let admin = browser()?;
    first_login(&admin, &server.base, USERNAME, &one_time, PASSWORD).await?;
    let last_year = this_year - 1;
    for (what, path) in [
        (
            "statistics page",
            format!("/en/staff/stats?year={last_year}"),
        ),
        (
            "statistics page, fi",
            format!("/fi/staff/stats?year={this_year}"),
        ),
        (
            "CSV export",
            format!("/en/staff/stats/csv?year={last_year}"),
        ),
    ] {
        let url = format!("{}{path}", server.base);
        let (bytes, times) = time(&admin, &url, args.requests).await?;
        println!(
            "   {what:<22} median {:>6.2} ms  p95 {:>6.2} ms  max {:>6.2} ms  ({bytes} bytes, {} requests)",
            percentile(&times, 50.0),
            percentile(&times, 95.0),
            percentile(&times, 100.0),
            args.requests
        );
    }
    println!(
        "   load average {}",
        std::fs::read_to_string("/proc/loadavg")
            .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
            .unwrap_or_default()
    );
    server.stop()
}

/// The counters of `cases` synthetic cases spread evenly over the months
/// of the last three years, and six reasons added to the default fourteen.
async fn fill(url: &str, cases: usize, this_year: i32) -> Result<(i64, usize), BoxError> {
    let db = suoja::db::Db::connect(url).await?;
    store::seed_defaults(&db).await?;
    let mut conn = db.pool.acquire().await?;
    for (i, name) in [
        "Gaming",
        "Grief",
        "Bullying",
        "Money",
        "Faith",
        "Body image",
    ]
    .into_iter()
    .enumerate()
    {
        let category = Category {
            id: format!("extra{i}"),
            kind: Kind::Reason,
            names: [name.to_owned(), name.to_owned(), name.to_owned()],
            retired: false,
        };
        store::insert_category(&mut conn, &category).await?;
    }
    drop(conn);
    let list = store::categories(&db).await?;
    let reasons: Vec<&str> = list
        .iter()
        .filter(|c| c.kind == Kind::Reason)
        .map(|c| c.id.as_str())
        .collect();
    let outcomes: Vec<&str> = list
        .iter()
        .filter(|c| c.kind == Kind::Outcome)
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(reasons.len(), 20, "twenty reasons");
    let months: Vec<String> = (this_year - YEARS + 1..=this_year)
        .flat_map(|y| (1..=12).map(move |m| format!("{y:04}-{m:02}")))
        .collect();
    let mut rng = StdRng::seed_from_u64(20);
    let (mut increments, mut rows) = (0, 0);
    for (i, month) in months.iter().enumerate() {
        let share = cases / months.len() + usize::from(i < cases % months.len());
        let mut deltas = suoja::stats::store::Deltas::new();
        let mut add = |metric: Metric, category: &str| {
            let key = suoja::stats::store::Key {
                service: server::SLUG.to_owned(),
                month: month.clone(),
                metric,
                category: category.to_owned(),
            };
            *deltas.entry(key).or_insert(0) += 1;
        };
        for _ in 0..share {
            let lang =
                ["fi", "fi", "fi", "fi", "fi", "fi", "fi", "sv", "sv", "en"][rng.gen_range(0..10)];
            match rng.gen_range(0..100) {
                0..=9 => {
                    add(Metric::Bookings, lang);
                    if rng.gen_range(0..8) == 0 {
                        add(Metric::NoShows, "all");
                    }
                }
                10..=12 => add(Metric::GroupSignups, lang),
                13..=22 => add(Metric::Calls, "all"),
                _ => add(Metric::Contacts, lang),
            }
            if rng.gen_range(0..10) < 9 {
                add(Metric::Answered, "all");
                if rng.gen_range(0..4) < 3 {
                    add(Metric::AnsweredInTime, "all");
                }
            }
            // One client in ten rates the help.
            if rng.gen_range(0..10) == 0 {
                add(
                    Metric::Ratings,
                    ["1", "2", "3", "4", "5"][rng.gen_range(0..5)],
                );
            }
            for _ in 0..rng.gen_range(1..=3) {
                add(Metric::Reasons, reasons[rng.gen_range(0..reasons.len())]);
            }
            if rng.gen_range(0..5) < 4 {
                add(Metric::Outcomes, outcomes[rng.gen_range(0..outcomes.len())]);
            }
        }
        increments += deltas.values().sum::<i64>();
        rows += deltas.len();
        store::add(&db, &deltas).await?;
    }
    db.pool.close().await;
    Ok((increments, rows))
}

/// Three untimed requests, then `n` timed ones: the body's size and each
/// request's milliseconds to the end of its body, sorted.
async fn time(
    client: &reqwest::Client,
    url: &str,
    n: usize,
) -> Result<(usize, Vec<f64>), BoxError> {
    let mut times = Vec::with_capacity(n);
    let mut bytes = 0;
    for i in 0..n + 3 {
        let sent = Instant::now();
        let response = client.get(url).send().await?;
        let status = response.status().as_u16();
        let body = response.bytes().await?;
        let ms = sent.elapsed().as_secs_f64() * 1e3;
        if status != 200 {
            return Err(format!("GET {url}: HTTP {status}").into());
        }
        bytes = body.len();
        if i >= 3 {
            times.push(ms);
        }
    }
    times.sort_by(f64::total_cmp);
    Ok((bytes, times))
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}
