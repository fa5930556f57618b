//! The reference portal: `GET /portal/{brand}` (its page) and
//! `GET /portal/assets/{path}` (its scripts and styles), for brands that turn
//! on `hosted_portal` in their Returns Settings. The files live in
//! `portal/` and are built into the binary (a debug build reads them from
//! the disk, so an edit shows on reload). They are not part of the API's
//! spec: the portal is a client of that API, calling it like any storefront.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, guard, web};

use crate::app::AppState;
use crate::error::{ApiError, ErrorCode};

#[derive(rust_embed::Embed)]
#[folder = "portal/"]
#[exclude = "types/*"]
#[exclude = "tsconfig.json"]
struct Files;

/// `GET`, and `HEAD` (the same answer without its body).
fn read() -> actix_web::Route {
    web::route().guard(guard::Any(guard::Get()).or(guard::Head()))
}

/// Registers both routes (assets first: `assets` is not a brand).
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/portal/assets/{path:.*}", read().to(asset))
        .route("/portal/{brand}", read().to(page));
}

fn not_found(what: &str) -> ApiError {
    ApiError::new(ErrorCode::RouteNotFound, format!("No portal file {what}."))
}

/// The page, the same for every brand: its script reads the brand from
/// the path. The policy lets only the brand's allowed origins frame it.
async fn page(
    state: web::Data<AppState>,
    brand: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let policy = crate::app::portal::hosted_policy(&state, &brand).await?;
    let file = Files::get("index.html").ok_or_else(|| not_found("index.html"))?;
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CONTENT_SECURITY_POLICY, policy))
        .insert_header((header::CACHE_CONTROL, "no-cache"))
        .insert_header((header::REFERRER_POLICY, "no-referrer"))
        .body(file.data.into_owned()))
}

/// A script, style sheet or image of the portal, revalidated by its hash.
async fn asset(req: HttpRequest, path: web::Path<String>) -> Result<HttpResponse, ApiError> {
    let file = Files::get(&path).ok_or_else(|| not_found(&path))?;
    let etag = format!("\"{}\"", hex::encode(&file.metadata.sha256_hash()[..16]));
    let fresh = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag));
    let mut response = if fresh {
        HttpResponse::NotModified()
    } else {
        HttpResponse::Ok()
    };
    response
        .insert_header((header::ETAG, etag))
        .insert_header((header::CACHE_CONTROL, "no-cache"));
    if fresh {
        return Ok(response.finish());
    }
    Ok(response
        .content_type(file.metadata.mimetype())
        .body(file.data.into_owned()))
}
