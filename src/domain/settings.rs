//! Returns Settings: the brand's policy document, its validation as a whole,
//! and the public portal view derived from it.
//!
//! The document is stored as JSON and replaced as a whole by `PUT`; every
//! rule that spans fields (unique codes, every locale has every string, …)
//! is checked here and reported with a JSON path per error.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::domain::money::Money;
use crate::domain::notifications::Notifications;
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
}

/// Keys of the portal texts a new brand starts with (English).
pub const DEFAULT_STRINGS_EN: &[(&str, &str)] = &[
    ("portal_title", "Return an item"),
    ("lookup_intro", "Find your order to start a return."),
    ("identifier_label", "Order number or tracking number"),
    ("postal_code_label", "Postal code"),
    ("email_label", "Email address"),
    ("phone_label", "Phone number"),
    ("lookup_submit", "Find my order"),
    (
        "order_not_found",
        "We could not find an order with these details.",
    ),
    ("select_items", "Which items do you want to return?"),
    ("reason_label", "Reason"),
    ("comment_label", "Comment"),
    ("photos_label", "Photos"),
    ("condition_label", "Condition"),
    ("return_method_title", "How do you want to send it back?"),
    ("resolution_title", "What would you like in return?"),
    ("submit_return", "Confirm return"),
    ("confirmation_title", "Your return is registered"),
    ("label_pending", "Your label is being prepared…"),
    ("label_ready", "Your label is ready"),
    ("not_returnable", "This item cannot be returned"),
];

fn en(label: &str) -> BTreeMap<String, String> {
    BTreeMap::from([("en".to_string(), label.to_string())])
}

fn reason(
    code: &str,
    label: &str,
    comment: bool,
    images: bool,
    condition: bool,
    auto: bool,
) -> ReturnReason {
    ReturnReason {
        code: code.into(),
        labels: en(label),
        require_comment: comment,
        require_images: images,
        min_images: 1,
        require_condition: condition,
        auto_approve: auto,
    }
}

impl Default for ReturnsSettings {
    /// What a new brand starts with: 30 days from delivery, postal code or
    /// email lookup, common reasons, drop-off and label-less, refund, store
    /// credit and exchange, English texts. No return address yet: the brand
    /// adds its warehouse before returns can be created.
    fn default() -> ReturnsSettings {
        ReturnsSettings {
            return_window_days: 30,
            window_starts_at: WindowStart::Delivery,
            allow_undelivered_items: false,
            lookup_methods: vec![LookupMethod::PostalCode, LookupMethod::Email],
            phone_region: None,
            reasons: vec![
                reason("too_small", "Too small", false, false, false, true),
                reason("too_large", "Too large", false, false, false, true),
                reason("changed_mind", "Changed my mind", false, false, false, true),
                reason(
                    "not_as_described",
                    "Not as described",
                    true,
                    false,
                    false,
                    false,
                ),
                reason("damaged", "Arrived damaged", true, true, true, false),
                reason(
                    "wrong_item",
                    "Wrong item received",
                    false,
                    true,
                    false,
                    false,
                ),
                reason("other", "Other", true, false, false, false),
            ],
            condition_codes: vec![
                ConditionCode {
                    code: "unopened".into(),
                    labels: en("Unopened"),
                },
                ConditionCode {
                    code: "like_new".into(),
                    labels: en("Like new"),
                },
                ConditionCode {
                    code: "used".into(),
                    labels: en("Used"),
                },
                ConditionCode {
                    code: "damaged".into(),
                    labels: en("Damaged"),
                },
            ],
            return_methods: vec![
                ReturnMethodSetting {
                    method: ReturnMethodType::DropOff,
                    enabled: true,
                    carriers: vec!["postnl".into(), "dhl".into()],
                    max_pickup_days: None,
                },
                ReturnMethodSetting {
                    method: ReturnMethodType::Labelless,
                    enabled: true,
                    carriers: vec!["postnl".into()],
                    max_pickup_days: None,
                },
            ],
            refund_options: vec![
                RefundOptionSetting {
                    resolution: ResolutionType::Refund,
                    enabled: true,
                    store_credit_bonus_percent: None,
                },
                RefundOptionSetting {
                    resolution: ResolutionType::StoreCredit,
                    enabled: true,
                    store_credit_bonus_percent: Some(10),
                },
                RefundOptionSetting {
                    resolution: ResolutionType::Exchange,
                    enabled: true,
                    store_credit_bonus_percent: None,
                },
            ],
            return_fee: None,
            return_addresses: Vec::new(),
            default_locale: "en".into(),
            locales: vec!["en".into()],
            strings: BTreeMap::from([(
                "en".to_string(),
                DEFAULT_STRINGS_EN
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
            )]),
            policy_url: None,
            notifications: Notifications::default(),
        }
    }
}

impl ReturnsSettings {
    /// Every error of the document: field constraints and cross-field rules.
    pub fn check(&self) -> Vec<FieldError> {
        let mut errors = match self.validate() {
            Ok(()) => Vec::new(),
            Err(e) => crate::error::field_errors(&e),
        };
        self.check_rules(&mut errors);
        errors.sort_by(|a, b| a.field.cmp(&b.field));
        errors.dedup();
        errors
    }

    fn check_rules(&self, errors: &mut Vec<FieldError>) {
        let mut err = |field: String, code: ErrorCode, message: &str| {
            errors.push(FieldError::new(field, code, message));
        };
        let locales = self.check_locales(&mut err);
        self.check_strings(&locales, &mut err);
        self.check_lookup(&mut err);
        self.check_codes(&locales, &mut err);
        self.check_methods(&mut err);
        self.check_refunds(&mut err);
        self.check_addresses(&mut err);
        errors.extend(self.notifications.check(&locales));
    }

    /// Locales: valid tags, each once, the default among them. Returns
    /// them for the rules that refer to them.
    fn check_locales(&self, err: &mut impl FnMut(String, ErrorCode, &str)) -> BTreeSet<&str> {
        let mut seen = HashSet::new();
        for (i, locale) in self.locales.iter().enumerate() {
            if !is_locale(locale) {
                err(
                    format!("locales[{i}]"),
                    ErrorCode::InvalidLocale,
                    "must be a language tag such as en, nl or de-AT",
                );
            }
            if !seen.insert(locale.as_str()) {
                err(
                    format!("locales[{i}]"),
                    ErrorCode::Duplicate,
                    "appears more than once",
                );
            }
        }
        let locales: BTreeSet<&str> = self.locales.iter().map(String::as_str).collect();
        if !locales.contains(self.default_locale.as_str()) {
            err(
                "default_locale".into(),
                ErrorCode::UnknownLocale,
                "must be one of `locales`",
            );
        }

        locales
    }

    /// Every locale has every string; no strings for unknown locales.
    fn check_strings(
        &self,
        locales: &BTreeSet<&str>,
        err: &mut impl FnMut(String, ErrorCode, &str),
    ) {
        let all_keys: BTreeSet<&str> = self
            .strings
            .values()
            .flat_map(|m| m.keys().map(String::as_str))
            .collect();
        for locale in locales {
            match self.strings.get(*locale) {
                None => err(
                    format!("strings.{locale}"),
                    ErrorCode::Required,
                    "every locale needs its strings",
                ),
                Some(map) => {
                    for key in &all_keys {
                        match map.get(*key) {
                            None => err(
                                format!("strings.{locale}.{key}"),
                                ErrorCode::Required,
                                "missing in this locale",
                            ),
                            Some(v) if v.trim().is_empty() => err(
                                format!("strings.{locale}.{key}"),
                                ErrorCode::Required,
                                "must not be empty",
                            ),
                            Some(v) if v.len() > 2000 => err(
                                format!("strings.{locale}.{key}"),
                                ErrorCode::InvalidLength,
                                "at most 2000 characters",
                            ),
                            _ => {}
                        }
                    }
                }
            }
        }
        for locale in self.strings.keys() {
            if !locales.contains(locale.as_str()) {
                err(
                    format!("strings.{locale}"),
                    ErrorCode::UnknownLocale,
                    "not one of `locales`",
                );
            }
        }
        for key in &all_keys {
            if !is_code(key, 64) {
                err(
                    format!("strings.{}.{key}", self.default_locale),
                    ErrorCode::InvalidKey,
                    "keys are snake_case words",
                );
            }
        }
    }

    /// Lookup methods once each, and a valid phone region.
    fn check_lookup(&self, err: &mut impl FnMut(String, ErrorCode, &str)) {
        let mut seen = HashSet::new();
        for (i, m) in self.lookup_methods.iter().enumerate() {
            if !seen.insert(*m) {
                err(
                    format!("lookup_methods[{i}]"),
                    ErrorCode::Duplicate,
                    "appears more than once",
                );
            }
        }
        if let Some(region) = &self.phone_region
            && !is_country(region)
        {
            err(
                "phone_region".into(),
                ErrorCode::InvalidCountry,
                "must be an ISO 3166-1 alpha-2 code such as NL",
            );
        }
    }

    /// Reasons and conditions: codes unique, labels for exactly the locales.
    fn check_codes(&self, locales: &BTreeSet<&str>, err: &mut impl FnMut(String, ErrorCode, &str)) {
        let mut seen = HashSet::new();
        for (i, r) in self.reasons.iter().enumerate() {
            if !is_code(&r.code, 50) {
                err(
                    format!("reasons[{i}].code"),
                    ErrorCode::InvalidCode,
                    "must be snake_case (a-z, 0-9, _), at most 50 characters",
                );
            }
            if !seen.insert(r.code.as_str()) {
                err(
                    format!("reasons[{i}].code"),
                    ErrorCode::Duplicate,
                    "another reason has this code",
                );
            }
            check_labels(&r.labels, locales, &format!("reasons[{i}].labels"), err);
        }
        let mut seen = HashSet::new();
        for (i, c) in self.condition_codes.iter().enumerate() {
            if !is_code(&c.code, 50) {
                err(
                    format!("condition_codes[{i}].code"),
                    ErrorCode::InvalidCode,
                    "must be snake_case, at most 50 characters",
                );
            }
            if !seen.insert(c.code.as_str()) {
                err(
                    format!("condition_codes[{i}].code"),
                    ErrorCode::Duplicate,
                    "another condition has this code",
                );
            }
            check_labels(
                &c.labels,
                locales,
                &format!("condition_codes[{i}].labels"),
                err,
            );
        }
        if self.reasons.iter().any(|r| r.require_condition) && self.condition_codes.is_empty() {
            err(
                "condition_codes".into(),
                ErrorCode::Required,
                "a reason requires a condition, so at least one condition code is needed",
            );
        }
    }

    /// Return methods: each once, carriers valid and once, as the method
    /// needs them; at least one enabled.
    fn check_methods(&self, err: &mut impl FnMut(String, ErrorCode, &str)) {
        let mut seen = HashSet::new();
        for (i, m) in self.return_methods.iter().enumerate() {
            if !seen.insert(m.method) {
                err(
                    format!("return_methods[{i}].type"),
                    ErrorCode::Duplicate,
                    "each method appears once",
                );
            }
            let mut carriers = HashSet::new();
            for (j, c) in m.carriers.iter().enumerate() {
                if !is_carrier(c) {
                    err(
                        format!("return_methods[{i}].carriers[{j}]"),
                        ErrorCode::InvalidCarrier,
                        "carrier codes are lowercase letters, digits, - or _",
                    );
                }
                if !carriers.insert(c.as_str()) {
                    err(
                        format!("return_methods[{i}].carriers[{j}]"),
                        ErrorCode::Duplicate,
                        "appears more than once",
                    );
                }
            }
            match m.method {
                ReturnMethodType::InStore if !m.carriers.is_empty() => err(
                    format!("return_methods[{i}].carriers"),
                    ErrorCode::NotAllowed,
                    "in-store returns use no carrier",
                ),
                ReturnMethodType::InStore => {}
                _ if m.enabled && m.carriers.is_empty() => err(
                    format!("return_methods[{i}].carriers"),
                    ErrorCode::Required,
                    "an enabled method needs at least one carrier",
                ),
                _ => {}
            }
            match (m.method, m.max_pickup_days) {
                (ReturnMethodType::Pickup, Some(d)) if !(1..=30).contains(&d) => err(
                    format!("return_methods[{i}].max_pickup_days"),
                    ErrorCode::OutOfRange,
                    "must be between 1 and 30",
                ),
                (ReturnMethodType::Pickup, _) => {}
                (_, Some(_)) => err(
                    format!("return_methods[{i}].max_pickup_days"),
                    ErrorCode::NotAllowed,
                    "only for pickup",
                ),
                _ => {}
            }
        }
        if !self.return_methods.iter().any(|m| m.enabled) {
            err(
                "return_methods".into(),
                ErrorCode::Required,
                "at least one return method must be enabled",
            );
        }
    }

    /// Refund options once each, bonuses only for store credit, at least
    /// one enabled; a fee within bounds.
    fn check_refunds(&self, err: &mut impl FnMut(String, ErrorCode, &str)) {
        let mut seen = HashSet::new();
        for (i, o) in self.refund_options.iter().enumerate() {
            if !seen.insert(o.resolution) {
                err(
                    format!("refund_options[{i}].type"),
                    ErrorCode::Duplicate,
                    "each option appears once",
                );
            }
            match (o.resolution, o.store_credit_bonus_percent) {
                (ResolutionType::StoreCredit, Some(p)) if p > 100 => err(
                    format!("refund_options[{i}].store_credit_bonus_percent"),
                    ErrorCode::OutOfRange,
                    "must be between 0 and 100",
                ),
                (ResolutionType::StoreCredit, _) => {}
                (_, Some(_)) => err(
                    format!("refund_options[{i}].store_credit_bonus_percent"),
                    ErrorCode::NotAllowed,
                    "only for store_credit",
                ),
                _ => {}
            }
        }
        if !self.refund_options.iter().any(|o| o.enabled) {
            err(
                "refund_options".into(),
                ErrorCode::Required,
                "at least one refund option must be enabled",
            );
        }

        if let Some(fee) = &self.return_fee
            && !(0..=100_000_000).contains(&fee.amount.amount)
        {
            err(
                "return_fee.amount.amount".into(),
                ErrorCode::OutOfRange,
                "must be between 0 and 100000000",
            );
        }
    }

    /// Return addresses: unique ids, vendors, one default warehouse; an
    /// http(s) policy URL.
    fn check_addresses(&self, err: &mut impl FnMut(String, ErrorCode, &str)) {
        let mut ids = HashSet::new();
        let mut vendors = HashSet::new();
        for (i, a) in self.return_addresses.iter().enumerate() {
            if !is_carrier(&a.id) {
                err(
                    format!("return_addresses[{i}].id"),
                    ErrorCode::InvalidCode,
                    "ids are lowercase letters, digits, - or _",
                );
            }
            if !ids.insert(a.id.as_str()) {
                err(
                    format!("return_addresses[{i}].id"),
                    ErrorCode::Duplicate,
                    "another address has this id",
                );
            }
            if !is_country(&a.country) {
                err(
                    format!("return_addresses[{i}].country"),
                    ErrorCode::InvalidCountry,
                    "must be an ISO 3166-1 alpha-2 code",
                );
            }
            match (a.kind, &a.vendor) {
                (AddressKind::Vendor, None) => err(
                    format!("return_addresses[{i}].vendor"),
                    ErrorCode::Required,
                    "a vendor address names its vendor",
                ),
                (AddressKind::Vendor, Some(v)) => {
                    if !vendors.insert(v.as_str()) {
                        err(
                            format!("return_addresses[{i}].vendor"),
                            ErrorCode::Duplicate,
                            "one address per vendor",
                        );
                    }
                    if a.is_default {
                        err(
                            format!("return_addresses[{i}].is_default"),
                            ErrorCode::NotAllowed,
                            "the default address is a warehouse",
                        );
                    }
                }
                (AddressKind::Warehouse, Some(_)) => err(
                    format!("return_addresses[{i}].vendor"),
                    ErrorCode::NotAllowed,
                    "only vendor addresses name a vendor",
                ),
                (AddressKind::Warehouse, None) => {}
            }
        }
        let defaults = self
            .return_addresses
            .iter()
            .filter(|a| a.is_default)
            .count();
        if !self.return_addresses.is_empty() && defaults != 1 {
            err(
                "return_addresses".into(),
                ErrorCode::DefaultRequired,
                "exactly one warehouse address must have is_default: true",
            );
        }
        if let Some(url) = &self.policy_url
            && !crate::domain::urls::is_web_url(url, false)
        {
            err(
                "policy_url".into(),
                ErrorCode::InvalidUrl,
                "must be an http(s) URL",
            );
        }
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

fn check_labels(
    labels: &BTreeMap<String, String>,
    locales: &BTreeSet<&str>,
    path: &str,
    err: &mut impl FnMut(String, ErrorCode, &str),
) {
    for locale in locales {
        match labels.get(*locale) {
            None => err(
                format!("{path}.{locale}"),
                ErrorCode::Required,
                "a label is needed for every locale",
            ),
            Some(l) if l.trim().is_empty() || l.len() > 200 => err(
                format!("{path}.{locale}"),
                ErrorCode::InvalidLength,
                "must have 1–200 characters",
            ),
            _ => {}
        }
    }
    for locale in labels.keys() {
        if !locales.contains(locale.as_str()) {
            err(
                format!("{path}.{locale}"),
                ErrorCode::UnknownLocale,
                "not one of `locales`",
            );
        }
    }
}

/// `snake_case` identifier of at most `max` bytes.
pub fn is_code(s: &str, max: usize) -> bool {
    !s.is_empty()
        && s.len() <= max
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Carrier codes and address ids: lowercase letters, digits, `-`, `_`.
pub fn is_carrier(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 40
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// A language tag: `en`, `nl`, `de-AT`, `zh-Hant`, `es-419`.
pub fn is_locale(s: &str) -> bool {
    let mut parts = s.split('-');
    let language = parts.next().unwrap_or_default();
    let lang_ok =
        (2..=3).contains(&language.len()) && language.bytes().all(|b| b.is_ascii_lowercase());
    lang_ok
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
        && s.len() <= 35
}

/// An ISO 3166-1 alpha-2 code in upper case.
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

/// The pattern [`is_locale`] accepts (without its 35-byte limit).
pub const LOCALE_PATTERN: &str = "^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$";

/// The pattern [`is_code`] accepts (without its length limit).
pub const CODE_PATTERN: &str = "^[a-z][a-z0-9_]*$";

/// The spec's name for a locale tag such as `en`, `nl` or `de-AT`: the
/// schema of every locale field and locale-keyed map.
pub struct Locale;

impl utoipa::PartialSchema for Locale {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some("Language tag: a language, then optional subtags."))
            .pattern(Some(LOCALE_PATTERN))
            .max_length(Some(35))
            .examples(["en"])
            .into()
    }
}

impl utoipa::ToSchema for Locale {}

/// The spec's name for an ISO 3166-1 alpha-2 country code: the schema of
/// every country field, listing exactly the codes [`is_country`] accepts.
pub struct CountryCode;

impl utoipa::PartialSchema for CountryCode {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        let mut codes: Vec<&'static str> = celes::Country::get_countries()
            .iter()
            .map(|c| c.alpha2)
            .filter(|c| is_country(c))
            .collect();
        codes.sort_unstable();
        codes.dedup();
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some("ISO 3166-1 alpha-2 country code, upper case."))
            .enum_values(Some(codes))
            .examples(["NL"])
            .into()
    }
}

impl utoipa::ToSchema for CountryCode {}

/// Whether `s` is an ISO 3166-1 alpha-2 country code (upper case).
pub fn is_country(s: &str) -> bool {
    s.len() == 2
        && s.bytes().all(|b| b.is_ascii_uppercase())
        && celes::Country::from_alpha2(s).is_ok()
}

#[cfg(test)]
#[allow(clippy::field_reassign_with_default)]
mod tests {
    use super::*;

    fn fields(s: &ReturnsSettings) -> Vec<String> {
        s.check().into_iter().map(|e| e.field).collect()
    }

    fn matches(pattern: &str, value: &str) -> bool {
        regex::Regex::new(pattern).unwrap().is_match(value)
    }

    #[test]
    fn the_locale_pattern_states_what_is_locale_accepts() {
        for tag in [
            "en",
            "nl",
            "de-AT",
            "zh-Hant-TW",
            "gsw",
            "",
            "EN",
            "en-",
            "e",
            "en_GB",
            "en.x",
            "abcd",
            "en-a",
            "en-abcdefghi",
            " en",
        ] {
            assert_eq!(matches(LOCALE_PATTERN, tag), is_locale(tag), "{tag:?}");
        }
    }

    #[test]
    fn the_code_pattern_states_what_is_code_accepts() {
        for code in [
            "too_small",
            "a",
            "a1_b",
            "",
            "_a",
            "1a",
            "A",
            "too-small",
            "a.b",
            "é",
        ] {
            assert_eq!(matches(CODE_PATTERN, code), is_code(code, 64), "{code:?}");
        }
    }

    #[test]
    fn the_defaults_are_valid() {
        assert_eq!(ReturnsSettings::default().check(), vec![]);
    }

    #[test]
    fn duplicate_reason_codes_are_reported_at_the_second() {
        let mut s = ReturnsSettings::default();
        s.reasons[1].code = "too_small".into();
        assert_eq!(fields(&s), vec!["reasons[1].code"]);
    }

    #[test]
    fn every_locale_needs_every_string_and_label() {
        let mut s = ReturnsSettings::default();
        s.locales.push("nl".into());
        let mut nl = s.strings["en"].clone();
        nl.remove("lookup_submit");
        s.strings.insert("nl".into(), nl);
        let f = fields(&s);
        assert!(f.contains(&"strings.nl.lookup_submit".to_string()), "{f:?}");
        assert!(f.contains(&"reasons[0].labels.nl".to_string()), "{f:?}");
        assert!(
            f.contains(&"condition_codes[0].labels.nl".to_string()),
            "{f:?}"
        );
    }

    #[test]
    fn the_window_is_one_to_365_days() {
        let mut s = ReturnsSettings::default();
        s.return_window_days = 0;
        assert_eq!(s.check()[0].code, ErrorCode::OutOfRange);
        s.return_window_days = 366;
        assert_eq!(fields(&s), vec!["return_window_days"]);
        s.return_window_days = 365;
        assert!(s.check().is_empty());
    }

    #[test]
    fn at_least_one_lookup_method_and_no_repeats() {
        let mut s = ReturnsSettings::default();
        s.lookup_methods.clear();
        assert_eq!(fields(&s), vec!["lookup_methods"]);
        s.lookup_methods = vec![LookupMethod::Email, LookupMethod::Email];
        assert_eq!(fields(&s), vec!["lookup_methods[1]"]);
    }

    #[test]
    fn addresses_need_exactly_one_default_warehouse() {
        let mut s = ReturnsSettings::default();
        let wh = ReturnAddress {
            id: "wh".into(),
            kind: AddressKind::Warehouse,
            vendor: None,
            is_default: false,
            name: "Returns".into(),
            company: None,
            line1: "Street 1".into(),
            line2: None,
            postal_code: "1000 AA".into(),
            city: "Amsterdam".into(),
            country: "NL".into(),
            phone: None,
            email: None,
        };
        s.return_addresses.push(wh.clone());
        assert_eq!(fields(&s), vec!["return_addresses"]);
        s.return_addresses[0].is_default = true;
        assert!(s.check().is_empty());
        let mut vendor = wh;
        vendor.id = "v1".into();
        vendor.kind = AddressKind::Vendor;
        vendor.country = "XX".into();
        s.return_addresses.push(vendor);
        assert_eq!(
            fields(&s),
            vec!["return_addresses[1].country", "return_addresses[1].vendor"]
        );
    }

    #[test]
    fn enabled_methods_need_carriers_and_in_store_has_none() {
        let mut s = ReturnsSettings::default();
        s.return_methods[0].carriers.clear();
        s.return_methods.push(ReturnMethodSetting {
            method: ReturnMethodType::InStore,
            enabled: true,
            carriers: vec!["dhl".into()],
            max_pickup_days: Some(3),
        });
        assert_eq!(
            fields(&s),
            vec![
                "return_methods[0].carriers",
                "return_methods[2].carriers",
                "return_methods[2].max_pickup_days"
            ]
        );
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
