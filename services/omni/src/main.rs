//! The omni binary.
fn main() {}
