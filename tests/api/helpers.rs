//! Test harness: starts the real application on a random port with a fresh
//! database (a SQLite file in a temporary directory, or a new PostgreSQL
//! database when `TEST_DATABASE_URL` names a server) and talks HTTP to it.

use std::sync::Once;

use diesel::{Connection, RunQueryDsl};
use reqwest::{Method, RequestBuilder, Response, StatusCode};
use returns_api::app::AppState;
use returns_api::app::keys::Role;
use returns_api::config::Config;
use returns_api::db::Db;
use returns_api::startup::Application;
use serde_json::{Value, json};

/// Defines a test that runs once on SQLite and once on PostgreSQL:
/// `both!(async fn name(app) { ... })` creates `name::sqlite` and `name::postgres`.
#[macro_export]
macro_rules! both {
    ($(#[$meta:meta])* async fn $name:ident($app:ident) $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            $(#[$meta])*
            async fn run($app: $crate::helpers::TestApp) $body

            #[tokio::test]
            async fn sqlite() {
                run($crate::helpers::TestApp::spawn($crate::helpers::Backend::Sqlite).await).await
            }

            #[tokio::test]
            async fn postgres() {
                if let Some(app) = $crate::helpers::TestApp::spawn_postgres().await {
                    run(app).await
                }
            }
        }
    };
    (config = $tweak:expr, $(#[$meta:meta])* async fn $name:ident($app:ident) $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            $(#[$meta])*
            async fn run($app: $crate::helpers::TestApp) $body

            #[tokio::test]
            async fn sqlite() {
                run($crate::helpers::TestApp::spawn_with($crate::helpers::Backend::Sqlite, $tweak).await).await
            }

            #[tokio::test]
            async fn postgres() {
                if let Some(app) = $crate::helpers::TestApp::spawn_postgres_with($tweak).await {
                    run(app).await
                }
            }
        }
    };
}

/// Which database a test app uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// A SQLite file in a temporary directory.
    Sqlite,
    /// A fresh database on the `TEST_DATABASE_URL` server.
    Postgres,
}

fn init_logs() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        if std::env::var_os("TEST_LOG").is_some() {
            returns_api::telemetry::init(returns_api::telemetry::LogFormat::Text);
        }
    });
}

/// A PostgreSQL database created for one test and dropped afterwards.
pub struct PgDatabase {
    server_url: String,
    name: String,
}

impl PgDatabase {
    /// Creates a fresh database on the server named by `TEST_DATABASE_URL`;
    /// `None` without one, unless `REQUIRE_POSTGRES` is set (as `.ci/run`
    /// does): then a missing database fails the test instead of skipping it.
    pub fn create() -> Option<PgDatabase> {
        let Ok(server_url) = std::env::var("TEST_DATABASE_URL") else {
            let required =
                std::env::var("REQUIRE_POSTGRES").is_ok_and(|v| !v.is_empty() && v != "0");
            assert!(
                !required,
                "REQUIRE_POSTGRES is set but TEST_DATABASE_URL is not"
            );
            return None;
        };
        let name = format!("returns_test_{}", uuid::Uuid::new_v4().simple());
        // Before this process's first PostgreSQL connection: OpenSSL set up
        // without its exit handler, which would crash the test process on
        // exit if a pool were still opening a connection then.
        returns_api::db::init_tls();
        let mut conn = diesel::PgConnection::establish(&server_url)
            .unwrap_or_else(|e| panic!("TEST_DATABASE_URL is set but unreachable: {e}"));
        diesel::sql_query(format!("CREATE DATABASE \"{name}\""))
            .execute(&mut conn)
            .expect("create test database");
        Some(PgDatabase { server_url, name })
    }

    /// URL of this database.
    pub fn url(&self) -> String {
        let mut url = url::Url::parse(&self.server_url).expect("TEST_DATABASE_URL is a URL");
        url.set_path(&self.name);
        url.to_string()
    }
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        let server_url = self.server_url.clone();
        let name = self.name.clone();
        // A plain thread: this may run inside the test's async runtime.
        let dropped = std::thread::spawn(move || {
            let mut conn = diesel::PgConnection::establish(&server_url)?;
            diesel::sql_query(format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
                .execute(&mut conn)
                .map(|_| ())
                .map_err(|e| diesel::ConnectionError::BadConnection(e.to_string()))
        })
        .join();
        if !matches!(dropped, Ok(Ok(()))) {
            eprintln!("warning: could not drop test database {}", self.name);
        }
    }
}

/// A new secrets key (base64), one per test database.
pub fn new_secrets_key() -> String {
    returns_api::secrets::SecretsKey::generate().1
}

/// A running application and a client for it.
pub struct TestApp {
    /// `http://127.0.0.1:PORT`.
    pub address: String,
    /// The port.
    pub port: u16,
    /// HTTP client (no redirects followed, no proxy).
    pub client: reqwest::Client,
    /// Direct database access for assertions.
    pub db: Db,
    /// The node's shared state (services called directly by some tests).
    pub state: std::sync::Arc<AppState>,
    /// Database URL the app uses.
    pub database_url: String,
    /// An admin API key.
    pub admin_key: String,
    /// Backend in use.
    pub backend: Backend,
    /// Data directory (and SQLite file) of this app.
    pub dir: std::sync::Arc<tempfile::TempDir>,
    /// The secrets key (base64) of this app's database, given to every node
    /// on it (`SECRETS_KEY`), whatever its data directory.
    pub secrets_key: String,
    pg: Option<std::sync::Arc<PgDatabase>>,
}

impl TestApp {
    /// Starts an app on the given backend (panics when PostgreSQL is asked for
    /// but not configured; use [`TestApp::spawn_postgres`] to skip instead).
    pub async fn spawn(backend: Backend) -> TestApp {
        Self::spawn_with(backend, |_| {}).await
    }

    /// Starts an app with a modified configuration.
    pub async fn spawn_with(backend: Backend, tweak: impl FnOnce(&mut Config)) -> TestApp {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("temp dir");
                let url = format!("sqlite://{}", dir.path().join("test.db").display());
                let dir = std::sync::Arc::new(dir);
                Self::start(url, dir, None, new_secrets_key(), Backend::Sqlite, tweak).await
            }
            Backend::Postgres => Self::spawn_postgres_with(tweak)
                .await
                .expect("TEST_DATABASE_URL must be set for PostgreSQL tests"),
        }
    }

    /// Starts an app on a fresh PostgreSQL database, or returns `None` (and
    /// says so) when `TEST_DATABASE_URL` is not set.
    pub async fn spawn_postgres() -> Option<TestApp> {
        Self::spawn_postgres_with(|_| {}).await
    }

    /// [`TestApp::spawn_postgres`] with a modified configuration.
    pub async fn spawn_postgres_with(tweak: impl FnOnce(&mut Config)) -> Option<TestApp> {
        let Some(pg) = PgDatabase::create() else {
            eprintln!("skipped: TEST_DATABASE_URL is not set (PostgreSQL variant)");
            return None;
        };
        let dir = tempfile::tempdir().expect("temp dir");
        let url = pg.url();
        let pg = Some(std::sync::Arc::new(pg));
        let dir = std::sync::Arc::new(dir);
        Some(Self::start(url, dir, pg, new_secrets_key(), Backend::Postgres, tweak).await)
    }

    /// Starts a second node on the same database and data directory.
    pub async fn another_node(&self) -> TestApp {
        Self::start(
            self.database_url.clone(),
            self.dir.clone(),
            self.pg.clone(),
            self.secrets_key.clone(),
            self.backend,
            |_| {},
        )
        .await
    }

    /// Starts a node on this app's database with a modified configuration.
    pub async fn node_with(&self, tweak: impl FnOnce(&mut Config)) -> TestApp {
        Self::start(
            self.database_url.clone(),
            self.dir.clone(),
            self.pg.clone(),
            self.secrets_key.clone(),
            self.backend,
            tweak,
        )
        .await
    }

    async fn start(
        database_url: String,
        dir: std::sync::Arc<tempfile::TempDir>,
        pg: Option<std::sync::Arc<PgDatabase>>,
        secrets_key: String,
        backend: Backend,
        tweak: impl FnOnce(&mut Config),
    ) -> TestApp {
        init_logs();
        let mut config = Config::for_database(database_url.clone(), dir.path().join("data"));
        config.secrets.secrets_key = Some(returns_api::config::Secret(secrets_key.clone()));
        tweak(&mut config);
        let app = Application::build(config)
            .await
            .expect("application builds");
        let port = app.port();
        let state = app.shared();
        let db = state.db.clone();
        tokio::spawn(app.run_until_stopped());
        let admin_key = returns_api::app::keys::create(&db, "test-admin", Role::Admin, &[])
            .await
            .expect("admin key")
            .key;
        TestApp {
            address: format!("http://127.0.0.1:{port}"),
            port,
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .no_proxy()
                .timeout(std::time::Duration::from_secs(60))
                .build()
                .expect("client"),
            db,
            state,
            database_url,
            admin_key,
            backend,
            dir,
            secrets_key,
            pg,
        }
    }

    /// Runs the real binary against this app's database and data (with
    /// short leases and polls, and `env` on top) until it is killed.
    pub fn start_binary(&self, env: &[(&str, &str)]) -> std::process::Child {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_returns-api"));
        command
            .arg("serve")
            .env("DATABASE_URL", &self.database_url)
            .env("HOST", "127.0.0.1")
            .env("PORT", "0")
            .env("DATA_DIR", self.dir.path().join("data"))
            .env("SECRETS_KEY", &self.secrets_key)
            .env("JOB_LEASE_SECS", "2")
            .env("JOB_POLL_MS", "50")
            .env("JOB_RETRY_BASE_MS", "100")
            .env("HTTP_WORKERS", "1")
            .env("RUST_LOG", "warn")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        for (name, value) in env {
            command.env(name, value);
        }
        command.spawn().expect("binary starts")
    }

    /// Runs `sql` on this app's PostgreSQL server, over a connection to the
    /// server's own database, with `{db}` standing for the app's database
    /// (to terminate its sessions or switch it to read-only). Panics on SQLite.
    pub async fn on_pg_server(&self, sql: &str) {
        let pg = self.pg.as_ref().expect("a PostgreSQL app");
        let sql = sql.replace("{db}", &pg.name);
        let server_url = pg.server_url.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = diesel::PgConnection::establish(&server_url).expect("server");
            diesel::sql_query(&sql)
                .execute(&mut conn)
                .expect("server SQL");
        })
        .await
        .expect("server SQL task");
    }

    /// Absolute URL of `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    /// A request with an optional bearer credential.
    pub fn request(&self, method: Method, path: &str, bearer: Option<&str>) -> RequestBuilder {
        let mut req = self.client.request(method, self.url(path));
        if let Some(token) = bearer {
            req = req.bearer_auth(token);
        }
        req
    }

    /// GET with an optional bearer credential.
    pub async fn get(&self, path: &str, bearer: Option<&str>) -> Response {
        self.request(Method::GET, path, bearer)
            .send()
            .await
            .expect("request sent")
    }

    /// POST a JSON body with an optional bearer credential.
    pub async fn post(&self, path: &str, bearer: Option<&str>, body: &Value) -> Response {
        self.request(Method::POST, path, bearer)
            .json(body)
            .send()
            .await
            .expect("request sent")
    }

    /// Creates a brand (as admin) and a merchant key for it; returns the key.
    pub async fn brand_with_key(&self, slug: &str) -> String {
        let res = self
            .post(
                "/v1/brands",
                Some(&self.admin_key),
                &json!({ "slug": slug, "name": format!("Brand {slug}") }),
            )
            .await;
        assert_eq!(
            res.status(),
            StatusCode::CREATED,
            "{}",
            res.text().await.unwrap_or_default()
        );
        self.merchant_key(slug).await
    }

    /// A new merchant key for an existing brand.
    pub async fn merchant_key(&self, slug: &str) -> String {
        returns_api::app::keys::create(&self.db, "test", Role::Merchant, &[slug.to_string()])
            .await
            .expect("merchant key")
            .key
    }

    /// Replaces a brand's Returns Settings (If-Match `*`); panics unless 200.
    pub async fn put_settings(&self, slug: &str, key: &str, settings: &Value) {
        let res = self
            .request(
                Method::PUT,
                &format!("/v1/brands/{slug}/returns-settings"),
                Some(key),
            )
            .header("If-Match", "*")
            .json(settings)
            .send()
            .await
            .expect("request sent");
        assert_eq!(
            res.status(),
            StatusCode::OK,
            "{}",
            res.text().await.unwrap_or_default()
        );
    }

    /// A brand's Returns Settings as JSON.
    pub async fn settings(&self, slug: &str, key: &str) -> Value {
        let res = self
            .get(&format!("/v1/brands/{slug}/returns-settings"), Some(key))
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        res.json().await.expect("json")
    }
}

/// Reads a problem+json response, checking status, media type and code.
pub async fn assert_problem(res: Response, status: StatusCode, code: &str) -> Value {
    assert_eq!(res.status(), status, "unexpected status");
    let content_type = res
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let body: Value = res.json().await.expect("problem body is JSON");
    assert_eq!(content_type, "application/problem+json", "{body}");
    assert_eq!(body["code"], code, "{body}");
    assert_eq!(body["status"], status.as_u16(), "{body}");
    body
}

/// The `field` of every entry of a problem's `errors`.
pub fn error_fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|e| e["field"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Starts an HTTP server on a free port of 127.0.0.1 with the routes
/// `configure` adds (a receiver or carrier a test talks to); returns its port.
pub fn serve_on_loopback<F>(configure: F) -> u16
where
    F: Fn(&mut actix_web::web::ServiceConfig) + Clone + Send + 'static,
{
    let server =
        actix_web::HttpServer::new(move || actix_web::App::new().configure(configure.clone()))
            .workers(2)
            .disable_signals()
            .bind(("127.0.0.1", 0))
            .expect("bind a loopback port");
    let port = server.addrs()[0].port();
    tokio::spawn(server.run());
    port
}
