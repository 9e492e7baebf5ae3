//! SQL for key epochs.

use sqlx::Row;

use crate::db::{Db, day, today};
use crate::seal::Envelope;

/// The id of the epoch for this service and recipient set, created if new.
pub async fn ensure_epoch(db: &Db, service: &str, envelope: &Envelope) -> Result<i64, sqlx::Error> {
    let fingerprint = envelope.fingerprint();
    // A concurrent start may insert the same epoch: the constraint keeps one.
    sqlx::query(
        "insert into key_epochs (service, fingerprint, recipients, created_on) \
         values ($1, $2, $3, $4) on conflict (service, fingerprint) do nothing",
    )
    .bind(service)
    .bind(&fingerprint)
    .bind(envelope.to_recipients_file())
    .bind(day(today()))
    .execute(&db.pool)
    .await?;
    sqlx::query("select id from key_epochs where service = $1 and fingerprint = $2")
        .bind(service)
        .bind(&fingerprint)
        .fetch_one(&db.pool)
        .await?
        .try_get(0)
}
