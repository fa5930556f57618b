//! The error responses of every operation, completed from what the
//! operation is.
//!
//! A handler documents the problems its own logic gives, naming their codes
//! in backticks (`(status = 409, description = "`not_cancellable` …")`).
//! This adds the problems that come from the operation's shape: a JSON body
//! (400, 413, 415), a query string (400), its credential (401, 403), a brand
//! in the path (404), the database (503). Each problem response then gets
//! `Problem` with `code` narrowed to exactly the codes it can carry, so a
//! client generator knows them and a contract test catches an undocumented
//! one.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Value, json};

use crate::error::ErrorCode;

/// Problem codes by status.
type Table = BTreeMap<u16, BTreeSet<ErrorCode>>;

/// What an operation is, as far as its errors go.
struct Shape {
    json_body: bool,
    any_body: bool,
    query: bool,
    scheme: Option<String>,
    brand_in_path: bool,
    label_token: bool,
    database: bool,
}

impl Shape {
    fn of(path: &str, op: &Value) -> Shape {
        let content = op["requestBody"]["content"].as_object();
        let params = op["parameters"].as_array();
        Shape {
            json_body: content.is_some_and(|c| c.contains_key("application/json")),
            any_body: content.is_some(),
            query: params.is_some_and(|p| p.iter().any(|p| p["in"] == "query")),
            scheme: op["security"]
                .as_array()
                .and_then(|s| s.first())
                .and_then(|s| s.as_object())
                .and_then(|s| s.keys().next().cloned()),
            brand_in_path: path.contains("{brand}"),
            label_token: path.starts_with("/v1/labels/"),
            database: !matches!(path, "/healthz" | "/metrics"),
        }
    }

    /// The problems this shape adds.
    fn problems(&self) -> Table {
        use ErrorCode::*;
        let mut t = Table::new();
        let mut add = |status: u16, codes: &[ErrorCode]| {
            t.entry(status).or_default().extend(codes.iter().copied());
        };
        if self.json_body {
            add(400, &[InvalidBody, MalformedJson]);
            add(415, &[UnsupportedMediaType]);
        }
        if self.any_body {
            add(413, &[PayloadTooLarge]);
        }
        if self.query {
            add(400, &[InvalidQuery, UnknownParameter]);
        }
        match self.scheme.as_deref() {
            Some("api_key") => add(401, &[MissingCredentials, InvalidCredentials]),
            Some("vendor_key") => {
                add(401, &[MissingCredentials, InvalidCredentials]);
                add(403, &[VendorKeyRequired]);
            }
            Some("access_token" | "service_points_token") => {
                add(401, &[MissingCredentials, InvalidToken]);
                add(403, &[InsufficientScope, WrongBrand]);
            }
            _ => {}
        }
        if self.label_token {
            add(401, &[InvalidToken]);
        }
        if self.brand_in_path {
            add(404, &[BrandNotFound]);
        }
        if self.database {
            add(503, &[DatabaseUnavailable]);
        }
        t
    }
}

/// The snake_case words in backticks of `text` that are error codes.
fn codes_named(text: &str) -> impl Iterator<Item = ErrorCode> + '_ {
    text.split('`')
        .skip(1)
        .step_by(2)
        .filter_map(ErrorCode::parse)
}

fn is_problem(response: &Value) -> bool {
    response["content"]
        .as_object()
        .is_some_and(|c| c.contains_key("application/problem+json"))
}

/// Completes the problem responses of every operation of `spec`.
pub fn complete(spec: &mut Value) {
    let Some(paths) = spec["paths"].as_object_mut() else {
        return;
    };
    for (path, item) in paths.iter_mut() {
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for op in item.values_mut() {
            complete_operation(path, op);
        }
    }
}

fn complete_operation(path: &str, op: &mut Value) {
    let mut table = Shape::of(path, op).problems();
    let responses = op["responses"].as_object().cloned().unwrap_or_default();
    let mut texts: BTreeMap<u16, String> = BTreeMap::new();
    for (status, response) in &responses {
        let Ok(status) = status.parse::<u16>() else {
            continue;
        };
        if status < 400 || !is_problem(response) {
            continue;
        }
        let text = response["description"].as_str().unwrap_or_default();
        table.entry(status).or_default().extend(codes_named(text));
        texts.insert(status, text.to_string());
    }
    for (status, codes) in table {
        if codes.is_empty() {
            continue;
        }
        let text = texts
            .remove(&status)
            .unwrap_or_else(|| default_text(status).to_string());
        op["responses"][status.to_string()] = response(status, &text, &codes);
    }
}

fn default_text(status: u16) -> &'static str {
    match status {
        400 => "The request cannot be read",
        401 => "Missing, invalid or expired credentials",
        403 => "The credential does not grant this",
        404 => "Not found (also another tenant's)",
        413 => "The body is too large",
        415 => "The body's media type is not accepted",
        503 => "Temporarily unavailable; retry after `Retry-After` seconds",
        _ => "Error",
    }
}

/// A problem response whose `code` is one of `codes`.
fn response(status: u16, text: &str, codes: &BTreeSet<ErrorCode>) -> Value {
    let listed: Vec<&str> = codes.iter().map(|c| c.as_str()).collect();
    let mut description = text.trim_end_matches('.').to_string();
    let unnamed: Vec<&str> = listed
        .iter()
        .copied()
        .filter(|c| !text.contains(&format!("`{c}`")))
        .collect();
    if !unnamed.is_empty() {
        let list: Vec<String> = unnamed.iter().map(|c| format!("`{c}`")).collect();
        description.push_str(&format!(". Codes: {}", list.join(", ")));
    }
    let mut r = json!({
        "description": description,
        "content": {
            "application/problem+json": {
                "schema": {
                    "allOf": [
                        { "$ref": "#/components/schemas/Problem" },
                        { "type": "object", "properties": { "code": { "enum": listed } } }
                    ]
                }
            }
        }
    });
    let header = |text: &str| json!({ "description": text, "schema": { "type": "string" } });
    match status {
        401 => {
            // Signed requests (carrier callbacks) name their own scheme.
            let scheme = if codes.contains(&ErrorCode::InvalidSignature) {
                "`Signature` (sign the request: `webhook-id`, `webhook-timestamp`, `webhook-signature`)"
            } else {
                "`Bearer`"
            };
            r["headers"] = json!({ "WWW-Authenticate": header(scheme) })
        }
        429 | 503 => {
            r["headers"] = json!({ "Retry-After": header("Seconds to wait before retrying") })
        }
        _ => {}
    }
    r
}
