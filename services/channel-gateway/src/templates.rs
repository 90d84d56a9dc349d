//! Template checking and rendering with minijinja.
//!
//! At save time every source must parse and may only name the variables a message
//! carries: `profile.*`, `customer_id`, `offer.{offer_id,display_name,value,content,
//! decision_id}`, `vars.*` and `message.{message_id,channel,locale,campaign}`. A template
//! with a sample must also render against it, and may then name only the profile traits
//! and variables the sample has. Rendering is strict too: a variable the message does
//! not carry fails the message instead of sending a blank.

use std::collections::BTreeSet;

use minijinja::{Environment, UndefinedBehavior};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::error::Error;
use crate::records::{Offer, Sample, Template, Variant};

/// Top-level names a template may use (minijinja's own globals included).
const ROOTS: &[&str] = &[
    "profile",
    "customer_id",
    "offer",
    "vars",
    "message",
    "coupon",
    "range",
    "dict",
    "namespace",
    "loop",
];
/// Fields of `offer`.
const OFFER_FIELDS: &[&str] = &[
    "offer_id",
    "display_name",
    "value",
    "content",
    "decision_id",
];
/// Fields of `message`.
const MESSAGE_FIELDS: &[&str] = &["message_id", "channel", "locale", "campaign"];
/// Fields of `coupon`.
const COUPON_FIELDS: &[&str] = &["code", "offer_id", "expire_time"];

/// What a message exposes as `coupon` when its send issued one.
#[derive(Clone, Debug, Default, Serialize)]
pub struct CouponVars {
    /// The code.
    pub code: String,
    /// Offer it is for (may be empty).
    pub offer_id: String,
    /// Expiry as RFC 3339 (empty: none).
    pub expire_time: String,
}

impl CouponVars {
    /// The stand-in used when a template is checked against its sample.
    pub fn sample() -> Self {
        Self {
            code: "SAMPLE2COUPON".into(),
            offer_id: "offer_sample".into(),
            expire_time: "2030-01-01T00:00:00Z".into(),
        }
    }
}

/// Renders templates. One per gateway; rendering never mutates it.
#[derive(Debug)]
pub struct Renderer {
    env: Environment<'static>,
}

/// What a message exposes as `message`.
#[derive(Clone, Debug, Default, Serialize)]
pub struct MessageVars<'a> {
    /// Message id.
    pub message_id: &'a str,
    /// Channel name.
    pub channel: &'a str,
    /// Locale.
    pub locale: &'a str,
    /// Campaign.
    pub campaign: &'a str,
}

/// The variables a template sees.
#[derive(Debug, Serialize)]
pub struct RenderContext<'a> {
    /// Profile traits.
    pub profile: &'a Map<String, Value>,
    /// The customer id.
    pub customer_id: &'a str,
    /// The offer, if the message carries one (absent otherwise, so using it fails).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offer: Option<&'a Offer>,
    /// Extra variables from the caller.
    pub vars: &'a Map<String, Value>,
    /// The message itself.
    pub message: MessageVars<'a>,
    /// The coupon the send issued (absent otherwise, so using it fails).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coupon: Option<CouponVars>,
}

/// One rendered variant.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RenderedParts {
    /// Subject (one line).
    pub subject: String,
    /// Text body.
    pub body: String,
    /// HTML body.
    pub html_body: String,
}

impl Default for Renderer {
    fn default() -> Self {
        Self::new()
    }
}

impl Renderer {
    /// A renderer with strict undefined behaviour and no auto-escaping (text bodies are
    /// plain text; HTML authors escape with the `e` filter).
    pub fn new() -> Self {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_keep_trailing_newline(true);
        Self { env }
    }

    /// Checks that `source` parses and names only known variables; errors are
    /// `INVALID_ARGUMENT` on `field`. With a sample, `profile.*` and `vars.*` must be in it.
    pub fn check(&self, field: &str, source: &str, sample: Option<&Sample>) -> Result<(), Error> {
        let template = self
            .env
            .template_from_str(source)
            .map_err(|e| Error::invalid(field, describe(&e)))?;
        let used: BTreeSet<String> = template.undeclared_variables(true).into_iter().collect();
        for path in used {
            let mut parts = path.split('.');
            let root = parts.next().unwrap_or_default();
            let child = parts.next();
            if !ROOTS.contains(&root) {
                return Err(Error::invalid(
                    field,
                    format!(
                        "unknown variable `{path}`; use profile.*, customer_id, offer.*, vars.*, message.* or coupon.*"
                    ),
                ));
            }
            let allowed = |fields: &[&str]| child.is_none_or(|c| fields.contains(&c));
            let known = match root {
                "offer" => allowed(OFFER_FIELDS),
                "message" => allowed(MESSAGE_FIELDS),
                "coupon" => allowed(COUPON_FIELDS),
                "profile" => match (sample, child) {
                    (Some(s), Some(c)) => s.profile.contains_key(c),
                    _ => true,
                },
                "vars" => match (sample, child) {
                    (Some(s), Some(c)) => s.variables.contains_key(c),
                    _ => true,
                },
                _ => true,
            };
            if !known {
                return Err(Error::invalid(
                    field,
                    format!("undefined variable `{path}` (not in the template's sample)"),
                ));
            }
        }
        Ok(())
    }

    /// Checks every source of `template` (top level and variants), and with a sample
    /// renders each variant against it.
    pub fn check_template(&self, template: &Template) -> Result<(), Error> {
        let sample = template.sample.as_ref();
        let top = Variant {
            channel: Some(template.channel),
            locale: String::new(),
            subject: template.subject.clone(),
            body: template.body.clone(),
            html_body: template.html_body.clone(),
        };
        let variants = std::iter::once(("template".to_owned(), &top)).chain(
            template
                .variants
                .iter()
                .enumerate()
                .map(|(i, v)| (format!("template.variants[{i}]"), v)),
        );
        for (prefix, v) in variants {
            for (name, source) in [
                ("subject", &v.subject),
                ("body", &v.body),
                ("html_body", &v.html_body),
            ] {
                let field = format!("{prefix}.{name}");
                self.check(&field, source, sample)?;
                if let Some(s) = sample {
                    let ctx = RenderContext {
                        profile: &s.profile,
                        customer_id: "c_sample",
                        offer: s.offer.as_ref(),
                        vars: &s.variables,
                        message: MessageVars {
                            message_id: "msg_sample",
                            channel: template.channel.as_str(),
                            locale: &v.locale,
                            campaign: "sample",
                        },
                        coupon: Some(CouponVars::sample()),
                    };
                    self.render(source, &ctx).map_err(|e| {
                        Error::invalid(&field, format!("does not render with the sample: {e}"))
                    })?;
                }
            }
        }
        Ok(())
    }

    /// Renders `source` with `ctx`; the error text names what failed and where.
    pub fn render(&self, source: &str, ctx: &RenderContext<'_>) -> Result<String, String> {
        self.env.render_str(source, ctx).map_err(|e| describe(&e))
    }

    /// Renders the three parts of a variant; errors name the part.
    pub fn render_variant(
        &self,
        v: &Variant,
        ctx: &RenderContext<'_>,
    ) -> Result<RenderedParts, String> {
        let subject = self
            .render(&v.subject, ctx)
            .map_err(|e| format!("render subject: {e}"))?;
        let body = self
            .render(&v.body, ctx)
            .map_err(|e| format!("render body: {e}"))?;
        let html_body = self
            .render(&v.html_body, ctx)
            .map_err(|e| format!("render html_body: {e}"))?;
        Ok(RenderedParts {
            // A header cannot span lines; templates that end in a newline still work.
            subject: subject.trim().replace(['\r', '\n'], " "),
            body,
            html_body,
        })
    }
}

/// "syntax error on line 2: unexpected end of input" from a minijinja error.
fn describe(err: &minijinja::Error) -> String {
    let mut out = err.kind().to_string();
    if let Some(line) = err.line() {
        out.push_str(&format!(" on line {line}"));
    }
    if let Some(detail) = err.detail() {
        out.push_str(": ");
        out.push_str(detail);
    }
    out
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn map(v: Value) -> Map<String, Value> {
        match v {
            Value::Object(m) => m,
            _ => Map::new(),
        }
    }

    fn ctx<'a>(
        profile: &'a Map<String, Value>,
        offer: Option<&'a Offer>,
        vars: &'a Map<String, Value>,
    ) -> RenderContext<'a> {
        RenderContext {
            profile,
            customer_id: "c_1",
            offer,
            vars,
            message: MessageVars {
                message_id: "msg_1",
                channel: "email",
                locale: "",
                campaign: "spring",
            },
            coupon: None,
        }
    }

    #[test]
    fn renders_profile_offer_vars_and_message() {
        let r = Renderer::new();
        let profile = map(json!({"first_name": "Ann"}));
        let vars = map(json!({"store": "Seoul"}));
        let offer = Offer {
            offer_id: "o1".into(),
            display_name: "10% off".into(),
            value: 10.0,
            content: map(json!({"code": "TEN"})),
            decision_id: "d1".into(),
        };
        let out = r
            .render(
                "Hello {{ profile.first_name }}, {{ offer.display_name }} ({{ offer.content.code }}) at {{ vars.store }} for {{ customer_id }} [{{ message.campaign }}]",
                &ctx(&profile, Some(&offer), &vars),
            )
            .expect("renders");
        assert_eq!(out, "Hello Ann, 10% off (TEN) at Seoul for c_1 [spring]");
    }

    #[test]
    fn undefined_variables_fail_to_render() {
        let r = Renderer::new();
        let empty = Map::new();
        let err = r
            .render("Hi {{ profile.first_name }}", &ctx(&empty, None, &empty))
            .expect_err("strict");
        assert!(err.contains("undefined"), "{err}");
        let err = r
            .render("{{ offer.display_name }}", &ctx(&empty, None, &empty))
            .expect_err("no offer");
        assert!(err.contains("undefined"), "{err}");
    }

    #[test]
    fn syntax_errors_name_field_and_line() {
        let r = Renderer::new();
        let err = r
            .check("template.body", "line one\n{% if x %}\nno end", None)
            .expect_err("syntax");
        match err {
            Error::InvalidArgument { field, message } => {
                assert_eq!(field, "template.body");
                assert!(message.starts_with("syntax error on line"), "{message}");
            }
            other => panic!("unexpected {other:?}"),
        }
        r.check("template.subject", "Hi {{ profile.x }}", None)
            .expect("valid");
    }

    #[test]
    fn unknown_variables_are_rejected_at_save_even_in_untaken_branches() {
        let r = Renderer::new();
        let msg = |e: Error| e.to_string();
        let err = r
            .check(
                "template.body",
                "{% if false %}{{ prfile.name }}{% endif %}",
                None,
            )
            .expect_err("typo");
        assert!(msg(err).contains("unknown variable `prfile.name`"));
        let err = r
            .check("template.body", "{{ offer.price }}", None)
            .expect_err("no such offer field");
        assert!(msg(err).contains("offer.price"));
        r.check(
            "template.body",
            "{% for i in range(2) %}{{ loop.index }}{{ offer.content.code }}{% endfor %}{{ message.message_id }}",
            None,
        )
        .expect("known names");

        let sample = Sample {
            profile: map(json!({"first_name": "Ann"})),
            offer: None,
            variables: map(json!({"store": "Gangnam"})),
        };
        r.check(
            "template.body",
            "{{ profile.first_name }} {{ vars.store }}",
            Some(&sample),
        )
        .expect("in sample");
        let err = r
            .check(
                "template.body",
                "{% if profile.vip %}{{ profile.tier }}{% endif %}",
                Some(&sample),
            )
            .expect_err("not in sample");
        assert!(
            msg(err).contains("profile.tier"),
            "sorted: the first unknown is named"
        );
    }
}
