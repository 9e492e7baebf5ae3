//! The client's side of a chat: starting one from a service's page, the
//! chat page, and its one form (send, check for new messages, end, or turn
//! the wait into a written message). Every button carries the text being
//! typed, so none of them loses it.

use std::net::SocketAddr;

use age::x25519;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use jiff::Zoned;
use serde::Deserialize;

use super::store::{self, Chat, NewChat};
use super::views::{ChatPage, Line, Offer};
use super::{ChatToken, chat_topic, hours, queue_topic, topics_of};
use crate::abuse::{Filled, take_form};
use crate::app::AppState;
use crate::config::Service;
use crate::i18n::{Lang, Tr};
use crate::intake::{MessageDoc, message_text, new_case};
use crate::queue::store::{Author, add_message};
use crate::web::{Form, PageError, html};

/// Whether a service's chat takes new clients now, and if not, why.
pub enum Availability {
    /// The service has no chat hours at all: no chat is offered.
    None,
    Open,
    /// Outside the hours; when they begin next, in the service's zone.
    Closed(Option<Zoned>),
    /// In the hours, but nobody is on duty.
    NoOneOnDuty,
    /// As many wait as the service lets wait.
    Full,
}

pub async fn availability(
    state: &AppState,
    service: &Service,
) -> Result<(Availability, store::Settings), sqlx::Error> {
    let settings = store::settings(&state.db, &service.slug).await?;
    let windows = hours::parse(&settings.hours);
    if windows.is_empty() {
        return Ok((Availability::None, settings));
    }
    let now = Zoned::now().with_time_zone(service.time_zone.clone());
    let open = if !hours::is_open(&windows, &now) {
        Availability::Closed(hours::next_opening(&windows, &now, &service.time_zone))
    } else if store::on_duty(&state.db, &service.slug).await?.is_empty() {
        Availability::NoOneOnDuty
    } else if store::waiting_count(&state.db, &service.slug).await? >= settings.queue_max {
        Availability::Full
    } else {
        Availability::Open
    };
    Ok((open, settings))
}

pub fn token_scope(service: &str) -> String {
    format!("chat:{service}")
}

/// What a service's page says about its chat: the start form when open,
/// else why not and when it opens.
pub async fn offer(
    state: &AppState,
    lang: Lang,
    service: &Service,
) -> Result<Option<Offer>, PageError> {
    let (open, _) = availability(state, service).await?;
    Ok(Offer::new(state, lang, service, open))
}

#[derive(Deserialize, Default)]
pub struct RawStart {
    #[serde(default)]
    name: String,
    #[serde(default)]
    token: String,
}

crate::seal::wipe_on_drop!(RawStart: name, token);

/// "Chat now": a case with its receipt, a place in the queue, and the
/// cookie that finds both again.
pub async fn start(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    lang: Lang,
    Path((_, slug)): Path<(String, String)>,
    Form(raw): Form<RawStart>,
) -> Result<Response, PageError> {
    let service = state.services.open_one(&slug).ok_or(PageError::NotFound)?;
    let refused = |notice: &'static str| {
        let view = super::views::closed_page(lang, &service, notice);
        Ok(html(StatusCode::UNPROCESSABLE_ENTITY, &view))
    };
    if !state
        .limits
        .allow_submission(state.client_net(peer, &headers), &service.slug)
        .await
    {
        tracing::debug!("chat start over the rate limit");
        return refused("notice-too-many");
    }
    let scope = token_scope(&service.slug);
    if let Some(notice) = take_form(
        &state.spent,
        &state.form_key,
        &scope,
        &raw.token,
        Filled::AtOnce,
    )
    .await?
    {
        return refused(notice);
    }
    let (open, settings) = availability(&state, &service).await?;
    match open {
        Availability::Open => {}
        Availability::Full => return refused("chat-full"),
        _ => return refused("chat-closed-now"),
    }
    let name = crate::intake::form::optional_name(&raw.name);
    let first = |case: &str| MessageDoc::chat_start(case, &service.slug, name).written_from(lang);
    let (receipt, case_id) = new_case::open_case(&state, &service, "chat", first).await?;
    // The client's key, sealed for the row under the cookie's token.
    let client = receipt.client_key(&state.pepper)?;
    let token = ChatToken::generate();
    let (hash, key) = state.chat.derive(&token);
    let sealed_key = key
        .seal(&hash, &client.identity)
        .ok_or_else(|| PageError::internal("chat key could not be sealed"))?;
    let chat_id = crate::db::new_id();
    let new = NewChat {
        id: &chat_id,
        case_id: &case_id,
        service: &service.slug,
        token_hash: &hash,
        sealed_key: &sealed_key,
    };
    if !store::enqueue(&state.db, new, settings.queue_max).await? {
        // Filled up meanwhile: the case stays, as a request to answer in
        // writing, and the client has its receipt.
        let view = super::views::written_page(lang, &service, Some(receipt.to_string()));
        return Ok(html(StatusCode::OK, &view));
    }
    state
        .chat
        .hub
        .wake(&state.db, &[queue_topic(&service.slug)])
        .await;
    // A counter of its own, linked to no chat (docs/STATISTICS.md).
    state
        .stats
        .count(&service.slug, crate::stats::Metric::Chats, lang.code());
    let Some(chat) = store::by_id(&state.db, &chat_id).await? else {
        return Err(PageError::internal("a new chat is gone"));
    };
    let mut view = chat_view(&state, lang, &service, &chat, &client.identity).await?;
    view.receipt = Some(receipt.to_string());
    let cookie = state.chat.cookie(&token);
    Ok(([(header::SET_COOKIE, cookie)], html(StatusCode::OK, &view)).into_response())
}

/// The chat page as it stands.
pub(super) async fn chat_view(
    state: &AppState,
    lang: Lang,
    service: &Service,
    chat: &Chat,
    identity: &x25519::Identity,
) -> Result<ChatPage, PageError> {
    let lines = client_lines(state, lang, service, chat, identity, -1).await?;
    let status = status_text(state, lang, chat).await?;
    Ok(ChatPage::new(lang, service, chat, lines, status))
}

/// The chat's messages after place `after` as the client sees them.
pub(super) async fn client_lines(
    state: &AppState,
    lang: Lang,
    service: &Service,
    chat: &Chat,
    identity: &x25519::Identity,
    after: i64,
) -> Result<Vec<Line>, PageError> {
    let t = Tr::new(lang);
    let mut out = Vec::new();
    for (n, author, doc) in super::opened_after(state, chat, identity, after).await? {
        // Notes are sealed to the service only: never the client's.
        if author == Author::Note.as_str() {
            continue;
        }
        let mine = author == Author::Client.as_str();
        let who = if mine {
            t.t("chat-you")
        } else {
            doc.staff.clone().unwrap_or_else(|| t.t("chat-counsellor"))
        };
        let class = if mine { "mine" } else { "theirs" };
        out.push(Line::new(n, class, who, &doc, service));
    }
    Ok(out)
}

/// One line of status: the place in the queue and the usual wait; who the
/// client chats with; or that the chat ended and how.
pub(super) async fn status_text(
    state: &AppState,
    lang: Lang,
    chat: &Chat,
) -> Result<String, PageError> {
    let t = Tr::new(lang);
    Ok(match chat.state.as_str() {
        "waiting" => {
            let (ahead, _) =
                store::position(&state.db, &chat.service, chat.place.unwrap_or(0)).await?;
            let typical = store::settings(&state.db, &chat.service)
                .await?
                .typical_wait;
            let place = if ahead == 0 {
                t.t("chat-status-next")
            } else {
                t.tc("chat-status-ahead", &[], &[("ahead", ahead)])
            };
            match typical {
                Some(m) => {
                    // Rounded up to the next five minutes: an estimate, not a promise.
                    let m = (((m.max(1) * (ahead + 1)) + 4) / 5 * 5).max(5);
                    format!(
                        "{place} {}",
                        t.tc("chat-status-usually", &[], &[("minutes", m)])
                    )
                }
                None => place,
            }
        }
        "active" => {
            let name = match &chat.counsellor {
                Some(id) => crate::staff::store::by_id(&state.db, id)
                    .await?
                    .map(|s| s.display_name),
                None => None,
            };
            match name {
                Some(name) => t.t1("chat-status-with", "name", &name),
                None => t.t("chat-status-active"),
            }
        }
        _ => match chat.ended_by.as_deref() {
            Some("counsellor") => t.t("chat-ended-by-counsellor"),
            Some("gone") => t.t("chat-ended-gone"),
            _ => t.t("chat-ended"),
        },
    })
}

/// `GET /{lang}/chat`: the chat this browser is in, or, without one, a
/// page that says so and leads on.
pub async fn page(
    State(state): State<AppState>,
    lang: Lang,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let found = state.chat.presented(&state.db, &headers).await?;
    match found {
        Some((chat, Some(identity))) if !chat.ended() => {
            store::sign(&state.db, &chat.id).await?;
            let service = service_of(&state, &chat)?;
            let view = chat_view(&state, lang, &service, &chat, &identity).await?;
            Ok(html(StatusCode::OK, &view))
        }
        Some((chat, _)) => Ok(ended(&state, lang, &chat).await?),
        None => Ok(html(StatusCode::OK, &super::views::no_chat_page(lang))),
    }
}

fn service_of(state: &AppState, chat: &Chat) -> Result<std::sync::Arc<Service>, PageError> {
    state
        .services
        .get(&chat.service)
        .ok_or_else(|| PageError::internal("a chat's service is gone"))
}

/// The page of a chat that has ended; the row and the cookie go with it.
async fn ended(state: &AppState, lang: Lang, chat: &Chat) -> Result<Response, PageError> {
    let status = status_text(state, lang, chat).await?;
    store::forget(&state.db, &chat.id).await?;
    let kept = store::settings(&state.db, &chat.service)
        .await?
        .keep_transcript;
    let view = super::views::ended_page(lang, status, kept, feedback_form(state, lang, chat));
    let cookie = state.chat.clear_cookie();
    Ok(([(header::SET_COOKIE, cookie)], html(StatusCode::OK, &view)).into_response())
}

/// The feedback form of an ended chat, if a counsellor took part in it
/// (a wait that ended unanswered has no help to rate).
fn feedback_form(
    state: &AppState,
    lang: Lang,
    chat: &Chat,
) -> Option<crate::feedback::FeedbackForm> {
    chat.counsellor
        .as_ref()
        .and_then(|_| crate::feedback::ended_form(state, lang, &chat.case_id))
}

/// No `Debug`: it holds what the client is writing.
#[derive(Deserialize, Default)]
pub struct RawSay {
    #[serde(default)]
    pub message: String,
    #[serde(default, rename = "do")]
    pub action: String,
    /// Sent by the script, which wants a status, not a page.
    #[serde(default)]
    pub js: String,
}

crate::seal::wipe_on_drop!(RawSay: message);

/// The chat page's form.
pub async fn act(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    lang: Lang,
    Form(mut raw): Form<RawSay>,
) -> Result<Response, PageError> {
    if state.staff.sessions.cross_origin(&headers) {
        return Err(PageError::Forbidden);
    }
    let script = raw.js == "1";
    let found = state.chat.presented(&state.db, &headers).await?;
    let (chat, identity) = match found {
        Some((chat, Some(identity))) if !chat.ended() => (chat, identity),
        Some((chat, _)) => {
            if script {
                return Ok(StatusCode::GONE.into_response());
            }
            return ended(&state, lang, &chat).await;
        }
        None => {
            // The chat is not in this browser (the cookie is gone): keep
            // what was typed, on a page that says so.
            let mut view = super::views::no_chat_page(lang);
            view.draft = std::mem::take(&mut raw.message);
            return Ok(html(StatusCode::UNPROCESSABLE_ENTITY, &view));
        }
    };
    let service = service_of(&state, &chat)?;
    // A line signs in its own commit; any other button signs here.
    if raw.action != "send" {
        store::sign(&state.db, &chat.id).await?;
    }
    if chat.gone {
        state.chat.hub.wake(&state.db, &topics_of(&chat)).await;
    }
    let typed = !raw.message.trim().is_empty();
    let sent = match raw.action.as_str() {
        "send" => Some(say(&state, (peer, &headers), &chat, &identity, &raw.message).await?),
        "end" | "written" if typed => {
            Some(say(&state, (peer, &headers), &chat, &identity, &raw.message).await?)
        }
        _ => None,
    };
    if let Some(Err(error)) = sent {
        let t = Tr::new(lang);
        if script {
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, t.t(error)).into_response());
        }
        let mut view = chat_view(&state, lang, &service, &chat, &identity).await?;
        view.draft = std::mem::take(&mut raw.message);
        view.error = Some(t.t(error));
        return Ok(html(StatusCode::UNPROCESSABLE_ENTITY, &view));
    }
    match raw.action.as_str() {
        "end" | "written" => {
            let by = if raw.action == "end" {
                "client"
            } else {
                "written"
            };
            // A wait turned into a written message keeps its transcript:
            // it is a request to answer in writing.
            let keep = by == "written"
                || store::settings(&state.db, &chat.service)
                    .await?
                    .keep_transcript;
            if store::end(&state.db, &chat.id, by, keep).await? {
                tracing::debug!("chat ended by the client");
                state.chat.hub.wake(&state.db, &topics_of(&chat)).await;
            }
            if script {
                return Ok(StatusCode::NO_CONTENT.into_response());
            }
            let cookie = state.chat.clear_cookie();
            store::forget(&state.db, &chat.id).await?;
            let view = if by == "written" {
                super::views::written_page(lang, &service, None)
            } else {
                let feedback = feedback_form(&state, lang, &chat);
                super::views::ended_page(lang, Tr::new(lang).t("chat-ended"), keep, feedback)
            };
            Ok(([(header::SET_COOKIE, cookie)], html(StatusCode::OK, &view)).into_response())
        }
        "send" if script => Ok(StatusCode::NO_CONTENT.into_response()),
        "send" => Ok(Redirect::to(&format!("/{}/chat#chat-form", lang.code())).into_response()),
        // "Check for new messages": the page again, with the text kept.
        _ => {
            let mut view = chat_view(&state, lang, &service, &chat, &identity).await?;
            view.draft = std::mem::take(&mut raw.message);
            Ok(html(StatusCode::OK, &view))
        }
    }
}

/// Seals and stores one line from the client; `Err` is why not (the text
/// is kept by the caller).
async fn say(
    state: &AppState,
    (peer, headers): (SocketAddr, &HeaderMap),
    chat: &Chat,
    identity: &x25519::Identity,
    text: &str,
) -> Result<Result<(), &'static str>, PageError> {
    let text = match message_text(text) {
        Ok(text) => text,
        Err(e) => return Ok(Err(e)),
    };
    let most = state.config.limits.messages_per_case;
    if crate::queue::store::thread_full(&state.db, &chat.case_id, most).await? {
        return Ok(Err("error-thread-full-client"));
    }
    let net = state.client_net(peer, headers);
    if !state.limits.allow_chat_message(net, &chat.id).await {
        tracing::debug!("chat message over the rate limit");
        return Ok(Err("chat-too-fast"));
    }
    let keys = state.service_keys(&chat.service)?;
    let doc = MessageDoc::follow_up(&chat.case_id, &chat.service, None, text);
    let envelope = keys.envelope.with(identity.to_public());
    let sealed = state.seal(&envelope, &doc).await?;
    let rules = state.services.retention_of(&chat.service);
    let mut tx = state.db.pool.begin().await?;
    add_message(
        &mut tx,
        &chat.case_id,
        Author::Client,
        keys.epoch,
        &sealed,
        rules,
    )
    .await?;
    store::sign_in(&mut tx, &chat.id).await?;
    tx.commit().await?;
    // A line moves only its chat: not the service's queue (every waiting
    // client's stream would read its place again) nor the console.
    state
        .chat
        .hub
        .wake(&state.db, &[chat_topic(&chat.id)])
        .await;
    Ok(Ok(()))
}
