//! The carrier adapter interface: what a carrier is asked for and what it
//! answers.

use std::future::Future;
use std::pin::Pin;

use serde::{Deserialize, Serialize};

use super::render::LabelAddress;

/// What a carrier needs to announce a return parcel.
#[derive(Debug, Clone, Serialize)]
pub struct LabelRequest {
    /// Our label id; carriers must treat it as an idempotency key.
    pub reference: String,
    /// Carrier code.
    pub carrier: String,
    /// `pdf` (printed label) or `qr` (label-less drop-off).
    pub kind: String,
    /// The return's RMA number.
    pub rma_number: String,
    /// The customer.
    pub sender: AddressJson,
    /// Warehouse or vendor.
    pub recipient: AddressJson,
    /// Chosen service point, if any.
    pub service_point_id: Option<String>,
    /// One-line description of the service point, if any.
    #[serde(skip)]
    pub service_point_line: Option<String>,
}

/// An address on the wire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressJson {
    /// Addressee.
    pub name: String,
    /// Company.
    pub company: Option<String>,
    /// Street and number.
    pub line1: String,
    /// Second line.
    pub line2: Option<String>,
    /// Postal code.
    pub postal_code: String,
    /// City.
    pub city: String,
    /// ISO alpha-2 country.
    pub country: String,
}

impl From<&AddressJson> for LabelAddress {
    fn from(a: &AddressJson) -> LabelAddress {
        LabelAddress {
            name: a.name.clone(),
            company: a.company.clone(),
            line1: a.line1.clone(),
            line2: a.line2.clone(),
            postal_code: a.postal_code.clone(),
            city: a.city.clone(),
            country: a.country.clone(),
        }
    }
}

/// A produced label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelResult {
    /// Tracking number.
    pub tracking_number: String,
    /// The printable PDF (for `pdf` labels).
    pub pdf: Option<Vec<u8>>,
    /// The code to show as QR at the drop-off (for `qr` labels).
    pub dropoff_code: Option<String>,
}

/// Why a carrier did not produce a label.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CarrierError {
    /// Worth another try later (timeout, 5xx, connection refused).
    #[error("temporary carrier failure: {0}")]
    Temporary(String),
    /// The carrier refused for good (4xx); the message is the carrier's.
    #[error("{0}")]
    Permanent(String),
}

/// Boxed future of an adapter call.
pub type LabelFuture<'a> =
    Pin<Box<dyn Future<Output = Result<LabelResult, CarrierError>> + Send + 'a>>;

/// A carrier adapter.
pub trait Carrier: Send + Sync {
    /// Produces the label for `request`. Must be idempotent per `request.reference`.
    fn create_label<'a>(&'a self, request: &'a LabelRequest) -> LabelFuture<'a>;
}
