//! SQL persistence: segment definitions and their versions, computed trait
//! definitions, recompute progress (with the owner's heartbeat, so a recompute whose
//! process stopped is taken over), lifecycle settings and RFM models. Every query is
//! scoped by workspace, except the search for orphaned recomputes.

use omni_common::ids::WorkspaceId;
use omni_storage::{Db, Migration, stmt};
use sea_orm::{ConnectionTrait, QueryResult, TransactionTrait, Value};

use crate::builtins::{LifecycleSettings, RfmModel};
use crate::computed::{Aggregation, ComputedTrait, ComputedTraitId};
use crate::error::Error;
use crate::recompute::{Recompute, RecomputeId, RecomputeState};
use crate::segment::{Segment, SegmentId};

/// The segment service's schema, applied at start-up.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "segments",
        sql: "CREATE TABLE segments (
            workspace_id TEXT NOT NULL,
            segment_id TEXT NOT NULL,
            display_name TEXT NOT NULL,
            expression TEXT NOT NULL,
            version BIGINT NOT NULL,
            create_ms BIGINT NOT NULL,
            idempotency_key TEXT,
            PRIMARY KEY (workspace_id, segment_id));
          CREATE UNIQUE INDEX segments_idempotency ON segments (workspace_id, idempotency_key)",
    },
    Migration {
        version: 2,
        name: "segment_versions_computed_traits_recomputes",
        sql: "ALTER TABLE segments ADD COLUMN update_ms BIGINT NOT NULL DEFAULT 0;
          UPDATE segments SET update_ms = create_ms;
          CREATE TABLE segment_versions (
            workspace_id TEXT NOT NULL,
            segment_id TEXT NOT NULL,
            version BIGINT NOT NULL,
            display_name TEXT NOT NULL,
            expression TEXT NOT NULL,
            create_ms BIGINT NOT NULL,
            update_ms BIGINT NOT NULL,
            PRIMARY KEY (workspace_id, segment_id, version));
          INSERT INTO segment_versions (workspace_id, segment_id, version, display_name,
                                        expression, create_ms, update_ms)
            SELECT workspace_id, segment_id, version, display_name, expression, create_ms,
                   create_ms FROM segments;
          CREATE TABLE computed_traits (
            workspace_id TEXT NOT NULL,
            computed_trait_id TEXT NOT NULL,
            name TEXT NOT NULL,
            aggregation TEXT NOT NULL,
            event_type TEXT,
            property TEXT,
            filter_expr TEXT,
            window_ms BIGINT NOT NULL,
            create_ms BIGINT NOT NULL,
            idempotency_key TEXT,
            PRIMARY KEY (workspace_id, computed_trait_id));
          CREATE UNIQUE INDEX computed_traits_name ON computed_traits (workspace_id, name);
          CREATE UNIQUE INDEX computed_traits_idempotency
            ON computed_traits (workspace_id, idempotency_key);
          CREATE TABLE recomputes (
            workspace_id TEXT NOT NULL,
            recompute_id TEXT NOT NULL,
            segment_id TEXT NOT NULL,
            segment_version BIGINT NOT NULL,
            state TEXT NOT NULL,
            total BIGINT NOT NULL,
            processed BIGINT NOT NULL,
            entered BIGINT NOT NULL,
            exited BIGINT NOT NULL,
            start_ms BIGINT NOT NULL,
            finish_ms BIGINT,
            error TEXT NOT NULL,
            PRIMARY KEY (workspace_id, recompute_id))",
    },
    Migration {
        version: 3,
        name: "recompute_leases_lifecycle_settings_rfm_models",
        sql: "ALTER TABLE recomputes ADD COLUMN owner TEXT NOT NULL DEFAULT '';
          ALTER TABLE recomputes ADD COLUMN heartbeat_ms BIGINT NOT NULL DEFAULT 0;
          CREATE TABLE lifecycle_settings (
            workspace_id TEXT NOT NULL PRIMARY KEY,
            new_days BIGINT NOT NULL,
            active_days BIGINT NOT NULL,
            dormant_days BIGINT NOT NULL,
            loyal_min_orders BIGINT NOT NULL,
            rfm_refresh_ms BIGINT NOT NULL,
            update_ms BIGINT NOT NULL);
          CREATE TABLE rfm_models (
            workspace_id TEXT NOT NULL PRIMARY KEY,
            compute_ms BIGINT NOT NULL,
            customer_count BIGINT NOT NULL,
            recency TEXT NOT NULL,
            frequency TEXT NOT NULL,
            monetary TEXT NOT NULL)",
    },
];

const COLUMNS: &str = "segment_id, display_name, expression, version, create_ms, update_ms";
const TRAIT_COLUMNS: &str = "computed_trait_id, name, aggregation, event_type, property, \
                             filter_expr, window_ms, create_ms";
const RECOMPUTE_COLUMNS: &str = "recompute_id, segment_id, segment_version, state, total, \
                                 processed, entered, exited, start_ms, finish_ms, error, \
                                 owner, heartbeat_ms";

/// Definitions in SQL, always scoped by workspace.
#[derive(Clone, Debug)]
pub struct SegmentStore {
    db: Db,
}

/// How an update of a segment ended.
#[derive(Debug)]
pub enum UpdateOutcome {
    /// Stored as the new latest version.
    Updated(Segment),
    /// The latest version was not the one the update was based on.
    Conflict {
        /// The latest version now.
        current: i64,
    },
}

impl SegmentStore {
    /// A store over `db` (migrated with [`MIGRATIONS`]).
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    /// Inserts `segment` (and its first version). With an idempotency key already used
    /// in the workspace, nothing is written and the segment first created with that key
    /// is returned.
    pub async fn insert(
        &self,
        ws: &WorkspaceId,
        segment: &Segment,
        idempotency_key: Option<&str>,
    ) -> Result<Segment, Error> {
        let backend = self.db.get_database_backend();
        let txn = self.db.begin().await?;
        let insert = stmt(
            backend,
            "INSERT INTO segments (workspace_id, segment_id, display_name, expression, version,
                                   create_ms, idempotency_key, update_ms)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            [
                ws.as_str().into(),
                segment.id.as_str().into(),
                segment.display_name.as_str().into(),
                segment.expression.as_str().into(),
                segment.version.into(),
                segment.create_ms.into(),
                Value::from(idempotency_key.map(str::to_owned)),
                segment.update_ms.into(),
            ],
        );
        match txn.execute_raw(insert).await {
            Ok(_) => {}
            Err(e) if omni_storage::is_unique_violation(&e) => {
                txn.rollback().await?;
                return match idempotency_key {
                    Some(key) => self.by_idempotency_key(ws, key).await?.ok_or(Error::Db(e)),
                    None => Err(Error::Db(e)),
                };
            }
            Err(e) => return Err(Error::Db(e)),
        }
        txn.execute_raw(version_insert(backend, ws, segment))
            .await?;
        txn.commit().await?;
        Ok(segment.clone())
    }

    /// The segment created with `key`, if any.
    pub async fn by_idempotency_key(
        &self,
        ws: &WorkspaceId,
        key: &str,
    ) -> Result<Option<Segment>, Error> {
        let row = self
            .db
            .query_one_raw(stmt(
                self.db.get_database_backend(),
                &format!(
                    "SELECT {COLUMNS} FROM segments WHERE workspace_id = $1 AND idempotency_key = $2"
                ),
                [ws.as_str().into(), key.into()],
            ))
            .await?;
        row.as_ref().map(from_row).transpose()
    }

    /// The latest version of one segment.
    pub async fn get(&self, ws: &WorkspaceId, id: &SegmentId) -> Result<Option<Segment>, Error> {
        let row = self
            .db
            .query_one_raw(stmt(
                self.db.get_database_backend(),
                &format!(
                    "SELECT {COLUMNS} FROM segments WHERE workspace_id = $1 AND segment_id = $2"
                ),
                [ws.as_str().into(), id.as_str().into()],
            ))
            .await?;
        row.as_ref().map(from_row).transpose()
    }

    /// One stored version of a segment.
    pub async fn get_version(
        &self,
        ws: &WorkspaceId,
        id: &SegmentId,
        version: i64,
    ) -> Result<Option<Segment>, Error> {
        let row = self
            .db
            .query_one_raw(stmt(
                self.db.get_database_backend(),
                &format!(
                    "SELECT {COLUMNS} FROM segment_versions
                     WHERE workspace_id = $1 AND segment_id = $2 AND version = $3"
                ),
                [ws.as_str().into(), id.as_str().into(), version.into()],
            ))
            .await?;
        row.as_ref().map(from_row).transpose()
    }

    /// Every stored version of a segment, oldest first.
    pub async fn versions(&self, ws: &WorkspaceId, id: &SegmentId) -> Result<Vec<Segment>, Error> {
        let rows = self
            .db
            .query_all_raw(stmt(
                self.db.get_database_backend(),
                &format!(
                    "SELECT {COLUMNS} FROM segment_versions
                     WHERE workspace_id = $1 AND segment_id = $2 ORDER BY version"
                ),
                [ws.as_str().into(), id.as_str().into()],
            ))
            .await?;
        rows.iter().map(from_row).collect()
    }

    /// Every segment of the workspace (latest versions), oldest first.
    pub async fn list(&self, ws: &WorkspaceId) -> Result<Vec<Segment>, Error> {
        let rows = self
            .db
            .query_all_raw(stmt(
                self.db.get_database_backend(),
                &format!(
                    "SELECT {COLUMNS} FROM segments WHERE workspace_id = $1 ORDER BY create_ms, segment_id"
                ),
                [ws.as_str().into()],
            ))
            .await?;
        rows.iter().map(from_row).collect()
    }

    /// Stores `next` as the new latest version if the latest is still `next.version - 1`.
    pub async fn update(&self, ws: &WorkspaceId, next: &Segment) -> Result<UpdateOutcome, Error> {
        let backend = self.db.get_database_backend();
        let txn = self.db.begin().await?;
        let updated = txn
            .execute_raw(stmt(
                backend,
                "UPDATE segments SET display_name = $3, expression = $4, version = $5,
                        update_ms = $6
                 WHERE workspace_id = $1 AND segment_id = $2 AND version = $7",
                [
                    ws.as_str().into(),
                    next.id.as_str().into(),
                    next.display_name.as_str().into(),
                    next.expression.as_str().into(),
                    next.version.into(),
                    next.update_ms.into(),
                    (next.version - 1).into(),
                ],
            ))
            .await?;
        if updated.rows_affected() != 1 {
            txn.rollback().await?;
            let current = self.get(ws, &next.id).await?.map_or(0, |s| s.version);
            return Ok(UpdateOutcome::Conflict { current });
        }
        txn.execute_raw(version_insert(backend, ws, next)).await?;
        txn.commit().await?;
        Ok(UpdateOutcome::Updated(next.clone()))
    }

    /// Inserts a computed trait. With an idempotency key already used, nothing is
    /// written and the first trait is returned; `Ok(None)` when the name is taken.
    pub async fn insert_trait(
        &self,
        ws: &WorkspaceId,
        t: &ComputedTrait,
        idempotency_key: Option<&str>,
    ) -> Result<Option<ComputedTrait>, Error> {
        let insert = stmt(
            self.db.get_database_backend(),
            "INSERT INTO computed_traits (workspace_id, computed_trait_id, name, aggregation,
                 event_type, property, filter_expr, window_ms, create_ms, idempotency_key)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            [
                ws.as_str().into(),
                t.id.as_str().into(),
                t.name.as_str().into(),
                t.aggregation.as_str().into(),
                Value::from(t.event_type.clone()),
                Value::from(t.property.clone()),
                Value::from(t.filter.clone()),
                t.window_ms.into(),
                t.create_ms.into(),
                Value::from(idempotency_key.map(str::to_owned)),
            ],
        );
        match self.db.execute_raw(insert).await {
            Ok(_) => Ok(Some(t.clone())),
            Err(e) if omni_storage::is_unique_violation(&e) => match idempotency_key {
                Some(key) => match self.trait_by_idempotency_key(ws, key).await? {
                    Some(first) => Ok(Some(first)),
                    None => Ok(None),
                },
                None => Ok(None),
            },
            Err(e) => Err(Error::Db(e)),
        }
    }

    /// The computed trait created with `key`, if any.
    pub async fn trait_by_idempotency_key(
        &self,
        ws: &WorkspaceId,
        key: &str,
    ) -> Result<Option<ComputedTrait>, Error> {
        self.one_trait("idempotency_key", ws, key).await
    }

    /// One computed trait.
    pub async fn get_trait(
        &self,
        ws: &WorkspaceId,
        id: &ComputedTraitId,
    ) -> Result<Option<ComputedTrait>, Error> {
        self.one_trait("computed_trait_id", ws, id.as_str()).await
    }

    async fn one_trait(
        &self,
        column: &str,
        ws: &WorkspaceId,
        value: &str,
    ) -> Result<Option<ComputedTrait>, Error> {
        let row = self
            .db
            .query_one_raw(stmt(
                self.db.get_database_backend(),
                &format!(
                    "SELECT {TRAIT_COLUMNS} FROM computed_traits
                     WHERE workspace_id = $1 AND {column} = $2"
                ),
                [ws.as_str().into(), value.into()],
            ))
            .await?;
        row.as_ref().map(trait_from_row).transpose()
    }

    /// Every computed trait of the workspace, oldest first.
    pub async fn list_traits(&self, ws: &WorkspaceId) -> Result<Vec<ComputedTrait>, Error> {
        let rows = self
            .db
            .query_all_raw(stmt(
                self.db.get_database_backend(),
                &format!(
                    "SELECT {TRAIT_COLUMNS} FROM computed_traits WHERE workspace_id = $1
                     ORDER BY create_ms, computed_trait_id"
                ),
                [ws.as_str().into()],
            ))
            .await?;
        rows.iter().map(trait_from_row).collect()
    }

    /// Records a new recompute.
    pub async fn insert_recompute(&self, ws: &WorkspaceId, r: &Recompute) -> Result<(), Error> {
        self.db
            .execute_raw(stmt(
                self.db.get_database_backend(),
                &format!(
                    "INSERT INTO recomputes (workspace_id, {RECOMPUTE_COLUMNS})
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)"
                ),
                [
                    ws.as_str().into(),
                    r.id.as_str().into(),
                    r.segment_id.as_str().into(),
                    r.segment_version.into(),
                    r.state.as_str().into(),
                    r.total.into(),
                    r.processed.into(),
                    r.entered.into(),
                    r.exited.into(),
                    r.start_ms.into(),
                    Value::from(r.finish_ms),
                    r.error.as_str().into(),
                    r.owner.as_str().into(),
                    r.heartbeat_ms.into(),
                ],
            ))
            .await?;
        Ok(())
    }

    /// Writes a recompute's progress and state.
    pub async fn update_recompute(&self, ws: &WorkspaceId, r: &Recompute) -> Result<(), Error> {
        self.db
            .execute_raw(stmt(
                self.db.get_database_backend(),
                "UPDATE recomputes SET state = $3, total = $4, processed = $5, entered = $6,
                        exited = $7, finish_ms = $8, error = $9, heartbeat_ms = $10
                 WHERE workspace_id = $1 AND recompute_id = $2",
                [
                    ws.as_str().into(),
                    r.id.as_str().into(),
                    r.state.as_str().into(),
                    r.total.into(),
                    r.processed.into(),
                    r.entered.into(),
                    r.exited.into(),
                    Value::from(r.finish_ms),
                    r.error.as_str().into(),
                    r.heartbeat_ms.into(),
                ],
            ))
            .await?;
        Ok(())
    }

    /// Running recomputes (every workspace) that `owner` left behind (it restarted), if
    /// given, or whose heartbeat is older than `stale_before_ms` (their process
    /// stopped).
    pub async fn orphaned_recomputes(
        &self,
        owner: Option<&str>,
        stale_before_ms: i64,
    ) -> Result<Vec<(WorkspaceId, Recompute)>, Error> {
        let rows = self
            .db
            .query_all_raw(stmt(
                self.db.get_database_backend(),
                &format!(
                    "SELECT workspace_id, {RECOMPUTE_COLUMNS} FROM recomputes
                     WHERE state = 'running' AND (owner = $1 OR heartbeat_ms < $2)
                     ORDER BY start_ms"
                ),
                [
                    Value::from(owner.map(str::to_owned)),
                    stale_before_ms.into(),
                ],
            ))
            .await?;
        rows.iter()
            .map(|row| {
                Ok((
                    WorkspaceId::new(row.try_get::<String>("", "workspace_id")?),
                    recompute_from_row(row)?,
                ))
            })
            .collect()
    }

    /// Takes over a running recompute as `owner` if it is still as it was read
    /// (`seen`): one replica wins. Returns whether this one did.
    pub async fn claim_recompute(
        &self,
        ws: &WorkspaceId,
        seen: &Recompute,
        owner: &str,
        now_ms: i64,
    ) -> Result<bool, Error> {
        let done = self
            .db
            .execute_raw(stmt(
                self.db.get_database_backend(),
                "UPDATE recomputes SET owner = $3, heartbeat_ms = $4
                 WHERE workspace_id = $1 AND recompute_id = $2 AND state = 'running'
                   AND owner = $5 AND heartbeat_ms = $6",
                [
                    ws.as_str().into(),
                    seen.id.as_str().into(),
                    owner.into(),
                    now_ms.into(),
                    seen.owner.as_str().into(),
                    seen.heartbeat_ms.into(),
                ],
            ))
            .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The workspace's lifecycle settings, if they were ever changed.
    pub async fn lifecycle_settings(
        &self,
        ws: &WorkspaceId,
    ) -> Result<Option<LifecycleSettings>, Error> {
        let row = self
            .db
            .query_one_raw(stmt(
                self.db.get_database_backend(),
                "SELECT new_days, active_days, dormant_days, loyal_min_orders, rfm_refresh_ms,
                        update_ms
                 FROM lifecycle_settings WHERE workspace_id = $1",
                [ws.as_str().into()],
            ))
            .await?;
        let Some(row) = row else { return Ok(None) };
        let int = |c: &str| -> Result<i32, Error> {
            let v: i64 = row.try_get("", c)?;
            i32::try_from(v).map_err(|_| Error::Corrupt(format!("lifecycle_settings.{c} = {v}")))
        };
        Ok(Some(LifecycleSettings {
            new_days: int("new_days")?,
            active_days: int("active_days")?,
            dormant_days: int("dormant_days")?,
            loyal_min_orders: int("loyal_min_orders")?,
            rfm_refresh_ms: row.try_get("", "rfm_refresh_ms")?,
            update_ms: Some(row.try_get("", "update_ms")?),
        }))
    }

    /// Stores the workspace's lifecycle settings (`update_ms` must be set).
    pub async fn put_lifecycle_settings(
        &self,
        ws: &WorkspaceId,
        s: &LifecycleSettings,
    ) -> Result<(), Error> {
        self.db
            .execute_raw(stmt(
                self.db.get_database_backend(),
                "INSERT INTO lifecycle_settings (workspace_id, new_days, active_days, dormant_days,
                     loyal_min_orders, rfm_refresh_ms, update_ms)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)
                 ON CONFLICT (workspace_id) DO UPDATE SET new_days = $2, active_days = $3,
                     dormant_days = $4, loyal_min_orders = $5, rfm_refresh_ms = $6, update_ms = $7",
                [
                    ws.as_str().into(),
                    i64::from(s.new_days).into(),
                    i64::from(s.active_days).into(),
                    i64::from(s.dormant_days).into(),
                    i64::from(s.loyal_min_orders).into(),
                    s.rfm_refresh_ms.into(),
                    s.update_ms.unwrap_or_default().into(),
                ],
            ))
            .await?;
        Ok(())
    }

    /// The workspace's RFM model, if one was computed.
    pub async fn rfm_model(&self, ws: &WorkspaceId) -> Result<Option<RfmModel>, Error> {
        let row = self
            .db
            .query_one_raw(stmt(
                self.db.get_database_backend(),
                "SELECT compute_ms, customer_count, recency, frequency, monetary
                 FROM rfm_models WHERE workspace_id = $1",
                [ws.as_str().into()],
            ))
            .await?;
        let Some(row) = row else { return Ok(None) };
        let list = |c: &str| -> Result<Vec<i64>, Error> {
            let text: String = row.try_get("", c)?;
            text.split(',')
                .filter(|p| !p.is_empty())
                .map(|p| {
                    p.parse()
                        .map_err(|_| Error::Corrupt(format!("rfm_models.{c} = {text:?}")))
                })
                .collect()
        };
        Ok(Some(RfmModel {
            compute_ms: row.try_get("", "compute_ms")?,
            customer_count: row.try_get("", "customer_count")?,
            recency: list("recency")?,
            frequency: list("frequency")?,
            monetary: list("monetary")?,
        }))
    }

    /// Stores the workspace's RFM model, replacing the previous one.
    pub async fn put_rfm_model(&self, ws: &WorkspaceId, m: &RfmModel) -> Result<(), Error> {
        let join = |v: &[i64]| v.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        self.db
            .execute_raw(stmt(
                self.db.get_database_backend(),
                "INSERT INTO rfm_models (workspace_id, compute_ms, customer_count, recency,
                     frequency, monetary)
                 VALUES ($1, $2, $3, $4, $5, $6)
                 ON CONFLICT (workspace_id) DO UPDATE SET compute_ms = $2, customer_count = $3,
                     recency = $4, frequency = $5, monetary = $6",
                [
                    ws.as_str().into(),
                    m.compute_ms.into(),
                    m.customer_count.into(),
                    join(&m.recency).into(),
                    join(&m.frequency).into(),
                    join(&m.monetary).into(),
                ],
            ))
            .await?;
        Ok(())
    }

    /// One recompute.
    pub async fn get_recompute(
        &self,
        ws: &WorkspaceId,
        id: &RecomputeId,
    ) -> Result<Option<Recompute>, Error> {
        let row = self
            .db
            .query_one_raw(stmt(
                self.db.get_database_backend(),
                &format!(
                    "SELECT {RECOMPUTE_COLUMNS} FROM recomputes
                     WHERE workspace_id = $1 AND recompute_id = $2"
                ),
                [ws.as_str().into(), id.as_str().into()],
            ))
            .await?;
        row.as_ref().map(recompute_from_row).transpose()
    }
}

fn version_insert(
    backend: sea_orm::DbBackend,
    ws: &WorkspaceId,
    s: &Segment,
) -> sea_orm::Statement {
    stmt(
        backend,
        "INSERT INTO segment_versions (workspace_id, segment_id, version, display_name,
                                       expression, create_ms, update_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        [
            ws.as_str().into(),
            s.id.as_str().into(),
            s.version.into(),
            s.display_name.as_str().into(),
            s.expression.as_str().into(),
            s.create_ms.into(),
            s.update_ms.into(),
        ],
    )
}

fn from_row(row: &QueryResult) -> Result<Segment, Error> {
    Ok(Segment {
        id: SegmentId::new(row.try_get::<String>("", "segment_id")?),
        display_name: row.try_get("", "display_name")?,
        expression: row.try_get("", "expression")?,
        version: row.try_get("", "version")?,
        create_ms: row.try_get("", "create_ms")?,
        update_ms: row.try_get("", "update_ms")?,
    })
}

fn trait_from_row(row: &QueryResult) -> Result<ComputedTrait, Error> {
    let aggregation: String = row.try_get("", "aggregation")?;
    Ok(ComputedTrait {
        id: ComputedTraitId::new(row.try_get::<String>("", "computed_trait_id")?),
        name: row.try_get("", "name")?,
        aggregation: Aggregation::parse(&aggregation)
            .ok_or_else(|| Error::Corrupt(format!("computed trait aggregation `{aggregation}`")))?,
        event_type: row.try_get("", "event_type")?,
        property: row.try_get("", "property")?,
        filter: row.try_get("", "filter_expr")?,
        window_ms: row.try_get("", "window_ms")?,
        create_ms: row.try_get("", "create_ms")?,
    })
}

fn recompute_from_row(row: &QueryResult) -> Result<Recompute, Error> {
    let state: String = row.try_get("", "state")?;
    Ok(Recompute {
        id: RecomputeId::new(row.try_get::<String>("", "recompute_id")?),
        segment_id: SegmentId::new(row.try_get::<String>("", "segment_id")?),
        segment_version: row.try_get("", "segment_version")?,
        state: RecomputeState::parse(&state)
            .ok_or_else(|| Error::Corrupt(format!("recompute state `{state}`")))?,
        total: row.try_get("", "total")?,
        processed: row.try_get("", "processed")?,
        entered: row.try_get("", "entered")?,
        exited: row.try_get("", "exited")?,
        start_ms: row.try_get("", "start_ms")?,
        finish_ms: row.try_get("", "finish_ms")?,
        error: row.try_get("", "error")?,
        owner: row.try_get("", "owner")?,
        heartbeat_ms: row.try_get("", "heartbeat_ms")?,
    })
}
