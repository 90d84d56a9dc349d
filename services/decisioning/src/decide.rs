//! `Decide`: rank a workspace's offers for one customer in one placement, grant the
//! best within their caps, explain every candidate, and log the decision.
//!
//! The arbitration (documented with examples in `docs/decisioning.md`):
//!
//! 1. **Screen** every active offer that serves the placement, in this order: the
//!    experiment arm (holdout: nothing at all; an arm with an offer list: only those),
//!    the validity window (`not_yet_valid`, `expired`), already redeemed, already
//!    purchased (any of its products), then its CEL eligibility (`ineligible`, or
//!    `error` when it cannot be evaluated). Fallback offers skip exclusions and
//!    eligibility; they are kept aside.
//! 2. **Score** the eligible ones:
//!    `score = propensity × value × weight` (weight 0 is read as 1), where the
//!    propensity is the caller's model score for the offer when given, else a Thompson
//!    draw from the offer's Beta posterior in the placement when the offer learns,
//!    else 1.
//! 3. **Rank** by priority tier (higher first), then score (higher first), then offer
//!    id.
//! 4. **Grant** down the ranking until `count` offers are granted: an offer with caps
//!    is granted only if its per-customer and global caps reserve atomically in Redis
//!    (else `capped`, and the next one is tried). The rest are `outranked`.
//! 5. **Fallback**: when fewer than `count` were granted, the placement's fallback
//!    offers (priority, then value × weight, then id) fill the remaining slots.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use omni_common::clock::SharedClock;
use omni_common::ids::WorkspaceId;
use omni_profile_store::{ProfileStore, StoredProfile};
use omni_rules::{Evaluator, Scope, value};

use crate::bandit::{self, ArmStats};
use crate::caps::{Caps, Reservation};
use crate::catalog::{Catalog, CompiledOffer};
use crate::error::Error;
use crate::exclusions::{ExclusionStore, Exclusions};
use crate::experiment::{Arm, ExperimentId, Experiments};
use crate::offer::{Candidate, Decision, DecisionId, Offer, Outcome, Placement, PropensityModel};
use crate::store::Store;

/// The propensity of offers that do not learn and have no model score.
pub const PROPENSITY_PRIOR: f64 = 1.0;
/// Most offers one decision may return.
pub const MAX_COUNT: usize = 50;

/// What `Decide` was asked, validated.
#[derive(Clone, Debug, Default)]
pub struct DecideInput {
    /// The customer (any id that resolves to a profile).
    pub customer_id: String,
    /// Request context, visible to eligibility as `context`.
    pub context: serde_json::Map<String, serde_json::Value>,
    /// The placement (`None`: any).
    pub placement: Option<Placement>,
    /// How many offers to grant, 1..=[`MAX_COUNT`].
    pub count: usize,
    /// The experiment the customer takes part in.
    pub experiment: Option<ExperimentId>,
    /// Model propensities by offer id, each in [0, 1].
    pub model_scores: HashMap<String, f64>,
    /// Products the caller knows the customer bought.
    pub purchased: Vec<String>,
    /// Offers the caller knows the customer redeemed.
    pub redeemed: Vec<String>,
    /// Idempotency key of the decision.
    pub idempotency_key: Option<String>,
}

/// Makes and logs decisions.
pub struct Decider {
    catalog: Arc<Catalog>,
    experiments: Arc<Experiments>,
    profiles: ProfileStore,
    store: Store,
    caps: Caps,
    exclusions: ExclusionStore,
    evaluator: Evaluator,
    clock: SharedClock,
}

/// The Redis-backed parts a decider uses.
pub struct LiveState {
    /// Cap counters.
    pub caps: Caps,
    /// Redeemed/purchased sets.
    pub exclusions: ExclusionStore,
}

/// An offer that passed screening.
#[derive(Clone, Debug)]
pub struct Eligible<'a> {
    /// The offer.
    pub offer: &'a CompiledOffer,
    /// Why it is eligible.
    pub why: String,
}

/// The result of screening a workspace's offers.
#[derive(Debug, Default)]
pub struct Screened<'a> {
    /// Eligible regular offers, catalogue order.
    pub eligible: Vec<Eligible<'a>>,
    /// Fallback offers for the placement that are within their validity window.
    pub fallbacks: Vec<&'a CompiledOffer>,
    /// Excluded offers with their outcome and reason.
    pub excluded: Vec<Candidate>,
}

/// A scored, eligible offer.
#[derive(Clone, Debug)]
pub struct Scored<'a> {
    /// The offer.
    pub offer: &'a CompiledOffer,
    /// The propensity used.
    pub propensity: f64,
    /// `fixed`, `thompson` or `model`.
    pub source: &'static str,
    /// propensity × value × weight.
    pub score: f64,
    /// Eligibility and formula explanation.
    pub why: String,
}

/// Screens `offers` for a decision; see the module docs for the order of checks.
pub fn screen<'a>(
    offers: impl IntoIterator<Item = &'a CompiledOffer>,
    placement: Option<Placement>,
    now_ms: i64,
    exclusions: &Exclusions,
    arm: Option<(&str, &Arm)>,
    scope: &Scope<'_>,
) -> Screened<'a> {
    let mut out = Screened::default();
    for o in offers
        .into_iter()
        .filter(|o| o.offer.spec.serves(placement))
    {
        let offer = &o.offer;
        let spec = &offer.spec;
        let exclude = |outcome, reason: String| Candidate {
            offer_id: offer.id.clone(),
            outcome,
            score: 0.0,
            reason,
            offer_version: offer.version,
            propensity: 0.0,
            propensity_source: String::new(),
            priority: spec.priority,
            rank: 0,
        };
        if let Some(from) = spec.valid_from_ms
            && now_ms < from
        {
            out.excluded.push(exclude(
                Outcome::NotYetValid,
                format!("not valid until {}", iso(from)),
            ));
            continue;
        }
        if let Some(until) = spec.valid_until_ms
            && now_ms >= until
        {
            out.excluded.push(exclude(
                Outcome::Expired,
                format!("expired at {}", iso(until)),
            ));
            continue;
        }
        if spec.fallback {
            out.fallbacks.push(o);
            continue;
        }
        if let Some((experiment, arm)) = arm
            && !arm.offer_ids.is_empty()
            && !arm.offer_ids.iter().any(|id| id == offer.id.as_str())
        {
            out.excluded.push(exclude(
                Outcome::Experiment,
                format!(
                    "not among the offers of arm `{}` of experiment {experiment}",
                    arm.id
                ),
            ));
            continue;
        }
        if exclusions.redeemed.contains(offer.id.as_str()) {
            out.excluded.push(exclude(
                Outcome::Redeemed,
                "the customer already redeemed this offer".into(),
            ));
            continue;
        }
        if let Some(p) = spec
            .product_ids
            .iter()
            .find(|p| exclusions.purchased.contains(p.as_str()))
        {
            out.excluded.push(exclude(
                Outcome::Purchased,
                format!("the customer already bought product `{p}`"),
            ));
            continue;
        }
        match &o.eligibility {
            None => out.eligible.push(Eligible {
                offer: o,
                why: "eligible (no eligibility rule)".into(),
            }),
            Some(expr) => match scope.eval_bool(expr) {
                Ok(true) => out.eligible.push(Eligible {
                    offer: o,
                    why: format!("eligibility `{}` was true", expr.source()),
                }),
                Ok(false) => out.excluded.push(exclude(
                    Outcome::Ineligible,
                    format!("eligibility `{}` was false", expr.source()),
                )),
                Err(e) => out.excluded.push(exclude(
                    Outcome::Error,
                    format!(
                        "eligibility `{}` could not be evaluated: {e}",
                        expr.source()
                    ),
                )),
            },
        }
    }
    out.excluded.sort_by(|a, b| a.offer_id.cmp(&b.offer_id));
    out
}

fn iso(ms: i64) -> String {
    crate::sendtime::from_ms(ms).to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Scores eligible offers with their propensities (`(propensity, source, note)` per
/// offer, in order) and ranks them: priority tier, then score, then offer id.
pub fn score_and_rank<'a>(
    eligible: Vec<Eligible<'a>>,
    propensities: Vec<(f64, &'static str, String)>,
) -> Vec<Scored<'a>> {
    let mut scored: Vec<Scored<'a>> = eligible
        .into_iter()
        .zip(propensities)
        .map(|(e, (propensity, source, note))| {
            let spec = &e.offer.offer.spec;
            let weight = spec.effective_weight();
            let score = propensity * spec.value * weight;
            let mut why = e.why;
            if spec.priority != 0 {
                why.push_str(&format!("; priority tier {}", spec.priority));
            }
            why.push_str(&format!(
                "; score = propensity {propensity} × value {} × weight {weight} = {score}",
                spec.value
            ));
            if !note.is_empty() {
                why.push_str(&format!(" ({note})"));
            }
            Scored {
                offer: e.offer,
                propensity,
                source,
                score,
                why,
            }
        })
        .collect();
    scored.sort_by(|a, b| {
        b.offer
            .offer
            .spec
            .priority
            .cmp(&a.offer.offer.spec.priority)
            .then_with(|| b.score.total_cmp(&a.score))
            .then_with(|| a.offer.offer.id.cmp(&b.offer.offer.id))
    });
    scored
}

/// Where grants are counted, when caps apply.
pub struct CapContext<'c> {
    /// The counters.
    pub caps: &'c Caps,
    /// Workspace.
    pub ws: &'c str,
    /// Customer.
    pub customer: &'c str,
    /// Now.
    pub now: chrono::DateTime<chrono::Utc>,
}

/// Grants down the ranking until `count` are granted (reserving caps when `caps` is
/// given), fills the rest with fallbacks, and returns the chosen offers' candidates
/// first (by rank), then capped and outranked ones, then unused fallbacks.
pub async fn select(
    ranked: &[Scored<'_>],
    fallbacks: &[&CompiledOffer],
    count: usize,
    placement: Option<Placement>,
    caps: Option<CapContext<'_>>,
) -> Result<(Vec<Candidate>, Vec<Offer>), Error> {
    let total = ranked.len();
    let mut chosen: Vec<Candidate> = Vec::new();
    let mut offers: Vec<Offer> = Vec::new();
    let mut rest: Vec<Candidate> = Vec::new();
    let candidate = |s: &Scored<'_>, outcome, reason: String, rank: i32| Candidate {
        offer_id: s.offer.offer.id.clone(),
        outcome,
        score: s.score,
        reason,
        offer_version: s.offer.offer.version,
        propensity: s.propensity,
        propensity_source: s.source.to_owned(),
        priority: s.offer.offer.spec.priority,
        rank,
    };
    for s in ranked {
        if chosen.len() >= count {
            let best = &chosen[0];
            let reason = if count == 1 {
                format!("{}; outranked by {} ({})", s.why, best.offer_id, best.score)
            } else {
                let last = &chosen[chosen.len() - 1];
                format!(
                    "{}; outranked: the {count} chosen offers ranked higher (lowest {} at {})",
                    s.why, last.offer_id, last.score
                )
            };
            rest.push(candidate(s, Outcome::Outranked, reason, 0));
            continue;
        }
        let spec = &s.offer.offer.spec;
        if let Some(cx) = &caps
            && (spec.customer_cap.is_set() || spec.global_cap.is_set())
            && let Reservation::Capped(why) = cx
                .caps
                .reserve(
                    cx.ws,
                    cx.customer,
                    &s.offer.offer.id,
                    &spec.customer_cap,
                    &spec.global_cap,
                    cx.now,
                )
                .await?
        {
            rest.push(candidate(
                s,
                Outcome::Capped,
                format!("{}; capped: {why}", s.why),
                0,
            ));
            continue;
        }
        let rank = chosen.len() + 1;
        let place = if rank == 1 {
            format!("highest of {total} eligible")
        } else {
            format!("rank {rank} of {total} eligible")
        };
        chosen.push(candidate(
            s,
            Outcome::Chosen,
            format!("{}; {place}", s.why),
            rank as i32,
        ));
        offers.push(chosen_offer(&s.offer.offer, placement));
    }
    let regular = chosen.len();
    let mut fallbacks: Vec<&CompiledOffer> = fallbacks.to_vec();
    fallbacks.sort_by(|a, b| {
        let (a, b) = (&a.offer, &b.offer);
        b.spec
            .priority
            .cmp(&a.spec.priority)
            .then_with(|| {
                (b.spec.value * b.spec.effective_weight())
                    .total_cmp(&(a.spec.value * a.spec.effective_weight()))
            })
            .then_with(|| a.id.cmp(&b.id))
    });
    let where_ = placement.map_or("any placement", Placement::as_str);
    for f in fallbacks {
        let offer = &f.offer;
        let fill = chosen.len() < count;
        let reason = if fill {
            format!("fallback for {where_}: {regular} regular offer(s) granted of {count} asked")
        } else {
            format!("fallback for {where_} not needed: {regular} regular offer(s) granted")
        };
        let rank = if fill { chosen.len() as i32 + 1 } else { 0 };
        let c = Candidate {
            offer_id: offer.id.clone(),
            outcome: if fill {
                Outcome::Chosen
            } else {
                Outcome::Outranked
            },
            score: 0.0,
            reason,
            offer_version: offer.version,
            propensity: 0.0,
            propensity_source: String::new(),
            priority: offer.spec.priority,
            rank,
        };
        if fill {
            chosen.push(c);
            offers.push(chosen_offer(offer, placement));
        } else {
            rest.push(c);
        }
    }
    chosen.extend(rest);
    Ok((chosen, offers))
}

/// The offer as returned to the caller: its content with the placement's merged in.
fn chosen_offer(offer: &Offer, placement: Option<Placement>) -> Offer {
    let mut o = offer.clone();
    o.spec.content = offer.spec.content_for(placement);
    o
}

/// Values derived from the live profile, visible to eligibility as `computed`:
/// `first_seen_ms`, `last_seen_ms`, `days_since_first_seen`, `days_since_last_seen`
/// and `total_events`.
pub fn computed(profile: &StoredProfile, now_ms: i64) -> serde_json::Value {
    let days = |ms: i64| (now_ms - ms).max(0) / 86_400_000;
    serde_json::json!({
        "first_seen_ms": profile.first_seen_ms,
        "last_seen_ms": profile.last_seen_ms,
        "days_since_first_seen": days(profile.first_seen_ms),
        "days_since_last_seen": days(profile.last_seen_ms),
        "total_events": profile.event_counts.values().sum::<i64>(),
    })
}

impl Decider {
    /// A decider over the catalogue, experiments, live profiles, the decision log and
    /// the Redis-backed caps, bandits and exclusions.
    pub fn new(
        catalog: Arc<Catalog>,
        experiments: Arc<Experiments>,
        profiles: ProfileStore,
        store: Store,
        live: LiveState,
        clock: SharedClock,
    ) -> Self {
        Self {
            catalog,
            experiments,
            profiles,
            store,
            caps: live.caps,
            exclusions: live.exclusions,
            evaluator: Evaluator::new(),
            clock,
        }
    }

    /// The decision log.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Decides for `input`, logs the decision and returns it. An unknown customer or
    /// experiment is [`Error::NotFound`]; a repeated idempotency key returns the
    /// logged decision and consumes nothing.
    pub async fn decide(&self, ws: &WorkspaceId, input: DecideInput) -> Result<Decision, Error> {
        if let Some(key) = &input.idempotency_key
            && let Some(first) = self.store.decision_by_idempotency_key(ws, key).await?
        {
            return Ok(first);
        }
        let offers = self.catalog.compiled(ws).await?;
        let (learners, fields) = offers.learners(input.placement);
        let bandit_key = bandit::key(ws.as_str());
        // Profile, memberships, exclusions and bandit posteriors are read at once, for
        // the id asked; when it turns out to be merged into another customer, the
        // customer's own memberships and exclusions are read again.
        let live = |cid: String| {
            let bandit = Some((bandit_key.as_str(), fields));
            async move {
                tokio::try_join!(
                    async {
                        self.profiles
                            .memberships(ws.as_str(), &cid)
                            .await
                            .map_err(Error::from)
                    },
                    self.exclusions.load_with(ws.as_str(), &cid, bandit),
                )
            }
        };
        let (profile, (mut segments, (mut exclusions, mut values))) = tokio::try_join!(
            async {
                self.profiles
                    .get(ws.as_str(), &input.customer_id)
                    .await
                    .map_err(Error::from)
            },
            live(input.customer_id.clone()),
        )?;
        let profile = profile.ok_or_else(|| Error::NotFound {
            kind: "customer",
            id: input.customer_id.clone(),
        })?;
        let cid = profile.customer_id.clone();
        if cid != input.customer_id {
            (segments, (exclusions, values)) = live(cid.clone()).await?;
        }
        let posteriors: HashMap<&str, ArmStats> = learners
            .iter()
            .map(|&i| offers.offers[i].offer.id.as_str())
            .zip(bandit::parse_stats(&values))
            .collect();
        let experiment = match &input.experiment {
            Some(id) => Some(self.experiments.get(ws, id).await?),
            None => None,
        };
        exclusions.purchased.extend(input.purchased.iter().cloned());
        exclusions.redeemed.extend(input.redeemed.iter().cloned());
        let now = self.clock.now();
        let now_ms = now.timestamp_millis();
        let arm = experiment
            .as_ref()
            .map(|e| (e.id.to_string(), e.assign(ws, &cid).clone()));

        let (candidates, chosen) = match &arm {
            Some((exp_id, arm)) if arm.holdout => {
                let candidates = offers
                    .serving(input.placement)
                    .map(|o| Candidate {
                        offer_id: o.offer.id.clone(),
                        outcome: Outcome::Experiment,
                        score: 0.0,
                        reason: format!(
                            "the customer is in holdout arm `{}` of experiment {exp_id}: no offer is made",
                            arm.id
                        ),
                        offer_version: o.offer.version,
                        propensity: 0.0,
                        propensity_source: String::new(),
                        priority: o.offer.spec.priority,
                        rank: 0,
                    })
                    .collect();
                (candidates, Vec::new())
            }
            _ => {
                let vars = [
                    ("traits", value::from_json_map(&profile.traits)),
                    ("events", value::counts(&profile.event_counts)),
                    ("segments", value::string_list(segments.into_keys())),
                    ("context", value::from_json_map(&input.context)),
                    ("now", value::timestamp(now)),
                    ("computed", value::from_json(&computed(&profile, now_ms))),
                ];
                let screened = {
                    let scope = self.evaluator.scope(&vars).map_err(|e| Error::Corrupt {
                        what: "profile",
                        message: e.to_string(),
                    })?;
                    screen(
                        offers.serving(input.placement),
                        input.placement,
                        now_ms,
                        &exclusions,
                        arm.as_ref().map(|(e, a)| (e.as_str(), a)),
                        &scope,
                    )
                };
                let propensities =
                    propensities(&screened.eligible, &posteriors, &input.model_scores);
                let ranked = score_and_rank(screened.eligible, propensities);
                let (mut candidates, chosen) = select(
                    &ranked,
                    &screened.fallbacks,
                    input.count.max(1),
                    input.placement,
                    Some(CapContext {
                        caps: &self.caps,
                        ws: ws.as_str(),
                        customer: &cid,
                        now,
                    }),
                )
                .await?;
                candidates.extend(screened.excluded);
                (candidates, chosen)
            }
        };
        let decision = Decision {
            id: DecisionId::generate(),
            customer_id: cid,
            placement: input.placement,
            chosen,
            candidates,
            holdout: arm.as_ref().is_some_and(|(_, a)| a.holdout),
            experiment: arm.map(|(e, a)| (e, a.id)),
            create_ms: now_ms,
        };
        let key = input.idempotency_key.as_deref();
        if !self.store.log_decision(ws, &decision, key).await?
            && let Some(k) = key
            && let Some(first) = self.store.decision_by_idempotency_key(ws, k).await?
        {
            return Ok(first);
        }
        tracing::debug!(workspace = %ws, decision = %decision.id,
            offers = decision.chosen.len(), "decided");
        Ok(decision)
    }
}

/// The propensity of each eligible offer: the model score when given, else a Thompson
/// draw from its posterior (in `posteriors`, read with the customer's state) for
/// learning offers, else 1.
pub fn propensities(
    eligible: &[Eligible<'_>],
    posteriors: &HashMap<&str, ArmStats>,
    model_scores: &HashMap<String, f64>,
) -> Vec<(f64, &'static str, String)> {
    let mut rng = rand::rng();
    eligible
        .iter()
        .map(|e| {
            let o = &e.offer.offer;
            let id = o.id.as_str();
            if let Some(score) = model_scores.get(id) {
                (
                    *score,
                    "model",
                    "propensity from the caller's model score".to_owned(),
                )
            } else if o.spec.propensity_model == PropensityModel::Thompson
                && let Some(s) = posteriors.get(id)
            {
                let (a, b) = s.posterior();
                (
                    s.sample(&mut rng),
                    "thompson",
                    format!(
                        "propensity drawn from Beta({a}, {b}) after {} impressions, {} successes",
                        s.trials, s.successes
                    ),
                )
            } else {
                (PROPENSITY_PRIOR, "fixed", String::new())
            }
        })
        .collect()
}

/// Removes duplicates and blanks from caller-supplied ids.
pub fn clean_ids(ids: &[String]) -> Vec<String> {
    let mut seen = HashSet::new();
    ids.iter()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty() && seen.insert(s.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::catalog::compile_eligibility;
    use crate::offer::{OfferId, OfferSpec, OfferState};

    fn offer_with(id: &str, spec: OfferSpec) -> CompiledOffer {
        CompiledOffer {
            eligibility: compile_eligibility(&spec.eligibility).unwrap(),
            offer: Offer {
                id: OfferId::new(id),
                version: 1,
                state: OfferState::Active,
                spec,
                create_ms: 0,
                update_ms: 0,
            },
        }
    }

    fn offer(id: &str, eligibility: &str, value: f64, weight: f64) -> CompiledOffer {
        offer_with(
            id,
            OfferSpec {
                display_name: id.to_owned(),
                eligibility: eligibility.to_owned(),
                value,
                weight,
                ..Default::default()
            },
        )
    }

    fn ranked_with(
        offers: &[CompiledOffer],
        exclusions: &Exclusions,
        count: usize,
    ) -> Vec<Candidate> {
        let ev = Evaluator::new();
        let traits = value::from_json(&json!({"country": "FR", "tier": "gold"}));
        let scope = ev
            .scope(&[
                ("traits", traits),
                ("segments", value::string_list(["seg_vip".to_owned()])),
            ])
            .unwrap();
        let screened = screen(offers, None, 1_000, exclusions, None, &scope);
        let fixed = vec![(PROPENSITY_PRIOR, "fixed", String::new()); screened.eligible.len()];
        let ranked = score_and_rank(screened.eligible, fixed);
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let (mut c, _) = rt
            .block_on(select(&ranked, &screened.fallbacks, count, None, None))
            .unwrap();
        c.extend(screened.excluded);
        c
    }

    fn ranked(offers: &[CompiledOffer]) -> Vec<Candidate> {
        ranked_with(offers, &Exclusions::default(), 1)
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
        assert_eq!(c[0].rank, 1);
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

    #[test]
    fn a_higher_priority_tier_beats_a_higher_score() {
        let mut tiered = offer("o_tier", "", 1.0, 1.0);
        tiered.offer.spec.priority = 1;
        let c = ranked(&[offer("o_rich", "", 1000.0, 1.0), tiered]);
        assert_eq!(c[0].offer_id.as_str(), "o_tier");
        assert!(c[0].reason.contains("priority tier 1"), "{}", c[0].reason);
        assert_eq!(c[1].outcome, Outcome::Outranked);
    }

    #[test]
    fn each_exclusion_reason_is_explained() {
        let spec = |f: &dyn Fn(&mut OfferSpec)| {
            let mut s = OfferSpec {
                display_name: "x".into(),
                value: 1.0,
                ..Default::default()
            };
            f(&mut s);
            s
        };
        let offers = [
            offer_with("o_future", spec(&|s| s.valid_from_ms = Some(2_000))),
            offer_with("o_past", spec(&|s| s.valid_until_ms = Some(1_000))),
            offer_with("o_redeemed", spec(&|_| {})),
            offer_with(
                "o_bought",
                spec(&|s| s.product_ids = vec!["sku_1".into(), "sku_2".into()]),
            ),
            offer_with("o_ok", spec(&|s| s.product_ids = vec!["sku_9".into()])),
        ];
        let exclusions = Exclusions {
            redeemed: HashSet::from(["o_redeemed".to_owned()]),
            purchased: HashSet::from(["sku_2".to_owned()]),
        };
        let c = ranked_with(&offers, &exclusions, 1);
        let get = |id: &str| c.iter().find(|c| c.offer_id.as_str() == id).unwrap();
        assert_eq!(get("o_ok").outcome, Outcome::Chosen);
        assert_eq!(get("o_future").outcome, Outcome::NotYetValid);
        assert_eq!(
            get("o_future").reason,
            "not valid until 1970-01-01T00:00:02Z"
        );
        assert_eq!(get("o_past").outcome, Outcome::Expired);
        assert_eq!(get("o_past").reason, "expired at 1970-01-01T00:00:01Z");
        assert_eq!(get("o_redeemed").outcome, Outcome::Redeemed);
        assert_eq!(
            get("o_redeemed").reason,
            "the customer already redeemed this offer"
        );
        assert_eq!(get("o_bought").outcome, Outcome::Purchased);
        assert_eq!(
            get("o_bought").reason,
            "the customer already bought product `sku_2`"
        );
    }

    #[test]
    fn fallbacks_fill_only_what_regular_offers_leave() {
        let fallback = offer_with(
            "o_fallback",
            OfferSpec {
                display_name: "fb".into(),
                value: 1.0,
                fallback: true,
                ..Default::default()
            },
        );
        let c = ranked(&[offer("o_no", "false", 5.0, 1.0), fallback.clone()]);
        assert_eq!(c[0].offer_id.as_str(), "o_fallback");
        assert_eq!(c[0].outcome, Outcome::Chosen);
        assert!(
            c[0].reason.starts_with("fallback for any placement"),
            "{}",
            c[0].reason
        );

        let c = ranked(&[offer("o_yes", "", 5.0, 1.0), fallback.clone()]);
        assert_eq!(c[0].offer_id.as_str(), "o_yes");
        let fb = c
            .iter()
            .find(|c| c.offer_id.as_str() == "o_fallback")
            .unwrap();
        assert_eq!(fb.outcome, Outcome::Outranked);
        assert!(fb.reason.contains("not needed"), "{}", fb.reason);

        // Two slots: one regular, one fallback.
        let c = ranked_with(
            &[offer("o_yes", "", 5.0, 1.0), fallback],
            &Exclusions::default(),
            2,
        );
        assert_eq!(c.iter().filter(|c| c.outcome == Outcome::Chosen).count(), 2);
        assert_eq!(c[1].rank, 2);
    }

    #[test]
    fn computed_values_come_from_the_profile() {
        let profile = StoredProfile {
            first_seen_ms: 0,
            last_seen_ms: 3 * 86_400_000,
            event_counts: [("a".to_owned(), 2), ("b".to_owned(), 3)].into(),
            ..Default::default()
        };
        let c = computed(&profile, 10 * 86_400_000 + 5);
        assert_eq!(c["days_since_first_seen"], 10);
        assert_eq!(c["days_since_last_seen"], 7);
        assert_eq!(c["total_events"], 5);
    }
}
