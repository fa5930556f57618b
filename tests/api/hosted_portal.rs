//! The reference portal over plain HTTP: who serves it, its policy, its
//! files, and the theme contrast warnings of the Returns Settings. The
//! customer's journey through it is in `portal_browser`.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::both;
use crate::helpers::{TestApp, assert_problem};

async fn page(app: &TestApp, slug: &str) -> reqwest::Response {
    app.get(&format!("/portal/{slug}"), None).await
}

fn csp(res: &reqwest::Response) -> String {
    res.headers()
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

async fn set_origins(app: &TestApp, key: &str, slug: &str, origins: Value) {
    let res = app
        .request(Method::PATCH, &format!("/v1/brands/{slug}"), Some(key))
        .json(&json!({ "allowed_origins": origins }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
}

both!(
    async fn the_portal_page_is_framed_only_by_the_brands_allowed_origins_and_runs_no_inline_code(app) {
        let key = app.brand_with_key("acme").await;
        let mut settings = serde_json::to_value(returns_api::demo::demo_settings()).unwrap();
        app.put_settings("acme", &key, &settings).await;
        set_origins(&app, &key, "acme", json!(["https://shop.acme.example", "http://127.0.0.1:3000"])).await;

        let res = page(&app, "acme").await;
        assert_eq!(res.status(), StatusCode::OK);
        assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
        let policy = csp(&res);
        assert!(
            policy.contains("frame-ancestors 'self' https://shop.acme.example http://127.0.0.1:3000"),
            "{policy}"
        );
        assert!(policy.contains("script-src 'self';") && policy.contains("style-src 'self';"), "{policy}");
        assert!(!policy.contains("unsafe"), "{policy}");
        let html = res.text().await.unwrap();
        let head = app.request(Method::HEAD, "/portal/acme", None).send().await.unwrap();
        assert_eq!(head.status(), StatusCode::OK);
        assert!(head.headers().contains_key("content-security-policy"));

        // No inline script or style: every script has a src, no style
        // element or attribute, no event handler attribute.
        let script = regex::Regex::new(r"(?is)<script\b([^>]*)>(.*?)</script>").unwrap();
        for s in script.captures_iter(&html) {
            assert!(s[1].contains("src="), "inline script: {}", &s[0]);
            assert!(s[2].trim().is_empty(), "inline script: {}", &s[0]);
        }
        assert!(!regex::Regex::new(r"(?i)<style\b|\sstyle=|\son[a-z]+=").unwrap().is_match(&html));

        // Every file the page names is served, with its type.
        let refs = regex::Regex::new(r#"(?:src|href)="(assets/[^"]+)""#).unwrap();
        let mut named = 0;
        for r in refs.captures_iter(&html) {
            let res = app.get(&format!("/portal/{}", &r[1]), None).await;
            assert_eq!(res.status(), StatusCode::OK, "{}", &r[1]);
            let kind = res.headers()["content-type"].to_str().unwrap().to_string();
            if r[1].ends_with(".js") {
                assert!(kind.contains("javascript"), "{} is {kind}", &r[1]);
            } else if r[1].ends_with(".css") {
                assert!(kind.starts_with("text/css"), "{} is {kind}", &r[1]);
            }
            named += 1;
        }
        assert!(named >= 2, "the page names its script and style sheet");

        // A file is revalidated by its hash.
        let res = app.get("/portal/assets/js/main.js", None).await;
        let etag = res.headers()["etag"].to_str().unwrap().to_string();
        let res = app
            .request(Method::GET, "/portal/assets/js/main.js", None)
            .header("If-None-Match", &etag)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_MODIFIED);
        let res = app.get("/portal/assets/nothing-here.js", None).await;
        assert_problem(res, StatusCode::NOT_FOUND, "route_not_found").await;
        let res = app.get("/portal/assets/tsconfig.json", None).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "only what the page needs is served");

        // Any origin, when the brand allows any.
        set_origins(&app, &key, "acme", json!(["*"])).await;
        assert!(csp(&page(&app, "acme").await).ends_with("frame-ancestors *"));

        // The public settings say where it is and who may frame it.
        set_origins(&app, &key, "acme", json!(["https://shop.acme.example"])).await;
        let body: Value = app.get("/v1/portal/acme", None).await.json().await.unwrap();
        assert_eq!(
            body["hosted_portal"],
            json!({ "path": "/portal/acme", "frame_ancestors": ["https://shop.acme.example"] })
        );

        // Turned off, the brand has no portal page.
        settings["hosted_portal"] = json!(false);
        app.put_settings("acme", &key, &settings).await;
        assert_problem(page(&app, "acme").await, StatusCode::NOT_FOUND, "brand_not_found").await;
        let body: Value = app.get("/v1/portal/acme", None).await.json().await.unwrap();
        assert_eq!(body["hosted_portal"], Value::Null);
    }
);

both!(
    async fn a_brand_serves_no_portal_page_until_it_turns_it_on_and_unknown_brands_never(app) {
        app.brand_with_key("acme").await;
        assert_problem(page(&app, "acme").await, StatusCode::NOT_FOUND, "brand_not_found").await;
        assert_problem(page(&app, "nobody").await, StatusCode::NOT_FOUND, "brand_not_found").await;
        let body: Value = app.get("/v1/portal/acme", None).await.json().await.unwrap();
        assert_eq!(body["hosted_portal"], Value::Null);
    }
);

both!(
    async fn a_theme_whose_text_fails_aa_contrast_is_a_warning_in_the_returns_settings(app) {
        let key = app.brand_with_key("acme").await;
        let settings_of = || async {
            let res = app.get("/v1/brands/acme/returns-settings", Some(&key)).await;
            assert_eq!(res.status(), StatusCode::OK);
            res.json::<Value>().await.unwrap()
        };
        assert_eq!(settings_of().await.get("warnings"), None, "the default theme passes");

        let res = app
            .request(Method::PATCH, "/v1/brands/acme", Some(&key))
            .json(&json!({ "theme": { "primary_color": "#0f172a", "accent_color": "#fbbf24", "background_color": "#ffffff" } }))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let settings = settings_of().await;
        let warnings = settings["warnings"].as_array().expect("warnings");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert_eq!(warnings[0]["field"], "theme.accent_color");
        assert_eq!(warnings[0]["code"], "low_contrast");
        assert!(warnings[0]["contrast_ratio"].as_f64().unwrap() < 4.5);
        assert!(warnings[0]["message"].as_str().unwrap().contains("4.5:1"));

        // Sent back as read, the warnings are ignored, never stored.
        app.put_settings("acme", &key, &settings).await;
        let res = app
            .request(Method::PATCH, "/v1/brands/acme", Some(&key))
            .json(&json!({ "theme": { "primary_color": "#0f172a", "accent_color": "#1d4ed8", "background_color": "#ffffff" } }))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(settings_of().await.get("warnings"), None);
    }
);
