//! Request bodies, route by route from the spec: a body that is optional
//! (or that a route does not take) is absent, empty, `null` or an object,
//! and any other JSON is a 400; a required JSON object is never read from
//! an array.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::both;
use crate::helpers::TestApp;
use crate::returns_fixtures::{Shop, shop};

/// One write operation of the spec, with what it needs to get past its
/// credentials and path to its body.
struct Operation {
    method: Method,
    path: String,
    bearer: Option<String>,
    /// The spec gives no body, or an optional one.
    optional: bool,
    /// The spec's JSON body is an object (not an array, one of several
    /// shapes, CSV or multipart).
    object_body: bool,
}

fn operations(
    spec: &Value,
    merchant: &str,
    admin: &str,
    vendor: &str,
    access: &str,
) -> Vec<Operation> {
    let mut out = Vec::new();
    for (template, item) in spec["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let method = match method.as_str() {
                "post" => Method::POST,
                "put" => Method::PUT,
                "patch" => Method::PATCH,
                "delete" => Method::DELETE,
                _ => continue,
            };
            let scheme = op["security"][0]
                .as_object()
                .and_then(|s| s.keys().next().cloned());
            let bearer = match scheme.as_deref() {
                Some("api_key") if template.contains("{brand}") => Some(merchant),
                Some("api_key") => Some(admin),
                Some("vendor_key") => Some(vendor),
                Some("access_token") => Some(access),
                Some(other) => panic!("{template}: no credential for the scheme {other}"),
                None => None,
            };
            let path = template
                .replace("{brand}", "acme")
                .replace("{carrier}", "postnl")
                .split('/')
                .map(|s| {
                    if s.starts_with('{') {
                        "nothing-here"
                    } else {
                        s
                    }
                })
                .collect::<Vec<_>>()
                .join("/");
            let body = &op["requestBody"];
            let mut schema = &body["content"]["application/json"]["schema"];
            if let Some(name) = schema["$ref"]
                .as_str()
                .and_then(|r| r.strip_prefix("#/components/schemas/"))
            {
                schema = &spec["components"]["schemas"][name];
            }
            out.push(Operation {
                method,
                path,
                bearer: bearer.map(str::to_owned),
                optional: body.is_null() || body["required"] != true,
                object_body: schema["type"] == "object",
            });
        }
    }
    out
}

/// Brand `acme` with an order, its access token and the vendor `knits`
/// with a key; every write operation of the spec with its credential.
async fn walk(app: &TestApp) -> (Shop, Vec<Operation>) {
    let shop = shop(app, 2).await;
    let res = app
        .post(
            "/v1/brands/acme/vendors",
            Some(&shop.key),
            &json!({ "id": "knits", "name": "Knits", "order_line_vendor": "Knits" }),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let res = app
        .post(
            "/v1/brands/acme/vendors/knits/keys",
            Some(&shop.key),
            &json!({}),
        )
        .await;
    let vendor_key = res.json::<Value>().await.unwrap()["key"]
        .as_str()
        .unwrap()
        .to_string();
    let spec: Value = serde_json::from_str(include_str!("../../openapi/openapi.json")).unwrap();
    let ops = operations(&spec, &shop.key, &app.admin_key, &vendor_key, &shop.access);
    (shop, ops)
}

async fn send(app: &TestApp, op: &Operation, body: Option<&str>) -> reqwest::Response {
    let mut req = app
        .request(op.method.clone(), &op.path, op.bearer.as_deref())
        .header("if-match", "\"*\"");
    if let Some(body) = body {
        req = req
            .header("content-type", "application/json")
            .body(body.to_string());
    }
    req.send().await.unwrap()
}

async fn assert_wrong_type(res: reqwest::Response, what: &str) {
    let status = res.status();
    let problem: Value = res.json().await.unwrap_or_default();
    assert_eq!(status, StatusCode::BAD_REQUEST, "{what}: {problem}");
    assert_eq!(problem["code"], "invalid_body", "{what}: {problem}");
    assert_eq!(
        problem["errors"][0]["code"], "invalid_type",
        "{what}: {problem}"
    );
    assert_eq!(problem["errors"][0]["field"], "", "{what}: {problem}");
}

both!(
    async fn a_route_without_a_required_body_refuses_json_that_is_not_an_object(app) {
        let (shop, ops) = walk(&app).await;
        let optional: Vec<&Operation> = ops.iter().filter(|op| op.optional).collect();
        // The walk covers every kind of credential, so it cannot pass by
        // answering 401 before the body is read.
        assert!(optional.len() >= 8, "only {} routes", optional.len());
        for op in &optional {
            for body in ["[\"x\"]", "[]", "[1]", "\"x\"", "5", "true"] {
                let what = format!("{} {} with {body}", op.method, op.path);
                assert_wrong_type(send(&app, op, Some(body)).await, &what).await;
            }
            for body in [None, Some(""), Some("null"), Some(" null ")] {
                let res = send(&app, op, body).await;
                assert_ne!(res.status(), StatusCode::BAD_REQUEST, "{} {} with {body:?}: {}", op.method, op.path, res.text().await.unwrap());
            }
        }

        // The reproductions: a vendor key from an array, a cancel with one.
        let res = app
            .request(Method::POST, "/v1/brands/acme/vendors/knits/keys", Some(&shop.key))
            .header("content-type", "application/json")
            .body("[\"ä\"]")
            .send()
            .await
            .unwrap();
        assert_wrong_type(res, "vendor key").await;
        let res = app.post("/v1/brands/acme/vendors/knits/keys", Some(&shop.key), &Value::Null).await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let res = app
            .post("/v1/brands/acme/vendors/knits/keys", Some(&shop.key), &json!({ "name": "warehouse" }))
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
    }
);

both!(
    async fn a_required_object_body_is_never_read_from_an_array(app) {
        let (_, ops) = walk(&app).await;
        let required: Vec<&Operation> = ops
            .iter()
            .filter(|op| !op.optional && op.object_body)
            // A carrier's event is checked against its signature before it is read.
            .filter(|op| !op.path.starts_with("/v1/carriers/"))
            .collect();
        assert!(required.len() >= 15, "only {} routes", required.len());
        for op in required {
            for body in ["[]", "[\"x\", \"y\"]", "\"x\"", "1", "false"] {
                let what = format!("{} {} with {body}", op.method, op.path);
                assert_wrong_type(send(&app, op, Some(body)).await, &what).await;
            }
        }
    }
);
