//! The activity part of a profile: declared trait types, purchase summary, last store
//! visited, engagement per channel and push tokens. Every field is a counter, a
//! maximum or a last-writer-wins register, so applying the same updates in any order
//! (and folding merged profiles) gives the same result.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Most purchased product ids kept per profile (the most recently bought).
pub const MAX_PRODUCTS: usize = 200;

/// Engagement with messages on one channel.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Engagement {
    /// Last open (unix ms), 0 when never.
    pub last_open_ms: i64,
    /// Last click (unix ms), 0 when never.
    pub last_click_ms: i64,
    /// Number of opens.
    pub opens: i64,
    /// Number of clicks.
    pub clicks: i64,
}

/// The state of one push token: registered or removed, and when.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushTokenState {
    /// True while registered; false once removed (kept as a tombstone).
    pub registered: bool,
    /// When it was last registered or removed (unix ms).
    pub updated_ms: i64,
}

/// Identifies a push token: `(app_id, platform, token)`.
pub type PushTokenKey = (String, String, String);

/// The purchase summary of a customer's profile (see [`ProfileActivity`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PurchaseSummary {
    /// Number of purchases.
    pub orders: i64,
    /// Sum of purchase revenue, in millionths of the currency unit.
    pub revenue_micros: i64,
    /// Last purchase (unix ms), 0 when never.
    pub last_purchase_ms: i64,
}

/// The activity part of a customer's profile.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProfileActivity {
    /// Trait name -> type declared by Identify (e.g. `timestamp`); traits not listed
    /// have their type inferred from the value.
    pub trait_types: BTreeMap<String, String>,
    /// Number of purchases.
    pub orders: i64,
    /// Sum of purchase revenue, in millionths of the currency unit.
    pub revenue_micros: i64,
    /// Last purchase (unix ms), 0 when never.
    pub last_purchase_ms: i64,
    /// Product ids with when each was last bought (unix ms), most recent first (ties:
    /// larger id first); at most [`MAX_PRODUCTS`].
    pub products: Vec<(String, i64)>,
    /// The last store visited and when (unix ms).
    pub last_store: Option<(String, i64)>,
    /// Engagement by channel name.
    pub engagement: BTreeMap<String, Engagement>,
    /// Push tokens (removed ones included, as tombstones).
    pub push_tokens: BTreeMap<PushTokenKey, PushTokenState>,
}

/// One purchase.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Purchase {
    /// Revenue in millionths of the currency unit.
    pub revenue_micros: i64,
    /// When (unix ms).
    pub time_ms: i64,
    /// Product ids bought.
    pub product_ids: Vec<String>,
}

/// A push token registered or removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PushTokenChange {
    /// `(app_id, platform, token)`.
    pub key: PushTokenKey,
    /// Registered (true) or removed (false).
    pub registered: bool,
    /// When (unix ms).
    pub time_ms: i64,
}

/// What one event or identify call changes in [`ProfileActivity`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActivityUpdate {
    /// Trait name -> declared type to set (`Some`) or to clear (`None`: inferred).
    pub trait_types: Vec<(String, Option<String>)>,
    /// A purchase.
    pub purchase: Option<Purchase>,
    /// A store visit: store id and time (unix ms).
    pub store_visit: Option<(String, i64)>,
    /// A message opened: channel and time (unix ms).
    pub open: Option<(String, i64)>,
    /// A message clicked: channel and time (unix ms).
    pub click: Option<(String, i64)>,
    /// Push token changes.
    pub push_tokens: Vec<PushTokenChange>,
}

impl ActivityUpdate {
    /// True when the update changes nothing but (possibly) trait types.
    pub(crate) fn has_counters(&self) -> bool {
        self.purchase.is_some()
            || self.store_visit.is_some()
            || self.open.is_some()
            || self.click.is_some()
            || !self.push_tokens.is_empty()
    }
}

/// Does `(t, id)` beat the stored `(cur_t, cur_id)`? Later time wins, ties go to the
/// larger id, so the outcome does not depend on order.
fn later(t: i64, id: &str, cur: Option<&(String, i64)>) -> bool {
    cur.is_none_or(|(cur_id, cur_t)| t > *cur_t || (t == *cur_t && id > cur_id.as_str()))
}

impl ProfileActivity {
    /// Applies an update in memory, exactly as [`crate::ProfileStore::apply_with_activity`]
    /// does in Redis.
    pub fn apply(&mut self, u: &ActivityUpdate) {
        for (name, ty) in &u.trait_types {
            match ty {
                Some(ty) => self.trait_types.insert(name.clone(), ty.clone()),
                None => self.trait_types.remove(name),
            };
        }
        if let Some(p) = &u.purchase {
            self.orders += 1;
            self.revenue_micros += p.revenue_micros;
            self.last_purchase_ms = self.last_purchase_ms.max(p.time_ms);
            let mut products: BTreeMap<String, i64> = self.products.drain(..).collect();
            for id in &p.product_ids {
                let t = products.entry(id.clone()).or_insert(p.time_ms);
                *t = (*t).max(p.time_ms);
            }
            self.set_products(products);
        }
        if let Some((id, t)) = &u.store_visit
            && later(*t, id, self.last_store.as_ref())
        {
            self.last_store = Some((id.clone(), *t));
        }
        if let Some((channel, t)) = &u.open {
            let e = self.engagement.entry(channel.clone()).or_default();
            e.opens += 1;
            e.last_open_ms = e.last_open_ms.max(*t);
        }
        if let Some((channel, t)) = &u.click {
            let e = self.engagement.entry(channel.clone()).or_default();
            e.clicks += 1;
            e.last_click_ms = e.last_click_ms.max(*t);
        }
        for c in &self.expand_token_removals(&u.push_tokens) {
            self.set_token(
                c.key.clone(),
                PushTokenState {
                    registered: c.registered,
                    updated_ms: c.time_ms,
                },
            );
        }
    }

    /// Folds `other` (a merged-away profile) into this one: counts add up, maxima and
    /// registers keep the latest, declared trait types of `other` win (callers fold
    /// the most recently seen profile last).
    pub fn fold(&mut self, other: ProfileActivity) {
        self.trait_types.extend(other.trait_types);
        self.orders += other.orders;
        self.revenue_micros += other.revenue_micros;
        self.last_purchase_ms = self.last_purchase_ms.max(other.last_purchase_ms);
        let mut products: BTreeMap<String, i64> = self.products.drain(..).collect();
        for (id, t) in other.products {
            let cur = products.entry(id).or_insert(t);
            *cur = (*cur).max(t);
        }
        self.set_products(products);
        if let Some((id, t)) = other.last_store
            && later(t, &id, self.last_store.as_ref())
        {
            self.last_store = Some((id, t));
        }
        for (channel, e) in other.engagement {
            let mine = self.engagement.entry(channel).or_default();
            mine.opens += e.opens;
            mine.clicks += e.clicks;
            mine.last_open_ms = mine.last_open_ms.max(e.last_open_ms);
            mine.last_click_ms = mine.last_click_ms.max(e.last_click_ms);
        }
        for (key, state) in other.push_tokens {
            self.set_token(key, state);
        }
    }

    /// `changes` with every removal that leaves `app_id` or `platform` empty (a
    /// provider reporting a dead token knows only the token) replaced by removals of
    /// each registered token it matches; a removal matching none is kept as it is.
    pub fn expand_token_removals(&self, changes: &[PushTokenChange]) -> Vec<PushTokenChange> {
        let mut out = Vec::with_capacity(changes.len());
        for c in changes {
            let (app, platform, token) = &c.key;
            if c.registered || (!app.is_empty() && !platform.is_empty()) {
                out.push(c.clone());
                continue;
            }
            let matching: Vec<PushTokenChange> = self
                .registered_tokens()
                .filter(|((a, p, t), _)| {
                    t == token
                        && (app.is_empty() || a == app)
                        && (platform.is_empty() || p == platform)
                })
                .map(|(key, _)| PushTokenChange {
                    key: key.clone(),
                    registered: false,
                    time_ms: c.time_ms,
                })
                .collect();
            if matching.is_empty() {
                out.push(c.clone());
            } else {
                out.extend(matching);
            }
        }
        out
    }

    /// The registered push tokens.
    pub fn registered_tokens(&self) -> impl Iterator<Item = (&PushTokenKey, &PushTokenState)> {
        self.push_tokens.iter().filter(|(_, s)| s.registered)
    }

    /// True when nothing is recorded.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    fn set_products(&mut self, products: BTreeMap<String, i64>) {
        let mut all: Vec<(String, i64)> = products.into_iter().collect();
        // Most recent first; ties: larger id first (Redis sorted-set rank order, reversed).
        all.sort_by(|a, b| (b.1, &b.0).cmp(&(a.1, &a.0)));
        all.truncate(MAX_PRODUCTS);
        self.products = all;
    }

    /// Last writer wins; at equal times a removal beats a registration.
    fn set_token(&mut self, key: PushTokenKey, state: PushTokenState) {
        match self.push_tokens.get(&key) {
            Some(cur)
                if cur.updated_ms > state.updated_ms
                    || (cur.updated_ms == state.updated_ms && !cur.registered) => {}
            _ => {
                self.push_tokens.insert(key, state);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_removal_naming_only_the_token_removes_it_under_every_app() {
        let reg = |app: &str, platform: &str, token: &str| PushTokenChange {
            key: (app.into(), platform.into(), token.into()),
            registered: true,
            time_ms: 1,
        };
        let mut a = ProfileActivity::default();
        let update = ActivityUpdate {
            push_tokens: vec![
                reg("shop", "ios", "t1"),
                reg("club", "ios", "t1"),
                reg("shop", "android", "t2"),
            ],
            ..ActivityUpdate::default()
        };
        a.apply(&update);
        let removal = ActivityUpdate {
            push_tokens: vec![PushTokenChange {
                key: (String::new(), "ios".into(), "t1".into()),
                registered: false,
                time_ms: 2,
            }],
            ..ActivityUpdate::default()
        };
        a.apply(&removal);
        let left: Vec<&str> = a
            .registered_tokens()
            .map(|((_, _, t), _)| t.as_str())
            .collect();
        assert_eq!(left, vec!["t2"], "t1 is gone under both apps, t2 stays");
    }

    fn purchase(t: i64, ids: &[&str]) -> ActivityUpdate {
        ActivityUpdate {
            purchase: Some(Purchase {
                revenue_micros: 1_500_000,
                time_ms: t,
                product_ids: ids.iter().map(|s| (*s).to_owned()).collect(),
            }),
            ..ActivityUpdate::default()
        }
    }

    #[test]
    fn order_does_not_matter() {
        let token = ("app".to_owned(), "ios".to_owned(), "tok".to_owned());
        let updates = [
            purchase(10, &["a", "b"]),
            purchase(30, &["b"]),
            ActivityUpdate {
                store_visit: Some(("s1".into(), 20)),
                open: Some(("email".into(), 5)),
                push_tokens: vec![PushTokenChange {
                    key: token.clone(),
                    registered: true,
                    time_ms: 5,
                }],
                ..ActivityUpdate::default()
            },
            ActivityUpdate {
                store_visit: Some(("s2".into(), 15)),
                click: Some(("email".into(), 7)),
                push_tokens: vec![PushTokenChange {
                    key: token.clone(),
                    registered: false,
                    time_ms: 6,
                }],
                ..ActivityUpdate::default()
            },
        ];
        let mut forward = ProfileActivity::default();
        updates.iter().for_each(|u| forward.apply(u));
        let mut backward = ProfileActivity::default();
        updates.iter().rev().for_each(|u| backward.apply(u));
        assert_eq!(forward, backward);
        assert_eq!(forward.orders, 2);
        assert_eq!(forward.revenue_micros, 3_000_000);
        assert_eq!(
            forward.products,
            vec![("b".to_owned(), 30), ("a".to_owned(), 10)]
        );
        assert_eq!(forward.last_store, Some(("s1".into(), 20)));
        assert_eq!(forward.registered_tokens().count(), 0, "removed later");

        let mut split_a = ProfileActivity::default();
        let mut split_b = ProfileActivity::default();
        for (i, u) in updates.iter().enumerate() {
            if i % 2 == 0 {
                split_a.apply(u);
            } else {
                split_b.apply(u);
            }
        }
        split_a.fold(split_b);
        assert_eq!(split_a, forward, "folding halves equals applying all");
    }
}
