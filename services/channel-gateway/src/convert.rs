//! Conversions between the `omni.channel.v1` contract and the gateway's records.

use omni_common::convert::{from_timestamp, json_to_struct, struct_to_json, to_timestamp};
use omni_proto::channel::v1 as pb;
use omni_proto::common::v1::DeliveryChannel;

use crate::error::Error;
use crate::records::{
    Cap, CapWindow, Channel, DeferReason, DeliveryEvent, EventKind, FrequencyRule, JourneyThrottle,
    ListReason, Message, MessageStatus, NoSlot, Offer, ProviderConfig, ProviderKind, Purpose,
    QuietHours, Sample, SendPolicy, SmsEncoding, SuppressionEntry, SuppressionReason, Template,
    Variant,
};

/// A proto channel to a record channel; unset or unknown is an `INVALID_ARGUMENT` on
/// `field`.
pub fn channel_from_proto(value: i32, field: &str) -> Result<Channel, Error> {
    optional_channel(value, field)?.ok_or_else(|| Error::invalid(field, "must be specified"))
}

/// A proto channel that may be unspecified (`None`).
pub fn optional_channel(value: i32, field: &str) -> Result<Option<Channel>, Error> {
    match DeliveryChannel::try_from(value) {
        Ok(DeliveryChannel::Email) => Ok(Some(Channel::Email)),
        Ok(DeliveryChannel::Push) => Ok(Some(Channel::Push)),
        Ok(DeliveryChannel::Sms) => Ok(Some(Channel::Sms)),
        Ok(DeliveryChannel::Store) => Ok(Some(Channel::Store)),
        Ok(DeliveryChannel::Unspecified) => Ok(None),
        Err(_) => Err(Error::invalid(field, format!("unknown channel {value}"))),
    }
}

/// A record channel to its proto value.
pub fn channel_to_proto(channel: Channel) -> i32 {
    let c = match channel {
        Channel::Email => DeliveryChannel::Email,
        Channel::Push => DeliveryChannel::Push,
        Channel::Sms => DeliveryChannel::Sms,
        Channel::Store => DeliveryChannel::Store,
    };
    c as i32
}

/// A proto purpose (unspecified means marketing).
pub fn purpose_from_proto(value: i32, field: &str) -> Result<Purpose, Error> {
    match pb::MessagePurpose::try_from(value) {
        Ok(pb::MessagePurpose::Transactional) => Ok(Purpose::Transactional),
        Ok(pb::MessagePurpose::Marketing | pb::MessagePurpose::Unspecified) => {
            Ok(Purpose::Marketing)
        }
        Err(_) => Err(Error::invalid(field, format!("unknown purpose {value}"))),
    }
}

fn purpose_to_proto(p: Purpose) -> i32 {
    match p {
        Purpose::Transactional => pb::MessagePurpose::Transactional as i32,
        Purpose::Marketing => pb::MessagePurpose::Marketing as i32,
    }
}

/// A proto message status (unspecified or unknown is rejected).
pub fn status_from_proto(value: i32, field: &str) -> Result<MessageStatus, Error> {
    Ok(match pb::MessageStatus::try_from(value) {
        Ok(pb::MessageStatus::Pending) => MessageStatus::Pending,
        Ok(pb::MessageStatus::Scheduled) => MessageStatus::Scheduled,
        Ok(pb::MessageStatus::Sent) => MessageStatus::Sent,
        Ok(pb::MessageStatus::Suppressed) => MessageStatus::Suppressed,
        Ok(pb::MessageStatus::Failed) => MessageStatus::Failed,
        Ok(pb::MessageStatus::DeadLetter) => MessageStatus::DeadLetter,
        Ok(pb::MessageStatus::Unspecified) | Err(_) => {
            return Err(Error::invalid(field, format!("unknown status {value}")));
        }
    })
}

fn status_to_proto(s: MessageStatus) -> i32 {
    let s = match s {
        MessageStatus::Pending => pb::MessageStatus::Pending,
        MessageStatus::Scheduled => pb::MessageStatus::Scheduled,
        MessageStatus::Sent => pb::MessageStatus::Sent,
        MessageStatus::Suppressed => pb::MessageStatus::Suppressed,
        MessageStatus::Failed => pb::MessageStatus::Failed,
        MessageStatus::DeadLetter => pb::MessageStatus::DeadLetter,
    };
    s as i32
}

fn reason_to_proto(r: Option<SuppressionReason>) -> i32 {
    let r = match r {
        None => pb::SuppressionReason::Unspecified,
        Some(SuppressionReason::NoConsent) => pb::SuppressionReason::NoConsent,
        Some(SuppressionReason::NoAddress) => pb::SuppressionReason::NoAddress,
        Some(SuppressionReason::SuppressionList) => pb::SuppressionReason::SuppressionList,
        Some(SuppressionReason::FatigueCap) => pb::SuppressionReason::FatigueCap,
        Some(SuppressionReason::Expired) => pb::SuppressionReason::Expired,
        Some(SuppressionReason::FrequencyRule) => pb::SuppressionReason::FrequencyRule,
        Some(SuppressionReason::TemplateNotApproved) => pb::SuppressionReason::TemplateNotApproved,
        Some(SuppressionReason::Snoozed) => pb::SuppressionReason::Snoozed,
    };
    r as i32
}

fn defer_reason_to_proto(r: Option<DeferReason>) -> i32 {
    let r = match r {
        None => pb::DeferReason::Unspecified,
        Some(DeferReason::QuietHours) => pb::DeferReason::QuietHours,
        Some(DeferReason::CustomerQuietHours) => pb::DeferReason::CustomerQuietHours,
        Some(DeferReason::Snoozed) => pb::DeferReason::Snoozed,
        Some(DeferReason::FrequencyRule) => pb::DeferReason::FrequencyRule,
        Some(DeferReason::Throttle) => pb::DeferReason::Throttle,
    };
    r as i32
}

fn encoding_to_proto(e: Option<SmsEncoding>) -> i32 {
    let e = match e {
        None => pb::SmsEncoding::Unspecified,
        Some(SmsEncoding::Gsm7) => pb::SmsEncoding::Gsm7,
        Some(SmsEncoding::Ucs2) => pb::SmsEncoding::Ucs2,
    };
    e as i32
}

/// A record provider kind to its proto value.
pub fn kind_to_proto(k: Option<ProviderKind>) -> i32 {
    let k = match k {
        None => pb::ProviderKind::Unspecified,
        Some(ProviderKind::Smtp) => pb::ProviderKind::Smtp,
        Some(ProviderKind::Twilio) => pb::ProviderKind::Twilio,
        Some(ProviderKind::Fcm) => pb::ProviderKind::Fcm,
        Some(ProviderKind::StoreWebhook) => pb::ProviderKind::StoreWebhook,
        Some(ProviderKind::Apns) => pb::ProviderKind::Apns,
    };
    k as i32
}

/// A proto provider kind (unspecified is rejected).
pub fn kind_from_proto(value: i32, field: &str) -> Result<ProviderKind, Error> {
    match pb::ProviderKind::try_from(value) {
        Ok(pb::ProviderKind::Smtp) => Ok(ProviderKind::Smtp),
        Ok(pb::ProviderKind::Twilio) => Ok(ProviderKind::Twilio),
        Ok(pb::ProviderKind::Fcm) => Ok(ProviderKind::Fcm),
        Ok(pb::ProviderKind::StoreWebhook) => Ok(ProviderKind::StoreWebhook),
        Ok(pb::ProviderKind::Apns) => Ok(ProviderKind::Apns),
        Ok(pb::ProviderKind::Unspecified) => Err(Error::invalid(field, "must be specified")),
        Err(_) => Err(Error::invalid(
            field,
            format!("unknown provider kind {value}"),
        )),
    }
}

/// A proto list reason (unspecified is rejected).
pub fn list_reason_from_proto(value: i32, field: &str) -> Result<ListReason, Error> {
    match pb::SuppressionListReason::try_from(value) {
        Ok(pb::SuppressionListReason::HardBounce) => Ok(ListReason::HardBounce),
        Ok(pb::SuppressionListReason::Complaint) => Ok(ListReason::Complaint),
        Ok(pb::SuppressionListReason::Unsubscribe) => Ok(ListReason::Unsubscribe),
        Ok(pb::SuppressionListReason::Manual) => Ok(ListReason::Manual),
        Ok(pb::SuppressionListReason::Unspecified) => {
            Err(Error::invalid(field, "must be specified"))
        }
        Err(_) => Err(Error::invalid(field, format!("unknown reason {value}"))),
    }
}

fn list_reason_to_proto(r: ListReason) -> i32 {
    let r = match r {
        ListReason::HardBounce => pb::SuppressionListReason::HardBounce,
        ListReason::Complaint => pb::SuppressionListReason::Complaint,
        ListReason::Unsubscribe => pb::SuppressionListReason::Unsubscribe,
        ListReason::Manual => pb::SuppressionListReason::Manual,
    };
    r as i32
}

/// A variant to its proto form.
pub fn variant_to_proto(v: &Variant) -> pb::TemplateVariant {
    pb::TemplateVariant {
        channel: v.channel.map(channel_to_proto).unwrap_or_default(),
        locale: v.locale.clone(),
        subject: v.subject.clone(),
        body: v.body.clone(),
        html_body: v.html_body.clone(),
    }
}

/// A sample to its proto form.
pub fn sample_to_proto(s: &Sample) -> pb::TemplateSample {
    pb::TemplateSample {
        profile: Some(json_to_struct(&s.profile)),
        offer: s.offer.as_ref().map(offer_to_proto),
        variables: Some(json_to_struct(&s.variables)),
    }
}

/// A proto sample to a record.
pub fn sample_from_proto(s: &pb::TemplateSample) -> Sample {
    Sample {
        profile: s.profile.as_ref().map(struct_to_json).unwrap_or_default(),
        offer: s.offer.clone().map(offer_from_proto),
        variables: s.variables.as_ref().map(struct_to_json).unwrap_or_default(),
    }
}

/// A template to its proto form.
pub fn template_to_proto(t: &Template) -> pb::Template {
    pb::Template {
        template_id: t.template_id.to_string(),
        display_name: t.display_name.clone(),
        channel: channel_to_proto(t.channel),
        subject: t.subject.clone(),
        body: t.body.clone(),
        create_time: Some(to_timestamp(t.create_ms)),
        variants: t.variants.iter().map(variant_to_proto).collect(),
        sample: t.sample.as_ref().map(sample_to_proto),
        html_body: t.html_body.clone(),
        published_version: t.published_version,
        ..Default::default()
    }
}

/// A message to its proto form.
pub fn message_to_proto(m: &Message) -> pb::Message {
    pb::Message {
        message_id: m.message_id.to_string(),
        customer_id: m.customer_id.clone(),
        channel: channel_to_proto(m.channel),
        template_id: m.template_id.to_string(),
        status: status_to_proto(m.status),
        suppression_reason: reason_to_proto(m.suppression_reason),
        recipient: m.recipient.clone(),
        subject: m.subject.clone(),
        body: m.body.clone(),
        error: m.error.clone(),
        idempotency_key: m.idempotency_key.clone(),
        create_time: Some(to_timestamp(m.create_ms)),
        journey_id: m.journey_id.clone(),
        run_id: m.run_id.clone(),
        purpose: purpose_to_proto(m.purpose),
        locale: m.locale.clone(),
        attempts: i32::try_from(m.attempts).unwrap_or(i32::MAX),
        send_time: Some(to_timestamp(m.next_attempt_ms)),
        update_time: Some(to_timestamp(m.update_ms)),
        expire_time: m.expire_ms.map(to_timestamp),
        provider_message_id: m.provider_message_id.clone(),
        html_body: m.html_body.clone(),
        campaign: m.campaign.clone(),
        sms_encoding: encoding_to_proto(m.sms_encoding),
        sms_segments: i32::try_from(m.sms_segments).unwrap_or(i32::MAX),
        provider: kind_to_proto(m.provider),
        provider_id: m.provider_id.clone(),
        defer_reason: defer_reason_to_proto(m.defer_reason),
    }
}

/// A delivery event to its proto form.
pub fn event_to_proto(e: &DeliveryEvent) -> pb::DeliveryEvent {
    let kind = match e.kind {
        EventKind::Queued => pb::DeliveryEventType::Queued,
        EventKind::Scheduled => pb::DeliveryEventType::Scheduled,
        EventKind::AttemptFailed => pb::DeliveryEventType::AttemptFailed,
        EventKind::Sent => pb::DeliveryEventType::Sent,
        EventKind::Failed => pb::DeliveryEventType::Failed,
        EventKind::DeadLettered => pb::DeliveryEventType::DeadLettered,
        EventKind::Suppressed => pb::DeliveryEventType::Suppressed,
        EventKind::Delayed => pb::DeliveryEventType::Delayed,
        EventKind::TokenInvalidated => pb::DeliveryEventType::TokenInvalidated,
        EventKind::Delivered => pb::DeliveryEventType::Delivered,
        EventKind::Bounced => pb::DeliveryEventType::Bounced,
        EventKind::Complained => pb::DeliveryEventType::Complained,
        EventKind::Opened => pb::DeliveryEventType::Opened,
        EventKind::Clicked => pb::DeliveryEventType::Clicked,
        EventKind::Unsubscribed => pb::DeliveryEventType::Unsubscribed,
    };
    pb::DeliveryEvent {
        event_id: e.event_id.to_string(),
        message_id: e.message_id.to_string(),
        customer_id: e.customer_id.clone(),
        channel: channel_to_proto(e.channel),
        r#type: kind as i32,
        status: status_to_proto(e.status),
        attempt: i32::try_from(e.attempt).unwrap_or(i32::MAX),
        error: e.error.clone(),
        create_time: Some(to_timestamp(e.create_ms)),
        next_attempt_time: e.next_attempt_ms.map(to_timestamp),
        suppression_reason: reason_to_proto(e.suppression_reason),
        provider_message_id: e.provider_message_id.clone(),
        provider_id: e.provider_id.clone(),
    }
}

/// A provider config to its proto form; the secret reference is returned, never the
/// secret.
pub fn provider_to_proto(c: &ProviderConfig, resolved: bool) -> pb::ProviderConfig {
    pb::ProviderConfig {
        channel: channel_to_proto(c.kind.channel()),
        kind: kind_to_proto(Some(c.kind)),
        base_url: c.base_url.clone(),
        account_id: c.account_id.clone(),
        sender: c.sender.clone(),
        secret_ref: c.secret_ref.clone(),
        rate_per_second: c.rate_per_second,
        burst: i32::try_from(c.burst).unwrap_or(i32::MAX),
        max_attempts: i32::try_from(c.max_attempts).unwrap_or(i32::MAX),
        timeout: (c.timeout_ms > 0).then(|| prost_types::Duration {
            seconds: c.timeout_ms / 1000,
            nanos: i32::try_from((c.timeout_ms % 1000) * 1_000_000).unwrap_or(0),
        }),
        update_time: Some(to_timestamp(c.update_ms)),
        secret_resolved: resolved,
        key_id: c.key_id.clone(),
        topic: c.topic.clone(),
        provider_id: c.provider_id.clone(),
        priority: i32::try_from(c.priority).unwrap_or(i32::MAX),
        weight: i32::try_from(c.weight).unwrap_or(i32::MAX),
        sms_prices: c
            .sms_prices
            .iter()
            .map(|p| pb::SmsPrice {
                prefix: p.prefix.clone(),
                price: p.price,
            })
            .collect(),
    }
}

/// A suppression entry to its proto form.
pub fn suppression_to_proto(e: &SuppressionEntry) -> pb::Suppression {
    pb::Suppression {
        channel: channel_to_proto(e.channel),
        address: e.address.clone(),
        reason: list_reason_to_proto(e.reason),
        note: e.note.clone(),
        create_time: Some(to_timestamp(e.create_ms)),
    }
}

/// A send policy to its proto form.
pub fn policy_to_proto(p: &SendPolicy) -> pb::SendPolicy {
    let q = &p.quiet_hours;
    pb::SendPolicy {
        quiet_hours: Some(pb::QuietHours {
            enabled: q.enabled,
            start_minute: i32::try_from(q.start_minute).unwrap_or_default(),
            end_minute: i32::try_from(q.end_minute).unwrap_or_default(),
            default_time_zone: q.default_time_zone.clone(),
            include_transactional: q.include_transactional,
        }),
        caps: p
            .caps
            .iter()
            .map(|c| pb::FatigueCap {
                channel: c.channel.map(channel_to_proto).unwrap_or_default(),
                window: match c.window {
                    CapWindow::Day => pb::CapWindow::Day as i32,
                    CapWindow::Week => pb::CapWindow::Week as i32,
                },
                limit: i32::try_from(c.limit).unwrap_or(i32::MAX),
            })
            .collect(),
        update_time: (p.update_ms > 0).then(|| to_timestamp(p.update_ms)),
        journey_throttles: p
            .journey_throttles
            .iter()
            .map(|t| pb::JourneyThrottle {
                journey_id: t.journey_id.clone(),
                messages_per_minute: i32::try_from(t.messages_per_minute).unwrap_or(i32::MAX),
            })
            .collect(),
        frequency_rules: p
            .frequency_rules
            .iter()
            .map(|r| pb::FrequencyRule {
                channels: r.channels.iter().copied().map(channel_to_proto).collect(),
                max: i32::try_from(r.max).unwrap_or(i32::MAX),
                period: match r.period {
                    CapWindow::Day => pb::CapWindow::Day as i32,
                    CapWindow::Week => pb::CapWindow::Week as i32,
                },
            })
            .collect(),
        arbitration_window_ms: i32::try_from(p.arbitration_window_ms).unwrap_or(i32::MAX),
    }
}

/// Proto frequency rules to records, validating every field.
fn rules_from_proto(rules: &[pb::FrequencyRule]) -> Result<Vec<FrequencyRule>, Error> {
    rules
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let field = |f: &str| format!("policy.frequency_rules[{i}].{f}");
            let period = match pb::CapWindow::try_from(r.period) {
                Ok(pb::CapWindow::Day) => CapWindow::Day,
                Ok(pb::CapWindow::Week) => CapWindow::Week,
                _ => return Err(Error::invalid(field("period"), "must be DAY or WEEK")),
            };
            let max = u32::try_from(r.max)
                .ok()
                .filter(|m| *m >= 1)
                .ok_or_else(|| Error::invalid(field("max"), "must be at least 1"))?;
            let mut channels = Vec::with_capacity(r.channels.len());
            for (j, c) in r.channels.iter().enumerate() {
                let ch = channel_from_proto(*c, &field(&format!("channels[{j}]")))?;
                if !channels.contains(&ch) {
                    channels.push(ch);
                }
            }
            Ok(FrequencyRule {
                channels,
                max,
                period,
            })
        })
        .collect()
}

/// A proto no-slot action (unspecified means defer).
pub fn no_slot_from_proto(value: i32) -> Result<NoSlot, Error> {
    match pb::NoSlotAction::try_from(value) {
        Ok(pb::NoSlotAction::Unspecified | pb::NoSlotAction::Defer) => Ok(NoSlot::Defer),
        Ok(pb::NoSlotAction::Skip) => Ok(NoSlot::Skip),
        Err(_) => Err(Error::invalid(
            "on_no_slot",
            format!("unknown action {value}"),
        )),
    }
}

/// A proto send policy to a record, validating every field.
pub fn policy_from_proto(p: &pb::SendPolicy) -> Result<SendPolicy, Error> {
    let quiet_hours = match &p.quiet_hours {
        None => QuietHours::default(),
        Some(q) => {
            let minute = |v: i32, field: &str| {
                u32::try_from(v).ok().filter(|m| *m < 1440).ok_or_else(|| {
                    Error::invalid(field, "must be 0..1439 (minutes after midnight)")
                })
            };
            let start_minute = minute(q.start_minute, "policy.quiet_hours.start_minute")?;
            let end_minute = minute(q.end_minute, "policy.quiet_hours.end_minute")?;
            if !q.default_time_zone.is_empty()
                && q.default_time_zone.parse::<chrono_tz::Tz>().is_err()
            {
                return Err(Error::invalid(
                    "policy.quiet_hours.default_time_zone",
                    format!("`{}` is not an IANA time zone", q.default_time_zone),
                ));
            }
            if q.enabled && start_minute == end_minute {
                return Err(Error::invalid(
                    "policy.quiet_hours.end_minute",
                    "must differ from start_minute",
                ));
            }
            QuietHours {
                enabled: q.enabled,
                start_minute,
                end_minute,
                default_time_zone: q.default_time_zone.clone(),
                include_transactional: q.include_transactional,
            }
        }
    };
    let caps = p
        .caps
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let field = |f: &str| format!("policy.caps[{i}].{f}");
            let window = match pb::CapWindow::try_from(c.window) {
                Ok(pb::CapWindow::Day) => CapWindow::Day,
                Ok(pb::CapWindow::Week) => CapWindow::Week,
                _ => return Err(Error::invalid(field("window"), "must be DAY or WEEK")),
            };
            let limit = u32::try_from(c.limit)
                .ok()
                .filter(|l| *l >= 1)
                .ok_or_else(|| Error::invalid(field("limit"), "must be at least 1"))?;
            Ok(Cap {
                channel: optional_channel(c.channel, &field("channel"))?,
                window,
                limit,
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;
    let mut journey_throttles = Vec::with_capacity(p.journey_throttles.len());
    for (i, t) in p.journey_throttles.iter().enumerate() {
        let field = |f: &str| format!("policy.journey_throttles[{i}].{f}");
        if t.journey_id.is_empty() || t.journey_id.len() > 256 {
            return Err(Error::invalid(
                field("journey_id"),
                "must be 1..256 characters",
            ));
        }
        if journey_throttles
            .iter()
            .any(|j: &JourneyThrottle| j.journey_id == t.journey_id)
        {
            return Err(Error::invalid(field("journey_id"), "is listed twice"));
        }
        let messages_per_minute = u32::try_from(t.messages_per_minute)
            .ok()
            .filter(|m| *m >= 1)
            .ok_or_else(|| Error::invalid(field("messages_per_minute"), "must be at least 1"))?;
        journey_throttles.push(JourneyThrottle {
            journey_id: t.journey_id.clone(),
            messages_per_minute,
        });
    }
    let frequency_rules = rules_from_proto(&p.frequency_rules)?;
    let arbitration_window_ms = u32::try_from(p.arbitration_window_ms)
        .ok()
        .filter(|w| *w <= 600_000)
        .ok_or_else(|| Error::invalid("policy.arbitration_window_ms", "must be 0..600000"))?;
    Ok(SendPolicy {
        quiet_hours,
        caps,
        update_ms: 0,
        journey_throttles,
        frequency_rules,
        arbitration_window_ms,
    })
}

/// A proto timestamp to unix ms.
pub fn timestamp_ms(ts: &prost_types::Timestamp) -> i64 {
    from_timestamp(ts)
}

/// A record offer to its proto form.
pub fn offer_to_proto(o: &Offer) -> pb::RenderedOffer {
    pb::RenderedOffer {
        offer_id: o.offer_id.clone(),
        display_name: o.display_name.clone(),
        value: o.value,
        content: Some(json_to_struct(&o.content)),
        decision_id: o.decision_id.clone(),
    }
}

/// A proto offer to a record offer.
pub fn offer_from_proto(o: pb::RenderedOffer) -> Offer {
    Offer {
        offer_id: o.offer_id,
        display_name: o.display_name,
        value: o.value,
        content: o.content.as_ref().map(struct_to_json).unwrap_or_default(),
        decision_id: o.decision_id,
    }
}

/// A coupon to its proto form, its state as of `now_ms`.
pub fn coupon_to_proto(c: &crate::coupons::Coupon, now_ms: i64) -> pb::Coupon {
    let state = if c.redeem_ms.is_some() {
        pb::CouponState::Redeemed
    } else if c.expire_ms.is_some_and(|e| e <= now_ms) {
        pb::CouponState::Expired
    } else {
        pb::CouponState::Issued
    };
    pb::Coupon {
        code: c.code.clone(),
        customer_id: c.customer_id.clone(),
        offer_id: c.offer_id.clone(),
        expire_time: c.expire_ms.map(to_timestamp),
        create_time: Some(to_timestamp(c.create_ms)),
        state: state as i32,
        redeem_time: c.redeem_ms.map(to_timestamp),
        redeem_store_id: c.redeem_store_id.clone(),
        message_id: c.message_id.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn channels_round_trip_and_unspecified_is_rejected() {
        for c in [Channel::Email, Channel::Push, Channel::Sms, Channel::Store] {
            assert_eq!(
                channel_from_proto(channel_to_proto(c), "channel").expect("known"),
                c
            );
        }
        let err = channel_from_proto(0, "template.channel").expect_err("unspecified");
        assert!(err.to_string().starts_with("template.channel"), "{err}");
        assert!(channel_from_proto(99, "channel").is_err());
    }

    #[test]
    fn offers_round_trip() {
        let mut content = serde_json::Map::new();
        content.insert("code".into(), serde_json::json!("TEN"));
        let offer = Offer {
            offer_id: "o1".into(),
            display_name: "Ten".into(),
            value: 9.5,
            content,
            decision_id: "d1".into(),
        };
        assert_eq!(offer_from_proto(offer_to_proto(&offer)), offer);
    }

    #[test]
    fn policies_round_trip_and_bad_fields_are_named() {
        let proto = pb::SendPolicy {
            quiet_hours: Some(pb::QuietHours {
                enabled: true,
                start_minute: 21 * 60,
                end_minute: 8 * 60,
                default_time_zone: "Asia/Seoul".into(),
                include_transactional: false,
            }),
            caps: vec![pb::FatigueCap {
                channel: DeliveryChannel::Sms as i32,
                window: pb::CapWindow::Day as i32,
                limit: 2,
            }],
            update_time: None,
            journey_throttles: vec![pb::JourneyThrottle {
                journey_id: "spring-sale".into(),
                messages_per_minute: 600,
            }],
            frequency_rules: vec![pb::FrequencyRule {
                channels: vec![DeliveryChannel::Email as i32, DeliveryChannel::Sms as i32],
                max: 2,
                period: pb::CapWindow::Week as i32,
            }],
            arbitration_window_ms: 500,
        };
        let policy = policy_from_proto(&proto).expect("valid");
        assert_eq!(policy_to_proto(&policy), proto);
        let mut bad = proto.clone();
        bad.caps[0].limit = 0;
        let err = policy_from_proto(&bad).expect_err("limit");
        assert!(err.to_string().starts_with("policy.caps[0].limit"), "{err}");
        let mut bad = proto.clone();
        if let Some(q) = bad.quiet_hours.as_mut() {
            q.default_time_zone = "Mars/Olympus".into();
        }
        let err = policy_from_proto(&bad).expect_err("tz");
        assert!(err.to_string().contains("default_time_zone"), "{err}");
    }
}
