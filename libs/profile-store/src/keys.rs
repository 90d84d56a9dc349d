//! The Redis key layout of a profile. Per-customer keys share a hash tag
//! (`{<workspace>:<customer>}`), so one customer's keys live in one cluster slot and
//! can be written in one transaction.

/// Every key of one customer's profile and segment membership.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CustomerKeys {
    /// Hash: trait name -> JSON value.
    pub traits: String,
    /// Set of `type:value` identifiers.
    pub ids: String,
    /// Hash: event type -> count.
    pub counts: String,
    /// Hash: channel -> JSON `{granted, updated_ms}`.
    pub consent: String,
    /// Hash: `first_seen_ms`, `last_seen_ms`.
    pub meta: String,
    /// Hash: `<channel>:<purpose>` -> JSON [`crate::PurposeConsent`], and
    /// `global_unsubscribe` -> JSON [`crate::GlobalUnsubscribe`].
    pub consent_purposes: String,
    /// Hash: segment id -> entered at (ms).
    pub memberships: String,
    /// String: the customer this one was merged into.
    pub alias: String,
    /// Hash: computed trait name -> JSON value, written by the segment service.
    pub computed: String,
    /// Hash: trait name -> type declared by Identify.
    pub trait_types: String,
    /// Hash: purchase summary, last store, engagement counters (see `activity`).
    pub activity: String,
    /// Sorted set: product id -> when last bought (ms).
    pub products: String,
    /// Hash: `app\tplatform\ttoken` -> `<1|0>:<ms>` (registered or removed, when).
    pub push: String,
    /// String: JSON [`crate::ContactPreferences`] (quiet hours, snoozes).
    pub preferences: String,
}

impl CustomerKeys {
    pub(crate) fn new(workspace: &str, customer_id: &str) -> Self {
        let tag = format!("{{{workspace}:{customer_id}}}");
        Self {
            traits: format!("p:{tag}:traits"),
            ids: format!("p:{tag}:ids"),
            counts: format!("p:{tag}:counts"),
            consent: format!("p:{tag}:consent"),
            meta: format!("p:{tag}:meta"),
            consent_purposes: format!("p:{tag}:consentp"),
            memberships: format!("seg:{tag}:m"),
            alias: format!("p:{workspace}:alias:{customer_id}"),
            computed: format!("p:{tag}:computed"),
            trait_types: format!("p:{tag}:ttypes"),
            activity: format!("p:{tag}:act"),
            products: format!("p:{tag}:products"),
            push: format!("p:{tag}:push"),
            preferences: format!("p:{tag}:dnd"),
        }
    }

    /// The keys holding the activity part of the profile.
    pub(crate) fn activity_keys(&self) -> [&str; 4] {
        [
            &self.trait_types,
            &self.activity,
            &self.products,
            &self.push,
        ]
    }

    /// The keys holding profile state (not memberships, not the alias).
    pub(crate) fn profile(&self) -> [&str; 5] {
        [
            &self.traits,
            &self.ids,
            &self.counts,
            &self.consent,
            &self.meta,
        ]
    }
}

/// `consentp` hash field holding the global unsubscribe.
pub(crate) const GLOBAL_UNSUBSCRIBE: &str = "global_unsubscribe";
/// `meta` hash field: earliest time the customer was seen (ms).
pub(crate) const FIRST_SEEN: &str = "first_seen_ms";
/// `meta` hash field: latest time the customer was seen (ms).
pub(crate) const LAST_SEEN: &str = "last_seen_ms";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_follow_the_documented_layout() {
        let k = CustomerKeys::new("ws_1", "c_9");
        assert_eq!(k.traits, "p:{ws_1:c_9}:traits");
        assert_eq!(k.ids, "p:{ws_1:c_9}:ids");
        assert_eq!(k.counts, "p:{ws_1:c_9}:counts");
        assert_eq!(k.consent, "p:{ws_1:c_9}:consent");
        assert_eq!(k.meta, "p:{ws_1:c_9}:meta");
        assert_eq!(k.consent_purposes, "p:{ws_1:c_9}:consentp");
        assert_eq!(k.memberships, "seg:{ws_1:c_9}:m");
        assert_eq!(k.alias, "p:ws_1:alias:c_9");
        assert_eq!(k.computed, "p:{ws_1:c_9}:computed");
        assert_eq!(k.activity, "p:{ws_1:c_9}:act");
        assert_eq!(k.products, "p:{ws_1:c_9}:products");
        assert_eq!(k.preferences, "p:{ws_1:c_9}:dnd");
    }
}
