//! The staff login form: no panic; the name looked up has no leading space and is short,
//! and no code passes a second factor at a step that is not its own.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|body: &[u8]| {
    let Some((username, step)) = suoja::fuzzing::login_form(body) else {
        return;
    };
    assert!(username.chars().count() <= 100);
    // Trimmed, then cut at 100 characters (the cut may end in a space).
    assert_eq!(username.trim_start(), username);
    if let Some(step) = step {
        let now = 1_700_000_000 / 30;
        assert!(step + 1 >= now && step <= now + 1, "step {step}");
    }
});
