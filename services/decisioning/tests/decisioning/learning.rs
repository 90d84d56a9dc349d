//! Learning: idempotent outcomes feeding Thompson-sampling posteriors, model scores,
//! and a deterministic bandit simulation over the real Redis counters.

use omni_decisioning::bandit::{self, Bandits};
use omni_decisioning::offer::{OfferId, Placement};
use omni_proto::decisioning::v1 as pb;
use rand::{Rng, SeedableRng};
use serde_json::json;

use crate::{Harness, WS, offer};

fn learner(name: &str, value: f64) -> pb::Offer {
    pb::Offer {
        propensity_model: pb::PropensityModel::ThompsonSampling.into(),
        ..offer(name, "", value, 1.0)
    }
}

#[tokio::test]
async fn outcomes_are_idempotent_and_move_the_posterior() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    h.profile("c_learn", json!({})).await?;
    let o = h.create(learner("learner", 10.0), "").await?;
    let decide = pb::DecideRequest {
        customer_id: "c_learn".into(),
        placement: pb::Placement::Push.into(),
        ..Default::default()
    };
    let d = h.decide(decide.clone()).await?;
    let c = &d.candidates[0];
    assert_eq!(c.propensity_source, "thompson");
    assert!(
        c.reason.contains("Beta(1, 1) after 0 impressions"),
        "{}",
        c.reason
    );
    assert!((0.0..=1.0).contains(&c.propensity));
    assert!((c.score - c.propensity * 10.0).abs() < 1e-9);

    assert!(
        !h.outcome(&d.decision_id, &o.offer_id, pb::OutcomeKind::Impression)
            .await?
    );
    assert!(
        h.outcome(&d.decision_id, &o.offer_id, pb::OutcomeKind::Impression)
            .await?
    );
    assert!(
        !h.outcome(&d.decision_id, &o.offer_id, pb::OutcomeKind::Click)
            .await?
    );
    assert!(
        h.outcome(&d.decision_id, &o.offer_id, pb::OutcomeKind::Click)
            .await?
    );
    let redis = omni_common::redis::connect(&h.redis_url).await?;
    let bandits = Bandits::new(redis);
    let arm = bandit::arm(&OfferId::new(o.offer_id.clone()), Some(Placement::Push));
    let stats = bandits.stats(WS, std::slice::from_ref(&arm)).await?;
    assert_eq!((stats[0].trials, stats[0].successes), (1, 1));

    // A dismiss without an impression implies one: a trial without a success.
    let d2 = h.decide(decide.clone()).await?;
    assert!(
        !h.outcome(&d2.decision_id, &o.offer_id, pb::OutcomeKind::Dismiss)
            .await?
    );
    let stats = bandits.stats(WS, std::slice::from_ref(&arm)).await?;
    assert_eq!((stats[0].trials, stats[0].successes), (2, 1));
    let d3 = h.decide(decide).await?;
    assert!(
        d3.candidates[0]
            .reason
            .contains("Beta(2, 2) after 2 impressions, 1 successes"),
        "{}",
        d3.candidates[0].reason
    );
    // A conversion after the click is recorded but is not a second success (and the
    // offer now counts as redeemed for this customer).
    assert!(
        !h.outcome(&d.decision_id, "", pb::OutcomeKind::Conversion)
            .await?
    );
    let stats = bandits.stats(WS, std::slice::from_ref(&arm)).await?;
    assert_eq!((stats[0].trials, stats[0].successes), (2, 1));

    let logged = h
        .client
        .get_decision(pb::GetDecisionRequest {
            decision_id: d.decision_id.clone(),
        })
        .await?
        .into_inner()
        .decision
        .expect("decision");
    let kinds: Vec<pb::OutcomeKind> = logged.outcomes.iter().map(|o| o.kind()).collect();
    assert_eq!(
        kinds,
        [
            pb::OutcomeKind::Impression,
            pb::OutcomeKind::Click,
            pb::OutcomeKind::Conversion
        ]
    );
    h.stop().await
}

#[tokio::test]
async fn a_model_score_in_the_request_replaces_the_propensity() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    h.profile("c_model", json!({})).await?;
    let a = h.create(learner("a", 10.0), "").await?;
    let b = h.create(offer("b", "", 9.0, 1.0), "").await?;
    let d = h
        .decide(pb::DecideRequest {
            customer_id: "c_model".into(),
            model_scores: [(a.offer_id.clone(), 0.1), (b.offer_id.clone(), 0.5)].into(),
            ..Default::default()
        })
        .await?;
    assert_eq!(d.offer.map(|o| o.offer_id), Some(b.offer_id.clone()));
    let c = &d.candidates[0];
    assert_eq!((c.propensity, c.propensity_source.as_str()), (0.5, "model"));
    assert_eq!(c.score, 4.5);
    assert!(
        c.reason
            .contains("score = propensity 0.5 × value 9 × weight 1 = 4.5"),
        "{}",
        c.reason
    );
    h.stop().await
}

/// Three offers with true conversion rates 4%, 8% and 15%. Each round draws from the
/// Redis-held posteriors with a seeded generator, shows the best draw, and records the
/// simulated outcome into Redis exactly as RecordOutcome does. The seed makes it
/// deterministic; the assertion is that the best arm ends up dominating.
#[tokio::test]
async fn thompson_sampling_converges_to_the_best_arm() -> anyhow::Result<()> {
    let redis_server = omni_testkit::RedisServer::start().await?;
    let bandits = Bandits::new(omni_common::redis::connect(&redis_server.url).await?);
    let rates = [0.04, 0.08, 0.15];
    let arms: Vec<String> = (0..3)
        .map(|i| {
            bandit::arm(
                &OfferId::new(format!("offer_{i}")),
                Some(Placement::EmailHero),
            )
        })
        .collect();
    let mut rng = rand::rngs::StdRng::seed_from_u64(2024);
    let rounds = 3000;
    let mut pulls = [0usize; 3];
    let mut late_pulls = [0usize; 3];
    for round in 0..rounds {
        let stats = bandits.stats("ws_sim", &arms).await?;
        let chosen = (0..3)
            .map(|i| (i, stats[i].sample(&mut rng)))
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i)
            .unwrap_or(0);
        pulls[chosen] += 1;
        if round >= rounds - 1000 {
            late_pulls[chosen] += 1;
        }
        let converted = rng.random::<f64>() < rates[chosen];
        bandits
            .record("ws_sim", &arms[chosen], 1, i64::from(converted))
            .await?;
    }
    let stats = bandits.stats("ws_sim", &arms).await?;
    assert_eq!(stats.iter().map(|s| s.trials).sum::<i64>(), rounds as i64);
    assert!(
        pulls[2] > pulls[0] + pulls[1],
        "the best arm gets most pulls overall: {pulls:?}"
    );
    assert!(
        late_pulls[2] >= 850,
        "the best arm dominates the last 1000 rounds: {late_pulls:?}"
    );
    Ok(())
}
