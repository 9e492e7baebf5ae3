//! Removing a published single slot. A slot nobody booked simply goes; a
//! booked one is never dropped silently: each of its clients gets a sealed
//! message in their thread (read with their receipt), their booking is
//! marked cancelled and the seat freed, all in the transaction that removes
//! the slot. A booking that arrives while the messages are being sealed
//! makes the removal stop, to be tried again, rather than go unannounced.

use crate::app::AppState;
use crate::booking::cancel::{end_with_notice, seal_notice};
use crate::booking::{find_service, show_when, store};
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
}

pub async fn remove_slot(
    state: &AppState,
    session: &StaffSession,
    slot_id: &str,
) -> Result<Removal, PageError> {
    let staff = &session.staff.id;
    let (slot, booked) = {
        let mut conn = state.db.pool.acquire().await.map_err(PageError::internal)?;
        let Some(slot) = store::member_slot(&mut conn, staff, slot_id)
            .await
            .map_err(PageError::internal)?
        else {
            return Ok(Removal::NotFound);
        };
        let booked = store::current_bookings_of_slot(&mut conn, &slot.id)
            .await
            .map_err(PageError::internal)?;
        (slot, booked)
    };
    let service =
        find_service(state, &slot.service).ok_or_else(|| PageError::internal("unknown service"))?;
    let t = Tr::new(session.lang);
    let when = show_when(&t, service, slot.starts_at, slot.ends_at);
    let text = t.t1("avail-doc-removed", "when", &when);
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
    let now_booked = store::current_bookings_of_slot(&mut tx, &slot.id)
        .await
        .map_err(PageError::internal)?;
    let same = now_booked.len() == booked.len()
        && now_booked.iter().zip(&booked).all(|(a, b)| a.id == b.id);
    if !same {
        tx.rollback().await.map_err(PageError::internal)?;
        return Ok(Removal::Raced);
    }
    for (b, notice) in booked.iter().zip(&notices) {
        end_with_notice(&mut tx, staff, b, notice)
            .await
            .map_err(PageError::internal)?;
    }
    audit(&mut tx, staff, "remove_slot", Some(&slot.service), None)
        .await
        .map_err(PageError::internal)?;
    tx.commit().await.map_err(PageError::internal)?;
    if !booked.is_empty() {
        tracing::info!(service = %slot.service, cancelled = booked.len(), "booked slot removed");
    }
    Ok(Removal::Removed(booked.len()))
}
