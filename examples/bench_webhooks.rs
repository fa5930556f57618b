//! Webhook delivery benchmark: deliveries per second to a local receiver
//! that answers 204 at once, and the delay from a return's approval to its
//! `return.approved` webhook arriving.
//!
//! Throughput: the release server runs on a fresh SQLite database (or
//! PostgreSQL with `--backend postgres`) with its workers off while
//! `--events` pings are queued across `--endpoints` endpoints (the test
//! operation; one delivery each). Then the server restarts with its workers
//! on and the clock runs until the receiver has every delivery. In turns
//! with that, a plain HTTP client posts the same number of signed-size
//! bodies to the same receiver at the same concurrency: the peer, the most
//! this machine's loopback and receiver allow.
//!
//! Latency: with workers on, `--approvals` returns waiting for review are
//! approved one at a time; each approval's `return.approved` delivery is
//! timed from sending the approval to the receiver getting it.
//!
//! ```sh
//! cargo build --release --bin returns-api --example bench_webhooks
//! target/release/examples/bench_webhooks [--events 20000] [--rounds 2] [--backend sqlite|postgres]
//! ```

mod common;

use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bytes::Bytes;
use common::{Api, Req, arg, brand, load, scratch, start_server};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use serde_json::{Value, json};

/// What the receiver saw.
#[derive(Default)]
struct Seen {
    count: AtomicU64,
    /// Arrival of each `return.approved` by return id.
    approved: Mutex<HashMap<String, Instant>>,
}

async fn answer(
    req: hyper::Request<Incoming>,
    seen: Arc<Seen>,
) -> Result<hyper::Response<Full<Bytes>>, Infallible> {
    let body = req
        .into_body()
        .collect()
        .await
        .map(|b| b.to_bytes())
        .unwrap_or_default();
    seen.count.fetch_add(1, Ordering::Relaxed);
    if body.windows(15).any(|w| w == b"return.approved") {
        let at = Instant::now();
        if let Ok(event) = serde_json::from_slice::<Value>(&body)
            && let Some(id) = event["data"]["id"].as_str()
        {
            seen.approved.lock().unwrap().insert(id.to_string(), at);
        }
    }
    Ok(hyper::Response::builder()
        .status(204)
        .body(Full::new(Bytes::new()))
        .unwrap())
}

/// Starts the receiver on its own runtime; its port.
fn receiver(seen: Arc<Seen>) -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.set_nonblocking(true).expect("nonblocking");
    let port = listener.local_addr().expect("addr").port();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                let seen = seen.clone();
                tokio::spawn(async move {
                    let service = service_fn(move |req| answer(req, seen.clone()));
                    let _ = http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
    });
    port
}

fn server_env(concurrency: &str, jobs: bool) -> Vec<(&'static str, String)> {
    vec![
        ("WEBHOOK_ALLOW_PRIVATE", "true".into()),
        ("WEBHOOK_CONCURRENCY", concurrency.into()),
        ("WEBHOOK_ENDPOINT_CONCURRENCY", "16".into()),
        ("JOB_POLL_MS", "50".into()),
        ("DISABLE_JOBS", (!jobs).to_string()),
    ]
}

fn env_refs<'a>(env: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    env.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// Registers `n` endpoints pointing at the receiver; their ids.
fn endpoints(api: &Api, key: &str, port: u16, n: usize, types: &[&str]) -> Vec<String> {
    (0..n)
        .map(|_| {
            let (status, body) = api.call(
                "POST",
                "/v1/brands/bench/webhook-endpoints",
                Some(key),
                Some(&json!({ "url": format!("http://127.0.0.1:{port}/hook"), "event_types": types })),
            );
            assert_eq!(status, 201, "endpoint: {body}");
            body["id"].as_str().unwrap().to_string()
        })
        .collect()
}

fn database(backend: &str, dir: &std::path::Path, round: usize) -> String {
    match backend {
        "postgres" => {
            let base = arg("--pg-url", "postgres://postgres@127.0.0.1:5432".to_string());
            let name = format!("bench_webhooks_{}_{round}", std::process::id());
            let mut conn = <diesel::PgConnection as diesel::Connection>::establish(&format!(
                "{base}/postgres"
            ))
            .expect("PostgreSQL");
            diesel::RunQueryDsl::execute(
                diesel::sql_query(format!("DROP DATABASE IF EXISTS {name}")),
                &mut conn,
            )
            .ok();
            diesel::RunQueryDsl::execute(
                diesel::sql_query(format!("CREATE DATABASE {name}")),
                &mut conn,
            )
            .expect("create database");
            format!("{base}/{name}")
        }
        _ => format!(
            "sqlite://{}",
            dir.join(format!("round{round}.db")).display()
        ),
    }
}

/// One throughput round: queue `events` pings, then time the drain.
fn deliveries_round(
    backend: &str,
    round: usize,
    events: u64,
    endpoint_count: usize,
    seen: &Arc<Seen>,
    port: u16,
) -> f64 {
    let dir = scratch(&format!("webhooks-{round}"));
    let url = database(backend, &dir, round);
    let key = brand(&url, "bench");
    let concurrency = arg("--concurrency", "64".to_string());
    let queued = {
        let server = start_server(
            &url,
            &dir.join("data"),
            &env_refs(&server_env(&concurrency, false)),
        );
        let api = Api::new(&server.url);
        let ids = endpoints(&api, &key, port, endpoint_count, &[]);
        let requests = (0..events)
            .map(|i| {
                let id = &ids[i as usize % ids.len()];
                (
                    "POST",
                    format!("/v1/brands/bench/webhook-endpoints/{id}/test"),
                    Some(key.clone()),
                    None,
                )
            })
            .collect();
        let answers = api.call_all(32, requests);
        answers.iter().filter(|(s, _)| *s == 202).count() as u64
    };
    assert_eq!(queued, events, "every ping queued");
    let before = seen.count.load(Ordering::Relaxed);
    let started = Instant::now();
    let _server = start_server(
        &url,
        &dir.join("data"),
        &env_refs(&server_env(&concurrency, true)),
    );
    while seen.count.load(Ordering::Relaxed) - before < events {
        assert!(
            started.elapsed() < Duration::from_secs(600),
            "deliveries did not finish"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    // Start-up (migrations checked, index loaded) is part of the time: the
    // rate is a floor.
    events as f64 / started.elapsed().as_secs_f64()
}

/// The peer: a plain client posting `events` bodies to the receiver.
fn peer_round(events: u64, port: u16) -> f64 {
    let body = json!({ "id": "evt_01a2327a9e3872ee81fad9669d3f7c8c", "type": "ping", "created_at": "2026-12-01T00:00:00Z",
                       "data": { "id": "whe_01a23292b5627365b7a5baaa140bb777", "url": "http://127.0.0.1/hook", "enabled": true } });
    let make = move |_: usize, _: u64| Req::post("/hook", &body);
    // `load` runs for a time, not a count: measure for long enough to send
    // about as many as the deliveries round.
    let stats = load(
        port,
        64,
        Duration::from_millis(500),
        Duration::from_secs(3),
        make,
    );
    let _ = events;
    stats.rps()
}

fn latency(backend: &str, approvals: usize, seen: &Arc<Seen>, port: u16) -> Vec<f64> {
    let dir = scratch("webhooks-latency");
    let url = database(backend, &dir, 99);
    let key = brand(&url, "bench");
    let server = start_server(&url, &dir.join("data"), &env_refs(&server_env("64", true)));
    let api = Api::new(&server.url);
    endpoints(&api, &key, port, 1, &["return.approved"]);
    let now = chrono::Utc::now();
    let ago = |days: i64| (now - chrono::Duration::days(days)).to_rfc3339();
    let mut ids = Vec::new();
    for i in 0..approvals {
        let number = format!("W{i:06}");
        let order = json!({
            "number": number, "placed_at": ago(7), "currency": "EUR",
            "customer": { "email": "buyer@example.com" },
            "shipping_address": { "line1": "Damrak 1", "city": "Amsterdam", "postal_code": "1012 LG", "country": "NL" },
            "lines": [ { "id": "L1", "sku": "HOODIE-L", "name": "Hoodie L", "quantity": 1, "unit_price": { "amount": 4999, "currency": "EUR" } } ],
            "shipments": [ { "tracking_number": format!("TW{i:06}"), "carrier": "postnl", "status": "delivered",
                             "shipped_at": ago(5), "delivered_at": ago(3), "lines": [ { "line_id": "L1", "quantity": 1 } ] } ]
        });
        let (status, body) = api.call("POST", "/v1/brands/bench/orders", Some(&key), Some(&order));
        assert_eq!(status, 201, "order: {body}");
        let (status, lookup) = api.call(
            "POST",
            "/v1/portal/bench/lookup",
            None,
            Some(&json!({ "identifier": number, "postal_code": "1012 LG" })),
        );
        assert_eq!(status, 200, "lookup: {lookup}");
        let create = json!({
            "items": [ { "order_line_id": "L1", "quantity": 1, "reason_code": "not_as_described", "comment": "colour differs" } ],
            "return_method": { "type": "drop_off", "carrier": "postnl" }, "resolution": { "type": "refund" }
        });
        let (status, ret) = api.call(
            "POST",
            "/v1/portal/bench/returns",
            lookup["access_token"].as_str(),
            Some(&create),
        );
        assert_eq!(status, 201, "return: {ret}");
        ids.push(ret["id"].as_str().unwrap().to_string());
    }
    std::thread::sleep(Duration::from_millis(500));
    let mut out = Vec::new();
    for id in ids {
        let sent = Instant::now();
        let (status, body) = api.call(
            "POST",
            &format!("/v1/brands/bench/returns/{id}/approve"),
            Some(&key),
            None,
        );
        assert_eq!(status, 200, "approve: {body}");
        loop {
            if let Some(at) = seen.approved.lock().unwrap().get(&id) {
                out.push(at.duration_since(sent).as_secs_f64() * 1000.0);
                break;
            }
            assert!(
                sent.elapsed() < Duration::from_secs(30),
                "no webhook for {id}"
            );
            std::thread::sleep(Duration::from_micros(200));
        }
    }
    out
}

fn pct(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    let backend = arg("--backend", "sqlite".to_string());
    let events: u64 = arg("--events", 20_000);
    let rounds: usize = arg("--rounds", 2);
    let endpoint_count: usize = arg("--endpoints", 8);
    let approvals: usize = arg("--approvals", 200);
    let seen = Arc::new(Seen::default());
    let port = receiver(seen.clone());
    println!(
        "webhook deliveries on {backend}: {events} pings over {endpoint_count} endpoints, receiver answers 204 at once"
    );
    for round in 0..rounds {
        let delivered = deliveries_round(&backend, round, events, endpoint_count, &seen, port);
        let peer = peer_round(events, port);
        println!(
            "  round {}: {delivered:.0} deliveries/s; plain client to the same receiver {peer:.0} req/s ({:.0} %)",
            round + 1,
            delivered / peer * 100.0
        );
    }
    let mut ms = latency(&backend, approvals, &seen, port);
    ms.sort_by(|a, b| a.total_cmp(b));
    println!(
        "approval → return.approved webhook received, {} approvals one at a time: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        ms.len(),
        pct(&ms, 0.5),
        pct(&ms, 0.99),
        ms[ms.len() - 1]
    );
}
