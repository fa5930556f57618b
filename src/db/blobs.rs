//! Blobs kept in the database (`BLOB_STORE=database`): the backend of
//! `storage` that every node on the database shares. A blob is one row,
//! read and written whole (blobs are at most a few MB).

use diesel::prelude::*;

use super::schema::blobs;
use super::{Db, DbConn, DbResult, OneRow};
use crate::storage::{BlobFuture, BlobStore, StorageError};

/// A row of `blobs`.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = blobs)]
struct BlobRow<'a> {
    key: &'a str,
    content: &'a [u8],
    content_type: &'a str,
    size: i64,
    created_at: chrono::NaiveDateTime,
}

/// Stores `content` under `key`, replacing the blob there.
pub fn put(conn: &mut DbConn, key: &str, content: &[u8], content_type: &str) -> DbResult<()> {
    let row = BlobRow {
        key,
        content,
        content_type,
        size: content.len() as i64,
        created_at: super::now(),
    };
    crate::per_backend!(conn, c => diesel::insert_into(blobs::table)
        .values(&row)
        .on_conflict(blobs::key)
        .do_update()
        .set((
            blobs::content.eq(row.content),
            blobs::content_type.eq(row.content_type),
            blobs::size.eq(row.size),
            blobs::created_at.eq(row.created_at),
        ))
        .execute(c))?;
    Ok(())
}

/// The content of `key`.
pub fn get(conn: &mut DbConn, key: &str) -> DbResult<Option<Vec<u8>>> {
    Ok(blobs::table.find(key).select(blobs::content).one(conn)?)
}

/// Removes the blob of `key`; whether there was one.
pub fn remove(conn: &mut DbConn, key: &str) -> DbResult<bool> {
    Ok(diesel::delete(blobs::table.find(key)).execute(conn)? > 0)
}

/// The database as a blob store.
#[derive(Clone)]
pub struct DbBlobs {
    db: Db,
}

impl DbBlobs {
    /// Blobs in the database of `db`.
    pub fn new(db: Db) -> DbBlobs {
        DbBlobs { db }
    }
}

impl std::fmt::Debug for DbBlobs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DbBlobs")
    }
}

fn unavailable(key: &str, err: crate::error::ApiError) -> StorageError {
    StorageError::Unavailable(format!("{key}: {err}"))
}

impl BlobStore for DbBlobs {
    fn kind(&self) -> &'static str {
        "database"
    }

    fn put<'a>(
        &'a self,
        key: &'a str,
        bytes: Vec<u8>,
        content_type: &'a str,
    ) -> BlobFuture<'a, ()> {
        let (k, t) = (key.to_string(), content_type.to_string());
        Box::pin(async move {
            self.db
                .write(move |conn| Ok(put(conn, &k, &bytes, &t)?))
                .await
                .map_err(|e| unavailable(key, e))
        })
    }

    fn get<'a>(&'a self, key: &'a str) -> BlobFuture<'a, Vec<u8>> {
        let k = key.to_string();
        Box::pin(async move {
            self.db
                .read(move |conn| Ok(get(conn, &k)?))
                .await
                .map_err(|e| unavailable(key, e))?
                .ok_or_else(|| StorageError::NotFound(key.to_string()))
        })
    }

    fn remove<'a>(&'a self, key: &'a str) -> BlobFuture<'a, bool> {
        let k = key.to_string();
        Box::pin(async move {
            self.db
                .write(move |conn| Ok(remove(conn, &k)?))
                .await
                .map_err(|e| unavailable(key, e))
        })
    }
}
