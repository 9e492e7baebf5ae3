//! What the benchmarks and the crash harness do as staff, shared with
//! `#[path]` (not an example of its own: it has no `main`): add a member
//! with `suoja staff add`, log them in on the web as a new member does (the
//! one-time password, then the forced change, after which the session holds
//! the unlocked key), and read a page's form tokens.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// The text between `start` and the next `end` after it.
pub fn between(text: &str, start: &str, end: &str) -> Option<String> {
    let from = text.find(start)? + start.len();
    let len = text[from..].find(end)?;
    Some(text[from..from + len].to_owned())
}

/// `suoja staff add --config CONFIG ARGS…`: the one-time password it prints.
pub fn staff_add(binary: &Path, config: &Path, args: &[&str]) -> Result<String, BoxError> {
    let out = Command::new(binary)
        .args(["staff", "add", "--config"])
        .arg(config)
        .args(args)
        .output()?;
    if !out.status.success() {
        return Err(format!("staff add: {}", String::from_utf8_lossy(&out.stderr)).into());
    }
    let text = String::from_utf8_lossy(&out.stdout);
    between(&text, "one-time password: ", "\n")
        .ok_or_else(|| "staff add printed no password".into())
}

/// A staff member's browser: its own cookies, no redirects followed.
pub fn browser() -> Result<reqwest::Client, BoxError> {
    Ok(reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .build()?)
}

/// The CSRF token of a logged-in member's account page.
pub async fn csrf(staff: &reqwest::Client, base: &str) -> Result<String, BoxError> {
    let page = staff
        .get(format!("{base}/en/staff/account"))
        .send()
        .await?
        .text()
        .await?;
    Ok(between(&page, r#"name="csrf" value=""#, "\"").ok_or("no CSRF token: not logged in")?)
}

/// Logs `username` in with the one-time password and sets `password`.
pub async fn first_login(
    staff: &reqwest::Client,
    base: &str,
    username: &str,
    one_time: &str,
    password: &str,
) -> Result<(), BoxError> {
    let page = staff
        .get(format!("{base}/en/staff/login"))
        .send()
        .await?
        .text()
        .await?;
    let token = between(&page, r#"name="token" value=""#, "\"").ok_or("no login token")?;
    let login = staff
        .post(format!("{base}/en/staff/login"))
        .form(&[
            ("token", token.as_str()),
            ("username", username),
            ("password", one_time),
            ("code", ""),
        ])
        .send()
        .await?;
    if login.status().as_u16() != 303 {
        return Err(format!("login: HTTP {}", login.status()).into());
    }
    let csrf = csrf(staff, base).await?;
    let changed = staff
        .post(format!("{base}/en/staff/account/password"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("current", one_time),
            ("new", password),
            ("repeat", password),
        ])
        .send()
        .await?;
    if changed.status().as_u16() != 200 {
        return Err(format!("password change: HTTP {}", changed.status()).into());
    }
    Ok(())
}
