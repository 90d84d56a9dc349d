//! Cross-service scenarios.
