//! The segment domain model.

omni_common::id_type!(
    /// A segment, e.g. `seg_0190...`.
    SegmentId,
    "seg"
);

/// The top-level variables a segment expression may use: the profile's `traits` (map),
/// `events` (map of event type to count) and `now` (timestamp).
pub const VARIABLES: &[&str] = &["traits", "events", "now"];

/// A stored segment definition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// Server-assigned id.
    pub id: SegmentId,
    /// Human-readable name.
    pub display_name: String,
    /// CEL expression over [`VARIABLES`]; true means member.
    pub expression: String,
    /// Version, incremented on each change (1 on creation).
    pub version: i64,
    /// Creation time, unix milliseconds.
    pub create_ms: i64,
}

/// What a caller supplies to create a segment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewSegment {
    /// Human-readable name, non-empty.
    pub display_name: String,
    /// CEL expression over [`VARIABLES`].
    pub expression: String,
}
