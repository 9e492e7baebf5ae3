//! Checks of the message catalogs against the code: every message of every
//! locale is used by a template or the code, every message the code asks
//! for exists in fi, sv and en, and every count is worded through Fluent's
//! plural rules (and reaches Fluent as a number, so the rule can pick).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::{Lang, Tr};

/// Variables that hold a count wherever they are used.
const COUNTS: [&str; 10] = [
    "n", "count", "meetings", "free", "minutes", "days", "open", "closed", "passed", "failed",
];

/// Each message of a locale with its whole text (continuation lines too).
fn messages(lang: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut files: Vec<_> = std::fs::read_dir(format!("locales/{lang}"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let mut current: Option<String> = None;
        for line in text.lines() {
            let starts_message = line.chars().next().is_some_and(|c| c.is_ascii_lowercase());
            if starts_message && let Some((key, value)) = line.split_once(" =") {
                let key = key.trim().to_owned();
                assert!(
                    out.insert(key.clone(), value.to_owned()).is_none(),
                    "{lang}: {key} twice"
                );
                current = Some(key);
            } else if line.starts_with([' ', '}']) {
                if let Some(text) = current.as_ref().and_then(|k| out.get_mut(k)) {
                    text.push('\n');
                    text.push_str(line);
                }
            } else {
                current = None;
            }
        }
    }
    out
}

/// The text of every source file and template.
fn sources() -> String {
    fn walk(dir: &Path, out: &mut String) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs" || e == "html") {
                out.push_str(&std::fs::read_to_string(&path).unwrap());
                out.push('\n');
            }
        }
    }
    let mut out = String::new();
    walk(Path::new("src"), &mut out);
    walk(Path::new("templates"), &mut out);
    out
}

/// String literals of `text`, roughly: what is between two quotes on a line.
fn literals(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .flat_map(|l| l.split('"').skip(1).step_by(2))
        .filter(|s| !s.is_empty())
}

fn is_key(s: &str) -> bool {
    s.contains('-')
        && s.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// Prefixes of message ids made at run time: `format!("status-{}", …)`.
fn made_prefixes(code: &str) -> BTreeSet<String> {
    literals(code)
        .filter_map(|s| s.split_once('{').map(|(prefix, _)| prefix))
        .filter(|p| p.ends_with('-') && is_key(p))
        .map(str::to_owned)
        .collect()
}

/// Ids the code asks for by name: `.t("id")`, `.t1("id", …)`, and the
/// message ids of field errors, `err("field", "id")`.
fn asked_for(code: &str) -> BTreeSet<String> {
    let mut asked = BTreeSet::new();
    for call in [
        ".t(\"", ".t1(\"", ".tn(\"", ".ta(\"", ".tc(\"", ".t_or(\"", ", \"",
    ] {
        for (i, _) in code.match_indices(call) {
            let rest = &code[i + call.len()..];
            let Some(id) = rest.split('"').next() else {
                continue;
            };
            let field_error = call == ", \""
                && code[..i]
                    .rsplit('\n')
                    .next()
                    .is_some_and(|l| l.contains("err(\""));
            if is_key(id) && (call != ", \"" || field_error) {
                asked.insert(id.to_owned());
            }
        }
    }
    asked
}

#[test]
fn every_language_has_the_same_messages_in_every_file() {
    let en: BTreeSet<_> = messages("en").into_keys().collect();
    assert!(en.len() > 300, "{}", en.len());
    for lang in ["fi", "sv"] {
        let keys: BTreeSet<_> = messages(lang).into_keys().collect();
        let missing: Vec<_> = en.difference(&keys).collect();
        let extra: Vec<_> = keys.difference(&en).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{lang}: missing {missing:?}, extra {extra:?}"
        );
    }
}

#[test]
fn every_message_is_used_and_every_message_used_exists() {
    let code = sources();
    let prefixes = made_prefixes(&code);
    let asked = asked_for(&code);
    assert!(asked.len() > 300, "{} ids found asked for", asked.len());
    let mut quoted: BTreeSet<&str> = literals(&code).collect();
    quoted.extend(asked.iter().map(String::as_str));
    let unused: Vec<_> = messages("en")
        .into_keys()
        .filter(|k| {
            !quoted.contains(k.as_str()) && !prefixes.iter().any(|p| k.starts_with(p.as_str()))
        })
        .collect();
    assert!(
        unused.is_empty(),
        "messages no template or code uses: {unused:?}"
    );
    for lang in ["fi", "sv", "en"] {
        let have = messages(lang);
        let missing: Vec<_> = asked.iter().filter(|id| !have.contains_key(*id)).collect();
        assert!(missing.is_empty(), "{lang} lacks {missing:?}");
    }
}

#[test]
fn every_count_is_worded_through_a_plural_selector_that_picks() {
    for (lang, code) in [(Lang::Fi, "fi"), (Lang::Sv, "sv"), (Lang::En, "en")] {
        let t = Tr::new(lang);
        for (id, text) in messages(code) {
            let counts: Vec<&str> = COUNTS
                .into_iter()
                .filter(|v| text.contains(&format!("${v} ")) || text.contains(&format!("${v}}}")))
                .collect();
            for var in &counts {
                assert!(
                    text.contains(&format!("{{ ${var} ->")),
                    "{code} {id}: the count ${var} is not worded through a plural selector"
                );
            }
            if counts.is_empty() {
                continue;
            }
            let texts = [("label", "x"), ("first", "x"), ("last", "x"), ("name", "x")];
            let with = |n: i64| {
                let args: Vec<_> = counts.iter().map(|v| (*v, n)).collect();
                t.tc(&id, &texts, &args)
            };
            assert_ne!(with(1), with(5), "{code} {id}: one and many read the same");
        }
    }
}
