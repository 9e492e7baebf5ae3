//! SQL for an admin's changes to a person: role, active or not, and a
//! service added. None leaves the instance without an active admin.

use sqlx::Row;

use crate::db::Db;
use crate::staff::store::audit_about;

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
