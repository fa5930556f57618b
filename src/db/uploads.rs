//! Photo uploads: rows bound to an order, files stored by content hash.

use std::collections::HashSet;

use diesel::prelude::*;

use super::schema::uploads;
use super::{DbConn, DbResult, OneRow};

/// A row of `uploads`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = uploads, treat_none_as_default_value = false)]
pub struct UploadRow {
    /// Id (`upl_…`).
    pub id: String,
    /// Brand.
    pub brand_id: String,
    /// Order the customer proved to own.
    pub order_id: String,
    /// Return it is attached to.
    pub return_id: Option<String>,
    /// Detected media type.
    pub content_type: String,
    /// Size.
    pub size_bytes: i64,
    /// Hex SHA-256 of the content (the file name).
    pub sha256: String,
    /// Upload time.
    pub created_at: chrono::NaiveDateTime,
}

/// Inserts an upload row.
pub fn insert(conn: &mut DbConn, row: &UploadRow) -> DbResult<()> {
    diesel::insert_into(uploads::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// Deletes an upload row.
pub fn delete(conn: &mut DbConn, id: &str) -> DbResult<()> {
    diesel::delete(uploads::table.filter(uploads::id.eq(id))).execute(conn)?;
    Ok(())
}

/// Uploads of the order not yet attached to a return.
pub fn unattached(conn: &mut DbConn, order_id: &str) -> DbResult<HashSet<String>> {
    Ok(uploads::table
        .filter(uploads::order_id.eq(order_id))
        .filter(uploads::return_id.is_null())
        .select(uploads::id)
        .load::<String>(conn)?
        .into_iter()
        .collect())
}

/// Uploads of an order (attached or not).
pub fn count_for_order(conn: &mut DbConn, order_id: &str) -> DbResult<i64> {
    Ok(uploads::table
        .filter(uploads::order_id.eq(order_id))
        .count()
        .get_result(conn)?)
}

/// Attaches uploads to a return.
pub fn attach(conn: &mut DbConn, ids: &[String], return_id: &str) -> DbResult<()> {
    if !ids.is_empty() {
        diesel::update(uploads::table.filter(uploads::id.eq_any(ids)))
            .set(uploads::return_id.eq(Some(return_id)))
            .execute(conn)?;
    }
    Ok(())
}

/// Deletes uploads never attached and older than `before`; returns the
/// content hashes no remaining upload refers to (their files can go).
pub fn purge_unattached(conn: &mut DbConn, before: chrono::NaiveDateTime) -> DbResult<Vec<String>> {
    let stale: Vec<(String, String)> = uploads::table
        .filter(uploads::return_id.is_null())
        .filter(uploads::created_at.lt(before))
        .select((uploads::id, uploads::sha256))
        .limit(10_000)
        .load(conn)?;
    if stale.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<&String> = stale.iter().map(|(id, _)| id).collect();
    diesel::delete(uploads::table.filter(uploads::id.eq_any(ids))).execute(conn)?;
    let hashes: HashSet<&String> = stale.iter().map(|(_, h)| h).collect();
    let still: HashSet<String> = uploads::table
        .filter(uploads::sha256.eq_any(hashes.iter().copied()))
        .select(uploads::sha256)
        .load::<String>(conn)?
        .into_iter()
        .collect();
    Ok(hashes
        .into_iter()
        .filter(|h| !still.contains(*h))
        .cloned()
        .collect())
}

/// Number of uploads.
pub fn count_all(conn: &mut DbConn) -> DbResult<i64> {
    Ok(uploads::table.count().get_result(conn)?)
}

/// Uploads attached to a return.
pub fn for_return(conn: &mut DbConn, return_id: &str) -> DbResult<Vec<UploadRow>> {
    Ok(uploads::table
        .filter(uploads::return_id.eq(return_id))
        .select(UploadRow::as_select())
        .order(uploads::id)
        .load(conn)?)
}

/// An upload.
pub fn by_id(conn: &mut DbConn, id: &str) -> DbResult<Option<UploadRow>> {
    Ok(uploads::table
        .find(id)
        .select(UploadRow::as_select())
        .one(conn)?)
}
