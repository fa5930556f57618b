//! Customer e-mail end to end: mails arrive at a real SMTP server on
//! 127.0.0.1 (the sink in `smtp_sink.rs`) with the brand's template in the
//! customer's locale, one per event and recipient, also after the sender
//! was killed mid-send; without `SMTP_URL` they are recorded as skipped;
//! templates are checked when the settings are saved.

use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::both;
use crate::helpers::{TestApp, assert_problem, error_fields};
use crate::returns_fixtures::{act, created, order, request, shop, tokens};
use crate::smtp_sink::{Mail, SmtpSink};

fn no_jobs(c: &mut returns_api::config::Config) {
    c.disable_jobs = true;
}

/// Saves the demo settings with these `notifications`.
async fn notify(app: &TestApp, key: &str, notifications: Value) {
    let mut settings = serde_json::to_value(returns_api::demo::demo_settings()).unwrap();
    settings["notifications"] = notifications;
    app.put_settings("acme", key, &settings).await;
}

/// A node on the app's database that runs the jobs and mails through `sink`.
pub(crate) async fn mailing_node(app: &TestApp, sink: &SmtpSink) -> TestApp {
    let url = sink.url.clone();
    app.node_with(move |c| {
        c.smtp_url = Some(returns_api::config::SecretUrl(url));
    })
    .await
}

async fn notifications(app: &TestApp, key: &str, id: &str) -> Vec<Value> {
    let res = app
        .get(
            &format!("/v1/brands/acme/returns/{id}/notifications"),
            Some(key),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.unwrap();
    body["data"].as_array().unwrap().clone()
}

/// Waits until the return has `n` notifications, none of them queued.
async fn settled(app: &TestApp, key: &str, id: &str, n: usize) -> Vec<Value> {
    let started = Instant::now();
    loop {
        let list = notifications(app, key, id).await;
        if list.len() >= n && list.iter().all(|x| x["status"] != "queued") {
            return list;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "notifications not settled: {list:?}"
        );
        tokio::time::sleep(Duration::from_millis(30)).await;
    }
}

fn by_subject<'a>(mails: &'a [Mail], start: &str) -> &'a Mail {
    mails
        .iter()
        .find(|m| m.subject().starts_with(start))
        .unwrap_or_else(|| panic!("no mail with a subject starting {start:?} in {mails:?}"))
}

both!(
    config = no_jobs,
    async fn each_step_mails_the_customer_once_with_the_brands_template_in_their_locale(app) {
        let s = shop(&app, 3).await;
        let sink = SmtpSink::start().await;
        notify(&app, &s.key, json!({
            "return_approved": { "enabled": true, "templates": {
                "nl": { "subject": "Retour {{ return.rma }} goedgekeurd",
                        "body": "<p>Hallo, {{ brand.name }} keurde retour {{ return.rma }} goed ({{ return.status }}).</p><p><a href=\"{{ label_url }}\">Label</a></p>" },
                "en": { "subject": "Return {{ return.rma }} approved", "body": "<p>English</p>" } } },
            "return_received": { "enabled": true },
            "return_completed": { "enabled": true, "templates": {
                "nl": { "subject": "Terugbetaald: {{ resolution.amount }}",
                        "body": "<p>{{ resolution.amount }} voor {{ return.items[0].quantity }} × {{ return.items[0].name }}</p>" } } }
        })).await;
        let _node = mailing_node(&app, &sink).await;
        let mut body = request(1, "not_as_described");
        body["locale"] = json!("nl");
        let ret = created(&app, &s.access, &body).await;
        let (id, rma) = (ret["id"].as_str().unwrap(), ret["rma_number"].as_str().unwrap());
        let item = ret["items"][0]["id"].as_str().unwrap();
        assert_eq!(act(&app, &s.key, id, "approve", None).await.status(), StatusCode::OK);
        let res = act(&app, &s.key, id, "receive", Some(json!({ "items": [ { "return_item_id": item, "quantity": 1 } ] }))).await;
        assert_eq!(res.status(), StatusCode::OK);
        let res = act(&app, &s.key, id, "complete", Some(json!({ "resolution": { "type": "refund", "amount": { "amount": 1999, "currency": "EUR" } } }))).await;
        assert_eq!(res.status(), StatusCode::OK);

        sink.wait_for(3, Duration::from_secs(20)).await;
        let list = settled(&app, &s.key, id, 3).await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let mails = sink.mails();
        assert_eq!(mails.len(), 3, "one mail per event: {mails:?}");
        for m in &mails {
            assert_eq!(m.to, vec!["ana@example.com".to_string()]);
            assert_eq!(m.from, "returns@localhost");
            assert!(m.header("Content-Type").unwrap().starts_with("text/html"), "{m:?}");
        }
        let approved = by_subject(&mails, "Retour");
        assert_eq!(approved.subject(), format!("Retour {rma} goedgekeurd"));
        assert!(approved.body.contains("Brand acme keurde retour"), "{}", approved.body);
        assert!(approved.body.contains("(approved)"), "the status at the event: {}", approved.body);
        // Escaped like every value (`/` as `&#x2f;`, which HTML reads back as `/`).
        let link = approved.body.replace("&#x2f;", "/");
        assert!(link.contains("<a href=\"http://127.0.0.1:"), "the label link: {link}");
        assert!(link.contains("/v1/labels/lbl_"), "the label link: {link}");
        // No Dutch template for this step: the built-in English one.
        let received = by_subject(&mails, "We received");
        assert_eq!(received.subject(), format!("We received your return {rma}"));
        let completed = by_subject(&mails, "Terugbetaald");
        assert_eq!(completed.subject(), "Terugbetaald: 19.99 EUR");
        assert!(completed.body.contains("19.99 EUR voor 1 × T-shirt M"), "{}", completed.body);

        let summary: Vec<(&str, &str, &str)> = list
            .iter()
            .map(|n| (n["kind"].as_str().unwrap(), n["status"].as_str().unwrap(), n["locale"].as_str().unwrap()))
            .collect();
        assert_eq!(summary, vec![
            ("return_approved", "sent", "nl"),
            ("return_received", "sent", "en"),
            ("return_completed", "sent", "nl"),
        ]);
        let trail: Value = app.get(&format!("/v1/brands/acme/returns/{id}/events"), Some(&s.key)).await.json().await.unwrap();
        for n in &list {
            assert_eq!(n["recipient"], "ana@example.com");
            assert_eq!(n["attempts"], 1);
            assert!(n["sent_at"].is_string());
            let event = n["event_id"].as_str().unwrap();
            assert!(trail["data"].as_array().unwrap().iter().any(|e| e["id"] == event), "{event}");
            let mail_id = n["id"].as_str().unwrap();
            assert_eq!(
                mails.iter().filter(|m| m.header("Message-ID").unwrap_or_default().contains(mail_id)).count(),
                1,
                "the Message-ID is made from the notification id"
            );
        }
    }
);

both!(
    config = no_jobs,
    async fn a_rejection_mails_the_reason_escaped_and_a_step_turned_off_mails_nothing(app) {
        let s = shop(&app, 3).await;
        let sink = SmtpSink::start().await;
        notify(&app, &s.key, json!({
            "return_approved": { "enabled": false, "templates": {
                "en": { "subject": "Approved", "body": "<p>approved</p>" } } },
            "return_rejected": { "enabled": true }
        })).await;
        let _node = mailing_node(&app, &sink).await;
        let first = created(&app, &s.access, &request(1, "not_as_described")).await;
        let second = created(&app, &s.access, &request(1, "not_as_described")).await;
        let (a, b) = (first["id"].as_str().unwrap(), second["id"].as_str().unwrap());
        assert_eq!(act(&app, &s.key, a, "approve", None).await.status(), StatusCode::OK);
        let res = act(&app, &s.key, b, "reject", Some(json!({ "reason_code": "final_sale", "note": "<b>Sale</b> & final" }))).await;
        assert_eq!(res.status(), StatusCode::OK);

        let mails = sink.wait_for(1, Duration::from_secs(20)).await;
        settled(&app, &s.key, b, 1).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert_eq!(sink.mails().len(), 1, "only the rejection is mailed: {:?}", sink.mails());
        let mail = &mails[0];
        assert_eq!(
            mail.subject(),
            format!("Your return {} was not accepted", second["rma_number"].as_str().unwrap())
        );
        assert!(mail.body.contains("Reason: final_sale"), "{}", mail.body);
        assert!(mail.body.contains("&lt;b&gt;Sale&lt;&#x2f;b&gt; &amp; final"), "{}", mail.body);
        assert!(!mail.body.contains("<b>Sale"), "{}", mail.body);
        assert!(notifications(&app, &s.key, a).await.is_empty());
        let jobs = returns_api::db::outbox::for_aggregate(&mut app.db.conn().unwrap(), a).unwrap();
        assert!(jobs.iter().all(|j| j.kind != "mail.send"), "no job for a step turned off: {jobs:?}");
    }
);

both!(
    config = no_jobs,
    async fn a_refusal_is_retried_when_temporary_and_fails_the_notification_when_permanent(app) {
        let s = shop(&app, 3).await;
        let sink = SmtpSink::start().await;
        notify(&app, &s.key, json!({
            "return_approved": { "enabled": true },
            "return_rejected": { "enabled": true }
        })).await;
        let _node = mailing_node(&app, &sink).await;
        sink.reply_to_rcpt(&["451 4.3.0 try again later"]);
        let approved = created(&app, &s.access, &request(1, "too_small")).await;
        let list = settled(&app, &s.key, approved["id"].as_str().unwrap(), 1).await;
        assert_eq!((list[0]["status"].as_str(), list[0]["attempts"].as_u64()), (Some("sent"), Some(2)), "{list:?}");
        assert_eq!(list[0]["error"], Value::Null);
        assert_eq!(sink.mails().len(), 1);

        sink.reply_to_rcpt(&["550 5.1.1 mailbox unavailable"]);
        let rejected = created(&app, &s.access, &request(1, "not_as_described")).await;
        let id = rejected["id"].as_str().unwrap();
        let res = act(&app, &s.key, id, "reject", Some(json!({ "reason_code": "other" }))).await;
        assert_eq!(res.status(), StatusCode::OK);
        let list = settled(&app, &s.key, id, 1).await;
        assert_eq!((list[0]["status"].as_str(), list[0]["attempts"].as_u64()), (Some("failed"), Some(1)), "{list:?}");
        assert!(list[0]["error"].as_str().unwrap().contains("mailbox unavailable"), "{list:?}");
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert_eq!(sink.mails().len(), 1, "a refused mail is not sent again");
    }
);

both!(
    async fn without_smtp_notifications_are_recorded_as_skipped_with_the_reason(app) {
        let s = shop(&app, 3).await;
        notify(&app, &s.key, json!({ "return_approved": { "enabled": true } })).await;
        // Approved at creation.
        let ret = created(&app, &s.access, &request(1, "too_small")).await;
        let id = ret["id"].as_str().unwrap();
        let list = settled(&app, &s.key, id, 1).await;
        assert_eq!(list.len(), 1, "{list:?}");
        assert_eq!(list[0]["kind"], "return_approved");
        assert_eq!(list[0]["status"], "skipped");
        assert_eq!(list[0]["error"], "smtp_not_configured");
        assert_eq!(list[0]["recipient"], "ana@example.com");
        assert_eq!(list[0]["sent_at"], Value::Null);
        // An order without an e-mail address: nobody to mail.
        let mut anonymous = order("1002", 1);
        anonymous["customer"] = json!({ "phone": "+31612345678" });
        let res = app.post("/v1/brands/acme/orders", Some(&s.key), &anonymous).await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let (access, _) = tokens(&app, "1002").await;
        let ret = created(&app, &access, &request(1, "too_small")).await;
        let list = settled(&app, &s.key, ret["id"].as_str().unwrap(), 1).await;
        assert_eq!((list[0]["status"].as_str(), list[0]["error"].as_str()), (Some("skipped"), Some("no_recipient")));
        assert_eq!(list[0]["recipient"], Value::Null);
        // Another brand's key sees nothing of it.
        let other = app.brand_with_key("other").await;
        let res = app.get(&format!("/v1/brands/acme/returns/{id}/notifications"), Some(&other)).await;
        assert!(res.status() == StatusCode::NOT_FOUND || res.status() == StatusCode::FORBIDDEN, "{}", res.status());
    }
);

both!(
    async fn a_template_that_does_not_compile_is_refused_with_its_field(app) {
        let s = shop(&app, 1).await;
        let mut settings = serde_json::to_value(returns_api::demo::demo_settings()).unwrap();
        settings["notifications"] = json!({
            "return_approved": { "enabled": true, "templates": {
                "nl": { "subject": "Retour {{ return.rma }}", "body": "{% if label_url %}<a href=\"{{ label_url }}\">label</a>" },
                "de": { "subject": "{{ return.rma | no_such_filter }}", "body": "ok" },
                "fr": { "subject": "x", "body": "y" } } },
            "return_completed": { "enabled": true, "templates": {
                "en": { "subject": "x", "body": "y".repeat(20_001) } } }
        });
        let res = app
            .request(Method::PUT, "/v1/brands/acme/returns-settings", Some(&s.key))
            .header("If-Match", "*")
            .json(&settings)
            .send()
            .await
            .unwrap();
        let problem = assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        let codes: HashMap<String, String> = problem["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e["field"].as_str().unwrap().to_string(), e["code"].as_str().unwrap().to_string()))
            .collect();
        assert_eq!(codes.len(), 4, "{:?}", error_fields(&problem));
        assert_eq!(codes["notifications.return_approved.templates.nl.body"], "invalid_template");
        assert_eq!(codes["notifications.return_approved.templates.de.subject"], "invalid_template");
        assert_eq!(codes["notifications.return_approved.templates.fr"], "unknown_locale");
        assert_eq!(codes["notifications.return_completed.templates.en.body"], "invalid_length");
        // Nothing was saved; the settings read back without notifications.
        let saved = app.settings("acme", &s.key).await;
        assert_eq!(saved["notifications"]["return_approved"]["enabled"], false);
    }
);

both!(
    config = no_jobs,
    async fn killing_the_sender_mid_send_still_mails_each_event_exactly_once(app) {
        let s = shop(&app, 40).await;
        notify(&app, &s.key, json!({ "return_approved": { "enabled": true } })).await;
        let sink = SmtpSink::start().await;
        let mut ids = Vec::new();
        for _ in 0..5 {
            // Approved at creation: one mail job each.
            let ret = created(&app, &s.access, &request(1, "too_small")).await;
            ids.push(ret["id"].as_str().unwrap().to_string());
        }
        let env = [("SMTP_URL", sink.url.as_str()), ("JOB_CONCURRENCY", "8")];
        // Every mail in flight: connected, its notification recorded and an
        // attempt counted, the server holding its greeting. Then SIGKILL.
        sink.hold();
        let mut child = app.start_binary(&env);
        let started = Instant::now();
        while sink.waiting() < ids.len() {
            assert!(started.elapsed() < Duration::from_secs(20), "{} mails in flight", sink.waiting());
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        child.kill().expect("SIGKILL");
        child.wait().unwrap();
        for id in &ids {
            let list = notifications(&app, &s.key, id).await;
            assert_eq!(list.len(), 1);
            assert_eq!((list[0]["status"].as_str(), list[0]["attempts"].as_u64()), (Some("queued"), Some(1)));
        }
        sink.release();
        tokio::time::sleep(Duration::from_millis(200)).await;
        assert!(sink.mails().is_empty(), "nothing was accepted before the kill");

        let mut child = app.start_binary(&env);
        sink.wait_for(ids.len(), Duration::from_secs(30)).await;
        for id in &ids {
            let list = settled(&app, &s.key, id, 1).await;
            assert_eq!((list[0]["status"].as_str(), list[0]["attempts"].as_u64()), (Some("sent"), Some(2)));
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
        child.kill().ok();
        child.wait().ok();
        let mut per_message: HashMap<String, usize> = HashMap::new();
        for m in sink.mails() {
            *per_message.entry(m.header("Message-ID").unwrap().to_string()).or_default() += 1;
        }
        assert_eq!(per_message.len(), ids.len(), "{per_message:?}");
        assert!(per_message.values().all(|n| *n == 1), "a mail went out twice: {per_message:?}");
    }
);

/// This process's resident memory in kB: the servers of the tests run in it.
fn resident_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// How far the resident memory may grow while a template is refused.
const RESIDENT_GROWTH_KB: u64 = 64 * 1024;

/// Runs `work`, sampling the resident memory every millisecond; returns its
/// output and the highest growth over the start (kB).
async fn peak_growth<T>(work: impl Future<Output = T>) -> (T, u64) {
    let start = resident_kb();
    let stop = Arc::new(AtomicBool::new(false));
    let sampler = {
        let stop = stop.clone();
        std::thread::spawn(move || {
            let mut peak = start;
            while !stop.load(Ordering::Relaxed) {
                peak = peak.max(resident_kb());
                std::thread::sleep(Duration::from_millis(1));
            }
            peak.max(resident_kb())
        })
    };
    let output = work.await;
    stop.store(true, Ordering::Relaxed);
    let peak = sampler.join().unwrap();
    (output, peak.saturating_sub(start))
}

/// Output of megabytes to gigabytes from a template of a few bytes, each
/// refused well within a second (they took 6 to 13 s and gigabytes before
/// the bounds): the engine's own bounds stop the first three; the last is
/// stopped by the memory cap of the rendering's process. The < 100 ms of
/// a release build is measured, not asserted here: a debug build on a busy
/// machine takes longer.
const RUNAWAY: [&str; 4] = [
    r#"{{ ["x" * 40000] * 40000 }}"#,
    "{{ 'x' * 10**8 }}",
    "{{ [1] * 10**8 | join }}",
    r#"{{ (["x" * 40000] * 40000) | join }}"#,
];

/// Far below the seconds the runaway templates took before their bounds.
const REFUSED_WITHIN: Duration = Duration::from_millis(1500);

both!(
    async fn a_template_past_its_bounds_is_refused_at_its_field_quickly_and_the_nodes_memory_stays(app) {
        let s = shop(&app, 1).await;
        for body in RUNAWAY {
            let mut settings = serde_json::to_value(returns_api::demo::demo_settings()).unwrap();
            settings["notifications"] = json!({
                "return_approved": { "enabled": true, "templates": {
                    "en": { "subject": "Return {{ return.rma }}", "body": body } } }
            });
            let started = Instant::now();
            let (res, grew) = peak_growth(
                app.request(Method::PUT, "/v1/brands/acme/returns-settings", Some(&s.key))
                    .header("If-Match", "*")
                    .json(&settings)
                    .send(),
            )
            .await;
            let took = started.elapsed();
            let problem = assert_problem(res.unwrap(), StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
            let errors: Vec<(&str, &str)> = problem["errors"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| (e["field"].as_str().unwrap(), e["code"].as_str().unwrap()))
                .collect();
            assert_eq!(errors, vec![("notifications.return_approved.templates.en.body", "invalid_template")], "{body}");
            eprintln!("{body}: refused in {took:?}, resident memory +{grew} kB");
            assert!(grew < RESIDENT_GROWTH_KB, "{body}: the node grew by {grew} kB");
            assert!(took < REFUSED_WITHIN, "{body}: {took:?}");
        }
    }
);

both!(
    config = no_jobs,
    async fn a_template_past_its_bounds_only_at_send_time_fails_its_notification_and_the_nodes_memory_stays(app) {
        let s = shop(&app, 3).await;
        let sink = SmtpSink::start().await;
        // The sample's RMA is `RET-SAMPLE`: the check at PUT never takes
        // the branch, a real return always does.
        notify(&app, &s.key, json!({
            "return_approved": { "enabled": true, "templates": {
                "en": { "subject": "Return {{ return.rma }}",
                        "body": r#"{% if "SAMPLE" not in return.rma %}{{ ["x" * 40000] * 40000 }}{% endif %}"# } } }
        })).await;
        let _node = mailing_node(&app, &sink).await;
        let (list, grew) = peak_growth(async {
            // Approved at creation: one mail job.
            let ret = created(&app, &s.access, &request(1, "too_small")).await;
            settled(&app, &s.key, ret["id"].as_str().unwrap(), 1).await
        })
        .await;
        eprintln!("failed at send time, resident memory +{grew} kB: {list:?}");
        assert_eq!(list.len(), 1);
        assert_eq!(list[0]["status"], "failed", "{list:?}");
        let error = list[0]["error"].as_str().unwrap();
        assert!(error.starts_with("template: ") && error.contains("prints longer than"), "{error}");
        assert!(grew < RESIDENT_GROWTH_KB, "the node grew by {grew} kB");
        tokio::time::sleep(Duration::from_millis(200)).await;
        assert!(sink.mails().is_empty(), "{:?}", sink.mails());
    }
);
