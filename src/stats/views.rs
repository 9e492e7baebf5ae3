//! Page models of the statistics page and the list of reasons and outcomes.

use askama::Template;

use crate::queue::views::Filter as Choice;
use crate::staff::views::StaffPage;

#[derive(Template)]
#[template(path = "stats_page.html")]
pub struct StatsView {
    pub page: StaffPage,
    pub year: i32,
    pub years: Vec<Choice>,
    pub csv_href: String,
    pub csv_label: String,
    pub summary_title: String,
    pub categories_href: String,
    /// The months' short names, January first.
    pub months: Vec<String>,
    pub services: Vec<ServiceView>,
}

pub struct ServiceView {
    /// The slug: ids on the page are made from it.
    pub id: String,
    pub name: String,
    pub summary_caption: String,
    pub months_caption: String,
    pub groups: Vec<GroupView>,
}

pub struct GroupView {
    pub title: String,
    pub lines: Vec<LineView>,
}

/// A line with every number as it may be shown: "12", "< 5" or "62–65".
pub struct LineView {
    pub label: String,
    pub months: Vec<String>,
    pub year: String,
    pub total: bool,
}

pub struct CategoryList {
    pub id: &'static str,
    pub title: String,
    pub rows: Vec<CategoryRow>,
}

pub struct CategoryRow {
    /// The name in the page's language.
    pub name: String,
    /// The names in fi, sv and en.
    pub names: [String; 3],
    pub retired: bool,
    pub state: String,
    pub href: String,
    /// Whether it can move up (is not first) and down (is not last).
    pub up: bool,
    pub down: bool,
}

/// The three name fields of the add and edit forms, as typed, and what to
/// fix in them: (field id, message).
pub struct NameFields {
    pub values: [String; 3],
    pub errors: Vec<(&'static str, String)>,
}

impl NameFields {
    pub fn new(values: &[String; 3], errors: Vec<(&'static str, String)>) -> NameFields {
        NameFields {
            values: values.clone(),
            errors,
        }
    }

    /// The fields in order: (id, language code, label id, value, error).
    pub fn fields(&self) -> Vec<(&'static str, &'static str, &'static str, &str, Option<&str>)> {
        let ids = [
            ("name_fi", "fi", "stats-name-fi"),
            ("name_sv", "sv", "stats-name-sv"),
            ("name_en", "en", "stats-name-en"),
        ];
        ids.into_iter()
            .zip(&self.values)
            .map(|((id, lang, label), value)| {
                let error = self
                    .errors
                    .iter()
                    .find(|(field, _)| *field == id)
                    .map(|(_, e)| e.as_str());
                (id, lang, label, value.as_str(), error)
            })
            .collect()
    }
}

#[derive(Template)]
#[template(path = "stats_categories.html")]
pub struct CategoriesView {
    pub page: StaffPage,
    pub csrf: String,
    pub notice: Option<String>,
    pub lists: Vec<CategoryList>,
    /// The add form: an outcome was chosen (else a reason).
    pub outcome_chosen: bool,
    pub fields: NameFields,
}

#[derive(Template)]
#[template(path = "stats_category_edit.html")]
pub struct CategoryEditView {
    pub page: StaffPage,
    pub csrf: String,
    pub action: String,
    pub fields: NameFields,
}
