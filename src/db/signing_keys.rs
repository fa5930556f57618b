//! Signing keys of portal and label tokens, shared by every node. The
//! secret of a key is stored sealed (`crate::secrets`) under the
//! deployment's secrets key, bound to the key's id.

use base64::Engine;
use diesel::prelude::*;
use rand::RngCore;

use super::schema::signing_keys;
use super::{DbConn, DbError, DbResult};
use crate::secrets::Keyring;

/// A row of `signing_keys` (the secret is base64, sealed).
#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = signing_keys)]
pub struct SigningKeyRow {
    /// Key id (`kid` header).
    pub kid: String,
    /// The base64 secret, sealed: open it with [`secret_context`].
    pub secret: String,
    /// Creation time.
    pub created_at: chrono::NaiveDateTime,
    /// Retirement time: no longer signs, still verifies for a grace period.
    pub retired_at: Option<chrono::NaiveDateTime>,
}

/// The context a key's secret is sealed with (its row).
pub fn secret_context(kid: &str) -> String {
    format!("signing_keys:{kid}")
}

fn insert_new(conn: &mut DbConn, keyring: &Keyring) -> DbResult<String> {
    let mut secret = [0u8; 32];
    rand::rng().fill_bytes(&mut secret);
    let kid = crate::domain::ids::new_id("kid");
    let sealed = keyring
        .seal(
            &secret_context(&kid),
            &base64::engine::general_purpose::STANDARD.encode(secret),
        )
        .map_err(|e| DbError::Invariant(e.to_string()))?;
    diesel::insert_into(signing_keys::table)
        .values((
            signing_keys::kid.eq(&kid),
            signing_keys::secret.eq(sealed),
            signing_keys::created_at.eq(super::now()),
        ))
        .execute(conn)?;
    Ok(kid)
}

/// Creates a key when no active one exists (first start).
pub fn ensure_active(conn: &mut DbConn, keyring: &Keyring) -> DbResult<()> {
    let active: i64 = signing_keys::table
        .filter(signing_keys::retired_at.is_null())
        .count()
        .get_result(conn)?;
    if active == 0 {
        insert_new(conn, keyring)?;
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
pub fn rotate(conn: &mut DbConn, keyring: &Keyring) -> DbResult<String> {
    diesel::update(signing_keys::table.filter(signing_keys::retired_at.is_null()))
        .set(signing_keys::retired_at.eq(Some(super::now())))
        .execute(conn)?;
    insert_new(conn, keyring)
}
