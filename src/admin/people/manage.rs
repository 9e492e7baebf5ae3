//! An admin's changes to a person: role, a service added, deactivation and
//! reactivation, and a password reset. Each that changes a key set starts
//! the reseal jobs of the person's services.

use axum::extract::{Form, State};
use axum::response::Response;
use serde::Deserialize;

use super::LinkToken;
use super::page::{Extra, back, render_page};
use super::store::{self, Change, NewSecrets};
use crate::app::AppState;
use crate::i18n::Tr;
use crate::notify::links::{self, LinkKind};
use crate::rotation::pages::start_with_members;
use crate::staff::StaffSession;
use crate::staff::password::NewPassword;
use crate::staff::store::{self as staff_store, StaffRow};
use crate::web::PageError;
use secrecy::ExposeSecret;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawPerson {
    csrf: String,
    staff: String,
    role: String,
    service: String,
}

/// The admin check, the CSRF check, and the person the form names.
async fn checked(
    state: &AppState,
    session: &StaffSession,
    raw: &RawPerson,
) -> Result<StaffRow, Response> {
    let exit = &state.config.quick_exit_url;
    if let Some(refused) = session.refuse_admin_action(&raw.csrf, exit) {
        return Err(refused);
    }
    match staff_store::by_id(&state.db, &raw.staff).await {
        Ok(Some(person)) => Ok(person),
        Ok(None) => Err(PageError::BadRequest.render(session.lang, exit)),
        Err(e) => Err(PageError::internal(e).render(session.lang, exit)),
    }
}

fn failed(state: &AppState, session: &StaffSession, e: PageError) -> Response {
    e.render(session.lang, &state.config.quick_exit_url)
}

pub async fn role(
    State(state): State<AppState>,
    session: StaffSession,
    Form(raw): Form<RawPerson>,
) -> Response {
    let person = match checked(&state, &session, &raw).await {
        Ok(p) => p,
        Err(refused) => return refused,
    };
    if !matches!(raw.role.as_str(), "counsellor" | "admin") {
        return failed(&state, &session, PageError::BadRequest);
    }
    match store::set_role(&state.db, &person.id, &raw.role, &session.staff.id).await {
        Ok(Change::Done) => {
            tracing::info!(staff = %person.id, role = %raw.role, "role changed");
            back(session.lang, "role-changed")
        }
        Ok(Change::LastAdmin) => back(session.lang, "last-admin"),
        Ok(Change::Unchanged) => back(session.lang, "unchanged"),
        Err(e) => failed(&state, &session, PageError::internal(e)),
    }
}

pub async fn add_service(
    State(state): State<AppState>,
    session: StaffSession,
    Form(raw): Form<RawPerson>,
) -> Response {
    let person = match checked(&state, &session, &raw).await {
        Ok(p) => p,
        Err(refused) => return refused,
    };
    if state.services.get(&raw.service).is_none() {
        return failed(&state, &session, PageError::BadRequest);
    }
    let done = async {
        let added = store::add_membership(&state.db, &person.id, &raw.service, &session.staff.id)
            .await
            .map_err(PageError::internal)?;
        if !added {
            return Ok("unchanged");
        }
        let services = std::slice::from_ref(&raw.service);
        let all_run = start_with_members(
            &state,
            services,
            "member_added",
            &session.staff.id,
            &person.id,
        )
        .await?;
        Ok(if all_run { "added" } else { "added-waiting" })
    };
    match done.await {
        Ok(notice) => back(session.lang, notice),
        Err(e) => failed(&state, &session, e),
    }
}

pub async fn deactivate(
    State(state): State<AppState>,
    session: StaffSession,
    Form(raw): Form<RawPerson>,
) -> Response {
    set_active(state, session, raw, false).await
}

pub async fn reactivate(
    State(state): State<AppState>,
    session: StaffSession,
    Form(raw): Form<RawPerson>,
) -> Response {
    set_active(state, session, raw, true).await
}

/// Deactivation ends the person's sessions at once (here and, through the
/// database, everywhere) and reseals their services' items without their
/// key; reactivation reseals them with it again.
async fn set_active(
    state: AppState,
    session: StaffSession,
    raw: RawPerson,
    active: bool,
) -> Response {
    let person = match checked(&state, &session, &raw).await {
        Ok(p) => p,
        Err(refused) => return refused,
    };
    let done = async {
        let change = store::set_active(&state.db, &person.id, active, &session.staff.id)
            .await
            .map_err(PageError::internal)?;
        if change != Change::Done {
            return Ok(change);
        }
        if !active {
            state.staff.sessions.forget_person(&person.id);
        }
        let services = staff_store::services_of(&state.db, &person.id)
            .await
            .map_err(PageError::internal)?;
        let kind = if active { "member_added" } else { "membership" };
        start_with_members(&state, &services, kind, &session.staff.id, &person.id).await?;
        Ok(change)
    };
    match done.await {
        Ok(Change::Done) => {
            tracing::info!(staff = %person.id, active, "account state changed");
            back(
                session.lang,
                if active { "reactivated" } else { "deactivated" },
            )
        }
        Ok(Change::LastAdmin) => back(session.lang, "last-admin"),
        Ok(Change::Unchanged) => back(session.lang, "unchanged"),
        Err(e) => failed(&state, &session, e),
    }
}

/// A password reset: the person's key is lost either way. With mail and an
/// address, they get a one-time link to set a new password (and get a new
/// key); without, the admin is shown a one-time password, once, and the
/// new key is made at once. Their sessions end now, and their services'
/// items are resealed: without the old key, and with the new one.
pub async fn reset(
    State(state): State<AppState>,
    session: StaffSession,
    Form(raw): Form<RawPerson>,
) -> Response {
    let person = match checked(&state, &session, &raw).await {
        Ok(p) => p,
        Err(refused) => return refused,
    };
    if person.id == session.staff.id {
        // One's own password is changed on the account page, key kept.
        return back(session.lang, "unchanged");
    }
    let t = Tr::new(session.lang);
    let email = person.email.clone().filter(|e| !e.trim().is_empty());
    let outcome = match (&state.config.smtp, email) {
        (Some(smtp), Some(email)) => by_link(&state, &session, &person, smtp, &email)
            .await
            .map(|()| None),
        _ => by_one_time_password(&state, &session, &person)
            .await
            .map(Some),
    };
    match outcome {
        Ok(None) => back(session.lang, "reset-mailed"),
        Ok(Some(password)) => {
            let label = t.t1("people-password-shown", "name", &person.display_name);
            let extra = Extra {
                shown_secret: Some((label, password.secret().expose_secret().to_owned())),
                ..Extra::default()
            };
            render_page(&state, &session, extra).await
        }
        Err(e) => failed(&state, &session, e),
    }
}

async fn by_link(
    state: &AppState,
    session: &StaffSession,
    person: &StaffRow,
    smtp: &crate::config::Smtp,
    email: &str,
) -> Result<(), PageError> {
    let token = LinkToken::generate();
    let expires_at = links::hours_from_now(state.config.staff.reset_hours);
    let url = token.url(&state.config, session.lang, LinkKind::Reset);
    // Mailed first: a mail that fails changes nothing.
    links::send(smtp, email, LinkKind::Reset, &url, expires_at)
        .await
        .map_err(PageError::internal)?;
    store::start_reset(
        &state.db,
        &person.id,
        &token.hash(),
        expires_at,
        &session.staff.id,
    )
    .await
    .map_err(PageError::internal)?;
    state.staff.sessions.forget_person(&person.id);
    tracing::info!(staff = %person.id, "password reset started, link mailed");
    reseal_after_reset(state, &session.staff.id, &person.id).await
}

async fn by_one_time_password(
    state: &AppState,
    session: &StaffSession,
    person: &StaffRow,
) -> Result<NewPassword, PageError> {
    let password = NewPassword::generate();
    let hash = state
        .staff
        .hasher
        .hash(&password)
        .await
        .map_err(PageError::internal)?;
    let (identity, wrapped) = state
        .staff
        .new_identity(password.secret().clone())
        .await
        .map_err(PageError::internal)?;
    let secrets = NewSecrets {
        password_hash: &hash,
        recipient: &identity.to_public().to_string(),
        wrapped_identity: &wrapped,
    };
    store::reset_to_one_time(&state.db, &person.id, &secrets, &session.staff.id)
        .await
        .map_err(PageError::internal)?;
    state.staff.sessions.forget_person(&person.id);
    tracing::info!(staff = %person.id, "password reset to a one-time password");
    reseal_after_reset(state, &session.staff.id, &person.id).await?;
    Ok(password)
}

/// The person's services are resealed to the set without their old key.
async fn reseal_after_reset(state: &AppState, by: &str, person: &str) -> Result<(), PageError> {
    let services = staff_store::services_of(&state.db, person)
        .await
        .map_err(PageError::internal)?;
    start_with_members(state, &services, "reset", by, person)
        .await
        .map(|_| ())
}
