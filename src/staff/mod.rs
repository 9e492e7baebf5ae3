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
    /// Unwrapping a key costs 128 MiB of scrypt: one at a time.
    pub unwrapping: Semaphore,
    /// TOTP seeds are sealed to this pepper-derived key.
    totp_key: x25519::Identity,
}

impl StaffState {
    pub fn new(config: &Config, pepper: &Pepper) -> Result<StaffState, crate::serve::BoxError> {
        Ok(StaffState {
            sessions: Sessions::new(config, pepper),
            hasher: Hasher::new(pepper)?,
            login_key: FormKey::new(pepper.derive("staff-login"), 0, 3600)?,
            unwrapping: Semaphore::new(1),
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
        let _permit = self
            .unwrapping
            .acquire()
            .await
            .map_err(|_| SealError::Malformed)?;
        tokio::task::spawn_blocking(move || seal::identity::unwrap(&wrapped, &password))
            .await
            .map_err(|_| SealError::Malformed)?
    }

    /// A fresh identity wrapped under `password`, off the async workers.
    pub async fn new_identity(
        &self,
        password: SecretString,
    ) -> Result<(x25519::Identity, Vec<u8>), SealError> {
        let _permit = self
            .unwrapping
            .acquire()
            .await
            .map_err(|_| SealError::Malformed)?;
        tokio::task::spawn_blocking(move || seal::identity::generate(&password))
            .await
            .map_err(|_| SealError::Malformed)?
    }

    /// Wraps an identity under a new password, off the async workers.
    pub async fn wrap_identity(
        &self,
        identity: std::sync::Arc<x25519::Identity>,
        password: SecretString,
    ) -> Result<Vec<u8>, SealError> {
        let _permit = self
            .unwrapping
            .acquire()
            .await
            .map_err(|_| SealError::Malformed)?;
        tokio::task::spawn_blocking(move || seal::identity::wrap(&identity, &password))
            .await
            .map_err(|_| SealError::Malformed)?
    }
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
