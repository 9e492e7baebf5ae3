//! The identities this instance has opened, keyed by token hash, each with
//! the seat memo of its session. One is reused only after the same
//! request's row check said its session is live and still seals that key;
//! `sweep` drops those whose session the database no longer holds live, and
//! rotation is given only keys confirmed live within `CONFIRMED_FOR`.

use std::collections::HashMap;
use std::sync::atomic::Ordering;
use std::sync::{Arc, MutexGuard};
use std::time::{Duration, Instant};

use age::x25519;

use super::{EXPIRE_EVERY, SessionKey, Sessions, now, store};
use crate::booking::seats::SeatMemo;

/// How long an opened identity this instance holds counts as live without
/// the database confirming its session again (`sweep` does, every few
/// seconds): a key logged out or deactivated elsewhere is never handed to
/// a rotation for longer than this.
const CONFIRMED_FOR: Duration = Duration::from_secs(5);

/// An identity this instance has opened, for the session that opened it.
pub(super) struct Unlocked {
    staff_id: String,
    identity: Arc<x25519::Identity>,
    /// Its public key, to see that the row still seals this one.
    recipient: String,
    /// What this key has opened to find booked seats; dropped with the key.
    seats: Arc<SeatMemo>,
    /// When the database last said the session is live.
    confirmed: Instant,
}

impl Sessions {
    /// Forgets every key of a person here (deactivation, a password reset);
    /// the caller deletes their rows or deactivates the account, which ends
    /// their sessions on every instance at the next request.
    pub fn forget_person(&self, staff_id: &str) {
        self.lock().retain(|_, u| u.staff_id != staff_id);
    }

    /// Forgets a person's keys here but the one of session `keep`.
    pub(super) fn forget_others(&self, staff_id: &str, keep: &[u8; 32]) {
        self.lock()
            .retain(|hash, u| u.staff_id != staff_id || hash == keep);
    }

    /// The keys of the people in `staff_ids` that this instance holds for
    /// sessions the database confirmed live within the last few seconds:
    /// a rotation may open items with a logged-in member's key. Keys of
    /// sessions that never made a request here are not among them.
    pub fn unlocked_of(&self, staff_ids: &[String]) -> Vec<x25519::Identity> {
        let mut found: Vec<x25519::Identity> = vec![];
        let mut seen: Vec<&str> = vec![];
        let map = self.lock();
        for u in map.values() {
            if staff_ids.contains(&u.staff_id)
                && u.confirmed.elapsed() <= CONFIRMED_FOR
                && !seen.contains(&u.recipient.as_str())
            {
                seen.push(&u.recipient);
                found.push((*u.identity).clone());
            }
        }
        found
    }

    /// Whether this instance still holds the key of session `token_hash`:
    /// false within seconds of the session ending anywhere (`sweep`). A
    /// long-lived answer (an event stream) asks this as it goes on.
    pub fn holds(&self, token_hash: &[u8; 32]) -> bool {
        self.lock().contains_key(token_hash)
    }

    /// Drops every unlocked key (at shutdown).
    pub fn forget_all(&self) {
        self.lock().clear();
    }

    /// Every few seconds: deletes timed-out sessions (now and then), and
    /// forgets the keys whose session the database no longer holds live
    /// (ended elsewhere, timed out, or the account deactivated).
    pub async fn sweep(&self, db: &crate::db::Db) -> Result<(), sqlx::Error> {
        let t = now();
        if t - self.expired_at.load(Ordering::Relaxed) >= EXPIRE_EVERY {
            store::expire_sessions(db, t - self.idle_seconds, t - self.absolute_seconds).await?;
            self.expired_at.store(t, Ordering::Relaxed);
        }
        if self.lock().is_empty() {
            return Ok(());
        }
        let asked = Instant::now();
        let live = store::live_sessions(db).await?;
        let live: std::collections::HashSet<Vec<u8>> = live.into_iter().collect();
        self.lock().retain(|hash, u| {
            let keep = live.contains(&hash[..]);
            if keep && u.confirmed < asked {
                u.confirmed = asked;
            }
            keep
        });
        Ok(())
    }

    /// The identity of a live session's row: the one held here if the row
    /// still seals that key, else opened from the row and held. `None` when
    /// the row has none (begun before migration 0010) or it does not open.
    pub(super) fn open(
        &self,
        hash: &[u8; 32],
        key: &SessionKey,
        row: &store::SessionRow,
    ) -> Option<(Arc<x25519::Identity>, Arc<SeatMemo>)> {
        if let Some(u) = self.lock().get_mut(hash)
            && u.recipient == row.staff.recipient
        {
            u.confirmed = Instant::now();
            return Some((u.identity.clone(), u.seats.clone()));
        }
        let identity = Arc::new(key.open(hash, row.sealed_identity.as_deref()?)?);
        let seats = Arc::default();
        let held = self.hold(*hash, &row.staff.id, identity.clone(), seats);
        Some((identity, held))
    }

    /// Holds an opened identity here; returns the seat memo kept with it
    /// (the one already held if the key is unchanged).
    pub(super) fn hold(
        &self,
        hash: [u8; 32],
        staff_id: &str,
        identity: Arc<x25519::Identity>,
        seats: Arc<SeatMemo>,
    ) -> Arc<SeatMemo> {
        let recipient = identity.to_public().to_string();
        let mut map = self.lock();
        let seats = match map.get(&hash) {
            Some(u) if u.recipient == recipient => u.seats.clone(),
            _ => seats,
        };
        let entry = Unlocked {
            staff_id: staff_id.to_owned(),
            identity,
            recipient,
            seats: seats.clone(),
            confirmed: Instant::now(),
        };
        map.insert(hash, entry);
        seats
    }

    pub fn unlocked_count(&self) -> usize {
        self.lock().len()
    }

    pub(super) fn lock(&self) -> MutexGuard<'_, HashMap<[u8; 32], Unlocked>> {
        // A poisoned map only means a panic elsewhere; its data is still whole.
        self.unlocked.lock().unwrap_or_else(|e| e.into_inner())
    }
}
