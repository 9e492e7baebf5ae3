//! The counsellor's side: going on chat duty and how many chats to take at
//! once, the waiting queue and their open chats, taking the next client,
//! and a chat itself (its lines, a private note, ending it, handing it to
//! another counsellor on duty). An admin sets a service's chat hours.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::store::{self, Chat};
use super::views::{
    Console, ConsoleLive, DayRow, DutyService, LivePart, Open, SettingsPage, StaffChat, Waiting,
};
use super::{hours, queue_topic, staff_topic, topics_of};
use crate::app::AppState;
use crate::i18n::{Lang, Tr};
use crate::intake::message_text;
use crate::queue::store::Author;
use crate::staff::guard::csrf_forms;
use crate::staff::store::audit;
use crate::staff::views::StaffPage;
use crate::staff::{Admin, AdminForm, StaffForm, StaffSession};
use crate::web::{PageError, html};

/// The most chats one counsellor may set themselves to take at once.
const MOST_AT_ONCE: i64 = 10;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ConsoleQuery {
    part: String,
    done: String,
}

const NOTICES: &[&str] = &[
    "duty",
    "none-waiting",
    "full",
    "taken-by-other",
    "ended",
    "handed",
];

/// `GET /{lang}/staff/chat`; `?part=live` is only the part that changes,
/// for the script to put in place.
pub async fn console(
    State(state): State<AppState>,
    session: StaffSession,
    Query(q): Query<ConsoleQuery>,
) -> Result<Response, PageError> {
    let lang = session.lang;
    let live = console_live(&state, &session).await?;
    let page = StaffPage::titled(lang, "chat-console-title", "staff/chat", Some(&session));
    if q.part == "live" {
        let part = LivePart {
            page,
            csrf: session.csrf.clone(),
            live,
        };
        return Ok(html(StatusCode::OK, &part));
    }
    let (duty, _) = store::duty(&state.db, &session.staff.id).await?;
    let t = Tr::new(lang);
    let services = session
        .services
        .iter()
        .filter_map(|slug| state.services.get(slug))
        .filter(|s| !s.retired)
        .map(|s| DutyService {
            slug: s.slug.clone(),
            name: s.name_in(lang).to_owned(),
            on: duty.contains(&s.slug),
            settings_href: session
                .staff
                .is_admin()
                .then(|| format!("/{}/staff/chat/settings/{}", lang.code(), s.slug)),
        })
        .collect::<Vec<_>>();
    let notice = NOTICES
        .iter()
        .find(|n| **n == q.done)
        .map(|n| t.t(&format!("chat-console-done-{n}")));
    let any_settings = session.staff.is_admin() && !services.is_empty();
    let view = Console {
        any_settings,
        page,
        csrf: session.csrf.clone(),
        services,
        live,
        notice,
        events: format!("/{}/staff/chat/events", lang.code()),
    };
    Ok(html(StatusCode::OK, &view))
}

/// The waiting queue of the services the counsellor is on duty for, and
/// their open chats.
pub(super) async fn console_live(
    state: &AppState,
    session: &StaffSession,
) -> Result<ConsoleLive, PageError> {
    let lang = session.lang;
    let t = Tr::new(lang);
    let (duty, capacity) = store::duty(&state.db, &session.staff.id).await?;
    let live = store::live(&state.db, &duty).await?;
    let now = jiff::Timestamp::now();
    let mut waiting = Vec::new();
    for chat in live.iter().filter(|c| c.waiting()) {
        let began = began(state, session, chat).await?;
        let minutes = began.map_or(0, |b| (now.as_second() - b.as_second()).max(0) / 60);
        waiting.push(Waiting {
            service: crate::queue::service_name(state, lang, &chat.service),
            waited: t.tc("chat-waited", &[], &[("minutes", minutes)]),
            gone: chat.gone,
        });
    }
    let mine_rows = store::mine(&state.db, &session.staff.id).await?;
    let mut mine = Vec::with_capacity(mine_rows.len());
    for chat in &mine_rows {
        mine.push(Open {
            href: format!("/{}/staff/chat/{}", lang.code(), chat.id),
            service: crate::queue::service_name(state, lang, &chat.service),
            client: client_name(state, session, chat).await?,
            gone: chat.gone,
        });
    }
    let can_take =
        !duty.is_empty() && (mine.len() as i64) < capacity && waiting.iter().any(|w| !w.gone);
    Ok(ConsoleLive {
        waiting,
        capacity,
        can_take,
        on_duty: !duty.is_empty(),
        mine,
    })
}

/// When a chat began: the time sealed in its first message, opened once
/// per instance and kept in memory.
async fn began(
    state: &AppState,
    session: &StaffSession,
    chat: &Chat,
) -> Result<Option<jiff::Timestamp>, PageError> {
    if let Some(at) = state.chat.began(&chat.id) {
        return Ok(Some(at));
    }
    let first = crate::intake::store::first_messages(&state.db, &[chat.case_id.as_str()]).await?;
    let Some(sealed) = first.get(&chat.case_id) else {
        return Ok(None);
    };
    let doc = crate::queue::open_doc(session, &chat.case_id, sealed)?;
    let at = doc.and_then(|d| d.written_at.parse::<jiff::Timestamp>().ok());
    if let Some(at) = at {
        state.chat.remember_began(&chat.id, at);
    }
    Ok(at)
}

/// The name the client gave, or "anonymous".
async fn client_name(
    state: &AppState,
    session: &StaffSession,
    chat: &Chat,
) -> Result<String, PageError> {
    let first = crate::intake::store::first_messages(&state.db, &[chat.case_id.as_str()]).await?;
    let name = match first.get(&chat.case_id) {
        Some(sealed) => {
            crate::queue::open_doc(session, &chat.case_id, sealed)?.and_then(|d| d.name.clone())
        }
        None => None,
    };
    Ok(name.unwrap_or_else(|| Tr::new(session.lang).t("chat-anonymous")))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawDuty {
    csrf: String,
    capacity: String,
    #[serde(flatten)]
    fields: HashMap<String, String>,
}

csrf_forms!(RawDuty);

fn back(lang: Lang, what: &str) -> Response {
    Redirect::to(&format!("/{}/staff/chat?done={what}", lang.code())).into_response()
}

/// On or off duty, for which of the counsellor's services, and how many
/// chats at once.
pub async fn set_duty(
    State(state): State<AppState>,
    StaffForm { session, form }: StaffForm<RawDuty>,
) -> Result<Response, PageError> {
    let services: Vec<String> = session
        .services
        .iter()
        .filter(|s| {
            form.fields
                .get(&format!("duty-{s}"))
                .is_some_and(|v| v == "on")
        })
        .cloned()
        .collect();
    let capacity = form
        .capacity
        .trim()
        .parse::<i64>()
        .unwrap_or(2)
        .clamp(1, MOST_AT_ONCE);
    let (before, _) = store::duty(&state.db, &session.staff.id).await?;
    store::set_duty(&state.db, &session.staff.id, &services, capacity).await?;
    let mut topics: Vec<String> = before
        .iter()
        .chain(&services)
        .map(|s| queue_topic(s))
        .collect();
    topics.push(staff_topic(&session.staff.id));
    state.chat.hub.wake(&state.db, &topics).await;
    Ok(back(session.lang, "duty"))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawTake {
    csrf: String,
}

csrf_forms!(RawTake);

/// Takes the client who has waited longest in the counsellor's services
/// (not one shown as gone), if they have room for one more chat. Two
/// counsellors taking at once never get the same client: the take is one
/// conditional update, and the loser tries the next.
pub async fn take_next(
    State(state): State<AppState>,
    StaffForm { session, .. }: StaffForm<RawTake>,
) -> Result<Response, PageError> {
    let lang = session.lang;
    let (duty, capacity) = store::duty(&state.db, &session.staff.id).await?;
    if store::mine(&state.db, &session.staff.id).await?.len() as i64 >= capacity {
        return Ok(back(lang, "full"));
    }
    let mut waiting: Vec<Chat> = store::live(&state.db, &duty)
        .await?
        .into_iter()
        .filter(|c| c.waiting() && !c.gone)
        .collect();
    // Longest waiting first across services: by the sealed start when this
    // instance has it, else by place within the service.
    let mut starts = Vec::with_capacity(waiting.len());
    for c in &waiting {
        starts.push(began(&state, &session, c).await?);
    }
    let mut order: Vec<usize> = (0..waiting.len()).collect();
    order.sort_by_key(|&i| {
        (
            starts[i].map(|t| t.as_second()).unwrap_or(i64::MAX),
            waiting[i].place,
        )
    });
    for i in order {
        let chat = &mut waiting[i];
        if store::take(&state.db, &chat.id, &session.staff.id).await? {
            if let Some(b) = starts[i] {
                let minutes = (jiff::Timestamp::now().as_second() - b.as_second()).max(0) / 60;
                store::record_wait(&state.db, &chat.service, minutes).await?;
            }
            let mut tx = state.db.pool.begin().await?;
            audit(
                &mut tx,
                &session.staff.id,
                "chat-take",
                Some(&chat.service),
                Some(&chat.case_id),
            )
            .await?;
            tx.commit().await?;
            chat.counsellor = Some(session.staff.id.clone());
            state.chat.hub.wake(&state.db, &topics_of(chat)).await;
            tracing::debug!("chat taken");
            let to = format!("/{}/staff/chat/{}", lang.code(), chat.id);
            return Ok(Redirect::to(&to).into_response());
        }
    }
    Ok(back(lang, "none-waiting"))
}

/// A chat the counsellor is in; any other (another's, one that ended, one
/// that does not exist) is the same 403, as a case of another service is.
pub(super) async fn my_chat(
    state: &AppState,
    session: &StaffSession,
    id: &str,
) -> Result<Chat, PageError> {
    let chat = store::by_id(&state.db, id)
        .await?
        .ok_or(PageError::Forbidden)?;
    let mine = chat.counsellor.as_deref() == Some(session.staff.id.as_str());
    if mine && session.is_member(&chat.service) && !chat.ended() {
        Ok(chat)
    } else {
        Err(PageError::Forbidden)
    }
}

pub async fn chat_page(
    State(state): State<AppState>,
    session: StaffSession,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let chat = my_chat(&state, &session, &id).await?;
    let view = chat_view(&state, &session, &chat).await?;
    Ok(html(StatusCode::OK, &view))
}

/// The chat's lines after `after` as a counsellor sees them: the client's,
/// the counsellors', and private notes.
pub(super) async fn staff_lines(
    state: &AppState,
    session: &StaffSession,
    chat: &Chat,
    after: i64,
) -> Result<Vec<super::views::Line>, PageError> {
    let t = Tr::new(session.lang);
    let service = state
        .services
        .get(&chat.service)
        .ok_or_else(|| PageError::internal("a chat's service is gone"))?;
    let mut out = Vec::new();
    for (n, author, doc) in super::opened_after(state, chat, &session.identity, after).await? {
        let (class, who) = match author.as_str() {
            "client" => ("theirs", t.t("chat-client")),
            "note" => (
                "note",
                t.t1("chat-note-by", "name", doc.staff.as_deref().unwrap_or("")),
            ),
            _ => ("mine", doc.staff.clone().unwrap_or_default()),
        };
        out.push(super::views::Line::new(n, class, who, &doc, &service));
    }
    Ok(out)
}

pub(super) fn staff_status(t: &Tr, chat: &Chat) -> String {
    if chat.ended() {
        match chat.ended_by.as_deref() {
            Some("client") | Some("written") => t.t("chat-staff-ended-client"),
            Some("gone") => t.t("chat-staff-ended-gone"),
            Some("exit") => t.t("chat-staff-ended-exit"),
            _ => t.t("chat-staff-ended"),
        }
    } else if chat.gone {
        t.t("chat-staff-gone")
    } else {
        t.t("chat-staff-active")
    }
}

async fn chat_view(
    state: &AppState,
    session: &StaffSession,
    chat: &Chat,
) -> Result<StaffChat, PageError> {
    let lang = session.lang;
    let t = Tr::new(lang);
    let lines = staff_lines(state, session, chat, -1).await?;
    let mut others = Vec::new();
    for (id, _) in store::on_duty(&state.db, &chat.service).await? {
        if id != session.staff.id
            && let Some(row) = crate::staff::store::by_id(&state.db, &id).await?
        {
            others.push((id, row.display_name));
        }
    }
    let title = t.t1(
        "chat-staff-title",
        "name",
        &client_name(state, session, chat).await?,
    );
    Ok(StaffChat {
        page: StaffPage::new(
            lang,
            title,
            &format!("staff/chat/{}", chat.id),
            Some(session),
        ),
        csrf: session.csrf.clone(),
        service_name: crate::queue::service_name(state, lang, &chat.service),
        client: client_name(state, session, chat).await?,
        status: staff_status(&t, chat),
        active: chat.active(),
        after: lines.last().map_or(0, |l| l.n),
        lines,
        draft: String::new(),
        note: String::new(),
        error: None,
        others,
        action: format!("/{}/staff/chat/{}", lang.code(), chat.id),
        events: format!("/{}/staff/chat/{}/events", lang.code(), chat.id),
        case_href: format!("/{}/staff/cases/{}", lang.code(), chat.case_id),
        message_max: crate::intake::form::MESSAGE_MAX,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawStaffSay {
    csrf: String,
    message: String,
    note: String,
    #[serde(rename = "do")]
    action: String,
    to: String,
    js: String,
}

csrf_forms!(RawStaffSay);

/// The chat page's forms: send, note, check, end, hand over.
pub async fn act(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, String)>,
    StaffForm { session, mut form }: StaffForm<RawStaffSay>,
) -> Result<Response, PageError> {
    let lang = session.lang;
    let t = Tr::new(lang);
    let chat = my_chat(&state, &session, &id).await?;
    let script = form.js == "1";
    let kept = |mut view: StaffChat, form: &mut RawStaffSay, error: Option<String>| {
        view.draft = std::mem::take(&mut form.message);
        view.note = std::mem::take(&mut form.note);
        let status = if error.is_some() {
            StatusCode::UNPROCESSABLE_ENTITY
        } else {
            StatusCode::OK
        };
        view.error = error;
        html(status, &view)
    };
    let (author, text) = match form.action.as_str() {
        "send" => (Author::Staff, form.message.clone()),
        "note" => (Author::Note, form.note.clone()),
        "end" => {
            let keep = store::settings(&state.db, &chat.service)
                .await?
                .keep_transcript;
            if store::end(&state.db, &chat.id, "counsellor", keep).await? {
                let mut tx = state.db.pool.begin().await?;
                audit(
                    &mut tx,
                    &session.staff.id,
                    "chat-end",
                    Some(&chat.service),
                    Some(&chat.case_id),
                )
                .await?;
                tx.commit().await?;
                state.chat.hub.wake(&state.db, &topics_of(&chat)).await;
            }
            return Ok(back(lang, "ended"));
        }
        "handover" => {
            let on_duty = store::on_duty(&state.db, &chat.service).await?;
            let to_ok = form.to != session.staff.id && on_duty.iter().any(|(s, _)| *s == form.to);
            if to_ok && store::hand_over(&state.db, &chat.id, &session.staff.id, &form.to).await? {
                let mut tx = state.db.pool.begin().await?;
                audit(
                    &mut tx,
                    &session.staff.id,
                    "chat-hand-over",
                    Some(&chat.service),
                    Some(&chat.case_id),
                )
                .await?;
                tx.commit().await?;
                let mut topics = topics_of(&chat);
                topics.push(staff_topic(&form.to));
                state.chat.hub.wake(&state.db, &topics).await;
                return Ok(back(lang, "handed"));
            }
            let view = chat_view(&state, &session, &chat).await?;
            return Ok(kept(view, &mut form, Some(t.t("chat-error-hand-over"))));
        }
        _ => {
            let view = chat_view(&state, &session, &chat).await?;
            return Ok(kept(view, &mut form, None));
        }
    };
    let limit = state.config.limits.messages_per_case;
    let checked = if !chat.active() {
        Err("chat-error-ended")
    } else if crate::queue::store::thread_full(&state.db, &chat.case_id, limit).await? {
        Err("error-thread-full-staff")
    } else {
        message_text(&text)
    };
    match checked {
        Ok(text) => {
            let meta = crate::queue::store::case_for(&state.db, &session.staff.id, &chat.case_id)
                .await?
                .ok_or(PageError::NotFound)?;
            // Not audited line by line: taking and ending the chat are.
            crate::queue::act::seal_and_store(&state, &session, &meta, author, text, false).await?;
            // A line moves only its chat (not the queue's waiting clients).
            state
                .chat
                .hub
                .wake(&state.db, &[super::chat_topic(&chat.id)])
                .await;
            if script {
                return Ok(StatusCode::NO_CONTENT.into_response());
            }
            let to = format!("/{}/staff/chat/{}#chat-form", lang.code(), chat.id);
            Ok(Redirect::to(&to).into_response())
        }
        Err(error) if script => Ok((StatusCode::UNPROCESSABLE_ENTITY, t.t(error)).into_response()),
        Err(error) => {
            let view = chat_view(&state, &session, &chat).await?;
            Ok(kept(view, &mut form, Some(t.t(error))))
        }
    }
}

// Settings (admins).

fn settings_view(
    session: &StaffSession,
    service: &crate::config::Service,
    settings: &store::Settings,
) -> SettingsPage {
    let lang = session.lang;
    let t = Tr::new(lang);
    let windows = hours::parse(&settings.hours);
    let days = (1..=7)
        .map(|d| {
            let w = windows.iter().find(|w| w.weekday == d);
            DayRow {
                weekday: d,
                label: t.t(&format!("booking-weekday-long-{d}")),
                from: w.map(|w| hours::format_time(w.from)).unwrap_or_default(),
                until: w.map(|w| hours::format_time(w.until)).unwrap_or_default(),
            }
        })
        .collect();
    let title = t.t1("chat-settings-title", "service", service.name_in(lang));
    SettingsPage {
        page: StaffPage::new(
            lang,
            title,
            &format!("staff/chat/settings/{}", service.slug),
            Some(session),
        ),
        csrf: session.csrf.clone(),
        action: format!("/{}/staff/chat/settings/{}", lang.code(), service.slug),
        days,
        queue_max: settings.queue_max.to_string(),
        keep_transcript: settings.keep_transcript,
        errors: vec![],
        notice: None,
    }
}

pub async fn settings_page(
    State(state): State<AppState>,
    Admin(session): Admin,
    Path((_, slug)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let service = state.services.get(&slug).ok_or(PageError::NotFound)?;
    let settings = store::settings(&state.db, &slug).await?;
    Ok(html(
        StatusCode::OK,
        &settings_view(&session, &service, &settings),
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawSettings {
    csrf: String,
    queue_max: String,
    keep: String,
    #[serde(flatten)]
    fields: HashMap<String, String>,
}

csrf_forms!(RawSettings);

pub async fn save_settings(
    State(state): State<AppState>,
    Path((_, slug)): Path<(String, String)>,
    AdminForm { session, form }: AdminForm<RawSettings>,
) -> Result<Response, PageError> {
    let service = state.services.get(&slug).ok_or(PageError::NotFound)?;
    let t = Tr::new(session.lang);
    let mut errors = Vec::new();
    let mut windows = Vec::new();
    let field = |name: String| {
        form.fields
            .get(&name)
            .map(|v| v.trim().to_owned())
            .unwrap_or_default()
    };
    for d in 1..=7i8 {
        let (from, until) = (field(format!("from{d}")), field(format!("until{d}")));
        if from.is_empty() && until.is_empty() {
            continue;
        }
        match (hours::parse_time(&from), hours::parse_time(&until)) {
            (Some(f), Some(u)) if f < u => windows.push(hours::Window {
                weekday: d,
                from: f,
                until: u,
            }),
            _ => errors.push(t.t1(
                "chat-settings-error-hours",
                "day",
                &t.t(&format!("booking-weekday-long-{d}")),
            )),
        }
    }
    let queue_max = form
        .queue_max
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|n| (1..=1000).contains(n));
    if queue_max.is_none() {
        errors.push(t.t("chat-settings-error-queue"));
    }
    let settings = store::Settings {
        hours: hours::format(&windows),
        queue_max: queue_max.unwrap_or(50),
        keep_transcript: form.keep == "on",
        typical_wait: None,
    };
    if !errors.is_empty() {
        let mut view = settings_view(&session, &service, &settings);
        // What was typed, kept as typed.
        for day in &mut view.days {
            day.from = field(format!("from{}", day.weekday));
            day.until = field(format!("until{}", day.weekday));
        }
        view.queue_max = form.queue_max.clone();
        view.errors = errors;
        return Ok(html(StatusCode::UNPROCESSABLE_ENTITY, &view));
    }
    store::save_settings(&state.db, &slug, &settings).await?;
    let mut tx = state.db.pool.begin().await?;
    audit(
        &mut tx,
        &session.staff.id,
        "chat-settings",
        Some(&slug),
        None,
    )
    .await?;
    tx.commit().await?;
    state.chat.hub.wake(&state.db, &[queue_topic(&slug)]).await;
    let mut view = settings_view(&session, &service, &settings);
    view.notice = Some(t.t("chat-settings-saved"));
    Ok(html(StatusCode::OK, &view))
}
