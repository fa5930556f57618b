//! Orders as merchants send them: validation and normalization.
//!
//! An order is upserted as a whole by its number. After [`Order::normalize`]
//! the document is what is stored and what eligibility reads: the email is
//! lower-cased, the phone is E.164, every rule (unique line ids, shipment
//! quantities within line quantities, one currency) holds.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::codes::{CountryCode, is_carrier, is_country};
use crate::domain::contact::{normalize_email, normalize_phone, postal_code_valid};
use crate::domain::money::{Currency, MAX_AMOUNT, Money};
use crate::error::{ErrorCode, FieldError};

/// The customer who placed the order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Customer {
    /// Email (stored lower-cased).
    #[schema(example = "ana@example.com", format = Email)]
    pub email: Option<String>,
    /// Phone (stored as E.164; numbers without a country code are read in the
    /// brand's `phone_region`).
    #[schema(example = "+31612345678")]
    pub phone: Option<String>,
    /// Name.
    #[schema(
        example = "Ana de Vries",
        max_length = 200,
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
    )]
    pub name: Option<String>,
}

/// Where the order was shipped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ShippingAddress {
    /// Addressee, if different from the customer.
    #[serde(default)]
    #[schema(
        max_length = 200,
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
    )]
    pub name: Option<String>,
    /// Street and number.
    #[schema(
        example = "Stationsplein 1",
        max_length = 200,
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
    )]
    pub line1: String,
    /// Second line.
    #[serde(default)]
    #[schema(
        max_length = 200,
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
    )]
    pub line2: Option<String>,
    /// City.
    #[schema(
        example = "Amsterdam",
        max_length = 100,
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
    )]
    pub city: String,
    /// Postal code.
    #[schema(example = "1012 AB")]
    pub postal_code: String,
    /// ISO 3166-1 alpha-2 country.
    #[schema(value_type = CountryCode)]
    pub country: String,
    /// Latitude (WGS84), used to find the nearest service point.
    #[serde(default)]
    #[schema(example = 52.3791, minimum = -90.0, maximum = 90.0)]
    pub latitude: Option<f64>,
    /// Longitude (WGS84).
    #[serde(default)]
    #[schema(example = 4.9003, minimum = -180.0, maximum = 180.0)]
    pub longitude: Option<f64>,
}

/// An order line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Line {
    /// The merchant's line id, unique within the order.
    #[schema(
        example = "L1",
        max_length = 64,
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
    )]
    pub id: String,
    /// SKU.
    #[schema(
        example = "TSHIRT-M",
        max_length = 100,
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
    )]
    pub sku: String,
    /// Product name.
    #[schema(
        example = "T-shirt M",
        max_length = 200,
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
    )]
    pub name: String,
    /// Units ordered (1–10000).
    #[schema(example = 2, minimum = 1, maximum = 10000)]
    pub quantity: u32,
    /// Price of one unit, in the order's currency.
    pub unit_price: Money,
    /// `false` for final-sale items, gift cards, …
    #[serde(default = "yes")]
    pub returnable: bool,
    /// Vendor (multi-vendor shops: returns go to the vendor's address).
    #[serde(default)]
    #[schema(
        max_length = 100,
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
    )]
    pub vendor: Option<String>,
    /// Commission per unit the merchant earns on the line (marketplaces):
    /// given back when a vendor part's refund is released. In the order
    /// currency, at most the unit price.
    #[serde(default)]
    pub commission: Option<Money>,
    /// Product image.
    #[serde(default)]
    #[schema(
        max_length = 2000,
        pattern = "^https?://[A-Za-z0-9.-]+(?::[0-9]{1,4})?(?:/[!-~]*)?$"
    )]
    pub image_url: Option<String>,
    /// The line's product in the brand's catalogue (`POST …/products`), if
    /// the SKU alone does not find it; its variant is the line's `sku`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(
        max_length = 100,
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
    )]
    pub product_id: Option<String>,
}

fn yes() -> bool {
    true
}

/// Delivery state of a shipment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ShipmentStatus {
    /// Not handed to the carrier yet.
    Pending,
    /// Handed to the carrier.
    Shipped,
    /// On its way.
    InTransit,
    /// Delivered.
    Delivered,
    /// The carrier reported a problem.
    Exception,
}

/// Units of a line in a shipment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ShipmentLine {
    /// Line id.
    #[schema(example = "L1")]
    pub line_id: String,
    /// Units.
    #[schema(example = 2, minimum = 1, maximum = 10000)]
    pub quantity: u32,
}

/// A parcel sent to the customer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Shipment {
    /// Tracking number (unique within the brand).
    #[schema(
        example = "3SABC0001",
        max_length = 64,
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
    )]
    pub tracking_number: String,
    /// Carrier code.
    #[schema(example = "postnl", pattern = "^[a-z0-9_-]{1,40}$")]
    pub carrier: String,
    /// Status.
    pub status: ShipmentStatus,
    /// When it was handed to the carrier.
    #[serde(default)]
    pub shipped_at: Option<DateTime<Utc>>,
    /// When it was delivered (required for `delivered`).
    #[serde(default)]
    pub delivered_at: Option<DateTime<Utc>>,
    /// Units per line.
    #[schema(min_items = 1)]
    pub lines: Vec<ShipmentLine>,
}

/// An order, as ingested and stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Order {
    /// Order number, unique within the brand (compared without `#`, spaces or case).
    #[schema(
        example = "1001",
        max_length = 64,
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^#\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
    )]
    pub number: String,
    /// When the order was placed.
    pub placed_at: DateTime<Utc>,
    /// ISO 4217 currency of every price.
    pub currency: Currency,
    /// Customer contact.
    #[serde(default)]
    pub customer: Customer,
    /// Shipping address.
    pub shipping_address: ShippingAddress,
    /// Lines (1–500).
    #[schema(min_items = 1, max_items = 500)]
    pub lines: Vec<Line>,
    /// Shipments (0–100).
    #[serde(default)]
    #[schema(max_items = 100)]
    pub shipments: Vec<Shipment>,
}

fn text(errors: &mut Vec<FieldError>, field: String, value: &str, max: usize) {
    if value.trim().is_empty() || value.chars().count() > max || value.chars().any(char::is_control)
    {
        errors.push(FieldError::new(
            field,
            ErrorCode::InvalidLength,
            format!("must have 1–{max} printable characters"),
        ));
    }
}

fn opt_text(errors: &mut Vec<FieldError>, field: String, value: &Option<String>, max: usize) {
    if let Some(v) = value {
        text(errors, field, v, max);
    }
}

/// The lines of shipment `i`: known, each once, at least one unit, and
/// with earlier shipments (`shipped`) never more than ordered.
fn check_shipment_lines<'a>(
    i: usize,
    s: &'a Shipment,
    quantities: &HashMap<&str, u32>,
    shipped: &mut HashMap<&'a str, u64>,
    e: &mut Vec<FieldError>,
) {
    let mut in_shipment = HashSet::new();
    for (j, sl) in s.lines.iter().enumerate() {
        let field = format!("shipments[{i}].lines[{j}]");
        if !quantities.contains_key(sl.line_id.as_str()) {
            e.push(FieldError::new(
                format!("{field}.line_id"),
                ErrorCode::UnknownLine,
                "no line of the order has this id",
            ));
        }
        if !in_shipment.insert(sl.line_id.as_str()) {
            e.push(FieldError::new(
                format!("{field}.line_id"),
                ErrorCode::Duplicate,
                "appears twice in this shipment",
            ));
        }
        if sl.quantity == 0 {
            e.push(FieldError::new(
                format!("{field}.quantity"),
                ErrorCode::OutOfRange,
                "must be at least 1",
            ));
        }
        let total = shipped.entry(sl.line_id.as_str()).or_default();
        *total += u64::from(sl.quantity);
        if let Some(&ordered) = quantities.get(sl.line_id.as_str())
            && *total > u64::from(ordered)
        {
            e.push(FieldError::new(
                format!("{field}.quantity"),
                ErrorCode::ExceedsLineQuantity,
                format!(
                    "shipments carry more units of {} than the {} ordered",
                    sl.line_id, ordered
                ),
            ));
        }
    }
}

impl Order {
    /// Validates the order and normalizes its contact data in place. Errors
    /// carry field paths relative to the order (`lines[0].quantity`).
    pub fn normalize(&mut self, phone_region: Option<&str>) -> Vec<FieldError> {
        let mut e = Vec::new();
        text(&mut e, "number".into(), &self.number, 64);
        if crate::domain::contact::identifier_key(&self.number).is_empty() {
            e.push(FieldError::new(
                "number",
                ErrorCode::InvalidValue,
                "must contain more than `#` and spaces",
            ));
        }

        self.normalize_customer(phone_region, &mut e);
        self.check_address(&mut e);
        let quantities = self.check_lines(&mut e);
        self.check_shipments(&quantities, &mut e);
        e
    }

    /// E-mail lower-cased, phone as E.164 (national numbers in `phone_region`).
    fn normalize_customer(&mut self, phone_region: Option<&str>, e: &mut Vec<FieldError>) {
        if let Some(raw) = &self.customer.email {
            match normalize_email(raw) {
                Some(n) => self.customer.email = Some(n),
                None => e.push(FieldError::new(
                    "customer.email",
                    ErrorCode::InvalidEmail,
                    "must be an email address",
                )),
            }
        }
        if let Some(raw) = &self.customer.phone {
            match normalize_phone(raw, phone_region) {
                Some(n) => self.customer.phone = Some(n),
                None => e.push(FieldError::new(
                    "customer.phone",
                    ErrorCode::InvalidPhone,
                    match phone_region {
                        Some(r) => format!("must be a valid phone number (national numbers are read as {r})"),
                        None => "must be a valid international phone number (+…); the brand has no phone_region".into(),
                    },
                )),
            }
        }
        opt_text(e, "customer.name".into(), &self.customer.name, 200);
    }

    /// The shipping address: texts, country, postal code of that country,
    /// coordinates in range and given together.
    fn check_address(&self, e: &mut Vec<FieldError>) {
        let a = &self.shipping_address;
        opt_text(e, "shipping_address.name".into(), &a.name, 200);
        text(e, "shipping_address.line1".into(), &a.line1, 200);
        opt_text(e, "shipping_address.line2".into(), &a.line2, 200);
        text(e, "shipping_address.city".into(), &a.city, 100);
        if !is_country(&a.country) {
            e.push(FieldError::new(
                "shipping_address.country",
                ErrorCode::InvalidCountry,
                "must be an ISO 3166-1 alpha-2 code such as NL",
            ));
        } else if !postal_code_valid(&a.country, &a.postal_code) {
            e.push(FieldError::new(
                "shipping_address.postal_code",
                ErrorCode::InvalidPostalCode,
                format!("is not a postal code of {}", a.country),
            ));
        }
        match (a.latitude, a.longitude) {
            (Some(lat), Some(lon)) => {
                if !(-90.0..=90.0).contains(&lat) {
                    e.push(FieldError::new(
                        "shipping_address.latitude",
                        ErrorCode::OutOfRange,
                        "must be between -90 and 90",
                    ));
                }
                if !(-180.0..=180.0).contains(&lon) {
                    e.push(FieldError::new(
                        "shipping_address.longitude",
                        ErrorCode::OutOfRange,
                        "must be between -180 and 180",
                    ));
                }
            }
            (None, None) => {}
            (Some(_), None) => e.push(FieldError::new(
                "shipping_address.longitude",
                ErrorCode::Required,
                "latitude and longitude go together",
            )),
            (None, Some(_)) => e.push(FieldError::new(
                "shipping_address.latitude",
                ErrorCode::Required,
                "latitude and longitude go together",
            )),
        }
    }

    /// Lines: 1–500, ids unique, quantities and prices in range, in the
    /// order's currency. Returns the ordered quantity per line id.
    fn check_lines(&self, e: &mut Vec<FieldError>) -> HashMap<&str, u32> {
        if self.lines.is_empty() || self.lines.len() > 500 {
            e.push(FieldError::new(
                "lines",
                ErrorCode::InvalidLength,
                "must have 1–500 lines",
            ));
        }
        let mut ids = HashSet::new();
        let mut quantities = HashMap::new();
        for (i, l) in self.lines.iter().enumerate() {
            text(e, format!("lines[{i}].id"), &l.id, 64);
            if !ids.insert(l.id.as_str()) {
                e.push(FieldError::new(
                    format!("lines[{i}].id"),
                    ErrorCode::Duplicate,
                    "another line has this id",
                ));
            }
            text(e, format!("lines[{i}].sku"), &l.sku, 100);
            text(e, format!("lines[{i}].name"), &l.name, 200);
            if !(1..=10_000).contains(&l.quantity) {
                e.push(FieldError::new(
                    format!("lines[{i}].quantity"),
                    ErrorCode::OutOfRange,
                    "must be between 1 and 10000",
                ));
            }
            if l.unit_price.currency != self.currency {
                e.push(FieldError::new(
                    format!("lines[{i}].unit_price.currency"),
                    ErrorCode::CurrencyMismatch,
                    format!("must be the order currency {}", self.currency),
                ));
            }
            if !(0..=MAX_AMOUNT).contains(&l.unit_price.amount) {
                e.push(FieldError::new(
                    format!("lines[{i}].unit_price.amount"),
                    ErrorCode::OutOfRange,
                    format!("must be between 0 and {MAX_AMOUNT}"),
                ));
            }
            opt_text(e, format!("lines[{i}].vendor"), &l.vendor, 100);
            opt_text(e, format!("lines[{i}].product_id"), &l.product_id, 100);
            if let Some(c) = &l.commission {
                if c.currency != self.currency {
                    e.push(FieldError::new(
                        format!("lines[{i}].commission.currency"),
                        ErrorCode::CurrencyMismatch,
                        format!("must be the order currency {}", self.currency),
                    ));
                }
                if c.amount < 0 || c.amount > l.unit_price.amount.max(0) {
                    e.push(FieldError::new(
                        format!("lines[{i}].commission.amount"),
                        ErrorCode::OutOfRange,
                        "must be between 0 and the unit price",
                    ));
                }
            }
            if let Some(url) = &l.image_url
                && !crate::domain::urls::is_web_url(url, false)
            {
                e.push(FieldError::new(
                    format!("lines[{i}].image_url"),
                    ErrorCode::InvalidUrl,
                    "must be an http(s) URL",
                ));
            }
            quantities.entry(l.id.as_str()).or_insert(l.quantity);
        }

        quantities
    }

    /// Shipments: at most 100, tracking numbers unique, delivery consistent
    /// with status, and never more units of a line than were ordered.
    fn check_shipments(&self, quantities: &HashMap<&str, u32>, e: &mut Vec<FieldError>) {
        if self.shipments.len() > 100 {
            e.push(FieldError::new(
                "shipments",
                ErrorCode::InvalidLength,
                "at most 100 shipments",
            ));
        }
        let mut shipped: HashMap<&str, u64> = HashMap::new();
        let mut tracking = HashSet::new();
        for (i, s) in self.shipments.iter().enumerate() {
            text(
                e,
                format!("shipments[{i}].tracking_number"),
                &s.tracking_number,
                64,
            );
            if !tracking.insert(crate::domain::contact::identifier_key(&s.tracking_number)) {
                e.push(FieldError::new(
                    format!("shipments[{i}].tracking_number"),
                    ErrorCode::Duplicate,
                    "another shipment has this tracking number",
                ));
            }
            if !is_carrier(&s.carrier) {
                e.push(FieldError::new(
                    format!("shipments[{i}].carrier"),
                    ErrorCode::InvalidCarrier,
                    "carrier codes are lowercase letters, digits, - or _",
                ));
            }
            match (s.status, s.delivered_at) {
                (ShipmentStatus::Delivered, None) => e.push(FieldError::new(
                    format!("shipments[{i}].delivered_at"),
                    ErrorCode::Required,
                    "a delivered shipment has a delivery time",
                )),
                (status, Some(_)) if status != ShipmentStatus::Delivered => {
                    e.push(FieldError::new(
                        format!("shipments[{i}].delivered_at"),
                        ErrorCode::NotAllowed,
                        "only delivered shipments have a delivery time",
                    ))
                }
                _ => {}
            }
            if let (Some(shipped_at), Some(delivered_at)) = (s.shipped_at, s.delivered_at)
                && delivered_at < shipped_at
            {
                e.push(FieldError::new(
                    format!("shipments[{i}].delivered_at"),
                    ErrorCode::OutOfRange,
                    "must not be before shipped_at",
                ));
            }
            if s.lines.is_empty() {
                e.push(FieldError::new(
                    format!("shipments[{i}].lines"),
                    ErrorCode::InvalidLength,
                    "a shipment carries at least one line",
                ));
            }
            check_shipment_lines(i, s, quantities, &mut shipped, e);
        }
    }

    /// Normalized postal code of the shipping address.
    pub fn postal_key(&self) -> String {
        crate::domain::contact::postal_key(&self.shipping_address.postal_code)
    }

    /// The line with this id.
    pub fn line(&self, id: &str) -> Option<&Line> {
        self.lines.iter().find(|l| l.id == id)
    }
}

/// Most orders in one bulk request.
pub const MAX_BULK: usize = 1000;

/// The errors for shipments (by position) whose tracking number another
/// order of the brand already uses.
pub fn tracking_taken(positions: &[usize]) -> Vec<FieldError> {
    positions
        .iter()
        .map(|i| {
            FieldError::new(
                format!("shipments[{i}].tracking_number"),
                ErrorCode::TrackingNumberTaken,
                "another order of this brand has this tracking number",
            )
        })
        .collect()
}

/// Rules of a bulk request as a whole: 1–1,000 orders, each number once,
/// each tracking number in one order only.
pub fn check_batch(orders: &[Order]) -> Vec<FieldError> {
    if orders.is_empty() || orders.len() > MAX_BULK {
        return vec![FieldError::new(
            "orders",
            ErrorCode::InvalidLength,
            format!("must have 1–{MAX_BULK} orders"),
        )];
    }
    let mut errors = Vec::new();
    let mut numbers = HashSet::new();
    let mut tracking = HashSet::new();
    for (i, order) in orders.iter().enumerate() {
        if !numbers.insert(crate::domain::contact::identifier_key(&order.number)) {
            errors.push(FieldError::new(
                format!("orders[{i}].number"),
                ErrorCode::Duplicate,
                "appears twice in this request",
            ));
        }
        for (j, s) in order.shipments.iter().enumerate() {
            if !tracking.insert(crate::domain::contact::identifier_key(&s.tracking_number)) {
                errors.push(FieldError::new(
                    format!("orders[{i}].shipments[{j}].tracking_number"),
                    ErrorCode::Duplicate,
                    "another order of this request has this tracking number",
                ));
            }
        }
    }
    errors
}

#[cfg(test)]
impl Order {
    /// A delivered one-line order of two T-shirts (unit tests).
    pub fn sample() -> Order {
        serde_json::from_value(serde_json::json!({
            "number": "1001",
            "placed_at": "2026-11-01T10:00:00Z",
            "currency": "EUR",
            "customer": { "email": "Ana@Example.com", "phone": "06 12345678", "name": "Ana de Vries" },
            "shipping_address": { "line1": "Stationsplein 1", "city": "Amsterdam", "postal_code": "1012 AB",
                                  "country": "NL", "latitude": 52.3791, "longitude": 4.9003 },
            "lines": [
                { "id": "L1", "sku": "TSHIRT-M", "name": "T-shirt M", "quantity": 2,
                  "unit_price": { "amount": 1999, "currency": "EUR" }, "returnable": true }
            ],
            "shipments": [
                { "tracking_number": "3SABC0001", "carrier": "postnl", "status": "delivered",
                  "shipped_at": "2026-11-02T09:00:00Z", "delivered_at": "2026-11-03T15:00:00Z",
                  "lines": [ { "line_id": "L1", "quantity": 2 } ] }
            ]
        }))
        .expect("sample order")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Order {
        Order::sample()
    }

    #[test]
    fn a_batch_names_each_number_and_tracking_number_once() {
        let a = sample();
        let mut b = sample();
        b.number = "#1001 ".into();
        let errors = check_batch(&[a, b]);
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            vec!["orders[1].number", "orders[1].shipments[0].tracking_number"]
        );
        assert_eq!(check_batch(&[])[0].code, ErrorCode::InvalidLength);
    }

    #[test]
    fn a_taken_tracking_number_is_named_by_its_shipment() {
        let errors = tracking_taken(&[1]);
        assert_eq!(errors[0].field, "shipments[1].tracking_number");
        assert_eq!(errors[0].code, ErrorCode::TrackingNumberTaken);
    }

    #[test]
    fn a_valid_order_is_normalized() {
        let mut o = sample();
        assert_eq!(o.normalize(Some("NL")), vec![]);
        assert_eq!(o.customer.email.as_deref(), Some("ana@example.com"));
        assert_eq!(o.customer.phone.as_deref(), Some("+31612345678"));
        assert_eq!(o.postal_key(), "1012AB");
    }

    fn fields(o: &mut Order) -> Vec<String> {
        let mut f: Vec<String> = o
            .normalize(Some("NL"))
            .into_iter()
            .map(|e| e.field)
            .collect();
        f.sort();
        f
    }

    #[test]
    fn shipments_never_carry_more_than_was_ordered() {
        let mut o = sample();
        o.shipments.push(o.shipments[0].clone());
        o.shipments[1].tracking_number = "3SABC0002".into();
        assert_eq!(fields(&mut o), vec!["shipments[1].lines[0].quantity"]);
    }

    #[test]
    fn line_ids_are_unique_and_quantities_positive() {
        let mut o = sample();
        o.lines.push(o.lines[0].clone());
        o.lines[1].quantity = 0;
        assert_eq!(fields(&mut o), vec!["lines[1].id", "lines[1].quantity"]);
    }

    #[test]
    fn contact_data_must_be_well_formed() {
        let mut o = sample();
        o.customer.email = Some("nope".into());
        o.customer.phone = Some("12".into());
        o.shipping_address.postal_code = "ABCD".into();
        assert_eq!(
            fields(&mut o),
            vec![
                "customer.email",
                "customer.phone",
                "shipping_address.postal_code"
            ]
        );
    }

    #[test]
    fn prices_are_in_the_order_currency_and_delivery_has_a_time() {
        let mut o = sample();
        o.lines[0].unit_price.currency = Currency::parse("USD").unwrap();
        o.shipments[0].delivered_at = None;
        o.shipments[0].lines[0].line_id = "L9".into();
        assert_eq!(
            fields(&mut o),
            vec![
                "lines[0].unit_price.currency",
                "shipments[0].delivered_at",
                "shipments[0].lines[0].line_id"
            ]
        );
    }
}
