//! The shop the benchmarks and the soak test run against: brand `bench`
//! with the demo settings and orders `R00000000…`, each with two delivered
//! lines and one parcel, looked up by order number and postal code.

use std::time::Instant;

use serde_json::{Value, json};

use super::{Api, Server, brand, start_server};

/// Postal code of order `i`: Dutch format, spread over many values.
pub fn postal(i: u64) -> String {
    let digits = 1000 + (i * 37) % 9000;
    let letters = [
        (b'A' + (i % 26) as u8) as char,
        (b'A' + ((i / 7) % 26) as u8) as char,
    ];
    format!("{digits} {}{}", letters[0], letters[1])
}

/// Order number of order `i`.
pub fn number(i: u64) -> String {
    format!("R{i:08}")
}

/// Order `i`: two lines, both delivered three days ago (inside the window).
pub fn order(i: u64, now: chrono::DateTime<chrono::Utc>) -> Value {
    let ago = |days: i64| (now - chrono::Duration::days(days)).to_rfc3339();
    json!({
        "number": number(i),
        "placed_at": ago(7),
        "currency": "EUR",
        "customer": { "email": format!("buyer{i}@example.com"), "name": "Bench Buyer" },
        "shipping_address": {
            "line1": "Damrak 1", "city": "Amsterdam", "postal_code": postal(i), "country": "NL",
            "latitude": 52.37, "longitude": 4.89
        },
        "lines": [
            { "id": "L1", "sku": "HOODIE-L", "name": "Hoodie L", "quantity": 1,
              "unit_price": { "amount": 4999, "currency": "EUR" } },
            { "id": "L2", "sku": "BEANIE", "name": "Beanie", "quantity": 1,
              "unit_price": { "amount": 1499, "currency": "EUR" } }
        ],
        "shipments": [{
            "tracking_number": format!("3SRET{i:09}"), "carrier": "postnl", "status": "delivered",
            "shipped_at": ago(5), "delivered_at": ago(3),
            "lines": [ { "line_id": "L1", "quantity": 1 }, { "line_id": "L2", "quantity": 1 } ]
        }]
    })
}

/// The create body: one unit of L1 with an auto-approving reason (demo
/// settings: `too_small`), dropped off at any PostNL point (drop-off needs
/// no service point), money back.
pub fn create_body() -> Value {
    json!({
        "items": [ { "order_line_id": "L1", "quantity": 1, "reason_code": "too_small" } ],
        "return_method": { "type": "drop_off", "carrier": "postnl" },
        "resolution": { "type": "refund" }
    })
}

/// Loads orders `0..n` through the bulk endpoint.
pub fn ingest(api: &Api, key: &str, n: u64) {
    let now = chrono::Utc::now();
    let started = Instant::now();
    super::bulk_load(api, key, 0, n, |i| order(i, now));
    println!(
        "  ingested {n} orders in {:.1} s",
        started.elapsed().as_secs_f64()
    );
}

/// Looks up orders `0..n` and returns their access tokens, in order.
pub fn access_tokens(api: &Api, n: u64) -> Vec<String> {
    let started = Instant::now();
    let requests = (0..n)
        .map(|i| {
            (
                "POST",
                "/v1/portal/bench/lookup".to_string(),
                None,
                Some(json!({ "identifier": number(i), "postal_code": postal(i) })),
            )
        })
        .collect();
    let tokens = api
        .call_all(16, requests)
        .into_iter()
        .enumerate()
        .map(|(i, (status, body))| {
            assert_eq!(status, 200, "lookup of order {i} failed: {body}");
            body["access_token"]
                .as_str()
                .expect("lookup answers an access_token")
                .to_string()
        })
        .collect();
    println!(
        "  looked up {n} orders in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    tokens
}

/// Starts a server on `url` (a fresh database) with the `bench` brand and
/// `n` orders, and returns it with the orders' access tokens and the
/// brand's merchant key.
pub fn prepare(
    url: &str,
    dir: &std::path::Path,
    env: &[(&str, &str)],
    n: u64,
) -> (Server, Api, Vec<String>, String) {
    let key = brand(url, "bench");
    let server = start_server(url, &dir.join("data"), env);
    let api = Api::new(&server.url);
    ingest(&api, &key, n);
    let tokens = access_tokens(&api, n);
    (server, api, tokens, key)
}
