//! Labels: rendering (PDF with a Code 128 barcode, QR codes), carrier
//! adapters (the built-in local carrier and HTTP carriers) and the job that
//! produces a shipment's label.

pub mod carrier;
pub mod http;
pub mod inspect;
pub mod local;
pub mod render;
pub mod worker;
