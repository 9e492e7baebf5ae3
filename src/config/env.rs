//! `SUOJA_*` environment variables, applied over the config file.

/// `SUOJA_LIMITS__LOOKUPS_PER_MINUTE=5` sets `limits.lookups_per_minute = 5`.
/// A value that parses as TOML (a number, a boolean) is taken as such, any
/// other as a string; a secret (`SECRET_KEYS`) is always a string.
/// `SUOJA_LOG` and `SUOJA_CONFIG` are not config keys, nor is `SUOJA_TEST_*`
/// (the test harness's choice of database, which the binaries under test
/// inherit).
pub(super) fn apply_env_overrides(
    table: &mut toml::Table,
    env: impl IntoIterator<Item = (String, String)>,
) -> Result<(), (String, String)> {
    for (name, raw) in env {
        let Some(rest) = name.strip_prefix("SUOJA_") else {
            continue;
        };
        if matches!(rest, "LOG" | "CONFIG") || rest.starts_with("TEST_") {
            continue;
        }
        let path: Vec<String> = rest.split("__").map(str::to_lowercase).collect();
        // A secret stays the text it was given: `1234` must not become a
        // number, nor be quoted back in an error about a number.
        let secret = path
            .last()
            .is_some_and(|k| SECRET_KEYS.contains(&k.as_str()));
        let value = (!secret)
            .then(|| toml::from_str::<toml::Table>(&format!("v = {raw}")).ok())
            .flatten()
            .and_then(|mut t| t.remove("v"))
            .unwrap_or(toml::Value::String(raw));
        let mut node = &mut *table;
        let (last, parents) = path.split_last().ok_or((name.clone(), "empty".into()))?;
        for part in parents {
            let entry = node
                .entry(part.clone())
                .or_insert_with(|| toml::Value::Table(toml::Table::new()));
            node = entry
                .as_table_mut()
                .ok_or((path.join("."), format!("{name} sets a key inside a value")))?;
        }
        node.insert(last.clone(), value);
    }
    Ok(())
}

/// Keys whose environment value is always taken as a string.
const SECRET_KEYS: &[&str] = &["password"];
