//! Staff sessions: a random token in an HttpOnly, SameSite=Strict cookie
//! (Secure and `__Host-` prefixed over https), idle and absolute timeouts,
//! and a CSRF token bound to the session. The database row holds a hash of
//! the token and the unlocked age identity sealed under a key only the
//! token gives (`sealed`), so a session works on every instance and
//! outlives a restart, while the database alone opens nothing. Every
//! request reads the row: a session ended or an account deactivated on any
//! instance is refused at once everywhere. What a request must present to
//! act is checked in `guard`.

mod sealed;

use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use age::x25519;
use axum::http::{HeaderMap, HeaderValue, header};
use hmac::{Hmac, Mac};
use rand::RngCore;
use rand::rngs::OsRng;
use sha2::Sha256;
use zeroize::Zeroizing;

use super::store::{self, StaffRow};
use crate::booking::seats::SeatMemo;
use crate::config::Config;
use crate::seal::{Pepper, hex};
pub use sealed::SessionKey;

/// A seal that could not be made (the cipher refused): the login or key
/// change fails as a database write would.
fn seal_failed() -> sqlx::Error {
    sqlx::Error::Encode("a session identity could not be sealed".into())
}

/// Sessions seen within this many seconds are not written again.
const TOUCH_EVERY: i64 = 30;

/// How long an opened identity this instance holds counts as live without
/// the database confirming its session again (`sweep` does, every few
/// seconds): a key logged out or deactivated elsewhere is never handed to
/// a rotation for longer than this.
const CONFIRMED_FOR: Duration = Duration::from_secs(5);

/// Timed-out sessions are deleted at most this often (each sweep reads).
const EXPIRE_EVERY: i64 = 15;

/// A session token as the cookie carries it (64 hex digits).
pub struct Token(Zeroizing<String>);

impl Token {
    pub fn generate() -> Token {
        let mut bytes = Zeroizing::new([0u8; 32]);
        OsRng.fill_bytes(&mut bytes[..]);
        Token(Zeroizing::new(hex(&bytes[..])))
    }
}

/// An identity this instance has opened, for the session that opened it.
struct Unlocked {
    staff_id: String,
    identity: Arc<x25519::Identity>,
    /// Its public key, to see that the row still seals this one.
    recipient: String,
    /// What this key has opened to find booked seats; dropped with the key.
    seats: Arc<SeatMemo>,
    /// When the database last said the session is live.
    confirmed: Instant,
}

/// Session settings and the identities this instance has opened, keyed by
/// token hash.
pub struct Sessions {
    unlocked: Mutex<HashMap<[u8; 32], Unlocked>>,
    csrf_key: Zeroizing<[u8; 32]>,
    /// The HKDF salt of session tokens: a database thief who also has a
    /// cookie still needs the pepper to open the sealed identity.
    token_salt: Zeroizing<[u8; 32]>,
    /// When this instance last deleted timed-out sessions.
    expired_at: AtomicI64,
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
            token_salt: pepper.derive("staff-session-token"),
            expired_at: AtomicI64::new(0),
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

    /// The lookup hash and sealing key of `token`.
    fn derive(&self, token: &Token) -> ([u8; 32], SessionKey) {
        sealed::derive(&self.token_salt, token.0.as_bytes())
    }

    /// Starts a session for `staff`: its row holds their unlocked
    /// `identity` sealed under a key that only the returned token gives.
    pub async fn start(
        &self,
        db: &crate::db::Db,
        staff_id: &str,
        identity: x25519::Identity,
    ) -> Result<Token, sqlx::Error> {
        let token = Token::generate();
        let (hash, key) = self.derive(&token);
        let sealed = key.seal(&hash, &identity).ok_or_else(seal_failed)?;
        store::insert_session(db, &hash, staff_id, now(), &sealed).await?;
        self.hold(hash, staff_id, Arc::new(identity), Arc::default());
        Ok(token)
    }

    /// Ends a session here and in the database (so on every instance at
    /// its next request); the key is zeroized when the last request using
    /// it here finishes, and other instances drop theirs within seconds.
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
            Some(token) => self.end(db, &self.derive(&token).0).await,
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

    /// Forgets every key of a person here (deactivation, a password reset);
    /// the caller deletes their rows or deactivates the account, which ends
    /// their sessions on every instance at the next request.
    pub fn forget_person(&self, staff_id: &str) {
        self.lock().retain(|_, u| u.staff_id != staff_id);
    }

    /// After a person replaced their key: this session holds the new one,
    /// here and, sealed again in its row, on every instance.
    pub async fn replace_identity(
        &self,
        db: &crate::db::Db,
        session: &super::StaffSession,
        identity: x25519::Identity,
    ) -> Result<(), sqlx::Error> {
        let hash = &session.token_hash;
        let sealed = session.key.seal(hash, &identity).ok_or_else(seal_failed)?;
        store::reseal_session(db, hash, &sealed).await?;
        let seats = Arc::default();
        self.hold(*hash, &session.staff.id, Arc::new(identity), seats);
        Ok(())
    }

    /// The keys of the people in `staff_ids` that this instance holds for
    /// sessions the database confirmed live within the last few seconds:
    /// a rotation may open items with a logged-in member's key. Keys of
    /// sessions that never made a request here are not among them.
    pub fn unlocked_of(&self, staff_ids: &[String]) -> Vec<x25519::Identity> {
        let mut found: Vec<x25519::Identity> = vec![];
        let mut seen: Vec<&str> = vec![];
        let map = self.lock();
        for u in map.values() {
            if staff_ids.contains(&u.staff_id)
                && u.confirmed.elapsed() <= CONFIRMED_FOR
                && !seen.contains(&u.recipient.as_str())
            {
                seen.push(&u.recipient);
                found.push((*u.identity).clone());
            }
        }
        found
    }

    /// Drops every unlocked key (at shutdown).
    pub fn forget_all(&self) {
        self.lock().clear();
    }

    /// Every few seconds: deletes timed-out sessions (now and then), and
    /// forgets the keys whose session the database no longer holds live
    /// (ended elsewhere, timed out, or the account deactivated).
    pub async fn sweep(&self, db: &crate::db::Db) -> Result<(), sqlx::Error> {
        let t = now();
        if t - self.expired_at.load(Ordering::Relaxed) >= EXPIRE_EVERY {
            store::expire_sessions(db, t - self.idle_seconds, t - self.absolute_seconds).await?;
            self.expired_at.store(t, Ordering::Relaxed);
        }
        if self.lock().is_empty() {
            return Ok(());
        }
        let asked = Instant::now();
        let live = store::live_sessions(db).await?;
        let live: std::collections::HashSet<Vec<u8>> = live.into_iter().collect();
        self.lock().retain(|hash, u| {
            let keep = live.contains(&hash[..]);
            if keep && u.confirmed < asked {
                u.confirmed = asked;
            }
            keep
        });
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
        let (hash, key) = self.derive(&token);
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
        let Some((identity, seats)) = self.open(&hash, &key, &row) else {
            return Ok(Presented::Locked);
        };
        if t - row.seen_at >= TOUCH_EVERY {
            store::touch_session(db, &hash, t).await?;
        }
        Ok(Presented::Live(Box::new(Live {
            csrf: self.csrf_for(&hash),
            cross_origin: self.cross_origin(headers),
            token_hash: hash,
            key,
            staff: row.staff,
            identity,
            seats,
        })))
    }

    /// The identity of a live session's row: the one held here if the row
    /// still seals that key, else opened from the row and held. `None` when
    /// the row has none (begun before migration 0010) or it does not open.
    fn open(
        &self,
        hash: &[u8; 32],
        key: &SessionKey,
        row: &store::SessionRow,
    ) -> Option<(Arc<x25519::Identity>, Arc<SeatMemo>)> {
        if let Some(u) = self.lock().get_mut(hash)
            && u.recipient == row.staff.recipient
        {
            u.confirmed = Instant::now();
            return Some((u.identity.clone(), u.seats.clone()));
        }
        let identity = Arc::new(key.open(hash, row.sealed_identity.as_deref()?)?);
        let seats = Arc::default();
        let held = self.hold(*hash, &row.staff.id, identity.clone(), seats);
        Some((identity, held))
    }

    /// Holds an opened identity here; returns the seat memo kept with it
    /// (the one already held if the key is unchanged).
    fn hold(
        &self,
        hash: [u8; 32],
        staff_id: &str,
        identity: Arc<x25519::Identity>,
        seats: Arc<SeatMemo>,
    ) -> Arc<SeatMemo> {
        let recipient = identity.to_public().to_string();
        let mut map = self.lock();
        let seats = match map.get(&hash) {
            Some(u) if u.recipient == recipient => u.seats.clone(),
            _ => seats,
        };
        let entry = Unlocked {
            staff_id: staff_id.to_owned(),
            identity,
            recipient,
            seats: seats.clone(),
            confirmed: Instant::now(),
        };
        map.insert(hash, entry);
        seats
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
    /// Live, but its row holds no identity that opens with the token:
    /// begun before migration 0010, or the pepper changed.
    Locked,
    Live(Box<Live>),
}

/// A live session with its key opened.
pub struct Live {
    pub token_hash: [u8; 32],
    /// The key that seals this session's identity in its row.
    pub key: SessionKey,
    pub staff: StaffRow,
    pub identity: Arc<x25519::Identity>,
    pub seats: Arc<SeatMemo>,
    /// The session's CSRF token.
    pub csrf: String,
    /// The browser said this request came from another site.
    pub cross_origin: bool,
}
