//! `/v1/brands`: list, create (admin), read and update brands.

use actix_web::{HttpResponse, get, patch, post, web};
use serde::{Deserialize, Deserializer, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::auth::Merchant;
use crate::db::Db;
use crate::db::brands::BrandRow;
use crate::domain::brand::{Theme, check_slug, normalize_domain, normalize_origins};
use crate::domain::settings::ReturnsSettings;
use crate::error::{ApiError, FieldError};
use crate::routes::extract::Json;
use crate::routes::pagination::{PageQuery, paginate};
use crate::startup::AppState;

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

/// Body of `POST /v1/brands`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateBrand {
    /// Slug: 2–63 lowercase letters, digits and inner hyphens.
    #[schema(example = "acme")]
    pub slug: String,
    /// Display name (1–100 characters).
    #[schema(example = "ACME Outdoor")]
    pub name: String,
    /// Theme (defaults to neutral colours).
    pub theme: Option<Theme>,
    /// Custom domain.
    pub custom_domain: Option<String>,
    /// Allowed browser origins.
    pub allowed_origins: Option<Vec<String>>,
}

/// Body of `PATCH /v1/brands/{brand}`: only the fields present change.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateBrand {
    /// New display name.
    pub name: Option<String>,
    /// New theme (replaces the whole theme).
    pub theme: Option<Theme>,
    /// New custom domain; `null` removes it.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub custom_domain: Option<Option<String>>,
    /// New allowed origins (replaces the list).
    pub allowed_origins: Option<Vec<String>>,
}

/// Distinguishes an absent field (`None`) from an explicit `null` (`Some(None)`).
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

fn check_name(name: &str, errors: &mut Vec<FieldError>) {
    if name.trim().is_empty() || name.chars().count() > 100 {
        errors.push(FieldError::new(
            "name",
            "invalid_length",
            "must have 1–100 characters",
        ));
    }
}

fn check_theme(theme: &Theme, errors: &mut Vec<FieldError>) {
    if let Err(e) = theme.validate() {
        errors.extend(
            crate::routes::extract::field_errors(&e)
                .into_iter()
                .map(|f| FieldError {
                    field: format!("theme.{}", f.field),
                    ..f
                }),
        );
    }
}

/// Validates and creates a brand with default Returns Settings (API and CLI).
pub async fn create_brand(db: &Db, input: CreateBrand) -> Result<Brand, ApiError> {
    let mut errors = Vec::new();
    if let Err(e) = check_slug(&input.slug) {
        errors.push(e);
    }
    check_name(&input.name, &mut errors);
    let theme = input.theme.unwrap_or_default();
    check_theme(&theme, &mut errors);
    let domain = match input.custom_domain.as_deref().map(normalize_domain) {
        Some(Err(e)) => {
            errors.push(e);
            None
        }
        Some(Ok(d)) => Some(d),
        None => None,
    };
    let origins =
        normalize_origins(&input.allowed_origins.unwrap_or_default()).unwrap_or_else(|e| {
            errors.extend(e);
            Vec::new()
        });
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let now = crate::db::now();
    let row = BrandRow {
        id: crate::domain::ids::new_id("brd"),
        slug: input.slug,
        name: input.name.trim().to_string(),
        theme: serde_json::to_string(&theme).map_err(ApiError::internal)?,
        custom_domain: domain,
        allowed_origins: serde_json::to_string(&origins).map_err(ApiError::internal)?,
        created_at: now,
        updated_at: now,
    };
    db.write(move |conn| {
        // Checked first so a clash of both slug and domain reports the slug on
        // either database (their unique-index order differs).
        if crate::db::brands::by_slug(conn, &row.slug)?.is_some() {
            return Err(ApiError::conflict(
                "brand_exists",
                "A brand with this slug already exists.",
            ));
        }
        crate::db::brands::insert(conn, &row)?;
        crate::db::settings::insert(conn, &row.id, &ReturnsSettings::default())?;
        Ok(row.clone())
    })
    .await
    .map(Brand::from)
}

/// Lists the brands this API key may manage (every brand for admin keys).
#[utoipa::path(
    tag = "brands",
    params(PageQuery),
    security(("api_key" = [])),
    responses((status = 200, description = "A page of brands", body = BrandList))
)]
#[get("")]
pub async fn list_brands(
    state: web::Data<AppState>,
    merchant: Merchant,
    query: web::Query<PageQuery>,
) -> Result<web::Json<BrandList>, ApiError> {
    let (limit, cursor) = query.parse()?;
    let only = (merchant.role == crate::auth::Role::Merchant).then(|| merchant.brand_ids.clone());
    let rows = state
        .db
        .read(move |conn| {
            crate::db::brands::list(conn, only.as_deref(), cursor.as_deref(), limit + 1)
        })
        .await?;
    let (rows, next_cursor) = paginate(rows, limit, |r| r.id.clone());
    Ok(web::Json(BrandList {
        data: rows.into_iter().map(Brand::from).collect(),
        next_cursor,
    }))
}

/// Creates a brand with default Returns Settings (admin keys only).
#[utoipa::path(
    tag = "brands",
    request_body = CreateBrand,
    security(("api_key" = [])),
    responses(
        (status = 201, description = "Created", body = Brand),
        (status = 403, description = "Not an admin key (`admin_required`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Slug (`brand_exists`) or domain (`domain_taken`) taken", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("")]
pub async fn create(
    state: web::Data<AppState>,
    merchant: Merchant,
    body: Json<CreateBrand>,
) -> Result<HttpResponse, ApiError> {
    merchant.require_admin()?;
    let brand = create_brand(&state.db, body.0).await?;
    state.portal.invalidate_all();
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/v1/brands/{}", brand.slug)))
        .json(brand))
}

/// A brand this key may manage.
#[utoipa::path(
    tag = "brands",
    params(("brand" = String, Path, description = "Brand slug")),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "The brand", body = Brand),
        (status = 404, description = "No such brand, or not yours (`brand_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{brand}")]
pub async fn get_brand(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: web::Path<String>,
) -> Result<web::Json<Brand>, ApiError> {
    let slug = path.into_inner();
    let row = state
        .db
        .read(move |conn| merchant.brand(conn, &slug))
        .await?;
    Ok(web::Json(row.into()))
}

/// Changes a brand's name, theme, custom domain or allowed origins.
#[utoipa::path(
    tag = "brands",
    params(("brand" = String, Path, description = "Brand slug")),
    request_body = UpdateBrand,
    security(("api_key" = [])),
    responses(
        (status = 200, description = "The updated brand", body = Brand),
        (status = 404, description = "No such brand, or not yours", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Domain taken (`domain_taken`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/{brand}")]
pub async fn update(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: web::Path<String>,
    body: Json<UpdateBrand>,
) -> Result<web::Json<Brand>, ApiError> {
    let input = body.0;
    let mut errors = Vec::new();
    if let Some(name) = &input.name {
        check_name(name, &mut errors);
    }
    if let Some(theme) = &input.theme {
        check_theme(theme, &mut errors);
    }
    let domain = match &input.custom_domain {
        Some(Some(d)) => match normalize_domain(d) {
            Ok(d) => Some(Some(d)),
            Err(e) => {
                errors.push(e);
                None
            }
        },
        Some(None) => Some(None),
        None => None,
    };
    let origins = match input.allowed_origins.as_deref().map(normalize_origins) {
        Some(Ok(o)) => Some(o),
        Some(Err(e)) => {
            errors.extend(e);
            None
        }
        None => None,
    };
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let slug = path.into_inner();
    let row = state
        .db
        .write(move |conn| {
            let mut row = merchant.brand(conn, &slug)?;
            if let Some(name) = &input.name {
                row.name = name.trim().to_string();
            }
            if let Some(theme) = &input.theme {
                row.theme = serde_json::to_string(theme).map_err(ApiError::internal)?;
            }
            if let Some(domain) = &domain {
                row.custom_domain = domain.clone();
            }
            if let Some(origins) = &origins {
                row.allowed_origins = serde_json::to_string(origins).map_err(ApiError::internal)?;
            }
            row.updated_at = crate::db::now();
            crate::db::brands::update(conn, &row)?;
            Ok(row)
        })
        .await?;
    state.portal.invalidate_all();
    Ok(web::Json(row.into()))
}
