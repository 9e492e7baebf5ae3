//! The live chat under load (issue 18): prints figures, asserts nothing.
//!
//! One instance on SQLite (or, with `--database-url`, two instances on a
//! fresh PostgreSQL database: clients on the first, counsellors on the
//! second, so every line crosses between processes through the database):
//! `--services` services × `--per-service` counsellors (added with `suoja
//! staff add`, logged in and on duty before timing starts), each in 2
//! chats, and `--waiting` more clients waiting in the queues; every client
//! holds its event stream open, every counsellor one per chat. Each chatting
//! side sends a line every `--every-ms`. Every few seconds one counsellor
//! ends a chat and takes the next client (then a new client joins that
//! queue), so the waiting clients' places move.
//!
//! Printed: line delivery (from just before the POST to the line on the
//! other side's event stream) p50/p99/max, lines a second, queue-update
//! latency (a take, to each waiting client's status event in that
//! service), the POST's own answer time, each server's peak RSS (VmHWM)
//! and CPU, and this load generator's own CPU.
//!
//! ```text
//! cargo build --release --bin suoja --example chat_bench
//! target/release/examples/chat_bench [--seconds 60] [--services 20]
//!     [--per-service 5] [--waiting 800] [--every-ms 5000]
//!     [--database-url postgres://USER@HOST/DATABASE] [--server PATH]
//!     [--server-log FILE]
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod load;
#[allow(dead_code)]
#[path = "../crash/server.rs"]
mod server;
mod setup;
#[path = "../common/staff_web.rs"]
mod staff_web;

use std::path::PathBuf;
use std::process::ExitCode;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

pub struct Args {
    seconds: u64,
    services: usize,
    per_service: usize,
    waiting: usize,
    every_ms: u64,
    database_url: Option<String>,
    server: Option<PathBuf>,
    server_log: Option<PathBuf>,
}

const USAGE: &str = "usage: chat_bench [--seconds 60] [--services 20] [--per-service 5] \
[--waiting 800] [--every-ms 5000] [--database-url postgres://…] [--server PATH] \
[--server-log FILE]";

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        seconds: 60,
        services: 20,
        per_service: 5,
        waiting: 800,
        every_ms: 5000,
        database_url: None,
        server: None,
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
            "--seconds" => args.seconds = value.parse().map_err(|_| bad())?,
            "--services" => args.services = value.parse().map_err(|_| bad())?,
            "--per-service" => args.per_service = value.parse().map_err(|_| bad())?,
            "--waiting" => args.waiting = value.parse().map_err(|_| bad())?,
            "--every-ms" => args.every_ms = value.parse().map_err(|_| bad())?,
            "--database-url" if value.starts_with("postgres") => args.database_url = Some(value),
            "--server" => args.server = Some(PathBuf::from(value)),
            "--server-log" => args.server_log = Some(PathBuf::from(value)),
            _ => return Err(format!("unknown argument {flag} {value}\n{USAGE}")),
        }
    }
    if args.services == 0 || args.per_service == 0 || args.seconds == 0 || args.every_ms == 0 {
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
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a tokio runtime");
    match runtime.block_on(load::run(&args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("chat_bench: {e}");
            ExitCode::FAILURE
        }
    }
}
