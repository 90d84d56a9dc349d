//! The audit log: `AuditEvent`s from every service, consumed from the bus into SQL
//! (idempotent by audit id) and listed newest first with filters.

use omni_bus::{Bus, ConsumerOptions, Topic};
use omni_common::convert::from_timestamp;
use omni_common::shutdown::CancellationToken;
use omni_proto::common::v1::AuditEvent;
use sea_orm::{ConnectionTrait, DatabaseConnection, QueryResult, Value};

use crate::Error;
use crate::store::{Cursor, get_i64, get_str, s, st};

/// Consumer group of identity's audit writer.
pub const GROUP: &str = "identity-audit";

/// One stored audit entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditRecord {
    /// Unique id.
    pub audit_id: String,
    /// When the change was made (unix ms).
    pub time_ms: i64,
    /// Key id of the actor.
    pub actor_key_id: String,
    /// Role of the actor.
    pub actor_role: String,
    /// `<resource>.<verb>`.
    pub action: String,
    /// Kind of resource.
    pub resource_type: String,
    /// Id of the resource.
    pub resource_id: String,
    /// JSON before ('' when none).
    pub before_json: String,
    /// JSON after ('' when none).
    pub after_json: String,
    /// Service that made the change.
    pub service: String,
}

/// Filters of [`list`]; empty strings and `None` match everything.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Only this resource type.
    pub resource_type: String,
    /// Only this resource id.
    pub resource_id: String,
    /// Only this actor key id.
    pub actor_key_id: String,
    /// Only at or after (unix ms).
    pub start_ms: Option<i64>,
    /// Only before (unix ms).
    pub end_ms: Option<i64>,
}

/// Stores one audit event; a redelivered event (same workspace and audit id) changes
/// nothing.
pub async fn insert(db: &DatabaseConnection, event: &AuditEvent) -> Result<(), Error> {
    let time_ms = event.time.as_ref().map_or(0, from_timestamp);
    db.execute_raw(st(
        db,
        "INSERT INTO audit_log (workspace_id, audit_id, time_ms, actor_key_id, actor_role, action, \
         resource_type, resource_id, before_json, after_json, service) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
         ON CONFLICT (workspace_id, audit_id) DO NOTHING",
        vec![
            s(&event.workspace_id),
            s(&event.audit_id),
            time_ms.into(),
            s(&event.actor_key_id),
            s(&event.actor_role),
            s(&event.action),
            s(&event.resource_type),
            s(&event.resource_id),
            s(&event.before_json),
            s(&event.after_json),
            s(&event.service),
        ],
    ))
    .await?;
    Ok(())
}

/// Consumes `Topic::Audit` into the audit log until `shutdown`.
pub async fn consume(
    db: DatabaseConnection,
    bus: Bus,
    shutdown: CancellationToken,
) -> Result<(), Error> {
    let options = ConsumerOptions::new(GROUP, omni_common::server::replica_name("identity"));
    omni_bus::consume(bus, Topic::Audit, options, shutdown, |delivery| {
        let db = db.clone();
        async move {
            let event: AuditEvent = delivery.decode()?;
            if event.workspace_id.is_empty() || event.audit_id.is_empty() {
                tracing::warn!(entry = %delivery.id, "audit event without workspace or id dropped");
                return Ok::<(), Error>(());
            }
            insert(&db, &event).await
        }
    })
    .await?;
    Ok(())
}

fn record(row: &QueryResult) -> Result<AuditRecord, Error> {
    Ok(AuditRecord {
        audit_id: get_str(row, "audit_id")?,
        time_ms: get_i64(row, "time_ms")?,
        actor_key_id: get_str(row, "actor_key_id")?,
        actor_role: get_str(row, "actor_role")?,
        action: get_str(row, "action")?,
        resource_type: get_str(row, "resource_type")?,
        resource_id: get_str(row, "resource_id")?,
        before_json: get_str(row, "before_json")?,
        after_json: get_str(row, "after_json")?,
        service: get_str(row, "service")?,
    })
}

/// Up to `limit` entries of `workspace` matching `filter`, newest first, after `after`.
pub async fn list(
    db: &DatabaseConnection,
    workspace: &str,
    filter: &Filter,
    after: Option<&Cursor>,
    limit: u64,
) -> Result<Vec<AuditRecord>, Error> {
    let mut sql = String::from(
        "SELECT audit_id, time_ms, actor_key_id, actor_role, action, resource_type, resource_id, \
         before_json, after_json, service FROM audit_log WHERE workspace_id = $1",
    );
    let mut values: Vec<Value> = vec![s(workspace)];
    let mut bind = |sql: &mut String, clause: &str, value: Value| {
        values.push(value);
        sql.push_str(&clause.replace('?', &format!("${}", values.len())));
    };
    if !filter.resource_type.is_empty() {
        bind(&mut sql, " AND resource_type = ?", s(&filter.resource_type));
    }
    if !filter.resource_id.is_empty() {
        bind(&mut sql, " AND resource_id = ?", s(&filter.resource_id));
    }
    if !filter.actor_key_id.is_empty() {
        bind(&mut sql, " AND actor_key_id = ?", s(&filter.actor_key_id));
    }
    if let Some(start) = filter.start_ms {
        bind(&mut sql, " AND time_ms >= ?", start.into());
    }
    if let Some(end) = filter.end_ms {
        bind(&mut sql, " AND time_ms < ?", end.into());
    }
    if let Some(c) = after {
        bind(&mut sql, " AND (time_ms < ?", c.ms.into());
        bind(&mut sql, " OR (time_ms = ?", c.ms.into());
        bind(&mut sql, " AND audit_id < ?))", s(&c.id));
    }
    bind(
        &mut sql,
        " ORDER BY time_ms DESC, audit_id DESC LIMIT ?",
        i64::try_from(limit).unwrap_or(i64::MAX).into(),
    );
    let rows = db.query_all_raw(st(db, &sql, values)).await?;
    rows.iter().map(record).collect()
}
