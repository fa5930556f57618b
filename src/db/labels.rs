//! Labels: a shipment's pending label created with the job that produces
//! it, the label job's reads and results, voiding on cancellation, and the
//! reads of the label endpoints.

use diesel::prelude::*;

use super::events::NewEvent;
use super::outbox::JobRow;
use super::rows::{EventRow, LabelRow, ReturnRow, ShipmentRow};
use super::schema::{labels, return_shipments, returns};
use super::{DbConn, DbError, DbResult, OneRow};
use crate::domain::events::EventType;
use crate::domain::labels::{LabelEvent, LabelStatus};

/// Stored forms of `list`.
pub(super) fn statuses(list: Vec<LabelStatus>) -> Vec<&'static str> {
    list.into_iter().map(LabelStatus::as_str).collect()
}

/// A label by id.
pub fn by_id(conn: &mut DbConn, id: &str) -> DbResult<Option<LabelRow>> {
    Ok(labels::table
        .find(id)
        .select(LabelRow::as_select())
        .one(conn)?)
}

/// Everything a label job needs.
pub struct LabelContext {
    /// The label.
    pub label: LabelRow,
    /// Its shipment.
    pub shipment: ShipmentRow,
    /// Its return.
    pub ret: ReturnRow,
    /// The order.
    pub order: crate::domain::orders::Order,
    /// The chosen service point, if any.
    pub service_point: Option<super::service_points::ServicePointRow>,
}

/// Loads a label with its shipment, return, order and service point.
pub fn context(conn: &mut DbConn, label_id: &str) -> DbResult<Option<LabelContext>> {
    let Some(label) = by_id(conn, label_id)? else {
        return Ok(None);
    };
    let shipment = return_shipments::table
        .find(&label.shipment_id)
        .select(ShipmentRow::as_select())
        .one(conn)?
        .ok_or(diesel::result::Error::NotFound)?;
    let ret = returns::table
        .find(&label.return_id)
        .select(ReturnRow::as_select())
        .one(conn)?
        .ok_or(diesel::result::Error::NotFound)?;
    let order = super::orders::by_id(conn, &ret.brand_id, &ret.order_id)?
        .ok_or_else(|| DbError::Invariant(format!("the order of return {} is missing", ret.id)))?
        .order()?;
    let method: crate::domain::returns::MethodRequest = serde_json::from_str(&ret.return_method)?;
    let service_point = match method.service_point_id {
        Some(id) => super::service_points::by_id(conn, &id)?,
        None => None,
    };
    Ok(Some(LabelContext {
        label,
        shipment,
        ret,
        order,
        service_point,
    }))
}

/// Marks a pending label ready, with its event; `None` when it was no longer
/// pending (cancelled, or produced by an earlier run): the label state
/// machine decides which statuses may move.
pub fn mark_ready(
    conn: &mut DbConn,
    ret: &ReturnRow,
    (label_id, shipment_id): (&str, &str),
    tracking: &str,
    dropoff_code: Option<&str>,
    file_path: Option<&str>,
) -> DbResult<Option<EventRow>> {
    let updated = diesel::update(
        labels::table
            .find(label_id)
            .filter(labels::status.eq_any(statuses(LabelStatus::sources(LabelEvent::Produced)))),
    )
    .set((
        labels::status.eq(LabelStatus::Ready),
        labels::tracking_number.eq(Some(tracking)),
        labels::dropoff_code.eq(dropoff_code),
        labels::file_path.eq(file_path),
        labels::updated_at.eq(super::now()),
    ))
    .execute(conn)?;
    if updated == 0 {
        return Ok(None);
    }
    let event = NewEvent {
        event_type: EventType::LabelReady,
        actor: "system",
        from: None,
        to: None,
        details: serde_json::json!({ "label_id": label_id, "tracking_number": tracking }),
        shipment_id: Some(shipment_id),
    };
    Ok(Some(super::events::record_event(conn, ret, event)?))
}

/// Marks a pending label failed for good, with its event (`None` when it
/// was no longer pending).
pub fn mark_failed(
    conn: &mut DbConn,
    ret: &ReturnRow,
    (label_id, shipment_id): (&str, &str),
    error: &str,
) -> DbResult<Option<EventRow>> {
    let updated = diesel::update(
        labels::table
            .find(label_id)
            .filter(labels::status.eq_any(statuses(LabelStatus::sources(LabelEvent::Refused)))),
    )
    .set((
        labels::status.eq(LabelStatus::Failed),
        labels::error.eq(Some(error)),
        labels::updated_at.eq(super::now()),
    ))
    .execute(conn)?;
    if updated == 0 {
        return Ok(None);
    }
    let event = NewEvent {
        event_type: EventType::LabelFailed,
        actor: "system",
        from: None,
        to: None,
        details: serde_json::json!({ "label_id": label_id, "reason": error }),
        shipment_id: Some(shipment_id),
    };
    Ok(Some(super::events::record_event(conn, ret, event)?))
}

/// Labels whose PDF is named by an absolute file path (rows written before
/// blobs were stored by key): `(label id, path)`.
pub fn with_file_paths(conn: &mut DbConn) -> DbResult<Vec<(String, String)>> {
    Ok(labels::table
        .filter(labels::file_path.like("/%"))
        .select((labels::id, labels::file_path.assume_not_null()))
        .order(labels::id)
        .load(conn)?)
}

/// Renames the PDF of a label from the file path `old` to the blob key
/// `key`; false when the row no longer names `old`.
pub fn set_blob_key(conn: &mut DbConn, label_id: &str, old: &str, key: &str) -> DbResult<bool> {
    Ok(diesel::update(
        labels::table
            .find(label_id)
            .filter(labels::file_path.eq(old)),
    )
    .set(labels::file_path.eq(key))
    .execute(conn)?
        > 0)
}

/// Creates the pending label of a shipment and its job, once: a second call
/// for the same shipment changes nothing.
pub fn enqueue(conn: &mut DbConn, label: &LabelRow) -> DbResult<()> {
    let inserted = crate::per_backend!(&mut *conn, c => diesel::insert_into(labels::table)
        .values(label)
        .on_conflict(labels::shipment_id)
        .do_nothing()
        .execute(c))?;
    if inserted == 1 {
        super::outbox::enqueue_all(conn, &[job(label)])?;
    }
    Ok(())
}

/// The job that produces `label` (one per shipment, deduplicated by it).
pub fn job(label: &LabelRow) -> JobRow {
    let payload = serde_json::json!({ "label_id": label.id, "shipment_id": label.shipment_id });
    super::outbox::new_job(
        super::outbox::LABEL,
        &label.brand_id,
        &label.shipment_id,
        Some(&format!("label:{}", label.shipment_id)),
        &payload,
    )
}

/// Voids the labels of a cancelled return (pending or ready: a printed label
/// must not be used any more) and cancels their pending jobs.
pub fn cancel_for_return(conn: &mut DbConn, return_id: &str) -> DbResult<usize> {
    let voidable = statuses(LabelStatus::sources(LabelEvent::Voided));
    let shipments: Vec<String> = labels::table
        .filter(labels::return_id.eq(return_id))
        .filter(labels::status.eq_any(&voidable))
        .select(labels::shipment_id)
        .load(conn)?;
    diesel::update(
        labels::table
            .filter(labels::return_id.eq(return_id))
            .filter(labels::status.eq_any(&voidable)),
    )
    .set((
        labels::status.eq(LabelStatus::Cancelled),
        labels::updated_at.eq(super::now()),
    ))
    .execute(conn)?;
    super::outbox::cancel_for(conn, &shipments)?;
    Ok(shipments.len())
}
