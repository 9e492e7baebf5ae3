//! A service's promise (issue 20): it answers a new case within so many
//! working days (`calendar`), may send an automatic first reply
//! (`auto_reply`), and its counsellors are reminded of cases waiting past
//! the promise, in the queue and by mail (`late`). docs/WORKDAY.md
//! says how it behaves.

pub mod auto_reply;
pub mod calendar;
pub mod form;
pub mod late;
pub mod store;

use jiff::civil::Date;

use crate::config::Service;

/// The day a case of `service` opened on `opened_on` (`YYYY-MM-DD`) is to
/// be answered by; none without a promise or for a day that does not parse.
pub fn answer_by(service: &Service, opened_on: &str) -> Option<Date> {
    let days = service.answer_days?;
    let opened: Date = opened_on.parse().ok()?;
    Some(calendar::add_working_days(opened, days))
}

/// The kind of case a promise is about: a written contact request (a
/// booking is answered at its time, a chat while it runs, accessibility
/// feedback by the law's two weeks).
pub const KIND: &str = "contact";

/// Whether a case waits past its service's promise on `today`: a written
/// contact request still `new` (no counsellor has replied or taken it up)
/// whose answer-by day has passed. A case a counsellor set to "being handled" without a reply
/// is not late: that status says someone is on it, and a client's message
/// after a reply reopens a case as "being handled", not "new".
pub fn is_late(service: &Service, kind: &str, status: &str, opened_on: &str, today: Date) -> bool {
    kind == KIND && status == "new" && answer_by(service, opened_on).is_some_and(|day| day < today)
}

/// Whether a first reply written on `today` to a case opened on
/// `opened_on` keeps the promise: on or before the answer-by day.
pub fn kept(service: &Service, opened_on: &str, today: Date) -> bool {
    answer_by(service, opened_on).is_some_and(|day| today <= day)
}
