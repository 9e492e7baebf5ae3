//! One typed configuration: a TOML file plus `SUOJA_*` environment overrides,
//! parsed and validated once at start. Every error names the file and the key.
//!
//! Relative paths (recipients files, the pepper file, a SQLite database) are
//! resolved against the working directory, as `sqlx` does for database URLs.

use std::collections::HashSet;
use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;

mod accessibility;
mod env;
mod sections;
mod service;
mod smtp;

pub use accessibility::{AccessibilityConfig, PART_MAX, PARTS, PartTexts, check_part, parse_day};
use env::apply_env_overrides;
pub use sections::{BookingConfig, ChatConfig, FormConfig, Limits, RetentionConfig, StaffConfig};
use service::RawService;
pub use service::{
    AUTO_REPLY_CHARS, DEFAULT_ANSWERS, Localized, MAX_ANSWER_DAYS, Service, Topic, Translation,
    auto_reply_fits, is_phone_number, is_slug, retention_rules,
};
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
    /// How often the services and the counsellors' keys are re-read from
    /// the database (an edit made on another instance or from the command
    /// line takes effect within this).
    pub reload_seconds: u64,
    pub form: FormConfig,
    pub limits: Limits,
    pub staff: StaffConfig,
    pub retention: RetentionConfig,
    pub booking: BookingConfig,
    pub chat: ChatConfig,
    /// The organisation's parts of the accessibility statement: they seed
    /// the database (see `crate::accessibility`).
    pub accessibility: AccessibilityConfig,
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
    #[serde(default = "default_reload_seconds")]
    reload_seconds: u64,
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
    chat: ChatConfig,
    #[serde(default)]
    accessibility: AccessibilityConfig,
    #[serde(default)]
    services: Vec<RawService>,
    smtp: Option<RawSmtp>,
}

fn default_pepper_file() -> PathBuf {
    PathBuf::from("data/pepper")
}

fn default_reload_seconds() -> u64 {
    5
}

fn default_quick_exit() -> String {
    "https://yle.fi/".to_owned()
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
        // The quick exit's redirect names it in a `Location` header.
        let url = &self.quick_exit_url;
        if !url.starts_with("https://") || !url.bytes().all(|b| b.is_ascii_graphic()) {
            return Err((
                "quick_exit_url".into(),
                "expected an https:// address with no spaces, written in ASCII \
                 (punycode or percent-encode other characters)"
                    .into(),
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
        if !(1..=300).contains(&self.reload_seconds) {
            return Err(("reload_seconds".into(), "expected 1 to 300 seconds".into()));
        }
        sections::check(&self.staff, &self.retention, &self.booking, &self.limits)?;
        self.chat.check()?;
        self.accessibility.check()?;
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
            reload_seconds: self.reload_seconds,
            form: self.form,
            limits: self.limits,
            staff: self.staff,
            retention: self.retention,
            booking: self.booking,
            chat: self.chat,
            accessibility: self.accessibility,
            services,
            smtp: self.smtp.map(RawSmtp::validate).transpose()?,
        })
    }
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

pub fn parse_recipient(s: &str) -> Result<age::x25519::Recipient, String> {
    crate::seal::parse_recipient(s).ok_or_else(|| "not an age X25519 recipient (age1…)".to_owned())
}
