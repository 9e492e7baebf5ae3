//! Logging: events with ids we minted, never who a client is. `SUOJA_LOG`
//! takes an env-filter directive (default `info`). A panic prints only where
//! it happened: its message might hold data from a request.

pub fn init() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("SUOJA_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(true)
        .with_ansi(false)
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
