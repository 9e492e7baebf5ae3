//! askama models of the people page and the link pages.

use askama::Template;

use crate::staff::views::StaffPage;

/// A choice in a list: value, label, whether chosen.
pub struct Option3 {
    pub value: String,
    pub label: String,
    pub chosen: bool,
}

pub struct PersonRow {
    pub id: String,
    pub name: String,
    pub username: String,
    pub role: String,
    pub is_admin: bool,
    pub active: bool,
    /// Waiting for a new password (a reset by link).
    pub reset_pending: bool,
    pub services: String,
    /// Services the person is not in, for "add to".
    pub other_services: Vec<Option3>,
    /// Button texts that name the person.
    pub role_label: String,
    pub add_label: String,
    pub service_label: String,
    pub deactivate_label: String,
    pub reactivate_label: String,
    pub reset_label: String,
}

pub struct InviteRow {
    pub id: String,
    pub email: String,
    pub role: String,
    pub until: String,
    pub revoke_label: String,
}

/// The invitation form as typed.
#[derive(Default)]
pub struct InviteForm {
    pub email: String,
    pub role: String,
    pub services: Vec<Option3>,
}

#[derive(Template)]
#[template(path = "admin_people.html")]
pub struct PeopleView {
    pub page: StaffPage,
    pub csrf: String,
    pub notice: Option<String>,
    /// A link or one-time password to show once (no SMTP).
    pub shown_secret: Option<(String, String)>,
    pub errors: Vec<String>,
    pub people: Vec<PersonRow>,
    pub invites: Vec<InviteRow>,
    pub form: InviteForm,
}

/// The page a one-time link opens: choose a name and password (an
/// invitation) or a new password (a reset).
#[derive(Template)]
#[template(path = "staff_link.html")]
pub struct LinkView {
    pub page: StaffPage,
    pub action: &'static str,
    pub token: String,
    pub invite: bool,
    pub username: String,
    pub name: String,
    pub errors: Vec<String>,
}

/// A link that does not work, or the end of a reset.
#[derive(Template)]
#[template(path = "staff_link_done.html")]
pub struct LinkDoneView {
    pub page: StaffPage,
    pub paragraphs: Vec<String>,
}
