//! Inserting a canned reply into the reply being typed, with JavaScript
//! off: the reply form's "Insert" button posts the form here (what is typed
//! so far and the canned reply chosen), and the answer is the case page
//! with the reply field holding the typed text, a blank line and the
//! canned text, to edit before sending. Nothing is sent or stored; the
//! CSRF token is checked as for a reply, and a session that ended hands
//! the typed text back to copy, as a reply's does.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::act::text_not_saved;
use super::case::{Typed, show_case};
use super::find_case;
use crate::app::AppState;
use crate::i18n::Lang;
use crate::staff::StaffSession;
use crate::web::{Form, PageError};

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawInsert {
    csrf: String,
    text: String,
    /// The canned reply's id.
    canned: String,
}

pub async fn insert(
    State(state): State<AppState>,
    lang: Lang,
    session: Result<StaffSession, Response>,
    Path((_, id)): Path<(String, String)>,
    Form(raw): Form<RawInsert>,
) -> Response {
    match session {
        Ok(session) => inserted(state, session, id, raw)
            .await
            .unwrap_or_else(IntoResponse::into_response),
        Err(ended) => text_not_saved(lang, raw.text, ended),
    }
}

async fn inserted(
    state: AppState,
    session: StaffSession,
    id: String,
    raw: RawInsert,
) -> Result<Response, PageError> {
    session.check_csrf(&raw.csrf)?;
    let meta = find_case(&state, &session, &id).await?;
    // Only a canned reply of the case's own service: any other is not there.
    let canned = crate::canned::store::one(&state.db, &meta.service, &raw.canned)
        .await?
        .ok_or(PageError::NotFound)?;
    let typed = Typed {
        reply: joined(&raw.text, &canned.body),
        notice: Some("case-canned-inserted"),
        canned: Some(canned.id),
        ..Typed::default()
    };
    show_case(&state, &session, meta, StatusCode::OK, typed).await
}

/// The typed text, a blank line, and the canned text (just the canned text
/// when nothing is typed).
fn joined(typed: &str, canned: &str) -> String {
    let typed = typed.trim_end();
    if typed.trim().is_empty() {
        canned.to_owned()
    } else {
        format!("{typed}\n\n{canned}")
    }
}

#[cfg(test)]
mod tests {
    use super::joined;

    #[test]
    fn the_canned_text_follows_what_is_typed_after_a_blank_line() {
        assert_eq!(joined("", "Hello"), "Hello");
        assert_eq!(joined("  \n", "Hello"), "Hello");
        assert_eq!(joined("Hi,\n\n", "Hello"), "Hi,\n\nHello");
        assert_eq!(joined("  indented", "Hello"), "  indented\n\nHello");
    }
}
