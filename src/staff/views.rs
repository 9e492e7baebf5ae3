//! The frame of staff pages and the login and account pages.

use askama::Template;

use crate::i18n::{Lang, Tr};
use crate::web::LangLink;

use super::guard::StaffSession;

/// The frame every staff page shares: language, switch, who is logged in.
pub struct StaffPage {
    pub t: Tr,
    pub lang: &'static str,
    pub title: String,
    pub switch: Vec<LangLink>,
    /// Display name of whoever is logged in, and their CSRF token.
    pub user: Option<(String, String)>,
    /// Whether whoever is logged in is an admin (the menu shows the log).
    pub admin: bool,
}

impl StaffPage {
    /// `rest` is the path after `/{lang}/`, for the language switch.
    pub fn new(lang: Lang, title: String, rest: &str, session: Option<&StaffSession>) -> StaffPage {
        let switch = LangLink::staff(lang, rest);
        StaffPage {
            t: Tr::new(lang),
            lang: lang.code(),
            title,
            switch,
            user: session.map(|s| (s.staff.display_name.clone(), s.csrf.clone())),
            admin: session.is_some_and(|s| s.staff.is_admin()),
        }
    }

    pub fn titled(lang: Lang, title_id: &str, rest: &str, session: Option<&StaffSession>) -> Self {
        StaffPage::new(lang, Tr::new(lang).t(title_id), rest, session)
    }
}

#[derive(Template)]
#[template(path = "staff_login.html")]
pub struct LoginView {
    pub page: StaffPage,
    pub token: String,
    pub username: String,
    pub error: Option<String>,
    pub notice: Option<String>,
}

#[derive(Template)]
#[template(path = "staff_account.html")]
pub struct AccountView {
    pub page: StaffPage,
    pub csrf: String,
    pub username: String,
    pub recipient: String,
    pub must_change: bool,
    pub totp_on: bool,
    pub notice: Option<String>,
    pub errors: Vec<String>,
    /// While setting up TOTP: the seed to type in, its address, and the
    /// sealed seed the confirming form carries back.
    pub totp_setup: Option<TotpSetup>,
}

pub struct TotpSetup {
    pub base32: String,
    pub uri: String,
    pub pending: String,
}
