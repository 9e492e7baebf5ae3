//! What a counsellor does to a case: reply (sealed to the service's keys
//! and the client's), write an internal note (staff keys only), set the
//! status, assign. Each is audited in the same transaction as the change.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::case::{Typed, show_case};
use super::find_case;
use super::store::{self, Author, CaseMeta, STATUSES};
use super::views::NotSavedView;
use crate::app::AppState;
use crate::i18n::Lang;
use crate::intake::{MessageDoc, message_text};
use crate::seal::{Envelope, Place, SenderKey};
use crate::staff::guard::csrf_forms;
use crate::staff::store::audit;
use crate::staff::views::StaffPage;
use crate::staff::{StaffForm, StaffSession};
use crate::web::{Form, PageError, html};

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawAction {
    csrf: String,
    text: String,
    status: String,
    assignee: String,
}

csrf_forms!(RawAction);

/// Back to the case, with a notice of what was done.
fn done(session: &StaffSession, meta: &CaseMeta, what: &str) -> Response {
    let lang = session.lang.code();
    let to = format!("/{lang}/staff/cases/{}?done={what}#thread", meta.id);
    Redirect::to(&to).into_response()
}

pub async fn reply(
    State(state): State<AppState>,
    lang: Lang,
    session: Result<StaffSession, Response>,
    Path((_, id)): Path<(String, String)>,
    Form(raw): Form<RawAction>,
) -> Response {
    written(state, lang, session, id, raw, Author::Staff).await
}

pub async fn note(
    State(state): State<AppState>,
    lang: Lang,
    session: Result<StaffSession, Response>,
    Path((_, id)): Path<(String, String)>,
    Form(raw): Form<RawAction>,
) -> Response {
    written(state, lang, session, id, raw, Author::Note).await
}

/// A reply or a note, or, when the session has ended, the text to copy.
async fn written(
    state: AppState,
    lang: Lang,
    session: Result<StaffSession, Response>,
    id: String,
    raw: RawAction,
    author: Author,
) -> Response {
    match session {
        Ok(session) => write(state, session, id, raw, author)
            .await
            .unwrap_or_else(IntoResponse::into_response),
        Err(ended) => text_not_saved(lang, raw.text, ended),
    }
}

/// The session ended while a counsellor was writing: instead of sending them
/// to log in (and losing the text), show the text to copy, and the way on.
/// (So these two forms take the session as a `Result` and check the CSRF
/// token themselves, in `write`.)
pub(super) fn text_not_saved(lang: Lang, text: String, ended: Response) -> Response {
    if text.trim().is_empty() {
        return ended;
    }
    let view = NotSavedView {
        page: StaffPage::titled(lang, "case-not-saved-title", "staff/login", None),
        text,
    };
    html(StatusCode::UNAUTHORIZED, &view)
}

/// A reply (sealed to staff and the client) or a note (staff only).
async fn write(
    state: AppState,
    session: StaffSession,
    id: String,
    raw: RawAction,
    author: Author,
) -> Result<Response, PageError> {
    session.check_csrf(&raw.csrf)?;
    let meta = find_case(&state, &session, &id).await?;
    let limit = state.config.limits.messages_per_case;
    let checked = match store::thread_full(&state.db, &meta.id, limit).await? {
        true => Err("error-thread-full-staff"),
        false => message_text(&raw.text),
    };
    let text = match checked {
        Ok(text) => text,
        Err(error) => {
            let mut typed = Typed {
                error: Some(error),
                ..Typed::default()
            };
            match author {
                Author::Note => typed.note = raw.text,
                _ => typed.reply = raw.text,
            }
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return show_case(&state, &session, meta, status, typed).await;
        }
    };
    seal_and_store(&state, &session, &meta, author, text, true).await?;
    let what = if author == Author::Note {
        "note"
    } else {
        "reply"
    };
    Ok(done(&session, &meta, what))
}

/// Seals and stores a counsellor's line in a case: a reply or a chat line
/// (to the service and the client), or a note (the service only), with
/// the service's MAC; audited when `audited`.
pub(crate) async fn seal_and_store(
    state: &AppState,
    session: &StaffSession,
    meta: &CaseMeta,
    author: Author,
    text: String,
    audited: bool,
) -> Result<(), PageError> {
    let keys = state.service_keys(&meta.service)?;
    let envelope: Envelope = if author == Author::Staff {
        let client = meta
            .client_recipient
            .parse()
            .map_err(|_| PageError::internal("stored client recipient does not parse"))?;
        keys.envelope.with(client)
    } else {
        keys.envelope.clone()
    };
    let name = Some(session.staff.display_name.clone());
    let mut doc = MessageDoc::follow_up(&meta.id, &meta.service, name, text);
    let id = crate::db::new_id();
    let place = Place {
        case: &meta.id,
        message: &id,
        author: author.as_str(),
    };
    SenderKey::new(&state.pepper)
        .sign(place, &mut doc)
        .map_err(PageError::internal)?;
    let sealed = state.seal(&envelope, &doc).await?;
    let action = if author == Author::Note {
        "note"
    } else {
        "reply"
    };
    let rules = state.services.retention_of(&meta.service);
    let (service, case) = (Some(meta.service.as_str()), Some(meta.id.as_str()));
    let mut tx = state.db.pool.begin().await?;
    let message = store::Stored {
        id: &id,
        case_id: &meta.id,
        author,
        key_epoch: keys.epoch,
        sealed: &sealed,
    };
    let first_reply =
        author == Author::Staff && crate::stats::store::no_reply_yet(&mut tx, &meta.id).await?;
    match store::add_message_as(&mut tx, message, rules).await {
        // Handed to another service since it was read: no longer theirs.
        Err(sqlx::Error::RowNotFound) => return Err(PageError::Forbidden),
        other => other?,
    }
    if audited {
        audit(&mut tx, &session.staff.id, action, service, case).await?;
    }
    tx.commit().await?;
    if first_reply {
        state.stats.count(
            &meta.service,
            crate::stats::Metric::Answered,
            crate::stats::ALL,
        );
        let service = state.services.get(&meta.service);
        let today = crate::db::today();
        let promised = meta.kind == crate::promise::KIND;
        if promised && service.is_some_and(|s| crate::promise::kept(&s, &meta.opened_on, today)) {
            let in_time = crate::stats::Metric::AnsweredInTime;
            state.stats.count(&meta.service, in_time, crate::stats::ALL);
        }
    }
    Ok(())
}

pub async fn set_status(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, String)>,
    StaffForm { session, form }: StaffForm<RawAction>,
) -> Result<Response, PageError> {
    let meta = find_case(&state, &session, &id).await?;
    if !STATUSES.contains(&form.status.as_str()) {
        return Err(PageError::BadRequest);
    }
    let rules = state.services.retention_of(&meta.service);
    let (service, case) = (Some(meta.service.as_str()), Some(meta.id.as_str()));
    let mut tx = state.db.pool.begin().await?;
    if !store::set_status(&mut tx, &meta.id, &meta.service, &form.status, rules).await? {
        // Handed to another service since it was read.
        return Err(PageError::Forbidden);
    }
    audit(&mut tx, &session.staff.id, "status", service, case).await?;
    tx.commit().await?;
    Ok(done(&session, &meta, "status"))
}

pub async fn assign(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, String)>,
    StaffForm { session, form }: StaffForm<RawAction>,
) -> Result<Response, PageError> {
    let meta = find_case(&state, &session, &id).await?;
    let assignee = Some(form.assignee.as_str()).filter(|a| !a.is_empty());
    let (service, case) = (Some(meta.service.as_str()), Some(meta.id.as_str()));
    let mut tx = state.db.pool.begin().await?;
    if !store::assign(&mut tx, &meta.id, &meta.service, assignee).await? {
        return Err(PageError::BadRequest);
    }
    audit(&mut tx, &session.staff.id, "assign", service, case).await?;
    tx.commit().await?;
    Ok(done(&session, &meta, "assign"))
}
