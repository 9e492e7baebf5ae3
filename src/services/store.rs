//! SQL for services.

use std::collections::BTreeMap;

use sha2::{Digest, Sha256};
use sqlx::Row;
use sqlx::any::AnyRow;

use super::Catalog;
use crate::config::{DEFAULT_ANSWERS, Localized, Service, Topic, Translation};
use crate::db::{Db, day, today};
use crate::i18n::Lang;
use crate::retention::Retention;

/// Changes with every insert and edit (revisions only grow, rows are never
/// deleted): what other instances poll.
pub async fn version(db: &Db) -> Result<i64, sqlx::Error> {
    sqlx::query("select cast(coalesce(sum(revision), 0) as bigint) from services")
        .fetch_one(&db.pool)
        .await?
        .try_get(0)
}

/// Every service, in landing-page order. A row that no longer parses (an
/// edit by hand) is left out and logged by slug.
pub async fn load(db: &Db) -> Result<Catalog, sqlx::Error> {
    // The version first: an edit landing in between reloads once more.
    let version = version(db).await?;
    let rows = sqlx::query(
        "select slug, name_fi, name_sv, name_en, description_fi, description_sv, \
         description_en, topics, recipients, retention_days, closed_retention_days, \
         time_zone, phone, retired, translations, answers_in, answer_days, auto_reply \
         from services \
         order by position, slug",
    )
    .fetch_all(&db.pool)
    .await?;
    let mut list = Vec::with_capacity(rows.len());
    for row in &rows {
        match from_row(row)? {
            Ok(service) => list.push(service),
            Err(slug) => tracing::error!(service = %slug, "a stored service does not parse"),
        }
    }
    Ok(Catalog::new(list, version))
}

fn from_row(row: &AnyRow) -> Result<Result<Service, String>, sqlx::Error> {
    let slug: String = row.try_get("slug")?;
    let text = |a: &str, b: &str, c: &str| -> Result<Localized, sqlx::Error> {
        Ok(Localized {
            fi: row.try_get(a)?,
            sv: row.try_get(b)?,
            en: row.try_get(c)?,
        })
    };
    let name = text("name_fi", "name_sv", "name_en")?;
    let description = text("description_fi", "description_sv", "description_en")?;
    let topics: String = row.try_get("topics")?;
    let recipients: String = row.try_get("recipients")?;
    let days: i64 = row.try_get("retention_days")?;
    let closed: i64 = row.try_get("closed_retention_days")?;
    let zone: String = row.try_get("time_zone")?;
    let phone: Option<String> = row.try_get("phone")?;
    let retired: i64 = row.try_get("retired")?;
    let translations: String = row.try_get("translations")?;
    let answers: String = row.try_get("answers_in")?;
    let answer_days: Option<i64> = row.try_get("answer_days")?;
    let auto_reply: String = row.try_get("auto_reply")?;
    let parsed = (|| {
        let topics: Vec<Topic> = serde_json::from_str(&topics).ok()?;
        let recipients = crate::seal::parse_recipients(&recipients).ok()?;
        Some(Service {
            slug: slug.clone(),
            name,
            description,
            topics,
            recipients,
            retention: Retention {
                days: u32::try_from(days).ok()?,
                closed_days: u32::try_from(closed).ok()?,
            },
            time_zone: jiff::tz::TimeZone::get(&zone).ok()?,
            phone,
            retired: retired != 0,
            translations: translations_from_text(&translations)?,
            answers_in: answers_from_text(&answers)?,
            answer_days: match answer_days {
                Some(n) => Some(u32::try_from(n).ok()?),
                None => None,
            },
            auto_reply: auto_reply_from_text(&auto_reply)?,
        })
    })();
    Ok(parsed.ok_or(slug))
}

/// The columns a service is written to, in bind order after the slug.
fn bind_service<'q>(
    query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments>,
    s: &'q Service,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments> {
    query
        .bind(&s.name.fi)
        .bind(&s.name.sv)
        .bind(&s.name.en)
        .bind(&s.description.fi)
        .bind(&s.description.sv)
        .bind(&s.description.en)
        .bind(serde_json::to_string(&s.topics).unwrap_or_else(|_| "[]".into()))
        .bind(recipients_text(s))
        .bind(i64::from(s.retention.days))
        .bind(i64::from(s.retention.closed_days))
        .bind(s.time_zone.iana_name().unwrap_or("UTC").to_owned())
        .bind(s.phone.clone())
        .bind(translations_text(s))
        .bind(answers_text(s))
        .bind(s.answer_days.map(i64::from))
        .bind(auto_reply_text(s))
}

/// The `auto_reply` column: `{"fi": "…", "ar": "…"}`.
fn auto_reply_text(s: &Service) -> String {
    let map: BTreeMap<&str, &String> = s.auto_reply.iter().map(|(l, t)| (l.code(), t)).collect();
    serde_json::to_string(&map).unwrap_or_else(|_| "{}".into())
}

fn auto_reply_from_text(text: &str) -> Option<Vec<(Lang, String)>> {
    let mut map: BTreeMap<String, String> = serde_json::from_str(text).ok()?;
    let mut out = vec![];
    for lang in Lang::CLIENT {
        if let Some(t) = map.remove(lang.code()) {
            out.push((lang, t));
        }
    }
    // A language this version does not know: the row does not parse.
    map.is_empty().then_some(out)
}

/// The `translations` column: `{"ar": {"name": …, "description": …}}`.
fn translations_text(s: &Service) -> String {
    let map: BTreeMap<&str, &Translation> =
        s.translations.iter().map(|(l, t)| (l.code(), t)).collect();
    serde_json::to_string(&map).unwrap_or_else(|_| "{}".into())
}

fn translations_from_text(text: &str) -> Option<Vec<(Lang, Translation)>> {
    let mut map: BTreeMap<String, Translation> = serde_json::from_str(text).ok()?;
    let mut out = vec![];
    for lang in Lang::TRANSLATED {
        if let Some(t) = map.remove(lang.code()) {
            out.push((lang, t));
        }
    }
    // A language this version does not know: the row does not parse.
    map.is_empty().then_some(out)
}

/// The `answers_in` column: codes, space-separated, in `Lang::SPOKEN` order.
fn answers_text(s: &Service) -> String {
    s.answers_in
        .iter()
        .map(|l| l.code())
        .collect::<Vec<_>>()
        .join(" ")
}

fn answers_from_text(text: &str) -> Option<Vec<Lang>> {
    let found = text
        .split_whitespace()
        .map(|c| Lang::from_code(c).filter(|l| Lang::SPOKEN.contains(l)))
        .collect::<Option<Vec<Lang>>>()?;
    (!found.is_empty()).then_some(found)
}

/// One `age1…` a line, as `age -R` reads them.
pub fn recipients_text(s: &Service) -> String {
    s.recipients.iter().map(|r| format!("{r}\n")).collect()
}

/// Adds a service at the end of the list; false if the slug is taken.
pub async fn insert(
    db: &Db,
    service: &Service,
    config_hash: Option<&str>,
) -> Result<bool, sqlx::Error> {
    let today = day(today());
    // `where true`: SQLite's parser needs it before `on conflict` here.
    let query = sqlx::query(
        "insert into services (slug, name_fi, name_sv, name_en, description_fi, \
         description_sv, description_en, topics, recipients, retention_days, \
         closed_retention_days, time_zone, phone, translations, answers_in, answer_days, \
         auto_reply, position, retired, revision, config_hash, created_on, updated_on) \
         select $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, \
         coalesce(max(position), 0) + 1, $18, 1, $19, $20, $20 from services where true \
         on conflict (slug) do nothing",
    )
    .bind(&service.slug);
    let done = bind_service(query, service)
        .bind(i64::from(service.retired))
        .bind(config_hash)
        .bind(today)
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Writes everything of a service but its slug and its retirement; false if
/// there is no such service.
pub async fn update(db: &Db, service: &Service) -> Result<bool, sqlx::Error> {
    update_if(db, service, None).await
}

/// `update`; with `config_hash`, only if the stored service was last set
/// from another config entry, recording this one's hash in the same write.
async fn update_if(
    db: &Db,
    service: &Service,
    config_hash: Option<&str>,
) -> Result<bool, sqlx::Error> {
    let sql = format!(
        "update services set name_fi = $2, name_sv = $3, name_en = $4, \
         description_fi = $5, description_sv = $6, description_en = $7, topics = $8, \
         recipients = $9, retention_days = $10, closed_retention_days = $11, \
         time_zone = $12, phone = $13, translations = $14, answers_in = $15, \
         answer_days = $16, auto_reply = $17, \
         revision = revision + 1, updated_on = $18{} where slug = $1{}",
        if config_hash.is_some() {
            ", config_hash = $19"
        } else {
            ""
        },
        if config_hash.is_some() {
            " and config_hash <> $19"
        } else {
            ""
        },
    );
    let query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(&service.slug);
    let mut query = bind_service(query, service).bind(day(today()));
    if let Some(hash) = config_hash {
        query = query.bind(hash.to_owned());
    }
    let done = query.execute(&db.pool).await?;
    Ok(done.rows_affected() == 1)
}

/// Retires a service (hidden from clients) or brings it back; false if
/// there is no such service or it is already so.
pub async fn set_retired(db: &Db, slug: &str, retired: bool) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "update services set retired = $2, revision = revision + 1, updated_on = $3 \
         where slug = $1 and retired <> $2",
    )
    .bind(slug)
    .bind(i64::from(retired))
    .bind(day(today()))
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Applies the config's `[[services]]`: a slug new to the database is
/// added; an entry that changed in the file since it was last applied
/// replaces the stored service (not its retirement); an unchanged entry
/// leaves the stored one, with its edits, alone. A service made on the web
/// or the command line is never overwritten by a config entry of the same
/// slug: that entry is reported and ignored.
pub async fn apply_config(db: &Db, services: &[Service]) -> Result<(), sqlx::Error> {
    for service in services {
        let hash = config_hash(service);
        // Read before writing: an unchanged config writes nothing, so a
        // command that only reads (`suoja purge --dry-run`) never waits for
        // SQLite's write lock, nor holds it.
        let stored = match stored_hash(db, &service.slug).await? {
            Some(stored) => stored,
            None if insert(db, service, Some(&hash)).await? => {
                tracing::info!(service = %service.slug, "service added from the config");
                continue;
            }
            // Another instance starting at once added it.
            None => stored_hash(db, &service.slug).await?.flatten(),
        };
        match stored {
            Some(h) if h == hash => {}
            // Another instance starting at once applies it only once.
            Some(_) => {
                if update_if(db, service, Some(&hash)).await? {
                    tracing::info!(service = %service.slug, "service changed in the config: applied");
                }
            }
            None => tracing::warn!(
                service = %service.slug,
                "the config names a service made on the web or the command line: its entry is ignored"
            ),
        }
    }
    Ok(())
}

/// A service's config hash: None if there is no such service, Some(None)
/// for one made on the web or the command line.
async fn stored_hash(db: &Db, slug: &str) -> Result<Option<Option<String>>, sqlx::Error> {
    sqlx::query_scalar("select config_hash from services where slug = $1")
        .bind(slug)
        .fetch_optional(&db.pool)
        .await
}

/// A digest of everything a config entry says (recipients files read).
fn config_hash(s: &Service) -> String {
    let mut doc = serde_json::json!({
        "name": [&s.name.fi, &s.name.sv, &s.name.en],
        "description": [&s.description.fi, &s.description.sv, &s.description.en],
        "topics": &s.topics,
        "recipients": recipients_text(s),
        "retention": [s.retention.days, s.retention.closed_days],
        "time_zone": s.time_zone.iana_name(),
        "phone": &s.phone,
    });
    // Added only when they say something: an entry written before they
    // existed keeps its hash, and is not applied again over web edits.
    if !s.translations.is_empty() {
        doc["translations"] = serde_json::Value::String(translations_text(s));
    }
    if s.answers_in != DEFAULT_ANSWERS {
        doc["answers_in"] = serde_json::Value::String(answers_text(s));
    }
    if let Some(n) = s.answer_days {
        doc["answer_days"] = serde_json::Value::from(n);
    }
    if !s.auto_reply.is_empty() {
        doc["auto_reply"] = serde_json::Value::String(auto_reply_text(s));
    }
    crate::seal::hex(&Sha256::digest(doc.to_string().as_bytes()))
}
