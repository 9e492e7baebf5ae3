//! The admin's statistics page and its CSV export: one year, every service,
//! every metric and category by month, and the year's totals (the yearly
//! summary for a funder's report). Admins only; a count from 1 to 4 never
//! leaves the server (`suppress`).

use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::table::{self, ServiceStats};
use super::views::{GroupView, LineView, ServiceView, StatsView};
use super::{csv, store};
use crate::app::AppState;
use crate::i18n::{Lang, Tr};
use crate::queue::views::Filter as Choice;
use crate::staff::Admin;
use crate::staff::views::StaffPage;
use crate::web::{PageError, html};

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawYear {
    year: String,
}

impl RawYear {
    /// The year asked for, or this one.
    fn year(&self) -> i32 {
        self.year
            .trim()
            .parse()
            .ok()
            .filter(|y| (2000..=9999).contains(y))
            .unwrap_or_else(|| i32::from(crate::db::today().year()))
    }
}

/// The year's tables, this instance's latest counts written first.
async fn load(state: &AppState, lang: Lang, year: i32) -> Result<Vec<ServiceStats>, PageError> {
    if let Err(e) = state.stats.flush(&state.db).await {
        // They are kept and written later; the page shows what is stored.
        tracing::warn!(error = %e, "writing statistics failed; they are kept for the next try");
    }
    let counts = store::year(&state.db, year).await?;
    let list = store::categories(&state.db).await?;
    Ok(table::build(lang, &state.services.current(), &list, counts))
}

pub async fn page(
    State(state): State<AppState>,
    Admin(session): Admin,
    Query(raw): Query<RawYear>,
) -> Result<Response, PageError> {
    let lang = session.lang;
    let t = Tr::new(lang);
    let year = raw.year();
    let services = load(&state, lang, year).await?;
    let years = store::years(&state.db).await?;
    let mut years: Vec<Choice> = years
        .into_iter()
        .map(|y| Choice {
            value: y.to_string(),
            label: y.to_string(),
            selected: y == year,
        })
        .collect();
    if !years.iter().any(|y| y.selected) {
        years.push(Choice {
            value: year.to_string(),
            label: year.to_string(),
            selected: true,
        });
    }
    let code = lang.code();
    let year_text = year.to_string();
    let view = StatsView {
        page: StaffPage::titled(lang, "stats-title", "staff/stats", Some(&session)),
        year,
        years,
        csv_href: format!("/{code}/staff/stats/csv?year={year}"),
        csv_label: t.t1("stats-csv", "year", &year_text),
        summary_title: t.t1("stats-summary", "year", &year_text),
        categories_href: format!("/{code}/staff/stats/categories"),
        months: (1..=12).map(|m| t.t(&format!("stats-month-{m}"))).collect(),
        services: services
            .into_iter()
            .map(|s| service_view(&t, &year_text, s))
            .collect(),
    };
    Ok(html(StatusCode::OK, &view))
}

fn service_view(t: &Tr, year: &str, s: ServiceStats) -> ServiceView {
    let args = [("service", s.name.as_str()), ("year", year)];
    ServiceView {
        summary_caption: t.ta("stats-summary-caption", &args),
        months_caption: t.ta("stats-months-caption", &args),
        id: s.slug,
        name: s.name,
        groups: s
            .groups
            .into_iter()
            .map(|g| GroupView {
                title: g.title,
                lines: g
                    .lines
                    .into_iter()
                    .map(|l| LineView {
                        months: l.months.iter().map(|m| m.text()).collect(),
                        year: l.year.text(),
                        label: l.label,
                        total: l.total,
                    })
                    .collect(),
            })
            .collect(),
    }
}

pub async fn csv(
    State(state): State<AppState>,
    Admin(session): Admin,
    Query(raw): Query<RawYear>,
) -> Result<Response, PageError> {
    let year = raw.year();
    let services = load(&state, session.lang, year).await?;
    let disposition = format!("attachment; filename=\"suoja-statistics-{year:04}.csv\"");
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        csv::write(year, &services),
    )
        .into_response())
}
