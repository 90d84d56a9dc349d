//! SQL persistence of the offer catalogue and the decision log.

use omni_common::ids::WorkspaceId;
use omni_storage::{Db, Migration, stmt};
use sea_orm::{ConnectionTrait, QueryResult, Value};

use crate::error::Error;
use crate::offer::{Decision, Offer, OfferId};

/// The decisioning service's schema, applied at start-up.
pub const MIGRATIONS: &[Migration] = &[Migration {
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
}];

const OFFER_COLUMNS: &str =
    "offer_id, display_name, eligibility, value, weight, content, create_ms";

/// Offers and decisions in SQL, always scoped by workspace.
#[derive(Clone, Debug)]
pub struct Store {
    db: Db,
}

impl Store {
    /// A store over `db` (migrated with [`MIGRATIONS`]).
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    /// Inserts `offer`. With an idempotency key already used in the workspace, nothing
    /// is written and the offer first created with that key is returned.
    pub async fn insert_offer(
        &self,
        ws: &WorkspaceId,
        offer: &Offer,
        idempotency_key: Option<&str>,
    ) -> Result<Offer, Error> {
        let content = serde_json::Value::Object(offer.content.clone()).to_string();
        let insert = stmt(
            self.db.get_database_backend(),
            "INSERT INTO offers (workspace_id, offer_id, display_name, eligibility, value, weight,
                                 content, create_ms, idempotency_key)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            [
                ws.as_str().into(),
                offer.id.as_str().into(),
                offer.display_name.as_str().into(),
                offer.eligibility.as_str().into(),
                offer.value.into(),
                offer.weight.into(),
                content.into(),
                offer.create_ms.into(),
                Value::from(idempotency_key.map(str::to_owned)),
            ],
        );
        match self.db.execute_raw(insert).await {
            Ok(_) => Ok(offer.clone()),
            Err(e) if omni_storage::is_unique_violation(&e) => match idempotency_key {
                Some(key) => self
                    .offer_by_idempotency_key(ws, key)
                    .await?
                    .ok_or(Error::Db(e)),
                None => Err(Error::Db(e)),
            },
            Err(e) => Err(Error::Db(e)),
        }
    }

    /// The offer created with `key`, if any.
    pub async fn offer_by_idempotency_key(
        &self,
        ws: &WorkspaceId,
        key: &str,
    ) -> Result<Option<Offer>, Error> {
        let row = self
            .db
            .query_one_raw(stmt(
                self.db.get_database_backend(),
                &format!(
                    "SELECT {OFFER_COLUMNS} FROM offers WHERE workspace_id = $1 AND idempotency_key = $2"
                ),
                [ws.as_str().into(), key.into()],
            ))
            .await?;
        row.as_ref().map(offer_from_row).transpose()
    }

    /// One offer.
    pub async fn offer(&self, ws: &WorkspaceId, id: &OfferId) -> Result<Option<Offer>, Error> {
        let row = self
            .db
            .query_one_raw(stmt(
                self.db.get_database_backend(),
                &format!(
                    "SELECT {OFFER_COLUMNS} FROM offers WHERE workspace_id = $1 AND offer_id = $2"
                ),
                [ws.as_str().into(), id.as_str().into()],
            ))
            .await?;
        row.as_ref().map(offer_from_row).transpose()
    }

    /// Every offer of the workspace, oldest first.
    pub async fn offers(&self, ws: &WorkspaceId) -> Result<Vec<Offer>, Error> {
        let rows = self
            .db
            .query_all_raw(stmt(
                self.db.get_database_backend(),
                &format!(
                    "SELECT {OFFER_COLUMNS} FROM offers WHERE workspace_id = $1 ORDER BY create_ms, offer_id"
                ),
                [ws.as_str().into()],
            ))
            .await?;
        rows.iter().map(offer_from_row).collect()
    }

    /// Appends `decision` to the decision log.
    pub async fn log_decision(&self, ws: &WorkspaceId, decision: &Decision) -> Result<(), Error> {
        let candidates =
            serde_json::to_string(&decision.candidates).map_err(|e| Error::Corrupt {
                what: "decision candidates",
                message: e.to_string(),
            })?;
        let offer_id = decision.chosen.as_ref().map(|o| o.id.to_string());
        self.db
            .execute_raw(stmt(
                self.db.get_database_backend(),
                "INSERT INTO decisions (workspace_id, decision_id, customer_id, offer_id, candidates, create_ms)
                 VALUES ($1, $2, $3, $4, $5, $6)",
                [
                    ws.as_str().into(),
                    decision.id.as_str().into(),
                    decision.customer_id.as_str().into(),
                    Value::from(offer_id),
                    candidates.into(),
                    decision.create_ms.into(),
                ],
            ))
            .await?;
        Ok(())
    }
}

fn offer_from_row(row: &QueryResult) -> Result<Offer, Error> {
    let content: String = row.try_get("", "content")?;
    let content = match serde_json::from_str(&content) {
        Ok(serde_json::Value::Object(m)) => m,
        Ok(_) => serde_json::Map::new(),
        Err(e) => {
            return Err(Error::Corrupt {
                what: "offer content",
                message: e.to_string(),
            });
        }
    };
    Ok(Offer {
        id: OfferId::new(row.try_get::<String>("", "offer_id")?),
        display_name: row.try_get("", "display_name")?,
        eligibility: row.try_get("", "eligibility")?,
        value: row.try_get("", "value")?,
        weight: row.try_get("", "weight")?,
        content,
        create_ms: row.try_get("", "create_ms")?,
    })
}
