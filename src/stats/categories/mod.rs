//! The list of contact reasons and outcomes, which admins edit (`pages`):
//! names in fi, sv and en, the order, and retiring (a category is never
//! deleted: its counts and the marks sealed in cases keep naming it).

mod defaults;
mod pages;

use crate::i18n::{Lang, Tr};

pub use defaults::DEFAULTS;
pub use pages::{add, edit, list, move_one, retire, save};

/// A reason a case is about, or how it ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Reason,
    Outcome,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Reason => "reason",
            Kind::Outcome => "outcome",
        }
    }
}

/// One contact reason or outcome.
#[derive(Debug, Clone)]
pub struct Category {
    pub id: String,
    pub kind: Kind,
    /// The names in fi, sv and en.
    pub names: [String; 3],
    pub retired: bool,
}

/// The languages of the names, in the order `names` holds them.
const NAME_LANGS: [Lang; 3] = [Lang::Fi, Lang::Sv, Lang::En];

impl Category {
    pub fn name(&self, lang: Lang) -> &str {
        let at = NAME_LANGS.iter().position(|l| *l == lang).unwrap_or(0);
        &self.names[at]
    }

    /// The name, and that it is retired if it is.
    pub fn label(&self, lang: Lang, t: &Tr) -> String {
        if self.retired {
            t.t1("stats-retired-name", "name", self.name(lang))
        } else {
            self.name(lang).to_owned()
        }
    }
}

/// A name: 1–100 characters once trimmed, no control characters.
fn parse_name(text: &str) -> Option<String> {
    let text = text.trim();
    let fits = (1..=100).contains(&text.chars().count()) && !text.chars().any(char::is_control);
    fits.then(|| text.to_owned())
}

/// The three names as typed, or (field id, message) for each to fix.
pub(super) type Problems = Vec<(&'static str, String)>;

pub(super) fn parse_names(t: &Tr, typed: &[String; 3]) -> Result<[String; 3], Problems> {
    let fields = ["name_fi", "name_sv", "name_en"];
    let mut names: [String; 3] = Default::default();
    let mut problems = vec![];
    for (i, field) in fields.into_iter().enumerate() {
        match parse_name(&typed[i]) {
            Some(name) => names[i] = name,
            None => problems.push((
                field,
                t.t(&format!("stats-error-{}", field.replace('_', "-"))),
            )),
        }
    }
    if problems.is_empty() {
        Ok(names)
    } else {
        Err(problems)
    }
}
