//! A/B/n experiments: weighted arms, an optional holdout, deterministic assignment and
//! per-arm results.
//!
//! Assignment hashes `workspace \x1f experiment \x1f customer` with SHA-256, reads the
//! first 8 bytes as a big-endian integer, keeps its top 53 bits as a number `u` in
//! [0, 1), and picks the first arm whose cumulative share of the total weight exceeds
//! `u`. Nothing random and nothing stored: every replica, service and restart agrees.

use std::collections::HashMap;
use std::sync::{Arc, PoisonError, RwLock};

use omni_common::clock::SharedClock;
use omni_common::ids::WorkspaceId;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::Error;
use crate::stats;
use crate::store::Store;

omni_common::id_type!(
    /// An experiment, e.g. `exp_0190...`.
    ExperimentId,
    "exp"
);

/// One arm of an experiment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Arm {
    /// Caller-chosen id, unique in the experiment.
    pub id: String,
    /// Relative share of customers, finite and > 0.
    pub weight: f64,
    /// The arm the others are compared with (exactly one).
    pub control: bool,
    /// Customers in a holdout arm get no offer.
    pub holdout: bool,
    /// Offers `Decide` may choose for this arm; empty means every offer.
    pub offer_ids: Vec<String>,
}

/// An A/B/n experiment (immutable once created).
#[derive(Clone, Debug, PartialEq)]
pub struct Experiment {
    /// Server-assigned id.
    pub id: ExperimentId,
    /// Human-readable name.
    pub display_name: String,
    /// Its arms, validated.
    pub arms: Vec<Arm>,
    /// Creation time, unix ms.
    pub create_ms: i64,
}

/// The point in [0, 1) a customer hashes to in an experiment.
pub fn unit_hash(ws: &str, experiment: &str, customer: &str) -> f64 {
    let digest = Sha256::new()
        .chain_update(ws.as_bytes())
        .chain_update([0x1f])
        .chain_update(experiment.as_bytes())
        .chain_update([0x1f])
        .chain_update(customer.as_bytes())
        .finalize();
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    (u64::from_be_bytes(first) >> 11) as f64 / (1u64 << 53) as f64
}

impl Experiment {
    /// The arm `customer` is assigned to in workspace `ws`.
    pub fn assign(&self, ws: &WorkspaceId, customer: &str) -> &Arm {
        let total: f64 = self.arms.iter().map(|a| a.weight).sum();
        let u = unit_hash(ws.as_str(), self.id.as_str(), customer) * total;
        let mut cumulative = 0.0;
        for arm in &self.arms {
            cumulative += arm.weight;
            if u < cumulative {
                return arm;
            }
        }
        // Rounding can leave u at the very top of the range: the last arm takes it.
        self.arms.last().expect("validated experiments have arms")
    }
}

/// Results of one arm (see `docs/decisioning.md` for the formulas).
#[derive(Clone, Debug, PartialEq)]
pub struct ArmResult {
    /// The arm.
    pub arm_id: String,
    /// Distinct customers exposed.
    pub exposures: i64,
    /// Distinct exposed customers who converted.
    pub conversions: i64,
    /// conversions / exposures (0 without exposures).
    pub rate: f64,
    /// Whether it is the control.
    pub control: bool,
    /// rate − control rate.
    pub uplift: f64,
    /// 95% interval of the uplift (unpooled normal approximation).
    pub ci: (f64, f64),
    /// uplift / control rate (0 when the control rate is 0).
    pub relative_uplift: f64,
    /// Two-sided two-proportion z-test p-value against the control (1 for the control).
    pub p_value: f64,
    /// Probability to have the highest rate under Beta(1 + c, 1 + n − c) posteriors.
    pub probability_best: f64,
}

/// Results of an experiment.
#[derive(Clone, Debug, PartialEq)]
pub struct Results {
    /// Per arm, in the experiment's order.
    pub arms: Vec<ArmResult>,
    /// Chi-square goodness-of-fit p-value of the split against the weights.
    pub srm_p_value: f64,
    /// True when `srm_p_value` < [`SRM_THRESHOLD`].
    pub srm: bool,
    /// A warning to show when `srm`.
    pub warning: String,
}

/// p-value below which the observed split is declared a sample-ratio mismatch.
pub const SRM_THRESHOLD: f64 = 0.001;
/// Monte Carlo draws for the probability to be best.
pub const PROBABILITY_DRAWS: usize = 20_000;
/// Fixed seed of those draws, so the same counts always give the same answer.
pub const PROBABILITY_SEED: u64 = 0x0e_77_1a_b5;

/// Computes the results from per-arm (exposures, conversions), in arm order.
pub fn results(exp: &Experiment, counts: &[(i64, i64)]) -> Results {
    let control = exp.arms.iter().position(|a| a.control).unwrap_or(0);
    let (cn, cc) = counts[control];
    let rate = |n: i64, c: i64| if n > 0 { c as f64 / n as f64 } else { 0.0 };
    let control_rate = rate(cn, cc);
    let best = stats::probability_best(counts, PROBABILITY_DRAWS, PROBABILITY_SEED);
    let arms = exp
        .arms
        .iter()
        .zip(counts)
        .enumerate()
        .map(|(i, (arm, &(n, c)))| {
            let r = rate(n, c);
            let (uplift, ci, p_value) = if i == control {
                (0.0, (0.0, 0.0), 1.0)
            } else {
                let uplift = r - control_rate;
                (
                    uplift,
                    stats::uplift_interval(c, n, cc, cn, 1.959_963_984_540_054),
                    stats::two_proportion_p_value(c, n, cc, cn),
                )
            };
            ArmResult {
                arm_id: arm.id.clone(),
                exposures: n,
                conversions: c,
                rate: r,
                control: i == control,
                uplift,
                ci,
                relative_uplift: if control_rate > 0.0 {
                    uplift / control_rate
                } else {
                    0.0
                },
                p_value,
                probability_best: best[i],
            }
        })
        .collect();
    let observed: Vec<i64> = counts.iter().map(|&(n, _)| n).collect();
    let weights: Vec<f64> = exp.arms.iter().map(|a| a.weight).collect();
    let srm_p_value = stats::chi_square_split_p_value(&observed, &weights);
    let srm = srm_p_value < SRM_THRESHOLD;
    let warning = if srm {
        format!(
            "sample ratio mismatch: exposures {observed:?} do not match weights {weights:?} \
             (chi-square p = {srm_p_value:.2e} < {SRM_THRESHOLD}); check assignment and logging \
             before trusting these results"
        )
    } else {
        String::new()
    };
    Results {
        arms,
        srm_p_value,
        srm,
        warning,
    }
}

/// Experiments by workspace and id; they never change once created, so entries are
/// kept for the life of the process.
pub struct Experiments {
    store: Store,
    clock: SharedClock,
    cache: RwLock<HashMap<(WorkspaceId, ExperimentId), Arc<Experiment>>>,
}

impl Experiments {
    /// Experiments stored in `store`.
    pub fn new(store: Store, clock: SharedClock) -> Self {
        Self {
            store,
            clock,
            cache: RwLock::new(HashMap::new()),
        }
    }

    /// Stores a new experiment with validated `arms`; idempotent by key.
    pub async fn create(
        &self,
        ws: &WorkspaceId,
        display_name: String,
        arms: Vec<Arm>,
        idempotency_key: Option<&str>,
    ) -> Result<Experiment, Error> {
        if let Some(key) = idempotency_key
            && let Some(first) = self.store.experiment_by_idempotency_key(ws, key).await?
        {
            return Ok(first);
        }
        let exp = Experiment {
            id: ExperimentId::generate(),
            display_name,
            arms,
            create_ms: self.clock.now_ms(),
        };
        self.store
            .insert_experiment(ws, &exp, idempotency_key)
            .await
    }

    /// One experiment, or [`Error::NotFound`].
    pub async fn get(&self, ws: &WorkspaceId, id: &ExperimentId) -> Result<Arc<Experiment>, Error> {
        let key = (ws.clone(), id.clone());
        if let Some(e) = self
            .cache
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&key)
        {
            return Ok(Arc::clone(e));
        }
        let exp =
            Arc::new(
                self.store
                    .experiment(ws, id)
                    .await?
                    .ok_or_else(|| Error::NotFound {
                        kind: "experiment",
                        id: id.to_string(),
                    })?,
            );
        self.cache
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(key, Arc::clone(&exp));
        Ok(exp)
    }

    /// The experiment's results from the logged exposures and conversions.
    pub async fn results(&self, ws: &WorkspaceId, id: &ExperimentId) -> Result<Results, Error> {
        let exp = self.get(ws, id).await?;
        let by_arm: HashMap<String, (i64, i64)> = self
            .store
            .arm_counts(ws, id)
            .await?
            .into_iter()
            .map(|(arm, n, c)| (arm, (n, c)))
            .collect();
        let counts: Vec<(i64, i64)> = exp
            .arms
            .iter()
            .map(|a| by_arm.get(&a.id).copied().unwrap_or((0, 0)))
            .collect();
        Ok(results(&exp, &counts))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exp(weights: &[f64]) -> Experiment {
        Experiment {
            id: ExperimentId::new("exp_split"),
            display_name: "split".into(),
            arms: weights
                .iter()
                .enumerate()
                .map(|(i, w)| Arm {
                    id: format!("arm{i}"),
                    weight: *w,
                    control: i == 0,
                    holdout: false,
                    offer_ids: Vec::new(),
                })
                .collect(),
            create_ms: 0,
        }
    }

    #[test]
    fn assignment_splits_close_to_the_weights_over_100_000_customers() {
        let e = exp(&[50.0, 30.0, 10.0, 10.0]);
        let ws = WorkspaceId::new("ws_split");
        let n = 100_000;
        let mut counts = [0usize; 4];
        for i in 0..n {
            let arm = e.assign(&ws, &format!("c_{i}"));
            counts[arm.id[3..].parse::<usize>().expect("index")] += 1;
        }
        for (i, share) in [0.5, 0.3, 0.1, 0.1].into_iter().enumerate() {
            let p = counts[i] as f64 / n as f64;
            // 4 standard errors of a binomial proportion at n = 100,000 is < 0.0064.
            let tolerance = 4.0 * (share * (1.0 - share) / n as f64).sqrt();
            assert!(
                (p - share).abs() < tolerance,
                "arm {i}: {p} vs {share} (±{tolerance})"
            );
        }
        // The split itself passes the sample-ratio check.
        let observed: Vec<i64> = counts.iter().map(|&c| c as i64).collect();
        assert!(
            stats::chi_square_split_p_value(&observed, &[50.0, 30.0, 10.0, 10.0]) > SRM_THRESHOLD
        );
    }

    #[test]
    fn assignment_is_stable_and_depends_on_workspace_experiment_and_customer() {
        let e = exp(&[1.0, 1.0]);
        let ws = WorkspaceId::new("ws_a");
        let first: Vec<String> = (0..200)
            .map(|i| e.assign(&ws, &format!("c_{i}")).id.clone())
            .collect();
        let again: Vec<String> = (0..200)
            .map(|i| exp(&[1.0, 1.0]).assign(&ws, &format!("c_{i}")).id.clone())
            .collect();
        assert_eq!(first, again);
        // A pinned value: the hash must never change across releases.
        assert_eq!(
            unit_hash("ws_a", "exp_split", "c_0"),
            unit_hash("ws_a", "exp_split", "c_0")
        );
        let other_ws = WorkspaceId::new("ws_b");
        let moved = (0..200)
            .filter(|i| e.assign(&other_ws, &format!("c_{i}")).id != first[*i])
            .count();
        assert!(
            moved > 50,
            "a different workspace reshuffles ({moved} moved)"
        );
    }

    #[test]
    fn results_match_hand_computed_statistics() {
        // control: 100 of 1000, treatment: 130 of 1000.
        let e = exp(&[1.0, 1.0]);
        let r = results(&e, &[(1000, 100), (1000, 130)]);
        let c = &r.arms[0];
        let t = &r.arms[1];
        assert!(c.control && !t.control);
        assert_eq!((c.rate, t.rate), (0.1, 0.13));
        assert!((t.uplift - 0.03).abs() < 1e-12);
        assert!((t.relative_uplift - 0.3).abs() < 1e-12);
        // Pooled p = 0.115; se = sqrt(0.115 × 0.885 × (2/1000)) = 0.014267;
        // z = 0.03 / 0.014267 = 2.10274; two-sided p = erfc(z / √2) = 0.035488.
        assert!((t.p_value - 0.035488).abs() < 1e-5, "{}", t.p_value);
        // Unpooled se = sqrt(0.1·0.9/1000 + 0.13·0.87/1000) = 0.014251;
        // 95% interval = 0.03 ± 1.959964 × 0.014251 = [0.002068, 0.057932].
        assert!((t.ci.0 - 0.002068).abs() < 1e-5, "{:?}", t.ci);
        assert!((t.ci.1 - 0.057932).abs() < 1e-5, "{:?}", t.ci);
        assert!(
            t.probability_best > 0.97 && t.probability_best < 0.995,
            "{}",
            t.probability_best
        );
        assert!((c.probability_best + t.probability_best - 1.0).abs() < 1e-12);
        // Same counts, same answer (fixed seed).
        assert_eq!(results(&e, &[(1000, 100), (1000, 130)]), r);
        assert!(!r.srm);
    }

    #[test]
    fn a_broken_split_is_flagged() {
        let e = exp(&[1.0, 1.0]);
        // Chi-square = 2 × 50² / 1050 = 4.7619, p = 0.02910: suspicious but not flagged.
        let r = results(&e, &[(1000, 10), (1100, 11)]);
        assert!((r.srm_p_value - 0.029096).abs() < 1e-5, "{}", r.srm_p_value);
        assert!(!r.srm);
        // 1000 vs 1300: chi-square = 2 × 150² / 1150 = 39.13, p ≈ 3.96e-10.
        let r = results(&e, &[(1000, 10), (1300, 11)]);
        assert!(r.srm, "{}", r.srm_p_value);
        assert!(r.warning.contains("sample ratio mismatch"), "{}", r.warning);
    }
}
