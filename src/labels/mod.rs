//! Labels: rendering (PDF with a Code 128 barcode, QR codes) and carrier
//! adapters (the built-in local carrier and HTTP carriers), with the
//! registry that picks an adapter per carrier code: configured HTTP carriers
//! first, the built-in local carrier for everything else.

pub mod carrier;
pub mod http;
pub mod inspect;
pub mod local;
pub mod render;

use std::collections::HashMap;
use std::sync::Arc;

pub use crate::config::{CarrierConfig, HttpCarrierConfig};
use carrier::Carrier;

/// Adapters by carrier code.
pub struct Carriers {
    configured: HashMap<String, Arc<dyn Carrier>>,
    fallback: Arc<dyn Carrier>,
}

impl Carriers {
    /// The local carrier for every code, plus an HTTP adapter for each
    /// configured carrier with a label API (`base_url`).
    pub fn new(carriers: &[CarrierConfig]) -> anyhow::Result<Carriers> {
        let mut configured: HashMap<String, Arc<dyn Carrier>> = HashMap::new();
        for config in carriers.iter().filter_map(CarrierConfig::http) {
            configured.insert(
                config.carrier.clone(),
                Arc::new(http::HttpCarrier::new(config)?),
            );
        }
        Ok(Carriers {
            configured,
            fallback: Arc::new(local::LocalCarrier),
        })
    }

    /// The adapter of a carrier code.
    pub fn get(&self, carrier: &str) -> Arc<dyn Carrier> {
        self.configured
            .get(carrier)
            .cloned()
            .unwrap_or_else(|| self.fallback.clone())
    }
}
