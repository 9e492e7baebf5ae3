//! The hand-over section of the case page, the page that asks again, and
//! the page after.

use askama::Template;

use crate::app::AppState;
use crate::i18n::{Lang, Tr};
use crate::queue::store::CaseMeta;
use crate::queue::views::Filter;
use crate::staff::views::StaffPage;

/// The hand-over section of the case page.
pub struct HandoverForm {
    /// `/{lang}/staff/cases/{id}/handover`.
    pub action: String,
    /// The other open services, none chosen.
    pub services: Vec<Filter>,
    /// Why this case stays with its service (its kind), in words.
    pub refusal: Option<String>,
}

impl HandoverForm {
    pub fn new(state: &AppState, lang: Lang, meta: &CaseMeta) -> HandoverForm {
        let t = Tr::new(lang);
        HandoverForm {
            action: format!("/{}/staff/cases/{}/handover", lang.code(), meta.id),
            services: choices(state, lang, &meta.service, ""),
            refusal: super::refusal(&meta.kind).map(|id| t.t(id)),
        }
    }
}

/// Every open service but `own`, by name, `chosen` selected.
pub fn choices(state: &AppState, lang: Lang, own: &str, chosen: &str) -> Vec<Filter> {
    let catalog = state.services.current();
    let mut out: Vec<Filter> = catalog
        .open()
        .filter(|s| s.slug != own)
        .map(|s| Filter {
            value: s.slug.clone(),
            label: s.name_in(lang).to_owned(),
            selected: s.slug == chosen,
        })
        .collect();
    out.sort_by(|a, b| a.label.cmp(&b.label));
    out
}

/// The hand-over form on a page of its own (sent back with an error and
/// what was typed), or the confirmation step.
#[derive(Template)]
#[template(path = "staff_handover.html")]
pub struct HandoverView {
    pub page: StaffPage,
    pub action: String,
    pub csrf: String,
    pub case_href: String,
    pub from_name: String,
    /// The confirmation step: the chosen service and the message are fixed.
    pub confirm: bool,
    pub to: String,
    pub to_name: String,
    pub services: Vec<Filter>,
    pub message: String,
    pub message_max: usize,
    pub error: Option<String>,
    /// Which field the error is about: `to` or `message` (else none).
    pub error_field: &'static str,
}

#[derive(Template)]
#[template(path = "staff_handed.html")]
pub struct HandedView {
    pub page: StaffPage,
}
