//! Handing a case to another service on the instance (a regional group,
//! another organisation's line). A counsellor of the case's service chooses
//! the receiving service and an optional message to the client, confirms,
//! and in that request every message of the case is opened with their
//! unlocked key and sealed to the receiving service's current key epoch
//! (plus the client's key where the client may read it, as rotation does),
//! and the case moves, in one transaction: each message is swapped only if
//! it still holds what was read, so a reply or a crash meanwhile never
//! leaves a case half in one service. The sender can no longer find or read
//! it. See docs/SEALING.md, "Handing a case over".

mod pages;
pub mod store;
mod views;

use std::sync::Arc;

use axum::Router;
use axum::routing::{get, post};

use crate::app::AppState;
use crate::queue::store::CaseMeta;
use crate::seal::{self, Envelope, Place, SealError, SenderKey};
use crate::staff::StaffSession;
use crate::web::PageError;
use store::{Moved, Read};

pub use views::HandoverForm;

/// The kinds of case that may be handed over. A booking holds a seat in
/// the sender's published times (and its retention follows their horizon),
/// a live chat sits in the sender's chat queue and duty, and accessibility
/// feedback goes to the service the organisation named for it by law's
/// deadline: those stay where they are.
pub const KINDS: [&str; 2] = ["contact", "phone"];

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/{lang}/staff/cases/{id}/handover", post(pages::choose))
        .route(
            "/{lang}/staff/cases/{id}/handover/confirm",
            post(pages::confirm),
        )
        .route("/{lang}/staff/handed-over", get(pages::handed))
}

/// Why a case of this kind stays with its service (a message id), or None.
pub fn refusal(kind: &str) -> Option<&'static str> {
    match kind {
        k if KINDS.contains(&k) => None,
        "booking" => Some("handover-refused-booking"),
        "chat" => Some("handover-refused-chat"),
        _ => Some("handover-refused-kind"),
    }
}

/// A hand-over line's sentence in `t`'s language: "Your request was passed
/// to <service>." (the counsellor's words are shown apart, in their own
/// direction). `name` gives a service's name by its slug.
pub fn line_sentence(
    t: &crate::i18n::Tr,
    doc: &crate::intake::MessageDoc,
    name: impl Fn(&str) -> String,
) -> String {
    let to = doc.handed.as_ref().map_or("", |h| h.to.as_str());
    t.t1("thread-handed-to", "service", &name(to))
}

/// How many times a hand-over reads the case again when it changed.
const TRIES: usize = 8;

/// How a hand-over ended, when it did not.
#[derive(Debug)]
pub enum Refused {
    /// A message the counsellor's key does not open (sealed before they
    /// had access and not yet rotated): nothing changed.
    Unreadable,
    /// The case changed again and again while it was being moved.
    Busy,
}

/// Hands `meta` to `to` with `text` for the client. `Ok(Err(..))`: refused,
/// and nothing changed.
pub async fn hand_over(
    state: &AppState,
    session: &StaffSession,
    meta: &CaseMeta,
    to: &str,
    text: String,
) -> Result<Result<(), Refused>, PageError> {
    let keys = state.service_keys(to)?;
    let client: age::x25519::Recipient = meta
        .client_recipient
        .parse()
        .map_err(|_| PageError::internal("stored client recipient does not parse"))?;
    let staff_set = Arc::new(keys.envelope.clone());
    let with_client = Arc::new(keys.envelope.with(client));
    let sender = SenderKey::new(&state.pepper);
    // The line for the client and the receiving service: sealed once.
    let line_id = crate::db::new_id();
    let mut doc = crate::intake::MessageDoc::handed_over(&meta.id, &meta.service, to, text);
    let place = Place {
        case: &meta.id,
        message: &line_id,
        author: store::AUTHOR,
    };
    sender.sign(place, &mut doc).map_err(PageError::internal)?;
    let line = state.seal(&with_client, &doc).await?;
    drop(doc);
    // A message added meanwhile makes the transaction refuse: read again.
    // Each retry needs another write to the case to have committed in the
    // few milliseconds of resealing; a client's are rate-limited.
    for _ in 0..TRIES {
        let read = store::read(&state.db, &meta.id).await?;
        let identity = session.identity.clone();
        let (staff_set, with_client) = (staff_set.clone(), with_client.clone());
        let resealed = tokio::task::spawn_blocking(move || {
            let out = reseal_all(&read, &identity, &staff_set, &with_client);
            (read, out)
        })
        .await
        .map_err(PageError::internal)?;
        let (read, resealed) = match resealed {
            (read, Ok(resealed)) => (read, resealed),
            (_, Err(SealError::NotForThisKey)) => return Ok(Err(Refused::Unreadable)),
            (_, Err(e)) => return Err(e.into()),
        };
        let moved = store::move_case(
            &state.db,
            store::Move {
                case_id: &meta.id,
                from: &meta.service,
                to,
                epoch: keys.epoch,
                read: &read,
                resealed: &resealed,
                line_id: &line_id,
                line: &line,
                rules: state.services.retention_of(to),
                staff_id: &session.staff.id,
            },
        )
        .await?;
        match moved {
            Moved::Done => {
                state.notifier.activity(to);
                return Ok(Ok(()));
            }
            Moved::Gone => return Err(PageError::Forbidden),
            Moved::Changed => continue,
        }
    }
    Ok(Err(Refused::Busy))
}

/// Every message sealed anew for the receiving service: a note to its
/// staff set (its statistics marks left out: they counted for the sender),
/// anything the client may read to that set and the client's key. The
/// first message the key does not open ends it.
fn reseal_all(
    read: &[Read],
    identity: &age::x25519::Identity,
    staff_set: &Envelope,
    with_client: &Envelope,
) -> Result<Vec<Vec<u8>>, SealError> {
    let keys = [identity as &dyn age::Identity];
    read.iter()
        .map(|r| {
            let sealed = &r.message.sealed;
            if store::client_reads(&r.message.author) {
                seal::reseal(sealed, &keys, with_client)
            } else {
                seal::reseal_without(sealed, &keys, staff_set, "stats")
            }
        })
        .collect()
}
