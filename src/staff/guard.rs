//! The checks every staff request makes before its handler runs, as
//! extractors: a handler that takes [`Admin`] runs only for an admin, one
//! that takes [`StaffForm`] only with the session's CSRF token, and one that
//! takes [`AdminForm`] only for an admin with the token (role first, so a
//! counsellor learns nothing from a token check). The route matrix test
//! reads every route and checks each state-changing one is refused without
//! a token.

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;

use super::StaffSession;
use crate::app::AppState;
use crate::web::{Form, PageError};

/// A staff form that carries the session's CSRF token in its `csrf` field.
pub trait CsrfField {
    fn csrf(&self) -> &str;
}

/// Implements [`CsrfField`] for form structs with a `csrf: String` field.
#[allow(unused_macros)] // until the handler modules use it
macro_rules! csrf_forms {
    ($($form:ty),+ $(,)?) => {
        $(impl $crate::staff::guard::CsrfField for $form {
            fn csrf(&self) -> &str {
                &self.csrf
            }
        })+
    };
}
#[allow(unused_imports)] // used by the handler modules as they move to `?`
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
