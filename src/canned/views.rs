//! Page models for canned replies, and the case page's choice of them.

use askama::Template;

use crate::staff::views::StaffPage;

/// The case page's canned replies, grouped by language.
pub struct CannedChoice {
    pub groups: Vec<CannedGroup>,
    /// The service's canned replies page.
    pub manage: String,
}

pub struct CannedGroup {
    /// "Arabic (العربية)".
    pub label: String,
    pub options: Vec<CannedOption>,
}

pub struct CannedOption {
    pub value: String,
    pub selected: bool,
    pub title: String,
    pub lang: &'static str,
    pub dir: &'static str,
}

/// A service the reader keeps canned replies of.
pub struct ServiceLink {
    pub name: String,
    pub href: String,
}

#[derive(Template)]
#[template(path = "canned_index.html")]
pub struct CannedIndexView {
    pub page: StaffPage,
    pub services: Vec<ServiceLink>,
}

/// One canned reply on its service's page.
pub struct CannedRow {
    pub href: String,
    pub title: String,
    pub language: String,
    pub lang: &'static str,
    pub dir: &'static str,
    pub body: String,
}

/// A language to choose for a canned reply.
pub struct LangChoice {
    pub value: &'static str,
    pub label: String,
    pub selected: bool,
}

/// The add and edit forms' fields, as typed, with their problems.
pub struct CannedFields {
    pub title: String,
    pub body: String,
    pub langs: Vec<LangChoice>,
    /// (field id, message), in the form's order.
    pub errors: Vec<(&'static str, String)>,
    /// The language typed, for the text's `lang` and `dir`.
    pub lang: &'static str,
    pub dir: &'static str,
}

impl CannedFields {
    pub fn error(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }
}

#[derive(Template)]
#[template(path = "canned_list.html")]
pub struct CannedListView {
    pub page: StaffPage,
    pub csrf: String,
    pub service: String,
    pub action: String,
    pub notice: Option<String>,
    pub replies: Vec<CannedRow>,
    pub full: bool,
    pub fields: CannedFields,
}

#[derive(Template)]
#[template(path = "canned_edit.html")]
pub struct CannedEditView {
    pub page: StaffPage,
    pub csrf: String,
    pub action: String,
    pub back: String,
    pub fields: CannedFields,
}
