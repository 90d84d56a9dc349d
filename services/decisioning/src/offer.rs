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
/// ids), the request `context` (map) and `now` (timestamp).
pub const VARIABLES: &[&str] = &["traits", "events", "segments", "context", "now"];

/// An offer in the catalogue.
#[derive(Clone, Debug, PartialEq)]
pub struct Offer {
    /// Server-assigned id.
    pub id: OfferId,
    /// Human-readable name, available to templates.
    pub display_name: String,
    /// CEL over [`VARIABLES`]; empty means always eligible.
    pub eligibility: String,
    /// Business value used in ranking, finite and >= 0.
    pub value: f64,
    /// Business weight multiplier, finite and >= 0; 0 is read as 1.
    pub weight: f64,
    /// Free-form content (codes, images, copy) for rendering.
    pub content: serde_json::Map<String, serde_json::Value>,
    /// Creation time, unix milliseconds.
    pub create_ms: i64,
}

impl Offer {
    /// The weight used in ranking: the stored weight, or 1 when it is 0.
    pub fn effective_weight(&self) -> f64 {
        if self.weight == 0.0 { 1.0 } else { self.weight }
    }
}

/// What a caller supplies to create an offer (validated by `convert::new_offer`).
#[derive(Clone, Debug, PartialEq)]
pub struct NewOffer {
    /// Human-readable name, non-empty.
    pub display_name: String,
    /// CEL over [`VARIABLES`]; empty means always eligible.
    pub eligibility: String,
    /// Business value, finite and >= 0.
    pub value: f64,
    /// Business weight, finite and >= 0.
    pub weight: f64,
    /// Free-form content.
    pub content: serde_json::Map<String, serde_json::Value>,
}

/// Why a candidate was chosen or excluded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The chosen offer.
    Chosen,
    /// Eligible but ranked lower.
    Outranked,
    /// The eligibility expression was false.
    Ineligible,
    /// The eligibility expression could not be evaluated; treated as ineligible.
    Error,
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
}

/// A logged decision.
#[derive(Clone, Debug, PartialEq)]
pub struct Decision {
    /// Its id, as logged.
    pub id: DecisionId,
    /// The (surviving) customer decided for.
    pub customer_id: String,
    /// The chosen offer, if any was eligible.
    pub chosen: Option<Offer>,
    /// Every candidate, best first.
    pub candidates: Vec<Candidate>,
    /// When it was made, unix milliseconds.
    pub create_ms: i64,
}
