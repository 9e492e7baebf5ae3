//! Client feedback (issue 20): once a case has an answer, or a chat with a
//! counsellor has ended, the client may rate the help from 1 to 5 and add
//! a comment, once per case (docs/STATISTICS.md, "Client feedback").
//!
//! - The rating is counted as a statistics counter (`Metric::Ratings`,
//!   category `1`..`5`) through [`crate::stats::Tally::count`]: in a
//!   transaction of its own, linked to no case.
//! - The rating and the comment are sealed into the case as a client
//!   message marked as feedback (`MessageDoc::feedback`): to the service's
//!   keys, the recovery key and the client's own key, so the counsellors
//!   read "Feedback from the client" in the thread and the client reads
//!   what they sent. No rating is stored next to a case in the clear.
//! - "This case was rated" is a keyed hash of the case id among the spent
//!   form nonces (`abuse::spend_once`): a second rating is refused, and
//!   without the pepper no row tells which case was rated.
//! - A comment marks the case unread for staff (it should be read) but
//!   changes no status; a bare rating changes neither: it reopens nothing.
//!
//! The check page carries the receipt in the form's POST body (`check`);
//! the chat's ended page, whose cookie and key are gone, carries a ticket
//! (`ticket`): the case id sealed under a pepper-derived key, bound to the
//! form's single-use token, never in a URL.

mod chat;
mod check;
mod store;
mod ticket;
pub mod views;

use axum::Router;
use axum::routing::post;

use crate::app::AppState;
use crate::i18n::Lang;
use crate::intake::MessageDoc;
use crate::web::PageError;

pub use chat::ended_form;
pub use check::form_for as check_form;
pub use views::FeedbackForm;

/// The ratings, from "not at all helpful" to "very helpful".
pub const RATINGS: [u8; 5] = [1, 2, 3, 4, 5];

/// The longest comment, in characters.
pub const COMMENT_MAX: usize = 2000;

/// Scope of the form token on the check page's feedback form.
pub const CHECK_SCOPE: &str = "client-feedback";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/{lang}/check/feedback", post(check::send))
        .route("/{lang}/chat/feedback", post(chat::send))
}

/// What the client sent, as typed. No `Debug`: it holds their comment.
#[derive(Default)]
pub struct Typed {
    pub rating: String,
    pub comment: String,
    /// What to fix: (field id, message id), in the form's order.
    pub errors: Vec<(&'static str, &'static str)>,
}

crate::seal::wipe_on_drop!(Typed: rating, comment);

/// The field ids of the form (the error summary links to them).
pub const RATING_FIELD: &str = "rating-1";
pub const COMMENT_FIELD: &str = "feedback-comment";

/// A rating and its comment that may be taken.
pub struct Entry {
    pub rating: u8,
    pub comment: String,
}

impl Typed {
    /// The rating and the comment (trimmed), or all that is wrong with them.
    pub fn parse(&self) -> Result<Entry, Vec<(&'static str, &'static str)>> {
        let rating = self
            .rating
            .trim()
            .parse::<u8>()
            .ok()
            .filter(|r| RATINGS.contains(r));
        let comment = self.comment.trim();
        let mut errors = vec![];
        if rating.is_none() {
            errors.push((RATING_FIELD, "feedback-error-rating"));
        }
        if comment.chars().count() > COMMENT_MAX {
            errors.push((COMMENT_FIELD, "feedback-error-comment-long"));
        }
        match rating {
            Some(rating) if errors.is_empty() => Ok(Entry {
                rating,
                comment: comment.to_owned(),
            }),
            _ => Err(errors),
        }
    }

    /// What was typed, handed back with why it was not taken.
    pub fn with_errors(mut self, errors: Vec<(&'static str, &'static str)>) -> Typed {
        self.errors = errors;
        self
    }
}

/// How a rating went.
#[derive(Debug, PartialEq, Eq)]
pub enum Recorded {
    Done,
    /// This case was rated before.
    Already,
    /// The case is gone (purged meanwhile).
    Gone,
}

/// A case and who may read what is sealed into it.
pub struct Rated<'a> {
    pub case_id: &'a str,
    pub service: &'a str,
    pub client: age::x25519::Recipient,
}

/// Takes a rating for a case: sealed first, then "rated" recorded (its
/// own commit, so two at once take one), then the sealed message in the
/// case's transaction (a failure there takes "rated" back, so the client
/// may try again), then the counter, in a transaction of its own.
pub async fn record(
    state: &AppState,
    case: Rated<'_>,
    entry: Entry,
    lang: Lang,
) -> Result<Recorded, PageError> {
    let rules = state.services.retention_of(case.service);
    // Kept as long as a case of any service could live without another
    // word: one span for every marker, so its last day names no service.
    let longest = state
        .services
        .current()
        .iter()
        .map(|s| s.retention.days.max(s.retention.closed_days))
        .max()
        .unwrap_or(rules.days);
    let span = jiff::Span::new().days(i64::from(longest) + 1);
    let today = crate::db::today();
    let last_day = today.checked_add(span).unwrap_or(today);
    let keys = state.service_keys(case.service)?;
    let commented = !entry.comment.is_empty();
    let mut doc =
        MessageDoc::follow_up(case.case_id, case.service, None, entry.comment).written_from(lang);
    doc.feedback = Some(entry.rating);
    let envelope = keys.envelope.with(case.client);
    let sealed = state.seal(&envelope, &doc).await?;
    let what = format!("feedback:{}", case.case_id);
    if !crate::abuse::spend_once(&state.spent, &state.form_key, &what, last_day).await? {
        tracing::debug!("a case was rated again");
        return Ok(Recorded::Already);
    }
    let message = store::Feedback {
        case_id: case.case_id,
        key_epoch: keys.epoch,
        sealed: &sealed,
        commented,
    };
    let stored = async {
        let mut tx = state.db.pool.begin().await?;
        let added = store::add(&mut tx, message, rules).await?;
        tx.commit().await?;
        Ok::<bool, sqlx::Error>(added)
    }
    .await;
    if !matches!(stored, Ok(true)) {
        if let Err(undo) = crate::abuse::unspend_once(&state.db, &state.form_key, &what).await {
            tracing::warn!(error = %undo, "a rating that was not stored stays marked as given");
        }
        return stored.map(|_| Recorded::Gone).map_err(PageError::from);
    }
    if commented {
        state.notifier.activity(case.service);
    }
    let category = entry.rating.to_string();
    state
        .stats
        .count(case.service, crate::stats::Metric::Ratings, &category);
    Ok(Recorded::Done)
}
