//! Returns with their items, parts, labels, scans and vendors: loading them
//! (locked for a change, or not), listing them, and saving their changes.

use std::collections::HashMap;

use diesel::prelude::*;

use super::rows::{ItemRow, LabelRow, ReturnRow, ShipmentRow};
use super::schema::{labels, return_items, return_shipments, returns};
use super::{DbConn, DbError, DbResult, OneRow};
use crate::domain::parts::PartStatus;
use crate::domain::return_status::{INACTIVE, ReturnStatus};

/// A return with everything that belongs to it.
#[derive(Debug, Clone)]
pub struct FullReturn {
    /// The return.
    pub ret: ReturnRow,
    /// Items in request order.
    pub items: Vec<ItemRow>,
    /// Shipments in order.
    pub shipments: Vec<ShipmentRow>,
    /// Labels.
    pub labels: Vec<LabelRow>,
    /// Carrier scans of its shipments, oldest first.
    pub tracking: Vec<super::rows::TrackingEventRow>,
    /// The vendors of its vendor parts.
    pub vendors: Vec<super::vendors::VendorRow>,
}

impl FullReturn {
    /// The statuses of its parts, in order.
    pub fn part_statuses(&self) -> Vec<PartStatus> {
        self.shipments.iter().map(|s| s.status).collect()
    }

    /// The vendor of a part, if it has one.
    pub fn vendor_of(&self, shipment: &ShipmentRow) -> Option<&super::vendors::VendorRow> {
        let id = shipment.vendor_id.as_deref()?;
        self.vendors.iter().find(|v| v.id == id)
    }
}

/// Units per order line held by the order's active returns: requested units
/// while a return awaits review, approved units after.
pub fn active_quantities(conn: &mut DbConn, order_id: &str) -> DbResult<HashMap<String, u32>> {
    // Hot path (lookup, every return write): run on the backend connection
    // so the statement is cached by type; excluding the two inactive
    // statuses instead of listing the active ones keeps it cacheable.
    let rows: Vec<(String, ReturnStatus, i32, i32)> = crate::per_backend!(conn, c => return_items::table
        .inner_join(returns::table)
        .filter(return_items::order_id.eq(order_id))
        .filter(returns::status.ne(INACTIVE[0]))
        .filter(returns::status.ne(INACTIVE[1]))
        .select((
            return_items::order_line_id,
            returns::status,
            return_items::requested_quantity,
            return_items::approved_quantity,
        ))
        .load(c))?;
    let mut held: HashMap<String, u32> = HashMap::new();
    for (line, status, requested, approved) in rows {
        let units = if status == ReturnStatus::Requested {
            requested
        } else {
            approved
        };
        *held.entry(line).or_default() += units.max(0) as u32;
    }
    Ok(held)
}

/// Inserts a new return and its parts.
///
/// The RMA number is unique: when the random one drawn is taken, a new one is
/// drawn (the insert itself detects it, no extra query).
pub fn insert(
    conn: &mut DbConn,
    full: &mut FullReturn,
    new_rma: impl Fn() -> String,
) -> DbResult<()> {
    let mut tries = 0;
    while crate::per_backend!(&mut *conn, c => diesel::insert_into(returns::table)
        .values(&full.ret)
        .on_conflict(returns::rma_number)
        .do_nothing()
        .execute(c))?
        == 0
    {
        tries += 1;
        if tries == 10 {
            return Err(DbError::Invariant(
                "no free RMA number after 10 tries".into(),
            ));
        }
        full.ret.rma_number = new_rma();
    }
    crate::per_backend!(&mut *conn, c => diesel::insert_into(return_shipments::table).values(&full.shipments).execute(c))?;
    crate::per_backend!(&mut *conn, c => diesel::insert_into(return_items::table).values(&full.items).execute(c))?;
    if !full.labels.is_empty() {
        crate::per_backend!(&mut *conn, c => diesel::insert_into(labels::table).values(&full.labels).execute(c))?;
    }
    Ok(())
}

/// The items, shipments, labels and carrier scans of a return.
pub(super) fn parts(conn: &mut DbConn, ret: ReturnRow) -> DbResult<FullReturn> {
    let items = return_items::table
        .filter(return_items::return_id.eq(&ret.id))
        .order(return_items::position.asc())
        .select(ItemRow::as_select())
        .load(conn)?;
    let shipments = return_shipments::table
        .filter(return_shipments::return_id.eq(&ret.id))
        .order(return_shipments::position.asc())
        .select(ShipmentRow::as_select())
        .load(conn)?;
    let labels = labels::table
        .filter(labels::return_id.eq(&ret.id))
        .select(LabelRow::as_select())
        .load(conn)?;
    // Only parcels a carrier reported on have scans to read.
    let tracking = if shipments.iter().any(|s| s.tracking_status.is_some()) {
        super::tracking::for_return(conn, &ret.id)?
    } else {
        Vec::new()
    };
    let vendor_ids: Vec<String> = shipments
        .iter()
        .filter_map(|s| s.vendor_id.clone())
        .collect();
    let vendors = if vendor_ids.is_empty() {
        Vec::new()
    } else {
        super::vendors::by_ids(conn, &ret.brand_id, &vendor_ids)?
    };
    Ok(FullReturn {
        ret,
        items,
        shipments,
        labels,
        tracking,
        vendors,
    })
}

/// A return of the brand, with its parts.
pub fn load(conn: &mut DbConn, brand_id: &str, id: &str) -> DbResult<Option<FullReturn>> {
    let ret = returns::table
        .find(id)
        .filter(returns::brand_id.eq(brand_id))
        .select(ReturnRow::as_select())
        .one(conn)?;
    ret.map(|r| parts(conn, r)).transpose()
}

/// A return of the brand, without its parts.
pub fn row(conn: &mut DbConn, brand_id: &str, id: &str) -> DbResult<Option<ReturnRow>> {
    Ok(returns::table
        .find(id)
        .filter(returns::brand_id.eq(brand_id))
        .select(ReturnRow::as_select())
        .one(conn)?)
}

/// Filters of the merchant list.
#[derive(Debug, Default, Clone)]
pub struct Filter {
    /// Any of these statuses.
    pub statuses: Vec<ReturnStatus>,
    /// Created at or after.
    pub created_after: Option<chrono::NaiveDateTime>,
    /// Created before.
    pub created_before: Option<chrono::NaiveDateTime>,
    /// Order number key.
    pub order_number: Option<String>,
    /// Only returns with a part of this vendor.
    pub vendor_id: Option<String>,
    /// Only returns with a part (of that vendor, if named) in one of these statuses.
    pub part_statuses: Vec<PartStatus>,
}

/// A page of the brand's returns, newest first, before `cursor` (an id).
pub fn list(
    conn: &mut DbConn,
    brand_id: &str,
    filter: &Filter,
    cursor: Option<&str>,
    limit: i64,
) -> DbResult<Vec<FullReturn>> {
    let rows = page(conn, brand_id, filter, cursor, limit)?;
    rows.into_iter().map(|r| parts(conn, r)).collect()
}

/// The rows of a page of the brand's returns, newest first, before
/// `cursor` (an id), without their parts.
pub fn page(
    conn: &mut DbConn,
    brand_id: &str,
    filter: &Filter,
    cursor: Option<&str>,
    limit: i64,
) -> DbResult<Vec<ReturnRow>> {
    let mut q = returns::table
        .filter(returns::brand_id.eq(brand_id))
        .select(ReturnRow::as_select())
        .order(returns::id.desc())
        .limit(limit)
        .into_boxed();
    if !filter.statuses.is_empty() {
        q = q.filter(returns::status.eq_any(filter.statuses.clone()));
    }
    if let Some(after) = filter.created_after {
        q = q.filter(returns::created_at.ge(after));
    }
    if let Some(before) = filter.created_before {
        q = q.filter(returns::created_at.lt(before));
    }
    if let Some(number) = &filter.order_number {
        use super::schema::orders;
        let ids = orders::table
            .filter(orders::brand_id.eq(brand_id))
            .filter(orders::number_key.eq(crate::domain::contact::identifier_key(number)))
            .select(orders::id);
        q = q.filter(returns::order_id.eq_any(ids));
    }
    let statuses = filter.part_statuses.clone();
    match (&filter.vendor_id, statuses.is_empty()) {
        (None, true) => {}
        (Some(vendor), true) => {
            q = q.filter(
                returns::id.eq_any(
                    return_shipments::table
                        .filter(return_shipments::vendor_id.eq(vendor.clone()))
                        .select(return_shipments::return_id),
                ),
            )
        }
        (Some(vendor), false) => {
            q = q.filter(
                returns::id.eq_any(
                    return_shipments::table
                        .filter(return_shipments::vendor_id.eq(vendor.clone()))
                        .filter(return_shipments::status.eq_any(statuses))
                        .select(return_shipments::return_id),
                ),
            )
        }
        (None, false) => {
            q = q.filter(
                returns::id.eq_any(
                    return_shipments::table
                        .filter(return_shipments::status.eq_any(statuses))
                        .select(return_shipments::return_id),
                ),
            )
        }
    }
    if let Some(cursor) = cursor {
        q = q.filter(returns::id.lt(cursor.to_string()));
    }
    Ok(q.load(conn)?)
}

/// An item of a return as an export lists it.
#[derive(Debug, Clone)]
pub struct ItemLine {
    /// The return.
    pub ret: ReturnRow,
    /// The item.
    pub item: ItemRow,
    /// The vendor of the item's part.
    pub vendor_id: Option<String>,
    /// The order's shipping country.
    pub country: String,
}

/// The items of a page of the brand's returns (as [`page`] picks them),
/// returns newest first and each return's items in order, with the id of
/// the page's last return when a next page may follow.
pub fn item_lines(
    conn: &mut DbConn,
    brand_id: &str,
    filter: &Filter,
    cursor: Option<&str>,
    limit: i64,
) -> DbResult<(Vec<ItemLine>, Option<String>)> {
    use super::schema::orders;
    let rets = page(conn, brand_id, filter, cursor, limit)?;
    let next = (rets.len() as i64 == limit)
        .then(|| rets.last().map(|r| r.id.clone()))
        .flatten();
    let ids: Vec<&str> = rets.iter().map(|r| r.id.as_str()).collect();
    let items: Vec<(ItemRow, Option<String>)> = return_items::table
        .inner_join(return_shipments::table.on(return_shipments::id.eq(return_items::shipment_id)))
        .filter(return_items::return_id.eq_any(&ids))
        .order((return_items::return_id.desc(), return_items::position.asc()))
        .select((ItemRow::as_select(), return_shipments::vendor_id))
        .load(conn)?;
    let order_ids: Vec<&str> = rets.iter().map(|r| r.order_id.as_str()).collect();
    let countries: HashMap<String, String> = orders::table
        .filter(orders::id.eq_any(&order_ids))
        .select((orders::id, orders::country))
        .load::<(String, String)>(conn)?
        .into_iter()
        .collect();
    let mut by_return: HashMap<String, Vec<(ItemRow, Option<String>)>> = HashMap::new();
    for (item, vendor) in items {
        by_return
            .entry(item.return_id.clone())
            .or_default()
            .push((item, vendor));
    }
    let mut lines = Vec::new();
    for ret in rets {
        let country = countries.get(&ret.order_id).cloned().unwrap_or_default();
        for (item, vendor_id) in by_return.remove(&ret.id).unwrap_or_default() {
            lines.push(ItemLine {
                ret: ret.clone(),
                item,
                vendor_id,
                country: country.clone(),
            });
        }
    }
    Ok((lines, next))
}

/// A return of the brand with its parts, its row locked until the
/// transaction ends on PostgreSQL, so that two changes of one return
/// (a merchant's cancel and a vendor's approval, say) decide one after
/// the other (SQLite writers are serialized: nothing to lock).
pub fn load_locked(conn: &mut DbConn, brand_id: &str, id: &str) -> DbResult<Option<FullReturn>> {
    macro_rules! query {
        () => {
            returns::table
                .find(id)
                .filter(returns::brand_id.eq(brand_id))
                .select(ReturnRow::as_select())
        };
    }
    let rows = match conn {
        DbConn::Pg(c) => query!().for_update().load(c)?,
        DbConn::Sqlite(c) => query!().load(c)?,
    };
    rows.into_iter().next().map(|r| parts(conn, r)).transpose()
}

/// Saves the status and outcome of a part.
pub fn save_part(conn: &mut DbConn, part: &ShipmentRow) -> DbResult<()> {
    diesel::update(return_shipments::table.find(&part.id))
        .set((
            return_shipments::status.eq(&part.status),
            return_shipments::vendor_due_at.eq(part.vendor_due_at),
            return_shipments::rejection.eq(&part.rejection),
            return_shipments::resolution_given.eq(&part.resolution_given),
            return_shipments::commission_reversal.eq(part.commission_reversal),
        ))
        .execute(conn)?;
    Ok(())
}

/// Returns of one order, newest first.
pub fn for_order(conn: &mut DbConn, order_id: &str) -> DbResult<Vec<FullReturn>> {
    let rows = returns::table
        .filter(returns::order_id.eq(order_id))
        .order(returns::id.desc())
        .limit(100)
        .select(ReturnRow::as_select())
        .load(conn)?;
    rows.into_iter().map(|r| parts(conn, r)).collect()
}

pub fn set_status(conn: &mut DbConn, ret: &mut ReturnRow, status: ReturnStatus) -> DbResult<()> {
    ret.status = status;
    ret.updated_at = super::now();
    diesel::update(returns::table.find(&ret.id))
        .set((
            returns::status.eq(ret.status),
            returns::updated_at.eq(ret.updated_at),
        ))
        .execute(conn)?;
    Ok(())
}

/// Marks the return changed at `at` (for what reads changes since a time,
/// such as report summaries), when nothing else about its row changed.
pub fn touch(conn: &mut DbConn, return_id: &str, at: chrono::NaiveDateTime) -> DbResult<()> {
    diesel::update(
        returns::table
            .find(return_id)
            .filter(returns::updated_at.lt(at)),
    )
    .set(returns::updated_at.eq(at))
    .execute(conn)?;
    Ok(())
}

/// Records the payment of what the return owed.
pub fn save_payment(conn: &mut DbConn, ret: &ReturnRow) -> DbResult<()> {
    diesel::update(returns::table.find(&ret.id))
        .set((
            returns::payment_reference.eq(&ret.payment_reference),
            returns::paid_at.eq(ret.paid_at),
        ))
        .execute(conn)?;
    Ok(())
}

/// Marks the return's store credit issued at `at`, unless it was already:
/// whether this call issued it (the guard that makes issuing happen once).
pub fn issue_store_credit(
    conn: &mut DbConn,
    ret: &mut ReturnRow,
    at: chrono::NaiveDateTime,
) -> DbResult<bool> {
    let n = diesel::update(
        returns::table
            .find(&ret.id)
            .filter(returns::store_credit_issued_at.is_null()),
    )
    .set(returns::store_credit_issued_at.eq(at))
    .execute(conn)?;
    if n == 1 {
        ret.store_credit_issued_at = Some(at);
    }
    Ok(n == 1)
}

/// Returns not yet received of the same customer (by the order's e-mail)
/// with the brand, other than `ret`.
pub fn other_open_returns(conn: &mut DbConn, ret: &ReturnRow) -> DbResult<usize> {
    use super::schema::orders;
    let email: Option<String> = orders::table
        .find(&ret.order_id)
        .select(orders::email_norm)
        .first::<Option<String>>(conn)
        .optional()?
        .flatten();
    let Some(email) = email else {
        return Ok(0);
    };
    let n: i64 = returns::table
        .inner_join(orders::table.on(orders::id.eq(returns::order_id)))
        .filter(orders::brand_id.eq(&ret.brand_id))
        .filter(orders::email_norm.eq(email))
        .filter(returns::id.ne(&ret.id))
        .filter(returns::status.eq_any(crate::domain::exchanges::OPEN))
        .count()
        .get_result(conn)?;
    Ok(n as usize)
}

/// Sets (or clears) the time by which an instant exchange's original must
/// be scanned in transit.
pub fn set_exchange_due(
    conn: &mut DbConn,
    ret: &mut ReturnRow,
    due: Option<chrono::NaiveDateTime>,
) -> DbResult<()> {
    ret.exchange_due_at = due;
    diesel::update(returns::table.find(&ret.id))
        .set(returns::exchange_due_at.eq(due))
        .execute(conn)?;
    Ok(())
}

/// Saves the quantities and conditions of an item.
pub fn save_item(conn: &mut DbConn, item: &ItemRow) -> DbResult<()> {
    diesel::update(return_items::table.find(&item.id))
        .set((
            return_items::approved_quantity.eq(item.approved_quantity),
            return_items::received_quantity.eq(item.received_quantity),
            return_items::damaged_quantity.eq(item.damaged_quantity),
            return_items::received_condition_code.eq(&item.received_condition_code),
            return_items::rejection_reason.eq(&item.rejection_reason),
        ))
        .execute(conn)?;
    Ok(())
}

/// Saves the resolution given or the rejection.
pub fn save_outcome(conn: &mut DbConn, ret: &ReturnRow) -> DbResult<()> {
    diesel::update(returns::table.find(&ret.id))
        .set((
            returns::resolution_given.eq(&ret.resolution_given),
            returns::rejection.eq(&ret.rejection),
        ))
        .execute(conn)?;
    Ok(())
}
