//! Credentials: merchant/operator API keys, portal JWTs and signed label
//! URLs. Knows nothing of HTTP: the extractors in `routes` read the
//! credentials from requests and hand them to the services.

pub mod api_keys;
pub mod tokens;

pub use api_keys::{Merchant, Role, VendorCaller};
