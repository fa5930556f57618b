//! A brand's vendors (marketplace sellers) and their API keys.

use actix_web::{HttpResponse, delete, get, patch, post, web};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::app::AppState;
use crate::app::keys::Merchant;
use crate::app::pagination::PageQuery;
use crate::app::vendors::{
    CreateVendor, CreateVendorKey, CreatedVendorKey, UpdateVendor, VendorKeyList, VendorKeyView,
    VendorList, VendorView,
};
use crate::error::ApiError;
use crate::routes::extract::{Json, NoBody, OptionalJson};
use crate::routes::query::Query;

type Path2 = web::Path<(String, String)>;

/// The filter of the vendor list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ActiveQuery {
    /// Only active vendors (`true`) or only retired ones (`false`); both
    /// when absent.
    pub active: Option<bool>,
}

/// Registers a vendor of the brand: the seller whose order lines carry
/// `order_line_vendor` in `vendor`. Its parts of a return go to the Returns
/// Settings address of kind `vendor` with that `vendor` name (without one,
/// to the default warehouse, handled in-house).
#[utoipa::path(
    operation_id = "merchant_create_vendor",
    tag = "vendors",
    params(("brand" = String, Path, description = "Brand slug")),
    request_body = CreateVendor,
    security(("api_key" = [])),
    responses(
        (status = 201, description = "The vendor", body = VendorView,
            headers(("Location" = String, description = "The vendor's URL"))),
        (status = 409, description = "The brand has a vendor with this id or order-line vendor name (`vendor_exists`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (`validation_failed`; the field errors carry invalid_format, invalid_length, invalid_email, invalid_locale or out_of_range)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{brand}/vendors")]
pub async fn create(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: web::Path<String>,
    body: Json<CreateVendor>,
) -> Result<HttpResponse, ApiError> {
    let vendor = crate::app::vendors::create(&state.db, &merchant, &path, body.0).await?;
    Ok(HttpResponse::Created()
        .insert_header((
            "Location",
            format!("/v1/brands/{}/vendors/{}", path, vendor.id),
        ))
        .json(vendor))
}

/// The brand's vendors, by id, active and retired ones alike unless
/// `active` picks one kind.
#[utoipa::path(
    operation_id = "merchant_list_vendors",
    tag = "vendors",
    params(("brand" = String, Path, description = "Brand slug"), PageQuery, ActiveQuery),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "A page of vendors", body = VendorList),
        (status = 422, description = "An invalid `limit` or `cursor` (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{brand}/vendors")]
pub async fn list(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: web::Path<String>,
    page: Query<PageQuery>,
    filter: Query<ActiveQuery>,
) -> Result<web::Json<VendorList>, ApiError> {
    let (limit, cursor) = page.parse()?;
    Ok(web::Json(
        crate::app::vendors::list(&state.db, &merchant, &path, limit, cursor, filter.active)
            .await?,
    ))
}

/// A vendor of the brand, with the return address its parts go to.
#[utoipa::path(
    operation_id = "merchant_get_vendor",
    tag = "vendors",
    params(("brand" = String, Path, description = "Brand slug"), ("vendor_id" = String, Path, description = "Vendor id")),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "The vendor", body = VendorView),
        (status = 404, description = "No such vendor of this brand (`vendor_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{brand}/vendors/{vendor_id}")]
pub async fn get_vendor(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: Path2,
) -> Result<web::Json<VendorView>, ApiError> {
    let (slug, id) = path.into_inner();
    Ok(web::Json(
        crate::app::vendors::get(&state.db, &merchant, &slug, &id).await?,
    ))
}

/// Changes a vendor: only the fields given (`contact_email: null` removes
/// the address; the id never changes).
#[utoipa::path(
    operation_id = "merchant_update_vendor",
    tag = "vendors",
    params(("brand" = String, Path, description = "Brand slug"), ("vendor_id" = String, Path, description = "Vendor id")),
    request_body = UpdateVendor,
    security(("api_key" = [])),
    responses(
        (status = 200, description = "The vendor", body = VendorView),
        (status = 404, description = "No such vendor of this brand (`vendor_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Another vendor of the brand has this order-line vendor name (`vendor_exists`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (`validation_failed`; the field errors carry invalid_length, invalid_email, invalid_locale or out_of_range)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/{brand}/vendors/{vendor_id}")]
pub async fn update(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: Path2,
    body: Json<UpdateVendor>,
) -> Result<web::Json<VendorView>, ApiError> {
    let (slug, id) = path.into_inner();
    Ok(web::Json(
        crate::app::vendors::update(&state.db, &merchant, &slug, &id, body.0).await?,
    ))
}

/// Retires a vendor: its API keys are revoked at once, order lines naming
/// it in new returns are handled in-house (to the default warehouse, no
/// vendor part), and the merchant may answer its open parts at once
/// instead of waiting for `vendor_due_at`. The vendor stays listed, with
/// `active: false`; `PATCH` with `{"active": true}` brings it back (its old
/// keys stay revoked). Retiring a retired vendor answers it as it is.
#[utoipa::path(
    operation_id = "merchant_deactivate_vendor",
    tag = "vendors",
    params(("brand" = String, Path, description = "Brand slug"), ("vendor_id" = String, Path, description = "Vendor id")),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "The retired vendor", body = VendorView),
        (status = 404, description = "No such vendor of this brand (`vendor_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/{brand}/vendors/{vendor_id}")]
pub async fn deactivate(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: Path2,
    _: NoBody,
) -> Result<web::Json<VendorView>, ApiError> {
    let (slug, id) = path.into_inner();
    Ok(web::Json(
        crate::app::vendors::deactivate(&state.db, &merchant, &slug, &id).await?,
    ))
}

/// Creates an API key for the vendor. The answer carries the key, shown
/// this once: the vendor sends it as `Authorization: Bearer <key>` to the
/// vendor routes and sees only its own parts of this brand's returns. The
/// body is optional.
#[utoipa::path(
    operation_id = "merchant_create_vendor_key",
    tag = "vendors",
    params(("brand" = String, Path, description = "Brand slug"), ("vendor_id" = String, Path, description = "Vendor id")),
    request_body = Option<CreateVendorKey>,
    security(("api_key" = [])),
    responses(
        (status = 201, description = "The key, with its secret", body = CreatedVendorKey),
        (status = 404, description = "No such vendor of this brand (`vendor_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A blank or long `name` (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{brand}/vendors/{vendor_id}/keys")]
pub async fn create_key(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: Path2,
    body: OptionalJson<CreateVendorKey>,
) -> Result<HttpResponse, ApiError> {
    let (slug, id) = path.into_inner();
    // No body, `null` and `{}` alike: a key named `api`.
    let input = body.0.unwrap_or_default();
    let key = crate::app::vendors::create_key(&state.db, &merchant, &slug, &id, input).await?;
    Ok(HttpResponse::Created().json(key))
}

/// The vendor's API keys, newest first, revoked ones too (never a secret).
#[utoipa::path(
    operation_id = "merchant_list_vendor_keys",
    tag = "vendors",
    params(("brand" = String, Path, description = "Brand slug"), ("vendor_id" = String, Path, description = "Vendor id"), PageQuery),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "A page of keys", body = VendorKeyList),
        (status = 404, description = "No such vendor of this brand (`vendor_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "An invalid `limit` or `cursor` (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{brand}/vendors/{vendor_id}/keys")]
pub async fn list_keys(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: Path2,
    page: Query<PageQuery>,
) -> Result<web::Json<VendorKeyList>, ApiError> {
    let (limit, cursor) = page.parse()?;
    let (slug, id) = path.into_inner();
    Ok(web::Json(
        crate::app::vendors::list_keys(&state.db, &merchant, &slug, &id, limit, cursor).await?,
    ))
}

/// Revokes a vendor API key: from now on it answers 401. Revoking it again
/// answers the key as it is.
#[utoipa::path(
    operation_id = "merchant_revoke_vendor_key",
    tag = "vendors",
    params(
        ("brand" = String, Path, description = "Brand slug"),
        ("vendor_id" = String, Path, description = "Vendor id"),
        ("key_id" = String, Path, description = "Key id (`vky_…`)"),
    ),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "The revoked key", body = VendorKeyView),
        (status = 404, description = "No such vendor of this brand (`vendor_not_found`) or key of this vendor (`key_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/{brand}/vendors/{vendor_id}/keys/{key_id}")]
pub async fn revoke_key(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: web::Path<(String, String, String)>,
    _: NoBody,
) -> Result<web::Json<VendorKeyView>, ApiError> {
    let (slug, id, key_id) = path.into_inner();
    Ok(web::Json(
        crate::app::vendors::revoke_key(&state.db, &merchant, &slug, &id, &key_id).await?,
    ))
}
