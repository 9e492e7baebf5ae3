//! Page models for the queue and the case page.

use askama::Template;

use crate::intake::views::ShownMessage;
use crate::staff::views::StaffPage;

pub struct Filter {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub struct QueueLine {
    pub href: String,
    pub service: String,
    pub kind: String,
    pub status: String,
    pub opened: String,
    pub updated: String,
    /// "Answer by …", for accessibility feedback (the law's two weeks).
    pub answer_by: Option<String>,
    /// "Past the promised time", for a case waiting past its service's
    /// promise (`crate::promise`).
    pub late: Option<String>,
    /// "Deleted on …", for cases deleted soon.
    pub deletes: Option<String>,
    pub unread: bool,
    pub assignee: String,
    /// Whose it is to the reader: "mine", "free" or "" (another's).
    pub taken: &'static str,
    pub preview: String,
}

#[derive(Template)]
#[template(path = "staff_queue.html")]
pub struct QueueView {
    pub page: StaffPage,
    pub services: Vec<Filter>,
    pub statuses: Vec<Filter>,
    pub deletions: Vec<Filter>,
    /// Mine / untaken (all is the empty choice).
    pub whos: Vec<Filter>,
    /// Newest / oldest first.
    pub orders: Vec<Filter>,
    /// The page goes oldest first: its next page holds newer cases.
    pub oldest: bool,
    /// For the "Take" buttons of untaken lines.
    pub csrf: String,
    /// (status label, count, link to the filtered queue)
    pub counts: Vec<(String, String, String)>,
    pub lines: Vec<QueueLine>,
    pub older: Option<String>,
    pub no_services: bool,
}

#[derive(Template)]
#[template(path = "staff_case.html")]
pub struct CaseView {
    pub page: StaffPage,
    pub action: String,
    pub csrf: String,
    pub service: String,
    pub kind: String,
    pub status: String,
    pub opened: String,
    pub updated: String,
    /// For accessibility feedback, or a new case of a service with a
    /// promise: the day it must be answered by.
    pub answer_by: Option<String>,
    /// Where the answer-by day comes from (the law, the service's promise).
    pub answer_by_hint: String,
    /// "Past the promised time", when the promise's day has passed.
    pub late: Option<String>,
    pub retain_until: String,
    /// How the deletion day is reckoned for this service.
    pub retention_rule: String,
    pub assignee: String,
    pub messages: Vec<(ShownMessage, &'static str)>,
    pub unreadable: usize,
    pub statuses: Vec<Filter>,
    pub members: Vec<Filter>,
    pub reply_text: String,
    pub note_text: String,
    pub error: Option<String>,
    pub notice: Option<String>,
    /// Marking the case for the statistics.
    pub marks: crate::stats::MarkForm,
    /// Whether the reader may take the case or give it back.
    pub taking: Taking,
    /// The service's canned replies to insert into the reply.
    pub canned: crate::canned::CannedChoice,
    /// Handing the case to another service.
    pub handover: super::handover::HandoverForm,
}

/// The case's taking, for the reader: free to take, theirs (to give back),
/// or (neither) another's.
pub struct Taking {
    pub free: bool,
    pub mine: bool,
}

#[derive(Template)]
#[template(path = "staff_not_saved.html")]
pub struct NotSavedView {
    pub page: StaffPage,
    pub text: String,
}
