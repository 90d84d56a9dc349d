//! Conversions between the `omni.segment.v1` contract and the domain model.

use omni_common::convert::to_timestamp;
use omni_proto::segment::v1 as pb;

use crate::error::Error;
use crate::segment::{NewSegment, Segment};

/// The segment to create from a `CreateSegmentRequest.segment`, validated (the
/// expression itself is compiled by the catalog).
pub fn new_segment(segment: Option<pb::Segment>) -> Result<NewSegment, Error> {
    let segment = segment.ok_or_else(|| Error::invalid("segment", "is required"))?;
    let display_name = segment.display_name.trim().to_owned();
    if display_name.is_empty() {
        return Err(Error::invalid("segment.display_name", "must not be empty"));
    }
    if segment.expression.trim().is_empty() {
        return Err(Error::invalid("segment.expression", "must not be empty"));
    }
    Ok(NewSegment {
        display_name,
        expression: segment.expression,
    })
}

/// A domain segment as its contract message.
pub fn segment_to_proto(segment: &Segment) -> pb::Segment {
    pb::Segment {
        segment_id: segment.id.to_string(),
        display_name: segment.display_name.clone(),
        expression: segment.expression.clone(),
        version: segment.version,
        create_time: Some(to_timestamp(segment.create_ms)),
    }
}

/// One membership: the segment id, its name and when the customer entered.
pub fn membership_to_proto(segment_id: &str, display_name: &str, enter_ms: i64) -> pb::Membership {
    pb::Membership {
        segment_id: segment_id.to_owned(),
        display_name: display_name.to_owned(),
        enter_time: Some(to_timestamp(enter_ms)),
    }
}

/// A non-empty, trimmed optional request string (e.g. an idempotency key).
pub fn optional(s: &str) -> Option<&str> {
    let s = s.trim();
    (!s.is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_segment_requires_a_name_and_an_expression() {
        let err = new_segment(None).unwrap_err();
        assert!(matches!(
            err,
            Error::InvalidArgument {
                field: "segment",
                ..
            }
        ));
        let err = new_segment(Some(pb::Segment {
            display_name: "  ".into(),
            expression: "true".into(),
            ..Default::default()
        }))
        .unwrap_err();
        assert!(matches!(
            err,
            Error::InvalidArgument {
                field: "segment.display_name",
                ..
            }
        ));
        let err = new_segment(Some(pb::Segment {
            display_name: "VIP".into(),
            ..Default::default()
        }))
        .unwrap_err();
        assert!(matches!(
            err,
            Error::InvalidArgument {
                field: "segment.expression",
                ..
            }
        ));
    }

    #[test]
    fn new_segment_trims_the_name() {
        let new = new_segment(Some(pb::Segment {
            display_name: " VIP ".into(),
            expression: "true".into(),
            ..Default::default()
        }))
        .unwrap();
        assert_eq!(new.display_name, "VIP");
    }
}
