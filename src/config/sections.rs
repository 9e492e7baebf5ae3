//! The config's sections with their defaults: staff sessions, retention,
//! booking, forms and rate limits, and the range each value must be in.

use serde::Deserialize;

use super::KeyError;

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

/// Live chat.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ChatConfig {
    /// A client with no sign of life this long is shown as gone (a
    /// connected page signs every 20 s; a page without script, at each
    /// button).
    pub gone_after_seconds: u64,
    /// A client gone this long has their chat ended.
    pub end_after_minutes: u64,
}

impl Default for ChatConfig {
    fn default() -> Self {
        ChatConfig {
            gone_after_seconds: 180,
            end_after_minutes: 30,
        }
    }
}

impl ChatConfig {
    pub(super) fn check(&self) -> Result<(), KeyError> {
        if !(30..=3600).contains(&self.gone_after_seconds) {
            return Err((
                "chat.gone_after_seconds".into(),
                "expected 30 to 3600".into(),
            ));
        }
        if !(1..=24 * 60).contains(&self.end_after_minutes)
            || self.end_after_minutes * 60 < self.gone_after_seconds
        {
            return Err((
                "chat.end_after_minutes".into(),
                "expected 1 to 1440, and no shorter than gone_after_seconds".into(),
            ));
        }
        Ok(())
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
    /// Staff login attempts for one user name from one client network.
    pub logins_per_account_per_network_per_hour: u32,
    /// Once a name's cap is spent: attempts for it from networks that have
    /// tried it at most 3 times in the hour (its owner's, not a guesser's).
    pub logins_per_account_from_fresh_networks_per_hour: u32,
    /// Staff login attempts in all, from everywhere: bounds argon2 work.
    pub logins_per_minute: u32,
    /// Messages one case's thread may hold (client messages, replies and
    /// notes together); beyond it nothing more is added.
    pub messages_per_case: u32,
    /// Lines one chat's client may send in a minute.
    pub chat_messages_per_minute: u32,
    /// Chat lines from one client network in a minute, all chats together.
    pub chat_messages_per_client_per_minute: u32,
    /// A request's head must arrive within this many seconds (slowloris).
    pub header_timeout_seconds: u64,
    /// A request's body must arrive within this many seconds of its head.
    pub body_timeout_seconds: u64,
    /// `redis://HOST:PORT` of a Redis that keeps nothing on disk, shared by
    /// all instances so their limits add up to one quota; none: each
    /// instance limits on its own.
    pub shared_store: Option<String>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            submissions_per_client_per_hour: 20,
            submissions_per_service_per_minute: 120,
            lookups_per_client_per_hour: 60,
            lookups_per_minute: 600,
            ipv4_prefix: 24,
            max_body_bytes: 128 * 1024,
            logins_per_client_per_hour: 60,
            logins_per_account_per_hour: 15,
            logins_per_account_per_network_per_hour: 10,
            logins_per_account_from_fresh_networks_per_hour: 5,
            logins_per_minute: 120,
            messages_per_case: 300,
            chat_messages_per_minute: 30,
            chat_messages_per_client_per_minute: 120,
            header_timeout_seconds: 10,
            body_timeout_seconds: 30,
            shared_store: None,
        }
    }
}

/// The longest an invitation or reset link may work.
const MAX_LINK_HOURS: u64 = 720;

/// The longest purge interval, in minutes: a day.
const MAX_PURGE_INTERVAL: u64 = 24 * 60;

/// The ranges of the sections' values.
pub(super) fn check(
    staff: &StaffConfig,
    retention: &RetentionConfig,
    booking: &BookingConfig,
    limits: &Limits,
) -> Result<(), KeyError> {
    if staff.idle_minutes == 0 || staff.absolute_hours == 0 {
        return Err(("staff".into(), "session timeouts must be above 0".into()));
    }
    for (key, hours) in [
        ("staff.invite_hours", staff.invite_hours),
        ("staff.reset_hours", staff.reset_hours),
    ] {
        if !(1..=MAX_LINK_HOURS).contains(&hours) {
            return Err((
                key.into(),
                format!("expected 1 to {MAX_LINK_HOURS} (a month)"),
            ));
        }
    }
    if !(1..=MAX_PURGE_INTERVAL).contains(&retention.purge_interval_minutes) {
        return Err((
            "retention.purge_interval_minutes".into(),
            format!("expected 1 to {MAX_PURGE_INTERVAL} (a day)"),
        ));
    }
    if !(1..=731).contains(&booking.window_days) {
        return Err((
            "booking.window_days".into(),
            "expected 1 to 731 days".into(),
        ));
    }
    if !(0..=240).contains(&booking.phone_grace_minutes) {
        return Err((
            "booking.phone_grace_minutes".into(),
            "expected 0 to 240 minutes".into(),
        ));
    }
    for (key, value) in [
        ("header_timeout_seconds", limits.header_timeout_seconds),
        ("body_timeout_seconds", limits.body_timeout_seconds),
    ] {
        if !(1..=3600).contains(&value) {
            return Err((format!("limits.{key}"), "expected 1 to 3600 seconds".into()));
        }
    }
    if !matches!(limits.ipv4_prefix, 24 | 32) {
        return Err(("limits.ipv4_prefix".into(), "expected 24 or 32".into()));
    }
    if let Some(url) = &limits.shared_store
        && crate::abuse::parse_store_url(url).is_none()
    {
        return Err((
            "limits.shared_store".into(),
            "expected redis://HOST:PORT (no password, no TLS)".into(),
        ));
    }
    Ok(())
}
