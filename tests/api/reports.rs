//! Returns reports over HTTP: groups, figures and rates from the summaries,
//! received and unexpected units, overrides showing at once, periods, and
//! tenants kept apart.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::both;
use crate::helpers::{TestApp, assert_problem};
use crate::receipts::{approved_return, json_of, scan};

async fn report(app: &TestApp, key: &str, query: &str) -> Value {
    json_of(
        app.get(
            &format!("/v1/brands/acme/reports/returns{query}"),
            Some(key),
        )
        .await,
        StatusCode::OK,
    )
    .await
}

fn group<'a>(report: &'a Value, key: Option<&str>) -> &'a Value {
    report["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["key"].as_str() == key)
        .unwrap_or_else(|| panic!("no group {key:?} in {report}"))
}

fn figures(g: &Value) -> (i64, i64, i64, i64) {
    let n = |f: &str| g[f].as_i64().unwrap();
    (
        n("returns"),
        n("units"),
        n("received_units"),
        n("unexpected_units"),
    )
}

/// No margin for open transactions: a report sees exactly the returns
/// marked changed since the last rollup.
fn no_margin(c: &mut returns_api::config::Config) {
    c.report_rollup_margin_ms = 0;
}

both!(
    config = no_margin,
    async fn a_report_groups_what_was_asked_and_received_and_shows_an_override_at_once(app) {
        let (key, ret) = approved_return(&app).await;
        // Before anything arrives: three units asked for, one reason.
        let by_reason = report(&app, &key, "?group_by=reason").await;
        assert_eq!(by_reason["group_by"], "reason");
        let small = group(&by_reason, Some("too_small"));
        assert_eq!(figures(small), (1, 3, 0, 0));
        assert_eq!(small["value"], json!([{ "amount": 2 * 1999 + 1500, "currency": "EUR" }]));
        assert_eq!((small["refund_rate"].as_f64(), small["exchange_rate"].as_f64()), (Some(1.0), Some(0.0)));
        assert!(report(&app, &key, "?group_by=disposition").await["groups"].as_array().unwrap().is_empty());

        // The warehouse receives both T-shirts (one damaged), the cap and a
        // pair of socks that was not in the return.
        let receipt = json_of(scan(&app, &key, Some("r-1"), &json!({
            "reference": ret["rma_number"],
            "items": [
                { "sku": "TSHIRT-M", "quantity": 2, "damaged_quantity": 1 },
                { "sku": "CAP", "quantity": 1 },
                { "sku": "SOCKS", "quantity": 1 }
            ]
        })).await, StatusCode::CREATED).await;

        let by_disposition = report(&app, &key, "?group_by=disposition").await;
        assert_eq!(figures(group(&by_disposition, Some("restock"))), (1, 2, 2, 0));
        // The damaged T-shirt and the socks go to quarantine.
        let quarantine = group(&by_disposition, Some("quarantine"));
        assert_eq!(figures(quarantine), (1, 2, 2, 1));
        assert_eq!(quarantine["value"], json!([{ "amount": 1999, "currency": "EUR" }]));
        assert_eq!(by_disposition["totals"]["returns"], 1);
        assert_eq!(by_disposition["totals"]["received_units"], 4);
        assert_eq!(by_disposition["totals"]["unexpected_units"], 1);

        let by_sku = report(&app, &key, "?group_by=sku").await;
        assert_eq!(figures(group(&by_sku, Some("TSHIRT-M"))), (1, 2, 2, 0));
        assert_eq!(figures(group(&by_sku, Some("SOCKS"))), (1, 0, 1, 1));
        // Most units first.
        assert_eq!(by_sku["groups"][0]["key"], "TSHIRT-M");

        // Products: the T-shirt is in the catalogue, the cap and the socks
        // are not.
        let by_product = report(&app, &key, "?group_by=product").await;
        assert_eq!(figures(group(&by_product, Some("tshirt"))), (1, 2, 2, 0));
        assert_eq!(figures(group(&by_product, None)), (2, 1, 2, 1));
        let by_country = report(&app, &key, "?group_by=country").await;
        assert_eq!(figures(group(&by_country, Some("NL"))), (1, 3, 4, 1));
        let by_vendor = report(&app, &key, "?group_by=vendor").await;
        assert_eq!(figures(group(&by_vendor, None)), (1, 3, 4, 1));

        // The merchant restocks the damaged T-shirt: the report shows it now.
        let damaged = receipt["units"].as_array().unwrap().iter().find(|u| u["damaged"] == true).unwrap();
        let path = format!(
            "/v1/brands/acme/receipts/{}/units/{}",
            receipt["id"].as_str().unwrap(),
            damaged["id"].as_str().unwrap()
        );
        let res = app.request(Method::PATCH, &path, Some(&key)).json(&json!({ "disposition": "restock" })).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let after = report(&app, &key, "?group_by=disposition").await;
        assert_eq!(figures(group(&after, Some("restock"))), (1, 3, 3, 0));
        assert_eq!(figures(group(&after, Some("quarantine"))), (1, 1, 1, 1));
        assert!(after["as_of"].is_string());
    }
);

both!(
    async fn a_report_covers_its_period_by_day_and_month_alike_and_refuses_a_bad_one(app) {
        let (key, _ret) = approved_return(&app).await;
        let today = chrono::Utc::now().date_naive();
        // The default: the last 30 days by day, today included.
        let by_day = report(&app, &key, "").await;
        assert_eq!(by_day["group_by"], "day");
        assert_eq!(by_day["to"], today.to_string());
        assert_eq!(by_day["from"], (today - chrono::Duration::days(29)).to_string());
        assert_eq!(figures(group(&by_day, Some(&today.to_string()))), (1, 3, 0, 0));
        // A long period, read as whole months plus the days at its edges,
        // adds up to the same.
        let from = today - chrono::Duration::days(400);
        let long = report(&app, &key, &format!("?from={from}&group_by=resolution")).await;
        assert_eq!(figures(group(&long, Some("refund"))), (1, 3, 0, 0));
        assert_eq!(figures(&long["totals"]), (1, 3, 0, 0));
        // A period without returns.
        let tomorrow = today + chrono::Duration::days(1);
        let empty = report(&app, &key, &format!("?from={tomorrow}&to={tomorrow}")).await;
        assert!(empty["groups"].as_array().unwrap().is_empty());
        assert_eq!(figures(&empty["totals"]), (0, 0, 0, 0));
        assert_eq!(empty["totals"]["value"], json!([]));

        // A reversed period is an empty one; a very long one is read as
        // months.
        let reversed = report(&app, &key, &format!("?from={tomorrow}&to={today}")).await;
        assert!(reversed["groups"].as_array().unwrap().is_empty());
        let ages = report(&app, &key, "?from=1900-01-01&to=2999-12-31&group_by=country").await;
        assert_eq!(figures(group(&ages, Some("NL"))), (1, 3, 0, 0));
        for bad in ["?group_by=colour", "?from=yesterday"] {
            let res = app.get(&format!("/v1/brands/acme/reports/returns{bad}"), Some(&key)).await;
            assert_problem(res, StatusCode::BAD_REQUEST, "invalid_query").await;
        }
        // Another tenant's key does not see the brand.
        let other = app.brand_with_key("other").await;
        let res = app.get("/v1/brands/acme/reports/returns", Some(&other)).await;
        assert_problem(res, StatusCode::NOT_FOUND, "brand_not_found").await;
    }
);

both!(
    config = no_margin,
    async fn reports_asked_of_two_nodes_at_once_roll_up_once_each_day_and_agree(app) {
        let (key, ret) = approved_return(&app).await;
        let other = app.another_node().await;
        let receipt = scan(&app, &key, Some("r-1"), &json!({
            "reference": ret["rma_number"],
            "items": [ { "sku": "TSHIRT-M", "quantity": 2 }, { "sku": "CAP", "quantity": 1 } ]
        })).await;
        assert_eq!(receipt.status(), StatusCode::CREATED);
        let asks = (0..12).map(|i| {
            let node = if i % 2 == 0 { &app } else { &other };
            let key = key.clone();
            async move { report(node, &key, "?group_by=disposition").await }
        });
        let reports = futures_util::future::join_all(asks).await;
        for r in &reports {
            assert_eq!(figures(group(r, Some("restock"))), (1, 3, 3, 0), "{r}");
            assert_eq!(r["groups"].as_array().unwrap().len(), 1, "{r}");
        }
    }
);

/// A report is a read: on a read-only database, where its rollup cannot
/// write, it answers from the summaries as they were, and says as of when.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_a_read_only_database_a_report_answers_from_the_summaries_as_they_were() {
    let Some(app) = TestApp::spawn_postgres_with(no_margin).await else {
        return;
    };
    let (key, ret) = approved_return(&app).await;
    let before = report(&app, &key, "?group_by=reason").await;
    assert_eq!(figures(group(&before, Some("too_small"))), (1, 3, 0, 0));
    let receipt = scan(
        &app,
        &key,
        Some("r-1"),
        &json!({
            "reference": ret["rma_number"], "items": [ { "sku": "CAP", "quantity": 1 } ]
        }),
    )
    .await;
    assert_eq!(receipt.status(), StatusCode::CREATED);
    app.on_pg_server("ALTER DATABASE \"{db}\" SET default_transaction_read_only = on")
        .await;
    app.on_pg_server(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
         WHERE datname = '{db}' AND pid <> pg_backend_pid()",
    )
    .await;
    // (Reads may answer 503 while the pool replaces the ended sessions.)
    let stale = answered(&app, &key, |_| true).await;
    assert_eq!(figures(group(&stale, Some("too_small"))), (1, 3, 0, 0));
    assert_eq!(stale["as_of"], before["as_of"]);
    app.on_pg_server("ALTER DATABASE \"{db}\" SET default_transaction_read_only = off")
        .await;
    app.on_pg_server(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
         WHERE datname = '{db}' AND pid <> pg_backend_pid()",
    )
    .await;
    let fresh = answered(&app, &key, |r| figures(group(r, Some("too_small"))).2 == 1).await;
    assert_eq!(
        figures(group(&fresh, Some("too_small"))),
        (1, 3, 1, 0),
        "{fresh}"
    );
}

/// The first report by reason that answers 200 and satisfies `done`, asked
/// for up to 10 s.
async fn answered(app: &TestApp, key: &str, done: impl Fn(&Value) -> bool) -> Value {
    let mut last = Value::Null;
    for _ in 0..100 {
        let res = app
            .get("/v1/brands/acme/reports/returns?group_by=reason", Some(key))
            .await;
        if res.status() == StatusCode::OK {
            last = res.json().await.unwrap();
            if done(&last) {
                return last;
            }
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("no such report in 10 s; the last was {last}")
}
