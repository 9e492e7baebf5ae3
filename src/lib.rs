//! suoja: anonymous intake for support organisations. What clients write is
//! sealed with age to the counsellors of a service; the server keeps
//! ciphertext and the least metadata it needs, and never logs who a client is.
#![forbid(unsafe_code)]

pub mod abuse;
pub mod accessibility;
pub mod admin;
pub mod app;
pub mod booking;
pub mod canned;
pub mod chat;
pub mod cli;
pub mod config;
pub mod db;
pub mod feedback;
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
pub mod fuzzing;
pub mod i18n;
pub mod intake;
pub mod keys;
pub mod listen;
pub mod notify;
pub mod promise;
pub mod queue;
pub mod retention;
pub mod rotation;
pub mod seal;
pub mod serve;
pub mod services;
pub mod staff;
pub mod stats;
pub mod telemetry;
pub mod web;
