//! Template review: every saved template content is a numbered version that moves
//! DRAFT → IN_REVIEW → APPROVED, and the newest approved version is PUBLISHED — the one
//! sends render. A version in review may be REJECTED (with a comment) instead.
//!
//! - A version needs review when the workspace's `require_review` is on or its content
//!   is `generated`; otherwise it is published as it is saved (the behaviour before
//!   review existed).
//! - With `four_eyes` on, the key that approves must differ from the version's author
//!   and its submitter.
//! - Each transition is recorded in `template_reviews` (who, role, when, comment), and
//!   each workspace's settings in `template_review_settings`.
//! - The `templates` row keeps the published version's content (and its number) so the
//!   send path reads one row; `published_version = 0` means nothing may be sent.

use crate::records::{Channel, Template, Variant};

/// Where a template version is in review.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ReviewState {
    /// Saved, not submitted.
    #[default]
    Draft,
    /// Submitted, waiting for an approver.
    InReview,
    /// Approved, but a newer version is published.
    Approved,
    /// The version sends render.
    Published,
    /// Rejected by an approver.
    Rejected,
}

impl ReviewState {
    /// The SQL spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "DRAFT",
            Self::InReview => "IN_REVIEW",
            Self::Approved => "APPROVED",
            Self::Published => "PUBLISHED",
            Self::Rejected => "REJECTED",
        }
    }

    /// Parses the SQL spelling.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "DRAFT" => Some(Self::Draft),
            "IN_REVIEW" => Some(Self::InReview),
            "APPROVED" => Some(Self::Approved),
            "PUBLISHED" => Some(Self::Published),
            "REJECTED" => Some(Self::Rejected),
            _ => None,
        }
    }
}

/// A workspace's template review settings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReviewSettings {
    /// New versions need an approved review before sends use them.
    pub require_review: bool,
    /// The approving key must differ from the author and the submitter.
    pub four_eyes: bool,
    /// Last change, unix ms (0: never set).
    pub update_ms: i64,
}

impl ReviewSettings {
    /// Whether a version with this `generated` flag needs review.
    pub fn applies(&self, generated: bool) -> bool {
        self.require_review || generated
    }
}

/// One saved version of a template.
#[derive(Clone, Debug, PartialEq)]
pub struct TemplateVersion {
    /// The content (`create_ms` is when this version was saved).
    pub template: Template,
    /// Version number, from 1.
    pub version: i64,
    /// Where it is in review.
    pub state: ReviewState,
    /// Generated content (always needs review).
    pub generated: bool,
    /// Key id that saved it.
    pub author_key_id: String,
    /// Key id that submitted it for review (empty until submitted).
    pub submitted_by_key_id: String,
    /// The template's published version when read (0: none).
    pub published_version: i64,
}

/// One recorded review transition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewEntry {
    /// The version it happened to.
    pub version: i64,
    /// `created`, `submitted`, `approved`, `published`, `rejected` or
    /// `published_without_review`.
    pub action: String,
    /// State before (`None` for a new version).
    pub from: Option<ReviewState>,
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
}

/// Who asks for a change.
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
    /// IN_REVIEW → APPROVED (then PUBLISHED when it is the newest approved).
    Approve,
    /// IN_REVIEW → REJECTED.
    Reject,
}

impl Transition {
    /// The history action.
    pub fn action(self) -> &'static str {
        match self {
            Self::Submit => "submitted",
            Self::Approve => "approved",
            Self::Reject => "rejected",
        }
    }

    /// The state it starts from and the one it leads to.
    pub fn states(self) -> (ReviewState, ReviewState) {
        match self {
            Self::Submit => (ReviewState::Draft, ReviewState::InReview),
            Self::Approve => (ReviewState::InReview, ReviewState::Approved),
            Self::Reject => (ReviewState::InReview, ReviewState::Rejected),
        }
    }
}

/// One review transition as asked.
#[derive(Clone, Copy, Debug)]
pub struct Step<'a> {
    /// The transition.
    pub transition: Transition,
    /// Who asks.
    pub actor: &'a Actor,
    /// The caller's comment (may be empty).
    pub comment: &'a str,
    /// Refuse an approval by the author or the submitter.
    pub four_eyes: bool,
}

/// How one variant differs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VariantChange {
    /// Only in the version under review.
    Added,
    /// Only in the published version.
    Removed,
    /// In both, with different sources.
    Changed,
}

/// One variant's difference.
#[derive(Clone, Debug, PartialEq)]
pub struct VariantDiff {
    /// Channel.
    pub channel: Channel,
    /// Locale (empty: the channel's default).
    pub locale: String,
    /// What changed.
    pub change: VariantChange,
    /// For `Changed`: `subject`, `body`, `html_body` that differ.
    pub fields_changed: Vec<&'static str>,
    /// In the published version.
    pub before: Option<Variant>,
    /// In the version under review.
    pub after: Option<Variant>,
}

/// A version against the published one.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Diff {
    /// The published version compared against (0: none).
    pub base_version: i64,
    /// Variants that differ, in the order of the version under review, then removed
    /// ones in the base's order.
    pub variants: Vec<VariantDiff>,
    /// The display name differs.
    pub display_name_changed: bool,
    /// The sample differs.
    pub sample_changed: bool,
}

/// Every variant of a template, the top-level fields as its channel's default variant.
fn all_variants(t: &Template) -> Vec<Variant> {
    std::iter::once(Variant {
        channel: Some(t.channel),
        locale: String::new(),
        subject: t.subject.clone(),
        body: t.body.clone(),
        html_body: t.html_body.clone(),
    })
    .chain(t.variants.iter().cloned())
    .collect()
}

fn same_key(a: &Variant, b: &Variant) -> bool {
    a.channel == b.channel && a.locale.eq_ignore_ascii_case(&b.locale)
}

/// `version` against `base` (the published version and its number), per channel and
/// locale variant.
pub fn diff(version: &Template, base: Option<(i64, &Template)>) -> Diff {
    let after = all_variants(version);
    let before = base.map(|(_, t)| all_variants(t)).unwrap_or_default();
    let mut variants = Vec::new();
    for a in &after {
        let channel = a.channel.unwrap_or(version.channel);
        match before.iter().find(|b| same_key(a, b)) {
            None => variants.push(VariantDiff {
                channel,
                locale: a.locale.clone(),
                change: VariantChange::Added,
                fields_changed: Vec::new(),
                before: None,
                after: Some(a.clone()),
            }),
            Some(b) => {
                let fields: Vec<&'static str> = [
                    ("subject", a.subject != b.subject),
                    ("body", a.body != b.body),
                    ("html_body", a.html_body != b.html_body),
                ]
                .into_iter()
                .filter_map(|(name, differs)| differs.then_some(name))
                .collect();
                if !fields.is_empty() {
                    variants.push(VariantDiff {
                        channel,
                        locale: a.locale.clone(),
                        change: VariantChange::Changed,
                        fields_changed: fields,
                        before: Some(b.clone()),
                        after: Some(a.clone()),
                    });
                }
            }
        }
    }
    for b in &before {
        if !after.iter().any(|a| same_key(a, b)) {
            variants.push(VariantDiff {
                channel: b.channel.unwrap_or(version.channel),
                locale: b.locale.clone(),
                change: VariantChange::Removed,
                fields_changed: Vec::new(),
                before: Some(b.clone()),
                after: None,
            });
        }
    }
    Diff {
        base_version: base.map(|(v, _)| v).unwrap_or_default(),
        variants,
        display_name_changed: base.is_some_and(|(_, t)| t.display_name != version.display_name),
        sample_changed: base.is_some_and(|(_, t)| t.sample != version.sample),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::TemplateId;

    fn template(subject: &str, variants: Vec<Variant>) -> Template {
        Template {
            template_id: TemplateId::new("tpl_1"),
            display_name: "Spring".into(),
            channel: Channel::Email,
            subject: subject.into(),
            body: "Hello".into(),
            html_body: String::new(),
            variants,
            sample: None,
            create_ms: 0,
            published_version: 1,
        }
    }

    fn sms(locale: &str, body: &str) -> Variant {
        Variant {
            channel: Some(Channel::Sms),
            locale: locale.into(),
            subject: String::new(),
            body: body.into(),
            html_body: String::new(),
        }
    }

    #[test]
    fn diff_names_changed_added_and_removed_variants() {
        let base = template("Hi", vec![sms("", "Sale"), sms("ko", "세일")]);
        let next = template("Hi there", vec![sms("", "Sale"), sms("en", "Sale!")]);
        let d = diff(&next, Some((3, &base)));
        assert_eq!(d.base_version, 3);
        let summary: Vec<(Channel, &str, VariantChange, Vec<&str>)> = d
            .variants
            .iter()
            .map(|v| {
                (
                    v.channel,
                    v.locale.as_str(),
                    v.change,
                    v.fields_changed.clone(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            vec![
                (Channel::Email, "", VariantChange::Changed, vec!["subject"]),
                (Channel::Sms, "en", VariantChange::Added, vec![]),
                (Channel::Sms, "ko", VariantChange::Removed, vec![]),
            ]
        );
        assert!(!d.display_name_changed);
    }

    #[test]
    fn without_a_published_version_everything_is_added() {
        let d = diff(&template("Hi", vec![sms("", "Sale")]), None);
        assert_eq!(d.base_version, 0);
        assert!(d.variants.iter().all(|v| v.change == VariantChange::Added));
        assert_eq!(d.variants.len(), 2);
    }
}
