//! Test support for Omni, also used by the `omni` binary for `omni up` and
//! `omni demo`: a real `redis-server` on a free port ([`RedisServer`]), a fresh SQLite
//! or Postgres database per call ([`database_url`]), a local SMTP server that records
//! what it receives ([`SmtpSink`]), local SMS, push and store-webhook provider servers
//! ([`providers`]) and a polling helper ([`eventually`]).
//!
//! Nothing here is mocked: the servers are real processes or real protocol
//! endpoints on `127.0.0.1`.

mod database;
mod eventually;
mod mail;
pub mod providers;
mod redis_server;
mod smtp;

pub use database::{TEST_DATABASE_URL_ENV, database_url};
pub use eventually::eventually;
pub use mail::ReceivedMail;
pub use redis_server::{RedisServer, ensure_redis_server};
pub use smtp::SmtpSink;
