//! SQL for password resets: the account loses its password and key at
//! once, by a link (spent in the transaction that sets the new password)
//! or with a one-time password.

use sqlx::AnyConnection;

use super::links::{Link, spend};
use crate::db::{Db, day, new_id, today};
use crate::staff::store::{audit, audit_about};

/// The key and password an account gets after a reset.
pub struct NewSecrets<'a> {
    pub password_hash: &'a str,
    pub recipient: &'a str,
    pub wrapped_identity: &'a [u8],
}

/// Starts a reset by link: the account loses its password and key at once
/// (no login, nothing new sealed to it), its sessions end, an older reset
/// link is revoked, and the new link is recorded.
pub async fn start_reset(
    db: &Db,
    staff_id: &str,
    token_hash: &[u8; 32],
    expires_at: i64,
    by: &str,
) -> Result<(), sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    lose_key(&mut tx, staff_id, None, false).await?;
    sqlx::query(
        "insert into staff_links (id, kind, token_hash, state, expires_at, created_by, \
         created_on, staff_id) values ($1, 'reset', $2, 'pending', $3, $4, $5, $6)",
    )
    .bind(new_id())
    .bind(&token_hash[..])
    .bind(expires_at)
    .bind(by)
    .bind(day(today()))
    .bind(staff_id)
    .execute(&mut *tx)
    .await?;
    audit_about(&mut tx, by, "reset_started", None, staff_id).await?;
    tx.commit().await
}

/// A reset without a link: the account gets a generated one-time password
/// and a new key wrapped under it at once; the old key and sessions go.
pub async fn reset_to_one_time(
    db: &Db,
    staff_id: &str,
    secrets: &NewSecrets<'_>,
    by: &str,
) -> Result<(), sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    lose_key(&mut tx, staff_id, Some(secrets), true).await?;
    audit_about(&mut tx, by, "reset_one_time", None, staff_id).await?;
    tx.commit().await
}

/// Replaces (or, with `None`, empties) the password and key of an account,
/// ends its sessions and revokes any pending reset link.
async fn lose_key(
    tx: &mut AnyConnection,
    staff_id: &str,
    secrets: Option<&NewSecrets<'_>>,
    must_change_password: bool,
) -> Result<(), sqlx::Error> {
    let empty = NewSecrets {
        password_hash: "",
        recipient: "",
        wrapped_identity: &[],
    };
    let secrets = secrets.unwrap_or(&empty);
    sqlx::query(
        "update staff set password_hash = $1, recipient = $2, wrapped_identity = $3, \
         must_change_password = $4 where id = $5",
    )
    .bind(secrets.password_hash)
    .bind(secrets.recipient)
    .bind(secrets.wrapped_identity)
    .bind(i32::from(must_change_password))
    .bind(staff_id)
    .execute(&mut *tx)
    .await?;
    sqlx::query("delete from sessions where staff_id = $1")
        .bind(staff_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "update staff_links set state = 'revoked' \
         where kind = 'reset' and staff_id = $1 and state = 'pending'",
    )
    .bind(staff_id)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Spends a reset link and gives its account the new password and key, in
/// one transaction; `false` if the link is gone.
pub async fn finish_reset(
    db: &Db,
    link: &Link,
    now: i64,
    secrets: &NewSecrets<'_>,
) -> Result<bool, sqlx::Error> {
    let Some(staff_id) = link.staff_id.as_deref() else {
        return Ok(false);
    };
    let mut tx = db.pool.begin().await?;
    if !spend(&mut tx, &link.id, now).await? {
        return Ok(false);
    }
    sqlx::query(
        "update staff set password_hash = $1, recipient = $2, wrapped_identity = $3, \
         must_change_password = 0 where id = $4",
    )
    .bind(secrets.password_hash)
    .bind(secrets.recipient)
    .bind(secrets.wrapped_identity)
    .bind(staff_id)
    .execute(&mut *tx)
    .await?;
    audit(&mut tx, staff_id, "reset_done", None, None).await?;
    tx.commit().await?;
    Ok(true)
}
