//! SQL for slots, group series and bookings. A seat is taken by one
//! conditional update (`taken < capacity`) inside the transaction that
//! stores the case and the booking, so two requests can never both get the
//! last seat, on SQLite or PostgreSQL, in one process or several.

mod schedule;
mod seats;
mod slots;

pub use schedule::*;
pub use seats::*;
pub use slots::*;
