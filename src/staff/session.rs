//! Staff sessions: a random token in an HttpOnly, SameSite=Strict cookie
//! (Secure and `__Host-` prefixed over https), only its hash in the database,
//! idle and absolute timeouts, a CSRF token bound to the session, and the
//! unlocked age identity held in this instance's memory only. What a
//! request must present to act is checked in `guard`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use age::x25519;
use axum::http::{HeaderMap, HeaderValue, header};
use hmac::{Hmac, Mac};
use rand::RngCore;
use rand::rngs::OsRng;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use super::store::{self, StaffRow};
use crate::booking::seats::SeatMemo;
use crate::config::Config;
use crate::seal::{Pepper, hex};

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

    /// The session `headers` present, as found; a live one is marked seen
    /// when it was last seen a while ago, and an ended one is forgotten.
    pub async fn presented(
        &self,
        db: &crate::db::Db,
        headers: &HeaderMap,
    ) -> Result<Presented, sqlx::Error> {
        let Some(token) = self.token_from(headers) else {
            return Ok(Presented::Missing);
        };
        let hash = token.hash();
        let Some(row) = store::find_session(db, &hash).await? else {
            self.lock().remove(&hash);
            return Ok(Presented::Ended);
        };
        let t = now();
        let timed_out =
            t - row.seen_at > self.idle_seconds || t - row.created_at > self.absolute_seconds;
        if timed_out || !row.staff.active {
            let _ = self.end(db, &hash).await;
            return Ok(Presented::Ended);
        }
        let held = self
            .lock()
            .get(&hash)
            .map(|u| (u.identity.clone(), u.seats.clone()));
        let Some((identity, seats)) = held else {
            return Ok(Presented::Locked);
        };
        if t - row.seen_at >= TOUCH_EVERY {
            store::touch_session(db, &hash, t).await?;
        }
        Ok(Presented::Live(Box::new(Live {
            csrf: self.csrf_for(&hash),
            cross_origin: self.cross_origin(headers),
            token_hash: hash,
            staff: row.staff,
            identity,
            seats,
        })))
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

/// A session a request presents, as [`Sessions::presented`] found it.
pub enum Presented {
    /// No session cookie (or none of ours).
    Missing,
    /// Logged out, timed out, or the account was deactivated.
    Ended,
    /// Live, but its key is not unlocked in this instance: logged in on
    /// another instance, or before a restart.
    Locked,
    Live(Box<Live>),
}

/// A live session with its key unlocked here.
pub struct Live {
    pub token_hash: [u8; 32],
    pub staff: StaffRow,
    pub identity: Arc<x25519::Identity>,
    pub seats: Arc<SeatMemo>,
    /// The session's CSRF token.
    pub csrf: String,
    /// The browser said this request came from another site.
    pub cross_origin: bool,
}
