//! Label rows as the label job and the label endpoints use them.

use diesel::prelude::*;

use super::returns::{EventRow, LabelRow, NewEvent, ReturnRow, ShipmentRow};
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
        labels::status.eq(LabelStatus::Ready.as_str()),
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
    Ok(Some(super::returns::record_event(conn, ret, event)?))
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
        labels::status.eq(LabelStatus::Failed.as_str()),
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
    Ok(Some(super::returns::record_event(conn, ret, event)?))
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
