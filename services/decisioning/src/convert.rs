//! Conversions between the `omni.decisioning.v1` contract and the domain model.

use omni_common::convert::{json_to_struct, struct_to_json, to_timestamp};
use omni_proto::decisioning::v1 as pb;

use crate::error::Error;
use crate::offer::{Candidate, Decision, NewOffer, Offer, Outcome};

/// The offer to create from a `CreateOfferRequest.offer`, validated (the eligibility
/// expression itself is compiled by the catalogue).
pub fn new_offer(offer: Option<pb::Offer>) -> Result<NewOffer, Error> {
    let offer = offer.ok_or_else(|| Error::invalid("offer", "is required"))?;
    let display_name = offer.display_name.trim().to_owned();
    if display_name.is_empty() {
        return Err(Error::invalid("offer.display_name", "must not be empty"));
    }
    if !offer.value.is_finite() || offer.value < 0.0 {
        return Err(Error::invalid(
            "offer.value",
            format!("must be a finite number >= 0, got {}", offer.value),
        ));
    }
    if !offer.weight.is_finite() || offer.weight < 0.0 {
        return Err(Error::invalid(
            "offer.weight",
            format!("must be a finite number >= 0, got {}", offer.weight),
        ));
    }
    Ok(NewOffer {
        display_name,
        eligibility: offer.eligibility.trim().to_owned(),
        value: offer.value,
        weight: offer.weight,
        content: offer
            .content
            .as_ref()
            .map(struct_to_json)
            .unwrap_or_default(),
    })
}

/// A domain offer as its contract message.
pub fn offer_to_proto(offer: &Offer) -> pb::Offer {
    pb::Offer {
        offer_id: offer.id.to_string(),
        display_name: offer.display_name.clone(),
        eligibility: offer.eligibility.clone(),
        value: offer.value,
        weight: offer.weight,
        content: Some(json_to_struct(&offer.content)),
        create_time: Some(to_timestamp(offer.create_ms)),
    }
}

/// A decision as the `Decide` response.
pub fn decision_to_proto(decision: &Decision) -> pb::DecideResponse {
    pb::DecideResponse {
        decision_id: decision.id.to_string(),
        offer: decision.chosen.as_ref().map(offer_to_proto),
        candidates: decision.candidates.iter().map(candidate_to_proto).collect(),
    }
}

fn candidate_to_proto(c: &Candidate) -> pb::Candidate {
    let outcome = match c.outcome {
        Outcome::Chosen => pb::CandidateOutcome::Chosen,
        Outcome::Outranked => pb::CandidateOutcome::Outranked,
        Outcome::Ineligible => pb::CandidateOutcome::Ineligible,
        Outcome::Error => pb::CandidateOutcome::Error,
    };
    pb::Candidate {
        offer_id: c.offer_id.to_string(),
        outcome: outcome.into(),
        score: c.score,
        reason: c.reason.clone(),
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

    fn offer(value: f64, weight: f64) -> pb::Offer {
        pb::Offer {
            display_name: "10% off".into(),
            value,
            weight,
            ..Default::default()
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
            assert!(
                matches!(err, Error::InvalidArgument { field: f, .. } if f == field),
                "{v} {w}: {err}"
            );
        }
        assert!(new_offer(Some(offer(0.0, 0.0))).is_ok());
    }

    #[test]
    fn name_and_presence_are_required() {
        assert!(matches!(
            new_offer(None).unwrap_err(),
            Error::InvalidArgument { field: "offer", .. }
        ));
        let mut o = offer(1.0, 1.0);
        o.display_name = " ".into();
        assert!(matches!(
            new_offer(Some(o)).unwrap_err(),
            Error::InvalidArgument {
                field: "offer.display_name",
                ..
            }
        ));
    }
}
