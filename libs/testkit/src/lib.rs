//! Test support: a real redis-server, a fresh Postgres database, and a local SMTP server.
