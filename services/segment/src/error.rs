//! Segment errors and their one mapping to `tonic::Status`.

use omni_common::status;
use tonic::Status;

/// Everything the segment service can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A request field is missing or invalid; `field` is its path in the request.
    #[error("{field}: {message}")]
    InvalidArgument {
        /// Field path, e.g. `segment.display_name`.
        field: &'static str,
        /// What is wrong with it.
        message: String,
    },
    /// The segment expression does not compile (position included).
    #[error("segment.expression: {0}")]
    InvalidExpression(#[from] omni_rules::RuleError),
    /// Another expression field does not compile, or references something unknown.
    #[error("{field}: {source}")]
    InvalidRule {
        /// Field path, e.g. `computed_trait.filter`.
        field: &'static str,
        /// The compile error (position included).
        source: omni_rules::RuleError,
    },
    /// A resource with the same unique name already exists.
    #[error("{kind} `{id}` already exists")]
    AlreadyExists {
        /// Resource kind.
        kind: &'static str,
        /// The clashing name or id.
        id: String,
    },
    /// The request was based on a state that has changed (e.g. a stale version).
    #[error("{subject}: {message}")]
    FailedPrecondition {
        /// What the precondition is about.
        subject: &'static str,
        /// What is wrong.
        message: String,
    },
    /// Stored data is not what this service writes.
    #[error("corrupt stored value: {0}")]
    Corrupt(String),
    /// Redis (the service's own state) failed.
    #[error("redis: {0}")]
    Redis(#[from] redis::RedisError),
    /// A resource does not exist in the caller's workspace.
    #[error("{kind} `{id}` not found")]
    NotFound {
        /// Resource kind, e.g. `segment`.
        kind: &'static str,
        /// The id that was looked up.
        id: String,
    },
    /// The SQL database failed.
    #[error("database: {0}")]
    Db(#[from] sea_orm::DbErr),
    /// Connecting to or migrating the database failed.
    #[error("storage: {0}")]
    Storage(#[from] omni_storage::Error),
    /// The live profile store (Redis) failed.
    #[error("profile store: {0}")]
    Profiles(#[from] omni_profile_store::Error),
    /// The event bus failed.
    #[error("bus: {0}")]
    Bus(#[from] omni_bus::Error),
    /// Shared plumbing failed (Redis connection, serving gRPC).
    #[error(transparent)]
    Common(#[from] omni_common::Error),
    /// A background worker panicked or was aborted.
    #[error("worker task: {0}")]
    Task(#[from] tokio::task::JoinError),
}

impl From<Error> for Status {
    fn from(err: Error) -> Self {
        match err {
            Error::InvalidArgument { field, message } => status::invalid_argument(field, message),
            Error::InvalidExpression(e) => status::invalid_argument("segment.expression", e),
            Error::InvalidRule { field, source } => status::invalid_argument(field, source),
            Error::AlreadyExists { kind, id } => status::already_exists(kind, &id),
            Error::FailedPrecondition { subject, message } => {
                status::failed_precondition(subject, message)
            }
            Error::Redis(e) => status::unavailable("redis", e),
            Error::NotFound { kind, id } => status::not_found(kind, &id),
            Error::Db(e) => match e {
                sea_orm::DbErr::ConnectionAcquire(_) | sea_orm::DbErr::Conn(_) => {
                    status::unavailable("database", e)
                }
                other => status::internal(other),
            },
            Error::Storage(e) => status::unavailable("database", e),
            Error::Profiles(e) => status::unavailable("profile store", e),
            Error::Bus(e) => status::unavailable("bus", e),
            e @ (Error::Common(_) | Error::Task(_) | Error::Corrupt(_)) => status::internal(e),
        }
    }
}

impl Error {
    /// An [`Error::InvalidArgument`] for `field`.
    pub fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        Error::InvalidArgument {
            field,
            message: message.into(),
        }
    }
}
