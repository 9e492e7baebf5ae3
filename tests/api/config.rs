//! Configuration: the example loads, overrides apply, and every error names
//! the file and the key (and for recipients files, the line).

use std::process::Command;

use suoja::config::Config;

use crate::helpers::*;

fn no_env() -> Vec<(String, String)> {
    Vec::new()
}

#[test]
fn the_example_config_is_valid_and_documents_every_section() {
    let Ok(config) = Config::load("suoja.example.toml".as_ref(), no_env()) else {
        panic!("the example config does not load")
    };
    assert_eq!(config.listen.to_string(), "127.0.0.1:8080");
    assert_eq!(config.database_url, "sqlite://data/suoja.db");
    assert!(config.recovery_recipient.is_some());
    assert_eq!(config.services[0].slug, "helpline");
    assert_eq!(config.services[0].recipients.len(), 1);
    assert_eq!(config.services[0].topics.len(), 2);
}

#[test]
fn environment_variables_override_keys_and_nested_keys() {
    let env = [
        ("SUOJA_LISTEN", "0.0.0.0:9999"),
        ("SUOJA_LIMITS__LOOKUPS_PER_MINUTE", "7"),
        ("SUOJA_FORM__MIN_FILL_SECONDS", "0"),
        ("SUOJA_LOG", "trace"),
        ("OTHER", "ignored"),
    ]
    .map(|(k, v)| (k.to_owned(), v.to_owned()));
    let Ok(config) = Config::load("suoja.example.toml".as_ref(), env) else {
        panic!("overrides break the example")
    };
    assert_eq!(config.listen.to_string(), "0.0.0.0:9999");
    assert_eq!(config.limits.lookups_per_minute, 7);
    assert_eq!(config.form.min_fill_seconds, 0);
}

fn with_replaced(from: &str, to: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string("suoja.example.toml").unwrap();
    assert!(text.contains(from), "{from}");
    let path = dir.path().join("bad.toml");
    std::fs::write(&path, text.replace(from, to)).unwrap();
    (dir, path)
}

fn load_err(path: &std::path::Path) -> String {
    match Config::load(path, no_env()) {
        Ok(_) => panic!("{} loaded", path.display()),
        Err(e) => e.to_string(),
    }
}

#[test]
fn a_malformed_recipient_string_names_the_file_the_service_and_the_entry() {
    let (_d, path) = with_replaced(
        r#"recipients = ["keys/example-counsellors.txt"]"#,
        r#"recipients = ["keys/example-counsellors.txt", "age1notakey"]"#,
    );
    let e = load_err(&path);
    assert!(e.contains("bad.toml"), "{e}");
    assert!(e.contains("services[0].recipients[1]"), "{e}");
    assert!(e.contains("not an age X25519 recipient"), "{e}");
}

#[test]
fn a_malformed_line_in_a_recipients_file_names_the_file_and_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let keys = dir.path().join("team.txt");
    std::fs::write(
        &keys,
        "# team\nage177f6875g8pp7rnl4t8mgskqc53ce27qsfgna376442knvzyqn3tq43d629\n\nssh-ed25519 AAAA nope\n",
    )
    .unwrap();
    let (_d, path) = with_replaced(
        r#"recipients = ["keys/example-counsellors.txt"]"#,
        &format!(r#"recipients = ["{}"]"#, keys.display()),
    );
    let e = load_err(&path);
    assert!(e.contains("services[0].recipients[0]"), "{e}");
    assert!(e.contains("team.txt line 4"), "{e}");
}

#[test]
fn unknown_keys_missing_keys_and_bad_values_are_named() {
    let (_d, path) = with_replaced(
        "quick_exit_url =",
        "quick_exit_adress = \"x\"\nquick_exit_url =",
    );
    assert!(load_err(&path).contains("quick_exit_adress"));
    let (_d, path) = with_replaced("listen = \"127.0.0.1:8080\"", "listen = \"everywhere\"");
    assert!(load_err(&path).contains("key `listen`"));
    let (_d, path) = with_replaced("sv = \"Stödlinjen\"", "sv = \"\"");
    assert!(load_err(&path).contains("services[0].name.sv"));
    let (_d, path) = with_replaced("slug = \"helpline\"", "slug = \"Help Line\"");
    assert!(load_err(&path).contains("services[0].slug"));
}

#[test]
fn the_binary_refuses_to_start_on_a_bad_config_and_says_why() {
    let (_d, path) = with_replaced(
        r#"recipients = ["keys/example-counsellors.txt"]"#,
        r#"recipients = ["age1qqqq"]"#,
    );
    let (ok, _, err) = run(Command::new(bin()).args(["serve", "--config"]).arg(&path));
    assert!(!ok);
    assert!(
        err.contains("bad.toml: key `services[0].recipients[0]`: not an age X25519 recipient"),
        "{err}"
    );
}
