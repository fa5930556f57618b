//! Returns-report benchmark on PostgreSQL.
//!
//! Seeds a brand with `--returns` returns (1,000,000) spread over the last
//! 365 days straight into the database (orders, parts, 1–2 items each over
//! `--skus` SKUs, a third of them received with a disposition, a fifth
//! with a vendor, one in twenty cancelled), rolls up its report summaries
//! once (timed), then measures a year's report for every grouping against
//! the same server's `/healthz` in alternating rounds, the default 30-day
//! report, and a report right after a return of today changed (which
//! recomputes that day inside the request). Last, it streams the CSV
//! export of the newest 100,000 returns and prints the server's resident
//! memory before, after and at its peak.
//!
//! ```sh
//! cargo build --release && cargo run --release --example bench_reports [-- --returns 1000000 --seconds 3 --rounds 2]
//! ```
//!
//! Options: `--pg URL` the server (`postgres://postgres@127.0.0.1:5432`),
//! `--skus N` (1,000), `--connections N` (2).

mod common;

use std::time::{Duration, Instant};

use common::{PgDatabase, Req, Stats, alternate, arg, brand, scratch, start_server};
use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};

const GROUPINGS: [&str; 8] = [
    "day",
    "reason",
    "sku",
    "product",
    "vendor",
    "resolution",
    "disposition",
    "country",
];

/// Fills the brand with orders, returns, parts, items, receipts and units.
fn seed(url: &str, brand_id: &str, returns: u64, skus: u64) {
    let orders = (returns / 10).max(1);
    let mut conn = PgConnection::establish(url).expect("database");
    let sql = format!(
        "SET synchronous_commit = off;
         INSERT INTO orders (id, brand_id, number, number_key, placed_at, currency, country, document, created_at, updated_at)
           SELECT 'ord_b' || g, '{brand_id}', 'B' || g, 'B' || g, now(), 'EUR',
                  (ARRAY['NL','DE','FR','BE','ES','IT','AT','PL'])[1 + g % 8], '{{}}', now(), now()
           FROM generate_series(1, {orders}) g;
         INSERT INTO products (brand_id, id, title, options, tags, exchangeable, created_at, updated_at)
           SELECT '{brand_id}', 'prod_' || p, 'Product ' || p, '[]', '[]', true, now(), now()
           FROM generate_series(0, {products}) p;
         INSERT INTO product_variants (brand_id, sku, product_id, position, option_values, prices, available, reserved, version, updated_at)
           SELECT '{brand_id}', 'SKU-' || s, 'prod_' || (s / 5), s % 5, '[]', '[]', 0, 0, 1, now()
           FROM generate_series(0, {skus} - 1) s;
         CREATE TEMP TABLE seed AS
           SELECT g, date_trunc('day', now()) - interval '365 days'
                     + (g::double precision / {returns}) * interval '365 days' AS at
           FROM generate_series(1, {returns}) g;
         INSERT INTO returns (id, brand_id, order_id, order_number, rma_number, status, return_method, resolution,
                              locale, currency, estimated_refund, created_at, updated_at)
           SELECT 'ret_b' || lpad(g::text, 9, '0'), '{brand_id}', 'ord_b' || (1 + g % {orders}), 'B' || (1 + g % {orders}),
                  'RET-B' || g,
                  CASE WHEN g % 20 = 0 THEN 'cancelled' WHEN g % 3 = 0 THEN 'received' ELSE 'approved' END,
                  '{{\"type\":\"drop_off\"}}',
                  CASE WHEN g % 10 = 0 THEN '{{\"type\":\"store_credit\",\"exchange_sku\":null}}'
                       ELSE '{{\"type\":\"refund\",\"exchange_sku\":null}}' END,
                  'en', 'EUR', 0, at, at
           FROM seed;
         INSERT INTO return_shipments (id, return_id, position, address_id, address, carrier, vendor_id)
           SELECT 'rsh_b' || g, 'ret_b' || lpad(g::text, 9, '0'), 0, 'adr', '{{}}', 'postnl',
                  CASE WHEN g % 5 = 0 THEN 'ven_' || (g % 7) END
           FROM seed;
         INSERT INTO return_items (id, return_id, shipment_id, order_id, order_line_id, position, sku, name, unit_price,
                                   requested_quantity, approved_quantity, received_quantity, damaged_quantity,
                                   reason_code, image_ids, resolution)
           SELECT 'rit_b' || g || '_' || n, 'ret_b' || lpad(g::text, 9, '0'), 'rsh_b' || g, 'ord_b' || (1 + g % {orders}),
                  'L' || n, n, 'SKU-' || ((g * 7 + n * 13) % {skus}), 'Item', 1000 + (g % 50) * 100,
                  1 + (g % 2), 1 + (g % 2), CASE WHEN g % 3 = 0 THEN 1 + (g % 2) ELSE 0 END, 0,
                  (ARRAY['too_small','too_large','damaged','not_as_described','changed_mind'])[1 + (g + n) % 5],
                  '[]', CASE WHEN g % 9 = 0 THEN 'exchange' END
           FROM seed, generate_series(0, CASE WHEN g % 2 = 0 THEN 1 ELSE 0 END) n;
         INSERT INTO receipts (id, brand_id, return_id, reference, actor, created_at)
           SELECT 'rcp_b' || g, '{brand_id}', 'ret_b' || lpad(g::text, 9, '0'), 'RET-B' || g, 'merchant:bench', at
           FROM seed WHERE g % 3 = 0 AND g % 20 <> 0;
         INSERT INTO receipt_units (id, receipt_id, brand_id, return_id, return_item_id, position, sku, damaged,
                                    unexpected, unit_value, disposition, created_at)
           SELECT 'rcu_b' || g, 'rcp_b' || g, '{brand_id}', 'ret_b' || lpad(g::text, 9, '0'), 'rit_b' || g || '_0', 0,
                  'SKU-' || ((g * 7) % {skus}), false, false, 1000,
                  (ARRAY['restock','restock','restock','refurbish','quarantine','dispose'])[1 + g % 6], at
           FROM seed WHERE g % 3 = 0 AND g % 20 <> 0;
         DROP TABLE seed;
         ANALYZE;",
        products = skus / 5,
    );
    conn.batch_execute(&sql).expect("seed");
}

/// Streams the CSV export of the newest tenth of the returns (100,000 of a
/// million), sampling the server's resident memory while it runs.
fn export(
    runtime: &tokio::runtime::Runtime,
    srv: &common::Server,
    key: &str,
    today: chrono::NaiveDate,
) {
    let pid = srv.child.id();
    // The returns are spread evenly over 365 days: the last 36.5 hold a tenth.
    let after = today.and_hms_opt(0, 0, 0).expect("midnight").and_utc()
        - chrono::Duration::seconds(36 * 86_400 + 43_200);
    let url = format!(
        "{}/v1/brands/bench/returns/export?created_after={}",
        srv.url,
        after.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    );
    let before = common::rss_kb(pid).unwrap_or(0);
    let started = Instant::now();
    let (bytes, rows, first, peak) = runtime.block_on(async {
        let client = reqwest::Client::builder()
            .no_proxy()
            .build()
            .expect("client");
        let mut res = client
            .get(&url)
            .bearer_auth(key)
            .send()
            .await
            .expect("export");
        assert_eq!(res.status(), 200);
        let first = started.elapsed();
        let (mut bytes, mut rows, mut peak) = (0usize, 0usize, before);
        while let Some(chunk) = res.chunk().await.expect("chunk") {
            bytes += chunk.len();
            rows += chunk.iter().filter(|b| **b == b'\n').count();
            peak = peak.max(common::rss_kb(pid).unwrap_or(0));
        }
        (bytes, rows, first, peak)
    });
    let after_kb = common::rss_kb(pid).unwrap_or(0);
    println!(
        "export of the newest returns since {after}: {} item rows, {:.1} MB in {:.1} s (first byte after {} ms); \
         server RSS {:.1} MB before, {:.1} MB after, {:.1} MB at its peak",
        rows.saturating_sub(1),
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        first.as_millis(),
        before as f64 / 1024.0,
        after_kb as f64 / 1024.0,
        peak as f64 / 1024.0
    );
}

fn main() {
    let returns: u64 = arg("--returns", 1_000_000);
    let skus: u64 = arg("--skus", 1_000);
    let seconds: u64 = arg("--seconds", 3);
    let rounds: usize = arg("--rounds", 2);
    let connections: usize = arg("--connections", 2);
    let server: String = arg("--pg", "postgres://postgres@127.0.0.1:5432".to_string());
    let db = PgDatabase::create(&server, "bench_reports").expect("PostgreSQL");
    let url = db.url();
    let key = brand(&url, "bench");

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let pool = returns_api::app::maintenance::connect(&url).expect("database");
    let brand_id = runtime
        .block_on(pool.read(|conn| {
            Ok(returns_api::db::brands::by_slug(conn, "bench")?
                .expect("brand")
                .id)
        }))
        .expect("brand id");

    let started = Instant::now();
    seed(&url, &brand_id, returns, skus);
    println!(
        "seeded {returns} returns over 365 days, {skus} SKUs in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let started = Instant::now();
    let rolled = runtime
        .block_on(returns_api::app::reports::roll_up(
            &pool,
            &brand_id,
            Duration::from_secs(60),
            None,
        ))
        .expect("rollup");
    println!(
        "first rollup of every day: {rolled:?} in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let dir = scratch("reports");
    let srv = start_server(&url, &dir, &[("DB_POOL_SIZE", "8")]);
    let today = chrono::Utc::now().date_naive();
    let from = today - chrono::Duration::days(365);
    let healthz = Req::get("/healthz");
    let measure = Duration::from_secs(seconds);
    println!(
        "\na year's report ({from} to {today}) per grouping vs /healthz, {connections} connections, {rounds} rounds of {seconds} s:"
    );
    let mut worst_p99: f64 = 0.0;
    for group_by in GROUPINGS {
        let path =
            format!("/v1/brands/bench/reports/returns?from={from}&to={today}&group_by={group_by}");
        let report = Req::get(&path).bearer(&key);
        let (base, subject) = alternate(
            srv.port,
            connections,
            rounds,
            measure,
            {
                let h = healthz.clone();
                move |_, _| h.clone()
            },
            move |_, _| report.clone(),
        );
        let (base, subject) = (Stats::merged(&base), Stats::merged(&subject));
        println!("{}", subject.line(&format!("report by {group_by}")));
        println!("{}", base.line("  /healthz"));
        worst_p99 = worst_p99.max(subject.pct_ms(0.99));
    }
    let default = Req::get("/v1/brands/bench/reports/returns?group_by=sku").bearer(&key);
    let thirty = common::load(
        srv.port,
        connections,
        Duration::from_secs(1),
        measure,
        move |_, _| default.clone(),
    );
    println!("{}", thirty.line("30 days by sku"));

    // A return of today changes: the next report recomputes today first.
    let mut conn = PgConnection::establish(&url).expect("database");
    let mut fresh = Vec::new();
    let api = common::Api::new(&srv.url);
    for i in 0..10 {
        conn.batch_execute(&format!(
            "UPDATE returns SET updated_at = now() WHERE id = 'ret_b{:09}'",
            returns - i
        ))
        .expect("touch");
        let t = Instant::now();
        let (status, _) = api.call(
            "GET",
            &format!("/v1/brands/bench/reports/returns?from={from}&group_by=reason"),
            Some(&key),
            None,
        );
        assert_eq!(status, 200);
        fresh.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    fresh.sort_by(f64::total_cmp);
    println!(
        "year by reason right after a change of today: median {:.1} ms, worst {:.1} ms (10 runs)",
        fresh[fresh.len() / 2],
        fresh[fresh.len() - 1]
    );
    println!("\nworst p99 of a year's report: {worst_p99:.1} ms (target 500 ms)");
    export(&runtime, &srv, &key, today);
    drop(srv);
    let _ = std::fs::remove_dir_all(&dir);
}
