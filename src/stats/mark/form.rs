//! The marking form on the case page.

use super::sealed::{Marks, find_marks};
use crate::app::AppState;
use crate::i18n::Tr;
use crate::queue::store::CaseMeta;
use crate::queue::views::Filter as Choice;
use crate::staff::StaffSession;
use crate::stats::categories::{Category, Kind};
use crate::stats::store;
use crate::web::PageError;

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
pub(super) fn describe(t: &Tr, list: &[Category], marks: &Marks) -> String {
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
