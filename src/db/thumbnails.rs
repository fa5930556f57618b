//! Photo thumbnails: one row per stored photo content, written once.
//!
//! Uploads share one blob per content hash, so they share its thumbnail
//! too. The hash is the primary key: when two nodes make the same
//! thumbnail at once, both write the same blob under the same key and the
//! second insert does nothing, so one row (and one blob) stays.

use diesel::prelude::*;

use super::schema::photo_thumbnails;
use super::{DbConn, DbResult, OneRow};

/// A row of `photo_thumbnails`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = photo_thumbnails)]
pub struct ThumbnailRow {
    /// Content hash of the photo (`uploads.sha256`).
    pub sha256: String,
    /// Blob key of the thumbnail (a JPEG).
    pub blob_key: String,
    /// Thumbnail width.
    pub width: i32,
    /// Thumbnail height.
    pub height: i32,
    /// Width of the photo as served.
    pub photo_width: i32,
    /// Height of the photo as served.
    pub photo_height: i32,
    /// When it was made.
    pub created_at: chrono::NaiveDateTime,
}

/// The thumbnails of these photo contents.
pub fn for_hashes(conn: &mut DbConn, hashes: &[String]) -> DbResult<Vec<ThumbnailRow>> {
    if hashes.is_empty() {
        return Ok(Vec::new());
    }
    Ok(photo_thumbnails::table
        .filter(photo_thumbnails::sha256.eq_any(hashes))
        .select(ThumbnailRow::as_select())
        .load(conn)?)
}

/// The thumbnail of one photo content.
pub fn of_hash(conn: &mut DbConn, sha256: &str) -> DbResult<Option<ThumbnailRow>> {
    Ok(photo_thumbnails::table
        .find(sha256)
        .select(ThumbnailRow::as_select())
        .one(conn)?)
}

/// Records a thumbnail unless one is recorded for its content already;
/// the row that stands.
pub fn insert_once(conn: &mut DbConn, row: &ThumbnailRow) -> DbResult<ThumbnailRow> {
    crate::per_backend!(&mut *conn, c => diesel::insert_into(photo_thumbnails::table)
        .values(row)
        .on_conflict_do_nothing()
        .execute(c))?;
    Ok(photo_thumbnails::table
        .find(&row.sha256)
        .select(ThumbnailRow::as_select())
        .one(conn)?
        .ok_or(diesel::result::Error::NotFound)?)
}

/// Forgets the thumbnails of contents no upload refers to any more; their
/// blob keys (the blobs can go).
pub fn forget(conn: &mut DbConn, hashes: &[String]) -> DbResult<Vec<String>> {
    if hashes.is_empty() {
        return Ok(Vec::new());
    }
    let gone = || photo_thumbnails::table.filter(photo_thumbnails::sha256.eq_any(hashes));
    let keys = gone()
        .select(photo_thumbnails::blob_key)
        .load::<String>(conn)?;
    diesel::delete(gone()).execute(conn)?;
    Ok(keys)
}
