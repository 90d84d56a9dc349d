//! The streams that make up the bus.

use std::fmt;

/// One kind of message on the bus; each topic is one Redis stream shared by every
/// workspace (messages carry their workspace).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Topic {
    /// `omni.common.v1.EventIngested`: identity accepted an event and updated the profile.
    EventIngested,
    /// `omni.common.v1.MembershipChanged`: a customer entered or exited a segment.
    MembershipChanged,
    /// `omni.common.v1.CustomerErased`: identity erased a customer; every service forgets them.
    CustomerErased,
    /// `omni.insights.v1.Alert`: insights saw a KPI move beyond its baseline.
    InsightsAlert,
    /// `omni.common.v1.AuditEvent`: a service changed a resource; identity keeps the log.
    Audit,
}

impl Topic {
    /// Every topic, for tools that inspect the whole bus.
    pub const ALL: [Topic; 5] = [
        Topic::EventIngested,
        Topic::MembershipChanged,
        Topic::CustomerErased,
        Topic::InsightsAlert,
        Topic::Audit,
    ];

    /// The Redis stream key holding this topic's entries.
    pub fn stream(self) -> &'static str {
        match self {
            Topic::EventIngested => "bus:event-ingested",
            Topic::MembershipChanged => "bus:membership-changed",
            Topic::CustomerErased => "bus:customer-erased",
            Topic::InsightsAlert => "bus:insights-alert",
            Topic::Audit => "bus:audit",
        }
    }

    /// The dead-letter stream (`<stream>:dead`) receiving entries that failed
    /// [`ConsumerOptions::max_deliveries`](crate::ConsumerOptions::max_deliveries) times.
    pub fn dead_letter_stream(self) -> &'static str {
        match self {
            Topic::EventIngested => "bus:event-ingested:dead",
            Topic::MembershipChanged => "bus:membership-changed:dead",
            Topic::CustomerErased => "bus:customer-erased:dead",
            Topic::InsightsAlert => "bus:insights-alert:dead",
            Topic::Audit => "bus:audit:dead",
        }
    }
}

impl fmt::Display for Topic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.stream())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dead_letter_stream_is_stream_with_dead_suffix() {
        for topic in Topic::ALL {
            assert_eq!(
                topic.dead_letter_stream(),
                format!("{}:dead", topic.stream())
            );
        }
    }
}
