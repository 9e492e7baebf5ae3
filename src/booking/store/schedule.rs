//! The counsellor's side of seats: the seats of their services in a stretch
//! of time, one seat as a member of its service may act on it, and the
//! sealed messages the seat look-up (`booking::seats`) opens to find which
//! case holds which seat. Every read joins the reader's memberships, so a
//! seat of another service is "not there", exactly like one that does not
//! exist.

use std::collections::HashMap;

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

/// A booking case of the reader's services, as the seat look-up needs it.
#[derive(Debug, Clone)]
pub struct CaseRef {
    pub case_id: String,
    pub service: String,
    pub client_recipient: String,
}

fn case_ref(r: &sqlx::any::AnyRow) -> Result<CaseRef, sqlx::Error> {
    Ok(CaseRef {
        case_id: r.try_get("case_id")?,
        service: r.try_get("service")?,
        client_recipient: r.try_get("client_recipient")?,
    })
}

/// Every message of the reader's booking cases that can carry a seat id
/// (the client's side of the thread: the first message and move lines),
/// without its sealed bytes: `(message id, case)`.
pub async fn seat_carriers(db: &Db, staff_id: &str) -> Result<Vec<(String, CaseRef)>, sqlx::Error> {
    let rows = sqlx::query(
        "select m.id, c.id as case_id, c.service, c.client_recipient \
         from messages m \
         join cases c on c.id = m.case_id \
         join memberships ms on ms.service = c.service and ms.staff_id = $1 \
         where c.kind = 'booking' and m.author = 'client'",
    )
    .bind(staff_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("id")?, case_ref(r)?)))
        .collect()
}

/// The sealed bytes of the messages `ids`, with their case id.
pub async fn sealed_messages(
    db: &Db,
    ids: &[&str],
) -> Result<Vec<(String, String, Vec<u8>)>, sqlx::Error> {
    let mut out = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(400) {
        let list = (1..=chunk.len())
            .map(|i| format!("${i}"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!("select id, case_id, sealed from messages where id in ({list})");
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for id in chunk {
            query = query.bind(*id);
        }
        for r in query.fetch_all(&db.pool).await? {
            out.push((
                r.try_get("id")?,
                r.try_get("case_id")?,
                r.try_get("sealed")?,
            ));
        }
    }
    Ok(out)
}

/// Links kept in plaintext for bookings made before seats were sealed
/// (migration 0004), of the reader's services: seat id to case.
pub async fn carried_over(db: &Db, staff_id: &str) -> Result<Vec<(String, CaseRef)>, sqlx::Error> {
    let rows = sqlx::query(
        "select sc.seat_id, c.id as case_id, c.service, c.client_recipient \
         from seat_carryover sc \
         join cases c on c.id = sc.case_id \
         join memberships ms on ms.service = c.service and ms.staff_id = $1",
    )
    .bind(staff_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("seat_id")?, case_ref(r)?)))
        .collect()
}

/// The carried-over seat of one case (newest first when there are several).
pub async fn carried_over_seats_of_case(
    db: &Db,
    case_id: &str,
) -> Result<Vec<String>, sqlx::Error> {
    let rows = sqlx::query(
        "select sc.seat_id, se.state from seat_carryover sc join seats se on se.id = sc.seat_id \
         where sc.case_id = $1",
    )
    .bind(case_id)
    .fetch_all(&db.pool)
    .await?;
    // Before 0004 a move ended one booking and made another: the current
    // one, if any, first.
    let mut seats: Vec<(String, String)> = rows
        .iter()
        .map(|r| Ok((r.try_get("seat_id")?, r.try_get("state")?)))
        .collect::<Result<_, sqlx::Error>>()?;
    seats.sort_by_key(|(_, state)| match state.as_str() {
        "booked" => 0,
        "moved" => 2,
        _ => 1,
    });
    Ok(seats.into_iter().map(|(id, _)| id).collect())
}

/// The first message of each of `case_ids`: it holds who booked and how to
/// call.
pub async fn first_messages(
    db: &Db,
    case_ids: &[&str],
) -> Result<HashMap<String, Vec<u8>>, sqlx::Error> {
    let mut out = HashMap::with_capacity(case_ids.len());
    for chunk in case_ids.chunks(400) {
        let list = (1..=chunk.len())
            .map(|i| format!("${i}"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "select m.case_id, m.sealed from messages m where m.case_id in ({list}) \
             and m.seq = (select min(f.seq) from messages f where f.case_id = m.case_id)"
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for id in chunk {
            query = query.bind(*id);
        }
        for r in query.fetch_all(&db.pool).await? {
            out.insert(r.try_get("case_id")?, r.try_get("sealed")?);
        }
    }
    Ok(out)
}

/// The client's own messages of a case, newest first: the seat id is in
/// the newest one that carries one.
pub async fn client_messages_newest_first(
    db: &Db,
    case_id: &str,
) -> Result<Vec<Vec<u8>>, sqlx::Error> {
    let rows = sqlx::query(
        "select sealed from messages where case_id = $1 and author = 'client' order by seq desc",
    )
    .bind(case_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(|r| r.try_get("sealed")).collect()
}
