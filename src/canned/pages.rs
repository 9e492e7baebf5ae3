//! The pages of canned replies: the services the reader keeps them for, a
//! service's list with its add form, a reply's edit page, and deleting.
//! Every change is audited (`canned_reply`, with the service).

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::views::{
    CannedEditView, CannedFields, CannedIndexView, CannedListView, CannedRow, LangChoice,
    ServiceLink,
};
use super::{CannedReply, MAX_PER_SERVICE, Problems, languages, may_keep, parse, store};
use crate::app::AppState;
use crate::i18n::{Lang, Tr};
use crate::queue::service_name;
use crate::staff::guard::csrf_forms;
use crate::staff::store::audit;
use crate::staff::views::StaffPage;
use crate::staff::{StaffForm, StaffSession};
use crate::web::{PageError, html};

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawNotice {
    notice: String,
}

/// The add and edit forms as sent (delete sends only the token).
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawCanned {
    csrf: String,
    lang: String,
    title: String,
    body: String,
}

csrf_forms!(RawCanned);

pub async fn index(
    State(state): State<AppState>,
    session: StaffSession,
) -> Result<Response, PageError> {
    let lang = session.lang;
    let catalog = state.services.current();
    let services = catalog
        .iter()
        .filter(|s| session.is_member(&s.slug) || session.staff.is_admin())
        .map(|s| ServiceLink {
            name: s.name_in(lang).to_owned(),
            href: format!("/{}/staff/canned/{}", lang.code(), s.slug),
        })
        .collect();
    let view = CannedIndexView {
        page: StaffPage::titled(lang, "canned-title", "staff/canned", Some(&session)),
        services,
    };
    Ok(html(StatusCode::OK, &view))
}

pub async fn list(
    State(state): State<AppState>,
    session: StaffSession,
    Path((_, slug)): Path<(String, String)>,
    Query(q): Query<RawNotice>,
) -> Result<Response, PageError> {
    may_keep(&state, &session, &slug)?;
    let notice = ["added", "saved", "deleted"]
        .into_iter()
        .find(|n| *n == q.notice)
        .map(|n| Tr::new(session.lang).t(&format!("canned-notice-{n}")));
    let typed = RawCanned {
        lang: session.lang.code().to_owned(),
        ..RawCanned::default()
    };
    show_list(
        &state,
        &session,
        &slug,
        (StatusCode::OK, notice),
        &typed,
        vec![],
    )
    .await
}

async fn show_list(
    state: &AppState,
    session: &StaffSession,
    slug: &str,
    (status, notice): (StatusCode, Option<String>),
    typed: &RawCanned,
    errors: Problems,
) -> Result<Response, PageError> {
    let lang = session.lang;
    let t = Tr::new(lang);
    let replies = store::of_service(&state.db, slug).await?;
    let service = service_name(state, lang, slug);
    let rest = format!("staff/canned/{slug}");
    let view = CannedListView {
        page: StaffPage::new(
            lang,
            t.t1("canned-service-title", "service", &service),
            &rest,
            Some(session),
        ),
        csrf: session.csrf.clone(),
        service,
        action: format!("/{}/{rest}", lang.code()),
        notice,
        full: replies.len() as i64 >= MAX_PER_SERVICE,
        replies: replies
            .into_iter()
            .map(|r| {
                let l = r.language();
                CannedRow {
                    href: format!("/{}/{rest}/{}", lang.code(), r.id),
                    language: crate::services::language_label(&t, l),
                    lang: l.html_lang(),
                    dir: l.dir(),
                    title: r.title,
                    body: r.body,
                }
            })
            .collect(),
        fields: fields(&t, typed, errors),
    };
    Ok(html(status, &view))
}

/// The form's fields as typed.
fn fields(t: &Tr, typed: &RawCanned, errors: Problems) -> CannedFields {
    let chosen = Lang::from_code(&typed.lang);
    CannedFields {
        title: typed.title.clone(),
        body: typed.body.clone(),
        langs: languages()
            .map(|l| LangChoice {
                value: l.code(),
                label: crate::services::language_label(t, l),
                selected: Some(l) == chosen,
            })
            .collect(),
        errors,
        lang: chosen.map_or(t.lang.html_lang(), Lang::html_lang),
        dir: chosen.map_or("ltr", Lang::dir),
    }
}

fn back(lang: Lang, slug: &str, notice: &str) -> Response {
    let to = format!("/{}/staff/canned/{slug}?notice={notice}", lang.code());
    Redirect::to(&to).into_response()
}

pub async fn add(
    State(state): State<AppState>,
    Path((_, slug)): Path<(String, String)>,
    StaffForm { session, form }: StaffForm<RawCanned>,
) -> Result<Response, PageError> {
    may_keep(&state, &session, &slug)?;
    let t = Tr::new(session.lang);
    let id = crate::db::new_id();
    let unprocessable = StatusCode::UNPROCESSABLE_ENTITY;
    let reply = match parse(&t, id, &form.lang, &form.title, &form.body) {
        Ok(reply) => reply,
        Err(problems) => {
            let shown = (unprocessable, None);
            return show_list(&state, &session, &slug, shown, &form, problems).await;
        }
    };
    let mut tx = state.db.pool.begin().await?;
    if store::count(&mut tx, &slug).await? >= MAX_PER_SERVICE {
        drop(tx);
        let problems = vec![("title", t.t("canned-error-full"))];
        let shown = (unprocessable, None);
        return show_list(&state, &session, &slug, shown, &form, problems).await;
    }
    store::insert(&mut tx, &slug, &reply).await?;
    audit(
        &mut tx,
        &session.staff.id,
        "canned_reply",
        Some(&slug),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(back(session.lang, &slug, "added"))
}

/// The service's canned reply `id`, or not found.
async fn find(
    state: &AppState,
    session: &StaffSession,
    slug: &str,
    id: &str,
) -> Result<CannedReply, PageError> {
    may_keep(state, session, slug)?;
    store::one(&state.db, slug, id)
        .await?
        .ok_or(PageError::NotFound)
}

pub async fn edit(
    State(state): State<AppState>,
    session: StaffSession,
    Path((_, slug, id)): Path<(String, String, String)>,
) -> Result<Response, PageError> {
    let reply = find(&state, &session, &slug, &id).await?;
    let typed = RawCanned {
        csrf: String::new(),
        lang: reply.lang.clone(),
        title: reply.title.clone(),
        body: reply.body.clone(),
    };
    show_edit(&session, &slug, &reply, &typed, vec![], StatusCode::OK)
}

fn show_edit(
    session: &StaffSession,
    slug: &str,
    reply: &CannedReply,
    typed: &RawCanned,
    errors: Problems,
    status: StatusCode,
) -> Result<Response, PageError> {
    let lang = session.lang;
    let t = Tr::new(lang);
    let rest = format!("staff/canned/{slug}/{}", reply.id);
    let view = CannedEditView {
        page: StaffPage::new(
            lang,
            t.t1("canned-edit-title", "title", &reply.title),
            &rest,
            Some(session),
        ),
        csrf: session.csrf.clone(),
        action: format!("/{}/{rest}", lang.code()),
        back: format!("/{}/staff/canned/{slug}", lang.code()),
        fields: fields(&t, typed, errors),
    };
    Ok(html(status, &view))
}

pub async fn save(
    State(state): State<AppState>,
    Path((_, slug, id)): Path<(String, String, String)>,
    StaffForm { session, form }: StaffForm<RawCanned>,
) -> Result<Response, PageError> {
    let found = find(&state, &session, &slug, &id).await?;
    let t = Tr::new(session.lang);
    let reply = match parse(&t, found.id.clone(), &form.lang, &form.title, &form.body) {
        Ok(reply) => reply,
        Err(problems) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return show_edit(&session, &slug, &found, &form, problems, status);
        }
    };
    let mut tx = state.db.pool.begin().await?;
    if !store::update(&mut tx, &slug, &reply).await? {
        return Err(PageError::NotFound);
    }
    audit(
        &mut tx,
        &session.staff.id,
        "canned_reply",
        Some(&slug),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(back(session.lang, &slug, "saved"))
}

pub async fn delete(
    State(state): State<AppState>,
    Path((_, slug, id)): Path<(String, String, String)>,
    StaffForm { session, .. }: StaffForm<RawCanned>,
) -> Result<Response, PageError> {
    may_keep(&state, &session, &slug)?;
    let mut tx = state.db.pool.begin().await?;
    if !store::delete(&mut tx, &slug, &id).await? {
        return Err(PageError::NotFound);
    }
    audit(
        &mut tx,
        &session.staff.id,
        "canned_reply",
        Some(&slug),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(back(session.lang, &slug, "deleted"))
}
