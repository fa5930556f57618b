//! Service-point rows, imports, the data-set version and postal centroids.

use std::collections::{BTreeSet, HashSet};

use diesel::prelude::*;
use diesel::upsert::excluded;

use super::schema::{dataset_versions, postal_centroids, service_points};
use super::{DbConn, DbResult, OneRow};
use crate::domain::service_points::ValidPoint;

/// Name of the service-point data set in `dataset_versions`.
pub const DATASET: &str = "service_points";

/// A row of `service_points`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = service_points, treat_none_as_default_value = false)]
pub struct ServicePointRow {
    /// Id (`sp_…`).
    pub id: String,
    /// Carrier.
    pub carrier: String,
    /// Carrier's code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Street.
    pub street: String,
    /// House number.
    pub house_number: Option<String>,
    /// Postal code.
    pub postal_code: String,
    /// City.
    pub city: String,
    /// Country.
    pub country: String,
    /// Latitude.
    pub latitude: f64,
    /// Longitude.
    pub longitude: f64,
    /// Phone.
    pub phone: Option<String>,
    /// Shop type.
    pub shop_type: Option<String>,
    /// Label-less support.
    pub supports_labelless: bool,
    /// IANA time zone.
    pub timezone: String,
    /// Weekly hours (JSON).
    pub opening_hours: String,
    /// Offered to customers.
    pub active: bool,
    /// Last import that touched it.
    pub updated_at: chrono::NaiveDateTime,
}

/// What an import changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct ImportSummary {
    /// Points new to the database.
    pub created: usize,
    /// Existing points (same carrier and code) overwritten.
    pub updated: usize,
    /// Points of replaced carriers missing from the file, now inactive.
    pub deactivated: usize,
    /// The data set's new version.
    pub version: i64,
}

/// Current version of the service-point data set.
pub fn version(conn: &mut DbConn) -> DbResult<i64> {
    Ok(dataset_versions::table
        .find(DATASET)
        .select(dataset_versions::version)
        .one(conn)?
        .ok_or(diesel::result::Error::NotFound)?)
}

/// Upserts `points` by carrier + code; with `replace`, deactivates the points
/// of every carrier in the file that the file does not contain. Bumps the
/// data-set version. Run inside one transaction.
pub fn import(conn: &mut DbConn, points: &[ValidPoint], replace: bool) -> DbResult<ImportSummary> {
    let stamp = super::now();
    let carriers: BTreeSet<&str> = points.iter().map(|p| p.point.carrier.as_str()).collect();
    let existing: HashSet<(String, String)> = service_points::table
        .filter(service_points::carrier.eq_any(carriers.iter().copied().collect::<Vec<_>>()))
        .select((service_points::carrier, service_points::code))
        .load::<(String, String)>(conn)?
        .into_iter()
        .collect();
    let created = points
        .iter()
        .filter(|p| !existing.contains(&(p.point.carrier.clone(), p.point.code.clone())))
        .count();
    let rows = points
        .iter()
        .map(|p| ServicePointRow::new(p, stamp))
        .collect::<DbResult<Vec<_>>>()?;
    for chunk in rows.chunks(500) {
        upsert(conn, chunk)?;
    }
    let deactivated = if replace {
        diesel::update(
            service_points::table
                .filter(
                    service_points::carrier.eq_any(carriers.iter().copied().collect::<Vec<_>>()),
                )
                .filter(service_points::updated_at.ne(stamp))
                .filter(service_points::active.eq(true)),
        )
        .set((
            service_points::active.eq(false),
            service_points::updated_at.eq(stamp),
        ))
        .execute(conn)?
    } else {
        0
    };
    let version = bump(conn)?;
    Ok(ImportSummary {
        created,
        updated: points.len() - created,
        deactivated,
        version,
    })
}

impl ServicePointRow {
    /// The row of a validated point, with a new id, stamped with the
    /// import's time.
    pub fn new(valid: &ValidPoint, stamp: chrono::NaiveDateTime) -> DbResult<ServicePointRow> {
        let p = &valid.point;
        Ok(ServicePointRow {
            id: format!("sp_{}", uuid::Uuid::now_v7().simple()),
            carrier: p.carrier.clone(),
            code: p.code.clone(),
            name: p.name.clone(),
            street: p.street.clone(),
            house_number: p.house_number.clone(),
            postal_code: p.postal_code.clone(),
            city: p.city.clone(),
            country: p.country.clone(),
            latitude: p.latitude,
            longitude: p.longitude,
            phone: p.phone.clone(),
            shop_type: p.shop_type.clone(),
            supports_labelless: p.supports_labelless,
            timezone: valid.timezone.name().to_string(),
            opening_hours: serde_json::to_string(&valid.hours)?,
            active: p.active,
            updated_at: stamp,
        })
    }
}

/// Inserts or updates points by (`carrier`, `code`); an existing point
/// keeps its id.
fn upsert(conn: &mut DbConn, chunk: &[ServicePointRow]) -> DbResult<()> {
    crate::per_backend!(&mut *conn, c => diesel::insert_into(service_points::table)
        .values(chunk)
        .on_conflict((service_points::carrier, service_points::code))
        .do_update()
        .set((
            service_points::name.eq(excluded(service_points::name)),
            service_points::street.eq(excluded(service_points::street)),
            service_points::house_number.eq(excluded(service_points::house_number)),
            service_points::postal_code.eq(excluded(service_points::postal_code)),
            service_points::city.eq(excluded(service_points::city)),
            service_points::country.eq(excluded(service_points::country)),
            service_points::latitude.eq(excluded(service_points::latitude)),
            service_points::longitude.eq(excluded(service_points::longitude)),
            service_points::phone.eq(excluded(service_points::phone)),
            service_points::shop_type.eq(excluded(service_points::shop_type)),
            service_points::supports_labelless.eq(excluded(service_points::supports_labelless)),
            service_points::timezone.eq(excluded(service_points::timezone)),
            service_points::opening_hours.eq(excluded(service_points::opening_hours)),
            service_points::active.eq(excluded(service_points::active)),
            service_points::updated_at.eq(excluded(service_points::updated_at)),
        ))
        .execute(c))?;
    Ok(())
}

fn bump(conn: &mut DbConn) -> DbResult<i64> {
    diesel::update(dataset_versions::table.find(DATASET))
        .set(dataset_versions::version.eq(dataset_versions::version + 1))
        .execute(conn)?;
    version(conn)
}

/// Active points with an id greater than `after`, in id order.
pub fn active_chunk(conn: &mut DbConn, after: &str, limit: i64) -> DbResult<Vec<ServicePointRow>> {
    Ok(service_points::table
        .filter(service_points::active.eq(true))
        .filter(service_points::id.gt(after))
        .order(service_points::id.asc())
        .limit(limit)
        .select(ServicePointRow::as_select())
        .load(conn)?)
}

/// One point by id.
pub fn by_id(conn: &mut DbConn, id: &str) -> DbResult<Option<ServicePointRow>> {
    Ok(service_points::table
        .find(id)
        .select(ServicePointRow::as_select())
        .one(conn)?)
}

/// Number of points (active or not).
pub fn count(conn: &mut DbConn) -> DbResult<i64> {
    Ok(service_points::table.count().get_result(conn)?)
}

#[derive(Insertable)]
#[diesel(table_name = postal_centroids, treat_none_as_default_value = false)]
struct CentroidRow<'a> {
    country: &'a str,
    postal_key: &'a str,
    latitude: f64,
    longitude: f64,
}

/// Upserts postal-code centroids (`postal_key` already normalized).
pub fn upsert_centroids(conn: &mut DbConn, rows: &[(String, String, f64, f64)]) -> DbResult<usize> {
    for chunk in rows.chunks(500) {
        let values: Vec<CentroidRow> = chunk
            .iter()
            .map(|(country, postal_key, latitude, longitude)| CentroidRow {
                country,
                postal_key,
                latitude: *latitude,
                longitude: *longitude,
            })
            .collect();
        crate::per_backend!(&mut *conn, c => diesel::insert_into(postal_centroids::table)
            .values(&values)
            .on_conflict((postal_centroids::country, postal_centroids::postal_key))
            .do_update()
            .set((
                postal_centroids::latitude.eq(excluded(postal_centroids::latitude)),
                postal_centroids::longitude.eq(excluded(postal_centroids::longitude)),
            ))
            .execute(c))?;
    }
    Ok(rows.len())
}

/// Coordinates for a postal code: the exact normalized code, else the
/// longest stored prefix of it (e.g. the 4-digit area of a Dutch `1012AB`).
pub fn centroid(
    conn: &mut DbConn,
    country: &str,
    postal_key: &str,
) -> DbResult<Option<(f64, f64)>> {
    let mut prefixes: Vec<String> = (2..=postal_key.len())
        .filter(|n| postal_key.is_char_boundary(*n))
        .map(|n| postal_key[..n].to_string())
        .collect();
    if prefixes.is_empty() {
        return Ok(None);
    }
    prefixes.reverse();
    let found: Vec<(String, f64, f64)> = postal_centroids::table
        .filter(postal_centroids::country.eq(country))
        .filter(postal_centroids::postal_key.eq_any(&prefixes))
        .select((
            postal_centroids::postal_key,
            postal_centroids::latitude,
            postal_centroids::longitude,
        ))
        .load(conn)?;
    Ok(prefixes.iter().find_map(|p| {
        found
            .iter()
            .find(|(k, _, _)| k == p)
            .map(|(_, lat, lon)| (*lat, *lon))
    }))
}
