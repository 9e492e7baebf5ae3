//! SQL for staff links (invitations and password resets), roles, service
//! membership and deactivation. Each change that must not half-happen is one
//! transaction: a link is spent in the same one that makes the account or
//! sets the password.

use sqlx::{AnyConnection, Row};

use crate::db::{Db, day, new_id, today};
use crate::staff::store::{NewStaff, audit, insert};

/// An audit entry of `by` about `subject` (a staff id).
async fn audit_about(
    conn: &mut AnyConnection,
    by: &str,
    action: &str,
    service: Option<&str>,
    subject: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into audit_log (at, staff_id, action, service, subject) values ($1, $2, $3, $4, $5)",
    )
    .bind(jiff::Timestamp::now().as_second())
    .bind(by)
    .bind(action)
    .bind(service)
    .bind(subject)
    .execute(conn)
    .await?;
    Ok(())
}

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
async fn spend(conn: &mut AnyConnection, link_id: &str, now: i64) -> Result<bool, sqlx::Error> {
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

/// What a change that could leave no active admin came to.
#[derive(Debug, PartialEq, Eq)]
pub enum Change {
    Done,
    /// Nothing to change (no such person, or already so).
    Unchanged,
    /// It would leave the instance without an active admin.
    LastAdmin,
}

/// Whether an active admin other than `$1` exists; SQL for the guards below.
const ANOTHER_ADMIN: &str = "exists (select 1 from staff o \
     where o.role = 'admin' and o.active = 1 and o.recipient <> '' and o.id <> $1)";

/// Sets a person's role; an active admin becomes a counsellor only while
/// another active admin remains.
pub async fn set_role(
    db: &Db,
    staff_id: &str,
    role: &str,
    by: &str,
) -> Result<Change, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let sql = format!(
        "update staff set role = $2 where id = $1 and role <> $2 \
         and ($2 = 'admin' or active = 0 or {ANOTHER_ADMIN})"
    );
    let done = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(staff_id)
        .bind(role)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 1 {
        audit_about(&mut tx, by, &format!("role_{role}"), None, staff_id).await?;
        tx.commit().await?;
        return Ok(Change::Done);
    }
    drop(tx);
    blocked_by_last_admin(db, staff_id, Some(role)).await
}

/// Deactivates (ending every session at once) or reactivates a person; the
/// last active admin is never deactivated.
pub async fn set_active(
    db: &Db,
    staff_id: &str,
    active: bool,
    by: &str,
) -> Result<Change, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let sql = if active {
        "update staff set active = 1 where id = $1 and active = 0".to_owned()
    } else {
        format!(
            "update staff set active = 0 where id = $1 and active = 1 \
             and (role <> 'admin' or {ANOTHER_ADMIN})"
        )
    };
    let done = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(staff_id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        drop(tx);
        return if active {
            Ok(Change::Unchanged)
        } else {
            blocked_by_last_admin(db, staff_id, None).await
        };
    }
    if !active {
        sqlx::query("delete from sessions where staff_id = $1")
            .bind(staff_id)
            .execute(&mut *tx)
            .await?;
    }
    let action = if active { "reactivated" } else { "deactivated" };
    audit_about(&mut tx, by, action, None, staff_id).await?;
    tx.commit().await?;
    Ok(Change::Done)
}

/// Why a guarded change did nothing: the person is the last active admin
/// (and the change would make them a counsellor or inactive), or not.
async fn blocked_by_last_admin(
    db: &Db,
    staff_id: &str,
    new_role: Option<&str>,
) -> Result<Change, sqlx::Error> {
    let row = sqlx::query("select role, active from staff where id = $1")
        .bind(staff_id)
        .fetch_optional(&db.pool)
        .await?;
    let Some(row) = row else {
        return Ok(Change::Unchanged);
    };
    let role: String = row.try_get(0)?;
    let active = row.try_get::<i32, _>(1)? != 0;
    let would_change = match new_role {
        Some(new) => role != new,
        None => active,
    };
    Ok(if role == "admin" && active && would_change {
        Change::LastAdmin
    } else {
        Change::Unchanged
    })
}

/// Adds a person to a service; false if they were in it already.
pub async fn add_membership(
    db: &Db,
    staff_id: &str,
    service: &str,
    by: &str,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let added = sqlx::query(
        "insert into memberships (staff_id, service) select $1, $2 \
         where exists (select 1 from staff where id = $1) \
         on conflict (staff_id, service) do nothing",
    )
    .bind(staff_id)
    .bind(service)
    .execute(&mut *tx)
    .await?;
    if added.rows_affected() != 1 {
        return Ok(false);
    }
    audit_about(&mut tx, by, "membership_added", Some(service), staff_id).await?;
    tx.commit().await?;
    Ok(true)
}
