//! The application layer: one module per use case. Routes, the command line
//! and demo seeding call these functions; each one checks access, asks
//! `domain` to decide and runs its reads and writes through `db`, every
//! write in one transaction (outbox rows for labels and events included).
//!
//! API types that a service takes or returns (its views) live next to it;
//! the routes only add what is HTTP (status, headers, extraction).

pub mod brands;
pub mod cache;
pub mod catalogue;
pub mod exports;
mod jobs;
pub mod keys;
pub mod labels;
pub mod lookup;
pub mod maintenance;
pub mod orders;
pub mod pagination;
pub mod photos;
pub mod portal;
pub mod reports;
pub mod returns;
pub mod secrets;
pub mod service_points;
pub mod settings;
pub mod state;
pub mod uploads;
pub mod vendors;
pub mod webhooks;

pub use state::AppState;

use crate::db::DbConn;
use crate::db::brands::BrandRow;
use crate::error::{ApiError, ErrorCode};

/// The uniform 404 for a brand that does not exist or is not the caller's.
pub fn brand_not_found() -> ApiError {
    ApiError::new(ErrorCode::BrandNotFound, "No such brand.")
}

/// The uniform 404 for a return that does not exist or is not the caller's.
pub fn return_not_found() -> ApiError {
    ApiError::new(ErrorCode::ReturnNotFound, "No such return.")
}

/// The brand named by `slug` if `merchant` may manage it; other tenants'
/// brands are indistinguishable from missing ones (404).
pub fn merchant_brand(
    conn: &mut DbConn,
    merchant: &crate::auth::Merchant,
    slug: &str,
) -> Result<BrandRow, ApiError> {
    match crate::db::brands::by_slug(conn, slug)? {
        Some(brand) if merchant.can_access(&brand.id) => Ok(brand),
        _ => Err(brand_not_found()),
    }
}
