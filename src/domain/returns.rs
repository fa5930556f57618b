//! Checking a return request against the order, its eligibility and the
//! brand's Returns Settings, and planning what creation writes: per-item
//! results, auto-approval, shipments per return address, fee and estimated
//! refund. Pure: everything it needs is passed in.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::catalogue::Offer;
use crate::domain::eligibility::{LineEligibility, NonReturnableReason};
use crate::domain::money::Money;
use crate::domain::orders::Order;
pub use crate::domain::pricing::{Amounts, Priced, price_items};
use crate::domain::settings::{
    ResolutionType, ReturnAddress, ReturnMethodSetting, ReturnMethodType, ReturnReason,
    ReturnsSettings,
};
use crate::error::{ApiError, ErrorCode, FieldError};

/// Most items in one return.
pub const MAX_ITEMS: usize = 100;
/// Most units of one item.
pub const MAX_QUANTITY: u32 = 10_000;
/// Most photos per item.
pub const MAX_IMAGES: usize = 10;
/// Longest comment (characters).
pub const MAX_COMMENT: usize = 2000;

/// One item of a return request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemRequest {
    /// Line id from lookup (`order.lines[].id`).
    #[schema(example = "L1")]
    pub order_line_id: String,
    /// Units to return.
    #[schema(example = 1, minimum = 1, maximum = 10000)]
    pub quantity: u32,
    /// Reason code from the portal settings.
    #[schema(example = "too_small")]
    pub reason_code: String,
    /// Comment (required by some reasons).
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub comment: Option<String>,
    /// Condition code (required by some reasons).
    #[serde(default)]
    pub condition_code: Option<String>,
    /// Ids of photos uploaded for this order (required by some reasons).
    #[serde(default)]
    #[schema(max_items = 10)]
    pub image_ids: Vec<String>,
    /// This item's own resolution, when it is not the return's: above
    /// all an exchange for another variant of the catalogue (one of
    /// `GET /v1/portal/{brand}/exchange-options`), whose units are
    /// reserved when the return is created.
    #[serde(default)]
    pub resolution: Option<ItemResolution>,
}

/// What the customer wants back for one item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "type": "exchange", "variant_sku": "TSHIRT-L-BLACK" }))]
pub struct ItemResolution {
    /// Resolution.
    #[serde(rename = "type")]
    pub resolution: ResolutionType,
    /// The variant wanted in exchange (exchanges only): one of the line's
    /// exchange offers.
    #[serde(default)]
    #[schema(max_length = 100)]
    pub variant_sku: Option<String>,
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
    #[schema(max_length = 100)]
    pub exchange_sku: Option<String>,
}

/// Body of preview and create.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "items": [ { "order_line_id": "L1", "quantity": 1, "reason_code": "too_small" } ],
    "return_method": { "type": "drop_off", "carrier": "postnl" },
    "resolution": { "type": "refund" }
}))]
pub struct CreateReturn {
    /// Items (1–100), one per order line.
    #[schema(min_items = 1, max_items = 100)]
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
    /// The exchange offers of the lines whose items ask for an exchange
    /// for a variant (see [`crate::domain::catalogue::offers`]).
    pub offers: &'a HashMap<String, Vec<Offer>>,
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
    /// The item's resolution (its own, else the return's).
    pub resolution: ResolutionType,
    /// The offer an exchange for a variant takes.
    pub exchange: Option<Offer>,
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
    /// Estimated refund (refund and store credit; 0 for exchanges).
    pub refund: Money,
    /// The store credit in it (with the bonus).
    pub store_credit: Money,
    /// What the customer owes for dearer exchanges (the brand charges
    /// them): the return waits in `payment_required` until it is paid.
    pub due: Money,
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

    /// The problem for a request that breaks what the spec states of its
    /// shape (lengths, ranges, which fields a choice requires or forbids),
    /// if it does: such a request is refused even by preview.
    pub fn shape_violation(&self) -> Option<ApiError> {
        let shape = |e: &FieldError| {
            matches!(
                e.code,
                ErrorCode::InvalidLength
                    | ErrorCode::OutOfRange
                    | ErrorCode::NotAllowed
                    | ErrorCode::ExchangeSkuRequired
                    | ErrorCode::PickupDateRequired
            )
        };
        let errors: Vec<FieldError> = self.all_errors().into_iter().filter(shape).collect();
        (!errors.is_empty()).then(|| ApiError::validation(errors))
    }

    /// The problem for an invalid request, listing every error: 409
    /// `quantity_conflict` (or `out_of_stock`) when the only trouble is
    /// units that other returns took meanwhile (or a replacement's stock),
    /// else 422 headed by the first other error's code.
    pub fn rejection(&self) -> ApiError {
        let errors = self.all_errors();
        let conflicting =
            |e: &FieldError| matches!(e.code, ErrorCode::QuantityConflict | ErrorCode::OutOfStock);
        let first = errors.iter().find(|e| !conflicting(e)).or(errors.first());
        let code = match first {
            Some(f) => f.code,
            None => ErrorCode::ValidationFailed,
        };
        let detail = match (errors.len(), first) {
            (1, Some(f)) => format!(
                "{}: {}",
                if f.field.is_empty() { "body" } else { &f.field },
                f.message
            ),
            (n, _) => format!("{n} problems; see errors"),
        };
        ApiError::new(code, detail).with_errors(errors)
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

/// Checks a request; see [`Checked`]. Items first, then the return method,
/// the resolution and the locale; then the parcels and the money.
pub fn check(req: &CreateReturn, ctx: &Context<'_>) -> Checked {
    let mut top = Vec::new();
    if req.items.is_empty() || req.items.len() > MAX_ITEMS {
        top.push(FieldError::new(
            "items",
            ErrorCode::InvalidLength,
            format!("must have 1–{MAX_ITEMS} items"),
        ));
    }
    let (mut items, mut conflict) = check_items(&req.items, ctx);
    let carrier = check_method(&req.return_method, ctx, &mut top);
    check_resolution(&req.resolution, ctx.settings, &mut top);
    for (i, (item, checked)) in req.items.iter().zip(items.iter_mut()).enumerate() {
        check_item_resolution(i, item, &req.resolution, ctx, checked, &mut conflict);
    }
    if let Some(locale) = &req.locale
        && !ctx.settings.locales.contains(locale)
    {
        top.push(FieldError::new(
            "locale",
            ErrorCode::UnknownLocale,
            "not one of the brand's locales",
        ));
    }
    let shipments = route(&req.items, ctx.order, ctx.settings, &mut top);
    let priced: Vec<Priced> = items
        .iter()
        .zip(&req.items)
        .map(|(c, item)| Priced {
            resolution: c.resolution,
            value: c.value,
            difference: c.exchange.as_ref().map(|o| {
                o.price_difference
                    .amount
                    .saturating_mul(i64::from(item.quantity))
            }),
        })
        .collect();
    let amounts = price_items(&priced, ctx.order.currency, ctx.settings);
    Checked {
        auto_approve: !items.is_empty() && items.iter().all(|i| i.auto_approve),
        items,
        errors: top,
        conflict,
        carrier,
        fee: amounts.fee,
        refund: amounts.back(),
        store_credit: amounts.store_credit,
        due: amounts.due,
        shipments,
    }
}

/// Checks every item against its line's eligibility and its reason's
/// requirements; also tells whether a failure is only that other returns
/// took the units meanwhile.
fn check_items(items: &[ItemRequest], ctx: &Context<'_>) -> (Vec<ItemCheck>, bool) {
    let mut conflict = false;
    let mut seen = HashSet::new();
    let mut used_images = HashSet::new();
    let checks = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let mut e = Vec::new();
            if !seen.insert(item.order_line_id.as_str()) {
                e.push(FieldError::new(
                    format!("items[{i}].order_line_id"),
                    ErrorCode::DuplicateLine,
                    "this line appears twice; send one item per line",
                ));
            }
            let (returnable, value) = check_quantity(i, item, ctx, &mut e, &mut conflict);
            let reason = ctx
                .settings
                .reasons
                .iter()
                .find(|r| r.code == item.reason_code);
            check_reason(i, item, reason, &mut e);
            check_details(i, item, ctx, &mut used_images, &mut e);
            ItemCheck {
                errors: e,
                auto_approve: reason.is_some_and(|r| r.auto_approve),
                returnable_quantity: returnable,
                value,
                resolution: ResolutionType::Refund,
                exchange: None,
            }
        })
        .collect();
    (checks, conflict)
}

/// The line's returnable units and the value of the requested ones; errors
/// for an unknown line, a zero quantity, or more units than returnable
/// (a `quantity_conflict` when other returns hold the difference).
fn check_quantity(
    i: usize,
    item: &ItemRequest,
    ctx: &Context<'_>,
    e: &mut Vec<FieldError>,
    conflict: &mut bool,
) -> (u32, i64) {
    let at = |f: &str| format!("items[{i}].{f}");
    let in_range = (1..=MAX_QUANTITY).contains(&item.quantity);
    if !in_range {
        e.push(FieldError::new(
            at("quantity"),
            ErrorCode::OutOfRange,
            "must be between 1 and 10000",
        ));
    }
    let Some(idx) = ctx
        .order
        .lines
        .iter()
        .position(|l| l.id == item.order_line_id)
    else {
        e.push(FieldError::new(
            at("order_line_id"),
            ErrorCode::UnknownLine,
            "the order has no line with this id",
        ));
        return (0, 0);
    };
    let line = &ctx.order.lines[idx];
    let el = ctx.eligibility.get(idx);
    let returnable = el.map_or(0, |el| el.returnable_quantity);
    let held = ctx.held.get(&line.id).copied().unwrap_or(0);
    let value = line
        .unit_price
        .amount
        .saturating_mul(i64::from(item.quantity));
    if !in_range {
        // Reported above; what is returnable says nothing of such a quantity.
        return (returnable, value);
    }
    if returnable == 0 {
        let reason = el.and_then(|el| el.reason);
        if reason == Some(NonReturnableReason::AlreadyReturned) {
            *conflict = true;
            e.push(FieldError::new(
                at("quantity"),
                ErrorCode::QuantityConflict,
                "other returns already hold every returnable unit",
            ));
        } else {
            e.push(FieldError::new(
                at("order_line_id"),
                ErrorCode::NotReturnable,
                reason_text(reason),
            ));
        }
    } else if item.quantity > returnable {
        if item.quantity <= returnable.saturating_add(held) {
            *conflict = true;
            e.push(FieldError::new(
                at("quantity"),
                ErrorCode::QuantityConflict,
                format!(
                    "only {returnable} unit(s) are still returnable; other returns hold the rest"
                ),
            ));
        } else {
            e.push(FieldError::new(
                at("quantity"),
                ErrorCode::QuantityExceedsReturnable,
                format!("at most {returnable} unit(s) of this line can be returned"),
            ));
        }
    }
    (returnable, value)
}

/// What the item's reason requires: a comment, photos, the condition.
fn check_reason(
    i: usize,
    item: &ItemRequest,
    reason: Option<&ReturnReason>,
    e: &mut Vec<FieldError>,
) {
    let at = |f: &str| format!("items[{i}].{f}");
    let Some(r) = reason else {
        e.push(FieldError::new(
            at("reason_code"),
            ErrorCode::UnknownReason,
            "not one of the brand's return reasons",
        ));
        return;
    };
    let comment = item.comment.as_deref().map(str::trim).unwrap_or("");
    if r.require_comment && comment.is_empty() {
        e.push(FieldError::new(
            at("comment"),
            ErrorCode::CommentRequired,
            "this reason needs a comment",
        ));
    }
    if r.require_images && (item.image_ids.len() as u32) < r.min_images {
        e.push(FieldError::new(
            at("image_ids"),
            ErrorCode::ImagesRequired,
            format!("this reason needs at least {} photo(s)", r.min_images),
        ));
    }
    if r.require_condition && item.condition_code.is_none() {
        e.push(FieldError::new(
            at("condition_code"),
            ErrorCode::ConditionRequired,
            "this reason needs the item's condition",
        ));
    }
}

/// The comment's length, the condition code, and the photos: at most ten,
/// each uploaded for this order and attached to one item only.
fn check_details<'a>(
    i: usize,
    item: &'a ItemRequest,
    ctx: &Context<'_>,
    used_images: &mut HashSet<&'a str>,
    e: &mut Vec<FieldError>,
) {
    let at = |f: &str| format!("items[{i}].{f}");
    if item
        .comment
        .as_deref()
        .is_some_and(|c| c.chars().count() > MAX_COMMENT)
    {
        e.push(FieldError::new(
            at("comment"),
            ErrorCode::InvalidLength,
            "at most 2000 characters",
        ));
    }
    if let Some(error) = ctx
        .settings
        .unknown_condition(item.condition_code.as_deref(), &at("condition_code"))
    {
        e.push(error);
    }
    if item.image_ids.len() > MAX_IMAGES {
        e.push(FieldError::new(
            at("image_ids"),
            ErrorCode::InvalidLength,
            "at most 10 photos per item",
        ));
    }
    for (j, id) in item.image_ids.iter().enumerate() {
        if !ctx.uploads.contains(id) {
            e.push(FieldError::new(
                format!("items[{i}].image_ids[{j}]"),
                ErrorCode::UnknownImage,
                "not a photo uploaded for this order",
            ));
        } else if !used_images.insert(id.as_str()) {
            e.push(FieldError::new(
                format!("items[{i}].image_ids[{j}]"),
                ErrorCode::Duplicate,
                "each photo belongs to one item",
            ));
        }
    }
}

/// An item's own resolution: offered by the brand; an exchange names one
/// of the line's offers with units enough to promise (409
/// `out_of_stock` otherwise, like units other returns took), a refund or
/// store credit names no variant. Sets the item's resolution and offer.
fn check_item_resolution(
    i: usize,
    item: &ItemRequest,
    whole: &ResolutionRequest,
    ctx: &Context<'_>,
    checked: &mut ItemCheck,
    conflict: &mut bool,
) {
    let at = |f: &str| format!("items[{i}].resolution.{f}");
    let Some(own) = &item.resolution else {
        checked.resolution = whole.resolution;
        return;
    };
    checked.resolution = own.resolution;
    let e = &mut checked.errors;
    if !ctx
        .settings
        .refund_options
        .iter()
        .any(|o| o.resolution == own.resolution && o.enabled)
    {
        e.push(FieldError::new(
            at("type"),
            ErrorCode::ResolutionNotAllowed,
            "this brand does not offer this resolution",
        ));
    }
    let sku = own.variant_sku.as_deref().map(str::trim);
    match (own.resolution, sku) {
        (ResolutionType::Exchange, None | Some("")) => e.push(FieldError::new(
            at("variant_sku"),
            ErrorCode::ExchangeSkuRequired,
            "name the variant wanted in exchange",
        )),
        (ResolutionType::Exchange, Some(_))
            if own
                .variant_sku
                .as_deref()
                .is_some_and(|raw| raw.chars().count() > 100) =>
        {
            e.push(FieldError::new(
                at("variant_sku"),
                ErrorCode::InvalidLength,
                "at most 100 characters",
            ))
        }
        (ResolutionType::Exchange, Some(sku)) => {
            let offer = ctx
                .offers
                .get(&item.order_line_id)
                .and_then(|offers| offers.iter().find(|o| o.sku == sku));
            match offer {
                None => e.push(FieldError::new(
                    at("variant_sku"),
                    ErrorCode::ExchangeNotOffered,
                    "not one of this line's exchange options",
                )),
                Some(o) if o.available < i64::from(item.quantity) => {
                    *conflict = true;
                    e.push(FieldError::new(
                        at("variant_sku"),
                        ErrorCode::OutOfStock,
                        format!("only {} unit(s) of this variant are left", o.available),
                    ));
                }
                Some(o) => checked.exchange = Some(o.clone()),
            }
        }
        (_, Some(_)) => e.push(FieldError::new(
            at("variant_sku"),
            ErrorCode::NotAllowed,
            "only exchanges name a variant",
        )),
        (_, None) => {}
    }
}

/// The resolution must be offered; an exchange names its SKU, others none.
fn check_resolution(r: &ResolutionRequest, settings: &ReturnsSettings, top: &mut Vec<FieldError>) {
    if !settings
        .refund_options
        .iter()
        .any(|o| o.resolution == r.resolution && o.enabled)
    {
        top.push(FieldError::new(
            "resolution.type",
            ErrorCode::ResolutionNotAllowed,
            "this brand does not offer this resolution",
        ));
        return;
    }
    match (r.resolution, r.exchange_sku.as_deref().map(str::trim)) {
        (ResolutionType::Exchange, None | Some("")) => top.push(FieldError::new(
            "resolution.exchange_sku",
            ErrorCode::ExchangeSkuRequired,
            "name the SKU wanted in exchange",
        )),
        (ResolutionType::Exchange, Some(_))
            if r.exchange_sku
                .as_deref()
                .is_some_and(|raw| raw.chars().count() > 100) =>
        {
            top.push(FieldError::new(
                "resolution.exchange_sku",
                ErrorCode::InvalidLength,
                "at most 100 characters",
            ))
        }
        (ResolutionType::Refund | ResolutionType::StoreCredit, Some(_)) => {
            top.push(FieldError::new(
                "resolution.exchange_sku",
                ErrorCode::NotAllowed,
                "only exchanges name a SKU",
            ))
        }
        _ => {}
    }
}

/// Groups the items into parcels: each goes to its vendor's return address,
/// else to the default warehouse; in first-seen order.
fn route(
    items: &[ItemRequest],
    order: &Order,
    settings: &ReturnsSettings,
    top: &mut Vec<FieldError>,
) -> Vec<(ReturnAddress, Vec<usize>)> {
    let mut shipments: Vec<(ReturnAddress, Vec<usize>)> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let vendor = order
            .line(&item.order_line_id)
            .and_then(|l| l.vendor.as_deref());
        let address = vendor
            .and_then(|v| {
                settings
                    .return_addresses
                    .iter()
                    .find(|a| a.vendor.as_deref() == Some(v))
            })
            .or_else(|| settings.default_address());
        match address {
            Some(a) => match shipments.iter_mut().find(|(x, _)| x.id == a.id) {
                Some((_, list)) => list.push(i),
                None => shipments.push((a.clone(), vec![i])),
            },
            None if !top.iter().any(|e| e.code == ErrorCode::NoReturnAddress) => {
                top.push(FieldError::new(
                    "",
                    ErrorCode::NoReturnAddress,
                    "the brand has not configured a return address yet",
                ));
            }
            None => {}
        }
    }
    shipments
}

/// The return method: offered by the brand, with a carrier of it, a fitting
/// service point and, for pickups, a bookable date. Returns the carrier,
/// resolved when the method has only one.
fn check_method(m: &MethodRequest, ctx: &Context<'_>, top: &mut Vec<FieldError>) -> Option<String> {
    let setting = ctx.settings.method(m.method);
    if setting.is_none() {
        top.push(FieldError::new(
            "return_method.type",
            ErrorCode::ReturnMethodNotAllowed,
            "this brand does not offer this return method",
        ));
    }
    check_method_shape(m, top);
    let setting = setting?;
    let carrier = check_carrier(m, setting, top);
    check_service_point(m, ctx.service_point, carrier.as_deref(), top);
    check_pickup_date(m, setting, ctx.today, top);
    carrier
}

/// Which fields each method takes, as the spec states it (so even preview
/// refuses a request that breaks it), whether or not the brand offers the
/// method: no carrier in store, a service point only for drop-offs, a date
/// for pickups and for nothing else.
fn check_method_shape(m: &MethodRequest, top: &mut Vec<FieldError>) {
    use ReturnMethodType::{InStore, Pickup};
    let not_allowed =
        |field: &str, message: &str| FieldError::new(field, ErrorCode::NotAllowed, message);
    if m.method == InStore && m.carrier.is_some() {
        top.push(not_allowed(
            "return_method.carrier",
            "in-store returns use no carrier",
        ));
    }
    if matches!(m.method, Pickup | InStore) && m.service_point_id.is_some() {
        top.push(not_allowed(
            "return_method.service_point_id",
            "only drop-off methods use a service point",
        ));
    }
    match (m.method, m.pickup_date) {
        (Pickup, None) => top.push(FieldError::new(
            "return_method.pickup_date",
            ErrorCode::PickupDateRequired,
            "choose a pickup day",
        )),
        (Pickup, Some(_)) | (_, None) => {}
        (_, Some(_)) => top.push(not_allowed(
            "return_method.pickup_date",
            "only pickups have a date",
        )),
    }
}

fn check_carrier(
    m: &MethodRequest,
    setting: &ReturnMethodSetting,
    top: &mut Vec<FieldError>,
) -> Option<String> {
    match (m.method, &m.carrier) {
        (ReturnMethodType::InStore, _) => None,
        (_, Some(c)) if setting.carriers.contains(c) => Some(c.clone()),
        (_, Some(_)) => {
            top.push(FieldError::new(
                "return_method.carrier",
                ErrorCode::CarrierNotAllowed,
                "not a carrier of this return method",
            ));
            None
        }
        (_, None) if setting.carriers.len() == 1 => setting.carriers.first().cloned(),
        (_, None) => {
            top.push(FieldError::new(
                "return_method.carrier",
                ErrorCode::CarrierRequired,
                "this method has several carriers; choose one",
            ));
            None
        }
    }
}

fn check_service_point(
    m: &MethodRequest,
    point: Option<&PointFacts>,
    carrier: Option<&str>,
    top: &mut Vec<FieldError>,
) {
    match (m.method, &m.service_point_id, point) {
        (ReturnMethodType::DropOff | ReturnMethodType::Labelless, Some(_), None) => {
            top.push(FieldError::new(
                "return_method.service_point_id",
                ErrorCode::ServicePointNotFound,
                "no such service point",
            ))
        }
        (ReturnMethodType::DropOff | ReturnMethodType::Labelless, Some(_), Some(p)) => {
            if !p.active {
                top.push(FieldError::new(
                    "return_method.service_point_id",
                    ErrorCode::ServicePointInactive,
                    "this service point no longer accepts parcels",
                ));
            } else if carrier.is_some_and(|c| c != p.carrier) {
                top.push(FieldError::new(
                    "return_method.service_point_id",
                    ErrorCode::ServicePointCarrierMismatch,
                    "this service point belongs to another carrier",
                ));
            } else if m.method == ReturnMethodType::Labelless && !p.supports_labelless {
                top.push(FieldError::new(
                    "return_method.service_point_id",
                    ErrorCode::ServicePointNotLabelless,
                    "this service point does not accept label-less returns",
                ));
            }
        }
        _ => {}
    }
}

fn check_pickup_date(
    m: &MethodRequest,
    setting: &ReturnMethodSetting,
    today: NaiveDate,
    top: &mut Vec<FieldError>,
) {
    if let (ReturnMethodType::Pickup, Some(date)) = (m.method, m.pickup_date) {
        let max_days = i64::from(setting.max_pickup_days.unwrap_or(14));
        let days = (date - today).num_days();
        if days < 1 || days > max_days {
            top.push(FieldError::new(
                "return_method.pickup_date",
                ErrorCode::PickupDateInvalid,
                format!("must be between tomorrow and {max_days} days from today"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::domain::eligibility::{Policy, evaluate};
    use crate::domain::money::Currency;
    use crate::domain::settings::AddressKind;

    fn warehouse(id: &str, vendor: Option<&str>, default: bool) -> ReturnAddress {
        ReturnAddress {
            id: id.into(),
            kind: if vendor.is_some() {
                AddressKind::Vendor
            } else {
                AddressKind::Warehouse
            },
            vendor: vendor.map(Into::into),
            is_default: default,
            name: "Returns".into(),
            company: None,
            line1: "Dock 1".into(),
            line2: None,
            postal_code: "1101 BE".into(),
            city: "Amsterdam".into(),
            country: "NL".into(),
            phone: None,
            email: None,
        }
    }

    fn settings() -> ReturnsSettings {
        ReturnsSettings {
            return_addresses: vec![warehouse("main", None, true)],
            ..ReturnsSettings::default()
        }
    }

    fn request(items: serde_json::Value) -> CreateReturn {
        serde_json::from_value(serde_json::json!({
            "items": items,
            "return_method": { "type": "drop_off", "carrier": "postnl" },
            "resolution": { "type": "refund" }
        }))
        .expect("request")
    }

    /// Checks `req` against the sample order delivered two days before `now`.
    fn run(req: &CreateReturn, s: &ReturnsSettings, held: &[(&str, u32)]) -> Checked {
        run_offering(req, s, held, &HashMap::new())
    }

    /// [`run`] with the lines' exchange offers.
    fn run_offering(
        req: &CreateReturn,
        s: &ReturnsSettings,
        held: &[(&str, u32)],
        offers: &HashMap<String, Vec<Offer>>,
    ) -> Checked {
        let order = Order::sample();
        let held: HashMap<String, u32> = held.iter().map(|(k, v)| (k.to_string(), *v)).collect();
        let now = chrono::Utc
            .with_ymd_and_hms(2026, 11, 5, 12, 0, 0)
            .single()
            .expect("time");
        let eligibility = evaluate(&order, Policy::from(s), &held, now);
        let uploads = HashSet::from(["upl_1".to_string()]);
        check(
            req,
            &Context {
                order: &order,
                settings: s,
                eligibility: &eligibility,
                held: &held,
                uploads: &uploads,
                service_point: None,
                today: now.date_naive(),
                offers,
            },
        )
    }

    /// L1 (a T-shirt M bought at 19.99) may become an L at `price` with
    /// `available` units to promise.
    fn offering_l(price: i64, available: i64) -> HashMap<String, Vec<Offer>> {
        let offer = Offer {
            sku: "TSHIRT-L".into(),
            option_values: [("size".to_string(), "L".to_string())].into(),
            changed: vec!["size".into()],
            price_difference: crate::domain::money::MoneyDelta {
                amount: price - 1999,
                currency: Currency::EUR,
            },
            available,
        };
        HashMap::from([("L1".to_string(), vec![offer])])
    }

    fn exchange_l(quantity: u32) -> CreateReturn {
        request(serde_json::json!([{
            "order_line_id": "L1", "quantity": quantity, "reason_code": "too_small",
            "resolution": { "type": "exchange", "variant_sku": "TSHIRT-L" }
        }]))
    }

    #[test]
    fn an_exchange_for_an_offered_variant_at_the_same_price_refunds_nothing() {
        let c = run_offering(&exchange_l(1), &settings(), &[], &offering_l(1999, 3));
        assert!(c.is_valid(), "{:?}", c.all_errors());
        assert_eq!(c.items[0].resolution, ResolutionType::Exchange);
        assert_eq!(
            c.items[0].exchange.as_ref().map(|o| o.sku.as_str()),
            Some("TSHIRT-L")
        );
        assert_eq!(c.refund.amount, 0);
    }

    #[test]
    fn an_exchange_for_a_cheaper_variant_refunds_the_difference_per_unit() {
        let c = run_offering(&exchange_l(2), &settings(), &[], &offering_l(1499, 3));
        assert!(c.is_valid());
        assert_eq!(c.refund.amount, 1000);
    }

    #[test]
    fn an_exchange_for_a_dearer_variant_costs_the_customer_nothing() {
        let c = run_offering(&exchange_l(1), &settings(), &[], &offering_l(2499, 3));
        assert!(c.is_valid());
        assert_eq!((c.refund.amount, c.due.amount), (0, 0));
    }

    #[test]
    fn an_exchange_for_a_dearer_variant_is_due_when_the_brand_charges_differences() {
        let mut s = settings();
        s.exchange_price_difference = crate::domain::settings::PriceDifferencePolicy::Charge;
        let c = run_offering(&exchange_l(2), &s, &[], &offering_l(2499, 3));
        assert!(c.is_valid());
        assert_eq!((c.refund.amount, c.due.amount), (0, 1000));
    }

    #[test]
    fn an_exchange_for_more_units_than_are_left_is_a_stock_conflict() {
        let c = run_offering(&exchange_l(2), &settings(), &[], &offering_l(1999, 1));
        assert_eq!(codes(&c), vec![ErrorCode::OutOfStock]);
        assert!(c.conflict);
        assert_eq!(c.rejection().code(), ErrorCode::OutOfStock);
        assert_eq!(c.rejection().code().status(), 409);
    }

    #[test]
    fn an_exchange_for_a_variant_the_line_is_not_offered_is_refused() {
        let c = run_offering(&exchange_l(1), &settings(), &[], &HashMap::new());
        assert_eq!(codes(&c), vec![ErrorCode::ExchangeNotOffered]);
        let mut req = exchange_l(1);
        req.items[0].resolution = Some(ItemResolution {
            resolution: ResolutionType::Exchange,
            variant_sku: None,
        });
        let c = run_offering(&req, &settings(), &[], &offering_l(1999, 3));
        assert_eq!(codes(&c), vec![ErrorCode::ExchangeSkuRequired]);
        assert!(c.shape_violation().is_some());
    }

    #[test]
    fn a_refund_item_names_no_variant() {
        let mut req = exchange_l(1);
        req.items[0].resolution = Some(ItemResolution {
            resolution: ResolutionType::Refund,
            variant_sku: Some("TSHIRT-L".into()),
        });
        let c = run_offering(&req, &settings(), &[], &offering_l(1999, 3));
        assert_eq!(codes(&c), vec![ErrorCode::NotAllowed]);
    }

    fn codes(c: &Checked) -> Vec<ErrorCode> {
        c.all_errors().iter().map(|e| e.code).collect()
    }

    #[test]
    fn a_request_within_eligibility_is_valid_and_auto_approved_by_its_reason() {
        let c = run(
            &request(
                serde_json::json!([{ "order_line_id": "L1", "quantity": 2, "reason_code": "too_small" }]),
            ),
            &settings(),
            &[],
        );
        assert!(c.is_valid(), "{:?}", c.all_errors());
        assert!(c.auto_approve);
        assert_eq!(c.carrier.as_deref(), Some("postnl"));
        assert_eq!(c.refund.amount, 3998);
        assert_eq!(c.shipments.len(), 1);
    }

    #[test]
    fn a_reason_needing_review_is_not_auto_approved_and_states_its_requirements() {
        let c = run(
            &request(
                serde_json::json!([{ "order_line_id": "L1", "quantity": 1, "reason_code": "damaged" }]),
            ),
            &settings(),
            &[],
        );
        assert!(!c.auto_approve);
        assert_eq!(
            codes(&c),
            vec![
                ErrorCode::CommentRequired,
                ErrorCode::ImagesRequired,
                ErrorCode::ConditionRequired
            ]
        );
        assert_eq!(c.rejection().code(), ErrorCode::CommentRequired);
    }

    #[test]
    fn units_held_by_other_returns_are_a_conflict_not_a_validation_error() {
        let c = run(
            &request(
                serde_json::json!([{ "order_line_id": "L1", "quantity": 2, "reason_code": "too_small" }]),
            ),
            &settings(),
            &[("L1", 1)],
        );
        assert!(c.conflict);
        assert_eq!(codes(&c), vec![ErrorCode::QuantityConflict]);
        assert_eq!(c.rejection().code(), ErrorCode::QuantityConflict);
        assert_eq!(c.rejection().code().status(), 409);
    }

    #[test]
    fn more_units_than_ordered_exceed_the_returnable_quantity() {
        let c = run(
            &request(
                serde_json::json!([{ "order_line_id": "L1", "quantity": 3, "reason_code": "too_small" }]),
            ),
            &settings(),
            &[],
        );
        assert_eq!(codes(&c), vec![ErrorCode::QuantityExceedsReturnable]);
    }

    #[test]
    fn unknown_lines_reasons_conditions_and_photos_are_named() {
        let c = run(
            &request(serde_json::json!([
                { "order_line_id": "L9", "quantity": 1, "reason_code": "meh",
                  "condition_code": "smelly", "image_ids": ["upl_1", "upl_2"] }
            ])),
            &settings(),
            &[],
        );
        assert_eq!(
            codes(&c),
            vec![
                ErrorCode::UnknownLine,
                ErrorCode::UnknownReason,
                ErrorCode::UnknownCondition,
                ErrorCode::UnknownImage
            ]
        );
    }

    #[test]
    fn a_line_appears_once_and_a_photo_belongs_to_one_item() {
        let c = run(
            &request(serde_json::json!([
                { "order_line_id": "L1", "quantity": 1, "reason_code": "too_small", "image_ids": ["upl_1"] },
                { "order_line_id": "L1", "quantity": 1, "reason_code": "too_small", "image_ids": ["upl_1"] }
            ])),
            &settings(),
            &[],
        );
        assert_eq!(
            codes(&c),
            vec![ErrorCode::DuplicateLine, ErrorCode::Duplicate]
        );
    }

    #[test]
    fn without_a_return_address_nothing_can_be_created() {
        let c = run(
            &request(
                serde_json::json!([{ "order_line_id": "L1", "quantity": 1, "reason_code": "too_small" }]),
            ),
            &ReturnsSettings::default(),
            &[],
        );
        assert_eq!(codes(&c), vec![ErrorCode::NoReturnAddress]);
    }

    #[test]
    fn an_exchange_names_its_sku_and_a_refund_does_not() {
        let mut req = request(
            serde_json::json!([{ "order_line_id": "L1", "quantity": 1, "reason_code": "too_small" }]),
        );
        req.resolution = ResolutionRequest {
            resolution: ResolutionType::Exchange,
            exchange_sku: None,
        };
        assert_eq!(
            codes(&run(&req, &settings(), &[])),
            vec![ErrorCode::ExchangeSkuRequired]
        );
        req.resolution = ResolutionRequest {
            resolution: ResolutionType::Refund,
            exchange_sku: Some("TSHIRT-L".into()),
        };
        assert_eq!(
            codes(&run(&req, &settings(), &[])),
            vec![ErrorCode::NotAllowed]
        );
    }

    #[test]
    fn a_method_s_fields_are_checked_even_when_the_brand_does_not_offer_it() {
        let mut req = request(serde_json::json!([
            { "order_line_id": "L1", "quantity": 1, "reason_code": "too_small" }
        ]));
        req.return_method = serde_json::from_value(serde_json::json!(
            { "type": "in_store", "carrier": "postnl", "service_point_id": "sp_1", "pickup_date": "2026-11-07" }
        ))
        .expect("method");
        let checked = run(&req, &settings(), &[]);
        let codes: Vec<(String, ErrorCode)> = checked
            .all_errors()
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect();
        assert_eq!(
            codes[0],
            (
                "return_method.type".into(),
                ErrorCode::ReturnMethodNotAllowed
            )
        );
        for field in ["carrier", "service_point_id", "pickup_date"] {
            assert!(
                codes.contains(&(format!("return_method.{field}"), ErrorCode::NotAllowed)),
                "{field}: {codes:?}"
            );
        }
        assert!(checked.shape_violation().is_some());
    }

    #[test]
    fn a_carrier_outside_the_method_is_refused() {
        let mut req = request(
            serde_json::json!([{ "order_line_id": "L1", "quantity": 1, "reason_code": "too_small" }]),
        );
        req.return_method.carrier = Some("ups".into());
        assert_eq!(
            codes(&run(&req, &settings(), &[])),
            vec![ErrorCode::CarrierNotAllowed]
        );
        req.return_method.carrier = None;
        assert_eq!(
            codes(&run(&req, &settings(), &[])),
            vec![ErrorCode::CarrierRequired]
        );
    }

    #[test]
    fn vendor_lines_travel_to_the_vendor_and_the_rest_to_the_warehouse() {
        let mut s = settings();
        s.return_addresses
            .push(warehouse("nordic", Some("Nordic Knits"), false));
        let mut order = Order::sample();
        let mut vendor_line = order.lines[0].clone();
        vendor_line.id = "L2".into();
        vendor_line.vendor = Some("Nordic Knits".into());
        order.lines.push(vendor_line);
        let req = request(serde_json::json!([
            { "order_line_id": "L2", "quantity": 1, "reason_code": "too_small" },
            { "order_line_id": "L1", "quantity": 1, "reason_code": "too_small" }
        ]));
        let mut top = Vec::new();
        let parcels = route(&req.items, &order, &s, &mut top);
        assert!(top.is_empty());
        let routed: Vec<(&str, Vec<usize>)> = parcels
            .iter()
            .map(|(a, i)| (a.id.as_str(), i.clone()))
            .collect();
        assert_eq!(routed, vec![("nordic", vec![0]), ("main", vec![1])]);
    }
}
