//! Parcel lookup: eligibility, verifiers, uniform failures, rate limits, tokens.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::both;
use crate::fixtures::{days_ago, lookup, order};
use crate::helpers::{TestApp, assert_problem};

async fn brand_with_order(app: &TestApp, o: &Value) -> String {
    let key = app.brand_with_key("acme").await;
    let res = app.post("/v1/brands/acme/orders", Some(&key), o).await;
    assert_eq!(
        res.status(),
        StatusCode::CREATED,
        "{}",
        res.text().await.unwrap()
    );
    key
}

fn line<'a>(body: &'a Value, id: &str) -> &'a Value {
    body["order"]["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["id"] == id)
        .unwrap()
}

both!(
    async fn a_lookup_returns_the_order_eligibility_parcel_and_two_tokens(app) {
        brand_with_order(&app, &order("1001")).await;
        let res = app.post("/v1/portal/acme/lookup", None, &lookup("1001")).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()["cache-control"], "no-store");
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["order"]["number"], "1001");
        assert_eq!(body["order"]["currency"], "EUR");
        let l1 = line(&body, "L1");
        assert_eq!((l1["quantity"].as_u64(), l1["returnable_quantity"].as_u64()), (Some(2), Some(2)));
        assert_eq!(l1["returnable"], true);
        assert_eq!(l1["non_returnable_reason"], Value::Null);
        assert_eq!(l1["unit_price"], json!({ "amount": 1999, "currency": "EUR" }));
        assert!(l1["return_deadline"].is_string());
        let l2 = line(&body, "L2");
        assert_eq!((l2["returnable"].as_bool(), l2["non_returnable_reason"].as_str()), (Some(false), Some("not_returnable")));
        assert_eq!(body["parcel"]["tracking_number"], "T-1001");
        assert_eq!(body["parcel"]["carrier"], "postnl");
        assert_eq!(body["parcel"]["status"], "delivered");
        assert_eq!(body["parcel"]["destination"], json!({ "postal_code": "1012 AB", "country": "NL", "latitude": 52.3791, "longitude": 4.9003 }));
        assert_eq!(body["return_methods"][0]["type"], "drop_off");
        assert_eq!(body["refund_options"][0]["type"], "refund");
        assert!(body["service_point"].is_null());
        assert_eq!(body["token_type"], "Bearer");
        let (a, s) = (body["access_token"].as_str().unwrap(), body["service_points_token"].as_str().unwrap());
        assert_ne!(a, s);
        assert_eq!(a.split('.').count(), 3);
        let expires: chrono::DateTime<chrono::Utc> = body["expires_at"].as_str().unwrap().parse().unwrap();
        let minutes = (expires - chrono::Utc::now()).num_minutes();
        assert!((55..=60).contains(&minutes), "{minutes}");
    }
);

both!(
    async fn every_eligibility_reason_shows_on_its_line(app) {
        let mut o = order("2001");
        o["lines"] = json!([
            { "id": "ok", "sku": "A", "name": "A", "quantity": 1, "unit_price": { "amount": 100, "currency": "EUR" } },
            { "id": "flagged", "sku": "B", "name": "B", "quantity": 1, "unit_price": { "amount": 100, "currency": "EUR" }, "returnable": false },
            { "id": "unshipped", "sku": "C", "name": "C", "quantity": 1, "unit_price": { "amount": 100, "currency": "EUR" } },
            { "id": "transit", "sku": "D", "name": "D", "quantity": 1, "unit_price": { "amount": 100, "currency": "EUR" } },
            { "id": "old", "sku": "E", "name": "E", "quantity": 1, "unit_price": { "amount": 100, "currency": "EUR" } }
        ]);
        o["placed_at"] = json!(days_ago(90));
        o["shipments"] = json!([
            { "tracking_number": "S1", "carrier": "postnl", "status": "delivered", "delivered_at": days_ago(2),
              "lines": [ { "line_id": "ok", "quantity": 1 }, { "line_id": "flagged", "quantity": 1 } ] },
            { "tracking_number": "S2", "carrier": "postnl", "status": "in_transit", "shipped_at": days_ago(1),
              "lines": [ { "line_id": "transit", "quantity": 1 } ] },
            { "tracking_number": "S3", "carrier": "dhl", "status": "delivered", "delivered_at": days_ago(45),
              "lines": [ { "line_id": "old", "quantity": 1 } ] }
        ]);
        let key = brand_with_order(&app, &o).await;
        let body: Value = app.post("/v1/portal/acme/lookup", None, &lookup("2001")).await.json().await.unwrap();
        let reason = |id: &str| line(&body, id)["non_returnable_reason"].clone();
        assert_eq!(reason("ok"), Value::Null);
        assert_eq!(reason("flagged"), "not_returnable");
        assert_eq!(reason("unshipped"), "unfulfilled");
        assert_eq!(reason("transit"), "not_delivered");
        assert_eq!(reason("old"), "return_window_expired");

        // The brand allows undelivered items and counts from the order date.
        let mut s = app.settings("acme", &key).await;
        s["allow_undelivered_items"] = json!(true);
        s["window_starts_at"] = json!("order");
        s["return_window_days"] = json!(120);
        app.put_settings("acme", &key, &s).await;
        let body: Value = app.post("/v1/portal/acme/lookup", None, &lookup("2001")).await.json().await.unwrap();
        assert_eq!(line(&body, "transit")["returnable_quantity"], 1);
        assert_eq!(line(&body, "old")["returnable_quantity"], 1);
        assert_eq!(line(&body, "unshipped")["non_returnable_reason"], "unfulfilled");
    }
);

both!(
    async fn a_tracking_number_finds_the_order_and_names_its_parcel(app) {
        let mut o = order("3001");
        o["shipments"][0]["lines"] = json!([{ "line_id": "L1", "quantity": 1 }]);
        o["shipments"].as_array_mut().unwrap().push(json!({
            "tracking_number": "3S SECOND", "carrier": "dhl", "status": "shipped", "shipped_at": days_ago(1),
            "lines": [ { "line_id": "L1", "quantity": 1 } ] }));
        brand_with_order(&app, &o).await;
        let res = app.post("/v1/portal/acme/lookup", None, &json!({ "identifier": "3ssecond", "postal_code": "1012 AB" })).await;
        assert_eq!(res.status(), StatusCode::OK);
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["order"]["number"], "3001");
        assert_eq!(body["parcel"]["tracking_number"], "3S SECOND");
        assert_eq!(body["parcels"].as_array().unwrap().len(), 2);
        assert_eq!(line(&body, "L1")["returnable_quantity"], 1, "only the delivered unit counts");
    }
);

both!(
    async fn each_verifier_is_compared_normalized(app) {
        let key = brand_with_order(&app, &order("4001")).await;
        let mut s = app.settings("acme", &key).await;
        s["lookup_methods"] = json!(["postal_code", "email", "phone"]);
        s["phone_region"] = json!("NL");
        app.put_settings("acme", &key, &s).await;
        for body in [
            json!({ "identifier": " #4001 ", "postal_code": " 1012-ab " }),
            json!({ "identifier": "4001", "email": "  ANA@example.COM" }),
            json!({ "identifier": "4001", "phone": "06-1234 5678" }),
            json!({ "identifier": "4001", "phone": "+31612345678" }),
            json!({ "identifier": "t-4001", "email": "ana@example.com" }),
        ] {
            let res = app.post("/v1/portal/acme/lookup", None, &body).await;
            assert_eq!(res.status(), StatusCode::OK, "{body}");
        }
        for body in [
            json!({ "identifier": "4001", "postal_code": "1012AC" }),
            json!({ "identifier": "4001", "email": "ana@example.org" }),
            json!({ "identifier": "4001", "phone": "0612345679" }),
        ] {
            let res = app.post("/v1/portal/acme/lookup", None, &body).await;
            assert_problem(res, StatusCode::NOT_FOUND, "order_not_found").await;
        }
    }
);

both!(
    async fn the_verifier_must_be_one_of_the_brands_methods_and_exactly_one(app) {
        brand_with_order(&app, &order("5001")).await;
        let res = app.post("/v1/portal/acme/lookup", None, &json!({ "identifier": "5001", "phone": "+31612345678" })).await;
        let body = assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "lookup_method_not_allowed").await;
        assert_eq!(body["errors"][0]["field"], "phone");
        let res = app.post("/v1/portal/acme/lookup", None, &json!({ "identifier": "5001" })).await;
        assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        let res = app
            .post("/v1/portal/acme/lookup", None, &json!({ "identifier": "5001", "postal_code": "1012AB", "email": "ana@example.com" }))
            .await;
        let body = assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(body["errors"][0]["code"], "exactly_one_verifier");
        let res = app.post("/v1/portal/acme/lookup", None, &json!({ "identifier": "5001", "email": "nope" })).await;
        assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    }
);

fn comparable(res: &reqwest::Response) -> Vec<(String, String)> {
    let mut h: Vec<(String, String)> = res
        .headers()
        .iter()
        .filter(|(k, _)| !matches!(k.as_str(), "x-request-id" | "date" | "ratelimit-reset"))
        .map(|(k, v)| (k.to_string(), v.to_str().unwrap().to_string()))
        .collect();
    h.sort();
    h
}

both!(
    async fn every_mismatch_is_the_same_404(app) {
        let key = brand_with_order(&app, &order("6001")).await;
        let other = app.brand_with_key("other").await;
        assert_eq!(app.post("/v1/brands/other/orders", Some(&other), &order("6002")).await.status(), StatusCode::CREATED);
        let _ = key;
        let attempts = [
            json!({ "identifier": "9999", "postal_code": "1012AB" }),  // unknown identifier
            json!({ "identifier": "6001", "postal_code": "9999ZZ" }),  // wrong verifier
            json!({ "identifier": "6002", "postal_code": "1012AB" }),  // another brand's order
            json!({ "identifier": "T-6002", "postal_code": "1012AB" }),  // another brand's parcel
        ];
        let mut seen = Vec::new();
        for body in &attempts {
            let res = app.post("/v1/portal/acme/lookup", None, body).await;
            assert_eq!(res.status(), StatusCode::NOT_FOUND);
            let headers = comparable(&res);
            let text = res.text().await.unwrap();
            seen.push((headers, text));
        }
        for (headers, text) in &seen[1..] {
            assert_eq!(text, &seen[0].1);
            // The per-identifier counters differ per identifier; every other header is equal.
            let strip = |h: &Vec<(String, String)>| h.iter().filter(|(k, _)| k != "ratelimit-remaining").cloned().collect::<Vec<_>>();
            assert_eq!(strip(headers), strip(&seen[0].0));
        }
    }
);

both!(
    async fn failed_lookups_are_limited_per_identifier_across_nodes(app) {
        brand_with_order(&app, &order("7001")).await;
        let node_b = app.another_node().await;
        let wrong = json!({ "identifier": "7001", "postal_code": "9999ZZ" });
        for i in 0..5 {
            let node = if i % 2 == 0 { &app } else { &node_b };
            let res = node.post("/v1/portal/acme/lookup", None, &wrong).await;
            assert_eq!(res.status(), StatusCode::NOT_FOUND, "attempt {i}");
            assert_eq!(res.headers()["ratelimit-remaining"], (4 - i).to_string().as_str());
        }
        // Both nodes now refuse, even the right postal code.
        for node in [&app, &node_b] {
            let res = node.post("/v1/portal/acme/lookup", None, &lookup("7001")).await;
            let retry: u64 = res.headers()["retry-after"].to_str().unwrap().parse().unwrap();
            assert!(retry > 0 && retry <= 900, "{retry}");
            assert_eq!(res.headers()["ratelimit-remaining"], "0");
            assert_problem(res, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
        }
        // Other identifiers are unaffected.
        brand_order(&app, "7002").await;
        let res = node_b.post("/v1/portal/acme/lookup", None, &lookup("7002")).await;
        assert_eq!(res.status(), StatusCode::OK);
    }
);

async fn brand_order(app: &TestApp, number: &str) {
    let key = app.merchant_key("acme").await;
    let res = app
        .post("/v1/brands/acme/orders", Some(&key), &order(number))
        .await;
    assert!(res.status().is_success());
}

both!(
    async fn failed_lookups_are_limited_per_client_address(app) {
        brand_with_order(&app, &order("8001")).await;
        let node = app.node_with(|c| c.lookup_failures_per_client = 3).await;
        for i in 0..3 {
            let res = node.post("/v1/portal/acme/lookup", None, &json!({ "identifier": format!("X{i}"), "postal_code": "1012AB" })).await;
            assert_eq!(res.status(), StatusCode::NOT_FOUND);
        }
        let res = node.post("/v1/portal/acme/lookup", None, &lookup("8001")).await;
        assert_problem(res, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    }
);

both!(
    async fn the_demo_orders_show_every_eligibility_reason(app) {
        returns_api::demo::seed(&app.state).await.unwrap();
        // Seeding twice is harmless.
        returns_api::demo::seed(&app.state).await.unwrap();
        let reasons = |body: &Value| -> Vec<String> {
            body["order"]["lines"].as_array().unwrap().iter().map(|l| l["non_returnable_reason"].as_str().unwrap_or("returnable").to_string()).collect()
        };
        let look = |number: &'static str| {
            let app = &app;
            async move {
                let res = app.post("/v1/portal/demo/lookup", None, &json!({ "identifier": number, "email": "ANA@example.com" })).await;
                assert_eq!(res.status(), StatusCode::OK, "{number}");
                res.json::<Value>().await.unwrap()
            }
        };
        // The node picks the imported demo points up within its refresh interval.
        let started = std::time::Instant::now();
        while look("1001").await["service_point"].is_null() {
            assert!(started.elapsed().as_secs() < 10, "index never refreshed");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert_eq!(reasons(&look("1001").await), vec!["returnable", "not_returnable", "returnable"]);
        let late = look("1002").await;
        assert_eq!(reasons(&late), vec!["return_window_expired"]);
        assert!(late["service_point"].is_object(), "placed by its postal code's centroid");
        assert_eq!(reasons(&look("1003").await), vec!["not_delivered"]);
        assert_eq!(reasons(&look("1004").await), vec!["returnable", "unfulfilled"]);
        let split = look("1005").await;
        assert_eq!(split["order"]["lines"][0]["returnable_quantity"], 1);
        assert_eq!(reasons(&look("1006").await), vec!["already_returned"]);
        let near = look("1001").await;
        assert!(near["service_point"]["distance"].as_u64().unwrap() < 5000);
        assert_eq!(near["labelless_service_point"]["supports_labelless"], true);
    }
);

/// A lookup as sent through one proxy: `X-Forwarded-For` as given.
async fn lookup_via(app: &TestApp, forwarded_for: &str, body: &Value) -> reqwest::Response {
    app.request(reqwest::Method::POST, "/v1/portal/acme/lookup", None)
        .header("x-forwarded-for", forwarded_for)
        .json(body)
        .send()
        .await
        .expect("request sent")
}

both!(
    config = |c| {
        c.trusted_proxies = 1;
        c.lookup_failures_per_client = 3;
    },
    async fn spoofed_forwarded_for_entries_do_not_reset_the_client_limit(app) {
        brand_with_order(&app, &order("8101")).await;
        // The proxy (this test's connection) appends the real address; the
        // client varies what it sent itself.
        for i in 0..3 {
            let res = lookup_via(&app, &format!("6.6.6.{i}, 203.0.113.7"), &json!({ "identifier": format!("X{i}"), "postal_code": "1012AB" })).await;
            assert_eq!(res.status(), StatusCode::NOT_FOUND, "attempt {i}");
        }
        let res = lookup_via(&app, "7.7.7.7, 203.0.113.7", &lookup("8101")).await;
        assert_problem(res, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
        // Another client behind the same proxy is unaffected.
        let res = lookup_via(&app, "203.0.113.8", &lookup("8101")).await;
        assert_eq!(res.status(), StatusCode::OK);
    }
);

both!(
    config = |c| {
        c.trusted_proxies = 1;
        c.lookup_failures_per_identifier_total = 8;
    },
    async fn a_strangers_failures_do_not_lock_the_customer_out_until_the_ceiling(app) {
        brand_with_order(&app, &order("8201")).await;
        let wrong = json!({ "identifier": "8201", "postal_code": "9999ZZ" });
        for i in 0..5 {
            let res = lookup_via(&app, "198.51.100.1", &wrong).await;
            assert_eq!(res.status(), StatusCode::NOT_FOUND, "attempt {i}");
        }
        // The stranger is locked out, even with the right postal code ...
        let res = lookup_via(&app, "198.51.100.1", &lookup("8201")).await;
        assert_problem(res, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
        // ... the customer is not.
        let res = lookup_via(&app, "203.0.113.9", &lookup("8201")).await;
        assert_eq!(res.status(), StatusCode::OK);
        // Failures of all clients together still hit the identifier's ceiling.
        for i in 0..3 {
            let res = lookup_via(&app, &format!("198.51.100.{}", 10 + i), &wrong).await;
            assert_eq!(res.status(), StatusCode::NOT_FOUND, "attempt {i}");
        }
        let res = lookup_via(&app, "203.0.113.9", &lookup("8201")).await;
        assert_problem(res, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    }
);

both!(
    async fn an_email_lookup_shows_only_what_the_email_proved(app) {
        let mut o = order("8301");
        o["shipments"][0]["lines"] = json!([{ "line_id": "L1", "quantity": 1 }]);
        o["shipments"].as_array_mut().unwrap().push(json!({
            "tracking_number": "3SSECOND8301", "carrier": "dhl", "status": "shipped", "shipped_at": days_ago(1),
            "lines": [ { "line_id": "L1", "quantity": 1 } ] }));
        let key = brand_with_order(&app, &o).await;
        let mut s = app.settings("acme", &key).await;
        s["lookup_methods"] = json!(["postal_code", "email", "phone"]);
        app.put_settings("acme", &key, &s).await;
        let tracking = |body: &Value| -> Vec<String> {
            body["parcels"].as_array().unwrap().iter().map(|p| p["tracking_number"].as_str().unwrap().to_string()).collect()
        };
        let masked = json!({ "postal_code": "10•••", "country": "NL", "latitude": null, "longitude": null });

        // By order number and email: nothing of the address, no tracking number in full.
        let body: Value = app.post("/v1/portal/acme/lookup", None, &json!({ "identifier": "8301", "email": "ana@example.com" })).await.json().await.unwrap();
        assert_eq!(body["parcel"]["destination"], masked);
        assert_eq!(tracking(&body), vec!["•••8301", "•••8301"]);
        assert_eq!(body["parcel"]["tracking_number"], "•••8301");

        // By tracking number and phone: that parcel in full, the other masked.
        let body: Value = app.post("/v1/portal/acme/lookup", None, &json!({ "identifier": "3ssecond8301", "phone": "+31612345678" })).await.json().await.unwrap();
        assert_eq!(body["parcel"]["tracking_number"], "3SSECOND8301");
        assert_eq!(tracking(&body), vec!["•••8301", "3SSECOND8301"]);
        for p in body["parcels"].as_array().unwrap() {
            assert_eq!(p["destination"], masked);
        }

        // By postal code: all of it.
        let body: Value = app.post("/v1/portal/acme/lookup", None, &lookup("8301")).await.json().await.unwrap();
        assert_eq!(tracking(&body), vec!["T-8301", "3SSECOND8301"]);
        assert_eq!(body["parcel"]["destination"], json!({ "postal_code": "1012 AB", "country": "NL", "latitude": 52.3791, "longitude": 4.9003 }));
    }
);
