//! The CSV export of returns: one row per item, the list's filters, no
//! formulas, streamed as an attachment.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::both;
use crate::helpers::{TestApp, assert_problem};
use crate::returns_fixtures::{act, created, request, shop};

/// Three returns of order 1001 (T-shirts at 1999, a sweater at 8900):
/// R1 2 T-shirts `too_small` (auto-approved, one received), refund;
/// R2 1 T-shirt `other` (awaiting review), store credit, a comment that
/// looks like a formula; R3 1 T-shirt `too_small` and the sweater
/// `not_as_described` (approved by the merchant), refund.
async fn three_returns(app: &TestApp, key: &str, access: &str) -> [Value; 3] {
    let r1 = created(app, access, &request(2, "too_small")).await;
    let r2 = created(
        app,
        access,
        &json!({
            "items": [ { "order_line_id": "L1", "quantity": 1, "reason_code": "other", "comment": "=HYPERLINK(\"http://x\")" } ],
            "return_method": { "type": "drop_off", "carrier": "postnl" },
            "resolution": { "type": "store_credit" }
        }),
    )
    .await;
    let r3 = created(
        app,
        access,
        &json!({
            "items": [ { "order_line_id": "L1", "quantity": 1, "reason_code": "too_small" },
                       { "order_line_id": "L3", "quantity": 1, "reason_code": "not_as_described", "comment": "pilled" } ],
            "return_method": { "type": "drop_off", "carrier": "postnl" },
            "resolution": { "type": "refund" }
        }),
    )
    .await;
    assert_eq!(r3["status"], "requested");
    let id3 = r3["id"].as_str().unwrap();
    assert_eq!(
        act(app, key, id3, "approve", None).await.status(),
        StatusCode::OK
    );
    let item = r1["items"][0]["id"].as_str().unwrap();
    let res = act(
        app,
        key,
        r1["id"].as_str().unwrap(),
        "receive",
        Some(json!({ "items": [ { "return_item_id": item, "quantity": 1 } ] })),
    )
    .await;
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "{}",
        res.text().await.unwrap()
    );
    [r1, r2, r3]
}

/// The CSV's header and rows.
async fn export(app: &TestApp, key: &str, query: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
    let res = app
        .get(&format!("/v1/brands/acme/returns/export{query}"), Some(key))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "text/csv; charset=utf-8");
    let disposition = res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        disposition.starts_with("attachment; filename=\"returns-acme-"),
        "{disposition}"
    );
    assert!(disposition.ends_with(".csv\""), "{disposition}");
    let body = res.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader.records().map(Result::unwrap).collect();
    (header, rows)
}

both!(
    async fn the_export_lists_one_row_per_item_with_the_lists_filters_and_no_formulas(app) {
        let s = shop(&app, 9).await;
        let [r1, r2, r3] = three_returns(&app, &s.key, &s.access).await;
        let (header, rows) = export(&app, &s.key, "").await;
        assert_eq!(&header[..4], ["return_id", "rma_number", "order_number", "status"]);
        let col = |name: &str| header.iter().position(|h| h == name).unwrap();
        assert_eq!(rows.len(), 4, "one row per item");
        // Newest return first, its items in order.
        let ids: Vec<&str> = rows.iter().map(|r| &r[col("return_id")]).collect();
        let id = |r: &Value| r["id"].as_str().unwrap().to_string();
        assert_eq!(ids, vec![id(&r3), id(&r3), id(&r2), id(&r1)]);
        let sweater = &rows[1];
        assert_eq!(&sweater[col("sku")], "SWEATER");
        assert_eq!(&sweater[col("reason_code")], "not_as_described");
        assert_eq!(&sweater[col("resolution")], "refund");
        assert_eq!(&sweater[col("country")], "NL");
        assert_eq!(&sweater[col("approved_quantity")], "1");
        assert_eq!(&sweater[col("unit_price")], "8900");
        assert_eq!(&sweater[col("currency")], "EUR");
        let first = &rows[3];
        assert_eq!((&first[col("requested_quantity")], &first[col("received_quantity")]), ("2", "1"));
        assert_eq!(&first[col("value")], "3998");
        // The comment starting with `=` is text, not a formula.
        assert_eq!(&rows[2][col("comment")], "'=HYPERLINK(\"http://x\")");
        assert_eq!(&rows[2][col("resolution")], "store_credit");
        // The list's filters.
        let (_, rows) = export(&app, &s.key, "?status=requested").await;
        assert_eq!(rows.len(), 1);
        assert_eq!(&rows[0][col("return_id")], id(&r2));
        let res = app.get("/v1/brands/acme/returns/export?status=lost", Some(&s.key)).await;
        assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        // Another tenant's key gets nothing of this brand.
        let other = app.brand_with_key("other").await;
        let res = app.get("/v1/brands/acme/returns/export", Some(&other)).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
    }
);
