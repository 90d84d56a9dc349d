//! The offer and decision domain model.

use serde::{Deserialize, Serialize};

omni_common::id_type!(
    /// An offer in the catalogue, e.g. `offer_0190...`.
    OfferId,
    "offer"
);
omni_common::id_type!(
    /// A logged decision, e.g. `dec_0190...`.
    DecisionId,
    "dec"
);

/// The top-level variables an eligibility expression may use: the profile's `traits`
/// (map) and `events` (event type to count), the customer's `segments` (list of segment
/// ids), the request `context` (map), `now` (timestamp) and `computed` (values derived
/// from the live profile, see `decide::computed`).
pub const VARIABLES: &[&str] = &["traits", "events", "segments", "context", "now", "computed"];

/// Where an offer is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Placement {
    /// The hero block of an email.
    EmailHero,
    /// A push notification.
    Push,
    /// An SMS.
    Sms,
    /// A coupon issued in store or at the point of sale.
    StoreCoupon,
    /// A banner in the mobile app.
    AppBanner,
}

impl Placement {
    /// The stable name used in logs, Redis keys and explanations.
    pub fn as_str(self) -> &'static str {
        match self {
            Placement::EmailHero => "email_hero",
            Placement::Push => "push",
            Placement::Sms => "sms",
            Placement::StoreCoupon => "store_coupon",
            Placement::AppBanner => "app_banner",
        }
    }

    /// Parses [`Placement::as_str`].
    pub fn parse(s: &str) -> Option<Placement> {
        [
            Placement::EmailHero,
            Placement::Push,
            Placement::Sms,
            Placement::StoreCoupon,
            Placement::AppBanner,
        ]
        .into_iter()
        .find(|p| p.as_str() == s)
    }
}

/// Lifecycle state of an offer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OfferState {
    /// Considered by `Decide`.
    #[default]
    Active,
    /// Kept for history; never decided.
    Archived,
}

impl OfferState {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            OfferState::Active => "active",
            OfferState::Archived => "archived",
        }
    }
}

/// Where an offer's propensity comes from when the request carries no model score.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PropensityModel {
    /// A constant propensity of 1.
    #[default]
    Fixed,
    /// Thompson sampling from the offer's Beta posterior in the placement.
    Thompson,
}

/// The content an offer shows in one placement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlacementContent {
    /// The placement.
    pub placement: Placement,
    /// Reference to the creative (template id, asset URL).
    pub content_ref: String,
    /// Placement-specific content, merged over the offer's content.
    #[serde(default)]
    pub content: serde_json::Map<String, serde_json::Value>,
}

/// Per-customer frequency cap; 0 means no limit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerCap {
    /// Grants per UTC calendar day.
    pub max_per_day: i64,
    /// Grants per ISO week (Monday 00:00 UTC).
    pub max_per_week: i64,
    /// Grants ever.
    pub max_lifetime: i64,
}

impl CustomerCap {
    /// True when any limit is set.
    pub fn is_set(&self) -> bool {
        self.max_per_day > 0 || self.max_per_week > 0 || self.max_lifetime > 0
    }
}

/// Global inventory or budget cap; 0 means no limit. Money is kept in micro-units so
/// Redis counts it exactly.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlobalCap {
    /// Total grants (inventory).
    pub max_grants: i64,
    /// Total budget in micro-units of the workspace currency.
    pub budget_micros: i64,
    /// Budget consumed per grant, in micro-units.
    pub cost_micros: i64,
}

impl GlobalCap {
    /// True when any limit is set.
    pub fn is_set(&self) -> bool {
        self.max_grants > 0 || self.budget_micros > 0
    }
}

/// Everything a caller sets on an offer; a version is an immutable copy of this.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OfferSpec {
    /// Human-readable name, non-empty.
    pub display_name: String,
    /// CEL over [`VARIABLES`]; empty means always eligible.
    pub eligibility: String,
    /// Business value used in ranking, finite and >= 0.
    pub value: f64,
    /// Business weight multiplier, finite and >= 0; 0 is read as 1.
    pub weight: f64,
    /// Free-form content (codes, images, copy) for rendering.
    pub content: serde_json::Map<String, serde_json::Value>,
    /// Placements it may be shown in (empty: any), each with its content.
    #[serde(default)]
    pub placements: Vec<PlacementContent>,
    /// Start of the validity window (unix ms).
    #[serde(default)]
    pub valid_from_ms: Option<i64>,
    /// End of the validity window, exclusive (unix ms).
    #[serde(default)]
    pub valid_until_ms: Option<i64>,
    /// Per-customer frequency cap.
    #[serde(default)]
    pub customer_cap: CustomerCap,
    /// Global inventory/budget cap.
    #[serde(default)]
    pub global_cap: GlobalCap,
    /// Products the offer promotes.
    #[serde(default)]
    pub product_ids: Vec<String>,
    /// Priority tier; higher always ranks first.
    #[serde(default)]
    pub priority: i32,
    /// A fallback offer for its placements.
    #[serde(default)]
    pub fallback: bool,
    /// Where the propensity comes from.
    #[serde(default)]
    pub propensity_model: PropensityModel,
}

impl OfferSpec {
    /// The weight used in ranking: the stored weight, or 1 when it is 0.
    pub fn effective_weight(&self) -> f64 {
        if self.weight == 0.0 { 1.0 } else { self.weight }
    }

    /// Whether the offer may be shown in `placement` (`None`: any placement asked).
    pub fn serves(&self, placement: Option<Placement>) -> bool {
        match placement {
            None => true,
            Some(p) => {
                self.placements.is_empty() || self.placements.iter().any(|c| c.placement == p)
            }
        }
    }

    /// The offer's content with the placement's content merged over it.
    pub fn content_for(
        &self,
        placement: Option<Placement>,
    ) -> serde_json::Map<String, serde_json::Value> {
        let mut content = self.content.clone();
        if let Some(pc) = placement.and_then(|p| self.placements.iter().find(|c| c.placement == p))
        {
            for (k, v) in &pc.content {
                content.insert(k.clone(), v.clone());
            }
            if !pc.content_ref.is_empty() {
                content.insert(
                    "content_ref".into(),
                    serde_json::Value::String(pc.content_ref.clone()),
                );
            }
        }
        content
    }
}

/// An offer in the catalogue at one version.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Offer {
    /// Server-assigned id.
    pub id: OfferId,
    /// Version number, 1 on creation.
    pub version: i64,
    /// Lifecycle state.
    pub state: OfferState,
    /// What the caller set.
    pub spec: OfferSpec,
    /// Creation time of the offer, unix milliseconds.
    pub create_ms: i64,
    /// Time of this version, unix milliseconds.
    pub update_ms: i64,
}

/// Why a candidate was chosen or excluded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// A chosen offer.
    Chosen,
    /// Eligible but ranked lower.
    Outranked,
    /// The eligibility expression was false.
    Ineligible,
    /// The eligibility expression could not be evaluated; treated as ineligible.
    Error,
    /// A per-customer or global cap was reached.
    Capped,
    /// The validity window has ended.
    Expired,
    /// The customer already bought a product the offer promotes.
    Purchased,
    /// The customer already redeemed the offer.
    Redeemed,
    /// The validity window has not started.
    NotYetValid,
    /// The customer's experiment arm excludes the offer.
    Experiment,
}

/// One offer considered by a decision.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    /// The offer.
    pub offer_id: OfferId,
    /// What happened to it.
    pub outcome: Outcome,
    /// propensity × value × weight for eligible offers, 0 otherwise.
    pub score: f64,
    /// Human-readable explanation.
    pub reason: String,
    /// The offer version considered.
    #[serde(default)]
    pub offer_version: i64,
    /// The propensity used (0 when not scored).
    #[serde(default)]
    pub propensity: f64,
    /// `fixed`, `thompson` or `model` (empty when not scored).
    #[serde(default)]
    pub propensity_source: String,
    /// The offer's priority tier.
    #[serde(default)]
    pub priority: i32,
    /// 1-based rank among chosen offers; 0 when not chosen.
    #[serde(default)]
    pub rank: i32,
}

/// A logged decision.
#[derive(Clone, Debug, PartialEq)]
pub struct Decision {
    /// Its id, as logged.
    pub id: DecisionId,
    /// The (surviving) customer decided for.
    pub customer_id: String,
    /// The placement decided for (`None`: any).
    pub placement: Option<Placement>,
    /// The chosen offers, best first, with placement content merged into their content.
    pub chosen: Vec<Offer>,
    /// Every candidate, best first.
    pub candidates: Vec<Candidate>,
    /// The experiment and arm the customer was assigned to, if any.
    pub experiment: Option<(String, String)>,
    /// True when the arm is a holdout.
    pub holdout: bool,
    /// When it was made, unix milliseconds.
    pub create_ms: i64,
}
