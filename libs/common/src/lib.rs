//! Shared plumbing for every Omni service: layered configuration, telemetry and
//! trace-context propagation, API-key authentication, the mapping helpers that turn
//! errors into `tonic::Status`, typed ids, an injectable clock, graceful shutdown and
//! the one gRPC server recipe every service is served with.
//!
//! This crate holds no business logic and never talks to another service's store.

pub mod access;
pub mod auth;
pub mod clock;
pub mod config;
pub mod config_reference;
pub mod convert;
pub mod error;
pub mod ids;
pub mod metrics;
pub mod redis;
pub mod server;
pub mod shutdown;
pub mod status;
pub mod telemetry;

pub use error::Error;
