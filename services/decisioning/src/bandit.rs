//! Thompson-sampling propensities: one Beta posterior per offer and placement.
//!
//! Each arm (offer × placement) keeps two counters in the workspace's Redis hash
//! `dec:{<ws>}:bandit`: `n` trials (impressions) and `s` successes (the first click or
//! conversion of a decided offer). The posterior is Beta(1 + s, 1 + n − s), a uniform
//! prior updated by what was seen. At decision time every Thompson offer draws one
//! sample from its posterior; the draw is its propensity. Arms that perform better win
//! more often, while uncertain arms still get explored.

use rand::Rng;
use redis::aio::ConnectionManager;

use crate::error::Error;
use crate::offer::{OfferId, Placement};
use crate::stats::sample_beta;

/// The arm name of an offer in a placement (`any` when no placement was given).
pub fn arm(offer: &OfferId, placement: Option<Placement>) -> String {
    format!("{offer}|{}", placement.map_or("any", Placement::as_str))
}

/// Observed trials and successes of one arm.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ArmStats {
    /// Impressions.
    pub trials: i64,
    /// First clicks or conversions.
    pub successes: i64,
}

impl ArmStats {
    /// The Beta posterior parameters (α, β).
    pub fn posterior(&self) -> (f64, f64) {
        let s = self.successes.clamp(0, self.trials.max(self.successes)) as f64;
        let failures = (self.trials - self.successes).max(0) as f64;
        (1.0 + s, 1.0 + failures)
    }

    /// One Thompson draw from the posterior.
    pub fn sample<R: Rng + ?Sized>(&self, rng: &mut R) -> f64 {
        let (a, b) = self.posterior();
        sample_beta(rng, a, b)
    }
}

/// Bandit counters in Redis.
#[derive(Clone)]
pub struct Bandits {
    conn: ConnectionManager,
}

impl std::fmt::Debug for Bandits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Bandits").finish_non_exhaustive()
    }
}

/// The workspace's bandit hash.
pub(crate) fn key(ws: &str) -> String {
    format!("dec:{{{ws}}}:bandit")
}

/// The two fields (`n`, `s`) of an arm in the bandit hash.
pub(crate) fn fields(arm: &str) -> [String; 2] {
    [format!("{arm}|n"), format!("{arm}|s")]
}

/// Arm statistics from HMGET values of [`fields`] pairs, in order.
pub(crate) fn parse_stats(values: &[Option<i64>]) -> Vec<ArmStats> {
    values
        .chunks(2)
        .map(|c| ArmStats {
            trials: c[0].unwrap_or(0),
            successes: c.get(1).copied().flatten().unwrap_or(0),
        })
        .collect()
}

impl Bandits {
    /// Bandits over a shared Redis connection.
    pub fn new(conn: ConnectionManager) -> Self {
        Self { conn }
    }

    /// The statistics of several arms in one round trip, in order.
    pub async fn stats(&self, ws: &str, arms: &[String]) -> Result<Vec<ArmStats>, Error> {
        if arms.is_empty() {
            return Ok(Vec::new());
        }
        let mut cmd = redis::cmd("HMGET");
        cmd.arg(key(ws));
        for a in arms {
            cmd.arg(&fields(a));
        }
        let values: Vec<Option<i64>> = cmd.query_async(&mut self.conn.clone()).await?;
        Ok(parse_stats(&values))
    }

    /// Adds `trials` and `successes` to an arm.
    pub async fn record(
        &self,
        ws: &str,
        arm: &str,
        trials: i64,
        successes: i64,
    ) -> Result<(), Error> {
        if trials == 0 && successes == 0 {
            return Ok(());
        }
        let mut pipe = redis::pipe();
        if trials != 0 {
            pipe.hincr(key(ws), format!("{arm}|n"), trials).ignore();
        }
        if successes != 0 {
            pipe.hincr(key(ws), format!("{arm}|s"), successes).ignore();
        }
        pipe.query_async::<()>(&mut self.conn.clone()).await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;

    use super::*;

    #[test]
    fn posterior_is_uniform_prior_plus_observations() {
        assert_eq!(ArmStats::default().posterior(), (1.0, 1.0));
        let s = ArmStats {
            trials: 10,
            successes: 3,
        };
        assert_eq!(s.posterior(), (4.0, 8.0));
    }

    #[test]
    fn in_memory_thompson_prefers_the_better_arm() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(42);
        let rates = [0.05, 0.10, 0.20];
        let mut stats = [ArmStats::default(); 3];
        let mut pulls = [0usize; 3];
        for _ in 0..3000 {
            let best = (0..3)
                .map(|i| (i, stats[i].sample(&mut rng)))
                .max_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(i, _)| i)
                .unwrap_or(0);
            pulls[best] += 1;
            stats[best].trials += 1;
            if rng.random::<f64>() < rates[best] {
                stats[best].successes += 1;
            }
        }
        assert!(pulls[2] > 2000, "{pulls:?}");
    }
}
