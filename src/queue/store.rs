//! SQL for the counsellor's side of cases. Every read of a case joins the
//! reader's memberships, so a case of another service is "not there" in one
//! query: the same answer, and the same work, as a case that does not exist.

use sqlx::{AnyConnection, Row};

use crate::db::{Db, day, new_id, today};
use crate::retention::{self, Retention};

pub const PAGE: i64 = 50;
pub const STATUSES: [&str; 4] = ["new", "in_progress", "waiting", "closed"];

/// A line of the queue. Its preview is the case's first message, read apart
/// for the page's lines only.
pub struct QueueRow {
    pub id: String,
    pub service: String,
    pub kind: String,
    pub status: String,
    pub opened_on: String,
    pub updated_on: String,
    pub retain_until: String,
    pub staff_unread: bool,
    /// The assignee's name, and their id.
    pub assignee: Option<String>,
    pub assignee_id: Option<String>,
}

/// How a queue view is ordered. Nothing stored orders cases finer than a
/// day (`opened_on`, `retain_until`); within a day the random id does, and
/// the page sorts its lines by the sealed time once they are opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Newest day first.
    Opened,
    /// Oldest day first (the counsellor's working order: `Who`).
    Oldest,
    /// Soonest deletion first (the "deleted within" views).
    Deleting,
}

/// Where a page starts: after the line with this day (of the view's order)
/// and id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    pub day: String,
    pub id: String,
}

impl Cursor {
    /// `2026-12-06.3fa0…`, as in an "older" link; None for anything else.
    pub fn parse(text: &str) -> Option<Cursor> {
        let (day, id) = text.split_once('.')?;
        let day_ok = day.len() == 10 && day.parse::<jiff::civil::Date>().is_ok();
        let id_ok = !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_hexdigit());
        (day_ok && id_ok).then(|| Cursor {
            day: day.to_owned(),
            id: id.to_owned(),
        })
    }

    pub fn text(&self) -> String {
        format!("{}.{}", self.day, self.id)
    }
}

/// Whose cases a queue view shows: all, those assigned to the reader (by
/// their id), or those nobody has taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who<'a> {
    All,
    Mine(&'a str),
    Untaken,
}

/// What the queue shows: cases of `services` (each one the reader's), in a
/// status, of `who`, and deleted by a day (`YYYY-MM-DD`; empty: any), from
/// `after`, oldest day first when `oldest` (a deletion view goes by its
/// deletion day whatever `oldest` says).
pub struct QueueFilter<'a> {
    pub services: &'a [String],
    pub status: &'a str,
    pub who: Who<'a>,
    pub oldest: bool,
    pub deleted_by: &'a str,
    pub after: Option<&'a Cursor>,
    /// Only cases waiting past their service's promise: each service with
    /// a promise and its last late opening day (`crate::promise::late`).
    pub late: Option<&'a [(String, String)]>,
}

impl QueueFilter<'_> {
    pub fn order(&self) -> Order {
        match (self.deleted_by.is_empty(), self.oldest) {
            (false, _) => Order::Deleting,
            (true, true) => Order::Oldest,
            (true, false) => Order::Opened,
        }
    }
}

/// The line's place in `order`, as a cursor.
pub fn cursor_of(row: &QueueRow, order: Order) -> Cursor {
    let day = match order {
        Order::Opened | Order::Oldest => &row.opened_on,
        Order::Deleting => &row.retain_until,
    };
    Cursor {
        day: day.clone(),
        id: row.id.clone(),
    }
}

/// One page of the queue, and whether more follow. Each service is read
/// apart, by an index that starts at the page (the service given, never
/// `in (…)`, so the engine seeks instead of scanning), and the pages are
/// merged: a page costs its lines, whatever the number of cases.
pub async fn list(db: &Db, filter: &QueueFilter<'_>) -> Result<(Vec<QueueRow>, bool), sqlx::Error> {
    let order = filter.order();
    let mut rows = vec![];
    for service in filter.services {
        let late = match filter.late {
            None => None,
            Some(cut_offs) => match cut_offs.iter().find(|(s, _)| s == service) {
                Some((_, day)) => Some(day.as_str()),
                // No promise: no case of it is late.
                None => continue,
            },
        };
        rows.extend(list_service(db, service, filter, late).await?);
    }
    let key = |r: &QueueRow| cursor_of(r, order);
    match order {
        Order::Opened => rows.sort_by(|a, b| {
            let (a, b) = (key(a), key(b));
            (b.day, b.id).cmp(&(a.day, a.id))
        }),
        Order::Oldest | Order::Deleting => rows.sort_by(|a, b| {
            let (a, b) = (key(a), key(b));
            (a.day, a.id).cmp(&(b.day, b.id))
        }),
    }
    let more = rows.len() > PAGE as usize;
    rows.truncate(PAGE as usize);
    Ok((rows, more))
}

/// Up to a page and one of one service's cases, in the filter's order.
async fn list_service<'a>(
    db: &Db,
    service: &'a str,
    filter: &QueueFilter<'a>,
    late: Option<&'a str>,
) -> Result<Vec<QueueRow>, sqlx::Error> {
    let mut sql = String::from(
        "select c.id, c.service, c.kind, c.status, c.opened_on, c.updated_on, \
                c.retain_until, c.staff_unread, a.display_name as assignee, \
                c.assignee as assignee_id \
         from cases c left join staff a on a.id = c.assignee where c.service = $1",
    );
    let mut args = vec![service];
    // Each `?` of a clause becomes the next `$n`; only placeholders are
    // formatted into the SQL, values are bound.
    let mut and = |clause: &str, values: &[&'a str]| {
        sql.push_str(" and ");
        for (i, part) in clause.split('?').enumerate() {
            if i > 0 {
                sql.push_str(&format!("${}", args.len() + 1));
                args.push(values[i - 1]);
            }
            sql.push_str(part);
        }
    };
    // Who first: the "who" indexes (migration 0018) lead with the
    // assignee, then the status or the deletion day.
    match filter.who {
        Who::All => {}
        Who::Mine(me) => and("c.assignee = ?", &[me]),
        Who::Untaken => and("c.assignee is null", &[]),
    }
    if !filter.status.is_empty() {
        and("c.status = ?", &[filter.status]);
    }
    if let Some(day) = late {
        and(
            "c.status = 'new' and c.opened_on <= ? and c.kind = 'contact'",
            &[day],
        );
    }
    let order = filter.order();
    if order == Order::Deleting {
        and("c.retain_until <= ?", &[filter.deleted_by]);
    }
    let after = filter.after.map(|c| [c.day.as_str(), c.id.as_str()]);
    let tail = match (order, after) {
        (Order::Opened, Some(a)) => Some(("(c.opened_on, c.id) < (?, ?)", a)),
        (Order::Oldest, Some(a)) => Some(("(c.opened_on, c.id) > (?, ?)", a)),
        (Order::Deleting, Some(a)) => Some(("(c.retain_until, c.id) > (?, ?)", a)),
        (_, None) => None,
    };
    if let Some((clause, values)) = tail {
        and(clause, &values);
    }
    sql.push_str(match order {
        Order::Opened => " order by c.opened_on desc, c.id desc",
        Order::Oldest => " order by c.opened_on, c.id",
        Order::Deleting => " order by c.retain_until, c.id",
    });
    sql.push_str(&format!(" limit {}", PAGE + 1));
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
    for a in args {
        query = query.bind(a);
    }
    query
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(queue_row)
        .collect()
}

fn queue_row(r: &sqlx::any::AnyRow) -> Result<QueueRow, sqlx::Error> {
    Ok(QueueRow {
        id: r.try_get("id")?,
        service: r.try_get("service")?,
        kind: r.try_get("kind")?,
        status: r.try_get("status")?,
        opened_on: r.try_get("opened_on")?,
        updated_on: r.try_get("updated_on")?,
        retain_until: r.try_get("retain_until")?,
        staff_unread: r.try_get::<i32, _>("staff_unread")? != 0,
        assignee: r.try_get("assignee")?,
        assignee_id: r.try_get("assignee_id")?,
    })
}

/// A count on the queue page: exact below [`COUNT_CAP`], else "at least".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Count {
    pub n: i64,
    pub at_least: bool,
}

impl Count {
    pub(super) fn add(&mut self, n: i64) {
        self.n += n;
        self.at_least |= n >= COUNT_CAP;
    }
}

/// A count reads at most this many of a service's cases: a count costs
/// what it reads, and "1000+" tells a counsellor enough.
pub const COUNT_CAP: i64 = 1000;

/// How many cases of `services` are in each status of [`STATUSES`].
pub async fn counts(db: &Db, services: &[String]) -> Result<[Count; 4], sqlx::Error> {
    let mut out = [Count::default(); 4];
    for (status, count) in STATUSES.iter().zip(out.iter_mut()) {
        *count = capped_count(db, services, "status = $2", status).await?;
    }
    Ok(out)
}

/// How many cases of `services` are deleted by `day`.
pub async fn deleted_by(db: &Db, services: &[String], day: &str) -> Result<Count, sqlx::Error> {
    capped_count(db, services, "retain_until <= $2", day).await
}

/// The cases of `services` that match `condition` (a fixed SQL text whose
/// one value, `$2`, is `value`), counted up to [`COUNT_CAP`] per service,
/// each by its own index.
async fn capped_count(
    db: &Db,
    services: &[String],
    condition: &'static str,
    value: &str,
) -> Result<Count, sqlx::Error> {
    let sql = format!(
        "select count(*) from (select 1 from cases \
         where service = $1 and {condition} limit $3) t"
    );
    let mut out = Count::default();
    for service in services {
        let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql.as_str()))
            .bind(service)
            .bind(value)
            .bind(COUNT_CAP)
            .fetch_one(&db.pool)
            .await?;
        out.add(n);
    }
    Ok(out)
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
    sqlx::query("select id, author, written_on, sealed from messages where case_id = $1 order by n")
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
/// read it), an internal note (staff only), or the service's automatic
/// first reply (the client may read it; stored only with a new case, by
/// `intake::store`, never through [`add_message`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Author {
    Client,
    Staff,
    Note,
    Auto,
}

impl Author {
    pub fn as_str(self) -> &'static str {
        match self {
            Author::Client => "client",
            Author::Staff => "staff",
            Author::Note => "note",
            Author::Auto => "auto",
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
        Author::Note | Author::Auto => "update cases set updated_on = $1 where id = $2",
    };
    // The case's row first: on PostgreSQL its lock makes two messages
    // added to one case at once take turns, so each sees the other's place
    // in the thread (`n`) and none is taken twice.
    sqlx::query(sql)
        .bind(&today)
        .bind(case_id)
        .execute(&mut *conn)
        .await?;
    // Only under a key epoch of the case's service as it is now: a message
    // sealed to a service the case was handed away from meanwhile (read
    // before the hand-over, written after) is refused, not left sealed to
    // keys that no longer read the case (`queue::handover`).
    let added = sqlx::query(
        "insert into messages (id, case_id, n, author, written_on, key_epoch, sealed) \
         select $1, $2, (select coalesce(max(n) + 1, 0) from messages where case_id = $2), \
                $3, $4, $5, $6 \
         where exists (select 1 from cases c join key_epochs e on e.service = c.service \
                       where c.id = $2 and e.id = $5)",
    )
    .bind(id)
    .bind(case_id)
    .bind(author.as_str())
    .bind(&today)
    .bind(key_epoch)
    .bind(sealed)
    .execute(&mut *conn)
    .await?;
    if added.rows_affected() != 1 {
        return Err(sqlx::Error::RowNotFound);
    }
    retention::store::touch(conn, case_id, rules, date).await
}

/// Sets the status of a case of `service`; its retention deadline follows
/// (closing moves it to the shorter rule, reopening back). False if the
/// case is no longer of that service (handed over meanwhile) or gone.
pub async fn set_status(
    conn: &mut AnyConnection,
    case_id: &str,
    service: &str,
    status: &str,
    rules: Retention,
) -> Result<bool, sqlx::Error> {
    let date = today();
    let done =
        sqlx::query("update cases set status = $1, updated_on = $2 where id = $3 and service = $4")
            .bind(status)
            .bind(day(date))
            .bind(case_id)
            .bind(service)
            .execute(&mut *conn)
            .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    retention::store::touch(conn, case_id, rules, date).await?;
    Ok(true)
}

/// Assigns a case of `service` to a member of it; false if `assignee` is
/// not an active member of that service, or the case is no longer of it.
pub async fn assign(
    conn: &mut AnyConnection,
    case_id: &str,
    service: &str,
    assignee: Option<&str>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "update cases set assignee = $1 where id = $2 and service = $3 and ($1 is null or exists ( \
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
