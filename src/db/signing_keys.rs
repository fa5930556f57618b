//! Signing keys of portal and label tokens, shared by every node.

use base64::Engine;
use diesel::prelude::*;
use rand::RngCore;

use super::schema::signing_keys;
use super::{DbConn, DbResult};

/// A row of `signing_keys` (the secret is base64).
#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = signing_keys)]
pub struct SigningKeyRow {
    /// Key id (`kid` header).
    pub kid: String,
    /// Base64 secret.
    pub secret: String,
    /// Creation time.
    pub created_at: chrono::NaiveDateTime,
    /// Retirement time: no longer signs, still verifies for a grace period.
    pub retired_at: Option<chrono::NaiveDateTime>,
}

fn insert_new(conn: &mut DbConn) -> DbResult<String> {
    let mut secret = [0u8; 32];
    rand::rng().fill_bytes(&mut secret);
    let kid = crate::domain::ids::new_id("kid");
    diesel::insert_into(signing_keys::table)
        .values((
            signing_keys::kid.eq(&kid),
            signing_keys::secret.eq(base64::engine::general_purpose::STANDARD.encode(secret)),
            signing_keys::created_at.eq(super::now()),
        ))
        .execute(conn)?;
    Ok(kid)
}

/// Creates a key when no active one exists (first start).
pub fn ensure_active(conn: &mut DbConn) -> DbResult<()> {
    let active: i64 = signing_keys::table
        .filter(signing_keys::retired_at.is_null())
        .count()
        .get_result(conn)?;
    if active == 0 {
        insert_new(conn)?;
    }
    Ok(())
}

/// Keys that are active or were retired after `retired_after`.
pub fn usable(
    conn: &mut DbConn,
    retired_after: chrono::NaiveDateTime,
) -> DbResult<Vec<SigningKeyRow>> {
    Ok(signing_keys::table
        .filter(
            signing_keys::retired_at
                .is_null()
                .or(signing_keys::retired_at.gt(retired_after)),
        )
        .select(SigningKeyRow::as_select())
        .load(conn)?)
}

/// Adds a new signing key and retires the others (they keep verifying for
/// the grace period). Returns the new key id.
pub fn rotate(conn: &mut DbConn) -> DbResult<String> {
    diesel::update(signing_keys::table.filter(signing_keys::retired_at.is_null()))
        .set(signing_keys::retired_at.eq(Some(super::now())))
        .execute(conn)?;
    insert_new(conn)
}
