//! Rules between fields that JSON Schema can state but utoipa's derives do
//! not: which fields a choice requires or forbids. Each mirrors a check the
//! server makes (named below), so a request that satisfies the schema is
//! not refused for them.

use serde_json::{Value, json};

/// The media types a photo upload may have (`encoding` of the form's `file`).
const UPLOAD_MEDIA_TYPES: &str = "image/jpeg, image/png, image/webp";

/// `if <field> is <value> then … else …` on one property.
fn when(field: &str, value: &str, then: Value, otherwise: Value) -> Value {
    json!({
        "if": { "properties": { field: { "const": value } }, "required": [field] },
        "then": then,
        "else": otherwise,
    })
}

/// `if <field> is one of <values> then … else …`.
fn when_any(field: &str, values: &[&str], then: Value, otherwise: Value) -> Value {
    json!({
        "if": { "properties": { field: { "enum": values } }, "required": [field] },
        "then": then,
        "else": otherwise,
    })
}

fn required_string(field: &str) -> Value {
    json!({ "required": [field], "properties": { field: { "type": "string", "minLength": 1 } } })
}

fn absent(field: &str) -> Value {
    json!({ "properties": { field: { "type": "null" } } })
}

/// One branch per field: that field is a string and the others are absent
/// or null, so exactly one of them is given (and the branches exclude each
/// other).
fn one_of(fields: &[&str]) -> Vec<Value> {
    fields
        .iter()
        .map(|f| {
            let mut properties = serde_json::Map::new();
            for other in fields {
                let schema = if other == f {
                    json!({ "type": "string" })
                } else {
                    json!({ "type": "null" })
                };
                properties.insert(other.to_string(), schema);
            }
            json!({ "required": [f], "properties": properties })
        })
        .collect()
}

/// `if <field> is a number then <other> is a number too` (the
/// `dependentRequired` of a pair whose members may also be `null`).
fn together(field: &str, other: &str) -> Value {
    json!({
        "if": { "properties": { field: { "type": "number" } }, "required": [field] },
        "then": { "required": [other], "properties": { other: { "type": "number" } } },
    })
}

/// The rules, by schema name.
fn rules() -> Vec<(&'static str, Vec<Value>)> {
    vec![
        // `Order::normalize`: a delivered shipment has a delivery time, and
        // only a delivered one.
        (
            "Shipment",
            vec![when(
                "status",
                "delivered",
                required_string("delivered_at"),
                absent("delivered_at"),
            )],
        ),
        // `domain::returns::check_method`: a pickup has a date and no
        // service point; only drop-offs name a service point; in-store
        // returns have no carrier.
        (
            "MethodRequest",
            vec![
                when(
                    "type",
                    "pickup",
                    required_string("pickup_date"),
                    absent("pickup_date"),
                ),
                when_any(
                    "type",
                    &["drop_off", "labelless"],
                    json!({}),
                    absent("service_point_id"),
                ),
                when("type", "in_store", absent("carrier"), json!({})),
            ],
        ),
        // `check_resolution`: an exchange names its SKU, a refund or store
        // credit does not. "Not blank" is Rust's `trim`, whose whitespace
        // includes U+0085, which ECMA-262's `\s` does not.
        (
            "ResolutionRequest",
            vec![when(
                "type",
                "exchange",
                json!({
                    "required": ["exchange_sku"],
                    "properties": { "exchange_sku": { "type": "string", "pattern": "[^\\s\\u0085]" } }
                }),
                absent("exchange_sku"),
            )],
        ),
        // `check_item_resolution`: an item's exchange names its variant, a
        // refund or store credit does not.
        (
            "ItemResolution",
            vec![when(
                "type",
                "exchange",
                json!({
                    "required": ["variant_sku"],
                    "properties": { "variant_sku": { "type": "string", "pattern": "[^\\s\\u0085]" } }
                }),
                absent("variant_sku"),
            )],
        ),
        // `Order::normalize`: a position is latitude and longitude together
        // (either given as a number requires the other as a number; both
        // absent or null is no position).
        (
            "ShippingAddress",
            vec![
                together("latitude", "longitude"),
                together("longitude", "latitude"),
            ],
        ),
        // `domain::receipts::ReceiptInput::check`: a scanned line names an
        // item or a SKU, not both.
        (
            "ScanLine",
            vec![json!({ "anyOf": one_of(&["return_item_id", "sku"]) })],
        ),
        // `domain::lookup::Verifier::of`: exactly one verifier.
        (
            "LookupRequest",
            vec![json!({ "anyOf": one_of(&["postal_code", "email", "phone"]) })],
        ),
    ]
}

/// Names every property of the schema in `branch` (as `{}` where the rule
/// says nothing of it), so that validators which treat a closed object's
/// composition as `unevaluatedProperties: false` see every property as
/// evaluated in whichever branch applies.
fn cover(branch: &mut Value, properties: &[String]) {
    if !branch.is_object() {
        return;
    }
    for p in properties {
        if branch["properties"][p].is_null() {
            branch["properties"][p] = json!({});
        }
    }
}

/// Adds the rules to the schemas of `spec`.
pub fn add(spec: &mut Value) {
    // `routes::portal::uploads`: the form is one photo, nothing else.
    if spec["components"]["schemas"]["UploadForm"].is_object() {
        spec["components"]["schemas"]["UploadForm"]["additionalProperties"] = json!(false);
    }
    // `domain::webhooks::check_event_types`: each type at most once.
    for name in ["EndpointInput", "EndpointPatch"] {
        let types = &mut spec["components"]["schemas"][name]["properties"]["event_types"];
        if types.is_object() {
            types["uniqueItems"] = json!(true);
        }
    }
    // `app::uploads::detect`: the photo is judged by its bytes, which must be
    // one of these formats.
    let form = &mut spec["paths"]["/v1/portal/{brand}/uploads"]["post"]["requestBody"]["content"]["multipart/form-data"];
    if form.is_object() {
        form["encoding"] = json!({ "file": { "contentType": UPLOAD_MEDIA_TYPES } });
    }
    for (name, mut rules) in rules() {
        let schema = &mut spec["components"]["schemas"][name];
        if !schema.is_object() {
            continue;
        }
        let properties: Vec<String> = schema["properties"]
            .as_object()
            .map(|p| p.keys().cloned().collect())
            .unwrap_or_default();
        for rule in &mut rules {
            for key in ["then", "else"] {
                if let Some(branch) = rule.get_mut(key) {
                    cover(branch, &properties);
                }
            }
            if let Some(branches) = rule.get_mut("anyOf").and_then(Value::as_array_mut) {
                branches.iter_mut().for_each(|b| cover(b, &properties));
            }
        }
        let all = schema["allOf"].as_array().cloned().unwrap_or_default();
        schema["allOf"] = Value::Array(all.into_iter().chain(rules).collect());
    }
}
