//! Rotation pages: the jobs and their progress, and service memberships.

use askama::Template;

use super::Job;
use crate::i18n::Tr;
use crate::staff::views::StaffPage;

/// One job as the progress page shows it.
pub struct JobRow {
    pub id: String,
    pub service: String,
    pub kind: String,
    pub state: String,
    pub running: bool,
    /// Running, but not in this instance (interrupted by a restart).
    pub stalled: bool,
    pub handled: i64,
    pub total: i64,
    pub unreadable: i64,
    pub check: String,
}

impl JobRow {
    pub fn new(t: &Tr, job: &Job, runs_here: bool, service_name: Option<String>) -> JobRow {
        let running = job.state == "running";
        let check = if running || job.state == "superseded" {
            String::new()
        } else {
            t.tc(
                "rotation-check-result",
                &[],
                &[("passed", job.checked), ("failed", job.check_failed)],
            )
        };
        JobRow {
            id: job.id.clone(),
            service: service_name.unwrap_or_else(|| job.service.clone()),
            kind: t.t_or(
                &format!("rotation-kind-{}", job.kind.replace('_', "-")),
                &job.kind,
            ),
            state: t.t_or(&format!("rotation-state-{}", job.state), &job.state),
            running,
            stalled: running && !runs_here,
            handled: job.done + job.unreadable + job.skipped,
            total: job.total,
            unreadable: job.unreadable,
            check,
        }
    }
}

#[derive(Template)]
#[template(path = "rotation_jobs.html")]
pub struct JobsView {
    pub page: StaffPage,
    pub csrf: String,
    pub running: bool,
    pub rows: Vec<JobRow>,
}

pub struct MemberRow {
    pub id: String,
    pub name: String,
    /// "Remove Anna from Support line": each button names what it does.
    pub remove_label: String,
}

pub struct ServiceMembers {
    pub slug: String,
    pub name: String,
    pub members: Vec<MemberRow>,
}

#[derive(Template)]
#[template(path = "rotation_members.html")]
pub struct MembersView {
    pub page: StaffPage,
    pub csrf: String,
    pub services: Vec<ServiceMembers>,
    /// A removal was sent without its "I am sure" box.
    pub not_confirmed: bool,
}
