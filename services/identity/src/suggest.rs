//! Probabilistic match suggestions: customers that may be one person, for a human to
//! review. Never merged automatically.
//!
//! When an event is delivered, the fuzzy signals it carries for its customer are
//! indexed in `match_signals`: `device` (device ids, including a `device_id`
//! property), `phone_suffix` (last 7 digits of phone identifiers, kept as a keyed
//! hash), `postal` (postal code trait, upper-cased, letters and digits only) and `name`
//! (the `name` trait, or `first_name` + `last_name`, lower-cased). Candidates are the other customers that
//! hold one of the event's device, phone-suffix or postal signals (at most
//! [`MAX_CANDIDATES_PER_SIGNAL`] per signal value, so a busy postal code stays cheap).
//! Each candidate pair is scored with a noisy-or of the shared signals:
//! device 0.5, phone suffix 0.4, postal code 0.25, name 0.5 x Jaro-Winkler similarity
//! (only when at least [`NAME_THRESHOLD`]). Pairs scoring at least [`MIN_SCORE`] become
//! (or rescore) an open suggestion, unless the pair (or any ids merged into either
//! side) was rejected before.

use std::collections::BTreeSet;

use omni_common::ids::CustomerId;
use omni_profile_store::ProfileStore;
use omni_storage::Db;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::Error;
use crate::consent::live_customer;
use crate::crypto::IdCrypto;
use crate::event::TrackedEvent;
use crate::merge::{ManualMerge, merge_customers};
use crate::rules::Rules;
use crate::store::{self, MergeRecord, SuggestionRecord};

omni_common::id_type!(
    /// A match suggestion id.
    SuggestionId,
    "sug"
);

/// Most other customers considered per shared signal value.
pub const MAX_CANDIDATES_PER_SIGNAL: u64 = 20;
/// Lowest score recorded as a suggestion.
pub const MIN_SCORE: f64 = 0.5;
/// Lowest Jaro-Winkler similarity counted as a name signal.
pub const NAME_THRESHOLD: f64 = 0.85;
/// Digits of a phone number compared as its suffix.
const PHONE_SUFFIX_DIGITS: usize = 7;

/// Suggestion states as stored.
pub const OPEN: &str = "open";
/// Accepted.
pub const ACCEPTED: &str = "accepted";
/// Rejected.
pub const REJECTED: &str = "rejected";

/// One signal behind a suggestion.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Signal {
    /// `name_similarity`, `postal_code`, `phone_suffix` or `device_id`.
    pub kind: String,
    /// 0 to 1.
    pub similarity: f64,
    /// What is shared.
    pub detail: String,
}

/// The signals an event carries: `(kind, value)`.
pub fn signals_of_event(event: &TrackedEvent) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    for id in &event.identifiers {
        match id.kind.as_str() {
            "device_id" => out.push(("device", id.value.clone())),
            "phone" => {
                let digits: String = id.value.chars().filter(char::is_ascii_digit).collect();
                if digits.len() >= PHONE_SUFFIX_DIGITS {
                    out.push((
                        "phone_suffix",
                        digits[digits.len() - PHONE_SUFFIX_DIGITS..].to_owned(),
                    ));
                }
            }
            _ => {}
        }
    }
    if let Some(Value::String(d)) = event.properties.get("device_id")
        && !d.trim().is_empty()
    {
        out.push(("device", d.trim().to_owned()));
    }
    if let Some(postal) = postal_code(&event.traits) {
        out.push(("postal", postal));
    }
    if let Some(name) = full_name(&event.traits) {
        out.push(("name", name));
    }
    out.sort();
    out.dedup();
    out
}

fn trait_str<'a>(traits: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    traits
        .get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn postal_code(traits: &Map<String, Value>) -> Option<String> {
    let raw = ["postal_code", "postcode", "zip"]
        .iter()
        .find_map(|k| trait_str(traits, k))
        .or_else(|| {
            traits
                .get("address")
                .and_then(Value::as_object)
                .and_then(|a| trait_str(a, "postal_code"))
        })?;
    let code: String = raw
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (code.len() >= 3 && code.len() <= 16).then_some(code)
}

fn full_name(traits: &Map<String, Value>) -> Option<String> {
    let name = match trait_str(traits, "name") {
        Some(n) => n.to_owned(),
        None => {
            let parts: Vec<&str> = ["first_name", "last_name"]
                .iter()
                .filter_map(|k| trait_str(traits, k))
                .collect();
            if parts.is_empty() {
                return None;
            }
            parts.join(" ")
        }
    };
    let name = name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    (name.chars().count() <= 256).then_some(name)
}

/// Scores two customers' signal sets; `None` below [`MIN_SCORE`].
pub fn score(a: &[(String, String)], b: &[(String, String)]) -> Option<(f64, Vec<Signal>)> {
    let set_b: BTreeSet<&(String, String)> = b.iter().collect();
    let mut signals = Vec::new();
    for (kind, label, weight) in [
        ("device", "device_id", 0.5),
        ("phone_suffix", "phone_suffix", 0.4),
        ("postal", "postal_code", 0.25),
    ] {
        if let Some((_, v)) = a.iter().find(|s| s.0 == kind && set_b.contains(s)) {
            let detail = match kind {
                "phone_suffix" => format!("last {PHONE_SUFFIX_DIGITS} digits"),
                _ => v.clone(),
            };
            signals.push((
                weight,
                Signal {
                    kind: label.into(),
                    similarity: 1.0,
                    detail,
                },
            ));
        }
    }
    let names = |s: &[(String, String)]| -> Vec<String> {
        s.iter()
            .filter(|(k, _)| k == "name")
            .map(|(_, v)| v.clone())
            .collect()
    };
    let mut best: Option<(f64, String, String)> = None;
    for x in names(a) {
        for y in names(b) {
            let sim = strsim::jaro_winkler(&x, &y);
            if best.as_ref().is_none_or(|(s, _, _)| sim > *s) {
                best = Some((sim, x.clone(), y.clone()));
            }
        }
    }
    if let Some((sim, x, y)) = best
        && sim >= NAME_THRESHOLD
    {
        signals.push((
            0.5 * sim,
            Signal {
                kind: "name_similarity".into(),
                similarity: (sim * 1000.0).round() / 1000.0,
                detail: format!("{x} ~ {y}"),
            },
        ));
    }
    // Only names: never enough on their own (many people share a name).
    if signals.iter().all(|(_, s)| s.kind == "name_similarity") {
        return None;
    }
    let miss: f64 = signals.iter().map(|(w, _)| 1.0 - w).product();
    let total = 1.0 - miss;
    (total >= MIN_SCORE).then(|| (total, signals.into_iter().map(|(_, s)| s).collect()))
}

/// Indexes the event's signals for `live` (its customer now) and records or rescores
/// suggestions with customers sharing them. Idempotent, so the outbox may redo it.
pub async fn on_event(
    db: &Db,
    crypto: &IdCrypto,
    ws: &str,
    live: &CustomerId,
    event: &TrackedEvent,
    now_ms: i64,
) -> Result<(), Error> {
    // Phone suffixes are kept as keyed hashes (exact matching is all they need).
    let signals: Vec<(&'static str, String)> = signals_of_event(event)
        .into_iter()
        .map(|(kind, value)| match kind {
            "phone_suffix" => (kind, crypto.keyed(ws, kind, &value)),
            _ => (kind, value),
        })
        .collect();
    if signals.is_empty() {
        return Ok(());
    }
    for (kind, value) in &signals {
        store::insert_signal(db, ws, kind, value, live, now_ms).await?;
    }
    let mut candidates = BTreeSet::new();
    for (kind, value) in signals.iter().filter(|(k, _)| *k != "name") {
        for other in
            store::customers_with_signal(db, ws, kind, value, live, MAX_CANDIDATES_PER_SIGNAL)
                .await?
        {
            if let Some(other_live) = store::resolve_customer(db, ws, &other).await?
                && other_live != *live
            {
                candidates.insert(other_live);
            }
        }
    }
    if candidates.is_empty() {
        return Ok(());
    }
    let mine = store::cluster_of(db, ws, live).await?;
    let my_signals = store::signals_of(db, ws, &mine).await?;
    for other in candidates {
        let theirs = store::cluster_of(db, ws, &other).await?;
        let existing = store::suggestions_between(db, ws, &mine, &theirs).await?;
        if existing.iter().any(|s| s.state != OPEN) {
            continue; // rejected (never again) or accepted (merged, maybe unmerged since)
        }
        let their_signals = store::signals_of(db, ws, &theirs).await?;
        let Some((total, found)) = score(&my_signals, &their_signals) else {
            continue;
        };
        #[allow(clippy::cast_possible_truncation)]
        let score_bp = (total * 10_000.0).round() as i64;
        let json = serde_json::to_string(&found)?;
        if let Some(open) = existing.first() {
            if open.score_bp != score_bp || open.signals != json {
                store::rescore_suggestion(db, ws, &open.suggestion_id, score_bp, &json, now_ms)
                    .await?;
            }
            continue;
        }
        let (a, b) = older_first(db, ws, live, &other).await?;
        store::insert_suggestion(
            db,
            ws,
            &SuggestionRecord {
                suggestion_id: SuggestionId::generate().into_inner(),
                customer_a: a,
                customer_b: b,
                score_bp,
                signals: json,
                state: OPEN.into(),
                create_ms: now_ms,
                update_ms: now_ms,
                merge_id: String::new(),
                decided_by: String::new(),
                reason: String::new(),
            },
        )
        .await?;
    }
    Ok(())
}

/// The pair ordered by customer age (then id).
async fn older_first(
    db: &Db,
    ws: &str,
    x: &CustomerId,
    y: &CustomerId,
) -> Result<(CustomerId, CustomerId), Error> {
    let tx = store::customer_create_ms(db, ws, x).await?.unwrap_or(0);
    let ty = store::customer_create_ms(db, ws, y).await?.unwrap_or(0);
    Ok(if (tx, x) <= (ty, y) {
        (x.clone(), y.clone())
    } else {
        (y.clone(), x.clone())
    })
}

/// A reviewer's decision.
#[derive(Clone, Debug)]
pub struct Decision<'a> {
    /// Workspace.
    pub workspace: &'a str,
    /// The suggestion.
    pub suggestion_id: &'a str,
    /// Why.
    pub reason: &'a str,
    /// API key id of the reviewer.
    pub actor: &'a str,
    /// Now (unix ms).
    pub now_ms: i64,
}

fn not_found(id: &str) -> Error {
    Error::NotFound {
        kind: "suggestion",
        id: id.to_owned(),
    }
}

/// Accepts a suggestion: a manual merge of the pair (the older survives), recorded on
/// the merge as `match suggestion <id>`. A retry returns the same merge.
pub async fn accept(
    db: &Db,
    crypto: &IdCrypto,
    profiles: &ProfileStore,
    rules: &Rules,
    d: &Decision<'_>,
) -> Result<(SuggestionRecord, MergeRecord), Error> {
    let ws = d.workspace;
    let s = store::suggestion_by_id(db, ws, d.suggestion_id)
        .await?
        .ok_or_else(|| not_found(d.suggestion_id))?;
    match s.state.as_str() {
        ACCEPTED => {
            let merge = store::merge_by_id(db, crypto, ws, &s.merge_id)
                .await?
                .ok_or_else(|| Error::NotFound {
                    kind: "merge",
                    id: s.merge_id.clone(),
                })?;
            return Ok((s, merge));
        }
        REJECTED => {
            return Err(Error::Rule {
                rule: "suggestion-rejected".into(),
                reason: format!("suggestion {} was rejected", s.suggestion_id),
            });
        }
        _ => {}
    }
    let survivor = live_customer(db, ws, &s.customer_a).await?;
    let merged = live_customer(db, ws, &s.customer_b).await?;
    let reason = if d.reason.is_empty() {
        format!("match suggestion {}", s.suggestion_id)
    } else {
        format!("match suggestion {}: {}", s.suggestion_id, d.reason)
    };
    let merge = merge_customers(
        db,
        profiles,
        &ManualMerge {
            workspace: ws,
            crypto,
            customer: survivor,
            merged,
            reason: &reason,
            idempotency_key: &format!("suggestion:{}", s.suggestion_id),
            actor: d.actor,
            now_ms: d.now_ms,
            rules,
        },
    )
    .await?;
    store::decide_suggestion(db, d, ACCEPTED, &merge.merge_id).await?;
    let s = store::suggestion_by_id(db, ws, d.suggestion_id)
        .await?
        .ok_or_else(|| not_found(d.suggestion_id))?;
    Ok((s, merge))
}

/// Rejects a suggestion: the pair is never suggested again. A retry returns it.
pub async fn reject(db: &Db, d: &Decision<'_>) -> Result<SuggestionRecord, Error> {
    let ws = d.workspace;
    let s = store::suggestion_by_id(db, ws, d.suggestion_id)
        .await?
        .ok_or_else(|| not_found(d.suggestion_id))?;
    match s.state.as_str() {
        REJECTED => return Ok(s),
        ACCEPTED => {
            return Err(Error::Rule {
                rule: "suggestion-accepted".into(),
                reason: format!(
                    "suggestion {} was accepted (merge {}); undo it with Unmerge",
                    s.suggestion_id, s.merge_id
                ),
            });
        }
        _ => {}
    }
    store::decide_suggestion(db, d, REJECTED, "").await?;
    store::suggestion_by_id(db, ws, d.suggestion_id)
        .await?
        .ok_or_else(|| not_found(d.suggestion_id))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sig(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn scores_need_more_than_a_name_and_explain_themselves() {
        let a = sig(&[("name", "ann lee"), ("postal", "0150")]);
        let b = sig(&[("name", "anne lee"), ("postal", "0150")]);
        let (s, signals) = score(&a, &b).expect("postal + similar name");
        assert!(s > 0.5 && s < 1.0, "{s}");
        let kinds: Vec<&str> = signals.iter().map(|s| s.kind.as_str()).collect();
        assert_eq!(kinds, vec!["postal_code", "name_similarity"]);
        assert!(signals[1].detail.contains("ann lee ~ anne lee"));

        assert_eq!(
            score(&sig(&[("name", "ann lee")]), &sig(&[("name", "ann lee")])),
            None,
            "a name alone is not enough"
        );
        assert_eq!(
            score(&sig(&[("postal", "0150")]), &sig(&[("postal", "0150")])),
            None,
            "a postal code alone is not enough"
        );
        assert!(
            score(
                &sig(&[("device", "d1"), ("name", "bob")]),
                &sig(&[("device", "d1"), ("name", "zed")])
            )
            .is_some(),
            "a shared device is"
        );
    }
}
