//! The counsellor's side: the queue of their services' cases, decrypted
//! with their unlocked key (`list`); a case page with its thread (`case`);
//! replies (sealed to staff and the client's key), internal notes (staff
//! only), status and assignment (`act`); taking a case and giving it back
//! (`take`, `taking`); a canned reply inserted into the reply being typed
//! (`insert`). Every action is audited. A case of
//! another service answers exactly as a case that does not exist.

pub(crate) mod act;
mod asked;
mod case;
pub mod handover;
mod insert;
mod list;
pub mod store;
mod take;
pub mod taking;
pub mod views;

use axum::Router;
use axum::routing::{get, post};

use crate::app::AppState;
use crate::i18n::Lang;
use crate::intake::MessageDoc;
use crate::seal;
use crate::staff::StaffSession;
use crate::web::PageError;
use store::CaseMeta;

/// The case page with an error, for the statistics' marking form.
pub(crate) use case::{Typed, show_case};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/{lang}/staff", get(list::queue))
        .route("/{lang}/staff/cases/{id}", get(case::case_page))
        .route("/{lang}/staff/cases/{id}/reply", post(act::reply))
        .route("/{lang}/staff/cases/{id}/note", post(act::note))
        .route("/{lang}/staff/cases/{id}/status", post(act::set_status))
        .route("/{lang}/staff/cases/{id}/assign", post(act::assign))
        .route("/{lang}/staff/cases/{id}/take", post(take::take))
        .route("/{lang}/staff/cases/{id}/release", post(take::release))
        .route("/{lang}/staff/cases/{id}/insert", post(insert::insert))
        .merge(handover::routes())
}

pub(crate) fn service_name(state: &AppState, lang: Lang, slug: &str) -> String {
    state
        .services
        .get(slug)
        .map(|s| s.name_in(lang).to_owned())
        .unwrap_or_else(|| slug.to_owned())
}

/// Opens a sealed message with the counsellor's key; `None` if it was
/// sealed before they had access (rotation reseals those).
pub(crate) fn open_doc(
    session: &StaffSession,
    case_id: &str,
    sealed: &[u8],
) -> Result<Option<MessageDoc>, PageError> {
    let keys = [&*session.identity as &dyn age::Identity];
    Ok(seal::open_case_doc(sealed, &keys, case_id)?)
}

/// A case of the reader's services; any other is refused as if it did not
/// exist.
async fn find_case(
    state: &AppState,
    session: &StaffSession,
    id: &str,
) -> Result<CaseMeta, PageError> {
    store::case_for(&state.db, &session.staff.id, id)
        .await?
        .ok_or(PageError::Forbidden)
}
