//! Customer value from purchase histories: retention cohorts by first-purchase month
//! and customer lifetime value (historical, and a simple predictive estimate).
//!
//! Purchases are the stored conversions (one per order, see `store`), so erased
//! customers are not counted. Both reports read every purchase of the workspace made
//! before `as_of` once and compute in memory.
//!
//! Predictive CLTV (docs/insights.md) assumes constant rates per customer-month of
//! exposure: with `T` the months (30 days) from each customer's first purchase to
//! `as_of`, summed, the purchase frequency is `orders / T`, the monthly churn rate is
//! `churned / T` (churned: last purchase more than `churn_after` before `as_of`), the
//! expected lifetime `1 / churn` months (capped), and
//! `predicted = average order value × frequency × lifetime`.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, NaiveDate};
use omni_common::ids::{CustomerId, WorkspaceId};
use omni_storage::stmt;
use sea_orm::ConnectionTrait;

use crate::error::Error;
use crate::kpis::ratio;
use crate::store::{DAY_MS, Store};

/// The month of customer-value formulas: 30 days.
pub const MONTH_MS: i64 = 30 * DAY_MS;
/// Default `churn_after`: 90 days.
pub const DEFAULT_CHURN_AFTER_MS: i64 = 90 * DAY_MS;
/// Default cap on the expected lifetime, in months.
pub const DEFAULT_MAX_LIFETIME_MONTHS: f64 = 60.0;

/// A UTC calendar month as `year * 12 + month0`.
pub type MonthIndex = i64;

/// The UTC month containing `ms`.
pub fn month_of(ms: i64) -> MonthIndex {
    let d = DateTime::from_timestamp_millis(ms).unwrap_or_default();
    i64::from(d.year()) * 12 + i64::from(d.month0())
}

/// The first millisecond of `month`.
pub fn month_start(month: MonthIndex) -> i64 {
    let (year, month0) = (month.div_euclid(12), month.rem_euclid(12));
    i32::try_from(year)
        .ok()
        .and_then(|y| NaiveDate::from_ymd_opt(y, u32::try_from(month0 + 1).ok()?, 1))
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map_or(0, |d| d.and_utc().timestamp_millis())
}

/// `YYYY-MM` of `month`.
pub fn month_label(month: MonthIndex) -> String {
    format!(
        "{:04}-{:02}",
        month.div_euclid(12),
        month.rem_euclid(12) + 1
    )
}

/// One customer's purchases before `as_of`.
#[derive(Clone, Debug, Default, PartialEq)]
struct History {
    first_ms: i64,
    last_ms: i64,
    orders: i64,
    revenue: f64,
    /// Months with at least one purchase.
    months: Vec<MonthIndex>,
}

/// Every customer's purchase history before `as_of`.
async fn histories(
    store: &Store,
    ws: &WorkspaceId,
    as_of: i64,
) -> Result<BTreeMap<String, History>, Error> {
    let rows = store
        .db()
        .query_all_raw(stmt(
            store.backend(),
            "SELECT customer_id, time_ms, revenue FROM conversions
             WHERE workspace_id = $1 AND time_ms < $2 ORDER BY customer_id, time_ms",
            [ws.as_str().into(), as_of.into()],
        ))
        .await?;
    let mut out: BTreeMap<String, History> = BTreeMap::new();
    for row in rows {
        let customer: String = row.try_get("", "customer_id")?;
        let time_ms: i64 = row.try_get("", "time_ms")?;
        let revenue: f64 = row.try_get("", "revenue")?;
        let h = out.entry(customer).or_insert_with(|| History {
            first_ms: time_ms,
            ..History::default()
        });
        h.last_ms = time_ms;
        h.orders += 1;
        h.revenue += revenue;
        let month = month_of(time_ms);
        if h.months.last() != Some(&month) {
            h.months.push(month);
        }
    }
    Ok(out)
}

/// A cohort report query.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CohortQuery {
    /// First cohort month.
    pub first: MonthIndex,
    /// Last cohort month (inclusive).
    pub last: MonthIndex,
    /// Following months reported besides the cohort month.
    pub months: i64,
    /// Observation end, unix ms (exclusive).
    pub as_of: i64,
}

/// One cohort.
#[derive(Clone, Debug, PartialEq)]
pub struct Cohort {
    /// First-purchase month.
    pub month: MonthIndex,
    /// Customers.
    pub customers: i64,
    /// Customers purchasing in the k-th month after the cohort month.
    pub retained: Vec<i64>,
    /// retained / customers.
    pub retention: Vec<f64>,
}

/// Retention cohorts of the first-purchase months `query.first ..= query.last`.
pub async fn cohorts(
    store: &Store,
    ws: &WorkspaceId,
    query: CohortQuery,
) -> Result<Vec<Cohort>, Error> {
    let histories = histories(store, ws, query.as_of).await?;
    let observed_until = month_of(query.as_of - 1);
    let mut by_month: BTreeMap<MonthIndex, (i64, Vec<i64>)> = BTreeMap::new();
    for h in histories.values() {
        let cohort = month_of(h.first_ms);
        if cohort < query.first || cohort > query.last {
            continue;
        }
        let reported = query.months.min(observed_until - cohort).max(0);
        let entry = by_month
            .entry(cohort)
            .or_insert_with(|| (0, vec![0; usize::try_from(reported + 1).unwrap_or(1)]));
        entry.0 += 1;
        for month in &h.months {
            if let Some(slot) = usize::try_from(month - cohort)
                .ok()
                .and_then(|k| entry.1.get_mut(k))
            {
                *slot += 1;
            }
        }
    }
    Ok(by_month
        .into_iter()
        .map(|(month, (customers, retained))| Cohort {
            month,
            customers,
            retention: retained
                .iter()
                .map(|r| ratio(*r as f64, customers as f64))
                .collect(),
            retained,
        })
        .collect())
}

/// How customer value rows are grouped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueGrouping {
    /// Only the workspace total.
    None,
    /// First-purchase month.
    Cohort,
    /// Segments the customer is a member of at `as_of`.
    Segment,
}

/// A customer value query.
#[derive(Clone, Debug, PartialEq)]
pub struct ValueQuery {
    /// Grouping of the rows.
    pub group_by: ValueGrouping,
    /// Only this customer's row.
    pub customer: Option<CustomerId>,
    /// Observation end, unix ms (exclusive).
    pub as_of: i64,
    /// Inactivity after which a customer is churned, in ms.
    pub churn_after_ms: i64,
    /// Cap on the expected lifetime, in months.
    pub max_lifetime_months: f64,
}

/// Lifetime value of a group of customers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CustomerValue {
    /// Group key; empty for the total.
    pub key: String,
    /// Customers with a purchase.
    pub customers: i64,
    /// Orders.
    pub orders: i64,
    /// Revenue.
    pub revenue: f64,
    /// revenue / customers.
    pub historical_cltv: f64,
    /// revenue / orders.
    pub average_order_value: f64,
    /// Orders per customer-month.
    pub purchase_frequency: f64,
    /// Churned customers per customer-month.
    pub monthly_churn_rate: f64,
    /// 1 / churn, capped.
    pub expected_lifetime_months: f64,
    /// average_order_value × purchase_frequency × expected_lifetime_months.
    pub predicted_cltv: f64,
}

/// Sums of one group.
#[derive(Clone, Copy, Debug, Default)]
struct Tally {
    customers: i64,
    orders: i64,
    revenue: f64,
    exposure_months: f64,
    churned: i64,
}

impl Tally {
    fn add(&mut self, h: &History, q: &ValueQuery) {
        self.customers += 1;
        self.orders += h.orders;
        self.revenue += h.revenue;
        self.exposure_months += (q.as_of - h.first_ms).max(0) as f64 / MONTH_MS as f64;
        if q.as_of - h.last_ms > q.churn_after_ms {
            self.churned += 1;
        }
    }

    fn churn(&self) -> f64 {
        ratio(self.churned as f64, self.exposure_months)
    }

    /// The value of this group; `churn` is the monthly churn rate used for its
    /// lifetime (its own, or the workspace's for a single customer).
    fn value(&self, key: String, churn: f64, q: &ValueQuery) -> CustomerValue {
        let lifetime = if churn > 0.0 {
            (1.0 / churn).min(q.max_lifetime_months)
        } else {
            q.max_lifetime_months
        };
        let aov = ratio(self.revenue, self.orders as f64);
        let frequency = ratio(self.orders as f64, self.exposure_months);
        CustomerValue {
            key,
            customers: self.customers,
            orders: self.orders,
            revenue: self.revenue,
            historical_cltv: ratio(self.revenue, self.customers as f64),
            average_order_value: aov,
            purchase_frequency: frequency,
            monthly_churn_rate: churn,
            expected_lifetime_months: if self.customers == 0 { 0.0 } else { lifetime },
            predicted_cltv: aov * frequency * lifetime,
        }
    }
}

/// The answer to a customer value query.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ValueReport {
    /// Rows by key (or the one customer's row).
    pub rows: Vec<CustomerValue>,
    /// Every customer of the workspace.
    pub total: CustomerValue,
}

/// Customer lifetime value as `query` asks.
pub async fn report(
    store: &Store,
    ws: &WorkspaceId,
    query: &ValueQuery,
) -> Result<ValueReport, Error> {
    let histories = histories(store, ws, query.as_of).await?;
    let mut total = Tally::default();
    for h in histories.values() {
        total.add(h, query);
    }
    let churn = total.churn();
    let total_value = total.value(String::new(), churn, query);
    if let Some(customer) = &query.customer {
        let mut one = Tally::default();
        if let Some(h) = histories.get(customer.as_str()) {
            one.add(h, query);
        }
        return Ok(ValueReport {
            rows: vec![one.value(customer.as_str().to_owned(), churn, query)],
            total: total_value,
        });
    }
    let mut groups: BTreeMap<String, Tally> = BTreeMap::new();
    match query.group_by {
        ValueGrouping::None => {}
        ValueGrouping::Cohort => {
            for h in histories.values() {
                groups
                    .entry(month_label(month_of(h.first_ms)))
                    .or_default()
                    .add(h, query);
            }
        }
        ValueGrouping::Segment => {
            for (customer, segment) in memberships_at(store, ws, query.as_of).await? {
                if let Some(h) = histories.get(&customer) {
                    groups.entry(segment).or_default().add(h, query);
                }
            }
        }
    }
    Ok(ValueReport {
        rows: groups
            .into_iter()
            .map(|(key, t)| {
                let churn = t.churn();
                t.value(key, churn, query)
            })
            .collect(),
        total: total_value,
    })
}

/// (customer, segment) of every membership open at `at`.
async fn memberships_at(
    store: &Store,
    ws: &WorkspaceId,
    at: i64,
) -> Result<Vec<(String, String)>, Error> {
    let rows = store
        .db()
        .query_all_raw(stmt(
            store.backend(),
            "SELECT DISTINCT customer_id, segment_id FROM memberships
             WHERE workspace_id = $1 AND enter_ms <= $2 AND (exit_ms IS NULL OR exit_ms > $2)",
            [ws.as_str().into(), at.into()],
        ))
        .await?;
    rows.iter()
        .map(|row| {
            Ok((
                row.try_get("", "customer_id")?,
                row.try_get("", "segment_id")?,
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_round_trip_across_years() {
        // 2026-01-31 23:59:59.999 UTC and 2026-02-01 00:00 UTC.
        let feb = 1_769_904_000_000;
        assert_eq!(month_label(month_of(feb - 1)), "2026-01");
        assert_eq!(month_label(month_of(feb)), "2026-02");
        assert_eq!(month_start(month_of(feb)), feb);
        assert_eq!(month_label(month_of(feb) - 2), "2025-12");
        assert_eq!(
            month_of(month_start(month_of(feb) + 11)),
            month_of(feb) + 11
        );
    }
}
