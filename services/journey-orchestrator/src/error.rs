//! The crate's error type and its single mapping to `tonic::Status`.

use omni_common::status;
use tonic::Status;

/// Everything that can go wrong in the journey-orchestrator.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A request field is invalid; `field` is its path (e.g. `journey.nodes[2].wait.duration`).
    #[error("{field}: {message}")]
    InvalidArgument {
        /// Path of the offending field.
        field: String,
        /// What is wrong with it.
        message: String,
    },
    /// A resource does not exist in the caller's workspace.
    #[error("{kind} `{id}` not found")]
    NotFound {
        /// Resource kind (`journey`, `run`).
        kind: &'static str,
        /// The id asked for.
        id: String,
    },
    /// The journey has no published version, so it takes no entries.
    #[error("journey `{0}` has no published version")]
    NotPublished(String),
    /// The journey is not in the state a lifecycle call needs (e.g. pausing a draft).
    #[error("journey `{journey_id}` is {state}; the call needs it {wanted}")]
    WrongState {
        /// The journey.
        journey_id: String,
        /// Its current state (SQL spelling).
        state: &'static str,
        /// The state the call needs.
        wanted: &'static str,
    },
    /// The journey's review is not in the state a review call needs.
    #[error("journey `{journey_id}` is in review state {state}; the call needs it {wanted}")]
    WrongReviewState {
        /// The journey.
        journey_id: String,
        /// Its review state (SQL spelling), or STOPPED for a stopped journey.
        state: &'static str,
        /// The review state the call needs.
        wanted: &'static str,
    },
    /// Publishing needs an approved review and the draft is not approved.
    #[error(
        "journey `{journey_id}` is in review state {state}; publishing needs it APPROVED ({why})"
    )]
    NotApproved {
        /// The journey.
        journey_id: String,
        /// Its review state (SQL spelling).
        state: &'static str,
        /// Why approval is needed (workspace setting or generated content).
        why: &'static str,
    },
    /// Four-eyes: the approving key submitted or last edited the draft.
    #[error(
        "four-eyes: key `{key_id}` submitted or last edited journey `{journey_id}`, so it \
         cannot approve it; another key must"
    )]
    FourEyes {
        /// The journey.
        journey_id: String,
        /// The refused key.
        key_id: String,
    },
    /// The live profile store (Redis) failed.
    #[error("profile store: {0}")]
    Profiles(#[from] omni_profile_store::Error),
    /// A concurrent change won repeatedly; the caller may retry.
    #[error("concurrent update of {0}; retry")]
    Conflict(String),
    /// A stored row could not be decoded (a bug or a hand-edited database).
    #[error("corrupt stored data: {0}")]
    Corrupt(String),
    /// The database failed.
    #[error("database: {0}")]
    Db(#[from] sea_orm::DbErr),
    /// Connecting to or migrating the database failed.
    #[error("storage: {0}")]
    Storage(#[from] omni_storage::Error),
    /// Redis failed.
    #[error("redis: {0}")]
    Redis(#[from] redis::RedisError),
    /// The event bus failed.
    #[error("bus: {0}")]
    Bus(#[from] omni_bus::Error),
    /// Shared plumbing (server start-up, configuration) failed.
    #[error(transparent)]
    Common(#[from] omni_common::Error),
    /// A gRPC endpoint could not be built (bad service URL).
    #[error("grpc transport: {0}")]
    Transport(#[from] tonic::transport::Error),
    /// The webhook HTTP client could not be built.
    #[error("http: {0}")]
    Http(String),
    /// A background worker panicked or was aborted.
    #[error("worker task: {0}")]
    Worker(#[from] tokio::task::JoinError),
    /// A group-commit batch failed or its writer stopped before committing; nothing of
    /// the caller's item is known to be stored, so the caller may retry.
    #[error("batched write: {0}")]
    Batch(String),
}

impl Error {
    /// An `InvalidArgument` error for `field`.
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::InvalidArgument {
            field: field.into(),
            message: message.into(),
        }
    }
}

impl From<Error> for Status {
    fn from(err: Error) -> Self {
        match err {
            Error::InvalidArgument { field, message } => status::invalid_argument(&field, message),
            Error::NotFound { kind, id } => status::not_found(kind, &id),
            Error::Db(e) => match e {
                sea_orm::DbErr::Conn(_) | sea_orm::DbErr::ConnectionAcquire(_) => {
                    status::unavailable("database", e)
                }
                other => status::internal(other),
            },
            Error::NotPublished(id) => status::failed_precondition(
                "journey_id",
                format!("journey `{id}` has no published version; publish it first"),
            ),
            Error::Profiles(e) => status::unavailable("profile store", e),
            e @ (Error::WrongState { .. }
            | Error::WrongReviewState { .. }
            | Error::NotApproved { .. }) => status::failed_precondition("journey_id", e),
            e @ Error::FourEyes { .. } => Status::permission_denied(e.to_string()),
            Error::Conflict(what) => Status::aborted(format!("concurrent update of {what}; retry")),
            Error::Redis(e) => status::unavailable("redis", e),
            Error::Bus(e) => status::unavailable("bus", e),
            Error::Batch(e) => status::unavailable("database", e),
            e @ (Error::Corrupt(_)
            | Error::Storage(_)
            | Error::Common(_)
            | Error::Transport(_)
            | Error::Http(_)
            | Error::Worker(_)) => status::internal(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tonic::Code;

    #[test]
    fn domain_errors_map_to_codes() {
        let s = Status::from(Error::invalid(
            "journey.nodes[0].node_id",
            "must not be empty",
        ));
        assert_eq!(s.code(), Code::InvalidArgument);
        assert!(s.message().contains("journey.nodes[0].node_id"));
        let s = Status::from(Error::NotFound {
            kind: "journey",
            id: "j_1".into(),
        });
        assert_eq!(s.code(), Code::NotFound);
        let s = Status::from(Error::Corrupt("secret detail".into()));
        assert_eq!(s.code(), Code::Internal);
        assert!(!s.message().contains("secret detail"));
    }
}
