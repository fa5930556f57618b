//! Every way a token can be wrong is refused (401/403), on both scopes.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::both;
use crate::forge::{claims, read, sign, signing_key, unsigned};
use crate::helpers::{TestApp, assert_problem};
use crate::returns_fixtures::shop;

const SEARCH: &str = "/v1/portal/acme/service-points?country=NL&latitude=52.37&longitude=4.9";
const RETURNS: &str = "/v1/portal/acme/returns";

async fn status(app: &TestApp, path: &str, token: &str) -> (StatusCode, Value) {
    let res = app.get(path, Some(token)).await;
    let status = res.status();
    (status, res.json().await.unwrap_or(Value::Null))
}

both!(
    async fn each_bad_token_is_refused_with_the_right_status(app) {
        let s = shop(&app, 1).await;
        let good = read(&s.access);
        let (brand, order) = (good["brand"].as_str().unwrap().to_string(), good["sub"].as_str().unwrap().to_string());
        let (kid, secret) = signing_key(&app).await;
        assert_eq!(status(&app, RETURNS, &s.access).await.0, StatusCode::OK);
        assert_eq!(status(&app, SEARCH, &s.sp).await.0, StatusCode::OK);
        // A token we forge with the right key and claims works: the checks below fail for their own reason.
        assert_eq!(status(&app, RETURNS, &sign(&kid, &secret, &claims(&brand, &order, "returns"))).await.0, StatusCode::OK);

        let mut expired = claims(&brand, &order, "returns");
        expired["exp"] = json!(chrono::Utc::now().timestamp() - 60);
        let mut audience = claims(&brand, &order, "returns");
        audience["aud"] = json!("returns-api:labels");
        let mut issuer = claims(&brand, &order, "returns");
        issuer["iss"] = json!("someone-else");
        let unauthorized = [
            ("malformed", "not-a-jwt".to_string()),
            ("bad signature", sign(&kid, b"another secret of 32 bytes......", &claims(&brand, &order, "returns"))),
            ("alg none", unsigned(&claims(&brand, &order, "returns"))),
            ("unknown kid", sign("kid_unknown", &secret, &claims(&brand, &order, "returns"))),
            ("expired", sign(&kid, &secret, &expired)),
            ("wrong audience", sign(&kid, &secret, &audience)),
            ("wrong issuer", sign(&kid, &secret, &issuer)),
        ];
        for (case, token) in unauthorized {
            let res = app.get(RETURNS, Some(&token)).await;
            assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{case}");
            assert_problem(res, StatusCode::UNAUTHORIZED, "invalid_token").await;
        }
        let res = app.get(RETURNS, None).await;
        assert_problem(res, StatusCode::UNAUTHORIZED, "missing_credentials").await;

        // Other scope: the service-points token cannot list returns and vice versa.
        assert_problem(app.get(RETURNS, Some(&s.sp)).await, StatusCode::FORBIDDEN, "insufficient_scope").await;
        assert_problem(app.get(SEARCH, Some(&s.access)).await, StatusCode::FORBIDDEN, "insufficient_scope").await;
        // Other brand: a valid token of brand `other` is refused at `acme`.
        let other_key = app.brand_with_key("other").await;
        let settings = serde_json::to_value(returns_api::demo::demo_settings()).unwrap();
        app.put_settings("other", &other_key, &settings).await;
        assert!(app.post("/v1/brands/other/orders", Some(&other_key), &crate::returns_fixtures::order("9001", 1)).await.status().is_success());
        let body: Value = app.post("/v1/portal/other/lookup", None, &json!({ "identifier": "9001", "postal_code": "1012AB" })).await.json().await.unwrap();
        let (other_access, other_sp) = (body["access_token"].as_str().unwrap(), body["service_points_token"].as_str().unwrap());
        assert_problem(app.get(RETURNS, Some(other_access)).await, StatusCode::FORBIDDEN, "wrong_brand").await;
        assert_problem(app.get(SEARCH, Some(other_sp)).await, StatusCode::FORBIDDEN, "wrong_brand").await;
        // A portal token is no label token.
        let res = app.get(&format!("/v1/labels/lbl_x?token={}", s.access), None).await;
        assert_problem(res, StatusCode::UNAUTHORIZED, "invalid_token").await;
    }
);

both!(
    async fn tokens_carry_the_documented_claims_and_survive_a_key_rotation(app) {
        let s = shop(&app, 1).await;
        let header: Value = {
            use base64::Engine;
            let h = s.access.split('.').next().unwrap();
            serde_json::from_slice(&base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(h).unwrap()).unwrap()
        };
        assert_eq!(header["alg"], "HS256");
        assert!(header["kid"].as_str().unwrap().starts_with("kid_"));
        let c = read(&s.access);
        assert_eq!((c["iss"].as_str(), c["aud"].as_str(), c["scope"].as_str()), (Some("returns-api"), Some("returns-api:portal"), Some("returns")));
        assert!(c["sub"].as_str().unwrap().starts_with("ord_"));
        assert!(c["brand"].as_str().unwrap().starts_with("brd_"));
        assert_eq!(c["exp"].as_i64().unwrap() - c["iat"].as_i64().unwrap(), 3600);
        assert_eq!(read(&s.sp)["scope"], "service_points");

        // Rotate: old tokens keep working, new ones use the new key on every node.
        let new_kid = returns_api::app::maintenance::rotate_signing_key(&app.db, app.state.secrets.clone()).await.unwrap();
        let node_b = app.another_node().await;
        assert_eq!(node_b.get(RETURNS, Some(&s.access)).await.status(), StatusCode::OK);
        let (fresh, _) = crate::returns_fixtures::tokens(&node_b, "1001").await;
        let kid: Value = {
            use base64::Engine;
            serde_json::from_slice(&base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(fresh.split('.').next().unwrap()).unwrap()).unwrap()
        };
        assert_eq!(kid["kid"], json!(new_kid));
        // The first node has not reloaded yet but verifies the new key's token at once.
        assert_eq!(app.get(RETURNS, Some(&fresh)).await.status(), StatusCode::OK);
    }
);
