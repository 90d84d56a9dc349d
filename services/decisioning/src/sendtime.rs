//! Best send time from hour-of-week engagement histograms.
//!
//! Every recorded click or conversion adds one to the customer's histogram
//! (`dec:{<ws>:<customer>}:sto`) and to the workspace's (`dec:{<ws>}:sto`), at the
//! *local* hour of week it happened in the customer's time zone (0 = Monday
//! 00:00–01:00 … 167 = Sunday 23:00–24:00). Local time, because people open messages
//! at 8 pm wherever they live, so customers in different zones add up in the prior.
//!
//! For a candidate hour h the blended engagement probability is
//!
//! ```text
//! prior(h) = (w_h + 1) / (W + 168)                 workspace, Laplace-smoothed
//! score(h) = (c_h + K · prior(h)) / (C + K)         K = PRIOR_STRENGTH
//! ```
//!
//! where c_h, C are the customer's count in h and in total and w_h, W the workspace's.
//! With no history the score is the workspace prior; each engagement of the customer
//! moves it toward their own pattern. The best hour in the window wins; ties go to the
//! earliest.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Duration, TimeZone, Timelike, Utc};
use chrono_tz::Tz;
use redis::aio::ConnectionManager;

use crate::error::Error;

/// Pseudo-engagements the workspace prior counts for.
pub const PRIOR_STRENGTH: f64 = 10.0;
/// Hours in a week.
pub const HOURS_PER_WEEK: usize = 168;
/// Longest window `BestSendTime` searches.
pub const MAX_WINDOW_MS: i64 = 14 * 86_400_000;

/// The local hour of week (0 = Monday 00:00) of `t` in `tz`.
pub fn hour_of_week(t: DateTime<Utc>, tz: Tz) -> usize {
    let local = t.with_timezone(&tz);
    local.weekday().num_days_from_monday() as usize * 24 + local.hour() as usize
}

/// A recommendation.
#[derive(Clone, Debug, PartialEq)]
pub struct SendTime {
    /// When to send.
    pub at: DateTime<Utc>,
    /// Local hour of week of `at`.
    pub local_hour_of_week: usize,
    /// Blended probability of that hour.
    pub score: f64,
    /// The customer's engagements in total.
    pub customer_engagements: i64,
    /// Why.
    pub reason: String,
}

/// Picks the best hour in `[start, end)` given the customer's and the workspace's
/// histograms (hour of week → count).
pub fn best_send_time(
    customer: &HashMap<usize, i64>,
    workspace: &HashMap<usize, i64>,
    tz: Tz,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> SendTime {
    let c_total: i64 = customer.values().sum();
    let w_total: i64 = workspace.values().sum();
    let score = |h: usize| {
        let prior = (workspace.get(&h).copied().unwrap_or(0) as f64 + 1.0)
            / (w_total as f64 + HOURS_PER_WEEK as f64);
        (customer.get(&h).copied().unwrap_or(0) as f64 + PRIOR_STRENGTH * prior)
            / (c_total as f64 + PRIOR_STRENGTH)
    };
    let mut best = (
        start,
        hour_of_week(start, tz),
        score(hour_of_week(start, tz)),
    );
    let mut t = start;
    while t < end {
        let h = hour_of_week(t, tz);
        let s = score(h);
        if s > best.2 {
            best = (t, h, s);
        }
        // The next local hour boundary.
        let local = t.with_timezone(&tz);
        let into_hour = i64::from(local.minute()) * 60 + i64::from(local.second());
        t = t
            .with_nanosecond(0)
            .unwrap_or(t)
            .checked_add_signed(Duration::seconds(3600 - into_hour))
            .unwrap_or(end);
    }
    let weight = c_total as f64 / (c_total as f64 + PRIOR_STRENGTH);
    let local = best.0.with_timezone(&tz);
    SendTime {
        at: best.0,
        local_hour_of_week: best.1,
        score: best.2,
        customer_engagements: c_total,
        reason: format!(
            "{} {:02}:00 {tz} scores {:.4}: {c_total} engagements of the customer \
             (weight {:.0}%) blended with {w_total} of the workspace (weight {:.0}%)",
            local.weekday(),
            local.hour(),
            best.2,
            weight * 100.0,
            (1.0 - weight) * 100.0
        ),
    }
}

/// Engagement histograms in Redis.
#[derive(Clone)]
pub struct Histograms {
    conn: ConnectionManager,
}

impl std::fmt::Debug for Histograms {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Histograms").finish_non_exhaustive()
    }
}

fn customer_key(ws: &str, customer: &str) -> String {
    format!("dec:{{{ws}:{customer}}}:sto")
}

fn workspace_key(ws: &str) -> String {
    format!("dec:{{{ws}}}:sto")
}

impl Histograms {
    /// Histograms over a shared Redis connection.
    pub fn new(conn: ConnectionManager) -> Self {
        Self { conn }
    }

    /// Counts one engagement of `customer` at `at` in time zone `tz`.
    pub async fn record(
        &self,
        ws: &str,
        customer: &str,
        at: DateTime<Utc>,
        tz: Tz,
    ) -> Result<(), Error> {
        let h = hour_of_week(at, tz);
        redis::pipe()
            .hincr(customer_key(ws, customer), h, 1)
            .ignore()
            .hincr(workspace_key(ws), h, 1)
            .ignore()
            .query_async::<()>(&mut self.conn.clone())
            .await?;
        Ok(())
    }

    /// The customer's and the workspace's histograms.
    pub async fn load(
        &self,
        ws: &str,
        customer: &str,
    ) -> Result<(HashMap<usize, i64>, HashMap<usize, i64>), Error> {
        let (c, w): (HashMap<usize, i64>, HashMap<usize, i64>) = redis::pipe()
            .hgetall(customer_key(ws, customer))
            .hgetall(workspace_key(ws))
            .query_async(&mut self.conn.clone())
            .await?;
        Ok((c, w))
    }
}

/// Parses an IANA time zone name.
pub fn parse_tz(name: &str) -> Option<Tz> {
    name.parse::<Tz>().ok()
}

/// `Utc` as a chrono-tz zone.
pub fn utc() -> Tz {
    chrono_tz::UTC
}

/// A UTC time from unix milliseconds (the epoch when out of range).
pub fn from_ms(ms: i64) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(ms).single().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
    }

    #[test]
    fn hour_of_week_is_local() {
        // Monday 2024-03-11 00:30 UTC is Monday 09:30 in Seoul (UTC+9) and Sunday 20:30
        // in New York (UTC-4 after the DST change on March 10).
        let t = Utc.with_ymd_and_hms(2024, 3, 11, 0, 30, 0).unwrap();
        assert_eq!(hour_of_week(t, utc()), 0);
        assert_eq!(hour_of_week(t, parse_tz("Asia/Seoul").unwrap()), 9);
        assert_eq!(
            hour_of_week(t, parse_tz("America/New_York").unwrap()),
            6 * 24 + 20
        );
    }

    #[test]
    fn customer_history_wins_over_the_prior_and_is_read_in_local_time() {
        let seoul = parse_tz("Asia/Seoul").unwrap();
        // The customer engages on Wednesdays at 20:00 Seoul time (hour 2·24 + 20 = 68).
        let customer = HashMap::from([(68, 12)]);
        // The workspace mostly engages on Monday mornings at 9.
        let workspace = HashMap::from([(9, 500), (68, 20)]);
        // Window: Monday 2024-03-11 00:00 UTC .. +7 days.
        let start = at(2024, 3, 11, 0);
        let best = best_send_time(
            &customer,
            &workspace,
            seoul,
            start,
            start + Duration::days(7),
        );
        assert_eq!(best.local_hour_of_week, 68);
        // Wednesday 20:00 KST = Wednesday 11:00 UTC.
        assert_eq!(best.at, at(2024, 3, 13, 11));
        assert_eq!(best.customer_engagements, 12);
        assert!(
            best.reason.contains("Wed 20:00 Asia/Seoul"),
            "{}",
            best.reason
        );

        // A customer with no history gets the workspace's favourite hour: Monday 09:00 KST
        // = Monday 00:00 UTC, the window start.
        let cold = best_send_time(
            &HashMap::new(),
            &workspace,
            seoul,
            start,
            start + Duration::days(7),
        );
        assert_eq!(cold.local_hour_of_week, 9);
        assert_eq!(cold.at, start);
        let expected = 10.0 * (501.0 / (520.0 + 168.0)) / 10.0;
        assert!((cold.score - expected).abs() < 1e-12);
    }

    #[test]
    fn window_start_inside_the_best_hour_is_kept_and_ties_go_earliest() {
        let start = Utc.with_ymd_and_hms(2024, 3, 11, 9, 40, 0).unwrap();
        let customer = HashMap::from([(9, 3)]);
        let best = best_send_time(
            &customer,
            &HashMap::new(),
            utc(),
            start,
            start + Duration::days(2),
        );
        assert_eq!(best.at, start);
        // No data at all: every hour ties, the window start wins.
        let none = best_send_time(
            &HashMap::new(),
            &HashMap::new(),
            utc(),
            start,
            start + Duration::hours(30),
        );
        assert_eq!(none.at, start);
    }
}
