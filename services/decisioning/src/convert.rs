//! Conversions between the `omni.decisioning.v1` contract and the domain model, with
//! the validation of every request field (errors name the field path).

use std::collections::{HashMap, HashSet};

use omni_common::convert::{from_timestamp, json_to_struct, struct_to_json, to_timestamp};
use omni_proto::common::v1::DeliveryChannel as DeliveryChannelPb;
use omni_proto::decisioning::v1 as pb;

use crate::channel::{ChannelCandidate, ChannelOutcome, DeliveryChannel, Purpose, RankedChannel};
use crate::error::Error;
use crate::experiment::{Arm, ArmResult, Experiment, Results};
use crate::offer::{
    Candidate, CustomerCap, Decision, GlobalCap, Offer, OfferId, OfferSpec, OfferState, Outcome,
    Placement, PlacementContent, PropensityModel,
};
use crate::outcome::OutcomeKind;
use crate::store::StoredDecision;

/// Largest budget or cost accepted, so micro-units fit comfortably in an i64.
const MAX_MONEY: f64 = 1e12;
/// Longest content reference.
const MAX_CONTENT_REF: usize = 2048;
/// Most arms in an experiment.
pub const MAX_ARMS: usize = 20;

/// The validated spec of a `CreateOfferRequest.offer` (or of an update merged over the
/// current offer); the eligibility expression itself is compiled by the catalogue.
pub fn new_offer(offer: Option<pb::Offer>) -> Result<OfferSpec, Error> {
    let offer = offer.ok_or_else(|| Error::invalid("offer", "is required"))?;
    let display_name = offer.display_name.trim().to_owned();
    if display_name.is_empty() {
        return Err(Error::invalid("offer.display_name", "must not be empty"));
    }
    for (field, v) in [("offer.value", offer.value), ("offer.weight", offer.weight)] {
        if !v.is_finite() || v < 0.0 {
            return Err(Error::invalid(
                field,
                format!("must be a finite number >= 0, got {v}"),
            ));
        }
    }
    let mut placements = Vec::with_capacity(offer.placements.len());
    let mut seen = HashSet::new();
    for (i, pc) in offer.placements.iter().enumerate() {
        let field = format!("offer.placements[{i}].placement");
        let placement = placement(pc.placement, &field)?
            .ok_or_else(|| Error::invalid(field.clone(), "must be set"))?;
        if !seen.insert(placement) {
            return Err(Error::invalid(
                field,
                format!("{} is listed twice", placement.as_str()),
            ));
        }
        if pc.content_ref.len() > MAX_CONTENT_REF {
            return Err(Error::invalid(
                format!("offer.placements[{i}].content_ref"),
                format!("must be at most {MAX_CONTENT_REF} bytes"),
            ));
        }
        placements.push(PlacementContent {
            placement,
            content_ref: pc.content_ref.trim().to_owned(),
            content: pc.content.as_ref().map(struct_to_json).unwrap_or_default(),
        });
    }
    let valid_from_ms = offer.valid_from.as_ref().map(from_timestamp);
    let valid_until_ms = offer.valid_until.as_ref().map(from_timestamp);
    if let (Some(from), Some(until)) = (valid_from_ms, valid_until_ms)
        && until <= from
    {
        return Err(Error::invalid(
            "offer.valid_until",
            "must be after offer.valid_from",
        ));
    }
    let customer_cap = match offer.customer_cap {
        None => CustomerCap::default(),
        Some(c) => {
            for (field, v) in [
                ("offer.customer_cap.max_per_day", c.max_per_day),
                ("offer.customer_cap.max_per_week", c.max_per_week),
                ("offer.customer_cap.max_lifetime", c.max_lifetime),
            ] {
                if v < 0 {
                    return Err(Error::invalid(field, format!("must be >= 0, got {v}")));
                }
            }
            CustomerCap {
                max_per_day: c.max_per_day,
                max_per_week: c.max_per_week,
                max_lifetime: c.max_lifetime,
            }
        }
    };
    let global_cap = match offer.global_cap {
        None => GlobalCap::default(),
        Some(g) => {
            if g.max_grants < 0 {
                return Err(Error::invalid(
                    "offer.global_cap.max_grants",
                    format!("must be >= 0, got {}", g.max_grants),
                ));
            }
            let budget = money("offer.global_cap.budget", g.budget)?;
            let cost = money("offer.global_cap.cost_per_grant", g.cost_per_grant)?;
            if budget > 0 && cost == 0 {
                return Err(Error::invalid(
                    "offer.global_cap.cost_per_grant",
                    "must be > 0 when a budget is set",
                ));
            }
            GlobalCap {
                max_grants: g.max_grants,
                budget_micros: budget,
                cost_micros: cost,
            }
        }
    };
    let mut product_ids = Vec::with_capacity(offer.product_ids.len());
    for (i, p) in offer.product_ids.iter().enumerate() {
        let p = p.trim();
        if p.is_empty() {
            return Err(Error::invalid(
                format!("offer.product_ids[{i}]"),
                "must not be empty",
            ));
        }
        product_ids.push(p.to_owned());
    }
    let propensity_model = match pb::PropensityModel::try_from(offer.propensity_model) {
        Ok(pb::PropensityModel::Unspecified) => PropensityModel::Fixed,
        Ok(pb::PropensityModel::ThompsonSampling) => PropensityModel::Thompson,
        Err(_) => {
            return Err(Error::invalid(
                "offer.propensity_model",
                format!("unknown value {}", offer.propensity_model),
            ));
        }
    };
    let eligibility = offer.eligibility.trim().to_owned();
    if offer.fallback {
        if !eligibility.is_empty() {
            return Err(Error::invalid(
                "offer.eligibility",
                "must be empty for a fallback offer (fallbacks are always eligible)",
            ));
        }
        if customer_cap.is_set() {
            return Err(Error::invalid(
                "offer.customer_cap",
                "must not be set for a fallback offer (fallbacks are never capped)",
            ));
        }
        if global_cap.is_set() {
            return Err(Error::invalid(
                "offer.global_cap",
                "must not be set for a fallback offer (fallbacks are never capped)",
            ));
        }
    }
    Ok(OfferSpec {
        display_name,
        eligibility,
        value: offer.value,
        weight: offer.weight,
        content: offer
            .content
            .as_ref()
            .map(struct_to_json)
            .unwrap_or_default(),
        placements,
        valid_from_ms,
        valid_until_ms,
        customer_cap,
        global_cap,
        product_ids,
        priority: offer.priority,
        fallback: offer.fallback,
        propensity_model,
    })
}

fn money(field: &str, v: f64) -> Result<i64, Error> {
    if !v.is_finite() || !(0.0..=MAX_MONEY).contains(&v) {
        return Err(Error::invalid(
            field,
            format!("must be a finite number between 0 and {MAX_MONEY}, got {v}"),
        ));
    }
    Ok((v * 1e6).round() as i64)
}

/// A contract placement: `None` for unspecified, an error naming `field` when unknown.
pub fn placement(value: i32, field: &str) -> Result<Option<Placement>, Error> {
    Ok(match pb::Placement::try_from(value) {
        Ok(pb::Placement::Unspecified) => None,
        Ok(pb::Placement::EmailHero) => Some(Placement::EmailHero),
        Ok(pb::Placement::Push) => Some(Placement::Push),
        Ok(pb::Placement::Sms) => Some(Placement::Sms),
        Ok(pb::Placement::StoreCoupon) => Some(Placement::StoreCoupon),
        Ok(pb::Placement::AppBanner) => Some(Placement::AppBanner),
        Err(_) => return Err(Error::invalid(field, format!("unknown value {value}"))),
    })
}

fn placement_to_proto(p: Option<Placement>) -> pb::Placement {
    match p {
        None => pb::Placement::Unspecified,
        Some(Placement::EmailHero) => pb::Placement::EmailHero,
        Some(Placement::Push) => pb::Placement::Push,
        Some(Placement::Sms) => pb::Placement::Sms,
        Some(Placement::StoreCoupon) => pb::Placement::StoreCoupon,
        Some(Placement::AppBanner) => pb::Placement::AppBanner,
    }
}

/// The fields of `Offer` an update may change (the rest are output only).
const UPDATABLE: &[&str] = &[
    "display_name",
    "eligibility",
    "value",
    "weight",
    "content",
    "placements",
    "valid_from",
    "valid_until",
    "customer_cap",
    "global_cap",
    "product_ids",
    "priority",
    "fallback",
    "propensity_model",
];

/// The offer an update produces: `current` with the fields named in `mask` (every
/// updatable field when empty) taken from `patch`, validated as a whole.
pub fn merge_update(
    current: &Offer,
    patch: pb::Offer,
    mask: Option<&prost_types::FieldMask>,
) -> Result<OfferSpec, Error> {
    let paths: Vec<String> = match mask {
        Some(m) if !m.paths.is_empty() => m.paths.clone(),
        _ => UPDATABLE.iter().map(|s| (*s).to_owned()).collect(),
    };
    let mut merged = offer_to_proto(current);
    for (i, path) in paths.iter().enumerate() {
        let path = path.trim();
        let path = path.strip_prefix("offer.").unwrap_or(path);
        match path {
            "display_name" => merged.display_name = patch.display_name.clone(),
            "eligibility" => merged.eligibility = patch.eligibility.clone(),
            "value" => merged.value = patch.value,
            "weight" => merged.weight = patch.weight,
            "content" => merged.content = patch.content.clone(),
            "placements" => merged.placements = patch.placements.clone(),
            "valid_from" => merged.valid_from = patch.valid_from,
            "valid_until" => merged.valid_until = patch.valid_until,
            "customer_cap" => merged.customer_cap = patch.customer_cap,
            "global_cap" => merged.global_cap = patch.global_cap,
            "product_ids" => merged.product_ids = patch.product_ids.clone(),
            "priority" => merged.priority = patch.priority,
            "fallback" => merged.fallback = patch.fallback,
            "propensity_model" => merged.propensity_model = patch.propensity_model,
            other => {
                return Err(Error::invalid(
                    format!("update_mask.paths[{i}]"),
                    format!(
                        "`{other}` is not an updatable field; expected one of {}",
                        UPDATABLE.join(", ")
                    ),
                ));
            }
        }
    }
    new_offer(Some(merged))
}

/// A domain offer as its contract message.
pub fn offer_to_proto(offer: &Offer) -> pb::Offer {
    let spec = &offer.spec;
    pb::Offer {
        offer_id: offer.id.to_string(),
        display_name: spec.display_name.clone(),
        eligibility: spec.eligibility.clone(),
        value: spec.value,
        weight: spec.weight,
        content: Some(json_to_struct(&spec.content)),
        create_time: Some(to_timestamp(offer.create_ms)),
        version: offer.version,
        state: match offer.state {
            OfferState::Active => pb::OfferState::Active,
            OfferState::Archived => pb::OfferState::Archived,
        }
        .into(),
        placements: spec
            .placements
            .iter()
            .map(|pc| pb::PlacementContent {
                placement: placement_to_proto(Some(pc.placement)).into(),
                content_ref: pc.content_ref.clone(),
                content: (!pc.content.is_empty()).then(|| json_to_struct(&pc.content)),
            })
            .collect(),
        valid_from: spec.valid_from_ms.map(to_timestamp),
        valid_until: spec.valid_until_ms.map(to_timestamp),
        customer_cap: spec.customer_cap.is_set().then_some(pb::CustomerCap {
            max_per_day: spec.customer_cap.max_per_day,
            max_per_week: spec.customer_cap.max_per_week,
            max_lifetime: spec.customer_cap.max_lifetime,
        }),
        global_cap: spec.global_cap.is_set().then(|| pb::GlobalCap {
            max_grants: spec.global_cap.max_grants,
            budget: spec.global_cap.budget_micros as f64 / 1e6,
            cost_per_grant: spec.global_cap.cost_micros as f64 / 1e6,
        }),
        product_ids: spec.product_ids.clone(),
        priority: spec.priority,
        fallback: spec.fallback,
        propensity_model: match spec.propensity_model {
            PropensityModel::Fixed => pb::PropensityModel::Unspecified,
            PropensityModel::Thompson => pb::PropensityModel::ThompsonSampling,
        }
        .into(),
        update_time: Some(to_timestamp(offer.update_ms)),
    }
}

/// A decision as the `Decide` response (consumed: its candidates move into it).
pub fn decision_to_proto(decision: Decision) -> pb::DecideResponse {
    let offers: Vec<pb::Offer> = decision.chosen.iter().map(offer_to_proto).collect();
    pb::DecideResponse {
        decision_id: decision.id.to_string(),
        offer: offers.first().cloned(),
        candidates: decision
            .candidates
            .into_iter()
            .map(candidate_into_proto)
            .collect(),
        offers,
        placement: placement_to_proto(decision.placement).into(),
        arm_id: decision.experiment.map(|(_, a)| a).unwrap_or_default(),
        holdout: decision.holdout,
    }
}

/// A stored decision as the `GetDecision` message.
pub fn stored_decision_to_proto(s: &StoredDecision) -> pb::Decision {
    let d = &s.decision;
    let (experiment_id, arm_id) = d.experiment.clone().unwrap_or_default();
    pb::Decision {
        decision_id: d.id.to_string(),
        customer_id: d.customer_id.clone(),
        placement: placement_to_proto(d.placement).into(),
        offer_ids: d.chosen.iter().map(|o| o.id.to_string()).collect(),
        candidates: d.candidates.iter().map(candidate_to_proto).collect(),
        create_time: Some(to_timestamp(d.create_ms)),
        experiment_id,
        arm_id,
        outcomes: s
            .outcomes
            .iter()
            .map(|(offer_id, kind, at)| pb::RecordedOutcome {
                offer_id: offer_id.clone(),
                kind: outcome_kind_to_proto(*kind).into(),
                occur_time: Some(to_timestamp(*at)),
            })
            .collect(),
    }
}

fn outcome_to_proto(o: Outcome) -> pb::CandidateOutcome {
    match o {
        Outcome::Chosen => pb::CandidateOutcome::Chosen,
        Outcome::Outranked => pb::CandidateOutcome::Outranked,
        Outcome::Ineligible => pb::CandidateOutcome::Ineligible,
        Outcome::Error => pb::CandidateOutcome::Error,
        Outcome::Capped => pb::CandidateOutcome::Capped,
        Outcome::Expired => pb::CandidateOutcome::Expired,
        Outcome::Purchased => pb::CandidateOutcome::Purchased,
        Outcome::Redeemed => pb::CandidateOutcome::Redeemed,
        Outcome::NotYetValid => pb::CandidateOutcome::NotYetValid,
        Outcome::Experiment => pb::CandidateOutcome::Experiment,
    }
}

fn outcome_from_proto(o: pb::CandidateOutcome) -> Option<Outcome> {
    Some(match o {
        pb::CandidateOutcome::Chosen => Outcome::Chosen,
        pb::CandidateOutcome::Outranked => Outcome::Outranked,
        pb::CandidateOutcome::Ineligible => Outcome::Ineligible,
        pb::CandidateOutcome::Error => Outcome::Error,
        pb::CandidateOutcome::Capped => Outcome::Capped,
        pb::CandidateOutcome::Expired => Outcome::Expired,
        pb::CandidateOutcome::Purchased => Outcome::Purchased,
        pb::CandidateOutcome::Redeemed => Outcome::Redeemed,
        pb::CandidateOutcome::NotYetValid => Outcome::NotYetValid,
        pb::CandidateOutcome::Experiment => Outcome::Experiment,
        pb::CandidateOutcome::Unspecified => return None,
    })
}

fn candidate_to_proto(c: &Candidate) -> pb::Candidate {
    pb::Candidate {
        offer_id: c.offer_id.to_string(),
        outcome: outcome_to_proto(c.outcome).into(),
        score: c.score,
        reason: c.reason.clone(),
        offer_version: c.offer_version,
        propensity: c.propensity,
        propensity_source: c.propensity_source.clone(),
        priority: c.priority,
        rank: c.rank,
    }
}

fn candidate_into_proto(c: Candidate) -> pb::Candidate {
    pb::Candidate {
        offer_id: c.offer_id.to_string(),
        outcome: outcome_to_proto(c.outcome).into(),
        score: c.score,
        reason: c.reason,
        offer_version: c.offer_version,
        propensity: c.propensity,
        propensity_source: c.propensity_source,
        priority: c.priority,
        rank: c.rank,
    }
}

/// The decision log's binary form of a decision's candidates: the protobuf encoding
/// of a `DecideResponse` holding only `candidates` (compact, exact for every field,
/// and readable by any protobuf client).
pub fn candidates_to_bytes(candidates: &[Candidate]) -> Vec<u8> {
    prost::Message::encode_to_vec(&pb::DecideResponse {
        candidates: candidates.iter().map(candidate_to_proto).collect(),
        ..Default::default()
    })
}

/// Reads [`candidates_to_bytes`] back.
pub fn candidates_from_bytes(bytes: &[u8]) -> Result<Vec<Candidate>, Error> {
    let corrupt = |message: String| Error::Corrupt {
        what: "decision candidates",
        message,
    };
    let msg: pb::DecideResponse =
        prost::Message::decode(bytes).map_err(|e| corrupt(e.to_string()))?;
    msg.candidates
        .into_iter()
        .map(|c| {
            let outcome = pb::CandidateOutcome::try_from(c.outcome)
                .ok()
                .and_then(outcome_from_proto)
                .ok_or_else(|| corrupt(format!("unknown candidate outcome {}", c.outcome)))?;
            Ok(Candidate {
                offer_id: OfferId::new(c.offer_id),
                outcome,
                score: c.score,
                reason: c.reason,
                offer_version: c.offer_version,
                propensity: c.propensity,
                propensity_source: c.propensity_source,
                priority: c.priority,
                rank: c.rank,
            })
        })
        .collect()
}

/// A contract outcome kind; unspecified or unknown is an error naming `kind`.
pub fn outcome_kind(value: i32) -> Result<OutcomeKind, Error> {
    match pb::OutcomeKind::try_from(value) {
        Ok(pb::OutcomeKind::Impression) => Ok(OutcomeKind::Impression),
        Ok(pb::OutcomeKind::Click) => Ok(OutcomeKind::Click),
        Ok(pb::OutcomeKind::Conversion) => Ok(OutcomeKind::Conversion),
        Ok(pb::OutcomeKind::Dismiss) => Ok(OutcomeKind::Dismiss),
        Ok(pb::OutcomeKind::Unspecified) => Err(Error::invalid("kind", "is required")),
        Err(_) => Err(Error::invalid("kind", format!("unknown value {value}"))),
    }
}

fn outcome_kind_to_proto(k: OutcomeKind) -> pb::OutcomeKind {
    match k {
        OutcomeKind::Impression => pb::OutcomeKind::Impression,
        OutcomeKind::Click => pb::OutcomeKind::Click,
        OutcomeKind::Conversion => pb::OutcomeKind::Conversion,
        OutcomeKind::Dismiss => pb::OutcomeKind::Dismiss,
    }
}

/// Model scores from a `DecideRequest`, each finite and in [0, 1].
pub fn model_scores(scores: &HashMap<String, f64>) -> Result<HashMap<String, f64>, Error> {
    for (id, s) in scores {
        if !s.is_finite() || !(0.0..=1.0).contains(s) {
            return Err(Error::invalid(
                format!("model_scores[{id}]"),
                format!("must be a probability in [0, 1], got {s}"),
            ));
        }
    }
    Ok(scores.clone())
}

/// The validated name and arms of a `CreateExperimentRequest.experiment`.
pub fn new_experiment(exp: Option<pb::Experiment>) -> Result<(String, Vec<Arm>), Error> {
    let exp = exp.ok_or_else(|| Error::invalid("experiment", "is required"))?;
    let name = exp.display_name.trim().to_owned();
    if name.is_empty() {
        return Err(Error::invalid(
            "experiment.display_name",
            "must not be empty",
        ));
    }
    if exp.arms.len() < 2 || exp.arms.len() > MAX_ARMS {
        return Err(Error::invalid(
            "experiment.arms",
            format!("must have 2 to {MAX_ARMS} arms, got {}", exp.arms.len()),
        ));
    }
    let mut ids = HashSet::new();
    let mut arms = Vec::with_capacity(exp.arms.len());
    for (i, a) in exp.arms.into_iter().enumerate() {
        let id = a.arm_id.trim().to_owned();
        if id.is_empty() {
            return Err(Error::invalid(
                format!("experiment.arms[{i}].arm_id"),
                "must not be empty",
            ));
        }
        if !ids.insert(id.clone()) {
            return Err(Error::invalid(
                format!("experiment.arms[{i}].arm_id"),
                format!("`{id}` is used twice"),
            ));
        }
        if !a.weight.is_finite() || a.weight <= 0.0 {
            return Err(Error::invalid(
                format!("experiment.arms[{i}].weight"),
                format!("must be a finite number > 0, got {}", a.weight),
            ));
        }
        let mut offer_ids = Vec::with_capacity(a.offer_ids.len());
        for (j, o) in a.offer_ids.iter().enumerate() {
            let o = o.trim();
            if o.is_empty() {
                return Err(Error::invalid(
                    format!("experiment.arms[{i}].offer_ids[{j}]"),
                    "must not be empty",
                ));
            }
            offer_ids.push(o.to_owned());
        }
        if a.holdout && !offer_ids.is_empty() {
            return Err(Error::invalid(
                format!("experiment.arms[{i}].offer_ids"),
                "must be empty for a holdout arm (it gets no offer)",
            ));
        }
        arms.push(Arm {
            id,
            weight: a.weight,
            control: a.control,
            holdout: a.holdout,
            offer_ids,
        });
    }
    match arms.iter().filter(|a| a.control).count() {
        1 => {}
        n => {
            return Err(Error::invalid(
                "experiment.arms",
                format!("exactly one arm must be the control, got {n}"),
            ));
        }
    }
    if arms.iter().filter(|a| a.holdout).count() > 1 {
        return Err(Error::invalid(
            "experiment.arms",
            "at most one arm may be the holdout",
        ));
    }
    Ok((name, arms))
}

/// An arm as its contract message.
pub fn arm_to_proto(a: &Arm) -> pb::ExperimentArm {
    pb::ExperimentArm {
        arm_id: a.id.clone(),
        weight: a.weight,
        control: a.control,
        holdout: a.holdout,
        offer_ids: a.offer_ids.clone(),
    }
}

/// An experiment as its contract message.
pub fn experiment_to_proto(e: &Experiment) -> pb::Experiment {
    pb::Experiment {
        experiment_id: e.id.to_string(),
        display_name: e.display_name.clone(),
        arms: e.arms.iter().map(arm_to_proto).collect(),
        create_time: Some(to_timestamp(e.create_ms)),
    }
}

/// Experiment results as the response.
pub fn results_to_proto(r: &Results) -> pb::GetExperimentResultsResponse {
    pb::GetExperimentResultsResponse {
        arms: r.arms.iter().map(arm_result_to_proto).collect(),
        sample_ratio_p_value: r.srm_p_value,
        sample_ratio_mismatch: r.srm,
        warning: r.warning.clone(),
    }
}

fn arm_result_to_proto(a: &ArmResult) -> pb::ArmResult {
    pb::ArmResult {
        arm_id: a.arm_id.clone(),
        exposures: a.exposures,
        conversions: a.conversions,
        conversion_rate: a.rate,
        control: a.control,
        uplift: a.uplift,
        uplift_ci_low: a.ci.0,
        uplift_ci_high: a.ci.1,
        relative_uplift: a.relative_uplift,
        p_value: a.p_value,
        probability_best: a.probability_best,
    }
}

/// The validated candidates of a `ChooseChannelRequest` (all four channels, at no
/// cost and without budget, when none are given).
pub fn channel_candidates(
    candidates: &[pb::ChannelCandidate],
) -> Result<Vec<ChannelCandidate>, Error> {
    if candidates.is_empty() {
        return Ok(DeliveryChannel::ALL
            .into_iter()
            .map(|channel| ChannelCandidate {
                channel,
                cost: 0.0,
                remaining_contacts: None,
            })
            .collect());
    }
    let mut seen = HashSet::new();
    candidates
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let field = |f: &str| format!("candidates[{i}].{f}");
            let channel = delivery_channel(c.channel, &field("channel"))?;
            if !seen.insert(channel) {
                return Err(Error::invalid(
                    field("channel"),
                    format!("{} is listed twice", channel.as_str()),
                ));
            }
            if !c.cost.is_finite() || !(0.0..=MAX_MONEY).contains(&c.cost) {
                return Err(Error::invalid(
                    field("cost"),
                    format!(
                        "must be a finite number between 0 and {MAX_MONEY}, got {}",
                        c.cost
                    ),
                ));
            }
            if let Some(left) = c.remaining_contacts
                && left < 0
            {
                return Err(Error::invalid(
                    field("remaining_contacts"),
                    format!("must be >= 0, got {left}"),
                ));
            }
            Ok(ChannelCandidate {
                channel,
                cost: c.cost,
                remaining_contacts: c.remaining_contacts,
            })
        })
        .collect()
}

fn delivery_channel(value: i32, field: &str) -> Result<DeliveryChannel, Error> {
    match DeliveryChannelPb::try_from(value) {
        Ok(DeliveryChannelPb::Email) => Ok(DeliveryChannel::Email),
        Ok(DeliveryChannelPb::Push) => Ok(DeliveryChannel::Push),
        Ok(DeliveryChannelPb::Sms) => Ok(DeliveryChannel::Sms),
        Ok(DeliveryChannelPb::Store) => Ok(DeliveryChannel::Store),
        Ok(DeliveryChannelPb::Unspecified) => Err(Error::invalid(field, "is required")),
        Err(_) => Err(Error::invalid(field, format!("unknown value {value}"))),
    }
}

fn delivery_channel_to_proto(c: DeliveryChannel) -> DeliveryChannelPb {
    match c {
        DeliveryChannel::Email => DeliveryChannelPb::Email,
        DeliveryChannel::Push => DeliveryChannelPb::Push,
        DeliveryChannel::Sms => DeliveryChannelPb::Sms,
        DeliveryChannel::Store => DeliveryChannelPb::Store,
    }
}

/// The purpose of a `ChooseChannelRequest`; unspecified is marketing.
pub fn contact_purpose(value: i32) -> Result<Purpose, Error> {
    match pb::ContactPurpose::try_from(value) {
        Ok(pb::ContactPurpose::Unspecified | pb::ContactPurpose::Marketing) => {
            Ok(Purpose::Marketing)
        }
        Ok(pb::ContactPurpose::Transactional) => Ok(Purpose::Transactional),
        Err(_) => Err(Error::invalid("purpose", format!("unknown value {value}"))),
    }
}

/// The `ChooseChannel` response for customer `customer_id`.
pub fn choose_channel_response(
    customer_id: String,
    purpose: Purpose,
    ranked: &[RankedChannel],
) -> pb::ChooseChannelResponse {
    let chosen = ranked
        .iter()
        .find(|r| r.outcome == ChannelOutcome::Chosen)
        .map_or(DeliveryChannelPb::Unspecified, |r| {
            delivery_channel_to_proto(r.channel)
        });
    pb::ChooseChannelResponse {
        channel: chosen.into(),
        channels: ranked
            .iter()
            .map(|r| pb::RankedChannel {
                channel: delivery_channel_to_proto(r.channel).into(),
                outcome: match r.outcome {
                    ChannelOutcome::Chosen => pb::ChannelOutcome::Chosen,
                    ChannelOutcome::Ranked => pb::ChannelOutcome::Ranked,
                    ChannelOutcome::Unreachable => pb::ChannelOutcome::Unreachable,
                    ChannelOutcome::NoConsent => pb::ChannelOutcome::NoConsent,
                    ChannelOutcome::BudgetExhausted => pb::ChannelOutcome::BudgetExhausted,
                }
                .into(),
                rank: r.rank,
                score: r.score,
                engagement_rate: r.engagement_rate,
                trials: r.own.trials,
                successes: r.own.successes,
                workspace_rate: r.workspace_rate,
                cost: r.cost,
                addresses: i32::try_from(r.addresses).unwrap_or(i32::MAX),
                reason: r.reason.clone(),
            })
            .collect(),
        customer_id,
        purpose: match purpose {
            Purpose::Marketing => pb::ContactPurpose::Marketing,
            Purpose::Transactional => pb::ContactPurpose::Transactional,
        }
        .into(),
    }
}

/// A non-empty, trimmed optional request string (e.g. an idempotency key).
pub fn optional(s: &str) -> Option<&str> {
    let s = s.trim();
    (!s.is_empty()).then_some(s)
}

/// A required, trimmed request string, or an error naming `field`.
pub fn required<'a>(s: &'a str, field: &str) -> Result<&'a str, Error> {
    optional(s).ok_or_else(|| Error::invalid(field, "is required"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offer(value: f64, weight: f64) -> pb::Offer {
        pb::Offer {
            display_name: "10% off".into(),
            value,
            weight,
            ..Default::default()
        }
    }

    fn field_of(err: Error) -> String {
        match err {
            Error::InvalidArgument { field, .. } => field,
            other => panic!("not an invalid argument: {other}"),
        }
    }

    #[test]
    fn value_and_weight_must_be_finite_and_non_negative() {
        for (v, w, field) in [
            (-1.0, 1.0, "offer.value"),
            (f64::NAN, 1.0, "offer.value"),
            (f64::INFINITY, 1.0, "offer.value"),
            (1.0, -0.5, "offer.weight"),
            (1.0, f64::NAN, "offer.weight"),
        ] {
            let err = new_offer(Some(offer(v, w))).unwrap_err();
            assert_eq!(field_of(err), field, "{v} {w}");
        }
        assert!(new_offer(Some(offer(0.0, 0.0))).is_ok());
    }

    #[test]
    fn name_and_presence_are_required() {
        assert_eq!(field_of(new_offer(None).unwrap_err()), "offer");
        let mut o = offer(1.0, 1.0);
        o.display_name = " ".into();
        assert_eq!(
            field_of(new_offer(Some(o)).unwrap_err()),
            "offer.display_name"
        );
    }

    #[test]
    fn catalogue_fields_are_validated_with_their_paths() {
        let cases: Vec<(pb::Offer, &str)> = vec![
            (
                pb::Offer {
                    placements: vec![pb::PlacementContent::default()],
                    ..offer(1.0, 1.0)
                },
                "offer.placements[0].placement",
            ),
            (
                pb::Offer {
                    placements: vec![
                        pb::PlacementContent {
                            placement: pb::Placement::Push.into(),
                            ..Default::default()
                        },
                        pb::PlacementContent {
                            placement: pb::Placement::Push.into(),
                            ..Default::default()
                        },
                    ],
                    ..offer(1.0, 1.0)
                },
                "offer.placements[1].placement",
            ),
            (
                pb::Offer {
                    valid_from: Some(to_timestamp(2_000)),
                    valid_until: Some(to_timestamp(1_000)),
                    ..offer(1.0, 1.0)
                },
                "offer.valid_until",
            ),
            (
                pb::Offer {
                    customer_cap: Some(pb::CustomerCap {
                        max_per_week: -1,
                        ..Default::default()
                    }),
                    ..offer(1.0, 1.0)
                },
                "offer.customer_cap.max_per_week",
            ),
            (
                pb::Offer {
                    global_cap: Some(pb::GlobalCap {
                        budget: 100.0,
                        ..Default::default()
                    }),
                    ..offer(1.0, 1.0)
                },
                "offer.global_cap.cost_per_grant",
            ),
            (
                pb::Offer {
                    global_cap: Some(pb::GlobalCap {
                        budget: -5.0,
                        cost_per_grant: 1.0,
                        ..Default::default()
                    }),
                    ..offer(1.0, 1.0)
                },
                "offer.global_cap.budget",
            ),
            (
                pb::Offer {
                    product_ids: vec!["sku_1".into(), " ".into()],
                    ..offer(1.0, 1.0)
                },
                "offer.product_ids[1]",
            ),
            (
                pb::Offer {
                    fallback: true,
                    eligibility: "true".into(),
                    ..offer(1.0, 1.0)
                },
                "offer.eligibility",
            ),
            (
                pb::Offer {
                    fallback: true,
                    global_cap: Some(pb::GlobalCap {
                        max_grants: 3,
                        ..Default::default()
                    }),
                    ..offer(1.0, 1.0)
                },
                "offer.global_cap",
            ),
            (
                pb::Offer {
                    propensity_model: 99,
                    ..offer(1.0, 1.0)
                },
                "offer.propensity_model",
            ),
        ];
        for (o, field) in cases {
            assert_eq!(field_of(new_offer(Some(o)).unwrap_err()), field);
        }
    }

    #[test]
    fn experiments_are_validated_with_their_paths() {
        let arm = |id: &str, weight: f64, control: bool| pb::ExperimentArm {
            arm_id: id.into(),
            weight,
            control,
            ..Default::default()
        };
        let exp = |arms: Vec<pb::ExperimentArm>| {
            Some(pb::Experiment {
                display_name: "e".into(),
                arms,
                ..Default::default()
            })
        };
        for (e, field) in [
            (exp(vec![arm("a", 1.0, true)]), "experiment.arms"),
            (
                exp(vec![arm("a", 1.0, true), arm("b", -2.0, false)]),
                "experiment.arms[1].weight",
            ),
            (
                exp(vec![arm("a", 1.0, true), arm("b", 0.0, false)]),
                "experiment.arms[1].weight",
            ),
            (
                exp(vec![arm("a", 1.0, true), arm("a", 1.0, false)]),
                "experiment.arms[1].arm_id",
            ),
            (
                exp(vec![arm("a", 1.0, true), arm("b", 1.0, true)]),
                "experiment.arms",
            ),
        ] {
            assert_eq!(field_of(new_experiment(e).unwrap_err()), field);
        }
        let (_, arms) =
            new_experiment(exp(vec![arm("a", 1.0, true), arm("b", 3.0, false)])).unwrap();
        assert_eq!(arms.len(), 2);
    }

    #[test]
    fn model_scores_must_be_probabilities() {
        let bad = HashMap::from([("offer_x".to_owned(), 1.5)]);
        assert_eq!(
            field_of(model_scores(&bad).unwrap_err()),
            "model_scores[offer_x]"
        );
        let ok = HashMap::from([("offer_x".to_owned(), 0.25)]);
        assert_eq!(model_scores(&ok).unwrap(), ok);
    }
}
