//! Secrets at rest: a dump of the database holds no webhook secret and no
//! token signing key in clear; a rotation of the secrets key keeps every
//! webhook verifiable and every live token valid; secrets written in clear
//! by an earlier version are sealed at start; a node without the key
//! refuses to start and says which setting it lacks.

use std::time::Duration;

use base64::Engine;
use reqwest::{Method, StatusCode};
use returns_api::config::{Config, Secret};
use returns_api::db::secrets::StoredSecret;
use serde_json::{Value, json};

use crate::both;
use crate::helpers::{Backend, PgDatabase, TestApp, new_secrets_key};
use crate::returns_fixtures::{created, request, shop};
use crate::webhook_receiver::Receiver;

/// The key the rotation test moves to (known to the first node as an
/// old key before the rotation, as the README's procedure has it).
const NEXT_KEY: &str = "cm90YXRpb24gdGVzdHMgb25seTogbmV4dCBrZXkhISE=";

fn dev(c: &mut Config) {
    c.webhooks.webhook_allow_private = true;
    c.webhooks.webhook_retry_schedule =
        returns_api::config::parse_durations("100ms,200ms").unwrap();
    c.webhooks.webhook_timeout_ms = 1000;
}

fn dev_accepting_the_next_key(c: &mut Config) {
    dev(c);
    c.secrets.secrets_key_old = vec![Secret(NEXT_KEY.into())];
}

fn key_id(base64_key: &str) -> String {
    returns_api::secrets::SecretsKey::from_base64(base64_key)
        .unwrap()
        .id()
        .to_string()
}

/// Registers an endpoint at `url`; its id and the secret (shown this once).
async fn register(app: &TestApp, key: &str, url: &str) -> (String, String) {
    let res = app
        .post(
            "/v1/brands/acme/webhook-endpoints",
            Some(key),
            &json!({ "url": url, "event_types": [] }),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let body: Value = res.json().await.unwrap();
    let secret = body["secret"].as_str().unwrap().to_string();
    (body["id"].as_str().unwrap().to_string(), secret)
}

async fn ping(app: &TestApp, key: &str, endpoint: &str) {
    let res = app
        .request(
            Method::POST,
            &format!("/v1/brands/acme/webhook-endpoints/{endpoint}/test"),
            Some(key),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        StatusCode::ACCEPTED,
        "{}",
        res.text().await.unwrap()
    );
}

/// Every secret column as stored.
async fn stored(app: &TestApp) -> Vec<StoredSecret> {
    app.db
        .read(|conn| Ok(returns_api::db::secrets::all(conn)?))
        .await
        .unwrap()
}

/// The token signing keys in clear (base64), opened with the node's key.
async fn signing_keys(app: &TestApp) -> Vec<String> {
    stored(app)
        .await
        .iter()
        .filter(|s| s.column == returns_api::db::secrets::SecretColumn::SigningKey)
        .map(|s| app.state.secrets.open(&s.context(), &s.value).unwrap())
        .collect()
}

#[derive(diesel::QueryableByName)]
struct Line {
    #[diesel(sql_type = diesel::sql_types::Text)]
    v: String,
}

/// Everything the database holds: the SQLite files byte for byte (free
/// pages and the write-ahead log included), or every row of every
/// PostgreSQL table as JSON.
async fn dump(app: &TestApp) -> Vec<u8> {
    match app.backend {
        Backend::Sqlite => {
            let mut bytes = Vec::new();
            for file in ["test.db", "test.db-wal"] {
                if let Ok(content) = std::fs::read(app.dir.path().join(file)) {
                    bytes.extend(content);
                }
            }
            bytes
        }
        Backend::Postgres => app
            .db
            .read(|conn| {
                use diesel::RunQueryDsl;
                let tables: Vec<Line> = diesel::sql_query(
                    "SELECT table_name::text AS v FROM information_schema.tables \
                     WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
                )
                .load(conn)?;
                let mut out = String::new();
                for table in tables {
                    let rows: Vec<Line> = diesel::sql_query(format!(
                        "SELECT row_to_json(t)::text AS v FROM \"{}\" t",
                        table.v
                    ))
                    .load(conn)?;
                    for row in rows {
                        out.push_str(&row.v);
                        out.push('\n');
                    }
                }
                Ok(out.into_bytes())
            })
            .await
            .unwrap(),
    }
}

fn holds(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// The forms a secret could take in a dump: as written, its decoded bytes
/// and their hex.
fn forms(secret: &str) -> Vec<Vec<u8>> {
    let encoded = secret.strip_prefix("whsec_").unwrap_or(secret);
    let raw = base64::engine::general_purpose::STANDARD
        .decode(encoded)
        .unwrap();
    assert_eq!(raw.len(), 32, "a secret is 32 bytes");
    vec![
        secret.as_bytes().to_vec(),
        encoded.as_bytes().to_vec(),
        hex::encode(&raw).into_bytes(),
        raw,
    ]
}

both!(
    config = dev,
    async fn a_dump_of_the_database_holds_no_webhook_secret_and_no_signing_key_in_clear(app) {
        let s = shop(&app, 1).await;
        let receiver = Receiver::start(vec![]).await;
        let (endpoint, first) = register(&app, &s.key, &receiver.url).await;
        // A rotation keeps the first secret as the previous one.
        let res = app
            .request(Method::POST, &format!("/v1/brands/acme/webhook-endpoints/{endpoint}/rotate-secret"), Some(&s.key))
            .send()
            .await
            .unwrap();
        let second = res.json::<Value>().await.unwrap()["secret"].as_str().unwrap().to_string();
        // A retired signing key stays stored too.
        returns_api::app::maintenance::rotate_signing_key(&app.db, app.state.secrets.clone())
            .await
            .unwrap();
        let keys = signing_keys(&app).await;
        assert_eq!(keys.len(), 2);
        // The secrets work: a delivery verifies with both, the token with the key.
        ping(&app, &s.key, &endpoint).await;
        let got = receiver.wait_count(1, Duration::from_secs(10)).await;
        assert!(got[0].verifies_with(&first) && got[0].verifies_with(&second));
        let (kid, raw) = crate::forge::signing_key(&app).await;
        assert!(keys.contains(&base64::engine::general_purpose::STANDARD.encode(&raw)), "{kid}");

        let dump = dump(&app).await;
        // The dump is real: it holds the rows.
        assert!(holds(&dump, endpoint.as_bytes()) && holds(&dump, kid.as_bytes()));
        for (what, secret) in [("first webhook secret", &first), ("second webhook secret", &second)]
            .into_iter()
            .chain(keys.iter().map(|k| ("signing key", k)))
        {
            for form in forms(secret) {
                assert!(!holds(&dump, &form), "the dump holds a {what} in clear");
            }
        }
        // What it holds instead: values sealed under the node's key.
        let sealed = format!("v1:{}:", key_id(&app.secrets_key));
        assert!(holds(&dump, sealed.as_bytes()), "no sealed value in the dump");
    }
);

both!(
    config = dev_accepting_the_next_key,
    async fn rotating_the_secrets_key_keeps_every_webhook_verifiable_and_every_live_token_valid(app) {
        let s = shop(&app, 3).await;
        let receiver = Receiver::start(vec![]).await;
        let (endpoint, secret) = register(&app, &s.key, &receiver.url).await;
        let (old, next) = (key_id(&app.secrets_key), key_id(NEXT_KEY));
        assert!(stored(&app).await.iter().all(|v| v.value.starts_with(&format!("v1:{old}:"))));

        let (url, dir, current) = (
            app.database_url.clone(),
            app.dir.path().join("data"),
            app.secrets_key.clone(),
        );
        let out = tokio::task::spawn_blocking(move || {
            std::process::Command::new(env!("CARGO_BIN_EXE_returns-api"))
                .args(["secrets", "rotate-key"])
                .env("DATABASE_URL", url)
                .env("DATA_DIR", dir)
                .env("SECRETS_KEY", current)
                .env("NEW_SECRETS_KEY", NEXT_KEY)
                .env("RUST_LOG", "warn")
                .output()
                .unwrap()
        })
        .await
        .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        // The signing key and the endpoint's secret.
        assert!(stdout.contains(&format!("re-encrypted 2 secret(s) from key {old} to key {next}")), "{stdout}");
        assert!(!stdout.contains(NEXT_KEY) && !stdout.contains(&app.secrets_key), "{stdout}");
        assert!(stored(&app).await.iter().all(|v| v.value.starts_with(&format!("v1:{next}:"))));

        // A node with the new key only: the token from before still works…
        let node = app
            .node_with(|c| {
                dev(c);
                c.secrets.secrets_key = Some(Secret(NEXT_KEY.into()));
            })
            .await;
        let res = node.get("/v1/portal/acme/returns", Some(&s.access)).await;
        assert_eq!(res.status(), StatusCode::OK);
        // …and so does the first node, which knew the new key for reading.
        assert_eq!(app.get("/v1/portal/acme/returns", Some(&s.access)).await.status(), StatusCode::OK);
        // Events after the rotation verify with the secret from before it.
        created(&node, &s.access, &request(1, "not_as_described")).await;
        ping(&app, &s.key, &endpoint).await;
        let got = receiver
            .wait_for(Duration::from_secs(20), |got| {
                got.iter().any(|r| r.event_type() == "return.requested")
                    && got.iter().any(|r| r.event_type() == "ping")
            })
            .await;
        for r in &got {
            assert!(r.verifies_with(&secret), "{} does not verify", r.event_type());
        }

        // A node with only the former key now refuses to start.
        let mut config = Config::for_database(app.database_url.clone(), app.dir.path().join("data"));
        config.secrets.secrets_key = Some(Secret(app.secrets_key.clone()));
        let error = refusal(config).await;
        assert!(error.contains(&next) && error.contains("SECRETS_KEY"), "{error}");
    }
);

/// The error a node fails to start with.
async fn refusal(config: Config) -> String {
    match returns_api::startup::Application::build(config).await {
        Ok(_) => panic!("the node started"),
        Err(e) => format!("{e:#}"),
    }
}

both!(
    config = dev,
    async fn a_node_without_the_secrets_key_or_with_another_refuses_to_start_naming_secrets_key(app) {
        let s = shop(&app, 1).await;
        register(&app, &s.key, "http://127.0.0.1:9/hook").await;
        let id = key_id(&app.secrets_key);
        // A data directory of its own: no key file to fall back on.
        let elsewhere = tempfile::tempdir().unwrap();
        let config = Config::for_database(app.database_url.clone(), elsewhere.path().join("data"));
        let error = refusal(config.clone()).await;
        assert!(
            error.contains(&format!("encrypted with key {id}, but this node has no secrets key: set SECRETS_KEY")),
            "{error}"
        );
        let mut wrong = config;
        let other = new_secrets_key();
        wrong.secrets.secrets_key = Some(Secret(other.clone()));
        let error = refusal(wrong).await;
        assert!(
            error.contains(&format!("encrypted with key {id}, which this node does not have"))
                && error.contains("set SECRETS_KEY"),
            "{error}"
        );
        assert!(!error.contains(&other) && !error.contains(&app.secrets_key), "{error}");
        // Nothing was written by the refused nodes: the first still works.
        assert!(!elsewhere.path().join("data/secrets.key").exists());
        assert_eq!(
            app.get("/v1/portal/acme/returns", Some(&s.access)).await.status(),
            StatusCode::OK
        );
    }
);

#[tokio::test]
async fn a_node_on_postgresql_without_a_key_refuses_to_start() {
    let Some(pg) = PgDatabase::create() else {
        eprintln!("skipped: TEST_DATABASE_URL is not set");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut config = Config::for_database(pg.url(), dir.path().join("data"));
    // As `serve` without `--demo` reads it.
    config.secrets.generate_anywhere = false;
    let error = refusal(config).await;
    assert!(
        error.contains("PostgreSQL") && error.contains("set SECRETS_KEY"),
        "{error}"
    );
    assert!(!dir.path().join("data/secrets.key").exists());
}

#[tokio::test]
async fn a_node_on_sqlite_without_a_key_keeps_one_in_its_data_directory() {
    let app = TestApp::spawn_with(Backend::Sqlite, |c| c.secrets.secrets_key = None).await;
    let file = app.dir.path().join("data/secrets.key");
    let text = std::fs::read_to_string(&file).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let id = key_id(&text);
    let values = stored(&app).await;
    assert!(!values.is_empty());
    assert!(
        values
            .iter()
            .all(|v| v.value.starts_with(&format!("v1:{id}:")))
    );
    // Another node on the same data directory reads the same file.
    let shop = shop(&app, 1).await;
    let other = app.node_with(|c| c.secrets.secrets_key = None).await;
    assert_eq!(
        other
            .get("/v1/portal/acme/returns", Some(&shop.access))
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
}

both!(
    config = dev,
    async fn secrets_an_earlier_version_stored_in_clear_are_sealed_when_a_node_starts(app) {
        let s = shop(&app, 1).await;
        let receiver = Receiver::start(vec![]).await;
        let (endpoint, secret) = register(&app, &s.key, &receiver.url).await;
        let keys = signing_keys(&app).await;
        // What a version before encryption stored.
        let (e, k) = (endpoint.clone(), keys[0].clone());
        let plain = secret.clone();
        app.db
            .write(move |conn| {
                use diesel::prelude::*;
                use returns_api::db::schema::{signing_keys, webhook_endpoints};
                diesel::update(webhook_endpoints::table.find(&e))
                    .set(webhook_endpoints::secret.eq(&plain))
                    .execute(conn)?;
                diesel::update(signing_keys::table)
                    .set(signing_keys::secret.eq(&k))
                    .execute(conn)?;
                Ok(())
            })
            .await
            .unwrap();
        assert!(stored(&app).await.iter().all(|v| !returns_api::secrets::is_sealed(&v.value)));

        let node = app.node_with(dev).await;
        let id = key_id(&app.secrets_key);
        assert!(stored(&app).await.iter().all(|v| v.value.starts_with(&format!("v1:{id}:"))));
        assert_eq!(signing_keys(&app).await, keys);
        // The token issued before still works, deliveries verify as before.
        let res = node.get("/v1/portal/acme/returns", Some(&s.access)).await;
        assert_eq!(res.status(), StatusCode::OK);
        ping(&node, &s.key, &endpoint).await;
        let got = receiver.wait_count(1, Duration::from_secs(10)).await;
        assert!(got[0].verifies_with(&secret));
    }
);
