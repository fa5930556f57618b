//! Order rows: the validated order document plus the columns lookups use,
//! and the brand-wide index of tracking numbers.

use diesel::prelude::*;

use super::schema::{order_tracking, orders};
use super::{DbConn, DbError, DbResult, OneRow};
use crate::domain::contact::identifier_key;
use crate::domain::orders::Order;

/// A row of `orders`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = orders)]
pub struct OrderRow {
    /// Id (`ord_…`).
    pub id: String,
    /// Brand.
    pub brand_id: String,
    /// Number as the merchant wrote it.
    pub number: String,
    /// Number as compared ([`identifier_key`]).
    pub number_key: String,
    /// When it was placed.
    pub placed_at: chrono::NaiveDateTime,
    /// Currency.
    pub currency: String,
    /// Lower-cased customer email.
    pub email_norm: Option<String>,
    /// E.164 customer phone.
    pub phone_e164: Option<String>,
    /// Normalized shipping postal code.
    pub postal_norm: Option<String>,
    /// Shipping country.
    pub country: String,
    /// The order (JSON of [`Order`]).
    pub document: String,
    /// First ingestion.
    pub created_at: chrono::NaiveDateTime,
    /// Last upsert.
    pub updated_at: chrono::NaiveDateTime,
}

impl OrderRow {
    /// The stored order document.
    pub fn order(&self) -> DbResult<Order> {
        serde_json::from_str(&self.document)
            .map_err(|e| DbError::Corrupt(format!("order {}: {e}", self.id)))
    }
}

/// Positions of the shipments of `order` whose tracking number another
/// order of the brand already uses.
pub fn taken_tracking(
    conn: &mut DbConn,
    brand_id: &str,
    order: &Order,
    own_id: Option<&str>,
) -> DbResult<Vec<usize>> {
    let keys: Vec<String> = order
        .shipments
        .iter()
        .map(|s| identifier_key(&s.tracking_number))
        .collect();
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let taken: Vec<(String, String)> = order_tracking::table
        .filter(order_tracking::brand_id.eq(brand_id))
        .filter(order_tracking::tracking_key.eq_any(&keys))
        .select((order_tracking::tracking_key, order_tracking::order_id))
        .load(conn)?;
    Ok(keys
        .iter()
        .enumerate()
        .filter(|(_, k)| {
            taken
                .iter()
                .any(|(t, o)| t == *k && Some(o.as_str()) != own_id)
        })
        .map(|(i, _)| i)
        .collect())
}

/// Inserts or replaces the order with this number. Returns the row and
/// whether it was created. Tracking numbers must have been checked.
pub fn upsert(conn: &mut DbConn, brand_id: &str, order: &Order) -> DbResult<(OrderRow, bool)> {
    let now = super::now();
    let number_key = identifier_key(&order.number);
    let existing = id_by_number_key(conn, brand_id, &number_key)?;
    let mut row = OrderRow {
        id: existing
            .clone()
            .unwrap_or_else(|| crate::domain::ids::new_id("ord")),
        brand_id: brand_id.to_string(),
        number: order.number.trim().to_string(),
        number_key: number_key.clone(),
        placed_at: order.placed_at.naive_utc(),
        currency: order.currency.to_string(),
        email_norm: order.customer.email.clone(),
        phone_e164: order.customer.phone.clone(),
        postal_norm: Some(order.postal_key()),
        country: order.shipping_address.country.clone(),
        document: serde_json::to_string(order)?,
        created_at: now,
        updated_at: now,
    };
    let mut created = false;
    if existing.is_none() {
        // Another node may insert the same number at the same moment: the
        // loser of that race updates the winner's row instead.
        let inserted = crate::per_backend!(&mut *conn, c => diesel::insert_into(orders::table)
            .values(&row)
            .on_conflict_do_nothing()
            .execute(c))?;
        if inserted == 1 {
            created = true;
        } else if let Some(id) = id_by_number_key(conn, brand_id, &number_key)? {
            row.id = id;
        }
    }
    if !created {
        let created_at: chrono::NaiveDateTime = orders::table
            .find(&row.id)
            .select(orders::created_at)
            .one(conn)?
            .ok_or(diesel::result::Error::NotFound)?;
        row.created_at = created_at;
        diesel::update(orders::table.find(&row.id))
            .set(&row)
            .execute(conn)?;
        diesel::delete(order_tracking::table.filter(order_tracking::order_id.eq(&row.id)))
            .execute(conn)?;
    }
    for shipment in &order.shipments {
        diesel::insert_into(order_tracking::table)
            .values((
                order_tracking::brand_id.eq(brand_id),
                order_tracking::tracking_key.eq(identifier_key(&shipment.tracking_number)),
                order_tracking::order_id.eq(&row.id),
            ))
            .execute(conn)?;
    }
    Ok((row, created))
}

fn id_by_number_key(
    conn: &mut DbConn,
    brand_id: &str,
    number_key: &str,
) -> DbResult<Option<String>> {
    Ok(orders::table
        .filter(orders::brand_id.eq(brand_id))
        .filter(orders::number_key.eq(number_key))
        .select(orders::id)
        .one(conn)?)
}

/// The order of the brand with this number (compared as an identifier key).
pub fn by_number(conn: &mut DbConn, brand_id: &str, number: &str) -> DbResult<Option<OrderRow>> {
    Ok(orders::table
        .filter(orders::brand_id.eq(brand_id))
        .filter(orders::number_key.eq(identifier_key(number)))
        .select(OrderRow::as_select())
        .one(conn)?)
}

/// The order by id within the brand.
pub fn by_id(conn: &mut DbConn, brand_id: &str, id: &str) -> DbResult<Option<OrderRow>> {
    Ok(orders::table
        .filter(orders::id.eq(id))
        .filter(orders::brand_id.eq(brand_id))
        .select(OrderRow::as_select())
        .one(conn)?)
}

/// [`by_id`] with the order's `returns_revision` (bumped by every return
/// created for it). With `lock`, the row stays locked until the transaction
/// ends on PostgreSQL (SQLite writers are serialized, there is nothing to
/// lock).
pub fn with_revision(
    conn: &mut DbConn,
    brand_id: &str,
    id: &str,
    lock: bool,
) -> DbResult<Option<(OrderRow, i64)>> {
    macro_rules! query {
        () => {
            orders::table
                .filter(orders::id.eq(id))
                .filter(orders::brand_id.eq(brand_id))
                .select((OrderRow::as_select(), orders::returns_revision))
        };
    }
    let rows = match conn {
        DbConn::Pg(c) if lock => query!().for_update().load(c)?,
        DbConn::Pg(c) => query!().load(c)?,
        DbConn::Sqlite(c) => query!().load(c)?,
    };
    Ok(rows.into_iter().next())
}

/// The order an identifier (order number or tracking number, already an
/// identifier key) points to, and whether it matched a tracking number.
pub fn find_by_identifier(
    conn: &mut DbConn,
    brand_id: &str,
    key: &str,
) -> DbResult<Option<(OrderRow, bool)>> {
    // The lookup hot path: run on the backend connection itself so the
    // prepared statement is cached by type, without rendering SQL per call.
    let by_number: Vec<OrderRow> = crate::per_backend!(&mut *conn, c => orders::table
        .filter(orders::brand_id.eq(brand_id))
        .filter(orders::number_key.eq(key))
        .select(OrderRow::as_select())
        .load(c))?;
    if let Some(row) = by_number.into_iter().next() {
        return Ok(Some((row, false)));
    }
    let by_tracking: Vec<OrderRow> = crate::per_backend!(&mut *conn, c => order_tracking::table
        .inner_join(orders::table)
        .filter(order_tracking::brand_id.eq(brand_id))
        .filter(order_tracking::tracking_key.eq(key))
        .select(OrderRow::as_select())
        .load(c))?;
    Ok(by_tracking.into_iter().next().map(|row| (row, true)))
}
