//! Admin pages: first-run setup and the audit log.

use askama::Template;

use crate::staff::views::StaffPage;

#[derive(Template)]
#[template(path = "admin_setup.html")]
pub struct SetupView {
    pub page: StaffPage,
    pub token: String,
    pub username: String,
    pub name: String,
    pub email: String,
    pub errors: Vec<String>,
}

/// One option of a filter's select.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub struct AuditRow {
    pub at: String,
    pub who: String,
    pub action: String,
    pub service: String,
    pub case_id: String,
}

#[derive(Template)]
#[template(path = "admin_audit.html")]
pub struct AuditView {
    pub page: StaffPage,
    pub people: Vec<Choice>,
    pub actions: Vec<Choice>,
    pub services: Vec<Choice>,
    pub from: String,
    pub to: String,
    /// (field id, message) for the error summary.
    pub errors: Vec<(&'static str, String)>,
    pub rows: Vec<AuditRow>,
    pub older: Option<String>,
}
