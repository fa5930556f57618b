//! Building and running the application: what `serve`, the tests and the
//! benchmarks all start. The node itself (database, keys, index, worker) is
//! put together by `app::AppState::build`; this adds the HTTP server.

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::dev::Server;
use actix_web::{HttpServer, web};

use crate::app::AppState;
use crate::config::Config;

/// A bound, ready-to-run server.
pub struct Application {
    port: u16,
    address: String,
    server: Server,
    state: web::Data<AppState>,
    background: Vec<tokio::task::JoinHandle<()>>,
}

impl Application {
    /// Binds the listen address (port 0 picks a free port), builds the node
    /// (database with pending migrations applied, keys, index, worker) and
    /// prepares the server.
    pub async fn build(config: Config) -> anyhow::Result<Application> {
        let listener = TcpListener::bind((config.host.as_str(), config.port)).map_err(|e| {
            anyhow::anyhow!("cannot listen on {}:{}: {e}", config.host, config.port)
        })?;
        let port = listener.local_addr()?.port();
        let address = format!("{}:{}", config.host, port);
        let public_url = config
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{address}"))
            .trim_end_matches('/')
            .to_string();
        let workers = config.http_workers;
        let built = AppState::build(config, public_url).await?;
        let state = web::Data::from(built.state);
        let spec = Arc::new(crate::routes::SpecDoc::new(&crate::openapi::spec()));
        // Install the recorder before the first request is measured.
        crate::telemetry::metrics();
        let mut background = built.background;
        background.push(crate::telemetry::spawn_metrics_upkeep());

        let app_state = state.clone();
        let mut server =
            HttpServer::new(move || crate::routes::app(app_state.clone(), spec.clone()))
                .listen(listener)?;
        if let Some(workers) = workers {
            server = server.workers(workers.max(1));
        }
        let server = server.shutdown_timeout(10).run();
        Ok(Application {
            port,
            address,
            server,
            state,
            background,
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

    /// Shared state (database, caches, index) of this node.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// The shared state, to keep after the server is started.
    pub fn shared(&self) -> Arc<AppState> {
        self.state.clone().into_inner()
    }

    /// Serves until the process is asked to stop (SIGINT/SIGTERM), then
    /// finishes in-flight requests and lets running jobs finish (or hands
    /// them back to the queue).
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let result = self.server.await;
        for task in &self.background {
            task.abort();
        }
        self.state.stop().await;
        result
    }
}
