//! `POST /v1/portal/{brand}/lookup`: find an order by order or tracking
//! number plus one verifier (see `app::lookup` for the policy).

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, post, web};

use crate::app::AppState;
use crate::app::lookup::{LookupRequest, LookupResponse};
use crate::error::ApiError;
use crate::routes::extract::Json;

/// The client address used for rate limiting: the peer, or read from
/// `X-Forwarded-For` behind trusted proxies.
pub fn client_address(req: &HttpRequest, state: &AppState) -> String {
    let forwarded_for: Vec<&str> = req
        .headers()
        .get_all("x-forwarded-for")
        .filter_map(|v| v.to_str().ok())
        .collect();
    state
        .proxies
        .client(req.peer_addr().map(|a| a.ip()), &forwarded_for)
}

/// Finds an order by order number or tracking number plus one verifier.
///
/// Failed attempts are counted per identifier and client address (5 per
/// 15 minutes by default), per identifier from all clients (50) and per
/// client address (30). When a count is used up, every attempt it covers,
/// right or wrong, is a 429 until the window ends: a client guessing an
/// order locks only itself out, until the identifier's ceiling for all
/// clients is reached. The client address is the connection's peer, or the
/// `X-Forwarded-For` entry after the configured trusted proxies.
#[utoipa::path(
    operation_id = "portal_lookup",
    tag = "portal",
    params(("brand" = String, Path, description = "Brand slug or custom domain")),
    request_body = LookupRequest,
    responses(
        (status = 200, description = "The order with eligibility and two tokens", body = LookupResponse,
         headers(("RateLimit-Remaining" = i32, description = "Failed attempts left in the window"))),
        (status = 404, description = "Any mismatch, always the same answer (`order_not_found`), or no such brand (`brand_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not exactly one verifier, an identifier of the wrong length or a malformed verifier (`validation_failed`), or a verifier the brand does not accept (`lookup_method_not_allowed`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed attempts (`rate_limited`); retry after `Retry-After` seconds", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/lookup")]
pub async fn lookup(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
    body: Json<LookupRequest>,
) -> Result<HttpResponse, ApiError> {
    let client = client_address(&req, &state);
    let answer = crate::app::lookup::lookup(&state, &path, &client, body.0).await?;
    let limit = answer.limit;
    Ok(HttpResponse::Ok()
        .insert_header(("ratelimit-limit", limit.limit.to_string()))
        .insert_header(("ratelimit-remaining", limit.remaining.to_string()))
        .insert_header(("ratelimit-reset", limit.reset_secs.to_string()))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(answer.response))
}
