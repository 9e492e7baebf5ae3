//! First run: while no admin exists, `suoja serve` prints a one-time link
//! with which the first admin account is made. No password is ever built in.
//! The link's token lives only in this process's memory, as a hash; it works
//! once, for a day, and a restart prints a new one.

use std::sync::Mutex;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::views::SetupView;
use crate::app::AppState;
use crate::db::Db;
use crate::i18n::{Lang, Tr};
use crate::intake::now_secs;
use crate::notify::is_email_address;
use crate::staff::password::NewPassword;
use crate::staff::store::{self, NewStaff};
use crate::staff::valid_username;
use crate::staff::views::StaffPage;
use crate::web::{Form, PageError, html};

/// How long a first-run link works.
const SETUP_SECONDS: u64 = 24 * 3600;

/// The first-run token, while there is one.
#[derive(Default)]
pub struct Setup {
    pending: Mutex<Option<Pending>>,
}

struct Pending {
    hash: [u8; 32],
    expires_at: u64,
}

impl Pending {
    fn admits(&self, token: &str) -> bool {
        self.hash == hash(token) && now_secs() < self.expires_at
    }
}

fn hash(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

impl Setup {
    /// On an instance with no admin, mints a token and returns it, for the
    /// link printed at start; `None` when an admin exists.
    pub async fn start(&self, db: &Db) -> Result<Option<String>, sqlx::Error> {
        if store::admin_exists(db).await? {
            return Ok(None);
        }
        let token = crate::db::new_id();
        *self.lock() = Some(Pending {
            hash: hash(&token),
            expires_at: now_secs() + SETUP_SECONDS,
        });
        Ok(Some(token))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Pending>> {
        self.pending.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn is_valid(&self, token: &str) -> bool {
        self.lock().as_ref().is_some_and(|p| p.admits(token))
    }

    /// Takes the token out while an admin is being made from it, so two
    /// forms sent at once cannot both use it.
    fn take(&self, token: &str) -> Option<Pending> {
        let mut pending = self.lock();
        if pending.as_ref().is_some_and(|p| p.admits(token)) {
            pending.take()
        } else {
            None
        }
    }

    fn put_back(&self, taken: Pending) {
        self.lock().get_or_insert(taken);
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawSetup {
    token: String,
    username: String,
    name: String,
    email: String,
    password: String,
    repeat: String,
}

fn setup_page(lang: Lang, status: StatusCode, raw: &RawSetup, errors: Vec<&str>) -> Response {
    let t = Tr::new(lang);
    let view = SetupView {
        page: StaffPage::titled(lang, "setup-title", "staff/setup", None),
        token: raw.token.clone(),
        username: raw.username.clone(),
        name: raw.name.clone(),
        email: raw.email.clone(),
        errors: errors.into_iter().map(|e| t.t(e)).collect(),
    };
    html(status, &view)
}

/// The same answer for a wrong, used or expired link and for a finished
/// setup: the link does not work (any more).
fn link_not_valid(lang: Lang) -> Response {
    Redirect::to(&format!("/{}/staff/login?notice=setup-closed", lang.code())).into_response()
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TokenQuery {
    token: String,
}

pub async fn form(
    State(state): State<AppState>,
    lang: Lang,
    Query(query): Query<TokenQuery>,
) -> Response {
    if !state.setup.is_valid(&query.token) {
        return link_not_valid(lang);
    }
    let raw = RawSetup {
        token: query.token,
        ..RawSetup::default()
    };
    setup_page(lang, StatusCode::OK, &raw, vec![])
}

/// The admin the form describes: its password, or every field to fix.
fn parse(raw: &RawSetup) -> Result<NewPassword, Vec<&'static str>> {
    let mut errors = vec![];
    if !valid_username(&raw.username) {
        errors.push("setup-error-username");
    }
    let name = raw.name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        errors.push("setup-error-name");
    }
    let email = raw.email.trim();
    if !email.is_empty() && !is_email_address(email) {
        errors.push("setup-error-email");
    }
    let password = NewPassword::parse(&raw.password)
        .map_err(|e| errors.push(e))
        .ok();
    if raw.password != raw.repeat {
        errors.push("error-password-repeat");
    }
    match password {
        Some(password) if errors.is_empty() => Ok(password),
        _ => Err(errors),
    }
}

pub async fn create(
    State(state): State<AppState>,
    lang: Lang,
    Form(raw): Form<RawSetup>,
) -> Result<Response, PageError> {
    let Some(taken) = state.setup.take(&raw.token) else {
        return Ok(link_not_valid(lang));
    };
    let made = match parse(&raw) {
        Ok(password) => make_admin(&state, &raw, &password).await,
        Err(errors) => Ok(Made::Refused(errors)),
    };
    // The link works again unless an admin now exists.
    if !matches!(made, Ok(Made::Admin(_) | Made::AlreadyDone)) {
        state.setup.put_back(taken);
    }
    let status = StatusCode::UNPROCESSABLE_ENTITY;
    Ok(match made? {
        Made::Admin(id) => {
            tracing::info!(staff = %id, "first admin created");
            Redirect::to(&format!("/{}/staff/login?notice=setup-done", lang.code())).into_response()
        }
        Made::Refused(errors) => setup_page(lang, status, &raw, errors),
        Made::NameTaken => setup_page(lang, status, &raw, vec!["setup-error-taken"]),
        // Someone made an admin meanwhile (another instance, the command
        // line): the link has done its job.
        Made::AlreadyDone => link_not_valid(lang),
    })
}

enum Made {
    Admin(String),
    /// The form has these fields to fix.
    Refused(Vec<&'static str>),
    NameTaken,
    AlreadyDone,
}

async fn make_admin(
    state: &AppState,
    raw: &RawSetup,
    password: &NewPassword,
) -> Result<Made, PageError> {
    if store::admin_exists(&state.db).await? {
        return Ok(Made::AlreadyDone);
    }
    let hash = state.staff.hasher.hash(password).await?;
    let (identity, wrapped) = state.staff.new_identity(password.secret().clone()).await?;
    let email = raw.email.trim();
    let new = NewStaff {
        username: &raw.username,
        display_name: raw.name.trim(),
        email: (!email.is_empty()).then_some(email),
        role: "admin",
        password_hash: hash,
        recipient: identity.to_public().to_string(),
        wrapped_identity: wrapped,
        services: &[],
    };
    Ok(match store::create_first_admin(&state.db, new).await? {
        store::FirstAdmin::Created(id) => {
            store::audit_now(&state.db, &id, "setup_admin", None, None).await?;
            Made::Admin(id)
        }
        store::FirstAdmin::NameTaken => Made::NameTaken,
        store::FirstAdmin::AdminExists => Made::AlreadyDone,
    })
}
