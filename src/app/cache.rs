//! Per-node cache of brands and their Returns Settings for the public portal
//! routes, which read them on every request.
//!
//! The database stays the truth: entries live for a short TTL (default two
//! seconds), so every node sees a change within that time without talking to
//! the others, and a node drops its whole cache when it writes a change
//! itself, so a merchant reading their own write never sees the old value.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use crate::db::Db;
use crate::db::brands::BrandRow;
use crate::domain::settings::ReturnsSettings;
use crate::error::ApiError;

/// A brand as the portal needs it.
#[derive(Debug)]
pub struct PortalBrand {
    /// The brand row.
    pub brand: BrandRow,
    /// Its settings.
    pub settings: ReturnsSettings,
    /// Settings version.
    pub version: i64,
    /// Allowed browser origins.
    pub origins: Vec<String>,
}

struct Entry {
    at: Instant,
    value: Option<Arc<PortalBrand>>,
}

/// The cache (one per node).
pub struct PortalCache {
    entries: RwLock<HashMap<String, Entry>>,
    ttl: Duration,
}

const MAX_ENTRIES: usize = 10_000;

impl PortalCache {
    /// An empty cache whose entries live for `ttl`.
    pub fn new(ttl: Duration) -> PortalCache {
        PortalCache {
            entries: RwLock::new(HashMap::new()),
            ttl,
        }
    }

    /// The brand addressed by `key` (slug or custom domain), or `None`.
    pub async fn get(&self, db: &Db, key: &str) -> Result<Option<Arc<PortalBrand>>, ApiError> {
        if let Some(hit) = self.fresh(key) {
            return Ok(hit);
        }
        let owned = key.to_string();
        let loaded = db
            .read(move |conn| {
                let Some(brand) = crate::db::brands::by_slug_or_domain(conn, &owned)? else {
                    return Ok(None);
                };
                let (settings, version) = crate::db::settings::get(conn, &brand.id)?;
                let origins = brand.origins();
                Ok(Some(Arc::new(PortalBrand {
                    brand,
                    settings,
                    version,
                    origins,
                })))
            })
            .await?;
        let mut entries = self.entries.write().unwrap_or_else(|p| p.into_inner());
        if entries.len() >= MAX_ENTRIES {
            entries.clear();
        }
        entries.insert(
            key.to_string(),
            Entry {
                at: Instant::now(),
                value: loaded.clone(),
            },
        );
        Ok(loaded)
    }

    /// The brand, or the uniform 404 `brand_not_found`.
    pub async fn require(&self, db: &Db, key: &str) -> Result<Arc<PortalBrand>, ApiError> {
        self.get(db, key).await?.ok_or_else(super::brand_not_found)
    }

    /// Allowed origins of the brand (empty for an unknown brand).
    pub async fn allowed_origins(&self, db: &Db, key: &str) -> Result<Vec<String>, ApiError> {
        Ok(self
            .get(db, key)
            .await?
            .map(|b| b.origins.clone())
            .unwrap_or_default())
    }

    /// Forgets everything (after this node changed a brand or its settings).
    pub fn invalidate_all(&self) {
        self.entries
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .clear();
    }

    fn fresh(&self, key: &str) -> Option<Option<Arc<PortalBrand>>> {
        let entries = self.entries.read().unwrap_or_else(|p| p.into_inner());
        entries
            .get(key)
            .filter(|e| e.at.elapsed() < self.ttl)
            .map(|e| e.value.clone())
    }
}
