//! What every service works with, and how a node puts it together.

use std::sync::Arc;
use std::time::Duration;

use crate::auth::tokens::Keyring;
use crate::config::{BlobStoreKind, Config};
use crate::db::Db;
use crate::domain::client_address::TrustedProxies;
use crate::domain::lookup::Limits;
use crate::geo::refresh::IndexHandle;
use crate::jobs::Jobs;
use crate::labels::Carriers;
use crate::storage::{ObjectStorage, Storage};

use super::cache::PortalCache;

/// Shared state of a node: database, caches, keys, index, worker.
pub struct AppState {
    /// Database pool.
    pub db: Db,
    /// Configuration.
    pub config: Config,
    /// Base of absolute URLs handed out (no trailing slash).
    pub public_url: String,
    /// Brands and settings for the portal routes.
    pub portal: PortalCache,
    /// Token signing keys.
    pub keys: Arc<Keyring>,
    /// The secrets key(s) that seal the secrets stored in the database.
    pub secrets: Arc<crate::secrets::Keyring>,
    /// Lookup rate limits.
    pub lookup_limits: Limits,
    /// The reverse proxies in front of this node (where client addresses come from).
    pub proxies: TrustedProxies,
    /// Service-point index of this node.
    pub points: Arc<IndexHandle>,
    /// Blobs (photos, label PDFs).
    pub storage: Storage,
    /// Carrier adapters.
    pub carriers: Arc<Carriers>,
    /// The job workers of this node.
    pub jobs: Jobs,
    /// HTTP client of webhook deliveries.
    pub webhook_sender: crate::webhooks::send::Sender,
    /// The last readiness probe.
    pub readiness: super::maintenance::Readiness,
    /// SMTP client of customer e-mail (none without `SMTP_URL`).
    pub mailer: Option<crate::mail::Mailer>,
}

/// A built node and the background tasks it runs (aborted at shutdown).
pub struct Built {
    /// The state.
    pub state: Arc<AppState>,
    /// Index refresher and housekeeping.
    pub background: Vec<tokio::task::JoinHandle<()>>,
}

impl AppState {
    /// Connects to the database, applies pending migrations, takes the
    /// secrets key (sealing secrets stored in clear), loads signing
    /// keys and the service-point index, and starts the job worker (unless
    /// disabled) and the background tasks. `public_url` is the base of the
    /// URLs the API hands out.
    pub async fn build(mut config: Config, public_url: String) -> anyhow::Result<Built> {
        // A carrier list that cannot be used stops the node before it touches anything.
        config.carriers = carrier_configs(&config)?;
        std::fs::create_dir_all(&config.data_dir).map_err(|e| {
            anyhow::anyhow!(
                "cannot create data directory {}: {e}",
                config.data_dir.display()
            )
        })?;
        let db = Db::open(&config.database_url, db_options(&config))?;
        super::secrets::precheck(&config.secrets, &config.data_dir, db.backend())?;
        let applied = super::maintenance::migrate(&db).await?;
        if !applied.is_empty() {
            tracing::info!(count = applied.len(), "applied migrations");
        }
        let storage = blob_storage(&config, &db)?;
        let moved = super::maintenance::move_label_files(&db, &storage).await?;
        if moved > 0 {
            tracing::info!(count = moved, "moved label files into the blob store");
        }
        // Before anything reads or writes a secret: refuses to start
        // without the key the stored secrets need.
        let secrets =
            Arc::new(super::secrets::prepare(&db, &config.secrets, &config.data_dir).await?);
        let keys = Arc::new(Keyring::new(config.token_issuer.clone(), secrets.clone()));
        keys.init(&db).await?;
        let points = Arc::new(IndexHandle::default());
        points.refresh(&db).await?;
        let carriers = Arc::new(Carriers::new(&config.carriers)?);
        let webhook_sender = crate::webhooks::send::Sender::new(
            Duration::from_millis(config.webhooks.webhook_timeout_ms.max(1)),
            config.webhooks.webhook_allow_private,
        )?;
        let mailer = match &config.smtp_url {
            Some(url) => Some(crate::mail::Mailer::new(&url.0, &config.mail_from)?),
            None => None,
        };
        let state = Arc::new(AppState {
            mailer,
            public_url,
            portal: PortalCache::new(Duration::from_millis(config.portal_cache_ttl_ms)),
            keys,
            secrets,
            lookup_limits: Limits {
                per_identifier: config.lookup_failures_per_identifier,
                per_identifier_total: config.lookup_failures_per_identifier_total,
                per_client: config.lookup_failures_per_client,
                window_secs: config.lookup_failure_window_secs,
            },
            proxies: TrustedProxies {
                count: config.trusted_proxies,
                networks: config.trusted_proxy_cidrs.clone(),
            },
            points: points.clone(),
            storage,
            carriers,
            jobs: Jobs::new(),
            webhook_sender,
            readiness: super::maintenance::Readiness::default(),
            db: db.clone(),
            config,
        });
        if !state.config.disable_jobs {
            state.jobs.start(
                db.clone(),
                Arc::new(super::jobs::AppRunner(state.clone())),
                super::jobs::lanes(&state.config),
            );
        }
        let refresher = crate::geo::refresh::spawn_refresher(
            points,
            db,
            Duration::from_millis(state.config.service_point_refresh_ms.max(100)),
        );
        let maintenance = super::maintenance::spawn(state.clone());
        let rollups = super::reports::spawn(state.clone());
        Ok(Built {
            state,
            background: vec![refresher, maintenance, rollups],
        })
    }
}

impl AppState {
    /// Stops the worker: running jobs finish for a grace period, the rest
    /// go back to the queue.
    pub async fn stop(&self) {
        self.jobs.stop().await;
    }
}

/// The blob store `BLOB_STORE` names (or the default of the database).
fn blob_storage(config: &Config, db: &Db) -> anyhow::Result<Storage> {
    let storage = match config.blob_store()? {
        BlobStoreKind::Local => Storage::local(config.data_dir.clone()),
        BlobStoreKind::Database => Storage::new(crate::db::blobs::DbBlobs::new(db.clone())),
        BlobStoreKind::S3(url) => Storage::new(ObjectStorage::from_url(&url)?),
    };
    tracing::debug!(kind = storage.kind(), "blob store");
    Ok(storage)
}

/// Carriers from the configuration and its `CARRIER_CONFIG` file, checked:
/// one entry per carrier, each usable, tracking secrets `whsec_…` secrets.
fn carrier_configs(config: &Config) -> anyhow::Result<Vec<crate::config::CarrierConfig>> {
    let mut list = config.carriers.clone();
    if let Some(path) = &config.carrier_config {
        let text = std::fs::read_to_string(path)
            .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
        let more: Vec<crate::config::CarrierConfig> = serde_json::from_str(&text)
            .map_err(|e| anyhow::anyhow!("{} is not a carrier list: {e}", path.display()))?;
        list.extend(more);
    }
    let mut seen = std::collections::HashSet::new();
    for entry in &list {
        if let Some(problem) = entry.problem() {
            anyhow::bail!("carrier configuration: {problem}");
        }
        if !seen.insert(entry.carrier.as_str()) {
            anyhow::bail!(
                "carrier configuration: carrier {} is listed twice",
                entry.carrier
            );
        }
        if entry
            .tracking_secret
            .as_deref()
            .is_some_and(|s| !crate::webhooks::signature::is_secret(s))
        {
            anyhow::bail!(
                "carrier configuration: the tracking_secret of {} is not a whsec_ secret (whsec_ and base64)",
                entry.carrier
            );
        }
    }
    Ok(list)
}

/// The database pool's settings from the node's configuration.
fn db_options(config: &Config) -> crate::db::Options {
    let t = &config.db_timeouts;
    let ms = Duration::from_millis;
    crate::db::Options {
        pool_size: config.db_pool_size,
        checkout_timeout: ms(t.db_checkout_timeout_ms.max(1)),
        write_timeout: ms(t.db_write_timeout_ms.max(1)),
        busy_timeout: ms(t.db_busy_timeout_ms),
        synchronous: config.sqlite_synchronous,
        statement_timeout: ms(t.db_statement_timeout_ms.max(1)),
        lock_timeout: ms(t.db_lock_timeout_ms.max(1)),
        connect_timeout: ms(t.db_checkout_timeout_ms.max(1000)),
    }
}
