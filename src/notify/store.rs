//! SQL for notifications: who hears about activity in a service.

use crate::db::Db;

/// A staff member to tell about activity: their id (for logs) and address
/// (for the mail only, never for a log).
pub struct Recipient {
    pub staff_id: String,
    pub email: String,
}

/// The active members of `service` who gave an address for notices.
pub async fn recipients(db: &Db, service: &str) -> Result<Vec<Recipient>, sqlx::Error> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "select s.id, s.email from staff s \
         join memberships m on m.staff_id = s.id \
         where m.service = $1 and s.active = 1 and s.email is not null",
    )
    .bind(service)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(staff_id, email)| Recipient { staff_id, email })
        .collect())
}
