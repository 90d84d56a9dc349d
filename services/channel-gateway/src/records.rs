//! The gateway's domain records: templates, messages and the small enums they carry.
//! Stored forms (`as_str`) are what the SQL tables hold, so they never change.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

omni_common::id_type!(
    /// A message template.
    TemplateId,
    "tpl"
);
omni_common::id_type!(
    /// A message record. Ids are UUIDv7, so they sort by creation time.
    MessageId,
    "msg"
);

/// A delivery channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Channel {
    /// Email over SMTP.
    Email,
    /// Mobile push.
    Push,
    /// SMS.
    Sms,
    /// An in-store task or coupon.
    Store,
}

impl Channel {
    /// The stored name, also the consent channel name in the profile store.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Email => "email",
            Self::Push => "push",
            Self::Sms => "sms",
            Self::Store => "store",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "email" => Self::Email,
            "push" => Self::Push,
            "sms" => Self::Sms,
            "store" => Self::Store,
            _ => return None,
        })
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A stored template.
#[derive(Clone, Debug, PartialEq)]
pub struct Template {
    /// Server-assigned id.
    pub template_id: TemplateId,
    /// Human-readable name.
    pub display_name: String,
    /// Channel the template is for.
    pub channel: Channel,
    /// Subject source (email).
    pub subject: String,
    /// Body source.
    pub body: String,
    /// Creation time, unix ms.
    pub create_ms: i64,
}

/// Where a message is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MessageStatus {
    /// Recorded; the provider outcome is not yet known.
    Pending,
    /// Accepted by the provider.
    Sent,
    /// Not sent by policy.
    Suppressed,
    /// The provider refused, failed or the message could not be rendered.
    Failed,
}

impl MessageStatus {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Sent => "sent",
            Self::Suppressed => "suppressed",
            Self::Failed => "failed",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "pending" => Self::Pending,
            "sent" => Self::Sent,
            "suppressed" => Self::Suppressed,
            "failed" => Self::Failed,
            _ => return None,
        })
    }
}

/// Why a message was not sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SuppressionReason {
    /// The customer opted out of the channel.
    NoConsent,
    /// The customer has no address for the channel.
    NoAddress,
}

impl SuppressionReason {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NoConsent => "no_consent",
            Self::NoAddress => "no_address",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "no_consent" => Self::NoConsent,
            "no_address" => Self::NoAddress,
            _ => return None,
        })
    }
}

/// The offer a message renders, as the caller gave it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Offer {
    /// Offer id.
    pub offer_id: String,
    /// Offer name.
    pub display_name: String,
    /// Offer value.
    pub value: f64,
    /// Free-form offer content.
    pub content: Map<String, Value>,
    /// Decision that chose it.
    pub decision_id: String,
}

/// A message record. The request inputs (`offer`, `variables`) are kept so a message
/// left pending by a crash can be rendered and sent again by the re-drive worker.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    /// Message id.
    pub message_id: MessageId,
    /// The caller's idempotency key, unique per workspace.
    pub idempotency_key: String,
    /// Recipient customer, as the caller named it.
    pub customer_id: String,
    /// Channel.
    pub channel: Channel,
    /// Template used.
    pub template_id: TemplateId,
    /// Status.
    pub status: MessageStatus,
    /// Why it was suppressed.
    pub suppression_reason: Option<SuppressionReason>,
    /// Address sent to; empty until the message is rendered.
    pub recipient: String,
    /// Rendered subject.
    pub subject: String,
    /// Rendered body.
    pub body: String,
    /// Render or provider error, for failed messages.
    pub error: String,
    /// Journey that asked, for reporting.
    pub journey_id: String,
    /// Run that asked, for reporting.
    pub run_id: String,
    /// Offer to render.
    pub offer: Option<Offer>,
    /// Extra template variables.
    pub variables: Map<String, Value>,
    /// Creation time, unix ms.
    pub create_ms: i64,
    /// Last change (or delivery lease renewal), unix ms.
    pub update_ms: i64,
    /// Provider calls started so far.
    pub attempts: i64,
}

impl Message {
    /// Whether the message has been rendered: rendering sets the recipient, which is
    /// never empty for a message that gets that far.
    pub fn is_rendered(&self) -> bool {
        !self.recipient.is_empty()
    }
}
