//! SQL of the people pages, a file per job: invitation links, password
//! resets, and an admin's changes to a person. Each change that must not
//! half-happen is one transaction: a link is spent in the same one that
//! makes the account or sets the password.

mod changes;
mod links;
mod resets;

pub use changes::{Change, add_membership, set_active, set_role};
pub use links::{
    Accepted, Link, NewInvite, accept_invite, create_invite, open_invites, pending, revoke_invite,
};
pub use resets::{NewSecrets, finish_reset, reset_to_one_time, start_reset};
