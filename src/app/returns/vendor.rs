//! The vendor's side of multi-vendor returns, and the merchant acting on
//! one part. A vendor key sees only its own part of its brand's returns:
//! that part's items, address, label, tracking and events, never the
//! customer's other items or another vendor's address. Anything else is
//! not found, like another tenant's.
//!
//! A vendor answers the parts that wait for it (approve, wholly or per
//! item, or reject), records their receipt and completes them (the refund
//! released, or the exchange raised as a new sale). The merchant may do
//! the same for any part; it may answer for a vendor only once the
//! vendor's time to answer has run out.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::super::{AppState, merchant_brand};
use super::parts::{
    Move, Settle, apply, part_not_found, part_statuses, quantities, receive_items, reversal,
};
use super::views::{EventView, LabelView, Renderer, ReturnItemView, ReturnView, TrackingView};
use super::{enqueue_new_labels, publish};
use crate::auth::{Merchant, VendorCaller};
use crate::db::DbConn;
use crate::db::events::NewEvent;
use crate::db::returns::FullReturn;
use crate::db::rows::EventRow;
use crate::domain::events::EventType;
use crate::domain::money::{Currency, Money};
use crate::domain::parts::{PartAction, PartStatus, step_part};
use crate::domain::return_status::ReturnStatus;
use crate::domain::returns::{MethodRequest, ResolutionRequest};
use crate::domain::review::{
    ApproveInput, ExchangeOrderInput, ItemQuantities, ReceiveInput, Rejection, ResolutionGiven,
};
use crate::domain::settings::ReturnAddress;
use crate::domain::vendors::{NO_RESPONSE, OnTimeout};
use crate::error::{ApiError, ErrorCode};

/// A vendor's part of a return, as its vendor sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct VendorPartView {
    /// The return's id (`ret_…`): the path of every vendor action.
    pub return_id: String,
    /// The part's id (`rsh_…`).
    pub part_id: String,
    /// Human-facing number of the return.
    #[schema(example = "RET-7K3Q9X")]
    pub rma_number: String,
    /// Order number.
    pub order_number: String,
    /// Status of this part.
    pub status: PartStatus,
    /// Until when the vendor may answer (while it waits for the vendor).
    pub vendor_due_at: Option<DateTime<Utc>>,
    /// The items of this part only.
    pub items: Vec<ReturnItemView>,
    /// Where the parcel goes: the vendor's return address.
    pub address: ReturnAddress,
    /// Return method.
    pub return_method: MethodRequest,
    /// Resolution the customer asked for.
    pub resolution: ResolutionRequest,
    /// Why the part was declined, when it was.
    pub rejection: Option<Rejection>,
    /// The resolution given for this part, once completed.
    pub resolution_given: Option<ResolutionGiven>,
    /// Commission given back on this part at completion.
    pub commission_reversal: Option<Money>,
    /// Its label, once the part is approved (printed-label methods).
    pub label: Option<LabelView>,
    /// What the carrier reported, once it scanned the parcel.
    pub tracking: Option<TrackingView>,
    /// Customer's locale.
    pub locale: String,
    /// When the customer asked.
    pub created_at: DateTime<Utc>,
    /// Last change of the return.
    pub updated_at: DateTime<Utc>,
}

/// A page of a vendor's parts.
#[derive(Debug, Serialize, ToSchema)]
pub struct VendorPartList {
    /// Newest return first.
    pub data: Vec<VendorPartView>,
    /// Cursor of the next page.
    pub next_cursor: Option<String>,
}

/// The events of a vendor's part, oldest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct VendorEventList {
    /// Oldest first.
    pub data: Vec<EventView>,
}

/// Filters of the vendor's list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VendorPartFilter {
    /// Part statuses, comma-separated (`awaiting_vendor,delivered`) or the
    /// parameter repeated (`status=awaiting_vendor&status=delivered`).
    #[param(value_type = Option<Vec<PartStatus>>, style = Form, explode = false)]
    pub status: Option<String>,
}

/// The vendor's view of its part of a loaded return.
fn part_view(
    render: &Renderer,
    full: FullReturn,
    part_id: &str,
) -> Result<VendorPartView, ApiError> {
    cut(render.clone().for_merchant().view(full, None)?, part_id)
}

/// The vendor's view of its part, cut from the merchant's view of the
/// return: that part's items, address, label and tracking, and nothing of
/// the customer nor of the other parts. A vendor's webhook is cut the same
/// way from the merchant's (`app/webhooks/deliver.rs`), so both show the
/// part alike.
pub(crate) fn cut(merchant: ReturnView, part_id: &str) -> Result<VendorPartView, ApiError> {
    let ReturnView {
        id,
        rma_number,
        order_number,
        shipments,
        items,
        return_method,
        resolution,
        locale,
        created_at,
        updated_at,
        ..
    } = merchant;
    let part = shipments
        .into_iter()
        .find(|s| s.id == part_id)
        .ok_or_else(part_not_found)?;
    let address = part
        .address
        .ok_or_else(|| ApiError::internal(anyhow::anyhow!("a merchant view without address")))?;
    Ok(VendorPartView {
        return_id: id,
        part_id: part.id.clone(),
        rma_number,
        order_number,
        status: part.status,
        vendor_due_at: part.vendor_due_at,
        items: items
            .into_iter()
            .filter(|i| part.item_ids.contains(&i.id))
            .collect(),
        address,
        return_method,
        resolution,
        rejection: part.rejection,
        resolution_given: part.resolution_given,
        commission_reversal: part.commission_reversal,
        label: part.label,
        tracking: part.tracking,
        locale,
        created_at,
        updated_at,
    })
}

/// The id of the vendor's part of a return (404 when it has none).
fn vendor_part(full: &FullReturn, vendor: &VendorCaller) -> Result<String, ApiError> {
    full.shipments
        .iter()
        .find(|s| s.vendor_id.as_deref() == Some(vendor.vendor_id.as_str()))
        .map(|s| s.id.clone())
        .ok_or_else(super::super::return_not_found)
}

/// The brand of the path, when it is the vendor key's (404 otherwise).
pub(crate) fn vendor_brand(
    conn: &mut DbConn,
    vendor: &VendorCaller,
    slug: &str,
) -> Result<String, ApiError> {
    match crate::db::brands::by_slug(conn, slug)? {
        Some(b) if b.id == vendor.brand_id => Ok(b.id),
        _ => Err(super::super::brand_not_found()),
    }
}

/// A return with a part of the vendor, and that part's id (404 otherwise).
fn load_for_vendor(
    conn: &mut DbConn,
    vendor: &VendorCaller,
    slug: &str,
    id: &str,
    lock: bool,
) -> Result<(FullReturn, String), ApiError> {
    let brand_id = vendor_brand(conn, vendor, slug)?;
    let full = if lock {
        crate::db::returns::load_locked(conn, &brand_id, id)?
    } else {
        crate::db::returns::load(conn, &brand_id, id)?
    }
    .ok_or_else(super::super::return_not_found)?;
    let part = vendor_part(&full, vendor)?;
    Ok((full, part))
}

/// The vendor's parts, newest return first, filtered by part status.
pub async fn list(
    state: &AppState,
    vendor: &VendorCaller,
    slug: &str,
    filter: &VendorPartFilter,
    limit: i64,
    cursor: Option<String>,
) -> Result<VendorPartList, ApiError> {
    let f = crate::db::returns::Filter {
        vendor_id: Some(vendor.vendor_id.clone()),
        part_statuses: part_statuses(filter.status.as_deref(), "status")?,
        ..Default::default()
    };
    let (vendor, slug) = (vendor.clone(), slug.to_string());
    let rows = state
        .db
        .read(move |conn| {
            let brand_id = vendor_brand(conn, &vendor, &slug)?;
            Ok((
                crate::db::returns::list(conn, &brand_id, &f, cursor.as_deref(), limit + 1)?,
                vendor,
            ))
        })
        .await?;
    let (rows, vendor) = rows;
    let (rows, next_cursor) = super::super::pagination::paginate(rows, limit, |r| r.ret.id.clone());
    let render = Renderer::new(state);
    let data = rows
        .into_iter()
        .map(|full| {
            let part = vendor_part(&full, &vendor)?;
            part_view(&render, full, &part)
        })
        .collect::<Result<_, ApiError>>()?;
    Ok(VendorPartList { data, next_cursor })
}

/// The vendor's part of one return.
pub async fn get(
    state: &AppState,
    vendor: &VendorCaller,
    slug: &str,
    id: &str,
) -> Result<VendorPartView, ApiError> {
    let (vendor, slug, id) = (vendor.clone(), slug.to_string(), id.to_string());
    let (full, part) = state
        .db
        .read(move |conn| load_for_vendor(conn, &vendor, &slug, &id, false))
        .await?;
    part_view(&Renderer::new(state), full, &part)
}

/// The events of the vendor's part, oldest first.
pub async fn events(
    state: &AppState,
    vendor: &VendorCaller,
    slug: &str,
    id: &str,
) -> Result<VendorEventList, ApiError> {
    let (vendor, slug, id) = (vendor.clone(), slug.to_string(), id.to_string());
    let rows = state
        .db
        .read(move |conn| {
            let (full, part) = load_for_vendor(conn, &vendor, &slug, &id, false)?;
            let all = crate::db::events::for_return(conn, &full.ret.id)?;
            Ok(all
                .into_iter()
                .filter(|e| e.shipment_id.as_deref() == Some(part.as_str()))
                .collect::<Vec<_>>())
        })
        .await?;
    Ok(VendorEventList {
        data: rows.into_iter().map(EventView::from).collect(),
    })
}

/// What to do to one part.
pub enum PartStep {
    /// Approve it, wholly or per item.
    Approve(ApproveInput),
    /// Reject it with a reason.
    Reject(Rejection),
    /// Record arriving units.
    Receive(ReceiveInput),
    /// Give its resolution.
    Complete(ResolutionGiven),
    /// Record the new sale raised for its exchanges' replacements.
    ExchangeOrder(ExchangeOrderInput),
}

/// Who acts on a part.
enum PartActor {
    Vendor,
    /// The merchant, at this time by the scheduling clock (it may answer
    /// for a vendor only after the vendor's deadline).
    Merchant(chrono::NaiveDateTime),
    /// The vendor's deadline, by the vendor's `on_timeout`.
    Deadline,
}

/// Runs a step on the vendor's part of a return, in one transaction.
pub async fn act(
    state: &AppState,
    vendor: &VendorCaller,
    slug: &str,
    id: &str,
    step: PartStep,
) -> Result<VendorPartView, ApiError> {
    let (caller, slug, id) = (vendor.clone(), slug.to_string(), id.to_string());
    let render = Renderer::new(state);
    let (full, part) = state
        .db
        .write(move |conn| {
            let (mut full, part) = load_for_vendor(conn, &caller, &slug, &id, true)?;
            let events = run(
                conn,
                &mut full,
                &part,
                &step,
                &caller.actor(),
                PartActor::Vendor,
            )?;
            publish(conn, &render, &full, &events)?;
            Ok((full, part))
        })
        .await?;
    state.jobs.notify();
    part_view(&Renderer::new(state), full, &part)
}

/// Runs a step on one part of a return of the merchant's brand: any part;
/// approving or rejecting for a vendor only once its time to answer ran
/// out (409 `vendor_response_pending` before).
pub async fn act_as_merchant(
    state: &AppState,
    merchant: &Merchant,
    slug: &str,
    id: &str,
    part_id: &str,
    step: PartStep,
) -> Result<ReturnView, ApiError> {
    let (merchant, slug, id, part) = (
        merchant.clone(),
        slug.to_string(),
        id.to_string(),
        part_id.to_string(),
    );
    let render = Renderer::new(state);
    let now = state.config.clock.now();
    let view = state
        .db
        .write(move |conn| {
            let brand = merchant_brand(conn, &merchant, &slug)?;
            let mut full = crate::db::returns::load_locked(conn, &brand.id, &id)?
                .ok_or_else(super::super::return_not_found)?;
            if !full.shipments.iter().any(|s| s.id == part) {
                return Err(part_not_found());
            }
            let actor = format!("merchant:{}", merchant.key_id);
            let events = run(
                conn,
                &mut full,
                &part,
                &step,
                &actor,
                PartActor::Merchant(now),
            )?;
            publish(conn, &render, &full, &events)
        })
        .await?;
    state.jobs.notify();
    Ok(view)
}

/// Carries out a vendor's `on_timeout` on its part that still waits at
/// its deadline: records `return_part.overdue`, then approves the part
/// wholly or rejects it with [`NO_RESPONSE`] for the vendor (`escalate`
/// leaves it waiting: the staff mail follows the overdue event). Every
/// event's actor is `system`. Returns the events in order.
pub(crate) fn on_deadline(
    conn: &mut DbConn,
    full: &mut FullReturn,
    part: &str,
    rule: OnTimeout,
) -> Result<Vec<EventRow>, ApiError> {
    let index = full
        .shipments
        .iter()
        .position(|s| s.id == part)
        .ok_or_else(part_not_found)?;
    let shipment = &full.shipments[index];
    let overdue = NewEvent {
        event_type: EventType::ReturnPartOverdue,
        actor: "system",
        from: None,
        to: None,
        details: serde_json::json!({
            "part_id": shipment.id,
            "vendor_id": shipment.vendor_id,
            "due_at": shipment.vendor_due_at.map(|d| d.and_utc()),
            "on_timeout": rule,
        }),
        shipment_id: Some(part),
    };
    let mut events = vec![crate::db::events::record_event(conn, &full.ret, overdue)?];
    let on = OnePart {
        index,
        part,
        actor: "system",
        by: PartActor::Deadline,
    };
    match rule {
        OnTimeout::Approve => {
            let whole = ApproveInput {
                items: Vec::new(),
                note: Some("The vendor did not answer by its deadline.".into()),
            };
            events.extend(approve(conn, full, &on, &whole)?);
        }
        OnTimeout::Reject => {
            let rejection = Rejection {
                reason_code: NO_RESPONSE.into(),
                note: None,
            };
            events.extend(reject(conn, full, &on, &rejection)?);
        }
        OnTimeout::Escalate | OnTimeout::None => {}
    }
    Ok(events)
}

/// One step on one part: finds the part and runs the step's action.
fn run(
    conn: &mut DbConn,
    full: &mut FullReturn,
    part: &str,
    step: &PartStep,
    actor: &str,
    by: PartActor,
) -> Result<Vec<EventRow>, ApiError> {
    let index = full
        .shipments
        .iter()
        .position(|s| s.id == part)
        .ok_or_else(part_not_found)?;
    let on = OnePart {
        index,
        part,
        actor,
        by,
    };
    match step {
        PartStep::Approve(input) => approve(conn, full, &on, input),
        PartStep::Reject(rejection) => reject(conn, full, &on, rejection),
        PartStep::Receive(input) => receive(conn, full, &on, input),
        PartStep::Complete(given) => complete(conn, full, &on, given),
        PartStep::ExchangeOrder(input) => exchange_order(conn, full, &on, input),
    }
}

/// The part a step acts on, and who acts.
struct OnePart<'a> {
    /// Its position among the return's shipments.
    index: usize,
    /// Its shipment id.
    part: &'a str,
    /// Who acts, as the events name them.
    actor: &'a str,
    /// Whether the vendor or the merchant acts.
    by: PartActor,
}

impl OnePart<'_> {
    /// Settles the return after the part's move: an event of the part, not
    /// a change asked of the whole return.
    fn settle(&self) -> Settle<'_> {
        Settle {
            actor: self.actor,
            details: serde_json::json!({}),
            whole: false,
            always: None,
        }
    }

    /// The move of this part by `action`.
    fn moved(&self, action: PartAction, details: serde_json::Value) -> Move {
        Move {
            part: self.part.to_string(),
            action,
            details,
        }
    }

    /// Whether the merchant acts for the vendor.
    fn on_behalf_of_vendor(&self) -> bool {
        !matches!(self.by, PartActor::Vendor)
    }
}

/// 409 unless the part waits for its vendor's answer; 409 when the
/// merchant answers before the vendor's time ran out.
fn answerable(full: &FullReturn, on: &OnePart<'_>) -> Result<(), ApiError> {
    let status = full.shipments[on.index].status;
    if status != PartStatus::AwaitingVendor {
        return Err(ApiError::new(
            ErrorCode::InvalidTransition,
            format!(
                "Only a part that waits for its vendor can be answered; this one is {}.",
                status.as_str().replace('_', " ")
            ),
        ));
    }
    overdue(full, on.index, &on.by)
}

/// Approves the part, wholly or per item, and enqueues its label.
fn approve(
    conn: &mut DbConn,
    full: &mut FullReturn,
    on: &OnePart<'_>,
    input: &ApproveInput,
) -> Result<Vec<EventRow>, ApiError> {
    answerable(full, on)?;
    // The vendor answers for the units the merchant approved: those are
    // what it is asked for.
    let items: Vec<ItemQuantities> = quantities(full, Some(on.part))
        .into_iter()
        .map(|q| ItemQuantities {
            requested: q.approved,
            ..q
        })
        .collect();
    let plan = crate::domain::review::approve(&items, input)?;
    let mut summary = Vec::new();
    for approval in &plan {
        if let Some(item) = full.items.iter_mut().find(|i| i.id == approval.item_id) {
            let before = item.approved_quantity;
            item.approved_quantity = approval.approved as i32;
            if approval.rejection_reason.is_some() {
                item.rejection_reason = approval.rejection_reason.clone();
            }
            crate::db::returns::save_item(conn, item)?;
            summary.push(serde_json::json!({
                "return_item_id": item.id,
                "approved_quantity": item.approved_quantity,
                "rejected_quantity": before - item.approved_quantity,
                "rejection_reason": approval.rejection_reason,
            }));
        }
    }
    let details = serde_json::json!({
        "note": input.note, "items": summary, "on_behalf_of_vendor": on.on_behalf_of_vendor(),
    });
    let mut events = apply(
        conn,
        full,
        vec![on.moved(PartAction::Approve, details)],
        on.settle(),
    )?;
    enqueue_new_labels(conn, full)?;
    // An approved part's instant exchanges go out now.
    if full.items.iter().any(|i| i.variant_sku.is_some()) {
        let (settings, _) = crate::db::settings::get(conn, &full.ret.brand_id)?;
        events.extend(super::exchanges::release_instant(
            conn, &settings, full, on.actor,
        )?);
    }
    Ok(events)
}

/// Rejects the part's items; the return is rejected when nothing else of it
/// goes on.
fn reject(
    conn: &mut DbConn,
    full: &mut FullReturn,
    on: &OnePart<'_>,
    rejection: &Rejection,
) -> Result<Vec<EventRow>, ApiError> {
    answerable(full, on)?;
    rejection.check()?;
    for item in full.items.iter_mut().filter(|i| i.shipment_id == on.part) {
        item.approved_quantity = 0;
        item.rejection_reason = Some(rejection.reason_code.clone());
        crate::db::returns::save_item(conn, item)?;
    }
    let json = serde_json::to_string(rejection).map_err(ApiError::internal)?;
    full.shipments[on.index].rejection = Some(json.clone());
    let mut details = serde_json::to_value(rejection).map_err(ApiError::internal)?;
    if let Some(d) = details.as_object_mut() {
        d.insert(
            "on_behalf_of_vendor".into(),
            on.on_behalf_of_vendor().into(),
        );
    }
    let events = apply(
        conn,
        full,
        vec![on.moved(PartAction::Reject, details)],
        on.settle(),
    )?;
    if full.ret.status == ReturnStatus::Rejected {
        full.ret.rejection = Some(json);
        crate::db::returns::save_outcome(conn, &full.ret)?;
    }
    Ok(events)
}

/// Records arriving units of the part.
fn receive(
    conn: &mut DbConn,
    full: &mut FullReturn,
    on: &OnePart<'_>,
    input: &ReceiveInput,
) -> Result<Vec<EventRow>, ApiError> {
    step_part(full.shipments[on.index].status, PartAction::ReceivePart)?;
    let (settings, _) = crate::db::settings::get(conn, &full.ret.brand_id)?;
    crate::domain::review::receive(&quantities(full, Some(on.part)), input, &settings)?;
    let mut moves = receive_items(conn, full, input)?;
    for m in &mut moves {
        m.details = serde_json::json!({
            "items": input.items.iter().map(|a| serde_json::json!({
                "return_item_id": a.return_item_id, "quantity": a.quantity,
                "damaged_quantity": a.damaged_quantity, "condition_code": a.condition_code,
            })).collect::<Vec<_>>(),
        });
    }
    apply(conn, full, moves, on.settle())
}

/// Gives the part's resolution and records the commission given back.
fn complete(
    conn: &mut DbConn,
    full: &mut FullReturn,
    on: &OnePart<'_>,
    given: &ResolutionGiven,
) -> Result<Vec<EventRow>, ApiError> {
    step_part(full.shipments[on.index].status, PartAction::Complete)?;
    given.check(&full.ret.currency)?;
    let reversal = reversal(&full.items, on.part);
    let p = &mut full.shipments[on.index];
    p.resolution_given = Some(serde_json::to_string(given).map_err(ApiError::internal)?);
    p.commission_reversal = reversal;
    let currency = Currency::parse(&full.ret.currency).unwrap_or(Currency::EUR);
    let mut details = serde_json::to_value(given).map_err(ApiError::internal)?;
    if let Some(d) = details.as_object_mut() {
        d.insert(
            "commission_reversal".into(),
            serde_json::to_value(reversal.map(|a| Money::new(a, currency)))
                .map_err(ApiError::internal)?,
        );
    }
    let mut events = apply(
        conn,
        full,
        vec![on.moved(PartAction::Complete, details)],
        on.settle(),
    )?;
    sum_resolutions(conn, full)?;
    // The last part completed the return: its store credit is issued (the
    // units that earned it), unless it was on approval.
    if full.ret.status == ReturnStatus::Completed {
        events.extend(super::exchanges::issue_credit(conn, full, true, None)?);
    }
    Ok(events)
}

/// Records the new sale the part's owner raised for the replacements of
/// the part's exchanges (the items named must be the part's exchanged
/// items; default: all of them), as the merchant's
/// [`exchange_order`](super::exchanges::exchange_order) does for the return.
fn exchange_order(
    conn: &mut DbConn,
    full: &mut FullReturn,
    on: &OnePart<'_>,
    input: &ExchangeOrderInput,
) -> Result<Vec<EventRow>, ApiError> {
    input.check()?;
    let own: Vec<String> = full
        .items
        .iter()
        .filter(|i| i.shipment_id == on.part && i.variant_sku.is_some())
        .map(|i| i.id.clone())
        .collect();
    let errors: Vec<crate::error::FieldError> = input
        .return_item_ids
        .iter()
        .enumerate()
        .filter(|(_, id)| !own.contains(id))
        .map(|(n, _)| {
            crate::error::FieldError::new(
                format!("return_item_ids[{n}]"),
                ErrorCode::NotFound,
                "not an exchanged item of this part",
            )
        })
        .collect();
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    if own.is_empty() {
        return Err(ApiError::new(
            ErrorCode::InvalidTransition,
            "This part has no exchange whose replacement waits for its sale.",
        ));
    }
    let scoped = ExchangeOrderInput {
        reference: input.reference.clone(),
        return_item_ids: if input.return_item_ids.is_empty() {
            own
        } else {
            input.return_item_ids.clone()
        },
    };
    super::exchanges::exchange_order(conn, full, on.actor, &scoped)
}

/// Sets the return's `resolution_given` to the sum of its completed parts'
/// resolutions ([`summarise`](crate::domain::resolutions::summarise)):
/// `null` while they gave what one resolution cannot state (two types).
fn sum_resolutions(conn: &mut DbConn, full: &mut FullReturn) -> Result<(), ApiError> {
    let given = full
        .shipments
        .iter()
        .filter_map(|p| p.resolution_given.as_deref())
        .map(serde_json::from_str::<ResolutionGiven>)
        .collect::<Result<Vec<_>, _>>()
        .map_err(ApiError::internal)?;
    let sum = crate::domain::resolutions::summarise(&given).as_given();
    full.ret.resolution_given = sum
        .map(|g| serde_json::to_string(&g))
        .transpose()
        .map_err(ApiError::internal)?;
    crate::db::returns::save_outcome(conn, &full.ret)?;
    Ok(())
}

/// 409 `vendor_response_pending` when the merchant answers for a vendor
/// whose time to answer has not run out; a retired vendor answers nothing
/// more, so the merchant may answer for it at once.
fn overdue(full: &FullReturn, index: usize, by: &PartActor) -> Result<(), ApiError> {
    let part = &full.shipments[index];
    if full.vendor_of(part).is_some_and(|v| !v.is_active()) {
        return Ok(());
    }
    match (by, part.vendor_due_at) {
        (PartActor::Merchant(now), Some(due)) if due > *now => Err(ApiError::new(
            ErrorCode::VendorResponsePending,
            format!(
                "The vendor may answer until {}; decide for it after that.",
                due.and_utc().to_rfc3339()
            ),
        )),
        _ => Ok(()),
    }
}
