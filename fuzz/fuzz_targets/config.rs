//! A config file's text, parsed and validated: no panic; errors name a key
//! or the file. Texts that could make it read device or system files (a
//! recipients path) are skipped: config is trusted, the fuzzer is not.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if ["/dev", "/proc", "/sys", "/run", "\\u", "\\U"]
        .iter()
        .any(|s| text.contains(s))
    {
        return;
    }
    if let Err(message) = suoja::fuzzing::config(text) {
        assert!(message.contains("fuzz.toml"), "{message}");
    }
});
