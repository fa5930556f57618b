//! Returns: creation, validation, idempotency, the race, lifecycle, tenancy.

use std::collections::HashMap;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::both;
use crate::helpers::{TestApp, assert_problem, error_fields};
use crate::returns_fixtures::{act, create, created, order, request, shop, tokens};

async fn outbox_rows(app: &TestApp) -> Vec<(String, String, String)> {
    app.db
        .read(|conn| {
            use diesel::prelude::*;
            use returns_api::db::schema::outbox::dsl::*;
            Ok(outbox
                .select((kind, aggregate_id, payload))
                .order(id.asc())
                .load(conn)?)
        })
        .await
        .unwrap()
}

both!(
    async fn an_auto_approving_reason_approves_at_once_with_a_label_to_poll(app) {
        let s = shop(&app, 2).await;
        let res = create(&app, &s.access, &request(1, "too_small")).await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let location = res.headers()["location"].to_str().unwrap().to_string();
        let r: Value = res.json().await.unwrap();
        assert!(location.ends_with(r["id"].as_str().unwrap()));
        assert!(r["id"].as_str().unwrap().starts_with("ret_"));
        let rma = r["rma_number"].as_str().unwrap();
        assert!(rma.starts_with("RET-") && rma.len() == 10, "{rma}");
        assert!(rma[4..].chars().all(|c| "23456789ABCDEFGHJKMNPQRSTUVWXYZ".contains(c)));
        assert_eq!(r["status"], "approved");
        assert_eq!(r["order_number"], "1001");
        let item = &r["items"][0];
        assert_eq!((item["requested_quantity"].as_u64(), item["approved_quantity"].as_u64()), (Some(1), Some(1)));
        assert_eq!((item["received_quantity"].as_u64(), item["damaged_quantity"].as_u64()), (Some(0), Some(0)));
        assert_eq!(item["reason_code"], "too_small");
        assert_eq!(r["shipments"].as_array().unwrap().len(), 1);
        let label = &r["shipments"][0]["label"];
        assert_eq!(label["status"], "pending");
        assert!(label["poll_url"].as_str().unwrap().contains("/v1/labels/lbl_"));
        assert!(label["poll_url"].as_str().unwrap().contains("?token="));
        assert_eq!(r["shipments"][0]["address"]["id"], "main-warehouse");
        assert_eq!(r["return_fee"], json!({ "amount": 295, "currency": "EUR" }));
        assert_eq!(r["estimated_refund"], json!({ "amount": 1999 - 295, "currency": "EUR" }));
        assert_eq!(r["return_method"], json!({ "type": "drop_off", "carrier": "postnl", "service_point_id": null, "pickup_date": null }));
    }
);

both!(
    async fn a_reason_needing_review_leaves_the_return_requested_without_a_label(app) {
        let s = shop(&app, 2).await;
        let r = created(&app, &s.access, &request(1, "not_as_described")).await;
        assert_eq!(r["status"], "requested");
        assert_eq!(r["items"][0]["approved_quantity"], 0);
        assert!(r["shipments"][0]["label"].is_null());
    }
);

both!(
    async fn items_of_a_vendor_travel_in_their_own_shipment(app) {
        let s = shop(&app, 2).await;
        let body = json!({
            "items": [ { "order_line_id": "L1", "quantity": 1, "reason_code": "too_small" },
                       { "order_line_id": "L3", "quantity": 1, "reason_code": "changed_mind" } ],
            "return_method": { "type": "drop_off", "carrier": "dhl" },
            "resolution": { "type": "store_credit" }
        });
        let r = created(&app, &s.access, &body).await;
        let shipments = r["shipments"].as_array().unwrap();
        assert_eq!(shipments.len(), 2);
        assert_eq!(shipments[0]["address"]["id"], "main-warehouse");
        assert_eq!(shipments[1]["address"]["id"], "nordic-knits");
        assert_eq!(shipments[1]["item_ids"], json!([r["items"][1]["id"]]));
        assert_ne!(shipments[0]["label"]["id"], shipments[1]["label"]["id"]);
        // Store credit: the fee is waived and the 10 % bonus applies.
        assert!(r["return_fee"].is_null());
        assert_eq!(r["estimated_refund"]["amount"], (1999 + 8900) * 110 / 100);
    }
);

async fn expect(
    app: &TestApp,
    access: &str,
    body: Value,
    status: StatusCode,
    code: &str,
    field: &str,
) {
    let res = create(app, access, &body).await;
    let problem = assert_problem(res, status, code).await;
    assert!(
        error_fields(&problem).contains(&field.to_string()),
        "{field} not in {problem}"
    );
}

both!(
    async fn each_item_rule_is_a_named_422(app) {
        let s = shop(&app, 2).await;
        let item = |v: Value| json!({ "items": [v], "return_method": { "type": "drop_off", "carrier": "postnl" }, "resolution": { "type": "refund" } });
        let u = StatusCode::UNPROCESSABLE_ENTITY;
        expect(&app, &s.access, item(json!({ "order_line_id": "L1", "quantity": 1, "reason_code": "other" })), u, "comment_required", "items[0].comment").await;
        expect(&app, &s.access, item(json!({ "order_line_id": "L1", "quantity": 1, "reason_code": "wrong_item" })), u, "images_required", "items[0].image_ids").await;
        expect(&app, &s.access, item(json!({ "order_line_id": "L1", "quantity": 1, "reason_code": "damaged", "comment": "torn", "image_ids": [] })), u, "images_required", "items[0].condition_code").await;
        expect(&app, &s.access, item(json!({ "order_line_id": "L2", "quantity": 1, "reason_code": "too_small" })), u, "not_returnable", "items[0].order_line_id").await;
        expect(&app, &s.access, item(json!({ "order_line_id": "L1", "quantity": 3, "reason_code": "too_small" })), u, "quantity_exceeds_returnable", "items[0].quantity").await;
        expect(&app, &s.access, item(json!({ "order_line_id": "L1", "quantity": 1, "reason_code": "bored" })), u, "unknown_reason", "items[0].reason_code").await;
        expect(&app, &s.access, item(json!({ "order_line_id": "L9", "quantity": 1, "reason_code": "too_small" })), u, "unknown_line", "items[0].order_line_id").await;
        expect(&app, &s.access, item(json!({ "order_line_id": "L1", "quantity": 1, "reason_code": "too_small", "image_ids": ["upl_nope"] })), u, "unknown_image", "items[0].image_ids[0]").await;
        expect(&app, &s.access, item(json!({ "order_line_id": "L1", "quantity": 1, "reason_code": "too_small", "condition_code": "shiny" })), u, "unknown_condition", "items[0].condition_code").await;
        expect(&app, &s.access, json!({ "items": [], "return_method": { "type": "drop_off", "carrier": "postnl" }, "resolution": { "type": "refund" } }), u, "invalid_length", "items").await;
        // Nothing was created by any of them.
        let list: Value = app.get("/v1/brands/acme/returns", Some(&s.key)).await.json().await.unwrap();
        assert!(list["data"].as_array().unwrap().is_empty());
    }
);

both!(
    async fn the_method_and_resolution_are_checked_against_the_settings(app) {
        let s = shop(&app, 2).await;
        let u = StatusCode::UNPROCESSABLE_ENTITY;
        let with = |method: Value, resolution: Value| json!({
            "items": [ { "order_line_id": "L1", "quantity": 1, "reason_code": "too_small" } ],
            "return_method": method, "resolution": resolution });
        let refund = json!({ "type": "refund" });
        expect(&app, &s.access, with(json!({ "type": "drop_off" }), refund.clone()), u, "carrier_required", "return_method.carrier").await;
        expect(&app, &s.access, with(json!({ "type": "drop_off", "carrier": "ups" }), refund.clone()), u, "carrier_not_allowed", "return_method.carrier").await;
        expect(&app, &s.access, with(json!({ "type": "drop_off", "carrier": "postnl", "service_point_id": "sp_missing" }), refund.clone()), u, "service_point_not_found", "return_method.service_point_id").await;
        expect(&app, &s.access, with(json!({ "type": "pickup", "carrier": "dhl" }), refund.clone()), u, "pickup_date_required", "return_method.pickup_date").await;
        let far = (chrono::Utc::now() + chrono::Duration::days(30)).date_naive().to_string();
        expect(&app, &s.access, with(json!({ "type": "pickup", "carrier": "dhl", "pickup_date": far }), refund.clone()), u, "pickup_date_invalid", "return_method.pickup_date").await;
        let today = chrono::Utc::now().date_naive().to_string();
        expect(&app, &s.access, with(json!({ "type": "pickup", "carrier": "dhl", "pickup_date": today }), refund.clone()), u, "pickup_date_invalid", "return_method.pickup_date").await;
        expect(&app, &s.access, with(json!({ "type": "in_store", "carrier": "dhl" }), refund.clone()), u, "not_allowed", "return_method.carrier").await;
        expect(&app, &s.access, with(json!({ "type": "drop_off", "carrier": "postnl" }), json!({ "type": "exchange" })), u, "exchange_sku_required", "resolution.exchange_sku").await;
        expect(&app, &s.access, with(json!({ "type": "drop_off", "carrier": "postnl" }), json!({ "type": "refund", "exchange_sku": "X" })), u, "not_allowed", "resolution.exchange_sku").await;

        // Disabled methods and resolutions are refused.
        let mut settings = app.settings("acme", &s.key).await;
        settings["return_methods"][2]["enabled"] = json!(false); // pickup
        settings["refund_options"][2]["enabled"] = json!(false); // exchange
        app.put_settings("acme", &s.key, &settings).await;
        let tomorrow = (chrono::Utc::now() + chrono::Duration::days(2)).date_naive().to_string();
        expect(&app, &s.access, with(json!({ "type": "pickup", "carrier": "dhl", "pickup_date": tomorrow }), refund.clone()), u, "return_method_not_allowed", "return_method.type").await;
        expect(&app, &s.access, with(json!({ "type": "drop_off", "carrier": "postnl" }), json!({ "type": "exchange", "exchange_sku": "TSHIRT-L" })), u, "resolution_not_allowed", "resolution.type").await;
    }
);

both!(
    async fn the_chosen_service_point_must_exist_be_active_and_fit_the_method(app) {
        let s = shop(&app, 2).await;
        let res = crate::service_points::import(&app, &[
            crate::service_points::point("postnl", "ACTIVE", 100.0, false),
            crate::service_points::point("dhl", "DHL1", 200.0, true),
        ], false).await;
        assert_eq!(res.status(), StatusCode::OK);
        let points: Value = app.get("/v1/portal/acme/service-points?country=NL&latitude=52.3791&longitude=4.9003", Some(&s.sp)).await.json().await.unwrap();
        let id = |code: &str| points["data"].as_array().unwrap().iter().find(|p| p["code"] == code).unwrap()["id"].as_str().unwrap().to_string();
        let (postnl, dhl) = (id("ACTIVE"), id("DHL1"));
        let body = |method: &str, carrier: &str, point: &str| json!({
            "items": [ { "order_line_id": "L1", "quantity": 1, "reason_code": "too_small" } ],
            "return_method": { "type": method, "carrier": carrier, "service_point_id": point },
            "resolution": { "type": "refund" } });
        let u = StatusCode::UNPROCESSABLE_ENTITY;
        expect(&app, &s.access, body("drop_off", "postnl", &dhl), u, "service_point_carrier_mismatch", "return_method.service_point_id").await;
        expect(&app, &s.access, body("labelless", "postnl", &postnl), u, "service_point_not_labelless", "return_method.service_point_id").await;
        // Deactivate the postnl point by replacing the postnl network.
        let res = crate::service_points::import(&app, &[crate::service_points::point("postnl", "OTHER", 900.0, false)], true).await;
        assert_eq!(res.status(), StatusCode::OK);
        expect(&app, &s.access, body("drop_off", "postnl", &postnl), u, "service_point_inactive", "return_method.service_point_id").await;
        let r = created(&app, &s.access, &body("drop_off", "dhl", &dhl)).await;
        assert_eq!(r["return_method"]["service_point_id"], json!(dhl));
    }
);

both!(
    async fn preview_reports_per_item_and_creates_nothing(app) {
        let s = shop(&app, 2).await;
        let body = json!({
            "items": [ { "order_line_id": "L1", "quantity": 2, "reason_code": "too_small" },
                       { "order_line_id": "L2", "quantity": 1, "reason_code": "too_small" } ],
            "return_method": { "type": "drop_off", "carrier": "postnl" }, "resolution": { "type": "refund" } });
        let res = app.post("/v1/portal/acme/returns/preview", Some(&s.access), &body).await;
        assert_eq!(res.status(), StatusCode::OK);
        let p: Value = res.json().await.unwrap();
        assert_eq!(p["valid"], false);
        assert_eq!(p["items"][0]["valid"], true);
        assert_eq!(p["items"][0]["returnable_quantity"], 2);
        assert_eq!(p["items"][1]["valid"], false);
        assert_eq!(p["items"][1]["errors"][0]["code"], "not_returnable");

        let valid = request(2, "too_small");
        let p: Value = app.post("/v1/portal/acme/returns/preview", Some(&s.access), &valid).await.json().await.unwrap();
        assert_eq!(p["valid"], true);
        assert_eq!(p["auto_approve"], true);
        assert_eq!(p["return_fee"]["amount"], 295);
        assert_eq!(p["estimated_refund"]["amount"], 2 * 1999 - 295);
        let p: Value = app.post("/v1/portal/acme/returns/preview", Some(&s.access), &request(1, "other")).await.json().await.unwrap();
        assert_eq!((p["valid"].as_bool(), p["auto_approve"].as_bool()), (Some(true), Some(false)));
        assert!(outbox_rows(&app).await.is_empty());
        let list: Value = app.get("/v1/brands/acme/returns", Some(&s.key)).await.json().await.unwrap();
        assert!(list["data"].as_array().unwrap().is_empty());
    }
);

both!(
    async fn an_idempotency_key_replays_the_same_body_and_refuses_another(app) {
        let s = shop(&app, 2).await;
        let send = |body: Value| {
            app.request(Method::POST, "/v1/portal/acme/returns", Some(&s.access))
                .header("Idempotency-Key", "order-1001-attempt-1")
                .json(&body)
                .send()
        };
        let first = send(request(1, "too_small")).await.unwrap();
        assert_eq!(first.status(), StatusCode::CREATED);
        let first: Value = first.json().await.unwrap();
        let again = send(request(1, "too_small")).await.unwrap();
        assert_eq!(again.status(), StatusCode::CREATED);
        assert_eq!(again.headers()["idempotent-replayed"], "true");
        let again: Value = again.json().await.unwrap();
        assert_eq!(again, first);
        let res = send(request(2, "too_small")).await.unwrap();
        assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "idempotency_key_reused").await;
        let list: Value = app.get("/v1/brands/acme/returns", Some(&s.key)).await.json().await.unwrap();
        assert_eq!(list["data"].as_array().unwrap().len(), 1);
    }
);

both!(
    async fn an_idempotency_key_older_than_a_day_is_free_again(app) {
        let s = shop(&app, 2).await;
        let send = |body: Value| {
            app.request(Method::POST, "/v1/portal/acme/returns", Some(&s.access))
                .header("Idempotency-Key", "reused-next-week")
                .json(&body)
                .send()
        };
        let first: Value = send(request(1, "too_small")).await.unwrap().json().await.unwrap();
        // A day and a minute later the key means nothing any more.
        let old = returns_api::db::now() - chrono::Duration::minutes(24 * 60 + 1);
        app.db
            .write(move |conn| {
                use diesel::prelude::*;
                use returns_api::db::schema::idempotency_keys::dsl::*;
                diesel::update(idempotency_keys).set(created_at.eq(old)).execute(conn)?;
                Ok(())
            })
            .await
            .unwrap();
        let res = send(request(1, "too_small")).await.unwrap();
        assert_eq!(res.status(), StatusCode::CREATED);
        assert!(res.headers().get("idempotent-replayed").is_none());
        let second: Value = res.json().await.unwrap();
        assert_ne!(second["id"], first["id"]);
        // And it is bound to the new request from now on.
        let res = send(request(2, "too_small")).await.unwrap();
        assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "idempotency_key_reused").await;
    }
);

both!(
    async fn concurrent_retries_with_one_idempotency_key_create_one_return(app) {
        let s = shop(&app, 5).await;
        // A second order of the brand whose customer picked the same key.
        let res = app.post("/v1/brands/acme/orders", Some(&s.key), &order("1002", 5)).await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let (other, _) = tokens(&app, "1002").await;
        let send = |access: String| {
            let app = &app;
            async move {
                let res = app
                    .request(Method::POST, "/v1/portal/acme/returns", Some(&access))
                    .header("Idempotency-Key", "double-click")
                    .json(&request(1, "too_small"))
                    .send()
                    .await
                    .unwrap();
                let status = res.status();
                (status, res.json::<Value>().await.unwrap())
            }
        };
        let racers: Vec<_> = (0..32)
            .map(|i| send(if i % 2 == 0 { s.access.clone() } else { other.clone() }))
            .collect();
        let results = futures_util::future::join_all(racers).await;
        let created: Vec<&Value> = results
            .iter()
            .filter(|(status, _)| *status == StatusCode::CREATED)
            .map(|(_, body)| body)
            .collect();
        let refused = results
            .iter()
            .filter(|(status, body)| {
                *status == StatusCode::UNPROCESSABLE_ENTITY && body["code"] == "idempotency_key_reused"
            })
            .count();
        assert_eq!(created.len() + refused, results.len(), "{results:?}");
        // Every 201 is the same return, whichever request got in first.
        assert!(created.iter().all(|b| b["id"] == created[0]["id"]), "{created:?}");
        let list: Value = app.get("/v1/brands/acme/returns?limit=100", Some(&s.key)).await.json().await.unwrap();
        assert_eq!(list["data"].as_array().unwrap().len(), 1, "{list}");
        // The key belongs to whichever order won: the other order's 16
        // requests were refused, the winner's 16 got its return.
        assert_eq!((created.len(), refused), (16, 16));
    }
);

both!(
    async fn two_hundred_concurrent_creates_never_exceed_the_returnable_quantity(app) {
        let s = shop(&app, 5).await;
        let requests = (0..200).map(|i| {
            let app = &app;
            let access = s.access.clone();
            async move {
                let body = json!({
                    "items": [ { "order_line_id": "L1", "quantity": 1 + (i % 2), "reason_code": "too_small" } ],
                    "return_method": { "type": "drop_off", "carrier": "postnl" }, "resolution": { "type": "refund" } });
                let res = create(app, &access, &body).await;
                let status = res.status();
                let body: Value = res.json().await.unwrap();
                (status, body)
            }
        });
        let results = futures_util::future::join_all(requests).await;
        let mut by_status: HashMap<u16, usize> = HashMap::new();
        let mut units = 0;
        for (status, body) in &results {
            *by_status.entry(status.as_u16()).or_default() += 1;
            match status.as_u16() {
                201 => units += body["items"][0]["approved_quantity"].as_u64().unwrap(),
                409 => assert_eq!(body["code"], "quantity_conflict"),
                other => panic!("unexpected {other}: {body}"),
            }
        }
        assert!(units <= 5, "{units} units returned of 5 delivered ({by_status:?})");
        assert!(units >= 4, "the returnable units were used ({by_status:?})");
        // The database agrees: approved units of active returns.
        let list: Value = app.get("/v1/brands/acme/returns?limit=100", Some(&s.key)).await.json().await.unwrap();
        let stored: u64 = list["data"].as_array().unwrap().iter().map(|r| r["items"][0]["approved_quantity"].as_u64().unwrap()).sum();
        assert_eq!(stored, units);
        let lookup: Value = app.post("/v1/portal/acme/lookup", None, &json!({ "identifier": "1001", "postal_code": "1012AB" })).await.json().await.unwrap();
        assert_eq!(lookup["order"]["lines"][0]["returnable_quantity"].as_u64().unwrap(), 5 - units);
    }
);

both!(
    async fn returned_units_show_as_already_returned_and_cancelling_frees_them(app) {
        let s = shop(&app, 1).await;
        let r = created(&app, &s.access, &request(1, "too_small")).await;
        let body: Value = app.post("/v1/portal/acme/lookup", None, &json!({ "identifier": "1001", "postal_code": "1012AB" })).await.json().await.unwrap();
        assert_eq!(body["order"]["lines"][0]["non_returnable_reason"], "already_returned");
        let res = create(&app, &s.access, &request(1, "too_small")).await;
        assert_problem(res, StatusCode::CONFLICT, "quantity_conflict").await;
        let id = r["id"].as_str().unwrap();
        let res = app.post(&format!("/v1/portal/acme/returns/{id}/cancel"), Some(&s.access), &json!({})).await;
        assert_eq!(res.status(), StatusCode::OK);
        let cancelled: Value = res.json().await.unwrap();
        assert_eq!(cancelled["status"], "cancelled");
        assert_eq!(cancelled["shipments"][0]["label"]["status"], "cancelled");
        let body: Value = app.post("/v1/portal/acme/lookup", None, &json!({ "identifier": "1001", "postal_code": "1012AB" })).await.json().await.unwrap();
        assert_eq!(body["order"]["lines"][0]["returnable_quantity"], 1);
    }
);

both!(
    async fn partial_approval_records_the_rejected_remainder(app) {
        let s = shop(&app, 3).await;
        let body = json!({
            "items": [ { "order_line_id": "L1", "quantity": 3, "reason_code": "other", "comment": "too many" },
                       { "order_line_id": "L3", "quantity": 1, "reason_code": "other", "comment": "itchy" } ],
            "return_method": { "type": "drop_off", "carrier": "postnl" }, "resolution": { "type": "refund" } });
        let r = created(&app, &s.access, &body).await;
        assert_eq!(r["status"], "requested");
        let (a, b) = (r["items"][0]["id"].as_str().unwrap(), r["items"][1]["id"].as_str().unwrap());
        let id = r["id"].as_str().unwrap();
        let res = act(&app, &s.key, id, "approve", Some(json!({ "items": [ { "return_item_id": b, "quantity": 2 } ] }))).await;
        let problem = assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(problem["errors"][0]["code"], "quantity_exceeds_requested");
        let res = act(&app, &s.key, id, "approve", Some(json!({
            "items": [ { "return_item_id": a, "quantity": 1, "rejection_reason": "worn" },
                       { "return_item_id": b, "quantity": 0, "rejection_reason": "final_sale" } ],
            "note": "partly accepted" }))).await;
        assert_eq!(res.status(), StatusCode::OK);
        let r: Value = res.json().await.unwrap();
        assert_eq!(r["status"], "approved");
        assert_eq!((r["items"][0]["approved_quantity"].as_u64(), r["items"][0]["rejected_quantity"].as_u64()), (Some(1), Some(2)));
        assert_eq!(r["items"][0]["rejection_reason"], "worn");
        assert_eq!((r["items"][1]["approved_quantity"].as_u64(), r["items"][1]["rejected_quantity"].as_u64()), (Some(0), Some(1)));
        // Only the parcel with approved units gets a label.
        assert_eq!(r["shipments"][0]["label"]["status"], "pending");
        assert!(r["shipments"][1]["label"].is_null());
        // The rejected units are free again.
        let lookup: Value = app.post("/v1/portal/acme/lookup", None, &json!({ "identifier": "1001", "postal_code": "1012AB" })).await.json().await.unwrap();
        assert_eq!(lookup["order"]["lines"][0]["returnable_quantity"], 2);
        let events: Value = app.get(&format!("/v1/brands/acme/returns/{id}/events"), Some(&s.key)).await.json().await.unwrap();
        let approved = events["data"].as_array().unwrap().iter().find(|e| e["type"] == "return.approved").unwrap();
        assert_eq!(approved["details"]["note"], "partly accepted");
        assert!(approved["actor"].as_str().unwrap().starts_with("merchant:key_"));
        assert_eq!((approved["from_status"].as_str(), approved["to_status"].as_str()), (Some("requested"), Some("approved")));
        let res = act(&app, &s.key, id, "approve", None).await;
        assert_problem(res, StatusCode::CONFLICT, "invalid_transition").await;
    }
);

both!(
    async fn receiving_with_damage_then_completing(app) {
        let s = shop(&app, 3).await;
        let r = created(&app, &s.access, &request(3, "too_small")).await;
        let (id, item) = (r["id"].as_str().unwrap(), r["items"][0]["id"].as_str().unwrap());
        let receive = |qty: u32, damaged: u32| json!({ "items": [ { "return_item_id": item, "quantity": qty, "damaged_quantity": damaged, "condition_code": "damaged" } ] });
        let res = act(&app, &s.key, id, "receive", Some(receive(1, 2))).await;
        assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        let res = act(&app, &s.key, id, "receive", Some(receive(2, 1))).await;
        assert_eq!(res.status(), StatusCode::OK);
        let r: Value = res.json().await.unwrap();
        assert_eq!(r["status"], "partially_received");
        assert_eq!((r["items"][0]["received_quantity"].as_u64(), r["items"][0]["damaged_quantity"].as_u64()), (Some(2), Some(1)));
        assert_eq!(r["items"][0]["received_condition_code"], "damaged");
        let res = act(&app, &s.key, id, "receive", Some(receive(2, 0))).await;
        let problem = assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(problem["errors"][0]["code"], "quantity_exceeds_approved");
        let res = act(&app, &s.key, id, "complete", Some(json!({ "resolution": { "type": "refund", "amount": { "amount": 100, "currency": "EUR" } } }))).await;
        assert_problem(res, StatusCode::CONFLICT, "invalid_transition").await;
        let res = act(&app, &s.key, id, "receive", Some(receive(1, 0))).await;
        assert_eq!(res.json::<Value>().await.unwrap()["status"], "received");
        let res = act(&app, &s.key, id, "complete", Some(json!({ "resolution": { "type": "refund" } }))).await;
        assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        let res = act(&app, &s.key, id, "complete", Some(json!({ "resolution": { "type": "refund", "amount": { "amount": 3702, "currency": "EUR" } } }))).await;
        assert_eq!(res.status(), StatusCode::OK);
        let r: Value = res.json().await.unwrap();
        assert_eq!(r["status"], "completed");
        assert_eq!(r["resolution_given"]["amount"]["amount"], 3702);
    }
);

both!(
    async fn every_allowed_transition_and_a_sample_of_forbidden_ones(app) {
        let s = shop(&app, 9).await;
        let new = |reason: &'static str| {
            let app = &app;
            let access = s.access.clone();
            async move { created(app, &access, &request(1, reason)).await["id"].as_str().unwrap().to_string() }
        };
        let status = |res: reqwest::Response| async move { res.json::<Value>().await.unwrap()["status"].as_str().unwrap().to_string() };
        // requested → approved → in_transit → received → completed
        let a = new("other").await;
        assert_eq!(status(act(&app, &s.key, &a, "approve", None).await).await, "approved");
        assert_eq!(status(act(&app, &s.key, &a, "in-transit", None).await).await, "in_transit");
        let res = app.post(&format!("/v1/portal/acme/returns/{a}/cancel"), Some(&s.access), &json!({})).await;
        assert_problem(res, StatusCode::CONFLICT, "not_cancellable").await;
        let item = |id: &str| {
            let app = &app;
            let key = s.key.clone();
            let id = id.to_string();
            async move {
                let r: Value = app.get(&format!("/v1/brands/acme/returns/{id}"), Some(&key)).await.json().await.unwrap();
                r["items"][0]["id"].as_str().unwrap().to_string()
            }
        };
        let ia = item(&a).await;
        assert_eq!(status(act(&app, &s.key, &a, "receive", Some(json!({ "items": [ { "return_item_id": ia, "quantity": 1 } ] }))).await).await, "received");
        assert_eq!(status(act(&app, &s.key, &a, "complete", Some(json!({ "resolution": { "type": "exchange", "exchange_order_reference": "EX-1" } }))).await).await, "completed");
        // requested → rejected; approving it afterwards is refused.
        let b = new("other").await;
        let res = act(&app, &s.key, &b, "reject", Some(json!({ "reason_code": "final_sale", "note": "sorry" }))).await;
        let r: Value = res.json().await.unwrap();
        assert_eq!((r["status"].as_str(), r["rejection"]["reason_code"].as_str()), (Some("rejected"), Some("final_sale")));
        assert_problem(act(&app, &s.key, &b, "approve", None).await, StatusCode::CONFLICT, "invalid_transition").await;
        // requested → cancelled (customer); approved → cancelled (merchant).
        let c = new("other").await;
        assert_eq!(status(app.post(&format!("/v1/portal/acme/returns/{c}/cancel"), Some(&s.access), &json!({})).await).await, "cancelled");
        assert_problem(act(&app, &s.key, &c, "approve", None).await, StatusCode::CONFLICT, "invalid_transition").await;
        let d = new("too_small").await;
        assert_eq!(status(act(&app, &s.key, &d, "cancel", None).await).await, "cancelled");
        // approved → received directly (no scan); forbidden jumps.
        let e = new("too_small").await;
        assert_problem(act(&app, &s.key, &e, "reject", Some(json!({ "reason_code": "other" }))).await, StatusCode::CONFLICT, "invalid_transition").await;
        assert_problem(act(&app, &s.key, &e, "complete", Some(json!({ "resolution": { "type": "exchange", "exchange_order_reference": "X" } }))).await, StatusCode::CONFLICT, "invalid_transition").await;
        let ie = item(&e).await;
        assert_eq!(status(act(&app, &s.key, &e, "receive", Some(json!({ "items": [ { "return_item_id": ie, "quantity": 1 } ] }))).await).await, "received");
        assert_problem(act(&app, &s.key, &e, "cancel", None).await, StatusCode::CONFLICT, "not_cancellable").await;
        let f = new("other").await;
        assert_problem(act(&app, &s.key, &f, "in-transit", None).await, StatusCode::CONFLICT, "invalid_transition").await;
        let fi = item(&f).await;
        assert_problem(act(&app, &s.key, &f, "receive", Some(json!({ "items": [ { "return_item_id": fi, "quantity": 1 } ] }))).await, StatusCode::CONFLICT, "invalid_transition").await;
        // The audit trail of the first return tells the whole story.
        let events: Value = app.get(&format!("/v1/brands/acme/returns/{a}/events"), Some(&s.key)).await.json().await.unwrap();
        let types: Vec<&str> = events["data"].as_array().unwrap().iter().map(|e| e["type"].as_str().unwrap()).filter(|t| t.starts_with("return.")).collect();
        assert_eq!(types, vec!["return.requested", "return.approved", "return.in_transit", "return.received", "return.completed"]);
    }
);

both!(
    async fn state_changes_and_their_outbox_rows_are_written_together(app) {
        let s = shop(&app, 2).await;
        crate::returns_fixtures::subscribed(&app, &s.key).await;
        let before = outbox_rows(&app).await.len();
        // A refused create writes nothing at all.
        let res = create(&app, &s.access, &request(5, "too_small")).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(outbox_rows(&app).await.len(), before);
        let r = created(&app, &s.access, &request(1, "too_small")).await;
        let rows = outbox_rows(&app).await;
        let id = r["id"].as_str().unwrap();
        let webhooks: Vec<String> = rows
            .iter()
            .filter(|(k, a, _)| k == "webhook.event" && a == id)
            .map(|(_, _, p)| serde_json::from_str::<Value>(p).unwrap()["type"].as_str().unwrap().to_string())
            .filter(|t| t.starts_with("return."))
            .collect();
        assert_eq!(webhooks, vec!["return.requested", "return.approved"]);
        let shipment = r["shipments"][0]["id"].as_str().unwrap();
        let labels = rows.iter().filter(|(k, a, _)| k == "label.create" && a == shipment).count();
        assert_eq!(labels, 1);
        // A rejected transition writes no event (wait for the label job's own event first).
        crate::returns_fixtures::wait_label(&app, r["shipments"][0]["label"]["poll_url"].as_str().unwrap()).await;
        let n = outbox_rows(&app).await.len();
        assert_eq!(act(&app, &s.key, id, "reject", Some(json!({ "reason_code": "other" }))).await.status(), StatusCode::CONFLICT);
        assert_eq!(outbox_rows(&app).await.len(), n);
    }
);

both!(
    async fn events_queue_webhook_jobs_only_while_the_brand_has_an_enabled_endpoint(app) {
        let s = shop(&app, 3).await;
        let hooks = |rows: Vec<(String, String, String)>| rows.iter().filter(|(k, _, _)| k == "webhook.event").count();
        let first = created(&app, &s.access, &request(1, "too_small")).await;
        assert_eq!(hooks(outbox_rows(&app).await), 0, "nobody to send them to");
        crate::returns_fixtures::subscribed(&app, &s.key).await;
        created(&app, &s.access, &request(1, "too_small")).await;
        let after_create = hooks(outbox_rows(&app).await);
        assert!(after_create >= 2, "return.requested and return.approved: {after_create}");
        // Later changes of the first return, too (the review path).
        let id = first["id"].as_str().unwrap();
        assert_eq!(act(&app, &s.key, id, "cancel", None).await.status(), StatusCode::OK);
        assert!(hooks(outbox_rows(&app).await) > after_create);
    }
);

both!(
    async fn nobody_sees_another_tenants_or_another_orders_returns(app) {
        let s = shop(&app, 2).await;
        let r = created(&app, &s.access, &request(1, "too_small")).await;
        let id = r["id"].as_str().unwrap();
        let other = app.brand_with_key("other").await;
        let res = app.get(&format!("/v1/brands/acme/returns/{id}"), Some(&other)).await;
        assert_problem(res, StatusCode::NOT_FOUND, "brand_not_found").await;
        let res = app.get(&format!("/v1/brands/other/returns/{id}"), Some(&other)).await;
        assert_problem(res, StatusCode::NOT_FOUND, "return_not_found").await;
        let res = app.request(Method::POST, &format!("/v1/brands/other/returns/{id}/approve"), Some(&other)).send().await.unwrap();
        assert_problem(res, StatusCode::NOT_FOUND, "return_not_found").await;
        // Another order of the same brand: its token cannot see the return.
        assert_eq!(app.post("/v1/brands/acme/orders", Some(&s.key), &order("1002", 1)).await.status(), StatusCode::CREATED);
        let (access2, _) = tokens(&app, "1002").await;
        let res = app.get(&format!("/v1/portal/acme/returns/{id}"), Some(&access2)).await;
        assert_problem(res, StatusCode::NOT_FOUND, "return_not_found").await;
        let res = app.post(&format!("/v1/portal/acme/returns/{id}/cancel"), Some(&access2), &json!({})).await;
        assert_problem(res, StatusCode::NOT_FOUND, "return_not_found").await;
        let list: Value = app.get("/v1/portal/acme/returns", Some(&access2)).await.json().await.unwrap();
        assert!(list["data"].as_array().unwrap().is_empty());
        // The owner sees it with its timeline.
        let mine: Value = app.get(&format!("/v1/portal/acme/returns/{id}"), Some(&s.access)).await.json().await.unwrap();
        let timeline: Vec<&str> = mine["timeline"].as_array().unwrap().iter().map(|t| t["type"].as_str().unwrap()).filter(|t| t.starts_with("return.")).collect();
        assert_eq!(timeline, vec!["return.requested", "return.approved"]);
    }
);

both!(
    async fn merchants_filter_and_page_through_returns(app) {
        let s = shop(&app, 9).await;
        let mut ids = Vec::new();
        for reason in ["too_small", "other", "too_small", "other", "too_small"] {
            ids.push(created(&app, &s.access, &request(1, reason)).await["id"].as_str().unwrap().to_string());
        }
        let page: Value = app.get("/v1/brands/acme/returns?status=requested", Some(&s.key)).await.json().await.unwrap();
        assert_eq!(page["data"].as_array().unwrap().len(), 2);
        let page: Value = app.get("/v1/brands/acme/returns?status=approved,requested&order_number=%231001", Some(&s.key)).await.json().await.unwrap();
        assert_eq!(page["data"].as_array().unwrap().len(), 5);
        let page: Value = app.get("/v1/brands/acme/returns?order_number=9999", Some(&s.key)).await.json().await.unwrap();
        assert!(page["data"].as_array().unwrap().is_empty());
        let future = (chrono::Utc::now() + chrono::Duration::hours(1)).to_rfc3339().replace('+', "%2B");
        let page: Value = app.get(&format!("/v1/brands/acme/returns?created_after={future}"), Some(&s.key)).await.json().await.unwrap();
        assert!(page["data"].as_array().unwrap().is_empty());
        let page: Value = app.get(&format!("/v1/brands/acme/returns?created_before={future}"), Some(&s.key)).await.json().await.unwrap();
        assert_eq!(page["data"].as_array().unwrap().len(), 5);
        let res = app.get("/v1/brands/acme/returns?status=lost", Some(&s.key)).await;
        assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        let mut seen = Vec::new();
        let mut path = "/v1/brands/acme/returns?limit=2".to_string();
        loop {
            let page: Value = app.get(&path, Some(&s.key)).await.json().await.unwrap();
            seen.extend(page["data"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap().to_string()));
            match page["next_cursor"].as_str() {
                Some(c) => path = format!("/v1/brands/acme/returns?limit=2&cursor={c}"),
                None => break,
            }
        }
        ids.reverse();
        assert_eq!(seen, ids, "newest first, every return once");
    }
);

both!(
    async fn a_status_filter_takes_the_comma_list_and_the_repeated_parameter_alike(app) {
        let s = shop(&app, 9).await;
        for reason in ["too_small", "other", "too_small"] {
            created(&app, &s.access, &request(1, reason)).await;
        }
        let ids = |page: Value| -> Vec<String> {
            page["data"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap().to_string()).collect()
        };
        let comma = ids(app.get("/v1/brands/acme/returns?status=approved,requested", Some(&s.key)).await.json().await.unwrap());
        let repeated = ids(app.get("/v1/brands/acme/returns?status=approved&status=requested", Some(&s.key)).await.json().await.unwrap());
        assert_eq!(comma.len(), 3);
        assert_eq!(repeated, comma);
        let one = ids(app.get("/v1/brands/acme/returns?status=requested&status=", Some(&s.key)).await.json().await.unwrap());
        assert_eq!(one.len(), 1);
        // A parameter that is not a list still takes one value.
        let res = app.get("/v1/brands/acme/returns?limit=1&limit=2", Some(&s.key)).await;
        assert_problem(res, StatusCode::BAD_REQUEST, "invalid_query").await;
    }
);

both!(
    async fn in_store_returns_need_no_label(app) {
        let s = shop(&app, 1).await;
        let r = created(&app, &s.access, &json!({
            "items": [ { "order_line_id": "L1", "quantity": 1, "reason_code": "too_small" } ],
            "return_method": { "type": "in_store" }, "resolution": { "type": "exchange", "exchange_sku": "TSHIRT-L" } })).await;
        assert_eq!(r["status"], "approved");
        assert!(r["shipments"][0]["label"].is_null());
        assert!(r["shipments"][0]["carrier"].is_null());
        assert_eq!(r["estimated_refund"]["amount"], 0);
    }
);
