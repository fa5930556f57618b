//! Integration tests: the real server over HTTP, on SQLite and PostgreSQL.

#[allow(dead_code)]
mod helpers;

mod blobs;
mod bodies;
mod brands;
mod browser;
mod business_mail;
mod carrier_server;
mod catalogue;
mod cli;
mod durability;
mod errors;
mod exchanges;
mod exports;
mod faults;
mod fixtures;
mod forge;
mod hosted_portal;
mod labels;
mod lookup;
mod migrations;
mod multinode;
mod notifications;
mod openapi;
mod orders;
mod photos;
mod portal;
mod portal_browser;
mod receipts;
mod reports;
mod returns;
mod returns_fixtures;
mod secrets;
mod service_points;
mod settings;
mod smtp_sink;
mod tokens;
mod tracking;
mod uploads;
mod vendor_returns;
mod vendor_webhooks;
mod vendors;
mod webhook_receiver;
mod webhooks;
