//! Exchanges for another variant over HTTP: the item names the variant,
//! creation reserves its units in the same transaction, the price
//! difference is refunded when the variant is cheaper and absorbed when it
//! is dearer, and a rejected or cancelled return gives the units back.

use std::collections::HashMap;

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::both;
use crate::catalogue::{tshirt, upsert};
use crate::helpers::{TestApp, assert_problem};
use crate::returns_fixtures::{act, create, created, order, shop, tokens};

/// A drop-off return of `qty` units of L1 (a T-shirt M at 19.99) for
/// `reason`, exchanged for `sku`.
fn exchange(qty: u32, reason: &str, sku: &str) -> Value {
    json!({
        "items": [ {
            "order_line_id": "L1", "quantity": qty, "reason_code": reason, "comment": "does not fit",
            "resolution": { "type": "exchange", "variant_sku": sku }
        } ],
        "return_method": { "type": "drop_off", "carrier": "postnl" },
        "resolution": { "type": "refund" }
    })
}

/// Units of `sku` the catalogue holds and has reserved.
async fn stock_of(app: &TestApp, key: &str, sku: &str) -> (i64, i64) {
    let product: Value = app
        .get("/v1/brands/acme/products/tshirt", Some(key))
        .await
        .json()
        .await
        .unwrap();
    let v = product["variants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["sku"] == sku)
        .unwrap_or_else(|| panic!("{sku} in {product}"));
    (
        v["available"].as_i64().unwrap(),
        v["reserved"].as_i64().unwrap(),
    )
}

both!(
    async fn a_size_m_exchanged_for_an_l_at_the_same_price_reserves_one_l_until_cancelled(app) {
        let s = shop(&app, 2).await;
        assert_eq!(upsert(&app, &s.key, &tshirt()).await.status(), StatusCode::CREATED);

        // Preview shows the offer taken and the amounts, and holds nothing.
        let preview: Value = app
            .post("/v1/portal/acme/returns/preview", Some(&s.access), &exchange(1, "too_small", "TSHIRT-L"))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(preview["valid"], true, "{preview}");
        assert_eq!(preview["items"][0]["resolution"], "exchange");
        assert_eq!(preview["items"][0]["exchange"]["sku"], "TSHIRT-L");
        assert_eq!(preview["items"][0]["exchange"]["changed"], json!(["size"]));
        assert_eq!(preview["items"][0]["exchange"]["price_difference"]["amount"], 0);
        assert_eq!(preview["estimated_refund"]["amount"], 0);
        assert_eq!(stock_of(&app, &s.key, "TSHIRT-L").await, (3, 0));

        let ret = created(&app, &s.access, &exchange(1, "too_small", "TSHIRT-L")).await;
        let item = &ret["items"][0];
        assert_eq!(item["resolution"], "exchange");
        assert_eq!(item["exchange"], json!({ "variant_sku": "TSHIRT-L", "price_difference": { "amount": 0, "currency": "EUR" }, "order_reference": null }));
        assert_eq!(ret["estimated_refund"]["amount"], 0);
        assert_eq!(stock_of(&app, &s.key, "TSHIRT-L").await, (3, 1));
        // The portal offers what is left.
        let options: Value = app
            .get("/v1/portal/acme/exchange-options?order_line_id=L1", Some(&s.access))
            .await
            .json()
            .await
            .unwrap();
        let l = options["offers"].as_array().unwrap().iter().find(|o| o["sku"] == "TSHIRT-L").cloned();
        assert_eq!(l.map(|o| o["available"].clone()), Some(json!(2)));

        let id = ret["id"].as_str().unwrap();
        let res = app.post(&format!("/v1/portal/acme/returns/{id}/cancel"), Some(&s.access), &json!({})).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(stock_of(&app, &s.key, "TSHIRT-L").await, (3, 0), "cancelling gives the unit back");
        // Cancelling twice gives nothing back twice.
        let res = app.post(&format!("/v1/portal/acme/returns/{id}/cancel"), Some(&s.access), &json!({})).await;
        assert_eq!(res.status(), StatusCode::CONFLICT);
        assert_eq!(stock_of(&app, &s.key, "TSHIRT-L").await, (3, 0));
    }
);

both!(
    async fn a_cheaper_variant_refunds_the_difference_and_a_dearer_one_costs_the_customer_nothing(app) {
        let s = shop(&app, 4).await;
        assert_eq!(upsert(&app, &s.key, &tshirt()).await.status(), StatusCode::CREATED);
        // M black at 17.99: 2.00 back per unit.
        let cheaper = created(&app, &s.access, &exchange(1, "too_small", "TSHIRT-M-BLACK")).await;
        assert_eq!(cheaper["items"][0]["exchange"]["price_difference"]["amount"], -200);
        assert_eq!(cheaper["estimated_refund"]["amount"], 200);
        // XL at 24.99: the merchant absorbs 5.00 per unit.
        let dearer = created(&app, &s.access, &exchange(2, "too_small", "TSHIRT-XL")).await;
        assert_eq!(dearer["items"][0]["exchange"]["price_difference"]["amount"], 500);
        assert_eq!(dearer["estimated_refund"]["amount"], 0);
        assert_eq!(stock_of(&app, &s.key, "TSHIRT-XL").await, (2, 2));
        assert_eq!(stock_of(&app, &s.key, "TSHIRT-M-BLACK").await, (1, 1));
        // Mixed in one return: the last unit refunded (less nothing: no fee).
        let mixed = json!({
            "items": [ { "order_line_id": "L1", "quantity": 1, "reason_code": "changed_mind" } ],
            "return_method": { "type": "drop_off", "carrier": "postnl" },
            "resolution": { "type": "store_credit" }
        });
        let credit = created(&app, &s.access, &mixed).await;
        // The demo brand's store credit carries a 10 % bonus.
        assert_eq!(credit["estimated_refund"]["amount"], 2198);
    }
);

both!(
    async fn a_variant_not_offered_or_without_units_enough_is_refused_and_nothing_is_held(app) {
        let s = shop(&app, 5).await;
        assert_eq!(upsert(&app, &s.key, &tshirt()).await.status(), StatusCode::CREATED);
        // SWEATER is another product, M is the line's own.
        for sku in ["SWEATER", "TSHIRT-M", "NOPE"] {
            let res = create(&app, &s.access, &exchange(1, "too_small", sku)).await;
            let problem = assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "exchange_not_offered").await;
            assert_eq!(problem["errors"][0]["field"], "items[0].resolution.variant_sku");
        }
        // S is sold out; L has three.
        let res = create(&app, &s.access, &exchange(1, "too_small", "TSHIRT-S")).await;
        assert_problem(res, StatusCode::CONFLICT, "out_of_stock").await;
        let res = create(&app, &s.access, &exchange(4, "too_small", "TSHIRT-L")).await;
        assert_problem(res, StatusCode::CONFLICT, "out_of_stock").await;
        // An exchange names its variant; a refund names none.
        let mut body = exchange(1, "too_small", "TSHIRT-L");
        body["items"][0]["resolution"] = json!({ "type": "exchange" });
        assert_problem(create(&app, &s.access, &body).await, StatusCode::UNPROCESSABLE_ENTITY, "exchange_sku_required").await;
        body["items"][0]["resolution"] = json!({ "type": "refund", "variant_sku": "TSHIRT-L" });
        assert_problem(create(&app, &s.access, &body).await, StatusCode::UNPROCESSABLE_ENTITY, "not_allowed").await;
        assert_eq!(stock_of(&app, &s.key, "TSHIRT-L").await, (3, 0));
    }
);

both!(
    async fn a_rejected_exchange_gives_its_units_back(app) {
        let s = shop(&app, 2).await;
        assert_eq!(upsert(&app, &s.key, &tshirt()).await.status(), StatusCode::CREATED);
        // `other` waits for the merchant's review.
        let ret = created(&app, &s.access, &exchange(2, "other", "TSHIRT-L")).await;
        assert_eq!(ret["status"], "requested");
        assert_eq!(stock_of(&app, &s.key, "TSHIRT-L").await, (3, 2));
        let id = ret["id"].as_str().unwrap();
        let res = act(&app, &s.key, id, "reject", Some(json!({ "reason_code": "other" }))).await;
        assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
        assert_eq!(stock_of(&app, &s.key, "TSHIRT-L").await, (3, 0));
    }
);

/// Orders `2001`…: `orders` orders of `units` T-shirts each, with the
/// access token of each.
pub(crate) async fn orders_with_tokens(
    app: &TestApp,
    key: &str,
    orders: usize,
    units: u32,
) -> Vec<String> {
    let mut access = Vec::new();
    for n in 0..orders {
        let number = format!("{}", 2001 + n);
        let res = app
            .post("/v1/brands/acme/orders", Some(key), &order(&number, units))
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        access.push(tokens(app, &number).await.0);
    }
    access
}

/// Fifty exchanges for an L with three in stock, from ten orders at once,
/// spread over `nodes`: exactly three are created, the others are 409
/// `out_of_stock`; cancelling one frees a unit for the next.
pub(crate) async fn fifty_exchanges_for_three_units(nodes: &[&TestApp]) {
    let app = nodes[0];
    let s = shop(app, 1).await;
    assert_eq!(
        upsert(app, &s.key, &tshirt()).await.status(),
        StatusCode::CREATED
    );
    let access = orders_with_tokens(app, &s.key, 10, 5).await;
    let attempts = (0..50).map(|i| {
        let node = nodes[i % nodes.len()];
        let token = access[i % access.len()].clone();
        async move {
            let res = create(node, &token, &exchange(1, "too_small", "TSHIRT-L")).await;
            let status = res.status();
            let body: Value = res.json().await.unwrap();
            (status, body, token)
        }
    });
    let outcomes = futures_util::future::join_all(attempts).await;
    let mut by_status: HashMap<u16, usize> = HashMap::new();
    for (status, body, _) in &outcomes {
        *by_status.entry(status.as_u16()).or_default() += 1;
        if *status == StatusCode::CONFLICT {
            assert_eq!(body["code"], "out_of_stock", "{body}");
        }
    }
    assert_eq!(
        by_status,
        HashMap::from([(201, 3), (409, 47)]),
        "{outcomes:?}"
    );
    assert_eq!(stock_of(app, &s.key, "TSHIRT-L").await, (3, 3));
    let (_, first, token) = outcomes
        .iter()
        .find(|(s, _, _)| *s == StatusCode::CREATED)
        .unwrap();
    let id = first["id"].as_str().unwrap();
    let res = app
        .post(
            &format!("/v1/portal/acme/returns/{id}/cancel"),
            Some(token),
            &json!({}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(stock_of(app, &s.key, "TSHIRT-L").await, (3, 2));
    created(app, &access[9], &exchange(1, "too_small", "TSHIRT-L")).await;
    assert_eq!(stock_of(app, &s.key, "TSHIRT-L").await, (3, 3));
}

both!(
    async fn fifty_concurrent_exchanges_for_three_units_reserve_exactly_three(app) {
        fifty_exchanges_for_three_units(&[&app]).await;
    }
);

both!(
    async fn an_arrived_exchange_asks_for_its_replacement_and_its_sale_takes_the_units_out_of_stock(app) {
        let s = shop(&app, 2).await;
        assert_eq!(upsert(&app, &s.key, &tshirt()).await.status(), StatusCode::CREATED);
        let ret = created(&app, &s.access, &exchange(2, "too_small", "TSHIRT-L")).await;
        let (id, item) = (ret["id"].as_str().unwrap(), ret["items"][0]["id"].as_str().unwrap());
        // Before the parcel arrived there is nothing to order.
        let order = json!({ "reference": "SO-10234" });
        let res = act(&app, &s.key, id, "exchange-orders", Some(order.clone())).await;
        assert_problem(res, StatusCode::CONFLICT, "invalid_transition").await;

        let receive = json!({ "items": [ { "return_item_id": item, "quantity": 2 } ] });
        let res = act(&app, &s.key, id, "receive", Some(receive)).await;
        assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
        let requested = events_of(&app, &s.key, id, "exchange.requested").await;
        assert_eq!(requested.len(), 1, "{requested:?}");
        let details = &requested[0]["details"];
        assert_eq!(details["replacements"][0]["variant_sku"], "TSHIRT-L");
        assert_eq!(details["replacements"][0]["quantity"], 2);
        assert_eq!(details["replacements"][0]["return_item_id"], item);
        assert_eq!(details["shipping_address"]["postal_code"], "1012 AB");
        // Still reserved until the sale is raised.
        assert_eq!(stock_of(&app, &s.key, "TSHIRT-L").await, (3, 2));

        for (body, code) in [
            (json!({ "reference": "  " }), "validation_failed"),
            (json!({ "reference": "SO-1", "return_item_ids": ["rit_nope"] }), "validation_failed"),
        ] {
            let res = act(&app, &s.key, id, "exchange-orders", Some(body)).await;
            assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, code).await;
        }
        let res = act(&app, &s.key, id, "exchange-orders", Some(order.clone())).await;
        assert_eq!(res.status(), StatusCode::OK);
        let now: Value = res.json().await.unwrap();
        assert_eq!(now["items"][0]["exchange"]["order_reference"], "SO-10234");
        assert_eq!(stock_of(&app, &s.key, "TSHIRT-L").await, (1, 0), "the sale took two units out");
        // Once only.
        let res = act(&app, &s.key, id, "exchange-orders", Some(order)).await;
        assert_problem(res, StatusCode::CONFLICT, "invalid_transition").await;
        assert_eq!(stock_of(&app, &s.key, "TSHIRT-L").await, (1, 0));
        // The customer sees the sale's reference.
        let mine: Value = app.get(&format!("/v1/portal/acme/returns/{id}"), Some(&s.access)).await.json().await.unwrap();
        assert_eq!(mine["items"][0]["exchange"]["order_reference"], "SO-10234");
        let ordered = events_of(&app, &s.key, id, "exchange.ordered").await;
        assert_eq!(ordered.len(), 1);
        assert_eq!(ordered[0]["details"]["reference"], "SO-10234");
    }
);

/// Changes the brand's settings with `change`.
async fn settings_with(app: &TestApp, key: &str, change: impl FnOnce(&mut Value)) {
    let mut settings = app.settings("acme", key).await;
    change(&mut settings);
    app.put_settings("acme", key, &settings).await;
}

/// Types of the return's events, in order.
async fn event_types(app: &TestApp, key: &str, id: &str) -> Vec<String> {
    let events: Value = app
        .get(&format!("/v1/brands/acme/returns/{id}/events"), Some(key))
        .await
        .json()
        .await
        .unwrap();
    events["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["type"].as_str().unwrap().to_string())
        .collect()
}

/// The return's events of one type, oldest first, as the merchant sees them.
async fn events_of(app: &TestApp, key: &str, id: &str, event_type: &str) -> Vec<Value> {
    let events: Value = app
        .get(&format!("/v1/brands/acme/returns/{id}/events"), Some(key))
        .await
        .json()
        .await
        .unwrap();
    events["data"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == event_type)
        .cloned()
        .collect()
}

/// The return as the merchant sees it.
async fn merchant_view(app: &TestApp, key: &str, id: &str) -> Value {
    app.get(&format!("/v1/brands/acme/returns/{id}"), Some(key))
        .await
        .json()
        .await
        .unwrap()
}

fn webhooks(c: &mut returns_api::config::Config) {
    c.webhooks.webhook_allow_private = true;
}

both!(
    config = webhooks,
    async fn a_dearer_variant_waits_for_the_customers_payment_when_the_brand_charges_the_difference(app) {
        let s = shop(&app, 2).await;
        assert_eq!(upsert(&app, &s.key, &tshirt()).await.status(), StatusCode::CREATED);
        settings_with(&app, &s.key, |v| v["exchange_price_difference"] = json!("charge")).await;
        let receiver = crate::webhook_receiver::Receiver::start(vec![]).await;
        let res = app
            .post("/v1/brands/acme/webhook-endpoints", Some(&s.key), &json!({ "url": receiver.url }))
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);

        // XL at 24.99 for an M at 19.99: 5.00 a unit, 10.00 for two.
        let preview: Value = app
            .post("/v1/portal/acme/returns/preview", Some(&s.access), &exchange(2, "too_small", "TSHIRT-XL"))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(preview["payment_due"], json!({ "amount": 1000, "currency": "EUR" }), "{preview}");
        let ret = created(&app, &s.access, &exchange(2, "too_small", "TSHIRT-XL")).await;
        assert_eq!(ret["status"], "payment_required", "{ret}");
        assert_eq!(ret["payment"]["amount_due"], json!({ "amount": 1000, "currency": "EUR" }));
        assert_eq!(ret["payment"]["paid_at"], Value::Null);
        assert_eq!(ret["shipments"][0]["label"], Value::Null, "no label before the payment");
        assert_eq!(stock_of(&app, &s.key, "TSHIRT-XL").await, (2, 2), "the units are held meanwhile");
        let id = ret["id"].as_str().unwrap();

        // Nothing moves it but the payment (or a cancellation).
        let res = act(&app, &s.key, id, "approve", None).await;
        assert_problem(res, StatusCode::CONFLICT, "invalid_transition").await;
        for (body, code) in [
            (json!({ "amount": { "amount": 999, "currency": "EUR" }, "reference": "pi_1" }), "amount_mismatch"),
            (json!({ "amount": { "amount": 1000, "currency": "GBP" }, "reference": "pi_1" }), "currency_mismatch"),
            (json!({ "amount": { "amount": 1000, "currency": "EUR" }, "reference": " " }), "invalid_length"),
        ] {
            let res = act(&app, &s.key, id, "payments", Some(body)).await;
            let problem = assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
            assert_eq!(problem["errors"][0]["code"], code, "{problem}");
        }
        let paid = json!({ "amount": { "amount": 1000, "currency": "EUR" }, "reference": "pi_3PZ9xL" });
        let res = act(&app, &s.key, id, "payments", Some(paid.clone())).await;
        assert_eq!(res.status(), StatusCode::OK);
        let now: Value = res.json().await.unwrap();
        // Its reason auto-approves: approved at once, with its label.
        assert_eq!(now["status"], "approved", "{now}");
        assert_eq!(now["payment"]["reference"], "pi_3PZ9xL");
        assert!(now["payment"]["paid_at"].is_string());
        // The same payment again changes nothing; another is refused.
        let res = act(&app, &s.key, id, "payments", Some(paid)).await;
        assert_eq!(res.status(), StatusCode::OK);
        let other = json!({ "amount": { "amount": 1000, "currency": "EUR" }, "reference": "pi_other" });
        let res = act(&app, &s.key, id, "payments", Some(other)).await;
        assert_problem(res, StatusCode::CONFLICT, "invalid_transition").await;
        let types: Vec<String> = event_types(&app, &s.key, id).await.into_iter().filter(|t| t.starts_with("return.")).collect();
        assert_eq!(
            types,
            ["return.requested", "return.payment_required", "return.payment_received", "return.approved"]
        );
        assert_eq!(stock_of(&app, &s.key, "TSHIRT-XL").await, (2, 2));
        let got = receiver
            .wait_for(std::time::Duration::from_secs(20), |got| got.len() >= 4)
            .await;
        let types: Vec<&str> = got.iter().map(|r| r.json["type"].as_str().unwrap()).collect();
        for t in ["return.payment_required", "return.payment_received", "return.approved"] {
            assert!(types.contains(&t), "{types:?}");
        }

        // A refund in the same return pays for the difference first.
        let mixed = json!({
            "items": [
                { "order_line_id": "L1", "quantity": 1, "reason_code": "too_small",
                  "resolution": { "type": "exchange", "variant_sku": "TSHIRT-M-BLACK" } }
            ],
            "return_method": { "type": "drop_off", "carrier": "postnl" },
            "resolution": { "type": "refund" }
        });
        let cheaper: Value = app
            .post("/v1/portal/acme/returns/preview", Some(&s.access), &mixed)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(cheaper["payment_due"]["amount"], 0);
        assert_eq!(cheaper["estimated_refund"]["amount"], 200);
    }
);

both!(
    async fn a_return_awaiting_payment_that_is_cancelled_gives_its_units_back(app) {
        let s = shop(&app, 1).await;
        assert_eq!(upsert(&app, &s.key, &tshirt()).await.status(), StatusCode::CREATED);
        settings_with(&app, &s.key, |v| v["exchange_price_difference"] = json!("charge")).await;
        let ret = created(&app, &s.access, &exchange(1, "other", "TSHIRT-XL")).await;
        assert_eq!(ret["status"], "payment_required");
        let id = ret["id"].as_str().unwrap();
        let res = app.post(&format!("/v1/portal/acme/returns/{id}/cancel"), Some(&s.access), &json!({})).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(stock_of(&app, &s.key, "TSHIRT-XL").await, (2, 0));
        let paid = json!({ "amount": { "amount": 500, "currency": "EUR" }, "reference": "pi_late" });
        let res = act(&app, &s.key, id, "payments", Some(paid)).await;
        assert_problem(res, StatusCode::CONFLICT, "invalid_transition").await;
    }
);

/// A store-credit return of `qty` T-shirts for `reason`.
fn store_credit(qty: u32, reason: &str) -> Value {
    json!({
        "items": [ { "order_line_id": "L1", "quantity": qty, "reason_code": reason, "comment": "no" } ],
        "return_method": { "type": "drop_off", "carrier": "postnl" },
        "resolution": { "type": "store_credit" }
    })
}

both!(
    async fn store_credit_with_its_bonus_is_issued_once_at_completion(app) {
        let s = shop(&app, 3).await;
        // 3 × 19.99 with the demo's 10 % bonus: 65.96 (rounded down).
        let ret = created(&app, &s.access, &store_credit(3, "other")).await;
        assert_eq!(ret["store_credit"], json!({ "amount": { "amount": 6596, "currency": "EUR" }, "issued_at": null }));
        let id = ret["id"].as_str().unwrap();
        let item = ret["items"][0]["id"].as_str().unwrap();
        // Two of three approved: two thirds of the credit.
        let approve = json!({ "items": [ { "return_item_id": item, "quantity": 2, "rejection_reason": "worn" } ] });
        assert_eq!(act(&app, &s.key, id, "approve", Some(approve)).await.status(), StatusCode::OK);
        let receive = json!({ "items": [ { "return_item_id": item, "quantity": 2 } ] });
        assert_eq!(act(&app, &s.key, id, "receive", Some(receive)).await.status(), StatusCode::OK);
        assert_eq!(merchant_view(&app, &s.key, id).await["store_credit"]["issued_at"], Value::Null);
        // The merchant states what it credits: the fixed credit's share.
        let owed = merchant_view(&app, &s.key, id).await;
        assert_eq!(owed["store_credit"]["amount"]["amount"], 6596);
        let complete = json!({ "resolution": { "type": "store_credit", "amount": { "amount": 4397, "currency": "EUR" } } });
        let res = act(&app, &s.key, id, "complete", Some(complete.clone())).await;
        assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
        let again = act(&app, &s.key, id, "complete", Some(complete)).await;
        assert_problem(again, StatusCode::CONFLICT, "invalid_transition").await;
        let view = merchant_view(&app, &s.key, id).await;
        assert!(view["store_credit"]["issued_at"].is_string(), "{view}");
        let issued = events_of(&app, &s.key, id, "store_credit.issued").await;
        assert_eq!(issued.len(), 1, "{issued:?}");
        assert_eq!(issued[0]["details"]["amount"], json!({ "amount": 4397, "currency": "EUR" }));
    }
);

both!(
    async fn a_brand_crediting_on_approval_issues_store_credit_once_when_the_return_is_approved(app) {
        let s = shop(&app, 2).await;
        settings_with(&app, &s.key, |v| v["store_credit_on_approval"] = json!(true)).await;
        // too_small auto-approves: credited with the creation.
        let auto = created(&app, &s.access, &store_credit(1, "too_small")).await;
        assert_eq!(auto["status"], "approved");
        assert!(auto["store_credit"]["issued_at"].is_string(), "{auto}");
        let id = auto["id"].as_str().unwrap();
        // (The label job's `label.ready` may come before this read or after.)
        let types: Vec<String> = event_types(&app, &s.key, id).await.into_iter().filter(|t| !t.starts_with("label.")).collect();
        assert_eq!(types, ["return.requested", "return.approved", "store_credit.issued"]);
        // `other` waits for review: credited at the merchant's approval, and
        // not again at completion.
        let ret = created(&app, &s.access, &store_credit(1, "other")).await;
        let id = ret["id"].as_str().unwrap();
        let item = ret["items"][0]["id"].as_str().unwrap();
        assert_eq!(act(&app, &s.key, id, "approve", None).await.status(), StatusCode::OK);
        let receive = json!({ "items": [ { "return_item_id": item, "quantity": 1 } ] });
        assert_eq!(act(&app, &s.key, id, "receive", Some(receive)).await.status(), StatusCode::OK);
        let complete = json!({ "resolution": { "type": "store_credit", "amount": { "amount": 2198, "currency": "EUR" } } });
        assert_eq!(act(&app, &s.key, id, "complete", Some(complete)).await.status(), StatusCode::OK);
        let types = event_types(&app, &s.key, id).await;
        assert_eq!(types.iter().filter(|t| *t == "store_credit.issued").count(), 1, "{types:?}");
        assert_eq!(types[2], "store_credit.issued", "{types:?}");
    }
);

fn no_jobs(c: &mut returns_api::config::Config) {
    c.disable_jobs = true;
}

both!(
    config = no_jobs,
    async fn an_instant_exchange_goes_out_at_approval_and_is_overdue_without_a_scan_by_its_deadline(app) {
        let s = shop(&app, 2).await;
        assert_eq!(upsert(&app, &s.key, &tshirt()).await.status(), StatusCode::CREATED);
        settings_with(&app, &s.key, |v| {
            v["instant_exchange"] = json!({ "scan_within_days": 3, "max_order_value": 20000 });
        })
        .await;
        let clock = app.state.config.clock.clone();
        let node_clock = clock.clone();
        let _node = app.node_with(move |c| c.clock = node_clock).await;

        // too_small auto-approves: the replacement goes out at once.
        let ret = created(&app, &s.access, &exchange(1, "too_small", "TSHIRT-L")).await;
        let id = ret["id"].as_str().unwrap();
        assert_eq!(ret["status"], "approved");
        let view = merchant_view(&app, &s.key, id).await;
        assert!(view["exchange_due_at"].is_string(), "{view}");
        let requested = events_of(&app, &s.key, id, "exchange.requested").await;
        assert_eq!(requested.len(), 1, "{requested:?}");
        assert_eq!(requested[0]["details"]["instant"], true);
        assert_eq!(requested[0]["details"]["replacements"][0]["variant_sku"], "TSHIRT-L");

        // A regular exchange of the same brand, reviewed by the merchant:
        // also instant at the merchant's approval.
        let reviewed = created(&app, &s.access, &exchange(1, "other", "TSHIRT-L")).await;
        let rid = reviewed["id"].as_str().unwrap();
        assert!(!event_types(&app, &s.key, rid).await.contains(&"exchange.requested".to_string()));
        assert_eq!(act(&app, &s.key, rid, "approve", None).await.status(), StatusCode::OK);
        assert!(event_types(&app, &s.key, rid).await.contains(&"exchange.requested".to_string()));
        // The second return is handed to the carrier in time.
        assert_eq!(act(&app, &s.key, rid, "in-transit", None).await.status(), StatusCode::OK);

        // Two days later nothing; past three days the first is overdue, once.
        clock.advance(chrono::TimeDelta::days(2));
        tokio::time::sleep(std::time::Duration::from_millis(800)).await;
        assert!(!event_types(&app, &s.key, id).await.contains(&"exchange.overdue".to_string()));
        clock.advance(chrono::TimeDelta::days(1) + chrono::TimeDelta::minutes(1));
        let started = std::time::Instant::now();
        while !event_types(&app, &s.key, id).await.contains(&"exchange.overdue".to_string()) {
            assert!(started.elapsed() < std::time::Duration::from_secs(20), "never overdue");
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        let types = event_types(&app, &s.key, id).await;
        assert_eq!(types.iter().filter(|t| *t == "exchange.overdue").count(), 1, "{types:?}");
        assert!(!event_types(&app, &s.key, rid).await.contains(&"exchange.overdue".to_string()));
        assert_eq!(merchant_view(&app, &s.key, id).await["exchange_due_at"], Value::Null);
    }
);

both!(
    async fn an_order_worth_more_than_the_instant_limit_waits_for_its_parcel(app) {
        let s = shop(&app, 2).await;
        assert_eq!(upsert(&app, &s.key, &tshirt()).await.status(), StatusCode::CREATED);
        // The order is worth 153.98.
        settings_with(&app, &s.key, |v| {
            v["instant_exchange"] = json!({ "max_order_value": 10000 });
        })
        .await;
        let ret = created(&app, &s.access, &exchange(1, "too_small", "TSHIRT-L")).await;
        let id = ret["id"].as_str().unwrap();
        assert_eq!(ret["status"], "approved");
        assert!(!event_types(&app, &s.key, id).await.contains(&"exchange.requested".to_string()));
        assert_eq!(merchant_view(&app, &s.key, id).await["exchange_due_at"], Value::Null);
    }
);

both!(
    async fn the_vendor_owning_an_exchanged_line_hears_of_it_and_records_its_sale(app) {
        use crate::vendor_returns::{market, ok_json, vendor_post};
        let m = market(&app, 1).await;
        let sweater = json!({
            "id": "sweater", "title": "Wool sweater", "options": ["size"], "vendor": "Nordic Knits",
            "variants": [
                { "sku": "SWEATER", "option_values": { "size": "M" }, "prices": [ { "amount": 8900, "currency": "EUR" } ], "available": 1 },
                { "sku": "SWEATER-L", "option_values": { "size": "L" }, "prices": [ { "amount": 8900, "currency": "EUR" } ], "available": 2 }
            ]
        });
        assert_eq!(app.post("/v1/brands/acme/products", Some(&m.key), &sweater).await.status(), StatusCode::CREATED);
        let body = json!({
            "items": [ { "order_line_id": "L3", "quantity": 1, "reason_code": "too_small",
                         "resolution": { "type": "exchange", "variant_sku": "SWEATER-L" } } ],
            "return_method": { "type": "drop_off", "carrier": "postnl" },
            "resolution": { "type": "refund" }
        });
        let ret = created(&app, &m.access, &body).await;
        let id = ret["id"].as_str().unwrap();
        let item = ret["items"][0]["id"].as_str().unwrap();
        // too_small approves at once: the part waits for Nordic Knits.
        assert_eq!(ret["status"], "awaiting_vendor", "{ret}");
        // Another vendor has no part here; before the parcel arrived there is
        // nothing to order.
        let order = json!({ "reference": "NK-5531" });
        let res = vendor_post(&app, &m.alpine, id, "exchange-orders", order.clone()).await;
        assert_problem(res, StatusCode::NOT_FOUND, "return_not_found").await;
        ok_json(vendor_post(&app, &m.nordic, id, "approve", json!({})).await).await;
        let res = vendor_post(&app, &m.nordic, id, "exchange-orders", order.clone()).await;
        assert_problem(res, StatusCode::CONFLICT, "invalid_transition").await;
        let receive = json!({ "items": [ { "return_item_id": item, "quantity": 1 } ] });
        ok_json(vendor_post(&app, &m.nordic, id, "receive", receive).await).await;
        // The vendor's events show the replacement to send.
        let events: Value = app
            .get(&format!("/v1/brands/acme/vendor/returns/{id}/events"), Some(&m.nordic))
            .await
            .json()
            .await
            .unwrap();
        let requested = events["data"].as_array().unwrap().iter().find(|e| e["type"] == "exchange.requested").cloned();
        let requested = requested.unwrap_or_else(|| panic!("{events}"));
        assert_eq!(requested["details"]["replacements"][0]["variant_sku"], "SWEATER-L");
        let res = vendor_post(&app, &m.nordic, id, "exchange-orders", json!({ "reference": "NK-5531", "return_item_ids": ["rit_other"] })).await;
        assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        let view = ok_json(vendor_post(&app, &m.nordic, id, "exchange-orders", order).await).await;
        assert_eq!(view["items"][0]["exchange"]["order_reference"], "NK-5531", "{view}");
        let mine: Value = app.get(&format!("/v1/portal/acme/returns/{id}"), Some(&m.access)).await.json().await.unwrap();
        assert_eq!(mine["items"][0]["exchange"]["order_reference"], "NK-5531");
        let events: Value = app
            .get(&format!("/v1/brands/acme/vendor/returns/{id}/events"), Some(&m.nordic))
            .await
            .json()
            .await
            .unwrap();
        assert!(events["data"].as_array().unwrap().iter().any(|e| e["type"] == "exchange.ordered"), "{events}");
    }
);

both!(
    config = no_jobs,
    async fn the_customer_is_mailed_the_amount_due_and_the_replacements_sale(app) {
        let s = shop(&app, 2).await;
        assert_eq!(upsert(&app, &s.key, &tshirt()).await.status(), StatusCode::CREATED);
        settings_with(&app, &s.key, |v| {
            v["exchange_price_difference"] = json!("charge");
            v["notifications"]["payment_due"] = json!({ "enabled": true });
            v["notifications"]["exchange_ordered"] = json!({ "enabled": true });
        })
        .await;
        let sink = crate::smtp_sink::SmtpSink::start().await;
        let _node = crate::notifications::mailing_node(&app, &sink).await;
        let ret = created(&app, &s.access, &exchange(1, "too_small", "TSHIRT-XL")).await;
        let (id, item) = (ret["id"].as_str().unwrap(), ret["items"][0]["id"].as_str().unwrap());
        let rma = ret["rma_number"].as_str().unwrap();
        let mails = sink.wait_for(1, std::time::Duration::from_secs(20)).await;
        assert_eq!(mails[0].subject(), format!("Your exchange {rma} waits for your payment"));
        assert!(mails[0].body.contains("Amount due: 5.00 EUR"), "{}", mails[0].body);

        let paid = json!({ "amount": { "amount": 500, "currency": "EUR" }, "reference": "pi_9" });
        assert_eq!(act(&app, &s.key, id, "payments", Some(paid)).await.status(), StatusCode::OK);
        let receive = json!({ "items": [ { "return_item_id": item, "quantity": 1 } ] });
        assert_eq!(act(&app, &s.key, id, "receive", Some(receive)).await.status(), StatusCode::OK);
        let order = json!({ "reference": "SO-7781" });
        assert_eq!(act(&app, &s.key, id, "exchange-orders", Some(order)).await.status(), StatusCode::OK);
        let mails = sink.wait_for(2, std::time::Duration::from_secs(20)).await;
        let on_its_way = mails.iter().find(|m| m.subject().contains("on its way")).unwrap_or_else(|| panic!("{mails:?}"));
        assert_eq!(on_its_way.subject(), format!("Your exchange for return {rma} is on its way"));
        assert!(on_its_way.body.contains("SO-7781"), "{}", on_its_way.body);
        assert!(on_its_way.body.contains("1 × TSHIRT-XL"), "{}", on_its_way.body);
    }
);

both!(
    config = no_jobs,
    async fn a_return_left_unpaid_past_its_deadline_is_cancelled_and_its_units_released(app) {
        let s = shop(&app, 2).await;
        assert_eq!(upsert(&app, &s.key, &tshirt()).await.status(), StatusCode::CREATED);
        settings_with(&app, &s.key, |v| {
            v["exchange_price_difference"] = json!("charge");
            v["payment_within_hours"] = json!(24);
        })
        .await;
        let clock = app.state.config.clock.clone();
        let node_clock = clock.clone();
        let _node = app.node_with(move |c| c.clock = node_clock).await;
        let unpaid = created(&app, &s.access, &exchange(1, "too_small", "TSHIRT-XL")).await;
        let paid = created(&app, &s.access, &exchange(1, "too_small", "TSHIRT-XL")).await;
        let (unpaid, paid) = (unpaid["id"].as_str().unwrap(), paid["id"].as_str().unwrap());
        let payment = json!({ "amount": { "amount": 500, "currency": "EUR" }, "reference": "pi_in_time" });
        assert_eq!(act(&app, &s.key, paid, "payments", Some(payment)).await.status(), StatusCode::OK);
        assert_eq!(stock_of(&app, &s.key, "TSHIRT-XL").await, (2, 2));

        clock.advance(chrono::TimeDelta::hours(23));
        tokio::time::sleep(std::time::Duration::from_millis(800)).await;
        assert_eq!(merchant_view(&app, &s.key, unpaid).await["status"], "payment_required");
        clock.advance(chrono::TimeDelta::hours(1) + chrono::TimeDelta::minutes(1));
        let started = std::time::Instant::now();
        while merchant_view(&app, &s.key, unpaid).await["status"] != "cancelled" {
            assert!(started.elapsed() < std::time::Duration::from_secs(20), "never cancelled");
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        assert_eq!(stock_of(&app, &s.key, "TSHIRT-XL").await, (2, 1), "the unpaid unit is back");
        assert_eq!(merchant_view(&app, &s.key, paid).await["status"], "approved");
        let cancelled = events_of(&app, &s.key, unpaid, "return.cancelled").await.remove(0);
        assert_eq!((&cancelled["actor"], &cancelled["details"]["reason"]), (&json!("system"), &json!("payment_expired")));
    }
);

both!(
    async fn a_vendors_part_completing_the_return_issues_the_credit_its_undamaged_units_earned(app) {
        use crate::vendor_returns::{market, ok_json, vendor_post};
        let m = market(&app, 1).await;
        let body = json!({
            "items": [ { "order_line_id": "L3", "quantity": 2, "reason_code": "too_small" } ],
            "return_method": { "type": "drop_off", "carrier": "postnl" },
            "resolution": { "type": "store_credit" }
        });
        let ret = created(&app, &m.access, &body).await;
        // 2 × 89.00 with the demo's 10 % bonus.
        assert_eq!(ret["store_credit"]["amount"]["amount"], 19580);
        let (id, item) = (ret["id"].as_str().unwrap(), ret["items"][0]["id"].as_str().unwrap());
        ok_json(vendor_post(&app, &m.nordic, id, "approve", json!({})).await).await;
        let receive = json!({ "items": [ { "return_item_id": item, "quantity": 2, "damaged_quantity": 1 } ] });
        ok_json(vendor_post(&app, &m.nordic, id, "receive", receive).await).await;
        let given = json!({ "type": "store_credit", "amount": { "amount": 9790, "currency": "EUR" } });
        ok_json(vendor_post(&app, &m.nordic, id, "complete", given).await).await;
        let issued = events_of(&app, &m.key, id, "store_credit.issued").await;
        assert_eq!(issued.len(), 1, "{issued:?}");
        // One undamaged unit of two: half the credit.
        assert_eq!(issued[0]["details"]["amount"]["amount"], 9790);
    }
);

both!(
    config = no_jobs,
    async fn staff_hear_of_a_return_awaiting_payment_only_once_it_is_paid(app) {
        let s = shop(&app, 2).await;
        assert_eq!(upsert(&app, &s.key, &tshirt()).await.status(), StatusCode::CREATED);
        settings_with(&app, &s.key, |v| {
            v["exchange_price_difference"] = json!("charge");
            v["staff_notifications"] = json!({
                "recipients": ["returns-team@shop.example"],
                "return_awaits_review": { "enabled": true }
            });
        })
        .await;
        let sink = crate::smtp_sink::SmtpSink::start().await;
        let _node = crate::notifications::mailing_node(&app, &sink).await;
        // `other` waits for review, once paid.
        let ret = created(&app, &s.access, &exchange(1, "other", "TSHIRT-XL")).await;
        let (id, rma) = (ret["id"].as_str().unwrap(), ret["rma_number"].as_str().unwrap());
        tokio::time::sleep(std::time::Duration::from_millis(800)).await;
        assert!(sink.mails().is_empty(), "not before the payment: {:?}", sink.mails());
        let paid = json!({ "amount": { "amount": 500, "currency": "EUR" }, "reference": "pi_staff" });
        let res = act(&app, &s.key, id, "payments", Some(paid)).await;
        assert_eq!(res.status(), StatusCode::OK);
        let now: Value = res.json().await.unwrap();
        assert_eq!(now["status"], "requested");
        let mails = sink.wait_for(1, std::time::Duration::from_secs(20)).await;
        assert_eq!(mails[0].subject(), format!("Return {rma} waits for your review"));
        assert_eq!(mails[0].to, vec!["returns-team@shop.example".to_string()]);
    }
);
