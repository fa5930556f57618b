//! CORS for the portal routes: storefronts on the brand's allowed origins may
//! call them from the browser. Merchant routes are server-to-server and get
//! no CORS grants at all.
//!
//! The allowed origins belong to the brand named in the path, so the check
//! needs the database (a short-lived per-node cache keeps it cheap).

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{Error, HttpResponse, ResponseError, web};

use crate::app::AppState;
use crate::error::{ApiError, ErrorCode};

const ALLOW_METHODS: &str = "GET, POST, OPTIONS";
const ALLOW_HEADERS: &str =
    "Authorization, Content-Type, Idempotency-Key, Accept-Language, X-Request-Id";
const EXPOSE_HEADERS: &str = "X-Request-Id, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, ETag, Location";

/// Middleware for `/v1/portal/{brand}/…`.
pub async fn portal(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody + 'static>>, Error> {
    let Some(origin) = req
        .headers()
        .get(header::ORIGIN)
        .and_then(|o| o.to_str().ok())
        .map(str::to_owned)
    else {
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_left_body);
    };
    let brand = req
        .match_info()
        .get("brand")
        .unwrap_or_default()
        .to_string();
    let granted = match req.app_data::<web::Data<AppState>>() {
        Some(state) => crate::app::portal::origin_allowed(state, &brand, &origin).await,
        None => false,
    };
    let preflight = req.method() == Method::OPTIONS
        && req
            .headers()
            .contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);

    if preflight {
        let response = if granted {
            HttpResponse::NoContent()
                .insert_header((header::ACCESS_CONTROL_ALLOW_ORIGIN, origin.as_str()))
                .insert_header((header::ACCESS_CONTROL_ALLOW_METHODS, ALLOW_METHODS))
                .insert_header((header::ACCESS_CONTROL_ALLOW_HEADERS, ALLOW_HEADERS))
                .insert_header((header::ACCESS_CONTROL_MAX_AGE, "600"))
                .insert_header((header::VARY, "Origin"))
                .finish()
        } else {
            ApiError::new(
                ErrorCode::OriginNotAllowed,
                "This origin is not among the brand's allowed origins.",
            )
            .error_response()
        };
        return Ok(req.into_response(response).map_into_right_body());
    }

    let mut res = next.call(req).await?;
    if granted && let Ok(value) = HeaderValue::from_str(&origin) {
        let headers = res.headers_mut();
        headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, value);
        headers.insert(
            header::ACCESS_CONTROL_EXPOSE_HEADERS,
            HeaderValue::from_static(EXPOSE_HEADERS),
        );
        headers.append(header::VARY, HeaderValue::from_static("Origin"));
    }
    Ok(res.map_into_left_body())
}
