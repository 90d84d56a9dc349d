//! Funnels: how many customers complete ordered event steps (e.g. view → cart →
//! checkout → purchase) within a window of their first step, and where they drop off.

use std::collections::{BTreeMap, HashMap};

use omni_common::ids::WorkspaceId;
use omni_storage::stmt;
use sea_orm::{ConnectionTrait, Value};

use crate::error::Error;
use crate::kpis::{TimeRange, ratio};
use crate::store::Store;

/// What a funnel is broken down by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Breakdown {
    /// One funnel.
    None,
    /// Source channel of the first step's event.
    Channel,
    /// Segments the customer was in at the first step.
    Segment,
}

/// A funnel query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FunnelQuery {
    /// Event types, in order.
    pub steps: Vec<String>,
    /// First steps in this range.
    pub range: TimeRange,
    /// Every step must follow the first within this.
    pub window_ms: i64,
    /// Breakdown.
    pub breakdown: Breakdown,
}

/// One step's figures.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FunnelStep {
    /// Event type.
    pub event_type: String,
    /// Customers reaching it.
    pub customers: i64,
    /// customers / previous step's customers.
    pub step_conversion: f64,
    /// customers / first step's customers.
    pub overall_conversion: f64,
    /// Previous step's customers who did not reach it.
    pub drop_off: i64,
    /// drop_off / previous step's customers.
    pub drop_off_rate: f64,
}

/// One funnel.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Funnel {
    /// Breakdown key.
    pub key: String,
    /// Steps.
    pub steps: Vec<FunnelStep>,
}

/// The answer.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FunnelReport {
    /// Everyone.
    pub total: Funnel,
    /// Per breakdown group.
    pub groups: Vec<Funnel>,
}

/// How far one customer got: for each first-step event in `range`, the steps then
/// completed in order within `window_ms` (greedy earliest matching, which finds the
/// longest in-order completion); the best start wins, the earliest among equals.
/// Returns (steps reached, index of the starting event) or `None` without a start.
pub fn progress(
    steps: &[String],
    events: &[(i64, &str)],
    range: TimeRange,
    window_ms: i64,
) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    for (i, (start, kind)) in events.iter().enumerate() {
        if *kind != steps[0] || *start < range.start_ms || *start >= range.end_ms {
            continue;
        }
        let mut level = 1;
        for (t, k) in &events[i + 1..] {
            if level == steps.len() || *t - start > window_ms {
                break;
            }
            if *k == steps[level] {
                level += 1;
            }
        }
        if best.is_none_or(|(l, _)| level > l) {
            best = Some((level, i));
        }
        if level == steps.len() {
            break;
        }
    }
    best
}

fn funnel(key: String, steps: &[String], reached: &[i64]) -> Funnel {
    let first = reached.first().copied().unwrap_or_default();
    let steps = steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let customers = reached[i];
            let previous = if i == 0 { customers } else { reached[i - 1] };
            let drop_off = previous - customers;
            FunnelStep {
                event_type: step.clone(),
                customers,
                step_conversion: if i == 0 {
                    ratio(customers as f64, customers as f64)
                } else {
                    ratio(customers as f64, previous as f64)
                },
                overall_conversion: ratio(customers as f64, first as f64),
                drop_off,
                drop_off_rate: ratio(drop_off as f64, previous as f64),
            }
        })
        .collect();
    Funnel { key, steps }
}

/// Runs `query` over the stored events.
pub async fn report(
    store: &Store,
    ws: &WorkspaceId,
    query: &FunnelQuery,
) -> Result<FunnelReport, Error> {
    let b = store.backend();
    let mut values: Vec<Value> = vec![
        ws.as_str().into(),
        query.range.start_ms.into(),
        (query.range.end_ms + query.window_ms).into(),
    ];
    let mut placeholders = Vec::new();
    for step in &query.steps {
        values.push(step.as_str().into());
        placeholders.push(format!("${}", values.len()));
    }
    let rows = store
        .db()
        .query_all_raw(stmt(
            b,
            &format!(
                "SELECT customer_id, event_type, time_ms, source FROM events
                 WHERE workspace_id = $1 AND time_ms >= $2 AND time_ms <= $3
                   AND event_type IN ({})
                 ORDER BY customer_id, time_ms, event_id",
                placeholders.join(", ")
            ),
            values,
        ))
        .await?;
    let mut by_customer: BTreeMap<String, Vec<(i64, String, String)>> = BTreeMap::new();
    for row in rows {
        by_customer
            .entry(row.try_get("", "customer_id")?)
            .or_default()
            .push((
                row.try_get("", "time_ms")?,
                row.try_get("", "event_type")?,
                row.try_get("", "source")?,
            ));
    }
    let memberships = if query.breakdown == Breakdown::Segment {
        memberships(store, ws).await?
    } else {
        HashMap::new()
    };
    let n = query.steps.len();
    let mut total = vec![0i64; n];
    let mut groups: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    for (customer, events) in &by_customer {
        let view: Vec<(i64, &str)> = events.iter().map(|(t, k, _)| (*t, k.as_str())).collect();
        let Some((level, start)) = progress(&query.steps, &view, query.range, query.window_ms)
        else {
            continue;
        };
        total.iter_mut().take(level).for_each(|c| *c += 1);
        let (start_ms, _, source) = &events[start];
        let keys: Vec<String> = match query.breakdown {
            Breakdown::None => Vec::new(),
            Breakdown::Channel => vec![source.clone()],
            Breakdown::Segment => memberships
                .get(customer)
                .map(|list| {
                    list.iter()
                        .filter(|(_, enter, exit)| {
                            *enter <= *start_ms && exit.is_none_or(|x| x > *start_ms)
                        })
                        .map(|(seg, _, _)| seg.clone())
                        .collect()
                })
                .unwrap_or_default(),
        };
        let mut seen = Vec::new();
        for key in keys {
            if seen.contains(&key) {
                continue;
            }
            let counts = groups.entry(key.clone()).or_insert_with(|| vec![0; n]);
            counts.iter_mut().take(level).for_each(|c| *c += 1);
            seen.push(key);
        }
    }
    Ok(FunnelReport {
        total: funnel(String::new(), &query.steps, &total),
        groups: groups
            .into_iter()
            .map(|(key, reached)| funnel(key, &query.steps, &reached))
            .collect(),
    })
}

type Intervals = HashMap<String, Vec<(String, i64, Option<i64>)>>;

async fn memberships(store: &Store, ws: &WorkspaceId) -> Result<Intervals, Error> {
    let rows = store
        .db()
        .query_all_raw(stmt(
            store.backend(),
            "SELECT customer_id, segment_id, enter_ms, exit_ms FROM memberships
             WHERE workspace_id = $1",
            [ws.as_str().into()],
        ))
        .await?;
    let mut out: Intervals = HashMap::new();
    for row in rows {
        out.entry(row.try_get("", "customer_id")?)
            .or_default()
            .push((
                row.try_get("", "segment_id")?,
                row.try_get("", "enter_ms")?,
                row.try_get("", "exit_ms")?,
            ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn steps() -> Vec<String> {
        ["view", "cart", "purchase"].map(String::from).to_vec()
    }

    const RANGE: TimeRange = TimeRange {
        start_ms: 0,
        end_ms: 100,
    };

    #[test]
    fn steps_must_be_in_order_and_within_the_window() {
        let s = steps();
        // cart before view does not count; purchase after the window does not count.
        let events = [(1, "cart"), (2, "view"), (5, "cart"), (50, "purchase")];
        assert_eq!(progress(&s, &events, RANGE, 10), Some((2, 1)));
        assert_eq!(progress(&s, &events, RANGE, 100), Some((3, 1)));
    }

    #[test]
    fn a_later_start_that_goes_further_wins() {
        let s = steps();
        let events = [(1, "view"), (30, "view"), (31, "cart"), (32, "purchase")];
        assert_eq!(progress(&s, &events, RANGE, 10), Some((3, 1)));
        assert_eq!(progress(&s, &[(200, "view")], RANGE, 10), None);
    }

    #[test]
    fn drop_off_per_step() {
        let f = funnel(String::new(), &steps(), &[100, 40, 10]);
        assert_eq!(f.steps[1].drop_off, 60);
        assert_eq!(f.steps[1].step_conversion, 0.4);
        assert_eq!(f.steps[2].step_conversion, 0.25);
        assert_eq!(f.steps[2].overall_conversion, 0.1);
        assert_eq!(f.steps[2].drop_off_rate, 0.75);
    }
}
