//! Which case holds which seat: the one place that answers it. A seat row
//! names no case; the seat's id is sealed inside the booking case (its first
//! message, and the line each move adds). So:
//! - a client, holding their receipt, opens their own case's messages with
//!   their client key and takes the newest seat id in them;
//! - a counsellor's key opens the client-side messages of their services'
//!   booking cases, and the seat ids found map seats to cases.
//!
//! Opening costs an X25519 agreement per recipient stanza tried (~0.1–0.3 ms
//! a message), so what a counsellor's key has opened is remembered for as
//! long as that key is unlocked (`SeatMemo`, held with the key in the staff
//! session and dropped with it). Sealed messages are never changed, so a
//! remembered answer stays true; only messages not seen before are opened.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use age::x25519;
use serde::Deserialize;

use super::store::{self, CaseRef};
use crate::app::AppState;
use crate::db::Db;
use crate::seal;
use crate::staff::StaffSession;
use crate::web::PageError;

/// The part of a sealed document the look-up reads; the rest is skipped
/// unparsed.
#[derive(Deserialize)]
struct SeatPart {
    case: String,
    #[serde(default)]
    seat: Option<String>,
}

impl seal::CaseDoc for SeatPart {
    fn case_id(&self) -> &str {
        &self.case
    }
}

/// What one counsellor's unlocked key has opened: message id to the seat it
/// names (and that message's case), or nothing (no seat, or not for this
/// key). No `Debug`: it holds the very link the seal hides.
#[derive(Default)]
pub struct SeatMemo {
    opened: Mutex<HashMap<String, Option<String>>>,
}

impl SeatMemo {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Option<String>>> {
        // A poisoned map only means a panic elsewhere; its data is still whole.
        self.opened.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Seat id to the case holding it, for every seat of the reader's services
/// that their key can tell.
pub type SeatCases = HashMap<String, CaseRef>;

/// Which case holds each seat of the reader's services, as far as their key
/// can open the booking cases. Seats of cases sealed before the reader had
/// access are missing from the answer.
pub async fn seat_cases(state: &AppState, session: &StaffSession) -> Result<SeatCases, PageError> {
    let carriers = store::seat_carriers(&state.db, &session.staff.id).await?;
    let unseen: Vec<&str> = {
        let memo = session.seats.lock();
        carriers
            .iter()
            .map(|(id, _)| id.as_str())
            .filter(|id| !memo.contains_key(*id))
            .collect()
    };
    if !unseen.is_empty() {
        let started = std::time::Instant::now();
        let sealed = store::sealed_messages(&state.db, &unseen).await?;
        let read = started.elapsed();
        let opened = open_all(session.identity.clone(), sealed).await?;
        tracing::debug!(
            messages = opened.len(),
            read_ms = read.as_millis() as u64,
            total_ms = started.elapsed().as_millis() as u64,
            "seat look-up opened new booking messages"
        );
        session.seats.lock().extend(opened);
    }
    let mut out = SeatCases::with_capacity(carriers.len());
    {
        let memo = session.seats.lock();
        for (message, case) in carriers {
            if let Some(Some(seat)) = memo.get(&message) {
                out.insert(seat.clone(), case);
            }
        }
    }
    for (seat, case) in store::carried_over(&state.db, &session.staff.id).await? {
        out.entry(seat).or_insert(case);
    }
    Ok(out)
}

/// Opens `sealed` (message id, case id, bytes) with `identity` on the
/// blocking pool, one share per core.
async fn open_all(
    identity: Arc<x25519::Identity>,
    sealed: Vec<(String, String, Vec<u8>)>,
) -> Result<Vec<(String, Option<String>)>, PageError> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let share = sealed.len().div_ceil(cores).max(64);
    let mut rest = sealed;
    let mut tasks = Vec::new();
    while !rest.is_empty() {
        let tail = rest.split_off(share.min(rest.len()));
        let part = std::mem::replace(&mut rest, tail);
        let identity = identity.clone();
        tasks.push(tokio::task::spawn_blocking(move || {
            part.into_iter()
                .map(|(id, case, bytes)| {
                    let seat = seat_in(&bytes, &case, &*identity);
                    (id, seat)
                })
                .collect::<Vec<_>>()
        }));
    }
    let mut out = Vec::new();
    for task in tasks {
        out.extend(task.await.map_err(PageError::internal)?);
    }
    Ok(out)
}

/// The seat id a sealed message names, if `identity` opens it and it
/// belongs to `case`. A message moved from another case names no seat here.
fn seat_in(sealed: &[u8], case: &str, identity: &dyn age::Identity) -> Option<String> {
    match seal::open_case_doc::<SeatPart>(sealed, &[identity], case) {
        Ok(part) => part.and_then(|p| p.seat),
        Err(seal::SealError::OtherCase) => {
            tracing::warn!("a sealed booking message belongs to another case; ignored");
            None
        }
        Err(_) => None,
    }
}

/// The seat a client's case holds now: the newest seat id in the messages
/// their key opens; for a booking made before seats were sealed, the
/// carried-over link.
pub async fn client_seat(
    db: &Db,
    case_id: &str,
    identity: &x25519::Identity,
) -> Result<Option<String>, PageError> {
    let sealed = store::client_messages_newest_first(db, case_id).await?;
    for bytes in &sealed {
        if let Some(seat) = seat_in(bytes, case_id, identity) {
            return Ok(Some(seat));
        }
    }
    Ok(store::carried_over_seats_of_case(db, case_id)
        .await?
        .into_iter()
        .next())
}

/// A seat with the case that holds it, as a counsellor acts on it.
#[derive(Debug, Clone)]
pub struct StaffBooking {
    pub id: String,
    pub target: store::Target,
    pub case_id: String,
    pub service: String,
    pub client_recipient: String,
}

/// The seat with its case, if the look-up found one of the seat's own
/// service.
pub fn with_case(cases: &SeatCases, seat: store::StaffSeat) -> Option<StaffBooking> {
    let case = cases.get(&seat.id).filter(|c| c.service == seat.service)?;
    Some(StaffBooking {
        id: seat.id,
        target: seat.target,
        case_id: case.case_id.clone(),
        service: seat.service,
        client_recipient: case.client_recipient.clone(),
    })
}
