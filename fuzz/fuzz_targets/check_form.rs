//! The client's check form: no panic; a receipt that parses reads back the
//! same from its shown form, and a written-back message keeps its limits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use suoja::fuzzing::MESSAGE_MAX;

fuzz_target!(|body: &[u8]| {
    let Some((receipt, message)) = suoja::fuzzing::check_form(body) else {
        return;
    };
    if let Some(shown) = receipt {
        assert_eq!(suoja::fuzzing::receipt(&shown).as_deref(), Some(&*shown));
    }
    if let Ok(text) = message {
        assert!(!text.trim().is_empty() && text.chars().count() <= MESSAGE_MAX);
    }
});
