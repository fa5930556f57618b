//! Self-authenticating photo links handed to reviewers: the photo and its
//! thumbnail.
//!
//! Each URL carries `?token=…`, a signed token bound to that one photo
//! that expires minutes after the list that handed it out. A missing,
//! wrong, expired or another photo's token is a 404 (`photo_not_found`),
//! the same as a photo that does not exist.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, web};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::app::AppState;
use crate::app::photos::PhotoFile;
use crate::error::ApiError;
use crate::routes::query::Query;

/// The `token` of a photo link.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PhotoToken {
    /// Signed token from the link the photo list handed out (`url`, `thumbnail_url`).
    #[param(required = true, min_length = 1)]
    pub token: Option<String>,
}

/// The customer's photo as stored: without EXIF, GPS position or other
/// metadata, turned upright.
#[utoipa::path(
    operation_id = "photo_download",
    tag = "photos",
    params(("id" = String, Path, description = "Photo (upload) id"), PhotoToken),
    responses(
        (status = 200, description = "The photo; `Cache-Control: private` for no longer than the link works", content((String = "image/jpeg"), (String = "image/png"), (String = "image/webp"), (String = "application/octet-stream"))),
        (status = 404, description = "No such photo, or the link is wrong, expired or another photo's (`photo_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 503, description = "Stored files are temporarily unavailable (`storage_unavailable`); retry after `Retry-After` seconds", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/v1/photos/{id}")]
pub async fn original(
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: Query<PhotoToken>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let file = crate::app::photos::original(&state, &path, query.token.as_deref()).await?;
    Ok(send(file, &req))
}

/// The photo's thumbnail: a JPEG at most 320 pixels on its long side.
#[utoipa::path(
    operation_id = "photo_thumbnail",
    tag = "photos",
    params(("id" = String, Path, description = "Photo (upload) id"), PhotoToken),
    responses(
        (status = 200, description = "The thumbnail; `Cache-Control: private` for no longer than the link works", content((String = "image/jpeg"), (String = "application/octet-stream"))),
        (status = 404, description = "No such photo or thumbnail, or the link is wrong, expired or another photo's (`photo_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 503, description = "Stored files are temporarily unavailable (`storage_unavailable`); retry after `Retry-After` seconds", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/v1/photos/{id}/thumbnail")]
pub async fn thumbnail(
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: Query<PhotoToken>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let file = crate::app::photos::thumbnail(&state, &path, query.token.as_deref()).await?;
    Ok(send(file, &req))
}

/// The bytes with their type (`application/octet-stream` when `Accept`
/// prefers it, as for label files), kept privately no longer than the link
/// works, never sniffed as another type.
fn send(file: PhotoFile, req: &HttpRequest) -> HttpResponse {
    use crate::routes::labels::{OCTET_STREAM, prefers};
    let content_type = if prefers(req, OCTET_STREAM, file.content_type) {
        OCTET_STREAM
    } else {
        file.content_type
    };
    HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((
            header::CACHE_CONTROL,
            format!("private, max-age={}", file.max_age),
        ))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .body(file.bytes)
}
