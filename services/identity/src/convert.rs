//! Proto <-> domain conversion at the service edge, including request validation
//! (`INVALID_ARGUMENT` naming the exact field path).

use omni_common::convert::{from_timestamp, json_to_struct, struct_to_json, to_timestamp};
use omni_common::status::invalid_argument;
use omni_profile_store::{ConsentSnapshot, StoredProfile};
use omni_proto::common::v1 as common;
use omni_proto::identity::v1 as pb;
use serde_json::{Map, Value};
use tonic::Status;

use crate::event::TrackedEvent;
use crate::normalise::{IdType, Identifier, MAX_ID_LEN};
use crate::rules::Rules;
use crate::store::{ConflictRecord, ConsentDetail, ConsentHistoryRecord, LoggedEvent, MergeRecord};

/// Most identifiers one event may carry.
const MAX_IDENTIFIERS: usize = 32;
/// Largest accepted `properties`, as JSON bytes.
pub const MAX_PROPERTIES_BYTES: usize = 32 * 1024;
/// Largest accepted `traits`, as JSON bytes.
pub const MAX_TRAITS_BYTES: usize = 16 * 1024;
/// Most top-level keys in `properties` or `traits`.
pub const MAX_KEYS: usize = 256;
/// Longest key at any level of `properties` or `traits`, in characters.
pub const MAX_KEY_LEN: usize = 128;
/// Deepest nesting of objects and lists in `properties` or `traits`.
pub const MAX_DEPTH: usize = 8;

/// Validates an event (from Track, or one of a TrackBatch as `events[i]`) and
/// normalises its identifiers with the workspace's rules. `received_ms` stands in for a
/// missing event time. Field paths in errors start with `prefix`.
pub fn event_from_proto(
    event: Option<&common::Event>,
    received_ms: i64,
    rules: &Rules,
    prefix: &str,
) -> Result<TrackedEvent, Status> {
    let f = |name: &str| format!("{prefix}.{name}");
    let event = event.ok_or_else(|| invalid_argument(prefix, "is required"))?;
    let event_id = event.event_id.trim();
    if event_id.is_empty() {
        return Err(invalid_argument(&f("event_id"), "must not be empty"));
    }
    if event_id.chars().count() > MAX_ID_LEN {
        return Err(invalid_argument(
            &f("event_id"),
            "is longer than 256 characters",
        ));
    }
    let event_type = event.r#type.trim();
    if event_type.is_empty() {
        return Err(invalid_argument(&f("type"), "must not be empty"));
    }
    if event_type.chars().count() > MAX_ID_LEN {
        return Err(invalid_argument(
            &f("type"),
            "is longer than 256 characters",
        ));
    }
    if event.identifiers.is_empty() {
        return Err(invalid_argument(
            &f("identifiers"),
            "at least one identifier is required",
        ));
    }
    if event.identifiers.len() > MAX_IDENTIFIERS {
        return Err(invalid_argument(
            &f("identifiers"),
            "at most 32 identifiers are allowed",
        ));
    }
    let mut identifiers: Vec<Identifier> = Vec::with_capacity(event.identifiers.len());
    let mut blocked: Vec<Identifier> = Vec::new();
    for (i, raw) in event.identifiers.iter().enumerate() {
        let at = |name: &str| format!("{prefix}.identifiers[{i}].{name}");
        let kind = kind_from_proto(raw, rules)
            .map_err(|(field, why)| invalid_argument(&at(field), why))?;
        let rule = rules.rule(kind.as_str()).ok_or_else(|| {
            invalid_argument(
                &at("custom_type"),
                "is not a type known to the identity rules",
            )
        })?;
        let value = rule
            .normalization
            .apply(&raw.value, rules.default_phone_region.as_deref())
            .map_err(|reason| invalid_argument(&at("value"), reason))?;
        let id = Identifier { kind, value };
        if rule.blocked_values.contains(&id.value) {
            if !blocked.contains(&id) {
                blocked.push(id);
            }
            continue;
        }
        if rule.max_per_profile == 1
            && identifiers
                .iter()
                .any(|o| o.kind == id.kind && o.value != id.value)
        {
            return Err(invalid_argument(
                &at("value"),
                format!("an event may carry only one {}", id.kind),
            ));
        }
        if !identifiers.contains(&id) {
            identifiers.push(id);
        }
    }
    if identifiers.is_empty() {
        return Err(invalid_argument(
            &f("identifiers"),
            "every identifier is a value the workspace blocks",
        ));
    }
    let properties = event
        .properties
        .as_ref()
        .map(struct_to_json)
        .unwrap_or_default();
    check_map(&properties, MAX_PROPERTIES_BYTES, &f("properties"))?;
    let traits = event
        .traits
        .as_ref()
        .map(struct_to_json)
        .unwrap_or_default();
    check_map(&traits, MAX_TRAITS_BYTES, &f("traits"))?;
    Ok(TrackedEvent {
        event_id: event_id.to_owned(),
        event_type: event_type.to_owned(),
        time_ms: event.time.as_ref().map_or(received_ms, from_timestamp),
        identifiers,
        properties,
        traits,
        source: source_name(event.source).to_owned(),
        blocked_identifiers: blocked,
    })
}

/// Size and shape limits of free-form properties/traits.
pub(crate) fn check_map(
    map: &Map<String, Value>,
    max_bytes: usize,
    field: &str,
) -> Result<(), Status> {
    if map.len() > MAX_KEYS {
        return Err(invalid_argument(
            field,
            format!("has {} keys; at most {MAX_KEYS} are allowed", map.len()),
        ));
    }
    let bytes = serde_json::to_vec(map).map_or(usize::MAX, |v| v.len());
    if bytes > max_bytes {
        return Err(invalid_argument(
            field,
            format!("is {bytes} bytes as JSON; at most {max_bytes} are allowed"),
        ));
    }
    fn walk(v: &Value, depth: usize, path: &str) -> Result<(), Status> {
        if depth > MAX_DEPTH {
            return Err(invalid_argument(
                path,
                format!("nests deeper than {MAX_DEPTH} levels"),
            ));
        }
        match v {
            Value::Object(m) => {
                for (k, v) in m {
                    if k.is_empty() || k.chars().count() > MAX_KEY_LEN {
                        return Err(invalid_argument(
                            &format!("{path}.{k}"),
                            format!("keys must be 1 to {MAX_KEY_LEN} characters"),
                        ));
                    }
                    walk(v, depth + 1, &format!("{path}.{k}"))?;
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    walk(v, depth + 1, &format!("{path}[{i}]"))?;
                }
            }
            _ => {}
        }
        Ok(())
    }
    for (k, v) in map {
        if k.is_empty() || k.chars().count() > MAX_KEY_LEN {
            return Err(invalid_argument(
                &format!("{field}.{k}"),
                format!("keys must be 1 to {MAX_KEY_LEN} characters"),
            ));
        }
        walk(v, 1, &format!("{field}.{k}"))?;
    }
    Ok(())
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

/// The type name of a proto identifier; the error names the sub-field and why.
pub fn kind_from_proto(
    id: &common::Identifier,
    rules: &Rules,
) -> Result<IdType, (&'static str, &'static str)> {
    use common::IdentifierType as T;
    let custom = id.custom_type.trim();
    let name = match T::try_from(id.r#type)
        .map_err(|_| ("type", "is not a known identifier type"))?
    {
        T::Unspecified => return Err(("type", "must be specified")),
        T::UserId => IdType::USER_ID,
        T::Email => IdType::EMAIL,
        T::Phone => IdType::PHONE,
        T::AnonymousId => IdType::ANONYMOUS_ID,
        T::DeviceId => IdType::DEVICE_ID,
        T::LoyaltyId => IdType::LOYALTY_ID,
        T::Custom => {
            if !IdType::is_valid_name(custom) || IdType::is_built_in(custom) {
                return Err((
                    "custom_type",
                    "must name a custom identifier type (lower-case letters, digits, `_`; not a built-in type)",
                ));
            }
            if rules.rule(custom).is_none() {
                return Err(("custom_type", "is not a type defined in the identity rules"));
            }
            return Ok(IdType::new(custom));
        }
    };
    if !custom.is_empty() {
        return Err((
            "custom_type",
            "must be empty unless type is IDENTIFIER_TYPE_CUSTOM",
        ));
    }
    Ok(IdType::new(name))
}

/// A domain identifier to proto (custom types as IDENTIFIER_TYPE_CUSTOM).
pub fn identifier_to_proto(id: &Identifier) -> common::Identifier {
    use common::IdentifierType as T;
    let (kind, custom) = match id.kind.as_str() {
        IdType::USER_ID => (T::UserId, ""),
        IdType::EMAIL => (T::Email, ""),
        IdType::PHONE => (T::Phone, ""),
        IdType::ANONYMOUS_ID => (T::AnonymousId, ""),
        IdType::DEVICE_ID => (T::DeviceId, ""),
        IdType::LOYALTY_ID => (T::LoyaltyId, ""),
        other => (T::Custom, other),
    };
    common::Identifier {
        r#type: kind as i32,
        value: id.value.clone(),
        custom_type: custom.to_owned(),
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

/// The stored name of a consent purpose (unspecified reads as marketing); `None` for
/// unknown values.
pub fn purpose_name(value: i32) -> Option<&'static str> {
    match pb::ConsentPurpose::try_from(value).ok()? {
        pb::ConsentPurpose::Unspecified | pb::ConsentPurpose::Marketing => {
            Some(omni_profile_store::MARKETING)
        }
        pb::ConsentPurpose::Transactional => Some(omni_profile_store::TRANSACTIONAL),
    }
}

/// Parses a stored purpose name.
pub fn purpose_from_name(name: &str) -> pb::ConsentPurpose {
    match name {
        omni_profile_store::TRANSACTIONAL => pb::ConsentPurpose::Transactional,
        omni_profile_store::MARKETING => pb::ConsentPurpose::Marketing,
        _ => pb::ConsentPurpose::Unspecified,
    }
}

/// A per-channel (marketing) consent to proto.
pub fn consent_to_proto(
    channel: common::DeliveryChannel,
    granted: bool,
    update_ms: i64,
) -> pb::Consent {
    pb::Consent {
        channel: channel as i32,
        granted,
        update_time: Some(to_timestamp(update_ms)),
        purpose: pb::ConsentPurpose::Marketing as i32,
        source: String::new(),
        proof: String::new(),
    }
}

/// A channel/purpose decision to proto; `None` for an unknown channel.
pub fn detail_to_proto(d: &ConsentDetail) -> Option<pb::Consent> {
    Some(pb::Consent {
        channel: channel_from_name(&d.channel)? as i32,
        granted: d.granted,
        update_time: Some(to_timestamp(d.update_ms)),
        purpose: purpose_from_name(&d.purpose) as i32,
        source: d.source.clone(),
        proof: d.proof.clone(),
    })
}

/// The per-purpose consents and the global flag of a snapshot.
pub fn snapshot_to_proto(snap: &ConsentSnapshot) -> (Vec<pb::Consent>, bool) {
    let details = snap
        .decisions
        .iter()
        .filter_map(|((channel, purpose), d)| {
            detail_to_proto(&ConsentDetail {
                channel: channel.clone(),
                purpose: purpose.clone(),
                granted: d.granted,
                source: d.source.clone(),
                proof: d.proof.clone(),
                update_ms: d.updated_ms,
            })
        })
        .collect();
    (details, snap.is_unsubscribed())
}

/// A profile from the profile store (and its consent snapshot) to proto. Consents for
/// unknown channels are left out.
pub fn profile_to_proto(p: StoredProfile, consent: &ConsentSnapshot) -> pb::Profile {
    let mut identifiers: Vec<Identifier> = p
        .identifiers
        .iter()
        .map(|(kind, value)| Identifier::new(kind.clone(), value.clone()))
        .collect();
    identifiers.sort();
    let consents = p
        .consents
        .iter()
        .filter_map(|(channel, state)| {
            channel_from_name(channel).map(|c| consent_to_proto(c, state.granted, state.updated_ms))
        })
        .collect();
    let (purpose_consents, globally_unsubscribed) = snapshot_to_proto(consent);
    pb::Profile {
        customer_id: p.customer_id,
        traits: Some(json_to_struct(&p.traits)),
        identifiers: identifiers.iter().map(identifier_to_proto).collect(),
        event_counts: p.event_counts.into_iter().collect(),
        consents,
        first_seen_time: (p.first_seen_ms > 0).then(|| to_timestamp(p.first_seen_ms)),
        last_seen_time: (p.last_seen_ms > 0).then(|| to_timestamp(p.last_seen_ms)),
        purpose_consents,
        globally_unsubscribed,
        ..pb::Profile::default()
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
        reason: m.reason,
        unmerge_time: m.unmerge_ms.map(to_timestamp),
        unmerge_actor: m.unmerge_actor,
    }
}

/// A stored conflict to proto.
pub fn conflict_to_proto(c: ConflictRecord) -> pb::Conflict {
    pb::Conflict {
        conflict_id: c.conflict_id,
        event_id: c.event_id,
        customer_id: c.customer_id.into_inner(),
        other_customer_ids: c
            .other_customer_ids
            .into_iter()
            .map(|c| c.into_inner())
            .collect(),
        identifiers: c.identifiers.iter().map(identifier_to_proto).collect(),
        rule: c.rule,
        reason: c.reason,
        create_time: Some(to_timestamp(c.create_ms)),
        ignored_identifiers: c
            .ignored_identifiers
            .iter()
            .map(identifier_to_proto)
            .collect(),
    }
}

/// A timeline entry to proto.
pub fn logged_event_to_proto(e: &LoggedEvent) -> pb::TimelineEvent {
    pb::TimelineEvent {
        event: Some(event_to_proto(&e.event)),
        customer_id: e.customer_id.as_str().to_owned(),
        receive_time: Some(to_timestamp(e.received_ms)),
    }
}

/// A consent history row to proto.
pub fn history_to_proto(h: ConsentHistoryRecord) -> pb::ConsentRecord {
    pb::ConsentRecord {
        record_id: h.record_id,
        channel: channel_from_name(&h.channel).map_or(0, |c| c as i32),
        purpose: if h.global {
            pb::ConsentPurpose::Marketing as i32
        } else {
            purpose_from_name(&h.purpose) as i32
        },
        granted: h.granted,
        global: h.global,
        source: h.source,
        proof: h.proof,
        create_time: Some(to_timestamp(h.create_ms)),
        actor: h.actor,
    }
}

fn normalization_to_proto(n: crate::normalise::Normalization) -> pb::Normalization {
    use crate::normalise::Normalization as N;
    match n {
        N::Trim => pb::Normalization::Trim,
        N::Lowercase => pb::Normalization::Lowercase,
        N::Email => pb::Normalization::Email,
        N::Phone => pb::Normalization::Phone,
    }
}

/// Rules to proto.
pub fn rules_to_proto(r: &Rules) -> pb::IdentityRules {
    pb::IdentityRules {
        identifier_types: r
            .types
            .iter()
            .map(|t| pb::IdentifierTypeRule {
                name: t.name.as_str().to_owned(),
                priority: i32::try_from(t.priority).unwrap_or(i32::MAX),
                max_per_profile: i32::try_from(t.max_per_profile).unwrap_or(i32::MAX),
                blocked_values: t.blocked_values.iter().cloned().collect(),
                normalization: normalization_to_proto(t.normalization) as i32,
            })
            .collect(),
        max_identifiers_per_profile: i32::try_from(r.max_identifiers_per_profile)
            .unwrap_or(i32::MAX),
        max_merges_per_profile: i32::try_from(r.max_merges_per_profile).unwrap_or(i32::MAX),
        default_phone_region: r.default_phone_region.clone().unwrap_or_default(),
        update_time: (r.update_ms > 0).then(|| to_timestamp(r.update_ms)),
    }
}

/// Applies an UpdateIdentityRules request to the current rules: the fields named by the
/// mask (all when empty) are replaced, then the result is validated.
pub fn rules_from_update(
    current: &Rules,
    req: &pb::UpdateIdentityRulesRequest,
    now_ms: i64,
) -> Result<Rules, Status> {
    use crate::normalise::Normalization as N;
    use crate::rules::TypeRule;
    let incoming = req
        .rules
        .as_ref()
        .ok_or_else(|| invalid_argument("rules", "is required"))?;
    const FIELDS: [&str; 4] = [
        "identifier_types",
        "max_identifiers_per_profile",
        "max_merges_per_profile",
        "default_phone_region",
    ];
    let paths: Vec<&str> = match &req.update_mask {
        Some(m) if !m.paths.is_empty() => m.paths.iter().map(String::as_str).collect(),
        _ => FIELDS.to_vec(),
    };
    if let Some(bad) = paths.iter().find(|p| !FIELDS.contains(p)) {
        return Err(invalid_argument(
            "update_mask",
            format!("`{bad}` is not an updatable field"),
        ));
    }
    let mut next = current.clone();
    for path in paths {
        match path {
            "identifier_types" => {
                let mut types = Vec::with_capacity(incoming.identifier_types.len());
                for (i, t) in incoming.identifier_types.iter().enumerate() {
                    let field = |f: &str| format!("rules.identifier_types[{i}].{f}");
                    let name = t.name.trim();
                    let normalization = match pb::Normalization::try_from(t.normalization)
                        .map_err(|_| invalid_argument(&field("normalization"), "is unknown"))?
                    {
                        pb::Normalization::Unspecified => match name {
                            IdType::EMAIL => N::Email,
                            IdType::PHONE => N::Phone,
                            _ => N::Trim,
                        },
                        pb::Normalization::Trim => N::Trim,
                        pb::Normalization::Lowercase => N::Lowercase,
                        pb::Normalization::Email => N::Email,
                        pb::Normalization::Phone => N::Phone,
                    };
                    let priority = u32::try_from(t.priority)
                        .map_err(|_| invalid_argument(&field("priority"), "must be at least 1"))?;
                    let max_per_profile = u32::try_from(t.max_per_profile).map_err(|_| {
                        invalid_argument(&field("max_per_profile"), "must not be negative")
                    })?;
                    types.push(TypeRule {
                        name: IdType::new(name),
                        priority,
                        max_per_profile,
                        blocked_values: t.blocked_values.iter().cloned().collect(),
                        normalization,
                    });
                }
                next.types = types;
            }
            "max_identifiers_per_profile" => {
                next.max_identifiers_per_profile =
                    u32::try_from(incoming.max_identifiers_per_profile).unwrap_or(0);
            }
            "max_merges_per_profile" => {
                next.max_merges_per_profile =
                    u32::try_from(incoming.max_merges_per_profile).unwrap_or(0);
            }
            _ => {
                let region = incoming.default_phone_region.trim();
                next.default_phone_region = (!region.is_empty()).then(|| region.to_owned());
            }
        }
    }
    next.update_ms = now_ms;
    next.validated()
        .map_err(|v| invalid_argument(&format!("rules.{}", v.field), v.reason))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ident(t: common::IdentifierType, v: &str) -> common::Identifier {
        common::Identifier {
            r#type: t as i32,
            value: v.into(),
            custom_type: String::new(),
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
            let err =
                event_from_proto(ev.as_ref(), 5, &Rules::default(), "event").expect_err(field);
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
        let tracked = event_from_proto(Some(&ev), 42, &Rules::default(), "event").expect("valid");
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
        assert_eq!(
            event_from_proto(Some(&back), 0, &Rules::default(), "event").expect("valid"),
            tracked
        );
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
