//! Operator endpoints (admin API key): carrier network and postal-code
//! centroid imports.

use actix_web::http::header;
use actix_web::{HttpRequest, post, web};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::app::AppState;
use crate::app::keys::Merchant;
use crate::app::service_points::{
    CentroidInput, CentroidSummary, Format, ImportSummary, JsonImport,
};
use crate::error::{ApiError, ErrorCode};
use crate::routes::extract::{declared_length, read_limited};
use crate::routes::query::Query;

/// Largest import body (a national network as CSV fits comfortably).
pub const MAX_IMPORT_BYTES: usize = 512 * 1024 * 1024;

/// Options of a network import.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// Deactivate the points of every carrier in the file that the file does not contain.
    #[serde(default)]
    pub replace: bool,
}

fn format_of(req: &HttpRequest) -> Result<Format, ApiError> {
    let ct = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match ct.as_str() {
        "text/csv" | "application/csv" => Ok(Format::Csv),
        "application/json" => Ok(Format::Json),
        _ => Err(ApiError::new(
            ErrorCode::UnsupportedMediaType,
            "Send the file as text/csv or application/json.",
        )),
    }
}

/// Imports (upserts by `carrier` + `code`) a carrier network from CSV or
/// JSON. All or nothing: a file with any bad row changes nothing and every
/// error names its row (`rows[LINE].field` for CSV, `service_points[i].field`
/// for JSON) and field. Every node rebuilds its index within seconds.
#[utoipa::path(
    operation_id = "admin_import_service_points",
    tag = "operations",
    params(ImportQuery),
    request_body(content(
        (JsonImport = "application/json"),
        (String = "text/csv", example = "carrier,code,name,street,postal_code,city,country,latitude,longitude,supports_labelless,house_number,phone,shop_type,timezone,mon,tue,wed,thu,fri,sat,sun\npostnl,NL-1,Bruna,Damrak,1012LG,Amsterdam,NL,52.3765,4.8983,true,1,,bookstore,,09:00-18:00,09:00-18:00,09:00-18:00,09:00-18:00,09:00-21:00,09:00-17:00,"),
    )),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "Imported", body = ImportSummary),
        (status = 403, description = "Not an admin key (`admin_required`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 415, description = "Neither CSV nor JSON (`unsupported_media_type`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Bad rows, nothing imported (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/v1/service-points/import")]
pub async fn import_service_points(
    state: web::Data<AppState>,
    merchant: Merchant,
    req: HttpRequest,
    query: Query<ImportQuery>,
    payload: web::Payload,
) -> Result<web::Json<ImportSummary>, ApiError> {
    merchant.require_admin()?;
    let format = format_of(&req)?;
    let body = read_limited(payload, declared_length(&req), MAX_IMPORT_BYTES).await?;
    Ok(web::Json(
        crate::app::service_points::import(&state, format, body, query.replace).await?,
    ))
}

/// Imports postal-code centroids (CSV `country,postal_code,latitude,longitude`
/// or a JSON array). Lookup uses them to place orders that have no
/// coordinates; a code is matched exactly or by its longest stored prefix.
#[utoipa::path(
    operation_id = "admin_import_postal_centroids",
    tag = "operations",
    request_body(content(
        (Vec<CentroidInput> = "application/json"),
        (String = "text/csv", example = "country,postal_code,latitude,longitude\nNL,1012,52.3740,4.8970"),
    )),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "Imported", body = CentroidSummary),
        (status = 403, description = "Not an admin key (`admin_required`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 415, description = "Neither CSV nor JSON (`unsupported_media_type`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Bad rows, nothing imported (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/v1/postal-centroids/import")]
pub async fn import_centroids(
    state: web::Data<AppState>,
    merchant: Merchant,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<web::Json<CentroidSummary>, ApiError> {
    merchant.require_admin()?;
    let format = format_of(&req)?;
    let body = read_limited(payload, declared_length(&req), 64 * 1024 * 1024).await?;
    Ok(web::Json(
        crate::app::service_points::import_centroids(&state.db, format, body).await?,
    ))
}
