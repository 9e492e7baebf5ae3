//! The people page: everyone's role, state and services with the actions on
//! them, the invitation form, and the invitations still open.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::views::{InviteForm, InviteRow, Option3, PeopleView, PersonRow};
use super::{Delivered, Invite, InviteError, send_invite, store};
use crate::app::AppState;
use crate::i18n::{Lang, Tr};
use crate::intake::now_secs;
use crate::notify::is_email_address;
use crate::notify::links::expiry_text;
use crate::staff::guard::csrf_forms;
use crate::staff::store as staff_store;
use crate::staff::views::StaffPage;
use crate::staff::{Admin, AdminForm, StaffSession};
use crate::web::{PageError, html};

/// What the page shows besides the lists.
#[derive(Default)]
pub struct Extra {
    pub status: Option<StatusCode>,
    pub notice: Option<String>,
    pub shown_secret: Option<(String, String)>,
    pub errors: Vec<String>,
    pub form: Option<InviteForm>,
}

/// Where the POSTs go back to, with a notice id.
pub fn back(lang: Lang, notice: &str) -> Response {
    Redirect::to(&format!("/{}/staff/people?notice={notice}", lang.code())).into_response()
}

fn role_label(t: &Tr, role: &str) -> String {
    t.t_or(&format!("people-role-{role}"), role)
}

fn service_choices(state: &AppState, lang: Lang, chosen: &[String]) -> Vec<Option3> {
    state
        .config
        .services
        .iter()
        .map(|s| Option3 {
            value: s.slug.clone(),
            label: s.name_in(lang).to_owned(),
            chosen: chosen.contains(&s.slug),
        })
        .collect()
}

async fn rows(state: &AppState, lang: Lang) -> Result<Vec<PersonRow>, sqlx::Error> {
    let t = Tr::new(lang);
    let mut rows = vec![];
    for person in staff_store::all(&state.db).await? {
        let services = staff_store::services_of(&state.db, &person.id).await?;
        let names: Vec<String> = service_choices(state, lang, &services)
            .into_iter()
            .filter(|s| s.chosen)
            .map(|s| s.label)
            .collect();
        let other_services = service_choices(state, lang, &services)
            .into_iter()
            .filter(|s| !s.chosen)
            .collect();
        let name = person.display_name.clone();
        let named = |id: &str| t.t1(id, "name", &name);
        rows.push(PersonRow {
            role_label: named("people-role-label"),
            add_label: named("people-add"),
            service_label: named("people-service-label"),
            deactivate_label: named("people-deactivate"),
            reactivate_label: named("people-reactivate"),
            reset_label: named("people-reset"),
            id: person.id.clone(),
            username: person.username.clone(),
            role: role_label(&t, &person.role),
            is_admin: person.is_admin(),
            active: person.active,
            reset_pending: person.recipient.is_empty(),
            services: names.join(", "),
            other_services,
            name,
        });
    }
    Ok(rows)
}

pub async fn render_page(
    state: &AppState,
    session: &StaffSession,
    extra: Extra,
) -> Result<Response, PageError> {
    let lang = session.lang;
    let t = Tr::new(lang);
    let people = rows(state, lang).await?;
    let invites = store::open_invites(&state.db, now_secs() as i64)
        .await?
        .into_iter()
        .map(|i| {
            let email = i.email.unwrap_or_default();
            InviteRow {
                revoke_label: t.t1("people-revoke", "email", &email),
                id: i.id,
                role: role_label(&t, i.role.as_deref().unwrap_or("")),
                until: expiry_text(i.expires_at),
                email,
            }
        })
        .collect();
    let form = extra.form.unwrap_or_else(|| InviteForm {
        email: String::new(),
        role: "counsellor".into(),
        services: service_choices(state, lang, &[]),
    });
    let view = PeopleView {
        page: StaffPage::titled(lang, "people-title", "staff/people", Some(session)),
        csrf: session.csrf.clone(),
        notice: extra.notice,
        shown_secret: extra.shown_secret,
        errors: extra.errors,
        people,
        invites,
        form,
    };
    Ok(html(extra.status.unwrap_or(StatusCode::OK), &view))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NoticeQuery {
    notice: String,
}

/// Notices the POSTs send back with; anything else shows none.
const NOTICES: &[&str] = &[
    "invited",
    "revoked",
    "role-changed",
    "last-admin",
    "added",
    "added-waiting",
    "deactivated",
    "reactivated",
    "reset-mailed",
    "unchanged",
    "not-confirmed",
];

pub async fn page(
    State(state): State<AppState>,
    Admin(session): Admin,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, PageError> {
    let t = Tr::new(session.lang);
    let notice = NOTICES
        .contains(&query.notice.as_str())
        .then(|| t.t(&format!("people-notice-{}", query.notice)));
    let extra = Extra {
        notice,
        ..Extra::default()
    };
    render_page(&state, &session, extra).await
}

/// The invitation form as sent; `service` repeats, one per box ticked.
#[derive(Deserialize, Default)]
#[serde(from = "Vec<(String, String)>")]
pub struct RawInvite {
    csrf: String,
    email: String,
    role: String,
    service: Vec<String>,
}

impl From<Vec<(String, String)>> for RawInvite {
    fn from(pairs: Vec<(String, String)>) -> RawInvite {
        let mut raw = RawInvite::default();
        for (key, value) in pairs {
            match key.as_str() {
                "csrf" => raw.csrf = value,
                "email" => raw.email = value,
                "role" => raw.role = value,
                "service" if raw.service.len() < 100 => raw.service.push(value),
                _ => {}
            }
        }
        raw
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawRevoke {
    csrf: String,
    invite: String,
}

csrf_forms!(RawInvite, RawRevoke);

/// The services an invitation names, known ones only, sorted, or what to
/// fix in the form.
fn parse_invite(state: &AppState, t: &Tr, raw: &RawInvite) -> Result<Vec<String>, Vec<String>> {
    let mut errors = vec![];
    if !is_email_address(raw.email.trim()) {
        errors.push(t.t("people-error-email"));
    }
    if !matches!(raw.role.as_str(), "counsellor" | "admin") {
        errors.push(t.t("people-error-role"));
    }
    let known = |s: &String| state.services.get(s).is_some();
    if !raw.service.iter().all(known) {
        errors.push(t.t("people-error-service"));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut services = raw.service.clone();
    services.sort();
    services.dedup();
    Ok(services)
}

pub async fn invite(
    State(state): State<AppState>,
    AdminForm { session, form: raw }: AdminForm<RawInvite>,
) -> Result<Response, PageError> {
    let lang = session.lang;
    let t = Tr::new(lang);
    // A refusal hands the form back as typed.
    let again = |status, errors| Extra {
        status: Some(status),
        errors,
        form: Some(InviteForm {
            email: raw.email.clone(),
            role: raw.role.clone(),
            services: service_choices(&state, lang, &raw.service),
        }),
        ..Extra::default()
    };
    let services = match parse_invite(&state, &t, &raw) {
        Ok(services) => services,
        Err(errors) => {
            let extra = again(StatusCode::UNPROCESSABLE_ENTITY, errors);
            return render_page(&state, &session, extra).await;
        }
    };
    let invite = Invite {
        email: raw.email.trim(),
        role: &raw.role,
        services: &services,
        lang,
        by: &session.staff.id,
    };
    let extra = match send_invite(&state.config, &state.db, &invite).await {
        Ok(Delivered::Mailed) => return Ok(back(lang, "invited")),
        Ok(Delivered::Shown(url)) => Extra {
            shown_secret: Some((t.t("people-link-shown"), url)),
            ..Extra::default()
        },
        Err(InviteError::Mail(_)) => again(StatusCode::BAD_GATEWAY, vec![t.t("people-error-mail")]),
        Err(InviteError::Db(e)) => return Err(e.into()),
    };
    render_page(&state, &session, extra).await
}

pub async fn revoke(
    State(state): State<AppState>,
    AdminForm { session, form: raw }: AdminForm<RawRevoke>,
) -> Result<Response, PageError> {
    let revoked = store::revoke_invite(&state.db, &raw.invite, &session.staff.id).await?;
    Ok(back(
        session.lang,
        if revoked { "revoked" } else { "unchanged" },
    ))
}
