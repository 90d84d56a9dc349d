//! Compiling expressions and checking the variables they reference.

use std::collections::BTreeSet;
use std::fmt;
use std::sync::{Arc, LazyLock};

use cel::common::ast::{EntryExpr, Expr};
use cel::{Env, IdedExpr, Program};

use crate::error::RuleError;

/// The standard CEL environment (built-in functions, macros and optional values),
/// shared by compilation and by every [`Evaluator`](crate::Evaluator).
pub(crate) static ENV: LazyLock<Arc<Env>> = LazyLock::new(|| Arc::new(Env::stdlib()));

/// Identifiers that name a function namespace when used as a call target
/// (`optional.of(x)`), not a variable.
const NAMESPACES: &[&str] = &["optional"];

/// A compiled CEL expression. Cheap to clone (the program is shared).
#[derive(Clone)]
pub struct Expression {
    inner: Arc<Inner>,
}

struct Inner {
    source: String,
    program: Program,
    variables: Vec<String>,
}

impl fmt::Debug for Expression {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Expression")
            .field("source", &self.inner.source)
            .field("variables", &self.inner.variables)
            .finish()
    }
}

impl Expression {
    /// Compiles `source`. Fails with the position of the first syntax error, or of the
    /// first reference to a top-level variable not in `allowed_vars`.
    pub fn compile(source: &str, allowed_vars: &[&str]) -> Result<Expression, RuleError> {
        let program = ENV
            .compile(source)
            .map_err(|errs| parse_error(source, errs))?;
        let mut check = Check {
            allowed: allowed_vars,
            bound: Vec::new(),
            used: BTreeSet::new(),
            unknown: None,
        };
        check.walk(program.expression());
        if let Some((name, id)) = check.unknown {
            let (line, column) = match program.source_info().offset_for(id) {
                Some((start, _)) => {
                    let (line, column) = line_column(source, start as usize);
                    (Some(line), Some(column))
                }
                None => (None, None),
            };
            return Err(RuleError {
                message: format!(
                    "unknown variable `{name}`; expected one of {}",
                    allowed_vars.join(", ")
                ),
                line,
                column,
            });
        }
        let variables = check.used.into_iter().map(str::to_owned).collect();
        Ok(Expression {
            inner: Arc::new(Inner {
                source: source.to_owned(),
                program,
                variables,
            }),
        })
    }

    /// The source text the expression was compiled from.
    pub fn source(&self) -> &str {
        &self.inner.source
    }

    /// The allowed top-level variables the expression references, sorted.
    pub fn variables(&self) -> &[String] {
        &self.inner.variables
    }

    pub(crate) fn program(&self) -> &Program {
        &self.inner.program
    }
}

/// One constant key an expression reads from a map variable: `var.key`, `has(var.key)`,
/// `var['key']` or `'key' in var`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyUse {
    /// The key.
    pub key: String,
    /// 1-based line of the use, when known.
    pub line: Option<u32>,
    /// 1-based column of the use, when known.
    pub column: Option<u32>,
}

/// How an expression uses one top-level variable (see [`Expression::uses_of`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VariableUse {
    /// The constant keys read, in source order (repeats kept).
    pub keys: Vec<KeyUse>,
    /// The first use that is not a constant-key read (e.g. `size(var)`), as
    /// `(line, column)` when known; such a use may read any key.
    pub other: Option<(Option<u32>, Option<u32>)>,
}

impl Expression {
    /// How the expression uses the top-level variable `var`: which constant keys it
    /// reads, and whether it uses the variable in any other way. Lets an owner track
    /// which entries of a map variable an expression depends on.
    pub fn uses_of(&self, var: &str) -> VariableUse {
        let mut uses = Uses {
            var,
            bound: Vec::new(),
            out: VariableUse::default(),
            source: &self.inner.source,
            program: &self.inner.program,
        };
        uses.walk(self.inner.program.expression());
        uses.out
    }
}

/// Walks an expression collecting the uses of one variable (see [`Expression::uses_of`]).
struct Uses<'a> {
    var: &'a str,
    bound: Vec<&'a str>,
    out: VariableUse,
    source: &'a str,
    program: &'a Program,
}

impl<'a> Uses<'a> {
    fn position(&self, id: u64) -> (Option<u32>, Option<u32>) {
        match self.program.source_info().offset_for(id) {
            Some((start, _)) => {
                let (line, column) = line_column(self.source, start as usize);
                (Some(line), Some(column))
            }
            None => (None, None),
        }
    }

    fn is_var(&self, e: &IdedExpr) -> bool {
        matches!(&e.expr, Expr::Ident(name) if name == self.var && !self.bound.contains(&name.as_str()))
    }

    fn key(&mut self, key: &str, id: u64) {
        let (line, column) = self.position(id);
        self.out.keys.push(KeyUse {
            key: key.to_owned(),
            line,
            column,
        });
    }

    fn string_literal(e: &IdedExpr) -> Option<&str> {
        match &e.expr {
            Expr::Literal(cel::common::ast::LiteralValue::String(s)) => Some(s.inner()),
            _ => None,
        }
    }

    fn walk(&mut self, e: &'a IdedExpr) {
        match &e.expr {
            Expr::Unspecified | Expr::Literal(_) => {}
            Expr::Ident(name) => {
                if name == self.var
                    && !self.bound.contains(&name.as_str())
                    && self.out.other.is_none()
                {
                    self.out.other = Some(self.position(e.id));
                }
            }
            Expr::Select(select) => {
                if self.is_var(&select.operand) {
                    self.key(&select.field, select.operand.id);
                } else {
                    self.walk(&select.operand);
                }
            }
            Expr::Call(call) => {
                let args = call.args.as_slice();
                match (call.func_name.as_str(), args) {
                    ("_[_]", [map, key]) if self.is_var(map) => {
                        if let Some(k) = Self::string_literal(key) {
                            self.key(k, map.id);
                            return;
                        }
                    }
                    ("@in", [key, map]) if self.is_var(map) => {
                        if let Some(k) = Self::string_literal(key) {
                            self.key(k, key.id);
                            return;
                        }
                    }
                    _ => {}
                }
                if let Some(target) = &call.target {
                    self.walk(target);
                }
                for arg in args {
                    self.walk(arg);
                }
            }
            Expr::Comprehension(comp) => {
                self.walk(&comp.iter_range);
                self.walk(&comp.accu_init);
                let depth = self.bound.len();
                self.bound.push(&comp.iter_var);
                if let Some(v) = &comp.iter_var2 {
                    self.bound.push(v);
                }
                self.bound.push(&comp.accu_var);
                self.walk(&comp.loop_cond);
                self.walk(&comp.loop_step);
                self.walk(&comp.result);
                self.bound.truncate(depth);
            }
            Expr::List(list) => {
                for element in &list.elements {
                    self.walk(element);
                }
            }
            Expr::Map(map) => {
                for entry in &map.entries {
                    self.entry(&entry.expr);
                }
            }
            Expr::Struct(st) => {
                for entry in &st.entries {
                    self.entry(&entry.expr);
                }
            }
        }
    }

    fn entry(&mut self, entry: &'a EntryExpr) {
        match entry {
            EntryExpr::StructField(field) => self.walk(&field.value),
            EntryExpr::MapEntry(map_entry) => {
                self.walk(&map_entry.key);
                self.walk(&map_entry.value);
            }
        }
    }
}

/// The first parse error, with its 1-based position when the parser reported one.
fn parse_error(source: &str, errs: cel::ParseErrors) -> RuleError {
    let Some(first) = errs.errors.into_iter().next() else {
        return RuleError {
            message: format!("`{source}` is not a valid expression"),
            line: None,
            column: None,
        };
    };
    let (line, column) = first.pos;
    RuleError {
        message: first.msg,
        line: u32::try_from(line).ok().filter(|l| *l > 0),
        column: u32::try_from(column).ok().filter(|c| *c > 0),
    }
}

/// 1-based line and column (counted in characters) of the byte `offset` in `source`.
fn line_column(source: &str, offset: usize) -> (u32, u32) {
    let mut line = 1u32;
    let mut column = 1u32;
    for (_, c) in source.char_indices().take_while(|(i, _)| *i < offset) {
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    (line, column)
}

/// Walks an expression, tracking comprehension variables in scope, and records the
/// allowed variables used and the first unknown one.
struct Check<'a, 'e> {
    allowed: &'a [&'a str],
    bound: Vec<&'e str>,
    used: BTreeSet<&'e str>,
    unknown: Option<(&'e str, u64)>,
}

impl<'e> Check<'_, 'e> {
    fn walk(&mut self, e: &'e IdedExpr) {
        if self.unknown.is_some() {
            return;
        }
        match &e.expr {
            Expr::Unspecified | Expr::Literal(_) => {}
            Expr::Ident(name) => self.ident(name, e.id),
            Expr::Select(select) => self.walk(&select.operand),
            Expr::Call(call) => {
                if let Some(target) = &call.target {
                    let namespace = matches!(&target.expr, Expr::Ident(n)
                        if NAMESPACES.contains(&n.as_str()) && !self.is_variable(n));
                    if !namespace {
                        self.walk(target);
                    }
                }
                for arg in &call.args {
                    self.walk(arg);
                }
            }
            Expr::Comprehension(comp) => {
                self.walk(&comp.iter_range);
                self.walk(&comp.accu_init);
                let depth = self.bound.len();
                self.bound.push(&comp.iter_var);
                if let Some(v) = &comp.iter_var2 {
                    self.bound.push(v);
                }
                self.bound.push(&comp.accu_var);
                self.walk(&comp.loop_cond);
                self.walk(&comp.loop_step);
                self.walk(&comp.result);
                self.bound.truncate(depth);
            }
            Expr::List(list) => {
                for element in &list.elements {
                    self.walk(element);
                }
            }
            Expr::Map(map) => {
                for entry in &map.entries {
                    self.entry(&entry.expr);
                }
            }
            Expr::Struct(st) => {
                for entry in &st.entries {
                    self.entry(&entry.expr);
                }
            }
        }
    }

    fn entry(&mut self, entry: &'e EntryExpr) {
        match entry {
            EntryExpr::StructField(field) => self.walk(&field.value),
            EntryExpr::MapEntry(map_entry) => {
                self.walk(&map_entry.key);
                self.walk(&map_entry.value);
            }
        }
    }

    fn is_variable(&self, name: &str) -> bool {
        self.bound.contains(&name) || self.allowed.contains(&name)
    }

    fn ident(&mut self, name: &'e str, id: u64) {
        if name.starts_with('@') || self.bound.contains(&name) {
            return;
        }
        if self.allowed.contains(&name) {
            self.used.insert(name);
        } else if ENV.types().find_type(name).is_none() {
            self.unknown = Some((name, id));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const VARS: &[&str] = &["traits", "events", "now"];

    #[test]
    fn compiles_and_lists_the_variables_used() {
        let e = Expression::compile("traits.age > 30 && events.purchase >= 2", VARS).unwrap();
        assert_eq!(e.variables(), ["events", "traits"]);
        assert_eq!(e.source(), "traits.age > 30 && events.purchase >= 2");
    }

    #[test]
    fn syntax_error_has_a_position() {
        let err = Expression::compile("traits.age >", VARS).unwrap_err();
        assert_eq!(err.line, Some(1));
        assert!(err.column.is_some_and(|c| c >= 12), "{err:?}");
        assert!(!err.message.is_empty());
        assert!(err.to_string().starts_with("line 1, column "), "{err}");
    }

    #[test]
    fn syntax_error_on_a_later_line() {
        let err = Expression::compile("traits.age > 1 &&\n  traits.x ==", VARS).unwrap_err();
        assert_eq!(err.line, Some(2), "{err:?}");
    }

    #[test]
    fn empty_expression_is_an_error() {
        assert!(Expression::compile("", VARS).is_err());
    }

    #[test]
    fn unknown_variable_is_rejected_with_its_position() {
        let err = Expression::compile("traits.age > 1 &&\n  foo.bar == 2", VARS).unwrap_err();
        assert_eq!(
            err.message,
            "unknown variable `foo`; expected one of traits, events, now"
        );
        assert_eq!((err.line, err.column), (Some(2), Some(3)));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let err = Expression::compile("'é' == 'x' && bar", VARS).unwrap_err();
        assert_eq!((err.line, err.column), (Some(1), Some(15)), "{err:?}");
    }

    #[test]
    fn comprehension_variables_are_not_unknown() {
        let e = Expression::compile("traits.tags.exists(t, t == 'vip')", VARS).unwrap();
        assert_eq!(e.variables(), ["traits"]);
        Expression::compile("traits.tags.map(t, t + 'x').all(u, size(u) > 1)", VARS).unwrap();
        // ...but the comprehension variable is out of scope after it.
        let err =
            Expression::compile("traits.tags.exists(t, t == 'a') && t == 'b'", VARS).unwrap_err();
        assert!(err.message.contains("`t`"), "{err:?}");
    }

    #[test]
    fn uses_of_lists_constant_keys_and_other_uses() {
        const V: &[&str] = &["computed", "segments", "traits"];
        let e = Expression::compile(
            "computed.a > 1 && has(computed.b) && computed['c'] == 2 &&\n 'seg_x' in segments",
            V,
        )
        .unwrap();
        let keys: Vec<_> = e
            .uses_of("computed")
            .keys
            .into_iter()
            .map(|k| k.key)
            .collect();
        assert_eq!(keys, ["a", "b", "c"]);
        let first = &e.uses_of("computed").keys[0];
        assert_eq!((first.line, first.column), (Some(1), Some(1)));
        let segs = e.uses_of("segments");
        assert_eq!(segs.keys.len(), 1);
        assert_eq!(segs.keys[0].key, "seg_x");
        assert_eq!((segs.keys[0].line, segs.keys[0].column), (Some(2), Some(2)));
        assert_eq!(segs.other, None);
        assert_eq!(e.uses_of("traits"), VariableUse::default());

        let e = Expression::compile("size(segments) > 1 && computed[traits.k] == 1", V).unwrap();
        assert_eq!(e.uses_of("segments").other, Some((Some(1), Some(6))));
        assert!(e.uses_of("computed").other.is_some());
        // A comprehension variable that shadows the name is not a use.
        let e = Expression::compile("traits.l.exists(computed, computed == 1)", V).unwrap();
        assert_eq!(e.uses_of("computed"), VariableUse::default());
    }

    #[test]
    fn type_names_and_namespaces_are_not_variables() {
        Expression::compile("type(traits.age) == int", VARS).unwrap();
        Expression::compile("optional.of(1).hasValue()", VARS).unwrap();
    }
}
