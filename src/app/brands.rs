//! Brands: one portal each, with its own settings, theme and origins.

use serde::Serialize;
use utoipa::ToSchema;

use super::{AppState, merchant_brand};
use crate::auth::Merchant;
use crate::db::Db;
use crate::db::brands::{BrandRow, Clash};
use crate::domain::brand::Theme;
pub use crate::domain::brand::{CreateBrand, UpdateBrand};
use crate::domain::settings::ReturnsSettings;
use crate::error::{ApiError, ErrorCode};

/// A brand: one portal with its own settings, theme and origins.
#[derive(Debug, Serialize, ToSchema)]
pub struct Brand {
    /// Id.
    #[schema(example = "brd_0193a0d4c6f07c2a8b1e5f3a9d2c4b6e")]
    pub id: String,
    /// Slug used in portal URLs (`/v1/portal/{slug}`).
    #[schema(example = "acme")]
    pub slug: String,
    /// Display name.
    #[schema(example = "ACME Outdoor")]
    pub name: String,
    /// Portal theme.
    pub theme: Theme,
    /// Custom domain that also addresses the portal (`/v1/portal/{domain}`).
    #[schema(example = "returns.acme.example")]
    pub custom_domain: Option<String>,
    /// Browser origins allowed to call the portal API and embed it (`*` for any).
    #[schema(example = json!(["https://shop.acme.example"]))]
    pub allowed_origins: Vec<String>,
    /// Creation time.
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// Last change.
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

impl From<BrandRow> for Brand {
    fn from(row: BrandRow) -> Brand {
        Brand {
            theme: serde_json::from_str(&row.theme).unwrap_or_default(),
            allowed_origins: row.origins(),
            id: row.id,
            slug: row.slug,
            name: row.name,
            custom_domain: row.custom_domain,
            created_at: row.created_at.and_utc(),
            updated_at: row.updated_at.and_utc(),
        }
    }
}

/// A page of brands.
#[derive(Debug, Serialize, ToSchema)]
pub struct BrandList {
    /// Brands of this page.
    pub data: Vec<Brand>,
    /// Cursor of the next page, `null` on the last.
    pub next_cursor: Option<String>,
}

fn clash(c: Clash) -> ApiError {
    match c {
        Clash::Slug => ApiError::new(
            ErrorCode::BrandExists,
            "A brand with this slug already exists.",
        ),
        Clash::Domain => ApiError::new(
            ErrorCode::DomainTaken,
            "Another brand already uses this custom domain.",
        ),
    }
}

/// Validates and creates a brand with default Returns Settings (API, CLI
/// and demo seeding); 409 when its slug or domain is taken.
pub async fn create(db: &Db, input: CreateBrand) -> Result<Brand, ApiError> {
    let new = input.check()?;
    let now = crate::db::now();
    let row = BrandRow {
        id: crate::domain::ids::new_id("brd"),
        slug: new.slug,
        name: new.name,
        theme: serde_json::to_string(&new.theme).map_err(ApiError::internal)?,
        custom_domain: new.custom_domain,
        allowed_origins: serde_json::to_string(&new.origins).map_err(ApiError::internal)?,
        created_at: now,
        updated_at: now,
    };
    db.write(move |conn| {
        // Checked first so a clash of both slug and domain reports the slug on
        // either database (their unique-index order differs).
        if crate::db::brands::by_slug(conn, &row.slug)?.is_some() {
            return Err(clash(Clash::Slug));
        }
        crate::db::brands::insert(conn, &row)?.map_err(clash)?;
        crate::db::settings::insert(conn, &row.id, &ReturnsSettings::default())?;
        Ok(row.clone())
    })
    .await
    .map(Brand::from)
}

/// Creates a brand as `merchant` (admin keys only) and forgets this node's
/// cached brands.
pub async fn create_as(
    state: &AppState,
    merchant: &Merchant,
    input: CreateBrand,
) -> Result<Brand, ApiError> {
    merchant.require_admin()?;
    let brand = create(&state.db, input).await?;
    state.portal.invalidate_all();
    Ok(brand)
}

/// A page of the brands `merchant` may manage (every brand for admin keys),
/// by id after `cursor`.
pub async fn list(
    state: &AppState,
    merchant: &Merchant,
    limit: i64,
    cursor: Option<String>,
) -> Result<BrandList, ApiError> {
    let only = merchant.visible_brands()?.map(<[String]>::to_vec);
    let rows = state
        .db
        .read(move |conn| {
            Ok(crate::db::brands::list(
                conn,
                only.as_deref(),
                cursor.as_deref(),
                limit + 1,
            )?)
        })
        .await?;
    let (rows, next_cursor) = super::pagination::paginate(rows, limit, |r| r.id.clone());
    Ok(BrandList {
        data: rows.into_iter().map(Brand::from).collect(),
        next_cursor,
    })
}

/// A brand `merchant` may manage (404 otherwise).
pub async fn get(state: &AppState, merchant: &Merchant, slug: &str) -> Result<Brand, ApiError> {
    let (merchant, slug) = (merchant.clone(), slug.to_string());
    let row = state
        .db
        .read(move |conn| merchant_brand(conn, &merchant, &slug))
        .await?;
    Ok(row.into())
}

/// Changes a brand's name, theme, custom domain or allowed origins.
pub async fn update(
    state: &AppState,
    merchant: &Merchant,
    slug: &str,
    input: UpdateBrand,
) -> Result<Brand, ApiError> {
    let changes = input.check()?;
    let (merchant, slug) = (merchant.clone(), slug.to_string());
    let row = state
        .db
        .write(move |conn| {
            let mut row = merchant_brand(conn, &merchant, &slug)?;
            if let Some(name) = &changes.name {
                row.name = name.clone();
            }
            if let Some(theme) = &changes.theme {
                row.theme = serde_json::to_string(theme).map_err(ApiError::internal)?;
            }
            if let Some(domain) = &changes.custom_domain {
                row.custom_domain = domain.clone();
            }
            if let Some(origins) = &changes.origins {
                row.allowed_origins = serde_json::to_string(origins).map_err(ApiError::internal)?;
            }
            row.updated_at = crate::db::now();
            crate::db::brands::update(conn, &row)?.map_err(clash)?;
            Ok(row)
        })
        .await?;
    state.portal.invalidate_all();
    Ok(row.into())
}

/// The id of the brand with this slug, if any.
pub async fn id_by_slug(db: &Db, slug: &str) -> Result<Option<String>, ApiError> {
    let slug = slug.to_string();
    db.read(move |conn| Ok(crate::db::brands::by_slug(conn, &slug)?.map(|b| b.id)))
        .await
}
