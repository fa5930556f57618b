//! Calls from carriers: tracking events of return parcels. A carrier has no
//! API key; it signs each request (Standard Webhooks) with its tracking
//! secret from `CARRIER_CONFIG`, so the route is public in the spec and the
//! service checks the signature over the body exactly as it arrived.

use actix_web::{HttpRequest, post, web};

use crate::app::AppState;
use crate::app::returns::tracking::{SignedRequest, TrackingEventInput, TrackingReceipt};
use crate::error::ApiError;
use crate::routes::extract::{declared_length, is_json, read_limited};

/// Largest tracking event body (one scan is a few hundred bytes).
pub const MAX_TRACKING_EVENT_BYTES: usize = 64 * 1024;

/// Records a carrier's scan of a return parcel.
///
/// The parcel is found by the carrier in the path and its label's tracking
/// number. The request is signed the Standard Webhooks way with the
/// carrier's `tracking_secret` from `CARRIER_CONFIG`:
/// `webhook-signature: v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{body}">`,
/// the timestamp within five minutes of the server's clock.
///
/// A scan is recorded once (the same status at the same time, or the same
/// `event_id`, answers `duplicate`); the parcel's current status is its
/// latest scan by `occurred_at`, so a late scan joins the history without
/// moving it back. The first scan showing the parcel travelling
/// (`accepted`, `in_transit`, `delivered`) moves an approved return to
/// `in_transit` (`return.in_transit`, actor `carrier:{carrier}`); the
/// first `delivered` scan of a parcel announces `return.delivered` while
/// the return expects parcels; receiving stays the warehouse's action. An
/// unknown tracking number answers `ignored` and changes nothing.
#[utoipa::path(
    operation_id = "carrier_post_tracking_event",
    tag = "carriers",
    params(
        ("carrier" = String, Path, description = "Carrier code, as in `CARRIER_CONFIG`", example = "postnl"),
        ("webhook-id" = String, Header, description = "Id of the message, the same on every retry", example = "msg_2mFJ6tBQlH3xVdZs"),
        ("webhook-timestamp" = String, Header, description = "Unix time of this attempt in seconds; refused more than five minutes away from the server's clock", example = "1796199300"),
        ("webhook-signature" = String, Header, description = "`v1,` and the base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` keyed with the base64-decoded part of the carrier's `whsec_` secret; several signatures separated by spaces", example = "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4="),
    ),
    request_body = TrackingEventInput,
    responses(
        (status = 200, description = "Recorded, a duplicate, or ignored (no return parcel of this carrier has the tracking number)", body = TrackingReceipt),
        (status = 401, description = "Unsigned, signed with another secret, stale, or a carrier without a tracking secret (`invalid_signature`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid texts or country, or a time more than a day ahead (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/v1/carriers/{carrier}/tracking-events")]
pub async fn tracking_event(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
    payload: web::Payload,
) -> Result<web::Json<TrackingReceipt>, ApiError> {
    let header = |name: &str| {
        req.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let signed = SignedRequest {
        id: header("webhook-id"),
        timestamp: header("webhook-timestamp"),
        signature: header("webhook-signature"),
        json: is_json(&req),
        body: read_limited(payload, declared_length(&req), MAX_TRACKING_EVENT_BYTES)
            .await?
            .to_vec(),
    };
    Ok(web::Json(
        crate::app::returns::tracking::receive(&state, &path, signed).await?,
    ))
}
