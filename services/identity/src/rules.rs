//! A workspace's identity rules: which identifier types exist, their priority, how many
//! of each one profile may hold, which values are never matched, how values are
//! normalised, and the per-profile guardrails. Stored as JSON in `identity_rules`;
//! a workspace that never changed them gets [`Rules::default`].

use std::collections::BTreeSet;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::normalise::{IdType, Normalization};

/// Default guardrail on identifiers per profile.
pub const DEFAULT_MAX_IDENTIFIERS: u32 = 50;
/// Highest accepted guardrail on identifiers per profile.
pub const MAX_MAX_IDENTIFIERS: u32 = 1_000;
/// Default guardrail on merges into one profile.
pub const DEFAULT_MAX_MERGES: u32 = 100;
/// Highest accepted guardrail on merges into one profile.
pub const MAX_MAX_MERGES: u32 = 10_000;
/// Most identifier types a workspace may define.
pub const MAX_TYPES: usize = 64;
/// Most blocked values per type.
pub const MAX_BLOCKED: usize = 1_000;

/// The rule for one identifier type.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypeRule {
    /// Type name (`email`, `loyalty_id`, or a custom name).
    pub name: IdType,
    /// 1 is the strongest.
    pub priority: u32,
    /// Most of this type per profile; 0 = no per-type limit.
    pub max_per_profile: u32,
    /// Normalised values that are never matched nor stored.
    pub blocked_values: BTreeSet<String>,
    /// How values are normalised.
    pub normalization: Normalization,
}

/// A workspace's identity rules.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rules {
    /// One rule per type, sorted by priority.
    pub types: Vec<TypeRule>,
    /// Guardrail: identifiers per profile.
    pub max_identifiers_per_profile: u32,
    /// Guardrail: merges into one profile.
    pub max_merges_per_profile: u32,
    /// ISO region for national phone numbers; `None` rejects them.
    pub default_phone_region: Option<String>,
    /// When last updated (unix ms); 0 for defaults.
    #[serde(default)]
    pub update_ms: i64,
}

/// The built-in types with their default priority and per-profile maximum.
const BUILT_INS: [(&str, u32, Normalization); 6] = [
    ("user_id", 1, Normalization::Trim),
    ("email", 5, Normalization::Email),
    ("phone", 5, Normalization::Phone),
    ("loyalty_id", 0, Normalization::Trim),
    ("device_id", 20, Normalization::Trim),
    ("anonymous_id", 0, Normalization::Trim),
];

impl Default for Rules {
    /// user_id > email > phone > loyalty_id > device_id > anonymous_id; one user_id,
    /// five emails, five phones and twenty devices per profile; no blocked values;
    /// 50 identifiers and 100 merges per profile; no default phone region.
    fn default() -> Self {
        let types = BUILT_INS
            .iter()
            .zip(1u32..)
            .map(|((name, max, norm), priority)| TypeRule {
                name: IdType::new(*name),
                priority,
                max_per_profile: *max,
                blocked_values: BTreeSet::new(),
                normalization: *norm,
            })
            .collect();
        Self {
            types,
            max_identifiers_per_profile: DEFAULT_MAX_IDENTIFIERS,
            max_merges_per_profile: DEFAULT_MAX_MERGES,
            default_phone_region: None,
            update_ms: 0,
        }
    }
}

/// A rule set that failed validation: the field path and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleViolation {
    /// Field path within `rules`, e.g. `identifier_types[2].priority`.
    pub field: String,
    /// What is wrong.
    pub reason: String,
}

fn violation(field: impl Into<String>, reason: impl Into<String>) -> RuleViolation {
    RuleViolation {
        field: field.into(),
        reason: reason.into(),
    }
}

impl Rules {
    /// The rule for a type name, if the workspace knows it.
    pub fn rule(&self, name: &str) -> Option<&TypeRule> {
        self.types.iter().find(|t| t.name.as_str() == name)
    }

    /// Priority of a type (1 strongest); unknown types rank last.
    pub fn priority(&self, name: &str) -> u32 {
        self.rule(name).map_or(u32::MAX, |t| t.priority)
    }

    /// Per-profile maximum of a type; 0 = none.
    pub fn max_per_profile(&self, name: &str) -> u32 {
        self.rule(name).map_or(0, |t| t.max_per_profile)
    }

    /// Checks the rules and puts them in canonical order (by priority). Built-in types
    /// missing from `types` are added with their defaults, after the listed ones.
    pub fn validated(mut self) -> Result<Self, RuleViolation> {
        if self.types.len() > MAX_TYPES {
            return Err(violation(
                "identifier_types",
                format!("at most {MAX_TYPES} types are allowed"),
            ));
        }
        let mut names = BTreeSet::new();
        let mut priorities = BTreeSet::new();
        for (i, t) in self.types.iter_mut().enumerate() {
            let field = |f: &str| format!("identifier_types[{i}].{f}");
            if !IdType::is_valid_name(t.name.as_str()) {
                return Err(violation(
                    field("name"),
                    "must be 1-64 lower-case letters, digits or `_`, starting with a letter",
                ));
            }
            if !names.insert(t.name.clone()) {
                return Err(violation(field("name"), "is listed twice"));
            }
            if t.priority == 0 {
                return Err(violation(field("priority"), "must be at least 1"));
            }
            if !priorities.insert(t.priority) {
                return Err(violation(
                    field("priority"),
                    "must be unique across identifier types",
                ));
            }
            if t.blocked_values.len() > MAX_BLOCKED {
                return Err(violation(
                    field("blocked_values"),
                    format!("at most {MAX_BLOCKED} values are allowed"),
                ));
            }
            match (t.name.as_str(), t.normalization) {
                ("email", n) if n != Normalization::Email => {
                    return Err(violation(
                        field("normalization"),
                        "email values are always normalised as emails",
                    ));
                }
                ("phone", n) if n != Normalization::Phone => {
                    return Err(violation(
                        field("normalization"),
                        "phone values are always normalised as phone numbers",
                    ));
                }
                _ => {}
            }
        }
        if self.max_identifiers_per_profile == 0
            || self.max_identifiers_per_profile > MAX_MAX_IDENTIFIERS
        {
            return Err(violation(
                "max_identifiers_per_profile",
                format!("must be between 1 and {MAX_MAX_IDENTIFIERS}"),
            ));
        }
        if self.max_merges_per_profile == 0 || self.max_merges_per_profile > MAX_MAX_MERGES {
            return Err(violation(
                "max_merges_per_profile",
                format!("must be between 1 and {MAX_MAX_MERGES}"),
            ));
        }
        if let Some(region) = &self.default_phone_region {
            let upper = region.trim().to_ascii_uppercase();
            if phonenumber::country::Id::from_str(&upper).is_err() {
                return Err(violation(
                    "default_phone_region",
                    "must be an ISO 3166-1 alpha-2 region known to the phone-number database",
                ));
            }
            self.default_phone_region = Some(upper);
        }
        // Blocked values are compared after normalisation: normalise them now.
        let region = self.default_phone_region.clone();
        for (i, t) in self.types.iter_mut().enumerate() {
            let mut normalised = BTreeSet::new();
            for (j, raw) in t.blocked_values.iter().enumerate() {
                let v = t
                    .normalization
                    .apply_lenient(raw, region.as_deref())
                    .ok_or_else(|| {
                        violation(
                            format!("identifier_types[{i}].blocked_values[{j}]"),
                            "is empty after normalisation",
                        )
                    })?;
                normalised.insert(v);
            }
            t.blocked_values = normalised;
        }
        let mut next = self.types.iter().map(|t| t.priority).max().unwrap_or(0);
        for (name, max, norm) in BUILT_INS {
            if self.rule(name).is_none() {
                next += 1;
                self.types.push(TypeRule {
                    name: IdType::new(name),
                    priority: next,
                    max_per_profile: max,
                    blocked_values: BTreeSet::new(),
                    normalization: norm,
                });
            }
        }
        self.types.sort_by_key(|t| t.priority);
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_rank_user_id_first_and_allow_one() {
        let r = Rules::default();
        assert_eq!(r.priority("user_id"), 1);
        assert!(r.priority("email") < r.priority("phone"));
        assert!(r.priority("phone") < r.priority("anonymous_id"));
        assert_eq!(r.max_per_profile("user_id"), 1);
        assert_eq!(r.max_per_profile("anonymous_id"), 0);
        assert_eq!(r.clone().validated(), Ok(r));
    }

    #[test]
    fn validation_names_the_field_and_fills_built_ins() {
        let custom = |name: &str, priority: u32| TypeRule {
            name: IdType::new(name),
            priority,
            max_per_profile: 0,
            blocked_values: BTreeSet::new(),
            normalization: Normalization::Trim,
        };
        let base = Rules {
            types: vec![custom("member_no", 1)],
            ..Rules::default()
        };
        let ok = base.clone().validated().expect("valid");
        assert_eq!(ok.priority("member_no"), 1);
        assert!(ok.rule("user_id").is_some() && ok.rule("device_id").is_some());

        let bad = Rules {
            types: vec![custom("member_no", 1), custom("Bad-Name", 2)],
            ..Rules::default()
        };
        assert_eq!(
            bad.validated().map_err(|v| v.field),
            Err("identifier_types[1].name".into())
        );
        let dup = Rules {
            types: vec![custom("a", 1), custom("b", 1)],
            ..Rules::default()
        };
        assert_eq!(
            dup.validated().map_err(|v| v.field),
            Err("identifier_types[1].priority".into())
        );
        let region = Rules {
            default_phone_region: Some("XX".into()),
            ..Rules::default()
        };
        assert_eq!(
            region.validated().map_err(|v| v.field),
            Err("default_phone_region".into())
        );
        let mut email = Rules::default();
        email.types[1].blocked_values = [" Test@Test.com ".to_owned()].into();
        let email = email.validated().expect("valid");
        assert!(
            email
                .rule("email")
                .is_some_and(|t| t.blocked_values.contains("test@test.com"))
        );
    }
}
