//! Page models for booking. Everything a template shows is text prepared
//! here; askama escapes all of it.

use askama::Template;

use super::form::RawBooking;
use super::store::{GroupRow, Meeting, SlotRow};
use super::{show_day, show_when, time, token_scope};
use crate::app::AppState;
use crate::config::Service;
use crate::i18n::{Lang, Tr};
use crate::intake::form::{FieldError, NAME_MAX};
use crate::intake::views::{Choice, ShownError, topic_label};
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
            t.tc(
                "booking-seats-free",
                &[("label", &label)],
                &[("n", i64::from(free))],
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
    /// Each meeting's day and time.
    pub meetings: Vec<String>,
    pub selected: bool,
}

pub fn group_name(lang: Lang, g: &GroupRow) -> &str {
    match lang.fallback() {
        Lang::Fi => &g.name_fi,
        Lang::Sv => &g.name_sv,
        _ => &g.name_en,
    }
}

/// "3 meetings, Thu 10 Dec 2026 – Thu 31 Dec 2026, 2 places free".
pub fn group_detail(t: &Tr, service: &Service, g: &GroupRow) -> String {
    let first = time::local(&service.time_zone, g.first_at)
        .map(|d| show_day(t, d.date()))
        .unwrap_or_default();
    let last = time::local(&service.time_zone, g.last_at)
        .map(|d| show_day(t, d.date()))
        .unwrap_or_default();
    t.tc(
        "booking-group-detail",
        &[("first", &first), ("last", &last)],
        &[
            ("meetings", g.meetings),
            ("free", i64::from(g.capacity - g.taken)),
        ],
    )
}

/// Each meeting of a group as its own line: "Thu 10 Dec 2026 18:00–19:30".
pub fn meeting_lines(t: &Tr, service: &Service, meetings: &[Meeting]) -> Vec<String> {
    meetings
        .iter()
        .map(|m| show_when(t, service, m.starts_at, m.ends_at))
        .collect()
}

#[derive(Template)]
#[template(path = "booking_form.html")]
pub struct BookView {
    pub page: Page,
    pub service_name: String,
    pub description: String,
    /// The `lang` of the service's name and description when shown in a fallback.
    pub service_lang: Option<&'static str>,
    /// The service does not answer in the page's language.
    pub answers: Option<crate::intake::views::AnswersNotice>,
    pub action: String,
    /// With nothing to book: where to write instead.
    pub contact_href: String,
    /// The group sign-up form was sent: the errors and input are its.
    pub posted_group: bool,
    pub token: String,
    pub zone_note: String,
    pub days: Vec<Day>,
    pub groups: Vec<GroupChoice>,
    pub calls: Vec<Choice>,
    pub topics: Vec<Choice>,
    /// The topic list of the group form.
    pub group_topics: Vec<Choice>,
    pub raw: RawBooking,
    pub errors: Vec<ShownError>,
    pub notice: Option<String>,
    pub line_phone: Option<String>,
    pub name_max: usize,
}

/// The open groups of the booking form; `chosen` is the radio to check.
fn group_choices(
    t: &Tr,
    service: &Service,
    groups: &[(GroupRow, Vec<Meeting>)],
    chosen: &str,
) -> Vec<GroupChoice> {
    groups
        .iter()
        .map(|(g, meetings)| {
            let value = format!("group:{}", g.id);
            GroupChoice {
                selected: value == chosen,
                value,
                name: group_name(t.lang, g).to_owned(),
                detail: group_detail(t, service, g),
                meetings: meeting_lines(t, service, meetings),
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

impl BookView {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        state: &AppState,
        lang: Lang,
        service: &Service,
        slots: Vec<SlotRow>,
        groups: Vec<(GroupRow, Vec<Meeting>)>,
        raw: RawBooking,
        errors: Vec<FieldError>,
        notice: Option<&'static str>,
    ) -> BookView {
        let t = Tr::new(lang);
        let rest = format!("services/{}/book", service.slug);
        let name = service.name_in(lang).to_owned();
        let mut title = t.t1("booking-title", "service", &name);
        if !errors.is_empty() || notice.is_some() {
            title = t.t1("title-with-error", "title", &title);
        }
        let page = Page::titled(lang, title, &rest);
        let group = raw.is_group();
        BookView {
            service_name: name,
            description: service.description_in(lang).to_owned(),
            service_lang: service.text_mark(lang),
            answers: crate::intake::views::AnswersNotice::new(state, lang, service),
            action: format!("/{}/{rest}", lang.code()),
            contact_href: format!("/{}/services/{}", lang.code(), service.slug),
            posted_group: group,
            token: state
                .form_key
                .issue(&token_scope(service), crate::intake::now_secs()),
            zone_note: super::zone_note(&t, &service.time_zone),
            days: days(&t, service, &slots, &raw.choice),
            groups: group_choices(&t, service, &groups, &raw.choice),
            calls: call_choices(&t, &raw.call),
            topics: topic_choices(&t, service, if group { "" } else { &raw.topic }),
            group_topics: topic_choices(&t, service, if group { &raw.topic } else { "" }),
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

    /// The error of `field` on the group form (`group`) or the form of
    /// times; only the form that was sent shows its errors.
    pub fn error_for(&self, group: &bool, field: &str) -> Option<&str> {
        if *group != self.posted_group {
            return None;
        }
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.text.as_str())
    }

    /// What the person typed into `field` of the form that was sent; the
    /// other form starts empty.
    pub fn typed(&self, group: &bool, field: &str) -> &str {
        if *group != self.posted_group {
            return "";
        }
        match field {
            "name" => &self.raw.name,
            "phone" => &self.raw.phone,
            _ => "",
        }
    }

    /// Where an error-summary link leads: the field's control, or for a
    /// group of radio buttons its first button, so that following the link
    /// moves focus into the group (a fieldset itself takes no focus). With
    /// no free time to choose, the group itself. Fields of the group form
    /// are prefixed `g-`.
    pub fn anchor(&self, field: &str) -> String {
        let first = match (field, self.posted_group) {
            ("choice", false) => self
                .days
                .iter()
                .flat_map(|d| d.slots.iter().map(|c| &c.value))
                .next()
                .map(|v| format!("c-{v}")),
            ("choice", true) => self.groups.first().map(|g| format!("c-{}", g.value)),
            ("call", _) => self.calls.first().map(|c| format!("call-{}", c.value)),
            _ => None,
        };
        let prefix = if self.posted_group { "g-" } else { "" };
        first.unwrap_or_else(|| format!("{prefix}{field}"))
    }
}
