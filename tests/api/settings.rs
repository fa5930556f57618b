//! Returns Settings: defaults, ETag / If-Match, whole-document validation.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::both;
use crate::helpers::{TestApp, assert_problem, error_fields};

async fn put(app: &TestApp, key: &str, if_match: Option<&str>, body: &Value) -> reqwest::Response {
    let mut req = app
        .request(Method::PUT, "/v1/brands/acme/returns-settings", Some(key))
        .json(body);
    if let Some(tag) = if_match {
        req = req.header("If-Match", tag);
    }
    req.send().await.unwrap()
}

both!(
    async fn a_new_brand_starts_with_sensible_defaults(app) {
        let key = app.brand_with_key("acme").await;
        let res = app.get("/v1/brands/acme/returns-settings", Some(&key)).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()["etag"], "\"s1\"");
        let s: Value = res.json().await.unwrap();
        assert_eq!(s["return_window_days"], 30);
        assert_eq!(s["window_starts_at"], "delivery");
        assert_eq!(s["allow_undelivered_items"], false);
        assert_eq!(s["lookup_methods"], json!(["postal_code", "email"]));
        assert!(s["reasons"].as_array().unwrap().len() >= 5);
        assert_eq!(s["default_locale"], "en");
        assert!(s["strings"]["en"]["portal_title"].is_string());
    }
);

both!(
    async fn put_replaces_the_settings_and_moves_the_etag(app) {
        let key = app.brand_with_key("acme").await;
        let mut s = app.settings("acme", &key).await;
        s["return_window_days"] = json!(60);
        s["window_starts_at"] = json!("order");
        s["lookup_methods"] = json!(["phone"]);
        s["phone_region"] = json!("NL");
        let res = put(&app, &key, Some("\"s1\""), &s).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()["etag"], "\"s2\"");
        let saved = app.settings("acme", &key).await;
        assert_eq!(saved, s);

        // The old ETag no longer matches: the second writer gets 412.
        let res = put(&app, &key, Some("\"s1\""), &s).await;
        assert_problem(res, StatusCode::PRECONDITION_FAILED, "precondition_failed").await;
        // Without If-Match: 428.
        let res = put(&app, &key, None, &s).await;
        assert_problem(res, StatusCode::PRECONDITION_REQUIRED, "precondition_required").await;
        // `*` overwrites whatever is there.
        let res = put(&app, &key, Some("*"), &s).await;
        assert_eq!(res.headers()["etag"], "\"s3\"");
    }
);

both!(
    async fn the_document_is_validated_as_a_whole_with_a_path_per_error(app) {
        let key = app.brand_with_key("acme").await;
        let mut s = app.settings("acme", &key).await;
        s["return_window_days"] = json!(400);
        s["lookup_methods"] = json!([]);
        s["reasons"][1]["code"] = s["reasons"][0]["code"].clone();
        s["locales"] = json!(["en", "nl"]);
        s["return_methods"][0]["carriers"] = json!(["Post NL"]);
        s["return_fee"] = json!({ "amount": { "amount": -5, "currency": "EUR" } });
        s["policy_url"] = json!("not a url");
        let res = put(&app, &key, Some("*"), &s).await;
        let body = assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        let fields = error_fields(&body);
        for expected in [
            "return_window_days",
            "lookup_methods",
            "reasons[1].code",
            "strings.nl",
            "reasons[0].labels.nl",
            "condition_codes[0].labels.nl",
            "return_methods[0].carriers[0]",
            "return_fee.amount.amount",
            "policy_url",
        ] {
            assert!(fields.contains(&expected.to_string()), "{expected} missing in {fields:?}");
        }
        // Nothing was written.
        assert_eq!(app.settings("acme", &key).await["return_window_days"], 30);
    }
);

both!(
    async fn unknown_fields_and_bad_enums_are_rejected_with_their_path(app) {
        let key = app.brand_with_key("acme").await;
        let mut s = app.settings("acme", &key).await;
        s["reasons"][2]["auto_aprove"] = json!(true);
        let res = put(&app, &key, Some("*"), &s).await;
        let body = assert_problem(res, StatusCode::BAD_REQUEST, "invalid_body").await;
        assert_eq!(error_fields(&body), vec!["reasons[2].auto_aprove"]);
        assert_eq!(body["errors"][0]["code"], "unknown_field");

        let mut s = app.settings("acme", &key).await;
        s["window_starts_at"] = json!("shipment");
        let res = put(&app, &key, Some("*"), &s).await;
        let body = assert_problem(res, StatusCode::BAD_REQUEST, "invalid_body").await;
        assert_eq!(error_fields(&body), vec!["window_starts_at"]);
        assert_eq!(body["errors"][0]["code"], "invalid_choice");

        let mut s = app.settings("acme", &key).await;
        s["return_fee"] = json!({ "amount": { "amount": 100, "currency": "EURO" } });
        let res = put(&app, &key, Some("*"), &s).await;
        let body = assert_problem(res, StatusCode::BAD_REQUEST, "invalid_body").await;
        assert_eq!(error_fields(&body), vec!["return_fee.amount.currency"]);
    }
);

both!(
    async fn a_complete_multilingual_document_with_addresses_is_accepted(app) {
        let key = app.brand_with_key("acme").await;
        let s = serde_json::to_value(returns_api::demo::demo_settings()).unwrap();
        assert_eq!(put(&app, &key, Some("*"), &s).await.status(), StatusCode::OK);
        let saved = app.settings("acme", &key).await;
        assert_eq!(saved["locales"], json!(["en", "nl", "de"]));
        assert_eq!(saved["return_addresses"][1]["kind"], "vendor");
        assert_eq!(saved["return_fee"]["amount"], json!({ "amount": 295, "currency": "EUR" }));
    }
);
