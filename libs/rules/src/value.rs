//! Conversions from JSON and domain values to CEL values.

use std::collections::HashMap;
use std::sync::Arc;

use cel::Value;
use cel::objects::{Key, Map};
use chrono::{DateTime, TimeZone, Utc};

/// JSON to a CEL value: objects become maps, arrays lists, integers `int` (or `uint`
/// above `i64::MAX`), other numbers `double`, and strings, booleans and null map to
/// themselves.
pub fn from_json(v: &serde_json::Value) -> Value {
    match v {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                Value::Int(i)
            } else if let Some(u) = n.as_u64() {
                Value::UInt(u)
            } else {
                Value::Float(n.as_f64().unwrap_or(f64::NAN))
            }
        }
        serde_json::Value::String(s) => Value::String(Arc::new(s.clone())),
        serde_json::Value::Array(items) => {
            Value::List(Arc::new(items.iter().map(from_json).collect()))
        }
        serde_json::Value::Object(m) => from_json_map(m),
    }
}

/// A JSON object to a CEL map with string keys.
pub fn from_json_map(m: &serde_json::Map<String, serde_json::Value>) -> Value {
    let map: HashMap<Key, Value> = m
        .iter()
        .map(|(k, v)| (Key::String(Arc::new(k.clone())), from_json(v)))
        .collect();
    Value::Map(Map { map: Arc::new(map) })
}

/// Named integer counters (e.g. event type to count) to a CEL map of `int`.
pub fn counts<'a>(entries: impl IntoIterator<Item = (&'a String, &'a i64)>) -> Value {
    let map: HashMap<Key, Value> = entries
        .into_iter()
        .map(|(k, v)| (Key::String(Arc::new(k.clone())), Value::Int(*v)))
        .collect();
    Value::Map(Map { map: Arc::new(map) })
}

/// Strings to a CEL list of strings.
pub fn string_list(items: impl IntoIterator<Item = String>) -> Value {
    Value::List(Arc::new(
        items
            .into_iter()
            .map(|s| Value::String(Arc::new(s)))
            .collect(),
    ))
}

/// A UTC time to a CEL `timestamp`.
pub fn timestamp(t: DateTime<Utc>) -> Value {
    Value::Timestamp(t.fixed_offset())
}

/// Unix milliseconds to a CEL `timestamp` (the epoch when out of range).
pub fn timestamp_ms(ms: i64) -> Value {
    timestamp(Utc.timestamp_millis_opt(ms).single().unwrap_or_default())
}

/// The CEL type name of a value, e.g. `int`, `map`.
pub fn type_name(v: &Value) -> &'static str {
    match v {
        Value::List(_) => "list",
        Value::Map(_) => "map",
        Value::Function(..) => "function",
        Value::Int(_) => "int",
        Value::UInt(_) => "uint",
        Value::Float(_) => "double",
        Value::String(_) => "string",
        Value::Bytes(_) => "bytes",
        Value::Bool(_) => "bool",
        Value::Duration(_) => "duration",
        Value::Timestamp(_) => "timestamp",
        Value::Opaque(_) => "opaque",
        Value::Struct(_) => "struct",
        Value::Null => "null",
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn json_numbers_become_int_or_double() {
        assert_eq!(from_json(&json!(3)), Value::Int(3));
        assert_eq!(from_json(&json!(2.5)), Value::Float(2.5));
        assert_eq!(from_json(&json!(u64::MAX)), Value::UInt(u64::MAX));
    }

    #[test]
    fn json_structures_convert_recursively() {
        let v = from_json(&json!({"a": [1, "x", null, true], "b": {"c": 1.5}}));
        let Value::Map(m) = v else {
            panic!("not a map")
        };
        assert_eq!(m.map.len(), 2);
        let Some(Value::List(l)) = m.map.get(&Key::String(Arc::new("a".into()))) else {
            panic!("a is not a list")
        };
        assert_eq!(
            l.as_slice(),
            [
                Value::Int(1),
                Value::String(Arc::new("x".into())),
                Value::Null,
                Value::Bool(true)
            ]
        );
    }

    #[test]
    fn timestamps_keep_milliseconds() {
        let Value::Timestamp(t) = timestamp_ms(1_700_000_000_123) else {
            panic!()
        };
        assert_eq!(t.timestamp_millis(), 1_700_000_000_123);
    }
}
