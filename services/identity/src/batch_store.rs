//! Multi-row SQL for the TrackBatch fast path (`batch.rs`): one statement per step for
//! a whole batch instead of one per event. Long lists are split so that no statement
//! binds more than [`MAX_PARAMS`] values (SQLite allows 32,766, Postgres 65,535).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use omni_common::ids::CustomerId;
use sea_orm::{ConnectionTrait, DatabaseBackend, Value};

use crate::Error;
use crate::crypto::IdCrypto;
use crate::event::{Outcome, TrackedEvent};
use crate::normalise::Identifier;
use crate::store::{EVENT_PAYLOAD, get_i64, get_str, outcome_to_stored, s, st};

/// Most values bound to one statement (under SQLite's 32,766).
pub const MAX_PARAMS: usize = 32_000;

/// `$from, $from+1, ...` for `n` values.
fn placeholders(from: usize, n: usize) -> String {
    let mut out = String::with_capacity(n * 5);
    for i in 0..n {
        if i > 0 {
            out.push_str(", ");
        }
        out.push('$');
        out.push_str(&(from + i).to_string());
    }
    out
}

/// `($a, $b, ...), (...)` for `rows` rows of `cols` values, numbered from `from`.
fn row_placeholders(from: usize, rows: usize, cols: usize) -> String {
    let mut out = String::with_capacity(rows * cols * 5);
    for r in 0..rows {
        if r > 0 {
            out.push_str(", ");
        }
        out.push('(');
        out.push_str(&placeholders(from + r * cols, cols));
        out.push(')');
    }
    out
}

/// The event ids among `event_ids` already accepted in workspace `ws`.
pub async fn existing_events(
    conn: &impl ConnectionTrait,
    ws: &str,
    event_ids: &[&str],
) -> Result<HashSet<String>, Error> {
    let mut out = HashSet::new();
    for chunk in event_ids.chunks(MAX_PARAMS - 1) {
        let sql = format!(
            "SELECT event_id FROM events WHERE workspace_id = $1 AND event_id IN ({})",
            placeholders(2, chunk.len())
        );
        let mut values = Vec::with_capacity(chunk.len() + 1);
        values.push(s(ws));
        values.extend(chunk.iter().map(|id| s(id)));
        for r in conn.query_all_raw(st(conn, &sql, values)).await? {
            out.insert(get_str(&r, "event_id")?);
        }
    }
    Ok(out)
}

/// The customer each of `ids` belongs to (absent when unknown), with one statement per
/// [`MAX_PARAMS`] identifiers: `(id_type = $t AND id_value IN (...)) OR ...`, so each
/// term is a primary-key lookup.
pub async fn lookup_identifiers(
    conn: &impl ConnectionTrait,
    crypto: &IdCrypto,
    ws: &str,
    ids: &BTreeSet<&Identifier>,
) -> Result<HashMap<Identifier, CustomerId>, Error> {
    // (type, stored lookup value) -> the plaintext identifier.
    let mut by_key: HashMap<(String, String), &Identifier> = HashMap::with_capacity(ids.len());
    let mut by_type: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for id in ids {
        let value = crypto.lookup_value(ws, id);
        by_type
            .entry(id.kind.as_str())
            .or_default()
            .push(value.clone());
        by_key.insert((id.kind.as_str().to_owned(), value), id);
    }
    let mut out = HashMap::with_capacity(ids.len());
    // Split into statements of at most MAX_PARAMS values, keeping types together.
    let mut pending: Vec<(&str, &[String])> = Vec::new();
    let mut used = 1;
    let mut statements: Vec<Vec<(&str, &[String])>> = Vec::new();
    for (kind, values) in &by_type {
        for chunk in values.chunks(MAX_PARAMS / 2) {
            if used + 1 + chunk.len() > MAX_PARAMS {
                statements.push(std::mem::take(&mut pending));
                used = 1;
            }
            used += 1 + chunk.len();
            pending.push((kind, chunk));
        }
    }
    if !pending.is_empty() {
        statements.push(pending);
    }
    for terms in statements {
        let mut values: Vec<Value> = vec![s(ws)];
        let mut ors = Vec::with_capacity(terms.len());
        for (kind, chunk) in terms {
            values.push(s(kind));
            let type_param = values.len();
            ors.push(format!(
                "(id_type = ${type_param} AND id_value IN ({}))",
                placeholders(type_param + 1, chunk.len())
            ));
            values.extend(chunk.iter().map(|v| s(v)));
        }
        let sql = format!(
            "SELECT id_type, id_value, customer_id FROM identifiers WHERE workspace_id = $1 AND ({})",
            ors.join(" OR ")
        );
        for r in conn.query_all_raw(st(conn, &sql, values)).await? {
            let key = (get_str(&r, "id_type")?, get_str(&r, "id_value")?);
            if let Some(id) = by_key.get(&key) {
                out.insert((*id).clone(), CustomerId::new(get_str(&r, "customer_id")?));
            }
        }
    }
    Ok(out)
}

/// What the batch needs to know about a customer an identifier points at.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Held {
    /// Not merged into another customer.
    pub live: bool,
    /// Identifiers held, per type.
    pub per_type: HashMap<String, usize>,
    /// Identifiers held in all.
    pub total: usize,
    /// Customers merged into this one.
    pub merges: u64,
}

/// For each of `customers` that exists: whether it is live, the identifiers it holds
/// per type and how many customers were merged into it. On Postgres the rows are
/// first locked `FOR UPDATE` in id order (byte order, as `resolve` locks), so
/// concurrent batches over the same customers queue instead of deadlocking, and the
/// answers hold until commit.
pub async fn holdings(
    conn: &impl ConnectionTrait,
    ws: &str,
    customers: &BTreeSet<CustomerId>,
) -> Result<HashMap<CustomerId, Held>, Error> {
    let pg = conn.get_database_backend() == DatabaseBackend::Postgres;
    let ids: Vec<&CustomerId> = customers.iter().collect();
    let mut out: HashMap<CustomerId, Held> = HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(MAX_PARAMS - 1) {
        let list = placeholders(2, chunk.len());
        let mut values = Vec::with_capacity(chunk.len() + 1);
        values.push(s(ws));
        values.extend(chunk.iter().map(|c| s(c.as_str())));
        let lock = if pg {
            " ORDER BY customer_id COLLATE \"C\" FOR UPDATE"
        } else {
            ""
        };
        let sql = format!(
            "SELECT customer_id, merged_into FROM customers \
             WHERE workspace_id = $1 AND customer_id IN ({list}){lock}"
        );
        for r in conn.query_all_raw(st(conn, &sql, values.clone())).await? {
            let merged_into = r.try_get::<Option<String>>("", "merged_into")?;
            out.insert(
                CustomerId::new(get_str(&r, "customer_id")?),
                Held {
                    live: merged_into.is_none(),
                    ..Held::default()
                },
            );
        }
        let sql = format!(
            "SELECT customer_id, id_type, COUNT(*) AS n FROM identifiers \
             WHERE workspace_id = $1 AND customer_id IN ({list}) GROUP BY customer_id, id_type"
        );
        for r in conn.query_all_raw(st(conn, &sql, values.clone())).await? {
            let n = usize::try_from(get_i64(&r, "n")?).unwrap_or(usize::MAX);
            if let Some(h) = out.get_mut(&CustomerId::new(get_str(&r, "customer_id")?)) {
                h.per_type.insert(get_str(&r, "id_type")?, n);
                h.total += n;
            }
        }
        let sql = format!(
            "SELECT merged_into, COUNT(*) AS n FROM customers \
             WHERE workspace_id = $1 AND merged_into IN ({list}) GROUP BY merged_into"
        );
        for r in conn.query_all_raw(st(conn, &sql, values)).await? {
            let n = u64::try_from(get_i64(&r, "n")?).unwrap_or(u64::MAX);
            if let Some(h) = out.get_mut(&CustomerId::new(get_str(&r, "merged_into")?)) {
                h.merges = n;
            }
        }
    }
    Ok(out)
}

/// The live customer each of `customers` is now (itself, or the survivor it was merged
/// into; chains are one hop, see `store::merge_customer`); unknown ids are absent.
/// The bulk form of `store::resolve_customer`.
pub async fn live_customers(
    conn: &impl ConnectionTrait,
    ws: &str,
    customers: &BTreeSet<&CustomerId>,
) -> Result<HashMap<CustomerId, CustomerId>, Error> {
    let mut out = HashMap::with_capacity(customers.len());
    let ids: Vec<&&CustomerId> = customers.iter().collect();
    for chunk in ids.chunks(MAX_PARAMS - 1) {
        let sql = format!(
            "SELECT customer_id, merged_into FROM customers WHERE workspace_id = $1 AND customer_id IN ({})",
            placeholders(2, chunk.len())
        );
        let mut values = Vec::with_capacity(chunk.len() + 1);
        values.push(s(ws));
        values.extend(chunk.iter().map(|c| s(c.as_str())));
        for r in conn.query_all_raw(st(conn, &sql, values)).await? {
            let id = CustomerId::new(get_str(&r, "customer_id")?);
            let live = match r.try_get::<Option<String>>("", "merged_into")? {
                Some(next) => CustomerId::new(next),
                None => id.clone(),
            };
            out.insert(id, live);
        }
    }
    Ok(out)
}

/// Creates `customers` at `now_ms`.
pub async fn insert_customers(
    conn: &impl ConnectionTrait,
    ws: &str,
    customers: &[CustomerId],
    now_ms: i64,
) -> Result<(), Error> {
    const COLS: usize = 4;
    for chunk in customers.chunks(MAX_PARAMS / COLS) {
        let sql = format!(
            "INSERT INTO customers (workspace_id, customer_id, create_ms, update_ms) VALUES {}",
            row_placeholders(1, chunk.len(), COLS)
        );
        let mut values = Vec::with_capacity(chunk.len() * COLS);
        for c in chunk {
            values.extend([s(ws), s(c.as_str()), now_ms.into(), now_ms.into()]);
        }
        conn.execute_raw(st(conn, &sql, values)).await?;
    }
    Ok(())
}

/// A new identifier of a customer, brought by an event.
pub struct NewIdentifier<'a> {
    /// Its customer.
    pub customer: CustomerId,
    /// The identifier.
    pub id: &'a Identifier,
    /// The event that brought it.
    pub event_id: &'a str,
}

/// Inserts identifiers (email and phone as keyed hash plus sealed value, like
/// `store::insert_identifier`). A unique violation means a concurrent writer claimed
/// one first; the caller abandons the transaction.
pub async fn insert_identifiers(
    conn: &impl ConnectionTrait,
    crypto: &IdCrypto,
    ws: &str,
    ids: &[NewIdentifier<'_>],
    now_ms: i64,
) -> Result<(), Error> {
    const COLS: usize = 7;
    for chunk in ids.chunks(MAX_PARAMS / COLS) {
        let sql = format!(
            "INSERT INTO identifiers (workspace_id, id_type, id_value, customer_id, event_id, create_ms, id_cipher) \
             VALUES {}",
            row_placeholders(1, chunk.len(), COLS)
        );
        let mut values = Vec::with_capacity(chunk.len() * COLS);
        for n in chunk {
            values.extend([
                s(ws),
                s(n.id.kind.as_str()),
                s(&crypto.lookup_value(ws, n.id)),
                s(n.customer.as_str()),
                s(n.event_id),
                now_ms.into(),
                s(&crypto.seal(ws, n.id)?),
            ]);
        }
        conn.execute_raw(st(conn, &sql, values)).await?;
    }
    Ok(())
}

/// Inserts resolved events with their outcome, unapplied and unpublished (the outbox
/// rows: they commit with the events), as `store::claim_event` plus
/// `store::finish_event` do one at a time.
pub async fn insert_events(
    conn: &impl ConnectionTrait,
    crypto: &IdCrypto,
    ws: &str,
    events: &[(&TrackedEvent, &Outcome)],
    received_ms: i64,
    lease_until_ms: i64,
) -> Result<(), Error> {
    const COLS: usize = 9;
    for chunk in events.chunks(MAX_PARAMS / COLS) {
        let sql = format!(
            "INSERT INTO events (workspace_id, event_id, customer_id, type, time_ms, payload, result, \
             received_ms, lease_until_ms, applied, published) VALUES {}",
            rows_with_flags(chunk.len(), COLS)
        );
        let mut values = Vec::with_capacity(chunk.len() * COLS);
        for (event, outcome) in chunk {
            let payload = crypto.seal_text(ws, EVENT_PAYLOAD, &serde_json::to_string(event)?)?;
            values.extend([
                s(ws),
                s(&event.event_id),
                s(outcome.customer_id.as_str()),
                s(&event.event_type),
                event.time_ms.into(),
                payload.into(),
                outcome_to_stored(crypto, ws, outcome)?.into(),
                received_ms.into(),
                lease_until_ms.into(),
            ]);
        }
        conn.execute_raw(st(conn, &sql, values)).await?;
    }
    Ok(())
}

/// `($1, ..., $cols, 0, 0), ...`: event rows with `applied` and `published` unset.
fn rows_with_flags(rows: usize, cols: usize) -> String {
    let mut out = String::with_capacity(rows * (cols * 5 + 8));
    for r in 0..rows {
        if r > 0 {
            out.push_str(", ");
        }
        out.push('(');
        out.push_str(&placeholders(1 + r * cols, cols));
        out.push_str(", 0, 0)");
    }
    out
}

/// Sets `update_ms` on live `customers`, as `store::lock_customer` does per event.
pub async fn touch_customers(
    conn: &impl ConnectionTrait,
    ws: &str,
    customers: &BTreeSet<CustomerId>,
    now_ms: i64,
) -> Result<(), Error> {
    let ids: Vec<&CustomerId> = customers.iter().collect();
    for chunk in ids.chunks(MAX_PARAMS - 2) {
        let sql = format!(
            "UPDATE customers SET update_ms = $2 \
             WHERE workspace_id = $1 AND customer_id IN ({}) AND merged_into IS NULL",
            placeholders(3, chunk.len())
        );
        let mut values = Vec::with_capacity(chunk.len() + 2);
        values.push(s(ws));
        values.push(now_ms.into());
        values.extend(chunk.iter().map(|c| s(c.as_str())));
        conn.execute_raw(st(conn, &sql, values)).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_number_rows_in_order() {
        assert_eq!(placeholders(2, 3), "$2, $3, $4");
        assert_eq!(row_placeholders(1, 2, 2), "($1, $2), ($3, $4)");
        assert_eq!(rows_with_flags(2, 2), "($1, $2, 0, 0), ($3, $4, 0, 0)");
    }
}
