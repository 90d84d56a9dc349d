//! Decisioning errors and their one mapping to `tonic::Status`.

use omni_common::status;
use tonic::Status;

/// Everything the decisioning service can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A request field is missing or invalid; `field` is its path in the request.
    #[error("{field}: {message}")]
    InvalidArgument {
        /// Field path, e.g. `offer.value` or `experiment.arms[1].weight`.
        field: String,
        /// What is wrong with it.
        message: String,
    },
    /// The offer's eligibility expression does not compile (position included).
    #[error("offer.eligibility: {0}")]
    InvalidEligibility(#[from] omni_rules::RuleError),
    /// A resource does not exist in the caller's workspace.
    #[error("{kind} `{id}` not found")]
    NotFound {
        /// Resource kind, e.g. `offer`, `customer`.
        kind: &'static str,
        /// The id that was looked up.
        id: String,
    },
    /// The request is valid but the resource's state does not allow it.
    #[error("{subject}: {message}")]
    FailedPrecondition {
        /// What is in the wrong state, e.g. `offer offer_1`.
        subject: String,
        /// Why the call cannot proceed.
        message: String,
    },
    /// Redis (caps, bandit statistics, histograms) failed.
    #[error("redis: {0}")]
    Redis(#[from] redis::RedisError),
    /// A stored value could not be decoded (e.g. offer content that is not JSON).
    #[error("corrupt stored {what}: {message}")]
    Corrupt {
        /// What was being read.
        what: &'static str,
        /// Why it could not be decoded.
        message: String,
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
    /// Shared plumbing failed (Redis connection, serving gRPC).
    #[error(transparent)]
    Common(#[from] omni_common::Error),
}

impl From<Error> for Status {
    fn from(err: Error) -> Self {
        match err {
            Error::InvalidArgument { field, message } => status::invalid_argument(&field, message),
            Error::FailedPrecondition { subject, message } => {
                status::failed_precondition(&subject, message)
            }
            Error::Redis(e) => status::unavailable("redis", e),
            Error::InvalidEligibility(e) => status::invalid_argument("offer.eligibility", e),
            Error::NotFound { kind, id } => status::not_found(kind, &id),
            Error::Db(e) => match e {
                sea_orm::DbErr::ConnectionAcquire(_) | sea_orm::DbErr::Conn(_) => {
                    status::unavailable("database", e)
                }
                other => status::internal(other),
            },
            Error::Storage(e) => status::unavailable("database", e),
            Error::Profiles(e) => status::unavailable("profile store", e),
            e @ (Error::Corrupt { .. } | Error::Common(_)) => status::internal(e),
        }
    }
}

impl Error {
    /// An [`Error::InvalidArgument`] for `field`.
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error::InvalidArgument {
            field: field.into(),
            message: message.into(),
        }
    }
}
