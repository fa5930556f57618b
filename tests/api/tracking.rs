//! Carrier tracking events: signed scans move approved returns in transit
//! and announce deliveries once; duplicates and late scans change nothing
//! twice; unknown parcels are ignored; unsigned or stale requests are
//! refused; customers see the parcel's journey.

use chrono::{Duration, SecondsFormat, Utc};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::both;
use crate::helpers::{TestApp, assert_problem, error_fields};
use crate::returns_fixtures::{Shop, act, created, request, shop, wait_label};
use returns_api::config::{CarrierConfig, Config};
use returns_api::webhooks::signature::sign;

/// PostNL's tracking secret in these tests.
const POSTNL: &str = "whsec_dHJhY2tpbmctdGVzdC1zZWNyZXQtcG9zdG5sLTAwMDE=";
/// DHL's.
const DHL: &str = "whsec_dHJhY2tpbmctdGVzdC1zZWNyZXQtZGhsLTAwMDAwMDAx";

fn carrier(json: Value) -> CarrierConfig {
    serde_json::from_value(json).unwrap()
}

/// PostNL and DHL post tracking events; UPS has a label API and no secret.
pub(crate) fn carriers(c: &mut Config) {
    c.carriers = vec![
        carrier(json!({ "carrier": "postnl", "tracking_secret": POSTNL })),
        carrier(json!({ "carrier": "dhl", "tracking_secret": DHL })),
        carrier(json!({ "carrier": "ups", "base_url": "http://127.0.0.1:9" })),
    ];
}

/// RFC 3339 time `minutes` ago.
pub(crate) fn ago(minutes: i64) -> String {
    (Utc::now() - Duration::minutes(minutes)).to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// How a test request is signed.
struct Signing<'a> {
    secret: &'a str,
    /// Seconds added to the current time in `webhook-timestamp`.
    skew: i64,
}

const SIGNED: Signing<'static> = Signing {
    secret: POSTNL,
    skew: 0,
};

/// POSTs `body` (as given) to a carrier's tracking endpoint, signed.
async fn post_raw(
    app: &TestApp,
    carrier: &str,
    signing: &Signing<'_>,
    content_type: &str,
    body: &str,
) -> reqwest::Response {
    let id = format!("msg_{}", uuid::Uuid::new_v4().simple());
    let ts = Utc::now().timestamp() + signing.skew;
    let signature = sign(&[signing.secret], &id, ts, body).unwrap();
    app.client
        .post(app.url(&format!("/v1/carriers/{carrier}/tracking-events")))
        .header("content-type", content_type)
        .header("webhook-id", id)
        .header("webhook-timestamp", ts.to_string())
        .header("webhook-signature", signature)
        .body(body.to_string())
        .send()
        .await
        .unwrap()
}

/// A scan signed with PostNL's secret; the answer's JSON, asserting 200.
pub(crate) async fn scan(app: &TestApp, body: Value) -> Value {
    let res = post_raw(
        app,
        "postnl",
        &SIGNED,
        "application/json",
        &body.to_string(),
    )
    .await;
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "{}",
        res.text().await.unwrap()
    );
    res.json().await.unwrap()
}

pub(crate) fn event(tracking: &str, status: &str, occurred_at: &str) -> Value {
    json!({ "tracking_number": tracking, "status": status, "occurred_at": occurred_at })
}

/// An auto-approved PostNL drop-off return with its label ready: the shop,
/// the return id and the label's tracking number.
async fn approved_with_label(app: &TestApp) -> (Shop, String, String) {
    let s = shop(app, 2).await;
    // The tests read the webhooks as queued: they are queued for an endpoint.
    crate::returns_fixtures::subscribed(app, &s.key).await;
    let r = created(app, &s.access, &request(1, "too_small")).await;
    assert_eq!(r["status"], "approved");
    let poll = r["shipments"][0]["label"]["poll_url"].as_str().unwrap();
    let res = wait_label(app, poll).await;
    assert_eq!(res.status(), StatusCode::OK);
    let label: Value = res.json().await.unwrap();
    let tracking = label["tracking_number"].as_str().unwrap().to_string();
    (s, r["id"].as_str().unwrap().to_string(), tracking)
}

async fn merchant_view(app: &TestApp, s: &Shop, id: &str) -> Value {
    let res = app
        .get(&format!("/v1/brands/acme/returns/{id}"), Some(&s.key))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

/// The audit trail's `return.*` events.
async fn return_events(app: &TestApp, s: &Shop, id: &str) -> Vec<Value> {
    let events: Value = app
        .get(
            &format!("/v1/brands/acme/returns/{id}/events"),
            Some(&s.key),
        )
        .await
        .json()
        .await
        .unwrap();
    events["data"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"].as_str().unwrap().starts_with("return."))
        .cloned()
        .collect()
}

fn types(events: &[Value]) -> Vec<&str> {
    events.iter().map(|e| e["type"].as_str().unwrap()).collect()
}

/// The webhook envelopes enqueued for a return, oldest first.
async fn webhooks(app: &TestApp, return_id: &str) -> Vec<Value> {
    let return_id = return_id.to_string();
    let payloads: Vec<String> = app
        .db
        .read(move |conn| {
            use diesel::prelude::*;
            use returns_api::db::schema::outbox::dsl::*;
            Ok(outbox
                .filter(kind.eq("webhook.event"))
                .filter(aggregate_id.eq(return_id.clone()))
                .order(id.asc())
                .select(payload)
                .load(conn)?)
        })
        .await
        .unwrap();
    payloads
        .iter()
        .map(|p| serde_json::from_str(p).unwrap())
        .collect()
}

async fn stored_scans(app: &TestApp) -> i64 {
    app.db
        .read(|conn| {
            use diesel::prelude::*;
            use returns_api::db::schema::tracking_events::dsl::*;
            Ok(tracking_events.count().get_result(conn)?)
        })
        .await
        .unwrap()
}

both!(
    config = carriers,
    async fn a_signed_scan_moves_an_approved_return_in_transit_and_a_delivery_is_announced_once(app) {
        let (s, id, tracking) = approved_with_label(&app).await;
        let answer = scan(&app, event(&tracking, "accepted", &ago(180))).await;
        assert_eq!((answer["status"].as_str(), answer["tracking_status"].as_str()), (Some("recorded"), Some("accepted")));

        let view = merchant_view(&app, &s, &id).await;
        assert_eq!(view["status"], "in_transit");
        assert_eq!(view["shipments"][0]["tracking"]["status"], "accepted");
        let events = return_events(&app, &s, &id).await;
        let shipped = events.last().unwrap();
        assert_eq!(shipped["type"], "return.in_transit");
        assert_eq!(shipped["actor"], "carrier:postnl");
        assert_eq!((shipped["from_status"].as_str(), shipped["to_status"].as_str()), (Some("approved"), Some("in_transit")));
        assert_eq!(shipped["details"]["tracking_number"], tracking.as_str());

        scan(&app, event(&tracking, "in_transit", &ago(120))).await;
        let delivered = scan(&app, event(&tracking, "delivered", &ago(60))).await;
        assert_eq!(delivered["tracking_status"], "delivered");
        // A second delivery scan (another time) is kept but not announced again.
        let again = scan(&app, event(&tracking, "delivered", &ago(30))).await;
        assert_eq!(again["status"], "recorded");

        let events = return_events(&app, &s, &id).await;
        assert_eq!(types(&events), vec!["return.requested", "return.approved", "return.in_transit", "return.delivered"]);
        let announced = &events[3];
        assert_eq!(announced["actor"], "carrier:postnl");
        assert!(announced["to_status"].is_null(), "a delivery changes no status");
        let shipment = view["shipments"][0]["id"].as_str().unwrap();
        assert_eq!(announced["details"]["shipment_id"], shipment);
        assert_eq!(announced["details"]["tracking_number"], tracking.as_str());
        assert!(announced["details"]["occurred_at"].is_string());
        let view = merchant_view(&app, &s, &id).await;
        assert_eq!(view["status"], "in_transit", "receiving stays the warehouse's action");
        assert_eq!(view["shipments"][0]["tracking"]["events"].as_array().unwrap().len(), 4);

        // Each webhook carries the return as it was after its change.
        let hooks = webhooks(&app, &id).await;
        let of = |t: &str| hooks.iter().find(|h| h["type"] == t).unwrap().clone();
        let in_transit = of("return.in_transit");
        assert_eq!(in_transit["data"]["status"], "in_transit");
        assert_eq!(in_transit["data"]["shipments"][0]["tracking"]["status"], "accepted");
        let delivery = of("return.delivered");
        assert_eq!(delivery["data"]["shipments"][0]["tracking"]["status"], "delivered");
        assert_eq!(delivery["data"]["shipments"][0]["tracking"]["events"].as_array().unwrap().len(), 3);
        assert_eq!(hooks.iter().filter(|h| h["type"] == "return.delivered").count(), 1);
    }
);

both!(
    config = carriers,
    async fn a_delivered_scan_on_an_approved_return_ships_it_first_then_announces_the_delivery(app) {
        let (s, id, tracking) = approved_with_label(&app).await;
        scan(&app, event(&tracking, "delivered", &ago(5))).await;
        let events = return_events(&app, &s, &id).await;
        assert_eq!(types(&events), vec!["return.requested", "return.approved", "return.in_transit", "return.delivered"]);
        assert_eq!(merchant_view(&app, &s, &id).await["status"], "in_transit");
        // The warehouse can still receive it.
        let item = merchant_view(&app, &s, &id).await["items"][0]["id"].as_str().unwrap().to_string();
        let res = act(&app, &s.key, &id, "receive", Some(json!({ "items": [ { "return_item_id": item, "quantity": 1 } ] }))).await;
        assert_eq!(res.status(), StatusCode::OK);
    }
);

both!(
    config = carriers,
    async fn duplicates_and_late_scans_are_recorded_once_and_never_move_the_status_back(app) {
        let (s, id, tracking) = approved_with_label(&app).await;
        let first = json!({ "tracking_number": tracking, "status": "in_transit", "occurred_at": ago(120), "event_id": "e-1" });
        assert_eq!(scan(&app, first.clone()).await["status"], "recorded");
        let same = scan(&app, first).await;
        assert_eq!((same["status"].as_str(), same["tracking_status"].as_str()), (Some("duplicate"), Some("in_transit")));
        // The same carrier event id is the same scan, whatever else it says.
        let resent = json!({ "tracking_number": tracking, "status": "exception", "occurred_at": ago(110), "event_id": "e-1" });
        assert_eq!(scan(&app, resent).await["status"], "duplicate");
        // The same status at the same time, without ids, too.
        let at = ago(60);
        assert_eq!(scan(&app, event(&tracking, "delivered", &at)).await["status"], "recorded");
        assert_eq!(scan(&app, event(&tracking, "delivered", &at)).await["status"], "duplicate");
        // A late scan joins the history and leaves the current status alone.
        let late = scan(&app, event(&tracking, "accepted", &ago(300))).await;
        assert_eq!((late["status"].as_str(), late["tracking_status"].as_str()), (Some("recorded"), Some("delivered")));

        let view = merchant_view(&app, &s, &id).await;
        let t = &view["shipments"][0]["tracking"];
        assert_eq!(t["status"], "delivered");
        assert_eq!(chrono::DateTime::parse_from_rfc3339(t["updated_at"].as_str().unwrap()).unwrap(),
                   chrono::DateTime::parse_from_rfc3339(&at).unwrap());
        let history: Vec<&str> = t["events"].as_array().unwrap().iter().map(|e| e["status"].as_str().unwrap()).collect();
        assert_eq!(history, vec!["accepted", "in_transit", "delivered"], "oldest first, each once");
        assert_eq!(stored_scans(&app).await, 3);
        let events = return_events(&app, &s, &id).await;
        assert_eq!(types(&events), vec!["return.requested", "return.approved", "return.in_transit", "return.delivered"]);
    }
);

both!(
    config = carriers,
    async fn an_unknown_tracking_number_is_ignored_and_changes_nothing(app) {
        let (s, id, tracking) = approved_with_label(&app).await;
        let before = merchant_view(&app, &s, &id).await;
        let events_before = return_events(&app, &s, &id).await.len();
        let hooks_before = webhooks(&app, &id).await.len();
        let answer = scan(&app, event("NOT-OURS-1", "delivered", &ago(5))).await;
        assert_eq!(answer, json!({ "status": "ignored", "tracking_status": null, "updated_at": null }));
        // Our parcel's number, reported by another carrier, is not our parcel.
        let body = event(&tracking, "delivered", &ago(5)).to_string();
        let res = post_raw(&app, "dhl", &Signing { secret: DHL, skew: 0 }, "application/json", &body).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.json::<Value>().await.unwrap()["status"], "ignored");

        let after = merchant_view(&app, &s, &id).await;
        assert_eq!(after["status"], "approved");
        assert!(after["shipments"][0]["tracking"].is_null());
        assert_eq!(after["updated_at"], before["updated_at"]);
        assert_eq!(return_events(&app, &s, &id).await.len(), events_before);
        assert_eq!(webhooks(&app, &id).await.len(), hooks_before);
        assert_eq!(stored_scans(&app).await, 0);
    }
);

both!(
    config = carriers,
    async fn unsigned_forged_stale_and_unknown_carrier_requests_are_refused(app) {
        let (s, id, tracking) = approved_with_label(&app).await;
        let body = event(&tracking, "accepted", &ago(5)).to_string();
        let url = app.url("/v1/carriers/postnl/tracking-events");

        let unsigned = app.client.post(&url).header("content-type", "application/json").body(body.clone()).send().await.unwrap();
        let www = unsigned.headers().get("www-authenticate").unwrap().to_str().unwrap().to_string();
        assert!(www.starts_with("Signature"), "{www}");
        let problem = assert_problem(unsigned, StatusCode::UNAUTHORIZED, "invalid_signature").await;
        assert!(problem["detail"].as_str().unwrap().contains("webhook-id"), "{problem}");

        let ts = Utc::now().timestamp().to_string();
        let garbage = app.client.post(&url).header("content-type", "application/json")
            .header("webhook-id", "msg_1").header("webhook-timestamp", &ts)
            .header("webhook-signature", "v1,bm90IGEgc2lnbmF0dXJl").body(body.clone()).send().await.unwrap();
        assert_problem(garbage, StatusCode::UNAUTHORIZED, "invalid_signature").await;

        let wrong_secret = post_raw(&app, "postnl", &Signing { secret: DHL, skew: 0 }, "application/json", &body).await;
        assert_problem(wrong_secret, StatusCode::UNAUTHORIZED, "invalid_signature").await;

        let stale = post_raw(&app, "postnl", &Signing { secret: POSTNL, skew: -10 * 60 }, "application/json", &body).await;
        let problem = assert_problem(stale, StatusCode::UNAUTHORIZED, "invalid_signature").await;
        assert!(problem["detail"].as_str().unwrap().contains("five minutes"), "{problem}");
        let ahead = post_raw(&app, "postnl", &Signing { secret: POSTNL, skew: 10 * 60 }, "application/json", &body).await;
        assert_problem(ahead, StatusCode::UNAUTHORIZED, "invalid_signature").await;

        // Signed, then changed on the way.
        let id_header = "msg_tampered";
        let signature = sign(&[POSTNL], id_header, Utc::now().timestamp(), &body).unwrap();
        let tampered = app.client.post(&url).header("content-type", "application/json")
            .header("webhook-id", id_header).header("webhook-timestamp", Utc::now().timestamp().to_string())
            .header("webhook-signature", signature).body(body.replace("accepted", "delivered")).send().await.unwrap();
        assert_problem(tampered, StatusCode::UNAUTHORIZED, "invalid_signature").await;

        for carrier in ["gls", "ups"] {
            let res = post_raw(&app, carrier, &SIGNED, "application/json", &body).await;
            assert_problem(res, StatusCode::UNAUTHORIZED, "invalid_signature").await;
        }

        assert_eq!(merchant_view(&app, &s, &id).await["status"], "approved");
        assert_eq!(stored_scans(&app).await, 0);
        // The genuine request goes through.
        assert_eq!(scan(&app, event(&tracking, "accepted", &ago(5))).await["status"], "recorded");
    }
);

both!(
    config = carriers,
    async fn a_tracking_event_body_is_read_and_checked_like_every_other_body(app) {
        let (_, _, tracking) = approved_with_label(&app).await;
        let post = |body: String| {
            let app = &app;
            async move { post_raw(app, "postnl", &SIGNED, "application/json", &body).await }
        };
        let res = post(json!({ "tracking_number": tracking, "status": "accepted", "occurred_at": ago(5), "extra": 1 }).to_string()).await;
        assert_problem(res, StatusCode::BAD_REQUEST, "invalid_body").await;
        let res = post(json!({ "tracking_number": tracking, "status": "lost", "occurred_at": ago(5) }).to_string()).await;
        assert_problem(res, StatusCode::BAD_REQUEST, "invalid_body").await;
        let res = post(json!({ "tracking_number": tracking, "status": "accepted", "occurred_at": "yesterday" }).to_string()).await;
        assert_problem(res, StatusCode::BAD_REQUEST, "invalid_body").await;
        assert_problem(post("{\"tracking_number\":".into()).await, StatusCode::BAD_REQUEST, "malformed_json").await;

        let res = post(json!({
            "tracking_number": "X".repeat(65), "status": "accepted", "occurred_at": ago(5),
            "location": { "city": " ", "country": "XX" }, "event_id": ""
        }).to_string()).await;
        let problem = assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(error_fields(&problem), vec!["tracking_number", "event_id", "location.city", "location.country"]);
        let tomorrow_and_more = (Utc::now() + Duration::hours(25)).to_rfc3339();
        let res = post(event(&tracking, "accepted", &tomorrow_and_more).to_string()).await;
        let problem = assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(error_fields(&problem), vec!["occurred_at"]);

        let text = post_raw(&app, "postnl", &SIGNED, "text/plain", &event(&tracking, "accepted", &ago(5)).to_string()).await;
        assert_problem(text, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type").await;
        assert_eq!(stored_scans(&app).await, 0);
    }
);

both!(
    config = carriers,
    async fn a_return_that_cannot_travel_keeps_its_status_but_its_scans_are_kept(app) {
        let (s, id, tracking) = approved_with_label(&app).await;
        let res = act(&app, &s.key, &id, "cancel", None).await;
        assert_eq!(res.status(), StatusCode::OK);
        let events_before = return_events(&app, &s, &id).await.len();
        scan(&app, event(&tracking, "in_transit", &ago(20))).await;
        let answer = scan(&app, event(&tracking, "delivered", &ago(10))).await;
        assert_eq!((answer["status"].as_str(), answer["tracking_status"].as_str()), (Some("recorded"), Some("delivered")));
        let view = merchant_view(&app, &s, &id).await;
        assert_eq!(view["status"], "cancelled");
        assert_eq!(view["shipments"][0]["tracking"]["events"].as_array().unwrap().len(), 2);
        assert_eq!(return_events(&app, &s, &id).await.len(), events_before, "no event for a return that cannot travel");
    }
);

both!(
    config = carriers,
    async fn the_customer_sees_the_parcels_journey_in_the_portal_without_internal_ids(app) {
        let (s, id, tracking) = approved_with_label(&app).await;
        scan(&app, json!({ "tracking_number": tracking, "status": "in_transit", "occurred_at": ago(60),
            "event_id": "carrier-scan-0002",
            "location": { "description": "Sorting centre", "city": "Utrecht", "postal_code": "3542 AB", "country": "NL" } })).await;
        scan(&app, json!({ "tracking_number": tracking, "status": "accepted", "occurred_at": ago(120),
            "event_id": "carrier-scan-0001", "location": { "city": "Amsterdam" } })).await;

        let res = app.get(&format!("/v1/portal/acme/returns/{id}"), Some(&s.access)).await;
        assert_eq!(res.status(), StatusCode::OK);
        let view: Value = res.json().await.unwrap();
        assert_eq!(view["status"], "in_transit");
        let statuses: Vec<&str> = view["timeline"].as_array().unwrap().iter().filter_map(|e| e["status"].as_str()).collect();
        assert!(statuses.contains(&"in_transit"), "{statuses:?}");
        let t = &view["shipments"][0]["tracking"];
        assert_eq!(t["status"], "in_transit");
        let events = t["events"].as_array().unwrap();
        assert_eq!(events.len(), 2);
        assert_eq!((events[0]["status"].as_str(), events[0]["location"]["city"].as_str()), (Some("accepted"), Some("Amsterdam")));
        assert_eq!(events[1]["location"], json!({ "description": "Sorting centre", "city": "Utrecht", "postal_code": "3542 AB", "country": "NL" }));
        let mut keys: Vec<&String> = events[0].as_object().unwrap().keys().collect();
        keys.sort();
        assert_eq!(keys, vec!["location", "occurred_at", "status"]);
        let text = t.to_string();
        assert!(!text.contains("carrier-scan-") && !text.contains("brd_") && !text.contains("trk_"), "{text}");
    }
);

#[tokio::test]
async fn a_carrier_list_with_a_bad_secret_a_twice_listed_carrier_or_an_idle_entry_stops_start_up() {
    let cases = [
        (
            vec![json!({ "carrier": "postnl", "tracking_secret": "not-a-whsec-secret" })],
            "not a whsec_ secret",
        ),
        (
            vec![
                json!({ "carrier": "postnl", "tracking_secret": POSTNL }),
                json!({ "carrier": "postnl", "base_url": "http://127.0.0.1:9" }),
            ],
            "listed twice",
        ),
        (
            vec![json!({ "carrier": "postnl" })],
            "base_url, a tracking_secret",
        ),
    ];
    for (entries, expected) in cases {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("t.db").display());
        let mut config = Config::for_database(url, dir.path().join("data"));
        config.carriers = entries.into_iter().map(carrier).collect();
        let err = match returns_api::startup::Application::build(config).await {
            Ok(_) => panic!("started with an unusable carrier list ({expected})"),
            Err(e) => e.to_string(),
        };
        assert!(err.contains(expected), "{err}");
        assert!(
            !err.contains("not-a-whsec-secret") && !err.contains(POSTNL),
            "{err}"
        );
        assert!(!dir.path().join("t.db").exists(), "nothing was touched");
    }
}
