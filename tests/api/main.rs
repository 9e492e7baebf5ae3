//! Integration tests: each starts the real `suoja` binary on a real SQLite
//! file and talks HTTP to it over loopback.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod abuse;
mod admin;
mod availability;
mod backup;
mod booking;
mod config;
mod durability;
mod headers;
mod helpers;
mod intake;
mod notify;
mod offline;
mod phone;
mod privacy;
mod rotation;
mod schedule;
mod staff;
mod staff_helpers;
