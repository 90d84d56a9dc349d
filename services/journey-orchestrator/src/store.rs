//! SQL persistence of journeys, published versions and runs (portable SQLite/Postgres).
//!
//! Tables:
//! - `journeys`: the current definition (JSON of [`Graph`]), state and latest published
//!   version; `idempotency_key` is unique per workspace (NULL when none was given).
//! - `journey_versions`: immutable copies of the definition, one row per publish, with
//!   the entry event type denormalised for the entry consumer.
//! - `runs`: one row per (journey, entry event, customer), enforced by a unique key so a
//!   redelivered event never starts a second run. Runs are advanced under a lease
//!   (`lease_owner` = a per-claim token, `lease_until_ms`); every write made while
//!   advancing is fenced on the token, so a worker that lost its lease stops.

use omni_common::ids::{CustomerId, WorkspaceId};
use omni_storage::{Db, Migration};
use sea_orm::{ConnectionTrait, QueryResult, Statement, TransactionTrait, Value};
use serde_json::{Map, Value as Json};

use crate::error::Error;
use crate::model::{Graph, Journey, JourneyId, JourneyState, Run, RunId, RunState};
use crate::review::{Actor, ReviewEntry, ReviewState};

mod runs;

pub use runs::{RawNodeStats, RawStats};

/// The service's schema migrations.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "journeys_versions_runs",
        sql: "
CREATE TABLE journeys (
    workspace_id TEXT NOT NULL,
    journey_id TEXT NOT NULL,
    display_name TEXT NOT NULL,
    definition TEXT NOT NULL,
    state TEXT NOT NULL,
    published_version BIGINT NOT NULL,
    idempotency_key TEXT,
    create_ms BIGINT NOT NULL,
    update_ms BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, journey_id)
);
CREATE UNIQUE INDEX journeys_idempotency ON journeys (workspace_id, idempotency_key);
CREATE TABLE journey_versions (
    workspace_id TEXT NOT NULL,
    journey_id TEXT NOT NULL,
    version BIGINT NOT NULL,
    definition TEXT NOT NULL,
    entry_event_type TEXT NOT NULL,
    publish_ms BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, journey_id, version)
);
CREATE INDEX journey_versions_entry ON journey_versions (workspace_id, entry_event_type);
CREATE TABLE runs (
    workspace_id TEXT NOT NULL,
    run_id TEXT NOT NULL,
    journey_id TEXT NOT NULL,
    journey_version BIGINT NOT NULL,
    customer_id TEXT NOT NULL,
    entry_event_id TEXT NOT NULL,
    state TEXT NOT NULL,
    current_node_id TEXT NOT NULL,
    context TEXT NOT NULL,
    wake_ms BIGINT,
    lease_owner TEXT,
    lease_until_ms BIGINT,
    attempts BIGINT NOT NULL,
    error TEXT NOT NULL,
    create_ms BIGINT NOT NULL,
    update_ms BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, run_id),
    UNIQUE (workspace_id, journey_id, entry_event_id, customer_id)
);
CREATE INDEX runs_by_journey ON runs (workspace_id, journey_id, run_id);
CREATE INDEX runs_by_customer ON runs (workspace_id, journey_id, customer_id, run_id);
CREATE INDEX runs_due ON runs (state, wake_ms)
",
    },
    Migration {
        version: 2,
        name: "runs_traceparent",
        sql: "ALTER TABLE runs ADD COLUMN traceparent TEXT NOT NULL DEFAULT ''",
    },
    Migration {
        version: 3,
        name: "graphs_steps_signals",
        sql: "
ALTER TABLE runs ADD COLUMN live_key TEXT;
ALTER TABLE runs ADD COLUMN signals TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN end_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN step_seq BIGINT NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX runs_live ON runs (workspace_id, journey_id, live_key);
CREATE INDEX runs_of_customer ON runs (workspace_id, customer_id, state);
CREATE INDEX runs_created ON runs (workspace_id, journey_id, create_ms);
CREATE TABLE run_steps (
    workspace_id TEXT NOT NULL,
    run_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    journey_id TEXT NOT NULL,
    journey_version BIGINT NOT NULL,
    node_id TEXT NOT NULL,
    time_ms BIGINT NOT NULL,
    outcome TEXT NOT NULL,
    branch TEXT NOT NULL,
    decision_id TEXT NOT NULL,
    message_id TEXT NOT NULL,
    detail TEXT NOT NULL,
    PRIMARY KEY (workspace_id, run_id, seq)
);
CREATE INDEX run_steps_by_journey ON run_steps (workspace_id, journey_id, node_id)
",
    },
    Migration {
        version: 4,
        name: "journey_outbox",
        sql: crate::outbox::MIGRATION_SQL,
    },
    Migration {
        version: 5,
        name: "journey_schedules",
        sql: crate::schedule::MIGRATION_SQL,
    },
    Migration {
        version: 6,
        name: "journey_reviews",
        sql: crate::review::MIGRATION_SQL,
    },
];

const JOURNEY_COLUMNS: &str = "journey_id, display_name, definition, state, published_version, \
     create_ms, review_state, generated";
/// The columns of a run row, in the order [`run_from_row`] reads them.
pub(crate) const RUN_COLUMNS: &str = "run_id, journey_id, journey_version, customer_id, entry_event_id, \
     state, current_node_id, context, wake_ms, lease_owner, lease_until_ms, attempts, error, \
     create_ms, update_ms, traceparent, signals, end_reason, step_seq";

/// How many times a publish is retried when it races another publish.
const PUBLISH_ATTEMPTS: usize = 3;

/// A journey to create.
#[derive(Clone, Debug)]
pub struct NewJourney {
    /// Human-readable name.
    pub display_name: String,
    /// The validated definition.
    pub graph: Graph,
    /// Idempotency key; `None` when the caller gave none.
    pub idempotency_key: Option<String>,
    /// Creation time, unix ms.
    pub now_ms: i64,
    /// The content was generated (always needs review).
    pub generated: bool,
    /// Key id of the creator (the draft's first editor, for four-eyes).
    pub editor_key_id: String,
}

/// A new name and definition for a draft, and who made it.
#[derive(Clone, Copy, Debug)]
pub struct DraftEdit<'a> {
    /// Human-readable name.
    pub display_name: &'a str,
    /// The validated definition.
    pub graph: &'a Graph,
    /// The new content was generated.
    pub generated: bool,
    /// Key id of the editor.
    pub editor_key_id: &'a str,
}

/// A published version that enrols customers on an event type.
#[derive(Clone, Debug)]
pub struct EntryVersion {
    /// The journey.
    pub journey_id: JourneyId,
    /// Its latest published version.
    pub version: i64,
    /// That version's definition.
    pub graph: Graph,
}

/// SQL access for the journey-orchestrator.
#[derive(Clone, Debug)]
pub struct Store {
    db: Db,
}

impl Store {
    /// Wraps a connected database (migrated with [`MIGRATIONS`]).
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    /// The database (for the other SQL modules of the crate).
    pub(crate) fn db(&self) -> &Db {
        &self.db
    }

    /// Creates a journey draft, or returns the journey first created with the same
    /// idempotency key.
    pub async fn create_journey(
        &self,
        ws: &WorkspaceId,
        new: NewJourney,
    ) -> Result<Journey, Error> {
        if let Some(key) = &new.idempotency_key
            && let Some(existing) = self.journey_by_key(ws, key).await?
        {
            return Ok(existing);
        }
        let journey = Journey {
            journey_id: JourneyId::generate(),
            display_name: new.display_name,
            graph: new.graph,
            state: JourneyState::Draft,
            published_version: 0,
            create_ms: new.now_ms,
            review_state: ReviewState::Draft,
            generated: new.generated,
        };
        let insert = stmt(
            &self.db,
            "INSERT INTO journeys (workspace_id, journey_id, display_name, definition, state, \
             published_version, idempotency_key, create_ms, update_ms, generated, \
             last_editor_key_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            [
                ws.as_str().into(),
                journey.journey_id.as_str().into(),
                journey.display_name.clone().into(),
                encode_graph(&journey.graph)?.into(),
                journey.state.as_str().into(),
                journey.published_version.into(),
                new.idempotency_key.clone().into(),
                new.now_ms.into(),
                new.now_ms.into(),
                i64::from(new.generated).into(),
                new.editor_key_id.clone().into(),
            ],
        );
        match self.db.execute_raw(insert).await {
            Ok(_) => Ok(journey),
            Err(e) if omni_storage::is_unique_violation(&e) => {
                // A concurrent create with the same idempotency key won.
                match &new.idempotency_key {
                    Some(key) => self.journey_by_key(ws, key).await?.ok_or(Error::Db(e)),
                    None => Err(Error::Db(e)),
                }
            }
            Err(e) => Err(e.into()),
        }
    }

    async fn journey_by_key(&self, ws: &WorkspaceId, key: &str) -> Result<Option<Journey>, Error> {
        let row = self
            .db
            .query_one_raw(stmt(
                &self.db,
                &format!(
                    "SELECT {JOURNEY_COLUMNS} FROM journeys \
                     WHERE workspace_id = $1 AND idempotency_key = $2"
                ),
                [ws.as_str().into(), key.into()],
            ))
            .await?;
        row.as_ref().map(journey_from_row).transpose()
    }

    /// Reads a journey.
    pub async fn get_journey(
        &self,
        ws: &WorkspaceId,
        journey_id: &JourneyId,
    ) -> Result<Option<Journey>, Error> {
        get_journey(&self.db, ws, journey_id).await
    }

    /// A journey's state and latest published version (0: never published), without
    /// its definition; `None` when it does not exist.
    pub async fn journey_state(
        &self,
        ws: &WorkspaceId,
        journey_id: &JourneyId,
    ) -> Result<Option<(JourneyState, i64)>, Error> {
        let row = self
            .db
            .query_one_raw(stmt(
                &self.db,
                "SELECT state, published_version FROM journeys \
                 WHERE workspace_id = $1 AND journey_id = $2",
                [ws.as_str().into(), journey_id.as_str().into()],
            ))
            .await?;
        row.map(|r| {
            let state: String = r.try_get("", "state")?;
            Ok((
                JourneyState::parse(&state)
                    .ok_or_else(|| Error::Corrupt(format!("journey state `{state}`")))?,
                r.try_get("", "published_version")?,
            ))
        })
        .transpose()
    }

    /// Replaces the name and definition of a journey that is still a draft (never
    /// published); [`Error::WrongState`] otherwise. A real change (name, definition, or
    /// newly generated content) records `editor_key_id` as the last editor and sends a
    /// submitted or approved draft back to review state DRAFT; `generated` is sticky
    /// until publish. Returns the journey after the call.
    pub async fn update_draft(
        &self,
        ws: &WorkspaceId,
        journey_id: &JourneyId,
        edit: DraftEdit<'_>,
        now_ms: i64,
    ) -> Result<Journey, Error> {
        let same = "display_name = $1 AND definition = $2 AND ($6 = 0 OR generated = 1)";
        let updated = self
            .db
            .execute_raw(stmt(
                &self.db,
                &format!(
                    "UPDATE journeys SET \
                     review_state = CASE WHEN {same} THEN review_state ELSE 'DRAFT' END, \
                     last_editor_key_id = CASE WHEN {same} THEN last_editor_key_id ELSE $7 END, \
                     generated = CASE WHEN $6 = 1 THEN 1 ELSE generated END, \
                     display_name = $1, definition = $2, update_ms = $3 \
                     WHERE workspace_id = $4 AND journey_id = $5 AND state = 'DRAFT' \
                     AND published_version = 0"
                ),
                [
                    edit.display_name.into(),
                    encode_graph(edit.graph)?.into(),
                    now_ms.into(),
                    ws.as_str().into(),
                    journey_id.as_str().into(),
                    i64::from(edit.generated).into(),
                    edit.editor_key_id.into(),
                ],
            ))
            .await?;
        let journey = self
            .get_journey(ws, journey_id)
            .await?
            .ok_or_else(|| not_found("journey", journey_id.as_str()))?;
        if updated.rows_affected() != 1 {
            return Err(Error::WrongState {
                journey_id: journey_id.to_string(),
                state: journey.state.as_str(),
                wanted: "DRAFT (published versions are immutable)",
            });
        }
        Ok(journey)
    }

    /// Publishes the current definition as a new immutable version. Publishing again a
    /// definition identical to the latest version changes nothing (so a retried publish
    /// is harmless). When `require_review` is set or the draft is generated, only an
    /// APPROVED draft is published ([`Error::NotApproved`]); the publish moves the
    /// review state to PUBLISHED and records it, by `actor`, in the review history.
    pub async fn publish(
        &self,
        ws: &WorkspaceId,
        journey_id: &JourneyId,
        require_review: bool,
        actor: &Actor,
        now_ms: i64,
    ) -> Result<Journey, Error> {
        for _ in 0..PUBLISH_ATTEMPTS {
            let txn = self.db.begin().await?;
            let mut journey = get_journey(&txn, ws, journey_id)
                .await?
                .ok_or_else(|| not_found("journey", journey_id.as_str()))?;
            if journey.state == JourneyState::Stopped {
                return Err(Error::WrongState {
                    journey_id: journey_id.to_string(),
                    state: JourneyState::Stopped.as_str(),
                    wanted: "DRAFT, PUBLISHED or PAUSED",
                });
            }
            let review = journey.review_state;
            if (require_review || journey.generated)
                && !matches!(review, ReviewState::Approved | ReviewState::Published)
            {
                return Err(Error::NotApproved {
                    journey_id: journey_id.to_string(),
                    state: review.as_str(),
                    why: if journey.generated {
                        "its content is generated"
                    } else {
                        "the workspace requires review"
                    },
                });
            }
            let definition = encode_graph(&journey.graph)?;
            if journey.published_version > 0 {
                let latest = txn
                    .query_one_raw(stmt(
                        &txn,
                        "SELECT definition FROM journey_versions \
                         WHERE workspace_id = $1 AND journey_id = $2 AND version = $3",
                        [
                            ws.as_str().into(),
                            journey_id.as_str().into(),
                            journey.published_version.into(),
                        ],
                    ))
                    .await?;
                if let Some(row) = latest
                    && row.try_get::<String>("", "definition")? == definition
                {
                    txn.commit().await?;
                    return Ok(journey);
                }
            }
            let entry_event_type = journey
                .graph
                .entry_event_type()
                .ok_or_else(|| Error::Corrupt(format!("journey {journey_id} has no entry node")))?
                .to_owned();
            let version = journey.published_version + 1;
            let inserted = txn
                .execute_raw(stmt(
                    &txn,
                    "INSERT INTO journey_versions (workspace_id, journey_id, version, definition, \
                     entry_event_type, publish_ms) VALUES ($1, $2, $3, $4, $5, $6)",
                    [
                        ws.as_str().into(),
                        journey_id.as_str().into(),
                        version.into(),
                        definition.into(),
                        entry_event_type.into(),
                        now_ms.into(),
                    ],
                ))
                .await;
            match inserted {
                Ok(_) => {}
                Err(e) if omni_storage::is_unique_violation(&e) => {
                    txn.rollback().await?;
                    continue;
                }
                Err(e) => return Err(e.into()),
            }
            let updated = txn
                .execute_raw(stmt(
                    &txn,
                    "UPDATE journeys SET state = CASE WHEN state = 'PAUSED' THEN state ELSE $1 END, \
                     published_version = $2, update_ms = $3, review_state = 'PUBLISHED', \
                     generated = 0 WHERE workspace_id = $4 AND journey_id = $5 \
                     AND published_version = $6 AND review_state = $7",
                    [
                        JourneyState::Published.as_str().into(),
                        version.into(),
                        now_ms.into(),
                        ws.as_str().into(),
                        journey_id.as_str().into(),
                        journey.published_version.into(),
                        review.as_str().into(),
                    ],
                ))
                .await?;
            if updated.rows_affected() != 1 {
                txn.rollback().await?;
                continue;
            }
            let entry = ReviewEntry {
                action: "published".into(),
                from: review,
                to: ReviewState::Published,
                actor_key_id: actor.key_id.clone(),
                actor_role: actor.role.clone(),
                comment: String::new(),
                time_ms: now_ms,
                version,
            };
            crate::review::record(&txn, ws, journey_id, &entry).await?;
            txn.commit().await?;
            journey.review_state = ReviewState::Published;
            journey.generated = false;
            if journey.state != JourneyState::Paused {
                journey.state = JourneyState::Published;
            }
            journey.published_version = version;
            return Ok(journey);
        }
        Err(Error::Conflict(format!("journey {journey_id}")))
    }

    /// Moves a journey from state `from` to `to` (pause: published → paused; resume:
    /// paused → published). Returns the journey after the call; a journey already in
    /// `to` is returned unchanged, any other state is [`Error::WrongState`].
    pub async fn transition(
        &self,
        ws: &WorkspaceId,
        journey_id: &JourneyId,
        from: JourneyState,
        to: JourneyState,
        now_ms: i64,
    ) -> Result<Journey, Error> {
        self.db
            .execute_raw(stmt(
                &self.db,
                "UPDATE journeys SET state = $1, update_ms = $2 \
                 WHERE workspace_id = $3 AND journey_id = $4 AND state = $5",
                [
                    to.as_str().into(),
                    now_ms.into(),
                    ws.as_str().into(),
                    journey_id.as_str().into(),
                    from.as_str().into(),
                ],
            ))
            .await?;
        let journey = self
            .get_journey(ws, journey_id)
            .await?
            .ok_or_else(|| not_found("journey", journey_id.as_str()))?;
        if journey.state != to {
            return Err(Error::WrongState {
                journey_id: journey_id.to_string(),
                state: journey.state.as_str(),
                wanted: from.as_str(),
            });
        }
        Ok(journey)
    }

    /// The latest published version of every journey of `ws` whose entry event type is
    /// `event_type`.
    pub async fn entry_versions(
        &self,
        ws: &WorkspaceId,
        event_type: &str,
    ) -> Result<Vec<EntryVersion>, Error> {
        let rows = self
            .db
            .query_all_raw(stmt(
                &self.db,
                "SELECT v.journey_id AS journey_id, v.version AS version, \
                 v.definition AS definition \
                 FROM journey_versions v JOIN journeys j \
                 ON j.workspace_id = v.workspace_id AND j.journey_id = v.journey_id \
                 AND j.published_version = v.version AND j.state = 'PUBLISHED' \
                 WHERE v.workspace_id = $1 AND v.entry_event_type = $2 \
                 ORDER BY v.journey_id",
                [ws.as_str().into(), event_type.into()],
            ))
            .await?;
        rows.iter()
            .map(|row| {
                Ok(EntryVersion {
                    journey_id: JourneyId::new(row.try_get::<String>("", "journey_id")?),
                    version: row.try_get("", "version")?,
                    graph: decode_graph(&row.try_get::<String>("", "definition")?)?,
                })
            })
            .collect()
    }

    /// The latest published version of one journey, `None` when it was never published
    /// (or does not exist).
    pub async fn published_version(
        &self,
        ws: &WorkspaceId,
        journey_id: &JourneyId,
    ) -> Result<Option<EntryVersion>, Error> {
        let row = self
            .db
            .query_one_raw(stmt(
                &self.db,
                "SELECT v.version AS version, v.definition AS definition \
                 FROM journey_versions v JOIN journeys j \
                 ON j.workspace_id = v.workspace_id AND j.journey_id = v.journey_id \
                 AND j.published_version = v.version \
                 WHERE v.workspace_id = $1 AND v.journey_id = $2",
                [ws.as_str().into(), journey_id.as_str().into()],
            ))
            .await?;
        row.map(|r| {
            Ok(EntryVersion {
                journey_id: journey_id.clone(),
                version: r.try_get("", "version")?,
                graph: decode_graph(&r.try_get::<String>("", "definition")?)?,
            })
        })
        .transpose()
    }

    /// The run a (journey, entry event, customer) triple started, if any.
    pub async fn find_run(
        &self,
        ws: &WorkspaceId,
        journey_id: &JourneyId,
        entry_event_id: &str,
        customer_id: &CustomerId,
    ) -> Result<Option<Run>, Error> {
        let row = self
            .db
            .query_one_raw(stmt(
                &self.db,
                &format!(
                    "SELECT {RUN_COLUMNS} FROM runs WHERE workspace_id = $1 AND journey_id = $2 \
                     AND entry_event_id = $3 AND customer_id = $4"
                ),
                [
                    ws.as_str().into(),
                    journey_id.as_str().into(),
                    entry_event_id.into(),
                    customer_id.as_str().into(),
                ],
            ))
            .await?;
        row.as_ref().map(run_from_row).transpose()
    }

    /// Deletes every run of the given customers, with their steps, undelivered facts and
    /// pending scheduled entries (erasure); returns how many runs were deleted.
    pub async fn delete_customer_runs(
        &self,
        ws: &WorkspaceId,
        customers: &[CustomerId],
    ) -> Result<u64, Error> {
        let mut deleted = 0;
        for customer in customers {
            self.db
                .execute_raw(stmt(
                    &self.db,
                    "DELETE FROM run_steps WHERE workspace_id = $1 AND run_id IN \
                     (SELECT run_id FROM runs WHERE workspace_id = $1 AND customer_id = $2)",
                    [ws.as_str().into(), customer.as_str().into()],
                ))
                .await?;
            self.db
                .execute_raw(stmt(
                    &self.db,
                    "DELETE FROM journey_outbox WHERE workspace_id = $1 AND customer_id = $2",
                    [ws.as_str().into(), customer.as_str().into()],
                ))
                .await?;
            self.db
                .execute_raw(stmt(
                    &self.db,
                    "DELETE FROM schedule_targets WHERE workspace_id = $1 AND customer_id = $2",
                    [ws.as_str().into(), customer.as_str().into()],
                ))
                .await?;
            let result = self
                .db
                .execute_raw(stmt(
                    &self.db,
                    "DELETE FROM runs WHERE workspace_id = $1 AND customer_id = $2",
                    [ws.as_str().into(), customer.as_str().into()],
                ))
                .await?;
            deleted += result.rows_affected();
        }
        Ok(deleted)
    }

    /// The definition of one published version.
    pub async fn version_graph(
        &self,
        ws: &WorkspaceId,
        journey_id: &JourneyId,
        version: i64,
    ) -> Result<Option<Graph>, Error> {
        let row = self
            .db
            .query_one_raw(stmt(
                &self.db,
                "SELECT definition FROM journey_versions \
                 WHERE workspace_id = $1 AND journey_id = $2 AND version = $3",
                [
                    ws.as_str().into(),
                    journey_id.as_str().into(),
                    version.into(),
                ],
            ))
            .await?;
        row.map(|r| decode_graph(&r.try_get::<String>("", "definition")?))
            .transpose()
    }
}
/// A portable statement on `db`'s backend.
pub(crate) fn stmt<C: ConnectionTrait>(
    db: &C,
    sql: &str,
    values: impl IntoIterator<Item = Value>,
) -> Statement {
    omni_storage::stmt(db.get_database_backend(), sql, values)
}

fn not_found(kind: &'static str, id: &str) -> Error {
    Error::NotFound {
        kind,
        id: id.to_owned(),
    }
}

async fn get_journey<C: ConnectionTrait>(
    db: &C,
    ws: &WorkspaceId,
    journey_id: &JourneyId,
) -> Result<Option<Journey>, Error> {
    let row = db
        .query_one_raw(stmt(
            db,
            &format!(
                "SELECT {JOURNEY_COLUMNS} FROM journeys WHERE workspace_id = $1 AND journey_id = $2"
            ),
            [ws.as_str().into(), journey_id.as_str().into()],
        ))
        .await?;
    row.as_ref().map(journey_from_row).transpose()
}

fn encode_graph(graph: &Graph) -> Result<String, Error> {
    serde_json::to_string(graph).map_err(|e| Error::Corrupt(format!("encode definition: {e}")))
}

fn decode_graph(json: &str) -> Result<Graph, Error> {
    serde_json::from_str(json).map_err(|e| Error::Corrupt(format!("journey definition: {e}")))
}

/// The stored JSON of a run context.
pub(crate) fn encode_context(context: &Map<String, Json>) -> Result<String, Error> {
    serde_json::to_string(context).map_err(|e| Error::Corrupt(format!("encode run context: {e}")))
}

fn journey_from_row(row: &QueryResult) -> Result<Journey, Error> {
    let state: String = row.try_get("", "state")?;
    Ok(Journey {
        journey_id: JourneyId::new(row.try_get::<String>("", "journey_id")?),
        display_name: row.try_get("", "display_name")?,
        graph: decode_graph(&row.try_get::<String>("", "definition")?)?,
        state: JourneyState::parse(&state)
            .ok_or_else(|| Error::Corrupt(format!("journey state `{state}`")))?,
        published_version: row.try_get("", "published_version")?,
        create_ms: row.try_get("", "create_ms")?,
        review_state: {
            let r: String = row.try_get("", "review_state")?;
            ReviewState::parse(&r).ok_or_else(|| Error::Corrupt(format!("review state `{r}`")))?
        },
        generated: row.try_get::<i64>("", "generated")? != 0,
    })
}

/// A run read from a row with [`RUN_COLUMNS`].
pub(crate) fn run_from_row(row: &QueryResult) -> Result<Run, Error> {
    let state: String = row.try_get("", "state")?;
    let context: String = row.try_get("", "context")?;
    Ok(Run {
        run_id: RunId::new(row.try_get::<String>("", "run_id")?),
        journey_id: JourneyId::new(row.try_get::<String>("", "journey_id")?),
        journey_version: row.try_get("", "journey_version")?,
        customer_id: CustomerId::new(row.try_get::<String>("", "customer_id")?),
        entry_event_id: row.try_get("", "entry_event_id")?,
        state: RunState::parse(&state)
            .ok_or_else(|| Error::Corrupt(format!("run state `{state}`")))?,
        current_node_id: row.try_get("", "current_node_id")?,
        context: serde_json::from_str(&context)
            .map_err(|e| Error::Corrupt(format!("run context: {e}")))?,
        wake_ms: row.try_get("", "wake_ms")?,
        lease_owner: row.try_get("", "lease_owner")?,
        lease_until_ms: row.try_get("", "lease_until_ms")?,
        attempts: row.try_get("", "attempts")?,
        error: row.try_get("", "error")?,
        create_ms: row.try_get("", "create_ms")?,
        update_ms: row.try_get("", "update_ms")?,
        traceparent: row.try_get("", "traceparent")?,
        signals: row.try_get("", "signals")?,
        end_reason: row.try_get("", "end_reason")?,
        step_seq: row.try_get("", "step_seq")?,
        new_steps: Vec::new(),
        new_facts: Vec::new(),
    })
}
