//! Integration tests: the real server over HTTP, on SQLite and PostgreSQL.

#[allow(dead_code)]
mod helpers;

mod brands;
mod cli;
mod errors;
mod fixtures;
mod lookup;
mod orders;
mod migrations;
mod openapi;
mod portal;
mod service_points;
mod settings;
