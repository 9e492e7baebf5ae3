//! Marking a case with its contact reasons and an outcome.
//!
//! What was marked is kept only inside a sealed note of the case, readable
//! by the service's counsellors and the recovery key, as every note is. The
//! note's row, its audit entry ("note") and its size look like any other
//! note's: the database does not say which cases were marked, let alone
//! with what. The counters are changed afterwards, in a transaction of
//! their own, by the difference from the marks read in the case's latest
//! marking note (so marking again never counts a case twice), in the month
//! the case was first marked.
//!
//! The marks carry the service's MAC (as every note does, `seal::sender`),
//! bound to the case and the note's row, so marks written straight into the
//! database are not believed. A key that cannot open one of the case's notes
//! cannot tell what was marked before: it may not mark until the notes are
//! resealed to it.

mod form;
mod sealed;

use std::collections::BTreeSet;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::categories::{Category, Kind};
use super::store;
use crate::app::AppState;
use crate::i18n::Tr;
use crate::intake::MessageDoc;
use crate::queue::store::{self as queue_store, Author, CaseMeta};
use crate::queue::{Typed, show_case};
use crate::seal::{Place, SenderKey};
use crate::staff::guard::csrf_forms;
use crate::staff::store::audit;
use crate::staff::{StaffForm, StaffSession};
use crate::web::PageError;

use form::describe;
pub use form::{MarkForm, form};
use sealed::{MARKS_PLACE, MarkingNote, Marks, difference, find_marks};

/// The marking form as sent; `reason` repeats, one per box ticked.
#[derive(Deserialize, Default)]
#[serde(from = "Vec<(String, String)>")]
pub struct RawMarks {
    csrf: String,
    reason: Vec<String>,
    outcome: String,
}

impl From<Vec<(String, String)>> for RawMarks {
    fn from(pairs: Vec<(String, String)>) -> RawMarks {
        let mut raw = RawMarks::default();
        for (key, value) in pairs {
            match key.as_str() {
                "csrf" => raw.csrf = value,
                "reason" if raw.reason.len() < 200 => raw.reason.push(value),
                "outcome" => raw.outcome = value,
                _ => {}
            }
        }
        raw
    }
}

csrf_forms!(RawMarks);

/// Why the marks sent are not taken.
enum Refused {
    /// Shown on the case page.
    Page(&'static str),
    /// Not what the form sends.
    Bad,
}

/// The marks chosen: known reasons (active, or already on the case) and at
/// most one outcome the same way.
fn parse(raw: &RawMarks, list: &[Category], before: Option<&Marks>) -> Result<Marks, Refused> {
    let allowed = |id: &str, kind: Kind, kept: bool| {
        list.iter()
            .any(|c| c.id == id && c.kind == kind && (!c.retired || kept))
    };
    let mut reasons = BTreeSet::new();
    for r in &raw.reason {
        let kept = before.is_some_and(|b| b.reasons.contains(r));
        if !allowed(r, Kind::Reason, kept) {
            return Err(Refused::Bad);
        }
        reasons.insert(r.clone());
    }
    if reasons.is_empty() {
        return Err(Refused::Page("stats-mark-error-reason"));
    }
    let outcome = match raw.outcome.as_str() {
        "" => None,
        o => {
            let kept = before.is_some_and(|b| b.outcome.as_deref() == Some(o));
            if !allowed(o, Kind::Outcome, kept) {
                return Err(Refused::Bad);
            }
            Some(o.to_owned())
        }
    };
    Ok(Marks {
        month: super::this_month(),
        reasons: reasons.into_iter().collect(),
        outcome,
        mac: None,
    })
}

/// Tries this many times when someone else writes to the case meanwhile.
const ATTEMPTS: usize = 3;

pub async fn mark(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, String)>,
    StaffForm { session, form: raw }: StaffForm<RawMarks>,
) -> Result<Response, PageError> {
    let meta = queue_store::case_for(&state.db, &session.staff.id, &id)
        .await?
        .ok_or(PageError::Forbidden)?;
    let list = store::categories(&state.db).await?;
    for _ in 0..ATTEMPTS {
        let found = find_marks(&state, &session, &meta).await?;
        if found.unreadable {
            return refuse(&state, &session, meta, "stats-mark-error-unreadable").await;
        }
        let before = found.marks.as_ref();
        let mut marks = match parse(&raw, &list, before) {
            Ok(marks) => marks,
            Err(Refused::Bad) => return Err(PageError::BadRequest),
            Err(Refused::Page(error)) => return refuse(&state, &session, meta, error).await,
        };
        if let Some(before) = before {
            if before.same_choice(&marks) {
                return Ok(back(&session, &meta));
            }
            marks.month.clone_from(&before.month);
        }
        let text = describe(&Tr::new(session.lang), &list, &marks);
        if add_note(&state, &session, &meta, found.length, text, &mut marks).await? {
            store::add(&state.db, &difference(&meta.service, before, &marks)).await?;
            return Ok(back(&session, &meta));
        }
    }
    Err(PageError::internal(
        "a case's thread kept changing while marks were saved",
    ))
}

fn back(session: &StaffSession, meta: &CaseMeta) -> Response {
    let lang = session.lang.code();
    let to = format!("/{lang}/staff/cases/{}?done=marked#marks", meta.id);
    Redirect::to(&to).into_response()
}

async fn refuse(
    state: &AppState,
    session: &StaffSession,
    meta: CaseMeta,
    error: &'static str,
) -> Result<Response, PageError> {
    let typed = Typed {
        mark_error: Some(error),
        ..Typed::default()
    };
    show_case(
        state,
        session,
        meta,
        StatusCode::UNPROCESSABLE_ENTITY,
        typed,
    )
    .await
}

/// Seals the marks in a note (staff keys only) and adds it to the case, in
/// the case's transaction, if the thread is as long as when the earlier
/// marks were read; false if it is not (read them again).
async fn add_note(
    state: &AppState,
    session: &StaffSession,
    meta: &CaseMeta,
    length: usize,
    text: String,
    marks: &mut Marks,
) -> Result<bool, PageError> {
    let keys = state.service_keys(&meta.service)?;
    let name = Some(session.staff.display_name.clone());
    let mut note = MessageDoc::follow_up(&meta.id, &meta.service, name, text);
    let id = crate::db::new_id();
    let sender = SenderKey::new(&state.pepper);
    let place = |author| Place {
        case: &meta.id,
        message: &id,
        author,
    };
    sender
        .sign(place(Author::Note.as_str()), &mut note)
        .map_err(PageError::internal)?;
    sender
        .sign(place(MARKS_PLACE), marks)
        .map_err(PageError::internal)?;
    let doc = MarkingNote {
        note: &note,
        stats: marks,
    };
    let sealed = state.seal(&keys.envelope, &doc).await?;
    let rules = state.services.retention_of(&meta.service);
    let mut tx = state.db.pool.begin().await?;
    if !store::thread_unchanged(&mut tx, &meta.id, length).await? {
        tx.rollback().await?;
        return Ok(false);
    }
    let message = queue_store::Stored {
        id: &id,
        case_id: &meta.id,
        author: Author::Note,
        key_epoch: keys.epoch,
        sealed: &sealed,
    };
    queue_store::add_message_as(&mut tx, message, rules).await?;
    // Audited as the note it is: an entry of its own would tell which cases
    // were marked, and when.
    let (service, case) = (Some(meta.service.as_str()), Some(meta.id.as_str()));
    audit(&mut tx, &session.staff.id, "note", service, case).await?;
    tx.commit().await?;
    Ok(true)
}
