//! The feedback form as the check page and the chat's ended page show it.

use super::{COMMENT_FIELD, COMMENT_MAX, RATINGS, Typed};
use crate::i18n::Tr;
use crate::intake::views::{Choice, Thread};

/// The form, or, once the case is rated, what was sent.
pub struct FeedbackForm {
    pub action: String,
    /// Hidden fields: the receipt or the ticket, and the token.
    pub hidden: Vec<(&'static str, String)>,
    pub options: Vec<Choice>,
    pub comment: String,
    pub comment_max: usize,
    pub rating_error: Option<String>,
    pub comment_error: Option<String>,
    /// For the page's error summary: (field id, message), in order.
    pub summary: Vec<(&'static str, String)>,
    /// The case was rated: what the client gave, instead of the form.
    pub done: Option<String>,
}

impl FeedbackForm {
    /// The form to `action` with `hidden` fields and what was typed.
    pub fn new(
        t: &Tr,
        action: String,
        hidden: Vec<(&'static str, String)>,
        typed: &Typed,
    ) -> FeedbackForm {
        let chosen = typed.rating.trim();
        let options = RATINGS
            .into_iter()
            .map(|r| Choice {
                value: r.to_string(),
                label: t.t(&format!("feedback-rating-{r}")),
                selected: chosen == r.to_string(),
            })
            .collect();
        let (mut rating_error, mut comment_error, mut summary) = (None, None, vec![]);
        for (field, id) in &typed.errors {
            let text = t.t(id);
            if *field == COMMENT_FIELD {
                comment_error = Some(text.clone());
            } else {
                rating_error = Some(text.clone());
            }
            summary.push((*field, text));
        }
        FeedbackForm {
            action,
            hidden,
            options,
            comment: typed.comment.clone(),
            comment_max: COMMENT_MAX,
            rating_error,
            comment_error,
            summary,
            done: None,
        }
    }

    /// What a rated case's page says instead of the form.
    pub fn rated(t: &Tr, rating: u8) -> FeedbackForm {
        let mut form = FeedbackForm::new(t, String::new(), vec![], &Typed::default());
        let label = t.t(&format!("feedback-rating-{rating}"));
        form.done = Some(t.t1("feedback-done", "rating", &label));
        form
    }
}

/// Where a client's thread stands for feedback.
pub enum ThreadState {
    /// No answer yet and not closed: nothing to rate.
    NotYet,
    Open,
    /// Rated before, with this rating.
    Rated(u8),
}

/// Whether the thread can be rated: a reply from a counsellor, or a closed case,
/// and no feedback of the client's in it yet.
pub fn thread_state(thread: &Thread) -> ThreadState {
    let given = thread
        .messages
        .iter()
        .filter(|m| m.from_client)
        .find_map(|m| m.doc.feedback.filter(|r| RATINGS.contains(r)));
    if let Some(rating) = given {
        return ThreadState::Rated(rating);
    }
    // A counsellor's reply: not the service's automatic reply, not the
    // line a hand-over adds.
    let answered = thread
        .messages
        .iter()
        .any(|m| !m.from_client && !m.automatic && m.doc.handed.is_none());
    if answered || thread.case.status == "closed" {
        ThreadState::Open
    } else {
        ThreadState::NotYet
    }
}
