//! The warehouse side over HTTP: receipts by scan (by RMA or tracking
//! number, by SKU or item), dispositions by the brand's rules and by hand,
//! the inventory ledger, catalogue stock, the `inventory.adjusted` webhook,
//! idempotent retries and concurrent scanners.

use std::time::Duration;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::both;
use crate::catalogue::{tshirt, upsert};
use crate::fixtures::days_ago;
use crate::helpers::{TestApp, assert_problem};
use crate::returns_fixtures::{act, created, shop, tokens};
use crate::webhook_receiver::Receiver;

fn dev(c: &mut returns_api::config::Config) {
    c.webhooks.webhook_allow_private = true;
    c.webhooks.webhook_retry_schedule =
        returns_api::config::parse_durations("100ms,200ms").unwrap();
    c.webhooks.webhook_timeout_ms = 1000;
}

/// Order `2002`: two white T-shirts M (in the catalogue) and a cap (not),
/// delivered three days ago.
fn two_skus() -> Value {
    json!({
        "number": "2002", "placed_at": days_ago(6), "currency": "EUR",
        "customer": { "email": "ana@example.com" },
        "shipping_address": { "line1": "Stationsplein 1", "city": "Amsterdam", "postal_code": "1012 AB", "country": "NL" },
        "lines": [
            { "id": "L1", "sku": "TSHIRT-M", "name": "T-shirt M", "quantity": 2, "unit_price": { "amount": 1999, "currency": "EUR" } },
            { "id": "L2", "sku": "CAP", "name": "Cap", "quantity": 1, "unit_price": { "amount": 1500, "currency": "EUR" } }
        ],
        "shipments": [ { "tracking_number": "T-2002", "carrier": "postnl", "status": "delivered",
                         "shipped_at": days_ago(5), "delivered_at": days_ago(3),
                         "lines": [ { "line_id": "L1", "quantity": 2 }, { "line_id": "L2", "quantity": 1 } ] } ]
    })
}

/// Brand `acme` with the T-shirt catalogue and an approved return of both
/// T-shirts and the cap; the merchant key and the return.
pub async fn approved_return(app: &TestApp) -> (String, Value) {
    let s = shop(app, 1).await;
    assert_eq!(
        upsert(app, &s.key, &tshirt()).await.status(),
        StatusCode::CREATED
    );
    let res = app
        .post("/v1/brands/acme/orders", Some(&s.key), &two_skus())
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let (access, _) = tokens(app, "2002").await;
    let ret = created(
        app,
        &access,
        &json!({
            "items": [
                { "order_line_id": "L1", "quantity": 2, "reason_code": "too_small" },
                { "order_line_id": "L2", "quantity": 1, "reason_code": "too_small" }
            ],
            "return_method": { "type": "drop_off", "carrier": "postnl" },
            "resolution": { "type": "refund" }
        }),
    )
    .await;
    assert_eq!(ret["status"], "approved");
    (s.key, ret)
}

pub async fn scan(app: &TestApp, key: &str, idem: Option<&str>, body: &Value) -> reqwest::Response {
    let mut req = app
        .request(Method::POST, "/v1/brands/acme/receipts", Some(key))
        .json(body);
    if let Some(k) = idem {
        req = req.header("Idempotency-Key", k);
    }
    req.send().await.unwrap()
}

pub async fn json_of(res: reqwest::Response, status: StatusCode) -> Value {
    let got = res.status();
    let text = res.text().await.unwrap();
    assert_eq!(got, status, "{text}");
    serde_json::from_str(&text).unwrap()
}

async fn available(app: &TestApp, key: &str, sku: &str) -> i64 {
    let product: Value = json_of(
        app.get("/v1/brands/acme/products/tshirt", Some(key)).await,
        StatusCode::OK,
    )
    .await;
    product["variants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["sku"] == sku)
        .unwrap()["available"]
        .as_i64()
        .unwrap()
}

async fn ledger(app: &TestApp, key: &str, query: &str) -> Value {
    json_of(
        app.get(
            &format!("/v1/brands/acme/inventory-movements{query}"),
            Some(key),
        )
        .await,
        StatusCode::OK,
    )
    .await
}

fn dispositions(receipt: &Value) -> Vec<(String, String)> {
    receipt["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            (
                u["sku"].as_str().unwrap().to_string(),
                u["disposition"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

both!(
    config = dev,
    async fn a_scan_gives_each_unit_its_disposition_and_moves_ledger_stock_and_webhook_once(app) {
        let (key, ret) = approved_return(&app).await;
        let receiver = Receiver::start(vec![]).await;
        let res = app
            .post(
                "/v1/brands/acme/webhook-endpoints",
                Some(&key),
                &json!({ "url": receiver.url, "event_types": ["inventory.adjusted"] }),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let before = available(&app, &key, "TSHIRT-M").await;
        let body = json!({
            "reference": ret["rma_number"].as_str().unwrap().to_lowercase(),
            "location": "AMS-1",
            "items": [
                { "sku": "TSHIRT-M", "quantity": 2, "damaged_quantity": 1, "condition_code": "used" },
                { "sku": "CAP", "quantity": 1, "condition_code": "unopened" }
            ]
        });
        let receipt = json_of(scan(&app, &key, Some("scan-1"), &body).await, StatusCode::CREATED).await;
        assert_eq!(receipt["return_id"], ret["id"]);
        assert_eq!(receipt["return_status"], "received");
        assert_eq!(receipt["location"], "AMS-1");
        let mut got = dispositions(&receipt);
        got.sort();
        assert_eq!(
            got,
            vec![
                ("CAP".to_string(), "restock".to_string()),
                ("TSHIRT-M".to_string(), "quarantine".to_string()),
                ("TSHIRT-M".to_string(), "restock".to_string()),
            ]
        );
        let damaged = receipt["units"].as_array().unwrap().iter().find(|u| u["damaged"] == true).unwrap();
        assert_eq!(damaged["rule_id"], "damaged_to_quarantine");
        assert_eq!(damaged["disposition"], "quarantine");
        // Stock up by the restocked T-shirt only.
        assert_eq!(available(&app, &key, "TSHIRT-M").await, before + 1);
        // The ledger: one movement per SKU and disposition.
        let page = ledger(&app, &key, "").await;
        let moves = page["data"].as_array().unwrap();
        assert_eq!(moves.len(), 3, "{page}");
        assert!(moves.iter().all(|m| m["receipt_id"] == receipt["id"] && m["location"] == "AMS-1"));
        let sequences: Vec<i64> = moves.iter().map(|m| m["sequence"].as_i64().unwrap()).collect();
        assert_eq!(sequences, vec![1, 2, 3]);
        // The same scan again with its key changes nothing.
        let again = scan(&app, &key, Some("scan-1"), &body).await;
        assert_eq!(again.headers()["idempotent-replayed"], "true");
        let again = json_of(again, StatusCode::CREATED).await;
        assert_eq!(again["id"], receipt["id"]);
        assert_eq!(available(&app, &key, "TSHIRT-M").await, before + 1);
        assert_eq!(ledger(&app, &key, "").await["data"].as_array().unwrap().len(), 3);
        // Nothing more is expected: another scan is refused, naming the item.
        let more = scan(&app, &key, Some("scan-2"), &json!({
            "reference": ret["rma_number"], "items": [ { "sku": "CAP", "quantity": 1 } ]
        })).await;
        let problem = assert_problem(more, StatusCode::CONFLICT, "invalid_transition").await;
        assert!(problem["detail"].is_string());
        // One webhook, carrying the receipt.
        receiver.wait_count(1, Duration::from_secs(20)).await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let hooks: Vec<_> = receiver.received().into_iter().filter(|r| r.event_type() == "inventory.adjusted").collect();
        assert_eq!(hooks.len(), 1, "{:?}", hooks.iter().map(|h| &h.body).collect::<Vec<_>>());
        let hook = &hooks[0];
        // The customer's timeline shows the arrival, not the warehouse's events.
        let (access, _) = tokens(&app, "2002").await;
        let mine = json_of(app.get(&format!("/v1/portal/acme/returns/{}", ret["id"].as_str().unwrap()), Some(&access)).await, StatusCode::OK).await;
        let steps: Vec<&str> = mine["timeline"].as_array().unwrap().iter().map(|e| e["type"].as_str().unwrap()).collect();
        assert!(steps.contains(&"return.received") && !steps.contains(&"inventory.adjusted"), "{steps:?}");
        assert_eq!(hook.json["data"]["id"], receipt["id"]);
        assert_eq!(hook.json["data"]["movements"].as_array().unwrap().len(), 3);
    }
);

both!(
    async fn more_units_than_approved_are_refused_naming_the_item_and_unexpected_units_are_recorded(app) {
        let (key, ret) = approved_return(&app).await;
        let rma = ret["rma_number"].as_str().unwrap();
        let over = scan(&app, &key, None, &json!({
            "reference": rma, "items": [ { "sku": "TSHIRT-M", "quantity": 3 } ]
        })).await;
        let problem = assert_problem(over, StatusCode::CONFLICT, "receipt_exceeds_approved").await;
        let item = ret["items"].as_array().unwrap().iter().find(|i| i["sku"] == "TSHIRT-M").unwrap();
        assert!(problem["errors"][0]["message"].as_str().unwrap().contains(item["id"].as_str().unwrap()), "{problem}");
        assert_eq!(problem["errors"][0]["field"], "items[0].quantity");
        // Nothing was written.
        assert!(ledger(&app, &key, "").await["data"].as_array().unwrap().is_empty());
        // By tracking number: one T-shirt and a stray pair of socks.
        let label_tracking = "T-NOPE";
        let missing = scan(&app, &key, None, &json!({
            "reference": label_tracking, "items": [ { "sku": "SOCKS", "quantity": 1 } ]
        })).await;
        assert_problem(missing, StatusCode::NOT_FOUND, "return_not_found").await;
        let receipt = json_of(scan(&app, &key, None, &json!({
            "reference": rma,
            "items": [ { "sku": "TSHIRT-M", "quantity": 1 }, { "sku": "SOCKS", "quantity": 2 } ]
        })).await, StatusCode::CREATED).await;
        assert_eq!(receipt["return_status"], "partially_received");
        let stray: Vec<&Value> = receipt["units"].as_array().unwrap().iter().filter(|u| u["unexpected"] == true).collect();
        assert_eq!(stray.len(), 2);
        assert!(stray.iter().all(|u| u["return_item_id"].is_null() && u["disposition"] == "quarantine" && u["rule_id"] == "unexpected_to_quarantine"));
        let socks = ledger(&app, &key, "").await;
        assert!(socks["data"].as_array().unwrap().iter().any(|m| m["sku"] == "SOCKS" && m["quantity"] == 2 && m["disposition"] == "quarantine"));
        // The receipt reads back, and lists by return.
        let id = receipt["id"].as_str().unwrap();
        let read = json_of(app.get(&format!("/v1/brands/acme/receipts/{id}"), Some(&key)).await, StatusCode::OK).await;
        assert_eq!(read["units"], receipt["units"]);
        let list = json_of(app.get(&format!("/v1/brands/acme/receipts?return_id={}", ret["id"].as_str().unwrap()), Some(&key)).await, StatusCode::OK).await;
        assert_eq!(list["data"].as_array().unwrap().len(), 1);
        // Another brand sees none of it.
        let other = app.brand_with_key("other").await;
        let res = app.get(&format!("/v1/brands/acme/receipts/{id}"), Some(&other)).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        let res = app.request(Method::POST, "/v1/brands/other/receipts", Some(&other))
            .json(&json!({ "reference": rma, "items": [ { "sku": "CAP", "quantity": 1 } ] }))
            .send().await.unwrap();
        assert_problem(res, StatusCode::NOT_FOUND, "return_not_found").await;
    }
);

both!(
    async fn rules_decide_by_reason_tag_and_value_and_an_override_moves_ledger_and_stock(app) {
        let (key, ret) = approved_return(&app).await;
        let mut settings = app.settings("acme", &key).await;
        settings["disposition_rules"] = json!([
            { "id": "cheap_caps", "when": { "max_unit_value": 1500, "reason_codes": ["too_small"] }, "then": { "disposition": "dispose" } },
            { "id": "tees", "when": { "product_tags": ["basics"] }, "then": { "disposition": "refurbish" } }
        ]);
        settings["default_disposition"] = json!({ "disposition": "restock", "grade": "a" });
        app.put_settings("acme", &key, &settings).await;
        let mut product = tshirt();
        product["tags"] = json!(["basics"]);
        assert_eq!(upsert(&app, &key, &product).await.status(), StatusCode::OK);
        let before = available(&app, &key, "TSHIRT-M").await;
        let items = ret["items"].as_array().unwrap();
        let tee = items.iter().find(|i| i["sku"] == "TSHIRT-M").unwrap()["id"].clone();
        let receipt = json_of(scan(&app, &key, None, &json!({
            "reference": ret["rma_number"],
            "items": [ { "return_item_id": tee, "quantity": 2 }, { "sku": "CAP", "quantity": 1 } ]
        })).await, StatusCode::CREATED).await;
        let units = receipt["units"].as_array().unwrap();
        let by_sku = |sku: &str| units.iter().filter(|u| u["sku"] == sku).collect::<Vec<_>>();
        assert!(by_sku("TSHIRT-M").iter().all(|u| u["disposition"] == "refurbish" && u["rule_id"] == "tees"));
        assert_eq!(by_sku("CAP")[0]["disposition"], "dispose");
        assert_eq!(by_sku("CAP")[0]["rule_id"], "cheap_caps");
        assert_eq!(available(&app, &key, "TSHIRT-M").await, before);
        // The merchant restocks one T-shirt as grade b: stock follows.
        let unit = by_sku("TSHIRT-M")[0]["id"].as_str().unwrap().to_string();
        let path = format!("/v1/brands/acme/receipts/{}/units/{unit}", receipt["id"].as_str().unwrap());
        let patch = |body: Value| app.request(Method::PATCH, &path, Some(&key)).json(&body).send();
        let changed = json_of(patch(json!({ "disposition": "restock", "grade": "b" })).await.unwrap(), StatusCode::OK).await;
        let u = changed["units"].as_array().unwrap().iter().find(|u| u["id"] == unit.as_str()).unwrap();
        assert_eq!((u["disposition"].as_str(), u["grade"].as_str()), (Some("restock"), Some("b")));
        assert!(u["overridden_by"].as_str().unwrap().starts_with("merchant:"));
        assert_eq!(available(&app, &key, "TSHIRT-M").await, before + 1);
        // The same again changes nothing.
        patch(json!({ "disposition": "restock", "grade": "b" })).await.unwrap();
        assert_eq!(available(&app, &key, "TSHIRT-M").await, before + 1);
        let moves = ledger(&app, &key, "").await;
        let reclassified: Vec<&Value> = moves["data"].as_array().unwrap().iter().filter(|m| m["kind"] == "reclassified").collect();
        assert_eq!(reclassified.len(), 2);
        assert_eq!((reclassified[0]["quantity"].as_i64(), reclassified[0]["disposition"].as_str()), (Some(-1), Some("refurbish")));
        assert_eq!((reclassified[1]["quantity"].as_i64(), reclassified[1]["disposition"].as_str()), (Some(1), Some("restock")));
        // Recorded as an event of the return.
        let trail = json_of(app.get(&format!("/v1/brands/acme/returns/{}/events", ret["id"].as_str().unwrap()), Some(&key)).await, StatusCode::OK).await;
        let types: Vec<&str> = trail["data"].as_array().unwrap().iter().map(|e| e["type"].as_str().unwrap()).collect();
        assert!(types.contains(&"receipt.unit_overridden"), "{types:?}");
        // A grade that is not a code is refused; an unknown unit is 404.
        let bad = patch(json!({ "disposition": "refurbish", "grade": "Grade B" })).await.unwrap();
        assert_problem(bad, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        let res = app.request(Method::PATCH, &format!("/v1/brands/acme/receipts/{}/units/rcu_x", receipt["id"].as_str().unwrap()), Some(&key))
            .json(&json!({ "disposition": "dispose" })).send().await.unwrap();
        assert_problem(res, StatusCode::NOT_FOUND, "unit_not_found").await;
        // Resuming the ledger after its last movement gives nothing new.
        let cursor = moves["next_cursor"].as_str().unwrap();
        let rest = ledger(&app, &key, &format!("?cursor={cursor}")).await;
        assert!(rest["data"].as_array().unwrap().is_empty());
        assert_eq!(rest["next_cursor"], moves["next_cursor"]);
    }
);

both!(
    async fn two_scanners_receiving_one_return_at_once_never_exceed_what_was_approved(app) {
        let (key, ret) = approved_return(&app).await;
        let before = available(&app, &key, "TSHIRT-M").await;
        // One unit per scan, six scans on two nodes, two units approved.
        let body = json!({ "reference": ret["rma_number"], "items": [ { "sku": "TSHIRT-M", "quantity": 1 } ] });
        let other = app.another_node().await;
        let attempts = (0..6).map(|i| {
            let node = if i % 2 == 0 { &app } else { &other };
            let (key, body) = (&key, &body);
            async move { scan(node, key, None, body).await.status() }
        });
        let statuses = futures_util::future::join_all(attempts).await;
        let ok = statuses.iter().filter(|s| **s == StatusCode::CREATED).count();
        assert_eq!(ok, 2, "{statuses:?}");
        assert!(statuses.iter().all(|s| *s == StatusCode::CREATED || *s == StatusCode::CONFLICT), "{statuses:?}");
        assert_eq!(available(&app, &key, "TSHIRT-M").await, before + 2);
        let read = json_of(app.get(&format!("/v1/brands/acme/returns/{}", ret["id"].as_str().unwrap()), Some(&key)).await, StatusCode::OK).await;
        let tee = read["items"].as_array().unwrap().iter().find(|i| i["sku"] == "TSHIRT-M").unwrap().clone();
        assert_eq!(tee["received_quantity"], 2, "{tee}");
    }
);

both!(
    async fn receive_is_a_receipt_too_and_retries_with_its_key_count_once(app) {
        let (key, ret) = approved_return(&app).await;
        let id = ret["id"].as_str().unwrap();
        let tee = ret["items"].as_array().unwrap().iter().find(|i| i["sku"] == "TSHIRT-M").unwrap()["id"].clone();
        let body = json!({ "items": [ { "return_item_id": tee, "quantity": 1 } ] });
        let send = || app.request(Method::POST, &format!("/v1/brands/acme/returns/{id}/receive"), Some(&key))
            .header("Idempotency-Key", "rcv-1").json(&body).send();
        let first = json_of(send().await.unwrap(), StatusCode::OK).await;
        let again = send().await.unwrap();
        assert_eq!(again.headers()["idempotent-replayed"], "true");
        let again = json_of(again, StatusCode::OK).await;
        assert_eq!(first, again);
        let read = json_of(app.get(&format!("/v1/brands/acme/returns/{id}"), Some(&key)).await, StatusCode::OK).await;
        let item = read["items"].as_array().unwrap().iter().find(|i| i["id"] == tee).unwrap().clone();
        assert_eq!(item["received_quantity"], 1);
        let receipts = json_of(app.get(&format!("/v1/brands/acme/receipts?return_id={id}"), Some(&key)).await, StatusCode::OK).await;
        assert_eq!(receipts["data"].as_array().unwrap().len(), 1);
        assert_eq!(receipts["data"][0]["units"][0]["disposition"], "restock");
        // Without a key the old rules stand: more than approved is 422.
        let over = act(&app, &key, id, "receive", Some(json!({ "items": [ { "return_item_id": tee, "quantity": 5 } ] }))).await;
        assert_problem(over, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    }
);

both!(
    async fn received_units_and_the_ledger_export_as_csv(app) {
        let (key, ret) = approved_return(&app).await;
        json_of(scan(&app, &key, None, &json!({
            "reference": ret["rma_number"], "location": "=cmd",
            "items": [ { "sku": "TSHIRT-M", "quantity": 2, "damaged_quantity": 1 } ]
        })).await, StatusCode::CREATED).await;
        let csv_of = |path: &'static str| {
            let key = key.clone();
            let app = &app;
            async move {
                let res = app.get(path, Some(&key)).await;
                assert_eq!(res.status(), StatusCode::OK);
                assert_eq!(res.headers()["content-type"], "text/csv; charset=utf-8");
                assert!(res.headers()["content-disposition"].to_str().unwrap().starts_with("attachment; filename="));
                let body = res.text().await.unwrap();
                let mut reader = csv::Reader::from_reader(body.as_bytes());
                let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
                let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
                (header, rows)
            }
        };
        let (header, rows) = csv_of("/v1/brands/acme/receipts/export").await;
        assert_eq!(rows.len(), 2, "one row per unit");
        let col = |name: &str| header.iter().position(|h| h == name).unwrap();
        assert_eq!(&rows[0][col("location")], "'=cmd");
        let mut got: Vec<&str> = rows.iter().map(|r| &r[col("disposition")]).collect();
        got.sort();
        assert_eq!(got, vec!["quarantine", "restock"]);
        let (header, rows) = csv_of("/v1/brands/acme/inventory-movements/export").await;
        let col = |name: &str| header.iter().position(|h| h == name).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(&rows[0][col("sequence")], "1");
        assert_eq!(&rows[0][col("quantity")], "1");
        // Since a time after everything: the header alone.
        let (_, rows) = csv_of("/v1/brands/acme/inventory-movements/export?since=2999-01-01T00:00:00Z").await;
        assert!(rows.is_empty());
        let other = app.brand_with_key("other").await;
        let res = app.get("/v1/brands/acme/receipts/export", Some(&other)).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
    }
);
