//! Parcel-lookup benchmark on SQLite.
//!
//! Loads orders through the bulk endpoint of the real server, then measures
//! lookup throughput and latency at 64 connections against the same server's
//! `/healthz` (in alternating rounds, so that whatever else the machine does
//! weighs on both alike), and compares lookup p50 at 10,000 and at
//! 1,000,000 orders.
//!
//! ```sh
//! cargo build --release && cargo run --release --example bench_lookup [-- --orders 1000000 --seconds 5 --rounds 3]
//! ```

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;

use common::{Api, Req, Stats, arg, brand, bulk_load, load, pick, scratch, start_server};
use serde_json::{Value, json};

fn postal(i: u64) -> String {
    let digits = 1000 + (i * 7919) % 9000;
    let a = (b'A' + (i % 26) as u8) as char;
    let b = (b'A' + ((i / 26) % 26) as u8) as char;
    format!("{digits} {a}{b}")
}

fn order(i: u64, now: chrono::DateTime<chrono::Utc>) -> Value {
    let at = |d: i64| (now - chrono::Duration::days(d)).to_rfc3339();
    json!({
        "number": format!("B{i:07}"),
        "placed_at": at(6),
        "currency": "EUR",
        "customer": { "email": format!("customer{i}@example.com"), "phone": "+31612345678" },
        "shipping_address": { "line1": "Kerkstraat 1", "city": "Amsterdam", "postal_code": postal(i), "country": "NL",
                              "latitude": 52.37 + (i % 100) as f64 / 1000.0, "longitude": 4.90 },
        "lines": [
            { "id": "L1", "sku": "TSHIRT-M", "name": "T-shirt M", "quantity": 2, "unit_price": { "amount": 1999, "currency": "EUR" } },
            { "id": "L2", "sku": "SOCKS", "name": "Socks", "quantity": 1, "unit_price": { "amount": 599, "currency": "EUR" } }
        ],
        "shipments": [ { "tracking_number": format!("3SBENCH{i:08}"), "carrier": "postnl", "status": "delivered",
                         "shipped_at": at(5), "delivered_at": at(3),
                         "lines": [ { "line_id": "L1", "quantity": 2 }, { "line_id": "L2", "quantity": 1 } ] } ]
    })
}

fn load_orders(api: &Api, key: &str, from: u64, to: u64) {
    let now = chrono::Utc::now();
    bulk_load(api, key, from, to, |i| order(i, now));
}

/// Lookups of random ones of the first `orders` orders, by order number and
/// postal code; the bodies are made up front.
fn lookup_request(orders: u64) -> impl Fn(usize, u64) -> Req + Send + Sync + Clone + 'static {
    let template = Req::post("/v1/portal/bench/lookup", &json!({}));
    let bodies: Arc<Vec<Bytes>> = Arc::new(
        (0..orders)
            .map(|i| {
                Bytes::from(
                    json!({ "identifier": format!("B{i:07}"), "postal_code": postal(i) })
                        .to_string(),
                )
            })
            .collect(),
    );
    move |c, n| Req {
        body: Some(bodies[pick((c as u64) << 32 | n, orders) as usize].clone()),
        ..template.clone()
    }
}

fn lookups(port: u16, orders: u64, seconds: u64) -> common::Stats {
    load(
        port,
        arg("--connections", 64),
        Duration::from_secs(2),
        Duration::from_secs(seconds),
        lookup_request(orders),
    )
}

fn main() {
    let orders: u64 = arg("--orders", 1_000_000);
    let small: u64 = arg("--small", 10_000);
    let seconds: u64 = arg("--seconds", 5);
    let dir = scratch("lookup");
    let url = format!("sqlite://{}", dir.join("bench.db").display());
    let key = brand(&url, "bench");
    let server = start_server(
        &url,
        &dir.join("data"),
        &[
            ("DISABLE_JOBS", "true"),
            ("DB_POOL_SIZE", "16"),
            ("LOOKUP_FAILURES_PER_CLIENT", "100000000"),
        ],
    );
    let api = Api::new(&server.url);
    println!(
        "lookup benchmark: SQLite, 64 connections, {} cores",
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    );

    println!("loading {small} orders");
    load_orders(&api, &key, 0, small);
    let at_small = lookups(server.port, small, seconds * 3);
    println!("{}", at_small.line(&format!("lookup @ {small} orders")));

    println!("loading up to {orders} orders");
    let started = Instant::now();
    load_orders(&api, &key, small, orders);
    println!(
        "  bulk ingestion: {:.0} orders/s",
        (orders - small) as f64 / started.elapsed().as_secs_f64()
    );

    let rounds: usize = arg("--rounds", 3);
    println!(
        "lookup vs /healthz at {orders} orders in {rounds} alternating rounds of {seconds} s each (lookup req/s vs healthz req/s):"
    );
    let (health, at_large) = common::alternate(
        server.port,
        arg("--connections", 64),
        rounds,
        Duration::from_secs(seconds),
        |_, _| Req::get("/healthz"),
        lookup_request(orders),
    );
    let (health, at_large) = (Stats::merged(&health), Stats::merged(&at_large));
    println!("{}", health.line("/healthz"));
    println!("{}", at_large.line(&format!("lookup @ {orders} orders")));
    let ratio = at_large.rps() / health.rps();
    let growth = at_large.pct_ms(0.5) / at_small.pct_ms(0.5);
    let p99 = at_large.pct_ms(0.99);
    println!();
    println!(
        "lookup / healthz throughput: {:.0} % (target >= 50 %)",
        ratio * 100.0
    );
    println!("lookup p99 at {orders}: {p99:.2} ms (target <= 10 ms)");
    println!("lookup p50 {orders} vs {small}: {growth:.2}x (target <= 1.3x)");
    let _ = std::fs::remove_dir_all(&dir);
}
