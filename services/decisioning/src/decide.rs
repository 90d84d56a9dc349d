//! `Decide`: rank a workspace's offers for one customer and log the decision.
//!
//! Ranking follows next-best-action arbitration:
//!
//! ```text
//! score = propensity × value × weight        (weight 0 is read as 1)
//! ```
//!
//! `propensity` is the prior [`PROPENSITY_PRIOR`] = 1.0 for every offer until bandits
//! learn per-offer propensities from outcomes, so today the score is value × weight.
//! Eligible offers are sorted by score (highest first), ties broken by offer id; the
//! first is chosen, the others are outranked. Offers whose eligibility is false, or
//! cannot be evaluated for this customer (e.g. a missing trait), are excluded, listed
//! after the eligible ones with the reason.

use std::sync::Arc;

use omni_common::clock::SharedClock;
use omni_common::ids::WorkspaceId;
use omni_profile_store::ProfileStore;
use omni_rules::{Evaluator, Scope, value};

use crate::catalog::{Catalog, CompiledOffer};
use crate::error::Error;
use crate::offer::{Candidate, Decision, DecisionId, Outcome};
use crate::store::Store;

/// The propensity used for every offer until bandits land: an uninformed prior.
pub const PROPENSITY_PRIOR: f64 = 1.0;

/// Makes and logs decisions.
pub struct Decider {
    catalog: Arc<Catalog>,
    profiles: ProfileStore,
    store: Store,
    evaluator: Evaluator,
    clock: SharedClock,
}

impl Decider {
    /// A decider over the catalogue, the live profiles and the decision log.
    pub fn new(
        catalog: Arc<Catalog>,
        profiles: ProfileStore,
        store: Store,
        clock: SharedClock,
    ) -> Self {
        Self {
            catalog,
            profiles,
            store,
            evaluator: Evaluator::new(),
            clock,
        }
    }

    /// Decides the best offer for `customer_id` given the request `context`, logs the
    /// decision and returns it. An unknown customer is [`Error::NotFound`].
    pub async fn decide(
        &self,
        ws: &WorkspaceId,
        customer_id: &str,
        context: &serde_json::Map<String, serde_json::Value>,
    ) -> Result<Decision, Error> {
        let profile = self
            .profiles
            .get(ws.as_str(), customer_id)
            .await?
            .ok_or_else(|| Error::NotFound {
                kind: "customer",
                id: customer_id.to_owned(),
            })?;
        let segments = self
            .profiles
            .memberships(ws.as_str(), &profile.customer_id)
            .await?;
        let offers = self.catalog.compiled(ws).await?;
        let now = self.clock.now();
        let vars = [
            ("traits", value::from_json_map(&profile.traits)),
            ("events", value::counts(&profile.event_counts)),
            ("segments", value::string_list(segments.into_keys())),
            ("context", value::from_json_map(context)),
            ("now", value::timestamp(now)),
        ];
        let candidates = {
            let scope = self.evaluator.scope(&vars).map_err(|e| Error::Corrupt {
                what: "profile",
                message: e.to_string(),
            })?;
            rank(&offers.offers, &scope)
        };
        let chosen = candidates
            .first()
            .filter(|c| c.outcome == Outcome::Chosen)
            .and_then(|c| offers.offers.iter().find(|o| o.offer.id == c.offer_id))
            .map(|o| o.offer.clone());
        let decision = Decision {
            id: DecisionId::generate(),
            customer_id: profile.customer_id,
            chosen,
            candidates,
            create_ms: now.timestamp_millis(),
        };
        self.store.log_decision(ws, &decision).await?;
        tracing::debug!(workspace = %ws, decision = %decision.id,
            offer = ?decision.chosen.as_ref().map(|o| o.id.as_str()), "decided");
        Ok(decision)
    }
}

/// Evaluates and ranks `offers` in `scope`: eligible offers first, best score first
/// (ties by offer id), then the excluded ones by offer id. Every candidate says why.
pub fn rank(offers: &[CompiledOffer], scope: &Scope<'_>) -> Vec<Candidate> {
    let mut eligible = Vec::new();
    let mut excluded = Vec::new();
    for o in offers {
        let offer = &o.offer;
        let verdict = match &o.eligibility {
            None => Ok("eligible (no eligibility rule)".to_owned()),
            Some(expr) => match scope.eval_bool(expr) {
                Ok(true) => Ok(format!("eligibility `{}` was true", expr.source())),
                Ok(false) => Err((
                    Outcome::Ineligible,
                    format!("eligibility `{}` was false", expr.source()),
                )),
                Err(e) => Err((
                    Outcome::Error,
                    format!(
                        "eligibility `{}` could not be evaluated: {e}",
                        expr.source()
                    ),
                )),
            },
        };
        match verdict {
            Ok(why) => {
                let weight = offer.effective_weight();
                let score = PROPENSITY_PRIOR * offer.value * weight;
                let formula = format!(
                    "score = propensity {PROPENSITY_PRIOR} × value {} × weight {weight} = {score}",
                    offer.value
                );
                eligible.push(Candidate {
                    offer_id: offer.id.clone(),
                    outcome: Outcome::Outranked,
                    score,
                    reason: format!("{why}; {formula}"),
                });
            }
            Err((outcome, reason)) => excluded.push(Candidate {
                offer_id: offer.id.clone(),
                outcome,
                score: 0.0,
                reason,
            }),
        }
    }
    eligible.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.offer_id.cmp(&b.offer_id))
    });
    excluded.sort_by(|a, b| a.offer_id.cmp(&b.offer_id));
    let total = eligible.len();
    if let Some((best, rest)) = eligible.split_first_mut() {
        best.outcome = Outcome::Chosen;
        best.reason = format!("{}; highest of {total} eligible", best.reason);
        for c in rest {
            c.reason = format!(
                "{}; outranked by {} ({})",
                c.reason, best.offer_id, best.score
            );
        }
    }
    eligible.extend(excluded);
    eligible
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::catalog::compile_eligibility;
    use crate::offer::{Offer, OfferId};

    fn offer(id: &str, eligibility: &str, value: f64, weight: f64) -> CompiledOffer {
        CompiledOffer {
            offer: Offer {
                id: OfferId::new(id),
                display_name: id.to_owned(),
                eligibility: eligibility.to_owned(),
                value,
                weight,
                content: serde_json::Map::new(),
                create_ms: 0,
            },
            eligibility: compile_eligibility(eligibility).unwrap(),
        }
    }

    fn ranked(offers: &[CompiledOffer]) -> Vec<Candidate> {
        let ev = Evaluator::new();
        let traits = value::from_json(&json!({"country": "FR", "tier": "gold"}));
        let scope = ev
            .scope(&[
                ("traits", traits),
                ("segments", value::string_list(["seg_vip".to_owned()])),
            ])
            .unwrap();
        rank(offers, &scope)
    }

    #[test]
    fn best_eligible_score_wins_and_the_rest_say_why() {
        let c = ranked(&[
            offer("o_kr", "traits.country == 'KR'", 100.0, 1.0),
            offer("o_low", "", 10.0, 0.0),
            offer("o_high", "'seg_vip' in segments", 20.0, 2.0),
            offer("o_err", "traits.age > 3", 500.0, 1.0),
        ]);
        let ids: Vec<_> = c.iter().map(|c| c.offer_id.as_str()).collect();
        assert_eq!(ids, ["o_high", "o_low", "o_err", "o_kr"]);
        assert_eq!(c[0].outcome, Outcome::Chosen);
        assert_eq!(c[0].score, 40.0);
        assert_eq!(c[1].outcome, Outcome::Outranked);
        assert_eq!(c[1].score, 10.0, "weight 0 is read as 1");
        assert!(
            c[1].reason.contains("outranked by o_high"),
            "{}",
            c[1].reason
        );
        assert_eq!(c[2].outcome, Outcome::Error);
        assert!(c[2].reason.contains("age"), "{}", c[2].reason);
        assert_eq!(c[3].outcome, Outcome::Ineligible);
        assert_eq!(
            c[3].reason,
            "eligibility `traits.country == 'KR'` was false"
        );
    }

    #[test]
    fn ties_are_broken_by_offer_id() {
        let c = ranked(&[offer("o_b", "", 5.0, 1.0), offer("o_a", "", 5.0, 1.0)]);
        assert_eq!(c[0].offer_id.as_str(), "o_a");
        assert_eq!(c[0].outcome, Outcome::Chosen);
    }

    #[test]
    fn nothing_eligible_chooses_nothing() {
        let c = ranked(&[offer("o", "false", 5.0, 1.0)]);
        assert!(c.iter().all(|c| c.outcome != Outcome::Chosen));
        assert!(ranked(&[]).is_empty());
    }
}
