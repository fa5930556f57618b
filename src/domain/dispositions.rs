//! What happens to a returned unit once it is in the warehouse: back to
//! stock (with a grade), refurbished, quarantined, disposed of or sent back
//! to its vendor. The brand's `disposition_rules` are read in order; the
//! first whose every condition holds decides, else the brand's
//! `default_disposition`.
//!
//! A condition left out holds for every unit. A list holds when the unit's
//! value is one of it (a unit without a condition code, or a product
//! without tags, matches no list). Days since delivery and unit value are
//! bounds, both ends included; a unit whose line was never delivered
//! matches no day bound.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::domain::codes::is_code;
use crate::error::{ErrorCode, FieldError};

/// Most rules a brand may have.
pub const MAX_RULES: usize = 100;

/// Where a returned unit goes.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    ToSchema,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Disposition {
    /// Back to sellable stock (the catalogue's stock goes up).
    Restock,
    /// To be repaired or cleaned before it is sold again.
    Refurbish,
    /// Held aside until someone looks at it.
    Quarantine,
    /// Written off.
    Dispose,
    /// Sent back to the vendor that sold it.
    ReturnToVendor,
}

impl Disposition {
    /// The stored and serialized name.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The disposition of a stored name.
    pub fn parse(s: &str) -> Option<Disposition> {
        s.parse().ok()
    }
}

/// A disposition with its grade (e.g. `a`, `like_new`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// Where the unit goes.
    pub disposition: Disposition,
    /// Grade (e.g. `a` for restock, `b` for refurbish).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "a", pattern = "^[a-z][a-z0-9_]*$", max_length = 50)]
    pub grade: Option<String>,
}

impl Outcome {
    /// An outcome without a grade.
    pub fn of(disposition: Disposition) -> Outcome {
        Outcome {
            disposition,
            grade: None,
        }
    }
}

impl Default for Outcome {
    fn default() -> Outcome {
        Outcome::of(Disposition::Restock)
    }
}

/// The conditions of a rule; every one given must hold.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct When {
    /// Condition found at receipt, one of these (the brand's condition codes).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[validate(length(max = 50))]
    #[schema(max_items = 50)]
    pub condition_codes: Vec<String>,
    /// Whether the unit was received damaged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub damaged: Option<bool>,
    /// The item's return reason, one of these (the brand's reasons).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[validate(length(max = 50))]
    #[schema(max_items = 50)]
    pub reason_codes: Vec<String>,
    /// The product (catalogue) carries one of these tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[validate(length(max = 50))]
    #[schema(max_items = 50)]
    pub product_tags: Vec<String>,
    /// The unit belongs to a vendor's part: `true` any vendor's, `false`
    /// the merchant's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_part: Option<bool>,
    /// The unit belongs to the part of one of these vendors (ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[validate(length(max = 50))]
    #[schema(max_items = 50)]
    pub vendors: Vec<String>,
    /// At least this many whole days between delivery and receipt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(range(max = 3650))]
    #[schema(minimum = 0, maximum = 3650)]
    pub min_days_since_delivery: Option<u32>,
    /// At most this many whole days between delivery and receipt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(range(max = 3650))]
    #[schema(minimum = 0, maximum = 3650)]
    pub max_days_since_delivery: Option<u32>,
    /// Unit price at least this (minor units, the order's currency).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(range(min = 0))]
    #[schema(minimum = 0)]
    pub min_unit_value: Option<i64>,
    /// Unit price at most this (minor units, the order's currency).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(range(min = 0))]
    #[schema(minimum = 0)]
    pub max_unit_value: Option<i64>,
    /// `true`: only units that were not in the return; `false`: only
    /// units that were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unexpected: Option<bool>,
}

/// One rule: when its conditions hold, the unit gets its outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct DispositionRule {
    /// Stable code, recorded on each unit it decides.
    #[schema(
        example = "damaged_to_quarantine",
        pattern = "^[a-z][a-z0-9_]*$",
        max_length = 50
    )]
    pub id: String,
    /// Conditions; none: every unit.
    #[serde(default)]
    #[validate(nested)]
    pub when: When,
    /// The outcome.
    pub then: Outcome,
}

/// What the rules know of a received unit.
#[derive(Debug, Clone, Default)]
pub struct Unit<'a> {
    /// Condition found at receipt.
    pub condition_code: Option<&'a str>,
    /// Received damaged.
    pub damaged: bool,
    /// The item's reason (none for an unexpected unit).
    pub reason_code: Option<&'a str>,
    /// The product's tags in the catalogue.
    pub product_tags: &'a [String],
    /// Vendor of its part.
    pub vendor: Option<&'a str>,
    /// Whole days from delivery to receipt (none: never delivered).
    pub days_since_delivery: Option<i64>,
    /// Unit price, minor units.
    pub unit_value: i64,
    /// Not in the return.
    pub unexpected: bool,
}

fn one_of(list: &[String], value: Option<&str>) -> bool {
    list.is_empty() || value.is_some_and(|v| list.iter().any(|x| x == v))
}

impl When {
    /// Whether every condition given holds for the unit.
    pub fn holds(&self, unit: &Unit<'_>) -> bool {
        let within = |min: Option<i64>, max: Option<i64>, value: Option<i64>| {
            if min.is_none() && max.is_none() {
                return true;
            }
            value.is_some_and(|v| min.is_none_or(|m| v >= m) && max.is_none_or(|m| v <= m))
        };
        one_of(&self.condition_codes, unit.condition_code)
            && self.damaged.is_none_or(|d| d == unit.damaged)
            && one_of(&self.reason_codes, unit.reason_code)
            && (self.product_tags.is_empty()
                || unit
                    .product_tags
                    .iter()
                    .any(|t| self.product_tags.contains(t)))
            && self.vendor_part.is_none_or(|v| v == unit.vendor.is_some())
            && one_of(&self.vendors, unit.vendor)
            && within(
                self.min_days_since_delivery.map(i64::from),
                self.max_days_since_delivery.map(i64::from),
                unit.days_since_delivery,
            )
            && within(
                self.min_unit_value,
                self.max_unit_value,
                Some(unit.unit_value),
            )
            && self.unexpected.is_none_or(|u| u == unit.unexpected)
    }
}

/// The outcome of a unit and the rule that chose it (none: the default).
pub fn decide<'r>(
    rules: &'r [DispositionRule],
    default: &'r Outcome,
    unit: &Unit<'_>,
) -> (&'r Outcome, Option<&'r str>) {
    rules
        .iter()
        .find(|r| r.when.holds(unit))
        .map(|r| (&r.then, Some(r.id.as_str())))
        .unwrap_or((default, None))
}

/// The rules a new brand starts with: damaged units and units that were
/// not in the return are quarantined; everything else goes back to stock.
pub fn default_rules() -> Vec<DispositionRule> {
    vec![
        DispositionRule {
            id: "unexpected_to_quarantine".into(),
            when: When {
                unexpected: Some(true),
                ..When::default()
            },
            then: Outcome::of(Disposition::Quarantine),
        },
        DispositionRule {
            id: "damaged_to_quarantine".into(),
            when: When {
                damaged: Some(true),
                ..When::default()
            },
            then: Outcome::of(Disposition::Quarantine),
        },
    ]
}

/// A grade is a code (any disposition may carry one: `restock` as `a`,
/// `refurbish` as `b`, …).
pub fn check_outcome(outcome: &Outcome, field: &str) -> Option<FieldError> {
    match &outcome.grade {
        Some(g) if !is_code(g, 50) => Some(FieldError::new(
            format!("{field}.grade"),
            ErrorCode::InvalidCode,
            "a snake_case code such as a or like_new",
        )),
        _ => None,
    }
}

/// The rules' own errors (ids, bounds, grades), each with its path; the
/// codes they name are checked against the brand's by the settings.
pub fn check_rules(rules: &[DispositionRule], default: &Outcome) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if rules.len() > MAX_RULES {
        errors.push(FieldError::new(
            "disposition_rules",
            ErrorCode::InvalidLength,
            format!("at most {MAX_RULES} rules"),
        ));
    }
    let mut ids = HashSet::new();
    for (i, rule) in rules.iter().enumerate() {
        let at = |f: &str| format!("disposition_rules[{i}].{f}");
        if !is_code(&rule.id, 50) {
            errors.push(FieldError::new(
                at("id"),
                ErrorCode::InvalidCode,
                "a snake_case code such as damaged_to_quarantine",
            ));
        }
        if !ids.insert(rule.id.as_str()) {
            errors.push(FieldError::new(
                at("id"),
                ErrorCode::Duplicate,
                "appears more than once",
            ));
        }
        let w = &rule.when;
        if let (Some(min), Some(max)) = (w.min_days_since_delivery, w.max_days_since_delivery)
            && min > max
        {
            errors.push(FieldError::new(
                at("when.min_days_since_delivery"),
                ErrorCode::OutOfRange,
                "cannot exceed max_days_since_delivery",
            ));
        }
        if let (Some(min), Some(max)) = (w.min_unit_value, w.max_unit_value)
            && min > max
        {
            errors.push(FieldError::new(
                at("when.min_unit_value"),
                ErrorCode::OutOfRange,
                "cannot exceed max_unit_value",
            ));
        }
        errors.extend(check_outcome(&rule.then, &at("then")));
    }
    errors.extend(check_outcome(default, "default_disposition"));
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(id: &str, when: When, disposition: Disposition) -> DispositionRule {
        DispositionRule {
            id: id.into(),
            when,
            then: Outcome::of(disposition),
        }
    }

    fn unit() -> Unit<'static> {
        Unit {
            unit_value: 2500,
            reason_code: Some("too_small"),
            days_since_delivery: Some(10),
            ..Unit::default()
        }
    }

    #[test]
    fn the_first_rule_whose_conditions_all_hold_decides() {
        let rules = vec![
            rule(
                "cheap",
                When {
                    max_unit_value: Some(1000),
                    ..When::default()
                },
                Disposition::Dispose,
            ),
            rule(
                "sizes",
                When {
                    reason_codes: vec!["too_small".into()],
                    ..When::default()
                },
                Disposition::Restock,
            ),
            rule("all", When::default(), Disposition::Quarantine),
        ];
        let default = Outcome::of(Disposition::Refurbish);
        let (outcome, by) = decide(&rules, &default, &unit());
        assert_eq!(outcome.disposition, Disposition::Restock);
        assert_eq!(by, Some("sizes"));
    }

    #[test]
    fn a_unit_no_rule_matches_gets_the_brand_default() {
        let rules = vec![rule(
            "late",
            When {
                min_days_since_delivery: Some(30),
                ..When::default()
            },
            Disposition::Refurbish,
        )];
        let default = Outcome {
            disposition: Disposition::Restock,
            grade: Some("a".into()),
        };
        let (outcome, by) = decide(&rules, &default, &unit());
        assert_eq!(outcome, &default);
        assert_eq!(by, None);
    }

    #[test]
    fn the_default_rules_quarantine_damaged_and_unexpected_units_only() {
        let rules = default_rules();
        let default = Outcome::default();
        let damaged = Unit {
            damaged: true,
            ..unit()
        };
        let stray = Unit {
            unexpected: true,
            reason_code: None,
            ..unit()
        };
        assert_eq!(
            decide(&rules, &default, &damaged).0.disposition,
            Disposition::Quarantine
        );
        assert_eq!(
            decide(&rules, &default, &stray).1,
            Some("unexpected_to_quarantine")
        );
        assert_eq!(
            decide(&rules, &default, &unit()).0.disposition,
            Disposition::Restock
        );
    }

    #[test]
    fn a_day_bound_never_matches_a_unit_that_was_not_delivered() {
        let when = When {
            max_days_since_delivery: Some(365),
            ..When::default()
        };
        let undelivered = Unit {
            days_since_delivery: None,
            ..unit()
        };
        assert!(when.holds(&unit()));
        assert!(!when.holds(&undelivered));
    }

    #[test]
    fn lists_match_one_of_their_values_and_nothing_when_the_unit_has_none() {
        let tags = vec!["final_sale".to_string(), "hygiene".to_string()];
        let when = When {
            product_tags: vec!["hygiene".into()],
            condition_codes: vec!["opened".into()],
            ..When::default()
        };
        let opened = Unit {
            product_tags: &tags,
            condition_code: Some("opened"),
            ..unit()
        };
        let no_condition = Unit {
            product_tags: &tags,
            ..unit()
        };
        assert!(when.holds(&opened));
        assert!(!when.holds(&no_condition));
        assert!(!when.holds(&Unit {
            condition_code: Some("opened"),
            ..unit()
        }));
    }

    #[test]
    fn vendor_conditions_tell_a_vendors_part_from_the_merchants_own() {
        let any_vendor = When {
            vendor_part: Some(true),
            ..When::default()
        };
        let acme = When {
            vendors: vec!["acme".into()],
            ..When::default()
        };
        let of_acme = Unit {
            vendor: Some("acme"),
            ..unit()
        };
        let of_other = Unit {
            vendor: Some("other"),
            ..unit()
        };
        assert!(any_vendor.holds(&of_acme) && any_vendor.holds(&of_other));
        assert!(!any_vendor.holds(&unit()));
        assert!(acme.holds(&of_acme) && !acme.holds(&of_other) && !acme.holds(&unit()));
    }

    #[test]
    fn value_bounds_include_both_ends() {
        let when = When {
            min_unit_value: Some(2500),
            max_unit_value: Some(2500),
            ..When::default()
        };
        assert!(when.holds(&unit()));
        assert!(!when.holds(&Unit {
            unit_value: 2501,
            ..unit()
        }));
    }

    #[test]
    fn rules_with_a_repeated_id_inverted_bounds_or_a_grade_that_is_not_a_code_are_refused() {
        let mut bad = rule(
            "x",
            When {
                min_unit_value: Some(10),
                max_unit_value: Some(5),
                ..When::default()
            },
            Disposition::Dispose,
        );
        bad.then.grade = Some("Grade A".into());
        let rules = vec![bad.clone(), bad];
        let fields: Vec<String> = check_rules(&rules, &Outcome::default())
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert!(fields.contains(&"disposition_rules[1].id".to_string()));
        assert!(fields.contains(&"disposition_rules[0].when.min_unit_value".to_string()));
        assert!(fields.contains(&"disposition_rules[0].then.grade".to_string()));
        assert!(check_rules(&default_rules(), &Outcome::default()).is_empty());
    }
}
