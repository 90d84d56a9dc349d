//! What an event adds to the activity part of a profile (purchase summary, last store,
//! engagement, push tokens), and trait types. See docs/identity.md, "Profile".

use omni_profile_store::{ActivityUpdate, Purchase, PushTokenChange};
use serde_json::{Map, Value};

use crate::event::TrackedEvent;

/// Event types counted as purchases.
pub const PURCHASE_TYPES: [&str; 2] = ["purchase", "order_completed"];
/// Event type of an opened message.
pub const OPENED: &str = "message.opened";
/// Event type of a clicked message.
pub const CLICKED: &str = "message.clicked";
/// Event type registering a push token.
pub const TOKEN_REGISTERED: &str = "push_token.registered";
/// Event type removing a push token.
pub const TOKEN_REMOVED: &str = "push_token.removed";
/// Most product ids taken from one event.
const MAX_PRODUCTS_PER_EVENT: usize = 100;
/// Channel names engagement is kept for.
const CHANNELS: [&str; 4] = ["email", "push", "sms", "store"];

/// The activity an event adds. Every trait the event sets loses its declared type
/// (event traits are typed by their value).
pub fn activity_of(event: &TrackedEvent) -> ActivityUpdate {
    let props = &event.properties;
    let t = event.time_ms;
    let mut u = ActivityUpdate {
        trait_types: event.traits.keys().map(|k| (k.clone(), None)).collect(),
        ..ActivityUpdate::default()
    };
    let kind = event.event_type.as_str();
    if PURCHASE_TYPES.contains(&kind) {
        u.purchase = Some(Purchase {
            revenue_micros: revenue_micros(props),
            time_ms: t,
            product_ids: product_ids(props),
        });
    }
    if let Some(store) = text(props.get("store_id")) {
        u.store_visit = Some((store, t));
    }
    if kind == OPENED || kind == CLICKED {
        let channel = text(props.get("channel"))
            .map(|c| c.to_ascii_lowercase())
            .filter(|c| CHANNELS.contains(&c.as_str()));
        if let Some(channel) = channel {
            if kind == OPENED {
                u.open = Some((channel, t));
            } else {
                u.click = Some((channel, t));
            }
        }
    }
    if (kind == TOKEN_REGISTERED || kind == TOKEN_REMOVED)
        && let Some(token) = text(props.get("token"))
    {
        let app = text(props.get("app_id")).unwrap_or_default();
        let platform = text(props.get("platform"))
            .map(|p| p.to_ascii_lowercase())
            .unwrap_or_default();
        u.push_tokens.push(PushTokenChange {
            key: (app, platform, token),
            registered: kind == TOKEN_REGISTERED,
            time_ms: t,
        });
    }
    u
}

/// A non-empty string (or a number, written out) from a JSON value.
fn text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A number from a JSON number or numeric string.
fn number(v: Option<&Value>) -> Option<f64> {
    match v? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
    .filter(|x: &f64| x.is_finite())
}

/// `revenue`, else `total`, else `value`, in millionths (0 when none).
fn revenue_micros(props: &Map<String, Value>) -> i64 {
    let x = ["revenue", "total", "value"]
        .iter()
        .find_map(|k| number(props.get(*k)))
        .unwrap_or(0.0);
    // Bounded to what fits an i64 of micro-units.
    let micros = (x * 1_000_000.0).round();
    if micros.abs() > 9.0e15 {
        return 0;
    }
    #[allow(clippy::cast_possible_truncation)]
    let micros = micros as i64;
    micros
}

/// `product_id` and `products[].product_id` (or `products[].id`), de-duplicated.
fn product_ids(props: &Map<String, Value>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |id: Option<String>| {
        if let Some(id) = id
            && id.chars().count() <= 256
            && !out.contains(&id)
            && out.len() < MAX_PRODUCTS_PER_EVENT
        {
            out.push(id);
        }
    };
    push(text(props.get("product_id")));
    if let Some(Value::Array(items)) = props.get("products") {
        for item in items {
            if let Value::Object(o) = item {
                push(text(o.get("product_id")).or_else(|| text(o.get("id"))));
            }
        }
    }
    out
}

/// The name of a trait type as stored (`string`, `number`, `integer`, `boolean`,
/// `timestamp`, `date`, `list`, `object`), inferred from a JSON value.
pub fn inferred_type(v: &Value) -> &'static str {
    match v {
        Value::String(_) | Value::Null => "string",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::Bool(_) => "boolean",
        Value::Array(_) => "list",
        Value::Object(_) => "object",
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn ev(kind: &str, props: Value) -> TrackedEvent {
        TrackedEvent {
            event_id: "e".into(),
            event_type: kind.into(),
            time_ms: 42,
            identifiers: Vec::new(),
            properties: props.as_object().cloned().unwrap_or_default(),
            traits: Map::new(),
            source: "web".into(),
            blocked_identifiers: Vec::new(),
        }
    }

    #[test]
    fn purchases_stores_engagement_and_tokens_are_read_from_events() {
        let u = activity_of(&ev(
            "order_completed",
            json!({"total": "19.99", "product_id": "p1",
                   "products": [{"product_id": "p2"}, {"id": 3}, {"product_id": "p1"}],
                   "store_id": "oslo-1"}),
        ));
        let p = u.purchase.expect("purchase");
        assert_eq!(p.revenue_micros, 19_990_000);
        assert_eq!(p.product_ids, vec!["p1", "p2", "3"]);
        assert_eq!(u.store_visit, Some(("oslo-1".into(), 42)));

        let u = activity_of(&ev("message.clicked", json!({"channel": "SMS"})));
        assert_eq!(u.click, Some(("sms".into(), 42)));
        assert_eq!(
            activity_of(&ev("message.opened", json!({"channel": "fax"}))).open,
            None
        );
        let u = activity_of(&ev(
            "push_token.removed",
            json!({"token": "t1", "app_id": "shop", "platform": "iOS"}),
        ));
        assert_eq!(
            u.push_tokens[0].key,
            ("shop".into(), "ios".into(), "t1".into())
        );
        assert!(!u.push_tokens[0].registered);
        assert_eq!(
            activity_of(&ev("view", json!({"revenue": 5}))).purchase,
            None
        );
    }
}
