//! The brand's notification log: every e-mail it sent or skipped.

use actix_web::{get, web};

use crate::app::AppState;
use crate::app::keys::Merchant;
use crate::app::pagination::PageQuery;
use crate::app::returns::notifications::{NotificationPage, NotificationQuery};
use crate::error::ApiError;
use crate::routes::query::Query;

/// Every e-mail of the brand, newest event first: to customers
/// (`notifications`), to staff (`staff_notifications`, including those
/// about disabled webhook endpoints, which name no return) and to vendors
/// (`vendor_notifications`), each with its status.
#[utoipa::path(
    operation_id = "merchant_list_notifications",
    tag = "returns",
    params(("brand" = String, Path, description = "Brand slug"), NotificationQuery, PageQuery),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "A page of notifications", body = NotificationPage),
        (status = 404, description = "No such brand for this key (`brand_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "An invalid `limit` or `cursor` (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{brand}/notifications")]
pub async fn list_notifications(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: web::Path<String>,
    query: Query<NotificationQuery>,
    page: Query<PageQuery>,
) -> Result<web::Json<NotificationPage>, ApiError> {
    let (limit, cursor) = page.parse()?;
    Ok(web::Json(
        crate::app::returns::notifications::list_for_brand(
            &state,
            &merchant,
            &path.into_inner(),
            query.into_inner(),
            limit,
            cursor,
        )
        .await?,
    ))
}
