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

/// Where a walk over a service's items stands: its items are walked epoch
/// by epoch (ascending), each epoch's by message id, so every batch is one
/// seek on the index `messages (key_epoch, id)` and a job costs what its
/// items cost. Stored in `rotation_jobs.after_id` as `epoch:id`, the epoch
/// zero-padded so that cursors compare as text in walk order; '' is the
/// start.
pub fn cursor(epoch: i64, id: &str) -> String {
    format!("{epoch:020}:{id}")
}

/// A stored cursor as (epoch, id); the start for '' or anything else
/// (a job from before 0012 starts again; what it resealed is not seen).
fn parse_cursor(text: &str) -> (i64, &str) {
    text.split_once(':')
        .and_then(|(e, id)| Some((e.parse().ok()?, id)))
        .unwrap_or((i64::MIN, ""))
}

/// The key epochs of `service`, ascending.
async fn epochs_of(db: &Db, service: &str) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query("select id from key_epochs where service = $1 order by id")
        .bind(service)
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|r| r.try_get(0))
        .collect()
}

/// The recipient sets (one a line) of the epochs that the items `job` has
/// still to reseal are sealed in: whoever resumes it must hold a key of each.
pub async fn remaining_recipients(db: &Db, job: &Job) -> Result<Vec<String>, sqlx::Error> {
    let (at_epoch, at_id) = parse_cursor(&job.after_id);
    let mut out = vec![];
    for epoch in epochs_of(db, &job.service).await? {
        if epoch == job.target_epoch || epoch < at_epoch {
            continue;
        }
        let after = if epoch == at_epoch { at_id } else { "" };
        let left: Option<String> = sqlx::query(
            "select e.recipients from key_epochs e where e.id = $1 and exists \
             (select 1 from messages m where m.key_epoch = $1 and m.id > $2)",
        )
        .bind(epoch)
        .bind(after)
        .fetch_optional(&db.pool)
        .await?
        .map(|r| r.try_get(0))
        .transpose()?;
        out.extend(left);
    }
    Ok(out)
}

/// A sealed item and what decides who it is sealed to.
pub struct Item {
    pub id: String,
    /// Its place in the walk (`cursor`).
    pub cursor: String,
    pub author: String,
    pub key_epoch: i64,
    pub sealed: Vec<u8>,
    pub client_recipient: String,
}

fn item_of(r: &AnyRow) -> Result<Item, sqlx::Error> {
    let id: String = r.try_get("id")?;
    let key_epoch = r.try_get("key_epoch")?;
    Ok(Item {
        cursor: cursor(key_epoch, &id),
        id,
        author: r.try_get("author")?,
        key_epoch,
        sealed: r.try_get("sealed")?,
        client_recipient: r.try_get("client_recipient")?,
    })
}

/// Passed as `outside_of` to `items`: no epoch has this id, so every item
/// is outside it.
pub const EVERY_EPOCH: i64 = -1;

/// The next items of `service` after the cursor `after`, in walk order,
/// that are sealed in an epoch other than `outside_of`.
pub async fn items(
    db: &Db,
    service: &str,
    outside_of: i64,
    after: &str,
    limit: i64,
) -> Result<Vec<Item>, sqlx::Error> {
    let (at_epoch, at_id) = parse_cursor(after);
    let mut out: Vec<Item> = vec![];
    for epoch in epochs_of(db, service).await? {
        let wanted = limit - out.len() as i64;
        if wanted <= 0 {
            break;
        }
        if epoch == outside_of || epoch < at_epoch {
            continue;
        }
        let from = if epoch == at_epoch { at_id } else { "" };
        let rows = sqlx::query(
            "select m.id, m.author, m.key_epoch, m.sealed, c.client_recipient \
             from messages m join cases c on c.id = m.case_id \
             where m.key_epoch = $1 and m.id > $2 and c.service = $3 \
             order by m.id limit $4",
        )
        .bind(epoch)
        .bind(from)
        .bind(service)
        .bind(wanted)
        .fetch_all(&db.pool)
        .await?;
        for r in &rows {
            out.push(item_of(r)?);
        }
    }
    Ok(out)
}

/// What a batch came to: its items resealed, left (changed or deleted
/// meanwhile) and unreadable with the keys in hand.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub done: i64,
    pub skipped: i64,
    pub unreadable: i64,
}

/// One transaction for a batch: the job moves past its last item (only if
/// no other run of the job is past its first) with its counts, and each
/// resealed item gets its new ciphertext and epoch only if it still holds
/// the ciphertext it was read with (compare and swap). `resealed[i]` is
/// `items[i]` sealed anew, or None when the keys in hand did not open it.
/// `id`, `n`, `written_on` and `author` are untouched. `None`: another run
/// is ahead, and nothing was written.
pub async fn commit_batch(
    db: &Db,
    job: &str,
    items: &[Item],
    resealed: &[Option<Vec<u8>>],
    target: i64,
) -> Result<Option<Counts>, sqlx::Error> {
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        return Ok(Some(Counts::default()));
    };
    let mut tx = db.pool.begin().await?;
    // The job's row first: a second run of the job waits on its lock, then
    // finds the cursor moved and writes nothing.
    let moved = sqlx::query(
        "update rotation_jobs set after_id = $1, updated_on = $2 \
         where id = $3 and state = 'running' and after_id < $4",
    )
    .bind(&last.cursor)
    .bind(day(today()))
    .bind(job)
    .bind(&first.cursor)
    .execute(&mut *tx)
    .await?;
    if moved.rows_affected() != 1 {
        return Ok(None);
    }
    let mut counts = Counts::default();
    for (item, new) in items.iter().zip(resealed) {
        let Some(new) = new else {
            counts.unreadable += 1;
            continue;
        };
        let swapped = sqlx::query(
            "update messages set sealed = $1, key_epoch = $2 \
             where id = $3 and key_epoch = $4 and sealed = $5",
        )
        .bind(&new[..])
        .bind(target)
        .bind(&item.id)
        .bind(item.key_epoch)
        .bind(&item.sealed)
        .execute(&mut *tx)
        .await?;
        if swapped.rows_affected() == 1 {
            counts.done += 1;
        } else {
            counts.skipped += 1;
        }
    }
    // `total` grows if items came in under an old epoch after the start.
    sqlx::query(
        "update rotation_jobs set done = done + $1, skipped = skipped + $2, \
         unreadable = unreadable + $3, \
         total = case when total < done + skipped + unreadable + $4 \
                 then done + skipped + unreadable + $4 else total end \
         where id = $5",
    )
    .bind(counts.done)
    .bind(counts.skipped)
    .bind(counts.unreadable)
    .bind(counts.done + counts.skipped + counts.unreadable)
    .bind(job)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Some(counts))
}
