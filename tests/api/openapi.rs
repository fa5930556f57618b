//! The committed spec equals the one the code generates.

#[test]
fn the_committed_openapi_document_matches_the_code() {
    let generated = returns_api::openapi::spec_json();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/openapi/openapi.json");
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    if committed != generated {
        panic!(
            "openapi/openapi.json is out of date; regenerate it with:\n\n    \
             cargo run -- openapi --output openapi/openapi.json\n"
        );
    }
}

#[test]
fn every_operation_is_documented_with_a_summary_and_an_error_shape() {
    let spec: serde_json::Value = serde_json::from_str(&returns_api::openapi::spec_json()).unwrap();
    let paths = spec["paths"].as_object().unwrap();
    assert!(paths.len() >= 7);
    for (path, item) in paths {
        for (method, op) in item.as_object().unwrap() {
            assert!(
                op["summary"].is_string() || op["description"].is_string(),
                "{method} {path} has no text"
            );
            assert!(
                op["responses"]["default"].is_object(),
                "{method} {path} has no default error"
            );
        }
    }
    for scheme in [
        "api_key",
        "access_token",
        "service_points_token",
        "label_token",
    ] {
        assert!(
            spec["components"]["securitySchemes"][scheme].is_object(),
            "{scheme}"
        );
    }
}
