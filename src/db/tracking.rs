//! Carrier scans of return shipments (`tracking_events`) and the current
//! tracking status each shipment keeps: the parcel a scan names, its return
//! locked for the change, a scan stored once.
//!
//! The unique indexes on `(shipment_id, status, occurred_at)` and
//! `(shipment_id, carrier_event_id)` are the duplicate rule of
//! `domain::tracking` in storage: the domain decides before anything is
//! written, the indexes make sure a scan that slipped past it is still
//! stored only once.

use diesel::prelude::*;

use super::rows::{LabelRow, ShipmentRow, TrackingEventRow};
use super::schema::{labels, return_shipments, tracking_events};
use super::{DbConn, DbResult};
use crate::domain::tracking::TrackingStatus;

/// The label of the parcel `carrier` knows by `tracking_number` (the newest
/// when a number was ever given twice).
pub fn label_by_tracking(
    conn: &mut DbConn,
    carrier: &str,
    tracking_number: &str,
) -> DbResult<Option<LabelRow>> {
    Ok(labels::table
        .filter(labels::carrier.eq(carrier))
        .filter(labels::tracking_number.eq(tracking_number))
        .order((labels::created_at.desc(), labels::id.desc()))
        .limit(1)
        .select(LabelRow::as_select())
        .load(conn)?
        .into_iter()
        .next())
}

/// Stores a scan unless its shipment already has it; whether it was stored.
pub fn insert(conn: &mut DbConn, row: &TrackingEventRow) -> DbResult<bool> {
    let inserted = crate::per_backend!(&mut *conn, c => diesel::insert_into(tracking_events::table)
        .values(row)
        .on_conflict_do_nothing()
        .execute(c))?;
    Ok(inserted == 1)
}

/// Makes `status` at `at` the shipment's current tracking status.
pub fn set_current(
    conn: &mut DbConn,
    shipment: &mut ShipmentRow,
    status: TrackingStatus,
    at: chrono::NaiveDateTime,
) -> DbResult<()> {
    shipment.tracking_status = Some(status);
    shipment.tracking_updated_at = Some(at);
    diesel::update(return_shipments::table.find(&shipment.id))
        .set((
            return_shipments::tracking_status.eq(shipment.tracking_status),
            return_shipments::tracking_updated_at.eq(shipment.tracking_updated_at),
        ))
        .execute(conn)?;
    Ok(())
}

/// The scans of a return's shipments, oldest first (by when they happened,
/// then by arrival).
pub fn for_return(conn: &mut DbConn, return_id: &str) -> DbResult<Vec<TrackingEventRow>> {
    Ok(tracking_events::table
        .filter(tracking_events::return_id.eq(return_id))
        .order((
            tracking_events::occurred_at.asc(),
            tracking_events::id.asc(),
        ))
        .select(TrackingEventRow::as_select())
        .load(conn)?)
}
