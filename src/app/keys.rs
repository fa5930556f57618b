//! API keys: creation (shown once, stored hashed), revocation, and the
//! authentication of merchant and operator requests.

use super::AppState;
use crate::auth::api_keys::{GeneratedKey, generate, hash};
pub use crate::auth::{Merchant, Role, VendorCaller};
use crate::db::Db;
use crate::error::{ApiError, ErrorCode, FieldError};

/// A created key; `key` is the only copy of the secret.
#[derive(Debug)]
pub struct CreatedKey {
    /// Id (`key_…`).
    pub id: String,
    /// The secret key.
    pub key: String,
    /// Its public prefix.
    pub prefix: String,
}

/// Creates a key for `role`, bound to the brands named by `brand_slugs`
/// (422 naming an unknown slug).
pub async fn create(
    db: &Db,
    name: &str,
    role: Role,
    brand_slugs: &[String],
) -> Result<CreatedKey, ApiError> {
    let GeneratedKey { key, prefix, hash } = generate();
    let (name, slugs, stored_prefix) = (name.to_string(), brand_slugs.to_vec(), prefix.clone());
    let id = db
        .write(move |conn| {
            let mut brand_ids = Vec::with_capacity(slugs.len());
            for slug in &slugs {
                match crate::db::brands::by_slug(conn, slug)? {
                    Some(brand) => brand_ids.push(brand.id),
                    None => {
                        return Err(ApiError::validation(vec![FieldError::new(
                            "brand",
                            ErrorCode::BrandNotFound,
                            format!("no brand has the slug {slug:?}"),
                        )]));
                    }
                }
            }
            Ok(crate::db::api_keys::insert(
                conn,
                &name,
                role.as_str(),
                &stored_prefix,
                &hash,
                &brand_ids,
            )?)
        })
        .await?;
    Ok(CreatedKey { id, key, prefix })
}

/// Revokes the active keys whose prefix is `prefix`, merchant, operator
/// and vendor keys alike; returns how many.
pub async fn revoke(db: &Db, prefix: &str) -> Result<usize, ApiError> {
    let prefix = prefix.to_string();
    db.write(move |conn| {
        Ok(crate::db::api_keys::revoke(conn, &prefix)?
            + crate::db::vendors::revoke_by_prefix(conn, &prefix)?)
    })
    .await
}

/// The caller of a merchant endpoint, from the bearer credential it sent:
/// 401 when there is none or it is not an active key.
pub async fn authenticate(state: &AppState, key: Option<&str>) -> Result<Merchant, ApiError> {
    let Some(key) = key else {
        return Err(ApiError::new(
            ErrorCode::MissingCredentials,
            "Send an API key as `Authorization: Bearer <key>`.",
        ));
    };
    let key_hash = hash(key);
    let found = state
        .db
        .read(move |conn| {
            if let Some(k) = crate::db::api_keys::find_active(conn, &key_hash)? {
                return Ok(Some(k));
            }
            // A vendor key is a valid credential to which no merchant or
            // operator resource exists (404s, like another tenant's).
            Ok(
                crate::db::vendors::find_active_key(conn, &key_hash)?.map(|(id, ..)| {
                    crate::db::api_keys::ActiveKey {
                        id,
                        role: Role::Vendor.as_str().to_string(),
                        brand_ids: Vec::new(),
                    }
                }),
            )
        })
        .await?;
    found
        .and_then(|k| {
            Some(Merchant {
                role: Role::parse(&k.role)?,
                key_id: k.id,
                brand_ids: k.brand_ids,
            })
        })
        .ok_or_else(invalid_key)
}

fn invalid_key() -> ApiError {
    ApiError::new(
        ErrorCode::InvalidCredentials,
        "The API key is invalid or revoked.",
    )
}

/// The caller of a vendor endpoint: 401 without an active key, 403 for a
/// merchant or operator key (they act through the merchant routes).
pub async fn authenticate_vendor(
    state: &AppState,
    key: Option<&str>,
) -> Result<VendorCaller, ApiError> {
    let Some(key) = key else {
        return Err(ApiError::new(
            ErrorCode::MissingCredentials,
            "Send a vendor API key as `Authorization: Bearer <key>`.",
        ));
    };
    let key_hash = hash(key);
    let found = state
        .db
        .read(move |conn| {
            if let Some(found) = crate::db::vendors::find_active_key(conn, &key_hash)? {
                return Ok(Ok(found));
            }
            Ok(Err(
                crate::db::api_keys::find_active(conn, &key_hash)?.is_some()
            ))
        })
        .await?;
    match found {
        Ok((key_id, brand_id, vendor_id)) => Ok(VendorCaller {
            key_id,
            brand_id,
            vendor_id,
        }),
        Err(true) => Err(ApiError::new(
            ErrorCode::VendorKeyRequired,
            "Vendor routes take a vendor API key; merchants act on parts through `/v1/brands/{brand}/returns/{id}/parts/{part_id}/…`.",
        )),
        Err(false) => Err(invalid_key()),
    }
}
