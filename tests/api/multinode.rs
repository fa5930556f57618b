//! Three nodes on one PostgreSQL, each with its own empty data directory,
//! behave as one service: any node serves what another wrote, labels are
//! made once across nodes, a killed node's jobs are finished by the others,
//! and service-point imports and signing-key rotations reach every node.
//! PostgreSQL only (the scale-out backend): skipped without
//! `TEST_DATABASE_URL`, failed when `REQUIRE_POSTGRES` is set and it is missing.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use base64::Engine;
use reqwest::StatusCode;
use returns_api::config::Config;
use serde_json::{Value, json};

use crate::carrier_server::FakeCarrier;
use crate::helpers::TestApp;
use crate::labels::ready_events;
use crate::returns_fixtures::{created, shop, tokens, wait_label};
use crate::service_points::{import, point};

/// Three nodes on one fresh PostgreSQL database; `a` is the first.
struct Nodes {
    a: TestApp,
    b: TestApp,
    c: TestApp,
    _dirs: Vec<tempfile::TempDir>,
}

impl Nodes {
    fn all(&self) -> [&TestApp; 3] {
        [&self.a, &self.b, &self.c]
    }
}

/// Starts three nodes, each configured by `tweak` with an empty data
/// directory of its own; `None` without PostgreSQL.
async fn nodes(tweak: impl Fn(&mut Config) + Clone) -> Option<Nodes> {
    let dirs: Vec<_> = (0..3).map(|_| tempfile::tempdir().unwrap()).collect();
    let own = |i: usize| {
        let (data, tweak) = (dirs[i].path().to_path_buf(), tweak.clone());
        move |c: &mut Config| {
            c.data_dir = data;
            tweak(c);
        }
    };
    let a = TestApp::spawn_postgres_with(own(0)).await?;
    let b = a.node_with(own(1)).await;
    let c = a.node_with(own(2)).await;
    for node in [&a, &b, &c] {
        assert_eq!(node.state.storage.kind(), "database");
    }
    Some(Nodes {
        a,
        b,
        c,
        _dirs: dirs,
    })
}

/// `url` (handed out by `from`) addressed to `to`.
fn on(url: &str, from: &TestApp, to: &TestApp) -> String {
    url.replace(&from.address, &to.address)
}

/// Labels by status.
async fn label_statuses(app: &TestApp) -> HashMap<String, usize> {
    let rows: Vec<String> = app
        .db
        .read(|conn| {
            use diesel::prelude::*;
            use returns_api::db::schema::labels::dsl::*;
            Ok(labels.select(status).load(conn)?)
        })
        .await
        .unwrap();
    let mut by_status = HashMap::new();
    for s in rows {
        *by_status.entry(s).or_default() += 1;
    }
    by_status
}

async fn wait_ready(app: &TestApp, expected: usize, limit: Duration) {
    let started = Instant::now();
    loop {
        let statuses = label_statuses(app).await;
        if statuses.get("ready") == Some(&expected) {
            return;
        }
        assert!(
            started.elapsed() < limit,
            "labels not all ready: {statuses:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn drop_off(carrier: &str) -> Value {
    json!({
        "items": [ { "order_line_id": "L1", "quantity": 1, "reason_code": "too_small" } ],
        "return_method": { "type": "drop_off", "carrier": carrier }, "resolution": { "type": "refund" } })
}

async fn search(app: &TestApp, sp_token: &str) -> Value {
    let res = app
        .get(
            "/v1/portal/acme/service-points?country=NL&latitude=52.3791&longitude=4.9003",
            Some(sp_token),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

#[tokio::test]
async fn a_return_looked_up_on_one_node_searched_on_another_and_created_on_a_third_has_its_label_downloaded_from_the_first()
 {
    let Some(n) = nodes(|_| {}).await else { return };
    shop(&n.a, 1).await;
    assert_eq!(
        import(&n.a, &[point("postnl", "SP1", 200.0, false)], false)
            .await
            .status(),
        StatusCode::OK
    );
    // Lookup on A.
    let (access, sp) = tokens(&n.a, "1001").await;
    // Service points on B (once its index has the import).
    let started = Instant::now();
    let found = loop {
        let body = search(&n.b, &sp).await;
        if let Some(first) = body["data"].as_array().unwrap().first() {
            break first.clone();
        }
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "node B never saw the import"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    // Created on C, at B's point.
    let r = created(&n.c, &access, &json!({
        "items": [ { "order_line_id": "L1", "quantity": 1, "reason_code": "too_small" } ],
        "return_method": { "type": "drop_off", "carrier": "postnl", "service_point_id": found["id"] },
        "resolution": { "type": "refund" } })).await;
    assert_eq!(r["status"], "approved");
    // Polled and downloaded from A.
    let poll = on(
        r["shipments"][0]["label"]["poll_url"].as_str().unwrap(),
        &n.c,
        &n.a,
    );
    let res = wait_label(&n.a, &poll).await;
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.unwrap();
    let download = on(body["download_url"].as_str().unwrap(), &n.c, &n.a);
    assert!(download.starts_with(&n.a.address));
    let res = n.a.client.get(&download).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let pdf = res.bytes().await.unwrap();
    assert_eq!(
        returns_api::labels::inspect::code128_in_pdf(&pdf).as_deref(),
        body["tracking_number"].as_str()
    );
}

#[tokio::test]
async fn three_hundred_returns_created_round_robin_get_each_label_made_exactly_once() {
    const RETURNS: usize = 300;
    let fake = FakeCarrier::start(vec![], 5).await;
    let carrier = fake.config("dhl", 5000);
    let Some(n) = nodes(move |c| {
        c.carriers = vec![carrier.clone()];
        c.job_concurrency = 8;
    })
    .await
    else {
        return;
    };
    let s = shop(&n.a, RETURNS as u32).await;
    let started = Instant::now();
    // One client per node, each creating its share at the same time.
    let per_node = n.all().map(|node| {
        let access = s.access.clone();
        async move {
            for _ in 0..RETURNS / 3 {
                created(node, &access, &drop_off("dhl")).await;
            }
        }
    });
    let [x, y, z] = per_node;
    tokio::join!(x, y, z);
    wait_ready(&n.a, RETURNS, Duration::from_secs(40)).await;
    let mut per_label: HashMap<String, usize> = HashMap::new();
    for call in fake.calls() {
        *per_label.entry(call.reference).or_default() += 1;
    }
    assert_eq!(per_label.len(), RETURNS, "one carrier label per return");
    let twice: Vec<_> = per_label.iter().filter(|(_, n)| **n > 1).collect();
    assert!(
        twice.is_empty(),
        "labels requested more than once: {twice:?}"
    );
    assert_eq!(
        ready_events(&n.a).await,
        RETURNS,
        "one label.ready per label"
    );
    eprintln!(
        "{RETURNS} returns and labels on three nodes in {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn jobs_leased_by_a_killed_node_are_finished_by_the_others_after_the_lease() {
    const RETURNS: usize = 8;
    let fake = FakeCarrier::start(vec![], 0).await;
    let carrier = fake.config("dhl", 60_000);
    // A serves HTTP only, so the worker process is the one holding every job.
    let Some(a) = TestApp::spawn_postgres_with(|c| {
        c.disable_jobs = true;
        c.job_lease_secs = 2;
    })
    .await
    else {
        return;
    };
    let s = shop(&a, RETURNS as u32).await;
    fake.set_delay(60_000);
    let carrier_file = a.dir.path().join("carriers.json");
    std::fs::write(&carrier_file, serde_json::to_string(&json!([{ "carrier": "dhl", "base_url": fake.url, "token": "t", "timeout_ms": 60_000 }])).unwrap()).unwrap();
    let worker_data = tempfile::tempdir().unwrap();
    let mut worker = a.start_binary(&[
        ("CARRIER_CONFIG", carrier_file.to_str().unwrap()),
        ("JOB_CONCURRENCY", "16"),
        ("JOB_LEASE_SECS", "2"),
        ("DATA_DIR", worker_data.path().to_str().unwrap()),
    ]);
    for _ in 0..RETURNS {
        created(&a, &s.access, &drop_off("dhl")).await;
    }
    // Every label is being asked of the carrier by the worker: kill it.
    let started = Instant::now();
    while fake.calls().len() < RETURNS {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the worker never took the jobs"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    worker.kill().expect("SIGKILL");
    worker.wait().unwrap();
    let killed = Instant::now();
    assert_eq!(label_statuses(&a).await.get("pending"), Some(&RETURNS));
    fake.set_delay(0);
    // Two more nodes, each with its own empty data directory, finish them.
    let dirs = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
    let mut others = Vec::new();
    for dir in &dirs {
        let (data, carrier) = (dir.path().to_path_buf(), carrier.clone());
        others.push(
            a.node_with(move |c| {
                c.data_dir = data;
                c.carriers = vec![carrier];
                c.job_lease_secs = 2;
            })
            .await,
        );
    }
    wait_ready(&a, RETURNS, Duration::from_secs(20)).await;
    assert!(killed.elapsed() < Duration::from_secs(20));
    let mut per_label: HashMap<String, usize> = HashMap::new();
    for call in fake.calls() {
        *per_label.entry(call.reference).or_default() += 1;
    }
    assert_eq!(per_label.len(), RETURNS);
    assert!(
        per_label.values().all(|n| *n == 2),
        "asked once by the killed node, once after: {per_label:?}"
    );
    assert_eq!(ready_events(&a).await, RETURNS, "one label.ready per label");
    // Their PDFs are served by every node.
    let r: Value = a
        .get("/v1/brands/acme/returns?limit=1", Some(&s.key))
        .await
        .json()
        .await
        .unwrap();
    let poll = r["data"][0]["shipments"][0]["label"]["poll_url"]
        .as_str()
        .unwrap()
        .to_string();
    for node in others.iter().chain([&a]) {
        let body: Value = wait_label(node, &on(&poll, &a, node))
            .await
            .json()
            .await
            .unwrap();
        let res = node
            .client
            .get(on(body["download_url"].as_str().unwrap(), &a, node))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
    }
}

#[tokio::test]
async fn a_service_point_import_on_one_node_is_served_by_the_others_within_the_refresh_interval() {
    let Some(n) = nodes(|c| c.service_point_refresh_ms = 500).await else {
        return;
    };
    let s = shop(&n.a, 1).await;
    for node in [&n.b, &n.c] {
        assert!(
            search(node, &s.sp).await["data"]
                .as_array()
                .unwrap()
                .is_empty()
        );
    }
    assert_eq!(
        import(&n.a, &[point("postnl", "NEW1", 100.0, false)], false)
            .await
            .status(),
        StatusCode::OK
    );
    let imported = Instant::now();
    let limit = Duration::from_millis(500 + 1000);
    for node in [&n.b, &n.c] {
        loop {
            let data = search(node, &s.sp).await["data"].clone();
            if data.as_array().unwrap().len() == 1 {
                assert_eq!(data[0]["code"], "NEW1");
                break;
            }
            assert!(
                imported.elapsed() < limit,
                "{} did not serve the import within {limit:?}",
                node.address
            );
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }
}

/// The `kid` in a token's header.
fn kid(token: &str) -> String {
    let header = token.split('.').next().unwrap();
    let json: Value = serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(header)
            .unwrap(),
    )
    .unwrap();
    json["kid"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn a_signing_key_rotation_on_one_node_is_honoured_by_every_node() {
    let Some(n) = nodes(|_| {}).await else { return };
    let s = shop(&n.a, 1).await;
    let old = s.sp.clone();
    // Rotate with the command line of one node's host.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_returns-api"))
        .args(["signing-keys", "rotate"])
        .env("DATABASE_URL", &n.a.database_url)
        .env("SECRETS_KEY", &n.a.secrets_key)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A node started after it signs with the new key…
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_path_buf();
    let d = n.a.node_with(move |c| c.data_dir = data).await;
    let (_, new) = tokens(&d, "1001").await;
    assert_ne!(kid(&new), kid(&old), "signed with the new key");
    // …and every node accepts tokens of both keys.
    for node in n.all().into_iter().chain([&d]) {
        for token in [&old, &new] {
            let res = node
                .get(
                    "/v1/portal/acme/service-points?country=NL&latitude=52.3791&longitude=4.9003",
                    Some(token),
                )
                .await;
            assert_eq!(
                res.status(),
                StatusCode::OK,
                "{} refused a token of key {}",
                node.address,
                kid(token)
            );
        }
    }
}

/// Runs `sql` on the app's own database.
async fn sql(app: &TestApp, sql: &'static str) {
    use diesel::RunQueryDsl;
    app.db
        .write(move |conn| {
            diesel::sql_query(sql)
                .execute(conn)
                .map_err(returns_api::error::ApiError::internal)
        })
        .await
        .unwrap();
}

#[tokio::test]
async fn vendor_deadlines_act_exactly_once_across_three_nodes_with_one_killed_mid_job() {
    use crate::vendor_returns::{market, ok_json, three_parts};
    const RETURNS: usize = 10;
    let Some(a) = TestApp::spawn_postgres_with(|c| c.disable_jobs = true).await else {
        return;
    };
    let m = market(&a, RETURNS as u32).await;
    for (vendor, rule) in [("nordic-knits", "approve"), ("alpine-gear", "reject")] {
        let res = a
            .request(
                reqwest::Method::PATCH,
                &format!("/v1/brands/acme/vendors/{vendor}"),
                Some(&m.key),
            )
            .json(&json!({ "on_timeout": rule }))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
    }
    let mut ids = Vec::new();
    for _ in 0..RETURNS {
        let ret = created(&a, &m.access, &three_parts(1)).await;
        let id = ret["id"].as_str().unwrap().to_string();
        ok_json(crate::returns_fixtures::act(&a, &m.key, &id, "approve", None).await).await;
        ids.push(id);
    }
    // Every vendor part's deadline passed long ago: the nodes' own clocks
    // find all twenty deadline jobs due at once.
    sql(&a, "UPDATE return_shipments SET vendor_due_at = '2026-01-01 00:00:00' WHERE vendor_due_at IS NOT NULL").await;
    sql(
        &a,
        "UPDATE outbox SET run_at = '2026-01-01 00:00:00', \
             payload = jsonb_set(payload::jsonb, '{due_at}', '\"2026-01-01T00:00:00Z\"')::text \
             WHERE kind = 'vendor.deadline'",
    )
    .await;
    let overdue = || async {
        use diesel::prelude::*;
        use returns_api::db::schema::return_events;
        a.db.read(|conn| {
            return_events::table
                .filter(return_events::event_type.eq("return_part.overdue"))
                .count()
                .get_result::<i64>(conn)
                .map_err(returns_api::error::ApiError::internal)
        })
        .await
        .unwrap()
    };
    let dirs: Vec<_> = (0..3).map(|_| tempfile::tempdir().unwrap()).collect();
    let node = |i: usize| {
        a.start_binary(&[
            ("DATA_DIR", dirs[i].path().to_str().unwrap()),
            ("JOB_CONCURRENCY", "2"),
        ])
    };
    // The first node starts alone and is killed as soon as it has acted on
    // a deadline: others of its jobs are held under its lease.
    let mut first = node(0);
    let started = Instant::now();
    while overdue().await == 0 {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "no deadline acted"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    first.kill().expect("SIGKILL");
    first.wait().unwrap();
    let acted = overdue().await;
    let mut rest = vec![node(1), node(2)];
    let started = Instant::now();
    while overdue().await < 2 * RETURNS as i64 {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the other nodes did not finish"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tokio::time::sleep(Duration::from_secs(3)).await;
    for mut n in rest.drain(..) {
        n.kill().unwrap();
        n.wait().unwrap();
    }
    assert!(
        acted < 2 * RETURNS as i64,
        "the killed node left work: {acted}"
    );
    assert_eq!(
        overdue().await,
        2 * RETURNS as i64,
        "one overdue event per part"
    );
    for id in &ids {
        let events: Value = a
            .get(
                &format!("/v1/brands/acme/returns/{id}/events"),
                Some(&m.key),
            )
            .await
            .json()
            .await
            .unwrap();
        let types: Vec<&str> = events["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["type"].as_str().unwrap())
            .collect();
        for (event, n) in [
            ("return_part.overdue", 2),
            ("return.vendor_approved", 1),
            ("return.vendor_rejected", 1),
        ] {
            assert_eq!(
                types.iter().filter(|t| **t == event).count(),
                n,
                "{id}: {types:?}"
            );
        }
        let view: Value = a
            .get(&format!("/v1/brands/acme/returns/{id}"), Some(&m.key))
            .await
            .json()
            .await
            .unwrap();
        let statuses: Vec<(&str, &str)> = view["shipments"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|s| Some((s["vendor"]["id"].as_str()?, s["status"].as_str()?)))
            .collect();
        assert!(
            statuses.contains(&("nordic-knits", "approved")),
            "{statuses:?}"
        );
        assert!(
            statuses.contains(&("alpine-gear", "rejected")),
            "{statuses:?}"
        );
    }
}

#[tokio::test]
async fn fifty_exchanges_on_three_nodes_reserve_exactly_the_three_units_in_stock() {
    let Some(n) = nodes(|_| {}).await else {
        return;
    };
    crate::exchanges::fifty_exchanges_for_three_units(&n.all()).await;
}
