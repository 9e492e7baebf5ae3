//! Page models for the intake pages. Everything a template shows is text
//! prepared here; askama escapes all of it.

use askama::Template;

use super::form::{ContactWay, DETAIL_MAX, FieldError, MESSAGE_MAX, NAME_MAX, RawContact};
use super::payload::MessageDoc;
use super::store::CaseRow;
use super::{now_secs, token_scope};
use crate::app::AppState;
use crate::booking::line::{Audience, booking_line};
use crate::config::{Service, Topic};
use crate::i18n::{Lang, Tr};
use crate::seal::Receipt;
use crate::web::Page;

pub struct ServiceCard {
    pub href: String,
    pub name: String,
    pub description: String,
    /// The `lang` of its name and description when shown in a fallback.
    pub lang: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "landing.html")]
pub struct Landing {
    pub page: Page,
    pub services: Vec<ServiceCard>,
    pub check_href: String,
}

impl Landing {
    pub fn new(state: &AppState, lang: Lang) -> Landing {
        let services = state
            .services
            .current()
            .open()
            .map(|s| ServiceCard {
                href: format!("/{}/services/{}", lang.code(), s.slug),
                name: s.name_in(lang).to_owned(),
                description: s.description_in(lang).to_owned(),
                lang: s.text_mark(lang),
            })
            .collect();
        Landing {
            page: Page::new(lang, "landing-title", ""),
            services,
            check_href: format!("/{}/check", lang.code()),
        }
    }
}

/// Told on a service's pages, before writing, when the service does not
/// answer in the page's language: which languages it answers in, and the
/// services that answer in the client's (if any). Sending is still open.
pub struct AnswersNotice {
    pub text: String,
    pub others: Vec<ServiceCard>,
}

impl AnswersNotice {
    pub fn new(state: &AppState, lang: Lang, service: &Service) -> Option<AnswersNotice> {
        if service.answers(lang) {
            return None;
        }
        let t = Tr::new(lang);
        let separator = if lang.is_rtl() { "، " } else { ", " };
        let languages = service
            .answers_in
            .iter()
            .map(|l| t.t(&format!("language-{}", l.code())))
            .collect::<Vec<_>>()
            .join(separator);
        let others = state
            .services
            .current()
            .open()
            .filter(|s| s.slug != service.slug && s.answers(lang))
            .map(|s| ServiceCard {
                href: format!("/{}/services/{}", lang.code(), s.slug),
                name: s.name_in(lang).to_owned(),
                description: String::new(),
                lang: s.text_mark(lang),
            })
            .collect();
        Some(AnswersNotice {
            text: t.t1("answers-notice", "languages", &languages),
            others,
        })
    }
}

/// A choice in a select or radio group.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub struct ShownError {
    pub field: &'static str,
    pub text: String,
}

#[derive(Template)]
#[template(path = "contact.html")]
pub struct ContactView {
    pub page: Page,
    pub service_name: String,
    pub service_description: String,
    /// The `lang` of the two when shown in a fallback language.
    pub service_lang: Option<&'static str>,
    pub action: String,
    pub token: String,
    pub topics: Vec<Choice>,
    pub ways: Vec<Choice>,
    pub raw: RawContact,
    pub errors: Vec<ShownError>,
    pub notice: Option<String>,
    pub message_max: usize,
    pub name_max: usize,
    pub detail_max: usize,
    /// The service's live chat, when it has chat hours.
    pub chat: Option<crate::chat::Offer>,
    /// The service does not answer in the page's language.
    pub answers: Option<AnswersNotice>,
}

pub fn topic_label(t: &Tr, topic: Option<&Topic>, id: &str) -> String {
    match topic {
        Some(Topic::Named { name, .. }) => name.get(t.lang).to_owned(),
        _ if t.has(&format!("topic-{id}")) => t.t(&format!("topic-{id}")),
        _ => id.to_owned(),
    }
}

/// The service's topics; the first is chosen until the client chooses.
fn topic_choices(t: &Tr, service: &Service, chosen: &str) -> Vec<Choice> {
    let first = service.topics.first().map(|t| t.id()).unwrap_or_default();
    let chosen = if chosen.is_empty() { first } else { chosen };
    service
        .topics
        .iter()
        .map(|topic| Choice {
            value: topic.id().to_owned(),
            label: topic_label(t, Some(topic), topic.id()),
            selected: topic.id() == chosen,
        })
        .collect()
}

/// How to be contacted; none until the client chooses.
fn way_choices(t: &Tr, chosen: &str) -> Vec<Choice> {
    let chosen = if chosen.is_empty() { "none" } else { chosen };
    ["none", "reply_here", "phone", "email"]
        .into_iter()
        .map(|w| Choice {
            value: w.to_owned(),
            label: t.t(&format!("way-{w}")),
            selected: w == chosen,
        })
        .collect()
}

impl ContactView {
    pub fn new(
        state: &AppState,
        lang: Lang,
        service: &Service,
        raw: RawContact,
        errors: Vec<FieldError>,
        notice: Option<&'static str>,
    ) -> ContactView {
        let rest = format!("services/{}", service.slug);
        let name = service.name_in(lang).to_owned();
        let t = Tr::new(lang);
        let title = t.t1("contact-title", "service", &name);
        let title = if errors.is_empty() && notice.is_none() {
            title
        } else {
            t.t1("title-with-error", "title", &title)
        };
        let page = Page::titled(lang, title, &rest);
        ContactView {
            service_name: name,
            service_description: service.description_in(lang).to_owned(),
            service_lang: service.text_mark(lang),
            action: format!("/{}/{rest}", lang.code()),
            token: state.form_key.issue(&token_scope(service), now_secs()),
            topics: topic_choices(&t, service, &raw.topic),
            ways: way_choices(&t, &raw.way),
            raw,
            errors: errors
                .into_iter()
                .map(|e| ShownError {
                    field: e.field,
                    text: t.t(e.message),
                })
                .collect(),
            notice: notice.map(|n| t.t(n)),
            chat: None,
            answers: AnswersNotice::new(state, lang, service),
            message_max: MESSAGE_MAX,
            name_max: NAME_MAX,
            detail_max: DETAIL_MAX,
            page,
        }
    }

    pub fn error_for(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.text.as_str())
    }
}

#[derive(Template)]
#[template(path = "receipt.html")]
pub struct ReceiptView {
    pub page: Page,
    pub receipt: String,
    pub service_name: String,
    pub check_href: String,
}

impl ReceiptView {
    pub fn new(state: &AppState, lang: Lang, service: &Service, receipt: &Receipt) -> ReceiptView {
        let mut page = Page::new(lang, "receipt-title", &format!("services/{}", service.slug));
        // The receipt is shown once: the language switch shows this same
        // page again in a POST (`intake::again`), never from a link.
        page.receipt_switch = Some(super::receipt_switch(state, receipt));
        ReceiptView {
            page,
            receipt: receipt.to_string(),
            service_name: service.name_in(lang).to_owned(),
            check_href: format!("/{}/check", lang.code()),
        }
    }
}

/// A case as its client may see it.
pub struct Thread {
    pub case: CaseRow,
    pub messages: Vec<ThreadMessage>,
}

pub struct ThreadMessage {
    pub from_client: bool,
    /// The service's automatic first reply (`crate::promise::auto_reply`).
    pub automatic: bool,
    pub day: String,
    pub doc: MessageDoc,
}

pub struct ShownMessage {
    pub who: String,
    pub day: String,
    pub details: Vec<(String, String)>,
    pub text: String,
    /// A hand-over line's words from the counsellor, in a block of its own
    /// (its own direction) after the line's sentence.
    pub words: Option<String>,
    /// The `lang` of a text the service wrote in another language than the
    /// page's (an automatic reply in a fallback language).
    pub text_lang: Option<&'static str>,
}

pub struct ShownThread {
    /// A counsellor replied since the client last looked.
    pub new_reply: bool,
    /// A booking: the page offers to see, move or cancel it.
    pub is_booking: bool,
    pub service_name: String,
    pub service_lang: Option<&'static str>,
    pub opened: String,
    pub status: String,
    /// "We answer within 3 working days", when the service promises so.
    pub promise: Option<String>,
    /// For a case still new: the day it has waited since.
    pub waiting_since: Option<String>,
    pub messages: Vec<ShownMessage>,
}

#[derive(Template)]
#[template(path = "check.html")]
pub struct CheckView {
    pub page: Page,
    pub action: String,
    pub typed: String,
    pub error: Option<String>,
    pub thread: Option<ShownThread>,
    /// With a thread: the write-back form (receipt carried in a POST body).
    pub receipt: String,
    pub reply_token: String,
    pub reply_text: String,
    pub reply_error: Option<String>,
    pub reply_notice: Option<String>,
    pub reply_action: String,
    /// The receipt form's token (no thread), and, with a booking's
    /// thread, the token of the form that opens the booking.
    pub check_token: String,
    pub manage_token: String,
    pub message_max: usize,
    /// No thread (the look-up was refused): the receipt form doubles as the
    /// write-back form, with the message kept, to send again later.
    pub resend: bool,
    /// With an answered or closed thread: the client's feedback form, or
    /// what they sent (`crate::feedback`).
    pub feedback: Option<crate::feedback::FeedbackForm>,
}

/// A stored `YYYY-MM-DD` day as people of each language write it: in
/// Finnish `31.3.2026`; in Swedish and English as stored (the staff queue
/// too); in the other client languages as [`crate::i18n::format::date`]
/// writes them.
pub fn show_day(lang: Lang, day: &str) -> String {
    match (lang, day.split('-').collect::<Vec<_>>().as_slice()) {
        (Lang::Fi | Lang::FiSelko, [y, m, d]) => format!(
            "{}.{}.{y}",
            d.trim_start_matches('0'),
            m.trim_start_matches('0')
        ),
        (Lang::Sv | Lang::SvLattlast | Lang::En, _) => day.to_owned(),
        _ => day
            .parse::<jiff::civil::Date>()
            .map_or_else(|_| day.to_owned(), |d| crate::i18n::format::date(lang, d)),
    }
}

impl CheckView {
    pub fn new(
        state: &AppState,
        lang: Lang,
        typed: String,
        error: Option<&'static str>,
        thread: Option<Thread>,
    ) -> CheckView {
        let mut page = Page::new(lang, "check-title", "check");
        let t = page.t;
        if error.is_some() {
            let title = t.t1("title-with-error", "title", &page.title);
            page = page.with_title(title);
        }
        let now = super::now_secs();
        let manage_token = match &thread {
            Some(thread) if thread.case.kind == "booking" => {
                state.form_key.issue(crate::booking::MANAGE_SCOPE, now)
            }
            _ => String::new(),
        };
        let thread = thread.map(|thread| {
            let service = state.services.get(&thread.case.service);
            ShownThread {
                // Only when the newest message shown is a reply: the flag
                // alone is a column anyone with the database can set.
                new_reply: thread.case.client_unread
                    && thread.messages.last().is_some_and(|m| !m.from_client),
                is_booking: thread.case.kind == "booking",
                service_name: service
                    .as_ref()
                    .map(|s| s.name_in(lang).to_owned())
                    .unwrap_or_else(|| thread.case.service.clone()),
                service_lang: service.as_ref().and_then(|s| s.text_mark(lang)),
                opened: show_day(lang, &thread.case.opened_on),
                status: t.t(&format!("status-{}", thread.case.status)),
                promise: service
                    .as_ref()
                    .and_then(|s| s.answer_days)
                    .filter(|_| thread.case.kind == crate::promise::KIND)
                    .map(|n| t.tc("promise-check-within", &[], &[("days", i64::from(n))])),
                waiting_since: (thread.case.status == "new"
                    && thread.case.kind == crate::promise::KIND)
                    .then(|| show_day(lang, &thread.case.opened_on)),
                messages: thread
                    .messages
                    .into_iter()
                    .map(|m| shown_message(state, &t, service.as_deref(), m))
                    .collect(),
            }
        });
        CheckView {
            action: format!("/{}/check", lang.code()),
            typed,
            error: error.map(|e| t.t(e)),
            thread,
            receipt: String::new(),
            reply_token: String::new(),
            reply_text: String::new(),
            reply_error: None,
            reply_notice: None,
            reply_action: format!("/{}/check/reply", lang.code()),
            check_token: state.form_key.issue(super::check::CHECK_SCOPE, now),
            manage_token,
            message_max: MESSAGE_MAX,
            resend: false,
            feedback: None,
            page,
        }
    }
}

fn shown_message(
    state: &AppState,
    t: &Tr,
    service: Option<&Service>,
    m: ThreadMessage,
) -> ShownMessage {
    if m.doc.handed.is_some() {
        // A hand-over's line: which service answers now, and the words
        // of the counsellor who passed the request on.
        let name = |slug: &str| {
            state
                .services
                .get(slug)
                .map_or_else(|| slug.to_owned(), |s| s.name_in(t.lang).to_owned())
        };
        let sentence = crate::queue::handover::line_sentence(t, &m.doc, name);
        let mut shown = message_for(
            t,
            service,
            Audience::Client,
            t.t("thread-handed"),
            &m.day,
            m.doc,
        );
        let words = std::mem::replace(&mut shown.text, sentence);
        shown.words = Some(words).filter(|w| !w.trim().is_empty());
        return shown;
    }
    if m.automatic {
        return crate::promise::auto_reply::shown(t, service, m);
    }
    let who = match (&m.doc.staff, m.from_client) {
        (None, true) if m.doc.feedback.is_some() => t.t("feedback-thread-you"),
        // A phone call a counsellor wrote down for the caller.
        (Some(name), true) => t.t1("thread-phone-by", "name", name),
        (None, true) => t.t("thread-you"),
        (Some(name), false) => t.t1("thread-counsellor-named", "name", name),
        (None, false) => t.t("thread-counsellor"),
    };
    message_for(t, service, Audience::Client, who, &m.day, m.doc)
}

/// A decrypted message as a page shows it: who, when, the details the
/// client gave, and the text (all escaped by the template).
pub fn message_for(
    t: &Tr,
    service: Option<&Service>,
    audience: Audience,
    who: String,
    day: &str,
    doc: MessageDoc,
) -> ShownMessage {
    let mut m = ThreadMessage {
        from_client: true,
        automatic: false,
        day: day.to_owned(),
        doc,
    };
    let mut details = Vec::new();
    let (name_label, way_label) = match audience {
        Audience::Client => ("field-name", "field-way"),
        Audience::Staff => ("case-client-name", "case-client-way"),
    };
    if let Some(topic) = &m.doc.topic {
        let label = topic_label(t, service.and_then(|s| s.topic(topic)), topic);
        details.push((t.t("field-topic"), label));
    }
    if let Some(name) = &m.doc.name {
        details.push((t.t(name_label), name.clone()));
    }
    match &m.doc.contact {
        Some(ContactWay::Phone(d)) | Some(ContactWay::Email(d)) => {
            let way = if matches!(m.doc.contact, Some(ContactWay::Phone(_))) {
                "way-phone"
            } else {
                "way-email"
            };
            details.push((t.t(way_label), format!("{}: {d}", t.t(way))));
        }
        Some(ContactWay::ReplyHere) => details.push((t.t(way_label), t.t("way-reply_here"))),
        Some(ContactWay::None) | None => {}
    }
    if let Some(rating) = m
        .doc
        .feedback
        .filter(|r| crate::feedback::RATINGS.contains(r))
    {
        let label = t.t(&format!("feedback-rating-{rating}"));
        details.push((t.t("feedback-rating-label"), label));
    }
    // A booking's line is worded for its reader from the sealed booking,
    // not the sentence sealed for staff.
    let text = match m.doc.booking.as_ref() {
        Some(booking) => booking_line(t, audience, booking),
        None => None,
    };
    ShownMessage {
        who,
        day: show_day(t.lang, &m.day),
        details,
        text: text.unwrap_or_else(|| std::mem::take(&mut m.doc.text)),
        words: None,
        text_lang: None,
    }
}
