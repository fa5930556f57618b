//! `GET/PUT /v1/brands/{brand}/returns-settings` with ETag / If-Match.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, put, web};

use crate::app::AppState;
use crate::app::keys::Merchant;
use crate::app::settings::ReturnsSettings;
use crate::error::{ApiError, ErrorCode};
use crate::routes::extract::Json;

fn etag(version: i64) -> String {
    format!("\"s{version}\"")
}

/// The version named by `If-Match` (`None` for `*`); 428 when it is missing.
fn if_match(req: &HttpRequest) -> Result<Option<i64>, ApiError> {
    let Some(value) = req
        .headers()
        .get(header::IF_MATCH)
        .and_then(|v| v.to_str().ok())
    else {
        return Err(ApiError::new(
            ErrorCode::PreconditionRequired,
            "Send the ETag of the settings you edited in If-Match (or `*` to overwrite).",
        ));
    };
    if value.trim() == "*" {
        return Ok(None);
    }
    // The first entity tag that this API could have issued decides.
    let version = value
        .split(',')
        .map(|t| t.trim().trim_start_matches("W/").trim_matches('"'))
        .find_map(|t| t.strip_prefix('s').and_then(|v| v.parse::<i64>().ok()));
    Ok(Some(version.unwrap_or(-1)))
}

/// The brand's Returns Settings. The `ETag` header identifies this version.
#[utoipa::path(
    operation_id = "merchant_get_returns_settings",
    tag = "returns settings",
    params(("brand" = String, Path, description = "Brand slug")),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "The settings", body = ReturnsSettings,
         headers(("ETag" = String, description = "Version, for If-Match on PUT"))),
    )
)]
#[get("/{brand}/returns-settings")]
pub async fn get_settings(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let (settings, version) = crate::app::settings::get(&state, &merchant, &path).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(version)))
        .insert_header((header::CACHE_CONTROL, "no-cache"))
        .json(settings))
}

/// The spec's example of a settings document: what a new brand starts with.
fn settings_example() -> ReturnsSettings {
    ReturnsSettings::default()
}

/// Replaces the brand's Returns Settings as a whole. The document is
/// validated as a whole (every error with its field path); unknown fields are
/// rejected. `If-Match` must carry the ETag of the version being replaced.
#[utoipa::path(
    operation_id = "merchant_replace_returns_settings",
    tag = "returns settings",
    params(
        ("brand" = String, Path, description = "Brand slug"),
        ("If-Match" = String, Header, description = "ETag from GET, or `*`"),
    ),
    request_body(content = ReturnsSettings, example = settings_example),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "Saved", body = ReturnsSettings,
         headers(("ETag" = String, description = "The new version"))),
        (status = 412, description = "Changed since read (`precondition_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid settings, one error per field (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 428, description = "`If-Match` missing (`precondition_required`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[put("/{brand}/returns-settings")]
pub async fn put_settings(
    state: web::Data<AppState>,
    merchant: Merchant,
    req: HttpRequest,
    path: web::Path<String>,
    body: Json<ReturnsSettings>,
) -> Result<HttpResponse, ApiError> {
    let expected = if_match(&req)?;
    let settings = body.0;
    let version =
        crate::app::settings::replace(&state, &merchant, &path, settings.clone(), expected).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(version)))
        .json(settings))
}
