//! Typed Redis access to the real-time customer profile.
