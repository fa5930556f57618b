//! Orders ingestion: upsert, bulk with rollback, validation, tenancy.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::both;
use crate::fixtures::order;
use crate::helpers::{assert_problem, error_fields};

both!(
    async fn an_order_is_created_then_replaced_by_its_number(app) {
        let key = app.brand_with_key("acme").await;
        let res = app.post("/v1/brands/acme/orders", Some(&key), &order("1001")).await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let created: Value = res.json().await.unwrap();
        assert!(created["id"].as_str().unwrap().starts_with("ord_"));
        assert_eq!(created["customer"]["email"], "ana@example.com");
        assert_eq!(created["customer"]["phone"], "+31612345678");

        let mut changed = order("#1001");
        changed["shipments"][0]["tracking_number"] = json!("T-1001");
        changed["lines"][0]["name"] = json!("T-shirt M (blue)");
        let res = app.post("/v1/brands/acme/orders", Some(&key), &changed).await;
        assert_eq!(res.status(), StatusCode::OK);
        let replaced: Value = res.json().await.unwrap();
        assert_eq!(replaced["id"], created["id"]);
        assert_eq!(replaced["created_at"], created["created_at"]);

        let res = app.get("/v1/brands/acme/orders/%231001", Some(&key)).await;
        assert_eq!(res.status(), StatusCode::OK);
        let got: Value = res.json().await.unwrap();
        assert_eq!(got["lines"][0]["name"], "T-shirt M (blue)");
        assert_eq!(got["shipments"][0]["tracking_number"], "T-1001");

        let res = app.get("/v1/brands/acme/orders/9999", Some(&key)).await;
        assert_problem(res, StatusCode::NOT_FOUND, "order_not_found").await;
    }
);

both!(
    async fn invalid_orders_name_every_bad_field(app) {
        let key = app.brand_with_key("acme").await;
        let mut bad = order("1001");
        bad["currency"] = json!("EUR");
        bad["customer"]["email"] = json!("not-an-email");
        bad["customer"]["phone"] = json!("0612345678");
        bad["shipping_address"]["postal_code"] = json!("12");
        bad["lines"][0]["quantity"] = json!(0);
        bad["lines"][1]["id"] = json!("L1");
        bad["lines"][1]["unit_price"]["currency"] = json!("USD");
        bad["shipments"][0]["lines"][0]["quantity"] = json!(5);
        let res = app.post("/v1/brands/acme/orders", Some(&key), &bad).await;
        let body = assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        let mut fields = error_fields(&body);
        fields.sort();
        assert_eq!(
            fields,
            vec![
                "customer.email",
                "customer.phone",
                "lines[0].quantity",
                "lines[1].id",
                "lines[1].unit_price.currency",
                "shipments[0].lines[0].quantity",
                "shipments[0].lines[1].line_id",
                "shipping_address.postal_code",
            ]
        );

        let mut bad = order("1002");
        bad["currency"] = json!("XXY");
        let res = app.post("/v1/brands/acme/orders", Some(&key), &bad).await;
        let body = assert_problem(res, StatusCode::BAD_REQUEST, "invalid_body").await;
        assert_eq!(error_fields(&body), vec!["currency"]);
    }
);

both!(
    async fn national_phone_numbers_need_the_brands_region(app) {
        let key = app.brand_with_key("acme").await;
        let mut o = order("1001");
        o["customer"]["phone"] = json!("06 12345678");
        let res = app.post("/v1/brands/acme/orders", Some(&key), &o).await;
        let body = assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(error_fields(&body), vec!["customer.phone"]);

        let mut s = app.settings("acme", &key).await;
        s["phone_region"] = json!("NL");
        app.put_settings("acme", &key, &s).await;
        let res = app.post("/v1/brands/acme/orders", Some(&key), &o).await;
        assert_eq!(res.status(), StatusCode::CREATED);
        assert_eq!(res.json::<Value>().await.unwrap()["customer"]["phone"], "+31612345678");
    }
);

both!(
    async fn a_tracking_number_belongs_to_one_order_of_a_brand(app) {
        let key = app.brand_with_key("acme").await;
        assert_eq!(app.post("/v1/brands/acme/orders", Some(&key), &order("1001")).await.status(), StatusCode::CREATED);
        let mut other = order("1002");
        other["shipments"][0]["tracking_number"] = json!("t-1001");
        let res = app.post("/v1/brands/acme/orders", Some(&key), &other).await;
        let body = assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(body["errors"][0]["code"], "tracking_number_taken");
        // The same order may keep its own tracking numbers on upsert.
        assert_eq!(app.post("/v1/brands/acme/orders", Some(&key), &order("1001")).await.status(), StatusCode::OK);
    }
);

both!(
    async fn bulk_ingestion_writes_everything_or_nothing(app) {
        let key = app.brand_with_key("acme").await;
        let orders: Vec<Value> = (0..50).map(|i| order(&format!("B{i}"))).collect();
        let res = app.post("/v1/brands/acme/orders/bulk", Some(&key), &json!({ "orders": orders })).await;
        assert_eq!(res.status(), StatusCode::OK);
        let result: Value = res.json().await.unwrap();
        assert_eq!(result["created"], 50);
        assert_eq!(result["updated"], 0);
        assert_eq!(result["orders"][49]["number"], "B49");

        // One bad order in the middle: nothing of the batch is written.
        let mut orders: Vec<Value> = (0..10).map(|i| order(&format!("C{i}"))).collect();
        orders[7]["lines"][0]["quantity"] = json!(-1);
        orders[8]["shipments"][0]["carrier"] = json!("Post NL");
        orders.push(order("B3"));
        let res = app.post("/v1/brands/acme/orders/bulk", Some(&key), &json!({ "orders": orders })).await;
        let body = assert_problem(res, StatusCode::BAD_REQUEST, "invalid_body").await;
        assert_eq!(error_fields(&body), vec!["orders[7].lines[0].quantity"]);

        orders[7]["lines"][0]["quantity"] = json!(1);
        orders[7]["shipments"][0]["lines"][0]["quantity"] = json!(1);
        let res = app.post("/v1/brands/acme/orders/bulk", Some(&key), &json!({ "orders": orders })).await;
        let body = assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(error_fields(&body), vec!["orders[8].shipments[0].carrier"]);
        for number in ["C0", "C6", "C9"] {
            let res = app.get(&format!("/v1/brands/acme/orders/{number}"), Some(&key)).await;
            assert_eq!(res.status(), StatusCode::NOT_FOUND, "{number} must not be written");
        }

        orders[8]["shipments"][0]["carrier"] = json!("postnl");
        let res = app.post("/v1/brands/acme/orders/bulk", Some(&key), &json!({ "orders": orders })).await;
        assert_eq!(res.status(), StatusCode::OK);
        let result: Value = res.json().await.unwrap();
        assert_eq!((result["created"].as_u64(), result["updated"].as_u64()), (Some(10), Some(1)));
    }
);

both!(
    async fn bulk_rejects_duplicates_within_the_request_and_oversized_batches(app) {
        let key = app.brand_with_key("acme").await;
        let res = app
            .post("/v1/brands/acme/orders/bulk", Some(&key), &json!({ "orders": [order("D1"), order("d1")] }))
            .await;
        let body = assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        let fields = error_fields(&body);
        assert!(fields.contains(&"orders[1].number".to_string()), "{fields:?}");

        let res = app.post("/v1/brands/acme/orders/bulk", Some(&key), &json!({ "orders": [] })).await;
        assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        let many: Vec<Value> = (0..1001).map(|i| order(&format!("M{i}"))).collect();
        let res = app.post("/v1/brands/acme/orders/bulk", Some(&key), &json!({ "orders": many })).await;
        assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    }
);

both!(
    async fn orders_of_another_tenant_are_out_of_reach(app) {
        let acme = app.brand_with_key("acme").await;
        let other = app.brand_with_key("other").await;
        assert_eq!(app.post("/v1/brands/acme/orders", Some(&acme), &order("1001")).await.status(), StatusCode::CREATED);
        let res = app.get("/v1/brands/acme/orders/1001", Some(&other)).await;
        assert_problem(res, StatusCode::NOT_FOUND, "brand_not_found").await;
        let res = app.post("/v1/brands/acme/orders", Some(&other), &order("1002")).await;
        assert_problem(res, StatusCode::NOT_FOUND, "brand_not_found").await;
        // The same number in another brand is another order.
        assert_eq!(app.post("/v1/brands/other/orders", Some(&other), &order("1001")).await.status(), StatusCode::CREATED);
    }
);

both!(
    async fn postal_codes_with_multibyte_characters_are_rejected(app) {
        let key = app.brand_with_key("acme").await;
        let mut bad = order("1001");
        bad["shipping_address"]["country"] = json!("NL");
        bad["shipping_address"]["postal_code"] = json!("101ÉA");
        let res = app.post("/v1/brands/acme/orders", Some(&key), &bad).await;
        let body = assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(error_fields(&body), vec!["shipping_address.postal_code"]);
    }
);

both!(
    async fn a_bulk_body_for_another_brand_is_refused_before_it_is_read(app) {
        app.brand_with_key("acme").await;
        let other = app.brand_with_key("other").await;
        let head = format!(
            "POST /v1/brands/acme/orders/bulk HTTP/1.1\r\nhost: x\r\nauthorization: Bearer {other}\r\ncontent-type: application/json\r\ncontent-length: 30000000\r\n\r\n{{\"orders\":["
        );
        let wait = std::time::Duration::from_secs(5);
        let (answer, after) = crate::errors::trickle(app.port, head, Vec::new(), std::time::Duration::ZERO, wait)
            .await
            .expect("an answer without the body");
        assert!(answer.starts_with("HTTP/1.1 404"), "{answer}");
        assert!(answer.contains("\"brand_not_found\""), "{answer}");
        assert!(after < std::time::Duration::from_secs(3), "{after:?}");
    }
);
