//! Channel-gateway against a real Redis, a real database (SQLite, or Postgres with
//! `OMNI_TEST_DATABASE_URL`), a real SMTP server and local provider servers speaking the
//! SMS, push and store-webhook request shapes.

mod arbitration;
mod basics;
mod dnd;
mod engagement;
mod engine;
mod policy;
mod providers;
mod review;
mod routing;
mod support;
mod templates;
