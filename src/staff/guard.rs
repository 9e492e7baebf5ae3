//! The checks every staff request makes before its handler runs, as
//! extractors: a handler that takes [`StaffSession`] runs only for a
//! logged-in person whose key opened (and, until they change a
//! one-time password, only on the account page), one that takes [`Admin`]
//! only for an admin, one that takes [`StaffForm`] only with the session's
//! CSRF token, and one that takes [`AdminForm`] only for an admin with the
//! token (role first, so a counsellor learns nothing from a token check).
//! The route matrix test reads every route and checks each state-changing
//! one is refused without a token.

use std::sync::Arc;

use age::x25519;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use serde::de::DeserializeOwned;

use super::session::{Live, Presented, SessionKey};
use super::store::{self, StaffRow};
use crate::app::AppState;
use crate::booking::seats::SeatMemo;
use crate::i18n::Lang;
use crate::web::{Form, PageError, lang_of_path};

/// A logged-in person with an unlocked key, for one request.
pub struct StaffSession {
    pub token_hash: [u8; 32],
    /// Seals this session's identity in its row (see `session::sealed`).
    pub key: SessionKey,
    pub staff: StaffRow,
    pub services: Vec<String>,
    pub identity: Arc<x25519::Identity>,
    /// Seats this key has found the cases of (see `booking::seats`).
    pub seats: Arc<SeatMemo>,
    pub csrf: String,
    pub lang: Lang,
    /// The browser said this request came from another site.
    cross_origin: bool,
}

impl StaffSession {
    pub fn is_member(&self, service: &str) -> bool {
        self.services.iter().any(|s| s == service)
    }

    /// A state-changing request must carry this session's CSRF token and,
    /// when the browser says where it came from, come from this site.
    pub fn check_csrf(&self, sent: &str) -> Result<(), CsrfRefused> {
        let same_token = sent.len() == self.csrf.len()
            && sent
                .bytes()
                .zip(self.csrf.bytes())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0;
        if same_token && !self.cross_origin {
            Ok(())
        } else {
            tracing::info!(staff = %self.staff.id, "state-changing request refused: CSRF check");
            Err(CsrfRefused)
        }
    }
}

/// A state-changing request that failed the CSRF check: a 403 page.
#[derive(Debug)]
pub struct CsrfRefused;

impl IntoResponse for CsrfRefused {
    fn into_response(self) -> Response {
        PageError::Forbidden.into_response()
    }
}

impl From<CsrfRefused> for PageError {
    fn from(_: CsrfRefused) -> PageError {
        PageError::Forbidden
    }
}

/// Why a request has no session: each sends the person to log in.
fn to_login(lang: Lang, notice: Option<&str>) -> Response {
    let target = match notice {
        Some(n) => format!("/{}/staff/login?notice={n}", lang.code()),
        None => format!("/{}/staff/login", lang.code()),
    };
    Redirect::to(&target).into_response()
}

/// The pages a person who must change their password may use.
fn account_path(path: &str) -> bool {
    let rest = path.get(3..).unwrap_or("");
    rest == "/staff/account" || rest.starts_with("/staff/account/") || rest == "/staff/logout"
}

impl FromRequestParts<AppState> for StaffSession {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let lang = lang_of_path(parts.uri.path()).unwrap_or(Lang::Fi);
        let sessions = &state.staff.sessions;
        let presented = sessions.presented(&state.db, &parts.headers).await;
        let live = match presented.map_err(|e| PageError::from(e).into_response())? {
            Presented::Missing => return Err(to_login(lang, None)),
            Presented::Ended => return Err(to_login(lang, Some("ended"))),
            Presented::Locked => return Err(to_login(lang, Some("locked"))),
            Presented::Live(live) => *live,
        };
        // Until the one-time password is replaced, only the account page
        // and logout answer, for every method: new routes are covered too.
        if live.staff.must_change_password && !account_path(parts.uri.path()) {
            return Err(Redirect::to(&format!("/{}/staff/account", lang.code())).into_response());
        }
        let services = store::services_of(&state.db, &live.staff.id)
            .await
            .map_err(|e| PageError::from(e).into_response())?;
        let Live {
            token_hash,
            key,
            staff,
            identity,
            seats,
            csrf,
            cross_origin,
        } = live;
        Ok(StaffSession {
            token_hash,
            key,
            staff,
            services,
            identity,
            seats,
            csrf,
            lang,
            cross_origin,
        })
    }
}

/// A staff form that carries the session's CSRF token in its `csrf` field.
pub trait CsrfField {
    fn csrf(&self) -> &str;
}

/// Implements [`CsrfField`] for form structs with a `csrf: String` field.
macro_rules! csrf_forms {
    ($($form:ty),+ $(,)?) => {
        $(impl $crate::staff::guard::CsrfField for $form {
            fn csrf(&self) -> &str {
                &self.csrf
            }
        })+
    };
}
pub(crate) use csrf_forms;

/// A logged-in admin.
pub struct Admin(pub StaffSession);

impl FromRequestParts<AppState> for Admin {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Admin, Response> {
        let session = StaffSession::from_request_parts(parts, state).await?;
        if !session.staff.is_admin() {
            return Err(PageError::Forbidden.into_response());
        }
        Ok(Admin(session))
    }
}

/// A state-changing form from a logged-in person, its CSRF token checked.
pub struct StaffForm<T> {
    pub session: StaffSession,
    pub form: T,
}

/// A state-changing form from an admin: the role, then the CSRF token.
pub struct AdminForm<T> {
    pub session: StaffSession,
    pub form: T,
}

async fn session_and_form<T: DeserializeOwned>(
    request: Request,
    state: &AppState,
    admin_only: bool,
) -> Result<(StaffSession, T), Response> {
    let (mut parts, body) = request.into_parts();
    let session = StaffSession::from_request_parts(&mut parts, state).await?;
    if admin_only && !session.staff.is_admin() {
        return Err(PageError::Forbidden.into_response());
    }
    let request = Request::from_parts(parts, body);
    let Form(form) = Form::<T>::from_request(request, state)
        .await
        .map_err(IntoResponse::into_response)?;
    Ok((session, form))
}

impl<T: DeserializeOwned + CsrfField + Send> FromRequest<AppState> for StaffForm<T> {
    type Rejection = Response;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Response> {
        let (session, form) = session_and_form::<T>(request, state, false).await?;
        session
            .check_csrf(form.csrf())
            .map_err(IntoResponse::into_response)?;
        Ok(StaffForm { session, form })
    }
}

impl<T: DeserializeOwned + CsrfField + Send> FromRequest<AppState> for AdminForm<T> {
    type Rejection = Response;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Response> {
        let (session, form) = session_and_form::<T>(request, state, true).await?;
        session
            .check_csrf(form.csrf())
            .map_err(IntoResponse::into_response)?;
        Ok(AdminForm { session, form })
    }
}
