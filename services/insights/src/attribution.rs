//! Multi-touch attribution: each conversion of a period is credited to the messages
//! the customer received within a lookback window before it, by five models computed
//! over the same conversions and touches so they compare side by side.

use std::collections::{BTreeMap, HashMap};

use omni_common::ids::WorkspaceId;
use omni_storage::stmt;
use sea_orm::ConnectionTrait;

use crate::error::Error;
use crate::kpis::{Dimension, TimeRange, day_label, key_expr};
use crate::store::Store;

/// The attribution models, in the order of [`AttributionRow::credit`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Model {
    /// All credit to the first touch.
    FirstTouch,
    /// All credit to the last touch.
    LastTouch,
    /// Equal credit to every touch.
    Linear,
    /// Credit proportional to `2^(-age / half_life)`.
    TimeDecay,
    /// 40% first, 40% last, 20% shared by the middle (50/50 with two touches).
    PositionBased,
}

impl Model {
    /// Every model.
    pub const ALL: [Model; 5] = [
        Model::FirstTouch,
        Model::LastTouch,
        Model::Linear,
        Model::TimeDecay,
        Model::PositionBased,
    ];

    /// The model's name in reports.
    pub fn name(self) -> &'static str {
        match self {
            Model::FirstTouch => "first_touch",
            Model::LastTouch => "last_touch",
            Model::Linear => "linear",
            Model::TimeDecay => "time_decay",
            Model::PositionBased => "position_based",
        }
    }
}

/// The share of one conversion each touch receives (summing to 1), for touches at
/// `touch_ms` (sorted, oldest first, all at or before `conversion_ms`).
pub fn weights(model: Model, touch_ms: &[i64], conversion_ms: i64, half_life_ms: i64) -> Vec<f64> {
    let n = touch_ms.len();
    let mut w = vec![0.0; n];
    if n == 0 {
        return w;
    }
    match model {
        Model::FirstTouch => w[0] = 1.0,
        Model::LastTouch => w[n - 1] = 1.0,
        Model::Linear => w.iter_mut().for_each(|x| *x = 1.0 / n as f64),
        Model::TimeDecay => {
            let half = half_life_ms.max(1) as f64;
            for (x, t) in w.iter_mut().zip(touch_ms) {
                *x = (-((conversion_ms - t) as f64) / half).exp2();
            }
            let sum: f64 = w.iter().sum();
            w.iter_mut().for_each(|x| *x /= sum);
        }
        Model::PositionBased => match n {
            1 => w[0] = 1.0,
            2 => {
                w[0] = 0.5;
                w[1] = 0.5;
            }
            _ => {
                w[0] = 0.4;
                w[n - 1] = 0.4;
                let middle = 0.2 / (n - 2) as f64;
                w[1..n - 1].iter_mut().for_each(|x| *x = middle);
            }
        },
    }
    w
}

/// Fractional conversions and revenue.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Credit {
    /// Conversions credited.
    pub conversions: f64,
    /// Revenue credited.
    pub revenue: f64,
}

/// The credit of one group under each model.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AttributionRow {
    /// Group key.
    pub key: String,
    /// Credit per model, in [`Model::ALL`] order.
    pub credit: [Credit; 5],
}

/// An attribution query.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AttributionQuery {
    /// Conversions in this range.
    pub range: TimeRange,
    /// Touches at most this old count.
    pub lookback_ms: i64,
    /// Time-decay half-life.
    pub half_life_ms: i64,
    /// Grouping of credit.
    pub dim: Dimension,
    /// Only opened or clicked messages are touches.
    pub engaged_only: bool,
}

/// The answer.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AttributionReport {
    /// One row per credited group, by key.
    pub rows: Vec<AttributionRow>,
    /// Conversions in the range.
    pub conversions: i64,
    /// Their revenue.
    pub revenue: f64,
    /// Conversions with no touch.
    pub unattributed_conversions: i64,
    /// Their revenue.
    pub unattributed_revenue: f64,
}

/// Runs `query` over the stored conversions and messages.
pub async fn report(
    store: &Store,
    ws: &WorkspaceId,
    query: &AttributionQuery,
) -> Result<AttributionReport, Error> {
    let b = store.backend();
    let conversions = store
        .db()
        .query_all_raw(stmt(
            b,
            "SELECT customer_id, time_ms, revenue FROM conversions
             WHERE workspace_id = $1 AND time_ms >= $2 AND time_ms < $3
             ORDER BY time_ms, event_id",
            [
                ws.as_str().into(),
                query.range.start_ms.into(),
                query.range.end_ms.into(),
            ],
        ))
        .await?;
    // An engaged touch may come up to a lookback after the message was first seen.
    let earliest = query.range.start_ms
        - query.lookback_ms
        - if query.engaged_only {
            query.lookback_ms
        } else {
            0
        };
    let key = key_expr(query.dim, "h.bucket_ms");
    let touch_rows = store
        .db()
        .query_all_raw(stmt(
            b,
            &format!(
                "SELECT h.customer_id, {key} AS k, h.sent_at, h.opened_at, h.clicked_at
                 FROM messages h
                 WHERE h.workspace_id = $1 AND h.first_ms >= $2 AND h.first_ms < $3
                   AND h.sent_at IS NOT NULL"
            ),
            [
                ws.as_str().into(),
                earliest.into(),
                query.range.end_ms.into(),
            ],
        ))
        .await?;
    let mut touches: HashMap<String, Vec<(i64, String)>> = HashMap::new();
    for row in touch_rows {
        let sent: i64 = row.try_get("", "sent_at")?;
        let opened: Option<i64> = row.try_get("", "opened_at")?;
        let clicked: Option<i64> = row.try_get("", "clicked_at")?;
        let at = if query.engaged_only {
            match (opened, clicked) {
                (Some(o), Some(c)) => o.min(c),
                (Some(t), None) | (None, Some(t)) => t,
                (None, None) => continue,
            }
        } else {
            sent
        };
        touches
            .entry(row.try_get("", "customer_id")?)
            .or_default()
            .push((at, row.try_get("", "k")?));
    }
    for list in touches.values_mut() {
        list.sort();
    }
    let mut report = AttributionReport::default();
    let mut rows: BTreeMap<String, [Credit; 5]> = BTreeMap::new();
    for row in conversions {
        let customer: String = row.try_get("", "customer_id")?;
        let at: i64 = row.try_get("", "time_ms")?;
        let revenue: f64 = row.try_get("", "revenue")?;
        report.conversions += 1;
        report.revenue += revenue;
        let eligible: Vec<&(i64, String)> = touches
            .get(&customer)
            .map(|list| {
                list.iter()
                    .filter(|(t, _)| *t <= at && at - *t <= query.lookback_ms)
                    .collect()
            })
            .unwrap_or_default();
        if eligible.is_empty() {
            report.unattributed_conversions += 1;
            report.unattributed_revenue += revenue;
            continue;
        }
        let times: Vec<i64> = eligible.iter().map(|(t, _)| *t).collect();
        for (m, model) in Model::ALL.iter().enumerate() {
            for (w, (_, key)) in weights(*model, &times, at, query.half_life_ms)
                .into_iter()
                .zip(&eligible)
            {
                if w == 0.0 {
                    continue;
                }
                let credit = &mut rows.entry(key.clone()).or_default()[m];
                credit.conversions += w;
                credit.revenue += w * revenue;
            }
        }
    }
    report.rows = rows
        .into_iter()
        .map(|(key, credit)| AttributionRow {
            key: match (query.dim, key.parse::<i64>()) {
                (Dimension::Day, Ok(day)) => day_label(day),
                _ => key,
            },
            credit,
        })
        .collect();
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 86_400_000;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn position_based_splits_40_20_40() {
        let w = weights(Model::PositionBased, &[0, 1, 2, 3], 4, DAY);
        assert_eq!(w, vec![0.4, 0.1, 0.1, 0.4]);
        assert_eq!(
            weights(Model::PositionBased, &[0, 1], 4, DAY),
            vec![0.5, 0.5]
        );
        assert_eq!(weights(Model::PositionBased, &[0], 4, DAY), vec![1.0]);
    }

    #[test]
    fn time_decay_halves_credit_per_half_life() {
        // Touches one and two half-lives old: weights 1/2 and 1/4, normalised 2/3, 1/3.
        let w = weights(Model::TimeDecay, &[0, DAY], 2 * DAY, DAY);
        assert!(close(w[0], 1.0 / 3.0) && close(w[1], 2.0 / 3.0), "{w:?}");
    }

    #[test]
    fn every_model_gives_away_exactly_one_conversion() {
        let times = [0, 5, 9, 20, 21];
        for m in Model::ALL {
            let sum: f64 = weights(m, &times, 30, 7).iter().sum();
            assert!(close(sum, 1.0), "{} sums to {sum}", m.name());
        }
    }
}
