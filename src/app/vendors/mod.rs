//! Vendors of a brand (the sellers of a marketplace whose order lines carry
//! their name in `vendor`) and the API keys with which each vendor handles
//! its own parts of the brand's returns.
//!
//! The merchant routes and the command line (`keys create --vendor`) use the
//! same functions; the command line acts as the operator, for any brand.

mod views;

pub use crate::domain::vendors::{CreateVendor, CreateVendorKey, UpdateVendor};
pub use views::{CreatedVendorKey, VendorKeyList, VendorKeyView, VendorList, VendorView};

use super::{brand_not_found, merchant_brand};
use crate::auth::Merchant;
use crate::auth::api_keys::{GeneratedKey, generate};
use crate::db::brands::BrandRow;
use crate::db::vendors::{VendorKeyRow, VendorRow};
use crate::db::{Db, DbConn};
use crate::error::{ApiError, ErrorCode};

fn vendor_not_found() -> ApiError {
    ApiError::new(ErrorCode::VendorNotFound, "No such vendor.")
}

fn key_not_found() -> ApiError {
    ApiError::new(ErrorCode::KeyNotFound, "No such key of this vendor.")
}

fn line_vendor_taken(name: &str) -> ApiError {
    ApiError::new(
        ErrorCode::VendorExists,
        format!("Another vendor of this brand has the order-line vendor name {name:?}."),
    )
}

/// Instructions as stored (a JSON object).
fn instructions_json(
    instructions: &std::collections::BTreeMap<String, String>,
) -> Result<String, ApiError> {
    serde_json::to_string(instructions).map_err(ApiError::internal)
}

/// The brand for the caller: a merchant's own brand (404 otherwise), or
/// any brand for the operator (`None`, the command line).
fn brand(conn: &mut DbConn, merchant: Option<&Merchant>, slug: &str) -> Result<BrandRow, ApiError> {
    match merchant {
        Some(m) => merchant_brand(conn, m, slug),
        None => crate::db::brands::by_slug(conn, slug)?.ok_or_else(brand_not_found),
    }
}

/// A vendor of a brand the caller manages, with the brand.
fn load(
    conn: &mut DbConn,
    merchant: Option<&Merchant>,
    slug: &str,
    id: &str,
) -> Result<(BrandRow, VendorRow), ApiError> {
    let brand = brand(conn, merchant, slug)?;
    let vendor = crate::db::vendors::get(conn, &brand.id, id)?.ok_or_else(vendor_not_found)?;
    Ok((brand, vendor))
}

/// The view of a vendor (its return address read from the brand's settings).
fn view(conn: &mut DbConn, row: &VendorRow) -> Result<VendorView, ApiError> {
    let (settings, _) = crate::db::settings::get(conn, &row.brand_id)?;
    Ok(VendorView::new(row, &settings))
}

/// Registers a vendor (409 `vendor_exists` when its id or order-line
/// vendor name is taken within the brand).
pub async fn create(
    db: &Db,
    merchant: &Merchant,
    slug: &str,
    input: CreateVendor,
) -> Result<VendorView, ApiError> {
    let new = input.check()?;
    let (merchant, slug) = (merchant.clone(), slug.to_string());
    db.write(move |conn| {
        let brand = merchant_brand(conn, &merchant, &slug)?;
        let now = crate::db::now();
        let row = VendorRow {
            brand_id: brand.id.clone(),
            id: new.id.clone(),
            name: new.name.clone(),
            order_line_vendor: new.order_line_vendor.clone(),
            contact_email: new.contact_email.clone(),
            instructions: instructions_json(&new.instructions)?,
            auto_approve: new.auto_approve,
            response_hours: new.response_hours,
            created_at: now,
            updated_at: now,
            deactivated_at: None,
            on_timeout: new.on_timeout,
            locale: new.locale.clone(),
        };
        if !crate::db::vendors::insert(conn, &row)? {
            return Err(
                if crate::db::vendors::get(conn, &brand.id, &row.id)?.is_some() {
                    ApiError::new(
                        ErrorCode::VendorExists,
                        format!("The brand has a vendor with the id {:?}.", row.id),
                    )
                } else {
                    line_vendor_taken(&row.order_line_vendor)
                },
            );
        }
        view(conn, &row)
    })
    .await
}

/// A page of the brand's vendors, by id (only the active or only the
/// retired ones when `active` says so).
pub async fn list(
    db: &Db,
    merchant: &Merchant,
    slug: &str,
    limit: i64,
    cursor: Option<String>,
    active: Option<bool>,
) -> Result<VendorList, ApiError> {
    let (merchant, slug) = (merchant.clone(), slug.to_string());
    let (rows, settings) = db
        .read(move |conn| {
            let brand = merchant_brand(conn, &merchant, &slug)?;
            let rows =
                crate::db::vendors::list(conn, &brand.id, cursor.as_deref(), limit + 1, active)?;
            let (settings, _) = crate::db::settings::get(conn, &brand.id)?;
            Ok((rows, settings))
        })
        .await?;
    let (rows, next_cursor) = super::pagination::paginate(rows, limit, |r| r.id.clone());
    Ok(VendorList {
        data: rows.iter().map(|r| VendorView::new(r, &settings)).collect(),
        next_cursor,
    })
}

/// One vendor (404 `vendor_not_found`).
pub async fn get(
    db: &Db,
    merchant: &Merchant,
    slug: &str,
    id: &str,
) -> Result<VendorView, ApiError> {
    let (merchant, slug, id) = (merchant.clone(), slug.to_string(), id.to_string());
    db.read(move |conn| {
        let (_, row) = load(conn, Some(&merchant), &slug, &id)?;
        view(conn, &row)
    })
    .await
}

/// Changes the fields given (409 `vendor_exists` when the new order-line
/// vendor name is another vendor's).
pub async fn update(
    db: &Db,
    merchant: &Merchant,
    slug: &str,
    id: &str,
    input: UpdateVendor,
) -> Result<VendorView, ApiError> {
    let changes = input.check()?;
    let (merchant, slug, id) = (merchant.clone(), slug.to_string(), id.to_string());
    db.write(move |conn| {
        let (brand, mut row) = load(conn, Some(&merchant), &slug, &id)?;
        if let Some(name) = &changes.order_line_vendor
            && crate::db::vendors::by_line_vendor(conn, &brand.id, name, Some(&row.id))?.is_some()
        {
            return Err(line_vendor_taken(name));
        }
        if let Some(name) = &changes.name {
            row.name = name.clone();
        }
        if let Some(name) = &changes.order_line_vendor {
            row.order_line_vendor = name.clone();
        }
        if let Some(email) = &changes.contact_email {
            row.contact_email = email.clone();
        }
        if let Some(instructions) = &changes.instructions {
            row.instructions = instructions_json(instructions)?;
        }
        if let Some(auto) = changes.auto_approve {
            row.auto_approve = auto;
        }
        if let Some(hours) = changes.response_hours {
            row.response_hours = hours;
        }
        if let Some(rule) = changes.on_timeout {
            row.on_timeout = rule;
        }
        if let Some(locale) = &changes.locale {
            row.locale = locale.clone();
        }
        row.updated_at = crate::db::now();
        match changes.active {
            Some(true) => row.deactivated_at = None,
            Some(false) => retire(conn, &mut row)?,
            None => {}
        }
        crate::db::vendors::update(conn, &row)?;
        view(conn, &row)
    })
    .await
}

/// Retires a vendor: its keys are revoked at once, order lines naming it
/// are handled in-house from now on, and the merchant answers its open
/// parts without waiting for its deadline. Retiring a retired vendor
/// changes nothing and answers it as it is.
pub async fn deactivate(
    db: &Db,
    merchant: &Merchant,
    slug: &str,
    id: &str,
) -> Result<VendorView, ApiError> {
    let (merchant, slug, id) = (merchant.clone(), slug.to_string(), id.to_string());
    db.write(move |conn| {
        let (_, mut row) = load(conn, Some(&merchant), &slug, &id)?;
        if row.is_active() {
            row.updated_at = crate::db::now();
            retire(conn, &mut row)?;
            crate::db::vendors::update(conn, &row)?;
        }
        view(conn, &row)
    })
    .await
}

/// Marks `row` retired (unless it is already) and revokes its keys; the
/// caller saves the row in the same transaction.
fn retire(conn: &mut DbConn, row: &mut VendorRow) -> Result<(), ApiError> {
    if row.is_active() {
        row.deactivated_at = Some(row.updated_at);
    }
    crate::db::vendors::revoke_keys(conn, &row.brand_id, &row.id)?;
    Ok(())
}

/// Creates a key for a vendor of a brand the merchant manages; the answer
/// is the only time the secret is shown.
pub async fn create_key(
    db: &Db,
    merchant: &Merchant,
    slug: &str,
    vendor_id: &str,
    input: CreateVendorKey,
) -> Result<CreatedVendorKey, ApiError> {
    insert_key(db, Some(merchant), slug, vendor_id, input).await
}

/// Creates a key for a vendor of any brand (the operator's command line).
pub async fn create_key_as_operator(
    db: &Db,
    slug: &str,
    vendor_id: &str,
    input: CreateVendorKey,
) -> Result<CreatedVendorKey, ApiError> {
    insert_key(db, None, slug, vendor_id, input).await
}

async fn insert_key(
    db: &Db,
    merchant: Option<&Merchant>,
    slug: &str,
    vendor_id: &str,
    input: CreateVendorKey,
) -> Result<CreatedVendorKey, ApiError> {
    let name = input.check()?;
    let GeneratedKey { key, prefix, hash } = generate();
    let (merchant, slug, vendor_id) = (merchant.cloned(), slug.to_string(), vendor_id.to_string());
    let row = db
        .write(move |conn| {
            let (brand, vendor) = load(conn, merchant.as_ref(), &slug, &vendor_id)?;
            let row = VendorKeyRow {
                id: crate::domain::ids::new_id("vky"),
                brand_id: brand.id,
                vendor_id: vendor.id,
                name: name.clone(),
                prefix: prefix.clone(),
                key_hash: hash.clone(),
                created_at: crate::db::now(),
                revoked_at: None,
            };
            crate::db::vendors::insert_key(conn, &row)?;
            Ok(row)
        })
        .await?;
    Ok(CreatedVendorKey {
        id: row.id,
        key,
        prefix: row.prefix,
        name: row.name,
        created_at: row.created_at.and_utc(),
    })
}

/// A page of a vendor's keys, newest first (revoked ones too, never a
/// secret).
pub async fn list_keys(
    db: &Db,
    merchant: &Merchant,
    slug: &str,
    vendor_id: &str,
    limit: i64,
    cursor: Option<String>,
) -> Result<VendorKeyList, ApiError> {
    let (merchant, slug, vendor_id) = (merchant.clone(), slug.to_string(), vendor_id.to_string());
    let rows = db
        .read(move |conn| {
            let (brand, vendor) = load(conn, Some(&merchant), &slug, &vendor_id)?;
            Ok(crate::db::vendors::keys(conn, &brand.id, &vendor.id)?)
        })
        .await?;
    // A vendor has a handful of keys: the page is cut here, after the
    // cursor (the last id of the previous page; ids sort by creation).
    let rows: Vec<VendorKeyRow> = rows
        .into_iter()
        .filter(|r| cursor.as_deref().is_none_or(|c| r.id.as_str() < c))
        .take(limit as usize + 1)
        .collect();
    let (rows, next_cursor) = super::pagination::paginate(rows, limit, |r| r.id.clone());
    Ok(VendorKeyList {
        data: rows.iter().map(VendorKeyView::from).collect(),
        next_cursor,
    })
}

/// Revokes a key of the vendor (404 `key_not_found`); revoking it again
/// answers the same key.
pub async fn revoke_key(
    db: &Db,
    merchant: &Merchant,
    slug: &str,
    vendor_id: &str,
    key_id: &str,
) -> Result<VendorKeyView, ApiError> {
    let (merchant, slug, vendor_id, key_id) = (
        merchant.clone(),
        slug.to_string(),
        vendor_id.to_string(),
        key_id.to_string(),
    );
    db.write(move |conn| {
        let (brand, vendor) = load(conn, Some(&merchant), &slug, &vendor_id)?;
        let row = crate::db::vendors::revoke_key(conn, &brand.id, &vendor.id, &key_id)?
            .ok_or_else(key_not_found)?;
        Ok(VendorKeyView::from(&row))
    })
    .await
}
