//! Provider health and pacing, kept in memory per provider: a circuit breaker, a token
//! bucket rate limiter, and the retry backoff schedule. Time is passed in (unix ms) so
//! the behaviour is tested without sleeping.

use std::sync::Mutex;
use std::time::Duration;

use rand::Rng as _;

/// The breaker's verdict for one call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Admit {
    /// Call the provider.
    Call,
    /// Call the provider as the one trial of a half-open circuit.
    Trial,
    /// Do not call; the circuit is open until this time (unix ms).
    OpenUntil(i64),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Closed { failures: u32 },
    Open { until_ms: i64 },
    HalfOpen { trial_started_ms: i64 },
}

/// A circuit breaker: `threshold` consecutive retryable failures open it for `open_ms`;
/// then one trial call is let through (half-open): success closes it, failure opens it
/// again. A trial that never reports back (its worker died) is replaced after `open_ms`.
#[derive(Debug)]
pub struct Breaker {
    threshold: u32,
    open_ms: i64,
    state: Mutex<State>,
}

impl Breaker {
    /// A closed breaker.
    pub fn new(threshold: u32, open_ms: i64) -> Self {
        Self {
            threshold: threshold.max(1),
            open_ms: open_ms.max(1),
            state: Mutex::new(State::Closed { failures: 0 }),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Whether a call may go out now.
    pub fn admit(&self, now_ms: i64) -> Admit {
        let mut state = self.lock();
        match *state {
            State::Closed { .. } => Admit::Call,
            State::Open { until_ms } if now_ms < until_ms => Admit::OpenUntil(until_ms),
            State::Open { .. } => {
                *state = State::HalfOpen {
                    trial_started_ms: now_ms,
                };
                Admit::Trial
            }
            State::HalfOpen { trial_started_ms } => {
                if now_ms >= trial_started_ms + self.open_ms {
                    *state = State::HalfOpen {
                        trial_started_ms: now_ms,
                    };
                    Admit::Trial
                } else {
                    Admit::OpenUntil(trial_started_ms + self.open_ms)
                }
            }
        }
    }

    /// Records a successful call: the circuit closes.
    pub fn success(&self) {
        *self.lock() = State::Closed { failures: 0 };
    }

    /// Records a retryable failure; returns true when this failure opened the circuit.
    pub fn failure(&self, now_ms: i64) -> bool {
        let mut state = self.lock();
        match *state {
            State::Closed { failures } if failures + 1 < self.threshold => {
                *state = State::Closed {
                    failures: failures + 1,
                };
                false
            }
            State::Open { .. } => false,
            _ => {
                *state = State::Open {
                    until_ms: now_ms + self.open_ms,
                };
                true
            }
        }
    }

    /// Whether the circuit is open (or half-open) right now.
    #[cfg(test)]
    pub fn is_open(&self) -> bool {
        !matches!(*self.lock(), State::Closed { .. })
    }
}

/// A token bucket: `rate` tokens per second, up to `burst` saved. A rate of 0 means
/// unlimited.
#[derive(Debug)]
pub struct RateLimiter {
    rate: f64,
    burst: f64,
    /// (tokens, at unix ms)
    state: Mutex<(f64, i64)>,
}

impl RateLimiter {
    /// A full bucket.
    pub fn new(rate_per_second: f64, burst: u32) -> Self {
        let burst = f64::from(burst.max(1));
        Self {
            rate: rate_per_second.max(0.0),
            burst,
            state: Mutex::new((burst, 0)),
        }
    }

    /// Takes one token at `now_ms`, or says how long to wait before trying again.
    pub fn try_take(&self, now_ms: i64) -> Result<(), Duration> {
        if self.rate <= 0.0 {
            return Ok(());
        }
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let (tokens, at) = *state;
        let elapsed = (now_ms - at).max(0) as f64 / 1000.0;
        let available = if at == 0 {
            tokens
        } else {
            (tokens + elapsed * self.rate).min(self.burst)
        };
        if available >= 1.0 {
            *state = (available - 1.0, now_ms);
            return Ok(());
        }
        *state = (available, now_ms);
        let wait_s = (1.0 - available) / self.rate;
        Err(Duration::from_micros((wait_s * 1_000_000.0).ceil() as u64)
            .max(Duration::from_millis(1)))
    }
}

/// Exponential backoff with jitter: the n-th retry (1-based) waits between half and all
/// of `initial * 2^(n-1)`, capped at `max`. A provider's `Retry-After` replaces it
/// (capped at `max_retry_after`).
#[derive(Clone, Copy, Debug)]
pub struct Backoff {
    /// First delay.
    pub initial: Duration,
    /// Longest delay.
    pub max: Duration,
    /// Longest `Retry-After` honoured.
    pub max_retry_after: Duration,
}

impl Backoff {
    /// The delay before retry number `retry` (1 for the first retry).
    pub fn delay(&self, retry: u32, retry_after: Option<Duration>) -> Duration {
        if let Some(wait) = retry_after {
            return wait.min(self.max_retry_after);
        }
        let factor = 1u32 << retry.saturating_sub(1).min(20);
        let full = self.initial.saturating_mul(factor).min(self.max);
        let half = full / 2;
        let spread = u64::try_from((full - half).as_micros()).unwrap_or(u64::MAX);
        let jitter = if spread == 0 {
            0
        } else {
            rand::rng().random_range(0..=spread)
        };
        half + Duration::from_micros(jitter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breaker_opens_after_threshold_and_recovers_through_one_trial() {
        let b = Breaker::new(3, 1_000);
        assert_eq!(b.admit(0), Admit::Call);
        assert!(!b.failure(0));
        assert!(!b.failure(1));
        assert!(b.failure(2), "third consecutive failure opens");
        assert_eq!(b.admit(500), Admit::OpenUntil(1_002));
        assert_eq!(b.admit(1_002), Admit::Trial);
        assert_eq!(
            b.admit(1_003),
            Admit::OpenUntil(2_002),
            "one trial at a time"
        );
        assert!(b.failure(1_010), "a failed trial opens again");
        assert_eq!(b.admit(1_500), Admit::OpenUntil(2_010));
        assert_eq!(b.admit(2_010), Admit::Trial);
        b.success();
        assert_eq!(b.admit(2_011), Admit::Call);
        assert!(!b.is_open());
        // A success resets the count.
        assert!(!b.failure(3_000));
        b.success();
        assert!(!b.failure(3_001));
        assert!(!b.failure(3_002));
        assert!(b.failure(3_003));
    }

    #[test]
    fn bucket_allows_burst_then_paces() {
        let r = RateLimiter::new(10.0, 2);
        assert!(r.try_take(1_000).is_ok());
        assert!(r.try_take(1_000).is_ok());
        let wait = r.try_take(1_000).expect_err("empty");
        assert_eq!(wait, Duration::from_millis(100));
        assert!(r.try_take(1_050).is_err());
        assert!(r.try_take(1_100).is_ok());
        assert!(RateLimiter::new(0.0, 1).try_take(0).is_ok(), "unlimited");
    }

    #[test]
    fn backoff_doubles_with_jitter_and_honours_retry_after() {
        let b = Backoff {
            initial: Duration::from_millis(100),
            max: Duration::from_millis(1_000),
            max_retry_after: Duration::from_millis(300),
        };
        for _ in 0..50 {
            let d1 = b.delay(1, None);
            assert!(d1 >= Duration::from_millis(50) && d1 <= Duration::from_millis(100));
            let d3 = b.delay(3, None);
            assert!(d3 >= Duration::from_millis(200) && d3 <= Duration::from_millis(400));
            let d9 = b.delay(9, None);
            assert!(d9 >= Duration::from_millis(500) && d9 <= Duration::from_millis(1_000));
        }
        assert_eq!(
            b.delay(1, Some(Duration::from_secs(2))),
            Duration::from_millis(300)
        );
        assert_eq!(
            b.delay(1, Some(Duration::from_millis(20))),
            Duration::from_millis(20)
        );
    }
}
