//! A brand's Returns Settings: read with their version (the ETag), replace
//! as a whole when the version is still the one the merchant edited.

use super::{AppState, merchant_brand};
use crate::auth::Merchant;
pub use crate::domain::settings::ReturnsSettings;
use crate::error::{ApiError, ErrorCode};

/// The brand's settings and their version.
pub async fn get(
    state: &AppState,
    merchant: &Merchant,
    slug: &str,
) -> Result<(ReturnsSettings, i64), ApiError> {
    let (merchant, slug) = (merchant.clone(), slug.to_string());
    state
        .db
        .read(move |conn| {
            let brand = merchant_brand(conn, &merchant, &slug)?;
            let (mut settings, version) = crate::db::settings::get(conn, &brand.id)?;
            let theme = serde_json::from_str(&brand.theme).unwrap_or_default();
            settings.warnings = crate::domain::contrast::theme_warnings(&theme);
            Ok((settings, version))
        })
        .await
}

/// Replaces the settings, validated as a whole (422 with every field
/// error), if their version is still `expected` (`None`: unconditionally);
/// 412 when they changed meanwhile. Returns the new version.
pub async fn replace(
    state: &AppState,
    merchant: &Merchant,
    slug: &str,
    mut settings: ReturnsSettings,
    expected: Option<i64>,
) -> Result<i64, ApiError> {
    // Warnings are worked out on every read, never stored.
    settings.warnings.clear();
    // Checking renders the notification templates: up to a second of a
    // child process's time, waited for off the request threads.
    let settings = crate::db::blocking(move || {
        ApiError::check(settings.check())?;
        Ok::<_, ApiError>(settings)
    })
    .await?;
    let (merchant, slug) = (merchant.clone(), slug.to_string());
    let version = state
        .db
        .write(move |conn| {
            let brand = merchant_brand(conn, &merchant, &slug)?;
            crate::db::settings::replace(conn, &brand.id, &settings, expected)?.ok_or_else(|| {
                ApiError::new(
                    ErrorCode::PreconditionFailed,
                    "The settings changed since you read them; GET them again and reapply your change.",
                )
            })
        })
        .await?;
    state.portal.invalidate_all();
    Ok(version)
}

/// Replaces a brand's settings without an API key or version check (demo
/// seeding), validated like the API.
pub async fn replace_for_brand(
    db: &crate::db::Db,
    brand_id: &str,
    mut settings: ReturnsSettings,
) -> Result<i64, ApiError> {
    settings.warnings.clear();
    ApiError::check(settings.check())?;
    let brand_id = brand_id.to_string();
    db.write(move |conn| {
        crate::db::settings::replace(conn, &brand_id, &settings, None)?
            .ok_or_else(|| ApiError::internal(anyhow::anyhow!("settings changed meanwhile")))
    })
    .await
}
