//! `POST /v1/portal/{brand}/uploads`: photos for return reasons that need them.
//!
//! The type is decided from the bytes (JPEG, PNG or WebP magic numbers),
//! never from the file name or the declared type. The 5 MB limit is enforced
//! while streaming: the request is refused as soon as the limit is crossed,
//! nothing beyond it is buffered. Files are stored once per content hash
//! under `DATA_DIR/uploads/`; uploads not attached to a return within 24
//! hours are removed by the maintenance task.

use std::io::Write;
use std::path::{Path, PathBuf};

use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, post, web};
use futures_util::StreamExt;
use serde::Serialize;
use sha2::{Digest, Sha256};
use utoipa::ToSchema;

use crate::auth::tokens::AccessToken;
use crate::db::uploads::UploadRow;
use crate::error::ApiError;
use crate::startup::AppState;

/// Largest photo: 5 MiB.
pub const MAX_UPLOAD_BYTES: usize = 5 * 1024 * 1024;
/// Most uploads per order.
pub const MAX_UPLOADS_PER_ORDER: i64 = 50;

/// A stored photo.
#[derive(Debug, Serialize, ToSchema)]
pub struct Upload {
    /// Id, for `image_ids` of a return item.
    pub id: String,
    /// Detected type: `image/jpeg`, `image/png` or `image/webp`.
    pub content_type: String,
    /// Size in bytes.
    pub size_bytes: u64,
}

/// Multipart form of an upload.
#[derive(Debug, ToSchema)]
#[allow(dead_code)]
pub struct UploadForm {
    /// The photo (JPEG, PNG or WebP, at most 5 MB).
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
}

fn form_error(e: actix_multipart::MultipartError) -> ApiError {
    use actix_multipart::MultipartError as E;
    match e {
        E::ContentTypeMissing | E::ContentTypeParse | E::ContentTypeIncompatible => ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "Send the photo as multipart/form-data with a field named `file`.",
        ),
        other => ApiError::bad_request(
            "invalid_multipart",
            format!("The form could not be read: {other}"),
        ),
    }
}

fn too_large() -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "file_too_large",
        "Photos may be at most 5 MB.",
    )
}

fn unsupported() -> ApiError {
    ApiError::new(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
        "Only JPEG, PNG and WebP photos are accepted.",
    )
}

/// Where a file with this hash lives.
pub fn path_for(data_dir: &Path, sha256: &str) -> PathBuf {
    data_dir
        .join("uploads")
        .join(&sha256[..2.min(sha256.len())])
        .join(sha256)
}

fn detect(head: &[u8]) -> Option<&'static str> {
    match infer::get(head).map(|k| k.mime_type()) {
        Some("image/jpeg") => Some("image/jpeg"),
        Some("image/png") => Some("image/png"),
        Some("image/webp") => Some("image/webp"),
        _ => None,
    }
}

/// Stores a photo for the order of the access token.
#[utoipa::path(
    tag = "portal",
    params(("brand" = String, Path, description = "Brand slug or custom domain")),
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    security(("access_token" = [])),
    responses(
        (status = 201, description = "Stored", body = Upload),
        (status = 413, description = "Over 5 MB (`file_too_large`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not a JPEG, PNG or WebP image (`unsupported_media_type`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "No `file` field, or too many uploads for this order", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/uploads")]
pub async fn upload(
    state: web::Data<AppState>,
    token: AccessToken,
    req: HttpRequest,
    mut form: Multipart,
) -> Result<HttpResponse, ApiError> {
    // A body far over the limit is refused before reading it.
    let declared = req
        .headers()
        .get(actix_web::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > MAX_UPLOAD_BYTES + 64 * 1024) {
        return Err(too_large());
    }
    let t = token.0;
    let order_id = t.claims.sub.clone();
    let count_order = order_id.clone();
    let existing = state
        .db
        .read(move |conn| crate::db::uploads::count_for_order(conn, &count_order))
        .await?;
    if existing >= MAX_UPLOADS_PER_ORDER {
        return Err(ApiError::unprocessable(
            "too_many_uploads",
            "This order has reached its number of photos.",
        ));
    }

    let mut stored = None;
    while let Some(field) = form.next().await {
        let mut field = field.map_err(form_error)?;
        if field.name() != Some("file") {
            // Drain fields we do not use.
            while let Some(chunk) = field.next().await {
                chunk.map_err(form_error)?;
            }
            continue;
        }
        let dir = state.config.data_dir.join("uploads").join("tmp");
        std::fs::create_dir_all(&dir).map_err(ApiError::internal)?;
        let tmp_path = dir.join(crate::domain::ids::new_id("tmp"));
        let mut file = std::fs::File::create(&tmp_path).map_err(ApiError::internal)?;
        let mut hasher = Sha256::new();
        let mut size = 0usize;
        let mut head = Vec::with_capacity(64);
        let result: Result<(), ApiError> = async {
            while let Some(chunk) = field.next().await {
                let chunk = chunk.map_err(form_error)?;
                size += chunk.len();
                if size > MAX_UPLOAD_BYTES {
                    return Err(too_large());
                }
                if head.len() < 64 {
                    head.extend_from_slice(&chunk[..chunk.len().min(64 - head.len())]);
                }
                hasher.update(&chunk);
                file.write_all(&chunk).map_err(ApiError::internal)?;
            }
            Ok(())
        }
        .await;
        drop(file);
        if let Err(e) = result {
            let _ = std::fs::remove_file(&tmp_path);
            return Err(e);
        }
        let Some(content_type) = detect(&head) else {
            let _ = std::fs::remove_file(&tmp_path);
            return Err(unsupported());
        };
        let sha = hex::encode(hasher.finalize());
        let target = path_for(&state.config.data_dir, &sha);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(ApiError::internal)?;
        }
        // Same content, same file: keep the first copy.
        if target.exists() {
            let _ = std::fs::remove_file(&tmp_path);
        } else {
            std::fs::rename(&tmp_path, &target).map_err(ApiError::internal)?;
        }
        stored = Some((content_type, size, sha));
        break;
    }
    let Some((content_type, size, sha)) = stored else {
        return Err(ApiError::validation(vec![crate::error::FieldError::new(
            "file",
            "required",
            "send the photo in a form field named `file`",
        )]));
    };
    let row = UploadRow {
        id: crate::domain::ids::new_id("upl"),
        brand_id: t.brand.brand.id.clone(),
        order_id,
        return_id: None,
        content_type: content_type.to_string(),
        size_bytes: size as i64,
        sha256: sha,
        created_at: crate::db::now(),
    };
    let saved = row.clone();
    state
        .db
        .write(move |conn| crate::db::uploads::insert(conn, &saved))
        .await?;
    Ok(HttpResponse::Created().json(Upload {
        id: row.id,
        content_type: row.content_type,
        size_bytes: size as u64,
    }))
}
