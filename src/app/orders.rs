//! Orders ingestion: upsert one, upsert up to 1,000 in one transaction, read one.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{AppState, merchant_brand};
use crate::auth::Merchant;
use crate::db::DbConn;
use crate::db::orders::OrderRow;
use crate::domain::money::Currency;
pub use crate::domain::orders::Order;
use crate::domain::orders::{Customer, Line, Shipment, ShippingAddress};
use crate::domain::orders::{check_batch, tracking_taken};
use crate::error::{ApiError, ErrorCode, FieldError};

/// An order as stored: the order as sent, contact data normalized, with
/// its id and times.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrderView {
    /// Id.
    #[schema(example = "ord_0193a0d4c6f07c2a8b1e5f3a9d2c4b6e")]
    pub id: String,
    /// Order number.
    #[schema(example = "1001")]
    pub number: String,
    /// When the order was placed.
    pub placed_at: chrono::DateTime<chrono::Utc>,
    /// ISO 4217 currency of every price.
    pub currency: Currency,
    /// Customer contact (email lower-cased, phone as E.164).
    pub customer: Customer,
    /// Shipping address.
    pub shipping_address: ShippingAddress,
    /// Lines.
    pub lines: Vec<Line>,
    /// Shipments.
    pub shipments: Vec<Shipment>,
    /// First ingestion.
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// Last upsert.
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

impl TryFrom<OrderRow> for OrderView {
    type Error = ApiError;

    fn try_from(row: OrderRow) -> Result<OrderView, ApiError> {
        let order = row.order()?;
        Ok(OrderView {
            id: row.id,
            number: order.number,
            placed_at: order.placed_at,
            currency: order.currency,
            customer: order.customer,
            shipping_address: order.shipping_address,
            lines: order.lines,
            shipments: order.shipments,
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
    #[schema(min_items = 1, max_items = 1000)]
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

/// Normalizes `order` for the brand and returns its errors (paths relative
/// to the order): its own rules, then tracking numbers of other orders.
fn check(
    conn: &mut DbConn,
    brand_id: &str,
    region: Option<&str>,
    order: &mut Order,
) -> Result<Vec<FieldError>, ApiError> {
    let mut errors = order.normalize(region);
    if errors.is_empty() {
        let own = crate::db::orders::by_number(conn, brand_id, &order.number)?.map(|r| r.id);
        let taken = crate::db::orders::taken_tracking(conn, brand_id, order, own.as_deref())?;
        errors.extend(tracking_taken(&taken));
    }
    Ok(errors)
}

/// Creates or replaces one order by its number (lines and shipments are
/// replaced as a whole). Returns the stored order and whether it was new.
pub async fn upsert(
    state: &AppState,
    merchant: &Merchant,
    slug: &str,
    order: Order,
) -> Result<(OrderView, bool), ApiError> {
    let (merchant, slug) = (merchant.clone(), slug.to_string());
    let (row, created) = state
        .db
        .write(move |conn| {
            let brand = merchant_brand(conn, &merchant, &slug)?;
            let (settings, _) = crate::db::settings::get(conn, &brand.id)?;
            let mut order = order.clone();
            ApiError::check(check(
                conn,
                &brand.id,
                settings.phone_region.as_deref(),
                &mut order,
            )?)?;
            Ok(crate::db::orders::upsert(conn, &brand.id, &order)?)
        })
        .await?;
    Ok((OrderView::try_from(row)?, created))
}

/// 404 `brand_not_found` unless `merchant` may manage the brand: checked
/// before a bulk body is read, so another tenant's key cannot make the node
/// read and parse megabytes.
pub async fn authorize(state: &AppState, merchant: &Merchant, slug: &str) -> Result<(), ApiError> {
    let (merchant, slug) = (merchant.clone(), slug.to_string());
    state
        .db
        .read(move |conn| merchant_brand(conn, &merchant, &slug).map(|_| ()))
        .await
}

/// Position of the order an error of a bulk request belongs to.
fn order_index(e: &FieldError) -> usize {
    e.field
        .strip_prefix("orders[")
        .and_then(|rest| rest.split(']').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(usize::MAX)
}

/// Creates or replaces up to 1,000 orders in one transaction: when any is
/// invalid nothing is written and every error is reported with its path
/// (`orders[3].lines[0].quantity`).
pub async fn upsert_many(
    state: &AppState,
    merchant: &Merchant,
    slug: &str,
    orders: Vec<Order>,
) -> Result<BulkResult, ApiError> {
    ApiError::check(check_batch(&orders))?;
    let (merchant, slug) = (merchant.clone(), slug.to_string());
    state
        .db
        .write(move |conn| {
            let brand = merchant_brand(conn, &merchant, &slug)?;
            let (settings, _) = crate::db::settings::get(conn, &brand.id)?;
            let region = settings.phone_region.as_deref();
            let mut orders = orders.clone();
            let mut errors = Vec::new();
            for (i, order) in orders.iter_mut().enumerate() {
                let prefix = format!("orders[{i}]");
                errors.extend(
                    check(conn, &brand.id, region, order)?
                        .into_iter()
                        .map(|e| e.within(&prefix)),
                );
            }
            // Each order's own errors, then its clashes with the others.
            errors.extend(check_batch(&orders));
            errors.sort_by_key(order_index);
            ApiError::check(errors)?;
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
        .await
}

/// One order by number (`#`, spaces and case are ignored).
pub async fn get(
    state: &AppState,
    merchant: &Merchant,
    slug: &str,
    number: &str,
) -> Result<OrderView, ApiError> {
    let (merchant, slug, number) = (merchant.clone(), slug.to_string(), number.to_string());
    let row = state
        .db
        .read(move |conn| {
            let brand = merchant_brand(conn, &merchant, &slug)?;
            crate::db::orders::by_number(conn, &brand.id, &number)?.ok_or_else(|| {
                ApiError::new(ErrorCode::OrderNotFound, "No order with this number.")
            })
        })
        .await?;
    OrderView::try_from(row)
}

/// Upserts orders of a brand without an API key (demo seeding), with the
/// same checks as the API.
pub async fn seed(db: &crate::db::Db, brand_id: &str, orders: Vec<Order>) -> Result<(), ApiError> {
    let brand_id = brand_id.to_string();
    db.write(move |conn| {
        let (settings, _) = crate::db::settings::get(conn, &brand_id)?;
        for order in &orders {
            let mut order = order.clone();
            ApiError::check(check(
                conn,
                &brand_id,
                settings.phone_region.as_deref(),
                &mut order,
            )?)?;
            crate::db::orders::upsert(conn, &brand_id, &order)?;
        }
        Ok(())
    })
    .await
}

/// The id of the brand's order with this number, if any.
pub async fn id_by_number(
    db: &crate::db::Db,
    brand_id: &str,
    number: &str,
) -> Result<Option<String>, ApiError> {
    let (brand_id, number) = (brand_id.to_string(), number.to_string());
    db.read(move |conn| Ok(crate::db::orders::by_number(conn, &brand_id, &number)?.map(|o| o.id)))
        .await
}
