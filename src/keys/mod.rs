//! Which keys each service seals to. A service's staff recipients (from the
//! config, plus the organisation's recovery key) form a key epoch; every
//! sealed item records the epoch it was sealed in, so rotation can find what
//! must be resealed when the set changes.

mod store;

use std::collections::HashMap;

use crate::config::Config;
use crate::db::Db;
use crate::seal::Envelope;

/// The current epoch of one service.
#[derive(Debug, Clone)]
pub struct ServiceKeys {
    pub epoch: i64,
    pub envelope: Envelope,
}

/// The current keys of every service, fixed at start.
#[derive(Debug, Clone, Default)]
pub struct Keyring {
    services: HashMap<String, ServiceKeys>,
}

impl Keyring {
    /// Records (or finds) the current epoch of every configured service.
    pub async fn load(db: &Db, config: &Config) -> Result<Keyring, sqlx::Error> {
        let mut services = HashMap::new();
        for service in &config.services {
            let envelope = Envelope::new(
                service
                    .recipients
                    .iter()
                    .cloned()
                    .chain(config.recovery_recipient.clone()),
            );
            let epoch = store::ensure_epoch(db, &service.slug, &envelope).await?;
            services.insert(service.slug.clone(), ServiceKeys { epoch, envelope });
        }
        Ok(Keyring { services })
    }

    pub fn service(&self, slug: &str) -> Option<&ServiceKeys> {
        self.services.get(slug)
    }
}
