//! Errors from compiling and evaluating expressions.

use std::fmt;

/// An expression that does not compile: a syntax error or a reference to a variable
/// the expression's owner does not provide. `line` and `column` are 1-based and point
/// at the offending token when known.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct RuleError {
    /// What is wrong, without the position.
    pub message: String,
    /// 1-based line of the problem, when known.
    pub line: Option<u32>,
    /// 1-based column (in characters) of the problem, when known.
    pub column: Option<u32>,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(column)) => {
                write!(f, "line {line}, column {column}: {}", self.message)
            }
            (Some(line), None) => write!(f, "line {line}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

/// An expression that compiled but could not produce a boolean for these inputs.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum EvalError {
    /// Evaluation failed, e.g. a map key that is absent or an operator applied to
    /// values of the wrong types.
    #[error("{0}")]
    Execution(String),
    /// The expression evaluated to something other than a boolean.
    #[error("expression evaluated to a {got}, not a bool")]
    NotBool {
        /// The CEL type of the result, e.g. `int`.
        got: String,
    },
}

impl From<cel::ExecutionError> for EvalError {
    fn from(err: cel::ExecutionError) -> Self {
        let message = match &err {
            cel::ExecutionError::NoSuchKey(key) => {
                format!("no such key `{key}` (test it first with has(...))")
            }
            cel::ExecutionError::UndeclaredReference(name) => {
                format!("undeclared reference to `{name}`")
            }
            other => other.to_string(),
        };
        EvalError::Execution(message)
    }
}

/// Either error, for callers that compile and evaluate in one step.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum Error {
    /// The expression does not compile.
    #[error("compile: {0}")]
    Compile(#[from] RuleError),
    /// The expression could not be evaluated.
    #[error("evaluate: {0}")]
    Eval(#[from] EvalError),
}
