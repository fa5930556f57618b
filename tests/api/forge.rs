//! Tokens forged with the server's own signing key, to prove each rejection.

use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{Value, json};

use crate::helpers::TestApp;

/// The active signing key (kid, secret).
pub async fn signing_key(app: &TestApp) -> (String, Vec<u8>) {
    let (kid, secret): (String, String) = app
        .db
        .read(|conn| {
            use diesel::prelude::*;
            use returns_api::db::schema::signing_keys::dsl::*;
            Ok(signing_keys
                .filter(retired_at.is_null())
                .select((kid, secret))
                .first(conn)?)
        })
        .await
        .unwrap();
    // Stored sealed under the node's secrets key.
    let secret = app
        .state
        .secrets
        .open(
            &returns_api::db::signing_keys::secret_context(&kid),
            &secret,
        )
        .unwrap();
    (
        kid,
        base64::Engine::decode(&base64::engine::general_purpose::STANDARD, secret).unwrap(),
    )
}

/// Signs `claims` with HS256 under `kid`.
pub fn sign(kid: &str, secret: &[u8], claims: &Value) -> String {
    let header = Header {
        kid: Some(kid.to_string()),
        ..Header::new(Algorithm::HS256)
    };
    jsonwebtoken::encode(&header, claims, &EncodingKey::from_secret(secret)).unwrap()
}

/// Claims of a valid portal token.
pub fn claims(brand_id: &str, order_id: &str, scope: &str) -> Value {
    let now = chrono::Utc::now().timestamp();
    json!({ "iss": "returns-api", "aud": "returns-api:portal", "sub": order_id, "brand": brand_id,
            "scope": scope, "iat": now, "exp": now + 600 })
}

/// The claims inside a token (without verifying it).
pub fn read(token: &str) -> Value {
    let payload = token.split('.').nth(1).unwrap();
    let bytes =
        base64::Engine::decode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, payload).unwrap();
    serde_json::from_slice(&bytes).unwrap()
}

/// An unsigned token (`alg: none`).
pub fn unsigned(claims: &Value) -> String {
    use base64::Engine;
    let e = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    format!(
        "{}.{}.",
        e.encode(br#"{"alg":"none","typ":"JWT"}"#),
        e.encode(claims.to_string())
    )
}
