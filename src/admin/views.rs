//! Admin pages: first-run setup and the audit log.

use askama::Template;

use crate::queue::views::Filter as Choice;
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
