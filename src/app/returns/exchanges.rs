//! What follows an approval or a payment, for the money and the
//! replacements of a return: store credit issued on approval (the brand's
//! choice) or at completion, once; instant exchanges released at approval
//! with a deadline for the original's scan, and the job that finds it
//! missed; the payment of what dearer exchanges cost.

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::Deserialize;

use super::due::{Due, act_on_return};
use crate::app::AppState;
use crate::db::DbConn;
use crate::db::events::NewEvent;
use crate::db::outbox::{EXCHANGE_DEADLINE, JobRow, PAYMENT_DEADLINE};
use crate::db::returns::FullReturn;
use crate::db::rows::EventRow;
use crate::domain::events::EventType;
use crate::domain::exchanges::{
    AtScanDeadline, at_payment_deadline, at_scan_deadline, is_instant, scan_deadline,
};
use crate::domain::money::{Currency, Money};
use crate::domain::parts::PartStatus;
use crate::domain::pricing::{approved_share, earning_units};
use crate::domain::returns::ResolutionRequest;
use crate::domain::settings::{ResolutionType, ReturnsSettings};
use crate::error::{ApiError, ErrorCode};
use crate::jobs::{JobError, Ran};

/// The value of the store-credit items of a return (minor units): as
/// requested, and of the units that earn it (`approved − damaged` when
/// `at_completion`, else approved).
fn credit_values(full: &FullReturn, at_completion: bool) -> (i64, i64) {
    let whole: Option<ResolutionRequest> = serde_json::from_str(&full.ret.resolution).ok();
    let whole = whole.map(|r| r.resolution);
    let mut requested = 0i64;
    let mut earned = 0i64;
    for item in &full.items {
        let resolution = item
            .resolution
            .as_deref()
            .and_then(ResolutionType::parse)
            .or(whole);
        if resolution != Some(ResolutionType::StoreCredit) {
            continue;
        }
        let units = earning_units(item.approved_quantity, item.damaged_quantity, at_completion);
        requested = requested.saturating_add(
            item.unit_price
                .saturating_mul(i64::from(item.requested_quantity)),
        );
        earned = earned.saturating_add(item.unit_price.saturating_mul(units));
    }
    (requested, earned)
}

/// The store credit a return issues now: its fixed credit's share for the
/// units that earn it, or `given` when the merchant stated the amount.
fn credit_amount(full: &FullReturn, at_completion: bool, given: Option<i64>) -> Option<i64> {
    let fixed = full.ret.store_credit?;
    if let Some(amount) = given {
        return Some(amount);
    }
    let (requested, earned) = credit_values(full, at_completion);
    Some(approved_share(fixed, requested, earned))
}

fn credit_event(full: &FullReturn, amount: i64) -> NewEvent<'static> {
    let currency = Currency::parse(&full.ret.currency).unwrap_or(Currency::EUR);
    NewEvent {
        event_type: EventType::StoreCreditIssued,
        actor: "system",
        from: None,
        to: None,
        details: serde_json::json!({
            "amount": Money::new(amount, currency),
            "order_id": full.ret.order_id,
        }),
        shipment_id: None,
    }
}

/// Store credit issued with a return auto-approved at creation, when the
/// brand credits on approval (nothing written: the creation writes it).
pub(crate) fn credit_on_creation(
    full: &mut FullReturn,
    now: NaiveDateTime,
) -> Option<NewEvent<'static>> {
    let amount = credit_amount(full, false, None)?;
    full.ret.store_credit_issued_at = Some(now);
    Some(credit_event(full, amount))
}

/// Issues the return's store credit, once whatever retries or nodes do
/// (guarded by `store_credit_issued_at` in the change's transaction): its
/// `store_credit.issued` event, or none when it has no credit or already
/// issued it.
pub(crate) fn issue_credit(
    conn: &mut DbConn,
    full: &mut FullReturn,
    at_completion: bool,
    given: Option<i64>,
) -> Result<Vec<EventRow>, ApiError> {
    let Some(amount) = credit_amount(full, at_completion, given) else {
        return Ok(Vec::new());
    };
    if full.ret.store_credit_issued_at.is_some()
        || !crate::db::returns::issue_store_credit(conn, &mut full.ret, crate::db::now())?
    {
        return Ok(Vec::new());
    }
    let rows = crate::db::events::event_rows(&full.ret, vec![credit_event(full, amount)]);
    crate::db::events::insert_events(conn, &rows, &[])?;
    Ok(rows)
}

/// What follows the approval of a return (by the merchant, by its reasons
/// after a payment): store credit when the brand credits on approval, and
/// the replacements of instant exchanges.
pub(crate) fn after_approval(
    conn: &mut DbConn,
    settings: &ReturnsSettings,
    full: &mut FullReturn,
    actor: &str,
) -> Result<Vec<EventRow>, ApiError> {
    let mut events = Vec::new();
    if settings.store_credit_on_approval && approved(full) {
        events.extend(issue_credit(conn, full, false, None)?);
    }
    events.extend(release_instant(conn, settings, full, actor)?);
    Ok(events)
}

fn approved(full: &FullReturn) -> bool {
    full.shipments
        .iter()
        .any(|s| matches!(s.status, PartStatus::Approved | PartStatus::AwaitingVendor))
}

/// Releases the replacements of an approved return's exchanges at once
/// when they are instant ([`is_instant`]): their reservations are
/// requested, `exchange.requested` carries `instant` and the deadline,
/// and the return carries the deadline (a job checks it then).
pub(crate) fn release_instant(
    conn: &mut DbConn,
    settings: &ReturnsSettings,
    full: &mut FullReturn,
    actor: &str,
) -> Result<Vec<EventRow>, ApiError> {
    let Some(terms) = settings.instant_exchange.as_ref() else {
        return Ok(Vec::new());
    };
    let parts: Vec<String> = full
        .shipments
        .iter()
        .filter(|s| s.status == PartStatus::Approved)
        .filter(|s| {
            full.items.iter().any(|i| {
                i.shipment_id == s.id && i.variant_sku.is_some() && i.approved_quantity > 0
            })
        })
        .map(|s| s.id.clone())
        .collect();
    if parts.is_empty() {
        return Ok(Vec::new());
    }
    let order = crate::db::orders::by_id(conn, &full.ret.brand_id, &full.ret.order_id)?;
    let value = order
        .as_ref()
        .map(|o| o.order())
        .transpose()?
        .map_or(0, |o| {
            o.lines
                .iter()
                .map(|l| l.unit_price.amount.saturating_mul(i64::from(l.quantity)))
                .fold(0, i64::saturating_add)
        });
    let others = if terms.require_no_open_returns {
        crate::db::returns::other_open_returns(conn, &full.ret)?
    } else {
        0
    };
    if !is_instant(Some(terms), value, others) {
        return Ok(Vec::new());
    }
    let now = crate::db::now();
    // A part approved later (a vendor's) keeps the return's first deadline.
    let due = full
        .ret
        .exchange_due_at
        .unwrap_or_else(|| scan_deadline(terms, now));
    let requested = super::parts::request_replacements(conn, full, &parts, now)?;
    if requested.is_empty() {
        return Ok(Vec::new());
    }
    if full.ret.exchange_due_at.is_none() {
        crate::db::returns::set_exchange_due(conn, &mut full.ret, Some(due))?;
    }
    let events = requested
        .into_iter()
        .map(|(event_type, part, mut details)| {
            if let Some(d) = details.as_object_mut() {
                d.insert("instant".into(), true.into());
                d.insert("due_at".into(), super::parts::due_at(due));
            }
            (event_type, part, details)
        })
        .collect::<Vec<_>>();
    let rows = crate::db::events::event_rows(
        &full.ret,
        events
            .iter()
            .map(|(event_type, part, details)| NewEvent {
                event_type: *event_type,
                actor,
                from: None,
                to: None,
                details: details.clone(),
                shipment_id: Some(part.as_str()),
            })
            .collect(),
    );
    crate::db::events::insert_events(conn, &rows, &[])?;
    Ok(rows)
}

/// Records the new sale raised for the replacements of a loaded, locked
/// return's exchanges (the merchant's `POST …/exchange-orders`, or a
/// vendor's for its part): the requested reservations of the named items
/// (default: every requested one) are consumed, and each item carries the
/// sale's reference. 409 `invalid_transition` when none waits for its sale.
pub(crate) fn exchange_order(
    conn: &mut DbConn,
    full: &mut FullReturn,
    actor: &str,
    input: &crate::domain::review::ExchangeOrderInput,
) -> Result<Vec<EventRow>, ApiError> {
    for (n, item) in input.return_item_ids.iter().enumerate() {
        if !full
            .items
            .iter()
            .any(|i| &i.id == item && i.variant_sku.is_some())
        {
            return Err(ApiError::validation(vec![crate::error::FieldError::new(
                format!("return_item_ids[{n}]"),
                ErrorCode::NotFound,
                "not an exchanged item of this return",
            )]));
        }
    }
    let named: Vec<String> = full
        .items
        .iter()
        .filter(|i| i.variant_sku.is_some() && i.exchange_order.is_none())
        .filter(|i| input.return_item_ids.is_empty() || input.return_item_ids.contains(&i.id))
        .map(|i| i.id.clone())
        .collect();
    let now = crate::db::now();
    let consumed = crate::db::catalogue::consume_items(conn, &named, now)?;
    if consumed.is_empty() {
        return Err(ApiError::new(
            ErrorCode::InvalidTransition,
            "No replacement of this return waits for its sale: exchanges are ordered once their parcel arrived, once each.",
        ));
    }
    let reference = input.reference.trim().to_string();
    let items: Vec<String> = consumed.iter().map(|r| r.item_id.clone()).collect();
    crate::db::catalogue::set_exchange_order(conn, &items, &reference)?;
    for item in full.items.iter_mut().filter(|i| items.contains(&i.id)) {
        item.exchange_order = Some(reference.clone());
    }
    let details = serde_json::json!({
        "reference": reference,
        "items": consumed.iter().map(|r| serde_json::json!({
            "return_item_id": r.item_id, "variant_sku": r.sku, "quantity": r.quantity,
        })).collect::<Vec<_>>(),
    });
    // An order for one part's replacements is that part's event (its
    // vendor hears of it).
    let mut parts: Vec<&str> = full
        .items
        .iter()
        .filter(|i| items.contains(&i.id))
        .map(|i| i.shipment_id.as_str())
        .collect();
    parts.dedup();
    let rows = crate::db::events::event_rows(
        &full.ret,
        vec![crate::db::events::NewEvent {
            event_type: crate::domain::events::EventType::ExchangeOrdered,
            actor,
            from: None,
            to: None,
            details,
            shipment_id: (parts.len() == 1).then(|| parts[0]),
        }],
    );
    crate::db::events::insert_events(conn, &rows, &[])?;
    Ok(rows)
}

/// The deadline job of an instant exchange released at `event`, due at `due`.
pub(crate) fn deadline_job(event: &EventRow, due: NaiveDateTime) -> JobRow {
    let due_at = due.and_utc();
    let mut job = crate::db::outbox::new_job(
        EXCHANGE_DEADLINE,
        &event.brand_id,
        &event.return_id,
        Some(&format!(
            "exchange-deadline:{}:{}",
            event.return_id,
            due_at.timestamp_micros()
        )),
        &serde_json::json!({ "due_at": due_at }),
    );
    job.run_at = due;
    job
}

/// The payment deadline job of a return created `payment_required` at
/// `event`, due at `due`.
pub(crate) fn payment_job(event: &EventRow, due: NaiveDateTime) -> JobRow {
    let due_at = due.and_utc();
    let mut job = crate::db::outbox::new_job(
        PAYMENT_DEADLINE,
        &event.brand_id,
        &event.return_id,
        Some(&format!("payment-deadline:{}", event.return_id)),
        &serde_json::json!({ "due_at": due_at }),
    );
    job.run_at = due;
    job
}

/// Runs a payment deadline job: a return still waiting for its payment is
/// cancelled by the system (`return.cancelled` with the reason
/// `payment_expired`), its reserved units released.
pub async fn run_payment_deadline(state: &AppState, job: &JobRow) -> Result<Ran, JobError> {
    let task: Task = serde_json::from_str(&job.payload)
        .map_err(|e| JobError::Permanent(format!("a payment deadline without its time: {e}")))?;
    let due = task.due_at.naive_utc();
    act_on_return(state, job, move |conn, full, now| {
        Ok(match at_payment_deadline(full.ret.status, due, now) {
            AtScanDeadline::Nothing => Due::Nothing,
            AtScanDeadline::WaitUntil(at) => Due::WaitUntil(at),
            AtScanDeadline::Overdue => {
                let details = serde_json::json!({
                    "reason": "payment_expired", "due_at": super::parts::due_at(due),
                });
                Due::Acted(super::cancel_because(conn, full, "system", details)?)
            }
        })
    })
    .await
}

#[derive(Deserialize)]
struct Task {
    due_at: DateTime<Utc>,
}

/// Runs an instant exchange's deadline job: `exchange.overdue` once when
/// no carrier scanned the original in transit by the deadline.
pub async fn run_deadline(state: &AppState, job: &JobRow) -> Result<Ran, JobError> {
    let task: Task = serde_json::from_str(&job.payload)
        .map_err(|e| JobError::Permanent(format!("an exchange deadline without its time: {e}")))?;
    let scheduled = task.due_at.naive_utc();
    act_on_return(state, job, move |conn, full, now| {
        Ok(
            match at_scan_deadline(full.ret.status, scheduled, full.ret.exchange_due_at, now) {
                AtScanDeadline::Nothing => Due::Nothing,
                AtScanDeadline::WaitUntil(at) => Due::WaitUntil(at),
                AtScanDeadline::Overdue => Due::Acted(overdue(conn, full, scheduled)?),
            },
        )
    })
    .await
}

/// Records that an instant exchange's original was not scanned by
/// `scheduled` (once: the deadline is cleared in the same transaction).
fn overdue(
    conn: &mut DbConn,
    full: &mut FullReturn,
    scheduled: NaiveDateTime,
) -> Result<Vec<EventRow>, ApiError> {
    crate::db::returns::set_exchange_due(conn, &mut full.ret, None)?;
    let items: Vec<serde_json::Value> = full
        .items
        .iter()
        .filter(|i| i.variant_sku.is_some())
        .map(|i| {
            serde_json::json!({
                "return_item_id": i.id, "sku": i.sku, "variant_sku": i.variant_sku,
            })
        })
        .collect();
    let rows = crate::db::events::event_rows(
        &full.ret,
        vec![NewEvent {
            event_type: EventType::ExchangeOverdue,
            actor: "system",
            from: None,
            to: None,
            details: serde_json::json!({
                "due_at": super::parts::due_at(scheduled),
                "items": items,
            }),
            shipment_id: None,
        }],
    );
    crate::db::events::insert_events(conn, &rows, &[])?;
    Ok(rows)
}
