//! The counts of one year arranged as the page and the export show them:
//! per service, a group of lines per metric, each line twelve months and
//! the year. Every number is a [`Shown`] from here on: the raw counts stay
//! in this function, and each total is summed from shown cells.

use std::collections::{BTreeMap, BTreeSet};

use super::categories::{Category, Kind};
use super::store::Count;
use super::suppress::Shown;
use super::{ALL, Metric};
use crate::i18n::{Lang, Tr};
use crate::services::Catalog;

/// The category name of a total line (in the export).
pub const TOTAL: &str = "total";

/// The languages a line is always shown for; another a page was used in
/// (a client language beyond these) gets a line once it has counts,
/// named in its own language.
const LANGUAGES: [&str; 3] = ["fi", "sv", "en"];

pub struct Line {
    pub label: String,
    pub category: String,
    pub months: [Shown; 12],
    pub year: Shown,
    pub total: bool,
}

pub struct Group {
    pub metric: Metric,
    pub title: String,
    pub lines: Vec<Line>,
}

pub struct ServiceStats {
    pub slug: String,
    pub name: String,
    pub groups: Vec<Group>,
}

/// Counts of one service, metric and category, by month.
type Raw = BTreeMap<(String, Metric, String), [i64; 12]>;

/// Every service of the catalog (and any other the counts name), with
/// every metric and category of `year`.
pub fn build(
    lang: Lang,
    catalog: &Catalog,
    list: &[Category],
    counts: Vec<Count>,
) -> Vec<ServiceStats> {
    let t = Tr::new(lang);
    let mut raw = Raw::new();
    for c in counts {
        let months = raw.entry((c.service, c.metric, c.category)).or_default();
        months[c.month - 1] += c.count;
    }
    let mut slugs: Vec<(String, String)> = catalog
        .iter()
        .map(|s| (s.slug.clone(), s.name.get(lang).to_owned()))
        .collect();
    let counted: BTreeSet<&String> = raw.keys().map(|(s, _, _)| s).collect();
    for slug in counted {
        if !slugs.iter().any(|(s, _)| s == slug) {
            slugs.push((slug.clone(), slug.clone()));
        }
    }
    slugs
        .into_iter()
        .map(|(slug, name)| ServiceStats {
            groups: Metric::ALL
                .into_iter()
                .filter_map(|m| group(&t, list, &raw, &slug, m))
                .collect(),
            slug,
            name,
        })
        .collect()
}

/// One metric's lines for a service, with a total where the categories
/// add up (languages, outcomes; not reasons: a case may have several).
/// Chats and ratings only once there are any.
fn group(t: &Tr, list: &[Category], raw: &Raw, slug: &str, metric: Metric) -> Option<Group> {
    let counted: Vec<&String> = raw
        .keys()
        .filter(|(s, m, _)| s == slug && *m == metric)
        .map(|(_, _, c)| c)
        .collect();
    if matches!(metric, Metric::Chats | Metric::Ratings) && counted.is_empty() {
        return None;
    }
    let mut categories: Vec<(String, String)> = known(t, list, metric, &counted);
    for c in counted {
        if !categories.iter().any(|(id, _)| id == c) {
            let label =
                Lang::from_code(c).map_or_else(|| c.clone(), |l| l.native_name().to_owned());
            categories.push((c.clone(), label));
        }
    }
    let mut lines: Vec<Line> = categories
        .into_iter()
        .map(|(category, label)| {
            let key = (slug.to_owned(), metric, category);
            let counts = raw.get(&key).copied().unwrap_or_default();
            let months = counts.map(Shown::cell);
            Line {
                label,
                year: Shown::sum(&months),
                months,
                category: key.2,
                total: false,
            }
        })
        .collect();
    // A rating is one per case: the five add up, as outcomes do.
    let adds_up = metric.by_language() || matches!(metric, Metric::Outcomes | Metric::Ratings);
    if adds_up && lines.len() > 1 {
        lines.push(total(t, &lines));
    }
    let id = metric.as_str().replace('_', "-");
    Some(Group {
        metric,
        title: t.t(&format!("stats-metric-{id}")),
        lines,
    })
}

/// The categories a metric always shows, with their labels: the three
/// languages, `all`, or the reasons or outcomes in use (and retired ones
/// with counts this year).
fn known(t: &Tr, list: &[Category], metric: Metric, counted: &[&String]) -> Vec<(String, String)> {
    let kind = match metric {
        Metric::Reasons => Kind::Reason,
        Metric::Outcomes => Kind::Outcome,
        Metric::Ratings => {
            return crate::feedback::RATINGS
                .into_iter()
                .map(|r| (r.to_string(), t.t(&format!("feedback-rating-{r}"))))
                .collect();
        }
        m if m.by_language() => {
            return LANGUAGES
                .into_iter()
                .map(|code| (code.to_owned(), t.t(&format!("stats-lang-{code}"))))
                .collect();
        }
        m => {
            let id = m.as_str().replace('_', "-");
            return vec![(ALL.to_owned(), t.t(&format!("stats-line-{id}")))];
        }
    };
    list.iter()
        .filter(|c| c.kind == kind && (!c.retired || counted.contains(&&c.id)))
        .map(|c| (c.id.clone(), c.label(t.lang, t)))
        .collect()
}

/// The total line: each month and the year summed from the shown cells.
fn total(t: &Tr, lines: &[Line]) -> Line {
    let months: [Shown; 12] =
        std::array::from_fn(|m| Shown::sum(lines.iter().map(|l| &l.months[m])));
    let year = Shown::sum(lines.iter().flat_map(|l| l.months.iter()));
    Line {
        label: t.t("stats-total"),
        category: TOTAL.to_owned(),
        months,
        year,
        total: true,
    }
}
