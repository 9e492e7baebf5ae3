//! Page models for booking. Everything a template shows is text prepared
//! here; askama escapes all of it.

use askama::Template;

use super::form::{Call, RawBooking};
use super::store::{GroupRow, SlotRow};
use super::{show_day, show_when, time, token_scope};
use crate::app::AppState;
use crate::config::Service;
use crate::i18n::{Lang, Tr};
use crate::intake::form::{FieldError, NAME_MAX};
use crate::intake::views::{Choice, ShownError, topic_label};
use crate::seal::Receipt;
use crate::web::Page;

/// The free slots of one day, in the service's zone.
pub struct Day {
    pub heading: String,
    pub slots: Vec<Choice>,
}

/// Free single slots grouped by local day; `chosen` is the radio to check.
pub fn days(t: &Tr, service: &Service, slots: &[SlotRow], chosen: &str) -> Vec<Day> {
    let mut days: Vec<Day> = Vec::new();
    let mut last = None;
    for s in slots {
        let Some(start) = time::local(&service.time_zone, s.starts_at) else {
            continue;
        };
        if last != Some(start.date()) {
            last = Some(start.date());
            days.push(Day {
                heading: show_day(t, start.date()),
                slots: vec![],
            });
        }
        let value = format!("slot:{}", s.id);
        let label = show_when(t, service, s.starts_at, s.ends_at);
        let free = s.capacity - s.taken;
        let label = if s.capacity > 1 {
            t.ta(
                "booking-seats-free",
                &[("label", &label), ("n", &free.to_string())],
            )
        } else {
            label
        };
        if let Some(day) = days.last_mut() {
            day.slots.push(Choice {
                selected: value == chosen,
                value,
                label,
            });
        }
    }
    days
}

pub struct GroupChoice {
    pub value: String,
    pub name: String,
    pub detail: String,
    pub selected: bool,
}

pub fn group_name(lang: Lang, g: &GroupRow) -> &str {
    match lang {
        Lang::Fi => &g.name_fi,
        Lang::Sv => &g.name_sv,
        Lang::En => &g.name_en,
    }
}

pub fn group_detail(t: &Tr, service: &Service, g: &GroupRow) -> String {
    let first = time::local(&service.time_zone, g.first_at)
        .map(|d| show_day(t, d.date()))
        .unwrap_or_default();
    let last = time::local(&service.time_zone, g.last_at)
        .map(|d| show_day(t, d.date()))
        .unwrap_or_default();
    t.ta(
        "booking-group-detail",
        &[
            ("first", &first),
            ("last", &last),
            ("meetings", &g.meetings.to_string()),
            ("free", &(g.capacity - g.taken).to_string()),
        ],
    )
}

#[derive(Template)]
#[template(path = "booking_form.html")]
pub struct BookView<'a> {
    pub page: Page<'a>,
    pub service_name: String,
    pub action: String,
    pub token: String,
    pub zone_note: String,
    pub days: Vec<Day>,
    pub groups: Vec<GroupChoice>,
    pub calls: Vec<Choice>,
    pub topics: Vec<Choice>,
    pub raw: RawBooking,
    pub errors: Vec<ShownError>,
    pub notice: Option<String>,
    pub line_phone: Option<String>,
    pub name_max: usize,
}

/// The open groups of the booking form; `chosen` is the radio to check.
fn group_choices(t: &Tr, service: &Service, groups: &[GroupRow], chosen: &str) -> Vec<GroupChoice> {
    groups
        .iter()
        .map(|g| {
            let value = format!("group:{}", g.id);
            GroupChoice {
                selected: value == chosen,
                value,
                name: group_name(t.lang, g).to_owned(),
                detail: group_detail(t, service, g),
            }
        })
        .collect()
}

fn call_choices(t: &Tr, chosen: &str) -> Vec<Choice> {
    ["we_call", "you_call"]
        .into_iter()
        .map(|c| Choice {
            value: c.to_owned(),
            label: t.t(&format!("booking-call-{c}")),
            selected: chosen == c,
        })
        .collect()
}

/// No topic, or one of the service's.
fn topic_choices(t: &Tr, service: &Service, chosen: &str) -> Vec<Choice> {
    let mut topics = vec![Choice {
        value: String::new(),
        label: t.t("booking-topic-none"),
        selected: chosen.is_empty(),
    }];
    topics.extend(service.topics.iter().map(|topic| Choice {
        value: topic.id().to_owned(),
        label: topic_label(t, Some(topic), topic.id()),
        selected: topic.id() == chosen,
    }));
    topics
}

impl<'a> BookView<'a> {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        state: &'a AppState,
        lang: Lang,
        service: &Service,
        slots: Vec<SlotRow>,
        groups: Vec<GroupRow>,
        raw: RawBooking,
        errors: Vec<FieldError>,
        notice: Option<&'static str>,
    ) -> BookView<'a> {
        let t = Tr::new(lang);
        let rest = format!("services/{}/book", service.slug);
        let name = service.name.get(lang).to_owned();
        let mut title = t.t1("booking-title", "service", &name);
        if !errors.is_empty() || notice.is_some() {
            title = t.t1("title-with-error", "title", &title);
        }
        let page = Page::titled(lang, title, &rest, &state.config.quick_exit_url);
        BookView {
            service_name: name,
            action: format!("/{}/{rest}", lang.code()),
            token: state
                .form_key
                .issue(&token_scope(service), crate::intake::now_secs()),
            zone_note: t.t1(
                "booking-zone-note",
                "zone",
                service.time_zone.iana_name().unwrap_or("UTC"),
            ),
            days: days(&t, service, &slots, &raw.choice),
            groups: group_choices(&t, service, &groups, &raw.choice),
            calls: call_choices(&t, &raw.call),
            topics: topic_choices(&t, service, &raw.topic),
            errors: errors
                .into_iter()
                .map(|e| ShownError {
                    field: e.field,
                    text: t.t(e.message),
                })
                .collect(),
            notice: notice.map(|n| t.t(n)),
            line_phone: service.phone.clone(),
            name_max: NAME_MAX,
            raw,
            page,
        }
    }

    pub fn error_for(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.text.as_str())
    }

    /// Where an error-summary link leads: the field's control, or for a
    /// group of radio buttons its first button, so that following the link
    /// moves focus into the group (a fieldset itself takes no focus). With
    /// no free time to choose, the group itself.
    pub fn anchor(&self, field: &str) -> String {
        let first = match field {
            "choice" => self
                .days
                .iter()
                .flat_map(|d| d.slots.iter().map(|c| &c.value))
                .chain(self.groups.iter().map(|g| &g.value))
                .next()
                .map(|v| format!("c-{v}")),
            "call" => self.calls.first().map(|c| format!("call-{}", c.value)),
            _ => None,
        };
        first.unwrap_or_else(|| field.to_owned())
    }
}

#[derive(Template)]
#[template(path = "booking_receipt.html")]
pub struct BookedView<'a> {
    pub page: Page<'a>,
    pub receipt: String,
    pub service_name: String,
    pub when: String,
    pub call_text: String,
    pub line_phone: Option<String>,
    pub check_href: String,
}

impl<'a> BookedView<'a> {
    pub fn new(
        state: &'a AppState,
        lang: Lang,
        service: &Service,
        receipt: &Receipt,
        when: String,
        call: &Call,
    ) -> BookedView<'a> {
        let t = Tr::new(lang);
        let call_text = match call {
            Call::WeCall(phone) => t.t1("booking-we-call-you-at", "phone", phone),
            Call::YouCall => t.t("booking-you-call-us"),
        };
        BookedView {
            page: Page::new(
                lang,
                "booking-booked-title",
                &format!("services/{}/book", service.slug),
                &state.config.quick_exit_url,
            ),
            receipt: receipt.to_string(),
            service_name: service.name.get(lang).to_owned(),
            when,
            call_text,
            line_phone: matches!(call, Call::YouCall)
                .then(|| service.phone.clone())
                .flatten(),
            check_href: format!("/{}/check", lang.code()),
        }
    }
}

#[derive(Template)]
#[template(path = "booking_manage.html")]
pub struct ManageView<'a> {
    pub page: Page<'a>,
    pub receipt: String,
    /// The token of the cancel and move forms, and of the form back to
    /// the thread (the receipt form's).
    pub token: String,
    pub check_token: String,
    pub service_name: String,
    pub when: String,
    pub state_text: String,
    pub current: bool,
    pub is_group: bool,
    pub line_phone: Option<String>,
    pub days: Vec<Day>,
    pub cancel_action: String,
    pub move_action: String,
    pub notice: Option<String>,
    pub error: Option<String>,
    /// The first time to choose, when the error is about the choice: the
    /// summary links there, into the group of radio buttons.
    pub error_anchor: Option<String>,
}
