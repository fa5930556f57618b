//! Public portal settings and browser access (CORS).

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::both;
use crate::helpers::{TestApp, assert_problem};

async fn multilingual_brand(app: &TestApp) -> String {
    let key = app.brand_with_key("acme").await;
    let s = serde_json::to_value(returns_api::demo::demo_settings()).unwrap();
    app.put_settings("acme", &key, &s).await;
    key
}

both!(
    async fn portal_settings_are_public_and_derived_from_the_settings(app) {
        multilingual_brand(&app).await;
        let res = app.get("/v1/portal/acme", None).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()["content-language"], "en");
        let p: Value = res.json().await.unwrap();
        assert_eq!(p["brand"]["slug"], "acme");
        assert_eq!(p["brand"]["name"], "Brand acme");
        assert_eq!(p["locale"], "en");
        assert_eq!(p["locales"], json!(["en", "nl", "de"]));
        assert_eq!(p["strings"]["lookup_submit"], "Find my order");
        let damaged = p["reasons"].as_array().unwrap().iter().find(|r| r["code"] == "damaged").unwrap();
        assert_eq!(damaged["label"], "Arrived damaged");
        assert_eq!(damaged["require_comment"], true);
        assert_eq!(damaged["require_images"], true);
        assert_eq!(damaged["require_condition"], true);
        assert!(damaged.get("auto_approve").is_none(), "internal policy stays private");
        assert_eq!(p["condition_codes"][0]["label"], "Unopened");
        let methods: Vec<&str> = p["return_methods"].as_array().unwrap().iter().map(|m| m["type"].as_str().unwrap()).collect();
        assert_eq!(methods, vec!["drop_off", "labelless", "pickup", "in_store"]);
        assert_eq!(p["refund_options"][1]["type"], "store_credit");
        assert_eq!(p["return_fee"]["amount"]["amount"], 295);
        assert_eq!(p["lookup_methods"], json!(["postal_code", "email", "phone"]));
        assert_eq!(p["policy_url"], "https://demo.example/returns-policy");
        assert!(p.get("return_addresses").is_none());
    }
);

both!(
    async fn the_locale_comes_from_the_parameter_then_accept_language_then_the_default(app) {
        multilingual_brand(&app).await;
        let p: Value = app.get("/v1/portal/acme?locale=nl", None).await.json().await.unwrap();
        assert_eq!(p["locale"], "nl");
        assert_eq!(p["strings"]["lookup_submit"], "Zoek mijn bestelling");
        assert_eq!(p["reasons"][0]["label"], "Te klein");

        let res = app
            .request(Method::GET, "/v1/portal/acme", None)
            .header("Accept-Language", "fr-FR, de-AT;q=0.8, nl;q=0.5")
            .send()
            .await
            .unwrap();
        assert_eq!(res.headers()["content-language"], "de");
        let p: Value = res.json().await.unwrap();
        assert_eq!(p["strings"]["lookup_submit"], "Bestellung finden");

        let res = app
            .request(Method::GET, "/v1/portal/acme?locale=fr", None)
            .header("Accept-Language", "es")
            .send()
            .await
            .unwrap();
        assert_eq!(res.json::<Value>().await.unwrap()["locale"], "en");
    }
);

both!(
    async fn an_unknown_brand_is_a_404_problem(app) {
        let res = app.get("/v1/portal/nope", None).await;
        assert_problem(res, StatusCode::NOT_FOUND, "brand_not_found").await;
    }
);

both!(
    async fn a_brand_is_also_addressed_by_its_custom_domain(app) {
        let key = app.brand_with_key("acme").await;
        let res = app
            .request(Method::PATCH, "/v1/brands/acme", Some(&key))
            .json(&json!({ "custom_domain": "returns.acme.example" }))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let p: Value = app.get("/v1/portal/returns.acme.example", None).await.json().await.unwrap();
        assert_eq!(p["brand"]["slug"], "acme");
    }
);

both!(
    async fn a_settings_change_shows_in_the_portal_at_once_on_the_writing_node(app) {
        let key = app.brand_with_key("acme").await;
        let p: Value = app.get("/v1/portal/acme", None).await.json().await.unwrap();
        assert_eq!(p["return_window_days"], 30);
        let mut s = app.settings("acme", &key).await;
        s["return_window_days"] = json!(14);
        app.put_settings("acme", &key, &s).await;
        let p: Value = app.get("/v1/portal/acme", None).await.json().await.unwrap();
        assert_eq!(p["return_window_days"], 14);
    }
);

both!(
    async fn allowed_origins_get_cors_grants_and_others_do_not(app) {
        let key = app.brand_with_key("acme").await;
        let res = app
            .request(Method::PATCH, "/v1/brands/acme", Some(&key))
            .json(&json!({ "allowed_origins": ["https://shop.acme.example"] }))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);

        let preflight = |origin: &'static str| {
            app.request(Method::OPTIONS, "/v1/portal/acme/lookup", None)
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .send()
        };
        let res = preflight("https://shop.acme.example").await.unwrap();
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
        assert_eq!(res.headers()["access-control-allow-origin"], "https://shop.acme.example");
        assert!(res.headers()["access-control-allow-methods"].to_str().unwrap().contains("POST"));
        assert!(res.headers()["access-control-allow-headers"].to_str().unwrap().contains("Content-Type"));

        let res = preflight("https://evil.example").await.unwrap();
        assert!(res.headers().get("access-control-allow-origin").is_none());
        assert_problem(res, StatusCode::FORBIDDEN, "origin_not_allowed").await;

        let res = app
            .request(Method::GET, "/v1/portal/acme", None)
            .header("Origin", "https://shop.acme.example")
            .send()
            .await
            .unwrap();
        assert_eq!(res.headers()["access-control-allow-origin"], "https://shop.acme.example");
        assert!(res.headers()["access-control-expose-headers"].to_str().unwrap().contains("X-Request-Id"));

        let res = app
            .request(Method::GET, "/v1/portal/acme", None)
            .header("Origin", "https://evil.example")
            .send()
            .await
            .unwrap();
        assert!(res.headers().get("access-control-allow-origin").is_none());
    }
);

both!(
    async fn merchant_routes_send_no_cors_grants(app) {
        let key = app.brand_with_key("acme").await;
        let res = app
            .request(Method::PATCH, "/v1/brands/acme", Some(&key))
            .json(&json!({ "allowed_origins": ["*"] }))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let res = app
            .request(Method::GET, "/v1/brands/acme", Some(&key))
            .header("Origin", "https://shop.acme.example")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert!(res.headers().get("access-control-allow-origin").is_none());
        let res = app
            .request(Method::OPTIONS, "/v1/brands/acme", None)
            .header("Origin", "https://shop.acme.example")
            .header("Access-Control-Request-Method", "GET")
            .send()
            .await
            .unwrap();
        assert!(res.headers().get("access-control-allow-origin").is_none());
    }
);

both!(
    async fn the_demo_brand_accepts_any_origin(app) {
        returns_api::demo::seed(&app.state).await.unwrap();
        let res = app
            .request(Method::GET, "/v1/portal/demo", None)
            .header("Origin", "http://localhost:5173")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()["access-control-allow-origin"], "http://localhost:5173");
    }
);

both!(
    async fn brand_keys_that_cannot_name_a_brand_are_not_cached(app) {
        multilingual_brand(&app).await;
        assert_eq!(app.get("/v1/portal/acme", None).await.status(), StatusCode::OK);
        let before = app.state.portal.len();
        for key in ["a".repeat(64_000), "b".repeat(64), "Acme".into(), format!("{}.example", "c".repeat(300))] {
            let res = app.get(&format!("/v1/portal/{key}"), None).await;
            assert!(res.status().is_client_error(), "{}", res.status());
        }
        let res = app.post(&format!("/v1/portal/{}/lookup", "d".repeat(10_000)), None, &json!({ "identifier": "1", "postal_code": "1012AB" })).await;
        assert_problem(res, StatusCode::NOT_FOUND, "brand_not_found").await;
        assert_eq!(app.state.portal.len(), before);
    }
);
