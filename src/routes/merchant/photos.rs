//! A return's photos for reviewers.

use actix_web::{get, web};

use crate::app::AppState;
use crate::app::keys::Merchant;
use crate::app::photos::PhotoList;
use crate::error::ApiError;

/// The customer's photos of a return, in item order, each with the item it
/// was sent with and links to the photo and its thumbnail that work
/// without credentials for 15 minutes (list again for new ones). Photos
/// are served without EXIF, GPS position or other metadata.
#[utoipa::path(
    operation_id = "merchant_list_return_photos",
    tag = "returns",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Return id")),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "The photos", body = PhotoList),
        (status = 404, description = "No such return of this brand (`return_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 503, description = "Stored files are temporarily unavailable (`storage_unavailable`); retry after `Retry-After` seconds", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{brand}/returns/{id}/images")]
pub async fn list(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: web::Path<(String, String)>,
) -> Result<web::Json<PhotoList>, ApiError> {
    let (slug, id) = path.into_inner();
    Ok(web::Json(
        crate::app::photos::list(&state, &merchant, &slug, &id).await?,
    ))
}
