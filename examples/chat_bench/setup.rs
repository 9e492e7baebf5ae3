//! Before timing: the config (services, limits out of the way), the
//! counsellors (`suoja staff add`, then the server(s) start so the keyring
//! holds them), chat hours straight in the database, logins, duty.

use std::path::{Path, PathBuf};
use std::process::Command;

use age::x25519;

use crate::BoxError;

pub const PASSWORD: &str = "correct horse battery staple";

pub fn slug(i: usize) -> String {
    format!("chat{i:02}")
}

pub fn write_config(dir: &Path, database_url: &str, services: usize) -> Result<PathBuf, BoxError> {
    let recovery = x25519::Identity::generate().to_public();
    let service_key = x25519::Identity::generate().to_public();
    let mut config = format!(
        r#"listen = "127.0.0.1:0"
database_url = "{database_url}"
pepper_file = "{pepper}"
recovery_recipient = "{recovery}"
quick_exit_url = "https://yle.fi/"

[form]
min_fill_seconds = 0
max_age_seconds = 14400

[limits]
submissions_per_client_per_hour = 100000000
submissions_per_service_per_minute = 100000000
lookups_per_client_per_hour = 100000000
lookups_per_minute = 100000000
logins_per_client_per_hour = 100000000
logins_per_account_per_hour = 100000000
logins_per_account_per_network_per_hour = 100000000
logins_per_minute = 100000000
chat_messages_per_client_per_minute = 100000000
ipv4_prefix = 32
"#,
        pepper = dir.join("pepper").display(),
    );
    for i in 0..services {
        let slug = slug(i);
        config.push_str(&format!(
            r#"
[[services]]
slug = "{slug}"
recipients = ["{service_key}"]
topics = ["general"]
[services.name]
fi = "Chat {i}"
sv = "Chatt {i}"
en = "Chat {i}"
[services.description]
fi = "Palvelu chatin mittaukselle."
sv = "Tjänst för chattmätningen."
en = "Service for the chat benchmark."
"#
        ));
    }
    let path = dir.join("chat_bench.toml");
    std::fs::write(&path, config)?;
    Ok(path)
}

pub fn username(service: usize, k: usize) -> String {
    format!("c{service:02}x{k}")
}

/// `suoja staff add` for each counsellor: their one-time passwords, by
/// (service, k).
pub fn add_counsellors(
    binary: &Path,
    config: &Path,
    services: usize,
    per_service: usize,
) -> Result<Vec<(usize, String, String)>, BoxError> {
    let mut out = Vec::new();
    for s in 0..services {
        for k in 0..per_service {
            let name = username(s, k);
            let run = Command::new(binary)
                .args(["staff", "add", "--config"])
                .arg(config)
                .args(["--username", &name, "--name", &name])
                .args(["--role", "counsellor", "--service", &slug(s)])
                .output()?;
            if !run.status.success() {
                return Err(format!("staff add: {}", String::from_utf8_lossy(&run.stderr)).into());
            }
            let text = String::from_utf8_lossy(&run.stdout);
            let pw = between(&text, "one-time password: ", "\n").ok_or("no password printed")?;
            out.push((s, name, pw));
        }
    }
    Ok(out)
}

/// Chat hours all week, all day, a long queue, transcripts kept.
pub async fn open_all(url: &str, services: usize) -> Result<(), BoxError> {
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(url).await?;
    let hours = (1..=7)
        .map(|d| format!("{d} 00:00 24:00"))
        .collect::<Vec<_>>()
        .join(";");
    for s in 0..services {
        sqlx::query(
            "insert into chat_settings (service, hours, queue_max, keep_transcript) \
             values ($1, $2, 1000, 1)",
        )
        .bind(slug(s))
        .bind(&hours)
        .execute(&pool)
        .await?;
    }
    pool.close().await;
    Ok(())
}

pub fn between(text: &str, start: &str, end: &str) -> Option<String> {
    let from = text.find(start)? + start.len();
    let len = text[from..].find(end)?;
    Some(text[from..from + len].to_owned())
}

/// A counsellor's browser, logged in (first login, then the forced
/// change) and on duty for their service with room for 2 chats.
pub async fn counsellor(
    base: &str,
    service: usize,
    username: &str,
    one_time: &str,
) -> Result<(reqwest::Client, String), BoxError> {
    let staff = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .build()?;
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
    let csrf = csrf(&staff, base).await?;
    let changed = staff
        .post(format!("{base}/en/staff/account/password"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("current", one_time),
            ("new", PASSWORD),
            ("repeat", PASSWORD),
        ])
        .send()
        .await?;
    if changed.status().as_u16() != 200 {
        return Err(format!("password change: HTTP {}", changed.status()).into());
    }
    let csrf = self::csrf(&staff, base).await?;
    let field = format!("duty-{}", slug(service));
    let duty = staff
        .post(format!("{base}/en/staff/chat/duty"))
        .form(&[
            ("csrf", csrf.as_str()),
            (field.as_str(), "on"),
            ("capacity", "2"),
        ])
        .send()
        .await?;
    if duty.status().as_u16() != 303 {
        return Err(format!("duty: HTTP {}", duty.status()).into());
    }
    Ok((staff, csrf))
}

async fn csrf(staff: &reqwest::Client, base: &str) -> Result<String, BoxError> {
    let page = staff
        .get(format!("{base}/en/staff/account"))
        .send()
        .await?
        .text()
        .await?;
    Ok(between(&page, r#"name="csrf" value=""#, "\"").ok_or("not logged in")?)
}

/// Starts a chat in `service` as a new client: the cookie (name=value).
pub async fn start_chat(
    http: &reqwest::Client,
    base: &str,
    service: usize,
) -> Result<String, BoxError> {
    let slug = slug(service);
    let page = http
        .get(format!("{base}/en/services/{slug}"))
        .send()
        .await?
        .text()
        .await?;
    let offer = between(&page, "class=\"chat-offer\"", "</section>").ok_or("no chat offer")?;
    let token = between(&offer, r#"name="token" value=""#, "\"").ok_or("the chat is not open")?;
    let r = http
        .post(format!("{base}/en/services/{slug}/chat"))
        .form(&[("token", token.as_str()), ("name", "")])
        .send()
        .await?;
    if r.status().as_u16() != 200 {
        return Err(format!("chat start: HTTP {}", r.status()).into());
    }
    let cookie = r
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .ok_or("no chat cookie")?
        .to_owned();
    // Read the page, so the connection goes back to the pool.
    r.bytes().await?;
    Ok(cookie)
}
