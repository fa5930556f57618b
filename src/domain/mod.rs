//! The rules of the returns domain, free of HTTP and SQL.

pub mod brand;
pub mod contact;
pub mod eligibility;
pub mod geo;
pub mod ids;
pub mod money;
pub mod opening_hours;
pub mod orders;
pub mod return_status;
pub mod returns;
pub mod service_points;
pub mod settings;
