//! Service points as the portal shows them.

use std::collections::BTreeMap;

use serde::Serialize;
use utoipa::ToSchema;

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
    pub formatted_opening_times: BTreeMap<String, Vec<String>>,
    /// Open at some time tomorrow (local time).
    pub open_tomorrow: bool,
    /// Open on some day of the next seven.
    pub open_upcoming_week: bool,
    /// Distance in metres from the searched position.
    pub distance: u32,
}
