//! SQL for the counsellor's side of cases. Every read of a case joins the
//! reader's memberships, so a case of another service is "not there" in one
//! query: the same answer, and the same work, as a case that does not exist.

use sqlx::{AnyConnection, Row};

use crate::db::{Db, day, new_id, today};
use crate::retention::{self, Retention};

pub const PAGE: i64 = 50;
pub const STATUSES: [&str; 4] = ["new", "in_progress", "waiting", "closed"];

/// A line of the queue, with the sealed first message for its preview.
pub struct QueueRow {
    pub seq: i64,
    pub id: String,
    pub service: String,
    pub kind: String,
    pub status: String,
    pub opened_on: String,
    pub updated_on: String,
    pub retain_until: String,
    pub staff_unread: bool,
    pub assignee: Option<String>,
    pub first: Option<Vec<u8>>,
}

/// What the queue shows: a service, a status, cases deleted by a day
/// (`YYYY-MM-DD`); empty: any. `before`: the page after this `seq`.
pub struct QueueFilter<'a> {
    pub service: &'a str,
    pub status: &'a str,
    pub deleted_by: &'a str,
    pub before: i64,
}

/// Cases of the reader's services, newest first, filtered.
pub async fn list(
    db: &Db,
    staff_id: &str,
    filter: &QueueFilter<'_>,
) -> Result<Vec<QueueRow>, sqlx::Error> {
    let rows = sqlx::query(
        "select c.seq, c.id, c.service, c.kind, c.status, c.opened_on, c.updated_on, \
                c.retain_until, c.staff_unread, a.display_name as assignee, \
                (select m.sealed from messages m where m.case_id = c.id \
                 order by m.seq limit 1) as first \
         from cases c left join staff a on a.id = c.assignee \
         where c.service in (select service from memberships where staff_id = $1) \
           and ($2 = '' or c.service = $2) \
           and ($3 = '' or c.status = $3) \
           and ($4 = 0 or c.seq < $4) \
           and ($6 = '' or c.retain_until <= $6) \
         order by c.seq desc limit $5",
    )
    .bind(staff_id)
    .bind(filter.service)
    .bind(filter.status)
    .bind(filter.before)
    .bind(PAGE)
    .bind(filter.deleted_by)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(QueueRow {
                seq: r.try_get("seq")?,
                id: r.try_get("id")?,
                service: r.try_get("service")?,
                kind: r.try_get("kind")?,
                status: r.try_get("status")?,
                opened_on: r.try_get("opened_on")?,
                updated_on: r.try_get("updated_on")?,
                retain_until: r.try_get("retain_until")?,
                staff_unread: r.try_get::<i32, _>("staff_unread")? != 0,
                assignee: r.try_get("assignee")?,
                first: r.try_get("first")?,
            })
        })
        .collect()
}

/// How many cases of the reader's services are in each status.
pub async fn counts(db: &Db, staff_id: &str) -> Result<Vec<(String, i64)>, sqlx::Error> {
    sqlx::query(
        "select status, count(*) as n from cases \
         where service in (select service from memberships where staff_id = $1) \
         group by status",
    )
    .bind(staff_id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| Ok((r.try_get("status")?, r.try_get("n")?)))
    .collect()
}

/// How many cases of the reader's services are deleted by `day`.
pub async fn deleted_by(db: &Db, staff_id: &str, day: &str) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "select count(*) from cases \
         where service in (select service from memberships where staff_id = $1) \
           and retain_until <= $2",
    )
    .bind(staff_id)
    .bind(day)
    .fetch_one(&db.pool)
    .await
}

/// A case's plaintext metadata, as its service's counsellors see it.
pub struct CaseMeta {
    pub id: String,
    pub service: String,
    pub kind: String,
    pub status: String,
    pub opened_on: String,
    pub updated_on: String,
    pub retain_until: String,
    pub assignee: Option<String>,
    pub client_recipient: String,
}

/// The case, if it exists and `staff_id` is a member of its service.
pub async fn case_for(
    db: &Db,
    staff_id: &str,
    case_id: &str,
) -> Result<Option<CaseMeta>, sqlx::Error> {
    let row = sqlx::query(
        "select c.id, c.service, c.kind, c.status, c.opened_on, c.updated_on, c.retain_until, \
                c.assignee, c.client_recipient \
         from cases c join memberships m on m.service = c.service and m.staff_id = $1 \
         where c.id = $2",
    )
    .bind(staff_id)
    .bind(case_id)
    .fetch_optional(&db.pool)
    .await?;
    row.map(|r| {
        Ok(CaseMeta {
            id: r.try_get("id")?,
            service: r.try_get("service")?,
            kind: r.try_get("kind")?,
            status: r.try_get("status")?,
            opened_on: r.try_get("opened_on")?,
            updated_on: r.try_get("updated_on")?,
            retain_until: r.try_get("retain_until")?,
            assignee: r.try_get("assignee")?,
            client_recipient: r.try_get("client_recipient")?,
        })
    })
    .transpose()
}

/// A stored message of a thread.
pub struct StoredMessage {
    pub id: String,
    pub author: String,
    pub written_on: String,
    pub sealed: Vec<u8>,
}

pub async fn thread(db: &Db, case_id: &str) -> Result<Vec<StoredMessage>, sqlx::Error> {
    sqlx::query(
        "select id, author, written_on, sealed from messages where case_id = $1 order by seq",
    )
    .bind(case_id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| {
        Ok(StoredMessage {
            id: r.try_get("id")?,
            author: r.try_get("author")?,
            written_on: r.try_get("written_on")?,
            sealed: r.try_get("sealed")?,
        })
    })
    .collect()
}

/// Who wrote a message: the client, a counsellor's reply (the client may
/// read it), or an internal note (staff only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Author {
    Client,
    Staff,
    Note,
}

impl Author {
    pub fn as_str(self) -> &'static str {
        match self {
            Author::Client => "client",
            Author::Staff => "staff",
            Author::Note => "note",
        }
    }
}

/// How many messages a case's thread holds (for its size cap).
pub async fn message_count(db: &Db, case_id: &str) -> Result<i64, sqlx::Error> {
    sqlx::query("select count(*) from messages where case_id = $1")
        .bind(case_id)
        .fetch_one(&db.pool)
        .await?
        .try_get(0)
}

/// Whether a case's thread is at its size cap.
pub async fn thread_full(db: &Db, case_id: &str, cap: u32) -> Result<bool, sqlx::Error> {
    Ok(message_count(db, case_id).await? >= i64::from(cap))
}

/// Adds a sealed message to a case and updates the case's flags in one
/// transaction: a reply marks it unread for the client and waiting for them,
/// a client's message marks it unread for staff and brings a waiting or
/// closed case back to work. Any message moves the case's retention
/// deadline on.
pub async fn add_message(
    conn: &mut AnyConnection,
    case_id: &str,
    author: Author,
    key_epoch: i64,
    sealed: &[u8],
    rules: Retention,
) -> Result<(), sqlx::Error> {
    let message = Stored {
        id: &new_id(),
        case_id,
        author,
        key_epoch,
        sealed,
    };
    add_message_as(conn, message, rules).await
}

/// A sealed message and the row it goes to: what the service writes is
/// sealed with a MAC that binds the row id, so the id is minted first.
pub struct Stored<'a> {
    pub id: &'a str,
    pub case_id: &'a str,
    pub author: Author,
    pub key_epoch: i64,
    pub sealed: &'a [u8],
}

/// [`add_message`] for a message whose row id was minted before sealing.
pub async fn add_message_as(
    conn: &mut AnyConnection,
    message: Stored<'_>,
    rules: Retention,
) -> Result<(), sqlx::Error> {
    let Stored {
        id,
        case_id,
        author,
        key_epoch,
        sealed,
    } = message;
    let date = today();
    let today = day(date);
    sqlx::query(
        "insert into messages (id, case_id, author, written_on, key_epoch, sealed) \
         values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(case_id)
    .bind(author.as_str())
    .bind(&today)
    .bind(key_epoch)
    .bind(sealed)
    .execute(&mut *conn)
    .await?;
    let sql = match author {
        Author::Client => {
            "update cases set updated_on = $1, staff_unread = 1, \
             status = case when status in ('waiting', 'closed') then 'in_progress' else status end \
             where id = $2"
        }
        Author::Staff => {
            "update cases set updated_on = $1, client_unread = 1, \
             status = case when status in ('new', 'in_progress') then 'waiting' else status end \
             where id = $2"
        }
        Author::Note => "update cases set updated_on = $1 where id = $2",
    };
    sqlx::query(sql)
        .bind(&today)
        .bind(case_id)
        .execute(&mut *conn)
        .await?;
    retention::store::touch(conn, case_id, rules, date).await
}

/// Sets a case's status; its retention deadline follows (closing moves it
/// to the shorter rule, reopening back).
pub async fn set_status(
    conn: &mut AnyConnection,
    case_id: &str,
    status: &str,
    rules: Retention,
) -> Result<(), sqlx::Error> {
    let date = today();
    sqlx::query("update cases set status = $1, updated_on = $2 where id = $3")
        .bind(status)
        .bind(day(date))
        .bind(case_id)
        .execute(&mut *conn)
        .await?;
    retention::store::touch(conn, case_id, rules, date).await
}

/// Assigns a case to a member of its service; false if `assignee` is not an
/// active member of that service.
pub async fn assign(
    conn: &mut AnyConnection,
    case_id: &str,
    service: &str,
    assignee: Option<&str>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "update cases set assignee = $1 where id = $2 and ($1 is null or exists ( \
           select 1 from memberships m join staff s on s.id = m.staff_id \
           where m.staff_id = $1 and m.service = $3 and s.active = 1))",
    )
    .bind(assignee)
    .bind(case_id)
    .bind(service)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn mark_read_by_staff(db: &Db, case_id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("update cases set staff_unread = 0 where id = $1 and staff_unread = 1")
        .bind(case_id)
        .execute(&db.pool)
        .await?;
    Ok(())
}
