//! Opening a case, the one way every case begins (a contact request, a
//! booking, a call a counsellor writes down): a fresh receipt, the client
//! key it derives, the first message sealed to the service's keys and that
//! key, and the case row with its look-up hash and retention deadline. The
//! receipt is handed out only once the case is durably stored.

use jiff::civil::Date;

use super::payload::MessageDoc;
use super::store::NewCase;
use crate::app::AppState;
use crate::config::Service;
use crate::db::{day, new_id, today};
use crate::seal::Receipt;
use crate::web::PageError;

/// A new case sealed and ready to store, and the receipt that opens it.
pub(crate) struct SealedCase {
    pub receipt: Receipt,
    pub case: NewCase,
}

/// Seals a new case of `kind` in `service`, its first message built by
/// `first` for the case's id. A booking's case is kept past
/// `booked_until`, the last day its booking may hold.
pub(crate) async fn seal_case(
    state: &AppState,
    service: &Service,
    kind: &'static str,
    booked_until: Option<Date>,
    first: impl FnOnce(&str) -> MessageDoc,
) -> Result<SealedCase, PageError> {
    let keys = state.service_keys(&service.slug)?;
    let receipt = Receipt::generate();
    let client = receipt.client_key(&state.pepper)?;
    let id = new_id();
    let doc = first(&id);
    let client_recipient = client.recipient();
    let client_recipient_text = client_recipient.to_string();
    let sealed = state
        .seal(&keys.envelope.with(client_recipient), &doc)
        .await?;
    let opened = today();
    let retain = crate::retention::deadline(service.retention, false, opened, booked_until);
    let case = NewCase {
        id,
        service: service.slug.clone(),
        kind,
        opened_on: day(opened),
        retain_until: day(retain),
        lookup_hash: client.lookup_hash,
        client_recipient: client_recipient_text,
        message_id: new_id(),
        key_epoch: keys.epoch,
        sealed,
    };
    Ok(SealedCase { receipt, case })
}

/// Seals a new case and stores it through the group-commit writer; the
/// receipt (and the case's id) come back only once the write is durable.
pub(crate) async fn open_case(
    state: &AppState,
    service: &Service,
    kind: &'static str,
    first: impl FnOnce(&str) -> MessageDoc,
) -> Result<(Receipt, String), PageError> {
    let SealedCase { receipt, case } = seal_case(state, service, kind, None, first).await?;
    let id = case.id.clone();
    state.writer.write(case).await?;
    state.notifier.activity(&service.slug);
    Ok((receipt, id))
}
