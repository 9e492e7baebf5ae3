//! The counsellor's side of seats: the seats of their services in a stretch
//! of time, and one seat as a member of its service may act on it. Every
//! read joins the reader's memberships, so a seat of another service is
//! "not there", exactly like one that does not exist.

use sqlx::{AnyConnection, Row};

use super::seats::{STAFF_SEAT_SELECT, StaffSeat, staff_seat};
use crate::db::Db;

/// A seat on the schedule with its time (of the slot, or of one meeting of
/// a booked group).
#[derive(Debug, Clone)]
pub struct ScheduleRow {
    pub seat_id: String,
    pub state: String,
    pub service: String,
    pub is_group: bool,
    pub starts_at: i64,
    pub ends_at: i64,
}

/// Seats of the reader's services whose time starts in `[from, until)`,
/// soonest first. Moved seats are left out: the move took a seat of its own.
pub async fn schedule_for(
    db: &Db,
    staff_id: &str,
    from: i64,
    until: i64,
) -> Result<Vec<ScheduleRow>, sqlx::Error> {
    let rows = sqlx::query(
        "select se.id, se.state, s.service, se.series_id, s.starts_at, s.ends_at \
         from seats se \
         join slots s on s.id = se.slot_id or s.series_id = se.series_id \
         join memberships ms on ms.service = s.service and ms.staff_id = $1 \
         where s.cancelled = 0 and s.starts_at >= $2 and s.starts_at < $3 \
           and se.state <> 'moved' \
         order by s.starts_at, se.id limit 1000",
    )
    .bind(staff_id)
    .bind(from)
    .bind(until)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(ScheduleRow {
                seat_id: r.try_get("id")?,
                state: r.try_get("state")?,
                service: r.try_get("service")?,
                is_group: r.try_get::<Option<String>, _>("series_id")?.is_some(),
                starts_at: r.try_get("starts_at")?,
                ends_at: r.try_get("ends_at")?,
            })
        })
        .collect()
}

/// The seat, if it exists and `staff_id` is a member of its service.
pub async fn seat_for_staff(
    db: &Db,
    staff_id: &str,
    seat_id: &str,
) -> Result<Option<StaffSeat>, sqlx::Error> {
    let sql = format!(
        "{STAFF_SEAT_SELECT} where se.id = $2 and coalesce(sl.service, g.service) in \
         (select service from memberships where staff_id = $1)"
    );
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(staff_id)
        .bind(seat_id)
        .fetch_optional(&db.pool)
        .await?;
    row.as_ref()
        .map(staff_seat)
        .transpose()
        .map(Option::flatten)
}

/// The current seats of a single slot, in a fixed order.
pub async fn current_seats_of_slot(
    conn: &mut AnyConnection,
    slot_id: &str,
) -> Result<Vec<StaffSeat>, sqlx::Error> {
    let sql =
        format!("{STAFF_SEAT_SELECT} where se.slot_id = $1 and se.state = 'booked' order by se.id");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(slot_id)
        .fetch_all(&mut *conn)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        out.extend(staff_seat(r)?);
    }
    Ok(out)
}
