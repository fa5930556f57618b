//! Self-authenticating label URLs: poll, download the PDF, show the QR code.
//!
//! Each URL carries `?token=…`, a signed, expiring token bound to that one
//! label (scope `label`, subject the label id). A wrong, expired or another
//! label's token is a 401.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::auth::tokens::{LABEL_AUDIENCE, Scope};
use crate::db::returns::LabelRow;
use crate::error::ApiError;
use crate::routes::return_view::LabelStatus;
use crate::startup::AppState;

/// The `token` of a label URL.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LabelToken {
    /// Signed token from the URL the API handed out.
    pub token: Option<String>,
}

/// Poll answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct LabelPoll {
    /// `pending`, `ready`, `failed` or `cancelled`.
    pub status: LabelStatus,
    /// The PDF (printed labels), when ready.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub download_url: Option<String>,
    /// The QR code (label-less returns), when ready.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qr_code_url: Option<String>,
    /// The code the QR encodes, when ready (label-less returns).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dropoff_code: Option<String>,
    /// Tracking number, when ready.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tracking_number: Option<String>,
    /// Carrier.
    pub carrier: String,
    /// `label_failed` or `label_cancelled`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Why it failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

async fn authorized(
    state: &AppState,
    id: &str,
    token: &Option<String>,
) -> Result<LabelRow, ApiError> {
    let invalid =
        || ApiError::unauthorized("invalid_token", "This label link is invalid or expired.");
    let token = token.as_deref().ok_or_else(invalid)?;
    let claims = state.keys.verify(&state.db, token, LABEL_AUDIENCE).await?;
    if claims.scope != Scope::Label || claims.sub != id {
        return Err(invalid());
    }
    let label_id = id.to_string();
    let label = state
        .db
        .read(move |conn| crate::db::labels::by_id(conn, &label_id))
        .await?;
    label
        .filter(|l| l.brand_id == claims.brand)
        .ok_or_else(invalid)
}

/// The label's state: 202 while pending (with `Retry-After`), 200 when ready
/// with the download / QR URLs and the tracking number, 422 `label_failed`
/// when the carrier refused it for good, 410 when the return was cancelled.
#[utoipa::path(
    tag = "labels",
    params(("id" = String, Path, description = "Label id"), LabelToken),
    security(("label_token" = [])),
    responses(
        (status = 200, description = "Ready", body = LabelPoll),
        (status = 202, description = "Pending; poll again after `Retry-After` seconds", body = LabelPoll),
        (status = 401, description = "Wrong or expired token", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 410, description = "Cancelled with its return", body = LabelPoll),
        (status = 422, description = "Failed for good (`label_failed`, reason in `detail`)", body = LabelPoll),
    )
)]
#[get("/v1/labels/{id}")]
pub async fn poll(
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: web::Query<LabelToken>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let label = authorized(&state, &id, &query.token).await?;
    let token = query.token.clone().unwrap_or_default();
    let base = format!("{}/v1/labels/{}", state.public_url, label.id);
    let mut body = LabelPoll {
        status: LabelStatus::Pending,
        download_url: None,
        qr_code_url: None,
        dropoff_code: None,
        tracking_number: None,
        carrier: label.carrier.clone(),
        code: None,
        detail: None,
    };
    let response = match label.status.as_str() {
        "ready" => {
            body.status = LabelStatus::Ready;
            body.tracking_number = label.tracking_number.clone();
            if label.kind == "qr" {
                body.qr_code_url = Some(format!("{base}/qr?token={token}"));
                body.dropoff_code = label.dropoff_code.clone();
            } else {
                body.download_url = Some(format!("{base}/download?token={token}"));
            }
            HttpResponse::Ok().json(body)
        }
        "failed" => {
            body.status = LabelStatus::Failed;
            body.code = Some("label_failed".into());
            body.detail = label.error.clone();
            HttpResponse::UnprocessableEntity().json(body)
        }
        "cancelled" => {
            body.status = LabelStatus::Cancelled;
            body.code = Some("label_cancelled".into());
            body.detail = Some("The return was cancelled.".into());
            HttpResponse::Gone().json(body)
        }
        _ => HttpResponse::Accepted()
            .insert_header((header::RETRY_AFTER, "1"))
            .json(body),
    };
    let mut response = response;
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    Ok(response)
}

fn not_ready() -> ApiError {
    ApiError::conflict(
        "label_not_ready",
        "The label is not ready; poll its URL until it is.",
    )
}

/// The printable label (A6 PDF with a Code 128 tracking barcode).
#[utoipa::path(
    tag = "labels",
    params(("id" = String, Path, description = "Label id"), LabelToken),
    security(("label_token" = [])),
    responses(
        (status = 200, description = "The PDF", content_type = "application/pdf", body = Vec<u8>),
        (status = 401, description = "Wrong or expired token", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "A label-less return has no PDF (`no_pdf`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not ready yet (`label_not_ready`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/v1/labels/{id}/download")]
pub async fn download(
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: web::Query<LabelToken>,
) -> Result<HttpResponse, ApiError> {
    let label = authorized(&state, &path, &query.token).await?;
    if label.kind != "pdf" {
        return Err(ApiError::not_found(
            "no_pdf",
            "This is a label-less return: show the QR code instead.",
        ));
    }
    let file = match (label.status.as_str(), &label.file_path) {
        ("ready", Some(file)) => file.clone(),
        _ => return Err(not_ready()),
    };
    let bytes =
        crate::db::blocking(move || std::fs::read(&file).map_err(ApiError::internal)).await?;
    let name = format!(
        "return-label-{}.pdf",
        label.tracking_number.as_deref().unwrap_or(&label.id)
    );
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("inline; filename=\"{name}\""),
        ))
        .insert_header((header::CACHE_CONTROL, "private, max-age=3600"))
        .body(bytes))
}

/// The QR code to show at a label-less drop-off point: PNG, or SVG when the
/// `Accept` header prefers `image/svg+xml`.
#[utoipa::path(
    tag = "labels",
    params(("id" = String, Path, description = "Label id"), LabelToken),
    security(("label_token" = [])),
    responses(
        (status = 200, description = "The QR code", content_type = "image/png", body = Vec<u8>),
        (status = 401, description = "Wrong or expired token", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "A printed-label return has no QR code (`no_qr_code`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not ready yet", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/v1/labels/{id}/qr")]
pub async fn qr(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
    query: web::Query<LabelToken>,
) -> Result<HttpResponse, ApiError> {
    let label = authorized(&state, &path, &query.token).await?;
    if label.kind != "qr" {
        return Err(ApiError::not_found(
            "no_qr_code",
            "This return uses a printed label: download the PDF instead.",
        ));
    }
    let code = match (label.status.as_str(), &label.dropoff_code) {
        ("ready", Some(code)) => code.clone(),
        _ => return Err(not_ready()),
    };
    let accept = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let svg_first = accept.contains("image/svg+xml")
        && accept.find("image/svg+xml") < accept.find("image/png").or(Some(usize::MAX));
    let internal = |e: crate::labels::render::RenderError| ApiError::internal(anyhow::anyhow!(e.0));
    if svg_first {
        let svg = crate::labels::render::qr_svg(&code).map_err(internal)?;
        Ok(HttpResponse::Ok()
            .content_type("image/svg+xml")
            .insert_header((header::VARY, "Accept"))
            .body(svg))
    } else {
        let png = crate::labels::render::qr_png(&code, 8).map_err(internal)?;
        Ok(HttpResponse::Ok()
            .content_type("image/png")
            .insert_header((header::VARY, "Accept"))
            .body(png))
    }
}
