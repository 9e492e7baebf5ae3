//! Integration tests: each starts the real `suoja` binary on a real SQLite
//! file, or with `SUOJA_TEST_DATABASE=postgres` on a fresh PostgreSQL
//! database (`helpers/database.rs`), and talks HTTP to it over loopback.
//! A test reads the database through `app.pool()` or `app.database_url()`;
//! one that only makes sense on one backend returns early on the other and
//! says why.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod abuse;
mod accessibility;
mod admin;
mod availability;
mod backup;
mod booking;
mod chat;
mod config;
mod demo;
mod dst;
mod durability;
mod feedback;
mod handover;
mod headers;
mod helpers;
mod instances;
mod intake;
mod languages;
mod matrix;
mod notify;
mod offline;
mod people;
mod phone;
mod privacy;
mod promise;
mod queue;
mod quiet_log;
mod raw_answers;
mod reply_auth;
mod resend;
mod retention;
mod rotation;
mod round_robin;
mod schedule;
mod schema;
mod seats;
mod service_languages;
mod services;
mod shared_limits;
mod slow_clients;
mod staff;
mod staff_helpers;
mod stats;
mod tools;
mod verification;
mod workday;
