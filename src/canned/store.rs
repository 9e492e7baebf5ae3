//! SQL for canned replies. Every read and write names the service, so a
//! reply of another service is "not there" whatever its id.

use sqlx::{AnyConnection, Row};

use super::CannedReply;
use crate::db::Db;

fn canned_row(r: &sqlx::any::AnyRow) -> Result<CannedReply, sqlx::Error> {
    Ok(CannedReply {
        id: r.try_get("id")?,
        lang: r.try_get("lang")?,
        title: r.try_get("title")?,
        body: r.try_get("body")?,
    })
}

/// A service's canned replies, by language and title (at most
/// [`super::MAX_PER_SERVICE`] exist).
pub async fn of_service(db: &Db, service: &str) -> Result<Vec<CannedReply>, sqlx::Error> {
    sqlx::query(
        "select id, lang, title, body from canned_replies \
         where service = $1 order by lang, title, id",
    )
    .bind(service)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(canned_row)
    .collect()
}

/// One canned reply of a service.
pub async fn one(db: &Db, service: &str, id: &str) -> Result<Option<CannedReply>, sqlx::Error> {
    sqlx::query("select id, lang, title, body from canned_replies where service = $1 and id = $2")
        .bind(service)
        .bind(id)
        .fetch_optional(&db.pool)
        .await?
        .as_ref()
        .map(canned_row)
        .transpose()
}

/// How many canned replies a service has (for its cap).
pub async fn count(conn: &mut AnyConnection, service: &str) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("select count(*) from canned_replies where service = $1")
        .bind(service)
        .fetch_one(&mut *conn)
        .await
}

pub async fn insert(
    conn: &mut AnyConnection,
    service: &str,
    reply: &CannedReply,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into canned_replies (id, service, lang, title, body) values ($1, $2, $3, $4, $5)",
    )
    .bind(&reply.id)
    .bind(service)
    .bind(&reply.lang)
    .bind(&reply.title)
    .bind(&reply.body)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Rewrites a service's canned reply; false if it is not there (any more).
pub async fn update(
    conn: &mut AnyConnection,
    service: &str,
    reply: &CannedReply,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "update canned_replies set lang = $1, title = $2, body = $3 \
         where service = $4 and id = $5",
    )
    .bind(&reply.lang)
    .bind(&reply.title)
    .bind(&reply.body)
    .bind(service)
    .bind(&reply.id)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Deletes a service's canned reply; false if it was not there.
pub async fn delete(
    conn: &mut AnyConnection,
    service: &str,
    id: &str,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("delete from canned_replies where service = $1 and id = $2")
        .bind(service)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}
