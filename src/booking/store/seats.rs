//! Seats: taking and giving back a seat, and the seat rows. A seat row says
//! which slot or group it is of and its state, never whose it is: the
//! case that holds it carries the seat's id inside its seal
//! (`booking::seats` finds it).

use sqlx::{AnyConnection, Row};

use super::slots::{GroupRow, group_by_id};
use crate::db::Db;
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

/// What a seat is of.
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

    fn from_columns(slot: Option<String>, series: Option<String>) -> Option<Target> {
        match (slot, series) {
            (Some(id), _) => Some(Target::Slot(id)),
            (None, Some(id)) => Some(Target::Group(id)),
            (None, None) => None,
        }
    }
}

/// Stores a booking case, its sealed first message (which names `seat_id`)
/// and the seat row.
pub async fn insert_booking_case(
    conn: &mut AnyConnection,
    case: &NewCase,
    seat_id: &str,
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
        "insert into messages (id, case_id, n, author, written_on, key_epoch, sealed) \
         values ($1, $2, 0, 'client', $3, $4, $5)",
    )
    .bind(&case.message_id)
    .bind(&case.id)
    .bind(&case.opened_on)
    .bind(case.key_epoch)
    .bind(&case.sealed[..])
    .execute(&mut *conn)
    .await?;
    insert_seat(conn, seat_id, target).await
}

/// A taken seat: nothing in it says whose.
pub async fn insert_seat(
    conn: &mut AnyConnection,
    seat_id: &str,
    target: &Target,
) -> Result<(), sqlx::Error> {
    let (slot, series) = match target {
        Target::Slot(id) => (Some(id.as_str()), None),
        Target::Group(id) => (None, Some(id.as_str())),
    };
    sqlx::query("insert into seats (id, slot_id, series_id, state) values ($1, $2, $3, 'booked')")
        .bind(seat_id)
        .bind(slot)
        .bind(series)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// A seat with its time, as its client sees it.
#[derive(Debug, Clone)]
pub struct BookingRow {
    pub id: String,
    pub state: String,
    pub target: Target,
    pub service: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub group: Option<GroupRow>,
}

pub async fn seat_by_id(db: &Db, seat_id: &str) -> Result<Option<BookingRow>, sqlx::Error> {
    let row = sqlx::query(
        "select se.id, se.state, se.slot_id, se.series_id, s.service, s.starts_at, s.ends_at \
         from seats se left join slots s on s.id = se.slot_id \
         where se.id = $1",
    )
    .bind(seat_id)
    .fetch_optional(&db.pool)
    .await?;
    let Some(r) = row else {
        return Ok(None);
    };
    let Some(target) = Target::from_columns(r.try_get("slot_id")?, r.try_get("series_id")?) else {
        return Ok(None);
    };
    let group = match &target {
        Target::Group(id) => match group_by_id(db, id).await? {
            Some(g) => Some(g),
            None => return Ok(None),
        },
        Target::Slot(_) => None,
    };
    let (service, starts_at, ends_at) = match &group {
        Some(g) => (g.service.clone(), g.first_at, g.last_at),
        None => (
            r.try_get("service")?,
            r.try_get("starts_at")?,
            r.try_get("ends_at")?,
        ),
    };
    Ok(Some(BookingRow {
        id: r.try_get("id")?,
        state: r.try_get("state")?,
        target,
        service,
        starts_at,
        ends_at,
        group,
    }))
}

/// Ends a current seat (`cancelled`, `moved`, `done`, `no_show`); false if
/// it was not current any more, so a seat is given back at most once.
pub async fn end_seat(
    conn: &mut AnyConnection,
    seat_id: &str,
    state: &str,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("update seats set state = $1 where id = $2 and state = 'booked'")
        .bind(state)
        .bind(seat_id)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Seats of the reader's services, by id; the service comes from the slot
/// or the group, since a seat names nothing else.
pub const STAFF_SEAT_SELECT: &str = "select se.id, se.state, se.slot_id, se.series_id, \
            coalesce(sl.service, g.service) as service \
     from seats se \
     left join slots sl on sl.id = se.slot_id \
     left join series g on g.id = se.series_id";

/// A seat as a counsellor acts on it (before its case is found).
#[derive(Debug, Clone)]
pub struct StaffSeat {
    pub id: String,
    pub state: String,
    pub target: Target,
    pub service: String,
}

pub fn staff_seat(r: &sqlx::any::AnyRow) -> Result<Option<StaffSeat>, sqlx::Error> {
    let Some(target) = Target::from_columns(r.try_get("slot_id")?, r.try_get("series_id")?) else {
        return Ok(None);
    };
    Ok(Some(StaffSeat {
        id: r.try_get("id")?,
        state: r.try_get("state")?,
        target,
        service: r.try_get("service")?,
    }))
}
