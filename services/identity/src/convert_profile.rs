//! Proto conversion and validation for the richer profile (GetProfile with a read
//! mask), Identify, and match suggestions.

use std::str::FromStr as _;

use omni_common::convert::{from_timestamp, to_timestamp, value_to_json};
use omni_common::status::invalid_argument;
use omni_profile_store::{ConsentSnapshot, MARKETING, ProfileActivity, StoredProfile};
use omni_proto::common::v1 as common;
use omni_proto::identity::v1 as pb;
use serde_json::{Map, Value};
use tonic::Status;

use crate::activity::inferred_type;
use crate::convert::{
    MAX_KEY_LEN, MAX_KEYS, MAX_TRAITS_BYTES, channel_from_name, check_map, kind_from_proto,
    profile_to_proto,
};
use crate::identify::{Target, TraitChange, TraitSet};
use crate::normalise::{Identifier, MAX_ID_LEN};
use crate::rules::Rules;
use crate::store::SuggestionRecord;
use crate::suggest::{ACCEPTED, OPEN, REJECTED, Signal};

/// Paths GetProfile's read_mask may name.
pub const PROFILE_PATHS: [&str; 16] = [
    "traits",
    "trait_types",
    "identifiers",
    "event_counts",
    "consents",
    "first_seen_time",
    "last_seen_time",
    "purpose_consents",
    "globally_unsubscribed",
    "timezone",
    "locale",
    "reachability",
    "purchases",
    "last_store",
    "engagement",
    "contact_preferences",
];

/// The proto name of a stored trait type.
fn trait_type_from_name(name: &str) -> pb::TraitType {
    use pb::TraitType as T;
    match name {
        "string" => T::String,
        "number" => T::Number,
        "integer" => T::Integer,
        "boolean" => T::Boolean,
        "timestamp" => T::Timestamp,
        "date" => T::Date,
        "list" => T::List,
        "object" => T::Object,
        _ => T::Unspecified,
    }
}

/// The stored name of a declared proto trait type (`None` for unspecified).
fn trait_type_name(t: pb::TraitType) -> Option<&'static str> {
    use pb::TraitType as T;
    Some(match t {
        T::Unspecified => return None,
        T::String => "string",
        T::Number => "number",
        T::Integer => "integer",
        T::Boolean => "boolean",
        T::Timestamp => "timestamp",
        T::Date => "date",
        T::List => "list",
        T::Object => "object",
    })
}

/// The full profile: the stored part, the activity part and consent.
pub fn full_profile_to_proto(
    p: StoredProfile,
    activity: &ProfileActivity,
    consent: &ConsentSnapshot,
) -> pb::Profile {
    let traits = p.traits.clone();
    let ids = p.identifiers.clone();
    let mut out = profile_to_proto(p, consent);
    out.trait_types = traits
        .iter()
        .map(|(k, v)| {
            let name = activity
                .trait_types
                .get(k)
                .map_or(inferred_type(v), String::as_str);
            (k.clone(), trait_type_from_name(name) as i32)
        })
        .collect();
    let text = |k: &str| {
        traits
            .get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    out.timezone = text("timezone");
    out.locale = text("locale");
    out.reachability = reachability(&ids, activity, consent);
    if activity.orders > 0 || !activity.products.is_empty() {
        #[allow(clippy::cast_precision_loss)]
        let revenue = activity.revenue_micros as f64 / 1_000_000.0;
        out.purchases = Some(pb::PurchaseSummary {
            orders: activity.orders,
            revenue,
            last_purchase_time: (activity.last_purchase_ms > 0)
                .then(|| to_timestamp(activity.last_purchase_ms)),
            product_ids: activity.products.iter().map(|(id, _)| id.clone()).collect(),
        });
    }
    out.last_store = activity.last_store.as_ref().map(|(id, ms)| pb::StoreVisit {
        store_id: id.clone(),
        visit_time: Some(to_timestamp(*ms)),
    });
    out.engagement = activity
        .engagement
        .iter()
        .filter_map(|(channel, e)| {
            Some(pb::ChannelEngagement {
                channel: channel_from_name(channel)? as i32,
                last_open_time: (e.last_open_ms > 0).then(|| to_timestamp(e.last_open_ms)),
                last_click_time: (e.last_click_ms > 0).then(|| to_timestamp(e.last_click_ms)),
                opens: e.opens,
                clicks: e.clicks,
            })
        })
        .collect();
    out
}

fn reachability(
    ids: &[(String, String)],
    activity: &ProfileActivity,
    consent: &ConsentSnapshot,
) -> Vec<pb::ChannelReachability> {
    let of_type = |t: &str| -> Vec<String> {
        ids.iter()
            .filter(|(k, _)| k == t)
            .map(|(_, v)| v.clone())
            .collect()
    };
    let push_tokens: Vec<pb::PushToken> = activity
        .registered_tokens()
        .map(|((app, platform, token), st)| pb::PushToken {
            app_id: app.clone(),
            platform: platform.clone(),
            token: token.clone(),
            update_time: Some(to_timestamp(st.updated_ms)),
        })
        .collect();
    let mut push_addresses: Vec<String> = push_tokens.iter().map(|t| t.token.clone()).collect();
    push_addresses.extend(of_type("push_token"));
    push_addresses.sort();
    push_addresses.dedup();
    let stores: Vec<String> = activity
        .last_store
        .iter()
        .map(|(id, _)| id.clone())
        .collect();
    let mut out = Vec::new();
    for (channel, name, addresses, tokens) in [
        (
            common::DeliveryChannel::Email,
            "email",
            of_type("email"),
            Vec::new(),
        ),
        (
            common::DeliveryChannel::Push,
            "push",
            push_addresses,
            push_tokens,
        ),
        (
            common::DeliveryChannel::Sms,
            "sms",
            of_type("phone"),
            Vec::new(),
        ),
        (common::DeliveryChannel::Store, "store", stores, Vec::new()),
    ] {
        let reason = if addresses.is_empty() {
            "no_address"
        } else if consent.is_unsubscribed() {
            "unsubscribed"
        } else if !consent.allows(name, MARKETING) {
            "no_consent"
        } else {
            ""
        };
        out.push(pb::ChannelReachability {
            channel: channel as i32,
            reachable: reason.is_empty(),
            addresses,
            push_tokens: tokens,
            reason: reason.to_owned(),
        });
    }
    out
}

/// Validates a read mask; `None` means every field.
pub fn read_mask(
    mask: Option<&omni_proto::prost_types::FieldMask>,
) -> Result<Option<Vec<String>>, Status> {
    let Some(mask) = mask.filter(|m| !m.paths.is_empty()) else {
        return Ok(None);
    };
    for (i, path) in mask.paths.iter().enumerate() {
        if path != "customer_id" && !PROFILE_PATHS.contains(&path.as_str()) {
            return Err(invalid_argument(
                &format!("read_mask.paths[{i}]"),
                format!("`{path}` is not a Profile field"),
            ));
        }
    }
    Ok(Some(mask.paths.clone()))
}

/// Clears every field of `p` the mask does not name (customer_id always stays).
pub fn apply_mask(p: &mut pb::Profile, paths: &[String]) {
    let keep = |name: &str| paths.iter().any(|p| p == name);
    if !keep("traits") {
        p.traits = None;
    }
    if !keep("trait_types") {
        p.trait_types.clear();
    }
    if !keep("identifiers") {
        p.identifiers.clear();
    }
    if !keep("event_counts") {
        p.event_counts.clear();
    }
    if !keep("consents") {
        p.consents.clear();
    }
    if !keep("first_seen_time") {
        p.first_seen_time = None;
    }
    if !keep("last_seen_time") {
        p.last_seen_time = None;
    }
    if !keep("purpose_consents") {
        p.purpose_consents.clear();
    }
    if !keep("globally_unsubscribed") {
        p.globally_unsubscribed = false;
    }
    if !keep("timezone") {
        p.timezone.clear();
    }
    if !keep("locale") {
        p.locale.clear();
    }
    if !keep("reachability") {
        p.reachability.clear();
    }
    if !keep("purchases") {
        p.purchases = None;
    }
    if !keep("last_store") {
        p.last_store = None;
    }
    if !keep("engagement") {
        p.engagement.clear();
    }
    if !keep("contact_preferences") {
        p.contact_preferences = None;
    }
}

/// Checks (and normalises) a value against a declared trait type; the error says why.
fn typed_value(name: &str, ty: Option<&str>, v: Value) -> Result<Value, String> {
    let v = match (ty, v) {
        (_, Value::Null) => return Err("must be set (use unset_traits to remove a trait)".into()),
        (None, v) => v,
        (Some("string"), v @ Value::String(_)) => v,
        (Some("number"), v @ Value::Number(_)) => v,
        (Some("integer"), Value::Number(n)) => {
            let x = n.as_f64().unwrap_or(f64::NAN);
            if x.fract() != 0.0 || x.abs() > 9_007_199_254_740_992.0 {
                return Err("must be a whole number within +/-2^53".into());
            }
            #[allow(clippy::cast_possible_truncation)]
            Value::from(x as i64)
        }
        (Some("boolean"), v @ Value::Bool(_)) => v,
        (Some("timestamp"), Value::String(s)) => {
            let t = chrono::DateTime::parse_from_rfc3339(s.trim())
                .map_err(|e| format!("must be an RFC 3339 date-time: {e}"))?;
            Value::String(
                t.with_timezone(&chrono::Utc)
                    .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
            )
        }
        (Some("date"), Value::String(s)) => {
            let d = chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
                .map_err(|e| format!("must be a date YYYY-MM-DD: {e}"))?;
            Value::String(d.format("%Y-%m-%d").to_string())
        }
        (Some("list"), v @ Value::Array(_)) => v,
        (Some("object"), v @ Value::Object(_)) => v,
        (Some(t), _) => return Err(format!("does not match its type `{t}`")),
    };
    match (name, &v) {
        ("timezone", Value::String(s)) => {
            chrono_tz::Tz::from_str(s)
                .map_err(|_| format!("`{s}` is not an IANA time zone (e.g. `Europe/Oslo`)"))?;
        }
        ("timezone", _) => return Err("must be a string naming an IANA time zone".into()),
        ("locale", Value::String(s)) => {
            let normal = normalise_locale(s)
                .ok_or_else(|| format!("`{s}` is not a BCP 47 locale (e.g. `nb-NO`)"))?;
            return Ok(Value::String(normal));
        }
        ("locale", _) => return Err("must be a string naming a BCP 47 locale".into()),
        _ => {}
    }
    Ok(v)
}

/// `nb_no` -> `nb-NO`: language (2-3 letters), optional script (4 letters) and region
/// (2 letters or 3 digits), `-` or `_` separated.
fn normalise_locale(s: &str) -> Option<String> {
    let parts: Vec<&str> = s.trim().split(['-', '_']).collect();
    let (lang, rest) = parts.split_first()?;
    if !(2..=3).contains(&lang.len()) || !lang.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut out = vec![lang.to_ascii_lowercase()];
    for p in rest {
        if p.len() == 4 && p.chars().all(|c| c.is_ascii_alphabetic()) {
            let mut c = p.chars();
            let first = c.next()?.to_ascii_uppercase();
            out.push(format!("{first}{}", c.as_str().to_ascii_lowercase()));
        } else if (p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()))
            || (p.len() == 3 && p.chars().all(|c| c.is_ascii_digit()))
        {
            out.push(p.to_ascii_uppercase());
        } else if (5..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()) {
            out.push(p.to_ascii_lowercase());
        } else {
            return None;
        }
    }
    Some(out.join("-"))
}

fn trait_name(field: &str, raw: &str) -> Result<String, Status> {
    let name = raw.trim();
    if name.is_empty() || name.chars().count() > MAX_KEY_LEN {
        return Err(invalid_argument(
            field,
            format!("must be 1 to {MAX_KEY_LEN} characters"),
        ));
    }
    if name.chars().any(char::is_control) {
        return Err(invalid_argument(
            field,
            "must not contain control characters",
        ));
    }
    Ok(name.to_owned())
}

/// Validates an Identify request into its target and change.
pub fn identify_from_proto(
    req: &pb::IdentifyRequest,
    rules: &Rules,
    now_ms: i64,
) -> Result<(Target, TraitChange), Status> {
    let customer = req.customer_id.trim();
    let target = match (customer.is_empty(), req.identifier.as_ref()) {
        (false, Some(_)) => {
            return Err(invalid_argument(
                "identifier",
                "must be empty when customer_id is set",
            ));
        }
        (false, None) => {
            if customer.len() > MAX_ID_LEN {
                return Err(invalid_argument(
                    "customer_id",
                    "is longer than 256 characters",
                ));
            }
            Target::Customer(omni_common::ids::CustomerId::new(customer))
        }
        (true, None) => {
            return Err(invalid_argument(
                "customer_id",
                "customer_id or identifier is required",
            ));
        }
        (true, Some(raw)) => {
            let kind = kind_from_proto(raw, rules)
                .map_err(|(field, why)| invalid_argument(&format!("identifier.{field}"), why))?;
            let rule = rules.rule(kind.as_str()).ok_or_else(|| {
                invalid_argument("identifier.custom_type", "is not a type known to the rules")
            })?;
            let value = rule
                .normalization
                .apply(&raw.value, rules.default_phone_region.as_deref())
                .map_err(|why| invalid_argument("identifier.value", why))?;
            Target::Identifier(Identifier { kind, value })
        }
    };
    if req.traits.is_empty() && req.unset_traits.is_empty() {
        return Err(invalid_argument(
            "traits",
            "set at least one trait or unset one",
        ));
    }
    if req.traits.len() > MAX_KEYS {
        return Err(invalid_argument(
            "traits",
            format!("at most {MAX_KEYS} traits are allowed"),
        ));
    }
    if req.unset_traits.len() > MAX_KEYS {
        return Err(invalid_argument(
            "unset_traits",
            format!("at most {MAX_KEYS} names are allowed"),
        ));
    }
    let mut set: Vec<TraitSet> = Vec::with_capacity(req.traits.len());
    for (i, t) in req.traits.iter().enumerate() {
        let name = trait_name(&format!("traits[{i}].name"), &t.name)?;
        if set.iter().any(|s| s.name == name) {
            return Err(invalid_argument(
                &format!("traits[{i}].name"),
                format!("`{name}` is set twice"),
            ));
        }
        let ty = pb::TraitType::try_from(t.r#type)
            .map_err(|_| invalid_argument(&format!("traits[{i}].type"), "is unknown"))?;
        let ty = trait_type_name(ty);
        let value = t.value.as_ref().map_or(Value::Null, value_to_json);
        let value = typed_value(&name, ty, value)
            .map_err(|why| invalid_argument(&format!("traits[{i}].value"), why))?;
        set.push(TraitSet {
            name,
            ty: ty.map(str::to_owned),
            value,
        });
    }
    let mut unset: Vec<String> = Vec::with_capacity(req.unset_traits.len());
    for (i, raw) in req.unset_traits.iter().enumerate() {
        let name = trait_name(&format!("unset_traits[{i}]"), raw)?;
        if set.iter().any(|s| s.name == name) {
            return Err(invalid_argument(
                &format!("unset_traits[{i}]"),
                format!("`{name}` is also in traits"),
            ));
        }
        if !unset.contains(&name) {
            unset.push(name);
        }
    }
    let as_map: Map<String, Value> = set
        .iter()
        .map(|s| (s.name.clone(), s.value.clone()))
        .collect();
    check_map(&as_map, MAX_TRAITS_BYTES, "traits")?;
    let time_ms = req.time.as_ref().map_or(now_ms, from_timestamp);
    Ok((
        target,
        TraitChange {
            set,
            unset,
            time_ms,
        },
    ))
}

/// A trait set by Identify, back to proto.
pub fn trait_set_to_proto(t: &TraitSet) -> pb::TypedTrait {
    let ty = t.ty.as_deref().unwrap_or_else(|| inferred_type(&t.value));
    pb::TypedTrait {
        name: t.name.clone(),
        r#type: trait_type_from_name(ty) as i32,
        value: Some(omni_common::convert::json_to_value(&t.value)),
    }
}

/// The stored state name of a proto suggestion state (unspecified: open).
pub fn state_name(v: i32) -> Option<&'static str> {
    use pb::SuggestionState as S;
    Some(match S::try_from(v).ok()? {
        S::Unspecified | S::Open => OPEN,
        S::Accepted => ACCEPTED,
        S::Rejected => REJECTED,
    })
}

/// A stored suggestion to proto.
pub fn suggestion_to_proto(s: SuggestionRecord) -> pb::MatchSuggestion {
    use pb::SuggestionState as S;
    let signals: Vec<Signal> = serde_json::from_str(&s.signals).unwrap_or_default();
    pb::MatchSuggestion {
        suggestion_id: s.suggestion_id,
        customer_id: s.customer_a.into_inner(),
        other_customer_id: s.customer_b.into_inner(),
        #[allow(clippy::cast_precision_loss)]
        score: s.score_bp as f64 / 10_000.0,
        signals: signals
            .into_iter()
            .map(|g| pb::MatchSignal {
                kind: g.kind,
                similarity: g.similarity,
                detail: g.detail,
            })
            .collect(),
        state: match s.state.as_str() {
            ACCEPTED => S::Accepted,
            REJECTED => S::Rejected,
            _ => S::Open,
        } as i32,
        create_time: Some(to_timestamp(s.create_ms)),
        update_time: Some(to_timestamp(s.update_ms)),
        merge_id: s.merge_id,
        decided_by: s.decided_by,
        reason: s.reason,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn typed_values_are_checked_and_normalised() {
        assert_eq!(
            typed_value(
                "seen",
                Some("timestamp"),
                json!("2024-05-01T12:00:00+02:00")
            ),
            Ok(json!("2024-05-01T10:00:00Z"))
        );
        assert!(typed_value("n", Some("integer"), json!(1.5)).is_err());
        assert_eq!(typed_value("n", Some("integer"), json!(3.0)), Ok(json!(3)));
        assert!(typed_value("d", Some("date"), json!("2024-13-01")).is_err());
        assert!(typed_value("b", Some("boolean"), json!("yes")).is_err());
        assert!(typed_value("timezone", None, json!("Mars/Olympus")).is_err());
        assert!(typed_value("timezone", None, json!("Europe/Oslo")).is_ok());
        assert_eq!(
            typed_value("locale", Some("string"), json!("nb_no")),
            Ok(json!("nb-NO"))
        );
        assert!(typed_value("locale", None, json!("not a locale")).is_err());
        assert!(typed_value("x", None, Value::Null).is_err());
    }
}
