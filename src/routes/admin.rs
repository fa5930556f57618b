//! Operator endpoints (admin API key): carrier network and postal-code
//! centroid imports.

use actix_web::http::header;
use actix_web::{HttpRequest, post, web};
use futures_util::StreamExt;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::auth::Merchant;
use crate::db::Db;
use crate::db::service_points::ImportSummary;
use crate::domain::service_points::{
    ImportErrors, JsonImport, ValidPoint, from_csv, from_json, validate_all,
};
use crate::error::{ApiError, FieldError};
use crate::startup::AppState;

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

/// The import format, from `Content-Type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `text/csv`.
    Csv,
    /// `application/json`.
    Json,
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
            actix_web::http::StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "Send the file as text/csv or application/json.",
        )),
    }
}

async fn read_body(mut payload: web::Payload, limit: usize) -> Result<web::Bytes, ApiError> {
    let mut body = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| {
            ApiError::bad_request("invalid_body", format!("The body could not be read: {e}"))
        })?;
        if body.len() + chunk.len() > limit {
            return Err(ApiError::new(
                actix_web::http::StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                format!("The file exceeds {limit} bytes."),
            ));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}

fn import_errors(e: ImportErrors) -> ApiError {
    let shown = e.errors.len();
    let mut err = ApiError::validation(e.errors);
    if e.total > shown {
        err = ApiError::unprocessable(
            "validation_failed",
            format!(
                "{} errors; the first {shown} are listed. Nothing was imported.",
                e.total
            ),
        )
        .with_errors(err.errors().to_vec());
    }
    err
}

/// Parses and validates an import file; nothing is written.
pub fn parse_points(format: Format, bytes: &[u8]) -> Result<Vec<ValidPoint>, ApiError> {
    let inputs = match format {
        Format::Csv => from_csv(bytes).map_err(import_errors)?,
        Format::Json => from_json(crate::routes::extract::parse_json::<JsonImport>(bytes)?),
    };
    if inputs.is_empty() {
        return Err(ApiError::validation(vec![FieldError::new(
            "",
            "empty_import",
            "the file holds no service points",
        )]));
    }
    validate_all(inputs).map_err(import_errors)
}

/// Writes validated points in one transaction (API and CLI).
pub async fn import_points(
    db: &Db,
    points: Vec<ValidPoint>,
    replace: bool,
) -> Result<ImportSummary, ApiError> {
    db.write(move |conn| crate::db::service_points::import(conn, &points, replace))
        .await
}

/// Imports (upserts by `carrier` + `code`) a carrier network from CSV or
/// JSON. All or nothing: a file with any bad row changes nothing and every
/// error names its row (`rows[LINE].field` for CSV, `service_points[i].field`
/// for JSON) and field. Every node rebuilds its index within seconds.
#[utoipa::path(
    tag = "operations",
    params(ImportQuery),
    request_body(content(
        (JsonImport = "application/json"),
        (String = "text/csv", example = "carrier,code,name,street,postal_code,city,country,latitude,longitude,supports_labelless,house_number,phone,shop_type,timezone,mon,tue,wed,thu,fri,sat,sun\npostnl,NL-1,Bruna,Damrak,1012LG,Amsterdam,NL,52.3765,4.8983,true,1,,bookstore,,09:00-18:00,09:00-18:00,09:00-18:00,09:00-18:00,09:00-21:00,09:00-17:00,"),
    )),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "Imported", body = ImportSummary),
        (status = 403, description = "Not an admin key", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 415, description = "Neither CSV nor JSON", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Bad rows (nothing imported)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/v1/service-points/import")]
pub async fn import_service_points(
    state: web::Data<AppState>,
    merchant: Merchant,
    req: HttpRequest,
    query: web::Query<ImportQuery>,
    payload: web::Payload,
) -> Result<web::Json<ImportSummary>, ApiError> {
    merchant.require_admin()?;
    let format = format_of(&req)?;
    let body = read_body(payload, MAX_IMPORT_BYTES).await?;
    let points = crate::db::blocking(move || parse_points(format, &body)).await?;
    let summary = import_points(&state.db, points, query.replace).await?;
    // This node rebuilds at once; the others on their next poll.
    if let Err(e) = state.points.refresh(&state.db).await {
        tracing::warn!(error = %e, "index refresh after import failed");
    }
    Ok(web::Json(summary))
}

/// One postal-code centroid.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CentroidInput {
    /// ISO alpha-2 country.
    pub country: String,
    /// Postal code or its leading part (e.g. `1012` for all of `1012 AB`…`1012 ZZ`).
    pub postal_code: String,
    /// Latitude.
    pub latitude: f64,
    /// Longitude.
    pub longitude: f64,
}

/// Result of a centroid import.
#[derive(Debug, Serialize, ToSchema)]
pub struct CentroidSummary {
    /// Centroids written.
    pub imported: usize,
}

/// Validates centroids (rows from CSV or JSON) into `(country, key, lat, lon)`.
pub fn parse_centroids(
    format: Format,
    bytes: &[u8],
) -> Result<Vec<(String, String, f64, f64)>, ApiError> {
    let rows: Vec<(String, CentroidInput)> = match format {
        Format::Json => crate::routes::extract::parse_json::<Vec<CentroidInput>>(bytes)?
            .into_iter()
            .enumerate()
            .map(|(i, c)| (format!("[{i}]"), c))
            .collect(),
        Format::Csv => {
            let mut reader = csv::ReaderBuilder::new()
                .trim(csv::Trim::All)
                .from_reader(bytes);
            let mut out = Vec::new();
            for (i, rec) in reader.deserialize::<CentroidInput>().enumerate() {
                match rec {
                    Ok(c) => out.push((format!("rows[{}]", i + 2), c)),
                    Err(e) => {
                        return Err(ApiError::validation(vec![FieldError::new(
                            format!("rows[{}]", i + 2),
                            "invalid_csv",
                            e.to_string(),
                        )]));
                    }
                }
            }
            out
        }
    };
    let mut errors = Vec::new();
    let mut out = Vec::with_capacity(rows.len());
    for (path, c) in rows {
        let key = crate::domain::contact::postal_key(&c.postal_code);
        if !crate::domain::settings::is_country(&c.country) {
            errors.push(FieldError::new(
                format!("{path}.country"),
                "invalid_country",
                "ISO alpha-2",
            ));
        } else if key.len() < 2 || key.len() > 12 {
            errors.push(FieldError::new(
                format!("{path}.postal_code"),
                "invalid_postal_code",
                "2–12 letters or digits",
            ));
        } else if !crate::domain::geo::valid_position(c.latitude, c.longitude) {
            errors.push(FieldError::new(
                format!("{path}.latitude"),
                "out_of_range",
                "latitude ±90, longitude ±180",
            ));
        } else {
            out.push((c.country, key, c.latitude, c.longitude));
        }
        if errors.len() >= crate::domain::service_points::MAX_REPORTED_ERRORS {
            break;
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(ApiError::validation(errors))
    }
}

/// Imports postal-code centroids (CSV `country,postal_code,latitude,longitude`
/// or a JSON array). Lookup uses them to place orders that have no
/// coordinates; a code is matched exactly or by its longest stored prefix.
#[utoipa::path(
    tag = "operations",
    request_body(content(
        (Vec<CentroidInput> = "application/json"),
        (String = "text/csv", example = "country,postal_code,latitude,longitude\nNL,1012,52.3740,4.8970"),
    )),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "Imported", body = CentroidSummary),
        (status = 403, description = "Not an admin key", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Bad rows (nothing imported)", body = crate::error::Problem, content_type = "application/problem+json"),
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
    let body = read_body(payload, 64 * 1024 * 1024).await?;
    let rows = crate::db::blocking(move || parse_centroids(format, &body)).await?;
    let imported = state
        .db
        .write(move |conn| crate::db::service_points::upsert_centroids(conn, &rows))
        .await?;
    Ok(web::Json(CentroidSummary { imported }))
}
