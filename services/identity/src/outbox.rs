//! After-commit work for accepted events, and the outbox worker that finishes it when a
//! Track could not.
//!
//! The SQL commit is the point of acceptance. Afterwards each event needs two steps:
//! 1. Redis: fold merged profiles and apply the event (then `events.applied = 1`);
//! 2. match signals: index the event's fuzzy signals and record match suggestions
//!    (idempotent, see `suggest`);
//! 3. bus: publish `EventIngested` (then `events.published = 1`).
//!
//! Track runs both right after commit, under a short lease (`events.lease_until_ms`,
//! [`HANDLER_LEASE_MS`]) and with a time bound ([`HANDLER_DELIVERY_TIMEOUT`]) well
//! inside it. If Redis or the bus fails (or the process dies), the row stays
//! unpublished; the worker scans for unpublished rows whose lease expired, takes a new
//! lease with a compare-and-set, and redoes only the steps not yet flagged, oldest
//! event first. Applying the profile is skipped once `applied = 1`, so counts are not
//! doubled; the remaining window (Redis applied, then the flag write fails) can count
//! an event twice and is accepted. Publication is at least once, as everywhere on the
//! bus; consumers de-duplicate by event id.
//!
//! The Redis step targets the customer the event's customer is *now* (following
//! merges in SQL), so an event applied late lands on the surviving profile.

use std::collections::{BTreeSet, HashMap};
use std::time::Duration;

use futures_util::future::join_all;
use omni_common::ids::CustomerId;

use omni_bus::{Bus, Topic};
use omni_common::clock::SharedClock;
use omni_common::shutdown::CancellationToken;
use omni_profile_store::ProfileStore;
use omni_proto::common::v1::EventIngested;
use omni_storage::Db;

use crate::Error;
use crate::consent::sync_consent;
use crate::convert::event_to_proto;
use crate::crypto::IdCrypto;
use crate::event::{Outcome, TrackedEvent};
use crate::profile::apply_event;
use crate::store;

/// How long Track owns an event's after-commit work before the worker may take it.
pub const HANDLER_LEASE_MS: i64 = 10_000;
/// How long Track waits for Redis and the bus before leaving the rest to the worker.
pub const HANDLER_DELIVERY_TIMEOUT: Duration = Duration::from_secs(5);
/// Events handled per worker pass.
const BATCH: i64 = 100;
/// The worker never polls more often than this.
const MIN_POLL: Duration = Duration::from_millis(500);

/// What the after-commit work needs.
#[derive(Clone)]
pub struct Outbox {
    /// The identity database.
    pub db: Db,
    /// Redis profiles.
    pub profiles: ProfileStore,
    /// The event bus.
    pub bus: Bus,
    /// The keys protecting email and phone identifiers in SQL.
    pub crypto: IdCrypto,
}

impl Outbox {
    /// Runs the outstanding steps for one accepted event (see the module docs).
    pub async fn deliver(
        &self,
        ws: &str,
        event: &TrackedEvent,
        outcome: &Outcome,
        applied: bool,
    ) -> Result<(), Error> {
        let current = store::resolve_customer(&self.db, ws, &outcome.customer_id)
            .await?
            .unwrap_or_else(|| outcome.customer_id.clone());
        if !applied {
            apply_event(&self.profiles, ws, &current, event, outcome).await?;
            if !outcome.aliased_customer_ids.is_empty() {
                // Merged consents: SQL has the survivor's combined state.
                sync_consent(&self.db, &self.profiles, ws, &current).await?;
            }
            store::mark_applied(&self.db, ws, &event.event_id).await?;
        }
        crate::suggest::on_event(
            &self.db,
            &self.crypto,
            ws,
            &current,
            event,
            omni_common::clock::system().now_ms(),
        )
        .await?;
        self.bus
            .publish(
                Topic::EventIngested,
                &ingested(ws, &current, event, outcome),
            )
            .await?;
        store::mark_published(&self.db, ws, &event.event_id).await?;
        Ok(())
    }

    /// Runs the after-commit steps for many just-accepted events of workspace `ws`
    /// (none applied yet), in their order, with one SQL write per step for the whole
    /// set: profiles are applied per customer in event order and customers
    /// concurrently, then the bus messages likewise. Events whose step failed stay
    /// unflagged for the worker; the first error is returned after the others are
    /// flagged.
    pub async fn deliver_many(
        &self,
        ws: &str,
        items: &[(&TrackedEvent, &Outcome)],
    ) -> Result<(), Error> {
        // The live customer of every event, with one query (merge chains are one hop).
        let customers: BTreeSet<&CustomerId> = items.iter().map(|(_, o)| &o.customer_id).collect();
        let survivor_of = crate::batch_store::live_customers(&self.db, ws, &customers).await?;
        let mut groups: Vec<(CustomerId, Vec<usize>)> = Vec::new();
        let mut group_of: HashMap<CustomerId, usize> = HashMap::new();
        for (i, (_, outcome)) in items.iter().enumerate() {
            let current = survivor_of
                .get(&outcome.customer_id)
                .cloned()
                .unwrap_or_else(|| outcome.customer_id.clone());
            let g = *group_of.entry(current.clone()).or_insert_with(|| {
                groups.push((current, Vec::new()));
                groups.len() - 1
            });
            groups[g].1.push(i);
        }

        let mut first_error = None;
        let applied = join_all(groups.iter().map(|(current, members)| async move {
            let mut done = Vec::with_capacity(members.len());
            for &i in members {
                let (event, outcome) = items[i];
                let step = async {
                    apply_event(&self.profiles, ws, current, event, outcome).await?;
                    if !outcome.aliased_customer_ids.is_empty() {
                        sync_consent(&self.db, &self.profiles, ws, current).await?;
                    }
                    Ok::<(), Error>(())
                };
                if let Err(e) = step.await {
                    return (done, Some(e));
                }
                done.push(i);
            }
            (done, None)
        }))
        .await;
        let mut ok = vec![false; items.len()];
        for (done, error) in applied {
            for i in done {
                ok[i] = true;
            }
            first_error = first_error.or(error);
        }
        let ids: Vec<&str> = (0..items.len())
            .filter(|&i| ok[i])
            .map(|i| items[i].0.event_id.as_str())
            .collect();
        store::mark_many(&self.db, ws, store::EventFlag::Applied, &ids).await?;

        let now_ms = omni_common::clock::system().now_ms();
        let published = join_all(groups.iter().map(|(current, members)| {
            let ok = &ok;
            async move {
                let mut done = Vec::with_capacity(members.len());
                for &i in members.iter().filter(|&&i| ok[i]) {
                    let (event, outcome) = items[i];
                    let step = async {
                        crate::suggest::on_event(
                            &self.db,
                            &self.crypto,
                            ws,
                            current,
                            event,
                            now_ms,
                        )
                        .await?;
                        self.bus
                            .publish(Topic::EventIngested, &ingested(ws, current, event, outcome))
                            .await?;
                        Ok::<(), Error>(())
                    };
                    if let Err(e) = step.await {
                        return (done, Some(e));
                    }
                    done.push(i);
                }
                (done, None)
            }
        }))
        .await;
        let mut ids = Vec::with_capacity(items.len());
        for (done, error) in published {
            ids.extend(done.into_iter().map(|i| items[i].0.event_id.as_str()));
            first_error = first_error.or(error);
        }
        store::mark_many(&self.db, ws, store::EventFlag::Published, &ids).await?;
        first_error.map_or(Ok(()), Err)
    }

    /// One worker pass at `now_ms`: takes over every unpublished event whose lease
    /// expired and delivers it. Returns how many were completed.
    pub async fn run_once(&self, now_ms: i64, lease_ms: i64) -> Result<usize, Error> {
        let pending = store::pending_events(&self.db, &self.crypto, now_ms, BATCH).await?;
        let mut done = 0;
        for p in pending {
            if !store::claim_pending(&self.db, &p, now_ms + lease_ms).await? {
                continue;
            }
            match self
                .deliver(&p.workspace_id, &p.event, &p.outcome, p.applied)
                .await
            {
                Ok(()) => done += 1,
                Err(e) => tracing::warn!(
                    workspace = %p.workspace_id,
                    event_id = %p.event.event_id,
                    error = %e,
                    "outbox delivery failed; will retry after the lease"
                ),
            }
        }
        Ok(done)
    }

    /// Polls every `interval` until `shutdown` is cancelled.
    pub async fn run(
        self,
        clock: SharedClock,
        interval: Duration,
        lease_ms: i64,
        shutdown: CancellationToken,
    ) {
        let interval = interval.max(MIN_POLL);
        loop {
            tokio::select! {
                () = shutdown.cancelled() => break,
                () = tokio::time::sleep(interval) => {}
            }
            match self.run_once(clock.now_ms(), lease_ms).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(events = n, "outbox delivered events left over by Track"),
                Err(e) => tracing::warn!(error = %e, "outbox scan failed"),
            }
        }
    }
}

/// The bus message announcing `event`, accepted for `current`.
fn ingested(
    ws: &str,
    current: &CustomerId,
    event: &TrackedEvent,
    outcome: &Outcome,
) -> EventIngested {
    EventIngested {
        workspace_id: ws.to_owned(),
        customer_id: current.as_str().to_owned(),
        event: Some(event_to_proto(event)),
        merged_customer_ids: outcome
            .merged_customer_ids
            .iter()
            .map(|c| c.as_str().to_owned())
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use omni_common::ids::CustomerId;
    use redis::AsyncCommands;
    use serde_json::json;

    use super::*;
    use crate::normalise::Identifier;
    use crate::resolve::{TrackContext, track};
    use crate::rules::Rules;

    const WS: &str = "ws-outbox";
    const NOW: i64 = 1_700_000_000_000;

    fn event(id: &str, kind: &str, ids: Vec<Identifier>) -> TrackedEvent {
        TrackedEvent {
            event_id: id.into(),
            event_type: kind.into(),
            time_ms: NOW,
            identifiers: ids,
            properties: Default::default(),
            traits: json!({"name": id}).as_object().cloned().unwrap_or_default(),
            source: "server".into(),
            blocked_identifiers: Vec::new(),
        }
    }

    fn ident(kind: &str, value: &str) -> Identifier {
        Identifier::new(kind, value)
    }

    async fn set_published(db: &Db, event_id: &str, published: i64) -> anyhow::Result<()> {
        use sea_orm::ConnectionTrait;
        db.execute_raw(omni_storage::stmt(
            db.get_database_backend(),
            "UPDATE events SET published = $1, lease_until_ms = 0 WHERE workspace_id = $2 AND event_id = $3",
            [published.into(), WS.into(), event_id.into()],
        ))
        .await?;
        Ok(())
    }

    /// Events committed by a Track that never got to Redis or the bus (a crash right
    /// after commit) are finished by the worker once their lease expires, in order,
    /// on the surviving profile, without counting anything twice.
    #[tokio::test]
    async fn the_worker_finishes_what_track_left_undone() -> anyhow::Result<()> {
        let redis = omni_testkit::RedisServer::start().await?;
        let conn = omni_common::redis::connect(&redis.url).await?;
        let db = omni_storage::connect(&omni_testkit::database_url("identity").await?).await?;
        omni_storage::migrate(&db, store::SERVICE, store::MIGRATIONS).await?;
        let outbox = Outbox {
            db: db.clone(),
            profiles: ProfileStore::new(conn.clone()),
            bus: Bus::new(conn.clone()),
            crypto: IdCrypto::from_secret("test"),
        };
        let rules = Rules::default();
        let ctx = TrackContext {
            workspace: WS,
            crypto: &outbox.crypto,
            actor: "test",
            now_ms: NOW,
            lease_until_ms: NOW + HANDLER_LEASE_MS,
            rules: &rules,
        };
        let email = ident("email", "ann@example.com");
        let phone = ident("phone", "+4420794609");
        let a = track(&db, &ctx, &event("o-1", "signup", vec![email.clone()]))
            .await?
            .outcome;
        let later = TrackContext {
            now_ms: NOW + 1,
            ..ctx.clone()
        };
        let b = track(&db, &later, &event("o-2", "app_open", vec![phone.clone()]))
            .await?
            .outcome;
        let merged = track(&db, &later, &event("o-3", "purchase", vec![email, phone]))
            .await?
            .outcome;
        assert_eq!(merged.customer_id, a.customer_id);
        assert_eq!(merged.merged_customer_ids, vec![b.customer_id.clone()]);

        assert_eq!(
            outbox.run_once(NOW + 1, 30_000).await?,
            0,
            "Track still holds the lease"
        );
        assert_eq!(
            outbox.run_once(NOW + HANDLER_LEASE_MS + 1, 30_000).await?,
            3
        );
        assert_eq!(
            outbox.run_once(NOW + HANDLER_LEASE_MS + 2, 30_000).await?,
            0,
            "nothing left"
        );

        let profile = outbox
            .profiles
            .get(WS, b.customer_id.as_str())
            .await?
            .expect("survivor profile");
        assert_eq!(profile.customer_id, a.customer_id.as_str());
        for kind in ["signup", "app_open", "purchase"] {
            assert_eq!(
                profile.event_counts.get(kind),
                Some(&1),
                "{kind}: {:?}",
                profile.event_counts
            );
        }
        assert_eq!(profile.identifiers.len(), 2);
        let mut redis_conn = conn.clone();
        let published: usize = redis_conn.xlen(Topic::EventIngested.stream()).await?;
        assert_eq!(published, 3);

        // Applied but not published (the bus failed): only the publication is redone.
        set_published(&db, "o-1", 0).await?;
        assert_eq!(
            outbox.run_once(NOW + HANDLER_LEASE_MS + 3, 30_000).await?,
            1
        );
        let profile = outbox
            .profiles
            .get(WS, a.customer_id.as_str())
            .await?
            .expect("profile");
        assert_eq!(
            profile.event_counts.get("signup"),
            Some(&1),
            "not applied twice"
        );
        let published: usize = redis_conn.xlen(Topic::EventIngested.stream()).await?;
        assert_eq!(published, 4);
        assert_eq!(
            store::resolve_customer(&db, WS, &CustomerId::new(b.customer_id.as_str())).await?,
            Some(a.customer_id)
        );
        Ok(())
    }
}
