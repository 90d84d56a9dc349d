//! Access: the workspace's API keys and its audit log, served as `AccessService`.
//!
//! Keys live in identity's SQL as SHA-256 hashes with their role ([`keys`]) and are
//! mirrored into the Redis hash every service's auth layer reads; identity re-mirrors
//! every live key at start-up, since Redis may come back empty. The audit log
//! ([`audit_log`]) is filled from the bus topic every service publishes its changes on.
//! Tables are in their own migration series ([`schema`]), apart from the identity graph.

pub mod audit_log;
pub mod keys;
pub mod schema;
pub mod service;

pub use service::Access;
