//! `POST /v1/portal/{brand}/lookup`: find an order by order or tracking
//! number plus one verifier, answer with per-line eligibility and two scoped
//! tokens.
//!
//! Every mismatch — unknown identifier, wrong verifier, another brand's
//! order — is the same 404 `order_not_found` with the same body and headers,
//! and costs the same work (one failure counted per client address and per
//! identifier, in the database so the limit holds across nodes). Once either
//! counter is over its limit every attempt, right or wrong, is a 429 until
//! the window ends, so guessing cannot continue.

use std::collections::HashMap;

use actix_web::http::header::{self, HeaderName};
use actix_web::{HttpRequest, HttpResponse, HttpResponseBuilder, post, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::tokens::Scope;
use crate::db::orders::OrderRow;
use crate::db::rate_limits::Counter;
use crate::domain::contact::{identifier_key, normalize_email, normalize_phone, postal_key, same};
use crate::domain::eligibility::{NonReturnableReason, Policy, evaluate};
use crate::domain::money::Money;
use crate::domain::orders::ShipmentStatus;
use crate::domain::settings::LookupMethod;
use crate::error::{ApiError, FieldError};
use crate::routes::extract::Json;
use crate::routes::portal::service_points::ServicePointView;
use crate::routes::portal::settings::{
    PortalRefundOption, PortalReturnMethod, refund_options, return_methods,
};
use crate::startup::AppState;

/// Lookup input: the identifier and exactly one verifier.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LookupRequest {
    /// Order number or tracking number.
    #[schema(example = "1001")]
    pub identifier: String,
    /// Destination postal code (case and spaces ignored).
    #[schema(example = "1012ab")]
    pub postal_code: Option<String>,
    /// Customer email (case ignored).
    pub email: Option<String>,
    /// Customer phone (compared as E.164).
    pub phone: Option<String>,
}

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

/// Where a parcel went.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Destination {
    /// Postal code.
    pub postal_code: String,
    /// Country.
    pub country: String,
    /// Latitude, when known.
    pub latitude: Option<f64>,
    /// Longitude, when known.
    pub longitude: Option<f64>,
}

/// A parcel of the order.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Parcel {
    /// Tracking number.
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
    pub service_point: Option<ServicePointView>,
    /// Nearest label-less service point of a label-less carrier, or `null`.
    pub labelless_service_point: Option<ServicePointView>,
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

/// Limits of failed lookups, per client address and per identifier.
#[derive(Debug, Clone, Copy)]
pub struct LookupLimits {
    /// Failures allowed per identifier in a window.
    pub per_identifier: i32,
    /// Failures allowed per client address in a window.
    pub per_client: i32,
    /// Window length in seconds.
    pub window_secs: i64,
}

#[derive(Clone)]
struct Limits {
    id_key: String,
    ip_key: String,
    conf: LookupLimits,
}

impl Limits {
    /// `(limit, remaining, reset seconds, blocked)` of the tighter counter.
    fn state(&self, counters: &[(String, Counter)], now: i64) -> (i32, i32, i64, bool) {
        let live = |key: &str| {
            counters
                .iter()
                .find(|(k, c)| k == key && now < c.window_start + self.conf.window_secs)
                .map(|(_, c)| *c)
        };
        let id = live(&self.id_key);
        let ip = live(&self.ip_key);
        let id_left = self.conf.per_identifier - id.map_or(0, |c| c.count);
        let ip_left = self.conf.per_client - ip.map_or(0, |c| c.count);
        let reset = |c: Option<Counter>| {
            c.map_or(self.conf.window_secs, |c| {
                c.window_start + self.conf.window_secs - now
            })
        };
        let blocked = id_left <= 0 || ip_left <= 0;
        if id_left <= ip_left {
            (self.conf.per_identifier, id_left.max(0), reset(id), blocked)
        } else {
            (self.conf.per_client, ip_left.max(0), reset(ip), blocked)
        }
    }
}

fn with_limits(
    mut b: HttpResponseBuilder,
    (limit, remaining, reset, _): (i32, i32, i64, bool),
) -> HttpResponseBuilder {
    b.insert_header((
        HeaderName::from_static("ratelimit-limit"),
        limit.to_string(),
    ))
    .insert_header((
        HeaderName::from_static("ratelimit-remaining"),
        remaining.to_string(),
    ))
    .insert_header((
        HeaderName::from_static("ratelimit-reset"),
        reset.max(0).to_string(),
    ));
    b
}

fn limit_headers(e: ApiError, (limit, remaining, reset, _): (i32, i32, i64, bool)) -> ApiError {
    e.with_header(
        HeaderName::from_static("ratelimit-limit"),
        limit.to_string(),
    )
    .with_header(
        HeaderName::from_static("ratelimit-remaining"),
        remaining.to_string(),
    )
    .with_header(
        HeaderName::from_static("ratelimit-reset"),
        reset.max(0).to_string(),
    )
}

/// The client address used for rate limiting.
pub fn client_address(req: &HttpRequest, trust_forwarded_for: bool) -> String {
    if trust_forwarded_for && let Some(ip) = req.connection_info().realip_remote_addr() {
        return ip.to_string();
    }
    req.peer_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}

/// The one verifier of a request, normalized; 422 when there is not exactly
/// one, when the brand does not accept it, or when it is malformed.
fn verifier(
    body: &LookupRequest,
    allowed: &[LookupMethod],
    region: Option<&str>,
) -> Result<(LookupMethod, String), ApiError> {
    let given: Vec<(LookupMethod, &str, &str)> = [
        (LookupMethod::PostalCode, "postal_code", &body.postal_code),
        (LookupMethod::Email, "email", &body.email),
        (LookupMethod::Phone, "phone", &body.phone),
    ]
    .into_iter()
    .filter_map(|(m, f, v)| v.as_deref().map(|v| (m, f, v)))
    .collect();
    let [(method, field, raw)] = given.as_slice() else {
        return Err(ApiError::validation(vec![FieldError::new(
            "",
            "exactly_one_verifier",
            "send exactly one of postal_code, email or phone",
        )]));
    };
    if !allowed.contains(method) {
        return Err(ApiError::unprocessable(
            "lookup_method_not_allowed",
            format!("This brand does not accept {field} for lookup."),
        )
        .with_errors(vec![FieldError::new(
            *field,
            "lookup_method_not_allowed",
            "not one of the brand's lookup methods",
        )]));
    }
    let normalized = match method {
        LookupMethod::PostalCode => {
            let key = postal_key(raw);
            (!key.is_empty() && key.len() <= 12 && key.chars().all(|c| c.is_ascii_alphanumeric()))
                .then_some(key)
        }
        LookupMethod::Email => normalize_email(raw),
        LookupMethod::Phone => normalize_phone(raw, region),
    };
    let value = normalized.ok_or_else(|| {
        ApiError::validation(vec![FieldError::new(
            *field,
            format!("invalid_{field}"),
            format!("is not a valid {field}"),
        )])
    })?;
    Ok((*method, value))
}

fn matches(row: &OrderRow, method: LookupMethod, value: &str) -> bool {
    let stored = match method {
        LookupMethod::PostalCode => row.postal_norm.as_deref(),
        LookupMethod::Email => row.email_norm.as_deref(),
        LookupMethod::Phone => row.phone_e164.as_deref(),
    };
    // Compare against a dummy when nothing is stored so both paths cost the same.
    same(stored.unwrap_or("\u{0}"), value) && stored.is_some()
}

enum Outcome {
    Blocked,
    Mismatch,
    Found {
        row: Box<OrderRow>,
        order: Box<crate::domain::orders::Order>,
        by_tracking: bool,
        returned: HashMap<String, u32>,
        centroid: Option<(f64, f64)>,
    },
}

/// How far lookup looks for the nearest service point.
pub const NEAREST_RADIUS_M: f64 = 50_000.0;

/// The nearest drop-off point (carriers of the drop-off method, else of any
/// enabled method) and the nearest label-less point (carriers of the
/// label-less method) in the destination country.
fn nearest_points(
    state: &AppState,
    settings: &crate::domain::settings::ReturnsSettings,
    country: &str,
    latitude: f64,
    longitude: f64,
    now: DateTime<Utc>,
) -> (Option<ServicePointView>, Option<ServicePointView>) {
    use crate::domain::settings::ReturnMethodType;
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

/// Finds an order by order number or tracking number plus one verifier.
#[utoipa::path(
    tag = "portal",
    params(("brand" = String, Path, description = "Brand slug or custom domain")),
    request_body = LookupRequest,
    responses(
        (status = 200, description = "The order with eligibility and two tokens", body = LookupResponse,
         headers(("RateLimit-Remaining" = i32, description = "Failed attempts left in the window"))),
        (status = 404, description = "`order_not_found`: any mismatch (always the same answer)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not exactly one verifier, a verifier the brand does not accept (`lookup_method_not_allowed`) or a malformed one", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed attempts (`rate_limited`, with `Retry-After`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/lookup")]
pub async fn lookup(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
    body: Json<LookupRequest>,
) -> Result<HttpResponse, ApiError> {
    let brand = state.portal.require(&state.db, &path).await?;
    let body = body.0;
    let key = identifier_key(&body.identifier);
    if key.is_empty() || key.len() > 64 {
        return Err(ApiError::validation(vec![FieldError::new(
            "identifier",
            "invalid_length",
            "must be an order or tracking number (1–64 characters)",
        )]));
    }
    let settings = &brand.settings;
    let (method, value) = verifier(
        &body,
        &settings.lookup_methods,
        settings.phone_region.as_deref(),
    )?;

    let limits = Limits {
        id_key: format!("lookup:id:{}:{key}", brand.brand.id),
        ip_key: format!(
            "lookup:ip:{}",
            client_address(&req, state.config.trust_forwarded_for)
        ),
        conf: state.lookup_limits,
    };
    let now = Utc::now();
    let brand_id = brand.brand.id.clone();
    let probe = limits.clone();
    let (outcome, counters) = state
        .db
        .read(move |conn| {
            let keys = [probe.id_key.clone(), probe.ip_key.clone()];
            let counters = crate::db::rate_limits::get(conn, &keys)?;
            if probe.state(&counters, now.timestamp()).3 {
                return Ok((Outcome::Blocked, counters));
            }
            let outcome = match crate::db::orders::find_by_identifier(conn, &brand_id, &key)? {
                Some((row, by_tracking)) if matches(&row, method, &value) => {
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
                    Outcome::Found {
                        row: Box::new(row),
                        order: Box::new(order),
                        by_tracking,
                        returned,
                        centroid,
                    }
                }
                _ => Outcome::Mismatch,
            };
            Ok((outcome, counters))
        })
        .await?;

    let (row, order, by_tracking, returned, centroid) = match outcome {
        Outcome::Blocked => {
            let state_now = limits.state(&counters, now.timestamp());
            return Err(limit_headers(
                ApiError::rate_limited(
                    state_now.2 as u64,
                    "Too many failed lookups; try again later.",
                ),
                state_now,
            ));
        }
        Outcome::Mismatch => {
            let (id_key, ip_key, window) = (
                limits.id_key.clone(),
                limits.ip_key.clone(),
                limits.conf.window_secs,
            );
            let ts = now.timestamp();
            let counters = state
                .db
                .write(move |conn| {
                    let id = crate::db::rate_limits::hit(conn, &id_key, ts, window)?;
                    let ip = crate::db::rate_limits::hit(conn, &ip_key, ts, window)?;
                    Ok(vec![(id_key.clone(), id), (ip_key.clone(), ip)])
                })
                .await?;
            return Err(limit_headers(
                ApiError::not_found("order_not_found", "No order matches these details."),
                limits.state(&counters, ts),
            ));
        }
        Outcome::Found {
            row,
            order,
            by_tracking,
            returned,
            centroid,
        } => (row, order, by_tracking, returned, centroid),
    };

    let eligibility = evaluate(&order, Policy::from(settings), &returned, now);
    let lines = order
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
        })
        .collect();
    let a = &order.shipping_address;
    let parcels: Vec<Parcel> = order
        .shipments
        .iter()
        .map(|s| Parcel {
            tracking_number: s.tracking_number.clone(),
            carrier: s.carrier.clone(),
            status: s.status,
            shipped_at: s.shipped_at,
            delivered_at: s.delivered_at,
            destination: Destination {
                postal_code: a.postal_code.clone(),
                country: a.country.clone(),
                latitude: a.latitude,
                longitude: a.longitude,
            },
        })
        .collect();
    let primary = if by_tracking {
        parcels
            .iter()
            .position(|p| identifier_key(&p.tracking_number) == identifier_key(&body.identifier))
    } else {
        parcels
            .iter()
            .enumerate()
            .max_by_key(|(_, p)| p.shipped_at.or(p.delivered_at))
            .map(|(i, _)| i)
    };
    let parcel = primary.and_then(|i| parcels.get(i).cloned());

    let position = match (a.latitude, a.longitude) {
        (Some(lat), Some(lon)) => Some((lat, lon)),
        _ => centroid,
    };
    let (service_point, labelless_service_point) = match position {
        Some((lat, lon)) => nearest_points(&state, settings, &a.country, lat, lon, now),
        None => (None, None),
    };

    let ttl = chrono::Duration::seconds(state.config.access_token_ttl_secs as i64);
    let sp_ttl = chrono::Duration::seconds(state.config.service_points_token_ttl_secs as i64);
    let (access_token, expires_at) = state
        .keys
        .issue(&state.db, Scope::Returns, &brand.brand.id, &row.id, ttl)
        .await?;
    let (service_points_token, _) = state
        .keys
        .issue(
            &state.db,
            Scope::ServicePoints,
            &brand.brand.id,
            &row.id,
            sp_ttl,
        )
        .await?;
    let response = LookupResponse {
        order: LookupOrder {
            number: order.number.clone(),
            placed_at: order.placed_at,
            currency: order.currency.to_string(),
            lines,
        },
        parcel,
        parcels,
        service_point,
        labelless_service_point,
        return_methods: return_methods(settings),
        refund_options: refund_options(settings),
        access_token,
        service_points_token,
        token_type: "Bearer".into(),
        expires_at,
    };
    let mut builder = with_limits(HttpResponse::Ok(), limits.state(&counters, now.timestamp()));
    Ok(builder
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(response))
}
