//! Built-ins: the lifecycle stage and RFM scores of a customer, from the purchase
//! summary identity keeps in the profile (orders, revenue, last purchase) and the
//! customer's first-seen time.
//!
//! - **Lifecycle stage** (thresholds per workspace, [`LifecycleSettings`]): `new` when
//!   first seen at most `new_days` ago with at most one order; otherwise `active`
//!   (`loyal` with at least `loyal_min_orders` orders) when the last purchase is at
//!   most `active_days` old; otherwise `at_risk` when the last purchase (or, never
//!   having bought, the first sighting) is at most `dormant_days` old; otherwise
//!   `dormant`. A stage changes with time alone; [`lifecycle`] says when.
//! - **RFM**: an [`RfmModel`] holds quintile cut-offs of last-purchase time, order
//!   count and revenue over every known customer who bought, computed on a schedule
//!   ([`RfmModel::compute`]); a value scores 1 plus the number of cut-offs it is
//!   strictly above, so over the customers the model was computed from a score is
//!   `1 + floor(5 · (customers with a strictly smaller value) / customers)`.
//!
//! Segments read them as `builtins.lifecycle` (a string), `builtins.rfm.r`,
//! `builtins.rfm.f`, `builtins.rfm.m` (ints 1–5; `builtins.rfm` is absent when the
//! customer never bought or no model exists), `builtins.orders` (int) and
//! `builtins.revenue` (double, currency units). This module is pure.

use omni_profile_store::PurchaseSummary;
use serde_json::{Value, json};

/// One day in milliseconds.
pub const DAY_MS: i64 = 24 * 3_600_000;

/// The keys of `builtins` a segment expression may read.
pub const KEYS: &[&str] = &["lifecycle", "rfm", "orders", "revenue"];

/// Per-workspace lifecycle thresholds and RFM schedule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LifecycleSettings {
    /// First seen at most this many days ago with at most one order: new.
    pub new_days: i32,
    /// A purchase at most this many days ago: active (or loyal).
    pub active_days: i32,
    /// Beyond this many days since the last purchase: dormant.
    pub dormant_days: i32,
    /// Orders needed, with a recent purchase, to be loyal.
    pub loyal_min_orders: i32,
    /// How often the RFM model is recomputed (ms).
    pub rfm_refresh_ms: i64,
    /// When the settings were last changed (unix ms); `None` while defaults apply.
    pub update_ms: Option<i64>,
}

impl Default for LifecycleSettings {
    fn default() -> Self {
        Self {
            new_days: 30,
            active_days: 90,
            dormant_days: 180,
            loyal_min_orders: 5,
            rfm_refresh_ms: DAY_MS,
            update_ms: None,
        }
    }
}

impl LifecycleSettings {
    /// Checks the settings; the error names the offending field.
    pub fn validate(&self) -> Result<(), (&'static str, String)> {
        if self.new_days < 1 {
            return Err(("settings.new_days", "must be at least 1".into()));
        }
        if self.active_days < 1 {
            return Err(("settings.active_days", "must be at least 1".into()));
        }
        if self.dormant_days <= self.active_days {
            return Err((
                "settings.dormant_days",
                format!("must be greater than active_days ({})", self.active_days),
            ));
        }
        if self.loyal_min_orders < 2 {
            return Err(("settings.loyal_min_orders", "must be at least 2".into()));
        }
        if self.rfm_refresh_ms < 60_000 || self.rfm_refresh_ms % 60_000 != 0 {
            return Err((
                "settings.rfm_refresh_interval",
                "must be a whole number of minutes, at least 1".into(),
            ));
        }
        Ok(())
    }
}

/// A lifecycle stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stage {
    /// Recently arrived.
    New,
    /// Bought recently.
    Active,
    /// Bought recently and often.
    Loyal,
    /// Has not bought for a while.
    AtRisk,
    /// Has not bought for a long time.
    Dormant,
}

impl Stage {
    /// The name segments compare with, e.g. `at_risk`.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::New => "new",
            Stage::Active => "active",
            Stage::Loyal => "loyal",
            Stage::AtRisk => "at_risk",
            Stage::Dormant => "dormant",
        }
    }

    /// A stable code (the `LifecycleStage` enum value).
    pub fn code(self) -> i64 {
        match self {
            Stage::New => 1,
            Stage::Active => 2,
            Stage::Loyal => 3,
            Stage::AtRisk => 4,
            Stage::Dormant => 5,
        }
    }
}

/// The stage at `now_ms`, and when it next changes with no event (unix ms), if it will.
pub fn lifecycle(
    settings: &LifecycleSettings,
    purchases: &PurchaseSummary,
    first_seen_ms: i64,
    now_ms: i64,
) -> (Stage, Option<i64>) {
    let days = |n: i32| i64::from(n) * DAY_MS;
    // "At most N days ago" holds until `t + N days`, inclusive.
    let within = |t: i64, n: i32| now_ms - t <= days(n);
    if purchases.orders <= 1 && within(first_seen_ms, settings.new_days) {
        // Still new until the window passes, unless a purchase changes things first.
        return (
            Stage::New,
            Some(first_seen_ms + days(settings.new_days) + 1),
        );
    }
    let bought = purchases.orders > 0;
    let reference = if bought {
        purchases.last_purchase_ms
    } else {
        first_seen_ms
    };
    if bought && within(reference, settings.active_days) {
        let stage = if purchases.orders >= i64::from(settings.loyal_min_orders) {
            Stage::Loyal
        } else {
            Stage::Active
        };
        return (stage, Some(reference + days(settings.active_days) + 1));
    }
    if within(reference, settings.dormant_days) {
        return (
            Stage::AtRisk,
            Some(reference + days(settings.dormant_days) + 1),
        );
    }
    (Stage::Dormant, None)
}

/// RFM scores, 1 (worst) to 5 (best).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rfm {
    /// Recency.
    pub r: i32,
    /// Frequency.
    pub f: i32,
    /// Monetary.
    pub m: i32,
}

impl Rfm {
    /// A stable code, `r*100 + f*10 + m` (0 for none).
    pub fn code(rfm: Option<Rfm>) -> i64 {
        rfm.map_or(0, |s| i64::from(s.r * 100 + s.f * 10 + s.m))
    }
}

/// Quintile cut-offs of one workspace's buyers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RfmModel {
    /// When it was computed (unix ms).
    pub compute_ms: i64,
    /// Buyers it was computed over.
    pub customer_count: i64,
    /// Last-purchase time cut-offs (unix ms), ascending.
    pub recency: Vec<i64>,
    /// Order count cut-offs, ascending.
    pub frequency: Vec<i64>,
    /// Revenue cut-offs (micros), ascending.
    pub monetary: Vec<i64>,
}

/// The cut-offs of one dimension: for score `s` in 2..=5, the `k`-th smallest value
/// with `k = ceil((s-1)·n/5)`, so that `v > cutoff` exactly when at least `k` values
/// are strictly below `v`. `values` must be sorted.
fn cutoffs(values: &[i64]) -> Vec<i64> {
    let n = values.len();
    if n == 0 {
        return Vec::new();
    }
    (2..=5)
        .filter_map(|s: usize| {
            let k = ((s - 1) * n).div_ceil(5);
            (k >= 1).then(|| values[k - 1])
        })
        .collect()
}

fn score(cutoffs: &[i64], v: i64) -> i32 {
    1 + cutoffs.iter().filter(|c| v > **c).count() as i32
}

impl RfmModel {
    /// The model over the purchase summaries of a workspace's customers (those who
    /// never bought are left out).
    pub fn compute(summaries: impl IntoIterator<Item = PurchaseSummary>, now_ms: i64) -> Self {
        let (mut r, mut f, mut m) = (Vec::new(), Vec::new(), Vec::new());
        for s in summaries {
            if s.orders > 0 {
                r.push(s.last_purchase_ms);
                f.push(s.orders);
                m.push(s.revenue_micros);
            }
        }
        r.sort_unstable();
        f.sort_unstable();
        m.sort_unstable();
        Self {
            compute_ms: now_ms,
            customer_count: r.len() as i64,
            recency: cutoffs(&r),
            frequency: cutoffs(&f),
            monetary: cutoffs(&m),
        }
    }

    /// The scores of a customer; `None` when the customer never bought or the model
    /// was computed over no buyers.
    pub fn score(&self, s: &PurchaseSummary) -> Option<Rfm> {
        if s.orders <= 0 || self.customer_count == 0 {
            return None;
        }
        Some(Rfm {
            r: score(&self.recency, s.last_purchase_ms),
            f: score(&self.frequency, s.orders),
            m: score(&self.monetary, s.revenue_micros),
        })
    }
}

/// One customer's built-ins at one moment.
#[derive(Clone, Debug, PartialEq)]
pub struct Builtins {
    /// Lifecycle stage.
    pub stage: Stage,
    /// When the stage next changes with no event.
    pub stage_changes_ms: Option<i64>,
    /// RFM scores, if any.
    pub rfm: Option<Rfm>,
    /// The purchase summary.
    pub purchases: PurchaseSummary,
}

impl Builtins {
    /// The built-ins of a customer.
    pub fn of(
        settings: &LifecycleSettings,
        model: Option<&RfmModel>,
        purchases: PurchaseSummary,
        first_seen_ms: i64,
        now_ms: i64,
    ) -> Self {
        let (stage, stage_changes_ms) = lifecycle(settings, &purchases, first_seen_ms, now_ms);
        Self {
            stage,
            stage_changes_ms,
            rfm: model.and_then(|m| m.score(&purchases)),
            purchases,
        }
    }

    /// Revenue in currency units.
    pub fn revenue(&self) -> f64 {
        self.purchases.revenue_micros as f64 / 1_000_000.0
    }

    /// The `builtins` variable of segment expressions.
    pub fn to_json(&self) -> serde_json::Map<String, Value> {
        let mut map = serde_json::Map::new();
        map.insert("lifecycle".into(), json!(self.stage.as_str()));
        if let Some(rfm) = self.rfm {
            map.insert("rfm".into(), json!({"r": rfm.r, "f": rfm.f, "m": rfm.m}));
        }
        map.insert("orders".into(), json!(self.purchases.orders));
        map.insert("revenue".into(), json!(self.revenue()));
        map
    }

    /// A change code per key of `builtins`, compared between evaluations to find the
    /// keys whose value changed.
    pub fn codes(&self) -> [(&'static str, i64); 4] {
        [
            ("lifecycle", self.stage.code()),
            ("rfm", Rfm::code(self.rfm)),
            ("orders", self.purchases.orders),
            ("revenue", self.purchases.revenue_micros),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn buyer(orders: i64, revenue: i64, last: i64) -> PurchaseSummary {
        PurchaseSummary {
            orders,
            revenue_micros: revenue,
            last_purchase_ms: last,
        }
    }

    #[test]
    fn stages_follow_the_thresholds() {
        let s = LifecycleSettings::default();
        let now = 1_000 * DAY_MS;
        let ago = |d: i64| now - d * DAY_MS;
        let stage = |p: PurchaseSummary, first: i64| lifecycle(&s, &p, first, now);
        assert_eq!(
            stage(buyer(0, 0, 0), ago(3)),
            (Stage::New, Some(ago(3) + 30 * DAY_MS + 1))
        );
        assert_eq!(stage(buyer(1, 5, ago(2)), ago(3)).0, Stage::New);
        assert_eq!(stage(buyer(2, 5, ago(2)), ago(3)).0, Stage::Active);
        assert_eq!(
            stage(buyer(2, 5, ago(10)), ago(400)),
            (Stage::Active, Some(ago(10) + 90 * DAY_MS + 1))
        );
        assert_eq!(stage(buyer(5, 5, ago(90)), ago(400)).0, Stage::Loyal);
        assert_eq!(stage(buyer(9, 5, ago(91)), ago(400)).0, Stage::AtRisk);
        assert_eq!(stage(buyer(1, 5, ago(180)), ago(400)).0, Stage::AtRisk);
        assert_eq!(
            stage(buyer(1, 5, ago(181)), ago(400)),
            (Stage::Dormant, None)
        );
        assert_eq!(stage(buyer(0, 0, 0), ago(31)).0, Stage::AtRisk);
        assert_eq!(stage(buyer(0, 0, 0), ago(181)).0, Stage::Dormant);
    }

    #[test]
    fn settings_are_validated_by_field() {
        let ok = LifecycleSettings::default();
        assert!(ok.validate().is_ok());
        let bad = LifecycleSettings {
            dormant_days: 90,
            ..ok.clone()
        };
        assert_eq!(bad.validate().unwrap_err().0, "settings.dormant_days");
        let bad = LifecycleSettings {
            loyal_min_orders: 1,
            ..ok
        };
        assert_eq!(bad.validate().unwrap_err().0, "settings.loyal_min_orders");
    }

    #[test]
    fn quintiles_score_ten_distinct_buyers_two_per_score() {
        let summaries: Vec<_> = (1..=10)
            .map(|i| buyer(i, i * 1_000_000, i * DAY_MS))
            .collect();
        let model = RfmModel::compute(summaries.iter().copied().chain([buyer(0, 0, 0)]), 0);
        assert_eq!(model.customer_count, 10);
        assert_eq!(model.frequency, [2, 4, 6, 8]);
        let scores: Vec<i32> = summaries
            .iter()
            .map(|s| model.score(s).map_or(0, |r| r.f))
            .collect();
        assert_eq!(scores, [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
        assert_eq!(model.score(&buyer(0, 0, 0)), None);
        // Ties share a score: everyone has the same values.
        let same = RfmModel::compute([buyer(1, 1, 1); 7], 0);
        assert_eq!(same.score(&buyer(1, 1, 1)), Some(Rfm { r: 1, f: 1, m: 1 }));
        // A later buyer scores against the stored cut-offs.
        assert_eq!(
            model.score(&buyer(30, 1, 11 * DAY_MS)),
            Some(Rfm { r: 5, f: 5, m: 1 })
        );
    }
}
