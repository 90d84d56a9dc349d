//! The gateway's domain records: templates, messages, delivery events, provider
//! configs, suppressions, send policies and the small enums they carry. Stored forms
//! (`as_str`) are what the SQL tables hold, so they never change.

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
omni_common::id_type!(
    /// A delivery event. Ids are UUIDv7, so they sort by creation time.
    EventId,
    "dev"
);

/// Declares a closed enum with a stable stored name per variant.
macro_rules! stored_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant,)+
        }

        impl $name {
            /// The stored name.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $text,)+
                }
            }

            /// Parses a stored name.
            pub fn parse(s: &str) -> Option<Self> {
                match s {
                    $($text => Some(Self::$variant),)+
                    _ => None,
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

stored_enum!(
    /// A delivery channel.
    Channel {
        /// Email over SMTP.
        Email => "email",
        /// Mobile push.
        Push => "push",
        /// SMS.
        Sms => "sms",
        /// An in-store task or coupon.
        Store => "store",
    }
);

impl Channel {
    /// Every channel, one worker each.
    pub const ALL: [Channel; 4] = [Channel::Email, Channel::Push, Channel::Sms, Channel::Store];
}

stored_enum!(
    /// Where a message is in its life.
    MessageStatus {
        /// Committed; due now or after a backoff.
        Pending => "pending",
        /// Deferred by quiet hours.
        Scheduled => "scheduled",
        /// Accepted by the provider.
        Sent => "sent",
        /// Not sent by policy.
        Suppressed => "suppressed",
        /// Refused for good, or could not be rendered.
        Failed => "failed",
        /// Every attempt failed with a retryable error.
        DeadLetter => "dead_letter",
    }
);

impl MessageStatus {
    /// Whether the message still waits for delivery.
    pub fn is_open(self) -> bool {
        matches!(self, Self::Pending | Self::Scheduled)
    }
}

stored_enum!(
    /// Why a message was not sent.
    SuppressionReason {
        /// The customer opted out of the channel (for the purpose).
        NoConsent => "no_consent",
        /// The customer has no address for the channel.
        NoAddress => "no_address",
        /// The address is on the suppression list.
        SuppressionList => "suppression_list",
        /// A fatigue cap is reached.
        FatigueCap => "fatigue_cap",
        /// The message expired before it could be sent.
        Expired => "expired",
        /// A workspace frequency rule had no slot, or a higher-priority journey took it.
        FrequencyRule => "frequency_rule",
        /// The customer snoozed the channel and the send asked to skip.
        Snoozed => "snoozed",
        /// Review applies to the template and no version of it is approved yet.
        TemplateNotApproved => "template_not_approved",
    }
);

stored_enum!(
    /// Why a message was deferred (SCHEDULED) at send.
    DeferReason {
        /// The workspace's quiet hours in the customer's time zone.
        QuietHours => "quiet_hours",
        /// The customer's own quiet hours.
        CustomerQuietHours => "customer_quiet_hours",
        /// The customer snoozed the channel (or every channel).
        Snoozed => "snoozed",
        /// A workspace frequency rule had no slot yet.
        FrequencyRule => "frequency_rule",
        /// The journey's throttle.
        Throttle => "throttle",
    }
);

stored_enum!(
    /// Why a message is sent.
    Purpose {
        /// Expected by the customer; exempt from marketing rules.
        Transactional => "transactional",
        /// Promotional.
        Marketing => "marketing",
    }
);

stored_enum!(
    /// A provider implementation.
    ProviderKind {
        /// SMTP relay (email).
        Smtp => "smtp",
        /// Twilio-style REST API (SMS).
        Twilio => "twilio",
        /// FCM HTTP v1 (push).
        Fcm => "fcm",
        /// HMAC-signed store webhook.
        StoreWebhook => "store_webhook",
        /// APNs over HTTP/2 with token auth (push).
        Apns => "apns",
    }
);

impl ProviderKind {
    /// The channel the provider serves.
    pub fn channel(self) -> Channel {
        match self {
            Self::Smtp => Channel::Email,
            Self::Twilio => Channel::Sms,
            Self::Fcm | Self::Apns => Channel::Push,
            Self::StoreWebhook => Channel::Store,
        }
    }
}

stored_enum!(
    /// What happened to a message.
    EventKind {
        /// Committed to the outbox.
        Queued => "queued",
        /// Deferred by quiet hours.
        Scheduled => "scheduled",
        /// A retryable failure; another attempt is due.
        AttemptFailed => "attempt_failed",
        /// Accepted by the provider.
        Sent => "sent",
        /// Refused for good.
        Failed => "failed",
        /// Out of attempts.
        DeadLettered => "dead_lettered",
        /// Stopped by policy.
        Suppressed => "suppressed",
        /// Not attempted: the provider's circuit is open.
        Delayed => "delayed",
        /// A push token was reported invalid.
        TokenInvalidated => "token_invalidated",
        /// The provider reported delivery (callback).
        Delivered => "delivered",
        /// The provider reported a bounce (callback).
        Bounced => "bounced",
        /// The recipient complained (callback).
        Complained => "complained",
        /// The open pixel was loaded.
        Opened => "opened",
        /// A tracked link was followed.
        Clicked => "clicked",
        /// The recipient unsubscribed.
        Unsubscribed => "unsubscribed",
    }
);

stored_enum!(
    /// Why an address is on the suppression list.
    ListReason {
        /// Hard bounce: blocks everything.
        HardBounce => "hard_bounce",
        /// Spam complaint: blocks everything.
        Complaint => "complaint",
        /// Unsubscribed: blocks marketing.
        Unsubscribe => "unsubscribe",
        /// Operator entry: blocks everything.
        Manual => "manual",
    }
);

impl ListReason {
    /// Whether an entry with this reason stops a message of `purpose`.
    pub fn blocks(self, purpose: Purpose) -> bool {
        match self {
            Self::Unsubscribe => purpose == Purpose::Marketing,
            Self::HardBounce | Self::Complaint | Self::Manual => true,
        }
    }
}

stored_enum!(
    /// SMS character encoding.
    SmsEncoding {
        /// GSM 03.38 7-bit.
        Gsm7 => "gsm7",
        /// UCS-2.
        Ucs2 => "ucs2",
    }
);

/// One channel/locale variant of a template.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Variant {
    /// Channel.
    pub channel: Option<Channel>,
    /// BCP 47 locale, empty for the channel default.
    pub locale: String,
    /// Subject or push title source.
    pub subject: String,
    /// Text body source.
    pub body: String,
    /// HTML body source (email).
    pub html_body: String,
}

/// Sample data a template is checked and previewed with.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Sample {
    /// Profile traits.
    pub profile: Map<String, Value>,
    /// The offer.
    pub offer: Option<Offer>,
    /// Extra variables.
    pub variables: Map<String, Value>,
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
    /// HTML body source (email).
    pub html_body: String,
    /// Other channels and locales.
    pub variants: Vec<Variant>,
    /// Sample data, when the template declares one.
    pub sample: Option<Sample>,
    /// Creation time, unix ms.
    pub create_ms: i64,
    /// The version sends render (0: none approved yet, sends are suppressed).
    pub published_version: i64,
}

impl Template {
    /// The variant for `channel` and `locale`: exact locale, then its language, then the
    /// channel's default variant, then the top-level fields for the template's channel.
    pub fn pick(&self, channel: Channel, locale: &str) -> Option<Variant> {
        let language = locale.split(['-', '_']).next().unwrap_or_default();
        let for_channel = |l: &str| {
            self.variants
                .iter()
                .find(|v| v.channel == Some(channel) && v.locale.eq_ignore_ascii_case(l))
        };
        let found = (!locale.is_empty())
            .then(|| for_channel(locale))
            .flatten()
            .or_else(|| {
                (!language.is_empty())
                    .then(|| for_channel(language))
                    .flatten()
            })
            .or_else(|| for_channel(""));
        if let Some(v) = found {
            return Some(v.clone());
        }
        (channel == self.channel).then(|| Variant {
            channel: Some(self.channel),
            locale: String::new(),
            subject: self.subject.clone(),
            body: self.body.clone(),
            html_body: self.html_body.clone(),
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
/// left unrendered by a crash can be rendered and sent by a worker.
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
    /// Render or provider error (the last one, for retried messages).
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
    /// Last change, unix ms.
    pub update_ms: i64,
    /// Provider calls finished so far.
    pub attempts: i64,
    /// Purpose.
    pub purpose: Purpose,
    /// Locale of the rendered variant (or the one asked for, before rendering).
    pub locale: String,
    /// Never sent after this time, unix ms.
    pub expire_ms: Option<i64>,
    /// When the next attempt is due, unix ms.
    pub next_attempt_ms: i64,
    /// The provider's id once accepted.
    pub provider_message_id: String,
    /// Rendered HTML body (email).
    pub html_body: String,
    /// Campaign for tracking parameters.
    pub campaign: String,
    /// SMS encoding, for SMS.
    pub sms_encoding: Option<SmsEncoding>,
    /// SMS segments, for SMS.
    pub sms_segments: i64,
    /// Provider delivering it.
    pub provider: Option<ProviderKind>,
    /// The provider config that sent it, or that the last attempt used.
    pub provider_id: String,
    /// Attempts made on `provider_id` (failover starts the count again).
    pub provider_attempts: i64,
    /// Providers this message gave up on (account errors, retries used up).
    pub skipped_providers: Vec<String>,
    /// Why the message was deferred at send, if it was.
    pub defer_reason: Option<DeferReason>,
}

impl Message {
    /// Whether the message has been rendered: rendering sets the recipient, which is
    /// never empty for a message that gets that far.
    pub fn is_rendered(&self) -> bool {
        !self.recipient.is_empty()
    }
}

/// One delivery event.
#[derive(Clone, Debug, PartialEq)]
pub struct DeliveryEvent {
    /// Event id.
    pub event_id: EventId,
    /// The message.
    pub message_id: MessageId,
    /// Recipient customer.
    pub customer_id: String,
    /// Channel.
    pub channel: Channel,
    /// What happened.
    pub kind: EventKind,
    /// Message status after the event.
    pub status: MessageStatus,
    /// Attempt the event belongs to.
    pub attempt: i64,
    /// Error, for failures.
    pub error: String,
    /// When, unix ms.
    pub create_ms: i64,
    /// Next attempt, unix ms, when one is due.
    pub next_attempt_ms: Option<i64>,
    /// Why, for suppressions.
    pub suppression_reason: Option<SuppressionReason>,
    /// Provider id, for sent events.
    pub provider_message_id: String,
    /// The provider config an attempt used.
    pub provider_id: String,
}

/// The price of one SMS segment to destinations starting with `prefix`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SmsPrice {
    /// E.164 prefix with `+`.
    pub prefix: String,
    /// Price per segment.
    pub price: f64,
}

/// The provider id of configs that name none.
pub const DEFAULT_PROVIDER_ID: &str = "default";

/// One of a workspace's providers for a channel.
#[derive(Clone, Debug, PartialEq)]
pub struct ProviderConfig {
    /// Implementation (which fixes the channel).
    pub kind: ProviderKind,
    /// Base URL, or the webhook URL.
    pub base_url: String,
    /// Account SID / project id.
    pub account_id: String,
    /// SMS sender.
    pub sender: String,
    /// `env:NAME` or `config:NAME`.
    pub secret_ref: String,
    /// Requests per second, 0 for unlimited.
    pub rate_per_second: f64,
    /// Burst above the rate.
    pub burst: i64,
    /// Attempts before dead-lettering, 0 for the default.
    pub max_attempts: i64,
    /// Timeout of one call in ms, 0 for the default.
    pub timeout_ms: i64,
    /// Last change, unix ms.
    pub update_ms: i64,
    /// APNs signing key id (JWT `kid`).
    pub key_id: String,
    /// APNs topic (bundle id).
    pub topic: String,
    /// Names it among the channel's providers.
    pub provider_id: String,
    /// Failover order: lower first.
    pub priority: i64,
    /// Share among equal priorities.
    pub weight: i64,
    /// SMS prices by destination prefix.
    pub sms_prices: Vec<SmsPrice>,
}

/// One entry of the suppression list.
#[derive(Clone, Debug, PartialEq)]
pub struct SuppressionEntry {
    /// Channel.
    pub channel: Channel,
    /// Normalised address.
    pub address: String,
    /// Why.
    pub reason: ListReason,
    /// Note.
    pub note: String,
    /// When added, unix ms.
    pub create_ms: i64,
}

/// Quiet hours of a workspace.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct QuietHours {
    /// Whether they apply.
    pub enabled: bool,
    /// Start, minutes after local midnight.
    pub start_minute: u32,
    /// End, minutes after local midnight.
    pub end_minute: u32,
    /// Time zone for customers without one.
    pub default_time_zone: String,
    /// Also defer transactional messages.
    pub include_transactional: bool,
}

/// A fatigue cap window.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CapWindow {
    /// 24 hours.
    #[serde(rename = "day")]
    Day,
    /// 7 days.
    #[serde(rename = "week")]
    Week,
}

impl CapWindow {
    /// Window length in ms.
    pub fn millis(self) -> i64 {
        match self {
            Self::Day => 86_400_000,
            Self::Week => 7 * 86_400_000,
        }
    }

    /// Short name used in Redis keys.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Day => "day",
            Self::Week => "week",
        }
    }
}

/// At most `limit` marketing messages in a sliding window.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cap {
    /// Channel counted; `None` counts all channels together.
    pub channel: Option<Channel>,
    /// Window.
    pub window: CapWindow,
    /// Limit.
    pub limit: u32,
}

/// A workspace's send policy.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SendPolicy {
    /// Quiet hours.
    pub quiet_hours: QuietHours,
    /// Fatigue caps.
    pub caps: Vec<Cap>,
    /// Last change, unix ms (0 when never set).
    #[serde(default)]
    pub update_ms: i64,
    /// Per-journey send rates.
    #[serde(default)]
    pub journey_throttles: Vec<JourneyThrottle>,
    /// Workspace frequency rules over marketing messages.
    #[serde(default)]
    pub frequency_rules: Vec<FrequencyRule>,
    /// How long a send's slot stays tentative (displaceable), ms; 0 means the default.
    #[serde(default)]
    pub arbitration_window_ms: u32,
}

impl SendPolicy {
    /// The arbitration window used when the policy sets none.
    pub const DEFAULT_ARBITRATION_WINDOW_MS: u32 = 2_000;

    /// The effective arbitration window, ms.
    pub fn arbitration_window_ms(&self) -> i64 {
        i64::from(if self.arbitration_window_ms == 0 {
            Self::DEFAULT_ARBITRATION_WINDOW_MS
        } else {
            self.arbitration_window_ms
        })
    }
}

/// At most `max` marketing messages per customer per rolling `period` over `channels`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FrequencyRule {
    /// Channels counted together; empty counts every channel.
    pub channels: Vec<Channel>,
    /// Messages allowed per period.
    pub max: u32,
    /// The rolling window.
    pub period: CapWindow,
}

impl FrequencyRule {
    /// Whether a `channel` message counts under this rule.
    pub fn applies_to(&self, channel: Channel) -> bool {
        self.channels.is_empty() || self.channels.contains(&channel)
    }
}

/// What a send does when a frequency rule has no slot for it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NoSlot {
    /// Wait for the rule's next window.
    #[default]
    Defer,
    /// Drop the message with the reason recorded.
    Skip,
}

/// At most `messages_per_minute` sends of one journey per minute.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JourneyThrottle {
    /// The journey.
    pub journey_id: String,
    /// Sends per minute (at least 1).
    pub messages_per_minute: u32,
}

impl SendPolicy {
    /// The workspace's throttle for `journey_id` (sends per minute), if any.
    pub fn throttle_for(&self, journey_id: &str) -> Option<u32> {
        self.journey_throttles
            .iter()
            .find(|t| t.journey_id == journey_id)
            .map(|t| t.messages_per_minute)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template() -> Template {
        let v = |c, l: &str, body: &str| Variant {
            channel: Some(c),
            locale: l.into(),
            body: body.into(),
            ..Default::default()
        };
        Template {
            template_id: TemplateId::new("tpl_1"),
            display_name: "t".into(),
            channel: Channel::Email,
            subject: "s".into(),
            body: "top".into(),
            html_body: String::new(),
            variants: vec![
                v(Channel::Email, "ko", "ko"),
                v(Channel::Email, "ko-KR", "ko-KR"),
                v(Channel::Sms, "", "sms"),
            ],
            sample: None,
            create_ms: 0,
            published_version: 1,
        }
    }

    #[test]
    fn variants_fall_back_from_region_to_language_to_default() {
        let t = template();
        let body = |c, l| t.pick(c, l).map(|v| v.body);
        assert_eq!(body(Channel::Email, "ko-KR").as_deref(), Some("ko-KR"));
        assert_eq!(body(Channel::Email, "ko-kr").as_deref(), Some("ko-KR"));
        assert_eq!(body(Channel::Email, "ko-KP").as_deref(), Some("ko"));
        assert_eq!(body(Channel::Email, "en-US").as_deref(), Some("top"));
        assert_eq!(body(Channel::Email, "").as_deref(), Some("top"));
        assert_eq!(body(Channel::Sms, "fr").as_deref(), Some("sms"));
        assert_eq!(body(Channel::Push, "en"), None);
    }

    #[test]
    fn stored_names_round_trip() {
        for s in [
            MessageStatus::Pending,
            MessageStatus::Scheduled,
            MessageStatus::DeadLetter,
        ] {
            assert_eq!(MessageStatus::parse(s.as_str()), Some(s));
        }
        assert!(ListReason::Unsubscribe.blocks(Purpose::Marketing));
        assert!(!ListReason::Unsubscribe.blocks(Purpose::Transactional));
        assert!(ListReason::HardBounce.blocks(Purpose::Transactional));
    }
}
