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
    for scheme in ["api_key", "access_token", "service_points_token"] {
        assert!(
            spec["components"]["securitySchemes"][scheme].is_object(),
            "{scheme}"
        );
    }
    // Label URLs carry their own credential: a required `token` parameter.
    for path in [
        "/v1/labels/{id}",
        "/v1/labels/{id}/download",
        "/v1/labels/{id}/qr",
    ] {
        let params = spec["paths"][path]["get"]["parameters"].as_array().unwrap();
        assert!(
            params
                .iter()
                .any(|p| p["name"] == "token" && p["in"] == "query" && p["required"] == true),
            "{path}"
        );
    }
}

#[test]
fn every_error_code_an_operation_documents_is_one_of_the_codes() {
    let spec: serde_json::Value = serde_json::from_str(&returns_api::openapi::spec_json()).unwrap();
    let codes: Vec<&str> = spec["components"]["schemas"]["ErrorCode"]["enum"]
        .as_array()
        .expect("the ErrorCode enum is in the spec")
        .iter()
        .filter_map(|c| c.as_str())
        .collect();
    assert!(codes.len() > 50, "{codes:?}");
    let mut documented = 0;
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            for (status, response) in op["responses"].as_object().unwrap() {
                if !(status.starts_with('4') || status.starts_with('5')) {
                    continue;
                }
                let text = response["description"].as_str().unwrap_or_default();
                // Backticked snake_case words in an error response name codes.
                for word in text.split('`').skip(1).step_by(2) {
                    if word.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                        && word.contains('_')
                    {
                        assert!(
                            codes.contains(&word),
                            "{method} {path} {status} documents `{word}`, which is no error code"
                        );
                        documented += 1;
                    }
                }
            }
        }
    }
    assert!(documented > 20, "only {documented} codes documented");
}

#[test]
fn every_pattern_the_spec_states_is_a_valid_regex_and_codes_use_the_domain_pattern() {
    fn walk(value: &serde_json::Value, at: &str, found: &mut Vec<(String, String)>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, v) in map {
                    if key == "pattern" {
                        if let Some(p) = v.as_str() {
                            found.push((at.to_string(), p.to_string()));
                        }
                    }
                    walk(v, &format!("{at}/{key}"), found);
                }
            }
            serde_json::Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    walk(v, &format!("{at}/{i}"), found);
                }
            }
            _ => {}
        }
    }
    let spec: serde_json::Value = serde_json::from_str(&returns_api::openapi::spec_json()).unwrap();
    let mut found = Vec::new();
    walk(&spec, "", &mut found);
    assert!(found.len() > 10, "{found:?}");
    for (at, pattern) in &found {
        assert!(regex::Regex::new(pattern).is_ok(), "{at}: {pattern}");
    }
    let schemas = &spec["components"]["schemas"];
    for schema in ["ReturnReason", "ConditionCode"] {
        assert_eq!(
            schemas[schema]["properties"]["code"]["pattern"],
            returns_api::domain::settings::CODE_PATTERN,
            "{schema}.code"
        );
    }
    assert_eq!(
        schemas["Locale"]["pattern"],
        returns_api::domain::settings::LOCALE_PATTERN
    );
}
