//! Staff: accounts, login with an unlocked age key, sessions, CSRF, an
//! optional TOTP second factor, the account page, and the audit log.

mod account;
pub mod guard;
pub(crate) mod login;
pub mod password;
pub mod session;
pub mod store;
pub mod totp;
pub mod views;

use std::sync::Arc;

use age::x25519;
use axum::Router;
use axum::routing::{get, post};
use secrecy::SecretString;
use tokio::sync::Semaphore;

use crate::abuse::FormKey;
use crate::app::AppState;
use crate::config::Config;
use crate::seal::{self, Pepper, SealError};
use password::Hasher;
use session::Sessions;

pub use guard::{Admin, AdminForm, StaffForm, StaffSession};
pub use session::{SessionKey, derive_session_key};

/// A user name: 1-100 of a-z, 0-9 and `._@-`.
pub fn valid_username(name: &str) -> bool {
    (1..=100).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._@-".contains(&b))
}

/// What the staff side keeps for the life of the process.
pub struct StaffState {
    pub sessions: Sessions,
    pub hasher: Hasher,
    /// Signs the login form (login CSRF), with no minimum fill time.
    pub login_key: FormKey,
    /// Unwrapping (or wrapping) a key costs 128 MiB of scrypt: one at a
    /// time, for the whole of the work (see `one_scrypt_at_a_time`).
    unwrapping: Arc<Semaphore>,
    /// TOTP seeds are sealed to this pepper-derived key.
    totp_key: x25519::Identity,
}

impl StaffState {
    pub fn new(config: &Config, pepper: &Pepper) -> Result<StaffState, crate::serve::BoxError> {
        Ok(StaffState {
            sessions: Sessions::new(config, pepper),
            hasher: Hasher::new(pepper)?,
            login_key: FormKey::new(pepper.derive("staff-login"), 0, 3600)?,
            unwrapping: Arc::new(Semaphore::new(1)),
            totp_key: pepper.identity("staff-totp")?,
        })
    }

    fn seal_totp(&self, seed: &totp::TotpSecret) -> Result<Vec<u8>, SealError> {
        seal::Envelope::new([self.totp_key.to_public()]).seal_bytes(seed.as_bytes())
    }

    fn open_totp(&self, sealed: &[u8]) -> Result<totp::TotpSecret, SealError> {
        let bytes = seal::open_bytes(sealed, &[&self.totp_key as &dyn age::Identity])?;
        totp::TotpSecret::from_bytes(&bytes).ok_or(SealError::Malformed)
    }

    /// Unwraps an identity off the async workers, one at a time.
    pub async fn unwrap_identity(
        &self,
        wrapped: Vec<u8>,
        password: SecretString,
    ) -> Result<x25519::Identity, SealError> {
        self.one_scrypt_at_a_time(move || seal::identity::unwrap(&wrapped, &password))
            .await
    }

    /// A fresh identity wrapped under `password`, off the async workers.
    pub async fn new_identity(
        &self,
        password: SecretString,
    ) -> Result<(x25519::Identity, Vec<u8>), SealError> {
        self.one_scrypt_at_a_time(move || seal::identity::generate(&password))
            .await
    }

    /// Wraps an identity under a new password, off the async workers.
    pub async fn wrap_identity(
        &self,
        identity: Arc<x25519::Identity>,
        password: SecretString,
    ) -> Result<Vec<u8>, SealError> {
        self.one_scrypt_at_a_time(move || seal::identity::wrap(&identity, &password))
            .await
    }

    /// Runs scrypt work on the blocking pool, one job at a time; queued
    /// logins wait here and hold next to nothing.
    async fn one_scrypt_at_a_time<T, F>(&self, job: F) -> Result<T, SealError>
    where
        T: Send + 'static,
        F: FnOnce() -> Result<T, SealError> + Send + 'static,
    {
        under_permit(&self.unwrapping, job)
            .await
            .ok_or(SealError::Malformed)?
    }
}

/// Runs `job` on the blocking pool under one of `permits`. The permit
/// moves into the job and is given back when the job ends, not when the
/// request is dropped: a client that gives up (closes the connection) must
/// not let the next job start beside its own, or each abandoned login could
/// hold its own scrypt or argon2 memory. None if the job panicked.
pub(crate) async fn under_permit<T, F>(permits: &Arc<Semaphore>, job: F) -> Option<T>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let permit = permits.clone().acquire_owned().await.ok()?;
    tokio::task::spawn_blocking(move || {
        let done = job();
        drop(permit);
        done
    })
    .await
    .ok()
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/{lang}/staff/login", get(login::form).post(login::login))
        .route("/{lang}/staff/logout", post(login::logout))
        .route("/{lang}/staff/account", get(account::page))
        .route(
            "/{lang}/staff/account/password",
            post(account::change_password),
        )
        .route(
            "/{lang}/staff/account/totp/start",
            post(account::totp_start),
        )
        .route(
            "/{lang}/staff/account/totp/confirm",
            post(account::totp_confirm),
        )
        .route("/{lang}/staff/account/totp/off", post(account::totp_off))
        .route("/{lang}/staff/account/key", post(account::replace_key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[tokio::test]
    async fn a_dropped_request_keeps_its_permit_until_its_job_ends() {
        let permits = Arc::new(Semaphore::new(1));
        let (started, job_started) = std::sync::mpsc::channel();
        let (release, released) = std::sync::mpsc::channel::<()>();
        let request = tokio::spawn({
            let permits = permits.clone();
            async move {
                under_permit(&permits, move || {
                    started.send(()).unwrap();
                    released.recv().unwrap();
                })
                .await
            }
        });
        tokio::task::spawn_blocking(move || job_started.recv().unwrap())
            .await
            .unwrap();
        request.abort();
        let _ = request.await;
        assert_eq!(permits.available_permits(), 0, "the job still runs");
        release.send(()).unwrap();
        let back = tokio::time::timeout(Duration::from_secs(5), permits.acquire()).await;
        assert!(back.is_ok(), "given back when the job ended");
    }
}
