//! Conversions between the `omni.channel.v1` contract and the gateway's records.

use omni_common::convert::{struct_to_json, to_timestamp};
use omni_proto::channel::v1 as pb;
use omni_proto::common::v1::DeliveryChannel;

use crate::error::Error;
use crate::records::{Channel, Message, MessageStatus, Offer, SuppressionReason, Template};

/// A proto channel to a record channel; unset or unknown is an `INVALID_ARGUMENT` on
/// `field`.
pub fn channel_from_proto(value: i32, field: &str) -> Result<Channel, Error> {
    match DeliveryChannel::try_from(value) {
        Ok(DeliveryChannel::Email) => Ok(Channel::Email),
        Ok(DeliveryChannel::Push) => Ok(Channel::Push),
        Ok(DeliveryChannel::Sms) => Ok(Channel::Sms),
        Ok(DeliveryChannel::Store) => Ok(Channel::Store),
        Ok(DeliveryChannel::Unspecified) => Err(Error::invalid(field, "must be specified")),
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

/// A template to its proto form.
pub fn template_to_proto(t: &Template) -> pb::Template {
    pb::Template {
        template_id: t.template_id.to_string(),
        display_name: t.display_name.clone(),
        channel: channel_to_proto(t.channel),
        subject: t.subject.clone(),
        body: t.body.clone(),
        create_time: Some(to_timestamp(t.create_ms)),
    }
}

/// A message to its proto form.
pub fn message_to_proto(m: &Message) -> pb::Message {
    let status = match m.status {
        MessageStatus::Pending => pb::MessageStatus::Pending,
        MessageStatus::Sent => pb::MessageStatus::Sent,
        MessageStatus::Suppressed => pb::MessageStatus::Suppressed,
        MessageStatus::Failed => pb::MessageStatus::Failed,
    };
    let reason = match m.suppression_reason {
        None => pb::SuppressionReason::Unspecified,
        Some(SuppressionReason::NoConsent) => pb::SuppressionReason::NoConsent,
        Some(SuppressionReason::NoAddress) => pb::SuppressionReason::NoAddress,
    };
    pb::Message {
        message_id: m.message_id.to_string(),
        customer_id: m.customer_id.clone(),
        channel: channel_to_proto(m.channel),
        template_id: m.template_id.to_string(),
        status: status as i32,
        suppression_reason: reason as i32,
        recipient: m.recipient.clone(),
        subject: m.subject.clone(),
        body: m.body.clone(),
        error: m.error.clone(),
        idempotency_key: m.idempotency_key.clone(),
        create_time: Some(to_timestamp(m.create_ms)),
        journey_id: m.journey_id.clone(),
        run_id: m.run_id.clone(),
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

#[cfg(test)]
mod tests {
    use omni_common::convert::json_to_struct;

    use super::*;

    /// A record offer to its proto form.
    fn offer_to_proto(o: &Offer) -> pb::RenderedOffer {
        pb::RenderedOffer {
            offer_id: o.offer_id.clone(),
            display_name: o.display_name.clone(),
            value: o.value,
            content: Some(json_to_struct(&o.content)),
            decision_id: o.decision_id.clone(),
        }
    }

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
}
