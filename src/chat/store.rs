//! SQL for live chats: settings, the `chats` rows that route a live chat,
//! duty. Every state change is one conditional statement, so two instances
//! (or two counsellors) racing for one chat cannot both win it.

use sqlx::Row;
use sqlx::any::AnyRow;

use crate::db::{Db, day, today};

/// A service's chat settings as stored; a service without a row has no
/// hours, so its chat is closed.
#[derive(Debug, Clone)]
pub struct Settings {
    pub hours: String,
    pub queue_max: i64,
    pub keep_transcript: bool,
    /// The typical wait of recent clients, in whole minutes (a moving
    /// average; no single client's wait).
    pub typical_wait: Option<i64>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            hours: String::new(),
            queue_max: 50,
            keep_transcript: true,
            typical_wait: None,
        }
    }
}

pub async fn settings(db: &Db, service: &str) -> Result<Settings, sqlx::Error> {
    let row = sqlx::query(
        "select hours, queue_max, keep_transcript, typical_wait from chat_settings \
         where service = $1",
    )
    .bind(service)
    .fetch_optional(&db.pool)
    .await?;
    let Some(row) = row else {
        return Ok(Settings::default());
    };
    Ok(Settings {
        hours: row.try_get("hours")?,
        queue_max: row.try_get::<i32, _>("queue_max")?.into(),
        keep_transcript: row.try_get::<i32, _>("keep_transcript")? != 0,
        typical_wait: row
            .try_get::<Option<i32>, _>("typical_wait")?
            .map(i64::from),
    })
}

pub async fn save_settings(db: &Db, service: &str, s: &Settings) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into chat_settings (service, hours, queue_max, keep_transcript) \
         values ($1, $2, $3, $4) on conflict (service) do update set \
         hours = excluded.hours, queue_max = excluded.queue_max, \
         keep_transcript = excluded.keep_transcript",
    )
    .bind(service)
    .bind(&s.hours)
    .bind(s.queue_max as i32)
    .bind(i32::from(s.keep_transcript))
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Folds one client's wait (minutes) into the service's typical wait.
pub async fn record_wait(db: &Db, service: &str, minutes: i64) -> Result<(), sqlx::Error> {
    let minutes = minutes.clamp(0, 24 * 60) as i32;
    sqlx::query(
        "update chat_settings set typical_wait = \
         case when typical_wait is null then $2 else (typical_wait * 3 + $2 + 3) / 4 end \
         where service = $1",
    )
    .bind(service)
    .bind(minutes)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// A chat as routed.
#[derive(Debug, Clone)]
pub struct Chat {
    pub id: String,
    pub case_id: String,
    pub service: String,
    pub state: String,
    pub place: Option<i64>,
    pub counsellor: Option<String>,
    pub sign: i64,
    pub gone: bool,
    pub ended_by: Option<String>,
}

impl Chat {
    pub fn waiting(&self) -> bool {
        self.state == "waiting"
    }
    pub fn active(&self) -> bool {
        self.state == "active"
    }
    pub fn ended(&self) -> bool {
        self.state == "ended"
    }
}

const COLUMNS: &str = "id, case_id, service, state, place, counsellor, sign, gone, ended_by";

fn chat(row: &AnyRow) -> Result<Chat, sqlx::Error> {
    Ok(Chat {
        id: row.try_get("id")?,
        case_id: row.try_get("case_id")?,
        service: row.try_get("service")?,
        state: row.try_get("state")?,
        place: row.try_get::<Option<i32>, _>("place")?.map(i64::from),
        counsellor: row.try_get("counsellor")?,
        sign: row.try_get::<i32, _>("sign")?.into(),
        gone: row.try_get::<i32, _>("gone")? != 0,
        ended_by: row.try_get("ended_by")?,
    })
}

/// A new waiting chat, at the end of its service's queue.
pub struct NewChat<'a> {
    pub id: &'a str,
    pub case_id: &'a str,
    pub service: &'a str,
    pub token_hash: &'a [u8; 32],
    pub sealed_key: &'a [u8],
}

/// Puts a chat at the end of its service's queue, if fewer than `max` wait
/// there; whether it was let in. One statement: its place is one more than
/// the last waiting one's (the places say only the order among those
/// waiting now, and start again when the queue empties).
pub async fn enqueue(db: &Db, new: NewChat<'_>, max: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "insert into chats (id, case_id, service, token_hash, sealed_key, state, place) \
         select $1, $2, $3, $4, $5, 'waiting', coalesce(max(place), 0) + 1 from chats \
         where service = $3 and state = 'waiting' \
         having count(*) < $6",
    )
    .bind(new.id)
    .bind(new.case_id)
    .bind(new.service)
    .bind(&new.token_hash[..])
    .bind(new.sealed_key)
    .bind(max as i32)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn by_token(db: &Db, hash: &[u8; 32]) -> Result<Option<(Chat, Vec<u8>)>, sqlx::Error> {
    let sql = format!("select {COLUMNS}, sealed_key from chats where token_hash = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(&hash[..])
        .fetch_optional(&db.pool)
        .await?;
    match row {
        Some(row) => Ok(Some((chat(&row)?, row.try_get("sealed_key")?))),
        None => Ok(None),
    }
}

pub async fn by_id(db: &Db, id: &str) -> Result<Option<Chat>, sqlx::Error> {
    let sql = format!("select {COLUMNS} from chats where id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(&db.pool)
        .await?;
    row.as_ref().map(chat).transpose()
}

/// The chats of `services` that are waiting, first in line first, and
/// those that are active.
pub async fn live(db: &Db, services: &[String]) -> Result<Vec<Chat>, sqlx::Error> {
    let mut out = Vec::new();
    for service in services {
        let sql = format!(
            "select {COLUMNS} from chats where service = $1 and state <> 'ended' \
             order by state desc, place"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(service)
            .fetch_all(&db.pool)
            .await?;
        for row in &rows {
            out.push(chat(row)?);
        }
    }
    Ok(out)
}

/// Every chat not ended, for the sweep.
pub async fn all_live(db: &Db) -> Result<Vec<Chat>, sqlx::Error> {
    let sql = format!("select {COLUMNS} from chats where state <> 'ended'");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(chat).collect()
}

/// The active chats `staff_id` is in.
pub async fn mine(db: &Db, staff_id: &str) -> Result<Vec<Chat>, sqlx::Error> {
    let sql = format!(
        "select {COLUMNS} from chats where counsellor = $1 and state = 'active' order by id"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(staff_id)
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(chat).collect()
}

/// How many wait before `place` in `service`, and how many wait in all
/// (clients shown as gone left out of the first count).
pub async fn position(db: &Db, service: &str, place: i64) -> Result<(i64, i64), sqlx::Error> {
    let row = sqlx::query(
        "select cast(coalesce(sum(case when place < $2 and gone = 0 then 1 else 0 end), 0) \
         as bigint) as ahead, count(*) as waiting from chats \
         where service = $1 and state = 'waiting'",
    )
    .bind(service)
    .bind(place as i32)
    .fetch_one(&db.pool)
    .await?;
    Ok((row.try_get("ahead")?, row.try_get("waiting")?))
}

pub async fn waiting_count(db: &Db, service: &str) -> Result<i64, sqlx::Error> {
    sqlx::query("select count(*) from chats where service = $1 and state = 'waiting'")
        .bind(service)
        .fetch_one(&db.pool)
        .await?
        .try_get(0)
}

/// A sign of life from the chat's client; clears "gone".
pub async fn sign(db: &Db, id: &str) -> Result<(), sqlx::Error> {
    let mut conn = db.pool.acquire().await?;
    sign_in(&mut conn, id).await
}

/// [`sign`] inside a transaction of the caller's (a line's own commit).
pub async fn sign_in(conn: &mut sqlx::AnyConnection, id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("update chats set sign = sign + 1, gone = 0 where id = $1 and state <> 'ended'")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn mark_gone(db: &Db, id: &str, sign: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "update chats set gone = 1 where id = $1 and sign = $2 and gone = 0 and state <> 'ended'",
    )
    .bind(id)
    .bind(sign as i32)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Takes a waiting chat for `staff_id`; whether this call won it.
pub async fn take(db: &Db, id: &str, staff_id: &str) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "update chats set state = 'active', counsellor = $2, place = null \
         where id = $1 and state = 'waiting'",
    )
    .bind(id)
    .bind(staff_id)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Hands an active chat from `from` to `to`; whether it was `from`'s.
pub async fn hand_over(db: &Db, id: &str, from: &str, to: &str) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "update chats set counsellor = $3 where id = $1 and counsellor = $2 and state = 'active'",
    )
    .bind(id)
    .bind(from)
    .bind(to)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Ends a chat that is not ended yet: the client's key is wiped from the
/// row (the row stays, with its cookie's hash, until the client has seen
/// that it ended). Without a kept transcript, the conversation goes too:
/// every message after the case's first, in the same transaction.
pub async fn end(db: &Db, id: &str, by: &str, keep_transcript: bool) -> Result<bool, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let case: Option<String> = sqlx::query(
        "update chats set state = 'ended', ended_by = $2, ended_on = $3, place = null, \
         sealed_key = $4 where id = $1 and state <> 'ended' returning case_id",
    )
    .bind(id)
    .bind(by)
    .bind(day(today()))
    .bind(Vec::<u8>::new())
    .fetch_optional(&mut *tx)
    .await?
    .map(|row| row.try_get(0))
    .transpose()?;
    let Some(case) = case else {
        return Ok(false);
    };
    if !keep_transcript {
        sqlx::query("delete from messages where case_id = $1 and n > 0")
            .bind(&case)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(true)
}

/// The client has seen that their chat ended: the row goes.
pub async fn forget(db: &Db, id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("delete from chats where id = $1 and state = 'ended'")
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Ended chats whose clients never came back, from before today.
pub async fn forget_old(db: &Db) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("delete from chats where state = 'ended' and ended_on < $1")
        .bind(day(today()))
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected())
}

/// Messages of a case after place `after`, oldest first: (n, id, author,
/// sealed).
pub async fn messages_after(
    db: &Db,
    case_id: &str,
    after: i64,
) -> Result<Vec<(i64, String, String, Vec<u8>)>, sqlx::Error> {
    let rows = sqlx::query(
        "select n, id, author, sealed from messages where case_id = $1 and n > $2 order by n",
    )
    .bind(case_id)
    .bind(after as i32)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                r.try_get::<i32, _>("n")?.into(),
                r.try_get("id")?,
                r.try_get("author")?,
                r.try_get("sealed")?,
            ))
        })
        .collect()
}

/// `staff_id`'s duty: the services and the most chats at once.
pub async fn duty(db: &Db, staff_id: &str) -> Result<(Vec<String>, i64), sqlx::Error> {
    let rows = sqlx::query("select service, capacity from chat_duty where staff_id = $1")
        .bind(staff_id)
        .fetch_all(&db.pool)
        .await?;
    let mut services = Vec::with_capacity(rows.len());
    let mut capacity = 2;
    for r in &rows {
        services.push(r.try_get("service")?);
        capacity = r.try_get::<i32, _>("capacity")?.into();
    }
    Ok((services, capacity))
}

/// Replaces `staff_id`'s duty.
pub async fn set_duty(
    db: &Db,
    staff_id: &str,
    services: &[String],
    capacity: i64,
) -> Result<(), sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    sqlx::query("delete from chat_duty where staff_id = $1")
        .bind(staff_id)
        .execute(&mut *tx)
        .await?;
    for s in services {
        sqlx::query("insert into chat_duty (staff_id, service, capacity) values ($1, $2, $3)")
            .bind(staff_id)
            .bind(s)
            .bind(capacity as i32)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await
}

/// Who is on duty for `service` (staff ids and capacities).
pub async fn on_duty(db: &Db, service: &str) -> Result<Vec<(String, i64)>, sqlx::Error> {
    let rows = sqlx::query("select staff_id, capacity from chat_duty where service = $1")
        .bind(service)
        .fetch_all(&db.pool)
        .await?;
    rows.iter()
        .map(|r| {
            Ok((
                r.try_get("staff_id")?,
                r.try_get::<i32, _>("capacity")?.into(),
            ))
        })
        .collect()
}

/// Duty of people with no session left (logged out, timed out).
pub async fn drop_stale_duty(db: &Db) -> Result<u64, sqlx::Error> {
    let done =
        sqlx::query("delete from chat_duty where staff_id not in (select staff_id from sessions)")
            .execute(&db.pool)
            .await?;
    Ok(done.rows_affected())
}
