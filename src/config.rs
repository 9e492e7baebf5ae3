//! One typed configuration: a TOML file plus `SUOJA_*` environment overrides,
//! parsed and validated once at start. Every error names the file and the key.
//!
//! Relative paths (recipients files, the pepper file, a SQLite database) are
//! resolved against the working directory, as `sqlx` does for database URLs.

use std::collections::HashSet;
use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::retention::{MAX_DAYS, Retention};

mod smtp;
use smtp::RawSmtp;
pub use smtp::{Smtp, SmtpSecurity};

/// The validated configuration the whole application runs on. No `Debug`:
/// a PostgreSQL URL may hold a password.
#[derive(Clone)]
pub struct Config {
    pub listen: SocketAddr,
    pub database_url: String,
    pub pepper_file: PathBuf,
    pub recovery_recipient: Option<age::x25519::Recipient>,
    pub quick_exit_url: String,
    pub trusted_proxy_header: Option<String>,
    /// The address people reach this instance at; `https://` turns on the
    /// `Secure` attribute of the staff session cookie.
    pub public_url: String,
    /// The onion service's `http://….onion` base (no trailing slash): client
    /// pages name it in an `Onion-Location` header.
    pub onion_location: Option<String>,
    pub form: FormConfig,
    pub limits: Limits,
    pub staff: StaffConfig,
    pub retention: RetentionConfig,
    pub booking: BookingConfig,
    /// The `[[services]]` of the file: they seed the database's services
    /// (see `crate::services`), which the app reads from then on.
    pub services: Vec<Service>,
    /// Where activity notices are sent from; none: notifications are off.
    pub smtp: Option<Smtp>,
}

impl Config {
    /// Staff cookies are `Secure` (and `__Host-` prefixed) whenever the
    /// public address is https; plain http is for local development.
    pub fn secure_cookies(&self) -> bool {
        self.public_url.starts_with("https://")
    }
}

/// Staff sessions.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct StaffConfig {
    /// A session unused this long ends, and the unlocked key with it.
    pub idle_minutes: u64,
    /// A session ends this long after login, however busy.
    pub absolute_hours: u64,
    /// An invitation link works this long.
    pub invite_hours: u64,
    /// A password-reset link works this long.
    pub reset_hours: u64,
}

impl Default for StaffConfig {
    fn default() -> Self {
        StaffConfig {
            idle_minutes: 30,
            absolute_hours: 12,
            invite_hours: 72,
            reset_hours: 24,
        }
    }
}

/// The purge of expired cases and booked times.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RetentionConfig {
    /// `suoja serve` purges at start and then this often.
    pub purge_interval_minutes: u64,
}

impl Default for RetentionConfig {
    fn default() -> Self {
        RetentionConfig {
            purge_interval_minutes: 60,
        }
    }
}

/// Booking and phone intake.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct BookingConfig {
    /// How far ahead clients are offered free times, in days.
    pub window_days: i64,
    /// A call may be recorded this long after a weekly duty-hours slot ends
    /// (calls run over), in minutes.
    pub phone_grace_minutes: i64,
}

impl Default for BookingConfig {
    fn default() -> Self {
        BookingConfig {
            window_days: 28,
            phone_grace_minutes: 15,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FormConfig {
    /// A form sent back sooner than this after it was served is asked again.
    pub min_fill_seconds: u64,
    /// A form older than this is asked again (with everything typed kept).
    pub max_age_seconds: u64,
}

impl Default for FormConfig {
    fn default() -> Self {
        FormConfig {
            min_fill_seconds: 3,
            max_age_seconds: 4 * 3600,
        }
    }
}

/// Rate limits. Per-client limits key on a keyed hash of the client's network;
/// the global ones back them up for clients that share an address (Tor exits).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    pub submissions_per_client_per_hour: u32,
    pub submissions_per_service_per_minute: u32,
    pub lookups_per_client_per_hour: u32,
    pub lookups_per_minute: u32,
    /// Prefix length that identifies an IPv4 client (32 or 24).
    pub ipv4_prefix: u8,
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// Staff login attempts from one client network.
    pub logins_per_client_per_hour: u32,
    /// Staff login attempts for one user name, from anywhere.
    pub logins_per_account_per_hour: u32,
    /// Staff login attempts in all, from everywhere: bounds argon2 work.
    pub logins_per_minute: u32,
    /// Messages one case's thread may hold (client messages, replies and
    /// notes together); beyond it nothing more is added.
    pub messages_per_case: u32,
    /// A request's head must arrive within this many seconds (slowloris).
    pub header_timeout_seconds: u64,
    /// A request's body must arrive within this many seconds of its head.
    pub body_timeout_seconds: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            submissions_per_client_per_hour: 20,
            submissions_per_service_per_minute: 120,
            lookups_per_client_per_hour: 60,
            lookups_per_minute: 600,
            ipv4_prefix: 32,
            max_body_bytes: 128 * 1024,
            logins_per_client_per_hour: 60,
            logins_per_account_per_hour: 20,
            logins_per_minute: 120,
            messages_per_case: 300,
            header_timeout_seconds: 10,
            body_timeout_seconds: 30,
        }
    }
}

/// A text in each of the three languages every page exists in.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Localized {
    pub fi: String,
    pub sv: String,
    pub en: String,
}

impl Localized {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fi => &self.fi,
            Lang::Sv => &self.sv,
            Lang::En => &self.en,
        }
    }
}

/// A topic a client may pick: an id, with names when the id is not one of the
/// common topics that the locale files already name.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(untagged)]
pub enum Topic {
    Common(String),
    Named {
        id: String,
        #[serde(flatten)]
        name: Localized,
    },
}

impl Topic {
    pub fn id(&self) -> &str {
        match self {
            Topic::Common(id) | Topic::Named { id, .. } => id,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Service {
    pub slug: String,
    pub name: Localized,
    pub description: Localized,
    pub topics: Vec<Topic>,
    /// Every recipient configured for the service, from strings and files.
    pub recipients: Vec<age::x25519::Recipient>,
    /// When its cases are deleted.
    pub retention: Retention,
    /// Where the service's duty hours and slots are, and how they are shown.
    pub time_zone: jiff::tz::TimeZone,
    /// The line's number, shown to clients who call in at a booked time.
    pub phone: Option<String>,
    /// Hidden from clients; its cases are kept until their retention ends.
    pub retired: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    listen: String,
    database_url: String,
    #[serde(default = "default_pepper_file")]
    pepper_file: PathBuf,
    recovery_recipient: Option<String>,
    #[serde(default = "default_quick_exit")]
    quick_exit_url: String,
    trusted_proxy_header: Option<String>,
    public_url: Option<String>,
    onion_location: Option<String>,
    #[serde(default)]
    form: FormConfig,
    #[serde(default)]
    limits: Limits,
    #[serde(default)]
    staff: StaffConfig,
    #[serde(default)]
    retention: RetentionConfig,
    #[serde(default)]
    booking: BookingConfig,
    #[serde(default)]
    services: Vec<RawService>,
    smtp: Option<RawSmtp>,
}

fn default_pepper_file() -> PathBuf {
    PathBuf::from("data/pepper")
}

fn default_quick_exit() -> String {
    "https://yle.fi/".to_owned()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawService {
    slug: String,
    name: Localized,
    description: Localized,
    topics: Vec<Topic>,
    #[serde(default)]
    recipients: Vec<String>,
    #[serde(default = "default_retention")]
    retention_days: u32,
    closed_retention_days: Option<u32>,
    #[serde(default = "default_time_zone")]
    time_zone: String,
    phone: Option<String>,
}

fn default_time_zone() -> String {
    "Europe/Helsinki".to_owned()
}

fn default_retention() -> u32 {
    Retention::default().days
}

/// A configuration error, naming the file and the key it is about.
#[derive(Debug)]
pub struct ConfigError {
    file: PathBuf,
    key: String,
    message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.key.is_empty() {
            write!(f, "{}: {}", self.file.display(), self.message)
        } else {
            write!(
                f,
                "{}: key `{}`: {}",
                self.file.display(),
                self.key,
                self.message
            )
        }
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// Reads `path`, applies `SUOJA_*` overrides from `env`, validates the result.
    pub fn load(
        path: &Path,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            file: path.to_owned(),
            key: String::new(),
            message: e.to_string(),
        })?;
        Config::parse(path, &text, env)
    }

    /// The config in `text` (read from `path`, which errors name), with
    /// `SUOJA_*` overrides from `env` applied, validated. Recipients files
    /// it names are read.
    pub fn parse(
        path: &Path,
        text: &str,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Config, ConfigError> {
        let err = |key: &str, message: String| ConfigError {
            file: path.to_owned(),
            key: key.to_owned(),
            message,
        };
        let mut value: toml::Table = toml::from_str(text).map_err(|e| err("", e.to_string()))?;
        apply_env_overrides(&mut value, env).map_err(|(key, msg)| err(&key, msg))?;
        let raw: RawConfig = value
            .try_into()
            .map_err(|e: toml::de::Error| err("", e.to_string()))?;
        raw.validate().map_err(|(key, msg)| err(&key, msg))
    }
}

/// `SUOJA_LIMITS__LOOKUPS_PER_MINUTE=5` sets `limits.lookups_per_minute = 5`.
/// A value that parses as TOML (a number, a boolean) is taken as such, any
/// other as a string; a secret (`SECRET_KEYS`) is always a string.
/// `SUOJA_LOG` and `SUOJA_CONFIG` are not config keys, nor is `SUOJA_TEST_*`
/// (the test harness's choice of database, which the binaries under test
/// inherit).
fn apply_env_overrides(
    table: &mut toml::Table,
    env: impl IntoIterator<Item = (String, String)>,
) -> Result<(), (String, String)> {
    for (name, raw) in env {
        let Some(rest) = name.strip_prefix("SUOJA_") else {
            continue;
        };
        if matches!(rest, "LOG" | "CONFIG") || rest.starts_with("TEST_") {
            continue;
        }
        let path: Vec<String> = rest.split("__").map(str::to_lowercase).collect();
        // A secret stays the text it was given: `1234` must not become a
        // number, nor be quoted back in an error about a number.
        let secret = path
            .last()
            .is_some_and(|k| SECRET_KEYS.contains(&k.as_str()));
        let value = (!secret)
            .then(|| toml::from_str::<toml::Table>(&format!("v = {raw}")).ok())
            .flatten()
            .and_then(|mut t| t.remove("v"))
            .unwrap_or(toml::Value::String(raw));
        let mut node = &mut *table;
        let (last, parents) = path.split_last().ok_or((name.clone(), "empty".into()))?;
        for part in parents {
            let entry = node
                .entry(part.clone())
                .or_insert_with(|| toml::Value::Table(toml::Table::new()));
            node = entry
                .as_table_mut()
                .ok_or((path.join("."), format!("{name} sets a key inside a value")))?;
        }
        node.insert(last.clone(), value);
    }
    Ok(())
}

/// Keys whose environment value is always taken as a string.
const SECRET_KEYS: &[&str] = &["password"];

type KeyError = (String, String);

impl RawConfig {
    fn validate(self) -> Result<Config, KeyError> {
        let listen = self.listen.parse().map_err(|_| {
            (
                "listen".to_owned(),
                "expected an address like 127.0.0.1:8080".to_owned(),
            )
        })?;
        if !(self.database_url.starts_with("sqlite:") || self.database_url.starts_with("postgres"))
        {
            return Err((
                "database_url".into(),
                "expected sqlite://PATH or postgres://…".into(),
            ));
        }
        let recovery_recipient = self
            .recovery_recipient
            .as_deref()
            .map(|r| parse_recipient(r).map_err(|m| ("recovery_recipient".to_owned(), m)))
            .transpose()?;
        if !self.quick_exit_url.starts_with("https://") {
            return Err((
                "quick_exit_url".into(),
                "expected an https:// address".into(),
            ));
        }
        let public_url = match self.public_url {
            Some(url) => url.trim_end_matches('/').to_owned(),
            None => format!("http://{listen}"),
        };
        if !(public_url.starts_with("https://") || public_url.starts_with("http://")) {
            return Err((
                "public_url".into(),
                "expected an https:// (or, for local use, http://) address".into(),
            ));
        }
        let onion_location = self
            .onion_location
            .as_deref()
            .map(onion_base)
            .transpose()
            .map_err(|m| ("onion_location".to_owned(), m))?;
        if self.staff.idle_minutes == 0 || self.staff.absolute_hours == 0 {
            return Err(("staff".into(), "session timeouts must be above 0".into()));
        }
        for (key, hours) in [
            ("staff.invite_hours", self.staff.invite_hours),
            ("staff.reset_hours", self.staff.reset_hours),
        ] {
            if !(1..=MAX_LINK_HOURS).contains(&hours) {
                return Err((
                    key.into(),
                    format!("expected 1 to {MAX_LINK_HOURS} (a month)"),
                ));
            }
        }
        if !(1..=MAX_PURGE_INTERVAL).contains(&self.retention.purge_interval_minutes) {
            return Err((
                "retention.purge_interval_minutes".into(),
                format!("expected 1 to {MAX_PURGE_INTERVAL} (a day)"),
            ));
        }
        if !(1..=731).contains(&self.booking.window_days) {
            return Err((
                "booking.window_days".into(),
                "expected 1 to 731 days".into(),
            ));
        }
        if !(0..=240).contains(&self.booking.phone_grace_minutes) {
            return Err((
                "booking.phone_grace_minutes".into(),
                "expected 0 to 240 minutes".into(),
            ));
        }
        for (key, value) in [
            ("header_timeout_seconds", self.limits.header_timeout_seconds),
            ("body_timeout_seconds", self.limits.body_timeout_seconds),
        ] {
            if !(1..=3600).contains(&value) {
                return Err((format!("limits.{key}"), "expected 1 to 3600 seconds".into()));
            }
        }
        if !matches!(self.limits.ipv4_prefix, 24 | 32) {
            return Err(("limits.ipv4_prefix".into(), "expected 24 or 32".into()));
        }
        let mut slugs = HashSet::new();
        let mut services = Vec::with_capacity(self.services.len());
        for (i, raw) in self.services.into_iter().enumerate() {
            let key = |k: &str| format!("services[{i}].{k}");
            if !slugs.insert(raw.slug.clone()) {
                return Err((key("slug"), format!("`{}` is used twice", raw.slug)));
            }
            services.push(raw.validate(&key, recovery_recipient.is_some())?);
        }
        Ok(Config {
            listen,
            database_url: self.database_url,
            pepper_file: self.pepper_file,
            recovery_recipient,
            quick_exit_url: self.quick_exit_url,
            trusted_proxy_header: self.trusted_proxy_header.map(|h| h.to_ascii_lowercase()),
            public_url,
            onion_location,
            form: self.form,
            limits: self.limits,
            staff: self.staff,
            retention: self.retention,
            booking: self.booking,
            services,
            smtp: self.smtp.map(RawSmtp::validate).transpose()?,
        })
    }
}

impl RawService {
    fn validate(
        self,
        key: &dyn Fn(&str) -> String,
        has_recovery: bool,
    ) -> Result<Service, KeyError> {
        if !is_slug(&self.slug) {
            return Err((key("slug"), "use 1–40 of a-z, 0-9 and -".into()));
        }
        for (field, text) in [("name", &self.name), ("description", &self.description)] {
            for (lang, value) in [("fi", &text.fi), ("sv", &text.sv), ("en", &text.en)] {
                if value.trim().is_empty() {
                    return Err((key(&format!("{field}.{lang}")), "must not be empty".into()));
                }
            }
        }
        if self.topics.is_empty() {
            return Err((key("topics"), "list at least one topic".into()));
        }
        let mut topic_ids = HashSet::new();
        for (t, topic) in self.topics.iter().enumerate() {
            if topic.id().is_empty() || !topic_ids.insert(topic.id()) {
                return Err((
                    key(&format!("topics[{t}]")),
                    "empty or repeated topic".into(),
                ));
            }
        }
        let mut recipients = Vec::new();
        for (r, entry) in self.recipients.iter().enumerate() {
            let found = if entry.starts_with("age1") {
                vec![parse_recipient(entry).map_err(|m| (key(&format!("recipients[{r}]")), m))?]
            } else {
                crate::seal::read_recipients_file(Path::new(entry))
                    .map_err(|m| (key(&format!("recipients[{r}]")), m))?
            };
            recipients.extend(found);
        }
        if recipients.is_empty() && !has_recovery {
            return Err((
                key("recipients"),
                "nobody could read this service's requests: give recipients or a recovery_recipient"
                    .into(),
            ));
        }
        let time_zone = jiff::tz::TimeZone::get(&self.time_zone).map_err(|_| {
            (
                key("time_zone"),
                format!("`{}` is not a known IANA time zone", self.time_zone),
            )
        })?;
        let phone = self
            .phone
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty());
        if let Some(p) = &phone
            && !is_phone_number(p)
        {
            return Err((
                key("phone"),
                "expected a phone number: digits, spaces and + - ( )".into(),
            ));
        }
        let retention = retention_rules(self.retention_days, self.closed_retention_days, key)?;
        Ok(Service {
            slug: self.slug,
            name: self.name,
            description: self.description,
            topics: self.topics,
            recipients,
            retention,
            time_zone,
            phone,
            retired: false,
        })
    }
}

/// A service's slug: 1–40 of a-z, 0-9 and -.
pub fn is_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 40
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The longest purge interval, in minutes: a day.
/// The longest an invitation or reset link may work.
const MAX_LINK_HOURS: u64 = 720;

const MAX_PURGE_INTERVAL: u64 = 24 * 60;

/// `retention_days` and `closed_retention_days`: 1 to 3650 days each, a
/// closed case kept no longer than an open one. Without
/// `closed_retention_days`, the default (30), or `retention_days` if shorter.
pub fn retention_rules(
    days: u32,
    closed: Option<u32>,
    key: &dyn Fn(&str) -> String,
) -> Result<Retention, KeyError> {
    let in_range = |name: &str, n: u32| {
        if (1..=MAX_DAYS).contains(&n) {
            Ok(n)
        } else {
            Err((key(name), format!("expected 1 to {MAX_DAYS} days")))
        }
    };
    let days = in_range("retention_days", days)?;
    let closed_days = match closed {
        Some(n) => in_range("closed_retention_days", n)?,
        None => Retention::default().closed_days.min(days),
    };
    if closed_days > days {
        return Err((
            key("closed_retention_days"),
            format!("a closed case cannot be kept longer than retention_days ({days})"),
        ));
    }
    Ok(Retention { days, closed_days })
}

/// An onion service's base address: `http://` (or `https://`), a v3 onion
/// name (56 base32 characters, optionally below a subdomain), `.onion`, an
/// optional port, and no path. Returned without a trailing slash.
fn onion_base(url: &str) -> Result<String, String> {
    let wrong = || {
        "expected the onion service's base address, like http://…56 characters….onion".to_owned()
    };
    let url = url.trim().trim_end_matches('/');
    let rest = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"))
        .ok_or_else(wrong)?;
    let host = match rest.rsplit_once(':') {
        Some((host, port)) if port.parse::<u16>().is_ok() => host,
        Some(_) => return Err(wrong()),
        None => rest,
    };
    let name = host
        .strip_suffix(".onion")
        .map(|n| n.rsplit('.').next().unwrap_or(n))
        .ok_or_else(wrong)?;
    let v3 = name.len() == 56
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || (b'2'..=b'7').contains(&b));
    let plain = host
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-');
    if !v3 || !plain {
        return Err(wrong());
    }
    Ok(url.to_owned())
}

/// 5–20 digits, with spaces, `+`, `-` and parentheses between them.
pub fn is_phone_number(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    (5..=20).contains(&digits)
        && s.len() <= 32
        && s.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c))
}

pub fn parse_recipient(s: &str) -> Result<age::x25519::Recipient, String> {
    crate::seal::parse_recipient(s).ok_or_else(|| "not an age X25519 recipient (age1…)".to_owned())
}

impl Service {
    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id() == id)
    }
}
