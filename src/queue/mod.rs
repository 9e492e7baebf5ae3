//! The counsellor's side: the queue of their services' cases, decrypted
//! with their unlocked key; a case page with its thread; replies (sealed to
//! staff and the client's key), internal notes (staff only), status and
//! assignment. Every action is audited. A case of another service answers
//! exactly as a case that does not exist.

pub mod store;
pub mod views;

use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use crate::app::AppState;
use crate::i18n::{Lang, Tr};
use crate::intake::views::{message_for, show_day, topic_label};
use crate::intake::{MessageDoc, message_text};
use crate::seal::{self, Envelope};
use crate::staff::StaffSession;
use crate::staff::session::forbidden;
use crate::staff::store::{audit, members_of};
use crate::staff::views::StaffPage;
use crate::web::{PageError, render};
use store::{Author, CaseMeta, STATUSES};
use views::{CaseView, Filter, QueueLine, QueueView};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/{lang}/staff", get(queue))
        .route("/{lang}/staff/cases/{id}", get(case_page))
        .route("/{lang}/staff/cases/{id}/reply", post(reply))
        .route("/{lang}/staff/cases/{id}/note", post(note))
        .route("/{lang}/staff/cases/{id}/status", post(set_status))
        .route("/{lang}/staff/cases/{id}/assign", post(assign))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct QueueQuery {
    service: String,
    status: String,
    /// Days: only cases deleted within this many (one of `DELETION_WINDOWS`).
    deleted: String,
    before: i64,
}

/// The "deleted within" choices of the queue filter, in days. The queue
/// marks cases deleted within the first.
const DELETION_WINDOWS: [i64; 2] = [14, 30];

fn service_name(state: &AppState, lang: Lang, slug: &str) -> String {
    state
        .services
        .get(slug)
        .map(|s| s.name.get(lang).to_owned())
        .unwrap_or_else(|| slug.to_owned())
}

/// Opens a sealed message with the counsellor's key; `None` if it was
/// sealed before they had access (rotation reseals those).
fn open_doc(
    session: &StaffSession,
    case_id: &str,
    sealed: &[u8],
) -> Result<Option<MessageDoc>, PageError> {
    let keys = [&*session.identity as &dyn age::Identity];
    Ok(seal::open_case_doc(sealed, &keys, case_id)?)
}

async fn queue(
    State(state): State<AppState>,
    session: StaffSession,
    Query(q): Query<QueueQuery>,
) -> Response {
    let lang = session.lang;
    let t = Tr::new(lang);
    let service = if session.is_member(&q.service) {
        q.service
    } else {
        String::new()
    };
    let status = if STATUSES.contains(&q.status.as_str()) {
        q.status
    } else {
        String::new()
    };
    let window = DELETION_WINDOWS
        .into_iter()
        .find(|d| d.to_string() == q.deleted);
    let deleted = window.map_or(String::new(), |d| d.to_string());
    let today = crate::db::today();
    let by_day = |days: i64| crate::db::day(crate::retention::add_days(today, days));
    let deleted_by = window.map_or(String::new(), by_day);
    let soon = by_day(DELETION_WINDOWS[0]);
    let loaded = async {
        let filter = store::QueueFilter {
            service: &service,
            status: &status,
            deleted_by: &deleted_by,
            before: q.before.max(0),
        };
        let rows = store::list(&state.db, &session.staff.id, &filter)
            .await
            .map_err(PageError::internal)?;
        let counts = store::counts(&state.db, &session.staff.id)
            .await
            .map_err(PageError::internal)?;
        let going = store::deleted_by(&state.db, &session.staff.id, &soon)
            .await
            .map_err(PageError::internal)?;
        Ok::<_, PageError>((rows, counts, going))
    };
    let (rows, counts, going) = match loaded.await {
        Ok(v) => v,
        Err(e) => return e.render(lang, "/"),
    };
    let older = (rows.len() as i64 == store::PAGE).then(|| {
        let last = rows.last().map_or(0, |r| r.seq);
        format!(
            "/{}/staff?service={service}&status={status}&deleted={deleted}&before={last}",
            lang.code()
        )
    });
    let mut lines = Vec::with_capacity(rows.len());
    for row in rows {
        let preview = match row.first.as_deref().map(|s| open_doc(&session, &row.id, s)) {
            Some(Ok(Some(doc))) => preview_of(&t, &state, &row.service, &doc),
            Some(Ok(None)) | None => t.t("queue-unreadable"),
            Some(Err(e)) => return e.render(lang, "/"),
        };
        lines.push(QueueLine {
            href: format!("/{}/staff/cases/{}", lang.code(), row.id),
            service: service_name(&state, lang, &row.service),
            kind: t.t(&format!("kind-{}", row.kind)),
            status: t.t(&format!("staff-status-{}", row.status)),
            opened: show_day(lang, &row.opened_on),
            updated: show_day(lang, &row.updated_on),
            deletes: (row.retain_until <= soon).then(|| {
                t.t1(
                    "queue-deletes-on",
                    "day",
                    &show_day(lang, &row.retain_until),
                )
            }),
            unread: row.staff_unread,
            assignee: row.assignee.unwrap_or_else(|| t.t("case-nobody")),
            preview,
        });
    }
    let view = QueueView {
        page: StaffPage::titled(lang, "queue-title", "staff", Some(&session)),
        services: session
            .services
            .iter()
            .map(|s| Filter {
                value: s.clone(),
                label: service_name(&state, lang, s),
                selected: *s == service,
            })
            .collect(),
        statuses: STATUSES
            .iter()
            .map(|s| Filter {
                value: (*s).to_owned(),
                label: t.t(&format!("staff-status-{s}")),
                selected: *s == status,
            })
            .collect(),
        deletions: DELETION_WINDOWS
            .iter()
            .map(|d| Filter {
                value: d.to_string(),
                label: t.t1("queue-deleted-within", "days", &d.to_string()),
                selected: Some(*d) == window,
            })
            .collect(),
        counts: STATUSES
            .iter()
            .map(|s| {
                let n = counts.iter().find(|(c, _)| c == s).map_or(0, |(_, n)| *n);
                let href = format!("/{}/staff?status={s}", lang.code());
                (t.t(&format!("staff-status-{s}")), n, href)
            })
            .chain(std::iter::once({
                let days = DELETION_WINDOWS[0].to_string();
                let href = format!("/{}/staff?deleted={days}", lang.code());
                (t.t1("queue-deleted-within", "days", &days), going, href)
            }))
            .collect(),
        lines,
        older,
        no_services: session.services.is_empty(),
    };
    render(StatusCode::OK, &view, lang, "/")
}

/// Topic, name and the start of the text, for a line of the queue.
fn preview_of(t: &Tr, state: &AppState, service: &str, doc: &MessageDoc) -> String {
    let service = state.services.get(service);
    let mut parts = vec![];
    if let Some(topic) = &doc.topic {
        parts.push(topic_label(
            t,
            service.as_ref().and_then(|s| s.topic(topic)),
            topic,
        ));
    }
    if let Some(name) = &doc.name {
        parts.push(name.clone());
    }
    let mut text: String = doc.text.chars().take(80).collect();
    if doc.text.chars().count() > 80 {
        text.push('…');
    }
    parts.push(text);
    parts.join(" · ")
}

#[derive(Default)]
struct Typed {
    reply: String,
    note: String,
    error: Option<&'static str>,
    notice: Option<&'static str>,
}

async fn find_case(
    state: &AppState,
    session: &StaffSession,
    id: &str,
) -> Result<CaseMeta, Response> {
    match store::case_for(&state.db, &session.staff.id, id).await {
        Ok(Some(meta)) => Ok(meta),
        Ok(None) => Err(forbidden(session.lang)),
        Err(e) => Err(PageError::internal(e).render(session.lang, "/")),
    }
}

/// A state-changing action's case: the CSRF token checked first, then the
/// case found among the reader's services.
async fn checked_case(
    state: &AppState,
    session: &StaffSession,
    csrf: &str,
    id: &str,
) -> Result<CaseMeta, Response> {
    session
        .check_csrf(csrf)
        .map_err(IntoResponse::into_response)?;
    find_case(state, session, id).await
}

async fn show_case(
    state: &AppState,
    session: &StaffSession,
    meta: CaseMeta,
    status: StatusCode,
    typed: Typed,
) -> Response {
    let lang = session.lang;
    let t = Tr::new(lang);
    let loaded = async {
        let thread = store::thread(&state.db, &meta.id)
            .await
            .map_err(PageError::internal)?;
        let members = members_of(&state.db, &meta.service)
            .await
            .map_err(PageError::internal)?;
        Ok::<_, PageError>((thread, members))
    };
    let (thread, members) = match loaded.await {
        Ok(v) => v,
        Err(e) => return e.render(lang, "/"),
    };
    let service = state.services.get(&meta.service);
    let mut messages = Vec::with_capacity(thread.len());
    let mut unreadable = 0;
    for m in thread {
        let doc = match open_doc(session, &meta.id, &m.sealed) {
            Ok(Some(doc)) => doc,
            Ok(None) => {
                unreadable += 1;
                continue;
            }
            Err(e) => return e.render(lang, "/"),
        };
        let staff_name = doc.staff.clone().unwrap_or_default();
        let (who, class) = match m.author.as_str() {
            "client" if doc.staff.is_some() => {
                (t.t1("case-phone-by", "name", &staff_name), "from-client")
            }
            "client" => (t.t("case-from-client"), "from-client"),
            "note" => (t.t1("case-note-by", "name", &staff_name), "note"),
            _ => (t.t1("case-reply-by", "name", &staff_name), "from-staff"),
        };
        messages.push((
            message_for(&t, service.as_deref(), who, &m.written_on, doc),
            class,
        ));
    }
    let assignee_name = meta
        .assignee
        .as_ref()
        .and_then(|a| {
            members
                .iter()
                .find(|(id, _)| id == a)
                .map(|(_, n)| n.clone())
        })
        .unwrap_or_else(|| t.t("case-nobody"));
    let title = format!(
        "{} · {}",
        t.t("case-title"),
        service_name(state, lang, &meta.service)
    );
    let view = CaseView {
        page: StaffPage::new(
            lang,
            title,
            &format!("staff/cases/{}", meta.id),
            Some(session),
        ),
        action: format!("/{}/staff/cases/{}", lang.code(), meta.id),
        csrf: session.csrf.clone(),
        service: service_name(state, lang, &meta.service),
        kind: t.t(&format!("kind-{}", meta.kind)),
        status: t.t(&format!("staff-status-{}", meta.status)),
        opened: show_day(lang, &meta.opened_on),
        updated: show_day(lang, &meta.updated_on),
        retain_until: show_day(lang, &meta.retain_until),
        retention_rule: {
            let rules = state.services.retention_of(&meta.service);
            t.ta(
                "case-deleted-on-hint",
                &[
                    ("open", &rules.days.to_string()),
                    ("closed", &rules.closed_days.to_string()),
                ],
            )
        },
        assignee: assignee_name,
        messages,
        unreadable,
        statuses: STATUSES
            .iter()
            .map(|s| Filter {
                value: (*s).to_owned(),
                label: t.t(&format!("staff-status-{s}")),
                selected: *s == meta.status,
            })
            .collect(),
        members: members
            .into_iter()
            .map(|(id, name)| Filter {
                selected: meta.assignee.as_deref() == Some(id.as_str()),
                value: id,
                label: name,
            })
            .collect(),
        reply_text: typed.reply,
        note_text: typed.note,
        error: typed.error.map(|e| t.t(e)),
        notice: typed.notice.map(|n| t.t(n)),
    };
    render(status, &view, lang, "/")
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NoticeQuery {
    done: String,
}

async fn case_page(
    State(state): State<AppState>,
    session: StaffSession,
    Path((_, id)): Path<(String, String)>,
    Query(q): Query<NoticeQuery>,
) -> Response {
    let meta = match find_case(&state, &session, &id).await {
        Ok(m) => m,
        Err(r) => return r,
    };
    let opened = async {
        let mut conn = state.db.pool.acquire().await?;
        audit(
            &mut conn,
            &session.staff.id,
            "open_case",
            Some(&meta.service),
            Some(&meta.id),
        )
        .await?;
        store::mark_read_by_staff(&state.db, &meta.id).await
    };
    if let Err(e) = opened.await {
        return PageError::internal(e).render(session.lang, "/");
    }
    let notice = match q.done.as_str() {
        "reply" => Some("case-done-reply"),
        "note" => Some("case-done-note"),
        "status" => Some("case-done-status"),
        "assign" => Some("case-done-assign"),
        _ => None,
    };
    show_case(
        &state,
        &session,
        meta,
        StatusCode::OK,
        Typed {
            notice,
            ..Typed::default()
        },
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawAction {
    csrf: String,
    text: String,
    status: String,
    assignee: String,
}

fn done(session: &StaffSession, meta: &CaseMeta, what: &str) -> Response {
    let lang = session.lang.code();
    Redirect::to(&format!(
        "/{lang}/staff/cases/{}?done={what}#thread",
        meta.id
    ))
    .into_response()
}

/// A reply (sealed to staff and the client) or a note (staff only).
async fn write(
    state: AppState,
    session: StaffSession,
    id: String,
    raw: RawAction,
    author: Author,
) -> Response {
    let meta = match checked_case(&state, &session, &raw.csrf, &id).await {
        Ok(m) => m,
        Err(r) => return r,
    };
    let full = store::thread_full(&state.db, &meta.id, state.config.limits.messages_per_case);
    let checked = match full.await {
        Ok(true) => Err("error-thread-full-staff"),
        Ok(false) => message_text(&raw.text),
        Err(e) => return PageError::internal(e).render(session.lang, "/"),
    };
    let text = match checked {
        Ok(text) => text,
        Err(error) => {
            let mut typed = Typed {
                error: Some(error),
                ..Typed::default()
            };
            if author == Author::Note {
                typed.note = raw.text;
            } else {
                typed.reply = raw.text;
            }
            return show_case(
                &state,
                &session,
                meta,
                StatusCode::UNPROCESSABLE_ENTITY,
                typed,
            )
            .await;
        }
    };
    match seal_and_store(&state, &session, &meta, author, text).await {
        Ok(()) => done(
            &session,
            &meta,
            if author == Author::Note {
                "note"
            } else {
                "reply"
            },
        ),
        Err(e) => e.render(session.lang, "/"),
    }
}

async fn seal_and_store(
    state: &AppState,
    session: &StaffSession,
    meta: &CaseMeta,
    author: Author,
    text: String,
) -> Result<(), PageError> {
    let keys = state.service_keys(&meta.service)?;
    let envelope: Envelope = if author == Author::Staff {
        let client = meta
            .client_recipient
            .parse()
            .map_err(|_| PageError::internal("stored client recipient does not parse"))?;
        keys.envelope.with(client)
    } else {
        keys.envelope.clone()
    };
    let doc = MessageDoc::follow_up(
        &meta.id,
        &meta.service,
        Some(session.staff.display_name.clone()),
        text,
    );
    let sealed = state.seal(&envelope, &doc).await?;
    let action = if author == Author::Note {
        "note"
    } else {
        "reply"
    };
    let mut tx = state.db.pool.begin().await.map_err(PageError::internal)?;
    let rules = state.services.retention_of(&meta.service);
    store::add_message(&mut tx, &meta.id, author, keys.epoch, &sealed, rules)
        .await
        .map_err(PageError::internal)?;
    audit(
        &mut tx,
        &session.staff.id,
        action,
        Some(&meta.service),
        Some(&meta.id),
    )
    .await
    .map_err(PageError::internal)?;
    tx.commit().await.map_err(PageError::internal)?;
    Ok(())
}

async fn reply(
    State(state): State<AppState>,
    session: Result<StaffSession, Response>,
    Path((code, id)): Path<(String, String)>,
    Form(raw): Form<RawAction>,
) -> Response {
    match session {
        Ok(session) => write(state, session, id, raw, Author::Staff).await,
        Err(ended) => text_not_saved(&code, raw.text, ended),
    }
}

async fn note(
    State(state): State<AppState>,
    session: Result<StaffSession, Response>,
    Path((code, id)): Path<(String, String)>,
    Form(raw): Form<RawAction>,
) -> Response {
    match session {
        Ok(session) => write(state, session, id, raw, Author::Note).await,
        Err(ended) => text_not_saved(&code, raw.text, ended),
    }
}

/// The session ended while a counsellor was writing: instead of sending them
/// to log in (and losing the text), show the text to copy, and the way on.
fn text_not_saved(code: &str, text: String, ended: Response) -> Response {
    if text.trim().is_empty() {
        return ended;
    }
    let lang = Lang::from_code(code).unwrap_or(Lang::Fi);
    let view = views::NotSavedView {
        page: StaffPage::titled(lang, "case-not-saved-title", "staff/login", None),
        text,
    };
    render(StatusCode::UNAUTHORIZED, &view, lang, "/")
}

async fn set_status(
    State(state): State<AppState>,
    session: StaffSession,
    Path((_, id)): Path<(String, String)>,
    Form(raw): Form<RawAction>,
) -> Response {
    let meta = match checked_case(&state, &session, &raw.csrf, &id).await {
        Ok(m) => m,
        Err(r) => return r,
    };
    if !STATUSES.contains(&raw.status.as_str()) {
        return PageError::BadRequest.render(session.lang, "/");
    }
    let changed = async {
        let mut tx = state.db.pool.begin().await?;
        let rules = state.services.retention_of(&meta.service);
        store::set_status(&mut tx, &meta.id, &raw.status, rules).await?;
        audit(
            &mut tx,
            &session.staff.id,
            "status",
            Some(&meta.service),
            Some(&meta.id),
        )
        .await?;
        tx.commit().await
    };
    match changed.await {
        Ok(()) => done(&session, &meta, "status"),
        Err(e) => PageError::internal(e).render(session.lang, "/"),
    }
}

async fn assign(
    State(state): State<AppState>,
    session: StaffSession,
    Path((_, id)): Path<(String, String)>,
    Form(raw): Form<RawAction>,
) -> Response {
    let meta = match checked_case(&state, &session, &raw.csrf, &id).await {
        Ok(m) => m,
        Err(r) => return r,
    };
    let assignee = Some(raw.assignee.as_str()).filter(|a| !a.is_empty());
    let changed = async {
        let mut tx = state.db.pool.begin().await?;
        let ok = store::assign(&mut tx, &meta.id, &meta.service, assignee).await?;
        if ok {
            audit(
                &mut tx,
                &session.staff.id,
                "assign",
                Some(&meta.service),
                Some(&meta.id),
            )
            .await?;
        }
        tx.commit().await.map(|()| ok)
    };
    match changed.await {
        Ok(true) => done(&session, &meta, "assign"),
        Ok(false) => PageError::BadRequest.render(session.lang, "/"),
        Err(e) => PageError::internal(e).render(session.lang, "/"),
    }
}
