//! Statistics without surveillance (issue 20): counters per service, month,
//! metric and category, for an organisation's yearly report to its funders.
//!
//! - Events (a contact, a call, a booking, a group sign-up, a no-show, a
//!   first reply, a chat) are counted in memory by [`Tally::count`] and
//!   written, merged, in a transaction of their own within a second
//!   (`tally`). No counter names a case, a person or a day.
//! - A counsellor marks a case with its contact reasons and an outcome
//!   (`mark`): what was marked is kept only inside a sealed note of the
//!   case, and the counters move in a transaction of their own.
//! - Admins edit the list of reasons and outcomes (`categories`) and read
//!   the counts per service and month, a yearly summary and a CSV export
//!   (`page`), where every count from 1 to 4 shows as "< 5" and no total
//!   lets a hidden count be worked out (`suppress`).
//!
//! docs/STATISTICS.md says what is counted, when, and what can and cannot
//! be linked.

mod categories;
mod csv;
pub mod mark;
mod page;
pub mod store;
pub mod suppress;
mod table;
mod tally;
mod views;

use axum::Router;
use axum::routing::{get, post};

use crate::app::AppState;

pub use categories::{Category, Kind};
pub use mark::MarkForm;
pub use tally::Tally;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/{lang}/staff/stats", get(page::page))
        .route("/{lang}/staff/stats/csv", get(page::csv))
        .route(
            "/{lang}/staff/stats/categories",
            get(categories::list).post(categories::add),
        )
        .route(
            "/{lang}/staff/stats/categories/{category}",
            get(categories::edit).post(categories::save),
        )
        .route(
            "/{lang}/staff/stats/categories/{category}/move",
            post(categories::move_one),
        )
        .route(
            "/{lang}/staff/stats/categories/{category}/retire",
            post(categories::retire),
        )
        .route("/{lang}/staff/cases/{id}/mark", post(mark::mark))
}

/// What is counted. Each metric's categories are the language the client
/// used (`fi`, `sv`, `en`), a contact reason or outcome (their ids), or
/// the one category `all`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Metric {
    /// A contact request sent with the form, by the page's language.
    Contacts,
    /// A phone call a counsellor recorded (`all`).
    Calls,
    /// A chat started, by the page's language (the live chat calls
    /// [`Tally::count`] with this).
    Chats,
    /// A time booked, by the page's language.
    Bookings,
    /// A place taken in a group, by the page's language.
    GroupSignups,
    /// A booked time marked as missed (`all`).
    NoShows,
    /// A case's first reply written (`all`).
    Answered,
    /// A case's first reply written within its service's promised answer
    /// time (`all`; `crate::promise`).
    AnsweredInTime,
    /// A contact reason marked on a case.
    Reasons,
    /// An outcome marked on a case.
    Outcomes,
    /// A client's rating of the help, `1` to `5` (`crate::feedback`).
    Ratings,
}

impl Metric {
    /// Every metric, in the page's order.
    pub const ALL: [Metric; 11] = [
        Metric::Contacts,
        Metric::Calls,
        Metric::Chats,
        Metric::Bookings,
        Metric::GroupSignups,
        Metric::NoShows,
        Metric::Answered,
        Metric::AnsweredInTime,
        Metric::Reasons,
        Metric::Outcomes,
        Metric::Ratings,
    ];

    /// The name stored in `stats_counts.metric`.
    pub fn as_str(self) -> &'static str {
        match self {
            Metric::Contacts => "contacts",
            Metric::Calls => "calls",
            Metric::Chats => "chats",
            Metric::Bookings => "bookings",
            Metric::GroupSignups => "group_signups",
            Metric::NoShows => "no_shows",
            Metric::Answered => "answered",
            Metric::AnsweredInTime => "answered_in_time",
            Metric::Reasons => "reasons",
            Metric::Outcomes => "outcomes",
            Metric::Ratings => "ratings",
        }
    }

    pub fn parse(name: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.as_str() == name)
    }

    /// Counted by the language of the page the client used.
    pub fn by_language(self) -> bool {
        matches!(
            self,
            Metric::Contacts | Metric::Chats | Metric::Bookings | Metric::GroupSignups
        )
    }
}

/// The category of a metric counted once, without a breakdown.
pub const ALL: &str = "all";

/// The UTC month of now, `YYYY-MM`: the finest time a counter holds.
pub fn this_month() -> String {
    crate::db::today().strftime("%Y-%m").to_string()
}
