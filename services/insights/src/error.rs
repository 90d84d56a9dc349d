//! Insights errors and their one mapping to `tonic::Status`.

use omni_common::status;
use tonic::Status;

/// Everything the insights service can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A request field is missing or invalid; `field` is its path in the request.
    #[error("{field}: {message}")]
    InvalidArgument {
        /// Field path, e.g. `range.end_time`.
        field: &'static str,
        /// What is wrong with it.
        message: String,
    },
    /// Stored data is not what this service writes.
    #[error("corrupt stored value: {0}")]
    Corrupt(String),
    /// The SQL database failed.
    #[error("database: {0}")]
    Db(#[from] sea_orm::DbErr),
    /// Connecting to or migrating the database failed.
    #[error("storage: {0}")]
    Storage(#[from] omni_storage::Error),
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
            Error::Db(e) => match e {
                sea_orm::DbErr::ConnectionAcquire(_) | sea_orm::DbErr::Conn(_) => {
                    status::unavailable("database", e)
                }
                other => status::internal(other),
            },
            Error::Storage(e) => status::unavailable("database", e),
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
