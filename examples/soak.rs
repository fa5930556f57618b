//! Soak test: mixed portal and merchant traffic against the real server for
//! a long stretch (10 minutes by default) on SQLite and on PostgreSQL, with
//! the label worker running, then a verdict on three things that only show
//! over time: errors (any non-2xx answer), resident memory after the second
//! minute (flat within 10 %), and p99 latency per minute (within 2× of the
//! first minute's).
//!
//! The traffic, over 16 keep-alive connections: portal settings (30 %),
//! lookups (20 %), the customer's returns of an order (20 %), merchant
//! return lists (13 %), merchant order reads (16 %) and return creations
//! (1 %, each on an order of its own, with a label made by the worker).
//!
//! ```sh
//! cargo build --release && cargo run --release --example soak [-- --minutes 10 --only sqlite]
//! ```
//!
//! Options: `--minutes N` (10), `--orders N` orders to load (60,000; bounds
//! the creations: once each has its return, creations give way to portal
//! settings), `--pg-url URL` (`postgres://postgres@127.0.0.1:5432`),
//! `--only sqlite|postgres`.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use common::shop::{create_body, number, postal, prepare};
use common::{PgDatabase, Req, Stats, arg, load, pick, rss_kb, scratch};
use serde_json::json;

/// Connections of the traffic.
const CONNECTIONS: usize = 16;

/// One minute's figures.
struct Minute {
    stats: Stats,
    rss_kb: u64,
}

/// The request number `n` of connection `c`.
fn request(
    c: usize,
    n: u64,
    orders: u64,
    tokens: &[String],
    next_order: &AtomicU64,
    merchant_key: &str,
) -> Req {
    let seed = (c as u64) << 40 | n;
    let i = pick(seed, orders);
    match pick(seed ^ 0x5eed, 100) {
        0..30 => Req::get("/v1/portal/bench"),
        30..50 => Req::post(
            "/v1/portal/bench/lookup",
            &json!({ "identifier": number(i), "postal_code": postal(i) }),
        ),
        50..70 => Req::get("/v1/portal/bench/returns").bearer(&tokens[i as usize]),
        70..83 => Req::get("/v1/brands/bench/returns?limit=20").bearer(merchant_key),
        83..99 => Req::get(&format!("/v1/brands/bench/orders/{}", number(i))).bearer(merchant_key),
        _ => {
            let order = next_order.fetch_add(1, Ordering::Relaxed);
            match tokens.get(order as usize) {
                Some(token) => Req::post("/v1/portal/bench/returns", &create_body()).bearer(token),
                None => Req::get("/v1/portal/bench"),
            }
        }
    }
}

/// Sends each kind of request of the mix once (on orders the timed run
/// creates no returns on) and stops unless each succeeds.
fn preflight(api: &common::Api, tokens: &[String], merchant_key: &str) {
    let last = tokens.len() as u64 - 1;
    let create = create_body();
    let kinds: Vec<(&str, String, Option<&str>, Option<serde_json::Value>)> = vec![
        ("GET", "/v1/portal/bench".into(), None, None),
        (
            "POST",
            "/v1/portal/bench/lookup".into(),
            None,
            Some(json!({ "identifier": number(last), "postal_code": postal(last) })),
        ),
        (
            "GET",
            "/v1/portal/bench/returns".into(),
            Some(&tokens[last as usize]),
            None,
        ),
        (
            "GET",
            "/v1/brands/bench/returns?limit=20".into(),
            Some(merchant_key),
            None,
        ),
        (
            "GET",
            format!("/v1/brands/bench/orders/{}", number(last)),
            Some(merchant_key),
            None,
        ),
        (
            "POST",
            "/v1/portal/bench/returns".into(),
            Some(&tokens[last as usize]),
            Some(create),
        ),
    ];
    for (method, path, bearer, body) in kinds {
        let (status, answer) = api.call(method, &path, bearer, body.as_ref());
        assert!(
            (200..300).contains(&status),
            "{method} {path} answered {status}: {answer}"
        );
    }
}

/// Runs the traffic for `minutes` against a fresh database at `url`.
fn soak(name: &str, url: &str, dir: &std::path::Path, minutes: u64, orders: u64) -> bool {
    println!("{name}: loading {orders} orders");
    let (server, _api, tokens, merchant_key) = prepare(url, dir, &[("RUST_LOG", "warn")], orders);
    // Every kind of request once before the clock starts: a kind that
    // cannot succeed would only show up as errors later.
    preflight(&_api, &tokens, &merchant_key);
    let tokens = Arc::new(tokens);
    let merchant_key = Arc::new(merchant_key);
    // Creations go through the orders from the first; every other request
    // picks orders at random.
    let next_order = Arc::new(AtomicU64::new(0));
    let mut figures: Vec<Minute> = Vec::new();
    for minute in 1..=minutes {
        let (tokens, next_order, merchant_key) =
            (tokens.clone(), next_order.clone(), merchant_key.clone());
        let stats = load(
            server.port,
            CONNECTIONS,
            Duration::ZERO,
            Duration::from_secs(60),
            move |c, n| request(c, n, orders, &tokens, &next_order, &merchant_key),
        );
        let rss = rss_kb(server.child.id()).unwrap_or(0);
        println!(
            "  {}   RSS {:>7.1} MB",
            stats.line(&format!("{name} minute {minute}")),
            rss as f64 / 1024.0
        );
        figures.push(Minute { stats, rss_kb: rss });
    }
    for line in failed_requests(server.port) {
        println!("  not 2xx: {line}");
    }
    verdict(name, &figures)
}

/// The server's request counters (`/metrics`) of answers that were not 2xx.
fn failed_requests(port: u16) -> Vec<String> {
    use std::io::{Read, Write};
    let mut text = String::new();
    if let Ok(mut stream) = std::net::TcpStream::connect(("127.0.0.1", port)) {
        let _ = stream.write_all(b"GET /metrics HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
        let _ = stream.read_to_string(&mut text);
    }
    text.lines()
        .filter(|l| l.starts_with("http_requests_total") && !l.contains("status=\"2"))
        .map(str::to_string)
        .collect()
}

/// Prints whether the run kept to its three bounds.
fn verdict(name: &str, figures: &[Minute]) -> bool {
    let errors: u64 = figures.iter().map(|m| m.stats.errors).sum();
    let requests: u64 = figures.iter().map(|m| m.stats.ok).sum();
    // Memory is judged against the end of minute 2 (start-up and warm
    // caches settled): every later minute within 10 % of it.
    let baseline = figures.get(1).map_or(0, |m| m.rss_kb);
    let later: Vec<u64> = figures.iter().skip(2).map(|m| m.rss_kb).collect();
    let (low, high) = (
        later.iter().copied().min().unwrap_or(baseline),
        later.iter().copied().max().unwrap_or(baseline),
    );
    let rss_drift = later
        .iter()
        .map(|&kb| (kb as f64 - baseline as f64).abs() / baseline.max(1) as f64)
        .fold(0.0, f64::max);
    let first_p99 = figures.first().map_or(0.0, |m| m.stats.pct_ms(0.99));
    let worst_p99 = figures
        .iter()
        .map(|m| m.stats.pct_ms(0.99))
        .fold(0.0, f64::max);
    let ok_errors = errors == 0;
    let ok_rss = rss_drift <= 0.10;
    let ok_p99 = worst_p99 <= 2.0 * first_p99;
    let mark = |ok: bool| if ok { "ok" } else { "FAILED" };
    println!(
        "{name}: {requests} requests, {errors} errors [{}]; RSS at minute 2 {:.1} MB, later {:.1}–{:.1} MB, at most {:.1} % off [{}]; p99 first minute {first_p99:.2} ms, worst {worst_p99:.2} ms [{}]",
        mark(ok_errors),
        baseline as f64 / 1024.0,
        low as f64 / 1024.0,
        high as f64 / 1024.0,
        rss_drift * 100.0,
        mark(ok_rss),
        mark(ok_p99),
    );
    ok_errors && ok_rss && ok_p99
}

fn main() {
    let minutes: u64 = arg("--minutes", 10);
    let orders: u64 = arg("--orders", 60_000);
    let pg_server: String = arg("--pg-url", "postgres://postgres@127.0.0.1:5432".to_string());
    let only: String = arg("--only", "all".to_string());
    let run = |part: &str| only == "all" || only == part;
    let mut passed = true;
    if run("sqlite") {
        let dir = scratch("soak-sqlite");
        let url = format!("sqlite://{}", dir.join("soak.db").display());
        passed &= soak("sqlite", &url, &dir, minutes, orders);
        let _ = std::fs::remove_dir_all(&dir);
    }
    if run("postgres") {
        match PgDatabase::create(&pg_server, "soak") {
            Ok(db) => {
                let dir = scratch("soak-postgres");
                passed &= soak("postgres", &db.url(), &dir, minutes, orders);
                let _ = std::fs::remove_dir_all(&dir);
            }
            Err(e) => {
                println!("postgres: cannot create a database on {pg_server}: {e}");
                passed = false;
            }
        }
    }
    std::process::exit(if passed { 0 } else { 1 });
}
