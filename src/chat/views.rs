//! Page models of the chat pages, client and staff. Everything a template
//! shows is text prepared here; askama escapes all of it, and the script
//! puts what the event stream sends into the page as text only.

use askama::Template;
use jiff::Zoned;

use super::client::Availability;
use crate::app::AppState;
use crate::config::Service;
use crate::i18n::{Lang, Tr};
use crate::intake::MessageDoc;
use crate::staff::views::StaffPage;
use crate::web::Page;

/// One line of a conversation.
#[derive(serde::Serialize)]
pub struct Line {
    pub n: i64,
    /// `mine`, `theirs` or `note`: how the line is shown.
    pub class: &'static str,
    pub who: String,
    pub time: String,
    pub text: String,
}

impl Line {
    pub fn new(
        n: i64,
        class: &'static str,
        who: String,
        doc: &MessageDoc,
        service: &Service,
    ) -> Line {
        let time = doc
            .written_at
            .parse::<jiff::Timestamp>()
            .map(|t| {
                t.to_zoned(service.time_zone.clone())
                    .strftime("%H:%M")
                    .to_string()
            })
            .unwrap_or_default();
        Line {
            n,
            class,
            who,
            time,
            text: doc.text.clone(),
        }
    }

    pub fn json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// A time the chat opens, as a person reads it: "Monday 18:00".
pub fn opening_text(t: &Tr, at: &Zoned) -> String {
    let weekday = at.weekday().to_monday_one_offset();
    let day = t.t(&format!("booking-weekday-long-{weekday}"));
    let clock = crate::i18n::format::clock(t.lang, at.datetime());
    format!("{day} {clock}")
}

/// The chat part of a service's page.
pub struct Offer {
    pub open: bool,
    pub text: String,
    pub action: String,
    pub token: String,
    pub name_max: usize,
}

impl Offer {
    pub fn new(
        state: &AppState,
        lang: Lang,
        service: &Service,
        open: Availability,
    ) -> Option<Offer> {
        let t = Tr::new(lang);
        let (is_open, text) = match open {
            Availability::None => return None,
            Availability::Open => (true, t.t("chat-open")),
            Availability::Closed(Some(at)) => (
                false,
                t.t1("chat-closed-next", "when", &opening_text(&t, &at)),
            ),
            Availability::Closed(None) => (false, t.t("chat-closed")),
            Availability::NoOneOnDuty => (false, t.t("chat-no-one")),
            Availability::Full => (false, t.t("chat-full")),
        };
        let scope = super::client::token_scope(&service.slug);
        Some(Offer {
            open: is_open,
            text,
            action: format!("/{}/services/{}/chat", lang.code(), service.slug),
            token: state.form_key.issue(&scope, crate::intake::now_secs()),
            name_max: crate::intake::form::NAME_MAX,
        })
    }
}

#[derive(Template)]
#[template(path = "chat.html")]
pub struct ChatPage {
    pub page: Page,
    /// Shown once, on the page that started the chat.
    pub receipt: Option<String>,
    pub state: String,
    pub status: String,
    pub lines: Vec<Line>,
    /// The last place shown: the event stream starts after it.
    pub after: i64,
    pub draft: String,
    pub error: Option<String>,
    pub message_max: usize,
    pub events: String,
    pub action: String,
}

impl ChatPage {
    pub fn new(
        lang: Lang,
        service: &Service,
        chat: &super::store::Chat,
        lines: Vec<Line>,
        status: String,
    ) -> ChatPage {
        let t = Tr::new(lang);
        let title = t.t1("chat-title", "service", service.name_in(lang));
        ChatPage {
            page: Page::titled(lang, title, "chat"),
            receipt: None,
            state: chat.state.clone(),
            status,
            after: lines.last().map_or(0, |l| l.n),
            lines,
            draft: String::new(),
            error: None,
            message_max: crate::intake::form::MESSAGE_MAX,
            events: format!("/{}/chat/events", lang.code()),
            action: format!("/{}/chat", lang.code()),
        }
    }
}

/// A page that says where a chat stands when there is none to show: it
/// ended, it could not start, or this browser has none.
#[derive(Template)]
#[template(path = "chat_notice.html")]
pub struct NoticePage {
    pub page: Page,
    pub paras: Vec<String>,
    pub receipt: Option<String>,
    /// Text the client typed that could not be sent, to copy.
    pub draft: String,
    pub links: Vec<(String, String)>,
    /// After a chat with a counsellor: the client's feedback form.
    pub feedback: Option<crate::feedback::FeedbackForm>,
}

pub(crate) fn notice(lang: Lang, title_id: &str, paras: Vec<String>) -> NoticePage {
    let t = Tr::new(lang);
    NoticePage {
        page: Page::new(lang, title_id, "chat"),
        paras,
        receipt: None,
        draft: String::new(),
        feedback: None,
        links: vec![
            (format!("/{}/check", lang.code()), t.t("chat-link-check")),
            (format!("/{}/", lang.code()), t.t("chat-link-services")),
        ],
    }
}

pub fn ended_page(
    lang: Lang,
    status: String,
    kept: bool,
    feedback: Option<crate::feedback::FeedbackForm>,
) -> NoticePage {
    let t = Tr::new(lang);
    let later = if kept {
        t.t("chat-ended-read-later")
    } else {
        t.t("chat-ended-not-kept")
    };
    let mut view = notice(lang, "chat-ended-title", vec![status, later]);
    view.feedback = feedback;
    view
}

/// The wait turned into a written request (or a chat that could not take
/// its place): answered in writing, read with the receipt.
pub fn written_page(lang: Lang, service: &Service, receipt: Option<String>) -> NoticePage {
    let t = Tr::new(lang);
    let sent = t.t1("chat-written", "service", service.name_in(lang));
    let mut view = notice(lang, "chat-written-title", vec![sent]);
    view.receipt = receipt;
    view
}

pub fn closed_page(lang: Lang, service: &Service, why: &str) -> NoticePage {
    let t = Tr::new(lang);
    let mut view = notice(lang, "chat-not-started-title", vec![t.t(why)]);
    view.links.insert(
        0,
        (
            format!("/{}/services/{}", lang.code(), service.slug),
            t.t1("chat-link-service", "service", service.name_in(lang)),
        ),
    );
    view
}

pub fn no_chat_page(lang: Lang) -> NoticePage {
    let t = Tr::new(lang);
    notice(lang, "chat-none-title", vec![t.t("chat-none")])
}

// Staff side.

pub struct DutyService {
    pub slug: String,
    pub name: String,
    pub on: bool,
    pub settings_href: Option<String>,
}

pub struct Waiting {
    pub service: String,
    pub waited: String,
    pub gone: bool,
}

pub struct Open {
    pub href: String,
    pub service: String,
    pub client: String,
    pub gone: bool,
}

/// The part of the console that changes while it is open.
pub struct ConsoleLive {
    pub waiting: Vec<Waiting>,
    pub mine: Vec<Open>,
    pub capacity: i64,
    pub can_take: bool,
    pub on_duty: bool,
}

#[derive(Template)]
#[template(path = "staff_chat_console.html")]
pub struct Console {
    pub page: StaffPage,
    pub csrf: String,
    pub services: Vec<DutyService>,
    pub live: ConsoleLive,
    pub notice: Option<String>,
    pub events: String,
    /// The reader may set some service's chat hours (an admin).
    pub any_settings: bool,
}

#[derive(Template)]
#[template(path = "staff_chat_live.html")]
pub struct LivePart {
    pub page: StaffPage,
    pub csrf: String,
    pub live: ConsoleLive,
}

#[derive(Template)]
#[template(path = "staff_chat.html")]
pub struct StaffChat {
    pub page: StaffPage,
    pub csrf: String,
    pub service_name: String,
    pub client: String,
    pub status: String,
    pub active: bool,
    pub lines: Vec<Line>,
    pub after: i64,
    pub draft: String,
    pub note: String,
    pub error: Option<String>,
    pub others: Vec<(String, String)>,
    pub action: String,
    pub events: String,
    pub case_href: String,
    pub message_max: usize,
}

pub struct DayRow {
    pub weekday: i8,
    pub label: String,
    pub from: String,
    pub until: String,
}

#[derive(Template)]
#[template(path = "staff_chat_settings.html")]
pub struct SettingsPage {
    pub page: StaffPage,
    pub csrf: String,
    pub action: String,
    pub days: Vec<DayRow>,
    pub queue_max: String,
    pub keep_transcript: bool,
    pub errors: Vec<String>,
    pub notice: Option<String>,
}
