//! Marking a case with its contact reasons and an outcome.
//!
//! What was marked is kept only inside a sealed note of the case, readable
//! by the service's counsellors and the recovery key, as every note is. The
//! note's row, its audit entry ("note") and its size look like any other
//! note's: the database does not say which cases were marked, let alone
//! with what. The counters are changed afterwards, in a transaction of
//! their own, by the difference from the marks read in the case's latest
//! marking note (so marking again never counts a case twice), in the month
//! the case was first marked.
//!
//! The marks carry the service's MAC (as every note does, `seal::sender`),
//! bound to the case and the note's row, so marks written straight into the
//! database are not believed. A key that cannot open one of the case's notes
//! cannot tell what was marked before: it may not mark until the notes are
//! resealed to it.

use std::collections::BTreeSet;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};

use super::categories::{Category, Kind};
use super::tally::{Deltas, Key};
use super::{Metric, store};
use crate::app::AppState;
use crate::i18n::Tr;
use crate::intake::MessageDoc;
use crate::queue::store::{self as queue_store, Author, CaseMeta};
use crate::queue::views::Filter as Choice;
use crate::queue::{Typed, show_case};
use crate::seal::{self, Attested, CaseDoc, Place, SenderKey};
use crate::staff::guard::csrf_forms;
use crate::staff::store::audit;
use crate::staff::{StaffForm, StaffSession};
use crate::web::PageError;

/// The author kind bound into the marks' own MAC: not a row's author, so a
/// message's MAC can never pass for the marks' or the other way round.
const MARKS_PLACE: &str = "note-stats-marks";

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
    fn same_choice(&self, other: &Marks) -> bool {
        self.reasons == other.reasons && self.outcome == other.outcome
    }
}

/// A marking note as sealed: the note, and the marks beside its fields.
/// Opened as a `MessageDoc` (the thread) it is an ordinary note, whose MAC
/// covers the note's fields only; the marks carry their own.
#[derive(Serialize)]
struct MarkingNote<'a> {
    #[serde(flatten)]
    note: &'a MessageDoc,
    stats: &'a Marks,
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
struct Found {
    /// The latest marks, if the case was marked.
    marks: Option<Marks>,
    /// A note the key cannot open: earlier marks may hide in it.
    unreadable: bool,
    /// How many messages the thread held when read.
    length: usize,
}

/// Reads every note of the case for marks; the latest with a valid MAC
/// counts.
async fn find_marks(
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

/// The marking form of the case page.
pub struct MarkForm {
    pub action: String,
    pub reasons: Vec<Choice>,
    pub outcomes: Vec<Choice>,
    /// Whether no outcome is chosen.
    pub no_outcome: bool,
    /// What the case is marked with now, in words.
    pub current: Option<String>,
    /// The reader's key cannot read every note: marking waits.
    pub unreadable: bool,
    pub error: Option<String>,
}

/// The form for the case page: the active reasons and outcomes (and any
/// retired one the case is marked with), its current marks ticked.
pub async fn form(
    state: &AppState,
    session: &StaffSession,
    meta: &CaseMeta,
    error: Option<&'static str>,
) -> Result<MarkForm, PageError> {
    let lang = session.lang;
    let t = Tr::new(lang);
    let found = find_marks(state, session, meta).await?;
    let list = store::categories(&state.db).await?;
    let marks = found.marks.as_ref();
    let reasons: &[String] = marks.map_or(&[], |m| &m.reasons);
    let outcome = marks.and_then(|m| m.outcome.as_deref());
    let choices = |kind: Kind, ticked: &dyn Fn(&str) -> bool| -> Vec<Choice> {
        list.iter()
            .filter(|c| c.kind == kind && (!c.retired || ticked(&c.id)))
            .map(|c| Choice {
                value: c.id.clone(),
                label: c.label(lang, &t),
                selected: ticked(&c.id),
            })
            .collect()
    };
    Ok(MarkForm {
        action: format!("/{}/staff/cases/{}/mark", lang.code(), meta.id),
        reasons: choices(Kind::Reason, &|id| reasons.iter().any(|r| r == id)),
        outcomes: choices(Kind::Outcome, &|id| outcome == Some(id)),
        no_outcome: outcome.is_none(),
        current: marks.map(|m| describe(&t, &list, m)),
        unreadable: found.unreadable,
        error: error.map(|e| t.t(e)),
    })
}

/// "Mental health, Loneliness; outcome: Answered", in the reader's words.
fn describe(t: &Tr, list: &[Category], marks: &Marks) -> String {
    let name = |id: &str| {
        list.iter()
            .find(|c| c.id == id)
            .map_or_else(|| id.to_owned(), |c| c.name(t.lang).to_owned())
    };
    let reasons: Vec<String> = marks.reasons.iter().map(|r| name(r)).collect();
    let reasons = reasons.join(", ");
    match &marks.outcome {
        Some(o) => t.ta(
            "stats-marked-with-outcome",
            &[("reasons", &reasons), ("outcome", &name(o))],
        ),
        None => t.t1("stats-marked", "reasons", &reasons),
    }
}

/// The marking form as sent; `reason` repeats, one per box ticked.
#[derive(Deserialize, Default)]
#[serde(from = "Vec<(String, String)>")]
pub struct RawMarks {
    csrf: String,
    reason: Vec<String>,
    outcome: String,
}

impl From<Vec<(String, String)>> for RawMarks {
    fn from(pairs: Vec<(String, String)>) -> RawMarks {
        let mut raw = RawMarks::default();
        for (key, value) in pairs {
            match key.as_str() {
                "csrf" => raw.csrf = value,
                "reason" if raw.reason.len() < 200 => raw.reason.push(value),
                "outcome" => raw.outcome = value,
                _ => {}
            }
        }
        raw
    }
}

csrf_forms!(RawMarks);

/// Why the marks sent are not taken.
enum Refused {
    /// Shown on the case page.
    Page(&'static str),
    /// Not what the form sends.
    Bad,
}

/// The marks chosen: known reasons (active, or already on the case) and at
/// most one outcome the same way.
fn parse(raw: &RawMarks, list: &[Category], before: Option<&Marks>) -> Result<Marks, Refused> {
    let allowed = |id: &str, kind: Kind, kept: bool| {
        list.iter()
            .any(|c| c.id == id && c.kind == kind && (!c.retired || kept))
    };
    let mut reasons = BTreeSet::new();
    for r in &raw.reason {
        let kept = before.is_some_and(|b| b.reasons.contains(r));
        if !allowed(r, Kind::Reason, kept) {
            return Err(Refused::Bad);
        }
        reasons.insert(r.clone());
    }
    if reasons.is_empty() {
        return Err(Refused::Page("stats-mark-error-reason"));
    }
    let outcome = match raw.outcome.as_str() {
        "" => None,
        o => {
            let kept = before.is_some_and(|b| b.outcome.as_deref() == Some(o));
            if !allowed(o, Kind::Outcome, kept) {
                return Err(Refused::Bad);
            }
            Some(o.to_owned())
        }
    };
    Ok(Marks {
        month: super::this_month(),
        reasons: reasons.into_iter().collect(),
        outcome,
        mac: None,
    })
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

/// Tries this many times when someone else writes to the case meanwhile.
const ATTEMPTS: usize = 3;

pub async fn mark(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, String)>,
    StaffForm { session, form: raw }: StaffForm<RawMarks>,
) -> Result<Response, PageError> {
    let meta = queue_store::case_for(&state.db, &session.staff.id, &id)
        .await?
        .ok_or(PageError::Forbidden)?;
    let list = store::categories(&state.db).await?;
    for _ in 0..ATTEMPTS {
        let found = find_marks(&state, &session, &meta).await?;
        if found.unreadable {
            return refuse(&state, &session, meta, "stats-mark-error-unreadable").await;
        }
        let before = found.marks.as_ref();
        let mut marks = match parse(&raw, &list, before) {
            Ok(marks) => marks,
            Err(Refused::Bad) => return Err(PageError::BadRequest),
            Err(Refused::Page(error)) => return refuse(&state, &session, meta, error).await,
        };
        if let Some(before) = before {
            if before.same_choice(&marks) {
                return Ok(back(&session, &meta));
            }
            marks.month.clone_from(&before.month);
        }
        let text = describe(&Tr::new(session.lang), &list, &marks);
        if add_note(&state, &session, &meta, found.length, text, &mut marks).await? {
            store::add(&state.db, &difference(&meta.service, before, &marks)).await?;
            return Ok(back(&session, &meta));
        }
    }
    Err(PageError::internal(
        "a case's thread kept changing while marks were saved",
    ))
}

fn back(session: &StaffSession, meta: &CaseMeta) -> Response {
    let lang = session.lang.code();
    let to = format!("/{lang}/staff/cases/{}?done=marked#marks", meta.id);
    Redirect::to(&to).into_response()
}

async fn refuse(
    state: &AppState,
    session: &StaffSession,
    meta: CaseMeta,
    error: &'static str,
) -> Result<Response, PageError> {
    let typed = Typed {
        mark_error: Some(error),
        ..Typed::default()
    };
    show_case(
        state,
        session,
        meta,
        StatusCode::UNPROCESSABLE_ENTITY,
        typed,
    )
    .await
}

/// Seals the marks in a note (staff keys only) and adds it to the case, in
/// the case's transaction, if the thread is as long as when the earlier
/// marks were read; false if it is not (read them again).
async fn add_note(
    state: &AppState,
    session: &StaffSession,
    meta: &CaseMeta,
    length: usize,
    text: String,
    marks: &mut Marks,
) -> Result<bool, PageError> {
    let keys = state.service_keys(&meta.service)?;
    let name = Some(session.staff.display_name.clone());
    let mut note = MessageDoc::follow_up(&meta.id, &meta.service, name, text);
    let id = crate::db::new_id();
    let sender = SenderKey::new(&state.pepper);
    let place = |author| Place {
        case: &meta.id,
        message: &id,
        author,
    };
    sender
        .sign(place(Author::Note.as_str()), &mut note)
        .map_err(PageError::internal)?;
    sender
        .sign(place(MARKS_PLACE), marks)
        .map_err(PageError::internal)?;
    let doc = MarkingNote {
        note: &note,
        stats: marks,
    };
    let sealed = state.seal(&keys.envelope, &doc).await?;
    let rules = state.services.retention_of(&meta.service);
    let mut tx = state.db.pool.begin().await?;
    if !store::thread_unchanged(&mut tx, &meta.id, length).await? {
        tx.rollback().await?;
        return Ok(false);
    }
    let message = queue_store::Stored {
        id: &id,
        case_id: &meta.id,
        author: Author::Note,
        key_epoch: keys.epoch,
        sealed: &sealed,
    };
    queue_store::add_message_as(&mut tx, message, rules).await?;
    // Audited as the note it is: an entry of its own would tell which cases
    // were marked, and when.
    let (service, case) = (Some(meta.service.as_str()), Some(meta.id.as_str()));
    audit(&mut tx, &session.staff.id, "note", service, case).await?;
    tx.commit().await?;
    Ok(true)
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
