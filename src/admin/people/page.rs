//! The people page: everyone's role, state and services with the actions on
//! them, the invitation form, and the invitations still open.

use axum::extract::{Form, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::views::{InviteForm, InviteRow, Option3, PeopleView, PersonRow};
use super::{Delivered, Invite, InviteError, send_invite, store, valid_email};
use crate::app::AppState;
use crate::i18n::{Lang, Tr};
use crate::intake::now_secs;
use crate::notify::links::expiry_text;
use crate::staff::StaffSession;
use crate::staff::store as staff_store;
use crate::staff::views::StaffPage;
use crate::web::{PageError, render};

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

/// The refusal every non-admin gets, before anything else is read.
pub fn not_admin(state: &AppState, session: &StaffSession) -> Option<Response> {
    (!session.staff.is_admin())
        .then(|| PageError::Forbidden.render(session.lang, &state.config.quick_exit_url))
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
            label: s.name.get(lang).to_owned(),
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

pub async fn render_page(state: &AppState, session: &StaffSession, extra: Extra) -> Response {
    let lang = session.lang;
    let t = Tr::new(lang);
    let loaded = async {
        let people = rows(state, lang).await?;
        let invites = store::open_invites(&state.db, now_secs() as i64).await?;
        Ok::<_, sqlx::Error>((people, invites))
    };
    let (people, invites) = match loaded.await {
        Ok(found) => found,
        Err(e) => return PageError::internal(e).render(lang, &state.config.quick_exit_url),
    };
    let invites = invites
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
    let status = extra.status.unwrap_or(StatusCode::OK);
    render(status, &view, lang, &state.config.quick_exit_url)
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
];

pub async fn page(
    State(state): State<AppState>,
    session: StaffSession,
    Query(query): Query<NoticeQuery>,
) -> Response {
    if let Some(refused) = not_admin(&state, &session) {
        return refused;
    }
    let t = Tr::new(session.lang);
    let notice = NOTICES
        .contains(&query.notice.as_str())
        .then(|| t.t(&format!("people-notice-{}", query.notice)));
    render_page(
        &state,
        &session,
        Extra {
            notice,
            ..Extra::default()
        },
    )
    .await
}

/// The invitation form as sent; `service` repeats, one per box ticked.
#[derive(Default)]
pub struct RawInvite {
    csrf: String,
    email: String,
    role: String,
    service: Vec<String>,
}

impl RawInvite {
    fn from_pairs(pairs: Vec<(String, String)>) -> RawInvite {
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

pub async fn invite(
    State(state): State<AppState>,
    session: StaffSession,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let raw = RawInvite::from_pairs(pairs);
    if let Some(refused) = session.refuse_admin_action(&raw.csrf, &state.config.quick_exit_url) {
        return refused;
    }
    let lang = session.lang;
    let t = Tr::new(lang);
    let mut errors = vec![];
    let email = raw.email.trim();
    if !valid_email(email) {
        errors.push(t.t("people-error-email"));
    }
    let role_ok = matches!(raw.role.as_str(), "counsellor" | "admin");
    if !role_ok {
        errors.push(t.t("people-error-role"));
    }
    let known = |s: &String| state.services.get(s).is_some();
    if !raw.service.iter().all(known) {
        errors.push(t.t("people-error-service"));
    }
    let mut services: Vec<String> = raw.service.iter().filter(|s| known(s)).cloned().collect();
    services.sort();
    services.dedup();
    let form = |raw: &RawInvite| InviteForm {
        email: raw.email.clone(),
        role: raw.role.clone(),
        services: service_choices(&state, lang, &raw.service),
    };
    if !errors.is_empty() {
        let extra = Extra {
            status: Some(StatusCode::UNPROCESSABLE_ENTITY),
            errors,
            form: Some(form(&raw)),
            ..Extra::default()
        };
        return render_page(&state, &session, extra).await;
    }
    let invite = Invite {
        email,
        role: &raw.role,
        services: &services,
        lang,
        by: &session.staff.id,
    };
    match send_invite(&state.config, &state.db, &invite).await {
        Ok(Delivered::Mailed) => super::page::back(lang, "invited"),
        Ok(Delivered::Shown(url)) => {
            let extra = Extra {
                shown_secret: Some((t.t("people-link-shown"), url)),
                ..Extra::default()
            };
            render_page(&state, &session, extra).await
        }
        Err(InviteError::Mail(_)) => {
            let extra = Extra {
                status: Some(StatusCode::BAD_GATEWAY),
                errors: vec![t.t("people-error-mail")],
                form: Some(form(&raw)),
                ..Extra::default()
            };
            render_page(&state, &session, extra).await
        }
        Err(InviteError::Db(e)) => {
            PageError::internal(e).render(lang, &state.config.quick_exit_url)
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawRevoke {
    csrf: String,
    invite: String,
}

pub async fn revoke(
    State(state): State<AppState>,
    session: StaffSession,
    Form(raw): Form<RawRevoke>,
) -> Response {
    if let Some(refused) = session.refuse_admin_action(&raw.csrf, &state.config.quick_exit_url) {
        return refused;
    }
    match store::revoke_invite(&state.db, &raw.invite, &session.staff.id).await {
        Ok(true) => back(session.lang, "revoked"),
        Ok(false) => back(session.lang, "unchanged"),
        Err(e) => PageError::internal(e).render(session.lang, &state.config.quick_exit_url),
    }
}
