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
        ("SUOJA_TEST_DATABASE", "postgres"),
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
    // The quick exit's redirect sends it in a header: no spaces, ASCII.
    for bad in ["http://yle.fi/", "https://yle.fi/a b", "https://ylé.fi/"] {
        let (_d, path) = with_replaced(
            "quick_exit_url = \"https://yle.fi/\"",
            &format!("quick_exit_url = \"{bad}\""),
        );
        assert!(load_err(&path).contains("key `quick_exit_url`"), "{bad}");
    }
    let (_d, path) = with_replaced("listen = \"127.0.0.1:8080\"", "listen = \"everywhere\"");
    assert!(load_err(&path).contains("key `listen`"));
    let (_d, path) = with_replaced("sv = \"Stödlinjen\"", "sv = \"\"");
    assert!(load_err(&path).contains("services[0].name.sv"));
    let (_d, path) = with_replaced("slug = \"helpline\"", "slug = \"Help Line\"");
    assert!(load_err(&path).contains("services[0].slug"));
}

const ONION: &str = "http://suojaexampleonionservicenamenotarealaddresszzzzzzzzzzzzz.onion";

#[test]
fn onion_location_takes_an_onion_services_base_address_and_names_a_bad_one() {
    let (_d, path) = with_replaced(
        &format!("# onion_location = \"{ONION}\""),
        &format!("onion_location = \"{ONION}/\""),
    );
    let Ok(config) = Config::load(&path, no_env()) else {
        panic!("a valid onion_location is refused")
    };
    assert_eq!(config.onion_location.as_deref(), Some(ONION));
    let Ok(config) = Config::load("suoja.example.toml".as_ref(), no_env()) else {
        panic!("the example does not load")
    };
    assert!(config.onion_location.is_none(), "off by default");
    for bad in [
        "https://apu.example.fi",
        "http://short.onion",
        &format!("{ONION}/contact"),
        &format!("{ONION}:port"),
        &ONION.replace("http://", "ftp://"),
        &ONION.replace("suoja", "SUOJA"),
    ] {
        let env = [("SUOJA_ONION_LOCATION".to_owned(), bad.to_owned())];
        match Config::load("suoja.example.toml".as_ref(), env) {
            Ok(_) => panic!("{bad} was taken"),
            Err(e) => assert!(
                e.to_string()
                    .contains("key `onion_location`: expected the onion service"),
                "{e}"
            ),
        }
    }
}

#[test]
fn retention_keys_are_checked_and_their_errors_name_the_file_and_the_key() {
    let Ok(config) = Config::load("suoja.example.toml".as_ref(), no_env()) else {
        panic!("the example config does not load")
    };
    assert_eq!(config.services[0].retention.days, 180);
    assert_eq!(config.services[0].retention.closed_days, 30);
    assert_eq!(config.retention.purge_interval_minutes, 60);
    let (_d, path) = with_replaced("closed_retention_days = 30", "closed_retention_days = 200");
    let e = load_err(&path);
    assert!(e.contains("bad.toml"), "{e}");
    assert!(e.contains("key `services[0].closed_retention_days`"), "{e}");
    assert!(e.contains("longer than retention_days (180)"), "{e}");
    let (_d, path) = with_replaced("retention_days = 180", "retention_days = 0");
    let e = load_err(&path);
    assert!(
        e.contains("key `services[0].retention_days`: expected 1 to 3650 days"),
        "{e}"
    );
    let (_d, path) = with_replaced("purge_interval_minutes = 60", "purge_interval_minutes = 0");
    assert!(load_err(&path).contains("key `retention.purge_interval_minutes`"));
    // Without closed_retention_days: 30 days, or retention_days if shorter.
    let (_d, path) = with_replaced(
        "retention_days = 180\nclosed_retention_days = 30",
        "retention_days = 14",
    );
    let Ok(config) = Config::load(&path, no_env()) else {
        panic!("a short retention_days alone is fine")
    };
    assert_eq!(config.services[0].retention.closed_days, 14);
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

/// The example with its commented-out `[smtp]` table uncommented.
fn example_with_smtp_uncommented() -> (tempfile::TempDir, std::path::PathBuf) {
    let text = std::fs::read_to_string("suoja.example.toml").unwrap();
    let mut out = String::new();
    let mut in_table = false;
    for line in text.lines() {
        in_table = line == "# [smtp]" || (in_table && line.starts_with("# "));
        out.push_str(if in_table { &line[2..] } else { line });
        out.push('\n');
    }
    assert!(out.contains("\n[smtp]\n"), "the example documents [smtp]");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("smtp.toml");
    std::fs::write(&path, out).unwrap();
    (dir, path)
}

/// The example plus an `[smtp]` table with `table` in it.
fn with_smtp(table: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let text = std::fs::read_to_string("suoja.example.toml").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    std::fs::write(&path, format!("{text}\n[smtp]\n{table}\n")).unwrap();
    (dir, path)
}

#[test]
fn the_example_smtp_table_loads_when_uncommented_and_never_shows_its_password() {
    use secrecy::ExposeSecret;
    let Ok(plain) = Config::load("suoja.example.toml".as_ref(), no_env()) else {
        panic!("the example config does not load")
    };
    assert!(plain.smtp.is_none(), "notifications are off by default");
    let (_d, path) = example_with_smtp_uncommented();
    let Ok(config) = Config::load(&path, no_env()) else {
        panic!("the uncommented [smtp] example does not load")
    };
    let smtp = config.smtp.unwrap();
    assert_eq!(smtp.host, "smtp.example.org");
    assert_eq!(smtp.port, 587);
    assert_eq!(smtp.security, suoja::config::SmtpSecurity::Starttls);
    assert_eq!(smtp.from.email.to_string(), "suoja@example.org");
    assert_eq!(smtp.batch_seconds, 300);
    let (user, password) = smtp.credentials.as_ref().unwrap();
    assert_eq!(user, "suoja");
    assert_eq!(password.expose_secret(), "change-me");
    assert!(!format!("{smtp:?}").contains("change-me"));

    // From the environment, a password is always text, never a number.
    let env = [("SUOJA_SMTP__PASSWORD".to_owned(), "00123456".to_owned())];
    let Ok(config) = Config::load(&path, env) else {
        panic!("the password override does not load")
    };
    let smtp = config.smtp.unwrap();
    assert_eq!(
        smtp.credentials.as_ref().unwrap().1.expose_secret(),
        "00123456"
    );
    assert!(!format!("{smtp:?}").contains("123456"));
}

#[test]
fn smtp_keys_have_defaults_and_bad_values_are_named_without_quoting_the_password() {
    let (_d, path) = with_smtp("host = \"mail.example.org\"\nfrom = \"suoja@example.org\"");
    let Ok(config) = Config::load(&path, no_env()) else {
        panic!("a minimal [smtp] does not load")
    };
    let smtp = config.smtp.unwrap();
    assert_eq!(smtp.port, 587);
    assert_eq!(smtp.security, suoja::config::SmtpSecurity::Starttls);
    assert_eq!(smtp.batch_seconds, 300);
    assert!(smtp.credentials.is_none());

    let host = "host = \"mail.example.org\"\n";
    for (table, key) in [
        ("from = \"not a mailbox\"", "smtp.from"),
        (
            "from = \"a@example.org\"\nbatch_seconds = 0",
            "smtp.batch_seconds",
        ),
        (
            "from = \"a@example.org\"\nbatch_seconds = 86401",
            "smtp.batch_seconds",
        ),
        (
            "from = \"a@example.org\"\nusername = \"u\"",
            "smtp.password",
        ),
        (
            "from = \"a@example.org\"\nsecurity = \"none\"\nusername = \"u\"\npassword = \"p\"",
            "smtp.security",
        ),
    ] {
        let (_d, path) = with_smtp(&format!("{host}{table}"));
        let e = load_err(&path);
        assert!(e.contains("bad.toml"), "{e}");
        assert!(e.contains(&format!("key `{key}`")), "{e}");
    }
    let (_d, path) = with_smtp(&format!(
        "{host}from = \"a@example.org\"\nusername = \"u\"\npassword = 987654321"
    ));
    let e = load_err(&path);
    assert!(e.contains("smtp.password"), "{e}");
    assert!(!e.contains("987654321"), "{e}");
    let (_d, path) = with_smtp(&format!(
        "{host}from = \"a@example.org\"\nsecurity = \"ssl\""
    ));
    assert!(load_err(&path).contains("security"));
}

#[test]
fn a_service_time_zone_and_line_number_are_checked_at_start() {
    let Ok(config) = Config::load("suoja.example.toml".as_ref(), no_env()) else {
        panic!("the example config loads");
    };
    let service = &config.services[0];
    assert_eq!(service.time_zone.iana_name(), Some("Europe/Helsinki"));
    assert_eq!(service.phone.as_deref(), Some("+358 9 123 4567"));

    let (_d, path) = with_replaced(
        r#"time_zone = "Europe/Helsinki""#,
        r#"time_zone = "Europe/Atlantis""#,
    );
    let e = load_err(&path);
    assert!(e.contains("services[0].time_zone"), "{e}");
    assert!(e.contains("Europe/Atlantis"), "{e}");

    let (_d, path) = with_replaced(r#"phone = "+358 9 123 4567""#, r#"phone = "call us""#);
    let e = load_err(&path);
    assert!(e.contains("services[0].phone"), "{e}");
    assert!(!e.contains("call us"), "{e}");

    // Both are optional: Helsinki time, and no number shown.
    let (_d, path) = with_replaced("time_zone = \"Europe/Helsinki\"\n", "");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("phone = \"+358 9 123 4567\"\n", "")).unwrap();
    let Ok(config) = Config::load(&path, no_env()) else {
        panic!("time_zone and phone are optional");
    };
    assert_eq!(
        config.services[0].time_zone.iana_name(),
        Some("Europe/Helsinki")
    );
    assert_eq!(config.services[0].phone, None);
}

#[test]
fn booking_keys_have_defaults_are_overridable_and_bad_values_are_named() {
    let Ok(config) = Config::load("suoja.example.toml".as_ref(), no_env()) else {
        panic!("the example config does not load")
    };
    assert_eq!(config.booking.window_days, 28);
    assert_eq!(config.booking.phone_grace_minutes, 15);
    let env = [
        ("SUOJA_BOOKING__WINDOW_DAYS", "400"),
        ("SUOJA_BOOKING__PHONE_GRACE_MINUTES", "0"),
    ]
    .map(|(k, v)| (k.to_owned(), v.to_owned()));
    let Ok(config) = Config::load("suoja.example.toml".as_ref(), env) else {
        panic!("booking overrides break the example")
    };
    assert_eq!(config.booking.window_days, 400);
    assert_eq!(config.booking.phone_grace_minutes, 0);
    let (_d, path) = with_replaced("window_days = 28", "window_days = 0");
    assert!(load_err(&path).contains("booking.window_days"));
    let (_d, path) = with_replaced("phone_grace_minutes = 15", "phone_grace_minutes = 999");
    assert!(load_err(&path).contains("booking.phone_grace_minutes"));
}

#[test]
fn the_reload_interval_defaults_to_five_seconds_and_is_checked() {
    let Ok(config) = Config::load("suoja.example.toml".as_ref(), no_env()) else {
        panic!("the example config does not load")
    };
    assert_eq!(config.reload_seconds, 5);
    let (_d, path) = with_replaced("reload_seconds = 5", "reload_seconds = 0");
    assert!(load_err(&path).contains("key `reload_seconds`: expected 1 to 300"));
    let (_d, path) = with_replaced("reload_seconds = 5", "");
    let Ok(config) = Config::load(&path, no_env()) else {
        panic!("without reload_seconds the config loads")
    };
    assert_eq!(config.reload_seconds, 5);
}
