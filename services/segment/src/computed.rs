//! Computed traits: aggregations over a customer's events in a sliding window.
//!
//! The state of one trait for one customer is a set of time buckets (see
//! [`crate::state`] for how they are kept in Redis). A windowed trait uses buckets of
//! [`ComputedTrait::bucket_ms`] (a sixtieth of the window, at least a minute); an
//! all-time trait one bucket. A bucket counts while its end is inside the window, so
//! an event is counted for at least the window and at most one bucket longer. This
//! module is pure: folding buckets into a value and finding when it next changes.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

omni_common::id_type!(
    /// A computed trait, e.g. `ct_0190...`.
    ComputedTraitId,
    "ct"
);

/// The variables a computed trait's filter may use: the event's `properties` (map)
/// and `event_type` (string).
pub const FILTER_VARIABLES: &[&str] = &["properties", "event_type"];

/// Longest window: 400 days.
pub const MAX_WINDOW_MS: i64 = 400 * 24 * 3_600_000;

/// Smallest bucket: one minute.
pub const MIN_BUCKET_MS: i64 = 60_000;

/// How the matching events of a window are aggregated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Aggregation {
    /// Number of events.
    Count,
    /// Sum of a numeric property.
    Sum,
    /// Mean of a numeric property.
    Avg,
    /// Smallest numeric property.
    Min,
    /// Largest numeric property.
    Max,
    /// Property of the earliest event.
    First,
    /// Property of the latest event.
    Last,
    /// Number of distinct property values.
    DistinctCount,
    /// Whether any event matched.
    Exists,
}

impl Aggregation {
    /// The stored name, e.g. `distinct_count`.
    pub fn as_str(self) -> &'static str {
        match self {
            Aggregation::Count => "count",
            Aggregation::Sum => "sum",
            Aggregation::Avg => "avg",
            Aggregation::Min => "min",
            Aggregation::Max => "max",
            Aggregation::First => "first",
            Aggregation::Last => "last",
            Aggregation::DistinctCount => "distinct_count",
            Aggregation::Exists => "exists",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "count" => Aggregation::Count,
            "sum" => Aggregation::Sum,
            "avg" => Aggregation::Avg,
            "min" => Aggregation::Min,
            "max" => Aggregation::Max,
            "first" => Aggregation::First,
            "last" => Aggregation::Last,
            "distinct_count" => Aggregation::DistinctCount,
            "exists" => Aggregation::Exists,
            _ => return None,
        })
    }

    /// Whether the aggregation reads an event property.
    pub fn needs_property(self) -> bool {
        !matches!(self, Aggregation::Count | Aggregation::Exists)
    }

    /// Whether the property must be a number (events without one are skipped).
    pub fn numeric(self) -> bool {
        matches!(
            self,
            Aggregation::Sum | Aggregation::Avg | Aggregation::Min | Aggregation::Max
        )
    }

    /// The bucket fields the aggregation keeps, as the op letters of the update script:
    /// `n` numeric count/sum/min/max, `f` first, `l` last, `d` distinct values.
    pub fn ops(self) -> &'static str {
        match self {
            Aggregation::Count | Aggregation::Exists => "",
            Aggregation::Sum | Aggregation::Avg | Aggregation::Min | Aggregation::Max => "n",
            Aggregation::First => "f",
            Aggregation::Last => "l",
            Aggregation::DistinctCount => "d",
        }
    }
}

/// A stored computed trait definition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComputedTrait {
    /// Server-assigned id.
    pub id: ComputedTraitId,
    /// Name used as `computed.<name>`.
    pub name: String,
    /// The aggregation.
    pub aggregation: Aggregation,
    /// Only events of this type count; `None` counts every type.
    pub event_type: Option<String>,
    /// Dotted property path, for aggregations that read one.
    pub property: Option<String>,
    /// CEL filter over [`FILTER_VARIABLES`].
    pub filter: Option<String>,
    /// Sliding window in milliseconds; 0 means all time.
    pub window_ms: i64,
    /// Creation time, unix milliseconds.
    pub create_ms: i64,
}

/// What a caller supplies to define a computed trait.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewComputedTrait {
    /// See [`ComputedTrait::name`].
    pub name: String,
    /// See [`ComputedTrait::aggregation`].
    pub aggregation: Aggregation,
    /// See [`ComputedTrait::event_type`].
    pub event_type: Option<String>,
    /// See [`ComputedTrait::property`].
    pub property: Option<String>,
    /// See [`ComputedTrait::filter`].
    pub filter: Option<String>,
    /// See [`ComputedTrait::window_ms`].
    pub window_ms: i64,
}

/// Whether `name` is a valid computed trait name: a lower-case letter, then lower-case
/// letters, digits or `_`, at most 64 characters.
pub fn valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    name.len() <= 64
        && chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

impl ComputedTrait {
    /// Width of one state bucket: the whole time line for all-time traits, otherwise a
    /// sixtieth of the window rounded down to whole minutes, at least one minute.
    pub fn bucket_ms(&self) -> i64 {
        if self.window_ms == 0 {
            return i64::MAX;
        }
        let width = self.window_ms / 60;
        (width - width % MIN_BUCKET_MS).max(MIN_BUCKET_MS)
    }

    /// Start of the bucket holding an event at `time_ms` (0 for all-time traits).
    pub fn bucket_of(&self, time_ms: i64) -> i64 {
        if self.window_ms == 0 {
            0
        } else {
            time_ms - time_ms.rem_euclid(self.bucket_ms())
        }
    }

    /// Whether the bucket starting at `start` still counts at `now_ms`.
    pub fn live(&self, start: i64, now_ms: i64) -> bool {
        self.window_ms == 0 || start + self.bucket_ms() > now_ms - self.window_ms
    }

    /// Buckets starting before this can never count again at or after `now_ms`.
    pub fn prune_before(&self, now_ms: i64) -> Option<i64> {
        (self.window_ms != 0).then(|| now_ms - self.window_ms - self.bucket_ms())
    }

    /// The property value of `properties` at the dotted [`ComputedTrait::property`].
    pub fn property_of<'a>(
        &self,
        properties: &'a serde_json::Map<String, Value>,
    ) -> Option<&'a Value> {
        let path = self.property.as_deref()?;
        let mut parts = path.split('.');
        let mut current = properties.get(parts.next()?)?;
        for part in parts {
            current = current.as_object()?.get(part)?;
        }
        (!current.is_null()).then_some(current)
    }
}

/// The aggregated state of one bucket, as read back from Redis.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Bucket {
    /// Matching events.
    pub count: i64,
    /// Events with a numeric property.
    pub numeric: i64,
    /// Sum of the numeric properties.
    pub sum: f64,
    /// Smallest numeric property.
    pub min: Option<f64>,
    /// Largest numeric property.
    pub max: Option<f64>,
    /// Earliest event's time and property.
    pub first: Option<(i64, Value)>,
    /// Latest event's time and property.
    pub last: Option<(i64, Value)>,
    /// Distinct property values (as JSON text).
    pub distinct: BTreeSet<String>,
}

/// One trait's value at a moment, and when it will next change without any event.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluated {
    /// The value; `None` when the aggregation has none (e.g. `avg` of no events).
    pub value: Option<Value>,
    /// When the oldest counted bucket leaves the window (unix ms), if any does.
    pub next_change_ms: Option<i64>,
}

impl ComputedTrait {
    /// Folds the buckets still in the window at `now_ms` into the trait's value.
    pub fn evaluate(&self, buckets: &BTreeMap<i64, Bucket>, now_ms: i64) -> Evaluated {
        let live: Vec<(&i64, &Bucket)> = buckets
            .iter()
            .filter(|(start, _)| self.live(**start, now_ms))
            .collect();
        let next_change_ms = if self.window_ms == 0 {
            None
        } else {
            live.iter()
                .map(|(start, _)| **start + self.bucket_ms() + self.window_ms)
                .min()
        };
        let count: i64 = live.iter().map(|(_, b)| b.count).sum();
        let numeric: i64 = live.iter().map(|(_, b)| b.numeric).sum();
        let sum: f64 = live.iter().map(|(_, b)| b.sum).sum();
        let value = match self.aggregation {
            Aggregation::Count => Some(Value::from(count)),
            Aggregation::Exists => Some(Value::Bool(count > 0)),
            Aggregation::Sum => number(sum),
            Aggregation::Avg => (numeric > 0)
                .then(|| number(sum / numeric as f64))
                .flatten(),
            Aggregation::Min => live
                .iter()
                .filter_map(|(_, b)| b.min)
                .reduce(f64::min)
                .and_then(number),
            Aggregation::Max => live
                .iter()
                .filter_map(|(_, b)| b.max)
                .reduce(f64::max)
                .and_then(number),
            Aggregation::First => live
                .iter()
                .filter_map(|(_, b)| b.first.as_ref())
                .min_by_key(|(t, _)| *t)
                .map(|(_, v)| v.clone()),
            Aggregation::Last => live
                .iter()
                .filter_map(|(_, b)| b.last.as_ref())
                .max_by_key(|(t, _)| *t)
                .map(|(_, v)| v.clone()),
            Aggregation::DistinctCount => {
                let all: BTreeSet<&String> = live.iter().flat_map(|(_, b)| &b.distinct).collect();
                Some(Value::from(all.len()))
            }
        };
        Evaluated {
            value,
            next_change_ms,
        }
    }
}

fn number(x: f64) -> Option<Value> {
    serde_json::Number::from_f64(x).map(Value::Number)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    const DAY: i64 = 24 * 3_600_000;

    fn def(aggregation: Aggregation, window_ms: i64) -> ComputedTrait {
        ComputedTrait {
            id: ComputedTraitId::new("ct_1"),
            name: "t".into(),
            aggregation,
            event_type: Some("purchase".into()),
            property: Some("order.amount".into()),
            filter: None,
            window_ms,
            create_ms: 0,
        }
    }

    fn bucket(count: i64, values: &[f64], t: i64) -> Bucket {
        Bucket {
            count,
            numeric: values.len() as i64,
            sum: values.iter().sum(),
            min: values.iter().copied().reduce(f64::min),
            max: values.iter().copied().reduce(f64::max),
            first: values.first().map(|v| (t, json!(v))),
            last: values.last().map(|v| (t + 1, json!(v))),
            distinct: values.iter().map(|v| v.to_string()).collect(),
        }
    }

    #[test]
    fn names_are_lower_snake_case() {
        assert!(valid_name("purchases_30d"));
        assert!(!valid_name("30d"));
        assert!(!valid_name("Purchases"));
        assert!(!valid_name("a-b"));
        assert!(!valid_name(""));
        assert!(!valid_name(&"a".repeat(65)));
    }

    #[test]
    fn buckets_are_a_sixtieth_of_the_window_in_whole_minutes() {
        assert_eq!(
            def(Aggregation::Count, 30 * DAY).bucket_ms(),
            12 * 3_600_000
        );
        assert_eq!(def(Aggregation::Count, 10 * 60_000).bucket_ms(), 60_000);
        assert_eq!(def(Aggregation::Count, 0).bucket_of(123_456), 0);
        let d = def(Aggregation::Count, 30 * DAY);
        assert_eq!(d.bucket_of(13 * 3_600_000 + 5), 12 * 3_600_000);
    }

    #[test]
    fn a_windowed_count_expires_and_says_when() {
        let d = def(Aggregation::Count, 30 * DAY);
        let mut buckets = BTreeMap::new();
        buckets.insert(d.bucket_of(DAY), bucket(2, &[], DAY));
        let at = |now| d.evaluate(&buckets, now);
        assert_eq!(at(2 * DAY).value, Some(json!(2)));
        let expiry = at(2 * DAY).next_change_ms.unwrap();
        assert!(
            expiry >= 31 * DAY && expiry <= 31 * DAY + d.bucket_ms(),
            "{expiry}"
        );
        assert_eq!(at(expiry - 1).value, Some(json!(2)));
        assert_eq!(at(expiry).value, Some(json!(0)));
        assert_eq!(at(expiry).next_change_ms, None);
    }

    #[test]
    fn every_aggregation_folds_live_buckets() {
        let mut buckets = BTreeMap::new();
        buckets.insert(0, bucket(2, &[5.0, 1.0], 10));
        buckets.insert(60_000, bucket(3, &[4.0, 5.0], 70_000));
        let v = |a| def(a, 0).evaluate(&buckets, 100_000).value;
        assert_eq!(v(Aggregation::Count), Some(json!(5)));
        assert_eq!(v(Aggregation::Exists), Some(json!(true)));
        assert_eq!(v(Aggregation::Sum), Some(json!(15.0)));
        assert_eq!(v(Aggregation::Avg), Some(json!(3.75)));
        assert_eq!(v(Aggregation::Min), Some(json!(1.0)));
        assert_eq!(v(Aggregation::Max), Some(json!(5.0)));
        assert_eq!(v(Aggregation::First), Some(json!(5.0)));
        assert_eq!(v(Aggregation::Last), Some(json!(5.0)));
        assert_eq!(v(Aggregation::DistinctCount), Some(json!(3)));
        let empty = BTreeMap::new();
        let e = |a| def(a, 0).evaluate(&empty, 0).value;
        assert_eq!(e(Aggregation::Count), Some(json!(0)));
        assert_eq!(e(Aggregation::Exists), Some(json!(false)));
        assert_eq!(e(Aggregation::Sum), Some(json!(0.0)));
        assert_eq!(e(Aggregation::Avg), None);
        assert_eq!(e(Aggregation::Last), None);
    }

    #[test]
    fn property_paths_are_dotted() {
        let d = def(Aggregation::Sum, 0);
        let props = json!({"order": {"amount": 12.5}, "x": null});
        let props = props.as_object().unwrap();
        assert_eq!(d.property_of(props), Some(&json!(12.5)));
        let mut other = d.clone();
        other.property = Some("x".into());
        assert_eq!(other.property_of(props), None);
        other.property = Some("order.missing".into());
        assert_eq!(other.property_of(props), None);
    }
}
