//! Experiments over gRPC: deterministic arms, arm-restricted offers, the holdout, and
//! results computed from logged exposures and conversions.

use std::collections::HashMap;

use omni_proto::decisioning::v1 as pb;
use serde_json::json;
use tonic::Code;

use crate::{Harness, offer};

fn arm(id: &str, weight: f64, control: bool, holdout: bool, offers: &[&str]) -> pb::ExperimentArm {
    pb::ExperimentArm {
        arm_id: id.into(),
        weight,
        control,
        holdout,
        offer_ids: offers.iter().map(|o| (*o).to_owned()).collect(),
    }
}

#[tokio::test]
async fn experiment_arms_shape_decisions_and_results() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    let a = h.create(offer("a", "", 10.0, 1.0), "").await?;
    let b = h.create(offer("b", "", 5.0, 1.0), "").await?;
    let exp = h
        .client
        .create_experiment(pb::CreateExperimentRequest {
            experiment: Some(pb::Experiment {
                display_name: "hero test".into(),
                arms: vec![
                    arm("control", 2.0, true, false, &[&a.offer_id]),
                    arm("b_only", 2.0, false, false, &[&b.offer_id]),
                    arm("holdout", 1.0, false, true, &[]),
                ],
                ..Default::default()
            }),
            idempotency_key: "exp-1".into(),
        })
        .await?
        .into_inner()
        .experiment
        .expect("experiment");
    let again = h
        .client
        .create_experiment(pb::CreateExperimentRequest {
            experiment: Some(pb::Experiment {
                display_name: "other".into(),
                arms: vec![
                    arm("x", 1.0, true, false, &[]),
                    arm("y", 1.0, false, false, &[]),
                ],
                ..Default::default()
            }),
            idempotency_key: "exp-1".into(),
        })
        .await?
        .into_inner()
        .experiment
        .expect("experiment");
    assert_eq!(again, exp, "idempotent create");
    let got = h
        .client
        .get_experiment(pb::GetExperimentRequest {
            experiment_id: exp.experiment_id.clone(),
        })
        .await?
        .into_inner()
        .experiment;
    assert_eq!(got.as_ref(), Some(&exp));

    let mut by_arm: HashMap<String, Vec<(String, String)>> = HashMap::new();
    for i in 0..60 {
        let customer = format!("c_exp{i}");
        h.profile(&customer, json!({})).await?;
        let assigned = h
            .client
            .assign_variant(pb::AssignVariantRequest {
                experiment_id: exp.experiment_id.clone(),
                customer_id: customer.clone(),
            })
            .await?
            .into_inner()
            .arm
            .expect("arm");
        let req = pb::DecideRequest {
            customer_id: customer.clone(),
            experiment_id: exp.experiment_id.clone(),
            ..Default::default()
        };
        let d = h.decide(req.clone()).await?;
        // A second decision is the same arm and not a second exposure.
        let d2 = h.decide(req).await?;
        assert_eq!(d.arm_id, assigned.arm_id);
        assert_eq!(d2.arm_id, assigned.arm_id);
        let chosen = d.offer.as_ref().map(|o| o.offer_id.clone());
        match assigned.arm_id.as_str() {
            "control" => assert_eq!(chosen.as_ref(), Some(&a.offer_id)),
            "b_only" => {
                assert_eq!(chosen.as_ref(), Some(&b.offer_id));
                let c = d
                    .candidates
                    .iter()
                    .find(|c| c.offer_id == a.offer_id)
                    .expect("a listed");
                assert_eq!(c.outcome(), pb::CandidateOutcome::Experiment);
            }
            "holdout" => {
                assert!(d.holdout && chosen.is_none());
                assert!(
                    d.candidates
                        .iter()
                        .all(|c| c.outcome() == pb::CandidateOutcome::Experiment)
                );
            }
            other => panic!("unexpected arm {other}"),
        }
        by_arm
            .entry(assigned.arm_id.clone())
            .or_default()
            .push((customer, d.decision_id));
    }
    assert_eq!(
        by_arm.len(),
        3,
        "60 customers reach every arm: {:?}",
        by_arm.keys()
    );

    // Conversions: every b_only customer, the first 2 control customers, 1 holdout
    // customer (recorded on the decision as a whole: it chose no offer). Recording twice
    // changes nothing.
    let mut conversions: HashMap<&str, i64> = HashMap::new();
    for (arm_id, take) in [("b_only", usize::MAX), ("control", 2), ("holdout", 1)] {
        for (_, decision) in by_arm[arm_id].iter().take(take) {
            assert!(!h.outcome(decision, "", pb::OutcomeKind::Conversion).await?);
            assert!(h.outcome(decision, "", pb::OutcomeKind::Conversion).await?);
            *conversions.entry(arm_id).or_default() += 1;
        }
    }
    let results = h
        .client
        .get_experiment_results(pb::GetExperimentResultsRequest {
            experiment_id: exp.experiment_id.clone(),
        })
        .await?
        .into_inner();
    let ids: Vec<&str> = results.arms.iter().map(|r| r.arm_id.as_str()).collect();
    assert_eq!(ids, ["control", "b_only", "holdout"]);
    let control = &results.arms[0];
    assert!(control.control);
    for r in &results.arms {
        let n = by_arm[&r.arm_id].len() as i64;
        let c = conversions[r.arm_id.as_str()];
        assert_eq!((r.exposures, r.conversions), (n, c), "{}", r.arm_id);
        assert!((r.conversion_rate - c as f64 / n as f64).abs() < 1e-12);
        if !r.control {
            assert!((r.uplift - (r.conversion_rate - control.conversion_rate)).abs() < 1e-12);
            assert!(r.uplift_ci_low <= r.uplift && r.uplift <= r.uplift_ci_high);
            assert!((0.0..=1.0).contains(&r.p_value));
        }
    }
    let total: f64 = results.arms.iter().map(|r| r.probability_best).sum();
    assert!((total - 1.0).abs() < 1e-9);
    assert!(
        results.arms[1].probability_best > 0.99,
        "b_only converts everyone"
    );
    h.stop().await
}

#[tokio::test]
async fn experiments_are_validated() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    let err = h
        .client
        .create_experiment(pb::CreateExperimentRequest {
            experiment: Some(pb::Experiment {
                display_name: "bad".into(),
                arms: vec![
                    arm("a", 1.0, true, false, &[]),
                    arm("b", -1.0, false, false, &[]),
                ],
                ..Default::default()
            }),
            idempotency_key: String::new(),
        })
        .await
        .expect_err("negative weight");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert!(
        err.message().starts_with("experiment.arms[1].weight"),
        "{}",
        err.message()
    );
    for call in ["get", "assign", "results"] {
        let id = "exp_nope".to_owned();
        let err = match call {
            "get" => h
                .client
                .get_experiment(pb::GetExperimentRequest { experiment_id: id })
                .await
                .map(|_| ()),
            "assign" => h
                .client
                .assign_variant(pb::AssignVariantRequest {
                    experiment_id: id,
                    customer_id: "c".into(),
                })
                .await
                .map(|_| ()),
            _ => h
                .client
                .get_experiment_results(pb::GetExperimentResultsRequest { experiment_id: id })
                .await
                .map(|_| ()),
        }
        .expect_err(call);
        assert_eq!(err.code(), Code::NotFound, "{call}");
    }
    h.stop().await
}
