//! The pages a one-time link opens, before any session: accepting an
//! invitation (user name, name, password: the account and its key are made
//! then) and finishing a reset (a new password and a new key). The GET only
//! shows a form that carries the token on in a POST field; the token is
//! spent in the transaction that makes the account or sets the password.

use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::store::{self, Accepted, Link, NewSecrets};
use super::views::{LinkDoneView, LinkView};
use crate::app::AppState;
use crate::i18n::{Lang, Tr};
use crate::intake::{no_such_language, now_secs};
use crate::rotation::pages::start_with_members;
use crate::staff::password::NewPassword;
use crate::staff::store::NewStaff;
use crate::staff::valid_username;
use crate::staff::views::StaffPage;
use crate::web::{PageError, render};

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
    errors: Vec<String>,
) -> Response {
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
        errors,
    };
    render(status, &view, lang, "/")
}

/// The same page for a link that never existed, was used, was revoked or
/// expired: it does not work, and an admin can send a new one.
fn link_gone(lang: Lang) -> Response {
    let t = Tr::new(lang);
    let view = LinkDoneView {
        page: StaffPage::titled(lang, "link-gone-title", "staff/login", None),
        paragraphs: vec![t.t("link-gone")],
    };
    render(StatusCode::GONE, &view, lang, "/")
}

async fn find(state: &AppState, kind: &str, token: &str) -> Result<Option<Link>, PageError> {
    store::pending(&state.db, kind, &super::hash(token), now_secs() as i64)
        .await
        .map_err(PageError::internal)
}

async fn form(state: AppState, code: String, token: String, kind: &'static str) -> Response {
    let Some(lang) = Lang::from_code(&code) else {
        return no_such_language(&state);
    };
    match find(&state, kind, &token).await {
        Ok(Some(_)) => {
            let raw = RawLink {
                token,
                ..RawLink::default()
            };
            link_page(lang, kind, StatusCode::OK, &raw, vec![])
        }
        Ok(None) => link_gone(lang),
        Err(e) => e.render(lang, "/"),
    }
}

pub async fn invite_form(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(query): Query<TokenQuery>,
) -> Response {
    form(state, code, query.token, INVITE).await
}

pub async fn reset_form(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(query): Query<TokenQuery>,
) -> Response {
    form(state, code, query.token, RESET).await
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

/// A new password's hash, and a new key wrapped under it.
async fn secrets_for(
    state: &AppState,
    password: &NewPassword,
) -> Result<(String, String, Vec<u8>), PageError> {
    let hash = state
        .staff
        .hasher
        .hash(password)
        .await
        .map_err(PageError::internal)?;
    let (identity, wrapped) = state
        .staff
        .new_identity(password.secret().clone())
        .await
        .map_err(PageError::internal)?;
    Ok((hash, identity.to_public().to_string(), wrapped))
}

pub async fn invite_accept(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Form(raw): Form<RawLink>,
) -> Response {
    let Some(lang) = Lang::from_code(&code) else {
        return no_such_language(&state);
    };
    let link = match find(&state, INVITE, &raw.token).await {
        Ok(Some(link)) => link,
        Ok(None) => return link_gone(lang),
        Err(e) => return e.render(lang, "/"),
    };
    let t = Tr::new(lang);
    let mut errors = vec![];
    if !valid_username(&raw.username) {
        errors.push("setup-error-username");
    }
    let name = raw.name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        errors.push("setup-error-name");
    }
    let password = password_of(&raw, &mut errors);
    let Some(password) = password.filter(|_| errors.is_empty()) else {
        let errors = errors.into_iter().map(|e| t.t(e)).collect();
        return link_page(lang, INVITE, StatusCode::UNPROCESSABLE_ENTITY, &raw, errors);
    };
    let made = async {
        let (hash, recipient, wrapped) = secrets_for(&state, &password).await?;
        let new = NewStaff {
            username: &raw.username,
            display_name: name,
            email: link.email.as_deref(),
            role: link.role.as_deref().unwrap_or("counsellor"),
            password_hash: hash,
            recipient,
            wrapped_identity: wrapped,
            services: &link.services,
        };
        let accepted = store::accept_invite(&state.db, &link.id, now_secs() as i64, new)
            .await
            .map_err(PageError::internal)?;
        if let Accepted::Created(id) = &accepted {
            tracing::info!(staff = %id, link = %link.id, "invitation accepted");
            // Their services' items are sealed again to include the new key.
            start_with_members(&state, &link.services, "member_added", id, id).await?;
        }
        Ok::<_, PageError>(accepted)
    };
    match made.await {
        Ok(Accepted::Created(_)) => {
            Redirect::to(&format!("/{}/staff/login?notice=invite-done", lang.code()))
                .into_response()
        }
        Ok(Accepted::NameTaken) => link_page(
            lang,
            INVITE,
            StatusCode::UNPROCESSABLE_ENTITY,
            &raw,
            vec![t.t("setup-error-taken")],
        ),
        Ok(Accepted::LinkGone) => link_gone(lang),
        Err(e) => e.render(lang, "/"),
    }
}

pub async fn reset_finish(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Form(raw): Form<RawLink>,
) -> Response {
    let Some(lang) = Lang::from_code(&code) else {
        return no_such_language(&state);
    };
    let link = match find(&state, RESET, &raw.token).await {
        Ok(Some(link)) => link,
        Ok(None) => return link_gone(lang),
        Err(e) => return e.render(lang, "/"),
    };
    let t = Tr::new(lang);
    let mut errors = vec![];
    let password = password_of(&raw, &mut errors);
    let Some(password) = password.filter(|_| errors.is_empty()) else {
        let errors = errors.into_iter().map(|e| t.t(e)).collect();
        return link_page(lang, RESET, StatusCode::UNPROCESSABLE_ENTITY, &raw, errors);
    };
    let done = async {
        let (hash, recipient, wrapped) = secrets_for(&state, &password).await?;
        let secrets = NewSecrets {
            password_hash: &hash,
            recipient: &recipient,
            wrapped_identity: &wrapped,
        };
        let finished = store::finish_reset(&state.db, &link, now_secs() as i64, &secrets)
            .await
            .map_err(PageError::internal)?;
        let Some(staff_id) = link.staff_id.as_deref().filter(|_| finished) else {
            return Ok(None);
        };
        tracing::info!(staff = %staff_id, link = %link.id, "password reset finished, new key");
        let services = crate::staff::store::services_of(&state.db, staff_id)
            .await
            .map_err(PageError::internal)?;
        start_with_members(&state, &services, "reset", staff_id, staff_id)
            .await
            .map(Some)
    };
    match done.await {
        Ok(Some(all_run)) => {
            let mut paragraphs = vec![t.t("link-reset-done")];
            paragraphs.push(t.t(if all_run {
                "link-reset-resealing"
            } else {
                "link-reset-waiting"
            }));
            let view = LinkDoneView {
                page: StaffPage::titled(lang, "link-reset-title", "staff/login", None),
                paragraphs,
            };
            render(StatusCode::OK, &view, lang, "/")
        }
        Ok(None) => link_gone(lang),
        Err(e) => e.render(lang, "/"),
    }
}
