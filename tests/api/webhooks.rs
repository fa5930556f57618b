//! Webhooks end to end: endpoints, signed deliveries to a real receiver on
//! 127.0.0.1, retries and the delivery log, rotation, disabling, tenancy,
//! the SSRF guard, and a crash while deliveries are in flight.

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::both;
use crate::helpers::{TestApp, assert_problem};
use crate::returns_fixtures::{act, created, request, shop};
use crate::webhook_receiver::{Receiver, Reply};

fn dev(c: &mut returns_api::config::Config) {
    c.webhooks.webhook_allow_private = true;
    c.webhooks.webhook_retry_schedule =
        returns_api::config::parse_durations("100ms,200ms").unwrap();
    c.webhooks.webhook_timeout_ms = 1000;
}

/// Registers an endpoint; its id and secret.
async fn register(app: &TestApp, key: &str, url: &str, types: &[&str]) -> (String, String) {
    let res = app
        .post(
            "/v1/brands/acme/webhook-endpoints",
            Some(key),
            &json!({ "url": url, "event_types": types, "description": "test receiver" }),
        )
        .await;
    assert_eq!(
        res.status(),
        StatusCode::CREATED,
        "{}",
        res.text().await.unwrap()
    );
    let body: Value = res.json().await.unwrap();
    let secret = body["secret"].as_str().unwrap().to_string();
    assert!(secret.starts_with("whsec_"));
    (body["id"].as_str().unwrap().to_string(), secret)
}

async fn deliveries(app: &TestApp, key: &str, endpoint: &str, query: &str) -> Value {
    let res = app
        .get(
            &format!("/v1/brands/acme/webhook-endpoints/{endpoint}/deliveries{query}"),
            Some(key),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

/// Waits until every delivery of the endpoint is finished.
async fn settled(app: &TestApp, key: &str, endpoint: &str, n: usize) -> Vec<Value> {
    let started = Instant::now();
    loop {
        let page = deliveries(app, key, endpoint, "?limit=100").await;
        let list = page["data"].as_array().unwrap().clone();
        if list.len() >= n && list.iter().all(|d| d["status"] != "pending") {
            return list;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "deliveries still pending: {list:?}"
        );
        tokio::time::sleep(Duration::from_millis(30)).await;
    }
}

async fn ping(app: &TestApp, key: &str, endpoint: &str) -> reqwest::Response {
    app.request(
        Method::POST,
        &format!("/v1/brands/acme/webhook-endpoints/{endpoint}/test"),
        Some(key),
    )
    .send()
    .await
    .unwrap()
}

both!(
    config = dev,
    async fn events_arrive_signed_with_the_return_as_it_was_at_each_event(app) {
        let s = shop(&app, 3).await;
        let receiver = Receiver::start(vec![]).await;
        let (_, secret) = register(&app, &s.key, &receiver.url, &[]).await;
        let ret = created(&app, &s.access, &request(1, "not_as_described")).await;
        let id = ret["id"].as_str().unwrap();
        let res = act(&app, &s.key, id, "approve", None).await;
        assert_eq!(res.status(), StatusCode::OK);
        let got = receiver
            .wait_for(Duration::from_secs(20), |got| got.iter().any(|r| r.event_type() == "label.ready"))
            .await;
        let by_type: HashMap<&str, &crate::webhook_receiver::Received> =
            got.iter().map(|r| (r.event_type(), r)).collect();
        let other = returns_api::webhooks::signature::new_secret();
        for r in &got {
            assert!(r.verifies_with(&secret), "{} does not verify", r.event_type());
            assert!(!r.verifies_with(&other), "{} verifies with another secret", r.event_type());
            assert_eq!(r.json["id"], json!(r.id), "webhook-id is the envelope id");
            assert!(r.id.starts_with("evt_"));
            assert_eq!(r.json["data"]["id"], json!(id));
        }
        let requested = by_type["return.requested"];
        assert_eq!(requested.json["data"]["status"], "requested");
        assert_eq!(requested.json["data"]["shipments"][0]["label"], Value::Null);
        let approved = by_type["return.approved"];
        assert_eq!(approved.json["data"]["status"], "approved");
        assert_eq!(approved.json["data"]["shipments"][0]["label"]["status"], "pending");
        let ready = by_type["label.ready"];
        assert_eq!(ready.json["data"]["shipments"][0]["label"]["status"], "ready");
        // The events are the audit trail's, with the same ids.
        let trail: Value = app
            .get(&format!("/v1/brands/acme/returns/{id}/events"), Some(&s.key))
            .await
            .json()
            .await
            .unwrap();
        let trail_ids: HashSet<String> = trail["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["id"].as_str().unwrap().to_string())
            .collect();
        assert!(got.iter().all(|r| trail_ids.contains(&r.id)), "{trail_ids:?}");
    }
);

both!(
    config = dev,
    async fn a_failed_or_timed_out_attempt_is_retried_with_the_same_id_and_every_attempt_is_logged(app) {
        let s = shop(&app, 1).await;
        let receiver = Receiver::start(vec![Reply::Status(500), Reply::Stall(1500)]).await;
        let (endpoint, secret) = register(&app, &s.key, &receiver.url, &[]).await;
        let res = ping(&app, &s.key, &endpoint).await;
        assert_eq!(res.status(), StatusCode::ACCEPTED);
        let delivery: Value = res.json().await.unwrap();
        assert_eq!(delivery["status"], "pending");
        let got = receiver.wait_count(3, Duration::from_secs(20)).await;
        assert!(got.iter().all(|r| r.id == got[0].id), "one webhook-id on every attempt");
        assert!(got.iter().all(|r| r.verifies_with(&secret)));
        assert_eq!(got[0].event_type(), "ping");
        assert_eq!(got[0].json["data"]["id"], json!(endpoint));
        let list = settled(&app, &s.key, &endpoint, 1).await;
        let d = &list[0];
        assert_eq!(d["status"], "succeeded");
        assert_eq!(d["event_id"], json!(got[0].id));
        assert_eq!(d["attempt_count"], 3);
        let attempts = d["attempts"].as_array().unwrap();
        assert_eq!(attempts.len(), 3);
        assert_eq!(attempts[0]["status_code"], 500);
        assert_eq!(attempts[0]["response_excerpt"], "status 500 from the receiver");
        assert!(attempts[0]["next_attempt_at"].is_string());
        assert_eq!(attempts[1]["status_code"], Value::Null);
        assert!(attempts[1]["error"].as_str().unwrap().contains("timed out"), "{}", attempts[1]);
        assert!(attempts[1]["latency_ms"].as_i64().unwrap() >= 900);
        assert_eq!(attempts[2]["status_code"], 204);
        assert_eq!(attempts[2]["next_attempt_at"], Value::Null);
    }
);

both!(
    config = dev,
    async fn a_delivery_fails_after_its_last_attempt_and_a_manual_retry_sends_it_again(app) {
        let s = shop(&app, 1).await;
        let receiver = Receiver::start(vec![Reply::Status(503), Reply::Status(503), Reply::Status(503)]).await;
        let (endpoint, _) = register(&app, &s.key, &receiver.url, &[]).await;
        ping(&app, &s.key, &endpoint).await;
        let list = settled(&app, &s.key, &endpoint, 1).await;
        assert_eq!(list[0]["status"], "failed");
        assert_eq!(list[0]["attempt_count"], 3, "three attempts with a schedule of two delays");
        assert_eq!(list[0]["last_status_code"], 503);
        let failed = deliveries(&app, &s.key, &endpoint, "?status=failed").await;
        assert_eq!(failed["data"].as_array().unwrap().len(), 1);
        let none = deliveries(&app, &s.key, &endpoint, "?status=succeeded").await;
        assert_eq!(none["data"].as_array().unwrap().len(), 0);
        let id = list[0]["id"].as_str().unwrap();
        let res = app
            .request(Method::POST, &format!("/v1/brands/acme/webhook-endpoints/deliveries/{id}/retry"), Some(&s.key))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::ACCEPTED);
        let got = receiver.wait_count(4, Duration::from_secs(10)).await;
        assert_eq!(got[3].id, got[0].id);
        let list = settled(&app, &s.key, &endpoint, 1).await;
        assert_eq!(list[0]["status"], "succeeded");
        assert_eq!(list[0]["attempt_count"], 4);
        let res = app
            .request(Method::POST, "/v1/brands/acme/webhook-endpoints/deliveries/whd_nope/retry", Some(&s.key))
            .send()
            .await
            .unwrap();
        assert_problem(res, StatusCode::NOT_FOUND, "delivery_not_found").await;
    }
);

both!(
    config = dev,
    async fn during_a_rotation_both_secrets_verify_and_afterwards_only_the_new_one_is_shown(app) {
        let s = shop(&app, 1).await;
        let receiver = Receiver::start(vec![]).await;
        let (endpoint, old) = register(&app, &s.key, &receiver.url, &[]).await;
        let res = app
            .request(Method::POST, &format!("/v1/brands/acme/webhook-endpoints/{endpoint}/rotate-secret"), Some(&s.key))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let rotated: Value = res.json().await.unwrap();
        let new = rotated["secret"].as_str().unwrap().to_string();
        assert_ne!(new, old);
        assert!(rotated["previous_secret_expires_at"].is_string());
        ping(&app, &s.key, &endpoint).await;
        let got = receiver.wait_count(1, Duration::from_secs(10)).await;
        assert_eq!(got[0].signature.split(' ').count(), 2);
        assert!(got[0].verifies_with(&new));
        assert!(got[0].verifies_with(&old));
        let shown: Value = app
            .get(&format!("/v1/brands/acme/webhook-endpoints/{endpoint}"), Some(&s.key))
            .await
            .json()
            .await
            .unwrap();
        assert!(shown.get("secret").is_none(), "a read never shows the secret");
    }
);

both!(
    config = dev,
    async fn a_disabled_endpoint_receives_nothing_and_cannot_be_tested(app) {
        let s = shop(&app, 3).await;
        let off = Receiver::start(vec![]).await;
        let on = Receiver::start(vec![]).await;
        let (off_id, _) = register(&app, &s.key, &off.url, &[]).await;
        register(&app, &s.key, &on.url, &["return.requested"]).await;
        let res = app
            .request(Method::PATCH, &format!("/v1/brands/acme/webhook-endpoints/{off_id}"), Some(&s.key))
            .json(&json!({ "enabled": false }))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.json::<Value>().await.unwrap()["enabled"], false);
        created(&app, &s.access, &request(1, "not_as_described")).await;
        on.wait_count(1, Duration::from_secs(10)).await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert_eq!(on.received().len(), 1, "only the subscribed type");
        assert!(off.received().is_empty(), "a disabled endpoint got {:?}", off.received());
        assert_problem(ping(&app, &s.key, &off_id).await, StatusCode::CONFLICT, "endpoint_disabled").await;
    }
);

both!(
    config = dev,
    async fn events_of_one_brand_never_reach_another_brands_endpoint(app) {
        let s = shop(&app, 3).await;
        let other_key = app.brand_with_key("globex").await;
        let mine = Receiver::start(vec![]).await;
        let theirs = Receiver::start(vec![]).await;
        register(&app, &s.key, &mine.url, &[]).await;
        let res = app
            .post("/v1/brands/globex/webhook-endpoints", Some(&other_key), &json!({ "url": theirs.url }))
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let theirs_id = res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string();
        created(&app, &s.access, &request(1, "too_small")).await;
        mine.wait_for(Duration::from_secs(20), |got| got.iter().any(|r| r.event_type() == "label.ready"))
            .await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        assert!(theirs.received().is_empty());
        // Nor can one brand's key see or change the other's endpoints.
        let res = app
            .get(&format!("/v1/brands/acme/webhook-endpoints/{theirs_id}"), Some(&s.key))
            .await;
        assert_problem(res, StatusCode::NOT_FOUND, "endpoint_not_found").await;
        let res = app.get("/v1/brands/globex/webhook-endpoints", Some(&s.key)).await;
        assert_problem(res, StatusCode::NOT_FOUND, "brand_not_found").await;
    }
);

both!(
    config = |c: &mut returns_api::config::Config| {
        dev(c);
        c.webhooks.webhook_retry_schedule = returns_api::config::parse_durations("100ms,100ms,100ms,100ms,100ms,100ms,100ms,100ms").unwrap();
        c.webhooks.webhook_disable_after = Duration::from_millis(300);
    },
    async fn an_endpoint_failing_every_attempt_for_the_period_is_disabled_and_the_others_hear_of_it(app) {
        let s = shop(&app, 1).await;
        let failing = Receiver::start_with(vec![], Some(Reply::Status(500)), 0).await;
        let watcher = Receiver::start(vec![]).await;
        let (failing_id, _) = register(&app, &s.key, &failing.url, &[]).await;
        register(&app, &s.key, &watcher.url, &["webhook_endpoint.disabled"]).await;
        ping(&app, &s.key, &failing_id).await;
        let got = watcher.wait_count(1, Duration::from_secs(20)).await;
        assert_eq!(got[0].event_type(), "webhook_endpoint.disabled");
        assert_eq!(got[0].json["data"]["id"], json!(failing_id));
        let shown: Value = app
            .get(&format!("/v1/brands/acme/webhook-endpoints/{failing_id}"), Some(&s.key))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(shown["enabled"], false);
        assert!(shown["disabled_reason"].as_str().unwrap().contains("failed"));
        let list = settled(&app, &s.key, &failing_id, 1).await;
        assert_eq!(list[0]["status"], "failed");
        let attempts = failing.received().len();
        tokio::time::sleep(Duration::from_millis(400)).await;
        assert_eq!(failing.received().len(), attempts, "no attempt after disabling");
        // Enabling it again clears the reason.
        let res = app
            .request(Method::PATCH, &format!("/v1/brands/acme/webhook-endpoints/{failing_id}"), Some(&s.key))
            .json(&json!({ "enabled": true }))
            .send()
            .await
            .unwrap();
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["enabled"], true);
        assert_eq!(body["disabled_reason"], Value::Null);
        assert_eq!(body["failing_since"], Value::Null);
    }
);

both!(
    async fn endpoints_are_checked_managed_and_paged(app) {
        let key = app.brand_with_key("acme").await;
        let post = |body: Value| {
            let key = key.clone();
            let app = &app;
            async move { app.post("/v1/brands/acme/webhook-endpoints", Some(&key), &body).await }
        };
        // Without the development switch: https and public addresses only.
        for (url, code) in [
            ("http://hooks.example.com/x", "invalid_url"),
            ("https://127.0.0.1/hook", "unsafe_url"),
            ("https://[::1]/hook", "unsafe_url"),
            ("https://169.254.169.254/latest/meta-data", "unsafe_url"),
            ("https://10.0.0.8/hook", "unsafe_url"),
            ("https://localhost:9/hook", "unsafe_url"),
            ("https://user:pw@hooks.example.com/", "invalid_url"),
            ("not a url", "invalid_url"),
        ] {
            let problem = assert_problem(post(json!({ "url": url })).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
            assert_eq!(problem["errors"][0]["code"], code, "{url}: {problem}");
        }
        let problem = assert_problem(
            post(json!({ "url": "https://127.0.0.1/", "event_types": ["ping"] })).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        )
        .await;
        assert_eq!(problem["errors"][0]["field"], "event_types[0]");
        let res = post(json!({ "url": "https://127.0.0.1/", "event_types": ["return.lost"] })).await;
        assert_problem(res, StatusCode::BAD_REQUEST, "invalid_body").await;
        let res = post(json!({ "url": "https://127.0.0.1/", "secret": "mine" })).await;
        assert_problem(res, StatusCode::BAD_REQUEST, "invalid_body").await;
        // A literal public address needs no DNS: registered, listed, changed, deleted.
        let mut ids = Vec::new();
        for n in 0..3 {
            let res = post(json!({ "url": format!("https://93.184.216.{n}/hook"), "event_types": ["return.approved"] })).await;
            assert_eq!(res.status(), StatusCode::CREATED);
            ids.push(res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string());
        }
        let page: Value = app.get("/v1/brands/acme/webhook-endpoints?limit=2", Some(&key)).await.json().await.unwrap();
        assert_eq!(page["data"].as_array().unwrap().len(), 2);
        assert!(page["data"][0].get("secret").is_none());
        let cursor = page["next_cursor"].as_str().unwrap();
        let rest: Value = app
            .get(&format!("/v1/brands/acme/webhook-endpoints?limit=2&cursor={cursor}"), Some(&key))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(rest["data"][0]["id"], json!(ids[2]));
        assert_eq!(rest["next_cursor"], Value::Null);
        let res = app
            .request(Method::PATCH, &format!("/v1/brands/acme/webhook-endpoints/{}", ids[0]), Some(&key))
            .json(&json!({ "event_types": [], "description": "all events" }))
            .send()
            .await
            .unwrap();
        let changed: Value = res.json().await.unwrap();
        assert_eq!(changed["event_types"], json!([]));
        assert_eq!(changed["description"], "all events");
        let res = app
            .request(Method::DELETE, &format!("/v1/brands/acme/webhook-endpoints/{}", ids[0]), Some(&key))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
        let res = app.get(&format!("/v1/brands/acme/webhook-endpoints/{}", ids[0]), Some(&key)).await;
        assert_problem(res, StatusCode::NOT_FOUND, "endpoint_not_found").await;
    }
);

both!(
    config = |c: &mut returns_api::config::Config| {
        c.webhooks.webhook_allow_private = true;
        c.disable_jobs = true;
    },
    async fn a_host_that_resolves_to_a_private_address_is_refused_at_delivery_too(app) {
        // Registered where the development switch is on; delivered by a node
        // where it is off: every attempt resolves the host again.
        let s = shop(&app, 1).await;
        let receiver = Receiver::start(vec![]).await;
        let by_name = receiver.url.replace("http://127.0.0.1", "https://localhost");
        let (named, _) = register(&app, &s.key, &by_name, &[]).await;
        let (literal, _) = register(&app, &s.key, &receiver.url, &[]).await;
        let _strict = app
            .node_with(|c| {
                c.disable_jobs = false;
                c.webhooks.webhook_allow_private = false;
                c.webhooks.webhook_retry_schedule = returns_api::config::parse_durations("50ms").unwrap();
            })
            .await;
        ping(&app, &s.key, &named).await;
        ping(&app, &s.key, &literal).await;
        for (endpoint, reason) in [(&named, "resolves to no public address"), (&literal, "refused")] {
            let list = settled(&app, &s.key, endpoint, 1).await;
            assert_eq!(list[0]["status"], "failed");
            let attempt = &list[0]["attempts"][0];
            assert_eq!(attempt["status_code"], Value::Null);
            let error = attempt["error"].as_str().unwrap();
            assert!(error.contains(reason), "{error}");
        }
        assert!(receiver.received().is_empty(), "nothing reached the private address");
    }
);

/// Addresses an earlier rule let through: deprecated site-local, local-use
/// NAT64 and SIIT carrying 127.0.0.1, and the deprecated 6to4 relay block.
const SPECIAL_PURPOSE: [&str; 4] = [
    "https://[fec0::1]/hook",
    "https://[64:ff9b:1::7f00:1]/hook",
    "https://[::ffff:0:7f00:1]/hook",
    "https://192.88.99.1/hook",
];

both!(
    async fn special_purpose_addresses_are_refused_at_registration_and_on_change(app) {
        let key = app.brand_with_key("acme").await;
        for url in SPECIAL_PURPOSE {
            let res = app.post("/v1/brands/acme/webhook-endpoints", Some(&key), &json!({ "url": url })).await;
            let problem = assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
            assert_eq!(problem["errors"][0]["code"], "unsafe_url", "{url}: {problem}");
        }
        let (id, _) = register(&app, &key, "https://93.184.216.34/hook", &[]).await;
        for url in SPECIAL_PURPOSE {
            let res = app
                .request(Method::PATCH, &format!("/v1/brands/acme/webhook-endpoints/{id}"), Some(&key))
                .json(&json!({ "url": url }))
                .send()
                .await
                .unwrap();
            let problem = assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
            assert_eq!(problem["errors"][0]["code"], "unsafe_url", "{url}: {problem}");
        }
    }
);

both!(
    config = |c: &mut returns_api::config::Config| {
        c.webhooks.webhook_allow_private = true;
        c.disable_jobs = true;
    },
    async fn special_purpose_addresses_are_refused_at_every_attempt(app) {
        // Registered where the development switch is on; delivered by a node
        // where it is off.
        let s = shop(&app, 1).await;
        let mut endpoints = Vec::new();
        for url in SPECIAL_PURPOSE {
            endpoints.push(register(&app, &s.key, url, &[]).await.0);
        }
        let _strict = app
            .node_with(|c| {
                c.disable_jobs = false;
                c.webhooks.webhook_allow_private = false;
                c.webhooks.webhook_retry_schedule = returns_api::config::parse_durations("50ms").unwrap();
            })
            .await;
        for endpoint in &endpoints {
            ping(&app, &s.key, endpoint).await;
        }
        for endpoint in &endpoints {
            let list = settled(&app, &s.key, endpoint, 1).await;
            assert_eq!(list[0]["status"], "failed");
            let attempt = &list[0]["attempts"][0];
            assert_eq!(attempt["status_code"], Value::Null);
            let error = attempt["error"].as_str().unwrap();
            assert!(error.contains("special-purpose address"), "{error}");
        }
    }
);

/// Runs the real binary, delivering to loopback with short timeouts, until
/// killed.
fn start_binary(app: &TestApp) -> std::process::Child {
    app.start_binary(&[
        ("WEBHOOK_ALLOW_PRIVATE", "true"),
        ("WEBHOOK_TIMEOUT_MS", "1000"),
        ("WEBHOOK_RETRY_SCHEDULE", "100ms,100ms,100ms,100ms,100ms"),
    ])
}

both!(
    config = |c: &mut returns_api::config::Config| {
        c.disable_jobs = true;
        c.webhooks.webhook_allow_private = true;
    },
    async fn killing_the_server_mid_delivery_loses_no_event_and_keeps_every_id(app) {
        let s = shop(&app, 40).await;
        // A slow receiver keeps deliveries in flight when the kill comes.
        let receiver = Receiver::start_with(vec![], None, 300).await;
        register(&app, &s.key, &receiver.url, &[]).await;
        for _ in 0..20 {
            created(&app, &s.access, &request(1, "not_as_described")).await;
        }
        for round in 0..3 {
            let mut child = start_binary(&app);
            let before = receiver.received().len();
            let started = Instant::now();
            while receiver.received().len() == before && started.elapsed() < Duration::from_secs(20) {
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
            tokio::time::sleep(Duration::from_millis(50 + 40 * round)).await;
            child.kill().expect("SIGKILL");
            child.wait().unwrap();
        }
        let expected: HashSet<String> = {
            use diesel::prelude::*;
            use returns_api::db::schema::return_events;
            let mut conn = app.db.conn().unwrap();
            return_events::table
                .select(return_events::id)
                .load::<String>(&mut **conn)
                .unwrap()
                .into_iter()
                .collect()
        };
        assert_eq!(expected.len(), 20);
        let partial: HashSet<String> = receiver.received().into_iter().map(|r| r.id).collect();
        assert!(partial.len() < expected.len(), "the kills must have interrupted the deliveries");
        let mut child = start_binary(&app);
        let got = receiver
            .wait_for(Duration::from_secs(60), |got| {
                got.iter().map(|r| r.id.clone()).collect::<HashSet<_>>().len() >= expected.len()
            })
            .await;
        child.kill().ok();
        child.wait().ok();
        let ids: HashSet<String> = got.iter().map(|r| r.id.clone()).collect();
        assert_eq!(ids, expected, "every event delivered, with its own id, and nothing else");
        for r in &got {
            assert_eq!(r.json["id"], json!(r.id));
        }
    }
);

both!(
    config = dev,
    async fn two_nodes_on_one_database_send_each_event_once(app) {
        let s = shop(&app, 40).await;
        let receiver = Receiver::start(vec![]).await;
        register(&app, &s.key, &receiver.url, &["return.requested", "return.approved"]).await;
        let _other = app.node_with(dev).await;
        for _ in 0..20 {
            created(&app, &s.access, &request(1, "too_small")).await;
        }
        // Two events per auto-approved return.
        let got = receiver.wait_count(40, Duration::from_secs(30)).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let got = if receiver.received().len() > got.len() { receiver.received() } else { got };
        let mut per_id: HashMap<String, usize> = HashMap::new();
        for r in &got {
            *per_id.entry(r.id.clone()).or_default() += 1;
        }
        assert_eq!(per_id.len(), 40);
        assert!(per_id.values().all(|n| *n == 1), "an event was sent twice: {per_id:?}");
    }
);
