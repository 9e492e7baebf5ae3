//! Group commit: one task takes the queued writes, commits them in small
//! batches in one transaction, and answers each caller only after its batch
//! is durable. With `synchronous = full` this keeps one fsync per batch
//! instead of one per request.

use std::future::Future;
use std::pin::Pin;

use sqlx::{AnyConnection, Connection};
use tokio::sync::{mpsc, oneshot};

use super::{Backend, Db};

const MAX_BATCH: usize = 64;
const QUEUE: usize = 1024;

pub type WriteFuture<'c> = Pin<Box<dyn Future<Output = Result<(), sqlx::Error>> + Send + 'c>>;

/// One write, applied inside a transaction the writer owns. It may be applied
/// twice: once in a batch that failed as a whole, then alone.
pub trait WriteOp: Send + Sync + 'static {
    fn apply<'c>(&'c self, conn: &'c mut AnyConnection) -> WriteFuture<'c>;
}

struct Job {
    op: Box<dyn WriteOp>,
    done: oneshot::Sender<Result<(), sqlx::Error>>,
}

/// The handle through which requests queue their writes.
#[derive(Clone, Debug)]
pub struct Writer {
    queue: mpsc::Sender<Job>,
}

impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Job")
    }
}

impl Writer {
    /// Starts the writer task. It ends when every `Writer` is dropped and
    /// the queue is empty, so what was accepted is committed before exit.
    ///
    /// The writer keeps one connection of its own. On SQLite it does not
    /// checkpoint the WAL inside its commits: [`Db::checkpoint`] runs apart,
    /// so a checkpoint never stalls the requests waiting on a commit.
    pub async fn start(db: Db) -> Result<(Writer, tokio::task::JoinHandle<()>), sqlx::Error> {
        let mut conn = db.pool.acquire().await?.detach();
        if db.backend == Backend::Sqlite {
            sqlx::query("pragma wal_autocheckpoint = 0")
                .execute(&mut conn)
                .await?;
        }
        let (queue, jobs) = mpsc::channel(QUEUE);
        let task = tokio::spawn(run(conn, jobs));
        Ok((Writer { queue }, task))
    }

    /// Queues `op` and waits until it is committed.
    pub async fn write(&self, op: impl WriteOp) -> Result<(), sqlx::Error> {
        let (done, committed) = oneshot::channel();
        let job = Job {
            op: Box::new(op),
            done,
        };
        self.queue
            .send(job)
            .await
            .map_err(|_| sqlx::Error::PoolClosed)?;
        committed.await.map_err(|_| sqlx::Error::PoolClosed)?
    }
}

async fn run(mut conn: AnyConnection, mut jobs: mpsc::Receiver<Job>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while jobs.recv_many(&mut batch, MAX_BATCH).await > 0 {
        let outcome = commit_batch(&mut conn, &batch).await;
        match outcome {
            Ok(()) => {
                tracing::debug!(size = batch.len(), "batch committed");
                for job in batch.drain(..) {
                    let _ = job.done.send(Ok(()));
                }
            }
            // One bad write must not fail its neighbours: retry one by one.
            Err(_) => {
                for job in batch.drain(..) {
                    let alone = commit_batch(&mut conn, std::slice::from_ref(&job)).await;
                    if let Err(e) = &alone {
                        tracing::error!(error = %e, "write failed");
                    }
                    let _ = job.done.send(alone);
                }
            }
        }
    }
}

async fn commit_batch(conn: &mut AnyConnection, batch: &[Job]) -> Result<(), sqlx::Error> {
    let mut tx = conn.begin().await?;
    for job in batch {
        job.op.apply(&mut tx).await?;
    }
    tx.commit().await
}
