//! The Standard Webhooks scheme (<https://www.standardwebhooks.com>):
//! `webhook-id`, `webhook-timestamp` and `webhook-signature` headers, the
//! signature `v1,<base64 HMAC-SHA256 of id.timestamp.body>` keyed with the
//! base64 bytes of a `whsec_…` secret. Several signatures (a secret being
//! rotated) are separated by spaces. The arithmetic is the reference
//! implementation's (`standardwebhooks`); this module only adapts it.

use base64::Engine;
use rand::RngCore;
use standardwebhooks::Webhook;

/// Header of the message id (the same on every retry).
pub const ID: &str = "webhook-id";
/// Header of the attempt's Unix time (seconds).
pub const TIMESTAMP: &str = "webhook-timestamp";
/// Header of the signatures.
pub const SIGNATURE: &str = "webhook-signature";

/// How far a signed timestamp may be from now (the reference's tolerance).
pub const TOLERANCE_SECS: i64 = 5 * 60;

/// Why a signature was not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    /// A header is missing or not readable.
    #[error("the {0} header is missing or invalid")]
    Header(&'static str),
    /// The timestamp is too old or in the future.
    #[error("the timestamp is more than five minutes away from now")]
    Stale,
    /// No signature matches.
    #[error("no signature matches")]
    Mismatch,
    /// The secret is not `whsec_` and base64.
    #[error("the secret is not a whsec_ secret")]
    Secret,
}

/// A new secret: `whsec_` and 32 random bytes in base64.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    format!(
        "whsec_{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}

/// Whether `secret` is a usable `whsec_` secret.
pub fn is_secret(secret: &str) -> bool {
    secret.starts_with("whsec_") && Webhook::new(secret).is_ok()
}

/// The `webhook-signature` value for `body` under each of `secrets`
/// (space-separated `v1,…`).
pub fn sign(
    secrets: &[&str],
    id: &str,
    timestamp: i64,
    body: &str,
) -> Result<String, SignatureError> {
    let mut out = Vec::with_capacity(secrets.len());
    for secret in secrets {
        let webhook = Webhook::new(secret).map_err(|_| SignatureError::Secret)?;
        out.push(
            webhook
                .sign(id, timestamp, body.as_bytes())
                .map_err(|_| SignatureError::Secret)?,
        );
    }
    Ok(out.join(" "))
}

/// Checks the three headers of a signed `body` against `secret`: one of
/// the signatures matches (compared in constant time) and the timestamp is
/// within [`TOLERANCE_SECS`] of now.
pub fn verify(
    secret: &str,
    id: Option<&str>,
    timestamp: Option<&str>,
    signature: Option<&str>,
    body: &[u8],
) -> Result<(), SignatureError> {
    let webhook = Webhook::new(secret).map_err(|_| SignatureError::Secret)?;
    let mut headers = http::HeaderMap::new();
    for (name, value) in [(ID, id), (TIMESTAMP, timestamp), (SIGNATURE, signature)] {
        let value = value
            .and_then(|v| http::HeaderValue::from_str(v).ok())
            .ok_or(SignatureError::Header(name))?;
        headers.insert(name, value);
    }
    webhook.verify(body, &headers).map_err(|e| match e {
        standardwebhooks::WebhookError::TimestampTooOldError
        | standardwebhooks::WebhookError::FutureTimestampError => SignatureError::Stale,
        standardwebhooks::WebhookError::InvalidSignature => SignatureError::Mismatch,
        standardwebhooks::WebhookError::InvalidTimestamp => SignatureError::Header(TIMESTAMP),
        _ => SignatureError::Mismatch,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> i64 {
        chrono::Utc::now().timestamp()
    }

    #[test]
    fn a_signature_matches_the_reference_vector() {
        // The vector of the Standard Webhooks reference implementation.
        let sig = sign(
            &["whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD"],
            "msg_27UH4WbU6Z5A5EzD8u03UvzRbpk",
            1649367553,
            r#"{"email":"test@example.com","username":"test_user"}"#,
        )
        .unwrap();
        assert_eq!(sig, "v1,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kkw=");
    }

    #[test]
    fn a_body_verifies_with_its_secret_and_not_with_another() {
        let (secret, other) = (new_secret(), new_secret());
        let ts = now();
        let sig = sign(&[&secret], "evt_1", ts, "{}").unwrap();
        let stamp = ts.to_string();
        let check = |s: &str, body: &[u8]| verify(s, Some("evt_1"), Some(&stamp), Some(&sig), body);
        assert_eq!(check(&secret, b"{}"), Ok(()));
        assert_eq!(check(&other, b"{}"), Err(SignatureError::Mismatch));
        assert_eq!(check(&secret, b"{ }"), Err(SignatureError::Mismatch));
    }

    #[test]
    fn during_a_rotation_both_secrets_verify() {
        let (new, old) = (new_secret(), new_secret());
        let ts = now();
        let sig = sign(&[&new, &old], "evt_1", ts, "{}").unwrap();
        assert_eq!(sig.split(' ').count(), 2);
        let stamp = ts.to_string();
        for secret in [&new, &old] {
            assert_eq!(
                verify(secret, Some("evt_1"), Some(&stamp), Some(&sig), b"{}"),
                Ok(())
            );
        }
    }

    #[test]
    fn a_stale_or_missing_timestamp_is_refused() {
        let secret = new_secret();
        let old = now() - TOLERANCE_SECS - 10;
        let sig = sign(&[&secret], "evt_1", old, "{}").unwrap();
        let stamp = old.to_string();
        assert_eq!(
            verify(&secret, Some("evt_1"), Some(&stamp), Some(&sig), b"{}"),
            Err(SignatureError::Stale)
        );
        assert_eq!(
            verify(&secret, Some("evt_1"), None, Some(&sig), b"{}"),
            Err(SignatureError::Header(TIMESTAMP))
        );
    }

    #[test]
    fn new_secrets_are_whsec_secrets_and_differ() {
        let (a, b) = (new_secret(), new_secret());
        assert!(is_secret(&a) && is_secret(&b));
        assert_ne!(a, b);
        assert!(!is_secret("whsec_not base64!"));
        assert!(!is_secret("C2FVsBQIhrscChlQIMV+b5sSYspob7oD"));
    }
}
