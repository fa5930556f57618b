//! How a service point looks on the wire: the view the portal and lookup
//! answer with, built from the index.

use std::collections::BTreeMap;
use std::sync::Arc;

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
