//! Reading back what [`super::render`] drew. (Interface; being completed.)

/// The text encoded by the Code 128 barcode of a label PDF, if one is found.
pub fn code128_in_pdf(_pdf: &[u8]) -> Option<String> {
    None
}
