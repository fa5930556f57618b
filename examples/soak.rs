//! Soak test: mixed portal and merchant traffic against the real server for
//! a long stretch (10 minutes by default) on SQLite and on PostgreSQL, with
//! the label worker running, then a verdict on three things that only show
//! over time: errors (any non-2xx answer), resident memory after the second
//! minute (flat within 10 %), and p99 latency per minute (within 2× of the
//! first minute's).
//!
//! The traffic, over 16 keep-alive connections: portal settings (30 %),
//! lookups (20 %), the customer's returns of an order (20 %), merchant
//! return lists (13 %), merchant order reads (13 %) and return creations
//! (4 %, each on an order of its own, with a label made by the worker).
//!
//! ```sh
//! cargo build --release && cargo run --release --example soak [-- --minutes 10 --only sqlite]
//! ```
//!
//! Options: `--minutes N` (10), `--orders N` orders to load (40,000; bounds
//! the creations), `--pg-url URL` (`postgres://postgres@127.0.0.1:5432`),
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
        83..96 => Req::get(&format!("/v1/brands/bench/orders/{}", number(i))).bearer(merchant_key),
        _ => {
            let order = next_order.fetch_add(1, Ordering::Relaxed);
            match tokens.get(order as usize) {
                Some(token) => Req::post("/v1/portal/bench/returns", &create_body()).bearer(token),
                None => Req::get("/v1/portal/bench"),
            }
        }
    }
}

/// Runs the traffic for `minutes` against a fresh database at `url`.
fn soak(name: &str, url: &str, dir: &std::path::Path, minutes: u64, orders: u64) -> bool {
    println!("{name}: loading {orders} orders");
    let (server, _api, tokens, merchant_key) =
        prepare(url, dir, &[("RUST_LOG", "warn")], orders);
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
    verdict(name, &figures)
}

/// Prints whether the run kept to its three bounds.
fn verdict(name: &str, figures: &[Minute]) -> bool {
    let errors: u64 = figures.iter().map(|m| m.stats.errors).sum();
    let requests: u64 = figures.iter().map(|m| m.stats.ok).sum();
    let settled: Vec<u64> = figures.iter().skip(2).map(|m| m.rss_kb).collect();
    let (low, high) = (
        settled.iter().copied().min().unwrap_or(0),
        settled.iter().copied().max().unwrap_or(0),
    );
    let rss_spread = if low == 0 {
        0.0
    } else {
        (high - low) as f64 / low as f64
    };
    let first_p99 = figures.first().map_or(0.0, |m| m.stats.pct_ms(0.99));
    let worst_p99 = figures
        .iter()
        .map(|m| m.stats.pct_ms(0.99))
        .fold(0.0, f64::max);
    let ok_errors = errors == 0;
    let ok_rss = rss_spread <= 0.10;
    let ok_p99 = worst_p99 <= 2.0 * first_p99;
    let mark = |ok: bool| if ok { "ok" } else { "FAILED" };
    println!(
        "{name}: {requests} requests, {errors} errors [{}]; RSS after minute 2 {:.1}–{:.1} MB, spread {:.1} % [{}]; p99 first minute {first_p99:.2} ms, worst {worst_p99:.2} ms [{}]",
        mark(ok_errors),
        low as f64 / 1024.0,
        high as f64 / 1024.0,
        rss_spread * 100.0,
        mark(ok_rss),
        mark(ok_p99),
    );
    ok_errors && ok_rss && ok_p99
}

fn main() {
    let minutes: u64 = arg("--minutes", 10);
    let orders: u64 = arg("--orders", 40_000);
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
