//! The brand's catalogue: product rows and their variant rows.

use std::collections::HashMap;

use diesel::prelude::*;

use super::schema::{product_variants, products, stock_reservations};
use super::{DbConn, DbResult, OneRow};
use crate::domain::catalogue::Product;

/// A row of `products`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = products, treat_none_as_default_value = false, treat_none_as_null = true)]
pub struct ProductRow {
    /// Brand.
    pub brand_id: String,
    /// The merchant's product id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Option names (JSON array).
    pub options: String,
    /// Tags (JSON array).
    pub tags: String,
    /// Vendor.
    pub vendor: Option<String>,
    /// Image.
    pub image_url: Option<String>,
    /// Offered as exchanges.
    pub exchangeable: bool,
    /// Created.
    pub created_at: chrono::NaiveDateTime,
    /// Last change.
    pub updated_at: chrono::NaiveDateTime,
}

impl ProductRow {
    /// The option names.
    pub fn options(&self) -> Vec<String> {
        serde_json::from_str(&self.options).unwrap_or_default()
    }

    /// The tags.
    pub fn tags(&self) -> Vec<String> {
        serde_json::from_str(&self.tags).unwrap_or_default()
    }
}

/// A row of `product_variants`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = product_variants, treat_none_as_default_value = false, treat_none_as_null = true)]
pub struct VariantRow {
    /// Brand.
    pub brand_id: String,
    /// SKU.
    pub sku: String,
    /// Its product.
    pub product_id: String,
    /// Position within the product.
    pub position: i32,
    /// Option values (JSON object).
    pub option_values: String,
    /// Price per currency (JSON object, minor units).
    pub prices: String,
    /// Stock.
    pub available: i64,
    /// Units promised to exchanges not shipped yet.
    pub reserved: i64,
    /// Image.
    pub image_url: Option<String>,
    /// Version (moves with every change).
    pub version: i64,
    /// Last change.
    pub updated_at: chrono::NaiveDateTime,
}

impl VariantRow {
    /// The option values.
    pub fn option_values(&self) -> std::collections::BTreeMap<String, String> {
        serde_json::from_str(&self.option_values).unwrap_or_default()
    }

    /// The prices by currency code.
    pub fn prices(&self) -> std::collections::BTreeMap<String, i64> {
        serde_json::from_str(&self.prices).unwrap_or_default()
    }

    /// Units that may still be promised.
    pub fn free(&self) -> i64 {
        (self.available - self.reserved).max(0)
    }
}

/// A product with its variants in order.
pub type Family = (ProductRow, Vec<VariantRow>);

/// What an upsert did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Upserted {
    /// The product is new.
    Created,
    /// It replaced the stored one.
    Replaced,
    /// Another product of the brand has this SKU (nothing written).
    SkuTaken(String),
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// Writes a product and its variants, replacing the stored ones under its
/// id: variants it no longer lists are removed, those it keeps keep their
/// reservations, and each one's version moves.
pub fn upsert(
    conn: &mut DbConn,
    brand_id: &str,
    product: &Product,
    now: chrono::NaiveDateTime,
) -> DbResult<Upserted> {
    let skus: Vec<&str> = product.variants.iter().map(|v| v.sku.as_str()).collect();
    let taken: Option<String> = product_variants::table
        .filter(product_variants::brand_id.eq(brand_id))
        .filter(product_variants::sku.eq_any(&skus))
        .filter(product_variants::product_id.ne(&product.id))
        .select(product_variants::sku)
        .first(conn)
        .optional()?;
    if let Some(sku) = taken {
        return Ok(Upserted::SkuTaken(sku));
    }
    let stored: Option<chrono::NaiveDateTime> = products::table
        .find((brand_id, &product.id))
        .select(products::created_at)
        .one(conn)?;
    let row = ProductRow {
        brand_id: brand_id.to_string(),
        id: product.id.clone(),
        title: product.title.clone(),
        options: json(&product.options),
        tags: json(&product.tags),
        vendor: product.vendor.clone(),
        image_url: product.image_url.clone(),
        exchangeable: product.exchangeable,
        created_at: stored.unwrap_or(now),
        updated_at: now,
    };
    let old: HashMap<String, (i64, i64)> = product_variants::table
        .filter(product_variants::brand_id.eq(brand_id))
        .filter(product_variants::product_id.eq(&product.id))
        .select((
            product_variants::sku,
            product_variants::reserved,
            product_variants::version,
        ))
        .load::<(String, i64, i64)>(conn)?
        .into_iter()
        .map(|(sku, reserved, version)| (sku, (reserved, version)))
        .collect();
    if stored.is_some() {
        diesel::update(products::table.find((brand_id, &product.id)))
            .set(&row)
            .execute(conn)?;
        diesel::delete(
            product_variants::table
                .filter(product_variants::brand_id.eq(brand_id))
                .filter(product_variants::product_id.eq(&product.id)),
        )
        .execute(conn)?;
    } else {
        diesel::insert_into(products::table)
            .values(&row)
            .execute(conn)?;
    }
    let variants: Vec<VariantRow> = product
        .variants
        .iter()
        .enumerate()
        .map(|(position, v)| {
            let (reserved, version) = old.get(&v.sku).copied().unwrap_or((0, 0));
            VariantRow {
                brand_id: brand_id.to_string(),
                sku: v.sku.clone(),
                product_id: product.id.clone(),
                position: position as i32,
                option_values: json(&v.option_values),
                prices: json(&v.prices),
                available: v.available,
                reserved,
                image_url: v.image_url.clone(),
                version: version + 1,
                updated_at: now,
            }
        })
        .collect();
    crate::per_backend!(&mut *conn, c => diesel::insert_into(product_variants::table)
        .values(&variants)
        .execute(c))?;
    Ok(if stored.is_some() {
        Upserted::Replaced
    } else {
        Upserted::Created
    })
}

/// The variants of these products of the brand, by product, in order.
fn variants_of(
    conn: &mut DbConn,
    brand_id: &str,
    product_ids: &[String],
) -> DbResult<HashMap<String, Vec<VariantRow>>> {
    let rows: Vec<VariantRow> = product_variants::table
        .filter(product_variants::brand_id.eq(brand_id))
        .filter(product_variants::product_id.eq_any(product_ids))
        .order((product_variants::product_id, product_variants::position))
        .select(VariantRow::as_select())
        .load(conn)?;
    let mut by_product: HashMap<String, Vec<VariantRow>> = HashMap::new();
    for v in rows {
        by_product.entry(v.product_id.clone()).or_default().push(v);
    }
    Ok(by_product)
}

/// A product of the brand with its variants.
pub fn get(conn: &mut DbConn, brand_id: &str, id: &str) -> DbResult<Option<Family>> {
    let Some(product) = products::table
        .find((brand_id, id))
        .select(ProductRow::as_select())
        .one(conn)?
    else {
        return Ok(None);
    };
    let mut variants = variants_of(conn, brand_id, std::slice::from_ref(&product.id))?;
    let mine = variants.remove(&product.id).unwrap_or_default();
    Ok(Some((product, mine)))
}

/// The brand's products after the id `after`, by id (`limit` of them),
/// with their variants.
pub fn list(
    conn: &mut DbConn,
    brand_id: &str,
    after: Option<&str>,
    limit: i64,
) -> DbResult<Vec<Family>> {
    let mut q = products::table
        .filter(products::brand_id.eq(brand_id))
        .into_boxed();
    if let Some(after) = after {
        q = q.filter(products::id.gt(after.to_string()));
    }
    let rows: Vec<ProductRow> = q
        .order(products::id)
        .limit(limit)
        .select(ProductRow::as_select())
        .load(conn)?;
    let ids: Vec<String> = rows.iter().map(|p| p.id.clone()).collect();
    let mut variants = variants_of(conn, brand_id, &ids)?;
    Ok(rows
        .into_iter()
        .map(|p| {
            let mine = variants.remove(&p.id).unwrap_or_default();
            (p, mine)
        })
        .collect())
}

/// A variant of the brand.
pub fn variant(conn: &mut DbConn, brand_id: &str, sku: &str) -> DbResult<Option<VariantRow>> {
    Ok(product_variants::table
        .find((brand_id, sku))
        .select(VariantRow::as_select())
        .one(conn)?)
}

/// Sets a variant's stock and moves its version; the row after.
pub fn set_stock(
    conn: &mut DbConn,
    variant: &VariantRow,
    available: i64,
    now: chrono::NaiveDateTime,
) -> DbResult<VariantRow> {
    diesel::update(product_variants::table.find((&variant.brand_id, &variant.sku)))
        .set((
            product_variants::available.eq(available),
            product_variants::version.eq(variant.version + 1),
            product_variants::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(VariantRow {
        available,
        version: variant.version + 1,
        updated_at: now,
        ..variant.clone()
    })
}

/// The products of these SKUs or product ids (an order's lines), with
/// all their variants.
pub fn families(
    conn: &mut DbConn,
    brand_id: &str,
    skus: &[String],
    product_ids: &[String],
) -> DbResult<Vec<Family>> {
    let mut ids: Vec<String> = product_variants::table
        .filter(product_variants::brand_id.eq(brand_id))
        .filter(product_variants::sku.eq_any(skus))
        .select(product_variants::product_id)
        .load(conn)?;
    ids.extend(product_ids.iter().cloned());
    ids.sort();
    ids.dedup();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<ProductRow> = products::table
        .filter(products::brand_id.eq(brand_id))
        .filter(products::id.eq_any(&ids))
        .select(ProductRow::as_select())
        .load(conn)?;
    let mut variants = variants_of(conn, brand_id, &ids)?;
    Ok(rows
        .into_iter()
        .map(|p| {
            let mine = variants.remove(&p.id).unwrap_or_default();
            (p, mine)
        })
        .collect())
}

/// A reservation that holds its units.
pub const HELD: &str = "held";
/// A reservation whose units went back to the free stock.
pub const RELEASED: &str = "released";
/// A reservation whose replacement is to be sent.
pub const REQUESTED: &str = "requested";
/// A reservation whose sale was raised: its units left the stock.
pub const CONSUMED: &str = "consumed";

/// A row of `stock_reservations`: units of a variant promised to one
/// exchange item.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = stock_reservations)]
pub struct ReservationRow {
    /// Id (`rsv_…`).
    pub id: String,
    /// Brand.
    pub brand_id: String,
    /// The variant promised.
    pub sku: String,
    /// The return.
    pub return_id: String,
    /// The return item.
    pub item_id: String,
    /// Units.
    pub quantity: i64,
    /// `held`, `released` or `consumed`.
    pub status: String,
    /// Created.
    pub created_at: chrono::NaiveDateTime,
    /// Last change.
    pub updated_at: chrono::NaiveDateTime,
}

/// Holds the reservation's units of its variant when that many are free
/// (stock minus what other reservations hold), in one guarded update, and
/// records it; `false` (nothing written) when they are not. Concurrent
/// reservations of one variant queue on its row, and each re-reads the
/// row it updates, so the stock is never promised twice.
pub fn reserve(conn: &mut DbConn, r: &ReservationRow) -> DbResult<bool> {
    let taken = diesel::update(product_variants::table.find((&r.brand_id, &r.sku)))
        .filter(product_variants::available.ge(product_variants::reserved + r.quantity))
        .set((
            product_variants::reserved.eq(product_variants::reserved + r.quantity),
            product_variants::updated_at.eq(r.updated_at),
        ))
        .execute(conn)?;
    if taken == 0 {
        return Ok(false);
    }
    diesel::insert_into(stock_reservations::table)
        .values(r)
        .execute(conn)?;
    Ok(true)
}

/// Releases the held reservations of these return items: each one moves
/// to `released` once (a guarded update) and gives its units back to its
/// variant. The number released.
pub fn release_items(
    conn: &mut DbConn,
    item_ids: &[String],
    now: chrono::NaiveDateTime,
) -> DbResult<usize> {
    let released = step_items(conn, item_ids, HELD, RELEASED, now)?;
    for r in &released {
        diesel::update(product_variants::table.find((&r.brand_id, &r.sku)))
            .set((
                product_variants::reserved.eq(product_variants::reserved - r.quantity),
                product_variants::updated_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(released.len())
}

/// Moves the held reservations of these return items to `requested`
/// (each once, by a guarded update); the ones it moved.
pub fn request_items(
    conn: &mut DbConn,
    item_ids: &[String],
    now: chrono::NaiveDateTime,
) -> DbResult<Vec<ReservationRow>> {
    step_items(conn, item_ids, HELD, REQUESTED, now)
}

/// Moves the requested reservations of these return items to `consumed`
/// and takes their units out of the variants' stock and reservations
/// (each once); the ones it moved.
pub fn consume_items(
    conn: &mut DbConn,
    item_ids: &[String],
    now: chrono::NaiveDateTime,
) -> DbResult<Vec<ReservationRow>> {
    let moved = step_items(conn, item_ids, REQUESTED, CONSUMED, now)?;
    for r in &moved {
        diesel::update(product_variants::table.find((&r.brand_id, &r.sku)))
            .set((
                product_variants::available.eq(product_variants::available - r.quantity),
                product_variants::reserved.eq(product_variants::reserved - r.quantity),
                product_variants::version.eq(product_variants::version + 1),
                product_variants::updated_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(moved)
}

/// The reservations of these items in status `from`, each moved to `to`
/// by an update guarded by `from` (one that another transaction moved
/// first is left out).
fn step_items(
    conn: &mut DbConn,
    item_ids: &[String],
    from: &str,
    to: &str,
    now: chrono::NaiveDateTime,
) -> DbResult<Vec<ReservationRow>> {
    if item_ids.is_empty() {
        return Ok(Vec::new());
    }
    let found: Vec<ReservationRow> = stock_reservations::table
        .filter(stock_reservations::item_id.eq_any(item_ids))
        .filter(stock_reservations::status.eq(from))
        .order(stock_reservations::id)
        .select(ReservationRow::as_select())
        .load(conn)?;
    let mut moved = Vec::new();
    for mut r in found {
        let n = diesel::update(stock_reservations::table.find(&r.id))
            .filter(stock_reservations::status.eq(from))
            .set((
                stock_reservations::status.eq(to),
                stock_reservations::updated_at.eq(now),
            ))
            .execute(conn)?;
        if n == 1 {
            r.status = to.to_string();
            moved.push(r);
        }
    }
    Ok(moved)
}

/// Records the new sale's reference on these return items.
pub fn set_exchange_order(conn: &mut DbConn, item_ids: &[String], reference: &str) -> DbResult<()> {
    use super::schema::return_items;
    diesel::update(return_items::table.filter(return_items::id.eq_any(item_ids)))
        .set(return_items::exchange_order.eq(reference))
        .execute(conn)?;
    Ok(())
}
