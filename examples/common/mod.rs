//! Shared by the benchmarks: start the real server binary, generate load
//! over many keep-alive connections, and report throughput and latency.
#![allow(dead_code)]

pub mod shop;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use bytes::Bytes;
use diesel::{Connection, RunQueryDsl};
use http_body_util::{BodyExt, Full};
use hyper::Request;
use hyper::header::{AUTHORIZATION, CONTENT_TYPE, HOST, HeaderValue};
use hyper_util::rt::TokioIo;

/// A running `returns-api serve` child process.
pub struct Server {
    /// The process.
    pub child: Child,
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    /// The port.
    pub port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Path of the release binary next to this example (`cargo build --release` builds it).
pub fn binary() -> PathBuf {
    let exe = std::env::current_exe().expect("current exe");
    let dir = exe.parent().and_then(Path::parent).expect("target dir");
    let bin = dir.join("returns-api");
    if !bin.exists() {
        eprintln!(
            "{} is missing: run `cargo build --release` first",
            bin.display()
        );
        std::process::exit(2);
    }
    bin
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

/// The secrets key of the servers the examples start (base64 of 32 bytes;
/// `env` may override it). Not a key to use anywhere else.
pub const EXAMPLE_SECRETS_KEY: &str = "ZXhhbXBsZXMgb25seTogbm90IGEgc2VjcmV0IGtleSE=";

/// Starts the server on `database_url` and waits until `/healthz` answers.
pub fn start_server(database_url: &str, data_dir: &Path, env: &[(&str, &str)]) -> Server {
    let port = free_port();
    let mut cmd = Command::new(binary());
    cmd.arg("serve")
        .env("DATABASE_URL", database_url)
        .env("DATA_DIR", data_dir)
        // A fixed key, so PostgreSQL runs start too (examples only).
        .env("SECRETS_KEY", EXAMPLE_SECRETS_KEY)
        .env("HOST", "127.0.0.1")
        .env("PORT", port.to_string())
        .env("RUST_LOG", "error")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let child = cmd.spawn().expect("server starts");
    let server = Server {
        child,
        url: format!("http://127.0.0.1:{port}"),
        port,
    };
    let started = Instant::now();
    loop {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(600),
            "server did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    server
}

/// Resident memory of a process in kB (Linux).
pub fn rss_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
}

/// One request of a load test. Its parts are shared buffers, so a load
/// generator that prepares its requests up front sends each with no
/// allocation or formatting of its own (the client shares the cores with
/// the server it measures).
#[derive(Clone)]
pub struct Req {
    /// Method.
    pub method: hyper::Method,
    /// Path and query.
    pub uri: hyper::Uri,
    /// `Authorization` header value.
    pub authorization: Option<HeaderValue>,
    /// JSON body.
    pub body: Option<Bytes>,
    /// `Idempotency-Key` header.
    pub idempotency_key: Option<HeaderValue>,
}

impl Req {
    /// A GET.
    pub fn get(path: &str) -> Req {
        Req {
            method: hyper::Method::GET,
            uri: path.parse().expect("request path"),
            authorization: None,
            body: None,
            idempotency_key: None,
        }
    }

    /// A POST of JSON.
    pub fn post(path: &str, body: &serde_json::Value) -> Req {
        Req {
            method: hyper::Method::POST,
            body: Some(Bytes::from(body.to_string())),
            ..Req::get(path)
        }
    }

    /// With a bearer token.
    pub fn bearer(mut self, token: &str) -> Req {
        self.authorization =
            Some(HeaderValue::from_str(&format!("Bearer {token}")).expect("token"));
        self
    }
}

/// Results of a load test.
#[derive(Debug, Clone)]
pub struct Stats {
    /// Successful (2xx) responses.
    pub ok: u64,
    /// Other responses and errors.
    pub errors: u64,
    /// Measured seconds.
    pub seconds: f64,
    /// Latencies of successful requests (microseconds), sorted.
    pub latencies: Vec<u32>,
}

impl Stats {
    /// Successful requests per second.
    pub fn rps(&self) -> f64 {
        self.ok as f64 / self.seconds
    }

    /// Latency percentile in milliseconds.
    pub fn pct_ms(&self, p: f64) -> f64 {
        if self.latencies.is_empty() {
            return f64::NAN;
        }
        let i = ((self.latencies.len() - 1) as f64 * p).round() as usize;
        self.latencies[i] as f64 / 1000.0
    }

    /// One summary line.
    pub fn line(&self, name: &str) -> String {
        format!(
            "{name:<28} {:>9.0} req/s   p50 {:>6.2} ms   p99 {:>6.2} ms   ({} ok, {} errors in {:.1} s)",
            self.rps(),
            self.pct_ms(0.50),
            self.pct_ms(0.99),
            self.ok,
            self.errors,
            self.seconds
        )
    }
}

/// Runs `connections` keep-alive HTTP/1.1 connections, each sending requests
/// made by `make(connection, n)` back to back, for `warmup` then `measure`.
pub fn load<F>(port: u16, connections: usize, warmup: Duration, measure: Duration, make: F) -> Stats
where
    F: Fn(usize, u64) -> Req + Send + Sync + 'static,
{
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("client runtime");
    runtime.block_on(async move {
        let make = Arc::new(make);
        let recording = Arc::new(AtomicBool::new(false));
        let stop = Arc::new(AtomicBool::new(false));
        let errors = Arc::new(AtomicU64::new(0));
        let mut tasks = Vec::new();
        for c in 0..connections {
            let (make, recording, stop, errors) = (
                make.clone(),
                recording.clone(),
                stop.clone(),
                errors.clone(),
            );
            tasks.push(tokio::spawn(async move {
                let mut latencies = Vec::new();
                let mut n = 0u64;
                'connect: while !stop.load(Ordering::Relaxed) {
                    let Ok(stream) = tokio::net::TcpStream::connect(("127.0.0.1", port)).await
                    else {
                        errors.fetch_add(1, Ordering::Relaxed);
                        tokio::time::sleep(Duration::from_millis(10)).await;
                        continue;
                    };
                    let _ = stream.set_nodelay(true);
                    let Ok((mut sender, conn)) =
                        hyper::client::conn::http1::handshake(TokioIo::new(stream)).await
                    else {
                        errors.fetch_add(1, Ordering::Relaxed);
                        continue;
                    };
                    tokio::spawn(conn);
                    while !stop.load(Ordering::Relaxed) {
                        let r = make(c, n);
                        n += 1;
                        let mut builder = Request::builder()
                            .method(r.method)
                            .uri(r.uri)
                            .header(HOST, HeaderValue::from_static("127.0.0.1"));
                        if let Some(v) = r.authorization {
                            builder = builder.header(AUTHORIZATION, v);
                        }
                        if r.body.is_some() {
                            builder = builder
                                .header(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        }
                        if let Some(k) = r.idempotency_key {
                            builder = builder.header("idempotency-key", k);
                        }
                        let req = builder
                            .body(Full::new(r.body.unwrap_or_default()))
                            .expect("request");
                        let started = Instant::now();
                        if sender.ready().await.is_err() {
                            errors.fetch_add(1, Ordering::Relaxed);
                            continue 'connect;
                        }
                        match sender.send_request(req).await {
                            Ok(res) => {
                                let ok = res.status().is_success();
                                if res.into_body().collect().await.is_err() {
                                    errors.fetch_add(1, Ordering::Relaxed);
                                    continue 'connect;
                                }
                                if recording.load(Ordering::Relaxed) {
                                    if ok {
                                        latencies.push(
                                            started.elapsed().as_micros().min(u32::MAX as u128)
                                                as u32,
                                        );
                                    } else {
                                        errors.fetch_add(1, Ordering::Relaxed);
                                    }
                                }
                            }
                            Err(_) => {
                                errors.fetch_add(1, Ordering::Relaxed);
                                continue 'connect;
                            }
                        }
                    }
                }
                latencies
            }));
        }
        tokio::time::sleep(warmup).await;
        errors.store(0, Ordering::Relaxed);
        recording.store(true, Ordering::Relaxed);
        let started = Instant::now();
        tokio::time::sleep(measure).await;
        recording.store(false, Ordering::Relaxed);
        let seconds = started.elapsed().as_secs_f64();
        stop.store(true, Ordering::Relaxed);
        let mut latencies = Vec::new();
        for t in tasks {
            if let Ok(l) = t.await {
                latencies.extend(l);
            }
        }
        latencies.sort_unstable();
        Stats {
            ok: latencies.len() as u64,
            errors: errors.load(Ordering::Relaxed),
            seconds,
            latencies,
        }
    })
}

impl Stats {
    /// All of `runs` as one measurement (throughput over their total time,
    /// percentiles over all their requests).
    pub fn merged(runs: &[Stats]) -> Stats {
        let mut latencies: Vec<u32> = runs
            .iter()
            .flat_map(|r| r.latencies.iter().copied())
            .collect();
        latencies.sort_unstable();
        Stats {
            ok: runs.iter().map(|r| r.ok).sum(),
            errors: runs.iter().map(|r| r.errors).sum(),
            seconds: runs.iter().map(|r| r.seconds).sum(),
            latencies,
        }
    }
}

/// Two kinds of request measured in turns: `rounds` times `base` then
/// `subject`, each for `measure` after a one-second warm-up. Whatever else
/// the shared machine does meanwhile then weighs on both alike, which one
/// run of each does not ensure. Returns the runs of `base` and of `subject`.
pub fn alternate<FB, FS>(
    port: u16,
    connections: usize,
    rounds: usize,
    measure: Duration,
    base: FB,
    subject: FS,
) -> (Vec<Stats>, Vec<Stats>)
where
    FB: Fn(usize, u64) -> Req + Send + Sync + Clone + 'static,
    FS: Fn(usize, u64) -> Req + Send + Sync + Clone + 'static,
{
    let warmup = Duration::from_secs(1);
    let mut runs = (Vec::new(), Vec::new());
    for round in 0..rounds.max(1) {
        let b = load(port, connections, warmup, measure, base.clone());
        let s = load(port, connections, warmup, measure, subject.clone());
        println!(
            "  round {}: {:.0} vs {:.0} req/s = {:.0} %",
            round + 1,
            s.rps(),
            b.rps(),
            s.rps() / b.rps() * 100.0
        );
        runs.0.push(b);
        runs.1.push(s);
    }
    runs
}

/// Blocking JSON calls for set-up steps.
pub struct Api {
    runtime: tokio::runtime::Runtime,
    client: reqwest::Client,
    url: String,
}

impl Api {
    /// A client for the server at `url`.
    pub fn new(url: &str) -> Api {
        Api {
            runtime: tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("runtime"),
            client: reqwest::Client::builder()
                .no_proxy()
                .timeout(Duration::from_secs(600))
                .build()
                .expect("client"),
            url: url.to_string(),
        }
    }

    /// One call; returns status and JSON body.
    pub fn call(
        &self,
        method: &str,
        path: &str,
        bearer: Option<&str>,
        body: Option<&serde_json::Value>,
    ) -> (u16, serde_json::Value) {
        self.runtime.block_on(self.send(method, path, bearer, body))
    }

    /// Many calls, `concurrency` at a time, in order of `requests`.
    pub fn call_all(
        &self,
        concurrency: usize,
        requests: Vec<(
            &'static str,
            String,
            Option<String>,
            Option<serde_json::Value>,
        )>,
    ) -> Vec<(u16, serde_json::Value)> {
        use futures_util::StreamExt;
        self.runtime.block_on(async {
            futures_util::stream::iter(requests)
                .map(|(m, p, b, body)| async move {
                    self.send(m, &p, b.as_deref(), body.as_ref()).await
                })
                .buffered(concurrency)
                .collect()
                .await
        })
    }

    async fn send(
        &self,
        method: &str,
        path: &str,
        bearer: Option<&str>,
        body: Option<&serde_json::Value>,
    ) -> (u16, serde_json::Value) {
        let mut req = self.client.request(
            method.parse().expect("method"),
            format!("{}{path}", self.url),
        );
        if let Some(t) = bearer {
            req = req.bearer_auth(t);
        }
        if let Some(b) = body {
            req = req.json(b);
        }
        match req.send().await {
            Ok(res) => {
                let status = res.status().as_u16();
                (status, res.json().await.unwrap_or(serde_json::Value::Null))
            }
            Err(e) => (0, serde_json::Value::String(e.to_string())),
        }
    }
}

/// Ingests orders `from..to` of brand `bench` through the bulk endpoint,
/// 1,000 per request, two requests in flight, printing progress every
/// 100,000. `order(i)` is the JSON of order `i`.
pub fn bulk_load(
    api: &Api,
    key: &str,
    from: u64,
    to: u64,
    order: impl Fn(u64) -> serde_json::Value,
) {
    let started = Instant::now();
    let mut next = from;
    while next < to {
        let mut requests = Vec::new();
        while next < to && requests.len() < 8 {
            let end = (next + 1000).min(to);
            let orders: Vec<serde_json::Value> = (next..end).map(&order).collect();
            requests.push((
                "POST",
                "/v1/brands/bench/orders/bulk".to_string(),
                Some(key.to_string()),
                Some(serde_json::json!({ "orders": orders })),
            ));
            next = end;
        }
        for (status, body) in api.call_all(2, requests) {
            assert_eq!(status, 200, "bulk ingestion failed: {body}");
        }
        if next % 100_000 == 0 || next == to {
            let rate = (next - from) as f64 / started.elapsed().as_secs_f64();
            println!("  loaded {next} orders ({rate:.0} orders/s)");
        }
    }
}

/// A small fast PRNG for picking request targets (xorshift64*).
pub fn pick(seed: u64, n: u64) -> u64 {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    x.wrapping_mul(0x2545_F491_4F6C_DD1D) % n.max(1)
}

/// Creates a brand with the demo settings and a merchant key, directly in the database.
pub fn brand(database_url: &str, slug: &str) -> String {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let db = returns_api::app::maintenance::connect(database_url).expect("database");
        returns_api::app::maintenance::migrate(&db)
            .await
            .expect("migrations");
        let input = returns_api::app::brands::CreateBrand {
            slug: slug.into(),
            name: "Benchmark".into(),
            theme: None,
            custom_domain: None,
            allowed_origins: None,
        };
        let brand = returns_api::app::brands::create(&db, input)
            .await
            .expect("brand");
        let settings = returns_api::demo::demo_settings();
        returns_api::app::settings::replace_for_brand(&db, &brand.id, settings)
            .await
            .expect("settings");
        returns_api::app::keys::create(
            &db,
            "bench",
            returns_api::app::keys::Role::Merchant,
            &[slug.to_string()],
        )
        .await
        .expect("key")
        .key
    })
}

/// A fresh scratch directory under the system temp dir.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("returns-bench-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// `--name value` from the command line, or the default.
pub fn arg<T: std::str::FromStr>(name: &str, default: T) -> T {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A PostgreSQL database made for this run and dropped afterwards.
pub struct PgDatabase {
    server: String,
    name: String,
}

impl PgDatabase {
    /// Creates `<prefix>_<pid>` on the server at `server` (no path).
    pub fn create(server: &str, prefix: &str) -> Result<PgDatabase, String> {
        let server = server.trim_end_matches('/').to_string();
        let name = format!("{prefix}_{}", std::process::id());
        let mut conn = diesel::PgConnection::establish(&format!("{server}/postgres"))
            .map_err(|e| e.to_string())?;
        diesel::sql_query(format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
            .execute(&mut conn)
            .map_err(|e| e.to_string())?;
        diesel::sql_query(format!("CREATE DATABASE \"{name}\""))
            .execute(&mut conn)
            .map_err(|e| e.to_string())?;
        Ok(PgDatabase { server, name })
    }

    /// URL of the database.
    pub fn url(&self) -> String {
        format!("{}/{}", self.server, self.name)
    }
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        let dropped = diesel::PgConnection::establish(&format!("{}/postgres", self.server))
            .map_err(|e| e.to_string())
            .and_then(|mut conn| {
                diesel::sql_query(format!(
                    "DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)",
                    self.name
                ))
                .execute(&mut conn)
                .map_err(|e| e.to_string())
            });
        if let Err(e) = dropped {
            eprintln!("warning: could not drop database {}: {e}", self.name);
        }
    }
}
