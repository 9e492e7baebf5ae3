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
            email: new.email.as_deref(),
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
    store::deactivate(&db, &staff.id).await?;
    store::audit_now(&db, &staff.id, "deactivated", None, None).await?;
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
