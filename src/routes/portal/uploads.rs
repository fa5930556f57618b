//! `POST /v1/portal/{brand}/uploads`: photos for return reasons that need
//! them (see `app::uploads`). This reads the multipart form and hands the
//! `file` field's bytes to the service as they arrive.

use actix_multipart::Multipart;
use actix_web::{HttpRequest, HttpResponse, post, web};
use futures_util::StreamExt;
use utoipa::ToSchema;

use crate::app::AppState;
use crate::app::uploads::{MAX_UPLOAD_BYTES, Upload, too_large};
use crate::error::{ApiError, ErrorCode};
use crate::routes::extract::AccessToken;

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
            ErrorCode::UnsupportedMediaType,
            "Send the photo as multipart/form-data with a field named `file`.",
        ),
        other => ApiError::new(
            ErrorCode::InvalidMultipart,
            format!("The form could not be read: {other}"),
        ),
    }
}

/// Stores a photo for the order of the access token.
#[utoipa::path(
    operation_id = "portal_upload_photo",
    tag = "portal",
    params(("brand" = String, Path, description = "Brand slug or custom domain")),
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    security(("access_token" = [])),
    responses(
        (status = 201, description = "Stored", body = Upload),
        (status = 400, description = "The form cannot be read (`invalid_multipart`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 413, description = "Over 5 MB (`file_too_large`, `payload_too_large`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not a JPEG, PNG or WebP image, or not multipart/form-data (`unsupported_media_type`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "No `file` field, or another field besides it (`validation_failed`), or the order has its number of photos (`too_many_uploads`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 503, description = "Stored files are temporarily unavailable (`storage_unavailable`); retry after `Retry-After` seconds", body = crate::error::Problem, content_type = "application/problem+json"),
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
    crate::app::uploads::check_room(&state, &token.0).await?;
    let mut file = None;
    while let Some(field) = form.next().await {
        let field = field.map_err(form_error)?;
        let name = field.name().unwrap_or_default().to_string();
        if name != "file" || file.is_some() {
            // The form is one photo: any other field, or a second photo, is refused.
            return Err(ApiError::field(
                name,
                ErrorCode::NotAllowed,
                "the form has exactly one field, `file`",
            ));
        }
        let chunks = field.map(|chunk| chunk.map_err(form_error));
        file = Some(crate::app::uploads::receive(chunks).await?);
    }
    let Some(file) = file else {
        return Err(ApiError::field(
            "file",
            ErrorCode::Required,
            "send the photo in a form field named `file`",
        ));
    };
    let upload = crate::app::uploads::record(&state, &token.0, file).await?;
    Ok(HttpResponse::Created().json(upload))
}
