//! The SQL of statistics: counters, the list of reasons and outcomes, and
//! the two questions a case is asked for them (is this its first reply;
//! has its thread changed while marks were being sealed).

use sqlx::{AnyConnection, Row};

use super::categories::{Category, DEFAULTS, Kind};
pub use super::tally::{Deltas, Key};
use super::{Metric, this_month};
use crate::db::Db;

/// Adds `deltas` to their counters in one transaction of its own. A
/// counter is created at its first use and never goes below zero (a marked
/// reason taken back subtracts one).
pub async fn add(db: &Db, deltas: &Deltas) -> Result<(), sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    for (key, delta) in deltas {
        add_one(&mut tx, key, *delta).await?;
    }
    tx.commit().await
}

async fn add_one(conn: &mut AnyConnection, key: &Key, delta: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into stats_counts (service, month, metric, category, count) \
         values ($1, $2, $3, $4, $5) \
         on conflict (service, month, metric, category) do update set count = \
           case when stats_counts.count + $6 < 0 then 0 else stats_counts.count + $6 end",
    )
    .bind(&key.service)
    .bind(&key.month)
    .bind(key.metric.as_str())
    .bind(&key.category)
    .bind(delta.max(0))
    .bind(delta)
    .execute(conn)
    .await?;
    Ok(())
}

/// One counter as stored.
#[derive(Debug, Clone)]
pub struct Count {
    pub service: String,
    /// The month of the year, 1 to 12.
    pub month: usize,
    pub metric: Metric,
    pub category: String,
    pub count: i64,
}

/// Every counter of `year`, of every service. Metrics this version does
/// not know are left out.
pub async fn year(db: &Db, year: i32) -> Result<Vec<Count>, sqlx::Error> {
    let rows = sqlx::query(
        "select service, month, metric, category, count from stats_counts \
         where month >= $1 and month <= $2",
    )
    .bind(format!("{year:04}-01"))
    .bind(format!("{year:04}-12"))
    .fetch_all(&db.pool)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let month: String = r.try_get("month")?;
        let metric: String = r.try_get("metric")?;
        let (Some(month), Some(metric)) = (month_of(&month), Metric::parse(&metric)) else {
            continue;
        };
        out.push(Count {
            service: r.try_get("service")?,
            month,
            metric,
            category: r.try_get("category")?,
            count: r.try_get("count")?,
        });
    }
    Ok(out)
}

/// `YYYY-MM` → the month, 1 to 12.
fn month_of(text: &str) -> Option<usize> {
    let month: usize = text.get(5..7)?.parse().ok()?;
    (1..=12).contains(&month).then_some(month)
}

/// The years that have counts, newest first, with this one.
pub async fn years(db: &Db) -> Result<Vec<i32>, sqlx::Error> {
    let rows = sqlx::query("select distinct substr(month, 1, 4) as y from stats_counts")
        .fetch_all(&db.pool)
        .await?;
    let mut years: Vec<i32> = rows
        .iter()
        .filter_map(|r| r.try_get::<String, _>("y").ok()?.parse().ok())
        .collect();
    if let Some(now) = this_month().get(..4).and_then(|y| y.parse().ok()) {
        years.push(now);
    }
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    Ok(years)
}

/// Every reason and outcome, retired ones too, in their order; the
/// default list is written first if there is none at all.
pub async fn categories(db: &Db) -> Result<Vec<Category>, sqlx::Error> {
    let list = read_categories(db).await?;
    if !list.is_empty() {
        return Ok(list);
    }
    seed_defaults(db).await?;
    read_categories(db).await
}

/// Writes the default list if the table is empty. Two instances at once
/// write it once (`on conflict do nothing`).
pub async fn seed_defaults(db: &Db) -> Result<(), sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let any: i64 = sqlx::query("select count(*) from stats_categories")
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
    if any > 0 {
        return tx.commit().await;
    }
    for (at, (id, kind, names)) in DEFAULTS.iter().enumerate() {
        sqlx::query(
            "insert into stats_categories (id, kind, position, name_fi, name_sv, name_en, retired) \
             values ($1, $2, $3, $4, $5, $6, 0) on conflict (id) do nothing",
        )
        .bind(*id)
        .bind(kind.as_str())
        .bind((at as i64 + 1) * 10)
        .bind(names[0])
        .bind(names[1])
        .bind(names[2])
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await
}

async fn read_categories(db: &Db) -> Result<Vec<Category>, sqlx::Error> {
    sqlx::query(
        "select id, kind, position, name_fi, name_sv, name_en, retired from stats_categories \
         order by kind desc, position, id",
    )
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| {
        let kind: String = r.try_get("kind")?;
        Ok(Category {
            id: r.try_get("id")?,
            kind: if kind == "outcome" {
                Kind::Outcome
            } else {
                Kind::Reason
            },
            names: [
                r.try_get("name_fi")?,
                r.try_get("name_sv")?,
                r.try_get("name_en")?,
            ],
            retired: r.try_get::<i64, _>("retired")? != 0,
        })
    })
    .collect()
}

/// Adds a category after the last of its kind.
pub async fn insert_category(conn: &mut AnyConnection, c: &Category) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into stats_categories (id, kind, position, name_fi, name_sv, name_en, retired) \
         values ($1, $2, (select coalesce(max(position), 0) + 10 from stats_categories \
                          where kind = $2), $3, $4, $5, 0)",
    )
    .bind(&c.id)
    .bind(c.kind.as_str())
    .bind(&c.names[0])
    .bind(&c.names[1])
    .bind(&c.names[2])
    .execute(conn)
    .await?;
    Ok(())
}

/// New names for a category; false if there is no such category.
pub async fn rename_category(
    conn: &mut AnyConnection,
    id: &str,
    names: &[String; 3],
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "update stats_categories set name_fi = $1, name_sv = $2, name_en = $3 where id = $4",
    )
    .bind(&names[0])
    .bind(&names[1])
    .bind(&names[2])
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Retires a category (or brings it back); false if there is none.
pub async fn set_retired(
    conn: &mut AnyConnection,
    id: &str,
    retired: bool,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("update stats_categories set retired = $1 where id = $2")
        .bind(i64::from(retired))
        .bind(id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Puts a category at `position` in its kind's order.
pub async fn place(conn: &mut AnyConnection, id: &str, position: i64) -> Result<(), sqlx::Error> {
    sqlx::query("update stats_categories set position = $1 where id = $2")
        .bind(position)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// The positions of a kind's categories, in order.
pub async fn positions(
    conn: &mut AnyConnection,
    kind: Kind,
) -> Result<Vec<(String, i64)>, sqlx::Error> {
    sqlx::query("select id, position from stats_categories where kind = $1 order by position, id")
        .bind(kind.as_str())
        .fetch_all(conn)
        .await?
        .iter()
        .map(|r| Ok((r.try_get("id")?, r.try_get("position")?)))
        .collect()
}

/// Inside the transaction that adds a case's marks: takes the case's row
/// (on PostgreSQL its lock makes two markings of one case take turns; on
/// SQLite the write lock does) and says whether its thread still has
/// `length` messages, as when the earlier marks were read. If not, someone
/// wrote meanwhile, perhaps marks: the caller reads them again.
pub async fn thread_unchanged(
    conn: &mut AnyConnection,
    case_id: &str,
    length: usize,
) -> Result<bool, sqlx::Error> {
    sqlx::query("update cases set updated_on = updated_on where id = $1")
        .bind(case_id)
        .execute(&mut *conn)
        .await?;
    let now: i64 = sqlx::query("select count(*) from messages where case_id = $1")
        .bind(case_id)
        .fetch_one(&mut *conn)
        .await?
        .try_get(0)?;
    Ok(usize::try_from(now).is_ok_and(|n| n == length))
}

/// Inside the transaction that adds a reply, before it is added: whether
/// the case has none yet. The case row is taken first (on PostgreSQL its
/// lock makes two replies at once take turns; on SQLite the write lock
/// does), so two first replies at once count once.
pub async fn no_reply_yet(conn: &mut AnyConnection, case_id: &str) -> Result<bool, sqlx::Error> {
    sqlx::query("update cases set updated_on = updated_on where id = $1")
        .bind(case_id)
        .execute(&mut *conn)
        .await?;
    let replies: i64 =
        sqlx::query("select count(*) from messages where case_id = $1 and author = 'staff'")
            .bind(case_id)
            .fetch_one(&mut *conn)
            .await?
            .try_get(0)?;
    Ok(replies == 0)
}
