//! Tests for the ingest module.
