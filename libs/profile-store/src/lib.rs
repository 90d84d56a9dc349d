//! Typed Redis access to the real-time customer profile.
//!
//! Identity writes profiles (traits, identifiers, event counts, consent, first/last
//! seen) and every other service reads them through [`ProfileStore`]. Segment also
//! keeps live segment membership here. Per-customer keys are hash-tagged by
//! `{<workspace>:<customer>}`:
//!
//! | key | type | content |
//! |---|---|---|
//! | `p:{ws:cid}:traits` | hash | trait name -> JSON value |
//! | `p:{ws:cid}:ids` | set | `type:value` identifiers |
//! | `p:{ws:cid}:counts` | hash | event type -> count |
//! | `p:{ws:cid}:consent` | hash | channel -> JSON `{granted, updated_ms}` |
//! | `p:{ws:cid}:meta` | hash | `first_seen_ms`, `last_seen_ms` |
//! | `p:{ws:cid}:consentp` | hash | `channel:purpose` -> JSON [`PurposeConsent`]; `global_unsubscribe` -> JSON [`GlobalUnsubscribe`] |
//! | `p:{ws:cid}:ttypes` | hash | trait name -> type declared by Identify |
//! | `p:{ws:cid}:act` | hash | `orders`, `revenue_micros`, `last_purchase_ms`, `store_id`, `store_ms`, `open:<ch>`, `click:<ch>`, `opens:<ch>`, `clicks:<ch>` |
//! | `p:{ws:cid}:products` | sorted set | product id -> last bought (ms), newest 200 |
//! | `p:{ws:cid}:push` | hash | `app\tplatform\ttoken` -> `1:<ms>` registered / `0:<ms>` removed |
//! | `p:ws:alias:<old cid>` | string | the customer it was merged into |
//! | `seg:{ws:cid}:m` | hash | segment id -> entered at (ms) |
//! | `p:{ws:cid}:computed` | hash | computed trait name -> JSON value (written by segment) |
//! | `p:{ws:cid}:dnd` | string | JSON [`ContactPreferences`]: the customer's quiet hours and snoozes |
//!
//! `consent` holds the *effective marketing* decision per channel (granted and not
//! globally unsubscribed), so readers of [`StoredProfile::consents`] honour a global
//! unsubscribe; [`ProfileStore::consent`] gives the full picture per purpose and
//! [`ConsentSnapshot::allows`] the answer a sender needs.
//!
//! Writes that touch several keys run in one `MULTI`/`EXEC` transaction. Redis is a
//! projection: identity can rebuild every profile from its SQL event log.

mod activity;
mod consent;
mod error;
mod keys;
mod preferences;
mod profile;
mod store;

pub use activity::{
    ActivityUpdate, Engagement, MAX_PRODUCTS, ProfileActivity, Purchase, PurchaseSummary,
    PushTokenChange, PushTokenKey, PushTokenState,
};
pub use consent::{
    CHANNELS, ConsentSnapshot, GlobalUnsubscribe, MARKETING, PurposeConsent, TRANSACTIONAL,
};
pub use error::Error;
pub use preferences::{ContactPreferences, QuietPeriod, Snooze};
pub use profile::{ConsentState, ProfileParts, ProfileUpdate, ReadParts, StoredProfile};
pub use store::ProfileStore;
