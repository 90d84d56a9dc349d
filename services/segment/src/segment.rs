//! The segment domain model.

use std::collections::BTreeSet;

omni_common::id_type!(
    /// A segment, e.g. `seg_0190...`.
    SegmentId,
    "seg"
);

/// The top-level variables a segment expression may use: the profile's `traits`
/// (map), `events` (map of event type to count), `now` (timestamp), `computed` (map of
/// computed trait name to value), `segments` (list of the ids of the segments the
/// customer is in) and `builtins` (lifecycle stage, RFM scores, purchase summary; see
/// [`crate::builtins`]).
pub const VARIABLES: &[&str] = &[
    "traits", "events", "now", "computed", "segments", "builtins",
];

/// A stored segment definition (one version of it).
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
    /// Creation time of the segment, unix milliseconds.
    pub create_ms: i64,
    /// When this version was stored, unix milliseconds.
    pub update_ms: i64,
}

/// What a caller supplies to create a segment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewSegment {
    /// Human-readable name, non-empty.
    pub display_name: String,
    /// CEL expression over [`VARIABLES`].
    pub expression: String,
}

/// What a caller supplies to change a segment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SegmentUpdate {
    /// The segment.
    pub id: SegmentId,
    /// New name; `None` keeps the current one.
    pub display_name: Option<String>,
    /// New expression.
    pub expression: String,
    /// Apply only if this is still the latest version.
    pub expected_version: Option<i64>,
}

/// What a segment expression reads, so an event re-evaluates only the segments whose
/// inputs it changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dependencies {
    /// Reads `traits`.
    pub traits: bool,
    /// Reads `events`.
    pub events: bool,
    /// Reads `now` (re-evaluated on every trigger).
    pub now: bool,
    /// The computed traits read, by name.
    pub computed: BTreeSet<String>,
    /// The segments read.
    pub segments: BTreeSet<SegmentId>,
    /// The keys of `builtins` read (`lifecycle`, `rfm`, `orders`, `revenue`).
    pub builtins: BTreeSet<String>,
}
