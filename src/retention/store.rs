//! SQL for retention: moving a case's deadline, computing it once for cases
//! stored before retention existed, deleting what is due, and keeping the
//! counts. Plain `$n` SQL that runs on SQLite and PostgreSQL alike.

use std::collections::BTreeMap;

use jiff::civil::Date;
use sqlx::{AnyConnection, Row};

use super::{Retention, day_of, deadline};
use crate::db::{Db, day, placeholders};
use crate::services::Catalog;

/// Recomputes a case's deadline after activity on `today`: a message, a
/// note, a status change. Runs inside the caller's transaction, after the
/// change, so it sees the status the change left.
pub async fn touch(
    conn: &mut AnyConnection,
    case_id: &str,
    rules: Retention,
    today: Date,
) -> Result<(), sqlx::Error> {
    let status: Option<String> = sqlx::query_scalar("select status from cases where id = $1")
        .bind(case_id)
        .fetch_optional(&mut *conn)
        .await?;
    let Some(status) = status else {
        return Ok(());
    };
    let booked = booking_horizon(conn, case_id).await?.map(day_of);
    let until = deadline(rules, status == "closed", today, booked);
    sqlx::query("update cases set retain_until = $1 where id = $2")
        .bind(day(until))
        .bind(case_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// For a booking case: the end of the latest time its service has
/// published (unix seconds), which is never before the time the case holds.
/// None for other kinds.
///
/// The deadline of a booking case counts from this horizon, not from its
/// own booked time: the link between a case and its seat is sealed, and a
/// deadline of "booked day + N" would give it away in plaintext. Every
/// booking case of a service touched on the same day gets the same deadline.
pub async fn booking_horizon(
    conn: &mut AnyConnection,
    case_id: &str,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "select max(s.ends_at) from slots s join cases c on c.service = s.service \
         where c.id = $1 and c.kind = 'booking'",
    )
    .bind(case_id)
    .fetch_one(&mut *conn)
    .await
}

/// The end of the latest time `service` has published (unix seconds).
pub async fn service_horizon(db: &Db, service: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("select max(ends_at) from slots where service = $1")
        .bind(service)
        .fetch_one(&db.pool)
        .await
}

/// What the booking expiry deleted (or would delete) for one service.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BookingCounts {
    pub bookings: u64,
    pub slots: u64,
    pub series: u64,
}

/// `service`'s groups ($1) that have ended by the cutoff ($2): none of
/// their meetings ends at or after it (a group with no meeting left has
/// ended too).
const GROUPS_ENDED: &str = "select g.id from series g where g.service = $1 \
     and not exists (select 1 from slots later \
                     where later.series_id = g.id and later.ends_at >= $2)";

/// The seats (bookings) of `service` ($1) whose time ended before the
/// cutoff ($2): a slot's end, or a group's last meeting. Shared by the
/// expiry and the dry run's count, so the two cannot drift.
fn seats_expired() -> String {
    format!(
        "slot_id in (select id from slots where service = $1 and ends_at < $2) \
         or series_id in ({GROUPS_ENDED})"
    )
}

/// The slots of `service` ($1) that ended before the cutoff ($2); a
/// group's meetings only once the whole group has ended. Every seat on such
/// a slot is expired itself (`seats_expired`), so once those are gone the
/// slot holds none.
fn slots_expired() -> String {
    format!(
        "service = $1 and ends_at < $2 \
         and (series_id is null or series_id in ({GROUPS_ENDED}))"
    )
}

/// Booking expiry. Deletes `service`'s seats (and their carried-over
/// links) whose time ended before `cutoff` (unix seconds), then the slots
/// that ended before it, then the groups that have ended. Goes by the
/// seat's time only, never by the case. [`count_expiring`] counts the same
/// rows without deleting them.
pub async fn expire_bookings(
    conn: &mut AnyConnection,
    service: &str,
    cutoff: i64,
) -> Result<BookingCounts, sqlx::Error> {
    let seats = format!("delete from seats where {}", seats_expired());
    // The seat checks find nothing after the delete above; they keep a row
    // referred to in the meantime (PostgreSQL) from failing the purge on a
    // foreign key: it goes at the next run.
    let slots = format!(
        "delete from slots where {} \
           and not exists (select 1 from seats b where b.slot_id = slots.id)",
        slots_expired()
    );
    let groups = format!(
        "delete from series where id in ({GROUPS_ENDED}) \
           and not exists (select 1 from slots s where s.series_id = series.id) \
           and not exists (select 1 from seats b where b.series_id = series.id)"
    );
    Ok(BookingCounts {
        bookings: affected(conn, seats, service, cutoff).await?,
        slots: affected(conn, slots, service, cutoff).await?,
        series: affected(conn, groups, service, cutoff).await?,
    })
}

/// What [`expire_bookings`] would delete for `service` at `cutoff`, read
/// only (the dry run): the same clauses, counted.
pub async fn count_expiring(
    conn: &mut AnyConnection,
    service: &str,
    cutoff: i64,
) -> Result<BookingCounts, sqlx::Error> {
    let seats = format!("select count(*) from seats where {}", seats_expired());
    let slots = format!("select count(*) from slots where {}", slots_expired());
    let groups = format!("select count(*) from ({GROUPS_ENDED}) ended");
    Ok(BookingCounts {
        bookings: counted(conn, seats, service, cutoff).await?,
        slots: counted(conn, slots, service, cutoff).await?,
        series: counted(conn, groups, service, cutoff).await?,
    })
}

/// Runs a statement built from the clauses above, bound to `service` ($1)
/// and `cutoff` ($2): the rows it changed.
async fn affected(
    conn: &mut AnyConnection,
    sql: String,
    service: &str,
    cutoff: i64,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(service)
        .bind(cutoff)
        .execute(conn)
        .await?;
    Ok(done.rows_affected())
}

/// The count a `select count(*)` built from the clauses above returns.
async fn counted(
    conn: &mut AnyConnection,
    sql: String,
    service: &str,
    cutoff: i64,
) -> Result<u64, sqlx::Error> {
    let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .bind(service)
        .bind(cutoff)
        .fetch_one(conn)
        .await?;
    Ok(u64::try_from(n).unwrap_or(0))
}

/// What the purge of due cases deleted (or would delete), per service.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CaseCounts {
    pub cases: i64,
    pub messages: i64,
}

/// Deletes up to `limit` cases due on `as_of` (deadline on or before it),
/// their messages and, through the foreign keys, their booking rows; adds
/// them to the counts table. Runs in the caller's transaction.
pub async fn purge_cases(
    conn: &mut AnyConnection,
    as_of: Date,
    limit: i64,
) -> Result<BTreeMap<String, CaseCounts>, sqlx::Error> {
    let as_of = day(as_of);
    // Write first, so that SQLite takes the write lock before anything is
    // read (a read transaction cannot always be upgraded), and PostgreSQL
    // locks the rows: a client writing back now waits, then finds no case.
    sqlx::query(
        "update cases set retain_until = retain_until where id in \
         (select id from cases where retain_until <= $1 order by retain_until, id limit $2)",
    )
    .bind(&as_of)
    .bind(limit)
    .execute(&mut *conn)
    .await?;
    let due = due_cases(conn, &as_of, limit).await?;
    for chunk in due.ids.chunks(500) {
        let list = placeholders(1, chunk.len());
        for sql in [
            format!("delete from messages where case_id in {list}"),
            format!("delete from cases where id in {list}"),
        ] {
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for id in chunk {
                q = q.bind(id);
            }
            q.execute(&mut *conn).await?;
        }
    }
    for ((service, kind, month), n) in &due.tally {
        add_counts(conn, service, kind, month, *n).await?;
    }
    Ok(due.per_service())
}

/// The cases due on a day, as the purge deletes them and the dry run
/// reports them: their ids, and their counts per service, kind and month.
pub struct DueCases {
    pub ids: Vec<String>,
    pub tally: BTreeMap<(String, String, String), CaseCounts>,
}

impl DueCases {
    pub fn per_service(&self) -> BTreeMap<String, CaseCounts> {
        let mut per_service: BTreeMap<String, CaseCounts> = BTreeMap::new();
        for ((service, _, _), n) in &self.tally {
            let s = per_service.entry(service.clone()).or_default();
            s.cases += n.cases;
            s.messages += n.messages;
        }
        per_service
    }
}

/// Up to `limit` cases due on `as_of` (a `YYYY-MM-DD` day: deadline on or
/// before it), read only. The one definition of "due": the purge deletes
/// what this returns, and the dry run reports it without a write.
pub async fn due_cases(
    conn: &mut AnyConnection,
    as_of: &str,
    limit: i64,
) -> Result<DueCases, sqlx::Error> {
    let rows = sqlx::query(
        "select c.id, c.service, c.kind, c.opened_on, \
                (select count(*) from messages m where m.case_id = c.id) as messages \
         from cases c where c.retain_until <= $1 order by c.retain_until, c.id limit $2",
    )
    .bind(as_of)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    let mut due = DueCases {
        ids: Vec::with_capacity(rows.len()),
        tally: BTreeMap::new(),
    };
    for r in &rows {
        due.ids.push(r.try_get::<String, _>("id")?);
        let opened: String = r.try_get("opened_on")?;
        let month = opened.get(..7).unwrap_or("").to_owned();
        let key = (r.try_get("service")?, r.try_get("kind")?, month);
        let entry = due.tally.entry(key).or_default();
        entry.cases += 1;
        entry.messages += r.try_get::<i64, _>("messages")?;
    }
    Ok(due)
}

/// Adds to the content-free statistics that outlive purged cases.
async fn add_counts(
    conn: &mut AnyConnection,
    service: &str,
    kind: &str,
    month: &str,
    n: CaseCounts,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into retention_counts (service, kind, month, cases, messages) \
         values ($1, $2, $3, $4, $5) \
         on conflict (service, kind, month) do update set \
           cases = retention_counts.cases + excluded.cases, \
           messages = retention_counts.messages + excluded.messages",
    )
    .bind(service)
    .bind(kind)
    .bind(month)
    .bind(n.cases)
    .bind(n.messages)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Lists again every case of a service whose rules (the stored services)
/// differ from those its deadlines were computed with, and records the
/// new rules; `backfill` then recomputes them.
async fn relist_changed_services(db: &Db, services: &Catalog) -> Result<(), sqlx::Error> {
    for service in services.iter() {
        let rules = service.retention;
        let stored: Option<(i64, i64)> =
            sqlx::query_as("select days, closed_days from retention_rules where service = $1")
                .bind(&service.slug)
                .fetch_optional(&db.pool)
                .await?;
        if stored == Some((i64::from(rules.days), i64::from(rules.closed_days))) {
            continue;
        }
        let mut tx = db.pool.begin().await?;
        sqlx::query("delete from retention_rules where service = $1")
            .bind(&service.slug)
            .execute(&mut *tx)
            .await?;
        sqlx::query("insert into retention_rules (service, days, closed_days) values ($1, $2, $3)")
            .bind(&service.slug)
            .bind(i64::from(rules.days))
            .bind(i64::from(rules.closed_days))
            .execute(&mut *tx)
            .await?;
        let listed = sqlx::query(
            "insert into retention_pending (case_id) select c.id from cases c \
             where c.service = $1 \
               and not exists (select 1 from retention_pending p where p.case_id = c.id)",
        )
        .bind(&service.slug)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        if stored.is_some() {
            tracing::info!(
                cases = listed.rows_affected(),
                "retention rules changed: deadlines recomputed"
            );
        }
    }
    Ok(())
}

/// Cases whose deadline must be computed from their plaintext (status,
/// last activity day, booked time) under the current rules: those stored
/// before retention existed (listed by migration 0005), and those of a
/// service whose rules changed. Each is updated on its own and then
/// crossed off, so an interruption only repeats work. Returns how many
/// were set.
pub async fn backfill(db: &Db, services: &Catalog) -> Result<u64, sqlx::Error> {
    relist_changed_services(db, services).await?;
    let mut done = 0;
    loop {
        let rows = sqlx::query(
            "select p.case_id, c.service, c.status, c.updated_on \
             from retention_pending p join cases c on c.id = p.case_id limit 500",
        )
        .fetch_all(&db.pool)
        .await?;
        if rows.is_empty() {
            break;
        }
        let mut conn = db.pool.acquire().await?;
        for r in &rows {
            let id: String = r.try_get("case_id")?;
            let service: String = r.try_get("service")?;
            let status: String = r.try_get("status")?;
            let updated: String = r.try_get("updated_on")?;
            let last = updated
                .parse::<Date>()
                .unwrap_or_else(|_| crate::db::today());
            let booked = booking_horizon(&mut conn, &id).await?.map(day_of);
            let until = deadline(
                services.retention_of(&service),
                status == "closed",
                last,
                booked,
            );
            sqlx::query("update cases set retain_until = $1 where id = $2")
                .bind(day(until))
                .bind(&id)
                .execute(&mut *conn)
                .await?;
            sqlx::query("delete from retention_pending where case_id = $1")
                .bind(&id)
                .execute(&mut *conn)
                .await?;
            done += 1;
        }
    }
    // A pending row whose case went another way. Looked for first: with
    // none, nothing is written (a dry run takes no write lock).
    let pending: i64 = sqlx::query_scalar("select count(*) from retention_pending")
        .fetch_one(&db.pool)
        .await?;
    if pending > 0 {
        sqlx::query("delete from retention_pending where case_id not in (select id from cases)")
            .execute(&db.pool)
            .await?;
    }
    Ok(done)
}
