//! Administration: the first admin's setup on a new instance, people
//! (invitations, roles, membership, deactivation, password resets), and
//! the audit log of staff actions.

mod audit;
pub mod people;
mod setup;
mod views;

use axum::Router;
use axum::routing::get;

use crate::app::AppState;

pub use setup::Setup;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/{lang}/staff/setup", get(setup::form).post(setup::create))
        .route("/{lang}/staff/audit", get(audit::page))
        .merge(people::routes())
}
