//! Templates in SQL.

use omni_common::ids::WorkspaceId;
use sea_orm::{ConnectionTrait, QueryResult};

use crate::error::Error;
use crate::records::{Channel, Sample, Template, TemplateId, Variant};

use super::{Store, corrupt, parse};

const TEMPLATE_COLUMNS: &str = "template_id, display_name, channel, subject, body, create_ms, \
     html_body, variants_json, sample_json";

impl Store {
    // ---- templates -------------------------------------------------------------------

    /// Inserts `template`; with an idempotency key already used in the workspace, returns
    /// the template created first instead.
    pub async fn insert_template(
        &self,
        ws: &WorkspaceId,
        template: &Template,
        idempotency_key: Option<&str>,
    ) -> Result<Template, Error> {
        let variants = serde_json::to_string(&template.variants).map_err(corrupt)?;
        let sample = template
            .sample
            .as_ref()
            .map(serde_json::to_string)
            .transpose()
            .map_err(corrupt)?;
        let res = self
            .db
            .execute_raw(self.stmt(
                "INSERT INTO templates (workspace_id, template_id, display_name, channel, subject, \
                 body, create_ms, idempotency_key, html_body, variants_json, sample_json) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
                 ON CONFLICT (workspace_id, idempotency_key) DO NOTHING",
                [
                    ws.as_str().into(),
                    template.template_id.as_str().into(),
                    template.display_name.clone().into(),
                    template.channel.as_str().into(),
                    template.subject.clone().into(),
                    template.body.clone().into(),
                    template.create_ms.into(),
                    idempotency_key.map(str::to_owned).into(),
                    template.html_body.clone().into(),
                    variants.into(),
                    sample.into(),
                ],
            ))
            .await?;
        if res.rows_affected() == 1 {
            return Ok(template.clone());
        }
        let key = idempotency_key.unwrap_or_default();
        let row = self
            .db
            .query_one_raw(self.stmt(
                &format!(
                    "SELECT {TEMPLATE_COLUMNS} FROM templates \
                     WHERE workspace_id = $1 AND idempotency_key = $2"
                ),
                [ws.as_str().into(), key.into()],
            ))
            .await?
            .ok_or_else(|| {
                Error::Corrupt(format!(
                    "template insert for key `{key}` conflicted with nothing"
                ))
            })?;
        template_from_row(&row)
    }

    /// Reads a template.
    pub async fn get_template(
        &self,
        ws: &WorkspaceId,
        id: &str,
    ) -> Result<Option<Template>, Error> {
        let row = self
            .db
            .query_one_raw(self.stmt(
                &format!(
                    "SELECT {TEMPLATE_COLUMNS} FROM templates \
                     WHERE workspace_id = $1 AND template_id = $2"
                ),
                [ws.as_str().into(), id.into()],
            ))
            .await?;
        row.as_ref().map(template_from_row).transpose()
    }
}

pub(super) fn template_from_row(row: &QueryResult) -> Result<Template, Error> {
    let channel: String = row.try_get("", "channel")?;
    let variants_json: String = row.try_get("", "variants_json")?;
    let sample_json: Option<String> = row.try_get("", "sample_json")?;
    let variants: Vec<Variant> = serde_json::from_str(&variants_json)
        .map_err(|e| Error::Corrupt(format!("template variants_json: {e}")))?;
    let sample: Option<Sample> = sample_json
        .map(|s| serde_json::from_str(&s))
        .transpose()
        .map_err(|e| Error::Corrupt(format!("template sample_json: {e}")))?;
    Ok(Template {
        template_id: TemplateId::new(row.try_get::<String>("", "template_id")?),
        display_name: row.try_get("", "display_name")?,
        channel: parse("template channel", &channel, Channel::parse)?,
        subject: row.try_get("", "subject")?,
        body: row.try_get("", "body")?,
        html_body: row.try_get("", "html_body")?,
        variants,
        sample,
        create_ms: row.try_get("", "create_ms")?,
    })
}
