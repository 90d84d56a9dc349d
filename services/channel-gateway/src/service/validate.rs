//! Request validation: every check names the exact field, and nothing is changed
//! before a request passes.

use std::collections::HashSet;

use omni_common::convert::struct_to_json;
use omni_proto::channel::v1 as pb;

use crate::convert::{
    channel_from_proto, kind_from_proto, no_slot_from_proto, offer_from_proto, purpose_from_proto,
    sample_from_proto, timestamp_ms,
};
use crate::coupons::CouponSpec;
use crate::delivery::{NewTemplate, SendCommand};
use crate::error::Error;
use crate::provider::check_secret_ref;
use crate::records::{
    Channel, DEFAULT_PROVIDER_ID, ProviderConfig, ProviderKind, SmsPrice, Variant,
};

use super::{
    DEFAULT_PAGE_SIZE, MAX_KEY_LEN, MAX_LOCALE_LEN, MAX_NAME_LEN, MAX_PAGE_SIZE, MAX_SOURCE_LEN,
    MAX_VARIANTS,
};

pub(super) fn validate_create_template(
    req: pb::CreateTemplateRequest,
) -> Result<(NewTemplate, Option<String>), Error> {
    let t = req
        .template
        .as_ref()
        .ok_or_else(|| Error::invalid("template", "is required"))?;
    let new = validate_template(t)?;
    max_len("idempotency_key", &req.idempotency_key, MAX_KEY_LEN)?;
    let key = (!req.idempotency_key.is_empty()).then_some(req.idempotency_key);
    Ok((new, key))
}

pub(super) fn validate_template(t: &pb::Template) -> Result<NewTemplate, Error> {
    required("template.display_name", &t.display_name)?;
    max_len("template.display_name", &t.display_name, MAX_NAME_LEN)?;
    let channel = channel_from_proto(t.channel, "template.channel")?;
    if channel == Channel::Email {
        required("template.subject", &t.subject)?;
    }
    required("template.body", &t.body)?;
    max_len("template.subject", &t.subject, MAX_SOURCE_LEN)?;
    max_len("template.body", &t.body, MAX_SOURCE_LEN)?;
    max_len("template.html_body", &t.html_body, MAX_SOURCE_LEN)?;
    if t.variants.len() > MAX_VARIANTS {
        return Err(Error::invalid(
            "template.variants",
            format!("at most {MAX_VARIANTS} variants"),
        ));
    }
    let mut seen = HashSet::new();
    let mut variants = Vec::with_capacity(t.variants.len());
    for (i, v) in t.variants.iter().enumerate() {
        let field = |f: &str| format!("template.variants[{i}].{f}");
        let vchannel = channel_from_proto(v.channel, &field("channel"))?;
        max_len(&field("locale"), &v.locale, MAX_LOCALE_LEN)?;
        if !v
            .locale
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            return Err(Error::invalid(
                field("locale"),
                "must be a BCP 47 tag like `ko-KR` or `en`",
            ));
        }
        if vchannel == Channel::Email {
            required(&field("subject"), &v.subject)?;
        }
        required(&field("body"), &v.body)?;
        max_len(&field("subject"), &v.subject, MAX_SOURCE_LEN)?;
        max_len(&field("body"), &v.body, MAX_SOURCE_LEN)?;
        max_len(&field("html_body"), &v.html_body, MAX_SOURCE_LEN)?;
        if !seen.insert((vchannel, v.locale.to_ascii_lowercase()))
            || (vchannel == channel && v.locale.is_empty())
        {
            return Err(Error::invalid(
                field("locale"),
                "duplicates another variant of the same channel and locale",
            ));
        }
        variants.push(Variant {
            channel: Some(vchannel),
            locale: v.locale.clone(),
            subject: v.subject.clone(),
            body: v.body.clone(),
            html_body: v.html_body.clone(),
        });
    }
    Ok(NewTemplate {
        display_name: t.display_name.clone(),
        channel,
        subject: t.subject.clone(),
        body: t.body.clone(),
        html_body: t.html_body.clone(),
        variants,
        sample: t.sample.as_ref().map(sample_from_proto),
        generated: t.generated,
    })
}

pub(super) fn validate_send(req: pb::SendRequest) -> Result<SendCommand, Error> {
    required("idempotency_key", &req.idempotency_key)?;
    max_len("idempotency_key", &req.idempotency_key, MAX_KEY_LEN)?;
    required("customer_id", &req.customer_id)?;
    max_len("customer_id", &req.customer_id, MAX_KEY_LEN)?;
    let channel = channel_from_proto(req.channel, "channel")?;
    required("template_id", &req.template_id)?;
    max_len("template_id", &req.template_id, MAX_KEY_LEN)?;
    max_len("journey_id", &req.journey_id, MAX_KEY_LEN)?;
    max_len("run_id", &req.run_id, MAX_KEY_LEN)?;
    max_len("locale", &req.locale, MAX_LOCALE_LEN)?;
    max_len("campaign", &req.campaign, MAX_NAME_LEN)?;
    let purpose = purpose_from_proto(req.purpose, "purpose")?;
    let throttle_per_minute = u32::try_from(req.throttle_per_minute)
        .map_err(|_| Error::invalid("throttle_per_minute", "must not be negative"))?;
    if throttle_per_minute > 0 && req.journey_id.is_empty() {
        return Err(Error::invalid(
            "throttle_per_minute",
            "needs journey_id (the throttle is per journey)",
        ));
    }
    let on_no_slot = no_slot_from_proto(req.on_no_slot)?;
    Ok(SendCommand {
        throttle_per_minute,
        priority: req.priority,
        on_no_slot,
        idempotency_key: req.idempotency_key,
        customer_id: req.customer_id,
        channel,
        template_id: req.template_id,
        offer: req.offer.map(offer_from_proto),
        variables: req
            .variables
            .as_ref()
            .map(struct_to_json)
            .unwrap_or_default(),
        journey_id: req.journey_id,
        run_id: req.run_id,
        purpose,
        locale: req.locale,
        expire_ms: req.expire_time.as_ref().map(timestamp_ms),
        campaign: req.campaign,
        coupon: req
            .coupon
            .map(|c| {
                max_len("coupon.offer_id", &c.offer_id, MAX_KEY_LEN).map(|()| CouponSpec {
                    offer_id: c.offer_id,
                    expire_ms: c.expire_time.as_ref().map(timestamp_ms),
                })
            })
            .transpose()?,
    })
}

pub(super) fn validate_provider(c: Option<pb::ProviderConfig>) -> Result<ProviderConfig, Error> {
    let c = c.ok_or_else(|| Error::invalid("provider_config", "is required"))?;
    let channel = channel_from_proto(c.channel, "provider_config.channel")?;
    if channel == Channel::Email {
        return Err(Error::invalid(
            "provider_config.channel",
            "email uses the gateway's smtp settings",
        ));
    }
    let kind = kind_from_proto(c.kind, "provider_config.kind")?;
    if kind.channel() != channel {
        return Err(Error::invalid(
            "provider_config.kind",
            format!("{kind} does not deliver {channel}"),
        ));
    }
    required("provider_config.base_url", &c.base_url)?;
    max_len("provider_config.base_url", &c.base_url, 2_048)?;
    if !(c.base_url.starts_with("http://") || c.base_url.starts_with("https://")) {
        return Err(Error::invalid(
            "provider_config.base_url",
            "must start with http:// or https://",
        ));
    }
    if matches!(kind, ProviderKind::Twilio | ProviderKind::Fcm) {
        required("provider_config.account_id", &c.account_id)?;
        if !c
            .account_id
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_')
        {
            return Err(Error::invalid(
                "provider_config.account_id",
                "may hold only letters, digits, `-` and `_`",
            ));
        }
    }
    if kind == ProviderKind::Twilio {
        required("provider_config.sender", &c.sender)?;
    }
    if kind == ProviderKind::Apns {
        required("provider_config.account_id", &c.account_id)?;
        required("provider_config.key_id", &c.key_id)?;
        required("provider_config.topic", &c.topic)?;
    }
    max_len("provider_config.key_id", &c.key_id, MAX_KEY_LEN)?;
    max_len("provider_config.topic", &c.topic, MAX_KEY_LEN)?;
    max_len("provider_config.account_id", &c.account_id, MAX_KEY_LEN)?;
    max_len("provider_config.sender", &c.sender, MAX_KEY_LEN)?;
    check_secret_ref(&c.secret_ref).map_err(|e| Error::invalid("provider_config.secret_ref", e))?;
    if !(c.rate_per_second.is_finite() && c.rate_per_second >= 0.0) {
        return Err(Error::invalid(
            "provider_config.rate_per_second",
            "must be 0 (unlimited) or more",
        ));
    }
    if c.burst < 0 {
        return Err(Error::invalid(
            "provider_config.burst",
            "must not be negative",
        ));
    }
    if !(0..=100).contains(&c.max_attempts) {
        return Err(Error::invalid(
            "provider_config.max_attempts",
            "must be 0..100",
        ));
    }
    let timeout_ms = match &c.timeout {
        None => 0,
        Some(d) if d.seconds >= 0 && d.nanos >= 0 && d.seconds <= 600 => {
            d.seconds * 1000 + i64::from(d.nanos / 1_000_000)
        }
        Some(_) => {
            return Err(Error::invalid(
                "provider_config.timeout",
                "must be between 0 and 600 seconds",
            ));
        }
    };
    let provider_id = if c.provider_id.is_empty() {
        DEFAULT_PROVIDER_ID.to_owned()
    } else {
        c.provider_id
    };
    if provider_id.len() > 64
        || !provider_id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    {
        return Err(Error::invalid(
            "provider_config.provider_id",
            "must be 1..64 letters, digits, `_` or `-`",
        ));
    }
    if c.weight < 0 {
        return Err(Error::invalid(
            "provider_config.weight",
            "must not be negative",
        ));
    }
    let mut sms_prices = Vec::with_capacity(c.sms_prices.len());
    for (i, p) in c.sms_prices.into_iter().enumerate() {
        let digits = p.prefix.strip_prefix('+').unwrap_or_default();
        if digits.is_empty() || digits.len() > 15 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Error::invalid(
                format!("provider_config.sms_prices[{i}].prefix"),
                "must be `+` and 1..15 digits (an E.164 prefix)",
            ));
        }
        if !p.price.is_finite() || p.price < 0.0 {
            return Err(Error::invalid(
                format!("provider_config.sms_prices[{i}].price"),
                "must be a non-negative number",
            ));
        }
        sms_prices.push(SmsPrice {
            prefix: p.prefix,
            price: p.price,
        });
    }
    if !sms_prices.is_empty() && kind.channel() != Channel::Sms {
        return Err(Error::invalid(
            "provider_config.sms_prices",
            "only SMS providers have prices",
        ));
    }
    Ok(ProviderConfig {
        kind,
        provider_id,
        priority: i64::from(c.priority),
        weight: i64::from(c.weight.max(1)),
        sms_prices,
        base_url: c.base_url,
        account_id: c.account_id,
        sender: c.sender,
        secret_ref: c.secret_ref,
        rate_per_second: c.rate_per_second,
        burst: i64::from(c.burst),
        max_attempts: i64::from(c.max_attempts),
        timeout_ms,
        update_ms: 0,
        key_id: c.key_id,
        topic: c.topic,
    })
}

pub(super) fn required(field: &str, value: &str) -> Result<(), Error> {
    if value.trim().is_empty() {
        return Err(Error::invalid(field, "is required"));
    }
    Ok(())
}

pub(super) fn max_len(field: &str, value: &str, max: usize) -> Result<(), Error> {
    if value.len() > max {
        return Err(Error::invalid(
            field,
            format!("must be at most {max} bytes"),
        ));
    }
    Ok(())
}

pub(super) fn page_size(requested: i32) -> Result<u32, Error> {
    match u32::try_from(requested) {
        Err(_) => Err(Error::invalid("page_size", "must not be negative")),
        Ok(0) => Ok(DEFAULT_PAGE_SIZE),
        Ok(n) => Ok(n.min(MAX_PAGE_SIZE)),
    }
}

/// Page tokens are the last message id of the previous page.
pub(super) fn page_token(token: &str) -> Result<Option<&str>, Error> {
    if token.is_empty() {
        return Ok(None);
    }
    if !token.starts_with("msg_") || token.len() > MAX_KEY_LEN {
        return Err(Error::invalid(
            "page_token",
            "is not a token from ListMessages",
        ));
    }
    Ok(Some(token))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field_of(err: Error) -> String {
        match err {
            Error::InvalidArgument { field, .. } => field,
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn create_template_names_missing_fields() {
        let ok = pb::Template {
            display_name: "Welcome".into(),
            channel: omni_proto::common::v1::DeliveryChannel::Email as i32,
            subject: "Hi".into(),
            body: "Hello".into(),
            ..Default::default()
        };
        let req = |t: Option<pb::Template>| pb::CreateTemplateRequest {
            template: t,
            idempotency_key: String::new(),
        };
        assert_eq!(
            field_of(validate_create_template(req(None)).expect_err("x")),
            "template"
        );
        let mut t = ok.clone();
        t.channel = 0;
        assert_eq!(
            field_of(validate_create_template(req(Some(t))).expect_err("x")),
            "template.channel"
        );
        let mut t = ok.clone();
        t.subject.clear();
        assert_eq!(
            field_of(validate_create_template(req(Some(t))).expect_err("x")),
            "template.subject"
        );
        let (new, key) = validate_create_template(req(Some(ok))).expect("valid");
        assert_eq!(new.channel, Channel::Email);
        assert!(key.is_none());
    }

    #[test]
    fn page_size_defaults_and_caps() {
        assert_eq!(page_size(0).expect("default"), 100);
        assert_eq!(page_size(5000).expect("capped"), 1000);
        assert!(page_size(-1).is_err());
        assert!(page_token("nope").is_err());
        assert_eq!(page_token("").expect("empty"), None);
    }
}
