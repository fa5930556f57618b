//! Runtime configuration.
//!
//! Every option is a command-line flag and an environment variable:
//!
//! | variable | flag | default | meaning |
//! |---|---|---|---|
//! | `DATABASE_URL` | `--database-url` | `sqlite://returns.db` | `sqlite://PATH`, `sqlite::memory:` or `postgres://…` |
//! | `HOST` | `--host` | `127.0.0.1` | listen address |
//! | `PORT` | `--port` | `8080` | listen port (`0` picks a free one) |
//! | `DATA_DIR` | `--data-dir` | `./data` | files: uploads and labels |
//! | `PUBLIC_URL` | `--public-url` | `http://HOST:PORT` | base of absolute URLs the API hands out |
//! | `DB_POOL_SIZE` | `--db-pool-size` | `16` | database connections per node |
//! | `HTTP_WORKERS` | `--http-workers` | number of cores | HTTP worker threads |
//! | `PORTAL_CACHE_TTL_MS` | `--portal-cache-ttl-ms` | `2000` | how long a node serves a brand's settings from memory |
//! | `LOG_FORMAT` | `--log-format` | `text` | `text` or `json` |
//! | `RUST_LOG` | | `info` | log filter |
//!
//! Secrets (database passwords in `DATABASE_URL`) are never logged: the URL
//! is shown with its password masked.

use std::path::PathBuf;

use clap::Args;

/// Options of `serve` (and what tests and examples pass to `Application::build`).
#[derive(Debug, Clone, Args)]
pub struct Config {
    /// Database URL: `sqlite://PATH`, `sqlite::memory:` or `postgres://USER@HOST/DB`.
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite://returns.db")]
    pub database_url: String,
    /// Address to listen on.
    #[arg(long, env = "HOST", default_value = "127.0.0.1")]
    pub host: String,
    /// Port to listen on (0 picks a free port).
    #[arg(long, env = "PORT", default_value_t = 8080)]
    pub port: u16,
    /// Directory for uploaded photos and rendered labels.
    #[arg(long, env = "DATA_DIR", default_value = "./data")]
    pub data_dir: PathBuf,
    /// Public base URL used in URLs the API returns (defaults to the listen address).
    #[arg(long, env = "PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Maximum database connections of this node.
    #[arg(long, env = "DB_POOL_SIZE", default_value_t = 16)]
    pub db_pool_size: u32,
    /// HTTP worker threads (defaults to the number of cores).
    #[arg(long, env = "HTTP_WORKERS")]
    pub http_workers: Option<usize>,
    /// How long a node may serve a brand's portal settings from memory (milliseconds).
    #[arg(long, env = "PORTAL_CACHE_TTL_MS", default_value_t = 2000)]
    pub portal_cache_ttl_ms: u64,
}

impl Config {
    /// A configuration for `database_url` with every other option at its default,
    /// listening on a free port on 127.0.0.1 (tests and examples).
    pub fn for_database(database_url: impl Into<String>, data_dir: impl Into<PathBuf>) -> Config {
        Config {
            database_url: database_url.into(),
            host: "127.0.0.1".into(),
            port: 0,
            data_dir: data_dir.into(),
            public_url: None,
            db_pool_size: 8,
            http_workers: Some(2),
            portal_cache_ttl_ms: 2000,
        }
    }
}

/// `DATABASE_URL` with any password replaced by `***`, for logs.
pub fn redact_url(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("***"));
            parsed.to_string()
        }
        _ => url.to_string(),
    }
}
