//! Moving the parts of a return and settling the return after them: every
//! change of a part goes through the part state machine
//! ([`step_part`]), the return's status is then derived from its parts
//! ([`derive`]), and the events are recorded: the vendor parts' own
//! (`return.vendor_approved`, `return_part.received`, …) and the return's
//! when its derived status moved ([`return_event`]).
//!
//! The helpers the merchant's and the vendor's steps share live here too:
//! item quantities as the review rules read them, receipts recorded on
//! items, the commission given back for a part, part-status filters.

use crate::db::DbConn;
use crate::db::events::NewEvent;
use crate::db::returns::FullReturn;
use crate::db::rows::{EventRow, ItemRow};
use crate::domain::events::EventType;
use crate::domain::parts::{PartAction, PartStatus, derive, part_event, return_event, step_part};
use crate::domain::review::{ItemQuantities, ReceiveInput};
use crate::error::{ApiError, ErrorCode};

/// One change of one part.
pub(crate) struct Move {
    /// Shipment id of the part.
    pub part: String,
    /// What happens to it.
    pub action: PartAction,
    /// Details of its event (merged with the part, vendor and statuses).
    pub details: serde_json::Value,
}

impl Move {
    /// A move without details of its own.
    pub fn of(part: &str, action: PartAction) -> Move {
        Move {
            part: part.to_string(),
            action,
            details: serde_json::json!({}),
        }
    }
}

/// How the return's own event is recorded after the moves.
pub(crate) struct Settle<'a> {
    /// Who acted.
    pub actor: &'a str,
    /// Details of the return's event.
    pub details: serde_json::Value,
    /// The change was asked of the whole return: its event comes first.
    pub whole: bool,
    /// An event the return records even when its status stays (receipts).
    pub always: Option<EventType>,
}

/// Applies `moves` (each refused with the part state machine's 409 when
/// not allowed), derives the return's status from its parts and records
/// the events; returns them in order.
pub(crate) fn apply(
    conn: &mut DbConn,
    full: &mut FullReturn,
    moves: Vec<Move>,
    settle: Settle<'_>,
) -> Result<Vec<EventRow>, ApiError> {
    let from_ret = full.ret.status;
    let now = crate::db::now();
    let mut part_events = Vec::new();
    let mut ended = Vec::new();
    let mut arrived = Vec::new();
    for m in moves {
        let index = full
            .shipments
            .iter()
            .position(|s| s.id == m.part)
            .ok_or_else(part_not_found)?;
        let due = full
            .vendor_of(&full.shipments[index])
            .map(|v| now + chrono::Duration::hours(i64::from(v.response_hours)));
        let part = &mut full.shipments[index];
        let from = part.status;
        let to = step_part(from, m.action)?;
        part.status = to;
        if matches!(to, PartStatus::Rejected | PartStatus::Cancelled) {
            ended.push(part.id.clone());
        }
        if matches!(to, PartStatus::PartiallyReceived | PartStatus::Received) {
            arrived.push(part.id.clone());
        }
        if m.action == PartAction::AwaitVendor {
            part.vendor_due_at = due;
        }
        crate::db::returns::save_part(conn, part)?;
        if let (Some(vendor), Some(event_type)) =
            (part.vendor_id.clone(), part_event(from, m.action, to))
        {
            let mut details = serde_json::json!({
                "part_id": part.id,
                "vendor_id": vendor,
                "from": from,
                "to": to,
            });
            if to == PartStatus::AwaitingVendor
                && let (Some(d), Some(due)) = (details.as_object_mut(), part.vendor_due_at)
            {
                d.insert("due_at".into(), due_at(due));
            }
            if let (Some(d), serde_json::Value::Object(extra)) =
                (details.as_object_mut(), m.details)
            {
                d.extend(extra);
            }
            part_events.push((event_type, part.id.clone(), details));
        }
    }
    release_ended_exchanges(conn, full, &ended, now)?;
    part_events.extend(request_replacements(conn, full, &arrived, now)?);
    let to_ret = crate::domain::return_status::settle(from_ret, derive(&full.part_statuses()));
    crate::db::returns::set_status(conn, &mut full.ret, to_ret)?;
    let own = settle.always.or_else(|| return_event(from_ret, to_ret));
    let mut events: Vec<NewEvent<'_>> = part_events
        .iter()
        .map(|(event_type, part, details)| NewEvent {
            event_type: *event_type,
            actor: settle.actor,
            from: None,
            to: None,
            details: details.clone(),
            shipment_id: Some(part.as_str()),
        })
        .collect();
    if let Some(event_type) = own {
        let event = NewEvent {
            event_type,
            actor: settle.actor,
            from: Some(from_ret),
            to: Some(to_ret),
            details: settle.details,
            shipment_id: None,
        };
        if settle.whole {
            events.insert(0, event);
        } else {
            events.push(event);
        }
    }
    let rows = crate::db::events::event_rows(&full.ret, events);
    crate::db::events::insert_events(conn, &rows, &[])?;
    Ok(rows)
}

/// Gives back the stock reserved for the exchanges of the parts that
/// were just rejected or cancelled (no query when the return has none).
fn release_ended_exchanges(
    conn: &mut DbConn,
    full: &FullReturn,
    ended: &[String],
    now: chrono::NaiveDateTime,
) -> Result<(), ApiError> {
    let items: Vec<String> = full
        .items
        .iter()
        .filter(|i| i.variant_sku.is_some() && ended.contains(&i.shipment_id))
        .map(|i| i.id.clone())
        .collect();
    crate::db::catalogue::release_items(conn, &items, now)?;
    Ok(())
}

/// Asks for the replacements of the exchanges of the parts whose units
/// just arrived (their reservations move from held to requested, once):
/// one `exchange.requested` per such part, with the replacements, the
/// customer's shipping address and the reservations. No query when the
/// return has no exchange.
pub(crate) fn request_replacements(
    conn: &mut DbConn,
    full: &FullReturn,
    arrived: &[String],
    now: chrono::NaiveDateTime,
) -> Result<Vec<(EventType, String, serde_json::Value)>, ApiError> {
    let items: Vec<String> = full
        .items
        .iter()
        .filter(|i| i.variant_sku.is_some() && arrived.contains(&i.shipment_id))
        .map(|i| i.id.clone())
        .collect();
    let requested = crate::db::catalogue::request_items(conn, &items, now)?;
    if requested.is_empty() {
        return Ok(Vec::new());
    }
    let address = crate::db::orders::by_id(conn, &full.ret.brand_id, &full.ret.order_id)?
        .map(|row| row.order())
        .transpose()?
        .map(|order| order.shipping_address);
    let mut events = Vec::new();
    for part in full.shipments.iter().filter(|s| arrived.contains(&s.id)) {
        let replacements: Vec<serde_json::Value> = requested
            .iter()
            .filter_map(|r| {
                let item = full.items.iter().find(|i| i.id == r.item_id)?;
                (item.shipment_id == part.id).then(|| {
                    serde_json::json!({
                        "return_item_id": item.id,
                        "order_line_id": item.order_line_id,
                        "sku": item.sku,
                        "variant_sku": r.sku,
                        "quantity": r.quantity,
                        "price_difference": { "amount": item.price_difference.unwrap_or(0), "currency": full.ret.currency },
                        "reservation_id": r.id,
                    })
                })
            })
            .collect();
        if replacements.is_empty() {
            continue;
        }
        events.push((
            EventType::ExchangeRequested,
            part.id.clone(),
            serde_json::json!({
                "part_id": part.id,
                "vendor_id": part.vendor_id,
                "replacements": replacements,
                "shipping_address": address,
            }),
        ));
    }
    Ok(events)
}

/// A vendor's deadline as events carry it: RFC 3339 with microseconds,
/// so the deadline job reads back exactly the stored time.
pub(crate) fn due_at(due: chrono::NaiveDateTime) -> serde_json::Value {
    due.and_utc()
        .to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
        .into()
}

/// The 404 of a part that is not the return's (or not the caller's).
pub(crate) fn part_not_found() -> ApiError {
    ApiError::new(
        ErrorCode::PartNotFound,
        "No part of this return has this id for this key.",
    )
}

/// The quantities of a return's items as the review rules read them (all
/// items, or those of one part).
pub(crate) fn quantities(full: &FullReturn, part: Option<&str>) -> Vec<ItemQuantities> {
    full.items
        .iter()
        .filter(|i| part.is_none_or(|p| i.shipment_id == p))
        .map(|i| ItemQuantities {
            id: i.id.clone(),
            requested: i.requested_quantity.max(0) as u32,
            approved: i.approved_quantity.max(0) as u32,
            received: i.received_quantity.max(0) as u32,
        })
        .collect()
}

/// Records checked arrivals on their items and gives the move of every
/// part they arrived for: all of its approved units in, or some (409 when
/// a part cannot take receipts, e.g. while it waits for its vendor).
pub(crate) fn receive_items(
    conn: &mut DbConn,
    full: &mut FullReturn,
    input: &ReceiveInput,
) -> Result<Vec<Move>, ApiError> {
    let mut touched: Vec<String> = Vec::new();
    for a in &input.items {
        if let Some(item) = full.items.iter_mut().find(|it| it.id == a.return_item_id) {
            item.received_quantity += a.quantity as i32;
            item.damaged_quantity += a.damaged_quantity as i32;
            if a.condition_code.is_some() {
                item.received_condition_code = a.condition_code.clone();
            }
            crate::db::returns::save_item(conn, item)?;
            if !touched.contains(&item.shipment_id) {
                touched.push(item.shipment_id.clone());
            }
        }
    }
    Ok(touched
        .into_iter()
        .map(|part| {
            let all_in = full
                .items
                .iter()
                .filter(|i| i.shipment_id == part)
                .all(|i| i.received_quantity >= i.approved_quantity);
            let action = if all_in {
                PartAction::ReceiveAll
            } else {
                PartAction::ReceivePart
            };
            Move::of(&part, action)
        })
        .collect())
}

/// The commission given back for a part: that of its received units.
pub(crate) fn reversal(items: &[ItemRow], part: &str) -> Option<i64> {
    let units: Vec<(Option<i64>, u32)> = items
        .iter()
        .filter(|i| i.shipment_id == part)
        .map(|i| (i.unit_commission, i.received_quantity.max(0) as u32))
        .collect();
    crate::domain::parts::commission_reversal(&units)
}

/// Part statuses of a comma-separated query parameter (422 naming
/// `field` for one that is not a part status).
pub(crate) fn part_statuses(raw: Option<&str>, field: &str) -> Result<Vec<PartStatus>, ApiError> {
    raw.unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            PartStatus::parse(s).ok_or_else(|| {
                ApiError::field(
                    field,
                    ErrorCode::InvalidChoice,
                    format!("{s} is not a part status"),
                )
            })
        })
        .collect()
}
