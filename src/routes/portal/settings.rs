//! `GET /v1/portal/{brand}`: the public portal configuration, localized.

use std::collections::BTreeMap;

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::domain::brand::Theme;
use crate::domain::settings::{
    LookupMethod, ResolutionType, ReturnFee, ReturnMethodType, ReturnsSettings, WindowStart,
};
use crate::error::ApiError;
use crate::startup::AppState;

/// Query of the portal settings.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LocaleQuery {
    /// Preferred locale (overrides `Accept-Language`), e.g. `nl` or `de-AT`.
    pub locale: Option<String>,
}

/// The brand as shown to customers.
#[derive(Debug, Serialize, ToSchema)]
pub struct PortalBrandInfo {
    /// Slug.
    pub slug: String,
    /// Display name.
    pub name: String,
    /// Theme.
    pub theme: Theme,
}

/// A return reason, localized.
#[derive(Debug, Serialize, ToSchema)]
pub struct PortalReason {
    /// Code to send when creating a return.
    #[schema(example = "too_small")]
    pub code: String,
    /// Label in the response's locale.
    #[schema(example = "Too small")]
    pub label: String,
    /// A comment is required.
    pub require_comment: bool,
    /// Photos are required.
    pub require_images: bool,
    /// Minimum number of photos when required.
    pub min_images: u32,
    /// The item's condition is required.
    pub require_condition: bool,
}

/// An item condition, localized.
#[derive(Debug, Serialize, ToSchema)]
pub struct PortalCondition {
    /// Code.
    pub code: String,
    /// Label in the response's locale.
    pub label: String,
}

/// An enabled return method.
#[derive(Debug, Serialize, ToSchema)]
pub struct PortalReturnMethod {
    /// Method.
    #[serde(rename = "type")]
    pub method: ReturnMethodType,
    /// Carriers serving it.
    pub carriers: Vec<String>,
    /// For pickup: days ahead a pickup may be booked.
    pub max_pickup_days: Option<u32>,
}

/// An enabled resolution.
#[derive(Debug, Serialize, ToSchema)]
pub struct PortalRefundOption {
    /// Resolution.
    #[serde(rename = "type")]
    pub resolution: ResolutionType,
    /// Store-credit bonus in percent.
    pub store_credit_bonus_percent: Option<u32>,
}

/// Public portal settings of a brand.
#[derive(Debug, Serialize, ToSchema)]
pub struct PortalSettings {
    /// The brand.
    pub brand: PortalBrandInfo,
    /// Locale of the texts and labels in this response.
    #[schema(example = "en")]
    pub locale: String,
    /// The brand's default locale.
    pub default_locale: String,
    /// Every supported locale.
    pub locales: Vec<String>,
    /// Portal texts in `locale`.
    pub strings: BTreeMap<String, String>,
    /// Return reasons.
    pub reasons: Vec<PortalReason>,
    /// Item conditions.
    pub condition_codes: Vec<PortalCondition>,
    /// Enabled return methods.
    pub return_methods: Vec<PortalReturnMethod>,
    /// Enabled resolutions.
    pub refund_options: Vec<PortalRefundOption>,
    /// Fee deducted from refunds, if any.
    pub return_fee: Option<ReturnFee>,
    /// Verifiers accepted at lookup (besides the order or tracking number).
    pub lookup_methods: Vec<LookupMethod>,
    /// Return window in days.
    pub return_window_days: u32,
    /// Whether the window counts from delivery or the order date.
    pub window_starts_at: WindowStart,
    /// Link to the return policy.
    pub policy_url: Option<String>,
}

fn label(labels: &BTreeMap<String, String>, locale: &str, fallback: &str) -> String {
    labels
        .get(locale)
        .or_else(|| labels.get(fallback))
        .cloned()
        .unwrap_or_default()
}

/// The enabled return methods.
pub fn return_methods(s: &ReturnsSettings) -> Vec<PortalReturnMethod> {
    s.return_methods
        .iter()
        .filter(|m| m.enabled)
        .map(|m| PortalReturnMethod {
            method: m.method,
            carriers: m.carriers.clone(),
            max_pickup_days: m.max_pickup_days,
        })
        .collect()
}

/// The enabled resolutions.
pub fn refund_options(s: &ReturnsSettings) -> Vec<PortalRefundOption> {
    s.refund_options
        .iter()
        .filter(|o| o.enabled)
        .map(|o| PortalRefundOption {
            resolution: o.resolution,
            store_credit_bonus_percent: o.store_credit_bonus_percent,
        })
        .collect()
}

/// Builds the public view of `settings` in `locale`.
pub fn portal_view(
    slug: &str,
    name: &str,
    theme: Theme,
    s: &ReturnsSettings,
    locale: &str,
) -> PortalSettings {
    let fallback = s.default_locale.as_str();
    PortalSettings {
        brand: PortalBrandInfo {
            slug: slug.into(),
            name: name.into(),
            theme,
        },
        locale: locale.into(),
        default_locale: s.default_locale.clone(),
        locales: s.locales.clone(),
        strings: s
            .strings
            .get(locale)
            .or_else(|| s.strings.get(fallback))
            .cloned()
            .unwrap_or_default(),
        reasons: s
            .reasons
            .iter()
            .map(|r| PortalReason {
                code: r.code.clone(),
                label: label(&r.labels, locale, fallback),
                require_comment: r.require_comment,
                require_images: r.require_images,
                min_images: if r.require_images { r.min_images } else { 0 },
                require_condition: r.require_condition,
            })
            .collect(),
        condition_codes: s
            .condition_codes
            .iter()
            .map(|c| PortalCondition {
                code: c.code.clone(),
                label: label(&c.labels, locale, fallback),
            })
            .collect(),
        return_methods: return_methods(s),
        refund_options: refund_options(s),
        return_fee: s.return_fee.clone(),
        lookup_methods: s.lookup_methods.clone(),
        return_window_days: s.return_window_days,
        window_starts_at: s.window_starts_at,
        policy_url: s.policy_url.clone(),
    }
}

/// Public portal settings: brand and theme, locales and texts, reasons,
/// condition codes, return methods, refund options, return fee, lookup methods
/// and policy URL. Localized by `?locale=` or `Accept-Language`, falling back
/// to the brand's default locale. `{brand}` is the slug or the custom domain.
#[utoipa::path(
    tag = "portal",
    params(("brand" = String, Path, description = "Brand slug or custom domain"), LocaleQuery),
    responses(
        (status = 200, description = "Portal settings", body = PortalSettings,
         headers(("Content-Language" = String, description = "Locale of the response"))),
        (status = 404, description = "No such brand (`brand_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("")]
pub async fn portal_settings(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
    query: web::Query<LocaleQuery>,
) -> Result<HttpResponse, ApiError> {
    let brand = state.portal.require(&state.db, &path).await?;
    let accept = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    let locale = brand
        .settings
        .negotiate_locale(query.locale.as_deref(), accept)
        .to_string();
    let theme: Theme = serde_json::from_str(&brand.brand.theme).unwrap_or_default();
    let view = portal_view(
        &brand.brand.slug,
        &brand.brand.name,
        theme,
        &brand.settings,
        &locale,
    );
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_LANGUAGE, locale))
        .insert_header((header::VARY, "Accept-Language"))
        .insert_header((header::CACHE_CONTROL, "public, max-age=30"))
        .json(view))
}
