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
//! | `DB_CHECKOUT_TIMEOUT_MS` | `--db-checkout-timeout-ms` | `3000` | longest wait for a free database connection (and to open one) |
//! | `DB_WRITE_TIMEOUT_MS` | `--db-write-timeout-ms` | `4000` | longest a write may wait for the database, queue and retries included |
//! | `DB_BUSY_TIMEOUT_MS` | `--db-busy-timeout-ms` | `1500` | SQLite: wait for a lock held by another process |
//! | `SQLITE_SYNCHRONOUS` | `--sqlite-synchronous` | `full` | SQLite: `full` syncs every commit to disk before it is answered (an answered write survives a power loss); `normal` syncs only at checkpoints (a process crash loses nothing, a power loss or OS crash may undo the last answered commits) |
//! | `DB_STATEMENT_TIMEOUT_MS` | `--db-statement-timeout-ms` | `15000` | PostgreSQL `statement_timeout` |
//! | `DB_LOCK_TIMEOUT_MS` | `--db-lock-timeout-ms` | `3000` | PostgreSQL `lock_timeout` |
//! | `HTTP_WORKERS` | `--http-workers` | number of cores | HTTP worker threads |
//! | `PORTAL_CACHE_TTL_MS` | `--portal-cache-ttl-ms` | `2000` | how long a node serves a brand's settings from memory |
//! | `BODY_READ_TIMEOUT_MS` | `--body-read-timeout-ms` | `30000` | time a request body has to arrive in full, from the end of its headers (`0`: no limit); later is a 408 |
//! | `TOKEN_ISSUER` | `--token-issuer` | `returns-api` | `iss` of issued tokens |
//! | `ACCESS_TOKEN_TTL_SECS` | `--access-token-ttl-secs` | `3600` | portal access token lifetime |
//! | `SERVICE_POINTS_TOKEN_TTL_SECS` | `--service-points-token-ttl-secs` | `3600` | service-points token lifetime |
//! | `LABEL_URL_TTL_SECS` | `--label-url-ttl-secs` | 30 days | lifetime of label poll/download URLs |
//! | `LOOKUP_FAILURES_PER_IDENTIFIER` | `--lookup-failures-per-identifier` | `5` | failed lookups per identifier and client address per window |
//! | `LOOKUP_FAILURES_PER_IDENTIFIER_TOTAL` | `--lookup-failures-per-identifier-total` | `50` | failed lookups per identifier from all clients per window |
//! | `LOOKUP_FAILURES_PER_CLIENT` | `--lookup-failures-per-client` | `30` | failed lookups per client address per window |
//! | `LOOKUP_FAILURE_WINDOW_SECS` | `--lookup-failure-window-secs` | `900` | rate-limit window |
//! | `SERVICE_POINT_REFRESH_MS` | `--service-point-refresh-ms` | `2000` | how often a node checks for a new service-point data set |
//! | `JOB_CONCURRENCY` | `--job-concurrency` | `4` | jobs (labels, events, e-mail) run at once per node |
//! | `JOB_LEASE_SECS` | `--job-lease-secs` | `60` | how long a claimed job is reserved |
//! | `JOB_POLL_MS` | `--job-poll-ms` | `250` | idle poll interval of the worker |
//! | `JOB_RETRY_BASE_MS` | `--job-retry-base-ms` | `1000` | first retry delay (doubles, ±50 % jitter) |
//! | `DISABLE_JOBS` | `--disable-jobs` | off | run no worker on this node |
//! | `WEBHOOK_CONCURRENCY` | `--webhook-concurrency` | `64` | webhook deliveries in flight per node |
//! | `WEBHOOK_ENDPOINT_CONCURRENCY` | `--webhook-endpoint-concurrency` | `4` | deliveries in flight per endpoint (all nodes) |
//! | `WEBHOOK_TIMEOUT_MS` | `--webhook-timeout-ms` | `10000` | time an endpoint has to answer |
//! | `WEBHOOK_RETRY_SCHEDULE` | `--webhook-retry-schedule` | `5s,5m,30m,2h,5h,10h,…` | delays between attempts (13 attempts over about three days) |
//! | `WEBHOOK_DISABLE_AFTER` | `--webhook-disable-after` | `5d` | an endpoint failing every attempt this long is disabled |
//! | `WEBHOOK_ALLOW_PRIVATE` | `--webhook-allow-private` | off | development only: `http://` endpoints and private, loopback and link-local addresses |
//! | `SMTP_URL` | `--smtp-url` | none | customer e-mail: `smtp://HOST:PORT` (plain, development), `smtp://USER:PASS@HOST?tls=required` (STARTTLS) or `smtps://USER:PASS@HOST` (TLS); without it notifications are recorded as skipped (the password is never logged) |
//! | `MAIL_FROM` | `--mail-from` | `returns@localhost` | sender of customer e-mail |
//! | `CARRIER_CONFIG` | `--carrier-config` | none | JSON list of carriers: label APIs and tracking secrets (see below; secrets are never logged) |
//! | `SECRETS_KEY` | `--secrets-key` | none | key that encrypts the secrets kept in the database (webhook signing secrets, token signing keys): base64 of 32 random bytes, the same on every node (never logged); see below |
//! | `SECRETS_KEY_FILE` | `--secrets-key-file` | none | a file holding `SECRETS_KEY` instead (base64) |
//! | `SECRETS_KEY_OLD` | `--secrets-key-old` | none | comma-separated keys that only decrypt: the previous key after a rotation, or the next one before it (never logged) |
//! | `SECRETS_KEY_OLD_FILE` | `--secrets-key-old-file` | none | a file holding such keys, one a line |
//! | `METRICS_TOKEN` | `--metrics-token` | none | bearer token `/metrics` requires (never logged) |
//! | `TRUSTED_PROXIES` | `--trusted-proxies` | `0` | reverse proxies in front of the node: the client address is the `X-Forwarded-For` entry this many hops from the right (`0`: the header is ignored) |
//! | `TRUSTED_PROXY_CIDRS` | `--trusted-proxy-cidrs` | none | comma-separated networks (`10.0.0.0/8,fd00::/8`) whose addresses are proxies, skipped from the right of `X-Forwarded-For` |
//! | `LOG_FORMAT` | `--log-format` | `text` | `text` or `json` |
//! | `RUST_LOG` | | `info` | log filter |
//!
//! Secrets (database passwords in `DATABASE_URL`) are never logged: the URL
//! is shown with its password masked.
//!
//! Without `SECRETS_KEY` and `SECRETS_KEY_FILE` a node uses
//! `DATA_DIR/secrets.key`, and creates it (mode 0600, logged without the key)
//! on SQLite, with `serve --demo` and in tests when the database holds no
//! encrypted secret yet. On PostgreSQL, where several nodes share the
//! database, a node refuses to start without a key rather than invent one of
//! its own. A node also refuses to start when the database holds secrets
//! encrypted under a key it lacks, naming `SECRETS_KEY`.
//!
//! `CARRIER_CONFIG` names a JSON file with one entry per carrier code (at
//! most one each); carriers without an entry get labels from the built-in
//! local adapter and cannot post tracking events:
//!
//! | field | required | meaning |
//! |---|---|---|
//! | `carrier` | yes | carrier code, e.g. `postnl` |
//! | `base_url` | no | the carrier's label API; without it the local adapter makes the labels |
//! | `token` | no, only with `base_url` | bearer credential of the label API (never logged) |
//! | `timeout_ms` | no, only with `base_url` | label API timeout (default `10000`) |
//! | `tracking_secret` | no | `whsec_…` secret the carrier signs `POST /v1/carriers/{carrier}/tracking-events` with (never logged) |
//!
//! An entry has `base_url`, `tracking_secret` or both, e.g.
//! `[{"carrier":"dhl","base_url":"https://labels.example","token":"…"},
//! {"carrier":"postnl","tracking_secret":"whsec_…"}]`.

use std::path::PathBuf;

use std::time::Duration;

use clap::Args;
use serde::Deserialize;

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
    /// Where photos and label PDFs are kept: `local` (under `DATA_DIR`),
    /// `database` (a table every node on the database shares) or
    /// `s3://BUCKET[/PREFIX]` (credentials and endpoint from the `AWS_*`
    /// variables). Default: `database` on PostgreSQL, `local` on SQLite.
    #[arg(long, env = "BLOB_STORE")]
    pub blob_store: Option<String>,
    /// Public base URL used in URLs the API returns (defaults to the listen address).
    #[arg(long, env = "PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Maximum database connections of this node.
    #[arg(long, env = "DB_POOL_SIZE", default_value_t = 16)]
    pub db_pool_size: u32,
    /// SQLite: whether a commit is on disk before it is answered (`full`) or
    /// may be lost to a power loss or OS crash (`normal`, faster).
    #[arg(
        long,
        env = "SQLITE_SYNCHRONOUS",
        value_enum,
        ignore_case = true,
        default_value = "full"
    )]
    pub sqlite_synchronous: SqliteSynchronous,
    /// Bounds on every wait for the database.
    #[command(flatten)]
    pub db_timeouts: DbTimeouts,
    /// HTTP worker threads (defaults to the number of cores).
    #[arg(long, env = "HTTP_WORKERS")]
    pub http_workers: Option<usize>,
    /// How long a node may serve a brand's portal settings from memory (milliseconds).
    #[arg(long, env = "PORTAL_CACHE_TTL_MS", default_value_t = 2000)]
    pub portal_cache_ttl_ms: u64,
    /// Report summaries: how long a transaction may stay open and still have
    /// its changes picked up by the next rollup (milliseconds).
    #[arg(long, env = "REPORT_ROLLUP_MARGIN_MS", default_value_t = 60_000)]
    pub report_rollup_margin_ms: u64,
    /// Time a request body has to arrive in full, counted from the end of
    /// its headers (milliseconds; 0: no limit). Later is a 408.
    #[arg(long, env = "BODY_READ_TIMEOUT_MS", default_value_t = 30_000)]
    pub body_read_timeout_ms: u64,
    /// `iss` of the tokens this deployment issues (the same on every node).
    #[arg(long, env = "TOKEN_ISSUER", default_value = "returns-api")]
    pub token_issuer: String,
    /// Lifetime of the portal access token (seconds).
    #[arg(long, env = "ACCESS_TOKEN_TTL_SECS", default_value_t = 3600)]
    pub access_token_ttl_secs: u64,
    /// Lifetime of the service-points token (seconds).
    #[arg(long, env = "SERVICE_POINTS_TOKEN_TTL_SECS", default_value_t = 3600)]
    pub service_points_token_ttl_secs: u64,
    /// Lifetime of label poll / download URLs (seconds; default 30 days).
    #[arg(long, env = "LABEL_URL_TTL_SECS", default_value_t = 30 * 24 * 3600)]
    pub label_url_ttl_secs: u64,
    /// Failed lookups allowed per identifier and client address in a window.
    #[arg(long, env = "LOOKUP_FAILURES_PER_IDENTIFIER", default_value_t = 5)]
    pub lookup_failures_per_identifier: i32,
    /// Failed lookups allowed per identifier from all clients together in a window.
    #[arg(
        long,
        env = "LOOKUP_FAILURES_PER_IDENTIFIER_TOTAL",
        default_value_t = 50
    )]
    pub lookup_failures_per_identifier_total: i32,
    /// Failed lookups allowed per client address in a window.
    #[arg(long, env = "LOOKUP_FAILURES_PER_CLIENT", default_value_t = 30)]
    pub lookup_failures_per_client: i32,
    /// Length of the lookup rate-limit window (seconds).
    #[arg(long, env = "LOOKUP_FAILURE_WINDOW_SECS", default_value_t = 900)]
    pub lookup_failure_window_secs: i64,
    /// How often a node checks whether the service-point data set changed (milliseconds).
    #[arg(long, env = "SERVICE_POINT_REFRESH_MS", default_value_t = 2000)]
    pub service_point_refresh_ms: u64,
    /// Jobs (labels, events) run at once by this node.
    #[arg(long, env = "JOB_CONCURRENCY", default_value_t = 4)]
    pub job_concurrency: usize,
    /// How long a claimed job is reserved before another node may take it (seconds).
    #[arg(long, env = "JOB_LEASE_SECS", default_value_t = 60)]
    pub job_lease_secs: u64,
    /// How often an idle worker looks for due jobs (milliseconds).
    #[arg(long, env = "JOB_POLL_MS", default_value_t = 250)]
    pub job_poll_ms: u64,
    /// First retry delay of a failed job (milliseconds; doubles per attempt).
    #[arg(long, env = "JOB_RETRY_BASE_MS", default_value_t = 1000)]
    pub job_retry_base_ms: u64,
    /// Run no job worker on this node (serve HTTP only).
    #[arg(long, env = "DISABLE_JOBS", value_parser = clap::builder::BoolishValueParser::new())]
    pub disable_jobs: bool,
    /// Webhook delivery settings.
    #[command(flatten)]
    pub webhooks: WebhookConfig,
    /// SMTP server of customer e-mail (`smtp://`, `smtps://`, with
    /// `?tls=required` for STARTTLS); without it no mail is sent and every
    /// notification is recorded as skipped.
    #[arg(long, env = "SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<SecretUrl>,
    /// Sender address of customer e-mail.
    #[arg(long, env = "MAIL_FROM", default_value = "returns@localhost")]
    pub mail_from: String,
    /// JSON file listing carriers: `[{"carrier", "base_url"?, "token"?, "timeout_ms"?,
    /// "tracking_secret"?}]`. Carriers without a `base_url` use the built-in local carrier.
    #[arg(long, env = "CARRIER_CONFIG")]
    pub carrier_config: Option<PathBuf>,
    /// Carriers given in code (tests, embedding); a node's state holds these
    /// merged with the entries of `carrier_config`.
    #[arg(skip)]
    pub carriers: Vec<CarrierConfig>,
    /// The clock of scheduled work (deadlines, reminders, job runs): the
    /// system clock unless code embedding the node moves it.
    #[arg(skip)]
    pub clock: crate::clock::Clock,
    /// The key that encrypts secrets kept in the database.
    #[command(flatten)]
    pub secrets: SecretsConfig,
    /// Bearer token that `/metrics` requires (open to anyone when unset).
    #[arg(long, env = "METRICS_TOKEN", hide_env_values = true)]
    pub metrics_token: Option<Secret>,
    /// Reverse proxies in front of this node: the client address is read from
    /// `X-Forwarded-For` this many hops from the right (0: the header is ignored).
    #[arg(long, env = "TRUSTED_PROXIES", default_value_t = 0)]
    pub trusted_proxies: usize,
    /// Networks whose addresses are reverse proxies (comma-separated CIDRs),
    /// skipped from the right of `X-Forwarded-For`.
    #[arg(long, env = "TRUSTED_PROXY_CIDRS", value_delimiter = ',')]
    pub trusted_proxy_cidrs: Vec<ipnet::IpNet>,
}

impl Config {
    /// Where this node keeps blobs (`BLOB_STORE`, else the default of the database).
    pub fn blob_store(&self) -> anyhow::Result<BlobStoreKind> {
        match self.blob_store.as_deref().map(str::trim) {
            None | Some("") => Ok(
                if self.database_url.starts_with("postgres://")
                    || self.database_url.starts_with("postgresql://")
                {
                    BlobStoreKind::Database
                } else {
                    BlobStoreKind::Local
                },
            ),
            Some("local") => Ok(BlobStoreKind::Local),
            Some("database") => Ok(BlobStoreKind::Database),
            Some(url) if url.starts_with("s3://") => Ok(BlobStoreKind::S3(url.to_string())),
            Some(other) => anyhow::bail!(
                "BLOB_STORE must be local, database or s3://BUCKET[/PREFIX] (got {other:?})"
            ),
        }
    }

    /// A configuration for `database_url` with every other option at its default,
    /// listening on a free port on 127.0.0.1 (tests and examples).
    pub fn for_database(database_url: impl Into<String>, data_dir: impl Into<PathBuf>) -> Config {
        Config {
            database_url: database_url.into(),
            host: "127.0.0.1".into(),
            port: 0,
            data_dir: data_dir.into(),
            blob_store: None,
            public_url: None,
            db_pool_size: 8,
            sqlite_synchronous: SqliteSynchronous::Full,
            db_timeouts: DbTimeouts::default(),
            http_workers: Some(2),
            portal_cache_ttl_ms: 2000,
            report_rollup_margin_ms: 60_000,
            body_read_timeout_ms: 30_000,
            token_issuer: "returns-api".into(),
            access_token_ttl_secs: 3600,
            service_points_token_ttl_secs: 3600,
            label_url_ttl_secs: 30 * 24 * 3600,
            lookup_failures_per_identifier: 5,
            lookup_failures_per_identifier_total: 50,
            lookup_failures_per_client: 30,
            lookup_failure_window_secs: 900,
            trusted_proxies: 0,
            trusted_proxy_cidrs: Vec::new(),
            service_point_refresh_ms: 500,
            job_concurrency: 4,
            job_lease_secs: 60,
            job_poll_ms: 100,
            job_retry_base_ms: 100,
            disable_jobs: false,
            webhooks: WebhookConfig::default(),
            smtp_url: None,
            mail_from: "returns@localhost".into(),
            carrier_config: None,
            carriers: Vec::new(),
            clock: crate::clock::Clock::default(),
            secrets: SecretsConfig {
                generate_anywhere: true,
                ..SecretsConfig::default()
            },
            metrics_token: None,
        }
    }
}

/// How SQLite makes a commit durable (its `synchronous` setting, in WAL
/// mode): what an answered write survives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum SqliteSynchronous {
    /// The WAL is synced to disk at every commit, before the write is
    /// answered: an answered write survives a process crash, an OS crash
    /// and a power loss.
    #[default]
    Full,
    /// The WAL is synced only when it is checkpointed: an answered write
    /// survives a process crash, but an OS crash or a power loss may roll
    /// back the last commits although their callers were answered.
    Normal,
}

impl SqliteSynchronous {
    /// The value of `PRAGMA synchronous` it stands for.
    pub fn pragma(self) -> &'static str {
        match self {
            SqliteSynchronous::Full => "FULL",
            SqliteSynchronous::Normal => "NORMAL",
        }
    }
}

/// Where blobs (photos, label PDFs) are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlobStoreKind {
    /// Files under `DATA_DIR` (seen only by nodes sharing that directory).
    Local,
    /// The `blobs` table of the database (seen by every node on it).
    Database,
    /// An S3-compatible bucket: `s3://BUCKET[/PREFIX]`.
    S3(String),
}

/// Delays between webhook attempts: 5 s, 5 min, 30 min, 2 h, 5 h, then 10 h
/// seven times, so thirteen attempts over a little more than three days.
pub const DEFAULT_RETRY_SCHEDULE: &str = "5s,5m,30m,2h,5h,10h,10h,10h,10h,10h,10h,10h";

/// How webhooks are delivered.
#[derive(Debug, Clone, Args)]
pub struct WebhookConfig {
    /// Webhook deliveries in flight at once on this node.
    #[arg(long, env = "WEBHOOK_CONCURRENCY", default_value_t = 64)]
    pub webhook_concurrency: usize,
    /// Deliveries in flight at once per endpoint, across nodes (a slow
    /// endpoint never takes every slot).
    #[arg(long, env = "WEBHOOK_ENDPOINT_CONCURRENCY", default_value_t = 4)]
    pub webhook_endpoint_concurrency: usize,
    /// Time an endpoint has to answer (milliseconds).
    #[arg(long, env = "WEBHOOK_TIMEOUT_MS", default_value_t = 10_000)]
    pub webhook_timeout_ms: u64,
    /// Delays between attempts, e.g. `5s,5m,30m,2h` (units ms, s, m, h, d).
    #[arg(long, env = "WEBHOOK_RETRY_SCHEDULE", default_value = DEFAULT_RETRY_SCHEDULE)]
    #[arg(value_parser = parse_durations)]
    pub webhook_retry_schedule: Durations,
    /// An endpoint that failed every attempt for this long is disabled.
    #[arg(long, env = "WEBHOOK_DISABLE_AFTER", default_value = "5d")]
    #[arg(value_parser = humantime::parse_duration)]
    pub webhook_disable_after: Duration,
    /// Development only: allow `http://` endpoints and loopback, private and
    /// link-local addresses.
    #[arg(long, env = "WEBHOOK_ALLOW_PRIVATE")]
    #[arg(value_parser = clap::builder::BoolishValueParser::new())]
    pub webhook_allow_private: bool,
}

impl Default for WebhookConfig {
    fn default() -> WebhookConfig {
        defaults()
    }
}

/// Bounds on waits for the database: past them a request is answered 503
/// with `Retry-After` instead of hanging (all in milliseconds).
#[derive(Debug, Clone, Args)]
pub struct DbTimeouts {
    /// Longest wait for a free pooled connection, and to open one.
    #[arg(long, env = "DB_CHECKOUT_TIMEOUT_MS", default_value_t = 3000)]
    pub db_checkout_timeout_ms: u64,
    /// Longest a write may wait for the database, queue and retries included.
    #[arg(long, env = "DB_WRITE_TIMEOUT_MS", default_value_t = 4000)]
    pub db_write_timeout_ms: u64,
    /// SQLite: how long to wait for a lock another process holds.
    #[arg(long, env = "DB_BUSY_TIMEOUT_MS", default_value_t = 1500)]
    pub db_busy_timeout_ms: u64,
    /// PostgreSQL `statement_timeout`.
    #[arg(long, env = "DB_STATEMENT_TIMEOUT_MS", default_value_t = 15_000)]
    pub db_statement_timeout_ms: u64,
    /// PostgreSQL `lock_timeout`.
    #[arg(long, env = "DB_LOCK_TIMEOUT_MS", default_value_t = 3000)]
    pub db_lock_timeout_ms: u64,
}

impl Default for DbTimeouts {
    fn default() -> DbTimeouts {
        defaults()
    }
}

/// The options of `T` as they are when neither the command line nor the
/// environment sets any: each default is written once, in its `#[arg]`.
fn defaults<T: Args + clap::FromArgMatches>() -> T {
    let command = T::augment_args(clap::Command::new("defaults"))
        .mut_args(|arg| arg.env(None::<&'static str>));
    command
        .try_get_matches_from(["defaults"])
        .and_then(|matches| T::from_arg_matches(&matches))
        .unwrap_or_else(|e| unreachable!("the defaults of every option parse: {e}"))
}

/// Where the key that encrypts secrets in the database comes from
/// (`app::secrets` reads it; `crate::secrets` does the encryption).
#[derive(Debug, Clone, Default, Args)]
pub struct SecretsConfig {
    /// Key that encrypts the secrets kept in the database: base64 of 32
    /// random bytes (`openssl rand -base64 32`), the same on every node.
    #[arg(long, env = "SECRETS_KEY", hide_env_values = true)]
    #[arg(conflicts_with = "secrets_key_file")]
    pub secrets_key: Option<Secret>,
    /// A file holding the key (base64).
    #[arg(long, env = "SECRETS_KEY_FILE")]
    pub secrets_key_file: Option<PathBuf>,
    /// Keys that only decrypt (comma-separated base64): the previous key
    /// after a rotation, or the next one before it.
    #[arg(long, env = "SECRETS_KEY_OLD", hide_env_values = true)]
    #[arg(value_delimiter = ',')]
    pub secrets_key_old: Vec<Secret>,
    /// A file holding keys that only decrypt, one a line.
    #[arg(long, env = "SECRETS_KEY_OLD_FILE")]
    pub secrets_key_old_file: Option<PathBuf>,
    /// Whether a node without a key may create `DATA_DIR/secrets.key` on
    /// PostgreSQL as well (`serve --demo`, tests and examples: one node, or
    /// nodes sharing the data directory). SQLite always may.
    #[arg(skip)]
    pub generate_anywhere: bool,
}

/// A list of durations (one option value).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Durations(pub Vec<Duration>);

/// Reads `5s,5m,30m,2h`: durations as `humantime` writes them.
pub fn parse_durations(s: &str) -> Result<Durations, String> {
    s.split(',')
        .map(|part| humantime::parse_duration(part.trim()).map_err(|e| format!("{part:?}: {e}")))
        .collect::<Result<Vec<_>, _>>()
        .map(Durations)
}

/// A secret setting: shown as `***` in debug output, so it never reaches a log.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(pub String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("***")
    }
}

impl std::str::FromStr for Secret {
    type Err = std::convert::Infallible;

    fn from_str(s: &str) -> Result<Secret, Self::Err> {
        Ok(Secret(s.to_string()))
    }
}

/// A URL with credentials (`SMTP_URL`): shown with its password masked
/// in debug output, so the password never reaches a log.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretUrl(pub String);

impl SecretUrl {
    /// The URL with its password masked; `***` when it cannot be read as
    /// a URL (a password might be in it anywhere).
    pub fn redacted(&self) -> String {
        match url::Url::parse(&self.0) {
            Ok(_) => redact_url(&self.0),
            Err(_) => "***".into(),
        }
    }
}

impl std::fmt::Debug for SecretUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.redacted())
    }
}

impl std::str::FromStr for SecretUrl {
    type Err = std::convert::Infallible;

    fn from_str(s: &str) -> Result<SecretUrl, Self::Err> {
        Ok(SecretUrl(s.to_string()))
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

/// One entry of `CARRIER_CONFIG`: what this deployment knows about a
/// carrier. With `base_url` its labels come from the carrier's HTTP API
/// (with `token` and `timeout_ms`), without it from the built-in local
/// adapter; with `tracking_secret` the carrier may post tracking events.
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CarrierConfig {
    /// Carrier code (e.g. `dhl`).
    pub carrier: String,
    /// Base URL of the carrier's label API.
    #[serde(default)]
    pub base_url: Option<String>,
    /// Bearer credential of the label API (never logged).
    #[serde(default)]
    pub token: Option<String>,
    /// Label API timeout in milliseconds (default 10 000).
    #[serde(default)]
    pub timeout_ms: Option<u64>,
    /// The `whsec_…` secret the carrier signs its tracking events with
    /// (never logged); without one, its tracking events are refused.
    #[serde(default)]
    pub tracking_secret: Option<String>,
}

impl CarrierConfig {
    /// The label API adapter's settings, when the carrier's labels come
    /// from its API.
    pub fn http(&self) -> Option<HttpCarrierConfig> {
        Some(HttpCarrierConfig {
            carrier: self.carrier.clone(),
            base_url: self.base_url.clone()?,
            token: self.token.clone(),
            timeout_ms: self.timeout_ms.unwrap_or(DEFAULT_TIMEOUT_MS),
        })
    }

    /// Why the entry cannot be used, if it cannot: it has no carrier code,
    /// gives label API settings without `base_url`, or does nothing (neither
    /// a label API nor a tracking secret). Names fields, never values.
    pub fn problem(&self) -> Option<String> {
        let code = &self.carrier;
        if code.is_empty() {
            return Some("an entry has an empty carrier".into());
        }
        if self.base_url.is_none() && (self.token.is_some() || self.timeout_ms.is_some()) {
            return Some(format!(
                "carrier {code}: token and timeout_ms need a base_url"
            ));
        }
        if self.base_url.is_none() && self.tracking_secret.is_none() {
            return Some(format!(
                "carrier {code}: give a base_url, a tracking_secret or both"
            ));
        }
        None
    }
}

impl std::fmt::Debug for CarrierConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CarrierConfig")
            .field("carrier", &self.carrier)
            .field("base_url", &self.base_url)
            .field("token", &self.token.as_ref().map(|_| "***"))
            .field("timeout_ms", &self.timeout_ms)
            .field(
                "tracking_secret",
                &self.tracking_secret.as_ref().map(|_| "***"),
            )
            .finish()
    }
}

#[cfg(test)]
mod carrier_tests {
    use super::*;

    fn entry(json: serde_json::Value) -> CarrierConfig {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn an_entry_with_only_a_tracking_secret_leaves_labels_to_the_local_adapter() {
        let e = entry(serde_json::json!({ "carrier": "postnl", "tracking_secret": "whsec_x" }));
        assert!(e.http().is_none());
        assert_eq!(e.problem(), None);
    }

    #[test]
    fn an_entry_with_a_base_url_is_a_label_api_with_the_default_timeout() {
        let e = entry(
            serde_json::json!({ "carrier": "dhl", "base_url": "https://x.example", "token": "t" }),
        );
        let http = e.http().unwrap();
        assert_eq!(
            (http.base_url.as_str(), http.timeout_ms),
            ("https://x.example", 10_000)
        );
        assert_eq!(e.problem(), None);
    }

    #[test]
    fn entries_that_do_nothing_or_misplace_label_settings_are_refused() {
        let bare = entry(serde_json::json!({ "carrier": "dhl" }));
        assert!(
            bare.problem()
                .unwrap()
                .contains("base_url, a tracking_secret")
        );
        let token = entry(
            serde_json::json!({ "carrier": "dhl", "token": "t", "tracking_secret": "whsec_x" }),
        );
        assert!(token.problem().unwrap().contains("need a base_url"));
        assert!(
            serde_json::from_value::<CarrierConfig>(
                serde_json::json!({ "carrier": "dhl", "secret": "x" })
            )
            .is_err()
        );
    }

    #[test]
    fn secrets_never_reach_debug_output() {
        let e = entry(
            serde_json::json!({ "carrier": "dhl", "base_url": "https://x.example",
            "token": "tok-123", "tracking_secret": "whsec_c2VjcmV0" }),
        );
        let shown = format!("{e:?} {:?}", e.http().unwrap());
        assert!(
            !shown.contains("tok-123") && !shown.contains("whsec_c2VjcmV0"),
            "{shown}"
        );
    }
}

/// Settings of one carrier's label API (the HTTP adapter's).
#[derive(Clone)]
pub struct HttpCarrierConfig {
    /// Carrier code this adapter serves (e.g. `dhl`).
    pub carrier: String,
    /// Base URL of the carrier's API.
    pub base_url: String,
    /// Bearer credential (never logged).
    pub token: Option<String>,
    /// Request timeout in milliseconds.
    pub timeout_ms: u64,
}

/// Label API timeout when an entry gives none.
const DEFAULT_TIMEOUT_MS: u64 = 10_000;

impl std::fmt::Debug for HttpCarrierConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HttpCarrierConfig")
            .field("carrier", &self.carrier)
            .field("base_url", &self.base_url)
            .field("token", &self.token.as_ref().map(|_| "***"))
            .field("timeout_ms", &self.timeout_ms)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blobs_default_to_the_database_on_postgres_and_to_files_on_sqlite() {
        let mut config = Config::for_database("postgres://u@h/db", "/data");
        assert_eq!(config.blob_store().unwrap(), BlobStoreKind::Database);
        config.database_url = "sqlite://x.db".into();
        assert_eq!(config.blob_store().unwrap(), BlobStoreKind::Local);
        config.blob_store = Some("database".into());
        assert_eq!(config.blob_store().unwrap(), BlobStoreKind::Database);
        config.blob_store = Some("s3://bucket/returns".into());
        assert_eq!(
            config.blob_store().unwrap(),
            BlobStoreKind::S3("s3://bucket/returns".into())
        );
        config.blob_store = Some("ftp://x".into());
        assert!(config.blob_store().is_err());
    }

    /// `serve`'s options as the command line reads them.
    #[derive(clap::Parser)]
    struct Serve {
        #[command(flatten)]
        config: Config,
    }

    fn serve(args: &[&str]) -> Result<Config, clap::Error> {
        use clap::Parser;
        Serve::try_parse_from(std::iter::once("serve").chain(args.iter().copied()))
            .map(|s| s.config)
    }

    #[test]
    fn sqlite_commits_are_synced_to_disk_unless_normal_is_asked_for() {
        // Neither the variable nor the flag is set in the test environment.
        if std::env::var_os("SQLITE_SYNCHRONOUS").is_none() {
            assert_eq!(
                serve(&[]).unwrap().sqlite_synchronous,
                SqliteSynchronous::Full
            );
        }
        assert_eq!(
            Config::for_database("sqlite::memory:", "/tmp").sqlite_synchronous,
            SqliteSynchronous::Full
        );
        for value in ["normal", "NORMAL", "Normal"] {
            let config = serve(&["--sqlite-synchronous", value]).unwrap();
            assert_eq!(config.sqlite_synchronous, SqliteSynchronous::Normal);
        }
        assert_eq!(
            serve(&["--sqlite-synchronous", "full"])
                .unwrap()
                .sqlite_synchronous
                .pragma(),
            "FULL"
        );
    }

    #[test]
    fn an_unknown_sqlite_synchronous_value_is_refused_with_the_values_allowed() {
        let error = serve(&["--sqlite-synchronous", "off"])
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("invalid value 'off'") && error.contains("full, normal"),
            "{error}"
        );
    }

    #[test]
    fn defaults_are_the_option_defaults_of_the_command_line() {
        let webhooks = WebhookConfig::default();
        assert_eq!(webhooks.webhook_concurrency, 64);
        assert_eq!(webhooks.webhook_endpoint_concurrency, 4);
        assert_eq!(webhooks.webhook_timeout_ms, 10_000);
        assert_eq!(
            webhooks.webhook_retry_schedule,
            parse_durations(DEFAULT_RETRY_SCHEDULE).unwrap()
        );
        assert_eq!(
            webhooks.webhook_disable_after,
            Duration::from_secs(5 * 86_400)
        );
        assert!(!webhooks.webhook_allow_private);
        let timeouts = DbTimeouts::default();
        assert_eq!(
            (
                timeouts.db_checkout_timeout_ms,
                timeouts.db_write_timeout_ms,
                timeouts.db_busy_timeout_ms
            ),
            (3000, 4000, 1500)
        );
        assert_eq!(
            (
                timeouts.db_statement_timeout_ms,
                timeouts.db_lock_timeout_ms
            ),
            (15_000, 3000)
        );
    }

    #[test]
    fn grouped_options_are_read_from_their_flags() {
        let config = serve(&[
            "--db-checkout-timeout-ms",
            "10",
            "--db-lock-timeout-ms",
            "20",
            "--webhook-retry-schedule",
            "1s,2m",
            "--webhook-allow-private",
        ])
        .unwrap();
        assert_eq!(config.db_timeouts.db_checkout_timeout_ms, 10);
        assert_eq!(config.db_timeouts.db_lock_timeout_ms, 20);
        assert_eq!(config.webhooks.webhook_retry_schedule.0.len(), 2);
        assert!(config.webhooks.webhook_allow_private);
    }

    #[test]
    fn the_default_webhook_schedule_spreads_thirteen_attempts_over_about_three_days() {
        let schedule = parse_durations(DEFAULT_RETRY_SCHEDULE).unwrap();
        assert_eq!(schedule.0.len() + 1, 13);
        assert_eq!(schedule.0[0], Duration::from_secs(5));
        let hours = schedule.0.iter().sum::<Duration>().as_secs_f64() / 3600.0;
        assert!((72.0..80.0).contains(&hours), "{hours} h");
    }

    #[test]
    fn the_smtp_password_never_shows_in_debug_output() {
        let mut config = Config::for_database("sqlite::memory:", "/tmp");
        config.smtp_url = Some(SecretUrl("smtps://mailer:hunter2@smtp.example:465".into()));
        let shown = format!("{config:?}");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(
            shown.contains("smtps://mailer:***@smtp.example:465"),
            "{shown}"
        );
        let unreadable = SecretUrl("smtps://mailer:hunter2@smtp.example:99999".into());
        assert_eq!(format!("{unreadable:?}"), "***");
    }

    #[test]
    fn the_secrets_keys_never_show_in_debug_output_and_come_from_one_place() {
        let key = "ZXhhbXBsZXMgb25seTogbm90IGEgc2VjcmV0IGtleSE=";
        let old = "b2xkIGtleSBvZiB0aGUgZGVidWcgb3V0cHV0IHRlc3Q=";
        let config = serve(&["--secrets-key", key, "--secrets-key-old", old]).unwrap();
        assert_eq!(config.secrets.secrets_key, Some(Secret(key.into())));
        let shown = format!("{config:?}");
        assert!(!shown.contains(key) && !shown.contains(old), "{shown}");
        assert!(!config.secrets.generate_anywhere);
        assert!(serve(&["--secrets-key", key, "--secrets-key-file", "/k"]).is_err());
    }

    #[test]
    fn duration_lists_read_as_written_and_refuse_missing_units() {
        assert_eq!(
            parse_durations("250ms, 2m,1d").unwrap().0,
            vec![
                Duration::from_millis(250),
                Duration::from_secs(120),
                Duration::from_secs(86_400)
            ]
        );
        assert!(parse_durations("5").is_err());
        assert!(parse_durations("5s,,5m").is_err());
    }
}
