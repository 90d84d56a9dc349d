//! Template versions, their review history and the workspace review settings in SQL
//! (see [`crate::review`]).

use omni_common::ids::WorkspaceId;
use sea_orm::{ConnectionTrait, DatabaseTransaction, QueryResult, TransactionTrait, Value};

use crate::error::Error;
use crate::records::{Channel, Sample, Template, TemplateId, Variant};
use crate::review::{
    Actor, ReviewEntry, ReviewSettings, ReviewState, Step, TemplateVersion, Transition,
};

use super::{Store, corrupt, parse};

/// The schema of template versions, review history and settings. Every existing
/// template becomes its own published version 1.
pub const MIGRATION_SQL: &str = "
ALTER TABLE templates ADD COLUMN published_version BIGINT NOT NULL DEFAULT 1;
CREATE TABLE IF NOT EXISTS template_versions (
    workspace_id TEXT NOT NULL,
    template_id TEXT NOT NULL,
    version BIGINT NOT NULL,
    display_name TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    html_body TEXT NOT NULL,
    variants_json TEXT NOT NULL,
    sample_json TEXT,
    state TEXT NOT NULL,
    generated BIGINT NOT NULL,
    author_key_id TEXT NOT NULL,
    submitted_by_key_id TEXT NOT NULL,
    create_ms BIGINT NOT NULL,
    update_ms BIGINT NOT NULL,
    idempotency_key TEXT,
    PRIMARY KEY (workspace_id, template_id, version)
);
CREATE UNIQUE INDEX IF NOT EXISTS template_versions_idempotency_key
    ON template_versions (workspace_id, template_id, idempotency_key);
CREATE INDEX IF NOT EXISTS template_versions_by_time
    ON template_versions (workspace_id, create_ms);
INSERT INTO template_versions (workspace_id, template_id, version, display_name, subject, body,
    html_body, variants_json, sample_json, state, generated, author_key_id, submitted_by_key_id,
    create_ms, update_ms, idempotency_key)
SELECT workspace_id, template_id, 1, display_name, subject, body, html_body, variants_json,
    sample_json, 'PUBLISHED', 0, '', '', create_ms, create_ms, NULL
FROM templates;
CREATE TABLE IF NOT EXISTS template_reviews (
    workspace_id TEXT NOT NULL,
    template_id TEXT NOT NULL,
    version BIGINT NOT NULL,
    seq BIGINT NOT NULL,
    action TEXT NOT NULL,
    from_state TEXT NOT NULL,
    to_state TEXT NOT NULL,
    actor_key_id TEXT NOT NULL,
    actor_role TEXT NOT NULL,
    comment TEXT NOT NULL,
    time_ms BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, template_id, version, seq)
);
CREATE TABLE IF NOT EXISTS template_review_settings (
    workspace_id TEXT NOT NULL PRIMARY KEY,
    require_review BIGINT NOT NULL,
    four_eyes BIGINT NOT NULL,
    update_ms BIGINT NOT NULL
)
";

const VERSION_COLUMNS: &str = "v.template_id, v.version, v.display_name, t.channel, v.subject, \
     v.body, v.html_body, v.variants_json, v.sample_json, v.state, v.generated, \
     v.author_key_id, v.submitted_by_key_id, v.create_ms, t.published_version";

const VERSION_FROM: &str = "FROM template_versions v JOIN templates t \
     ON t.workspace_id = v.workspace_id AND t.template_id = v.template_id";

/// A new version to store.
#[derive(Debug)]
pub struct NewVersion<'a> {
    /// The content (its `template_id`; `create_ms` is the save time).
    pub template: &'a Template,
    /// Generated content.
    pub generated: bool,
    /// Who saves it.
    pub author: &'a Actor,
    /// Whether it needs review (else it is published at once).
    pub needs_review: bool,
}

impl Store {
    // ---- settings --------------------------------------------------------------------

    /// The workspace's review settings (both off when never set).
    pub async fn review_settings(&self, ws: &WorkspaceId) -> Result<ReviewSettings, Error> {
        let row = self
            .db
            .query_one_raw(self.stmt(
                "SELECT require_review, four_eyes, update_ms FROM template_review_settings \
                 WHERE workspace_id = $1",
                [ws.as_str().into()],
            ))
            .await?;
        match row {
            None => Ok(ReviewSettings::default()),
            Some(r) => Ok(ReviewSettings {
                require_review: r.try_get::<i64>("", "require_review")? != 0,
                four_eyes: r.try_get::<i64>("", "four_eyes")? != 0,
                update_ms: r.try_get("", "update_ms")?,
            }),
        }
    }

    /// Replaces the workspace's review settings.
    pub async fn set_review_settings(
        &self,
        ws: &WorkspaceId,
        s: ReviewSettings,
    ) -> Result<(), Error> {
        self.db
            .execute_raw(self.stmt(
                "INSERT INTO template_review_settings (workspace_id, require_review, four_eyes, \
                 update_ms) VALUES ($1, $2, $3, $4) ON CONFLICT (workspace_id) DO UPDATE SET \
                 require_review = excluded.require_review, four_eyes = excluded.four_eyes, \
                 update_ms = excluded.update_ms",
                [
                    ws.as_str().into(),
                    i64::from(s.require_review).into(),
                    i64::from(s.four_eyes).into(),
                    s.update_ms.into(),
                ],
            ))
            .await?;
        Ok(())
    }

    // ---- versions --------------------------------------------------------------------

    /// Creates a template with its version 1 (published at once unless it needs
    /// review). With an idempotency key already used, returns the first template's
    /// version 1 instead.
    pub async fn create_template(
        &self,
        ws: &WorkspaceId,
        new: NewVersion<'_>,
        idempotency_key: Option<&str>,
    ) -> Result<TemplateVersion, Error> {
        let t = new.template;
        let txn = self.db.begin().await?;
        let published = if new.needs_review { 0 } else { 1 };
        let res = txn
            .execute_raw(self.stmt(
                "INSERT INTO templates (workspace_id, template_id, display_name, channel, subject, \
                 body, create_ms, idempotency_key, html_body, variants_json, sample_json, \
                 published_version) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) \
                 ON CONFLICT (workspace_id, idempotency_key) DO NOTHING",
                [
                    ws.as_str().into(),
                    t.template_id.as_str().into(),
                    t.display_name.clone().into(),
                    t.channel.as_str().into(),
                    t.subject.clone().into(),
                    t.body.clone().into(),
                    t.create_ms.into(),
                    idempotency_key.map(str::to_owned).into(),
                    t.html_body.clone().into(),
                    variants_json(t)?.into(),
                    sample_json(t)?.into(),
                    i64::from(published).into(),
                ],
            ))
            .await?;
        if res.rows_affected() == 0 {
            txn.rollback().await?;
            let key = idempotency_key.unwrap_or_default();
            let row = self
                .db
                .query_one_raw(self.stmt(
                    "SELECT template_id FROM templates WHERE workspace_id = $1 \
                     AND idempotency_key = $2",
                    [ws.as_str().into(), key.into()],
                ))
                .await?
                .ok_or_else(|| {
                    Error::Corrupt(format!(
                        "template insert for key `{key}` conflicted with nothing"
                    ))
                })?;
            let id: String = row.try_get("", "template_id")?;
            return self
                .get_version(ws, &id, 1)
                .await?
                .ok_or_else(|| Error::Corrupt(format!("template `{id}` has no version 1")));
        }
        self.insert_version(&txn, ws, &new, 1, None).await?;
        let (action, state) = if new.needs_review {
            ("created", ReviewState::Draft)
        } else {
            ("published_without_review", ReviewState::Published)
        };
        self.record(
            &txn,
            ws,
            &t.template_id,
            &entry(1, action, None, state, new.author, "", t.create_ms),
        )
        .await?;
        txn.commit().await?;
        self.get_version(ws, t.template_id.as_str(), 1)
            .await?
            .ok_or_else(|| Error::Corrupt("created template vanished".into()))
    }

    /// Adds the next version of a template (published at once unless it needs review;
    /// then the `templates` row takes its content). With an idempotency key already
    /// used for the template, returns that version instead.
    pub async fn add_version(
        &self,
        ws: &WorkspaceId,
        new: NewVersion<'_>,
        idempotency_key: Option<&str>,
    ) -> Result<TemplateVersion, Error> {
        let id = new.template.template_id.as_str();
        if let Some(key) = idempotency_key
            && let Some(v) = self.version_by_key(ws, id, key).await?
        {
            return Ok(v);
        }
        for _ in 0..5 {
            let txn = self.db.begin().await?;
            let row = txn
                .query_one_raw(self.stmt(
                    "SELECT COALESCE(MAX(version), 0) AS last FROM template_versions \
                     WHERE workspace_id = $1 AND template_id = $2",
                    [ws.as_str().into(), id.into()],
                ))
                .await?;
            let last: i64 = match row {
                Some(r) => r.try_get("", "last")?,
                None => 0,
            };
            if last == 0 {
                return Err(Error::NotFound {
                    kind: "template",
                    id: id.to_owned(),
                });
            }
            let version = last + 1;
            if let Err(e) = self
                .insert_version(&txn, ws, &new, version, idempotency_key)
                .await
            {
                // Another save took the number (or the key) first: look again.
                txn.rollback().await?;
                if let Some(key) = idempotency_key
                    && let Some(v) = self.version_by_key(ws, id, key).await?
                {
                    return Ok(v);
                }
                tracing::debug!(error = %e, "template version number taken; retrying");
                continue;
            }
            if !new.needs_review {
                self.publish(&txn, ws, id, version).await?;
                self.record(
                    &txn,
                    ws,
                    &new.template.template_id,
                    &entry(
                        version,
                        "published_without_review",
                        None,
                        ReviewState::Published,
                        new.author,
                        "",
                        new.template.create_ms,
                    ),
                )
                .await?;
            } else {
                self.record(
                    &txn,
                    ws,
                    &new.template.template_id,
                    &entry(
                        version,
                        "created",
                        None,
                        ReviewState::Draft,
                        new.author,
                        "",
                        new.template.create_ms,
                    ),
                )
                .await?;
            }
            txn.commit().await?;
            return self
                .get_version(ws, id, version)
                .await?
                .ok_or_else(|| Error::Corrupt("saved template version vanished".into()));
        }
        Err(Error::FailedPrecondition {
            field: "template_id",
            message: "the template is being changed concurrently; retry".into(),
        })
    }

    async fn version_by_key(
        &self,
        ws: &WorkspaceId,
        id: &str,
        key: &str,
    ) -> Result<Option<TemplateVersion>, Error> {
        let row = self
            .db
            .query_one_raw(self.stmt(
                &format!(
                    "SELECT {VERSION_COLUMNS} {VERSION_FROM} WHERE v.workspace_id = $1 \
                     AND v.template_id = $2 AND v.idempotency_key = $3"
                ),
                [ws.as_str().into(), id.into(), key.into()],
            ))
            .await?;
        row.as_ref().map(version_from_row).transpose()
    }

    async fn insert_version(
        &self,
        txn: &DatabaseTransaction,
        ws: &WorkspaceId,
        new: &NewVersion<'_>,
        version: i64,
        idempotency_key: Option<&str>,
    ) -> Result<(), Error> {
        let t = new.template;
        let state = if new.needs_review {
            ReviewState::Draft
        } else {
            ReviewState::Published
        };
        txn.execute_raw(self.stmt(
            "INSERT INTO template_versions (workspace_id, template_id, version, display_name, \
             subject, body, html_body, variants_json, sample_json, state, generated, \
             author_key_id, submitted_by_key_id, create_ms, update_ms, idempotency_key) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, '', $13, $13, $14)",
            [
                ws.as_str().into(),
                t.template_id.as_str().into(),
                version.into(),
                t.display_name.clone().into(),
                t.subject.clone().into(),
                t.body.clone().into(),
                t.html_body.clone().into(),
                variants_json(t)?.into(),
                sample_json(t)?.into(),
                state.as_str().into(),
                i64::from(new.generated).into(),
                new.author.key_id.clone().into(),
                t.create_ms.into(),
                idempotency_key.map(str::to_owned).into(),
            ],
        ))
        .await?;
        Ok(())
    }

    /// Makes `version` the published one if it is newer than the current: the old one
    /// goes back to APPROVED and the `templates` row takes the new content. Returns
    /// whether it was published.
    async fn publish(
        &self,
        txn: &DatabaseTransaction,
        ws: &WorkspaceId,
        id: &str,
        version: i64,
    ) -> Result<bool, Error> {
        let row = txn
            .query_one_raw(self.stmt(
                "SELECT published_version FROM templates WHERE workspace_id = $1 \
                 AND template_id = $2",
                [ws.as_str().into(), id.into()],
            ))
            .await?
            .ok_or_else(|| Error::NotFound {
                kind: "template",
                id: id.to_owned(),
            })?;
        let current: i64 = row.try_get("", "published_version")?;
        if version <= current {
            return Ok(false);
        }
        let moved = txn
            .execute_raw(self.stmt(
                "UPDATE templates SET published_version = $1, display_name = v.display_name, \
                 subject = v.subject, body = v.body, html_body = v.html_body, \
                 variants_json = v.variants_json, sample_json = v.sample_json \
                 FROM template_versions v WHERE templates.workspace_id = $2 \
                 AND templates.template_id = $3 AND templates.published_version = $4 \
                 AND v.workspace_id = templates.workspace_id \
                 AND v.template_id = templates.template_id AND v.version = $1",
                [
                    version.into(),
                    ws.as_str().into(),
                    id.into(),
                    current.into(),
                ],
            ))
            .await?;
        if moved.rows_affected() != 1 {
            return Err(Error::FailedPrecondition {
                field: "version",
                message: "another version was published at the same time; retry".into(),
            });
        }
        self.set_state(
            txn,
            ws,
            id,
            current,
            ReviewState::Approved,
            Some(ReviewState::Published),
        )
        .await?;
        self.set_state(txn, ws, id, version, ReviewState::Published, None)
            .await?;
        Ok(true)
    }

    async fn set_state(
        &self,
        txn: &DatabaseTransaction,
        ws: &WorkspaceId,
        id: &str,
        version: i64,
        to: ReviewState,
        only_from: Option<ReviewState>,
    ) -> Result<u64, Error> {
        let mut sql = "UPDATE template_versions SET state = $1 WHERE workspace_id = $2 \
                       AND template_id = $3 AND version = $4"
            .to_owned();
        let mut values: Vec<Value> = vec![
            to.as_str().into(),
            ws.as_str().into(),
            id.into(),
            version.into(),
        ];
        if let Some(from) = only_from {
            sql.push_str(" AND state = $5");
            values.push(from.as_str().into());
        }
        Ok(txn
            .execute_raw(self.stmt(&sql, values))
            .await?
            .rows_affected())
    }

    /// Reads one version (`version` 0: the newest).
    pub async fn get_version(
        &self,
        ws: &WorkspaceId,
        id: &str,
        version: i64,
    ) -> Result<Option<TemplateVersion>, Error> {
        let sql = if version > 0 {
            format!(
                "SELECT {VERSION_COLUMNS} {VERSION_FROM} WHERE v.workspace_id = $1 \
                 AND v.template_id = $2 AND v.version = $3"
            )
        } else {
            format!(
                "SELECT {VERSION_COLUMNS} {VERSION_FROM} WHERE v.workspace_id = $1 \
                 AND v.template_id = $2 AND v.version = (SELECT MAX(version) \
                 FROM template_versions WHERE workspace_id = $1 AND template_id = $2 \
                 AND $3 = 0)"
            )
        };
        let row = self
            .db
            .query_one_raw(self.stmt(&sql, [ws.as_str().into(), id.into(), version.into()]))
            .await?;
        row.as_ref().map(version_from_row).transpose()
    }

    /// Versions, newest save first, of one template or all, optionally only in
    /// `states`; `offset` rows skipped.
    pub async fn list_versions(
        &self,
        ws: &WorkspaceId,
        template_id: Option<&str>,
        states: &[ReviewState],
        offset: u64,
        limit: u32,
    ) -> Result<Vec<TemplateVersion>, Error> {
        let mut sql = format!("SELECT {VERSION_COLUMNS} {VERSION_FROM} WHERE v.workspace_id = $1");
        let mut values: Vec<Value> = vec![ws.as_str().into()];
        if let Some(id) = template_id {
            values.push(id.into());
            sql.push_str(&format!(" AND v.template_id = ${}", values.len()));
        }
        if !states.is_empty() {
            let mut marks = Vec::new();
            for s in states {
                values.push(s.as_str().into());
                marks.push(format!("${}", values.len()));
            }
            sql.push_str(&format!(" AND v.state IN ({})", marks.join(", ")));
        }
        values.push(i64::from(limit).into());
        let l = values.len();
        values.push(i64::try_from(offset).unwrap_or(i64::MAX).into());
        sql.push_str(&format!(
            " ORDER BY v.create_ms DESC, v.template_id, v.version DESC LIMIT ${l} OFFSET ${}",
            l + 1
        ));
        let rows = self.db.query_all_raw(self.stmt(&sql, values)).await?;
        rows.iter().map(version_from_row).collect()
    }

    /// Applies one review transition to a version and records it; approving the
    /// newest approved version publishes it. Returns the version after.
    pub async fn review_transition(
        &self,
        ws: &WorkspaceId,
        id: &str,
        version: i64,
        step: Step<'_>,
        now_ms: i64,
    ) -> Result<TemplateVersion, Error> {
        let before = self
            .get_version(ws, id, version)
            .await?
            .ok_or_else(|| not_found(id, version))?;
        let version = before.version;
        let (from, to) = step.transition.states();
        if before.state != from {
            return Err(Error::FailedPrecondition {
                field: "version",
                message: format!(
                    "version {version} of template `{id}` is {}, not {}",
                    before.state.as_str(),
                    from.as_str()
                ),
            });
        }
        if step.transition == Transition::Approve && step.four_eyes {
            let who = &step.actor.key_id;
            if *who == before.author_key_id || *who == before.submitted_by_key_id {
                return Err(Error::FourEyes {
                    template_id: id.to_owned(),
                    version,
                    key_id: who.clone(),
                });
            }
        }
        let txn = self.db.begin().await?;
        let mut sql = "UPDATE template_versions SET state = $1, update_ms = $2".to_owned();
        let mut values: Vec<Value> = vec![to.as_str().into(), now_ms.into()];
        if step.transition == Transition::Submit {
            values.push(step.actor.key_id.clone().into());
            sql.push_str(", submitted_by_key_id = $3");
        }
        let n = values.len();
        sql.push_str(&format!(
            " WHERE workspace_id = ${} AND template_id = ${} AND version = ${} AND state = ${}",
            n + 1,
            n + 2,
            n + 3,
            n + 4
        ));
        values.extend([
            ws.as_str().into(),
            id.into(),
            version.into(),
            from.as_str().into(),
        ]);
        let changed = txn.execute_raw(self.stmt(&sql, values)).await?;
        if changed.rows_affected() != 1 {
            txn.rollback().await?;
            return Err(Error::FailedPrecondition {
                field: "version",
                message: format!("version {version} of template `{id}` changed meanwhile; retry"),
            });
        }
        let tid = before.template.template_id.clone();
        self.record(
            &txn,
            ws,
            &tid,
            &entry(
                version,
                step.transition.action(),
                Some(from),
                to,
                step.actor,
                step.comment,
                now_ms,
            ),
        )
        .await?;
        if step.transition == Transition::Approve && self.publish(&txn, ws, id, version).await? {
            self.record(
                &txn,
                ws,
                &tid,
                &entry(
                    version,
                    "published",
                    Some(to),
                    ReviewState::Published,
                    step.actor,
                    "",
                    now_ms,
                ),
            )
            .await?;
        }
        txn.commit().await?;
        self.get_version(ws, id, version)
            .await?
            .ok_or_else(|| not_found(id, version))
    }

    async fn record(
        &self,
        txn: &DatabaseTransaction,
        ws: &WorkspaceId,
        id: &TemplateId,
        e: &ReviewEntry,
    ) -> Result<(), Error> {
        txn.execute_raw(self.stmt(
            "INSERT INTO template_reviews (workspace_id, template_id, version, seq, action, \
             from_state, to_state, actor_key_id, actor_role, comment, time_ms) \
             SELECT $1, $2, $3, COALESCE(MAX(seq), 0) + 1, $4, $5, $6, $7, $8, $9, $10 \
             FROM template_reviews WHERE workspace_id = $1 AND template_id = $2 AND version = $3",
            [
                ws.as_str().into(),
                id.as_str().into(),
                e.version.into(),
                e.action.clone().into(),
                e.from.map(ReviewState::as_str).unwrap_or_default().into(),
                e.to.as_str().into(),
                e.actor_key_id.clone().into(),
                e.actor_role.clone().into(),
                e.comment.clone().into(),
                e.time_ms.into(),
            ],
        ))
        .await?;
        Ok(())
    }

    /// The review history of one version, oldest first.
    pub async fn review_history(
        &self,
        ws: &WorkspaceId,
        id: &str,
        version: i64,
    ) -> Result<Vec<ReviewEntry>, Error> {
        let rows = self
            .db
            .query_all_raw(self.stmt(
                "SELECT version, action, from_state, to_state, actor_key_id, actor_role, comment, \
                 time_ms FROM template_reviews WHERE workspace_id = $1 AND template_id = $2 \
                 AND version = $3 ORDER BY seq",
                [ws.as_str().into(), id.into(), version.into()],
            ))
            .await?;
        rows.iter()
            .map(|r| {
                let from: String = r.try_get("", "from_state")?;
                let to: String = r.try_get("", "to_state")?;
                Ok(ReviewEntry {
                    version: r.try_get("", "version")?,
                    action: r.try_get("", "action")?,
                    from: if from.is_empty() {
                        None
                    } else {
                        Some(parse("review state", &from, ReviewState::parse)?)
                    },
                    to: parse("review state", &to, ReviewState::parse)?,
                    actor_key_id: r.try_get("", "actor_key_id")?,
                    actor_role: r.try_get("", "actor_role")?,
                    comment: r.try_get("", "comment")?,
                    time_ms: r.try_get("", "time_ms")?,
                })
            })
            .collect()
    }
}

fn not_found(id: &str, version: i64) -> Error {
    Error::NotFound {
        kind: "template version",
        id: if version > 0 {
            format!("{id}@{version}")
        } else {
            id.to_owned()
        },
    }
}

fn entry(
    version: i64,
    action: &str,
    from: Option<ReviewState>,
    to: ReviewState,
    actor: &Actor,
    comment: &str,
    time_ms: i64,
) -> ReviewEntry {
    ReviewEntry {
        version,
        action: action.to_owned(),
        from,
        to,
        actor_key_id: actor.key_id.clone(),
        actor_role: actor.role.clone(),
        comment: comment.to_owned(),
        time_ms,
    }
}

fn variants_json(t: &Template) -> Result<String, Error> {
    serde_json::to_string(&t.variants).map_err(corrupt)
}

fn sample_json(t: &Template) -> Result<Option<String>, Error> {
    t.sample
        .as_ref()
        .map(serde_json::to_string)
        .transpose()
        .map_err(corrupt)
}

fn version_from_row(row: &QueryResult) -> Result<TemplateVersion, Error> {
    let channel: String = row.try_get("", "channel")?;
    let variants_json: String = row.try_get("", "variants_json")?;
    let sample_json: Option<String> = row.try_get("", "sample_json")?;
    let variants: Vec<Variant> = serde_json::from_str(&variants_json)
        .map_err(|e| Error::Corrupt(format!("template version variants_json: {e}")))?;
    let sample: Option<Sample> = sample_json
        .map(|s| serde_json::from_str(&s))
        .transpose()
        .map_err(|e| Error::Corrupt(format!("template version sample_json: {e}")))?;
    let state: String = row.try_get("", "state")?;
    let published_version: i64 = row.try_get("", "published_version")?;
    Ok(TemplateVersion {
        template: Template {
            template_id: TemplateId::new(row.try_get::<String>("", "template_id")?),
            display_name: row.try_get("", "display_name")?,
            channel: parse("template channel", &channel, Channel::parse)?,
            subject: row.try_get("", "subject")?,
            body: row.try_get("", "body")?,
            html_body: row.try_get("", "html_body")?,
            variants,
            sample,
            create_ms: row.try_get("", "create_ms")?,
            published_version,
        },
        version: row.try_get("", "version")?,
        state: parse("review state", &state, ReviewState::parse)?,
        generated: row.try_get::<i64>("", "generated")? != 0,
        author_key_id: row.try_get("", "author_key_id")?,
        submitted_by_key_id: row.try_get("", "submitted_by_key_id")?,
        published_version,
    })
}
