//! Seats and bookings: taking and giving back a seat, and the booking rows
//! that tie a case to what it holds.

use sqlx::{AnyConnection, Row};

use super::slots::{GroupRow, group_by_id};
use crate::db::{Db, new_id};
use crate::intake::store::NewCase;

/// Takes one seat of a single slot still to come; false when it is full,
/// removed, past, or not this service's.
pub async fn take_slot(
    conn: &mut AnyConnection,
    slot_id: &str,
    service: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "update slots set taken = taken + 1 \
         where id = $1 and service = $2 and series_id is null and cancelled = 0 \
           and taken < capacity and starts_at > $3",
    )
    .bind(slot_id)
    .bind(service)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Takes one seat of a group whose first meeting is still to come; false
/// when it is full, closed, or already under way.
pub async fn take_series(
    conn: &mut AnyConnection,
    series_id: &str,
    service: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "update series set taken = taken + 1 \
         where id = $1 and service = $2 and cancelled = 0 and taken < capacity \
           and (select min(s.starts_at) from slots s \
                where s.series_id = $1 and s.cancelled = 0) > $3",
    )
    .bind(series_id)
    .bind(service)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Gives a seat back.
pub async fn free_seat(conn: &mut AnyConnection, target: &Target) -> Result<(), sqlx::Error> {
    let sql = match target {
        Target::Slot(_) => "update slots set taken = taken - 1 where id = $1 and taken > 0",
        Target::Group(_) => "update series set taken = taken - 1 where id = $1 and taken > 0",
    };
    sqlx::query(sql)
        .bind(target.id())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// What a booking holds a seat of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Slot(String),
    Group(String),
}

impl Target {
    pub fn id(&self) -> &str {
        match self {
            Target::Slot(id) | Target::Group(id) => id,
        }
    }
}

/// Stores a booking case, its sealed first message and its booking row.
pub async fn insert_booking_case(
    conn: &mut AnyConnection,
    case: &NewCase,
    target: &Target,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into cases (id, service, kind, status, opened_on, updated_on, retain_until, \
         lookup_hash, client_recipient) values ($1, $2, $3, 'new', $4, $4, $5, $6, $7)",
    )
    .bind(&case.id)
    .bind(&case.service)
    .bind(case.kind)
    .bind(&case.opened_on)
    .bind(&case.retain_until)
    .bind(&case.lookup_hash[..])
    .bind(&case.client_recipient)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "insert into messages (id, case_id, author, written_on, key_epoch, sealed) \
         values ($1, $2, 'client', $3, $4, $5)",
    )
    .bind(&case.message_id)
    .bind(&case.id)
    .bind(&case.opened_on)
    .bind(case.key_epoch)
    .bind(&case.sealed[..])
    .execute(&mut *conn)
    .await?;
    insert_booking(conn, &case.id, target).await
}

pub async fn insert_booking(
    conn: &mut AnyConnection,
    case_id: &str,
    target: &Target,
) -> Result<(), sqlx::Error> {
    let (slot, series) = match target {
        Target::Slot(id) => (Some(id.as_str()), None),
        Target::Group(id) => (None, Some(id.as_str())),
    };
    sqlx::query(
        "insert into bookings (id, case_id, slot_id, series_id, state) \
         values ($1, $2, $3, $4, 'booked')",
    )
    .bind(new_id())
    .bind(case_id)
    .bind(slot)
    .bind(series)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A case's current booking; with none current, a cancelled one.
#[derive(Debug, Clone)]
pub struct BookingRow {
    pub id: String,
    pub state: String,
    pub target: Target,
    pub starts_at: i64,
    pub ends_at: i64,
    pub group: Option<GroupRow>,
}

pub async fn booking_of_case(db: &Db, case_id: &str) -> Result<Option<BookingRow>, sqlx::Error> {
    let rows = sqlx::query(
        "select b.id, b.state, b.slot_id, b.series_id, s.starts_at, s.ends_at \
         from bookings b left join slots s on s.id = b.slot_id \
         where b.case_id = $1",
    )
    .bind(case_id)
    .fetch_all(&db.pool)
    .await?;
    // The current booking first; else a cancelled one; else any.
    let rank = |state: &str| match state {
        "booked" => 0,
        "cancelled" => 1,
        _ => 2,
    };
    let mut found: Option<(&sqlx::any::AnyRow, String)> = None;
    for r in &rows {
        let state: String = r.try_get("state")?;
        if found.as_ref().is_none_or(|(_, f)| rank(&state) < rank(f)) {
            found = Some((r, state));
        }
    }
    let Some((r, state)) = found else {
        return Ok(None);
    };
    let slot: Option<String> = r.try_get("slot_id")?;
    let series: Option<String> = r.try_get("series_id")?;
    let (target, group) = match (slot, series) {
        (Some(id), _) => (Target::Slot(id), None),
        (None, Some(id)) => {
            let group = group_by_id(db, &id).await?;
            (Target::Group(id), group)
        }
        (None, None) => return Ok(None),
    };
    let (starts_at, ends_at) = match &group {
        Some(g) => (g.first_at, g.last_at),
        None => (r.try_get("starts_at")?, r.try_get("ends_at")?),
    };
    Ok(Some(BookingRow {
        id: r.try_get("id")?,
        state,
        target,
        starts_at,
        ends_at,
        group,
    }))
}

/// Ends a current booking (`cancelled` or `moved`); false if it was not
/// current any more, so a seat is given back at most once.
pub async fn end_booking(
    conn: &mut AnyConnection,
    booking_id: &str,
    state: &str,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("update bookings set state = $1 where id = $2 and state = 'booked'")
        .bind(state)
        .bind(booking_id)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}
