//! Orders ingestion: upsert one, upsert up to 1,000 in one transaction, read one.

use actix_web::{HttpResponse, get, post, web};

use crate::app::AppState;
use crate::app::keys::Merchant;
use crate::app::orders::{BulkOrders, BulkResult, Order, OrderView};
use crate::error::ApiError;
use crate::routes::extract::{Json, LaterJson};

/// Creates or replaces one order by its number (lines and shipments are
/// replaced as a whole). 201 when new, 200 when replaced.
#[utoipa::path(
    operation_id = "merchant_upsert_order",
    tag = "orders",
    params(("brand" = String, Path, description = "Brand slug")),
    request_body = Order,
    security(("api_key" = [])),
    responses(
        (status = 201, description = "Created", body = OrderView),
        (status = 200, description = "Replaced", body = OrderView),
        (status = 422, description = "Invalid order (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{brand}/orders")]
pub async fn upsert(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: web::Path<String>,
    body: Json<Order>,
) -> Result<HttpResponse, ApiError> {
    let (view, created) = crate::app::orders::upsert(&state, &merchant, &path, body.0).await?;
    Ok(if created {
        HttpResponse::Created().json(view)
    } else {
        HttpResponse::Ok().json(view)
    })
}

/// Creates or replaces up to 1,000 orders in one transaction. When any order
/// is invalid nothing is written and every error is reported with its path
/// (`orders[3].lines[0].quantity`).
#[utoipa::path(
    operation_id = "merchant_upsert_orders",
    tag = "orders",
    params(("brand" = String, Path, description = "Brand slug")),
    request_body = BulkOrders,
    security(("api_key" = [])),
    responses(
        (status = 200, description = "Every order was written", body = BulkResult),
        (status = 404, description = "No such brand, or not the key's (`brand_not_found`); answered before the body is read", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some order is invalid; nothing was written (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{brand}/orders/bulk")]
pub async fn bulk(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: web::Path<String>,
    body: LaterJson<{ 32 * 1024 * 1024 }>,
) -> Result<web::Json<BulkResult>, ApiError> {
    // A key without access to the brand is refused before the body is read.
    crate::app::orders::authorize(&state, &merchant, &path).await?;
    let orders = body.read::<BulkOrders>().await?.orders;
    Ok(web::Json(
        crate::app::orders::upsert_many(&state, &merchant, &path, orders).await?,
    ))
}

/// One order by number (`#`, spaces and case are ignored).
#[utoipa::path(
    operation_id = "merchant_get_order",
    tag = "orders",
    params(("brand" = String, Path, description = "Brand slug"), ("number" = String, Path, description = "Order number")),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "The order", body = OrderView),
        (status = 404, description = "No such order (`order_not_found`) or brand (`brand_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{brand}/orders/{number}")]
pub async fn get_order(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: web::Path<(String, String)>,
) -> Result<web::Json<OrderView>, ApiError> {
    let (slug, number) = path.into_inner();
    Ok(web::Json(
        crate::app::orders::get(&state, &merchant, &slug, &number).await?,
    ))
}
