//! TrackBatch's fast path (`batch`) must answer exactly what one-by-one Track answers:
//! the same events go through `resolve::track` in one workspace and through
//! `resolve::track_many` in another, after the same history, and every per-event
//! answer and the final identity graph are compared. Customer ids are random, so a
//! customer is named by the identifiers its live profile finally holds. Runs on the
//! test database (SQLite, or Postgres with `OMNI_TEST_DATABASE_URL`).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use omni_common::ids::CustomerId;
use omni_storage::Db;
use proptest::prelude::*;
use sea_orm::ConnectionTrait as _;

use crate::Error;
use crate::batch::{Paths, track_many_counted};
use crate::crypto::IdCrypto;
use crate::event::TrackedEvent;
use crate::normalise::Identifier;
use crate::resolve::{TrackContext, Tracked, track};
use crate::rules::Rules;
use crate::store;

const NOW: i64 = 1_700_000_000_000;

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

fn crypto() -> IdCrypto {
    IdCrypto::from_secret("batch-equivalence")
}

fn fresh_workspace() -> String {
    static WS: AtomicUsize = AtomicUsize::new(0);
    format!(
        "beq-{}-{}",
        std::process::id(),
        WS.fetch_add(1, Ordering::Relaxed)
    )
}

fn id(kind: &str, v: &str) -> Identifier {
    Identifier::new(kind, v)
}

fn event(event_id: &str, ids: Vec<Identifier>) -> TrackedEvent {
    TrackedEvent {
        event_id: event_id.into(),
        event_type: "view".into(),
        time_ms: NOW,
        identifiers: ids,
        properties: Default::default(),
        traits: Default::default(),
        source: "server".into(),
        blocked_identifiers: Vec::new(),
    }
}

/// Tighter than the defaults, so conflicts and guardrails are reached.
fn tight() -> Rules {
    let mut r = Rules::default();
    for t in &mut r.types {
        if t.name.as_str() == "email" {
            t.max_per_profile = 2;
        }
    }
    r.max_identifiers_per_profile = 6;
    r.max_merges_per_profile = 3;
    r
}

fn ctx<'a>(ws: &'a str, crypto: &'a IdCrypto, rules: &'a Rules) -> TrackContext<'a> {
    TrackContext {
        workspace: ws,
        crypto,
        actor: "test",
        now_ms: NOW,
        lease_until_ms: NOW + 10_000,
        rules,
    }
}

/// An answer with the customer named by what its live profile holds in the end.
#[derive(Debug, PartialEq, Eq)]
struct View {
    duplicate: bool,
    customer: BTreeSet<Identifier>,
    created: bool,
    merged: usize,
    aliased: usize,
    conflict: bool,
    profile_identifiers: BTreeSet<Identifier>,
    ignored: Vec<Identifier>,
}

async fn name_of(db: &Db, ws: &str, c: &CustomerId) -> anyhow::Result<BTreeSet<Identifier>> {
    let live = store::resolve_customer(db, ws, c)
        .await?
        .unwrap_or_else(|| c.clone());
    Ok(store::identifiers_of(db, &crypto(), ws, &live)
        .await?
        .into_iter()
        .collect())
}

async fn views(
    db: &Db,
    ws: &str,
    answers: Vec<Result<Tracked, Error>>,
) -> anyhow::Result<Vec<Result<View, String>>> {
    let mut out = Vec::with_capacity(answers.len());
    for a in answers {
        out.push(match a {
            Err(e) => Err(e.to_string()),
            Ok(t) => Ok(View {
                duplicate: t.duplicate,
                customer: name_of(db, ws, &t.outcome.customer_id).await?,
                created: t.outcome.created,
                merged: t.outcome.merged_customer_ids.len(),
                aliased: t.outcome.aliased_customer_ids.len(),
                conflict: t.outcome.conflict,
                profile_identifiers: t.outcome.profile_identifiers.into_iter().collect(),
                ignored: t.outcome.ignored_identifiers,
            }),
        });
    }
    Ok(out)
}

/// The whole graph: identifiers grouped by live customer, and the rows written.
async fn graph(db: &Db, ws: &str) -> anyhow::Result<(BTreeSet<BTreeSet<Identifier>>, Vec<i64>)> {
    let mut groups = BTreeSet::new();
    for c in store::live_customers(db, ws).await? {
        let ids: BTreeSet<Identifier> = store::identifiers_of(db, &crypto(), ws, &c)
            .await?
            .into_iter()
            .collect();
        groups.insert(ids);
    }
    let mut counts = Vec::new();
    for sql in [
        "SELECT COUNT(*) AS n FROM events WHERE workspace_id = $1",
        "SELECT COUNT(*) AS n FROM merges WHERE workspace_id = $1",
        "SELECT COUNT(*) AS n FROM conflicts WHERE workspace_id = $1",
        "SELECT COUNT(*) AS n FROM customers WHERE workspace_id = $1",
        "SELECT COUNT(*) AS n FROM events WHERE workspace_id = $1 AND (customer_id = '' OR result = '')",
    ] {
        let row = db
            .query_one_raw(omni_storage::stmt(
                db.get_database_backend(),
                sql,
                [ws.into()],
            ))
            .await?
            .ok_or_else(|| anyhow::anyhow!("no count"))?;
        counts.push(row.try_get::<i64>("", "n")?);
    }
    Ok((groups, counts))
}

/// Tracks `history` one by one in two fresh workspaces under `history_rules`, then
/// `events` one by one in the first and in batches of `batch` in the second (under
/// `rules`, through the batch transaction itself: no fallback to per-event Track), and
/// asserts the answers and the graphs are the same. Returns the paths taken.
async fn assert_equivalent(
    history: &[TrackedEvent],
    history_rules: &Rules,
    events: &[TrackedEvent],
    rules: &Rules,
    batch: usize,
) -> anyhow::Result<Paths> {
    let (_, db) = harness();
    let crypto = crypto();
    let serial_ws = fresh_workspace();
    let batch_ws = fresh_workspace();
    for ws in [&serial_ws, &batch_ws] {
        for e in history {
            track(db, &ctx(ws, &crypto, history_rules), e).await?;
        }
    }
    let mut serial = Vec::new();
    for e in events {
        serial.push(track(db, &ctx(&serial_ws, &crypto, rules), e).await);
    }
    let mut batched = Vec::new();
    let mut paths = Paths::default();
    for chunk in events.chunks(batch.max(1)) {
        let refs: Vec<&TrackedEvent> = chunk.iter().collect();
        let (answers, p) = track_many_counted(db, &ctx(&batch_ws, &crypto, rules), &refs).await?;
        batched.extend(answers);
        paths.known += p.known;
        paths.new += p.new;
        paths.slow += p.slow;
        paths.duplicate += p.duplicate;
    }
    let serial = views(db, &serial_ws, serial).await?;
    let batched = views(db, &batch_ws, batched).await?;
    for (i, (s, b)) in serial.iter().zip(&batched).enumerate() {
        assert_eq!(s, b, "event {i} ({})", events[i].event_id);
    }
    assert_eq!(serial.len(), batched.len());
    assert_eq!(graph(db, &serial_ws).await?, graph(db, &batch_ws).await?);
    Ok(paths)
}

/// One batch mixing every kind of event: known customers, new ones (then reused in
/// the same batch), new identifiers for known customers, merges of known customers
/// and later events on the merged ones, a second user id (conflict), a customer over
/// a limit tightened after it was built, blocked values, and duplicates from before
/// and from inside the batch.
#[test]
fn a_mixed_batch_resolves_like_one_by_one_track() -> anyhow::Result<()> {
    let history = vec![
        event(
            "h-1",
            vec![id("user_id", "ann"), id("anonymous_id", "a-ann")],
        ),
        event(
            "h-2",
            vec![id("user_id", "bob"), id("anonymous_id", "a-bob")],
        ),
        event("h-3", vec![id("email", "cy@example.com")]),
        event("h-4", vec![id("anonymous_id", "a-cy")]),
        event(
            "h-5",
            vec![
                id("user_id", "dee"),
                id("email", "d1@example.com"),
                id("email", "d2@example.com"),
                id("email", "d3@example.com"),
            ],
        ),
    ];
    let mut blocked = event("b-10", vec![id("user_id", "ann")]);
    blocked.blocked_identifiers = vec![id("email", "test@test.com")];
    let events = vec![
        event(
            "b-1",
            vec![id("user_id", "ann"), id("anonymous_id", "a-ann")],
        ), // known
        event("b-2", vec![id("anonymous_id", "a-bob")]), // known
        event("h-1", vec![id("user_id", "ann")]),        // accepted before
        event(
            "b-3",
            vec![id("user_id", "eve"), id("anonymous_id", "a-eve")],
        ), // new
        event("b-4", vec![id("anonymous_id", "a-eve")]), // the new one, known now
        event("b-3", vec![id("user_id", "eve")]),        // duplicate inside the batch
        event(
            "b-5",
            vec![id("user_id", "bob"), id("email", "bob@example.com")],
        ), // attaches
        event("b-6", vec![id("email", "bob@example.com")]), // after the attach
        event(
            "b-7",
            vec![id("email", "cy@example.com"), id("anonymous_id", "a-cy")],
        ), // merge
        event("b-8", vec![id("anonymous_id", "a-cy")]),  // on the merged customer
        event(
            "b-9",
            vec![id("user_id", "zed"), id("anonymous_id", "a-ann")],
        ), // conflict
        blocked,
        event("b-11", vec![id("user_id", "dee")]), // over the tightened email limit
        event(
            "b-12",
            vec![id("user_id", "eve"), id("email", "eve@example.com")],
        ),
        event("b-13", vec![id("anonymous_id", "a-ann")]), // known, after the conflict
        event("b-14", vec![id("device_id", "dev-1")]),    // new, alone
    ];
    let (rt, _) = harness();
    rt.block_on(async {
        let one = assert_equivalent(&history, &Rules::default(), &events, &tight(), 100).await?;
        // b-1, b-2, b-4, b-14 (known or new), b-3 new; slow: b-5 (attach), b-6 (after
        // it), b-7 (merge), b-8 (after it), b-9 (conflict), b-10 and b-13 (ann, touched
        // by the conflict), b-11 (over a limit), b-12 (attach); h-1 and b-3 repeated.
        assert_eq!(
            one,
            Paths {
                known: 3,
                new: 2,
                slow: 9,
                duplicate: 2
            }
        );
        let small = assert_equivalent(&history, &Rules::default(), &events, &tight(), 3).await?;
        assert_eq!(
            small.known + small.new + small.slow + small.duplicate,
            events.len()
        );
        anyhow::Ok(())
    })
}

fn identifier() -> impl Strategy<Value = Identifier> {
    (0..4usize, 0..5usize).prop_map(|(kind, n)| match kind {
        0 => id("user_id", &format!("u{n}")),
        1 => id("email", &format!("p{n}@example.com")),
        2 => id("device_id", &format!("dev-{n}")),
        _ => id("anonymous_id", &format!("anon-{n}")),
    })
}

/// Events over a small pool of identifiers (at most one user id each, as validation
/// requires), with ids that sometimes repeat.
fn events() -> impl Strategy<Value = Vec<TrackedEvent>> {
    prop::collection::vec(
        (0..40usize, prop::collection::btree_set(identifier(), 1..4)),
        1..40,
    )
    .prop_map(|raw| {
        raw.into_iter()
            .map(|(n, ids)| {
                let mut user_id = false;
                let ids = ids
                    .into_iter()
                    .filter(|i| {
                        i.kind.as_str() != "user_id" || !std::mem::replace(&mut user_id, true)
                    })
                    .collect();
                event(&format!("r-{n}"), ids)
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Random histories and batches: the batch path answers like one-by-one Track.
    #[test]
    fn random_batches_resolve_like_one_by_one_track(
        history in events(),
        batch in events(),
        size in 1..40usize,
    ) {
        let history: Vec<TrackedEvent> = history
            .into_iter()
            .map(|mut e| {
                e.event_id = format!("h{}", e.event_id);
                e
            })
            .collect();
        let (rt, _) = harness();
        let result = rt.block_on(assert_equivalent(&history, &Rules::default(), &batch, &tight(), size));
        prop_assert!(result.is_ok(), "{:?}", result);
    }
}

#[test]
fn the_count_form_of_the_limits_agrees_with_holdings() {
    use crate::batch::within_limits;
    use crate::batch_store::Held;
    use crate::resolve::Holdings;
    let rules = tight();
    let pool: Vec<Identifier> = (0..4)
        .flat_map(|n| {
            [
                id("user_id", &format!("u{n}")),
                id("email", &format!("e{n}@example.com")),
                id("anonymous_id", &format!("a{n}")),
            ]
        })
        .collect();
    // Every subset of a 12-identifier pool, with 0 to 4 merges.
    for mask in 0u32..(1 << pool.len()) {
        let ids: BTreeSet<Identifier> = pool
            .iter()
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, id)| id.clone())
            .collect();
        let mut per_type: BTreeMap<String, usize> = BTreeMap::new();
        for i in &ids {
            *per_type.entry(i.kind.as_str().to_owned()).or_default() += 1;
        }
        for merges in 0..5 {
            let held = Held {
                live: true,
                per_type: per_type.clone().into_iter().collect(),
                total: ids.len(),
                merges,
            };
            let holdings = Holdings {
                identifiers: ids.clone(),
                merges,
            };
            assert_eq!(
                within_limits(&rules, &held),
                holdings.violation(&rules, 0).is_none(),
                "{ids:?} after {merges} merges"
            );
        }
    }
}
