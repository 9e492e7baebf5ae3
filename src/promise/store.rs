//! SQL for the promise: cases waiting past it, and the day each member was
//! last told so. Every query of cases seeks `cases_queue_status`
//! (service, status, opened_on, id): one service, status `new`, opened on
//! or before a day; of those, written contact requests (`kind` is read from
//! the row: the other kinds still new that long are few).

use crate::db::Db;
use crate::queue::store::{COUNT_CAP, Count};

/// Whether `service` has a new case opened on or before `day`.
pub async fn any_late(db: &Db, service: &str, day: &str) -> Result<bool, sqlx::Error> {
    Ok(late_in(db, service, day, 1).await? > 0)
}

/// How many cases wait past the promise, each service with its last late
/// opening day, counted up to [`COUNT_CAP`] per service.
pub async fn late_count(db: &Db, cut_offs: &[(String, String)]) -> Result<Count, sqlx::Error> {
    let mut out = Count::default();
    for (service, day) in cut_offs {
        let n = late_in(db, service, day, COUNT_CAP).await?;
        out.n += n;
        out.at_least |= n >= COUNT_CAP;
    }
    Ok(out)
}

async fn late_in(db: &Db, service: &str, day: &str, cap: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "select count(*) from (select 1 from cases \
         where service = $1 and status = 'new' and opened_on <= $2 and kind = 'contact' \
         limit $3) t",
    )
    .bind(service)
    .bind(day)
    .bind(cap)
    .fetch_one(&db.pool)
    .await
}

/// Claims today's notice of `service` for `staff_id`: true if they were not
/// yet told today (and now count as told), false if they were.
pub async fn claim_notice(
    db: &Db,
    service: &str,
    staff_id: &str,
    today: &str,
) -> Result<bool, sqlx::Error> {
    // On both backends the upsert's `where` leaves a row of today alone,
    // so of several instances only one claims a member's notice.
    let done = sqlx::query(
        "insert into late_notices (service, staff_id, sent_on) values ($1, $2, $3) \
         on conflict (service, staff_id) do update set sent_on = excluded.sent_on \
         where late_notices.sent_on < excluded.sent_on",
    )
    .bind(service)
    .bind(staff_id)
    .bind(today)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Gives back a claim whose mail was not sent, so a later check retries.
pub async fn unclaim_notice(db: &Db, service: &str, staff_id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("delete from late_notices where service = $1 and staff_id = $2")
        .bind(service)
        .bind(staff_id)
        .execute(&db.pool)
        .await?;
    Ok(())
}
