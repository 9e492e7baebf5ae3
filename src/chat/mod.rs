//! Live chat during a service's chat hours (docs/CHAT.md).
//!
//! A chat is an ordinary case of kind `chat`: starting one opens a case
//! and hands out its receipt at once, and every line said is a message of
//! that case, sealed as replies are (the service's keys, recovery, and the
//! client's key; a counsellor's line carries the service's MAC). What this
//! module adds is the routing of a live conversation:
//!
//! - `client`: the client's pages. A session cookie (HttpOnly,
//!   SameSite=Strict, no lifetime) holds a random token; the `chats` row
//!   holds the token's hash and the client's key sealed under a key only
//!   the token gives, so any instance can open the chat and the database
//!   alone opens nothing.
//! - `console`: the counsellor's duty, queue, chats, hand-over and notes.
//! - `events`: server-sent events for pages with the script on; without
//!   it every page works by buttons, and a message being typed is carried
//!   through every button so it is never lost.
//! - `hub`: wake-ups (in memory, and `NOTIFY` between PostgreSQL
//!   instances); `sweep`: clients who went away, old rows, stale duty.
//!
//! Nothing a client or counsellor wrote, and nothing that says who, is
//! logged: the few log lines here are at debug and carry no ids.

mod client;
mod console;
mod events;
pub mod hours;
pub mod hub;
pub mod store;
mod sweep;
mod views;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use age::x25519;
use axum::Router;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::routing::{get, post};
use rand::RngCore;
use rand::rngs::OsRng;
use zeroize::Zeroizing;

use crate::app::AppState;
use crate::config::Config;
use crate::seal::{Pepper, hex};
use crate::staff::SessionKey;
pub use client::offer;
pub use sweep::start as start_sweep;
pub use views::Offer;
pub(crate) use views::notice as notice_page;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/{lang}/services/{slug}/chat", post(client::start))
        .route("/{lang}/chat", get(client::page).post(client::act))
        .route("/{lang}/chat/events", get(events::client))
        .route("/{lang}/staff/chat", get(console::console))
        .route("/{lang}/staff/chat/duty", post(console::set_duty))
        .route("/{lang}/staff/chat/take", post(console::take_next))
        .route("/{lang}/staff/chat/events", get(events::console))
        .route(
            "/{lang}/staff/chat/settings/{slug}",
            get(console::settings_page).post(console::save_settings),
        )
        .route(
            "/{lang}/staff/chat/{id}",
            get(console::chat_page).post(console::act),
        )
        .route("/{lang}/staff/chat/{id}/events", get(events::staff_chat))
        .layer(axum::middleware::map_response(script_policy))
        .route("/static/chat.js", get(script))
}

/// The chat pages load `chat.js`: their CSP allows scripts of this origin
/// (and the event stream's connection), still no inline script.
async fn script_policy(mut response: axum::response::Response) -> axum::response::Response {
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CHAT_CSP),
    );
    response
}

/// The one script of the project: same origin, allowed by the chat pages'
/// CSP as `script-src 'self'` (no inline script anywhere).
async fn script() -> impl axum::response::IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../../static/chat.js"),
    )
}

/// The CSP of the pages that load `chat.js`.
pub const CHAT_CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; \
                            script-src 'self'; connect-src 'self'; form-action 'self'; \
                            frame-ancestors 'none'; base-uri 'none'";

/// The chat's share of the app state.
pub struct ChatState {
    pub hub: Arc<hub::Hub>,
    /// The HKDF salt of chat cookie tokens (as staff sessions have theirs).
    token_salt: Zeroizing<[u8; 32]>,
    secure: bool,
    /// When each waiting chat began, as its sealed first message says
    /// (opened once per instance by a counsellor's key), for "waited".
    began: Mutex<HashMap<String, jiff::Timestamp>>,
}

impl ChatState {
    pub fn new(config: &Config, pepper: &Pepper) -> ChatState {
        ChatState {
            hub: Arc::default(),
            token_salt: pepper.derive("client-chat-token"),
            secure: config.secure_cookies(),
            began: Mutex::default(),
        }
    }

    fn cookie_name(&self) -> &'static str {
        if self.secure {
            "__Host-suoja-chat"
        } else {
            "suoja-chat"
        }
    }

    /// The `Set-Cookie` value that carries `token` for the browser's
    /// session only (no `Max-Age`).
    fn cookie(&self, token: &ChatToken) -> HeaderValue {
        crate::web::cookie::set(self.cookie_name(), token.0.as_str(), self.secure)
    }

    fn clear_cookie(&self) -> HeaderValue {
        crate::web::cookie::clear(self.cookie_name(), self.secure)
    }

    fn token_from(&self, headers: &HeaderMap) -> Option<ChatToken> {
        crate::web::cookie::hex_token(headers, self.cookie_name()).map(ChatToken)
    }

    /// The look-up hash and sealing key a token gives.
    fn derive(&self, token: &ChatToken) -> ([u8; 32], SessionKey) {
        crate::staff::derive_session_key(&self.token_salt, token.0.as_bytes())
    }

    /// The chat the request's cookie names, and the client's key, if the
    /// chat is not ended (an ended chat has no key left).
    async fn presented(
        &self,
        db: &crate::db::Db,
        headers: &HeaderMap,
    ) -> Result<Option<(store::Chat, Option<x25519::Identity>)>, sqlx::Error> {
        let Some(token) = self.token_from(headers) else {
            return Ok(None);
        };
        let (hash, key) = self.derive(&token);
        let Some((chat, sealed)) = store::by_token(db, &hash).await? else {
            return Ok(None);
        };
        let identity = key.open(&hash, &sealed);
        Ok(Some((chat, identity)))
    }

    fn remember_began(&self, chat: &str, at: jiff::Timestamp) {
        let mut began = self.began.lock().unwrap_or_else(|e| e.into_inner());
        if began.len() > 10_000 {
            began.clear();
        }
        began.insert(chat.to_owned(), at);
    }

    fn began(&self, chat: &str) -> Option<jiff::Timestamp> {
        let began = self.began.lock().unwrap_or_else(|e| e.into_inner());
        began.get(chat).copied()
    }
}

/// A chat cookie's token: 256 random bits as hex.
struct ChatToken(Zeroizing<String>);

impl ChatToken {
    fn generate() -> ChatToken {
        let mut bytes = Zeroizing::new([0u8; 32]);
        OsRng.fill_bytes(&mut bytes[..]);
        ChatToken(Zeroizing::new(hex(&bytes[..])))
    }
}

/// The quick exit: a chat this browser is in ends at once, marked as left
/// that way, so the counsellor knows the person had to go.
pub async fn left_by_quick_exit(state: &AppState, headers: &HeaderMap) -> Result<(), sqlx::Error> {
    let Some((chat, _)) = state.chat.presented(&state.db, headers).await? else {
        return Ok(());
    };
    let keep = store::settings(&state.db, &chat.service)
        .await?
        .keep_transcript;
    if store::end(&state.db, &chat.id, "exit", keep).await? {
        state.chat.hub.wake(&state.db, &topics_of(&chat)).await;
    }
    // The row (with no key left) stays until the day is over, so the
    // counsellor's page can say how the chat ended.
    Ok(())
}

/// The chat's messages after place `after` that `identity` opens, each
/// with the service's MAC where one is due (any other is shown nowhere, and
/// counted in one warning): (place, author, document), oldest first.
async fn opened_after(
    state: &AppState,
    chat: &store::Chat,
    identity: &x25519::Identity,
    after: i64,
) -> Result<Vec<(i64, String, crate::intake::MessageDoc)>, crate::web::PageError> {
    let stored = store::messages_after(&state.db, &chat.case_id, after.max(0)).await?;
    let keys = [identity as &dyn age::Identity];
    let sender = crate::seal::SenderKey::new(&state.pepper);
    let mut out = Vec::with_capacity(stored.len());
    let mut refused = 0;
    for (n, id, author, sealed) in stored {
        let Some(mut doc) = crate::seal::open_case_doc(&sealed, &keys, &chat.case_id)? else {
            continue;
        };
        let place = crate::seal::Place {
            case: &chat.case_id,
            message: &id,
            author: &author,
        };
        if sender.accepts(place, &mut doc) {
            out.push((n, author, doc));
        } else {
            refused += 1;
        }
    }
    crate::seal::SenderKey::log_refused(refused);
    Ok(out)
}

fn chat_topic(id: &str) -> String {
    format!("chat:{id}")
}

fn queue_topic(service: &str) -> String {
    format!("queue:{service}")
}

fn staff_topic(id: &str) -> String {
    format!("staff:{id}")
}

/// The topics a change to `chat` moves: its own, its service's queue and
/// its counsellor's console.
fn topics_of(chat: &store::Chat) -> Vec<String> {
    let mut topics = vec![chat_topic(&chat.id), queue_topic(&chat.service)];
    if let Some(c) = &chat.counsellor {
        topics.push(staff_topic(c));
    }
    topics
}
