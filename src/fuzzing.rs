//! Entry points for the fuzz targets in `fuzz/` (not an API): each takes
//! untrusted bytes the way the server does and returns what came of them,
//! for the target to check. Built only with the `fuzzing` feature, which
//! fuzz/Cargo.toml turns on, so no release build has it; nothing else calls
//! it.

use std::future::Future;
use std::path::Path;
use std::task::{Context, Poll, Waker};

use askama::Template;
use axum::body::Body;
use axum::extract::{Form, FromRequest};
use axum::http::{Request, header};
use serde::de::DeserializeOwned;

use crate::booking::form::{BookingRequest, RawBooking};
use crate::config::{Config, Localized, Service, Topic};
use crate::i18n::{Lang, Tr};
use crate::intake::check::RawCheck;
use crate::intake::form::{ContactRequest, ContactWay, RawContact, message_text};
use crate::intake::views::{CheckView, ShownThread, message_for};
use crate::intake::{MessageDoc, views::ShownMessage};
use crate::queue::views::CaseView;
use crate::seal::{self, Receipt, SealError};
use crate::staff::login::RawLogin;
use crate::staff::totp::TotpSecret;
use crate::staff::views::StaffPage;
use crate::web::Page;

pub use crate::booking::store::Target;
pub use crate::intake::form::{MESSAGE_MAX, NAME_MAX};

/// An age identity for the fuzz targets only (public in the source, it
/// guards nothing).
pub const FUZZ_IDENTITY: &str =
    "AGE-SECRET-KEY-1QY9T25AG95ZS7JUZSFVJJE6VQDYQXNYLAQD66P62D45J60ZLXVKS0ZYTND";

/// `body` parsed as axum's `Form` extractor parses a posted form, or `None`
/// where the handler would answer 400.
fn form<T: DeserializeOwned + Send + 'static>(body: &[u8]) -> Option<T> {
    let request = Request::builder()
        .method("POST")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body.to_vec()))
        .ok()?;
    let future = Form::<T>::from_request(request, &());
    let mut future = std::pin::pin!(future);
    // A body held in memory is read on the first poll.
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(Ok(Form(value))) => Some(value),
        Poll::Ready(Err(_)) | Poll::Pending => None,
    }
}

fn localized(text: &str) -> Localized {
    Localized {
        fi: text.to_owned(),
        sv: text.to_owned(),
        en: text.to_owned(),
    }
}

/// A service with a common and a translated topic, as a config gives it.
pub fn service() -> Service {
    Service {
        slug: "helpline".into(),
        name: localized("Helpline"),
        description: localized("Tell us."),
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

/// The contact form: `None` if axum refuses the body, else the parse.
pub fn contact_form(body: &[u8]) -> Option<Result<ContactRequest, usize>> {
    let raw: RawContact = form(body)?;
    Some(ContactRequest::parse(&raw, &service()).map_err(|e| e.len()))
}

/// The booking form, as [`contact_form`].
pub fn booking_form(body: &[u8]) -> Option<Result<BookingRequest, usize>> {
    let raw: RawBooking = form(body)?;
    Some(BookingRequest::parse(&raw, &service()).map_err(|e| e.len()))
}

/// The client's check form: the receipt (shown again as the server would
/// show it) and the written-back message, each parsed.
pub fn check_form(body: &[u8]) -> Option<(Option<String>, Result<String, &'static str>)> {
    let raw: RawCheck = form(body)?;
    let receipt = Receipt::parse(&raw.receipt).map(|r| r.to_string());
    Some((receipt, message_text(&raw.message)))
}

/// The staff login form: the user name looked up and whether the code
/// passes a fixed second-factor secret at a fixed time.
pub fn login_form(body: &[u8]) -> Option<(String, Option<u64>)> {
    let raw: RawLogin = form(body)?;
    let secret = TotpSecret::from_bytes(&[7u8; 20])?;
    Some((raw.username(), secret.verify(raw.code(), 1_700_000_000, 0)))
}

/// A receipt as typed: its canonical form if it parses.
pub fn receipt(text: &str) -> Option<String> {
    Receipt::parse(text).map(|r| r.to_string())
}

/// Opens `sealed` (arbitrary bytes) with the fuzz identity.
pub fn open_sealed(sealed: &[u8]) -> Result<MessageDoc, SealError> {
    let keys = seal::keyfile::parse_identities(FUZZ_IDENTITY).map_err(|_| SealError::Malformed)?;
    let keys: Vec<&dyn age::Identity> = keys.iter().map(|k| k as _).collect();
    seal::open(sealed, &keys)
}

/// Decodes an opened item's plaintext; a document that decodes is padded
/// as sealing pads it and decoded again, and both are returned as JSON.
pub fn payload(plain: &[u8]) -> Option<(String, String)> {
    let doc: MessageDoc = seal::decode(plain).ok()?;
    let json = serde_json::to_vec(&doc).ok()?;
    let again: MessageDoc = seal::decode(&seal::pad(&json)).ok()?;
    Some((
        String::from_utf8_lossy(&json).into_owned(),
        serde_json::to_string(&again).ok()?,
    ))
}

/// A config file's text, parsed and validated with no environment.
pub fn config(text: &str) -> Result<Config, String> {
    Config::parse(Path::new("fuzz.toml"), text, Vec::new()).map_err(|e| e.to_string())
}

/// What a client wrote, in every field a message shows.
pub struct ClientContent<'a> {
    pub text: &'a str,
    pub name: &'a str,
    pub topic: &'a str,
    pub contact: &'a str,
    pub staff: &'a str,
}

/// The counsellor's case page and the client's thread page showing
/// `content`, rendered with the real templates.
pub fn render(content: &ClientContent<'_>) -> Result<(String, String), askama::Error> {
    let lang = Lang::En;
    let t = Tr::new(lang);
    let service = service();
    let shown = |contact: ContactWay, staff: Option<String>| -> ShownMessage {
        let doc = MessageDoc {
            v: 1,
            case: "0".repeat(32),
            service: service.slug.clone(),
            written_at: "2026-01-01T00:00:00Z".into(),
            topic: Some(content.topic.to_owned()),
            name: Some(content.name.to_owned()),
            contact: Some(contact),
            staff,
            booking: None,
            seat: None,
            text: content.text.to_owned(),
            mac: None,
            lang: Some("ar".into()),
            interpreter: true,
            feedback: None,
            handed: None,
        };
        message_for(
            &t,
            Some(&service),
            crate::booking::line::Audience::Staff,
            content.name.to_owned(),
            "2026-01-01",
            doc,
        )
    };
    let case = CaseView {
        page: StaffPage::new(lang, content.name.to_owned(), "staff/cases/x", None),
        action: "/en/staff/cases/x".into(),
        csrf: "csrf".into(),
        service: content.topic.to_owned(),
        kind: String::new(),
        status: String::new(),
        opened: String::new(),
        updated: String::new(),
        answer_by: None,
        answer_by_hint: String::new(),
        late: None,
        retain_until: String::new(),
        retention_rule: String::new(),
        assignee: content.staff.to_owned(),
        messages: vec![
            (
                shown(ContactWay::Phone(content.contact.to_owned()), None),
                "from-client",
            ),
            (
                shown(
                    ContactWay::Email(content.contact.to_owned()),
                    Some(content.staff.to_owned()),
                ),
                "note",
            ),
        ],
        unreadable: 0,
        statuses: vec![],
        members: vec![],
        reply_text: content.text.to_owned(),
        note_text: content.text.to_owned(),
        error: None,
        notice: None,
        marks: crate::stats::MarkForm {
            action: "/en/staff/cases/x/mark".into(),
            reasons: vec![],
            outcomes: vec![],
            no_outcome: true,
            current: Some(content.topic.to_owned()),
            unreadable: false,
            error: None,
        },
        taking: crate::queue::views::Taking {
            free: false,
            mine: true,
        },
        canned: crate::canned::CannedChoice {
            groups: vec![crate::canned::CannedGroup {
                label: content.topic.to_owned(),
                options: vec![crate::canned::CannedOption {
                    value: "x".into(),
                    selected: true,
                    title: content.name.to_owned(),
                    lang: "ar",
                    dir: "rtl",
                }],
            }],
            manage: "/en/staff/canned/x".into(),
        },
        handover: crate::queue::handover::HandoverForm {
            action: "/en/staff/cases/x/handover".into(),
            services: vec![crate::queue::views::Filter {
                value: "other".into(),
                label: content.name.to_owned(),
                selected: false,
            }],
            refusal: None,
        },
    }
    .render()?;
    let page = Page::new(lang, "check-title", "check");
    let thread = CheckView {
        page,
        action: "/en/check".into(),
        typed: content.contact.to_owned(),
        error: None,
        thread: Some(ShownThread {
            new_reply: true,
            is_booking: false,
            service_name: content.topic.to_owned(),
            opened: String::new(),
            status: String::new(),
            promise: Some(content.topic.to_owned()),
            waiting_since: Some(String::new()),
            messages: vec![shown(ContactWay::ReplyHere, None)],
            service_lang: None,
        }),
        receipt: content.contact.to_owned(),
        reply_token: String::new(),
        reply_text: content.text.to_owned(),
        reply_error: None,
        reply_notice: None,
        reply_action: "/en/check/reply".into(),
        check_token: String::new(),
        manage_token: String::new(),
        message_max: crate::intake::form::MESSAGE_MAX,
        resend: false,
        feedback: Some(feedback_form(lang, content.text)),
    }
    .render()?;
    Ok((case, thread))
}

/// The client's feedback form with `comment` typed back and both errors.
fn feedback_form(lang: Lang, comment: &str) -> crate::feedback::FeedbackForm {
    let typed = crate::feedback::Typed {
        rating: "7".into(),
        comment: comment.to_owned(),
        errors: vec![
            (crate::feedback::RATING_FIELD, "feedback-error-rating"),
            (
                crate::feedback::COMMENT_FIELD,
                "feedback-error-comment-long",
            ),
        ],
    };
    let hidden = vec![("receipt", comment.to_owned()), ("token", String::new())];
    let t = crate::i18n::Tr::new(lang);
    crate::feedback::FeedbackForm::new(&t, "/en/check/feedback".into(), hidden, &typed)
}
