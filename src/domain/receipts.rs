//! Receipts by scan: what a warehouse scanner sends for one parcel, and how
//! its lines are matched to the return's items.
//!
//! A line names an item (`return_item_id`) or a SKU. A SKU's units fill
//! the return's items of that SKU in order, each up to its approved units
//! still expected. Units of a SKU the return does not hold are recorded as
//! `unexpected`; more units of an item (or of a SKU of the return) than are
//! still expected are refused with 409, naming the item.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::settings::ReturnsSettings;
use crate::error::{ApiError, ErrorCode, FieldError};

/// Most lines in one scan.
pub const MAX_LINES: usize = 100;
/// Most units in one line.
pub const MAX_UNITS_PER_LINE: u32 = 1000;

/// One scanned line: an item or a SKU, how many units, in what condition.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ScanLine {
    /// The return item (give this or `sku`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(
        max_length = 64,
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
    )]
    pub return_item_id: Option<String>,
    /// The SKU on the unit's barcode (give this or `return_item_id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(
        example = "TSHIRT-M",
        max_length = 100,
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
    )]
    pub sku: Option<String>,
    /// Units scanned.
    #[schema(minimum = 1, maximum = 1000)]
    pub quantity: u32,
    /// Of which damaged.
    #[serde(default)]
    #[schema(minimum = 0, maximum = 1000)]
    pub damaged_quantity: u32,
    /// Condition found (one of the brand's condition codes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "unopened", max_length = 50, pattern = "^[a-z][a-z0-9_]*$")]
    pub condition_code: Option<String>,
}

/// Body of a receipt: the scanned parcel and its units.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReceiptInput {
    /// The return's RMA number (`RET-…`) or a tracking number of one of
    /// its labels, as scanned.
    #[schema(
        example = "RET-7K3M9Q",
        min_length = 1,
        max_length = 100,
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
    )]
    pub reference: String,
    /// Where the units were received (a warehouse, dock or bin code).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(
        example = "AMS-1/dock-2",
        max_length = 100,
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
    )]
    pub location: Option<String>,
    /// Scanned lines.
    #[schema(min_items = 1, max_items = 100)]
    pub items: Vec<ScanLine>,
}

/// An item of the return as receipts see it.
#[derive(Debug, Clone)]
pub struct Expected<'a> {
    /// Item id.
    pub id: &'a str,
    /// Its SKU.
    pub sku: &'a str,
    /// Approved units not received yet.
    pub outstanding: u32,
}

/// Units of one line matched to one item (or to none: unexpected).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allocation {
    /// The line they came from.
    pub line: usize,
    /// Their item; none for units the return does not hold.
    pub item_id: Option<String>,
    /// Their SKU.
    pub sku: String,
    /// Units.
    pub quantity: u32,
    /// Of which damaged.
    pub damaged: u32,
    /// Condition found.
    pub condition_code: Option<String>,
}

fn bad_text(value: &str, max: usize) -> bool {
    value.trim().is_empty() || value.chars().count() > max || value.chars().any(char::is_control)
}

impl ReceiptInput {
    /// The body's own rules (422): a reference, a location within bounds,
    /// 1–100 lines each naming an item or a SKU (not both), 1–1000 units,
    /// damaged within received, a condition of the brand.
    pub fn check(&self, settings: &ReturnsSettings) -> Result<(), ApiError> {
        let mut errors = Vec::new();
        if bad_text(&self.reference, 100) {
            errors.push(FieldError::new(
                "reference",
                ErrorCode::InvalidLength,
                "1–100 visible characters",
            ));
        }
        if self.location.as_deref().is_some_and(|l| bad_text(l, 100)) {
            errors.push(FieldError::new(
                "location",
                ErrorCode::InvalidLength,
                "1–100 visible characters",
            ));
        }
        if self.items.is_empty() || self.items.len() > MAX_LINES {
            errors.push(FieldError::new(
                "items",
                ErrorCode::InvalidLength,
                format!("1–{MAX_LINES} lines"),
            ));
        }
        for (i, line) in self.items.iter().enumerate() {
            let at = |f: &str| format!("items[{i}].{f}");
            match (&line.return_item_id, &line.sku) {
                (Some(_), Some(_)) | (None, None) => errors.push(FieldError::new(
                    at("sku"),
                    ErrorCode::InvalidBody,
                    "give either return_item_id or sku",
                )),
                (_, Some(sku)) if bad_text(sku, 100) => errors.push(FieldError::new(
                    at("sku"),
                    ErrorCode::InvalidLength,
                    "1–100 visible characters",
                )),
                (Some(id), _) if bad_text(id, 64) => errors.push(FieldError::new(
                    at("return_item_id"),
                    ErrorCode::InvalidLength,
                    "1–64 visible characters",
                )),
                _ => {}
            }
            if line.quantity == 0 || line.quantity > MAX_UNITS_PER_LINE {
                errors.push(FieldError::new(
                    at("quantity"),
                    ErrorCode::OutOfRange,
                    format!("1–{MAX_UNITS_PER_LINE}"),
                ));
            }
            if line.damaged_quantity > line.quantity {
                errors.push(FieldError::new(
                    at("damaged_quantity"),
                    ErrorCode::OutOfRange,
                    "cannot exceed the units scanned",
                ));
            }
            if let Some(e) =
                settings.unknown_condition(line.condition_code.as_deref(), &at("condition_code"))
            {
                errors.push(e);
            }
        }
        ApiError::check(errors)
    }
}

/// Matches the lines to the items (see the module). 422 `unknown_item` for
/// an item id the return does not have; 409 `receipt_exceeds_approved`
/// naming every item that would get more units than it still expects.
pub fn allocate(items: &[Expected<'_>], lines: &[ScanLine]) -> Result<Vec<Allocation>, ApiError> {
    let mut outstanding: Vec<u32> = items.iter().map(|i| i.outstanding).collect();
    let mut unknown = Vec::new();
    let mut over = Vec::new();
    let mut out = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        let mut left = line.quantity;
        let mut damaged = line.damaged_quantity;
        let mut give = |index: usize, quantity: u32, out: &mut Vec<Allocation>| {
            let d = damaged.min(quantity);
            damaged -= d;
            out.push(Allocation {
                line: n,
                item_id: Some(items[index].id.to_string()),
                sku: items[index].sku.to_string(),
                quantity,
                damaged: d,
                condition_code: line.condition_code.clone(),
            });
        };
        if let Some(id) = &line.return_item_id {
            let Some(index) = items.iter().position(|i| i.id == id) else {
                unknown.push(FieldError::new(
                    format!("items[{n}].return_item_id"),
                    ErrorCode::UnknownItem,
                    "not an item of this return",
                ));
                continue;
            };
            if left > outstanding[index] {
                over.push(exceeds(n, &items[index], outstanding[index]));
                continue;
            }
            outstanding[index] -= left;
            give(index, left, &mut out);
            continue;
        }
        let sku = line.sku.as_deref().unwrap_or_default();
        let of_sku: Vec<usize> = (0..items.len()).filter(|&i| items[i].sku == sku).collect();
        if of_sku.is_empty() {
            out.push(Allocation {
                line: n,
                item_id: None,
                sku: sku.to_string(),
                quantity: left,
                damaged,
                condition_code: line.condition_code.clone(),
            });
            continue;
        }
        for &index in &of_sku {
            let take = left.min(outstanding[index]);
            if take > 0 {
                outstanding[index] -= take;
                left -= take;
                give(index, take, &mut out);
            }
        }
        if left > 0 {
            let last = *of_sku.last().unwrap_or(&0);
            over.push(exceeds(n, &items[last], 0));
        }
    }
    if !unknown.is_empty() {
        return Err(ApiError::validation(unknown));
    }
    if !over.is_empty() {
        let detail = format!(
            "More units than were approved and are still expected: {}.",
            over.iter()
                .map(|e| e.message.clone())
                .collect::<Vec<_>>()
                .join("; ")
        );
        return Err(ApiError::new(ErrorCode::ReceiptExceedsApproved, detail).with_errors(over));
    }
    Ok(out)
}

fn exceeds(line: usize, item: &Expected<'_>, still: u32) -> FieldError {
    FieldError::new(
        format!("items[{line}].quantity"),
        ErrorCode::ReceiptExceedsApproved,
        format!(
            "item {} ({}) expects {still} more unit(s)",
            item.id, item.sku
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(sku: &str, quantity: u32, damaged: u32) -> ScanLine {
        ScanLine {
            return_item_id: None,
            sku: Some(sku.into()),
            quantity,
            damaged_quantity: damaged,
            condition_code: None,
        }
    }

    fn items() -> Vec<Expected<'static>> {
        vec![
            Expected {
                id: "rit_1",
                sku: "TEE-M",
                outstanding: 1,
            },
            Expected {
                id: "rit_2",
                sku: "TEE-M",
                outstanding: 2,
            },
            Expected {
                id: "rit_3",
                sku: "CAP",
                outstanding: 1,
            },
        ]
    }

    #[test]
    fn a_skus_units_fill_its_items_in_order_with_the_damaged_ones_first() {
        let got = allocate(&items(), &[line("TEE-M", 3, 1)]).unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(
            (got[0].item_id.as_deref(), got[0].quantity, got[0].damaged),
            (Some("rit_1"), 1, 1)
        );
        assert_eq!(
            (got[1].item_id.as_deref(), got[1].quantity, got[1].damaged),
            (Some("rit_2"), 2, 0)
        );
    }

    #[test]
    fn units_of_a_sku_the_return_does_not_hold_are_unexpected() {
        let got = allocate(&items(), &[line("SOCKS", 2, 0)]).unwrap();
        assert_eq!(got[0].item_id, None);
        assert_eq!((got[0].sku.as_str(), got[0].quantity), ("SOCKS", 2));
    }

    #[test]
    fn more_units_than_still_expected_are_refused_naming_the_item() {
        let err = allocate(&items(), &[line("CAP", 1, 0), line("CAP", 1, 0)]).unwrap_err();
        assert_eq!(err.code(), ErrorCode::ReceiptExceedsApproved);
        assert_eq!(err.errors()[0].field, "items[1].quantity");
        assert!(err.errors()[0].message.contains("rit_3"));
    }

    #[test]
    fn an_item_id_the_return_does_not_have_is_unknown() {
        let by_id = ScanLine {
            return_item_id: Some("rit_9".into()),
            sku: None,
            ..line("", 1, 0)
        };
        let err = allocate(&items(), &[by_id]).unwrap_err();
        assert_eq!(err.errors()[0].code, ErrorCode::UnknownItem);
    }

    #[test]
    fn a_line_naming_both_an_item_and_a_sku_is_refused() {
        let input = ReceiptInput {
            reference: "RET-ABC".into(),
            location: None,
            items: vec![ScanLine {
                return_item_id: Some("rit_1".into()),
                ..line("TEE-M", 1, 2)
            }],
        };
        let err = input.check(&ReturnsSettings::default()).unwrap_err();
        let fields: Vec<&str> = err.errors().iter().map(|e| e.field.as_str()).collect();
        assert!(fields.contains(&"items[0].sku"));
        assert!(fields.contains(&"items[0].damaged_quantity"));
    }
}
