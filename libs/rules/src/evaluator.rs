//! Evaluating compiled expressions against per-evaluation variables.

use std::sync::Arc;

use cel::Context;
use cel::common::value::Val;

use crate::error::EvalError;
use crate::expression::{ENV, Expression};
use crate::value::type_name;

/// Evaluates expressions. Holds one root CEL context with every built-in function
/// registered; each evaluation runs in a cheap inner scope of it holding that
/// evaluation's variables. `Send + Sync`: share one per service (e.g. in an `Arc`).
pub struct Evaluator {
    root: Context<'static, 'static>,
}

impl Default for Evaluator {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for Evaluator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Evaluator").finish_non_exhaustive()
    }
}

impl Evaluator {
    /// A new evaluator with the standard CEL functions.
    pub fn new() -> Self {
        Self {
            root: Context::with_env(Arc::clone(&ENV)),
        }
    }

    /// A scope binding `vars` (name, value), converted once, in which several expressions
    /// can be evaluated against the same inputs (e.g. every segment against one profile).
    pub fn scope(&self, vars: &[(&str, cel::Value)]) -> Result<Scope<'_>, EvalError> {
        let mut ctx = self.root.new_inner_scope();
        for (name, value) in vars {
            let val = Box::<dyn Val>::try_from(value.clone())
                .map_err(|e| EvalError::Execution(format!("variable `{name}`: {e}")))?;
            ctx.add_variable_as_val(*name, val);
        }
        Ok(Scope { ctx })
    }

    /// Evaluates `expr` with `vars` bound and expects a boolean.
    pub fn eval_bool(
        &self,
        expr: &Expression,
        vars: &[(&str, cel::Value)],
    ) -> Result<bool, EvalError> {
        self.scope(vars)?.eval_bool(expr)
    }
}

/// Variables bound for a series of evaluations (see [`Evaluator::scope`]).
pub struct Scope<'e> {
    ctx: Context<'e, 'static>,
}

impl Scope<'_> {
    /// Evaluates `expr` to a value.
    pub fn eval(&self, expr: &Expression) -> Result<cel::Value, EvalError> {
        Ok(expr.program().execute(&self.ctx)?)
    }

    /// Evaluates `expr` and expects a boolean.
    pub fn eval_bool(&self, expr: &Expression) -> Result<bool, EvalError> {
        match self.eval(expr)? {
            cel::Value::Bool(b) => Ok(b),
            other => Err(EvalError::NotBool {
                got: type_name(&other).to_owned(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::value::{from_json, from_json_map, string_list, timestamp_ms};

    const VARS: &[&str] = &["traits", "events", "now", "segments"];

    fn eval(src: &str, traits: serde_json::Value) -> Result<bool, EvalError> {
        let expr = Expression::compile(src, VARS).unwrap();
        let events = from_json(&json!({"purchase": 3}));
        Evaluator::new().eval_bool(
            &expr,
            &[
                ("traits", from_json(&traits)),
                ("events", events),
                ("now", timestamp_ms(1_700_000_000_000)),
                ("segments", string_list(["seg_a".to_owned()])),
            ],
        )
    }

    #[test]
    fn evaluator_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Evaluator>();
        assert_send_sync::<Expression>();
    }

    #[test]
    fn evaluates_over_traits_events_and_segments() {
        let t = json!({"age": 31, "country": "KR", "tags": ["vip"], "score": 2.5});
        assert_eq!(
            eval("traits.age > 30 && traits.country == 'KR'", t.clone()),
            Ok(true)
        );
        assert_eq!(eval("events.purchase >= 2", t.clone()), Ok(true));
        assert_eq!(eval("'vip' in traits.tags", t.clone()), Ok(true));
        assert_eq!(eval("'seg_a' in segments", t.clone()), Ok(true));
        assert_eq!(eval("traits.score > 2.0", t.clone()), Ok(true));
        assert_eq!(eval("traits.age < 30", t), Ok(false));
    }

    #[test]
    fn missing_key_is_an_error_and_has_guards_it() {
        let err = eval("traits.age > 30", json!({})).unwrap_err();
        assert!(err.to_string().contains("age"), "{err}");
        assert_eq!(
            eval("has(traits.age) && traits.age > 30", json!({})),
            Ok(false)
        );
        assert_eq!(eval("'age' in traits", json!({})), Ok(false));
        assert_eq!(eval("traits.?age.orValue(0) > 30", json!({})), Ok(false));
    }

    #[test]
    fn now_is_a_timestamp() {
        assert_eq!(
            eval("now > timestamp('2023-01-01T00:00:00Z')", json!({})),
            Ok(true)
        );
        assert_eq!(
            eval(
                "now - duration('24h') < timestamp('2023-11-14T00:00:00Z')",
                json!({})
            ),
            Ok(true)
        );
    }

    #[test]
    fn non_bool_result_is_an_error() {
        assert_eq!(
            eval("traits.age + 1", json!({"age": 1})),
            Err(EvalError::NotBool { got: "int".into() })
        );
    }

    #[test]
    fn type_errors_are_errors() {
        assert!(eval("traits.name > 3", json!({"name": "x"})).is_err());
    }

    #[test]
    fn a_scope_evaluates_several_expressions() {
        let ev = Evaluator::new();
        let traits = from_json_map(json!({"a": 1}).as_object().unwrap());
        let scope = ev.scope(&[("traits", traits)]).unwrap();
        let yes = Expression::compile("traits.a == 1", &["traits"]).unwrap();
        let no = Expression::compile("traits.a == 2", &["traits"]).unwrap();
        assert_eq!(scope.eval_bool(&yes), Ok(true));
        assert_eq!(scope.eval_bool(&no), Ok(false));
    }
}
