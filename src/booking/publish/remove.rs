//! Removing a published single slot. A slot nobody booked simply goes; a
//! booked one is never dropped silently: each of its clients gets a sealed
//! message in their thread (read with their receipt), their booking is
//! marked cancelled and the seat freed, all in the transaction that removes
//! the slot. A booking that arrives while the messages are being sealed
//! makes the removal stop, to be tried again, rather than go unannounced.
//! Changing a booked slot's time (`edit.rs`) is the same, with the new time
//! published in that transaction.

use crate::app::AppState;
use crate::booking::cancel::{end_with_notice, seal_notice};
use crate::booking::seats;
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
}

pub async fn remove_slot(
    state: &AppState,
    session: &StaffSession,
    slot_id: &str,
) -> Result<Removal, PageError> {
    let slot = {
        let mut conn = state.db.pool.acquire().await.map_err(PageError::internal)?;
        store::member_slot(&mut conn, &session.staff.id, slot_id)
            .await
            .map_err(PageError::internal)?
    };
    let Some(slot) = slot else {
        return Ok(Removal::NotFound);
    };
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
    let staff = &session.staff.id;
    let taken = {
        let mut conn = state.db.pool.acquire().await.map_err(PageError::internal)?;
        store::current_seats_of_slot(&mut conn, &slot.id)
            .await
            .map_err(PageError::internal)?
    };
    let mut booked = Vec::with_capacity(taken.len());
    if !taken.is_empty() {
        let cases = seats::seat_cases(state, session).await?;
        for seat in taken {
            match seats::with_case(&cases, seat) {
                Some(b) => booked.push(b),
                // A client nobody here can reach is never dropped silently.
                None => return Ok(Removal::Unreadable),
            }
        }
    }
    let service =
        find_service(state, &slot.service).ok_or_else(|| PageError::internal("unknown service"))?;
    let t = Tr::new(session.lang);
    let when = show_when(&t, &service, slot.starts_at, slot.ends_at);
    let text = match &replacement {
        None => t.t1("avail-doc-removed", "when", &when),
        Some((new, _)) => t.ta(
            "avail-doc-changed",
            &[
                ("when", &when),
                ("new", &show_when(&t, &service, new.starts_at, new.ends_at)),
            ],
        ),
    };
    let mut notices = Vec::with_capacity(booked.len());
    for b in &booked {
        notices.push(seal_notice(state, session, b, text.clone()).await?);
    }
    let mut tx = state.db.pool.begin().await.map_err(PageError::internal)?;
    if !store::cancel_slot(&mut tx, &slot.id)
        .await
        .map_err(PageError::internal)?
    {
        tx.rollback().await.map_err(PageError::internal)?;
        return Ok(Removal::NotFound);
    }
    let now_booked = store::current_seats_of_slot(&mut tx, &slot.id)
        .await
        .map_err(PageError::internal)?;
    let same = now_booked.len() == booked.len()
        && now_booked.iter().zip(&booked).all(|(a, b)| a.id == b.id);
    if !same {
        tx.rollback().await.map_err(PageError::internal)?;
        return Ok(Removal::Raced);
    }
    for (b, notice) in booked.iter().zip(&notices) {
        let rules = state.services.retention_of(&b.service);
        end_with_notice(&mut tx, staff, b, notice, rules)
            .await
            .map_err(PageError::internal)?;
    }
    let action = match replacement {
        Some((new, capacity)) => {
            store::insert_slots(&mut tx, &slot.service, &[new], capacity, &slot.origin, None)
                .await
                .map_err(PageError::internal)?;
            "edit_slot"
        }
        None => "remove_slot",
    };
    audit(&mut tx, staff, action, Some(&slot.service), None)
        .await
        .map_err(PageError::internal)?;
    tx.commit().await.map_err(PageError::internal)?;
    if !booked.is_empty() {
        tracing::info!(service = %slot.service, cancelled = booked.len(), "booked slot retired");
    }
    Ok(Removal::Removed(booked.len()))
}
