//! SQL for cases and their sealed messages.

use std::collections::HashMap;

use sqlx::{AnyConnection, AssertSqlSafe, Row};

use crate::db::{Db, WriteBatch, WriteFuture, placeholders};

/// A new case and the client's first sealed message, written as one unit.
pub struct NewCase {
    pub id: String,
    pub service: String,
    pub kind: &'static str,
    pub opened_on: String,
    pub retain_until: String,
    pub lookup_hash: [u8; 32],
    pub client_recipient: String,
    pub message_id: String,
    pub key_epoch: i64,
    pub sealed: Vec<u8>,
    /// The service's automatic first reply (`crate::promise::auto_reply`),
    /// stored with the case or not at all.
    pub auto_reply: Option<AutoReply>,
}

/// A sealed automatic reply and its row id (bound by its MAC).
pub struct AutoReply {
    pub message_id: String,
    pub sealed: Vec<u8>,
}

impl WriteBatch for NewCase {
    /// Two statements for a whole batch: its cases, then their messages
    /// (each first message, and the automatic replies after them).
    fn apply_all<'c>(items: &'c [&'c NewCase], conn: &'c mut AnyConnection) -> WriteFuture<'c> {
        Box::pin(async move {
            // Only placeholders are formatted into the SQL; values are bound.
            let sql = format!(
                "insert into cases (id, service, kind, status, opened_on, updated_on, \
                 retain_until, lookup_hash, client_recipient) values {}",
                placeholders(items.len(), 9)
            );
            let mut query = sqlx::query(AssertSqlSafe(sql));
            for c in items {
                query = query
                    .bind(&c.id)
                    .bind(&c.service)
                    .bind(c.kind)
                    .bind("new")
                    .bind(&c.opened_on)
                    .bind(&c.opened_on)
                    .bind(&c.retain_until)
                    .bind(&c.lookup_hash[..])
                    .bind(&c.client_recipient);
            }
            query.execute(&mut *conn).await?;
            let replies = items.iter().filter(|c| c.auto_reply.is_some()).count();
            let sql = format!(
                "insert into messages (id, case_id, n, author, written_on, key_epoch, sealed) \
                 values {}",
                placeholders(items.len() + replies, 7)
            );
            let mut query = sqlx::query(AssertSqlSafe(sql));
            for c in items {
                query = query
                    .bind(&c.message_id)
                    .bind(&c.id)
                    .bind(0_i32)
                    .bind("client")
                    .bind(&c.opened_on)
                    .bind(c.key_epoch)
                    .bind(&c.sealed[..]);
            }
            // The automatic reply is the thread's second message, written
            // by the service on the case's day: not a counsellor's reply,
            // so the case stays new and unread for nobody.
            for (c, reply) in items
                .iter()
                .filter_map(|c| c.auto_reply.as_ref().map(|r| (c, r)))
            {
                query = query
                    .bind(&reply.message_id)
                    .bind(&c.id)
                    .bind(1_i32)
                    .bind(crate::queue::store::Author::Auto.as_str())
                    .bind(&c.opened_on)
                    .bind(c.key_epoch)
                    .bind(&reply.sealed[..]);
            }
            query.execute(&mut *conn).await?;
            Ok(())
        })
    }
}

/// A case's plaintext metadata.
#[derive(Debug, Clone)]
pub struct CaseRow {
    pub id: String,
    pub service: String,
    pub kind: String,
    pub status: String,
    pub opened_on: String,
    /// A counsellor replied since the client last looked.
    pub client_unread: bool,
}

fn case_row(row: &sqlx::any::AnyRow) -> Result<CaseRow, sqlx::Error> {
    Ok(CaseRow {
        id: row.try_get("id")?,
        service: row.try_get("service")?,
        kind: row.try_get("kind")?,
        status: row.try_get("status")?,
        opened_on: row.try_get("opened_on")?,
        client_unread: row.try_get::<i32, _>("client_unread")? != 0,
    })
}

/// The case a receipt's look-up hash belongs to.
pub async fn find_by_lookup(db: &Db, hash: &[u8; 32]) -> Result<Option<CaseRow>, sqlx::Error> {
    let row = sqlx::query(
        "select id, service, kind, status, opened_on, client_unread from cases \
         where lookup_hash = $1",
    )
    .bind(&hash[..])
    .fetch_optional(&db.pool)
    .await?;
    row.as_ref().map(case_row).transpose()
}

/// The client has seen the replies so far.
pub async fn mark_read_by_client(db: &Db, case_id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("update cases set client_unread = 0 where id = $1 and client_unread = 1")
        .bind(case_id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// A sealed message as stored.
#[derive(Debug, Clone)]
pub struct SealedMessage {
    pub id: String,
    pub author: String,
    pub written_on: String,
    pub sealed: Vec<u8>,
}

/// A case's messages, oldest first.
pub async fn messages(db: &Db, case_id: &str) -> Result<Vec<SealedMessage>, sqlx::Error> {
    let rows = sqlx::query(
        "select id, author, written_on, sealed from messages where case_id = $1 order by n",
    )
    .bind(case_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(SealedMessage {
                id: row.try_get("id")?,
                author: row.try_get("author")?,
                written_on: row.try_get("written_on")?,
                sealed: row.try_get("sealed")?,
            })
        })
        .collect()
}

/// Every case, newest first, for the offline reader.
pub async fn all_cases(db: &Db) -> Result<Vec<CaseRow>, sqlx::Error> {
    let rows = sqlx::query(
        "select id, service, kind, status, opened_on, client_unread from cases order by opened_on desc, id",
    )
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(case_row).collect()
}

/// The first message of each of `case_ids`: it holds who booked and how to
/// call.
pub async fn first_messages(
    db: &Db,
    case_ids: &[&str],
) -> Result<HashMap<String, Vec<u8>>, sqlx::Error> {
    messages_where(db, case_ids, "m.n = 0").await
}

/// The client's newest line after the first, for each of `case_ids` that
/// has one: for a booking, the move or cancellation that says what holds
/// now.
pub async fn latest_client_lines(
    db: &Db,
    case_ids: &[&str],
) -> Result<HashMap<String, Vec<u8>>, sqlx::Error> {
    let newest = "m.n > 0 and m.n = (select max(l.n) from messages l \
                  where l.case_id = m.case_id and l.author = 'client')";
    messages_where(db, case_ids, newest).await
}

/// One sealed message for each of `case_ids` (at most), picked by
/// `condition`, a fixed SQL text over `m`.
async fn messages_where(
    db: &Db,
    case_ids: &[&str],
    condition: &'static str,
) -> Result<HashMap<String, Vec<u8>>, sqlx::Error> {
    let mut out = HashMap::with_capacity(case_ids.len());
    for chunk in case_ids.chunks(400) {
        let list = (1..=chunk.len())
            .map(|i| format!("${i}"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "select m.case_id, m.sealed from messages m where m.case_id in ({list}) \
             and {condition}"
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for id in chunk {
            query = query.bind(*id);
        }
        for r in query.fetch_all(&db.pool).await? {
            out.insert(r.try_get("case_id")?, r.try_get("sealed")?);
        }
    }
    Ok(out)
}
