//! Group commit: one task takes the queued writes, commits them in small
//! batches in one transaction, and answers each caller only after its batch
//! is durable. With `synchronous = full` this keeps one fsync per batch
//! instead of one per request, and a batch is written with a few multi-row
//! statements instead of a few statements per request.

use std::future::Future;
use std::pin::Pin;
use std::time::Instant;

use sqlx::{AnyConnection, Connection};
use tokio::sync::{mpsc, oneshot};

use super::{Backend, Db};

const MAX_BATCH: usize = 64;
const QUEUE: usize = 1024;

pub type WriteFuture<'c> = Pin<Box<dyn Future<Output = Result<(), sqlx::Error>> + Send + 'c>>;

/// A kind of write that can be applied many at a time, inside a transaction
/// the writer owns. A batch may be applied twice: once whole (which failed),
/// then item by item.
pub trait WriteBatch: Send + Sync + Sized + 'static {
    fn apply_all<'c>(items: &'c [&'c Self], conn: &'c mut AnyConnection) -> WriteFuture<'c>;

    /// A refusal the caller expects and answers itself (it is not logged).
    fn is_refusal(_error: &sqlx::Error) -> bool {
        false
    }
}

struct Job<T> {
    item: T,
    done: oneshot::Sender<Result<(), sqlx::Error>>,
}

/// The handle through which requests queue writes of one kind.
pub struct Writer<T> {
    queue: mpsc::Sender<Job<T>>,
}

impl<T> Clone for Writer<T> {
    fn clone(&self) -> Self {
        Writer {
            queue: self.queue.clone(),
        }
    }
}

impl<T: WriteBatch> Writer<T> {
    /// Queues `item` and waits until it is committed.
    pub async fn write(&self, item: T) -> Result<(), sqlx::Error> {
        let (done, committed) = oneshot::channel();
        self.queue
            .send(Job { item, done })
            .await
            .map_err(|_| sqlx::Error::PoolClosed)?;
        committed.await.map_err(|_| sqlx::Error::PoolClosed)?
    }
}

/// Starts one writer task for two kinds of write, `A` and `B`. Each kind
/// is its own lane: whatever is queued of each is committed in a
/// transaction of its own (never one transaction for both), one lane after
/// the other, on the task's one connection. One connection means one
/// writer at a time: two writer tasks on SQLite would wait on each other's
/// write lock, and SQLite's busy handler waits by sleeping.
///
/// The task ends when every handle of both lanes is dropped and both
/// queues are empty, so what was accepted is committed before exit. On
/// SQLite it does not checkpoint the WAL inside its commits:
/// [`Db::checkpoint`] runs apart, so a checkpoint never stalls the requests
/// waiting on a commit.
pub async fn start<A: WriteBatch, B: WriteBatch>(
    db: &Db,
) -> Result<(Writer<A>, Writer<B>, tokio::task::JoinHandle<()>), sqlx::Error> {
    let conn = own_connection(db).await?;
    let (a, a_jobs) = mpsc::channel(QUEUE);
    let (b, b_jobs) = mpsc::channel(QUEUE);
    let task = tokio::spawn(run(db.clone(), conn, a_jobs, b_jobs));
    Ok((Writer { queue: a }, Writer { queue: b }, task))
}

/// A connection taken out of the pool for the writer alone.
async fn own_connection(db: &Db) -> Result<AnyConnection, sqlx::Error> {
    let mut conn = db.pool.acquire().await?.detach();
    if db.backend == Backend::Sqlite {
        sqlx::query("pragma wal_autocheckpoint = 0")
            .execute(&mut conn)
            .await?;
    }
    Ok(conn)
}

/// One lane's queue and the jobs taken from it for the next commit.
struct Lane<T> {
    jobs: mpsc::Receiver<Job<T>>,
    batch: Vec<Job<T>>,
    open: bool,
}

impl<T: WriteBatch> Lane<T> {
    fn new(jobs: mpsc::Receiver<Job<T>>) -> Self {
        Lane {
            jobs,
            batch: Vec::with_capacity(MAX_BATCH),
            open: true,
        }
    }

    /// Takes what is queued now, without waiting.
    fn take_ready(&mut self) {
        while self.batch.len() < MAX_BATCH {
            match self.jobs.try_recv() {
                Ok(job) => self.batch.push(job),
                Err(mpsc::error::TryRecvError::Empty) => break,
                Err(mpsc::error::TryRecvError::Disconnected) => {
                    self.open = false;
                    break;
                }
            }
        }
    }
}

async fn run<A: WriteBatch, B: WriteBatch>(
    db: Db,
    mut conn: AnyConnection,
    a_jobs: mpsc::Receiver<Job<A>>,
    b_jobs: mpsc::Receiver<Job<B>>,
) {
    let (mut a, mut b) = (Lane::new(a_jobs), Lane::new(b_jobs));
    while a.open || b.open {
        // Wait for either lane, then take what the other has ready too.
        tokio::select! {
            n = a.jobs.recv_many(&mut a.batch, MAX_BATCH), if a.open => a.open = n > 0,
            n = b.jobs.recv_many(&mut b.batch, MAX_BATCH), if b.open => b.open = n > 0,
        }
        a.take_ready();
        b.take_ready();
        commit_lane(&db, &mut conn, &mut a.batch).await;
        commit_lane(&db, &mut conn, &mut b.batch).await;
    }
}

/// Commits a lane's batch in one transaction and answers each job; when
/// the batch fails, its items are retried one by one, so one bad write does
/// not fail its neighbours.
async fn commit_lane<T: WriteBatch>(db: &Db, conn: &mut AnyConnection, batch: &mut Vec<Job<T>>) {
    if batch.is_empty() {
        return;
    }
    let started = Instant::now();
    let items: Vec<&T> = batch.iter().map(|j| &j.item).collect();
    let outcome = commit(conn, &items).await;
    drop(items);
    if outcome.is_ok() {
        tracing::debug!(
            size = batch.len(),
            micros = started.elapsed().as_micros() as u64,
            "batch committed"
        );
        for job in batch.drain(..) {
            let _ = job.done.send(Ok(()));
        }
        return;
    }
    // A connection the server dropped (PostgreSQL restarted or failed
    // over) is replaced first, or every later batch would fail with it.
    if conn.ping().await.is_err() {
        match own_connection(db).await {
            Ok(fresh) => *conn = fresh,
            Err(e) => tracing::error!(error = %e, "writer cannot reconnect"),
        }
    }
    for job in batch.drain(..) {
        let alone = commit(conn, &[&job.item]).await;
        if let Err(e) = &alone
            && !T::is_refusal(e)
        {
            tracing::error!(error = %e, "write failed");
        }
        let _ = job.done.send(alone);
    }
}

async fn commit<T: WriteBatch>(conn: &mut AnyConnection, items: &[&T]) -> Result<(), sqlx::Error> {
    let mut tx = conn.begin().await?;
    T::apply_all(items, &mut tx).await?;
    tx.commit().await
}

/// `($1, $2), ($3, $4)`: placeholders for `rows` rows of `columns` values,
/// in the `$n` form both backends accept.
pub fn placeholders(rows: usize, columns: usize) -> String {
    let mut out = String::with_capacity(rows * columns * 5);
    for r in 0..rows {
        out.push_str(if r == 0 { "(" } else { ", (" });
        for c in 0..columns {
            if c > 0 {
                out.push_str(", ");
            }
            out.push_str(&format!("${}", r * columns + c + 1));
        }
        out.push(')');
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn placeholders_number_every_value_once() {
        assert_eq!(super::placeholders(2, 3), "($1, $2, $3), ($4, $5, $6)");
    }
}
