//! `GET /v1/portal/{brand}`: the public portal configuration, localized.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, web};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::app::AppState;
use crate::app::portal::PortalSettings;
use crate::error::ApiError;
use crate::routes::query::Query;

/// Query of the portal settings.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LocaleQuery {
    /// Preferred locale (overrides `Accept-Language`), e.g. `nl` or `de-AT`.
    pub locale: Option<String>,
}

/// Public portal settings: brand and theme, locales and texts, reasons,
/// condition codes, return methods, refund options, return fee, lookup methods
/// and policy URL. Localized by `?locale=` or `Accept-Language`, falling back
/// to the brand's default locale. `{brand}` is the slug or the custom domain.
#[utoipa::path(
    operation_id = "portal_get_settings",
    tag = "portal",
    params(("brand" = String, Path, description = "Brand slug or custom domain"), LocaleQuery),
    responses(
        (status = 200, description = "Portal settings", body = PortalSettings,
         headers(("Content-Language" = String, description = "Locale of the response"))),
    )
)]
#[get("")]
pub async fn portal_settings(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
    query: Query<LocaleQuery>,
) -> Result<HttpResponse, ApiError> {
    let accept = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    let view = crate::app::portal::settings(&state, &path, query.locale.as_deref(), accept).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_LANGUAGE, view.locale.clone()))
        .insert_header((header::VARY, "Accept-Language"))
        .insert_header((header::CACHE_CONTROL, "public, max-age=30"))
        .json(view))
}
