//! Checking a return request against the order, its eligibility and the
//! brand's Returns Settings, and planning what creation writes: per-item
//! results, auto-approval, shipments per return address, fee and estimated
//! refund. Pure: everything it needs is passed in.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::eligibility::{LineEligibility, NonReturnableReason};
use crate::domain::money::Money;
use crate::domain::orders::Order;
use crate::domain::settings::{ResolutionType, ReturnAddress, ReturnMethodType, ReturnsSettings};
use crate::error::FieldError;

/// Most items in one return.
pub const MAX_ITEMS: usize = 100;

/// One item of a return request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemRequest {
    /// Line id from lookup (`order.lines[].id`).
    #[schema(example = "L1")]
    pub order_line_id: String,
    /// Units to return.
    #[schema(example = 1)]
    pub quantity: u32,
    /// Reason code from the portal settings.
    #[schema(example = "too_small")]
    pub reason_code: String,
    /// Comment (required by some reasons).
    #[serde(default)]
    pub comment: Option<String>,
    /// Condition code (required by some reasons).
    #[serde(default)]
    pub condition_code: Option<String>,
    /// Ids of photos uploaded for this order (required by some reasons).
    #[serde(default)]
    pub image_ids: Vec<String>,
}

/// How the customer sends the parcel back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MethodRequest {
    /// Method.
    #[serde(rename = "type")]
    pub method: ReturnMethodType,
    /// Carrier; optional when the method has one carrier.
    #[serde(default)]
    pub carrier: Option<String>,
    /// Chosen service point (drop-off and label-less).
    #[serde(default)]
    pub service_point_id: Option<String>,
    /// Pickup day (pickup).
    #[serde(default)]
    pub pickup_date: Option<NaiveDate>,
}

/// What the customer wants back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResolutionRequest {
    /// Resolution.
    #[serde(rename = "type")]
    pub resolution: ResolutionType,
    /// SKU wanted in exchange (exchanges only).
    #[serde(default)]
    pub exchange_sku: Option<String>,
}

/// Body of preview and create.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateReturn {
    /// Items (1–100).
    pub items: Vec<ItemRequest>,
    /// Return method.
    pub return_method: MethodRequest,
    /// Resolution.
    pub resolution: ResolutionRequest,
    /// Locale for messages to the customer (defaults to the brand's).
    #[serde(default)]
    pub locale: Option<String>,
}

/// A service point named in a request, as the database knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointFacts {
    /// Carrier.
    pub carrier: String,
    /// Offered to customers.
    pub active: bool,
    /// Accepts label-less returns.
    pub supports_labelless: bool,
}

/// Everything a check needs.
pub struct Context<'a> {
    /// The order.
    pub order: &'a Order,
    /// The brand's settings.
    pub settings: &'a ReturnsSettings,
    /// Eligibility of every line, in line order, with active returns subtracted.
    pub eligibility: &'a [LineEligibility],
    /// Units per line held by active returns.
    pub held: &'a HashMap<String, u32>,
    /// Photo uploads of this order not attached to a return.
    pub uploads: &'a HashSet<String>,
    /// The requested service point, when one was named and exists.
    pub service_point: Option<&'a PointFacts>,
    /// Today (UTC), for pickup dates.
    pub today: NaiveDate,
}

/// Result of one item.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemCheck {
    /// Errors (paths `items[i].…`).
    pub errors: Vec<FieldError>,
    /// Its reason auto-approves.
    pub auto_approve: bool,
    /// Units the line may still return.
    pub returnable_quantity: u32,
    /// Value of the requested units (minor units).
    pub value: i64,
}

/// Result of a whole request.
#[derive(Debug, Clone)]
pub struct Checked {
    /// Per item, in request order.
    pub items: Vec<ItemCheck>,
    /// Errors of the return method, resolution and request as a whole.
    pub errors: Vec<FieldError>,
    /// Whether a failure is only that other returns took the units meanwhile.
    pub conflict: bool,
    /// The carrier, resolved.
    pub carrier: Option<String>,
    /// Every item's reason auto-approves.
    pub auto_approve: bool,
    /// Fee charged (after waivers).
    pub fee: Option<Money>,
    /// Estimated refund (refund or store credit; 0 for exchanges).
    pub refund: Money,
    /// Items grouped by return address, in first-seen order.
    pub shipments: Vec<(ReturnAddress, Vec<usize>)>,
}

impl Checked {
    /// Every error, items first.
    pub fn all_errors(&self) -> Vec<FieldError> {
        let mut all: Vec<FieldError> = self
            .items
            .iter()
            .flat_map(|i| i.errors.iter().cloned())
            .collect();
        all.extend(self.errors.iter().cloned());
        all
    }

    /// Whether the request can be created.
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty() && self.items.iter().all(|i| i.errors.is_empty())
    }
}

fn reason_text(reason: Option<NonReturnableReason>) -> &'static str {
    match reason {
        Some(NonReturnableReason::NotReturnable) => "this item cannot be returned",
        Some(NonReturnableReason::Unfulfilled) => "this item was never shipped",
        Some(NonReturnableReason::NotDelivered) => "this item has not been delivered yet",
        Some(NonReturnableReason::ReturnWindowExpired) => "the return window has ended",
        Some(NonReturnableReason::AlreadyReturned) => "every unit is already in a return",
        None => "no unit can be returned",
    }
}

/// Checks a request; see [`Checked`].
pub fn check(req: &CreateReturn, ctx: &Context<'_>) -> Checked {
    let s = ctx.settings;
    let mut conflict = false;
    let mut top = Vec::new();
    if req.items.is_empty() || req.items.len() > MAX_ITEMS {
        top.push(FieldError::new(
            "items",
            "invalid_length",
            format!("must have 1–{MAX_ITEMS} items"),
        ));
    }
    let mut seen = HashSet::new();
    let mut used_images = HashSet::new();
    let mut items = Vec::with_capacity(req.items.len());
    for (i, item) in req.items.iter().enumerate() {
        let mut e = Vec::new();
        let at = |f: &str| format!("items[{i}].{f}");
        let line = ctx
            .order
            .lines
            .iter()
            .position(|l| l.id == item.order_line_id);
        let reason = s.reasons.iter().find(|r| r.code == item.reason_code);
        if !seen.insert(item.order_line_id.as_str()) {
            e.push(FieldError::new(
                at("order_line_id"),
                "duplicate_line",
                "this line appears twice; send one item per line",
            ));
        }
        let mut returnable = 0;
        let mut value = 0i64;
        match line {
            None => e.push(FieldError::new(
                at("order_line_id"),
                "unknown_line",
                "the order has no line with this id",
            )),
            Some(idx) => {
                let l = &ctx.order.lines[idx];
                let el = ctx.eligibility.get(idx);
                returnable = el.map_or(0, |el| el.returnable_quantity);
                let held = ctx.held.get(&l.id).copied().unwrap_or(0);
                value = l.unit_price.amount.saturating_mul(i64::from(item.quantity));
                if item.quantity == 0 {
                    e.push(FieldError::new(
                        at("quantity"),
                        "out_of_range",
                        "must be at least 1",
                    ));
                } else if returnable == 0 {
                    let reason = el.and_then(|el| el.reason);
                    if reason == Some(NonReturnableReason::AlreadyReturned) {
                        conflict = true;
                        e.push(FieldError::new(
                            at("quantity"),
                            "quantity_conflict",
                            "other returns already hold every returnable unit",
                        ));
                    } else {
                        e.push(FieldError::new(
                            at("order_line_id"),
                            "not_returnable",
                            reason_text(reason),
                        ));
                    }
                } else if item.quantity > returnable {
                    if item.quantity <= returnable.saturating_add(held) {
                        conflict = true;
                        e.push(FieldError::new(
                            at("quantity"),
                            "quantity_conflict",
                            format!("only {returnable} unit(s) are still returnable; other returns hold the rest"),
                        ));
                    } else {
                        e.push(FieldError::new(
                            at("quantity"),
                            "quantity_exceeds_returnable",
                            format!("at most {returnable} unit(s) of this line can be returned"),
                        ));
                    }
                }
            }
        }
        match reason {
            None => e.push(FieldError::new(
                at("reason_code"),
                "unknown_reason",
                "not one of the brand's return reasons",
            )),
            Some(r) => {
                let comment = item.comment.as_deref().map(str::trim).unwrap_or("");
                if r.require_comment && comment.is_empty() {
                    e.push(FieldError::new(
                        at("comment"),
                        "comment_required",
                        "this reason needs a comment",
                    ));
                }
                if r.require_images && (item.image_ids.len() as u32) < r.min_images {
                    e.push(FieldError::new(
                        at("image_ids"),
                        "images_required",
                        format!("this reason needs at least {} photo(s)", r.min_images),
                    ));
                }
                if r.require_condition && item.condition_code.is_none() {
                    e.push(FieldError::new(
                        at("condition_code"),
                        "condition_required",
                        "this reason needs the item's condition",
                    ));
                }
            }
        }
        if item
            .comment
            .as_deref()
            .is_some_and(|c| c.chars().count() > 2000)
        {
            e.push(FieldError::new(
                at("comment"),
                "invalid_length",
                "at most 2000 characters",
            ));
        }
        if let Some(code) = &item.condition_code
            && !s.condition_codes.iter().any(|c| &c.code == code)
        {
            e.push(FieldError::new(
                at("condition_code"),
                "unknown_condition",
                "not one of the brand's condition codes",
            ));
        }
        if item.image_ids.len() > 10 {
            e.push(FieldError::new(
                at("image_ids"),
                "invalid_length",
                "at most 10 photos per item",
            ));
        }
        for (j, id) in item.image_ids.iter().enumerate() {
            if !ctx.uploads.contains(id) {
                e.push(FieldError::new(
                    format!("items[{i}].image_ids[{j}]"),
                    "unknown_image",
                    "not a photo uploaded for this order",
                ));
            } else if !used_images.insert(id.as_str()) {
                e.push(FieldError::new(
                    format!("items[{i}].image_ids[{j}]"),
                    "duplicate",
                    "each photo belongs to one item",
                ));
            }
        }
        items.push(ItemCheck {
            errors: e,
            auto_approve: reason.is_some_and(|r| r.auto_approve),
            returnable_quantity: returnable,
            value,
        });
    }

    let carrier = check_method(&req.return_method, ctx, &mut top);
    match s
        .refund_options
        .iter()
        .find(|o| o.resolution == req.resolution.resolution && o.enabled)
    {
        None => top.push(FieldError::new(
            "resolution.type",
            "resolution_not_allowed",
            "this brand does not offer this resolution",
        )),
        Some(_) => match (
            req.resolution.resolution,
            req.resolution.exchange_sku.as_deref().map(str::trim),
        ) {
            (ResolutionType::Exchange, None | Some("")) => top.push(FieldError::new(
                "resolution.exchange_sku",
                "exchange_sku_required",
                "name the SKU wanted in exchange",
            )),
            (ResolutionType::Exchange, Some(sku)) if sku.chars().count() > 100 => {
                top.push(FieldError::new(
                    "resolution.exchange_sku",
                    "invalid_length",
                    "at most 100 characters",
                ))
            }
            (ResolutionType::Refund | ResolutionType::StoreCredit, Some(_)) => {
                top.push(FieldError::new(
                    "resolution.exchange_sku",
                    "not_allowed",
                    "only exchanges name a SKU",
                ))
            }
            _ => {}
        },
    }
    if let Some(locale) = &req.locale
        && !s.locales.contains(locale)
    {
        top.push(FieldError::new(
            "locale",
            "unknown_locale",
            "not one of the brand's locales",
        ));
    }

    // Items go to their vendor's address, else the default warehouse.
    let mut shipments: Vec<(ReturnAddress, Vec<usize>)> = Vec::new();
    for (i, item) in req.items.iter().enumerate() {
        let vendor = ctx
            .order
            .line(&item.order_line_id)
            .and_then(|l| l.vendor.as_deref());
        let address = vendor
            .and_then(|v| {
                s.return_addresses
                    .iter()
                    .find(|a| a.vendor.as_deref() == Some(v))
            })
            .or_else(|| s.default_address());
        match address {
            Some(a) => match shipments.iter_mut().find(|(x, _)| x.id == a.id) {
                Some((_, list)) => list.push(i),
                None => shipments.push((a.clone(), vec![i])),
            },
            None => {
                if !top.iter().any(|e| e.code == "no_return_address") {
                    top.push(FieldError::new(
                        "",
                        "no_return_address",
                        "the brand has not configured a return address yet",
                    ));
                }
            }
        }
    }

    let currency = ctx.order.currency;
    let total: i64 = items.iter().map(|i| i.value).sum();
    let fee = s
        .return_fee
        .as_ref()
        .filter(|f| {
            !f.waived_for.contains(&req.resolution.resolution) && f.amount.currency == currency
        })
        .map(|f| f.amount);
    let fee_amount = fee.map_or(0, |f| f.amount);
    let refund = match req.resolution.resolution {
        ResolutionType::Refund => total - fee_amount,
        ResolutionType::StoreCredit => {
            let bonus = s
                .refund_options
                .iter()
                .find(|o| o.resolution == ResolutionType::StoreCredit)
                .and_then(|o| o.store_credit_bonus_percent)
                .unwrap_or(0);
            total.saturating_mul(100 + i64::from(bonus)) / 100 - fee_amount
        }
        ResolutionType::Exchange => 0,
    };
    Checked {
        auto_approve: !items.is_empty() && items.iter().all(|i| i.auto_approve),
        items,
        errors: top,
        conflict,
        carrier,
        fee,
        refund: Money::new(refund.max(0), currency),
        shipments,
    }
}

fn check_method(m: &MethodRequest, ctx: &Context<'_>, top: &mut Vec<FieldError>) -> Option<String> {
    let Some(setting) = ctx.settings.method(m.method) else {
        top.push(FieldError::new(
            "return_method.type",
            "return_method_not_allowed",
            "this brand does not offer this return method",
        ));
        return None;
    };
    let carrier = match (m.method, &m.carrier) {
        (ReturnMethodType::InStore, Some(_)) => {
            top.push(FieldError::new(
                "return_method.carrier",
                "not_allowed",
                "in-store returns use no carrier",
            ));
            None
        }
        (ReturnMethodType::InStore, None) => None,
        (_, Some(c)) if setting.carriers.contains(c) => Some(c.clone()),
        (_, Some(_)) => {
            top.push(FieldError::new(
                "return_method.carrier",
                "carrier_not_allowed",
                "not a carrier of this return method",
            ));
            None
        }
        (_, None) if setting.carriers.len() == 1 => setting.carriers.first().cloned(),
        (_, None) => {
            top.push(FieldError::new(
                "return_method.carrier",
                "carrier_required",
                "this method has several carriers; choose one",
            ));
            None
        }
    };
    match (m.method, &m.service_point_id, ctx.service_point) {
        (ReturnMethodType::DropOff | ReturnMethodType::Labelless, Some(_), None) => {
            top.push(FieldError::new(
                "return_method.service_point_id",
                "service_point_not_found",
                "no such service point",
            ))
        }
        (ReturnMethodType::DropOff | ReturnMethodType::Labelless, Some(_), Some(p)) => {
            if !p.active {
                top.push(FieldError::new(
                    "return_method.service_point_id",
                    "service_point_inactive",
                    "this service point no longer accepts parcels",
                ));
            } else if carrier.as_ref().is_some_and(|c| c != &p.carrier) {
                top.push(FieldError::new(
                    "return_method.service_point_id",
                    "service_point_carrier_mismatch",
                    "this service point belongs to another carrier",
                ));
            } else if m.method == ReturnMethodType::Labelless && !p.supports_labelless {
                top.push(FieldError::new(
                    "return_method.service_point_id",
                    "service_point_not_labelless",
                    "this service point does not accept label-less returns",
                ));
            }
        }
        (ReturnMethodType::Pickup | ReturnMethodType::InStore, Some(_), _) => {
            top.push(FieldError::new(
                "return_method.service_point_id",
                "not_allowed",
                "only drop-off methods use a service point",
            ))
        }
        _ => {}
    }
    match (m.method, m.pickup_date) {
        (ReturnMethodType::Pickup, None) => top.push(FieldError::new(
            "return_method.pickup_date",
            "pickup_date_required",
            "choose a pickup day",
        )),
        (ReturnMethodType::Pickup, Some(date)) => {
            let max_days = i64::from(setting.max_pickup_days.unwrap_or(14));
            let days = (date - ctx.today).num_days();
            if days < 1 || days > max_days {
                top.push(FieldError::new(
                    "return_method.pickup_date",
                    "pickup_date_invalid",
                    format!("must be between tomorrow and {max_days} days from today"),
                ));
            }
        }
        (_, Some(_)) => top.push(FieldError::new(
            "return_method.pickup_date",
            "not_allowed",
            "only pickups have a date",
        )),
        (_, None) => {}
    }
    carrier
}
