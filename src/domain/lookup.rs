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
    #[schema(format = Email, example = "ana@example.com")]
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

/// What a lookup answer may show of the shipping address and the parcels:
/// only what the verifier proved the caller knows. The postal code proves
/// the address, so it is shown with its coordinates; an email or phone does
/// not, so the postal code is masked, the coordinates are left out, and
/// every tracking number but the one the caller named is masked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disclosure {
    /// Whether the full postal code and coordinates may be shown.
    pub address: bool,
    /// The tracking number the caller named (normalized), shown in full.
    pub named_parcel: Option<String>,
}

/// What masks the hidden part of a value.
pub const MASK: &str = "•••";

impl Disclosure {
    /// What an answer to `verifier` may show; `named_parcel` is the
    /// identifier when it was a tracking number.
    pub fn of(verifier: LookupMethod, named_parcel: Option<&str>) -> Disclosure {
        Disclosure {
            address: verifier == LookupMethod::PostalCode,
            named_parcel: named_parcel.map(identifier_key),
        }
    }

    /// The postal code as shown: in full, or its first two characters.
    pub fn postal_code(&self, raw: &str) -> String {
        if self.address {
            return raw.to_string();
        }
        let head: String = raw.chars().take(2).collect();
        format!("{head}{MASK}")
    }

    /// The coordinates as shown: as stored, or none.
    pub fn coordinates(&self, lat: Option<f64>, lon: Option<f64>) -> (Option<f64>, Option<f64>) {
        if self.address {
            (lat, lon)
        } else {
            (None, None)
        }
    }

    /// A tracking number as shown: in full when the address is proved or
    /// the caller named it, else only its last four characters (none of a
    /// number of four or fewer).
    pub fn tracking_number(&self, raw: &str) -> String {
        if self.address || self.named_parcel.as_deref() == Some(identifier_key(raw).as_str()) {
            return raw.to_string();
        }
        let chars: Vec<char> = raw.chars().collect();
        let kept = if chars.len() > 4 {
            &chars[chars.len() - 4..]
        } else {
            &[][..]
        };
        format!("{MASK}{}", kept.iter().collect::<String>())
    }
}

/// Limits of failed lookups. A client that keeps guessing one identifier
/// is stopped after `per_identifier` failures without locking anyone else
/// out of that order; many clients guessing one identifier together are
/// stopped by `per_identifier_total`; one client guessing many identifiers
/// by `per_client`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Failures allowed per identifier and client address in a window.
    pub per_identifier: i32,
    /// Failures allowed per identifier from all clients together in a window.
    pub per_identifier_total: i32,
    /// Failures allowed per client address in a window.
    pub per_client: i32,
    /// Window length in seconds.
    pub window_secs: i64,
}

/// The counters of one attempt (`None`: no failure counted yet).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counters {
    /// This identifier from this client.
    pub identifier_client: Option<Counter>,
    /// This identifier from every client.
    pub identifier: Option<Counter>,
    /// This client, every identifier.
    pub client: Option<Counter>,
}

/// A failure counter: its window and the failures counted in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counter {
    /// Start of the window (seconds since the epoch).
    pub window_start: i64,
    /// Failures counted in it.
    pub count: i32,
}

/// Where a caller stands against the tightest of the limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimit {
    /// The tightest limit.
    pub limit: i32,
    /// Failures left before it blocks.
    pub remaining: i32,
    /// Seconds until its window ends.
    pub reset_secs: i64,
    /// Whether any limit is used up: every attempt, right or wrong, is refused.
    pub blocked: bool,
}

impl Limits {
    /// The state of the counters at `now` (counters of an ended window
    /// count as none): the limit with the fewest failures left.
    pub fn state(&self, counters: Counters, now: i64) -> RateLimit {
        let live = |c: Option<Counter>| c.filter(|c| now < c.window_start + self.window_secs);
        [
            (self.per_identifier, counters.identifier_client),
            (self.per_identifier_total, counters.identifier),
            (self.per_client, counters.client),
        ]
        .into_iter()
        .map(|(limit, counter)| {
            let counter = live(counter);
            let left = limit - counter.map_or(0, |c| c.count);
            let reset_secs = counter
                .map_or(self.window_secs, |c| {
                    c.window_start + self.window_secs - now
                })
                .max(0);
            RateLimit {
                limit,
                remaining: left.max(0),
                reset_secs,
                blocked: left <= 0,
            }
        })
        .min_by_key(|s| (s.remaining, std::cmp::Reverse(s.reset_secs)))
        .expect("three limits")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: Limits = Limits {
        per_identifier: 5,
        per_identifier_total: 50,
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
    fn a_postal_code_verifier_shows_the_address_and_every_parcel() {
        let d = Disclosure::of(LookupMethod::PostalCode, None);
        assert_eq!(d.postal_code("1012 AB"), "1012 AB");
        assert_eq!(
            d.coordinates(Some(52.0), Some(4.0)),
            (Some(52.0), Some(4.0))
        );
        assert_eq!(d.tracking_number("3SABC0001"), "3SABC0001");
    }

    #[test]
    fn an_email_or_phone_verifier_masks_the_address_and_other_parcels() {
        for method in [LookupMethod::Email, LookupMethod::Phone] {
            let d = Disclosure::of(method, Some("3s abc 0001"));
            assert_eq!(d.postal_code("1012 AB"), "10•••");
            assert_eq!(d.postal_code("É"), "É•••");
            assert_eq!(d.coordinates(Some(52.0), Some(4.0)), (None, None));
            assert_eq!(
                d.tracking_number("3SABC0001"),
                "3SABC0001",
                "the named parcel"
            );
            assert_eq!(d.tracking_number("3SXYZ0002"), "•••0002");
            assert_eq!(d.tracking_number("T-12"), "•••");
            assert_eq!(
                Disclosure::of(method, None).tracking_number("3SABC0001"),
                "•••0001"
            );
        }
    }

    #[test]
    fn without_failures_the_identifier_limit_is_the_tighter_one() {
        let s = LIMITS.state(Counters::default(), 1000);
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
        let counters = Counters {
            identifier_client: Some(old),
            ..Counters::default()
        };
        assert!(!LIMITS.state(counters, 900).blocked);
        assert!(LIMITS.state(counters, 899).blocked);
    }

    #[test]
    fn either_used_up_limit_blocks_and_reports_its_own_reset() {
        let client = Counter {
            window_start: 100,
            count: 30,
        };
        let s = LIMITS.state(
            Counters {
                client: Some(client),
                ..Counters::default()
            },
            400,
        );
        assert!(s.blocked);
        assert_eq!((s.limit, s.remaining, s.reset_secs), (30, 0, 600));
    }

    #[test]
    fn one_clients_failures_leave_the_identifier_open_to_others_until_the_ceiling() {
        let mine = Counter {
            window_start: 100,
            count: 5,
        };
        let all = Counter {
            window_start: 100,
            count: 5,
        };
        // The client that failed is blocked ...
        let me = Counters {
            identifier_client: Some(mine),
            identifier: Some(all),
            client: Some(mine),
        };
        assert!(LIMITS.state(me, 200).blocked);
        // ... another client on the same identifier is not ...
        let other = Counters {
            identifier: Some(all),
            ..Counters::default()
        };
        let s = LIMITS.state(other, 200);
        assert!(!s.blocked);
        assert_eq!((s.limit, s.remaining), (5, 5));
        // ... until the identifier's failures from everyone reach the ceiling.
        let crowded = Counters {
            identifier: Some(Counter {
                window_start: 100,
                count: 50,
            }),
            ..Counters::default()
        };
        let s = LIMITS.state(crowded, 200);
        assert!(s.blocked);
        assert_eq!((s.limit, s.remaining, s.reset_secs), (50, 0, 800));
    }
}
