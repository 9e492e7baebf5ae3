//! An admin's changes to a person: role, a service added, deactivation and
//! reactivation, and a password reset. Each that changes a key set starts
//! the reseal jobs of the person's services.

use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;

use super::LinkToken;
use super::page::{Extra, back, render_page};
use super::store::{self, Change, NewSecrets};
use crate::app::AppState;
use crate::i18n::{Lang, Tr};
use crate::notify::links::{self, LinkKind};
use crate::rotation::background::start_with_members;
use crate::staff::guard::csrf_forms;
use crate::staff::password::NewPassword;
use crate::staff::store::{self as staff_store, StaffRow};
use crate::staff::{AdminForm, StaffSession};
use crate::web::PageError;
use secrecy::ExposeSecret;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawPerson {
    csrf: String,
    staff: String,
    role: String,
    service: String,
    /// `yes` when the "I am sure" box of a deactivation or reset is ticked.
    confirm: String,
}

impl RawPerson {
    /// A change that cannot be undone runs only with its box ticked: the
    /// browser requires it, and this checks it for any other client.
    fn confirmed(&self) -> bool {
        self.confirm == "yes"
    }
}

csrf_forms!(RawPerson);

/// The person the form names.
async fn person(state: &AppState, raw: &RawPerson) -> Result<StaffRow, PageError> {
    staff_store::by_id(&state.db, &raw.staff)
        .await?
        .ok_or(PageError::BadRequest)
}

/// The list again, saying what a guarded change came to.
fn after(lang: Lang, change: Change, done: &str) -> Response {
    match change {
        Change::Done => back(lang, done),
        Change::LastAdmin => back(lang, "last-admin"),
        Change::Unchanged => back(lang, "unchanged"),
    }
}

pub async fn role(
    State(state): State<AppState>,
    AdminForm { session, form: raw }: AdminForm<RawPerson>,
) -> Result<Response, PageError> {
    let person = person(&state, &raw).await?;
    if !matches!(raw.role.as_str(), "counsellor" | "admin") {
        return Err(PageError::BadRequest);
    }
    let change = store::set_role(&state.db, &person.id, &raw.role, &session.staff.id).await?;
    if change == Change::Done {
        tracing::info!(staff = %person.id, role = %raw.role, "role changed");
    }
    Ok(after(session.lang, change, "role-changed"))
}

pub async fn add_service(
    State(state): State<AppState>,
    AdminForm { session, form: raw }: AdminForm<RawPerson>,
) -> Result<Response, PageError> {
    let person = person(&state, &raw).await?;
    if state.services.get(&raw.service).is_none() {
        return Err(PageError::BadRequest);
    }
    let by = &session.staff.id;
    if !store::add_membership(&state.db, &person.id, &raw.service, by).await? {
        return Ok(back(session.lang, "unchanged"));
    }
    let services = std::slice::from_ref(&raw.service);
    let all_run = start_with_members(&state, services, "member_added", by, &person.id).await?;
    let notice = if all_run { "added" } else { "added-waiting" };
    Ok(back(session.lang, notice))
}

pub async fn deactivate(
    State(state): State<AppState>,
    AdminForm { session, form: raw }: AdminForm<RawPerson>,
) -> Result<Response, PageError> {
    if !raw.confirmed() {
        return Ok(back(session.lang, "not-confirmed"));
    }
    set_active(&state, &session, &raw, false).await
}

pub async fn reactivate(
    State(state): State<AppState>,
    AdminForm { session, form: raw }: AdminForm<RawPerson>,
) -> Result<Response, PageError> {
    set_active(&state, &session, &raw, true).await
}

/// Deactivation ends the person's sessions at once (here and, through the
/// database, everywhere) and reseals their services' items without their
/// key; reactivation reseals them with it again.
async fn set_active(
    state: &AppState,
    session: &StaffSession,
    raw: &RawPerson,
    active: bool,
) -> Result<Response, PageError> {
    let person = person(state, raw).await?;
    let by = &session.staff.id;
    let change = store::set_active(&state.db, &person.id, active, by).await?;
    if change == Change::Done {
        if !active {
            state.staff.sessions.forget_person(&person.id);
        }
        let services = staff_store::services_of(&state.db, &person.id).await?;
        let kind = if active { "member_added" } else { "membership" };
        start_with_members(state, &services, kind, by, &person.id).await?;
        tracing::info!(staff = %person.id, active, "account state changed");
    }
    let done = if active { "reactivated" } else { "deactivated" };
    Ok(after(session.lang, change, done))
}

/// A password reset: the person's key is lost either way. With mail and an
/// address, they get a one-time link to set a new password (and get a new
/// key); without, the admin is shown a one-time password, once, and the
/// new key is made at once. Their sessions end now, and their services'
/// items are resealed: without the old key, and with the new one.
pub async fn reset(
    State(state): State<AppState>,
    AdminForm { session, form: raw }: AdminForm<RawPerson>,
) -> Result<Response, PageError> {
    if !raw.confirmed() {
        return Ok(back(session.lang, "not-confirmed"));
    }
    let person = person(&state, &raw).await?;
    if person.id == session.staff.id {
        // One's own password is changed on the account page, key kept.
        return Ok(back(session.lang, "unchanged"));
    }
    let email = person.email.clone().filter(|e| !e.trim().is_empty());
    let (Some(smtp), Some(email)) = (&state.config.smtp, email) else {
        let password = by_one_time_password(&state, &session, &person).await?;
        let t = Tr::new(session.lang);
        let label = t.t1("people-password-shown", "name", &person.display_name);
        let extra = Extra {
            shown_secret: Some((label, password.secret().expose_secret().to_owned())),
            ..Extra::default()
        };
        return render_page(&state, &session, extra).await;
    };
    by_link(&state, &session, &person, smtp, &email).await?;
    Ok(back(session.lang, "reset-mailed"))
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
    .await?;
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
    let hash = state.staff.hasher.hash(&password).await?;
    let (identity, wrapped) = state.staff.new_identity(password.secret().clone()).await?;
    let secrets = NewSecrets {
        password_hash: &hash,
        recipient: &identity.to_public().to_string(),
        wrapped_identity: &wrapped,
    };
    store::reset_to_one_time(&state.db, &person.id, &secrets, &session.staff.id).await?;
    state.staff.sessions.forget_person(&person.id);
    tracing::info!(staff = %person.id, "password reset to a one-time password");
    reseal_after_reset(state, &session.staff.id, &person.id).await?;
    Ok(password)
}

/// The person's services are resealed to the set without their old key.
async fn reseal_after_reset(state: &AppState, by: &str, person: &str) -> Result<(), PageError> {
    let services = staff_store::services_of(&state.db, person).await?;
    start_with_members(state, &services, "reset", by, person)
        .await
        .map(|_| ())
}
