//! Receipts, their units, and the inventory ledger.
//!
//! The ledger is append-only and numbered per brand: a writer takes its
//! numbers by updating the brand's row in `inventory_sequences`, which it
//! holds until it commits, so numbers are committed in order and a reader
//! resuming after number `n` never misses a row committed later with a
//! smaller one.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{
    inventory_movements, inventory_sequences, product_variants, receipt_units, receipts,
};
use super::{DbConn, DbResult, OneRow};

/// A receipt: one scan of a return.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = receipts)]
pub struct ReceiptRow {
    /// Id (`rcp_…`).
    pub id: String,
    /// Brand.
    pub brand_id: String,
    /// Return.
    pub return_id: String,
    /// RMA or tracking number as scanned.
    pub reference: String,
    /// Where it was received.
    pub location: Option<String>,
    /// Who scanned (`merchant:<key id>`).
    pub actor: String,
    /// When.
    pub created_at: NaiveDateTime,
}

/// One received unit.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = receipt_units)]
pub struct UnitRow {
    /// Id (`rcu_…`).
    pub id: String,
    /// Receipt.
    pub receipt_id: String,
    /// Brand.
    pub brand_id: String,
    /// Return.
    pub return_id: String,
    /// Its item; none when it was not in the return.
    pub return_item_id: Option<String>,
    /// Order within the receipt.
    pub position: i32,
    /// SKU.
    pub sku: String,
    /// Condition found.
    pub condition_code: Option<String>,
    /// Received damaged.
    pub damaged: bool,
    /// Not in the return.
    pub unexpected: bool,
    /// Unit price (minor units; 0 when unexpected).
    pub unit_value: i64,
    /// Disposition.
    pub disposition: String,
    /// Grade (restock).
    pub grade: Option<String>,
    /// Rule that chose the disposition.
    pub rule_id: Option<String>,
    /// Who overrode the disposition.
    pub overridden_by: Option<String>,
    /// When.
    pub overridden_at: Option<NaiveDateTime>,
    /// Received.
    pub created_at: NaiveDateTime,
}

/// A movement of the inventory ledger.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = inventory_movements)]
pub struct MovementRow {
    /// Brand.
    pub brand_id: String,
    /// Number within the brand's ledger (the cursor).
    pub seq: i64,
    /// Id (`imv_…`).
    pub id: String,
    /// SKU.
    pub sku: String,
    /// Location.
    pub location: Option<String>,
    /// Units in (positive) or out (negative) of the disposition.
    pub quantity: i32,
    /// Disposition.
    pub disposition: String,
    /// Grade.
    pub grade: Option<String>,
    /// Return.
    pub return_id: String,
    /// Receipt.
    pub receipt_id: String,
    /// `received` or `reclassified`.
    pub kind: String,
    /// When.
    pub created_at: NaiveDateTime,
}

/// Records a receipt and its units.
pub fn insert(conn: &mut DbConn, receipt: &ReceiptRow, units: &[UnitRow]) -> DbResult<()> {
    diesel::insert_into(receipts::table)
        .values(receipt)
        .execute(conn)?;
    for chunk in units.chunks(200) {
        crate::per_backend!(&mut *conn, c => diesel::insert_into(receipt_units::table)
            .values(chunk)
            .execute(c))?;
    }
    Ok(())
}

/// A receipt of the brand with its units in order.
pub fn get(
    conn: &mut DbConn,
    brand_id: &str,
    id: &str,
) -> DbResult<Option<(ReceiptRow, Vec<UnitRow>)>> {
    let Some(receipt) = receipts::table
        .find(id)
        .filter(receipts::brand_id.eq(brand_id))
        .select(ReceiptRow::as_select())
        .one(conn)?
    else {
        return Ok(None);
    };
    let units = units_of(conn, std::slice::from_ref(&receipt.id))?;
    Ok(Some((receipt, units)))
}

/// The units of these receipts, by receipt and position.
pub fn units_of(conn: &mut DbConn, receipt_ids: &[String]) -> DbResult<Vec<UnitRow>> {
    Ok(receipt_units::table
        .filter(receipt_units::receipt_id.eq_any(receipt_ids))
        .order((receipt_units::receipt_id, receipt_units::position))
        .select(UnitRow::as_select())
        .load(conn)?)
}

/// Receipts of the brand (of one return, if named), newest first, after
/// `cursor` (a receipt id).
pub fn list(
    conn: &mut DbConn,
    brand_id: &str,
    return_id: Option<&str>,
    cursor: Option<&str>,
    limit: i64,
) -> DbResult<Vec<ReceiptRow>> {
    let mut q = receipts::table
        .filter(receipts::brand_id.eq(brand_id))
        .select(ReceiptRow::as_select())
        .order(receipts::id.desc())
        .limit(limit)
        .into_boxed();
    if let Some(r) = return_id {
        q = q.filter(receipts::return_id.eq(r.to_string()));
    }
    if let Some(c) = cursor {
        q = q.filter(receipts::id.lt(c.to_string()));
    }
    Ok(q.load(conn)?)
}

/// Records a unit's new disposition and who chose it.
pub fn set_disposition(conn: &mut DbConn, unit: &UnitRow) -> DbResult<()> {
    diesel::update(receipt_units::table.find(&unit.id))
        .set((
            receipt_units::disposition.eq(&unit.disposition),
            receipt_units::grade.eq(&unit.grade),
            receipt_units::overridden_by.eq(&unit.overridden_by),
            receipt_units::overridden_at.eq(unit.overridden_at),
        ))
        .execute(conn)?;
    Ok(())
}

/// Appends movements to the brand's ledger, numbering them after its last
/// (see the module); the rows as written.
pub fn append(
    conn: &mut DbConn,
    brand_id: &str,
    mut movements: Vec<MovementRow>,
) -> DbResult<Vec<MovementRow>> {
    if movements.is_empty() {
        return Ok(movements);
    }
    crate::per_backend!(&mut *conn, c => diesel::insert_into(inventory_sequences::table)
        .values((
            inventory_sequences::brand_id.eq(brand_id),
            inventory_sequences::last_seq.eq(0i64),
        ))
        .on_conflict_do_nothing()
        .execute(c))?;
    let n = movements.len() as i64;
    diesel::update(inventory_sequences::table.find(brand_id))
        .set(inventory_sequences::last_seq.eq(inventory_sequences::last_seq + n))
        .execute(conn)?;
    let last: i64 = inventory_sequences::table
        .find(brand_id)
        .select(inventory_sequences::last_seq)
        .one(conn)?
        .unwrap_or(n);
    for (i, m) in movements.iter_mut().enumerate() {
        m.seq = last - n + 1 + i as i64;
        m.brand_id = brand_id.to_string();
    }
    crate::per_backend!(&mut *conn, c => diesel::insert_into(inventory_movements::table)
        .values(&movements)
        .execute(c))?;
    Ok(movements)
}

/// The brand's movements after number `after`, oldest first; only those
/// recorded at or after `since`, if given.
pub fn movements(
    conn: &mut DbConn,
    brand_id: &str,
    after: i64,
    since: Option<NaiveDateTime>,
    limit: i64,
) -> DbResult<Vec<MovementRow>> {
    let mut q = inventory_movements::table
        .filter(inventory_movements::brand_id.eq(brand_id))
        .filter(inventory_movements::seq.gt(after))
        .order(inventory_movements::seq)
        .limit(limit)
        .select(MovementRow::as_select())
        .into_boxed();
    if let Some(t) = since {
        q = q.filter(inventory_movements::created_at.ge(t));
    }
    Ok(q.load(conn)?)
}

/// Adds `delta` units to a variant's stock in the brand's catalogue (never
/// below 0) and moves its version; `false` when the catalogue has no such
/// SKU.
pub fn add_stock(
    conn: &mut DbConn,
    brand_id: &str,
    sku: &str,
    delta: i64,
    now: NaiveDateTime,
) -> DbResult<bool> {
    use diesel::dsl::sql;
    use diesel::sql_types::BigInt;
    let changed = diesel::update(product_variants::table.find((brand_id, sku)))
        .set((
            product_variants::available.eq(sql::<BigInt>("CASE WHEN available + ")
                .bind::<BigInt, _>(delta)
                .sql(" < 0 THEN 0 ELSE available + ")
                .bind::<BigInt, _>(delta)
                .sql(" END")),
            product_variants::version.eq(product_variants::version + 1),
            product_variants::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(changed == 1)
}

/// The tags of the catalogue product of a SKU (none when the catalogue
/// does not hold it).
pub fn product_tags(conn: &mut DbConn, brand_id: &str, sku: &str) -> DbResult<Vec<String>> {
    use super::schema::products;
    let tags: Option<String> = product_variants::table
        .inner_join(
            products::table.on(products::brand_id
                .eq(product_variants::brand_id)
                .and(products::id.eq(product_variants::product_id))),
        )
        .filter(product_variants::brand_id.eq(brand_id))
        .filter(product_variants::sku.eq(sku))
        .select(products::tags)
        .one(conn)?;
    Ok(tags
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default())
}

/// The return of the brand a scanned reference names: its RMA number
/// (any case), else a label's tracking number.
pub fn return_of_reference(
    conn: &mut DbConn,
    brand_id: &str,
    reference: &str,
) -> DbResult<Option<String>> {
    use super::schema::{labels, returns};
    let reference = reference.trim();
    let by_rma: Option<String> = returns::table
        .filter(returns::brand_id.eq(brand_id))
        .filter(returns::rma_number.eq(reference.to_ascii_uppercase()))
        .select(returns::id)
        .one(conn)?;
    if by_rma.is_some() {
        return Ok(by_rma);
    }
    Ok(labels::table
        .filter(labels::brand_id.eq(brand_id))
        .filter(labels::tracking_number.eq(reference))
        .select(labels::return_id)
        .order(labels::created_at.desc())
        .limit(1)
        .load(conn)?
        .into_iter()
        .next())
}

/// The movements of a receipt, in ledger order.
pub fn movements_of(
    conn: &mut DbConn,
    brand_id: &str,
    receipt_id: &str,
) -> DbResult<Vec<MovementRow>> {
    Ok(inventory_movements::table
        .filter(inventory_movements::brand_id.eq(brand_id))
        .filter(inventory_movements::receipt_id.eq(receipt_id))
        .order(inventory_movements::seq)
        .select(MovementRow::as_select())
        .load(conn)?)
}

/// A page of the brand's received units with their receipts, oldest first,
/// after unit `after` (an id); only units received at or after `since`.
pub fn unit_page(
    conn: &mut DbConn,
    brand_id: &str,
    after: Option<&str>,
    since: Option<NaiveDateTime>,
    limit: i64,
) -> DbResult<Vec<(UnitRow, ReceiptRow)>> {
    let mut q = receipt_units::table
        .inner_join(receipts::table.on(receipts::id.eq(receipt_units::receipt_id)))
        .filter(receipt_units::brand_id.eq(brand_id))
        .order(receipt_units::id)
        .limit(limit)
        .select((UnitRow::as_select(), ReceiptRow::as_select()))
        .into_boxed();
    if let Some(a) = after {
        q = q.filter(receipt_units::id.gt(a.to_string()));
    }
    if let Some(t) = since {
        q = q.filter(receipt_units::created_at.ge(t));
    }
    Ok(q.load(conn)?)
}
