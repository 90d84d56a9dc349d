//! SQL persistence of segment definitions.

use omni_common::ids::WorkspaceId;
use omni_storage::{Db, Migration, stmt};
use sea_orm::{ConnectionTrait, QueryResult, Value};

use crate::error::Error;
use crate::segment::{Segment, SegmentId};

/// The segment service's schema, applied at start-up.
pub const MIGRATIONS: &[Migration] = &[Migration {
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
}];

const COLUMNS: &str = "segment_id, display_name, expression, version, create_ms";

/// Segment definitions in SQL, always scoped by workspace.
#[derive(Clone, Debug)]
pub struct SegmentStore {
    db: Db,
}

impl SegmentStore {
    /// A store over `db` (migrated with [`MIGRATIONS`]).
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    /// Inserts `segment`. With an idempotency key already used in the workspace, nothing
    /// is written and the segment first created with that key is returned.
    pub async fn insert(
        &self,
        ws: &WorkspaceId,
        segment: &Segment,
        idempotency_key: Option<&str>,
    ) -> Result<Segment, Error> {
        let insert = stmt(
            self.db.get_database_backend(),
            "INSERT INTO segments (workspace_id, segment_id, display_name, expression, version,
                                   create_ms, idempotency_key)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
            [
                ws.as_str().into(),
                segment.id.as_str().into(),
                segment.display_name.as_str().into(),
                segment.expression.as_str().into(),
                segment.version.into(),
                segment.create_ms.into(),
                Value::from(idempotency_key.map(str::to_owned)),
            ],
        );
        match self.db.execute_raw(insert).await {
            Ok(_) => Ok(segment.clone()),
            Err(e) if omni_storage::is_unique_violation(&e) => match idempotency_key {
                Some(key) => self.by_idempotency_key(ws, key).await?.ok_or(Error::Db(e)),
                None => Err(Error::Db(e)),
            },
            Err(e) => Err(Error::Db(e)),
        }
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

    /// One segment.
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

    /// Every segment of the workspace, oldest first.
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
}

fn from_row(row: &QueryResult) -> Result<Segment, Error> {
    Ok(Segment {
        id: SegmentId::new(row.try_get::<String>("", "segment_id")?),
        display_name: row.try_get("", "display_name")?,
        expression: row.try_get("", "expression")?,
        version: row.try_get("", "version")?,
        create_ms: row.try_get("", "create_ms")?,
    })
}
