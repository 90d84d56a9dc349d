//! Conversions between `omni.insights.v1` messages and the domain types, with request
//! validation (bad input → [`Error::InvalidArgument`] naming the field).

use omni_common::convert::{from_timestamp, to_timestamp};
use omni_common::ids::CustomerId;
use omni_proto::insights::v1 as pb;
use prost_types::Duration;

use crate::alerts::{Alert, Granularity};
use crate::attribution::{AttributionQuery, AttributionReport, Credit};
use crate::customers::{self, CustomerKpiRow, CustomerKpiSettings, CustomerKpis};
use crate::error::Error;
use crate::funnel::{Breakdown, Funnel, FunnelQuery, FunnelReport};
use crate::incrementality::{ArmOutcome, IncrementalityQuery, IncrementalityReport, Uplift};
use crate::kpis::{Counts, Dimension, KpiFilter, KpiReport, KpiRow, Kpis, TimeRange};
use crate::store::DAY_MS;
use crate::value::{
    self, Cohort, CohortQuery, CustomerValue, ValueGrouping, ValueQuery, ValueReport,
};

/// Longest KPI range, in days.
pub const MAX_RANGE_DAYS: i64 = 400;

/// A non-empty string, or `None`.
pub fn optional(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// Validates a required range (`field` names it in errors).
pub fn range(r: Option<&pb::TimeRange>, field: &'static str) -> Result<TimeRange, Error> {
    range_within(r, field, MAX_RANGE_DAYS)
}

/// Validates a required range of at most `max_days` days.
pub fn range_within(
    r: Option<&pb::TimeRange>,
    field: &'static str,
    max_days: i64,
) -> Result<TimeRange, Error> {
    let r = r.ok_or_else(|| Error::invalid(field, "is required"))?;
    let start = r
        .start_time
        .as_ref()
        .ok_or_else(|| Error::invalid(field, "start_time is required"))?;
    let end = r
        .end_time
        .as_ref()
        .ok_or_else(|| Error::invalid(field, "end_time is required"))?;
    let (start_ms, end_ms) = (from_timestamp(start), from_timestamp(end));
    if end_ms <= start_ms {
        return Err(Error::invalid(field, "end_time must be after start_time"));
    }
    if end_ms - start_ms > max_days * DAY_MS {
        return Err(Error::invalid(
            field,
            format!("must span at most {max_days} days"),
        ));
    }
    Ok(TimeRange { start_ms, end_ms })
}

/// A duration in ms with a default when unset and bounds `(0, max_days]`.
pub fn duration(
    d: Option<&Duration>,
    field: &'static str,
    default_ms: i64,
    max_days: i64,
) -> Result<i64, Error> {
    let Some(d) = d else {
        return Ok(default_ms);
    };
    let ms = d
        .seconds
        .saturating_mul(1000)
        .saturating_add(i64::from(d.nanos) / 1_000_000);
    if ms <= 0 {
        return Err(Error::invalid(field, "must be positive"));
    }
    if ms > max_days * DAY_MS {
        return Err(Error::invalid(
            field,
            format!("must be at most {max_days} days"),
        ));
    }
    Ok(ms)
}

/// The domain dimension of a proto one.
pub fn dimension(value: i32, field: &'static str) -> Result<Dimension, Error> {
    Ok(
        match pb::Dimension::try_from(value)
            .map_err(|_| Error::invalid(field, format!("unknown dimension {value}")))?
        {
            pb::Dimension::Unspecified => Dimension::None,
            pb::Dimension::Journey => Dimension::Journey,
            pb::Dimension::JourneyNode => Dimension::JourneyNode,
            pb::Dimension::Channel => Dimension::Channel,
            pb::Dimension::Template => Dimension::Template,
            pb::Dimension::Offer => Dimension::Offer,
            pb::Dimension::Segment => Dimension::Segment,
            pb::Dimension::Day => Dimension::Day,
            pb::Dimension::Campaign => Dimension::Campaign,
        },
    )
}

/// The domain filter of a proto one.
pub fn filter(f: Option<&pb::KpiFilter>) -> KpiFilter {
    let Some(f) = f else {
        return KpiFilter::default();
    };
    KpiFilter {
        journey_id: optional(&f.journey_id),
        node_id: optional(&f.node_id),
        channel: optional(&f.channel),
        template_id: optional(&f.template_id),
        offer_id: optional(&f.offer_id),
        segment_id: optional(&f.segment_id),
        campaign: optional(&f.campaign),
    }
}

/// A validated KPI query: (range, grouping, filter).
pub fn kpi_query(req: &pb::GetKpisRequest) -> Result<(TimeRange, Dimension, KpiFilter), Error> {
    Ok((
        range(req.range.as_ref(), "range")?,
        dimension(req.group_by, "group_by")?,
        filter(req.filter.as_ref()),
    ))
}

fn kpis_to_proto(k: &Kpis) -> pb::Kpis {
    let c: &Counts = &k.counts;
    pb::Kpis {
        sent: c.sent,
        delivered: c.delivered,
        opened: c.opened,
        clicked: c.clicked,
        converted: c.converted,
        unsubscribed: c.unsubscribed,
        bounced: c.bounced,
        complained: c.complained,
        open_rate: k.open_rate,
        click_rate: k.click_rate,
        click_to_open_rate: k.click_to_open_rate,
        conversion_rate: k.conversion_rate,
        unsubscribe_rate: k.unsubscribe_rate,
        bounce_rate: k.bounce_rate,
        revenue: c.revenue,
        revenue_per_recipient: k.revenue_per_recipient,
        cost: c.cost,
        cac: k.cac,
        roas: k.roas,
        roi: k.roi,
    }
}

fn row_to_proto(r: &KpiRow) -> pb::KpiRow {
    pb::KpiRow {
        key: r.key.clone(),
        current: Some(kpis_to_proto(&r.current)),
        previous: Some(kpis_to_proto(&r.previous)),
        relative_change: r
            .relative_change
            .iter()
            .map(|(k, v)| (k.clone(), *v))
            .collect(),
    }
}

fn range_to_proto(r: TimeRange) -> pb::TimeRange {
    pb::TimeRange {
        start_time: Some(to_timestamp(r.start_ms)),
        end_time: Some(to_timestamp(r.end_ms)),
    }
}

/// The KPI answer.
pub fn kpi_report_to_proto(r: &KpiReport) -> pb::GetKpisResponse {
    pb::GetKpisResponse {
        rows: r.rows.iter().map(row_to_proto).collect(),
        total: Some(row_to_proto(&r.total)),
        previous_range: Some(range_to_proto(r.previous_range)),
        customer_kpis: None,
    }
}

/// The validated customer KPI parameters of a KPI query.
pub fn customer_kpi_settings(req: &pb::GetKpisRequest) -> Result<CustomerKpiSettings, Error> {
    Ok(CustomerKpiSettings {
        cart_return_ms: duration(
            req.cart_return_window.as_ref(),
            "cart_return_window",
            customers::DEFAULT_CART_RETURN_MS,
            90,
        )?,
        dormancy_ms: duration(
            req.dormancy_threshold.as_ref(),
            "dormancy_threshold",
            customers::DEFAULT_DORMANCY_MS,
            730,
        )?,
    })
}

fn customer_kpis_to_proto(k: &CustomerKpis) -> pb::CustomerKpis {
    pb::CustomerKpis {
        cart_abandoners: k.cart_abandoners,
        cart_returners: k.cart_returners,
        cart_return_rate: k.cart_return_rate,
        dormant_customers: k.dormant_customers,
        reactivated_customers: k.reactivated_customers,
        reactivation_rate: k.reactivation_rate,
    }
}

/// The customer KPIs of a KPI answer.
pub fn customer_kpi_row_to_proto(r: &CustomerKpiRow) -> pb::CustomerKpiRow {
    pb::CustomerKpiRow {
        current: Some(customer_kpis_to_proto(&r.current)),
        previous: Some(customer_kpis_to_proto(&r.previous)),
        relative_change: r
            .relative_change
            .iter()
            .map(|(k, v)| (k.clone(), *v))
            .collect(),
    }
}

/// Longest cohort range, in days (36 months).
pub const MAX_COHORT_DAYS: i64 = 1_100;
/// Most following months per cohort.
pub const MAX_COHORT_MONTHS: i32 = 36;

/// `as_of`, or `now_ms` when unset.
fn as_of(t: Option<&prost_types::Timestamp>, now_ms: i64) -> i64 {
    t.map_or(now_ms, from_timestamp)
}

/// A validated cohort query; `now_ms` is the default observation end.
pub fn cohort_query(req: &pb::GetCohortsRequest, now_ms: i64) -> Result<CohortQuery, Error> {
    let r = range_within(req.range.as_ref(), "range", MAX_COHORT_DAYS)?;
    let months = match req.months {
        0 => 12,
        m if (1..=MAX_COHORT_MONTHS).contains(&m) => m,
        _ => {
            return Err(Error::invalid(
                "months",
                format!("must be from 0 to {MAX_COHORT_MONTHS}"),
            ));
        }
    };
    Ok(CohortQuery {
        first: value::month_of(r.start_ms),
        last: value::month_of(r.end_ms - 1),
        months: i64::from(months),
        as_of: as_of(req.as_of.as_ref(), now_ms),
    })
}

/// The cohort answer.
pub fn cohorts_to_proto(cohorts: &[Cohort]) -> pb::GetCohortsResponse {
    pb::GetCohortsResponse {
        cohorts: cohorts
            .iter()
            .map(|c| pb::Cohort {
                month: value::month_label(c.month),
                customers: c.customers,
                retained: c.retained.clone(),
                retention: c.retention.clone(),
            })
            .collect(),
    }
}

/// A validated customer value query; `now_ms` is the default observation end.
pub fn value_query(req: &pb::GetCustomerValueRequest, now_ms: i64) -> Result<ValueQuery, Error> {
    let group_by = match pb::ValueGrouping::try_from(req.group_by)
        .map_err(|_| Error::invalid("group_by", format!("unknown grouping {}", req.group_by)))?
    {
        pb::ValueGrouping::Unspecified => ValueGrouping::None,
        pb::ValueGrouping::Cohort => ValueGrouping::Cohort,
        pb::ValueGrouping::Segment => ValueGrouping::Segment,
    };
    let max_lifetime_months = match req.max_lifetime_months {
        0 => value::DEFAULT_MAX_LIFETIME_MONTHS,
        m if (1..=600).contains(&m) => f64::from(m),
        _ => {
            return Err(Error::invalid(
                "max_lifetime_months",
                "must be from 0 to 600",
            ));
        }
    };
    Ok(ValueQuery {
        group_by,
        customer: optional(&req.customer_id).map(CustomerId::new),
        as_of: as_of(req.as_of.as_ref(), now_ms),
        churn_after_ms: duration(
            req.churn_after.as_ref(),
            "churn_after",
            value::DEFAULT_CHURN_AFTER_MS,
            730,
        )?,
        max_lifetime_months,
    })
}

fn customer_value_to_proto(v: &CustomerValue) -> pb::CustomerValue {
    pb::CustomerValue {
        key: v.key.clone(),
        customers: v.customers,
        orders: v.orders,
        revenue: v.revenue,
        historical_cltv: v.historical_cltv,
        average_order_value: v.average_order_value,
        purchase_frequency: v.purchase_frequency,
        monthly_churn_rate: v.monthly_churn_rate,
        expected_lifetime_months: v.expected_lifetime_months,
        predicted_cltv: v.predicted_cltv,
    }
}

/// The customer value answer.
pub fn value_to_proto(r: &ValueReport) -> pb::GetCustomerValueResponse {
    pb::GetCustomerValueResponse {
        rows: r.rows.iter().map(customer_value_to_proto).collect(),
        total: Some(customer_value_to_proto(&r.total)),
    }
}

/// A validated attribution query.
pub fn attribution_query(req: &pb::GetAttributionRequest) -> Result<AttributionQuery, Error> {
    let dim = match dimension(req.group_by, "group_by")? {
        Dimension::None => Dimension::Channel,
        Dimension::Segment => {
            return Err(Error::invalid(
                "group_by",
                "attribution cannot be grouped by segment",
            ));
        }
        d => d,
    };
    Ok(AttributionQuery {
        range: range(req.range.as_ref(), "range")?,
        lookback_ms: duration(req.lookback.as_ref(), "lookback", 7 * DAY_MS, 90)?,
        half_life_ms: duration(req.half_life.as_ref(), "half_life", 7 * DAY_MS, 365)?,
        dim,
        engaged_only: req.engaged_only,
    })
}

fn credit(c: &Credit) -> pb::Credit {
    pb::Credit {
        conversions: c.conversions,
        revenue: c.revenue,
    }
}

/// The attribution answer.
pub fn attribution_to_proto(r: &AttributionReport) -> pb::GetAttributionResponse {
    pb::GetAttributionResponse {
        rows: r
            .rows
            .iter()
            .map(|row| pb::AttributionRow {
                key: row.key.clone(),
                first_touch: Some(credit(&row.credit[0])),
                last_touch: Some(credit(&row.credit[1])),
                linear: Some(credit(&row.credit[2])),
                time_decay: Some(credit(&row.credit[3])),
                position_based: Some(credit(&row.credit[4])),
            })
            .collect(),
        conversions: r.conversions,
        revenue: r.revenue,
        unattributed_conversions: r.unattributed_conversions,
        unattributed_revenue: r.unattributed_revenue,
    }
}

/// A validated incrementality query.
pub fn incrementality_query(
    req: &pb::GetIncrementalityRequest,
) -> Result<IncrementalityQuery, Error> {
    let journey_id = optional(&req.journey_id);
    let experiment_id = optional(&req.experiment_id);
    if journey_id.is_none() && experiment_id.is_none() {
        return Err(Error::invalid(
            "journey_id",
            "is required unless experiment_id is set",
        ));
    }
    Ok(IncrementalityQuery {
        journey_id,
        experiment_id,
        range: range(req.range.as_ref(), "range")?,
        window_ms: duration(req.window.as_ref(), "window", 30 * DAY_MS, 365)?,
        holdout_arm: optional(&req.holdout_arm).unwrap_or_else(|| "holdout".into()),
    })
}

fn arm(a: &ArmOutcome) -> pb::ArmOutcome {
    pb::ArmOutcome {
        arm: a.arm.clone(),
        customers: a.customers,
        converters: a.converters,
        conversion_rate: a.conversion_rate,
        revenue: a.revenue,
        revenue_per_customer: a.revenue_per_customer,
    }
}

fn uplift(u: &Uplift) -> pb::Uplift {
    pb::Uplift {
        absolute: u.absolute,
        absolute_lower: u.absolute_lower,
        absolute_upper: u.absolute_upper,
        relative: u.relative,
        relative_lower: u.relative_lower,
        relative_upper: u.relative_upper,
        significant: u.significant,
    }
}

/// The incrementality answer.
pub fn incrementality_to_proto(r: &IncrementalityReport) -> pb::GetIncrementalityResponse {
    pb::GetIncrementalityResponse {
        treated: Some(arm(&r.treated)),
        holdout: Some(arm(&r.holdout)),
        arms: r.arms.iter().map(arm).collect(),
        conversion_rate_uplift: Some(uplift(&r.conversion_rate_uplift)),
        revenue_per_customer_uplift: Some(uplift(&r.revenue_per_customer_uplift)),
    }
}

/// Most funnel steps.
pub const MAX_STEPS: usize = 10;

/// A validated funnel query.
pub fn funnel_query(req: &pb::GetFunnelRequest) -> Result<FunnelQuery, Error> {
    let steps: Vec<String> = req.steps.iter().map(|s| s.trim().to_owned()).collect();
    if steps.len() < 2 || steps.len() > MAX_STEPS {
        return Err(Error::invalid(
            "steps",
            format!("must list 2 to {MAX_STEPS} event types"),
        ));
    }
    if steps.iter().any(String::is_empty) {
        return Err(Error::invalid("steps", "event types must not be empty"));
    }
    let breakdown = match pb::FunnelBreakdown::try_from(req.breakdown)
        .map_err(|_| Error::invalid("breakdown", format!("unknown value {}", req.breakdown)))?
    {
        pb::FunnelBreakdown::Unspecified => Breakdown::None,
        pb::FunnelBreakdown::Channel => Breakdown::Channel,
        pb::FunnelBreakdown::Segment => Breakdown::Segment,
    };
    Ok(FunnelQuery {
        steps,
        range: range(req.range.as_ref(), "range")?,
        window_ms: duration(req.window.as_ref(), "window", 7 * DAY_MS, 90)?,
        breakdown,
    })
}

fn funnel(f: &Funnel) -> pb::Funnel {
    pb::Funnel {
        key: f.key.clone(),
        steps: f
            .steps
            .iter()
            .map(|s| pb::FunnelStep {
                event_type: s.event_type.clone(),
                customers: s.customers,
                step_conversion: s.step_conversion,
                overall_conversion: s.overall_conversion,
                drop_off: s.drop_off,
                drop_off_rate: s.drop_off_rate,
            })
            .collect(),
    }
}

/// The funnel answer.
pub fn funnel_to_proto(r: &FunnelReport) -> pb::GetFunnelResponse {
    pb::GetFunnelResponse {
        total: Some(funnel(&r.total)),
        groups: r.groups.iter().map(funnel).collect(),
    }
}

/// An alert as published and listed.
pub fn alert_to_proto(a: &Alert) -> pb::Alert {
    pb::Alert {
        alert_id: a.alert_id.clone(),
        kpi: a.kpi.clone(),
        granularity: match a.granularity {
            Granularity::Hour => pb::Granularity::Hour,
            Granularity::Day => pb::Granularity::Day,
        } as i32,
        channel: a.channel.clone(),
        period_start_time: Some(to_timestamp(a.period_ms)),
        value: a.value,
        baseline: a.baseline,
        change: a.change,
        create_time: Some(to_timestamp(a.create_ms)),
        workspace_id: a.workspace.as_str().to_owned(),
    }
}

/// A non-negative finite amount.
pub fn amount(value: f64, field: &'static str) -> Result<f64, Error> {
    if value.is_finite() && value >= 0.0 {
        Ok(value)
    } else {
        Err(Error::invalid(
            field,
            "must be a finite number, not negative",
        ))
    }
}
