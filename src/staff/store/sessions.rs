//! SQL for staff sessions: a hash of the token, whose session it is, when
//! it began and was last seen, and the unlocked identity sealed under a key
//! only the token gives (see `staff::session::sealed`).

use sqlx::Row;

use super::accounts::{STAFF_COLUMNS, StaffRow, staff_row};
use crate::db::Db;

/// A live session: whose it is and its times (unix seconds).
pub struct SessionRow {
    pub staff: StaffRow,
    pub created_at: i64,
    pub seen_at: i64,
    /// Null for a session begun before migration 0010.
    pub sealed_identity: Option<Vec<u8>>,
}

pub async fn insert_session(
    db: &Db,
    token_hash: &[u8; 32],
    staff_id: &str,
    now: i64,
    sealed_identity: &[u8],
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into sessions (token_hash, staff_id, created_at, seen_at, sealed_identity) \
         values ($1, $2, $3, $3, $4)",
    )
    .bind(&token_hash[..])
    .bind(staff_id)
    .bind(now)
    .bind(sealed_identity)
    .execute(&db.pool)
    .await?;
    Ok(())
}

pub async fn find_session(
    db: &Db,
    token_hash: &[u8; 32],
) -> Result<Option<SessionRow>, sqlx::Error> {
    let sql = format!(
        "select {}, x.created_at, x.seen_at, x.sealed_identity from sessions x join staff s on s.id = x.staff_id \
         where x.token_hash = $1",
        STAFF_COLUMNS
            .split(", ")
            .map(|c| format!("s.{c} as {c}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(&token_hash[..])
        .fetch_optional(&db.pool)
        .await?;
    row.map(|r| {
        Ok(SessionRow {
            staff: staff_row(&r)?,
            created_at: r.try_get("created_at")?,
            seen_at: r.try_get("seen_at")?,
            sealed_identity: r.try_get("sealed_identity")?,
        })
    })
    .transpose()
}

pub async fn touch_session(db: &Db, token_hash: &[u8; 32], now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("update sessions set seen_at = $1 where token_hash = $2")
        .bind(now)
        .bind(&token_hash[..])
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Replaces a session's sealed identity (its person has a new key).
pub async fn reseal_session(
    db: &Db,
    token_hash: &[u8; 32],
    sealed_identity: &[u8],
) -> Result<(), sqlx::Error> {
    sqlx::query("update sessions set sealed_identity = $1 where token_hash = $2")
        .bind(sealed_identity)
        .bind(&token_hash[..])
        .execute(&db.pool)
        .await?;
    Ok(())
}

pub async fn delete_session(db: &Db, token_hash: &[u8; 32]) -> Result<(), sqlx::Error> {
    sqlx::query("delete from sessions where token_hash = $1")
        .bind(&token_hash[..])
        .execute(&db.pool)
        .await?;
    Ok(())
}

pub async fn delete_other_sessions(
    db: &Db,
    staff_id: &str,
    keep: &[u8; 32],
) -> Result<(), sqlx::Error> {
    sqlx::query("delete from sessions where staff_id = $1 and token_hash <> $2")
        .bind(staff_id)
        .bind(&keep[..])
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Deletes sessions past either timeout.
pub async fn expire_sessions(
    db: &Db,
    idle_before: i64,
    created_before: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("delete from sessions where seen_at < $1 or created_at < $2")
        .bind(idle_before)
        .bind(created_before)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// The hashes of the sessions that may act: not ended, the account active
/// (timeouts are checked by whoever reads the times).
pub async fn live_sessions(db: &Db) -> Result<Vec<Vec<u8>>, sqlx::Error> {
    sqlx::query(
        "select x.token_hash from sessions x join staff s on s.id = x.staff_id \
         where s.active = 1",
    )
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| r.try_get(0))
    .collect()
}
