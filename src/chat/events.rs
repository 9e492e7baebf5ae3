//! Server-sent events for the chat pages with the script on. Each stream
//! watches its topics (`hub`), and on every wake-up (or every few seconds
//! regardless) reads what is new from the database: the lines after the
//! last one sent, whose place in the thread is the event id, so a browser
//! that reconnects with `Last-Event-ID` gets exactly what it missed, and
//! the status line when it changed. A client's stream is also their sign
//! of life, written every [`SIGN_EVERY`].

use std::collections::VecDeque;
use std::convert::Infallible;
use std::time::Duration;

use age::x25519;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use tokio::sync::watch;
use tokio::time::Instant;

use super::store::{self, Chat};
use super::{chat_topic, queue_topic, staff_topic};
use crate::app::AppState;
use crate::i18n::{Lang, Tr};
use crate::staff::StaffSession;
use crate::web::PageError;

/// How often a connected client's stream says they are still there.
const SIGN_EVERY: Duration = Duration::from_secs(20);
/// How often a stream looks again without a wake-up (a lost notify).
const POLL_EVERY: Duration = Duration::from_secs(10);

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct After {
    after: String,
}

/// Where a stream starts: after `Last-Event-ID` on a reconnect, else after
/// the last line the page showed.
fn start_after(headers: &HeaderMap, q: &After) -> i64 {
    headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .or_else(|| q.after.parse().ok())
        .unwrap_or(0)
}

/// Who reads the stream, and so with which key and how lines are shown.
enum Reader {
    Client {
        identity: Box<x25519::Identity>,
        lang: Lang,
    },
    Staff(Box<StaffSession>),
}

struct Stream {
    state: AppState,
    reader: Reader,
    chat: Chat,
    after: i64,
    status: String,
    watches: Vec<watch::Receiver<u64>>,
    pending: VecDeque<Event>,
    next_sign: Instant,
    done: bool,
}

impl Stream {
    /// Reads what is new into `pending`.
    async fn refresh(&mut self) -> Result<(), PageError> {
        // A session that ended (logout, timeout, deactivation, elsewhere
        // too) ends its streams: nothing more is opened with its key.
        if let Reader::Staff(session) = &self.reader
            && !self.state.staff.sessions.holds(&session.token_hash)
        {
            self.done = true;
            return Ok(());
        }
        let chat = store::by_id(&self.state.db, &self.chat.id).await?;
        let Some(chat) = chat else {
            // The row goes only once the client has seen the end: they
            // ended it, or saw that it ended.
            let text = match &self.reader {
                Reader::Client { lang, .. } => Tr::new(*lang).t("chat-ended"),
                Reader::Staff(session) => Tr::new(session.lang).t("chat-staff-ended-client"),
            };
            self.pending.push_back(state_event("ended", &text));
            self.done = true;
            return Ok(());
        };
        if let Reader::Staff(session) = &self.reader
            && chat.counsellor.as_deref() != Some(session.staff.id.as_str())
        {
            let text = Tr::new(session.lang).t("chat-staff-handed");
            self.pending.push_back(state_event("moved", &text));
            self.done = true;
            return Ok(());
        }
        let lines = match &self.reader {
            Reader::Client { identity, lang } => {
                let service = self
                    .state
                    .services
                    .get(&chat.service)
                    .ok_or_else(|| PageError::internal("a chat's service is gone"))?;
                super::client::client_lines(
                    &self.state,
                    *lang,
                    &service,
                    &chat,
                    identity,
                    self.after,
                )
                .await?
            }
            Reader::Staff(session) => {
                super::console::staff_lines(&self.state, session, &chat, self.after).await?
            }
        };
        for line in lines {
            self.after = self.after.max(line.n);
            self.pending.push_back(
                Event::default()
                    .event("line")
                    .id(line.n.to_string())
                    .data(line.json()),
            );
        }
        let status = match &self.reader {
            Reader::Client { lang, .. } => {
                super::client::status_text(&self.state, *lang, &chat).await?
            }
            Reader::Staff(session) => super::console::staff_status(&Tr::new(session.lang), &chat),
        };
        if status != self.status {
            self.pending.push_back(state_event(&chat.state, &status));
            self.status = status;
        }
        if chat.ended() {
            self.done = true;
        }
        self.chat = chat;
        Ok(())
    }

    /// Waits for a wake-up, the next sign of life, or the poll interval.
    async fn wait(&mut self) {
        let until = if matches!(self.reader, Reader::Client { .. }) {
            self.next_sign.min(Instant::now() + POLL_EVERY)
        } else {
            Instant::now() + POLL_EVERY
        };
        let changed = futures_util::future::select_all(
            self.watches.iter_mut().map(|w| Box::pin(w.changed())),
        );
        tokio::select! {
            _ = changed => {}
            _ = tokio::time::sleep_until(until) => {}
        }
        // Several wake-ups close together are read once.
        tokio::time::sleep(Duration::from_millis(20)).await;
        for w in &mut self.watches {
            w.borrow_and_update();
        }
    }

    async fn next(&mut self) -> Option<Event> {
        loop {
            if let Some(event) = self.pending.pop_front() {
                return Some(event);
            }
            if self.done {
                return None;
            }
            if matches!(self.reader, Reader::Client { .. }) && Instant::now() >= self.next_sign {
                if store::sign(&self.state.db, &self.chat.id).await.is_err() {
                    return None;
                }
                if self.chat.gone {
                    self.state
                        .chat
                        .hub
                        .wake(&self.state.db, &super::topics_of(&self.chat))
                        .await;
                }
                self.next_sign = Instant::now() + SIGN_EVERY;
            }
            if self.refresh().await.is_err() {
                tracing::debug!("a chat stream stopped on an error");
                return None;
            }
            if self.pending.is_empty() && !self.done {
                self.wait().await;
            }
        }
    }
}

fn state_event(state: &str, text: &str) -> Event {
    let data = serde_json::json!({ "state": state, "text": text }).to_string();
    Event::default().event("state").data(data)
}

fn sse(stream: Stream) -> Response {
    let events = futures_util::stream::unfold(stream, |mut s| async move {
        s.next().await.map(|e| (Ok::<_, Infallible>(e), s))
    });
    Sse::new(events)
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
        .into_response()
}

/// `GET /{lang}/chat/events`: the client's stream. Without a chat (or
/// once it ended), 204, which tells `EventSource` not to reconnect.
pub async fn client(
    State(state): State<AppState>,
    lang: Lang,
    headers: HeaderMap,
    Query(q): Query<After>,
) -> Result<Response, PageError> {
    let Some((chat, Some(identity))) = state.chat.presented(&state.db, &headers).await? else {
        return Ok(StatusCode::NO_CONTENT.into_response());
    };
    if chat.ended() {
        return Ok(StatusCode::NO_CONTENT.into_response());
    }
    let watches = vec![
        state.chat.hub.watch(&chat_topic(&chat.id)),
        state.chat.hub.watch(&queue_topic(&chat.service)),
    ];
    let status = super::client::status_text(&state, lang, &chat).await?;
    let stream = Stream {
        after: start_after(&headers, &q),
        reader: Reader::Client {
            identity: Box::new(identity),
            lang,
        },
        state,
        chat,
        status,
        watches,
        pending: VecDeque::new(),
        next_sign: Instant::now(),
        done: false,
    };
    Ok(sse(stream))
}

/// `GET /{lang}/staff/chat/{id}/events`: a counsellor's chat.
pub async fn staff_chat(
    State(state): State<AppState>,
    session: StaffSession,
    axum::extract::Path((_, id)): axum::extract::Path<(String, String)>,
    headers: HeaderMap,
    Query(q): Query<After>,
) -> Result<Response, PageError> {
    let chat = super::console::my_chat(&state, &session, &id).await?;
    let watches = vec![state.chat.hub.watch(&chat_topic(&chat.id))];
    let status = super::console::staff_status(&Tr::new(session.lang), &chat);
    let stream = Stream {
        after: start_after(&headers, &q),
        reader: Reader::Staff(Box::new(session)),
        state,
        chat,
        status,
        watches,
        pending: VecDeque::new(),
        next_sign: Instant::now(),
        done: false,
    };
    Ok(sse(stream))
}

/// `GET /{lang}/staff/chat/events`: a `refresh` event whenever the
/// counsellor's queues or chats change (and every few seconds, for the
/// waiting times); the script then fetches the console's live part.
pub async fn console(
    State(state): State<AppState>,
    session: StaffSession,
) -> Result<Response, PageError> {
    let (duty, _) = store::duty(&state.db, &session.staff.id).await?;
    let mut watches: Vec<_> = duty
        .iter()
        .map(|s| state.chat.hub.watch(&queue_topic(s)))
        .collect();
    watches.push(state.chat.hub.watch(&staff_topic(&session.staff.id)));
    let (state, hash) = (state.clone(), session.token_hash);
    let events = futures_util::stream::unfold(watches, move |mut watches| {
        let state = state.clone();
        async move {
            if !state.staff.sessions.holds(&hash) {
                return None;
            }
            let changed =
                futures_util::future::select_all(watches.iter_mut().map(|w| Box::pin(w.changed())));
            tokio::select! {
                _ = changed => {}
                _ = tokio::time::sleep(Duration::from_secs(30)) => {}
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
            for w in &mut watches {
                w.borrow_and_update();
            }
            let event = Event::default().event("refresh").data("1");
            Some((Ok::<_, Infallible>(event), watches))
        }
    });
    Ok(Sse::new(events)
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
        .into_response())
}
