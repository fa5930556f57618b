//! The events of a return's life and of the webhooks themselves: one list,
//! the audit trail's and the webhooks' `type`, and the envelope a webhook
//! carries.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use utoipa::ToSchema;

/// Type of an event (audit trail, timeline, webhook).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    ToSchema,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::EnumIter,
)]
pub enum EventType {
    /// A customer asked to return items.
    #[serde(rename = "return.requested")]
    #[strum(serialize = "return.requested")]
    ReturnRequested,
    /// Exchanges for dearer variants wait for the customer's payment of
    /// the difference (details: the amount due).
    #[serde(rename = "return.payment_required")]
    #[strum(serialize = "return.payment_required")]
    ReturnPaymentRequired,
    /// The amount due was paid (details: amount and reference); the return
    /// waits for review, or is approved at once by its reasons.
    #[serde(rename = "return.payment_received")]
    #[strum(serialize = "return.payment_received")]
    ReturnPaymentReceived,
    /// The return was approved (wholly or partly, or at once by its reasons).
    #[serde(rename = "return.approved")]
    #[strum(serialize = "return.approved")]
    ReturnApproved,
    /// The merchant rejected the return.
    #[serde(rename = "return.rejected")]
    #[strum(serialize = "return.rejected")]
    ReturnRejected,
    /// The return was cancelled before it travelled.
    #[serde(rename = "return.cancelled")]
    #[strum(serialize = "return.cancelled")]
    ReturnCancelled,
    /// A shipment's label is ready.
    #[serde(rename = "label.ready")]
    #[strum(serialize = "label.ready")]
    LabelReady,
    /// A shipment's label failed for good.
    #[serde(rename = "label.failed")]
    #[strum(serialize = "label.failed")]
    LabelFailed,
    /// The parcel was handed to the carrier.
    #[serde(rename = "return.in_transit")]
    #[strum(serialize = "return.in_transit")]
    ReturnInTransit,
    /// The carrier delivered a parcel at its return address.
    #[serde(rename = "return.delivered")]
    #[strum(serialize = "return.delivered")]
    ReturnDelivered,
    /// Units arrived (some or all).
    #[serde(rename = "return.received")]
    #[strum(serialize = "return.received")]
    ReturnReceived,
    /// The resolution was given.
    #[serde(rename = "return.completed")]
    #[strum(serialize = "return.completed")]
    ReturnCompleted,
    /// The merchant approved; a vendor's part waits for that vendor.
    #[serde(rename = "return_part.awaiting_vendor")]
    #[strum(serialize = "return_part.awaiting_vendor")]
    ReturnPartAwaitingVendor,
    /// A vendor approved its part (or auto-approved it, or the merchant
    /// decided for it after its time to answer ran out).
    #[serde(rename = "return.vendor_approved")]
    #[strum(serialize = "return.vendor_approved")]
    ReturnVendorApproved,
    /// A vendor rejected its part (only that part's items).
    #[serde(rename = "return.vendor_rejected")]
    #[strum(serialize = "return.vendor_rejected")]
    ReturnVendorRejected,
    /// A vendor's part was handed to the carrier.
    #[serde(rename = "return_part.in_transit")]
    #[strum(serialize = "return_part.in_transit")]
    ReturnPartInTransit,
    /// Units of a vendor's part arrived (some or all).
    #[serde(rename = "return_part.received")]
    #[strum(serialize = "return_part.received")]
    ReturnPartReceived,
    /// A vendor's part was completed: its refund released or its exchange
    /// raised.
    #[serde(rename = "return_part.completed")]
    #[strum(serialize = "return_part.completed")]
    ReturnPartCompleted,
    /// A vendor did not answer its part by `vendor_due_at`, and the
    /// vendor's `on_timeout` acts (actor `system`; the approval or
    /// rejection it makes follows as its own event).
    #[serde(rename = "return_part.overdue")]
    #[strum(serialize = "return_part.overdue")]
    ReturnPartOverdue,
    /// The return was cancelled after the part's vendor was asked about
    /// it or approved it: the vendor stops expecting its parcel.
    #[serde(rename = "return_part.cancelled")]
    #[strum(serialize = "return_part.cancelled")]
    ReturnPartCancelled,
    /// Units of a part with exchanges arrived: the replacements are to be
    /// sent (details: the part, each replacement with its variant and
    /// quantity, the customer's shipping address, the reservations). The
    /// merchant, or the vendor owning the part, raises the new sale and
    /// records it with `POST …/exchange-orders`.
    #[serde(rename = "exchange.requested")]
    #[strum(serialize = "exchange.requested")]
    ExchangeRequested,
    /// The new sale of an exchange was recorded (details: its reference and
    /// the items it replaces); the reserved units left the stock.
    #[serde(rename = "exchange.ordered")]
    #[strum(serialize = "exchange.ordered")]
    ExchangeOrdered,
    /// An instant exchange's replacement was released, and no carrier
    /// scanned the original in transit by its deadline (details: the
    /// deadline and the items).
    #[serde(rename = "exchange.overdue")]
    #[strum(serialize = "exchange.overdue")]
    ExchangeOverdue,
    /// Store credit was issued, once per return (details: the amount and
    /// the customer's e-mail).
    #[serde(rename = "store_credit.issued")]
    #[strum(serialize = "store_credit.issued")]
    StoreCreditIssued,
    /// Units were received into the warehouse (a receipt) or a received
    /// unit's disposition was changed: `data` is the receipt with its units
    /// and every ledger movement it made; catalogue stock rose for the
    /// units restocked.
    #[serde(rename = "inventory.adjusted")]
    #[strum(serialize = "inventory.adjusted")]
    InventoryAdjusted,
    /// The merchant changed a received unit's disposition (details: the
    /// unit, from and to): `data` is the receipt.
    #[serde(rename = "receipt.unit_overridden")]
    #[strum(serialize = "receipt.unit_overridden")]
    ReceiptUnitOverridden,
    /// A webhook endpoint failed every delivery for days and was disabled.
    #[serde(rename = "webhook_endpoint.disabled")]
    #[strum(serialize = "webhook_endpoint.disabled")]
    WebhookEndpointDisabled,
    /// A test delivery asked for by the merchant (never subscribed to).
    #[serde(rename = "ping")]
    #[strum(serialize = "ping")]
    Ping,
}

impl EventType {
    /// The stored and wire form, e.g. `return.approved`.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The type named `s`, if it is one.
    pub fn parse(s: &str) -> Option<EventType> {
        s.parse().ok()
    }

    /// Whether an endpoint can subscribe to it (a ping goes only to the
    /// endpoint it tests).
    pub fn subscribable(self) -> bool {
        self != EventType::Ping
    }

    /// Whether its webhook's `data` is a receipt rather than the return.
    pub fn about_receipt(self) -> bool {
        matches!(
            self,
            EventType::InventoryAdjusted | EventType::ReceiptUnitOverridden
        )
    }
}

/// An event type an endpoint may subscribe to: every [`EventType`] that is
/// [`EventType::subscribable`]. It names the schema of an endpoint's
/// `event_types`; the server reads them as [`EventType`] and refuses
/// `ping` there (422 `not_allowed`).
pub struct SubscribableEventType;

impl utoipa::PartialSchema for SubscribableEventType {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use strum::IntoEnumIterator;
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .description(Some(
                "An event type an endpoint can subscribe to (every type but `ping`, \
                 which only the test operation sends).",
            ))
            .enum_values(Some(
                EventType::iter()
                    .filter(|t| t.subscribable())
                    .map(EventType::as_str),
            ))
            .into()
    }
}

impl ToSchema for SubscribableEventType {}

/// What a webhook delivers: the same bytes on every attempt (the spec's
/// `ReturnEvent` and `EndpointEvent`).
#[derive(Debug, Serialize)]
pub struct Envelope<'a> {
    /// Event id (`evt_…`), also the `webhook-id` header: the same on every
    /// retry, so receivers can ignore repeats.
    pub id: &'a str,
    /// Event type.
    #[serde(rename = "type")]
    pub event_type: EventType,
    /// When it happened (events may arrive out of order).
    pub created_at: DateTime<Utc>,
    /// The resource as the merchant API showed it at the event: the return
    /// (`return.*`, `label.*`, …), the receipt (`inventory.adjusted`,
    /// `receipt.unit_overridden`), the endpoint
    /// (`webhook_endpoint.disabled`, `ping`).
    pub data: &'a RawValue,
}

impl Envelope<'_> {
    /// The body to send.
    pub fn to_json(&self) -> String {
        // Serializing borrowed strings and raw JSON cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use strum::IntoEnumIterator;

    use super::*;

    #[test]
    fn every_event_type_reads_back_from_its_wire_form() {
        for t in EventType::iter() {
            assert_eq!(EventType::parse(t.as_str()), Some(t));
            assert_eq!(
                serde_json::to_value(t).ok(),
                Some(serde_json::Value::from(t.as_str()))
            );
        }
    }

    #[test]
    fn an_envelope_carries_its_data_as_given() {
        let data = RawValue::from_string(r#"{"id":"ret_1","status":"approved"}"#.into()).unwrap();
        let at = DateTime::parse_from_rfc3339("2026-12-01T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let body = Envelope {
            id: "evt_1",
            event_type: EventType::ReturnApproved,
            created_at: at,
            data: &data,
        }
        .to_json();
        assert_eq!(
            body,
            r#"{"id":"evt_1","type":"return.approved","created_at":"2026-12-01T10:00:00Z","data":{"id":"ret_1","status":"approved"}}"#
        );
    }

    #[test]
    fn only_a_ping_cannot_be_subscribed_to() {
        let unsubscribable: Vec<EventType> =
            EventType::iter().filter(|t| !t.subscribable()).collect();
        assert_eq!(unsubscribable, vec![EventType::Ping]);
    }
}
