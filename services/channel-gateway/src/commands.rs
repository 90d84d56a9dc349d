//! Changes the gateway asks identity to make on a customer's behalf: marketing consent
//! withdrawn (one-click unsubscribe, the preference centre), a snooze, or the global
//! unsubscribe (the preference centre).
//!
//! They travel through the identity outbox like engagement events (recorded first,
//! delivered after, retried with backoff while identity is down), as rows whose
//! `event_type` starts with [`PREFIX`]; the emitter calls the matching identity RPC
//! instead of `TrackBatch`. Each carries a deterministic id, used as the idempotency
//! key where identity takes one, so a repeated click changes nothing twice.

use omni_common::convert::to_timestamp;
use omni_proto::common::v1 as common;
use omni_proto::identity::v1 as idpb;
use serde_json::{Map, Value, json};

use crate::records::{Channel, Message};
use crate::store::PendingEvent;

/// `event_type` prefix of commands in the identity outbox.
pub const PREFIX: &str = "cmd:";
const CONSENT: &str = "cmd:withdraw_consent";
const SNOOZE: &str = "cmd:snooze";
const UNSUBSCRIBE_ALL: &str = "cmd:unsubscribe_all";

/// Whether an outbox row is a command rather than an identity event.
pub fn is_command(e: &PendingEvent) -> bool {
    e.event_type.starts_with(PREFIX)
}

fn command(id: String, kind: &str, m: &Message, time_ms: i64, props: Value) -> PendingEvent {
    PendingEvent {
        event_id: id,
        event_type: kind.to_owned(),
        customer_id: m.customer_id.clone(),
        time_ms,
        properties: props.as_object().cloned().unwrap_or_default(),
        attempts: 0,
    }
}

/// Withdraw marketing consent for `channel` (the message's, for an unsubscribe link).
pub fn withdraw_consent(
    m: &Message,
    channel: Channel,
    source: &str,
    proof: &str,
    time_ms: i64,
) -> PendingEvent {
    command(
        format!("msg:{}:consent:{}", m.message_id, channel.as_str()),
        CONSENT,
        m,
        time_ms,
        json!({"channel": channel.as_str(), "source": source, "proof": proof}),
    )
}

/// Unsubscribe from all marketing.
pub fn unsubscribe_all(m: &Message, source: &str, proof: &str, time_ms: i64) -> PendingEvent {
    command(
        format!("msg:{}:unsubscribe_all", m.message_id),
        UNSUBSCRIBE_ALL,
        m,
        time_ms,
        json!({"source": source, "proof": proof}),
    )
}

/// Snooze `channel` (`None`: every channel) until `until_ms`.
pub fn snooze(
    m: &Message,
    channel: Option<Channel>,
    until_ms: i64,
    source: &str,
    time_ms: i64,
) -> PendingEvent {
    let name = channel.map_or("all", Channel::as_str);
    command(
        format!("msg:{}:snooze:{name}:{until_ms}", m.message_id),
        SNOOZE,
        m,
        time_ms,
        json!({"channel": channel.map_or("", Channel::as_str), "until_ms": until_ms, "source": source}),
    )
}

/// One identity call a command turns into.
#[derive(Debug)]
pub enum Call {
    /// `UpdateConsent`.
    Consent(idpb::UpdateConsentRequest),
    /// `SnoozeContact`.
    Snooze(idpb::SnoozeContactRequest),
    /// `UpdateGlobalUnsubscribe`.
    UnsubscribeAll(idpb::UpdateGlobalUnsubscribeRequest),
}

fn text(p: &Map<String, Value>, k: &str) -> String {
    p.get(k)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

fn channel_proto(name: &str) -> i32 {
    Channel::parse(name).map_or(
        common::DeliveryChannel::Unspecified as i32,
        crate::convert::channel_to_proto,
    )
}

/// The identity call for a command row; `None` for an unknown command.
pub fn call(e: &PendingEvent) -> Option<Call> {
    let p = &e.properties;
    match e.event_type.as_str() {
        CONSENT => Some(Call::Consent(idpb::UpdateConsentRequest {
            customer_id: e.customer_id.clone(),
            channel: channel_proto(&text(p, "channel")),
            granted: false,
            idempotency_key: e.event_id.clone(),
            purpose: idpb::ConsentPurpose::Marketing as i32,
            source: text(p, "source"),
            proof: text(p, "proof"),
        })),
        SNOOZE => Some(Call::Snooze(idpb::SnoozeContactRequest {
            customer_id: e.customer_id.clone(),
            channel: channel_proto(&text(p, "channel")),
            until_time: p.get("until_ms").and_then(Value::as_i64).map(to_timestamp),
            source: text(p, "source"),
        })),
        UNSUBSCRIBE_ALL => Some(Call::UnsubscribeAll(idpb::UpdateGlobalUnsubscribeRequest {
            customer_id: e.customer_id.clone(),
            unsubscribed: true,
            source: text(p, "source"),
            proof: text(p, "proof"),
        })),
        _ => None,
    }
}
