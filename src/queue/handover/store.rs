//! SQL of a hand-over: the case's messages as read, and the one
//! transaction that moves the case to the receiving service.

use sqlx::Row;

use crate::db::{Db, day, today};
use crate::queue::store::{Author, StoredMessage};
use crate::retention::Retention;
use crate::staff::store::audit;

/// The author kind of the line a hand-over adds: the client may read it
/// (sealed to their key too) and it carries the service's MAC.
pub const AUTHOR: &str = "handover";

/// A message as read before resealing, with its epoch (the swap compares
/// both).
pub struct Read {
    pub message: StoredMessage,
    pub key_epoch: i64,
}

/// Every message of a case, in thread order.
pub async fn read(db: &Db, case_id: &str) -> Result<Vec<Read>, sqlx::Error> {
    sqlx::query(
        "select id, author, written_on, key_epoch, sealed from messages \
         where case_id = $1 order by n",
    )
    .bind(case_id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| {
        Ok(Read {
            message: StoredMessage {
                id: r.try_get("id")?,
                author: r.try_get("author")?,
                written_on: r.try_get("written_on")?,
                sealed: r.try_get("sealed")?,
            },
            key_epoch: r.try_get("key_epoch")?,
        })
    })
    .collect()
}

/// What the transaction writes.
pub struct Move<'a> {
    pub case_id: &'a str,
    pub from: &'a str,
    pub to: &'a str,
    pub epoch: i64,
    /// The messages as read, and each one's new ciphertext.
    pub read: &'a [Read],
    pub resealed: &'a [Vec<u8>],
    /// The hand-over line: its minted row id and ciphertext.
    pub line_id: &'a str,
    pub line: &'a [u8],
    pub rules: Retention,
    pub staff_id: &'a str,
}

/// How the transaction ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Moved {
    Done,
    /// The case is no longer the sender's (handed over meanwhile, or gone).
    Gone,
    /// A message was added, changed or deleted since it was read: read again.
    Changed,
}

/// Moves the case in one transaction: the case's row first (its lock makes
/// any message added at once wait, and a message sealed to the sender's
/// keys meanwhile is refused by `add_message_as`'s check of the epoch), the
/// thread unchanged since it was read, each message swapped only if it
/// still holds what was read, the hand-over line, retention by the
/// receiving service's rules, and the sender's audit entry. Anything amiss
/// rolls all of it back.
pub async fn move_case(db: &Db, m: Move<'_>) -> Result<Moved, sqlx::Error> {
    let date = today();
    let mut tx = db.pool.begin().await?;
    // The receiving service sees a new, unread case, nobody's yet; the
    // client sees a line to read.
    let moved = sqlx::query(
        "update cases set service = $1, status = 'new', assignee = null, staff_unread = 1, \
         client_unread = 1, updated_on = $2 where id = $3 and service = $4",
    )
    .bind(m.to)
    .bind(day(date))
    .bind(m.case_id)
    .bind(m.from)
    .execute(&mut *tx)
    .await?;
    if moved.rows_affected() != 1 {
        tx.rollback().await?;
        return Ok(Moved::Gone);
    }
    let now: i64 = sqlx::query("select count(*) from messages where case_id = $1")
        .bind(m.case_id)
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
    if usize::try_from(now).ok() != Some(m.read.len()) {
        tx.rollback().await?;
        return Ok(Moved::Changed);
    }
    for (read, new) in m.read.iter().zip(m.resealed) {
        // Compare and swap, as rotation does.
        let swapped = sqlx::query(
            "update messages set sealed = $1, key_epoch = $2 \
             where id = $3 and case_id = $4 and key_epoch = $5 and sealed = $6",
        )
        .bind(&new[..])
        .bind(m.epoch)
        .bind(&read.message.id)
        .bind(m.case_id)
        .bind(read.key_epoch)
        .bind(&read.message.sealed)
        .execute(&mut *tx)
        .await?;
        if swapped.rows_affected() != 1 {
            tx.rollback().await?;
            return Ok(Moved::Changed);
        }
    }
    sqlx::query(
        "insert into messages (id, case_id, n, author, written_on, key_epoch, sealed) \
         values ($1, $2, (select coalesce(max(n) + 1, 0) from messages where case_id = $2), \
                 $3, $4, $5, $6)",
    )
    .bind(m.line_id)
    .bind(m.case_id)
    .bind(AUTHOR)
    .bind(day(date))
    .bind(m.epoch)
    .bind(m.line)
    .execute(&mut *tx)
    .await?;
    crate::retention::store::touch(&mut tx, m.case_id, m.rules, date).await?;
    // The sender's act, under the sender's service: the receiving service's
    // readers see no audit log, and the line names no counsellor.
    audit(
        &mut tx,
        m.staff_id,
        "handover",
        Some(m.from),
        Some(m.case_id),
    )
    .await?;
    tx.commit().await?;
    Ok(Moved::Done)
}

/// Whether `author` is one the client may read (sealed to their key too).
pub fn client_reads(author: &str) -> bool {
    author != Author::Note.as_str()
}
