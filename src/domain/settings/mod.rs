//! Returns Settings: the brand's policy document and the answers read from
//! it (the default warehouse, enabled methods and carriers, the customer's
//! locale).
//!
//! The document is stored as JSON and replaced as a whole by `PUT`; every
//! rule that spans fields (unique codes, every locale has every string, …)
//! is checked in [`check`](self::check) and reported with a JSON path per
//! error. What a new brand starts with is in `defaults.rs`.

mod check;
mod defaults;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

pub use self::defaults::DEFAULT_STRINGS_EN;
/// The patterns of the document's codes and locale tags, as the spec states them.
pub use crate::domain::codes::{CODE_PATTERN, LOCALE_PATTERN};
use crate::domain::codes::{CountryCode, Locale};
use crate::domain::dispositions::{DispositionRule, Outcome};
use crate::domain::money::Money;
use crate::domain::notifications::{Notifications, StaffNotifications, VendorNotifications};
use crate::error::{ErrorCode, FieldError};

/// When the return window starts counting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum WindowStart {
    /// From the delivery of the shipment that carried the line.
    Delivery,
    /// From the order date.
    Order,
}

/// How a customer proves an order is theirs at lookup.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum LookupMethod {
    /// Destination postal code.
    PostalCode,
    /// Customer email.
    Email,
    /// Customer phone.
    Phone,
}

impl LookupMethod {
    /// The lookup request field that carries this verifier.
    pub fn field(self) -> &'static str {
        match self {
            LookupMethod::PostalCode => "postal_code",
            LookupMethod::Email => "email",
            LookupMethod::Phone => "phone",
        }
    }
}

/// How the parcel travels back.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ReturnMethodType {
    /// Printed label, dropped at a service point.
    DropOff,
    /// No printer: a QR code shown at a label-less service point.
    Labelless,
    /// Carrier collects at the customer's address.
    Pickup,
    /// Brought to a store.
    InStore,
}

/// What the customer gets back.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ResolutionType {
    /// Money back to the original payment method.
    Refund,
    /// Store credit (optionally with a bonus).
    StoreCredit,
    /// Another variant or product.
    Exchange,
}

impl ResolutionType {
    /// The code, as JSON writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            ResolutionType::Refund => "refund",
            ResolutionType::StoreCredit => "store_credit",
            ResolutionType::Exchange => "exchange",
        }
    }

    /// The resolution of a code, if it is one.
    pub fn parse(code: &str) -> Option<ResolutionType> {
        [
            ResolutionType::Refund,
            ResolutionType::StoreCredit,
            ResolutionType::Exchange,
        ]
        .into_iter()
        .find(|r| r.as_str() == code)
    }
}

/// Kind of return address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AddressKind {
    /// The brand's own warehouse.
    Warehouse,
    /// A vendor's address (lines with that `vendor` go there).
    Vendor,
}

/// A return reason the customer picks per item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct ReturnReason {
    /// Stable code, e.g. `too_small`.
    #[schema(example = "too_small", pattern = "^[a-z][a-z0-9_]*$", max_length = 50)]
    pub code: String,
    /// Label per locale; every locale of the settings needs one.
    #[schema(value_type = BTreeMap<Locale, String>, example = json!({"en": "Too small"}))]
    pub labels: BTreeMap<String, String>,
    /// The customer must write a comment.
    #[serde(default)]
    pub require_comment: bool,
    /// The customer must attach photos.
    #[serde(default)]
    pub require_images: bool,
    /// Photos required when `require_images` (1–10).
    #[serde(default = "one")]
    #[validate(range(min = 1, max = 10))]
    #[schema(minimum = 1, maximum = 10)]
    pub min_images: u32,
    /// The customer must state the item's condition.
    #[serde(default)]
    pub require_condition: bool,
    /// Items with this reason need no merchant review.
    #[serde(default)]
    pub auto_approve: bool,
    /// The portal offers an exchange first for items with this reason
    /// (`too_small`, `too_large`: another size fits).
    #[serde(default)]
    pub suggest_exchange: bool,
}

fn one() -> u32 {
    1
}

/// An item condition the customer (or the warehouse at receipt) can state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct ConditionCode {
    /// Stable code, e.g. `unopened`.
    #[schema(example = "unopened", pattern = "^[a-z][a-z0-9_]*$", max_length = 50)]
    pub code: String,
    /// Label per locale.
    #[schema(value_type = BTreeMap<Locale, String>)]
    pub labels: BTreeMap<String, String>,
}

/// A return method and the carriers that serve it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct ReturnMethodSetting {
    /// The method.
    #[serde(rename = "type")]
    pub method: ReturnMethodType,
    /// Offered to customers.
    pub enabled: bool,
    /// Carrier codes, e.g. `postnl`, `dhl` (none for `in_store`).
    #[serde(default)]
    #[validate(length(max = 20))]
    #[schema(max_items = 20)]
    pub carriers: Vec<String>,
    /// For `pickup`: how many days ahead a pickup may be booked (1–30).
    #[serde(default)]
    pub max_pickup_days: Option<u32>,
}

/// A resolution the customer may choose.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct RefundOptionSetting {
    /// The resolution.
    #[serde(rename = "type")]
    pub resolution: ResolutionType,
    /// Offered to customers.
    pub enabled: bool,
    /// For `store_credit`: bonus on top of the item value, in percent (0–100).
    #[serde(default)]
    pub store_credit_bonus_percent: Option<u32>,
}

/// A fee deducted from the refund.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReturnFee {
    /// The fee.
    pub amount: Money,
    /// Resolutions for which the fee is waived (e.g. exchanges).
    #[serde(default)]
    pub waived_for: Vec<ResolutionType>,
}

/// Where returned items go.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct ReturnAddress {
    /// Stable id, e.g. `main-warehouse`.
    pub id: String,
    /// Warehouse or vendor address.
    pub kind: AddressKind,
    /// For `vendor`: the vendor name order lines carry.
    #[serde(default)]
    pub vendor: Option<String>,
    /// The one warehouse used when a line has no vendor address.
    #[serde(default)]
    pub is_default: bool,
    /// Addressee.
    #[validate(length(min = 1, max = 100))]
    #[schema(min_length = 1, max_length = 100)]
    pub name: String,
    /// Company.
    #[serde(default)]
    #[validate(length(max = 100))]
    #[schema(max_length = 100)]
    pub company: Option<String>,
    /// Street and number.
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub line1: String,
    /// Second address line.
    #[serde(default)]
    #[validate(length(max = 200))]
    #[schema(max_length = 200)]
    pub line2: Option<String>,
    /// Postal code.
    #[validate(length(min = 1, max = 20))]
    #[schema(min_length = 1, max_length = 20)]
    pub postal_code: String,
    /// City.
    #[validate(length(min = 1, max = 100))]
    #[schema(min_length = 1, max_length = 100)]
    pub city: String,
    /// ISO 3166-1 alpha-2 country.
    #[schema(value_type = CountryCode)]
    pub country: String,
    /// Phone.
    #[serde(default)]
    #[validate(length(max = 40))]
    #[schema(max_length = 40)]
    pub phone: Option<String>,
    /// Email.
    #[serde(default)]
    #[validate(email)]
    #[schema(format = Email)]
    pub email: Option<String>,
}

/// A brand's Returns Settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct ReturnsSettings {
    /// Days a line stays returnable (1–365).
    #[validate(range(min = 1, max = 365))]
    #[schema(minimum = 1, maximum = 365)]
    #[schema(example = 30)]
    pub return_window_days: u32,
    /// Whether the window counts from delivery or from the order date.
    pub window_starts_at: WindowStart,
    /// Whether lines of shipments not yet delivered may be returned.
    pub allow_undelivered_items: bool,
    /// Verifiers a customer may use at lookup (at least one).
    #[validate(length(min = 1, max = 3))]
    #[schema(min_items = 1, max_items = 3)]
    pub lookup_methods: Vec<LookupMethod>,
    /// ISO 3166-1 alpha-2 region for reading phone numbers written without a
    /// country code; without it phone numbers must be international (`+…`).
    #[serde(default)]
    #[schema(value_type = Option<CountryCode>)]
    pub phone_region: Option<String>,
    /// Return reasons (1–100).
    #[validate(length(min = 1, max = 100), nested)]
    #[schema(min_items = 1, max_items = 100)]
    pub reasons: Vec<ReturnReason>,
    /// Item conditions (at most 50).
    #[validate(length(max = 50), nested)]
    #[schema(max_items = 50)]
    pub condition_codes: Vec<ConditionCode>,
    /// Return methods (at least one enabled).
    #[validate(length(min = 1, max = 4), nested)]
    #[schema(min_items = 1, max_items = 4)]
    pub return_methods: Vec<ReturnMethodSetting>,
    /// Resolutions (at least one enabled).
    #[validate(length(min = 1, max = 3), nested)]
    #[schema(min_items = 1, max_items = 3)]
    pub refund_options: Vec<RefundOptionSetting>,
    /// Fee deducted from refunds.
    #[serde(default)]
    pub return_fee: Option<ReturnFee>,
    /// Warehouse and vendor addresses (one default warehouse).
    #[validate(length(max = 100), nested)]
    #[schema(max_items = 100)]
    pub return_addresses: Vec<ReturnAddress>,
    /// Locale used when the customer's is not supported.
    #[schema(value_type = Locale)]
    pub default_locale: String,
    /// Supported locales, e.g. `en`, `nl`, `de-AT`.
    #[validate(length(min = 1, max = 30))]
    #[schema(value_type = Vec<Locale>, min_items = 1, max_items = 30)]
    pub locales: Vec<String>,
    /// Portal texts per locale; every locale has the same keys.
    #[schema(value_type = BTreeMap<Locale, LocaleStrings>)]
    pub strings: BTreeMap<String, BTreeMap<String, String>>,
    /// Link to the brand's return policy.
    #[serde(default)]
    #[schema(
        max_length = 2000,
        pattern = "^https?://[A-Za-z0-9.-]+(?::[0-9]{1,4})?(?:/[!-~]*)?$"
    )]
    pub policy_url: Option<String>,
    /// Customer e-mail at each step of a return: on or off per step, with
    /// subject and body templates per locale (every step off by default).
    #[serde(default)]
    pub notifications: Notifications,
    /// E-mail to the merchant's staff: who, in which locale, about what
    /// (a return awaiting review, a vendor's rejection or missed deadline,
    /// a failed label, a disabled webhook endpoint), with templates per
    /// locale (every kind off by default).
    #[serde(default)]
    pub staff_notifications: StaffNotifications,
    /// E-mail to vendors at their `contact_email`: a part awaiting them,
    /// a reminder before its deadline, their parcel in transit and
    /// delivered (every kind off by default).
    #[serde(default)]
    pub vendor_notifications: VendorNotifications,
    /// Offer exchange and store credit before a refund: the portal lists
    /// the enabled resolutions in that order (else in `refund_options`'
    /// order).
    #[serde(default)]
    pub exchange_first: bool,
    /// Exchanges for a dearer variant: `absorb` (the customer pays
    /// nothing more) or `charge` (the return waits in `payment_required`
    /// until `POST …/returns/{id}/payments` confirms the amount due, which
    /// is what the dearer replacements cost beyond the money the return
    /// gives back).
    #[serde(default)]
    pub exchange_price_difference: PriceDifferencePolicy,
    /// Hours a return waits for its payment (1–720): unpaid by then, it is
    /// cancelled by the system and its reserved units go back to stock.
    #[serde(default = "seventy_two")]
    #[validate(range(min = 1, max = 720))]
    #[schema(minimum = 1, maximum = 720, default = 72)]
    pub payment_within_hours: u32,
    /// Issue store credit when the return is approved instead of when it
    /// is completed (`store_credit.issued`, once).
    #[serde(default)]
    pub store_credit_on_approval: bool,
    /// Instant exchanges: the replacement is released at approval instead
    /// of at receipt, and the original must be scanned in transit by a
    /// deadline (`exchange.overdue` otherwise). Off when absent.
    #[serde(default)]
    #[validate(nested)]
    pub instant_exchange: Option<InstantExchange>,
    /// What happens to received units, read in order: the first rule whose
    /// conditions all hold gives a unit its disposition (see
    /// `POST …/receipts`). A brand starts with two: units that were not in
    /// the return and damaged units are quarantined.
    #[serde(default = "crate::domain::dispositions::default_rules")]
    #[validate(nested)]
    #[schema(max_items = 100)]
    pub disposition_rules: Vec<DispositionRule>,
    /// The disposition of a unit no rule decides (default `restock`).
    #[serde(default)]
    pub default_disposition: Outcome,
    /// Serve the reference portal at `/portal/{brand}` (off when absent):
    /// a complete customer portal built on the public portal API, which
    /// storefronts on the brand's allowed origins may embed in an iframe.
    #[serde(default)]
    pub hosted_portal: bool,
    /// Read only: what is worth fixing without making the settings
    /// invalid, such as brand theme colours whose text fails WCAG 2 AA
    /// contrast. Sent back with a `PUT`, it is ignored.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schema(read_only)]
    pub warnings: Vec<crate::domain::contrast::SettingsWarning>,
}

/// What a dearer replacement costs the customer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PriceDifferencePolicy {
    /// The merchant absorbs it.
    #[default]
    Absorb,
    /// The customer pays it before the return goes on.
    Charge,
}

/// The terms of instant exchanges.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct InstantExchange {
    /// Orders worth more than this (minor units, the order's currency)
    /// get a regular exchange, released at receipt; no limit when absent.
    #[serde(default)]
    #[validate(range(min = 0))]
    #[schema(minimum = 0, example = 15000)]
    pub max_order_value: Option<i64>,
    /// Days after approval by which a carrier must have scanned the
    /// original in transit (1–60).
    #[serde(default = "fourteen")]
    #[validate(range(min = 1, max = 60))]
    #[schema(minimum = 1, maximum = 60, default = 14)]
    pub scan_within_days: u32,
    /// Only for customers without another open return (one not yet
    /// received, of any of their orders with the brand).
    #[serde(default)]
    pub require_no_open_returns: bool,
}

fn fourteen() -> u32 {
    14
}

fn seventy_two() -> u32 {
    72
}

impl ReturnsSettings {
    /// The enabled resolutions in the order the portal offers them:
    /// exchange, store credit, refund when `exchange_first`, else as
    /// configured.
    pub fn offered_resolutions(&self) -> Vec<&RefundOptionSetting> {
        let mut offered: Vec<&RefundOptionSetting> =
            self.refund_options.iter().filter(|o| o.enabled).collect();
        if self.exchange_first {
            offered.sort_by_key(|o| match o.resolution {
                ResolutionType::Exchange => 0,
                ResolutionType::StoreCredit => 1,
                ResolutionType::Refund => 2,
            });
        }
        offered
    }

    /// The error for a condition code that is not one of the brand's
    /// (`None` when the code is absent or known).
    pub fn unknown_condition(&self, code: Option<&str>, field: &str) -> Option<FieldError> {
        let code = code?;
        (!self.condition_codes.iter().any(|c| c.code == code)).then(|| {
            FieldError::new(
                field,
                ErrorCode::UnknownCondition,
                "not one of the brand's condition codes",
            )
        })
    }

    /// The default warehouse, if the brand has configured one.
    pub fn default_address(&self) -> Option<&ReturnAddress> {
        self.return_addresses.iter().find(|a| a.is_default)
    }

    /// The enabled return method of this type.
    pub fn method(&self, method: ReturnMethodType) -> Option<&ReturnMethodSetting> {
        self.return_methods
            .iter()
            .find(|m| m.method == method && m.enabled)
    }

    /// Carriers of any enabled return method (sorted, unique).
    pub fn enabled_carriers(&self) -> Vec<String> {
        let set: BTreeSet<&String> = self
            .return_methods
            .iter()
            .filter(|m| m.enabled)
            .flat_map(|m| m.carriers.iter())
            .collect();
        set.into_iter().cloned().collect()
    }

    /// The supported locale that best serves a request: `requested` (the
    /// `locale` query parameter), else the `Accept-Language` header, else the
    /// default. A bare language matches a regional locale and vice versa.
    pub fn negotiate_locale(&self, requested: Option<&str>, accept_language: Option<&str>) -> &str {
        if let Some(found) = requested.and_then(|r| self.match_locale(r)) {
            return found;
        }
        if let Some(header) = accept_language {
            for (tag, quality) in accept_language::parse_with_quality(header) {
                if quality > 0.0
                    && let Some(found) = self.match_locale(&tag)
                {
                    return found;
                }
            }
        }
        &self.default_locale
    }

    fn match_locale(&self, tag: &str) -> Option<&str> {
        let tag = tag.trim();
        if tag.is_empty() {
            return None;
        }
        let exact = self.locales.iter().find(|l| l.eq_ignore_ascii_case(tag));
        let language = tag.split(['-', '_']).next().unwrap_or(tag);
        exact
            .or_else(|| {
                self.locales
                    .iter()
                    .find(|l| l.eq_ignore_ascii_case(language))
            })
            .or_else(|| {
                self.locales.iter().find(|l| {
                    l.split('-')
                        .next()
                        .is_some_and(|p| p.eq_ignore_ascii_case(language))
                })
            })
            .map(String::as_str)
    }
}

/// The spec's name for the portal texts of one locale: text by key
/// (schema only).
pub struct LocaleStrings;

impl utoipa::PartialSchema for LocaleStrings {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        ObjectBuilder::new()
            .schema_type(Type::Object)
            .description(Some("Portal texts of one locale, by key (snake_case)."))
            .property_names(Some(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .pattern(Some(CODE_PATTERN))
                    .max_length(Some(64)),
            ))
            .additional_properties(Some(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .max_length(Some(2000)),
            ))
            .examples([serde_json::json!({ "portal_title": "Return an item" })])
            .into()
    }
}

impl utoipa::ToSchema for LocaleStrings {}

#[cfg(test)]
#[allow(clippy::field_reassign_with_default)]
mod tests {
    use super::*;

    #[test]
    fn exchange_first_offers_exchange_then_store_credit_then_refund() {
        let mut s = ReturnsSettings::default();
        let order = |s: &ReturnsSettings| -> Vec<ResolutionType> {
            s.offered_resolutions()
                .iter()
                .map(|o| o.resolution)
                .collect()
        };
        assert_eq!(
            order(&s),
            vec![
                ResolutionType::Refund,
                ResolutionType::StoreCredit,
                ResolutionType::Exchange
            ]
        );
        s.exchange_first = true;
        assert_eq!(
            order(&s),
            vec![
                ResolutionType::Exchange,
                ResolutionType::StoreCredit,
                ResolutionType::Refund
            ]
        );
        s.refund_options[2].enabled = false;
        assert_eq!(
            order(&s),
            vec![ResolutionType::StoreCredit, ResolutionType::Refund]
        );
    }

    #[test]
    fn size_reasons_suggest_an_exchange_by_default() {
        let s = ReturnsSettings::default();
        let suggesting: Vec<&str> = s
            .reasons
            .iter()
            .filter(|r| r.suggest_exchange)
            .map(|r| r.code.as_str())
            .collect();
        assert_eq!(suggesting, vec!["too_small", "too_large"]);
    }

    #[test]
    fn locales_are_negotiated_from_the_parameter_then_the_header() {
        let mut s = ReturnsSettings::default();
        s.locales = vec!["en".into(), "nl".into(), "de-AT".into()];
        assert_eq!(s.negotiate_locale(Some("nl"), None), "nl");
        assert_eq!(s.negotiate_locale(Some("NL-be"), None), "nl");
        assert_eq!(s.negotiate_locale(Some("de"), None), "de-AT");
        assert_eq!(
            s.negotiate_locale(Some("fr"), Some("nl;q=0.5, de-DE;q=0.9")),
            "de-AT"
        );
        assert_eq!(s.negotiate_locale(None, Some("fr-FR, fr;q=0.9")), "en");
        assert_eq!(s.negotiate_locale(None, None), "en");
    }

    #[test]
    fn unknown_fields_are_rejected() {
        let mut v = serde_json::to_value(ReturnsSettings::default()).unwrap();
        v["return_window"] = 3.into();
        assert!(serde_json::from_value::<ReturnsSettings>(v).is_err());
    }
}
