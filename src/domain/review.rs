//! The merchant's actions on a return: approval (whole or per item),
//! rejection, receipt and completion. Each check here decides whether the
//! action is acceptable and what it changes; the state machine
//! ([`step`](crate::domain::return_status::step)) decides whether the
//! return's status allows it at all.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::codes::is_code;
use crate::domain::money::{MAX_AMOUNT, Money};
use crate::domain::settings::{ResolutionType, ReturnsSettings};
use crate::error::{ApiError, ErrorCode, FieldError};

/// Longest note or exchange reference.
pub const MAX_NOTE: usize = 2000;

/// An item's quantities, as the checks need them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemQuantities {
    /// Item id (`rit_…`).
    pub id: String,
    /// Units the customer asked to return.
    pub requested: u32,
    /// Units approved.
    pub approved: u32,
    /// Units received so far.
    pub received: u32,
}

/// Approval of one item.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApproveItemInput {
    /// Return item id.
    pub return_item_id: String,
    /// Units approved (0 to the requested quantity).
    pub quantity: u32,
    /// Why the remainder is not approved.
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub rejection_reason: Option<String>,
}

/// Body of approve (optional: without it everything is approved).
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApproveInput {
    /// Items approved partly; unlisted items are approved in full.
    #[serde(default)]
    pub items: Vec<ApproveItemInput>,
    /// Note for the audit trail.
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

/// What an approval gives one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Approval {
    /// Item id.
    pub item_id: String,
    /// Units approved.
    pub approved: u32,
    /// Why the rest is not (only when some units are not approved).
    pub rejection_reason: Option<String>,
}

/// Checks an approval against the items and decides every item's approved
/// units: listed items get their quantity, unlisted ones everything they
/// asked for. 422 for unknown items, too many units, or nothing approved.
pub fn approve(items: &[ItemQuantities], input: &ApproveInput) -> Result<Vec<Approval>, ApiError> {
    let mut errors = Vec::new();
    for (i, o) in input.items.iter().enumerate() {
        match items.iter().find(|it| it.id == o.return_item_id) {
            None => errors.push(FieldError::new(
                format!("items[{i}].return_item_id"),
                ErrorCode::UnknownItem,
                "not an item of this return",
            )),
            Some(it) if o.quantity > it.requested => errors.push(FieldError::new(
                format!("items[{i}].quantity"),
                ErrorCode::QuantityExceedsRequested,
                format!("at most {} unit(s) were requested", it.requested),
            )),
            Some(_) => {}
        }
        if too_long(&o.rejection_reason) {
            errors.push(long(format!("items[{i}].rejection_reason")));
        }
    }
    if too_long(&input.note) {
        errors.push(long("note".into()));
    }
    ApiError::check(errors)?;
    let plan: Vec<Approval> = items
        .iter()
        .map(|item| {
            let o = input.items.iter().find(|o| o.return_item_id == item.id);
            let approved = o.map_or(item.requested, |o| o.quantity);
            Approval {
                item_id: item.id.clone(),
                approved,
                rejection_reason: o
                    .and_then(|o| o.rejection_reason.clone())
                    .filter(|_| approved < item.requested),
            }
        })
        .collect();
    if plan.iter().all(|a| a.approved == 0) {
        return Err(ApiError::new(
            ErrorCode::NothingApproved,
            "Approve at least one unit, or reject the return.",
        ));
    }
    Ok(plan)
}

/// Why a return was rejected.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "reason_code": "final_sale", "note": "Sale items cannot be returned." }))]
pub struct Rejection {
    /// Reason code, e.g. `return_window_ended`, `final_sale`, `other`.
    #[schema(example = "final_sale", pattern = "^[a-z][a-z0-9_]{0,49}$")]
    pub reason_code: String,
    /// Note to the customer.
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

impl Rejection {
    /// 422 unless the reason is a snake_case code and the note at most 2,000 characters.
    pub fn check(&self) -> Result<(), ApiError> {
        let mut errors = Vec::new();
        if !is_code(&self.reason_code, 50) {
            errors.push(FieldError::new(
                "reason_code",
                ErrorCode::InvalidCode,
                "a snake_case code such as final_sale",
            ));
        }
        if too_long(&self.note) {
            errors.push(long("note".into()));
        }
        ApiError::check(errors)
    }
}

/// Arrival of one item.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReceiveItemInput {
    /// Return item id.
    pub return_item_id: String,
    /// Units arrived.
    #[schema(minimum = 1)]
    pub quantity: u32,
    /// Of which damaged (not restocked).
    #[serde(default)]
    pub damaged_quantity: u32,
    /// Condition found.
    #[serde(default)]
    pub condition_code: Option<String>,
}

/// Body of receive.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReceiveInput {
    /// Arrivals.
    #[schema(min_items = 1)]
    pub items: Vec<ReceiveItemInput>,
}

/// Checks arrivals against the items (known, each once, no more than the
/// approved units still expected, damaged within received, a condition of
/// the brand) and tells whether every approved unit is then in.
pub fn receive(
    items: &[ItemQuantities],
    input: &ReceiveInput,
    settings: &ReturnsSettings,
) -> Result<bool, ApiError> {
    let mut errors = Vec::new();
    if input.items.is_empty() {
        errors.push(FieldError::new(
            "items",
            ErrorCode::InvalidLength,
            "list at least one item",
        ));
    }
    let mut seen = HashSet::new();
    for (i, a) in input.items.iter().enumerate() {
        let at = |f: &str| format!("items[{i}].{f}");
        if !seen.insert(a.return_item_id.as_str()) {
            errors.push(FieldError::new(
                at("return_item_id"),
                ErrorCode::Duplicate,
                "appears twice",
            ));
            continue;
        }
        match items.iter().find(|it| it.id == a.return_item_id) {
            None => errors.push(FieldError::new(
                at("return_item_id"),
                ErrorCode::UnknownItem,
                "not an item of this return",
            )),
            Some(it) => {
                if a.quantity == 0 {
                    errors.push(FieldError::new(
                        at("quantity"),
                        ErrorCode::OutOfRange,
                        "must be at least 1",
                    ));
                } else if it.received.saturating_add(a.quantity) > it.approved {
                    errors.push(FieldError::new(
                        at("quantity"),
                        ErrorCode::QuantityExceedsApproved,
                        format!(
                            "{} of {} approved unit(s) are still expected",
                            it.approved.saturating_sub(it.received),
                            it.approved
                        ),
                    ));
                }
                if a.damaged_quantity > a.quantity {
                    errors.push(FieldError::new(
                        at("damaged_quantity"),
                        ErrorCode::OutOfRange,
                        "cannot exceed the units received",
                    ));
                }
            }
        }
        if let Some(e) =
            settings.unknown_condition(a.condition_code.as_deref(), &at("condition_code"))
        {
            errors.push(e);
        }
    }
    ApiError::check(errors)?;
    Ok(items.iter().all(|it| {
        let arriving: u32 = input
            .items
            .iter()
            .filter(|a| a.return_item_id == it.id)
            .map(|a| a.quantity)
            .sum();
        it.received + arriving >= it.approved
    }))
}

/// The resolution actually given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResolutionGiven {
    /// What was given.
    #[serde(rename = "type")]
    pub resolution: ResolutionType,
    /// Amount refunded or credited.
    #[serde(default)]
    pub amount: Option<Money>,
    /// Reference of the exchange order.
    #[serde(default)]
    #[schema(min_length = 1, max_length = 100)]
    pub exchange_order_reference: Option<String>,
    /// Note.
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

/// Body of `POST …/returns/{id}/exchange-orders`: the new sale raised for
/// the replacements of an exchange.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "reference": "SO-10234" }))]
pub struct ExchangeOrderInput {
    /// The sale's reference in the merchant's (or vendor's) platform
    /// (1–100 characters).
    #[schema(
        max_length = 100,
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
    )]
    pub reference: String,
    /// The exchanged items it replaces (default: every item whose
    /// replacement was requested and has no sale yet).
    #[serde(default)]
    #[schema(max_items = 100)]
    pub return_item_ids: Vec<String>,
}

/// The error of a reference in another system (a sale, a payment): it
/// must be 1–100 visible characters, not blank.
fn reference_error(reference: &str) -> Option<FieldError> {
    (reference.trim().is_empty()
        || reference.chars().count() > 100
        || reference.chars().any(char::is_control))
    .then(|| {
        FieldError::new(
            "reference",
            ErrorCode::InvalidLength,
            "1–100 characters, not blank, no control characters",
        )
    })
}

/// Body of `POST …/returns/{id}/payments`: the customer paid what the
/// return's exchanges for dearer variants cost.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "amount": { "amount": 500, "currency": "EUR" }, "reference": "pi_3PZ9xL" }))]
pub struct PaymentInput {
    /// The amount paid: exactly the return's `payment.amount_due`.
    pub amount: Money,
    /// The payment's reference in the merchant's payment system (1–100
    /// characters).
    #[schema(
        max_length = 100,
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
    )]
    pub reference: String,
}

impl PaymentInput {
    /// The reference is 1–100 visible characters and the amount is the
    /// one due, in the return's currency.
    pub fn check(&self, due: Money) -> Result<(), ApiError> {
        let mut errors: Vec<FieldError> = reference_error(&self.reference).into_iter().collect();
        if self.amount.currency != due.currency {
            errors.push(FieldError::new(
                "amount.currency",
                ErrorCode::CurrencyMismatch,
                format!("the return's currency is {}", due.currency),
            ));
        } else if self.amount.amount != due.amount {
            errors.push(FieldError::new(
                "amount.amount",
                ErrorCode::AmountMismatch,
                format!("the amount due is {}", due.amount),
            ));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(ApiError::validation(errors))
        }
    }
}

impl ExchangeOrderInput {
    /// The reference is 1–100 visible characters, at most 100 items.
    pub fn check(&self) -> Result<(), ApiError> {
        let mut errors: Vec<FieldError> = reference_error(&self.reference).into_iter().collect();
        if self.return_item_ids.len() > 100 {
            errors.push(FieldError::new(
                "return_item_ids",
                ErrorCode::InvalidLength,
                "at most 100 items",
            ));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(ApiError::validation(errors))
        }
    }
}

/// Body of complete.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CompleteInput {
    /// The resolution actually given.
    pub resolution: ResolutionGiven,
}

impl ResolutionGiven {
    /// 422 unless a refund or credit states a non-negative amount in the
    /// return's currency, and an exchange names its order.
    pub fn check(&self, currency: &str) -> Result<(), ApiError> {
        let mut errors = Vec::new();
        match (
            self.resolution,
            &self.amount,
            &self.exchange_order_reference,
        ) {
            (ResolutionType::Refund | ResolutionType::StoreCredit, None, _) => {
                errors.push(FieldError::new(
                    "resolution.amount",
                    ErrorCode::Required,
                    "state the amount refunded or credited",
                ))
            }
            (ResolutionType::Refund | ResolutionType::StoreCredit, Some(m), _) => {
                if !(0..=MAX_AMOUNT).contains(&m.amount) {
                    errors.push(FieldError::new(
                        "resolution.amount.amount",
                        ErrorCode::OutOfRange,
                        format!("must be between 0 and {MAX_AMOUNT}"),
                    ));
                }
                if m.currency.as_str() != currency {
                    errors.push(FieldError::new(
                        "resolution.amount.currency",
                        ErrorCode::CurrencyMismatch,
                        format!("must be {currency}"),
                    ));
                }
            }
            (ResolutionType::Exchange, _, None) => errors.push(FieldError::new(
                "resolution.exchange_order_reference",
                ErrorCode::Required,
                "name the exchange order",
            )),
            (ResolutionType::Exchange, _, Some(r))
                if r.trim().is_empty() || r.chars().count() > 100 =>
            {
                errors.push(FieldError::new(
                    "resolution.exchange_order_reference",
                    ErrorCode::InvalidLength,
                    "1–100 characters",
                ))
            }
            _ => {}
        }
        if too_long(&self.note) {
            errors.push(long("resolution.note".into()));
        }
        ApiError::check(errors)
    }
}

fn too_long(text: &Option<String>) -> bool {
    text.as_deref()
        .is_some_and(|t| t.chars().count() > MAX_NOTE)
}

fn long(field: String) -> FieldError {
    FieldError::new(field, ErrorCode::InvalidLength, "at most 2000 characters")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reference_is_one_to_a_hundred_visible_characters() {
        assert!(reference_error("SO-10234").is_none());
        assert!(reference_error(&"x".repeat(100)).is_none());
        for bad in ["", "   ", "SO\n1"] {
            assert_eq!(
                reference_error(bad).map(|e| e.code),
                Some(ErrorCode::InvalidLength),
                "{bad:?}"
            );
        }
        assert!(reference_error(&"x".repeat(101)).is_some());
    }
    use crate::domain::money::Currency;

    fn items() -> Vec<ItemQuantities> {
        vec![
            ItemQuantities {
                id: "rit_a".into(),
                requested: 2,
                approved: 0,
                received: 0,
            },
            ItemQuantities {
                id: "rit_b".into(),
                requested: 1,
                approved: 0,
                received: 0,
            },
        ]
    }

    fn approve_item(id: &str, quantity: u32, reason: Option<&str>) -> ApproveItemInput {
        ApproveItemInput {
            return_item_id: id.into(),
            quantity,
            rejection_reason: reason.map(Into::into),
        }
    }

    #[test]
    fn an_empty_approval_approves_every_requested_unit() {
        let plan = approve(&items(), &ApproveInput::default()).expect("approved");
        assert_eq!(
            plan.iter().map(|a| a.approved).collect::<Vec<_>>(),
            vec![2, 1]
        );
    }

    #[test]
    fn a_partial_approval_keeps_the_reason_for_the_rest() {
        let input = ApproveInput {
            items: vec![
                approve_item("rit_a", 1, Some("one was worn")),
                approve_item("rit_b", 1, Some("not needed")),
            ],
            note: None,
        };
        let plan = approve(&items(), &input).expect("approved");
        assert_eq!(plan[0].approved, 1);
        assert_eq!(plan[0].rejection_reason.as_deref(), Some("one was worn"));
        // Fully approved: a reason for the rest means nothing.
        assert_eq!(plan[1].rejection_reason, None);
    }

    #[test]
    fn an_approval_of_no_unit_is_refused() {
        let input = ApproveInput {
            items: vec![
                approve_item("rit_a", 0, None),
                approve_item("rit_b", 0, None),
            ],
            note: None,
        };
        let e = approve(&items(), &input).expect_err("nothing approved");
        assert_eq!(e.code(), ErrorCode::NothingApproved);
    }

    #[test]
    fn an_approval_names_unknown_items_and_excess_units() {
        let input = ApproveInput {
            items: vec![
                approve_item("rit_x", 1, None),
                approve_item("rit_a", 3, None),
            ],
            note: None,
        };
        let e = approve(&items(), &input).expect_err("invalid");
        let codes: Vec<_> = e
            .errors()
            .iter()
            .map(|f| (f.field.as_str(), f.code))
            .collect();
        assert_eq!(
            codes,
            vec![
                ("items[0].return_item_id", ErrorCode::UnknownItem),
                ("items[1].quantity", ErrorCode::QuantityExceedsRequested),
            ]
        );
    }

    #[test]
    fn a_rejection_needs_a_snake_case_reason_and_a_short_note() {
        let ok = Rejection {
            reason_code: "final_sale".into(),
            note: Some("Sorry".into()),
        };
        assert!(ok.check().is_ok());
        let bad = Rejection {
            reason_code: "Final Sale".into(),
            note: Some("x".repeat(2001)),
        };
        let e = bad.check().expect_err("invalid");
        assert_eq!(e.errors().len(), 2);
    }

    fn approved() -> Vec<ItemQuantities> {
        items()
            .into_iter()
            .map(|i| ItemQuantities {
                approved: i.requested,
                ..i
            })
            .collect()
    }

    fn arrival(id: &str, quantity: u32, damaged: u32, condition: Option<&str>) -> ReceiveItemInput {
        ReceiveItemInput {
            return_item_id: id.into(),
            quantity,
            damaged_quantity: damaged,
            condition_code: condition.map(Into::into),
        }
    }

    #[test]
    fn a_receipt_is_complete_once_every_approved_unit_is_in() {
        let s = ReturnsSettings::default();
        let part = ReceiveInput {
            items: vec![arrival("rit_a", 1, 0, None)],
        };
        assert_eq!(receive(&approved(), &part, &s).ok(), Some(false));
        let all = ReceiveInput {
            items: vec![arrival("rit_a", 2, 1, None), arrival("rit_b", 1, 0, None)],
        };
        assert_eq!(receive(&approved(), &all, &s).ok(), Some(true));
    }

    #[test]
    fn a_receipt_refuses_more_than_expected_duplicates_and_unknown_conditions() {
        let s = ReturnsSettings::default();
        let input = ReceiveInput {
            items: vec![
                arrival("rit_a", 3, 4, Some("smelly")),
                arrival("rit_a", 1, 0, None),
            ],
        };
        let e = receive(&approved(), &input, &s).expect_err("invalid");
        let codes: Vec<_> = e.errors().iter().map(|f| f.code).collect();
        assert_eq!(
            codes,
            vec![
                ErrorCode::QuantityExceedsApproved,
                ErrorCode::OutOfRange,
                ErrorCode::UnknownCondition,
                ErrorCode::Duplicate,
            ]
        );
    }

    #[test]
    fn an_empty_receipt_is_refused() {
        let e = receive(
            &approved(),
            &ReceiveInput { items: vec![] },
            &ReturnsSettings::default(),
        )
        .expect_err("empty");
        assert_eq!(e.errors()[0].code, ErrorCode::InvalidLength);
    }

    #[test]
    fn a_refund_states_an_amount_in_the_return_currency() {
        let refund = |amount: Option<Money>| ResolutionGiven {
            resolution: ResolutionType::Refund,
            amount,
            exchange_order_reference: None,
            note: None,
        };
        assert!(
            refund(Some(Money::new(1999, Currency::EUR)))
                .check("EUR")
                .is_ok()
        );
        let e = refund(None).check("EUR").expect_err("no amount");
        assert_eq!(e.errors()[0].code, ErrorCode::Required);
        let e = refund(Some(Money::new(-1, Currency::parse("USD").expect("USD"))))
            .check("EUR")
            .expect_err("bad amount");
        assert_eq!(
            e.errors().iter().map(|f| f.code).collect::<Vec<_>>(),
            vec![ErrorCode::OutOfRange, ErrorCode::CurrencyMismatch]
        );
    }

    #[test]
    fn an_exchange_names_its_order() {
        let exchange = |reference: Option<&str>| ResolutionGiven {
            resolution: ResolutionType::Exchange,
            amount: None,
            exchange_order_reference: reference.map(Into::into),
            note: None,
        };
        assert!(exchange(Some("EX-1")).check("EUR").is_ok());
        assert!(exchange(None).check("EUR").is_err());
        assert!(exchange(Some(" ")).check("EUR").is_err());
    }
}
