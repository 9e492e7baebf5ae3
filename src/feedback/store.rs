//! The SQL of feedback: the sealed message a rating adds to its case, and
//! the case a chat's ticket names.

use sqlx::{AnyConnection, Row};

use crate::db::{Db, day, new_id, today};
use crate::retention::{self, Retention};

/// A sealed feedback message for a case.
pub struct Feedback<'a> {
    pub case_id: &'a str,
    pub key_epoch: i64,
    pub sealed: &'a [u8],
    /// With a comment: the case is marked unread for staff.
    pub commented: bool,
}

/// Adds the feedback to its case's thread as a client's message, in the
/// caller's transaction: the case's day moves on (as for any message), a
/// comment marks it unread for staff, and no status changes (a closed case
/// stays closed). False if the case is gone, or handed to another
/// service since it was sealed.
pub async fn add(
    conn: &mut AnyConnection,
    message: Feedback<'_>,
    rules: Retention,
) -> Result<bool, sqlx::Error> {
    let date = today();
    let today = day(date);
    // The case's row first: its lock makes two messages at once take turns
    // for their place in the thread (`n`), as `queue::store::add_message`.
    // Only while the case is still of the service whose keys sealed it (a
    // hand-over may have moved it meanwhile).
    let sql = if message.commented {
        "update cases set updated_on = $1, staff_unread = 1 where id = $2 \
         and service = (select service from key_epochs where id = $3)"
    } else {
        "update cases set updated_on = $1 where id = $2 \
         and service = (select service from key_epochs where id = $3)"
    };
    let found = sqlx::query(sql)
        .bind(&today)
        .bind(message.case_id)
        .bind(message.key_epoch)
        .execute(&mut *conn)
        .await?;
    if found.rows_affected() != 1 {
        return Ok(false);
    }
    sqlx::query(
        "insert into messages (id, case_id, n, author, written_on, key_epoch, sealed) \
         values ($1, $2, (select coalesce(max(n) + 1, 0) from messages where case_id = $2), \
                 'client', $3, $4, $5)",
    )
    .bind(new_id())
    .bind(message.case_id)
    .bind(&today)
    .bind(message.key_epoch)
    .bind(message.sealed)
    .execute(&mut *conn)
    .await?;
    retention::store::touch(conn, message.case_id, rules, date).await?;
    Ok(true)
}

/// The service and the client's recipient of a case, if it still exists.
pub async fn case(db: &Db, case_id: &str) -> Result<Option<(String, String)>, sqlx::Error> {
    let row = sqlx::query("select service, client_recipient from cases where id = $1")
        .bind(case_id)
        .fetch_optional(&db.pool)
        .await?;
    row.map(|r| Ok((r.try_get("service")?, r.try_get("client_recipient")?)))
        .transpose()
}
