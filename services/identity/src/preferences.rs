//! A customer's do-not-disturb preferences: their own quiet hours (local time,
//! optionally per weekday), the time zone those are read in, and snoozes ("nothing
//! until", per channel or for every channel). SQL (`contact_preferences`, migration
//! series `identity-preferences`) is the record; Redis (through `omni-profile-store`) is
//! the copy the gateway reads at send time. Rebuilt by `omni rebuild-profiles`,
//! forgotten by erasure.
//!
//! Rows are keyed by the live customer a write was made for. A merge does not move
//! them: reads take the newest row of the customer's whole cluster, so preferences set
//! on an id that was later merged away still count.

use omni_common::ids::CustomerId;
use omni_profile_store::{ContactPreferences, ProfileStore, Snooze};
use omni_storage::{Db, Migration};
use sea_orm::{ConnectionTrait, TransactionTrait};

use crate::Error;
use crate::consent::live_customer;
use crate::store::{self, get_i64, get_str, s, st};

/// Migration series name, separate from the identity graph's.
pub const SERIES: &str = "identity-preferences";

/// The preferences schema, oldest first.
pub const MIGRATIONS: &[Migration] = &[Migration {
    version: 1,
    name: "contact preferences",
    sql: "CREATE TABLE contact_preferences (
            workspace_id TEXT NOT NULL,
            customer_id TEXT NOT NULL,
            preferences_json TEXT NOT NULL,
            update_ms BIGINT NOT NULL,
            PRIMARY KEY (workspace_id, customer_id))",
}];

/// How many times a write is attempted under contention.
const MAX_ATTEMPTS: usize = 3;

/// Applies the preferences migrations not yet applied.
pub async fn migrate(db: &sea_orm::DatabaseConnection) -> Result<(), Error> {
    omni_storage::migrate(db, SERIES, MIGRATIONS).await?;
    Ok(())
}

/// Which parts of the preferences a write replaces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fields {
    /// Replace the quiet periods.
    pub quiet_hours: bool,
    /// Replace the time zone.
    pub time_zone: bool,
    /// Replace the snoozes.
    pub snoozes: bool,
}

impl Fields {
    /// Every field.
    pub const ALL: Fields = Fields {
        quiet_hours: true,
        time_zone: true,
        snoozes: true,
    };
}

/// A change to one customer's preferences (validated by the caller).
#[derive(Clone, Debug)]
pub enum Change {
    /// Replace the named fields with those of the given preferences.
    Set(ContactPreferences, Fields),
    /// Add a snooze, replacing one of the same channel.
    Snooze(Snooze),
}

/// The stored preferences of a live customer: the newest row of its cluster.
pub async fn load(
    conn: &impl ConnectionTrait,
    ws: &str,
    live: &CustomerId,
) -> Result<Option<ContactPreferences>, Error> {
    let cluster = store::cluster_of(conn, ws, live).await?;
    let mut best: Option<(i64, ContactPreferences)> = None;
    for c in &cluster {
        let row = conn
            .query_one_raw(st(
                conn,
                "SELECT preferences_json, update_ms FROM contact_preferences \
                 WHERE workspace_id = $1 AND customer_id = $2",
                vec![s(ws), s(c.as_str())],
            ))
            .await?;
        if let Some(row) = row {
            let at = get_i64(&row, "update_ms")?;
            if best.as_ref().is_none_or(|(b, _)| at > *b) {
                let p = serde_json::from_str(&get_str(&row, "preferences_json")?)
                    .map_err(|e| Error::Corrupt(format!("contact_preferences: {e}")))?;
                best = Some((at, p));
            }
        }
    }
    Ok(best.map(|(_, p)| p))
}

/// Applies `change` for `customer` in SQL, then mirrors the result into Redis; returns
/// the preferences as stored.
pub async fn update(
    db: &Db,
    profiles: &ProfileStore,
    ws: &str,
    customer: &CustomerId,
    change: &Change,
    source: &str,
    now_ms: i64,
) -> Result<ContactPreferences, Error> {
    let mut attempt = 1;
    let (live, stored) = loop {
        let live = live_customer(db, ws, customer).await?;
        let txn = db.begin().await?;
        let result = async {
            // First a write: SQLite's write lock, or the customer's row lock on
            // Postgres, so two concurrent snoozes cannot lose one another.
            if !store::lock_customer(&txn, ws, &live, now_ms).await? {
                return Err(Error::Contention);
            }
            let mut p = load(&txn, ws, &live).await?.unwrap_or_default();
            apply(&mut p, change);
            p.drop_expired(now_ms);
            p.updated_ms = now_ms;
            p.source = source.to_owned();
            txn.execute_raw(st(
                &txn,
                "INSERT INTO contact_preferences (workspace_id, customer_id, preferences_json, update_ms) \
                 VALUES ($1, $2, $3, $4) ON CONFLICT (workspace_id, customer_id) DO UPDATE SET \
                 preferences_json = excluded.preferences_json, update_ms = excluded.update_ms",
                vec![
                    s(ws),
                    s(live.as_str()),
                    serde_json::to_string(&p)?.into(),
                    now_ms.into(),
                ],
            ))
            .await?;
            Ok(p)
        }
        .await;
        match result {
            Ok(p) => {
                txn.commit().await?;
                break (live, p);
            }
            Err(e) => {
                if let Err(rb) = txn.rollback().await {
                    tracing::warn!(error = %rb, "rollback failed");
                }
                if !e.is_retryable() || attempt >= MAX_ATTEMPTS {
                    return Err(e);
                }
                attempt += 1;
            }
        }
    };
    profiles
        .write_contact_preferences(ws, live.as_str(), Some(&stored))
        .await?;
    Ok(stored)
}

fn apply(p: &mut ContactPreferences, change: &Change) {
    match change {
        Change::Set(new, fields) => {
            if fields.quiet_hours {
                p.quiet_hours.clone_from(&new.quiet_hours);
            }
            if fields.time_zone {
                p.time_zone.clone_from(&new.time_zone);
            }
            if fields.snoozes {
                p.snoozes.clone_from(&new.snoozes);
            }
        }
        Change::Snooze(snooze) => {
            p.snoozes.retain(|s| s.channel != snooze.channel);
            p.snoozes.push(snooze.clone());
            p.snoozes.sort_by(|a, b| a.channel.cmp(&b.channel));
        }
    }
}

/// Writes a live customer's preferences from SQL to Redis (removing the copy when
/// there are none).
pub async fn sync(
    db: &Db,
    profiles: &ProfileStore,
    ws: &str,
    live: &CustomerId,
) -> Result<(), Error> {
    let p = load(db, ws, live).await?;
    profiles
        .write_contact_preferences(ws, live.as_str(), p.as_ref())
        .await?;
    Ok(())
}

/// Deletes the preferences rows of `customers` (erasure; the Redis keys go with the
/// rest of the profile).
pub async fn erase(
    conn: &impl ConnectionTrait,
    ws: &str,
    customers: &[CustomerId],
) -> Result<(), Error> {
    for c in customers {
        conn.execute_raw(st(
            conn,
            "DELETE FROM contact_preferences WHERE workspace_id = $1 AND customer_id = $2",
            vec![s(ws), s(c.as_str())],
        ))
        .await?;
    }
    Ok(())
}
