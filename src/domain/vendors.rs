//! Vendor rules: what a merchant may register as a vendor of a brand and
//! change later. The spec states the same limits and patterns as these
//! checks, so a request the schema allows is one the server accepts (apart
//! from the e-mail address, which is checked as an address, not a pattern).

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};
use utoipa::ToSchema;

use crate::domain::codes::{LOCALE_PATTERN, is_locale};
use crate::domain::contact::normalize_email;
use crate::domain::settings::{AddressKind, ReturnsSettings};
use crate::error::{ApiError, ErrorCode, FieldError};

/// What a vendor id looks like (chosen by the merchant).
pub const ID_PATTERN: &str = "^[a-z0-9][a-z0-9_-]{0,62}$";
/// Longest name and order-line vendor name (characters).
pub const MAX_NAME: usize = 100;
/// Longest instruction text of one locale (characters).
pub const MAX_INSTRUCTION: usize = 2000;
/// Most locales with instructions.
pub const MAX_LOCALES: usize = 20;
/// Hours a vendor has to answer unless the merchant says otherwise.
pub const DEFAULT_RESPONSE_HOURS: i32 = 72;
/// Longest time a vendor may be given to answer (30 days).
pub const MAX_RESPONSE_HOURS: i32 = 720;

/// Text with at least one character other than white space (the server
/// trims with Unicode's White_Space, which has U+0085; ECMA-262 `\s` does not).
const NOT_BLANK: &str = "[^\\s\\u0085]";

/// Body of `POST /v1/brands/{brand}/vendors`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "id": "nordic-knits",
    "name": "Nordic Knits",
    "order_line_vendor": "Nordic Knits AB",
    "contact_email": "returns@nordicknits.example",
    "instructions": { "en": "Please fold the item and include the packing slip." },
    "auto_approve": false,
    "response_hours": 48
}))]
pub struct CreateVendor {
    /// The merchant's id for the vendor (cannot change): lowercase letters,
    /// digits, `-` and `_`, 1–63 characters.
    #[schema(example = "nordic-knits", pattern = "^[a-z0-9][a-z0-9_-]{0,62}$")]
    pub id: String,
    /// Display name (1–100 characters).
    #[schema(example = "Nordic Knits", max_length = 100, pattern = "[^\\s\\u0085]")]
    pub name: String,
    /// Exactly the name the brand's order lines carry in `vendor` (1–100
    /// characters, no control characters, compared as is). One vendor per
    /// name within a brand.
    #[schema(
        example = "Nordic Knits AB",
        max_length = 100,
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
    )]
    pub order_line_vendor: String,
    /// Where to reach the vendor (an e-mail address, stored lower-cased).
    #[serde(default)]
    #[schema(example = "returns@nordicknits.example", max_length = 254, format = Email)]
    pub contact_email: Option<String>,
    /// Return instructions for customers and the vendor, per locale.
    #[serde(default)]
    #[schema(value_type = Option<VendorInstructions>)]
    pub instructions: Option<BTreeMap<String, String>>,
    /// Whether the vendor's parts are approved without the vendor answering
    /// (default false).
    #[serde(default)]
    pub auto_approve: Option<bool>,
    /// Hours the vendor has to answer a new part before the merchant may
    /// decide for it (1–720, default 72).
    #[serde(default)]
    #[schema(minimum = 1, maximum = 720, example = 72)]
    pub response_hours: Option<i32>,
    /// What happens when the vendor has not answered a part by its
    /// deadline (default `none`).
    #[serde(default)]
    pub on_timeout: Option<OnTimeout>,
    /// Locale of the vendor's e-mail: the brand's templates for it are
    /// used, else those of its language, else the brand's default locale's
    /// (default: the brand's default locale).
    #[serde(default)]
    #[schema(
        example = "sv",
        pattern = "^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$",
        max_length = 35
    )]
    pub locale: Option<String>,
}

/// Body of `PATCH /v1/brands/{brand}/vendors/{vendor_id}`: only the fields
/// present change (the id never does).
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "response_hours": 24, "contact_email": null }))]
pub struct UpdateVendor {
    /// New display name.
    #[schema(max_length = 100, pattern = "[^\\s\\u0085]")]
    pub name: Option<String>,
    /// New order-line vendor name (no other vendor of the brand may have it).
    #[schema(
        max_length = 100,
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
    )]
    pub order_line_vendor: Option<String>,
    /// New contact address; `null` removes it.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, max_length = 254, format = Email)]
    pub contact_email: Option<Option<String>>,
    /// New instructions (replace all of them; `{}` removes them).
    #[schema(value_type = Option<VendorInstructions>)]
    pub instructions: Option<BTreeMap<String, String>>,
    /// Approve the vendor's parts without its answer.
    pub auto_approve: Option<bool>,
    /// New response time in hours (1–720).
    #[schema(minimum = 1, maximum = 720)]
    pub response_hours: Option<i32>,
    /// `true` reactivates a retired vendor (its old keys stay revoked; new
    /// ones can be created); `false` retires it, like `DELETE`.
    pub active: Option<bool>,
    /// What happens at a part's deadline from now on (parts already
    /// waiting included).
    pub on_timeout: Option<OnTimeout>,
    /// New locale of the vendor's e-mail; `null` returns to the brand's
    /// default locale.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, pattern = "^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$", max_length = 35)]
    pub locale: Option<Option<String>>,
}

/// What happens to a vendor's part that still waits for its answer when
/// `vendor_due_at` passes. Each of the last three records
/// `return_part.overdue` (actor `system`) at the deadline.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    ToSchema,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum OnTimeout {
    /// Nothing: the part waits; the merchant may decide for the vendor.
    #[default]
    None,
    /// The part is approved for the vendor (its label follows).
    Approve,
    /// The part is rejected for the vendor with reason `vendor_no_response`.
    Reject,
    /// The part waits, and the merchant's staff are mailed
    /// (`staff_notifications`, kind `vendor_overdue`).
    Escalate,
}

impl OnTimeout {
    /// The stored and wire form, e.g. `approve`.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Parses the stored form.
    pub fn parse(s: &str) -> Option<OnTimeout> {
        s.parse().ok()
    }
}

/// The reason code of a part rejected because its vendor did not answer.
pub const NO_RESPONSE: &str = "vendor_no_response";

/// What a part's deadline job does when it runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AtDeadline {
    /// Nothing to do: the part was answered, its deadline moved, or the
    /// vendor's rule is `none`.
    Nothing,
    /// Too early (another node's clock, an early run): run again then.
    WaitUntil(chrono::NaiveDateTime),
    /// Record `return_part.overdue` and carry out the rule.
    Act(OnTimeout),
}

/// What to do for a part at the deadline `scheduled` (the one its job was
/// made for), given whether it still waits for its vendor, the deadline it
/// has now, the vendor's rule and the time.
pub fn at_deadline(
    waiting: bool,
    scheduled: chrono::NaiveDateTime,
    due: Option<chrono::NaiveDateTime>,
    rule: OnTimeout,
    now: chrono::NaiveDateTime,
) -> AtDeadline {
    if !waiting || due != Some(scheduled) || rule == OnTimeout::None {
        AtDeadline::Nothing
    } else if now < scheduled {
        AtDeadline::WaitUntil(scheduled)
    } else {
        AtDeadline::Act(rule)
    }
}

/// When a vendor is reminded of a part that waits for it: `hours` before
/// its deadline, unless that is not after the part started waiting (a
/// reminder then says nothing new).
pub fn reminder_at(
    since: chrono::NaiveDateTime,
    due: chrono::NaiveDateTime,
    hours: u32,
) -> Option<chrono::NaiveDateTime> {
    let at = due - chrono::TimeDelta::hours(i64::from(hours));
    (hours > 0 && at > since).then_some(at)
}

/// Distinguishes an absent field (`None`) from an explicit `null` (`Some(None)`).
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

/// The spec's name for a vendor's instructions: text (1–2000 characters)
/// per locale tag, at most 20 locales (schema only).
pub struct VendorInstructions;

impl utoipa::PartialSchema for VendorInstructions {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        ObjectBuilder::new()
            .schema_type(Type::Object)
            .description(Some(
                "Return instructions per locale tag (`en`, `nl-BE`, …): 1–2000 characters each, at most 20 locales.",
            ))
            .property_names(Some(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .pattern(Some(LOCALE_PATTERN))
                    .max_length(Some(35)),
            ))
            .additional_properties(Some(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .max_length(Some(MAX_INSTRUCTION))
                    .pattern(Some(NOT_BLANK)),
            ))
            .max_properties(Some(MAX_LOCALES))
            .examples([serde_json::json!({ "en": "Fold the item and include the packing slip." })])
            .into()
    }
}

impl utoipa::ToSchema for VendorInstructions {}

/// A checked new vendor.
#[derive(Debug, Clone, PartialEq)]
pub struct NewVendor {
    /// Id.
    pub id: String,
    /// Name, trimmed.
    pub name: String,
    /// Order-line vendor name, as given.
    pub order_line_vendor: String,
    /// E-mail, lower-cased.
    pub contact_email: Option<String>,
    /// Instructions per locale.
    pub instructions: BTreeMap<String, String>,
    /// Auto-approve.
    pub auto_approve: bool,
    /// Response time in hours.
    pub response_hours: i32,
    /// Rule at a part's deadline.
    pub on_timeout: OnTimeout,
    /// Locale of its e-mail.
    pub locale: Option<String>,
}

/// Checked changes of a vendor (`None`: unchanged).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct VendorChanges {
    /// New name, trimmed.
    pub name: Option<String>,
    /// New order-line vendor name.
    pub order_line_vendor: Option<String>,
    /// New e-mail (`Some(None)` removes it).
    pub contact_email: Option<Option<String>>,
    /// New instructions.
    pub instructions: Option<BTreeMap<String, String>>,
    /// New auto-approve.
    pub auto_approve: Option<bool>,
    /// New response time.
    pub response_hours: Option<i32>,
    /// Reactivate (`true`) or retire (`false`).
    pub active: Option<bool>,
    /// New rule at a part's deadline.
    pub on_timeout: Option<OnTimeout>,
    /// New locale (`Some(None)` removes it).
    pub locale: Option<Option<String>>,
}

pub use crate::domain::codes::is_vendor_id;

fn check_id(id: &str, errors: &mut Vec<FieldError>) {
    if !is_vendor_id(id) {
        errors.push(FieldError::new(
            "id",
            ErrorCode::InvalidFormat,
            "must be 1–63 lowercase letters, digits, - or _, starting with a letter or digit",
        ));
    }
}

/// A vendor's name follows a brand's name rule.
use crate::domain::brand::check_name;

/// The same rule as an order line's `vendor`, so every name a line can
/// carry can be registered.
fn check_line_vendor(value: &str, errors: &mut Vec<FieldError>) {
    if value.trim().is_empty()
        || value.chars().count() > MAX_NAME
        || value.chars().any(char::is_control)
    {
        errors.push(FieldError::new(
            "order_line_vendor",
            ErrorCode::InvalidLength,
            "must have 1–100 printable characters",
        ));
    }
}

fn check_email(raw: &str, errors: &mut Vec<FieldError>) -> Option<String> {
    let email = normalize_email(raw);
    if email.is_none() {
        errors.push(FieldError::new(
            "contact_email",
            ErrorCode::InvalidEmail,
            "must be an email address",
        ));
    }
    email
}

fn check_instructions(map: &BTreeMap<String, String>, errors: &mut Vec<FieldError>) {
    if map.len() > MAX_LOCALES {
        errors.push(FieldError::new(
            "instructions",
            ErrorCode::InvalidLength,
            "at most 20 locales",
        ));
    }
    for (locale, text) in map {
        if !is_locale(locale) {
            errors.push(FieldError::new(
                format!("instructions.{locale}"),
                ErrorCode::InvalidLocale,
                "must be a language tag such as en, nl or de-AT",
            ));
        }
        if text.trim().is_empty() || text.chars().count() > MAX_INSTRUCTION {
            errors.push(FieldError::new(
                format!("instructions.{locale}"),
                ErrorCode::InvalidLength,
                "must have 1–2000 characters",
            ));
        }
    }
}

fn check_locale(locale: &str, errors: &mut Vec<FieldError>) {
    if !is_locale(locale) {
        errors.push(FieldError::new(
            "locale",
            ErrorCode::InvalidLocale,
            "a locale tag such as en or nl-BE",
        ));
    }
}

fn check_hours(hours: i32, errors: &mut Vec<FieldError>) {
    if !(1..=MAX_RESPONSE_HOURS).contains(&hours) {
        errors.push(FieldError::new(
            "response_hours",
            ErrorCode::OutOfRange,
            "must be between 1 and 720",
        ));
    }
}

impl CreateVendor {
    /// Checks every field; 422 naming each invalid one.
    pub fn check(self) -> Result<NewVendor, ApiError> {
        let mut errors = Vec::new();
        check_id(&self.id, &mut errors);
        let name = check_name(&self.name, &mut errors);
        check_line_vendor(&self.order_line_vendor, &mut errors);
        let contact_email = self
            .contact_email
            .as_deref()
            .and_then(|e| check_email(e, &mut errors));
        let instructions = self.instructions.unwrap_or_default();
        check_instructions(&instructions, &mut errors);
        let response_hours = self.response_hours.unwrap_or(DEFAULT_RESPONSE_HOURS);
        check_hours(response_hours, &mut errors);
        if let Some(locale) = &self.locale {
            check_locale(locale, &mut errors);
        }
        ApiError::check(errors)?;
        Ok(NewVendor {
            id: self.id,
            name,
            order_line_vendor: self.order_line_vendor,
            contact_email,
            instructions,
            auto_approve: self.auto_approve.unwrap_or(false),
            response_hours,
            on_timeout: self.on_timeout.unwrap_or_default(),
            locale: self.locale,
        })
    }
}

impl UpdateVendor {
    /// Checks the fields present; 422 naming each invalid one.
    pub fn check(self) -> Result<VendorChanges, ApiError> {
        let mut errors = Vec::new();
        let name = self.name.as_deref().map(|n| check_name(n, &mut errors));
        if let Some(v) = &self.order_line_vendor {
            check_line_vendor(v, &mut errors);
        }
        let contact_email = match &self.contact_email {
            Some(Some(e)) => check_email(e, &mut errors).map(Some),
            Some(None) => Some(None),
            None => None,
        };
        if let Some(map) = &self.instructions {
            check_instructions(map, &mut errors);
        }
        if let Some(hours) = self.response_hours {
            check_hours(hours, &mut errors);
        }
        if let Some(Some(locale)) = &self.locale {
            check_locale(locale, &mut errors);
        }
        ApiError::check(errors)?;
        Ok(VendorChanges {
            name,
            order_line_vendor: self.order_line_vendor,
            contact_email,
            instructions: self.instructions,
            auto_approve: self.auto_approve,
            response_hours: self.response_hours,
            active: self.active,
            on_timeout: self.on_timeout,
            locale: self.locale,
        })
    }
}

/// The settings a new return of the brand is routed by once some vendors
/// were retired: the return addresses of the retired vendors' order-line
/// names (`retired`) are left out, so their lines travel to the default
/// warehouse and are handled in-house, like lines without a vendor. A
/// default address is kept even when it names a retired vendor: without it
/// nothing could be returned at all.
pub fn route_in_house(settings: &ReturnsSettings, retired: &[String]) -> ReturnsSettings {
    let mut settings = settings.clone();
    settings.return_addresses.retain(|a| {
        a.is_default
            || a.kind != AddressKind::Vendor
            || !a.vendor.as_ref().is_some_and(|v| retired.contains(v))
    });
    settings
}

/// Body of `POST /v1/brands/{brand}/vendors/{vendor_id}/keys`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "name": "vendor portal" }))]
pub struct CreateVendorKey {
    /// A label to recognise the key by (1–100 characters, default `api`).
    #[serde(default)]
    #[schema(max_length = 100, pattern = "[^\\s\\u0085]")]
    pub name: Option<String>,
}

impl CreateVendorKey {
    /// The key's label, trimmed (`api` when absent); 422 when blank or long.
    pub fn check(self) -> Result<String, ApiError> {
        match self.name {
            None => Ok("api".to_string()),
            Some(n) if n.trim().is_empty() || n.chars().count() > MAX_NAME => Err(ApiError::field(
                "name",
                ErrorCode::InvalidLength,
                "must have 1–100 characters",
            )),
            Some(n) => Ok(n.trim().to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address(
        id: &str,
        vendor: Option<&str>,
        default: bool,
    ) -> crate::domain::settings::ReturnAddress {
        serde_json::from_value(serde_json::json!({
            "id": id, "kind": if vendor.is_some() { "vendor" } else { "warehouse" },
            "vendor": vendor, "is_default": default, "name": "Returns",
            "line1": "Dock 1", "postal_code": "1101 BE", "city": "Amsterdam", "country": "NL"
        }))
        .expect("json")
    }

    fn ids(settings: &ReturnsSettings) -> Vec<&str> {
        settings
            .return_addresses
            .iter()
            .map(|a| a.id.as_str())
            .collect()
    }

    #[test]
    fn a_retired_vendors_address_is_left_out_of_routing() {
        let settings = ReturnsSettings {
            return_addresses: vec![
                address("main", None, true),
                address("knits", Some("Nordic Knits AB"), false),
                address("boots", Some("Boots Co"), false),
            ],
            ..ReturnsSettings::default()
        };
        let routed = route_in_house(&settings, &["Nordic Knits AB".to_string()]);
        assert_eq!(ids(&routed), ["main", "boots"]);
    }

    #[test]
    fn routing_without_retired_vendors_keeps_every_address() {
        let settings = ReturnsSettings {
            return_addresses: vec![
                address("main", None, true),
                address("knits", Some("K"), false),
            ],
            ..ReturnsSettings::default()
        };
        assert_eq!(ids(&route_in_house(&settings, &[])), ["main", "knits"]);
    }

    #[test]
    fn a_default_address_naming_a_retired_vendor_is_kept() {
        let settings = ReturnsSettings {
            return_addresses: vec![address("knits", Some("K"), true)],
            ..ReturnsSettings::default()
        };
        assert_eq!(
            ids(&route_in_house(&settings, &["K".to_string()])),
            ["knits"]
        );
    }

    fn create(id: &str) -> CreateVendor {
        serde_json::from_value(serde_json::json!({
            "id": id, "name": "  Nordic Knits ", "order_line_vendor": "Nordic Knits AB"
        }))
        .expect("json")
    }

    fn fields(e: &ApiError) -> Vec<&str> {
        e.errors().iter().map(|f| f.field.as_str()).collect()
    }

    #[test]
    fn a_new_vendor_gets_a_trimmed_name_and_the_defaults() {
        let v = create("nordic-knits").check().expect("valid");
        assert_eq!(v.name, "Nordic Knits");
        assert_eq!(v.order_line_vendor, "Nordic Knits AB");
        assert_eq!(v.response_hours, 72);
        assert!(!v.auto_approve);
        assert!(v.instructions.is_empty());
        assert_eq!(v.contact_email, None);
    }

    #[test]
    fn vendor_ids_are_lowercase_words_up_to_63_characters() {
        for ok in ["a", "0", "nordic-knits", "v_1", &"a".repeat(63)] {
            assert!(is_vendor_id(ok), "{ok}");
        }
        for bad in ["", "-a", "_a", "A", "a b", "ä", &"a".repeat(64)] {
            assert!(!is_vendor_id(bad), "{bad}");
        }
    }

    #[test]
    fn the_id_pattern_states_what_is_vendor_id_accepts() {
        let re = regex::Regex::new(ID_PATTERN).expect("regex");
        for id in [
            "a",
            "nordic-knits",
            "-a",
            "A",
            "a_",
            "a.b",
            "",
            &"a".repeat(64),
        ] {
            assert_eq!(re.is_match(id), is_vendor_id(id), "{id:?}");
        }
    }

    #[test]
    fn a_new_vendor_reports_every_invalid_field() {
        let input: CreateVendor = serde_json::from_value(serde_json::json!({
            "id": "Bad Id",
            "name": " ",
            "order_line_vendor": "tab\there",
            "contact_email": "nope",
            "instructions": { "EN": "x", "nl": " " },
            "response_hours": 0
        }))
        .expect("json");
        let e = input.check().expect_err("invalid");
        assert_eq!(
            fields(&e),
            vec![
                "id",
                "name",
                "order_line_vendor",
                "contact_email",
                "instructions.EN",
                "instructions.nl",
                "response_hours"
            ]
        );
    }

    #[test]
    fn instructions_have_at_most_20_locales_of_at_most_2000_characters() {
        let mut input = create("v");
        let many: BTreeMap<String, String> = (0..21)
            .map(|i| {
                (
                    format!("l{}{}", (b'a' + i / 26) as char, (b'a' + i % 26) as char),
                    "x".into(),
                )
            })
            .collect();
        input.instructions = Some(many);
        assert_eq!(
            fields(&input.check().expect_err("21")),
            vec!["instructions"]
        );
        let mut input = create("v");
        input.instructions = Some(BTreeMap::from([("nl-BE".into(), "é".repeat(2000))]));
        assert!(input.check().is_ok());
        let mut input = create("v");
        input.instructions = Some(BTreeMap::from([("nl-BE".into(), "é".repeat(2001))]));
        assert_eq!(
            fields(&input.check().expect_err("long")),
            vec!["instructions.nl-BE"]
        );
    }

    #[test]
    fn response_hours_run_from_one_hour_to_thirty_days() {
        for (hours, ok) in [
            (1, true),
            (720, true),
            (0, false),
            (721, false),
            (-5, false),
        ] {
            let mut input = create("v");
            input.response_hours = Some(hours);
            assert_eq!(input.check().is_ok(), ok, "{hours}");
        }
    }

    #[test]
    fn an_update_changes_only_what_it_names_and_null_removes_the_email() {
        let u: UpdateVendor =
            serde_json::from_value(serde_json::json!({ "contact_email": null })).expect("json");
        assert_eq!(
            u.check().expect("valid"),
            VendorChanges {
                contact_email: Some(None),
                ..VendorChanges::default()
            }
        );
        let u: UpdateVendor = serde_json::from_value(serde_json::json!({})).expect("json");
        assert_eq!(u.check().expect("valid"), VendorChanges::default());
        let u: UpdateVendor =
            serde_json::from_value(serde_json::json!({ "contact_email": "Ana@Example.com" }))
                .expect("json");
        assert_eq!(
            u.check().expect("valid").contact_email,
            Some(Some("ana@example.com".into()))
        );
    }

    #[test]
    fn an_update_cannot_name_the_id_or_unknown_fields() {
        assert!(serde_json::from_value::<UpdateVendor>(serde_json::json!({ "id": "x" })).is_err());
    }

    #[test]
    fn a_key_is_called_api_unless_named() {
        assert_eq!(CreateVendorKey::default().check().expect("ok"), "api");
        let named = CreateVendorKey {
            name: Some(" portal ".into()),
        };
        assert_eq!(named.check().expect("ok"), "portal");
        let blank = CreateVendorKey {
            name: Some(" ".into()),
        };
        assert!(blank.check().is_err());
    }

    fn time(h: i64) -> chrono::NaiveDateTime {
        chrono::DateTime::from_timestamp(1_800_000_000 + h * 3600, 0)
            .expect("time")
            .naive_utc()
    }

    #[test]
    fn a_part_still_waiting_after_its_deadline_gets_the_vendors_rule() {
        for rule in [OnTimeout::Approve, OnTimeout::Reject, OnTimeout::Escalate] {
            let d = at_deadline(true, time(10), Some(time(10)), rule, time(10));
            assert_eq!(d, AtDeadline::Act(rule));
        }
    }

    #[test]
    fn a_part_answered_before_its_deadline_is_left_alone() {
        let d = at_deadline(false, time(10), Some(time(10)), OnTimeout::Reject, time(11));
        assert_eq!(d, AtDeadline::Nothing);
    }

    #[test]
    fn a_vendor_whose_rule_is_none_keeps_the_part_waiting() {
        let d = at_deadline(true, time(10), Some(time(10)), OnTimeout::None, time(11));
        assert_eq!(d, AtDeadline::Nothing);
    }

    #[test]
    fn a_deadline_job_run_early_waits_until_the_deadline() {
        let d = at_deadline(true, time(10), Some(time(10)), OnTimeout::Approve, time(9));
        assert_eq!(d, AtDeadline::WaitUntil(time(10)));
    }

    #[test]
    fn a_deadline_that_moved_leaves_the_old_job_nothing_to_do() {
        let d = at_deadline(true, time(10), Some(time(20)), OnTimeout::Approve, time(11));
        assert_eq!(d, AtDeadline::Nothing);
        let none = at_deadline(true, time(10), None, OnTimeout::Approve, time(11));
        assert_eq!(none, AtDeadline::Nothing);
    }

    #[test]
    fn a_reminder_comes_the_configured_hours_before_the_deadline() {
        assert_eq!(reminder_at(time(0), time(72), 24), Some(time(48)));
    }

    #[test]
    fn no_reminder_is_sent_when_it_would_come_before_the_part_waited() {
        assert_eq!(reminder_at(time(0), time(12), 24), None);
        assert_eq!(reminder_at(time(0), time(72), 0), None);
    }

    #[test]
    fn on_timeout_and_locale_are_checked_and_default_to_none_and_the_brand() {
        let v = create("nordic-knits").check().expect("valid");
        assert_eq!((v.on_timeout, v.locale), (OnTimeout::None, None));
        let mut c = create("nordic-knits");
        c.locale = Some("Swedish".into());
        let e = c.check().expect_err("bad locale");
        assert_eq!(fields(&e), vec!["locale"]);
        let u: UpdateVendor =
            serde_json::from_value(serde_json::json!({ "on_timeout": "escalate", "locale": null }))
                .expect("json");
        let changes = u.check().expect("valid");
        assert_eq!(changes.on_timeout, Some(OnTimeout::Escalate));
        assert_eq!(changes.locale, Some(None));
    }
}
