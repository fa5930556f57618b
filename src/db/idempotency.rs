//! Idempotency keys: a retried write with the same key and body gets the
//! original response; the same key with another body is refused.
//!
//! A key is written only together with the write it protects, in the same
//! transaction (or the same statement, see `return_flow`), and carries that
//! write's response: a failed write leaves no key, so the client may retry
//! it. Two requests racing with one key cannot both write: the key's
//! primary key lets one in, and the other finds its stored response on its
//! next attempt.

use diesel::prelude::*;
use sha2::{Digest, Sha256};

use super::schema::idempotency_keys;
use super::{DbConn, DbResult, OneRow};

/// How long keys are kept.
pub const TTL: chrono::Duration = chrono::Duration::hours(24);

/// What an earlier request with the same key left.
#[derive(Debug, PartialEq, Eq)]
pub enum Seen {
    /// The same body: send this status and body again.
    Replay(u16, String),
    /// Another body.
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

/// The live (younger than [`TTL`]) use of `key` for the brand, if any.
pub fn find(conn: &mut DbConn, brand_id: &str, key: &str, hash: &str) -> DbResult<Option<Seen>> {
    let row: Option<(String, i32, String)> = idempotency_keys::table
        .find((brand_id, key))
        .filter(idempotency_keys::created_at.ge(super::now() - TTL))
        .select((
            idempotency_keys::request_hash,
            idempotency_keys::status_code,
            idempotency_keys::response,
        ))
        .one(conn)?;
    Ok(row.map(|(stored, status, response)| {
        if stored == hash {
            Seen::Replay(status as u16, response)
        } else {
            Seen::Mismatch
        }
    }))
}

/// Upsert of a key with its response that takes over a row older than the
/// TTL (such keys are free again) and leaves a live one alone. Parameters
/// appear in order, so `$n` means the same on both backends: brand, key,
/// request hash, status, response, now, expiry cut-off.
const UPSERT: &str = "INSERT INTO idempotency_keys \
    (brand_id, key, request_hash, status_code, response, created_at) \
    VALUES ($1, $2, $3, $4, $5, $6) \
    ON CONFLICT (brand_id, key) DO UPDATE SET request_hash = excluded.request_hash, \
        status_code = excluded.status_code, response = excluded.response, \
        created_at = excluded.created_at \
    WHERE idempotency_keys.created_at < $7";

/// Stores `key` with the response of the write it protected, inside that
/// write's transaction. `false` when a live row holds the key (another
/// request with it got in first): the caller must not commit its write.
pub fn store(
    conn: &mut DbConn,
    brand_id: &str,
    key: &str,
    hash: &str,
    status: u16,
    response: &str,
) -> DbResult<bool> {
    use diesel::sql_types::{Integer, Text, Timestamp};
    let now = super::now();
    let written = crate::per_backend!(&mut *conn, c => super::Cached(diesel::sql_query(UPSERT)
        .bind::<Text, _>(brand_id)
        .bind::<Text, _>(key)
        .bind::<Text, _>(hash)
        .bind::<Integer, _>(i32::from(status))
        .bind::<Text, _>(response)
        .bind::<Timestamp, _>(now)
        .bind::<Timestamp, _>(now - TTL))
        .execute(c))?;
    Ok(written == 1)
}

/// Deletes keys older than the TTL.
pub fn purge(conn: &mut DbConn) -> DbResult<usize> {
    Ok(diesel::delete(
        idempotency_keys::table.filter(idempotency_keys::created_at.lt(super::now() - TTL)),
    )
    .execute(conn)?)
}
