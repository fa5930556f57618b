//! returns-api: a headless, self-hostable returns API.
//!
//! Layers point down: `routes`, `cli` and `demo` call `app` (one module per
//! use case), which uses `domain` (the rules), `db` (rows and queries),
//! `auth`, `geo`, `labels`, `mail`, `webhooks` and `jobs`; `error`, `config`,
//! `telemetry`, `storage` and `secrets` are the ground floor. `scripts/deps.py` keeps it so.

pub mod app;
pub mod auth;
pub mod cli;
pub mod clock;
pub mod config;
pub mod db;
pub mod demo;
pub mod domain;
pub mod error;
pub mod geo;
pub mod jobs;
pub mod labels;
pub mod mail;
pub mod openapi;
pub mod routes;
pub mod secrets;
pub mod startup;
pub mod storage;
pub mod telemetry;
pub mod webhooks;
