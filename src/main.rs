//! The `suoja` binary: command line → config → telemetry → app.
#![forbid(unsafe_code)]

fn main() -> std::process::ExitCode {
    suoja::cli::main()
}
