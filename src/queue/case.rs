//! The case page: the thread opened with the reader's key, the case's
//! facts, and the forms to reply, note, set the status and assign.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::store::{self, CaseMeta, STATUSES};
use super::views::{CaseView, Filter, Taking};
use super::{find_case, open_doc, service_name};
use crate::app::AppState;
use crate::booking::line::Audience;
use crate::i18n::Tr;
use crate::intake::MessageDoc;
use crate::intake::views::{ShownMessage, message_for, show_day};
use crate::seal::{Place, SenderKey};
use crate::staff::StaffSession;
use crate::staff::store::{audit, members_of};
use crate::staff::views::StaffPage;
use crate::web::{PageError, html};

/// What a counsellor typed, handed back with an error or a notice.
#[derive(Default)]
pub struct Typed {
    pub reply: String,
    pub note: String,
    pub error: Option<&'static str>,
    pub notice: Option<&'static str>,
    /// What is wrong with the marks sent for the statistics.
    pub mark_error: Option<&'static str>,
    /// The canned reply just inserted (chosen again in its select).
    pub canned: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NoticeQuery {
    done: String,
}

pub async fn case_page(
    State(state): State<AppState>,
    session: StaffSession,
    Path((_, id)): Path<(String, String)>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, PageError> {
    let meta = find_case(&state, &session, &id).await?;
    let mut conn = state.db.pool.acquire().await?;
    let (service, case) = (Some(meta.service.as_str()), Some(meta.id.as_str()));
    audit(&mut conn, &session.staff.id, "open_case", service, case).await?;
    drop(conn);
    store::mark_read_by_staff(&state.db, &meta.id).await?;
    let notice = match q.done.as_str() {
        "reply" => Some("case-done-reply"),
        "note" => Some("case-done-note"),
        "status" => Some("case-done-status"),
        "assign" => Some("case-done-assign"),
        "taken" => Some("case-done-taken"),
        "already-taken" => Some("case-taken-by-other"),
        "released" => Some("case-done-released"),
        "not-yours" => Some("case-not-yours"),
        "marked" => Some("stats-mark-done"),
        _ => None,
    };
    let typed = Typed {
        notice,
        ..Typed::default()
    };
    show_case(&state, &session, meta, StatusCode::OK, typed).await
}

/// The thread as the reader may see it, and how many messages their key
/// cannot open (sealed before they had access).
async fn thread(
    state: &AppState,
    session: &StaffSession,
    meta: &CaseMeta,
) -> Result<(Vec<(ShownMessage, &'static str)>, usize), PageError> {
    let t = Tr::new(session.lang);
    let service = state.services.get(&meta.service);
    let mut messages = vec![];
    let mut unreadable = 0;
    let sender = SenderKey::new(&state.pepper);
    let mut refused = 0;
    for m in store::thread(&state.db, &meta.id).await? {
        let Some(mut doc) = open_doc(session, &meta.id, &m.sealed)? else {
            unreadable += 1;
            continue;
        };
        let place = Place {
            case: &meta.id,
            message: &m.id,
            author: &m.author,
        };
        // A reply or note the service did not write is not shown here either.
        if !sender.accepts(place, &mut doc) {
            refused += 1;
            continue;
        }
        let staff_name = doc.staff.clone().unwrap_or_default();
        let (who, class) = match m.author.as_str() {
            "client" if doc.staff.is_some() => {
                (t.t1("case-phone-by", "name", &staff_name), "from-client")
            }
            "client" if doc.feedback.is_some() => (t.t("feedback-from-client"), "from-client"),
            "client" => (t.t("case-from-client"), "from-client"),
            "note" => (t.t1("case-note-by", "name", &staff_name), "note"),
            super::handover::store::AUTHOR => (handed_from(state, &t, &doc), "from-staff"),
            "auto" => (t.t("promise-case-auto-reply"), "from-staff"),
            _ => (t.t1("case-reply-by", "name", &staff_name), "from-staff"),
        };
        let language = language_details(&t, &doc);
        let handed = (m.author == super::handover::store::AUTHOR).then(|| {
            super::handover::line_sentence(&t, &doc, |slug| service_name(state, t.lang, slug))
        });
        let text_lang = match m.author.as_str() {
            "auto" => crate::promise::auto_reply::text_lang(session.lang, doc.written_in()),
            _ => None,
        };
        let mut shown = message_for(
            &t,
            service.as_deref(),
            Audience::Staff,
            who,
            &m.written_on,
            doc,
        );
        shown.details.extend(language);
        if let Some(sentence) = handed {
            let words = std::mem::replace(&mut shown.text, sentence);
            shown.words = Some(words).filter(|w| !w.trim().is_empty());
        }
        shown.text_lang = text_lang;
        messages.push((shown, class));
    }
    SenderKey::log_refused(refused);
    Ok((messages, unreadable))
}

pub async fn show_case(
    state: &AppState,
    session: &StaffSession,
    meta: CaseMeta,
    status: StatusCode,
    typed: Typed,
) -> Result<Response, PageError> {
    let lang = session.lang;
    let t = Tr::new(lang);
    let (messages, unreadable) = thread(state, session, &meta).await?;
    let members = members_of(&state.db, &meta.service).await?;
    let marks = crate::stats::mark::form(state, session, &meta, typed.mark_error).await?;
    let assignee = meta
        .assignee
        .as_ref()
        .and_then(|a| members.iter().find(|(id, _)| id == a))
        .map_or_else(|| t.t("case-nobody"), |(_, name)| name.clone());
    let taking = Taking {
        free: meta.assignee.is_none(),
        mine: meta.assignee.as_deref() == Some(session.staff.id.as_str()),
    };
    let notice = typed.notice.map(|n| match n {
        // Who was first, or that nobody has it after all.
        "case-taken-by-other" if taking.free => t.t("case-take-failed"),
        "case-taken-by-other" => t.t1(n, "name", &assignee),
        _ => t.t(n),
    });
    let chosen = typed.canned.as_deref();
    let canned = crate::canned::choice(state, session, &meta.service, chosen).await?;
    let service = service_name(state, lang, &meta.service);
    let title = format!("{} · {service}", t.t("case-title"));
    let rules = state.services.retention_of(&meta.service);
    let retention_rule = t.tc(
        "case-deleted-on-hint",
        &[],
        &[
            ("open", i64::from(rules.days)),
            ("closed", i64::from(rules.closed_days)),
        ],
    );
    let due = crate::promise::late::Due::of(
        &state.services,
        &meta.service,
        (&meta.kind, &meta.status),
        &meta.opened_on,
    );
    let promise_days = service_days(state, &meta.service);
    let promise_hint = t.tc("promise-case-hint", &[], &[("days", promise_days)]);
    let view = CaseView {
        page: StaffPage::new(
            lang,
            title,
            &format!("staff/cases/{}", meta.id),
            Some(session),
        ),
        action: format!("/{}/staff/cases/{}", lang.code(), meta.id),
        csrf: session.csrf.clone(),
        service,
        kind: t.t(&format!("kind-{}", meta.kind)),
        status: t.t(&format!("staff-status-{}", meta.status)),
        opened: show_day(lang, &meta.opened_on),
        updated: show_day(lang, &meta.updated_on),
        answer_by: (meta.kind == crate::accessibility::KIND)
            .then(|| crate::accessibility::answer_by(&meta.opened_on))
            .flatten()
            .or_else(|| due.as_ref().map(|d| d.answer_by.clone()))
            .map(|day| show_day(lang, &day)),
        answer_by_hint: match &due {
            Some(_) if meta.kind != crate::accessibility::KIND => promise_hint,
            _ => t.t("case-answer-by-hint"),
        },
        late: due.as_ref().and_then(|d| d.late_mark(&t)),
        retain_until: show_day(lang, &meta.retain_until),
        retention_rule,
        assignee,
        messages,
        unreadable,
        statuses: status_choices(&t, &meta.status),
        members: member_choices(members, meta.assignee.as_deref()),
        reply_text: typed.reply,
        note_text: typed.note,
        error: typed.error.map(|e| t.t(e)),
        notice,
        marks,
        taking,
        canned,
        handover: super::handover::HandoverForm::new(state, lang, &meta),
    };
    Ok(html(status, &view))
}

/// Who a hand-over line is from: the service that handed the case over.
fn handed_from(state: &AppState, t: &Tr, doc: &MessageDoc) -> String {
    let from = doc.handed.as_ref().map_or("", |h| h.from.as_str());
    let name = service_name(state, t.lang, from);
    t.t1("handover-line-from", "service", &name)
}

/// The working days its service promises to answer in (0: none).
fn service_days(state: &AppState, slug: &str) -> i64 {
    let days = state.services.get(slug).and_then(|s| s.answer_days);
    days.map_or(0, i64::from)
}

/// The language a message was written in (the page it was sent from), or
/// a phone caller's language and whether they need an interpreter, as the
/// sealed document says: "Written in: Arabic (العربية)".
fn language_details(t: &Tr, doc: &MessageDoc) -> Vec<(String, String)> {
    let mut details = vec![];
    let phone = doc.staff.is_some();
    if let Some(lang) = doc.written_in() {
        let label = if phone {
            t.t("case-spoken-in")
        } else {
            t.t("case-written-in")
        };
        details.push((label, crate::services::language_label(t, lang)));
    }
    if doc.interpreter {
        details.push((t.t("case-interpreter"), t.t("case-interpreter-needed")));
    }
    details
}

/// The statuses a case can be set to, its own selected.
fn status_choices(t: &Tr, current: &str) -> Vec<Filter> {
    STATUSES
        .iter()
        .map(|s| Filter {
            value: (*s).to_owned(),
            label: t.t(&format!("staff-status-{s}")),
            selected: *s == current,
        })
        .collect()
}

/// The service's members a case can be assigned to, its assignee selected.
fn member_choices(members: Vec<(String, String)>, assignee: Option<&str>) -> Vec<Filter> {
    members
        .into_iter()
        .map(|(id, name)| Filter {
            selected: assignee == Some(id.as_str()),
            value: id,
            label: name,
        })
        .collect()
}
