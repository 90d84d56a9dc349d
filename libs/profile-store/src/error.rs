//! Errors returned by the profile store.

/// Everything that can go wrong reading or writing profiles.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Redis rejected a command or the connection failed.
    #[error("redis: {0}")]
    Redis(#[from] redis::RedisError),
    /// A value could not be serialised to JSON.
    #[error("encoding JSON: {0}")]
    Encode(#[from] serde_json::Error),
    /// A stored value is not what this crate writes.
    #[error("corrupt value in {key}: {detail}")]
    Corrupt {
        /// The Redis key (and field) holding the value.
        key: String,
        /// What is wrong with it.
        detail: String,
    },
    /// Following merge aliases from a customer id loops or goes too deep.
    #[error("alias chain from customer {customer_id} does not end")]
    AliasCycle {
        /// The id the lookup started from.
        customer_id: String,
    },
}
