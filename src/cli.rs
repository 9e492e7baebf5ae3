//! The command line: `serve`, `demo`, `staff`, `open` (offline reading),
//! `purge` (retention), `export` and `import` (backups), `rotate`
//! (resealing), `service` (services) and `keygen`.

mod backup;
mod demo;
mod demo_times;
mod open;
mod purge;
mod rotate;
mod service;
pub mod staff;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::config::Config;

#[derive(Parser)]
#[command(name = "suoja", version, about = "Anonymous intake sealed with age")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web service.
    Serve {
        /// The TOML configuration file; SUOJA_* variables override its keys.
        #[arg(long, default_value = "suoja.toml")]
        config: PathBuf,
    },
    /// Run a local demo: demo services, a demo counsellor key, SQLite.
    Demo {
        /// Where the demo keeps its config, keys and database.
        #[arg(long, default_value = "data/demo")]
        dir: PathBuf,
        #[arg(long, default_value = "127.0.0.1:8080")]
        listen: String,
    },
    /// List and decrypt, offline, the cases an age identity can open.
    Open {
        /// An age identity file (as written by `age-keygen` or `suoja keygen`).
        #[arg(long)]
        identity: PathBuf,
        /// The configuration file, for its database_url. With
        /// SUOJA_DATABASE_URL set, that database is read and no
        /// configuration is needed (a URL may hold a password, so it is
        /// never taken from the command line).
        #[arg(long, default_value = "suoja.toml")]
        config: PathBuf,
        /// One JSON document a line instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Manage staff accounts.
    Staff {
        /// The TOML configuration file; SUOJA_* variables override its keys.
        #[arg(long, default_value = "suoja.toml", global = true)]
        config: PathBuf,
        #[command(subcommand)]
        action: StaffAction,
    },
    /// Create, edit, list and retire services.
    Service {
        /// The TOML configuration file; SUOJA_* variables override its keys.
        #[arg(long, default_value = "suoja.toml", global = true)]
        config: PathBuf,
        #[command(subcommand)]
        action: Box<service::ServiceAction>,
    },
    /// Write a backup: every table as stored (ciphertext and metadata,
    /// nothing decrypted), one JSON row a line. Not the pepper file.
    Export {
        #[arg(long, default_value = "suoja.toml")]
        config: PathBuf,
        /// A new file to write (owner-only); standard output if none.
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Restore a backup from `suoja export` into an empty database.
    Import {
        #[arg(long, default_value = "suoja.toml")]
        config: PathBuf,
        /// The export to read; standard input if none.
        #[arg(long)]
        input: Option<PathBuf>,
    },
    /// Delete expired cases and booked times now, as `serve` does
    /// periodically; or, with --dry-run, report what would go.
    Purge {
        /// The TOML configuration file; SUOJA_* variables override its keys.
        #[arg(long, default_value = "suoja.toml")]
        config: PathBuf,
        /// Delete nothing; report what a purge would delete.
        #[arg(long)]
        dry_run: bool,
        /// With --dry-run: what will have gone by this day (YYYY-MM-DD,
        /// today or later) if nothing changes meanwhile. Default: today.
        #[arg(long, requires = "dry_run", value_name = "YYYY-MM-DD")]
        as_of: Option<String>,
    },
    /// Reseal every item of every service (or one) to the service's current
    /// recipients, opening each with an identity file (the recovery
    /// identity or a counsellor's key). Resumes an interrupted job.
    Rotate {
        #[arg(long, default_value = "suoja.toml")]
        config: PathBuf,
        /// An age identity file: the key in hand that opens the items.
        #[arg(long)]
        identity: PathBuf,
        /// Only this service.
        #[arg(long)]
        service: Option<String>,
        /// Items read per batch.
        #[arg(long, default_value_t = crate::rotation::DEFAULT_BATCH, value_parser = clap::value_parser!(i64).range(1..=10_000))]
        batch: i64,
    },
    /// Write a new age X25519 identity file and print its recipient.
    Keygen {
        #[arg(long)]
        output: PathBuf,
    },
}

#[derive(Subcommand)]
enum StaffAction {
    /// Add an account; prints a one-time password to change at first login.
    Add {
        #[arg(long)]
        username: String,
        /// The name colleagues (and, on replies, clients) see.
        #[arg(long)]
        name: String,
        /// For activity notices only.
        #[arg(long)]
        email: Option<String>,
        #[arg(long, default_value = "counsellor", value_parser = ["counsellor", "admin"])]
        role: String,
        /// A service whose cases they work (repeat for several).
        #[arg(long = "service")]
        services: Vec<String>,
    },
    /// List accounts: name, role, state, services, age recipient.
    List,
    /// Deactivate an account: its sessions end at once.
    Deactivate {
        #[arg(long)]
        username: String,
    },
    /// Take a person out of a service: new items stop being sealed to their
    /// key; `suoja rotate` then reseals the older ones without it.
    RemoveService {
        #[arg(long)]
        username: String,
        #[arg(long)]
        service: String,
    },
    /// Invite a person by e-mail: a one-time link, mailed through [smtp],
    /// or printed when no mail server is configured.
    Invite {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "counsellor", value_parser = ["counsellor", "admin"])]
        role: String,
        /// A service they will work (repeat for several).
        #[arg(long = "service")]
        services: Vec<String>,
        /// The language of the link's page.
        #[arg(long, default_value = "fi", value_parser = ["fi", "sv", "en"])]
        lang: String,
    },
    /// Reset a password: the key is lost; a one-time link is mailed (with
    /// [smtp] and an address), or a one-time password printed.
    Reset {
        #[arg(long)]
        username: String,
        #[arg(long, default_value = "fi", value_parser = ["fi", "sv", "en"])]
        lang: String,
    },
    /// Change a role; the last active admin stays an admin.
    Role {
        #[arg(long)]
        username: String,
        #[arg(long, value_parser = ["counsellor", "admin"])]
        role: String,
    },
    /// Reactivate a deactivated account.
    Reactivate {
        #[arg(long)]
        username: String,
    },
    /// Add a person to a service; `suoja rotate` then reseals its older
    /// items so they can open them.
    AddService {
        #[arg(long)]
        username: String,
        #[arg(long)]
        service: String,
    },
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    crate::telemetry::init();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => return fail(e),
    };
    let outcome = runtime.block_on(async {
        match cli.command {
            Command::Serve { config } => {
                let config = Config::load(&config, std::env::vars())?;
                crate::serve::serve(config).await
            }
            Command::Demo { dir, listen } => demo::run(&dir, &listen).await,
            Command::Open {
                identity,
                config,
                json,
            } => {
                let url = open::database_url(&config)?;
                open::run(&identity, &url, json).await
            }
            Command::Staff { config, action } => {
                let config = Config::load(&config, std::env::vars())?;
                match action {
                    StaffAction::Add {
                        username,
                        name,
                        email,
                        role,
                        services,
                    } => {
                        let new = staff::AddStaff {
                            username,
                            name,
                            email,
                            role,
                            services,
                        };
                        staff::run_add(&config, new).await
                    }
                    StaffAction::List => staff::run_list(&config).await,
                    StaffAction::Deactivate { username } => {
                        staff::run_deactivate(&config, &username).await
                    }
                    StaffAction::RemoveService { username, service } => {
                        staff::run_remove_service(&config, &username, &service).await
                    }
                    StaffAction::Invite {
                        email,
                        role,
                        services,
                        lang,
                    } => staff::run_invite(&config, &email, &role, &services, &lang).await,
                    StaffAction::Reset { username, lang } => {
                        staff::run_reset(&config, &username, &lang).await
                    }
                    StaffAction::Role { username, role } => {
                        staff::run_role(&config, &username, &role).await
                    }
                    StaffAction::Reactivate { username } => {
                        staff::run_reactivate(&config, &username).await
                    }
                    StaffAction::AddService { username, service } => {
                        staff::run_add_service(&config, &username, &service).await
                    }
                }
            }
            Command::Service { config, action } => {
                let config = Config::load(&config, std::env::vars())?;
                service::run(&config, *action).await
            }
            Command::Export { config, output } => {
                let config = Config::load(&config, std::env::vars())?;
                backup::run_export(&config.database_url, output.as_deref()).await
            }
            Command::Import { config, input } => {
                let config = Config::load(&config, std::env::vars())?;
                backup::run_import(&config.database_url, input.as_deref()).await
            }
            Command::Purge {
                config,
                dry_run,
                as_of,
            } => {
                let config = Config::load(&config, std::env::vars())?;
                purge::run(&config, dry_run, as_of.as_deref()).await
            }
            Command::Rotate {
                config,
                identity,
                service,
                batch,
            } => {
                let config = Config::load(&config, std::env::vars())?;
                rotate::run(&config, &identity, service.as_deref(), batch).await
            }
            Command::Keygen { output } => keygen(&output).map(|recipient| println!("{recipient}")),
        }
    });
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

fn fail(e: impl std::fmt::Display) -> ExitCode {
    eprintln!("suoja: {e}");
    ExitCode::FAILURE
}

/// Writes a new identity (mode 0600, never overwriting) in the format
/// `age-keygen` writes; returns its public recipient.
pub fn keygen(path: &std::path::Path) -> Result<String, crate::serve::BoxError> {
    use secrecy::ExposeSecret;
    use std::io::Write;
    let identity = age::x25519::Identity::generate();
    let recipient = identity.to_public().to_string();
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(path)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let created = jiff::Timestamp::now().round(jiff::Unit::Second)?;
    writeln!(file, "# created: {created}")?;
    writeln!(file, "# public key: {recipient}")?;
    writeln!(file, "{}", identity.to_string().expose_secret())?;
    file.sync_all()?;
    Ok(recipient)
}
