//! Receipts as typed: no panic; one that parses is 16 symbols in groups of
//! four, and its shown form parses back to itself.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Some(shown) = suoja::fuzzing::receipt(text) {
        assert_eq!(shown.len(), 19);
        assert_eq!(shown.matches('-').count(), 3);
        assert_eq!(suoja::fuzzing::receipt(&shown).as_deref(), Some(&*shown));
    }
});
