//! The demo's published times, so its booking pages have something to
//! book: weekly duty hours for every demo service (the prevention line's
//! on Tuesdays 10–12, as its description says) and a weekly group for two
//! of them. Published at a demo start for a service with no time ahead;
//! a demo left running for weeks gets more at its next start.

use jiff::civil::{Time, Weekday};

use crate::booking::store::{GroupNames, insert_series, insert_slots};
use crate::booking::time::{Weekly, now_unix, one_slot, weekly_slots};
use crate::config::{Config, Service};
use crate::db::{Db, new_id};
use crate::serve::BoxError;

/// Duty hours: weekday, from and until (hour), per demo service in order.
const HOURS: [(Weekday, i8, i8); 5] = [
    (Weekday::Tuesday, 10, 12),
    (Weekday::Wednesday, 14, 16),
    (Weekday::Monday, 12, 14),
    (Weekday::Thursday, 9, 11),
    (Weekday::Friday, 10, 12),
];

/// The demo's groups: service, and its names in Finnish, Swedish, English.
const GROUPS: [(&str, GroupNames<'static>); 2] = [
    (
        "rainbow-staff",
        GroupNames {
            fi: "Vertaisryhmä nuorille aikuisille",
            sv: "Kamratgrupp för unga vuxna",
            en: "Peer group for young adults",
        },
    ),
    (
        "recovery-community",
        GroupNames {
            fi: "Toipujien iltaryhmä",
            sv: "Kvällsgrupp för återhämtning",
            en: "Evening recovery group",
        },
    ),
];

/// Publishes times for each service with none ahead; how many services
/// got new times.
pub async fn publish(config: &Config) -> Result<usize, BoxError> {
    let db = Db::connect(&config.database_url).await?;
    let now = now_unix();
    let mut published = 0;
    for (service, hours) in config.services.iter().zip(HOURS.iter().cycle()) {
        if has_times_ahead(&db, &service.slug, now).await? {
            continue;
        }
        publish_for(&db, service, *hours, now).await?;
        published += 1;
    }
    db.pool.close().await;
    Ok(published)
}

async fn has_times_ahead(db: &Db, service: &str, now: i64) -> Result<bool, sqlx::Error> {
    let (n,): (i64,) = sqlx::query_as(
        "select count(*) from slots where service = $1 and cancelled = 0 and starts_at > $2",
    )
    .bind(service)
    .bind(now)
    .fetch_one(&db.pool)
    .await?;
    Ok(n > 0)
}

/// Four weeks of duty hours in half-hour slots, and for a service with a
/// group, four weekly meetings at 18.00 from next week on.
async fn publish_for(
    db: &Db,
    service: &Service,
    (weekday, from, until): (Weekday, i8, i8),
    now: i64,
) -> Result<(), BoxError> {
    let tz = &service.time_zone;
    let today = jiff::Timestamp::now().to_zoned(tz.clone()).date();
    let weekly = Weekly {
        weekday,
        from: Time::new(from, 0, 0, 0)?,
        until: Time::new(until, 0, 0, 0)?,
        slot_minutes: 30,
        first_day: today,
        weeks: 4,
    };
    let slots: Vec<_> = weekly_slots(&weekly, tz)
        .into_iter()
        .filter(|s| s.starts_at > now)
        .collect();
    let mut tx = db.pool.begin().await?;
    insert_slots(&mut tx, &service.slug, &slots, 1, "weekly", None).await?;
    if let Some((_, names)) = GROUPS.iter().find(|(slug, _)| *slug == service.slug) {
        let meetings: Vec<_> = (1..=4)
            .filter_map(|week| {
                let day = today.checked_add(jiff::Span::new().weeks(week)).ok()?;
                one_slot(tz, day, Time::new(18, 0, 0, 0).ok()?, 90)
            })
            .collect();
        let id = new_id();
        insert_series(&mut tx, &id, &service.slug, names, 8).await?;
        insert_slots(&mut tx, &service.slug, &meetings, 8, "group", Some(&id)).await?;
    }
    tx.commit().await?;
    Ok(())
}
