//! The quick exit. Every page's first link leads to [`QUICK_EXIT`], a step
//! on this site that sends the browser on to `quick_exit_url` with
//! `Clear-Site-Data`, so that it drops this origin's cookies (a staff
//! session), storage and cached pages, and Back brings nothing of this site
//! back. A plain link: it works without JavaScript and in one click.

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::app::AppState;

/// Where every page's quick-exit link points; the one place that says so.
/// (The router in `app.rs` names the route with the same literal: the
/// route matrix in `tests/api/matrix.rs` reads routes from the source.)
pub const QUICK_EXIT: &str = "/exit";

const CLEAR_SITE_DATA: &str = r#""cache", "cookies", "storage""#;

/// `GET /exit`: 303 to `quick_exit_url`, clearing this site's data in the
/// browser when the request came from this site or from the person's own
/// hands. The request log records the route template only, as for every
/// route; the security headers and `no-store` come from the middleware.
pub async fn leave(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let clear = from_this_site(&headers);
    if clear {
        end_what_this_browser_held(&state, &headers).await;
    }
    let mut response = StatusCode::SEE_OTHER.into_response();
    let h = response.headers_mut();
    // `quick_exit_url` was checked at start to be a valid header value.
    if let Ok(to) = HeaderValue::from_str(&state.config.quick_exit_url) {
        h.insert(header::LOCATION, to);
    }
    if clear {
        h.insert(
            header::HeaderName::from_static("clear-site-data"),
            HeaderValue::from_static(CLEAR_SITE_DATA),
        );
    }
    response
}

/// Whether the browser says this request started on this site (`same-origin`:
/// the link on our pages) or with the person themselves (`none`: typed or
/// bookmarked). Browsers without Fetch Metadata send no `Sec-Fetch-Site`,
/// and a person using one must still be able to leave without a trace.
///
/// Any other site could otherwise link, frame, or point an image at this
/// address and have it wipe what the browser keeps for us: log a counsellor
/// out mid-reply at will, or end a client's session for them. So a request
/// from elsewhere (`cross-site`, and `same-site`: another host under the
/// same domain is another party) is still sent on to the harmless site,
/// but clears nothing.
fn from_this_site(headers: &HeaderMap) -> bool {
    match headers.get("sec-fetch-site").map(HeaderValue::as_bytes) {
        None => true,
        Some(site) => site == b"same-origin" || site == b"none",
    }
}

/// What the server ends when the person leaves, called only for a request
/// from this site (see [`from_this_site`]), before the answer tells the
/// browser to forget its cookies: a client's chat (the counsellor sees
/// that they had to go; nothing waits for a browser that has forgotten
/// it), and a staff session (its unlocked key is dropped at once, not at
/// the idle timeout). Nothing here logs or keeps anything about the
/// person, and nothing fails the exit: the redirect is sent whatever
/// happens here.
async fn end_what_this_browser_held(state: &AppState, headers: &HeaderMap) {
    let chat = crate::chat::left_by_quick_exit(state, headers).await;
    let staff = state.staff.sessions.end_presented(&state.db, headers).await;
    if chat.is_err() || staff.is_err() {
        tracing::debug!("the quick exit could not end what the browser held");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_site(site: Option<&'static str>) -> HeaderMap {
        let mut headers = HeaderMap::new();
        if let Some(site) = site {
            headers.insert("sec-fetch-site", HeaderValue::from_static(site));
        }
        headers
    }

    #[test]
    fn only_this_site_the_person_or_an_old_browser_may_clear() {
        assert!(from_this_site(&with_site(Some("same-origin"))));
        assert!(from_this_site(&with_site(Some("none"))));
        assert!(from_this_site(&with_site(None)));
        assert!(!from_this_site(&with_site(Some("cross-site"))));
        assert!(!from_this_site(&with_site(Some("same-site"))));
        assert!(!from_this_site(&with_site(Some("Same-Origin"))));
    }
}
