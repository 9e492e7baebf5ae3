//! The purge: deletes the cases due by a day, with their messages and
//! booking rows, and the booked times (bookings, slots, groups) whose
//! service's retention has passed since they ended; keeps counts per
//! service, kind and month; then, on SQLite, checkpoints the WAL into the
//! database file and truncates it, so the zeroed pages (`secure_delete`)
//! replace the deleted ciphertext in the `.db` file and no old copy is left
//! in the `-wal` file. It also deletes the spent form nonces past their
//! last day (`abuse::spent`). `suoja serve` runs it periodically, `suoja purge`
//! once. A dry run counts the same rows with read-only queries (the same
//! clauses, from `store` and `abuse::spent`): it never takes the write
//! lock, so intake goes on while it runs.

use std::collections::BTreeMap;
use std::fmt;

use jiff::civil::Date;

use super::booking_cutoff;
use super::store::{self, BookingCounts, CaseCounts};
use crate::db::{Backend, Db};
use crate::services::Catalog;

/// Cases deleted per transaction, so a large backlog does not hold the
/// write lock for long.
const BATCH: i64 = 200;

/// What one service lost (or would lose) in a purge.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ServiceReport {
    pub cases: CaseCounts,
    pub booked: BookingCounts,
}

/// What a purge deleted, or, in a dry run, would delete.
#[derive(Debug, Clone)]
pub struct Report {
    pub as_of: Date,
    pub dry_run: bool,
    pub services: BTreeMap<String, ServiceReport>,
    /// Spent form nonces past their last day.
    pub spent_nonces: u64,
    /// SQLite: whether the WAL was checkpointed and truncated afterwards.
    /// None for a dry run and on PostgreSQL.
    pub erased: Option<bool>,
}

impl Report {
    pub fn total(&self) -> ServiceReport {
        let mut t = ServiceReport::default();
        for s in self.services.values() {
            t.cases.cases += s.cases.cases;
            t.cases.messages += s.cases.messages;
            t.booked.bookings += s.booked.bookings;
            t.booked.slots += s.booked.slots;
            t.booked.series += s.booked.series;
        }
        t
    }
}

/// Purges what is due on `as_of`. A dry run deletes nothing; a real run
/// must be for today (the command line refuses anything else).
pub async fn run(
    db: &Db,
    services: &Catalog,
    as_of: Date,
    dry_run: bool,
) -> Result<Report, sqlx::Error> {
    // Deadlines first: cases listed for a recomputation (old cases, changed
    // rules). Short writes of their own, and none when nothing is listed.
    store::backfill(db, services).await?;
    let mut report = Report {
        as_of,
        dry_run,
        services: BTreeMap::new(),
        spent_nonces: 0,
        erased: None,
    };
    if dry_run {
        count_due(db, services, &mut report).await?;
    } else {
        purge_due(db, services, &mut report).await?;
    }
    for service in services.iter() {
        report.services.entry(service.slug.clone()).or_default();
    }
    log(&report);
    Ok(report)
}

/// The dry run: what `purge_due` would delete, counted with reads only
/// (never a write transaction: on SQLite a submission would wait for it).
async fn count_due(db: &Db, services: &Catalog, report: &mut Report) -> Result<(), sqlx::Error> {
    let mut conn = db.pool.acquire().await?;
    let due = store::due_cases(&mut conn, &crate::db::day(report.as_of), i64::MAX).await?;
    add_cases(report, due.per_service());
    for service in services.iter() {
        let cutoff = booking_cutoff(service.retention.days, report.as_of);
        let booked = store::count_expiring(&mut conn, &service.slug, cutoff).await?;
        report
            .services
            .entry(service.slug.clone())
            .or_default()
            .booked = booked;
    }
    report.spent_nonces = crate::abuse::count_spent(db, report.as_of).await?;
    Ok(())
}

/// The real purge: cases in batches (each its own short transaction),
/// booked times per service, spent nonces, then the WAL cut (SQLite).
async fn purge_due(db: &Db, services: &Catalog, report: &mut Report) -> Result<(), sqlx::Error> {
    loop {
        let mut tx = db.pool.begin().await?;
        let cases = store::purge_cases(&mut tx, report.as_of, BATCH).await?;
        tx.commit().await?;
        let n: i64 = cases.values().map(|c| c.cases).sum();
        add_cases(report, cases);
        if n < BATCH {
            break;
        }
    }
    for service in services.iter() {
        let cutoff = booking_cutoff(service.retention.days, report.as_of);
        let mut tx = db.pool.begin().await?;
        let booked = store::expire_bookings(&mut tx, &service.slug, cutoff).await?;
        tx.commit().await?;
        report
            .services
            .entry(service.slug.clone())
            .or_default()
            .booked = booked;
    }
    // Spent form nonces whose tokens can no longer be taken anyway.
    report.spent_nonces = crate::abuse::purge_spent(db, report.as_of).await?;
    // Also when nothing was deleted now: a run cut off before this step
    // (a crash) left the zeroed pages in the WAL.
    if db.backend == Backend::Sqlite {
        report.erased = Some(db.truncate_wal().await?);
    }
    Ok(())
}

fn add_cases(report: &mut Report, cases: BTreeMap<String, CaseCounts>) {
    for (service, n) in cases {
        let s = report.services.entry(service).or_default();
        s.cases.cases += n.cases;
        s.cases.messages += n.messages;
    }
}

/// One event per run, with counts only.
fn log(report: &Report) {
    let t = report.total();
    let as_of = crate::db::day(report.as_of);
    tracing::info!(
        %as_of,
        dry_run = report.dry_run,
        cases = t.cases.cases,
        messages = t.cases.messages,
        bookings = t.booked.bookings,
        slots = t.booked.slots,
        groups = t.booked.series,
        spent_nonces = report.spent_nonces,
        erased = ?report.erased,
        "retention purge"
    );
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let as_of = crate::db::day(self.as_of);
        if self.dry_run {
            writeln!(f, "dry run: what a purge on {as_of} would delete")?;
        } else {
            writeln!(f, "purged on {as_of}:")?;
        }
        writeln!(
            f,
            "{:<24} {:>7} {:>9} {:>9} {:>7} {:>7}",
            "service", "cases", "messages", "bookings", "slots", "groups"
        )?;
        let total = self.total();
        let rows = self
            .services
            .iter()
            .map(|(s, r)| (s.as_str(), r))
            .chain(std::iter::once(("total", &total)));
        for (name, r) in rows {
            writeln!(
                f,
                "{:<24} {:>7} {:>9} {:>9} {:>7} {:>7}",
                name,
                r.cases.cases,
                r.cases.messages,
                r.booked.bookings,
                r.booked.slots,
                r.booked.series
            )?;
        }
        writeln!(f, "spent form nonces: {}", self.spent_nonces)?;
        match self.erased {
            Some(true) => writeln!(f, "freed pages overwritten; WAL checkpointed and truncated"),
            Some(false) => writeln!(
                f,
                "WARNING: the WAL could not be truncated (busy readers): run the purge again"
            ),
            None => Ok(()),
        }
    }
}
