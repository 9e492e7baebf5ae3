//! SQL for the audit log: who did what, to which case, and when. It holds
//! ids we minted and staff actions, never anything about a client.

use sqlx::{AnyConnection, Row};

use crate::db::{Db, new_id};

/// One line of the audit log: who did what, to which case, and when.
pub async fn audit(
    conn: &mut AnyConnection,
    staff_id: &str,
    action: &str,
    service: Option<&str>,
    case_id: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into audit_log (id, at, staff_id, action, service, case_id) \
         values ($6, $1, $2, $3, $4, $5)",
    )
    .bind(jiff::Timestamp::now().as_second())
    .bind(staff_id)
    .bind(action)
    .bind(service)
    .bind(case_id)
    .bind(new_id())
    .execute(conn)
    .await?;
    Ok(())
}

/// An audit entry of `by` about `subject` (a staff id).
pub async fn audit_about(
    conn: &mut AnyConnection,
    by: &str,
    action: &str,
    service: Option<&str>,
    subject: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into audit_log (id, at, staff_id, action, service, subject) \
         values ($6, $1, $2, $3, $4, $5)",
    )
    .bind(jiff::Timestamp::now().as_second())
    .bind(by)
    .bind(action)
    .bind(service)
    .bind(subject)
    .bind(new_id())
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

/// An audit entry about a client's act that staff did for them (a phone
/// intake): dated to the start of its UTC day and with no case id, as the
/// booking entries, so that with the phone company's records it ties no
/// caller to a case. A transaction of its own, on a connection of the pool.
pub async fn audit_client_act(
    db: &Db,
    staff_id: &str,
    action: &str,
    service: Option<&str>,
) -> Result<(), sqlx::Error> {
    let now = jiff::Timestamp::now().as_second();
    sqlx::query(
        "insert into audit_log (id, at, staff_id, action, service) values ($5, $1, $2, $3, $4)",
    )
    .bind(now - now.rem_euclid(86_400))
    .bind(staff_id)
    .bind(action)
    .bind(service)
    .bind(new_id())
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Which audit entries to list.
pub struct AuditFilter<'a> {
    pub staff_id: Option<&'a str>,
    pub action: Option<&'a str>,
    pub service: Option<&'a str>,
    /// Unix seconds, from (inclusive) and to (exclusive).
    pub from: Option<i64>,
    pub to: Option<i64>,
    /// Only entries before this one (the next page): its time and id.
    pub before: Option<(i64, &'a str)>,
    pub limit: usize,
}

pub struct AuditEntry {
    /// Random: the log keeps no order of insertion, only `at`.
    pub id: String,
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

/// The `where` clause of `filter`: one numbered parameter per filter set,
/// texts first (staff, action, service), then numbers (from, to), then the
/// page's start (time, id): the order `audit_entries` binds them in.
fn where_clause(filter: &AuditFilter<'_>) -> String {
    let conditions: Vec<String> = [
        (filter.staff_id.is_some(), "a.staff_id ="),
        (filter.action.is_some(), "a.action ="),
        (filter.service.is_some(), "a.service ="),
        (filter.from.is_some(), "a.at >="),
        (filter.to.is_some(), "a.at <"),
    ]
    .into_iter()
    .filter(|(set, _)| *set)
    .enumerate()
    .map(|(i, (_, condition))| format!("{condition} ${}", i + 1))
    .collect();
    let mut conditions = conditions;
    if filter.before.is_some() {
        let n = conditions.len();
        conditions.push(format!("(a.at, a.id) < (${}, ${})", n + 1, n + 2));
    }
    if conditions.is_empty() {
        String::new()
    } else {
        format!("where {}", conditions.join(" and "))
    }
}

/// Audit entries matching `filter`, newest first.
pub async fn audit_entries(
    db: &Db,
    filter: &AuditFilter<'_>,
) -> Result<Vec<AuditEntry>, sqlx::Error> {
    let conditions = where_clause(filter);
    let sql = format!(
        "select a.id, a.at, a.staff_id, s.username, a.action, a.service, a.case_id, \
         coalesce(t.username, a.subject) as subject \
         from audit_log a left join staff s on s.id = a.staff_id \
         left join staff t on t.id = a.subject \
         {conditions} order by a.at desc, a.id desc limit {}",
        filter.limit
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
    for text in [filter.staff_id, filter.action, filter.service]
        .into_iter()
        .flatten()
    {
        query = query.bind(text);
    }
    for number in [filter.from, filter.to].into_iter().flatten() {
        query = query.bind(number);
    }
    if let Some((at, id)) = filter.before {
        query = query.bind(at).bind(id);
    }
    query
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(entry_of)
        .collect()
}

fn entry_of(r: &sqlx::any::AnyRow) -> Result<AuditEntry, sqlx::Error> {
    Ok(AuditEntry {
        id: r.try_get("id")?,
        at: r.try_get("at")?,
        staff_id: r.try_get("staff_id")?,
        username: r.try_get("username")?,
        action: r.try_get("action")?,
        service: r.try_get("service")?,
        case_id: r.try_get("case_id")?,
        subject: r.try_get("subject")?,
    })
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
