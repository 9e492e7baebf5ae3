//! Staff sessions: a random token in an HttpOnly, SameSite=Strict cookie
//! (Secure and `__Host-` prefixed over https), idle and absolute timeouts,
//! and a CSRF token bound to the session. The database row holds a hash of
//! the token and the unlocked age identity sealed under a key only the
//! token gives (`sealed`), so a session works on every instance and
//! outlives a restart, while the database alone opens nothing. Every
//! request reads the row: a session ended or an account deactivated on any
//! instance is refused at once everywhere. What a request must present to
//! act is checked in `guard`.

mod browser;
mod held;
mod sealed;

use std::collections::HashMap;
use std::sync::atomic::AtomicI64;
use std::sync::{Arc, Mutex};

use age::x25519;
use axum::http::HeaderMap;
use rand::RngCore;
use rand::rngs::OsRng;
use zeroize::Zeroizing;

use super::store::{self, StaffRow};
use crate::booking::seats::SeatMemo;
use crate::config::Config;
use crate::seal::{Pepper, hex};
use browser::origin_of;
use held::Unlocked;
pub use sealed::{SessionKey, derive as derive_session_key};

/// A seal that could not be made (the cipher refused): the login or key
/// change fails as a database write would.
fn seal_failed() -> sqlx::Error {
    sqlx::Error::Encode("a session identity could not be sealed".into())
}

/// Sessions seen within this many seconds are not written again.
const TOUCH_EVERY: i64 = 30;

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
        self.forget_others(staff_id, keep);
        Ok(())
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
