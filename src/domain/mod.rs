//! The rules of the returns domain, free of HTTP and SQL: each rule lives
//! here once, with unit tests named as sentences. Depends on nothing of the
//! crate but `error` (the ground floor).

pub mod addresses;
pub mod brand;
pub mod catalogue;
pub mod client_address;
pub mod codes;
pub mod contact;
pub mod contrast;
pub mod dispositions;
pub mod eligibility;
pub mod events;
pub mod exchanges;
pub mod exports;
pub mod geo;
pub mod ids;
pub mod labels;
pub mod lookup;
pub mod money;
pub mod notifications;
pub mod opening_hours;
pub mod orders;
pub mod parts;
pub mod photos;
pub mod pricing;
pub mod receipts;
pub mod reports;
pub mod resolutions;
pub mod return_status;
pub mod returns;
pub mod review;
pub mod sandbox;
pub mod service_points;
pub mod settings;
pub mod tracking;
pub mod urls;
pub mod vendors;
pub mod webhooks;

#[cfg(test)]
mod properties;
