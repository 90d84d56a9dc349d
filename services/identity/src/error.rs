//! Identity errors, and their one mapping to `tonic::Status`.

use omni_common::status;
use sea_orm::DbErr;
use tonic::Status;

/// An identity service error.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A resource does not exist in the caller's workspace.
    #[error("{kind} `{id}` not found")]
    NotFound {
        /// What kind of thing (`customer`).
        kind: &'static str,
        /// Its id.
        id: String,
    },
    /// An idempotency key was reused for a different request.
    #[error("idempotency key `{key}` was already used for a different request")]
    IdempotencyKeyReused {
        /// The key.
        key: String,
    },
    /// The identity rules refuse the operation (a manual merge over a limit).
    #[error("refused by identity rule `{rule}`: {reason}")]
    Rule {
        /// The rule.
        rule: String,
        /// Why.
        reason: String,
    },
    /// Concurrent writes to the same customers kept conflicting; the caller may retry.
    #[error("concurrent update of the same customers")]
    Contention,
    /// A query failed.
    #[error("database: {0}")]
    Database(#[from] DbErr),
    /// Connecting or migrating the database failed.
    #[error("storage: {0}")]
    Storage(#[from] omni_storage::Error),
    /// The Redis profile store failed.
    #[error("profile store: {0}")]
    Profile(#[from] omni_profile_store::Error),
    /// The event bus failed.
    #[error("bus: {0}")]
    Bus(#[from] omni_bus::Error),
    /// Connecting to Redis failed.
    #[error("redis: {0}")]
    Redis(#[from] redis::RedisError),
    /// A value could not be encoded as JSON.
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
    /// Stored data could not be read back.
    #[error("corrupt stored data: {0}")]
    Corrupt(String),
    /// The gRPC server failed.
    #[error("server: {0}")]
    Server(#[from] omni_common::Error),
    /// A background task panicked.
    #[error("background task: {0}")]
    Task(#[from] tokio::task::JoinError),
    /// The identifier encryption key could not be loaded or used.
    #[error("identifier encryption key: {0}")]
    Key(String),
}

impl Error {
    /// True for errors a fresh transaction may not hit again: contention and a unique
    /// violation caused by a concurrent writer.
    pub fn is_retryable(&self) -> bool {
        match self {
            Self::Contention => true,
            Self::Database(e) => omni_storage::is_unique_violation(e),
            _ => false,
        }
    }
}

impl From<Error> for Status {
    fn from(err: Error) -> Self {
        match err {
            Error::NotFound { kind, id } => status::not_found(kind, &id),
            Error::IdempotencyKeyReused { key } => status::failed_precondition(
                "idempotency_key",
                format!("`{key}` was already used for a different request"),
            ),
            Error::Rule { rule, reason } => {
                status::failed_precondition(&format!("identity rule `{rule}`"), reason)
            }
            Error::Contention => Status::aborted("concurrent update of the same customers; retry"),
            Error::Database(e @ (DbErr::Conn(_) | DbErr::ConnectionAcquire(_))) => {
                status::unavailable("database", e)
            }
            Error::Database(e) => status::internal(e),
            Error::Profile(e) => status::unavailable("redis", e),
            Error::Redis(e) => status::unavailable("redis", e),
            Error::Bus(e) => status::unavailable("bus", e),
            e @ (Error::Storage(_)
            | Error::Json(_)
            | Error::Corrupt(_)
            | Error::Server(_)
            | Error::Task(_)
            | Error::Key(_)) => status::internal(e),
        }
    }
}
