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

use super::returns::{FullReturn, LabelRow, ReturnRow, ShipmentRow};
use super::schema::{labels, return_shipments, returns, tracking_events};
use super::{DbConn, DbResult};
use crate::domain::tracking::{Scan, ScanFacts, TrackingLocation, TrackingStatus};

/// A row of `tracking_events`: one scan of a return shipment.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = tracking_events, treat_none_as_default_value = false)]
pub struct TrackingEventRow {
    /// Id (`trk_…`).
    pub id: String,
    /// Shipment.
    pub shipment_id: String,
    /// Return.
    pub return_id: String,
    /// Brand.
    pub brand_id: String,
    /// Carrier that reported it.
    pub carrier: String,
    /// Tracking number.
    pub tracking_number: String,
    /// [`TrackingStatus`] stored form.
    pub status: String,
    /// When it happened.
    pub occurred_at: chrono::NaiveDateTime,
    /// Where ([`TrackingLocation`] JSON).
    pub location: Option<String>,
    /// The carrier's id of the scan.
    pub carrier_event_id: Option<String>,
    /// When we received it.
    pub received_at: chrono::NaiveDateTime,
}

impl TrackingEventRow {
    /// The row of a new scan of `label`'s parcel.
    pub fn new(label: &LabelRow, scan: &Scan) -> DbResult<TrackingEventRow> {
        Ok(TrackingEventRow {
            id: crate::domain::ids::new_id("trk"),
            shipment_id: label.shipment_id.clone(),
            return_id: label.return_id.clone(),
            brand_id: label.brand_id.clone(),
            carrier: label.carrier.clone(),
            tracking_number: scan.tracking_number.clone(),
            status: scan.status.as_str().to_string(),
            occurred_at: scan.occurred_at.naive_utc(),
            location: scan
                .location
                .as_ref()
                .map(serde_json::to_string)
                .transpose()?,
            carrier_event_id: scan.event_id.clone(),
            received_at: super::now(),
        })
    }

    /// Parsed status (unknown values read as `exception`, which the table
    /// never holds otherwise).
    pub fn status(&self) -> TrackingStatus {
        TrackingStatus::parse(&self.status).unwrap_or(TrackingStatus::Exception)
    }

    /// Parsed location (an unreadable one reads as none).
    pub fn location(&self) -> Option<TrackingLocation> {
        self.location
            .as_deref()
            .and_then(|l| serde_json::from_str(l).ok())
    }

    /// What the domain's decision reads of it.
    pub fn facts(&self) -> ScanFacts<'_> {
        ScanFacts {
            status: self.status(),
            occurred_at: self.occurred_at.and_utc(),
            event_id: self.carrier_event_id.as_deref(),
        }
    }
}

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

/// A return with its parts, its row locked until the transaction ends on
/// PostgreSQL, so two scans of one return decide one after the other
/// (SQLite writers are serialized, there is nothing to lock).
pub fn lock_return(conn: &mut DbConn, id: &str) -> DbResult<Option<FullReturn>> {
    macro_rules! query {
        () => {
            returns::table.find(id).select(ReturnRow::as_select())
        };
    }
    let rows = match conn {
        DbConn::Pg(c) => query!().for_update().load(c)?,
        DbConn::Sqlite(c) => query!().load(c)?,
    };
    rows.into_iter()
        .next()
        .map(|r| super::returns::parts(conn, r))
        .transpose()
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
    shipment.tracking_status = Some(status.as_str().to_string());
    shipment.tracking_updated_at = Some(at);
    diesel::update(return_shipments::table.find(&shipment.id))
        .set((
            return_shipments::tracking_status.eq(&shipment.tracking_status),
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
