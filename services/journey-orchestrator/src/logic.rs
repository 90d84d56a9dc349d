//! The pure parts of running a journey, shared by the runner and the simulator:
//! CEL evaluation (compiled once per expression), condition branches, weighted splits,
//! local-time waits, event criteria and webhook signatures.

use std::collections::HashMap;
use std::sync::Mutex;

use chrono::{Datelike, Duration as ChronoDuration, NaiveTime, TimeZone, Utc};
use omni_rules::{Evaluator, Expression, value};
use serde_json::{Map, Value as Json};

use crate::model::{Arm, Branch, Criterion};
use crate::validate::{CONDITION_VARS, CRITERION_VARS, ENTRY_VARS};

/// What a condition sees of a customer.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Bindings {
    /// Profile traits.
    pub traits: Map<String, Json>,
    /// Computed traits.
    pub computed: Map<String, Json>,
    /// Segment ids the customer is in.
    pub segments: Vec<String>,
}

/// Compiled expressions (by variable set and source) and one evaluator.
#[derive(Debug, Default)]
pub struct Rules {
    evaluator: Evaluator,
    compiled: Mutex<HashMap<(&'static str, String), Expression>>,
}

/// Most expressions kept compiled.
const MAX_COMPILED: usize = 10_000;

impl Rules {
    fn compile(
        &self,
        kind: &'static str,
        vars: &[&str],
        source: &str,
    ) -> Result<Expression, String> {
        let key = (kind, source.to_owned());
        if let Some(e) = self.compiled.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return Ok(e);
        }
        let expr = Expression::compile(source, vars).map_err(|e| format!("invalid CEL: {e}"))?;
        if let Ok(mut m) = self.compiled.lock() {
            if m.len() >= MAX_COMPILED {
                m.clear();
            }
            m.insert(key, expr.clone());
        }
        Ok(expr)
    }

    /// Evaluates an entry filter over `event` and `traits` (empty: true).
    pub fn entry_filter(
        &self,
        source: &str,
        event: &Map<String, Json>,
        traits: &Map<String, Json>,
    ) -> Result<bool, String> {
        if source.trim().is_empty() {
            return Ok(true);
        }
        let expr = self.compile("entry", ENTRY_VARS, source)?;
        self.evaluator
            .eval_bool(
                &expr,
                &[
                    ("event", value::from_json_map(event)),
                    ("traits", value::from_json_map(traits)),
                ],
            )
            .map_err(|e| e.to_string())
    }

    /// Whether an event (`{event_id, type, properties}`) meets `criterion` for a run
    /// with `context`.
    pub fn matches(
        &self,
        criterion: &Criterion,
        event: &Map<String, Json>,
        context: &Map<String, Json>,
    ) -> Result<bool, String> {
        if event.get("type").and_then(Json::as_str) != Some(criterion.event_type.as_str()) {
            return Ok(false);
        }
        if criterion.filter.trim().is_empty() {
            return Ok(true);
        }
        let expr = self.compile("criterion", CRITERION_VARS, &criterion.filter)?;
        self.evaluator
            .eval_bool(
                &expr,
                &[
                    ("event", value::from_json_map(event)),
                    ("context", value::from_json_map(context)),
                ],
            )
            .map_err(|e| e.to_string())
    }
}

/// The first branch whose expression is true, else the default: `(branch name, next
/// node)`; the default branch is named `default`. An evaluation error is returned (the
/// run fails with it: a condition that cannot be decided must not guess).
pub fn choose_branch(
    rules: &Rules,
    branches: &[Branch],
    default_next: &str,
    bindings: &Bindings,
    context: &Map<String, Json>,
    now_ms: i64,
) -> Result<(String, String), String> {
    if branches.is_empty() {
        return Ok(("default".into(), default_next.to_owned()));
    }
    let scope = rules
        .evaluator
        .scope(&[
            ("traits", value::from_json_map(&bindings.traits)),
            ("computed", value::from_json_map(&bindings.computed)),
            (
                "segments",
                value::string_list(bindings.segments.iter().cloned()),
            ),
            ("context", value::from_json_map(context)),
            ("now", value::timestamp_ms(now_ms)),
        ])
        .map_err(|e| e.to_string())?;
    for b in branches {
        let expr = rules.compile("condition", CONDITION_VARS, &b.expression)?;
        if scope
            .eval_bool(&expr)
            .map_err(|e| format!("branch `{}`: {e}", b.name))?
        {
            return Ok((b.name.clone(), b.next_node_id.clone()));
        }
    }
    Ok(("default".into(), default_next.to_owned()))
}

/// The arm of a random split for `key` (`<workspace>/<journey>/<customer>/<node>`):
/// the first 8 bytes of SHA-256(key) as a big-endian integer, modulo the total weight,
/// picks the arm whose cumulative weight range holds it. Deterministic, so a retried
/// step, a replica and a simulation all pick the same arm.
pub fn weighted_arm<'a>(key: &str, arms: &'a [Arm]) -> Option<&'a Arm> {
    let total: u64 = arms.iter().map(|a| u64::from(a.weight)).sum();
    if total == 0 {
        return None;
    }
    let digest = ring::digest::digest(&ring::digest::SHA256, key.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest.as_ref()[..8]);
    let mut point = u64::from_be_bytes(first) % total;
    for arm in arms {
        let w = u64::from(arm.weight);
        if point < w {
            return Some(arm);
        }
        point -= w;
    }
    None
}

/// The first instant after `now_ms` at `hour:minute` local time in time zone `tz` (an
/// IANA name; UTC when unknown) on one of `weekdays` (ISO 1-7; empty: any day). A
/// local time skipped by a DST change moves to the first valid instant after it.
pub fn next_local_time(now_ms: i64, tz: &str, hour: u32, minute: u32, weekdays: &[u32]) -> i64 {
    let zone: chrono_tz::Tz = tz.parse().unwrap_or(chrono_tz::UTC);
    let Some(now) = Utc.timestamp_millis_opt(now_ms).single() else {
        return now_ms;
    };
    let local_today = now.with_timezone(&zone).date_naive();
    let Some(at) = NaiveTime::from_hms_opt(hour.min(23), minute.min(59), 0) else {
        return now_ms;
    };
    for day in 0..=8 {
        let date = local_today + ChronoDuration::days(day);
        if !weekdays.is_empty() && !weekdays.contains(&date.weekday().number_from_monday()) {
            continue;
        }
        let Some(ms) = local_instant(date.and_time(at), zone) else {
            continue;
        };
        if ms > now_ms {
            return ms;
        }
    }
    now_ms
}

/// The instant (unix ms) of local time `naive` in `zone`: the earlier one when the
/// time is ambiguous (DST ends), one hour later when it was skipped (DST starts).
pub fn local_instant(naive: chrono::NaiveDateTime, zone: chrono_tz::Tz) -> Option<i64> {
    let instant = match zone.from_local_datetime(&naive) {
        chrono::LocalResult::Single(t) | chrono::LocalResult::Ambiguous(t, _) => t,
        chrono::LocalResult::None => {
            match zone.from_local_datetime(&(naive + ChronoDuration::hours(1))) {
                chrono::LocalResult::Single(t) | chrono::LocalResult::Ambiguous(t, _) => t,
                chrono::LocalResult::None => return None,
            }
        }
    };
    Some(instant.timestamp_millis())
}

/// `sha256=<hex HMAC-SHA256(secret, body)>`, the webhook signature header value.
pub fn sign(secret: &str, body: &[u8]) -> String {
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, secret.as_bytes());
    format!(
        "sha256={}",
        hex::encode(ring::hmac::sign(&key, body).as_ref())
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn local_time_waits_follow_the_customer_zone_and_weekdays() {
        // 2023-11-14T22:13:20Z is a Tuesday; in Seoul (UTC+9) it is Wed 07:13.
        let now = 1_700_000_000_000;
        let next = next_local_time(now, "Asia/Seoul", 9, 0, &[]);
        // Wed 09:00 KST = Wed 00:00 UTC.
        assert_eq!(next, 1_700_006_400_000);
        // Only on Mondays: Mon 2023-11-20 09:00 KST.
        let next = next_local_time(now, "Asia/Seoul", 9, 0, &[1]);
        assert_eq!(next, 1_700_006_400_000 + 5 * 86_400_000);
        // Unknown zones fall back to UTC: next 23:00 UTC is the same day.
        let next = next_local_time(now, "Mars/Olympus", 23, 0, &[]);
        assert_eq!(next, 1_700_002_800_000);
        // A time already passed today moves to tomorrow.
        let next = next_local_time(now, "UTC", 8, 0, &[]);
        assert_eq!(next, 1_700_035_200_000);
    }

    #[test]
    fn splits_are_deterministic_and_follow_weights() {
        let arms = vec![
            Arm {
                name: "a".into(),
                weight: 3,
                next_node_id: "x".into(),
            },
            Arm {
                name: "b".into(),
                weight: 1,
                next_node_id: "y".into(),
            },
        ];
        let mut a = 0;
        for i in 0..4000 {
            let key = format!("ws/j/c{i}/split");
            let first = weighted_arm(&key, &arms).expect("arm").name.clone();
            assert_eq!(weighted_arm(&key, &arms).expect("arm").name, first);
            if first == "a" {
                a += 1;
            }
        }
        assert!((2800..3200).contains(&a), "{a}");
        assert!(weighted_arm("k", &[]).is_none());
    }

    #[test]
    fn branches_are_ordered_and_fall_back_to_default() {
        let rules = Rules::default();
        let branches = vec![
            Branch {
                name: "vip".into(),
                expression: "'vip' in segments".into(),
                next_node_id: "v".into(),
            },
            Branch {
                name: "rich".into(),
                expression: "computed.ltv > 100.0".into(),
                next_node_id: "r".into(),
            },
        ];
        let mut b = Bindings::default();
        b.computed.insert("ltv".into(), json!(500.0));
        let ctx = Map::new();
        assert_eq!(
            choose_branch(&rules, &branches, "d", &b, &ctx, 0).unwrap(),
            ("rich".into(), "r".into())
        );
        b.segments.push("vip".into());
        assert_eq!(
            choose_branch(&rules, &branches, "d", &b, &ctx, 0)
                .unwrap()
                .0,
            "vip"
        );
        let none = Bindings {
            computed: Map::from_iter([("ltv".to_owned(), json!(1.0))]),
            ..Default::default()
        };
        assert_eq!(
            choose_branch(&rules, &branches, "d", &none, &ctx, 0).unwrap(),
            ("default".into(), "d".into())
        );
        // A missing key is an error, not a silent default.
        assert!(choose_branch(&rules, &branches[1..], "d", &Bindings::default(), &ctx, 0).is_err());
    }

    #[test]
    fn criteria_match_type_and_filter() {
        let rules = Rules::default();
        let c = Criterion {
            event_type: "message.opened".into(),
            filter: "event.properties.run_id == context.run_id".into(),
        };
        let ev = json!({"type": "message.opened", "properties": {"run_id": "r1"}});
        let ev = ev.as_object().unwrap();
        let ctx = json!({"run_id": "r1"});
        assert_eq!(rules.matches(&c, ev, ctx.as_object().unwrap()), Ok(true));
        let other = json!({"run_id": "r2"});
        assert_eq!(rules.matches(&c, ev, other.as_object().unwrap()), Ok(false));
        let wrong = json!({"type": "purchase"});
        assert_eq!(
            rules.matches(&c, wrong.as_object().unwrap(), ctx.as_object().unwrap()),
            Ok(false)
        );
    }

    #[test]
    fn signatures_are_hmac_sha256_hex() {
        // RFC 4231 test case 2.
        assert_eq!(
            sign("Jefe", b"what do ya want for nothing?"),
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }
}
