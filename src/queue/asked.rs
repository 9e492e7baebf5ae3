//! What a queue query asks for (`/staff?service=…&status=…&who=…&order=…&
//! deleted=…&late=…&after=…`), reduced to what the reader may ask for, and the
//! links that keep it.

use serde::Deserialize;

use super::store::{Cursor, QueueFilter, STATUSES, Who};
use crate::staff::StaffSession;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct QueueQuery {
    service: String,
    status: String,
    /// "mine", "untaken", or anything else for all.
    who: String,
    /// "oldest" or "newest"; anything else: oldest first when working
    /// mine or untaken, newest first for all.
    order: String,
    /// Days: only cases deleted within this many (one of `DELETION_WINDOWS`).
    deleted: String,
    /// Where the page starts (`Cursor::text` of the last line before it).
    after: String,
    /// `yes`: only cases waiting past their service's promise.
    late: String,
}

/// The "deleted within" choices of the queue filter, in days. The queue
/// marks cases deleted within the first.
pub const DELETION_WINDOWS: [i64; 2] = [14, 30];

/// The "who" choices: their query values.
pub const WHOS: [&str; 2] = ["mine", "untaken"];

/// The filter a query asks for, reduced to what this reader may ask for.
pub struct Asked {
    pub service: String,
    pub status: String,
    /// "", "mine" or "untaken".
    pub who: &'static str,
    pub oldest: bool,
    pub window: Option<i64>,
    pub after: Option<Cursor>,
    /// Only cases waiting past their service's promise.
    pub late: bool,
}

impl Asked {
    pub fn parse(q: QueueQuery, session: &StaffSession) -> Asked {
        let who = WHOS.into_iter().find(|w| *w == q.who).unwrap_or("");
        Asked {
            service: Some(q.service)
                .filter(|s| session.is_member(s))
                .unwrap_or_default(),
            status: Some(q.status)
                .filter(|s| STATUSES.contains(&s.as_str()))
                .unwrap_or_default(),
            who,
            oldest: match q.order.as_str() {
                "oldest" => true,
                "newest" => false,
                _ => !who.is_empty(),
            },
            window: DELETION_WINDOWS
                .into_iter()
                .find(|d| d.to_string() == q.deleted),
            after: Cursor::parse(&q.after),
            late: q.late == "yes",
        }
    }

    pub fn deleted(&self) -> String {
        self.window.map_or(String::new(), |d| d.to_string())
    }

    /// The services to read: the one asked for, else all of the reader's.
    pub fn services(&self, session: &StaffSession) -> Vec<String> {
        if self.service.is_empty() {
            session.services.clone()
        } else {
            vec![self.service.clone()]
        }
    }

    /// Whose cases, for the store.
    pub fn whose<'a>(&self, session: &'a StaffSession) -> Who<'a> {
        match self.who {
            "mine" => Who::Mine(session.staff.id.as_str()),
            "untaken" => Who::Untaken,
            _ => Who::All,
        }
    }

    /// The query of the page after the one ending at `cursor`: the same
    /// filter, its order written out.
    pub fn next_query(&self, cursor: &Cursor) -> String {
        format!(
            "service={}&status={}&who={}&order={}&deleted={}&late={}&after={}",
            self.service,
            self.status,
            self.who,
            if self.oldest { "oldest" } else { "newest" },
            self.deleted(),
            if self.late { "yes" } else { "" },
            cursor.text(),
        )
    }
}

/// The day `days` from today, as stored.
pub fn in_days(days: i64) -> String {
    crate::db::day(crate::retention::add_days(crate::db::today(), days))
}

/// The store's filter for `asked`; `cut_offs`: each of the reader's
/// services with a promise and its last late opening day.
pub fn filter<'a>(
    asked: &'a Asked,
    session: &'a StaffSession,
    (services, cut_offs): (&'a [String], &'a [(String, String)]),
    deleted_by: &'a str,
) -> QueueFilter<'a> {
    QueueFilter {
        services,
        status: &asked.status,
        who: asked.whose(session),
        oldest: asked.oldest,
        deleted_by,
        after: asked.after.as_ref(),
        late: asked.late.then_some(cut_offs),
    }
}
