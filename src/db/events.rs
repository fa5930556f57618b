//! A return's audit events and the webhook jobs they publish: recorded in
//! the transaction of the change they describe, delivered by the outbox.

use diesel::prelude::*;
use serde_json::value::RawValue;

use super::outbox::JobRow;
use super::rows::{EventRow, ReturnRow};
use super::schema::return_events;
use super::{DbConn, DbError, DbResult, OneRow};
use crate::domain::events::{Envelope, EventType};
use crate::domain::return_status::ReturnStatus;

/// The audit trail of a return, oldest first.
pub fn for_return(conn: &mut DbConn, return_id: &str) -> DbResult<Vec<EventRow>> {
    Ok(return_events::table
        .filter(return_events::return_id.eq(return_id))
        .order(return_events::id.asc())
        .select(EventRow::as_select())
        .load(conn)?)
}

/// The part an event concerns, when it concerns one.
pub struct EventPart {
    /// The part (`rsh_…`).
    pub part_id: String,
    /// The part's vendor (none: the in-house part).
    pub vendor_id: Option<String>,
}

/// The part the event `event_id` concerns (`None` for an event of the
/// whole return, or no such event).
pub fn part_of(conn: &mut DbConn, event_id: &str) -> DbResult<Option<EventPart>> {
    use super::schema::return_shipments;
    let found: Option<Option<String>> = return_events::table
        .find(event_id)
        .select(return_events::shipment_id)
        .one(conn)?;
    let Some(Some(part_id)) = found else {
        return Ok(None);
    };
    let vendor_id: Option<Option<String>> = return_shipments::table
        .find(&part_id)
        .select(return_shipments::vendor_id)
        .one(conn)?;
    Ok(vendor_id.map(|vendor_id| EventPart { part_id, vendor_id }))
}

/// An event to record with [`record_event`] or [`event_rows`].
pub struct NewEvent<'a> {
    /// What happened.
    pub event_type: EventType,
    /// `customer`, `system`, `merchant:…`, `carrier:…`.
    pub actor: &'a str,
    /// Status before.
    pub from: Option<ReturnStatus>,
    /// Status after.
    pub to: Option<ReturnStatus>,
    /// Free-form details.
    pub details: serde_json::Value,
    /// The part it concerns, for events of one part.
    pub shipment_id: Option<&'a str>,
}

/// Records an event in the audit trail. Its webhook goes out with
/// [`publish`], once the change it belongs to is complete.
pub fn record_event(conn: &mut DbConn, ret: &ReturnRow, event: NewEvent<'_>) -> DbResult<EventRow> {
    let mut rows = event_rows(ret, vec![event]);
    crate::per_backend!(&mut *conn, c => diesel::insert_into(return_events::table)
        .values(&rows)
        .execute(c))?;
    rows.pop()
        .ok_or_else(|| DbError::Invariant("no event recorded".into()))
}

/// Enqueues the webhook jobs of events recorded in this transaction, each
/// carrying `data`: the return as the merchant API shows it after the
/// change (its JSON).
pub fn publish(conn: &mut DbConn, events: &[EventRow], data: &RawValue) -> DbResult<()> {
    match events.first() {
        Some(first) if super::webhooks::any_enabled(conn, &first.brand_id)? => {
            super::outbox::enqueue_all(conn, &event_jobs(events, data))
        }
        _ => Ok(()),
    }
}

/// Inserts events and their outbox rows: one statement each.
pub fn insert_events(conn: &mut DbConn, rows: &[EventRow], jobs: &[JobRow]) -> DbResult<()> {
    crate::per_backend!(&mut *conn, c => diesel::insert_into(return_events::table)
        .values(rows)
        .execute(c))?;
    super::outbox::enqueue_all(conn, jobs)
}

/// The rows of new events of a return (nothing written).
pub fn event_rows(ret: &ReturnRow, events: Vec<NewEvent<'_>>) -> Vec<EventRow> {
    let created_at = super::now();
    events
        .into_iter()
        .map(|e| EventRow {
            id: crate::domain::ids::new_id("evt"),
            return_id: ret.id.clone(),
            brand_id: ret.brand_id.clone(),
            event_type: e.event_type.as_str().to_string(),
            actor: e.actor.to_string(),
            from_status: e.from,
            to_status: e.to,
            details: e.details.to_string(),
            created_at,
            shipment_id: e.shipment_id.map(str::to_string),
        })
        .collect()
}

/// The webhook jobs of events: one per event, its payload the envelope to
/// deliver (the same bytes on every attempt and to every endpoint).
pub fn event_jobs(events: &[EventRow], data: &RawValue) -> Vec<JobRow> {
    events
        .iter()
        .filter_map(|event| {
            let event_type = EventType::parse(&event.event_type)?;
            let envelope = Envelope {
                id: &event.id,
                event_type,
                created_at: event.created_at.and_utc(),
                data,
            };
            Some(super::outbox::new_raw_job(
                super::outbox::WEBHOOK,
                &event.brand_id,
                &event.return_id,
                Some(&format!("webhook:{}", event.id)),
                envelope.to_json(),
            ))
        })
        .collect()
}
