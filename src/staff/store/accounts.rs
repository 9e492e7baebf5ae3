//! SQL for staff accounts: who they are, their role, password, key and
//! second factor.

use sqlx::{AnyConnection, Row};

use crate::db::{Db, day, new_id, today};

/// A staff account as stored.
#[derive(Clone)]
pub struct StaffRow {
    pub id: String,
    pub username: String,
    pub display_name: String,
    pub email: Option<String>,
    pub role: String,
    pub active: bool,
    pub password_hash: String,
    pub must_change_password: bool,
    pub recipient: String,
    pub wrapped_identity: Vec<u8>,
    pub totp_sealed: Option<Vec<u8>>,
    pub totp_last_step: i64,
}

impl StaffRow {
    pub fn is_admin(&self) -> bool {
        self.role == "admin"
    }
}

pub(super) const STAFF_COLUMNS: &str = "id, username, display_name, email, role, active, password_hash, \
     must_change_password, recipient, wrapped_identity, totp_sealed, totp_last_step";

pub(super) fn staff_row(row: &sqlx::any::AnyRow) -> Result<StaffRow, sqlx::Error> {
    Ok(StaffRow {
        id: row.try_get("id")?,
        username: row.try_get("username")?,
        display_name: row.try_get("display_name")?,
        email: row.try_get("email")?,
        role: row.try_get("role")?,
        active: row.try_get::<i32, _>("active")? != 0,
        password_hash: row.try_get("password_hash")?,
        must_change_password: row.try_get::<i32, _>("must_change_password")? != 0,
        recipient: row.try_get("recipient")?,
        wrapped_identity: row.try_get("wrapped_identity")?,
        totp_sealed: row.try_get("totp_sealed")?,
        totp_last_step: row.try_get("totp_last_step")?,
    })
}

pub async fn by_username(db: &Db, username: &str) -> Result<Option<StaffRow>, sqlx::Error> {
    let sql = format!("select {STAFF_COLUMNS} from staff where username = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(username)
        .fetch_optional(&db.pool)
        .await?;
    row.as_ref().map(staff_row).transpose()
}

pub async fn by_id(db: &Db, id: &str) -> Result<Option<StaffRow>, sqlx::Error> {
    let sql = format!("select {STAFF_COLUMNS} from staff where id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(&db.pool)
        .await?;
    row.as_ref().map(staff_row).transpose()
}

pub async fn all(db: &Db) -> Result<Vec<StaffRow>, sqlx::Error> {
    let sql = format!("select {STAFF_COLUMNS} from staff order by username");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(staff_row).collect()
}

/// What a new account starts with.
pub struct NewStaff<'a> {
    pub username: &'a str,
    pub display_name: &'a str,
    pub email: Option<&'a str>,
    pub role: &'a str,
    pub password_hash: String,
    pub recipient: String,
    pub wrapped_identity: Vec<u8>,
    pub services: &'a [String],
}

/// Creates an account and its memberships; `None` if the name is taken. The
/// account must change its (generated) password at first login.
pub async fn create(db: &Db, new: NewStaff<'_>) -> Result<Option<String>, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let id = insert(&mut tx, &new, true, false).await?;
    if id.is_some() {
        tx.commit().await?;
    }
    Ok(id)
}

/// What making the first admin came to.
pub enum FirstAdmin {
    Created(String),
    NameTaken,
    AdminExists,
}

/// Creates an admin who chose their own password, only while there is no
/// admin at all (first-run setup).
pub async fn create_first_admin(db: &Db, new: NewStaff<'_>) -> Result<FirstAdmin, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    match insert(&mut tx, &new, false, true).await? {
        Some(id) => {
            tx.commit().await?;
            Ok(FirstAdmin::Created(id))
        }
        None => {
            drop(tx);
            Ok(if admin_exists(db).await? {
                FirstAdmin::AdminExists
            } else {
                FirstAdmin::NameTaken
            })
        }
    }
}

/// Inserts an account; `None` if the name is taken or, with `only_if_no_admin`,
/// an admin already exists.
pub async fn insert(
    tx: &mut AnyConnection,
    new: &NewStaff<'_>,
    must_change_password: bool,
    only_if_no_admin: bool,
) -> Result<Option<String>, sqlx::Error> {
    let id = new_id();
    let guard = if only_if_no_admin {
        " where not exists (select 1 from staff where role = 'admin')"
    } else {
        // SQLite needs a `where` between `select` and `on conflict`.
        " where true"
    };
    let sql = format!(
        "insert into staff (id, username, display_name, email, role, active, password_hash, \
         must_change_password, recipient, wrapped_identity, created_on) \
         select $1, $2, $3, $4, $5, 1, $6, $7, $8, $9, $10{guard} \
         on conflict (username) do nothing"
    );
    let inserted = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(&id)
        .bind(new.username)
        .bind(new.display_name)
        .bind(new.email)
        .bind(new.role)
        .bind(&new.password_hash)
        .bind(i32::from(must_change_password))
        .bind(&new.recipient)
        .bind(&new.wrapped_identity[..])
        .bind(day(today()))
        .execute(&mut *tx)
        .await?;
    if inserted.rows_affected() == 0 {
        return Ok(None);
    }
    for service in new.services {
        sqlx::query("insert into memberships (staff_id, service) values ($1, $2)")
            .bind(&id)
            .bind(service.as_str())
            .execute(&mut *tx)
            .await?;
    }
    Ok(Some(id))
}

/// Whether any admin account exists, active or not.
pub async fn admin_exists(db: &Db) -> Result<bool, sqlx::Error> {
    let row = sqlx::query("select count(*) from staff where role = 'admin'")
        .fetch_one(&db.pool)
        .await?;
    Ok(row.try_get::<i64, _>(0)? > 0)
}

/// A new key: its public recipient and the identity wrapped under the
/// person's password.
pub async fn set_key(
    db: &Db,
    staff_id: &str,
    recipient: &str,
    wrapped: &[u8],
) -> Result<(), sqlx::Error> {
    sqlx::query("update staff set recipient = $1, wrapped_identity = $2 where id = $3")
        .bind(recipient)
        .bind(wrapped)
        .bind(staff_id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// A new password, and the identity rewrapped under it.
pub async fn set_password(
    db: &Db,
    staff_id: &str,
    hash: &str,
    wrapped: &[u8],
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "update staff set password_hash = $1, wrapped_identity = $2, must_change_password = 0 \
         where id = $3",
    )
    .bind(hash)
    .bind(wrapped)
    .bind(staff_id)
    .execute(&db.pool)
    .await?;
    Ok(())
}

pub async fn set_totp(db: &Db, staff_id: &str, sealed: Option<&[u8]>) -> Result<(), sqlx::Error> {
    sqlx::query("update staff set totp_sealed = $1, totp_last_step = 0 where id = $2")
        .bind(sealed)
        .bind(staff_id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Records the step of a TOTP code just used; false if it (or a later one)
/// was used already, so a code works once even across instances.
pub async fn use_totp_step(db: &Db, staff_id: &str, step: i64) -> Result<bool, sqlx::Error> {
    let done =
        sqlx::query("update staff set totp_last_step = $1 where id = $2 and totp_last_step < $1")
            .bind(step)
            .bind(staff_id)
            .execute(&db.pool)
            .await?;
    Ok(done.rows_affected() == 1)
}
