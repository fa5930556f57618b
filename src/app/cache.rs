//! Per-node cache of brands and their Returns Settings for the public portal
//! routes, which read them on every request.
//!
//! The database stays the truth: entries live for a short TTL (default two
//! seconds), so every node sees a change within that time without talking to
//! the others, and a node drops its whole cache when it writes a change
//! itself, so a merchant reading their own write never sees the old value.

use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use lru::LruCache;

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

/// The cache (one per node): at most [`MAX_ENTRIES`] brands (and unknown
/// keys), the least recently used dropped first.
pub struct PortalCache {
    entries: Mutex<LruCache<String, Entry>>,
    ttl: Duration,
}

/// Most keys a node keeps.
pub const MAX_ENTRIES: usize = 10_000;

impl PortalCache {
    /// An empty cache whose entries live for `ttl`.
    pub fn new(ttl: Duration) -> PortalCache {
        Self::with_capacity(ttl, MAX_ENTRIES)
    }

    fn with_capacity(ttl: Duration, capacity: usize) -> PortalCache {
        PortalCache {
            entries: Mutex::new(LruCache::new(
                NonZeroUsize::new(capacity).unwrap_or(NonZeroUsize::MIN),
            )),
            ttl,
        }
    }

    /// The brand addressed by `key` (slug or custom domain), or `None`. A
    /// key that cannot name a brand is `None` without a lookup and is not
    /// kept.
    pub async fn get(&self, db: &Db, key: &str) -> Result<Option<Arc<PortalBrand>>, ApiError> {
        let Some(key) = crate::domain::brand::portal_key(key) else {
            return Ok(None);
        };
        if let Some(hit) = self.fresh(&key) {
            return Ok(hit);
        }
        let owned = key.clone();
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
        self.put(key, loaded.clone());
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
        self.lock().clear();
    }

    /// Number of keys kept.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    /// Whether nothing is kept.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, LruCache<String, Entry>> {
        self.entries.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn put(&self, key: String, value: Option<Arc<PortalBrand>>) {
        let at = Instant::now();
        self.lock().put(key, Entry { at, value });
    }

    fn fresh(&self, key: &str) -> Option<Option<Arc<PortalBrand>>> {
        self.lock()
            .get(key)
            .filter(|e| e.at.elapsed() < self.ttl)
            .map(|e| e.value.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cache_keeps_at_most_its_capacity_dropping_the_least_recently_used() {
        let cache = PortalCache::with_capacity(Duration::from_secs(60), 3);
        for key in ["a", "b", "c"] {
            cache.put(key.into(), None);
        }
        assert!(
            cache.fresh("a").is_some(),
            "a is now the most recently used"
        );
        for i in 0..1000 {
            cache.put(format!("unknown-{i}"), None);
            assert!(cache.len() <= 3);
        }
        assert_eq!(cache.len(), 3);
        assert!(cache.fresh("b").is_none());
        cache.invalidate_all();
        assert!(cache.is_empty());
    }

    #[test]
    fn entries_expire_after_the_ttl() {
        let cache = PortalCache::with_capacity(Duration::ZERO, 3);
        cache.put("acme".into(), None);
        assert!(cache.fresh("acme").is_none());
    }
}
