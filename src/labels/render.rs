//! Label rendering. (Interface; the implementation is being completed.)

/// A postal address printed on a label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelAddress {
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
    /// ISO 3166-1 alpha-2 country.
    pub country: String,
}

/// Everything printed on a return label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelContent {
    /// Carrier code, e.g. `postnl`.
    pub carrier: String,
    /// Tracking number (also the Code 128 barcode).
    pub tracking_number: String,
    /// The return's RMA number.
    pub rma_number: String,
    /// The customer (sender of the return).
    pub sender: LabelAddress,
    /// Where the parcel goes (warehouse or vendor).
    pub recipient: LabelAddress,
    /// Drop-off service point, one line, if chosen.
    pub service_point: Option<String>,
}

/// Rendering failure.
#[derive(Debug, thiserror::Error)]
#[error("label rendering failed: {0}")]
pub struct RenderError(pub String);

/// Renders an A6 PDF label.
pub fn render_pdf(_content: &LabelContent) -> Result<Vec<u8>, RenderError> {
    Err(RenderError("not implemented".into()))
}

/// A QR code as PNG (`scale` pixels per module).
pub fn qr_png(_data: &str, _scale: u32) -> Result<Vec<u8>, RenderError> {
    Err(RenderError("not implemented".into()))
}

/// A QR code as SVG.
pub fn qr_svg(_data: &str) -> Result<String, RenderError> {
    Err(RenderError("not implemented".into()))
}
