//! The client's booking form, parsed at the edge. A failed parse names each
//! problem by field; the raw form goes back to the person with it.

use serde::Deserialize;
use zeroize::Zeroize;

use super::store::Target;
use crate::config::{Service, is_phone_number};
use crate::intake::form::{FieldError, NAME_MAX};
use crate::seal::wipe_on_drop;

/// The booking form exactly as posted; every field defaults to empty. No
/// `Debug`, and wiped when dropped, like everything here a client wrote.
#[derive(Default, Clone, Deserialize)]
pub struct RawBooking {
    #[serde(default)]
    pub token: String,
    /// Which of the page's forms was sent: `group` (a group sign-up) or
    /// empty (a time).
    #[serde(default)]
    pub kind: String,
    /// `slot:ID` or `group:ID`.
    #[serde(default)]
    pub choice: String,
    /// `we_call` or `you_call`.
    #[serde(default)]
    pub call: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub topic: String,
}

wipe_on_drop!(RawBooking: token, kind, choice, call, phone, name, topic);

/// Who calls whom at the booked time.
#[derive(Clone, PartialEq, Eq)]
pub enum Call {
    /// The line calls the client at this number.
    WeCall(String),
    /// The client calls the line.
    YouCall,
}

impl Drop for Call {
    fn drop(&mut self) {
        if let Call::WeCall(phone) = self {
            phone.zeroize();
        }
    }
}

impl Call {
    pub fn code(&self) -> &'static str {
        match self {
            Call::WeCall(_) => "we_call",
            Call::YouCall => "you_call",
        }
    }
}

/// A booking request that passed every check.
pub struct BookingRequest {
    pub target: Target,
    /// Who calls whom at a time; none for a group, which meets at its own
    /// times in the way the service describes, so nobody calls anyone.
    pub call: Option<Call>,
    pub name: Option<String>,
    pub topic: Option<String>,
}

wipe_on_drop!(BookingRequest: name, topic);

fn err(field: &'static str, message: &'static str) -> FieldError {
    FieldError { field, message }
}

/// `slot:ID` or `group:ID` with a 32-hex-digit id.
pub fn parse_choice(raw: &str) -> Option<Target> {
    let (kind, id) = raw.trim().split_once(':')?;
    if id.len() != 32 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    match kind {
        "slot" => Some(Target::Slot(id.to_owned())),
        "group" => Some(Target::Group(id.to_owned())),
        _ => None,
    }
}

impl RawBooking {
    /// Whether the group sign-up form was sent (or a group chosen on any).
    pub fn is_group(&self) -> bool {
        self.kind == "group" || matches!(parse_choice(&self.choice), Some(Target::Group(_)))
    }
}

/// Who calls whom, for a time: a phone number is needed only when we call.
fn parse_call(raw: &RawBooking, errors: &mut Vec<FieldError>) -> Option<Call> {
    let phone = raw.phone.trim();
    match raw.call.as_str() {
        "we_call" if is_phone_number(phone) => Some(Call::WeCall(phone.to_owned())),
        "we_call" => {
            errors.push(err("phone", "booking-error-phone"));
            None
        }
        "you_call" if !phone.is_empty() => {
            errors.push(err("phone", "booking-error-phone-unused"));
            None
        }
        "you_call" => Some(Call::YouCall),
        _ => {
            errors.push(err("call", "booking-error-call"));
            None
        }
    }
}

impl BookingRequest {
    /// A time needs who calls whom; a group sign-up needs only the group
    /// (its form asks nothing else: `call` and `phone` are not read, so no
    /// number is ever sealed for a group).
    pub fn parse(raw: &RawBooking, service: &Service) -> Result<BookingRequest, Vec<FieldError>> {
        let mut errors = Vec::new();
        let group = raw.is_group();
        let target = parse_choice(&raw.choice).filter(|t| matches!(t, Target::Group(_)) == group);
        if target.is_none() {
            let message = if group {
                "booking-error-group"
            } else {
                "booking-error-choice"
            };
            errors.push(err("choice", message));
        }
        let call = if group {
            None
        } else {
            parse_call(raw, &mut errors)
        };
        let name: String = raw
            .name
            .chars()
            .filter(|c| !c.is_control())
            .collect::<String>()
            .trim()
            .to_owned();
        if name.chars().count() > NAME_MAX {
            errors.push(err("name", "error-name-long"));
        }
        let topic = raw.topic.trim();
        let topic = match service.topic(topic) {
            Some(t) => Some(t.id().to_owned()),
            None if topic.is_empty() => None,
            None => {
                errors.push(err("topic", "error-topic"));
                None
            }
        };
        match target {
            Some(target) if errors.is_empty() => Ok(BookingRequest {
                target,
                call,
                name: (!name.is_empty()).then_some(name),
                topic,
            }),
            _ => Err(errors),
        }
    }
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

    const ID: &str = "0123456789abcdef0123456789abcdef";

    fn raw(call: &str, phone: &str) -> RawBooking {
        let mut raw = RawBooking::default();
        raw.choice = format!("slot:{ID}");
        raw.call = call.into();
        raw.phone = phone.into();
        raw
    }

    #[test]
    fn we_call_you_needs_a_phone_number_and_you_call_us_needs_none() {
        let s = service();
        let ok = BookingRequest::parse(&raw("we_call", "+358 40 123 4567"), &s).unwrap();
        assert!(ok.call == Some(Call::WeCall("+358 40 123 4567".into())));
        assert_eq!(ok.target, Target::Slot(ID.into()));
        assert!(BookingRequest::parse(&raw("you_call", ""), &s).is_ok());
        let fields = |r: RawBooking| -> Vec<&str> {
            BookingRequest::parse(&r, &s)
                .err()
                .unwrap()
                .iter()
                .map(|e| e.field)
                .collect()
        };
        assert_eq!(fields(raw("we_call", "")), ["phone"]);
        assert_eq!(fields(raw("you_call", "040 123")), ["phone"]);
        assert_eq!(fields(raw("", "")), ["call"]);
    }

    #[test]
    fn a_group_sign_up_needs_no_call_and_seals_no_phone() {
        let s = service();
        let mut group = raw("", "+358 40 123 4567");
        group.choice = format!("group:{ID}");
        let ok = BookingRequest::parse(&group, &s).unwrap();
        assert!(ok.call.is_none());
        assert_eq!(ok.target, Target::Group(ID.into()));
        // The group form sent without a group names the group as missing.
        let mut empty = RawBooking::default();
        empty.kind = "group".into();
        let errors = BookingRequest::parse(&empty, &s).err().unwrap();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].message, "booking-error-group");
    }

    #[test]
    fn a_choice_is_a_slot_or_a_group_with_an_id_we_minted() {
        assert_eq!(
            parse_choice(&format!("group:{ID}")),
            Some(Target::Group(ID.into()))
        );
        for bad in [
            "",
            "slot:",
            "slot:xyz",
            "table:0123456789abcdef0123456789abcdef",
        ] {
            assert_eq!(parse_choice(bad), None, "{bad}");
        }
    }
}
