//! Holdout incrementality: customers who entered a journey (or experiment) are split
//! into the holdout arm and everyone else ("treated"); each group's conversion rate and
//! revenue per customer within a window after entry are compared, with 95% confidence
//! intervals (normal approximation; see docs/insights.md for the formulas).

use std::collections::{BTreeMap, HashMap};

use omni_common::ids::WorkspaceId;
use omni_storage::stmt;
use sea_orm::{ConnectionTrait, Value};

use crate::error::Error;
use crate::kpis::{TimeRange, ratio};
use crate::store::Store;

/// The two-sided 95% normal quantile.
pub const Z95: f64 = 1.959_963_984_540_054;

/// An incrementality query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IncrementalityQuery {
    /// Only entries of this journey.
    pub journey_id: Option<String>,
    /// Only entries assigned by this experiment.
    pub experiment_id: Option<String>,
    /// Entries in this range.
    pub range: TimeRange,
    /// Conversions up to this long after entry count.
    pub window_ms: i64,
    /// The holdout arm's name.
    pub holdout_arm: String,
}

/// One group's outcome.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArmOutcome {
    /// Arm name.
    pub arm: String,
    /// Distinct customers.
    pub customers: i64,
    /// Customers with a conversion in the window.
    pub converters: i64,
    /// converters / customers.
    pub conversion_rate: f64,
    /// Revenue in the window.
    pub revenue: f64,
    /// revenue / customers.
    pub revenue_per_customer: f64,
    /// Sum of squared per-customer revenue (for the variance).
    revenue_sq: f64,
}

impl ArmOutcome {
    fn add_customer(&mut self, revenue: f64, converted: bool) {
        self.customers += 1;
        self.converters += i64::from(converted);
        self.revenue += revenue;
        self.revenue_sq += revenue * revenue;
    }

    fn finish(mut self) -> Self {
        self.conversion_rate = ratio(self.converters as f64, self.customers as f64);
        self.revenue_per_customer = ratio(self.revenue, self.customers as f64);
        self
    }

    /// Sample variance of per-customer revenue (n - 1 denominator).
    fn revenue_variance(&self) -> f64 {
        let n = self.customers as f64;
        if n < 2.0 {
            return 0.0;
        }
        let mean = self.revenue / n;
        ((self.revenue_sq - n * mean * mean) / (n - 1.0)).max(0.0)
    }
}

/// A difference with its 95% interval.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Uplift {
    /// treated - holdout.
    pub absolute: f64,
    /// Lower bound of absolute.
    pub absolute_lower: f64,
    /// Upper bound of absolute.
    pub absolute_upper: f64,
    /// absolute / holdout.
    pub relative: f64,
    /// Lower bound of relative.
    pub relative_lower: f64,
    /// Upper bound of relative.
    pub relative_upper: f64,
    /// The absolute interval excludes 0.
    pub significant: bool,
}

/// The answer.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IncrementalityReport {
    /// Every arm but the holdout.
    pub treated: ArmOutcome,
    /// The holdout.
    pub holdout: ArmOutcome,
    /// Each arm.
    pub arms: Vec<ArmOutcome>,
    /// Conversion-rate uplift.
    pub conversion_rate_uplift: Uplift,
    /// Revenue-per-customer uplift.
    pub revenue_per_customer_uplift: Uplift,
}

/// Uplift of proportion `x1/n1` over `x0/n0`: Wald interval of the difference with
/// unpooled variance; relative interval from the log of the risk ratio (Katz).
pub fn proportion_uplift(x1: i64, n1: i64, x0: i64, n0: i64) -> Uplift {
    let (x1f, n1f, x0f, n0f) = (x1 as f64, n1 as f64, x0 as f64, n0 as f64);
    let p1 = ratio(x1f, n1f);
    let p0 = ratio(x0f, n0f);
    let var = ratio(p1 * (1.0 - p1), n1f) + ratio(p0 * (1.0 - p0), n0f);
    let se_ln = if x1 > 0 && x0 > 0 {
        Some(
            (1.0 / x1f - 1.0 / n1f + 1.0 / x0f - 1.0 / n0f)
                .max(0.0)
                .sqrt(),
        )
    } else {
        None
    };
    interval(p1, p0, var.sqrt(), se_ln, n1 > 0 && n0 > 0)
}

/// Uplift of the mean `m1` over `m0` (Welch): standard error
/// `sqrt(s1²/n1 + s0²/n0)`; relative interval from the log of the ratio of means by
/// the delta method.
pub fn mean_uplift(treated: &ArmOutcome, holdout: &ArmOutcome) -> Uplift {
    let (n1, n0) = (treated.customers as f64, holdout.customers as f64);
    let (m1, m0) = (treated.revenue_per_customer, holdout.revenue_per_customer);
    let (v1, v0) = (treated.revenue_variance(), holdout.revenue_variance());
    let se = (ratio(v1, n1) + ratio(v0, n0)).sqrt();
    let se_ln = if m1 > 0.0 && m0 > 0.0 {
        Some((v1 / (n1 * m1 * m1) + v0 / (n0 * m0 * m0)).sqrt())
    } else {
        None
    };
    interval(m1, m0, se, se_ln, n1 > 0.0 && n0 > 0.0)
}

fn interval(v1: f64, v0: f64, se: f64, se_ln: Option<f64>, defined: bool) -> Uplift {
    if !defined {
        return Uplift::default();
    }
    let absolute = v1 - v0;
    let relative = ratio(absolute, v0);
    let (relative_lower, relative_upper) = match se_ln {
        Some(s) => {
            let ln = (v1 / v0).ln();
            ((ln - Z95 * s).exp() - 1.0, (ln + Z95 * s).exp() - 1.0)
        }
        None => (relative, relative),
    };
    let (absolute_lower, absolute_upper) = (absolute - Z95 * se, absolute + Z95 * se);
    Uplift {
        absolute,
        absolute_lower,
        absolute_upper,
        relative,
        relative_lower,
        relative_upper,
        significant: absolute_lower > 0.0 || absolute_upper < 0.0,
    }
}

/// Runs `query`: each customer counts once, in the arm of their first entry in range.
pub async fn report(
    store: &Store,
    ws: &WorkspaceId,
    query: &IncrementalityQuery,
) -> Result<IncrementalityReport, Error> {
    let b = store.backend();
    let mut values: Vec<Value> = vec![
        ws.as_str().into(),
        query.range.start_ms.into(),
        query.range.end_ms.into(),
    ];
    let mut wheres = String::new();
    if let Some(j) = &query.journey_id {
        values.push(j.as_str().into());
        wheres.push_str(&format!(" AND journey_id = ${}", values.len()));
    }
    if let Some(e) = &query.experiment_id {
        values.push(e.as_str().into());
        wheres.push_str(&format!(" AND experiment_id = ${}", values.len()));
    }
    let entries = store
        .db()
        .query_all_raw(stmt(
            b,
            &format!(
                "SELECT customer_id, arm, time_ms FROM journey_entries
                 WHERE workspace_id = $1 AND time_ms >= $2 AND time_ms < $3{wheres}
                 ORDER BY time_ms, run_id"
            ),
            values,
        ))
        .await?;
    let mut first: HashMap<String, (String, i64)> = HashMap::new();
    for row in entries {
        let customer: String = row.try_get("", "customer_id")?;
        let arm: String = row.try_get("", "arm")?;
        let at: i64 = row.try_get("", "time_ms")?;
        first.entry(customer).or_insert((arm, at));
    }
    let conversions = store
        .db()
        .query_all_raw(stmt(
            b,
            "SELECT customer_id, time_ms, revenue FROM conversions
             WHERE workspace_id = $1 AND time_ms > $2 AND time_ms <= $3",
            [
                ws.as_str().into(),
                query.range.start_ms.into(),
                (query.range.end_ms + query.window_ms).into(),
            ],
        ))
        .await?;
    // Per entered customer: (converted, revenue) within the window after entry.
    let mut outcome: HashMap<&str, (bool, f64)> = HashMap::new();
    for row in conversions {
        let customer: String = row.try_get("", "customer_id")?;
        let Some((key, (_, entered))) = first.get_key_value(&customer) else {
            continue;
        };
        let at: i64 = row.try_get("", "time_ms")?;
        if at > *entered && at - entered <= query.window_ms {
            let revenue: f64 = row.try_get("", "revenue")?;
            let o = outcome.entry(key.as_str()).or_default();
            o.0 = true;
            o.1 += revenue;
        }
    }
    let mut arms: BTreeMap<&str, ArmOutcome> = BTreeMap::new();
    let mut treated = ArmOutcome {
        arm: "treated".into(),
        ..ArmOutcome::default()
    };
    let mut holdout = ArmOutcome {
        arm: query.holdout_arm.clone(),
        ..ArmOutcome::default()
    };
    for (customer, (arm, _)) in &first {
        let (converted, revenue) = outcome.get(customer.as_str()).copied().unwrap_or_default();
        let a = arms.entry(arm.as_str()).or_insert_with(|| ArmOutcome {
            arm: arm.clone(),
            ..ArmOutcome::default()
        });
        a.add_customer(revenue, converted);
        if *arm == query.holdout_arm {
            holdout.add_customer(revenue, converted);
        } else {
            treated.add_customer(revenue, converted);
        }
    }
    let (treated, holdout) = (treated.finish(), holdout.finish());
    Ok(IncrementalityReport {
        conversion_rate_uplift: proportion_uplift(
            treated.converters,
            treated.customers,
            holdout.converters,
            holdout.customers,
        ),
        revenue_per_customer_uplift: mean_uplift(&treated, &holdout),
        arms: arms.into_values().map(ArmOutcome::finish).collect(),
        treated,
        holdout,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6
    }

    #[test]
    fn proportion_interval_matches_hand_computation() {
        // 120/1000 treated vs 40/500 holdout: diff 0.04,
        // se = sqrt(.12*.88/1000 + .08*.92/500) = sqrt(0.0002528) = 0.0158997...
        let u = proportion_uplift(120, 1000, 40, 500);
        assert!(close(u.absolute, 0.04));
        assert!(
            close(u.absolute_lower, 0.04 - 1.959964 * 0.015_899_685),
            "{u:?}"
        );
        assert!(
            close(u.absolute_upper, 0.04 + 1.959964 * 0.015_899_685),
            "{u:?}"
        );
        assert!(close(u.relative, 0.5));
        // ln(1.5) ± 1.96 * sqrt(1/120 - 1/1000 + 1/40 - 1/500) = 0.405465 ± 0.341356,
        // so the relative interval starts at exp(0.064109) - 1 = 0.066208.
        assert!((u.relative_lower - 0.066_208).abs() < 1e-5, "{u:?}");
        assert!(u.significant);
    }

    #[test]
    fn no_holdout_gives_no_uplift() {
        assert_eq!(proportion_uplift(5, 10, 0, 0), Uplift::default());
    }
}
