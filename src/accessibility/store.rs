//! SQL for the statement's organisation-specific parts: read on every
//! statement page (two small queries), written by the admin page, and
//! seeded from the config's `[accessibility]` whenever that section changed
//! in the file since it was last applied.

use std::collections::BTreeMap;

use sqlx::Row;

use crate::config::{AccessibilityConfig, PARTS, PartTexts};
use crate::db::Db;

/// The statement's parts as stored.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Statement {
    /// Each part's texts by client language code.
    pub parts: BTreeMap<String, PartTexts>,
    /// `YYYY-MM-DD`, or empty.
    pub statement_date: String,
    /// The slug feedback is sealed to, or empty.
    pub feedback_service: String,
}

impl Statement {
    /// The texts of `part` (empty when it has none).
    pub fn part(&self, part: &str) -> PartTexts {
        self.parts.get(part).cloned().unwrap_or_default()
    }

    fn of_config(config: &AccessibilityConfig) -> Statement {
        Statement {
            parts: config
                .parts()
                .into_iter()
                .map(|(name, texts)| (name.to_owned(), texts.clone()))
                .collect(),
            statement_date: config.statement_date.clone().unwrap_or_default(),
            feedback_service: config.feedback_service.clone().unwrap_or_default(),
        }
    }
}

/// The statement as stored now.
pub async fn load(db: &Db) -> Result<Statement, sqlx::Error> {
    let settings = sqlx::query(
        "select statement_date, feedback_service from accessibility_settings where id = 1",
    )
    .fetch_optional(&db.pool)
    .await?;
    let mut statement = Statement::default();
    if let Some(row) = settings {
        statement.statement_date = row.try_get("statement_date")?;
        statement.feedback_service = row.try_get("feedback_service")?;
    }
    let rows = sqlx::query("select part, lang, body from accessibility_texts")
        .fetch_all(&db.pool)
        .await?;
    for row in rows {
        let part: String = row.try_get("part")?;
        if PARTS.contains(&part.as_str()) {
            statement
                .parts
                .entry(part)
                .or_default()
                .insert(row.try_get("lang")?, row.try_get("body")?);
        }
    }
    Ok(statement)
}

/// Replaces the whole statement in one transaction.
pub async fn save(db: &Db, statement: &Statement) -> Result<(), sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    write(&mut tx, statement).await?;
    tx.commit().await
}

/// The settings' one row, made by the first writer (not by the migration:
/// a freshly migrated database stays empty, as `suoja import` needs).
async fn ensure_row(tx: &mut sqlx::Transaction<'_, sqlx::Any>) -> Result<(), sqlx::Error> {
    sqlx::query("insert into accessibility_settings (id) values (1) on conflict do nothing")
        .execute(&mut **tx)
        .await?;
    Ok(())
}

async fn write(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    statement: &Statement,
) -> Result<(), sqlx::Error> {
    ensure_row(tx).await?;
    sqlx::query(
        "update accessibility_settings set statement_date = $1, feedback_service = $2 \
         where id = 1",
    )
    .bind(&statement.statement_date)
    .bind(&statement.feedback_service)
    .execute(&mut **tx)
    .await?;
    sqlx::query("delete from accessibility_texts")
        .execute(&mut **tx)
        .await?;
    for (part, texts) in &statement.parts {
        for (lang, body) in texts.iter().filter(|(_, b)| !b.trim().is_empty()) {
            sqlx::query("insert into accessibility_texts (part, lang, body) values ($1, $2, $3)")
                .bind(part)
                .bind(lang)
                .bind(body)
                .execute(&mut **tx)
                .await?;
        }
    }
    Ok(())
}

/// Applies the config's `[accessibility]` when it differs from the one last
/// applied (so an admin's edit on the web stands until the file changes);
/// an absent section changes nothing. True if it was applied.
pub async fn apply_config(db: &Db, config: &AccessibilityConfig) -> Result<bool, sqlx::Error> {
    if config.is_empty() {
        return Ok(false);
    }
    let seed = serde_json::to_string(config).unwrap_or_default();
    let mut tx = db.pool.begin().await?;
    ensure_row(&mut tx).await?;
    // Taken by the update first, so two instances starting at once apply
    // it once: the second finds the seed already in place.
    let taken =
        sqlx::query("update accessibility_settings set seeded = $1 where id = 1 and seeded <> $1")
            .bind(&seed)
            .execute(&mut *tx)
            .await?
            .rows_affected();
    if taken == 0 {
        tx.rollback().await?;
        return Ok(false);
    }
    write(&mut tx, &Statement::of_config(config)).await?;
    tx.commit().await?;
    Ok(true)
}
