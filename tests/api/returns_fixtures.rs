//! A brand ready for returns: demo settings (addresses, reasons, methods),
//! an order with a vendor line, and the customer's tokens.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::fixtures::days_ago;
use crate::helpers::TestApp;

/// What a returns test starts from.
pub struct Shop {
    /// Merchant key of `acme`.
    pub key: String,
    /// Access token for order `1001`.
    pub access: String,
    /// Service-points token.
    pub sp: String,
}

/// Order `number`: L1 ×`qty` T-shirts (1999), L2 gift card (not returnable),
/// L3 sweater of vendor "Nordic Knits"; all delivered three days ago.
pub fn order(number: &str, qty: u32) -> Value {
    json!({
        "number": number, "placed_at": days_ago(6), "currency": "EUR",
        "customer": { "email": "ana@example.com", "phone": "+31612345678" },
        "shipping_address": { "line1": "Stationsplein 1", "city": "Amsterdam", "postal_code": "1012 AB", "country": "NL",
                              "latitude": 52.3791, "longitude": 4.9003 },
        "lines": [
            { "id": "L1", "sku": "TSHIRT-M", "name": "T-shirt M", "quantity": qty, "unit_price": { "amount": 1999, "currency": "EUR" } },
            { "id": "L2", "sku": "GIFT", "name": "Gift card", "quantity": 1, "unit_price": { "amount": 2500, "currency": "EUR" }, "returnable": false },
            { "id": "L3", "sku": "SWEATER", "name": "Wool sweater", "quantity": 1, "unit_price": { "amount": 8900, "currency": "EUR" }, "vendor": "Nordic Knits" }
        ],
        "shipments": [ { "tracking_number": format!("T-{number}"), "carrier": "postnl", "status": "delivered",
                         "shipped_at": days_ago(5), "delivered_at": days_ago(3),
                         "lines": [ { "line_id": "L1", "quantity": qty }, { "line_id": "L2", "quantity": 1 }, { "line_id": "L3", "quantity": 1 } ] } ]
    })
}

/// Tokens of an order by lookup.
pub async fn tokens(app: &TestApp, number: &str) -> (String, String) {
    let res = app
        .post(
            "/v1/portal/acme/lookup",
            None,
            &json!({ "identifier": number, "postal_code": "1012AB" }),
        )
        .await;
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "{}",
        res.text().await.unwrap()
    );
    let body: Value = res.json().await.unwrap();
    (
        body["access_token"].as_str().unwrap().to_string(),
        body["service_points_token"].as_str().unwrap().to_string(),
    )
}

/// Brand `acme` with the demo settings and order `1001` (L1 ×`qty`).
pub async fn shop(app: &TestApp, qty: u32) -> Shop {
    let key = app.brand_with_key("acme").await;
    let settings = serde_json::to_value(returns_api::demo::demo_settings()).unwrap();
    app.put_settings("acme", &key, &settings).await;
    let res = app
        .post("/v1/brands/acme/orders", Some(&key), &order("1001", qty))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let (access, sp) = tokens(app, "1001").await;
    Shop { key, access, sp }
}

/// Registers a webhook endpoint of `acme` that is never sent anything (it
/// hears only overdue instant exchanges): events queue their webhook jobs
/// only when the brand has an enabled endpoint.
pub async fn subscribed(app: &TestApp, key: &str) {
    let res = app
        .post(
            "/v1/brands/acme/webhook-endpoints",
            Some(key),
            &json!({ "url": "https://93.184.216.34/returns", "event_types": ["exchange.overdue"] }),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
}

/// A drop-off return of `qty` T-shirts for `reason`.
pub fn request(qty: u32, reason: &str) -> Value {
    json!({
        "items": [ { "order_line_id": "L1", "quantity": qty, "reason_code": reason, "comment": "see photos" } ],
        "return_method": { "type": "drop_off", "carrier": "postnl" },
        "resolution": { "type": "refund" }
    })
}

/// POST a return with the access token.
pub async fn create(app: &TestApp, access: &str, body: &Value) -> reqwest::Response {
    app.post("/v1/portal/acme/returns", Some(access), body)
        .await
}

/// Creates a return and returns its JSON, asserting 201.
pub async fn created(app: &TestApp, access: &str, body: &Value) -> Value {
    let res = create(app, access, body).await;
    assert_eq!(
        res.status(),
        StatusCode::CREATED,
        "{}",
        res.text().await.unwrap()
    );
    res.json().await.unwrap()
}

/// POST to a merchant action of a return.
pub async fn act(
    app: &TestApp,
    key: &str,
    id: &str,
    action: &str,
    body: Option<Value>,
) -> reqwest::Response {
    let mut req = app.request(
        Method::POST,
        &format!("/v1/brands/acme/returns/{id}/{action}"),
        Some(key),
    );
    if let Some(b) = body {
        req = req.json(&b);
    }
    req.send().await.unwrap()
}

/// Polls a label URL until it stops answering 202; returns the last response.
pub async fn wait_label(app: &TestApp, poll_url: &str) -> reqwest::Response {
    let started = std::time::Instant::now();
    loop {
        let res = app.client.get(poll_url).send().await.unwrap();
        if res.status() != StatusCode::ACCEPTED {
            return res;
        }
        assert!(res.headers().contains_key("retry-after"));
        assert!(
            started.elapsed().as_secs() < 20,
            "label still pending after 20 s"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}
