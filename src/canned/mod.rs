//! Canned replies: a service's own texts, in any client language, that its
//! counsellors (and admins) keep on a page per service (`pages`) and insert
//! into a reply on the case page (`queue::insert`), where they are edited
//! before sending. They are the organisation's words, not about a client,
//! so they are stored in the clear (SECURITY.md); a reply made from one is
//! sealed like any other. A service's replies are shown only to its
//! members and admins: to anyone else the page is not there.

mod pages;
pub mod store;
pub mod views;

use axum::Router;
use axum::routing::{get, post};

use crate::app::AppState;
use crate::i18n::{Lang, Tr};
use crate::staff::StaffSession;
use crate::web::PageError;

pub use views::{CannedChoice, CannedGroup, CannedOption};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/{lang}/staff/canned", get(pages::index))
        .route(
            "/{lang}/staff/canned/{slug}",
            get(pages::list).post(pages::add),
        )
        .route(
            "/{lang}/staff/canned/{slug}/{canned}",
            get(pages::edit).post(pages::save),
        )
        .route(
            "/{lang}/staff/canned/{slug}/{canned}/delete",
            post(pages::delete),
        )
}

/// One canned reply of a service.
#[derive(Debug, Clone)]
pub struct CannedReply {
    pub id: String,
    /// A client language's code (`Lang::code`).
    pub lang: String,
    pub title: String,
    pub body: String,
}

impl CannedReply {
    pub fn language(&self) -> Lang {
        Lang::from_code(&self.lang).unwrap_or(Lang::Fi)
    }
}

/// A service may keep this many canned replies: its page and the case
/// page's list stay short enough to read and cheap to build.
pub const MAX_PER_SERVICE: i64 = 200;
const MAX_TITLE: usize = 100;
const MAX_BODY: usize = 5000;

/// Whether the reader may keep `slug`'s canned replies: a member of it, or
/// an admin (of a service that exists). Anything else is not there.
pub fn may_keep(state: &AppState, session: &StaffSession, slug: &str) -> Result<(), PageError> {
    let exists = state.services.get(slug).is_some();
    let allowed = session.is_member(slug) || session.staff.is_admin();
    if exists && allowed {
        Ok(())
    } else {
        Err(PageError::NotFound)
    }
}

/// The languages a canned reply may be in: the client languages offered.
pub fn languages() -> impl Iterator<Item = Lang> {
    Lang::CLIENT.into_iter().filter(|l| l.offered())
}

/// Field ids and messages of what is wrong with a form.
pub type Problems = Vec<(&'static str, String)>;

/// A canned reply as typed: title 1–100 characters, text 1–5000
/// characters (line breaks allowed), a client language. Titles and texts
/// are trimmed.
pub fn parse(
    t: &Tr,
    id: String,
    lang: &str,
    title: &str,
    body: &str,
) -> Result<CannedReply, Problems> {
    let mut problems = vec![];
    let title = title.trim();
    let title_ok =
        (1..=MAX_TITLE).contains(&title.chars().count()) && !title.chars().any(char::is_control);
    if !title_ok {
        problems.push(("title", t.t("canned-error-title")));
    }
    let body = body.trim();
    let body_ok = (1..=MAX_BODY).contains(&body.chars().count())
        && !body
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'));
    if !body_ok {
        problems.push(("body", t.t("canned-error-body")));
    }
    let lang = languages().find(|l| l.code() == lang);
    if lang.is_none() {
        problems.push(("lang", t.t("canned-error-lang")));
    }
    match lang {
        Some(lang) if problems.is_empty() => Ok(CannedReply {
            id,
            lang: lang.code().to_owned(),
            title: title.to_owned(),
            body: body.replace("\r\n", "\n"),
        }),
        _ => Err(problems),
    }
}

/// The case page's choice of a service's canned replies, by language,
/// `chosen` selected.
pub async fn choice(
    state: &AppState,
    session: &StaffSession,
    service: &str,
    chosen: Option<&str>,
) -> Result<CannedChoice, PageError> {
    let t = Tr::new(session.lang);
    let replies = store::of_service(&state.db, service).await?;
    let groups = languages()
        .filter_map(|lang| {
            let options: Vec<CannedOption> = replies
                .iter()
                .filter(|r| r.lang == lang.code())
                .map(|r| CannedOption {
                    selected: chosen == Some(r.id.as_str()),
                    value: r.id.clone(),
                    title: r.title.clone(),
                    lang: lang.html_lang(),
                    dir: lang.dir(),
                })
                .collect();
            (!options.is_empty()).then(|| CannedGroup {
                label: crate::services::language_label(&t, lang),
                options,
            })
        })
        .collect();
    Ok(CannedChoice {
        groups,
        manage: format!("/{}/staff/canned/{service}", session.lang.code()),
    })
}
