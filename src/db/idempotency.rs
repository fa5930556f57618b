//! Idempotency keys: a retried write with the same key and body gets the
//! original response; the same key with another body is refused.
//!
//! The key row is inserted at the start of the write's own transaction, so
//! a concurrent request with the same key waits for the first to commit
//! (PostgreSQL blocks on the unique index; SQLite serializes writers) and
//! then replays its response. A failed write rolls its key back, so the
//! client may retry it.

use diesel::prelude::*;
use sha2::{Digest, Sha256};

use super::schema::idempotency_keys;
use super::{DbConn, OneRow};
use crate::error::ApiError;

/// How long keys are kept.
pub const TTL: chrono::Duration = chrono::Duration::hours(24);

/// Outcome of claiming a key.
#[derive(Debug, PartialEq, Eq)]
pub enum Claim {
    /// First use: go ahead, then [`store`] the response.
    Fresh,
    /// Seen with the same body: send this status and body again.
    Replay(u16, String),
    /// Seen with another body.
    Mismatch,
}

/// Hash of the request a key is bound to (scope, e.g. the order, plus body).
pub fn request_hash(scope: &str, body: &[u8]) -> String {
    let mut h = Sha256::new();
    h.update(scope.as_bytes());
    h.update([0]);
    h.update(body);
    hex::encode(h.finalize())
}

/// Claims `key` for the brand inside the current transaction.
pub fn claim(conn: &mut DbConn, brand_id: &str, key: &str, hash: &str) -> Result<Claim, ApiError> {
    let now = super::now();
    // Keys older than the TTL are free again.
    diesel::delete(
        idempotency_keys::table
            .filter(idempotency_keys::brand_id.eq(brand_id))
            .filter(idempotency_keys::key.eq(key))
            .filter(idempotency_keys::created_at.lt(now - TTL)),
    )
    .execute(conn)?;
    let inserted = crate::per_backend!(&mut *conn, c => diesel::insert_into(idempotency_keys::table)
        .values((
            idempotency_keys::brand_id.eq(brand_id),
            idempotency_keys::key.eq(key),
            idempotency_keys::request_hash.eq(hash),
            idempotency_keys::status_code.eq(0),
            idempotency_keys::response.eq(""),
            idempotency_keys::created_at.eq(now),
        ))
        .on_conflict_do_nothing()
        .execute(c))?;
    if inserted == 1 {
        return Ok(Claim::Fresh);
    }
    let (stored_hash, status, response): (String, i32, String) = idempotency_keys::table
        .find((brand_id, key))
        .select((
            idempotency_keys::request_hash,
            idempotency_keys::status_code,
            idempotency_keys::response,
        ))
        .one(conn)?
        .ok_or(diesel::result::Error::NotFound)?;
    if stored_hash != hash {
        Ok(Claim::Mismatch)
    } else {
        Ok(Claim::Replay(status as u16, response))
    }
}

/// Stores the response of a fresh claim.
pub fn store(
    conn: &mut DbConn,
    brand_id: &str,
    key: &str,
    status: u16,
    response: &str,
) -> Result<(), ApiError> {
    diesel::update(idempotency_keys::table.find((brand_id, key)))
        .set((
            idempotency_keys::status_code.eq(i32::from(status)),
            idempotency_keys::response.eq(response),
        ))
        .execute(conn)?;
    Ok(())
}

/// Deletes keys older than the TTL.
pub fn purge(conn: &mut DbConn) -> Result<usize, ApiError> {
    Ok(diesel::delete(
        idempotency_keys::table.filter(idempotency_keys::created_at.lt(super::now() - TTL)),
    )
    .execute(conn)?)
}

/// The 422 for a reused key.
pub fn reused() -> ApiError {
    ApiError::unprocessable(
        "idempotency_key_reused",
        "This Idempotency-Key was used with a different request; use a new key.",
    )
}
