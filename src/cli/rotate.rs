//! `suoja rotate`: reseals every service (or one) to its current recipient
//! set with an identity file in hand: the offline recovery identity, or a
//! counsellor's own key. An interrupted job is resumed. Progress is a bar on
//! a terminal and plain lines otherwise; the final check is printed.

use std::io::{IsTerminal, Write};
use std::path::Path;

use crate::config::Config;
use crate::db::Db;
use crate::keys::Keys;
use crate::rotation::{self, Check, Job, Request};
use crate::seal::IdentityFile;
use crate::serve::BoxError;
use crate::services::Services;

pub async fn run(
    config: &Config,
    identity: &Path,
    only: Option<&str>,
    batch: i64,
) -> Result<(), BoxError> {
    let keys = IdentityFile::read(identity)?;
    let db = Db::connect(&config.database_url).await?;
    let catalog = Services::open(&db, config).await?.current();
    if let Some(slug) = only
        && catalog.get(slug).is_none()
    {
        return Err(format!("no service `{slug}` (see `suoja service list`)").into());
    }
    let keyring = Keys::load(&db, config, &catalog).await?.current();
    let mut unfinished = Vec::new();
    for service in catalog.iter().filter(|s| only.is_none_or(|o| o == s.slug)) {
        let slug = service.slug.as_str();
        let current = keyring
            .service(slug)
            .ok_or_else(|| rotation::RotationError::NoEpoch(slug.to_owned()))?;
        let req = Request {
            kind: "reseal",
            service: slug,
            target_epoch: current.epoch,
            started_by: "cli",
        };
        let check = match rotation::start_or_resume(&db, &req).await? {
            None => {
                println!("{slug}: every item is in the current key epoch");
                rotation::check(&db, slug, current.epoch, &current.envelope, &keys).await?
            }
            Some(job) => {
                let handled = job.done + job.unreadable + job.skipped;
                if handled > 0 {
                    println!("{slug}: resuming a job at {handled} of {} items", job.total);
                } else {
                    println!("{slug}: resealing {} items", job.total);
                }
                let started = std::time::Instant::now();
                let before = job.done;
                let mut shown = Progress::new(slug, batch);
                let (job, check) =
                    rotation::run(&db, job, &keys, batch, None, &mut |j| shown.show(j)).await?;
                shown.end(&job);
                let seconds = started.elapsed().as_secs_f64();
                println!(
                    "{slug}: {} resealed in {seconds:.1} s ({:.0} a second)",
                    job.done - before,
                    (job.done - before) as f64 / seconds.max(0.001)
                );
                check
            }
        };
        report(slug, &check);
        if check.failed > 0 || check.outside > 0 {
            unfinished.push(slug.to_owned());
        }
    }
    if unfinished.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "not every item is in its current key epoch ({}); run again with an identity that opens them",
            unfinished.join(", ")
        )
        .into())
    }
}

fn report(slug: &str, check: &Check) {
    let how = if check.opened {
        "right number of recipients, opened with the identity"
    } else {
        "right number of recipients; the identity is not in the new set, so not opened"
    };
    println!(
        "{slug}: check: {} items pass ({how}), {} fail, {} still in an older epoch",
        check.passed, check.failed, check.outside
    );
}

/// A bar redrawn on a terminal; a line per batch otherwise.
struct Progress<'a> {
    slug: &'a str,
    every: i64,
    terminal: bool,
}

impl<'a> Progress<'a> {
    fn new(slug: &'a str, every: i64) -> Progress<'a> {
        Progress {
            slug,
            every: every.max(1),
            terminal: std::io::stderr().is_terminal(),
        }
    }

    fn show(&mut self, job: &Job) {
        let handled = job.done + job.unreadable + job.skipped;
        // About 200 redraws in all, however many items.
        let step = (job.total / 200).max(1);
        if self.terminal && (handled % step == 0 || handled >= job.total) {
            let width = 30;
            let filled = (handled * width)
                .checked_div(job.total)
                .unwrap_or(width)
                .clamp(0, width);
            let bar = "#".repeat(filled as usize) + &" ".repeat((width - filled) as usize);
            let mut err = std::io::stderr();
            let _ = write!(
                err,
                "\r{}: [{bar}] {handled}/{} ({} unreadable)",
                self.slug, job.total, job.unreadable
            );
            let _ = err.flush();
        } else if !self.terminal && handled % self.every == 0 {
            self.line(job);
        }
    }

    fn line(&self, job: &Job) {
        let handled = job.done + job.unreadable + job.skipped;
        println!(
            "{}: {handled}/{} items ({} resealed, {} unreadable, {} skipped)",
            self.slug, job.total, job.done, job.unreadable, job.skipped
        );
        let _ = std::io::stdout().flush();
    }

    fn end(&self, job: &Job) {
        if self.terminal {
            eprintln!();
        }
        self.line(job);
        println!("{}: job {} {}", self.slug, job.id, job.state);
    }
}
