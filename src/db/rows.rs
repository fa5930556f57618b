//! The rows of a return's tables: the return, its items, its shipments
//! (parts), their labels and carrier scans, and its audit events.
//!
//! They live together, apart from the queries, so that every query module of
//! `db/` depends on this one and none on another for a row type (a row kept
//! next to one aggregate's queries pulled the others into a circle).

use diesel::prelude::*;

use super::DbResult;
use super::schema::{
    labels, return_events, return_items, return_shipments, returns, tracking_events,
};
use crate::domain::labels::{LabelKind, LabelStatus};
use crate::domain::parts::PartStatus;
use crate::domain::return_status::ReturnStatus;
use crate::domain::tracking::{Scan, ScanFacts, TrackingLocation, TrackingStatus};

/// A row of `returns`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = returns, treat_none_as_default_value = false)]
pub struct ReturnRow {
    /// Id (`ret_…`).
    pub id: String,
    /// Brand.
    pub brand_id: String,
    /// Order.
    pub order_id: String,
    /// Order number.
    pub order_number: String,
    /// Human-facing number (`RET-7K3Q9X`).
    pub rma_number: String,
    /// Status.
    pub status: ReturnStatus,
    /// Return method (JSON of `MethodRequest`, carrier resolved).
    pub return_method: String,
    /// Requested resolution (JSON of `ResolutionRequest`).
    pub resolution: String,
    /// Resolution given at completion (JSON).
    pub resolution_given: Option<String>,
    /// Rejection reason and note (JSON).
    pub rejection: Option<String>,
    /// Customer's locale.
    pub locale: String,
    /// Order currency.
    pub currency: String,
    /// Fee charged (minor units).
    pub return_fee: Option<i64>,
    /// Estimated refund (minor units).
    pub estimated_refund: i64,
    /// Creation time.
    pub created_at: chrono::NaiveDateTime,
    /// Last change.
    pub updated_at: chrono::NaiveDateTime,
    /// Owed for exchanges for dearer variants (minor units), while or
    /// since the return waited for its payment.
    pub payment_due: Option<i64>,
    /// The payment's reference, once paid.
    pub payment_reference: Option<String>,
    /// When it was paid.
    pub paid_at: Option<chrono::NaiveDateTime>,
    /// Store credit fixed at creation (minor units, bonus included).
    pub store_credit: Option<i64>,
    /// When the store credit was issued (once).
    pub store_credit_issued_at: Option<chrono::NaiveDateTime>,
    /// Instant exchange: by when a carrier must scan the original.
    pub exchange_due_at: Option<chrono::NaiveDateTime>,
}

/// A row of `return_items`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = return_items, treat_none_as_default_value = false)]
pub struct ItemRow {
    /// Id (`rit_…`).
    pub id: String,
    /// Return.
    pub return_id: String,
    /// Return shipment carrying it.
    pub shipment_id: String,
    /// Order.
    pub order_id: String,
    /// Order line.
    pub order_line_id: String,
    /// Position in the request.
    pub position: i32,
    /// SKU.
    pub sku: String,
    /// Name.
    pub name: String,
    /// Unit price (minor units, order currency).
    pub unit_price: i64,
    /// Requested units.
    pub requested_quantity: i32,
    /// Approved units.
    pub approved_quantity: i32,
    /// Received units.
    pub received_quantity: i32,
    /// Received units that were damaged.
    pub damaged_quantity: i32,
    /// Reason.
    pub reason_code: String,
    /// Comment.
    pub comment: Option<String>,
    /// Condition stated by the customer.
    pub condition_code: Option<String>,
    /// Condition found at receipt.
    pub received_condition_code: Option<String>,
    /// Photo ids (JSON array).
    pub image_ids: String,
    /// Why units were not approved.
    pub rejection_reason: Option<String>,
    /// Commission per unit on the order line (minor units), if ingested.
    pub unit_commission: Option<i64>,
    /// The item's own resolution (`refund`, `store_credit`, `exchange`),
    /// when it is not the return's.
    pub resolution: Option<String>,
    /// The variant wanted in exchange.
    pub variant_sku: Option<String>,
    /// The exchange's price difference per unit (positive when dearer).
    pub price_difference: Option<i64>,
    /// The reference of the new sale raised for the exchange.
    pub exchange_order: Option<String>,
}

/// A row of `return_shipments`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = return_shipments, treat_none_as_default_value = false)]
pub struct ShipmentRow {
    /// Id (`rsh_…`).
    pub id: String,
    /// Return.
    pub return_id: String,
    /// Position.
    pub position: i32,
    /// Return address id from the settings.
    pub address_id: String,
    /// Snapshot of the address (JSON).
    pub address: String,
    /// Carrier.
    pub carrier: Option<String>,
    /// Current tracking status (that of the latest scan), once the carrier reported.
    pub tracking_status: Option<TrackingStatus>,
    /// When the latest scan happened.
    pub tracking_updated_at: Option<chrono::NaiveDateTime>,
    /// The vendor whose part this is (its address is the vendor's).
    pub vendor_id: Option<String>,
    /// Status of the part.
    pub status: PartStatus,
    /// Until when the vendor may answer before the merchant may decide.
    pub vendor_due_at: Option<chrono::NaiveDateTime>,
    /// Why the part was rejected (JSON of `Rejection`), when it was on its own.
    pub rejection: Option<String>,
    /// Resolution given for the part (JSON of `ResolutionGiven`).
    pub resolution_given: Option<String>,
    /// Commission given back to the vendor's account at completion (minor units).
    pub commission_reversal: Option<i64>,
}

/// A row of `labels`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = labels, treat_none_as_default_value = false)]
pub struct LabelRow {
    /// Id (`lbl_…`).
    pub id: String,
    /// Shipment (one label per shipment).
    pub shipment_id: String,
    /// Return.
    pub return_id: String,
    /// Brand.
    pub brand_id: String,
    /// `pdf` or `qr`.
    pub kind: String,
    /// Status.
    pub status: LabelStatus,
    /// Carrier.
    pub carrier: String,
    /// Tracking number once ready.
    pub tracking_number: Option<String>,
    /// Code shown as QR at a label-less drop-off.
    pub dropoff_code: Option<String>,
    /// File under the data directory.
    pub file_path: Option<String>,
    /// Carrier's reason when failed.
    pub error: Option<String>,
    /// Creation.
    pub created_at: chrono::NaiveDateTime,
    /// Last change.
    pub updated_at: chrono::NaiveDateTime,
}

impl LabelRow {
    /// Parsed kind (unknown values read as a PDF).
    pub fn kind(&self) -> LabelKind {
        LabelKind::parse(&self.kind).unwrap_or(LabelKind::Pdf)
    }
}

/// A row of `return_events`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = return_events, treat_none_as_default_value = false)]
pub struct EventRow {
    /// Id (`evt_…`, time-ordered).
    pub id: String,
    /// Return.
    pub return_id: String,
    /// Brand.
    pub brand_id: String,
    /// Type, e.g. `return.approved`.
    pub event_type: String,
    /// Who: `customer`, `merchant:<key id>` or `system`.
    pub actor: String,
    /// Status before.
    pub from_status: Option<ReturnStatus>,
    /// Status after.
    pub to_status: Option<ReturnStatus>,
    /// Details (JSON object).
    pub details: String,
    /// When.
    pub created_at: chrono::NaiveDateTime,
    /// The part it concerns, for events of one part.
    pub shipment_id: Option<String>,
}

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
    /// What the carrier reported.
    pub status: TrackingStatus,
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
            status: scan.status,
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

    /// Parsed location (an unreadable one reads as none).
    pub fn location(&self) -> Option<TrackingLocation> {
        self.location
            .as_deref()
            .and_then(|l| serde_json::from_str(l).ok())
    }

    /// What the domain's decision reads of it.
    pub fn facts(&self) -> ScanFacts<'_> {
        ScanFacts {
            status: self.status,
            occurred_at: self.occurred_at.and_utc(),
            event_id: self.carrier_event_id.as_deref(),
        }
    }
}
