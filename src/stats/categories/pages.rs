//! The admins' pages of the list: the list with its add form, a
//! category's edit page, moving, retiring and restoring. Every change is
//! audited (`stats_category`).

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::{Category, Kind, Problems, parse_names};
use crate::app::AppState;
use crate::i18n::{Lang, Tr};
use crate::staff::guard::csrf_forms;
use crate::staff::store::audit;
use crate::staff::views::StaffPage;
use crate::staff::{Admin, AdminForm, StaffSession};
use crate::stats::store;
use crate::stats::views::{
    CategoriesView, CategoryEditView, CategoryList, CategoryRow, NameFields,
};
use crate::web::{PageError, html};

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawNotice {
    notice: String,
}

pub async fn list(
    State(state): State<AppState>,
    Admin(session): Admin,
    Query(q): Query<RawNotice>,
) -> Result<Response, PageError> {
    let notice = match q.notice.as_str() {
        "added" | "saved" | "moved" | "retired" | "restored" => Some(q.notice.as_str()),
        _ => None,
    };
    let notice = notice.map(|n| Tr::new(session.lang).t(&format!("stats-notice-{n}")));
    let typed = RawCategory {
        kind: "reason".into(),
        ..RawCategory::default()
    };
    show_list(&state, &session, StatusCode::OK, notice, &typed, vec![]).await
}

async fn show_list(
    state: &AppState,
    session: &StaffSession,
    status: StatusCode,
    notice: Option<String>,
    typed: &RawCategory,
    errors: Problems,
) -> Result<Response, PageError> {
    let lang = session.lang;
    let t = Tr::new(lang);
    let all = store::categories(&state.db).await?;
    let list = |kind: Kind, id: &'static str, title: &str| {
        let mine: Vec<&Category> = all.iter().filter(|c| c.kind == kind).collect();
        let rows = mine
            .iter()
            .enumerate()
            .map(|(i, c)| row(lang, &t, c, i == 0, i + 1 == mine.len()))
            .collect();
        CategoryList {
            id,
            title: t.t(title),
            rows,
        }
    };
    let view = CategoriesView {
        page: StaffPage::titled(
            lang,
            "stats-categories-title",
            "staff/stats/categories",
            Some(session),
        ),
        csrf: session.csrf.clone(),
        notice,
        lists: vec![
            list(Kind::Reason, "reasons", "stats-reasons"),
            list(Kind::Outcome, "outcomes", "stats-outcomes"),
        ],
        outcome_chosen: typed.kind == "outcome",
        fields: NameFields::new(&typed.names(), errors),
    };
    Ok(html(status, &view))
}

fn row(lang: Lang, t: &Tr, c: &Category, first: bool, last: bool) -> CategoryRow {
    CategoryRow {
        href: format!("/{}/staff/stats/categories/{}", lang.code(), c.id),
        up: !first,
        down: !last,
        state: t.t(if c.retired {
            "stats-state-retired"
        } else {
            "stats-state-in-use"
        }),
        name: c.name(lang).to_owned(),
        names: c.names.clone(),
        retired: c.retired,
    }
}

/// The add and edit forms as sent.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawCategory {
    csrf: String,
    kind: String,
    name_fi: String,
    name_sv: String,
    name_en: String,
}

impl RawCategory {
    fn names(&self) -> [String; 3] {
        [
            self.name_fi.clone(),
            self.name_sv.clone(),
            self.name_en.clone(),
        ]
    }
}

/// The move and retire forms as sent.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawChange {
    csrf: String,
    direction: String,
    retired: String,
}

csrf_forms!(RawCategory, RawChange);

fn back(lang: Lang, notice: &str) -> Response {
    let to = format!("/{}/staff/stats/categories?notice={notice}", lang.code());
    Redirect::to(&to).into_response()
}

pub async fn add(
    State(state): State<AppState>,
    AdminForm { session, form }: AdminForm<RawCategory>,
) -> Result<Response, PageError> {
    let t = Tr::new(session.lang);
    let kind = match form.kind.as_str() {
        "reason" => Kind::Reason,
        "outcome" => Kind::Outcome,
        _ => {
            let problem = vec![("kind-reason", t.t("stats-error-kind"))];
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return show_list(&state, &session, status, None, &form, problem).await;
        }
    };
    let names = match parse_names(&t, &form.names()) {
        Ok(names) => names,
        Err(problems) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return show_list(&state, &session, status, None, &form, problems).await;
        }
    };
    let category = Category {
        id: crate::db::new_id()[..16].to_owned(),
        kind,
        names,
        retired: false,
    };
    // The default list first, if it was never written: the first category
    // added must not stand in for it.
    store::seed_defaults(&state.db).await?;
    let mut tx = state.db.pool.begin().await?;
    store::insert_category(&mut tx, &category).await?;
    audit(&mut tx, &session.staff.id, "stats_category", None, None).await?;
    tx.commit().await?;
    Ok(back(session.lang, "added"))
}

/// The category `id`, or a 404.
async fn find(state: &AppState, id: &str) -> Result<Category, PageError> {
    store::categories(&state.db)
        .await?
        .into_iter()
        .find(|c| c.id == id)
        .ok_or(PageError::NotFound)
}

pub async fn edit(
    State(state): State<AppState>,
    Admin(session): Admin,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let category = find(&state, &id).await?;
    show_edit(&session, &category, &category.names, vec![], StatusCode::OK)
}

fn show_edit(
    session: &StaffSession,
    category: &Category,
    typed: &[String; 3],
    errors: Problems,
    status: StatusCode,
) -> Result<Response, PageError> {
    let lang = session.lang;
    let t = Tr::new(lang);
    let title = t.t1("stats-edit-title", "name", category.name(lang));
    let rest = format!("staff/stats/categories/{}", category.id);
    let view = CategoryEditView {
        page: StaffPage::new(lang, title, &rest, Some(session)),
        csrf: session.csrf.clone(),
        action: format!("/{}/{rest}", lang.code()),
        fields: NameFields::new(typed, errors),
    };
    Ok(html(status, &view))
}

pub async fn save(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, String)>,
    AdminForm { session, form }: AdminForm<RawCategory>,
) -> Result<Response, PageError> {
    let category = find(&state, &id).await?;
    let t = Tr::new(session.lang);
    let names = match parse_names(&t, &form.names()) {
        Ok(names) => names,
        Err(problems) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return show_edit(&session, &category, &form.names(), problems, status);
        }
    };
    let mut tx = state.db.pool.begin().await?;
    if !store::rename_category(&mut tx, &category.id, &names).await? {
        return Err(PageError::NotFound);
    }
    audit(&mut tx, &session.staff.id, "stats_category", None, None).await?;
    tx.commit().await?;
    Ok(back(session.lang, "saved"))
}

pub async fn move_one(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, String)>,
    AdminForm { session, form }: AdminForm<RawChange>,
) -> Result<Response, PageError> {
    let up = match form.direction.as_str() {
        "up" => true,
        "down" => false,
        _ => return Err(PageError::BadRequest),
    };
    let category = find(&state, &id).await?;
    let mut tx = state.db.pool.begin().await?;
    let order = store::positions(&mut tx, category.kind).await?;
    let Some(at) = order.iter().position(|(c, _)| *c == category.id) else {
        return Err(PageError::NotFound);
    };
    let other = if up { at.checked_sub(1) } else { Some(at + 1) };
    let Some(other) = other.and_then(|o| order.get(o)) else {
        // Already first (or last): nothing to move.
        return Ok(back(session.lang, "moved"));
    };
    // `ahead` is to end up before `behind`, which is now before it: it
    // takes `behind`'s place, and `behind` its own (one further on when
    // the two shared a place, as two added at once may).
    let (ahead, behind) = if up {
        (&order[at], other)
    } else {
        (other, &order[at])
    };
    let after = ahead.1.max(behind.1 + 1);
    store::place(&mut tx, &ahead.0, behind.1).await?;
    store::place(&mut tx, &behind.0, after).await?;
    audit(&mut tx, &session.staff.id, "stats_category", None, None).await?;
    tx.commit().await?;
    Ok(back(session.lang, "moved"))
}

pub async fn retire(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, String)>,
    AdminForm { session, form }: AdminForm<RawChange>,
) -> Result<Response, PageError> {
    let retired = match form.retired.as_str() {
        "1" => true,
        "0" => false,
        _ => return Err(PageError::BadRequest),
    };
    let mut tx = state.db.pool.begin().await?;
    if !store::set_retired(&mut tx, &id, retired).await? {
        return Err(PageError::NotFound);
    }
    audit(&mut tx, &session.staff.id, "stats_category", None, None).await?;
    tx.commit().await?;
    Ok(back(
        session.lang,
        if retired { "retired" } else { "restored" },
    ))
}
