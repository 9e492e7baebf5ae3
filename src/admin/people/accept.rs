//! The pages a one-time link opens, before any session: accepting an
//! invitation (user name, name, password: the account and its key are made
//! then) and finishing a reset (a new password and a new key). The GET only
//! shows a form that carries the token on in a POST field; the token is
//! spent in the transaction that makes the account or sets the password.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::store::{self, Accepted, Link, NewSecrets};
use super::views::{LinkDoneView, LinkView};
use crate::app::AppState;
use crate::i18n::{Lang, Tr};
use crate::intake::now_secs;
use crate::rotation::background::start_with_members;
use crate::staff::password::NewPassword;
use crate::staff::store::NewStaff;
use crate::staff::valid_username;
use crate::staff::views::StaffPage;
use crate::web::{Form, PageError, html};

const INVITE: &str = "invite";
const RESET: &str = "reset";

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TokenQuery {
    token: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawLink {
    token: String,
    username: String,
    name: String,
    password: String,
    repeat: String,
}

fn link_page(
    lang: Lang,
    kind: &'static str,
    status: StatusCode,
    raw: &RawLink,
    errors: Vec<&str>,
) -> Response {
    let t = Tr::new(lang);
    let invite = kind == INVITE;
    let title = if invite {
        "link-invite-title"
    } else {
        "link-reset-title"
    };
    let view = LinkView {
        page: StaffPage::titled(lang, title, &format!("staff/{kind}"), None),
        action: kind,
        token: raw.token.trim().to_owned(),
        invite,
        username: raw.username.clone(),
        name: raw.name.clone(),
        errors: errors.into_iter().map(|e| t.t(e)).collect(),
    };
    html(status, &view)
}

/// The same page for a link that never existed, was used, was revoked or
/// expired: it does not work, and an admin can send a new one.
fn link_gone(lang: Lang) -> Response {
    let t = Tr::new(lang);
    let view = LinkDoneView {
        page: StaffPage::titled(lang, "link-gone-title", "staff/login", None),
        paragraphs: vec![t.t("link-gone")],
    };
    html(StatusCode::GONE, &view)
}

async fn find(state: &AppState, kind: &str, token: &str) -> Result<Option<Link>, sqlx::Error> {
    store::pending(&state.db, kind, &super::hash(token), now_secs() as i64).await
}

async fn form(
    state: AppState,
    lang: Lang,
    token: String,
    kind: &'static str,
) -> Result<Response, PageError> {
    if find(&state, kind, &token).await?.is_none() {
        return Ok(link_gone(lang));
    }
    let raw = RawLink {
        token,
        ..RawLink::default()
    };
    Ok(link_page(lang, kind, StatusCode::OK, &raw, vec![]))
}

pub async fn invite_form(
    State(state): State<AppState>,
    lang: Lang,
    Query(query): Query<TokenQuery>,
) -> Result<Response, PageError> {
    form(state, lang, query.token, INVITE).await
}

pub async fn reset_form(
    State(state): State<AppState>,
    lang: Lang,
    Query(query): Query<TokenQuery>,
) -> Result<Response, PageError> {
    form(state, lang, query.token, RESET).await
}

/// The password rules of the account page, and the repeat.
fn password_of(raw: &RawLink, errors: &mut Vec<&'static str>) -> Option<NewPassword> {
    let password = NewPassword::parse(&raw.password)
        .map_err(|e| errors.push(e))
        .ok();
    if raw.password != raw.repeat {
        errors.push("error-password-repeat");
    }
    password
}

/// The new account's password, or every field to fix.
fn parse_invite(raw: &RawLink) -> Result<NewPassword, Vec<&'static str>> {
    let mut errors = vec![];
    if !valid_username(&raw.username) {
        errors.push("setup-error-username");
    }
    let name = raw.name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        errors.push("setup-error-name");
    }
    match password_of(raw, &mut errors) {
        Some(password) if errors.is_empty() => Ok(password),
        _ => Err(errors),
    }
}

/// A new password's hash, and a new key wrapped under it.
async fn secrets_for(
    state: &AppState,
    password: &NewPassword,
) -> Result<(String, String, Vec<u8>), PageError> {
    let hash = state.staff.hasher.hash(password).await?;
    let (identity, wrapped) = state.staff.new_identity(password.secret().clone()).await?;
    Ok((hash, identity.to_public().to_string(), wrapped))
}

pub async fn invite_accept(
    State(state): State<AppState>,
    lang: Lang,
    Form(raw): Form<RawLink>,
) -> Result<Response, PageError> {
    let Some(link) = find(&state, INVITE, &raw.token).await? else {
        return Ok(link_gone(lang));
    };
    let refused = |errors| link_page(lang, INVITE, StatusCode::UNPROCESSABLE_ENTITY, &raw, errors);
    let password = match parse_invite(&raw) {
        Ok(password) => password,
        Err(errors) => return Ok(refused(errors)),
    };
    Ok(match make_account(&state, &link, &raw, &password).await? {
        Accepted::Created(_) => {
            let to = format!("/{}/staff/login?notice=invite-done", lang.code());
            Redirect::to(&to).into_response()
        }
        Accepted::NameTaken => refused(vec!["setup-error-taken"]),
        Accepted::LinkGone => link_gone(lang),
    })
}

/// Spends the invitation on the account the form describes and, once it
/// exists, reseals its services' items to include the new key.
async fn make_account(
    state: &AppState,
    link: &Link,
    raw: &RawLink,
    password: &NewPassword,
) -> Result<Accepted, PageError> {
    let (hash, recipient, wrapped) = secrets_for(state, password).await?;
    let new = NewStaff {
        username: &raw.username,
        display_name: raw.name.trim(),
        email: link.email.as_deref(),
        role: link.role.as_deref().unwrap_or("counsellor"),
        password_hash: hash,
        recipient,
        wrapped_identity: wrapped,
        services: &link.services,
    };
    let accepted = store::accept_invite(&state.db, &link.id, now_secs() as i64, new).await?;
    if let Accepted::Created(id) = &accepted {
        tracing::info!(staff = %id, link = %link.id, "invitation accepted");
        start_with_members(state, &link.services, "member_added", id, id).await?;
    }
    Ok(accepted)
}

pub async fn reset_finish(
    State(state): State<AppState>,
    lang: Lang,
    Form(raw): Form<RawLink>,
) -> Result<Response, PageError> {
    let Some(link) = find(&state, RESET, &raw.token).await? else {
        return Ok(link_gone(lang));
    };
    let mut errors = vec![];
    let password = password_of(&raw, &mut errors);
    let Some(password) = password.filter(|_| errors.is_empty()) else {
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return Ok(link_page(lang, RESET, status, &raw, errors));
    };
    let Some(all_run) = new_password(&state, &link, &password).await? else {
        return Ok(link_gone(lang));
    };
    let t = Tr::new(lang);
    let resealing = if all_run {
        "link-reset-resealing"
    } else {
        "link-reset-waiting"
    };
    let view = LinkDoneView {
        page: StaffPage::titled(lang, "link-reset-title", "staff/login", None),
        paragraphs: vec![t.t("link-reset-done"), t.t(resealing)],
    };
    Ok(html(StatusCode::OK, &view))
}

/// Spends the reset link on the new password and key, and reseals the
/// person's services' items with it. `None` if the link is gone; else
/// whether every reseal job runs.
async fn new_password(
    state: &AppState,
    link: &Link,
    password: &NewPassword,
) -> Result<Option<bool>, PageError> {
    let (hash, recipient, wrapped) = secrets_for(state, password).await?;
    let secrets = NewSecrets {
        password_hash: &hash,
        recipient: &recipient,
        wrapped_identity: &wrapped,
    };
    let finished = store::finish_reset(&state.db, link, now_secs() as i64, &secrets).await?;
    let Some(staff_id) = link.staff_id.as_deref().filter(|_| finished) else {
        return Ok(None);
    };
    tracing::info!(staff = %staff_id, link = %link.id, "password reset finished, new key");
    let services = crate::staff::store::services_of(&state.db, staff_id).await?;
    let all_run = start_with_members(state, &services, "reset", staff_id, staff_id).await?;
    Ok(Some(all_run))
}
