//! The one-time link mails: an invitation or a password reset. A mail holds
//! the link and when it stops working, under a fixed trilingual text; never
//! who sent it, the role, the services, the organisation or any name.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::{AsyncTransport, Message};

use super::mail;
use crate::config::Smtp;
use crate::i18n::{Lang, Tr};

/// What a link is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    Invite,
    Reset,
}

impl LinkKind {
    fn prefix(self) -> &'static str {
        match self {
            LinkKind::Invite => "link-invite",
            LinkKind::Reset => "link-reset",
        }
    }
}

/// Why a link mail was not sent. Neither carries the server's reply, which
/// may quote the address.
#[derive(Debug, thiserror::Error)]
pub enum LinkMailError {
    #[error("the address is not a valid mailbox")]
    Address,
    #[error("the mail could not be composed")]
    Compose,
    #[error("the SMTP server refused or failed ({0})")]
    Smtp(&'static str),
}

/// `2026-11-26 17:00 UTC`: when a link stops working, to the hour (the
/// hour it falls in: never later than the link really works). Not to the
/// day: a 24-hour reset link said to work "until 2026-11-26" would stop
/// in the middle of that day. Not to the minute: the minute an invitation
/// expires is the minute it was sent, which the mail's `Date` (rounded to
/// the hour) does not tell either.
pub fn expiry_text(expires_at: i64) -> String {
    jiff::Timestamp::from_second(expires_at - expires_at.rem_euclid(3600))
        .map(|t| t.strftime("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_default()
}

/// The mail to `to` with `url`, which works until `expires_at`.
pub fn compose(
    from: &Mailbox,
    to: Mailbox,
    kind: LinkKind,
    url: &str,
    expires_at: i64,
    now: SystemTime,
) -> Result<Message, lettre::error::Error> {
    let subjects: Vec<String> = Lang::STAFF
        .iter()
        .map(|&lang| Tr::new(lang).t(&format!("{}-subject", kind.prefix())))
        .collect();
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(format!("suoja: {}", subjects.join(" · ")))
        .date(mail::on_the_hour(now))
        .header(ContentType::TEXT_PLAIN)
        .body(body(kind, url, expires_at))
}

/// The link alone on its line, then one sentence per language (Finnish
/// first) that says what it is and until when it works.
pub fn body(kind: LinkKind, url: &str, expires_at: i64) -> String {
    let until = expiry_text(expires_at);
    let mut text = String::new();
    for lang in Lang::STAFF {
        text.push_str(&Tr::new(lang).ta(&format!("{}-body", kind.prefix()), &[("until", &until)]));
        text.push('\n');
    }
    format!("{url}\n\n{text}")
}

/// Sends one link mail through the configured server, on a connection of
/// its own, and waits for the server to accept it.
pub async fn send(
    smtp: &Smtp,
    to: &str,
    kind: LinkKind,
    url: &str,
    expires_at: i64,
) -> Result<(), LinkMailError> {
    let to: Mailbox = to.trim().parse().map_err(|_| LinkMailError::Address)?;
    let now = SystemTime::now();
    let message =
        compose(&smtp.from, to, kind, url, expires_at, now).map_err(|_| LinkMailError::Compose)?;
    let transport = mail::transport(smtp).map_err(|e| LinkMailError::Smtp(mail::error_kind(&e)))?;
    let sent = transport.send(message).await;
    transport.shutdown().await;
    sent.map(|_| ())
        .map_err(|e| LinkMailError::Smtp(mail::error_kind(&e)))
}

/// Unix seconds `hours` from now, rounded down to the hour: the stored
/// expiry dates the sending no finer than the mail says, and the link
/// works until exactly the time the mail gives (between `hours - 1` and
/// `hours` hours).
pub fn hours_from_now(hours: u64) -> i64 {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or(Duration::ZERO)
        .as_secs();
    let until = now + hours * 3600;
    (until - until % 3600) as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_mail_holds_the_link_and_the_expiry_and_nothing_else() {
        let url = "https://suoja.example/fi/staff/invite?token=abc";
        let text = body(LinkKind::Invite, url, 1_800_000_000);
        assert!(text.starts_with(&format!("{url}\n\n")), "{text}");
        assert_eq!(text.matches("2027-01-15 08:00 UTC").count(), 3, "{text}");
        assert!(!text.contains("link-"), "every message id has a text");
        let reset = body(LinkKind::Reset, url, 1_800_000_000);
        assert_ne!(reset, text);
    }

    #[test]
    fn a_link_expiry_is_given_and_stored_to_the_hour() {
        let text = body(LinkKind::Reset, "u", 1_800_000_000 + 59 * 60 + 59);
        assert_eq!(text.matches("2027-01-15 08:00 UTC").count(), 3, "{text}");
        assert_eq!(hours_from_now(24) % 3600, 0);
        let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap();
        let left = hours_from_now(24) - now.as_secs() as i64;
        assert!((23 * 3600..=24 * 3600).contains(&left), "{left}");
    }

    #[test]
    fn every_language_has_the_link_texts() {
        for lang in Lang::STAFF {
            let tr = Tr::new(lang);
            for id in [
                "link-invite-subject",
                "link-invite-body",
                "link-reset-subject",
                "link-reset-body",
            ] {
                let text = tr.ta(id, &[("until", "2027-01-15 08:00 UTC")]);
                assert!(!text.starts_with("link-"), "{} lacks {id}", lang.code());
            }
        }
    }
}
