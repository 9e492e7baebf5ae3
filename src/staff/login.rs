//! Logging in and out. Login checks the password (argon2id), the TOTP code
//! when the account has one, then unwraps the person's age key into this
//! instance's memory and starts a fresh session: a session id sent before
//! login is never kept. Every refusal says the same thing and, for a known
//! or an unknown name alike, costs one argon2 verification.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use secrecy::SecretString;
use serde::Deserialize;

use super::guard::{StaffForm, csrf_forms};
use super::session::Token;
use super::store::{self, StaffRow};
use super::views::{LoginView, StaffPage};
use crate::abuse::TokenCheck;
use crate::app::AppState;
use crate::i18n::{Lang, Tr};
use crate::intake::now_secs;
use crate::web::{Form, PageError, html};

const SCOPE: &str = "staff-login";

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NoticeQuery {
    notice: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawLogin {
    username: String,
    password: String,
    code: String,
    token: String,
}

impl RawLogin {
    /// The user name as looked up: trimmed, at most 100 characters.
    pub(crate) fn username(&self) -> String {
        self.username.trim().chars().take(100).collect()
    }

    /// The second-factor code as typed (for the fuzz target).
    #[cfg(feature = "fuzzing")]
    pub(crate) fn code(&self) -> &str {
        &self.code
    }
}

fn login_page(
    state: &AppState,
    lang: Lang,
    status: StatusCode,
    username: String,
    error: Option<&str>,
    notice: Option<&str>,
) -> Response {
    let t = Tr::new(lang);
    let view = LoginView {
        page: StaffPage::titled(lang, "staff-login-title", "staff/login", None),
        token: state.staff.login_key.issue(SCOPE, now_secs()),
        username,
        error: error.map(|e| t.t(e)),
        notice: notice.map(|n| t.t(n)),
    };
    html(status, &view)
}

pub async fn form(
    State(state): State<AppState>,
    lang: Lang,
    Query(query): Query<NoticeQuery>,
) -> Response {
    let notice = match query.notice.as_str() {
        "ended" => Some("staff-notice-ended"),
        "locked" => Some("staff-notice-locked"),
        "setup-done" => Some("staff-notice-setup-done"),
        "invite-done" => Some("staff-notice-invite-done"),
        "setup-closed" => Some("staff-notice-setup-closed"),
        "out" => Some("staff-notice-out"),
        _ => None,
    };
    login_page(&state, lang, StatusCode::OK, String::new(), None, notice)
}

pub async fn login(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    lang: Lang,
    Form(raw): Form<RawLogin>,
) -> Result<Response, PageError> {
    let username = raw.username();
    let password = SecretString::from(raw.password);
    let refuse = |status, error| {
        let page = login_page(&state, lang, status, username.clone(), Some(error), None);
        Ok(page)
    };
    // Login CSRF: the form must be ours and sent from this site.
    if state.staff.login_key.check(SCOPE, &raw.token, now_secs()) != TokenCheck::Valid
        || state.staff.sessions.cross_origin(&headers)
    {
        return refuse(StatusCode::UNPROCESSABLE_ENTITY, "staff-error-form-expired");
    }
    let client = state.client_net(peer, &headers);
    if !state.limits.allow_login(client, &username).await {
        tracing::info!("staff login over the rate limit");
        return refuse(StatusCode::TOO_MANY_REQUESTS, "staff-error-too-many");
    }
    let Some((token, must_change)) = attempt(&state, &username, password, &raw.code).await? else {
        return refuse(StatusCode::UNAUTHORIZED, "staff-error-login");
    };
    // A session this browser already had ends: one login, one session.
    state
        .staff
        .sessions
        .end_presented(&state.db, &headers)
        .await?;
    let target = if must_change {
        "staff/account"
    } else {
        "staff"
    };
    let cookie = [(header::SET_COOKIE, state.staff.sessions.cookie(&token))];
    Ok((cookie, Redirect::to(&format!("/{}/{target}", lang.code()))).into_response())
}

/// The session token and whether the password must be changed first, or
/// `None` when the name, password or code is wrong or the account inactive.
async fn attempt(
    state: &AppState,
    username: &str,
    password: SecretString,
    code: &str,
) -> Result<Option<(Token, bool)>, PageError> {
    let Some(account) = password_ok(state, username, &password).await? else {
        return Ok(None);
    };
    if !second_factor_ok(state, &account, code).await? {
        return Ok(None);
    }
    let token = unlock(state, &account, password).await?;
    Ok(Some((token, account.must_change_password)))
}

/// The active account `username` names, if `password` is its password.
async fn password_ok(
    state: &AppState,
    username: &str,
    password: &SecretString,
) -> Result<Option<StaffRow>, PageError> {
    let account = store::by_username(&state.db, username).await?;
    // An account waiting for a reset has no hash: the dummy is checked, so
    // the refusal takes as long as any other.
    let hash = account
        .as_ref()
        .map(|a| a.password_hash.clone())
        .filter(|h| !h.is_empty());
    let verified = state.staff.hasher.verify(hash, password).await?;
    let Some(account) = account else {
        return Ok(None);
    };
    if !verified || !account.active {
        tracing::info!(staff = %account.id, "staff login refused");
        audit_failure(state, &account.id);
        return Ok(None);
    }
    Ok(Some(account))
}

/// Whether `code` is a fresh TOTP code of the account, or it has none.
async fn second_factor_ok(
    state: &AppState,
    account: &StaffRow,
    code: &str,
) -> Result<bool, PageError> {
    let Some(sealed) = &account.totp_sealed else {
        return Ok(true);
    };
    let seed = state.staff.open_totp(sealed)?;
    let fresh = match seed.verify(code, now_secs(), account.totp_last_step.max(0) as u64) {
        Some(step) => store::use_totp_step(&state.db, &account.id, step as i64).await?,
        None => false,
    };
    if !fresh {
        tracing::info!(staff = %account.id, "staff login refused: second factor");
        audit_failure(state, &account.id);
    }
    Ok(fresh)
}

/// Unwraps the account's key into this instance and starts a session.
async fn unlock(
    state: &AppState,
    account: &StaffRow,
    password: SecretString,
) -> Result<Token, PageError> {
    let wrapped = account.wrapped_identity.clone();
    let identity = state.staff.unwrap_identity(wrapped, password).await?;
    if identity.to_public().to_string() != account.recipient {
        return Err(PageError::internal(
            "unwrapped key does not match the account",
        ));
    }
    let sessions = &state.staff.sessions;
    let token = sessions.start(&state.db, &account.id, identity).await?;
    store::audit_now(&state.db, &account.id, "login", None, None).await?;
    store::audit_now(&state.db, &account.id, "unlock", None, None).await?;
    tracing::info!(staff = %account.id, "staff logged in");
    // A job a restart cut off goes on with the key just unlocked.
    crate::rotation::background::resume_after_login(state, &account.id);
    Ok(token)
}

/// Records a failed login after the answer is sent, so a known name does
/// not answer slower (by one commit) than an unknown one.
pub(super) fn audit_failure(state: &AppState, staff_id: &str) {
    let db = state.db.clone();
    let staff_id = staff_id.to_owned();
    tokio::spawn(async move {
        if let Err(e) = store::audit_now(&db, &staff_id, "login_failed", None, None).await {
            tracing::warn!(error = %e, "audit of a failed login not written");
        }
    });
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CsrfOnly {
    pub csrf: String,
}

csrf_forms!(CsrfOnly);

pub async fn logout(
    State(state): State<AppState>,
    StaffForm { session, .. }: StaffForm<CsrfOnly>,
) -> Result<Response, PageError> {
    let ended = state
        .staff
        .sessions
        .end(&state.db, &session.token_hash)
        .await;
    let audited = store::audit_now(&state.db, &session.staff.id, "logout", None, None).await;
    ended.and(audited)?;
    let cookie = [(header::SET_COOKIE, state.staff.sessions.clear_cookie())];
    let to = format!("/{}/staff/login?notice=out", session.lang.code());
    Ok((cookie, Redirect::to(&to)).into_response())
}
