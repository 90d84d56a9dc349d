//! KPIs per journey, node, channel, template, offer, campaign, segment and day, with
//! the previous period and the relative change of every KPI.
//!
//! Every message-level KPI is counted in the hour the message was first seen (its
//! send), so rates compare like with like: a message sent on Monday and opened on
//! Tuesday counts as a Monday open. Conversions are credited at ingest to the last
//! message sent to the customer within the lookback window (see `store`). Grouping or
//! filtering by segment reads the message rows joined with the membership intervals;
//! everything else reads the hourly aggregates.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate};
use omni_common::ids::WorkspaceId;
use omni_storage::stmt;
use sea_orm::{ConnectionTrait, QueryResult, Value};

use crate::error::Error;
use crate::store::{DAY_MS, Store, int_sum, real_sum};

/// One week in milliseconds: the unit the previous period is moved back by.
pub const WEEK_MS: i64 = 7 * DAY_MS;

/// A half-open interval of unix milliseconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeRange {
    /// Inclusive start.
    pub start_ms: i64,
    /// Exclusive end.
    pub end_ms: i64,
}

impl TimeRange {
    /// The previous period: this range moved back by its length rounded up to whole
    /// weeks (a day is compared with the same weekday a week before).
    pub fn previous(&self) -> TimeRange {
        let shift = self.week_shift();
        TimeRange {
            start_ms: self.start_ms - shift,
            end_ms: self.end_ms - shift,
        }
    }

    /// How far [`TimeRange::previous`] moves back, in milliseconds.
    pub fn week_shift(&self) -> i64 {
        let len = (self.end_ms - self.start_ms).max(1);
        ((len + WEEK_MS - 1) / WEEK_MS) * WEEK_MS
    }
}

/// What KPIs are grouped by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dimension {
    /// One total row.
    None,
    /// Journey id.
    Journey,
    /// `journey_id/node_id`.
    JourneyNode,
    /// Channel.
    Channel,
    /// Template id.
    Template,
    /// Offer id.
    Offer,
    /// Segment id at send time.
    Segment,
    /// UTC day `YYYY-MM-DD`.
    Day,
    /// Campaign.
    Campaign,
}

/// Restrictions on the messages counted; `None` fields do not restrict.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KpiFilter {
    /// Journey id.
    pub journey_id: Option<String>,
    /// Node id.
    pub node_id: Option<String>,
    /// Channel.
    pub channel: Option<String>,
    /// Template id.
    pub template_id: Option<String>,
    /// Offer id.
    pub offer_id: Option<String>,
    /// Segment id (member at send time).
    pub segment_id: Option<String>,
    /// Campaign.
    pub campaign: Option<String>,
}

impl KpiFilter {
    /// True when only the campaign (or nothing) restricts: campaign spend applies.
    fn spend_applies(&self) -> bool {
        self.journey_id.is_none()
            && self.node_id.is_none()
            && self.channel.is_none()
            && self.template_id.is_none()
            && self.offer_id.is_none()
            && self.segment_id.is_none()
    }

    fn message_columns(&self) -> [(&'static str, Option<&String>); 6] {
        [
            ("journey_id", self.journey_id.as_ref()),
            ("node_id", self.node_id.as_ref()),
            ("channel", self.channel.as_ref()),
            ("template_id", self.template_id.as_ref()),
            ("offer_id", self.offer_id.as_ref()),
            ("campaign", self.campaign.as_ref()),
        ]
    }
}

/// Additive counters of one group.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Counts {
    /// Messages sent.
    pub sent: i64,
    /// Delivered.
    pub delivered: i64,
    /// Opened.
    pub opened: i64,
    /// Clicked.
    pub clicked: i64,
    /// Conversions credited.
    pub converted: i64,
    /// Unsubscribed.
    pub unsubscribed: i64,
    /// Bounced.
    pub bounced: i64,
    /// Complained.
    pub complained: i64,
    /// Revenue credited.
    pub revenue: f64,
    /// Cost.
    pub cost: f64,
}

/// The KPIs of one group and period.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Kpis {
    /// The counters.
    pub counts: Counts,
    /// opened / delivered.
    pub open_rate: f64,
    /// clicked / delivered.
    pub click_rate: f64,
    /// clicked / opened.
    pub click_to_open_rate: f64,
    /// converted / delivered.
    pub conversion_rate: f64,
    /// unsubscribed / delivered.
    pub unsubscribe_rate: f64,
    /// bounced / sent.
    pub bounce_rate: f64,
    /// revenue / delivered.
    pub revenue_per_recipient: f64,
    /// cost / converted.
    pub cac: f64,
    /// revenue / cost.
    pub roas: f64,
    /// (revenue - cost) / cost.
    pub roi: f64,
}

/// `a / b`, 0 when `b` is 0.
pub fn ratio(a: f64, b: f64) -> f64 {
    if b == 0.0 { 0.0 } else { a / b }
}

impl Counts {
    /// The KPIs derived from these counters.
    pub fn kpis(self) -> Kpis {
        let c = self;
        let delivered = c.delivered as f64;
        Kpis {
            counts: c,
            open_rate: ratio(c.opened as f64, delivered),
            click_rate: ratio(c.clicked as f64, delivered),
            click_to_open_rate: ratio(c.clicked as f64, c.opened as f64),
            conversion_rate: ratio(c.converted as f64, delivered),
            unsubscribe_rate: ratio(c.unsubscribed as f64, delivered),
            bounce_rate: ratio(c.bounced as f64, c.sent as f64),
            revenue_per_recipient: ratio(c.revenue, delivered),
            cac: ratio(c.cost, c.converted as f64),
            roas: ratio(c.revenue, c.cost),
            roi: ratio(c.revenue - c.cost, c.cost),
        }
    }

    fn add(&mut self, o: &Counts) {
        self.sent += o.sent;
        self.delivered += o.delivered;
        self.opened += o.opened;
        self.clicked += o.clicked;
        self.converted += o.converted;
        self.unsubscribed += o.unsubscribed;
        self.bounced += o.bounced;
        self.complained += o.complained;
        self.revenue += o.revenue;
        self.cost += o.cost;
    }
}

impl Kpis {
    /// Every KPI by name, as a number.
    pub fn named(&self) -> [(&'static str, f64); 20] {
        let c = &self.counts;
        [
            ("sent", c.sent as f64),
            ("delivered", c.delivered as f64),
            ("opened", c.opened as f64),
            ("clicked", c.clicked as f64),
            ("converted", c.converted as f64),
            ("unsubscribed", c.unsubscribed as f64),
            ("bounced", c.bounced as f64),
            ("complained", c.complained as f64),
            ("open_rate", self.open_rate),
            ("click_rate", self.click_rate),
            ("click_to_open_rate", self.click_to_open_rate),
            ("conversion_rate", self.conversion_rate),
            ("unsubscribe_rate", self.unsubscribe_rate),
            ("bounce_rate", self.bounce_rate),
            ("revenue", c.revenue),
            ("revenue_per_recipient", self.revenue_per_recipient),
            ("cost", c.cost),
            ("cac", self.cac),
            ("roas", self.roas),
            ("roi", self.roi),
        ]
    }
}

/// One group's KPIs now and in the previous period.
#[derive(Clone, Debug, PartialEq)]
pub struct KpiRow {
    /// Group key; empty for the total.
    pub key: String,
    /// This period.
    pub current: Kpis,
    /// The previous period.
    pub previous: Kpis,
    /// (current - previous) / previous per KPI whose previous value is not 0.
    pub relative_change: BTreeMap<String, f64>,
}

impl KpiRow {
    fn new(key: String, current: Counts, previous: Counts) -> Self {
        let (current, previous) = (current.kpis(), previous.kpis());
        let relative_change = current
            .named()
            .iter()
            .zip(previous.named())
            .filter(|(_, (_, p))| *p != 0.0)
            .map(|((name, c), (_, p))| ((*name).to_owned(), (c - p) / p))
            .collect();
        KpiRow {
            key,
            current,
            previous,
            relative_change,
        }
    }
}

/// The answer to a KPI query.
#[derive(Clone, Debug, PartialEq)]
pub struct KpiReport {
    /// One row per group, by key.
    pub rows: Vec<KpiRow>,
    /// All groups.
    pub total: KpiRow,
    /// The period compared with.
    pub previous_range: TimeRange,
}

/// Computes the KPI report of `range` grouped by `dim` and filtered.
pub async fn report(
    store: &Store,
    ws: &WorkspaceId,
    range: TimeRange,
    dim: Dimension,
    filter: &KpiFilter,
) -> Result<KpiReport, Error> {
    let previous_range = range.previous();
    let shift_days = range.week_shift() / DAY_MS;
    let total_now = counts(store, ws, range, Dimension::None, filter).await?;
    let total_before = counts(store, ws, previous_range, Dimension::None, filter).await?;
    let total = KpiRow::new(
        String::new(),
        total_now.get("").copied().unwrap_or_default(),
        total_before.get("").copied().unwrap_or_default(),
    );
    let rows = if dim == Dimension::None {
        Vec::new()
    } else {
        let now = counts(store, ws, range, dim, filter).await?;
        let before = counts(store, ws, previous_range, dim, filter).await?;
        // Days of the previous period line up with the days `shift_days` later.
        let before: BTreeMap<String, Counts> = before
            .into_iter()
            .map(|(k, v)| {
                let k = match (dim, k.parse::<i64>()) {
                    (Dimension::Day, Ok(day)) => (day + shift_days).to_string(),
                    _ => k,
                };
                (k, v)
            })
            .collect();
        let keys: BTreeSet<&String> = now.keys().chain(before.keys()).collect();
        keys.into_iter()
            .map(|k| {
                let label = match (dim, k.parse::<i64>()) {
                    (Dimension::Day, Ok(day)) => day_label(day),
                    _ => k.clone(),
                };
                KpiRow::new(
                    label,
                    now.get(k).copied().unwrap_or_default(),
                    before.get(k).copied().unwrap_or_default(),
                )
            })
            .collect()
    };
    Ok(KpiReport {
        rows,
        total,
        previous_range,
    })
}

/// `YYYY-MM-DD` of a day number (days since the unix epoch).
pub fn day_label(day: i64) -> String {
    DateTime::from_timestamp_millis(day * DAY_MS)
        .map(|t| t.date_naive().to_string())
        .unwrap_or_else(|| day.to_string())
}

/// The unix ms of the start of `YYYY-MM-DD` (UTC).
pub fn parse_day(day: &str) -> Option<i64> {
    let d = NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
    Some(d.and_hms_opt(0, 0, 0)?.and_utc().timestamp_millis())
}

/// Counters per group key of `dim` over `range` (day keys are day numbers).
pub async fn counts(
    store: &Store,
    ws: &WorkspaceId,
    range: TimeRange,
    dim: Dimension,
    filter: &KpiFilter,
) -> Result<BTreeMap<String, Counts>, Error> {
    let by_segment = dim == Dimension::Segment || filter.segment_id.is_some();
    let (time_col, key) = if by_segment {
        ("bucket_ms", key_expr(dim, "h.bucket_ms"))
    } else {
        ("hour_ms", key_expr(dim, "h.hour_ms"))
    };
    let mut values: Vec<Value> = vec![
        ws.as_str().into(),
        range.start_ms.into(),
        range.end_ms.into(),
    ];
    let mut wheres = String::new();
    for (col, value) in filter.message_columns() {
        if let Some(v) = value {
            values.push(v.as_str().into());
            wheres.push_str(&format!(" AND h.{col} = ${}", values.len()));
        }
    }
    let measures = if by_segment {
        let flag = |col: &str| int_sum(&format!("CASE WHEN h.{col}_at IS NULL THEN 0 ELSE 1 END"));
        format!(
            "{} AS sent, {} AS delivered, {} AS opened, {} AS clicked, {} AS unsubscribed,
             {} AS bounced, {} AS complained, {} AS converted, {} AS revenue, {} AS cost",
            flag("sent"),
            flag("delivered"),
            flag("opened"),
            flag("clicked"),
            flag("unsubscribed"),
            flag("bounced"),
            flag("complained"),
            int_sum("h.converted"),
            real_sum("h.revenue"),
            real_sum(
                "CASE WHEN h.sent_at IS NULL THEN 0 \
                 ELSE COALESCE(h.cost, cc.cost_per_message, 0) END"
            ),
        )
    } else {
        format!(
            "{} AS sent, {} AS delivered, {} AS opened, {} AS clicked, {} AS unsubscribed,
             {} AS bounced, {} AS complained, {} AS converted, {} AS revenue, {} AS cost",
            int_sum("h.sent"),
            int_sum("h.delivered"),
            int_sum("h.opened"),
            int_sum("h.clicked"),
            int_sum("h.unsubscribed"),
            int_sum("h.bounced"),
            int_sum("h.complained"),
            int_sum("h.converted"),
            real_sum("h.revenue"),
            real_sum("h.cost + h.uncosted * COALESCE(cc.cost_per_message, 0)"),
        )
    };
    let mut from = String::from(if by_segment {
        "messages h"
    } else {
        "kpi_hourly h"
    });
    const DURING: &str = "s.workspace_id = h.workspace_id AND s.customer_id = h.customer_id
         AND s.enter_ms <= h.first_ms AND (s.exit_ms IS NULL OR s.exit_ms > h.first_ms)";
    if dim == Dimension::Segment {
        // One row per (message, segment the customer was in when it was sent).
        from.push_str(&format!(" JOIN memberships s ON {DURING}"));
        if let Some(seg) = &filter.segment_id {
            values.push(seg.as_str().into());
            wheres.push_str(&format!(" AND s.segment_id = ${}", values.len()));
        }
    } else if let Some(seg) = &filter.segment_id {
        // A message counts once even if the customer entered the segment twice.
        values.push(seg.as_str().into());
        wheres.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM memberships s WHERE {DURING} AND s.segment_id = ${})",
            values.len()
        ));
    }
    from.push_str(
        " LEFT JOIN channel_costs cc ON cc.workspace_id = h.workspace_id AND cc.channel = h.channel",
    );
    let group = if dim == Dimension::None {
        String::new()
    } else {
        format!(" GROUP BY {key}")
    };
    let sql = format!(
        "SELECT {key} AS k, {measures} FROM {from}
         WHERE h.workspace_id = $1 AND h.{time_col} >= $2 AND h.{time_col} < $3{wheres}{group}"
    );
    let rows = store
        .db()
        .query_all_raw(stmt(store.backend(), &sql, values))
        .await?;
    let mut out: BTreeMap<String, Counts> = BTreeMap::new();
    for row in rows {
        let (k, c) = counts_from_row(&row)?;
        out.entry(k).or_default().add(&c);
    }
    if dim == Dimension::None {
        out.entry(String::new()).or_default();
    }
    if filter.spend_applies() && matches!(dim, Dimension::None | Dimension::Campaign) {
        add_spend(store, ws, range, dim, filter, &mut out).await?;
    }
    Ok(out)
}

/// The SQL expression of a group key over messages or aggregates aliased `h` (and
/// memberships `s` for segments); `time` is the bucket column.
pub(crate) fn key_expr(dim: Dimension, time: &str) -> String {
    match dim {
        Dimension::None => "''".into(),
        Dimension::Journey => "h.journey_id".into(),
        Dimension::JourneyNode => "h.journey_id || '/' || h.node_id".into(),
        Dimension::Channel => "h.channel".into(),
        Dimension::Template => "h.template_id".into(),
        Dimension::Offer => "h.offer_id".into(),
        Dimension::Segment => "s.segment_id".into(),
        Dimension::Day => format!("CAST({time} / {DAY_MS} AS TEXT)"),
        Dimension::Campaign => "h.campaign".into(),
    }
}

fn counts_from_row(row: &QueryResult) -> Result<(String, Counts), Error> {
    Ok((
        row.try_get("", "k")?,
        Counts {
            sent: row.try_get("", "sent")?,
            delivered: row.try_get("", "delivered")?,
            opened: row.try_get("", "opened")?,
            clicked: row.try_get("", "clicked")?,
            converted: row.try_get("", "converted")?,
            unsubscribed: row.try_get("", "unsubscribed")?,
            bounced: row.try_get("", "bounced")?,
            complained: row.try_get("", "complained")?,
            revenue: row.try_get("", "revenue")?,
            cost: row.try_get("", "cost")?,
        },
    ))
}

/// Adds recorded campaign spend of the days starting in `range` to the total (or the
/// campaign rows).
async fn add_spend(
    store: &Store,
    ws: &WorkspaceId,
    range: TimeRange,
    dim: Dimension,
    filter: &KpiFilter,
    out: &mut BTreeMap<String, Counts>,
) -> Result<(), Error> {
    let mut values: Vec<Value> = vec![
        ws.as_str().into(),
        range.start_ms.into(),
        range.end_ms.into(),
    ];
    let mut wheres = String::new();
    if let Some(c) = &filter.campaign {
        values.push(c.as_str().into());
        wheres.push_str(" AND campaign = $4");
    }
    let rows = store
        .db()
        .query_all_raw(stmt(
            store.backend(),
            &format!(
                "SELECT campaign, {} AS amount FROM campaign_spend
                 WHERE workspace_id = $1 AND day_ms >= $2 AND day_ms < $3{wheres}
                 GROUP BY campaign",
                real_sum("amount")
            ),
            values,
        ))
        .await?;
    for row in rows {
        let campaign: String = row.try_get("", "campaign")?;
        let amount: f64 = row.try_get("", "amount")?;
        let key = if dim == Dimension::Campaign {
            campaign
        } else {
            String::new()
        };
        out.entry(key).or_default().cost += amount;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn previous_period_moves_back_whole_weeks() {
        let day = TimeRange {
            start_ms: 10 * WEEK_MS,
            end_ms: 10 * WEEK_MS + DAY_MS,
        };
        assert_eq!(day.previous().start_ms, 9 * WEEK_MS);
        let ninety = TimeRange {
            start_ms: 20 * WEEK_MS,
            end_ms: 20 * WEEK_MS + 90 * DAY_MS,
        };
        assert_eq!(ninety.week_shift(), 13 * WEEK_MS);
    }

    #[test]
    fn rates_follow_their_definitions() {
        let k = Counts {
            sent: 100,
            delivered: 80,
            opened: 40,
            clicked: 10,
            converted: 4,
            unsubscribed: 2,
            bounced: 20,
            complained: 0,
            revenue: 200.0,
            cost: 50.0,
        }
        .kpis();
        assert_eq!(k.open_rate, 0.5);
        assert_eq!(k.click_rate, 0.125);
        assert_eq!(k.click_to_open_rate, 0.25);
        assert_eq!(k.conversion_rate, 0.05);
        assert_eq!(k.unsubscribe_rate, 0.025);
        assert_eq!(k.bounce_rate, 0.2);
        assert_eq!(k.revenue_per_recipient, 2.5);
        assert_eq!(k.cac, 12.5);
        assert_eq!(k.roas, 4.0);
        assert_eq!(k.roi, 3.0);
    }
}
