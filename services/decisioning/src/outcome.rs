//! `RecordOutcome`: what happened to a decided offer, recorded once, feeding the
//! bandits, the exclusions, the experiment results and the send-time histograms.
//!
//! Idempotency is by (decision, offer, kind) in SQL: the row is inserted first and
//! only a fresh insert changes Redis, so a retried call changes nothing twice. For the
//! bandit, a click, conversion or dismiss without an impression implies one (so the
//! posterior never sees more successes than trials), and only the first click or
//! conversion of a decided offer counts as its success.

use omni_common::clock::SharedClock;
use omni_common::ids::WorkspaceId;
use omni_profile_store::ProfileStore;

use crate::bandit::{self, Bandits};
use crate::channel::{ChannelStats, DeliveryChannel};
use crate::error::Error;
use crate::exclusions::ExclusionStore;
use crate::offer::{DecisionId, Offer};
use crate::sendtime::{self, Histograms};
use crate::store::Store;

/// What happened to an offer after it was decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OutcomeKind {
    /// Shown.
    Impression,
    /// Clicked or opened.
    Click,
    /// Redeemed.
    Conversion,
    /// Dismissed.
    Dismiss,
}

impl OutcomeKind {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            OutcomeKind::Impression => "impression",
            OutcomeKind::Click => "click",
            OutcomeKind::Conversion => "conversion",
            OutcomeKind::Dismiss => "dismiss",
        }
    }

    /// Parses a stored name; `None` for internal markers.
    pub fn parse(s: &str) -> Option<OutcomeKind> {
        [
            OutcomeKind::Impression,
            OutcomeKind::Click,
            OutcomeKind::Conversion,
            OutcomeKind::Dismiss,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// Internal outcome row marking the first success of a decided offer.
const FIRST_SUCCESS: &str = "first_success";

/// The profile trait holding a customer's IANA time zone.
pub const TIMEZONE_TRAIT: &str = "timezone";

/// Records outcomes.
pub struct Recorder {
    store: Store,
    bandits: Bandits,
    channels: ChannelStats,
    histograms: Histograms,
    exclusions: ExclusionStore,
    profiles: ProfileStore,
    clock: SharedClock,
}

impl Recorder {
    /// A recorder over the decision log and the Redis state it feeds (offer bandits,
    /// per-channel engagement, histograms, exclusions).
    pub fn new(
        store: Store,
        bandits: Bandits,
        channels: ChannelStats,
        histograms: Histograms,
        exclusions: ExclusionStore,
        profiles: ProfileStore,
        clock: SharedClock,
    ) -> Self {
        Self {
            store,
            bandits,
            channels,
            histograms,
            exclusions,
            profiles,
            clock,
        }
    }

    /// Records `kind` for `offer_id` of decision `id` (the decision's only offer, or
    /// the decision as a whole when it chose none, when `offer_id` is `None`). Returns
    /// true when it had been recorded before (and nothing changed).
    pub async fn record(
        &self,
        ws: &WorkspaceId,
        id: &DecisionId,
        offer_id: Option<&str>,
        kind: OutcomeKind,
        occur_ms: Option<i64>,
    ) -> Result<bool, Error> {
        let stored = self
            .store
            .decision(ws, id)
            .await?
            .ok_or_else(|| Error::NotFound {
                kind: "decision",
                id: id.to_string(),
            })?;
        let d = stored.decision;
        let offer: Option<&Offer> = match offer_id {
            Some(o) => Some(
                d.chosen
                    .iter()
                    .find(|c| c.id.as_str() == o)
                    .ok_or_else(|| {
                        Error::invalid(
                            "offer_id",
                            format!("offer `{o}` was not chosen by decision `{id}`"),
                        )
                    })?,
            ),
            None => match d.chosen.as_slice() {
                [] => None,
                [only] => Some(only),
                many => {
                    return Err(Error::invalid(
                        "offer_id",
                        format!("is required: decision `{id}` chose {} offers", many.len()),
                    ));
                }
            },
        };
        let now = self.clock.now_ms();
        let occur = occur_ms.unwrap_or(now);
        let offer_key = offer.map_or("", |o| o.id.as_str());
        if !self
            .store
            .insert_outcome(ws, id, offer_key, kind.as_str(), occur, now)
            .await?
        {
            return Ok(true);
        }
        if let Some(offer) = offer {
            let mut trials = i64::from(kind == OutcomeKind::Impression);
            let mut successes = 0;
            if kind != OutcomeKind::Impression {
                let imp = OutcomeKind::Impression.as_str();
                if self
                    .store
                    .insert_outcome(ws, id, offer_key, imp, occur, now)
                    .await?
                {
                    trials = 1;
                }
                if matches!(kind, OutcomeKind::Click | OutcomeKind::Conversion)
                    && self
                        .store
                        .insert_outcome(ws, id, offer_key, FIRST_SUCCESS, occur, now)
                        .await?
                {
                    successes = 1;
                }
            }
            self.bandits
                .record(
                    ws.as_str(),
                    &bandit::arm(&offer.id, d.placement),
                    trials,
                    successes,
                )
                .await?;
            // The same trial and success count for the channel the placement is
            // delivered through (best channel).
            if let Some(channel) = d.placement.and_then(DeliveryChannel::of_placement) {
                self.channels
                    .record(ws.as_str(), &d.customer_id, channel, trials, successes)
                    .await?;
            }
        }
        if kind == OutcomeKind::Conversion {
            if let Some(offer) = offer {
                self.exclusions
                    .record_conversion(
                        ws.as_str(),
                        &d.customer_id,
                        offer.id.as_str(),
                        &offer.spec.product_ids,
                    )
                    .await?;
            }
            if let Some((experiment, _)) = &d.experiment {
                self.store
                    .mark_converted(ws, experiment, &d.customer_id, occur)
                    .await?;
            }
        }
        if matches!(kind, OutcomeKind::Click | OutcomeKind::Conversion) {
            let tz = self
                .profiles
                .get(ws.as_str(), &d.customer_id)
                .await?
                .and_then(|p| {
                    p.traits
                        .get(TIMEZONE_TRAIT)
                        .and_then(|v| v.as_str())
                        .and_then(sendtime::parse_tz)
                })
                .unwrap_or_else(sendtime::utc);
            self.histograms
                .record(ws.as_str(), &d.customer_id, sendtime::from_ms(occur), tz)
                .await?;
        }
        tracing::debug!(workspace = %ws, decision = %id, offer = offer_key, kind = kind.as_str(), "outcome recorded");
        Ok(false)
    }
}
