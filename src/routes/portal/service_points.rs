//! Service points as the portal shows them.

use std::collections::BTreeMap;
use std::sync::Arc;

use actix_web::get;
use serde::Serialize;
use serde_json::value::RawValue;
use utoipa::ToSchema;

/// Opening times per weekday (`{"0": ["09:00 - 12:00", …], …, "6": []}`),
/// kept as ready JSON: every point with the same hours shares one copy, and
/// a response copies its bytes instead of serializing the map again.
#[derive(Debug, Clone)]
pub struct OpeningTimes(Arc<RawValue>);

impl OpeningTimes {
    /// The JSON of `formatted` (see `WeeklyHours::formatted`).
    pub fn new(formatted: &BTreeMap<String, Vec<String>>) -> OpeningTimes {
        let raw = serde_json::value::to_raw_value(formatted).unwrap_or_else(|_| {
            // A map of strings always serializes; an empty object is the
            // harmless answer should that ever change.
            RawValue::from_string("{}".to_string()).unwrap_or_default()
        });
        OpeningTimes(Arc::from(raw))
    }

    /// The JSON text.
    pub fn json(&self) -> &str {
        self.0.get()
    }
}

impl PartialEq for OpeningTimes {
    fn eq(&self, other: &OpeningTimes) -> bool {
        self.0.get() == other.0.get()
    }
}

impl Serialize for OpeningTimes {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// A drop-off location.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct ServicePointView {
    /// Id (use as `service_point_id` when creating a return).
    pub id: String,
    /// The carrier's code for the point.
    pub code: String,
    /// Carrier.
    pub carrier: String,
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
    /// ISO 3166-1 alpha-2 country.
    pub country: String,
    /// Latitude.
    pub latitude: f64,
    /// Longitude.
    pub longitude: f64,
    /// Phone.
    pub phone: Option<String>,
    /// Kind of shop (e.g. `supermarket`, `locker`).
    pub shop_type: Option<String>,
    /// Accepts label-less (QR code) returns.
    pub supports_labelless: bool,
    /// Opening times per weekday, `"0"` = Monday … `"6"` = Sunday, local time of the point.
    #[schema(example = json!({"0": ["09:00 - 12:00", "13:00 - 18:00"], "1": [], "2": [], "3": [], "4": [], "5": [], "6": []}))]
    #[schema(value_type = BTreeMap<String, Vec<String>>)]
    pub formatted_opening_times: OpeningTimes,
    /// Open at some time tomorrow (local time).
    pub open_tomorrow: bool,
    /// Open on some day of the next seven.
    pub open_upcoming_week: bool,
    /// Distance in metres from the searched position.
    pub distance: u32,
}

/// Search parameters (all validated by the handler so every problem is a
/// 422 naming its parameter).
#[derive(Debug, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchQuery {
    /// ISO 3166-1 alpha-2 country (required).
    #[param(example = "NL")]
    pub country: Option<String>,
    /// Latitude of the position to search around (required).
    #[param(example = 52.3791)]
    pub latitude: Option<String>,
    /// Longitude (required).
    #[param(example = 4.9003)]
    pub longitude: Option<String>,
    /// Radius in metres, 100–50000 (default 5000).
    pub radius: Option<String>,
    /// Comma-separated carriers (default: every carrier the brand enabled).
    pub carrier: Option<String>,
    /// Only points that accept label-less returns.
    pub labelless: Option<String>,
    /// Most results, 1–100 (default 10).
    pub limit: Option<String>,
}

/// Service points found.
#[derive(Debug, Serialize, ToSchema)]
pub struct ServicePointList {
    /// Points, nearest first.
    pub data: Vec<ServicePointView>,
}

/// Validated search parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct Search {
    /// Country.
    pub country: String,
    /// Latitude.
    pub latitude: f64,
    /// Longitude.
    pub longitude: f64,
    /// Radius (metres).
    pub radius: f64,
    /// Carriers to search.
    pub carriers: Vec<String>,
    /// Label-less only.
    pub labelless: bool,
    /// Most results.
    pub limit: usize,
}

impl SearchQuery {
    /// Checks every parameter against the brand's settings.
    pub fn validate(
        &self,
        settings: &crate::domain::settings::ReturnsSettings,
    ) -> Result<Search, crate::error::ApiError> {
        use crate::domain::settings::{ReturnMethodType, is_country};
        use crate::error::{ApiError, FieldError};
        let mut e = Vec::new();
        let mut number =
            |name: &str, raw: &Option<String>, default: Option<f64>, lo: f64, hi: f64| -> f64 {
                match raw.as_deref().map(str::trim) {
                    None | Some("") => match default {
                        Some(d) => d,
                        None => {
                            e.push(FieldError::new(name, "required", "is required"));
                            0.0
                        }
                    },
                    Some(s) => match s.parse::<f64>() {
                        Ok(v) if v.is_finite() && (lo..=hi).contains(&v) => v,
                        Ok(_) => {
                            e.push(FieldError::new(
                                name,
                                "out_of_range",
                                format!("must be between {lo} and {hi}"),
                            ));
                            0.0
                        }
                        Err(_) => {
                            e.push(FieldError::new(name, "invalid_number", "must be a number"));
                            0.0
                        }
                    },
                }
            };
        let latitude = number("latitude", &self.latitude, None, -90.0, 90.0);
        let longitude = number("longitude", &self.longitude, None, -180.0, 180.0);
        let radius = number("radius", &self.radius, Some(5000.0), 100.0, 50_000.0);
        let limit = number("limit", &self.limit, Some(10.0), 1.0, 100.0);
        if limit.fract() != 0.0 {
            e.push(FieldError::new(
                "limit",
                "invalid_number",
                "must be a whole number",
            ));
        }
        let country = self
            .country
            .as_deref()
            .unwrap_or("")
            .trim()
            .to_ascii_uppercase();
        if country.is_empty() {
            e.push(FieldError::new("country", "required", "is required"));
        } else if !is_country(&country) {
            e.push(FieldError::new(
                "country",
                "invalid_country",
                "must be an ISO 3166-1 alpha-2 code such as NL",
            ));
        }
        let labelless = match self
            .labelless
            .as_deref()
            .map(|s| s.trim().to_ascii_lowercase())
        {
            None => false,
            Some(s) if s == "true" || s == "1" => true,
            Some(s) if s == "false" || s == "0" || s.is_empty() => false,
            Some(_) => {
                e.push(FieldError::new(
                    "labelless",
                    "invalid_boolean",
                    "must be true or false",
                ));
                false
            }
        };
        // Carriers the brand offers for this kind of drop-off.
        let offered: Vec<String> = if labelless {
            settings
                .method(ReturnMethodType::Labelless)
                .map(|m| m.carriers.clone())
                .unwrap_or_default()
        } else {
            settings.enabled_carriers()
        };
        let carriers = match self
            .carrier
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => offered,
            Some(list) => {
                let asked: Vec<String> = list
                    .split(',')
                    .map(|c| c.trim().to_ascii_lowercase())
                    .filter(|c| !c.is_empty())
                    .collect();
                for c in &asked {
                    if !offered.contains(c) {
                        e.push(FieldError::new(
                            "carrier",
                            "carrier_not_enabled",
                            format!("{c} is not a carrier this brand offers here"),
                        ));
                    }
                }
                asked
            }
        };
        if !e.is_empty() {
            return Err(ApiError::validation(e));
        }
        Ok(Search {
            country,
            latitude,
            longitude,
            radius,
            carriers,
            labelless,
            limit: limit as usize,
        })
    }
}

/// Drop-off locations around a position, nearest first, of the carriers the
/// brand enabled, with opening times in each point's local time.
#[utoipa::path(
    tag = "portal",
    params(("brand" = String, Path, description = "Brand slug or custom domain"), SearchQuery),
    security(("service_points_token" = [])),
    responses(
        (status = 200, description = "Points within the radius", body = ServicePointList),
        (status = 401, description = "Missing, invalid or expired token", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 403, description = "Token of another scope or brand", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid parameter (named in `errors`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/service-points")]
pub async fn search(
    state: actix_web::web::Data<crate::startup::AppState>,
    token: crate::auth::tokens::ServicePointsToken,
    query: actix_web::web::Query<SearchQuery>,
) -> Result<actix_web::HttpResponse, crate::error::ApiError> {
    let s = query.validate(&token.0.brand.settings)?;
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
    // A `ServicePointList`, written straight from the index's text.
    #[derive(Serialize)]
    struct Borrowed<'a> {
        data: Vec<crate::geo::PointJson<'a>>,
    }
    // Sized for a typical point (~560 bytes) so the buffer is not regrown.
    let mut body = Vec::with_capacity(16 + 640 * hits.len());
    serde_json::to_writer(
        &mut body,
        &Borrowed {
            data: index.borrowed_views(&hits, chrono::Utc::now()),
        },
    )
    .map_err(crate::error::ApiError::internal)?;
    Ok(actix_web::HttpResponse::Ok()
        .content_type(actix_web::http::header::ContentType::json())
        .body(body))
}
