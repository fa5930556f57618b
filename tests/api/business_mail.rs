//! The business side is told: the merchant's staff and each vendor get
//! e-mail at a real SMTP server on 127.0.0.1, once per event and address;
//! a vendor is reminded before its deadline, hears of its parcel's scans,
//! and never sees the customer's details; at the deadline the vendor's
//! `on_timeout` acts by itself, exactly once, with the scheduling clock
//! moved forward instead of waiting days.

use std::time::{Duration, Instant};

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::both;
use crate::helpers::TestApp;
use crate::notifications::mailing_node;
use crate::returns_fixtures::{act, created, wait_label};
use crate::smtp_sink::{Mail, SmtpSink};
use crate::vendor_returns::{
    Market, market, merchant_view, ok_json, part, three_parts, vendor_post,
};

fn no_jobs(c: &mut returns_api::config::Config) {
    c.disable_jobs = true;
}

/// Saves the brand's settings with these staff and vendor mail settings.
async fn business_mail(app: &TestApp, m: &Market, staff: Value, vendors: Value) {
    let mut settings = app.settings("acme", &m.key).await;
    settings["staff_notifications"] = staff;
    settings["vendor_notifications"] = vendors;
    app.put_settings("acme", &m.key, &settings).await;
}

async fn patch_vendor(app: &TestApp, m: &Market, vendor: &str, body: Value) {
    let res = app
        .request(
            Method::PATCH,
            &format!("/v1/brands/acme/vendors/{vendor}"),
            Some(&m.key),
        )
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "{}",
        res.text().await.unwrap()
    );
}

/// Gives both vendors an address (Nordic Knits reads Dutch) and these
/// `on_timeout` rules.
async fn vendor_contacts(app: &TestApp, m: &Market, nordic: &str, alpine: &str) {
    patch_vendor(
        app,
        m,
        "nordic-knits",
        json!({ "contact_email": "returns@nordic.example", "locale": "nl", "on_timeout": nordic }),
    )
    .await;
    patch_vendor(
        app,
        m,
        "alpine-gear",
        json!({ "contact_email": "returns@alpine.example", "on_timeout": alpine }),
    )
    .await;
}

fn to<'a>(mails: &'a [Mail], address: &str) -> Vec<&'a Mail> {
    mails
        .iter()
        .filter(|m| m.to.iter().any(|t| t == address))
        .collect()
}

fn subjects(mails: &[&Mail]) -> Vec<String> {
    let mut s: Vec<String> = mails.iter().map(|m| m.subject().to_string()).collect();
    s.sort();
    s
}

/// Waits for `n` mails, then a little longer to see that no more come.
async fn exactly(sink: &SmtpSink, n: usize) -> Vec<Mail> {
    sink.wait_for(n, Duration::from_secs(20)).await;
    tokio::time::sleep(Duration::from_millis(600)).await;
    let mails = sink.mails();
    assert_eq!(
        mails.len(),
        n,
        "{:#?}",
        subjects(&mails.iter().collect::<Vec<_>>())
    );
    mails
}

async fn notifications(app: &TestApp, key: &str, path: &str) -> Vec<Value> {
    let body = ok_json(app.get(path, Some(key)).await).await;
    body["data"].as_array().unwrap().clone()
}

/// Waits until `path` lists `n` notifications, none of them queued.
async fn settled(app: &TestApp, key: &str, path: &str, n: usize) -> Vec<Value> {
    let started = Instant::now();
    loop {
        let list = notifications(app, key, path).await;
        if list.len() >= n && list.iter().all(|x| x["status"] != "queued") {
            return list;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "notifications not settled: {list:#?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The return's events as (type, actor).
async fn trail(app: &TestApp, key: &str, id: &str) -> Vec<(String, String)> {
    let body = ok_json(
        app.get(&format!("/v1/brands/acme/returns/{id}/events"), Some(key))
            .await,
    )
    .await;
    body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["type"].as_str().unwrap().to_string(),
                e["actor"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn count(trail: &[(String, String)], event: &str) -> usize {
    trail.iter().filter(|(t, _)| t == event).count()
}

both!(
    config = no_jobs,
    async fn staff_and_vendors_are_each_mailed_once_and_a_vendor_never_sees_the_customer(app) {
        let m = market(&app, 1).await;
        business_mail(&app, &m,
            json!({
                "recipients": ["ops@acme.example", "Lead@Acme.example"],
                "return_awaits_review": { "enabled": true },
                "part_rejected_by_vendor": { "enabled": true },
                "vendor_overdue": { "enabled": true }
            }),
            json!({
                "part_awaiting_vendor": { "enabled": true, "templates": {
                    "nl": { "subject": "Retour {{ return.rma }} wacht op u",
                            "body": "<p>{{ part.vendor }}: {% for i in part.items %}{{ i.quantity }} × {{ i.name }}{% endfor %} tot {{ part.due_at }}, retour {{ return.id }}.</p><p>[{% for i in return.items %}{{ i.name }};{% endfor %}] [{% if label_url %}link{% endif %}] [{{ label_urls|length }}]</p>" } } }
            }),
        ).await;
        vendor_contacts(&app, &m, "none", "none").await;
        let sink = SmtpSink::start().await;
        let _node = mailing_node(&app, &sink).await;

        let ret = created(&app, &m.access, &three_parts(1)).await;
        let (id, rma) = (ret["id"].as_str().unwrap(), ret["rma_number"].as_str().unwrap());
        let mails = exactly(&sink, 2).await;
        for staff in ["ops@acme.example", "Lead@Acme.example"] {
            let mine = to(&mails, staff);
            assert_eq!(subjects(&mine), vec![format!("Return {rma} waits for your review")], "{staff}");
            assert!(mine[0].body.contains("Wool sweater"), "{}", mine[0].body);
        }

        let approved = ok_json(act(&app, &m.key, id, "approve", None).await).await;
        let mails = exactly(&sink, 4).await;
        let nordic = to(&mails, "returns@nordic.example");
        assert_eq!(subjects(&nordic), vec![format!("Retour {rma} wacht op u")]);
        let due = part(&approved, Some("nordic-knits"))["vendor_due_at"].as_str().unwrap().to_string();
        assert!(nordic[0].body.contains("1 × Wool sweater"), "{}", nordic[0].body);
        assert!(!nordic[0].body.contains("Hiking boots"), "only its own part: {}", nordic[0].body);
        assert!(nordic[0].body.contains("[Wool sweater;] [] [0]"), "no other items, no customer label: {}", nordic[0].body);
        assert!(nordic[0].body.contains(id), "the return id for its API: {}", nordic[0].body);
        assert!(nordic[0].body.contains(&due[..16]), "the deadline {due}: {}", nordic[0].body);
        let alpine = to(&mails, "returns@alpine.example");
        assert_eq!(subjects(&alpine), vec![format!("Return {rma} waits for your answer")]);
        assert!(alpine[0].body.contains("Hiking boots"), "{}", alpine[0].body);
        for m in nordic.iter().chain(&alpine) {
            assert!(!m.body.contains("ana@example.com") && !m.body.contains("Stationsplein"), "{}", m.body);
            assert!(!m.body.contains("/v1/labels/"), "no customer label link: {}", m.body);
        }

        let res = vendor_post(&app, &m.alpine, id, "reject", json!({ "reason_code": "worn", "note": "scuffed soles" })).await;
        ok_json(res).await;
        let mails = exactly(&sink, 6).await;
        for staff in ["ops@acme.example", "Lead@Acme.example"] {
            let mine = to(&mails, staff);
            assert_eq!(mine.len(), 2, "{staff}");
            let rejected = mine.iter().find(|m| m.subject().contains("rejected")).unwrap();
            assert_eq!(rejected.subject(), format!("Alpine Gear rejected its part of return {rma}"));
            assert!(rejected.body.contains("Reason: worn") && rejected.body.contains("scuffed soles"), "{}", rejected.body);
        }

        let log = settled(&app, &m.key, &format!("/v1/brands/acme/returns/{id}/notifications"), 6).await;
        let mut kinds: Vec<(String, String, String)> = log
            .iter()
            .map(|n| (
                n["recipient_type"].as_str().unwrap().to_string(),
                n["kind"].as_str().unwrap().to_string(),
                n["status"].as_str().unwrap().to_string(),
            ))
            .collect();
        kinds.sort();
        let row = |a: &str, k: &str| (a.to_string(), k.to_string(), "sent".to_string());
        assert_eq!(kinds, vec![
            row("staff", "part_rejected_by_vendor"), row("staff", "part_rejected_by_vendor"),
            row("staff", "return_awaits_review"), row("staff", "return_awaits_review"),
            row("vendor", "part_awaiting_vendor"), row("vendor", "part_awaiting_vendor"),
        ]);
        let nl = log.iter().find(|n| n["recipient"] == "returns@nordic.example").unwrap();
        assert_eq!(nl["locale"], "nl");
        assert_eq!(nl["return_id"], id);
        let vendors = notifications(&app, &m.key, "/v1/brands/acme/notifications?recipient_type=vendor").await;
        assert_eq!(vendors.len(), 2);
        let page = ok_json(app.get("/v1/brands/acme/notifications?limit=4", Some(&m.key)).await).await;
        let next = page["next_cursor"].as_str().expect("a second page");
        let rest = notifications(&app, &m.key, &format!("/v1/brands/acme/notifications?limit=4&cursor={next}")).await;
        assert_eq!(page["data"].as_array().unwrap().len() + rest.len(), 6);
    }
);

both!(
    config = no_jobs,
    async fn a_vendor_is_reminded_at_the_configured_hours_before_its_deadline_unless_it_answered(app) {
        let m = market(&app, 1).await;
        business_mail(&app, &m,
            json!({}),
            json!({ "reminder_hours": 24, "part_reminder": { "enabled": true } }),
        ).await;
        vendor_contacts(&app, &m, "none", "none").await;
        let sink = SmtpSink::start().await;
        let clock = returns_api::clock::Clock::default();
        let node_clock = clock.clone();
        let url = sink.url.clone();
        let _node = app.node_with(move |c| {
            c.smtp_url = Some(returns_api::config::SecretUrl(url));
            c.clock = node_clock;
        }).await;

        let ret = created(&app, &m.access, &three_parts(1)).await;
        let id = ret["id"].as_str().unwrap();
        ok_json(act(&app, &m.key, id, "approve", None).await).await;
        // Alpine Gear answers at once; Nordic Knits does not.
        ok_json(vendor_post(&app, &m.alpine, id, "approve", json!({})).await).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert!(sink.mails().is_empty(), "{:?}", sink.mails());

        // 72 hours to answer, reminded 24 hours before: not at 47 hours.
        clock.advance(chrono::TimeDelta::hours(47));
        tokio::time::sleep(Duration::from_millis(800)).await;
        assert!(sink.mails().is_empty(), "too early: {:?}", sink.mails());
        clock.advance(chrono::TimeDelta::hours(1) + chrono::TimeDelta::minutes(1));
        let mails = exactly(&sink, 1).await;
        assert_eq!(mails[0].to, vec!["returns@nordic.example".to_string()]);
        assert!(mails[0].subject().starts_with("Reminder: return"), "{}", mails[0].subject());

        let log = settled(&app, &m.key, &format!("/v1/brands/acme/returns/{id}/notifications"), 2).await;
        let alpine = log.iter().find(|n| n["recipient"] == "returns@alpine.example").unwrap();
        assert_eq!((&alpine["status"], &alpine["error"]), (&json!("skipped"), &json!("answered")));
    }
);

both!(
    config = no_jobs,
    async fn a_vendor_hears_when_its_parcel_travels_and_arrives(app) {
        let m = market(&app, 1).await;
        business_mail(&app, &m,
            json!({}),
            json!({ "part_in_transit": { "enabled": true }, "part_delivered": { "enabled": true } }),
        ).await;
        vendor_contacts(&app, &m, "none", "none").await;
        let sink = SmtpSink::start().await;
        let url = sink.url.clone();
        // One node mails, runs the jobs and takes the carrier's scans.
        let scans = app.node_with(move |c| {
            c.smtp_url = Some(returns_api::config::SecretUrl(url));
            crate::tracking::carriers(c);
        }).await;

        let ret = created(&app, &m.access, &three_parts(1)).await;
        let id = ret["id"].as_str().unwrap();
        ok_json(act(&app, &m.key, id, "approve", None).await).await;
        let view = ok_json(vendor_post(&app, &m.nordic, id, "approve", json!({})).await).await;
        let poll = view["label"]["poll_url"].as_str().expect("the part's label").to_string();
        let label: Value = wait_label(&app, &poll).await.json().await.unwrap();
        let tracking = label["tracking_number"].as_str().unwrap();
        for (status, ago) in [("in_transit", 30), ("delivered", 5)] {
            let event = crate::tracking::event(tracking, status, &crate::tracking::ago(ago));
            let receipt = crate::tracking::scan(&scans, event).await;
            assert_eq!(receipt["status"], "recorded", "{receipt}");
        }

        let mails = exactly(&sink, 2).await;
        let nordic = to(&mails, "returns@nordic.example");
        let subjects = subjects(&nordic);
        assert_eq!(subjects.len(), 2, "{subjects:?}");
        assert!(subjects.iter().any(|s| s.ends_with("is on its way to you")), "{subjects:?}");
        assert!(subjects.iter().any(|s| s.ends_with("was delivered to you")), "{subjects:?}");
        assert!(nordic.iter().all(|m| m.body.contains(tracking)), "the tracking number");
        let merchant = merchant_view(&app, &m.key, id).await;
        assert_eq!(part(&merchant, Some("alpine-gear"))["status"], "awaiting_vendor");
    }
);

/// A node on the app's database that runs the jobs, mails through `sink`
/// and shares the app's scheduling clock; the clock.
async fn clocked_node(app: &TestApp, sink: &SmtpSink) -> (TestApp, returns_api::clock::Clock) {
    let clock = app.state.config.clock.clone();
    let (url, node_clock) = (sink.url.clone(), clock.clone());
    let node = app
        .node_with(move |c| {
            c.smtp_url = Some(returns_api::config::SecretUrl(url));
            c.clock = node_clock;
        })
        .await;
    (node, clock)
}

/// Waits until `check` holds for the merchant's view of the return.
async fn until(app: &TestApp, key: &str, id: &str, check: impl Fn(&Value) -> bool) -> Value {
    let started = Instant::now();
    loop {
        let view = merchant_view(app, key, id).await;
        if check(&view) {
            return view;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "not reached: {view:#}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

both!(
    config = no_jobs,
    async fn at_the_deadline_on_timeout_approves_or_rejects_the_part_once_as_the_system(app) {
        let m = market(&app, 1).await;
        business_mail(&app, &m,
            json!({ "recipients": ["ops@acme.example"], "vendor_overdue": { "enabled": true } }),
            json!({}),
        ).await;
        // The rule in force at the deadline counts, not the one when the
        // part started waiting.
        vendor_contacts(&app, &m, "escalate", "none").await;
        let sink = SmtpSink::start().await;
        let (_node, clock) = clocked_node(&app, &sink).await;
        let ret = created(&app, &m.access, &three_parts(1)).await;
        let id = ret["id"].as_str().unwrap().to_string();
        ok_json(act(&app, &m.key, &id, "approve", None).await).await;
        vendor_contacts(&app, &m, "approve", "reject").await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let before = merchant_view(&app, &m.key, &id).await;
        assert_eq!(part(&before, Some("nordic-knits"))["status"], "awaiting_vendor", "nothing before the deadline");

        clock.advance(chrono::TimeDelta::hours(72) + chrono::TimeDelta::minutes(1));
        let after = until(&app, &m.key, &id, |v| {
            part(v, Some("nordic-knits"))["status"] == "approved"
                && part(v, Some("alpine-gear"))["status"] == "rejected"
        }).await;
        assert_eq!(part(&after, Some("alpine-gear"))["rejection"]["reason_code"], "vendor_no_response");
        assert!(part(&after, Some("nordic-knits"))["label"].is_object(), "the approved part's label follows");
        let mails = exactly(&sink, 2).await;
        assert!(mails.iter().all(|m| m.to == vec!["ops@acme.example".to_string()]));
        let approved = mails.iter().find(|m| m.subject().starts_with("Nordic Knits")).expect("Nordic's");
        assert!(approved.body.contains("It was approved for the vendor."), "{}", approved.body);

        let events = trail(&app, &m.key, &id).await;
        assert_eq!(count(&events, "return_part.overdue"), 2, "{events:?}");
        assert_eq!(count(&events, "return.vendor_approved"), 1, "{events:?}");
        assert_eq!(count(&events, "return.vendor_rejected"), 1, "{events:?}");
        for (t, actor) in &events {
            if t == "return_part.overdue" || t.starts_with("return.vendor_") {
                assert_eq!(actor, "system", "{t}");
            }
        }
    }
);

both!(
    config = no_jobs,
    async fn escalation_reports_a_missed_deadline_to_staff_and_lets_the_merchant_decide(app) {
        let m = market(&app, 1).await;
        business_mail(&app, &m,
            json!({ "recipients": ["ops@acme.example"], "vendor_overdue": { "enabled": true } }),
            json!({}),
        ).await;
        vendor_contacts(&app, &m, "escalate", "none").await;
        let sink = SmtpSink::start().await;
        let (_node, clock) = clocked_node(&app, &sink).await;
        let ret = created(&app, &m.access, &three_parts(1)).await;
        let id = ret["id"].as_str().unwrap().to_string();
        let approved = ok_json(act(&app, &m.key, &id, "approve", None).await).await;
        let nordic = part(&approved, Some("nordic-knits"))["id"].as_str().unwrap().to_string();
        let early = app.post(&format!("/v1/brands/acme/returns/{id}/parts/{nordic}/approve"), Some(&m.key), &json!({})).await;
        assert_eq!(early.status(), StatusCode::CONFLICT, "the vendor's time to answer runs");

        clock.advance(chrono::TimeDelta::hours(73));
        let mails = exactly(&sink, 1).await;
        assert!(mails[0].subject().starts_with("Nordic Knits did not answer"), "{}", mails[0].subject());
        assert!(mails[0].body.contains("You may now approve or reject it"), "{}", mails[0].body);
        let events = trail(&app, &m.key, &id).await;
        assert_eq!(count(&events, "return_part.overdue"), 1, "only the escalating vendor: {events:?}");
        let view = merchant_view(&app, &m.key, &id).await;
        assert_eq!(part(&view, Some("nordic-knits"))["status"], "awaiting_vendor", "escalation leaves it waiting");
        let res = app.post(&format!("/v1/brands/acme/returns/{id}/parts/{nordic}/approve"), Some(&m.key), &json!({})).await;
        assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    }
);

both!(
    config = |c: &mut returns_api::config::Config| {
        c.disable_jobs = true;
        c.webhooks.webhook_allow_private = true;
    },
    async fn staff_hear_of_a_failed_label_and_of_a_disabled_webhook_endpoint(app) {
        use crate::carrier_server::{Answer, FakeCarrier};
        use crate::webhook_receiver::{Receiver, Reply};
        let s = crate::returns_fixtures::shop(&app, 2).await;
        let mut settings = app.settings("acme", &s.key).await;
        settings["staff_notifications"] = json!({
            "recipients": ["ops@acme.example"], "locale": "nl",
            "label_failed": { "enabled": true },
            "webhook_endpoint_disabled": { "enabled": true, "templates": {
                "nl": { "subject": "Webhook uitgeschakeld", "body": "<p>{{ endpoint.id }} {{ endpoint.url }}: {{ note }}</p>" } } }
        });
        app.put_settings("acme", &s.key, &settings).await;
        let fake = FakeCarrier::start(vec![Answer::Status(422, "postal code unknown to carrier")], 0).await;
        let sink = SmtpSink::start().await;
        let (url, carrier) = (sink.url.clone(), fake.config("dhl", 2000));
        let _worker = app.node_with(move |c| {
            c.carriers = vec![carrier];
            c.smtp_url = Some(returns_api::config::SecretUrl(url));
            c.webhooks.webhook_allow_private = true;
            c.webhooks.webhook_timeout_ms = 1000;
            c.webhooks.webhook_retry_schedule =
                returns_api::config::parse_durations("100ms,100ms,100ms,100ms,100ms,100ms").unwrap();
            c.webhooks.webhook_disable_after = Duration::from_millis(300);
        }).await;

        let failing = Receiver::start_with(vec![], Some(Reply::Status(500)), 0).await;
        let res = app.post("/v1/brands/acme/webhook-endpoints", Some(&s.key),
            &json!({ "url": failing.url, "event_types": ["webhook_endpoint.disabled"] })).await;
        assert_eq!(res.status(), StatusCode::CREATED, "{}", res.text().await.unwrap());
        let endpoint = res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string();
        let ret = created(&app, &s.access, &json!({
            "items": [ { "order_line_id": "L1", "quantity": 1, "reason_code": "too_small" } ],
            "return_method": { "type": "drop_off", "carrier": "dhl" }, "resolution": { "type": "refund" } })).await;
        let ping = app.request(Method::POST, &format!("/v1/brands/acme/webhook-endpoints/{endpoint}/test"), Some(&s.key))
            .send().await.unwrap();
        assert_eq!(ping.status(), StatusCode::ACCEPTED);

        let mails = exactly(&sink, 2).await;
        let rma = ret["rma_number"].as_str().unwrap();
        let label = mails.iter().find(|m| m.subject().contains(rma)).expect("the label mail");
        assert_eq!(label.subject(), format!("No label could be made for return {rma}"));
        assert!(label.body.contains("postal code unknown to carrier"), "{}", label.body);
        let disabled = mails.iter().find(|m| m.subject() == "Webhook uitgeschakeld").expect("the endpoint mail");
        assert!(disabled.body.contains(&endpoint), "{}", disabled.body);
        assert!(disabled.body.contains("every delivery attempt failed"), "{}", disabled.body);
        let staff = settled(&app, &s.key, "/v1/brands/acme/notifications?recipient_type=staff", 2).await;
        let kinds: Vec<(&str, &Value)> = staff.iter().map(|n| (n["kind"].as_str().unwrap(), &n["return_id"])).collect();
        assert!(kinds.contains(&("label_failed", &json!(ret["id"]))), "{kinds:?}");
        assert!(kinds.contains(&("webhook_endpoint_disabled", &Value::Null)), "{kinds:?}");
        assert!(staff.iter().all(|n| n["status"] == "sent"), "{staff:#?}");
        // The locale of the template used: Dutch where the brand wrote one,
        // else the built-in English.
        let locale = |kind: &str| staff.iter().find(|n| n["kind"] == kind).unwrap()["locale"].clone();
        assert_eq!((locale("webhook_endpoint_disabled"), locale("label_failed")), (json!("nl"), json!("en")));
    }
);
