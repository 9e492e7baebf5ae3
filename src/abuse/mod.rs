//! Abuse controls for anonymous clients: signed, single-use form tokens
//! (minimum fill time, expiry, bound to one form, spent once taken) and
//! rate limits keyed on a daily-rotated keyed hash of the client's network,
//! shared by all instances through Redis when one is configured.

mod form_token;
mod limits;
mod resp;
mod shared;
mod spent;

pub use form_token::{FormKey, TokenCheck};
pub use limits::{ClientNet, Limiters};
pub use shared::parse_url as parse_store_url;
pub use spent::{
    Filled, SpentNonce, count_spent, purge_spent, spend_once, take_form, unspend_once,
};
