//! Removing a published single slot. A slot nobody booked simply goes; a
//! booked one is never dropped silently: each of its clients gets a sealed
//! message in their thread (read with their receipt), their booking is
//! marked cancelled and the seat freed, all in the transaction that removes
//! the slot. A booking that arrives while the messages are being sealed
//! makes the removal stop, to be tried again, rather than go unannounced.
//! Changing a booked slot's time (`edit.rs`) is the same, with the new time
//! published in that transaction.

use crate::app::AppState;
use crate::booking::cancel::{SealedNotice, end_with_notice, seal_notice};
use crate::booking::seats::{self, StaffBooking};
use crate::booking::store::{self, SlotRow};
use crate::booking::time::Stretch;
use crate::booking::{find_service, show_when};
use crate::i18n::Tr;
use crate::staff::StaffSession;
use crate::staff::store::audit;
use crate::web::PageError;

/// What removing a slot did.
pub enum Removal {
    /// Removed; this many bookings were cancelled with a message.
    Removed(usize),
    /// Not a slot of the reader's services (or already removed).
    NotFound,
    /// Someone booked it meanwhile: nothing changed.
    Raced,
    /// A booking's case does not open with the reader's key, so its client
    /// could not be told: nothing changed.
    Unreadable,
    /// The time is booked and the "I am sure" box was not ticked: nothing
    /// changed (removing it cancels someone's booking).
    NotConfirmed,
}

pub async fn remove_slot(
    state: &AppState,
    session: &StaffSession,
    slot_id: &str,
    confirmed: bool,
) -> Result<Removal, PageError> {
    let slot = {
        let mut conn = state.db.pool.acquire().await?;
        store::member_slot(&mut conn, &session.staff.id, slot_id).await?
    };
    let Some(slot) = slot else {
        return Ok(Removal::NotFound);
    };
    if slot.taken > 0 && !confirmed {
        return Ok(Removal::NotConfirmed);
    }
    retire(state, session, &slot, None).await
}

/// Removes `slot`, cancelling its bookings with a message, and publishes
/// `replacement` (a new time for it, when it is edited) in the same
/// transaction.
pub async fn retire(
    state: &AppState,
    session: &StaffSession,
    slot: &SlotRow,
    replacement: Option<(Stretch, i32)>,
) -> Result<Removal, PageError> {
    let Some(booked) = bookings_of(state, session, slot).await? else {
        // A client nobody here can reach is never dropped silently.
        return Ok(Removal::Unreadable);
    };
    let text = notice_text(state, session, slot, replacement.as_ref())?;
    let mut notices = Vec::with_capacity(booked.len());
    for b in &booked {
        notices.push(seal_notice(state, session, b, text.clone()).await?);
    }
    let retirement = Retirement {
        slot,
        booked: &booked,
        notices: &notices,
        replacement,
    };
    commit(state, &session.staff.id, retirement).await
}

/// The current bookings of `slot` with their cases; `None` if the reader's
/// key cannot tell the case of one of them.
async fn bookings_of(
    state: &AppState,
    session: &StaffSession,
    slot: &SlotRow,
) -> Result<Option<Vec<StaffBooking>>, PageError> {
    let taken = {
        let mut conn = state.db.pool.acquire().await?;
        store::current_seats_of_slot(&mut conn, &slot.id).await?
    };
    if taken.is_empty() {
        return Ok(Some(vec![]));
    }
    let cases = seats::seat_cases(state, session).await?;
    Ok(taken
        .into_iter()
        .map(|seat| seats::with_case(&cases, seat))
        .collect())
}

/// What each booked client is told: the time removed, or changed to what.
fn notice_text(
    state: &AppState,
    session: &StaffSession,
    slot: &SlotRow,
    replacement: Option<&(Stretch, i32)>,
) -> Result<String, PageError> {
    let service =
        find_service(state, &slot.service).ok_or_else(|| PageError::internal("unknown service"))?;
    let t = Tr::new(session.lang);
    let when = show_when(&t, &service, slot.starts_at, slot.ends_at);
    Ok(match replacement {
        None => t.t1("avail-doc-removed", "when", &when),
        Some((new, _)) => t.ta(
            "avail-doc-changed",
            &[
                ("when", &when),
                ("new", &show_when(&t, &service, new.starts_at, new.ends_at)),
            ],
        ),
    })
}

/// A removal ready to commit: the slot, its bookings and their notices.
struct Retirement<'a> {
    slot: &'a SlotRow,
    booked: &'a [StaffBooking],
    notices: &'a [SealedNotice],
    replacement: Option<(Stretch, i32)>,
}

/// One transaction: the slot cancelled, each booking ended with its
/// notice, the replacement published, the audit row. Nothing changes if
/// the slot is gone or its bookings changed since they were read.
async fn commit(state: &AppState, staff: &str, r: Retirement<'_>) -> Result<Removal, PageError> {
    let slot = r.slot;
    let mut tx = state.db.pool.begin().await?;
    if !store::cancel_slot(&mut tx, &slot.id).await? {
        tx.rollback().await?;
        return Ok(Removal::NotFound);
    }
    let now_booked = store::current_seats_of_slot(&mut tx, &slot.id).await?;
    let same = now_booked.len() == r.booked.len()
        && now_booked.iter().zip(r.booked).all(|(a, b)| a.id == b.id);
    if !same {
        tx.rollback().await?;
        return Ok(Removal::Raced);
    }
    for (b, notice) in r.booked.iter().zip(r.notices) {
        let rules = state.services.retention_of(&b.service);
        end_with_notice(&mut tx, staff, b, notice, rules).await?;
    }
    let action = match r.replacement {
        Some((new, capacity)) => {
            store::insert_slots(&mut tx, &slot.service, &[new], capacity, &slot.origin, None)
                .await?;
            "edit_slot"
        }
        None => "remove_slot",
    };
    audit(&mut tx, staff, action, Some(&slot.service), None).await?;
    tx.commit().await?;
    Ok(Removal::Removed(r.booked.len()))
}
