//! Self-authenticating label URLs: poll, download the PDF, show the QR code.
//!
//! Each URL carries `?token=…`, a signed, expiring token bound to that one
//! label (scope `label`, subject the label id). A wrong, expired or another
//! label's token is a 401.

use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, get, web};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::app::AppState;
use crate::app::labels::{LabelPoll, LabelStatus, QrImage};
use crate::error::ApiError;
use crate::routes::query::Query;

/// The `token` of a label URL: a signed, expiring token bound to one label,
/// the only credential label URLs need.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LabelToken {
    /// Signed token from the URL the API handed out (`poll_url`, `download_url`, `qr_code_url`).
    #[param(required = true, min_length = 1)]
    pub token: Option<String>,
}

/// The label's state: 202 while pending (with `Retry-After`), 200 when ready
/// with the download / QR URLs and the tracking number, 422 `label_failed`
/// when the carrier refused it for good, 410 when the return was cancelled.
#[utoipa::path(
    operation_id = "label_poll",
    tag = "labels",
    params(("id" = String, Path, description = "Label id"), LabelToken),
    responses(
        (status = 200, description = "Ready", body = LabelPoll),
        (status = 202, description = "Pending; poll again after `Retry-After` seconds", body = LabelPoll),
        (status = 410, description = "Cancelled with its return", body = LabelPoll),
        (status = 422, description = "Failed for good (`label_failed`, reason in `detail`)", body = LabelPoll),
    )
)]
#[get("/v1/labels/{id}")]
pub async fn poll(
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: Query<LabelToken>,
) -> Result<HttpResponse, ApiError> {
    let body = crate::app::labels::poll(&state, &path, query.token.as_deref()).await?;
    let mut response = match body.status {
        LabelStatus::Ready => HttpResponse::Ok(),
        LabelStatus::Failed => HttpResponse::UnprocessableEntity(),
        LabelStatus::Cancelled => HttpResponse::Gone(),
        LabelStatus::Pending => {
            let mut pending = HttpResponse::Accepted();
            pending.insert_header((header::RETRY_AFTER, "1"));
            pending
        }
    };
    Ok(response
        .insert_header((header::CACHE_CONTROL, HeaderValue::from_static("no-store")))
        .json(body))
}

/// The printable label (A6 PDF with a Code 128 tracking barcode).
#[utoipa::path(
    operation_id = "label_download_pdf",
    tag = "labels",
    params(("id" = String, Path, description = "Label id"), LabelToken),
    responses(
        (status = 200, description = "The PDF (as `application/octet-stream` when `Accept` prefers that)", content((String = "application/pdf"), (String = "application/octet-stream"))),
        (status = 404, description = "A label-less return has no PDF (`no_pdf`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not ready yet (`label_not_ready`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 410, description = "Cancelled with its return (`label_cancelled`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "The carrier refused the label (`label_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 503, description = "Stored files are temporarily unavailable (`storage_unavailable`); retry after `Retry-After` seconds", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/v1/labels/{id}/download")]
pub async fn download(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
    query: Query<LabelToken>,
) -> Result<HttpResponse, ApiError> {
    let (bytes, name) = crate::app::labels::pdf(&state, &path, query.token.as_deref()).await?;
    let content_type = if prefers(&req, OCTET_STREAM, "application/pdf") {
        OCTET_STREAM
    } else {
        "application/pdf"
    };
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((header::VARY, "Accept"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("inline; filename=\"{name}\""),
        ))
        .insert_header((header::CACHE_CONTROL, "private, max-age=3600"))
        .body(bytes))
}

/// The QR code to show at a label-less drop-off point: PNG, or SVG when the
/// `Accept` header prefers `image/svg+xml` (the PNG as
/// `application/octet-stream` when it prefers that).
#[utoipa::path(
    operation_id = "label_qr_code",
    tag = "labels",
    params(("id" = String, Path, description = "Label id"), LabelToken),
    responses(
        (status = 200, description = "The QR code: PNG, or SVG when `Accept` prefers `image/svg+xml` (the PNG as `application/octet-stream` when it prefers that)", content((String = "image/png"), (String = "image/svg+xml"), (String = "application/octet-stream"))),
        (status = 404, description = "A printed-label return has no QR code (`no_qr_code`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not ready yet (`label_not_ready`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 410, description = "Cancelled with its return (`label_cancelled`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "The carrier refused the label (`label_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/v1/labels/{id}/qr")]
pub async fn qr(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
    query: Query<LabelToken>,
) -> Result<HttpResponse, ApiError> {
    let svg_first = prefers(&req, "image/svg+xml", "image/png");
    let png_type = if prefers(&req, OCTET_STREAM, "image/png") {
        OCTET_STREAM
    } else {
        "image/png"
    };
    let image = crate::app::labels::qr(&state, &path, query.token.as_deref(), svg_first).await?;
    let mut response = HttpResponse::Ok();
    response.insert_header((header::VARY, "Accept"));
    Ok(match image {
        QrImage::Svg(svg) => response.content_type("image/svg+xml").body(svg),
        QrImage::Png(png) => response.content_type(png_type).body(png),
    })
}

/// The generic media type of bytes, which clients that know no PDF or image
/// types ask for (generated clients read such a body as bytes).
pub(crate) const OCTET_STREAM: &str = "application/octet-stream";

/// Whether the `Accept` header names `wanted` before `other` (or without it).
pub(crate) fn prefers(req: &HttpRequest, wanted: &str, other: &str) -> bool {
    let accept = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    accept
        .find(wanted)
        .is_some_and(|at| accept.find(other).is_none_or(|o| at < o))
}
