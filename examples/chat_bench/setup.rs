//! Before timing: the config (services, limits out of the way), the
//! counsellors (`suoja staff add`, then the server(s) start so the keyring
//! holds them), chat hours straight in the database, logins, duty.

use std::path::{Path, PathBuf};

use age::x25519;

use crate::BoxError;
pub use crate::staff_web::between;
use crate::staff_web::{browser, csrf, first_login, staff_add};

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
            let service = slug(s);
            let args = [
                "--username",
                &name,
                "--name",
                &name,
                "--role",
                "counsellor",
                "--service",
                &service,
            ];
            let pw = staff_add(binary, config, &args)?;
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

/// A counsellor's browser, logged in (first login, then the forced
/// change) and on duty for their service with room for 2 chats.
pub async fn counsellor(
    base: &str,
    service: usize,
    username: &str,
    one_time: &str,
) -> Result<(reqwest::Client, String), BoxError> {
    let staff = browser()?;
    first_login(&staff, base, username, one_time, PASSWORD).await?;
    let csrf = csrf(&staff, base).await?;
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
