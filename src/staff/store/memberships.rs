//! SQL for memberships: who works which service.

use sqlx::Row;

use crate::db::Db;

/// The services a person works, sorted.
pub async fn services_of(db: &Db, staff_id: &str) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query("select service from memberships where staff_id = $1 order by service")
        .bind(staff_id)
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|r| r.try_get(0))
        .collect()
}

/// Active members of a service: (id, display name), for assignment.
pub async fn members_of(db: &Db, service: &str) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query(
        "select s.id, s.display_name from staff s join memberships m on m.staff_id = s.id \
         where m.service = $1 and s.active = 1 order by s.display_name",
    )
    .bind(service)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
    .collect()
}

/// (service, recipient) of every active member: whom new items seal to. A
/// person whose password is being reset has no key (`recipient = ''`).
pub async fn member_recipients(db: &Db) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query(
        "select m.service, s.recipient from memberships m join staff s on s.id = m.staff_id \
         where s.active = 1 and s.recipient <> ''",
    )
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
    .collect()
}

/// Takes a person out of a service; false if they were not in it.
pub async fn remove_membership(
    db: &Db,
    staff_id: &str,
    service: &str,
) -> Result<bool, sqlx::Error> {
    let removed = sqlx::query("delete from memberships where staff_id = $1 and service = $2")
        .bind(staff_id)
        .bind(service)
        .execute(&db.pool)
        .await?;
    Ok(removed.rows_affected() == 1)
}
