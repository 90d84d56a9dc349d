//! The identity SQL store: schema, and every query the service runs. Portable SQL for
//! SQLite and Postgres (`$n` placeholders, BIGINT booleans and unix-ms timestamps).
//!
//! Every query filters by `workspace_id` except the outbox scan ([`pending_events`]),
//! which serves all workspaces by design.

use omni_common::ids::CustomerId;
use omni_storage::Migration;
use sea_orm::{ConnectionTrait, QueryResult, Statement, Value};

use crate::Error;
use crate::crypto::IdCrypto;
use crate::event::{Outcome, TrackedEvent};
use crate::normalise::{IdType, Identifier};
use crate::rules::Rules;

/// Name under which migrations are recorded.
pub const SERVICE: &str = "identity";

/// The identity schema, in order.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
    version: 1,
    name: "identity graph, event log, merges, conflicts, consents",
    sql: "
CREATE TABLE customers (
    workspace_id TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    create_ms BIGINT NOT NULL,
    update_ms BIGINT NOT NULL,
    merged_into TEXT,
    merge_ms BIGINT,
    PRIMARY KEY (workspace_id, customer_id)
);
CREATE INDEX customers_merged_into ON customers (workspace_id, merged_into);
CREATE TABLE identifiers (
    workspace_id TEXT NOT NULL,
    id_type TEXT NOT NULL,
    id_value TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    create_ms BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, id_type, id_value)
);
CREATE INDEX identifiers_customer ON identifiers (workspace_id, customer_id);
CREATE TABLE events (
    workspace_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    type TEXT NOT NULL,
    time_ms BIGINT NOT NULL,
    payload TEXT NOT NULL,
    result TEXT NOT NULL,
    received_ms BIGINT NOT NULL,
    applied BIGINT NOT NULL DEFAULT 0,
    published BIGINT NOT NULL DEFAULT 0,
    lease_until_ms BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, event_id)
);
CREATE INDEX events_customer_time ON events (workspace_id, customer_id, time_ms);
CREATE INDEX events_outbox ON events (lease_until_ms) WHERE published = 0;
CREATE TABLE merges (
    workspace_id TEXT NOT NULL,
    merge_id TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    merged_customer_id TEXT NOT NULL,
    rule TEXT NOT NULL,
    event_id TEXT NOT NULL,
    identifiers TEXT NOT NULL,
    create_ms BIGINT NOT NULL,
    actor TEXT NOT NULL,
    PRIMARY KEY (workspace_id, merge_id)
);
CREATE INDEX merges_customer ON merges (workspace_id, customer_id, create_ms);
CREATE TABLE conflicts (
    workspace_id TEXT NOT NULL,
    conflict_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    other_customer_ids TEXT NOT NULL,
    identifiers TEXT NOT NULL,
    reason TEXT NOT NULL,
    create_ms BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, conflict_id)
);
CREATE INDEX conflicts_event ON conflicts (workspace_id, event_id);
CREATE TABLE consents (
    workspace_id TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    granted BIGINT NOT NULL,
    update_ms BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, customer_id, channel)
);
CREATE TABLE consent_requests (
    workspace_id TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    granted BIGINT NOT NULL,
    stored_customer_id TEXT NOT NULL,
    update_ms BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, idempotency_key)
)
",
    },
    Migration {
        version: 2,
        name: "identity rules, conflict rules, unmerge, consent purposes and history, erasures",
        sql: "
CREATE TABLE identity_rules (
    workspace_id TEXT NOT NULL PRIMARY KEY,
    rules TEXT NOT NULL,
    update_ms BIGINT NOT NULL,
    actor TEXT NOT NULL
);
ALTER TABLE conflicts ADD COLUMN rule TEXT NOT NULL DEFAULT 'max_per_profile:user_id';
ALTER TABLE conflicts ADD COLUMN ignored TEXT NOT NULL DEFAULT '[]';
CREATE INDEX conflicts_customer ON conflicts (workspace_id, customer_id, create_ms);
CREATE INDEX conflicts_time ON conflicts (workspace_id, create_ms);
ALTER TABLE merges ADD COLUMN reason TEXT NOT NULL DEFAULT '';
ALTER TABLE merges ADD COLUMN unmerge_ms BIGINT;
ALTER TABLE merges ADD COLUMN unmerge_actor TEXT NOT NULL DEFAULT '';
CREATE INDEX merges_merged ON merges (workspace_id, merged_customer_id);
CREATE TABLE merge_requests (
    workspace_id TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    request TEXT NOT NULL,
    merge_id TEXT NOT NULL,
    PRIMARY KEY (workspace_id, idempotency_key)
);
CREATE TABLE separations (
    workspace_id TEXT NOT NULL,
    customer_a TEXT NOT NULL,
    customer_b TEXT NOT NULL,
    merge_id TEXT NOT NULL,
    create_ms BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, customer_a, customer_b)
);
CREATE INDEX events_customer_received ON events (workspace_id, customer_id, received_ms);
CREATE TABLE consent_details (
    workspace_id TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    purpose TEXT NOT NULL,
    granted BIGINT NOT NULL,
    source TEXT NOT NULL,
    proof TEXT NOT NULL,
    update_ms BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, customer_id, channel, purpose)
);
INSERT INTO consent_details (workspace_id, customer_id, channel, purpose, granted, source, proof, update_ms)
    SELECT workspace_id, customer_id, channel, 'marketing', granted, '', '', update_ms FROM consents;
CREATE TABLE unsubscribes (
    workspace_id TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    unsubscribed BIGINT NOT NULL,
    source TEXT NOT NULL,
    proof TEXT NOT NULL,
    update_ms BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, customer_id)
);
CREATE TABLE consent_history (
    workspace_id TEXT NOT NULL,
    record_id TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    purpose TEXT NOT NULL,
    granted BIGINT NOT NULL,
    is_global BIGINT NOT NULL,
    source TEXT NOT NULL,
    proof TEXT NOT NULL,
    create_ms BIGINT NOT NULL,
    actor TEXT NOT NULL,
    PRIMARY KEY (workspace_id, record_id)
);
CREATE INDEX consent_history_customer ON consent_history (workspace_id, customer_id, create_ms);
ALTER TABLE consent_requests ADD COLUMN purpose TEXT NOT NULL DEFAULT 'marketing';
CREATE TABLE erasures (
    workspace_id TEXT NOT NULL,
    erasure_id TEXT NOT NULL,
    customer_ids TEXT NOT NULL,
    create_ms BIGINT NOT NULL,
    actor TEXT NOT NULL,
    PRIMARY KEY (workspace_id, erasure_id)
)
",
    },
    Migration {
        version: 3,
        name: "identify trait updates, match signals and suggestions",
        sql: "
CREATE TABLE trait_updates (
    workspace_id TEXT NOT NULL,
    update_id TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    request TEXT NOT NULL,
    payload TEXT NOT NULL,
    time_ms BIGINT NOT NULL,
    received_ms BIGINT NOT NULL,
    applied BIGINT NOT NULL DEFAULT 0,
    actor TEXT NOT NULL,
    PRIMARY KEY (workspace_id, update_id)
);
CREATE UNIQUE INDEX trait_updates_key ON trait_updates (workspace_id, idempotency_key) WHERE idempotency_key <> '';
CREATE INDEX trait_updates_customer ON trait_updates (workspace_id, customer_id, received_ms);
CREATE TABLE match_signals (
    workspace_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    create_ms BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, kind, value, customer_id)
);
CREATE INDEX match_signals_customer ON match_signals (workspace_id, customer_id);
CREATE TABLE match_suggestions (
    workspace_id TEXT NOT NULL,
    suggestion_id TEXT NOT NULL,
    customer_a TEXT NOT NULL,
    customer_b TEXT NOT NULL,
    score_bp BIGINT NOT NULL,
    signals TEXT NOT NULL,
    state TEXT NOT NULL,
    create_ms BIGINT NOT NULL,
    update_ms BIGINT NOT NULL,
    merge_id TEXT NOT NULL DEFAULT '',
    decided_by TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (workspace_id, suggestion_id)
);
CREATE UNIQUE INDEX match_suggestions_pair ON match_suggestions (workspace_id, customer_a, customer_b);
CREATE INDEX match_suggestions_rank ON match_suggestions (workspace_id, state, score_bp)
",
    },
    Migration {
        version: 4,
        name: "encrypted email and phone identifiers",
        sql: "ALTER TABLE identifiers ADD COLUMN id_cipher TEXT NOT NULL DEFAULT ''",
    },
];

/// Runs the schema migrations, then the data step of version 4 in Rust: every email or
/// phone identifier still stored in plaintext (`id_cipher` empty) gets its keyed hash
/// in `id_value` and its sealed value in `id_cipher`. Idempotent; run at every start.
pub async fn migrate(db: &sea_orm::DatabaseConnection, crypto: &IdCrypto) -> Result<(), Error> {
    omni_storage::migrate(db, SERVICE, MIGRATIONS).await?;
    crate::preferences::migrate(db).await?;
    let rows = db
        .query_all_raw(st(
            db,
            "SELECT workspace_id, id_type, id_value FROM identifiers \
             WHERE id_type IN ('email', 'phone') AND id_cipher = ''",
            vec![],
        ))
        .await?;
    for r in &rows {
        let ws = get_str(r, "workspace_id")?;
        let id = Identifier {
            kind: IdType::new(get_str(r, "id_type")?),
            value: get_str(r, "id_value")?,
        };
        db.execute_raw(st(
            db,
            "UPDATE identifiers SET id_value = $4, id_cipher = $5 \
             WHERE workspace_id = $1 AND id_type = $2 AND id_value = $3 AND id_cipher = ''",
            vec![
                s(&ws),
                s(id.kind.as_str()),
                s(&id.value),
                s(&crypto.lookup_value(&ws, &id)),
                s(&crypto.seal(&ws, &id)?),
            ],
        ))
        .await?;
    }
    let mut sealed = rows.len();
    sealed += seal_legacy_json(db, crypto, "merges", "merge_id", &["identifiers"]).await?;
    sealed += seal_legacy_json(
        db,
        crypto,
        "conflicts",
        "conflict_id",
        &["identifiers", "ignored"],
    )
    .await?;
    let signals = db
        .query_all_raw(st(
            db,
            "SELECT workspace_id, value, customer_id FROM match_signals \
             WHERE kind = 'phone_suffix' AND value NOT LIKE 'hmac:%'",
            vec![],
        ))
        .await?;
    for r in &signals {
        let ws = get_str(r, "workspace_id")?;
        let value = get_str(r, "value")?;
        let customer = get_str(r, "customer_id")?;
        let keyed = crypto.keyed(&ws, "phone_suffix", &value);
        // The hashed row may exist already (the same suffix seen again); keep one.
        db.execute_raw(st(
            db,
            "DELETE FROM match_signals WHERE workspace_id = $1 AND kind = 'phone_suffix' \
             AND value = $2 AND customer_id = $3",
            vec![s(&ws), s(&keyed), s(&customer)],
        ))
        .await?;
        db.execute_raw(st(
            db,
            "UPDATE match_signals SET value = $4 WHERE workspace_id = $1 \
             AND kind = 'phone_suffix' AND value = $2 AND customer_id = $3",
            vec![s(&ws), s(&value), s(&customer), s(&keyed)],
        ))
        .await?;
    }
    sealed += signals.len();
    let results = db
        .query_all_raw(st(
            db,
            "SELECT workspace_id, event_id, result FROM events WHERE result <> '' \
             AND (result LIKE '%\"email\"%' OR result LIKE '%\"phone\"%') \
             AND result NOT LIKE '%sealed:%'",
            vec![],
        ))
        .await?;
    for r in &results {
        let ws = get_str(r, "workspace_id")?;
        let outcome = outcome_from_stored(crypto, &ws, &get_str(r, "result")?)?;
        db.execute_raw(st(
            db,
            "UPDATE events SET result = $3 WHERE workspace_id = $1 AND event_id = $2",
            vec![
                s(&ws),
                s(&get_str(r, "event_id")?),
                s(&outcome_to_stored(crypto, &ws, &outcome)?),
            ],
        ))
        .await?;
    }
    sealed += results.len();
    sealed += seal_legacy_text(
        db,
        crypto,
        "events",
        "event_id",
        &[("payload", EVENT_PAYLOAD)],
    )
    .await?;
    sealed += seal_legacy_text(
        db,
        crypto,
        "conflicts",
        "conflict_id",
        &[("reason", CONFLICT_REASON)],
    )
    .await?;
    sealed += seal_legacy_text(
        db,
        crypto,
        "trait_updates",
        "update_id",
        &[("request", UPDATE_REQUEST), ("payload", UPDATE_PAYLOAD)],
    )
    .await?;
    if sealed > 0 {
        tracing::info!(rows = sealed, "encrypted plaintext email/phone values");
    }
    Ok(())
}

/// Seals whole text `columns` (name, label) of rows of `table` written before
/// encryption, a batch at a time; returns how many rows changed.
async fn seal_legacy_text(
    db: &sea_orm::DatabaseConnection,
    crypto: &IdCrypto,
    table: &str,
    key: &str,
    columns: &[(&str, &str)],
) -> Result<usize, Error> {
    let names: Vec<&str> = columns.iter().map(|(c, _)| *c).collect();
    let mut done = 0;
    loop {
        let rows = db
            .query_all_raw(st(
                db,
                &format!(
                    "SELECT workspace_id, {key}, {} FROM {table} WHERE {} NOT LIKE 'sealed:%' LIMIT 500",
                    names.join(", "),
                    names[0]
                ),
                vec![],
            ))
            .await?;
        if rows.is_empty() {
            return Ok(done);
        }
        for r in &rows {
            let ws = get_str(r, "workspace_id")?;
            let mut values = Vec::with_capacity(columns.len() + 2);
            let mut sets = Vec::with_capacity(columns.len());
            for (c, label) in columns {
                values.push(crypto.seal_text(&ws, label, &get_str(r, c)?)?.into());
                sets.push(format!("{c} = ${}", values.len()));
            }
            values.push(s(&ws));
            let w = values.len();
            values.push(s(&get_str(r, key)?));
            let k = values.len();
            db.execute_raw(st(
                db,
                &format!(
                    "UPDATE {table} SET {} WHERE workspace_id = ${w} AND {key} = ${k}",
                    sets.join(", ")
                ),
                values,
            ))
            .await?;
        }
        done += rows.len();
    }
}

/// Seals the email and phone values inside the identifier-list JSON `columns` of rows
/// of `table` written before encryption; returns how many rows changed.
async fn seal_legacy_json(
    db: &sea_orm::DatabaseConnection,
    crypto: &IdCrypto,
    table: &str,
    key: &str,
    columns: &[&str],
) -> Result<usize, Error> {
    let plain = columns
        .iter()
        .map(|c| format!("({c} LIKE '%\"email\"%' OR {c} LIKE '%\"phone\"%')"))
        .collect::<Vec<_>>()
        .join(" OR ");
    let unsealed = columns
        .iter()
        .map(|c| format!("{c} NOT LIKE '%sealed:%'"))
        .collect::<Vec<_>>()
        .join(" AND ");
    let rows = db
        .query_all_raw(st(
            db,
            &format!(
                "SELECT workspace_id, {key}, {} FROM {table} WHERE ({plain}) AND {unsealed}",
                columns.join(", ")
            ),
            vec![],
        ))
        .await?;
    for r in &rows {
        let ws = get_str(r, "workspace_id")?;
        let id = get_str(r, key)?;
        let mut values = Vec::with_capacity(columns.len() + 2);
        let mut sets = Vec::with_capacity(columns.len());
        for c in columns {
            let ids: Vec<Identifier> = serde_json::from_str(&get_str(r, c)?)
                .map_err(|e| corrupt(&format!("{table}.{c}"), e))?;
            values.push(serde_json::to_string(&crypto.seal_list(&ws, &ids)?)?.into());
            sets.push(format!("{c} = ${}", values.len()));
        }
        values.push(s(&ws));
        let w = values.len();
        values.push(s(&id));
        let k = values.len();
        db.execute_raw(st(
            db,
            &format!(
                "UPDATE {table} SET {} WHERE workspace_id = ${w} AND {key} = ${k}",
                sets.join(", ")
            ),
            values,
        ))
        .await?;
    }
    Ok(rows.len())
}

/// Labels (associated data) of the sealed whole-column values.
pub(crate) const EVENT_PAYLOAD: &str = "events.payload";
const UPDATE_REQUEST: &str = "trait_updates.request";
const UPDATE_PAYLOAD: &str = "trait_updates.payload";
const CONFLICT_REASON: &str = "conflicts.reason";

pub(crate) fn st(conn: &impl ConnectionTrait, sql: &str, values: Vec<Value>) -> Statement {
    omni_storage::stmt(conn.get_database_backend(), sql, values)
}

pub(crate) fn s(v: &str) -> Value {
    v.to_owned().into()
}

pub(crate) fn get_str(row: &QueryResult, col: &str) -> Result<String, Error> {
    Ok(row.try_get::<String>("", col)?)
}

pub(crate) fn get_i64(row: &QueryResult, col: &str) -> Result<i64, Error> {
    Ok(row.try_get::<i64>("", col)?)
}

fn corrupt(what: &str, e: impl std::fmt::Display) -> Error {
    Error::Corrupt(format!("{what}: {e}"))
}

// ---- events -------------------------------------------------------------------------

/// The stored outcome of an accepted event, if `event_id` was accepted before.
pub async fn event_outcome(
    conn: &impl ConnectionTrait,
    crypto: &IdCrypto,
    ws: &str,
    event_id: &str,
) -> Result<Option<Outcome>, Error> {
    let row = conn
        .query_one_raw(st(
            conn,
            "SELECT result FROM events WHERE workspace_id = $1 AND event_id = $2",
            vec![s(ws), s(event_id)],
        ))
        .await?;
    row.map(|r| outcome_from_stored(crypto, ws, &get_str(&r, "result")?))
        .transpose()
}

/// `events.result` as stored: the outcome with its email and phone values sealed.
pub(crate) fn outcome_to_stored(
    crypto: &IdCrypto,
    ws: &str,
    outcome: &Outcome,
) -> Result<String, Error> {
    let mut o = outcome.clone();
    o.profile_identifiers = crypto.seal_list(ws, &o.profile_identifiers)?;
    o.ignored_identifiers = crypto.seal_list(ws, &o.ignored_identifiers)?;
    Ok(serde_json::to_string(&o)?)
}

/// The inverse of [`outcome_to_stored`].
fn outcome_from_stored(crypto: &IdCrypto, ws: &str, json: &str) -> Result<Outcome, Error> {
    let mut o: Outcome = serde_json::from_str(json).map_err(|e| corrupt("events.result", e))?;
    o.profile_identifiers = crypto.open_list(ws, std::mem::take(&mut o.profile_identifiers))?;
    o.ignored_identifiers = crypto.open_list(ws, std::mem::take(&mut o.ignored_identifiers))?;
    Ok(o)
}

/// Claims `event.event_id` for this transaction by inserting the event row (its
/// customer and result are filled by [`finish_event`]). False when the id was taken:
/// the event is a duplicate. Being the transaction's first write, this also takes
/// SQLite's write lock before anything is read, and on Postgres makes a concurrent
/// duplicate wait for the first to commit.
pub async fn claim_event(
    conn: &impl ConnectionTrait,
    crypto: &IdCrypto,
    ws: &str,
    event: &TrackedEvent,
    received_ms: i64,
    lease_until_ms: i64,
) -> Result<bool, Error> {
    let payload = crypto.seal_text(ws, EVENT_PAYLOAD, &serde_json::to_string(event)?)?;
    let res = conn
        .execute_raw(st(
            conn,
            "INSERT INTO events (workspace_id, event_id, customer_id, type, time_ms, payload, result, \
             received_ms, applied, published, lease_until_ms) \
             VALUES ($1, $2, '', $3, $4, $5, '', $6, 0, 0, $7) \
             ON CONFLICT (workspace_id, event_id) DO NOTHING",
            vec![
                s(ws),
                s(&event.event_id),
                s(&event.event_type),
                event.time_ms.into(),
                payload.into(),
                received_ms.into(),
                lease_until_ms.into(),
            ],
        ))
        .await?;
    Ok(res.rows_affected() == 1)
}

/// Records the resolution of a claimed event.
pub async fn finish_event(
    conn: &impl ConnectionTrait,
    crypto: &IdCrypto,
    ws: &str,
    event_id: &str,
    outcome: &Outcome,
) -> Result<(), Error> {
    let result = outcome_to_stored(crypto, ws, outcome)?;
    conn.execute_raw(st(
        conn,
        "UPDATE events SET customer_id = $3, result = $4 WHERE workspace_id = $1 AND event_id = $2",
        vec![
            s(ws),
            s(event_id),
            s(outcome.customer_id.as_str()),
            result.into(),
        ],
    ))
    .await?;
    Ok(())
}

/// Marks the event's profile update as applied to Redis.
pub async fn mark_applied(
    conn: &impl ConnectionTrait,
    ws: &str,
    event_id: &str,
) -> Result<(), Error> {
    conn.execute_raw(st(
        conn,
        "UPDATE events SET applied = 1 WHERE workspace_id = $1 AND event_id = $2",
        vec![s(ws), s(event_id)],
    ))
    .await?;
    Ok(())
}

/// Marks the event as published on the bus (its outbox work is done).
pub async fn mark_published(
    conn: &impl ConnectionTrait,
    ws: &str,
    event_id: &str,
) -> Result<(), Error> {
    conn.execute_raw(st(
        conn,
        "UPDATE events SET published = 1 WHERE workspace_id = $1 AND event_id = $2",
        vec![s(ws), s(event_id)],
    ))
    .await?;
    Ok(())
}

/// Sets `flag` (`applied` or `published`) on many events in one statement.
pub async fn mark_many(
    conn: &impl ConnectionTrait,
    ws: &str,
    flag: EventFlag,
    event_ids: &[&str],
) -> Result<(), Error> {
    for chunk in event_ids.chunks(500) {
        let placeholders: Vec<String> = (0..chunk.len()).map(|i| format!("${}", i + 2)).collect();
        let column = match flag {
            EventFlag::Applied => "applied",
            EventFlag::Published => "published",
        };
        let sql = format!(
            "UPDATE events SET {column} = 1 WHERE workspace_id = $1 AND event_id IN ({})",
            placeholders.join(", ")
        );
        let mut values = Vec::with_capacity(chunk.len() + 1);
        values.push(s(ws));
        values.extend(chunk.iter().map(|id| s(id)));
        conn.execute_raw(st(conn, &sql, values)).await?;
    }
    Ok(())
}

/// An outbox step flagged on an event row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventFlag {
    /// The profile update reached Redis.
    Applied,
    /// `EventIngested` reached the bus.
    Published,
}

/// An accepted event whose Redis update or bus publication is still outstanding.
#[derive(Clone, Debug)]
pub struct PendingEvent {
    /// Workspace of the event.
    pub workspace_id: String,
    /// The event.
    pub event: TrackedEvent,
    /// Its resolution.
    pub outcome: Outcome,
    /// Whether the profile update was already applied.
    pub applied: bool,
    /// The lease the row had when read (compare-and-set token for [`claim_pending`]).
    pub lease_until_ms: i64,
}

/// Up to `limit` unpublished events whose lease expired at `now_ms`, oldest first,
/// across all workspaces.
pub async fn pending_events(
    conn: &impl ConnectionTrait,
    crypto: &IdCrypto,
    now_ms: i64,
    limit: i64,
) -> Result<Vec<PendingEvent>, Error> {
    let rows = conn
        .query_all_raw(st(
            conn,
            "SELECT workspace_id, payload, result, applied, lease_until_ms FROM events \
             WHERE published = 0 AND lease_until_ms <= $1 ORDER BY received_ms, event_id LIMIT $2",
            vec![now_ms.into(), limit.into()],
        ))
        .await?;
    rows.iter()
        .map(|r| {
            let ws = get_str(r, "workspace_id")?;
            let payload = crypto.open_text(&ws, EVENT_PAYLOAD, &get_str(r, "payload")?)?;
            Ok(PendingEvent {
                event: serde_json::from_str(&payload).map_err(|e| corrupt("events.payload", e))?,
                outcome: outcome_from_stored(crypto, &ws, &get_str(r, "result")?)?,
                applied: get_i64(r, "applied")? != 0,
                lease_until_ms: get_i64(r, "lease_until_ms")?,
                workspace_id: ws,
            })
        })
        .collect()
}

/// Takes over a pending event until `new_lease_ms` if its lease is still the one read;
/// false when another worker got there first.
pub async fn claim_pending(
    conn: &impl ConnectionTrait,
    p: &PendingEvent,
    new_lease_ms: i64,
) -> Result<bool, Error> {
    let res = conn
        .execute_raw(st(
            conn,
            "UPDATE events SET lease_until_ms = $3 \
             WHERE workspace_id = $1 AND event_id = $2 AND lease_until_ms = $4 AND published = 0",
            vec![
                s(&p.workspace_id),
                s(&p.event.event_id),
                new_lease_ms.into(),
                p.lease_until_ms.into(),
            ],
        ))
        .await?;
    Ok(res.rows_affected() == 1)
}

// ---- customers and identifiers ------------------------------------------------------

/// The customer an identifier belongs to.
pub async fn lookup_identifier(
    conn: &impl ConnectionTrait,
    crypto: &IdCrypto,
    ws: &str,
    id: &Identifier,
) -> Result<Option<CustomerId>, Error> {
    let row = conn
        .query_one_raw(st(
            conn,
            "SELECT customer_id FROM identifiers WHERE workspace_id = $1 AND id_type = $2 AND id_value = $3",
            vec![s(ws), s(id.kind.as_str()), s(&crypto.lookup_value(ws, id))],
        ))
        .await?;
    row.map(|r| get_str(&r, "customer_id").map(CustomerId::new))
        .transpose()
}

/// Inserts an identifier for a customer. A unique violation means a concurrent Track
/// claimed it first; the caller retries the transaction.
pub async fn insert_identifier(
    conn: &impl ConnectionTrait,
    crypto: &IdCrypto,
    ws: &str,
    customer: &CustomerId,
    id: &Identifier,
    event_id: &str,
    now_ms: i64,
) -> Result<(), Error> {
    conn.execute_raw(st(
        conn,
        "INSERT INTO identifiers (workspace_id, id_type, id_value, customer_id, event_id, create_ms, id_cipher) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        vec![
            s(ws),
            s(id.kind.as_str()),
            s(&crypto.lookup_value(ws, id)),
            s(customer.as_str()),
            s(event_id),
            now_ms.into(),
            s(&crypto.seal(ws, id)?),
        ],
    ))
    .await?;
    Ok(())
}

/// Every identifier of a customer.
pub async fn identifiers_of(
    conn: &impl ConnectionTrait,
    crypto: &IdCrypto,
    ws: &str,
    customer: &CustomerId,
) -> Result<Vec<Identifier>, Error> {
    let rows = conn
        .query_all_raw(st(
            conn,
            "SELECT id_type, id_value, id_cipher FROM identifiers \
             WHERE workspace_id = $1 AND customer_id = $2",
            vec![s(ws), s(customer.as_str())],
        ))
        .await?;
    let mut ids = rows
        .iter()
        .map(|r| identifier_from_row(crypto, ws, r))
        .collect::<Result<Vec<_>, _>>()?;
    // Ordered by plaintext (the stored hashes would give a meaningless order).
    ids.sort_by(|a, b| (a.kind.as_str(), &a.value).cmp(&(b.kind.as_str(), &b.value)));
    Ok(ids)
}

/// The plaintext identifier of an `identifiers` row (`id_type`, `id_value`, `id_cipher`).
fn identifier_from_row(crypto: &IdCrypto, ws: &str, r: &QueryResult) -> Result<Identifier, Error> {
    let kind = get_str(r, "id_type")?;
    let value = crypto.open(
        ws,
        &kind,
        &get_str(r, "id_value")?,
        &get_str(r, "id_cipher")?,
    )?;
    Ok(Identifier {
        kind: IdType::new(kind),
        value,
    })
}

/// Creates a customer.
pub async fn insert_customer(
    conn: &impl ConnectionTrait,
    ws: &str,
    customer: &CustomerId,
    now_ms: i64,
) -> Result<(), Error> {
    conn.execute_raw(st(
        conn,
        "INSERT INTO customers (workspace_id, customer_id, create_ms, update_ms) VALUES ($1, $2, $3, $4)",
        vec![s(ws), s(customer.as_str()), now_ms.into(), now_ms.into()],
    ))
    .await?;
    Ok(())
}

/// Touches a live customer's row, which row-locks it for the rest of the transaction
/// on Postgres (SQLite already holds the database write lock). False when the customer
/// was merged away (or does not exist) in the meantime: the caller retries.
pub async fn lock_customer(
    conn: &impl ConnectionTrait,
    ws: &str,
    customer: &CustomerId,
    now_ms: i64,
) -> Result<bool, Error> {
    let res = conn
        .execute_raw(st(
            conn,
            "UPDATE customers SET update_ms = $3 \
             WHERE workspace_id = $1 AND customer_id = $2 AND merged_into IS NULL",
            vec![s(ws), s(customer.as_str()), now_ms.into()],
        ))
        .await?;
    Ok(res.rows_affected() == 1)
}

/// A customer's creation time, if it exists.
pub async fn customer_create_ms(
    conn: &impl ConnectionTrait,
    ws: &str,
    customer: &CustomerId,
) -> Result<Option<i64>, Error> {
    let row = conn
        .query_one_raw(st(
            conn,
            "SELECT create_ms FROM customers WHERE workspace_id = $1 AND customer_id = $2",
            vec![s(ws), s(customer.as_str())],
        ))
        .await?;
    row.map(|r| get_i64(&r, "create_ms")).transpose()
}

/// The live customer `customer` is now: itself, or the survivor it was merged into.
/// `None` when the id is unknown.
pub async fn resolve_customer(
    conn: &impl ConnectionTrait,
    ws: &str,
    customer: &CustomerId,
) -> Result<Option<CustomerId>, Error> {
    let mut current = customer.clone();
    // Merge chains are flattened when written, so this loops at most twice; the bound
    // guards against a corrupt cycle.
    for _ in 0..8 {
        let row = conn
            .query_one_raw(st(
                conn,
                "SELECT merged_into FROM customers WHERE workspace_id = $1 AND customer_id = $2",
                vec![s(ws), s(current.as_str())],
            ))
            .await?;
        let Some(row) = row else { return Ok(None) };
        match row.try_get::<Option<String>>("", "merged_into")? {
            Some(next) => current = CustomerId::new(next),
            None => return Ok(Some(current)),
        }
    }
    Err(corrupt(
        "customers.merged_into",
        format!("merge chain from {customer} does not end"),
    ))
}

/// Merges `merged` into `survivor`: moves its identifiers and consents, marks it merged,
/// and re-points customers previously merged into it (keeping chains one hop long).
/// Returns those previously merged customers.
pub async fn merge_customer(
    conn: &impl ConnectionTrait,
    ws: &str,
    survivor: &CustomerId,
    merged: &CustomerId,
    now_ms: i64,
) -> Result<Vec<CustomerId>, Error> {
    let rows = conn
        .query_all_raw(st(
            conn,
            "SELECT customer_id FROM customers WHERE workspace_id = $1 AND merged_into = $2",
            vec![s(ws), s(merged.as_str())],
        ))
        .await?;
    let earlier = rows
        .iter()
        .map(|r| get_str(r, "customer_id").map(CustomerId::new))
        .collect::<Result<Vec<_>, _>>()?;
    conn.execute_raw(st(
        conn,
        "UPDATE identifiers SET customer_id = $3 WHERE workspace_id = $1 AND customer_id = $2",
        vec![s(ws), s(merged.as_str()), s(survivor.as_str())],
    ))
    .await?;
    conn.execute_raw(st(
        conn,
        "UPDATE customers SET merged_into = $3, merge_ms = $4, update_ms = $5 \
         WHERE workspace_id = $1 AND customer_id = $2",
        vec![
            s(ws),
            s(merged.as_str()),
            s(survivor.as_str()),
            now_ms.into(),
            now_ms.into(),
        ],
    ))
    .await?;
    conn.execute_raw(st(
        conn,
        "UPDATE customers SET merged_into = $3 WHERE workspace_id = $1 AND merged_into = $2",
        vec![s(ws), s(merged.as_str()), s(survivor.as_str())],
    ))
    .await?;
    // Consent: the most recent decision per channel wins.
    for c in consents_of(conn, ws, merged).await? {
        upsert_consent(conn, ws, survivor, &c.channel, c.granted, c.update_ms).await?;
    }
    conn.execute_raw(st(
        conn,
        "DELETE FROM consents WHERE workspace_id = $1 AND customer_id = $2",
        vec![s(ws), s(merged.as_str())],
    ))
    .await?;
    merge_consent_state(conn, ws, survivor, merged).await?;
    Ok(earlier)
}

// ---- merges and conflicts -----------------------------------------------------------

/// One merge of two customers.
#[derive(Clone, Debug, PartialEq)]
pub struct MergeRecord {
    /// Merge id.
    pub merge_id: String,
    /// The surviving customer.
    pub customer_id: CustomerId,
    /// The customer merged away.
    pub merged_customer_id: CustomerId,
    /// The rule that allowed it.
    pub rule: String,
    /// The event that linked the two.
    pub event_id: String,
    /// The identifiers that linked them.
    pub identifiers: Vec<Identifier>,
    /// When (unix ms).
    pub create_ms: i64,
    /// API key id of the caller.
    pub actor: String,
    /// Reason given for a manual merge.
    pub reason: String,
    /// When it was undone (unix ms).
    pub unmerge_ms: Option<i64>,
    /// Who undid it.
    pub unmerge_actor: String,
}

/// Records a merge.
pub async fn insert_merge(
    conn: &impl ConnectionTrait,
    crypto: &IdCrypto,
    ws: &str,
    m: &MergeRecord,
) -> Result<(), Error> {
    let identifiers = serde_json::to_string(&crypto.seal_list(ws, &m.identifiers)?)?;
    conn.execute_raw(st(
        conn,
        "INSERT INTO merges (workspace_id, merge_id, customer_id, merged_customer_id, rule, event_id, \
         identifiers, create_ms, actor, reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        vec![
            s(ws),
            s(&m.merge_id),
            s(m.customer_id.as_str()),
            s(m.merged_customer_id.as_str()),
            s(&m.rule),
            s(&m.event_id),
            identifiers.into(),
            m.create_ms.into(),
            s(&m.actor),
            s(&m.reason),
        ],
    ))
    .await?;
    Ok(())
}

const MERGE_COLUMNS: &str = "merge_id, customer_id, merged_customer_id, rule, event_id, identifiers, \
     create_ms, actor, reason, unmerge_ms, unmerge_actor";

fn merge_from_row(crypto: &IdCrypto, ws: &str, r: &QueryResult) -> Result<MergeRecord, Error> {
    Ok(MergeRecord {
        merge_id: get_str(r, "merge_id")?,
        customer_id: CustomerId::new(get_str(r, "customer_id")?),
        merged_customer_id: CustomerId::new(get_str(r, "merged_customer_id")?),
        rule: get_str(r, "rule")?,
        event_id: get_str(r, "event_id")?,
        identifiers: crypto.open_list(
            ws,
            serde_json::from_str(&get_str(r, "identifiers")?)
                .map_err(|e| corrupt("merges.identifiers", e))?,
        )?,
        create_ms: get_i64(r, "create_ms")?,
        actor: get_str(r, "actor")?,
        reason: get_str(r, "reason")?,
        unmerge_ms: r.try_get::<Option<i64>>("", "unmerge_ms")?,
        unmerge_actor: get_str(r, "unmerge_actor")?,
    })
}

/// The merges that produced a live customer: into it, and into customers merged into
/// it (undone ones included), newest first.
pub async fn merges_into(
    conn: &impl ConnectionTrait,
    crypto: &IdCrypto,
    ws: &str,
    customer: &CustomerId,
) -> Result<Vec<MergeRecord>, Error> {
    let rows = conn
        .query_all_raw(st(
            conn,
            &format!(
                "SELECT {MERGE_COLUMNS} \
             FROM merges WHERE workspace_id = $1 AND (customer_id = $2 OR customer_id IN \
             (SELECT customer_id FROM customers WHERE workspace_id = $3 AND merged_into = $4)) \
             ORDER BY create_ms DESC, merge_id DESC"
            ),
            vec![s(ws), s(customer.as_str()), s(ws), s(customer.as_str())],
        ))
        .await?;
    rows.iter().map(|r| merge_from_row(crypto, ws, r)).collect()
}

/// One merge by id.
pub async fn merge_by_id(
    conn: &impl ConnectionTrait,
    crypto: &IdCrypto,
    ws: &str,
    merge_id: &str,
) -> Result<Option<MergeRecord>, Error> {
    let row = conn
        .query_one_raw(st(
            conn,
            &format!(
                "SELECT {MERGE_COLUMNS} FROM merges WHERE workspace_id = $1 AND merge_id = $2"
            ),
            vec![s(ws), s(merge_id)],
        ))
        .await?;
    row.as_ref()
        .map(|r| merge_from_row(crypto, ws, r))
        .transpose()
}

/// Active (not undone) merges whose survivor is `customer`.
pub async fn active_merges_by_survivor(
    conn: &impl ConnectionTrait,
    crypto: &IdCrypto,
    ws: &str,
    customer: &CustomerId,
) -> Result<Vec<MergeRecord>, Error> {
    let rows = conn
        .query_all_raw(st(
            conn,
            &format!(
                "SELECT {MERGE_COLUMNS} FROM merges WHERE workspace_id = $1 AND customer_id = $2 \
                 AND unmerge_ms IS NULL ORDER BY create_ms, merge_id"
            ),
            vec![s(ws), s(customer.as_str())],
        ))
        .await?;
    rows.iter().map(|r| merge_from_row(crypto, ws, r)).collect()
}

/// Marks a merge undone.
pub async fn mark_unmerged(
    conn: &impl ConnectionTrait,
    ws: &str,
    merge_id: &str,
    now_ms: i64,
    actor: &str,
) -> Result<(), Error> {
    conn.execute_raw(st(
        conn,
        "UPDATE merges SET unmerge_ms = $3, unmerge_actor = $4 WHERE workspace_id = $1 AND merge_id = $2",
        vec![s(ws), s(merge_id), now_ms.into(), s(actor)],
    ))
    .await?;
    Ok(())
}

/// How many customers were merged into `customer` (chains are flattened, so this is
/// every merge behind the profile).
pub async fn merge_count(
    conn: &impl ConnectionTrait,
    ws: &str,
    customer: &CustomerId,
) -> Result<u64, Error> {
    let row = conn
        .query_one_raw(st(
            conn,
            "SELECT COUNT(*) AS n FROM customers WHERE workspace_id = $1 AND merged_into = $2",
            vec![s(ws), s(customer.as_str())],
        ))
        .await?;
    Ok(row
        .map(|r| get_i64(&r, "n"))
        .transpose()?
        .map_or(0, |n| u64::try_from(n).unwrap_or(0)))
}

/// The customers of a live customer's cluster: itself and every id merged into it.
pub async fn cluster_of(
    conn: &impl ConnectionTrait,
    ws: &str,
    customer: &CustomerId,
) -> Result<Vec<CustomerId>, Error> {
    let rows = conn
        .query_all_raw(st(
            conn,
            "SELECT customer_id FROM customers WHERE workspace_id = $1 AND (customer_id = $2 OR merged_into = $3) \
             ORDER BY create_ms, customer_id",
            vec![s(ws), s(customer.as_str()), s(customer.as_str())],
        ))
        .await?;
    rows.iter()
        .map(|r| get_str(r, "customer_id").map(CustomerId::new))
        .collect()
}

/// Points `customer` at `merged_into` (or makes it live again with `None`).
pub async fn set_merged_into(
    conn: &impl ConnectionTrait,
    ws: &str,
    customer: &CustomerId,
    merged_into: Option<&CustomerId>,
    now_ms: i64,
) -> Result<(), Error> {
    conn.execute_raw(st(
        conn,
        "UPDATE customers SET merged_into = $3, merge_ms = $4, update_ms = $5 \
         WHERE workspace_id = $1 AND customer_id = $2",
        vec![
            s(ws),
            s(customer.as_str()),
            merged_into.map(|c| c.as_str().to_owned()).into(),
            merged_into.map(|_| now_ms).into(),
            now_ms.into(),
        ],
    ))
    .await?;
    Ok(())
}

/// Remembers that `a` and `b` were separated by an unmerge.
pub async fn insert_separation(
    conn: &impl ConnectionTrait,
    ws: &str,
    a: &CustomerId,
    b: &CustomerId,
    merge_id: &str,
    now_ms: i64,
) -> Result<(), Error> {
    let (a, b) = if a <= b { (a, b) } else { (b, a) };
    conn.execute_raw(st(
        conn,
        "INSERT INTO separations (workspace_id, customer_a, customer_b, merge_id, create_ms) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (workspace_id, customer_a, customer_b) DO NOTHING",
        vec![
            s(ws),
            s(a.as_str()),
            s(b.as_str()),
            s(merge_id),
            now_ms.into(),
        ],
    ))
    .await?;
    Ok(())
}

/// Forgets the separations between the clusters of `a` and `b` (a manual merge).
pub async fn delete_separations(
    conn: &impl ConnectionTrait,
    ws: &str,
    a: &[CustomerId],
    b: &[CustomerId],
) -> Result<(), Error> {
    for x in a {
        for y in b {
            let (p, q) = if x <= y { (x, y) } else { (y, x) };
            conn.execute_raw(st(
                conn,
                "DELETE FROM separations WHERE workspace_id = $1 AND customer_a = $2 AND customer_b = $3",
                vec![s(ws), s(p.as_str()), s(q.as_str())],
            ))
            .await?;
        }
    }
    Ok(())
}

/// Pairs of the given live customers whose clusters were separated by an unmerge.
pub async fn separations_among(
    conn: &impl ConnectionTrait,
    ws: &str,
    live: &[CustomerId],
) -> Result<Vec<(CustomerId, CustomerId)>, Error> {
    let mut owner = std::collections::BTreeMap::new();
    for c in live {
        for member in cluster_of(conn, ws, c).await? {
            owner.insert(member, c.clone());
        }
    }
    let mut found = Vec::new();
    for member in owner.keys() {
        let rows = conn
            .query_all_raw(st(
                conn,
                "SELECT customer_b AS other FROM separations WHERE workspace_id = $1 AND customer_a = $2",
                vec![s(ws), s(member.as_str())],
            ))
            .await?;
        for r in &rows {
            let other = CustomerId::new(get_str(r, "other")?);
            if let (Some(x), Some(y)) = (owner.get(member), owner.get(&other))
                && x != y
            {
                found.push((x.clone(), y.clone()));
            }
        }
    }
    Ok(found)
}

/// A conflict: the identity rules refused a merge or an identifier.
#[derive(Clone, Debug, PartialEq)]
pub struct ConflictRecord {
    /// Conflict id.
    pub conflict_id: String,
    /// The event.
    pub event_id: String,
    /// The customer the event went to.
    pub customer_id: CustomerId,
    /// The other customers the event's identifiers matched.
    pub other_customer_ids: Vec<CustomerId>,
    /// The event's identifiers.
    pub identifiers: Vec<Identifier>,
    /// The rule that refused the merge.
    pub rule: String,
    /// Human-readable reason.
    pub reason: String,
    /// Identifiers not attached because of the rule.
    pub ignored_identifiers: Vec<Identifier>,
    /// When (unix ms).
    pub create_ms: i64,
}

/// Records a conflict.
pub async fn insert_conflict(
    conn: &impl ConnectionTrait,
    crypto: &IdCrypto,
    ws: &str,
    c: &ConflictRecord,
) -> Result<(), Error> {
    conn.execute_raw(st(
        conn,
        "INSERT INTO conflicts (workspace_id, conflict_id, event_id, customer_id, other_customer_ids, \
         identifiers, reason, create_ms, rule, ignored) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        vec![
            s(ws),
            s(&c.conflict_id),
            s(&c.event_id),
            s(c.customer_id.as_str()),
            serde_json::to_string(&c.other_customer_ids)?.into(),
            serde_json::to_string(&crypto.seal_list(ws, &c.identifiers)?)?.into(),
            s(&crypto.seal_text(ws, CONFLICT_REASON, &c.reason)?),
            c.create_ms.into(),
            s(&c.rule),
            serde_json::to_string(&crypto.seal_list(ws, &c.ignored_identifiers)?)?.into(),
        ],
    ))
    .await?;
    Ok(())
}

// ---- consent ------------------------------------------------------------------------

/// A stored consent decision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsentRecord {
    /// Channel name (`email`, `push`, `sms`, `store`).
    pub channel: String,
    /// Whether consent is granted.
    pub granted: bool,
    /// When it was recorded (unix ms).
    pub update_ms: i64,
}

/// Stores a consent decision unless a newer one is already stored.
pub async fn upsert_consent(
    conn: &impl ConnectionTrait,
    ws: &str,
    customer: &CustomerId,
    channel: &str,
    granted: bool,
    update_ms: i64,
) -> Result<(), Error> {
    conn.execute_raw(st(
        conn,
        "INSERT INTO consents (workspace_id, customer_id, channel, granted, update_ms) \
         VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (workspace_id, customer_id, channel) DO UPDATE \
         SET granted = excluded.granted, update_ms = excluded.update_ms \
         WHERE consents.update_ms <= excluded.update_ms",
        vec![
            s(ws),
            s(customer.as_str()),
            s(channel),
            i64::from(granted).into(),
            update_ms.into(),
        ],
    ))
    .await?;
    Ok(())
}

/// Every consent decision of a customer.
pub async fn consents_of(
    conn: &impl ConnectionTrait,
    ws: &str,
    customer: &CustomerId,
) -> Result<Vec<ConsentRecord>, Error> {
    let rows = conn
        .query_all_raw(st(
            conn,
            "SELECT channel, granted, update_ms FROM consents WHERE workspace_id = $1 AND customer_id = $2 \
             ORDER BY channel",
            vec![s(ws), s(customer.as_str())],
        ))
        .await?;
    rows.iter()
        .map(|r| {
            Ok(ConsentRecord {
                channel: get_str(r, "channel")?,
                granted: get_i64(r, "granted")? != 0,
                update_ms: get_i64(r, "update_ms")?,
            })
        })
        .collect()
}

/// A remembered UpdateConsent call, keyed by its idempotency key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsentRequest {
    /// The customer id as the caller sent it.
    pub customer_id: CustomerId,
    /// Channel name.
    pub channel: String,
    /// Purpose name.
    pub purpose: String,
    /// Requested decision.
    pub granted: bool,
    /// The live customer the consent was stored for.
    pub stored_customer_id: CustomerId,
    /// When it was stored (unix ms).
    pub update_ms: i64,
}

/// The call first made with `key`, if any.
pub async fn consent_request(
    conn: &impl ConnectionTrait,
    ws: &str,
    key: &str,
) -> Result<Option<ConsentRequest>, Error> {
    let row = conn
        .query_one_raw(st(
            conn,
            "SELECT customer_id, channel, purpose, granted, stored_customer_id, update_ms FROM consent_requests \
             WHERE workspace_id = $1 AND idempotency_key = $2",
            vec![s(ws), s(key)],
        ))
        .await?;
    row.map(|r| {
        Ok(ConsentRequest {
            customer_id: CustomerId::new(get_str(&r, "customer_id")?),
            channel: get_str(&r, "channel")?,
            purpose: get_str(&r, "purpose")?,
            granted: get_i64(&r, "granted")? != 0,
            stored_customer_id: CustomerId::new(get_str(&r, "stored_customer_id")?),
            update_ms: get_i64(&r, "update_ms")?,
        })
    })
    .transpose()
}

/// Remembers a call under its idempotency key (unique violation: a concurrent retry
/// won; the caller retries and finds it).
pub async fn insert_consent_request(
    conn: &impl ConnectionTrait,
    ws: &str,
    key: &str,
    r: &ConsentRequest,
) -> Result<(), Error> {
    conn.execute_raw(st(
        conn,
        "INSERT INTO consent_requests (workspace_id, idempotency_key, customer_id, channel, granted, \
         stored_customer_id, update_ms, purpose) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        vec![
            s(ws),
            s(key),
            s(r.customer_id.as_str()),
            s(&r.channel),
            i64::from(r.granted).into(),
            s(r.stored_customer_id.as_str()),
            r.update_ms.into(),
            s(&r.purpose),
        ],
    ))
    .await?;
    Ok(())
}

// ---- identity rules -----------------------------------------------------------------

/// The workspace's stored rules; `None` when it never updated them.
pub async fn rules_of(conn: &impl ConnectionTrait, ws: &str) -> Result<Option<Rules>, Error> {
    let row = conn
        .query_one_raw(st(
            conn,
            "SELECT rules FROM identity_rules WHERE workspace_id = $1",
            vec![s(ws)],
        ))
        .await?;
    row.map(|r| {
        serde_json::from_str(&get_str(&r, "rules")?).map_err(|e| corrupt("identity_rules.rules", e))
    })
    .transpose()
}

/// Stores the workspace's rules.
pub async fn put_rules(
    conn: &impl ConnectionTrait,
    ws: &str,
    rules: &Rules,
    actor: &str,
) -> Result<(), Error> {
    conn.execute_raw(st(
        conn,
        "INSERT INTO identity_rules (workspace_id, rules, update_ms, actor) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (workspace_id) DO UPDATE SET rules = excluded.rules, update_ms = excluded.update_ms, \
         actor = excluded.actor",
        vec![
            s(ws),
            serde_json::to_string(rules)?.into(),
            rules.update_ms.into(),
            s(actor),
        ],
    ))
    .await?;
    Ok(())
}

// ---- listing: timeline and conflicts ------------------------------------------------

/// One event of a timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct LoggedEvent {
    /// The event.
    pub event: TrackedEvent,
    /// The customer it resolved to when accepted.
    pub customer_id: CustomerId,
    /// When it was accepted (unix ms).
    pub received_ms: i64,
}

/// A position in a list ordered by (time desc, id desc): the last item returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cursor {
    /// Time of the last item (unix ms).
    pub ms: i64,
    /// Id of the last item.
    pub id: String,
}

/// Appends keyset pagination, newest first: rows before `after` by (`order_col`,
/// `id_col`), ordered descending by both, at most `limit`.
fn push_page(
    sql: &mut String,
    values: &mut Vec<Value>,
    after: Option<&Cursor>,
    order_col: &str,
    id_col: &str,
    limit: u64,
) {
    if let Some(c) = after {
        values.push(c.ms.into());
        let t = values.len();
        values.push(s(&c.id));
        let i = values.len();
        sql.push_str(&format!(
            " AND ({order_col} < ${t} OR ({order_col} = ${t} AND {id_col} < ${i}))"
        ));
    }
    values.push(i64::try_from(limit).unwrap_or(i64::MAX).into());
    sql.push_str(&format!(
        " ORDER BY {order_col} DESC, {id_col} DESC LIMIT ${}",
        values.len()
    ));
}

fn event_from_row(crypto: &IdCrypto, ws: &str, r: &QueryResult) -> Result<LoggedEvent, Error> {
    let payload = crypto.open_text(ws, EVENT_PAYLOAD, &get_str(r, "payload")?)?;
    Ok(LoggedEvent {
        event: serde_json::from_str(&payload).map_err(|e| corrupt("events.payload", e))?,
        customer_id: CustomerId::new(get_str(r, "customer_id")?),
        received_ms: get_i64(r, "received_ms")?,
    })
}

/// Events of `customer`'s cluster, newest first (event time, then id), after `after`,
/// of the given types (all when empty); at most `limit`.
pub async fn list_events(
    conn: &impl ConnectionTrait,
    crypto: &IdCrypto,
    ws: &str,
    customer: &CustomerId,
    types: &[String],
    after: Option<&Cursor>,
    limit: u64,
) -> Result<Vec<LoggedEvent>, Error> {
    let mut sql = String::from(
        "SELECT payload, customer_id, received_ms FROM events WHERE workspace_id = $1 AND result <> '' \
         AND (customer_id = $2 OR customer_id IN \
         (SELECT customer_id FROM customers WHERE workspace_id = $1 AND merged_into = $2))",
    );
    let mut values: Vec<Value> = vec![s(ws), s(customer.as_str())];
    if !types.is_empty() {
        let mut marks = Vec::with_capacity(types.len());
        for t in types {
            values.push(s(t));
            marks.push(format!("${}", values.len()));
        }
        sql.push_str(&format!(" AND type IN ({})", marks.join(", ")));
    }
    push_page(&mut sql, &mut values, after, "time_ms", "event_id", limit);
    let rows = conn.query_all_raw(st(conn, &sql, values)).await?;
    rows.iter().map(|r| event_from_row(crypto, ws, r)).collect()
}

/// Every accepted event of the given customers, in the order they were accepted.
pub async fn events_of(
    conn: &impl ConnectionTrait,
    crypto: &IdCrypto,
    ws: &str,
    customers: &[CustomerId],
) -> Result<Vec<LoggedEvent>, Error> {
    let mut out = Vec::new();
    for c in customers {
        let rows = conn
            .query_all_raw(st(
                conn,
                "SELECT payload, customer_id, received_ms FROM events \
                 WHERE workspace_id = $1 AND customer_id = $2 AND result <> ''",
                vec![s(ws), s(c.as_str())],
            ))
            .await?;
        for r in &rows {
            out.push(event_from_row(crypto, ws, r)?);
        }
    }
    out.sort_by(|a, b| (a.received_ms, &a.event.event_id).cmp(&(b.received_ms, &b.event.event_id)));
    Ok(out)
}

/// Moves an event to another customer (unmerge replay).
pub async fn set_event_customer(
    conn: &impl ConnectionTrait,
    ws: &str,
    event_id: &str,
    customer: &CustomerId,
) -> Result<(), Error> {
    conn.execute_raw(st(
        conn,
        "UPDATE events SET customer_id = $3 WHERE workspace_id = $1 AND event_id = $2",
        vec![s(ws), s(event_id), s(customer.as_str())],
    ))
    .await?;
    Ok(())
}

/// Identifiers of `customer` with the event that first brought each one.
pub async fn identifier_sources(
    conn: &impl ConnectionTrait,
    crypto: &IdCrypto,
    ws: &str,
    customer: &CustomerId,
) -> Result<Vec<(Identifier, String)>, Error> {
    let rows = conn
        .query_all_raw(st(
            conn,
            "SELECT id_type, id_value, id_cipher, event_id FROM identifiers \
             WHERE workspace_id = $1 AND customer_id = $2",
            vec![s(ws), s(customer.as_str())],
        ))
        .await?;
    rows.iter()
        .map(|r| Ok((identifier_from_row(crypto, ws, r)?, get_str(r, "event_id")?)))
        .collect()
}

/// Moves one identifier to another customer.
pub async fn set_identifier_customer(
    conn: &impl ConnectionTrait,
    crypto: &IdCrypto,
    ws: &str,
    id: &Identifier,
    customer: &CustomerId,
) -> Result<(), Error> {
    conn.execute_raw(st(
        conn,
        "UPDATE identifiers SET customer_id = $4 WHERE workspace_id = $1 AND id_type = $2 AND id_value = $3",
        vec![s(ws), s(id.kind.as_str()), s(&crypto.lookup_value(ws, id)), s(customer.as_str())],
    ))
    .await?;
    Ok(())
}

fn conflict_from_row(
    crypto: &IdCrypto,
    ws: &str,
    r: &QueryResult,
) -> Result<ConflictRecord, Error> {
    Ok(ConflictRecord {
        conflict_id: get_str(r, "conflict_id")?,
        event_id: get_str(r, "event_id")?,
        customer_id: CustomerId::new(get_str(r, "customer_id")?),
        other_customer_ids: serde_json::from_str(&get_str(r, "other_customer_ids")?)
            .map_err(|e| corrupt("conflicts.other_customer_ids", e))?,
        identifiers: crypto.open_list(
            ws,
            serde_json::from_str(&get_str(r, "identifiers")?)
                .map_err(|e| corrupt("conflicts.identifiers", e))?,
        )?,
        rule: get_str(r, "rule")?,
        reason: crypto.open_text(ws, CONFLICT_REASON, &get_str(r, "reason")?)?,
        ignored_identifiers: crypto.open_list(
            ws,
            serde_json::from_str(&get_str(r, "ignored")?)
                .map_err(|e| corrupt("conflicts.ignored", e))?,
        )?,
        create_ms: get_i64(r, "create_ms")?,
    })
}

/// Conflicts, newest first: of `customer`'s cluster when given, else of the workspace.
pub async fn list_conflicts(
    conn: &impl ConnectionTrait,
    crypto: &IdCrypto,
    ws: &str,
    customer: Option<&CustomerId>,
    after: Option<&Cursor>,
    limit: u64,
) -> Result<Vec<ConflictRecord>, Error> {
    let mut sql = String::from(
        "SELECT conflict_id, event_id, customer_id, other_customer_ids, identifiers, rule, reason, \
         ignored, create_ms FROM conflicts WHERE workspace_id = $1",
    );
    let mut values: Vec<Value> = vec![s(ws)];
    if let Some(c) = customer {
        values.push(s(c.as_str()));
        sql.push_str(
            " AND (customer_id = $2 OR customer_id IN \
             (SELECT customer_id FROM customers WHERE workspace_id = $1 AND merged_into = $2))",
        );
    }
    push_page(
        &mut sql,
        &mut values,
        after,
        "create_ms",
        "conflict_id",
        limit,
    );
    let rows = conn.query_all_raw(st(conn, &sql, values)).await?;
    rows.iter()
        .map(|r| conflict_from_row(crypto, ws, r))
        .collect()
}

// ---- manual merges --------------------------------------------------------------------

/// The merge first made with an idempotency key, and the request it was made for.
pub async fn merge_request(
    conn: &impl ConnectionTrait,
    ws: &str,
    key: &str,
) -> Result<Option<(String, String)>, Error> {
    let row = conn
        .query_one_raw(st(
            conn,
            "SELECT request, merge_id FROM merge_requests WHERE workspace_id = $1 AND idempotency_key = $2",
            vec![s(ws), s(key)],
        ))
        .await?;
    row.map(|r| Ok((get_str(&r, "request")?, get_str(&r, "merge_id")?)))
        .transpose()
}

/// Remembers a manual merge under its idempotency key.
pub async fn insert_merge_request(
    conn: &impl ConnectionTrait,
    ws: &str,
    key: &str,
    request: &str,
    merge_id: &str,
) -> Result<(), Error> {
    conn.execute_raw(st(
        conn,
        "INSERT INTO merge_requests (workspace_id, idempotency_key, request, merge_id) VALUES ($1, $2, $3, $4)",
        vec![s(ws), s(key), s(request), s(merge_id)],
    ))
    .await?;
    Ok(())
}

// ---- consent per purpose, global unsubscribe, history -----------------------------------

/// A consent decision for one channel and purpose.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ConsentDetail {
    /// Channel name (`email`, `push`, `sms`, `store`).
    pub channel: String,
    /// Purpose name (`marketing`, `transactional`).
    pub purpose: String,
    /// Whether consent is granted.
    pub granted: bool,
    /// Where it was captured.
    pub source: String,
    /// Proof text.
    pub proof: String,
    /// When (unix ms).
    pub update_ms: i64,
}

/// A customer's global unsubscribe state.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Unsubscribe {
    /// Whether the customer is unsubscribed from all marketing.
    pub unsubscribed: bool,
    /// Where it was captured.
    pub source: String,
    /// Proof text.
    pub proof: String,
    /// When (unix ms).
    pub update_ms: i64,
}

/// One row of the consent history.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ConsentHistoryRecord {
    /// Record id.
    pub record_id: String,
    /// The live customer the decision was recorded for.
    pub customer_id: String,
    /// Channel name (empty for a global record).
    pub channel: String,
    /// Purpose name (empty for a global record).
    pub purpose: String,
    /// Granted (channel records) or unsubscribed (global records).
    pub granted: bool,
    /// True for a global unsubscribe record.
    pub global: bool,
    /// Where it was captured.
    pub source: String,
    /// Proof text.
    pub proof: String,
    /// When (unix ms).
    pub create_ms: i64,
    /// API key id of the caller.
    pub actor: String,
}

/// Stores a channel/purpose decision unless a newer one is stored.
pub async fn upsert_consent_detail(
    conn: &impl ConnectionTrait,
    ws: &str,
    customer: &CustomerId,
    d: &ConsentDetail,
) -> Result<(), Error> {
    conn.execute_raw(st(
        conn,
        "INSERT INTO consent_details (workspace_id, customer_id, channel, purpose, granted, source, proof, update_ms) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         ON CONFLICT (workspace_id, customer_id, channel, purpose) DO UPDATE \
         SET granted = excluded.granted, source = excluded.source, proof = excluded.proof, \
         update_ms = excluded.update_ms WHERE consent_details.update_ms <= excluded.update_ms",
        vec![
            s(ws),
            s(customer.as_str()),
            s(&d.channel),
            s(&d.purpose),
            i64::from(d.granted).into(),
            s(&d.source),
            s(&d.proof),
            d.update_ms.into(),
        ],
    ))
    .await?;
    Ok(())
}

/// Every channel/purpose decision of a customer.
pub async fn consent_details_of(
    conn: &impl ConnectionTrait,
    ws: &str,
    customer: &CustomerId,
) -> Result<Vec<ConsentDetail>, Error> {
    let rows = conn
        .query_all_raw(st(
            conn,
            "SELECT channel, purpose, granted, source, proof, update_ms FROM consent_details \
             WHERE workspace_id = $1 AND customer_id = $2 ORDER BY channel, purpose",
            vec![s(ws), s(customer.as_str())],
        ))
        .await?;
    rows.iter()
        .map(|r| {
            Ok(ConsentDetail {
                channel: get_str(r, "channel")?,
                purpose: get_str(r, "purpose")?,
                granted: get_i64(r, "granted")? != 0,
                source: get_str(r, "source")?,
                proof: get_str(r, "proof")?,
                update_ms: get_i64(r, "update_ms")?,
            })
        })
        .collect()
}

/// Stores the global unsubscribe state unless a newer one is stored.
pub async fn upsert_unsubscribe(
    conn: &impl ConnectionTrait,
    ws: &str,
    customer: &CustomerId,
    u: &Unsubscribe,
) -> Result<(), Error> {
    conn.execute_raw(st(
        conn,
        "INSERT INTO unsubscribes (workspace_id, customer_id, unsubscribed, source, proof, update_ms) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (workspace_id, customer_id) DO UPDATE \
         SET unsubscribed = excluded.unsubscribed, source = excluded.source, proof = excluded.proof, \
         update_ms = excluded.update_ms WHERE unsubscribes.update_ms <= excluded.update_ms",
        vec![
            s(ws),
            s(customer.as_str()),
            i64::from(u.unsubscribed).into(),
            s(&u.source),
            s(&u.proof),
            u.update_ms.into(),
        ],
    ))
    .await?;
    Ok(())
}

/// A customer's global unsubscribe state, if ever set.
pub async fn unsubscribe_of(
    conn: &impl ConnectionTrait,
    ws: &str,
    customer: &CustomerId,
) -> Result<Option<Unsubscribe>, Error> {
    let row = conn
        .query_one_raw(st(
            conn,
            "SELECT unsubscribed, source, proof, update_ms FROM unsubscribes WHERE workspace_id = $1 AND customer_id = $2",
            vec![s(ws), s(customer.as_str())],
        ))
        .await?;
    row.map(|r| {
        Ok(Unsubscribe {
            unsubscribed: get_i64(&r, "unsubscribed")? != 0,
            source: get_str(&r, "source")?,
            proof: get_str(&r, "proof")?,
            update_ms: get_i64(&r, "update_ms")?,
        })
    })
    .transpose()
}

/// Appends a consent history row.
pub async fn insert_consent_history(
    conn: &impl ConnectionTrait,
    ws: &str,
    h: &ConsentHistoryRecord,
) -> Result<(), Error> {
    conn.execute_raw(st(
        conn,
        "INSERT INTO consent_history (workspace_id, record_id, customer_id, channel, purpose, granted, \
         is_global, source, proof, create_ms, actor) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        vec![
            s(ws),
            s(&h.record_id),
            s(&h.customer_id),
            s(&h.channel),
            s(&h.purpose),
            i64::from(h.granted).into(),
            i64::from(h.global).into(),
            s(&h.source),
            s(&h.proof),
            h.create_ms.into(),
            s(&h.actor),
        ],
    ))
    .await?;
    Ok(())
}

/// Consent history of the given customers, newest first, after `after`, at most `limit`.
pub async fn consent_history(
    conn: &impl ConnectionTrait,
    ws: &str,
    customers: &[CustomerId],
    after: Option<&Cursor>,
    limit: u64,
) -> Result<Vec<ConsentHistoryRecord>, Error> {
    let mut values: Vec<Value> = vec![s(ws)];
    let mut marks = Vec::with_capacity(customers.len());
    for c in customers {
        values.push(s(c.as_str()));
        marks.push(format!("${}", values.len()));
    }
    if marks.is_empty() {
        return Ok(Vec::new());
    }
    let mut sql = format!(
        "SELECT record_id, customer_id, channel, purpose, granted, is_global, source, proof, create_ms, actor \
         FROM consent_history WHERE workspace_id = $1 AND customer_id IN ({})",
        marks.join(", ")
    );
    push_page(
        &mut sql,
        &mut values,
        after,
        "create_ms",
        "record_id",
        limit,
    );
    let rows = conn.query_all_raw(st(conn, &sql, values)).await?;
    rows.iter()
        .map(|r| {
            Ok(ConsentHistoryRecord {
                record_id: get_str(r, "record_id")?,
                customer_id: get_str(r, "customer_id")?,
                channel: get_str(r, "channel")?,
                purpose: get_str(r, "purpose")?,
                granted: get_i64(r, "granted")? != 0,
                global: get_i64(r, "is_global")? != 0,
                source: get_str(r, "source")?,
                proof: get_str(r, "proof")?,
                create_ms: get_i64(r, "create_ms")?,
                actor: get_str(r, "actor")?,
            })
        })
        .collect()
}

/// Drops a live customer's current consent state (consents, details, unsubscribe), to
/// be recomputed from history after an unmerge.
pub async fn clear_consent_state(
    conn: &impl ConnectionTrait,
    ws: &str,
    customer: &CustomerId,
) -> Result<(), Error> {
    for table in ["consents", "consent_details", "unsubscribes"] {
        conn.execute_raw(st(
            conn,
            &format!("DELETE FROM {table} WHERE workspace_id = $1 AND customer_id = $2"),
            vec![s(ws), s(customer.as_str())],
        ))
        .await?;
    }
    Ok(())
}

/// Moves a merged customer's consent details and unsubscribe into the survivor (the
/// most recent decision wins).
pub async fn merge_consent_state(
    conn: &impl ConnectionTrait,
    ws: &str,
    survivor: &CustomerId,
    merged: &CustomerId,
) -> Result<(), Error> {
    for d in consent_details_of(conn, ws, merged).await? {
        upsert_consent_detail(conn, ws, survivor, &d).await?;
    }
    if let Some(u) = unsubscribe_of(conn, ws, merged).await? {
        upsert_unsubscribe(conn, ws, survivor, &u).await?;
    }
    for table in ["consent_details", "unsubscribes"] {
        conn.execute_raw(st(
            conn,
            &format!("DELETE FROM {table} WHERE workspace_id = $1 AND customer_id = $2"),
            vec![s(ws), s(merged.as_str())],
        ))
        .await?;
    }
    Ok(())
}

// ---- erasure --------------------------------------------------------------------------

/// Deletes every row identity holds about the given customers (one person's cluster)
/// and records the erasure (ids only).
pub async fn erase(
    conn: &impl ConnectionTrait,
    ws: &str,
    customers: &[CustomerId],
    erasure_id: &str,
    now_ms: i64,
    actor: &str,
) -> Result<(), Error> {
    for c in customers {
        let id = c.as_str();
        let by_customer: [(&str, &str); 9] = [
            ("conflicts", "customer_id"),
            ("identifiers", "customer_id"),
            ("consents", "customer_id"),
            ("consent_details", "customer_id"),
            ("unsubscribes", "customer_id"),
            ("consent_history", "customer_id"),
            ("consent_requests", "stored_customer_id"),
            ("consent_requests", "customer_id"),
            ("customers", "customer_id"),
        ];
        conn.execute_raw(st(
            conn,
            "DELETE FROM conflicts WHERE workspace_id = $1 AND event_id IN \
             (SELECT event_id FROM events WHERE workspace_id = $1 AND customer_id = $2)",
            vec![s(ws), s(id)],
        ))
        .await?;
        conn.execute_raw(st(
            conn,
            "DELETE FROM merge_requests WHERE workspace_id = $1 AND merge_id IN \
             (SELECT merge_id FROM merges WHERE workspace_id = $1 AND (customer_id = $2 OR merged_customer_id = $2))",
            vec![s(ws), s(id)],
        ))
        .await?;
        for (table, column) in by_customer {
            conn.execute_raw(st(
                conn,
                &format!("DELETE FROM {table} WHERE workspace_id = $1 AND {column} = $2"),
                vec![s(ws), s(id)],
            ))
            .await?;
        }
        for sql in [
            "DELETE FROM trait_updates WHERE workspace_id = $1 AND customer_id = $2",
            "DELETE FROM match_signals WHERE workspace_id = $1 AND customer_id = $2",
            "DELETE FROM match_suggestions WHERE workspace_id = $1 AND (customer_a = $2 OR customer_b = $2)",
            "DELETE FROM events WHERE workspace_id = $1 AND customer_id = $2",
            "DELETE FROM merges WHERE workspace_id = $1 AND (customer_id = $2 OR merged_customer_id = $2)",
            "DELETE FROM separations WHERE workspace_id = $1 AND (customer_a = $2 OR customer_b = $2)",
        ] {
            conn.execute_raw(st(conn, sql, vec![s(ws), s(id)])).await?;
        }
    }
    let ids: Vec<&str> = customers.iter().map(CustomerId::as_str).collect();
    conn.execute_raw(st(
        conn,
        "INSERT INTO erasures (workspace_id, erasure_id, customer_ids, create_ms, actor) VALUES ($1, $2, $3, $4, $5)",
        vec![
            s(ws),
            s(erasure_id),
            serde_json::to_string(&ids)?.into(),
            now_ms.into(),
            s(actor),
        ],
    ))
    .await?;
    Ok(())
}

/// Every workspace with customers.
pub async fn workspaces(conn: &impl ConnectionTrait) -> Result<Vec<String>, Error> {
    let rows = conn
        .query_all_raw(st(
            conn,
            "SELECT DISTINCT workspace_id FROM customers ORDER BY workspace_id",
            vec![],
        ))
        .await?;
    rows.iter().map(|r| get_str(r, "workspace_id")).collect()
}

/// Every live (not merged-away) customer of a workspace.
pub async fn live_customers(
    conn: &impl ConnectionTrait,
    ws: &str,
) -> Result<Vec<CustomerId>, Error> {
    let rows = conn
        .query_all_raw(st(
            conn,
            "SELECT customer_id FROM customers WHERE workspace_id = $1 AND merged_into IS NULL \
             ORDER BY customer_id",
            vec![s(ws)],
        ))
        .await?;
    rows.iter()
        .map(|r| get_str(r, "customer_id").map(CustomerId::new))
        .collect()
}

/// A write that changes nothing, as a transaction's first statement: on SQLite it
/// takes the write lock before anything is read (a read-then-write transaction could
/// otherwise fail to upgrade under a concurrent writer); on Postgres it is a no-op.
pub async fn begin_write(conn: &impl ConnectionTrait) -> Result<(), Error> {
    conn.execute_raw(st(
        conn,
        "UPDATE customers SET update_ms = update_ms WHERE 1 = 0",
        vec![],
    ))
    .await?;
    Ok(())
}

// ---- identify: trait updates ------------------------------------------------------------

/// One Identify call as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct TraitUpdateRow {
    /// Row id.
    pub update_id: String,
    /// The live customer it was written to.
    pub customer_id: CustomerId,
    /// Idempotency key (may be empty).
    pub idempotency_key: String,
    /// Fingerprint of the request (for idempotency-key reuse checks).
    pub request: String,
    /// The change, as JSON ([`crate::identify::TraitChange`]).
    pub payload: String,
    /// When the traits were captured (unix ms).
    pub time_ms: i64,
    /// When identity accepted the call (unix ms).
    pub received_ms: i64,
    /// Whether the change reached Redis.
    pub applied: bool,
    /// API key id of the caller.
    pub actor: String,
}

const TRAIT_UPDATE_COLUMNS: &str = "update_id, customer_id, idempotency_key, request, payload, time_ms, received_ms, applied, actor";

fn trait_update_from_row(
    crypto: &IdCrypto,
    ws: &str,
    r: &QueryResult,
) -> Result<TraitUpdateRow, Error> {
    Ok(TraitUpdateRow {
        update_id: get_str(r, "update_id")?,
        customer_id: CustomerId::new(get_str(r, "customer_id")?),
        idempotency_key: get_str(r, "idempotency_key")?,
        request: crypto.open_text(ws, UPDATE_REQUEST, &get_str(r, "request")?)?,
        payload: crypto.open_text(ws, UPDATE_PAYLOAD, &get_str(r, "payload")?)?,
        time_ms: get_i64(r, "time_ms")?,
        received_ms: get_i64(r, "received_ms")?,
        applied: get_i64(r, "applied")? != 0,
        actor: get_str(r, "actor")?,
    })
}

/// Stores an Identify call (a unique violation on the key: a concurrent retry won).
pub async fn insert_trait_update(
    conn: &impl ConnectionTrait,
    crypto: &IdCrypto,
    ws: &str,
    u: &TraitUpdateRow,
) -> Result<(), Error> {
    conn.execute_raw(st(
        conn,
        &format!(
            "INSERT INTO trait_updates (workspace_id, {TRAIT_UPDATE_COLUMNS}) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
        ),
        vec![
            s(ws),
            s(&u.update_id),
            s(u.customer_id.as_str()),
            s(&u.idempotency_key),
            s(&crypto.seal_text(ws, UPDATE_REQUEST, &u.request)?),
            s(&crypto.seal_text(ws, UPDATE_PAYLOAD, &u.payload)?),
            u.time_ms.into(),
            u.received_ms.into(),
            i64::from(u.applied).into(),
            s(&u.actor),
        ],
    ))
    .await?;
    Ok(())
}

/// The Identify call first made with `key`.
pub async fn trait_update_by_key(
    conn: &impl ConnectionTrait,
    crypto: &IdCrypto,
    ws: &str,
    key: &str,
) -> Result<Option<TraitUpdateRow>, Error> {
    let row = conn
        .query_one_raw(st(
            conn,
            &format!(
                "SELECT {TRAIT_UPDATE_COLUMNS} FROM trait_updates \
                 WHERE workspace_id = $1 AND idempotency_key = $2"
            ),
            vec![s(ws), s(key)],
        ))
        .await?;
    row.as_ref()
        .map(|r| trait_update_from_row(crypto, ws, r))
        .transpose()
}

/// Marks an Identify call as written to Redis.
pub async fn mark_trait_update_applied(
    conn: &impl ConnectionTrait,
    ws: &str,
    update_id: &str,
) -> Result<(), Error> {
    conn.execute_raw(st(
        conn,
        "UPDATE trait_updates SET applied = 1 WHERE workspace_id = $1 AND update_id = $2",
        vec![s(ws), s(update_id)],
    ))
    .await?;
    Ok(())
}

/// Every Identify call of the given customers, in acceptance order.
pub async fn trait_updates_of(
    conn: &impl ConnectionTrait,
    crypto: &IdCrypto,
    ws: &str,
    customers: &[CustomerId],
) -> Result<Vec<TraitUpdateRow>, Error> {
    let mut out = Vec::new();
    for c in customers {
        let rows = conn
            .query_all_raw(st(
                conn,
                &format!(
                    "SELECT {TRAIT_UPDATE_COLUMNS} FROM trait_updates \
                     WHERE workspace_id = $1 AND customer_id = $2"
                ),
                vec![s(ws), s(c.as_str())],
            ))
            .await?;
        for r in &rows {
            out.push(trait_update_from_row(crypto, ws, r)?);
        }
    }
    out.sort_by(|a, b| (a.received_ms, &a.update_id).cmp(&(b.received_ms, &b.update_id)));
    Ok(out)
}

// ---- match signals and suggestions ------------------------------------------------------

/// Indexes a fuzzy signal of a customer (no-op when already indexed).
pub async fn insert_signal(
    conn: &impl ConnectionTrait,
    ws: &str,
    kind: &str,
    value: &str,
    customer: &CustomerId,
    now_ms: i64,
) -> Result<(), Error> {
    conn.execute_raw(st(
        conn,
        "INSERT INTO match_signals (workspace_id, kind, value, customer_id, create_ms) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (workspace_id, kind, value, customer_id) DO NOTHING",
        vec![s(ws), s(kind), s(value), s(customer.as_str()), now_ms.into()],
    ))
    .await?;
    Ok(())
}

/// Up to `limit` customers other than `except` holding the signal.
pub async fn customers_with_signal(
    conn: &impl ConnectionTrait,
    ws: &str,
    kind: &str,
    value: &str,
    except: &CustomerId,
    limit: u64,
) -> Result<Vec<CustomerId>, Error> {
    let rows = conn
        .query_all_raw(st(
            conn,
            "SELECT customer_id FROM match_signals WHERE workspace_id = $1 AND kind = $2 \
             AND value = $3 AND customer_id <> $4 ORDER BY customer_id LIMIT $5",
            vec![
                s(ws),
                s(kind),
                s(value),
                s(except.as_str()),
                i64::try_from(limit).unwrap_or(i64::MAX).into(),
            ],
        ))
        .await?;
    rows.iter()
        .map(|r| get_str(r, "customer_id").map(CustomerId::new))
        .collect()
}

/// Every `(kind, value)` signal of the given customers.
pub async fn signals_of(
    conn: &impl ConnectionTrait,
    ws: &str,
    customers: &[CustomerId],
) -> Result<Vec<(String, String)>, Error> {
    let mut out = Vec::new();
    for c in customers {
        let rows = conn
            .query_all_raw(st(
                conn,
                "SELECT kind, value FROM match_signals WHERE workspace_id = $1 AND customer_id = $2",
                vec![s(ws), s(c.as_str())],
            ))
            .await?;
        for r in &rows {
            out.push((get_str(r, "kind")?, get_str(r, "value")?));
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// A stored match suggestion.
#[derive(Clone, Debug, PartialEq)]
pub struct SuggestionRecord {
    /// Suggestion id.
    pub suggestion_id: String,
    /// The older customer of the pair.
    pub customer_a: CustomerId,
    /// The other customer.
    pub customer_b: CustomerId,
    /// Score in basis points (0 to 10,000).
    pub score_bp: i64,
    /// The signals, as JSON ([`crate::suggest::Signal`] list).
    pub signals: String,
    /// `open`, `accepted` or `rejected`.
    pub state: String,
    /// When first suggested (unix ms).
    pub create_ms: i64,
    /// When last rescored or decided (unix ms).
    pub update_ms: i64,
    /// The merge made on acceptance.
    pub merge_id: String,
    /// API key id of the reviewer.
    pub decided_by: String,
    /// The reviewer's reason.
    pub reason: String,
}

const SUGGESTION_COLUMNS: &str = "suggestion_id, customer_a, customer_b, score_bp, signals, state, \
     create_ms, update_ms, merge_id, decided_by, reason";

fn suggestion_from_row(r: &QueryResult) -> Result<SuggestionRecord, Error> {
    Ok(SuggestionRecord {
        suggestion_id: get_str(r, "suggestion_id")?,
        customer_a: CustomerId::new(get_str(r, "customer_a")?),
        customer_b: CustomerId::new(get_str(r, "customer_b")?),
        score_bp: get_i64(r, "score_bp")?,
        signals: get_str(r, "signals")?,
        state: get_str(r, "state")?,
        create_ms: get_i64(r, "create_ms")?,
        update_ms: get_i64(r, "update_ms")?,
        merge_id: get_str(r, "merge_id")?,
        decided_by: get_str(r, "decided_by")?,
        reason: get_str(r, "reason")?,
    })
}

/// Suggestions between any customer of `a` and any customer of `b`.
pub async fn suggestions_between(
    conn: &impl ConnectionTrait,
    ws: &str,
    a: &[CustomerId],
    b: &[CustomerId],
) -> Result<Vec<SuggestionRecord>, Error> {
    let mut values: Vec<Value> = vec![s(ws)];
    let marks = |ids: &[CustomerId], values: &mut Vec<Value>| {
        ids.iter()
            .map(|c| {
                values.push(s(c.as_str()));
                format!("${}", values.len())
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    if a.is_empty() || b.is_empty() {
        return Ok(Vec::new());
    }
    let ma = marks(a, &mut values);
    let mb = marks(b, &mut values);
    let rows = conn
        .query_all_raw(st(
            conn,
            &format!(
                "SELECT {SUGGESTION_COLUMNS} FROM match_suggestions WHERE workspace_id = $1 AND \
                 ((customer_a IN ({ma}) AND customer_b IN ({mb})) OR (customer_a IN ({mb}) AND customer_b IN ({ma})))"
            ),
            values,
        ))
        .await?;
    rows.iter().map(suggestion_from_row).collect()
}

/// Inserts a suggestion (a unique violation: the pair is already suggested).
pub async fn insert_suggestion(
    conn: &impl ConnectionTrait,
    ws: &str,
    r: &SuggestionRecord,
) -> Result<(), Error> {
    conn.execute_raw(st(
        conn,
        &format!(
            "INSERT INTO match_suggestions (workspace_id, {SUGGESTION_COLUMNS}) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) \
             ON CONFLICT (workspace_id, customer_a, customer_b) DO NOTHING"
        ),
        vec![
            s(ws),
            s(&r.suggestion_id),
            s(r.customer_a.as_str()),
            s(r.customer_b.as_str()),
            r.score_bp.into(),
            s(&r.signals),
            s(&r.state),
            r.create_ms.into(),
            r.update_ms.into(),
            s(&r.merge_id),
            s(&r.decided_by),
            s(&r.reason),
        ],
    ))
    .await?;
    Ok(())
}

/// Rescores an open suggestion.
pub async fn rescore_suggestion(
    conn: &impl ConnectionTrait,
    ws: &str,
    suggestion_id: &str,
    score_bp: i64,
    signals: &str,
    now_ms: i64,
) -> Result<(), Error> {
    conn.execute_raw(st(
        conn,
        "UPDATE match_suggestions SET score_bp = $3, signals = $4, update_ms = $5 \
         WHERE workspace_id = $1 AND suggestion_id = $2 AND state = 'open'",
        vec![
            s(ws),
            s(suggestion_id),
            score_bp.into(),
            s(signals),
            now_ms.into(),
        ],
    ))
    .await?;
    Ok(())
}

/// One suggestion by id.
pub async fn suggestion_by_id(
    conn: &impl ConnectionTrait,
    ws: &str,
    suggestion_id: &str,
) -> Result<Option<SuggestionRecord>, Error> {
    let row = conn
        .query_one_raw(st(
            conn,
            &format!(
                "SELECT {SUGGESTION_COLUMNS} FROM match_suggestions WHERE workspace_id = $1 AND suggestion_id = $2"
            ),
            vec![s(ws), s(suggestion_id)],
        ))
        .await?;
    row.as_ref().map(suggestion_from_row).transpose()
}

/// Records a decision on an open suggestion; false when it was no longer open.
pub async fn decide_suggestion(
    conn: &impl ConnectionTrait,
    d: &crate::suggest::Decision<'_>,
    state: &str,
    merge_id: &str,
) -> Result<bool, Error> {
    let res = conn
        .execute_raw(st(
            conn,
            "UPDATE match_suggestions SET state = $3, merge_id = $4, decided_by = $5, reason = $6, \
             update_ms = $7 WHERE workspace_id = $1 AND suggestion_id = $2 AND state = 'open'",
            vec![
                s(d.workspace),
                s(d.suggestion_id),
                s(state),
                s(merge_id),
                s(d.actor),
                s(d.reason),
                d.now_ms.into(),
            ],
        ))
        .await?;
    Ok(res.rows_affected() == 1)
}

/// Suggestions in `state`, best score first (then id), optionally only those touching
/// one of `customers`, after `after` (score in `ms`), at most `limit`.
pub async fn list_suggestions(
    conn: &impl ConnectionTrait,
    ws: &str,
    state: &str,
    customers: Option<&[CustomerId]>,
    after: Option<&Cursor>,
    limit: u64,
) -> Result<Vec<SuggestionRecord>, Error> {
    let mut values: Vec<Value> = vec![s(ws), s(state)];
    let mut sql = format!(
        "SELECT {SUGGESTION_COLUMNS} FROM match_suggestions WHERE workspace_id = $1 AND state = $2"
    );
    if let Some(customers) = customers {
        let mut marks = Vec::with_capacity(customers.len());
        for c in customers {
            values.push(s(c.as_str()));
            marks.push(format!("${}", values.len()));
        }
        if marks.is_empty() {
            return Ok(Vec::new());
        }
        let m = marks.join(", ");
        sql.push_str(&format!(
            " AND (customer_a IN ({m}) OR customer_b IN ({m}))"
        ));
    }
    push_page(
        &mut sql,
        &mut values,
        after,
        "score_bp",
        "suggestion_id",
        limit,
    );
    let rows = conn.query_all_raw(st(conn, &sql, values)).await?;
    rows.iter().map(suggestion_from_row).collect()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    const WS: &str = "legacy";

    async fn raw(db: &sea_orm::DatabaseConnection, sql: &str, values: Vec<Value>) {
        db.execute_raw(st(db, sql, values)).await.expect(sql);
    }

    /// Rows written before encryption (plaintext email and phone) are sealed by the
    /// start-up step, stay readable and findable, and a second run changes nothing.
    #[tokio::test]
    async fn start_up_seals_plaintext_rows() -> anyhow::Result<()> {
        let db = omni_storage::connect(&omni_testkit::database_url("identity").await?).await?;
        omni_storage::migrate(&db, SERVICE, MIGRATIONS).await?;
        let crypto = IdCrypto::from_secret("legacy-test");
        let email = Identifier::new("email", "old@example.com");
        let phone = Identifier::new("phone", "+14155550123");
        let ids = json!([email, phone]).to_string();
        let event = json!({"event_id": "e1", "type": "signup", "time_ms": 1, "identifiers": [email, phone],
            "source": "web"});
        let outcome = json!({"customer_id": "c1", "created": true, "merged_customer_ids": [],
            "aliased_customer_ids": [], "profile_identifiers": [email, phone], "conflict": false});
        for id in [&email, &phone] {
            raw(&db, "INSERT INTO identifiers (workspace_id, id_type, id_value, customer_id, event_id, create_ms) \
                 VALUES ($1, $2, $3, 'c1', 'e1', 1)", vec![s(WS), s(id.kind.as_str()), s(&id.value)]).await;
        }
        raw(&db, "INSERT INTO events (workspace_id, event_id, customer_id, type, time_ms, payload, result, \
             received_ms, applied, published, lease_until_ms) VALUES ($1, 'e1', 'c1', 'signup', 1, $2, $3, 1, 1, 1, 0)",
            vec![s(WS), s(&event.to_string()), s(&outcome.to_string())]).await;
        raw(&db, "INSERT INTO merges (workspace_id, merge_id, customer_id, merged_customer_id, rule, event_id, \
             identifiers, create_ms, actor) VALUES ($1, 'm1', 'c1', 'c2', 'shared-identifier', 'e1', $2, 1, 'k')",
            vec![s(WS), s(&ids)]).await;
        raw(&db, "INSERT INTO conflicts (workspace_id, conflict_id, event_id, customer_id, other_customer_ids, \
             identifiers, reason, create_ms, rule, ignored) VALUES ($1, 'k1', 'e1', 'c1', '[]', $2, \
             'one profile would hold 2 email identifiers (old@example.com, x@y.co)', 1, 'max_per_profile:email', $2)",
            vec![s(WS), s(&ids)]).await;
        raw(
            &db,
            "INSERT INTO match_signals (workspace_id, kind, value, customer_id, create_ms) \
             VALUES ($1, 'phone_suffix', '5550123', 'c1', 1)",
            vec![s(WS)],
        )
        .await;
        raw(&db, "INSERT INTO trait_updates (workspace_id, update_id, customer_id, idempotency_key, request, \
             payload, time_ms, received_ms, applied, actor) VALUES ($1, 'u1', 'c1', 'key', \
             '[\"identifier:email:old@example.com\"]', '{}', 1, 1, 1, 'k')", vec![s(WS)]).await;

        migrate(&db, &crypto).await?;
        let sealed = |db: &sea_orm::DatabaseConnection| {
            let db = db.clone();
            async move {
                let mut all = Vec::new();
                for (table, cols) in [
                    ("identifiers", "id_value, id_cipher"),
                    ("events", "payload, result"),
                    ("merges", "identifiers"),
                    ("conflicts", "identifiers, ignored, reason"),
                    ("match_signals", "value"),
                    ("trait_updates", "request, payload"),
                ] {
                    let sql = format!("SELECT {cols} FROM {table} ORDER BY 1");
                    for r in db
                        .query_all_raw(st(&db, &sql, vec![]))
                        .await
                        .expect("select")
                    {
                        for c in cols.split(", ") {
                            all.push(r.try_get::<String>("", c).expect("column"));
                        }
                    }
                }
                all
            }
        };
        let first = sealed(&db).await;
        for v in &first {
            assert!(
                !v.contains("old@") && !v.contains("5550123"),
                "plaintext left: {v}"
            );
        }
        migrate(&db, &crypto).await?;
        assert_eq!(sealed(&db).await, first, "a second start changes nothing");

        let c1 = CustomerId::new("c1");
        assert_eq!(
            lookup_identifier(&db, &crypto, WS, &email).await?,
            Some(c1.clone())
        );
        assert_eq!(
            identifiers_of(&db, &crypto, WS, &c1).await?,
            vec![email.clone(), phone.clone()]
        );
        let events = events_of(&db, &crypto, WS, std::slice::from_ref(&c1)).await?;
        assert_eq!(
            events[0].event.identifiers,
            vec![email.clone(), phone.clone()]
        );
        let outcome = event_outcome(&db, &crypto, WS, "e1")
            .await?
            .expect("outcome");
        assert_eq!(
            outcome.profile_identifiers,
            vec![email.clone(), phone.clone()]
        );
        let merge = merge_by_id(&db, &crypto, WS, "m1").await?.expect("merge");
        assert_eq!(merge.identifiers, vec![email.clone(), phone.clone()]);
        let conflicts = list_conflicts(&db, &crypto, WS, Some(&c1), None, 10).await?;
        assert_eq!(conflicts[0].ignored_identifiers, vec![email.clone(), phone]);
        assert!(conflicts[0].reason.contains("old@example.com"));
        let updates = trait_updates_of(&db, &crypto, WS, std::slice::from_ref(&c1)).await?;
        assert!(updates[0].request.contains("old@example.com"));
        let keyed = crypto.keyed(WS, "phone_suffix", "5550123");
        let holders =
            customers_with_signal(&db, WS, "phone_suffix", &keyed, &CustomerId::new("c9"), 5)
                .await?;
        assert_eq!(holders, vec![c1]);
        Ok(())
    }
}
