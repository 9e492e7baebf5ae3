//! The HTTP edge every page shares: the page frame (language, language
//! switch), the quick exit, rendering a view, the request's language, form
//! parsing, and the error pages, which show an error id and nothing else.

pub mod cookie;
mod error;
pub mod exit;

pub use error::{PageError, render_errors};
pub use exit::QUICK_EXIT;

use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{Html, IntoResponse, Response};
use serde::de::DeserializeOwned;

use crate::i18n::{Lang, Tr};

/// A link to the same page in another language.
pub struct LangLink {
    /// The path segment.
    pub code: &'static str,
    /// Its `lang` and `hreflang`, and its `dir`.
    pub html_lang: &'static str,
    pub dir: &'static str,
    pub name: &'static str,
    pub href: String,
}

impl LangLink {
    /// Links to the client page at `/{lang}/{rest}` in every other offered
    /// client language.
    pub fn others(lang: Lang, rest: &str) -> Vec<LangLink> {
        LangLink::among(&Lang::CLIENT, lang, rest)
    }

    /// Links to the staff page at `/{lang}/{rest}` in the other staff
    /// languages.
    pub fn staff(lang: Lang, rest: &str) -> Vec<LangLink> {
        LangLink::among(&Lang::STAFF, lang, rest)
    }

    fn among(langs: &[Lang], lang: Lang, rest: &str) -> Vec<LangLink> {
        langs
            .iter()
            .copied()
            .filter(|l| *l != lang && l.offered())
            .map(|l| LangLink {
                code: l.code(),
                html_lang: l.html_lang(),
                dir: l.dir(),
                name: l.native_name(),
                href: format!("/{}/{rest}", l.code()),
            })
            .collect()
    }
}

/// On a page shown once (a receipt), the language switch is a POST form
/// per language carrying the receipt, which shows the same page again in
/// the other language: a link would lose the receipt, and the receipt
/// never goes into a URL.
pub struct ReceiptSwitch {
    pub receipt: String,
    pub token: String,
}

/// The frame of every page: the base template reads these (and the
/// quick-exit link from [`QUICK_EXIT`]).
pub struct Page {
    pub t: Tr,
    /// The path segment of the page's language (`fi-selko`).
    pub lang: &'static str,
    /// Its `lang` attribute (`fi`) and its `dir` (`rtl` for ar, fa, ckb).
    pub html_lang: &'static str,
    pub dir: &'static str,
    /// The `lang` of texts admins write only in fi, sv and en (group and
    /// topic names) where the page shows them in another language than its
    /// own: `Some("en")` on an Arabic page. A service's name and
    /// description may exist in the page's language: their mark is the
    /// service's own (`Service::text_mark`).
    pub data_lang: Option<&'static str>,
    pub title: String,
    pub switch: Vec<LangLink>,
    pub receipt_switch: Option<ReceiptSwitch>,
}

impl Page {
    /// `rest` is the path after the language, e.g. `services/helpline`.
    pub fn new(lang: Lang, title_id: &str, rest: &str) -> Page {
        Page::titled(lang, Tr::new(lang).t(title_id), rest)
    }

    /// A page whose title is already written (it has arguments).
    pub fn titled(lang: Lang, title: String, rest: &str) -> Page {
        Page {
            title,
            t: Tr::new(lang),
            lang: lang.code(),
            html_lang: lang.html_lang(),
            dir: lang.dir(),
            data_lang: crate::config::Localized::lang_mark(lang),
            switch: LangLink::others(lang, rest),
            receipt_switch: None,
        }
    }

    pub fn with_title(mut self, title: String) -> Self {
        self.title = title;
        self
    }
}

/// A view rendered as a page with `status`. A template that fails to render
/// becomes the internal-error page (see [`render_errors`]).
pub fn html(status: StatusCode, template: &impl Template) -> Response {
    match template.render() {
        Ok(page) => (status, Html(page)).into_response(),
        Err(e) => PageError::from(e).into_response(),
    }
}

/// A staff page asked for in a language staff pages do not exist in
/// (`/ar/staff/…`): a GET or HEAD is sent to the same page in the closest
/// staff language ([`Lang::fallback`]: `/en/staff/…`, `/fi/staff/…` from
/// plain Finnish); any other method is a 404, since a form is never posted
/// there from our pages.
pub async fn staff_languages(request: Request, next: axum::middleware::Next) -> Response {
    let path = request.uri().path();
    let mut segments = path.splitn(3, '/').skip(1);
    let (first, second) = (segments.next().unwrap_or(""), segments.next());
    let Some(lang) = Lang::from_code(first).filter(|l| !l.is_staff()) else {
        return next.run(request).await;
    };
    if second.is_none_or(|s| s != "staff" && !s.starts_with("staff/")) {
        return next.run(request).await;
    }
    let method = request.method();
    if method != axum::http::Method::GET && method != axum::http::Method::HEAD {
        return PageError::NotFound.into_response();
    }
    let rest = &path[1 + first.len()..];
    let query = request
        .uri()
        .query()
        .map(|q| format!("?{q}"))
        .unwrap_or_default();
    let to = format!("/{}{rest}{query}", lang.fallback().code());
    axum::response::Redirect::to(&to).into_response()
}

/// The language of a path, `/{lang}/…`, if it is one of ours.
pub fn lang_of_path(path: &str) -> Option<Lang> {
    path.split('/').nth(1).and_then(Lang::from_code)
}

/// Every page's path starts with its language: a handler takes `Lang` and
/// never reads the segment itself. Another first segment is a 404.
impl<S: Send + Sync> FromRequestParts<S> for Lang {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Lang, PageError> {
        lang_of_path(parts.uri.path()).ok_or(PageError::NotFound)
    }
}

/// A form body whose refusal is our own page: a body over the limit is a
/// 413, anything else that does not parse a 400. The fields of a form are
/// all optional strings (`#[serde(default)]`), so a missing field is a
/// validation error on the form page, not a 400.
pub struct Form<T>(pub T);

impl<T, S> FromRequest<S> for Form<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = PageError;

    async fn from_request(request: Request, state: &S) -> Result<Form<T>, PageError> {
        match axum::Form::<T>::from_request(request, state).await {
            Ok(axum::Form(form)) => Ok(Form(form)),
            Err(e) => Err(PageError::from(e)),
        }
    }
}

impl From<FormRejection> for PageError {
    fn from(rejection: FormRejection) -> PageError {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            PageError::TooLarge
        } else {
            PageError::BadRequest
        }
    }
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
