//! `suoja staff`: add, list and deactivate staff accounts, and take a person
//! out of a service, from the command line. A new account gets a generated
//! password, printed once, which must be changed at first login; its age key
//! is created and wrapped under it.

use crate::config::Config;
use crate::db::Db;
use crate::seal::{self, Pepper};
use crate::serve::BoxError;
use crate::staff::password::{Hasher, NewPassword};
use crate::staff::store::{self, NewStaff};
use crate::staff::valid_username;
use secrecy::ExposeSecret;

pub struct AddStaff {
    pub username: String,
    pub name: String,
    pub email: Option<String>,
    pub role: String,
    pub services: Vec<String>,
}

/// What `add` made: the account id and its one-time password.
pub struct Added {
    pub id: String,
    pub password: NewPassword,
}

pub async fn add(config: &Config, db: &Db, new: &AddStaff) -> Result<Added, BoxError> {
    if !valid_username(&new.username) {
        return Err("user name: use 1-100 of a-z, 0-9 and . _ @ -".into());
    }
    if !matches!(new.role.as_str(), "counsellor" | "admin") {
        return Err("role: counsellor or admin".into());
    }
    if new.name.trim().is_empty() || new.name.chars().count() > 100 {
        return Err("name: 1-100 characters".into());
    }
    if let Some(email) = &new.email
        && !crate::notify::is_email_address(email.trim())
    {
        return Err("email: expected one address, such as name@example.org".into());
    }
    let catalog = crate::services::Services::open(db, config).await?.current();
    for service in &new.services {
        if catalog.get(service).is_none() {
            return Err(format!("no service `{service}` (see `suoja service list`)").into());
        }
    }
    let pepper = Pepper::load_or_create(&config.pepper_file)
        .map_err(|e| format!("pepper file {}: {e}", config.pepper_file.display()))?;
    let hasher = Hasher::new(&pepper)?;
    let password = NewPassword::generate();
    let hash = hasher.hash(&password).await?;
    let (identity, wrapped) = seal::identity::generate(password.secret())?;
    let created = store::create(
        db,
        NewStaff {
            username: &new.username,
            display_name: new.name.trim(),
            email: new.email.as_deref().map(str::trim),
            role: &new.role,
            password_hash: hash,
            recipient: identity.to_public().to_string(),
            wrapped_identity: wrapped,
            services: &new.services,
        },
    )
    .await?;
    let id = created.ok_or_else(|| format!("user name `{}` is taken", new.username))?;
    Ok(Added { id, password })
}

pub async fn run_add(config: &Config, new: AddStaff) -> Result<(), BoxError> {
    let db = Db::connect(&config.database_url).await?;
    let added = add(config, &db, &new).await?;
    println!("added {} ({}), id {}", new.username, new.role, added.id);
    println!(
        "one-time password: {}",
        added.password.secret().expose_secret()
    );
    println!("it must be changed at first login; it is not shown again.");
    Ok(())
}

pub async fn run_list(config: &Config) -> Result<(), BoxError> {
    let db = Db::connect(&config.database_url).await?;
    for staff in store::all(&db).await? {
        let services = store::services_of(&db, &staff.id).await?;
        println!(
            "{}\t{}\t{}\t{}\t{}",
            staff.username,
            staff.role,
            if staff.active { "active" } else { "inactive" },
            services.join(","),
            staff.recipient
        );
    }
    Ok(())
}

pub async fn run_deactivate(config: &Config, username: &str) -> Result<(), BoxError> {
    let db = Db::connect(&config.database_url).await?;
    let staff = store::by_username(&db, username)
        .await?
        .ok_or_else(|| format!("no user `{username}`"))?;
    use crate::admin::people::store::{Change, set_active};
    match set_active(&db, &staff.id, false, &staff.id).await? {
        Change::Done => {}
        Change::Unchanged => return Err(format!("{username} is inactive already").into()),
        Change::LastAdmin => {
            return Err(format!("{username} is the last active admin: not deactivated").into());
        }
    }
    println!("deactivated {username}: sessions ended, new items no longer sealed to their key");
    Ok(())
}

pub async fn run_remove_service(
    config: &Config,
    username: &str,
    service: &str,
) -> Result<(), BoxError> {
    let db = Db::connect(&config.database_url).await?;
    let staff = store::by_username(&db, username)
        .await?
        .ok_or_else(|| format!("no user `{username}`"))?;
    if !store::remove_membership(&db, &staff.id, service).await? {
        return Err(format!("{username} is not a member of `{service}`").into());
    }
    store::audit_now(&db, &staff.id, "membership_removed", Some(service), None).await?;
    println!(
        "removed {username} from {service}: new items are no longer sealed to their key; \
         run suoja rotate to reseal the older ones without it"
    );
    Ok(())
}

/// `suoja staff invite`: records an invitation and mails its link through
/// `[smtp]`, or prints the link when no mail server is configured.
pub async fn run_invite(
    config: &Config,
    email: &str,
    role: &str,
    services: &[String],
    lang: &str,
) -> Result<(), BoxError> {
    use crate::admin::people::{self, Delivered, Invite};
    let email = email.trim();
    if !crate::notify::is_email_address(email) {
        return Err("email: expected one address, such as name@example.org".into());
    }
    check_role(role)?;
    let lang = crate::i18n::Lang::from_code(lang).ok_or("lang: fi, sv or en")?;
    let db = Db::connect(&config.database_url).await?;
    check_services(&db, config, services).await?;
    let invite = Invite {
        email,
        role,
        services,
        lang,
        by: "cli",
    };
    match people::send_invite(config, &db, &invite).await? {
        Delivered::Mailed => println!(
            "invitation mailed; the link works once, for {} hours",
            config.staff.invite_hours
        ),
        Delivered::Shown(url) => {
            println!("no [smtp] in the config: give this link to the person yourself");
            println!("{url}");
            println!(
                "it works once, for {} hours; it is not shown again.",
                config.staff.invite_hours
            );
        }
    }
    Ok(())
}

fn check_role(role: &str) -> Result<(), BoxError> {
    if !matches!(role, "counsellor" | "admin") {
        return Err("role: counsellor or admin".into());
    }
    Ok(())
}

/// Every service named exists (in the database, after the config's
/// `[[services]]` are applied to it).
async fn check_services(db: &Db, config: &Config, services: &[String]) -> Result<(), BoxError> {
    let catalog = crate::services::Services::open(db, config).await?.current();
    for service in services {
        if catalog.get(service).is_none() {
            return Err(format!("service `{service}` does not exist").into());
        }
    }
    Ok(())
}

async fn person(db: &Db, username: &str) -> Result<store::StaffRow, BoxError> {
    Ok(store::by_username(db, username)
        .await?
        .ok_or_else(|| format!("no user `{username}`"))?)
}

/// `suoja staff reset`: the person's key is lost. With `[smtp]` and an
/// address on the account, a one-time link is mailed; otherwise a one-time
/// password is printed. Either way their sessions end now.
pub async fn run_reset(config: &Config, username: &str, lang: &str) -> Result<(), BoxError> {
    use crate::admin::people::{LinkToken, store as people_store};
    use crate::notify::links::{self, LinkKind};
    let lang = crate::i18n::Lang::from_code(lang).ok_or("lang: fi, sv or en")?;
    let db = Db::connect(&config.database_url).await?;
    let staff = person(&db, username).await?;
    let email = staff.email.clone().filter(|e| !e.trim().is_empty());
    if let (Some(smtp), Some(email)) = (&config.smtp, email) {
        let token = LinkToken::generate();
        let expires_at = links::hours_from_now(config.staff.reset_hours);
        let url = token.url(config, lang, LinkKind::Reset);
        links::send(smtp, &email, LinkKind::Reset, &url, expires_at).await?;
        people_store::start_reset(&db, &staff.id, &token.hash(), expires_at, "cli").await?;
        println!(
            "reset link mailed to {username}; it works once, for {} hours",
            config.staff.reset_hours
        );
    } else {
        let pepper = Pepper::load_or_create(&config.pepper_file)
            .map_err(|e| format!("pepper file {}: {e}", config.pepper_file.display()))?;
        let password = NewPassword::generate();
        let hash = Hasher::new(&pepper)?.hash(&password).await?;
        let (identity, wrapped) = seal::identity::generate(password.secret())?;
        let secrets = people_store::NewSecrets {
            password_hash: &hash,
            recipient: &identity.to_public().to_string(),
            wrapped_identity: &wrapped,
        };
        people_store::reset_to_one_time(&db, &staff.id, &secrets, "cli").await?;
        println!(
            "one-time password for {username}: {}",
            password.secret().expose_secret()
        );
        println!("it must be changed at first login; it is not shown again.");
    }
    println!(
        "their sessions ended and their old key is gone; reseal their services' items \
         with suoja rotate (the recovery identity or a member's key)"
    );
    Ok(())
}

/// `suoja staff role`: never leaves the instance without an active admin.
pub async fn run_role(config: &Config, username: &str, role: &str) -> Result<(), BoxError> {
    use crate::admin::people::store::{Change, set_role};
    check_role(role)?;
    let db = Db::connect(&config.database_url).await?;
    let staff = person(&db, username).await?;
    match set_role(&db, &staff.id, role, "cli").await? {
        Change::Done => println!("{username} is now {role}"),
        Change::Unchanged => println!("{username} is already {role}"),
        Change::LastAdmin => {
            return Err(format!("{username} is the last active admin: not changed").into());
        }
    }
    Ok(())
}

/// `suoja staff reactivate`.
pub async fn run_reactivate(config: &Config, username: &str) -> Result<(), BoxError> {
    use crate::admin::people::store::{Change, set_active};
    let db = Db::connect(&config.database_url).await?;
    let staff = person(&db, username).await?;
    match set_active(&db, &staff.id, true, "cli").await? {
        Change::Done => println!(
            "reactivated {username}: new items are sealed to their key again; \
             run suoja rotate to reseal what came meanwhile"
        ),
        _ => println!("{username} is active already"),
    }
    Ok(())
}

/// `suoja staff add-service`.
pub async fn run_add_service(
    config: &Config,
    username: &str,
    service: &str,
) -> Result<(), BoxError> {
    let db = Db::connect(&config.database_url).await?;
    check_services(&db, config, &[service.to_owned()]).await?;
    let staff = person(&db, username).await?;
    if !crate::admin::people::store::add_membership(&db, &staff.id, service, "cli").await? {
        return Err(format!("{username} is a member of `{service}` already").into());
    }
    println!(
        "added {username} to {service}: new items are sealed to their key; \
         run suoja rotate so they can open the older ones"
    );
    Ok(())
}
