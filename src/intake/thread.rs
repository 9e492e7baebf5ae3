//! A case's thread as its client sees and adds to it, with the key their
//! receipt derives: the messages it opens, and a message written back.

use super::payload::MessageDoc;
use super::store::{self, CaseRow};
use super::views::{Thread, ThreadMessage};
use crate::app::AppState;
use crate::i18n::Lang;
use crate::queue::store::{Author, add_message};
use crate::seal::{self, ClientKey, Place, Receipt, SenderKey};
use crate::web::PageError;

pub(super) async fn store_client_message(
    state: &AppState,
    case: &CaseRow,
    key: &ClientKey,
    text: String,
    lang: Lang,
) -> Result<(), PageError> {
    let mut service = case.service.clone();
    // A case handed to another service between reading it and writing is
    // refused under the old service's keys: sealed again for the new one,
    // so nothing the client wrote is lost.
    for _ in 0..3 {
        let keys = state.service_keys(&service)?;
        let doc = MessageDoc::follow_up(&case.id, &service, None, text.clone()).written_from(lang);
        let envelope = keys.envelope.with(key.recipient());
        let sealed = state.seal(&envelope, &doc).await?;
        let mut tx = state.db.pool.begin().await?;
        let rules = state.services.retention_of(&service);
        let added = add_message(
            &mut tx,
            &case.id,
            Author::Client,
            keys.epoch,
            &sealed,
            rules,
        );
        match added.await {
            Ok(()) => {
                tx.commit().await?;
                state.notifier.activity(&service);
                return Ok(());
            }
            Err(sqlx::Error::RowNotFound) => {
                tx.rollback().await?;
                match store::find_by_lookup(&state.db, &key.lookup_hash).await? {
                    Some(now) => service = now.service.clone(),
                    None => return Err(PageError::NotFound),
                }
            }
            Err(e) => return Err(e.into()),
        }
    }
    Err(PageError::internal(
        "a case kept moving while a message was written",
    ))
}

/// The case behind a receipt, with the messages the client's key opens:
/// theirs and the replies. Internal notes are not sealed to them.
pub(crate) async fn open_thread(
    state: &AppState,
    receipt: &Receipt,
) -> Result<Option<Thread>, PageError> {
    let key = receipt.client_key(&state.pepper)?;
    let Some(case) = store::find_by_lookup(&state.db, &key.lookup_hash).await? else {
        return Ok(None);
    };
    let sealed = store::messages(&state.db, &case.id).await?;
    let keys = [&key.identity as &dyn age::Identity];
    let sender = SenderKey::new(&state.pepper);
    let mut messages = Vec::with_capacity(sealed.len());
    let mut refused = 0;
    for m in sealed
        .into_iter()
        .filter(|m| m.author != Author::Note.as_str())
    {
        // What the client may read is sealed to their key: anything else
        // here is damage, not a message to skip.
        let mut doc: MessageDoc = seal::open_case_doc(&m.sealed, &keys, &case.id)?
            .ok_or(seal::SealError::NotForThisKey)?;
        let place = Place {
            case: &case.id,
            message: &m.id,
            author: &m.author,
        };
        // A reply the service did not write (sealed to the client's public
        // key by someone with only the database) is shown nowhere.
        if !sender.accepts(place, &mut doc) {
            refused += 1;
            continue;
        }
        let from_client = m.author == Author::Client.as_str();
        // A reply's day is the one its MAC covers, not the stored column.
        let day = match doc.written_at.get(..10) {
            Some(day) if !from_client => day.to_owned(),
            _ => m.written_on,
        };
        messages.push(ThreadMessage {
            from_client,
            automatic: m.author == Author::Auto.as_str(),
            day,
            doc,
        });
    }
    SenderKey::log_refused(refused);
    Ok(Some(Thread { case, messages }))
}
