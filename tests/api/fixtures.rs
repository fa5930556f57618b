//! Test data: orders relative to the current time.

use chrono::{Duration, Utc};
use serde_json::{Value, json};

/// RFC 3339 time `days` ago.
pub fn days_ago(days: i64) -> String {
    (Utc::now() - Duration::days(days)).to_rfc3339()
}

/// An order of two lines (L1 ×2 returnable, L2 ×1 non-returnable), both
/// delivered three days ago in one shipment with tracking `T-{number}`.
pub fn order(number: &str) -> Value {
    json!({
        "number": number,
        "placed_at": days_ago(6),
        "currency": "EUR",
        "customer": { "email": "Ana@Example.com", "phone": "+31 6 12345678", "name": "Ana de Vries" },
        "shipping_address": { "line1": "Stationsplein 1", "city": "Amsterdam", "postal_code": "1012 AB",
                              "country": "NL", "latitude": 52.3791, "longitude": 4.9003 },
        "lines": [
            { "id": "L1", "sku": "TSHIRT-M", "name": "T-shirt M", "quantity": 2,
              "unit_price": { "amount": 1999, "currency": "EUR" }, "returnable": true },
            { "id": "L2", "sku": "GIFTCARD", "name": "Gift card", "quantity": 1,
              "unit_price": { "amount": 2500, "currency": "EUR" }, "returnable": false }
        ],
        "shipments": [
            { "tracking_number": format!("T-{number}"), "carrier": "postnl", "status": "delivered",
              "shipped_at": days_ago(5), "delivered_at": days_ago(3),
              "lines": [ { "line_id": "L1", "quantity": 2 }, { "line_id": "L2", "quantity": 1 } ] }
        ]
    })
}

/// A lookup body for `order(number)` with its postal code.
pub fn lookup(number: &str) -> Value {
    json!({ "identifier": number, "postal_code": "1012ab" })
}
