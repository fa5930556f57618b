//! Webhook endpoints of a brand, their secrets and their delivery log.

use actix_web::{HttpResponse, delete, get, patch, post, web};

use crate::app::AppState;
use crate::app::keys::Merchant;
use crate::app::pagination::PageQuery;
use crate::app::webhooks::{
    DeliveryList, DeliveryQuery, DeliveryView, EndpointInput, EndpointList, EndpointPatch,
    EndpointView,
};
use crate::error::ApiError;
use crate::routes::extract::{Json, NoBody};
use crate::routes::query::Query;

type Path2 = web::Path<(String, String)>;
type Answer = Result<web::Json<EndpointView>, ApiError>;

/// Registers a webhook endpoint. The answer carries its signing secret
/// (`whsec_…`), shown this once (and again only by rotation). The URL must
/// be https and its host must resolve to public addresses.
#[utoipa::path(
    operation_id = "merchant_create_webhook_endpoint",
    tag = "webhook endpoints",
    params(("brand" = String, Path, description = "Brand slug")),
    request_body = EndpointInput,
    security(("api_key" = [])),
    responses(
        (status = 201, description = "The endpoint, with its secret", body = EndpointView),
        (status = 422, description = "An invalid URL (`invalid_url`, `unsafe_url`, `unresolvable_host`) or event type (`validation_failed`), or the brand has 20 endpoints (`too_many_endpoints`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{brand}/webhook-endpoints")]
pub async fn create(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: web::Path<String>,
    body: Json<EndpointInput>,
) -> Result<HttpResponse, ApiError> {
    let view = crate::app::webhooks::create(&state, &merchant.into(), &path, body.0).await?;
    Ok(HttpResponse::Created().json(view))
}

/// The brand's webhook endpoints, oldest first (without secrets).
#[utoipa::path(
    operation_id = "merchant_list_webhook_endpoints",
    tag = "webhook endpoints",
    params(("brand" = String, Path, description = "Brand slug"), PageQuery),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "A page of endpoints", body = EndpointList),
        (status = 422, description = "An invalid `limit` or `cursor` (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{brand}/webhook-endpoints")]
pub async fn list(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: web::Path<String>,
    page: Query<PageQuery>,
) -> Result<web::Json<EndpointList>, ApiError> {
    let (limit, cursor) = page.parse()?;
    Ok(web::Json(
        crate::app::webhooks::list(&state, &merchant.into(), &path, limit, cursor).await?,
    ))
}

/// A webhook endpoint (without its secret).
#[utoipa::path(
    operation_id = "merchant_get_webhook_endpoint",
    tag = "webhook endpoints",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Endpoint id")),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "The endpoint", body = EndpointView),
        (status = 404, description = "No such endpoint of this brand (`endpoint_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{brand}/webhook-endpoints/{id}")]
pub async fn get_endpoint(state: web::Data<AppState>, merchant: Merchant, path: Path2) -> Answer {
    let (slug, id) = path.into_inner();
    Ok(web::Json(
        crate::app::webhooks::get(&state, &merchant.into(), &slug, &id).await?,
    ))
}

/// Changes a webhook endpoint: URL, description, event types, enabled.
#[utoipa::path(
    operation_id = "merchant_update_webhook_endpoint",
    tag = "webhook endpoints",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Endpoint id")),
    request_body = EndpointPatch,
    security(("api_key" = [])),
    responses(
        (status = 200, description = "The endpoint", body = EndpointView),
        (status = 404, description = "No such endpoint of this brand (`endpoint_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "An invalid URL (`invalid_url`, `unsafe_url`, `unresolvable_host`) or event type (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/{brand}/webhook-endpoints/{id}")]
pub async fn update(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: Path2,
    body: Json<EndpointPatch>,
) -> Answer {
    let (slug, id) = path.into_inner();
    Ok(web::Json(
        crate::app::webhooks::update(&state, &merchant.into(), &slug, &id, body.0).await?,
    ))
}

/// Deletes a webhook endpoint with its delivery log.
#[utoipa::path(
    operation_id = "merchant_delete_webhook_endpoint",
    tag = "webhook endpoints",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Endpoint id")),
    security(("api_key" = [])),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, description = "No such endpoint of this brand (`endpoint_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/{brand}/webhook-endpoints/{id}")]
pub async fn remove(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: Path2,
    _: NoBody,
) -> Result<HttpResponse, ApiError> {
    let (slug, id) = path.into_inner();
    crate::app::webhooks::delete(&state, &merchant.into(), &slug, &id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Gives the endpoint a new signing secret (in the answer). For 24 hours
/// deliveries carry a signature with the old secret too, so the receiver
/// can switch without missing one.
#[utoipa::path(
    operation_id = "merchant_rotate_webhook_secret",
    tag = "webhook endpoints",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Endpoint id")),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "The endpoint, with its new secret", body = EndpointView),
        (status = 404, description = "No such endpoint of this brand (`endpoint_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{brand}/webhook-endpoints/{id}/rotate-secret")]
pub async fn rotate_secret(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: Path2,
    _: NoBody,
) -> Answer {
    let (slug, id) = path.into_inner();
    Ok(web::Json(
        crate::app::webhooks::rotate_secret(&state, &merchant.into(), &slug, &id).await?,
    ))
}

/// Sends a `ping` event to the endpoint; follow it in the delivery log.
#[utoipa::path(
    operation_id = "merchant_test_webhook_endpoint",
    tag = "webhook endpoints",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Endpoint id")),
    security(("api_key" = [])),
    responses(
        (status = 202, description = "The ping's delivery, on its way", body = DeliveryView),
        (status = 404, description = "No such endpoint of this brand (`endpoint_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The endpoint is disabled (`endpoint_disabled`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{brand}/webhook-endpoints/{id}/test")]
pub async fn test(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: Path2,
    _: NoBody,
) -> Result<HttpResponse, ApiError> {
    let (slug, id) = path.into_inner();
    let delivery = crate::app::webhooks::test(&state, &merchant.into(), &slug, &id).await?;
    Ok(HttpResponse::Accepted().json(delivery))
}

/// The endpoint's delivery log: every event sent to it, newest first, with
/// every attempt (status code, latency, error, the start of the answer)
/// and the next one.
#[utoipa::path(
    operation_id = "merchant_list_webhook_deliveries",
    tag = "webhook endpoints",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Endpoint id"), DeliveryQuery, PageQuery),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "A page of deliveries", body = DeliveryList),
        (status = 404, description = "No such endpoint of this brand (`endpoint_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "An invalid `limit` or `cursor` (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{brand}/webhook-endpoints/{id}/deliveries")]
pub async fn deliveries(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: Path2,
    query: Query<DeliveryQuery>,
    page: Query<PageQuery>,
) -> Result<web::Json<DeliveryList>, ApiError> {
    let (slug, id) = path.into_inner();
    let (limit, cursor) = page.parse()?;
    Ok(web::Json(
        crate::app::webhooks::deliveries(
            &state,
            &merchant.into(),
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
    operation_id = "merchant_retry_webhook_delivery",
    tag = "webhook endpoints",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Delivery id")),
    security(("api_key" = [])),
    responses(
        (status = 202, description = "The delivery, with its next attempt due now", body = DeliveryView),
        (status = 404, description = "No such delivery of this brand (`delivery_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Its endpoint is disabled (`endpoint_disabled`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{brand}/webhook-endpoints/deliveries/{id}/retry")]
pub async fn retry(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: Path2,
    _: NoBody,
) -> Result<HttpResponse, ApiError> {
    let (slug, id) = path.into_inner();
    let delivery = crate::app::webhooks::retry(&state, &merchant.into(), &slug, &id).await?;
    Ok(HttpResponse::Accepted().json(delivery))
}
