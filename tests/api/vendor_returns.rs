//! Multi-vendor returns over HTTP: the merchant approves, then each vendor
//! answers for its own part, ships to its own address and releases its
//! refund; vendor keys see only their own part.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::both;
use crate::fixtures::days_ago;
use crate::helpers::{TestApp, assert_problem};
use crate::returns_fixtures::{act, created, tokens, wait_label};

/// Brand `acme`: the demo settings plus an address for vendor "Alpine
/// Gear", vendors `nordic-knits` and `alpine-gear` (and `gamma`, with no
/// lines), and order `2001`: an in-house T-shirt (L1), a Nordic Knits
/// sweater (L3, commission 15.00 per unit) and Alpine Gear boots (L4).
pub(crate) struct Market {
    pub(crate) key: String,
    pub(crate) access: String,
    pub(crate) nordic: String,
    pub(crate) alpine: String,
    pub(crate) gamma: String,
}

pub(crate) async fn market(app: &TestApp, boots: u32) -> Market {
    let key = app.brand_with_key("acme").await;
    let mut settings = serde_json::to_value(returns_api::demo::demo_settings()).unwrap();
    let mut alpine = settings["return_addresses"][1].clone();
    alpine["id"] = "alpine-gear".into();
    alpine["vendor"] = "Alpine Gear".into();
    alpine["name"] = "Alpine Gear Returns".into();
    alpine["company"] = "Alpine Gear GmbH".into();
    alpine["line1"] = "Museumstraße 5".into();
    alpine["city"] = "Innsbruck".into();
    alpine["country"] = "AT".into();
    alpine["postal_code"] = "6020".into();
    settings["return_addresses"]
        .as_array_mut()
        .unwrap()
        .push(alpine);
    app.put_settings("acme", &key, &settings).await;
    let order = json!({
        "number": "2001", "placed_at": days_ago(6), "currency": "EUR",
        "customer": { "email": "ana@example.com" },
        "shipping_address": { "line1": "Stationsplein 1", "city": "Amsterdam", "postal_code": "1012 AB", "country": "NL" },
        "lines": [
            { "id": "L1", "sku": "TSHIRT-M", "name": "T-shirt M", "quantity": 20, "unit_price": { "amount": 1999, "currency": "EUR" } },
            { "id": "L3", "sku": "SWEATER", "name": "Wool sweater", "quantity": 20, "unit_price": { "amount": 8900, "currency": "EUR" },
              "vendor": "Nordic Knits", "commission": { "amount": 1500, "currency": "EUR" } },
            { "id": "L4", "sku": "BOOTS", "name": "Hiking boots", "quantity": boots, "unit_price": { "amount": 12900, "currency": "EUR" }, "vendor": "Alpine Gear" }
        ],
        "shipments": [ { "tracking_number": "T-2001", "carrier": "postnl", "status": "delivered",
                         "shipped_at": days_ago(5), "delivered_at": days_ago(3),
                         "lines": [ { "line_id": "L1", "quantity": 20 }, { "line_id": "L3", "quantity": 20 }, { "line_id": "L4", "quantity": boots } ] } ]
    });
    let res = app.post("/v1/brands/acme/orders", Some(&key), &order).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    for (id, name, line) in [
        ("nordic-knits", "Nordic Knits", "Nordic Knits"),
        ("alpine-gear", "Alpine Gear", "Alpine Gear"),
        ("gamma", "Gamma", "Gamma Goods"),
    ] {
        let res = app
            .post(
                "/v1/brands/acme/vendors",
                Some(&key),
                &json!({ "id": id, "name": name, "order_line_vendor": line,
                         "instructions": { "en": format!("Pack the item in its box for {name}.") } }),
            )
            .await;
        assert_eq!(
            res.status(),
            StatusCode::CREATED,
            "{}",
            res.text().await.unwrap()
        );
    }
    let (access, _) = tokens(app, "2001").await;
    Market {
        nordic: vendor_key(app, &key, "nordic-knits").await,
        alpine: vendor_key(app, &key, "alpine-gear").await,
        gamma: vendor_key(app, &key, "gamma").await,
        key,
        access,
    }
}

pub(crate) async fn vendor_key(app: &TestApp, key: &str, vendor: &str) -> String {
    let res = app
        .post(
            &format!("/v1/brands/acme/vendors/{vendor}/keys"),
            Some(key),
            &json!({}),
        )
        .await;
    assert_eq!(
        res.status(),
        StatusCode::CREATED,
        "{}",
        res.text().await.unwrap()
    );
    let body: Value = res.json().await.unwrap();
    body["key"].as_str().unwrap().to_string()
}

/// A return of one T-shirt, one sweater and `boots` boots, for review.
pub(crate) fn three_parts(boots: u32) -> Value {
    let mut items = vec![
        json!({ "order_line_id": "L1", "quantity": 1, "reason_code": "other", "comment": "no longer needed" }),
        json!({ "order_line_id": "L3", "quantity": 1, "reason_code": "other", "comment": "itchy" }),
    ];
    if boots > 0 {
        items.push(json!({ "order_line_id": "L4", "quantity": boots, "reason_code": "other", "comment": "too tight" }));
    }
    json!({
        "items": items,
        "return_method": { "type": "drop_off", "carrier": "postnl" },
        "resolution": { "type": "refund" }
    })
}

/// The part of `ret` whose vendor is `vendor` (`None`: the in-house one).
pub(crate) fn part<'a>(ret: &'a Value, vendor: Option<&str>) -> &'a Value {
    ret["shipments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["vendor"]["id"].as_str() == vendor)
        .unwrap_or_else(|| panic!("no part of {vendor:?} in {ret}"))
}

pub(crate) async fn vendor_post(
    app: &TestApp,
    key: &str,
    id: &str,
    action: &str,
    body: Value,
) -> reqwest::Response {
    app.post(
        &format!("/v1/brands/acme/vendor/returns/{id}/{action}"),
        Some(key),
        &body,
    )
    .await
}

pub(crate) async fn ok_json(res: reqwest::Response) -> Value {
    let status = res.status();
    let body = res.text().await.unwrap();
    assert_eq!(status, StatusCode::OK, "{body}");
    serde_json::from_str(&body).unwrap()
}

pub(crate) async fn merchant_view(app: &TestApp, key: &str, id: &str) -> Value {
    ok_json(
        app.get(&format!("/v1/brands/acme/returns/{id}"), Some(key))
            .await,
    )
    .await
}

async fn event_types(app: &TestApp, path: &str, key: &str) -> Vec<(String, Option<String>)> {
    let body = ok_json(app.get(path, Some(key)).await).await;
    body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["type"].as_str().unwrap().to_string(),
                e["part_id"].as_str().map(str::to_string),
            )
        })
        .collect()
}

/// The webhook envelope of a return's `return.requested` event, as queued.
async fn creation_webhook(app: &TestApp, id: &str) -> Value {
    use diesel::prelude::*;
    use returns_api::db::schema::outbox;
    let id = id.to_string();
    let payloads: Vec<String> = app
        .db
        .read(move |conn| {
            outbox::table
                .filter(outbox::kind.eq("webhook.event"))
                .filter(outbox::aggregate_id.eq(&id))
                .select(outbox::payload)
                .load::<String>(conn)
                .map_err(returns_api::error::ApiError::internal)
        })
        .await
        .unwrap();
    payloads
        .iter()
        .map(|p| serde_json::from_str::<Value>(p).unwrap())
        .find(|e| e["type"] == "return.requested")
        .expect("the creation's webhook is queued")
}

both!(
    async fn merchant_then_each_vendor_approve_and_each_part_lives_on_its_own(app) {
        let m = market(&app, 5).await;
        crate::returns_fixtures::subscribed(&app, &m.key).await;
        let ret = created(&app, &m.access, &three_parts(1)).await;
        let id = ret["id"].as_str().unwrap().to_string();
        assert_eq!(ret["status"], "requested");
        assert_eq!(ret["shipments"].as_array().unwrap().len(), 3);
        // Before a vendor approves, the customer does not see where its part goes.
        assert_eq!(part(&ret, Some("nordic-knits"))["address"], Value::Null);
        assert_eq!(part(&ret, Some("nordic-knits"))["status"], "requested");
        assert_eq!(part(&ret, None)["address"]["id"], "main-warehouse");
        // The webhooks of the creation carry the merchant's view.
        let webhook = creation_webhook(&app, &id).await;
        assert_eq!(part(&webhook["data"], Some("nordic-knits"))["address"]["city"], "Hamburg");

        // The merchant decides first.
        let early = vendor_post(&app, &m.nordic, &id, "approve", json!({})).await;
        assert_problem(early, StatusCode::CONFLICT, "invalid_transition").await;

        let approved = ok_json(act(&app, &m.key, &id, "approve", None).await).await;
        assert_eq!(approved["status"], "approved");
        let nordic_part = part(&approved, Some("nordic-knits"))["id"].as_str().unwrap().to_string();
        let alpine_part = part(&approved, Some("alpine-gear"))["id"].as_str().unwrap().to_string();
        assert_eq!(part(&approved, None)["status"], "approved");
        assert_eq!(part(&approved, Some("nordic-knits"))["status"], "awaiting_vendor");
        assert_eq!(part(&approved, Some("alpine-gear"))["status"], "awaiting_vendor");
        assert!(part(&approved, Some("alpine-gear"))["vendor_due_at"].is_string());
        // A label only for the part that is approved.
        assert!(part(&approved, None)["label"].is_object());
        assert_eq!(part(&approved, Some("nordic-knits"))["label"], Value::Null);
        assert_eq!(part(&approved, Some("alpine-gear"))["label"], Value::Null);

        // Vendor B sees its own part and nothing of the others.
        let seen = app.get(&format!("/v1/brands/acme/vendor/returns/{id}"), Some(&m.alpine)).await;
        let text = seen.text().await.unwrap();
        for foreign in ["Nordic", "TSHIRT", "SWEATER", "main-warehouse", "ana@example.com"] {
            assert!(!text.contains(foreign), "vendor B sees {foreign}: {text}");
        }
        let seen: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(seen["part_id"], alpine_part.as_str());
        assert_eq!(seen["status"], "awaiting_vendor");
        assert_eq!(seen["items"].as_array().unwrap().len(), 1);
        assert_eq!(seen["address"]["id"], "alpine-gear");
        let list = ok_json(app.get("/v1/brands/acme/vendor/returns", Some(&m.alpine)).await).await;
        assert_eq!(list["data"].as_array().unwrap().len(), 1);

        // A vendor without a part here, another brand, a merchant route: not found.
        let res = vendor_post(&app, &m.gamma, &id, "approve", json!({})).await;
        assert_problem(res, StatusCode::NOT_FOUND, "return_not_found").await;
        app.brand_with_key("other").await;
        let res = app.post(&format!("/v1/brands/other/vendor/returns/{id}/approve"), Some(&m.nordic), &json!({})).await;
        assert_problem(res, StatusCode::NOT_FOUND, "brand_not_found").await;
        let res = app.post(&format!("/v1/brands/acme/returns/{id}/approve"), Some(&m.nordic), &json!({})).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        let res = app.get(&format!("/v1/brands/acme/vendor/returns/{id}"), Some(&m.key)).await;
        assert_problem(res, StatusCode::FORBIDDEN, "vendor_key_required").await;
        // The merchant may not answer for a vendor before its time runs out.
        let res = app.post(&format!("/v1/brands/acme/returns/{id}/parts/{alpine_part}/approve"), Some(&m.key), &json!({})).await;
        assert_problem(res, StatusCode::CONFLICT, "vendor_response_pending").await;

        // Vendor A approves: its label is made; vendor B rejects its items only.
        let a = ok_json(vendor_post(&app, &m.nordic, &id, "approve", json!({ "note": "fine" })).await).await;
        assert_eq!(a["status"], "approved");
        assert!(a["label"].is_object());
        let b = ok_json(vendor_post(&app, &m.alpine, &id, "reject",
            json!({ "reason_code": "worn_outdoors", "note": "The soles show wear." })).await).await;
        assert_eq!(b["status"], "rejected");
        assert_eq!(b["label"], Value::Null);
        assert_eq!(b["items"][0]["approved_quantity"], 0);
        let again = vendor_post(&app, &m.alpine, &id, "approve", json!({})).await;
        assert_problem(again, StatusCode::CONFLICT, "invalid_transition").await;

        let now = merchant_view(&app, &m.key, &id).await;
        assert_eq!(now["status"], "approved");
        assert_eq!(part(&now, Some("nordic-knits"))["status"], "approved");
        assert_eq!(part(&now, Some("alpine-gear"))["status"], "rejected");
        assert_eq!(part(&now, Some("alpine-gear"))["rejection"]["reason_code"], "worn_outdoors");
        for p in [None, Some("nordic-knits")] {
            let poll = part(&now, p)["label"]["poll_url"].as_str().unwrap().to_string();
            assert_eq!(wait_label(&app, &poll).await.status(), StatusCode::OK);
        }
        // The customer now sees vendor A's address and instructions, not B's.
        let mine = ok_json(app.get(&format!("/v1/portal/acme/returns/{id}"), Some(&m.access)).await).await;
        assert_eq!(part(&mine, Some("nordic-knits"))["address"]["city"], "Hamburg");
        assert_eq!(
            part(&mine, Some("nordic-knits"))["instructions"],
            "Pack the item in its box for Nordic Knits."
        );
        assert_eq!(part(&mine, Some("alpine-gear"))["address"], Value::Null);
        assert_eq!(part(&mine, Some("alpine-gear"))["status"], "rejected");

        // Travel, receipt per part, release per part.
        let shipped = ok_json(act(&app, &m.key, &id, "in-transit", None).await).await;
        assert_eq!(shipped["status"], "in_transit");
        let item_a = a["items"][0]["id"].as_str().unwrap().to_string();
        let got = ok_json(vendor_post(&app, &m.nordic, &id, "receive",
            json!({ "items": [ { "return_item_id": item_a, "quantity": 1 } ] })).await).await;
        assert_eq!(got["status"], "received");
        // A vendor cannot receive another part's item.
        let tshirt = part(&now, None)["item_ids"][0].as_str().unwrap().to_string();
        let res = vendor_post(&app, &m.nordic, &id, "receive",
            json!({ "items": [ { "return_item_id": tshirt, "quantity": 1 } ] })).await;
        assert_eq!(res.status(), StatusCode::CONFLICT, "{}", res.text().await.unwrap());
        assert_eq!(merchant_view(&app, &m.key, &id).await["status"], "partially_received");
        let done = ok_json(vendor_post(&app, &m.nordic, &id, "complete",
            json!({ "type": "refund", "amount": { "amount": 8900, "currency": "EUR" } })).await).await;
        assert_eq!(done["status"], "completed");
        assert_eq!(done["commission_reversal"], json!({ "amount": 1500, "currency": "EUR" }));
        let in_house = part(&now, None)["id"].as_str().unwrap().to_string();
        let received = ok_json(act(&app, &m.key, &id, "receive",
            Some(json!({ "items": [ { "return_item_id": tshirt, "quantity": 1 } ] }))).await).await;
        assert_eq!(received["status"], "received");
        let finished = ok_json(app.post(&format!("/v1/brands/acme/returns/{id}/parts/{in_house}/complete"), Some(&m.key),
            &json!({ "type": "refund", "amount": { "amount": 1999, "currency": "EUR" } })).await).await;
        assert_eq!(finished["status"], "completed");

        // Events per part, in order; each vendor sees only its own.
        let all = event_types(&app, &format!("/v1/brands/acme/returns/{id}/events"), &m.key).await;
        let of = |p: &str| -> Vec<String> {
            all.iter().filter(|(_, x)| x.as_deref() == Some(p)).map(|(t, _)| t.clone()).collect()
        };
        assert_eq!(
            of(&nordic_part),
            ["return_part.awaiting_vendor", "return.vendor_approved", "label.ready",
             "return_part.in_transit", "return_part.received", "return_part.completed"]
        );
        assert_eq!(of(&alpine_part), ["return_part.awaiting_vendor", "return.vendor_rejected"]);
        let returns_own: Vec<&str> = all.iter().filter(|(_, p)| p.is_none()).map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            returns_own,
            ["return.requested", "return.approved", "return.in_transit", "return.received",
             "return.received", "inventory.adjusted", "return.completed"]
        );
        let b_events = event_types(&app, &format!("/v1/brands/acme/vendor/returns/{id}/events"), &m.alpine).await;
        assert_eq!(
            b_events.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>(),
            ["return_part.awaiting_vendor", "return.vendor_rejected"]
        );
        let a_events = event_types(&app, &format!("/v1/brands/acme/vendor/returns/{id}/events"), &m.nordic).await;
        assert!(a_events.iter().all(|(_, p)| p.as_deref() == Some(nordic_part.as_str())));
        assert!(a_events.iter().any(|(t, _)| t == "label.ready"));

        // The merchant lists by vendor and by part status.
        let by = |q: &str| format!("/v1/brands/acme/returns?{q}");
        let l = ok_json(app.get(&by("vendor=alpine-gear&part_status=rejected"), Some(&m.key)).await).await;
        assert_eq!(l["data"].as_array().unwrap().len(), 1);
        let l = ok_json(app.get(&by("part_status=awaiting_vendor"), Some(&m.key)).await).await;
        assert_eq!(l["data"].as_array().unwrap().len(), 0);
        let l = ok_json(app.get(&by("vendor=gamma"), Some(&m.key)).await).await;
        assert_eq!(l["data"].as_array().unwrap().len(), 0);
        let bad = app.get(&by("part_status=lost"), Some(&m.key)).await;
        assert_problem(bad, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        let bad = app.get(&by("vendor=0.5"), Some(&m.key)).await;
        assert_problem(bad, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    }
);

both!(
    async fn a_return_whose_vendors_all_reject_is_rejected_and_frees_its_units(app) {
        let m = market(&app, 1).await;
        let mut body = three_parts(1);
        body["items"].as_array_mut().unwrap().remove(0);
        let ret = created(&app, &m.access, &body).await;
        let id = ret["id"].as_str().unwrap();
        let approved = ok_json(act(&app, &m.key, id, "approve", None).await).await;
        assert_eq!(approved["status"], "awaiting_vendor");
        let reject = json!({ "reason_code": "other" });
        ok_json(vendor_post(&app, &m.nordic, id, "reject", reject.clone()).await).await;
        assert_eq!(merchant_view(&app, &m.key, id).await["status"], "awaiting_vendor");
        ok_json(vendor_post(&app, &m.alpine, id, "reject", reject).await).await;
        let now = merchant_view(&app, &m.key, id).await;
        assert_eq!(now["status"], "rejected");
        assert_eq!(now["rejection"]["reason_code"], "other");
        // The single pair of boots can be asked for again.
        let again = created(&app, &m.access, &body).await;
        assert_eq!(again["status"], "requested");
    }
);

both!(
    async fn the_merchant_answers_for_a_vendor_whose_time_ran_out(app) {
        let m = market(&app, 1).await;
        let ret = created(&app, &m.access, &three_parts(0)).await;
        let id = ret["id"].as_str().unwrap().to_string();
        let approved = ok_json(act(&app, &m.key, &id, "approve", None).await).await;
        let nordic_part = part(&approved, Some("nordic-knits"))["id"].as_str().unwrap().to_string();
        let sql = format!(
            "UPDATE return_shipments SET vendor_due_at = '2020-01-01 00:00:00' WHERE id = '{nordic_part}'"
        );
        app.db
            .write(move |conn| {
                use diesel::RunQueryDsl;
                diesel::sql_query(sql.clone()).execute(conn).map_err(returns_api::error::ApiError::internal)
            })
            .await
            .unwrap();
        let res = app
            .post(&format!("/v1/brands/acme/returns/{id}/parts/{nordic_part}/approve"), Some(&m.key), &json!({}))
            .await;
        let now = ok_json(res).await;
        assert_eq!(part(&now, Some("nordic-knits"))["status"], "approved");
        let events = event_types(&app, &format!("/v1/brands/acme/returns/{id}/events"), &m.key).await;
        assert!(events.iter().any(|(t, p)| t == "return.vendor_approved" && p.as_deref() == Some(nordic_part.as_str())));
        let missing = app
            .post(&format!("/v1/brands/acme/returns/{id}/parts/rsh_nope/approve"), Some(&m.key), &json!({}))
            .await;
        assert_problem(missing, StatusCode::NOT_FOUND, "part_not_found").await;
    }
);

both!(
    async fn a_merchant_cancel_racing_a_vendor_approval_ends_cancelled_without_a_live_label(app) {
        let m = market(&app, 1).await;
        for _ in 0..6 {
            let ret = created(&app, &m.access, &three_parts(0)).await;
            let id = ret["id"].as_str().unwrap().to_string();
            ok_json(act(&app, &m.key, &id, "approve", None).await).await;
            let (cancel, approve) = tokio::join!(
                act(&app, &m.key, &id, "cancel", None),
                vendor_post(&app, &m.nordic, &id, "approve", json!({})),
            );
            assert_eq!(cancel.status(), StatusCode::OK, "{}", cancel.text().await.unwrap());
            assert!(
                [StatusCode::OK, StatusCode::CONFLICT].contains(&approve.status()),
                "{}",
                approve.text().await.unwrap()
            );
            let now = merchant_view(&app, &m.key, &id).await;
            assert_eq!(now["status"], "cancelled");
            for p in now["shipments"].as_array().unwrap() {
                assert_eq!(p["status"], "cancelled", "{now}");
                if let Some(status) = p["label"]["status"].as_str() {
                    assert_eq!(status, "cancelled", "{now}");
                }
            }
            let res = app
                .request(Method::GET, &format!("/v1/brands/acme/vendor/returns/{id}"), Some(&m.nordic))
                .send()
                .await
                .unwrap();
            assert_eq!(ok_json(res).await["status"], "cancelled");
            // The vendor was asked (or had approved): its trail ends with
            // its part cancelled, exactly once.
            let trail = event_types(&app, &format!("/v1/brands/acme/vendor/returns/{id}/events"), &m.nordic).await;
            let cancelled = trail.iter().filter(|(t, _)| t == "return_part.cancelled").count();
            assert_eq!(cancelled, 1, "{trail:?}");
        }
    }
);

/// A return of `items` (order line, quantity) for a refund.
fn lines(items: &[(&str, u32)]) -> Value {
    json!({
        "items": items.iter().map(|(line, quantity)| json!({
            "order_line_id": line, "quantity": quantity, "reason_code": "other", "comment": "no longer needed"
        })).collect::<Vec<_>>(),
        "return_method": { "type": "drop_off", "carrier": "postnl" },
        "resolution": { "type": "refund" }
    })
}

async fn delete_vendor(app: &TestApp, key: &str, vendor: &str) -> reqwest::Response {
    app.request(
        Method::DELETE,
        &format!("/v1/brands/acme/vendors/{vendor}"),
        Some(key),
    )
    .send()
    .await
    .unwrap()
}

fn vendor_ids(list: &Value) -> Vec<&str> {
    list["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["id"].as_str().unwrap())
        .collect()
}

both!(
    async fn retiring_a_vendor_revokes_its_keys_routes_its_lines_in_house_and_hands_its_parts_to_the_merchant(app) {
        let m = market(&app, 1).await;
        let ret = created(&app, &m.access, &three_parts(0)).await;
        let id = ret["id"].as_str().unwrap().to_string();
        let approved = ok_json(act(&app, &m.key, &id, "approve", None).await).await;
        let nordic_part = part(&approved, Some("nordic-knits"))["id"].as_str().unwrap().to_string();
        assert_eq!(part(&approved, Some("nordic-knits"))["status"], "awaiting_vendor");
        let seen = app.get(&format!("/v1/brands/acme/vendor/returns/{id}"), Some(&m.nordic)).await;
        assert_eq!(seen.status(), StatusCode::OK);

        // Only the merchant retires a vendor.
        let res = delete_vendor(&app, &m.nordic, "nordic-knits").await;
        assert_problem(res, StatusCode::NOT_FOUND, "brand_not_found").await;
        let res = delete_vendor(&app, &m.key, "missing").await;
        assert_problem(res, StatusCode::NOT_FOUND, "vendor_not_found").await;
        let retired = ok_json(delete_vendor(&app, &m.key, "nordic-knits").await).await;
        assert_eq!(retired["active"], false);
        assert!(retired["deactivated_at"].is_string());
        // Again: the same answer.
        let again = ok_json(delete_vendor(&app, &m.key, "nordic-knits").await).await;
        assert_eq!(again["deactivated_at"], retired["deactivated_at"]);

        // Its key is refused at once.
        let res = app.get(&format!("/v1/brands/acme/vendor/returns/{id}"), Some(&m.nordic)).await;
        assert_problem(res, StatusCode::UNAUTHORIZED, "invalid_credentials").await;

        // Its open part stays with the merchant, who answers it at once.
        let now = merchant_view(&app, &m.key, &id).await;
        assert_eq!(part(&now, Some("nordic-knits"))["status"], "awaiting_vendor");
        let res = app
            .post(&format!("/v1/brands/acme/returns/{id}/parts/{nordic_part}/approve"), Some(&m.key), &json!({}))
            .await;
        let now = ok_json(res).await;
        assert_eq!(part(&now, Some("nordic-knits"))["status"], "approved");

        // Its lines in a new return are the merchant's own.
        let next = created(&app, &m.access, &lines(&[("L3", 1)])).await;
        let parts = next["shipments"].as_array().unwrap();
        assert_eq!(parts.len(), 1, "{next}");
        assert_eq!(parts[0]["vendor"], Value::Null);
        assert_eq!(parts[0]["address"]["id"], "main-warehouse");

        // Listed with the others, or alone by `active`.
        let all = ok_json(app.get("/v1/brands/acme/vendors", Some(&m.key)).await).await;
        assert_eq!(vendor_ids(&all), ["alpine-gear", "gamma", "nordic-knits"]);
        assert_eq!(all["data"][2]["active"], false);
        assert_eq!(all["data"][0]["active"], true);
        let inactive = ok_json(app.get("/v1/brands/acme/vendors?active=false", Some(&m.key)).await).await;
        assert_eq!(vendor_ids(&inactive), ["nordic-knits"]);
        let active = ok_json(app.get("/v1/brands/acme/vendors?active=true&limit=10", Some(&m.key)).await).await;
        assert_eq!(vendor_ids(&active), ["alpine-gear", "gamma"]);

        // Reactivated: the old key stays revoked, a new one works, new lines go to the vendor again.
        let res = app
            .request(Method::PATCH, "/v1/brands/acme/vendors/nordic-knits", Some(&m.key))
            .json(&json!({ "active": true }))
            .send()
            .await
            .unwrap();
        let back = ok_json(res).await;
        assert_eq!(back["active"], true);
        assert_eq!(back["deactivated_at"], Value::Null);
        let res = app.get("/v1/brands/acme/vendor/returns", Some(&m.nordic)).await;
        assert_problem(res, StatusCode::UNAUTHORIZED, "invalid_credentials").await;
        let fresh = vendor_key(&app, &m.key, "nordic-knits").await;
        let res = app.get("/v1/brands/acme/vendor/returns", Some(&fresh)).await;
        assert_eq!(res.status(), StatusCode::OK);
        let later = created(&app, &m.access, &lines(&[("L3", 1)])).await;
        assert_eq!(part(&later, Some("nordic-knits"))["status"], "requested");
    }
);

both!(
    async fn completing_two_vendor_parts_one_by_one_sums_their_refunds_on_the_return(app) {
        let m = market(&app, 1).await;
        let ret = created(&app, &m.access, &lines(&[("L3", 1), ("L4", 1)])).await;
        let id = ret["id"].as_str().unwrap().to_string();
        ok_json(act(&app, &m.key, &id, "approve", None).await).await;
        let a = ok_json(vendor_post(&app, &m.nordic, &id, "approve", json!({})).await).await;
        let b = ok_json(vendor_post(&app, &m.alpine, &id, "approve", json!({})).await).await;
        ok_json(act(&app, &m.key, &id, "in-transit", None).await).await;
        for (key, part, amount) in [(&m.nordic, &a, 8900), (&m.alpine, &b, 12900)] {
            let item = part["items"][0]["id"].as_str().unwrap().to_string();
            ok_json(vendor_post(&app, key, &id, "receive",
                json!({ "items": [ { "return_item_id": item, "quantity": 1 } ] })).await).await;
            ok_json(vendor_post(&app, key, &id, "complete",
                json!({ "type": "refund", "amount": { "amount": amount, "currency": "EUR" } })).await).await;
            if amount == 8900 {
                let now = merchant_view(&app, &m.key, &id).await;
                assert_eq!(now["resolution_given"]["amount"], json!({ "amount": 8900, "currency": "EUR" }));
            }
        }
        let done = merchant_view(&app, &m.key, &id).await;
        assert_eq!(done["status"], "completed");
        assert_eq!(done["resolution_given"]["type"], "refund");
        assert_eq!(done["resolution_given"]["amount"], json!({ "amount": 21800, "currency": "EUR" }));
    }
);

both!(
    async fn approving_a_return_approves_a_retired_vendors_part_without_waiting_for_it(app) {
        let m = market(&app, 1).await;
        let ret = created(&app, &m.access, &three_parts(0)).await;
        let id = ret["id"].as_str().unwrap().to_string();
        assert_eq!(part(&ret, Some("nordic-knits"))["status"], "requested");
        let res = app
            .request(Method::PATCH, "/v1/brands/acme/vendors/nordic-knits", Some(&m.key))
            .json(&json!({ "active": false }))
            .send()
            .await
            .unwrap();
        assert_eq!(ok_json(res).await["active"], false);
        let approved = ok_json(act(&app, &m.key, &id, "approve", None).await).await;
        let nordic = part(&approved, Some("nordic-knits"));
        assert_eq!(nordic["status"], "approved");
        assert!(nordic["label"].is_object());
    }
);
