//! What an order line may be exchanged for.

use actix_web::{get, web};

use crate::app::AppState;
use crate::app::catalogue::{ExchangeOptions, ExchangeQuery};
use crate::error::ApiError;
use crate::routes::extract::AccessToken;
use crate::routes::query::Query;

/// The other variants of an order line's product that are in stock, which
/// options differ from the one ordered, and the price difference in the
/// order's currency (positive: dearer). Empty when the catalogue has no
/// product for the line or it is not exchangeable; the line can still be
/// refunded.
#[utoipa::path(
    operation_id = "portal_exchange_options",
    tag = "portal",
    params(("brand" = String, Path, description = "Brand slug or custom domain"), ExchangeQuery),
    security(("access_token" = [])),
    responses(
        (status = 200, description = "The line's exchange offers", body = ExchangeOptions),
        (status = 404, description = "The order has no such line (`line_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/exchange-options")]
pub async fn exchange_options(
    state: web::Data<AppState>,
    token: AccessToken,
    query: Query<ExchangeQuery>,
) -> Result<web::Json<ExchangeOptions>, ApiError> {
    Ok(web::Json(
        crate::app::catalogue::exchange_options(&state, &token.0, &query.order_line_id).await?,
    ))
}
