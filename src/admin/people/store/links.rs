//! SQL for one-time links: invitations (recorded, listed, revoked, and
//! spent in the transaction that makes the account).

use sqlx::{AnyConnection, Row};

use crate::db::{Db, day, new_id, today};
use crate::staff::store::{NewStaff, audit, insert};

/// A link as stored (never its token, only the hash).
pub struct Link {
    pub id: String,
    pub kind: String,
    pub expires_at: i64,
    pub email: Option<String>,
    pub role: Option<String>,
    /// Service slugs, for an invitation.
    pub services: Vec<String>,
    /// Whose password, for a reset.
    pub staff_id: Option<String>,
}

const LINK_COLUMNS: &str = "id, kind, expires_at, email, role, services, staff_id";

fn link_row(row: &sqlx::any::AnyRow) -> Result<Link, sqlx::Error> {
    let services: Option<String> = row.try_get("services")?;
    Ok(Link {
        id: row.try_get("id")?,
        kind: row.try_get("kind")?,
        expires_at: row.try_get("expires_at")?,
        email: row.try_get("email")?,
        role: row.try_get("role")?,
        services: services
            .unwrap_or_default()
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
        staff_id: row.try_get("staff_id")?,
    })
}

/// An invitation to record.
pub struct NewInvite<'a> {
    pub token_hash: [u8; 32],
    pub expires_at: i64,
    pub created_by: &'a str,
    pub email: &'a str,
    pub role: &'a str,
    pub services: &'a [String],
}

/// Records an invitation and its audit entry; returns the link's id.
pub async fn create_invite(db: &Db, new: &NewInvite<'_>) -> Result<String, sqlx::Error> {
    let id = new_id();
    let mut tx = db.pool.begin().await?;
    sqlx::query(
        "insert into staff_links (id, kind, token_hash, state, expires_at, created_by, \
         created_on, email, role, services) \
         values ($1, 'invite', $2, 'pending', $3, $4, $5, $6, $7, $8)",
    )
    .bind(&id)
    .bind(&new.token_hash[..])
    .bind(new.expires_at)
    .bind(new.created_by)
    .bind(day(today()))
    .bind(new.email)
    .bind(new.role)
    .bind(new.services.join(","))
    .execute(&mut *tx)
    .await?;
    audit(&mut tx, new.created_by, "invite_sent", None, None).await?;
    tx.commit().await?;
    Ok(id)
}

/// The pending link of `kind` with this token hash, unless it expired.
pub async fn pending(
    db: &Db,
    kind: &str,
    token_hash: &[u8; 32],
    now: i64,
) -> Result<Option<Link>, sqlx::Error> {
    let sql = format!(
        "select {LINK_COLUMNS} from staff_links \
         where token_hash = $1 and kind = $2 and state = 'pending' and expires_at > $3"
    );
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(&token_hash[..])
        .bind(kind)
        .bind(now)
        .fetch_optional(&db.pool)
        .await?;
    row.as_ref().map(link_row).transpose()
}

/// Invitations not used, revoked or expired, newest first.
pub async fn open_invites(db: &Db, now: i64) -> Result<Vec<Link>, sqlx::Error> {
    let sql = format!(
        "select {LINK_COLUMNS} from staff_links \
         where kind = 'invite' and state = 'pending' and expires_at > $1 \
         order by expires_at desc"
    );
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(now)
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(link_row)
        .collect()
}

/// Revokes a pending invitation; false if there was none by that id.
pub async fn revoke_invite(db: &Db, id: &str, by: &str) -> Result<bool, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let done = sqlx::query(
        "update staff_links set state = 'revoked' \
         where id = $1 and kind = 'invite' and state = 'pending'",
    )
    .bind(id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    audit(&mut tx, by, "invite_revoked", None, None).await?;
    tx.commit().await?;
    Ok(true)
}

/// Spends a pending, unexpired link; false if it is gone (used, revoked,
/// expired, or spent by a request that came first).
pub(super) async fn spend(
    conn: &mut AnyConnection,
    link_id: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "update staff_links set state = 'used' \
         where id = $1 and state = 'pending' and expires_at > $2",
    )
    .bind(link_id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// What accepting an invitation came to.
pub enum Accepted {
    Created(String),
    NameTaken,
    LinkGone,
}

/// Spends the invitation and makes the account with its memberships, in
/// one transaction: a taken name leaves the link as it was.
pub async fn accept_invite(
    db: &Db,
    link_id: &str,
    now: i64,
    new: NewStaff<'_>,
) -> Result<Accepted, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    if !spend(&mut tx, link_id, now).await? {
        return Ok(Accepted::LinkGone);
    }
    let Some(id) = insert(&mut tx, &new, false, false).await? else {
        return Ok(Accepted::NameTaken);
    };
    audit(&mut tx, &id, "invite_accepted", None, None).await?;
    tx.commit().await?;
    Ok(Accepted::Created(id))
}
