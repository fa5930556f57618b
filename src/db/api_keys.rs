//! API key rows.

use diesel::prelude::*;

use super::schema::{api_key_brands, api_keys, brands};
use super::{DbConn, OneRow};
use crate::auth::{Merchant, Role, api_keys::generate};
use crate::error::{ApiError, FieldError};

/// A created key; `key` is the only copy of the secret.
pub struct CreatedKey {
    /// Id (`key_…`).
    pub id: String,
    /// The secret key.
    pub key: String,
    /// Its public prefix.
    pub prefix: String,
}

/// Creates a key for `role`, bound to the brands named by `brand_slugs`.
pub fn create(
    conn: &mut DbConn,
    name: &str,
    role: Role,
    brand_slugs: &[String],
) -> Result<CreatedKey, ApiError> {
    let mut brand_ids = Vec::with_capacity(brand_slugs.len());
    for slug in brand_slugs {
        let id: Option<String> = brands::table
            .filter(brands::slug.eq(slug))
            .select(brands::id)
            .one(conn)?;
        match id {
            Some(id) => brand_ids.push(id),
            None => {
                return Err(ApiError::validation(vec![FieldError::new(
                    "brand",
                    "brand_not_found",
                    format!("no brand has the slug {slug:?}"),
                )]));
            }
        }
    }
    let generated = generate();
    let id = crate::domain::ids::new_id("key");
    diesel::insert_into(api_keys::table)
        .values((
            api_keys::id.eq(&id),
            api_keys::name.eq(name),
            api_keys::prefix.eq(&generated.prefix),
            api_keys::key_hash.eq(&generated.hash),
            api_keys::role.eq(role.as_str()),
            api_keys::created_at.eq(super::now()),
        ))
        .execute(conn)?;
    for brand_id in &brand_ids {
        diesel::insert_into(api_key_brands::table)
            .values((
                api_key_brands::api_key_id.eq(&id),
                api_key_brands::brand_id.eq(brand_id),
            ))
            .execute(conn)?;
    }
    Ok(CreatedKey {
        id,
        key: generated.key,
        prefix: generated.prefix,
    })
}

/// The active key with this hash, with its brands.
pub fn find_active(conn: &mut DbConn, key_hash: &str) -> Result<Option<Merchant>, ApiError> {
    let found: Option<(String, String)> = api_keys::table
        .filter(api_keys::key_hash.eq(key_hash))
        .filter(api_keys::revoked_at.is_null())
        .select((api_keys::id, api_keys::role))
        .one(conn)?;
    let Some((key_id, role)) = found else {
        return Ok(None);
    };
    let Some(role) = Role::parse(&role) else {
        return Ok(None);
    };
    let brand_ids = api_key_brands::table
        .filter(api_key_brands::api_key_id.eq(&key_id))
        .select(api_key_brands::brand_id)
        .load(conn)?;
    Ok(Some(Merchant {
        key_id,
        role,
        brand_ids,
    }))
}

/// Revokes the active keys whose prefix is `prefix`; returns how many.
pub fn revoke(conn: &mut DbConn, prefix: &str) -> Result<usize, ApiError> {
    Ok(diesel::update(
        api_keys::table
            .filter(api_keys::prefix.eq(prefix))
            .filter(api_keys::revoked_at.is_null()),
    )
    .set(api_keys::revoked_at.eq(Some(super::now())))
    .execute(conn)?)
}
