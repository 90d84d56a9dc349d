//! CEL expression compile and evaluation shared by segments, offers and journeys.
//!
//! An [`Expression`] is compiled once, with the set of top-level variables its owner
//! provides (for a segment: `traits`, `events`, `now`); a reference to any other variable
//! is a compile error with its position. An [`Evaluator`] holds one root CEL context with
//! every built-in function registered (building one costs about 50 µs), and each
//! evaluation takes a cheap inner scope of it holding that evaluation's variables.
//!
//! ```
//! use omni_rules::{Evaluator, Expression, value};
//!
//! let expr = Expression::compile("has(traits.age) && traits.age >= 18", &["traits"]).unwrap();
//! let traits = value::from_json(&serde_json::json!({"age": 30}));
//! assert!(Evaluator::new().eval_bool(&expr, &[("traits", traits)]).unwrap());
//! ```

pub mod error;
mod evaluator;
mod expression;
pub mod value;

pub use error::{Error, EvalError, RuleError};
pub use evaluator::{Evaluator, Scope};
pub use expression::{Expression, KeyUse, VariableUse};

/// A CEL value, as bound to a variable for evaluation (see [`value`] for conversions).
pub use cel::Value;
