//! SQL for slots, group series and seats. A seat is taken by one
//! conditional update (`taken < capacity`) inside the transaction that
//! stores the case and the seat, so two requests can never both get the
//! last seat, on SQLite or PostgreSQL, in one process or several. No seat
//! row names its case: `lookup.rs` reads what the seat look-up opens.

mod lookup;
mod meetings;
mod schedule;
mod seats;
mod slots;

pub use lookup::*;
pub use meetings::*;
pub use schedule::*;
pub use seats::*;
pub use slots::*;
