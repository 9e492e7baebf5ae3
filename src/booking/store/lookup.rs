//! The sealed messages the seat look-up (`booking::seats`) opens to find
//! which case holds which seat, and the links carried over from before
//! migration 0004. Staff reads join the reader's memberships.

use sqlx::Row;

use crate::db::Db;

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

/// The client's own messages of a case, newest first: the seat id is in
/// the newest one that carries one.
pub async fn client_messages_newest_first(
    db: &Db,
    case_id: &str,
) -> Result<Vec<Vec<u8>>, sqlx::Error> {
    let rows = sqlx::query(
        "select sealed from messages where case_id = $1 and author = 'client' order by n desc",
    )
    .bind(case_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(|r| r.try_get("sealed")).collect()
}
