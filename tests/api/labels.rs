//! Labels: produced by the worker, polled, downloaded, scanned back; carrier
//! adapters over real HTTP; many workers and crashes never make two labels.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::both;
use crate::carrier_server::{Answer, FakeCarrier};
use crate::forge::{sign, signing_key};
use crate::helpers::{TestApp, assert_problem};
use crate::returns_fixtures::{act, created, request, shop, wait_label};

fn with_carrier(carrier: &str) -> Value {
    json!({
        "items": [ { "order_line_id": "L1", "quantity": 1, "reason_code": "too_small" } ],
        "return_method": { "type": "drop_off", "carrier": carrier }, "resolution": { "type": "refund" } })
}

async fn ready(app: &TestApp, r: &Value) -> Value {
    let url = r["shipments"][0]["label"]["poll_url"].as_str().unwrap();
    let res = wait_label(app, url).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

fn check_pdf(pdf: &[u8], tracking: &str, rma: &str) {
    let doc = lopdf::Document::load_mem(pdf).expect("a PDF lopdf can parse");
    assert_eq!(doc.get_pages().len(), 1);
    let text = String::from_utf8_lossy(pdf);
    assert!(text.contains(tracking), "tracking number printed");
    assert!(text.contains(rma), "RMA printed");
    assert_eq!(
        returns_api::labels::inspect::code128_in_pdf(pdf).as_deref(),
        Some(tracking),
        "barcode decodes to the tracking number"
    );
}

both!(
    async fn an_auto_approved_return_gets_a_printable_label(app) {
        let s = shop(&app, 2).await;
        let r = created(&app, &s.access, &request(1, "too_small")).await;
        let poll = r["shipments"][0]["label"]["poll_url"].as_str().unwrap().to_string();
        let first = app.client.get(&poll).send().await.unwrap();
        assert!(matches!(first.status().as_u16(), 200 | 202));
        let body = ready(&app, &r).await;
        assert_eq!(body["status"], "ready");
        assert_eq!(body["carrier"], "postnl");
        let tracking = body["tracking_number"].as_str().unwrap();
        let res = app.client.get(body["download_url"].as_str().unwrap()).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()["content-type"], "application/pdf");
        let pdf = res.bytes().await.unwrap();
        check_pdf(&pdf, tracking, r["rma_number"].as_str().unwrap());
        assert!(pdf.len() <= 8192, "{} bytes", pdf.len());
        // A client that knows no PDF type asks for bytes and gets the same file.
        let res = app.client.get(body["download_url"].as_str().unwrap()).header("Accept", "application/octet-stream").send().await.unwrap();
        assert_eq!(res.headers()["content-type"], "application/octet-stream");
        assert_eq!(res.bytes().await.unwrap(), pdf);
        // The return now shows the tracking number and the download URL.
        let id = r["id"].as_str().unwrap();
        let view: Value = app.get(&format!("/v1/brands/acme/returns/{id}"), Some(&s.key)).await.json().await.unwrap();
        let label = &view["shipments"][0]["label"];
        assert_eq!((label["status"].as_str(), label["tracking_number"].as_str()), (Some("ready"), Some(tracking)));
        assert!(label["download_url"].is_string());
        let events: Value = app.get(&format!("/v1/brands/acme/returns/{id}/events"), Some(&s.key)).await.json().await.unwrap();
        assert_eq!(events["data"].as_array().unwrap().iter().filter(|e| e["type"] == "label.ready").count(), 1);
    }
);

both!(
    async fn merchant_approval_starts_the_label(app) {
        let s = shop(&app, 2).await;
        let r = created(&app, &s.access, &request(1, "other")).await;
        assert!(r["shipments"][0]["label"].is_null());
        let res = act(&app, &s.key, r["id"].as_str().unwrap(), "approve", None).await;
        let approved: Value = res.json().await.unwrap();
        assert_eq!(approved["shipments"][0]["label"]["status"], "pending");
        let body = ready(&app, &approved).await;
        assert!(body["tracking_number"].as_str().unwrap().starts_with("PORT"));
    }
);

both!(
    async fn a_label_less_return_gets_a_qr_code_that_scans_to_the_drop_off_code(app) {
        let s = shop(&app, 2).await;
        let r = created(&app, &s.access, &json!({
            "items": [ { "order_line_id": "L1", "quantity": 1, "reason_code": "too_small" } ],
            "return_method": { "type": "labelless" }, "resolution": { "type": "refund" } })).await;
        let body = ready(&app, &r).await;
        let code = body["dropoff_code"].as_str().unwrap().to_string();
        assert!(body.get("download_url").is_none());
        let res = app.client.get(body["qr_code_url"].as_str().unwrap()).send().await.unwrap();
        assert_eq!(res.headers()["content-type"], "image/png");
        let png = res.bytes().await.unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(png.to_vec()));
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        let (w, h) = (info.width as usize, info.height as usize);
        let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| buf[y * w + x]);
        let grids = img.detect_grids();
        assert_eq!(grids.len(), 1);
        let (_, content) = grids[0].decode().unwrap();
        assert_eq!(content, code);
        let res = app.client.get(body["qr_code_url"].as_str().unwrap()).header("Accept", "image/svg+xml").send().await.unwrap();
        assert_eq!(res.headers()["content-type"], "image/svg+xml");
        assert!(res.text().await.unwrap().contains("<svg"));
        let download = body["qr_code_url"].as_str().unwrap().replace("/qr?", "/download?");
        let res = app.client.get(&download).send().await.unwrap();
        assert_problem(res, StatusCode::NOT_FOUND, "no_pdf").await;
    }
);

both!(
    async fn label_urls_accept_only_their_own_fresh_token(app) {
        let s = shop(&app, 3).await;
        let a = created(&app, &s.access, &request(1, "too_small")).await;
        let b = created(&app, &s.access, &request(1, "too_small")).await;
        let url_a = a["shipments"][0]["label"]["poll_url"].as_str().unwrap();
        let url_b = b["shipments"][0]["label"]["poll_url"].as_str().unwrap();
        let (base_a, token_a) = url_a.split_once("?token=").unwrap();
        let (_, token_b) = url_b.split_once("?token=").unwrap();
        let get = |url: String| app.client.get(url).send();
        assert_problem(get(base_a.to_string()).await.unwrap(), StatusCode::UNAUTHORIZED, "invalid_token").await;
        assert_problem(get(format!("{base_a}?token=garbage")).await.unwrap(), StatusCode::UNAUTHORIZED, "invalid_token").await;
        assert_problem(get(format!("{base_a}?token={token_b}")).await.unwrap(), StatusCode::UNAUTHORIZED, "invalid_token").await;
        assert_problem(get(format!("{base_a}/download?token={token_b}")).await.unwrap(), StatusCode::UNAUTHORIZED, "invalid_token").await;
        let claims: Value = crate::forge::read(token_a);
        let (kid, secret) = signing_key(&app).await;
        let mut expired = claims.clone();
        expired["exp"] = json!(chrono::Utc::now().timestamp() - 10);
        assert_problem(get(format!("{base_a}?token={}", sign(&kid, &secret, &expired))).await.unwrap(), StatusCode::UNAUTHORIZED, "invalid_token").await;
        assert!(get(format!("{base_a}?token={token_a}")).await.unwrap().status().is_success());
    }
);

both!(
    config = |c: &mut returns_api::config::Config| c.disable_jobs = true,
    async fn the_http_carrier_produces_the_label_with_its_credentials(app) {
        let s = shop(&app, 2).await;
        let fake = FakeCarrier::start(vec![], 0).await;
        let _worker = app.node_with(|c| c.carriers = vec![fake.config("dhl", 2000)]).await;
        let r = created(&app, &s.access, &with_carrier("dhl")).await;
        let body = ready(&app, &r).await;
        assert_eq!(body["tracking_number"], "FAKE00000001");
        let calls = fake.calls();
        assert_eq!(calls.len(), 1);
        let label_id = r["shipments"][0]["label"]["id"].as_str().unwrap();
        assert_eq!(calls[0].reference, label_id);
        assert_eq!(calls[0].idempotency_key, label_id);
        assert_eq!(calls[0].authorization, "Bearer secret-carrier-token");
        assert_eq!(calls[0].body["rma_number"], r["rma_number"]);
        assert_eq!(calls[0].body["recipient"]["city"], "Amsterdam");
        assert_eq!(calls[0].body["sender"]["postal_code"], "1012 AB");
        let pdf = app.client.get(body["download_url"].as_str().unwrap()).send().await.unwrap().bytes().await.unwrap();
        check_pdf(&pdf, "FAKE00000001", r["rma_number"].as_str().unwrap());
    }
);

both!(
    config = |c: &mut returns_api::config::Config| c.disable_jobs = true,
    async fn a_carrier_timeout_or_5xx_is_retried_until_it_succeeds(app) {
        let s = shop(&app, 2).await;
        let fake = FakeCarrier::start(vec![Answer::Stall(1500), Answer::Status(503, "busy")], 0).await;
        let _worker = app.node_with(|c| c.carriers = vec![fake.config("dhl", 300)]).await;
        let r = created(&app, &s.access, &with_carrier("dhl")).await;
        let body = ready(&app, &r).await;
        assert_eq!(body["status"], "ready");
        let calls = fake.calls();
        assert_eq!(calls.len(), 3, "timeout, 503, success");
        assert!(calls.iter().all(|c| c.reference == calls[0].reference));
    }
);

both!(
    config = |c: &mut returns_api::config::Config| c.disable_jobs = true,
    async fn a_carrier_4xx_fails_the_label_for_good_with_the_carriers_reason(app) {
        let s = shop(&app, 2).await;
        let fake = FakeCarrier::start(vec![Answer::Status(422, "postal code unknown to carrier")], 0).await;
        let _worker = app.node_with(|c| c.carriers = vec![fake.config("dhl", 2000)]).await;
        let r = created(&app, &s.access, &with_carrier("dhl")).await;
        let res = wait_label(&app, r["shipments"][0]["label"]["poll_url"].as_str().unwrap()).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["status"], "failed");
        assert_eq!(body["code"], "label_failed");
        assert_eq!(body["detail"], "postal code unknown to carrier");
        assert_eq!(fake.calls().len(), 1, "no retry after a 4xx");
        let id = r["id"].as_str().unwrap();
        let events: Value = app.get(&format!("/v1/brands/acme/returns/{id}/events"), Some(&s.key)).await.json().await.unwrap();
        let failed = events["data"].as_array().unwrap().iter().find(|e| e["type"] == "label.failed").unwrap();
        assert_eq!(failed["details"]["reason"], "postal code unknown to carrier");
    }
);

async fn label_rows(
    app: &TestApp,
) -> Vec<(String, String, String, Option<String>, Option<String>)> {
    app.db
        .read(|conn| {
            use diesel::prelude::*;
            use returns_api::db::schema::labels::dsl::*;
            Ok(labels
                .select((id, shipment_id, status, tracking_number, file_path))
                .load(conn)?)
        })
        .await
        .unwrap()
}

pub async fn ready_events(app: &TestApp) -> usize {
    app.db
        .read(|conn| {
            use diesel::prelude::*;
            use returns_api::db::schema::return_events::dsl::*;
            let n: i64 = return_events
                .filter(event_type.eq("label.ready"))
                .count()
                .get_result(conn)?;
            Ok(n as usize)
        })
        .await
        .unwrap()
}

async fn wait_all_ready(app: &TestApp, expected: usize, limit: Duration) {
    let started = Instant::now();
    loop {
        let rows = label_rows(app).await;
        if rows.len() == expected && rows.iter().all(|r| r.2 == "ready") {
            return;
        }
        assert!(
            started.elapsed() < limit,
            "labels not ready: {:?}",
            rows.iter().filter(|r| r.2 != "ready").count()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

both!(
    config = |c: &mut returns_api::config::Config| c.disable_jobs = true,
    async fn two_workers_on_one_database_never_make_two_labels_for_a_shipment(app) {
        let s = shop(&app, 40).await;
        let fake = FakeCarrier::start(vec![], 20).await;
        let _b = app.node_with(|c| { c.carriers = vec![fake.config("dhl", 5000)]; c.job_concurrency = 8; }).await;
        let _c = app.node_with(|c| { c.carriers = vec![fake.config("dhl", 5000)]; c.job_concurrency = 8; }).await;
        for _ in 0..30 {
            created(&app, &s.access, &with_carrier("dhl")).await;
        }
        wait_all_ready(&app, 30, Duration::from_secs(60)).await;
        let mut per_label: HashMap<String, usize> = HashMap::new();
        for call in fake.calls() {
            *per_label.entry(call.reference).or_default() += 1;
        }
        assert_eq!(per_label.len(), 30);
        assert!(per_label.values().all(|n| *n == 1), "a label was requested twice: {per_label:?}");
        assert_eq!(ready_events(&app).await, 30);
    }
);

/// Runs the real binary with the fake carrier until killed.
fn start_binary(app: &TestApp, carrier_file: &std::path::Path) -> std::process::Child {
    app.start_binary(&[
        ("CARRIER_CONFIG", carrier_file.to_str().unwrap()),
        ("JOB_CONCURRENCY", "8"),
    ])
}

both!(
    config = |c: &mut returns_api::config::Config| c.disable_jobs = true,
    async fn killing_the_worker_mid_job_still_ends_with_exactly_one_label_per_shipment(app) {
        let s = shop(&app, 40).await;
        let fake = FakeCarrier::start(vec![], 300).await;
        let carrier_file = app.dir.path().join("carriers.json");
        std::fs::write(&carrier_file, serde_json::to_string(&json!([{ "carrier": "dhl", "base_url": fake.url, "token": "t", "timeout_ms": 5000 }])).unwrap()).unwrap();
        for _ in 0..40 {
            created(&app, &s.access, &with_carrier("dhl")).await;
        }
        // Kill the worker with SIGKILL while calls are in flight, several times.
        for round in 0..4 {
            let mut child = start_binary(&app, &carrier_file);
            let started = Instant::now();
            let calls_before = fake.calls().len();
            while fake.calls().len() == calls_before && started.elapsed() < Duration::from_secs(20) {
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            tokio::time::sleep(Duration::from_millis(100 + 60 * round)).await;
            child.kill().expect("SIGKILL");
            child.wait().unwrap();
        }
        let interrupted = label_rows(&app).await.iter().filter(|r| r.2 != "ready").count();
        assert!(interrupted > 0, "the kills must have interrupted work for this test to mean anything");
        // A last run finishes everything, reclaiming expired leases.
        let mut child = start_binary(&app, &carrier_file);
        wait_all_ready(&app, 40, Duration::from_secs(120)).await;
        child.kill().ok();
        child.wait().ok();
        let rows = label_rows(&app).await;
        let shipments: std::collections::HashSet<&String> = rows.iter().map(|r| &r.1).collect();
        assert_eq!(shipments.len(), 40, "one label per shipment");
        for (_, _, _, tracking, file) in &rows {
            let key = file.as_deref().expect("a file");
            let pdf = app.state.storage.get(key).await.expect("the file exists");
            assert_eq!(returns_api::labels::inspect::code128_in_pdf(&pdf).as_deref(), tracking.as_deref());
        }
        assert_eq!(ready_events(&app).await, 40, "one label.ready event per label");
    }
);

both!(
    async fn a_cancelled_labels_download_is_gone_like_its_poll(app) {
        let s = shop(&app, 2).await;
        let r = created(&app, &s.access, &request(1, "too_small")).await;
        let body = ready(&app, &r).await;
        let download = body["download_url"].as_str().unwrap().to_string();
        let id = r["id"].as_str().unwrap();
        let res = app.post(&format!("/v1/portal/acme/returns/{id}/cancel"), Some(&s.access), &json!({})).await;
        assert_eq!(res.status(), StatusCode::OK);
        let poll = app.client.get(r["shipments"][0]["label"]["poll_url"].as_str().unwrap()).send().await.unwrap();
        assert_eq!(poll.status(), StatusCode::GONE);
        let res = app.client.get(&download).send().await.unwrap();
        assert_problem(res, StatusCode::GONE, "label_cancelled").await;
    }
);
