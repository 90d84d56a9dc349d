//! Templates in SQL.

use omni_common::ids::WorkspaceId;
use sea_orm::{ConnectionTrait, QueryResult};

use crate::error::Error;
use crate::records::{Channel, Sample, Template, TemplateId, Variant};

use super::{Store, parse};

const TEMPLATE_COLUMNS: &str = "template_id, display_name, channel, subject, body, create_ms, \
     html_body, variants_json, sample_json, published_version";

impl Store {
    // ---- templates -------------------------------------------------------------------

    /// Reads a template as sends see it: the published version's content and number
    /// (the first version's content when none is published yet).
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
        published_version: row.try_get("", "published_version")?,
    })
}
