//! A vendor's own webhook endpoints (vendor API key): the same operations
//! as the merchant's (`merchant/webhooks.rs`) on the vendor's endpoints
//! only. They hear of the vendor's own parts, their `data` the part as
//! `GET …/vendor/returns/{id}` shows it.

use actix_web::{HttpResponse, delete, get, patch, post, web};

use crate::app::AppState;
use crate::app::keys::VendorCaller;
use crate::app::pagination::PageQuery;
use crate::app::webhooks::{
    DeliveryList, DeliveryQuery, EndpointInput, EndpointList, EndpointPatch, EndpointView,
    VendorDeliveryList, VendorDeliveryView, VendorEndpointList, VendorEndpointView,
};
use crate::error::ApiError;
use crate::routes::extract::{Json, NoBody};
use crate::routes::query::Query;

type Path2 = web::Path<(String, String)>;
type Answer = Result<web::Json<EndpointView>, ApiError>;

/// Registers a webhook endpoint of the vendor. The answer carries its
/// signing secret (`whsec_…`), shown this once (and again only by
/// rotation). The URL must be https and its host must resolve to public
/// addresses.
#[utoipa::path(
    operation_id = "vendor_create_webhook_endpoint",
    tag = "vendor",
    params(("brand" = String, Path, description = "Brand slug")),
    request_body = EndpointInput,
    security(("vendor_key" = [])),
    responses(
        (status = 201, description = "The endpoint, with its secret", body = VendorEndpointView),
        (status = 403, description = "A merchant or admin key (`vendor_key_required`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "An invalid URL (`invalid_url`, `unsafe_url`, `unresolvable_host`) or event type (`validation_failed`), or the vendor has 20 endpoints (`too_many_endpoints`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{brand}/vendor/webhook-endpoints")]
pub async fn create(
    state: web::Data<AppState>,
    vendor: VendorCaller,
    path: web::Path<String>,
    body: Json<EndpointInput>,
) -> Result<HttpResponse, ApiError> {
    let view = crate::app::webhooks::create(&state, &vendor.into(), &path, body.0).await?;
    Ok(HttpResponse::Created().json(view))
}

/// The vendor's webhook endpoints, oldest first (without secrets); never
/// the merchant's nor another vendor's.
#[utoipa::path(
    operation_id = "vendor_list_webhook_endpoints",
    tag = "vendor",
    params(("brand" = String, Path, description = "Brand slug"), PageQuery),
    security(("vendor_key" = [])),
    responses(
        (status = 200, description = "A page of endpoints", body = VendorEndpointList),
        (status = 403, description = "A merchant or admin key (`vendor_key_required`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "An invalid `limit` or `cursor` (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{brand}/vendor/webhook-endpoints")]
pub async fn list(
    state: web::Data<AppState>,
    vendor: VendorCaller,
    path: web::Path<String>,
    page: Query<PageQuery>,
) -> Result<web::Json<EndpointList>, ApiError> {
    let (limit, cursor) = page.parse()?;
    Ok(web::Json(
        crate::app::webhooks::list(&state, &vendor.into(), &path, limit, cursor).await?,
    ))
}

/// A webhook endpoint (without its secret).
#[utoipa::path(
    operation_id = "vendor_get_webhook_endpoint",
    tag = "vendor",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Endpoint id")),
    security(("vendor_key" = [])),
    responses(
        (status = 200, description = "The endpoint", body = VendorEndpointView),
        (status = 403, description = "A merchant or admin key (`vendor_key_required`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such endpoint of this vendor (`endpoint_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{brand}/vendor/webhook-endpoints/{id}")]
pub async fn get_endpoint(state: web::Data<AppState>, vendor: VendorCaller, path: Path2) -> Answer {
    let (slug, id) = path.into_inner();
    Ok(web::Json(
        crate::app::webhooks::get(&state, &vendor.into(), &slug, &id).await?,
    ))
}

/// Changes a webhook endpoint: URL, description, event types, enabled.
#[utoipa::path(
    operation_id = "vendor_update_webhook_endpoint",
    tag = "vendor",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Endpoint id")),
    request_body = EndpointPatch,
    security(("vendor_key" = [])),
    responses(
        (status = 200, description = "The endpoint", body = VendorEndpointView),
        (status = 403, description = "A merchant or admin key (`vendor_key_required`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such endpoint of this vendor (`endpoint_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "An invalid URL (`invalid_url`, `unsafe_url`, `unresolvable_host`) or event type (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/{brand}/vendor/webhook-endpoints/{id}")]
pub async fn update(
    state: web::Data<AppState>,
    vendor: VendorCaller,
    path: Path2,
    body: Json<EndpointPatch>,
) -> Answer {
    let (slug, id) = path.into_inner();
    Ok(web::Json(
        crate::app::webhooks::update(&state, &vendor.into(), &slug, &id, body.0).await?,
    ))
}

/// Deletes a webhook endpoint with its delivery log.
#[utoipa::path(
    operation_id = "vendor_delete_webhook_endpoint",
    tag = "vendor",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Endpoint id")),
    security(("vendor_key" = [])),
    responses(
        (status = 204, description = "Deleted"),
        (status = 403, description = "A merchant or admin key (`vendor_key_required`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such endpoint of this vendor (`endpoint_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/{brand}/vendor/webhook-endpoints/{id}")]
pub async fn remove(
    state: web::Data<AppState>,
    vendor: VendorCaller,
    path: Path2,
    _: NoBody,
) -> Result<HttpResponse, ApiError> {
    let (slug, id) = path.into_inner();
    crate::app::webhooks::delete(&state, &vendor.into(), &slug, &id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Gives the endpoint a new signing secret (in the answer). For 24 hours
/// deliveries carry a signature with the old secret too, so the receiver
/// can switch without missing one.
#[utoipa::path(
    operation_id = "vendor_rotate_webhook_secret",
    tag = "vendor",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Endpoint id")),
    security(("vendor_key" = [])),
    responses(
        (status = 200, description = "The endpoint, with its new secret", body = VendorEndpointView),
        (status = 403, description = "A merchant or admin key (`vendor_key_required`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such endpoint of this vendor (`endpoint_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{brand}/vendor/webhook-endpoints/{id}/rotate-secret")]
pub async fn rotate_secret(
    state: web::Data<AppState>,
    vendor: VendorCaller,
    path: Path2,
    _: NoBody,
) -> Answer {
    let (slug, id) = path.into_inner();
    Ok(web::Json(
        crate::app::webhooks::rotate_secret(&state, &vendor.into(), &slug, &id).await?,
    ))
}

/// Sends a `ping` event to the endpoint; follow it in the delivery log.
#[utoipa::path(
    operation_id = "vendor_test_webhook_endpoint",
    tag = "vendor",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Endpoint id")),
    security(("vendor_key" = [])),
    responses(
        (status = 202, description = "The ping's delivery, on its way", body = VendorDeliveryView),
        (status = 403, description = "A merchant or admin key (`vendor_key_required`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such endpoint of this vendor (`endpoint_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The endpoint is disabled (`endpoint_disabled`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{brand}/vendor/webhook-endpoints/{id}/test")]
pub async fn test(
    state: web::Data<AppState>,
    vendor: VendorCaller,
    path: Path2,
    _: NoBody,
) -> Result<HttpResponse, ApiError> {
    let (slug, id) = path.into_inner();
    let delivery = crate::app::webhooks::test(&state, &vendor.into(), &slug, &id).await?;
    Ok(HttpResponse::Accepted().json(delivery))
}

/// The endpoint's delivery log: every event sent to it, newest first, with
/// every attempt (status code, latency, error, the start of the answer)
/// and the next one.
#[utoipa::path(
    operation_id = "vendor_list_webhook_deliveries",
    tag = "vendor",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Endpoint id"), DeliveryQuery, PageQuery),
    security(("vendor_key" = [])),
    responses(
        (status = 200, description = "A page of deliveries", body = VendorDeliveryList),
        (status = 403, description = "A merchant or admin key (`vendor_key_required`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such endpoint of this vendor (`endpoint_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "An invalid `limit` or `cursor` (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{brand}/vendor/webhook-endpoints/{id}/deliveries")]
pub async fn deliveries(
    state: web::Data<AppState>,
    vendor: VendorCaller,
    path: Path2,
    query: Query<DeliveryQuery>,
    page: Query<PageQuery>,
) -> Result<web::Json<DeliveryList>, ApiError> {
    let (slug, id) = path.into_inner();
    let (limit, cursor) = page.parse()?;
    Ok(web::Json(
        crate::app::webhooks::deliveries(
            &state,
            &vendor.into(),
            &slug,
            &id,
            query.into_inner(),
            limit,
            cursor,
        )
        .await?,
    ))
}

/// Attempts a delivery again now: a pending one is brought forward, a
/// succeeded or failed one gets one more attempt (same `webhook-id`).
#[utoipa::path(
    operation_id = "vendor_retry_webhook_delivery",
    tag = "vendor",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Delivery id")),
    security(("vendor_key" = [])),
    responses(
        (status = 202, description = "The delivery, with its next attempt due now", body = VendorDeliveryView),
        (status = 403, description = "A merchant or admin key (`vendor_key_required`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such delivery of this vendor (`delivery_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Its endpoint is disabled (`endpoint_disabled`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{brand}/vendor/webhook-endpoints/deliveries/{id}/retry")]
pub async fn retry(
    state: web::Data<AppState>,
    vendor: VendorCaller,
    path: Path2,
    _: NoBody,
) -> Result<HttpResponse, ApiError> {
    let (slug, id) = path.into_inner();
    let delivery = crate::app::webhooks::retry(&state, &vendor.into(), &slug, &id).await?;
    Ok(HttpResponse::Accepted().json(delivery))
}
