//! Vendor webhooks over HTTP: a vendor key manages its own endpoints,
//! which hear, signed, of that vendor's parts only (the part as the vendor
//! API shows it), while the merchant's endpoints hear what they always
//! did; neither sees the other's endpoints.

use std::collections::BTreeSet;
use std::time::Duration;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::both;
use crate::helpers::{TestApp, assert_problem};
use crate::returns_fixtures::{act, created};
use crate::vendor_returns::{market, ok_json, part, three_parts, vendor_post};
use crate::webhook_receiver::{Received, Receiver};

fn dev(c: &mut returns_api::config::Config) {
    c.webhooks.webhook_allow_private = true;
    c.webhooks.webhook_retry_schedule =
        returns_api::config::parse_durations("100ms,200ms").unwrap();
    c.webhooks.webhook_timeout_ms = 1000;
}

const MERCHANT: &str = "/v1/brands/acme/webhook-endpoints";
const VENDOR: &str = "/v1/brands/acme/vendor/webhook-endpoints";

/// Registers an endpoint under `base` with `key`; its id and secret.
async fn register(app: &TestApp, base: &str, key: &str, url: &str) -> (String, String) {
    let res = app
        .post(
            base,
            Some(key),
            &json!({ "url": url, "description": "receiver" }),
        )
        .await;
    let status = res.status();
    let body = res.text().await.unwrap();
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let body: Value = serde_json::from_str(&body).unwrap();
    (
        body["id"].as_str().unwrap().to_string(),
        body["secret"].as_str().unwrap().to_string(),
    )
}

fn types(got: &[Received]) -> BTreeSet<String> {
    got.iter().map(|r| r.event_type().to_string()).collect()
}

fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|s| s.to_string()).collect()
}

async fn ids(app: &TestApp, base: &str, key: &str) -> Vec<String> {
    let list = ok_json(app.get(base, Some(key)).await).await;
    list["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect()
}

both!(
    config = dev,
    async fn a_vendor_endpoint_hears_signed_of_its_own_part_and_nothing_else(app) {
        let m = market(&app, 5).await;
        let merchant = Receiver::start(vec![]).await;
        let nordic = Receiver::start(vec![]).await;
        let alpine = Receiver::start(vec![]).await;
        let (_, merchant_secret) = register(&app, MERCHANT, &m.key, &merchant.url).await;
        let (_, nordic_secret) = register(&app, VENDOR, &m.nordic, &nordic.url).await;
        let (_, alpine_secret) = register(&app, VENDOR, &m.alpine, &alpine.url).await;

        let ret = created(&app, &m.access, &three_parts(1)).await;
        let id = ret["id"].as_str().unwrap().to_string();
        let approved = ok_json(act(&app, &m.key, &id, "approve", None).await).await;
        let nordic_part = part(&approved, Some("nordic-knits"))["id"].as_str().unwrap().to_string();
        let alpine_part = part(&approved, Some("alpine-gear"))["id"].as_str().unwrap().to_string();
        let a = ok_json(vendor_post(&app, &m.nordic, &id, "approve", json!({})).await).await;
        ok_json(vendor_post(&app, &m.alpine, &id, "reject",
            json!({ "reason_code": "worn_outdoors", "note": "The soles show wear." })).await).await;
        ok_json(act(&app, &m.key, &id, "in-transit", None).await).await;
        let item = a["items"][0]["id"].as_str().unwrap().to_string();
        ok_json(vendor_post(&app, &m.nordic, &id, "receive",
            json!({ "items": [ { "return_item_id": item, "quantity": 1 } ] })).await).await;
        ok_json(vendor_post(&app, &m.nordic, &id, "complete",
            json!({ "type": "refund", "amount": { "amount": 8900, "currency": "EUR" } })).await).await;

        let expected = set(&[
            "return_part.awaiting_vendor", "return.vendor_approved", "label.ready",
            "return_part.in_transit", "return_part.received", "return_part.completed",
        ]);
        nordic.wait_for(Duration::from_secs(20), |got| types(got).is_superset(&expected)).await;
        alpine
            .wait_for(Duration::from_secs(20), |got| {
                types(got).contains("return.vendor_rejected")
            })
            .await;
        merchant
            .wait_for(Duration::from_secs(20), |got| {
                types(got).contains("return_part.completed")
            })
            .await;
        // Anything late would show up now.
        tokio::time::sleep(Duration::from_millis(500)).await;

        // Vendor A: exactly its part's events, signed with its secret, the
        // part as the vendor API shows it; nothing of the customer or of
        // the other parts.
        let got = nordic.received();
        assert_eq!(types(&got), expected);
        for r in &got {
            assert!(r.verifies_with(&nordic_secret), "{}", r.body);
            assert!(!r.verifies_with(&merchant_secret));
            assert_eq!(r.json["id"], r.id.as_str());
            assert_eq!(r.json["data"]["part_id"], nordic_part.as_str());
            assert_eq!(r.json["data"]["return_id"], id.as_str());
            for foreign in ["ana@example.com", "Stationsplein", "TSHIRT", "BOOTS", "main-warehouse", "alpine-gear", "shipments"] {
                assert!(!r.body.contains(foreign), "vendor A hears of {foreign}: {}", r.body);
            }
        }
        // Each event shows the part as it was right after its change.
        let of = |t: &str| got.iter().find(|r| r.event_type() == t).unwrap().json["data"].clone();
        assert_eq!(of("return_part.awaiting_vendor")["status"], "awaiting_vendor");
        assert_eq!(of("return_part.awaiting_vendor")["label"], Value::Null);
        assert_eq!(of("return.vendor_approved")["status"], "approved");
        assert_eq!(of("return_part.received")["items"][0]["received_quantity"], 1);
        let last = got.iter().find(|r| r.event_type() == "return_part.completed").unwrap();
        let now = ok_json(app.get(&format!("/v1/brands/acme/vendor/returns/{id}"), Some(&m.nordic)).await).await;
        for field in ["return_id", "part_id", "rma_number", "order_number", "status", "items", "address",
                      "resolution", "resolution_given", "commission_reversal"] {
            assert_eq!(last.json["data"][field], now[field], "{field}");
        }
        assert_eq!(last.json["data"]["status"], "completed");

        // Vendor B: its own two events only.
        let got = alpine.received();
        assert_eq!(types(&got), set(&["return_part.awaiting_vendor", "return.vendor_rejected"]));
        for r in &got {
            assert!(r.verifies_with(&alpine_secret));
            assert_eq!(r.json["data"]["part_id"], alpine_part.as_str());
            assert!(!r.body.contains("SWEATER") && !r.body.contains("ana@example.com"));
        }

        // The merchant hears of everything, as before: the whole return,
        // under the event's own id.
        let got = merchant.received();
        let heard = types(&got);
        for t in ["return.requested", "return.approved", "return_part.awaiting_vendor", "return.vendor_approved",
                  "return.vendor_rejected", "label.ready", "return_part.completed"] {
            assert!(heard.contains(t), "the merchant missed {t}");
        }
        let vendor_ids: BTreeSet<String> = nordic.received().iter().chain(alpine.received().iter()).map(|r| r.id.clone()).collect();
        for r in &got {
            assert!(r.verifies_with(&merchant_secret));
            assert!(!vendor_ids.contains(&r.id));
            assert!(!r.id.contains('.'));
            assert_eq!(r.json["data"]["id"], id.as_str());
            assert_eq!(r.json["data"]["shipments"].as_array().unwrap().len(), 3);
        }
        // The vendor's delivery log has its own deliveries only.
        let nordic_endpoint = ids(&app, VENDOR, &m.nordic).await.remove(0);
        let log = ok_json(app.get(&format!("{VENDOR}/{nordic_endpoint}/deliveries?limit=100"), Some(&m.nordic)).await).await;
        assert_eq!(log["data"].as_array().unwrap().len(), expected.len());
    }
);

both!(
    config = dev,
    async fn a_vendor_key_reaches_its_own_endpoints_only(app) {
        let m = market(&app, 5).await;
        let receiver = Receiver::start(vec![]).await;
        let (merchant_ep, _) = register(&app, MERCHANT, &m.key, &receiver.url).await;
        let (nordic_ep, nordic_secret) = register(&app, VENDOR, &m.nordic, &receiver.url).await;
        let (alpine_ep, _) = register(&app, VENDOR, &m.alpine, &receiver.url).await;

        // Each owner lists its own.
        assert_eq!(ids(&app, MERCHANT, &m.key).await, vec![merchant_ep.clone()]);
        assert_eq!(ids(&app, VENDOR, &m.nordic).await, vec![nordic_ep.clone()]);
        assert_eq!(ids(&app, VENDOR, &m.alpine).await, vec![alpine_ep.clone()]);
        assert!(ids(&app, VENDOR, &m.gamma).await.is_empty());

        // Another owner's endpoint is not found, whatever the operation.
        for (base, key, foreign) in [
            (VENDOR, &m.nordic, &merchant_ep),
            (VENDOR, &m.nordic, &alpine_ep),
            (MERCHANT, &m.key, &nordic_ep),
        ] {
            for (method, tail) in [
                (Method::GET, ""),
                (Method::PATCH, ""),
                (Method::POST, "/rotate-secret"),
                (Method::POST, "/test"),
                (Method::GET, "/deliveries"),
                (Method::DELETE, ""),
            ] {
                let mut req = app.request(method.clone(), &format!("{base}/{foreign}{tail}"), Some(key));
                if method == Method::PATCH {
                    req = req.json(&json!({ "description": "mine now" }));
                }
                let res = req.send().await.unwrap();
                assert_problem(res, StatusCode::NOT_FOUND, "endpoint_not_found").await;
            }
        }
        // Keys stay on their side.
        let res = app.get(VENDOR, Some(&m.key)).await;
        assert_problem(res, StatusCode::FORBIDDEN, "vendor_key_required").await;
        let res = app.get(MERCHANT, Some(&m.nordic)).await;
        assert!(res.status().is_client_error(), "{}", res.status());
        app.brand_with_key("other").await;
        let res = app.get("/v1/brands/other/vendor/webhook-endpoints", Some(&m.nordic)).await;
        assert_problem(res, StatusCode::NOT_FOUND, "brand_not_found").await;

        // The vendor runs its own: test, log, retry, rotate, change, delete.
        let res = app.request(Method::POST, &format!("{VENDOR}/{nordic_ep}/test"), Some(&m.nordic)).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::ACCEPTED);
        let ping: Value = res.json().await.unwrap();
        let got = receiver.wait_count(1, Duration::from_secs(10)).await;
        assert_eq!(got[0].event_type(), "ping");
        assert!(got[0].verifies_with(&nordic_secret));
        assert_eq!(got[0].json["data"]["id"], nordic_ep.as_str());
        let delivery = ping["id"].as_str().unwrap().to_string();
        let log = ok_json(app.get(&format!("{VENDOR}/{nordic_ep}/deliveries"), Some(&m.nordic)).await).await;
        assert_eq!(log["data"][0]["id"], delivery.as_str());
        for (base, key) in [(VENDOR, &m.alpine), (MERCHANT, &m.key)] {
            let res = app.request(Method::POST, &format!("{base}/deliveries/{delivery}/retry"), Some(key)).send().await.unwrap();
            assert_problem(res, StatusCode::NOT_FOUND, "delivery_not_found").await;
        }
        let res = app.request(Method::POST, &format!("{VENDOR}/deliveries/{delivery}/retry"), Some(&m.nordic)).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::ACCEPTED);
        receiver.wait_count(2, Duration::from_secs(10)).await;

        let rotated = ok_json(app.request(Method::POST, &format!("{VENDOR}/{nordic_ep}/rotate-secret"), Some(&m.nordic)).send().await.unwrap()).await;
        assert_ne!(rotated["secret"].as_str().unwrap(), nordic_secret);
        let changed = ok_json(app.request(Method::PATCH, &format!("{VENDOR}/{nordic_ep}"), Some(&m.nordic))
            .json(&json!({ "description": "returns desk", "event_types": ["return_part.completed"] })).send().await.unwrap()).await;
        assert_eq!(changed["description"], "returns desk");
        let res = app.request(Method::DELETE, &format!("{VENDOR}/{nordic_ep}"), Some(&m.nordic)).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
        let res = app.get(&format!("{VENDOR}/{nordic_ep}"), Some(&m.nordic)).await;
        assert_problem(res, StatusCode::NOT_FOUND, "endpoint_not_found").await;
        // The others' endpoints are untouched.
        assert_eq!(ids(&app, MERCHANT, &m.key).await, [merchant_ep]);
        assert_eq!(ids(&app, VENDOR, &m.alpine).await, [alpine_ep]);
    }
);

both!(
    async fn a_vendor_endpoint_passes_the_same_guard_as_the_merchants(app) {
        let m = market(&app, 5).await;
        for (url, code) in [
            ("https://169.254.169.254/latest", "unsafe_url"),
            ("https://127.0.0.1/hook", "unsafe_url"),
            ("http://hooks.example.com/", "invalid_url"),
        ] {
            let res = app.post(VENDOR, Some(&m.nordic), &json!({ "url": url })).await;
            let problem = assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
            assert_eq!(problem["errors"][0]["code"], code, "{url}: {problem}");
        }
    }
);

both!(
    config = dev,
    async fn a_retired_vendors_endpoints_hear_nothing_more(app) {
        let m = market(&app, 5).await;
        let merchant = Receiver::start(vec![]).await;
        let nordic = Receiver::start(vec![]).await;
        register(&app, MERCHANT, &m.key, &merchant.url).await;
        register(&app, VENDOR, &m.nordic, &nordic.url).await;
        let ret = created(&app, &m.access, &three_parts(1)).await;
        let id = ret["id"].as_str().unwrap().to_string();
        let approved = ok_json(act(&app, &m.key, &id, "approve", None).await).await;
        let nordic_part = part(&approved, Some("nordic-knits"))["id"].as_str().unwrap().to_string();
        nordic
            .wait_for(Duration::from_secs(20), |got| {
                types(got).contains("return_part.awaiting_vendor")
            })
            .await;

        let res = app.request(Method::DELETE, "/v1/brands/acme/vendors/nordic-knits", Some(&m.key)).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
        // The merchant answers for the retired vendor; only the merchant hears.
        ok_json(app.post(&format!("/v1/brands/acme/returns/{id}/parts/{nordic_part}/approve"), Some(&m.key), &json!({})).await).await;
        merchant
            .wait_for(Duration::from_secs(20), |got| {
                types(got).contains("return.vendor_approved")
            })
            .await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert_eq!(types(&nordic.received()), set(&["return_part.awaiting_vendor"]));
    }
);
