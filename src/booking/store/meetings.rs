//! The meetings of a group series: public times, read to show a group's
//! dates to the people who sign up for it.

use sqlx::Row;

use crate::db::Db;

/// One meeting of a group: its start and end, unix seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Meeting {
    pub starts_at: i64,
    pub ends_at: i64,
}

/// The meetings of series `series_id` that still take place, soonest first.
pub async fn group_meetings(db: &Db, series_id: &str) -> Result<Vec<Meeting>, sqlx::Error> {
    sqlx::query(
        "select starts_at, ends_at from slots \
         where series_id = $1 and cancelled = 0 order by starts_at",
    )
    .bind(series_id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| {
        Ok(Meeting {
            starts_at: r.try_get("starts_at")?,
            ends_at: r.try_get("ends_at")?,
        })
    })
    .collect()
}
