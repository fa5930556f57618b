//! Building and running the application: what `serve`, the tests and the
//! benchmarks all start.

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::dev::Server;
use actix_web::{HttpServer, web};

use crate::config::Config;
use crate::db::Db;

/// Shared state of every worker.
pub struct AppState {
    /// Database pool.
    pub db: Db,
    /// Configuration.
    pub config: Config,
    /// Base of absolute URLs handed out (no trailing slash).
    pub public_url: String,
    /// Brands and settings for the portal routes.
    pub portal: crate::cache::PortalCache,
    /// Token signing keys.
    pub keys: crate::auth::tokens::Keyring,
    /// Lookup rate limits.
    pub lookup_limits: crate::routes::portal::lookup::LookupLimits,
    /// Service-point index of this node.
    pub points: Arc<crate::geo::refresh::IndexHandle>,
    /// The job worker of this node.
    pub jobs: crate::jobs::Jobs,
}

/// A bound, ready-to-run server.
pub struct Application {
    port: u16,
    address: String,
    server: Server,
    state: web::Data<AppState>,
    background: Vec<tokio::task::JoinHandle<()>>,
}

impl Application {
    /// Connects to the database, applies pending migrations, binds the listen
    /// address (port 0 picks a free port) and prepares the server.
    pub async fn build(config: Config) -> anyhow::Result<Application> {
        std::fs::create_dir_all(&config.data_dir).map_err(|e| {
            anyhow::anyhow!(
                "cannot create data directory {}: {e}",
                config.data_dir.display()
            )
        })?;
        let db = Db::connect(&config.database_url, config.db_pool_size)?;
        let migrate_db = db.clone();
        let applied = crate::db::blocking(move || {
            let mut conn = migrate_db.conn()?;
            crate::db::migrations::run_pending(&mut conn).map_err(crate::error::ApiError::internal)
        })
        .await?;
        if !applied.is_empty() {
            tracing::info!(count = applied.len(), "applied migrations");
        }

        let listener = TcpListener::bind((config.host.as_str(), config.port)).map_err(|e| {
            anyhow::anyhow!("cannot listen on {}:{}: {e}", config.host, config.port)
        })?;
        let local = listener.local_addr()?;
        let port = local.port();
        let address = format!("{}:{}", config.host, port);
        let public_url = config
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{address}"))
            .trim_end_matches('/')
            .to_string();

        let keys = crate::auth::tokens::Keyring::new(config.token_issuer.clone());
        keys.init(&db).await?;
        let points = Arc::new(crate::geo::refresh::IndexHandle::default());
        points.refresh(&db).await?;
        let refresher = crate::geo::refresh::spawn_refresher(
            points.clone(),
            db.clone(),
            std::time::Duration::from_millis(config.service_point_refresh_ms.max(100)),
        );

        let mut carriers_config = config.carriers.clone();
        if let Some(path) = &config.carrier_config {
            let text = std::fs::read_to_string(path)
                .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
            let list: Vec<crate::labels::http::HttpCarrierConfig> = serde_json::from_str(&text)
                .map_err(|e| anyhow::anyhow!("{} is not a carrier list: {e}", path.display()))?;
            carriers_config.extend(list);
        }
        let carriers = Arc::new(crate::labels::carrier::Carriers::new(&carriers_config)?);
        let jobs = if config.disable_jobs {
            crate::jobs::Jobs::disabled()
        } else {
            crate::jobs::Jobs::start(
                crate::jobs::JobContext {
                    db: db.clone(),
                    carriers,
                    data_dir: config.data_dir.clone(),
                },
                crate::jobs::WorkerConfig {
                    id: format!("node-{}", uuid::Uuid::now_v7().simple()),
                    concurrency: config.job_concurrency.max(1),
                    lease: std::time::Duration::from_secs(config.job_lease_secs.max(1)),
                    poll: std::time::Duration::from_millis(config.job_poll_ms.max(10)),
                    retry_base: std::time::Duration::from_millis(config.job_retry_base_ms.max(1)),
                    grace: std::time::Duration::from_secs(10),
                },
            )
        };

        let state = web::Data::new(AppState {
            db,
            config: config.clone(),
            public_url,
            portal: crate::cache::PortalCache::new(std::time::Duration::from_millis(
                config.portal_cache_ttl_ms,
            )),
            keys,
            lookup_limits: crate::routes::portal::lookup::LookupLimits {
                per_identifier: config.lookup_failures_per_identifier,
                per_client: config.lookup_failures_per_client,
                window_secs: config.lookup_failure_window_secs,
            },
            points,
            jobs,
        });
        let maintenance = crate::jobs::maintenance::spawn(state.clone().into_inner());
        let spec = Arc::new(crate::openapi::spec());
        // Install the recorder before the first request is measured.
        crate::telemetry::metrics();
        let upkeep = crate::telemetry::spawn_metrics_upkeep();

        let app_state = state.clone();
        let mut server =
            HttpServer::new(move || crate::routes::app(app_state.clone(), spec.clone()))
                .listen(listener)?;
        if let Some(workers) = config.http_workers {
            server = server.workers(workers.max(1));
        }
        let server = server.shutdown_timeout(10).run();
        Ok(Application {
            port,
            address,
            server,
            state,
            background: vec![refresher, maintenance, upkeep],
        })
    }

    /// The port actually bound.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// `host:port` actually bound.
    pub fn address(&self) -> &str {
        &self.address
    }

    /// Base URL the API hands out.
    pub fn public_url(&self) -> &str {
        &self.state.public_url
    }

    /// The database pool.
    pub fn db(&self) -> &Db {
        &self.state.db
    }

    /// Serves until the process is asked to stop (SIGINT/SIGTERM), then
    /// finishes in-flight requests and lets running jobs finish (or hands
    /// them back to the queue).
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let result = self.server.await;
        for task in &self.background {
            task.abort();
        }
        self.state.jobs.stop().await;
        result
    }

    /// Shared state (database, caches, index).
    pub fn state(&self) -> &web::Data<AppState> {
        &self.state
    }
}
