//! Credentials: merchant/operator API keys (this module), portal JWTs and
//! signed label URLs.

pub mod api_keys;
pub mod tokens;

pub use api_keys::{Merchant, Role};

/// The bearer credential of a request, if any (`Authorization: Bearer …`).
pub fn bearer(req: &actix_web::HttpRequest) -> Option<&str> {
    let value = req
        .headers()
        .get(actix_web::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|t| !t.is_empty())
}
