//! The schedule page: bookings decrypted with the counsellor's key and
//! grouped by their local day. Everything shown is text prepared here.

use askama::Template;

use super::{Typed, Window};
use crate::app::AppState;
use crate::booking::store::ScheduleRow;
use crate::booking::{find_service, show_day, show_when, time};
use crate::i18n::Tr;
use crate::intake::views::topic_label;
use crate::intake::{ContactWay, MessageDoc};
use crate::seal;
use crate::staff::StaffSession;
use crate::staff::views::StaffPage;
use crate::web::PageError;

/// A seat of the window with the case the reader's key found for it and
/// that case's sealed first message.
pub struct Row {
    pub seat: ScheduleRow,
    pub case: Option<String>,
    pub first: Option<Vec<u8>>,
}

/// One booking as the schedule lists it.
pub struct Entry {
    pub id: String,
    pub when: String,
    pub service: String,
    pub state: String,
    pub current: bool,
    /// A single time (not a group): it can be marked done or missed.
    pub single: bool,
    pub readable: bool,
    pub call: String,
    pub phone: Option<String>,
    pub name: Option<String>,
    pub topic: Option<String>,
    /// The case's page, when the reader's key found the case.
    pub case_href: Option<String>,
    pub outcome_action: String,
    pub cancel_action: String,
    pub typed: String,
    pub error: Option<String>,
}

pub struct ScheduleDay {
    pub heading: String,
    pub entries: Vec<Entry>,
}

#[derive(Template)]
#[template(path = "staff_schedule.html")]
pub struct ScheduleView {
    pub page: StaffPage,
    pub csrf: String,
    pub heading: String,
    pub days: Vec<ScheduleDay>,
    pub day_href: String,
    pub week_href: String,
    pub previous_href: String,
    pub next_href: String,
    pub day_value: String,
    pub span_value: &'static str,
    pub notice: Option<String>,
    pub error: Option<String>,
}

/// Opens a case's first message with the counsellor's key; `None` if it
/// was sealed before they had access.
fn open_first(session: &StaffSession, row: &Row) -> Result<Option<MessageDoc>, PageError> {
    let (Some(sealed), Some(case)) = (&row.first, &row.case) else {
        return Ok(None);
    };
    let keys = [&*session.identity as &dyn age::Identity];
    Ok(seal::open_case_doc(sealed, &keys, case)?)
}

fn entry(
    t: &Tr,
    state: &AppState,
    session: &StaffSession,
    full: &Row,
    typed: &Typed,
) -> Result<Option<(jiff::civil::Date, Entry)>, PageError> {
    let row = &full.seat;
    let Some(service) = find_service(state, &row.service) else {
        return Ok(None);
    };
    let Some(local) = time::local(&service.time_zone, row.starts_at) else {
        return Ok(None);
    };
    let doc = open_first(session, full)?;
    let lang = t.lang.code();
    let mine = typed.booking_id == row.seat_id;
    let call = doc
        .as_ref()
        .and_then(|d| d.booking.as_ref())
        // A group meets at its times: nobody calls.
        .filter(|_| !row.is_group)
        .map(|b| t.t(&format!("schedule-call-{}", b.call)))
        .unwrap_or_default();
    let phone = match doc.as_ref().and_then(|d| d.contact.as_ref()) {
        Some(ContactWay::Phone(p)) => Some(p.clone()),
        _ => None,
    };
    let base = format!("/{lang}/staff/schedule/bookings/{}", row.seat_id);
    Ok(Some((
        local.date(),
        Entry {
            id: row.seat_id.clone(),
            when: show_when(t, &service, row.starts_at, row.ends_at),
            service: service.name_in(t.lang).to_owned(),
            state: t.t(&format!("booking-state-{}", row.state)),
            current: row.state == "booked",
            single: !row.is_group,
            readable: doc.is_some(),
            call,
            phone,
            name: doc.as_ref().and_then(|d| d.name.clone()),
            topic: doc
                .as_ref()
                .and_then(|d| d.topic.as_ref())
                .map(|id| topic_label(t, service.topic(id), id)),
            case_href: full
                .case
                .as_ref()
                .map(|c| format!("/{lang}/staff/cases/{c}")),
            outcome_action: format!("{base}/outcome"),
            cancel_action: format!("{base}/cancel"),
            typed: if mine {
                typed.text.clone()
            } else {
                String::new()
            },
            error: typed.error.filter(|_| mine).map(|e| t.t(e)),
        },
    )))
}

/// The entries of the window, under a heading for each local day.
fn days_of(
    t: &Tr,
    state: &AppState,
    session: &StaffSession,
    window: Window,
    rows: &[Row],
    typed: &Typed,
) -> Result<Vec<ScheduleDay>, PageError> {
    let mut days: Vec<ScheduleDay> = Vec::new();
    let mut last = None;
    for row in rows {
        let Some((day, e)) = entry(t, state, session, row, typed)? else {
            continue;
        };
        if day < window.first || day > window.last() {
            continue;
        }
        if last != Some(day) {
            last = Some(day);
            days.push(ScheduleDay {
                heading: show_day(t, day),
                entries: vec![],
            });
        }
        if let Some(d) = days.last_mut() {
            d.entries.push(e);
        }
    }
    Ok(days)
}

impl ScheduleView {
    pub fn new(
        state: &AppState,
        session: &StaffSession,
        window: Window,
        rows: Vec<Row>,
        notice: Option<&'static str>,
        typed: Typed,
    ) -> Result<ScheduleView, PageError> {
        let lang = session.lang;
        let t = Tr::new(lang);
        let days = days_of(&t, state, session, window, &rows, &typed)?;
        let heading = if window.week {
            t.ta(
                "schedule-week-of",
                &[
                    ("first", &show_day(&t, window.first)),
                    ("last", &show_day(&t, window.last())),
                ],
            )
        } else {
            show_day(&t, window.first)
        };
        let link = |w: Window| format!("/{}/staff/schedule?{}", lang.code(), w.query());
        let step = window.days();
        let day_window = Window {
            first: window.first,
            week: false,
        };
        let week_window = Window {
            first: window.first,
            week: true,
        };
        let mut page = StaffPage::titled(lang, "schedule-title", "staff/schedule", Some(session));
        let error = typed.error.map(|_| t.t("schedule-error-summary"));
        if error.is_some() {
            page.title = t.t1("title-with-error", "title", &page.title);
        }
        Ok(ScheduleView {
            page,
            csrf: session.csrf.clone(),
            heading,
            days,
            day_href: link(day_window),
            week_href: link(week_window),
            previous_href: link(Window {
                first: window.shifted(-step),
                ..window
            }),
            next_href: link(Window {
                first: window.shifted(step),
                ..window
            }),
            day_value: window.first.to_string(),
            span_value: if window.week { "week" } else { "day" },
            notice: notice.map(|n| t.t(n)),
            error,
        })
    }
}
