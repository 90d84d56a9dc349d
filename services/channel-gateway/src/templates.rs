//! Template parsing and rendering with minijinja.
//!
//! Templates are checked for syntax when they are created, and rendered with strict
//! undefined behaviour: a template that names a variable the message does not carry
//! (a missing trait, no offer) fails to render instead of sending a blank.

use minijinja::{Environment, UndefinedBehavior};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::error::Error;
use crate::records::Offer;

/// Renders templates. One per gateway; rendering never mutates it.
#[derive(Debug)]
pub struct Renderer {
    env: Environment<'static>,
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
}

impl Default for Renderer {
    fn default() -> Self {
        Self::new()
    }
}

impl Renderer {
    /// A renderer with strict undefined behaviour and no auto-escaping (bodies are
    /// sent as plain text).
    pub fn new() -> Self {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_keep_trailing_newline(true);
        Self { env }
    }

    /// Checks that `source` parses; a syntax error is an `INVALID_ARGUMENT` on `field`
    /// naming the line and the parser's message.
    pub fn check(&self, field: &str, source: &str) -> Result<(), Error> {
        self.env
            .template_from_str(source)
            .map(|_| ())
            .map_err(|e| Error::invalid(field, describe(&e)))
    }

    /// Renders `source` with `ctx`; the error text names what failed and where.
    pub fn render(&self, source: &str, ctx: &RenderContext<'_>) -> Result<String, String> {
        self.env.render_str(source, ctx).map_err(|e| describe(&e))
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

    #[test]
    fn renders_profile_offer_and_vars() {
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
        let ctx = RenderContext {
            profile: &profile,
            customer_id: "c_1",
            offer: Some(&offer),
            vars: &vars,
        };
        let out = r
            .render(
                "Hello {{ profile.first_name }}, {{ offer.display_name }} ({{ offer.content.code }}) at {{ vars.store }} for {{ customer_id }}",
                &ctx,
            )
            .expect("renders");
        assert_eq!(out, "Hello Ann, 10% off (TEN) at Seoul for c_1");
    }

    #[test]
    fn undefined_variables_fail_to_render() {
        let r = Renderer::new();
        let empty = Map::new();
        let ctx = RenderContext {
            profile: &empty,
            customer_id: "c_1",
            offer: None,
            vars: &empty,
        };
        let err = r
            .render("Hi {{ profile.first_name }}", &ctx)
            .expect_err("strict");
        assert!(err.contains("undefined"), "{err}");
        let err = r
            .render("{{ offer.display_name }}", &ctx)
            .expect_err("no offer");
        assert!(err.contains("undefined"), "{err}");
    }

    #[test]
    fn syntax_errors_name_field_and_line() {
        let r = Renderer::new();
        let err = r
            .check("template.body", "line one\n{% if x %}\nno end")
            .expect_err("syntax");
        match err {
            Error::InvalidArgument { field, message } => {
                assert_eq!(field, "template.body");
                assert!(message.starts_with("syntax error on line"), "{message}");
            }
            other => panic!("unexpected {other:?}"),
        }
        r.check("template.subject", "Hi {{ profile.x }}")
            .expect("valid");
    }
}
