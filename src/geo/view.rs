//! How a service point looks on the wire: the view the portal and lookup
//! answer with, built from the index.

use std::borrow::Cow;
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

// Search answers borrow the text from the index (`ServicePointView<'_>`);
// lookup answers own it (`ServicePointView<'static>`).
/// A drop-off location.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct ServicePointView<'a> {
    /// Id (use as `service_point_id` when creating a return).
    #[schema(value_type = String)]
    pub id: PointId,
    /// The carrier's code for the point.
    pub code: Cow<'a, str>,
    /// Carrier.
    pub carrier: Cow<'a, str>,
    /// Name.
    pub name: Cow<'a, str>,
    /// Street.
    pub street: Cow<'a, str>,
    /// House number.
    pub house_number: Option<Cow<'a, str>>,
    /// Postal code.
    pub postal_code: Cow<'a, str>,
    /// City.
    pub city: Cow<'a, str>,
    /// ISO 3166-1 alpha-2 country.
    pub country: Cow<'a, str>,
    /// Latitude.
    pub latitude: f64,
    /// Longitude.
    pub longitude: f64,
    /// Phone.
    pub phone: Option<Cow<'a, str>>,
    /// Kind of shop (e.g. `supermarket`, `locker`).
    pub shop_type: Option<Cow<'a, str>>,
    /// Accepts label-less (QR code) returns.
    pub supports_labelless: bool,
    /// Opening times per weekday, `"0"` = Monday … `"6"` = Sunday, local time of the point.
    #[schema(example = json!({"0": ["09:00 - 12:00", "13:00 - 18:00"], "1": [], "2": [], "3": [], "4": [], "5": [], "6": []}))]
    #[schema(value_type = BTreeMap<String, Vec<String>>)]
    pub formatted_opening_times: Cow<'a, OpeningTimes>,
    /// Open at some time tomorrow (local time).
    pub open_tomorrow: bool,
    /// Open on some day of the next seven.
    pub open_upcoming_week: bool,
    /// Distance in metres from the searched position.
    pub distance: u32,
}

impl ServicePointView<'_> {
    /// The view with its text copied out of the index.
    pub fn into_owned(self) -> ServicePointView<'static> {
        let owned = |s: Cow<'_, str>| Cow::Owned(s.into_owned());
        ServicePointView {
            id: self.id,
            code: owned(self.code),
            carrier: owned(self.carrier),
            name: owned(self.name),
            street: owned(self.street),
            house_number: self.house_number.map(owned),
            postal_code: owned(self.postal_code),
            city: owned(self.city),
            country: owned(self.country),
            latitude: self.latitude,
            longitude: self.longitude,
            phone: self.phone.map(owned),
            shop_type: self.shop_type.map(owned),
            supports_labelless: self.supports_labelless,
            formatted_opening_times: Cow::Owned(self.formatted_opening_times.into_owned()),
            open_tomorrow: self.open_tomorrow,
            open_upcoming_week: self.open_upcoming_week,
            distance: self.distance,
        }
    }
}

/// A point's public id, `sp_` and 32 hex digits, written without allocating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PointId(pub u128);

impl std::fmt::Display for PointId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "sp_{:032x}", self.0)
    }
}

impl serde::Serialize for PointId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut buf = *b"sp_00000000000000000000000000000000";
        for (i, b) in buf[3..].iter_mut().enumerate() {
            *b = HEX[((self.0 >> (124 - 4 * i)) & 0xf) as usize];
        }
        serializer.serialize_str(std::str::from_utf8(&buf).unwrap_or_default())
    }
}
