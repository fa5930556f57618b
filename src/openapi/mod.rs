//! The OpenAPI document, generated from the routes themselves.
//!
//! utoipa collects the operations from the handlers' attributes; then
//! [`errors`] completes every operation's problem responses with the codes
//! they carry, and [`finish`] adds what utoipa does not express (explicit
//! empty security on public operations, binary bodies, links from lookup to
//! the operations its tokens open).
//!
//! `openapi/openapi.json` is this document, committed; a test fails when it
//! differs (regenerate with `cargo run -- openapi --output openapi/openapi.json`).

mod errors;
mod links;
mod rules;
mod webhooks;

use actix_web::App;
use serde_json::{Value, json};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, OpenApi as Spec, RefOr, ResponseBuilder};
use utoipa::{Modify, OpenApi};
use utoipa_actix_web::AppExt;

/// Root of the document: info, tags, shared components and security schemes.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "returns-api",
        description = "A headless returns API: portal settings, parcel lookup, service points, returns and labels.\n\n\
Errors are `application/problem+json` with a stable `code` and per-field `errors`. \
Every response carries `X-Request-Id`.",
        license(name = "Apache-2.0", identifier = "Apache-2.0"),
        contact(name = "returns-api maintainers"),
    ),
    servers(
        (url = "http://127.0.0.1:8080", description = "A local server (`returns-api serve --demo`)"),
    ),
    components(schemas(
        crate::error::Problem,
        crate::error::FieldError,
        crate::domain::service_points::CarrierCode
    )),
    tags(
        (name = "portal", description = "Customer-facing endpoints for a brand's returns portal"),
        (name = "brands", description = "Brands (merchant API key)"),
        (name = "returns settings", description = "A brand's returns policy (merchant API key)"),
        (name = "orders", description = "Order ingestion (merchant API key)"),
        (name = "returns", description = "Return review and processing (merchant API key)"),
        (name = "vendor", description = "A vendor's own routes (vendor API key): its parts of one brand's returns — approve or reject, receive, complete — and its own webhook endpoints, which hear of its parts only. Nothing else exists for a vendor key."),
        (name = "webhook endpoints", description = "Webhook endpoints, signing secrets and the delivery log (merchant API key). The events themselves are under `webhooks` at the top of this document; this tag is not named `webhooks` so that no generator mixes the two up."),
        (name = "vendors", description = "A brand's vendors (marketplace sellers) and their API keys (merchant API key)"),
        (name = "catalogue", description = "A brand's products, their variants and stock: what exchanges may offer (merchant API key)"),
        (name = "warehouse", description = "Receipts by scan, each received unit's disposition, and the inventory ledger a WMS or ERP pulls (merchant API key)"),
        (name = "reports", description = "Reports of a brand's returns: counts, units, value and rates by reason, SKU, product, vendor, resolution, disposition, country or day (merchant API key)"),
        (name = "labels", description = "Self-authenticating label URLs handed out with returns"),
        (name = "photos", description = "Self-authenticating links to customers' photos, handed out by a return's photo list"),
        (name = "carriers", description = "Calls from carriers, signed with their tracking secret from `CARRIER_CONFIG`"),
        (name = "operations", description = "Health, readiness, metrics and operator imports"),
    ),
    modifiers(&Security),
)]
pub struct ApiDoc;

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut Spec) {
        let components = openapi.components.get_or_insert_with(Default::default);
        let bearer = |description: &str, format: Option<&str>| {
            let mut http = HttpBuilder::new()
                .scheme(HttpAuthScheme::Bearer)
                .description(Some(description));
            if let Some(format) = format {
                http = http.bearer_format(format);
            }
            SecurityScheme::Http(http.build())
        };
        components.add_security_scheme(
            "api_key",
            bearer(
                "Merchant or admin API key (`rk_…`), created with `returns-api keys create`.",
                None,
            ),
        );
        components.add_security_scheme(
            "vendor_key",
            bearer(
                "Vendor API key (`rk_…`), created by the merchant with `POST /v1/brands/{brand}/vendors/{vendor_id}/keys` or `returns-api keys create --brand B --vendor V`: it sees only that vendor's parts of that brand's returns.",
                None,
            ),
        );
        components.add_security_scheme(
            "access_token",
            bearer("Portal access token from parcel lookup: returns of that one order of that one brand.", Some("JWT")),
        );
        components.add_security_scheme(
            "metrics_token",
            bearer(
                "`METRICS_TOKEN` of the server, when it sets one (`/metrics` is open otherwise).",
                None,
            ),
        );
        components.add_security_scheme(
            "service_points_token",
            bearer(
                "Service-points token from parcel lookup: service-point search for that brand.",
                Some("JWT"),
            ),
        );
    }
}

/// Every operation also documents its error shape as the `default` response.
struct ProblemDefault;

impl Modify for ProblemDefault {
    fn modify(&self, openapi: &mut Spec) {
        let problem = ResponseBuilder::new()
            .description("Error (`application/problem+json`, see `Problem.code`)")
            .content(
                "application/problem+json",
                ContentBuilder::new()
                    .schema(Some(RefOr::Ref(utoipa::openapi::Ref::from_schema_name(
                        "Problem",
                    ))))
                    .build(),
            )
            .build();
        for item in openapi.paths.paths.values_mut() {
            for op in [
                &mut item.get,
                &mut item.post,
                &mut item.put,
                &mut item.patch,
                &mut item.delete,
            ]
            .into_iter()
            .flatten()
            {
                op.responses
                    .responses
                    .entry("default".into())
                    .or_insert_with(|| RefOr::T(problem.clone()));
            }
        }
    }
}

/// The document as utoipa collects it from the handlers.
fn collected() -> Spec {
    let (_, mut api) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .configure(crate::routes::api)
        .split_for_parts();
    // Runs after the routes added their paths.
    ProblemDefault.modify(&mut api);
    api.info.version = env!("CARGO_PKG_VERSION").to_string();
    api
}

/// The complete document.
pub fn spec() -> Value {
    let mut spec =
        serde_json::to_value(collected()).unwrap_or_else(|e| json!({ "error": e.to_string() }));
    errors::complete(&mut spec);
    finish(&mut spec);
    links::add(&mut spec);
    rules::add(&mut spec);
    webhooks::add(&mut spec);
    spec
}

/// Media types whose bodies are bytes, not text.
fn is_binary(media_type: &str) -> bool {
    media_type == "application/pdf"
        || media_type == "image/png"
        || media_type == "image/jpeg"
        || media_type == "image/webp"
        || media_type == "application/octet-stream"
}

/// What utoipa's attributes do not say: operations without a credential
/// say so (`security: []`), binary bodies are binary strings, and an
/// optional parameter is optional by its absence, never `null` (utoipa
/// types an `Option` as nullable, and every generated client would then
/// accept a null `Idempotency-Key`).
fn finish(spec: &mut Value) {
    let Some(paths) = spec["paths"].as_object_mut() else {
        return;
    };
    for item in paths.values_mut() {
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for op in item.values_mut() {
            if op.get("security").is_none() {
                op["security"] = json!([]);
            }
            // A one-paragraph doc comment is all summary: it is the
            // description too.
            if op.get("description").is_none()
                && let Some(summary) = op.get("summary").cloned()
            {
                op["description"] = summary;
            }
            if let Some(parameters) = op.get_mut("parameters").and_then(Value::as_array_mut) {
                parameters.iter_mut().for_each(not_null);
            }
            let Some(responses) = op["responses"].as_object_mut() else {
                continue;
            };
            for response in responses.values_mut() {
                let Some(content) = response.get_mut("content").and_then(Value::as_object_mut)
                else {
                    continue;
                };
                for (media_type, body) in content.iter_mut() {
                    if is_binary(media_type) {
                        body["schema"] = json!({ "type": "string", "format": "binary" });
                    } else if media_type.starts_with("image/svg") {
                        body["schema"] = json!({ "type": "string" });
                    }
                }
            }
        }
    }
}

/// A parameter's schema without `null` among its types.
fn not_null(parameter: &mut Value) {
    let Some(types) = parameter
        .get_mut("schema")
        .and_then(|schema| schema.get_mut("type"))
    else {
        return;
    };
    if let Some(list) = types.as_array() {
        let kept: Vec<Value> = list.iter().filter(|t| *t != "null").cloned().collect();
        *types = match kept.as_slice() {
            [one] => one.clone(),
            _ => Value::Array(kept),
        };
    }
}

/// The document as pretty JSON with a trailing newline (the committed form).
pub fn spec_json() -> String {
    let mut json =
        serde_json::to_string_pretty(&spec()).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    json.push('\n');
    json
}
