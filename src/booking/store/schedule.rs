//! The counsellor's schedule: the bookings of their services in a stretch
//! of time, and one booking as a member of its service may act on it. Every
//! read joins the reader's memberships, so a booking of another service is
//! "not there", exactly like one that does not exist.

use sqlx::{AnyConnection, Row};

use super::bookings::Target;
use crate::db::Db;

/// A booking on the schedule: its seat's time and the case's sealed first
/// message, which holds who booked and how to call.
#[derive(Debug, Clone)]
pub struct ScheduleRow {
    pub booking_id: String,
    pub state: String,
    pub case_id: String,
    pub service: String,
    pub is_group: bool,
    pub starts_at: i64,
    pub ends_at: i64,
    pub first: Option<Vec<u8>>,
}

/// Bookings of the reader's services whose time (a slot, or a meeting of a
/// booked group) starts in `[from, until)`, soonest first. Moved bookings
/// are left out: the move left a booking of its own.
pub async fn schedule_for(
    db: &Db,
    staff_id: &str,
    from: i64,
    until: i64,
) -> Result<Vec<ScheduleRow>, sqlx::Error> {
    let rows = sqlx::query(
        "select b.id as booking_id, b.state, c.id as case_id, c.service, b.series_id, \
                s.starts_at, s.ends_at, \
                (select m.sealed from messages m where m.case_id = c.id \
                 order by m.seq limit 1) as first \
         from bookings b \
         join cases c on c.id = b.case_id \
         join memberships ms on ms.service = c.service and ms.staff_id = $1 \
         join slots s on s.id = b.slot_id or s.series_id = b.series_id \
         where s.cancelled = 0 and s.starts_at >= $2 and s.starts_at < $3 \
           and b.state <> 'moved' \
         order by s.starts_at, b.id limit 1000",
    )
    .bind(staff_id)
    .bind(from)
    .bind(until)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(ScheduleRow {
                booking_id: r.try_get("booking_id")?,
                state: r.try_get("state")?,
                case_id: r.try_get("case_id")?,
                service: r.try_get("service")?,
                is_group: r.try_get::<Option<String>, _>("series_id")?.is_some(),
                starts_at: r.try_get("starts_at")?,
                ends_at: r.try_get("ends_at")?,
                first: r.try_get("first")?,
            })
        })
        .collect()
}

/// A booking as a counsellor acts on it.
#[derive(Debug, Clone)]
pub struct StaffBooking {
    pub id: String,
    pub state: String,
    pub target: Target,
    pub case_id: String,
    pub service: String,
    pub client_recipient: String,
}

/// The booking, if it exists and `staff_id` is a member of its service.
pub async fn booking_for_staff(
    db: &Db,
    staff_id: &str,
    booking_id: &str,
) -> Result<Option<StaffBooking>, sqlx::Error> {
    let row = sqlx::query(
        "select b.id, b.state, b.slot_id, b.series_id, c.id as case_id, c.service, \
                c.client_recipient \
         from bookings b \
         join cases c on c.id = b.case_id \
         join memberships m on m.service = c.service and m.staff_id = $1 \
         where b.id = $2",
    )
    .bind(staff_id)
    .bind(booking_id)
    .fetch_optional(&db.pool)
    .await?;
    row.as_ref()
        .map(staff_booking)
        .transpose()
        .map(Option::flatten)
}

fn staff_booking(r: &sqlx::any::AnyRow) -> Result<Option<StaffBooking>, sqlx::Error> {
    let slot: Option<String> = r.try_get("slot_id")?;
    let series: Option<String> = r.try_get("series_id")?;
    let target = match (slot, series) {
        (Some(id), _) => Target::Slot(id),
        (None, Some(id)) => Target::Group(id),
        (None, None) => return Ok(None),
    };
    Ok(Some(StaffBooking {
        id: r.try_get("id")?,
        state: r.try_get("state")?,
        target,
        case_id: r.try_get("case_id")?,
        service: r.try_get("service")?,
        client_recipient: r.try_get("client_recipient")?,
    }))
}

/// The current bookings of a single slot, in a fixed order.
pub async fn current_bookings_of_slot(
    conn: &mut AnyConnection,
    slot_id: &str,
) -> Result<Vec<StaffBooking>, sqlx::Error> {
    let rows = sqlx::query(
        "select b.id, b.state, b.slot_id, b.series_id, c.id as case_id, c.service, \
                c.client_recipient \
         from bookings b join cases c on c.id = b.case_id \
         where b.slot_id = $1 and b.state = 'booked' order by b.id",
    )
    .bind(slot_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        out.extend(staff_booking(r)?);
    }
    Ok(out)
}
