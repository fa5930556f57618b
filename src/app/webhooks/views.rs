//! What webhook endpoints and deliveries look like on the wire, and what
//! the merchant sends to create or change an endpoint.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::db::webhooks::{AttemptRow, DeliveryFilter, DeliveryRow, EndpointRow};
use crate::domain::events::{EventType, SubscribableEventType};
use crate::domain::webhooks::DeliveryStatus;

/// A new webhook endpoint.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "url": "https://example.com/hooks/returns",
    "description": "ERP",
    "event_types": ["return.approved", "return.received"]
}))]
pub struct EndpointInput {
    /// Where deliveries go: an https URL whose host resolves to public
    /// addresses (no user name, password or fragment).
    #[schema(min_length = 1, max_length = 2000, format = "uri")]
    pub url: String,
    /// A note for the merchant's own use.
    #[serde(default)]
    #[schema(max_length = 500)]
    pub description: Option<String>,
    /// Event types to deliver, each once; empty or absent: every type.
    #[serde(default)]
    #[schema(value_type = Vec<SubscribableEventType>)]
    pub event_types: Vec<EventType>,
    /// Whether deliveries go out (default true).
    #[serde(default)]
    pub enabled: Option<bool>,
}

/// A change to an endpoint: only the fields given change.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "enabled": true }))]
pub struct EndpointPatch {
    /// New URL (checked like at creation).
    #[schema(min_length = 1, max_length = 2000, format = "uri")]
    pub url: Option<String>,
    /// New description (empty clears it).
    #[schema(max_length = 500)]
    pub description: Option<String>,
    /// New event types, each once (empty: every type).
    #[schema(value_type = Option<Vec<SubscribableEventType>>)]
    pub event_types: Option<Vec<EventType>>,
    /// Enable or disable. Enabling an endpoint the system disabled clears
    /// the reason.
    pub enabled: Option<bool>,
}

/// A webhook endpoint.
#[derive(Debug, Serialize, ToSchema)]
pub struct EndpointView {
    /// Id (`whe_…`).
    pub id: String,
    /// Where deliveries go.
    pub url: String,
    /// The merchant's note.
    pub description: Option<String>,
    /// Event types delivered; empty: every type.
    #[schema(value_type = Vec<SubscribableEventType>)]
    pub event_types: Vec<EventType>,
    /// Whether deliveries go out.
    pub enabled: bool,
    /// Why the system disabled it (every attempt failed for days).
    pub disabled_reason: Option<String>,
    /// Since when every attempt has failed (`null` after a success).
    pub failing_since: Option<DateTime<Utc>>,
    /// Until when the previous secret (before the last rotation) still signs.
    pub previous_secret_expires_at: Option<DateTime<Utc>>,
    /// The signing secret (`whsec_…`): only in the answers of creation and
    /// rotation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
}

impl From<&EndpointRow> for EndpointView {
    fn from(row: &EndpointRow) -> EndpointView {
        let now = crate::db::now();
        EndpointView {
            id: row.id.clone(),
            url: row.url.clone(),
            description: row.description.clone(),
            event_types: serde_json::from_str(&row.event_types).unwrap_or_default(),
            enabled: row.enabled,
            disabled_reason: row.disabled_reason.clone(),
            failing_since: row.failing_since.map(|t| t.and_utc()),
            previous_secret_expires_at: row
                .previous_secret_until
                .filter(|until| *until > now)
                .map(|t| t.and_utc()),
            secret: None,
            created_at: row.created_at.and_utc(),
            updated_at: row.updated_at.and_utc(),
        }
    }
}

impl EndpointView {
    /// The view with the signing secret in clear (creation, rotation: the
    /// row holds it sealed).
    pub fn with_secret(row: &EndpointRow, secret: String) -> EndpointView {
        EndpointView {
            secret: Some(secret),
            ..EndpointView::from(row)
        }
    }
}

/// A page of endpoints.
#[derive(Debug, Serialize, ToSchema)]
pub struct EndpointList {
    /// Oldest first.
    pub data: Vec<EndpointView>,
    /// Cursor of the next page.
    pub next_cursor: Option<String>,
}

/// One attempt of a delivery.
#[derive(Debug, Serialize, ToSchema)]
pub struct AttemptView {
    /// 1, 2, …
    pub attempt: i32,
    /// When it was sent.
    pub started_at: DateTime<Utc>,
    /// The answer's status code (`null`: no answer: timeout, refused
    /// connection, unsafe address).
    pub status_code: Option<i32>,
    /// How long it took (milliseconds).
    pub latency_ms: i32,
    /// What went wrong.
    pub error: Option<String>,
    /// The start of the answer's body (at most 1 KiB).
    pub response_excerpt: Option<String>,
    /// When the next attempt was scheduled, if one was.
    pub next_attempt_at: Option<DateTime<Utc>>,
}

impl From<&AttemptRow> for AttemptView {
    fn from(a: &AttemptRow) -> AttemptView {
        AttemptView {
            attempt: a.attempt,
            started_at: a.started_at.and_utc(),
            status_code: a.status_code,
            latency_ms: a.latency_ms,
            error: a.error.clone(),
            response_excerpt: a.response_excerpt.clone(),
            next_attempt_at: a.next_attempt_at.map(|t| t.and_utc()),
        }
    }
}

/// The delivery of one event to one endpoint.
#[derive(Debug, Serialize, ToSchema)]
pub struct DeliveryView {
    /// Id (`whd_…`).
    pub id: String,
    /// Endpoint.
    pub endpoint_id: String,
    /// The event (`webhook-id` of every attempt).
    pub event_id: String,
    /// Its type.
    pub event_type: EventType,
    /// Status.
    pub status: DeliveryStatus,
    /// Attempts made.
    pub attempt_count: i32,
    /// When the next attempt is due (pending only).
    pub next_attempt_at: Option<DateTime<Utc>>,
    /// Status code of the last attempt.
    pub last_status_code: Option<i32>,
    /// Error of the last attempt.
    pub last_error: Option<String>,
    /// Every attempt, oldest first.
    pub attempts: Vec<AttemptView>,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
}

impl DeliveryView {
    /// The view of a delivery with its attempts.
    pub fn new(d: &DeliveryRow, attempts: &[AttemptRow]) -> DeliveryView {
        DeliveryView {
            id: d.id.clone(),
            endpoint_id: d.endpoint_id.clone(),
            event_id: d.message_id.clone(),
            event_type: EventType::parse(&d.event_type).unwrap_or(EventType::Ping),
            status: d.status,
            attempt_count: d.attempts,
            next_attempt_at: d.next_attempt_at.map(|t| t.and_utc()),
            last_status_code: d.last_status_code,
            last_error: d.last_error.clone(),
            attempts: attempts.iter().map(AttemptView::from).collect(),
            created_at: d.created_at.and_utc(),
            updated_at: d.updated_at.and_utc(),
        }
    }
}

/// A page of deliveries.
#[derive(Debug, Serialize, ToSchema)]
pub struct DeliveryList {
    /// Newest event first.
    pub data: Vec<DeliveryView>,
    /// Cursor of the next page.
    pub next_cursor: Option<String>,
}

/// Filters of the delivery log.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DeliveryQuery {
    /// Only deliveries with this status.
    pub status: Option<DeliveryStatus>,
    /// Only deliveries of this event type.
    pub event_type: Option<EventType>,
}

impl DeliveryQuery {
    /// The database filter.
    pub fn filter(&self) -> DeliveryFilter {
        DeliveryFilter {
            statuses: self.status.iter().copied().collect(),
            event_type: self.event_type.map(|t| t.as_str().to_string()),
        }
    }
}

/// The vendor's endpoints and deliveries are the same shapes as the
/// merchant's under names of their own, so that the spec states they are
/// other resources: a tool that pools the ids a response returned by the
/// response's schema (a stateful tester, a generated client's cache) never
/// takes a merchant's endpoint for a vendor's.
macro_rules! vendor_alias {
    ($alias:ident, $of:ty, $doc:literal) => {
        #[doc = $doc]
        pub struct $alias;

        impl utoipa::PartialSchema for $alias {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                <$of as utoipa::PartialSchema>::schema()
            }
        }

        impl ToSchema for $alias {
            fn schemas(
                schemas: &mut Vec<(
                    String,
                    utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
                )>,
            ) {
                <$of as ToSchema>::schemas(schemas);
            }
        }
    };
}

vendor_alias!(
    VendorEndpointView,
    EndpointView,
    "A vendor's webhook endpoint (the shape of `EndpointView`)."
);
vendor_alias!(
    VendorEndpointList,
    EndpointList,
    "A page of a vendor's endpoints (the shape of `EndpointList`)."
);
vendor_alias!(
    VendorDeliveryView,
    DeliveryView,
    "A delivery to a vendor's endpoint (the shape of `DeliveryView`)."
);
vendor_alias!(
    VendorDeliveryList,
    DeliveryList,
    "A page of deliveries to a vendor's endpoint (the shape of `DeliveryList`)."
);
