//! `Decide`: caps under concurrency, exclusions explained, fallbacks, idempotency, the
//! decision log, and request validation.

use omni_common::convert::to_timestamp;
use omni_proto::decisioning::v1 as pb;
use serde_json::json;
use tonic::Code;

use crate::{Harness, offer};

fn candidate<'a>(d: &'a pb::DecideResponse, id: &str) -> &'a pb::Candidate {
    d.candidates
        .iter()
        .find(|c| c.offer_id == id)
        .unwrap_or_else(|| panic!("candidate {id} listed in {:?}", d.candidates))
}

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// Runs `tasks` concurrent decisions (customer chosen by `customer(i)`) and counts
/// how many were granted `offer_id`.
async fn concurrent_grants(
    h: &Harness,
    tasks: usize,
    offer_id: &str,
    customer: impl Fn(usize) -> String,
) -> anyhow::Result<usize> {
    let mut set = tokio::task::JoinSet::new();
    for i in 0..tasks {
        let mut client = h.client.clone();
        let customer = customer(i);
        set.spawn(async move {
            client
                .decide(pb::DecideRequest {
                    customer_id: customer,
                    ..Default::default()
                })
                .await
                .map(|r| r.into_inner())
        });
    }
    let mut grants = 0;
    while let Some(r) = set.join_next().await {
        let d = r??;
        if d.offer.as_ref().is_some_and(|o| o.offer_id == offer_id) {
            grants += 1;
        } else {
            let c = candidate(&d, offer_id);
            assert_eq!(c.outcome(), pb::CandidateOutcome::Capped, "{c:?}");
        }
    }
    Ok(grants)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_decisions_never_exceed_the_global_cap() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    for i in 0..20 {
        h.profile(&format!("c_g{i}"), json!({})).await?;
    }
    let limited = h
        .create(
            pb::Offer {
                global_cap: Some(pb::GlobalCap {
                    max_grants: 7,
                    ..Default::default()
                }),
                ..offer("limited", "", 10.0, 1.0)
            },
            "",
        )
        .await?;
    let grants = concurrent_grants(&h, 60, &limited.offer_id, |i| format!("c_g{}", i % 20)).await?;
    assert_eq!(grants, 7);

    // A budget cap: 10.00 at 3.00 per grant is exactly 3 grants.
    let budget = h
        .create(
            pb::Offer {
                global_cap: Some(pb::GlobalCap {
                    budget: 10.0,
                    cost_per_grant: 3.0,
                    ..Default::default()
                }),
                ..offer("budget", "", 100.0, 1.0)
            },
            "",
        )
        .await?;
    let grants = concurrent_grants(&h, 30, &budget.offer_id, |i| format!("c_g{}", i % 20)).await?;
    assert_eq!(grants, 3);
    let d = h
        .decide(pb::DecideRequest {
            customer_id: "c_g0".into(),
            ..Default::default()
        })
        .await?;
    let c = candidate(&d, &budget.offer_id);
    assert!(
        c.reason.contains("global budget of 10 used up"),
        "{}",
        c.reason
    );
    let c = candidate(&d, &limited.offer_id);
    assert!(
        c.reason.contains("global inventory of 7 grants used up"),
        "{}",
        c.reason
    );
    h.stop().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_decisions_never_exceed_the_customer_cap() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    h.profile("c_one", json!({})).await?;
    h.profile("c_two", json!({})).await?;
    let capped = h
        .create(
            pb::Offer {
                customer_cap: Some(pb::CustomerCap {
                    max_per_day: 3,
                    max_lifetime: 5,
                    ..Default::default()
                }),
                global_cap: Some(pb::GlobalCap {
                    max_grants: 4,
                    ..Default::default()
                }),
                ..offer("capped", "", 10.0, 1.0)
            },
            "",
        )
        .await?;
    let grants = concurrent_grants(&h, 25, &capped.offer_id, |_| "c_one".into()).await?;
    assert_eq!(grants, 3, "per-day cap");
    let d = h
        .decide(pb::DecideRequest {
            customer_id: "c_one".into(),
            ..Default::default()
        })
        .await?;
    let c = candidate(&d, &capped.offer_id);
    assert!(
        c.reason.contains("per-day customer cap of 3 reached"),
        "{}",
        c.reason
    );
    // The other customer has their own per-day cap but shares the global one (4): one left.
    let grants = concurrent_grants(&h, 10, &capped.offer_id, |_| "c_two".into()).await?;
    assert_eq!(grants, 1, "global cap across customers");
    h.stop().await
}

#[tokio::test]
async fn every_exclusion_is_explained() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    h.profile("c_ex", json!({"tier": "gold"})).await?;
    let now = now_ms();
    let future = h
        .create(
            pb::Offer {
                valid_from: Some(to_timestamp(now + 86_400_000)),
                ..offer("future", "", 50.0, 1.0)
            },
            "",
        )
        .await?;
    let past = h
        .create(
            pb::Offer {
                valid_until: Some(to_timestamp(now - 1_000)),
                ..offer("past", "", 50.0, 1.0)
            },
            "",
        )
        .await?;
    let shoes = h
        .create(
            pb::Offer {
                product_ids: vec!["sku_shoes".into()],
                ..offer("shoes", "", 40.0, 1.0)
            },
            "",
        )
        .await?;
    let socks = h
        .create(
            pb::Offer {
                product_ids: vec!["sku_socks".into()],
                ..offer("socks", "", 30.0, 1.0)
            },
            "",
        )
        .await?;
    let silver = h
        .create(offer("silver", "traits.tier == 'silver'", 20.0, 1.0), "")
        .await?;
    let computed = h
        .create(
            offer("new", "computed.days_since_first_seen > 10000", 20.0, 1.0),
            "",
        )
        .await?;

    // The request says the customer bought shoes: socks wins.
    let d = h
        .decide(pb::DecideRequest {
            customer_id: "c_ex".into(),
            purchased_product_ids: vec!["sku_shoes".into()],
            ..Default::default()
        })
        .await?;
    assert_eq!(
        d.offer.as_ref().map(|o| o.offer_id.as_str()),
        Some(socks.offer_id.as_str())
    );
    let expect = [
        (
            &future.offer_id,
            pb::CandidateOutcome::NotYetValid,
            "not valid until",
        ),
        (&past.offer_id, pb::CandidateOutcome::Expired, "expired at"),
        (
            &shoes.offer_id,
            pb::CandidateOutcome::Purchased,
            "the customer already bought product `sku_shoes`",
        ),
        (
            &silver.offer_id,
            pb::CandidateOutcome::Ineligible,
            "eligibility `traits.tier == 'silver'` was false",
        ),
        (
            &computed.offer_id,
            pb::CandidateOutcome::Ineligible,
            "eligibility `computed.days_since_first_seen > 10000` was false",
        ),
    ];
    for (id, outcome, reason) in expect {
        let c = candidate(&d, id);
        assert_eq!(c.outcome(), outcome, "{c:?}");
        assert!(c.reason.starts_with(reason), "{}", c.reason);
    }

    // Redeeming socks (a recorded conversion) excludes it next time, and its product
    // counts as bought; shoes is back since the request no longer says otherwise.
    assert!(
        !h.outcome(&d.decision_id, "", pb::OutcomeKind::Conversion)
            .await?
    );
    let d = h
        .decide(pb::DecideRequest {
            customer_id: "c_ex".into(),
            ..Default::default()
        })
        .await?;
    assert_eq!(
        d.offer.as_ref().map(|o| o.offer_id.as_str()),
        Some(shoes.offer_id.as_str())
    );
    let c = candidate(&d, &socks.offer_id);
    assert_eq!(c.outcome(), pb::CandidateOutcome::Redeemed);
    assert_eq!(c.reason, "the customer already redeemed this offer");

    // The request can name redeemed offers too.
    let d = h
        .decide(pb::DecideRequest {
            customer_id: "c_ex".into(),
            redeemed_offer_ids: vec![shoes.offer_id.clone()],
            ..Default::default()
        })
        .await?;
    assert!(d.offer.is_none());
    assert_eq!(
        candidate(&d, &shoes.offer_id).outcome(),
        pb::CandidateOutcome::Redeemed
    );
    h.stop().await
}

#[tokio::test]
async fn fallbacks_count_and_priority_tiers() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    h.profile("c_fb", json!({"tier": "gold"})).await?;
    let fallback = h
        .create(
            pb::Offer {
                fallback: true,
                placements: vec![pb::PlacementContent {
                    placement: pb::Placement::AppBanner.into(),
                    content_ref: "banner_default".into(),
                    content: None,
                }],
                ..offer("fallback", "", 0.0, 1.0)
            },
            "",
        )
        .await?;
    let rich = h.create(offer("rich", "", 100.0, 1.0), "").await?;
    let tier = h
        .create(
            pb::Offer {
                priority: 2,
                ..offer("tiered", "", 1.0, 1.0)
            },
            "",
        )
        .await?;
    let gone = h
        .create(
            offer("gold only", "traits.tier == 'platinum'", 500.0, 1.0),
            "",
        )
        .await?;

    let d = h
        .decide(pb::DecideRequest {
            customer_id: "c_fb".into(),
            placement: pb::Placement::AppBanner.into(),
            count: 3,
            ..Default::default()
        })
        .await?;
    let ids: Vec<_> = d.offers.iter().map(|o| o.offer_id.as_str()).collect();
    assert_eq!(
        ids,
        [
            tier.offer_id.as_str(),
            rich.offer_id.as_str(),
            fallback.offer_id.as_str()
        ],
        "priority tier first, then score, then the fallback fills the third slot"
    );
    assert_eq!(
        d.offer.as_ref().map(|o| o.offer_id.as_str()),
        Some(tier.offer_id.as_str())
    );
    let ranks: Vec<i32> = d.candidates.iter().take(3).map(|c| c.rank).collect();
    assert_eq!(ranks, [1, 2, 3]);
    assert!(
        candidate(&d, &fallback.offer_id)
            .reason
            .starts_with("fallback for app_banner")
    );
    assert_eq!(
        candidate(&d, &gone.offer_id).outcome(),
        pb::CandidateOutcome::Ineligible
    );
    assert_eq!(d.placement(), pb::Placement::AppBanner);

    // The fallback serves only its placement.
    let d = h
        .decide(pb::DecideRequest {
            customer_id: "c_fb".into(),
            placement: pb::Placement::Sms.into(),
            count: 3,
            ..Default::default()
        })
        .await?;
    assert_eq!(d.offers.len(), 2);
    assert!(d.candidates.iter().all(|c| c.offer_id != fallback.offer_id));
    h.stop().await
}

#[tokio::test]
async fn decisions_are_logged_idempotent_and_validated() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    h.profile("c_log", json!({})).await?;
    let once = h
        .create(
            pb::Offer {
                customer_cap: Some(pb::CustomerCap {
                    max_lifetime: 1,
                    ..Default::default()
                }),
                ..offer("once", "", 10.0, 1.0)
            },
            "",
        )
        .await?;
    let req = pb::DecideRequest {
        customer_id: "c_log".into(),
        idempotency_key: "journey-run-1".into(),
        ..Default::default()
    };
    let first = h.decide(req.clone()).await?;
    let retry = h.decide(req).await?;
    assert_eq!(retry.decision_id, first.decision_id);
    assert_eq!(
        retry.offer.as_ref().map(|o| &o.offer_id),
        Some(&once.offer_id)
    );
    // The retry consumed nothing: the lifetime cap of 1 is used by the first only, so a
    // new decision is capped.
    let fresh = h
        .decide(pb::DecideRequest {
            customer_id: "c_log".into(),
            ..Default::default()
        })
        .await?;
    assert!(fresh.offer.is_none());
    assert_eq!(
        candidate(&fresh, &once.offer_id).outcome(),
        pb::CandidateOutcome::Capped
    );

    let got = h
        .client
        .get_decision(pb::GetDecisionRequest {
            decision_id: first.decision_id.clone(),
        })
        .await?
        .into_inner()
        .decision
        .expect("decision");
    assert_eq!(got.customer_id, "c_log");
    assert_eq!(got.offer_ids, std::slice::from_ref(&once.offer_id));
    assert_eq!(got.candidates, first.candidates);
    let err = h
        .client
        .get_decision(pb::GetDecisionRequest {
            decision_id: "dec_nope".into(),
        })
        .await
        .expect_err("unknown decision");
    assert_eq!(err.code(), Code::NotFound);

    let bad = [
        (
            pb::DecideRequest {
                customer_id: "c_log".into(),
                count: 51,
                ..Default::default()
            },
            "count",
        ),
        (
            pb::DecideRequest {
                customer_id: "c_log".into(),
                placement: 42,
                ..Default::default()
            },
            "placement",
        ),
        (
            pb::DecideRequest {
                customer_id: "c_log".into(),
                model_scores: [(once.offer_id.clone(), 1.5)].into(),
                ..Default::default()
            },
            "model_scores[",
        ),
    ];
    for (req, field) in bad {
        let err = h.client.decide(req).await.expect_err(field);
        assert_eq!(err.code(), Code::InvalidArgument);
        assert!(err.message().starts_with(field), "{}", err.message());
    }
    let err = h
        .client
        .decide(pb::DecideRequest {
            customer_id: "c_log".into(),
            experiment_id: "exp_nope".into(),
            ..Default::default()
        })
        .await
        .expect_err("unknown experiment");
    assert_eq!(err.code(), Code::NotFound);
    assert!(err.message().contains("exp_nope"), "{}", err.message());

    let err = h
        .client
        .record_outcome(pb::RecordOutcomeRequest {
            decision_id: first.decision_id.clone(),
            offer_id: "offer_other".into(),
            kind: pb::OutcomeKind::Click.into(),
            occur_time: None,
        })
        .await
        .expect_err("offer not in decision");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert!(err.message().starts_with("offer_id"), "{}", err.message());
    let err = h
        .client
        .record_outcome(pb::RecordOutcomeRequest {
            decision_id: first.decision_id.clone(),
            kind: pb::OutcomeKind::Unspecified.into(),
            ..Default::default()
        })
        .await
        .expect_err("kind required");
    assert!(err.message().starts_with("kind"), "{}", err.message());
    let err = h
        .client
        .record_outcome(pb::RecordOutcomeRequest {
            decision_id: "dec_nope".into(),
            kind: pb::OutcomeKind::Click.into(),
            ..Default::default()
        })
        .await
        .expect_err("unknown decision");
    assert_eq!(err.code(), Code::NotFound);
    h.stop().await
}

#[tokio::test]
async fn concurrent_decisions_are_all_logged_when_decide_returns() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    let o = h.create(offer("o", "", 1.0, 1.0), "").await?;
    let exp = h
        .client
        .create_experiment(pb::CreateExperimentRequest {
            experiment: Some(pb::Experiment {
                display_name: "batched".into(),
                arms: vec![
                    pb::ExperimentArm {
                        arm_id: "a".into(),
                        weight: 1.0,
                        control: true,
                        ..Default::default()
                    },
                    pb::ExperimentArm {
                        arm_id: "b".into(),
                        weight: 1.0,
                        ..Default::default()
                    },
                ],
                ..Default::default()
            }),
            idempotency_key: String::new(),
        })
        .await?
        .into_inner()
        .experiment
        .expect("experiment")
        .experiment_id;
    for c in 0..10 {
        h.profile(&format!("c_batch_{c}"), json!({})).await?;
    }
    // 80 decisions at once for 10 customers (8 each), so the group-commit writer
    // batches them, exposures of one customer included.
    let mut tasks = Vec::new();
    for i in 0..80 {
        let mut client = h.client.clone();
        let experiment_id = exp.clone();
        tasks.push(tokio::spawn(async move {
            client
                .decide(pb::DecideRequest {
                    customer_id: format!("c_batch_{}", i % 10),
                    experiment_id,
                    ..Default::default()
                })
                .await
                .map(|r| r.into_inner())
        }));
    }
    let mut ids = Vec::new();
    for t in tasks {
        let d = t.await??;
        assert_eq!(d.offer.map(|o| o.offer_id), Some(o.offer_id.clone()));
        ids.push(d.decision_id);
    }
    for id in &ids {
        let got = h
            .client
            .get_decision(pb::GetDecisionRequest {
                decision_id: id.clone(),
            })
            .await?
            .into_inner()
            .decision
            .expect("decision");
        assert_eq!(&got.decision_id, id);
    }
    let results = h
        .client
        .get_experiment_results(pb::GetExperimentResultsRequest {
            experiment_id: exp.clone(),
        })
        .await?
        .into_inner();
    let exposures: i64 = results.arms.iter().map(|a| a.exposures).sum();
    assert_eq!(exposures, 10, "one exposure per customer: {results:?}");
    h.stop().await
}
