//! Property tests: every parser and normalizer of the domain answers any
//! input, however broken, with a value or field errors, and never panics.
//!
//! Inputs come in two kinds: arbitrary text (all of Unicode, including
//! multi-byte and combining characters and control codes), and valid
//! documents (an order, Returns Settings, a brand, a service-point import)
//! with a few of their values replaced by arbitrary ones, which reach the
//! rules behind the shape checks.

use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{Value, json};

use super::{brand, contact, lookup, opening_hours, orders, review, service_points, settings};
use super::{codes, urls, webhooks};

/// Arbitrary text, biased towards short strings and the characters that
/// trip byte-slicing code.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9A-Za-z ]{0,12}",
        "[0-9A-Za-z\u{e9}\u{df}\u{2003}\u{1F600}\u{301} -]{0,12}",
        "\\PC{0,40}",
    ]
}

/// An arbitrary JSON leaf (or a small container).
fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        text().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        any::<bool>().prop_map(Value::from),
        Just(Value::Null),
        Just(json!([])),
        Just(json!({})),
        prop::collection::vec(text(), 0..3).prop_map(Value::from),
    ]
}

/// Paths (object keys and array indices) of every node of `doc`.
fn paths(doc: &Value) -> Vec<Vec<PathStep>> {
    fn walk(v: &Value, at: &mut Vec<PathStep>, out: &mut Vec<Vec<PathStep>>) {
        out.push(at.clone());
        match v {
            Value::Object(map) => {
                for (k, child) in map {
                    at.push(PathStep::Key(k.clone()));
                    walk(child, at, out);
                    at.pop();
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    at.push(PathStep::Index(i));
                    walk(child, at, out);
                    at.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(doc, &mut Vec::new(), &mut out);
    out
}

#[derive(Debug, Clone)]
enum PathStep {
    Key(String),
    Index(usize),
}

fn node_at<'a>(doc: &'a mut Value, path: &[PathStep]) -> Option<&'a mut Value> {
    path.iter().try_fold(doc, |v, step| match step {
        PathStep::Key(k) => v.get_mut(k.as_str()),
        PathStep::Index(i) => v.get_mut(*i),
    })
}

/// `doc` with one to four of its nodes replaced by arbitrary values (the
/// root excepted).
fn mutated(doc: Value) -> impl Strategy<Value = Value> {
    let all = paths(&doc);
    prop::collection::vec((any::<Index>(), leaf()), 1..5).prop_map(move |edits| {
        let mut doc = doc.clone();
        for (at, value) in edits {
            let path = &all[1 + at.index(all.len() - 1)];
            if let Some(node) = node_at(&mut doc, path) {
                *node = value;
            }
        }
        doc
    })
}

fn order() -> Value {
    json!({
        "number": "1001",
        "placed_at": "2026-11-20T10:00:00Z",
        "currency": "EUR",
        "customer": { "email": "ana@example.com", "phone": "+31 6 12345678", "name": "Ana" },
        "shipping_address": { "line1": "Stationsplein 1", "city": "Amsterdam",
            "postal_code": "1012 AB", "country": "NL", "latitude": 52.3791, "longitude": 4.9003 },
        "lines": [
            { "id": "L1", "sku": "TSHIRT-M", "name": "T-shirt", "quantity": 2,
              "unit_price": { "amount": 1999, "currency": "EUR" }, "returnable": true }
        ],
        "shipments": [
            { "tracking_number": "T-1", "carrier": "postnl", "status": "delivered",
              "shipped_at": "2026-11-21T10:00:00Z", "delivered_at": "2026-11-22T10:00:00Z",
              "lines": [ { "line_id": "L1", "quantity": 2 } ] }
        ]
    })
}

fn service_point() -> Value {
    json!({
        "carrier": "postnl", "code": "NL-1", "name": "Shop", "street": "Damrak",
        "house_number": "1", "postal_code": "1012 LG", "city": "Amsterdam", "country": "NL",
        "latitude": 52.37, "longitude": 4.89, "phone": "+31 20 1234567", "shop_type": "shop",
        "supports_labelless": true, "timezone": "Europe/Amsterdam",
        "opening_hours": { "0": ["09:00-12:00", "13:00-18:00"], "6": [] }
    })
}

const CSV_ROW: &str = "postnl,NL-1,Shop,Damrak,1012 LG,Amsterdam,NL,52.37,4.89,true,1,+31 20 1234567,shop,Europe/Amsterdam,09:00-18:00,09:00-18:00,,,,,";

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn contact_normalizers_answer_any_text(raw in text(), region in text(), country in prop_oneof![
        Just("NL".to_string()), Just("DE".to_string()), Just("GB".to_string()),
        Just("US".to_string()), Just("BE".to_string()), Just("FR".to_string()), text()
    ]) {
        let _ = contact::normalize_email(&raw);
        let _ = contact::normalize_phone(&raw, None);
        let _ = contact::normalize_phone(&raw, Some(&region));
        let _ = contact::postal_key(&raw);
        let _ = contact::postal_code_valid(&country, &raw);
        let _ = contact::identifier_key(&raw);
        let _ = contact::same(&raw, &region);
        let _ = lookup::identifier(&raw);
    }

    #[test]
    fn code_url_and_brand_checks_answer_any_text(raw in text(), others in prop::collection::vec(text(), 0..4)) {
        let _ = codes::is_code(&raw, 64);
        let _ = codes::is_carrier(&raw);
        let _ = codes::is_locale(&raw);
        let _ = codes::is_country(&raw);
        let _ = urls::is_web_url(&raw, true);
        let _ = urls::is_web_url(&raw, false);
        let _ = brand::check_slug(&raw);
        let _ = brand::normalize_domain(&raw);
        let _ = brand::normalize_origins(&others);
        let _ = brand::origin_allowed(&others, &raw);
        let _ = webhooks::check_url(&raw, false);
        let _ = webhooks::check_url(&raw, true);
        let _ = webhooks::check_description(&raw);
        let _ = opening_hours::default_timezone(&raw);
        let _ = super::money::Currency::parse(&raw);
        let _ = super::events::EventType::parse(&raw);
        let _ = super::labels::LabelStatus::parse(&raw);
        let _ = super::return_status::ReturnStatus::parse(&raw);
        let _ = super::tracking::TrackingStatus::parse(&raw);
    }

    #[test]
    fn opening_hours_answer_any_table(table in prop::collection::btree_map(
        prop_oneof![Just("0".to_string()), Just("6".to_string()), Just("mon".to_string()), text()],
        prop::collection::vec(prop_oneof!["[0-9]{1,2}:[0-9]{1,2}-[0-9]{1,2}:[0-9]{1,2}", text()], 0..4),
        0..5,
    )) {
        let _ = opening_hours::WeeklyHours::parse(&table);
    }

    #[test]
    fn an_order_with_arbitrary_values_is_normalized_or_refused(doc in mutated(order()), region in text()) {
        if let Ok(mut order) = serde_json::from_value::<orders::Order>(doc) {
            let _ = order.normalize(Some(&region));
            let _ = order.normalize(None);
            let _ = orders::check_batch(std::slice::from_ref(&order));
            let _ = order.postal_key();
        }
    }

    #[test]
    fn returns_settings_with_arbitrary_values_are_checked(doc in mutated(
        serde_json::to_value(settings::ReturnsSettings::default()).expect("settings serialize")
    ), locale in text(), accept in text()) {
        if let Ok(s) = serde_json::from_value::<settings::ReturnsSettings>(doc) {
            let _ = s.check();
            let _ = s.negotiate_locale(Some(&locale), Some(&accept));
            let _ = s.unknown_condition(Some(&locale), "condition");
            let _ = s.enabled_carriers();
        }
    }

    #[test]
    fn brands_with_arbitrary_values_are_checked(doc in mutated(json!({
        "slug": "acme", "name": "Acme", "custom_domain": "shop.example.com",
        "allowed_origins": ["https://shop.example.com"],
        "theme": { "primary_color": "#112233", "accent_color": "#2563eb", "background_color": "#ffffff",
            "font_family": "Inter", "logo_url": "https://cdn.example.com/l.png" }
    }))) {
        if let Ok(b) = serde_json::from_value::<brand::CreateBrand>(doc.clone()) {
            let _ = b.check();
        }
        if let Ok(b) = serde_json::from_value::<brand::UpdateBrand>(doc) {
            let _ = b.check();
        }
    }

    #[test]
    fn resolutions_with_arbitrary_values_are_checked(doc in mutated(json!({
        "type": "refund", "amount": { "amount": 1999, "currency": "EUR" },
        "exchange_order_reference": "X-1", "note": "ok"
    })), currency in text()) {
        if let Ok(r) = serde_json::from_value::<review::ResolutionGiven>(doc) {
            let _ = r.check(&currency);
            let _ = r.check("EUR");
        }
    }

    #[test]
    fn a_json_service_point_import_with_arbitrary_values_is_parsed_or_refused(doc in mutated(
        json!({ "service_points": [service_point(), service_point()] })
    )) {
        let bytes = serde_json::to_vec(&doc).expect("json");
        let _ = service_points::parse_points(service_points::Format::Json, &bytes);
    }

    #[test]
    fn a_csv_service_point_import_of_any_bytes_is_parsed_or_refused(
        bytes in prop::collection::vec(any::<u8>(), 0..300),
        cells in prop::collection::vec((any::<Index>(), text()), 1..4),
    ) {
        let _ = service_points::parse_points(service_points::Format::Csv, &bytes);
        let mut row: Vec<String> = CSV_ROW.split(',').map(str::to_string).collect();
        for (at, value) in cells {
            let i = at.index(row.len());
            row[i] = value.replace([',', '"', '\n', '\r'], " ");
        }
        let csv = format!("{}\n{}\n", service_points::csv_header(), row.join(","));
        let _ = service_points::parse_points(service_points::Format::Csv, csv.as_bytes());
    }
}

#[test]
fn the_sample_documents_are_valid() {
    let mut order: orders::Order = serde_json::from_value(order()).expect("order");
    assert!(order.normalize(None).is_empty());
    let csv = format!("{}\n{CSV_ROW}\n", service_points::csv_header());
    let points = service_points::parse_points(service_points::Format::Csv, csv.as_bytes());
    assert_eq!(points.expect("csv").len(), 1);
    let json = serde_json::to_vec(&json!([service_point()])).expect("json");
    let points = service_points::parse_points(service_points::Format::Json, &json);
    assert_eq!(points.expect("json import").len(), 1);
    let brand: brand::CreateBrand = serde_json::from_value(json!({
        "slug": "acme", "name": "Acme", "custom_domain": "shop.example.com",
        "allowed_origins": ["https://shop.example.com"],
        "theme": { "primary_color": "#112233", "accent_color": "#2563eb", "background_color": "#ffffff",
            "font_family": "Inter", "logo_url": "https://cdn.example.com/l.png" }
    }))
    .expect("brand");
    brand.check().expect("valid brand");
}
