//! Lookup policy: what a lookup request must name, how its verifier is
//! compared with the order, which parcel the answer leads with, and how
//! failed attempts are limited.
//!
//! Every mismatch (unknown identifier, wrong verifier, another brand's order)
//! must look the same to the caller, so [`Verifier::matches`] costs the same
//! whether or not the order stores a value to compare with.

use serde::Deserialize;
use utoipa::ToSchema;

use crate::domain::contact::{identifier_key, normalize_email, normalize_phone, postal_key, same};
use crate::domain::orders::Shipment;
use crate::domain::settings::LookupMethod;
use crate::error::{ApiError, ErrorCode, FieldError};

/// Longest order or tracking number, after normalization.
pub const MAX_IDENTIFIER: usize = 64;

/// Lookup input: the identifier and exactly one verifier.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "identifier": "1001", "postal_code": "1012 AB" }))]
pub struct LookupRequest {
    /// Order number or tracking number (`#`, spaces and case are ignored).
    #[schema(example = "1001", min_length = 1, max_length = 64)]
    pub identifier: String,
    /// Destination postal code (case and spaces ignored).
    #[schema(example = "1012ab")]
    pub postal_code: Option<String>,
    /// Customer email (case ignored).
    pub email: Option<String>,
    /// Customer phone (compared as E.164).
    pub phone: Option<String>,
}

/// The identifier as compared: 1–64 characters after normalization.
pub fn identifier(raw: &str) -> Result<String, ApiError> {
    let key = identifier_key(raw);
    if key.is_empty() || raw.chars().count() > MAX_IDENTIFIER {
        return Err(ApiError::field(
            "identifier",
            ErrorCode::InvalidLength,
            "must be an order or tracking number (1–64 characters)",
        ));
    }
    Ok(key)
}

/// The one verifier of a request, normalized.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verifier {
    /// Which kind.
    pub method: LookupMethod,
    /// Its normalized value.
    pub value: String,
}

/// What an order stores to compare verifiers with (normalized).
#[derive(Debug, Clone, Copy, Default)]
pub struct Stored<'a> {
    /// Shipping postal code.
    pub postal_code: Option<&'a str>,
    /// Customer email.
    pub email: Option<&'a str>,
    /// Customer phone (E.164).
    pub phone: Option<&'a str>,
}

impl Verifier {
    /// Reads the one verifier of `req`: 422 when there is not exactly one,
    /// when the brand does not accept it (`lookup_method_not_allowed`), or
    /// when it is malformed.
    pub fn of(
        req: &LookupRequest,
        allowed: &[LookupMethod],
        region: Option<&str>,
    ) -> Result<Verifier, ApiError> {
        let given: Vec<(LookupMethod, &str)> = [
            (LookupMethod::PostalCode, &req.postal_code),
            (LookupMethod::Email, &req.email),
            (LookupMethod::Phone, &req.phone),
        ]
        .into_iter()
        .filter_map(|(m, v)| v.as_deref().map(|v| (m, v)))
        .collect();
        let [(method, raw)] = given.as_slice() else {
            return Err(ApiError::field(
                "",
                ErrorCode::ExactlyOneVerifier,
                "send exactly one of postal_code, email or phone",
            ));
        };
        let field = method.field();
        if !allowed.contains(method) {
            return Err(ApiError::new(
                ErrorCode::LookupMethodNotAllowed,
                format!("This brand does not accept {field} for lookup."),
            )
            .with_errors(vec![FieldError::new(
                field,
                ErrorCode::LookupMethodNotAllowed,
                "not one of the brand's lookup methods",
            )]));
        }
        let (normalized, code) = match method {
            LookupMethod::PostalCode => {
                let key = postal_key(raw);
                let ok = !key.is_empty()
                    && key.len() <= 12
                    && key.chars().all(|c| c.is_ascii_alphanumeric());
                (ok.then_some(key), ErrorCode::InvalidPostalCode)
            }
            LookupMethod::Email => (normalize_email(raw), ErrorCode::InvalidEmail),
            LookupMethod::Phone => (normalize_phone(raw, region), ErrorCode::InvalidPhone),
        };
        let value = normalized
            .ok_or_else(|| ApiError::field(field, code, format!("is not a valid {field}")))?;
        Ok(Verifier {
            method: *method,
            value,
        })
    }

    /// Whether the order's stored value equals this verifier. Compares in
    /// constant time, and against a dummy when nothing is stored, so both
    /// outcomes cost the same.
    pub fn matches(&self, stored: Stored<'_>) -> bool {
        let value = match self.method {
            LookupMethod::PostalCode => stored.postal_code,
            LookupMethod::Email => stored.email,
            LookupMethod::Phone => stored.phone,
        };
        same(value.unwrap_or("\u{0}"), &self.value) && value.is_some()
    }
}

/// The parcel a lookup answer leads with: the one whose tracking number was
/// the identifier, else the most recently shipped (or delivered) one.
pub fn primary_parcel(shipments: &[Shipment], tracking_key: Option<&str>) -> Option<usize> {
    match tracking_key {
        Some(key) => shipments
            .iter()
            .position(|s| identifier_key(&s.tracking_number) == key),
        None => shipments
            .iter()
            .enumerate()
            .max_by_key(|(_, s)| s.shipped_at.or(s.delivered_at))
            .map(|(i, _)| i),
    }
}

/// Limits of failed lookups, per client address and per identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Failures allowed per identifier in a window.
    pub per_identifier: i32,
    /// Failures allowed per client address in a window.
    pub per_client: i32,
    /// Window length in seconds.
    pub window_secs: i64,
}

/// A failure counter: its window and the failures counted in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counter {
    /// Start of the window (seconds since the epoch).
    pub window_start: i64,
    /// Failures counted in it.
    pub count: i32,
}

/// Where a caller stands against the tighter of the two limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimit {
    /// The tighter limit.
    pub limit: i32,
    /// Failures left before it blocks.
    pub remaining: i32,
    /// Seconds until its window ends.
    pub reset_secs: i64,
    /// Whether either limit is used up: every attempt, right or wrong, is refused.
    pub blocked: bool,
}

impl Limits {
    /// The state of the identifier's and the client's counters at `now`
    /// (counters of an ended window count as none).
    pub fn state(
        &self,
        identifier: Option<Counter>,
        client: Option<Counter>,
        now: i64,
    ) -> RateLimit {
        let live = |c: Option<Counter>| c.filter(|c| now < c.window_start + self.window_secs);
        let (id, ip) = (live(identifier), live(client));
        let id_left = self.per_identifier - id.map_or(0, |c| c.count);
        let ip_left = self.per_client - ip.map_or(0, |c| c.count);
        let reset = |c: Option<Counter>| {
            c.map_or(self.window_secs, |c| {
                c.window_start + self.window_secs - now
            })
            .max(0)
        };
        let blocked = id_left <= 0 || ip_left <= 0;
        let (limit, left, counter) = if id_left <= ip_left {
            (self.per_identifier, id_left, id)
        } else {
            (self.per_client, ip_left, ip)
        };
        RateLimit {
            limit,
            remaining: left.max(0),
            reset_secs: reset(counter),
            blocked,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: Limits = Limits {
        per_identifier: 5,
        per_client: 30,
        window_secs: 900,
    };

    fn request(postal: Option<&str>, email: Option<&str>, phone: Option<&str>) -> LookupRequest {
        LookupRequest {
            identifier: "1001".into(),
            postal_code: postal.map(Into::into),
            email: email.map(Into::into),
            phone: phone.map(Into::into),
        }
    }

    const ALL: [LookupMethod; 3] = [
        LookupMethod::PostalCode,
        LookupMethod::Email,
        LookupMethod::Phone,
    ];

    #[test]
    fn an_identifier_is_compared_without_hash_spaces_or_case() {
        assert_eq!(identifier(" #ab 12 ").ok(), Some("AB12".into()));
    }

    #[test]
    fn an_empty_or_overlong_identifier_is_invalid() {
        for raw in ["", " # ", &"9".repeat(65)] {
            let e = identifier(raw).expect_err(raw);
            assert_eq!(e.errors()[0].code, ErrorCode::InvalidLength);
        }
        assert!(identifier(&"9".repeat(64)).is_ok());
    }

    #[test]
    fn a_request_needs_exactly_one_verifier() {
        for req in [
            request(None, None, None),
            request(Some("1012AB"), Some("a@b.nl"), None),
        ] {
            let e = Verifier::of(&req, &ALL, None).expect_err("not one verifier");
            assert_eq!(e.errors()[0].code, ErrorCode::ExactlyOneVerifier);
        }
    }

    #[test]
    fn a_verifier_the_brand_does_not_accept_is_refused_by_name() {
        let e = Verifier::of(
            &request(None, Some("a@b.nl"), None),
            &[LookupMethod::PostalCode],
            None,
        )
        .expect_err("email not allowed");
        assert_eq!(e.code(), ErrorCode::LookupMethodNotAllowed);
        assert_eq!(e.errors()[0].field, "email");
    }

    #[test]
    fn verifiers_are_normalized_before_comparison() {
        let v = Verifier::of(&request(Some("1012 ab"), None, None), &ALL, None).expect("postal");
        assert_eq!(v.value, "1012AB");
        let v = Verifier::of(&request(None, None, Some("06 12345678")), &ALL, Some("NL"))
            .expect("phone");
        assert_eq!(v.value, "+31612345678");
    }

    #[test]
    fn a_malformed_verifier_names_its_field_and_kind() {
        let e = Verifier::of(&request(None, Some("not-an-email"), None), &ALL, None)
            .expect_err("bad email");
        assert_eq!(e.errors()[0].field, "email");
        assert_eq!(e.errors()[0].code, ErrorCode::InvalidEmail);
        let e = Verifier::of(&request(Some("10-12/AB"), None, None), &ALL, None)
            .expect_err("bad postal code");
        assert_eq!(e.errors()[0].code, ErrorCode::InvalidPostalCode);
    }

    #[test]
    fn a_verifier_matches_only_the_stored_value_of_its_kind() {
        let v = Verifier {
            method: LookupMethod::Email,
            value: "ana@example.com".into(),
        };
        let stored = Stored {
            postal_code: Some("1012AB"),
            email: Some("ana@example.com"),
            phone: None,
        };
        assert!(v.matches(stored));
        assert!(!v.matches(Stored {
            email: Some("bob@example.com"),
            ..stored
        }));
        assert!(!v.matches(Stored::default()));
    }

    #[test]
    fn the_primary_parcel_is_the_tracked_one_else_the_latest_shipped() {
        let order = crate::domain::orders::Order::sample();
        assert_eq!(primary_parcel(&order.shipments, Some("3SABC0001")), Some(0));
        assert_eq!(primary_parcel(&order.shipments, Some("UNKNOWN")), None);
        assert_eq!(primary_parcel(&order.shipments, None), Some(0));
        assert_eq!(primary_parcel(&[], None), None);
    }

    #[test]
    fn without_failures_the_identifier_limit_is_the_tighter_one() {
        let s = LIMITS.state(None, None, 1000);
        assert_eq!(
            s,
            RateLimit {
                limit: 5,
                remaining: 5,
                reset_secs: 900,
                blocked: false
            }
        );
    }

    #[test]
    fn failures_of_an_ended_window_no_longer_count() {
        let old = Counter {
            window_start: 0,
            count: 5,
        };
        assert!(!LIMITS.state(Some(old), None, 900).blocked);
        assert!(LIMITS.state(Some(old), None, 899).blocked);
    }

    #[test]
    fn either_used_up_limit_blocks_and_reports_its_own_reset() {
        let client = Counter {
            window_start: 100,
            count: 30,
        };
        let s = LIMITS.state(None, Some(client), 400);
        assert!(s.blocked);
        assert_eq!((s.limit, s.remaining, s.reset_secs), (30, 0, 600));
    }
}
