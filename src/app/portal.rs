//! The portal's view of a brand: its public settings, localized, and the
//! portal tokens that lookup issues (verified here for every later call).

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;
use utoipa::ToSchema;

use super::AppState;
use super::cache::PortalBrand;
use crate::auth::tokens::{Claims, PORTAL_AUDIENCE, Scope};
use crate::domain::brand::Theme;
use crate::domain::settings::{
    LookupMethod, ResolutionType, ReturnFee, ReturnMethodType, ReturnsSettings, WindowStart,
};
use crate::error::{ApiError, ErrorCode};

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
    /// Offer an exchange first for items with this reason (where the line
    /// has exchange options).
    pub suggest_exchange: bool,
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
    /// Enabled resolutions, in the order to offer them.
    pub refund_options: Vec<PortalRefundOption>,
    /// Exchange and store credit come before a refund.
    pub exchange_first: bool,
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
    /// The reference portal, when the brand serves it (else null).
    pub hosted_portal: Option<HostedPortal>,
}

/// What a storefront needs to embed the reference portal.
#[derive(Debug, Serialize, ToSchema)]
pub struct HostedPortal {
    /// Its path on this API's host: the `src` of an embedding iframe.
    #[schema(example = "/portal/demo")]
    pub path: String,
    /// Origins whose pages may show it in a frame (its
    /// `Content-Security-Policy: frame-ancestors`, besides its own origin);
    /// `*` means any. These are the brand's allowed origins.
    #[schema(example = json!(["https://shop.example.com"]))]
    pub frame_ancestors: Vec<String>,
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

/// The enabled resolutions, in the order to offer them.
pub fn refund_options(s: &ReturnsSettings) -> Vec<PortalRefundOption> {
    s.offered_resolutions()
        .into_iter()
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
    origins: Vec<String>,
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
                suggest_exchange: r.suggest_exchange,
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
        exchange_first: s.exchange_first,
        return_fee: s.return_fee.clone(),
        lookup_methods: s.lookup_methods.clone(),
        return_window_days: s.return_window_days,
        window_starts_at: s.window_starts_at,
        policy_url: s.policy_url.clone(),
        hosted_portal: s.hosted_portal.then(|| HostedPortal {
            path: format!("/portal/{slug}"),
            frame_ancestors: origins,
        }),
    }
}

/// The public settings of the brand addressed by `brand_key` (slug or
/// custom domain) in the best locale for `requested` / `accept_language`.
pub async fn settings(
    state: &AppState,
    brand_key: &str,
    requested: Option<&str>,
    accept_language: Option<&str>,
) -> Result<PortalSettings, ApiError> {
    let brand = state.portal.require(&state.db, brand_key).await?;
    let locale = brand
        .settings
        .negotiate_locale(requested, accept_language)
        .to_string();
    let theme: Theme = serde_json::from_str(&brand.brand.theme).unwrap_or_default();
    Ok(portal_view(
        &brand.brand.slug,
        &brand.brand.name,
        theme,
        &brand.settings,
        &locale,
        // Read only when they are shown: this answers every storefront visit.
        if brand.settings.hosted_portal {
            brand.brand.origins()
        } else {
            Vec::new()
        },
    ))
}

/// The `Content-Security-Policy` of the reference portal of the brand
/// addressed by `brand_key`; 404 `brand_not_found` when the brand does not
/// serve it.
pub async fn hosted_policy(state: &AppState, brand_key: &str) -> Result<String, ApiError> {
    let brand = state.portal.require(&state.db, brand_key).await?;
    if !brand.settings.hosted_portal {
        return Err(ApiError::new(
            ErrorCode::BrandNotFound,
            "This brand does not serve the reference portal.",
        ));
    }
    Ok(crate::domain::brand::portal_csp(&brand.brand.origins()))
}

/// Whether a browser at `origin` may call the portal of the brand addressed
/// by `brand_key` (never for an unknown brand, nor when the brand cannot be
/// read).
pub async fn origin_allowed(state: &AppState, brand_key: &str, origin: &str) -> bool {
    let allowed = state
        .portal
        .allowed_origins(&state.db, brand_key)
        .await
        .unwrap_or_default();
    crate::domain::brand::origin_allowed(&allowed, origin)
}

/// A verified portal token of the brand in the path.
#[derive(Debug, Clone)]
pub struct PortalToken {
    /// The claims (`sub` is the order id).
    pub claims: Claims,
    /// The brand named in the path (the token's brand).
    pub brand: Arc<PortalBrand>,
}

/// Verifies an access token (returns of one order) for the brand addressed
/// by `brand_key`.
pub async fn verify_access(
    state: &AppState,
    token: Option<&str>,
    brand_key: &str,
) -> Result<PortalToken, ApiError> {
    verify_token(state, token, brand_key, Scope::Returns).await
}

/// Verifies a service-points token for the brand addressed by `brand_key`.
pub async fn verify_service_points(
    state: &AppState,
    token: Option<&str>,
    brand_key: &str,
) -> Result<PortalToken, ApiError> {
    verify_token(state, token, brand_key, Scope::ServicePoints).await
}

/// Verifies a portal token for `scope` on the brand addressed by
/// `brand_key`: 401 when missing or invalid, 403 for another scope or brand.
pub async fn verify_token(
    state: &AppState,
    token: Option<&str>,
    brand_key: &str,
    scope: Scope,
) -> Result<PortalToken, ApiError> {
    let token = token.ok_or_else(|| {
        ApiError::new(
            ErrorCode::MissingCredentials,
            "Send the token from parcel lookup as `Authorization: Bearer <token>`.",
        )
    })?;
    let claims = state.keys.verify(&state.db, token, PORTAL_AUDIENCE).await?;
    if claims.scope != scope {
        return Err(ApiError::new(
            ErrorCode::InsufficientScope,
            "This token does not grant access to this endpoint.",
        ));
    }
    let brand = state.portal.require(&state.db, brand_key).await?;
    if brand.brand.id != claims.brand {
        return Err(ApiError::new(
            ErrorCode::WrongBrand,
            "This token belongs to another brand.",
        ));
    }
    Ok(PortalToken { claims, brand })
}
