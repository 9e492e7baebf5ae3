//! The one error type at the edge. A handler returns `Result<Response,
//! PageError>` and uses `?`: a `PageError` becomes a bare response that
//! carries the error, and [`render_errors`], which knows the request's
//! language, draws the page. Internal errors are logged once, with a fresh
//! id, and the page shows only that id.

use askama::Template;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};

use super::{Page, lang_of_path};
use crate::i18n::Lang;
use crate::seal::SealError;
use crate::staff::password::HashError;

#[derive(Debug, Clone)]
pub enum PageError {
    NotFound,
    /// Not yours, or not there: the same answer for both.
    Forbidden,
    TooManyRequests,
    TooLarge,
    BadRequest,
    /// Logged once with this id; the page shows only the id.
    Internal(String),
}

impl PageError {
    /// Logs `error` with a fresh id. Callers pass errors that carry no client
    /// data (database, sealing, template errors).
    pub fn internal(error: impl std::fmt::Display) -> PageError {
        let id = crate::db::new_id()[..12].to_owned();
        tracing::error!(error_id = %id, error = %error, "internal error");
        PageError::Internal(id)
    }

    fn status(&self) -> StatusCode {
        match self {
            PageError::NotFound => StatusCode::NOT_FOUND,
            PageError::Forbidden => StatusCode::FORBIDDEN,
            PageError::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            PageError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            PageError::BadRequest => StatusCode::BAD_REQUEST,
            PageError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The message ids of the page's title and text.
    fn texts(&self) -> (&'static str, &'static str) {
        match self {
            PageError::NotFound => ("error-not-found", "error-not-found-text"),
            PageError::Forbidden => ("error-forbidden", "error-forbidden-text"),
            PageError::TooManyRequests => ("error-too-many", "error-too-many-text"),
            PageError::TooLarge => ("error-too-large", "error-too-large-text"),
            PageError::BadRequest => ("error-bad-request", "error-bad-request-text"),
            PageError::Internal(_) => ("error-internal", "error-internal-text"),
        }
    }

    /// The error page in `lang`.
    fn render(&self, lang: Lang) -> Response {
        let status = self.status();
        let (title, text) = self.texts();
        let page = Page::new(lang, title, "");
        let error_id = match self {
            PageError::Internal(id) => Some(id.as_str()),
            _ => None,
        };
        let text = page.t.t(text);
        let view = ErrorView {
            page,
            text,
            error_id,
        };
        let mut response = match view.render() {
            Ok(html) => (status, Html(html)).into_response(),
            Err(_) => (status, "error").into_response(),
        };
        let headers = response.headers_mut();
        if status == StatusCode::TOO_MANY_REQUESTS {
            headers.insert(header::RETRY_AFTER, HeaderValue::from_static("600"));
        }
        if status == StatusCode::PAYLOAD_TOO_LARGE {
            // The rest of the body was never read: this connection is done.
            headers.insert(header::CONNECTION, HeaderValue::from_static("close"));
        }
        response
    }
}

/// What a `PageError` response carries until [`render_errors`] draws it.
#[derive(Clone)]
struct Unrendered(PageError);

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let mut response = self.status().into_response();
        response.extensions_mut().insert(Unrendered(self));
        response
    }
}

impl From<sqlx::Error> for PageError {
    fn from(error: sqlx::Error) -> PageError {
        PageError::internal(error)
    }
}

impl From<SealError> for PageError {
    fn from(error: SealError) -> PageError {
        PageError::internal(error)
    }
}

impl From<askama::Error> for PageError {
    fn from(error: askama::Error) -> PageError {
        PageError::internal(error)
    }
}

impl From<HashError> for PageError {
    fn from(error: HashError) -> PageError {
        PageError::internal(error)
    }
}

/// Draws the page of any `PageError` a handler or extractor returned, in
/// the language of the request's path (Finnish when the path has none of
/// ours), keeping the headers the handler set (a cleared cookie, say).
pub async fn render_errors(request: Request, next: Next) -> Response {
    let lang = lang_of_path(request.uri().path()).unwrap_or(Lang::Fi);
    let mut response = next.run(request).await;
    let Some(Unrendered(error)) = response.extensions_mut().remove::<Unrendered>() else {
        return response;
    };
    let mut page = error.render(lang);
    for (name, value) in response.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            page.headers_mut().append(name, value.clone());
        }
    }
    page
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorView<'a> {
    page: Page,
    text: String,
    error_id: Option<&'a str>,
}
