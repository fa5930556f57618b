//! Labels: rendering (PDF with a Code 128 barcode, QR codes), carrier
//! adapters and the label worker.

pub mod inspect;
pub mod render;
