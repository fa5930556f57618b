//! `/v1/brands`: list, create (admin), read and update brands.

use actix_web::{HttpResponse, get, patch, post, web};

use crate::app::AppState;
use crate::app::brands::{Brand, BrandList, CreateBrand, UpdateBrand};
use crate::app::keys::Merchant;
use crate::app::pagination::PageQuery;
use crate::error::ApiError;
use crate::routes::extract::Json;
use crate::routes::query::Query;

/// Lists the brands this API key may manage (every brand for admin keys).
#[utoipa::path(
    operation_id = "merchant_list_brands",
    tag = "brands",
    params(PageQuery),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "A page of brands", body = BrandList),
        (status = 404, description = "A vendor key, to which no list of brands exists (`not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "An invalid `limit` or `cursor` (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("")]
pub async fn list_brands(
    state: web::Data<AppState>,
    merchant: Merchant,
    query: Query<PageQuery>,
) -> Result<web::Json<BrandList>, ApiError> {
    let (limit, cursor) = query.parse()?;
    Ok(web::Json(
        crate::app::brands::list(&state, &merchant, limit, cursor).await?,
    ))
}

/// Creates a brand with default Returns Settings (admin keys only).
#[utoipa::path(
    operation_id = "admin_create_brand",
    tag = "brands",
    request_body = CreateBrand,
    security(("api_key" = [])),
    responses(
        (status = 201, description = "Created", body = Brand),
        (status = 403, description = "Not an admin key (`admin_required`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Slug (`brand_exists`) or domain (`domain_taken`) taken", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("")]
pub async fn create(
    state: web::Data<AppState>,
    merchant: Merchant,
    body: Json<CreateBrand>,
) -> Result<HttpResponse, ApiError> {
    let brand = crate::app::brands::create_as(&state, &merchant, body.0).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/v1/brands/{}", brand.slug)))
        .json(brand))
}

/// A brand this key may manage.
#[utoipa::path(
    operation_id = "merchant_get_brand",
    tag = "brands",
    params(("brand" = String, Path, description = "Brand slug")),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "The brand", body = Brand),
    )
)]
#[get("/{brand}")]
pub async fn get_brand(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: web::Path<String>,
) -> Result<web::Json<Brand>, ApiError> {
    Ok(web::Json(
        crate::app::brands::get(&state, &merchant, &path).await?,
    ))
}

/// Changes a brand's name, theme, custom domain or allowed origins.
#[utoipa::path(
    operation_id = "merchant_update_brand",
    tag = "brands",
    params(("brand" = String, Path, description = "Brand slug")),
    request_body = UpdateBrand,
    security(("api_key" = [])),
    responses(
        (status = 200, description = "The updated brand", body = Brand),
        (status = 409, description = "Domain taken (`domain_taken`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/{brand}")]
pub async fn update(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: web::Path<String>,
    body: Json<UpdateBrand>,
) -> Result<web::Json<Brand>, ApiError> {
    Ok(web::Json(
        crate::app::brands::update(&state, &merchant, &path, body.0).await?,
    ))
}
