//! The accessibility statement (Act on the Provision of Digital Services,
//! 306/2019) and its feedback channel (docs/ACCESSIBILITY.md).
//!
//! The statement's general text (what suoja meets, how it is tested, the
//! known gaps, the supervising authority) is in the locales; the
//! organisation's parts (who it is, who answers feedback and how fast,
//! other contact details, the date) are plain text an admin edits on the
//! web (`admin`) and the config's `[accessibility]` seeds (`store`).
//!
//! Feedback is an anonymous contact request to the service the statement
//! names: the same form token, rate limits, seal and once-shown receipt,
//! as a case of kind `feedback` whose answer-by day (14 days from the
//! case's day) the queue and case page show.

mod admin;
mod feedback;
pub mod store;
mod views;

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use jiff::civil::Date;

use crate::app::AppState;
use crate::i18n::Lang;
use crate::web::{PageError, html};

/// The case kind of accessibility feedback.
pub const KIND: &str = "feedback";

/// Days the law gives to answer accessibility feedback.
pub const REPLY_DAYS: i64 = 14;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/{lang}/accessibility",
            get(statement).post(feedback::submit),
        )
        .route(
            "/{lang}/staff/accessibility",
            get(admin::form).post(admin::save),
        )
}

/// The day feedback opened on `opened_on` must be answered by, as stored
/// (`YYYY-MM-DD`); none for a day that does not parse.
pub fn answer_by(opened_on: &str) -> Option<String> {
    let opened: Date = opened_on.parse().ok()?;
    Some(crate::db::day(crate::retention::add_days(
        opened, REPLY_DAYS,
    )))
}

async fn statement(State(state): State<AppState>, lang: Lang) -> Result<Response, PageError> {
    let stored = store::load(&state.db).await?;
    let view = views::StatementView::new(&state, lang, &stored, feedback::Typed::default());
    Ok(html(StatusCode::OK, &view))
}

#[cfg(test)]
mod tests {
    #[test]
    fn feedback_is_answered_within_two_weeks_of_its_day() {
        assert_eq!(
            super::answer_by("2026-12-06").as_deref(),
            Some("2026-12-20")
        );
        assert_eq!(
            super::answer_by("2026-12-25").as_deref(),
            Some("2027-01-08")
        );
        assert_eq!(super::answer_by("someday"), None);
    }
}
