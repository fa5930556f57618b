//! Brand rows.

use diesel::prelude::*;

use super::schema::brands;
use super::{DbConn, DbResult, OneRow};

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

/// Brand by slug.
pub fn by_slug(conn: &mut DbConn, slug: &str) -> DbResult<Option<BrandRow>> {
    Ok(brands::table
        .filter(brands::slug.eq(slug))
        .select(BrandRow::as_select())
        .one(conn)?)
}

/// Brand by id.
pub fn by_id(conn: &mut DbConn, id: &str) -> DbResult<Option<BrandRow>> {
    Ok(brands::table
        .find(id)
        .select(BrandRow::as_select())
        .one(conn)?)
}

/// Brand by slug or, for a name containing a dot, by custom domain.
pub fn by_slug_or_domain(conn: &mut DbConn, key: &str) -> DbResult<Option<BrandRow>> {
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
) -> DbResult<Vec<BrandRow>> {
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

/// Which unique value of a brand another brand already holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clash {
    /// The slug.
    Slug,
    /// The custom domain.
    Domain,
}

/// Inserts a brand; `Err(clash)` (nothing written) when its slug or domain is taken.
pub fn insert(conn: &mut DbConn, row: &BrandRow) -> DbResult<Result<(), Clash>> {
    clash(diesel::insert_into(brands::table).values(row).execute(conn))
}

/// Saves every column of an existing brand; `Err(clash)` when its domain is taken.
pub fn update(conn: &mut DbConn, row: &BrandRow) -> DbResult<Result<(), Clash>> {
    clash(
        diesel::update(brands::table.find(&row.id))
            .set(row)
            .execute(conn),
    )
}

fn clash(result: diesel::QueryResult<usize>) -> DbResult<Result<(), Clash>> {
    match result {
        Ok(_) => Ok(Ok(())),
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            info,
        )) if info.message().contains("custom_domain") => Ok(Err(Clash::Domain)),
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => Ok(Err(Clash::Slug)),
        Err(e) => Err(e.into()),
    }
}
