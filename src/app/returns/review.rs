//! The merchant's side of returns: list, read, audit trail, and the
//! processing steps (approve, reject, in transit, receive, complete,
//! cancel). Each step is one transaction: the domain checks the input, the
//! state machine the status, and the change is written with its event.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::super::{AppState, merchant_brand};
use super::parts::{Move, Settle, apply, part_statuses, quantities, reversal};
use super::views::{EventList, EventView, Renderer, ReturnView, view, views};
use super::{cancel, enqueue_new_labels, publish};
use crate::auth::Merchant;
use crate::db::DbConn;
use crate::db::returns::{Filter, FullReturn};
use crate::db::rows::EventRow;
use crate::domain::parts::{PartAction, PartStatus, on_merchant_approval};
use crate::domain::return_status::{Action, ReturnStatus, step};
pub use crate::domain::review::{
    ApproveInput, CompleteInput, ExchangeOrderInput, PaymentInput, ReceiveInput, Rejection,
    ResolutionGiven,
};
use crate::domain::settings::ResolutionType;
use crate::error::{ApiError, ErrorCode};

/// Filters of the list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReturnFilter {
    /// Statuses, comma-separated (`requested,approved`) or the parameter
    /// repeated (`status=requested&status=approved`): the same list.
    #[param(value_type = Option<Vec<ReturnStatus>>, style = Form, explode = false)]
    pub status: Option<String>,
    /// Created at or after (RFC 3339).
    pub created_after: Option<DateTime<Utc>>,
    /// Created before (RFC 3339).
    pub created_before: Option<DateTime<Utc>>,
    /// Order number (`#`, spaces and case are ignored).
    #[param(min_length = 1, max_length = 64)]
    pub order_number: Option<String>,
    /// Only returns with a part of this vendor (its id).
    #[param(
        min_length = 1,
        max_length = 63,
        pattern = "^[a-z0-9][a-z0-9_-]{0,62}$"
    )]
    pub vendor: Option<String>,
    /// Only returns with a part (of that vendor, if named) in one of these
    /// statuses, comma-separated (`awaiting_vendor,delivered`) or the
    /// parameter repeated.
    #[param(value_type = Option<Vec<PartStatus>>, style = Form, explode = false)]
    pub part_status: Option<String>,
}

/// A page of returns.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReturnList {
    /// Newest first.
    pub data: Vec<ReturnView>,
    /// Cursor of the next page.
    pub next_cursor: Option<String>,
}

fn actor(m: &Merchant) -> String {
    format!("merchant:{}", m.key_id)
}

impl ReturnFilter {
    /// The filter for the database (422 for an invalid value).
    pub fn to_filter(&self) -> Result<Filter, ApiError> {
        if self
            .order_number
            .as_deref()
            .is_some_and(|n| n.is_empty() || n.chars().count() > 64)
        {
            return Err(ApiError::field(
                "order_number",
                ErrorCode::InvalidLength,
                "1–64 characters",
            ));
        }
        if self
            .vendor
            .as_deref()
            .is_some_and(|v| !crate::domain::vendors::is_vendor_id(v))
        {
            return Err(ApiError::field(
                "vendor",
                ErrorCode::InvalidFormat,
                "a vendor id: lowercase letters, digits, `_` and `-`",
            ));
        }
        Ok(Filter {
            statuses: self.statuses()?,
            created_after: self.created_after.map(|d| d.naive_utc()),
            created_before: self.created_before.map(|d| d.naive_utc()),
            order_number: self.order_number.clone(),
            vendor_id: self.vendor.clone(),
            part_statuses: self.part_statuses()?,
        })
    }

    /// The part statuses named (422 for one that is not a part status).
    pub fn part_statuses(&self) -> Result<Vec<PartStatus>, ApiError> {
        part_statuses(self.part_status.as_deref(), "part_status")
    }

    /// The statuses named (422 for one that is not a return status).
    fn statuses(&self) -> Result<Vec<ReturnStatus>, ApiError> {
        self.status
            .as_deref()
            .unwrap_or("")
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| {
                ReturnStatus::parse(s).ok_or_else(|| {
                    ApiError::field(
                        "status",
                        ErrorCode::InvalidChoice,
                        format!("{s} is not a return status"),
                    )
                })
            })
            .collect()
    }
}

/// Returns of the brand, newest first, filtered by status, creation time and
/// order number; `limit` per page after `cursor`.
pub async fn list(
    state: &AppState,
    merchant: &Merchant,
    slug: &str,
    filter: &ReturnFilter,
    limit: i64,
    cursor: Option<String>,
) -> Result<ReturnList, ApiError> {
    let f = filter.to_filter()?;
    let (merchant, slug) = (merchant.clone(), slug.to_string());
    let rows = state
        .db
        .read(move |conn| {
            let brand = merchant_brand(conn, &merchant, &slug)?;
            Ok(crate::db::returns::list(
                conn,
                &brand.id,
                &f,
                cursor.as_deref(),
                limit + 1,
            )?)
        })
        .await?;
    let (rows, next_cursor) = super::super::pagination::paginate(rows, limit, |r| r.ret.id.clone());
    Ok(ReturnList {
        data: views(state, rows)?,
        next_cursor,
    })
}

/// A return of a brand `merchant` may manage (404 otherwise).
fn load(
    conn: &mut DbConn,
    merchant: &Merchant,
    slug: &str,
    id: &str,
) -> Result<FullReturn, ApiError> {
    let brand = merchant_brand(conn, merchant, slug)?;
    crate::db::returns::load(conn, &brand.id, id)?.ok_or_else(super::super::return_not_found)
}

/// A return with items, shipments, labels and resolution.
pub async fn get(
    state: &AppState,
    merchant: &Merchant,
    slug: &str,
    id: &str,
) -> Result<ReturnView, ApiError> {
    let (merchant, slug, id) = (merchant.clone(), slug.to_string(), id.to_string());
    let full = state
        .db
        .read(move |conn| load(conn, &merchant, &slug, &id))
        .await?;
    view(state, full)
}

/// The audit trail, oldest first.
pub async fn events(
    state: &AppState,
    merchant: &Merchant,
    slug: &str,
    id: &str,
) -> Result<EventList, ApiError> {
    let (merchant, slug, id) = (merchant.clone(), slug.to_string(), id.to_string());
    let rows = state
        .db
        .read(move |conn| {
            let full = load(conn, &merchant, &slug, &id)?;
            Ok(crate::db::events::for_return(conn, &full.ret.id)?)
        })
        .await?;
    Ok(EventList {
        data: rows.into_iter().map(EventView::from).collect(),
    })
}

/// The customer e-mails of a return, in event order.
pub async fn notifications(
    state: &AppState,
    merchant: &Merchant,
    slug: &str,
    id: &str,
) -> Result<super::notifications::NotificationList, ApiError> {
    let (merchant, slug, id) = (merchant.clone(), slug.to_string(), id.to_string());
    state
        .db
        .read(move |conn| {
            let full = load(conn, &merchant, &slug, &id)?;
            super::notifications::list(conn, &full.ret.id)
        })
        .await
}

/// Runs one processing step on a return of the brand in one transaction
/// and answers with the return after it.
async fn process<F>(
    state: &AppState,
    merchant: &Merchant,
    slug: &str,
    id: &str,
    mut change: F,
) -> Result<ReturnView, ApiError>
where
    F: FnMut(&mut DbConn, &mut FullReturn, &str, &str) -> Result<Vec<EventRow>, ApiError>
        + Send
        + 'static,
{
    let (merchant, slug, id) = (merchant.clone(), slug.to_string(), id.to_string());
    let render = Renderer::new(state);
    state
        .db
        .write(move |conn| {
            let brand = merchant_brand(conn, &merchant, &slug)?;
            let mut full = crate::db::returns::load_locked(conn, &brand.id, &id)?
                .ok_or_else(super::super::return_not_found)?;
            let brand_id = full.ret.brand_id.clone();
            let events = change(conn, &mut full, &actor(&merchant), &brand_id)?;
            publish(conn, &render, &full, &events)
        })
        .await
}

/// Approves a requested return, wholly or per item (the remainder is
/// recorded as rejected), and enqueues its labels.
pub async fn approve(
    state: &AppState,
    merchant: &Merchant,
    slug: &str,
    id: &str,
    input: ApproveInput,
) -> Result<ReturnView, ApiError> {
    let view = process(
        state,
        merchant,
        slug,
        id,
        move |conn, full, actor, brand_id| approve_loaded(conn, full, actor, brand_id, &input),
    )
    .await?;
    state.jobs.notify();
    Ok(view)
}

/// Approves a loaded, locked return (see [`approve`]), with what follows an
/// approval: its labels' jobs, store credit on approval, instant exchanges.
pub(crate) fn approve_loaded(
    conn: &mut DbConn,
    full: &mut FullReturn,
    actor: &str,
    brand_id: &str,
    input: &ApproveInput,
) -> Result<Vec<EventRow>, ApiError> {
    step(full.ret.status, Action::Approve)?;
    let plan = crate::domain::review::approve(&quantities(full, None), input)?;
    let mut summary = Vec::new();
    for (item, approval) in full.items.iter_mut().zip(&plan) {
        item.approved_quantity = approval.approved as i32;
        item.rejection_reason = approval.rejection_reason.clone();
        crate::db::returns::save_item(conn, item)?;
        summary.push(serde_json::json!({
            "return_item_id": item.id,
            "approved_quantity": item.approved_quantity,
            "rejected_quantity": item.requested_quantity - item.approved_quantity,
            "rejection_reason": item.rejection_reason,
        }));
    }
    let moves = full
        .shipments
        .iter()
        .map(|part| {
            let units: i32 = full
                .items
                .iter()
                .filter(|i| i.shipment_id == part.id)
                .map(|i| i.approved_quantity)
                .sum();
            // A retired vendor answers nothing: its part is the merchant's.
            let must_answer = full
                .vendor_of(part)
                .is_some_and(|v| v.is_active() && !v.auto_approve);
            Move::of(
                &part.id,
                on_merchant_approval(units.max(0) as u32, must_answer),
            )
        })
        .collect();
    let details = serde_json::json!({ "note": input.note, "items": summary });
    let mut events = apply(conn, full, moves, whole(actor, details))?;
    enqueue_new_labels(conn, full)?;
    let (settings, _) = crate::db::settings::get(conn, brand_id)?;
    events.extend(super::exchanges::after_approval(
        conn, &settings, full, actor,
    )?);
    Ok(events)
}

/// Settles a change asked of the whole return.
fn whole(actor: &str, details: serde_json::Value) -> Settle<'_> {
    Settle {
        actor,
        details,
        whole: true,
        always: None,
    }
}

/// The moves of every part in `from` by `action`.
fn every(full: &FullReturn, from: &[PartStatus], action: PartAction) -> Vec<Move> {
    full.shipments
        .iter()
        .filter(|s| from.contains(&s.status))
        .map(|s| Move::of(&s.id, action))
        .collect()
}

/// Rejects a requested return with a reason and a note to the customer.
pub async fn reject(
    state: &AppState,
    merchant: &Merchant,
    slug: &str,
    id: &str,
    rejection: Rejection,
) -> Result<ReturnView, ApiError> {
    rejection.check()?;
    process(state, merchant, slug, id, move |conn, full, actor, _| {
        step(full.ret.status, Action::Reject)?;
        full.ret.rejection = Some(serde_json::to_string(&rejection).map_err(ApiError::internal)?);
        crate::db::returns::save_outcome(conn, &full.ret)?;
        let details = serde_json::to_value(&rejection).map_err(ApiError::internal)?;
        let moves = every(full, &[PartStatus::Requested], PartAction::Reject);
        apply(conn, full, moves, whole(actor, details))
    })
    .await
}

/// Records that the approved parcel was handed to the carrier.
pub async fn ship(
    state: &AppState,
    merchant: &Merchant,
    slug: &str,
    id: &str,
) -> Result<ReturnView, ApiError> {
    process(state, merchant, slug, id, |conn, full, actor, _| {
        step(full.ret.status, Action::Ship)?;
        let moves = every(full, &[PartStatus::Approved], PartAction::Ship);
        apply(conn, full, moves, whole(actor, serde_json::json!({})))
    })
    .await
}

/// Records arriving units; the return becomes `received` when every
/// approved unit is in, else `partially_received`. The same receipt as a
/// scan (`POST …/receipts`): units get their dispositions, the ledger and
/// stock move. With `key`, a retry replays the first answer.
pub async fn receive(
    state: &AppState,
    merchant: &Merchant,
    slug: &str,
    id: &str,
    input: ReceiveInput,
    key: Option<String>,
) -> Result<super::receipts::Scanned, ApiError> {
    let (merchant, slug, id) = (merchant.clone(), slug.to_string(), id.to_string());
    let render = Renderer::new(state);
    state
        .db
        .write(move |conn| {
            let brand = merchant_brand(conn, &merchant, &slug)?;
            let mut full = crate::db::returns::load_locked(conn, &brand.id, &id)?
                .ok_or_else(super::super::return_not_found)?;
            let scope = format!("receive:{id}");
            super::receipts::once(
                conn,
                &brand.id,
                key.as_deref(),
                &scope,
                &input,
                200,
                |conn| {
                    let view = super::receipts::receive_loaded(
                        conn,
                        &render,
                        &mut full,
                        &input,
                        &actor(&merchant),
                    )?;
                    Ok((
                        serde_json::to_string(&view).map_err(ApiError::internal)?,
                        None,
                    ))
                },
            )
        })
        .await
}

/// Records the resolution actually given and completes the return.
pub async fn complete(
    state: &AppState,
    merchant: &Merchant,
    slug: &str,
    id: &str,
    given: ResolutionGiven,
) -> Result<ReturnView, ApiError> {
    process(state, merchant, slug, id, move |conn, full, actor, _| {
        step(full.ret.status, Action::Complete)?;
        given.check(&full.ret.currency)?;
        full.ret.resolution_given =
            Some(serde_json::to_string(&given).map_err(ApiError::internal)?);
        crate::db::returns::save_outcome(conn, &full.ret)?;
        let details = serde_json::to_value(&given).map_err(ApiError::internal)?;
        let received = [PartStatus::Received];
        for part in full.shipments.iter_mut() {
            if received.contains(&part.status) {
                part.commission_reversal = reversal(&full.items, &part.id);
            }
        }
        let moves = every(full, &received, PartAction::Complete);
        let mut events = apply(conn, full, moves, whole(actor, details))?;
        let stated = given
            .amount
            .filter(|_| given.resolution == ResolutionType::StoreCredit);
        events.extend(super::exchanges::issue_credit(
            conn,
            full,
            true,
            stated.map(|m| m.amount),
        )?);
        Ok(events)
    })
    .await
}

/// Records the new sale raised for the replacements of a return's
/// exchanges: the requested reservations of the named items (default:
/// every requested one) are consumed, their units leave the stock, and
/// each item carries the sale's reference. 409 `invalid_transition` when
/// no named item's replacement waits for its sale.
pub async fn record_exchange_order(
    state: &AppState,
    merchant: &Merchant,
    slug: &str,
    id: &str,
    input: ExchangeOrderInput,
) -> Result<ReturnView, ApiError> {
    input.check()?;
    process(state, merchant, slug, id, move |conn, full, actor, _| {
        super::exchanges::exchange_order(conn, full, actor, &input)
    })
    .await
}

/// Records the customer's payment of what a return owes; see
/// [`pay`].
pub async fn record_payment(
    state: &AppState,
    merchant: &Merchant,
    slug: &str,
    id: &str,
    input: PaymentInput,
) -> Result<ReturnView, ApiError> {
    let view = process(
        state,
        merchant,
        slug,
        id,
        move |conn, full, actor, brand_id| pay(conn, full, actor, brand_id, &input),
    )
    .await?;
    state.jobs.notify();
    Ok(view)
}

/// Settles a return waiting in `payment_required` with the payment of its
/// amount due: it then waits for review, or is approved at once when every
/// item's reason auto-approves. The same payment again changes nothing.
fn pay(
    conn: &mut DbConn,
    full: &mut FullReturn,
    actor: &str,
    brand_id: &str,
    input: &PaymentInput,
) -> Result<Vec<EventRow>, ApiError> {
    let reference = input.reference.trim().to_string();
    let currency = crate::domain::money::Currency::parse(&full.ret.currency)
        .ok_or_else(|| ApiError::internal(anyhow::anyhow!("a return without its currency")))?;
    let due = crate::domain::money::Money::new(full.ret.payment_due.unwrap_or(0), currency);
    if full.ret.payment_due.is_none() {
        return Err(ApiError::new(
            ErrorCode::InvalidTransition,
            "This return owes nothing: only a return waiting in payment_required is paid.",
        ));
    }
    input.check(due)?;
    if full.ret.paid_at.is_some() && full.ret.payment_reference.as_deref() == Some(&reference) {
        return Ok(Vec::new());
    }
    step(full.ret.status, Action::Pay)?;
    full.ret.payment_reference = Some(reference.clone());
    full.ret.paid_at = Some(crate::db::now());
    crate::db::returns::save_payment(conn, &full.ret)?;
    crate::db::returns::set_status(conn, &mut full.ret, ReturnStatus::Requested)?;
    let mut events = crate::db::events::event_rows(
        &full.ret,
        vec![crate::db::events::NewEvent {
            event_type: crate::domain::events::EventType::ReturnPaymentReceived,
            actor,
            from: Some(ReturnStatus::PaymentRequired),
            to: Some(ReturnStatus::Requested),
            details: serde_json::json!({ "amount": due, "reference": reference }),
            shipment_id: None,
        }],
    );
    crate::db::events::insert_events(conn, &events, &[])?;
    let (settings, _) = crate::db::settings::get(conn, brand_id)?;
    let auto = full.items.iter().all(|i| {
        settings
            .reasons
            .iter()
            .any(|r| r.code == i.reason_code && r.auto_approve)
    });
    if auto {
        events.extend(approve_loaded(
            conn,
            full,
            "system",
            brand_id,
            &ApproveInput::default(),
        )?);
    }
    Ok(events)
}

/// Cancels a return that has not travelled.
pub async fn cancel_as_merchant(
    state: &AppState,
    merchant: &Merchant,
    slug: &str,
    id: &str,
) -> Result<ReturnView, ApiError> {
    process(state, merchant, slug, id, |conn, full, actor, _| {
        cancel(conn, full, actor)
    })
    .await
}
