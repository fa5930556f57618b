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
    use diesel::sql_types::{Text, Timestamp};
    let now = super::now();
    // One statement: insert the key, or take over a row older than the TTL
    // (such keys are free again); a live row is left alone (0 rows).
    // Parameters appear in order, so `$n` means the same on both backends.
    const CLAIM: &str = "INSERT INTO idempotency_keys \
        (brand_id, key, request_hash, status_code, response, created_at) \
        VALUES ($1, $2, $3, 0, '', $4) \
        ON CONFLICT (brand_id, key) DO UPDATE SET request_hash = excluded.request_hash, \
            status_code = 0, response = '', created_at = excluded.created_at \
        WHERE idempotency_keys.created_at < $5";
    let inserted = crate::per_backend!(&mut *conn, c => diesel::sql_query(CLAIM)
        .bind::<Text, _>(brand_id)
        .bind::<Text, _>(key)
        .bind::<Text, _>(hash)
        .bind::<Timestamp, _>(now)
        .bind::<Timestamp, _>(now - TTL)
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
