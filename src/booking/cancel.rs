//! Cancelling a booking on the staff side (from the schedule, or because
//! its time was removed): a message sealed to the service's keys and the
//! client's key, which the client reads with their receipt, then the
//! booking ended, its seat freed and the message stored in one
//! transaction.

use sqlx::AnyConnection;

use super::seats::StaffBooking;
use super::store;
use crate::app::AppState;
use crate::intake::MessageDoc;
use crate::queue::store::{Author, Stored, add_message_as};
use crate::retention::Retention;
use crate::seal::{Place, SenderKey};
use crate::staff::StaffSession;
use crate::staff::store::audit;
use crate::web::PageError;

/// A message for one booking's client, sealed and ready to store.
pub struct SealedNotice {
    /// The row id its MAC binds.
    pub id: String,
    pub epoch: i64,
    pub sealed: Vec<u8>,
}

/// Seals `text`, signed with the counsellor's name and the service's MAC,
/// to the service and the booking's client.
pub async fn seal_notice(
    state: &AppState,
    session: &StaffSession,
    booking: &StaffBooking,
    text: String,
) -> Result<SealedNotice, PageError> {
    let keys = state.service_keys(&booking.service)?;
    let client = crate::seal::parse_recipient(&booking.client_recipient)
        .ok_or_else(|| PageError::internal("stored client recipient does not parse"))?;
    let mut doc = MessageDoc::follow_up(
        &booking.case_id,
        &booking.service,
        Some(session.staff.display_name.clone()),
        text,
    );
    let id = crate::db::new_id();
    let place = Place {
        case: &booking.case_id,
        message: &id,
        author: Author::Staff.as_str(),
    };
    SenderKey::new(&state.pepper)
        .sign(place, &mut doc)
        .map_err(PageError::internal)?;
    let sealed = state.seal(&keys.envelope.with(client), &doc).await?;
    Ok(SealedNotice {
        id,
        epoch: keys.epoch,
        sealed,
    })
}

/// Inside the caller's transaction: ends a current booking as cancelled,
/// frees its seat, stores the notice in its thread and audits it; false
/// (and nothing changed) if it was no longer current.
pub async fn end_with_notice(
    conn: &mut AnyConnection,
    staff_id: &str,
    booking: &StaffBooking,
    notice: &SealedNotice,
    rules: Retention,
) -> Result<bool, sqlx::Error> {
    if !store::end_seat(conn, &booking.id, "cancelled").await? {
        return Ok(false);
    }
    store::free_seat(conn, &booking.target).await?;
    let message = Stored {
        id: &notice.id,
        case_id: &booking.case_id,
        author: Author::Staff,
        key_epoch: notice.epoch,
        sealed: &notice.sealed,
    };
    add_message_as(conn, message, rules).await?;
    audit(
        conn,
        staff_id,
        "cancel_booking",
        Some(&booking.service),
        Some(&booking.case_id),
    )
    .await?;
    Ok(true)
}
