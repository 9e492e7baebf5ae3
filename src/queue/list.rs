//! The queue: the cases of the reader's services, newest first (or oldest
//! first: the working order of "mine" and "untaken"), fifty to a page,
//! each line with a preview opened with the reader's key.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::asked::{self, Asked, DELETION_WINDOWS, QueueQuery, WHOS, in_days};
use super::store::{self, Count, Order, QueueRow, STATUSES};
use super::views::{Filter, QueueLine, QueueView};
use super::{open_doc, service_name};
use crate::app::AppState;
use crate::i18n::Tr;
use crate::intake::MessageDoc;
use crate::intake::views::{show_day, topic_label};
use crate::promise::late;
use crate::staff::StaffSession;
use crate::staff::views::StaffPage;
use crate::web::{PageError, html};

pub async fn queue(
    State(state): State<AppState>,
    session: StaffSession,
    Query(q): Query<QueueQuery>,
) -> Result<Response, PageError> {
    let lang = session.lang;
    let asked = Asked::parse(q, &session);
    let soon = in_days(DELETION_WINDOWS[0]);
    let services = asked.services(&session);
    let deleted_by = asked.window.map_or(String::new(), in_days);
    let cut_offs = late::cut_offs(&state.services, &session.services, crate::db::today());
    let filter = asked::filter(&asked, &session, (&services, &cut_offs), &deleted_by);
    let (rows, more) = store::list(&state.db, &filter).await?;
    let counts = store::counts(&state.db, &session.services).await?;
    let going = store::deleted_by(&state.db, &session.services, &soon).await?;
    let whos = super::taking::who_counts(&state.db, &session.services, &session.staff.id).await?;
    let waiting = match cut_offs.is_empty() {
        true => None,
        false => Some(crate::promise::store::late_count(&state.db, &cut_offs).await?),
    };
    let older = rows.last().filter(|_| more).map(|last| {
        let cursor = store::cursor_of(last, filter.order());
        format!("/{}/staff?{}", lang.code(), asked.next_query(&cursor))
    });
    let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    let mut firsts = crate::intake::store::first_messages(&state.db, &ids).await?;
    // A booking's first message holds the time first booked; a move or a
    // cancel adds a line that says what holds now.
    let bookings: Vec<&str> = rows
        .iter()
        .filter(|r| r.kind == "booking")
        .map(|r| r.id.as_str())
        .collect();
    let mut latest = crate::intake::store::latest_client_lines(&state.db, &bookings).await?;
    let mut lines = rows
        .into_iter()
        .map(|row| {
            let sealed = (firsts.remove(&row.id), latest.remove(&row.id));
            line(&state, &session, row, sealed, &soon)
        })
        .collect::<Result<Vec<_>, _>>()?;
    in_exact_order(&mut lines, filter.order());
    let view = QueueView {
        older,
        lines: lines.into_iter().map(|(_, line)| line).collect(),
        ..frame(&state, &session, &asked, &counts, (going, whos, waiting))
    };
    Ok(html(StatusCode::OK, &view))
}

/// The page's lines of one day, newest (or, oldest first, earliest) first
/// by the time sealed in their first message (the database orders them by
/// day and random id only). Lines whose message did not open keep their
/// place after the day's others.
fn in_exact_order(lines: &mut [(Sorting, QueueLine)], order: Order) {
    // Stable: lines of different days keep the database's order.
    match order {
        Order::Opened => {
            lines.sort_by(|(a, _), (b, _)| b.day.cmp(&a.day).then(b.written_at.cmp(&a.written_at)))
        }
        Order::Oldest => lines.sort_by(|(a, _), (b, _)| {
            let unopened_last = a.written_at.is_none().cmp(&b.written_at.is_none());
            a.day
                .cmp(&b.day)
                .then(unopened_last)
                .then(a.written_at.cmp(&b.written_at))
        }),
        Order::Deleting => {}
    }
}

/// What a line is put in order by within its page.
struct Sorting {
    day: String,
    /// RFC 3339 UTC, from the sealed message: sorts as text.
    written_at: Option<String>,
}

/// One line of the queue, its preview opened with the reader's key: the
/// first message, and for a booking the client's newest line after it.
fn line(
    state: &AppState,
    session: &StaffSession,
    row: QueueRow,
    (first, latest): (Option<Vec<u8>>, Option<Vec<u8>>),
    soon: &str,
) -> Result<(Sorting, QueueLine), PageError> {
    let lang = session.lang;
    let t = Tr::new(lang);
    let opened = first.as_deref().map(|s| open_doc(session, &row.id, s));
    let doc = opened.transpose()?.flatten();
    let latest = latest.as_deref().map(|s| open_doc(session, &row.id, s));
    let latest = latest.transpose()?.flatten();
    let preview = match &doc {
        Some(doc) => preview_of(&t, state, &row.service, doc, latest.as_ref()),
        None => t.t("queue-unreadable"),
    };
    let due = late::Due::of(
        &state.services,
        &row.service,
        (&row.kind, &row.status),
        &row.opened_on,
    );
    let sorting = Sorting {
        day: row.opened_on.clone(),
        written_at: doc.map(|d| d.written_at.clone()),
    };
    let line = QueueLine {
        href: format!("/{}/staff/cases/{}", lang.code(), row.id),
        service: service_name(state, lang, &row.service),
        kind: t.t(&format!("kind-{}", row.kind)),
        status: t.t(&format!("staff-status-{}", row.status)),
        opened: show_day(lang, &row.opened_on),
        updated: show_day(lang, &row.updated_on),
        answer_by: answer_by_line(&t, &row.kind, &row.opened_on)
            .or_else(|| due.as_ref().map(|d| d.line(&t))),
        late: due.as_ref().and_then(|d| d.late_mark(&t)),
        deletes: (row.retain_until.as_str() <= soon).then(|| {
            let day = show_day(lang, &row.retain_until);
            t.t1("queue-deletes-on", "day", &day)
        }),
        unread: row.staff_unread,
        taken: match row.assignee_id.as_deref() {
            None => "free",
            Some(id) if id == session.staff.id => "mine",
            Some(_) => "",
        },
        assignee: row.assignee.unwrap_or_else(|| t.t("case-nobody")),
        preview,
    };
    Ok((sorting, line))
}

/// "Answer by …" for accessibility feedback, from the case's day.
fn answer_by_line(t: &Tr, kind: &str, opened_on: &str) -> Option<String> {
    let day = (kind == crate::accessibility::KIND)
        .then(|| crate::accessibility::answer_by(opened_on))
        .flatten()?;
    Some(t.t1("queue-answer-by", "day", &show_day(t.lang, &day)))
}

/// The queue page without its lines: the filters and the counts.
fn frame(
    state: &AppState,
    session: &StaffSession,
    asked: &Asked,
    counts: &[Count; 4],
    (going, (mine, untaken), waiting): (Count, (Count, Count), Option<Count>),
) -> QueueView {
    let lang = session.lang;
    let t = Tr::new(lang);
    let status_label = |s: &str| t.t(&format!("staff-status-{s}"));
    let within = |d: i64| t.tc("queue-deleted-within", &[], &[("days", d)]);
    let counts = STATUSES
        .iter()
        .zip(counts)
        .map(|(s, n)| {
            let href = format!("/{}/staff?status={s}", lang.code());
            (status_label(s), shown(*n), href)
        })
        .chain(std::iter::once({
            let days = DELETION_WINDOWS[0];
            let href = format!("/{}/staff?deleted={days}", lang.code());
            (within(days), shown(going), href)
        }))
        .chain(WHOS.iter().zip([mine, untaken]).map(|(who, n)| {
            let href = format!("/{}/staff?who={who}", lang.code());
            (t.t(&format!("queue-who-{who}")), shown(n), href)
        }))
        .chain(waiting.map(|n| {
            let href = format!("/{}/staff?late=yes", lang.code());
            (t.t("promise-queue-count"), shown(n), href)
        }))
        .collect();
    QueueView {
        page: StaffPage::titled(lang, "queue-title", "staff", Some(session)),
        services: session
            .services
            .iter()
            .map(|s| Filter {
                value: s.clone(),
                label: service_name(state, lang, s),
                selected: *s == asked.service,
            })
            .collect(),
        statuses: STATUSES
            .iter()
            .map(|s| Filter {
                value: (*s).to_owned(),
                label: status_label(s),
                selected: *s == asked.status,
            })
            .collect(),
        deletions: DELETION_WINDOWS
            .iter()
            .map(|d| Filter {
                value: d.to_string(),
                label: within(*d),
                selected: Some(*d) == asked.window,
            })
            .collect(),
        whos: WHOS
            .iter()
            .map(|w| Filter {
                value: (*w).to_owned(),
                label: t.t(&format!("queue-who-{w}")),
                selected: *w == asked.who,
            })
            .collect(),
        orders: ["newest", "oldest"]
            .iter()
            .map(|o| Filter {
                value: (*o).to_owned(),
                label: t.t(&format!("queue-order-{o}")),
                selected: (*o == "oldest") == asked.oldest,
            })
            .collect(),
        oldest: asked.oldest && asked.window.is_none(),
        csrf: session.csrf.clone(),
        counts,
        lines: vec![],
        older: None,
        no_services: session.services.is_empty(),
    }
}

/// A count as shown: "1000+" once it reached the cap.
fn shown(count: Count) -> String {
    if count.at_least {
        format!("{}+", count.n)
    } else {
        count.n.to_string()
    }
}

/// Topic, name and the start of the text (of `now`, the newest line, when
/// there is one), for a line of the queue.
fn preview_of(
    t: &Tr,
    state: &AppState,
    service: &str,
    doc: &MessageDoc,
    now: Option<&MessageDoc>,
) -> String {
    let service = state.services.get(service);
    let mut parts = vec![];
    if let Some(topic) = &doc.topic {
        let known = service.as_ref().and_then(|s| s.topic(topic));
        parts.push(topic_label(t, known, topic));
    }
    if let Some(name) = &doc.name {
        parts.push(name.clone());
    }
    let shown = &now.unwrap_or(doc).text;
    let mut text: String = shown.chars().take(80).collect();
    if shown.chars().count() > 80 {
        text.push('…');
    }
    parts.push(text);
    parts.join(" · ")
}
