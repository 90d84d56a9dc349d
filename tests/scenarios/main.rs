//! Cross-service scenarios. One test binary (modules below) keeps link time down.

mod access;
mod bad_input;
mod delivery;
mod erasure;
mod exactly_once;
mod hot_customer;
mod plumbing;
mod support;
