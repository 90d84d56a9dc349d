//! Review before publish: a journey's draft moves DRAFT → IN_REVIEW → APPROVED →
//! PUBLISHED, each transition recorded (who, when, comment) in `journey_reviews`.
//!
//! - `journeys.review_state` holds where the draft is; `journeys.generated` marks
//!   generated content; `last_editor_key_id` / `submitted_by_key_id` are what four-eyes
//!   compares the approving key against.
//! - `journey_review_settings` holds each workspace's `require_review` and `four_eyes`
//!   (both off when the workspace has no row).
//! - Publishing needs an APPROVED draft when the workspace requires review or the draft
//!   is generated; the check and the move to PUBLISHED happen in the publish
//!   transaction ([`crate::store::Store::publish`]).
//! - Editing a submitted or approved draft (a real change) sends it back to DRAFT.

use std::collections::BTreeSet;

use omni_common::ids::WorkspaceId;
use sea_orm::{ConnectionTrait, QueryResult, Statement, TransactionTrait, Value};
use serde_json::Value as Json;

use crate::error::Error;
use crate::model::{Graph, Journey, JourneyId};
use crate::store::Store;

/// The schema of the review state, history and workspace settings.
pub const MIGRATION_SQL: &str = "
ALTER TABLE journeys ADD COLUMN review_state TEXT NOT NULL DEFAULT 'DRAFT';
ALTER TABLE journeys ADD COLUMN generated BIGINT NOT NULL DEFAULT 0;
ALTER TABLE journeys ADD COLUMN last_editor_key_id TEXT NOT NULL DEFAULT '';
ALTER TABLE journeys ADD COLUMN submitted_by_key_id TEXT NOT NULL DEFAULT '';
UPDATE journeys SET review_state = 'PUBLISHED' WHERE published_version > 0;
CREATE TABLE journey_reviews (
    workspace_id TEXT NOT NULL,
    journey_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    action TEXT NOT NULL,
    from_state TEXT NOT NULL,
    to_state TEXT NOT NULL,
    actor_key_id TEXT NOT NULL,
    actor_role TEXT NOT NULL,
    comment TEXT NOT NULL,
    time_ms BIGINT NOT NULL,
    version BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, journey_id, seq)
);
CREATE TABLE journey_review_settings (
    workspace_id TEXT NOT NULL PRIMARY KEY,
    require_review BIGINT NOT NULL,
    four_eyes BIGINT NOT NULL,
    update_ms BIGINT NOT NULL
)
";

/// How many times a review transition is retried when it races another change.
const ATTEMPTS: usize = 3;

/// Where a journey's draft is in review.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ReviewState {
    /// Being edited (never submitted, rejected, or edited after submission).
    #[default]
    Draft,
    /// Submitted, waiting for an approver.
    InReview,
    /// Approved; may be published.
    Approved,
    /// The draft is the latest published version.
    Published,
}

impl ReviewState {
    /// The SQL spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "DRAFT",
            Self::InReview => "IN_REVIEW",
            Self::Approved => "APPROVED",
            Self::Published => "PUBLISHED",
        }
    }

    /// Parses the SQL spelling.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "DRAFT" => Some(Self::Draft),
            "IN_REVIEW" => Some(Self::InReview),
            "APPROVED" => Some(Self::Approved),
            "PUBLISHED" => Some(Self::Published),
            _ => None,
        }
    }
}

/// A workspace's review settings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReviewSettings {
    /// Publishing needs an APPROVED draft.
    pub require_review: bool,
    /// The approving key must differ from the submitter and the last editor.
    pub four_eyes: bool,
    /// Last change, unix ms (0: never set).
    pub update_ms: i64,
}

/// One recorded review transition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewEntry {
    /// `submitted`, `approved`, `rejected`, `published` or `edited`.
    pub action: String,
    /// State before.
    pub from: ReviewState,
    /// State after.
    pub to: ReviewState,
    /// Key id of the caller.
    pub actor_key_id: String,
    /// Role of the caller.
    pub actor_role: String,
    /// The caller's comment.
    pub comment: String,
    /// When, unix ms.
    pub time_ms: i64,
    /// For `published`: the version published (else 0).
    pub version: i64,
}

/// Who asks for a review transition.
#[derive(Clone, Debug)]
pub struct Actor {
    /// Key id.
    pub key_id: String,
    /// Role name.
    pub role: String,
}

impl From<&omni_common::auth::Caller> for Actor {
    fn from(c: &omni_common::auth::Caller) -> Self {
        Self {
            key_id: c.key_id.clone(),
            role: c.role.as_str().to_owned(),
        }
    }
}

/// A review transition a call asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Transition {
    /// DRAFT → IN_REVIEW.
    Submit,
    /// IN_REVIEW → APPROVED.
    Approve,
    /// IN_REVIEW → DRAFT.
    Reject,
}

impl Transition {
    fn action(self) -> &'static str {
        match self {
            Self::Submit => "submitted",
            Self::Approve => "approved",
            Self::Reject => "rejected",
        }
    }

    fn states(self) -> (ReviewState, ReviewState) {
        match self {
            Self::Submit => (ReviewState::Draft, ReviewState::InReview),
            Self::Approve => (ReviewState::InReview, ReviewState::Approved),
            Self::Reject => (ReviewState::InReview, ReviewState::Draft),
        }
    }
}

/// One review transition as asked: what, by whom, with which comment, and whether
/// four-eyes applies.
#[derive(Clone, Copy, Debug)]
pub struct Step<'a> {
    /// The transition.
    pub transition: Transition,
    /// Who asks.
    pub actor: &'a Actor,
    /// The caller's comment (may be empty).
    pub comment: &'a str,
    /// Refuse an approval by the submitter or the last editor.
    pub four_eyes: bool,
}

/// The draft against the latest published version.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diff {
    /// The version compared against (0: none).
    pub base_version: i64,
    /// Node ids only in the draft, in draft order.
    pub nodes_added: Vec<String>,
    /// Node ids only in the base, in base order.
    pub nodes_removed: Vec<String>,
    /// Node ids in both whose definitions differ, in draft order.
    pub nodes_changed: Vec<String>,
    /// Setting names that differ, sorted.
    pub settings_changed: Vec<String>,
}

/// Compares `draft` with `base` (the latest published version and its graph; `None`
/// when never published: every node is added).
pub fn diff(draft: &Journey, base: Option<(i64, &Graph)>) -> Diff {
    let empty = Graph {
        nodes: Vec::new(),
        settings: Default::default(),
    };
    let (base_version, base_graph) = base.unwrap_or((0, &empty));
    let node_json = |g: &Graph, id: &str| {
        g.nodes
            .iter()
            .find(|n| n.node_id == id)
            .and_then(|n| serde_json::to_value(n).ok())
    };
    let mut out = Diff {
        base_version,
        ..Diff::default()
    };
    for n in &draft.graph.nodes {
        match node_json(base_graph, &n.node_id) {
            None => out.nodes_added.push(n.node_id.clone()),
            Some(old) if Some(&old) != node_json(&draft.graph, &n.node_id).as_ref() => {
                out.nodes_changed.push(n.node_id.clone());
            }
            Some(_) => {}
        }
    }
    for n in &base_graph.nodes {
        if !draft.graph.nodes.iter().any(|d| d.node_id == n.node_id) {
            out.nodes_removed.push(n.node_id.clone());
        }
    }
    if base.is_some() {
        let fields = |g: &Graph| match serde_json::to_value(&g.settings) {
            Ok(Json::Object(m)) => m,
            _ => serde_json::Map::new(),
        };
        let (old, new) = (fields(base_graph), fields(&draft.graph));
        let names: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
        out.settings_changed = names
            .into_iter()
            .filter(|k| old.get(*k) != new.get(*k))
            .map(|k| k.strip_suffix("_ms").unwrap_or(k).to_owned())
            .collect();
    }
    out
}

fn stmt<C: ConnectionTrait>(
    db: &C,
    sql: &str,
    values: impl IntoIterator<Item = Value>,
) -> Statement {
    omni_storage::stmt(db.get_database_backend(), sql, values)
}

/// Appends one entry to a journey's review history (inside the caller's transaction).
pub(crate) async fn record<C: ConnectionTrait>(
    db: &C,
    ws: &WorkspaceId,
    journey_id: &JourneyId,
    entry: &ReviewEntry,
) -> Result<(), Error> {
    db.execute_raw(stmt(
        db,
        "INSERT INTO journey_reviews (workspace_id, journey_id, seq, action, from_state, \
         to_state, actor_key_id, actor_role, comment, time_ms, version) \
         SELECT $1, $2, COALESCE(MAX(seq), 0) + 1, $3, $4, $5, $6, $7, $8, $9, $10 \
         FROM journey_reviews WHERE workspace_id = $1 AND journey_id = $2",
        [
            ws.as_str().into(),
            journey_id.as_str().into(),
            entry.action.clone().into(),
            entry.from.as_str().into(),
            entry.to.as_str().into(),
            entry.actor_key_id.clone().into(),
            entry.actor_role.clone().into(),
            entry.comment.clone().into(),
            entry.time_ms.into(),
            entry.version.into(),
        ],
    ))
    .await?;
    Ok(())
}

fn state_of(row: &QueryResult, column: &str) -> Result<ReviewState, Error> {
    let s: String = row.try_get("", column)?;
    ReviewState::parse(&s).ok_or_else(|| Error::Corrupt(format!("review state `{s}`")))
}

impl Store {
    /// The workspace's review settings (defaults when never set).
    pub async fn review_settings(&self, ws: &WorkspaceId) -> Result<ReviewSettings, Error> {
        let row = self
            .db()
            .query_one_raw(stmt(
                self.db(),
                "SELECT require_review, four_eyes, update_ms FROM journey_review_settings \
                 WHERE workspace_id = $1",
                [ws.as_str().into()],
            ))
            .await?;
        Ok(match row {
            None => ReviewSettings::default(),
            Some(r) => ReviewSettings {
                require_review: r.try_get::<i64>("", "require_review")? != 0,
                four_eyes: r.try_get::<i64>("", "four_eyes")? != 0,
                update_ms: r.try_get("", "update_ms")?,
            },
        })
    }

    /// Replaces the workspace's review settings.
    pub async fn set_review_settings(
        &self,
        ws: &WorkspaceId,
        require_review: bool,
        four_eyes: bool,
        now_ms: i64,
    ) -> Result<ReviewSettings, Error> {
        self.db()
            .execute_raw(stmt(
                self.db(),
                "INSERT INTO journey_review_settings (workspace_id, require_review, four_eyes, \
                 update_ms) VALUES ($1, $2, $3, $4) ON CONFLICT (workspace_id) DO UPDATE SET \
                 require_review = excluded.require_review, four_eyes = excluded.four_eyes, \
                 update_ms = excluded.update_ms",
                [
                    ws.as_str().into(),
                    i64::from(require_review).into(),
                    i64::from(four_eyes).into(),
                    now_ms.into(),
                ],
            ))
            .await?;
        self.review_settings(ws).await
    }

    /// Moves a journey's review state by `step`, recording who and when. With
    /// four-eyes, an approval by the key that submitted or last edited the draft is
    /// [`Error::FourEyes`]; a journey not in the transition's starting state is
    /// [`Error::WrongReviewState`].
    pub async fn review_transition(
        &self,
        ws: &WorkspaceId,
        journey_id: &JourneyId,
        step: Step<'_>,
        now_ms: i64,
    ) -> Result<Journey, Error> {
        let Step {
            transition,
            actor,
            comment,
            four_eyes,
        } = step;
        let (from, to) = step.transition.states();
        for _ in 0..ATTEMPTS {
            let txn = self.db().begin().await?;
            let row = txn
                .query_one_raw(stmt(
                    &txn,
                    "SELECT state, review_state, last_editor_key_id, submitted_by_key_id \
                     FROM journeys WHERE workspace_id = $1 AND journey_id = $2",
                    [ws.as_str().into(), journey_id.as_str().into()],
                ))
                .await?
                .ok_or_else(|| Error::NotFound {
                    kind: "journey",
                    id: journey_id.to_string(),
                })?;
            let current = state_of(&row, "review_state")?;
            let state: String = row.try_get("", "state")?;
            if current != from || state == "STOPPED" {
                return Err(Error::WrongReviewState {
                    journey_id: journey_id.to_string(),
                    state: if state == "STOPPED" {
                        "STOPPED"
                    } else {
                        current.as_str()
                    },
                    wanted: from.as_str(),
                });
            }
            if transition == Transition::Approve && four_eyes {
                let editor: String = row.try_get("", "last_editor_key_id")?;
                let submitter: String = row.try_get("", "submitted_by_key_id")?;
                if actor.key_id == editor || actor.key_id == submitter {
                    return Err(Error::FourEyes {
                        journey_id: journey_id.to_string(),
                        key_id: actor.key_id.clone(),
                    });
                }
            }
            let submitted_by = if transition == Transition::Submit {
                actor.key_id.clone()
            } else {
                row.try_get("", "submitted_by_key_id")?
            };
            let updated = txn
                .execute_raw(stmt(
                    &txn,
                    "UPDATE journeys SET review_state = $1, submitted_by_key_id = $2, \
                     update_ms = $3 WHERE workspace_id = $4 AND journey_id = $5 \
                     AND review_state = $6",
                    [
                        to.as_str().into(),
                        submitted_by.into(),
                        now_ms.into(),
                        ws.as_str().into(),
                        journey_id.as_str().into(),
                        from.as_str().into(),
                    ],
                ))
                .await?;
            if updated.rows_affected() != 1 {
                txn.rollback().await?;
                continue;
            }
            let entry = ReviewEntry {
                action: transition.action().to_owned(),
                from,
                to,
                actor_key_id: actor.key_id.clone(),
                actor_role: actor.role.clone(),
                comment: comment.to_owned(),
                time_ms: now_ms,
                version: 0,
            };
            match record(&txn, ws, journey_id, &entry).await {
                Ok(()) => {}
                Err(Error::Db(e)) if omni_storage::is_unique_violation(&e) => {
                    txn.rollback().await?;
                    continue;
                }
                Err(e) => return Err(e),
            }
            txn.commit().await?;
            return self.get_journey(ws, journey_id).await?.ok_or_else(|| {
                Error::Corrupt(format!("journey {journey_id} vanished after review"))
            });
        }
        Err(Error::Conflict(format!("journey {journey_id}")))
    }

    /// A journey's review history, oldest first.
    pub async fn review_history(
        &self,
        ws: &WorkspaceId,
        journey_id: &JourneyId,
    ) -> Result<Vec<ReviewEntry>, Error> {
        let rows = self
            .db()
            .query_all_raw(stmt(
                self.db(),
                "SELECT action, from_state, to_state, actor_key_id, actor_role, comment, \
                 time_ms, version FROM journey_reviews \
                 WHERE workspace_id = $1 AND journey_id = $2 ORDER BY seq",
                [ws.as_str().into(), journey_id.as_str().into()],
            ))
            .await?;
        rows.iter()
            .map(|r| {
                Ok(ReviewEntry {
                    action: r.try_get("", "action")?,
                    from: state_of(r, "from_state")?,
                    to: state_of(r, "to_state")?,
                    actor_key_id: r.try_get("", "actor_key_id")?,
                    actor_role: r.try_get("", "actor_role")?,
                    comment: r.try_get("", "comment")?,
                    time_ms: r.try_get("", "time_ms")?,
                    version: r.try_get("", "version")?,
                })
            })
            .collect()
    }

    /// `(version, graph)` of the journey's latest published version, if any.
    pub async fn latest_published(
        &self,
        ws: &WorkspaceId,
        journey: &Journey,
    ) -> Result<Option<(i64, Graph)>, Error> {
        if journey.published_version == 0 {
            return Ok(None);
        }
        Ok(self
            .version_graph(ws, &journey.journey_id, journey.published_version)
            .await?
            .map(|g| (journey.published_version, g)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{JourneyState, Node, NodeKind};

    fn exit(id: &str) -> Node {
        Node {
            node_id: id.into(),
            next_node_id: String::new(),
            kind: NodeKind::Exit {
                reason: String::new(),
            },
        }
    }

    fn journey(nodes: Vec<Node>, priority: u32) -> Journey {
        let mut graph = Graph {
            nodes,
            settings: Default::default(),
        };
        graph.settings.priority = priority;
        Journey {
            journey_id: JourneyId::new("j"),
            display_name: "J".into(),
            graph,
            state: JourneyState::Draft,
            published_version: 0,
            create_ms: 0,
            review_state: ReviewState::Draft,
            generated: false,
        }
    }

    #[test]
    fn diff_names_nodes_and_settings() {
        let base = journey(vec![exit("a"), exit("b")], 0).graph;
        let mut changed = exit("b");
        changed.next_node_id = "a".into();
        let draft = journey(vec![exit("a"), changed, exit("c")], 80);
        let d = diff(&draft, Some((3, &base)));
        assert_eq!(d.base_version, 3);
        assert_eq!(d.nodes_added, vec!["c"]);
        assert_eq!(d.nodes_changed, vec!["b"]);
        assert!(d.nodes_removed.is_empty());
        assert_eq!(d.settings_changed, vec!["priority"]);
        let first = diff(&draft, None);
        assert_eq!(first.nodes_added, vec!["a", "b", "c"]);
        assert!(first.settings_changed.is_empty());
    }
}
