//! The sealed document of one message: versioned JSON. Exact times, names,
//! contact details and topics live only in here.

use serde::{Deserialize, Serialize};

use super::form::{ContactRequest, ContactWay};
use crate::config::Service;
use crate::i18n::Lang;
use crate::seal::wipe_on_drop;

/// Still 1 with the sender MAC: it is an optional field, and no version
/// could vouch for a document anyway (a forger writes any version).
pub const VERSION: u32 = 1;

/// No `Debug`, and wiped when dropped: it is what a client (or a
/// counsellor, to a client) wrote.
#[derive(Serialize, Deserialize)]
pub struct MessageDoc {
    pub v: u32,
    /// The case this message belongs to: a sealed item moved to another case
    /// in the database is detected when opened.
    pub case: String,
    pub service: String,
    /// RFC 3339, UTC, to the second.
    pub written_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<ContactWay>,
    /// The name of the counsellor who wrote a reply or note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff: Option<String>,
    /// For a booking case: what was booked, for when, and how to call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub booking: Option<BookingDoc>,
    /// For a booking case: the seat this message gives the case (its first
    /// message, and the line a move adds). The `seats` table names no case;
    /// this is the only link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seat: Option<String>,
    /// The language of the page the client wrote from (`ar`, `fi-selko`);
    /// for a phone call, the caller's language as the counsellor noted it.
    /// Sealed like the rest: it says something about who wrote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// A phone call whose caller needs an interpreter (into `lang`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub interpreter: bool,
    /// Client feedback (`crate::feedback`): how helpful the help was, 1 to
    /// 5, and `text` the optional comment. Sealed like the rest; the
    /// statistics count the rating apart, linked to no case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<u8>,
    /// The line a hand-over adds: the case was passed from one service to
    /// another (`text` holds the sending counsellor's words to the client).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handed: Option<Handed>,
    pub text: String,
    /// The service's MAC (hex) on what it wrote into the thread: checked
    /// when a reply or note is opened, see [`crate::seal::sender`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mac: Option<String>,
}

/// Where a case was handed from and to (service slugs).
#[derive(Serialize, Deserialize)]
pub struct Handed {
    pub from: String,
    pub to: String,
}

/// The sealed part of a booking: the exact time lives only in here.
#[derive(Serialize, Deserialize)]
pub struct BookingDoc {
    /// `we_call` (the client gave a phone number) or `you_call`.
    pub call: String,
    /// RFC 3339, UTC.
    pub starts_at: String,
    pub ends_at: String,
    /// The IANA zone the time was shown to the client in.
    pub time_zone: String,
    /// The group, when a series was booked as a whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

wipe_on_drop!(MessageDoc: written_at, topic, name, staff, seat, lang, text);
wipe_on_drop!(BookingDoc: call, starts_at, ends_at, time_zone, group);

impl crate::seal::Attested for MessageDoc {
    fn mac_slot(&mut self) -> &mut Option<String> {
        &mut self.mac
    }
}

impl crate::seal::CaseDoc for MessageDoc {
    fn case_id(&self) -> &str {
        &self.case
    }
}

fn now_text() -> String {
    jiff::Timestamp::now()
        .round(jiff::Unit::Second)
        .unwrap_or_default()
        .to_string()
}

impl MessageDoc {
    pub fn client_request(
        case: &str,
        service: &Service,
        mut request: ContactRequest,
    ) -> MessageDoc {
        MessageDoc {
            v: VERSION,
            case: case.to_owned(),
            service: service.slug.clone(),
            written_at: now_text(),
            topic: Some(std::mem::take(&mut request.topic)),
            name: request.name.take(),
            contact: Some(std::mem::replace(&mut request.way, ContactWay::None)),
            staff: None,
            booking: None,
            seat: None,
            lang: None,
            interpreter: false,
            feedback: None,
            handed: None,
            text: std::mem::take(&mut request.message),
            mac: None,
        }
    }

    /// The same, noting the language of the page it was sent from.
    pub fn written_from(mut self, lang: Lang) -> MessageDoc {
        self.lang = Some(lang.code().to_owned());
        self
    }

    /// The page language it was written from, if noted and still known.
    pub fn written_in(&self) -> Option<Lang> {
        self.lang.as_deref().and_then(Lang::from_code)
    }

    /// The first message of a chat's case: that it is a chat, and the name
    /// the client gave, if any. What they say follows as messages.
    pub fn chat_start(case: &str, service: &str, name: Option<String>) -> MessageDoc {
        let mut doc = MessageDoc::follow_up(case, service, None, String::new());
        doc.topic = Some("chat".to_owned());
        doc.name = name;
        doc
    }

    /// The line a hand-over adds to the thread, from `from` to `to`, with
    /// the sending counsellor's words to the client (may be empty). No
    /// counsellor's name: the receiving service is told the service only.
    pub fn handed_over(case: &str, from: &str, to: &str, text: String) -> MessageDoc {
        let mut doc = MessageDoc::follow_up(case, to, None, text);
        doc.handed = Some(Handed {
            from: from.to_owned(),
            to: to.to_owned(),
        });
        doc
    }

    /// A later message in a thread: the client's, or a counsellor's reply or
    /// note when `staff` names who wrote it.
    pub fn follow_up(case: &str, service: &str, staff: Option<String>, text: String) -> MessageDoc {
        MessageDoc {
            v: VERSION,
            case: case.to_owned(),
            service: service.to_owned(),
            written_at: now_text(),
            topic: None,
            name: None,
            contact: None,
            staff,
            booking: None,
            seat: None,
            lang: None,
            interpreter: false,
            feedback: None,
            handed: None,
            text,
            mac: None,
        }
    }
}
