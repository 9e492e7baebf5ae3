//! Taking a case ("mine") and giving it back. Taking assigns the case to
//! the reader only if nobody has it: one conditional update, so of two
//! counsellors taking at once one wins and the other is told who has it.
//! Giving back frees only the reader's own case (the assign form on the
//! case page reassigns anyone's). Both are audited with the change.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::find_case;
use super::store::CaseMeta;
use super::taking;
use crate::app::AppState;
use crate::staff::guard::csrf_forms;
use crate::staff::store::audit;
use crate::staff::{StaffForm, StaffSession};
use crate::web::PageError;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawTake {
    csrf: String,
}

csrf_forms!(RawTake);

/// Back to the case, with a notice of what happened.
fn to_case(session: &StaffSession, meta: &CaseMeta, what: &str) -> Response {
    let lang = session.lang.code();
    let to = format!("/{lang}/staff/cases/{}?done={what}#taking", meta.id);
    Redirect::to(&to).into_response()
}

pub async fn take(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, String)>,
    StaffForm { session, .. }: StaffForm<RawTake>,
) -> Result<Response, PageError> {
    let meta = find_case(&state, &session, &id).await?;
    let me = session.staff.id.as_str();
    let (service, case) = (Some(meta.service.as_str()), Some(meta.id.as_str()));
    let mut tx = state.db.pool.begin().await?;
    let took = taking::take(&mut tx, &meta.id, &meta.service, me).await?;
    if took {
        audit(&mut tx, me, "take", service, case).await?;
    }
    tx.commit().await?;
    if took {
        return Ok(to_case(&session, &meta, "taken"));
    }
    // Someone was first (or it was the reader's already): the case page
    // names who has it now.
    let what = match taking::holder(&state.db, &meta.id).await? {
        Some(holder) if holder == me => "taken",
        _ => "already-taken",
    };
    Ok(to_case(&session, &meta, what))
}

pub async fn release(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, String)>,
    StaffForm { session, .. }: StaffForm<RawTake>,
) -> Result<Response, PageError> {
    let meta = find_case(&state, &session, &id).await?;
    let me = session.staff.id.as_str();
    let (service, case) = (Some(meta.service.as_str()), Some(meta.id.as_str()));
    let mut tx = state.db.pool.begin().await?;
    let released = taking::release(&mut tx, &meta.id, me).await?;
    if released {
        audit(&mut tx, me, "release", service, case).await?;
    }
    tx.commit().await?;
    Ok(to_case(
        &session,
        &meta,
        if released { "released" } else { "not-yours" },
    ))
}
