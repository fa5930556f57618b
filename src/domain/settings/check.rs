//! The rules of a Returns Settings document as a whole: field constraints
//! and every rule that spans fields, each error with its JSON path.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use validator::Validate;

use super::{AddressKind, ResolutionType, ReturnMethodType, ReturnsSettings};
use crate::domain::codes::{is_carrier, is_code, is_country, is_locale};
use crate::domain::notifications::{MailSettings, check_business};
use crate::error::{ErrorCode, FieldError};

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
        self.check_dispositions(&mut err);
        errors.extend(crate::domain::dispositions::check_rules(
            &self.disposition_rules,
            &self.default_disposition,
        ));
        errors.extend(self.notifications.check(&locales));
        errors.extend(check_business(
            &self.staff_notifications,
            &self.vendor_notifications,
            &locales,
        ));
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
    /// The codes disposition rules name are the brand's: its condition
    /// codes and reasons; vendors are vendor ids.
    fn check_dispositions(&self, err: &mut impl FnMut(String, ErrorCode, &str)) {
        for (i, rule) in self.disposition_rules.iter().enumerate() {
            let w = &rule.when;
            for (j, c) in w.condition_codes.iter().enumerate() {
                if !self.condition_codes.iter().any(|k| &k.code == c) {
                    err(
                        format!("disposition_rules[{i}].when.condition_codes[{j}]"),
                        ErrorCode::UnknownCondition,
                        "not one of condition_codes",
                    );
                }
            }
            for (j, r) in w.reason_codes.iter().enumerate() {
                if !self.reasons.iter().any(|k| &k.code == r) {
                    err(
                        format!("disposition_rules[{i}].when.reason_codes[{j}]"),
                        ErrorCode::UnknownReason,
                        "not one of reasons",
                    );
                }
            }
            for (j, v) in w.vendors.iter().enumerate() {
                if !crate::domain::codes::is_vendor_id(v) {
                    err(
                        format!("disposition_rules[{i}].when.vendors[{j}]"),
                        ErrorCode::InvalidCode,
                        "a vendor id",
                    );
                }
            }
            for (j, t) in w.product_tags.iter().enumerate() {
                if t.is_empty() || t.chars().count() > 100 {
                    err(
                        format!("disposition_rules[{i}].when.product_tags[{j}]"),
                        ErrorCode::InvalidLength,
                        "1–100 characters",
                    );
                }
            }
        }
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

#[cfg(test)]
#[allow(clippy::field_reassign_with_default)]
mod tests {
    use super::super::*;

    fn fields(s: &ReturnsSettings) -> Vec<String> {
        s.check().into_iter().map(|e| e.field).collect()
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
}
