//! Services: what clients may contact, and whose keys read it. They live in
//! the `services` table; the config's `[[services]]` seed it (an entry is
//! applied when its slug is new to the database, or when the entry itself
//! changed in the file since it was last applied), and admins create, edit
//! and retire services on the web (`pages`) and with `suoja service`.
//!
//! The whole app reads one in-memory catalog, replaced whole: at once after
//! an edit made here, and within a few seconds after one made by another
//! instance or the command line (the key reloader polls `sum(revision)`, one
//! aggregate over a small table, and reloads only when it moved). A request
//! reads the catalog from memory and never queries for it.

pub mod draft;
pub mod pages;
pub mod store;
pub(crate) mod views;

pub use views::language_label;

use std::sync::{Arc, RwLock};

use crate::config::{Config, Service};
use crate::db::Db;
use crate::retention::Retention;

/// Every service at one moment, in landing-page order, retired ones too.
#[derive(Debug, Default)]
pub struct Catalog {
    list: Vec<Arc<Service>>,
    version: i64,
}

impl Catalog {
    pub fn new(list: Vec<Service>, version: i64) -> Catalog {
        Catalog {
            list: list.into_iter().map(Arc::new).collect(),
            version,
        }
    }

    /// Any service, retired or not: staff pages, keys and retention.
    pub fn get(&self, slug: &str) -> Option<&Arc<Service>> {
        self.list.iter().find(|s| s.slug == slug)
    }

    /// Every service, retired ones too.
    pub fn iter(&self) -> impl Iterator<Item = &Arc<Service>> {
        self.list.iter()
    }

    /// The services clients see and write to.
    pub fn open(&self) -> impl Iterator<Item = &Arc<Service>> {
        self.list.iter().filter(|s| !s.retired)
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// A service's retention rules; the defaults for a slug no longer known
    /// (its cases keep their day until activity moves it).
    pub fn retention_of(&self, slug: &str) -> Retention {
        self.get(slug).map(|s| s.retention).unwrap_or_default()
    }
}

/// The catalog in use; clones share it.
#[derive(Clone)]
pub struct Services {
    current: Arc<RwLock<Arc<Catalog>>>,
}

impl Services {
    /// Applies the config's `[[services]]` to the database and reads the
    /// catalog: what `serve` and every command that needs services do first.
    pub async fn open(db: &Db, config: &Config) -> Result<Services, sqlx::Error> {
        store::apply_config(db, &config.services).await?;
        let catalog = store::load(db).await?;
        Ok(Services {
            current: Arc::new(RwLock::new(Arc::new(catalog))),
        })
    }

    pub fn current(&self) -> Arc<Catalog> {
        self.current
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// A service by slug, retired or not.
    pub fn get(&self, slug: &str) -> Option<Arc<Service>> {
        self.current().get(slug).cloned()
    }

    /// A service clients may use: known and not retired.
    pub fn open_one(&self, slug: &str) -> Option<Arc<Service>> {
        self.get(slug).filter(|s| !s.retired)
    }

    pub fn retention_of(&self, slug: &str) -> Retention {
        self.current().retention_of(slug)
    }

    /// The table as it is now, if it changed since the catalog in use was
    /// read (or always, with `force`), not yet in use: the caller builds the
    /// keys for it first, then `publish`es it, so no request ever finds a
    /// service without keys.
    pub async fn read(&self, db: &Db, force: bool) -> Result<Option<Arc<Catalog>>, sqlx::Error> {
        if !force && store::version(db).await? == self.current().version {
            return Ok(None);
        }
        Ok(Some(Arc::new(store::load(db).await?)))
    }

    /// Puts `catalog` in use.
    pub fn publish(&self, catalog: Arc<Catalog>) {
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = catalog;
    }
}
