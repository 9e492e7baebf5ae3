//! SQL for taking a case ("mine"), giving it back, and the queue's counts
//! of the reader's own and the untaken cases.

use sqlx::AnyConnection;

use super::store::{COUNT_CAP, Count};
use crate::db::Db;

/// Assigns a free case to `staff_id`, an active member of its service, in
/// one conditional update: of two counsellors taking it at once, exactly
/// one changes the row (the other's update finds `assignee` no longer
/// null, or on PostgreSQL waits for the row and then finds it taken).
/// True if this call took it.
pub async fn take(
    conn: &mut AnyConnection,
    case_id: &str,
    service: &str,
    staff_id: &str,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "update cases set assignee = $1 \
         where id = $2 and service = $3 and assignee is null and exists ( \
           select 1 from memberships m join staff s on s.id = m.staff_id \
           where m.staff_id = $1 and m.service = $3 and s.active = 1)",
    )
    .bind(staff_id)
    .bind(case_id)
    .bind(service)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Gives a case back (nobody has it) if `staff_id` has it; true if so.
pub async fn release(
    conn: &mut AnyConnection,
    case_id: &str,
    staff_id: &str,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("update cases set assignee = null where id = $1 and assignee = $2")
        .bind(case_id)
        .bind(staff_id)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Who has a case now (their id), read after a take lost.
pub async fn holder(db: &Db, case_id: &str) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("select assignee from cases where id = $1")
        .bind(case_id)
        .fetch_optional(&db.pool)
        .await
        .map(Option::flatten)
}

/// How many cases of `services` are the reader's, and how many nobody
/// has taken, each counted up to [`COUNT_CAP`] per service by the "who"
/// index (migration 0018).
pub async fn who_counts(
    db: &Db,
    services: &[String],
    staff_id: &str,
) -> Result<(Count, Count), sqlx::Error> {
    let (mut mine, mut untaken) = (Count::default(), Count::default());
    for service in services {
        let n: i64 = sqlx::query_scalar(
            "select count(*) from (select 1 from cases \
             where service = $1 and assignee = $2 limit $3) t",
        )
        .bind(service)
        .bind(staff_id)
        .bind(COUNT_CAP)
        .fetch_one(&db.pool)
        .await?;
        mine.add(n);
        let n: i64 = sqlx::query_scalar(
            "select count(*) from (select 1 from cases \
             where service = $1 and assignee is null limit $2) t",
        )
        .bind(service)
        .bind(COUNT_CAP)
        .fetch_one(&db.pool)
        .await?;
        untaken.add(n);
    }
    Ok((mine, untaken))
}
