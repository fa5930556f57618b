//! The OpenAPI document, generated from the routes themselves.
//!
//! `openapi/openapi.json` is this document, committed; a test fails when it
//! differs (regenerate with `cargo run -- openapi --output openapi/openapi.json`).

use actix_web::App;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
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
    ),
    components(schemas(crate::error::Problem, crate::error::FieldError)),
    tags(
        (name = "portal", description = "Customer-facing endpoints for a brand's returns portal"),
        (name = "brands", description = "Brands (merchant API key)"),
        (name = "returns settings", description = "A brand's returns policy (merchant API key)"),
        (name = "orders", description = "Order ingestion (merchant API key)"),
        (name = "returns", description = "Return review and processing (merchant API key)"),
        (name = "labels", description = "Self-authenticating label URLs handed out with returns"),
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
            "access_token",
            bearer("Portal access token from parcel lookup: returns of that one order of that one brand.", Some("JWT")),
        );
        components.add_security_scheme(
            "service_points_token",
            bearer(
                "Service-points token from parcel lookup: service-point search for that brand.",
                Some("JWT"),
            ),
        );
        components.add_security_scheme(
            "label_token",
            SecurityScheme::ApiKey(ApiKey::Query(ApiKeyValue::with_description(
                "token",
                "Signed token embedded in `poll_url` / `download_url` / `qr_code_url`, valid for one label.",
            ))),
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

/// The complete document.
pub fn spec() -> Spec {
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

/// The document as pretty JSON with a trailing newline (the committed form).
pub fn spec_json() -> String {
    let mut json = spec()
        .to_pretty_json()
        .unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    json.push('\n');
    json
}
