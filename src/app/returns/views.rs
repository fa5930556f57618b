//! How a return looks on the wire (customer and merchant views), with the
//! signed label URLs it carries, and its audit trail. The views read back
//! too (`Deserialize`): a vendor's webhook is cut from the merchant's view
//! the event carries.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::app::AppState;
use crate::auth::tokens::{Keyring, Scope};
use crate::db::returns::FullReturn;
use crate::db::rows::{EventRow, ItemRow, LabelRow, ShipmentRow};
use crate::domain::events::EventType;
use crate::domain::labels::{LabelKind, LabelStatus};
use crate::domain::money::{Currency, Money, MoneyDelta};
use crate::domain::parts::PartStatus;
use crate::domain::return_status::ReturnStatus;
use crate::domain::returns::{MethodRequest, ResolutionRequest};
use crate::domain::review::{Rejection, ResolutionGiven};
use crate::domain::settings::{ResolutionType, ReturnAddress};
use crate::domain::tracking::{TrackingLocation, TrackingStatus};
use crate::error::ApiError;

/// A returned item.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ReturnItemView {
    /// Id (`rit_…`), used by approve and receive.
    pub id: String,
    /// Order line.
    pub order_line_id: String,
    /// SKU.
    pub sku: String,
    /// Name.
    pub name: String,
    /// Unit price.
    pub unit_price: Money,
    /// Units the customer asked to return.
    pub requested_quantity: u32,
    /// Units the merchant accepted (all of them when auto-approved).
    pub approved_quantity: u32,
    /// Units not accepted (requested − approved once reviewed).
    pub rejected_quantity: u32,
    /// Units that arrived.
    pub received_quantity: u32,
    /// Arrived units that were damaged (not restocked).
    pub damaged_quantity: u32,
    /// Reason.
    pub reason_code: String,
    /// Customer's comment.
    pub comment: Option<String>,
    /// Condition stated by the customer.
    pub condition_code: Option<String>,
    /// Condition found at receipt.
    pub received_condition_code: Option<String>,
    /// Photo ids.
    pub image_ids: Vec<String>,
    /// Why units were not accepted.
    pub rejection_reason: Option<String>,
    /// The item's own resolution (`null`: the return's).
    #[serde(default)]
    pub resolution: Option<ResolutionType>,
    /// The variant the customer gets in exchange, if any.
    #[serde(default)]
    pub exchange: Option<ItemExchangeView>,
}

/// The replacement of an exchanged item.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ItemExchangeView {
    /// The variant's SKU.
    pub variant_sku: String,
    /// Its price minus what was paid, per unit (positive when dearer: the
    /// merchant absorbs it; negative when cheaper: refunded).
    pub price_difference: MoneyDelta,
    /// The reference of the new sale that sends it, once raised.
    #[serde(default)]
    pub order_reference: Option<String>,
}

/// A shipment's label.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct LabelView {
    /// Id (`lbl_…`).
    pub id: String,
    /// Status.
    pub status: LabelStatus,
    /// Poll this URL until the label is ready (self-authenticating).
    pub poll_url: String,
    /// The PDF, once ready (printed labels).
    pub download_url: Option<String>,
    /// The QR code to show at the drop-off, once ready (label-less returns).
    pub qr_code_url: Option<String>,
    /// Tracking number, once ready.
    pub tracking_number: Option<String>,
    /// Carrier.
    pub carrier: String,
}

/// The vendor of a part.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PartVendorView {
    /// The vendor's id.
    pub id: String,
    /// Its name.
    pub name: String,
}

/// One part of a return: one parcel per return address (the warehouse, or
/// a vendor's address for the lines that vendor fulfilled), with a status
/// of its own.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ShipmentView {
    /// Id (`rsh_…`), also the part's id.
    pub id: String,
    /// Status of this part.
    pub status: PartStatus,
    /// The vendor whose part this is (`null` for the merchant's own).
    pub vendor: Option<PartVendorView>,
    /// Where it goes. The customer sees a vendor's address only once the
    /// vendor approved its part (`null` before).
    pub address: Option<ReturnAddress>,
    /// The vendor's return instructions in the return's locale, once the
    /// part is approved.
    pub instructions: Option<String>,
    /// Until when the vendor may answer; after it the merchant may decide
    /// for it (merchant view, parts waiting for their vendor).
    pub vendor_due_at: Option<DateTime<Utc>>,
    /// Why the part was declined on its own (by its vendor, or by the
    /// merchant for it).
    pub rejection: Option<Rejection>,
    /// The resolution given for this part, when it was completed on its own.
    pub resolution_given: Option<ResolutionGiven>,
    /// Commission given back on this part's received units at completion
    /// (merchant view; `null` when no line carried a commission).
    pub commission_reversal: Option<Money>,
    /// Carrier (none for in-store returns).
    pub carrier: Option<String>,
    /// Items in this parcel.
    pub item_ids: Vec<String>,
    /// Its label: `null` before approval and for in-store returns.
    pub label: Option<LabelView>,
    /// What the carrier reported: `null` until its first scan.
    pub tracking: Option<TrackingView>,
}

/// A parcel's journey as its carrier reports it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct TrackingView {
    /// Current status: that of the latest scan by when it happened (a scan
    /// reported late never moves it back).
    pub status: TrackingStatus,
    /// When the latest scan happened.
    pub updated_at: DateTime<Utc>,
    /// Every scan, oldest first.
    pub events: Vec<TrackingEventView>,
}

/// One scan of a parcel.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct TrackingEventView {
    /// What happened.
    pub status: TrackingStatus,
    /// When it happened.
    pub occurred_at: DateTime<Utc>,
    /// Where, as the carrier describes it.
    pub location: Option<TrackingLocation>,
}

/// A step of the customer-facing timeline.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct TimelineEntry {
    /// Event type, e.g. `return.approved`.
    #[serde(rename = "type")]
    #[schema(value_type = EventType)]
    pub event_type: String,
    /// Status after the event.
    pub status: Option<ReturnStatus>,
    /// When.
    pub at: DateTime<Utc>,
}

/// The payment a return waits for, or waited for.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PaymentView {
    /// The amount due.
    pub amount_due: Money,
    /// When it was paid (`null` while the return is `payment_required`).
    pub paid_at: Option<DateTime<Utc>>,
    /// The payment's reference in the merchant's payment system.
    pub reference: Option<String>,
}

/// A return's store credit.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct StoreCreditView {
    /// The credit, fixed at creation (the items' value, the brand's bonus,
    /// less the fee).
    pub amount: Money,
    /// When it was issued (`store_credit.issued`); `null` before.
    pub issued_at: Option<DateTime<Utc>>,
}

/// A return.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ReturnView {
    /// Id (`ret_…`).
    pub id: String,
    /// Human-facing number.
    #[schema(example = "RET-7K3Q9X")]
    pub rma_number: String,
    /// Status.
    pub status: ReturnStatus,
    /// Order number.
    pub order_number: String,
    /// Items.
    pub items: Vec<ReturnItemView>,
    /// Return method.
    pub return_method: MethodRequest,
    /// Resolution asked for.
    pub resolution: ResolutionRequest,
    /// Resolution given at completion.
    pub resolution_given: Option<ResolutionGiven>,
    /// Rejection, when rejected.
    pub rejection: Option<Rejection>,
    /// Parcels with their labels.
    pub shipments: Vec<ShipmentView>,
    /// Fee deducted.
    pub return_fee: Option<Money>,
    /// Estimated refund (or store credit).
    pub estimated_refund: Money,
    /// What the customer owes for exchanges for dearer variants, when the
    /// brand charges price differences, and whether it was paid.
    pub payment: Option<PaymentView>,
    /// The store credit the return gives (bonus included, fee deducted),
    /// and when it was issued.
    pub store_credit: Option<StoreCreditView>,
    /// Instant exchange: the replacement went out at approval, and a
    /// carrier must scan the original in transit by this time.
    pub exchange_due_at: Option<DateTime<Utc>>,
    /// Customer's locale.
    pub locale: String,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
    /// Status history (customer view).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeline: Option<Vec<TimelineEntry>>,
}

/// The self-authenticating URLs of a label.
struct LabelLinks {
    poll: String,
    download: String,
    qr: String,
}

/// Builds return views, signing their label URLs; cheap to clone into the
/// closures of a transaction.
#[derive(Clone)]
pub struct Renderer {
    keys: Arc<Keyring>,
    public_url: Arc<str>,
    ttl: chrono::Duration,
    customer: bool,
}

impl Renderer {
    /// The renderer of this node.
    pub fn new(state: &AppState) -> Renderer {
        Renderer {
            keys: state.keys.clone(),
            public_url: Arc::from(state.public_url.as_str()),
            ttl: chrono::Duration::seconds(state.config.label_url_ttl_secs as i64),
            customer: false,
        }
    }

    /// The same renderer for the customer: a vendor's address only once it
    /// approved, nothing of commissions or vendor deadlines.
    pub fn for_customer(mut self) -> Renderer {
        self.customer = true;
        self
    }

    /// Whether it renders the customer's view.
    pub fn is_customer(&self) -> bool {
        self.customer
    }

    /// The same renderer for the merchant (webhooks carry its view).
    pub fn for_merchant(mut self) -> Renderer {
        self.customer = false;
        self
    }

    /// Issues the label URLs of every label given.
    fn links(&self, labels: &[&LabelRow]) -> Result<HashMap<String, LabelLinks>, ApiError> {
        let mut out = HashMap::new();
        for label in labels {
            let (token, _) =
                self.keys
                    .issue_now(Scope::Label, &label.brand_id, &label.id, self.ttl)?;
            let base = format!("{}/v1/labels/{}", self.public_url, label.id);
            out.insert(
                label.id.clone(),
                LabelLinks {
                    poll: format!("{base}?token={token}"),
                    download: format!("{base}/download?token={token}"),
                    qr: format!("{base}/qr?token={token}"),
                },
            );
        }
        Ok(out)
    }

    /// Views of returns (merchant lists and details).
    pub fn views(&self, list: Vec<FullReturn>) -> Result<Vec<ReturnView>, ApiError> {
        let labels: Vec<&LabelRow> = list.iter().flat_map(|f| f.labels.iter()).collect();
        let links = self.links(&labels)?;
        list.into_iter()
            .map(|f| build(f, &links, None, self.customer))
            .collect()
    }

    /// One return, with the timeline when `events` are given (customer view).
    pub fn view(
        &self,
        full: FullReturn,
        events: Option<Vec<EventRow>>,
    ) -> Result<ReturnView, ApiError> {
        let labels: Vec<&LabelRow> = full.labels.iter().collect();
        let links = self.links(&labels)?;
        build(full, &links, events, self.customer)
    }

    /// The JSON of a return's view (the response kept with an idempotency key).
    pub fn json(&self, full: &FullReturn) -> Result<String, ApiError> {
        serde_json::to_string(&self.view(full.clone(), None)?).map_err(ApiError::internal)
    }
}

fn item_view(i: &ItemRow, currency: Currency, reviewed: bool) -> ReturnItemView {
    ReturnItemView {
        id: i.id.clone(),
        order_line_id: i.order_line_id.clone(),
        sku: i.sku.clone(),
        name: i.name.clone(),
        unit_price: Money::new(i.unit_price, currency),
        requested_quantity: i.requested_quantity.max(0) as u32,
        approved_quantity: i.approved_quantity.max(0) as u32,
        rejected_quantity: if reviewed {
            (i.requested_quantity - i.approved_quantity).max(0) as u32
        } else {
            0
        },
        received_quantity: i.received_quantity.max(0) as u32,
        damaged_quantity: i.damaged_quantity.max(0) as u32,
        reason_code: i.reason_code.clone(),
        comment: i.comment.clone(),
        condition_code: i.condition_code.clone(),
        received_condition_code: i.received_condition_code.clone(),
        image_ids: serde_json::from_str(&i.image_ids).unwrap_or_default(),
        rejection_reason: i.rejection_reason.clone(),
        resolution: i
            .resolution
            .as_deref()
            .and_then(|r| serde_json::from_value(serde_json::Value::from(r)).ok()),
        exchange: i.variant_sku.as_ref().map(|sku| ItemExchangeView {
            variant_sku: sku.clone(),
            price_difference: MoneyDelta {
                amount: i.price_difference.unwrap_or(0),
                currency,
            },
            order_reference: i.exchange_order.clone(),
        }),
    }
}

fn label_view(l: &LabelRow, links: &HashMap<String, LabelLinks>) -> LabelView {
    let status = l.status;
    let link = links.get(&l.id);
    let ready = status == LabelStatus::Ready;
    LabelView {
        id: l.id.clone(),
        status,
        poll_url: link.map(|k| k.poll.clone()).unwrap_or_default(),
        download_url: link
            .filter(|_| ready && l.kind() == LabelKind::Pdf)
            .map(|k| k.download.clone()),
        qr_code_url: link
            .filter(|_| ready && l.kind() == LabelKind::Qr)
            .map(|k| k.qr.clone()),
        tracking_number: l.tracking_number.clone(),
        carrier: l.carrier.clone(),
    }
}

fn shipment_view(
    s: &ShipmentRow,
    full: &FullReturn,
    links: &HashMap<String, LabelLinks>,
    customer: bool,
) -> Result<ShipmentView, ApiError> {
    let status = s.status;
    let vendor = full.vendor_of(s);
    let disclosed = vendor.is_none() || status.is_approved() || !customer;
    let currency = Currency::parse(&full.ret.currency).unwrap_or(Currency::EUR);
    Ok(ShipmentView {
        id: s.id.clone(),
        status,
        vendor: vendor.map(|v| PartVendorView {
            id: v.id.clone(),
            name: v.name.clone(),
        }),
        address: if disclosed {
            Some(stored(&s.address)?)
        } else {
            None
        },
        instructions: vendor
            .filter(|_| status.is_approved())
            .and_then(|v| instructions(&v.instructions(), &full.ret.locale)),
        vendor_due_at: s
            .vendor_due_at
            .filter(|_| !customer && status == PartStatus::AwaitingVendor)
            .map(|t| t.and_utc()),
        rejection: s.rejection.as_deref().map(stored).transpose()?,
        resolution_given: s.resolution_given.as_deref().map(stored).transpose()?,
        commission_reversal: s
            .commission_reversal
            .filter(|_| !customer)
            .map(|a| Money::new(a, currency)),
        carrier: s.carrier.clone(),
        item_ids: full
            .items
            .iter()
            .filter(|i| i.shipment_id == s.id)
            .map(|i| i.id.clone())
            .collect(),
        label: full
            .labels
            .iter()
            .find(|l| l.shipment_id == s.id)
            .map(|l| label_view(l, links)),
        tracking: tracking_view(s, full),
    })
}

/// A vendor's instructions for `locale`: that locale's, else its
/// language's, else none.
pub(crate) fn instructions(
    by_locale: &std::collections::BTreeMap<String, String>,
    locale: &str,
) -> Option<String> {
    let language = locale.split('-').next().unwrap_or(locale);
    by_locale
        .get(locale)
        .or_else(|| by_locale.get(language))
        .cloned()
}

/// The shipment's tracking, once a carrier reported on it.
fn tracking_view(s: &ShipmentRow, full: &FullReturn) -> Option<TrackingView> {
    let status = s.tracking_status?;
    Some(TrackingView {
        status,
        updated_at: s.tracking_updated_at?.and_utc(),
        events: full
            .tracking
            .iter()
            .filter(|t| t.shipment_id == s.id)
            .map(|t| TrackingEventView {
                status: t.status,
                occurred_at: t.occurred_at.and_utc(),
                location: t.location(),
            })
            .collect(),
    })
}

/// A stored JSON document of a return, read as `T`.
fn stored<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, ApiError> {
    serde_json::from_str(json).map_err(ApiError::internal)
}

fn build(
    full: FullReturn,
    links: &HashMap<String, LabelLinks>,
    events: Option<Vec<EventRow>>,
    customer: bool,
) -> Result<ReturnView, ApiError> {
    let currency = Currency::parse(&full.ret.currency).unwrap_or(Currency::EUR);
    let reviewed = !matches!(
        full.ret.status,
        ReturnStatus::Requested | ReturnStatus::PaymentRequired
    );
    let items = full
        .items
        .iter()
        .map(|i| item_view(i, currency, reviewed))
        .collect();
    let shipments = full
        .shipments
        .iter()
        .map(|s| shipment_view(s, &full, links, customer))
        .collect::<Result<_, ApiError>>()?;
    let r = full.ret;
    Ok(ReturnView {
        status: r.status,
        return_method: stored(&r.return_method)?,
        resolution: stored(&r.resolution)?,
        resolution_given: r.resolution_given.as_deref().map(stored).transpose()?,
        rejection: r.rejection.as_deref().map(stored).transpose()?,
        return_fee: r.return_fee.map(|a| Money::new(a, currency)),
        estimated_refund: Money::new(r.estimated_refund, currency),
        payment: r.payment_due.map(|due| PaymentView {
            amount_due: Money::new(due, currency),
            paid_at: r.paid_at.map(|t| t.and_utc()),
            reference: r.payment_reference.clone(),
        }),
        store_credit: r.store_credit.map(|amount| StoreCreditView {
            amount: Money::new(amount, currency),
            issued_at: r.store_credit_issued_at.map(|t| t.and_utc()),
        }),
        exchange_due_at: r.exchange_due_at.map(|t| t.and_utc()),
        timeline: events.map(|events| {
            events
                .into_iter()
                .map(|e| TimelineEntry {
                    event_type: e.event_type,
                    status: e.to_status,
                    at: e.created_at.and_utc(),
                })
                .collect()
        }),
        id: r.id,
        rma_number: r.rma_number,
        order_number: r.order_number,
        items,
        shipments,
        locale: r.locale,
        created_at: r.created_at.and_utc(),
        updated_at: r.updated_at.and_utc(),
    })
}

/// Views of returns (merchant lists and details).
pub fn views(state: &AppState, list: Vec<FullReturn>) -> Result<Vec<ReturnView>, ApiError> {
    Renderer::new(state).views(list)
}

/// One return (merchant view).
pub fn view(state: &AppState, full: FullReturn) -> Result<ReturnView, ApiError> {
    Renderer::new(state).view(full, None)
}

/// An entry of the audit trail.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventView {
    /// Id.
    pub id: String,
    /// Type, e.g. `return.approved`.
    #[serde(rename = "type")]
    #[schema(value_type = EventType)]
    pub event_type: String,
    /// Who: `customer`, `merchant:<key id>` or `system`.
    pub actor: String,
    /// Status before.
    pub from_status: Option<ReturnStatus>,
    /// Status after.
    pub to_status: Option<ReturnStatus>,
    /// Details.
    pub details: serde_json::Value,
    /// The part it concerns (`rsh_…`), for events of one part.
    pub part_id: Option<String>,
    /// When.
    pub created_at: DateTime<Utc>,
}

/// The audit trail.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventList {
    /// Oldest first.
    pub data: Vec<EventView>,
}

impl From<EventRow> for EventView {
    fn from(e: EventRow) -> EventView {
        EventView {
            details: serde_json::from_str(&e.details).unwrap_or(serde_json::Value::Null),
            from_status: e.from_status,
            to_status: e.to_status,
            id: e.id,
            event_type: e.event_type,
            actor: e.actor,
            part_id: e.shipment_id,
            created_at: e.created_at.and_utc(),
        }
    }
}
