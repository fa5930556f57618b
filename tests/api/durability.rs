//! Durability: a return answered 201 is kept, with its events, its label
//! job and its idempotency key, when the server process is killed (SIGKILL)
//! in the middle of a creation load and started again on the same database;
//! and a node on SQLite syncs every commit to disk unless told otherwise.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use diesel::RunQueryDsl;
use futures_util::StreamExt;
use reqwest::StatusCode;
use returns_api::config::SqliteSynchronous;
use returns_api::db::DbConn;
use returns_api::error::ApiError;
use serde_json::{Value, json};

use crate::helpers::{Backend, PgDatabase, TestApp};
use crate::returns_fixtures::{order, request};

#[derive(diesel::QueryableByName)]
struct Synchronous {
    #[diesel(sql_type = diesel::sql_types::Integer)]
    synchronous: i32,
}

/// `PRAGMA synchronous` of the connection: 0 OFF, 1 NORMAL, 2 FULL.
fn synchronous(conn: &mut DbConn) -> Result<i32, ApiError> {
    let rows: Vec<Synchronous> = diesel::sql_query("PRAGMA synchronous").load(conn)?;
    Ok(rows.first().map_or(-1, |row| row.synchronous))
}

#[tokio::test]
async fn a_node_on_sqlite_syncs_every_commit_to_disk_unless_configured_otherwise() {
    for (setting, expected) in [(None, 2), (Some(SqliteSynchronous::Normal), 1)] {
        let app = TestApp::spawn_with(Backend::Sqlite, |c| {
            if let Some(setting) = setting {
                c.sqlite_synchronous = setting;
            }
        })
        .await;
        // Reads run on pooled connections, writes on the group-commit writer's.
        let pooled = app.db.read(synchronous).await.expect("pooled connection");
        let writer = app.db.write(synchronous).await.expect("writer connection");
        assert_eq!((pooled, writer), (expected, expected), "{setting:?}");
    }
}

/// Clients creating returns at once, each on an order of its own.
const CLIENTS: usize = 16;
/// T-shirts on each client's order: more than a client creates in the load.
const UNITS: u32 = 5_000;
/// Acknowledged creations after which the server is killed…
const KILL_AFTER_ACKS: usize = 200;
/// …or this long into the load, whichever comes first.
const KILL_AFTER: Duration = Duration::from_secs(4);

/// The real server binary serving `database_url`; killed when dropped.
struct Server {
    child: Child,
    address: String,
}

impl Server {
    /// Starts `returns-api serve` on a free port and waits until it listens.
    fn start(database_url: &str, dir: &Path, run: usize) -> Server {
        let log = dir.join(format!("server-{run}.log"));
        let mut child = Command::new(env!("CARGO_BIN_EXE_returns-api"))
            .arg("serve")
            .env("DATABASE_URL", database_url)
            .env("HOST", "127.0.0.1")
            .env("PORT", "0")
            .env("DATA_DIR", dir.join("data"))
            // The same key on every run: the restarted node reads the secrets.
            .env(
                "SECRETS_KEY",
                "ZHVyYWJpbGl0eSB0ZXN0cyBvbmx5OiBub3QgYSBrZXk=",
            )
            // A killed node's claimed jobs are free again after the lease.
            .env("JOB_LEASE_SECS", "2")
            .env("JOB_POLL_MS", "50")
            .env("JOB_RETRY_BASE_MS", "100")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&log).expect("server log"))
            .spawn()
            .expect("binary starts");
        // `serve` prints the address it bound; the rest of its output is
        // drained so that the server never blocks on a full pipe.
        let stdout = child.stdout.take().expect("stdout piped");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(rest) = line.strip_prefix("Listening on ") {
                    let address = rest.split_whitespace().next().unwrap_or_default();
                    let _ = tx.send(address.to_string());
                }
            }
        });
        match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(address) => Server {
                child,
                address: format!("http://{address}"),
            },
            Err(_) => {
                let _ = child.kill();
                let status = child.wait();
                panic!(
                    "the server did not start ({status:?}): {}",
                    std::fs::read_to_string(&log).unwrap_or_default()
                );
            }
        }
    }

    /// SIGKILL: no shutdown, no flush, nothing the process does on its way out.
    fn kill(mut self) {
        self.child.kill().expect("SIGKILL");
        self.child.wait().expect("killed server reaped");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs the binary's command line against `database_url`; its stdout.
fn cli(database_url: &str, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_returns-api"))
        .args(args)
        .env("DATABASE_URL", database_url)
        .env("RUST_LOG", "warn")
        .output()
        .expect("binary runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(30))
        .build()
        .expect("client")
}

/// A creation the server answered 201, as the client received it.
struct Acknowledged {
    key: String,
    access: String,
    body: String,
}

/// What the creation load saw.
#[derive(Default)]
struct Load {
    acknowledged: Vec<Acknowledged>,
    /// Creations sent and not yet answered when the server was killed.
    in_flight_at_kill: usize,
    /// Creations that got no answer (the server was gone).
    interrupted: usize,
    /// Answers other than 201 (at most 503s under load).
    other: Vec<(StatusCode, String)>,
}

/// Brand `acme` with the demo Returns Settings and one order per client;
/// the merchant key and each order's access token.
async fn seed(database_url: &str, server: &Server) -> (String, Vec<String>) {
    cli(
        database_url,
        &["brands", "create", "--slug", "acme", "--name", "ACME"],
    );
    let key = cli(database_url, &["keys", "create", "--brand", "acme"]);
    let http = client();
    let settings = serde_json::to_value(returns_api::demo::demo_settings()).expect("settings");
    let res = http
        .put(format!(
            "{}/v1/brands/acme/returns-settings",
            server.address
        ))
        .bearer_auth(&key)
        .header("If-Match", "*")
        .json(&settings)
        .send()
        .await
        .expect("settings sent");
    assert_eq!(res.status(), StatusCode::OK);
    let orders: Vec<Value> = (0..CLIENTS)
        .map(|i| order(&format!("C{i}"), UNITS))
        .collect();
    let res = http
        .post(format!("{}/v1/brands/acme/orders/bulk", server.address))
        .bearer_auth(&key)
        .json(&json!({ "orders": orders }))
        .send()
        .await
        .expect("orders sent");
    assert_eq!(res.status(), StatusCode::OK);
    let mut tokens = Vec::new();
    for i in 0..CLIENTS {
        let res = http
            .post(format!("{}/v1/portal/acme/lookup", server.address))
            .json(&json!({ "identifier": format!("C{i}"), "postal_code": "1012AB" }))
            .send()
            .await
            .expect("lookup sent");
        assert_eq!(res.status(), StatusCode::OK);
        let body: Value = res.json().await.expect("lookup body");
        tokens.push(body["access_token"].as_str().expect("token").to_string());
    }
    (key, tokens)
}

/// Creates returns from [`CLIENTS`] clients at once, each with its own
/// `Idempotency-Key`, and SIGKILLs the server once enough were answered.
async fn load_then_kill(server: Server, tokens: &[String], body: &str) -> Load {
    let load = Arc::new(Mutex::new(Load::default()));
    let killed = Arc::new(AtomicBool::new(false));
    let in_flight = Arc::new(AtomicUsize::new(0));
    let http = client();
    let url = format!("{}/v1/portal/acme/returns", server.address);
    let clients: Vec<_> = tokens
        .iter()
        .enumerate()
        .map(|(client, access)| {
            let (load, killed, in_flight) = (load.clone(), killed.clone(), in_flight.clone());
            let (http, url) = (http.clone(), url.clone());
            let (access, body) = (access.clone(), body.to_string());
            tokio::spawn(async move {
                for n in 0.. {
                    if killed.load(Ordering::SeqCst) {
                        return;
                    }
                    let key = format!("crash-{client}-{n}");
                    in_flight.fetch_add(1, Ordering::SeqCst);
                    let sent = http
                        .post(&url)
                        .bearer_auth(&access)
                        .header("content-type", "application/json")
                        .header("Idempotency-Key", &key)
                        .body(body.clone())
                        .send()
                        .await;
                    let answer = match sent {
                        Ok(res) => {
                            let status = res.status();
                            res.text().await.map(|text| (status, text))
                        }
                        Err(e) => Err(e),
                    };
                    in_flight.fetch_sub(1, Ordering::SeqCst);
                    let mut load = load.lock().expect("load");
                    match answer {
                        Ok((StatusCode::CREATED, body)) => load.acknowledged.push(Acknowledged {
                            key,
                            access: access.clone(),
                            body,
                        }),
                        Ok((status, body)) => load.other.push((status, body)),
                        // The server is gone: this one may or may not have
                        // been written, and nobody was told it was.
                        Err(_) => {
                            load.interrupted += 1;
                            return;
                        }
                    }
                }
            })
        })
        .collect();
    let started = Instant::now();
    while load.lock().expect("load").acknowledged.len() < KILL_AFTER_ACKS
        && started.elapsed() < KILL_AFTER
    {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let in_flight_at_kill = in_flight.load(Ordering::SeqCst);
    server.kill();
    killed.store(true, Ordering::SeqCst);
    for client in clients {
        client.await.expect("client task");
    }
    let mut load = std::mem::take(&mut *load.lock().expect("load"));
    load.in_flight_at_kill = in_flight_at_kill;
    eprintln!(
        "killed {:?} into the load with {} creations in flight: {} acknowledged, {} unanswered, {} other answers",
        started.elapsed(),
        load.in_flight_at_kill,
        load.acknowledged.len(),
        load.interrupted,
        load.other.len()
    );
    load
}

/// The path and query of an absolute URL the killed server handed out.
fn path_of(url: &str) -> String {
    let url = url::Url::parse(url).expect("absolute URL");
    match url.query() {
        Some(query) => format!("{}?{query}", url.path()),
        None => url.path().to_string(),
    }
}

/// Checks one creation answered before the kill against the restarted
/// server: the return is there as answered, with its events, and its key
/// replays the original response. Returns the path of its label's poll URL.
async fn check(
    http: &reqwest::Client,
    base: &str,
    key: &str,
    body: &str,
    ack: &Acknowledged,
) -> String {
    let created: Value = serde_json::from_str(&ack.body).expect("201 body is JSON");
    let id = created["id"].as_str().expect("return id");
    let res = http
        .get(format!("{base}/v1/brands/acme/returns/{id}"))
        .bearer_auth(key)
        .send()
        .await
        .expect("request sent");
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "return {id} (key {}) was answered 201 before the kill and is gone after it",
        ack.key
    );
    let stored: Value = res.json().await.expect("return body");
    assert_eq!(
        (&stored["rma"], &stored["status"]),
        (&created["rma"], &created["status"]),
        "{id}"
    );

    let events: Value = http
        .get(format!("{base}/v1/brands/acme/returns/{id}/events"))
        .bearer_auth(key)
        .send()
        .await
        .expect("request sent")
        .json()
        .await
        .expect("events body");
    let types: Vec<&str> = events["data"]
        .as_array()
        .map(|events| events.iter().filter_map(|e| e["type"].as_str()).collect())
        .unwrap_or_default();
    assert!(
        types.contains(&"return.approved"),
        "events of {id}: {types:?}"
    );

    let replay = http
        .post(format!("{base}/v1/portal/acme/returns"))
        .bearer_auth(&ack.access)
        .header("content-type", "application/json")
        .header("Idempotency-Key", &ack.key)
        .body(body.to_string())
        .send()
        .await
        .expect("replay sent");
    assert_eq!(
        replay.status(),
        StatusCode::CREATED,
        "replay of {}",
        ack.key
    );
    assert_eq!(
        replay
            .headers()
            .get("idempotent-replayed")
            .map(|v| v.as_bytes()),
        Some(&b"true"[..]),
        "key {} created a second return instead of replaying the first",
        ack.key
    );
    assert_eq!(
        replay.text().await.expect("replay body"),
        ack.body,
        "replay of {}",
        ack.key
    );

    let poll = created["shipments"][0]["label"]["poll_url"]
        .as_str()
        .expect("an auto-approved return has a label");
    path_of(poll)
}

/// Polls each label until it is made; its job was written with its return,
/// so the restarted worker makes what the killed one had not.
async fn labels_are_made(http: &reqwest::Client, base: &str, polls: Vec<String>) {
    let deadline = Instant::now() + Duration::from_secs(30);
    for poll in polls {
        loop {
            let res = http
                .get(format!("{base}{poll}"))
                .send()
                .await
                .expect("request sent");
            if res.status() == StatusCode::OK {
                break;
            }
            assert_eq!(res.status(), StatusCode::ACCEPTED, "label {poll}");
            assert!(
                Instant::now() < deadline,
                "the label {poll} is still not made: its job was lost"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

/// Kills a server mid-load, restarts it on the same database and checks
/// every acknowledged creation.
async fn every_acknowledged_return_survives(database_url: String, dir: &Path) {
    let server = Server::start(&database_url, dir, 1);
    let (key, tokens) = seed(&database_url, &server).await;
    let body = request(1, "too_small").to_string();
    let load = load_then_kill(server, &tokens, &body).await;
    assert!(
        load.acknowledged.len() >= 20,
        "too few creations answered before the kill to tell anything: {}",
        load.acknowledged.len()
    );
    assert!(
        load.in_flight_at_kill > 0,
        "no creation was in flight at the kill: it did not happen mid-load"
    );
    assert!(
        load.other
            .iter()
            .all(|(status, _)| *status == StatusCode::SERVICE_UNAVAILABLE),
        "answers other than 201 and 503: {:?}",
        load.other
    );

    let server = Server::start(&database_url, dir, 2);
    let http = client();
    let polls: Vec<String> = futures_util::stream::iter(&load.acknowledged)
        .map(|ack| check(&http, &server.address, &key, &body, ack))
        .buffer_unordered(8)
        .collect()
        .await;
    labels_are_made(&http, &server.address, polls).await;
}

mod every_return_answered_201_survives_a_server_killed_mid_load {
    use super::*;

    #[tokio::test]
    async fn sqlite() {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}", dir.path().join("crash.db").display());
        every_acknowledged_return_survives(url, dir.path()).await;
    }

    #[tokio::test]
    async fn postgres() {
        // Fails instead of skipping when REQUIRE_POSTGRES is set.
        let Some(pg) = PgDatabase::create() else {
            eprintln!("skipped: TEST_DATABASE_URL is not set (PostgreSQL variant)");
            return;
        };
        let dir = tempfile::tempdir().expect("temp dir");
        every_acknowledged_return_survives(pg.url(), dir.path()).await;
    }
}
