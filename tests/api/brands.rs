//! Brands and API keys: roles, tenancy, validation.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::both;
use crate::helpers::{assert_problem, error_fields};

both!(
    async fn an_admin_creates_a_brand_and_a_merchant_sees_only_its_own(app) {
        let acme = app.brand_with_key("acme").await;
        let _other = app.brand_with_key("other").await;

        let res = app.get("/v1/brands", Some(&acme)).await;
        assert_eq!(res.status(), StatusCode::OK);
        let list: Value = res.json().await.unwrap();
        let slugs: Vec<&str> = list["data"].as_array().unwrap().iter().map(|b| b["slug"].as_str().unwrap()).collect();
        assert_eq!(slugs, vec!["acme"]);

        let res = app.get("/v1/brands", Some(&app.admin_key)).await;
        let list: Value = res.json().await.unwrap();
        assert_eq!(list["data"].as_array().unwrap().len(), 2);

        let res = app.get("/v1/brands/acme", Some(&acme)).await;
        assert_eq!(res.status(), StatusCode::OK);
        let brand: Value = res.json().await.unwrap();
        assert!(brand["id"].as_str().unwrap().starts_with("brd_"));
        assert_eq!(brand["theme"]["primary_color"], "#0f172a");
    }
);

both!(
    async fn another_tenants_brand_is_a_404_not_a_403(app) {
        let acme = app.brand_with_key("acme").await;
        app.brand_with_key("other").await;
        let res = app.get("/v1/brands/other", Some(&acme)).await;
        let missing = assert_problem(res, StatusCode::NOT_FOUND, "brand_not_found").await;
        let res = app.get("/v1/brands/does-not-exist", Some(&acme)).await;
        let other = assert_problem(res, StatusCode::NOT_FOUND, "brand_not_found").await;
        assert_eq!(missing, other);
        let res = app.get("/v1/brands/other/returns-settings", Some(&acme)).await;
        assert_problem(res, StatusCode::NOT_FOUND, "brand_not_found").await;
        let res = app
            .request(Method::PATCH, "/v1/brands/other", Some(&acme))
            .json(&json!({ "name": "mine now" }))
            .send()
            .await
            .unwrap();
        assert_problem(res, StatusCode::NOT_FOUND, "brand_not_found").await;
    }
);

both!(
    async fn only_admin_keys_create_brands(app) {
        let acme = app.brand_with_key("acme").await;
        let res = app.post("/v1/brands", Some(&acme), &json!({ "slug": "new", "name": "New" })).await;
        assert_problem(res, StatusCode::FORBIDDEN, "admin_required").await;
    }
);

both!(
    async fn missing_invalid_and_revoked_keys_are_401(app) {
        let res = app.get("/v1/brands", None).await;
        assert_eq!(res.headers()["www-authenticate"], "Bearer");
        assert_problem(res, StatusCode::UNAUTHORIZED, "missing_credentials").await;
        let res = app.get("/v1/brands", Some("rk_not-a-key")).await;
        assert_problem(res, StatusCode::UNAUTHORIZED, "invalid_credentials").await;
        let res = app
            .request(Method::GET, "/v1/brands", None)
            .header("Authorization", format!("Basic {}", app.admin_key))
            .send()
            .await
            .unwrap();
        assert_problem(res, StatusCode::UNAUTHORIZED, "missing_credentials").await;

        let key = app.brand_with_key("acme").await;
        let prefix = key[..11].to_string();
        let revoked = returns_api::app::keys::revoke(&app.db, &prefix).await.unwrap();
        assert_eq!(revoked, 1);
        let res = app.get("/v1/brands", Some(&key)).await;
        assert_problem(res, StatusCode::UNAUTHORIZED, "invalid_credentials").await;
    }
);

both!(
    async fn keys_are_stored_only_as_hashes(app) {
        let key = app.brand_with_key("acme").await;
        let hash = returns_api::auth::api_keys::hash(&key);
        let stored: Vec<(String, String)> = app
            .db
            .read(|conn| {
                use diesel::prelude::*;
                use returns_api::db::schema::api_keys::dsl::*;
                Ok(api_keys.select((prefix, key_hash)).load(conn)?)
            })
            .await
            .unwrap();
        assert!(stored.iter().any(|(p, h)| *h == hash && key.starts_with(p.as_str())));
        assert!(stored.iter().all(|(_, h)| !h.contains(&key[3..])));
    }
);

both!(
    async fn brand_input_is_validated_with_field_paths(app) {
        let res = app
            .post(
                "/v1/brands",
                Some(&app.admin_key),
                &json!({
                    "slug": "Bad Slug",
                    "name": "",
                    "theme": { "primary_color": "red", "accent_color": "#000000", "background_color": "#ffffff" },
                    "custom_domain": "nodot",
                    "allowed_origins": ["https://shop.example.com/path"]
                }),
            )
            .await;
        let body = assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        let mut fields = error_fields(&body);
        fields.sort();
        assert_eq!(fields, vec!["allowed_origins[0]", "custom_domain", "name", "slug", "theme.primary_color"]);
    }
);

both!(
    async fn slugs_and_custom_domains_are_unique(app) {
        let body = json!({ "slug": "acme", "name": "ACME", "custom_domain": "returns.acme.example" });
        assert_eq!(app.post("/v1/brands", Some(&app.admin_key), &body).await.status(), StatusCode::CREATED);
        let res = app.post("/v1/brands", Some(&app.admin_key), &body).await;
        assert_problem(res, StatusCode::CONFLICT, "brand_exists").await;
        let res = app
            .post("/v1/brands", Some(&app.admin_key), &json!({ "slug": "acme2", "name": "x", "custom_domain": "Returns.ACME.example" }))
            .await;
        assert_problem(res, StatusCode::CONFLICT, "domain_taken").await;
    }
);

both!(
    async fn a_merchant_updates_its_brand(app) {
        let key = app.brand_with_key("acme").await;
        let res = app
            .request(Method::PATCH, "/v1/brands/acme", Some(&key))
            .json(&json!({
                "name": "ACME Outdoor",
                "custom_domain": "returns.acme.example",
                "allowed_origins": ["https://shop.acme.example"]
            }))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let brand: Value = res.json().await.unwrap();
        assert_eq!(brand["name"], "ACME Outdoor");
        assert_eq!(brand["custom_domain"], "returns.acme.example");
        assert_eq!(brand["allowed_origins"], json!(["https://shop.acme.example"]));

        // Absent fields stay, null removes the domain.
        let res = app
            .request(Method::PATCH, "/v1/brands/acme", Some(&key))
            .json(&json!({ "custom_domain": null }))
            .send()
            .await
            .unwrap();
        let brand: Value = res.json().await.unwrap();
        assert_eq!(brand["custom_domain"], Value::Null);
        assert_eq!(brand["name"], "ACME Outdoor");
    }
);

both!(
    async fn brand_lists_paginate_with_a_cursor(app) {
        for i in 0..5 {
            let res = app
                .post("/v1/brands", Some(&app.admin_key), &json!({ "slug": format!("brand-{i}"), "name": "B" }))
                .await;
            assert_eq!(res.status(), StatusCode::CREATED);
        }
        let mut seen = Vec::new();
        let mut cursor: Option<String> = None;
        loop {
            let path = match &cursor {
                Some(c) => format!("/v1/brands?limit=2&cursor={c}"),
                None => "/v1/brands?limit=2".to_string(),
            };
            let page: Value = app.get(&path, Some(&app.admin_key)).await.json().await.unwrap();
            for b in page["data"].as_array().unwrap() {
                seen.push(b["slug"].as_str().unwrap().to_string());
            }
            match page["next_cursor"].as_str() {
                Some(c) => cursor = Some(c.to_string()),
                None => break,
            }
        }
        assert_eq!(seen, vec!["brand-0", "brand-1", "brand-2", "brand-3", "brand-4"]);
    }
);
