//! Service points as carriers deliver them: the import formats (JSON and
//! CSV) and their validation. A file is accepted only when every row is
//! valid; errors name the row and the field.
//!
//! CSV columns (header row required, any order): `carrier, code, name,
//! street, house_number, postal_code, city, country, latitude, longitude,
//! phone, shop_type, supports_labelless, timezone, mon, tue, wed, thu, fri,
//! sat, sun[, active]`. The weekday columns hold space-separated intervals
//! such as `09:00-12:00 13:00-18:00` (empty = closed). Errors of a CSV file
//! are reported as `rows[LINE].field`, LINE being the line number in the file
//! (the header is line 1); errors of a JSON file as `service_points[INDEX].field`.

use std::collections::{BTreeMap, HashSet};
use std::str::FromStr;

use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::codes::{CountryCode, is_carrier, is_country};
use crate::domain::geo::valid_position;
use crate::domain::opening_hours::{WeeklyHours, default_timezone};
use crate::domain::settings::{ReturnMethodType, ReturnsSettings};
use crate::error::{ApiError, ErrorCode, FieldError};

/// Most errors reported for one import (the rest are counted).
pub const MAX_REPORTED_ERRORS: usize = 200;

/// A service point in an import file.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ServicePointInput {
    /// Carrier code (`postnl`, `dhl`, …).
    #[schema(example = "postnl", pattern = "^[a-z0-9_-]{1,40}$")]
    pub carrier: String,
    /// The carrier's id of the point, unique per carrier.
    #[schema(
        example = "NL-204711",
        min_length = 1,
        max_length = 64,
        pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u001f\\u007f-\\u009f]*$"
    )]
    pub code: String,
    /// Name.
    #[schema(
        example = "PostNL Punt Bruna Centraal",
        min_length = 1,
        max_length = 120,
        pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u001f\\u007f-\\u009f]*$"
    )]
    pub name: String,
    /// Street.
    #[schema(
        min_length = 1,
        max_length = 120,
        pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u001f\\u007f-\\u009f]*$"
    )]
    pub street: String,
    /// House number.
    #[serde(default)]
    #[schema(
        min_length = 1,
        max_length = 20,
        pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u001f\\u007f-\\u009f]*$"
    )]
    pub house_number: Option<String>,
    /// Postal code.
    #[schema(
        min_length = 1,
        max_length = 16,
        pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u001f\\u007f-\\u009f]*$"
    )]
    pub postal_code: String,
    /// City.
    #[schema(
        min_length = 1,
        max_length = 80,
        pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u001f\\u007f-\\u009f]*$"
    )]
    pub city: String,
    /// ISO 3166-1 alpha-2 country.
    #[schema(value_type = CountryCode)]
    pub country: String,
    /// Latitude (WGS84).
    #[schema(minimum = -90.0, maximum = 90.0)]
    pub latitude: f64,
    /// Longitude (WGS84).
    #[schema(minimum = -180.0, maximum = 180.0)]
    pub longitude: f64,
    /// Phone.
    #[serde(default)]
    #[schema(
        min_length = 1,
        max_length = 40,
        pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u001f\\u007f-\\u009f]*$"
    )]
    pub phone: Option<String>,
    /// Kind of shop, e.g. `supermarket`, `locker`.
    #[serde(default)]
    #[schema(
        min_length = 1,
        max_length = 40,
        pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u001f\\u007f-\\u009f]*$"
    )]
    pub shop_type: Option<String>,
    /// Accepts label-less (QR) returns.
    #[serde(default)]
    pub supports_labelless: bool,
    /// IANA time zone; defaults to the country's.
    #[serde(default)]
    #[schema(example = "Europe/Amsterdam")]
    pub timezone: Option<String>,
    /// Weekly hours `{"0": ["09:00-18:00"], …, "6": []}` (0 = Monday; missing = closed).
    #[serde(default)]
    pub opening_hours: BTreeMap<String, Vec<String>>,
    /// Inactive points are kept but never offered.
    #[serde(default = "yes")]
    pub active: bool,
}

fn yes() -> bool {
    true
}

/// A validated service point: the input with its text trimmed, and its
/// time zone and weekly hours read.
#[derive(Debug, Clone)]
pub struct ValidPoint {
    /// The point as given, its text fields trimmed.
    pub point: ServicePointInput,
    /// Its time zone (the one named, else its country's).
    pub timezone: Tz,
    /// Its opening hours.
    pub hours: WeeklyHours,
}

// The schema of each text field states what [`text`] accepts: no control
// character, and at least one character that is not white space.
fn text(errors: &mut Vec<FieldError>, path: &str, field: &str, value: &str, max: usize) {
    if value.trim().is_empty() || value.chars().count() > max || value.chars().any(char::is_control)
    {
        errors.push(FieldError::new(
            format!("{path}.{field}"),
            ErrorCode::InvalidLength,
            format!("must have 1–{max} printable characters"),
        ));
    }
}

fn opt_text(
    errors: &mut Vec<FieldError>,
    path: &str,
    field: &str,
    value: &Option<String>,
    max: usize,
) {
    if let Some(v) = value {
        text(errors, path, field, v, max);
    }
}

impl ServicePointInput {
    /// The point's time zone: the one named, else its country's default.
    fn timezone(&self, path: &str) -> Result<Tz, FieldError> {
        match &self.timezone {
            Some(name) => Tz::from_str(name).map_err(|_| {
                FieldError::new(
                    format!("{path}.timezone"),
                    ErrorCode::InvalidTimezone,
                    "must be an IANA time zone such as Europe/Amsterdam",
                )
            }),
            None => default_timezone(&self.country).ok_or_else(|| {
                FieldError::new(
                    format!("{path}.timezone"),
                    ErrorCode::Required,
                    "no default time zone for this country; name one",
                )
            }),
        }
    }

    /// Validates one point; `path` prefixes the field paths of its errors.
    pub fn validate(self, path: &str) -> Result<ValidPoint, Vec<FieldError>> {
        let mut e = Vec::new();
        if !is_carrier(&self.carrier) {
            e.push(FieldError::new(
                format!("{path}.carrier"),
                ErrorCode::InvalidCarrier,
                "lowercase letters, digits, - or _",
            ));
        }
        text(&mut e, path, "code", &self.code, 64);
        text(&mut e, path, "name", &self.name, 120);
        text(&mut e, path, "street", &self.street, 120);
        opt_text(&mut e, path, "house_number", &self.house_number, 20);
        text(&mut e, path, "postal_code", &self.postal_code, 16);
        text(&mut e, path, "city", &self.city, 80);
        opt_text(&mut e, path, "phone", &self.phone, 40);
        opt_text(&mut e, path, "shop_type", &self.shop_type, 40);
        let country_ok = is_country(&self.country);
        if !country_ok {
            e.push(FieldError::new(
                format!("{path}.country"),
                ErrorCode::InvalidCountry,
                "must be an ISO 3166-1 alpha-2 code such as NL",
            ));
        }
        if !valid_position(self.latitude, self.longitude) {
            let field = if (-90.0..=90.0).contains(&self.latitude) {
                "longitude"
            } else {
                "latitude"
            };
            e.push(FieldError::new(
                format!("{path}.{field}"),
                ErrorCode::OutOfRange,
                "latitude ±90, longitude ±180",
            ));
        }
        let timezone = match self.timezone(path) {
            Ok(tz) => Some(tz),
            Err(err) => {
                if country_ok || self.timezone.is_some() {
                    e.push(err);
                }
                None
            }
        };
        let hours = match WeeklyHours::parse(&self.opening_hours) {
            Ok(h) => Some(h),
            Err(errors) => {
                e.extend(errors.into_iter().map(|f| FieldError {
                    field: format!("{path}.opening_hours.{}", f.field),
                    ..f
                }));
                None
            }
        };
        match (e.is_empty(), timezone, hours) {
            (true, Some(timezone), Some(hours)) => Ok(ValidPoint {
                point: ServicePointInput {
                    code: self.code.trim().to_string(),
                    name: self.name.trim().to_string(),
                    street: self.street.trim().to_string(),
                    house_number: self.house_number.map(|s| s.trim().to_string()),
                    postal_code: self.postal_code.trim().to_string(),
                    city: self.city.trim().to_string(),
                    ..self
                },
                timezone,
                hours,
            }),
            _ => Err(e),
        }
    }
}

/// A parse or validation failure of an import file: the errors reported and
/// how many there were in all.
#[derive(Debug)]
pub struct ImportErrors {
    /// Up to [`MAX_REPORTED_ERRORS`] errors.
    pub errors: Vec<FieldError>,
    /// Every error found.
    pub total: usize,
}

/// Validates every point (with its path) and rejects duplicates of
/// carrier + code; all or nothing.
pub fn validate_all(
    inputs: Vec<(String, ServicePointInput)>,
) -> Result<Vec<ValidPoint>, ImportErrors> {
    let mut points = Vec::with_capacity(inputs.len());
    let mut errors = Vec::new();
    let mut total = 0usize;
    let mut seen = HashSet::new();
    for (path, input) in inputs {
        let key = (input.carrier.clone(), input.code.trim().to_string());
        let duplicate = !seen.insert(key);
        match input.validate(&path) {
            Ok(p) if !duplicate => points.push(p),
            Ok(_) => {
                total += 1;
                if errors.len() < MAX_REPORTED_ERRORS {
                    errors.push(FieldError::new(
                        format!("{path}.code"),
                        ErrorCode::Duplicate,
                        "another row has this carrier and code",
                    ));
                }
            }
            Err(e) => {
                total += e.len();
                let room = MAX_REPORTED_ERRORS.saturating_sub(errors.len());
                errors.extend(e.into_iter().take(room));
            }
        }
    }
    if total == 0 {
        Ok(points)
    } else {
        Err(ImportErrors { errors, total })
    }
}

/// The points of a bare-array import: at least one, as the wrapped form.
#[derive(Debug, Deserialize)]
#[serde(transparent)]
pub struct PointList(pub Vec<ServicePointInput>);

// By hand: the derive cannot put `minItems` on a newtype's array.
impl utoipa::PartialSchema for PointList {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ArrayBuilder::new()
            .items(utoipa::openapi::Ref::from_schema_name("ServicePointInput"))
            .min_items(Some(1))
            .description(Some("`[...]`: the points."))
            .into()
    }
}

impl utoipa::ToSchema for PointList {
    fn schemas(
        schemas: &mut Vec<(
            String,
            utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
        )>,
    ) {
        schemas.push((
            ServicePointInput::name().into(),
            <ServicePointInput as utoipa::PartialSchema>::schema(),
        ));
        <ServicePointInput as utoipa::ToSchema>::schemas(schemas);
    }
}

/// Body of a JSON import: `{"service_points": [...]}` or a bare array.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum JsonImport {
    /// `{"service_points": [...]}`.
    Wrapped {
        /// The points.
        #[schema(min_items = 1)]
        service_points: Vec<ServicePointInput>,
    },
    // `[...]`; no doc comment: a description beside the `$ref` of a `oneOf`
    // branch makes openapi-generator's TypeScript an untyped `Array`.
    Bare(PointList),
}

/// Points of a JSON import with their paths.
pub fn from_json(import: JsonImport) -> Vec<(String, ServicePointInput)> {
    let list = match import {
        JsonImport::Wrapped { service_points } => service_points,
        JsonImport::Bare(PointList(list)) => list,
    };
    list.into_iter()
        .enumerate()
        .map(|(i, p)| (format!("service_points[{i}]"), p))
        .collect()
}

const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const REQUIRED: [&str; 10] = [
    "carrier",
    "code",
    "name",
    "street",
    "postal_code",
    "city",
    "country",
    "latitude",
    "longitude",
    "supports_labelless",
];
const OPTIONAL: [&str; 5] = ["house_number", "phone", "shop_type", "timezone", "active"];

/// Points of a CSV import with their paths (`rows[LINE]`).
pub fn from_csv(bytes: &[u8]) -> Result<Vec<(String, ServicePointInput)>, ImportErrors> {
    let fail = |errors: Vec<FieldError>| {
        let total = errors.len();
        Err(ImportErrors { errors, total })
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            return fail(vec![FieldError::new(
                "rows[1]",
                ErrorCode::InvalidCsv,
                e.to_string(),
            )]);
        }
    };
    let header_errors = check_columns(&headers);
    if !header_errors.is_empty() {
        return fail(header_errors);
    }
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let mut total = 0;
    for record in reader.records() {
        let row = match record {
            Ok(record) => csv_row(&headers, &record),
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                Err(vec![FieldError::new(
                    format!("rows[{line}]"),
                    ErrorCode::InvalidCsv,
                    e.to_string(),
                )])
            }
        };
        match row {
            Ok(point) => out.push(point),
            Err(row_errors) => {
                total += row_errors.len();
                let room = MAX_REPORTED_ERRORS.saturating_sub(errors.len());
                errors.extend(row_errors.into_iter().take(room));
            }
        }
    }
    if total > 0 {
        Err(ImportErrors { errors, total })
    } else {
        Ok(out)
    }
}

/// The header row: every required column, no unknown one.
fn check_columns(headers: &csv::StringRecord) -> Vec<FieldError> {
    let mut errors = Vec::new();
    for name in REQUIRED {
        if !headers.iter().any(|h| h.eq_ignore_ascii_case(name)) {
            errors.push(FieldError::new(
                format!("rows[1].{name}"),
                ErrorCode::MissingColumn,
                "required column",
            ));
        }
    }
    for h in headers.iter() {
        let known = REQUIRED
            .iter()
            .chain(OPTIONAL.iter())
            .chain(DAYS.iter())
            .any(|c| c.eq_ignore_ascii_case(h));
        if !known {
            errors.push(FieldError::new(
                format!("rows[1].{h}"),
                ErrorCode::UnknownColumn,
                "not a service-point column",
            ));
        }
    }
    errors
}

/// One CSV row as an import input (named `rows[LINE]`), or its errors:
/// coordinates must be numbers and flags booleans; the rest is checked
/// later with the JSON inputs.
fn csv_row(
    headers: &csv::StringRecord,
    record: &csv::StringRecord,
) -> Result<(String, ServicePointInput), Vec<FieldError>> {
    let line = record.position().map(|p| p.line()).unwrap_or(0);
    let path = format!("rows[{line}]");
    let get = |name: &str| {
        headers
            .iter()
            .position(|h| h.eq_ignore_ascii_case(name))
            .and_then(|i| record.get(i))
            .unwrap_or("")
            .to_string()
    };
    let opt = |name: &str| Some(get(name)).filter(|v| !v.is_empty());
    let mut row_errors = Vec::new();
    let mut number = |name: &str| match get(name).parse::<f64>() {
        Ok(v) => v,
        Err(_) => {
            row_errors.push(FieldError::new(
                format!("{path}.{name}"),
                ErrorCode::InvalidNumber,
                "must be a decimal number",
            ));
            0.0
        }
    };
    let latitude = number("latitude");
    let longitude = number("longitude");
    let mut flag = |name: &str, default: bool| match get(name).to_ascii_lowercase().as_str() {
        "" => default,
        "true" | "1" | "yes" | "y" => true,
        "false" | "0" | "no" | "n" => false,
        _ => {
            row_errors.push(FieldError::new(
                format!("{path}.{name}"),
                ErrorCode::InvalidBoolean,
                "true or false",
            ));
            default
        }
    };
    let supports_labelless = flag("supports_labelless", false);
    let active = flag("active", true);
    if !row_errors.is_empty() {
        return Err(row_errors);
    }
    let mut opening_hours = BTreeMap::new();
    for (i, day) in DAYS.iter().enumerate() {
        let intervals: Vec<String> = get(day).split_whitespace().map(str::to_owned).collect();
        if !intervals.is_empty() {
            opening_hours.insert(i.to_string(), intervals);
        }
    }
    Ok((
        path,
        ServicePointInput {
            carrier: get("carrier"),
            code: get("code"),
            name: get("name"),
            street: get("street"),
            house_number: opt("house_number"),
            postal_code: get("postal_code"),
            city: get("city"),
            country: get("country"),
            latitude,
            longitude,
            phone: opt("phone"),
            shop_type: opt("shop_type"),
            supports_labelless,
            timezone: opt("timezone"),
            opening_hours,
            active,
        },
    ))
}

/// The CSV header the importer and the generator use.
pub fn csv_header() -> String {
    let mut cols: Vec<&str> = REQUIRED.to_vec();
    cols.extend(OPTIONAL.iter().take(4));
    cols.extend(DAYS);
    cols.join(",")
}

/// The format of an import file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `text/csv`.
    Csv,
    /// `application/json`.
    Json,
}

fn import_errors(e: ImportErrors) -> ApiError {
    let shown = e.errors.len();
    let mut err = ApiError::validation(e.errors);
    if e.total > shown {
        err = ApiError::new(
            ErrorCode::ValidationFailed,
            format!(
                "{} errors; the first {shown} are listed. Nothing was imported.",
                e.total
            ),
        )
        .with_errors(err.errors().to_vec());
    }
    err
}

/// Parses and validates a network import file; nothing is written.
pub fn parse_points(format: Format, bytes: &[u8]) -> Result<Vec<ValidPoint>, ApiError> {
    let inputs = match format {
        Format::Csv => from_csv(bytes).map_err(import_errors)?,
        Format::Json => from_json(crate::error::parse_json::<JsonImport>(bytes)?),
    };
    if inputs.is_empty() {
        return Err(ApiError::validation(vec![FieldError::new(
            "",
            ErrorCode::EmptyImport,
            "the file holds no service points",
        )]));
    }
    validate_all(inputs).map_err(import_errors)
}

/// One postal-code centroid.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CentroidInput {
    /// ISO alpha-2 country.
    #[schema(value_type = CountryCode)]
    pub country: String,
    /// Postal code or its leading part (e.g. `1012` for all of `1012 AB`…`1012 ZZ`):
    /// 2–12 letters or digits, spaces and hyphens aside.
    #[schema(pattern = "^[\\s-]*(?:[A-Za-z0-9][\\s-]*){2,12}$")]
    pub postal_code: String,
    /// Latitude.
    #[schema(minimum = -90.0, maximum = 90.0)]
    pub latitude: f64,
    /// Longitude.
    #[schema(minimum = -180.0, maximum = 180.0)]
    pub longitude: f64,
}

/// Validates centroids (rows from CSV or JSON) into `(country, key, lat, lon)`.
pub fn parse_centroids(
    format: Format,
    bytes: &[u8],
) -> Result<Vec<(String, String, f64, f64)>, ApiError> {
    let rows: Vec<(String, CentroidInput)> = match format {
        Format::Json => crate::error::parse_json::<Vec<CentroidInput>>(bytes)?
            .into_iter()
            .enumerate()
            .map(|(i, c)| (format!("[{i}]"), c))
            .collect(),
        Format::Csv => {
            let mut reader = csv::ReaderBuilder::new()
                .trim(csv::Trim::All)
                .from_reader(bytes);
            // The header names every column, even in a file without rows.
            let header = reader.headers().cloned().unwrap_or_default();
            let missing: Vec<FieldError> = ["country", "postal_code", "latitude", "longitude"]
                .into_iter()
                .filter(|column| !header.iter().any(|h| h == *column))
                .map(|column| {
                    FieldError::new(
                        "rows[1]",
                        ErrorCode::InvalidCsv,
                        format!("the header has no column `{column}`"),
                    )
                })
                .collect();
            if !missing.is_empty() {
                return Err(ApiError::validation(missing));
            }
            let mut out = Vec::new();
            for (i, rec) in reader.deserialize::<CentroidInput>().enumerate() {
                match rec {
                    Ok(c) => out.push((format!("rows[{}]", i + 2), c)),
                    Err(e) => {
                        return Err(ApiError::validation(vec![FieldError::new(
                            format!("rows[{}]", i + 2),
                            ErrorCode::InvalidCsv,
                            e.to_string(),
                        )]));
                    }
                }
            }
            out
        }
    };
    let mut errors = Vec::new();
    let mut out = Vec::with_capacity(rows.len());
    for (path, c) in rows {
        let key = crate::domain::contact::postal_key(&c.postal_code);
        if !is_country(&c.country) {
            errors.push(FieldError::new(
                format!("{path}.country"),
                ErrorCode::InvalidCountry,
                "ISO alpha-2",
            ));
        } else if !(2..=12).contains(&key.len()) || !key.bytes().all(|b| b.is_ascii_alphanumeric())
        {
            errors.push(FieldError::new(
                format!("{path}.postal_code"),
                ErrorCode::InvalidPostalCode,
                "2–12 letters or digits",
            ));
        } else if !valid_position(c.latitude, c.longitude) {
            errors.push(FieldError::new(
                format!("{path}.latitude"),
                ErrorCode::OutOfRange,
                "latitude ±90, longitude ±180",
            ));
        } else {
            out.push((c.country, key, c.latitude, c.longitude));
        }
        if errors.len() >= MAX_REPORTED_ERRORS {
            break;
        }
    }
    ApiError::check(errors)?;
    Ok(out)
}

/// Search parameters, read as text and validated by [`SearchQuery::validate`]
/// so that every problem is a 422 naming its parameter (a typed query would
/// answer a 400 naming only the first).
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchQuery {
    /// ISO 3166-1 alpha-2 country of the points.
    #[param(value_type = String, required = true, pattern = "^[A-Za-z]{2}$", example = "NL")]
    pub country: Option<String>,
    /// Latitude of the position to search around.
    #[param(value_type = f64, required = true, minimum = -90.0, maximum = 90.0, example = 52.3791)]
    pub latitude: Option<String>,
    /// Longitude of the position to search around.
    #[param(value_type = f64, required = true, minimum = -180.0, maximum = 180.0, example = 4.9003)]
    pub longitude: Option<String>,
    /// Radius in metres (default 5000).
    #[param(value_type = Option<f64>, minimum = 100.0, maximum = 50000.0, example = 3000)]
    pub radius: Option<String>,
    /// Carriers, comma-separated (`postnl,dhl`) or the parameter repeated
    /// (default: every carrier the brand offers for this kind of drop-off).
    #[param(value_type = Option<Vec<CarrierCode>>, style = Form, explode = false)]
    pub carrier: Option<String>,
    /// Only points that accept label-less returns (default false).
    #[param(value_type = Option<bool>)]
    pub labelless: Option<String>,
    /// Most results (default 10).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 100, example = 10)]
    pub limit: Option<String>,
}

/// A carrier code, e.g. `postnl` (an item of the `carrier` filter).
#[derive(Debug, ToSchema)]
#[schema(pattern = "^[a-zA-Z0-9_-]+$", example = "postnl")]
pub struct CarrierCode(pub String);

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
    /// Checks every parameter against the brand's settings; every invalid
    /// one is named at once.
    pub fn validate(&self, settings: &ReturnsSettings) -> Result<Search, ApiError> {
        let mut e = Vec::new();
        let latitude = number(&mut e, "latitude", &self.latitude, None, -90.0, 90.0);
        let longitude = number(&mut e, "longitude", &self.longitude, None, -180.0, 180.0);
        let radius = number(
            &mut e,
            "radius",
            &self.radius,
            Some(5000.0),
            100.0,
            50_000.0,
        );
        let limit = number(&mut e, "limit", &self.limit, Some(10.0), 1.0, 100.0);
        if limit.fract() != 0.0 {
            e.push(FieldError::new(
                "limit",
                ErrorCode::InvalidNumber,
                "must be a whole number",
            ));
        }
        let country = self.country(&mut e);
        let labelless = self.labelless(&mut e);
        let carriers = self.carriers(settings, labelless, &mut e);
        ApiError::check(e)?;
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

    fn country(&self, e: &mut Vec<FieldError>) -> String {
        let country = self.country.as_deref().unwrap_or("").to_ascii_uppercase();
        if country.is_empty() {
            e.push(FieldError::new(
                "country",
                ErrorCode::Required,
                "is required",
            ));
        } else if !is_country(&country) {
            e.push(FieldError::new(
                "country",
                ErrorCode::InvalidCountry,
                "must be an ISO 3166-1 alpha-2 code such as NL",
            ));
        }
        country
    }

    fn labelless(&self, e: &mut Vec<FieldError>) -> bool {
        match self.labelless.as_deref() {
            None | Some("false") => false,
            Some("true") => true,
            Some(_) => {
                e.push(FieldError::new(
                    "labelless",
                    ErrorCode::InvalidBoolean,
                    "must be true or false",
                ));
                false
            }
        }
    }

    /// The carriers asked for, each one the brand offers for this kind of
    /// drop-off; without any, every carrier it offers.
    fn carriers(
        &self,
        settings: &ReturnsSettings,
        labelless: bool,
        e: &mut Vec<FieldError>,
    ) -> Vec<String> {
        let offered: Vec<String> = if labelless {
            settings
                .method(ReturnMethodType::Labelless)
                .map(|m| m.carriers.clone())
                .unwrap_or_default()
        } else {
            settings.enabled_carriers()
        };
        let Some(list) = self.carrier.as_deref() else {
            return offered;
        };
        let asked: Vec<String> = list.split(',').map(str::to_ascii_lowercase).collect();
        for c in &asked {
            let well_formed = !c.is_empty()
                && c.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
            if !well_formed {
                e.push(FieldError::new(
                    "carrier",
                    ErrorCode::InvalidValue,
                    "a comma-separated list of carrier codes",
                ));
            } else if !offered.contains(c) {
                e.push(FieldError::new(
                    "carrier",
                    ErrorCode::CarrierNotEnabled,
                    format!("{c} is not a carrier this brand offers here"),
                ));
            }
        }
        asked
    }
}

/// A number parameter within `lo..=hi`, `default` when absent (required
/// without one); 0 with an error otherwise.
fn number(
    e: &mut Vec<FieldError>,
    name: &str,
    raw: &Option<String>,
    default: Option<f64>,
    lo: f64,
    hi: f64,
) -> f64 {
    match raw.as_deref() {
        None => default.unwrap_or_else(|| {
            e.push(FieldError::new(name, ErrorCode::Required, "is required"));
            0.0
        }),
        Some(s) => match s.parse::<f64>() {
            Ok(v) if v.is_finite() && (lo..=hi).contains(&v) => v,
            Ok(_) => {
                e.push(FieldError::new(
                    name,
                    ErrorCode::OutOfRange,
                    format!("must be between {lo} and {hi}"),
                ));
                0.0
            }
            Err(_) => {
                e.push(FieldError::new(
                    name,
                    ErrorCode::InvalidNumber,
                    "must be a number",
                ));
                0.0
            }
        },
    }
}

#[cfg(test)]
mod search_tests {
    use super::*;

    fn query(pairs: &[(&str, &str)]) -> SearchQuery {
        let get = |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        };
        SearchQuery {
            country: get("country"),
            latitude: get("latitude"),
            longitude: get("longitude"),
            radius: get("radius"),
            carrier: get("carrier"),
            labelless: get("labelless"),
            limit: get("limit"),
        }
    }

    fn fields(e: &ApiError) -> Vec<(String, ErrorCode)> {
        e.errors()
            .iter()
            .map(|f| (f.field.clone(), f.code))
            .collect()
    }

    #[test]
    fn a_search_defaults_to_five_kilometres_ten_points_and_the_brands_carriers() {
        let s = query(&[
            ("country", "nl"),
            ("latitude", "52.37"),
            ("longitude", "4.9"),
        ])
        .validate(&ReturnsSettings::default())
        .expect("valid");
        assert_eq!(s.country, "NL");
        assert_eq!((s.radius, s.limit, s.labelless), (5000.0, 10, false));
        assert_eq!(s.carriers, vec!["dhl".to_string(), "postnl".to_string()]);
    }

    #[test]
    fn every_bad_parameter_is_named_at_once() {
        let e = query(&[
            ("latitude", "91"),
            ("longitude", "east"),
            ("radius", "50"),
            ("limit", "2.5"),
            ("labelless", "maybe"),
        ])
        .validate(&ReturnsSettings::default())
        .expect_err("invalid");
        assert_eq!(
            fields(&e),
            vec![
                ("latitude".into(), ErrorCode::OutOfRange),
                ("longitude".into(), ErrorCode::InvalidNumber),
                ("radius".into(), ErrorCode::OutOfRange),
                ("limit".into(), ErrorCode::InvalidNumber),
                ("country".into(), ErrorCode::Required),
                ("labelless".into(), ErrorCode::InvalidBoolean),
            ]
        );
    }

    #[test]
    fn only_carriers_the_brand_offers_for_the_drop_off_kind_may_be_asked_for() {
        let base = [("country", "NL"), ("latitude", "52"), ("longitude", "4")];
        let ask = |extra: &[(&'static str, &'static str)]| {
            let mut all = base.to_vec();
            all.extend_from_slice(extra);
            query(&all).validate(&ReturnsSettings::default())
        };
        assert!(ask(&[("carrier", "postnl,DHL")]).is_ok());
        let e = ask(&[("carrier", "ups")]).expect_err("not offered");
        assert_eq!(
            fields(&e),
            vec![("carrier".into(), ErrorCode::CarrierNotEnabled)]
        );
        // Label-less drop-off is offered by postnl only.
        let e = ask(&[("labelless", "true"), ("carrier", "dhl")]).expect_err("no label-less dhl");
        assert_eq!(
            fields(&e),
            vec![("carrier".into(), ErrorCode::CarrierNotEnabled)]
        );
    }
}
