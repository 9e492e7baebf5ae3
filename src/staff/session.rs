//! Staff sessions: a random token in an HttpOnly, SameSite=Strict cookie
//! (Secure and `__Host-` prefixed over https), only its hash in the database,
//! idle and absolute timeouts, a CSRF token bound to the session, and the
//! unlocked age identity held in this instance's memory only.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use age::x25519;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use hmac::{Hmac, Mac};
use rand::RngCore;
use rand::rngs::OsRng;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use super::store::{self, StaffRow};
use crate::app::AppState;
use crate::booking::seats::SeatMemo;
use crate::config::Config;
use crate::i18n::Lang;
use crate::seal::{Pepper, hex};
use crate::web::PageError;

/// Sessions seen within this many seconds are not written again.
const TOUCH_EVERY: i64 = 30;

/// A session token as the cookie carries it (64 hex digits).
pub struct Token(Zeroizing<String>);

impl Token {
    pub fn generate() -> Token {
        let mut bytes = Zeroizing::new([0u8; 32]);
        OsRng.fill_bytes(&mut bytes[..]);
        Token(Zeroizing::new(hex(&bytes[..])))
    }

    pub fn hash(&self) -> [u8; 32] {
        Sha256::digest(self.0.as_bytes()).into()
    }
}

/// What this instance holds for a logged-in person.
struct Unlocked {
    staff_id: String,
    identity: Arc<x25519::Identity>,
    /// What this key has opened to find booked seats; dropped with the key.
    seats: Arc<SeatMemo>,
}

/// Session settings and the unlocked identities, keyed by token hash.
pub struct Sessions {
    unlocked: Mutex<HashMap<[u8; 32], Unlocked>>,
    csrf_key: Zeroizing<[u8; 32]>,
    idle_seconds: i64,
    absolute_seconds: i64,
    secure: bool,
    /// `scheme://host[:port]` of `public_url`.
    public_origin: String,
}

/// `scheme://host[:port]` of an address, without any path.
fn origin_of(url: &str) -> String {
    match url.split_once("://") {
        Some((scheme, rest)) => {
            let host = rest.split('/').next().unwrap_or(rest);
            format!("{scheme}://{host}")
        }
        None => url.to_owned(),
    }
}

fn now() -> i64 {
    jiff::Timestamp::now().as_second()
}

impl Sessions {
    pub fn new(config: &Config, pepper: &Pepper) -> Sessions {
        Sessions {
            unlocked: Mutex::new(HashMap::new()),
            csrf_key: pepper.derive("staff-csrf"),
            idle_seconds: (config.staff.idle_minutes * 60) as i64,
            absolute_seconds: (config.staff.absolute_hours * 3600) as i64,
            secure: config.secure_cookies(),
            public_origin: origin_of(&config.public_url),
        }
    }

    pub fn cookie_name(&self) -> &'static str {
        if self.secure {
            "__Host-suoja-staff"
        } else {
            "suoja-staff"
        }
    }

    /// The `Set-Cookie` value that carries `token`.
    pub fn cookie(&self, token: &Token) -> HeaderValue {
        let secure = if self.secure { "; Secure" } else { "" };
        let value = format!(
            "{}={}; Path=/; HttpOnly; SameSite=Strict{secure}",
            self.cookie_name(),
            token.0.as_str()
        );
        HeaderValue::from_str(&value).unwrap_or(HeaderValue::from_static(""))
    }

    /// The `Set-Cookie` value that removes the session cookie.
    pub fn clear_cookie(&self) -> HeaderValue {
        let secure = if self.secure { "; Secure" } else { "" };
        let value = format!(
            "{}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{secure}",
            self.cookie_name()
        );
        HeaderValue::from_str(&value).unwrap_or(HeaderValue::from_static(""))
    }

    /// Starts a session for `staff`, holding their unlocked `identity`.
    pub async fn start(
        &self,
        db: &crate::db::Db,
        staff_id: &str,
        identity: x25519::Identity,
    ) -> Result<Token, sqlx::Error> {
        let token = Token::generate();
        let hash = token.hash();
        store::insert_session(db, &hash, staff_id, now()).await?;
        self.lock().insert(
            hash,
            Unlocked {
                staff_id: staff_id.to_owned(),
                identity: Arc::new(identity),
                seats: Arc::default(),
            },
        );
        Ok(token)
    }

    /// Ends a session here and in the database; the key is zeroized when
    /// the last request using it finishes.
    pub async fn end(&self, db: &crate::db::Db, token_hash: &[u8; 32]) -> Result<(), sqlx::Error> {
        self.lock().remove(token_hash);
        store::delete_session(db, token_hash).await
    }

    /// Ends the session a request presents, if any (a login replaces it).
    pub async fn end_presented(
        &self,
        db: &crate::db::Db,
        headers: &HeaderMap,
    ) -> Result<(), sqlx::Error> {
        match self.token_from(headers) {
            Some(token) => self.end(db, &token.hash()).await,
            None => Ok(()),
        }
    }

    /// Ends every other session of a person (after a password or TOTP change).
    pub async fn end_others(
        &self,
        db: &crate::db::Db,
        staff_id: &str,
        keep: &[u8; 32],
    ) -> Result<(), sqlx::Error> {
        store::delete_other_sessions(db, staff_id, keep).await?;
        self.lock()
            .retain(|hash, u| u.staff_id != staff_id || hash == keep);
        Ok(())
    }

    /// Ends every session of a person here (deactivation, a password
    /// reset); the caller deletes their rows in the database.
    pub fn forget_person(&self, staff_id: &str) {
        self.lock().retain(|_, u| u.staff_id != staff_id);
    }

    /// After a person replaced their key: this session holds the new one.
    pub fn replace_identity(&self, token_hash: &[u8; 32], identity: x25519::Identity) {
        if let Some(u) = self.lock().get_mut(token_hash) {
            u.identity = Arc::new(identity);
        }
    }

    /// The keys unlocked in this instance of the people in `staff_ids`: a
    /// rotation may open items with a logged-in member's key.
    pub fn unlocked_of(&self, staff_ids: &[String]) -> Vec<x25519::Identity> {
        let mut found: Vec<x25519::Identity> = vec![];
        for u in self.lock().values() {
            let public = u.identity.to_public().to_string();
            if staff_ids.contains(&u.staff_id)
                && !found.iter().any(|f| f.to_public().to_string() == public)
            {
                found.push((*u.identity).clone());
            }
        }
        found
    }

    /// Drops every unlocked key (at shutdown).
    pub fn forget_all(&self) {
        self.lock().clear();
    }

    /// Deletes timed-out sessions and forgets keys whose session is gone
    /// (ended elsewhere, or the account was deactivated).
    pub async fn sweep(&self, db: &crate::db::Db) -> Result<(), sqlx::Error> {
        let t = now();
        let live =
            store::expire_sessions(db, t - self.idle_seconds, t - self.absolute_seconds).await?;
        let live: std::collections::HashSet<Vec<u8>> = live.into_iter().collect();
        self.lock().retain(|hash, _| live.contains(&hash[..]));
        Ok(())
    }

    pub fn unlocked_count(&self) -> usize {
        self.lock().len()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<[u8; 32], Unlocked>> {
        // A poisoned map only means a panic elsewhere; its data is still whole.
        self.unlocked.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn csrf_for(&self, token_hash: &[u8; 32]) -> String {
        let mut mac = match Hmac::<Sha256>::new_from_slice(&self.csrf_key[..]) {
            Ok(m) => m,
            Err(_) => return String::new(),
        };
        mac.update(token_hash);
        hex(&mac.finalize().into_bytes())
    }

    /// Whether the browser says this request was sent from another site.
    /// `Sec-Fetch-Site`, when present, decides alone (`same-origin` and
    /// `none` pass). Otherwise an `Origin` must be the public address or the
    /// host asked for; `Origin: null`, which browsers send on a same-origin
    /// POST under `Referrer-Policy: no-referrer`, gives no opinion, and the
    /// session-bound token (with SameSite=Strict) decides.
    pub fn cross_origin(&self, headers: &HeaderMap) -> bool {
        let text = |name| {
            headers
                .get(name)
                .and_then(|v: &HeaderValue| v.to_str().ok())
        };
        if let Some(site) = text("sec-fetch-site") {
            return site != "same-origin" && site != "none";
        }
        match text("origin") {
            None | Some("null") => false,
            Some(origin) => {
                let own_host =
                    text("host").is_some_and(|host| origin.split("://").nth(1) == Some(host));
                origin != self.public_origin && !own_host
            }
        }
    }

    fn token_from(&self, headers: &HeaderMap) -> Option<Token> {
        let name = self.cookie_name();
        headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(k, v)| *k == name && v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit()))
            .map(|(_, v)| Token(Zeroizing::new(v.to_owned())))
    }
}

/// A logged-in person with an unlocked key, for one request.
pub struct StaffSession {
    pub token_hash: [u8; 32],
    pub staff: StaffRow,
    pub services: Vec<String>,
    pub identity: Arc<x25519::Identity>,
    /// Seats this key has found the cases of (see `booking::seats`).
    pub seats: Arc<SeatMemo>,
    pub csrf: String,
    pub lang: Lang,
    /// The browser said this request came from another site.
    cross_origin: bool,
}

impl StaffSession {
    pub fn is_member(&self, service: &str) -> bool {
        self.services.iter().any(|s| s == service)
    }

    /// A state-changing request must carry this session's CSRF token and,
    /// when the browser says where it came from, come from this site.
    pub fn check_csrf(&self, sent: &str) -> Result<(), CsrfRefused> {
        let same_token = sent.len() == self.csrf.len()
            && sent
                .bytes()
                .zip(self.csrf.bytes())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0;
        if same_token && !self.cross_origin {
            Ok(())
        } else {
            tracing::info!(staff = %self.staff.id, "state-changing request refused: CSRF check");
            Err(CsrfRefused)
        }
    }
}

impl StaffSession {
    /// An admin's state-changing request: the refusal, if any, for the
    /// role, then the CSRF token.
    pub fn refuse_admin_action(&self, sent: &str, _exit: &str) -> Option<Response> {
        if !self.staff.is_admin() {
            return Some(PageError::Forbidden.into_response());
        }
        self.check_csrf(sent).err().map(IntoResponse::into_response)
    }
}

/// A state-changing request that failed the CSRF check: a 403 page.
#[derive(Debug)]
pub struct CsrfRefused;

impl IntoResponse for CsrfRefused {
    fn into_response(self) -> Response {
        PageError::Forbidden.into_response()
    }
}

impl From<CsrfRefused> for PageError {
    fn from(_: CsrfRefused) -> PageError {
        PageError::Forbidden
    }
}

/// The 403 page (kept while handlers move to `PageError::Forbidden`).
pub fn forbidden(_lang: Lang) -> Response {
    PageError::Forbidden.into_response()
}

/// Why a request has no session: each sends the person to log in.
fn to_login(lang: Lang, notice: Option<&str>) -> Response {
    let target = match notice {
        Some(n) => format!("/{}/staff/login?notice={n}", lang.code()),
        None => format!("/{}/staff/login", lang.code()),
    };
    Redirect::to(&target).into_response()
}

/// The pages a person who must change their password may use.
fn account_path(path: &str) -> bool {
    let rest = path.get(3..).unwrap_or("");
    rest == "/staff/account" || rest.starts_with("/staff/account/") || rest == "/staff/logout"
}

fn lang_of(parts: &Parts) -> Lang {
    parts
        .uri
        .path()
        .split('/')
        .nth(1)
        .and_then(Lang::from_code)
        .unwrap_or(Lang::Fi)
}

impl FromRequestParts<AppState> for StaffSession {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let lang = lang_of(parts);
        let sessions = &state.staff.sessions;
        let Some(token) = sessions.token_from(&parts.headers) else {
            return Err(to_login(lang, None));
        };
        let hash = token.hash();
        let found = store::find_session(&state.db, &hash)
            .await
            .map_err(|e| PageError::from(e).into_response())?;
        let Some(row) = found else {
            sessions.lock().remove(&hash);
            return Err(to_login(lang, Some("ended")));
        };
        let t = now();
        let timed_out = t - row.seen_at > sessions.idle_seconds
            || t - row.created_at > sessions.absolute_seconds;
        if timed_out || !row.staff.active {
            let _ = sessions.end(&state.db, &hash).await;
            return Err(to_login(lang, Some("ended")));
        }
        let (identity, seats) = match sessions.lock().get(&hash) {
            Some(u) => (u.identity.clone(), u.seats.clone()),
            // Logged in on another instance, or before a restart: the key
            // is not here, so log in again.
            None => return Err(to_login(lang, Some("locked"))),
        };
        if t - row.seen_at >= TOUCH_EVERY {
            store::touch_session(&state.db, &hash, t)
                .await
                .map_err(|e| PageError::from(e).into_response())?;
        }
        // Until the one-time password is replaced, only the account page
        // and logout answer, for every method: new routes are covered too.
        if row.staff.must_change_password && !account_path(parts.uri.path()) {
            return Err(Redirect::to(&format!("/{}/staff/account", lang.code())).into_response());
        }
        let services = store::services_of(&state.db, &row.staff.id)
            .await
            .map_err(|e| PageError::from(e).into_response())?;
        Ok(StaffSession {
            cross_origin: sessions.cross_origin(&parts.headers),
            csrf: sessions.csrf_for(&hash),
            token_hash: hash,
            staff: row.staff,
            services,
            identity,
            seats,
            lang,
        })
    }
}
