//! Redis Streams event bus: publish, consumer groups, ack and reclaim.
//!
//! Each [`Topic`] is one Redis stream. [`Bus::publish`] appends a protobuf message
//! (field `p`) with the publisher's W3C trace context (field `tp`) and trims the
//! stream approximately. [`consume`] runs one member of a consumer group: delivery is
//! at least once, failed entries are retried after an idle timeout and moved to
//! `<stream>:dead` after too many deliveries, so every handler must be idempotent.
//!
//! ```no_run
//! # async fn demo() -> Result<(), omni_bus::Error> {
//! use omni_bus::{Bus, ConsumerOptions, Topic};
//!
//! #[derive(Clone, PartialEq, prost::Message)]
//! struct Ping {
//!     #[prost(string, tag = "1")]
//!     text: String,
//! }
//!
//! let bus = Bus::connect("redis://127.0.0.1:6379").await?;
//! bus.publish(Topic::EventIngested, &Ping { text: "hi".into() }).await?;
//! let shutdown = tokio_util::sync::CancellationToken::new();
//! let options = ConsumerOptions::new("segment", "segment-1");
//! omni_bus::consume(bus, Topic::EventIngested, options, shutdown, |delivery| async move {
//!     delivery.decode::<Ping>().map(|ping| println!("{}", ping.text))
//! })
//! .await?;
//! # Ok(()) }
//! ```

pub mod audit;
mod consumer;
mod error;
mod lanes;
mod publish;
mod topic;

pub use consumer::{ConsumerOptions, Delivery, consume, consume_batch, delivery_span};
pub use error::Error;
pub use lanes::{Lane, LaneOptions, consume_lanes};
pub use publish::{Bus, DEFAULT_MAX_LEN};
pub use topic::Topic;
