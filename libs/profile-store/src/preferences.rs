//! A customer's own do-not-disturb preferences (quiet hours and snoozes), as identity
//! keeps them in Redis for every sender to read. Identity's SQL is the record; this is
//! its copy, stored as one JSON string per customer.

use serde::{Deserialize, Serialize};

/// One quiet period in the customer's local time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuietPeriod {
    /// Local start, minutes after midnight (0-1439).
    pub start_minute: u32,
    /// Local end, minutes after midnight (0-1439); at or before the start: the next day.
    pub end_minute: u32,
    /// ISO weekdays the period starts on (1 = Monday .. 7 = Sunday); empty: every day.
    #[serde(default)]
    pub weekdays: Vec<u8>,
}

/// "Nothing until": marketing on `channel` (empty: every channel) waits until `until_ms`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snooze {
    /// Channel name (`email`, `push`, `sms`, `store`), or empty for every channel.
    pub channel: String,
    /// End of the snooze (unix ms).
    pub until_ms: i64,
    /// Where it was set.
    #[serde(default)]
    pub source: String,
}

/// A customer's do-not-disturb preferences.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactPreferences {
    /// Quiet periods.
    #[serde(default)]
    pub quiet_hours: Vec<QuietPeriod>,
    /// IANA time zone of the quiet periods; empty: the profile's `timezone` trait.
    #[serde(default)]
    pub time_zone: String,
    /// Snoozes (at most one per channel and one for every channel).
    #[serde(default)]
    pub snoozes: Vec<Snooze>,
    /// Last change (unix ms).
    #[serde(default)]
    pub updated_ms: i64,
    /// Where the last change came from.
    #[serde(default)]
    pub source: String,
}

impl ContactPreferences {
    /// True when nothing is set (no quiet hours, no time zone, no snoozes).
    pub fn is_empty(&self) -> bool {
        self.quiet_hours.is_empty() && self.time_zone.is_empty() && self.snoozes.is_empty()
    }

    /// The latest end of a snooze covering `channel` (its own or the every-channel one)
    /// that is still running at `now_ms`.
    pub fn snoozed_until(&self, channel: &str, now_ms: i64) -> Option<i64> {
        self.snoozes
            .iter()
            .filter(|s| (s.channel.is_empty() || s.channel == channel) && s.until_ms > now_ms)
            .map(|s| s.until_ms)
            .max()
    }

    /// Drops snoozes that ended at or before `now_ms`.
    pub fn drop_expired(&mut self, now_ms: i64) {
        self.snoozes.retain(|s| s.until_ms > now_ms);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snoozes_cover_their_channel_or_all() {
        let mut p = ContactPreferences::default();
        assert!(p.is_empty());
        p.snoozes.push(Snooze {
            channel: "email".into(),
            until_ms: 100,
            source: String::new(),
        });
        p.snoozes.push(Snooze {
            channel: String::new(),
            until_ms: 50,
            source: String::new(),
        });
        assert_eq!(p.snoozed_until("email", 10), Some(100));
        assert_eq!(p.snoozed_until("sms", 10), Some(50));
        assert_eq!(p.snoozed_until("sms", 50), None);
        p.drop_expired(60);
        assert_eq!(p.snoozes.len(), 1);
        assert!(!p.is_empty());
    }
}
