//! Proto <-> domain conversion at the service edge, including request validation
//! (`INVALID_ARGUMENT` naming the exact field path).

use omni_common::convert::{from_timestamp, json_to_struct, struct_to_json, to_timestamp};
use omni_common::status::invalid_argument;
use omni_profile_store::StoredProfile;
use omni_proto::common::v1 as common;
use omni_proto::identity::v1 as pb;
use tonic::Status;

use crate::event::TrackedEvent;
use crate::normalise::{Identifier, IdentifierKind, MAX_ID_LEN};
use crate::store::MergeRecord;

/// Most identifiers one event may carry.
const MAX_IDENTIFIERS: usize = 32;

/// Validates a Track request's event and normalises its identifiers. `received_ms`
/// stands in for a missing event time.
pub fn event_from_proto(
    event: Option<&common::Event>,
    received_ms: i64,
) -> Result<TrackedEvent, Status> {
    let event = event.ok_or_else(|| invalid_argument("event", "is required"))?;
    let event_id = event.event_id.trim();
    if event_id.is_empty() {
        return Err(invalid_argument("event.event_id", "must not be empty"));
    }
    if event_id.chars().count() > MAX_ID_LEN {
        return Err(invalid_argument(
            "event.event_id",
            "is longer than 256 characters",
        ));
    }
    let event_type = event.r#type.trim();
    if event_type.is_empty() {
        return Err(invalid_argument("event.type", "must not be empty"));
    }
    if event_type.chars().count() > MAX_ID_LEN {
        return Err(invalid_argument(
            "event.type",
            "is longer than 256 characters",
        ));
    }
    if event.identifiers.is_empty() {
        return Err(invalid_argument(
            "event.identifiers",
            "at least one identifier is required",
        ));
    }
    if event.identifiers.len() > MAX_IDENTIFIERS {
        return Err(invalid_argument(
            "event.identifiers",
            "at most 32 identifiers are allowed",
        ));
    }
    let mut identifiers: Vec<Identifier> = Vec::with_capacity(event.identifiers.len());
    for (i, raw) in event.identifiers.iter().enumerate() {
        let kind = kind_from_proto(raw.r#type).ok_or_else(|| {
            invalid_argument(&format!("event.identifiers[{i}].type"), "must be specified")
        })?;
        let id = Identifier::normalise(kind, &raw.value)
            .map_err(|reason| invalid_argument(&format!("event.identifiers[{i}].value"), reason))?;
        if kind == IdentifierKind::UserId
            && identifiers
                .iter()
                .any(|o| o.kind == IdentifierKind::UserId && o.value != id.value)
        {
            return Err(invalid_argument(
                &format!("event.identifiers[{i}].value"),
                "an event may carry only one user_id",
            ));
        }
        if !identifiers.contains(&id) {
            identifiers.push(id);
        }
    }
    Ok(TrackedEvent {
        event_id: event_id.to_owned(),
        event_type: event_type.to_owned(),
        time_ms: event.time.as_ref().map_or(received_ms, from_timestamp),
        identifiers,
        properties: event
            .properties
            .as_ref()
            .map(struct_to_json)
            .unwrap_or_default(),
        traits: event
            .traits
            .as_ref()
            .map(struct_to_json)
            .unwrap_or_default(),
        source: source_name(event.source).to_owned(),
    })
}

/// The accepted event as sent on the bus: identifiers normalised.
pub fn event_to_proto(event: &TrackedEvent) -> common::Event {
    common::Event {
        event_id: event.event_id.clone(),
        r#type: event.event_type.clone(),
        time: Some(to_timestamp(event.time_ms)),
        identifiers: event.identifiers.iter().map(identifier_to_proto).collect(),
        properties: Some(json_to_struct(&event.properties)),
        traits: Some(json_to_struct(&event.traits)),
        source: source_from_name(&event.source) as i32,
    }
}

/// A proto identifier type to the domain kind; `None` when unspecified or unknown.
pub fn kind_from_proto(value: i32) -> Option<IdentifierKind> {
    match common::IdentifierType::try_from(value).ok()? {
        common::IdentifierType::Unspecified => None,
        common::IdentifierType::UserId => Some(IdentifierKind::UserId),
        common::IdentifierType::Email => Some(IdentifierKind::Email),
        common::IdentifierType::Phone => Some(IdentifierKind::Phone),
        common::IdentifierType::AnonymousId => Some(IdentifierKind::AnonymousId),
    }
}

/// A domain identifier to proto.
pub fn identifier_to_proto(id: &Identifier) -> common::Identifier {
    let kind = match id.kind {
        IdentifierKind::UserId => common::IdentifierType::UserId,
        IdentifierKind::Email => common::IdentifierType::Email,
        IdentifierKind::Phone => common::IdentifierType::Phone,
        IdentifierKind::AnonymousId => common::IdentifierType::AnonymousId,
    };
    common::Identifier {
        r#type: kind as i32,
        value: id.value.clone(),
    }
}

/// The stored name of a source channel (unknown values read as `unspecified`).
pub fn source_name(value: i32) -> &'static str {
    match common::SourceChannel::try_from(value).unwrap_or(common::SourceChannel::Unspecified) {
        common::SourceChannel::Unspecified => "unspecified",
        common::SourceChannel::Web => "web",
        common::SourceChannel::App => "app",
        common::SourceChannel::Pos => "pos",
        common::SourceChannel::Store => "store",
        common::SourceChannel::Server => "server",
        common::SourceChannel::Messaging => "messaging",
    }
}

/// Parses a stored source channel name.
pub fn source_from_name(name: &str) -> common::SourceChannel {
    match name {
        "web" => common::SourceChannel::Web,
        "app" => common::SourceChannel::App,
        "pos" => common::SourceChannel::Pos,
        "store" => common::SourceChannel::Store,
        "server" => common::SourceChannel::Server,
        "messaging" => common::SourceChannel::Messaging,
        _ => common::SourceChannel::Unspecified,
    }
}

/// The consent channel name of a delivery channel; `None` when unspecified or unknown.
pub fn channel_name(value: i32) -> Option<&'static str> {
    match common::DeliveryChannel::try_from(value).ok()? {
        common::DeliveryChannel::Unspecified => None,
        common::DeliveryChannel::Email => Some("email"),
        common::DeliveryChannel::Push => Some("push"),
        common::DeliveryChannel::Sms => Some("sms"),
        common::DeliveryChannel::Store => Some("store"),
    }
}

/// Parses a consent channel name.
pub fn channel_from_name(name: &str) -> Option<common::DeliveryChannel> {
    match name {
        "email" => Some(common::DeliveryChannel::Email),
        "push" => Some(common::DeliveryChannel::Push),
        "sms" => Some(common::DeliveryChannel::Sms),
        "store" => Some(common::DeliveryChannel::Store),
        _ => None,
    }
}

/// A consent record to proto.
pub fn consent_to_proto(
    channel: common::DeliveryChannel,
    granted: bool,
    update_ms: i64,
) -> pb::Consent {
    pb::Consent {
        channel: channel as i32,
        granted,
        update_time: Some(to_timestamp(update_ms)),
    }
}

/// A profile from the profile store to proto. Identifiers whose type is unknown to this
/// contract, and consents for unknown channels, are left out.
pub fn profile_to_proto(p: StoredProfile) -> pb::Profile {
    let mut identifiers: Vec<Identifier> = p
        .identifiers
        .iter()
        .filter_map(|(kind, value)| {
            IdentifierKind::parse(kind).map(|kind| Identifier {
                kind,
                value: value.clone(),
            })
        })
        .collect();
    identifiers.sort();
    let consents = p
        .consents
        .iter()
        .filter_map(|(channel, state)| {
            channel_from_name(channel).map(|c| consent_to_proto(c, state.granted, state.updated_ms))
        })
        .collect();
    pb::Profile {
        customer_id: p.customer_id,
        traits: Some(json_to_struct(&p.traits)),
        identifiers: identifiers.iter().map(identifier_to_proto).collect(),
        event_counts: p.event_counts.into_iter().collect(),
        consents,
        first_seen_time: (p.first_seen_ms > 0).then(|| to_timestamp(p.first_seen_ms)),
        last_seen_time: (p.last_seen_ms > 0).then(|| to_timestamp(p.last_seen_ms)),
    }
}

/// A stored merge record to proto.
pub fn merge_to_proto(m: MergeRecord) -> pb::Merge {
    pb::Merge {
        merge_id: m.merge_id,
        customer_id: m.customer_id.into_inner(),
        merged_customer_id: m.merged_customer_id.into_inner(),
        rule: m.rule,
        event_id: m.event_id,
        identifiers: m.identifiers.iter().map(identifier_to_proto).collect(),
        create_time: Some(to_timestamp(m.create_ms)),
        actor: m.actor,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ident(t: common::IdentifierType, v: &str) -> common::Identifier {
        common::Identifier {
            r#type: t as i32,
            value: v.into(),
        }
    }

    fn event(ids: Vec<common::Identifier>) -> common::Event {
        common::Event {
            event_id: "e1".into(),
            r#type: "signup".into(),
            identifiers: ids,
            ..Default::default()
        }
    }

    fn field_of(s: &Status) -> String {
        use tonic_types::StatusExt;
        s.get_error_details()
            .bad_request()
            .map(|b| b.field_violations[0].field.clone())
            .unwrap_or_default()
    }

    #[test]
    fn validation_names_the_field() {
        let cases: Vec<(Option<common::Event>, &str)> = vec![
            (None, "event"),
            (
                Some(common::Event {
                    event_id: " ".into(),
                    ..event(vec![ident(common::IdentifierType::UserId, "u")])
                }),
                "event.event_id",
            ),
            (
                Some(common::Event {
                    r#type: String::new(),
                    ..event(vec![ident(common::IdentifierType::UserId, "u")])
                }),
                "event.type",
            ),
            (Some(event(vec![])), "event.identifiers"),
            (
                Some(event(vec![
                    ident(common::IdentifierType::UserId, "u"),
                    ident(common::IdentifierType::Unspecified, "x"),
                ])),
                "event.identifiers[1].type",
            ),
            (
                Some(event(vec![ident(
                    common::IdentifierType::Email,
                    "not-an-email",
                )])),
                "event.identifiers[0].value",
            ),
            (
                Some(event(vec![ident(common::IdentifierType::Phone, "0123")])),
                "event.identifiers[0].value",
            ),
            (
                Some(event(vec![
                    ident(common::IdentifierType::UserId, "a"),
                    ident(common::IdentifierType::UserId, "b"),
                ])),
                "event.identifiers[1].value",
            ),
        ];
        for (ev, field) in cases {
            let err = event_from_proto(ev.as_ref(), 5).expect_err(field);
            assert_eq!(err.code(), tonic::Code::InvalidArgument);
            assert_eq!(field_of(&err), field);
        }
    }

    #[test]
    fn identifiers_are_normalised_and_deduplicated_and_round_trip() {
        let ev = common::Event {
            source: common::SourceChannel::Pos as i32,
            ..event(vec![
                ident(common::IdentifierType::Email, "  Ann@Example.COM "),
                ident(common::IdentifierType::Email, "ann@example.com"),
                ident(common::IdentifierType::Phone, "+44 20 7946 0958"),
            ])
        };
        let tracked = event_from_proto(Some(&ev), 42).expect("valid");
        assert_eq!(tracked.time_ms, 42);
        assert_eq!(tracked.source, "pos");
        assert_eq!(
            tracked
                .identifiers
                .iter()
                .map(|i| i.value.as_str())
                .collect::<Vec<_>>(),
            ["ann@example.com", "+442079460958"]
        );
        let back = event_to_proto(&tracked);
        assert_eq!(back.source, common::SourceChannel::Pos as i32);
        assert_eq!(back.identifiers[0].value, "ann@example.com");
        assert_eq!(event_from_proto(Some(&back), 0).expect("valid"), tracked);
    }

    #[test]
    fn channels_round_trip() {
        for c in [
            common::DeliveryChannel::Email,
            common::DeliveryChannel::Push,
            common::DeliveryChannel::Sms,
            common::DeliveryChannel::Store,
        ] {
            let name = channel_name(c as i32).expect("named");
            assert_eq!(channel_from_name(name), Some(c));
        }
        assert_eq!(channel_name(0), None);
        assert_eq!(channel_name(99), None);
    }
}
