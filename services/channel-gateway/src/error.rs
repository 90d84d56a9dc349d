//! The channel-gateway's errors and their one mapping to `tonic::Status`.

use omni_common::status;
use tonic::Status;

use crate::records::Channel;

/// An error from the channel-gateway's domain layer or its dependencies.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A request field is invalid; `field` is its path, e.g. `template.body`.
    #[error("{field}: {message}")]
    InvalidArgument {
        /// The path of the offending field.
        field: String,
        /// What is wrong with it.
        message: String,
    },
    /// A resource does not exist in the caller's workspace.
    #[error("{kind} `{id}` not found")]
    NotFound {
        /// The kind of resource (`template`, `customer`, `message`).
        kind: &'static str,
        /// The id that was looked up.
        id: String,
    },
    /// The request is valid but the resource's state refuses it (e.g. a coupon that
    /// was redeemed already).
    #[error("{field}: {message}")]
    FailedPrecondition {
        /// The field whose value is refused.
        field: &'static str,
        /// Why.
        message: String,
    },
    /// Four-eyes review: the key that authored or submitted a template version may not
    /// approve it.
    #[error(
        "four-eyes review: key `{key_id}` authored or submitted version {version} of template \
         `{template_id}` and cannot approve it; another approver must"
    )]
    FourEyes {
        /// The template.
        template_id: String,
        /// The version.
        version: i64,
        /// The refused key.
        key_id: String,
    },
    /// The channel has no provider configured in this gateway.
    #[error("channel not configured: {0} delivery has no provider")]
    ChannelNotConfigured(Channel),
    /// The database failed.
    #[error("database: {0}")]
    Database(#[from] sea_orm::DbErr),
    /// Connecting to or migrating the database failed.
    #[error("storage: {0}")]
    Storage(#[from] omni_storage::Error),
    /// The profile store (Redis) failed.
    #[error("profile store: {0}")]
    Profiles(#[from] omni_profile_store::Error),
    /// Connecting to Redis failed.
    #[error("redis: {0}")]
    Redis(#[from] redis::RedisError),
    /// The gRPC server failed.
    #[error("server: {0}")]
    Server(#[from] omni_common::Error),
    /// The event bus failed.
    #[error("bus: {0}")]
    Bus(#[from] omni_bus::Error),
    /// The SMTP settings cannot build a transport.
    #[error("smtp settings: {0}")]
    SmtpSettings(String),
    /// The provider client cannot be built.
    #[error("provider settings: {0}")]
    ProviderSettings(String),
    /// A stored row cannot be read back (a bug or a hand-edited database).
    #[error("corrupt row: {0}")]
    Corrupt(String),
}

impl From<Error> for Status {
    fn from(err: Error) -> Self {
        match err {
            Error::InvalidArgument { field, message } => status::invalid_argument(&field, message),
            Error::NotFound { kind, id } => status::not_found(kind, &id),
            Error::FailedPrecondition { field, message } => {
                status::failed_precondition(field, message)
            }
            e @ Error::FourEyes { .. } => Status::permission_denied(e.to_string()),
            Error::ChannelNotConfigured(channel) => status::failed_precondition(
                "channel",
                format!("channel not configured: {channel} delivery has no provider"),
            ),
            Error::Database(err) => match err {
                sea_orm::DbErr::ConnectionAcquire(_) | sea_orm::DbErr::Conn(_) => {
                    status::unavailable("database", err)
                }
                other => status::internal(other),
            },
            Error::Storage(err) => status::unavailable("database", err),
            Error::Profiles(err) => status::unavailable("profile store", err),
            Error::Redis(err) => status::unavailable("redis", err),
            Error::Server(err) => status::internal(err),
            Error::Bus(err) => status::unavailable("bus", err),
            Error::SmtpSettings(err) => status::internal(err),
            Error::ProviderSettings(err) => status::internal(err),
            Error::Corrupt(err) => status::internal(err),
        }
    }
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
