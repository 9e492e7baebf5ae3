//! The session cookies (a counsellor's, a client's chat): a random token
//! as 64 hex digits, `Path=/; HttpOnly; SameSite=Strict`, no lifetime, and
//! `Secure` (with a `__Host-` name, chosen by the caller) over https.

use axum::http::{HeaderMap, HeaderValue, header};
use zeroize::Zeroizing;

/// The `Set-Cookie` value that carries `value` for the browser's session.
pub fn set(name: &str, value: &str, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    let text = format!("{name}={value}; Path=/; HttpOnly; SameSite=Strict{secure}");
    HeaderValue::from_str(&text).unwrap_or(HeaderValue::from_static(""))
}

/// The `Set-Cookie` value that removes cookie `name`.
pub fn clear(name: &str, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    let text = format!("{name}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{secure}");
    HeaderValue::from_str(&text).unwrap_or(HeaderValue::from_static(""))
}

/// The token cookie `name` carries, if it is 64 hex digits.
pub fn hex_token(headers: &HeaderMap, name: &str) -> Option<Zeroizing<String>> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, v)| *k == name && v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit()))
        .map(|(_, v)| Zeroizing::new(v.to_owned()))
}
