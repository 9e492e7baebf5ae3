//! Checks of the message catalogs against the code: every message of every
//! locale is used by a template or the code, every message the code asks
//! for exists in fi, sv and en, and every count is worded through Fluent's
//! plural rules (and reaches Fluent as a number, so the rule can pick).
//!
//! The client languages: each has a directory under `locales/` exactly when
//! its status (`Lang::status`) is not `Missing`, and then every message of
//! the client pages' files, with the same variables as in English.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::{CLIENT_FILES, Lang, Status, Tr};

/// Variables that hold a count wherever they are used.
const COUNTS: [&str; 10] = [
    "n", "count", "meetings", "free", "minutes", "days", "open", "closed", "passed", "failed",
];

/// Each message of a locale with its whole text (continuation lines too).
fn messages(lang: &str) -> BTreeMap<String, String> {
    messages_in(lang, |_| true)
}

/// Each message of the client pages' files of a locale.
fn client_messages(lang: &str) -> BTreeMap<String, String> {
    messages_in(lang, |name| CLIENT_FILES.contains(&name))
}

fn messages_in(lang: &str, take: impl Fn(&str) -> bool) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut files: Vec<_> = std::fs::read_dir(format!("locales/{lang}"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(&take))
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
    for lang in Lang::CLIENT.into_iter().filter(|l| l.offered()) {
        let (t, code) = (Tr::new(lang), lang.code());
        let all = if lang.is_staff() {
            messages(code)
        } else {
            client_messages(code)
        };
        for (id, text) in all {
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

/// The `$variables` of a message's text.
fn variables(text: &str) -> BTreeSet<&str> {
    text.split('$')
        .skip(1)
        .map(|rest| {
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .collect()
}

#[test]
fn every_locale_directory_matches_its_status() {
    for entry in std::fs::read_dir("locales").unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        assert!(
            Lang::from_code(&name).is_some(),
            "locales/{name} is no language of Lang::CLIENT (src/i18n/lang.rs)"
        );
    }
    for lang in Lang::CLIENT {
        let code = lang.code();
        let exists = Path::new(&format!("locales/{code}")).is_dir();
        match (lang.status(), exists) {
            (Status::Missing, true) => panic!(
                "locales/{code} has arrived: set the status of Lang::{lang:?} to Draft \
                 (or Reviewed) in src/i18n/lang.rs, which also offers it in the menu"
            ),
            (Status::Draft | Status::Reviewed, false) => {
                panic!(
                    "Lang::{lang:?} is {:?} but locales/{code} is missing",
                    lang.status()
                )
            }
            _ => {}
        }
    }
}

/// What CI holds every client language to: each message of the client
/// pages' files (`CLIENT_FILES`) is there, with the variables it has in
/// English, and nothing else.
#[test]
fn every_client_language_has_every_client_message_with_the_same_variables() {
    let en = client_messages("en");
    assert!(en.len() > 200, "{}", en.len());
    let mut checked = vec![];
    for lang in Lang::CLIENT
        .into_iter()
        .filter(|l| l.offered() && *l != Lang::En)
    {
        let code = lang.code();
        let have = client_messages(code);
        let missing: Vec<_> = en.keys().filter(|k| !have.contains_key(*k)).collect();
        let extra: Vec<_> = have.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{code}: missing {missing:?}, extra {extra:?}"
        );
        for (id, text) in &have {
            assert_eq!(
                variables(text),
                variables(&en[id]),
                "{code} {id}: its variables differ from English"
            );
        }
        checked.push(code);
    }
    assert!(
        checked.contains(&"fi") && checked.contains(&"sv"),
        "{checked:?}"
    );
}

/// Client pages (templates on `base.html`, and the code behind them) ask
/// only for messages of the client pages' files, which every client
/// language has.
#[test]
fn client_pages_ask_only_for_client_messages() {
    let mut code = String::new();
    for entry in std::fs::read_dir("templates").unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        if name == "base.html" || text.contains("extends \"base.html\"") {
            code.push_str(&text);
        }
    }
    for file in [
        "src/web/mod.rs",
        "src/web/error.rs",
        "src/intake/views.rs",
        "src/intake/form.rs",
        "src/chat/views.rs",
        "src/booking/views.rs",
        "src/booking/line.rs",
        "src/accessibility/views.rs",
        "src/accessibility/feedback.rs",
    ] {
        code.push_str(&std::fs::read_to_string(file).unwrap());
    }
    let en = client_messages("en");
    let all = messages("en");
    let elsewhere: Vec<_> = asked_for(&code)
        .into_iter()
        .filter(|id| all.contains_key(id) && !en.contains_key(id))
        .collect();
    assert!(
        elsewhere.is_empty(),
        "client pages use messages outside {CLIENT_FILES:?}: {elsewhere:?}"
    );
}

#[test]
fn variables_are_read_from_placeables_and_selectors() {
    let text = "{ $count ->\n [one] x\n *[other] { $count } y { $name }\n}.";
    assert_eq!(variables(text), BTreeSet::from(["count", "name"]));
}
