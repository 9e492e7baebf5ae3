//! Abuse controls for anonymous clients: signed form tokens (minimum fill
//! time, expiry, bound to one form) and rate limits keyed on a daily-rotated
//! keyed hash of the client's network.

mod form_token;
mod limits;

pub use form_token::{FormKey, TokenCheck};
pub use limits::{ClientNet, Limiters};
