//! Orders ingestion: upsert one, upsert up to 1,000 in one transaction, read one.

use std::collections::HashSet;

use actix_web::{HttpResponse, get, post, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::Merchant;
use crate::db::DbConn;
use crate::db::orders::OrderRow;
use crate::domain::contact::identifier_key;
use crate::domain::orders::Order;
use crate::error::{ApiError, FieldError};
use crate::routes::extract::Json;
use crate::startup::AppState;

/// Most orders in one bulk request.
pub const MAX_BULK: usize = 1000;

/// An order as stored (contact data normalized).
#[derive(Debug, Serialize, ToSchema)]
pub struct OrderView {
    /// Id.
    #[schema(example = "ord_0193a0d4c6f07c2a8b1e5f3a9d2c4b6e")]
    pub id: String,
    /// The order.
    #[serde(flatten)]
    pub order: Order,
    /// First ingestion.
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// Last upsert.
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

impl TryFrom<OrderRow> for OrderView {
    type Error = ApiError;

    fn try_from(row: OrderRow) -> Result<OrderView, ApiError> {
        Ok(OrderView {
            order: row.order()?,
            id: row.id,
            created_at: row.created_at.and_utc(),
            updated_at: row.updated_at.and_utc(),
        })
    }
}

/// Body of the bulk upsert.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BulkOrders {
    /// 1–1000 orders, upserted by number in one transaction.
    pub orders: Vec<Order>,
}

/// Outcome for one order of a bulk upsert.
#[derive(Debug, Serialize, ToSchema)]
pub struct BulkItem {
    /// Order number.
    pub number: String,
    /// Order id.
    pub id: String,
    /// `true` when the order was new.
    pub created: bool,
}

/// Result of a bulk upsert.
#[derive(Debug, Serialize, ToSchema)]
pub struct BulkResult {
    /// Orders created.
    pub created: usize,
    /// Orders replaced.
    pub updated: usize,
    /// Per order, in request order.
    pub orders: Vec<BulkItem>,
}

/// Validates `order` for the brand and returns its errors (paths relative to the order).
fn check(
    conn: &mut DbConn,
    brand_id: &str,
    region: Option<&str>,
    order: &mut Order,
) -> Result<Vec<FieldError>, ApiError> {
    let mut errors = order.normalize(region);
    if errors.is_empty() {
        let own = crate::db::orders::by_number(conn, brand_id, &order.number)?.map(|r| r.id);
        errors.extend(crate::db::orders::tracking_conflicts(
            conn,
            brand_id,
            order,
            own.as_deref(),
        )?);
    }
    Ok(errors)
}

/// Creates or replaces one order by its number (lines and shipments are
/// replaced as a whole). 201 when new, 200 when replaced.
#[utoipa::path(
    tag = "orders",
    params(("brand" = String, Path, description = "Brand slug")),
    request_body = Order,
    security(("api_key" = [])),
    responses(
        (status = 201, description = "Created", body = OrderView),
        (status = 200, description = "Replaced", body = OrderView),
        (status = 404, description = "No such brand, or not yours", body = crate::error::Problem, content_type = "application/problem+json"),
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
    let slug = path.into_inner();
    let input = body.0;
    let (row, created) = state
        .db
        .write(move |conn| {
            let brand = merchant.brand(conn, &slug)?;
            let (settings, _) = crate::db::settings::get(conn, &brand.id)?;
            let mut order = input.clone();
            let errors = check(
                conn,
                &brand.id,
                settings.phone_region.as_deref(),
                &mut order,
            )?;
            if !errors.is_empty() {
                return Err(ApiError::validation(errors));
            }
            crate::db::orders::upsert(conn, &brand.id, &order)
        })
        .await?;
    let view = OrderView::try_from(row)?;
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
    tag = "orders",
    params(("brand" = String, Path, description = "Brand slug")),
    request_body = BulkOrders,
    security(("api_key" = [])),
    responses(
        (status = 200, description = "Every order was written", body = BulkResult),
        (status = 404, description = "No such brand, or not yours", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body over 32 MB", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some order is invalid; nothing was written", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{brand}/orders/bulk")]
pub async fn bulk(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: web::Path<String>,
    body: Json<BulkOrders, { 32 * 1024 * 1024 }>,
) -> Result<web::Json<BulkResult>, ApiError> {
    let slug = path.into_inner();
    let input = body.0;
    if input.orders.is_empty() || input.orders.len() > MAX_BULK {
        return Err(ApiError::validation(vec![FieldError::new(
            "orders",
            "invalid_length",
            format!("must have 1–{MAX_BULK} orders"),
        )]));
    }
    let result = state
        .db
        .write(move |conn| {
            let brand = merchant.brand(conn, &slug)?;
            let (settings, _) = crate::db::settings::get(conn, &brand.id)?;
            let region = settings.phone_region.as_deref();
            let mut orders = input.orders.clone();
            let mut errors = Vec::new();
            let mut numbers = HashSet::new();
            let mut tracking = HashSet::new();
            for (i, order) in orders.iter_mut().enumerate() {
                let prefix = |e: FieldError| FieldError {
                    field: format!("orders[{i}].{}", e.field),
                    ..e
                };
                errors.extend(
                    check(conn, &brand.id, region, order)?
                        .into_iter()
                        .map(prefix),
                );
                if !numbers.insert(identifier_key(&order.number)) {
                    errors.push(FieldError::new(
                        format!("orders[{i}].number"),
                        "duplicate",
                        "appears twice in this request",
                    ));
                }
                for (j, s) in order.shipments.iter().enumerate() {
                    if !tracking.insert(identifier_key(&s.tracking_number)) {
                        errors.push(FieldError::new(
                            format!("orders[{i}].shipments[{j}].tracking_number"),
                            "duplicate",
                            "another order of this request has this tracking number",
                        ));
                    }
                }
            }
            if !errors.is_empty() {
                return Err(ApiError::validation(errors));
            }
            let mut items = Vec::with_capacity(orders.len());
            for order in &orders {
                let (row, created) = crate::db::orders::upsert(conn, &brand.id, order)?;
                items.push(BulkItem {
                    number: row.number,
                    id: row.id,
                    created,
                });
            }
            let created = items.iter().filter(|i| i.created).count();
            Ok(BulkResult {
                created,
                updated: items.len() - created,
                orders: items,
            })
        })
        .await?;
    Ok(web::Json(result))
}

/// One order by number (`#`, spaces and case are ignored).
#[utoipa::path(
    tag = "orders",
    params(("brand" = String, Path, description = "Brand slug"), ("number" = String, Path, description = "Order number")),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "The order", body = OrderView),
        (status = 404, description = "No such order (`order_not_found`) or brand", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{brand}/orders/{number}")]
pub async fn get_order(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: web::Path<(String, String)>,
) -> Result<web::Json<OrderView>, ApiError> {
    let (slug, number) = path.into_inner();
    let row = state
        .db
        .read(move |conn| {
            let brand = merchant.brand(conn, &slug)?;
            crate::db::orders::by_number(conn, &brand.id, &number)?
                .ok_or_else(|| ApiError::not_found("order_not_found", "No order with this number."))
        })
        .await?;
    Ok(web::Json(OrderView::try_from(row)?))
}
