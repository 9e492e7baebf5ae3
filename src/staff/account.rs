//! A person's own account: change the password (which rewraps their key),
//! and turn the TOTP second factor on or off.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, Form, State};
use axum::http::HeaderMap;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use secrecy::SecretString;
use serde::Deserialize;

use super::password::NewPassword;
use super::totp::TotpSecret;
use super::views::{AccountView, StaffPage, TotpSetup};
use super::{StaffSession, store};
use crate::app::AppState;
use crate::i18n::Tr;
use crate::intake::now_secs;
use crate::seal::hex;
use crate::web::{PageError, render};

fn account_page(
    state: &AppState,
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
    let _ = state;
    render(status, &view, lang, "/")
}

/// After a change to how a person logs in: their other sessions end (a
/// thief's among them), and the change is audited.
async fn ends_other_sessions(
    state: &AppState,
    session: &StaffSession,
    action: &str,
) -> Result<(), PageError> {
    state
        .staff
        .sessions
        .end_others(&state.db, &session.staff.id, &session.token_hash)
        .await
        .map_err(PageError::internal)?;
    store::audit_now(&state.db, &session.staff.id, action, None, None)
        .await
        .map_err(PageError::internal)
}

fn back_to_account(session: &StaffSession) -> Response {
    Redirect::to(&format!("/{}/staff/account", session.lang.code())).into_response()
}

/// Checks the person's current password, under the same limits as a login
/// (a stolen session must not become an unlimited password oracle).
async fn current_password_ok(
    state: &AppState,
    session: &StaffSession,
    peer: SocketAddr,
    headers: &HeaderMap,
    current: &SecretString,
) -> Result<bool, Response> {
    let lang = session.lang;
    if !state
        .limits
        .allow_login(state.client_net(peer, headers), &session.staff.username)
    {
        return Err(account_page(
            state,
            session,
            StatusCode::TOO_MANY_REQUESTS,
            None,
            vec!["staff-error-too-many"],
            None,
        ));
    }
    let ok = state
        .staff
        .hasher
        .verify(Some(session.staff.password_hash.clone()), current)
        .await
        .map_err(|e| PageError::internal(e).render(lang, "/"))?;
    if !ok {
        super::login::audit_failure(state, &session.staff.id);
    }
    Ok(ok)
}

pub async fn page(State(state): State<AppState>, session: StaffSession) -> Response {
    account_page(&state, &session, StatusCode::OK, None, vec![], None)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawPasswordChange {
    csrf: String,
    current: String,
    new: String,
    repeat: String,
}

pub async fn change_password(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    session: StaffSession,
    Form(raw): Form<RawPasswordChange>,
) -> Response {
    if let Err(refused) = session.check_csrf(&raw.csrf) {
        return refused.into_response();
    }
    let lang = session.lang;
    let current = SecretString::from(raw.current);
    let mut errors = vec![];
    let new = NewPassword::parse(&raw.new)
        .map_err(|e| errors.push(e))
        .ok();
    if raw.new != raw.repeat {
        errors.push("error-password-repeat");
    }
    let verified = match current_password_ok(&state, &session, peer, &headers, &current).await {
        Ok(v) => v,
        Err(refused) => return refused,
    };
    if !verified {
        errors.insert(0, "error-password-current");
    }
    let Some(new) = new.filter(|_| errors.is_empty()) else {
        return account_page(
            &state,
            &session,
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
            errors,
            None,
        );
    };
    let changed = async {
        let hash = state
            .staff
            .hasher
            .hash(&new)
            .await
            .map_err(PageError::internal)?;
        let wrapped = state
            .staff
            .wrap_identity(session.identity.clone(), new.secret().clone())
            .await
            .map_err(PageError::internal)?;
        store::set_password(&state.db, &session.staff.id, &hash, &wrapped)
            .await
            .map_err(PageError::internal)?;
        ends_other_sessions(&state, &session, "password_change").await
    };
    match changed.await {
        Ok(()) => {
            tracing::info!(staff = %session.staff.id, "password changed, key rewrapped");
            let mut session = session;
            session.staff.must_change_password = false;
            account_page(
                &state,
                &session,
                StatusCode::OK,
                Some("staff-password-changed"),
                vec![],
                None,
            )
        }
        Err(e) => e.render(lang, "/"),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawKey {
    csrf: String,
    current: String,
}

/// Replaces the person's key: a new identity wrapped under their password
/// becomes theirs at once, and the items of their services are resealed in
/// the background with the old key, unlocked in this session.
pub async fn replace_key(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    session: StaffSession,
    Form(raw): Form<RawKey>,
) -> Response {
    if let Err(refused) = session.check_csrf(&raw.csrf) {
        return refused.into_response();
    }
    if session.staff.must_change_password {
        return back_to_account(&session);
    }
    let lang = session.lang;
    let current = SecretString::from(raw.current);
    match current_password_ok(&state, &session, peer, &headers, &current).await {
        Ok(true) => {}
        Ok(false) => {
            return account_page(
                &state,
                &session,
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
                vec!["error-password-current"],
                None,
            );
        }
        Err(refused) => return refused,
    }
    let replaced = async {
        let old = crate::seal::IdentityFile::from_identities(vec![(*session.identity).clone()]);
        let (new, wrapped) = state
            .staff
            .new_identity(current)
            .await
            .map_err(PageError::internal)?;
        store::set_key(
            &state.db,
            &session.staff.id,
            &new.to_public().to_string(),
            &wrapped,
        )
        .await
        .map_err(PageError::internal)?;
        state
            .staff
            .sessions
            .replace_identity(&session.token_hash, new);
        // Other sessions hold the old key: they end, as after a password change.
        ends_other_sessions(&state, &session, "key_replaced").await?;
        crate::rotation::pages::start(
            &state,
            &session.services,
            "own_key",
            &session.staff.id,
            &old,
        )
        .await
    };
    match replaced.await {
        Ok(()) => {
            tracing::info!(staff = %session.staff.id, "key replaced, resealing started");
            Redirect::to(&format!("/{}/staff/rotation", lang.code())).into_response()
        }
        Err(e) => e.render(lang, "/"),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawTotp {
    csrf: String,
    pending: String,
    code: String,
    current: String,
}

fn setup_for(
    state: &AppState,
    session: &StaffSession,
    seed: &TotpSecret,
) -> Result<TotpSetup, PageError> {
    let sealed = state.staff.seal_totp(seed).map_err(PageError::internal)?;
    Ok(TotpSetup {
        base32: seed.base32().to_string(),
        uri: seed.uri("suoja", &session.staff.username).to_string(),
        pending: hex(&sealed),
    })
}

pub async fn totp_start(
    State(state): State<AppState>,
    session: StaffSession,
    Form(raw): Form<RawTotp>,
) -> Response {
    if let Err(refused) = session.check_csrf(&raw.csrf) {
        return refused.into_response();
    }
    if session.staff.totp_sealed.is_some() {
        // Replacing a seed means turning it off first, with the password.
        return back_to_account(&session);
    }
    match setup_for(&state, &session, &TotpSecret::generate()) {
        Ok(setup) => account_page(&state, &session, StatusCode::OK, None, vec![], Some(setup)),
        Err(e) => e.render(session.lang, "/"),
    }
}

pub async fn totp_confirm(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    session: StaffSession,
    Form(raw): Form<RawTotp>,
) -> Response {
    if let Err(refused) = session.check_csrf(&raw.csrf) {
        return refused.into_response();
    }
    let lang = session.lang;
    if session.staff.totp_sealed.is_some() {
        return back_to_account(&session);
    }
    let Some(seed) = (raw.pending.len() <= 4096)
        .then(|| crate::seal::unhex(&raw.pending))
        .flatten()
        .and_then(|s| state.staff.open_totp(&s).ok())
    else {
        return PageError::BadRequest.render(lang, "/");
    };
    let current = SecretString::from(raw.current);
    let password_ok = match current_password_ok(&state, &session, peer, &headers, &current).await {
        Ok(ok) => ok,
        Err(refused) => return refused,
    };
    let step = seed.verify(&raw.code, now_secs(), 0);
    let (Some(step), true) = (step, password_ok) else {
        let error = if password_ok {
            "error-totp-code"
        } else {
            "error-password-current"
        };
        return match setup_for(&state, &session, &seed) {
            Ok(setup) => account_page(
                &state,
                &session,
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
                vec![error],
                Some(setup),
            ),
            Err(e) => e.render(lang, "/"),
        };
    };
    let stored = async {
        let sealed = state.staff.seal_totp(&seed).map_err(PageError::internal)?;
        store::set_totp(&state.db, &session.staff.id, Some(&sealed))
            .await
            .map_err(PageError::internal)?;
        store::use_totp_step(&state.db, &session.staff.id, step as i64)
            .await
            .map_err(PageError::internal)?;
        ends_other_sessions(&state, &session, "totp_on").await
    };
    match stored.await {
        Ok(()) => back_to_account(&session),
        Err(e) => e.render(lang, "/"),
    }
}

pub async fn totp_off(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    session: StaffSession,
    Form(raw): Form<RawTotp>,
) -> Response {
    if let Err(refused) = session.check_csrf(&raw.csrf) {
        return refused.into_response();
    }
    let lang = session.lang;
    let current = SecretString::from(raw.current);
    match current_password_ok(&state, &session, peer, &headers, &current).await {
        Ok(true) => {}
        Ok(false) => {
            return account_page(
                &state,
                &session,
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
                vec!["error-password-current"],
                None,
            );
        }
        Err(refused) => return refused,
    }
    let done = async {
        store::set_totp(&state.db, &session.staff.id, None)
            .await
            .map_err(PageError::internal)?;
        store::audit_now(&state.db, &session.staff.id, "totp_off", None, None)
            .await
            .map_err(PageError::internal)
    };
    match done.await {
        Ok(()) => back_to_account(&session),
        Err(e) => e.render(lang, "/"),
    }
}
