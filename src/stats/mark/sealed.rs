//! The marks as sealed in a case's note, read back with the reader's key,
//! and the difference two markings make to the counters.

use serde::{Deserialize, Serialize};

use crate::app::AppState;
use crate::intake::MessageDoc;
use crate::queue::store::{self as queue_store, Author, CaseMeta};
use crate::seal::{self, Attested, CaseDoc, Place, SenderKey};
use crate::staff::StaffSession;
use crate::stats::Metric;
use crate::stats::tally::{Deltas, Key};
use crate::web::PageError;

/// The author kind bound into the marks' own MAC: not a row's author, so a
/// message's MAC can never pass for the marks' or the other way round.
pub(super) const MARKS_PLACE: &str = "note-stats-marks";

/// What a case is marked with, as sealed in its note (`stats` beside the
/// note's own fields).
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq)]
pub struct Marks {
    /// The month the case was first marked, `YYYY-MM`: its counts stay
    /// there when it is marked again.
    pub month: String,
    /// Reason ids, sorted.
    pub reasons: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
    /// The service's MAC over the marks, the case and the note's row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mac: Option<String>,
}

crate::seal::wipe_on_drop!(Marks: month, reasons, outcome);

impl Attested for Marks {
    fn mac_slot(&mut self) -> &mut Option<String> {
        &mut self.mac
    }
}

impl Marks {
    pub fn same_choice(&self, other: &Marks) -> bool {
        self.reasons == other.reasons && self.outcome == other.outcome
    }
}

/// A marking note as sealed: the note, and the marks beside its fields.
/// Opened as a `MessageDoc` (the thread) it is an ordinary note, whose MAC
/// covers the note's fields only; the marks carry their own.
#[derive(Serialize)]
pub(super) struct MarkingNote<'a> {
    #[serde(flatten)]
    pub note: &'a MessageDoc,
    pub stats: &'a Marks,
}

/// Any note opened for its marks alone.
#[derive(Deserialize)]
struct MarksPart {
    case: String,
    #[serde(default)]
    stats: Option<Marks>,
}

impl CaseDoc for MarksPart {
    fn case_id(&self) -> &str {
        &self.case
    }
}

/// The case's current marks as the reader's key finds them.
pub(super) struct Found {
    /// The latest marks, if the case was marked.
    pub marks: Option<Marks>,
    /// A note the key cannot open: earlier marks may hide in it.
    pub unreadable: bool,
    /// How many messages the thread held when read.
    pub length: usize,
}

/// Reads every note of the case for marks; the latest with a valid MAC
/// counts.
pub(super) async fn find_marks(
    state: &AppState,
    session: &StaffSession,
    meta: &CaseMeta,
) -> Result<Found, PageError> {
    let thread = queue_store::thread(&state.db, &meta.id).await?;
    let keys = [&*session.identity as &dyn age::Identity];
    let sender = SenderKey::new(&state.pepper);
    let mut found = Found {
        marks: None,
        unreadable: false,
        length: thread.len(),
    };
    let mut refused = 0;
    for m in thread.iter().filter(|m| m.author == Author::Note.as_str()) {
        let Some(part) = seal::open_case_doc::<MarksPart>(&m.sealed, &keys, &meta.id)? else {
            found.unreadable = true;
            continue;
        };
        let Some(mut marks) = part.stats else {
            continue;
        };
        let place = Place {
            case: &meta.id,
            message: &m.id,
            author: MARKS_PLACE,
        };
        if sender.verify(place, &mut marks) {
            found.marks = Some(marks);
        } else {
            refused += 1;
        }
    }
    SenderKey::log_refused(refused);
    Ok(found)
}

/// How the counters move from `before` to `after`, in `after`'s month.
pub fn difference(service: &str, before: Option<&Marks>, after: &Marks) -> Deltas {
    let mut deltas = Deltas::new();
    let mut change = |metric: Metric, category: &str, by: i64| {
        let key = Key {
            service: service.to_owned(),
            month: after.month.clone(),
            metric,
            category: category.to_owned(),
        };
        *deltas.entry(key).or_insert(0) += by;
    };
    let no_reasons: &[String] = &[];
    let old = before.map_or(no_reasons, |b| &b.reasons);
    for r in old.iter().filter(|r| !after.reasons.contains(r)) {
        change(Metric::Reasons, r, -1);
    }
    for r in after.reasons.iter().filter(|r| !old.contains(r)) {
        change(Metric::Reasons, r, 1);
    }
    if let Some(o) = before.and_then(|b| b.outcome.as_deref()) {
        change(Metric::Outcomes, o, -1);
    }
    if let Some(o) = after.outcome.as_deref() {
        change(Metric::Outcomes, o, 1);
    }
    deltas.retain(|_, by| *by != 0);
    deltas
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn marks(month: &str, reasons: &[&str], outcome: Option<&str>) -> Marks {
        Marks {
            month: month.into(),
            reasons: reasons.iter().map(|r| (*r).to_owned()).collect(),
            outcome: outcome.map(str::to_owned),
            mac: None,
        }
    }

    fn moved(deltas: &Deltas) -> Vec<(String, &'static str, String, i64)> {
        deltas
            .iter()
            .map(|(k, n)| (k.month.clone(), k.metric.as_str(), k.category.clone(), *n))
            .collect()
    }

    #[test]
    fn a_first_marking_adds_one_to_each_reason_and_the_outcome() {
        let after = marks("2026-12", &["family", "loneliness"], Some("answered"));
        assert_eq!(
            moved(&difference("s", None, &after)),
            [
                ("2026-12".into(), "reasons", "family".into(), 1),
                ("2026-12".into(), "reasons", "loneliness".into(), 1),
                ("2026-12".into(), "outcomes", "answered".into(), 1),
            ]
        );
    }

    #[test]
    fn marking_again_moves_only_what_changed_in_the_first_month() {
        let before = marks("2026-11", &["family", "loneliness"], Some("answered"));
        let after = marks("2026-11", &["loneliness", "violence"], Some("referred"));
        assert_eq!(
            moved(&difference("s", Some(&before), &after)),
            [
                ("2026-11".into(), "reasons", "family".into(), -1),
                ("2026-11".into(), "reasons", "violence".into(), 1),
                ("2026-11".into(), "outcomes", "answered".into(), -1),
                ("2026-11".into(), "outcomes", "referred".into(), 1),
            ]
        );
        assert!(difference("s", Some(&before), &before.clone()).is_empty());
    }
}
