//! Parcel lookup: find an order by order or tracking number plus one
//! verifier, answer with per-line eligibility, the nearest drop-off points
//! and two scoped tokens.
//!
//! Every mismatch — unknown identifier, wrong verifier, another brand's
//! order — is the same 404 `order_not_found` with the same body and headers,
//! and costs the same work (one failure counted per identifier and client
//! address, per identifier and per client address, in the database so the
//! limits hold across nodes). Once a counter is over its limit every
//! attempt it covers, right or wrong, is a 429 until the window ends, so
//! guessing cannot continue; a stranger's failures lock only the stranger
//! out of an order until the identifier's ceiling for all clients is hit.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use super::AppState;
use super::cache::PortalBrand;
use super::portal::{PortalRefundOption, PortalReturnMethod, refund_options, return_methods};
use crate::auth::tokens::Scope;
use crate::db::orders::OrderRow;
use crate::domain::eligibility::{LineEligibility, NonReturnableReason, Policy, evaluate};
use crate::domain::lookup::{Counter, Counters, Disclosure, Stored, Verifier, primary_parcel};
pub use crate::domain::lookup::{LookupRequest, RateLimit};
use crate::domain::money::Money;
use crate::domain::orders::{Order, ShipmentStatus};
use crate::domain::settings::{ReturnMethodType, ReturnsSettings};
use crate::error::{ApiError, ErrorCode};
use crate::geo::ServicePointView;

/// An order line with its eligibility.
#[derive(Debug, Serialize, ToSchema)]
pub struct LookupLine {
    /// Line id (use as `order_line_id` when creating a return).
    pub id: String,
    /// SKU.
    pub sku: String,
    /// Name.
    pub name: String,
    /// Image.
    pub image_url: Option<String>,
    /// Units ordered.
    pub quantity: u32,
    /// Units that may be returned now.
    pub returnable_quantity: u32,
    /// Unit price.
    pub unit_price: Money,
    /// Whether any unit may be returned now.
    pub returnable: bool,
    /// Why not, when `returnable` is false.
    pub non_returnable_reason: Option<NonReturnableReason>,
    /// Last moment a unit may be returned, when known.
    pub return_deadline: Option<DateTime<Utc>>,
    /// Vendor.
    pub vendor: Option<String>,
    /// How many other variants in stock the line may be exchanged for
    /// (`GET …/exchange-options?order_line_id=` lists them); 0 when the
    /// catalogue offers none.
    pub exchange_offers: u32,
}

/// The order, as the customer sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct LookupOrder {
    /// Order number.
    pub number: String,
    /// When it was placed.
    pub placed_at: DateTime<Utc>,
    /// Currency.
    #[schema(example = "EUR")]
    pub currency: String,
    /// Lines with eligibility.
    pub lines: Vec<LookupLine>,
}

/// Where a parcel went, as far as the verifier proved the caller knows it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Destination {
    /// Postal code: in full when the lookup was verified by postal code,
    /// else its first two characters followed by `•••` (e.g. `10•••`).
    #[schema(example = "1012 AB")]
    pub postal_code: String,
    /// Country.
    pub country: String,
    /// Latitude, when known and the lookup was verified by postal code (else `null`).
    pub latitude: Option<f64>,
    /// Longitude, when known and the lookup was verified by postal code (else `null`).
    pub longitude: Option<f64>,
}

/// A parcel of the order.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Parcel {
    /// Tracking number: in full when the lookup was verified by postal code
    /// or named this parcel; else `•••` followed by its last four characters
    /// (only `•••` for a number of four characters or fewer).
    pub tracking_number: String,
    /// Carrier.
    pub carrier: String,
    /// Status.
    pub status: ShipmentStatus,
    /// When shipped.
    pub shipped_at: Option<DateTime<Utc>>,
    /// When delivered.
    pub delivered_at: Option<DateTime<Utc>>,
    /// Destination.
    pub destination: Destination,
}

/// Lookup result.
#[derive(Debug, Serialize, ToSchema)]
pub struct LookupResponse {
    /// The order and per-line eligibility.
    pub order: LookupOrder,
    /// The parcel the identifier named, else the latest one; `null` when nothing shipped.
    pub parcel: Option<Parcel>,
    /// Every parcel of the order.
    pub parcels: Vec<Parcel>,
    /// Nearest service point of an enabled carrier, or `null`.
    pub service_point: Option<ServicePointView<'static>>,
    /// Nearest label-less service point of a label-less carrier, or `null`.
    pub labelless_service_point: Option<ServicePointView<'static>>,
    /// Enabled return methods.
    pub return_methods: Vec<PortalReturnMethod>,
    /// Enabled resolutions.
    pub refund_options: Vec<PortalRefundOption>,
    /// Bearer token for creating, reading and cancelling returns of this order.
    pub access_token: String,
    /// Bearer token for the service-point search of this brand.
    pub service_points_token: String,
    /// Token type (`Bearer`).
    pub token_type: String,
    /// When both tokens expire.
    pub expires_at: DateTime<Utc>,
}

/// How far lookup looks for the nearest service point.
pub const NEAREST_RADIUS_M: f64 = 50_000.0;

/// The answer and where the caller stands against the failure limits.
pub struct Answer {
    /// The response body.
    pub response: LookupResponse,
    /// The limits after this attempt (sent as `RateLimit-*` headers).
    pub limit: RateLimit,
}

/// The `RateLimit-*` headers of `limit` on an error.
pub fn with_limit(e: ApiError, limit: RateLimit) -> ApiError {
    e.with_header("ratelimit-limit", limit.limit.to_string())
        .with_header("ratelimit-remaining", limit.remaining.to_string())
        .with_header("ratelimit-reset", limit.reset_secs.to_string())
}

/// An order that matched, with what the answer needs from the database.
struct Found {
    row: OrderRow,
    order: Order,
    by_tracking: bool,
    returned: HashMap<String, u32>,
    centroid: Option<(f64, f64)>,
    families: Vec<crate::db::catalogue::Family>,
}

/// The counters of this identifier and client.
#[derive(Clone)]
struct Keys {
    identifier_client: String,
    identifier: String,
    client: String,
}

impl Keys {
    fn all(&self) -> [String; 3] {
        [
            self.identifier_client.clone(),
            self.identifier.clone(),
            self.client.clone(),
        ]
    }

    fn counters(&self, rows: &[(String, Counter)]) -> Counters {
        let find = |key: &str| rows.iter().find(|(k, _)| k == key).map(|(_, c)| *c);
        Counters {
            identifier_client: find(&self.identifier_client),
            identifier: find(&self.identifier),
            client: find(&self.client),
        }
    }
}

/// Looks an order up for the brand addressed by `brand_key`, from the
/// client at `client` (its address, for the failure limit).
pub async fn lookup(
    state: &AppState,
    brand_key: &str,
    client: &str,
    body: LookupRequest,
) -> Result<Answer, ApiError> {
    let brand = state.portal.require(&state.db, brand_key).await?;
    let key = crate::domain::lookup::identifier(&body.identifier)?;
    let settings = &brand.settings;
    let verifier = Verifier::of(
        &body,
        &settings.lookup_methods,
        settings.phone_region.as_deref(),
    )?;
    let keys = Keys {
        identifier_client: format!("lookup:idc:{}:{key}:{client}", brand.brand.id),
        identifier: format!("lookup:id:{}:{key}", brand.brand.id),
        client: format!("lookup:ip:{client}"),
    };
    let now = Utc::now();
    let limits = state.lookup_limits;
    let state_of = |rows: &[(String, Counter)]| limits.state(keys.counters(rows), now.timestamp());
    let method = verifier.method;
    let (found, counters) = find(state, &brand, &keys, &key, verifier, now).await?;
    let limit = state_of(&counters);
    let found = match found {
        Some(found) if !limit.blocked => found,
        _ if limit.blocked => {
            return Err(with_limit(
                ApiError::rate_limited(
                    limit.reset_secs as u64,
                    "Too many failed lookups; try again later.",
                ),
                limit,
            ));
        }
        _ => {
            let counters = count_failure(state, &keys, now.timestamp()).await?;
            return Err(with_limit(
                ApiError::new(ErrorCode::OrderNotFound, "No order matches these details."),
                state_of(&counters),
            ));
        }
    };
    let disclosure = Disclosure::of(method, found.by_tracking.then_some(key.as_str()));
    let response = answer(state, &brand, &key, found, &disclosure, now).await?;
    Ok(Answer { response, limit })
}

/// Reads the counters and, unless blocked, the matching order with the
/// units its active returns hold and (without coordinates) its postal
/// code's position: one read transaction.
async fn find(
    state: &AppState,
    brand: &PortalBrand,
    keys: &Keys,
    key: &str,
    verifier: Verifier,
    now: DateTime<Utc>,
) -> Result<(Option<Found>, Vec<(String, Counter)>), ApiError> {
    let (brand_id, key) = (brand.brand.id.clone(), key.to_string());
    let keys = keys.clone();
    let limits = state.lookup_limits;
    state
        .db
        .read(move |conn| {
            let counters = crate::db::rate_limits::get(conn, &keys.all())?;
            if limits
                .state(keys.counters(&counters), now.timestamp())
                .blocked
            {
                return Ok((None, counters));
            }
            let Some((row, by_tracking)) =
                crate::db::orders::find_by_identifier(conn, &brand_id, &key)?
            else {
                return Ok((None, counters));
            };
            let stored = Stored {
                postal_code: row.postal_norm.as_deref(),
                email: row.email_norm.as_deref(),
                phone: row.phone_e164.as_deref(),
            };
            if !verifier.matches(stored) {
                return Ok((None, counters));
            }
            let returned = crate::db::returns::active_quantities(conn, &row.id)?;
            let order = row.order()?;
            // Orders without coordinates are placed by their postal code.
            let a = &order.shipping_address;
            let centroid = match (a.latitude, a.longitude, &row.postal_norm) {
                (None, _, Some(key)) | (_, None, Some(key)) => {
                    crate::db::service_points::centroid(conn, &a.country, key)?
                }
                _ => None,
            };
            let skus: Vec<String> = order.lines.iter().map(|l| l.sku.clone()).collect();
            let products: Vec<String> = order
                .lines
                .iter()
                .filter_map(|l| l.product_id.clone())
                .collect();
            let families = crate::db::catalogue::families(conn, &row.brand_id, &skus, &products)?;
            Ok((
                Some(Found {
                    row,
                    order,
                    by_tracking,
                    returned,
                    centroid,
                    families,
                }),
                counters,
            ))
        })
        .await
}

/// Counts one failure on each counter of the attempt; the counters after.
async fn count_failure(
    state: &AppState,
    keys: &Keys,
    now: i64,
) -> Result<Vec<(String, Counter)>, ApiError> {
    let keys = keys.all();
    let window = state.lookup_limits.window_secs;
    state
        .db
        .write(move |conn| {
            keys.iter()
                .map(|k| {
                    Ok((
                        k.clone(),
                        crate::db::rate_limits::hit(conn, k, now, window)?,
                    ))
                })
                .collect()
        })
        .await
}

/// The answer for a found order: eligibility per line, parcels, nearest
/// points and the two tokens.
async fn answer(
    state: &AppState,
    brand: &PortalBrand,
    key: &str,
    found: Found,
    disclosure: &Disclosure,
    now: DateTime<Utc>,
) -> Result<LookupResponse, ApiError> {
    let Found {
        row,
        order,
        by_tracking,
        returned,
        centroid,
        families,
    } = found;
    let settings = &brand.settings;
    let eligibility = evaluate(&order, Policy::from(settings), &returned, now);
    let lines = lookup_lines(&order, eligibility, &families);
    let a = &order.shipping_address;
    let parcels = parcels(&order, disclosure);
    let primary = primary_parcel(&order.shipments, by_tracking.then_some(key));
    let position = match (a.latitude, a.longitude) {
        (Some(lat), Some(lon)) => Some((lat, lon)),
        _ => centroid,
    };
    let (service_point, labelless_service_point) = match position {
        Some((lat, lon)) => nearest_points(state, settings, &a.country, lat, lon, now),
        None => (None, None),
    };
    let (access_token, service_points_token, expires_at) =
        issue_tokens(state, &brand.brand.id, &row.id).await?;
    Ok(LookupResponse {
        order: LookupOrder {
            number: order.number.clone(),
            placed_at: order.placed_at,
            currency: order.currency.to_string(),
            lines,
        },
        parcel: primary.and_then(|i| parcels.get(i).cloned()),
        parcels,
        service_point,
        labelless_service_point,
        return_methods: return_methods(settings),
        refund_options: refund_options(settings),
        access_token,
        service_points_token,
        token_type: "Bearer".into(),
        expires_at,
    })
}

/// The order's lines with their eligibility.
fn lookup_lines(
    order: &Order,
    eligibility: Vec<LineEligibility>,
    families: &[crate::db::catalogue::Family],
) -> Vec<LookupLine> {
    order
        .lines
        .iter()
        .zip(eligibility)
        .map(|(l, e)| LookupLine {
            id: l.id.clone(),
            sku: l.sku.clone(),
            name: l.name.clone(),
            image_url: l.image_url.clone(),
            quantity: l.quantity,
            returnable_quantity: e.returnable_quantity,
            unit_price: l.unit_price,
            returnable: e.returnable_quantity > 0,
            non_returnable_reason: e.reason,
            return_deadline: e.return_deadline,
            vendor: l.vendor.clone(),
            exchange_offers: super::catalogue::offers_of(families, l).len() as u32,
        })
        .collect()
}

/// The order's parcels with their destination, as far as `disclosure` allows.
fn parcels(order: &Order, disclosure: &Disclosure) -> Vec<Parcel> {
    let a = &order.shipping_address;
    let (latitude, longitude) = disclosure.coordinates(a.latitude, a.longitude);
    let destination = Destination {
        postal_code: disclosure.postal_code(&a.postal_code),
        country: a.country.clone(),
        latitude,
        longitude,
    };
    order
        .shipments
        .iter()
        .map(|s| Parcel {
            tracking_number: disclosure.tracking_number(&s.tracking_number),
            carrier: s.carrier.clone(),
            status: s.status,
            shipped_at: s.shipped_at,
            delivered_at: s.delivered_at,
            destination: destination.clone(),
        })
        .collect()
}

/// The access token (returns of the order) and the service-points token
/// (search of the brand), with their expiry.
async fn issue_tokens(
    state: &AppState,
    brand_id: &str,
    order_id: &str,
) -> Result<(String, String, DateTime<Utc>), ApiError> {
    let ttl = chrono::Duration::seconds(state.config.access_token_ttl_secs as i64);
    let sp_ttl = chrono::Duration::seconds(state.config.service_points_token_ttl_secs as i64);
    let keys = &state.keys;
    let (access_token, expires_at) = keys
        .issue(&state.db, Scope::Returns, brand_id, order_id, ttl)
        .await?;
    let (service_points_token, _) = keys
        .issue(&state.db, Scope::ServicePoints, brand_id, order_id, sp_ttl)
        .await?;
    Ok((access_token, service_points_token, expires_at))
}

/// The nearest drop-off point (carriers of the drop-off method, else of any
/// enabled method) and the nearest label-less point (carriers of the
/// label-less method) in the destination country.
fn nearest_points(
    state: &AppState,
    settings: &ReturnsSettings,
    country: &str,
    latitude: f64,
    longitude: f64,
    now: DateTime<Utc>,
) -> (
    Option<ServicePointView<'static>>,
    Option<ServicePointView<'static>>,
) {
    let index = state.points.get();
    let nearest = |carriers: &[String], labelless_only: bool| {
        index
            .search(&crate::geo::Query {
                latitude,
                longitude,
                radius_m: NEAREST_RADIUS_M,
                country,
                carriers,
                labelless_only,
                limit: 1,
            })
            .into_iter()
            .next()
            .and_then(|hit| index.view(hit, now))
    };
    let drop_off = settings
        .method(ReturnMethodType::DropOff)
        .map(|m| m.carriers.clone())
        .unwrap_or_else(|| settings.enabled_carriers());
    let labelless = settings
        .method(ReturnMethodType::Labelless)
        .map(|m| m.carriers.clone());
    (
        nearest(&drop_off, false),
        labelless.and_then(|carriers| nearest(&carriers, true)),
    )
}
