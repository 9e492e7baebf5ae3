//! What every client page shares: the page frame (language, language switch,
//! quick exit) and the error pages, which show an error id and nothing else.

use askama::Template;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};

use crate::i18n::{Lang, Tr};

/// A link to the same page in another language.
pub struct LangLink {
    pub code: &'static str,
    pub name: &'static str,
    pub href: String,
}

impl LangLink {
    /// Links to the page at `/{lang}/{rest}` in the other two languages.
    pub fn others(lang: Lang, rest: &str) -> Vec<LangLink> {
        Lang::ALL
            .into_iter()
            .filter(|l| *l != lang)
            .map(|l| LangLink {
                code: l.code(),
                name: l.native_name(),
                href: format!("/{}/{rest}", l.code()),
            })
            .collect()
    }
}

/// The frame of every page: the base template reads these.
pub struct Page<'a> {
    pub t: Tr,
    pub lang: &'static str,
    pub title: String,
    pub switch: Vec<LangLink>,
    pub quick_exit: &'a str,
}

impl<'a> Page<'a> {
    /// `rest` is the path after the language, e.g. `services/helpline`.
    pub fn new(lang: Lang, title_id: &str, rest: &str, quick_exit: &'a str) -> Page<'a> {
        let t = Tr::new(lang);
        let switch = LangLink::others(lang, rest);
        Page {
            title: t.t(title_id),
            t,
            lang: lang.code(),
            switch,
            quick_exit,
        }
    }

    pub fn with_title(mut self, title: String) -> Self {
        self.title = title;
        self
    }
}

/// Renders a template, or the internal-error page if rendering fails.
pub fn render(
    status: StatusCode,
    template: &impl Template,
    lang: Lang,
    quick_exit: &str,
) -> Response {
    match template.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => PageError::internal(e).render(lang, quick_exit),
    }
}

#[derive(Debug)]
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

    pub fn render(&self, lang: Lang, quick_exit: &str) -> Response {
        let (status, title, text) = match self {
            PageError::NotFound => (
                StatusCode::NOT_FOUND,
                "error-not-found",
                "error-not-found-text",
            ),
            PageError::Forbidden => (
                StatusCode::FORBIDDEN,
                "error-forbidden",
                "error-forbidden-text",
            ),
            PageError::TooManyRequests => (
                StatusCode::TOO_MANY_REQUESTS,
                "error-too-many",
                "error-too-many-text",
            ),
            PageError::TooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "error-too-large",
                "error-too-large-text",
            ),
            PageError::BadRequest => (
                StatusCode::BAD_REQUEST,
                "error-bad-request",
                "error-bad-request-text",
            ),
            PageError::Internal(_) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "error-internal",
                "error-internal-text",
            ),
        };
        let page = Page::new(lang, title, "", quick_exit);
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

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorView<'a> {
    page: Page<'a>,
    text: String,
    error_id: Option<&'a str>,
}

/// All but the unreserved characters of RFC 3986.
const RESERVED: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Percent-encodes `text` for a URL query or path part: all but the
/// unreserved characters of RFC 3986, as UTF-8 bytes.
pub fn percent(text: &str) -> String {
    percent_encoding::utf8_percent_encode(text, RESERVED).to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn percent_keeps_only_unreserved_characters() {
        assert_eq!(super::percent("aZ09-._~"), "aZ09-._~");
        assert_eq!(
            super::percent("a b/c?d=e&f+g%"),
            "a%20b%2Fc%3Fd%3De%26f%2Bg%25"
        );
        assert_eq!(super::percent("ä€"), "%C3%A4%E2%82%AC");
    }
}
