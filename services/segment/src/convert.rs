//! Conversions between the `omni.segment.v1` contract and the domain model.

use omni_common::convert::{json_to_struct, to_timestamp};
use omni_proto::segment::v1 as pb;
use omni_rules::Expression;

use crate::builtins::{Builtins, LifecycleSettings, RfmModel, Stage};
use crate::computed::{self, Aggregation, ComputedTrait, MAX_WINDOW_MS, NewComputedTrait};
use crate::error::Error;
use crate::recompute::{Recompute, RecomputeState};
use crate::segment::{NewSegment, Segment, SegmentId, SegmentUpdate, VARIABLES};
use crate::state::Transition;

/// The segment to create from a `CreateSegmentRequest.segment`, validated (the
/// expression itself is compiled by the catalog).
pub fn new_segment(segment: Option<pb::Segment>) -> Result<NewSegment, Error> {
    let segment = segment.ok_or_else(|| Error::invalid("segment", "is required"))?;
    let display_name = segment.display_name.trim().to_owned();
    if display_name.is_empty() {
        return Err(Error::invalid("segment.display_name", "must not be empty"));
    }
    if segment.expression.trim().is_empty() {
        return Err(Error::invalid("segment.expression", "must not be empty"));
    }
    Ok(NewSegment {
        display_name,
        expression: segment.expression,
    })
}

/// The change requested by an `UpdateSegmentRequest`, validated (the expression
/// itself is compiled and checked by the catalog).
pub fn segment_update(req: pb::UpdateSegmentRequest) -> Result<SegmentUpdate, Error> {
    let segment = req
        .segment
        .ok_or_else(|| Error::invalid("segment", "is required"))?;
    let id = optional(&segment.segment_id)
        .ok_or_else(|| Error::invalid("segment.segment_id", "is required"))?;
    if segment.expression.trim().is_empty() {
        return Err(Error::invalid("segment.expression", "must not be empty"));
    }
    if req.expected_version < 0 {
        return Err(Error::invalid("expected_version", "must not be negative"));
    }
    Ok(SegmentUpdate {
        id: SegmentId::new(id),
        display_name: optional(&segment.display_name).map(str::to_owned),
        expression: segment.expression,
        expected_version: (req.expected_version > 0).then_some(req.expected_version),
    })
}

/// A domain segment as its contract message (dependencies read from its expression).
pub fn segment_to_proto(segment: &Segment) -> pb::Segment {
    let (mut segments, mut computed) = (Vec::new(), Vec::new());
    if let Ok(e) = Expression::compile(&segment.expression, VARIABLES) {
        segments = e
            .uses_of("segments")
            .keys
            .into_iter()
            .map(|k| k.key)
            .collect();
        computed = e
            .uses_of("computed")
            .keys
            .into_iter()
            .map(|k| k.key)
            .collect();
    }
    segments.sort();
    segments.dedup();
    computed.sort();
    computed.dedup();
    pb::Segment {
        segment_id: segment.id.to_string(),
        display_name: segment.display_name.clone(),
        expression: segment.expression.clone(),
        version: segment.version,
        create_time: Some(to_timestamp(segment.create_ms)),
        update_time: Some(to_timestamp(segment.update_ms)),
        depends_on_segment_ids: segments,
        depends_on_computed_traits: computed,
    }
}

/// The computed trait to create from a `CreateComputedTraitRequest.computed_trait`,
/// validated (the filter itself is compiled by the catalog).
pub fn new_computed_trait(t: Option<pb::ComputedTrait>) -> Result<NewComputedTrait, Error> {
    let t = t.ok_or_else(|| Error::invalid("computed_trait", "is required"))?;
    let name = t.name.trim().to_owned();
    if !computed::valid_name(&name) {
        return Err(Error::invalid(
            "computed_trait.name",
            "must be a lower-case letter followed by lower-case letters, digits or `_` \
             (at most 64 characters)",
        ));
    }
    let aggregation = match pb::Aggregation::try_from(t.aggregation) {
        Ok(pb::Aggregation::Count) => Aggregation::Count,
        Ok(pb::Aggregation::Sum) => Aggregation::Sum,
        Ok(pb::Aggregation::Avg) => Aggregation::Avg,
        Ok(pb::Aggregation::Min) => Aggregation::Min,
        Ok(pb::Aggregation::Max) => Aggregation::Max,
        Ok(pb::Aggregation::First) => Aggregation::First,
        Ok(pb::Aggregation::Last) => Aggregation::Last,
        Ok(pb::Aggregation::DistinctCount) => Aggregation::DistinctCount,
        Ok(pb::Aggregation::Exists) => Aggregation::Exists,
        Ok(pb::Aggregation::Unspecified) | Err(_) => {
            return Err(Error::invalid("computed_trait.aggregation", "is required"));
        }
    };
    let property = optional(&t.property).map(str::to_owned);
    if aggregation.needs_property() && property.is_none() {
        return Err(Error::invalid(
            "computed_trait.property",
            format!("is required for {}", aggregation.as_str()),
        ));
    }
    if let Some(p) = &property
        && p.split('.').any(str::is_empty)
    {
        return Err(Error::invalid(
            "computed_trait.property",
            "must be a dotted path of non-empty names",
        ));
    }
    let window_ms = match t.window {
        None => 0,
        Some(d) => {
            if d.seconds < 0 || d.nanos != 0 || d.seconds % 60 != 0 {
                return Err(Error::invalid(
                    "computed_trait.window",
                    "must be a whole, non-negative number of minutes",
                ));
            }
            let ms = d.seconds.saturating_mul(1000);
            if ms > MAX_WINDOW_MS {
                return Err(Error::invalid(
                    "computed_trait.window",
                    "must be at most 400 days",
                ));
            }
            ms
        }
    };
    Ok(NewComputedTrait {
        name,
        aggregation,
        event_type: optional(&t.event_type).map(str::to_owned),
        property,
        filter: optional(&t.filter).map(str::to_owned),
        window_ms,
    })
}

/// A domain computed trait as its contract message.
pub fn computed_trait_to_proto(t: &ComputedTrait) -> pb::ComputedTrait {
    let aggregation = match t.aggregation {
        Aggregation::Count => pb::Aggregation::Count,
        Aggregation::Sum => pb::Aggregation::Sum,
        Aggregation::Avg => pb::Aggregation::Avg,
        Aggregation::Min => pb::Aggregation::Min,
        Aggregation::Max => pb::Aggregation::Max,
        Aggregation::First => pb::Aggregation::First,
        Aggregation::Last => pb::Aggregation::Last,
        Aggregation::DistinctCount => pb::Aggregation::DistinctCount,
        Aggregation::Exists => pb::Aggregation::Exists,
    };
    pb::ComputedTrait {
        computed_trait_id: t.id.to_string(),
        name: t.name.clone(),
        aggregation: aggregation.into(),
        event_type: t.event_type.clone().unwrap_or_default(),
        property: t.property.clone().unwrap_or_default(),
        filter: t.filter.clone().unwrap_or_default(),
        window: (t.window_ms > 0).then_some(prost_types::Duration {
            seconds: t.window_ms / 1000,
            nanos: 0,
        }),
        create_time: Some(to_timestamp(t.create_ms)),
    }
}

/// Computed values as a `Struct`.
pub fn values_to_struct(
    values: &std::collections::BTreeMap<String, serde_json::Value>,
) -> prost_types::Struct {
    let map: serde_json::Map<String, serde_json::Value> = values.clone().into_iter().collect();
    json_to_struct(&map)
}

/// A recompute as its contract message.
pub fn recompute_to_proto(r: &Recompute) -> pb::Recompute {
    let state = match r.state {
        RecomputeState::Running => pb::RecomputeState::Running,
        RecomputeState::Succeeded => pb::RecomputeState::Succeeded,
        RecomputeState::Failed => pb::RecomputeState::Failed,
    };
    pb::Recompute {
        recompute_id: r.id.to_string(),
        segment_id: r.segment_id.to_string(),
        segment_version: r.segment_version,
        state: state.into(),
        total: r.total,
        processed: r.processed,
        entered: r.entered,
        exited: r.exited,
        start_time: Some(to_timestamp(r.start_ms)),
        finish_time: r.finish_ms.map(to_timestamp),
        error: r.error.clone(),
    }
}

/// A stored transition as its contract message.
pub fn transition_to_proto(t: &Transition) -> pb::MembershipTransition {
    pb::MembershipTransition {
        customer_id: t.customer_id.clone(),
        segment_id: t.segment_id.clone(),
        entered: t.entered,
        reason: t.reason,
        segment_version: t.version,
        time: Some(to_timestamp(t.time_ms)),
        cause_event_id: t.cause.clone(),
    }
}

/// Lifecycle settings as their contract message.
pub fn lifecycle_settings_to_proto(s: &LifecycleSettings) -> pb::LifecycleSettings {
    pb::LifecycleSettings {
        new_days: s.new_days,
        active_days: s.active_days,
        dormant_days: s.dormant_days,
        loyal_min_orders: s.loyal_min_orders,
        rfm_refresh_interval: Some(prost_types::Duration {
            seconds: s.rfm_refresh_ms / 1000,
            nanos: 0,
        }),
        update_time: s.update_ms.map(to_timestamp),
    }
}

/// The settings an `UpdateLifecycleSettingsRequest` asks for, from the current ones:
/// the fields named in the mask (every field when it is empty) are taken from the
/// request. Validation of the result is the catalog's.
pub fn lifecycle_settings_update(
    current: &LifecycleSettings,
    req: pb::UpdateLifecycleSettingsRequest,
) -> Result<LifecycleSettings, Error> {
    let new = req
        .settings
        .ok_or_else(|| Error::invalid("settings", "is required"))?;
    let paths: Vec<String> = req.update_mask.map(|m| m.paths).unwrap_or_default();
    const FIELDS: [&str; 5] = [
        "new_days",
        "active_days",
        "dormant_days",
        "loyal_min_orders",
        "rfm_refresh_interval",
    ];
    if let Some(bad) = paths.iter().find(|p| !FIELDS.contains(&p.as_str())) {
        return Err(Error::invalid(
            "update_mask",
            format!(
                "unknown field `{bad}`; expected one of {}",
                FIELDS.join(", ")
            ),
        ));
    }
    let take = |f: &str| paths.is_empty() || paths.iter().any(|p| p == f);
    let mut out = current.clone();
    if take("new_days") {
        out.new_days = new.new_days;
    }
    if take("active_days") {
        out.active_days = new.active_days;
    }
    if take("dormant_days") {
        out.dormant_days = new.dormant_days;
    }
    if take("loyal_min_orders") {
        out.loyal_min_orders = new.loyal_min_orders;
    }
    if take("rfm_refresh_interval") {
        let d = new.rfm_refresh_interval.unwrap_or_default();
        if d.seconds < 0 || d.nanos != 0 {
            return Err(Error::invalid(
                "settings.rfm_refresh_interval",
                "must be a whole number of minutes, at least 1",
            ));
        }
        out.rfm_refresh_ms = d.seconds.saturating_mul(1000);
    }
    Ok(out)
}

/// One customer's built-ins as their contract message.
pub fn builtins_to_proto(
    customer_id: &str,
    b: &Builtins,
    first_seen_ms: i64,
) -> pb::CustomerBuiltins {
    let stage = match b.stage {
        Stage::New => pb::LifecycleStage::New,
        Stage::Active => pb::LifecycleStage::Active,
        Stage::Loyal => pb::LifecycleStage::Loyal,
        Stage::AtRisk => pb::LifecycleStage::AtRisk,
        Stage::Dormant => pb::LifecycleStage::Dormant,
    };
    pb::CustomerBuiltins {
        customer_id: customer_id.to_owned(),
        lifecycle_stage: stage.into(),
        rfm: b.rfm.map(|r| pb::RfmScore {
            recency: r.r,
            frequency: r.f,
            monetary: r.m,
        }),
        orders: b.purchases.orders,
        revenue: b.revenue(),
        last_purchase_time: (b.purchases.orders > 0)
            .then(|| to_timestamp(b.purchases.last_purchase_ms)),
        first_seen_time: Some(to_timestamp(first_seen_ms)),
    }
}

/// An RFM model as its contract message.
pub fn rfm_model_to_proto(m: &RfmModel) -> pb::RfmModel {
    pb::RfmModel {
        compute_time: Some(to_timestamp(m.compute_ms)),
        customer_count: m.customer_count,
        recency_cutoffs: m.recency.iter().map(|t| to_timestamp(*t)).collect(),
        frequency_cutoffs: m.frequency.clone(),
        monetary_cutoffs: m.monetary.iter().map(|v| *v as f64 / 1_000_000.0).collect(),
    }
}

/// A bounded count from a request: 0 means `default`; above `max` or negative is
/// invalid.
pub fn bounded(
    field: &'static str,
    value: i32,
    default: usize,
    max: usize,
) -> Result<usize, Error> {
    match usize::try_from(value) {
        Ok(0) => Ok(default),
        Ok(n) if n <= max => Ok(n),
        _ => Err(Error::invalid(
            field,
            format!("must be between 0 and {max}"),
        )),
    }
}

/// One membership: the segment id, its name and when the customer entered.
pub fn membership_to_proto(segment_id: &str, display_name: &str, enter_ms: i64) -> pb::Membership {
    pb::Membership {
        segment_id: segment_id.to_owned(),
        display_name: display_name.to_owned(),
        enter_time: Some(to_timestamp(enter_ms)),
    }
}

/// A non-empty, trimmed optional request string (e.g. an idempotency key).
pub fn optional(s: &str) -> Option<&str> {
    let s = s.trim();
    (!s.is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_segment_requires_a_name_and_an_expression() {
        let err = new_segment(None).unwrap_err();
        assert!(matches!(
            err,
            Error::InvalidArgument {
                field: "segment",
                ..
            }
        ));
        let err = new_segment(Some(pb::Segment {
            display_name: "  ".into(),
            expression: "true".into(),
            ..Default::default()
        }))
        .unwrap_err();
        assert!(matches!(
            err,
            Error::InvalidArgument {
                field: "segment.display_name",
                ..
            }
        ));
        let err = new_segment(Some(pb::Segment {
            display_name: "VIP".into(),
            ..Default::default()
        }))
        .unwrap_err();
        assert!(matches!(
            err,
            Error::InvalidArgument {
                field: "segment.expression",
                ..
            }
        ));
    }

    #[test]
    fn new_segment_trims_the_name() {
        let new = new_segment(Some(pb::Segment {
            display_name: " VIP ".into(),
            expression: "true".into(),
            ..Default::default()
        }))
        .unwrap();
        assert_eq!(new.display_name, "VIP");
    }
}
