//! API key rows.

use diesel::prelude::*;

use super::schema::{api_key_brands, api_keys};
use super::{DbConn, DbResult, OneRow};

/// Stores a new key (only its prefix and hash) for `role`, bound to
/// `brand_ids`; returns its id.
pub fn insert(
    conn: &mut DbConn,
    name: &str,
    role: &str,
    prefix: &str,
    key_hash: &str,
    brand_ids: &[String],
) -> DbResult<String> {
    let id = crate::domain::ids::new_id("key");
    diesel::insert_into(api_keys::table)
        .values((
            api_keys::id.eq(&id),
            api_keys::name.eq(name),
            api_keys::prefix.eq(prefix),
            api_keys::key_hash.eq(key_hash),
            api_keys::role.eq(role),
            api_keys::created_at.eq(super::now()),
        ))
        .execute(conn)?;
    for brand_id in brand_ids {
        diesel::insert_into(api_key_brands::table)
            .values((
                api_key_brands::api_key_id.eq(&id),
                api_key_brands::brand_id.eq(brand_id),
            ))
            .execute(conn)?;
    }
    Ok(id)
}

/// An active key as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActiveKey {
    /// Key id.
    pub id: String,
    /// Stored role (`admin`, `merchant`).
    pub role: String,
    /// Brands it is bound to.
    pub brand_ids: Vec<String>,
}

/// The active key with this hash, with its brands.
pub fn find_active(conn: &mut DbConn, key_hash: &str) -> DbResult<Option<ActiveKey>> {
    let found: Option<(String, String)> = api_keys::table
        .filter(api_keys::key_hash.eq(key_hash))
        .filter(api_keys::revoked_at.is_null())
        .select((api_keys::id, api_keys::role))
        .one(conn)?;
    let Some((key_id, role)) = found else {
        return Ok(None);
    };
    let brand_ids = api_key_brands::table
        .filter(api_key_brands::api_key_id.eq(&key_id))
        .select(api_key_brands::brand_id)
        .load(conn)?;
    Ok(Some(ActiveKey {
        id: key_id,
        role,
        brand_ids,
    }))
}

/// Revokes the active keys whose prefix is `prefix`; returns how many.
pub fn revoke(conn: &mut DbConn, prefix: &str) -> DbResult<usize> {
    Ok(diesel::update(
        api_keys::table
            .filter(api_keys::prefix.eq(prefix))
            .filter(api_keys::revoked_at.is_null()),
    )
    .set(api_keys::revoked_at.eq(Some(super::now())))
    .execute(conn)?)
}
