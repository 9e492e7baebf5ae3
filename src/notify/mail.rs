//! One activity notice: the SMTP transport, the subject, the trilingual
//! plain-text body, and a Date header on the hour. Nothing about a case, a
//! client or the time of a request goes into a mail.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::{self, AsyncSmtpTransport};
use lettre::{Message, Tokio1Executor};
use secrecy::ExposeSecret;

use crate::config::{Localized, Smtp, SmtpSecurity};
use crate::i18n::{Lang, Tr};

pub type Transport = AsyncSmtpTransport<Tokio1Executor>;

/// The longest wait for one SMTP command (connect, greeting, each reply).
const COMMAND_TIMEOUT: Duration = Duration::from_secs(15);

/// A pooled transport to the configured server. STARTTLS and TLS verify the
/// server's certificate for `host`; `none` is plain text.
pub fn transport(smtp: &Smtp) -> Result<Transport, smtp::Error> {
    let builder = match smtp.security {
        SmtpSecurity::Starttls => Transport::starttls_relay(&smtp.host)?,
        SmtpSecurity::Tls => Transport::relay(&smtp.host)?,
        SmtpSecurity::None => Transport::builder_dangerous(&smtp.host),
    };
    let builder = builder.port(smtp.port).timeout(Some(COMMAND_TIMEOUT));
    let builder = match &smtp.credentials {
        // lettre keeps the password as a plain string from here on.
        Some((user, password)) => builder.credentials(Credentials::new(
            user.clone(),
            password.expose_secret().to_owned(),
        )),
        None => builder,
    };
    Ok(builder.build())
}

/// The message ids of one kind of notice: subject, intro, outro.
pub type Texts = [&'static str; 3];

/// An activity notice's texts.
pub const ACTIVITY: Texts = ["notify-subject", "notify-intro", "notify-outro"];

/// The notice to `to` that `services` (their names) have new activity.
pub fn compose(
    from: &Mailbox,
    to: Mailbox,
    services: &[&Localized],
    now: SystemTime,
) -> Result<Message, lettre::error::Error> {
    compose_with(ACTIVITY, from, to, services, now)
}

/// A notice of the kind `texts` to `to`, naming `services`.
pub fn compose_with(
    texts: Texts,
    from: &Mailbox,
    to: Mailbox,
    services: &[&Localized],
    now: SystemTime,
) -> Result<Message, lettre::error::Error> {
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(subject_of(texts[0]))
        .date(on_the_hour(now))
        .header(ContentType::TEXT_PLAIN)
        .body(body_of(texts, services))
}

/// `suoja: uutta toimintaa · ny aktivitet · new activity`.
#[cfg(test)]
pub fn subject() -> String {
    subject_of(ACTIVITY[0])
}

fn subject_of(id: &str) -> String {
    let parts: Vec<String> = Lang::STAFF
        .iter()
        .map(|&lang| Tr::new(lang).t(id))
        .collect();
    format!("suoja: {}", parts.join(" · "))
}

/// One paragraph per language, Finnish first, each listing the services'
/// names in that language.
#[cfg(test)]
pub fn body(services: &[&Localized]) -> String {
    body_of(ACTIVITY, services)
}

fn body_of([_, intro, outro]: Texts, services: &[&Localized]) -> String {
    let paragraphs: Vec<String> = Lang::STAFF
        .iter()
        .map(|&lang| {
            let tr = Tr::new(lang);
            let mut text = tr.t(intro);
            text.push('\n');
            for name in services {
                text.push_str("- ");
                text.push_str(name.get(lang).trim());
                text.push('\n');
            }
            text.push_str(&tr.t(outro));
            text.push('\n');
            text
        })
        .collect();
    paragraphs.join("\n")
}

/// `t` rounded down to the start of its hour (UTC), so a mail's own Date
/// header tells no more than the hour it was sent in.
pub fn on_the_hour(t: SystemTime) -> SystemTime {
    let secs = t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    UNIX_EPOCH + Duration::from_secs(secs - secs % 3600)
}

/// What kind of failure an SMTP error is. The error's own text may quote the
/// server's reply, and a reply may quote an address: only this is logged.
pub fn error_kind(e: &smtp::Error) -> &'static str {
    if e.is_timeout() {
        "timeout"
    } else if e.is_tls() {
        "tls"
    } else if e.is_permanent() {
        "permanent"
    } else if e.is_transient() {
        "transient"
    } else if e.is_response() {
        "response"
    } else if e.is_client() {
        "client"
    } else {
        "connection"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Vec<Localized> {
        ["Tukilinja/Stödlinjen/Support line", "Ryhmä/Grupp/Group"]
            .iter()
            .map(|s| {
                let p: Vec<&str> = s.split('/').collect();
                Localized {
                    fi: p[0].into(),
                    sv: p[1].into(),
                    en: p[2].into(),
                }
            })
            .collect()
    }

    #[test]
    fn the_subject_is_trilingual_finnish_first() {
        assert_eq!(
            subject(),
            "suoja: uutta toimintaa · ny aktivitet · new activity"
        );
    }

    #[test]
    fn the_body_lists_every_service_in_each_language_finnish_first() {
        let names = names();
        let refs: Vec<&Localized> = names.iter().collect();
        let text = body(&refs);
        let fi = text.find("- Tukilinja").unwrap();
        let sv = text.find("- Stödlinjen").unwrap();
        let en = text.find("- Support line").unwrap();
        assert!(fi < sv && sv < en, "{text}");
        for name in ["- Ryhmä\n", "- Grupp\n", "- Group\n"] {
            assert!(text.contains(name), "{text}");
        }
        assert!(!text.contains("notify-"), "every message id has a text");
        assert!(
            !text.chars().any(|c| c.is_ascii_digit()),
            "no count, no time"
        );
    }

    #[test]
    fn the_date_is_rounded_down_to_the_hour() {
        let t = UNIX_EPOCH + Duration::from_secs(1_700_002_799);
        let hour = on_the_hour(t).duration_since(UNIX_EPOCH).unwrap();
        assert_eq!(hour.as_secs(), 1_699_999_200);
        assert_eq!(hour.as_secs() % 3600, 0);
    }

    #[test]
    fn a_mail_has_one_recipient_a_plain_text_body_and_a_date_on_the_hour() {
        let names = names();
        let from: Mailbox = "suoja <suoja@example.org>".parse().unwrap();
        let to: Mailbox = "counsellor@example.org".parse().unwrap();
        let now = UNIX_EPOCH + Duration::from_secs(1_700_002_799);
        let mail = compose(&from, to, &[&names[0]], now).unwrap();
        assert_eq!(mail.envelope().to().len(), 1);
        let text = String::from_utf8(mail.formatted()).unwrap();
        assert!(
            text.contains("Date: Tue, 14 Nov 2023 22:00:00 +0000"),
            "{text}"
        );
        assert!(
            text.contains("Content-Type: text/plain; charset=utf-8"),
            "{text}"
        );
    }

    #[test]
    fn every_language_has_the_notice_texts() {
        for lang in Lang::STAFF {
            let tr = Tr::new(lang);
            for id in ["notify-subject", "notify-intro", "notify-outro"] {
                assert!(tr.has(id), "{} lacks {id}", lang.code());
            }
        }
    }
}
