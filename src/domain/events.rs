//! The events of a return's life: one list, the audit trail's and the
//! webhooks' `type`.

use serde::{Deserialize, Serialize};
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
    /// Units arrived (some or all).
    #[serde(rename = "return.received")]
    #[strum(serialize = "return.received")]
    ReturnReceived,
    /// The resolution was given.
    #[serde(rename = "return.completed")]
    #[strum(serialize = "return.completed")]
    ReturnCompleted,
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
}
