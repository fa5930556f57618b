//! Service points: the portal's search (served from this node's index) and
//! the operator's imports of carrier networks and postal-code centroids.

use serde::Serialize;
use utoipa::ToSchema;

use super::AppState;
use super::portal::PortalToken;
use crate::db::Db;
pub use crate::db::service_points::ImportSummary;
pub use crate::domain::service_points::{CentroidInput, Format, JsonImport, SearchQuery};
use crate::domain::service_points::{ValidPoint, parse_centroids, parse_points};
use crate::error::ApiError;
use crate::geo::ServicePointView;

/// Service points found.
#[derive(Debug, Serialize, ToSchema)]
pub struct ServicePointList<'a> {
    /// Points, nearest first.
    pub data: Vec<ServicePointView<'a>>,
}

/// Result of a centroid import.
#[derive(Debug, Serialize, ToSchema)]
pub struct CentroidSummary {
    /// Centroids written.
    pub imported: usize,
}

/// Drop-off points around a position for the token's brand, nearest first,
/// as the JSON of a [`ServicePointList`] whose text is borrowed from the
/// index (nothing copied on the hot path).
pub fn search(
    state: &AppState,
    token: &PortalToken,
    query: &SearchQuery,
) -> Result<Vec<u8>, ApiError> {
    let s = query.validate(&token.brand.settings)?;
    let index = state.points.get();
    let hits = index.search(&crate::geo::Query {
        latitude: s.latitude,
        longitude: s.longitude,
        radius_m: s.radius,
        country: &s.country,
        carriers: &s.carriers,
        labelless_only: s.labelless,
        limit: s.limit,
    });
    // Sized for a typical point (~560 bytes) so the buffer is not regrown.
    let mut body = Vec::with_capacity(16 + 640 * hits.len());
    serde_json::to_writer(
        &mut body,
        &ServicePointList {
            data: index.borrowed_views(&hits, chrono::Utc::now()),
        },
    )
    .map_err(ApiError::internal)?;
    Ok(body)
}

/// Writes validated points in one transaction: all or nothing.
pub async fn import_points(
    db: &Db,
    points: Vec<ValidPoint>,
    replace: bool,
) -> Result<ImportSummary, ApiError> {
    db.write(move |conn| Ok(crate::db::service_points::import(conn, &points, replace)?))
        .await
}

/// Parses, validates and imports a network file, all or nothing (CLI).
pub async fn import_network<B: AsRef<[u8]> + Send + 'static>(
    db: &Db,
    format: Format,
    body: B,
    replace: bool,
) -> Result<ImportSummary, ApiError> {
    let points = crate::db::blocking(move || parse_points(format, body.as_ref())).await?;
    import_points(db, points, replace).await
}

/// [`import_network`] for the API: this node rebuilds its index at once,
/// the others on their next poll.
pub async fn import<B: AsRef<[u8]> + Send + 'static>(
    state: &AppState,
    format: Format,
    body: B,
    replace: bool,
) -> Result<ImportSummary, ApiError> {
    let summary = import_network(&state.db, format, body, replace).await?;
    if let Err(e) = state.points.refresh(&state.db).await {
        tracing::warn!(error = %e, "index refresh after import failed");
    }
    Ok(summary)
}

/// Parses, validates and imports postal-code centroids (API and CLI).
pub async fn import_centroids<B: AsRef<[u8]> + Send + 'static>(
    db: &Db,
    format: Format,
    body: B,
) -> Result<CentroidSummary, ApiError> {
    let rows = crate::db::blocking(move || parse_centroids(format, body.as_ref())).await?;
    let imported = db
        .write(move |conn| Ok(crate::db::service_points::upsert_centroids(conn, &rows)?))
        .await?;
    Ok(CentroidSummary { imported })
}

/// Loads generated points and centroids when the database has no points
/// (demo seeding); `count` points from `seed`.
pub async fn seed_generated(state: &AppState, count: usize, seed: u64) -> Result<(), ApiError> {
    let db = &state.db;
    if db
        .read(|conn| Ok(crate::db::service_points::count(conn)?))
        .await?
        > 0
    {
        return Ok(());
    }
    let inputs = crate::geo::generate::generate(count, seed)
        .enumerate()
        .map(|(i, p)| (format!("service_points[{i}]"), p))
        .collect();
    let points = crate::domain::service_points::validate_all(inputs).map_err(|e| {
        ApiError::internal(anyhow::anyhow!(
            "generated points invalid: {:?}",
            e.errors.first()
        ))
    })?;
    import_points(db, points, false).await?;
    let centroids = crate::geo::generate::demo_centroids();
    db.write(move |conn| {
        Ok(crate::db::service_points::upsert_centroids(
            conn, &centroids,
        )?)
    })
    .await?;
    state.points.refresh(db).await?;
    Ok(())
}

/// Writes `count` generated, plausible points (NL, BE, DE, FR) from `seed`
/// as CSV (the same seed gives the same points).
pub fn generate_csv(count: usize, seed: u64, out: &mut impl std::io::Write) -> anyhow::Result<()> {
    crate::geo::generate::write_csv(crate::geo::generate::generate(count, seed), out)?;
    Ok(())
}
