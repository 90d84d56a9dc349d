//! The `omni` binary's library: runs the six services in one process as separate gRPC
//! servers (exactly as they run apart), generates local keys, starts an embedded
//! `redis-server` when none is configured, and drives the demo.
//!
//! Services are only ever started through their public `run` functions; this crate
//! never reaches into a service's internals.

pub mod clients;
pub mod demo;
pub mod demo_cart;
pub mod keys;
pub mod migrate;
pub mod suite;
