//! Errors raised by the shared plumbing.

/// An error from configuration, server start-up or a shared dependency.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Configuration could not be read or parsed.
    #[error("configuration: {0}")]
    Config(#[from] config::ConfigError),
    /// A configuration value is invalid; `key` is the dotted setting name.
    #[error("configuration key `{key}`: {message}")]
    InvalidSetting {
        /// The dotted name of the setting, e.g. `identity.listen`.
        key: String,
        /// What is wrong with it.
        message: String,
    },
    /// The gRPC transport failed.
    #[error("grpc transport: {0}")]
    Transport(#[from] tonic::transport::Error),
    /// The reflection service could not be built.
    #[error("grpc reflection: {0}")]
    Reflection(#[from] tonic_reflection::server::Error),
    /// Redis failed.
    #[error("redis: {0}")]
    Redis(#[from] ::redis::RedisError),
    /// Telemetry could not be initialised.
    #[error("telemetry: {0}")]
    Telemetry(String),
}
