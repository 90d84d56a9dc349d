//! Typed identifiers. Ids crossing module boundaries are newtypes, never bare strings.

/// A fresh UUIDv7 in simple (hex, no dashes) form; the suffix of every generated id.
pub fn time_ordered_suffix() -> String {
    uuid::Uuid::now_v7().simple().to_string()
}

/// Declares a string-backed id newtype with `new`, `as_str`, `generate` (prefix +
/// UUIDv7, so ids sort by creation time), `Display`, `From<String>` and serde support.
#[macro_export]
macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident, $prefix:literal) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Wraps an existing id.
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            /// Creates a fresh, time-ordered id.
            pub fn generate() -> Self {
                Self(format!("{}_{}", $prefix, $crate::ids::time_ordered_suffix()))
            }

            /// The id as a string slice.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// Consumes the id, returning the inner string.
            pub fn into_inner(self) -> String {
                self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                Self(s)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    };
}

id_type!(
    /// A workspace (tenant). Every key, row and stream is scoped by it.
    WorkspaceId,
    "ws"
);
id_type!(
    /// A customer, as resolved by identity.
    CustomerId,
    "c"
);
id_type!(
    /// An API key's public id (never the secret).
    ApiKeyId,
    "key"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ids_are_prefixed_and_ordered() {
        let a = CustomerId::generate();
        let b = CustomerId::generate();
        assert!(a.as_str().starts_with("c_"));
        assert!(a < b, "uuidv7 ids sort by creation time: {a} {b}");
    }
}
