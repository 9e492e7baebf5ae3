//! Cases waiting past their service's promise: the queue's mark, count and
//! filter, and the check behind the daily mail (`crate::notify::late`).

use jiff::civil::Date;

use crate::db::day;
use crate::i18n::Tr;
use crate::intake::views::show_day;
use crate::services::Services;

/// For each of `slugs` whose service makes a promise, the last opening day
/// of its cases that wait past it on `today` (`YYYY-MM-DD`).
pub fn cut_offs(services: &Services, slugs: &[String], today: Date) -> Vec<(String, String)> {
    slugs
        .iter()
        .filter_map(|slug| {
            let days = services.get(slug)?.answer_days?;
            let cut = super::calendar::late_if_opened_by(today, days);
            Some((slug.clone(), day(cut)))
        })
        .collect()
}

/// A queue line's or case page's promise: "Answer by …" for a written
/// contact request still new in a service with a promise, and whether that day has passed.
pub struct Due {
    pub answer_by: String,
    pub late: bool,
}

impl Due {
    pub fn of(
        services: &Services,
        slug: &str,
        (kind, status): (&str, &str),
        opened_on: &str,
    ) -> Option<Due> {
        let service = services.get(slug)?;
        if kind != super::KIND || status != "new" {
            return None;
        }
        let by = super::answer_by(&service, opened_on)?;
        Some(Due {
            answer_by: day(by),
            late: super::is_late(&service, kind, status, opened_on, crate::db::today()),
        })
    }

    /// "Answer by 9.4.2026", in the reader's language.
    pub fn line(&self, t: &Tr) -> String {
        t.t1("queue-answer-by", "day", &show_day(t.lang, &self.answer_by))
    }

    /// The queue's mark for a late case.
    pub fn late_mark(&self, t: &Tr) -> Option<String> {
        self.late.then(|| t.t("promise-queue-late"))
    }
}
