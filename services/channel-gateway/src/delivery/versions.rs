//! Template versions and their review (see [`crate::review`]): saving a template or a
//! new version, reading versions, and the review transitions.

use omni_common::ids::WorkspaceId;

use crate::error::Error;
use crate::records::{Template, TemplateId};
use crate::review::{Actor, ReviewSettings, Step, TemplateVersion};
use crate::store::review::NewVersion;

use super::send::check_static_sms;
use super::{Gateway, NewTemplate};

impl Gateway {
    /// Checks the sources (syntax, known variables, the sample), then stores the
    /// template as its version 1 (or returns the one created first under the same
    /// idempotency key). It is published at once unless review applies.
    pub async fn create_template(
        &self,
        ws: &WorkspaceId,
        new: NewTemplate,
        idempotency_key: Option<&str>,
        author: &Actor,
    ) -> Result<TemplateVersion, Error> {
        let generated = new.generated;
        let template = self.checked(TemplateId::generate(), new)?;
        let settings = self.store.review_settings(ws).await?;
        self.store
            .create_template(
                ws,
                NewVersion {
                    template: &template,
                    generated,
                    author,
                    needs_review: settings.applies(generated),
                },
                idempotency_key,
            )
            .await
    }

    /// Saves the next version of a template; returns the newest version before and the
    /// new one. The channel cannot change.
    pub async fn update_template(
        &self,
        ws: &WorkspaceId,
        id: &str,
        new: NewTemplate,
        idempotency_key: Option<&str>,
        author: &Actor,
    ) -> Result<(TemplateVersion, TemplateVersion), Error> {
        let before = self.get_version(ws, id, 0).await?;
        if new.channel != before.template.channel {
            return Err(Error::invalid(
                "template.channel",
                format!(
                    "must stay {} (the template's channel); create another template for {}",
                    before.template.channel, new.channel
                ),
            ));
        }
        let generated = new.generated;
        let template = self.checked(TemplateId::new(id), new)?;
        let settings = self.store.review_settings(ws).await?;
        let after = self
            .store
            .add_version(
                ws,
                NewVersion {
                    template: &template,
                    generated,
                    author,
                    needs_review: settings.applies(generated),
                },
                idempotency_key,
            )
            .await?;
        self.forget_template(ws, id);
        Ok((before, after))
    }

    fn checked(&self, template_id: TemplateId, new: NewTemplate) -> Result<Template, Error> {
        let template = Template {
            template_id,
            display_name: new.display_name,
            channel: new.channel,
            subject: new.subject,
            body: new.body,
            html_body: new.html_body,
            variants: new.variants,
            sample: new.sample,
            create_ms: self.clock.now_ms(),
            published_version: 0,
        };
        self.renderer.check_template(&template)?;
        check_static_sms(&template)?;
        Ok(template)
    }

    /// One version of a template (`version` 0: the newest).
    pub async fn get_version(
        &self,
        ws: &WorkspaceId,
        id: &str,
        version: i64,
    ) -> Result<TemplateVersion, Error> {
        self.store
            .get_version(ws, id, version)
            .await?
            .ok_or_else(|| Error::NotFound {
                kind: if version > 0 {
                    "template version"
                } else {
                    "template"
                },
                id: if version > 0 {
                    format!("{id}@{version}")
                } else {
                    id.to_owned()
                },
            })
    }

    /// Applies one review transition; four-eyes follows the workspace's settings.
    pub async fn review(
        &self,
        ws: &WorkspaceId,
        id: &str,
        version: i64,
        mut step: Step<'_>,
    ) -> Result<TemplateVersion, Error> {
        step.four_eyes = self.store.review_settings(ws).await?.four_eyes;
        let after = self
            .store
            .review_transition(ws, id, version, step, self.clock.now_ms())
            .await?;
        self.forget_template(ws, id);
        Ok(after)
    }

    /// Replaces the workspace's review settings; returns them before and after.
    pub async fn set_review_settings(
        &self,
        ws: &WorkspaceId,
        require_review: bool,
        four_eyes: bool,
    ) -> Result<(ReviewSettings, ReviewSettings), Error> {
        let before = self.store.review_settings(ws).await?;
        let after = ReviewSettings {
            require_review,
            four_eyes,
            update_ms: self.clock.now_ms(),
        };
        self.store.set_review_settings(ws, after).await?;
        Ok((before, after))
    }
}
