//! SQL persistence: the offer catalogue with its versions, the decision log with its
//! outcomes, and experiments with their exposures.

use omni_common::ids::WorkspaceId;
use omni_storage::{Db, Migration, stmt};
use sea_orm::{ConnectionTrait, DbBackend, QueryResult, Statement, TransactionTrait, Value};
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::experiment::{Arm, Experiment, ExperimentId};
use crate::offer::{
    Candidate, CustomerCap, Decision, DecisionId, GlobalCap, Offer, OfferId, OfferSpec, OfferState,
    Placement, PlacementContent, PropensityModel,
};
use crate::outcome::OutcomeKind;

/// The decisioning service's schema, applied at start-up.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "offers_and_decisions",
        sql: "CREATE TABLE offers (
            workspace_id TEXT NOT NULL,
            offer_id TEXT NOT NULL,
            display_name TEXT NOT NULL,
            eligibility TEXT NOT NULL,
            value DOUBLE PRECISION NOT NULL,
            weight DOUBLE PRECISION NOT NULL,
            content TEXT NOT NULL,
            create_ms BIGINT NOT NULL,
            idempotency_key TEXT,
            PRIMARY KEY (workspace_id, offer_id));
          CREATE UNIQUE INDEX offers_idempotency ON offers (workspace_id, idempotency_key);
          CREATE TABLE decisions (
            workspace_id TEXT NOT NULL,
            decision_id TEXT NOT NULL,
            customer_id TEXT NOT NULL,
            offer_id TEXT,
            candidates TEXT NOT NULL,
            create_ms BIGINT NOT NULL,
            PRIMARY KEY (workspace_id, decision_id));
          CREATE INDEX decisions_customer ON decisions (workspace_id, customer_id, create_ms)",
    },
    Migration {
        version: 2,
        name: "offer_versions_outcomes_experiments",
        sql: "ALTER TABLE offers ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
          ALTER TABLE offers ADD COLUMN state TEXT NOT NULL DEFAULT 'active';
          ALTER TABLE offers ADD COLUMN spec TEXT NOT NULL DEFAULT '{}';
          ALTER TABLE offers ADD COLUMN update_ms BIGINT NOT NULL DEFAULT 0;
          UPDATE offers SET update_ms = create_ms;
          CREATE TABLE offer_versions (
            workspace_id TEXT NOT NULL,
            offer_id TEXT NOT NULL,
            version BIGINT NOT NULL,
            display_name TEXT NOT NULL,
            eligibility TEXT NOT NULL,
            value DOUBLE PRECISION NOT NULL,
            weight DOUBLE PRECISION NOT NULL,
            content TEXT NOT NULL,
            spec TEXT NOT NULL,
            update_ms BIGINT NOT NULL,
            idempotency_key TEXT,
            PRIMARY KEY (workspace_id, offer_id, version));
          CREATE UNIQUE INDEX offer_versions_idempotency
            ON offer_versions (workspace_id, offer_id, idempotency_key);
          INSERT INTO offer_versions (workspace_id, offer_id, version, display_name, eligibility,
                                      value, weight, content, spec, update_ms, idempotency_key)
            SELECT workspace_id, offer_id, 1, display_name, eligibility, value, weight, content,
                   spec, create_ms, idempotency_key FROM offers;
          ALTER TABLE decisions ADD COLUMN placement TEXT NOT NULL DEFAULT '';
          ALTER TABLE decisions ADD COLUMN offers TEXT NOT NULL DEFAULT '[]';
          ALTER TABLE decisions ADD COLUMN experiment_id TEXT;
          ALTER TABLE decisions ADD COLUMN arm_id TEXT;
          ALTER TABLE decisions ADD COLUMN holdout BIGINT NOT NULL DEFAULT 0;
          ALTER TABLE decisions ADD COLUMN idempotency_key TEXT;
          CREATE UNIQUE INDEX decisions_idempotency ON decisions (workspace_id, idempotency_key);
          CREATE TABLE outcomes (
            workspace_id TEXT NOT NULL,
            decision_id TEXT NOT NULL,
            offer_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            occur_ms BIGINT NOT NULL,
            record_ms BIGINT NOT NULL,
            PRIMARY KEY (workspace_id, decision_id, offer_id, kind));
          CREATE TABLE experiments (
            workspace_id TEXT NOT NULL,
            experiment_id TEXT NOT NULL,
            display_name TEXT NOT NULL,
            arms TEXT NOT NULL,
            create_ms BIGINT NOT NULL,
            idempotency_key TEXT,
            PRIMARY KEY (workspace_id, experiment_id));
          CREATE UNIQUE INDEX experiments_idempotency ON experiments (workspace_id, idempotency_key);
          CREATE TABLE experiment_exposures (
            workspace_id TEXT NOT NULL,
            experiment_id TEXT NOT NULL,
            customer_id TEXT NOT NULL,
            arm_id TEXT NOT NULL,
            first_ms BIGINT NOT NULL,
            converted_ms BIGINT,
            PRIMARY KEY (workspace_id, experiment_id, customer_id))",
    },
    Migration {
        version: 3,
        name: "decision_candidates_binary",
        // New decisions keep their candidates in `candidates_pb` (protobuf, see
        // `convert::candidates_to_bytes`) and leave the JSON column empty.
        sql: "ALTER TABLE decisions ADD COLUMN candidates_pb BYTEA",
    },
];

/// Columns of an offer read from `offers` joined with one of its versions (`v`).
const OFFER_SELECT: &str = "SELECT o.offer_id AS offer_id, v.version AS version, o.state AS state,
        v.display_name AS display_name, v.eligibility AS eligibility, v.value AS value,
        v.weight AS weight, v.content AS content, v.spec AS spec, o.create_ms AS create_ms,
        v.update_ms AS update_ms
   FROM offers o JOIN offer_versions v
     ON v.workspace_id = o.workspace_id AND v.offer_id = o.offer_id";

/// The fields of [`OfferSpec`] not held in their own columns, stored as JSON in `spec`.
#[derive(Default, Serialize, Deserialize)]
struct Extras {
    #[serde(default)]
    placements: Vec<PlacementContent>,
    #[serde(default)]
    valid_from_ms: Option<i64>,
    #[serde(default)]
    valid_until_ms: Option<i64>,
    #[serde(default)]
    customer_cap: CustomerCap,
    #[serde(default)]
    global_cap: GlobalCap,
    #[serde(default)]
    product_ids: Vec<String>,
    #[serde(default)]
    priority: i32,
    #[serde(default)]
    fallback: bool,
    #[serde(default)]
    propensity_model: PropensityModel,
}

fn extras_json(spec: &OfferSpec) -> Result<String, Error> {
    let extras = Extras {
        placements: spec.placements.clone(),
        valid_from_ms: spec.valid_from_ms,
        valid_until_ms: spec.valid_until_ms,
        customer_cap: spec.customer_cap,
        global_cap: spec.global_cap,
        product_ids: spec.product_ids.clone(),
        priority: spec.priority,
        fallback: spec.fallback,
        propensity_model: spec.propensity_model,
    };
    encode("offer spec", &extras)
}

fn encode<T: Serialize>(what: &'static str, v: &T) -> Result<String, Error> {
    serde_json::to_string(v).map_err(|e| Error::Corrupt {
        what,
        message: e.to_string(),
    })
}

fn decode<T: serde::de::DeserializeOwned>(what: &'static str, s: &str) -> Result<T, Error> {
    serde_json::from_str(s).map_err(|e| Error::Corrupt {
        what,
        message: e.to_string(),
    })
}

/// A stored decision with what is needed to record its outcomes.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredDecision {
    /// The decision as returned by `Decide`.
    pub decision: Decision,
    /// Outcomes recorded so far: (offer id, kind, occurred at ms), in recording order.
    pub outcomes: Vec<(String, OutcomeKind, i64)>,
}

/// Offers, decisions and experiments in SQL, always scoped by workspace.
#[derive(Clone, Debug)]
pub struct Store {
    db: Db,
}

impl Store {
    /// A store over `db` (migrated with [`MIGRATIONS`]).
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    fn backend(&self) -> DbBackend {
        self.db.get_database_backend()
    }

    fn stmt(&self, sql: &str, values: impl IntoIterator<Item = Value>) -> Statement {
        stmt(self.backend(), sql, values)
    }

    /// Inserts a new offer at version 1. With an idempotency key already used in the
    /// workspace, nothing is written and the offer first created with it is returned.
    pub async fn insert_offer(
        &self,
        ws: &WorkspaceId,
        offer: &Offer,
        idempotency_key: Option<&str>,
    ) -> Result<Offer, Error> {
        let spec = &offer.spec;
        let content = encode("offer content", &spec.content)?;
        let extras = extras_json(spec)?;
        let key = Value::from(idempotency_key.map(str::to_owned));
        let txn = self.db.begin().await?;
        let inserted = txn
            .execute_raw(self.stmt(
                "INSERT INTO offers (workspace_id, offer_id, display_name, eligibility, value, weight,
                                     content, create_ms, idempotency_key, version, state, spec, update_ms)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $10, $11, $8)",
                [
                    ws.as_str().into(),
                    offer.id.as_str().into(),
                    spec.display_name.as_str().into(),
                    spec.eligibility.as_str().into(),
                    spec.value.into(),
                    spec.weight.into(),
                    content.clone().into(),
                    offer.create_ms.into(),
                    key.clone(),
                    offer.state.as_str().into(),
                    extras.clone().into(),
                ],
            ))
            .await;
        match inserted {
            Ok(_) => {}
            Err(e) if omni_storage::is_unique_violation(&e) => {
                txn.rollback().await?;
                return match idempotency_key {
                    Some(k) => self
                        .offer_by_idempotency_key(ws, k)
                        .await?
                        .ok_or(Error::Db(e)),
                    None => Err(Error::Db(e)),
                };
            }
            Err(e) => return Err(Error::Db(e)),
        }
        txn.execute_raw(self.version_insert(ws, offer, content, extras, key))
            .await?;
        txn.commit().await?;
        Ok(offer.clone())
    }

    fn version_insert(
        &self,
        ws: &WorkspaceId,
        offer: &Offer,
        content: String,
        extras: String,
        key: Value,
    ) -> Statement {
        let spec = &offer.spec;
        self.stmt(
            "INSERT INTO offer_versions (workspace_id, offer_id, version, display_name, eligibility,
                                         value, weight, content, spec, update_ms, idempotency_key)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            [
                ws.as_str().into(),
                offer.id.as_str().into(),
                offer.version.into(),
                spec.display_name.as_str().into(),
                spec.eligibility.as_str().into(),
                spec.value.into(),
                spec.weight.into(),
                content.into(),
                extras.into(),
                offer.update_ms.into(),
                key,
            ],
        )
    }

    /// Stores `offer` (already at its next version) as the current version, if the
    /// current one is still `expected_version`. Returns false when another update won.
    pub async fn insert_version(
        &self,
        ws: &WorkspaceId,
        offer: &Offer,
        expected_version: i64,
        idempotency_key: Option<&str>,
    ) -> Result<bool, Error> {
        let spec = &offer.spec;
        let content = encode("offer content", &spec.content)?;
        let extras = extras_json(spec)?;
        let txn = self.db.begin().await?;
        let inserted = txn
            .execute_raw(self.version_insert(
                ws,
                offer,
                content.clone(),
                extras.clone(),
                Value::from(idempotency_key.map(str::to_owned)),
            ))
            .await;
        match inserted {
            Ok(_) => {}
            Err(e) if omni_storage::is_unique_violation(&e) => {
                txn.rollback().await?;
                return Ok(false);
            }
            Err(e) => return Err(Error::Db(e)),
        }
        let updated = txn
            .execute_raw(self.stmt(
                "UPDATE offers SET display_name = $3, eligibility = $4, value = $5, weight = $6,
                        content = $7, spec = $8, version = $9, update_ms = $10
                  WHERE workspace_id = $1 AND offer_id = $2 AND version = $11",
                [
                    ws.as_str().into(),
                    offer.id.as_str().into(),
                    spec.display_name.as_str().into(),
                    spec.eligibility.as_str().into(),
                    spec.value.into(),
                    spec.weight.into(),
                    content.into(),
                    extras.into(),
                    offer.version.into(),
                    offer.update_ms.into(),
                    expected_version.into(),
                ],
            ))
            .await?;
        if updated.rows_affected() != 1 {
            txn.rollback().await?;
            return Ok(false);
        }
        txn.commit().await?;
        Ok(true)
    }

    /// Sets the offer's state; returns false when the offer does not exist.
    pub async fn set_state(
        &self,
        ws: &WorkspaceId,
        id: &OfferId,
        state: OfferState,
    ) -> Result<bool, Error> {
        let r = self
            .db
            .execute_raw(self.stmt(
                "UPDATE offers SET state = $3 WHERE workspace_id = $1 AND offer_id = $2",
                [
                    ws.as_str().into(),
                    id.as_str().into(),
                    state.as_str().into(),
                ],
            ))
            .await?;
        Ok(r.rows_affected() == 1)
    }

    /// The offer created with `key`, at its current version.
    pub async fn offer_by_idempotency_key(
        &self,
        ws: &WorkspaceId,
        key: &str,
    ) -> Result<Option<Offer>, Error> {
        let row = self
            .db
            .query_one_raw(self.stmt(
                &format!(
                    "{OFFER_SELECT} AND v.version = o.version
                     WHERE o.workspace_id = $1 AND o.idempotency_key = $2"
                ),
                [ws.as_str().into(), key.into()],
            ))
            .await?;
        row.as_ref().map(offer_from_row).transpose()
    }

    /// The version of offer `id` created by an update with `key`.
    pub async fn version_by_idempotency_key(
        &self,
        ws: &WorkspaceId,
        id: &OfferId,
        key: &str,
    ) -> Result<Option<Offer>, Error> {
        let row = self
            .db
            .query_one_raw(self.stmt(
                &format!(
                    "{OFFER_SELECT} WHERE o.workspace_id = $1 AND o.offer_id = $2
                       AND v.idempotency_key = $3"
                ),
                [ws.as_str().into(), id.as_str().into(), key.into()],
            ))
            .await?;
        row.as_ref().map(offer_from_row).transpose()
    }

    /// One offer at its current version, or at `version` when given.
    pub async fn offer(
        &self,
        ws: &WorkspaceId,
        id: &OfferId,
        version: Option<i64>,
    ) -> Result<Option<Offer>, Error> {
        let row = match version {
            None => {
                self.db
                    .query_one_raw(self.stmt(
                        &format!(
                            "{OFFER_SELECT} AND v.version = o.version
                             WHERE o.workspace_id = $1 AND o.offer_id = $2"
                        ),
                        [ws.as_str().into(), id.as_str().into()],
                    ))
                    .await?
            }
            Some(v) => {
                self.db
                    .query_one_raw(self.stmt(
                        &format!(
                            "{OFFER_SELECT} AND v.version = $3
                             WHERE o.workspace_id = $1 AND o.offer_id = $2"
                        ),
                        [ws.as_str().into(), id.as_str().into(), v.into()],
                    ))
                    .await?
            }
        };
        row.as_ref().map(offer_from_row).transpose()
    }

    /// Every offer of the workspace at its current version, oldest first; archived
    /// ones only with `include_archived`.
    pub async fn offers(
        &self,
        ws: &WorkspaceId,
        include_archived: bool,
    ) -> Result<Vec<Offer>, Error> {
        let filter = if include_archived {
            ""
        } else {
            " AND o.state = 'active'"
        };
        let rows = self
            .db
            .query_all_raw(self.stmt(
                &format!(
                    "{OFFER_SELECT} AND v.version = o.version
                     WHERE o.workspace_id = $1{filter} ORDER BY o.create_ms, o.offer_id"
                ),
                [ws.as_str().into()],
            ))
            .await?;
        rows.iter().map(offer_from_row).collect()
    }

    /// Appends `decision` to the decision log. With an idempotency key used before,
    /// nothing is written and false is returned.
    pub async fn log_decision(
        &self,
        ws: &WorkspaceId,
        decision: &Decision,
        idempotency_key: Option<&str>,
    ) -> Result<bool, Error> {
        let candidates = crate::convert::candidates_to_bytes(&decision.candidates);
        let offers = encode("decision offers", &decision.chosen)?;
        let offer_id = decision.chosen.first().map(|o| o.id.to_string());
        let (experiment, arm) = match &decision.experiment {
            Some((e, a)) => (Some(e.clone()), Some(a.clone())),
            None => (None, None),
        };
        let inserted = self
            .db
            .execute_raw(self.stmt(
                "INSERT INTO decisions (workspace_id, decision_id, customer_id, offer_id, candidates,
                                        create_ms, placement, offers, experiment_id, arm_id, holdout,
                                        idempotency_key, candidates_pb)
                 VALUES ($1, $2, $3, $4, '', $5, $6, $7, $8, $9, $10, $11, $12)",
                [
                    ws.as_str().into(),
                    decision.id.as_str().into(),
                    decision.customer_id.as_str().into(),
                    Value::from(offer_id),
                    decision.create_ms.into(),
                    decision.placement.map_or("", Placement::as_str).into(),
                    offers.into(),
                    Value::from(experiment.clone()),
                    Value::from(arm.clone()),
                    i64::from(decision.holdout).into(),
                    Value::from(idempotency_key.map(str::to_owned)),
                    candidates.into(),
                ],
            ))
            .await;
        match inserted {
            Ok(_) => {}
            Err(e) if idempotency_key.is_some() && omni_storage::is_unique_violation(&e) => {
                return Ok(false);
            }
            Err(e) => return Err(Error::Db(e)),
        }
        if let (Some(e), Some(a)) = (experiment, arm) {
            self.db
                .execute_raw(self.stmt(
                    "INSERT INTO experiment_exposures (workspace_id, experiment_id, customer_id, arm_id, first_ms)
                     VALUES ($1, $2, $3, $4, $5)
                     ON CONFLICT (workspace_id, experiment_id, customer_id) DO NOTHING",
                    [
                        ws.as_str().into(),
                        e.into(),
                        decision.customer_id.as_str().into(),
                        a.into(),
                        decision.create_ms.into(),
                    ],
                ))
                .await?;
        }
        Ok(true)
    }

    /// The decision logged with `key`, if any.
    pub async fn decision_by_idempotency_key(
        &self,
        ws: &WorkspaceId,
        key: &str,
    ) -> Result<Option<Decision>, Error> {
        let row = self
            .db
            .query_one_raw(self.stmt(
                &format!("{DECISION_SELECT} WHERE workspace_id = $1 AND idempotency_key = $2"),
                [ws.as_str().into(), key.into()],
            ))
            .await?;
        row.as_ref().map(decision_from_row).transpose()
    }

    /// A logged decision with its outcomes.
    pub async fn decision(
        &self,
        ws: &WorkspaceId,
        id: &DecisionId,
    ) -> Result<Option<StoredDecision>, Error> {
        let row = self
            .db
            .query_one_raw(self.stmt(
                &format!("{DECISION_SELECT} WHERE workspace_id = $1 AND decision_id = $2"),
                [ws.as_str().into(), id.as_str().into()],
            ))
            .await?;
        let Some(decision) = row.as_ref().map(decision_from_row).transpose()? else {
            return Ok(None);
        };
        let rows = self
            .db
            .query_all_raw(self.stmt(
                "SELECT offer_id, kind, occur_ms FROM outcomes
                  WHERE workspace_id = $1 AND decision_id = $2
                  ORDER BY record_ms, CASE kind WHEN 'impression' THEN 0 WHEN 'click' THEN 1
                           WHEN 'conversion' THEN 2 ELSE 3 END, offer_id",
                [ws.as_str().into(), id.as_str().into()],
            ))
            .await?;
        let mut outcomes = Vec::new();
        for r in &rows {
            let kind: String = r.try_get("", "kind")?;
            // Internal markers (e.g. the first success) are not outcomes.
            if let Some(kind) = OutcomeKind::parse(&kind) {
                outcomes.push((r.try_get("", "offer_id")?, kind, r.try_get("", "occur_ms")?));
            }
        }
        Ok(Some(StoredDecision { decision, outcomes }))
    }

    /// Records an outcome row (`kind` may be an internal marker); false when it was
    /// already recorded.
    pub async fn insert_outcome(
        &self,
        ws: &WorkspaceId,
        decision: &DecisionId,
        offer_id: &str,
        kind: &str,
        occur_ms: i64,
        record_ms: i64,
    ) -> Result<bool, Error> {
        let r = self
            .db
            .execute_raw(self.stmt(
                "INSERT INTO outcomes (workspace_id, decision_id, offer_id, kind, occur_ms, record_ms)
                 VALUES ($1, $2, $3, $4, $5, $6)
                 ON CONFLICT (workspace_id, decision_id, offer_id, kind) DO NOTHING",
                [
                    ws.as_str().into(),
                    decision.as_str().into(),
                    offer_id.into(),
                    kind.into(),
                    occur_ms.into(),
                    record_ms.into(),
                ],
            ))
            .await?;
        Ok(r.rows_affected() == 1)
    }

    /// Marks the customer's exposure to `experiment` as converted (first time only).
    pub async fn mark_converted(
        &self,
        ws: &WorkspaceId,
        experiment: &str,
        customer_id: &str,
        at_ms: i64,
    ) -> Result<(), Error> {
        self.db
            .execute_raw(self.stmt(
                "UPDATE experiment_exposures SET converted_ms = $4
                  WHERE workspace_id = $1 AND experiment_id = $2 AND customer_id = $3
                    AND converted_ms IS NULL",
                [
                    ws.as_str().into(),
                    experiment.into(),
                    customer_id.into(),
                    at_ms.into(),
                ],
            ))
            .await?;
        Ok(())
    }

    /// Inserts an experiment. With an idempotency key used before, nothing is written
    /// and the experiment first created with it is returned.
    pub async fn insert_experiment(
        &self,
        ws: &WorkspaceId,
        exp: &Experiment,
        idempotency_key: Option<&str>,
    ) -> Result<Experiment, Error> {
        let arms = encode("experiment arms", &exp.arms)?;
        let r = self
            .db
            .execute_raw(self.stmt(
                "INSERT INTO experiments (workspace_id, experiment_id, display_name, arms, create_ms, idempotency_key)
                 VALUES ($1, $2, $3, $4, $5, $6)",
                [
                    ws.as_str().into(),
                    exp.id.as_str().into(),
                    exp.display_name.as_str().into(),
                    arms.into(),
                    exp.create_ms.into(),
                    Value::from(idempotency_key.map(str::to_owned)),
                ],
            ))
            .await;
        match r {
            Ok(_) => Ok(exp.clone()),
            Err(e) if omni_storage::is_unique_violation(&e) => match idempotency_key {
                Some(k) => self
                    .experiment_by_idempotency_key(ws, k)
                    .await?
                    .ok_or(Error::Db(e)),
                None => Err(Error::Db(e)),
            },
            Err(e) => Err(Error::Db(e)),
        }
    }

    /// The experiment created with `key`.
    pub async fn experiment_by_idempotency_key(
        &self,
        ws: &WorkspaceId,
        key: &str,
    ) -> Result<Option<Experiment>, Error> {
        let row = self
            .db
            .query_one_raw(self.stmt(
                "SELECT experiment_id, display_name, arms, create_ms FROM experiments
                  WHERE workspace_id = $1 AND idempotency_key = $2",
                [ws.as_str().into(), key.into()],
            ))
            .await?;
        row.as_ref().map(experiment_from_row).transpose()
    }

    /// One experiment.
    pub async fn experiment(
        &self,
        ws: &WorkspaceId,
        id: &ExperimentId,
    ) -> Result<Option<Experiment>, Error> {
        let row = self
            .db
            .query_one_raw(self.stmt(
                "SELECT experiment_id, display_name, arms, create_ms FROM experiments
                  WHERE workspace_id = $1 AND experiment_id = $2",
                [ws.as_str().into(), id.as_str().into()],
            ))
            .await?;
        row.as_ref().map(experiment_from_row).transpose()
    }

    /// Exposures and conversions per arm id of an experiment.
    pub async fn arm_counts(
        &self,
        ws: &WorkspaceId,
        id: &ExperimentId,
    ) -> Result<Vec<(String, i64, i64)>, Error> {
        let rows = self
            .db
            .query_all_raw(self.stmt(
                "SELECT arm_id, COUNT(*) AS exposures, COUNT(converted_ms) AS conversions
                   FROM experiment_exposures WHERE workspace_id = $1 AND experiment_id = $2
                  GROUP BY arm_id",
                [ws.as_str().into(), id.as_str().into()],
            ))
            .await?;
        rows.iter()
            .map(|r| {
                Ok((
                    r.try_get("", "arm_id")?,
                    r.try_get("", "exposures")?,
                    r.try_get("", "conversions")?,
                ))
            })
            .collect()
    }
}

const DECISION_SELECT: &str = "SELECT decision_id, customer_id, candidates, candidates_pb,
        create_ms, placement, offers, experiment_id, arm_id, holdout FROM decisions";

fn decision_from_row(row: &QueryResult) -> Result<Decision, Error> {
    // Decisions logged before migration 3 have JSON candidates and no binary ones.
    let candidates: Vec<Candidate> = match row.try_get::<Option<Vec<u8>>>("", "candidates_pb")? {
        Some(bytes) => crate::convert::candidates_from_bytes(&bytes)?,
        None => decode(
            "decision candidates",
            &row.try_get::<String>("", "candidates")?,
        )?,
    };
    let chosen: Vec<Offer> = decode("decision offers", &row.try_get::<String>("", "offers")?)?;
    let experiment: Option<String> = row.try_get("", "experiment_id")?;
    let arm: Option<String> = row.try_get("", "arm_id")?;
    let holdout: i64 = row.try_get("", "holdout")?;
    let placement: String = row.try_get("", "placement")?;
    Ok(Decision {
        id: DecisionId::new(row.try_get::<String>("", "decision_id")?),
        customer_id: row.try_get("", "customer_id")?,
        placement: Placement::parse(&placement),
        chosen,
        candidates,
        experiment: experiment.zip(arm),
        holdout: holdout != 0,
        create_ms: row.try_get("", "create_ms")?,
    })
}

fn experiment_from_row(row: &QueryResult) -> Result<Experiment, Error> {
    let arms: Vec<Arm> = decode("experiment arms", &row.try_get::<String>("", "arms")?)?;
    Ok(Experiment {
        id: ExperimentId::new(row.try_get::<String>("", "experiment_id")?),
        display_name: row.try_get("", "display_name")?,
        arms,
        create_ms: row.try_get("", "create_ms")?,
    })
}

fn offer_from_row(row: &QueryResult) -> Result<Offer, Error> {
    let content =
        match decode::<serde_json::Value>("offer content", &row.try_get::<String>("", "content")?)?
        {
            serde_json::Value::Object(m) => m,
            _ => serde_json::Map::new(),
        };
    let extras: Extras = decode("offer spec", &row.try_get::<String>("", "spec")?)?;
    let state: String = row.try_get("", "state")?;
    Ok(Offer {
        id: OfferId::new(row.try_get::<String>("", "offer_id")?),
        version: row.try_get("", "version")?,
        state: if state == OfferState::Archived.as_str() {
            OfferState::Archived
        } else {
            OfferState::Active
        },
        spec: OfferSpec {
            display_name: row.try_get("", "display_name")?,
            eligibility: row.try_get("", "eligibility")?,
            value: row.try_get("", "value")?,
            weight: row.try_get("", "weight")?,
            content,
            placements: extras.placements,
            valid_from_ms: extras.valid_from_ms,
            valid_until_ms: extras.valid_until_ms,
            customer_cap: extras.customer_cap,
            global_cap: extras.global_cap,
            product_ids: extras.product_ids,
            priority: extras.priority,
            fallback: extras.fallback,
            propensity_model: extras.propensity_model,
        },
        create_ms: row.try_get("", "create_ms")?,
        update_ms: row.try_get("", "update_ms")?,
    })
}
