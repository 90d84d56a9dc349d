//! Send-time policy, the pure parts: consent per channel and purpose, the address for a
//! channel, quiet hours in the customer's time zone, and the customer's own quiet
//! hours (their do-not-disturb preferences, kept by identity). The suppression list (SQL) and
//! fatigue caps (Redis, atomic) are checked by the gateway around these.
//!
//! Consent is read from the profile store's consent hash. A `"<channel>:<purpose>"`
//! entry (e.g. `sms:marketing`) wins; otherwise the plain `"<channel>"` entry, which
//! identity records as marketing consent, governs marketing messages only. Consent is
//! opt-out: no entry means allowed.

use std::str::FromStr;

use chrono::{
    DateTime, Datelike, Duration as ChronoDuration, NaiveDate, NaiveTime, TimeZone, Timelike, Utc,
};
use chrono_tz::Tz;
use omni_profile_store::{ContactPreferences, QuietPeriod, StoredProfile};
use serde_json::{Map, Value};

use crate::records::{Channel, Purpose, QuietHours, SuppressionReason};

/// The policy's answer for one message, before the suppression list and caps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Deliver to this address.
    Deliver {
        /// The address for the channel.
        recipient: String,
    },
    /// Record the message without sending it.
    Suppress {
        /// Why.
        reason: SuppressionReason,
        /// The address the message would have gone to, if any (kept for audit).
        recipient: String,
    },
}

/// Checks consent for `purpose`, then the address. `candidates` are the customer's
/// usable addresses for the channel (see [`addresses`]), best first.
pub fn check(
    channel: Channel,
    purpose: Purpose,
    profile: &StoredProfile,
    candidates: &[String],
) -> Verdict {
    let recipient = candidates.first().cloned().unwrap_or_default();
    if !consented(channel, purpose, profile) {
        return Verdict::Suppress {
            reason: SuppressionReason::NoConsent,
            recipient,
        };
    }
    if recipient.is_empty() {
        return Verdict::Suppress {
            reason: SuppressionReason::NoAddress,
            recipient,
        };
    }
    Verdict::Deliver { recipient }
}

/// Whether the profile allows `purpose` messages on `channel`.
pub fn consented(channel: Channel, purpose: Purpose, profile: &StoredProfile) -> bool {
    let specific = format!("{}:{}", channel.as_str(), purpose.as_str());
    if let Some(c) = profile.consents.get(&specific) {
        return c.granted;
    }
    match purpose {
        Purpose::Marketing => profile
            .consents
            .get(channel.as_str())
            .is_none_or(|c| c.granted),
        Purpose::Transactional => true,
    }
}

/// The customer's addresses for `channel`, best first: identifiers of the channel's type
/// (sorted, so the choice is stable), then the trait of the same name. Email and phone
/// use the `email`/`phone` identifiers; push uses `push_token`; store messages go to the
/// store named by `vars.store_id` or the `home_store` trait.
pub fn addresses(
    channel: Channel,
    profile: &StoredProfile,
    vars: &Map<String, Value>,
) -> Vec<String> {
    let kind = match channel {
        Channel::Email => "email",
        Channel::Sms => "phone",
        Channel::Push => "push_token",
        Channel::Store => {
            let store = vars
                .get("store_id")
                .or_else(|| profile.traits.get("home_store"))
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|v| !v.is_empty());
            return store.map(str::to_owned).into_iter().collect();
        }
    };
    let mut found: Vec<String> = profile
        .identifiers
        .iter()
        .filter(|(t, v)| t == kind && !v.trim().is_empty())
        .map(|(_, v)| v.trim().to_owned())
        .collect();
    found.sort();
    if let Some(t) = profile
        .traits
        .get(kind)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|v| !v.is_empty())
        && !found.iter().any(|f| f == t)
    {
        found.push(t.to_owned());
    }
    found
}

/// The address as the suppression list stores it (email case-insensitive).
pub fn normalise_address(channel: Channel, address: &str) -> String {
    let a = address.trim();
    match channel {
        Channel::Email => a.to_ascii_lowercase(),
        _ => a.to_owned(),
    }
}

/// The customer's time zone: the `timezone` trait if it names an IANA zone, else the
/// policy default, else UTC.
pub fn time_zone(profile: &StoredProfile, default: &str) -> Tz {
    profile
        .traits
        .get("timezone")
        .and_then(Value::as_str)
        .and_then(|z| Tz::from_str(z).ok())
        .or_else(|| Tz::from_str(default).ok())
        .unwrap_or(Tz::UTC)
}

/// When a message may go out under quiet hours: `None` now, or the end of the quiet
/// period (unix ms) when `now_ms` falls inside it in `tz`.
pub fn quiet_until(quiet: &QuietHours, tz: Tz, now_ms: i64) -> Option<i64> {
    if !quiet.enabled || quiet.start_minute == quiet.end_minute {
        return None;
    }
    let now = DateTime::<Utc>::from_timestamp_millis(now_ms)?.with_timezone(&tz);
    let minute = now.hour() * 60 + now.minute();
    let (start, end) = (quiet.start_minute, quiet.end_minute);
    let inside = if start < end {
        minute >= start && minute < end
    } else {
        minute >= start || minute < end
    };
    if !inside {
        return None;
    }
    // The quiet period ends today if the end is still ahead, else tomorrow.
    let mut day = now.date_naive();
    if minute >= end {
        day = day.succ_opt()?;
    }
    let end_time = NaiveTime::from_hms_opt(end / 60, end % 60, 0)?;
    let local = day.and_time(end_time);
    // A DST gap can swallow the end time; then the first valid minute after it.
    let resolved = tz.from_local_datetime(&local).earliest().or_else(|| {
        tz.from_local_datetime(&(local + ChronoDuration::hours(1)))
            .earliest()
    })?;
    Some(resolved.timestamp_millis())
}

/// The time zone of a customer's own quiet hours: the one they chose, else their
/// profile's (see [`time_zone`]).
pub fn preference_time_zone(
    prefs: &ContactPreferences,
    profile: &StoredProfile,
    default: &str,
) -> Tz {
    Tz::from_str(prefs.time_zone.trim()).unwrap_or_else(|_| time_zone(profile, default))
}

/// The end (unix ms) of the customer's own quiet period `now_ms` falls in, in `tz`;
/// `None` outside every period. A period belongs to the weekday it starts on (an
/// overnight period on Friday covers early Saturday); back-to-back periods are
/// followed to the end of the last one.
pub fn customer_quiet_until(prefs: &ContactPreferences, tz: Tz, now_ms: i64) -> Option<i64> {
    let mut at = now_ms;
    let mut moved = false;
    // Each step lands on the end of a period; a handful covers any sane chain.
    for _ in 0..8 {
        let Some(end) = prefs
            .quiet_hours
            .iter()
            .filter_map(|q| period_end(q, tz, at))
            .max()
        else {
            break;
        };
        if end <= at {
            break;
        }
        at = end;
        moved = true;
    }
    moved.then_some(at)
}

/// The end of period `q` if `now_ms` is inside one of its occurrences.
fn period_end(q: &QuietPeriod, tz: Tz, now_ms: i64) -> Option<i64> {
    let now = DateTime::<Utc>::from_timestamp_millis(now_ms)?.with_timezone(&tz);
    let today = now.date_naive();
    // An occurrence starting today, or yesterday (when it runs past midnight).
    for start_day in [today, today.pred_opt()?] {
        let weekday = u8::try_from(start_day.weekday().number_from_monday()).ok()?;
        if !q.weekdays.is_empty() && !q.weekdays.contains(&weekday) {
            continue;
        }
        let start = local_ms(tz, start_day, q.start_minute)?;
        let end_day = if q.end_minute <= q.start_minute {
            start_day.succ_opt()?
        } else {
            start_day
        };
        let end = local_ms(tz, end_day, q.end_minute)?;
        if start <= now_ms && now_ms < end {
            return Some(end);
        }
    }
    None
}

/// `minute` past midnight of `day` in `tz` as unix ms (after a DST gap, an hour later).
fn local_ms(tz: Tz, day: NaiveDate, minute: u32) -> Option<i64> {
    let local = day.and_time(NaiveTime::from_hms_opt(minute / 60, minute % 60, 0)?);
    let resolved = tz.from_local_datetime(&local).earliest().or_else(|| {
        tz.from_local_datetime(&(local + ChronoDuration::hours(1)))
            .earliest()
    })?;
    Some(resolved.timestamp_millis())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use omni_profile_store::ConsentState;
    use serde_json::json;

    use super::*;

    fn profile() -> StoredProfile {
        StoredProfile {
            customer_id: "c_1".into(),
            traits: serde_json::Map::new(),
            identifiers: Vec::new(),
            event_counts: BTreeMap::new(),
            consents: BTreeMap::new(),
            first_seen_ms: 0,
            last_seen_ms: 0,
        }
    }

    fn consent(granted: bool) -> ConsentState {
        ConsentState {
            granted,
            updated_ms: 1,
        }
    }

    #[test]
    fn identifier_wins_over_trait_and_consent_defaults_to_allowed() {
        let mut p = profile();
        p.traits.insert("email".into(), json!("trait@example.com"));
        let none = Map::new();
        assert_eq!(
            addresses(Channel::Email, &p, &none),
            vec!["trait@example.com".to_owned()]
        );
        p.identifiers
            .push(("email".into(), "id@example.com".into()));
        let found = addresses(Channel::Email, &p, &none);
        assert_eq!(found[0], "id@example.com");
        assert_eq!(
            check(Channel::Email, Purpose::Marketing, &p, &found),
            Verdict::Deliver {
                recipient: "id@example.com".into()
            }
        );
    }

    #[test]
    fn consent_depends_on_channel_and_purpose() {
        let mut p = profile();
        let to = vec!["a@example.com".to_owned()];
        p.consents.insert("email".into(), consent(false));
        assert_eq!(
            check(Channel::Email, Purpose::Marketing, &p, &to),
            Verdict::Suppress {
                reason: SuppressionReason::NoConsent,
                recipient: "a@example.com".into()
            }
        );
        // Channel consent is marketing consent: receipts still go out.
        assert!(consented(Channel::Email, Purpose::Transactional, &p));
        // A purpose-specific record wins over the channel one.
        p.consents.insert("email:marketing".into(), consent(true));
        assert!(consented(Channel::Email, Purpose::Marketing, &p));
        p.consents
            .insert("email:transactional".into(), consent(false));
        assert!(!consented(Channel::Email, Purpose::Transactional, &p));
        assert!(consented(Channel::Sms, Purpose::Marketing, &p));
        assert_eq!(
            check(Channel::Sms, Purpose::Marketing, &p, &[]),
            Verdict::Suppress {
                reason: SuppressionReason::NoAddress,
                recipient: String::new()
            }
        );
    }

    #[test]
    fn push_and_store_addresses() {
        let mut p = profile();
        p.identifiers.push(("push_token".into(), "tok-b".into()));
        p.identifiers.push(("push_token".into(), "tok-a".into()));
        let none = Map::new();
        assert_eq!(addresses(Channel::Push, &p, &none), vec!["tok-a", "tok-b"]);
        assert!(addresses(Channel::Store, &p, &none).is_empty());
        p.traits.insert("home_store".into(), json!("store-7"));
        assert_eq!(addresses(Channel::Store, &p, &none), vec!["store-7"]);
        let mut vars = Map::new();
        vars.insert("store_id".into(), json!("store-9"));
        assert_eq!(addresses(Channel::Store, &p, &vars), vec!["store-9"]);
    }

    fn quiet(start: u32, end: u32) -> QuietHours {
        QuietHours {
            enabled: true,
            start_minute: start,
            end_minute: end,
            default_time_zone: "UTC".into(),
            include_transactional: false,
        }
    }

    fn ms(rfc3339: &str) -> i64 {
        DateTime::parse_from_rfc3339(rfc3339)
            .expect("time")
            .timestamp_millis()
    }

    #[test]
    fn overnight_quiet_hours_defer_to_the_local_morning() {
        let q = quiet(21 * 60, 8 * 60);
        let seoul = Tz::Asia__Seoul;
        // 14:30 UTC is 23:30 in Seoul: deferred to 08:00 Seoul the next day (23:00 UTC).
        assert_eq!(
            quiet_until(&q, seoul, ms("2024-03-05T14:30:00Z")),
            Some(ms("2024-03-05T23:00:00Z"))
        );
        // 18:00 UTC is 03:00 in Seoul: the same morning.
        assert_eq!(
            quiet_until(&q, seoul, ms("2024-03-05T18:00:00Z")),
            Some(ms("2024-03-05T23:00:00Z"))
        );
        // 01:00 UTC is 10:00 in Seoul: not quiet. The same instant is 20:00 in New York.
        assert_eq!(quiet_until(&q, seoul, ms("2024-03-05T01:00:00Z")), None);
        assert_eq!(
            quiet_until(&q, Tz::America__New_York, ms("2024-03-05T01:00:00Z")),
            None
        );
        // 03:00 UTC is 22:00 in New York: deferred to 08:00 EST (13:00 UTC).
        assert_eq!(
            quiet_until(&q, Tz::America__New_York, ms("2024-03-05T03:00:00Z")),
            Some(ms("2024-03-05T13:00:00Z"))
        );
        let mut off = q.clone();
        off.enabled = false;
        assert_eq!(quiet_until(&off, seoul, ms("2024-03-05T14:30:00Z")), None);
    }

    #[test]
    fn customer_quiet_hours_follow_weekdays_and_chains() {
        let period = |start: u32, end: u32, weekdays: Vec<u8>| QuietPeriod {
            start_minute: start,
            end_minute: end,
            weekdays,
        };
        let mut prefs = ContactPreferences::default();
        // Friday 22:00 -> Saturday 10:00 only (2024-03-08 is a Friday).
        prefs.quiet_hours.push(period(22 * 60, 10 * 60, vec![5]));
        let oslo = Tz::Europe__Oslo;
        // Saturday 08:00 Oslo (07:00 UTC): inside Friday's period, ends 10:00 Oslo.
        assert_eq!(
            customer_quiet_until(&prefs, oslo, ms("2024-03-09T07:00:00Z")),
            Some(ms("2024-03-09T09:00:00Z"))
        );
        // Thursday 23:00 Oslo: not a Friday start.
        assert_eq!(
            customer_quiet_until(&prefs, oslo, ms("2024-03-07T22:00:00Z")),
            None
        );
        // A second period starting when the first ends is followed to its end.
        prefs.quiet_hours.push(period(10 * 60, 12 * 60, Vec::new()));
        assert_eq!(
            customer_quiet_until(&prefs, oslo, ms("2024-03-09T07:00:00Z")),
            Some(ms("2024-03-09T11:00:00Z"))
        );
        let mut p = profile();
        p.traits.insert("timezone".into(), json!("Asia/Seoul"));
        assert_eq!(preference_time_zone(&prefs, &p, "UTC"), Tz::Asia__Seoul);
        prefs.time_zone = "Europe/Oslo".into();
        assert_eq!(preference_time_zone(&prefs, &p, "UTC"), oslo);
    }

    #[test]
    fn same_day_quiet_window_and_time_zone_fallbacks() {
        let q = quiet(12 * 60, 13 * 60);
        assert_eq!(
            quiet_until(&q, Tz::UTC, ms("2024-03-05T12:10:00Z")),
            Some(ms("2024-03-05T13:00:00Z"))
        );
        assert_eq!(quiet_until(&q, Tz::UTC, ms("2024-03-05T13:00:00Z")), None);
        let mut p = profile();
        assert_eq!(time_zone(&p, "Europe/Paris"), Tz::Europe__Paris);
        assert_eq!(time_zone(&p, "nonsense"), Tz::UTC);
        p.traits.insert("timezone".into(), json!("Asia/Seoul"));
        assert_eq!(time_zone(&p, "Europe/Paris"), Tz::Asia__Seoul);
    }
}
