//! Returns Settings rows: one JSON document per brand with a version that
//! serves as the ETag.

use diesel::prelude::*;

use super::schema::returns_settings;
use super::{DbConn, DbError, DbResult, OneRow};
use crate::domain::settings::ReturnsSettings;

/// Settings of a brand and their version.
pub fn get(conn: &mut DbConn, brand_id: &str) -> DbResult<(ReturnsSettings, i64)> {
    let (document, version): (String, i64) = returns_settings::table
        .find(brand_id)
        .select((returns_settings::document, returns_settings::version))
        .one(conn)?
        .ok_or(diesel::result::Error::NotFound)?;
    let settings = serde_json::from_str(&document)
        .map_err(|e| DbError::Corrupt(format!("settings of {brand_id}: {e}")))?;
    Ok((settings, version))
}

/// Stores the first settings of a new brand (version 1).
pub fn insert(conn: &mut DbConn, brand_id: &str, settings: &ReturnsSettings) -> DbResult<()> {
    let document = serde_json::to_string(settings)?;
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
/// unconditionally when `expected` is `None`); returns the new version, or
/// `None` when someone else saved in between (nothing written).
pub fn replace(
    conn: &mut DbConn,
    brand_id: &str,
    settings: &ReturnsSettings,
    expected: Option<i64>,
) -> DbResult<Option<i64>> {
    let document = serde_json::to_string(settings)?;
    let current: i64 = returns_settings::table
        .find(brand_id)
        .select(returns_settings::version)
        .one(conn)?
        .ok_or(diesel::result::Error::NotFound)?;
    if expected.is_some_and(|e| e != current) {
        return Ok(None);
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
    Ok((updated == 1).then_some(next))
}
