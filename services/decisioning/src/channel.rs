//! Best channel: which delivery channel to contact one customer on, for one purpose.
//!
//! Every candidate channel is screened, in order:
//!
//! 1. **reachability**: the profile holds an address for it (email: `email`
//!    identifiers or trait; SMS: `phone`; push: `push_token`; store: the `home_store`
//!    trait), else `unreachable`;
//! 2. **consent**: [`ConsentSnapshot::allows`] for the channel and purpose (opt-out:
//!    allowed unless refused; marketing also needs no global unsubscribe), else
//!    `no_consent`;
//! 3. **contact budget**: when the caller gives the contacts left in the customer's
//!    budget for the channel, 0 excludes it (`budget_exhausted`).
//!
//! Usable channels are scored by the customer's engagement on the channel, learned
//! from `RecordOutcome` (an impression is a trial, the first click or conversion of a
//! decided offer a success, as for the offer bandits; the decision's placement names
//! the channel). The customer's counts are blended with the workspace's rate on the
//! channel, so a customer with little history gets the workspace's experience:
//!
//! ```text
//! workspace_rate = (S + 1) / (N + 2)                         Laplace-smoothed
//! rate           = (s + K · workspace_rate) / (n + K)        K = PRIOR_STRENGTH
//! score          = rate × engagement_value − cost            when engagement_value > 0
//!                = rate                                      otherwise
//! ```
//!
//! Ranking: score (higher first), then cost (lower first), then remaining contacts
//! (more first), then request order.
//!
//! Counters: `dec:{<ws>:<customer>}:chan` (the customer) and `dec:{<ws>}:chan` (the
//! workspace), hash fields `<channel>|n` and `<channel>|s`.

use omni_profile_store::{ConsentSnapshot, MARKETING, StoredProfile, TRANSACTIONAL};
use redis::aio::ConnectionManager;
use serde_json::Value;

use crate::error::Error;
use crate::offer::Placement;

/// Pseudo-trials the workspace rate counts for in a customer's engagement rate.
pub const PRIOR_STRENGTH: f64 = 10.0;

/// A delivery channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DeliveryChannel {
    /// Email.
    Email,
    /// Mobile push.
    Push,
    /// SMS.
    Sms,
    /// An in-store task or coupon.
    Store,
}

impl DeliveryChannel {
    /// Every channel, in the order used when a request names none.
    pub const ALL: [DeliveryChannel; 4] = [
        DeliveryChannel::Email,
        DeliveryChannel::Push,
        DeliveryChannel::Sms,
        DeliveryChannel::Store,
    ];

    /// The stable name, as used by consent (`email`, `push`, `sms`, `store`) and in
    /// Redis fields.
    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryChannel::Email => "email",
            DeliveryChannel::Push => "push",
            DeliveryChannel::Sms => "sms",
            DeliveryChannel::Store => "store",
        }
    }

    /// The channel an offer placement is delivered through; `None` for the app
    /// banner, which is not a delivery channel.
    pub fn of_placement(p: Placement) -> Option<DeliveryChannel> {
        match p {
            Placement::EmailHero => Some(DeliveryChannel::Email),
            Placement::Push => Some(DeliveryChannel::Push),
            Placement::Sms => Some(DeliveryChannel::Sms),
            Placement::StoreCoupon => Some(DeliveryChannel::Store),
            Placement::AppBanner => None,
        }
    }

    /// The identifier type (and trait) holding the channel's addresses.
    fn address_kind(self) -> &'static str {
        match self {
            DeliveryChannel::Email => "email",
            DeliveryChannel::Push => "push_token",
            DeliveryChannel::Sms => "phone",
            DeliveryChannel::Store => "home_store",
        }
    }
}

/// Why a message is sent, for consent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Purpose {
    /// Promotional.
    #[default]
    Marketing,
    /// Expected by the customer.
    Transactional,
}

impl Purpose {
    /// The consent purpose name.
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::Marketing => MARKETING,
            Purpose::Transactional => TRANSACTIONAL,
        }
    }
}

/// A channel to consider, as the caller described it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChannelCandidate {
    /// The channel.
    pub channel: DeliveryChannel,
    /// Cost of one message (>= 0).
    pub cost: f64,
    /// Contacts left in the customer's budget; `None`: no budget.
    pub remaining_contacts: Option<i64>,
}

/// Trials and successes on one channel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Engagement {
    /// Impressions.
    pub trials: i64,
    /// First clicks or conversions.
    pub successes: i64,
}

/// What was made of one channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChannelOutcome {
    /// The best usable channel.
    Chosen,
    /// Usable, ranked lower.
    Ranked,
    /// No address.
    Unreachable,
    /// Consent refused (or globally unsubscribed from marketing).
    NoConsent,
    /// No contacts left in the budget.
    BudgetExhausted,
}

/// One channel, ranked and explained.
#[derive(Clone, Debug, PartialEq)]
pub struct RankedChannel {
    /// The channel.
    pub channel: DeliveryChannel,
    /// Its outcome.
    pub outcome: ChannelOutcome,
    /// 1-based rank among usable channels; 0 when excluded.
    pub rank: i32,
    /// Ranking score; 0 when excluded.
    pub score: f64,
    /// Blended engagement rate.
    pub engagement_rate: f64,
    /// The customer's counts on the channel.
    pub own: Engagement,
    /// The workspace's Laplace-smoothed rate.
    pub workspace_rate: f64,
    /// Cost of one message.
    pub cost: f64,
    /// Addresses on the profile.
    pub addresses: usize,
    /// Why.
    pub reason: String,
}

/// Everything [`rank`] needs about one candidate besides the profile and consent.
#[derive(Clone, Copy, Debug)]
pub struct Evidence {
    /// The candidate.
    pub candidate: ChannelCandidate,
    /// The customer's engagement on the channel.
    pub own: Engagement,
    /// The workspace's engagement on the channel.
    pub workspace: Engagement,
}

/// The profile's distinct, non-blank addresses for `channel`: identifiers of the
/// channel's type, plus the trait of the same name.
pub fn addresses(channel: DeliveryChannel, profile: &StoredProfile) -> Vec<String> {
    let kind = channel.address_kind();
    let mut found: Vec<String> = profile
        .identifiers
        .iter()
        .filter(|(t, _)| t == kind)
        .map(|(_, v)| v.trim().to_owned())
        .filter(|v| !v.is_empty())
        .collect();
    if let Some(t) = profile
        .traits
        .get(kind)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|v| !v.is_empty())
    {
        found.push(t.to_owned());
    }
    found.sort();
    found.dedup();
    found
}

fn unreachable_reason(channel: DeliveryChannel) -> String {
    match channel {
        DeliveryChannel::Email => "unreachable: no `email` identifier or trait".into(),
        DeliveryChannel::Sms => "unreachable: no `phone` identifier or trait".into(),
        DeliveryChannel::Push => "unreachable: no `push_token` identifier or trait".into(),
        DeliveryChannel::Store => "unreachable: no `home_store` trait".into(),
    }
}

/// The customer's blended engagement rate and the workspace's smoothed rate.
pub fn engagement_rate(own: Engagement, workspace: Engagement) -> (f64, f64) {
    let ws_trials = workspace.trials.max(0) as f64;
    let ws_succ = workspace.successes.clamp(0, workspace.trials.max(0)) as f64;
    let workspace_rate = (ws_succ + 1.0) / (ws_trials + 2.0);
    let n = own.trials.max(0) as f64;
    let s = own.successes.clamp(0, own.trials.max(0)) as f64;
    (
        (s + PRIOR_STRENGTH * workspace_rate) / (n + PRIOR_STRENGTH),
        workspace_rate,
    )
}

/// Screens, scores and ranks `evidence` (in request order) for a customer with
/// `profile` and `consent`: usable channels by rank first, then excluded ones in
/// request order.
pub fn rank(
    evidence: &[Evidence],
    profile: &StoredProfile,
    consent: &ConsentSnapshot,
    purpose: Purpose,
    engagement_value: f64,
) -> Vec<RankedChannel> {
    let mut usable: Vec<(usize, RankedChannel, i64)> = Vec::new();
    let mut excluded: Vec<RankedChannel> = Vec::new();
    for (i, e) in evidence.iter().enumerate() {
        let c = e.candidate;
        let found = addresses(c.channel, profile);
        let (rate, workspace_rate) = engagement_rate(e.own, e.workspace);
        let mut ranked = RankedChannel {
            channel: c.channel,
            outcome: ChannelOutcome::Ranked,
            rank: 0,
            score: 0.0,
            engagement_rate: rate,
            own: e.own,
            workspace_rate,
            cost: c.cost,
            addresses: found.len(),
            reason: String::new(),
        };
        if found.is_empty() {
            ranked.outcome = ChannelOutcome::Unreachable;
            ranked.reason = unreachable_reason(c.channel);
            excluded.push(ranked);
            continue;
        }
        let (channel, p) = (c.channel.as_str(), purpose.as_str());
        if !consent.allows(channel, p) {
            ranked.outcome = ChannelOutcome::NoConsent;
            ranked.reason = if purpose == Purpose::Marketing && consent.is_unsubscribed() {
                "no consent: the customer is globally unsubscribed from marketing".into()
            } else {
                let source = consent
                    .decisions
                    .get(&(channel.to_owned(), p.to_owned()))
                    .map(|d| d.source.as_str())
                    .filter(|s| !s.is_empty())
                    .map(|s| format!(" (source `{s}`)"))
                    .unwrap_or_default();
                format!("no consent: the customer refused {p} messages on {channel}{source}")
            };
            excluded.push(ranked);
            continue;
        }
        if c.remaining_contacts == Some(0) {
            ranked.outcome = ChannelOutcome::BudgetExhausted;
            ranked.reason = "budget exhausted: no contacts left in the customer's budget".into();
            excluded.push(ranked);
            continue;
        }
        let consent_note = match consent.decisions.get(&(channel.to_owned(), p.to_owned())) {
            Some(d) if d.granted => format!("{p} consent granted"),
            _ => format!("{p} consent not refused (opt-out)"),
        };
        let n = e.own.trials.max(0);
        let s = e.own.successes.clamp(0, n);
        let mut reason = format!(
            "reachable at {} address(es); {consent_note}; engagement rate {} = ({s} + {PRIOR_STRENGTH} × {}) / ({n} + {PRIOR_STRENGTH}) from {s} of {n} own trials and the workspace rate {} ({} of {} trials)",
            found.len(),
            round(rate),
            round(workspace_rate),
            round(workspace_rate),
            e.workspace.successes.max(0),
            e.workspace.trials.max(0),
        );
        ranked.score = if engagement_value > 0.0 {
            let score = rate * engagement_value - c.cost;
            reason.push_str(&format!(
                "; score = {} × value {engagement_value} − cost {} = {}",
                round(rate),
                c.cost,
                round(score)
            ));
            score
        } else {
            reason.push_str(&format!("; score = engagement rate {}", round(rate)));
            if c.cost > 0.0 {
                reason.push_str(&format!(", cost {} breaks ties", c.cost));
            }
            rate
        };
        if let Some(left) = c.remaining_contacts {
            reason.push_str(&format!("; {left} contact(s) left in the budget"));
        }
        ranked.reason = reason;
        usable.push((i, ranked, c.remaining_contacts.unwrap_or(i64::MAX)));
    }
    usable.sort_by(|(ia, a, la), (ib, b, lb)| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.cost.total_cmp(&b.cost))
            .then_with(|| lb.cmp(la))
            .then_with(|| ia.cmp(ib))
    });
    let total = usable.len();
    let mut out: Vec<RankedChannel> = Vec::with_capacity(evidence.len());
    let best = usable.first().map(|(_, r, _)| (r.channel, r.score));
    for (k, (_, mut r, _)) in usable.into_iter().enumerate() {
        r.rank = k as i32 + 1;
        if k == 0 {
            r.outcome = ChannelOutcome::Chosen;
            r.reason.push_str(&format!("; best of {total} usable"));
        } else if let Some((channel, score)) = best {
            r.reason.push_str(&format!(
                "; ranked {} of {total}, below {} ({})",
                k + 1,
                channel.as_str(),
                round(score)
            ));
        }
        out.push(r);
    }
    out.extend(excluded);
    out
}

/// Rounds to 6 decimals for explanations.
fn round(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// Per-channel engagement counters in Redis.
#[derive(Clone)]
pub struct ChannelStats {
    conn: ConnectionManager,
}

impl std::fmt::Debug for ChannelStats {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChannelStats").finish_non_exhaustive()
    }
}

fn customer_key(ws: &str, customer: &str) -> String {
    format!("dec:{{{ws}:{customer}}}:chan")
}

fn workspace_key(ws: &str) -> String {
    format!("dec:{{{ws}}}:chan")
}

impl ChannelStats {
    /// Counters over a shared Redis connection.
    pub fn new(conn: ConnectionManager) -> Self {
        Self { conn }
    }

    /// Adds `trials` and `successes` on `channel` for the customer and the workspace.
    pub async fn record(
        &self,
        ws: &str,
        customer: &str,
        channel: DeliveryChannel,
        trials: i64,
        successes: i64,
    ) -> Result<(), Error> {
        if trials == 0 && successes == 0 {
            return Ok(());
        }
        let mut pipe = redis::pipe();
        for key in [customer_key(ws, customer), workspace_key(ws)] {
            if trials != 0 {
                pipe.hincr(&key, format!("{}|n", channel.as_str()), trials)
                    .ignore();
            }
            if successes != 0 {
                pipe.hincr(&key, format!("{}|s", channel.as_str()), successes)
                    .ignore();
            }
        }
        pipe.query_async::<()>(&mut self.conn.clone()).await?;
        Ok(())
    }

    /// The customer's and the workspace's engagement on each of `channels`, in order.
    pub async fn load(
        &self,
        ws: &str,
        customer: &str,
        channels: &[DeliveryChannel],
    ) -> Result<Vec<(Engagement, Engagement)>, Error> {
        if channels.is_empty() {
            return Ok(Vec::new());
        }
        let fields: Vec<String> = channels
            .iter()
            .flat_map(|c| [format!("{}|n", c.as_str()), format!("{}|s", c.as_str())])
            .collect();
        let (own, all): (Vec<Option<i64>>, Vec<Option<i64>>) = redis::pipe()
            .cmd("HMGET")
            .arg(customer_key(ws, customer))
            .arg(&fields)
            .cmd("HMGET")
            .arg(workspace_key(ws))
            .arg(&fields)
            .query_async(&mut self.conn.clone())
            .await?;
        let pairs = |v: &[Option<i64>]| -> Vec<Engagement> {
            v.chunks(2)
                .map(|c| Engagement {
                    trials: c[0].unwrap_or(0),
                    successes: c.get(1).copied().flatten().unwrap_or(0),
                })
                .collect()
        };
        Ok(pairs(&own).into_iter().zip(pairs(&all)).collect())
    }
}

#[cfg(test)]
mod tests {
    use omni_profile_store::PurposeConsent;
    use serde_json::json;

    use super::*;

    fn profile(ids: &[(&str, &str)], traits: serde_json::Value) -> StoredProfile {
        StoredProfile {
            customer_id: "c".into(),
            identifiers: ids
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
            traits: traits.as_object().cloned().unwrap_or_default(),
            ..Default::default()
        }
    }

    fn evidence(channel: DeliveryChannel, own: (i64, i64), ws: (i64, i64)) -> Evidence {
        Evidence {
            candidate: ChannelCandidate {
                channel,
                cost: 0.0,
                remaining_contacts: None,
            },
            own: Engagement {
                trials: own.0,
                successes: own.1,
            },
            workspace: Engagement {
                trials: ws.0,
                successes: ws.1,
            },
        }
    }

    #[test]
    fn rates_blend_the_customer_with_the_workspace_prior() {
        let none = Engagement::default();
        assert_eq!(engagement_rate(none, none), (0.5, 0.5));
        // Workspace 9 of 98 → (9 + 1) / (98 + 2) = 0.1; customer 6 of 10 →
        // (6 + 10 × 0.1) / (10 + 10) = 0.35.
        let (rate, ws) = engagement_rate(
            Engagement {
                trials: 10,
                successes: 6,
            },
            Engagement {
                trials: 98,
                successes: 9,
            },
        );
        assert!((ws - 0.1).abs() < 1e-12, "{ws}");
        assert!((rate - 0.35).abs() < 1e-12, "{rate}");
    }

    #[test]
    fn addresses_come_from_identifiers_and_traits() {
        let p = profile(
            &[("email", "b@x.io"), ("email", " "), ("phone", "+1")],
            json!({"email": "a@x.io", "home_store": "s1", "push_token": ""}),
        );
        assert_eq!(addresses(DeliveryChannel::Email, &p), ["a@x.io", "b@x.io"]);
        assert_eq!(addresses(DeliveryChannel::Sms, &p), ["+1"]);
        assert!(addresses(DeliveryChannel::Push, &p).is_empty());
        assert_eq!(addresses(DeliveryChannel::Store, &p), ["s1"]);
    }

    #[test]
    fn excluded_channels_keep_request_order_and_say_why() {
        let p = profile(&[("email", "a@x.io"), ("phone", "+1")], json!({}));
        let mut consent = ConsentSnapshot::default();
        consent.decisions.insert(
            ("sms".into(), MARKETING.into()),
            PurposeConsent {
                granted: false,
                updated_ms: 1,
                source: "sms:stop".into(),
                proof: String::new(),
            },
        );
        let mut email = evidence(DeliveryChannel::Email, (0, 0), (0, 0));
        email.candidate.remaining_contacts = Some(0);
        let ev = [
            evidence(DeliveryChannel::Push, (0, 0), (0, 0)),
            evidence(DeliveryChannel::Sms, (0, 0), (0, 0)),
            email,
        ];
        let r = rank(&ev, &p, &consent, Purpose::Marketing, 0.0);
        let outcomes: Vec<_> = r.iter().map(|r| (r.channel, r.outcome)).collect();
        assert_eq!(
            outcomes,
            [
                (DeliveryChannel::Push, ChannelOutcome::Unreachable),
                (DeliveryChannel::Sms, ChannelOutcome::NoConsent),
                (DeliveryChannel::Email, ChannelOutcome::BudgetExhausted),
            ]
        );
        assert!(r[1].reason.contains("source `sms:stop`"), "{}", r[1].reason);
        // Transactional messages are not refused by a marketing opt-out.
        let r = rank(&ev[1..2], &p, &consent, Purpose::Transactional, 0.0);
        assert_eq!(r[0].outcome, ChannelOutcome::Chosen);
    }

    #[test]
    fn engagement_value_and_cost_trade_off() {
        let p = profile(&[("email", "a@x.io"), ("phone", "+1")], json!({}));
        let consent = ConsentSnapshot::default();
        let mut email = evidence(DeliveryChannel::Email, (10, 1), (0, 0));
        email.candidate.cost = 0.001;
        let mut sms = evidence(DeliveryChannel::Sms, (10, 5), (0, 0));
        sms.candidate.cost = 0.05;
        // Rates: email (1 + 5) / 20 = 0.3, SMS (5 + 5) / 20 = 0.5.
        let r = rank(&[email, sms], &p, &consent, Purpose::Marketing, 0.0);
        assert_eq!(r[0].channel, DeliveryChannel::Sms);
        assert_eq!(r[0].rank, 1);
        assert_eq!(r[1].outcome, ChannelOutcome::Ranked);
        // Worth 0.2 an engagement: email 0.3 × 0.2 − 0.001 = 0.059 beats
        // SMS 0.5 × 0.2 − 0.05 = 0.05.
        let r = rank(&[email, sms], &p, &consent, Purpose::Marketing, 0.2);
        assert_eq!(r[0].channel, DeliveryChannel::Email);
        assert!((r[0].score - 0.059).abs() < 1e-12, "{}", r[0].score);
        assert!(r[0].reason.contains("− cost 0.001"), "{}", r[0].reason);
        // Equal rates: the cheaper one wins.
        let mut push = evidence(DeliveryChannel::Push, (0, 0), (0, 0));
        push.candidate.cost = 0.0;
        let mut email = evidence(DeliveryChannel::Email, (0, 0), (0, 0));
        email.candidate.cost = 0.01;
        let p = profile(&[("email", "a@x.io"), ("push_token", "t")], json!({}));
        let r = rank(&[email, push], &p, &consent, Purpose::Marketing, 0.0);
        assert_eq!(r[0].channel, DeliveryChannel::Push);
    }
}
