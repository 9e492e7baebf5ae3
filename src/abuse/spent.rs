//! Single-use forms: taking a client's form checks its token and records
//! the keyed hash of its nonce in `spent_form_nonces`, in the database all
//! instances share, so that the same form sent again (Back and Reload after
//! a quick exit, on this instance or another) is refused as expired and
//! never shows a thread or makes a second case.
//!
//! The row is written on its own (a transaction of its own, before the
//! case's): no commit ties it to the case the form opens. It holds a day,
//! the last one on which the token could still be taken; the retention
//! purge deletes it after that day. Spent nonces are group-committed in a
//! lane of the cases' writer (`db::start_writer`): concurrent forms share
//! one commit, and one connection writes both, so they never wait on each
//! other's write lock.

use jiff::civil::Date;
use sqlx::AnyConnection;

use super::{FormKey, TokenCheck};
use crate::db::{Db, WriteBatch, WriteFuture, Writer, placeholders};

/// A spent nonce as stored: its keyed hash and its last day.
pub struct SpentNonce {
    hash: String,
    expires_on: String,
}

impl WriteBatch for SpentNonce {
    /// One statement for a batch. A nonce spent before (or twice in the
    /// batch) fails the batch on the primary key; the writer then applies
    /// the items one by one, and only that one fails.
    fn apply_all<'c>(items: &'c [&'c SpentNonce], conn: &'c mut AnyConnection) -> WriteFuture<'c> {
        Box::pin(async move {
            // Only placeholders are formatted into the SQL; values are bound.
            let sql = format!(
                "insert into spent_form_nonces (nonce_hash, expires_on) values {}",
                placeholders(items.len(), 2)
            );
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
            for n in items {
                query = query.bind(&n.hash).bind(&n.expires_on);
            }
            query.execute(&mut *conn).await?;
            Ok(())
        })
    }

    /// A form sent again: the caller hands it back as expired.
    fn is_refusal(error: &sqlx::Error) -> bool {
        is_spent_already(error)
    }
}

fn is_spent_already(error: &sqlx::Error) -> bool {
    error
        .as_database_error()
        .is_some_and(|d| d.is_unique_violation())
}

/// How a form is filled: by hand (a contact request, a booking, a message
/// written back: too fast a return is a bot's) or with a click (a receipt
/// form or a button on a page just shown: no minimum fill time).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filled {
    ByHand,
    AtOnce,
}

/// Checks a form's token and spends its nonce: `None` when the form may be
/// taken (and nobody can take it again), else the notice to hand it back
/// with: `notice-too-fast`, or `notice-expired` for a token that is old,
/// forged, of another form or already spent (alike, on purpose).
pub async fn take_form(
    spent: &Writer<SpentNonce>,
    key: &FormKey,
    scope: &str,
    token: &str,
    filled: Filled,
) -> Result<Option<&'static str>, sqlx::Error> {
    let now = crate::intake::now_secs();
    match key.check(scope, token, now) {
        TokenCheck::Valid => {}
        TokenCheck::TooFast if filled == Filled::AtOnce => {}
        TokenCheck::TooFast => return Ok(Some("notice-too-fast")),
        TokenCheck::Invalid => return Ok(Some("notice-expired")),
    }
    let Some(hash) = key.nonce_hash(token) else {
        return Ok(Some("notice-expired"));
    };
    if spend(spent, hash, last_day(now, key.max_age())).await? {
        Ok(None)
    } else {
        tracing::debug!("a spent form token was sent again");
        Ok(Some("notice-expired"))
    }
}

/// Records that `what` was done (a keyed hash, as a spent nonce, kept
/// until `last_day`): true the first time, false ever after until the
/// purge takes it. Committed by the nonce writer in a transaction of its
/// own, never the case's.
pub async fn spend_once(
    spent: &Writer<SpentNonce>,
    key: &FormKey,
    what: &str,
    last_day: Date,
) -> Result<bool, sqlx::Error> {
    spend(spent, key.once_hash(what), last_day).await
}

/// Takes back what [`spend_once`] recorded for `what`, when the act it
/// guarded could not be stored: the act may be tried again.
pub async fn unspend_once(db: &Db, key: &FormKey, what: &str) -> Result<(), sqlx::Error> {
    sqlx::query("delete from spent_form_nonces where nonce_hash = $1")
        .bind(key.once_hash(what))
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// The last UTC day on which a token taken at `now` could still be valid.
fn last_day(now: u64, max_age: u64) -> Date {
    let until = i64::try_from(now.saturating_add(max_age).saturating_add(60)).unwrap_or(i64::MAX);
    crate::retention::day_of(until)
}

/// Records a spent nonce; false when it was already spent. Committed by
/// the nonce writer, never in a case's transaction.
async fn spend(
    spent: &Writer<SpentNonce>,
    hash: String,
    last_day: Date,
) -> Result<bool, sqlx::Error> {
    let nonce = SpentNonce {
        hash,
        expires_on: crate::db::day(last_day),
    };
    // The primary key refuses the second insert of a hash, on any instance.
    match spent.write(nonce).await {
        Ok(()) => Ok(true),
        Err(e) if is_spent_already(&e) => Ok(false),
        Err(e) => Err(e),
    }
}

/// The spent nonces whose tokens are too old to be taken by `as_of` ($1):
/// their last day is before it. Shared by the purge and its dry run.
const SPENT_EXPIRED: &str = "expires_on < $1";

/// Deletes the spent nonces whose tokens are too old to be taken by
/// `as_of`. Returns how many.
pub async fn purge_spent(db: &Db, as_of: Date) -> Result<u64, sqlx::Error> {
    let sql = format!("delete from spent_form_nonces where {SPENT_EXPIRED}");
    let done = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(crate::db::day(as_of))
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected())
}

/// How many spent nonces [`purge_spent`] would delete by `as_of`, read only.
pub async fn count_spent(db: &Db, as_of: Date) -> Result<u64, sqlx::Error> {
    let sql = format!("select count(*) from spent_form_nonces where {SPENT_EXPIRED}");
    let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .bind(crate::db::day(as_of))
        .fetch_one(&db.pool)
        .await?;
    Ok(u64::try_from(n).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nonce_is_kept_until_the_day_its_token_could_last_be_taken() {
        // 2027-01-15 08:00 UTC, tokens valid for four hours.
        let now = 1_800_000_000;
        assert_eq!(last_day(now, 4 * 3600).to_string(), "2027-01-15");
        // Taken at 22:00: the token could be taken until 02:00 the next day.
        assert_eq!(
            last_day(now + 14 * 3600, 4 * 3600).to_string(),
            "2027-01-16"
        );
    }
}
