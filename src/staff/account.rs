//! A person's own account: change the password (which rewraps their key),
//! and turn the TOTP second factor on or off.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, State};
use axum::http::HeaderMap;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use secrecy::SecretString;
use serde::Deserialize;

use super::guard::{StaffForm, csrf_forms};
use super::password::NewPassword;
use super::totp::TotpSecret;
use super::views::{AccountView, StaffPage, TotpSetup};
use super::{StaffSession, store};
use crate::app::AppState;
use crate::i18n::Tr;
use crate::intake::now_secs;
use crate::seal::hex;
use crate::web::{PageError, html};

fn account_page(
    session: &StaffSession,
    status: StatusCode,
    notice: Option<&str>,
    errors: Vec<&str>,
    totp_setup: Option<TotpSetup>,
) -> Response {
    let lang = session.lang;
    let t = Tr::new(lang);
    let view = AccountView {
        page: StaffPage::titled(lang, "staff-account-title", "staff/account", Some(session)),
        csrf: session.csrf.clone(),
        username: session.staff.username.clone(),
        recipient: session.staff.recipient.clone(),
        must_change: session.staff.must_change_password,
        totp_on: session.staff.totp_sealed.is_some(),
        notice: notice.map(|n| t.t(n)),
        errors: errors.into_iter().map(|e| t.t(e)).collect(),
        totp_setup,
    };
    html(status, &view)
}

/// The account page again, saying what to fix.
fn refused(session: &StaffSession, status: StatusCode, error: &str) -> Response {
    account_page(session, status, None, vec![error], None)
}

/// After a change to how a person logs in: their other sessions end (a
/// thief's among them), and the change is audited.
async fn ends_other_sessions(
    state: &AppState,
    session: &StaffSession,
    action: &str,
) -> Result<(), PageError> {
    let staff_id = &session.staff.id;
    let sessions = &state.staff.sessions;
    sessions
        .end_others(&state.db, staff_id, &session.token_hash)
        .await?;
    store::audit_now(&state.db, staff_id, action, None, None).await?;
    Ok(())
}

fn back_to_account(session: &StaffSession) -> Response {
    Redirect::to(&format!("/{}/staff/account", session.lang.code())).into_response()
}

/// The current password as a form gave it.
#[derive(PartialEq)]
enum Current {
    Right,
    Wrong,
    /// Not checked: too many tries (as for a login).
    TooMany,
}

/// Checks the person's current password, under the same limits as a login
/// (a stolen session must not become an unlimited password oracle).
async fn check_current(
    state: &AppState,
    session: &StaffSession,
    peer: SocketAddr,
    headers: &HeaderMap,
    current: &SecretString,
) -> Result<Current, PageError> {
    let client = state.client_net(peer, headers);
    if !state
        .limits
        .allow_login(client, &session.staff.username)
        .await
    {
        return Ok(Current::TooMany);
    }
    let hash = Some(session.staff.password_hash.clone());
    if state.staff.hasher.verify(hash, current).await? {
        return Ok(Current::Right);
    }
    super::login::audit_failure(state, &session.staff.id);
    Ok(Current::Wrong)
}

fn too_many_tries(session: &StaffSession) -> Response {
    refused(
        session,
        StatusCode::TOO_MANY_REQUESTS,
        "staff-error-too-many",
    )
}

pub async fn page(session: StaffSession) -> Response {
    account_page(&session, StatusCode::OK, None, vec![], None)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawPasswordChange {
    csrf: String,
    current: String,
    new: String,
    repeat: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawKey {
    csrf: String,
    current: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawTotp {
    csrf: String,
    pending: String,
    code: String,
    current: String,
}

csrf_forms!(RawPasswordChange, RawKey, RawTotp);

pub async fn change_password(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    StaffForm { session, form: raw }: StaffForm<RawPasswordChange>,
) -> Result<Response, PageError> {
    let mut errors = vec![];
    let new = NewPassword::parse(&raw.new)
        .map_err(|e| errors.push(e))
        .ok();
    if raw.new != raw.repeat {
        errors.push("error-password-repeat");
    }
    let current = SecretString::from(raw.current);
    match check_current(&state, &session, peer, &headers, &current).await? {
        Current::TooMany => return Ok(too_many_tries(&session)),
        Current::Wrong => errors.insert(0, "error-password-current"),
        Current::Right => {}
    }
    let Some(new) = new.filter(|_| errors.is_empty()) else {
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return Ok(account_page(&session, status, None, errors, None));
    };
    set_password(&state, &session, &new).await?;
    tracing::info!(staff = %session.staff.id, "password changed, key rewrapped");
    let mut session = session;
    session.staff.must_change_password = false;
    let notice = Some("staff-password-changed");
    Ok(account_page(&session, StatusCode::OK, notice, vec![], None))
}

/// Stores the new password with the key rewrapped under it; the person's
/// other sessions end.
async fn set_password(
    state: &AppState,
    session: &StaffSession,
    new: &NewPassword,
) -> Result<(), PageError> {
    let hash = state.staff.hasher.hash(new).await?;
    let wrapped = state
        .staff
        .wrap_identity(session.identity.clone(), new.secret().clone())
        .await?;
    store::set_password(&state.db, &session.staff.id, &hash, &wrapped).await?;
    ends_other_sessions(state, session, "password_change").await
}

/// Replaces the person's key: a new identity wrapped under their password
/// becomes theirs at once, and the items of their services are resealed in
/// the background with the old key, unlocked in this session.
pub async fn replace_key(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    StaffForm { session, form: raw }: StaffForm<RawKey>,
) -> Result<Response, PageError> {
    if session.staff.must_change_password {
        return Ok(back_to_account(&session));
    }
    let current = SecretString::from(raw.current);
    match check_current(&state, &session, peer, &headers, &current).await? {
        Current::TooMany => return Ok(too_many_tries(&session)),
        Current::Wrong => return Ok(wrong_password(&session)),
        Current::Right => {}
    }
    new_key(&state, &session, current).await?;
    tracing::info!(staff = %session.staff.id, "key replaced, resealing started");
    let to = format!("/{}/staff/rotation", session.lang.code());
    Ok(Redirect::to(&to).into_response())
}

fn wrong_password(session: &StaffSession) -> Response {
    let status = StatusCode::UNPROCESSABLE_ENTITY;
    refused(session, status, "error-password-current")
}

/// Gives the person a new key under `password`, ends their other sessions
/// (which hold the old key), and starts resealing with the old key.
async fn new_key(
    state: &AppState,
    session: &StaffSession,
    password: SecretString,
) -> Result<(), PageError> {
    let old = crate::seal::IdentityFile::from_identities(vec![(*session.identity).clone()]);
    let (new, wrapped) = state.staff.new_identity(password).await?;
    let recipient = new.to_public().to_string();
    store::set_key(&state.db, &session.staff.id, &recipient, &wrapped).await?;
    state
        .staff
        .sessions
        .replace_identity(&state.db, session, new)
        .await?;
    // Other sessions hold the old key: they end, as after a password change.
    ends_other_sessions(state, session, "key_replaced").await?;
    let services = &session.services;
    crate::rotation::background::start(state, services, "own_key", &session.staff.id, &old).await
}

fn setup_for(
    state: &AppState,
    session: &StaffSession,
    seed: &TotpSecret,
) -> Result<TotpSetup, PageError> {
    let sealed = state.staff.seal_totp(seed)?;
    Ok(TotpSetup {
        base32: seed.base32().to_string(),
        uri: seed.uri("suoja", &session.staff.username).to_string(),
        pending: hex(&sealed),
    })
}

pub async fn totp_start(
    State(state): State<AppState>,
    StaffForm { session, .. }: StaffForm<RawTotp>,
) -> Result<Response, PageError> {
    if session.staff.totp_sealed.is_some() {
        // Replacing a seed means turning it off first, with the password.
        return Ok(back_to_account(&session));
    }
    let setup = setup_for(&state, &session, &TotpSecret::generate())?;
    Ok(account_page(
        &session,
        StatusCode::OK,
        None,
        vec![],
        Some(setup),
    ))
}

/// The seed the setup form carries back, sealed to this instance's key.
fn pending_seed(state: &AppState, pending: &str) -> Option<TotpSecret> {
    (pending.len() <= 4096)
        .then(|| crate::seal::unhex(pending))
        .flatten()
        .and_then(|s| state.staff.open_totp(&s).ok())
}

pub async fn totp_confirm(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    StaffForm { session, form: raw }: StaffForm<RawTotp>,
) -> Result<Response, PageError> {
    if session.staff.totp_sealed.is_some() {
        return Ok(back_to_account(&session));
    }
    let seed = pending_seed(&state, &raw.pending).ok_or(PageError::BadRequest)?;
    let current = SecretString::from(raw.current);
    let password_ok = match check_current(&state, &session, peer, &headers, &current).await? {
        Current::TooMany => return Ok(too_many_tries(&session)),
        checked => checked == Current::Right,
    };
    let step = seed.verify(&raw.code, now_secs(), 0);
    let (Some(step), true) = (step, password_ok) else {
        let error = if password_ok {
            "error-totp-code"
        } else {
            "error-password-current"
        };
        let setup = Some(setup_for(&state, &session, &seed)?);
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return Ok(account_page(&session, status, None, vec![error], setup));
    };
    let sealed = state.staff.seal_totp(&seed)?;
    store::set_totp(&state.db, &session.staff.id, Some(&sealed)).await?;
    store::use_totp_step(&state.db, &session.staff.id, step as i64).await?;
    ends_other_sessions(&state, &session, "totp_on").await?;
    Ok(back_to_account(&session))
}

pub async fn totp_off(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    StaffForm { session, form: raw }: StaffForm<RawTotp>,
) -> Result<Response, PageError> {
    let current = SecretString::from(raw.current);
    match check_current(&state, &session, peer, &headers, &current).await? {
        Current::TooMany => return Ok(too_many_tries(&session)),
        Current::Wrong => return Ok(wrong_password(&session)),
        Current::Right => {}
    }
    store::set_totp(&state.db, &session.staff.id, None).await?;
    store::audit_now(&state.db, &session.staff.id, "totp_off", None, None).await?;
    Ok(back_to_account(&session))
}
