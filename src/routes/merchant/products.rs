//! The brand's catalogue: products, their variants and stock.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, patch, post, web};

use crate::app::AppState;
use crate::app::catalogue::{
    BatchResult, ProductBatch, ProductInput, ProductList, ProductView, StockChange, VariantView,
};
use crate::app::keys::Merchant;
use crate::app::pagination::PageQuery;
use crate::error::ApiError;
use crate::routes::extract::Json;
use crate::routes::query::Query;

type Path2 = web::Path<(String, String)>;

/// Writes a product with all its variants, replacing what the catalogue
/// held under its id (variants it no longer lists are removed; those it
/// keeps keep their reservations). 201 when it is new, 200 when it
/// replaced one.
#[utoipa::path(
    operation_id = "merchant_upsert_product",
    tag = "catalogue",
    params(("brand" = String, Path, description = "Brand slug")),
    request_body = ProductInput,
    security(("api_key" = [])),
    responses(
        (status = 200, description = "The product replaced the stored one", body = ProductView),
        (status = 201, description = "The product is new", body = ProductView,
            headers(("Location" = String, description = "The product's URL"))),
        (status = 409, description = "Another product of the brand has one of its SKUs (`sku_taken`, the field named)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (`validation_failed`; the field errors carry invalid_length, invalid_option_values, duplicate, invalid_url or out_of_range)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{brand}/products")]
pub async fn upsert_product(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: web::Path<String>,
    body: Json<ProductInput>,
) -> Result<HttpResponse, ApiError> {
    let (product, created) =
        crate::app::catalogue::upsert(&state, &merchant, &path, body.0).await?;
    if created {
        let location = format!("/v1/brands/{}/products/{}", path, segment(&product.id));
        Ok(HttpResponse::Created()
            .insert_header((header::LOCATION, location))
            .json(product))
    } else {
        Ok(HttpResponse::Ok().json(product))
    }
}

/// Writes up to 100 products in one transaction, each as `POST
/// …/products` would: all of them, or none.
#[utoipa::path(
    operation_id = "merchant_bulk_upsert_products",
    tag = "catalogue",
    params(("brand" = String, Path, description = "Brand slug")),
    request_body = ProductBatch,
    security(("api_key" = [])),
    responses(
        (status = 200, description = "Every product written, in the order given", body = BatchResult),
        (status = 409, description = "A product has another product's SKU (`sku_taken`); nothing was written", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid products (`validation_failed`, every error at `products[i]…`); nothing was written", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{brand}/products/bulk")]
pub async fn bulk_products(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: web::Path<String>,
    body: Json<ProductBatch, { 8 * 1024 * 1024 }>,
) -> Result<web::Json<BatchResult>, ApiError> {
    Ok(web::Json(
        crate::app::catalogue::bulk(&state, &merchant, &path, body.0).await?,
    ))
}

/// The brand's products with their variants, by id.
#[utoipa::path(
    operation_id = "merchant_list_products",
    tag = "catalogue",
    params(("brand" = String, Path, description = "Brand slug"), PageQuery),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "A page of products", body = ProductList),
        (status = 422, description = "An invalid `limit` or `cursor` (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{brand}/products")]
pub async fn list_products(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: web::Path<String>,
    page: Query<PageQuery>,
) -> Result<web::Json<ProductList>, ApiError> {
    let (limit, cursor) = page.parse()?;
    Ok(web::Json(
        crate::app::catalogue::list(&state, &merchant, &path, limit, cursor).await?,
    ))
}

/// One product with its variants.
#[utoipa::path(
    operation_id = "merchant_get_product",
    tag = "catalogue",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Product id")),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "The product", body = ProductView),
        (status = 404, description = "No such product of this brand (`product_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{brand}/products/{id}")]
pub async fn get_product(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: Path2,
) -> Result<web::Json<ProductView>, ApiError> {
    let (slug, id) = path.into_inner();
    Ok(web::Json(
        crate::app::catalogue::get(&state, &merchant, &slug, &id).await?,
    ))
}

/// `id` as one URL path segment (percent-encoded).
fn segment(id: &str) -> String {
    let Ok(mut url) = url::Url::parse("http://host/") else {
        return id.to_string();
    };
    if let Ok(mut segments) = url.path_segments_mut() {
        segments.push(id);
    }
    url.path().trim_start_matches('/').to_string()
}

/// The version named by `If-Match` (`"v3"`), `None` without one or for `*`.
fn if_match(req: &HttpRequest) -> Option<i64> {
    let value = req.headers().get(header::IF_MATCH)?.to_str().ok()?;
    if value.trim() == "*" {
        return None;
    }
    Some(
        value
            .split(',')
            .map(|t| t.trim().trim_start_matches("W/").trim_matches('"'))
            .find_map(|t| t.strip_prefix('v').and_then(|v| v.parse::<i64>().ok()))
            .unwrap_or(-1),
    )
}

/// Sets a variant's stock (`available`) or moves it (`delta`). With
/// `If-Match` (the variant's `ETag`, `"v3"`), only while the stock is still
/// that version: 412 `precondition_failed` when it moved meanwhile.
#[utoipa::path(
    operation_id = "merchant_change_variant_stock",
    tag = "catalogue",
    params(
        ("brand" = String, Path, description = "Brand slug"),
        ("sku" = String, Path, description = "The variant's SKU"),
        ("If-Match" = Option<String>, Header, description = "The variant's ETag (`\"v3\"`), or `*`"),
    ),
    request_body = StockChange,
    security(("api_key" = [])),
    responses(
        (status = 200, description = "The variant after the change", body = VariantView,
            headers(("ETag" = String, description = "Its new version"))),
        (status = 404, description = "No such variant of this brand (`variant_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 412, description = "The stock moved since that version (`precondition_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Neither or both of `available` and `delta`, or a level outside 0–1,000,000 (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/{brand}/variants/{sku}/stock")]
pub async fn change_stock(
    state: web::Data<AppState>,
    merchant: Merchant,
    req: HttpRequest,
    path: Path2,
    body: Json<StockChange>,
) -> Result<HttpResponse, ApiError> {
    let (slug, sku) = path.into_inner();
    let variant =
        crate::app::catalogue::change_stock(&state, &merchant, &slug, &sku, body.0, if_match(&req))
            .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, format!("\"v{}\"", variant.version)))
        .json(variant))
}
