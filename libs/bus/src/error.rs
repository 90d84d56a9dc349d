//! Errors returned by the bus.

/// Everything that can go wrong publishing to or consuming from the bus.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Redis rejected a command or the connection failed.
    #[error("redis: {0}")]
    Redis(#[from] redis::RedisError),
    /// A delivery's payload is not a valid encoding of the requested message type.
    #[error("decoding bus payload: {0}")]
    Decode(#[from] prost::DecodeError),
    /// Redis answered `XADD` without an entry id.
    #[error("XADD to {stream} returned no entry id")]
    NoEntryId {
        /// The stream that was written to.
        stream: &'static str,
    },
}
