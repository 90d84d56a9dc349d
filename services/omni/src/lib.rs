//! The omni binary: all services in one process, one service alone, demo and migrations.
