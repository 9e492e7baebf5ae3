//! The phone-intake form, parsed at the edge; on a problem the form comes
//! back with everything the counsellor typed.

use askama::Template;
use serde::Deserialize;

use crate::app::AppState;
use crate::booking::find_service;
use crate::booking::publish::Pick;
use crate::config::Service;
use crate::i18n::{Lang, Tr};
use crate::intake::form::{FieldError, MESSAGE_MAX, NAME_MAX};
use crate::intake::message_text;
use crate::intake::views::{ShownError, topic_label};
use crate::staff::StaffSession;
use crate::staff::views::StaffPage;

/// No `Debug`: it holds what a caller said.
#[derive(Default, Deserialize)]
pub struct RawPhone {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub service: String,
    #[serde(default)]
    pub topic: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub text: String,
    /// The caller's language, a code of `Lang::CLIENT`; empty: not noted.
    #[serde(default)]
    pub lang: String,
    /// `yes`: the caller needs an interpreter (into `lang`).
    #[serde(default)]
    pub interpreter: String,
}

crate::staff::guard::csrf_forms!(RawPhone);
crate::seal::wipe_on_drop!(RawPhone: csrf, service, topic, name, text, lang, interpreter);

/// A recorded call that passed every check (no `Debug`, wiped when
/// dropped).
pub struct PhoneCall {
    pub service: std::sync::Arc<Service>,
    pub topic: Option<String>,
    pub name: Option<String>,
    pub text: String,
    pub lang: Option<Lang>,
    pub interpreter: bool,
}

crate::seal::wipe_on_drop!(PhoneCall: topic, name, text);

fn err(field: &'static str, message: &'static str) -> FieldError {
    FieldError { field, message }
}

/// The chosen service has no duty hours running now.
pub fn off_duty() -> FieldError {
    err("service", "phone-error-off-duty")
}

impl PhoneCall {
    pub fn parse(
        state: &AppState,
        session: &StaffSession,
        raw: &RawPhone,
    ) -> Result<PhoneCall, Vec<FieldError>> {
        let mut errors = Vec::new();
        let service =
            find_service(state, raw.service.trim()).filter(|s| session.is_member(&s.slug));
        if service.is_none() {
            errors.push(err("service", "avail-error-service"));
        }
        let topic = raw.topic.trim();
        let topic = match service.as_ref().map(|s| s.topic(topic)) {
            _ if topic.is_empty() => None,
            Some(Some(t)) => Some(t.id().to_owned()),
            _ => {
                errors.push(err("topic", "error-topic"));
                None
            }
        };
        let name: String = raw.name.chars().filter(|c| !c.is_control()).collect();
        let name = name.trim().to_owned();
        if name.chars().count() > NAME_MAX {
            errors.push(err("name", "error-name-long"));
        }
        let text = message_text(&raw.text).map_err(|e| errors.push(err("text", e)));
        let lang = match raw.lang.trim() {
            "" => None,
            code => Lang::from_code(code).or_else(|| {
                errors.push(err("lang", "phone-error-lang"));
                None
            }),
        };
        let interpreter = raw.interpreter == "yes";
        if interpreter && lang.is_none() && !errors.iter().any(|e| e.field == "lang") {
            errors.push(err("lang", "phone-error-interpreter-lang"));
        }
        match (service, text) {
            (Some(service), Ok(text)) if errors.is_empty() => Ok(PhoneCall {
                service,
                topic,
                name: (!name.is_empty()).then_some(name),
                text,
                lang,
                interpreter,
            }),
            _ => Err(errors),
        }
    }
}

#[derive(Template)]
#[template(path = "staff_phone.html")]
pub struct PhoneView {
    pub page: StaffPage,
    pub csrf: String,
    pub services: Vec<Pick>,
    pub topics: Vec<Pick>,
    /// The caller's language: not noted, or one of the client languages.
    pub langs: Vec<Pick>,
    pub raw: RawPhone,
    pub errors: Vec<ShownError>,
    pub name_max: usize,
    pub message_max: usize,
    pub no_services: bool,
    /// Names of the reader's services on duty now, joined for a sentence.
    pub on_duty: String,
    pub grace_minutes: i64,
}

impl PhoneView {
    /// Why no call can be recorded now, with the grace minutes counted.
    pub fn off_duty(&self) -> String {
        let minutes = [("minutes", self.grace_minutes)];
        self.page.t.tc("phone-off-duty", &[], &minutes)
    }
}

/// No topic, or one of the reader's services' topics, each once.
fn topic_picks(t: &Tr, services: &[std::sync::Arc<Service>], chosen: &str) -> Vec<Pick> {
    let mut topics = vec![Pick {
        value: String::new(),
        label: t.t("booking-topic-none"),
        selected: chosen.is_empty(),
    }];
    for topic in services.iter().flat_map(|s| &s.topics) {
        if topics.iter().any(|p| p.value == topic.id()) {
            continue;
        }
        topics.push(Pick {
            value: topic.id().to_owned(),
            label: topic_label(t, Some(topic), topic.id()),
            selected: topic.id() == chosen,
        });
    }
    topics
}

/// Not noted, or one of the client languages, named for staff.
fn lang_picks(t: &Tr, chosen: &str) -> Vec<Pick> {
    let mut picks = vec![Pick {
        value: String::new(),
        label: t.t("phone-lang-none"),
        selected: chosen.is_empty(),
    }];
    picks.extend(Lang::CLIENT.into_iter().map(|l| Pick {
        value: l.code().to_owned(),
        label: crate::services::language_label(t, l),
        selected: l.code() == chosen,
    }));
    picks
}

impl PhoneView {
    pub fn new(
        state: &AppState,
        session: &StaffSession,
        raw: RawPhone,
        errors: Vec<FieldError>,
        on_duty: Vec<String>,
    ) -> PhoneView {
        let lang = session.lang;
        let t = Tr::new(lang);
        let mut page = StaffPage::titled(lang, "phone-title", "staff/phone", Some(session));
        if !errors.is_empty() {
            page.title = t.t1("title-with-error", "title", &page.title);
        }
        let mine: Vec<std::sync::Arc<Service>> = session
            .services
            .iter()
            .filter_map(|slug| find_service(state, slug))
            .collect();
        PhoneView {
            csrf: session.csrf.clone(),
            services: mine
                .iter()
                .map(|s| Pick {
                    value: s.slug.clone(),
                    label: s.name_in(lang).to_owned(),
                    selected: s.slug == raw.service,
                })
                .collect(),
            topics: topic_picks(&t, &mine, &raw.topic),
            langs: lang_picks(&t, &raw.lang),
            errors: errors
                .into_iter()
                .map(|e| ShownError {
                    field: e.field,
                    text: t.t(e.message),
                })
                .collect(),
            name_max: NAME_MAX,
            message_max: MESSAGE_MAX,
            no_services: mine.is_empty(),
            on_duty: mine
                .iter()
                .filter(|s| on_duty.contains(&s.slug))
                .map(|s| s.name_in(lang))
                .collect::<Vec<_>>()
                .join(", "),
            grace_minutes: state.config.booking.phone_grace_minutes,
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
}
