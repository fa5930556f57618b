//! Vendors of a brand and their API keys: registration, changes, the return
//! address read from Returns Settings, keys shown once and revoked, and
//! what a vendor key may not do on the merchant routes.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::both;
use crate::helpers::{TestApp, assert_problem, error_fields};

fn nordic() -> Value {
    json!({
        "id": "nordic-knits",
        "name": "Nordic Knits",
        "order_line_vendor": "Nordic Knits AB",
        "contact_email": "Returns@NordicKnits.example",
        "instructions": { "en": "Fold the item.", "nl-BE": "Vouw het artikel." },
        "response_hours": 48
    })
}

async fn create(app: &TestApp, key: &str, body: &Value) -> reqwest::Response {
    app.post("/v1/brands/acme/vendors", Some(key), body).await
}

async fn created(app: &TestApp, key: &str, body: &Value) -> Value {
    let res = create(app, key, body).await;
    assert_eq!(
        res.status(),
        StatusCode::CREATED,
        "{}",
        res.text().await.unwrap()
    );
    res.json().await.unwrap()
}

async fn patch(app: &TestApp, key: &str, path: &str, body: &Value) -> reqwest::Response {
    app.request(Method::PATCH, path, Some(key))
        .json(body)
        .send()
        .await
        .unwrap()
}

async fn new_key(app: &TestApp, key: &str, vendor: &str, body: &Value) -> Value {
    let res = app
        .post(
            &format!("/v1/brands/acme/vendors/{vendor}/keys"),
            Some(key),
            body,
        )
        .await;
    assert_eq!(
        res.status(),
        StatusCode::CREATED,
        "{}",
        res.text().await.unwrap()
    );
    res.json().await.unwrap()
}

both!(
    async fn a_vendor_is_registered_read_listed_and_changed(app) {
        let key = app.brand_with_key("acme").await;
        let res = create(&app, &key, &nordic()).await;
        assert_eq!(res.status(), StatusCode::CREATED);
        assert_eq!(
            res.headers()["location"],
            "/v1/brands/acme/vendors/nordic-knits"
        );
        let v: Value = res.json().await.unwrap();
        assert_eq!(v["id"], "nordic-knits");
        assert_eq!(v["order_line_vendor"], "Nordic Knits AB");
        assert_eq!(v["contact_email"], "returns@nordicknits.example");
        assert_eq!(v["instructions"]["nl-BE"], "Vouw het artikel.");
        assert_eq!(v["auto_approve"], false);
        assert_eq!(v["response_hours"], 48);
        assert_eq!(v["return_address"], Value::Null);

        let minimal = created(
            &app,
            &key,
            &json!({ "id": "atelier", "name": "Atelier", "order_line_vendor": "Atelier" }),
        )
        .await;
        assert_eq!(minimal["response_hours"], 72);
        assert_eq!(minimal["instructions"], json!({}));
        assert_eq!(minimal["contact_email"], Value::Null);

        let res = app.get("/v1/brands/acme/vendors/nordic-knits", Some(&key)).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.json::<Value>().await.unwrap()["name"], "Nordic Knits");

        let page: Value = app
            .get("/v1/brands/acme/vendors?limit=1", Some(&key))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(page["data"][0]["id"], "atelier");
        let cursor = page["next_cursor"].as_str().unwrap().to_string();
        let page: Value = app
            .get(&format!("/v1/brands/acme/vendors?limit=1&cursor={cursor}"), Some(&key))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(page["data"][0]["id"], "nordic-knits");
        assert_eq!(page["next_cursor"], Value::Null);

        let res = patch(
            &app,
            &key,
            "/v1/brands/acme/vendors/nordic-knits",
            &json!({ "contact_email": null, "auto_approve": true, "name": "Nordic" }),
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        let v: Value = res.json().await.unwrap();
        assert_eq!(v["contact_email"], Value::Null);
        assert_eq!(v["auto_approve"], true);
        assert_eq!(v["name"], "Nordic");
        assert_eq!(v["response_hours"], 48, "unchanged");
        assert_eq!(v["instructions"]["en"], "Fold the item.", "unchanged");

        let res = patch(&app, &key, "/v1/brands/acme/vendors/nordic-knits", &json!({ "id": "x" })).await;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "the id cannot change");

        let res = app.get("/v1/brands/acme/vendors/missing", Some(&key)).await;
        assert_problem(res, StatusCode::NOT_FOUND, "vendor_not_found").await;
        let res = patch(&app, &key, "/v1/brands/acme/vendors/missing", &json!({})).await;
        assert_problem(res, StatusCode::NOT_FOUND, "vendor_not_found").await;
    }
);

both!(
    async fn the_return_address_is_the_settings_address_of_the_vendors_order_line_name(app) {
        let key = app.brand_with_key("acme").await;
        created(&app, &key, &nordic()).await;
        let mut settings = app.settings("acme", &key).await;
        let address = |id: &str, kind: &str, vendor: Value, city: &str| {
            json!({
                "id": id, "kind": kind, "vendor": vendor, "is_default": kind == "warehouse",
                "name": "Returns", "line1": "Street 1", "postal_code": "1012 AB",
                "city": city, "country": "NL"
            })
        };
        settings["return_addresses"] = json!([
            address("main", "warehouse", Value::Null, "Amsterdam"),
            address("nordic", "vendor", json!("Nordic Knits AB"), "Stockholm"),
        ]);
        app.put_settings("acme", &key, &settings).await;

        let v: Value = app
            .get("/v1/brands/acme/vendors/nordic-knits", Some(&key))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(v["return_address"]["id"], "nordic");
        assert_eq!(v["return_address"]["city"], "Stockholm");

        // Another order-line name: no address of its own (in-house).
        let res = patch(
            &app,
            &key,
            "/v1/brands/acme/vendors/nordic-knits",
            &json!({ "order_line_vendor": "Nordic Knits Oy" }),
        )
        .await;
        assert_eq!(res.json::<Value>().await.unwrap()["return_address"], Value::Null);
    }
);

both!(
    async fn every_invalid_field_is_named_in_one_422(app) {
        let key = app.brand_with_key("acme").await;
        let many: serde_json::Map<String, Value> = (0..21)
            .map(|i| (format!("l{}{}", (b'a' + i / 26) as char, (b'a' + i % 26) as char), json!("x")))
            .collect();
        let cases = [
            (json!({ "id": "Nordic Knits" }), "id"),
            (json!({ "id": "-x" }), "id"),
            (json!({ "name": " " }), "name"),
            (json!({ "name": "x".repeat(101) }), "name"),
            (json!({ "order_line_vendor": "a\u{7}b" }), "order_line_vendor"),
            (json!({ "order_line_vendor": "x".repeat(101) }), "order_line_vendor"),
            (json!({ "contact_email": "not an address" }), "contact_email"),
            (json!({ "instructions": { "EN": "x" } }), "instructions.EN"),
            (json!({ "instructions": { "en": "x".repeat(2001) } }), "instructions.en"),
            (json!({ "instructions": { "en": "  " } }), "instructions.en"),
            (json!({ "instructions": many }), "instructions"),
            (json!({ "response_hours": 0 }), "response_hours"),
            (json!({ "response_hours": 721 }), "response_hours"),
        ];
        for (change, field) in cases {
            let mut body = nordic();
            for (k, v) in change.as_object().unwrap() {
                body[k] = v.clone();
            }
            let res = create(&app, &key, &body).await;
            let problem = assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
            assert_eq!(error_fields(&problem), vec![field.to_string()], "{change}");
        }
        let res = create(&app, &key, &json!({ "id": "Bad", "name": "", "order_line_vendor": "", "response_hours": 1000 })).await;
        let problem = assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(
            error_fields(&problem),
            vec!["id", "name", "order_line_vendor", "response_hours"]
        );
        let res = create(&app, &key, &json!({ "id": "x", "name": "X", "order_line_vendor": "X", "colour": "red" })).await;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "unknown fields are refused");

        created(&app, &key, &nordic()).await;
        let res = patch(
            &app,
            &key,
            "/v1/brands/acme/vendors/nordic-knits",
            &json!({ "name": "", "contact_email": "nope", "response_hours": -1 }),
        )
        .await;
        let problem = assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(error_fields(&problem), vec!["name", "contact_email", "response_hours"]);
    }
);

both!(
    async fn an_id_or_order_line_name_is_one_vendors_only(app) {
        let key = app.brand_with_key("acme").await;
        created(&app, &key, &nordic()).await;
        let mut same_id = nordic();
        same_id["order_line_vendor"] = json!("Other");
        let res = create(&app, &key, &same_id).await;
        assert_problem(res, StatusCode::CONFLICT, "vendor_exists").await;
        let mut same_line = nordic();
        same_line["id"] = json!("other");
        let res = create(&app, &key, &same_line).await;
        assert_problem(res, StatusCode::CONFLICT, "vendor_exists").await;

        created(&app, &key, &json!({ "id": "atelier", "name": "Atelier", "order_line_vendor": "Atelier" })).await;
        let res = patch(
            &app,
            &key,
            "/v1/brands/acme/vendors/atelier",
            &json!({ "order_line_vendor": "Nordic Knits AB" }),
        )
        .await;
        assert_problem(res, StatusCode::CONFLICT, "vendor_exists").await;
        // Its own name again is no conflict.
        let res = patch(
            &app,
            &key,
            "/v1/brands/acme/vendors/atelier",
            &json!({ "order_line_vendor": "Atelier" }),
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);

        // Another brand may use the same id and name.
        let other = app.brand_with_key("other").await;
        let res = app.post("/v1/brands/other/vendors", Some(&other), &nordic()).await;
        assert_eq!(res.status(), StatusCode::CREATED);
    }
);

both!(
    async fn a_vendor_key_is_shown_once_listed_without_its_secret_and_revoked(app) {
        let key = app.brand_with_key("acme").await;
        created(&app, &key, &nordic()).await;
        let first = new_key(&app, &key, "nordic-knits", &json!({})).await;
        assert!(first["id"].as_str().unwrap().starts_with("vky_"));
        assert_eq!(first["name"], "api");
        let secret = first["key"].as_str().unwrap().to_string();
        assert!(secret.starts_with(first["prefix"].as_str().unwrap()));
        let res = app
            .request(Method::POST, "/v1/brands/acme/vendors/nordic-knits/keys", Some(&key))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::CREATED, "a body is optional");
        let res = app
            .request(Method::POST, "/v1/brands/acme/vendors/nordic-knits/keys", Some(&key))
            .header("content-type", "application/json")
            .body("null")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::CREATED, "null is no body");
        let second = new_key(&app, &key, "nordic-knits", &json!({ "name": "portal" })).await;
        assert_eq!(second["name"], "portal");

        let list: Value = app
            .get("/v1/brands/acme/vendors/nordic-knits/keys", Some(&key))
            .await
            .json()
            .await
            .unwrap();
        let data = list["data"].as_array().unwrap();
        assert_eq!(data.len(), 4);
        assert_eq!(data[0]["id"], second["id"], "newest first");
        assert!(!list.to_string().contains(&secret), "no secret in the list");
        assert!(data.iter().all(|k| k.get("key").is_none() && k["revoked_at"].is_null()));
        let page: Value = app
            .get("/v1/brands/acme/vendors/nordic-knits/keys?limit=2", Some(&key))
            .await
            .json()
            .await
            .unwrap();
        let cursor = page["next_cursor"].as_str().unwrap().to_string();
        let rest: Value = app
            .get(&format!("/v1/brands/acme/vendors/nordic-knits/keys?limit=2&cursor={cursor}"), Some(&key))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(rest["data"][1]["id"], first["id"]);
        assert_eq!(rest["next_cursor"], Value::Null);

        // A working vendor key reaches no merchant resource (404), a revoked one is refused (401).
        let res = app.get("/v1/brands/acme", Some(&secret)).await;
        assert_problem(res, StatusCode::NOT_FOUND, "brand_not_found").await;
        let path = format!("/v1/brands/acme/vendors/nordic-knits/keys/{}", first["id"].as_str().unwrap());
        let res = app.request(Method::DELETE, &path, Some(&key)).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let revoked: Value = res.json().await.unwrap();
        assert_eq!(revoked["id"], first["id"]);
        assert!(revoked["revoked_at"].is_string());
        assert!(revoked.get("key").is_none());
        let res = app.get("/v1/brands/acme", Some(&secret)).await;
        assert_problem(res, StatusCode::UNAUTHORIZED, "invalid_credentials").await;
        // Revoking again answers the key as it is.
        let res = app.request(Method::DELETE, &path, Some(&key)).send().await.unwrap();
        assert_eq!(res.json::<Value>().await.unwrap()["revoked_at"], revoked["revoked_at"]);

        let res = app
            .request(Method::DELETE, "/v1/brands/acme/vendors/nordic-knits/keys/vky_missing", Some(&key))
            .send()
            .await
            .unwrap();
        assert_problem(res, StatusCode::NOT_FOUND, "key_not_found").await;
        let res = app.post("/v1/brands/acme/vendors/missing/keys", Some(&key), &json!({})).await;
        assert_problem(res, StatusCode::NOT_FOUND, "vendor_not_found").await;
        let res = app.post("/v1/brands/acme/vendors/nordic-knits/keys", Some(&key), &json!({ "name": " " })).await;
        assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    }
);

both!(
    async fn a_vendor_key_finds_nothing_on_the_merchant_routes(app) {
        let key = app.brand_with_key("acme").await;
        created(&app, &key, &nordic()).await;
        let vendor = new_key(&app, &key, "nordic-knits", &json!({})).await["key"]
            .as_str()
            .unwrap()
            .to_string();
        for path in ["/v1/brands/acme", "/v1/brands/acme/returns", "/v1/brands/acme/vendors", "/v1/brands/acme/vendors/nordic-knits"] {
            let res = app.get(path, Some(&vendor)).await;
            assert_problem(res, StatusCode::NOT_FOUND, "brand_not_found").await;
        }
        let mut other = nordic();
        other["id"] = json!("other");
        other["order_line_vendor"] = json!("Other");
        let res = create(&app, &vendor, &other).await;
        assert_problem(res, StatusCode::NOT_FOUND, "brand_not_found").await;
        let res = app.post("/v1/brands/acme/vendors/nordic-knits/keys", Some(&vendor), &json!({})).await;
        assert_problem(res, StatusCode::NOT_FOUND, "brand_not_found").await;
        let res = app.get("/v1/brands", Some(&vendor)).await;
        assert_problem(res, StatusCode::NOT_FOUND, "not_found").await;
    }
);

both!(
    async fn another_brands_merchant_key_finds_no_vendor(app) {
        let key = app.brand_with_key("acme").await;
        created(&app, &key, &nordic()).await;
        let stranger = app.brand_with_key("other").await;
        for path in [
            "/v1/brands/acme/vendors",
            "/v1/brands/acme/vendors/nordic-knits",
            "/v1/brands/acme/vendors/nordic-knits/keys",
        ] {
            let res = app.get(path, Some(&stranger)).await;
            assert_problem(res, StatusCode::NOT_FOUND, "brand_not_found").await;
        }
        let res = patch(&app, &stranger, "/v1/brands/acme/vendors/nordic-knits", &json!({ "name": "Mine" })).await;
        assert_problem(res, StatusCode::NOT_FOUND, "brand_not_found").await;
        let res = app.post("/v1/brands/acme/vendors/nordic-knits/keys", Some(&stranger), &json!({})).await;
        assert_problem(res, StatusCode::NOT_FOUND, "brand_not_found").await;
        let res = create(&app, &stranger, &json!({ "id": "x", "name": "X", "order_line_vendor": "X" })).await;
        assert_problem(res, StatusCode::NOT_FOUND, "brand_not_found").await;
        // The vendor's own brand, under the stranger's slug, has no such vendor.
        let res = app.get("/v1/brands/other/vendors/nordic-knits", Some(&stranger)).await;
        assert_problem(res, StatusCode::NOT_FOUND, "vendor_not_found").await;
    }
);

fn cli(db: &str, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_returns-api"))
        .args(args)
        .env("DATABASE_URL", db)
        .env("RUST_LOG", "warn")
        .output()
        .expect("binary runs")
}

#[tokio::test]
async fn a_vendor_key_is_created_and_revoked_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("cli.db").display());
    let ok = |out: std::process::Output| {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    };
    ok(cli(
        &db,
        &["brands", "create", "--slug", "acme", "--name", "ACME"],
    ));
    let merchant = ok(cli(&db, &["keys", "create", "--brand", "acme"]));

    let config = returns_api::config::Config::for_database(db.clone(), dir.path().join("data"));
    let app = returns_api::startup::Application::build(config)
        .await
        .unwrap();
    let base = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    let res = client
        .post(format!("{base}/v1/brands/acme/vendors"))
        .bearer_auth(&merchant)
        .json(&nordic())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);

    let key = ok(cli(
        &db,
        &[
            "keys",
            "create",
            "--brand",
            "acme",
            "--vendor",
            "nordic-knits",
            "--name",
            "erp",
        ],
    ));
    assert!(key.starts_with("rk_") && key.len() == 43, "{key}");
    let keys: Value = client
        .get(format!("{base}/v1/brands/acme/vendors/nordic-knits/keys"))
        .bearer_auth(&merchant)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(keys["data"][0]["name"], "erp");
    assert_eq!(keys["data"][0]["prefix"], &key[..11]);
    // A valid credential to which the merchant routes show nothing.
    let res = client
        .get(format!("{base}/v1/brands/acme"))
        .bearer_auth(&key)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    for (args, says) in [
        (
            &[
                "keys",
                "create",
                "--brand",
                "nope",
                "--vendor",
                "nordic-knits",
            ][..],
            "no brand",
        ),
        (
            &["keys", "create", "--brand", "acme", "--vendor", "nope"][..],
            "no vendor",
        ),
        (
            &[
                "keys",
                "create",
                "--brand",
                "acme",
                "--brand",
                "acme",
                "--vendor",
                "nordic-knits",
            ][..],
            "exactly one --brand",
        ),
        (
            &["keys", "create", "--admin", "--vendor", "nordic-knits"][..],
            "--admin",
        ),
    ] {
        let out = cli(&db, args);
        assert!(!out.status.success(), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }

    ok(cli(&db, &["keys", "revoke", &key[..11]]));
    let res = client
        .get(format!("{base}/v1/brands/acme"))
        .bearer_auth(&key)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}
