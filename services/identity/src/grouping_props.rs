//! Property: when no identity rule is hit, resolution is a union of identifiers that
//! share an event, so the final grouping of identifiers into customers does not depend
//! on the order events arrive in. Runs on the test database (SQLite by default,
//! Postgres with `OMNI_TEST_DATABASE_URL`), one workspace per case.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use omni_storage::Db;
use proptest::prelude::*;

use crate::crypto::IdCrypto;
use crate::event::TrackedEvent;
use crate::normalise::Identifier;
use crate::resolve::{TrackContext, track};
use crate::rules::Rules;
use crate::store;

fn harness() -> &'static (tokio::runtime::Runtime, Db) {
    static H: OnceLock<(tokio::runtime::Runtime, Db)> = OnceLock::new();
    H.get_or_init(|| {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        let db = rt.block_on(async {
            let url = omni_testkit::database_url("identity")
                .await
                .expect("database");
            let db = omni_storage::connect(&url).await.expect("connect");
            omni_storage::migrate(&db, store::SERVICE, store::MIGRATIONS)
                .await
                .expect("migrate");
            db
        });
        (rt, db)
    })
}

/// No limit can be hit: no per-type maximum, generous guardrails.
fn crypto() -> IdCrypto {
    IdCrypto::from_secret("prop")
}

fn unlimited() -> Rules {
    let mut r = Rules::default();
    for t in &mut r.types {
        t.max_per_profile = 0;
    }
    r.max_identifiers_per_profile = 1_000;
    r.max_merges_per_profile = 10_000;
    r
}

fn identifier() -> impl Strategy<Value = Identifier> {
    (0..3usize, 0..6usize).prop_map(|(kind, n)| match kind {
        0 => Identifier::new("email", format!("p{n}@example.com")),
        1 => Identifier::new("device_id", format!("dev-{n}")),
        _ => Identifier::new("anonymous_id", format!("anon-{n}")),
    })
}

fn events() -> impl Strategy<Value = Vec<Vec<Identifier>>> {
    prop::collection::vec(
        prop::collection::btree_set(identifier(), 1..4)
            .prop_map(|s| s.into_iter().collect::<Vec<_>>()),
        1..10,
    )
}

/// Tracks the events in the given order in a fresh workspace; returns the grouping.
fn grouping(events: &[(usize, Vec<Identifier>)]) -> BTreeSet<BTreeSet<Identifier>> {
    static WS: AtomicUsize = AtomicUsize::new(0);
    let ws = format!("prop-{}", WS.fetch_add(1, Ordering::Relaxed));
    let (rt, db) = harness();
    let rules = unlimited();
    rt.block_on(async {
        for (step, (n, ids)) in events.iter().enumerate() {
            let ctx = TrackContext {
                workspace: &ws,
                crypto: &crypto(),
                actor: "prop",
                now_ms: 1_000 + step as i64,
                lease_until_ms: i64::MAX / 2,
                rules: &rules,
            };
            let event = TrackedEvent {
                event_id: format!("e{n}"),
                event_type: "t".into(),
                time_ms: 1_000,
                identifiers: ids.clone(),
                properties: Default::default(),
                traits: Default::default(),
                source: "server".into(),
                blocked_identifiers: Vec::new(),
            };
            let outcome = track(db, &ctx, &event).await.expect("track").outcome;
            assert!(!outcome.conflict, "no rule can be hit");
        }
        let mut by_customer: BTreeMap<String, BTreeSet<Identifier>> = BTreeMap::new();
        for ids in events.iter().map(|(_, ids)| ids) {
            for id in ids {
                let owner = store::lookup_identifier(db, &crypto(), &ws, id)
                    .await
                    .expect("lookup")
                    .expect("every identifier is attached");
                by_customer
                    .entry(owner.into_inner())
                    .or_default()
                    .insert(id.clone());
            }
        }
        by_customer.into_values().collect()
    })
}

/// The expected grouping: connected components of "seen on the same event".
fn components(events: &[Vec<Identifier>]) -> BTreeSet<BTreeSet<Identifier>> {
    let mut groups: Vec<BTreeSet<Identifier>> = Vec::new();
    for ids in events {
        let mut joined: BTreeSet<Identifier> = ids.iter().cloned().collect();
        groups.retain(|g| {
            if g.iter().any(|i| joined.contains(i)) {
                joined.extend(g.iter().cloned());
                false
            } else {
                true
            }
        });
        groups.push(joined);
    }
    groups.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn grouping_does_not_depend_on_arrival_order(
        (original, shuffled) in events().prop_flat_map(|evs| {
            let numbered: Vec<(usize, Vec<Identifier>)> = evs.into_iter().enumerate().collect();
            (Just(numbered.clone()), Just(numbered).prop_shuffle())
        })
    ) {
        let expected = components(&original.iter().map(|(_, ids)| ids.clone()).collect::<Vec<_>>());
        let a = grouping(&original);
        let b = grouping(&shuffled);
        prop_assert_eq!(&a, &expected);
        prop_assert_eq!(&b, &expected);
    }
}
