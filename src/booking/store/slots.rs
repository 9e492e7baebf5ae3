//! Published slots and group series: public times and seat counts.

use sqlx::{AnyConnection, Row};

use crate::booking::time::Stretch;
use crate::db::{Db, new_id};

/// A published slot as lists show it.
#[derive(Debug, Clone)]
pub struct SlotRow {
    pub id: String,
    pub service: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub capacity: i32,
    pub taken: i32,
    pub origin: String,
}

fn slot_row(r: &sqlx::any::AnyRow) -> Result<SlotRow, sqlx::Error> {
    Ok(SlotRow {
        id: r.try_get("id")?,
        service: r.try_get("service")?,
        starts_at: r.try_get("starts_at")?,
        ends_at: r.try_get("ends_at")?,
        capacity: r.try_get("capacity")?,
        taken: r.try_get("taken")?,
        origin: r.try_get("origin")?,
    })
}

const SLOT_COLUMNS: &str = "s.id, s.service, s.starts_at, s.ends_at, s.capacity, s.taken, s.origin";

/// Publishes slots; a group's meetings carry its series id.
pub async fn insert_slots(
    conn: &mut AnyConnection,
    service: &str,
    slots: &[Stretch],
    capacity: i32,
    origin: &str,
    series_id: Option<&str>,
) -> Result<(), sqlx::Error> {
    for s in slots {
        sqlx::query(
            "insert into slots (id, service, starts_at, ends_at, capacity, origin, series_id) \
             values ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(new_id())
        .bind(service)
        .bind(s.starts_at)
        .bind(s.ends_at)
        .bind(capacity)
        .bind(origin)
        .bind(series_id)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// A group's public names, in the three languages.
pub struct GroupNames<'a> {
    pub fi: &'a str,
    pub sv: &'a str,
    pub en: &'a str,
}

pub async fn insert_series(
    conn: &mut AnyConnection,
    id: &str,
    service: &str,
    names: &GroupNames<'_>,
    capacity: i32,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into series (id, service, name_fi, name_sv, name_en, capacity) \
         values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(service)
    .bind(names.fi)
    .bind(names.sv)
    .bind(names.en)
    .bind(capacity)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Bookable single slots of `service` starting in `[from, until)`, soonest
/// first. Group meetings are booked through their series.
pub async fn free_slots(
    db: &Db,
    service: &str,
    from: i64,
    until: i64,
) -> Result<Vec<SlotRow>, sqlx::Error> {
    let sql = format!(
        "select {SLOT_COLUMNS} from slots s \
         where s.service = $1 and s.series_id is null and s.cancelled = 0 \
           and s.taken < s.capacity and s.starts_at >= $2 and s.starts_at < $3 \
         order by s.starts_at, s.id"
    );
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(service)
        .bind(from)
        .bind(until)
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(slot_row)
        .collect()
}

/// A group series with its meetings' span.
#[derive(Debug, Clone)]
pub struct GroupRow {
    pub id: String,
    pub service: String,
    pub name_fi: String,
    pub name_sv: String,
    pub name_en: String,
    pub capacity: i32,
    pub taken: i32,
    pub meetings: i64,
    pub first_at: i64,
    pub last_at: i64,
}

fn group_row(r: &sqlx::any::AnyRow) -> Result<GroupRow, sqlx::Error> {
    Ok(GroupRow {
        id: r.try_get("id")?,
        service: r.try_get("service")?,
        name_fi: r.try_get("name_fi")?,
        name_sv: r.try_get("name_sv")?,
        name_en: r.try_get("name_en")?,
        capacity: r.try_get("capacity")?,
        taken: r.try_get("taken")?,
        meetings: r.try_get("meetings")?,
        first_at: r.try_get("first_at")?,
        last_at: r.try_get("last_at")?,
    })
}

const GROUP_SELECT: &str = "select g.id, g.service, g.name_fi, g.name_sv, g.name_en, g.capacity, \
       g.taken, count(s.id) as meetings, min(s.starts_at) as first_at, \
       max(s.starts_at) as last_at \
     from series g join slots s on s.series_id = g.id and s.cancelled = 0";
const GROUP_BY: &str =
    "group by g.id, g.service, g.name_fi, g.name_sv, g.name_en, g.capacity, g.taken";

/// Groups of `service` with a free seat whose first meeting is after `now`.
pub async fn open_groups(db: &Db, service: &str, now: i64) -> Result<Vec<GroupRow>, sqlx::Error> {
    let sql = format!(
        "{GROUP_SELECT} where g.service = $1 and g.cancelled = 0 and g.taken < g.capacity \
         {GROUP_BY} having min(s.starts_at) > $2 order by first_at"
    );
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(service)
        .bind(now)
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(group_row)
        .collect()
}

pub async fn group_by_id(db: &Db, id: &str) -> Result<Option<GroupRow>, sqlx::Error> {
    let sql = format!("{GROUP_SELECT} where g.id = $1 {GROUP_BY}");
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(&db.pool)
        .await?
        .as_ref()
        .map(group_row)
        .transpose()
}

/// A slot's times, if it is a bookable single slot of `service`.
pub async fn slot_of_service(
    db: &Db,
    slot_id: &str,
    service: &str,
) -> Result<Option<SlotRow>, sqlx::Error> {
    let sql = format!(
        "select {SLOT_COLUMNS} from slots s \
         where s.id = $1 and s.service = $2 and s.series_id is null"
    );
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(slot_id)
        .bind(service)
        .fetch_optional(&db.pool)
        .await?
        .as_ref()
        .map(slot_row)
        .transpose()
}

/// Slots of the reader's services from `from` on, for the staff list.
pub async fn slots_for_staff(
    db: &Db,
    staff_id: &str,
    from: i64,
) -> Result<Vec<SlotRow>, sqlx::Error> {
    let sql = format!(
        "select {SLOT_COLUMNS} from slots s \
         where s.service in (select service from memberships where staff_id = $1) \
           and s.series_id is null and s.cancelled = 0 and s.ends_at >= $2 \
         order by s.starts_at, s.id limit 500"
    );
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(staff_id)
        .bind(from)
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(slot_row)
        .collect()
}

/// Groups of the reader's services whose last meeting is still to come.
pub async fn groups_for_staff(
    db: &Db,
    staff_id: &str,
    from: i64,
) -> Result<Vec<GroupRow>, sqlx::Error> {
    let sql = format!(
        "{GROUP_SELECT} where g.cancelled = 0 \
           and g.service in (select service from memberships where staff_id = $1) \
         {GROUP_BY} having max(s.ends_at) >= $2 order by first_at"
    );
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(staff_id)
        .bind(from)
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(group_row)
        .collect()
}

/// A single slot of the reader's services that is not removed yet.
pub async fn member_slot(
    conn: &mut AnyConnection,
    staff_id: &str,
    slot_id: &str,
) -> Result<Option<SlotRow>, sqlx::Error> {
    let sql = format!(
        "select {SLOT_COLUMNS} from slots s \
         join memberships m on m.service = s.service and m.staff_id = $1 \
         where s.id = $2 and s.series_id is null and s.cancelled = 0"
    );
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(staff_id)
        .bind(slot_id)
        .fetch_optional(&mut *conn)
        .await?
        .as_ref()
        .map(slot_row)
        .transpose()
}

/// Marks a slot removed, so no one can book it any more; false if it
/// already was. On PostgreSQL the row lock makes a racing `take_slot` wait
/// and then find the slot removed.
pub async fn cancel_slot(conn: &mut AnyConnection, slot_id: &str) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("update slots set cancelled = 1 where id = $1 and cancelled = 0")
        .bind(slot_id)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Changes a slot's seats, never below the seats already taken; false if
/// that would drop someone.
pub async fn set_capacity(
    conn: &mut AnyConnection,
    slot_id: &str,
    capacity: i32,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "update slots set capacity = $1 where id = $2 and cancelled = 0 and taken <= $1",
    )
    .bind(capacity)
    .bind(slot_id)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Whether a weekly duty-hours slot of `service` (not removed) is running
/// at `now` or ended at most `grace` seconds before it.
pub async fn on_duty(db: &Db, service: &str, now: i64, grace: i64) -> Result<bool, sqlx::Error> {
    let row = sqlx::query(
        "select count(*) as n from slots \
         where service = $1 and origin = 'weekly' and cancelled = 0 \
           and starts_at <= $2 and ends_at >= $3",
    )
    .bind(service)
    .bind(now)
    .bind(now - grace)
    .fetch_one(&db.pool)
    .await?;
    Ok(row.try_get::<i64, _>("n")? > 0)
}
