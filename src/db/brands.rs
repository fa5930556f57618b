//! Brand rows.

use diesel::prelude::*;

use super::schema::brands;
use super::{DbConn, OneRow};
use crate::error::ApiError;

/// A row of `brands`. `theme` and `allowed_origins` hold JSON.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = brands)]
pub struct BrandRow {
    /// Id (`brd_…`).
    pub id: String,
    /// URL slug.
    pub slug: String,
    /// Display name.
    pub name: String,
    /// Theme (JSON).
    pub theme: String,
    /// Custom domain.
    pub custom_domain: Option<String>,
    /// Allowed browser origins (JSON array).
    pub allowed_origins: String,
    /// Creation time (UTC).
    pub created_at: chrono::NaiveDateTime,
    /// Last change (UTC).
    pub updated_at: chrono::NaiveDateTime,
}

impl BrandRow {
    /// Allowed origins, parsed.
    pub fn origins(&self) -> Vec<String> {
        serde_json::from_str(&self.allowed_origins).unwrap_or_default()
    }
}

/// The uniform 404 for a brand that does not exist or is not the caller's.
pub fn not_found() -> ApiError {
    ApiError::not_found("brand_not_found", "No such brand.")
}

/// Brand by slug.
pub fn by_slug(conn: &mut DbConn, slug: &str) -> Result<Option<BrandRow>, ApiError> {
    Ok(brands::table
        .filter(brands::slug.eq(slug))
        .select(BrandRow::as_select())
        .one(conn)?)
}

/// Brand by slug or, for a name containing a dot, by custom domain.
pub fn by_slug_or_domain(conn: &mut DbConn, key: &str) -> Result<Option<BrandRow>, ApiError> {
    if key.contains('.') {
        let domain = key.to_ascii_lowercase();
        Ok(brands::table
            .filter(brands::custom_domain.eq(domain))
            .select(BrandRow::as_select())
            .one(conn)?)
    } else {
        by_slug(conn, key)
    }
}

/// Brands visible to a key, ordered by id, after `cursor` (exclusive).
pub fn list(
    conn: &mut DbConn,
    only: Option<&[String]>,
    cursor: Option<&str>,
    limit: i64,
) -> Result<Vec<BrandRow>, ApiError> {
    let mut query = brands::table
        .select(BrandRow::as_select())
        .order(brands::id.asc())
        .limit(limit)
        .into_boxed();
    if let Some(ids) = only {
        query = query.filter(brands::id.eq_any(ids.to_vec()));
    }
    if let Some(cursor) = cursor {
        query = query.filter(brands::id.gt(cursor.to_string()));
    }
    Ok(query.load(conn)?)
}

/// Inserts a brand; a taken slug or domain is a 409.
pub fn insert(conn: &mut DbConn, row: &BrandRow) -> Result<(), ApiError> {
    match diesel::insert_into(brands::table).values(row).execute(conn) {
        Ok(_) => Ok(()),
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            info,
        )) => Err(taken(info.message())),
        Err(e) => Err(e.into()),
    }
}

/// Saves every column of an existing brand.
pub fn update(conn: &mut DbConn, row: &BrandRow) -> Result<(), ApiError> {
    match diesel::update(brands::table.find(&row.id))
        .set(row)
        .execute(conn)
    {
        Ok(_) => Ok(()),
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            info,
        )) => Err(taken(info.message())),
        Err(e) => Err(e.into()),
    }
}

fn taken(message: &str) -> ApiError {
    if message.contains("custom_domain") {
        ApiError::conflict(
            "domain_taken",
            "Another brand already uses this custom domain.",
        )
    } else {
        ApiError::conflict("brand_exists", "A brand with this slug already exists.")
    }
}
