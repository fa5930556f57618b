//! Return-creation benchmark on SQLite and PostgreSQL, and the latency from
//! creating an auto-approved return to its label being ready.
//!
//! For each backend it starts the real server binary on a fresh database
//! (label worker disabled, so it does not compete for the database), loads
//! one order per return it will create through the bulk endpoint, looks
//! every order up to get its access token (before the clock starts), then
//! creates returns at 32 connections for a fixed time, one order per
//! request, and prints creations per second with p50 and p99. A short
//! second pass over orders kept aside replays the same request at the same
//! concurrency through a client that keeps every response, and prints the
//! responses by status (with a body of each kind that is not 201).
//!
//! Then, on SQLite with the label worker running and the built-in local
//! carrier, it creates returns one at a time and polls each label's
//! `poll_url` every ~5 ms until it answers 200 `ready`, and prints the
//! create → label-ready latency.
//!
//! ```sh
//! cargo build --release && cargo run --release --example bench_returns [-- --seconds 10]
//! ```
//!
//! Options: `--seconds N` measured seconds per backend (10), `--orders N`
//! orders for the timed run per backend (10,000 per second of warm-up and
//! measurement), `--check N` orders for the status pass (1,000), `--labels N`
//! returns for the label latency (200), `--pg-url URL` PostgreSQL server
//! (`postgres://postgres@127.0.0.1:5432`), `--only sqlite|postgres|labels`.
//!
//! Every timed create carries its own `Idempotency-Key`, as a careful client
//! sends it, so the key's bookkeeping is part of what is measured
//! (`--idempotency-keys false` leaves it out).

mod common;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use common::shop::{create_body, prepare};
use common::{Api, PgDatabase, Req, arg, load, scratch};
use hyper::header::HeaderValue;
use serde_json::Value;

/// Connections of the timed run.
const CONNECTIONS: usize = 32;
/// Warm-up before measuring (its requests use orders too).
const WARMUP: Duration = Duration::from_secs(2);
/// Create endpoint of the `bench` brand.
const CREATE: &str = "/v1/portal/bench/returns";

/// Sizes of a creation run.
struct Sizes {
    orders: u64,
    check: u64,
    seconds: u64,
}

/// Timed creates at 32 connections on the database at `url`, then the
/// status pass; prints the results as `name: …`.
fn creations(name: &str, url: &str, dir: &std::path::Path, sizes: &Sizes) {
    println!("{name}: preparing {} orders", sizes.orders + sizes.check);
    let (server, api, mut tokens, _key) = prepare(
        url,
        dir,
        &[("DISABLE_JOBS", "true")],
        sizes.orders + sizes.check,
    );
    let check_tokens = tokens.split_off(sizes.orders as usize);
    let tokens: Arc<Vec<HeaderValue>> = Arc::new(
        tokens
            .iter()
            .map(|t| HeaderValue::from_str(&format!("Bearer {t}")).expect("token"))
            .collect(),
    );
    let template = Req::post(CREATE, &create_body());
    let next = Arc::new(AtomicU64::new(0));
    let keys = arg("--idempotency-keys", true);
    let stats = {
        let (tokens, next) = (tokens.clone(), next.clone());
        load(
            server.port,
            CONNECTIONS,
            WARMUP,
            Duration::from_secs(sizes.seconds),
            move |_, _| {
                let i = next.fetch_add(1, Ordering::Relaxed) as usize;
                Req {
                    authorization: Some(tokens[i % tokens.len()].clone()),
                    idempotency_key: keys
                        .then(|| HeaderValue::from_str(&format!("bench-{i}")).expect("key")),
                    ..template.clone()
                }
            },
        )
    };
    println!(
        "{name}: {:.0} creations/s at {CONNECTIONS} connections {}, p50 {:.1} ms, p99 {:.1} ms (target >= {}/s)",
        stats.rps(),
        if keys {
            "with Idempotency-Key"
        } else {
            "without Idempotency-Key"
        },
        stats.pct_ms(0.50),
        stats.pct_ms(0.99),
        if name == "sqlite" { 3000 } else { 2000 }
    );
    println!(
        "  {} created in {:.1} s; {} non-2xx responses or connection errors",
        stats.ok, stats.seconds, stats.errors
    );
    let sent = next.load(Ordering::Relaxed);
    if sent > sizes.orders {
        println!(
            "  warning: {} requests reused an order (ran out of orders, expect 409/422): pass a larger --orders",
            sent - sizes.orders
        );
    }
    status_pass(&api, check_tokens);
    drop(server);
}

/// Creates one return per token at 32 at a time and prints the responses by
/// status, with the body of the first response of each status but 201.
fn status_pass(api: &Api, tokens: Vec<String>) {
    if tokens.is_empty() {
        return;
    }
    let n = tokens.len();
    let body = create_body();
    let requests = tokens
        .into_iter()
        .map(|t| ("POST", CREATE.to_string(), Some(t), Some(body.clone())))
        .collect();
    let started = Instant::now();
    let mut by_status: BTreeMap<u16, (u64, Value)> = BTreeMap::new();
    for (status, body) in api.call_all(CONNECTIONS, requests) {
        by_status.entry(status).or_insert((0, body)).0 += 1;
    }
    let seconds = started.elapsed().as_secs_f64();
    let summary: Vec<String> = by_status
        .iter()
        .map(|(s, (count, _))| format!("{count} x {s}"))
        .collect();
    println!(
        "  status pass ({n} creates, {CONNECTIONS} at a time, {seconds:.1} s): {}",
        summary.join(", ")
    );
    for (status, (_, body)) in by_status.iter().filter(|(s, _)| **s != 201) {
        println!("    first {status} body: {body}");
    }
}

/// Path and query of an absolute label URL.
fn path_of(url: &str) -> &str {
    url.find("/v1/").map_or(url, |i| &url[i..])
}

/// Latency percentiles in milliseconds of sorted microseconds.
fn pct(sorted: &[u64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize] as f64 / 1000.0
}

/// Create → label-ready latency on SQLite with the label worker running;
/// `poll_ms` overrides the worker's idle poll interval. Returns the p50 (ms).
fn label_latency(n: u64, poll_ms: Option<u64>) -> f64 {
    let setting = poll_ms.map_or("JOB_POLL_MS default (250 ms)".to_string(), |ms| {
        format!("JOB_POLL_MS={ms}")
    });
    let dir = scratch(&format!("returns-labels-{}", poll_ms.unwrap_or(0)));
    let url = format!("sqlite://{}", dir.join("bench.db").display());
    let poll = poll_ms.map(|ms| ms.to_string());
    let env: Vec<(&str, &str)> = poll
        .as_deref()
        .map(|ms| vec![("JOB_POLL_MS", ms)])
        .unwrap_or_default();
    println!("labels ({setting}): preparing {n} orders");
    let (server, api, tokens, _key) = prepare(&url, &dir, &env, n);
    let body = create_body();
    let mut ready = Vec::with_capacity(tokens.len());
    let mut created = Vec::with_capacity(tokens.len());
    let mut polls = 0u64;
    for token in &tokens {
        let started = Instant::now();
        let (status, ret) = api.call("POST", CREATE, Some(token), Some(&body));
        assert_eq!(status, 201, "create failed: {ret}");
        created.push(started.elapsed().as_micros() as u64);
        assert_eq!(ret["status"], "approved", "return not auto-approved: {ret}");
        let poll_url = ret["shipments"][0]["label"]["poll_url"]
            .as_str()
            .expect("approved return has label.poll_url")
            .to_string();
        loop {
            let (status, label) = api.call("GET", path_of(&poll_url), None, None);
            polls += 1;
            match status {
                200 => {
                    assert_eq!(label["status"], "ready", "unexpected label: {label}");
                    break;
                }
                202 => {}
                _ => panic!("label poll answered {status}: {label}"),
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "label not ready after 30 s"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
        ready.push(started.elapsed().as_micros() as u64);
    }
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
    ready.sort_unstable();
    created.sort_unstable();
    println!(
        "labels ({setting}): create -> label ready p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms over {n} returns, one at a time (target p50 <= 100 ms)",
        pct(&ready, 0.50),
        pct(&ready, 0.90),
        pct(&ready, 0.99)
    );
    println!(
        "  create alone p50 {:.1} ms; {:.1} polls per label",
        pct(&created, 0.50),
        polls as f64 / n.max(1) as f64
    );
    pct(&ready, 0.50)
}

fn main() {
    let seconds: u64 = arg("--seconds", 10);
    let sizes = Sizes {
        orders: arg("--orders", 10_000 * (seconds + WARMUP.as_secs())),
        check: arg("--check", 1000),
        seconds,
    };
    let labels: u64 = arg("--labels", 200);
    let pg_server: String = arg("--pg-url", "postgres://postgres@127.0.0.1:5432".to_string());
    let only: String = arg("--only", "all".to_string());
    let run = |part: &str| only == "all" || only == part;
    println!(
        "returns benchmark: {} cores, {CONNECTIONS} connections, {seconds} s measured after {} s warm-up",
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1),
        WARMUP.as_secs()
    );

    if run("sqlite") {
        let dir = scratch("returns-sqlite");
        let url = format!("sqlite://{}", dir.join("bench.db").display());
        creations("sqlite", &url, &dir, &sizes);
        let _ = std::fs::remove_dir_all(&dir);
    }

    if run("postgres") {
        match PgDatabase::create(&pg_server, "bench_returns") {
            Ok(db) => {
                let dir = scratch("returns-postgres");
                creations("postgres", &db.url(), &dir, &sizes);
                let _ = std::fs::remove_dir_all(&dir);
                drop(db);
            }
            Err(e) => println!("postgres: skipped, cannot create a database on {pg_server}: {e}"),
        }
    }

    if run("labels") {
        let p50 = label_latency(labels, None);
        if p50 > 100.0 {
            // The worker may be waiting for its poll interval: measure again
            // with a shorter one to show how much of the latency it is.
            label_latency(labels, Some(50));
        }
    }
}
