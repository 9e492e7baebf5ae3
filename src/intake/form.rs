//! What a client sends, parsed into validated types at the edge. A failed
//! parse names each problem by a message id, and the raw form (everything the
//! person typed) goes back to them with it.

use serde::{Deserialize, Serialize};
use zeroize::Zeroize;

use crate::config::Service;
use crate::notify::is_email_address;
use crate::seal::wipe_on_drop;

pub const MESSAGE_MAX: usize = 10_000;
pub const NAME_MAX: usize = 100;
pub const DETAIL_MAX: usize = 254;

/// The contact form exactly as posted; every field defaults to empty so a
/// tampered or partial form still comes back to the person who sent it.
/// No `Debug`, and wiped when dropped, as every type here that holds what
/// a client wrote. (Each field has its own serde default: a type that is
/// wiped on drop cannot be taken apart from a whole default.)
#[derive(Default, Clone, Deserialize)]
pub struct RawContact {
    #[serde(default)]
    pub token: String,
    #[serde(default)]
    pub topic: String,
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub way: String,
    #[serde(default)]
    pub detail: String,
}

wipe_on_drop!(RawContact: token, topic, message, name, way, detail);

/// How the client would like to be contacted.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "way", content = "detail", rename_all = "snake_case")]
pub enum ContactWay {
    None,
    ReplyHere,
    Phone(String),
    Email(String),
}

impl Drop for ContactWay {
    fn drop(&mut self) {
        if let ContactWay::Phone(detail) | ContactWay::Email(detail) = self {
            detail.zeroize();
        }
    }
}

/// A contact request that passed every check.
pub struct ContactRequest {
    pub topic: String,
    pub message: String,
    pub name: Option<String>,
    pub way: ContactWay,
}

wipe_on_drop!(ContactRequest: topic, message, name);

/// A problem with one field: the field's id and the message id to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: &'static str,
}

fn err(field: &'static str, message: &'static str) -> FieldError {
    FieldError { field, message }
}

/// The text of a message in a thread (a client's follow-up, a counsellor's
/// reply or note): not empty, at most [`MESSAGE_MAX`] characters.
pub fn message_text(raw: &str) -> Result<String, &'static str> {
    let message = normalize(raw);
    if message.trim().is_empty() {
        Err("error-message-empty")
    } else if message.chars().count() > MESSAGE_MAX {
        Err("error-message-long")
    } else {
        Ok(message)
    }
}

impl ContactRequest {
    pub fn parse(raw: &RawContact, service: &Service) -> Result<ContactRequest, Vec<FieldError>> {
        let mut errors = Vec::new();
        let topic = match service.topic(raw.topic.trim()) {
            Some(t) => t.id().to_owned(),
            None => {
                errors.push(err("topic", "error-topic"));
                String::new()
            }
        };
        let message = normalize(&raw.message);
        if message.trim().is_empty() {
            errors.push(err("message", "error-message-empty"));
        } else if message.chars().count() > MESSAGE_MAX {
            errors.push(err("message", "error-message-long"));
        }
        let name = normalize(&raw.name).trim().to_owned();
        if name.chars().count() > NAME_MAX || name.contains('\n') {
            errors.push(err("name", "error-name-long"));
        }
        let detail = raw.detail.trim();
        let way = match raw.way.as_str() {
            "" | "none" | "reply_here" if !detail.is_empty() => {
                errors.push(err("detail", "error-detail-unused"));
                ContactWay::None
            }
            "" | "none" => ContactWay::None,
            "reply_here" => ContactWay::ReplyHere,
            "phone" if is_phone(detail) => ContactWay::Phone(detail.to_owned()),
            "email" if is_email_address(detail) => ContactWay::Email(detail.to_owned()),
            "phone" => {
                errors.push(err("detail", "error-phone"));
                ContactWay::None
            }
            "email" => {
                errors.push(err("detail", "error-email"));
                ContactWay::None
            }
            _ => {
                errors.push(err("way", "error-way"));
                ContactWay::None
            }
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ContactRequest {
            topic,
            message,
            name: (!name.is_empty()).then_some(name),
            way,
        })
    }
}

/// Line breaks as `\n`, and no control characters but line breaks and tabs.
/// A name given where a form has no room for an error (one click): on one
/// line, cut to the longest a name may be; `None` when empty.
pub(crate) fn optional_name(raw: &str) -> Option<String> {
    let name: String = normalize(raw)
        .replace('\n', " ")
        .trim()
        .chars()
        .take(NAME_MAX)
        .collect();
    (!name.is_empty()).then_some(name)
}

fn normalize(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect()
}

fn is_phone(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    (5..=20).contains(&digits)
        && s.len() <= 32
        && s.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Localized, Topic};

    fn service() -> Service {
        let l = || Localized {
            fi: "x".into(),
            sv: "x".into(),
            en: "x".into(),
        };
        Service {
            slug: "s".into(),
            name: l(),
            description: l(),
            topics: vec![Topic::Common("general".into())],
            recipients: vec![],
            retention: crate::retention::Retention::default(),
            time_zone: jiff::tz::TimeZone::UTC,
            phone: None,
            retired: false,
            translations: vec![],
            answers_in: crate::config::DEFAULT_ANSWERS.to_vec(),
            answer_days: None,
            auto_reply: vec![],
        }
    }

    fn raw(message: &str, way: &str, detail: &str) -> RawContact {
        let mut raw = RawContact::default();
        raw.topic = "general".into();
        raw.message = message.into();
        raw.way = way.into();
        raw.detail = detail.into();
        raw
    }

    #[test]
    fn a_plain_message_with_no_contact_way_is_accepted() {
        let req = ContactRequest::parse(&raw("I need to talk\r\nto someone", "", ""), &service())
            .unwrap();
        assert_eq!(req.message, "I need to talk\nto someone");
        assert!(req.way == ContactWay::None);
        assert_eq!(req.name, None);
    }

    #[test]
    fn each_problem_is_named_by_its_field() {
        let mut r = raw("  ", "phone", "call me");
        r.topic = "nope".into();
        r.name = "n".repeat(NAME_MAX + 1);
        let errors = ContactRequest::parse(&r, &service()).err().unwrap();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["topic", "message", "name", "detail"]);
    }

    #[test]
    fn phone_and_email_details_are_checked() {
        let s = service();
        assert!(ContactRequest::parse(&raw("m", "phone", "+358 40 123 4567"), &s).is_ok());
        assert!(ContactRequest::parse(&raw("m", "email", "a@b.fi"), &s).is_ok());
        assert!(ContactRequest::parse(&raw("m", "email", "a@b"), &s).is_err());
        // The one check for every address (notify::address), with its own
        // error on the detail field.
        let errors = ContactRequest::parse(&raw("m", "email", "xss@example.org<script>"), &s)
            .err()
            .unwrap();
        assert_eq!(errors, [err("detail", "error-email")]);
        let req = ContactRequest::parse(&raw("m", "email", " x@müller.de "), &s).unwrap();
        assert!(req.way == ContactWay::Email("x@müller.de".into()));
        assert!(ContactRequest::parse(&raw("m", "none", "a@b.fi"), &s).is_err());
        assert!(ContactRequest::parse(&raw("m", "carrier-pigeon", ""), &s).is_err());
        let long = "x".repeat(MESSAGE_MAX + 1);
        assert!(ContactRequest::parse(&raw(&long, "", ""), &s).is_err());
    }
}
