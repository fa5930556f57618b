//! Vendors of a brand and their API keys.

use diesel::prelude::*;

use super::schema::{vendor_api_keys, vendors};
use super::{DbConn, DbResult, OneRow};

/// A row of `vendors`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = vendors, treat_none_as_default_value = false, treat_none_as_null = true)]
pub struct VendorRow {
    /// Brand.
    pub brand_id: String,
    /// The merchant's id for the vendor, unique within the brand.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The name order lines carry in `vendor`.
    pub order_line_vendor: String,
    /// Where to reach the vendor.
    pub contact_email: Option<String>,
    /// Return instructions per locale (JSON object).
    pub instructions: String,
    /// Whether the vendor accepts its parts without answering.
    pub auto_approve: bool,
    /// Hours the vendor has to answer before the merchant may decide.
    pub response_hours: i32,
    /// Creation.
    pub created_at: chrono::NaiveDateTime,
    /// Last change.
    pub updated_at: chrono::NaiveDateTime,
    /// When the merchant retired it (`None` while active).
    pub deactivated_at: Option<chrono::NaiveDateTime>,
    /// What happens at a part's deadline.
    pub on_timeout: crate::domain::vendors::OnTimeout,
    /// Locale of its e-mail (`None`: the brand's default).
    pub locale: Option<String>,
}

impl VendorRow {
    /// Whether its lines are routed to it (it was not retired).
    pub fn is_active(&self) -> bool {
        self.deactivated_at.is_none()
    }

    /// The instructions per locale.
    pub fn instructions(&self) -> std::collections::BTreeMap<String, String> {
        serde_json::from_str(&self.instructions).unwrap_or_default()
    }
}

/// Inserts a vendor; `false` when the id or the order-line name is taken.
pub fn insert(conn: &mut DbConn, row: &VendorRow) -> DbResult<bool> {
    let n = crate::per_backend!(&mut *conn, c => diesel::insert_into(vendors::table)
        .values(row)
        .on_conflict_do_nothing()
        .execute(c))?;
    Ok(n == 1)
}

/// Saves every field of a vendor.
pub fn update(conn: &mut DbConn, row: &VendorRow) -> DbResult<()> {
    diesel::update(vendors::table.find((&row.brand_id, &row.id)))
        .set(row)
        .execute(conn)?;
    Ok(())
}

/// A vendor of the brand.
pub fn get(conn: &mut DbConn, brand_id: &str, id: &str) -> DbResult<Option<VendorRow>> {
    Ok(vendors::table
        .find((brand_id, id))
        .select(VendorRow::as_select())
        .one(conn)?)
}

/// The brand's vendor for an order-line vendor name other than `except`
/// (an id), if any.
pub fn by_line_vendor(
    conn: &mut DbConn,
    brand_id: &str,
    name: &str,
    except: Option<&str>,
) -> DbResult<Option<VendorRow>> {
    let mut q = vendors::table
        .filter(vendors::brand_id.eq(brand_id))
        .filter(vendors::order_line_vendor.eq(name))
        .select(VendorRow::as_select())
        .into_boxed();
    if let Some(id) = except {
        q = q.filter(vendors::id.ne(id.to_string()));
    }
    Ok(q.one(conn)?)
}

/// The brand's vendors with these ids.
pub fn by_ids(conn: &mut DbConn, brand_id: &str, ids: &[String]) -> DbResult<Vec<VendorRow>> {
    Ok(vendors::table
        .filter(vendors::brand_id.eq(brand_id))
        .filter(vendors::id.eq_any(ids))
        .select(VendorRow::as_select())
        .load(conn)?)
}

/// The brand's active vendors for these order-line vendor names (a
/// retired vendor's lines are handled in-house).
pub fn by_line_vendors(
    conn: &mut DbConn,
    brand_id: &str,
    names: &[String],
) -> DbResult<Vec<VendorRow>> {
    Ok(vendors::table
        .filter(vendors::brand_id.eq(brand_id))
        .filter(vendors::order_line_vendor.eq_any(names))
        .filter(vendors::deactivated_at.is_null())
        .select(VendorRow::as_select())
        .load(conn)?)
}

/// The order-line vendor names of the brand's retired vendors.
pub fn retired_line_vendors(conn: &mut DbConn, brand_id: &str) -> DbResult<Vec<String>> {
    Ok(vendors::table
        .filter(vendors::brand_id.eq(brand_id))
        .filter(vendors::deactivated_at.is_not_null())
        .select(vendors::order_line_vendor)
        .load(conn)?)
}

/// The brand's vendors by id (a page after `cursor`, `limit` rows), only
/// the active or only the retired ones when `active` says so.
pub fn list(
    conn: &mut DbConn,
    brand_id: &str,
    cursor: Option<&str>,
    limit: i64,
    active: Option<bool>,
) -> DbResult<Vec<VendorRow>> {
    let mut q = vendors::table
        .filter(vendors::brand_id.eq(brand_id))
        .order(vendors::id.asc())
        .limit(limit)
        .select(VendorRow::as_select())
        .into_boxed();
    if let Some(cursor) = cursor {
        q = q.filter(vendors::id.gt(cursor.to_string()));
    }
    match active {
        Some(true) => q = q.filter(vendors::deactivated_at.is_null()),
        Some(false) => q = q.filter(vendors::deactivated_at.is_not_null()),
        None => {}
    }
    Ok(q.load(conn)?)
}

/// A row of `vendor_api_keys`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = vendor_api_keys, treat_none_as_default_value = false)]
pub struct VendorKeyRow {
    /// Id (`vky_…`).
    pub id: String,
    /// Brand.
    pub brand_id: String,
    /// Vendor.
    pub vendor_id: String,
    /// A label to recognise it by.
    pub name: String,
    /// Its first characters, safe to show.
    pub prefix: String,
    /// Hex SHA-256 of the key.
    pub key_hash: String,
    /// Creation.
    pub created_at: chrono::NaiveDateTime,
    /// Revocation.
    pub revoked_at: Option<chrono::NaiveDateTime>,
}

/// Stores a vendor key (only its prefix and hash).
pub fn insert_key(conn: &mut DbConn, row: &VendorKeyRow) -> DbResult<()> {
    diesel::insert_into(vendor_api_keys::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// The keys of a vendor, newest first (revoked ones too).
pub fn keys(conn: &mut DbConn, brand_id: &str, vendor_id: &str) -> DbResult<Vec<VendorKeyRow>> {
    Ok(vendor_api_keys::table
        .filter(vendor_api_keys::brand_id.eq(brand_id))
        .filter(vendor_api_keys::vendor_id.eq(vendor_id))
        .order(vendor_api_keys::id.desc())
        .select(VendorKeyRow::as_select())
        .load(conn)?)
}

/// Revokes a key of the vendor; `None` when it has no such key, else the
/// key as it now is (revoking twice keeps the first time).
pub fn revoke_key(
    conn: &mut DbConn,
    brand_id: &str,
    vendor_id: &str,
    key_id: &str,
) -> DbResult<Option<VendorKeyRow>> {
    diesel::update(
        vendor_api_keys::table
            .filter(vendor_api_keys::id.eq(key_id))
            .filter(vendor_api_keys::brand_id.eq(brand_id))
            .filter(vendor_api_keys::vendor_id.eq(vendor_id))
            .filter(vendor_api_keys::revoked_at.is_null()),
    )
    .set(vendor_api_keys::revoked_at.eq(Some(super::now())))
    .execute(conn)?;
    Ok(vendor_api_keys::table
        .find(key_id)
        .filter(vendor_api_keys::brand_id.eq(brand_id))
        .filter(vendor_api_keys::vendor_id.eq(vendor_id))
        .select(VendorKeyRow::as_select())
        .one(conn)?)
}

/// Revokes every active key of the vendor; how many.
pub fn revoke_keys(conn: &mut DbConn, brand_id: &str, vendor_id: &str) -> DbResult<usize> {
    Ok(diesel::update(
        vendor_api_keys::table
            .filter(vendor_api_keys::brand_id.eq(brand_id))
            .filter(vendor_api_keys::vendor_id.eq(vendor_id))
            .filter(vendor_api_keys::revoked_at.is_null()),
    )
    .set(vendor_api_keys::revoked_at.eq(Some(super::now())))
    .execute(conn)?)
}

/// Revokes the active vendor keys whose prefix is `prefix`; how many.
pub fn revoke_by_prefix(conn: &mut DbConn, prefix: &str) -> DbResult<usize> {
    Ok(diesel::update(
        vendor_api_keys::table
            .filter(vendor_api_keys::prefix.eq(prefix))
            .filter(vendor_api_keys::revoked_at.is_null()),
    )
    .set(vendor_api_keys::revoked_at.eq(Some(super::now())))
    .execute(conn)?)
}

/// The active vendor key with this hash: (key id, brand id, vendor id).
pub fn find_active_key(
    conn: &mut DbConn,
    key_hash: &str,
) -> DbResult<Option<(String, String, String)>> {
    Ok(vendor_api_keys::table
        .filter(vendor_api_keys::key_hash.eq(key_hash))
        .filter(vendor_api_keys::revoked_at.is_null())
        .select((
            vendor_api_keys::id,
            vendor_api_keys::brand_id,
            vendor_api_keys::vendor_id,
        ))
        .one(conn)?)
}
