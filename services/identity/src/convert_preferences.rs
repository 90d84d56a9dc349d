//! Contact preferences between proto and domain, with the request checks (every
//! violation is INVALID_ARGUMENT naming the field).

use std::str::FromStr;

use chrono_tz::Tz;
use omni_common::convert::{from_timestamp, to_timestamp};
use omni_common::status::invalid_argument;
use omni_profile_store::{ContactPreferences, QuietPeriod, Snooze};
use omni_proto::identity::v1 as pb;
use tonic::Status;

use crate::convert::{channel_from_name, channel_name};
use crate::preferences::Fields;

/// Most quiet periods per customer.
pub const MAX_QUIET_PERIODS: usize = 14;
/// Furthest a snooze may reach, in ms (a year and a day).
pub const MAX_SNOOZE_MS: i64 = 366 * 24 * 3_600_000;
/// Minutes in a day.
const DAY_MINUTES: i32 = 24 * 60;

/// The proto form of stored preferences.
pub fn to_proto(p: &ContactPreferences) -> pb::ContactPreferences {
    pb::ContactPreferences {
        quiet_hours: p
            .quiet_hours
            .iter()
            .map(|q| pb::CustomerQuietHours {
                start_minute: i32::try_from(q.start_minute).unwrap_or_default(),
                end_minute: i32::try_from(q.end_minute).unwrap_or_default(),
                weekdays: q.weekdays.iter().map(|d| i32::from(*d)).collect(),
            })
            .collect(),
        time_zone: p.time_zone.clone(),
        snoozes: p
            .snoozes
            .iter()
            .map(|s| pb::Snooze {
                channel: channel_from_name(&s.channel).map_or(0, |c| c as i32),
                until_time: Some(to_timestamp(s.until_ms)),
                source: s.source.clone(),
            })
            .collect(),
        update_time: (p.updated_ms > 0).then(|| to_timestamp(p.updated_ms)),
        source: p.source.clone(),
    }
}

/// The fields an update mask names (all when empty).
pub fn fields(mask: Option<&omni_proto::prost_types::FieldMask>) -> Result<Fields, Status> {
    let Some(mask) = mask.filter(|m| !m.paths.is_empty()) else {
        return Ok(Fields::ALL);
    };
    let mut f = Fields {
        quiet_hours: false,
        time_zone: false,
        snoozes: false,
    };
    for (i, path) in mask.paths.iter().enumerate() {
        match path.as_str() {
            "quiet_hours" => f.quiet_hours = true,
            "time_zone" => f.time_zone = true,
            "snoozes" => f.snoozes = true,
            other => {
                return Err(invalid_argument(
                    &format!("update_mask.paths[{i}]"),
                    format!("`{other}` is not one of quiet_hours, time_zone, snoozes"),
                ));
            }
        }
    }
    Ok(f)
}

/// Checks and converts the preferences of a SetContactPreferences request.
pub fn from_proto(
    p: &pb::ContactPreferences,
    source: &str,
    now_ms: i64,
) -> Result<ContactPreferences, Status> {
    if p.quiet_hours.len() > MAX_QUIET_PERIODS {
        return Err(invalid_argument(
            "preferences.quiet_hours",
            format!("at most {MAX_QUIET_PERIODS} quiet periods"),
        ));
    }
    let mut quiet_hours = Vec::with_capacity(p.quiet_hours.len());
    for (i, q) in p.quiet_hours.iter().enumerate() {
        quiet_hours.push(quiet_period(&format!("preferences.quiet_hours[{i}]"), q)?);
    }
    let time_zone = p.time_zone.trim().to_owned();
    if !time_zone.is_empty() && Tz::from_str(&time_zone).is_err() {
        return Err(invalid_argument(
            "preferences.time_zone",
            format!("`{time_zone}` is not an IANA time zone"),
        ));
    }
    let mut snoozes: Vec<Snooze> = Vec::with_capacity(p.snoozes.len());
    for (i, s) in p.snoozes.iter().enumerate() {
        let field = format!("preferences.snoozes[{i}]");
        let snooze = snooze(&field, s.channel, s.until_time.as_ref(), source, now_ms)?;
        if snoozes.iter().any(|o| o.channel == snooze.channel) {
            return Err(invalid_argument(
                &format!("{field}.channel"),
                "another snooze names the same channel",
            ));
        }
        snoozes.push(snooze);
    }
    snoozes.sort_by(|a, b| a.channel.cmp(&b.channel));
    Ok(ContactPreferences {
        quiet_hours,
        time_zone,
        snoozes,
        updated_ms: 0,
        source: String::new(),
    })
}

fn quiet_period(field: &str, q: &pb::CustomerQuietHours) -> Result<QuietPeriod, Status> {
    let minute = |name: &str, v: i32| {
        if (0..DAY_MINUTES).contains(&v) {
            Ok(u32::try_from(v).unwrap_or_default())
        } else {
            Err(invalid_argument(
                &format!("{field}.{name}"),
                "must be a minute of the day (0-1439)",
            ))
        }
    };
    let start_minute = minute("start_minute", q.start_minute)?;
    let end_minute = minute("end_minute", q.end_minute)?;
    if start_minute == end_minute {
        return Err(invalid_argument(
            &format!("{field}.end_minute"),
            "must differ from start_minute",
        ));
    }
    let mut weekdays = Vec::with_capacity(q.weekdays.len());
    for (i, d) in q.weekdays.iter().enumerate() {
        let valid = pb::Weekday::try_from(*d)
            .ok()
            .filter(|w| *w != pb::Weekday::Unspecified);
        let Some(w) = valid else {
            return Err(invalid_argument(
                &format!("{field}.weekdays[{i}]"),
                "must be a day (MONDAY..SUNDAY)",
            ));
        };
        let day = u8::try_from(w as i32).unwrap_or_default();
        if weekdays.contains(&day) {
            return Err(invalid_argument(
                &format!("{field}.weekdays[{i}]"),
                "is named twice",
            ));
        }
        weekdays.push(day);
    }
    weekdays.sort_unstable();
    Ok(QuietPeriod {
        start_minute,
        end_minute,
        weekdays,
    })
}

/// Checks one snooze: a known (or unspecified) channel and an end in the future, at
/// most a year ahead. `field` prefixes the field names (empty for a SnoozeContact
/// request).
pub fn snooze(
    field: &str,
    channel: i32,
    until: Option<&omni_proto::prost_types::Timestamp>,
    source: &str,
    now_ms: i64,
) -> Result<Snooze, Status> {
    let name = |f: &str| {
        if field.is_empty() {
            f.to_owned()
        } else {
            format!("{field}.{f}")
        }
    };
    let channel = if channel == 0 {
        String::new()
    } else {
        channel_name(channel)
            .ok_or_else(|| invalid_argument(&name("channel"), "is not a delivery channel"))?
            .to_owned()
    };
    let until = until.ok_or_else(|| invalid_argument(&name("until_time"), "is required"))?;
    let until_ms = from_timestamp(until);
    if until_ms <= now_ms {
        return Err(invalid_argument(
            &name("until_time"),
            "must be in the future",
        ));
    }
    if until_ms > now_ms.saturating_add(MAX_SNOOZE_MS) {
        return Err(invalid_argument(
            &name("until_time"),
            "must be at most a year ahead",
        ));
    }
    Ok(Snooze {
        channel,
        until_ms,
        source: source.to_owned(),
    })
}
