//! Exchange benchmark on SQLite: the portal's exchange options against
//! `/healthz`, and return creation with an exchange (which reserves the
//! replacement's stock in the creation's transaction) against the same
//! creation with a refund, each pair in alternating rounds so that whatever
//! else the machine does weighs on both alike.
//!
//! It starts the real server binary on a fresh database (label worker
//! disabled), loads the orders of the `bench` shop (line L1 is a hoodie L),
//! looks every order up for its access token, and uploads a hoodie product
//! whose XL has stock enough for every exchange.
//!
//! ```sh
//! cargo build --release && cargo run --release --example bench_exchanges [-- --seconds 3 --rounds 3]
//! ```
//!
//! Options: `--orders N` orders to create returns for (60,000: every
//! creation takes an order of its own), `--seconds N` measured seconds per
//! run (3), `--rounds N` alternating rounds (3), `--connections N` (32).

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use common::shop::{create_body, prepare};
use common::{Req, Stats, arg, pick, scratch};
use hyper::header::HeaderValue;
use serde_json::json;

/// The catalogue entry of the shop's hoodie: L as ordered, XL in stock.
fn hoodie(stock: u64) -> serde_json::Value {
    json!({
        "id": "hoodie", "title": "Hoodie", "options": ["size"],
        "variants": [
            { "sku": "HOODIE-L", "option_values": { "size": "L" },
              "prices": [ { "amount": 4999, "currency": "EUR" } ], "available": 10 },
            { "sku": "HOODIE-XL", "option_values": { "size": "XL" },
              "prices": [ { "amount": 4999, "currency": "EUR" } ], "available": stock }
        ]
    })
}

fn main() {
    let orders: u64 = arg("--orders", 60_000);
    let seconds: u64 = arg("--seconds", 3);
    let rounds: usize = arg("--rounds", 3);
    let connections: usize = arg("--connections", 32);
    let dir = scratch("exchanges");
    let url = format!("sqlite://{}", dir.join("bench.db").display());
    println!(
        "exchange benchmark: SQLite, {connections} connections, {} cores; preparing {orders} orders",
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    );
    let (server, api, tokens, key) = prepare(
        &url,
        &dir,
        &[
            ("DISABLE_JOBS", "true"),
            ("LOOKUP_FAILURES_PER_CLIENT", "100000000"),
        ],
        orders,
    );
    let (status, body) = api.call(
        "POST",
        "/v1/brands/bench/products",
        Some(&key),
        Some(&hoodie(1_000_000)),
    );
    assert_eq!(status, 201, "product upload failed: {body}");
    let bearers: Arc<Vec<HeaderValue>> = Arc::new(
        tokens
            .iter()
            .map(|t| HeaderValue::from_str(&format!("Bearer {t}")).expect("token"))
            .collect(),
    );

    println!(
        "exchange-options vs /healthz in {rounds} alternating rounds of {seconds} s (options req/s vs healthz req/s):"
    );
    let options = {
        let bearers = bearers.clone();
        let template = Req::get("/v1/portal/bench/exchange-options?order_line_id=L1");
        move |c: usize, n: u64| Req {
            authorization: Some(
                bearers[pick((c as u64) << 32 | n, bearers.len() as u64) as usize].clone(),
            ),
            ..template.clone()
        }
    };
    let (health, offered) = common::alternate(
        server.port,
        64,
        rounds,
        Duration::from_secs(seconds),
        |_, _| Req::get("/healthz"),
        options,
    );
    let (health, offered) = (Stats::merged(&health), Stats::merged(&offered));
    println!("{}", health.line("/healthz"));
    println!("{}", offered.line("exchange-options"));
    println!(
        "exchange-options / healthz throughput: {:.0} %",
        offered.rps() / health.rps() * 100.0
    );

    println!(
        "creation with an exchange vs with a refund in {rounds} alternating rounds of {seconds} s (exchange vs refund creations/s):"
    );
    let next = Arc::new(AtomicU64::new(0));
    let creating = |body: serde_json::Value| {
        let (bearers, next) = (bearers.clone(), next.clone());
        let template = Req::post("/v1/portal/bench/returns", &body);
        move |_: usize, _: u64| {
            let i = next.fetch_add(1, Ordering::Relaxed) as usize;
            Req {
                authorization: Some(bearers[i % bearers.len()].clone()),
                idempotency_key: Some(HeaderValue::from_str(&format!("bench-{i}")).expect("key")),
                ..template.clone()
            }
        }
    };
    let mut exchange = create_body();
    exchange["items"][0]["resolution"] = json!({ "type": "exchange", "variant_sku": "HOODIE-XL" });
    let (refund, exchanged) = common::alternate(
        server.port,
        connections,
        rounds,
        Duration::from_secs(seconds),
        creating(create_body()),
        creating(exchange),
    );
    let (refund, exchanged) = (Stats::merged(&refund), Stats::merged(&exchanged));
    println!("{}", refund.line("create (refund)"));
    println!("{}", exchanged.line("create (exchange)"));
    println!(
        "exchange / refund creations: {:.0} %; errors: {} refund, {} exchange",
        exchanged.rps() / refund.rps() * 100.0,
        refund.errors,
        exchanged.errors
    );
    let sent = next.load(Ordering::Relaxed);
    if sent > orders {
        println!(
            "  warning: {} requests reused an order (expect 409/422): pass a larger --orders",
            sent - orders
        );
    }
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}
