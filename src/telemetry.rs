//! Logging: events with ids we minted, never who a client is. `SUOJA_LOG`
//! takes an env-filter directive (default `info`, with PostgreSQL's notices
//! from `warning` up: at `notice` they only say that the migrations table
//! exists, at every start). Timestamps are to the
//! minute, so log lines cannot be lined up with the order of stored cases to
//! learn exact arrival times. A panic prints only where it happened: its
//! message might hold data from a request.

use tracing_subscriber::fmt::format::Writer;
use tracing_subscriber::fmt::time::FormatTime;

struct ToTheMinute;

impl FormatTime for ToTheMinute {
    fn format_time(&self, w: &mut Writer<'_>) -> std::fmt::Result {
        let now = jiff::Timestamp::now();
        write!(w, "{}", now.strftime("%Y-%m-%dT%H:%MZ"))
    }
}

pub fn init() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("SUOJA_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx::postgres::notice=warn"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(true)
        .with_ansi(false)
        .with_timer(ToTheMinute)
        .with_writer(std::io::stderr)
        .init();
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        tracing::error!(place, "panic (message withheld)");
    }));
}
