//! Reports of a brand's returns.

use actix_web::{get, web};

use crate::app::AppState;
use crate::app::keys::Merchant;
use crate::app::reports::{ReportQuery, ReturnsReport};
use crate::error::ApiError;
use crate::routes::query::Query;

/// The returns created in a period (UTC days, default the last 30), grouped
/// by reason, SKU, product, vendor, resolution, disposition, country or day:
/// per group the returns, units and their value per currency, refund and
/// exchange rates, and units received (unexpected ones apart). Cancelled
/// returns are left out. Figures come from daily and monthly summaries kept
/// up to date in the background; the report brings them up to date first
/// when few days are due, and `as_of` says how current they are.
#[utoipa::path(
    operation_id = "merchant_returns_report",
    tag = "reports",
    params(("brand" = String, Path, description = "Brand slug"), ReportQuery),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "The report", body = ReturnsReport),
        (status = 400, description = "A date or grouping that does not parse (`invalid_query`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{brand}/reports/returns")]
pub async fn returns_report(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: web::Path<String>,
    query: Query<ReportQuery>,
) -> Result<web::Json<ReturnsReport>, ApiError> {
    crate::app::reports::returns_report(&state, &merchant, &path, query.into_inner())
        .await
        .map(web::Json)
}
