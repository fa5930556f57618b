//! The brand's catalogue over HTTP: products upserted one by one or in
//! bulk (all or nothing), each SKU in one product, stock set or moved under
//! `If-Match`, and the exchange offers of an order line in the portal.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::both;
use crate::helpers::{TestApp, assert_problem, error_fields};
use crate::returns_fixtures::shop;

/// The T-shirt of order `1001` (line L1 is a TSHIRT-M bought at 19.99):
/// S sold out, L in stock at the same price, XL dearer, M black in stock.
pub(crate) fn tshirt() -> Value {
    json!({
        "id": "tshirt", "title": "T-shirt", "options": ["size", "colour"],
        "variants": [
            { "sku": "TSHIRT-S", "option_values": { "size": "S", "colour": "white" },
              "prices": [ { "amount": 1999, "currency": "EUR" } ], "available": 0 },
            { "sku": "TSHIRT-M", "option_values": { "size": "M", "colour": "white" },
              "prices": [ { "amount": 1999, "currency": "EUR" } ], "available": 4 },
            { "sku": "TSHIRT-L", "option_values": { "size": "L", "colour": "white" },
              "prices": [ { "amount": 1999, "currency": "EUR" } ], "available": 3 },
            { "sku": "TSHIRT-XL", "option_values": { "size": "XL", "colour": "white" },
              "prices": [ { "amount": 2499, "currency": "EUR" }, { "amount": 2199, "currency": "GBP" } ], "available": 2 },
            { "sku": "TSHIRT-M-BLACK", "option_values": { "size": "M", "colour": "black" },
              "prices": [ { "amount": 1799, "currency": "EUR" } ], "available": 1 }
        ]
    })
}

pub(crate) async fn upsert(app: &TestApp, key: &str, body: &Value) -> reqwest::Response {
    app.post("/v1/brands/acme/products", Some(key), body).await
}

async fn stock(
    app: &TestApp,
    key: &str,
    sku: &str,
    body: Value,
    if_match: Option<&str>,
) -> reqwest::Response {
    let mut req = app
        .request(
            Method::PATCH,
            &format!("/v1/brands/acme/variants/{sku}/stock"),
            Some(key),
        )
        .json(&body);
    if let Some(tag) = if_match {
        req = req.header("If-Match", tag);
    }
    req.send().await.unwrap()
}

async fn offers(app: &TestApp, access: &str, line: &str) -> reqwest::Response {
    app.get(
        &format!("/v1/portal/acme/exchange-options?order_line_id={line}"),
        Some(access),
    )
    .await
}

both!(
    async fn products_are_upserted_listed_and_each_sku_belongs_to_one_product(app) {
        let s = shop(&app, 1).await;
        let res = upsert(&app, &s.key, &tshirt()).await;
        assert_eq!(res.status(), StatusCode::CREATED);
        assert_eq!(res.headers()["location"], "/v1/brands/acme/products/tshirt");
        let created: Value = res.json().await.unwrap();
        assert_eq!(created["variants"].as_array().unwrap().len(), 5);
        assert_eq!(created["exchangeable"], true);

        // Again, without the black one and renamed: replaced.
        let mut again = tshirt();
        again["title"] = "Basic T-shirt".into();
        again["variants"].as_array_mut().unwrap().pop();
        let res = upsert(&app, &s.key, &again).await;
        assert_eq!(res.status(), StatusCode::OK);
        let got: Value = app.get("/v1/brands/acme/products/tshirt", Some(&s.key)).await.json().await.unwrap();
        assert_eq!(got["title"], "Basic T-shirt");
        let skus: Vec<&str> = got["variants"].as_array().unwrap().iter().map(|v| v["sku"].as_str().unwrap()).collect();
        assert_eq!(skus, vec!["TSHIRT-S", "TSHIRT-M", "TSHIRT-L", "TSHIRT-XL"]);
        assert_eq!(got["variants"][3]["prices"], json!([
            { "amount": 2499, "currency": "EUR" }, { "amount": 2199, "currency": "GBP" }
        ]));
        assert_eq!(got["created_at"], created["created_at"]);

        // A SKU of another product is refused, naming the field.
        let res = upsert(&app, &s.key, &json!({
            "id": "polo", "title": "Polo",
            "variants": [ { "sku": "POLO-1", "available": 1 }, { "sku": "TSHIRT-L", "available": 1 } ]
        })).await;
        let problem = assert_problem(res, StatusCode::CONFLICT, "sku_taken").await;
        assert_eq!(error_fields(&problem), vec!["variants[1].sku"]);
        let res = app.get("/v1/brands/acme/products/polo", Some(&s.key)).await;
        assert_problem(res, StatusCode::NOT_FOUND, "product_not_found").await;

        let res = upsert(&app, &s.key, &json!({
            "id": "bad", "title": " ", "options": ["size"],
            "variants": [ { "sku": "B-1", "option_values": { "colour": "red" }, "available": -1 } ]
        })).await;
        let problem = assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(error_fields(&problem), vec!["title", "variants[0].option_values", "variants[0].available"]);

        // In bulk: all or nothing.
        let res = app.post("/v1/brands/acme/products/bulk", Some(&s.key), &json!({ "products": [
            { "id": "cap", "title": "Cap", "variants": [ { "sku": "CAP", "available": 9 } ] },
            { "id": "sock", "title": "Sock", "variants": [ { "sku": "SOCK", "available": 1 } ] },
            { "id": "scarf", "title": "Scarf", "variants": [ { "sku": "TSHIRT-M", "available": 1 } ] }
        ] })).await;
        let problem = assert_problem(res, StatusCode::CONFLICT, "sku_taken").await;
        assert_eq!(error_fields(&problem), vec!["products[2].variants[0].sku"]);
        let res = app.get("/v1/brands/acme/products/cap", Some(&s.key)).await;
        assert_problem(res, StatusCode::NOT_FOUND, "product_not_found").await;
        let res = app.post("/v1/brands/acme/products/bulk", Some(&s.key), &json!({ "products": [
            { "id": "cap", "title": "Cap", "variants": [ { "sku": "CAP", "available": 9 } ] },
            { "id": "tshirt", "title": "T-shirt", "variants": [ { "sku": "TSHIRT-M", "available": 1 } ] }
        ] })).await;
        assert_eq!(res.status(), StatusCode::OK);
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["data"], json!([ { "id": "cap", "created": true }, { "id": "tshirt", "created": false } ]));

        let page: Value = app.get("/v1/brands/acme/products?limit=1", Some(&s.key)).await.json().await.unwrap();
        assert_eq!(page["data"][0]["id"], "cap");
        let next = page["next_cursor"].as_str().unwrap();
        let rest: Value = app.get(&format!("/v1/brands/acme/products?limit=1&cursor={next}"), Some(&s.key)).await.json().await.unwrap();
        assert_eq!(rest["data"][0]["id"], "tshirt");
        assert_eq!(rest["next_cursor"], Value::Null);

        // Another brand sees none of it.
        let other = app.brand_with_key("globex").await;
        let res = app.get("/v1/brands/acme/products/cap", Some(&other)).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
    }
);

both!(
    async fn stock_is_set_or_moved_and_if_match_refuses_a_stale_version(app) {
        let s = shop(&app, 1).await;
        assert_eq!(upsert(&app, &s.key, &tshirt()).await.status(), StatusCode::CREATED);
        let res = stock(&app, &s.key, "TSHIRT-L", json!({ "delta": -1 }), None).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()["etag"], "\"v2\"");
        let v: Value = res.json().await.unwrap();
        assert_eq!((v["available"].as_i64(), v["version"].as_i64()), (Some(2), Some(2)));

        let res = stock(&app, &s.key, "TSHIRT-L", json!({ "available": 10 }), Some("\"v1\"")).await;
        assert_problem(res, StatusCode::PRECONDITION_FAILED, "precondition_failed").await;
        let res = stock(&app, &s.key, "TSHIRT-L", json!({ "available": 10 }), Some("\"v2\"")).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()["etag"], "\"v3\"");

        let res = stock(&app, &s.key, "TSHIRT-L", json!({ "delta": -11 }), None).await;
        let problem = assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(error_fields(&problem), vec!["delta"]);
        let res = stock(&app, &s.key, "TSHIRT-L", json!({ "delta": 1, "available": 1 }), None).await;
        assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        let res = stock(&app, &s.key, "NOPE", json!({ "delta": 1 }), None).await;
        assert_problem(res, StatusCode::NOT_FOUND, "variant_not_found").await;
        let got: Value = app.get("/v1/brands/acme/products/tshirt", Some(&s.key)).await.json().await.unwrap();
        assert_eq!(got["variants"][2]["available"], 10);
    }
);

both!(
    async fn an_order_line_is_offered_the_other_variants_in_stock_with_the_price_difference(app) {
        let s = shop(&app, 1).await;
        // Nothing in the catalogue: no offers, the line can still be refunded.
        let res = offers(&app, &s.access, "L1").await;
        assert_eq!(res.status(), StatusCode::OK);
        let empty: Value = res.json().await.unwrap();
        assert_eq!((empty["product_id"].clone(), empty["offers"].clone()), (Value::Null, json!([])));

        assert_eq!(upsert(&app, &s.key, &tshirt()).await.status(), StatusCode::CREATED);
        let body: Value = offers(&app, &s.access, "L1").await.json().await.unwrap();
        assert_eq!(body["product_id"], "tshirt");
        assert_eq!(body["options"], json!(["size", "colour"]));
        let summary: Vec<(&str, &Value, i64)> = body["offers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| (o["sku"].as_str().unwrap(), &o["changed"], o["price_difference"]["amount"].as_i64().unwrap()))
            .collect();
        assert_eq!(summary, vec![
            ("TSHIRT-L", &json!(["size"]), 0),
            ("TSHIRT-XL", &json!(["size"]), 500),
            ("TSHIRT-M-BLACK", &json!(["colour"]), -200),
        ]);
        assert_eq!(body["offers"][1]["price_difference"]["currency"], "EUR");
        // The lookup marks the lines that have offers.
        let res = app.post("/v1/portal/acme/lookup", None, &json!({ "identifier": "1001", "postal_code": "1012AB" })).await;
        let lookup: Value = res.json().await.unwrap();
        let marks: Vec<(&str, u64)> = lookup["order"]["lines"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| (l["id"].as_str().unwrap(), l["exchange_offers"].as_u64().unwrap()))
            .collect();
        assert_eq!(marks, vec![("L1", 3), ("L2", 0), ("L3", 0)]);

        // Sold out: no longer offered.
        assert_eq!(stock(&app, &s.key, "TSHIRT-L", json!({ "available": 0 }), None).await.status(), StatusCode::OK);
        let body: Value = offers(&app, &s.access, "L1").await.json().await.unwrap();
        assert!(body["offers"].as_array().unwrap().iter().all(|o| o["sku"] != "TSHIRT-L"), "{body}");
        // Not exchangeable: nothing offered.
        let mut closed = tshirt();
        closed["exchangeable"] = false.into();
        assert_eq!(upsert(&app, &s.key, &closed).await.status(), StatusCode::OK);
        let body: Value = offers(&app, &s.access, "L1").await.json().await.unwrap();
        assert_eq!(body["offers"], json!([]));

        let res = offers(&app, &s.access, "L9").await;
        assert_problem(res, StatusCode::NOT_FOUND, "line_not_found").await;
        let res = app.get("/v1/portal/acme/exchange-options?order_line_id=L1", None).await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
        let res = app.get("/v1/portal/acme/exchange-options?order_line_id=L1", Some(&s.key)).await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "a merchant key is no access token");
    }
);
