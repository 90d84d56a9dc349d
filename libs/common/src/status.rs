//! Helpers that build `tonic::Status` values the same way in every service, with
//! `google.rpc` details a client can act on. Each service maps its own `Error` to
//! `Status` in one place using these.

use std::fmt::Display;

use tonic::{Code, Status};
use tonic_types::{ErrorDetails, StatusExt};

/// `INVALID_ARGUMENT` naming the offending field path (e.g. `event.identifiers[0].value`),
/// with a `BadRequest` field violation.
pub fn invalid_argument(field: &str, description: impl Display) -> Status {
    let description = description.to_string();
    let mut details = ErrorDetails::new();
    details.add_bad_request_violation(field, description.clone());
    Status::with_error_details(
        Code::InvalidArgument,
        format!("{field}: {description}"),
        details,
    )
}

/// `NOT_FOUND` for a resource kind and id, with `ResourceInfo` details.
pub fn not_found(kind: &str, id: &str) -> Status {
    let mut details = ErrorDetails::new();
    details.set_resource_info(kind, id, "", "not found");
    Status::with_error_details(Code::NotFound, format!("{kind} `{id}` not found"), details)
}

/// `ALREADY_EXISTS` for a resource kind and id.
pub fn already_exists(kind: &str, id: &str) -> Status {
    Status::already_exists(format!("{kind} `{id}` already exists"))
}

/// `FAILED_PRECONDITION` with a `PreconditionFailure` violation.
pub fn failed_precondition(subject: &str, description: impl Display) -> Status {
    let description = description.to_string();
    let mut details = ErrorDetails::new();
    details.add_precondition_failure_violation("STATE", subject, description.clone());
    Status::with_error_details(
        Code::FailedPrecondition,
        format!("{subject}: {description}"),
        details,
    )
}

/// `UNAVAILABLE` for a dependency (Redis, database, another service); detail is logged.
pub fn unavailable(dependency: &str, err: impl Display) -> Status {
    tracing::warn!(dependency, error = %err, "dependency unavailable");
    Status::unavailable(format!("{dependency} is unavailable; retry later"))
}

/// `INTERNAL`: the detail is logged, never returned to the caller.
pub fn internal(err: impl Display) -> Status {
    tracing::error!(error = %err, "internal error");
    Status::internal("internal error")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_argument_names_the_field_in_message_and_details() {
        let s = invalid_argument("event.event_id", "must not be empty");
        assert_eq!(s.code(), Code::InvalidArgument);
        assert!(s.message().contains("event.event_id"));
        let details = s.get_error_details();
        let br = details.bad_request().expect("bad request details");
        assert_eq!(br.field_violations[0].field, "event.event_id");
    }
}
