//! Anomaly alerts: every completed hour and day, each watched KPI (for all channels
//! and per channel) is compared with its baseline — the mean of the same KPI over the
//! previous days (for an hour: the same hour of the previous days). A KPI that moved
//! by at least the threshold (relative), on enough volume, and — for rates — by more
//! than three standard errors of a proportion at the baseline rate raises an alert,
//! stored once (deterministic id) and published on the bus.

use std::collections::BTreeMap;

use omni_common::ids::WorkspaceId;
use omni_storage::stmt;
use sea_orm::{ConnectionTrait, Value};

use crate::error::Error;
use crate::kpis::Counts;
use crate::store::{DAY_MS, HOUR_MS, Store, int_sum};

/// How many standard errors a rate must move to alert (besides the threshold).
pub const RATE_Z: f64 = 3.0;
/// Fewest baseline periods with volume needed to judge a period.
pub const MIN_BASELINE_PERIODS: usize = 3;

/// Detector settings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AlertSettings {
    /// Relative change (e.g. 0.3 = 30%) from the baseline that raises an alert.
    pub threshold: f64,
    /// Least denominator (delivered or sent) a period needs to be judged.
    pub min_volume: i64,
    /// Previous days averaged into a baseline.
    pub baseline_days: i64,
    /// Completed days (and 24 × as many hours) re-checked on each scan.
    pub scan_days: i64,
}

/// The period an alert compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Granularity {
    /// One hour.
    Hour,
    /// One day.
    Day,
}

impl Granularity {
    /// Stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Granularity::Hour => "hour",
            Granularity::Day => "day",
        }
    }

    fn ms(self) -> i64 {
        match self {
            Granularity::Hour => HOUR_MS,
            Granularity::Day => DAY_MS,
        }
    }
}

/// One alert.
#[derive(Clone, Debug, PartialEq)]
pub struct Alert {
    /// Deterministic id.
    pub alert_id: String,
    /// Workspace.
    pub workspace: WorkspaceId,
    /// KPI name.
    pub kpi: String,
    /// Hour or day.
    pub granularity: Granularity,
    /// Channel; empty for all.
    pub channel: String,
    /// Period start, unix ms.
    pub period_ms: i64,
    /// Value in the period.
    pub value: f64,
    /// Baseline.
    pub baseline: f64,
    /// (value - baseline) / baseline.
    pub change: f64,
    /// When raised.
    pub create_ms: i64,
}

/// A watched KPI: (name, value, denominator or volume); `rate` tells whether the
/// value is a proportion of the denominator.
struct Watched {
    name: &'static str,
    rate: bool,
    value: fn(&Counts) -> (f64, f64),
}

const WATCHED: [Watched; 6] = [
    Watched {
        name: "sent",
        rate: false,
        value: |c| (c.sent as f64, c.sent as f64),
    },
    Watched {
        name: "open_rate",
        rate: true,
        value: |c| (c.opened as f64, c.delivered as f64),
    },
    Watched {
        name: "click_rate",
        rate: true,
        value: |c| (c.clicked as f64, c.delivered as f64),
    },
    Watched {
        name: "conversion_rate",
        rate: true,
        value: |c| (c.converted as f64, c.delivered as f64),
    },
    Watched {
        name: "unsubscribe_rate",
        rate: true,
        value: |c| (c.unsubscribed as f64, c.delivered as f64),
    },
    Watched {
        name: "bounce_rate",
        rate: true,
        value: |c| (c.bounced as f64, c.sent as f64),
    },
];

/// Checks the periods completed before `now_ms` in `ws`; stores and returns the new
/// alerts.
pub async fn scan(
    store: &Store,
    ws: &WorkspaceId,
    now_ms: i64,
    settings: &AlertSettings,
) -> Result<Vec<Alert>, Error> {
    let today = now_ms.div_euclid(DAY_MS) * DAY_MS;
    let from = today - (settings.baseline_days + settings.scan_days + 1) * DAY_MS;
    let rows = store
        .db()
        .query_all_raw(stmt(
            store.backend(),
            &format!(
                "SELECT hour_ms, channel, {} AS sent, {} AS delivered, {} AS opened,
                        {} AS clicked, {} AS unsubscribed, {} AS bounced, {} AS converted
                 FROM kpi_hourly WHERE workspace_id = $1 AND hour_ms >= $2 AND hour_ms < $3
                 GROUP BY hour_ms, channel",
                int_sum("sent"),
                int_sum("delivered"),
                int_sum("opened"),
                int_sum("clicked"),
                int_sum("unsubscribed"),
                int_sum("bounced"),
                int_sum("converted"),
            ),
            [ws.as_str().into(), from.into(), now_ms.into()],
        ))
        .await?;
    // (granularity, channel) -> period start -> counts; channel "" is every channel.
    let mut series: BTreeMap<(i64, String), BTreeMap<i64, Counts>> = BTreeMap::new();
    for row in rows {
        let hour: i64 = row.try_get("", "hour_ms")?;
        let channel: String = row.try_get("", "channel")?;
        let c = Counts {
            sent: row.try_get("", "sent")?,
            delivered: row.try_get("", "delivered")?,
            opened: row.try_get("", "opened")?,
            clicked: row.try_get("", "clicked")?,
            unsubscribed: row.try_get("", "unsubscribed")?,
            bounced: row.try_get("", "bounced")?,
            converted: row.try_get("", "converted")?,
            ..Counts::default()
        };
        let day = hour.div_euclid(DAY_MS) * DAY_MS;
        let mut channels = vec![String::new()];
        if !channel.is_empty() {
            channels.push(channel);
        }
        for ch in channels {
            for (g, period) in [(HOUR_MS, hour), (DAY_MS, day)] {
                add(
                    series
                        .entry((g, ch.clone()))
                        .or_default()
                        .entry(period)
                        .or_default(),
                    &c,
                );
            }
        }
    }
    let mut found = Vec::new();
    for ((g, channel), periods) in &series {
        let granularity = if *g == DAY_MS {
            Granularity::Day
        } else {
            Granularity::Hour
        };
        let checked = match granularity {
            Granularity::Day => settings.scan_days,
            Granularity::Hour => settings.scan_days * 24,
        };
        let last = now_ms.div_euclid(granularity.ms()) * granularity.ms() - granularity.ms();
        for i in 0..checked {
            let period = last - i * granularity.ms();
            let empty = Counts::default();
            let current = periods.get(&period).unwrap_or(&empty);
            for w in &WATCHED {
                let baseline: Vec<(f64, f64)> = (1..=settings.baseline_days)
                    .filter_map(|d| periods.get(&(period - d * DAY_MS)))
                    .map(|c| (w.value)(c))
                    .filter(|(_, den)| *den >= settings.min_volume as f64)
                    .collect();
                if let Some(alert) = judge(w, (w.value)(current), &baseline, settings) {
                    found.push(Alert {
                        alert_id: format!(
                            "{}:{}:{}:{period}",
                            w.name,
                            granularity.as_str(),
                            channel
                        ),
                        workspace: ws.clone(),
                        kpi: w.name.into(),
                        granularity,
                        channel: channel.clone(),
                        period_ms: period,
                        value: alert.0,
                        baseline: alert.1,
                        change: alert.2,
                        create_ms: now_ms,
                    });
                }
            }
        }
    }
    let mut raised = Vec::new();
    for alert in found {
        if insert(store, &alert).await? {
            raised.push(alert);
        }
    }
    Ok(raised)
}

/// (value, baseline, change) when the period is anomalous.
fn judge(
    w: &Watched,
    (num, den): (f64, f64),
    baseline: &[(f64, f64)],
    settings: &AlertSettings,
) -> Option<(f64, f64, f64)> {
    if baseline.len() < MIN_BASELINE_PERIODS {
        return None;
    }
    let values: Vec<f64> = baseline
        .iter()
        .map(|(n, d)| if w.rate { n / d } else { *n })
        .collect();
    let base = values.iter().sum::<f64>() / values.len() as f64;
    if base <= 0.0 {
        return None;
    }
    let value = if w.rate {
        // A period without volume is not judged on its rate.
        if den < settings.min_volume as f64 {
            return None;
        }
        num / den
    } else {
        num
    };
    let change = (value - base) / base;
    if change.abs() < settings.threshold {
        return None;
    }
    if w.rate {
        let se = (base * (1.0 - base) / den).sqrt();
        if (value - base).abs() <= RATE_Z * se {
            return None;
        }
    }
    Some((value, base, change))
}

fn add(into: &mut Counts, c: &Counts) {
    into.sent += c.sent;
    into.delivered += c.delivered;
    into.opened += c.opened;
    into.clicked += c.clicked;
    into.unsubscribed += c.unsubscribed;
    into.bounced += c.bounced;
    into.converted += c.converted;
}

async fn insert(store: &Store, a: &Alert) -> Result<bool, Error> {
    let res = store
        .db()
        .execute_raw(stmt(
            store.backend(),
            "INSERT INTO alerts (workspace_id, alert_id, kpi, granularity, channel, period_ms,
                                 value, baseline, change, create_ms)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING",
            [
                a.workspace.as_str().into(),
                a.alert_id.as_str().into(),
                a.kpi.as_str().into(),
                a.granularity.as_str().into(),
                a.channel.as_str().into(),
                a.period_ms.into(),
                a.value.into(),
                a.baseline.into(),
                a.change.into(),
                a.create_ms.into(),
            ],
        ))
        .await?;
    Ok(res.rows_affected() == 1)
}

/// Alerts of `ws`, newest period first, `offset`/`limit` paged, optionally of one KPI.
pub async fn list(
    store: &Store,
    ws: &WorkspaceId,
    kpi: Option<&str>,
    offset: i64,
    limit: i64,
) -> Result<Vec<Alert>, Error> {
    let mut values: Vec<Value> = vec![ws.as_str().into(), limit.into(), offset.into()];
    let mut wheres = String::new();
    if let Some(k) = kpi {
        values.push(k.into());
        wheres.push_str(" AND kpi = $4");
    }
    let rows = store
        .db()
        .query_all_raw(stmt(
            store.backend(),
            &format!(
                "SELECT alert_id, kpi, granularity, channel, period_ms, value, baseline, change,
                        create_ms
                 FROM alerts WHERE workspace_id = $1{wheres}
                 ORDER BY period_ms DESC, alert_id LIMIT $2 OFFSET $3"
            ),
            values,
        ))
        .await?;
    rows.iter()
        .map(|r| {
            let g: String = r.try_get("", "granularity")?;
            Ok(Alert {
                alert_id: r.try_get("", "alert_id")?,
                workspace: ws.clone(),
                kpi: r.try_get("", "kpi")?,
                granularity: match g.as_str() {
                    "hour" => Granularity::Hour,
                    "day" => Granularity::Day,
                    other => return Err(Error::Corrupt(format!("alert granularity {other}"))),
                },
                channel: r.try_get("", "channel")?,
                period_ms: r.try_get("", "period_ms")?,
                value: r.try_get("", "value")?,
                baseline: r.try_get("", "baseline")?,
                change: r.try_get("", "change")?,
                create_ms: r.try_get("", "create_ms")?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SETTINGS: AlertSettings = AlertSettings {
        threshold: 0.3,
        min_volume: 100,
        baseline_days: 7,
        scan_days: 2,
    };

    #[test]
    fn a_30_percent_drop_on_volume_alerts_and_noise_does_not() {
        let open = &WATCHED[1];
        let baseline = vec![(200.0, 1000.0); 7];
        let drop = judge(open, (130.0, 1000.0), &baseline, &SETTINGS);
        let (value, base, change) = drop.expect("alert");
        assert!(
            (value - 0.13).abs() < 1e-12 && (base - 0.2).abs() < 1e-12,
            "{value} {base}"
        );
        assert!((change + 0.35).abs() < 1e-9);
        // 10% down is under the threshold.
        assert!(judge(open, (180.0, 1000.0), &baseline, &SETTINGS).is_none());
        // 40% down on 99 deliveries is too little volume to judge.
        assert!(judge(open, (12.0, 100.0 - 1.0), &baseline, &SETTINGS).is_none());
        // Too few baseline periods.
        assert!(judge(open, (130.0, 1000.0), &baseline[..2], &SETTINGS).is_none());
    }
}
