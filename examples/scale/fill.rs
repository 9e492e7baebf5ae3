//! The database under test: a served service with a logged-in counsellor,
//! then `size` cases written straight into `cases` and `messages`.
//!
//! The rows a measured page opens are real: the newest [`REAL_NEWEST`]
//! cases (page 1, the pages below it, the status filters' first pages) and
//! every case due for deletion within 14 days (the `deleted=14` filter)
//! each have a first message sealed for them, naming their case id, to the
//! counsellor and the recovery key. The older bulk reuses a few pre-sealed
//! blobs: the queue never opens them here, and rotation reseals them
//! without reading the case id. Every message is in an older key epoch
//! than the service's current one, so a rotation has all of them to do.

use std::path::{Path, PathBuf};
use std::time::Instant;

use age::x25519;
use secrecy::ExposeSecret;
use sqlx::Row;

use crate::BoxError;
use crate::server::Server;
pub use crate::staff_web::between;
use crate::staff_web::{browser, first_login, staff_add};

pub const SLUG: &str = "scale";
const USERNAME: &str = "scale";
const PASSWORD: &str = "correct horse battery staple";
/// The newest cases, all sealed for real: 40 pages of 50.
const REAL_NEWEST: usize = 2_000;
/// The days the cases are spread over, back from today: three years.
const DAYS: usize = 1_095;
/// Rows a statement inserts, and statements a transaction commits.
const ROWS_PER_STATEMENT: usize = 200;
const STATEMENTS_PER_COMMIT: usize = 25;

/// A served service, its counsellor logged in, and the keys to fill with.
pub struct Setup {
    pub binary: PathBuf,
    pub config: PathBuf,
    pub database_url: String,
    pub recovery_key: PathBuf,
    pub server: Server,
    /// The counsellor's browser (cookies, no redirects).
    pub staff: reqwest::Client,
    envelope: suoja::seal::Envelope,
    old_epoch: i64,
}

impl Setup {
    /// Config, server, `suoja staff add`, restart (the keyring then holds
    /// the counsellor), first login, and one real submission: the current
    /// key epoch is the one it was sealed in.
    pub async fn make(
        binary: &Path,
        dir: &Path,
        database_url: &str,
        log: &Path,
    ) -> Result<Setup, BoxError> {
        let (config, recovery) = write_config(dir, database_url)?;
        let first = Server::start(binary, &config, log)?;
        let one_time = staff_add(
            binary,
            &config,
            &[
                "--username",
                USERNAME,
                "--name",
                "Scale",
                "--role",
                "counsellor",
                "--service",
                SLUG,
            ],
        )?;
        first.stop()?;
        let server = Server::start(binary, &config, log)?;
        let staff = browser()?;
        first_login(&staff, &server.base, USERNAME, &one_time, PASSWORD).await?;
        crate::measure::submit_once(&reqwest::Client::new(), &server.base).await?;
        let (counsellor, old_epoch) = keys_and_epoch(database_url).await?;
        let envelope = suoja::seal::Envelope::new([counsellor, recovery]);
        Ok(Setup {
            binary: binary.to_owned(),
            config,
            database_url: database_url.to_owned(),
            recovery_key: dir.join("recovery.key"),
            server,
            staff,
            envelope,
            old_epoch,
        })
    }

    pub fn stop(self) {
        if let Err(e) = self.server.stop() {
            eprintln!("scale: the server did not stop cleanly: {e}");
        }
    }

    pub fn base(&self) -> &str {
        &self.server.base
    }
}

/// The config (one service, limits out of the way) and the recovery
/// identity's file, for `suoja rotate`.
fn write_config(dir: &Path, database_url: &str) -> Result<(PathBuf, x25519::Recipient), BoxError> {
    let recovery = x25519::Identity::generate();
    let key = format!("{}\n", recovery.to_string().expose_secret());
    std::fs::write(dir.join("recovery.key"), key)?;
    let service_key = x25519::Identity::generate().to_public();
    let config = format!(
        r#"listen = "127.0.0.1:0"
database_url = "{database_url}"
pepper_file = "{pepper}"
recovery_recipient = "{recovery_public}"
quick_exit_url = "https://yle.fi/"

[form]
min_fill_seconds = 0
max_age_seconds = 14400

[limits]
submissions_per_client_per_hour = 100000000
submissions_per_service_per_minute = 100000000
lookups_per_client_per_hour = 100000000
lookups_per_minute = 100000000
ipv4_prefix = 32

[[services]]
slug = "{SLUG}"
recipients = ["{service_key}"]
topics = ["general"]
[services.name]
fi = "Skaalaus"
sv = "Skalning"
en = "Scaling"
[services.description]
fi = "Palvelu skaalausmittaukselle."
sv = "Tjänst för skalningsmätningen."
en = "Service for the scaling benchmark."
"#,
        pepper = dir.join("pepper").display(),
        recovery_public = recovery.to_public(),
    );
    let path = dir.join("scale.toml");
    std::fs::write(&path, config)?;
    Ok((path, recovery.to_public()))
}

/// The counsellor's recipient, and a copy of the current key epoch under
/// another fingerprint: the filled messages are sealed "in" it, so a
/// rotation finds them outside the current epoch.
async fn keys_and_epoch(url: &str) -> Result<(x25519::Recipient, i64), BoxError> {
    let pool = connect(url).await?;
    let recipient: String = sqlx::query("select recipient from staff where username = $1")
        .bind(USERNAME)
        .fetch_one(&pool)
        .await?
        .try_get(0)?;
    let current: i64 = sqlx::query("select key_epoch from messages limit 1")
        .fetch_one(&pool)
        .await?
        .try_get(0)?;
    sqlx::query(
        "insert into key_epochs (service, fingerprint, recipients, created_on) \
         select service, 'scale-benchmark-older', recipients, created_on \
         from key_epochs where id = $1",
    )
    .bind(current)
    .execute(&pool)
    .await?;
    let old: i64 = sqlx::query("select id from key_epochs where fingerprint = $1")
        .bind("scale-benchmark-older")
        .fetch_one(&pool)
        .await?
        .try_get(0)?;
    pool.close().await;
    Ok((recipient.parse().map_err(|e: &str| e.to_owned())?, old))
}

pub async fn connect(url: &str) -> Result<sqlx::AnyPool, BoxError> {
    sqlx::any::install_default_drivers();
    Ok(sqlx::pool::PoolOptions::<sqlx::Any>::new()
        .max_connections(1)
        .connect(url)
        .await?)
}

/// What a fill wrote.
pub struct Filled {
    pub cases: usize,
    pub messages: usize,
    pub real: usize,
    pub seconds: f64,
}

/// One case to write: `i` counts from the newest.
struct Planned {
    id: String,
    status: &'static str,
    opened_on: String,
    retain_until: String,
    real: bool,
    reply: bool,
}

fn plan(i: usize, size: usize, today: jiff::civil::Date) -> Planned {
    let day = |offset: i64| {
        let date = today.checked_add(jiff::Span::new().days(offset)).unwrap();
        suoja::db::day(date)
    };
    // Spread evenly over DAYS, the newest first.
    let age = (i * DAYS / size.max(1)) as i64;
    let status = match (i < REAL_NEWEST, i % 4) {
        (true, 0) => "new",
        (true, 1) => "in_progress",
        (true, _) => "closed",
        (false, _) if i.is_multiple_of(32) => "in_progress",
        (false, _) => "closed",
    };
    // 3 % already due (the purge's work), 2 % due within 14 days; the rest
    // are kept between 15 days and about a year more.
    let keep = match i % 100 {
        0..=2 => -((i / 100 % 5) as i64) - 1,
        3..=4 => (i / 100 % 14) as i64 + 1,
        _ => 15 + (i % 350) as i64,
    };
    Planned {
        id: suoja::db::new_id(),
        status,
        opened_on: day(-age),
        retain_until: day(keep),
        real: i < REAL_NEWEST || keep <= 14,
        reply: i >= REAL_NEWEST && i.is_multiple_of(3),
    }
}

/// A few sealed blobs the bulk shares (never opened by the queue here).
struct Bulk {
    firsts: Vec<Vec<u8>>,
    replies: Vec<Vec<u8>>,
    /// Client keys for the cases: rotation seals to them.
    clients: Vec<String>,
}

impl Bulk {
    fn new(envelope: &suoja::seal::Envelope) -> Result<Bulk, BoxError> {
        let sealed = |n: usize| -> Result<Vec<u8>, BoxError> {
            Ok(envelope.seal(&doc(&"0".repeat(32), "2026-01-01T12:00:00Z", n))?)
        };
        Ok(Bulk {
            firsts: (0..8).map(sealed).collect::<Result<_, _>>()?,
            replies: (8..16).map(sealed).collect::<Result<_, _>>()?,
            clients: (0..64)
                .map(|_| x25519::Identity::generate().to_public().to_string())
                .collect(),
        })
    }
}

/// A synthetic message: no client wrote it.
fn doc(case: &str, written_at: &str, n: usize) -> suoja::intake::MessageDoc {
    suoja::intake::MessageDoc {
        v: 1,
        case: case.to_owned(),
        service: SLUG.into(),
        written_at: written_at.to_owned(),
        topic: Some("general".into()),
        name: None,
        contact: None,
        staff: None,
        booking: None,
        seat: None,
        lang: None,
        interpreter: false,
        feedback: None,
        handed: None,
        text: format!("Synthetic case {n} of the scaling benchmark."),
        mac: None,
    }
}

/// Writes `size` cases in commits of a few thousand; PostgreSQL is then
/// vacuumed and analysed, as a steady database is.
pub async fn fill(setup: &Setup, size: usize) -> Result<Filled, BoxError> {
    let started = Instant::now();
    let pool = connect(&setup.database_url).await?;
    let today = suoja::db::today();
    let bulk = Bulk::new(&setup.envelope)?;
    let mut filled = Filled {
        cases: 0,
        messages: 0,
        real: 0,
        seconds: 0.0,
    };
    let chunk = ROWS_PER_STATEMENT * STATEMENTS_PER_COMMIT;
    for start in (0..size).step_by(chunk) {
        let planned: Vec<Planned> = (start..(start + chunk).min(size))
            .map(|i| plan(i, size, today))
            .collect();
        let sealed = seal_real(&setup.envelope, &planned)?;
        filled.messages += write_chunk(&pool, setup.old_epoch, &planned, &sealed, &bulk).await?;
        filled.cases += planned.len();
        filled.real += sealed.iter().filter(|s| s.is_some()).count();
    }
    if setup.database_url.starts_with("postgres") {
        // Its autovacuum would have done this to a database that grew over
        // years: statistics, and the visibility map index-only scans need.
        sqlx::raw_sql(sqlx::AssertSqlSafe("vacuum analyze"))
            .execute(&pool)
            .await?;
    }
    pool.close().await;
    filled.seconds = started.elapsed().as_secs_f64();
    Ok(filled)
}

/// The real cases' first messages, sealed on both cores.
fn seal_real(
    envelope: &suoja::seal::Envelope,
    planned: &[Planned],
) -> Result<Vec<Option<Vec<u8>>>, BoxError> {
    let half = planned.len().div_ceil(2).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = planned
            .chunks(half)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .enumerate()
                        .map(|(n, p)| {
                            let at = format!("{}T{:02}:{:02}:00Z", p.opened_on, 8 + n % 12, n % 60);
                            p.real
                                .then(|| envelope.seal(&doc(&p.id, &at, n)))
                                .transpose()
                        })
                        .collect::<Result<Vec<_>, _>>()
                })
            })
            .collect();
        let mut out = Vec::with_capacity(planned.len());
        for h in handles {
            out.extend(h.join().map_err(|_| "a sealing thread panicked")??);
        }
        Ok(out)
    })
}

/// One transaction: the cases, then their messages; how many messages.
async fn write_chunk(
    pool: &sqlx::AnyPool,
    epoch: i64,
    planned: &[Planned],
    sealed: &[Option<Vec<u8>>],
    bulk: &Bulk,
) -> Result<usize, BoxError> {
    let mut tx = pool.begin().await?;
    for part in planned.chunks(ROWS_PER_STATEMENT) {
        let sql = format!(
            "insert into cases (id, service, kind, status, opened_on, updated_on, retain_until, \
             lookup_hash, client_recipient) values {}",
            placeholders(part.len(), 9)
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for (k, p) in part.iter().enumerate() {
            q = q
                .bind(p.id.clone())
                .bind(SLUG)
                .bind("contact")
                .bind(p.status)
                .bind(p.opened_on.clone())
                .bind(p.opened_on.clone())
                .bind(p.retain_until.clone())
                .bind(rand::random::<[u8; 32]>().to_vec())
                .bind(bulk.clients[k % bulk.clients.len()].clone());
        }
        q.execute(&mut *tx).await?;
    }
    let rows = message_rows(planned, sealed, bulk);
    for part in rows.chunks(ROWS_PER_STATEMENT) {
        let sql = format!(
            "insert into messages (id, case_id, n, author, written_on, key_epoch, sealed) \
             values {}",
            placeholders(part.len(), 7)
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for m in part {
            q = q
                .bind(suoja::db::new_id())
                .bind(m.case_id.to_owned())
                .bind(m.n)
                .bind(m.author)
                .bind(m.written_on.to_owned())
                .bind(epoch)
                .bind(m.sealed.to_vec());
        }
        q.execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(rows.len())
}

struct MessageRow<'a> {
    case_id: &'a str,
    n: i64,
    author: &'static str,
    written_on: &'a str,
    sealed: &'a [u8],
}

/// Each case's first message (real or shared), and a staff reply for a
/// third of the bulk.
fn message_rows<'a>(
    planned: &'a [Planned],
    sealed: &'a [Option<Vec<u8>>],
    bulk: &'a Bulk,
) -> Vec<MessageRow<'a>> {
    let mut rows = Vec::with_capacity(planned.len() * 4 / 3);
    for (k, (p, s)) in planned.iter().zip(sealed).enumerate() {
        let first = s.as_deref().unwrap_or(&bulk.firsts[k % bulk.firsts.len()]);
        rows.push(MessageRow {
            case_id: &p.id,
            n: 0,
            author: "client",
            written_on: &p.opened_on,
            sealed: first,
        });
        if p.reply {
            rows.push(MessageRow {
                case_id: &p.id,
                n: 1,
                author: "staff",
                written_on: &p.opened_on,
                sealed: &bulk.replies[k % bulk.replies.len()],
            });
        }
    }
    rows
}

/// `($1, …, $cols), (…)` for `rows` rows.
fn placeholders(rows: usize, cols: usize) -> String {
    (0..rows)
        .map(|r| {
            let row: Vec<String> = (1..=cols).map(|c| format!("${}", r * cols + c)).collect();
            format!("({})", row.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}
