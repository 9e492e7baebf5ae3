//! SQL for rotation jobs and the items they reseal.

use sqlx::Row;
use sqlx::any::AnyRow;

use crate::db::{Db, day, new_id, today};
use crate::staff::store::audit;

/// A job as stored: what it reseals to and how far it got.
#[derive(Debug, Clone)]
pub struct Job {
    pub id: String,
    pub kind: String,
    pub service: String,
    pub target_epoch: i64,
    pub state: String,
    pub started_by: String,
    pub total: i64,
    pub done: i64,
    pub unreadable: i64,
    pub skipped: i64,
    /// The cursor: the random id of the last item handled ('' before any).
    pub after_id: String,
    pub checked: i64,
    pub check_failed: i64,
}

const JOB_COLUMNS: &str = "id, kind, service, target_epoch, state, started_by, total, done, \
                           unreadable, skipped, after_id, checked, check_failed";

fn job_of(r: &AnyRow) -> Result<Job, sqlx::Error> {
    Ok(Job {
        id: r.try_get("id")?,
        kind: r.try_get("kind")?,
        service: r.try_get("service")?,
        target_epoch: r.try_get("target_epoch")?,
        state: r.try_get("state")?,
        started_by: r.try_get("started_by")?,
        total: r.try_get("total")?,
        done: r.try_get("done")?,
        unreadable: r.try_get("unreadable")?,
        skipped: r.try_get("skipped")?,
        after_id: r.try_get("after_id")?,
        checked: r.try_get("checked")?,
        check_failed: r.try_get("check_failed")?,
    })
}

pub async fn job(db: &Db, id: &str) -> Result<Option<Job>, sqlx::Error> {
    let sql = format!("select {JOB_COLUMNS} from rotation_jobs where id = $1");
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(&db.pool)
        .await?
        .as_ref()
        .map(job_of)
        .transpose()
}

/// The job of `service` still running, if any (at most one: a unique index).
pub async fn running(db: &Db, service: &str) -> Result<Option<Job>, sqlx::Error> {
    let sql =
        format!("select {JOB_COLUMNS} from rotation_jobs where service = $1 and state = 'running'");
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(service)
        .fetch_optional(&db.pool)
        .await?
        .as_ref()
        .map(job_of)
        .transpose()
}

/// The newest jobs, for the progress page.
pub async fn recent(db: &Db, limit: i64) -> Result<Vec<Job>, sqlx::Error> {
    let sql = format!("select {JOB_COLUMNS} from rotation_jobs order by seq desc limit $1");
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(limit)
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(job_of)
        .collect()
}

/// How many items of `service` are sealed in an epoch other than `target`.
pub async fn count_outside(db: &Db, service: &str, target: i64) -> Result<i64, sqlx::Error> {
    sqlx::query(
        "select count(*) from messages m join cases c on c.id = m.case_id \
         where c.service = $1 and m.key_epoch <> $2",
    )
    .bind(service)
    .bind(target)
    .fetch_one(&db.pool)
    .await?
    .try_get(0)
}

/// Starts a job and audits it, in one transaction; `None` if another job
/// of the service is running.
pub async fn create(
    db: &Db,
    kind: &str,
    service: &str,
    target: i64,
    started_by: &str,
    total: i64,
) -> Result<Option<String>, sqlx::Error> {
    let id = new_id();
    let today = day(today());
    let mut tx = db.pool.begin().await?;
    // The unique index on running jobs keeps a second one out.
    let made = sqlx::query(
        "insert into rotation_jobs (id, kind, service, target_epoch, state, started_by, total, \
         created_on, updated_on) values ($1, $2, $3, $4, 'running', $5, $6, $7, $7) \
         on conflict do nothing",
    )
    .bind(&id)
    .bind(kind)
    .bind(service)
    .bind(target)
    .bind(started_by)
    .bind(total)
    .bind(&today)
    .execute(&mut *tx)
    .await?;
    if made.rows_affected() != 1 {
        return Ok(None);
    }
    audit(&mut tx, started_by, "rotation_started", Some(service), None).await?;
    tx.commit().await?;
    Ok(Some(id))
}

/// Ends a running job in `state` with the final check's counts; with
/// `audit_as`, audits it in the same transaction.
pub async fn finish(
    db: &Db,
    job: &Job,
    state: &str,
    checked: i64,
    failed: i64,
    audit_as: Option<&str>,
) -> Result<(), sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let ended = sqlx::query(
        "update rotation_jobs set state = $1, checked = $2, check_failed = $3, updated_on = $4 \
         where id = $5 and state = 'running'",
    )
    .bind(state)
    .bind(checked)
    .bind(failed)
    .bind(day(today()))
    .bind(&job.id)
    .execute(&mut *tx)
    .await?;
    if let (1, Some(action)) = (ended.rows_affected(), audit_as) {
        audit(&mut tx, &job.started_by, action, Some(&job.service), None).await?;
    }
    tx.commit().await
}

/// The recipients an epoch recorded, one a line.
pub async fn epoch_recipients(db: &Db, epoch: i64) -> Result<Option<String>, sqlx::Error> {
    sqlx::query("select recipients from key_epochs where id = $1")
        .bind(epoch)
        .fetch_optional(&db.pool)
        .await?
        .map(|r| r.try_get(0))
        .transpose()
}

/// The recipient sets (one a line) of the epochs that the items `job` has
/// still to reseal are sealed in: whoever resumes it must hold a key of each.
pub async fn remaining_recipients(db: &Db, job: &Job) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query(
        "select e.recipients from key_epochs e where e.id in (\
         select m.key_epoch from messages m join cases c on c.id = m.case_id \
         where c.service = $1 and m.key_epoch <> $2 and m.id > $3)",
    )
    .bind(&job.service)
    .bind(job.target_epoch)
    .bind(&job.after_id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| r.try_get(0))
    .collect()
}

/// A sealed item and what decides who it is sealed to.
pub struct Item {
    pub id: String,
    pub author: String,
    pub key_epoch: i64,
    pub sealed: Vec<u8>,
    pub client_recipient: String,
}

fn item_of(r: &AnyRow) -> Result<Item, sqlx::Error> {
    Ok(Item {
        id: r.try_get("id")?,
        author: r.try_get("author")?,
        key_epoch: r.try_get("key_epoch")?,
        sealed: r.try_get("sealed")?,
        client_recipient: r.try_get("client_recipient")?,
    })
}

/// Passed as `outside_of` to `items`: no epoch has this id, so every item
/// is outside it.
pub const EVERY_EPOCH: i64 = -1;

/// The next items of `service` after the id `after`, in order of id, that are sealed
/// in an epoch other than `outside_of`.
pub async fn items(
    db: &Db,
    service: &str,
    outside_of: i64,
    after: &str,
    limit: i64,
) -> Result<Vec<Item>, sqlx::Error> {
    sqlx::query(
        "select m.id, m.author, m.key_epoch, m.sealed, c.client_recipient \
         from messages m join cases c on c.id = m.case_id \
         where c.service = $1 and m.key_epoch <> $2 and m.id > $3 \
         order by m.id limit $4",
    )
    .bind(service)
    .bind(outside_of)
    .bind(after)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(item_of)
    .collect()
}

/// What became of one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Resealed, and the job moved past it.
    Resealed,
    /// The item changed or went away meanwhile: counted as skipped.
    Changed,
    /// Another run of the job is past this item already: nothing written.
    Behind,
}

/// Advances the job past the item `item_id` and adds one to `column`, in `tx`; false if
/// another run of the job is already past it.
async fn advance(
    conn: &mut sqlx::AnyConnection,
    job: &str,
    item_id: &str,
    column: Counter,
) -> Result<bool, sqlx::Error> {
    let c = column.name();
    // `total` grows if items came in under an old epoch after the start.
    let sql = format!(
        "update rotation_jobs set after_id = $1, {c} = {c} + 1, updated_on = $2, \
         total = case when total < done + unreadable + skipped + 1 \
                 then done + unreadable + skipped + 1 else total end \
         where id = $3 and state = 'running' and after_id < $1"
    );
    let moved = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(item_id)
        .bind(day(today()))
        .bind(job)
        .execute(&mut *conn)
        .await?;
    Ok(moved.rows_affected() == 1)
}

#[derive(Debug, Clone, Copy)]
pub enum Counter {
    Done,
    Unreadable,
    Skipped,
}

impl Counter {
    fn name(self) -> &'static str {
        match self {
            Counter::Done => "done",
            Counter::Unreadable => "unreadable",
            Counter::Skipped => "skipped",
        }
    }
}

/// One transaction: the item gets its new ciphertext and epoch only if it
/// still holds the ciphertext it was read with (compare and swap), and the
/// job moves past it. `id`, `n`, `written_on` and `author` are untouched.
pub async fn replace(
    db: &Db,
    job: &str,
    item: &Item,
    resealed: &[u8],
    target: i64,
) -> Result<Step, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    if !advance(&mut tx, job, &item.id, Counter::Done).await? {
        return Ok(Step::Behind);
    }
    let swapped = sqlx::query(
        "update messages set sealed = $1, key_epoch = $2 \
         where id = $3 and key_epoch = $4 and sealed = $5",
    )
    .bind(resealed)
    .bind(target)
    .bind(&item.id)
    .bind(item.key_epoch)
    .bind(&item.sealed)
    .execute(&mut *tx)
    .await?;
    if swapped.rows_affected() != 1 {
        drop(tx);
        return match pass(db, job, &item.id, Counter::Skipped).await? {
            true => Ok(Step::Changed),
            false => Ok(Step::Behind),
        };
    }
    tx.commit().await?;
    Ok(Step::Resealed)
}

/// Moves the job past an item it leaves as it is, counting it.
pub async fn pass(
    db: &Db,
    job: &str,
    item_id: &str,
    counter: Counter,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    if !advance(&mut tx, job, item_id, counter).await? {
        return Ok(false);
    }
    tx.commit().await?;
    Ok(true)
}
