//! SQL of the staff side, a file per job: accounts, memberships, sessions
//! and the audit log. Callers name everything through this module
//! (`staff::store::audit`), whichever file holds it.

mod accounts;
mod audit_log;
mod memberships;
mod sessions;

pub use accounts::{
    FirstAdmin, NewStaff, StaffRow, admin_exists, all, by_id, by_username, create,
    create_first_admin, insert, set_key, set_password, set_totp, use_totp_step,
};
pub use audit_log::{
    AuditEntry, AuditFilter, audit, audit_about, audit_actions, audit_client_act, audit_entries,
    audit_now,
};
pub use memberships::{member_recipients, members_of, remove_membership, services_of};
pub use sessions::{
    SessionRow, delete_other_sessions, delete_session, expire_sessions, find_session,
    insert_session, live_sessions, reseal_session, touch_session,
};
