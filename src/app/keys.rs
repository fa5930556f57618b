//! API keys: creation (shown once, stored hashed), revocation, and the
//! authentication of merchant and operator requests.

use super::AppState;
use crate::auth::api_keys::{GeneratedKey, generate, hash};
pub use crate::auth::{Merchant, Role};
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

/// Revokes the active keys whose prefix is `prefix`; returns how many.
pub async fn revoke(db: &Db, prefix: &str) -> Result<usize, ApiError> {
    let prefix = prefix.to_string();
    db.write(move |conn| Ok(crate::db::api_keys::revoke(conn, &prefix)?))
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
        .read(move |conn| Ok(crate::db::api_keys::find_active(conn, &key_hash)?))
        .await?;
    found
        .and_then(|k| {
            Some(Merchant {
                role: Role::parse(&k.role)?,
                key_id: k.id,
                brand_ids: k.brand_ids,
            })
        })
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::InvalidCredentials,
                "The API key is invalid or revoked.",
            )
        })
}
