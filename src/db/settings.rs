//! Returns Settings rows: one JSON document per brand with a version that
//! serves as the ETag.

use diesel::prelude::*;

use super::schema::returns_settings;
use super::{DbConn, OneRow};
use crate::domain::settings::ReturnsSettings;
use crate::error::ApiError;

/// Settings of a brand and their version.
pub fn get(conn: &mut DbConn, brand_id: &str) -> Result<(ReturnsSettings, i64), ApiError> {
    let (document, version): (String, i64) = returns_settings::table
        .find(brand_id)
        .select((returns_settings::document, returns_settings::version))
        .one(conn)?
        .ok_or(diesel::result::Error::NotFound)?;
    let settings = serde_json::from_str(&document).map_err(|e| {
        ApiError::internal(anyhow::anyhow!(
            "stored settings of {brand_id} unreadable: {e}"
        ))
    })?;
    Ok((settings, version))
}

/// Stores the first settings of a new brand (version 1).
pub fn insert(
    conn: &mut DbConn,
    brand_id: &str,
    settings: &ReturnsSettings,
) -> Result<(), ApiError> {
    let document = serde_json::to_string(settings).map_err(ApiError::internal)?;
    diesel::insert_into(returns_settings::table)
        .values((
            returns_settings::brand_id.eq(brand_id),
            returns_settings::document.eq(document),
            returns_settings::version.eq(1i64),
            returns_settings::updated_at.eq(super::now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Replaces the settings if their version is still `expected` (or
/// unconditionally when `expected` is `None`); returns the new version, or 412
/// when someone else saved in between.
pub fn replace(
    conn: &mut DbConn,
    brand_id: &str,
    settings: &ReturnsSettings,
    expected: Option<i64>,
) -> Result<i64, ApiError> {
    let document = serde_json::to_string(settings).map_err(ApiError::internal)?;
    let current: i64 = returns_settings::table
        .find(brand_id)
        .select(returns_settings::version)
        .one(conn)?
        .ok_or(diesel::result::Error::NotFound)?;
    if expected.is_some_and(|e| e != current) {
        return Err(precondition_failed());
    }
    let next = current + 1;
    let updated = diesel::update(
        returns_settings::table
            .find(brand_id)
            .filter(returns_settings::version.eq(current)),
    )
    .set((
        returns_settings::document.eq(document),
        returns_settings::version.eq(next),
        returns_settings::updated_at.eq(super::now()),
    ))
    .execute(conn)?;
    if updated == 0 {
        return Err(precondition_failed());
    }
    Ok(next)
}

fn precondition_failed() -> ApiError {
    ApiError::new(
        actix_web::http::StatusCode::PRECONDITION_FAILED,
        "precondition_failed",
        "The settings changed since you read them; GET them again and reapply your change.",
    )
}
