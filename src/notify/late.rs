//! The daily notice that some cases of a service wait past its promised
//! answer time (`crate::promise`). It says only that: no count, no case,
//! no day. Each batch tick asks, for each service with a promise not yet
//! handled today, one question (is any new case opened on or before the
//! last late day?), and each member hears of a service at most once a UTC
//! day: the day is claimed in `late_notices` before the mail is sent, so
//! of several instances only one mails, and a failed send gives it back.

use std::collections::{BTreeMap, BTreeSet};
use std::time::SystemTime;

use jiff::civil::Date;
use lettre::AsyncTransport;
use lettre::message::Mailbox;

use super::{Batcher, mail, store};
use crate::config::Localized;
use crate::promise::{calendar, store as promise_store};

/// The subject, intro and outro of the notice.
pub const LATE: mail::Texts = [
    "promise-notify-subject",
    "promise-notify-intro",
    "notify-outro",
];

/// The services this instance has handled today: told whoever was to be
/// told, so not asked again until tomorrow.
#[derive(Default)]
pub(super) struct Done {
    day: Option<Date>,
    services: BTreeSet<String>,
}

/// A member's address, and the services (with their member id, for the
/// claim) to tell them of.
type ByAddress = BTreeMap<String, (Mailbox, Vec<(String, String)>)>;

pub(super) async fn check(b: &Batcher, done: &mut Done) {
    let today = crate::db::today();
    if done.day != Some(today) {
        *done = Done {
            day: Some(today),
            services: BTreeSet::new(),
        };
    }
    let by_address = claims(b, done, today).await;
    let catalog = b.services.current();
    let mut sent = 0usize;
    for (mailbox, claimed) in by_address.into_values() {
        let names: Vec<&Localized> = catalog
            .iter()
            .filter(|s| claimed.iter().any(|(slug, _)| *slug == s.slug))
            .map(|s| &s.name)
            .collect();
        let sent_ok = match mail::compose_with(LATE, &b.from, mailbox, &names, SystemTime::now()) {
            Ok(message) => match b.transport.send(message).await {
                Ok(_) => true,
                Err(e) => {
                    tracing::warn!(
                        kind = mail::error_kind(&e),
                        code = e.status().map(|c| c.to_string()),
                        "a late notice was not sent; it is tried again"
                    );
                    false
                }
            },
            Err(_) => {
                tracing::warn!("a late notice could not be composed");
                false
            }
        };
        if sent_ok {
            sent += 1;
            continue;
        }
        for (slug, staff_id) in &claimed {
            if let Err(e) = promise_store::unclaim_notice(&b.db, slug, staff_id).await {
                tracing::warn!(service = %slug, error = %e, "a late notice's claim stays");
            }
            done.services.remove(slug);
        }
    }
    if sent > 0 {
        tracing::debug!(mails = sent, "late notices");
    }
}

/// Whom to tell of which late services today, each member's day claimed.
async fn claims(b: &Batcher, done: &mut Done, today: Date) -> ByAddress {
    let day = crate::db::day(today);
    let mut by_address = ByAddress::new();
    let catalog = b.services.current();
    for service in catalog.iter().filter(|s| !s.retired) {
        if done.services.contains(&service.slug) {
            continue;
        }
        let Some(days) = service.answer_days else {
            continue;
        };
        let slug = &service.slug;
        let cut = crate::db::day(calendar::late_if_opened_by(today, days));
        match promise_store::any_late(&b.db, slug, &cut).await {
            Ok(true) => {}
            Ok(false) => continue,
            Err(e) => {
                tracing::warn!(service = %slug, error = %e, "could not check for late cases");
                continue;
            }
        }
        let found = match store::recipients(&b.db, slug).await {
            Ok(found) => found,
            Err(e) => {
                tracing::warn!(service = %slug, error = %e, "could not find whom to notify");
                continue;
            }
        };
        done.services.insert(slug.clone());
        for r in found {
            let Ok(mailbox) = r.email.trim().parse::<Mailbox>() else {
                tracing::warn!(staff = %r.staff_id, "staff e-mail address is not valid; no notice");
                continue;
            };
            match promise_store::claim_notice(&b.db, slug, &r.staff_id, &day).await {
                Ok(true) => {}
                Ok(false) => continue,
                Err(e) => {
                    tracing::warn!(service = %slug, error = %e, "could not claim a late notice");
                    done.services.remove(slug);
                    continue;
                }
            }
            by_address
                .entry(mailbox.email.to_string())
                .or_insert_with(|| (mailbox, vec![]))
                .1
                .push((slug.clone(), r.staff_id));
        }
    }
    by_address
}
