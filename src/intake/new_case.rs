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
        auto_reply: None,
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
    let sealed = seal_case(state, service, kind, None, first).await?;
    store_case(state, service, sealed).await
}

/// A written contact request: [`open_case`], with the service's automatic
/// first reply for a client writing from a page in `lang`, if it has one,
/// stored in the same write as the case.
pub(crate) async fn open_contact(
    state: &AppState,
    service: &Service,
    lang: crate::i18n::Lang,
    first: impl FnOnce(&str) -> MessageDoc,
) -> Result<(Receipt, String), PageError> {
    let mut sealed = seal_case(state, service, "contact", None, first).await?;
    sealed.case.auto_reply =
        crate::promise::auto_reply::seal(state, service, lang, &sealed.case).await?;
    store_case(state, service, sealed).await
}

async fn store_case(
    state: &AppState,
    service: &Service,
    SealedCase { receipt, case }: SealedCase,
) -> Result<(Receipt, String), PageError> {
    let id = case.id.clone();
    state.writer.write(case).await?;
    state.notifier.activity(&service.slug);
    Ok((receipt, id))
}
