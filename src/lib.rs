//! returns-api: a headless, self-hostable returns API.

pub mod auth;
pub mod cache;
pub mod cli;
pub mod config;
pub mod db;
pub mod demo;
pub mod domain;
pub mod error;
pub mod geo;
pub mod jobs;
pub mod labels;
pub mod openapi;
pub mod routes;
pub mod startup;
pub mod telemetry;
