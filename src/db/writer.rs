//! Group commit: one task takes the queued writes, commits them in small
//! batches in one transaction, and answers each caller only after its batch
//! is durable. With `synchronous = full` this keeps one fsync per batch
//! instead of one per request, and a batch is written with a few multi-row
//! statements instead of a few statements per request.

use std::future::Future;
use std::pin::Pin;
use std::time::{Duration, Instant};

use sqlx::{AnyConnection, Connection};
use tokio::sync::{mpsc, oneshot};

use super::{Backend, Db};

const MAX_BATCH: usize = 64;
const QUEUE: usize = 1024;

/// SQLite: how often, under sustained intake, the WAL is wholly copied and
/// starts over (see `Checkpoints`). Each submission adds about 70 KiB of
/// WAL (random-keyed tables: every insert lands on its own page); at the
/// 2,100 a second of 64 clients here that is about 150 MiB a second, so a
/// quarter of a second, plus the bulk copy's own time, keeps the file at
/// the 64 MiB limit (docs/BENCHMARK.md: 64.0 MiB at 250 ms, 173 at 1 s).
const CATCH_UP_EVERY: Duration = Duration::from_millis(250);
/// After a checkpoint that could not copy all of the WAL.
const CATCH_UP_RETRY: Duration = Duration::from_millis(100);

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
/// SQLite it does not checkpoint the WAL inside its commits: see
/// [`Checkpoints`].
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
    let mut checkpoints = Checkpoints::new(&db);
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
        checkpoints.after_commits(&mut conn).await;
    }
}

/// SQLite: keeps the WAL short under sustained intake, in two steps. A WAL
/// starts over from its beginning (its file cut to `journal_size_limit`)
/// only at a commit that finds it wholly copied into the database, and a
/// checkpoint beside the writer never finds that: the writer adds frames
/// while it runs. Left so, the WAL grows without bound. So every
/// `CATCH_UP_EVERY` a passive checkpoint first copies the bulk on a pool
/// connection while the writer goes on committing; when it is done, the
/// writer copies the little added meanwhile from its own connection,
/// between two commits, where nothing can be added; its next commit starts
/// the WAL over. The requests waiting on that commit wait only for the
/// little. (The serve loop's checkpoint every 500 ms covers idle times.)
struct Checkpoints {
    db: Db,
    copying: Option<tokio::task::JoinHandle<()>>,
    next: Instant,
}

impl Checkpoints {
    fn new(db: &Db) -> Self {
        Checkpoints {
            db: db.clone(),
            copying: None,
            next: Instant::now() + CATCH_UP_EVERY,
        }
    }

    async fn after_commits(&mut self, conn: &mut AnyConnection) {
        if self.db.backend != Backend::Sqlite {
            return;
        }
        match &self.copying {
            None if Instant::now() >= self.next => {
                let db = self.db.clone();
                self.copying = Some(tokio::spawn(async move {
                    if let Err(e) = db.checkpoint().await {
                        tracing::warn!(error = %e, "checkpoint failed");
                    }
                }));
            }
            Some(bulk) if bulk.is_finished() => {
                self.copying = None;
                // Not all copied (another checkpoint was running, or a
                // reader holds an older snapshot): soon again.
                let wait = if catch_up(conn).await {
                    CATCH_UP_EVERY
                } else {
                    CATCH_UP_RETRY
                };
                self.next = Instant::now() + wait;
            }
            _ => {}
        }
    }
}

/// A passive checkpoint from the writer's own connection, between two
/// commits: whether it copied all of the WAL (a reader of an older
/// snapshot can hold some back).
async fn catch_up(conn: &mut AnyConnection) -> bool {
    let started = Instant::now();
    // (busy, frames in the WAL, frames copied into the database)
    let done: Result<(i64, i64, i64), _> = sqlx::query_as("pragma wal_checkpoint(passive)")
        .fetch_one(conn)
        .await;
    match done {
        Ok((busy, frames, copied)) => {
            tracing::debug!(
                busy,
                frames,
                copied,
                micros = started.elapsed().as_micros() as u64,
                "writer checkpoint"
            );
            busy == 0 && frames == copied
        }
        Err(e) => {
            tracing::warn!(error = %e, "writer checkpoint failed");
            false
        }
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
    use super::*;
    use crate::db::WAL_LIMIT_BYTES;

    #[test]
    fn placeholders_number_every_value_once() {
        assert_eq!(super::placeholders(2, 3), "($1, $2, $3), ($4, $5, $6)");
    }

    /// A row of 16 KiB: a few pages of WAL a commit.
    struct Blob;

    impl WriteBatch for Blob {
        fn apply_all<'c>(items: &'c [&'c Blob], conn: &'c mut AnyConnection) -> WriteFuture<'c> {
            Box::pin(async move {
                for _ in items {
                    sqlx::query("insert into blobs (b) values (zeroblob(16384))")
                        .execute(&mut *conn)
                        .await?;
                }
                Ok(())
            })
        }
    }

    #[tokio::test]
    async fn under_sustained_writes_the_wal_starts_over_and_is_kept_to_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("wal.db");
        let db = Db::connect(&format!("sqlite://{}", file.display()))
            .await
            .unwrap();
        let limit: i64 = sqlx::query_scalar("pragma journal_size_limit")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(limit, WAL_LIMIT_BYTES, "every connection cuts the WAL back");
        sqlx::query("create table blobs (b blob not null)")
            .execute(&db.pool)
            .await
            .unwrap();
        let (blobs, other, task) = start::<Blob, Blob>(&db).await.unwrap();
        // Writes without a pause, and no checkpoint from anywhere else,
        // until the WAL has started over three times. Counted from the
        // WAL's own header, not from the clock: a loaded machine writes
        // less per interval, never differently.
        let wal_file = dir.path().join("wal.db-wal");
        let first = wal_restarts(&wal_file);
        let started = Instant::now();
        let mut written = 0u64;
        while wal_restarts(&wal_file).saturating_sub(first) < 3 {
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "the WAL did not start over three times in a minute of writes \
                 ({written} bytes written)"
            );
            for _ in 0..16 {
                blobs.write(Blob).await.unwrap();
                written += 16384;
            }
        }
        drop((blobs, other));
        task.await.unwrap();
        let wal = std::fs::metadata(&wal_file).unwrap().len();
        // Each start over cuts the file back to the limit; what follows the
        // last one is one interval's rows, far below it.
        assert!(
            wal <= WAL_LIMIT_BYTES as u64,
            "WAL of {wal} bytes after {written} bytes written"
        );
    }

    /// How many times the WAL has started over: the checkpoint sequence
    /// number in its header (bytes 12..16, big-endian), which SQLite adds
    /// one to each time it writes the WAL again from its beginning.
    fn wal_restarts(file: &std::path::Path) -> u32 {
        use std::io::Read;
        let mut header = [0u8; 16];
        let read = std::fs::File::open(file).and_then(|mut f| f.read_exact(&mut header));
        match read {
            Ok(()) => u32::from_be_bytes([header[12], header[13], header[14], header[15]]),
            Err(_) => 0,
        }
    }
}
