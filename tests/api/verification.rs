//! docs/VERIFICATION.md maps promises to the tests that check them. These
//! tests keep the map true: every test it cites must exist under the name
//! `cargo test` prints for it, and every row must name a check that exists.
//! They read files only; no server is started.
//!
//! Citation syntax (docs/VERIFICATION.md, "How checks are cited"): any
//! backticked text holding `::` is a citation. `module::name` is a test in
//! `tests/api/module.rs` or under `tests/api/module/`; `a::b::tests::name`
//! is a unit test in `src/a/b.rs` or under `src/a/b/`; a last part of `*`
//! stands for every test of that module, which must hold at least one.

use std::fs;
use std::path::{Path, PathBuf};

const MAP: &str = "docs/VERIFICATION.md";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read_map() -> String {
    fs::read_to_string(root().join(MAP)).expect("docs/VERIFICATION.md is readable")
}

/// A parsed citation: where to look, and for which test (`None`: any).
#[derive(Debug, PartialEq)]
struct Citation {
    folder: &'static str,
    module: Vec<String>,
    test: Option<String>,
}

fn is_name(part: &str) -> bool {
    let mut chars = part.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Parses `module::name`, `a::b::tests::name` or a `*` in place of the name.
fn parse_citation(text: &str) -> Result<Citation, String> {
    let parts: Vec<&str> = text.split("::").collect();
    let Some((last, path)) = parts.split_last() else {
        return Err(format!("`{text}`: empty citation"));
    };
    if path.is_empty() {
        return Err(format!("`{text}`: no module before the test name"));
    }
    if let Some(bad) = path.iter().find(|p| !is_name(p)) {
        return Err(format!("`{text}`: `{bad}` is not a module name"));
    }
    let test = match *last {
        "*" => None,
        name if is_name(name) => Some(name.to_owned()),
        other => return Err(format!("`{text}`: `{other}` is not a test name")),
    };
    let unit = path.last() == Some(&"tests");
    let module: Vec<String> = if unit {
        path[..path.len() - 1]
            .iter()
            .map(|p| p.to_string())
            .collect()
    } else {
        path.iter().map(|p| p.to_string()).collect()
    };
    if module.is_empty() || module.iter().any(|p| p == "tests") {
        return Err(format!(
            "`{text}`: `tests` may only come last, after the module of a unit test"
        ));
    }
    let folder = if unit { "src" } else { "tests/api" };
    Ok(Citation {
        folder,
        module,
        test,
    })
}

/// The source files of a module: `base.rs`, and every `.rs` under `base/`.
fn module_files(base: &Path) -> Vec<PathBuf> {
    let mut files = vec![];
    let file = base.with_extension("rs");
    if file.is_file() {
        files.push(file);
    }
    let mut folders = vec![base.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files
}

fn is_test_attribute(line: &str) -> bool {
    let line = line.trim_start();
    line.starts_with("#[test]") || line.starts_with("#[tokio::test")
}

/// Whether `source` defines `fn name` marked as a test: a test attribute
/// among the attributes and comments right above it.
fn defines_test(source: &str, name: &str) -> bool {
    let lines: Vec<&str> = source.lines().collect();
    lines.iter().enumerate().any(|(at, line)| {
        let mut words = line
            .split_whitespace()
            .skip_while(|w| matches!(*w, "pub" | "pub(crate)" | "async" | "const" | "unsafe"));
        let declares = words.next() == Some("fn")
            && words.next().is_some_and(|w| {
                w.strip_prefix(name)
                    .is_some_and(|rest| rest.starts_with('(') || rest.starts_with('<'))
            });
        declares
            && lines[..at]
                .iter()
                .rev()
                .take_while(|l| {
                    let l = l.trim_start();
                    l.starts_with("#[") || l.starts_with("//")
                })
                .any(|l| is_test_attribute(l))
    })
}

/// Checks one citation against the files under `root`.
fn check_citation(root: &Path, text: &str) -> Result<(), String> {
    let citation = parse_citation(text)?;
    let base = root.join(citation.folder).join(citation.module.join("/"));
    let files = module_files(&base);
    if files.is_empty() {
        return Err(format!(
            "`{text}`: no module {}{{.rs,/}}",
            base.strip_prefix(root).unwrap_or(&base).display()
        ));
    }
    let sources: Vec<String> = files
        .iter()
        .map(|f| fs::read_to_string(f).unwrap_or_default())
        .collect();
    let found = match &citation.test {
        Some(name) => sources.iter().any(|s| defines_test(s, name)),
        None => sources.iter().any(|s| s.lines().any(is_test_attribute)),
    };
    if found {
        Ok(())
    } else if citation.test.is_some() {
        Err(format!("`{text}`: no such test function"))
    } else {
        Err(format!("`{text}`: the module holds no test"))
    }
}

/// The backticked spans of a line, and the text between them; an odd
/// number of backticks is an error (a citation cut in two).
fn code_spans(line: &str) -> Result<Vec<&str>, String> {
    let pieces: Vec<&str> = line.split('`').collect();
    if pieces.len().is_multiple_of(2) {
        return Err(format!("unbalanced backticks: {line}"));
    }
    Ok(pieces.iter().skip(1).step_by(2).copied().collect())
}

/// The last cell of a table row, split on `|` outside backticks.
fn last_cell(row: &str) -> &str {
    let mut inside = false;
    let mut bars = vec![];
    for (at, c) in row.char_indices() {
        match c {
            '`' => inside = !inside,
            '|' if !inside => bars.push(at),
            _ => {}
        }
    }
    match bars.as_slice() {
        [.., before, last] if last + 1 == row.trim_end().len() => &row[before + 1..*last],
        [.., last] => &row[last + 1..],
        [] => row,
    }
}

fn is_separator(line: &str) -> bool {
    let line = line.trim();
    line.starts_with('|') && line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// What is wrong with a map, each naming its line: citations that break
/// the syntax or name no test, and table rows that name no existing check.
#[derive(Default)]
struct Problems {
    citations: Vec<String>,
    rows: Vec<String>,
}

impl Problems {
    fn all(&self) -> Vec<String> {
        self.citations.iter().chain(&self.rows).cloned().collect()
    }
}

/// Checks `map` against the repository at `root`.
fn problems(map: &str, root: &Path) -> Problems {
    let lines: Vec<&str> = map.lines().collect();
    let mut found = Problems::default();
    for (at, line) in lines.iter().enumerate() {
        let place = format!("{MAP}:{}", at + 1);
        let spans = match code_spans(line) {
            Ok(spans) => spans,
            Err(e) => {
                found.citations.push(format!("{place}: {e}"));
                continue;
            }
        };
        for span in spans.iter().filter(|s| s.contains("::")) {
            if let Err(e) = check_citation(root, span) {
                found.citations.push(format!("{place}: {e}"));
            }
        }
        let is_row = line.trim_start().starts_with('|');
        let is_header = lines.get(at + 1).is_some_and(|next| is_separator(next));
        if !is_row || is_header || is_separator(line) {
            continue;
        }
        let checks = code_spans(last_cell(line)).unwrap_or_default();
        if checks.is_empty() {
            found.rows.push(format!("{place}: the row names no check"));
        }
        for check in checks.iter().filter(|c| !c.contains("::")) {
            if !(check.contains('/') || check.contains('.')) {
                found.rows.push(format!(
                    "{place}: `{check}` is neither a test citation nor a path"
                ));
            } else if !root.join(check).exists() {
                found
                    .rows
                    .push(format!("{place}: `{check}` does not exist"));
            }
        }
    }
    found
}

#[test]
fn every_test_the_verification_map_cites_exists() {
    let found = problems(&read_map(), root());
    assert!(
        found.citations.is_empty(),
        "docs/VERIFICATION.md cites tests that do not exist:\n{}",
        found.citations.join("\n")
    );
}

#[test]
fn every_promise_in_the_verification_map_names_a_check_that_exists() {
    let map = read_map();
    let found = problems(&map, root());
    assert!(
        found.rows.is_empty(),
        "docs/VERIFICATION.md has rows to fix:\n{}",
        found.rows.join("\n")
    );
    let rows = map
        .lines()
        .filter(|l| l.starts_with('|') && !is_separator(l))
        .count();
    assert!(
        rows > 100,
        "the map shrank to {rows} table lines: was it cut?"
    );
}

#[test]
fn a_mistyped_or_malformed_citation_is_reported_not_skipped() {
    let map = "\
| Promise | Checked by |
|---|---|
| typo in the name | `privacy::nothing_identifying_reaches_the_logs_or_the_database_in_the_cleer` |
| right name, wrong module | `intake::nothing_identifying_reaches_the_logs_or_the_database_in_the_clear` |
| a helper, not a test | `helpers::spawn_app` |
| a unit test without its tests module | `seal::receipt::debug_never_shows_secrets` |
| one colon | `privacy:nothing_identifying_reaches_the_logs_or_the_database_in_the_clear` |
| capitals | `Privacy::Nothing` |
| a module with no tests | `staff_helpers::*` |
| no module | `nothing_identifying_reaches_the_logs_or_the_database_in_the_clear` |
| a missing file | `tests/browser/missing.mjs` |
| nothing cited | a sentence |
| cut in two | `privacy::nothing |
| fine | `privacy::nothing_identifying_reaches_the_logs_or_the_database_in_the_clear`, `seal::receipt::tests::debug_never_shows_secrets`, `staff::totp::tests::*`, `tests/browser/a11y.mjs` |
";
    let found = problems(map, root());
    let found = found.all();
    for line in 3..=13 {
        assert!(
            found
                .iter()
                .any(|p| p.starts_with(&format!("{MAP}:{line}:"))),
            "line {line} of the sample map was not reported; found:\n{}",
            found.join("\n")
        );
    }
    assert!(
        !found.iter().any(|p| p.starts_with(&format!("{MAP}:14:"))),
        "a correct row was reported:\n{}",
        found.join("\n")
    );
}

#[test]
fn citations_parse_into_the_folder_and_module_cargo_test_names() {
    assert_eq!(
        parse_citation("seal::receipt::tests::debug_never_shows_secrets"),
        Ok(Citation {
            folder: "src",
            module: vec!["seal".into(), "receipt".into()],
            test: Some("debug_never_shows_secrets".into()),
        })
    );
    assert_eq!(
        parse_citation("matrix::*"),
        Ok(Citation {
            folder: "tests/api",
            module: vec!["matrix".into()],
            test: None,
        })
    );
    assert!(
        parse_citation("tests::x").is_err(),
        "a unit test needs a module"
    );
    assert!(
        parse_citation("a::tests::b::c").is_err(),
        "`tests` only last"
    );
    assert!(parse_citation("a::").is_err(), "an empty name");
}
