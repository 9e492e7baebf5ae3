//! The optional `[smtp]` table: where activity notices are sent from. The
//! password is a secret from the moment it is read: it is never shown by
//! `Debug`, nor quoted back in an error.

use std::fmt;

use lettre::message::Mailbox;
use secrecy::SecretString;
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use super::KeyError;

/// How the connection to the mail server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmtpSecurity {
    /// Plain connection upgraded with STARTTLS; refused if the server cannot.
    #[default]
    Starttls,
    /// TLS from the first byte (SMTPS, usually port 465).
    Tls,
    /// No encryption: only for a relay on the same host or a test server.
    None,
}

/// A validated `[smtp]` table.
#[derive(Debug, Clone)]
pub struct Smtp {
    pub host: String,
    pub port: u16,
    pub security: SmtpSecurity,
    /// User name and password, given together or not at all.
    pub credentials: Option<(String, SecretString)>,
    pub from: Mailbox,
    /// Seconds between two batches of notices: a mail tells about activity
    /// within this window and no more precisely.
    pub batch_seconds: u64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSmtp {
    host: String,
    #[serde(default = "default_port")]
    port: u16,
    #[serde(default)]
    security: SmtpSecurity,
    username: Option<String>,
    password: Option<RawSecret>,
    from: String,
    #[serde(default = "default_batch_seconds")]
    batch_seconds: u64,
}

fn default_port() -> u16 {
    587
}

fn default_batch_seconds() -> u64 {
    300
}

const MAX_BATCH_SECONDS: u64 = 86_400;

impl RawSmtp {
    pub(super) fn validate(self) -> Result<Smtp, KeyError> {
        let key = |k: &str| format!("smtp.{k}");
        if self.host.trim().is_empty() {
            return Err((key("host"), "must not be empty".into()));
        }
        if self.port == 0 {
            return Err((key("port"), "expected a port from 1 to 65535".into()));
        }
        if !(1..=MAX_BATCH_SECONDS).contains(&self.batch_seconds) {
            return Err((
                key("batch_seconds"),
                format!("expected 1 to {MAX_BATCH_SECONDS} (a day)"),
            ));
        }
        let from = self.from.parse::<Mailbox>().map_err(|_| {
            (
                key("from"),
                "expected a mailbox like \"suoja <suoja@example.org>\"".into(),
            )
        })?;
        let credentials = match (self.username, self.password) {
            (Some(user), Some(RawSecret(password))) => Some((user, password)),
            (None, None) => None,
            (Some(_), None) => {
                return Err((key("password"), "a username needs a password".into()));
            }
            (None, Some(_)) => {
                return Err((key("username"), "a password needs a username".into()));
            }
        };
        if credentials.is_some() && self.security == SmtpSecurity::None {
            return Err((
                key("security"),
                "credentials are never sent unencrypted: use starttls or tls".into(),
            ));
        }
        Ok(Smtp {
            host: self.host.trim().to_owned(),
            port: self.port,
            security: self.security,
            credentials,
            from,
            batch_seconds: self.batch_seconds,
        })
    }
}

/// A string read straight into a `SecretString`. Anything else is refused
/// without quoting it (serde's default message would show the value).
struct RawSecret(SecretString);

impl fmt::Debug for RawSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RawSecret([redacted])")
    }
}

impl<'de> Deserialize<'de> for RawSecret {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(SecretVisitor)
    }
}

struct SecretVisitor;

impl SecretVisitor {
    fn refuse<E: de::Error>() -> Result<RawSecret, E> {
        Err(E::custom("expected a quoted string"))
    }
}

impl<'de> Visitor<'de> for SecretVisitor {
    type Value = RawSecret;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<RawSecret, E> {
        Ok(RawSecret(SecretString::from(v)))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<RawSecret, E> {
        Ok(RawSecret(SecretString::from(v)))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<RawSecret, E> {
        Self::refuse()
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<RawSecret, E> {
        Self::refuse()
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<RawSecret, E> {
        Self::refuse()
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<RawSecret, E> {
        Self::refuse()
    }
}
