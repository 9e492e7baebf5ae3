//! Which keys each service seals to: the recipients stored for it (see
//! `crate::services`), the age keys of its active
//! counsellors, and the organisation's recovery key. Each distinct set is a
//! key epoch; every sealed item records the epoch it was sealed in, so
//! rotation can find what must be resealed when the set changes.
//!
//! The set changes while the server runs (a counsellor is added, leaves, or
//! another instance changes it), so the keyring is reloaded every few
//! seconds and at once after a change made here.

mod store;

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use crate::config::Config;
use crate::db::Db;
use crate::seal::Envelope;
use crate::services::Catalog;

/// The current epoch of one service.
#[derive(Debug, Clone)]
pub struct ServiceKeys {
    pub epoch: i64,
    pub envelope: Envelope,
}

/// The keys of every service at one moment.
#[derive(Debug, Clone, Default)]
pub struct Keyring {
    services: HashMap<String, ServiceKeys>,
}

impl Keyring {
    pub fn service(&self, slug: &str) -> Option<&ServiceKeys> {
        self.services.get(slug)
    }
}

/// The keyring in use, replaced whole on reload.
pub struct Keys {
    current: RwLock<Arc<Keyring>>,
    /// Held across a reload and the catalog's publishing (`AppState::
    /// refresh_services`, `reload_keys`): two reloads at once could
    /// otherwise finish out of order, and a keyring built for the older
    /// catalog replace the newer one's, leaving a service just created
    /// without keys.
    refreshing: tokio::sync::Mutex<()>,
}

impl Keys {
    pub async fn load(db: &Db, config: &Config, services: &Catalog) -> Result<Keys, sqlx::Error> {
        let keyring = build(db, config, services, &Keyring::default()).await?;
        Ok(Keys {
            current: RwLock::new(Arc::new(keyring)),
            refreshing: tokio::sync::Mutex::new(()),
        })
    }

    pub fn current(&self) -> Arc<Keyring> {
        self.current
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Taken by whoever reloads the keys and publishes a catalog, for as
    /// long as both take: one refresh at a time.
    pub async fn refreshing(&self) -> tokio::sync::MutexGuard<'_, ()> {
        self.refreshing.lock().await
    }

    /// Re-reads the counsellors' keys; records an epoch for a changed set.
    pub async fn reload(
        &self,
        db: &Db,
        config: &Config,
        services: &Catalog,
    ) -> Result<(), sqlx::Error> {
        let fresh = build(db, config, services, &self.current()).await?;
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(fresh);
        Ok(())
    }
}

async fn build(
    db: &Db,
    config: &Config,
    catalog: &Catalog,
    previous: &Keyring,
) -> Result<Keyring, sqlx::Error> {
    let mut members: HashMap<String, Vec<age::x25519::Recipient>> = HashMap::new();
    for (service, recipient) in crate::staff::store::member_recipients(db).await? {
        match crate::seal::parse_recipient(&recipient) {
            Some(r) => members.entry(service).or_default().push(r),
            None => tracing::error!(service = %service, "a staff recipient does not parse"),
        }
    }
    let mut services = HashMap::new();
    for service in catalog.iter() {
        let envelope = Envelope::new(
            service
                .recipients
                .iter()
                .cloned()
                .chain(members.remove(&service.slug).unwrap_or_default())
                .chain(config.recovery_recipient.clone()),
        );
        let epoch = match previous.service(&service.slug) {
            Some(old) if old.envelope.fingerprint() == envelope.fingerprint() => old.epoch,
            _ => store::ensure_epoch(db, &service.slug, &envelope).await?,
        };
        services.insert(service.slug.clone(), ServiceKeys { epoch, envelope });
    }
    Ok(Keyring { services })
}
