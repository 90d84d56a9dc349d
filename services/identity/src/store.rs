//! The identity SQL store: schema, and every query the service runs. Portable SQL for
//! SQLite and Postgres (`$n` placeholders, BIGINT booleans and unix-ms timestamps).
//!
//! Every query filters by `workspace_id` except the outbox scan ([`pending_events`]),
//! which serves all workspaces by design.

use omni_common::ids::CustomerId;
use omni_storage::Migration;
use sea_orm::{ConnectionTrait, QueryResult, Statement, Value};

use crate::Error;
use crate::event::{Outcome, TrackedEvent};
use crate::normalise::{Identifier, IdentifierKind};

/// Name under which migrations are recorded.
pub const SERVICE: &str = "identity";

/// The identity schema, in order.
pub const MIGRATIONS: &[Migration] = &[Migration {
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
}];

fn st(conn: &impl ConnectionTrait, sql: &str, values: Vec<Value>) -> Statement {
    omni_storage::stmt(conn.get_database_backend(), sql, values)
}

fn s(v: &str) -> Value {
    v.to_owned().into()
}

fn get_str(row: &QueryResult, col: &str) -> Result<String, Error> {
    Ok(row.try_get::<String>("", col)?)
}

fn get_i64(row: &QueryResult, col: &str) -> Result<i64, Error> {
    Ok(row.try_get::<i64>("", col)?)
}

fn corrupt(what: &str, e: impl std::fmt::Display) -> Error {
    Error::Corrupt(format!("{what}: {e}"))
}

// ---- events -------------------------------------------------------------------------

/// The stored outcome of an accepted event, if `event_id` was accepted before.
pub async fn event_outcome(
    conn: &impl ConnectionTrait,
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
    row.map(|r| {
        let json = get_str(&r, "result")?;
        serde_json::from_str(&json).map_err(|e| corrupt("events.result", e))
    })
    .transpose()
}

/// Claims `event.event_id` for this transaction by inserting the event row (its
/// customer and result are filled by [`finish_event`]). False when the id was taken:
/// the event is a duplicate. Being the transaction's first write, this also takes
/// SQLite's write lock before anything is read, and on Postgres makes a concurrent
/// duplicate wait for the first to commit.
pub async fn claim_event(
    conn: &impl ConnectionTrait,
    ws: &str,
    event: &TrackedEvent,
    received_ms: i64,
    lease_until_ms: i64,
) -> Result<bool, Error> {
    let payload = serde_json::to_string(event)?;
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
    ws: &str,
    event_id: &str,
    outcome: &Outcome,
) -> Result<(), Error> {
    let result = serde_json::to_string(outcome)?;
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
            Ok(PendingEvent {
                workspace_id: get_str(r, "workspace_id")?,
                event: serde_json::from_str(&get_str(r, "payload")?)
                    .map_err(|e| corrupt("events.payload", e))?,
                outcome: serde_json::from_str(&get_str(r, "result")?)
                    .map_err(|e| corrupt("events.result", e))?,
                applied: get_i64(r, "applied")? != 0,
                lease_until_ms: get_i64(r, "lease_until_ms")?,
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
    ws: &str,
    id: &Identifier,
) -> Result<Option<CustomerId>, Error> {
    let row = conn
        .query_one_raw(st(
            conn,
            "SELECT customer_id FROM identifiers WHERE workspace_id = $1 AND id_type = $2 AND id_value = $3",
            vec![s(ws), s(id.kind.as_str()), s(&id.value)],
        ))
        .await?;
    row.map(|r| get_str(&r, "customer_id").map(CustomerId::new))
        .transpose()
}

/// Inserts an identifier for a customer. A unique violation means a concurrent Track
/// claimed it first; the caller retries the transaction.
pub async fn insert_identifier(
    conn: &impl ConnectionTrait,
    ws: &str,
    customer: &CustomerId,
    id: &Identifier,
    event_id: &str,
    now_ms: i64,
) -> Result<(), Error> {
    conn.execute_raw(st(
        conn,
        "INSERT INTO identifiers (workspace_id, id_type, id_value, customer_id, event_id, create_ms) \
         VALUES ($1, $2, $3, $4, $5, $6)",
        vec![s(ws), s(id.kind.as_str()), s(&id.value), s(customer.as_str()), s(event_id), now_ms.into()],
    ))
    .await?;
    Ok(())
}

/// Every identifier of a customer.
pub async fn identifiers_of(
    conn: &impl ConnectionTrait,
    ws: &str,
    customer: &CustomerId,
) -> Result<Vec<Identifier>, Error> {
    let rows = conn
        .query_all_raw(st(
            conn,
            "SELECT id_type, id_value FROM identifiers WHERE workspace_id = $1 AND customer_id = $2 \
             ORDER BY id_type, id_value",
            vec![s(ws), s(customer.as_str())],
        ))
        .await?;
    rows.iter()
        .map(|r| {
            let kind = get_str(r, "id_type")?;
            Ok(Identifier {
                kind: IdentifierKind::parse(&kind)
                    .ok_or_else(|| corrupt("identifiers.id_type", kind))?,
                value: get_str(r, "id_value")?,
            })
        })
        .collect()
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

/// The user_id values held by a customer.
pub async fn user_ids_of(
    conn: &impl ConnectionTrait,
    ws: &str,
    customer: &CustomerId,
) -> Result<Vec<String>, Error> {
    let rows = conn
        .query_all_raw(st(
            conn,
            "SELECT id_value FROM identifiers WHERE workspace_id = $1 AND customer_id = $2 AND id_type = $3",
            vec![s(ws), s(customer.as_str()), s(IdentifierKind::UserId.as_str())],
        ))
        .await?;
    rows.iter().map(|r| get_str(r, "id_value")).collect()
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
}

/// Records a merge.
pub async fn insert_merge(
    conn: &impl ConnectionTrait,
    ws: &str,
    m: &MergeRecord,
) -> Result<(), Error> {
    let identifiers = serde_json::to_string(&m.identifiers)?;
    conn.execute_raw(st(
        conn,
        "INSERT INTO merges (workspace_id, merge_id, customer_id, merged_customer_id, rule, event_id, \
         identifiers, create_ms, actor) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
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
        ],
    ))
    .await?;
    Ok(())
}

/// The merges that produced a live customer: into it, and into customers merged into
/// it, newest first.
pub async fn merges_into(
    conn: &impl ConnectionTrait,
    ws: &str,
    customer: &CustomerId,
) -> Result<Vec<MergeRecord>, Error> {
    let rows = conn
        .query_all_raw(st(
            conn,
            "SELECT merge_id, customer_id, merged_customer_id, rule, event_id, identifiers, create_ms, actor \
             FROM merges WHERE workspace_id = $1 AND (customer_id = $2 OR customer_id IN \
             (SELECT customer_id FROM customers WHERE workspace_id = $3 AND merged_into = $4)) \
             ORDER BY create_ms DESC, merge_id DESC",
            vec![s(ws), s(customer.as_str()), s(ws), s(customer.as_str())],
        ))
        .await?;
    rows.iter()
        .map(|r| {
            Ok(MergeRecord {
                merge_id: get_str(r, "merge_id")?,
                customer_id: CustomerId::new(get_str(r, "customer_id")?),
                merged_customer_id: CustomerId::new(get_str(r, "merged_customer_id")?),
                rule: get_str(r, "rule")?,
                event_id: get_str(r, "event_id")?,
                identifiers: serde_json::from_str(&get_str(r, "identifiers")?)
                    .map_err(|e| corrupt("merges.identifiers", e))?,
                create_ms: get_i64(r, "create_ms")?,
                actor: get_str(r, "actor")?,
            })
        })
        .collect()
}

/// A user-id conflict that prevented a merge.
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
    /// Human-readable reason.
    pub reason: String,
    /// When (unix ms).
    pub create_ms: i64,
}

/// Records a conflict.
pub async fn insert_conflict(
    conn: &impl ConnectionTrait,
    ws: &str,
    c: &ConflictRecord,
) -> Result<(), Error> {
    conn.execute_raw(st(
        conn,
        "INSERT INTO conflicts (workspace_id, conflict_id, event_id, customer_id, other_customer_ids, \
         identifiers, reason, create_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        vec![
            s(ws),
            s(&c.conflict_id),
            s(&c.event_id),
            s(c.customer_id.as_str()),
            serde_json::to_string(&c.other_customer_ids)?.into(),
            serde_json::to_string(&c.identifiers)?.into(),
            s(&c.reason),
            c.create_ms.into(),
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
            "SELECT customer_id, channel, granted, stored_customer_id, update_ms FROM consent_requests \
             WHERE workspace_id = $1 AND idempotency_key = $2",
            vec![s(ws), s(key)],
        ))
        .await?;
    row.map(|r| {
        Ok(ConsentRequest {
            customer_id: CustomerId::new(get_str(&r, "customer_id")?),
            channel: get_str(&r, "channel")?,
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
         stored_customer_id, update_ms) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        vec![
            s(ws),
            s(key),
            s(r.customer_id.as_str()),
            s(&r.channel),
            i64::from(r.granted).into(),
            s(r.stored_customer_id.as_str()),
            r.update_ms.into(),
        ],
    ))
    .await?;
    Ok(())
}
