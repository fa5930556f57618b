//! Every column that holds a secret, read and rewritten as a whole: for the
//! start-up pass that encrypts values written in clear (before secrets
//! were encrypted) or under an older key, and for `secrets rotate-key`.
//!
//! A value is replaced only while it is still the one read, so a secret
//! rotated by another node in the meantime is never overwritten with the
//! old one.

use diesel::prelude::*;

use super::schema::{signing_keys, webhook_endpoints};
use super::{DbConn, DbResult};

/// A column that holds secrets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretColumn {
    /// `signing_keys.secret` (token signing keys, base64).
    SigningKey,
    /// `webhook_endpoints.secret`.
    WebhookSecret,
    /// `webhook_endpoints.previous_secret`.
    WebhookPreviousSecret,
}

impl SecretColumn {
    /// `table.column`, for messages.
    pub fn name(self) -> &'static str {
        match self {
            SecretColumn::SigningKey => "signing_keys.secret",
            SecretColumn::WebhookSecret => "webhook_endpoints.secret",
            SecretColumn::WebhookPreviousSecret => "webhook_endpoints.previous_secret",
        }
    }
}

/// One stored secret: where it is and its value as stored.
#[derive(Debug, Clone)]
pub struct StoredSecret {
    /// Its column.
    pub column: SecretColumn,
    /// The id of its row.
    pub id: String,
    /// The value as stored (sealed, or in clear from an older version).
    pub value: String,
}

impl StoredSecret {
    /// The context the value is sealed with (its row).
    pub fn context(&self) -> String {
        match self.column {
            SecretColumn::SigningKey => super::signing_keys::secret_context(&self.id),
            SecretColumn::WebhookSecret | SecretColumn::WebhookPreviousSecret => {
                super::webhooks::secret_context(&self.id)
            }
        }
    }
}

/// Every stored secret.
pub fn all(conn: &mut DbConn) -> DbResult<Vec<StoredSecret>> {
    let keys: Vec<(String, String)> = signing_keys::table
        .select((signing_keys::kid, signing_keys::secret))
        .load(conn)?;
    let endpoints: Vec<(String, String, Option<String>)> = webhook_endpoints::table
        .select((
            webhook_endpoints::id,
            webhook_endpoints::secret,
            webhook_endpoints::previous_secret,
        ))
        .load(conn)?;
    let mut out: Vec<StoredSecret> = keys
        .into_iter()
        .map(|(id, value)| StoredSecret {
            column: SecretColumn::SigningKey,
            id,
            value,
        })
        .collect();
    for (id, secret, previous) in endpoints {
        if let Some(value) = previous {
            out.push(StoredSecret {
                column: SecretColumn::WebhookPreviousSecret,
                id: id.clone(),
                value,
            });
        }
        out.push(StoredSecret {
            column: SecretColumn::WebhookSecret,
            id,
            value: secret,
        });
    }
    Ok(out)
}

/// Replaces a stored value with `value` if it is still the one read;
/// whether it was.
pub fn replace(conn: &mut DbConn, stored: &StoredSecret, value: &str) -> DbResult<bool> {
    let n = match stored.column {
        SecretColumn::SigningKey => diesel::update(
            signing_keys::table
                .filter(signing_keys::kid.eq(&stored.id))
                .filter(signing_keys::secret.eq(&stored.value)),
        )
        .set(signing_keys::secret.eq(value))
        .execute(conn)?,
        SecretColumn::WebhookSecret => diesel::update(
            webhook_endpoints::table
                .filter(webhook_endpoints::id.eq(&stored.id))
                .filter(webhook_endpoints::secret.eq(&stored.value)),
        )
        .set(webhook_endpoints::secret.eq(value))
        .execute(conn)?,
        SecretColumn::WebhookPreviousSecret => diesel::update(
            webhook_endpoints::table
                .filter(webhook_endpoints::id.eq(&stored.id))
                .filter(webhook_endpoints::previous_secret.eq(&stored.value)),
        )
        .set(webhook_endpoints::previous_secret.eq(value))
        .execute(conn)?,
    };
    Ok(n == 1)
}
