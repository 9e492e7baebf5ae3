//! What a session is to the browser: the cookie that carries its token,
//! the CSRF token bound to it, and whether a request says it came from
//! another site.

use axum::http::{HeaderMap, HeaderValue};
use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::{Sessions, Token};
use crate::seal::hex;

/// `scheme://host[:port]` of an address, without any path.
pub(super) fn origin_of(url: &str) -> String {
    match url.split_once("://") {
        Some((scheme, rest)) => {
            let host = rest.split('/').next().unwrap_or(rest);
            format!("{scheme}://{host}")
        }
        None => url.to_owned(),
    }
}

impl Sessions {
    pub fn cookie_name(&self) -> &'static str {
        if self.secure {
            "__Host-suoja-staff"
        } else {
            "suoja-staff"
        }
    }

    /// The `Set-Cookie` value that carries `token`.
    pub fn cookie(&self, token: &Token) -> HeaderValue {
        crate::web::cookie::set(self.cookie_name(), token.0.as_str(), self.secure)
    }

    /// The `Set-Cookie` value that removes the session cookie.
    pub fn clear_cookie(&self) -> HeaderValue {
        crate::web::cookie::clear(self.cookie_name(), self.secure)
    }

    pub(super) fn csrf_for(&self, token_hash: &[u8; 32]) -> String {
        let mut mac = match Hmac::<Sha256>::new_from_slice(&self.csrf_key[..]) {
            Ok(m) => m,
            Err(_) => return String::new(),
        };
        mac.update(token_hash);
        hex(&mac.finalize().into_bytes())
    }

    /// Whether the browser says this request was sent from another site.
    /// `Sec-Fetch-Site`, when present, decides alone (`same-origin` and
    /// `none` pass). Otherwise an `Origin` must be the public address or the
    /// host asked for; `Origin: null`, which browsers send on a same-origin
    /// POST under `Referrer-Policy: no-referrer`, gives no opinion, and the
    /// session-bound token (with SameSite=Strict) decides.
    pub fn cross_origin(&self, headers: &HeaderMap) -> bool {
        let text = |name| {
            headers
                .get(name)
                .and_then(|v: &HeaderValue| v.to_str().ok())
        };
        if let Some(site) = text("sec-fetch-site") {
            return site != "same-origin" && site != "none";
        }
        match text("origin") {
            None | Some("null") => false,
            Some(origin) => {
                let own_host =
                    text("host").is_some_and(|host| origin.split("://").nth(1) == Some(host));
                origin != self.public_origin && !own_host
            }
        }
    }

    pub(super) fn token_from(&self, headers: &HeaderMap) -> Option<Token> {
        crate::web::cookie::hex_token(headers, self.cookie_name()).map(Token)
    }
}
