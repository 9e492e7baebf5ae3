//! SQL for staff accounts, memberships, sessions and the audit log.

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

const STAFF_COLUMNS: &str = "id, username, display_name, email, role, active, password_hash, \
     must_change_password, recipient, wrapped_identity, totp_sealed, totp_last_step";

fn staff_row(row: &sqlx::any::AnyRow) -> Result<StaffRow, sqlx::Error> {
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

/// The services a person works, sorted.
pub async fn services_of(db: &Db, staff_id: &str) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query("select service from memberships where staff_id = $1 order by service")
        .bind(staff_id)
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|r| r.try_get(0))
        .collect()
}

/// Active members of a service: (id, display name), for assignment.
pub async fn members_of(db: &Db, service: &str) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query(
        "select s.id, s.display_name from staff s join memberships m on m.staff_id = s.id \
         where m.service = $1 and s.active = 1 order by s.display_name",
    )
    .bind(service)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
    .collect()
}

/// (service, recipient) of every active member: whom new items seal to. A
/// person whose password is being reset has no key (`recipient = ''`).
pub async fn member_recipients(db: &Db) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query(
        "select m.service, s.recipient from memberships m join staff s on s.id = m.staff_id \
         where s.active = 1 and s.recipient <> ''",
    )
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
    .collect()
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

/// Takes a person out of a service; false if they were not in it.
pub async fn remove_membership(
    db: &Db,
    staff_id: &str,
    service: &str,
) -> Result<bool, sqlx::Error> {
    let removed = sqlx::query("delete from memberships where staff_id = $1 and service = $2")
        .bind(staff_id)
        .bind(service)
        .execute(&db.pool)
        .await?;
    Ok(removed.rows_affected() == 1)
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

/// A live session: whose it is and its times (unix seconds).
pub struct SessionRow {
    pub staff: StaffRow,
    pub created_at: i64,
    pub seen_at: i64,
}

pub async fn insert_session(
    db: &Db,
    token_hash: &[u8; 32],
    staff_id: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into sessions (token_hash, staff_id, created_at, seen_at) values ($1, $2, $3, $3)",
    )
    .bind(&token_hash[..])
    .bind(staff_id)
    .bind(now)
    .execute(&db.pool)
    .await?;
    Ok(())
}

pub async fn find_session(
    db: &Db,
    token_hash: &[u8; 32],
) -> Result<Option<SessionRow>, sqlx::Error> {
    let sql = format!(
        "select {}, x.created_at, x.seen_at from sessions x join staff s on s.id = x.staff_id \
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

/// Deletes sessions past either timeout; returns the hashes still live.
pub async fn expire_sessions(
    db: &Db,
    idle_before: i64,
    created_before: i64,
) -> Result<Vec<Vec<u8>>, sqlx::Error> {
    sqlx::query("delete from sessions where seen_at < $1 or created_at < $2")
        .bind(idle_before)
        .bind(created_before)
        .execute(&db.pool)
        .await?;
    sqlx::query("select token_hash from sessions")
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|r| r.try_get(0))
        .collect()
}

/// One line of the audit log: who did what, to which case, and when.
pub async fn audit(
    conn: &mut AnyConnection,
    staff_id: &str,
    action: &str,
    service: Option<&str>,
    case_id: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into audit_log (at, staff_id, action, service, case_id) values ($1, $2, $3, $4, $5)",
    )
    .bind(jiff::Timestamp::now().as_second())
    .bind(staff_id)
    .bind(action)
    .bind(service)
    .bind(case_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// `audit` on a connection of the pool.
pub async fn audit_now(
    db: &Db,
    staff_id: &str,
    action: &str,
    service: Option<&str>,
    case_id: Option<&str>,
) -> Result<(), sqlx::Error> {
    let mut conn = db.pool.acquire().await?;
    audit(&mut conn, staff_id, action, service, case_id).await
}

/// Which audit entries to list.
pub struct AuditFilter<'a> {
    pub staff_id: Option<&'a str>,
    pub action: Option<&'a str>,
    pub service: Option<&'a str>,
    /// Unix seconds, from (inclusive) and to (exclusive).
    pub from: Option<i64>,
    pub to: Option<i64>,
    /// Only entries older than this sequence number (the next page).
    pub before: Option<i64>,
    pub limit: usize,
}

pub struct AuditEntry {
    pub seq: i64,
    pub at: i64,
    pub staff_id: String,
    /// None once the account is gone.
    pub username: Option<String>,
    pub action: String,
    pub service: Option<String>,
    pub case_id: Option<String>,
    /// Whom a people action was about (user name, or id once gone).
    pub subject: Option<String>,
}

/// Audit entries matching `filter`, newest first.
pub async fn audit_entries(
    db: &Db,
    filter: &AuditFilter<'_>,
) -> Result<Vec<AuditEntry>, sqlx::Error> {
    let mut conditions = vec![];
    let mut n = 0;
    let mut next = |condition: &str| {
        n += 1;
        conditions.push(format!("{condition} ${n}"));
    };
    if filter.staff_id.is_some() {
        next("a.staff_id =");
    }
    if filter.action.is_some() {
        next("a.action =");
    }
    if filter.service.is_some() {
        next("a.service =");
    }
    if filter.from.is_some() {
        next("a.at >=");
    }
    if filter.to.is_some() {
        next("a.at <");
    }
    if filter.before.is_some() {
        next("a.seq <");
    }
    let conditions = if conditions.is_empty() {
        String::new()
    } else {
        format!("where {}", conditions.join(" and "))
    };
    let sql = format!(
        "select a.seq, a.at, a.staff_id, s.username, a.action, a.service, a.case_id, \
         coalesce(t.username, a.subject) as subject \
         from audit_log a left join staff s on s.id = a.staff_id \
         left join staff t on t.id = a.subject \
         {conditions} order by a.seq desc limit {}",
        filter.limit
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
    for text in [filter.staff_id, filter.action, filter.service]
        .into_iter()
        .flatten()
    {
        query = query.bind(text);
    }
    for number in [filter.from, filter.to, filter.before]
        .into_iter()
        .flatten()
    {
        query = query.bind(number);
    }
    query
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(AuditEntry {
                seq: r.try_get("seq")?,
                at: r.try_get("at")?,
                staff_id: r.try_get("staff_id")?,
                username: r.try_get("username")?,
                action: r.try_get("action")?,
                service: r.try_get("service")?,
                case_id: r.try_get("case_id")?,
                subject: r.try_get("subject")?,
            })
        })
        .collect()
}

/// Every action the audit log holds, for the filter.
pub async fn audit_actions(db: &Db) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query("select distinct action from audit_log order by action")
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|r| r.try_get(0))
        .collect()
}
